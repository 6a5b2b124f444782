//! Formatting in the current locale (tracked: re-renders when the locale changes).

use crate::domain::money::Money;
use crate::i18n;
use crate::state::prefs::locale;
use chrono::{DateTime, Local, NaiveDate, Utc};

pub fn date(d: NaiveDate) -> String {
    i18n::format_date(locale(), d)
}

pub fn datetime(at: DateTime<Utc>) -> String {
    i18n::format_datetime(locale(), at.with_timezone(&Local).naive_local())
}

pub fn money(m: &Money) -> String {
    i18n::format_money(locale(), m)
}

pub fn number(n: i64) -> String {
    i18n::format_number(locale(), n)
}

/// Today in the user's time zone.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}
