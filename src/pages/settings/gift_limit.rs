//! Settings → the gift limit (a work setting, stored with the records: see
//! [`crate::state::settings`]).

use crate::domain::activity::parse_gift_limit;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{settings, tr, tw, ToastKind};
use crate::store::settings::Setting;
use crate::ui::activity::gift_limit;
use crate::ui::fmt;
use crate::ui::form::{field_error_text, TextField};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A small card: the value above which a gift gets a reminder on the activity form.
#[component]
pub fn GiftLimitSetting() -> impl IntoView {
    let toasts = use_toasts();
    let stored = Memo::new(move |_| gift_limit());
    let amount = RwSignal::new(String::new());
    let currency = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // The fields show the stored limit, and follow it when it changes (an import, an undo,
    // another tab).
    Effect::new(move |_| {
        let limit = stored.get();
        amount.set(
            limit
                .as_ref()
                .map(|m| m.to_decimal_string())
                .unwrap_or_default(),
        );
        currency.set(limit.map_or_else(|| "EUR".to_string(), |m| m.currency.code().to_string()));
        error.set(None);
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match parse_gift_limit(&amount.get_untracked(), &currency.get_untracked()) {
            Ok(limit) => {
                error.set(None);
                spawn_local(async move {
                    match settings::save(vec![Setting::GiftLimit(limit.clone())]).await {
                        Ok(()) => match limit {
                            Some(m) => toasts.push(
                                ToastKind::Success,
                                tw("trust.ui.gift_limit.saved", &[("limit", &fmt::money(&m))]),
                            ),
                            None => {
                                toasts.push(ToastKind::Success, tr("trust.ui.gift_limit.cleared"))
                            }
                        },
                        Err(e) => crate::state::data::report_store_error(toasts, &e),
                    }
                });
            }
            Err(e) => error.set(Some(field_error_text(&e))),
        }
    };
    view! {
        <section class="card form-grid" aria-labelledby="gift-limit-heading">
            <h2 id="gift-limit-heading">{tr_fn("trust.ui.gift_limit.title")}</h2>
            <p class="hint">{tr_fn("trust.ui.gift_limit.intro")}</p>
            <form class="form-grid" on:submit=save novalidate>
                <div class="inline-fields">
                    <TextField
                        id="gift-limit-amount"
                        label=Signal::derive(tr_fn("trust.ui.gift_limit.amount"))
                        value=amount
                        error=Signal::derive(move || error.get())
                        hint=Signal::derive(tr_fn("trust.ui.gift_limit.amount_hint"))
                        input_type="text"
                    />
                    <TextField
                        id="gift-limit-currency"
                        label=Signal::derive(tr_fn("trust.ui.gift_limit.currency"))
                        value=currency
                    />
                </div>
                <p class="hint" role="status">
                    {move || match stored.get() {
                        Some(m) => tw("trust.ui.gift_limit.current", &[("limit", &fmt::money(&m))]),
                        None => tr("trust.ui.gift_limit.none"),
                    }}
                </p>
                <div class="actions">
                    <button type="submit" class="primary">{tr_fn("trust.ui.gift_limit.save")}</button>
                </div>
            </form>
        </section>
    }
}
