//! The deal form: a new deal (from the board or an account) or a deal's fields.

use super::common::current_deal;
use crate::domain::deal::{Deal, DealDraft};
use crate::domain::ids::Id;
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;
use crate::state::data::use_data;
use crate::state::record_save::RecordSave;
use crate::state::toasts::use_toasts;
use crate::state::tr;
use crate::state::tr_fn;
use crate::ui::conflict::{reloadable, ConflictPanel};
use crate::ui::form::{ErrorSummary, FormErrors, SelectField, TextField};
use crate::ui::link::href;
use chrono::Utc;
use leptos::prelude::*;

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
    let editing = deal_id.is_some();
    reloadable(
        deal_id.and_then(|id| current_deal(data, id)),
        move |deal, on_reload| {
            view! { <DealFormBody deal editing preset_account on_done on_reload/> }
        },
    )
}

#[component]
fn DealFormBody(
    /// The deal as the form opened it (`None`: a new deal).
    deal: Option<Deal>,
    editing: bool,
    preset_account: Option<Id>,
    on_done: Callback<Option<Id>>,
    /// Shows the form again with another version (after "Take theirs").
    on_reload: Callback<Deal>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let draft = deal
        .as_ref()
        .map(DealDraft::from_deal)
        .unwrap_or_else(|| DealDraft {
            account_id: preset_account,
            currency: "EUR".into(),
            ..DealDraft::default()
        });
    let base = StoredValue::new(deal);
    let save = RecordSave::new(
        data,
        toasts,
        Callback::new(move |saved: Deal| on_done.run(Some(saved.id))),
    );
    let account = RwSignal::new(draft.account_id.map(|a| a.to_string()).unwrap_or_default());
    let title = RwSignal::new(draft.title);
    let value = RwSignal::new(draft.value);
    let currency = RwSignal::new(draft.currency);
    let close = RwSignal::new(draft.expected_close);
    let probability = RwSignal::new(draft.probability);
    let owner = RwSignal::new(draft.owner);
    let errors = FormErrors::labelled();
    let saving = save.busy;
    let prefix = if editing { "deal-edit" } else { "deal-new" };

    let accounts = Signal::derive(move || {
        let mut v: Vec<(String, String)> = data.accounts.with_all(|m| {
            m.values()
                .filter(|a| !a.archived || a.id.to_string() == account.get())
                .map(|a| (a.id.to_string(), a.name.clone()))
                .collect()
        });
        v.sort_on_cached(|(_, n)| fold(n));
        v
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
        let record = match base.get_value() {
            Some(mut d) => draft.apply(&mut d).map(|_| d),
            None => draft.create(Utc::now()),
        };
        let d = match record {
            Ok(d) => d,
            Err(es) => {
                errors.show(&es);
                return;
            }
        };
        errors.clear();
        save.save(base.get_value(), d);
    };

    view! {
        <form class="form-grid deal-form" on:submit=on_submit novalidate=true>
            <ErrorSummary errors=errors.summary()/>
            <Show when=move || accounts.with(Vec::is_empty)>
                <p class="notice">
                    {tr_fn("deals_ui.form.no_accounts")} " "
                    <a href=href("/accounts")>{tr_fn("deals_ui.form.go_accounts")}</a>
                </p>
            </Show>
            <div class="form-cols">
                <SelectField
                    id=format!("{prefix}-account")
                    label=Signal::derive(tr_fn("deal.field.account"))
                    value=account
                    options=accounts
                    empty_label=Signal::derive(tr_fn("deals_ui.form.choose_account"))
                    error=errors.field("account_id")
                    required=true
                />
                <TextField
                    id=format!("{prefix}-title")
                    label=Signal::derive(tr_fn("deal.field.title"))
                    value=title
                    error=errors.field("title")
                    required=true
                />
                <TextField
                    id=format!("{prefix}-value")
                    label=Signal::derive(tr_fn("deal.field.value"))
                    value=value
                    error=errors.field("value")
                    hint=Signal::derive(tr_fn("deals_ui.form.value_hint"))
                />
                <TextField
                    id=format!("{prefix}-currency")
                    label=Signal::derive(tr_fn("deal.field.currency"))
                    value=currency
                    error=errors.field("currency")
                />
                <TextField
                    id=format!("{prefix}-close")
                    label=Signal::derive(tr_fn("deal.field.expected_close"))
                    value=close
                    input_type="date"
                    error=errors.field("expected_close")
                    warning=crate::ui::form::date_warning(
                        close.into(),
                        crate::domain::rules::DateWindow::NearToday,
                    )
                />
                <TextField
                    id=format!("{prefix}-probability")
                    label=Signal::derive(tr_fn("deal.field.probability"))
                    value=probability
                    error=errors.field("probability")
                    hint=Signal::derive(tr_fn("deals_ui.form.probability_hint"))
                />
                <TextField
                    id=format!("{prefix}-owner")
                    label=Signal::derive(tr_fn("deal.field.owner"))
                    value=owner
                    error=errors.field("owner")
                />
            </div>
            <ConflictPanel save on_take_theirs=on_reload/>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || saving.get()>
                    {move || {
                        if editing {
                            tr("form.save")
                        } else {
                            tr("deals_ui.form.create")
                        }
                    }}
                </button>
                <button type="button" on:click=move |_| on_done.run(None)>
                    {tr_fn("form.cancel")}
                </button>
            </div>
        </form>
    }
}
