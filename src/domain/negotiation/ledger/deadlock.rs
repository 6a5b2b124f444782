//! Deadlocks: where the talks stuck, what each side said, and how it was broken.
//!
//! A deadlock is often the prelude to the customer's concession (METHOD.md, step 5). While
//! one is open the page shows the method's guidance ([`GUIDANCE`]): unify our position,
//! no arbitrary concession, show goodwill, stay at the table.
//!
//! Rules: the day is required and not after today; the issue, when one is chosen, must be
//! in the plan; at least one of what we said and what they said is written. A deadlock is
//! **broken** with both a resolution (how) and a day (when), never one without the other,
//! and not before the day it began; until then it is **open**. Reopening clears both.

use chrono::NaiveDate;

use super::{parse_day, text, Problem};
use crate::domain::ids::{new_id, Id};
use crate::domain::negotiation::{Deadlock, Negotiation};
use crate::domain::rules::{self, RuleError, MAX_TEXT};

/// The labels of the deadlock forms' fields.
pub mod deadlock_label {
    pub const ON: &str = "negotiation_ledger.deadlock.field.on";
    pub const ISSUE: &str = "negotiation_ledger.deadlock.field.issue";
    pub const OURS: &str = "negotiation_ledger.deadlock.field.ours";
    pub const THEIRS: &str = "negotiation_ledger.deadlock.field.theirs";
    pub const RESOLUTION: &str = "negotiation_ledger.deadlock.field.resolution";
    pub const BROKEN_ON: &str = "negotiation_ledger.deadlock.field.broken_on";
    pub const DEADLOCK: &str = "negotiation_ledger.deadlock.field.deadlock";
}
use deadlock_label as dl;

/// The method's guidance for a deadlock, as catalogue keys, in order.
pub const GUIDANCE: [&str; 4] = [
    "negotiation_ledger.guidance.unify",
    "negotiation_ledger.guidance.no_arbitrary",
    "negotiation_ledger.guidance.goodwill",
    "negotiation_ledger.guidance.stay",
];

/// A deadlock as typed in the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeadlockDraft {
    /// `YYYY-MM-DD`.
    pub on: String,
    pub issue_id: Option<Id>,
    pub ours: String,
    pub theirs: String,
}

/// How a deadlock was broken, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BreakDraft {
    pub resolution: String,
    /// `YYYY-MM-DD`.
    pub broken_on: String,
}

/// Logs a deadlock (open).
pub fn add_deadlock(
    n: &mut Negotiation,
    draft: &DeadlockDraft,
    today: NaiveDate,
) -> Result<Deadlock, Vec<Problem>> {
    let mut errs = Vec::new();
    let on = parse_day("dl_on", dl::ON, &draft.on, today)
        .map_err(|e| errs.push(e))
        .ok();
    if let Some(id) = draft.issue_id {
        if n.issue(id).is_none() {
            errs.push(Problem::new(
                "dl_issue",
                dl::ISSUE,
                "negotiation_ledger.error.unknown_issue",
            ));
        }
    }
    let ours = text("ours", dl::OURS, &draft.ours, &mut errs);
    let theirs = text("theirs", dl::THEIRS, &draft.theirs, &mut errs);
    if ours.is_empty() && theirs.is_empty() {
        errs.push(Problem::new(
            "ours",
            dl::OURS,
            "negotiation_ledger.deadlock.error.nothing_said",
        ));
    }
    match on {
        Some(on) if errs.is_empty() => {
            let d = Deadlock {
                id: new_id(),
                on,
                issue_id: draft.issue_id,
                ours,
                theirs,
                resolution: String::new(),
                broken_on: None,
            };
            n.deadlocks.push(d.clone());
            Ok(d)
        }
        _ => Err(errs),
    }
}

fn find(n: &mut Negotiation, id: Id) -> Result<&mut Deadlock, Vec<Problem>> {
    n.deadlocks.iter_mut().find(|d| d.id == id).ok_or_else(|| {
        vec![Problem::new(
            "deadlock",
            dl::DEADLOCK,
            "negotiation_ledger.deadlock.error.gone",
        )]
    })
}

