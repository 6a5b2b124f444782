//! People: moving to another account, delete and its Undo, the judgement of their
//! communication style, and their relationship stage.

use crate::domain::contact::{self, Contact};
use crate::domain::ids::{brought_back, Id};
use crate::domain::relationship::{
    change_stage as change_relationship, RelationshipStage, StageError,
};
use crate::domain::style::StyleJudgement;
use crate::state::data::AppData;
use crate::store::StoreError;
use chrono::Utc;
use std::future::Future;

/// Moves the person to the account `to`, keeping where they worked before.
pub async fn move_to_account(
    data: AppData,
    person: Contact,
    to: Id,
) -> Result<Contact, StoreError> {
    super::put(data, contact::move_to_account(&person, to, Utc::now())).await
}

/// Deletes the person.
pub async fn delete(data: AppData, person: Contact) -> Result<Contact, StoreError> {
    super::delete(data, person).await
}

/// Brings a deleted person back (the Undo of [`delete`]).
pub async fn undo_delete(data: AppData, deleted: Contact) -> Result<Contact, StoreError> {
    super::put(data, brought_back(&deleted)).await
}

/// Records a new judgement of the person's communication style.
pub async fn judge_style(
    data: AppData,
    person: Contact,
    judgement: StyleJudgement,
) -> Result<Contact, StoreError> {
    let mut c = person;
    c.style = Some(judgement);
    super::put(data, c).await
}

/// Moves the person to relationship stage `to` with the evidence for it; refused at once
/// when the stage is the same or a step up has no evidence.
pub fn change_stage(
    data: AppData,
    person: Contact,
    to: RelationshipStage,
    evidence: &str,
) -> Result<impl Future<Output = Result<Contact, StoreError>>, StageError> {
    let mut c = person;
    change_relationship(&mut c.relationship, to, evidence, Utc::now())?;
    Ok(super::put(data, c))
}
