//! The actions of the rep, one module per area: the only writers of stored records.
//! Each takes plain inputs (ids, drafts, domain values), validates them through the domain,
//! builds one [`Changes`](crate::state::data::Changes) batch and commits it as one
//! transaction, and returns what was stored (or why not) so that the page only shows the
//! outcome. An action a rule can refuse says so at once, before anything is written
//! (`Err`), or returns the commit to await. Actions may import `crate::domain`,
//! `crate::store`, `crate::i18n` and the rest of `crate::state`, never views; the forms of
//! one record save through [`RecordSave`](crate::state::record_save::RecordSave) instead.

pub mod accounts;
pub mod activities;
pub mod competitors;
pub mod complaints;
pub mod contacts;
pub mod deals;
pub mod decline;
pub mod followup;
pub mod intel;
pub mod merge;
pub mod negotiation;
pub mod products;
pub mod proposals;
pub mod receivables;
pub mod referrals;
pub mod sample;
pub mod tasks;
pub mod training;

use crate::state::data::{AppData, Changes, Stored};
use crate::store::StoreError;

/// Saves one record (a create or the next revision) as its own transaction; returns it as
/// stored.
async fn put<T: Stored>(data: AppData, record: T) -> Result<T, StoreError> {
    let mut ch = Changes::new();
    let saved = ch.put(&data, record);
    ch.commit(data).await.map(|()| saved)
}

/// Deletes one record (at the revision it was read at) as its own transaction; returns it.
async fn delete<T: Stored>(data: AppData, record: T) -> Result<T, StoreError> {
    let mut ch = Changes::new();
    ch.delete(&record);
    ch.commit(data).await.map(|()| record)
}
