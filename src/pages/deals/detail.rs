//! One deal (route `/deals/:id`): header and warnings, the step panel with signals,
//! checklist and next action, and the step history. The other sections live in
//! `qualify`, `people`, `competitive`, `presentation` and `closing`.

use super::closing::{NextStepSection, OutcomeSection};
use super::common::{account_name, commit_quietly, outcome_text};
use super::competitive::CompetitiveSection;
use super::followup::ServiceSection;
use super::form::DealForm;
use super::move_dialog::{MoveDialog, MoveRequest};
use super::negotiation::CommitmentSection;
use super::people::{BuyingStageSection, CompetitorsSection, NeedsSection, PeopleSection};
use super::presentation::PresentationSection;
use super::proposal::ProposalSummary;
use super::qualify::QualificationSection;
use super::sections::{FoldingSection, SectionIndex, Sections};
use crate::domain::deal::{self, classify_move, Deal, Move, NextAction, Step, StepEventKind};
use crate::domain::deal_sections::{self, DealSection};
use crate::domain::ids::Id;
use crate::domain::pipeline;
use crate::domain::sorting::SortExt;
use crate::domain::training::GuidePage;
use crate::state::actions::deals;
use crate::state::data::{use_data, LoadStatus};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tc, tr, tw};
use crate::ui::deal_text::{deal_href, step_label};
use crate::ui::fmt;
use crate::ui::link::href;
use crate::ui::scroll_area::ScrollArea;
use crate::ui::why::WhyLink;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

/// One deal (route `/deals/:id`).
#[component]
pub fn DealPage() -> impl IntoView {
    let data = use_data();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    let deal = Memo::new(move |_| {
        let id = id.get()?;
        data.deals.get(id)
    });
    let exists = Memo::new(move |_| deal.with(Option::is_some));
    view! {
        <Show
            when=move || exists.get()
            fallback=move || {
                view! {
                    <section class="page">
                        <h1>{tr_fn("deals_ui.deal.not_found_title")}</h1>
                        <Show when=move || data.status.get() == LoadStatus::Ready>
                            <p class="notice">{tr_fn("deals_ui.deal.not_found")}</p>
                        </Show>
                        <p><a href=href("/deals")>{tr_fn("deals_ui.deal.back_to_board")}</a></p>
                    </section>
                }
            }
        >
            {move || id.get().map(|id| view! { <DealView id=id deal=deal/> })}
        </Show>
    }
}

/// The deal as a signal that always holds a deal while the page shows it.
pub type DealSig = Memo<Option<Deal>>;

/// Reads a value from the deal (tracked); `default` when it is gone.
pub fn with_deal<T>(deal: DealSig, default: T, f: impl FnOnce(&Deal) -> T) -> T {
    deal.with(|d| d.as_ref().map(f).unwrap_or(default))
}

