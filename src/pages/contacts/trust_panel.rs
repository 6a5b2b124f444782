//! On a person's page: relationship stage (marker question, history with evidence, change),
//! suggested activities, communication style, activity timeline with "Log activity", open
//! tasks with "Add follow-up task", and the link to the call plan.

use super::style_card::StyleCard;
use crate::domain::activity::{timeline_for_contact, ActivityKind};
use crate::domain::agenda::open_tasks_for_contact;
use crate::domain::contact::Contact;
use crate::domain::ids::Id;
use crate::domain::relationship::{stage_to_consider, suggested_activities, RelationshipStage};
use crate::domain::training::GuidePage;
use crate::state::actions::contacts;
use crate::state::data::{store_error_text, use_data, LoadStatus};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw, ToastKind};
use crate::ui::activity::{activity_title, Timeline};
use crate::ui::activity_form::ActivityForm;
use crate::ui::fmt;
use crate::ui::form::{SelectField, TextArea};
use crate::ui::link::href;
use crate::ui::tasks::{TaskForm, TaskRow};
use crate::ui::why::WhyLink;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn stage_code(s: RelationshipStage) -> &'static str {
    s.key().trim_start_matches("stage.")
}

fn stage_from_code(c: &str) -> Option<RelationshipStage> {
    RelationshipStage::ALL
        .iter()
        .copied()
        .find(|s| stage_code(*s) == c)
}

#[component]
pub fn ContactTrust(contact_id: Id) -> impl IntoView {
    let data = use_data();
    let contact = Memo::new(move |_| data.contacts.get(contact_id));
    // The person's activities, newest first.
    let timeline = Memo::new(move |_| {
        let ids = data.indexes.activities_of_person(contact_id);
        data.activities.with_many(&ids, |acts| {
            timeline_for_contact(acts, contact_id)
                .into_iter()
                .map(|a| a.id)
                .collect::<Vec<Id>>()
        })
    });
    let log_open = RwSignal::new(false);
    let preset_kind = RwSignal::new(None::<ActivityKind>);
    let task_open = RwSignal::new(false);
    let open_log = move |k: Option<ActivityKind>| {
        preset_kind.set(k);
        log_open.set(true);
    };

    view! {
        <Show
            when=move || contact.with(Option::is_some)
            fallback=move || {
                view! {
                    <Show when=move || data.status.get() == LoadStatus::Ready>
                        <p class="notice">{tr_fn("trust.ui.person_not_found")}</p>
                    </Show>
                }
            }
        >
            <section class="trust-panel" aria-labelledby="trust-panel-heading">
                <div class="trust-panel-head">
                    <h2 id="trust-panel-heading">{tr_fn("trust.ui.panel.title")}</h2>
                    <a class="button" href=href(&format!("/contacts/{contact_id}/call-plan"))>
                        {tr_fn("trust.ui.plan.open")}
                    </a>
                </div>
                <div class="trust-grid">
                    <RelationshipCard contact=contact timeline=timeline on_log=open_log/>
                    <StyleCard contact=contact/>
                </div>
                <section class="card trust-card" aria-labelledby="activities-heading">
                    <div class="card-head">
                        <h3 id="activities-heading">{tr_fn("trust.ui.activities.title")}</h3>
                        <Show when=move || !log_open.get()>
                            <button type="button" class="primary" on:click=move |_| open_log(None)>
                                {tr_fn("trust.ui.activity.log")}
                            </button>
                        </Show>
                    </div>
                    <Show when=move || log_open.get()>
                        <ActivityForm
                            prefix="contact-activity"
                            contacts=vec![contact_id]
                            account=contact.get_untracked().map(|c| c.account_id)
                            kind=Signal::derive(move || preset_kind.get())
                            on_close=move |_| log_open.set(false)
                        />
                    </Show>
                    <Timeline
                        items=Signal::derive(move || timeline.get())
                        owner=contact_id
                        empty=Signal::derive(tr_fn("trust.ui.activities.none"))
                    />
                </section>
                <section class="card trust-card" aria-labelledby="tasks-heading">
                    <div class="card-head">
                        <h3 id="tasks-heading">{tr_fn("trust.ui.tasks.title")}</h3>
                        <Show when=move || !task_open.get()>
                            <button type="button" on:click=move |_| task_open.set(true)>
                                {tr_fn("trust.ui.task.add")}
                            </button>
                        </Show>
                    </div>
                    <Show when=move || task_open.get()>
                        <TaskForm
                            contact_id=contact_id
                            account_id=contact.get_untracked().map(|c| c.account_id)
                            on_close=move |_| task_open.set(false)
                        />
                    </Show>
                    <OpenTasks contact_id=contact_id/>
                </section>
            </section>
        </Show>
    }
}

