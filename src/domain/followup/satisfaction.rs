//! The satisfaction checks (METHOD.md "Communicate regularly"): a regular call and a
//! regular satisfaction request, on the cadence set in Settings.
//!
//! **Rules.** A check has a date not after today; the person asked, when named, is one of
//! the deal's account's people; the score, when given, is a whole number 1–5.
//!
//! **Next due** ([`next_due`]): for each kind, the last check of that kind (or the day the
//! deal was won, when none was made) plus the cadence's days; due when that day is today
//! or before.

use super::{
    date_field, label, long_text, not_future, Cadence, CheckKind, FollowUp, FollowUpError,
    FollowUpProblem, SatisfactionCheck,
};
use crate::domain::fields::FieldError;
use crate::domain::ids::{new_id, Id};
use crate::domain::sorting::SortExt;
use chrono::{Duration, NaiveDate};

/// The score scale: 1 (not at all satisfied) to 5 (fully).
pub const SCORE: std::ops::RangeInclusive<u8> = 1..=5;

/// A check as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckDraft {
    pub kind: CheckKind,
    pub on: String,
    pub person_id: Option<Id>,
    pub score: String,
    pub note: String,
}

impl Default for CheckDraft {
    fn default() -> Self {
        CheckDraft {
            kind: CheckKind::Call,
            on: String::new(),
            person_id: None,
            score: String::new(),
            note: String::new(),
        }
    }
}

impl CheckDraft {
    /// The check with id `id`, or every bad field. `is_person` says whether an id is one
    /// of the deal's account's people.
    pub fn validate(
        &self,
        id: Id,
        today: NaiveDate,
        is_person: impl Fn(Id) -> bool,
    ) -> Result<SatisfactionCheck, Vec<FollowUpError>> {
        let mut errs = Vec::new();
        let on = date_field("on", label::CHECK_ON, &self.on, true, &mut errs);
        not_future("on", label::CHECK_ON, on, today, &mut errs);
        if let Some(p) = self.person_id {
            if !is_person(p) {
                errs.push(FieldError::new(
                    "person_id",
                    label::CHECK_PERSON,
                    FollowUpProblem::PersonUnknown,
                ));
            }
        }
        let score = match self.score.trim() {
            "" => None,
            t => match t.parse::<u8>() {
                Ok(v) if SCORE.contains(&v) => Some(v),
                _ => {
                    errs.push(
                        FieldError::new("score", label::CHECK_SCORE, FollowUpProblem::ScoreInvalid)
                            .arg("value", t),
                    );
                    None
                }
            },
        };
        long_text("note", label::CHECK_NOTE, &self.note, false, &mut errs);
        match on {
            Some(on) if errs.is_empty() => Ok(SatisfactionCheck {
                id,
                kind: self.kind,
                on,
                person_id: self.person_id,
                score,
                note: self.note.trim().to_string(),
            }),
            _ => Err(errs),
        }
    }
}

/// Logs a check; its id. The checks stay in date order (newest last).
pub fn log_check(
    f: &mut FollowUp,
    d: &CheckDraft,
    today: NaiveDate,
    is_person: impl Fn(Id) -> bool,
) -> Result<Id, Vec<FollowUpError>> {
    let c = d.validate(new_id(), today, is_person)?;
    let id = c.id;
    f.checks.push(c);
    f.checks.sort_on(|c| c.on);
    Ok(id)
}

/// Removes check `id`: where it stood and what it was (for Undo).
pub fn remove_check(f: &mut FollowUp, id: Id) -> Option<(usize, SatisfactionCheck)> {
    crate::domain::parts::take_out(&mut f.checks, |c| c.id == id)
}

/// Puts a removed check back (the Undo of [`remove_check`]).
pub fn restore_check(f: &mut FollowUp, at: usize, c: SatisfactionCheck) {
    if crate::domain::parts::put_back(&mut f.checks, at, c, |a, b| a.id == b.id) {
        f.checks.sort_on(|c| c.on);
    }
}

/// When the next check of a kind falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextCheck {
    pub kind: CheckKind,
    /// The last check of the kind, if any was made.
    pub last: Option<NaiveDate>,
    /// The day it falls due.
    pub due: NaiveDate,
    /// Whether it is due on `today` (that day or before).
    pub is_due: bool,
    /// Days past the due day (0 on the day, negative before it).
    pub days_over: i64,
}

/// The days a kind waits between checks.
pub fn cadence_days(kind: CheckKind, cadence: Cadence) -> u32 {
    match kind {
        CheckKind::Call => cadence.call_days,
        CheckKind::Request => cadence.request_days,
    }
}

/// The next call and the next request (in [`CheckKind::ALL`]'s order): the last check of
/// the kind (or `won_on` when there is none) plus the cadence's days. `followup` is `None`
/// when the rep has written nothing yet.
pub fn next_due(
    followup: Option<&FollowUp>,
    won_on: NaiveDate,
    cadence: Cadence,
    today: NaiveDate,
) -> Vec<NextCheck> {
    CheckKind::ALL
        .iter()
        .map(|&kind| {
            let last = followup.and_then(|f| {
                f.checks
                    .iter()
                    .filter(|c| c.kind == kind)
                    .map(|c| c.on)
                    .max()
            });
            let from = last.unwrap_or(won_on);
            let due = from
                .checked_add_signed(Duration::days(i64::from(cadence_days(kind, cadence))))
                .unwrap_or(NaiveDate::MAX);
            let days_over = (today - due).num_days();
            NextCheck {
                kind,
                last,
                due,
                is_due: due <= today,
                days_over,
            }
        })
        .collect()
}
