//! Planning → Agenda: open tasks overdue, due today, in the next 7 days, and later; each
//! can be completed from the list and shows the person's style hints.

use super::tasks::TaskRow;
use crate::domain::agenda::{bucket, AgendaBucket, Task};
use crate::state::data::{use_data, LoadStatus};
use crate::state::tr;
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
        data.tasks.with(|m| {
            let a = bucket(m.values(), Utc::now(), &Local);
            AgendaBucket::ALL
                .iter()
                .map(|b| {
                    (
                        *b,
                        a.get(*b)
                            .iter()
                            .map(|t| (*t).clone())
                            .collect::<Vec<Task>>(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let open_count = move || buckets.with(|b| b.iter().map(|(_, v)| v.len()).sum::<usize>());

    view! {
        <section class="page agenda-page">
            <h1>{move || tr("page.planning.title")}</h1>
            <div class="card agenda-intro">
                <h2>{move || tr("trust.ui.agenda.title")}</h2>
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
                                {move || tr(b.key())}
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
                                    <For each=move || items.get() key=|t| (t.id, t.rev) let:t>
                                        <TaskRow task=t show_who=true with_hints=true/>
                                    </For>
                                </ul>
                            </Show>
                        </section>
                    }
                })
                .collect_view()}
            </Show>
        </section>
    }
}
