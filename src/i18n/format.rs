//! Dates, numbers and money written the way each locale writes them.

use super::Locale;
use crate::domain::money::{Currency, Money};
use crate::domain::price::{format_scaled, UnitPrice, PRICE_PLACES};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

struct NumberStyle {
    decimal: char,
    group: &'static str,
    /// Spanish does not group four-digit numbers ("1250" but "12.500").
    min_group_digits: usize,
}

fn number_style(locale: Locale) -> NumberStyle {
    match locale {
        Locale::En => NumberStyle {
            decimal: '.',
            group: ",",
            min_group_digits: 4,
        },
        Locale::Es => NumberStyle {
            decimal: ',',
            group: ".",
            min_group_digits: 5,
        },
    }
}

fn group_digits(digits: &str, style: &NumberStyle) -> String {
    if digits.len() < style.min_group_digits {
        return digits.to_string();
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(style.group);
        }
        out.push(c);
    }
    out
}

/// An integer with the locale's digit grouping ("12,500" / "12.500").
pub fn format_number(locale: Locale, n: i64) -> String {
    let style = number_style(locale);
    let sign = if n < 0 { "-" } else { "" };
    format!(
        "{sign}{}",
        group_digits(&n.unsigned_abs().to_string(), &style)
    )
}

fn symbol(code: &str) -> Option<&'static str> {
    Some(match code {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        "CNY" => "¥",
        "JPY" => "¥",
        "HUF" => "Ft",
        _ => return None,
    })
}

/// An amount with its currency as the locale writes it: "€1,250.50" in English,
/// "1250,50 €" in Spanish. Unknown currencies show their ISO code.
pub fn format_money(locale: Locale, money: &Money) -> String {
    format_amount(locale, &money.to_decimal_string(), money.currency.code())
}

/// A unit price with its currency, as [`format_money`] writes amounts: at least the
/// currency's decimals, up to four ("€0.0125", "€12.50", "1250,50 €").
pub fn format_price(locale: Locale, price: UnitPrice, currency: &Currency) -> String {
    let plain = format_scaled(price.0, PRICE_PLACES, currency.exponent().min(PRICE_PLACES));
    format_amount(locale, &plain, currency.code())
}

/// A percentage from basis points, as the locale writes it: "21%", "7.5%" / "21 %", "7,5 %"
/// (at most two decimals, none when whole).
pub fn format_percent(locale: Locale, bp: i64) -> String {
    let style = number_style(locale);
    let plain = format_scaled(bp, 2, 0);
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let mut n = format!("{sign}{}", group_digits(int, &style));
    if !frac.is_empty() {
        n.push(style.decimal);
        n.push_str(frac);
    }
    match locale {
        Locale::En => format!("{n}%"),
        _ => format!("{n}\u{a0}%"),
    }
}

/// A decimal amount ("-1250.5") with its currency code, the locale's way.
fn format_amount(locale: Locale, plain: &str, code: &str) -> String {
    let style = number_style(locale);
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let mut amount = group_digits(int, &style);
    if !frac.is_empty() {
        amount.push(style.decimal);
        amount.push_str(frac);
    }
    match (locale, symbol(code)) {
        (Locale::En, Some(sym)) if sym.chars().count() == 1 => format!("{sign}{sym}{amount}"),
        (Locale::En, Some(sym)) => format!("{sign}{amount} {sym}"),
        (Locale::En, None) => format!("{sign}{code} {amount}"),
        (_, Some(sym)) => format!("{sign}{amount}\u{a0}{sym}"),
        (_, None) => format!("{sign}{amount}\u{a0}{code}"),
    }
}

const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const ES_MONTHS: [&str; 12] = [
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
];

/// A calendar date: "23 Nov 2026" / "23 nov 2026".
pub fn format_date(locale: Locale, date: NaiveDate) -> String {
    let m = date.month0() as usize;
    match locale {
        Locale::En => format!("{} {} {}", date.day(), EN_MONTHS[m], date.year()),
        Locale::Es => format!("{} {} {}", date.day(), ES_MONTHS[m], date.year()),
    }
}

/// A local time of day: "14:05" (both locales write the 24-hour clock).
pub fn format_time(_locale: Locale, at: NaiveTime) -> String {
    format!("{:02}:{:02}", at.hour(), at.minute())
}

/// A local date and time: "23 Nov 2026, 14:05" / "23 nov 2026, 14:05".
pub fn format_datetime(locale: Locale, at: NaiveDateTime) -> String {
    format!(
        "{}, {}",
        format_date(locale, at.date()),
        format_time(locale, at.time())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;

    fn money(minor: i64, code: &str) -> Money {
        Money::new(minor, Currency::parse(code).unwrap())
    }

    #[test]
    fn money_per_locale() {
        assert_eq!(format_money(Locale::En, &money(125050, "EUR")), "€1,250.50");
        assert_eq!(
            format_money(Locale::Es, &money(125050, "EUR")),
            "1250,50\u{a0}€"
        );
        assert_eq!(
            format_money(Locale::Es, &money(1250050, "EUR")),
            "12.500,50\u{a0}€"
        );
        assert_eq!(format_money(Locale::En, &money(-500, "USD")), "-$5.00");
        assert_eq!(format_money(Locale::En, &money(1500, "HUF")), "1,500 Ft");
        assert_eq!(format_money(Locale::En, &money(100, "CHF")), "CHF 1.00");
    }

    #[test]
    fn dates_per_locale() {
        let d = NaiveDate::from_ymd_opt(2026, 9, 3).unwrap();
        assert_eq!(format_date(Locale::En, d), "3 Sep 2026");
        assert_eq!(format_date(Locale::Es, d), "3 sept 2026");
        let at = d.and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(format_datetime(Locale::En, at), "3 Sep 2026, 09:05");
    }

    #[test]
    fn numbers_per_locale() {
        assert_eq!(format_number(Locale::En, 1234567), "1,234,567");
        assert_eq!(format_number(Locale::Es, 1234), "1234");
        assert_eq!(format_number(Locale::Es, -12345), "-12.345");
    }

    #[test]
    #[allow(clippy::inconsistent_digit_grouping)]
    fn unit_prices_and_percentages() {
        let eur = Currency::parse("EUR").unwrap();
        let huf = Currency::parse("HUF").unwrap();
        assert_eq!(format_price(Locale::En, UnitPrice(12_5000), &eur), "€12.50");
        assert_eq!(format_price(Locale::En, UnitPrice(125), &eur), "€0.0125");
        assert_eq!(
            format_price(Locale::Es, UnitPrice(1_250_5000), &eur),
            "1250,50\u{a0}€"
        );
        assert_eq!(
            format_price(Locale::En, UnitPrice(1_500_0000), &huf),
            "1,500 Ft"
        );
        assert_eq!(format_price(Locale::En, UnitPrice(-2_0000), &eur), "-€2.00");
        assert_eq!(format_percent(Locale::En, 2_100), "21%");
        assert_eq!(format_percent(Locale::Es, 750), "7,5\u{a0}%");
        assert_eq!(format_percent(Locale::En, -3_333), "-33.33%");
    }
}
