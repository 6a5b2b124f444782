//! Formatting in the current locale (tracked: re-renders when the locale changes).

use crate::domain::money::Money;
use crate::i18n;
use crate::state::prefs::locale;
use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, Utc};

pub fn date(d: NaiveDate) -> String {
    i18n::format_date(locale(), d)
}

pub fn datetime(at: DateTime<Utc>) -> String {
    local_datetime(at.with_timezone(&Local).naive_local())
}

/// A date and time on the rep's clock.
pub fn local_datetime(at: NaiveDateTime) -> String {
    i18n::format_datetime(locale(), at)
}

pub fn money(m: &Money) -> String {
    i18n::format_money(locale(), m)
}

/// A unit price with its currency (up to four decimals).
pub fn price(p: crate::domain::price::UnitPrice, c: &crate::domain::money::Currency) -> String {
    i18n::format_price(locale(), p, c)
}

/// A percentage from basis points ("21%", "7,5 %").
pub fn percent(bp: i64) -> String {
    i18n::format_percent(locale(), bp)
}

/// A margin as a share, to a tenth of a percent ("37.1%", "36.4%"): every margin on every
/// page is written to the same precision, so two can be compared at a glance.
pub fn margin_percent(bp: i64) -> String {
    let tenths = crate::domain::price::round_half_away(i128::from(bp), 10);
    percent(i64::try_from(tenths * 10).unwrap_or(bp))
}

pub fn number(n: i64) -> String {
    i18n::format_number(locale(), n)
}

/// A sort key of names (see [`name_order`]).
pub type NameOrder = Box<dyn Fn(&str) -> Vec<u32>>;

/// The key that orders `names` in the current language (ascending): the alphabet rules of
/// [`crate::domain::text::Collation`] (Latvian, Hungarian, Spanish, English), or for
/// Chinese, whose order (by pinyin) no rule here covers, the browser's `Intl.Collator`
/// over the names given.
pub fn name_order<'a>(names: impl Iterator<Item = &'a str>) -> NameOrder {
    use crate::domain::text::collation_key;
    let loc = locale();
    let ranks = (loc == crate::i18n::Locale::ZhCn).then(|| {
        let names: Vec<&str> = names.collect();
        i18n::collator_ranks(loc, &names)
    });
    let collation = loc.collation();
    Box::new(move |name: &str| match &ranks {
        Some(r) => vec![r.get(name).copied().unwrap_or(u32::MAX)],
        None => collation_key(collation, name),
    })
}

/// Today in the user's time zone.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}
