//! The delivery milestones (METHOD.md "Deliver on time"): delivery, installation and
//! commissioning, acceptance, start of use and warranty end, planned against actual, each
//! with the obstacle spotted early and the backup plan.
//!
//! **One milestone per kind.** A deal is delivered, accepted and put to use once; a
//! partial delivery is a line of the contract checklist, not a second milestone. A second
//! milestone of a kind the deal has is refused ([`FollowUpProblem::KindTaken`]).
//!
//! **Rules.** The planned date is required; the planned start, when given, is not after it;
//! the done date is not after today; a milestone done before its planned start needs a note
//! saying why ([`FollowUpProblem::DoneBeforeStart`]: "done before it was planned to start:
//! say why in the note").
//!
//! **Late.** A milestone not done whose planned date lies before today is late by the days
//! since ([`Lateness::Open`]); one done after its planned date was late by the days between
//! ([`Lateness::Reached`]). Only open lateness needs the rep: the Agenda and the dashboard
//! list it ([`overdue`]); the deal page tells both.

use super::{
    date_field, label, long_text, not_future, FollowUp, FollowUpError, FollowUpProblem, Milestone,
    MilestoneKind,
};
use crate::domain::fields::FieldError;
use crate::domain::ids::{new_id, Id};
use crate::domain::sorting::SortExt;
use chrono::NaiveDate;

/// A milestone as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneDraft {
    pub kind: MilestoneKind,
    pub planned_start: String,
    pub planned: String,
    pub done_on: String,
    pub obstacle: String,
    pub backup_plan: String,
    pub note: String,
}

impl Default for MilestoneDraft {
    fn default() -> Self {
        MilestoneDraft {
            kind: MilestoneKind::Delivery,
            planned_start: String::new(),
            planned: String::new(),
            done_on: String::new(),
            obstacle: String::new(),
            backup_plan: String::new(),
            note: String::new(),
        }
    }
}

