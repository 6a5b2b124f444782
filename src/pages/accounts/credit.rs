//! The account's credit checks (licence, history, outcome), made before a sale; the warning
//! when a deal of the account reached step 5 without one; the way to the statement of its
//! open invoices.

use crate::domain::ids::Id;
use crate::domain::receivable::credit::{label, needs_credit_check, CreditDraft};
use crate::domain::receivable::{CreditCheck, CreditOutcome};
use crate::state::actions::receivables as actions;
use crate::state::data::{spawn_save, use_data};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw, ToastKind};
use crate::ui::fmt;
use crate::ui::form::{CheckboxField, FormErrors, SelectField, TextArea, TextField};
use crate::ui::link::href;
use leptos::prelude::*;

fn blank() -> CreditDraft {
    CreditDraft {
        checked_on: fmt::today().format("%Y-%m-%d").to_string(),
        licence_checked: false,
        history: String::new(),
        outcome: CreditOutcome::Sound,
        by: String::new(),
        notes: String::new(),
    }
}

#[component]
pub fn CreditChecks(account_id: Id) -> impl IntoView {
    let data = use_data();
    let checks = Memo::new(move |_| actions::credit_checks(data, account_id));
    let warn = Memo::new(move |_| {
        let list = checks.get();
        data.indexes
            .deals_of(account_id)
            .into_iter()
            .filter_map(|d| data.deals.get(d))
            .filter(|d| needs_credit_check(&list, d))
            .map(|d| d.title)
            .collect::<Vec<_>>()
    });
    let open_invoices = Memo::new(move |_| {
        actions::of_account(data, account_id)
            .iter()
            .filter(|i| !i.is_paid())
            .count()
    });
    let editing = RwSignal::new(None::<Id>);
    // The new check's form opens on request: an account page is long enough.
    let adding = RwSignal::new(false);
    view! {
        <section class="card credit-checks" aria-labelledby="credit-heading">
            <h2 id="credit-heading">{tr_fn("receivable.credit.title")}</h2>
            <p class="hint">{tr_fn("receivable.credit.intro")}</p>
            {move || {
                let deals = warn.get();
                (!deals.is_empty()).then(|| view! {
                    <p class="notice notice-warning" role="status">
                        {tw("receivable.credit.missing_account", &[("deals", &deals.join(", "))])}
                    </p>
                })
            }}
            {move || {
                let list = checks.get();
                if list.is_empty() {
                    return view! { <p class="hint">{tr("receivable.credit.none")}</p> }.into_any();
                }
                view! {
                    <ul class="plain-list credit-list">
                        {list.into_iter().map(|c| view! { <CheckItem c=c editing=editing/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <Show
                when=move || adding.get()
                fallback=move || view! {
                    <div class="actions">
                        <button type="button" aria-expanded="false" on:click=move |_| adding.set(true)>
                            {tr("receivable.credit.form_title")}
                        </button>
                    </div>
                }
            >
                <CreditForm account_id=account_id existing=None editing=editing adding=adding/>
            </Show>
            {move || (open_invoices.get() > 0).then(|| view! {
                <p>
                    <a href=href(&format!("/receivables/statement/{account_id}"))>
                        {tr("receivable.statement.open_account")}
                    </a>
                </p>
            })}
        </section>
    }
}

#[component]
fn CheckItem(c: CreditCheck, editing: RwSignal<Option<Id>>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let id = c.id;
    let date = fmt::date(c.checked_on);
    let title = tw(
        "receivable.credit.item",
        &[("date", &date), ("outcome", &tr(c.outcome.key()))],
    );
    let remove = {
        let date = date.clone();
        move |_| {
            let Some(save) = actions::delete_credit(data, id) else {
                return;
            };
            let date = date.clone();
            spawn_save(toasts, save, move |gone: CreditCheck| {
                toasts.push_with_action(
                    ToastKind::Success,
                    tw("receivable.credit.deleted", &[("date", &date)]),
                    tr("receivable.undo"),
                    move || {
                        if let Some(save) = actions::restore_credit(data, gone.clone()) {
                            spawn_save(toasts, save, |_| {});
                        }
                    },
                );
            });
        }
    };
    let account_id = c.account_id;
    let existing = c.clone();
    view! {
        <li class="credit-item">
            <p><strong>{title}</strong></p>
            <p>
                {if c.licence_checked { tr("receivable.credit.licence_yes") } else { tr("receivable.credit.licence_no") }}
                {(!c.by.is_empty()).then(|| view! { " · " {tw("receivable.credit.by_line", &[("by", &c.by)])} })}
            </p>
            {(!c.history.is_empty()).then(|| view! { <p>{c.history.clone()}</p> })}
            {(!c.notes.is_empty()).then(|| view! { <p class="hint">{c.notes.clone()}</p> })}
            <div class="actions">
                <button
                    type="button"
                    class="small"
                    aria-expanded=move || (editing.get() == Some(id)).to_string()
                    aria-label=tw("receivable.credit.edit_n", &[("date", &date)])
                    on:click=move |_| editing.update(|e| *e = if *e == Some(id) { None } else { Some(id) })
                >
                    {tr("receivable.edit")}
                </button>
                <button
                    type="button"
                    class="small danger"
                    aria-label=tw("receivable.credit.delete_n", &[("date", &date)])
                    on:click=remove
                >
                    {tr("receivable.delete")}
                </button>
            </div>
            <Show when=move || editing.get() == Some(id)>
                <CreditForm account_id=account_id existing=Some(existing.clone()) editing=editing/>
            </Show>
        </li>
    }
}

/// The credit-check form: a new check, or the change of `existing`.
#[component]
fn CreditForm(
    account_id: Id,
    existing: Option<CreditCheck>,
    editing: RwSignal<Option<Id>>,
    /// The new check's form: closed once saved or cancelled.
    #[prop(optional)]
    adding: Option<RwSignal<bool>>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let edit_id = existing.as_ref().map(|c| c.id);
    let d = existing
        .as_ref()
        .map(CreditDraft::from_check)
        .unwrap_or_else(blank);
    let on = RwSignal::new(d.checked_on);
    let licence = RwSignal::new(d.licence_checked);
    let history = RwSignal::new(d.history);
    let outcome = RwSignal::new(d.outcome.code().to_string());
    let by = RwSignal::new(d.by);
    let notes = RwSignal::new(d.notes);
    let errors = FormErrors::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = CreditDraft {
            checked_on: on.get_untracked(),
            licence_checked: licence.get_untracked(),
            history: history.get_untracked(),
            outcome: CreditOutcome::from_code(&outcome.get_untracked())
                .unwrap_or(CreditOutcome::Sound),
            by: by.get_untracked(),
            notes: notes.get_untracked(),
        };
        let result = match edit_id {
            Some(id) => actions::edit_credit(data, id, &draft),
            None => actions::add_credit(data, account_id, &draft),
        };
        match result {
            Err(errs) => errors.show(&errs),
            Ok(None) => {}
            Ok(Some(save)) => {
                errors.clear();
                spawn_save(toasts, save, move |_| {
                    toasts.push(ToastKind::Success, tr("receivable.credit.saved"));
                    if edit_id.is_some() {
                        editing.set(None);
                    } else if let Some(adding) = adding {
                        adding.set(false);
                    }
                });
            }
        }
    };
    let prefix = edit_id
        .map(|i| format!("credit-{i}"))
        .unwrap_or_else(|| "credit-new".into());
    let fid = move |f: &str| format!("{prefix}-{f}");
    let options = Signal::derive(|| {
        CreditOutcome::ALL
            .iter()
            .map(|o| (o.code().to_string(), tr(o.key())))
            .collect::<Vec<_>>()
    });
    let heading = if edit_id.is_some() {
        "receivable.credit.edit_title"
    } else {
        "receivable.credit.form_title"
    };
    view! {
        <form class="form-grid subsection" aria-label=tr(heading) on:submit=on_submit novalidate>
            <h3>{tr(heading)}</h3>
            <div class="form-cols">
                <TextField id=fid("on") label=Signal::derive(tr_fn(label::CHECKED_ON)) value=on input_type="date" required=true error=errors.field("checked_on")/>
                <SelectField id=fid("outcome") label=Signal::derive(tr_fn(label::OUTCOME)) value=outcome options=options/>
            </div>
            <CheckboxField id=fid("licence") label=Signal::derive(tr_fn(label::LICENCE)) checked=licence/>
            <TextArea id=fid("history") label=Signal::derive(tr_fn(label::HISTORY)) value=history rows=2 error=errors.field("history")/>
            <div class="form-cols">
                <TextField id=fid("by") label=Signal::derive(tr_fn(label::BY)) value=by error=errors.field("by")/>
                <TextField id=fid("notes") label=Signal::derive(tr_fn(label::NOTES)) value=notes error=errors.field("notes")/>
            </div>
            <div class="actions">
                <button type="submit" class="primary">{tr("receivable.credit.save")}</button>
                {adding.map(|adding| view! {
                    <button type="button" on:click=move |_| adding.set(false)>{tr("form.cancel")}</button>
                })}
            </div>
        </form>
    }
}
