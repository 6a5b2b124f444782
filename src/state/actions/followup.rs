//! Step 6 — the follow-up of a won deal: the contract checklist, the milestones and the
//! satisfaction checks. Each action reads the deal's follow-up as stored now (a new one
//! when it has none yet), changes it through `domain::followup` and commits it as one
//! transaction. Refusals come back at once, before anything is written; `Ok(None)` means
//! the deal is gone. Removals hand back what they removed and where it stood, for the
//! page's Undo. Today is the device's local date.

use crate::domain::followup::checklist::{self, ItemDraft};
use crate::domain::followup::milestones::{self, MilestoneDraft};
use crate::domain::followup::satisfaction::{self, CheckDraft};
use crate::domain::followup::{
    self, label, ContractItem, FollowUp, FollowUpError, Milestone, SatisfactionCheck,
};
use crate::domain::ids::Id;
use crate::state::data::{AppData, Changes};
use crate::store::StoreError;
use chrono::{NaiveDate, Utc};
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;

/// The deal's follow-up, if it has one (tracks the index and the record).
pub fn of_deal(data: AppData, deal_id: Id) -> Option<FollowUp> {
    let id = data.indexes.followup_of(deal_id)?;
    data.followups.get(id)
}

/// The deal's follow-up as stored now, if it has one (untracked).
pub fn stored(data: AppData, deal_id: Id) -> Option<FollowUp> {
    let id = data.indexes.with_untracked(|ix| ix.followup_of(deal_id))?;
    data.followups.get_untracked(id)
}

/// A save on its way to the store.
pub type Save = Pin<Box<dyn Future<Output = Result<FollowUp, StoreError>>>>;

async fn commit(data: AppData, after: FollowUp) -> Result<FollowUp, StoreError> {
    let mut ch = Changes::new();
    let saved = ch.put(&data, after);
    ch.commit(data).await.map(|()| saved)
}

/// The device's today.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The deal's follow-up as stored now (a new, empty one when it has none yet), changed by
/// `rule`, which may refuse (`Err`, nothing written); `Ok(None)` when the deal is gone.
pub fn change<E>(
    data: AppData,
    deal_id: Id,
    rule: impl FnOnce(&mut FollowUp) -> Result<(), E>,
) -> Result<Option<Save>, E> {
    if data.deals.get_untracked(deal_id).is_none() {
        return Ok(None);
    }
    let before = stored(data, deal_id).unwrap_or_else(|| FollowUp::new(deal_id, Utc::now()));
    let mut after = before.clone();
    rule(&mut after)?;
    Ok(Some(Box::pin(commit(data, after))))
}

fn infallible(data: AppData, deal_id: Id, rule: impl FnOnce(&mut FollowUp)) -> Option<Save> {
    let r: Result<_, Infallible> = change(data, deal_id, |f| {
        rule(f);
        Ok(())
    });
    r.ok().flatten()
}

/// Takes something out (for Undo): the save and what `take` handed back; `None` when the
/// deal or the thing is gone.
fn take<T>(
    data: AppData,
    deal_id: Id,
    take: impl FnOnce(&mut FollowUp) -> Option<T>,
) -> Option<(Save, T)> {
    let mut out = None;
    let save = change(data, deal_id, |f| {
        out = take(f);
        out.as_ref().map(|_| ()).ok_or(())
    })
    .ok()??;
    out.map(|t| (save, t))
}

// -------------------------------------------------------------------------------------------
// The contract checklist
// -------------------------------------------------------------------------------------------

pub fn add_item(
    data: AppData,
    deal_id: Id,
    d: &ItemDraft,
) -> Result<Option<Save>, Vec<FollowUpError>> {
    change(data, deal_id, |f| {
        checklist::add_item(f, d, today()).map(|_| ())
    })
}

