//! Step 5 actions: the closing aids of a simple sale — buying signals logged and removed
//! (with an Undo), and the closing prompts and upsell suggestions read from the deal, its
//! proposal and the catalogue (see `domain::negotiation::closing`).

use super::{change, Save};
use crate::domain::deal::Deal;
use crate::domain::ids::Id;
use crate::domain::negotiation::closing::{
    self, BuyingSignal, ClosingError, Prompt, SignalKind, Upsell,
};
use crate::domain::product::Product;
use crate::state::actions::proposals;
use crate::state::data::AppData;
use chrono::Local;

/// Logs a buying signal (`on`: `YYYY-MM-DD`); refused at once with every problem.
pub fn add_signal(
    data: AppData,
    deal_id: Id,
    kind: SignalKind,
    text: &str,
    on: &str,
) -> Result<Option<Save>, Vec<ClosingError>> {
    let today = Local::now().date_naive();
    change(data, deal_id, |n| {
        closing::add_signal(&mut n.closing, kind, text, on, today).map(|_| ())
    })
}

/// A removed signal and the place it had (for its Undo).
pub type RemovedSignal = (usize, BuyingSignal);

/// Removes a buying signal; returns the save and the signal with its place, for the Undo.
pub fn remove_signal(
    data: AppData,
    deal_id: Id,
    signal_id: Id,
) -> Result<Option<(Save, RemovedSignal)>, ClosingError> {
    let mut removed = None;
    let save = change(data, deal_id, |n| {
        removed = Some(closing::remove_signal(&mut n.closing, signal_id)?);
        Ok(())
    })?;
    Ok(save.zip(removed))
}

/// Puts a removed signal back (Undo).
pub fn restore_signal(data: AppData, deal_id: Id, at: usize, signal: BuyingSignal) -> Option<Save> {
    change::<()>(data, deal_id, |n| {
        closing::restore_signal(&mut n.closing, at, signal);
        Ok(())
    })
    .ok()
    .flatten()
}

/// The version number of the proposal the prompts speak of (tracked).
pub fn basis_version(data: AppData, deal_id: Id) -> Option<u32> {
    closing::basis(&proposals::versions(data, deal_id)).map(|p| p.version)
}

/// The four closing prompts of the deal, filled (tracks its proposal versions).
pub fn prompts(data: AppData, deal: &Deal) -> Vec<Prompt> {
    let versions = proposals::versions(data, deal.id);
    closing::prompts(deal, closing::basis(&versions), Local::now().date_naive())
}

/// The upsell suggestions of the deal (tracks its proposal versions and the catalogue).
pub fn upsell(data: AppData, deal: &Deal) -> Vec<Upsell> {
    let versions = proposals::versions(data, deal.id);
    let catalogue: Vec<Product> = data.products.with_all(|m| m.values().cloned().collect());
    closing::upsell(deal, closing::basis(&versions), &catalogue)
}
