//! The record rules of a follow-up, run on every save and on every record a backup brings:
//! the forms' rules on every stored line, ids unique, one milestone per kind.
//!
//! "Not in the future" is measured against the record's clock plus the clock difference
//! between devices ([`CLOCK_SKEW_HOURS`]): a rep ahead of UTC marks a thing done on their
//! today, which may be tomorrow in UTC.

use super::{label, milestones, FollowUp, FollowUpProblem};
use crate::domain::ids::Record;
use crate::domain::rules::{self, CheckContext, RuleError, CLOCK_SKEW_HOURS, MAX_NAME, MAX_TEXT};
use chrono::{Duration, NaiveDate};

fn rule(path: String, label_key: &'static str, p: FollowUpProblem) -> RuleError {
    RuleError::new(path, label_key, p.rule_key())
}

fn not_future(
    path: String,
    label_key: &'static str,
    d: NaiveDate,
    latest: NaiveDate,
) -> Result<(), RuleError> {
    if d > latest {
        return Err(
            rule(path, label_key, FollowUpProblem::DoneInFuture).arg("value", d.format("%Y-%m-%d"))
        );
    }
    Ok(())
}

/// Whether the stored follow-up obeys its rules.
pub fn check_record(f: &FollowUp, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&f.meta(), ctx)?;
    let latest = (ctx.now + Duration::hours(CLOCK_SKEW_HOURS)).date_naive();
    let mut ids = std::collections::HashSet::new();
    for (n, i) in f.checklist.iter().enumerate() {
        let at = |x: &str| format!("checklist[{n}].{x}");
        if !ids.insert(i.id) {
            return Err(rule(at("id"), label::ITEM, FollowUpProblem::DuplicateId));
        }
        if i.text.trim().is_empty() {
            return Err(RuleError::new(
                at("text"),
                label::ITEM_TEXT,
                "rule.required",
            ));
        }
        rules::length(&at("text"), label::ITEM_TEXT, &i.text, MAX_TEXT)?;
        if let Some(d) = i.due {
            rules::date(&at("due"), label::ITEM_DUE, d)?;
        }
        if let Some(d) = i.done_on {
            rules::date(&at("done_on"), label::ITEM_DONE, d)?;
            not_future(at("done_on"), label::ITEM_DONE, d, latest)?;
        }
        rules::length(&at("owner"), label::ITEM_OWNER, &i.owner, MAX_NAME)?;
        rules::length(&at("note"), label::ITEM_NOTE, &i.note, MAX_TEXT)?;
    }
    let mut kinds = std::collections::HashSet::new();
    for (n, m) in f.milestones.iter().enumerate() {
        let at = |x: &str| format!("milestones[{n}].{x}");
        if !ids.insert(m.id) {
            return Err(rule(
                at("id"),
                label::MILESTONE,
                FollowUpProblem::DuplicateId,
            ));
        }
        if !kinds.insert(m.kind) {
            return Err(rule(at("kind"), label::MS_KIND, FollowUpProblem::KindTaken)
                .arg("kind", m.kind.code()));
        }
        if let Some(d) = m.planned_start {
            rules::date(&at("planned_start"), label::MS_START, d)?;
        }
        rules::date(&at("planned"), label::MS_PLANNED, m.planned)?;
        if let Some(d) = m.done_on {
            rules::date(&at("done_on"), label::MS_DONE, d)?;
            not_future(at("done_on"), label::MS_DONE, d, latest)?;
        }
        let ymd = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        match milestones::date_problem(m.planned_start, m.planned, m.done_on, &m.note) {
            Some((FollowUpProblem::StartAfterPlanned, field)) => {
                return Err(rule(
                    at(field),
                    label::MS_START,
                    FollowUpProblem::StartAfterPlanned,
                )
                .arg("start", ymd(m.planned_start).unwrap_or_default())
                .arg("planned", m.planned.format("%Y-%m-%d")))
            }
            Some((p, field)) => {
                return Err(rule(at(field), label::MS_DONE, p)
                    .arg("done", ymd(m.done_on).unwrap_or_default())
                    .arg("start", ymd(m.planned_start).unwrap_or_default()))
            }
            None => {}
        }
        rules::length(&at("obstacle"), label::MS_OBSTACLE, &m.obstacle, MAX_TEXT)?;
        rules::length(
            &at("backup_plan"),
            label::MS_BACKUP,
            &m.backup_plan,
            MAX_TEXT,
        )?;
        rules::length(&at("note"), label::MS_NOTE, &m.note, MAX_TEXT)?;
    }
    for (n, c) in f.checks.iter().enumerate() {
        let at = |x: &str| format!("checks[{n}].{x}");
        if !ids.insert(c.id) {
            return Err(rule(at("id"), label::CHECK, FollowUpProblem::DuplicateId));
        }
        rules::date(&at("on"), label::CHECK_ON, c.on)?;
        not_future(at("on"), label::CHECK_ON, c.on, latest)?;
        if let Some(s) = c.score {
            if !super::satisfaction::SCORE.contains(&s) {
                return Err(rule(
                    at("score"),
                    label::CHECK_SCORE,
                    FollowUpProblem::ScoreInvalid,
                )
                .arg("value", s));
            }
        }
        rules::length(&at("note"), label::CHECK_NOTE, &c.note, MAX_TEXT)?;
    }
    Ok(())
}