/// Marks deadlock `id` broken: how (required) and when (required, not before it began,
/// not after today).
pub fn break_deadlock(
    n: &mut Negotiation,
    id: Id,
    draft: &BreakDraft,
    today: NaiveDate,
) -> Result<Deadlock, Vec<Problem>> {
    let mut errs = Vec::new();
    let began = find(n, id)?.on;
    let resolution = text("resolution", dl::RESOLUTION, &draft.resolution, &mut errs);
    if resolution.is_empty() {
        errs.push(Problem::new(
            "resolution",
            dl::RESOLUTION,
            "field.error.required",
        ));
    }
    let broken_on = match parse_day("broken_on", dl::BROKEN_ON, &draft.broken_on, today) {
        Ok(d) if d < began => {
            errs.push(
                Problem::new(
                    "broken_on",
                    dl::BROKEN_ON,
                    "negotiation_ledger.deadlock.error.before_start",
                )
                .arg("value", draft.broken_on.trim())
                .arg("on", began.format("%Y-%m-%d")),
            );
            None
        }
        Ok(d) => Some(d),
        Err(e) => {
            errs.push(e);
            None
        }
    };
    match broken_on {
        Some(day) if errs.is_empty() => {
            let d = find(n, id)?;
            d.resolution = resolution;
            d.broken_on = Some(day);
            Ok(d.clone())
        }
        _ => Err(errs),
    }
}

/// Opens deadlock `id` again (clears how and when it was broken).
pub fn reopen_deadlock(n: &mut Negotiation, id: Id) -> Result<Deadlock, Vec<Problem>> {
    let d = find(n, id)?;
    d.resolution.clear();
    d.broken_on = None;
    Ok(d.clone())
}

/// Removes deadlock `id`: its place and the deadlock (for an undo).
pub fn remove_deadlock(n: &mut Negotiation, id: Id) -> Result<(usize, Deadlock), Vec<Problem>> {
    let i = n.deadlocks.iter().position(|d| d.id == id).ok_or_else(|| {
        vec![Problem::new(
            "deadlock",
            dl::DEADLOCK,
            "negotiation_ledger.deadlock.error.gone",
        )]
    })?;
    Ok((i, n.deadlocks.remove(i)))
}

/// Puts a removed deadlock back at its place (undo).
pub fn restore_deadlock(n: &mut Negotiation, at: usize, d: Deadlock) -> Result<(), Vec<Problem>> {
    if crate::domain::parts::put_back(&mut n.deadlocks, at, d, |a, b| a.id == b.id) {
        Ok(())
    } else {
        Err(vec![Problem::new(
            "deadlock",
            dl::DEADLOCK,
            "negotiation_ledger.error.restored",
        )])
    }
}

/// Whether the deadlock is still open.
pub fn is_open(d: &Deadlock) -> bool {
    d.broken_on.is_none()
}

/// The record rules of the deadlocks: a day in range; a resolution only with the day it
/// was broken and the day only with a resolution; that day not before the deadlock began;
/// texts within [`MAX_TEXT`]. (An issue removed from the plan since does not make the
/// record wrong: the deadlock is then shown without its issue.)
pub fn check_deadlocks(n: &Negotiation) -> Result<(), RuleError> {
    for (i, d) in n.deadlocks.iter().enumerate() {
        let at = |f: &str| format!("deadlocks[{i}].{f}");
        rules::date(&at("on"), dl::ON, d.on)?;
        match (d.resolution.trim().is_empty(), d.broken_on) {
            (false, None) => {
                return Err(RuleError::new(
                    at("broken_on"),
                    dl::BROKEN_ON,
                    "negotiation_ledger.deadlock.rule.date_missing",
                ))
            }
            (true, Some(_)) => {
                return Err(RuleError::new(
                    at("resolution"),
                    dl::RESOLUTION,
                    "negotiation_ledger.deadlock.rule.resolution_missing",
                ))
            }
            (_, Some(b)) => {
                rules::date(&at("broken_on"), dl::BROKEN_ON, b)?;
                if b < d.on {
                    return Err(RuleError::new(
                        at("broken_on"),
                        dl::BROKEN_ON,
                        "negotiation_ledger.deadlock.rule.before_start",
                    )
                    .arg("value", b)
                    .arg("on", d.on));
                }
            }
            (true, None) => {}
        }
        for (f, label, s) in [
            ("ours", dl::OURS, &d.ours),
            ("theirs", dl::THEIRS, &d.theirs),
            ("resolution", dl::RESOLUTION, &d.resolution),
        ] {
            rules::length(&at(f), label, s, MAX_TEXT)?;
        }
    }
    Ok(())
}
