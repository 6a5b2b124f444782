//! Settings → Proposals: the largest line discount a quotation gives without a flag, and our
//! firm as the customer's copy of a proposal presents it (name, logo, the credential texts
//! of section 5). Work settings, stored with the records (see [`crate::state::settings`]).

use crate::domain::fields::FieldError;
use crate::domain::price::Rate;
use crate::state::prefs::locale;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{settings, tr, ToastKind};
use crate::store::settings::{check, Setting, SettingKey, LOGO_PREFIXES};
use crate::ui::form::{field_error_text, TextArea, TextField};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// The text settings of the card, in form order, with their field ids.
const TEXTS: [(SettingKey, &str); 4] = [
    (SettingKey::FirmName, "firm-name"),
    (SettingKey::FirmLicence, "firm-licence"),
    (SettingKey::FirmProfile, "firm-profile"),
    (SettingKey::FirmProducts, "firm-products"),
];

/// A text setting's row: its key, field id, what is typed, and its error.
type TextRow = (
    SettingKey,
    &'static str,
    RwSignal<String>,
    RwSignal<Option<String>>,
);

/// The card on the Settings page.
#[component]
pub(super) fn ProposalSettings() -> impl IntoView {
    let toasts = use_toasts();
    let limit = RwSignal::new(String::new());
    let limit_error = RwSignal::new(None::<String>);
    let texts: Vec<TextRow> = TEXTS
        .iter()
        .map(|(k, id)| (*k, *id, RwSignal::new(String::new()), RwSignal::new(None)))
        .collect();
    let logo = RwSignal::new(String::new());
    let logo_error = RwSignal::new(None::<String>);
    // The fields show the stored values and follow them (an import, an undo, another tab).
    {
        let texts = texts.clone();
        Effect::new(move |_| {
            let s = settings::current();
            limit.set(
                s.discount_limit_bp
                    .map(|bp| Rate(bp).to_input())
                    .unwrap_or_default(),
            );
            limit_error.set(None);
            for (key, _, value, error) in &texts {
                value.set(s.get(*key).text().unwrap_or_default().to_string());
                error.set(None);
            }
            logo.set(s.firm.logo.clone());
            logo_error.set(None);
        });
    }
    let on_save = {
        let texts = texts.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut values = Vec::new();
            let mut ok = true;
            let typed = limit.get_untracked();
            match typed.trim() {
                "" => {
                    limit_error.set(None);
                    values.push(Setting::DiscountLimit(None));
                }
                t => match Rate::parse_percent(t) {
                    Ok(r) => {
                        limit_error.set(None);
                        values.push(Setting::DiscountLimit(Some(r.0)));
                    }
                    Err(e) => {
                        ok = false;
                        limit_error.set(Some(field_error_text(&FieldError::decimal(
                            "discount_limit",
                            "backup_settings.setting.discount_limit",
                            &e,
                            &typed,
                        ))));
                    }
                },
            }
            for (key, _, value, error) in &texts {
                let s = Setting::Text(*key, value.get_untracked().trim().to_string());
                match check(&s) {
                    Ok(()) => {
                        error.set(None);
                        values.push(s);
                    }
                    Err(e) => {
                        ok = false;
                        error.set(Some(crate::i18n::render(locale(), &e.reason)));
                    }
                }
            }
            values.push(Setting::Text(SettingKey::FirmLogo, logo.get_untracked()));
            if !ok {
                return;
            }
            spawn_local(async move {
                match settings::save(values).await {
                    Ok(()) => toasts.push(ToastKind::Success, tr("form.saved")),
                    Err(e) => crate::state::data::report_store_error(toasts, &e),
                }
            });
        }
    };
    let on_logo = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        spawn_local(async move {
            match read_data_url(&file).await {
                Some(url) => match check(&Setting::Text(SettingKey::FirmLogo, url.clone())) {
                    Ok(()) if LOGO_PREFIXES.iter().any(|p| url.starts_with(p)) => {
                        logo_error.set(None);
                        logo.set(url);
                    }
                    Ok(()) => logo_error.set(Some(tr("backup_settings.rule.logo"))),
                    Err(e) => logo_error.set(Some(crate::i18n::render(locale(), &e.reason))),
                },
                None => logo_error.set(Some(tr("settings.proposals.logo_unreadable"))),
            }
        });
    };
    let text_fields = texts
        .into_iter()
        .map(|(key, id, value, error)| {
            let label = Signal::derive(tr_fn(key.label_key()));
            let error = Signal::derive(move || error.get());
            if key == SettingKey::FirmName {
                view! { <TextField id=id label=label value=value error=error/> }.into_any()
            } else {
                view! { <TextArea id=id label=label value=value error=error rows=4/> }.into_any()
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="proposal-settings-heading" id="proposal-settings">
            <h2 id="proposal-settings-heading">{tr("settings.proposals.title")}</h2>
            <p class="hint">{tr("settings.proposals.intro")}</p>
            <form class="form-grid" on:submit=on_save novalidate>
                <TextField
                    id="discount-limit"
                    label=Signal::derive(tr_fn("settings.proposals.discount_limit"))
                    value=limit
                    hint=Signal::derive(tr_fn("settings.proposals.discount_limit_hint"))
                    error=Signal::derive(move || limit_error.get())
                />
                {text_fields}
                <div class="field">
                    <label for="firm-logo">{tr("backup_settings.setting.firm_logo")}</label>
                    <input
                        id="firm-logo"
                        type="file"
                        accept="image/png,image/jpeg,image/webp,image/gif,image/svg+xml"
                        on:change=on_logo
                        aria-describedby="firm-logo-hint"
                    />
                    <p class="hint" id="firm-logo-hint">{tr("settings.proposals.logo_hint")}</p>
                    <Show when=move || logo_error.get().is_some()>
                        <p class="field-error" role="alert">{move || logo_error.get()}</p>
                    </Show>
                    <Show when=move || !logo.get().is_empty()>
                        <img
                            class="firm-logo-preview"
                            src=move || logo.get()
                            alt=tr("settings.proposals.logo_alt")
                        />
                        <button type="button" on:click=move |_| logo.set(String::new())>
                            {tr("settings.proposals.logo_remove")}
                        </button>
                    </Show>
                </div>
                <div class="actions">
                    <button type="submit" class="primary">{tr("settings.proposals.save")}</button>
                </div>
            </form>
        </section>
    }
}

/// The file's content as a `data:` address, or `None` when it cannot be read.
async fn read_data_url(file: &web_sys::File) -> Option<String> {
    let reader = web_sys::FileReader::new().ok()?;
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        reader.set_onload(Some(&resolve));
        reader.set_onerror(Some(&reject));
    });
    reader.read_as_data_url(file).ok()?;
    wasm_bindgen_futures::JsFuture::from(done).await.ok()?;
    reader.result().ok()?.as_string()
}
