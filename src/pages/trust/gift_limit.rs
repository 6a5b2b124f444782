//! Settings → the gift limit (kept in localStorage under `sixstep.gift_limit`).

use super::common::{activity_error_text, gift_limit, set_gift_limit};
use crate::domain::activity::parse_gift_limit;
use crate::state::toasts::use_toasts;
use crate::state::{tr, tw, ToastKind};
use crate::ui::fmt;
use crate::ui::form::TextField;
use leptos::prelude::*;

/// A small card: the value above which a gift gets a reminder on the activity form.
#[component]
pub fn GiftLimitSetting() -> impl IntoView {
    let toasts = use_toasts();
    let stored = RwSignal::new(gift_limit());
    let amount = RwSignal::new(
        stored
            .get_untracked()
            .map(|m| m.to_decimal_string())
            .unwrap_or_default(),
    );
    let currency = RwSignal::new(
        stored
            .get_untracked()
            .map_or_else(|| "EUR".to_string(), |m| m.currency.code().to_string()),
    );
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match parse_gift_limit(&amount.get_untracked(), &currency.get_untracked()) {
            Ok(limit) => {
                error.set(None);
                set_gift_limit(limit.as_ref());
                stored.set(limit.clone());
                match limit {
                    Some(m) => toasts.push(
                        ToastKind::Success,
                        tw("trust.ui.gift_limit.saved", &[("limit", &fmt::money(&m))]),
                    ),
                    None => toasts.push(ToastKind::Success, tr("trust.ui.gift_limit.cleared")),
                }
            }
            Err(e) => error.set(Some(activity_error_text(&e))),
        }
    };
    view! {
        <section class="card form-grid" aria-labelledby="gift-limit-heading">
            <h2 id="gift-limit-heading">{move || tr("trust.ui.gift_limit.title")}</h2>
            <p class="hint">{move || tr("trust.ui.gift_limit.intro")}</p>
            <form class="form-grid" on:submit=save novalidate>
                <div class="inline-fields">
                    <TextField
                        id="gift-limit-amount"
                        label=Signal::derive(move || tr("trust.ui.gift_limit.amount"))
                        value=amount
                        error=Signal::derive(move || error.get())
                        hint=Signal::derive(move || tr("trust.ui.gift_limit.amount_hint"))
                        input_type="text"
                    />
                    <TextField
                        id="gift-limit-currency"
                        label=Signal::derive(move || tr("trust.ui.gift_limit.currency"))
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
                    <button type="submit" class="primary">{move || tr("trust.ui.gift_limit.save")}</button>
                </div>
            </form>
        </section>
    }
}
