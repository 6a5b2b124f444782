//! Prices, quantities and rates as integers, and the one rounding rule of a quotation.
//!
//! Good vendor practice (METHOD.md): one fair, consistent price list for every customer,
//! with price breaks by quantity. Totals are money in integer minor units
//! ([`Money`](super::money::Money)); a unit price may carry four decimal places
//! ([`UnitPrice`], ten-thousandths of the currency's major unit), a quantity three
//! ([`Quantity`]), a discount or a tax rate two decimal places of a percent ([`Rate`], basis
//! points). No `f64` anywhere.
//!
//! **The rounding rule** (printed on every proposal): a line's net is
//! `round(quantity × unit price × (1 − discount))` to the currency's minor unit, half away
//! from zero ([`line_net`]); the tax of each rate is rounded once, on the sum of the line nets
//! at that rate ([`tax_on`]); the total is the nets plus the taxes.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Decimal places of a [`UnitPrice`].
pub const PRICE_PLACES: u32 = 4;
/// Decimal places of a [`Quantity`].
pub const QUANTITY_PLACES: u32 = 3;
/// Basis points in one whole (100 %).
pub const WHOLE_BP: u32 = 10_000;
/// The largest amount a price or a quantity may hold in major units (a trillion): far above
/// any real quotation, low enough that every product of a quotation fits in `i128`.
pub const MAX_MAJOR: i64 = 1_000_000_000_000;

/// Why a typed number was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecimalError {
    /// Not a number ("abc", "1.2.3x").
    NotANumber,
    /// More decimal places than allowed.
    TooManyDecimals { allowed: u32 },
    /// Below zero where only zero or more makes sense.
    Negative,
    /// Larger than [`MAX_MAJOR`] (or the limit of the field).
    TooLarge,
}

/// A typed figure without the currency written with it, as the app writes money and as it
/// is copied from elsewhere: a currency sign anywhere ("€1,000.50", "1 000,50 €", "-$5"),
/// and an ISO code or a local abbreviation before or after the figure ("EUR 1,000.50",
/// "1 000 Ft"). Any other word stays, so "12 days" is still not a number.
fn without_currency(input: &str) -> String {
    const SIGNS: &[char] = &[
        '€', '$', '£', '¥', '₹', '₽', '₩', '₺', '₴', '₪', '฿', '₫', '₦', '₱', '¢', '₸', '₼', '₾',
        '元',
    ];
    const LOCAL: &[&str] = &["Ft", "kr", "Kč", "zł", "lei"];
    let signless: String = input.chars().filter(|c| !SIGNS.contains(c)).collect();
    let is_code =
        |w: &str| (w.len() == 3 && w.bytes().all(|b| b.is_ascii_uppercase())) || LOCAL.contains(&w);
    let mut t = signless.trim();
    let head: usize = t
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    if head > 0 && is_code(&t[..head]) {
        t = t[head..].trim_start();
    }
    let tail: usize = t
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    if tail > 0 && is_code(&t[t.len() - tail..]) {
        t = t[..t.len() - tail].trim_end();
    }
    t.to_string()
}

