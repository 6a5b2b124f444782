//! Planning → Agenda: open tasks overdue, due today, in the next 7 days, and later; each
//! can be completed, edited and rescheduled from the list and shows the person's style
//! hints. Below them, the tasks done in the last 30 days (or all), which can be reopened.

use crate::domain::agenda::{bucket, done_tasks, done_window_start, AgendaBucket};
use crate::domain::ids::Id;
use crate::state::data::{use_data, LoadStatus};
use crate::state::tr;
use crate::state::tr_fn;
use crate::ui::tasks::{DoneTaskRow, TaskRow};
use chrono::{Local, Utc};
use leptos::prelude::*;

#[component]
pub fn Agenda() -> impl IntoView {
    let data = use_data();
    // Re-read the clock every minute so tasks move from "today" to "overdue" on time.
    let tick = RwSignal::new(0u32);
    let handle = set_interval_with_handle(
        move || tick.update(|t| *t = t.wrapping_add(1)),
        std::time::Duration::from_secs(60),
    )
    .ok();
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
    });
    let buckets = Memo::new(move |_| {
        tick.track();
        data.tasks.with_all(|m| {
            let a = bucket(m.values(), Utc::now(), &Local);
            AgendaBucket::ALL
                .iter()
                .map(|b| (*b, a.get(*b).iter().map(|t| t.id).collect::<Vec<Id>>()))
                .collect::<Vec<_>>()
        })
    });
    let open_count = move || buckets.with(|b| b.iter().map(|(_, v)| v.len()).sum::<usize>());
    // The done list: the last 30 days, or every done task once "Show older" is pressed.
    let show_all_done = RwSignal::new(false);
    let done = Memo::new(move |_| {
        tick.track();
        let since = done_window_start(Utc::now(), 30);
        data.tasks.with_all(|m| {
            let all = done_tasks(m.values(), None);
            let recent = all.iter().filter(|t| t.done_at >= Some(since)).count();
            let shown = if show_all_done.get() {
                all.len()
            } else {
                recent
            };
            (
                all.into_iter()
                    .take(shown)
                    .map(|t| t.id)
                    .collect::<Vec<Id>>(),
                recent,
            )
        })
    });
    let done_items = Memo::new(move |_| done.with(|(v, _)| v.clone()));
    let older_count = move || {
        data.tasks
            .with_all(|m| m.values().filter(|t| t.is_done()).count())
            .saturating_sub(done.with(|(_, recent)| *recent))
    };

    view! {
        <section class="page agenda-page">
            <h1>{tr_fn("page.planning.title")}</h1>
            <div class="card agenda-intro">
                <h2>{tr_fn("trust.ui.agenda.title")}</h2>
                <p class="hint">
                    {move || crate::state::tc("trust.ui.agenda.summary", open_count(), &[])}
                </p>
            </div>
            <Show when=move || data.status.get() == LoadStatus::Ready>
            {AgendaBucket::ALL
                .iter()
                .map(|b| {
                    let b = *b;
                    let heading_id = format!("agenda-{}", b.key().rsplit('.').next().unwrap_or_default());
                    let heading_id2 = heading_id.clone();
                    let items = Memo::new(move |_| {
                        buckets.with(|all| {
                            all.iter()
                                .find(|(x, _)| *x == b)
                                .map(|(_, v)| v.clone())
                                .unwrap_or_default()
                        })
                    });
                    view! {
                        <section
                            class="card agenda-bucket"
                            class:overdue=move || b == AgendaBucket::Overdue && !items.with(Vec::is_empty)
                            aria-labelledby=heading_id2
                        >
                            <h2 id=heading_id>
                                {tr_fn(b.key())}
                                " "
                                <span class="badge count">{move || items.with(Vec::len)}</span>
                            </h2>
                            <Show
                                when=move || !items.with(Vec::is_empty)
                                fallback=move || view! {
                                    <p class="hint">{move || tr(match b {
                                        AgendaBucket::Overdue => "trust.ui.agenda.none_overdue",
                                        AgendaBucket::Today => "trust.ui.agenda.none_today",
                                        AgendaBucket::Next7Days => "trust.ui.agenda.none_next",
                                        AgendaBucket::Later => "trust.ui.agenda.none_later",
                                    })}</p>
                                }
                            >
                                <ul class="plain-list task-list">
                                    <For each=move || items.get() key=|id| *id let:id>
                                        {move || data.tasks.get(id).map(|t| view! {
                                            <TaskRow task=t show_who=true with_hints=true/>
                                        })}
                                    </For>
                                </ul>
                            </Show>
                        </section>
                    }
                })
                .collect_view()}
            <section class="card agenda-bucket agenda-done" aria-labelledby="agenda-done">
                <h2 id="agenda-done">
                    {tr_fn("tasks_more.done.title")}
                    " "
                    <span class="badge count">{move || done_items.with(Vec::len)}</span>
                </h2>
                <p class="hint">{move || if show_all_done.get() { tr("tasks_more.done.intro_all") } else { tr("tasks_more.done.intro") }}</p>
                <Show
                    when=move || !done_items.with(Vec::is_empty)
                    fallback=move || view! {
                        <p class="hint">{move || if show_all_done.get() { tr("tasks_more.done.none_all") } else { tr("tasks_more.done.none") }}</p>
                    }
                >
                    <ul class="plain-list task-list">
                        <For each=move || done_items.get() key=|id| *id let:id>
                            {move || data.tasks.get(id).map(|t| view! { <DoneTaskRow task=t/> })}
                        </For>
                    </ul>
                </Show>
                <Show when=move || { !show_all_done.get() && older_count() > 0 }>
                    <button type="button" on:click=move |_| show_all_done.set(true)>
                        {move || crate::state::tc("tasks_more.done.show_older", older_count(), &[])}
                    </button>
                </Show>
                <Show when=move || show_all_done.get()>
                    <button type="button" on:click=move |_| show_all_done.set(false)>
                        {tr_fn("tasks_more.done.show_recent")}
                    </button>
                </Show>
            </section>
            </Show>
        </section>
    }
}