#[component]
fn DealView(id: Id, deal: DealSig) -> impl IntoView {
    let data = use_data();
    let request = RwSignal::new(None::<MoveRequest>);
    let editing = RwSignal::new(false);
    let title = move || with_deal(deal, String::new(), |d| d.title.clone());
    let account_id = move || with_deal(deal, None, |d| Some(d.account_id));
    let sections = Sections::provide(deal);
    // A link to `/deals/:id#section` (from the board, a dialog or the index) unfolds it.
    let location = use_location();
    Effect::new(move |_| {
        let hash = location.hash.get();
        sections.reveal_fragment(&hash);
    });
    view! {
        <article class="page deal-page">
            <header class="deal-head">
                <p class="crumbs">
                    <a href=href("/deals")>{tr_fn("deals_ui.deal.back_to_board")}</a>
                </p>
                <h1>{title}</h1>
                <dl class="facts deal-facts">
                    <dt>{tr_fn("deal.field.account")}</dt>
                    <dd>
                        {move || {
                            account_id()
                                .map(|a| {
                                    view! {
                                        <a href=href(&format!("/accounts/{a}"))>{account_name(data, a)}</a>
                                    }
                                })
                        }}
                    </dd>
                    <dt>{tr_fn("deal.field.value")}</dt>
                    <dd>
                        {move || {
                            with_deal(deal, String::new(), |d| {
                                tw(
                                    "deals_ui.deal.value_line",
                                    &[
                                        ("value", &fmt::money(&d.value)),
                                        ("percent", &deal::probability(d).to_string()),
                                        ("weighted", &fmt::money(&pipeline::weighted_value(d))),
                                    ],
                                )
                            })
                        }}
                    </dd>
                    <dt>{tr_fn("deals_ui.deal.step")}</dt>
                    <dd>{move || with_deal(deal, String::new(), |d| step_label(d.step))}</dd>
                    <dt>{tr_fn("deals_ui.deal.outcome")}</dt>
                    <dd>{move || with_deal(deal, String::new(), |d| tr(d.outcome.key()))}</dd>
                    <dt>{tr_fn("deal.field.expected_close")}</dt>
                    <dd>
                        {move || {
                            with_deal(deal, String::new(), |d| {
                                d.expected_close.map(fmt::date).unwrap_or_else(|| tr("deals_ui.none"))
                            })
                        }}
                    </dd>
                    <dt>{tr_fn("deal.field.owner")}</dt>
                    <dd>
                        {move || {
                            with_deal(deal, String::new(), |d| {
                                if d.owner.is_empty() { tr("deals_ui.none") } else { d.owner.clone() }
                            })
                        }}
                    </dd>
                </dl>
                <div class="actions">
                    <button
                        type="button"
                        aria-expanded=move || editing.get().to_string()
                        aria-controls="deal-edit"
                        on:click=move |_| editing.update(|e| *e = !*e)
                    >
                        {tr_fn("deals_ui.deal.edit")}
                    </button>
                </div>
                <Show when=move || editing.get()>
                    <section class="card" id="deal-edit" aria-labelledby="deal-edit-heading">
                        <h2 id="deal-edit-heading">{tr_fn("deals_ui.deal.edit")}</h2>
                        <DealForm deal_id=id on_done=Callback::new(move |_| editing.set(false))/>
                    </section>
                </Show>
            </header>
            <SectionIndex/>
            <StepPanel deal=deal request=request/>
            <ProposalSummary deal_id=id/>
            <Warnings deal=deal/>
            <For
                each=move || sections.order()
                key=|s| *s
                children=move |s| section_view(s, deal, id)
            />
            <MoveDialog request=request/>
        </article>
    }
}

/// One section of the page, in the frame [`FoldingSection`] gives it.
fn section_view(section: DealSection, deal: DealSig, id: Id) -> AnyView {
    match section {
        DealSection::Qualification => view! { <QualificationSection deal=deal/> }.into_any(),
        DealSection::People => view! { <PeopleSection deal=deal/> }.into_any(),
        DealSection::Competitors => view! { <CompetitorsSection deal=deal/> }.into_any(),
        DealSection::Needs => view! { <NeedsSection deal=deal/> }.into_any(),
        DealSection::BuyingStage => view! { <BuyingStageSection deal=deal/> }.into_any(),
        DealSection::Competitive => view! { <CompetitiveSection deal=deal/> }.into_any(),
        DealSection::Presentation => view! { <PresentationSection deal=deal/> }.into_any(),
        DealSection::Commitment => view! { <CommitmentSection deal=deal/> }.into_any(),
        DealSection::Service => view! { <ServiceSection deal=deal/> }.into_any(),
        DealSection::NextStep => view! { <NextStepSection deal=deal/> }.into_any(),
        DealSection::Outcome => view! { <OutcomeSection deal=deal/> }.into_any(),
        DealSection::History => view! { <History deal=deal/> }.into_any(),
        DealSection::Timeline => view! { <Timeline id=id/> }.into_any(),
    }
}

