//! The complaints and suggestions register, through `domain::complaint`: add, edit, record
//! a response time, delete and bring back. Each is refused at once (nothing written) with
//! the fields in error, or returns the save to await.

use crate::domain::complaint::{self, Complaint, ComplaintDraft, Stage};
use crate::domain::fields::FieldError;
use crate::domain::ids::{brought_back, Id};
use crate::state::data::AppData;
use crate::store::StoreError;
use chrono::{Local, Utc};
use std::future::Future;

/// The register, most urgent first (tracks every entry).
pub fn register(data: AppData) -> Vec<Complaint> {
    let mut all: Vec<Complaint> = data.complaints.with_all(|m| m.values().cloned().collect());
    complaint::sort_by_priority(&mut all);
    all
}

/// The entries of an account, most urgent first (tracks its list and entries).
pub fn of_account(data: AppData, account: Id) -> Vec<Complaint> {
    let ids = data.indexes.complaints_of(account);
    let mut list = data
        .complaints
        .with_many(&ids, |v| v.into_iter().cloned().collect::<Vec<_>>());
    complaint::sort_by_priority(&mut list);
    list
}

/// The entries about a deal (of its account, naming the deal), most urgent first (tracks
/// the account's list and entries).
pub fn of_deal(data: AppData, account: Id, deal: Id) -> Vec<Complaint> {
    let mut list = of_account(data, account);
    list.retain(|c| c.deal_id == Some(deal));
    list
}

/// The entries a person raised, most urgent first (tracks its list and entries).
pub fn of_person(data: AppData, person: Id) -> Vec<Complaint> {
    let ids = data.indexes.complaints_of_person(person);
    let mut list = data
        .complaints
        .with_many(&ids, |v| v.into_iter().cloned().collect::<Vec<_>>());
    complaint::sort_by_priority(&mut list);
    list
}

fn validate(
    data: AppData,
    draft: &ComplaintDraft,
) -> Result<complaint::ComplaintFields, Vec<FieldError>> {
    let exists = |a: Id| data.accounts.get_untracked(a).is_some();
    let person_account = |p: Id| data.contacts.get_untracked(p).map(|c| c.account_id);
    let deal_account = |d: Id| data.deals.get_untracked(d).map(|d| d.account_id);
    let links = complaint::Links {
        account_exists: &exists,
        person_account: &person_account,
        deal_account: &deal_account,
    };
    draft.validate(&links, &Local, Utc::now())
}

/// Adds an entry to the register.
pub fn add(
    data: AppData,
    draft: &ComplaintDraft,
) -> Result<impl Future<Output = Result<Complaint, StoreError>>, Vec<FieldError>> {
    let c = validate(data, draft)?.into_new(Utc::now());
    Ok(super::put(data, c))
}

/// Changes an entry (`Ok(None)` when it is gone).
pub fn edit(
    data: AppData,
    id: Id,
    draft: &ComplaintDraft,
) -> Result<Option<impl Future<Output = Result<Complaint, StoreError>>>, Vec<FieldError>> {
    let fields = validate(data, draft)?;
    let Some(mut c) = data.complaints.get_untracked(id) else {
        return Ok(None);
    };
    fields.apply_to(&mut c);
    Ok(Some(super::put(data, c)))
}

/// Records the time of one stage (typed as local `YYYY-MM-DDTHH:MM`);
/// on resolving, the text of what was done. `Ok(None)` when the entry is gone.
pub fn record_stage(
    data: AppData,
    id: Id,
    stage: Stage,
    typed: &str,
    resolution: Option<&str>,
) -> Result<Option<impl Future<Output = Result<Complaint, StoreError>>>, FieldError> {
    let Some(mut c) = data.complaints.get_untracked(id) else {
        return Ok(None);
    };
    complaint::record_stage(&mut c, stage, typed, resolution, &Local, Utc::now())?;
    Ok(Some(super::put(data, c)))
}

/// Deletes an entry; the deleted record comes back for the Undo.
pub fn delete(
    data: AppData,
    id: Id,
) -> Option<impl Future<Output = Result<Complaint, StoreError>>> {
    let c = data.complaints.get_untracked(id)?;
    Some(super::delete(data, c))
}

/// Brings a deleted entry back (the Undo of [`delete`]).
pub async fn undo_delete(data: AppData, deleted: Complaint) -> Result<Complaint, StoreError> {
    super::put(data, brought_back(&deleted)).await
}
