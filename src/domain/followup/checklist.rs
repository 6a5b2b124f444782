//! The contract checklist (METHOD.md "Keep contracts"): what each side agreed to do and by
//! when, who sees to it, and when it was done.
//!
//! **Rules.** An item's text is required; its due date is optional (a contact point has
//! none); its done date, when given, is not after today. An item is **late** when it is not
//! done and its due date lies before today, and **due** when it is not done and falls due
//! from today to [`DUE_WINDOW_DAYS`] days ahead (the Agenda's next week).

use super::{
    date_field, label, long_text, not_future, short_text, ContractItem, ContractItemKind, FollowUp,
    FollowUpError, FollowUpProblem,
};
use crate::domain::fields::FieldError;
use crate::domain::ids::{new_id, Id};
use crate::domain::sorting::SortExt;
use chrono::NaiveDate;

/// How far ahead an item counts as due: today and the next 7 days.
pub const DUE_WINDOW_DAYS: i64 = 7;

/// An item as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDraft {
    pub kind: ContractItemKind,
    pub text: String,
    pub due: String,
    pub done_on: String,
    pub owner: String,
    pub note: String,
}

impl Default for ItemDraft {
    fn default() -> Self {
        ItemDraft {
            kind: ContractItemKind::Delivery,
            text: String::new(),
            due: String::new(),
            done_on: String::new(),
            owner: String::new(),
            note: String::new(),
        }
    }
}