/// Parses a decimal typed by a person into an integer scaled by `10^places`: "12.5",
/// "1 250,75", "0,125". Either `.` or `,` may be the decimal separator (the last one present
/// wins); spaces, apostrophes and the other separator group thousands. A single separator
/// followed by exactly three digits after a non-zero whole part groups thousands ("1,250" is
/// 1250), as in every money field of the app; after a zero whole part it is a decimal point
/// ("0.125"). A currency written with the figure is left out ("€1,000.50", see
/// [`without_currency`]), so an amount copied from the app's own pages is read back.
pub fn parse_scaled(input: &str, places: u32) -> Result<i64, DecimalError> {
    let cleaned: String = without_currency(input)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\'' && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    let (neg, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    if body.is_empty() {
        return Err(DecimalError::NotANumber);
    }
    let (int_part, frac_part) = match body.rfind(['.', ',']) {
        Some(p) => {
            let (head, frac) = (&body[..p], &body[p + 1..]);
            let zero_head = head.chars().all(|c| c == '0');
            if frac.len() == 3 && !zero_head && !head.contains(['.', ',']) && places != 3 {
                (body, "")
            } else {
                (head, frac)
            }
        }
        None => (body, ""),
    };
    let int_digits: String = int_part
        .chars()
        .filter(|c| *c != '.' && *c != ',')
        .collect();
    if (int_digits.is_empty() && frac_part.is_empty())
        || !int_digits.chars().all(|c| c.is_ascii_digit())
        || !frac_part.chars().all(|c| c.is_ascii_digit())
    {
        return Err(DecimalError::NotANumber);
    }
    if frac_part.len() as u32 > places {
        return Err(DecimalError::TooManyDecimals { allowed: places });
    }
    let limit = (MAX_MAJOR as i128) * 10i128.pow(places);
    let mut value: i128 = 0;
    for c in int_digits.chars() {
        value = value * 10 + i128::from(c as u8 - b'0');
        if value > limit {
            return Err(DecimalError::TooLarge);
        }
    }
    for i in 0..places as usize {
        let d = frac_part.as_bytes().get(i).map_or(0, |b| b - b'0');
        value = value * 10 + i128::from(d);
    }
    if value > limit {
        return Err(DecimalError::TooLarge);
    }
    let value = value as i64;
    if neg && value != 0 {
        return Err(DecimalError::Negative);
    }
    Ok(value)
}

/// `value / 10^places` as a decimal string with at least `min_places` decimals (trailing
/// zeros beyond those are dropped): `format_scaled(12_5000, 4, 2)` is "12.50".
pub fn format_scaled(value: i64, places: u32, min_places: u32) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let abs = value.unsigned_abs();
    let div = 10u64.pow(places);
    let mut frac = format!("{:0width$}", abs % div, width = places as usize);
    while frac.len() > min_places as usize && frac.ends_with('0') {
        frac.pop();
    }
    if frac.is_empty() {
        format!("{sign}{}", abs / div)
    } else {
        format!("{sign}{}.{frac}", abs / div)
    }
}

/// A price per unit in ten-thousandths of the currency's major unit: `UnitPrice(12_5000)` is
/// 12.50; `UnitPrice(125)` is 0.0125.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct UnitPrice(pub i64);

impl UnitPrice {
    /// A typed price: zero or more, at most four decimal places.
    pub fn parse(input: &str) -> Result<Self, DecimalError> {
        parse_scaled(input, PRICE_PLACES).map(UnitPrice)
    }

    /// A price of whole minor units of a currency with `exponent` decimals.
    pub fn from_minor(minor: i64, exponent: u32) -> Self {
        UnitPrice(minor.saturating_mul(10i64.pow(PRICE_PLACES.saturating_sub(exponent))))
    }

    /// Whether this price is within [0, [`MAX_MAJOR`]] (a stored value may be anything).
    pub fn in_range(self) -> bool {
        (0..=MAX_MAJOR.saturating_mul(10i64.pow(PRICE_PLACES))).contains(&self.0)
    }

    /// For a form field: at least two decimals ("12.50", "0.0125").
    pub fn to_input(self) -> String {
        format_scaled(self.0, PRICE_PLACES, 2)
    }
}

impl fmt::Display for UnitPrice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_input())
    }
}

/// A quantity in thousandths: `Quantity(2_500)` is 2.5 units.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Quantity(pub i64);

impl Quantity {
    pub const ONE: Quantity = Quantity(1_000);

    /// Whole units.
    pub fn units(n: i64) -> Self {
        Quantity(n.saturating_mul(1_000))
    }

    /// A typed quantity: zero or more, at most three decimal places.
    pub fn parse(input: &str) -> Result<Self, DecimalError> {
        parse_scaled(input, QUANTITY_PLACES).map(Quantity)
    }

    pub fn in_range(self) -> bool {
        (0..=MAX_MAJOR.saturating_mul(1_000)).contains(&self.0)
    }

    /// For a form field and for print: no decimals when whole ("3", "2.5").
    pub fn to_input(self) -> String {
        format_scaled(self.0, QUANTITY_PLACES, 0)
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_input())
    }
}

/// A rate in basis points (hundredths of a percent): `Rate(2_100)` is 21 %. Used for
/// discounts (at most 100 %) and tax rates.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Rate(pub u32);

impl Rate {
    pub const ZERO: Rate = Rate(0);

    /// A typed percentage ("21", "7.5", "12,25"): zero or more, two decimal places, at most
    /// 100 % (a discount above 100 % gives money away; a tax above 100 % is a typo).
    pub fn parse_percent(input: &str) -> Result<Self, DecimalError> {
        let bp = parse_scaled(input, 2)?;
        if bp > i64::from(WHOLE_BP) {
            return Err(DecimalError::TooLarge);
        }
        Ok(Rate(bp as u32))
    }