#[component]
fn Warnings(deal: DealSig) -> impl IntoView {
    let sections = expect_context::<Sections>();
    let list = move || {
        with_deal(deal, Vec::new(), |d| {
            deal::warnings(d, fmt::today())
                .into_iter()
                .map(|w| {
                    let text = match w {
                        deal::DealWarning::Competitive(n) => tc(w.key(), n, &[]),
                        _ => tr(w.key()),
                    };
                    (text, deal_sections::fixed_in(&w))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !list().is_empty()>
            <section class="notice notice-warning" aria-labelledby="warnings-heading">
                <h2 id="warnings-heading">{tr_fn("deals_ui.deal.warnings")}</h2>
                <ul>
                    {move || {
                        list()
                            .into_iter()
                            .map(|(w, at)| {
                                view! {
                                    <li>
                                        {w}
                                        {at.map(|s| {
                                            view! {
                                                " "
                                                <a
                                                    href=format!("#{}", s.anchor())
                                                    on:click=move |ev| {
                                                        ev.prevent_default();
                                                        sections.reveal(s);
                                                    }
                                                >
                                                    {tw("deal_page.warning.go_to", &[("section", &tr(s.title_key()))])}
                                                </a>
                                            }
                                        })}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}

/// The step panel: where the deal is, the signals in words, the checklist, what to do next
/// and the move controls.
#[component]
fn StepPanel(deal: DealSig, request: RwSignal<Option<MoveRequest>>) -> impl IntoView {
    let sections = expect_context::<Sections>();
    let data = use_data();
    let toasts = use_toasts();
    let step = Memo::new(move |_| with_deal(deal, Step::CustomerAnalysis, |d| d.step));
    let id = move || with_deal(deal, None, |d| Some(d.id));
    let movable = move || with_deal(deal, false, |d| d.is_active());
    let closed = move || with_deal(deal, false, |d| d.is_closed());
    let finished = move || {
        with_deal(deal, false, |d| {
            matches!(
                d.outcome,
                deal::Outcome::Won {
                    paid_on: Some(_),
                    ..
                }
            )
        })
    };
    let move_target = RwSignal::new(String::new());

    let toggle = move |item: deal::ChecklistItem, on: bool| {
        let Some(id) = id() else { return };
        if on {
            commit_quietly(toasts, deals::tick(data, id, item, fmt::today()));
        } else {
            commit_quietly(toasts, deals::untick(data, id, item));
        }
    };

    let open_move = move |to: Step| {
        if let Some(i) = id() {
            request.set(Some(MoveRequest {
                deal_id: i,
                to,
                return_focus: Some("step-confirm".into()),
            }));
        }
    };

    view! {
        <section class="card step-panel" aria-labelledby="step-heading">
            <h2 id="step-heading">
                {move || tw("deals_ui.step.heading", &[("number", &step.get().number().to_string()), ("name", &tr(step.get().key()))])}
            </h2>
            <WhyLink page=Signal::derive(move || GuidePage::for_step(step.get()))/>
            <ol class="step-track" aria-label=tr_fn("deals_ui.step.track")>
                {move || {
                    let cur = step.get();
                    Step::ALL
                        .iter()
                        .map(|s| {
                            let s = *s;
                            let state = if s < cur { "done" } else if s == cur { "current" } else { "todo" };
                            view! {
                                <li class=format!("step-{state}") aria-current=(s == cur).then_some("step")>
                                    <span class="step-num" aria-hidden="true">{s.number()}</span>
                                    <span>{tr(s.key())}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            <dl class="facts">
                <dt>{tr_fn("deals_ui.step.starts_when")}</dt>
                <dd>{move || tr(step.get().start_signal_key())}</dd>
                <dt>{tr_fn("deals_ui.step.ends_when")}</dt>
                <dd>{move || tr(step.get().end_signal_key())}</dd>
                <dt>{tr_fn("deals_ui.step.next_action")}</dt>
                <dd class="next-action">
                    {move || {
                        // Step 4's end signal is in the records once a proposal is accepted.
                        let accepted = step.get() == Step::PresentingValue
                            && id().is_some_and(|i| crate::state::actions::proposals::acceptance(data, i).is_some());
                        with_deal(deal, String::new(), |d| {
                            let a = deal::next_action_given(d, accepted);
                            match a {
                                NextAction::Qualify(ref g) => {
                                    let qs: Vec<String> =
                                        g.questions().iter().map(|q| tr(q.key())).collect();
                                    format!("{} {}", tr(a.key()), qs.join(" · "))
                                }
                                _ => tr(a.key()),
                            }
                        })
                    }}
                </dd>
            </dl>
            <Show when=closed>
                <p class="notice">
                    {tr_fn("deal_rules.step.closed_hint")} " "
                    <a
                        href=move || id().map(|i| format!("{}#reopen", deal_href(i))).unwrap_or_default()
                        on:click=move |ev| {
                            ev.prevent_default();
                            sections.reveal_fragment("reopen");
                        }>
                        {tr_fn("deal_rules.step.go_reopen")}
                    </a>
                </p>
            </Show>
            <Show when=movable>
                <div class="actions">
                    <button
                        type="button"
                        class="primary"
                        id="step-confirm"
                        disabled=finished
                        on:click=move |_| {
                            let s = step.get_untracked();
                            open_move(s.next().unwrap_or(s));
                        }
                    >
                        {move || tw("deals_ui.step.confirm_button", &[("signal", &tr(step.get().end_signal_key()))])}
                    </button>
                </div>
                // A won deal finishes in step 6 and does not move to another step.
                <Show when=move || !closed()>
                <div class="move-other">
                    <div class="field">
                        <label for="step-move-target">{tr_fn("deals_ui.step.move_to")}</label>
                        <select
                            id="step-move-target"
                            on:change=move |ev| move_target.set(event_target_value(&ev))
                        >
                            <option value="" selected=move || move_target.get().is_empty()>
                                {tr_fn("deals_ui.step.choose_step")}
                            </option>
                            {move || {
                                let cur = step.get();
                                Step::ALL
                                    .iter()
                                    .filter(|s| **s != cur)
                                    .map(|s| {
                                        let s = *s;
                                        let how = match classify_move(cur, s) {
                                            Move::Advance => "deals_ui.board.how.advance",
                                            Move::Skip => "deals_ui.board.how.skip",
                                            _ => "deals_ui.board.how.back",
                                        };
                                        let v = s.number().to_string();
                                        let v2 = v.clone();
                                        view! {
                                            <option value=v selected=move || move_target.get() == v2>
                                                {format!("{} — {}", step_label(s), tr(how))}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                    <button
                        type="button"
                        on:click=move |_| {
                            if let Some(s) = move_target
                                .get_untracked()
                                .parse::<u8>()
                                .ok()
                                .and_then(Step::from_number)
                            {
                                move_target.set(String::new());
                                open_move(s);
                            }
                        }
                    >
                        {tr_fn("deals_ui.step.move_button")}
                    </button>
                </div>
                </Show>
            </Show>
            <h3>{tr_fn("deals_ui.step.checklist")}</h3>
            <ul class="plain-list checklist">
                {move || {
                    let s = step.get();
                    s.checklist()
                        .into_iter()
                        .map(|item| {
                            let fid = format!("check-{}-{}", s.number(), item.number);
                            let done = move || with_deal(deal, None, |d| d.ticked_on(item));
                            view! {
                                <li class="field-check">
                                    <input
                                        type="checkbox"
                                        id=fid.clone()
                                        prop:checked=move || done().is_some()
                                        on:change=move |ev| toggle(item, event_target_checked(&ev))
                                    />
                                    <label for=fid>{tr(item.key())}</label>
                                    {move || {
                                        done()
                                            .map(|on| {
                                                view! {
                                                    <span class="badge done-on">
                                                        {tw("deals_ui.step.done_on", &[("date", &fmt::date(on))])}
                                                    </span>
                                                }
                                            })
                                    }}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <details class="other-checklists">
                <summary>{tr_fn("deals_ui.step.other_checklists")}</summary>
                {move || {
                    let cur = step.get();
                    Step::ALL
                        .iter()
                        .filter(|s| **s != cur)
                        .map(|s| {
                            let s = *s;
                            view! {
                                <h4>{step_label(s)}</h4>
                                <ul>
                                    {s.checklist()
                                        .into_iter()
                                        .map(|item| {
                                            let done = with_deal(deal, None, |d| d.ticked_on(item));
                                            view! {
                                                <li>
                                                    {tr(item.key())}
                                                    {done.map(|on| format!(" — {}", tw("deals_ui.step.done_on", &[("date", &fmt::date(on))])))}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })
                        .collect_view()
                }}
            </details>
        </section>
    }
}

#[component]
fn History(deal: DealSig) -> impl IntoView {
    let rows = move || {
        with_deal(deal, Vec::new(), |d| {
            let mut h = d.history.clone();
            h.reverse();
            h
        })
    };
    view! {
        <FoldingSection section=DealSection::History summary=Signal::derive(move || {
            with_deal(deal, String::new(), |d| tc("deal_page.summary.history", d.history.len(), &[]))
        })>
            <Show
                when=move || !rows().is_empty()
                fallback=move || view! { <p class="hint">{tr_fn("deals_ui.history.empty")}</p> }
            >
                <ScrollArea label=Signal::derive(tr_fn("deals_ui.history.title"))>
                    <table class="data-table history-table">
                        <thead>
                            <tr>
                                <th scope="col">{tr_fn("deals_ui.history.when")}</th>
                                <th scope="col">{tr_fn("deals_ui.history.move")}</th>
                                <th scope="col">{tr_fn("deals_ui.history.kind")}</th>
                                <th scope="col">{tr_fn("deals_ui.history.detail")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                rows()
                                    .into_iter()
                                    .map(|e| {
                                        let detail = match &e.kind {
                                            StepEventKind::Advance { signal_evidence, signal_date } => {
                                                format!("{} ({})", signal_evidence, fmt::date(*signal_date))
                                            }
                                            StepEventKind::Skip { reason } => reason.clone(),
                                            StepEventKind::Back { reason } => reason.clone(),
                                            StepEventKind::Reopened { reason, previous_outcome } => tw(
                                                "deal_rules.history.reopened_detail",
                                                &[("reason", reason), ("outcome", &outcome_text(previous_outcome))],
                                            ),
                                        };
                                        view! {
                                            <tr>
                                                <td>{fmt::datetime(e.at)}</td>
                                                <td>{format!("{} → {}", step_label(e.from), step_label(e.to))}</td>
                                                <td>{tr(e.kind.key())}</td>
                                                <td>{detail}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </ScrollArea>
            </Show>
        </FoldingSection>
    }
}

/// Activities and tasks linked to the deal (recorded from the trust screens).
#[component]
fn Timeline(id: Id) -> impl IntoView {
    let data = use_data();
    let activities = move || {
        let ids = data.indexes.activities_of_deal(id);
        let mut v: Vec<_> = data
            .activities
            .with_many(&ids, |v| v.into_iter().cloned().collect());
        v.sort_on(|a| std::cmp::Reverse(a.at));
        v
    };
    let tasks = move || {
        let mut v: Vec<_> = data.tasks.with_all(|m| {
            m.values()
                .filter(|t| t.deal_id == Some(id))
                .cloned()
                .collect()
        });
        v.sort_on(|t| (t.done_at.is_some(), t.due_date));
        v
    };
    view! {
        <FoldingSection section=DealSection::Timeline summary=Signal::derive(move || {
            tw(
                "deal_page.summary.timeline",
                &[
                    ("activities", &tc("deal_page.summary.activities", activities().len(), &[])),
                    ("tasks", &tc("deal_page.summary.tasks", tasks().len(), &[])),
                ],
            )
        })>
            <h3>{tr_fn("deals_ui.timeline.activities")}</h3>
            {move || {
                let list = activities();
                if list.is_empty() {
                    view! { <p class="hint">{tr("deals_ui.timeline.no_activities")}</p> }.into_any()
                } else {
                    view! {
                        <ol class="plain-list deal-timeline">
                            {list
                                .into_iter()
                                .map(|a| {
                                    let people: Vec<String> = a
                                        .contact_ids
                                        .iter()
                                        .map(|c| super::common::contact_name(data, *c))
                                        .collect();
                                    view! {
                                        <li>
                                            <strong>{tr(a.kind.key())}</strong>
                                            " · " {fmt::datetime(a.at)}
                                            {(!people.is_empty()).then(|| format!(" · {}", people.join(", ")))}
                                            {(!a.notes.is_empty()).then(|| view! { <p>{a.notes.clone()}</p> })}
                                            {(!a.outcome.is_empty()).then(|| view! { <p class="hint">{a.outcome.clone()}</p> })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                    .into_any()
                }
            }}
            <h3>{tr_fn("deals_ui.timeline.tasks")}</h3>
            {move || {
                let list = tasks();
                if list.is_empty() {
                    view! { <p class="hint">{tr("deals_ui.timeline.no_tasks")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list">
                            {list
                                .into_iter()
                                .map(|t| {
                                    let state = if t.done_at.is_some() {
                                        tr("deals_ui.timeline.task_done")
                                    } else {
                                        tr("deals_ui.timeline.task_open")
                                    };
                                    view! {
                                        <li>
                                            {t.title.clone()} " · "
                                            {tw("deals_ui.timeline.due", &[("date", &fmt::date(t.due_date))])}
                                            " · " <span class="badge">{state}</span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </FoldingSection>
    }
}