fn ymd(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

impl ItemDraft {
    /// The form filled from a stored item.
    pub fn from_item(i: &ContractItem) -> Self {
        ItemDraft {
            kind: i.kind,
            text: i.text.clone(),
            due: ymd(i.due),
            done_on: ymd(i.done_on),
            owner: i.owner.clone(),
            note: i.note.clone(),
        }
    }

    /// The item with id `id`, or every bad field (in form order).
    pub fn validate(&self, id: Id, today: NaiveDate) -> Result<ContractItem, Vec<FollowUpError>> {
        let mut errs = Vec::new();
        long_text("text", label::ITEM_TEXT, &self.text, true, &mut errs);
        let due = date_field("due", label::ITEM_DUE, &self.due, false, &mut errs);
        let done_on = date_field("done_on", label::ITEM_DONE, &self.done_on, false, &mut errs);
        not_future("done_on", label::ITEM_DONE, done_on, today, &mut errs);
        short_text("owner", label::ITEM_OWNER, &self.owner, false, &mut errs);
        long_text("note", label::ITEM_NOTE, &self.note, false, &mut errs);
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(ContractItem {
            id,
            kind: self.kind,
            text: self.text.trim().to_string(),
            due,
            done_on,
            owner: self.owner.trim().to_string(),
            note: self.note.trim().to_string(),
        })
    }
}

fn gone() -> Vec<FollowUpError> {
    vec![FieldError::new("text", label::ITEM, FollowUpProblem::Gone)]
}

/// Adds an item to the checklist; its id.
pub fn add_item(
    f: &mut FollowUp,
    d: &ItemDraft,
    today: NaiveDate,
) -> Result<Id, Vec<FollowUpError>> {
    let item = d.validate(new_id(), today)?;
    let id = item.id;
    f.checklist.push(item);
    Ok(id)
}

/// Changes item `id` in place.
pub fn update_item(
    f: &mut FollowUp,
    id: Id,
    d: &ItemDraft,
    today: NaiveDate,
) -> Result<(), Vec<FollowUpError>> {
    let item = d.validate(id, today)?;
    let slot = f
        .checklist
        .iter_mut()
        .find(|i| i.id == id)
        .ok_or_else(gone)?;
    *slot = item;
    Ok(())
}

/// Marks item `id` done on `on` (not after `today`).
pub fn mark_done(
    f: &mut FollowUp,
    id: Id,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<(), Vec<FollowUpError>> {
    let mut errs = Vec::new();
    not_future("done_on", label::ITEM_DONE, Some(on), today, &mut errs);
    if !errs.is_empty() {
        return Err(errs);
    }
    let slot = f
        .checklist
        .iter_mut()
        .find(|i| i.id == id)
        .ok_or_else(gone)?;
    slot.done_on = Some(on);
    Ok(())
}

/// Marks item `id` not done again.
pub fn mark_undone(f: &mut FollowUp, id: Id) -> Result<(), Vec<FollowUpError>> {
    let slot = f
        .checklist
        .iter_mut()
        .find(|i| i.id == id)
        .ok_or_else(gone)?;
    slot.done_on = None;
    Ok(())
}

/// Removes item `id`: where it stood and what it was (for Undo); `None` when it is not
/// in the checklist.
pub fn remove_item(f: &mut FollowUp, id: Id) -> Option<(usize, ContractItem)> {
    crate::domain::parts::take_out(&mut f.checklist, |i| i.id == id)
}

/// Puts a removed item back where it stood (the Undo of [`remove_item`]); nothing when it
/// is back already.
pub fn restore_item(f: &mut FollowUp, at: usize, item: ContractItem) {
    crate::domain::parts::put_back(&mut f.checklist, at, item, |a, b| a.id == b.id);
}

/// Where an item stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemState {
    /// Done (on that day).
    Done(NaiveDate),
    /// Not done, due before today: late by that many days.
    Late { days: i64 },
    /// Not done, due from today to [`DUE_WINDOW_DAYS`] days ahead: in that many days.
    Due { in_days: i64 },
    /// Not done, due later.
    Later,
    /// Not done, no due date.
    Undated,
}

/// Where item `i` stands on `today`.
pub fn state(i: &ContractItem, today: NaiveDate) -> ItemState {
    if let Some(d) = i.done_on {
        return ItemState::Done(d);
    }
    let Some(due) = i.due else {
        return ItemState::Undated;
    };
    let days = (due - today).num_days();
    if days < 0 {
        ItemState::Late { days: -days }
    } else if days <= DUE_WINDOW_DAYS {
        ItemState::Due { in_days: days }
    } else {
        ItemState::Later
    }
}

/// The items late on `today`, most late first.
pub fn late_items(f: &FollowUp, today: NaiveDate) -> Vec<(&ContractItem, i64)> {
    let mut out: Vec<_> = f
        .checklist
        .iter()
        .filter_map(|i| match state(i, today) {
            ItemState::Late { days } => Some((i, days)),
            _ => None,
        })
        .collect();
    out.sort_on(|(_, days)| std::cmp::Reverse(*days));
    out
}

/// The items due from today to [`DUE_WINDOW_DAYS`] days ahead, soonest first.
pub fn due_items(f: &FollowUp, today: NaiveDate) -> Vec<(&ContractItem, i64)> {
    let mut out: Vec<_> = f
        .checklist
        .iter()
        .filter_map(|i| match state(i, today) {
            ItemState::Due { in_days } => Some((i, in_days)),
            _ => None,
        })
        .collect();
    out.sort_on(|(_, d)| *d);
    out
}

/// The checklist in one line: how many items, done, late and due.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChecklistSummary {
    pub total: usize,
    pub done: usize,
    pub late: usize,
    pub due: usize,
}

pub fn summary(f: &FollowUp, today: NaiveDate) -> ChecklistSummary {
    let mut s = ChecklistSummary {
        total: f.checklist.len(),
        ..Default::default()
    };
    for i in &f.checklist {
        match state(i, today) {
            ItemState::Done(_) => s.done += 1,
            ItemState::Late { .. } => s.late += 1,
            ItemState::Due { .. } => s.due += 1,
            ItemState::Later | ItemState::Undated => {}
        }
    }
    s
}

/// The items grouped by kind, in the kinds' order, each group in checklist order (the
/// printed checklist).
pub fn by_kind(f: &FollowUp) -> Vec<(ContractItemKind, Vec<&ContractItem>)> {
    ContractItemKind::ALL
        .iter()
        .filter_map(|k| {
            let items: Vec<_> = f.checklist.iter().filter(|i| i.kind == *k).collect();
            (!items.is_empty()).then_some((*k, items))
        })
        .collect()
}
