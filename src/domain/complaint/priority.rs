//! The register's order: the most urgent first.
//!
//! 1. Open entries before resolved ones.
//! 2. Complaints before suggestions (urgency is a complaint's matter).
//! 3. The customer's anxiety, higher first: the worry, not the size of the fault, sets the
//!    urgency (METHOD.md: a worried customer labelled "over-anxious" is a lost customer).
//! 4. The size of the fault, larger first.
//! 5. The oldest opened first (it has waited longest); then the id, so the order is total.

use crate::domain::sorting::SortExt;
use std::cmp::{Ordering, Reverse};

use super::{Complaint, FeedbackKind};

/// `Less` when `a` is more urgent than `b`.
pub fn priority_order(a: &Complaint, b: &Complaint) -> Ordering {
    key(a).cmp(&key(b))
}

/// Sorts the most urgent first ([`priority_order`]).
pub fn sort_by_priority(list: &mut [Complaint]) {
    list.sort_with(priority_order);
}

/// Like [`sort_by_priority`], for borrowed entries.
pub fn sort_refs_by_priority(list: &mut [&Complaint]) {
    list.sort_with(|a, b| priority_order(a, b));
}

type Key = (
    bool,
    bool,
    Reverse<u8>,
    Reverse<u8>,
    chrono::DateTime<chrono::Utc>,
    crate::domain::ids::Id,
);

fn key(c: &Complaint) -> Key {
    (
        !c.is_open(),
        c.kind != FeedbackKind::Complaint,
        Reverse(c.anxiety),
        Reverse(c.fault_size),
        c.opened_at,
        c.id,
    )
}
