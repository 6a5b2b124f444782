//! Step 6 — follow-up service after the contract (METHOD.md "Step 6" and "Good vendor
//! practice"): keep the contract, deliver on time, communicate regularly.
//!
//! **One record per won deal.** A [`FollowUp`] holds the deal's contract checklist (agreed
//! delivery dates, quantities, obligations on each side, contact points, each with a due
//! date, a done date and an owner), its delivery milestones (delivery, installation or
//! commissioning, acceptance, start of use, warranty end; planned against actual, with an
//! obstacle and a backup plan) and the satisfaction checks made (a weekly call and a
//! monthly satisfaction request by default, on the cadence set in Settings). It is created
//! the first time the rep writes any of it. Invoices, complaints and referrals are kinds of
//! their own (`receivable`, `complaint`, `referral`): they outlive the deal's follow-up.

//! **Parts.** [`checklist`] (the contract items: due and late), [`milestones`] (planned
//! against actual, at most one milestone of each kind), [`satisfaction`] (the checks made
//! and the next one due on the cadence) and [`watch`] (what needs the rep across every
//! deal in follow-up: the Agenda and the dashboard read it).
//!
//! **Which deals.** Follow-up service runs for a deal won and not yet fully paid
//! ([`in_service`]); a deal fully paid leaves the Agenda and the dashboard.
//!
//! **Forms and records.** Each part's draft holds what was typed and reports every bad field
//! at once ([`FollowUpError`], the app's field error); the record rules ([`check_record`])
//! are the same rules, so a backup with a bad follow-up is refused. `today` is always
//! passed in.

mod check;
pub mod checklist;
pub mod milestones;
mod record;
pub mod satisfaction;
pub mod watch;

#[cfg(test)]
mod tests;

pub use check::check_record;
pub use record::*;

use crate::domain::deal::Outcome;
use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::rules::{MAX_NAME, MAX_TEXT};
use chrono::NaiveDate;

/// The day a deal was won, when it is in follow-up service: won and not yet fully paid.
pub fn in_service(outcome: &Outcome) -> Option<NaiveDate> {
    match outcome {
        Outcome::Won { at, paid_on: None } => Some(*at),
        _ => None,
    }
}

/// What is wrong with a field of a follow-up form (or a rule of a stored follow-up). Each
/// has a form message (`followup.error.<code>`) and a rule message (`….rule`, for a stored
/// record, which quotes no typed text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FollowUpProblem {
    /// A done (or reached, or made) date after today (`{value}`).
    DoneInFuture,
    /// A milestone reached before its planned start, without a note saying why.
    DoneBeforeStart,
    /// A planned start after the planned date (`{start}`, `{planned}`).
    StartAfterPlanned,
    /// A second milestone of a kind the deal already has (`{kind}`).
    KindTaken,
    /// A score that is not a whole number from 1 to 5 (`{value}`).
    ScoreInvalid,
    /// A person who is not one of the deal's account's people.
    PersonUnknown,
    /// A long text past [`MAX_TEXT`] (`{len}`, `{max}`).
    TextTooLong,
    /// Two lines with one id.
    DuplicateId,
    /// The line being changed is no longer there.
    Gone,
}

crate::keyed_enum!(FollowUpProblem, "followup.error", {
    DoneInFuture => "done_in_future",
    DoneBeforeStart => "done_before_start",
    StartAfterPlanned => "start_after_planned",
    KindTaken => "kind_taken",
    ScoreInvalid => "score_invalid",
    PersonUnknown => "person_unknown",
    TextTooLong => "text_too_long",
    DuplicateId => "duplicate_id",
    Gone => "gone",
}, rule_key = ".rule");

/// One field of a follow-up form in error: the app's [`FieldError`], with the follow-up's
/// own problems ([`FollowUpProblem`]) as form problems.
pub type FollowUpError = FieldError;

impl From<FollowUpProblem> for FieldProblem {
    fn from(p: FollowUpProblem) -> Self {
        FieldProblem::Form(p.key())
    }
}

