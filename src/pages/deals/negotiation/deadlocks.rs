//! Deadlocks: what each side said, how it was broken, the method's guidance (shown in the
//! form and while a deadlock is open).

use super::ledger::{issue_name_of, issue_options, run_save, today_input};
use super::*;
use crate::domain::negotiation::ledger::{
    deadlock_label as label, is_open, BreakDraft, DeadlockDraft, GUIDANCE,
};
use crate::domain::negotiation::{Deadlock, Negotiation};
use crate::state::actions::negotiation::{self as actions, ledger as ledger_actions};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::ToastKind;
use crate::ui::fmt;
use crate::ui::form::{field_error_text, FormErrors, SelectField, TextArea, TextField};

/// The method's guidance for a deadlock.
#[component]
fn Guidance(#[prop(into)] heading: String) -> impl IntoView {
    let label = heading.clone();
    view! {
        <aside class="notice guidance" aria-label=label>
            <p><strong>{heading}</strong></p>
            <ul>{GUIDANCE.iter().map(|k| view! { <li>{tr(k)}</li> }).collect_view()}</ul>
        </aside>
    }
}

#[component]
pub(super) fn DeadlocksSection(deal_id: Id) -> impl IntoView {
    let data = use_data();
    let n = Memo::new(move |_| actions::of_deal(data, deal_id));
    let list = move || n.with(|n| n.as_ref().map(|n| n.deadlocks.clone()).unwrap_or_default());
    let any_open = move || n.with(|n| n.as_ref().is_some_and(|n| n.deadlocks.iter().any(is_open)));
    view! {
        <section class="card deadlocks" aria-labelledby="deadlocks-heading">
            <h2 id="deadlocks-heading">{tr_fn("negotiation.deadlocks.title")}</h2>
            <p class="hint">{tr_fn("negotiation_ledger.deadlock.intro")}</p>
            <Show when=any_open>
                <Guidance heading=tr("negotiation_ledger.guidance.open_title")/>
            </Show>
            {move || {
                let all = list();
                if all.is_empty() {
                    return view! { <p class="hint">{tr("negotiation_ledger.deadlock.none")}</p> }.into_any();
                }
                view! {
                    <ol class="plain-list deadlock-list">
                        {all
                            .into_iter()
                            .enumerate()
                            .map(|(i, d)| view! { <DeadlockItem deal_id=deal_id n=n d=d number=i + 1/> })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }}
            <DeadlockForm deal_id=deal_id n=n/>
        </section>
    }
}

/// One deadlock: what was said, its state, and the ways to break, reopen or delete it.
#[component]
fn DeadlockItem(
    deal_id: Id,
    n: Memo<Option<Negotiation>>,
    d: Deadlock,
    number: usize,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let id = d.id;
    let num = number.to_string();
    let breaking = RwSignal::new(false);
    let resolution = RwSignal::new(String::new());
    let broken_on = RwSignal::new(today_input());
    let errors = FormErrors::new();
    let issue = d
        .issue_id
        .map(|i| n.with_untracked(|n| n.as_ref().map(|n| issue_name_of(n, i)).unwrap_or_default()));
    let title = match &issue {
        Some(name) => tw(
            "negotiation_ledger.deadlock.item_on_issue",
            &[("n", &num), ("date", &fmt::date(d.on)), ("issue", name)],
        ),
        None => tw(
            "negotiation_ledger.deadlock.item",
            &[("n", &num), ("date", &fmt::date(d.on))],
        ),
    };
    let heading_id = format!("deadlock-{id}");
    let open = is_open(&d);
    let on_break = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = BreakDraft {
            resolution: resolution.get_untracked(),
            broken_on: broken_on.get_untracked(),
        };
        match ledger_actions::break_deadlock(data, deal_id, id, &draft) {
            Err(errs) => errors.show(&errs),
            Ok(None) => {}
            Ok(Some(save)) => {
                errors.clear();
                run_save(toasts, save, move || {
                    toasts.push(
                        ToastKind::Success,
                        tr("negotiation_ledger.deadlock.broken_saved"),
                    );
                });
            }
        }
    };
    let reopen = move |_| match ledger_actions::reopen_deadlock(data, deal_id, id) {
        Ok(Some(save)) => run_save(toasts, save, || {}),
        Ok(None) => {}
        Err(e) => toasts.push(
            ToastKind::Error,
            e.first().map(field_error_text).unwrap_or_default(),
        ),
    };
    let remove = {
        let num = num.clone();
        move |_| match ledger_actions::remove_deadlock(data, deal_id, id) {
            Ok(Some((save, at, gone))) => {
                let num = num.clone();
                run_save(toasts, save, move || {
                    toasts.push_with_action(
                        ToastKind::Success,
                        tw("negotiation_ledger.deadlock.deleted", &[("n", &num)]),
                        tr("negotiation_ledger.undo"),
                        move || {
                            if let Ok(Some(save)) =
                                ledger_actions::restore_deadlock(data, deal_id, at, gone.clone())
                            {
                                run_save(toasts, save, || {});
                            }
                        },
                    );
                });
            }
            Ok(None) => {}
            Err(e) => toasts.push(
                ToastKind::Error,
                e.first().map(field_error_text).unwrap_or_default(),
            ),
        }
    };
    let fid = move |f: &str| format!("deadlock-{number}-{f}");
    view! {
        <li class="deadlock">
            <h3 id=heading_id>{title}</h3>
            <dl class="facts">
                {(!d.ours.is_empty()).then(|| view! { <dt>{tr(label::OURS)}</dt><dd>{d.ours.clone()}</dd> })}
                {(!d.theirs.is_empty()).then(|| view! { <dt>{tr(label::THEIRS)}</dt><dd>{d.theirs.clone()}</dd> })}
                <dt>{tr("negotiation_ledger.deadlock.state")}</dt>
                <dd>
                    {match d.broken_on {
                        Some(on) => view! {
                            <span class="badge">{tw("negotiation_ledger.deadlock.broken_on", &[("date", &fmt::date(on))])}</span>
                            " " {d.resolution.clone()}
                        }.into_any(),
                        None => view! { <span class="badge warning">{tr("negotiation_ledger.deadlock.open")}</span> }.into_any(),
                    }}
                </dd>
            </dl>
            <div class="actions">
                {open.then(|| view! {
                    <button
                        type="button"
                        class="small"
                        aria-expanded=move || breaking.get().to_string()
                        aria-label=tw("negotiation_ledger.deadlock.break_n", &[("n", &num)])
                        on:click=move |_| breaking.update(|b| *b = !*b)
                    >
                        {tr("negotiation_ledger.deadlock.break")}
                    </button>
                })}
                {(!open).then(|| view! {
                    <button
                        type="button"
                        class="small"
                        aria-label=tw("negotiation_ledger.deadlock.reopen_n", &[("n", &num)])
                        on:click=reopen
                    >
                        {tr("negotiation_ledger.deadlock.reopen")}
                    </button>
                })}
                <button
                    type="button"
                    class="small danger"
                    aria-label=tw("negotiation_ledger.deadlock.delete_n", &[("n", &number.to_string())])
                    on:click=remove
                >
                    {tr("negotiation_ledger.delete")}
                </button>
            </div>
            <Show when=move || open && breaking.get()>
                <form class="form-grid subsection" on:submit=on_break novalidate>
                    <div class="form-cols">
                        <TextArea
                            id=fid("resolution")
                            label=Signal::derive(tr_fn(label::RESOLUTION))
                            value=resolution
                            rows=2
                            error=errors.field("resolution")
                        />
                        <TextField
                            id=fid("broken-on")
                            label=Signal::derive(tr_fn(label::BROKEN_ON))
                            value=broken_on
                            input_type="date"
                            error=errors.field("broken_on")
                        />
                    </div>
                    <div class="actions">
                        <button type="submit" class="primary">{tr("negotiation_ledger.deadlock.save_break")}</button>
                    </div>
                </form>
            </Show>
        </li>
    }
}

/// The form logging a deadlock, with the method's guidance beside it.
#[component]
fn DeadlockForm(deal_id: Id, n: Memo<Option<Negotiation>>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let on = RwSignal::new(today_input());
    let issue = RwSignal::new(String::new());
    let ours = RwSignal::new(String::new());
    let theirs = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = DeadlockDraft {
            on: on.get_untracked(),
            issue_id: issue.get_untracked().parse().ok(),
            ours: ours.get_untracked(),
            theirs: theirs.get_untracked(),
        };
        match ledger_actions::add_deadlock(data, deal_id, &draft) {
            Err(errs) => errors.show(&errs),
            Ok(None) => {}
            Ok(Some(save)) => {
                errors.clear();
                run_save(toasts, save, move || {
                    on.set(today_input());
                    issue.set(String::new());
                    ours.set(String::new());
                    theirs.set(String::new());
                    toasts.push(ToastKind::Success, tr("negotiation_ledger.deadlock.saved"));
                });
            }
        }
    };
    view! {
        <form class="form-grid subsection" on:submit=on_submit aria-labelledby="deadlock-form-heading" novalidate>
            <h3 id="deadlock-form-heading">{tr_fn("negotiation_ledger.deadlock.form_title")}</h3>
            <Guidance heading=tr("negotiation_ledger.guidance.title")/>
            <div class="form-cols">
                <TextField id="deadlock-on" label=Signal::derive(tr_fn(label::ON)) value=on input_type="date" required=true error=errors.field("dl_on")/>
                <SelectField
                    id="deadlock-issue"
                    label=Signal::derive(tr_fn(label::ISSUE))
                    value=issue
                    options=issue_options(n)
                    empty_label=Signal::derive(tr_fn("negotiation_ledger.deadlock.no_issue"))
                    error=errors.field("dl_issue")
                />
            </div>
            <div class="form-cols">
                <TextArea id="deadlock-ours" label=Signal::derive(tr_fn(label::OURS)) value=ours rows=2 error=errors.field("ours")/>
                <TextArea id="deadlock-theirs" label=Signal::derive(tr_fn(label::THEIRS)) value=theirs rows=2 error=errors.field("theirs")/>
            </div>
            <div class="actions">
                <button type="submit" class="primary">{tr_fn("negotiation_ledger.deadlock.save")}</button>
            </div>
        </form>
    }
}
