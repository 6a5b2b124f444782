//! How deals are named and summed in words: links, step labels, money totals, months.
//! Shared by the deal screens, the account page and the dashboard.

use crate::domain::deal::{Deal, Step};
use crate::domain::ids::Id;
use crate::domain::money::{Currency, Money};
use crate::domain::pipeline::{CurrencyTotals, YearMonth};
use crate::state::data::AppData;
use crate::state::tr;
use crate::ui::fmt;
use crate::ui::link::href;
use chrono::NaiveDate;

/// The in-app address of a deal.
pub fn deal_href(id: Id) -> String {
    href(&format!("/deals/{id}"))
}

/// "3. Discovering needs".
pub fn step_label(step: Step) -> String {
    format!("{}. {}", step.number(), tr(step.key()))
}

/// Per-currency totals as text ("€1,000.00 + $20.00"); zero euros when empty.
pub fn totals_text(t: &CurrencyTotals) -> String {
    if t.is_empty() {
        return fmt::money(&Money::zero(Currency::default()));
    }
    t.iter()
        .map(|(c, v)| fmt::money(&Money::new(*v, c.clone())))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// "Nov 2026" in the current locale.
pub fn month_label(ym: YearMonth) -> String {
    let first = NaiveDate::from_ymd_opt(ym.year, ym.month, 1).unwrap_or_default();
    let s = fmt::date(first);
    s.split_once(' ')
        .map(|(_, rest)| rest.to_string())
        .unwrap_or(s)
}

/// All deals as a vector (tracked).
pub fn all_deals(data: AppData) -> Vec<Deal> {
    data.deals.with_all(|m| m.values().cloned().collect())
}
