//! The collection matrix (METHOD.md, step 6): the amount still owed and the days overdue
//! decide who collects and how.
//!
//! | | short overdue | long overdue |
//! |---|---|---|
//! | small | finance collects normally | escalate the collection level |
//! | large | the rep visits to collect | the rep negotiates a special payment arrangement |
//!
//! Large: the outstanding amount is at least `large_units` whole units of the invoice's
//! currency (its minor-unit exponent decides what a whole unit is). Long: more than
//! `long_days` days overdue. An invoice that is not overdue (or owes nothing) needs no
//! collection.

use super::{CollectionAction, CollectionThresholds};
use crate::domain::money::Money;

/// Whether `outstanding` is large under the thresholds.
pub fn is_large(outstanding: &Money, t: &CollectionThresholds) -> bool {
    let unit = 10i128.pow(outstanding.currency.exponent());
    i128::from(outstanding.minor) >= i128::from(t.large_units) * unit
}

/// Whether `days_overdue` is long under the thresholds.
pub fn is_long(days_overdue: i64, t: &CollectionThresholds) -> bool {
    days_overdue > i64::from(t.long_days)
}

/// What to do about an invoice owing `outstanding`, `days_overdue` days past due; `None`
/// when it is not overdue or owes nothing.
pub fn collection_action(
    outstanding: &Money,
    days_overdue: i64,
    t: &CollectionThresholds,
) -> Option<CollectionAction> {
    if days_overdue <= 0 || outstanding.minor <= 0 {
        return None;
    }
    Some(match (is_large(outstanding, t), is_long(days_overdue, t)) {
        (false, false) => CollectionAction::FinanceCollects,
        (false, true) => CollectionAction::Escalate,
        (true, false) => CollectionAction::RepVisits,
        (true, true) => CollectionAction::PaymentArrangement,
    })
}

/// The action the matrix proposes for an invoice on `today`.
pub fn proposed(
    invoice: &super::Invoice,
    today: chrono::NaiveDate,
    t: &CollectionThresholds,
) -> Option<CollectionAction> {
    let outstanding = Money::new(invoice.outstanding_minor(), invoice.amount.currency.clone());
    collection_action(&outstanding, super::aging::days_overdue(invoice, today), t)
}
