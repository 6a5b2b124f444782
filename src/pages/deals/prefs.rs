//! Deal preferences kept in localStorage: the stuck-deal threshold and the target share
//! of won value from new customers. `DealSettings` is mounted in Settings.

use crate::domain::pipeline;
use crate::state::toasts::use_toasts;
use crate::state::{tr, ToastKind};
use crate::ui::form::TextField;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

pub const STUCK_DAYS_KEY: &str = "sixstep.stuck_days";
pub const TARGET_KEY: &str = "sixstep.new_customer_target_bp";
/// A deal that sat in a step this many days is stuck (unless set otherwise).
pub const DEFAULT_STUCK_DAYS: u32 = 30;
/// 30 % of won value should come from new customers (unless set otherwise).
pub const DEFAULT_TARGET_BP: u32 = 3_000;

pub fn stuck_days() -> u32 {
    LocalStorage::get::<u32>(STUCK_DAYS_KEY)
        .ok()
        .filter(|d| (1..=3650).contains(d))
        .unwrap_or(DEFAULT_STUCK_DAYS)
}

pub fn new_customer_target_bp() -> u32 {
    LocalStorage::get::<u32>(TARGET_KEY)
        .ok()
        .filter(|b| *b <= 10_000)
        .unwrap_or(DEFAULT_TARGET_BP)
}

/// The deal settings (to be mounted on the Settings page).
#[component]
pub fn DealSettings() -> impl IntoView {
    let toasts = use_toasts();
    let days = RwSignal::new(stuck_days().to_string());
    let target = RwSignal::new(pipeline::bp_to_percent_text(new_customer_target_bp()));
    let days_error = RwSignal::new(None::<String>);
    let target_error = RwSignal::new(None::<String>);
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = days
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=3650).contains(d));
        let t = pipeline::parse_percent_bp(&target.get_untracked());
        days_error.set(d.is_none().then(|| tr("deals_ui.settings.days_invalid")));
        target_error.set(t.is_none().then(|| tr("deals_ui.settings.target_invalid")));
        let (Some(d), Some(t)) = (d, t) else { return };
        let saved = LocalStorage::set(STUCK_DAYS_KEY, d).is_ok()
            && LocalStorage::set(TARGET_KEY, t).is_ok();
        if saved {
            toasts.push(ToastKind::Success, tr("form.saved"));
        } else {
            toasts.push(ToastKind::Error, tr("deals_ui.settings.not_saved"));
        }
    };
    view! {
        <section class="card" aria-labelledby="deal-settings-heading" id="deal-settings">
            <h2 id="deal-settings-heading">{move || tr("deals_ui.settings.title")}</h2>
            <form class="form-grid" on:submit=on_save>
                <TextField
                    id="pref-stuck-days"
                    label=Signal::derive(|| tr("deals_ui.settings.stuck_days"))
                    value=days
                    input_type="number"
                    hint=Signal::derive(|| tr("deals_ui.settings.stuck_days_hint"))
                    error=Signal::derive(move || days_error.get())
                />
                <TextField
                    id="pref-new-target"
                    label=Signal::derive(|| tr("deals_ui.settings.target"))
                    value=target
                    hint=Signal::derive(|| tr("deals_ui.settings.target_hint"))
                    error=Signal::derive(move || target_error.get())
                />
                <div class="actions">
                    <button type="submit" class="primary">{move || tr("form.save")}</button>
                </div>
            </form>
        </section>
    }
}