    pub fn in_range(self) -> bool {
        self.0 <= WHOLE_BP
    }

    /// "21", "7.5" (no percent sign; the view adds it the locale's way).
    pub fn to_input(self) -> String {
        format_scaled(i64::from(self.0), 2, 0)
    }
}

/// An amount too large for the arithmetic (or the storage) of a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

impl fmt::Display for Overflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("amount too large")
    }
}

/// `num / den` rounded to the nearest integer, halves away from zero. `den` must be positive.
pub fn round_half_away(num: i128, den: i128) -> i128 {
    debug_assert!(den > 0);
    let q = num / den;
    let r = num % den;
    if r.abs() * 2 >= den {
        q + num.signum()
    } else {
        q
    }
}

fn to_i64(v: i128) -> Result<i64, Overflow> {
    i64::try_from(v).map_err(|_| Overflow)
}

/// A line's net in minor units of a currency with `exponent` decimals:
/// `round(qty × unit × (1 − discount))`, halves away from zero, in integers only.
pub fn line_net(
    qty: Quantity,
    unit: UnitPrice,
    discount: Rate,
    exponent: u32,
) -> Result<i64, Overflow> {
    let keep = i128::from(WHOLE_BP.checked_sub(discount.0).ok_or(Overflow)?);
    let num = i128::from(qty.0)
        .checked_mul(i128::from(unit.0))
        .and_then(|v| v.checked_mul(keep))
        .and_then(|v| v.checked_mul(10i128.pow(exponent)))
        .ok_or(Overflow)?;
    let den = 1_000i128 * 10i128.pow(PRICE_PLACES) * i128::from(WHOLE_BP);
    to_i64(round_half_away(num, den))
}

/// The tax at `rate` on `net` minor units, rounded once, halves away from zero.
pub fn tax_on(net: i64, rate: Rate) -> Result<i64, Overflow> {
    let num = i128::from(net)
        .checked_mul(i128::from(rate.0))
        .ok_or(Overflow)?;
    to_i64(round_half_away(num, i128::from(WHOLE_BP)))
}

/// A price break: from `min_qty` units on, each unit costs `unit_price`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceBreak {
    pub min_qty: Quantity,
    pub unit_price: UnitPrice,
}

/// The unit price for `qty` units: the price of the largest break whose minimum `qty`
/// reaches (breaks in increasing order of quantity, as [`check_breaks`] requires), else the
/// list price.
pub fn price_for(list: UnitPrice, breaks: &[PriceBreak], qty: Quantity) -> UnitPrice {
    breaks
        .iter()
        .take_while(|b| b.min_qty <= qty)
        .last()
        .map_or(list, |b| b.unit_price)
}

/// What is wrong with a price-break table, at which row (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakProblem {
    /// A break must start above one unit (below that the list price applies).
    QuantityTooSmall { row: usize },
    /// Each break's quantity must be larger than the one before.
    QuantityNotIncreasing { row: usize },
    /// A larger quantity must not cost more per unit than a smaller one (or the list price).
    PriceNotFalling { row: usize },
}

/// Checks a price-break table against the list price: quantities above one unit and
/// strictly increasing; each break's price at most the one before it (the first at most the
/// list price). Returns every problem, in row order.
pub fn check_breaks(list: UnitPrice, breaks: &[PriceBreak]) -> Vec<BreakProblem> {
    let mut problems = Vec::new();
    let mut prev_qty = Quantity::ONE;
    let mut prev_price = list;
    for (row, b) in breaks.iter().enumerate() {
        if b.min_qty <= Quantity::ONE {
            problems.push(BreakProblem::QuantityTooSmall { row });
        } else if b.min_qty <= prev_qty {
            problems.push(BreakProblem::QuantityNotIncreasing { row });
        }
        if b.unit_price > prev_price {
            problems.push(BreakProblem::PriceNotFalling { row });
        }
        prev_qty = prev_qty.max(b.min_qty);
        prev_price = b.unit_price;
    }
    problems
}

