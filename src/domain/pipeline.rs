//! Dashboard and board arithmetic over a slice of deals.
//!
//! **Money is never mixed across currencies**: every sum is a [`CurrencyTotals`] map from
//! currency to integer minor units. Sums saturate at `i64` bounds instead of overflowing.
//!
//! **Weighted value** of a deal = value × probability / 100, computed in integers and
//! rounded **half away from zero** to the nearest minor unit, *per deal*; weighted totals
//! are the sums of those per-deal figures (so the cards of a column add up to the column).
//!
//! Which deals count where:
//! * the *open pipeline* ([`open_by_step`]) counts deals whose outcome is open;
//! * the *board* ([`board`]), next-step checks and stuck deals use *active* deals: open, or
//!   won and not yet fully paid (step 6, follow-up service, is worked until the money is in);
//! * won / lost figures use the outcome's date.

use crate::domain::sorting::SortExt;
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::deal::{probability, Deal, Outcome, Step};
use super::ids::Id;
use super::money::{Currency, Money};
use super::text::fold;

/// Sums per currency, in minor units.
pub type CurrencyTotals = BTreeMap<Currency, i64>;

/// Adds `minor` units of `currency` to `totals` (saturating).
pub fn add_to(totals: &mut CurrencyTotals, currency: &Currency, minor: i64) {
    let slot = totals.entry(currency.clone()).or_insert(0);
    *slot = slot.saturating_add(minor);
}

/// `minor × percent / 100`, rounded half away from zero.
pub fn weighted_minor(minor: i64, percent: u8) -> i64 {
    let n = i128::from(minor) * i128::from(percent.min(100));
    let (q, r) = (n / 100, n % 100);
    let q = if r.abs() * 2 >= 100 {
        q + n.signum()
    } else {
        q
    };
    q as i64 // |q| ≤ |minor|, so it fits
}

/// The deal's value weighted by its probability.
pub fn weighted_value(deal: &Deal) -> Money {
    Money::new(
        weighted_minor(deal.value.minor, probability(deal)),
        deal.value.currency.clone(),
    )
}

/// A count of deals with their value and weighted value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Totals {
    pub count: usize,
    pub value: CurrencyTotals,
    pub weighted: CurrencyTotals,
}

impl Totals {
    pub fn add(&mut self, deal: &Deal) {
        self.count += 1;
        add_to(&mut self.value, &deal.value.currency, deal.value.minor);
        let w = weighted_value(deal);
        add_to(&mut self.weighted, &w.currency, w.minor);
    }
}

/// Totals of one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepSummary {
    pub step: Step,
    pub totals: Totals,
}

/// The open pipeline per step: always the six steps in order (with zero totals where empty).
pub fn open_by_step<'a>(deals: impl IntoIterator<Item = &'a Deal>) -> Vec<StepSummary> {
    let mut out: Vec<StepSummary> = Step::ALL
        .iter()
        .map(|s| StepSummary {
            step: *s,
            totals: Totals::default(),
        })
        .collect();
    for d in deals.into_iter().filter(|d| d.is_open()) {
        out[d.step as usize].totals.add(d);
    }
    out
}

/// The whole open pipeline.
pub fn open_total<'a>(deals: impl IntoIterator<Item = &'a Deal>) -> Totals {
    let mut t = Totals::default();
    deals
        .into_iter()
        .filter(|d| d.is_open())
        .for_each(|d| t.add(d));
    t
}

// ---------------------------------------------------------------------------------------
// Next steps and stuck deals
// ---------------------------------------------------------------------------------------

/// What is wrong with an active deal's next step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStepIssue {
    Missing,
    /// Due before today (a next step due today is not overdue).
    Overdue {
        due: NaiveDate,
        days_late: i64,
    },
}

