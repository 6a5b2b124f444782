//! Step 5 (winning commitment): the deal's negotiation record — the closing aids of a
//! simple sale (`closing`), the plan (`plan`), the rounds and deadlocks (`ledger`), and
//! the agreement with the contract (`agreement`).
//!
//! Each action reads the deal's negotiation as stored now (without tracking; a new one in
//! the deal's currency when it has none yet), changes it through the domain's rules
//! (`domain::negotiation`) and commits it as one transaction. Refusals come back at once,
//! before anything is written; `Ok(None)` means the deal is gone.

pub mod agreement;
pub mod closing;
pub mod ledger;
pub mod plan;

use crate::domain::ids::Id;
use crate::domain::negotiation::Negotiation;
use crate::state::data::{AppData, Changes};
use crate::store::StoreError;
use chrono::Utc;
use std::future::Future;
use std::pin::Pin;

/// The deal's negotiation, if it has one (tracks the deal's list and the record).
pub fn of_deal(data: AppData, deal_id: Id) -> Option<Negotiation> {
    let id = data.indexes.negotiation_of(deal_id)?;
    data.negotiations.get(id)
}

/// The deal's negotiation as stored now, if it has one (untracked).
pub fn stored(data: AppData, deal_id: Id) -> Option<Negotiation> {
    let id = data
        .indexes
        .with_untracked(|ix| ix.negotiation_of(deal_id))?;
    data.negotiations.get_untracked(id)
}

/// A save on its way to the store.
pub type Save = Pin<Box<dyn Future<Output = Result<Negotiation, StoreError>>>>;

/// Commits one negotiation as its own transaction.
async fn commit(data: AppData, after: Negotiation) -> Result<Negotiation, StoreError> {
    let mut ch = Changes::new();
    let saved = ch.put(&data, after);
    ch.commit(data).await.map(|()| saved)
}

/// The deal's negotiation as stored now (a new, empty one in the deal's currency when it
/// has none yet), changed by `rule`, which may refuse (`Err`, nothing written); `Ok(None)`
/// when the deal is gone.
pub fn change<E>(
    data: AppData,
    deal_id: Id,
    rule: impl FnOnce(&mut Negotiation) -> Result<(), E>,
) -> Result<Option<Save>, E> {
    let Some(deal) = data.deals.get_untracked(deal_id) else {
        return Ok(None);
    };
    let before = stored(data, deal_id)
        .unwrap_or_else(|| Negotiation::new(deal_id, deal.value.currency.clone(), Utc::now()));
    let mut after = before.clone();
    rule(&mut after)?;
    Ok(Some(Box::pin(commit(data, after))))
}
