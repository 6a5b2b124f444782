//! Aging: how many days an invoice is overdue, the bucket it falls in, and the outstanding
//! totals per bucket and currency (the Receivables page and the dashboard).
//!
//! An invoice is overdue from the day after its due date: due today is not due yet. A paid
//! invoice is in no bucket.

use crate::domain::sorting::SortExt;
use chrono::NaiveDate;
use std::collections::BTreeMap;

use super::Invoice;
use crate::domain::money::Currency;

/// The age of an unpaid invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AgingBucket {
    NotDue,
    Days1To30,
    Days31To60,
    Days61To90,
    Over90,
}

crate::keyed_enum!(AgingBucket, "receivable.bucket", {
    NotDue => "not_due",
    Days1To30 => "days_1_30",
    Days31To60 => "days_31_60",
    Days61To90 => "days_61_90",
    Over90 => "over_90",
});

impl AgingBucket {
    /// The bucket of an invoice `days` days overdue (zero or less: not due).
    pub fn of_days(days: i64) -> AgingBucket {
        match days {
            i64::MIN..=0 => AgingBucket::NotDue,
            1..=30 => AgingBucket::Days1To30,
            31..=60 => AgingBucket::Days31To60,
            61..=90 => AgingBucket::Days61To90,
            _ => AgingBucket::Over90,
        }
    }

    /// The overdue buckets (every bucket but "not due").
    pub const OVERDUE: [AgingBucket; 4] = [
        AgingBucket::Days1To30,
        AgingBucket::Days31To60,
        AgingBucket::Days61To90,
        AgingBucket::Over90,
    ];
}

/// Days past the due date on `today` (zero when not due yet or paid).
pub fn days_overdue(invoice: &Invoice, today: NaiveDate) -> i64 {
    if invoice.is_paid() {
        return 0;
    }
    (today - invoice.due_on).num_days().max(0)
}

/// The bucket of an invoice on `today`; `None` when it is paid.
pub fn bucket(invoice: &Invoice, today: NaiveDate) -> Option<AgingBucket> {
    (!invoice.is_paid()).then(|| AgingBucket::of_days(days_overdue(invoice, today)))
}

/// The outstanding total of one bucket: how many invoices, and the sum per currency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BucketTotal {
    pub count: usize,
    pub by_currency: BTreeMap<Currency, i64>,
}

/// The outstanding totals of every bucket (in bucket order; empty buckets included).
pub fn totals_by_bucket<'a>(
    invoices: impl IntoIterator<Item = &'a Invoice>,
    today: NaiveDate,
) -> Vec<(AgingBucket, BucketTotal)> {
    let mut out: Vec<(AgingBucket, BucketTotal)> = AgingBucket::ALL
        .iter()
        .map(|b| (*b, BucketTotal::default()))
        .collect();
    for inv in invoices {
        let Some(b) = bucket(inv, today) else {
            continue;
        };
        let slot = &mut out[AgingBucket::ALL.iter().position(|x| *x == b).unwrap_or(0)].1;
        slot.count += 1;
        let sum = slot
            .by_currency
            .entry(inv.amount.currency.clone())
            .or_insert(0);
        *sum = sum.saturating_add(inv.outstanding_minor());
    }
    out
}

/// The overdue total (every overdue bucket) per currency.
pub fn overdue_total(totals: &[(AgingBucket, BucketTotal)]) -> BTreeMap<Currency, i64> {
    let mut sum = BTreeMap::new();
    for (b, t) in totals {
        if *b == AgingBucket::NotDue {
            continue;
        }
        for (c, v) in &t.by_currency {
            let s = sum.entry(c.clone()).or_insert(0i64);
            *s = s.saturating_add(*v);
        }
    }
    sum
}

/// The unpaid invoices, most overdue first (then by due date and number).
pub fn most_overdue_first<'a>(
    invoices: impl IntoIterator<Item = &'a Invoice>,
    today: NaiveDate,
) -> Vec<&'a Invoice> {
    let mut list: Vec<&Invoice> = invoices.into_iter().filter(|i| !i.is_paid()).collect();
    list.sort_with(|a, b| {
        days_overdue(b, today)
            .cmp(&days_overdue(a, today))
            .then(a.due_on.cmp(&b.due_on))
            .then(a.number.cmp(&b.number))
    });
    list
}
