//! Step 6 — receivables (METHOD.md "Step 6 — Follow-up service"): a sale ends only when the
//! customer has paid every account.
//!
//! An [`Invoice`] belongs to a won deal (and its account): its number, issue and due
//! dates, the amount, the partial payments with their dates, the cause when it is late and
//! the collection steps taken. Late payment has three causes: fraud (prevented by a
//! [`CreditCheck`] of the account before the sale: licence, account history), our own fault
//! (late delivery, failed acceptance: fix it with the company first) and unwillingness to
//! pay. Collection follows the amount and the days overdue (the collection matrix).

pub mod aging;
mod check;
pub mod collection;
pub mod credit;
pub mod invoice;
mod record;

pub use aging::{bucket, days_overdue, AgingBucket};
pub use check::{check_credit, check_record};
pub use collection::collection_action;
pub use credit::needs_credit_check;
pub use invoice::exit_gate;
pub use record::*;

/// Where the collection matrix draws its lines, set in Settings: an outstanding amount of
/// at least `large_units` whole units of the invoice's currency is large; more than
/// `long_days` days overdue is long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CollectionThresholds {
    pub large_units: u32,
    pub long_days: u32,
}

impl Default for CollectionThresholds {
    fn default() -> Self {
        CollectionThresholds {
            large_units: 10_000,
            long_days: 30,
        }
    }
}

#[cfg(test)]
mod tests;
