//! Credit checks: made before the sale to prevent fraud (METHOD.md, step 6: licence,
//! account history). A check is dated, not in the future; who checked is a name; the
//! history and notes are bounded texts. A deal that reaches step 5 (open there or past it,
//! or won) while its account has no credit check is warned about.

use chrono::{DateTime, NaiveDate, Utc};

use super::{CreditCheck, CreditOutcome};
use crate::domain::deal::{Deal, Outcome, Step};
use crate::domain::fields::FieldError;
use crate::domain::rules::{plausible_year, MAX_NAME, MAX_TEXT};

/// The labels of the credit-check form's fields.
pub mod label {
    pub const CHECKED_ON: &str = "receivable.credit.field.checked_on";
    pub const LICENCE: &str = "receivable.credit.field.licence";
    pub const HISTORY: &str = "receivable.credit.field.history";
    pub const OUTCOME: &str = "receivable.credit.field.outcome";
    pub const BY: &str = "receivable.credit.field.by";
    pub const NOTES: &str = "receivable.credit.field.notes";
}

/// A credit check as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditDraft {
    pub checked_on: String,
    pub licence_checked: bool,
    pub history: String,
    pub outcome: CreditOutcome,
    pub by: String,
    pub notes: String,
}

impl CreditDraft {
    /// The form filled from a stored check.
    pub fn from_check(c: &CreditCheck) -> Self {
        CreditDraft {
            checked_on: super::invoice::iso(c.checked_on),
            licence_checked: c.licence_checked,
            history: c.history.clone(),
            outcome: c.outcome,
            by: c.by.clone(),
            notes: c.notes.clone(),
        }
    }
}

fn bounded(
    field: &'static str,
    label: &'static str,
    s: &str,
    max: usize,
    errs: &mut Vec<FieldError>,
) -> String {
    let t = s.trim();
    let len = t.chars().count();
    if len > max {
        errs.push(
            FieldError::new(field, label, "receivable.error.too_long")
                .arg("len", len)
                .arg("max", max),
        );
    }
    t.to_string()
}

/// The draft's fields, checked against `today`: every problem at once.
fn check_draft(
    d: &CreditDraft,
    today: NaiveDate,
) -> Result<(NaiveDate, String, String, String), Vec<FieldError>> {
    let mut errs = Vec::new();
    let typed = d.checked_on.trim();
    let on = if typed.is_empty() {
        errs.push(FieldError::new(
            "checked_on",
            label::CHECKED_ON,
            "receivable.error.date_required",
        ));
        None
    } else {
        match NaiveDate::parse_from_str(typed, "%Y-%m-%d")
            .ok()
            .filter(|d| plausible_year(*d))
        {
            None => {
                errs.push(
                    FieldError::new(
                        "checked_on",
                        label::CHECKED_ON,
                        "receivable.error.date_invalid",
                    )
                    .arg("value", typed),
                );
                None
            }
            Some(on) if on > today => {
                errs.push(FieldError::new(
                    "checked_on",
                    label::CHECKED_ON,
                    "receivable.error.checked_in_future",
                ));
                None
            }
            Some(on) => Some(on),
        }
    };
    let history = bounded("history", label::HISTORY, &d.history, MAX_TEXT, &mut errs);
    let by = bounded("by", label::BY, &d.by, MAX_NAME, &mut errs);
    let notes = bounded("notes", label::NOTES, &d.notes, MAX_TEXT, &mut errs);
    match on {
        Some(on) if errs.is_empty() => Ok((on, history, by, notes)),
        _ => Err(errs),
    }
}

/// A new credit check of an account from the form.
pub fn new_check(
    account_id: crate::domain::ids::Id,
    d: &CreditDraft,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<CreditCheck, Vec<FieldError>> {
    let (on, history, by, notes) = check_draft(d, today)?;
    let mut c = CreditCheck::new(account_id, on, d.licence_checked, d.outcome, now);
    c.history = history;
    c.by = by;
    c.notes = notes;
    Ok(c)
}

/// Changes a credit check from the form.
pub fn edit_check(
    c: &mut CreditCheck,
    d: &CreditDraft,
    today: NaiveDate,
) -> Result<(), Vec<FieldError>> {
    let (on, history, by, notes) = check_draft(d, today)?;
    c.checked_on = on;
    c.licence_checked = d.licence_checked;
    c.outcome = d.outcome;
    c.history = history;
    c.by = by;
    c.notes = notes;
    Ok(())
}

/// Whether the deal reached step 5 (open at step 5 or 6, or won) while its account has no
/// credit check among `checks` (the account's checks; others are ignored).
pub fn needs_credit_check(checks: &[CreditCheck], deal: &Deal) -> bool {
    let reached = match deal.outcome {
        Outcome::Open => deal.step >= Step::WinningCommitment,
        Outcome::Won { .. } => true,
        Outcome::Lost { .. } | Outcome::Declined { .. } => false,
    };
    reached && !checks.iter().any(|c| c.account_id == deal.account_id)
}
