//! The one-page call plan of a person: who they are, role and level, stage, personal
//! facts, the needs of their open deals, style hints, open tasks and the last three
//! activities. Prints without the app's chrome.

use super::trust_panel::OpenTasks;
use crate::domain::activity::{timeline_for_contact, Activity};
use crate::domain::contact::personal_facts;
use crate::domain::ids::Id;
use crate::domain::needs::open_deal_needs;
use crate::domain::relationship::suggested_activities;
use crate::state::data::{use_data, LoadStatus};
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::activity::activity_title;
use crate::ui::fmt;
use crate::ui::link::href;
use crate::ui::style_hint::StyleHint;
use leptos::prelude::*;

/// The printable one-page call plan of a person (route `/contacts/:id/call-plan`).
#[component]
pub fn CallPlanPage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    move || {
        let id = params
            .with(|p| p.get("id"))
            .and_then(|s| s.parse::<Id>().ok());
        view! { <CallPlan contact_id=id/> }
    }
}

#[component]
fn CallPlan(contact_id: Option<Id>) -> impl IntoView {
    let data = use_data();
    let contact = Memo::new(move |_| contact_id.and_then(|id| data.contacts.get(id)));
    let last3 = Memo::new(move |_| match contact_id {
        Some(id) => {
            let ids = data.indexes.activities_of_person(id);
            data.activities.with_many(&ids, |acts| {
                timeline_for_contact(acts, id)
                    .into_iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<Activity>>()
            })
        }
        None => Vec::new(),
    });
    let print = move |_| {
        let _ = window().print();
    };

    view! {
        <Show
            when=move || contact.with(Option::is_some)
            fallback=move || view! {
                <section class="page">
                    <h1>{tr_fn("trust.ui.plan.heading")}</h1>
                    <Show when=move || data.status.get() == LoadStatus::Ready>
                        <p class="notice">{tr_fn("trust.ui.person_not_found")}</p>
                    </Show>
                </section>
            }
        >
            {move || {
                let c = contact.get().expect("shown only with a person");
                let id = c.id;
                let account = data.accounts.with(c.account_id, |a| a.name.clone());
                let stage = c.relationship.stage;
                let (_, next_kinds) = suggested_activities(stage);
                let roles = c.roles.iter().map(|r| tr(r.key())).collect::<Vec<_>>().join(", ");
                let facts = personal_facts(&c);
                let deal_needs: Vec<(String, Vec<(&'static str, String)>)> = data.deals.with_all(|m| {
                    open_deal_needs(m.values(), id)
                        .into_iter()
                        .map(|d| {
                            let layers = d
                                .layers
                                .into_iter()
                                .map(|(layer, needs)| {
                                    let items = needs
                                        .iter()
                                        .map(|n| {
                                            if n.measure.is_empty() {
                                                n.text.clone()
                                            } else {
                                                format!("{} ({})", n.text, n.measure)
                                            }
                                        })
                                        .collect::<Vec<_>>()
                                        .join("; ");
                                    (layer.key(), items)
                                })
                                .collect();
                            (d.title.to_string(), layers)
                        })
                        .collect()
                });
                let contacts_line = c
                    .phones
                    .iter()
                    .chain(c.emails.iter())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" · ");
                view! {
                    <article class="page call-plan">
                        <div class="actions no-print">
                            <a class="button" href=href(&format!("/contacts/{id}"))>{tr("trust.ui.plan.back")}</a>
                            <button type="button" class="primary" on:click=print>{tr("trust.ui.plan.print")}</button>
                        </div>
                        <header class="plan-head">
                            <h1>{tw("trust.ui.plan.title", &[("name", &c.name)])}</h1>
                            <p class="hint">{tw("trust.ui.plan.prepared", &[("date", &fmt::date(fmt::today()))])}</p>
                        </header>
                        <div class="plan-grid">
                            <section class="plan-section" aria-labelledby="plan-who">
                                <h2 id="plan-who">{tr("trust.ui.plan.who")}</h2>
                                <dl class="facts">
                                    <dt>{tr("trust.ui.plan.name")}</dt>
                                    <dd>{c.name.clone()}</dd>
                                    {(!c.title.is_empty()).then(|| view! {
                                        <dt>{tr("trust.ui.plan.job_title")}</dt>
                                        <dd>{c.title.clone()}</dd>
                                    })}
                                    <dt>{tr("trust.ui.plan.account")}</dt>
                                    <dd>{account.unwrap_or_else(|| tr("trust.ui.unknown_account"))}</dd>
                                    <dt>{tr("trust.ui.plan.level")}</dt>
                                    <dd>{c.level.map(|l| tr(l.key())).unwrap_or_else(|| tr("trust.ui.not_known"))}</dd>
                                    <dt>{tr("trust.ui.plan.function")}</dt>
                                    <dd>{c.function.map(|f| tr(f.key())).unwrap_or_else(|| tr("trust.ui.not_known"))}</dd>
                                    <dt>{tr("trust.ui.plan.roles")}</dt>
                                    <dd>{if roles.is_empty() { tr("trust.ui.not_known") } else { roles }}</dd>
                                    <dt>{tr("trust.ui.plan.guide")}</dt>
                                    <dd>{if c.is_guide { tr("trust.ui.yes") } else { tr("trust.ui.no") }}</dd>
                                    {(!contacts_line.is_empty()).then(|| view! {
                                        <dt>{tr("trust.ui.plan.reach")}</dt>
                                        <dd>{contacts_line}</dd>
                                    })}
                                </dl>
                            </section>
                            <section class="plan-section" aria-labelledby="plan-stage">
                                <h2 id="plan-stage">{tr("trust.ui.stage.title")}</h2>
                                <p>
                                    <strong>{tw("trust.ui.stage.current", &[("number", &stage.number().to_string()), ("stage", &tr(stage.key()))])}</strong>
                                    {c.relationship.since().map(|at| format!(" · {}", tw("trust.ui.stage.since", &[("date", &fmt::date(at.with_timezone(&chrono::Local).date_naive()))])))}
                                </p>
                                {stage.next().map(|n| view! {
                                    <p>{tw("trust.ui.plan.aim", &[("stage", &tr(n.key())), ("question", &tr(n.marker_key()))])}</p>
                                    <p class="hint">
                                        {tr("trust.ui.plan.try")}
                                        " "
                                        {next_kinds.iter().map(|k| tr(k.key())).collect::<Vec<_>>().join(", ")}
                                    </p>
                                })}
                            </section>
                        </div>
                        <div class="plan-grid">
                            <section class="plan-section" aria-labelledby="plan-facts">
                                <h2 id="plan-facts">{tr("hints.plan.facts")}</h2>
                                {if facts.is_empty() {
                                    view! { <p class="hint">{tr("hints.plan.no_facts")}</p> }.into_any()
                                } else {
                                    view! {
                                        <dl class="facts">
                                            {facts.into_iter().map(|f| view! {
                                                <dt>{tr(f.label_key)}</dt>
                                                <dd>{f.value}</dd>
                                            }).collect_view()}
                                        </dl>
                                    }.into_any()
                                }}
                            </section>
                            <section class="plan-section" aria-labelledby="plan-needs">
                                <h2 id="plan-needs">{tr("hints.plan.needs")}</h2>
                                {if deal_needs.is_empty() {
                                    view! { <p class="hint">{tr("hints.plan.no_deal")}</p> }.into_any()
                                } else {
                                    deal_needs.into_iter().map(|(title, layers)| view! {
                                        <h3 class="plan-deal">{title}</h3>
                                        {if layers.is_empty() {
                                            view! { <p class="hint">{tr("hints.plan.no_needs")}</p> }.into_any()
                                        } else {
                                            view! {
                                                <dl class="facts">
                                                    {layers.into_iter().map(|(layer, items)| view! {
                                                        <dt>{tr(layer)}</dt>
                                                        <dd>{items}</dd>
                                                    }).collect_view()}
                                                </dl>
                                            }.into_any()
                                        }}
                                    }).collect_view().into_any()
                                }}
                            </section>
                        </div>
                        <section class="plan-section" aria-labelledby="plan-style">
                            <h2 id="plan-style">{tr("trust.ui.style.title")}</h2>
                            <StyleHint contact=c.clone() open=true level=3/>
                        </section>
                        <div class="plan-grid">
                            <section class="plan-section" aria-labelledby="plan-tasks">
                                <h2 id="plan-tasks">{tr("trust.ui.tasks.title")}</h2>
                                <OpenTasks contact_id=id read_only=true/>
                            </section>
                            <section class="plan-section" aria-labelledby="plan-last">
                                <h2 id="plan-last">{tr("trust.ui.plan.last_three")}</h2>
                                {move || {
                                    let items = last3.get();
                                    if items.is_empty() {
                                        view! { <p class="hint">{tr("trust.ui.activities.none")}</p> }.into_any()
                                    } else {
                                        view! {
                                            <ol class="plain-list">
                                                {items.into_iter().map(|a| view! {
                                                    <li>
                                                        <strong>{activity_title(&a)}</strong>
                                                        " · "
                                                        {fmt::datetime(a.at)}
                                                        {(!a.notes.is_empty()).then(|| view! { <br/><span>{a.notes.clone()}</span> })}
                                                        {(!a.outcome.is_empty()).then(|| view! { <br/><span>{tr("trust.ui.activity.outcome")}": "{a.outcome.clone()}</span> })}
                                                        {crate::domain::activity::gift_flag(&a, crate::ui::activity::gift_limit().as_ref()).map(|f| view! {
                                                            <br/><span class="badge warning">{crate::state::tw(f.key(), &[("limit", &fmt::money(f.limit()))])}</span>
                                                        })}
                                                    </li>
                                                }).collect_view()}
                                            </ol>
                                        }.into_any()
                                    }
                                }}
                            </section>
                        </div>
                        <section class="plan-section plan-notes" aria-labelledby="plan-notes">
                            <h2 id="plan-notes">{tr("trust.ui.plan.notes")}</h2>
                            <p class="hint">{tr("trust.ui.plan.notes_hint")}</p>
                        </section>
                    </article>
                }
            }}
        </Show>
    }
}
