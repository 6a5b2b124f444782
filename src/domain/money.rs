//! Money as integer minor units plus an ISO 4217 currency code. Never `f64`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An ISO 4217 currency code, three upper-case ASCII letters ("EUR").
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency(String);

impl Currency {
    pub fn parse(code: &str) -> Result<Self, MoneyError> {
        let up = code.trim().to_ascii_uppercase();
        if up.len() == 3 && up.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Currency(up))
        } else {
            Err(MoneyError::BadCurrency(code.to_string()))
        }
    }
    pub fn code(&self) -> &str {
        &self.0
    }
    /// Digits after the decimal point for this currency (ISO 4217 exponent).
    pub fn exponent(&self) -> u32 {
        match self.0.as_str() {
            "JPY" | "KRW" | "HUF" | "ISK" | "CLP" | "VND" => 0,
            "BHD" | "KWD" | "OMR" | "JOD" | "TND" => 3,
            _ => 2,
        }
    }
}

impl Default for Currency {
    fn default() -> Self {
        Currency("EUR".into())
    }
}

impl TryFrom<String> for Currency {
    type Error = MoneyError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Currency::parse(&s)
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.0
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An amount of money: integer minor units (cents) of one currency.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    BadCurrency(String),
    BadAmount(String),
    TooManyDecimals { input: String, allowed: u32 },
    Overflow,
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoneyError::BadCurrency(c) => {
                write!(f, "“{c}” is not a currency code (three letters, e.g. EUR)")
            }
            MoneyError::BadAmount(a) => write!(f, "“{a}” is not an amount (e.g. 1250.50)"),
            MoneyError::TooManyDecimals { input, allowed } => {
                write!(f, "“{input}” has more than {allowed} decimal places")
            }
            MoneyError::Overflow => write!(f, "the amount is too large"),
        }
    }
}

impl std::error::Error for MoneyError {}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Self {
        Money { minor, currency }
    }

    pub fn zero(currency: Currency) -> Self {
        Money { minor: 0, currency }
    }

    /// Parses an amount typed by a person: "1250.5", "1 250,50", "-3". Either `.` or `,`
    /// may be the decimal separator (the last one present wins); spaces, apostrophes and
    /// the other separator are treated as grouping.
    pub fn parse(input: &str, currency: Currency) -> Result<Self, MoneyError> {
        let exp = currency.exponent();
        let cleaned: String = input
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\'' && *c != '\u{a0}' && *c != '\u{202f}')
            .collect();
        if cleaned.is_empty() {
            return Err(MoneyError::BadAmount(input.to_string()));
        }
        let (neg, body) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.as_str()),
        };
        let dec_pos = body.rfind(['.', ',']);
        let (int_part, frac_part) = match dec_pos {
            Some(p) => {
                let frac = &body[p + 1..];
                // "1,250" with a 3-digit tail and a 2-decimal currency reads as grouping.
                if frac.len() == 3 && exp != 3 && !body[..p].contains(['.', ',']) {
                    (body.to_string(), String::new())
                } else {
                    (body[..p].to_string(), frac.to_string())
                }
            }
            None => (body.to_string(), String::new()),
        };
        let int_digits: String = int_part
            .chars()
            .filter(|c| *c != '.' && *c != ',')
            .collect();
        if int_digits.is_empty() && frac_part.is_empty()
            || !int_digits.chars().all(|c| c.is_ascii_digit())
            || !frac_part.chars().all(|c| c.is_ascii_digit())
        {
            return Err(MoneyError::BadAmount(input.to_string()));
        }
        if frac_part.len() as u32 > exp {
            return Err(MoneyError::TooManyDecimals {
                input: input.to_string(),
                allowed: exp,
            });
        }
        let mut minor: i64 = 0;
        for c in int_digits.chars() {
            minor = minor
                .checked_mul(10)
                .and_then(|m| m.checked_add(c as i64 - '0' as i64))
                .ok_or(MoneyError::Overflow)?;
        }
        for i in 0..exp as usize {
            let d = frac_part.as_bytes().get(i).map_or(0, |b| (b - b'0') as i64);
            minor = minor
                .checked_mul(10)
                .and_then(|m| m.checked_add(d))
                .ok_or(MoneyError::Overflow)?;
        }
        Ok(Money {
            minor: if neg { -minor } else { minor },
            currency,
        })
    }

    /// The amount as a plain decimal string with the currency's digits ("1250.50").
    pub fn to_decimal_string(&self) -> String {
        let exp = self.currency.exponent();
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        if exp == 0 {
            return format!("{sign}{abs}");
        }
        let div = 10u64.pow(exp);
        format!(
            "{sign}{}.{:0width$}",
            abs / div,
            abs % div,
            width = exp as usize
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur() -> Currency {
        Currency::parse("eur").unwrap()
    }

    #[test]
    fn parses_typed_amounts_into_minor_units() {
        assert_eq!(Money::parse("1250.5", eur()).unwrap().minor, 125050);
        assert_eq!(Money::parse("1 250,50", eur()).unwrap().minor, 125050);
        assert_eq!(Money::parse("1.250,50", eur()).unwrap().minor, 125050);
        assert_eq!(Money::parse("1,250.50", eur()).unwrap().minor, 125050);
        assert_eq!(Money::parse("1,250", eur()).unwrap().minor, 125000);
        // Three digits after a single separator group thousands, unless the currency has
        // three decimals.
        let huf = Currency::parse("HUF").unwrap();
        assert_eq!(Money::parse("1.234", huf).unwrap().minor, 1234);
        let bhd = Currency::parse("BHD").unwrap();
        assert_eq!(Money::parse("1.234", bhd).unwrap().minor, 1234);
        assert_eq!(
            Money::parse("1.5", Currency::parse("BHD").unwrap())
                .unwrap()
                .minor,
            1500
        );
        assert_eq!(Money::parse("-3", eur()).unwrap().minor, -300);
        assert_eq!(
            Money::parse("1500", Currency::parse("HUF").unwrap())
                .unwrap()
                .minor,
            1500
        );
    }

    #[test]
    fn rejects_what_is_not_an_amount() {
        assert!(matches!(
            Money::parse("abc", eur()),
            Err(MoneyError::BadAmount(_))
        ));
        assert!(matches!(
            Money::parse("", eur()),
            Err(MoneyError::BadAmount(_))
        ));
        assert_eq!(
            Money::parse("1.23", Currency::parse("HUF").unwrap()),
            Err(MoneyError::TooManyDecimals {
                input: "1.23".into(),
                allowed: 0
            })
        );
        assert!(matches!(
            Money::parse("1.2345", eur()),
            Err(MoneyError::TooManyDecimals { .. })
        ));
        assert_eq!(
            Money::parse("99999999999999999999", eur()),
            Err(MoneyError::Overflow)
        );
    }

    #[test]
    fn currency_codes_are_three_letters() {
        assert!(Currency::parse("EURO").is_err());
        assert!(Currency::parse("E1R").is_err());
        assert_eq!(Currency::parse(" usd ").unwrap().code(), "USD");
    }

    #[test]
    fn decimal_string_round_trips() {
        for s in ["0.00", "12.05", "-7.10", "1250.50"] {
            assert_eq!(Money::parse(s, eur()).unwrap().to_decimal_string(), s);
        }
    }
}