/// The catalogue keys of the follow-up's field labels (named after the record's paths, so
/// a backup's bad value is named by the same label).
pub mod label {
    pub const ITEM_KIND: &str = "followup.field.checklist.kind";
    pub const ITEM_TEXT: &str = "followup.field.checklist.text";
    pub const ITEM_DUE: &str = "followup.field.checklist.due";
    pub const ITEM_DONE: &str = "followup.field.checklist.done_on";
    pub const ITEM_OWNER: &str = "followup.field.checklist.owner";
    pub const ITEM_NOTE: &str = "followup.field.checklist.note";
    pub const ITEM: &str = "followup.field.checklist";
    pub const MS_KIND: &str = "followup.field.milestones.kind";
    pub const MS_START: &str = "followup.field.milestones.planned_start";
    pub const MS_PLANNED: &str = "followup.field.milestones.planned";
    pub const MS_DONE: &str = "followup.field.milestones.done_on";
    pub const MS_OBSTACLE: &str = "followup.field.milestones.obstacle";
    pub const MS_BACKUP: &str = "followup.field.milestones.backup_plan";
    pub const MS_NOTE: &str = "followup.field.milestones.note";
    pub const MILESTONE: &str = "followup.field.milestones";
    pub const CHECK_KIND: &str = "followup.field.checks.kind";
    pub const CHECK_ON: &str = "followup.field.checks.on";
    pub const CHECK_PERSON: &str = "followup.field.checks.person_id";
    pub const CHECK_SCORE: &str = "followup.field.checks.score";
    pub const CHECK_NOTE: &str = "followup.field.checks.note";
    pub const CHECK: &str = "followup.field.checks";
}

/// A typed `YYYY-MM-DD` date with a four-digit year: `None` when blank (a `Required` error
/// when `required`), an `InvalidDate` error quoting what was typed when it does not parse.
pub(crate) fn date_field(
    field: &'static str,
    label_key: &'static str,
    typed: &str,
    required: bool,
    out: &mut Vec<FollowUpError>,
) -> Option<NaiveDate> {
    let t = typed.trim();
    if t.is_empty() {
        if required {
            out.push(FieldError::new(field, label_key, FieldProblem::Required));
        }
        return None;
    }
    match NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        Ok(d) if crate::domain::rules::plausible_year(d) => Some(d),
        _ => {
            out.push(FieldError::new(field, label_key, FieldProblem::InvalidDate).arg("value", t));
            None
        }
    }
}

/// A done date not after `today`.
pub(crate) fn not_future(
    field: &'static str,
    label_key: &'static str,
    d: Option<NaiveDate>,
    today: NaiveDate,
    out: &mut Vec<FollowUpError>,
) {
    if let Some(d) = d.filter(|d| *d > today) {
        out.push(
            FieldError::new(field, label_key, FollowUpProblem::DoneInFuture)
                .arg("value", d.format("%Y-%m-%d")),
        );
    }
}

/// A short text (at most [`MAX_NAME`] characters), required or not.
pub(crate) fn short_text(
    field: &'static str,
    label_key: &'static str,
    s: &str,
    required: bool,
    out: &mut Vec<FollowUpError>,
) {
    if required && s.trim().is_empty() {
        out.push(FieldError::new(field, label_key, FieldProblem::Required));
    } else if s.chars().count() > MAX_NAME {
        out.push(FieldError::new(field, label_key, FieldProblem::TooLong));
    }
}

/// A long text (at most [`MAX_TEXT`] characters), required or not.
pub(crate) fn long_text(
    field: &'static str,
    label_key: &'static str,
    s: &str,
    required: bool,
    out: &mut Vec<FollowUpError>,
) {
    let len = s.chars().count();
    if required && s.trim().is_empty() {
        out.push(FieldError::new(field, label_key, FieldProblem::Required));
    } else if len > MAX_TEXT {
        out.push(
            FieldError::new(field, label_key, FollowUpProblem::TextTooLong)
                .arg("len", len)
                .arg("max", MAX_TEXT),
        );
    }
}

/// How often a customer in follow-up is asked about satisfaction (METHOD.md "Communicate
/// regularly": a weekly call, a monthly satisfaction request), in days; set in Settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cadence {
    pub call_days: u32,
    pub request_days: u32,
}

impl Default for Cadence {
    fn default() -> Self {
        Cadence {
            call_days: 7,
            request_days: 30,
        }
    }
}
