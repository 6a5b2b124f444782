//! The report of demand we do not serve: declined requests grouped by field.

use super::{DeclineReason, DeclinedRequest};
use crate::domain::ids::Id;
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;
use chrono::NaiveDate;

/// The declined requests of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDemand {
    /// The field as first spelled (by the earliest request of the group).
    pub field: String,
    pub count: usize,
    /// The latest day a request of this field was declined.
    pub last: NaiveDate,
    /// How many were declined for each reason, in the reasons' order (reasons with none
    /// left out).
    pub reasons: Vec<(DeclineReason, usize)>,
    /// How many were referred to a partner.
    pub referred: usize,
}

/// Declined requests grouped by field (case, accents and spacing do not split a field),
/// most asked first; ties by the latest request, then by field.
pub fn demand_by_field<'a>(
    requests: impl IntoIterator<Item = &'a DeclinedRequest>,
) -> Vec<FieldDemand> {
    let mut sorted: Vec<&DeclinedRequest> = requests.into_iter().collect();
    sorted.sort_on(|r| (r.on, r.created_at, r.id));
    let mut keys: Vec<String> = Vec::new();
    let mut out: Vec<FieldDemand> = Vec::new();
    for r in sorted {
        let key = fold(&r.field);
        let at = match keys.iter().position(|k| *k == key) {
            Some(i) => i,
            None => {
                keys.push(key);
                out.push(FieldDemand {
                    field: r.field.trim().to_string(),
                    count: 0,
                    last: r.on,
                    reasons: DeclineReason::ALL.iter().map(|x| (*x, 0)).collect(),
                    referred: 0,
                });
                out.len() - 1
            }
        };
        let g = &mut out[at];
        g.count += 1;
        g.last = g.last.max(r.on);
        if let Some(slot) = g.reasons.iter_mut().find(|(x, _)| *x == r.reason) {
            slot.1 += 1;
        }
        if r.partner_id.is_some() {
            g.referred += 1;
        }
    }
    for g in &mut out {
        g.reasons.retain(|(_, n)| *n > 0);
    }
    out.sort_with(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.last.cmp(&a.last))
            .then_with(|| fold(&a.field).cmp(&fold(&b.field)))
    });
    out
}

/// Declined requests, newest first (by day declined, then by when recorded).
pub fn newest_first<'a>(
    requests: impl IntoIterator<Item = &'a DeclinedRequest>,
) -> Vec<&'a DeclinedRequest> {
    let mut v: Vec<&DeclinedRequest> = requests.into_iter().collect();
    v.sort_on(|r| std::cmp::Reverse((r.on, r.created_at, r.id)));
    v
}

/// How many declined requests name `partner`.
pub fn requests_naming<'a>(
    requests: impl IntoIterator<Item = &'a DeclinedRequest>,
    partner: Id,
) -> usize {
    requests
        .into_iter()
        .filter(|r| r.partner_id == Some(partner))
        .count()
}
