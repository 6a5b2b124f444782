//! Settings → collection: where the collection matrix draws its lines.

use crate::state::settings::{self, collection_thresholds};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw, ToastKind};
use crate::store::settings::{Setting, SettingKey, LARGE_UNITS, STUCK_DAYS};
use crate::ui::form::TextField;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A typed whole number within `range`.
fn whole(typed: &str, range: &std::ops::RangeInclusive<u32>) -> Option<u32> {
    typed
        .trim()
        .replace(['\u{a0}', ' ', ',', '.', '\''], "")
        .parse::<u32>()
        .ok()
        .filter(|n| range.contains(n))
}

#[component]
pub fn CollectionSettings() -> impl IntoView {
    let toasts = use_toasts();
    let large = RwSignal::new(String::new());
    let long = RwSignal::new(String::new());
    let large_error = RwSignal::new(None::<String>);
    let long_error = RwSignal::new(None::<String>);
    // The fields show the stored values, and follow them when they change.
    Effect::new(move |_| {
        let t = collection_thresholds();
        large.set(t.large_units.to_string());
        long.set(t.long_days.to_string());
        large_error.set(None);
        long_error.set(None);
    });
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = whole(&large.get_untracked(), &LARGE_UNITS);
        let d = whole(&long.get_untracked(), &STUCK_DAYS);
        large_error.set(l.is_none().then(|| {
            tw(
                "receivable.settings.large_invalid",
                &[
                    ("value", large.get_untracked().trim()),
                    ("max", &LARGE_UNITS.end().to_string()),
                ],
            )
        }));
        long_error.set(d.is_none().then(|| {
            tw(
                "receivable.settings.long_invalid",
                &[
                    ("value", long.get_untracked().trim()),
                    ("max", &STUCK_DAYS.end().to_string()),
                ],
            )
        }));
        let (Some(l), Some(d)) = (l, d) else { return };
        spawn_local(async move {
            match settings::save(vec![
                Setting::Whole(SettingKey::CollectionLargeUnits, l),
                Setting::Whole(SettingKey::CollectionLongDays, d),
            ])
            .await
            {
                Ok(()) => toasts.push(ToastKind::Success, tr("form.saved")),
                Err(e) => crate::state::data::report_store_error(toasts, &e),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="collection-settings-heading" id="collection-settings">
            <h2 id="collection-settings-heading">{tr_fn("receivable.settings.title")}</h2>
            <p class="hint">{tr_fn("receivable.settings.intro")}</p>
            <ul class="matrix-explained">
                <li>{tr_fn("receivable.settings.small_short")}</li>
                <li>{tr_fn("receivable.settings.small_long")}</li>
                <li>{tr_fn("receivable.settings.large_short")}</li>
                <li>{tr_fn("receivable.settings.large_long")}</li>
            </ul>
            <form class="form-grid" on:submit=on_save novalidate>
                <TextField
                    id="pref-collection-large"
                    label=Signal::derive(tr_fn("receivable.settings.large"))
                    value=large
                    input_type="number"
                    hint=Signal::derive(tr_fn("receivable.settings.large_hint"))
                    error=Signal::derive(move || large_error.get())
                />
                <TextField
                    id="pref-collection-long"
                    label=Signal::derive(tr_fn("receivable.settings.long"))
                    value=long
                    input_type="number"
                    hint=Signal::derive(tr_fn("receivable.settings.long_hint"))
                    error=Signal::derive(move || long_error.get())
                />
                <div class="actions">
                    <button type="submit" class="primary">{tr_fn("receivable.settings.save")}</button>
                </div>
            </form>
        </section>
    }
}
