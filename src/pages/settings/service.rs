//! Settings → satisfaction checks: the cadence of the call and the request (days between
//! each), stored with the records; the Agenda lists a check when its day comes.

use crate::state::settings::{self, satisfaction_cadence};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw, ToastKind};
use crate::store::settings::{check, Setting, SettingKey};
use crate::ui::form::TextField;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A typed whole number of days as the setting `key`, or the message to show under it.
fn typed_days(key: SettingKey, typed: &str) -> Result<Setting, String> {
    let t = typed.trim();
    let invalid = || {
        let range = key.whole_range().unwrap_or(0..=0);
        tw(
            "followup.settings.days_invalid",
            &[
                ("value", t),
                ("min", &range.start().to_string()),
                ("max", &range.end().to_string()),
            ],
        )
    };
    let s = Setting::Whole(key, t.parse::<u32>().map_err(|_| invalid())?);
    check(&s).map_err(|_| invalid())?;
    Ok(s)
}

#[component]
pub fn SatisfactionSettings() -> impl IntoView {
    let toasts = use_toasts();
    let calls = RwSignal::new(String::new());
    let requests = RwSignal::new(String::new());
    let calls_error = RwSignal::new(None::<String>);
    let requests_error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    // The fields show the stored values and follow them (an import, an undo, another tab).
    Effect::new(move |_| {
        let c = satisfaction_cadence();
        calls.set(c.call_days.to_string());
        requests.set(c.request_days.to_string());
        calls_error.set(None);
        requests_error.set(None);
    });
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status.set(None);
        let c = typed_days(SettingKey::SatisfactionCallDays, &calls.get_untracked());
        let r = typed_days(
            SettingKey::SatisfactionRequestDays,
            &requests.get_untracked(),
        );
        calls_error.set(c.as_ref().err().cloned());
        requests_error.set(r.as_ref().err().cloned());
        let (Ok(c), Ok(r)) = (c, r) else { return };
        spawn_local(async move {
            match settings::save(vec![c, r]).await {
                Ok(()) => {
                    status.set(Some(tr("form.saved")));
                    toasts.push(ToastKind::Success, tr("form.saved"));
                }
                Err(e) => crate::state::data::report_store_error(toasts, &e),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="satisfaction-settings-heading" id="satisfaction-settings">
            <h2 id="satisfaction-settings-heading">{tr_fn("followup.settings.title")}</h2>
            <p class="hint">{tr_fn("followup.settings.intro")}</p>
            <form class="form-grid" on:submit=on_save novalidate>
                <TextField
                    id="satisfaction-call-days"
                    label=Signal::derive(tr_fn("backup_settings.setting.satisfaction_call_days"))
                    value=calls
                    input_type="number"
                    error=Signal::derive(move || calls_error.get())
                />
                <TextField
                    id="satisfaction-request-days"
                    label=Signal::derive(tr_fn("backup_settings.setting.satisfaction_request_days"))
                    value=requests
                    input_type="number"
                    error=Signal::derive(move || requests_error.get())
                />
                <div class="actions">
                    <button type="submit" class="primary">{tr_fn("followup.settings.save")}</button>
                </div>
                <p role="status" class="hint">{move || status.get()}</p>
            </form>
        </section>
    }
}
