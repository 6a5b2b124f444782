//! Step 5 actions: the rounds of the concession ledger and the deadlocks. Each action
//! changes the deal's negotiation through `domain::negotiation::ledger` (which refuses bad
//! input field by field) and commits it as one transaction; a removal hands back what
//! it removed and where, for the Undo.

use super::{change, Save};
use crate::domain::ids::Id;
use crate::domain::negotiation::ledger::{self, BreakDraft, DeadlockDraft, Problem, RoundDraft};
use crate::domain::negotiation::{Deadlock, Round};
use crate::state::actions::proposals;
use crate::state::data::AppData;
use leptos::prelude::untrack;

/// Today in the rep's time zone: no round or deadlock is logged after it.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The deal's proposal version numbers (a round may name the one it produced).
fn version_numbers(data: AppData, deal_id: Id) -> Vec<u32> {
    untrack(|| proposals::versions(data, deal_id))
        .iter()
        .map(|p| p.version)
        .collect()
}

/// Logs a round at the end of the ledger.
pub fn add_round(
    data: AppData,
    deal_id: Id,
    draft: &RoundDraft,
) -> Result<Option<Save>, Vec<Problem>> {
    let versions = version_numbers(data, deal_id);
    change(data, deal_id, |n| {
        ledger::add_round(n, draft, &versions, today()).map(|_| ())
    })
}

/// Replaces the last round (`round_id` must be the last one).
pub fn edit_last_round(
    data: AppData,
    deal_id: Id,
    round_id: Id,
    draft: &RoundDraft,
) -> Result<Option<Save>, Vec<Problem>> {
    let versions = version_numbers(data, deal_id);
    change(data, deal_id, |n| {
        ledger::edit_last_round(n, round_id, draft, &versions, today()).map(|_| ())
    })
}

/// Removes a round: the save, and the round with its place for the Undo.
pub fn remove_round(
    data: AppData,
    deal_id: Id,
    round_id: Id,
) -> Result<Option<(Save, usize, Round)>, Problem> {
    let mut removed = None;
    let save = change(data, deal_id, |n| {
        removed = Some(ledger::remove_round(n, round_id)?);
        Ok::<(), Problem>(())
    })?;
    Ok(save.zip(removed).map(|(s, (at, r))| (s, at, r)))
}

/// Puts a removed round back at its place (Undo).
pub fn restore_round(
    data: AppData,
    deal_id: Id,
    at: usize,
    round: Round,
) -> Result<Option<Save>, Problem> {
    change(data, deal_id, |n| ledger::restore_round(n, at, round))
}

/// Logs a deadlock (open).
pub fn add_deadlock(
    data: AppData,
    deal_id: Id,
    draft: &DeadlockDraft,
) -> Result<Option<Save>, Vec<Problem>> {
    change(data, deal_id, |n| {
        ledger::add_deadlock(n, draft, today()).map(|_| ())
    })
}

/// Marks a deadlock broken: how and when.
pub fn break_deadlock(
    data: AppData,
    deal_id: Id,
    deadlock_id: Id,
    draft: &BreakDraft,
) -> Result<Option<Save>, Vec<Problem>> {
    change(data, deal_id, |n| {
        ledger::break_deadlock(n, deadlock_id, draft, today()).map(|_| ())
    })
}

/// Opens a broken deadlock again.
pub fn reopen_deadlock(
    data: AppData,
    deal_id: Id,
    deadlock_id: Id,
) -> Result<Option<Save>, Vec<Problem>> {
    change(data, deal_id, |n| {
        ledger::reopen_deadlock(n, deadlock_id).map(|_| ())
    })
}

/// Removes a deadlock: the save, and the deadlock with its place for the Undo.
pub fn remove_deadlock(
    data: AppData,
    deal_id: Id,
    deadlock_id: Id,
) -> Result<Option<(Save, usize, Deadlock)>, Vec<Problem>> {
    let mut removed = None;
    let save = change(data, deal_id, |n| {
        removed = Some(ledger::remove_deadlock(n, deadlock_id)?);
        Ok::<(), Vec<Problem>>(())
    })?;
    Ok(save.zip(removed).map(|(s, (at, d))| (s, at, d)))
}

/// Puts a removed deadlock back at its place (Undo).
pub fn restore_deadlock(
    data: AppData,
    deal_id: Id,
    at: usize,
    deadlock: Deadlock,
) -> Result<Option<Save>, Vec<Problem>> {
    change(data, deal_id, |n| ledger::restore_deadlock(n, at, deadlock))
}
