//! The record rules of a complaint, run on every save and on every record a backup brings:
//! what happened (required, at most [`MAX_WHAT`] characters), fault size and anxiety 1–5,
//! the resolution within [`MAX_TEXT`], times in four-digit years, none later than the
//! clock difference allowed, and in their order ([`time_order`]). Whether the person and
//! the deal belong to the account is the form's check (a backup may bring them in any
//! order); the account itself is a required link.

use super::draft::{label, stored_latest, time_order, Stage, Times, MAX_WHAT, SCALE};
use super::Complaint;
use crate::domain::ids::Record;
use crate::domain::rules::{self, CheckContext, RuleError, MAX_TEXT};

/// Whether the stored complaint obeys its rules.
pub fn check_record(c: &Complaint, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&c.meta(), ctx)?;
    if c.what.trim().is_empty() {
        return Err(RuleError::new("what", label::WHAT, "rule.required"));
    }
    rules::length("what", label::WHAT, &c.what, MAX_WHAT)?;
    for (path, lbl, v) in [
        ("fault_size", label::FAULT, c.fault_size),
        ("anxiety", label::ANXIETY, c.anxiety),
    ] {
        if !SCALE.contains(&v) {
            return Err(RuleError::new(path, lbl, "rule.out_of_range").arg("value", v));
        }
    }
    rules::length("resolution", label::RESOLUTION, &c.resolution, MAX_TEXT)?;
    rules::instant("opened_at", label::OPENED, c.opened_at)?;
    let latest = stored_latest(ctx.now);
    if c.opened_at > latest {
        return Err(RuleError::new("opened_at", label::OPENED, "rule.future")
            .arg("value", c.opened_at.format("%Y-%m-%d %H:%M UTC")));
    }
    for stage in Stage::ALL {
        if let Some(at) = stage.of(c) {
            rules::instant(stage.field(), stage.label(), at)?;
        }
    }
    match time_order(&Times::of(c), latest).first() {
        Some((stage, problem)) => Err(RuleError::new(
            stage.field(),
            stage.label(),
            problem.rule_key(),
        )),
        None => Ok(()),
    }
}