crate::keyed_enum!(NextStepIssue, {
    Self::Missing => "deal.warning.no_next_step",
    Self::Overdue { .. } => "deal.warning.next_step_overdue",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextStepAttention<'a> {
    pub deal: &'a Deal,
    pub issue: NextStepIssue,
}

/// Active deals with no next step (the longest in their step first), then those whose next
/// step is overdue on `today` (the longest overdue first).
pub fn next_step_attention<'a>(
    deals: impl IntoIterator<Item = &'a Deal>,
    today: NaiveDate,
) -> Vec<NextStepAttention<'a>> {
    let active: Vec<&Deal> = deals.into_iter().filter(|d| d.is_active()).collect();
    let mut out: Vec<_> = active
        .iter()
        .filter(|d| d.next_step.is_none())
        .map(|deal| NextStepAttention {
            deal,
            issue: NextStepIssue::Missing,
        })
        .collect();
    out.sort_on(|a| (a.deal.step_entered_at, a.deal.id));
    let mut overdue: Vec<_> = active
        .iter()
        .filter_map(|&deal| {
            let due = deal.next_step.as_ref()?.due;
            (due < today).then_some(NextStepAttention {
                deal,
                issue: NextStepIssue::Overdue {
                    due,
                    days_late: (today - due).num_days(),
                },
            })
        })
        .collect();
    overdue.sort_on(|a| match a.issue {
        NextStepIssue::Overdue { due, .. } => (due, a.deal.id),
        NextStepIssue::Missing => (NaiveDate::MAX, a.deal.id),
    });
    out.extend(overdue);
    out
}

/// An active deal that has been in its current step too long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StuckDeal<'a> {
    pub deal: &'a Deal,
    /// Whole days since it entered the step.
    pub days_in_step: i64,
}

/// Open deals in their current step for **more than** `threshold_days` whole days
/// (measured from `step_entered_at` to `now`): with a threshold of 30, a deal shows once it
/// has been 31 days in its step, so the days shown are always more than the threshold the
/// card names. A won deal in follow-up service is not stuck: that step lasts as long as the
/// customer does (its unpaid invoices have their own card). The longest stuck first.
pub fn stuck<'a>(
    deals: impl IntoIterator<Item = &'a Deal>,
    now: DateTime<Utc>,
    threshold_days: u32,
) -> Vec<StuckDeal<'a>> {
    let limit = i64::from(threshold_days);
    let mut out: Vec<_> = deals
        .into_iter()
        .filter(|d| d.is_open())
        .filter_map(|deal| {
            let days = (now - deal.step_entered_at).num_days();
            (days > limit).then_some(StuckDeal {
                deal,
                days_in_step: days,
            })
        })
        .collect();
    out.sort_on(|s| (s.deal.step_entered_at, s.deal.id));
    out
}

// ---------------------------------------------------------------------------------------
// Months, won and lost
// ---------------------------------------------------------------------------------------

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    /// `None` unless `month` is 1–12.
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        YearMonth::of(date) == *self
    }
}

/// A count of deals and their value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CountValue {
    pub count: usize,
    pub value: CurrencyTotals,
}

impl CountValue {
    fn add(&mut self, deal: &Deal) {
        self.count += 1;
        add_to(&mut self.value, &deal.value.currency, deal.value.minor);
    }
}

/// Deals won, lost and declined in a month.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MonthResults {
    pub won: CountValue,
    pub lost: CountValue,
    pub declined: CountValue,
}

/// Deals whose outcome is dated in `month` (won: the contract date).
pub fn results_in_month<'a>(
    deals: impl IntoIterator<Item = &'a Deal>,
    month: YearMonth,
) -> MonthResults {
    let mut r = MonthResults::default();
    for d in deals {
        match &d.outcome {
            Outcome::Won { at, .. } if month.contains(*at) => r.won.add(d),
            Outcome::Lost { at, .. } if month.contains(*at) => r.lost.add(d),
            Outcome::Declined { at, .. } if month.contains(*at) => r.declined.add(d),
            _ => {}
        }
    }
    r
}

// ---------------------------------------------------------------------------------------
// New-customer share (seed 001)
// ---------------------------------------------------------------------------------------

/// The share of won value that came from new customers, in one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCustomerShare {
    pub currency: Currency,
    /// Won value in the period, minor units.
    pub won: i64,
    /// Of which from new customers.
    pub won_new: i64,
    /// `won_new / won` in basis points (1 % = 100), rounded down; `None` when nothing was won.
    pub share_bp: Option<u32>,
    pub target_bp: u32,
    /// `won_new / won ≥ target`, compared exactly (not on the rounded share). A zero target
    /// is always met; otherwise nothing won means not met.
    pub met: bool,
}

