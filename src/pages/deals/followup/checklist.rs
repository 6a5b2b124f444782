//! The contract checklist: agreed delivery dates, quantities, obligations on each side and
//! contact points, each with a due date, a done date and an owner. The helpers at the top
//! (the deal's follow-up, running a save) serve the milestones and the satisfaction checks
//! too.

use super::*;
use crate::domain::followup::checklist::{self as rules, ItemDraft, ItemState};
use crate::domain::followup::{ContractItem, ContractItemKind, FollowUp};
use crate::state::actions::followup::{self as act};
use crate::state::data::{spawn_save, use_data, AppData};
use crate::state::tc;
use crate::state::toasts::{use_toasts, ToastKind};
use crate::state::tr_fn;
use crate::ui::fmt;
use crate::ui::form::{select_options, ErrorSummary, FormErrors, SelectField, TextArea, TextField};

// -------------------------------------------------------------------------------------------
// Shared by the parts of the follow-up page
// -------------------------------------------------------------------------------------------

/// The deal's follow-up, tracked (`None` until the rep writes any of it).
pub(super) fn followup_of(data: AppData, deal_id: Id) -> Memo<Option<FollowUp>> {
    Memo::new(move |_| act::of_deal(data, deal_id))
}

/// A date as a form field holds it.
pub(super) fn ymd(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// An item's state in words (never by colour alone).
fn state_text(i: &ContractItem, today: chrono::NaiveDate) -> (String, &'static str) {
    let due = || i.due.map(fmt::date).unwrap_or_default();
    match rules::state(i, today) {
        ItemState::Done(d) => (
            tw("followup.checklist.state.done", &[("date", &fmt::date(d))]),
            "state-done",
        ),
        ItemState::Late { days } => (
            tc(
                "followup.checklist.state.late",
                days as usize,
                &[("date", &due())],
            ),
            "state-late",
        ),
        ItemState::Due { in_days: 0 } => (tr("followup.checklist.state.due_today"), "state-due"),
        ItemState::Due { in_days } => (
            tc(
                "followup.checklist.state.due",
                in_days as usize,
                &[("date", &due())],
            ),
            "state-due",
        ),
        ItemState::Later => (
            tw("followup.checklist.state.later", &[("date", &due())]),
            "",
        ),
        ItemState::Undated => (tr("followup.checklist.state.undated"), ""),
    }
}

// -------------------------------------------------------------------------------------------
// The section
// -------------------------------------------------------------------------------------------

#[component]
pub fn ChecklistSection(deal_id: Id, deal: DealSig) -> impl IntoView {
    let _ = deal;
    let data = use_data();
    let toasts = use_toasts();
    let f = followup_of(data, deal_id);
    let editing = RwSignal::new(None::<Id>);
    let marking = RwSignal::new(None::<Id>);
    let items =
        Memo::new(move |_| f.with(|f| f.as_ref().map(|f| f.checklist.clone()).unwrap_or_default()));
    let remove = move |i: ContractItem| {
        let Some((save, at, gone)) = act::remove_item(data, deal_id, i.id) else {
            return;
        };
        spawn_save(toasts, save, move |_| {
            toasts.push_with_action(
                ToastKind::Success,
                tw("followup.checklist.removed", &[("text", &gone.text)]),
                tr("followup.undo"),
                move || {
                    if let Some(save) = act::restore_item(data, deal_id, at, gone.clone()) {
                        spawn_save(toasts, save, |_| {});
                    }
                },
            );
        });
    };
    let undone = move |id: Id| {
        if let Ok(Some(save)) = act::mark_undone(data, deal_id, id) {
            spawn_save(toasts, save, |_| {});
        }
    };
    view! {
        <section class="card followup-checklist" aria-labelledby="checklist-heading">
            <h2 id="checklist-heading">{tr_fn("followup.checklist.title")}</h2>
            <p class="hint">{tr_fn("followup.checklist.intro")}</p>
            {move || {
                let list = items.get();
                if list.is_empty() {
                    return view! { <p class="hint">{tr("followup.checklist.none")}</p> }.into_any();
                }
                let today = fmt::today();
                view! {
                    <ul class="plain-list followup-items" aria-label=tr("followup.checklist.list")>
                        {list
                            .into_iter()
                            .map(|i| {
                                let id = i.id;
                                let (state, class) = state_text(&i, today);
                                let shown = i.clone();
                                let for_form = i.clone();
                                view! {
                                    <li class=format!("followup-item {class}")>
                                        <Show
                                            when=move || editing.get() == Some(id)
                                            fallback=move || {
                                                let i = shown.clone();
                                                let text = i.text.clone();
                                                let t2 = text.clone();
                                                let t3 = text.clone();
                                                let t4 = text.clone();
                                                let state = state.clone();
                                                let done = i.done_on.is_some();
                                                let for_remove = i.clone();
                                                view! {
                                                    <div class="item-main">
                                                        <span class="badge">{tr(i.kind.key())}</span>
                                                        <span class="item-text">{i.text.clone()}</span>
                                                    </div>
                                                    <p class=format!("item-state {class}")>{state}</p>
                                                    {(!i.owner.is_empty()).then(|| view! {
                                                        <p class="hint">{tw("followup.checklist.owner", &[("owner", &i.owner)])}</p>
                                                    })}
                                                    {(!i.note.is_empty()).then(|| view! {
                                                        <p class="hint pre-line">{i.note.clone()}</p>
                                                    })}
                                                    <div class="actions">
                                                        {if done {
                                                            view! {
                                                                <button
                                                                    type="button"
                                                                    class="small"
                                                                    aria-label=tw("followup.checklist.mark_undone_named", &[("text", &text)])
                                                                    on:click=move |_| undone(id)
                                                                >
                                                                    {tr("followup.checklist.mark_undone")}
                                                                </button>
                                                            }
                                                            .into_any()
                                                        } else {
                                                            view! {
                                                                <button
                                                                    type="button"
                                                                    class="small"
                                                                    aria-label=tw("followup.checklist.mark_done_named", &[("text", &text)])
                                                                    aria-expanded=move || (marking.get() == Some(id)).to_string()
                                                                    on:click=move |_| marking.set(Some(id))
                                                                >
                                                                    {tr("followup.checklist.mark_done")}
                                                                </button>
                                                            }
                                                            .into_any()
                                                        }}
                                                        <button
                                                            type="button"
                                                            class="small"
                                                            aria-label=tw("followup.checklist.edit_named", &[("text", &t2)])
                                                            on:click=move |_| editing.set(Some(id))
                                                        >
                                                            {tr("followup.edit")}
                                                        </button>
                                                        <button
                                                            type="button"
                                                            class="small"
                                                            aria-label=tw("followup.checklist.remove_named", &[("text", &t3)])
                                                            on:click=move |_| remove(for_remove.clone())
                                                        >
                                                            {tr("followup.remove")}
                                                        </button>
                                                    </div>
                                                    <Show when=move || marking.get() == Some(id)>
                                                        <DoneForm
                                                            deal_id=deal_id
                                                            item_id=id
                                                            text=t4.clone()
                                                            on_close=Callback::new(move |_| marking.set(None))
                                                        />
                                                    </Show>
                                                }
                                            }
                                        >
                                            <ItemForm
                                                deal_id=deal_id
                                                item=Some(for_form.clone())
                                                on_close=Callback::new(move |_| editing.set(None))
                                            />
                                        </Show>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <OnRequest label_key="followup.checklist.add_title">
                <ItemForm deal_id=deal_id item=None/>
            </OnRequest>
        </section>
    }
}

/// The small form that marks an item done on a day (today by default).
#[component]
fn DoneForm(deal_id: Id, item_id: Id, text: String, on_close: Callback<()>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let on = RwSignal::new(ymd(fmt::today()));
    let errors = FormErrors::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match act::mark_done(data, deal_id, item_id, &on.get_untracked()) {
            Err(errs) => errors.show(&errs),
            Ok(None) => {}
            Ok(Some(save)) => {
                errors.clear();
                spawn_save(toasts, save, move |_| on_close.run(()));
            }
        }
    };
    let label = tw("followup.checklist.done_form", &[("text", &text)]);
    view! {
        <form class="inline-form done-form" novalidate=true on:submit=on_submit aria-label=label>
            <TextField
                id=format!("item-done-{item_id}")
                label=Signal::derive(tr_fn("followup.field.checklist.done_on"))
                value=on
                input_type="date"
                required=true
                error=errors.field("done_on")
            />
            <div class="actions">
                <button type="submit" class="primary">{tr_fn("followup.checklist.save_done")}</button>
                <button type="button" on:click=move |_| on_close.run(())>{tr_fn("followup.cancel")}</button>
            </div>
        </form>
    }
}

/// Adds an item (`item` is `None`) or edits one in place.
#[component]
fn ItemForm(
    deal_id: Id,
    item: Option<ContractItem>,
    #[prop(optional)] on_close: Option<Callback<()>>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let editing = item.as_ref().map(|i| i.id);
    let draft = item.as_ref().map(ItemDraft::from_item).unwrap_or_default();
    let kind = RwSignal::new(draft.kind.code().to_string());
    let text = RwSignal::new(draft.text);
    let due = RwSignal::new(draft.due);
    let done_on = RwSignal::new(draft.done_on);
    let owner = RwSignal::new(draft.owner);
    let note = RwSignal::new(draft.note);
    let errors = FormErrors::new();
    let prefix = match editing {
        Some(id) => format!("item-{id}"),
        None => "item-new".to_string(),
    };
    let title = match &item {
        Some(i) => tw("followup.checklist.edit_title", &[("text", &i.text)]),
        None => tr("followup.checklist.add_title"),
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = ItemDraft {
            kind: ContractItemKind::from_code(&kind.get_untracked())
                .unwrap_or(ContractItemKind::Delivery),
            text: text.get_untracked(),
            due: due.get_untracked(),
            done_on: done_on.get_untracked(),
            owner: owner.get_untracked(),
            note: note.get_untracked(),
        };
        let result = match editing {
            Some(id) => act::update_item(data, deal_id, id, &d),
            None => act::add_item(data, deal_id, &d),
        };
        match result {
            Err(errs) => errors.show(&errs),
            Ok(None) => {}
            Ok(Some(save)) => {
                errors.clear();
                spawn_save(toasts, save, move |_| match on_close {
                    Some(close) => close.run(()),
                    None => {
                        toasts.push(ToastKind::Success, tr("followup.checklist.added"));
                        text.set(String::new());
                        due.set(String::new());
                        done_on.set(String::new());
                        note.set(String::new());
                    }
                });
            }
        }
    };
    let kinds = select_options(
        ContractItemKind::ALL,
        ContractItemKind::code,
        ContractItemKind::key,
    );
    let title_label = title.clone();
    view! {
        <form class="form-grid item-form" novalidate=true on:submit=on_submit aria-label=title_label>
            <h3>{title}</h3>
            <ErrorSummary errors=errors.summary()/>
            <div class="form-columns">
                <SelectField
                    id=format!("{prefix}-kind")
                    label=Signal::derive(tr_fn("followup.field.checklist.kind"))
                    value=kind
                    options=Signal::derive(kinds)
                />
                <TextField
                    id=format!("{prefix}-text")
                    label=Signal::derive(tr_fn("followup.field.checklist.text"))
                    value=text
                    required=true
                    error=errors.field("text")
                />
                <TextField
                    id=format!("{prefix}-due")
                    label=Signal::derive(tr_fn("followup.field.checklist.due"))
                    value=due
                    input_type="date"
                    error=errors.field("due")
                />
                <TextField
                    id=format!("{prefix}-owner")
                    label=Signal::derive(tr_fn("followup.field.checklist.owner"))
                    value=owner
                    error=errors.field("owner")
                />
                {editing.map(|_| view! {
                    <TextField
                        id=format!("{prefix}-done")
                        label=Signal::derive(tr_fn("followup.field.checklist.done_on"))
                        value=done_on
                        input_type="date"
                        error=errors.field("done_on")
                    />
                })}
            </div>
            <TextArea
                id=format!("{prefix}-note")
                label=Signal::derive(tr_fn("followup.field.checklist.note"))
                value=note
                hint=Signal::derive(tr_fn("followup.checklist.note_hint"))
                error=errors.field("note")
                rows=2
            />
            <div class="actions">
                <button type="submit" class="primary">
                    {move || tr(if editing.is_some() { "followup.checklist.save" } else { "followup.checklist.add" })}
                </button>
                {on_close.map(|close| view! {
                    <button type="button" on:click=move |_| close.run(())>{tr_fn("followup.cancel")}</button>
                })}
            </div>
        </form>
    }
}

/// This part's line in the deal page's step-6 section: "3 of 5 contract items done · 1 late".
#[component]
pub fn Summary(deal_id: Id) -> impl IntoView {
    let data = use_data();
    let line = move || {
        let today = fmt::today();
        let s = act::of_deal(data, deal_id)
            .map(|f| rules::summary(&f, today))
            .unwrap_or_default();
        if s.total == 0 {
            return (tr("followup.checklist.summary.none"), false);
        }
        let mut parts = vec![tc(
            "followup.checklist.summary.done",
            s.total,
            &[("done", &fmt::number(s.done as i64))],
        )];
        if s.late > 0 {
            parts.push(tc("followup.checklist.summary.late", s.late, &[]));
        }
        if s.due > 0 {
            parts.push(tc("followup.checklist.summary.due", s.due, &[]));
        }
        (parts.join(" · "), s.late > 0)
    };
    move || {
        let (text, late) = line();
        if late {
            view! {
                <p class="followup-summary notice notice-warning" role="status">
                    <strong>{tr("followup.checklist.title")} ": "</strong>
                    {text}
                </p>
            }
            .into_any()
        } else {
            view! {
                <p class="followup-summary">
                    <strong>{tr("followup.checklist.title")} ": "</strong>
                    {text}
                </p>
            }
            .into_any()
        }
    }
}