/// The person's open tasks, earliest due first.
#[component]
pub fn OpenTasks(contact_id: Id, #[prop(optional)] read_only: bool) -> impl IntoView {
    let data = use_data();
    let tasks = Memo::new(move |_| {
        let ids = data.indexes.tasks_of(contact_id);
        data.tasks.with_many(&ids, |ts| {
            open_tasks_for_contact(ts, contact_id)
                .into_iter()
                .map(|t| t.id)
                .collect::<Vec<Id>>()
        })
    });
    view! {
        <Show
            when=move || !tasks.with(Vec::is_empty)
            fallback=move || view! { <p class="hint">{tr_fn("trust.ui.tasks.none")}</p> }
        >
            <ul class="plain-list task-list">
                <For each=move || tasks.get() key=|id| *id let:tid>
                    {move || data.tasks.get(tid).map(|t| if read_only {
                        let due = t.clone();
                        view! {
                            <li class="task-row">
                                <span><strong>{t.title.clone()}</strong>" · "{move || crate::ui::activity::due_text(&due)}</span>
                            </li>
                        }
                        .into_any()
                    } else {
                        view! { <TaskRow task=t/> }.into_any()
                    })}
                </For>
            </ul>
        </Show>
    }
}

#[component]
fn RelationshipCard(
    contact: Memo<Option<Contact>>,
    /// The person's activities (ids), newest first.
    timeline: Memo<Vec<Id>>,
    #[prop(into)] on_log: Callback<Option<ActivityKind>>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let stage = Memo::new(move |_| {
        contact.with(|c| c.as_ref().map(|c| c.relationship.stage).unwrap_or_default())
    });
    let changing = RwSignal::new(false);
    let target = RwSignal::new(String::new());
    let evidence = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);

    // The latest activity with the person, when it belongs to a later stage than theirs
    // and happened after they reached their stage.
    let consider = Memo::new(move |_| {
        let c = contact.get()?;
        let last = data
            .activities
            .get(timeline.with(|t| t.first().copied())?)?;
        if c.relationship.since().is_some_and(|s| last.at < s) {
            return None;
        }
        stage_to_consider(c.relationship.stage, last.kind).map(|s| (s, last))
    });

    let open_change = move |to: Option<RelationshipStage>| {
        let to = to.or_else(|| stage.get_untracked().next());
        target.set(to.map(|s| stage_code(s).to_string()).unwrap_or_default());
        evidence.set(String::new());
        error.set(None);
        changing.set(true);
    };
    let target_stage = move || stage_from_code(&target.get());

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(c) = contact.get_untracked() else {
            return;
        };
        let Some(to) = stage_from_code(&target.get_untracked()) else {
            error.set(Some(tr("trust.ui.stage.choose")));
            return;
        };
        let name = c.name.clone();
        let save = match contacts::change_stage(data, c, to, &evidence.get_untracked()) {
            Ok(save) => save,
            Err(e) => {
                error.set(Some(tr(e.key())));
                return;
            }
        };
        error.set(None);
        saving.set(true);
        spawn_local(async move {
            match save.await {
                Ok(_) => {
                    toasts.push(
                        ToastKind::Success,
                        tw(
                            "trust.ui.stage.saved",
                            &[("name", &name), ("stage", &tr(to.key()))],
                        ),
                    );
                    changing.set(false);
                }
                Err(e) => toasts.push(ToastKind::Error, store_error_text(&e)),
            }
            saving.set(false);
        });
    };

    let stage_options = Signal::derive(move || {
        RelationshipStage::ALL
            .iter()
            .filter(|s| **s != stage.get())
            .map(|s| {
                (
                    stage_code(*s).to_string(),
                    tw(
                        "trust.ui.stage.numbered",
                        &[("number", &s.number().to_string()), ("stage", &tr(s.key()))],
                    ),
                )
            })
            .collect::<Vec<_>>()
    });

    let suggestion_list = move |kinds: Vec<ActivityKind>| {
        view! {
            <ul class="suggestions">
                {kinds
                    .into_iter()
                    .map(|k| {
                        view! {
                            <li>
                                <span>{tr_fn(k.key())}</span>
                                <button
                                    type="button"
                                    class="link-button no-print"
                                    aria-label=move || tw("trust.ui.suggest.log_label", &[("kind", &tr(k.key()))])
                                    on:click=move |_| on_log.run(Some(k))
                                >
                                    {tr_fn("trust.ui.suggest.log")}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    };

    view! {
        <section class="card trust-card" aria-labelledby="relationship-heading">
            <h3 id="relationship-heading">{tr_fn("trust.ui.stage.title")}</h3>
            <WhyLink page=GuidePage::RelationshipStages/>
            <ol class="stage-track" aria-label=tr_fn("trust.ui.stage.track")>
                {RelationshipStage::ALL
                    .iter()
                    .map(|s| {
                        let s = *s;
                        view! {
                            <li
                                class:done=move || s < stage.get()
                                class:current=move || s == stage.get()
                                aria-current=move || (s == stage.get()).then_some("step")
                            >
                                {tr_fn(s.key())}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <p class="stage-current">
                {move || {
                    let s = stage.get();
                    tw(
                        "trust.ui.stage.current",
                        &[("number", &s.number().to_string()), ("stage", &tr(s.key()))],
                    )
                }}
                {move || {
                    contact
                        .with(|c| c.as_ref().and_then(|c| c.relationship.since()))
                        .map(|at| format!(" · {}", tw("trust.ui.stage.since", &[("date", &fmt::datetime(at))])))
                }}
            </p>
            <dl class="facts marker">
                <dt>{tr_fn("trust.ui.stage.marker_current")}</dt>
                <dd>{move || tr(stage.get().marker_key())}</dd>
                {move || {
                    stage.get().next().map(|n| view! {
                        <dt>{tw("trust.ui.stage.marker_next", &[("stage", &tr(n.key()))])}</dt>
                        <dd>{tr(n.marker_key())}</dd>
                    })
                }}
            </dl>
            {move || {
                consider.get().map(|(to, a)| {
                    let name = contact.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
                    view! {
                        <div class="notice stage-consider" role="status">
                            <p>
                                {tw(
                                    "trust.ui.stage.consider",
                                    &[
                                        ("activity", &activity_title(&a)),
                                        ("date", &fmt::date(a.at.with_timezone(&chrono::Local).date_naive())),
                                        ("name", &name),
                                        ("stage", &tr(to.key())),
                                    ],
                                )}
                            </p>
                            <p><strong>{tr(to.marker_key())}</strong></p>
                            <button type="button" on:click=move |_| open_change(Some(to))>
                                {tw("trust.ui.stage.move_to", &[("stage", &tr(to.key()))])}
                            </button>
                        </div>
                    }
                })
            }}
            <Show when=move || !changing.get()>
                <div class="actions no-print">
                    <button type="button" on:click=move |_| open_change(None)>{tr_fn("trust.ui.stage.change")}</button>
                </div>
            </Show>
            <Show when=move || changing.get()>
                <form class="form-grid subsection" on:submit=on_submit novalidate>
                    <h4>{tr_fn("trust.ui.stage.change")}</h4>
                    <SelectField
                        id="stage-target"
                        label=Signal::derive(tr_fn("trust.ui.stage.new"))
                        value=target
                        options=stage_options
                        empty_label=Signal::derive(tr_fn("trust.ui.stage.choose"))
                        required=true
                    />
                    <TextArea
                        id="stage-evidence"
                        label=Signal::derive(tr_fn("trust.ui.stage.evidence"))
                        value=evidence
                        hint=Signal::derive(move || match target_stage() {
                            Some(s) if s > stage.get() => tw("trust.ui.stage.evidence_hint_up", &[("question", &tr(s.marker_key()))]),
                            Some(_) => tr("trust.ui.stage.evidence_hint_down"),
                            None => tr("trust.ui.stage.evidence_hint"),
                        })
                        error=Signal::derive(move || error.get())
                    />
                    <div class="actions">
                        <button type="submit" class="primary" disabled=move || saving.get()>{tr_fn("trust.ui.stage.save")}</button>
                        <button type="button" on:click=move |_| changing.set(false)>{tr_fn("trust.ui.cancel")}</button>
                    </div>
                </form>
            </Show>
            <section class="subsection" aria-labelledby="suggest-heading">
                <h4 id="suggest-heading">{tr_fn("trust.ui.suggest.title")}</h4>
                {move || {
                    let s = stage.get();
                    let (now, next) = suggested_activities(s);
                    view! {
                        <div class="suggest-columns">
                            <div>
                                <p class="suggest-label">{tw("trust.ui.suggest.hold", &[("stage", &tr(s.key()))])}</p>
                                {suggestion_list(now)}
                            </div>
                            {s.next().map(|n| view! {
                                <div>
                                    <p class="suggest-label">{tw("trust.ui.suggest.move_on", &[("stage", &tr(n.key()))])}</p>
                                    {suggestion_list(next)}
                                </div>
                            })}
                        </div>
                    }
                }}
            </section>
            <section class="subsection" aria-labelledby="history-heading">
                <h4 id="history-heading">{tr_fn("trust.ui.stage.history")}</h4>
                {move || {
                    let hist: Vec<_> = contact.with(|c| {
                        c.as_ref()
                            .map(|c| c.relationship.history_newest_first().cloned().collect())
                            .unwrap_or_default()
                    });
                    if hist.is_empty() {
                        view! { <p class="hint">{tr("trust.ui.stage.history_none")}</p> }.into_any()
                    } else {
                        view! {
                            <ol class="plain-list stage-history">
                                {hist
                                    .into_iter()
                                    .map(|h| view! {
                                        <li>
                                            <p>
                                                <time datetime=h.at.to_rfc3339()>{fmt::datetime(h.at)}</time>
                                                " · "
                                                <strong>{tw("trust.ui.stage.from_to", &[("from", &tr(h.from.key())), ("to", &tr(h.to.key()))])}</strong>
                                            </p>
                                            {(!h.evidence.is_empty()).then(|| view! {
                                                <p class="evidence">{tw("trust.ui.stage.evidence_was", &[("evidence", &h.evidence)])}</p>
                                            })}
                                        </li>
                                    })
                                    .collect_view()}
                            </ol>
                        }
                        .into_any()
                    }
                }}
            </section>
        </section>
    }
}