/// Per currency with wins dated `from..=to`: the share of won value from deals for which
/// `is_new` holds (the account was a new customer when the deal was won), against
/// `target_bp`. Currencies are sorted by code.
pub fn new_customer_share<'a>(
    deals: impl IntoIterator<Item = &'a Deal>,
    from: NaiveDate,
    to: NaiveDate,
    target_bp: u32,
    is_new: impl Fn(&Deal) -> bool,
) -> Vec<NewCustomerShare> {
    let mut sums: BTreeMap<Currency, (i64, i64)> = BTreeMap::new();
    for d in deals {
        let Outcome::Won { at, .. } = d.outcome else {
            continue;
        };
        if at < from || at > to {
            continue;
        }
        let slot = sums.entry(d.value.currency.clone()).or_default();
        slot.0 = slot.0.saturating_add(d.value.minor);
        if is_new(d) {
            slot.1 = slot.1.saturating_add(d.value.minor);
        }
    }
    sums.into_iter()
        .map(|(currency, (won, won_new))| {
            let share_bp = (won > 0).then(|| {
                (i128::from(won_new) * 10_000 / i128::from(won)).clamp(0, i128::from(u32::MAX))
                    as u32
            });
            let met = target_bp == 0
                || (won > 0
                    && i128::from(won_new) * 10_000 >= i128::from(target_bp) * i128::from(won));
            NewCustomerShare {
                currency,
                won,
                won_new,
                share_bp,
                target_bp,
                met,
            }
        })
        .collect()
}

/// [`new_customer_share`] with the set of accounts that were new customers at the time.
pub fn new_customer_share_by_accounts<'a>(
    deals: impl IntoIterator<Item = &'a Deal>,
    from: NaiveDate,
    to: NaiveDate,
    target_bp: u32,
    new_accounts: &BTreeSet<Id>,
) -> Vec<NewCustomerShare> {
    new_customer_share(deals, from, to, target_bp, |d| {
        new_accounts.contains(&d.account_id)
    })
}

/// Whether a deal won on `won_on` counts as business from a **new** customer: the account
/// was not yet a customer (`customer_since` unset), or it became one with this very win or
/// later (a first win sets `customer_since` to the contract date).
pub fn was_new_customer(customer_since: Option<NaiveDate>, won_on: NaiveDate) -> bool {
    customer_since.is_none_or(|since| since >= won_on)
}

/// The share period of the dashboard: 1 January of `today`'s year to `today`.
pub fn year_to_date(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    (start, today)
}

/// The currency with the largest absolute total across `totals` (ties: lowest code), used
/// to draw one chart in one currency; `None` when every map is empty.
pub fn main_currency<'a>(totals: impl IntoIterator<Item = &'a CurrencyTotals>) -> Option<Currency> {
    let mut sums: BTreeMap<Currency, i128> = BTreeMap::new();
    for t in totals {
        for (c, v) in t {
            *sums.entry(c.clone()).or_insert(0) += i128::from(*v).abs();
        }
    }
    let mut best: Option<(Currency, i128)> = None;
    for (c, v) in sums {
        if best.as_ref().is_none_or(|(_, b)| v > *b) {
            best = Some((c, v));
        }
    }
    best.map(|(c, _)| c)
}

/// Basis points as a percentage without trailing zeros: 3000 → "30", 1250 → "12.5",
/// 333 → "3.33" (the decimal point is a dot; callers localise it).
pub fn bp_to_percent_text(bp: u32) -> String {
    if bp.is_multiple_of(100) {
        (bp / 100).to_string()
    } else {
        format!("{}.{:02}", bp / 100, bp % 100)
            .trim_end_matches('0')
            .to_string()
    }
}

