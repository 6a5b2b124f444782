//! Follow-up tasks: the "add follow-up task" form, a task row that can be completed (with
//! Undo), edited and rescheduled, and a done task's row that can be reopened.

use super::activity::{account_name, activity_title, contact_name, due_text};
use crate::domain::agenda::{RescheduleTarget, Task, TaskEdit};
use crate::domain::ids::Id;
use crate::state::actions::tasks::{self, NewTask};
use crate::state::data::{report_store_error, store_error_text, use_data, AppData};
use crate::state::toasts::{use_toasts, Toasts};
use crate::state::tr_fn;
use crate::state::{tr, tw, ToastKind};
use crate::store::StoreError;
use crate::ui::fmt;
use crate::ui::form::{
    field_error_text, ErrorSummary, FormErrors, SelectField, TextArea, TextField,
};
use crate::ui::link::href;
use crate::ui::style_hint::StyleHint;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

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
    let errors = FormErrors::new();
    let saving = RwSignal::new(false);

    let activity_options = Signal::derive(move || {
        let ids = data.indexes.activities_of_person(contact_id);
        data.activities.with_many(&ids, |acts| {
            crate::domain::activity::timeline_for_contact(acts, contact_id)
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
    let title_err = errors.field("title");
    let date_err = errors.field("date");
    let time_err = errors.field("time");

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let new = NewTask {
            title: title.get_untracked(),
            date: date.get_untracked(),
            time: time.get_untracked(),
            follows: follows.get_untracked().parse::<Id>().ok(),
        };
        let save = match tasks::add(data, contact_id, account_id, &new) {
            Ok(save) => save,
            Err(errs) => {
                errors.show(&errs);
                return;
            }
        };
        errors.show(&[]);
        saving.set(true);
        spawn_local(async move {
            match save.await {
                Ok(saved) => {
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
            <ErrorSummary errors=errors.summary()/>
            <TextField
                id="task-title"
                label=Signal::derive(tr_fn("trust.ui.task.title"))
                value=title
                required=true
                error=title_err
            />
            <div class="inline-fields">
                <TextField
                    id="task-date"
                    label=Signal::derive(tr_fn("trust.ui.task.due_date"))
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
                    label=Signal::derive(tr_fn("trust.ui.task.due_time"))
                    value=time
                    input_type="time"
                    error=time_err
                    hint=Signal::derive(tr_fn("trust.ui.task.due_time_hint"))
                />
            </div>
            <SelectField
                id="task-follows"
                label=Signal::derive(tr_fn("trust.ui.task.follows"))
                value=follows
                options=activity_options
                empty_label=Signal::derive(tr_fn("trust.ui.none"))
            />
            <div class="actions">
                <button type="submit" class="primary" disabled=move || saving.get()>{tr_fn("trust.ui.task.save")}</button>
                <button type="button" on:click=move |_| on_close.run(())>{tr_fn("trust.ui.cancel")}</button>
            </div>
        </form>
    }
}

/// Runs the save of one changed task; `then` gets the stored task, a store failure is
/// shown. `busy` is true while it runs.
fn write_task(
    toasts: Toasts,
    save: impl Future<Output = Result<Task, StoreError>> + 'static,
    busy: Option<RwSignal<bool>>,
    then: impl FnOnce(Task) + 'static,
) {
    if let Some(b) = busy {
        b.set(true);
    }
    spawn_local(async move {
        match save.await {
            Ok(saved) => then(saved),
            Err(e) => report_store_error(toasts, &e),
        }
        if let Some(b) = busy {
            let _ = b.try_set(false);
        }
    });
}

/// Opens a done task again and says so.
fn reopen_task(data: AppData, toasts: Toasts, task: Task, busy: Option<RwSignal<bool>>) {
    let Some(save) = tasks::reopen(data, &task) else {
        return;
    };
    write_task(toasts, save, busy, move |saved| {
        toasts.push(
            ToastKind::Success,
            tw("tasks_more.task.reopened", &[("title", &saved.title)]),
        );
    });
}

/// The person and account a task is for, as links.
fn who_links(data: AppData, task: &Task) -> impl IntoView {
    let (contact, account) = (task.contact_id, task.account_id);
    view! {
        {contact.map(|c| view! {
            " · "
            <a href=href(&format!("/contacts/{c}"))>{move || contact_name(&data, c)}</a>
        })}
        {account.map(|a| view! {
            " · "
            <a href=href(&format!("/accounts/{a}"))>{move || account_name(&data, a)}</a>
        })}
    }
}

/// One open task with "Mark done" (and Undo on its message), "Edit" and "Reschedule";
/// optionally the person and account it is for.
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
    let editing = RwSignal::new(false);
    let moving = RwSignal::new(false);
    let t2 = task.clone();
    let title = task.title.clone();
    let on_done = move |_| {
        if busy.get_untracked() {
            return;
        }
        let Some(save) = tasks::complete(data, &t2) else {
            return;
        };
        write_task(toasts, save, Some(busy), move |saved| {
            let title = saved.title.clone();
            toasts.push_with_action(
                ToastKind::Success,
                tw("trust.ui.task.done_toast", &[("title", &title)]),
                tr("tasks_more.task.undo"),
                move || reopen_task(data, toasts, saved.clone(), None),
            );
        });
    };
    let quick = {
        let task = task.clone();
        move |target: RescheduleTarget| {
            let task = task.clone();
            move |_| {
                if busy.get_untracked() {
                    return;
                }
                let Some(save) = tasks::reschedule_to(data, &task, target, fmt::today()) else {
                    moving.set(false);
                    return;
                };
                write_task(toasts, save, Some(busy), move |saved| {
                    toasts.push(
                        ToastKind::Success,
                        tw(
                            "tasks_more.task.rescheduled",
                            &[("due", &due_text(&saved)), ("title", &saved.title)],
                        ),
                    );
                });
            }
        }
    };
    let new_date = RwSignal::new(task.due_date.format("%Y-%m-%d").to_string());
    let move_error = RwSignal::new(None::<String>);
    let on_move = {
        let task = task.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() {
                return;
            }
            let save = match tasks::reschedule(data, &task, &new_date.get_untracked()) {
                Ok(save) => save,
                Err(e) => {
                    move_error.set(e.first().map(field_error_text));
                    return;
                }
            };
            move_error.set(None);
            let Some(save) = save else {
                moving.set(false);
                return;
            };
            write_task(toasts, save, Some(busy), move |saved| {
                toasts.push(
                    ToastKind::Success,
                    tw(
                        "tasks_more.task.rescheduled",
                        &[("due", &due_text(&saved)), ("title", &saved.title)],
                    ),
                );
            });
        }
    };
    let id = task.id;
    let contact = task.contact_id;
    let due = task.clone();
    let edit_task = task.clone();
    let label = move |key: &'static str| {
        let title = title.clone();
        move || tw(key, &[("title", &title)])
    };
    let tomorrow = quick(RescheduleTarget::Tomorrow);
    let next_week = quick(RescheduleTarget::NextWeek);
    view! {
        <li class="task-row">
            <div class="task-main">
                <p class="task-title"><strong>{task.title.clone()}</strong></p>
                <p class="task-meta">
                    {move || tw("trust.ui.task.due", &[("due", &due_text(&due))])}
                    {show_who.then(|| who_links(data, &task))}
                </p>
                {(!task.notes.is_empty()).then(|| view! { <p class="task-notes">{task.notes.clone()}</p> })}
                {move || {
                    with_hints
                        .then(|| contact.and_then(|c| data.contacts.get(c)))
                        .flatten()
                        .map(|p| view! { <StyleHint contact=p/> })
                }}
            </div>
            <div class="task-actions no-print">
                <button
                    type="button"
                    disabled=move || busy.get()
                    aria-label=label("trust.ui.task.complete_label")
                    on:click=on_done
                >
                    {tr_fn("trust.ui.task.complete")}
                </button>
                <button
                    type="button"
                    aria-expanded=move || editing.get().to_string()
                    aria-label=label("tasks_more.task.edit_label")
                    on:click=move |_| { editing.update(|e| *e = !*e); moving.set(false); }
                >
                    {tr_fn("tasks_more.task.edit")}
                </button>
                <button
                    type="button"
                    aria-expanded=move || moving.get().to_string()
                    aria-label=label("tasks_more.task.reschedule_label")
                    on:click=move |_| { moving.update(|m| *m = !*m); editing.set(false); }
                >
                    {tr_fn("tasks_more.task.reschedule")}
                </button>
            </div>
            <Show when=move || moving.get()>
                <form class="task-move subsection" on:submit=on_move.clone() novalidate>
                    <div class="actions">
                        <button type="button" disabled=move || busy.get() aria-label=label("tasks_more.task.tomorrow_label") on:click=tomorrow.clone()>
                            {tr_fn(RescheduleTarget::Tomorrow.key())}
                        </button>
                        <button type="button" disabled=move || busy.get() aria-label=label("tasks_more.task.next_week_label") on:click=next_week.clone()>
                            {tr_fn(RescheduleTarget::NextWeek.key())}
                        </button>
                    </div>
                    <div class="inline-fields">
                        <TextField
                            id=format!("task-move-{id}")
                            label=Signal::derive(tr_fn("tasks_more.task.new_date"))
                            value=new_date
                            input_type="date"
                            error=Signal::derive(move || move_error.get())
                        />
                    </div>
                    <div class="actions">
                        <button type="submit" disabled=move || busy.get() aria-label=label("tasks_more.task.move_label")>
                            {tr_fn("tasks_more.task.move")}
                        </button>
                    </div>
                </form>
            </Show>
            <Show when=move || editing.get()>
                <TaskEditForm task=edit_task.clone() on_close=move |_| editing.set(false)/>
            </Show>
        </li>
    }
}

/// Edits a task's title, due date and time, and notes.
#[component]
pub fn TaskEditForm(task: Task, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let start = TaskEdit::of(&task);
    let title = RwSignal::new(start.title);
    let date = RwSignal::new(start.date);
    let time = RwSignal::new(start.time);
    let notes = RwSignal::new(start.notes);
    let errors = FormErrors::new();
    let saving = RwSignal::new(false);
    let id = task.id;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let edit = TaskEdit {
            title: title.get_untracked(),
            date: date.get_untracked(),
            time: time.get_untracked(),
            notes: notes.get_untracked(),
        };
        let save = match tasks::edit(data, &task, &edit) {
            Ok(save) => save,
            Err(es) => {
                errors.show(&es);
                return;
            }
        };
        errors.clear();
        write_task(toasts, save, Some(saving), move |saved| {
            toasts.push(
                ToastKind::Success,
                tw("tasks_more.task.updated", &[("title", &saved.title)]),
            );
            on_close.run(());
        });
    };
    view! {
        <form class="form-grid subsection task-edit" on:submit=on_submit novalidate aria-label=tr_fn("tasks_more.task.edit_title")>
            <ErrorSummary errors=errors.summary()/>
            <TextField
                id=format!("task-edit-title-{id}")
                label=Signal::derive(tr_fn("trust.ui.task.title"))
                value=title
                required=true
                error=errors.field("title")
            />
            <div class="inline-fields">
                <TextField
                    id=format!("task-edit-date-{id}")
                    label=Signal::derive(tr_fn("trust.ui.task.due_date"))
                    value=date
                    input_type="date"
                    required=true
                    error=errors.field("date")
                />
                <TextField
                    id=format!("task-edit-time-{id}")
                    label=Signal::derive(tr_fn("trust.ui.task.due_time"))
                    value=time
                    input_type="time"
                    error=errors.field("time")
                    hint=Signal::derive(tr_fn("trust.ui.task.due_time_hint"))
                />
            </div>
            <TextArea
                id=format!("task-edit-notes-{id}")
                label=Signal::derive(tr_fn("tasks_more.task.notes"))
                value=notes
            />
            <div class="actions">
                <button type="submit" class="primary" disabled=move || saving.get()>{tr_fn("tasks_more.task.save_changes")}</button>
                <button type="button" on:click=move |_| on_close.run(())>{tr_fn("trust.ui.cancel")}</button>
            </div>
        </form>
    }
}

/// One done task with "Reopen".
#[component]
pub fn DoneTaskRow(task: Task) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let busy = RwSignal::new(false);
    let title = task.title.clone();
    let when = task.done_at.map(fmt::datetime).unwrap_or_default();
    let t2 = task.clone();
    view! {
        <li class="task-row done">
            <div class="task-main">
                <p class="task-title">{task.title.clone()}</p>
                <p class="task-meta">
                    {move || tw("tasks_more.done.on", &[("when", &when)])}
                    {who_links(data, &task)}
                </p>
            </div>
            <div class="task-actions no-print">
                <button
                    type="button"
                    disabled=move || busy.get()
                    aria-label=move || tw("tasks_more.task.reopen_label", &[("title", &title)])
                    on:click=move |_| {
                        if !busy.get_untracked() {
                            reopen_task(data, toasts, t2.clone(), Some(busy));
                        }
                    }
                >
                    {tr_fn("tasks_more.task.reopen")}
                </button>
            </div>
        </li>
    }
}
