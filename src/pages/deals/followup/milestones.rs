//! The delivery milestones: planned against actual, with the obstacle spotted early and
//! the backup plan. One milestone per kind; a late one says so in words.

use super::checklist::followup_of;
use super::*;
use crate::domain::followup::milestones::{self as rules, Lateness, MilestoneDraft};
use crate::domain::followup::{Milestone, MilestoneKind};
use crate::state::actions::followup as act;
use crate::state::data::spawn_save;
use crate::state::data::use_data;
use crate::state::tc;
use crate::state::toasts::{use_toasts, ToastKind};
use crate::state::tr_fn;
use crate::ui::fmt;
use crate::ui::form::{ErrorSummary, FormErrors, SelectField, TextArea, TextField};

/// "Late by 4 days" / "Reached 3 days late", or `None` when on time.
fn late_text(m: &Milestone, today: chrono::NaiveDate) -> Option<String> {
    rules::lateness(m, today).map(|l| match l {
        Lateness::Open { days } => tc("followup.milestones.late_open", days as usize, &[]),
        Lateness::Reached { days } => tc("followup.milestones.late_reached", days as usize, &[]),
    })
}

#[component]
pub fn MilestonesSection(deal_id: Id, deal: DealSig) -> impl IntoView {
    let _ = deal;
    let data = use_data();
    let toasts = use_toasts();
    let f = followup_of(data, deal_id);
    let editing = RwSignal::new(None::<Id>);
    let list = Memo::new(move |_| {
        f.with(|f| f.as_ref().map(|f| f.milestones.clone()).unwrap_or_default())
    });
    let free = Memo::new(move |_| {
        f.with(|f| match f {
            Some(f) => rules::free_kinds(f),
            None => MilestoneKind::ALL.to_vec(),
        })
    });
    let remove = move |m: Milestone| {
        let Some((save, at, gone)) = act::remove_milestone(data, deal_id, m.id) else {
            return;
        };
        spawn_save(toasts, save, move |_| {
            toasts.push_with_action(
                ToastKind::Success,
                tw(
                    "followup.milestones.removed",
                    &[("kind", &tr(gone.kind.key()))],
                ),
                tr("followup.undo"),
                move || {
                    if let Some(save) = act::restore_milestone(data, deal_id, at, gone.clone()) {
                        spawn_save(toasts, save, |_| {});
                    }
                },
            );
        });
    };
    view! {
        <section class="card followup-milestones" aria-labelledby="milestones-heading">
            <h2 id="milestones-heading">{tr_fn("followup.milestones.title")}</h2>
            <p class="hint">{tr_fn("followup.milestones.intro")}</p>
            {move || {
                let ms = list.get();
                if ms.is_empty() {
                    return view! { <p class="hint">{tr("followup.milestones.none")}</p> }.into_any();
                }
                let today = fmt::today();
                view! {
                    <ul class="plain-list milestone-list" aria-label=tr("followup.milestones.list")>
                        {ms.into_iter().map(|m| {
                            let id = m.id;
                            let shown = m.clone();
                            let for_form = m.clone();
                            view! {
                                <li class="milestone">
                                    <Show
                                        when=move || editing.get() == Some(id)
                                        fallback=move || {
                                            let m = shown.clone();
                                            let name = tr(m.kind.key());
                                            let n2 = name.clone();
                                            let late = late_text(&m, today);
                                            let for_remove = m.clone();
                                            let dash = || "—".to_string();
                                            view! {
                                                <h3>{name.clone()}</h3>
                                                {late.map(|t| view! {
                                                    <p class="milestone-late notice notice-warning" role="status">
                                                        <span aria-hidden="true">"⚠ "</span>{t}
                                                    </p>
                                                })}
                                                <dl class="facts">
                                                    <dt>{tr("followup.field.milestones.planned_start")}</dt>
                                                    <dd>{m.planned_start.map(fmt::date).unwrap_or_else(dash)}</dd>
                                                    <dt>{tr("followup.field.milestones.planned")}</dt>
                                                    <dd>{fmt::date(m.planned)}</dd>
                                                    <dt>{tr("followup.field.milestones.done_on")}</dt>
                                                    <dd>{m.done_on.map(fmt::date).unwrap_or_else(|| tr("followup.milestones.not_done"))}</dd>
                                                    <dt>{tr("followup.field.milestones.obstacle")}</dt>
                                                    <dd class="pre-line">{if m.obstacle.is_empty() { dash() } else { m.obstacle.clone() }}</dd>
                                                    <dt>{tr("followup.field.milestones.backup_plan")}</dt>
                                                    <dd class="pre-line">{if m.backup_plan.is_empty() { dash() } else { m.backup_plan.clone() }}</dd>
                                                    {(!m.note.is_empty()).then(|| view! {
                                                        <dt>{tr("followup.field.milestones.note")}</dt>
                                                        <dd class="pre-line">{m.note.clone()}</dd>
                                                    })}
                                                </dl>
                                                <div class="actions">
                                                    <button
                                                        type="button"
                                                        class="small"
                                                        aria-label=tw("followup.milestones.edit_named", &[("kind", &name)])
                                                        on:click=move |_| editing.set(Some(id))
                                                    >
                                                        {tr("followup.edit")}
                                                    </button>
                                                    <button
                                                        type="button"
                                                        class="small"
                                                        aria-label=tw("followup.milestones.remove_named", &[("kind", &n2)])
                                                        on:click=move |_| remove(for_remove.clone())
                                                    >
                                                        {tr("followup.remove")}
                                                    </button>
                                                </div>
                                            }
                                        }
                                    >
                                        <MilestoneForm
                                            deal_id=deal_id
                                            milestone=Some(for_form.clone())
                                            kinds=MilestoneKind::ALL.to_vec()
                                            on_close=Callback::new(move |_| editing.set(None))
                                        />
                                    </Show>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <OnRequest label_key="followup.milestones.add_title">
                {move || {
                    let kinds = free.get();
                    if kinds.is_empty() {
                        view! { <p class="hint">{tr("followup.milestones.all_planned")}</p> }.into_any()
                    } else {
                        view! { <MilestoneForm deal_id=deal_id milestone=None kinds=kinds/> }.into_any()
                    }
                }}
            </OnRequest>
        </section>
    }
}

/// Adds a milestone (`milestone` is `None`, of one of `kinds`) or edits one in place.
#[component]
fn MilestoneForm(
    deal_id: Id,
    milestone: Option<Milestone>,
    kinds: Vec<MilestoneKind>,
    #[prop(optional)] on_close: Option<Callback<()>>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let editing = milestone.as_ref().map(|m| m.id);
    let draft = milestone
        .as_ref()
        .map(MilestoneDraft::from_milestone)
        .unwrap_or_else(|| MilestoneDraft {
            kind: kinds.first().copied().unwrap_or(MilestoneKind::Delivery),
            ..MilestoneDraft::default()
        });
    let kind = RwSignal::new(draft.kind.code().to_string());
    let start = RwSignal::new(draft.planned_start);
    let planned = RwSignal::new(draft.planned);
    let done_on = RwSignal::new(draft.done_on);
    let obstacle = RwSignal::new(draft.obstacle);
    let backup = RwSignal::new(draft.backup_plan);
    let note = RwSignal::new(draft.note);
    let errors = FormErrors::new();
    let prefix = match editing {
        Some(id) => format!("ms-{id}"),
        None => "ms-new".to_string(),
    };
    let title = match &milestone {
        Some(m) => tw(
            "followup.milestones.edit_title",
            &[("kind", &tr(m.kind.key()))],
        ),
        None => tr("followup.milestones.add_title"),
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = MilestoneDraft {
            kind: MilestoneKind::from_code(&kind.get_untracked())
                .unwrap_or(MilestoneKind::Delivery),
            planned_start: start.get_untracked(),
            planned: planned.get_untracked(),
            done_on: done_on.get_untracked(),
            obstacle: obstacle.get_untracked(),
            backup_plan: backup.get_untracked(),
            note: note.get_untracked(),
        };
        let result = match editing {
            Some(id) => act::update_milestone(data, deal_id, id, &d),
            None => act::add_milestone(data, deal_id, &d),
        };
        match result {
            Err(errs) => errors.show(&errs),
            Ok(None) => {}
            Ok(Some(save)) => {
                errors.clear();
                spawn_save(toasts, save, move |_| match on_close {
                    Some(close) => close.run(()),
                    None => toasts.push(ToastKind::Success, tr("followup.milestones.added")),
                });
            }
        }
    };
    let options: Vec<(String, String)> = kinds
        .iter()
        .map(|k| (k.code().to_string(), tr(k.key())))
        .collect();
    let title_label = title.clone();
    view! {
        <form class="form-grid milestone-form" novalidate=true on:submit=on_submit aria-label=title_label>
            <h3>{title}</h3>
            <ErrorSummary errors=errors.summary()/>
            <div class="form-columns">
                <SelectField
                    id=format!("{prefix}-kind")
                    label=Signal::derive(tr_fn("followup.field.milestones.kind"))
                    value=kind
                    options=Signal::derive(move || options.clone())
                    error=errors.field("kind")
                />
                <TextField
                    id=format!("{prefix}-start")
                    label=Signal::derive(tr_fn("followup.field.milestones.planned_start"))
                    value=start
                    input_type="date"
                    error=errors.field("planned_start")
                />
                <TextField
                    id=format!("{prefix}-planned")
                    label=Signal::derive(tr_fn("followup.field.milestones.planned"))
                    value=planned
                    input_type="date"
                    required=true
                    error=errors.field("planned")
                />
                <TextField
                    id=format!("{prefix}-done")
                    label=Signal::derive(tr_fn("followup.field.milestones.done_on"))
                    value=done_on
                    input_type="date"
                    error=errors.field("done_on")
                />
            </div>
            <div class="form-columns">
                <TextArea
                    id=format!("{prefix}-obstacle")
                    label=Signal::derive(tr_fn("followup.field.milestones.obstacle"))
                    value=obstacle
                    hint=Signal::derive(tr_fn("followup.milestones.obstacle_hint"))
                    error=errors.field("obstacle")
                    rows=2
                />
                <TextArea
                    id=format!("{prefix}-backup")
                    label=Signal::derive(tr_fn("followup.field.milestones.backup_plan"))
                    value=backup
                    error=errors.field("backup_plan")
                    rows=2
                />
                <TextArea
                    id=format!("{prefix}-note")
                    label=Signal::derive(tr_fn("followup.field.milestones.note"))
                    value=note
                    error=errors.field("note")
                    rows=2
                />
            </div>
            <div class="actions">
                <button type="submit" class="primary">
                    {move || tr(if editing.is_some() { "followup.milestones.save" } else { "followup.milestones.add" })}
                </button>
                {on_close.map(|close| view! {
                    <button type="button" on:click=move |_| close.run(())>{tr_fn("followup.cancel")}</button>
                })}
            </div>
        </form>
    }
}

/// This part's line in the deal page's step-6 section; a late milestone makes it a warning
/// ("Milestones: Acceptance late by 4 days").
#[component]
pub fn Summary(deal_id: Id) -> impl IntoView {
    let data = use_data();
    let line = move || {
        let today = fmt::today();
        let f = act::of_deal(data, deal_id)?;
        if f.milestones.is_empty() {
            return None;
        }
        let overdue = rules::overdue(&f, today);
        if !overdue.is_empty() {
            let text = overdue
                .iter()
                .map(|(m, days)| {
                    tc(
                        "followup.milestones.summary.late",
                        *days as usize,
                        &[("kind", &tr(m.kind.key()))],
                    )
                })
                .collect::<Vec<_>>()
                .join(" · ");
            return Some((text, true));
        }
        let done = f.milestones.iter().filter(|m| m.done_on.is_some()).count();
        Some((
            tc(
                "followup.milestones.summary.reached",
                f.milestones.len(),
                &[("done", &fmt::number(done as i64))],
            ),
            false,
        ))
    };
    move || {
        let (text, late) =
            line().unwrap_or_else(|| (tr("followup.milestones.summary.none"), false));
        if late {
            view! {
                <p class="followup-summary notice notice-warning" role="alert">
                    <strong><span aria-hidden="true">"⚠ "</span>{tr("followup.milestones.summary.label")} ": "</strong>
                    {text}
                </p>
            }
            .into_any()
        } else {
            view! {
                <p class="followup-summary">
                    <strong>{tr("followup.milestones.summary.label")} ": "</strong>
                    {text}
                </p>
            }
            .into_any()
        }
    }
}
