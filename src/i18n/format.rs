//! Numbers, money, dates and plural categories written the way each locale writes them.
//!
//! In the browser all of it comes from `Intl` (the platform's CLDR data: symbol position,
//! spacing, grouping, decimals, month names, plural rules), so no locale rule is written
//! here and none adds to the download. Native builds (the tests) have no `Intl`: they write
//! one plain, locale-free form (ISO dates, ungrouped numbers, "1250.50 EUR") and pick the
//! "one" form for exactly one.

use super::Locale;
use crate::domain::money::{Currency, Money};
use crate::domain::price::{format_scaled, UnitPrice, PRICE_PLACES};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// An integer with the locale's digit grouping ("12,500" / "12.500" / "12 500").
pub fn format_number(locale: Locale, n: i64) -> String {
    imp::number(locale, &n.to_string())
}

/// An amount with its currency as the locale writes it: "€1,250.50" in English,
/// "1250,50 €" in Spanish, "1 500 Ft" in Hungarian; always the currency's own decimals
/// (none for HUF).
pub fn format_money(locale: Locale, money: &Money) -> String {
    let places = money.currency.exponent();
    imp::money(
        locale,
        &money.to_decimal_string(),
        money.currency.code(),
        places,
        places,
    )
}

/// A unit price with its currency, as [`format_money`] writes amounts: at least the
/// currency's decimals, up to four ("€0.0125", "€12.50", "1250,50 €").
pub fn format_price(locale: Locale, price: UnitPrice, currency: &Currency) -> String {
    let min = currency.exponent().min(PRICE_PLACES);
    let plain = format_scaled(price.0, PRICE_PLACES, min);
    imp::money(locale, &plain, currency.code(), min, PRICE_PLACES)
}

/// A percentage from basis points, as the locale writes it: "21%", "7.5%" / "21 %", "7,5 %"
/// (at most two decimals, none when whole).
pub fn format_percent(locale: Locale, bp: i64) -> String {
    imp::percent(locale, bp)
}

/// A calendar date: "23 Nov 2026" / "23 nov 2026" / "2026年11月23日".
pub fn format_date(locale: Locale, date: NaiveDate) -> String {
    imp::date(locale, date)
}

/// A local time of day on the 24-hour clock: "14:05".
pub fn format_time(locale: Locale, at: NaiveTime) -> String {
    imp::time(locale, at)
}

/// A local date and time: "23 Nov 2026, 14:05".
pub fn format_datetime(locale: Locale, at: NaiveDateTime) -> String {
    imp::datetime(locale, at)
}

/// The plural category of `count` in the locale's language: "zero", "one", "two",
/// "few", "many" or "other".
pub(super) fn plural_category(locale: Locale, count: u64) -> &'static str {
    imp::plural(locale, count)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    pub use super::super::intl::{date, datetime, money, number, percent, plural, time};
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Locale;
    use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

    pub fn number(_: Locale, plain: &str) -> String {
        plain.to_string()
    }
    pub fn money(_: Locale, plain: &str, code: &str, _min: u32, _max: u32) -> String {
        format!("{plain} {code}")
    }
    pub fn percent(_: Locale, bp: i64) -> String {
        format!("{}%", crate::domain::price::format_scaled(bp, 2, 0))
    }
    pub fn date(_: Locale, d: NaiveDate) -> String {
        d.format("%Y-%m-%d").to_string()
    }
    pub fn time(_: Locale, t: NaiveTime) -> String {
        t.format("%H:%M").to_string()
    }
    pub fn datetime(_: Locale, at: NaiveDateTime) -> String {
        at.format("%Y-%m-%d %H:%M").to_string()
    }
    pub fn plural(locale: Locale, count: u64) -> &'static str {
        if count == 1 && !locale.plural_forms().is_empty() {
            "one"
        } else {
            "other"
        }
    }
}