pub fn update_item(
    data: AppData,
    deal_id: Id,
    item_id: Id,
    d: &ItemDraft,
) -> Result<Option<Save>, Vec<FollowUpError>> {
    change(data, deal_id, |f| {
        checklist::update_item(f, item_id, d, today())
    })
}

/// Marks an item done on the day typed (`YYYY-MM-DD`, not after today).
pub fn mark_done(
    data: AppData,
    deal_id: Id,
    item_id: Id,
    typed: &str,
) -> Result<Option<Save>, Vec<FollowUpError>> {
    let mut errs = Vec::new();
    let Some(on) = followup::date_field("done_on", label::ITEM_DONE, typed, true, &mut errs) else {
        return Err(errs);
    };
    change(data, deal_id, |f| {
        checklist::mark_done(f, item_id, on, today())
    })
}

pub fn mark_undone(
    data: AppData,
    deal_id: Id,
    item_id: Id,
) -> Result<Option<Save>, Vec<FollowUpError>> {
    change(data, deal_id, |f| checklist::mark_undone(f, item_id))
}

pub fn remove_item(data: AppData, deal_id: Id, item_id: Id) -> Option<(Save, usize, ContractItem)> {
    take(data, deal_id, |f| checklist::remove_item(f, item_id)).map(|(s, (at, i))| (s, at, i))
}

pub fn restore_item(data: AppData, deal_id: Id, at: usize, item: ContractItem) -> Option<Save> {
    infallible(data, deal_id, |f| checklist::restore_item(f, at, item))
}

// -------------------------------------------------------------------------------------------
// The milestones
// -------------------------------------------------------------------------------------------

pub fn add_milestone(
    data: AppData,
    deal_id: Id,
    d: &MilestoneDraft,
) -> Result<Option<Save>, Vec<FollowUpError>> {
    change(data, deal_id, |f| {
        milestones::add_milestone(f, d, today()).map(|_| ())
    })
}

pub fn update_milestone(
    data: AppData,
    deal_id: Id,
    milestone_id: Id,
    d: &MilestoneDraft,
) -> Result<Option<Save>, Vec<FollowUpError>> {
    change(data, deal_id, |f| {
        milestones::update_milestone(f, milestone_id, d, today())
    })
}

pub fn remove_milestone(
    data: AppData,
    deal_id: Id,
    milestone_id: Id,
) -> Option<(Save, usize, Milestone)> {
    take(data, deal_id, |f| {
        milestones::remove_milestone(f, milestone_id)
    })
    .map(|(s, (at, m))| (s, at, m))
}

pub fn restore_milestone(data: AppData, deal_id: Id, at: usize, m: Milestone) -> Option<Save> {
    infallible(data, deal_id, |f| milestones::restore_milestone(f, at, m))
}

// -------------------------------------------------------------------------------------------
// The satisfaction checks
// -------------------------------------------------------------------------------------------

/// Logs a check; the person asked, if named, must be one of the deal's account's people.
pub fn log_check(
    data: AppData,
    deal_id: Id,
    d: &CheckDraft,
) -> Result<Option<Save>, Vec<FollowUpError>> {
    let account = data.deals.get_untracked(deal_id).map(|d| d.account_id);
    let people: Vec<Id> = account
        .map(|a| data.indexes.with_untracked(|ix| ix.people_of(a).to_vec()))
        .unwrap_or_default();
    change(data, deal_id, |f| {
        satisfaction::log_check(f, d, today(), |p| people.contains(&p)).map(|_| ())
    })
}

pub fn remove_check(
    data: AppData,
    deal_id: Id,
    check_id: Id,
) -> Option<(Save, usize, SatisfactionCheck)> {
    take(data, deal_id, |f| satisfaction::remove_check(f, check_id)).map(|(s, (at, c))| (s, at, c))
}

pub fn restore_check(data: AppData, deal_id: Id, at: usize, c: SatisfactionCheck) -> Option<Save> {
    infallible(data, deal_id, |f| satisfaction::restore_check(f, at, c))
}