fn ymd(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The rule between the dates and the note, shared by the form and the record: the
/// problem, on which field, or `None`.
pub fn date_problem(
    planned_start: Option<NaiveDate>,
    planned: NaiveDate,
    done_on: Option<NaiveDate>,
    note: &str,
) -> Option<(FollowUpProblem, &'static str)> {
    if planned_start.is_some_and(|s| s > planned) {
        return Some((FollowUpProblem::StartAfterPlanned, "planned_start"));
    }
    match (planned_start, done_on) {
        (Some(s), Some(d)) if d < s && note.trim().is_empty() => {
            Some((FollowUpProblem::DoneBeforeStart, "done_on"))
        }
        _ => None,
    }
}

impl MilestoneDraft {
    /// The form filled from a stored milestone.
    pub fn from_milestone(m: &Milestone) -> Self {
        MilestoneDraft {
            kind: m.kind,
            planned_start: ymd(m.planned_start),
            planned: ymd(Some(m.planned)),
            done_on: ymd(m.done_on),
            obstacle: m.obstacle.clone(),
            backup_plan: m.backup_plan.clone(),
            note: m.note.clone(),
        }
    }

    /// The milestone with id `id`, or every bad field (in form order).
    pub fn validate(&self, id: Id, today: NaiveDate) -> Result<Milestone, Vec<FollowUpError>> {
        let mut errs = Vec::new();
        let start = date_field(
            "planned_start",
            label::MS_START,
            &self.planned_start,
            false,
            &mut errs,
        );
        let planned = date_field("planned", label::MS_PLANNED, &self.planned, true, &mut errs);
        let done_on = date_field("done_on", label::MS_DONE, &self.done_on, false, &mut errs);
        not_future("done_on", label::MS_DONE, done_on, today, &mut errs);
        if let Some(planned) = planned {
            match date_problem(start, planned, done_on, &self.note) {
                Some((FollowUpProblem::StartAfterPlanned, _)) => errs.push(
                    FieldError::new(
                        "planned_start",
                        label::MS_START,
                        FollowUpProblem::StartAfterPlanned,
                    )
                    .arg("start", self.planned_start.trim())
                    .arg("planned", self.planned.trim()),
                ),
                Some((p, field)) => errs.push(
                    FieldError::new(field, label::MS_DONE, p)
                        .arg("done", self.done_on.trim())
                        .arg("start", self.planned_start.trim()),
                ),
                None => {}
            }
        }
        long_text(
            "obstacle",
            label::MS_OBSTACLE,
            &self.obstacle,
            false,
            &mut errs,
        );
        long_text(
            "backup_plan",
            label::MS_BACKUP,
            &self.backup_plan,
            false,
            &mut errs,
        );
        long_text("note", label::MS_NOTE, &self.note, false, &mut errs);
        match planned {
            Some(planned) if errs.is_empty() => Ok(Milestone {
                id,
                kind: self.kind,
                planned_start: start,
                planned,
                done_on,
                obstacle: self.obstacle.trim().to_string(),
                backup_plan: self.backup_plan.trim().to_string(),
                note: self.note.trim().to_string(),
            }),
            _ => Err(errs),
        }
    }
}

fn kind_taken(kind: MilestoneKind) -> FollowUpError {
    FieldError::new("kind", label::MS_KIND, FollowUpProblem::KindTaken).arg("kind", kind.code())
}

/// The kinds the deal has no milestone of yet, in order (what the add form offers).
pub fn free_kinds(f: &FollowUp) -> Vec<MilestoneKind> {
    MilestoneKind::ALL
        .iter()
        .copied()
        .filter(|k| !f.milestones.iter().any(|m| m.kind == *k))
        .collect()
}

/// Adds a milestone; its id. Refused when the deal has one of that kind.
pub fn add_milestone(
    f: &mut FollowUp,
    d: &MilestoneDraft,
    today: NaiveDate,
) -> Result<Id, Vec<FollowUpError>> {
    let validated = d.validate(new_id(), today);
    if f.milestones.iter().any(|m| m.kind == d.kind) {
        let mut errs = vec![kind_taken(d.kind)];
        errs.extend(validated.err().unwrap_or_default());
        return Err(errs);
    }
    let m = validated?;
    let id = m.id;
    f.milestones.push(m);
    f.milestones.sort_on(|m| m.kind);
    Ok(id)
}

/// Changes milestone `id`. Refused when its new kind is another milestone's.
pub fn update_milestone(
    f: &mut FollowUp,
    id: Id,
    d: &MilestoneDraft,
    today: NaiveDate,
) -> Result<(), Vec<FollowUpError>> {
    let validated = d.validate(id, today);
    if f.milestones.iter().any(|m| m.kind == d.kind && m.id != id) {
        let mut errs = vec![kind_taken(d.kind)];
        errs.extend(validated.err().unwrap_or_default());
        return Err(errs);
    }
    let m = validated?;
    let slot = f
        .milestones
        .iter_mut()
        .find(|x| x.id == id)
        .ok_or_else(|| {
            vec![FieldError::new(
                "kind",
                label::MILESTONE,
                FollowUpProblem::Gone,
            )]
        })?;
    *slot = m;
    f.milestones.sort_on(|m| m.kind);
    Ok(())
}

/// Removes milestone `id`: where it stood and what it was (for Undo).
pub fn remove_milestone(f: &mut FollowUp, id: Id) -> Option<(usize, Milestone)> {
    crate::domain::parts::take_out(&mut f.milestones, |m| m.id == id)
}

/// Puts a removed milestone back (the Undo of [`remove_milestone`]); nothing when it, or
/// another milestone of its kind, is there already.
pub fn restore_milestone(f: &mut FollowUp, at: usize, m: Milestone) {
    let same = |x: &Milestone, m: &Milestone| x.id == m.id || x.kind == m.kind;
    if crate::domain::parts::put_back(&mut f.milestones, at, m, same) {
        f.milestones.sort_on(|m| m.kind);
    }
}

/// How late a milestone is or was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lateness {
    /// Not done, planned before today: late by that many days so far.
    Open { days: i64 },
    /// Done after its planned date: it was that many days late.
    Reached { days: i64 },
}

impl Lateness {
    pub fn days(self) -> i64 {
        match self {
            Lateness::Open { days } | Lateness::Reached { days } => days,
        }
    }
}

/// How late milestone `m` is on `today`; `None` when on time (or not due yet).
pub fn lateness(m: &Milestone, today: NaiveDate) -> Option<Lateness> {
    match m.done_on {
        Some(d) if d > m.planned => Some(Lateness::Reached {
            days: (d - m.planned).num_days(),
        }),
        Some(_) => None,
        None if m.planned < today => Some(Lateness::Open {
            days: (today - m.planned).num_days(),
        }),
        None => None,
    }
}

/// The late milestones on `today` (open or reached late), in the milestones' order.
pub fn late_milestones(f: &FollowUp, today: NaiveDate) -> Vec<(&Milestone, Lateness)> {
    f.milestones
        .iter()
        .filter_map(|m| lateness(m, today).map(|l| (m, l)))
        .collect()
}

/// The milestones not done and past their planned date (what needs the rep now), most
/// late first.
pub fn overdue(f: &FollowUp, today: NaiveDate) -> Vec<(&Milestone, i64)> {
    let mut out: Vec<_> = late_milestones(f, today)
        .into_iter()
        .filter_map(|(m, l)| match l {
            Lateness::Open { days } => Some((m, days)),
            Lateness::Reached { .. } => None,
        })
        .collect();
    out.sort_on(|(m, days)| (std::cmp::Reverse(*days), m.kind));
    out
}
