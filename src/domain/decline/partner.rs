//! The partner directory's rules: the partner form, and which partners may be proposed to a
//! customer we decline — only [`TrustLevel::Trusted`] ones whose field or a neighbouring
//! field is the request's field (compared without case or accents), exact field first.

use super::{DeclineProblem, Partner, TrustLevel};
use crate::domain::account::{is_valid_email, is_valid_phone};
use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::rules::{MAX_NAME, MAX_TEXT};
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;
use chrono::{DateTime, Utc};

/// The catalogue keys of the partner form's labels.
pub mod label {
    pub const NAME: &str = "decline.partner_field.name";
    pub const FIELD: &str = "decline.partner_field.field";
    pub const NEIGHBOURING: &str = "decline.partner_field.neighbouring";
    pub const TRUST: &str = "decline.partner_field.trust";
    pub const CONTACT: &str = "decline.partner_field.contact";
    pub const PHONE: &str = "decline.partner_field.phone";
    pub const EMAIL: &str = "decline.partner_field.email";
    pub const NOTES: &str = "decline.partner_field.notes";
}

/// A partner as typed. `neighbouring` is one line, fields separated by commas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerDraft {
    pub name: String,
    pub field: String,
    pub neighbouring: String,
    pub trust: TrustLevel,
    pub contact: String,
    pub phone: String,
    pub email: String,
    pub notes: String,
}

impl Default for PartnerDraft {
    fn default() -> Self {
        PartnerDraft {
            name: String::new(),
            field: String::new(),
            neighbouring: String::new(),
            trust: TrustLevel::Known,
            contact: String::new(),
            phone: String::new(),
            email: String::new(),
            notes: String::new(),
        }
    }
}

/// The checked fields of a partner form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerFields {
    pub name: String,
    pub field: String,
    pub neighbouring: Vec<String>,
    pub trust: TrustLevel,
    pub contact: String,
    pub phone: String,
    pub email: String,
    pub notes: String,
}

/// Splits a typed list of fields ("waste handling, window cleaning") into its fields,
/// without blanks or repeats (compared folded), each trimmed.
pub fn split_fields(s: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for f in s
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|f| !f.is_empty())
    {
        let k = fold(f);
        if !seen.contains(&k) {
            seen.push(k);
            out.push(f.to_string());
        }
    }
    out
}

pub(super) fn required_name(
    field: &'static str,
    label: &'static str,
    s: &str,
    out: &mut Vec<FieldError>,
) {
    if s.trim().is_empty() {
        out.push(FieldError::new(field, label, FieldProblem::Required));
    } else {
        short(field, label, s, out);
    }
}

pub(super) fn short(field: &'static str, label: &'static str, s: &str, out: &mut Vec<FieldError>) {
    if s.chars().count() > MAX_NAME {
        out.push(FieldError::new(field, label, FieldProblem::TooLong));
    }
}

pub(super) fn long(field: &'static str, label: &'static str, s: &str, out: &mut Vec<FieldError>) {
    let len = s.chars().count();
    if len > MAX_TEXT {
        out.push(
            FieldError::new(field, label, DeclineProblem::TextTooLong)
                .arg("len", len)
                .arg("max", MAX_TEXT),
        );
    }
}

impl PartnerDraft {
    pub fn from_partner(p: &Partner) -> Self {
        PartnerDraft {
            name: p.name.clone(),
            field: p.field.clone(),
            neighbouring: p.neighbouring.join(", "),
            trust: p.trust,
            contact: p.contact.clone(),
            phone: p.phone.clone(),
            email: p.email.clone(),
            notes: p.notes.clone(),
        }
    }

    /// The checked fields, or every bad field at once: a name and a field are required;
    /// the phone and e-mail, when given, must look like a phone number and an e-mail.
    pub fn validate(&self) -> Result<PartnerFields, Vec<FieldError>> {
        let mut errs = Vec::new();
        required_name("name", label::NAME, &self.name, &mut errs);
        required_name("field", label::FIELD, &self.field, &mut errs);
        let neighbouring = split_fields(&self.neighbouring);
        if neighbouring.iter().any(|f| f.chars().count() > MAX_NAME) {
            errs.push(FieldError::new(
                "neighbouring",
                label::NEIGHBOURING,
                FieldProblem::TooLong,
            ));
        }
        short("contact", label::CONTACT, &self.contact, &mut errs);
        let phone = self.phone.trim();
        if !phone.is_empty() && !is_valid_phone(phone) {
            errs.push(
                FieldError::new("phone", label::PHONE, FieldProblem::InvalidPhone)
                    .arg("value", phone),
            );
        }
        let email = self.email.trim();
        if !email.is_empty() && !is_valid_email(email) {
            errs.push(
                FieldError::new("email", label::EMAIL, FieldProblem::InvalidEmail)
                    .arg("value", email),
            );
        }
        long("notes", label::NOTES, &self.notes, &mut errs);
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(PartnerFields {
            name: self.name.trim().to_string(),
            field: self.field.trim().to_string(),
            neighbouring,
            trust: self.trust,
            contact: self.contact.trim().to_string(),
            phone: phone.to_string(),
            email: email.to_string(),
            notes: self.notes.trim().to_string(),
        })
    }
}

impl PartnerFields {
    /// Writes the fields over `p`.
    pub fn apply_to(self, p: &mut Partner) {
        p.name = self.name;
        p.field = self.field;
        p.neighbouring = self.neighbouring;
        p.trust = self.trust;
        p.contact = self.contact;
        p.phone = self.phone;
        p.email = self.email;
        p.notes = self.notes;
    }

    /// A new partner with these fields.
    pub fn into_new(self, now: DateTime<Utc>) -> Partner {
        let mut p = Partner::new(&self.name, &self.field, self.trust, now);
        self.apply_to(&mut p);
        p
    }
}

/// How a partner's fields meet a request's field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FieldMatch {
    /// Their own field is the request's.
    Exact,
    /// One of their neighbouring fields is.
    Neighbouring,
}

/// How `p`'s fields meet `field` (folded: case, accents and spacing do not count).
pub fn field_match(p: &Partner, field: &str) -> Option<FieldMatch> {
    let want = fold(field);
    if want.is_empty() {
        return None;
    }
    if fold(&p.field) == want {
        Some(FieldMatch::Exact)
    } else if p.neighbouring.iter().any(|n| fold(n) == want) {
        Some(FieldMatch::Neighbouring)
    } else {
        None
    }
}

/// The partners we may propose for a request in `field`: trusted ones only (never known
/// or unsure ones), whose field or a neighbouring field is `field`; exact field matches
/// first, then by name.
pub fn proposable_partners<'a>(
    partners: impl IntoIterator<Item = &'a Partner>,
    field: &str,
) -> Vec<&'a Partner> {
    let mut found: Vec<(FieldMatch, String, &Partner)> = partners
        .into_iter()
        .filter(|p| p.trust == TrustLevel::Trusted)
        .filter_map(|p| field_match(p, field).map(|m| (m, fold(&p.name), p)))
        .collect();
    found.sort_with(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    found.into_iter().map(|(_, _, p)| p).collect()
}

/// Partners in `field` (or a neighbouring one) that are not trusted: the page says they
/// exist but are not proposed.
pub fn untrusted_in_field<'a>(
    partners: impl IntoIterator<Item = &'a Partner>,
    field: &str,
) -> usize {
    partners
        .into_iter()
        .filter(|p| p.trust != TrustLevel::Trusted && field_match(p, field).is_some())
        .count()
}
