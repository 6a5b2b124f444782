//! The deal form: a new deal (from the board or an account) or a deal's fields.

use super::common::{current_deal, save_deal};
use crate::app::href;
use crate::domain::deal::{DealDraft, DealField, FieldError};
use crate::domain::ids::Id;
use crate::domain::text::fold;
use crate::state::data::use_data;
use crate::state::toasts::use_toasts;
use crate::state::{tr, ToastKind};
use crate::ui::form::{ErrorSummary, SelectField, TextField};
use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The form. With `deal_id` it edits that deal; otherwise it creates one (with
/// `preset_account` chosen) and calls `on_done` with the new deal's id.
#[component]
pub fn DealForm(
    #[prop(optional)] deal_id: Option<Id>,
    #[prop(optional)] preset_account: Option<Id>,
    /// Called after a successful save with the deal's id, or with `None` on cancel.
    #[prop(into)]
    on_done: Callback<Option<Id>>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let draft = deal_id
        .and_then(|id| current_deal(data, id))
        .map(|d| DealDraft::from_deal(&d))
        .unwrap_or_else(|| DealDraft {
            account_id: preset_account,
            currency: "EUR".into(),
            ..DealDraft::default()
        });
    let account = RwSignal::new(draft.account_id.map(|a| a.to_string()).unwrap_or_default());
    let title = RwSignal::new(draft.title);
    let value = RwSignal::new(draft.value);
    let currency = RwSignal::new(draft.currency);
    let close = RwSignal::new(draft.expected_close);
    let probability = RwSignal::new(draft.probability);
    let owner = RwSignal::new(draft.owner);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let saving = RwSignal::new(false);
    let prefix = if deal_id.is_some() {
        "deal-edit"
    } else {
        "deal-new"
    };

    let accounts = Signal::derive(move || {
        let mut v: Vec<(String, String)> = data.accounts.with(|m| {
            m.values()
                .filter(|a| !a.archived || a.id.to_string() == account.get())
                .map(|a| (a.id.to_string(), a.name.clone()))
                .collect()
        });
        v.sort_by_cached_key(|(_, n)| fold(n));
        v
    });
    let field_error = move |f: DealField| {
        Signal::derive(move || {
            errors.with(|es| es.iter().find(|e| e.field == f).map(|e| tr(e.key())))
        })
    };
    let summary = Signal::derive(move || {
        errors.with(|es| {
            es.iter()
                .map(|e| format!("{}: {}", tr(e.field.key()), tr(e.key())))
                .collect::<Vec<_>>()
        })
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = DealDraft {
            account_id: account.get_untracked().parse().ok(),
            title: title.get_untracked(),
            value: value.get_untracked(),
            currency: currency.get_untracked(),
            expected_close: close.get_untracked(),
            probability: probability.get_untracked(),
            owner: owner.get_untracked(),
        };
        let record = match deal_id.and_then(|id| current_deal(data, id)) {
            Some(mut d) => draft.apply(&mut d).map(|_| d),
            None => draft.create(Utc::now()),
        };
        let d = match record {
            Ok(d) => d,
            Err(es) => {
                errors.set(es);
                return;
            }
        };
        errors.set(Vec::new());
        saving.set(true);
        let id = d.id;
        spawn_local(async move {
            if save_deal(data, toasts, d).await {
                toasts.push(ToastKind::Success, tr("form.saved"));
                on_done.run(Some(id));
            }
            saving.set(false);
        });
    };

    view! {
        <form class="form-grid deal-form" on:submit=on_submit novalidate=true>
            <ErrorSummary errors=summary/>
            <Show when=move || accounts.with(Vec::is_empty)>
                <p class="notice">
                    {move || tr("deals_ui.form.no_accounts")} " "
                    <a href=href("/accounts")>{move || tr("deals_ui.form.go_accounts")}</a>
                </p>
            </Show>
            <div class="form-cols">
                <SelectField
                    id=format!("{prefix}-account")
                    label=Signal::derive(|| tr(DealField::Account.key()))
                    value=account
                    options=accounts
                    empty_label=Signal::derive(|| tr("deals_ui.form.choose_account"))
                    error=field_error(DealField::Account)
                    required=true
                />
                <TextField
                    id=format!("{prefix}-title")
                    label=Signal::derive(|| tr(DealField::Title.key()))
                    value=title
                    error=field_error(DealField::Title)
                    required=true
                />
                <TextField
                    id=format!("{prefix}-value")
                    label=Signal::derive(|| tr(DealField::Value.key()))
                    value=value
                    error=field_error(DealField::Value)
                    hint=Signal::derive(|| tr("deals_ui.form.value_hint"))
                />
                <TextField
                    id=format!("{prefix}-currency")
                    label=Signal::derive(|| tr(DealField::Currency.key()))
                    value=currency
                    error=field_error(DealField::Currency)
                />
                <TextField
                    id=format!("{prefix}-close")
                    label=Signal::derive(|| tr(DealField::ExpectedClose.key()))
                    value=close
                    input_type="date"
                    error=field_error(DealField::ExpectedClose)
                    warning=crate::ui::form::date_warning(
                        close.into(),
                        crate::domain::rules::DateWindow::NearToday,
                    )
                />
                <TextField
                    id=format!("{prefix}-probability")
                    label=Signal::derive(|| tr(DealField::Probability.key()))
                    value=probability
                    error=field_error(DealField::Probability)
                    hint=Signal::derive(|| tr("deals_ui.form.probability_hint"))
                />
                <TextField
                    id=format!("{prefix}-owner")
                    label=Signal::derive(|| tr(DealField::Owner.key()))
                    value=owner
                    error=field_error(DealField::Owner)
                />
            </div>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || saving.get()>
                    {move || {
                        if deal_id.is_some() {
                            tr("form.save")
                        } else {
                            tr("deals_ui.form.create")
                        }
                    }}
                </button>
                <button type="button" on:click=move |_| on_done.run(None)>
                    {move || tr("form.cancel")}
                </button>
            </div>
        </form>
    }
}