/// Parses a percentage from 0 to 100 with at most two decimals ("30", "12,5", "7.25 %")
/// into basis points.
pub fn parse_percent_bp(input: &str) -> Option<u32> {
    let s = input.trim().trim_end_matches('%').trim().replace(',', ".");
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    if int.is_empty()
        || frac.len() > 2
        || !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let bp = int
        .parse::<u32>()
        .ok()?
        .checked_mul(100)?
        .checked_add(format!("{frac:0<2}").parse::<u32>().ok()?)?;
    (bp <= 10_000).then_some(bp)
}

// ---------------------------------------------------------------------------------------
// The board
// ---------------------------------------------------------------------------------------

/// Board filters; `None` (or an empty owner) shows everything. `G` is the account grade
/// type, looked up through a closure so this module does not depend on accounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardFilter<G> {
    /// Compared folded (case, accents and spacing ignored).
    pub owner: Option<String>,
    pub grade: Option<G>,
    /// Deals expected to close in this month (deals without a date are hidden).
    pub close_month: Option<YearMonth>,
}

impl<G> Default for BoardFilter<G> {
    fn default() -> Self {
        BoardFilter {
            owner: None,
            grade: None,
            close_month: None,
        }
    }
}

impl<G> BoardFilter<G> {
    /// How many filters narrow the board.
    pub fn narrowing(&self) -> usize {
        [
            self.owner.is_some(),
            self.grade.is_some(),
            self.close_month.is_some(),
        ]
        .into_iter()
        .filter(|set| *set)
        .count()
    }
}

/// Whether `deal` passes `filter`; `grade_of` gives the grade of an account.
pub fn matches_filter<G: PartialEq>(
    deal: &Deal,
    filter: &BoardFilter<G>,
    grade_of: &impl Fn(Id) -> Option<G>,
) -> bool {
    if let Some(owner) = filter.owner.as_deref().map(fold).filter(|o| !o.is_empty()) {
        if fold(&deal.owner) != owner {
            return false;
        }
    }
    if let Some(grade) = &filter.grade {
        if grade_of(deal.account_id).as_ref() != Some(grade) {
            return false;
        }
    }
    if let Some(month) = filter.close_month {
        if !deal.expected_close.is_some_and(|d| month.contains(d)) {
            return false;
        }
    }
    true
}

/// One column of the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardColumn<'a> {
    pub step: Step,
    /// Sorted by expected close date (undated last), then by title.
    pub deals: Vec<&'a Deal>,
    pub totals: Totals,
}

/// The board: the six steps in order, each with the active deals that pass `filter`.
pub fn board<'a, G: PartialEq>(
    deals: impl IntoIterator<Item = &'a Deal>,
    filter: &BoardFilter<G>,
    grade_of: impl Fn(Id) -> Option<G>,
) -> Vec<BoardColumn<'a>> {
    let mut cols: Vec<BoardColumn<'a>> = Step::ALL
        .iter()
        .map(|s| BoardColumn {
            step: *s,
            deals: Vec::new(),
            totals: Totals::default(),
        })
        .collect();
    for d in deals
        .into_iter()
        .filter(|d| d.is_active() && matches_filter(d, filter, &grade_of))
    {
        let col = &mut cols[d.step as usize];
        col.deals.push(d);
        col.totals.add(d);
    }
    for col in &mut cols {
        col.deals
            .sort_on_cached(|d| (d.expected_close.is_none(), d.expected_close, fold(&d.title)));
    }
    cols
}

/// The distinct owners of active deals, sorted folded (for the owner filter's options).
pub fn owners<'a>(deals: impl IntoIterator<Item = &'a Deal>) -> Vec<String> {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for d in deals.into_iter().filter(|d| d.is_active()) {
        let name = d.owner.trim();
        if !name.is_empty() {
            seen.entry(fold(name)).or_insert_with(|| name.to_string());
        }
    }
    seen.into_values().collect()
}

/// The distinct expected-close months of active deals, in order (for the month filter).
pub fn close_months<'a>(deals: impl IntoIterator<Item = &'a Deal>) -> Vec<YearMonth> {
    let set: BTreeSet<YearMonth> = deals
        .into_iter()
        .filter(|d| d.is_active())
        .filter_map(|d| d.expected_close.map(YearMonth::of))
        .collect();
    set.into_iter().collect()
}

#[cfg(test)]
mod tests;
