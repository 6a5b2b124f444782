//! Settings (menu entry "Settings"): language and theme (this device), the work settings
//! stored with the records (gift limit, deal settings, proposal settings), and Data (backup, restore, undo,
//! data health).
//!
//! Files here read state and call actions in `crate::state`, use the domain's rules and the
//! shared pieces in `crate::ui`, and import nothing from another area's pages.

mod collection;
mod data;
mod deals;
mod discounts;
mod gift_limit;
mod health;
mod proposals;
mod service;

use crate::i18n::{self, Locale};
use crate::state::prefs::locale;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw, Prefs, Theme, ToastKind};
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    let sample_date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date");
    let sample_money = crate::domain::money::Money::new(
        1_250_050,
        crate::domain::money::Currency::parse("EUR").expect("valid code"),
    );
    view! {
        <section class="page">
            <h1>{tr_fn("page.settings.title")}</h1>
            <div class="card form-grid">
                <h2>{tr_fn("settings.appearance")}</h2>
                <div class="field">
                    <label for="pref-locale">{tr_fn("settings.language")}</label>
                    <select
                        id="pref-locale"
                        on:change=move |ev| {
                            let select: web_sys::HtmlSelectElement = event_target(&ev);
                            if let Some(l) = Locale::from_tag(&select.value()) {
                                let toasts = use_toasts();
                                leptos::task::spawn_local(async move {
                                    if prefs.set_locale(l).await.is_err() {
                                        select.set_value(prefs.locale.get_untracked().tag());
                                        toasts.push(
                                            ToastKind::Error,
                                            tw("settings.language_failed", &[("language", l.native_name())]),
                                        );
                                    }
                                });
                            }
                        }
                    >
                        {Locale::ALL
                            .iter()
                            .map(|l| {
                                let l = *l;
                                view! {
                                    <option value=l.tag() selected=move || prefs.locale.get() == l>
                                        {l.native_name()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <p class="hint">
                        {move || {
                            let loc = locale();
                            format!(
                                "{} {} · {}",
                                tr("settings.format_example"),
                                i18n::format_date(loc, sample_date),
                                i18n::format_money(loc, &sample_money),
                            )
                        }}
                    </p>
                </div>
                <div class="field">
                    <label for="pref-theme">{tr_fn("settings.theme")}</label>
                    <select
                        id="pref-theme"
                        on:change=move |ev| prefs.set_theme(Theme::from_tag(&event_target_value(&ev)))
                    >
                        {Theme::ALL
                            .iter()
                            .map(|t| {
                                let t = *t;
                                view! {
                                    <option value=t.tag() selected=move || prefs.theme.get() == t>
                                        {tr_fn(t.label_key())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <gift_limit::GiftLimitSetting/>
            <deals::DealSettings/>
            <proposals::ProposalSettings/>
            <service::SatisfactionSettings/>
            <collection::CollectionSettings/>
            <discounts::DiscountSettings/>
            <data::DataPanel/>
        </section>
    }
}
