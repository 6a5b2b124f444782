//! Deal settings: the stuck-deal threshold and the target share of won value from new
//! customers. Work settings, stored with the records (see [`crate::state::settings`]).
//! `DealSettings` is mounted in Settings.

use crate::domain::pipeline;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{settings, tr, ToastKind};
use crate::store::settings::{Setting, STUCK_DAYS};
use crate::ui::form::TextField;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::state::settings::{new_customer_target_bp, stuck_days};

/// The deal settings (to be mounted on the Settings page).
#[component]
pub(super) fn DealSettings() -> impl IntoView {
    let toasts = use_toasts();
    let days = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let days_error = RwSignal::new(None::<String>);
    let target_error = RwSignal::new(None::<String>);
    // The fields show the stored values, and follow them when they change (an import, an
    // undo, another tab).
    Effect::new(move |_| {
        days.set(stuck_days().to_string());
        target.set(pipeline::bp_to_percent_text(new_customer_target_bp()));
        days_error.set(None);
        target_error.set(None);
    });
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = days
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| STUCK_DAYS.contains(d));
        let t = pipeline::parse_percent_bp(&target.get_untracked());
        days_error.set(d.is_none().then(|| tr("deals_ui.settings.days_invalid")));
        target_error.set(t.is_none().then(|| tr("deals_ui.settings.target_invalid")));
        let (Some(d), Some(t)) = (d, t) else { return };
        spawn_local(async move {
            match settings::save(vec![Setting::StuckDays(d), Setting::NewCustomerTarget(t)]).await {
                Ok(()) => toasts.push(ToastKind::Success, tr("form.saved")),
                Err(e) => crate::state::data::report_store_error(toasts, &e),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="deal-settings-heading" id="deal-settings">
            <h2 id="deal-settings-heading">{tr_fn("deals_ui.settings.title")}</h2>
            <form class="form-grid" on:submit=on_save>
                <TextField
                    id="pref-stuck-days"
                    label=Signal::derive(tr_fn("deals_ui.settings.stuck_days"))
                    value=days
                    input_type="number"
                    hint=Signal::derive(tr_fn("deals_ui.settings.stuck_days_hint"))
                    error=Signal::derive(move || days_error.get())
                />
                <TextField
                    id="pref-new-target"
                    label=Signal::derive(tr_fn("deals_ui.settings.target"))
                    value=target
                    hint=Signal::derive(tr_fn("deals_ui.settings.target_hint"))
                    error=Signal::derive(move || target_error.get())
                />
                <div class="actions">
                    <button type="submit" class="primary">{tr_fn("form.save")}</button>
                </div>
            </form>
        </section>
    }
}
