//! Follow-up tasks: the "add follow-up task" form and a task row that can be completed.

use super::common::{account_name, activity_title, contact_name, due_text, task_error_text};
use crate::app::href;
use crate::domain::agenda::{complete, follow_up_from, parse_due, Task, TaskError};
use crate::domain::ids::Id;
use crate::state::data::{store_error_text, use_data, Changes};
use crate::state::toasts::use_toasts;
use crate::state::{tr, tw, ToastKind};
use crate::ui::fmt;
use crate::ui::form::{ErrorSummary, SelectField, TextField};
use crate::ui::style_hint::StyleHint;
use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Adds a follow-up task for a person (and their account), optionally following up one of
/// the person's activities.
#[component]
pub fn TaskForm(
    contact_id: Id,
    account_id: Option<Id>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let title = RwSignal::new(String::new());
    let date = RwSignal::new(fmt::today().format("%Y-%m-%d").to_string());
    let time = RwSignal::new(String::new());
    let follows = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<TaskError>::new());
    let saving = RwSignal::new(false);

    let activity_options = Signal::derive(move || {
        data.activities.with(|m| {
            crate::domain::activity::timeline_for_contact(m.values(), contact_id)
                .into_iter()
                .take(10)
                .map(|a| {
                    (
                        a.id.to_string(),
                        format!("{} · {}", activity_title(a), fmt::datetime(a.at)),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let err_for = move |pred: fn(&TaskError) -> bool| {
        Signal::derive(move || errors.with(|es| es.iter().find(|e| pred(e)).map(task_error_text)))
    };
    let title_err = err_for(|e| matches!(e, TaskError::TitleMissing | TaskError::TitleTooLong));
    let date_err = err_for(|e| matches!(e, TaskError::DateMissing | TaskError::DateInvalid(_)));
    let time_err = err_for(|e| matches!(e, TaskError::TimeInvalid(_)));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let t = title.get_untracked();
        let mut errs = Vec::new();
        if t.trim().is_empty() {
            errs.push(TaskError::TitleMissing);
        }
        if let Err(e) = crate::domain::agenda::check_title(&t) {
            errs.push(e);
        }
        let due = match parse_due(&date.get_untracked(), &time.get_untracked()) {
            Ok(d) => Some(d),
            Err(e) => {
                errs.extend(e);
                None
            }
        };
        errors.set(errs.clone());
        let (Some(due), true) = (due, errs.is_empty()) else {
            return;
        };
        let now = Utc::now();
        let activity = follows
            .get_untracked()
            .parse::<Id>()
            .ok()
            .and_then(|id| data.activities.with_untracked(|m| m.get(&id).cloned()));
        let made = match activity {
            Some(a) => follow_up_from(&a, &t, due, now).map(|mut task| {
                // The task belongs to this person even if they were not first on the activity.
                task.contact_id = Some(contact_id);
                task
            }),
            None => Task::new(&t, due, now).map(|mut task| {
                task.contact_id = Some(contact_id);
                task.account_id = account_id;
                task
            }),
        };
        let task = match made {
            Ok(task) => task,
            Err(e) => {
                errors.set(vec![e]);
                return;
            }
        };
        saving.set(true);
        spawn_local(async move {
            let mut ch = Changes::new();
            let saved = ch.put(&data, task);
            match ch.commit(data).await {
                Ok(()) => {
                    toasts.push(
                        ToastKind::Success,
                        tw("trust.ui.task.saved", &[("title", &saved.title)]),
                    );
                    on_close.run(());
                }
                Err(e) => toasts.push(ToastKind::Error, store_error_text(&e)),
            }
            saving.set(false);
        });
    };

    view! {
        <form class="form-grid subsection" on:submit=on_submit novalidate>
            <ErrorSummary errors=Signal::derive(move || errors.with(|es| es.iter().map(task_error_text).collect::<Vec<_>>()))/>
            <TextField
                id="task-title"
                label=Signal::derive(move || tr("trust.ui.task.title"))
                value=title
                required=true
                error=title_err
            />
            <div class="inline-fields">
                <TextField
                    id="task-date"
                    label=Signal::derive(move || tr("trust.ui.task.due_date"))
                    value=date
                    input_type="date"
                    required=true
                    error=date_err
                    warning=crate::ui::form::date_warning(
                        date.into(),
                        crate::domain::rules::DateWindow::NearToday,
                    )
                />
                <TextField
                    id="task-time"
                    label=Signal::derive(move || tr("trust.ui.task.due_time"))
                    value=time
                    input_type="time"
                    error=time_err
                    hint=Signal::derive(move || tr("trust.ui.task.due_time_hint"))
                />
            </div>
            <SelectField
                id="task-follows"
                label=Signal::derive(move || tr("trust.ui.task.follows"))
                value=follows
                options=activity_options
                empty_label=Signal::derive(move || tr("trust.ui.none"))
            />
            <div class="actions">
                <button type="submit" class="primary" disabled=move || saving.get()>{move || tr("trust.ui.task.save")}</button>
                <button type="button" on:click=move |_| on_close.run(())>{move || tr("trust.ui.cancel")}</button>
            </div>
        </form>
    }
}

/// One open task with a "Mark done" button; optionally the person and account it is for.
#[component]
pub fn TaskRow(
    task: Task,
    #[prop(optional)] show_who: bool,
    /// Show the person's style hints under the task (the Agenda).
    #[prop(optional)]
    with_hints: bool,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let busy = RwSignal::new(false);
    let t2 = task.clone();
    let title = task.title.clone();
    let title2 = task.title.clone();
    let on_done = move |_| {
        if busy.get_untracked() {
            return;
        }
        let mut t = t2.clone();
        if !complete(&mut t, Utc::now()) {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let mut ch = Changes::new();
            let saved = ch.put(&data, t);
            match ch.commit(data).await {
                Ok(()) => toasts.push(
                    ToastKind::Success,
                    tw("trust.ui.task.done_toast", &[("title", &saved.title)]),
                ),
                Err(e) => toasts.push(ToastKind::Error, store_error_text(&e)),
            }
            busy.set(false);
        });
    };
    let contact = task.contact_id;
    let account = task.account_id;
    let due = task.clone();
    view! {
        <li class="task-row">
            <div class="task-main">
                <p class="task-title"><strong>{title}</strong></p>
                <p class="task-meta">
                    {move || tw("trust.ui.task.due", &[("due", &due_text(&due))])}
                    {show_who.then(|| view! {
                        {contact.map(|c| view! {
                            " · "
                            <a href=href(&format!("/contacts/{c}"))>{move || contact_name(&data, c)}</a>
                        })}
                        {account.map(|a| view! {
                            " · "
                            <a href=href(&format!("/accounts/{a}"))>{move || account_name(&data, a)}</a>
                        })}
                    })}
                </p>
                {move || {
                    with_hints
                        .then(|| contact.and_then(|c| data.contacts.with(|m| m.get(&c).cloned())))
                        .flatten()
                        .map(|p| view! { <StyleHint contact=p/> })
                }}
            </div>
            <button
                type="button"
                class="no-print"
                disabled=move || busy.get()
                aria-label=move || tw("trust.ui.task.complete_label", &[("title", &title2)])
                on:click=on_done
            >
                {move || tr("trust.ui.task.complete")}
            </button>
        </li>
    }
}
