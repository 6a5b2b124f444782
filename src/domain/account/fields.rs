//! Field rules shared by the record forms: plausible e-mails, phones, web addresses and
//! dates, list rows cleaned of blanks and duplicates, tags. The field error type of every
//! form is [`crate::domain::fields::FieldError`].

use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::text::{fold, fold_email, fold_phone};
use chrono::NaiveDate;

/// Adds a [`FieldProblem::TooLong`] error when a name or title is longer than
/// [`MAX_NAME`](crate::domain::rules::MAX_NAME) characters.
pub(crate) fn check_name_length(
    value: &str,
    field: &'static str,
    label_key: &'static str,
    errors: &mut Vec<FieldError>,
) {
    if value.len() > crate::domain::rules::MAX_NAME
        && value.chars().count() > crate::domain::rules::MAX_NAME
    {
        errors.push(FieldError::new(field, label_key, FieldProblem::TooLong));
    }
}

/// A plausible e-mail address: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn is_valid_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.contains('.')
        && domain.split('.').all(|p| !p.is_empty())
        && !domain.starts_with('-')
}

/// A plausible phone number: digits with spaces, `-`, `.`, `/`, brackets, a leading `+`;
/// 3 to 20 digits (short internal extensions are fine).
pub fn is_valid_phone(s: &str) -> bool {
    let s = s.trim();
    let body = s.strip_prefix('+').unwrap_or(s);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    (3..=20).contains(&digits)
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '/' | '(' | ')'))
}

/// A plausible web address: optional `http://`/`https://`, a dotted host, no spaces.
pub fn is_valid_url(s: &str) -> bool {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    if rest.contains("://") || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
    host.contains('.')
        && host.split('.').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || !c.is_ascii())
        })
}

/// The `href` for a website as typed: adds `https://` when no scheme was given.
pub fn website_href(s: &str) -> String {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        s.to_string()
    } else {
        format!("https://{s}")
    }
}

/// The `tel:` link for a phone number as typed ("+371 2000 1234" → "tel:+37120001234").
pub fn tel_href(s: &str) -> String {
    let s = s.trim();
    let mut out = String::from("tel:");
    if s.starts_with('+') {
        out.push('+');
    }
    out.extend(s.chars().filter(char::is_ascii_digit));
    out
}

/// The `mailto:` link for an e-mail address.
pub fn mailto_href(s: &str) -> String {
    format!("mailto:{}", s.trim())
}

/// Parses a date input's value ("2026-03-01"); blank is `Ok(None)`, anything else that is
/// not a date with a four-digit year `Err(FieldProblem::InvalidDate)`.
pub fn parse_date(s: &str) -> Result<Option<NaiveDate>, FieldProblem> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|d| crate::domain::rules::plausible_year(*d))
        .map(Some)
        .ok_or(FieldProblem::InvalidDate)
}

/// Cleans a list of phone rows: trims, drops blanks and duplicates (by digits), and
/// reports invalid rows (indexes refer to the input rows; `{value}` quotes the row as typed).
pub(crate) fn clean_phones(
    rows: &[String],
    field: &'static str,
    label_key: &'static str,
    errors: &mut Vec<FieldError>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let p = row.trim();
        if p.is_empty() {
            continue;
        }
        if !is_valid_phone(p) {
            errors.push(
                FieldError::new(field, label_key, FieldProblem::InvalidPhone)
                    .at(i)
                    .arg("value", row),
            );
            continue;
        }
        let key = phone_key(p);
        if !out.iter().any(|o| phone_key(o) == key) {
            out.push(p.to_string());
        }
    }
    out
}

/// Cleans a list of e-mail rows like [`clean_phones`].
pub(crate) fn clean_emails(
    rows: &[String],
    field: &'static str,
    label_key: &'static str,
    errors: &mut Vec<FieldError>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let e = row.trim();
        if e.is_empty() {
            continue;
        }
        if !is_valid_email(e) {
            errors.push(
                FieldError::new(field, label_key, FieldProblem::InvalidEmail)
                    .at(i)
                    .arg("value", row),
            );
            continue;
        }
        if !out.iter().any(|o| fold_email(o) == fold_email(e)) {
            out.push(e.to_string());
        }
    }
    out
}

/// Splits a comma-separated tag field: trimmed, blanks dropped, duplicates (folded) dropped.
pub fn parse_tags(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in s.split([',', ';', '\n']) {
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() && !out.iter().any(|o| fold(o) == fold(&t)) {
            out.push(t);
        }
    }
    out
}

/// Joins tags for the tag field of a draft.
pub fn format_tags(tags: &[String]) -> String {
    tags.join(", ")
}

/// Unions `extra` into `list` keeping order; `same` says when two items are one.
pub(crate) fn union_with<T: Clone>(list: &mut Vec<T>, extra: &[T], same: impl Fn(&T, &T) -> bool) {
    for x in extra {
        if !list.iter().any(|y| same(y, x)) {
            list.push(x.clone());
        }
    }
}

/// The comparison key of a phone: its digits (see `text::fold_phone`), or the trimmed text.
pub(crate) fn phone_key(s: &str) -> String {
    fold_phone(s).unwrap_or_else(|| s.trim().to_string())
}
