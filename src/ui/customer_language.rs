//! A document for a customer shown in the customer's language (the account's "Language of
//! documents", else the app's): the statement, the proposal's customer copy, the contract
//! checklist and the referral note.

use crate::domain::ids::Id;
use crate::i18n::Locale;
use crate::state::data::use_data;
use crate::state::prefs::{app_locale, document_shown, DocumentLocale};
use crate::state::toasts::use_toasts;
use crate::state::{tw, ToastKind};
use leptos::context::Provider;
use leptos::prelude::*;

/// The language the documents of `account` are written in: the account's choice, else
/// the app's (tracked).
pub fn account_language(account: Option<Id>) -> Locale {
    let data = use_data();
    account
        .and_then(|a| data.accounts.with(a, |acc| acc.language))
        .flatten()
        .unwrap_or_else(app_locale)
}

/// Shows `children` in the language of `account`'s documents, fetching its texts first
/// when needed (until then, and if they cannot be had, in the app's language, with a
/// notice). `lang` on the wrapper tells the browser (and a screen reader) which it is.
#[component]
pub fn InCustomerLanguage(
    #[prop(into)] account: Signal<Option<Id>>,
    children: Children,
) -> impl IntoView {
    let toasts = use_toasts();
    let wanted = Memo::new(move |_| account_language(account.get()));
    let loaded = RwSignal::new(0u32);
    Effect::new(move |_| {
        let l = wanted.get();
        if !l.is_complete() {
            leptos::task::spawn_local(async move {
                match crate::i18n::load::load(l).await {
                    Ok(()) => loaded.update(|n| *n += 1),
                    Err(_) => toasts.push(
                        ToastKind::Error,
                        tw("settings.language_failed", &[("language", l.native_name())]),
                    ),
                }
            });
        }
    });
    let shown = Signal::derive(move || {
        loaded.track();
        let l = wanted.get();
        if l.is_complete() {
            l
        } else {
            app_locale()
        }
    });
    document_shown();
    view! {
        <Provider value=DocumentLocale(shown)>
            <div class="customer-language" lang=move || shown.get().tag()>{children()}</div>
        </Provider>
    }
}