#[cfg(test)]
// Prices are grouped as written in ten-thousandths (`12_5000` is 12.50).
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    use super::*;

    fn breaks() -> Vec<PriceBreak> {
        vec![
            PriceBreak {
                min_qty: Quantity::units(10),
                unit_price: UnitPrice(9_0000),
            },
            PriceBreak {
                min_qty: Quantity::units(50),
                unit_price: UnitPrice(8_0000),
            },
        ]
    }

    #[test]
    fn the_price_break_applies_from_its_quantity_on() {
        let list = UnitPrice(10_0000);
        let b = breaks();
        assert_eq!(price_for(list, &b, Quantity::units(1)), list);
        assert_eq!(price_for(list, &b, Quantity(9_999)), list);
        assert_eq!(price_for(list, &b, Quantity::units(10)), UnitPrice(9_0000));
        assert_eq!(price_for(list, &b, Quantity(10_001)), UnitPrice(9_0000));
        assert_eq!(price_for(list, &b, Quantity(49_999)), UnitPrice(9_0000));
        assert_eq!(price_for(list, &b, Quantity::units(50)), UnitPrice(8_0000));
        assert_eq!(
            price_for(list, &b, Quantity::units(5_000)),
            UnitPrice(8_0000)
        );
        assert_eq!(price_for(list, &[], Quantity::units(5_000)), list);
    }

    #[test]
    fn a_break_table_must_rise_in_quantity_and_not_rise_in_price() {
        let list = UnitPrice(10_0000);
        assert!(check_breaks(list, &breaks()).is_empty());
        let mut b = breaks();
        b[1].min_qty = Quantity::units(10);
        assert_eq!(
            check_breaks(list, &b),
            vec![BreakProblem::QuantityNotIncreasing { row: 1 }]
        );
        let mut b = breaks();
        b.swap(0, 1);
        assert_eq!(
            check_breaks(list, &b),
            vec![
                BreakProblem::QuantityNotIncreasing { row: 1 },
                BreakProblem::PriceNotFalling { row: 1 }
            ]
        );
        let mut b = breaks();
        b[0].unit_price = UnitPrice(11_0000);
        assert_eq!(
            check_breaks(list, &b),
            vec![BreakProblem::PriceNotFalling { row: 0 }]
        );
        b[0] = PriceBreak {
            min_qty: Quantity::ONE,
            unit_price: UnitPrice(9_0000),
        };
        assert_eq!(
            check_breaks(list, &b),
            vec![BreakProblem::QuantityTooSmall { row: 0 }]
        );
    }

    #[test]
    fn line_nets_round_half_away_from_zero_in_minor_units() {
        // 3 × 0.0125 = 0.0375 → 0.04
        assert_eq!(
            line_net(Quantity::units(3), UnitPrice(125), Rate::ZERO, 2),
            Ok(4)
        );
        // 1 × 0.0050 = 0.005 → 0.01 (half away from zero)
        assert_eq!(line_net(Quantity::ONE, UnitPrice(50), Rate::ZERO, 2), Ok(1));
        // 1 × 0.0049 → 0.00
        assert_eq!(line_net(Quantity::ONE, UnitPrice(49), Rate::ZERO, 2), Ok(0));
        // 7 × 19.99 with 15 % off = 118.9405 → 118.94
        assert_eq!(
            line_net(Quantity::units(7), UnitPrice(19_9900), Rate(1_500), 2),
            Ok(11_894)
        );
        // 2.5 × 10.00 with 100 % off = 0
        assert_eq!(
            line_net(Quantity(2_500), UnitPrice(10_0000), Rate(WHOLE_BP), 2),
            Ok(0)
        );
        // HUF has no minor unit: 3 × 333.5 = 1000.5 → 1001
        assert_eq!(
            line_net(Quantity::units(3), UnitPrice(333_5000), Rate::ZERO, 0),
            Ok(1_001)
        );
        assert_eq!(
            line_net(Quantity::ONE, UnitPrice(1_0000), Rate(WHOLE_BP + 1), 2),
            Err(Overflow)
        );
        assert_eq!(
            line_net(Quantity(i64::MAX), UnitPrice(i64::MAX), Rate::ZERO, 2),
            Err(Overflow)
        );
    }

    #[test]
    fn rounding_halves_away_from_zero_both_ways() {
        assert_eq!(round_half_away(5, 10), 1);
        assert_eq!(round_half_away(-5, 10), -1);
        assert_eq!(round_half_away(4, 10), 0);
        assert_eq!(round_half_away(-4, 10), 0);
        assert_eq!(round_half_away(15, 10), 2);
        assert_eq!(round_half_away(-25, 10), -3);
    }

    #[test]
    fn tax_is_rounded_once_on_the_sum() {
        // 21 % of 0.05 = 0.0105 → 0.01; of 0.10 = 0.021 → 0.02.
        assert_eq!(tax_on(5, Rate(2_100)), Ok(1));
        assert_eq!(tax_on(10, Rate(2_100)), Ok(2));
        assert_eq!(tax_on(12_345, Rate(750)), Ok(926)); // 925.875
    }

    #[test]
    fn typed_numbers_parse_with_either_separator() {
        assert_eq!(UnitPrice::parse("12.5"), Ok(UnitPrice(12_5000)));
        assert_eq!(UnitPrice::parse("0,0125"), Ok(UnitPrice(125)));
        assert_eq!(UnitPrice::parse("0.125"), Ok(UnitPrice(1_250)));
        assert_eq!(UnitPrice::parse("1,250"), Ok(UnitPrice(12_500_000)));
        assert_eq!(UnitPrice::parse("1 250,75"), Ok(UnitPrice(12_507_500)));
        assert_eq!(
            UnitPrice::parse("1.23456"),
            Err(DecimalError::TooManyDecimals { allowed: 4 })
        );
        assert_eq!(UnitPrice::parse("-1"), Err(DecimalError::Negative));
        assert_eq!(UnitPrice::parse("abc"), Err(DecimalError::NotANumber));
        // An amount as the app writes money, or copied from elsewhere, is read back.
        for typed in [
            "€1,000.50",
            "1 000,50 €",
            "EUR 1,000.50",
            "1.000,50 EUR",
            "$1,000.50",
        ] {
            assert_eq!(parse_scaled(typed, 2), Ok(100_050), "{typed}");
        }
        assert_eq!(parse_scaled("1 000 Ft", 0), Ok(1_000));
        assert_eq!(parse_scaled("-€5", 2), Err(DecimalError::Negative));
        // Other words are not a currency.
        for typed in ["12 days", "12abc", "EUR", "€"] {
            assert_eq!(
                parse_scaled(typed, 2),
                Err(DecimalError::NotANumber),
                "{typed}"
            );
        }
        assert_eq!(UnitPrice::parse(""), Err(DecimalError::NotANumber));
        assert_eq!(
            UnitPrice::parse("99999999999999999999999"),
            Err(DecimalError::TooLarge)
        );
        assert_eq!(Quantity::parse("2.5"), Ok(Quantity(2_500)));
        assert_eq!(Quantity::parse("1.250"), Ok(Quantity(1_250)));
        assert_eq!(Quantity::parse("-3"), Err(DecimalError::Negative));
        assert_eq!(Rate::parse_percent("21"), Ok(Rate(2_100)));
        assert_eq!(Rate::parse_percent("7,5"), Ok(Rate(750)));
        assert_eq!(Rate::parse_percent("100.01"), Err(DecimalError::TooLarge));
    }

    #[test]
    fn values_print_back_as_they_were_typed() {
        assert_eq!(UnitPrice(12_5000).to_input(), "12.50");
        assert_eq!(UnitPrice(125).to_input(), "0.0125");
        assert_eq!(UnitPrice::from_minor(1_999, 2), UnitPrice(19_9900));
        assert_eq!(UnitPrice::from_minor(1_999, 0), UnitPrice(19_990_000));
        assert_eq!(Quantity(2_500).to_input(), "2.5");
        assert_eq!(Quantity::units(3).to_input(), "3");
        assert_eq!(Rate(750).to_input(), "7.5");
        assert_eq!(Rate(2_100).to_input(), "21");
    }
}

impl UnitPrice {
    /// For a form field that is read back with [`UnitPrice::parse`]: as
    /// [`to_input`](UnitPrice::to_input), but four decimals where that gives three
    /// ("99.9950", since "99.995" reads as 99,995: three digits after one separator group
    /// thousands).
    pub fn to_field(self) -> String {
        let s = self.to_input();
        match s.split_once('.') {
            Some((_, frac)) if frac.len() == 3 => format_scaled(self.0, PRICE_PLACES, PRICE_PLACES),
            _ => s,
        }
    }
}

#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)]
mod field_tests {
    use super::*;

    #[test]
    fn a_price_shown_in_a_field_reads_back_as_the_same_price() {
        for v in [
            0, 125, 1_250, 12_5000, 99_9950, 1_999_0000, 1_234_5678, 5, 1_000,
        ] {
            let p = UnitPrice(v);
            assert_eq!(UnitPrice::parse(&p.to_field()), Ok(p), "{}", p.to_field());
        }
        assert_eq!(UnitPrice(99_9950).to_field(), "99.9950");
        assert_eq!(UnitPrice(12_5000).to_field(), "12.50");
    }
}
