//! Reading the timestamps records carry, fast.
//!
//! Every record holds two or three of them (`created_at`, `updated_at`, an activity's
//! `at`), and start-up reads some 150,000. chrono's own reading goes through its general
//! format parser; a profile of start-up found it the largest single cost of decoding. The
//! app writes timestamps one way only (chrono's: `2026-03-01T09:30:00Z`, with a fraction
//! of a second when there is one), which [`parse`] reads directly; anything else (another
//! offset, a lower-case `t`, a leap second) is read by chrono as before, so what is
//! accepted, and every error, is unchanged.
//!
//! Fields use it with `#[serde(deserialize_with = "crate::domain::stamp::de")]` (and
//! [`de_opt`] for an `Option`, which then needs `#[serde(default)]` too); writing is
//! chrono's.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// `YYYY-MM-DDTHH:MM:SS[.f…]Z` (one to nine digits of fraction), read as chrono reads it;
/// `None` for any other form, or for a date or time that does not exist.
pub fn parse(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' {
        return None;
    }
    if b[13] != b':' || b[16] != b':' || *b.last()? != b'Z' {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = num(0, 4)? as i32;
    let (month, day) = (num(5, 7)?, num(8, 10)?);
    let (hour, minute, second) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    let nano = match &b[19..b.len() - 1] {
        [] => 0,
        [b'.', digits @ ..] if (1..=9).contains(&digits.len()) => {
            num(20, 20 + digits.len())? * 10u32.pow(9 - digits.len() as u32)
        }
        _ => return None,
    };
    if second > 59 {
        return None; // a leap second: chrono's reading
    }
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nano)?;
    Some(date.and_time(time).and_utc())
}

struct Stamp;

impl Visitor<'_> for Stamp {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // chrono's words, so that a message about a bad value reads as before
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<DateTime<Utc>, E> {
        match parse(s) {
            Some(t) => Ok(t),
            None => s
                .parse::<DateTime<FixedOffset>>()
                .map(|t| t.with_timezone(&Utc))
                .map_err(E::custom),
        }
    }
}

/// A `DateTime<Utc>` field, read as chrono reads it, faster.
pub fn de<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(Stamp)
}

struct MaybeStamp;

impl<'de> Visitor<'de> for MaybeStamp {
    type Value = Option<DateTime<Utc>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        de(d).map(Some)
    }
}

/// An `Option<DateTime<Utc>>` field (`null` is `None`); give the field
/// `#[serde(default)]` too, so that a missing one is `None` as before.
pub fn de_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    d.deserialize_option(MaybeStamp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    fn chrono(s: &str) -> Option<DateTime<Utc>> {
        s.parse::<DateTime<FixedOffset>>()
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }

    #[test]
    fn reads_what_chrono_writes_as_chrono_reads_it() {
        // A walk over years, days, times and fractions, each written by chrono.
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let secs = (next() % 8_000_000_000) as i64 - 2_000_000_000;
            let nanos = match next() % 4 {
                0 => 0,
                1 => (next() % 1000) as u32 * 1_000_000,
                2 => (next() % 1_000_000) as u32 * 1000,
                _ => (next() % 1_000_000_000) as u32,
            };
            let t = DateTime::from_timestamp(secs, nanos).unwrap();
            let text = serde_json::to_string(&t).unwrap();
            let text = text.trim_matches('"');
            assert_eq!(parse(text), Some(t), "{text}");
            assert_eq!(chrono(text), Some(t), "{text}");
        }
    }

    #[test]
    fn agrees_with_chrono_wherever_it_reads_at_all() {
        let cases = [
            "2026-03-01T09:30:00Z",
            "2026-03-01T09:30:00.5Z",
            "2026-03-01T09:30:00.123456789Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "2024-02-29T12:00:00Z",
            "2023-02-29T12:00:00Z",
            "2026-13-01T09:30:00Z",
            "2026-00-01T09:30:00Z",
            "2026-03-32T09:30:00Z",
            "2026-03-01T24:00:00Z",
            "2026-03-01T23:60:00Z",
            "2026-03-01T23:59:60Z",
            "2026-03-01T09:30:00.Z",
            "2026-03-01T09:30:00.1234567891Z",
            "2026-03-01T09:30:00+00:00",
            "2026-03-01T09:30:00+02:00",
            "2026-03-01t09:30:00z",
            "2026-03-01 09:30:00Z",
            "2026-3-01T09:30:00Z",
            "+2026-03-01T09:30:00Z",
            "2026-03-01T09:30:0aZ",
            "２０２６-03-01T09:30:00Z",
            "",
            "Z",
        ];
        for case in cases {
            if let Some(t) = parse(case) {
                assert_eq!(chrono(case), Some(t), "{case}");
            }
            // Through serde: the same value or error as chrono's own field.
            let json = serde_json::to_string(case).unwrap();
            let ours =
                de(&mut serde_json::Deserializer::from_str(&json)).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<DateTime<Utc>>(&json).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{case}");
        }
        assert!(parse("2026-03-01T09:30:00+00:00").is_none());
        assert!(parse("2026-03-01T23:59:60Z").is_none());
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Rec {
        #[serde(deserialize_with = "de")]
        at: DateTime<Utc>,
        #[serde(default, deserialize_with = "de_opt")]
        done: Option<DateTime<Utc>>,
    }

    #[test]
    fn fields_read_as_chronos_do() {
        let r: Rec = serde_json::from_str(r#"{"at":"2026-03-01T09:30:00Z"}"#).unwrap();
        assert_eq!(r.done, None);
        let r: Rec = serde_json::from_str(r#"{"at":"2026-03-01T09:30:00Z","done":null}"#).unwrap();
        assert_eq!(r.done, None);
        let r: Rec = serde_json::from_str(
            r#"{"at":"2026-03-01T09:30:00Z","done":"2026-03-02T10:00:00.25Z"}"#,
        )
        .unwrap();
        assert_eq!(r.done, parse("2026-03-02T10:00:00.25Z"));
        for bad in [
            r#"{"at":5}"#,
            r#"{"at":"x"}"#,
            r#"{"at":"2026-03-01T09:30:00Z","done":7}"#,
        ] {
            let ours = serde_json::from_str::<Rec>(bad).unwrap_err().to_string();
            #[derive(Deserialize, Debug)]
            #[allow(dead_code)]
            struct Chrono {
                at: DateTime<Utc>,
                #[serde(default)]
                done: Option<DateTime<Utc>>,
            }
            let theirs = serde_json::from_str::<Chrono>(bad).unwrap_err().to_string();
            assert_eq!(ours, theirs, "{bad}");
        }
    }
}
