//! The work settings (gift limit, stuck-deal days, new-customer target, discount limit, our
//! firm's profile for proposals) as a signal, read
//! from the database's `meta` store, and [`save`], the one way to change them. They travel
//! with the records (backup, import, "Undo import"); language and theme stay per device in
//! `localStorage` ([`super::prefs`]).
//!
//! Until schema 2 the settings lived in `localStorage`; [`load`] moves them into the
//! database once, the first time it finds none stored there.

use super::data::{announce_settings, backend, opened_backend};
use crate::domain::money::Money;
use crate::store::backend::{Backend, Batch, Op};
use crate::store::settings::{Setting, SettingsPatch, WorkSettings, META_SETTINGS};
use crate::store::StoreError;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use std::cell::Cell;

/// Where the settings were kept before they moved to the database (read once).
const LEGACY_GIFT_LIMIT: &str = "sixstep.gift_limit";
const LEGACY_STUCK_DAYS: &str = "sixstep.stuck_days";
const LEGACY_TARGET_BP: &str = "sixstep.new_customer_target_bp";

thread_local! {
    static CURRENT: Cell<Option<RwSignal<WorkSettings>>> = const { Cell::new(None) };
}

/// Makes `signal` the one the readers below read (done once, by `AppData`).
pub fn install(signal: RwSignal<WorkSettings>) {
    CURRENT.with(|c| c.set(Some(signal)));
}

/// The settings signal (the defaults before start-up installs it).
fn signal() -> Option<RwSignal<WorkSettings>> {
    CURRENT.with(|c| c.get())
}

/// The current work settings (tracked).
pub fn current() -> WorkSettings {
    signal().map(|s| s.get()).unwrap_or_default()
}

/// The gift limit, if one is set (tracked).
pub fn gift_limit() -> Option<Money> {
    signal()
        .map(|s| s.with(|s| s.gift_limit.clone()))
        .unwrap_or_default()
}

/// Days in a step after which a deal is stuck (tracked).
pub fn stuck_days() -> u32 {
    signal().map_or(WorkSettings::default().stuck_days, |s| {
        s.with(|s| s.stuck_days)
    })
}

/// The target share of won value from new customers, in basis points (tracked).
pub fn new_customer_target_bp() -> u32 {
    signal().map_or(WorkSettings::default().new_customer_target_bp, |s| {
        s.with(|s| s.new_customer_target_bp)
    })
}

/// The largest line discount a quotation gives without a flag, if a limit is set (tracked).
pub fn discount_limit() -> Option<crate::domain::price::Rate> {
    signal()
        .and_then(|s| s.with(|s| s.discount_limit_bp))
        .map(crate::domain::price::Rate)
}

/// Our firm as proposals present it (tracked).
pub fn firm() -> crate::store::settings::FirmProfile {
    signal()
        .map(|s| s.with(|s| s.firm.clone()))
        .unwrap_or_default()
}

/// The cadence of the satisfaction checks (tracked).
pub fn satisfaction_cadence() -> crate::domain::followup::Cadence {
    signal()
        .map(|s| s.with(|s| s.satisfaction))
        .unwrap_or_default()
}

/// The collection matrix's thresholds (tracked).
pub fn collection_thresholds() -> crate::domain::receivable::CollectionThresholds {
    signal()
        .map(|s| s.with(|s| s.collection))
        .unwrap_or_default()
}

/// The cumulative-discount rule, lowest tier first (tracked; empty: none).
pub fn cumulative_discount() -> Vec<crate::domain::purchase::DiscountTier> {
    signal()
        .map(|s| s.with(|s| s.cumulative_discount.clone()))
        .unwrap_or_default()
}

fn legacy(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Reads the stored settings. When the database holds none yet (a new database, or the
/// first start after the settings moved there), writes the ones kept in `localStorage`
/// (or the defaults) into it, then removes the old copies.
pub async fn load<B: Backend>(backend: &B) -> Result<WorkSettings, StoreError> {
    if let Some(text) = backend.get_meta(META_SETTINGS).await? {
        return Ok(WorkSettings::from_stored(Some(&text)));
    }
    let moved = WorkSettings::from_legacy(
        legacy(LEGACY_GIFT_LIMIT).as_deref(),
        legacy(LEGACY_STUCK_DAYS).as_deref(),
        legacy(LEGACY_TARGET_BP).as_deref(),
    );
    backend.set_meta(META_SETTINGS, &moved.to_json()).await?;
    for key in [LEGACY_GIFT_LIMIT, LEGACY_STUCK_DAYS, LEGACY_TARGET_BP] {
        LocalStorage::delete(key);
    }
    Ok(moved)
}

/// Re-reads the stored settings into the signal (after another tab's change).
pub async fn refresh() -> Result<(), StoreError> {
    let Some(b) = backend() else {
        return Ok(());
    };
    show_stored(b.get_meta(META_SETTINGS).await?.as_deref());
    Ok(())
}

/// Shows the settings stored as `text` (read by the caller), if they differ from those shown.
pub fn show_stored(text: Option<&str>) {
    if let Some(s) = signal() {
        let next = WorkSettings::from_stored(text);
        if s.with_untracked(|cur| *cur != next) {
            s.set(next);
        }
    }
}

/// Saves settings in one transaction, then shows them here and tells the other tabs.
/// Callers check each value with its rule first ([`check`](crate::store::settings::check),
/// which the settings forms' parsers apply).
pub async fn save(values: Vec<Setting>) -> Result<(), StoreError> {
    let b = opened_backend().await.ok_or(StoreError::Unavailable {
        detail: "the record store is not open".into(),
    })?;
    let mut batch = Batch::new();
    batch.push(Op::ApplySettings(SettingsPatch { values }));
    b.commit(&batch).await?;
    crate::state::unsaved::saved();
    refresh().await?;
    announce_settings();
    Ok(())
}
