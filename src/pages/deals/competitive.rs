//! Step 4 on the deal page: the competitive analysis (our strengths and weaknesses, each
//! linked to the needs it meets and the people it serves or hurts), the action plan per
//! person and the gaps the domain finds in them (`domain::competitive::warnings`).

use super::common::{commit_quietly, committed, contact_name};
use super::detail::{with_deal, DealSig};
use super::sections::FoldingSection;
use crate::domain::competitive::{
    self, ActionDraft, CompetitiveWarning, PlanAction, Point, PointDraft, PointKind,
};
use crate::domain::deal::Deal;
use crate::domain::deal_sections::DealSection;
use crate::domain::ids::Id;
use crate::state::actions::deals;
use crate::state::data::{use_data, AppData};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tc, tr, tw};
use crate::ui::form::{FormErrors, SelectField, TextField};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A warning in words, naming the person, point or action it is about.
fn warning_text(data: AppData, d: &Deal, w: &CompetitiveWarning) -> String {
    let point = |id: Id| {
        d.competitive
            .points
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.text.clone())
            .unwrap_or_default()
    };
    let action = |id: Id| d.competitive.actions.iter().find(|a| a.id == id);
    match *w {
        CompetitiveWarning::KeyPersonWithoutAction { person_id, role } => tw(
            w.key(),
            &[
                ("person", &contact_name(data, person_id)),
                ("role", &tr(role.key())),
            ],
        ),
        CompetitiveWarning::StrengthWithoutNeed { point_id }
        | CompetitiveWarning::PointWithoutPerson { point_id, .. } => {
            tw(w.key(), &[("point", &point(point_id))])
        }
        CompetitiveWarning::ActionPointGone { action_id }
        | CompetitiveWarning::ActionPersonGone { action_id } => {
            let (text, person) = action(action_id)
                .map(|a| (a.text.clone(), contact_name(data, a.person_id)))
                .unwrap_or_default();
            tw(w.key(), &[("action", &text), ("person", &person)])
        }
    }
}

/// The names of the people (contact ids), joined.
fn names(data: AppData, ids: &[Id]) -> String {
    ids.iter()
        .map(|c| contact_name(data, *c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The one-line summary under the section's heading.
fn summary(d: &Deal) -> String {
    let a = &d.competitive;
    let count = |k: PointKind| a.points.iter().filter(|p| p.kind == k).count();
    tw(
        "competitive.summary",
        &[
            (
                "strengths",
                &tc(
                    "competitive.summary.strengths",
                    count(PointKind::Strength),
                    &[],
                ),
            ),
            (
                "weaknesses",
                &tc(
                    "competitive.summary.weaknesses",
                    count(PointKind::Weakness),
                    &[],
                ),
            ),
            (
                "actions",
                &tc("competitive.summary.actions", a.actions.len(), &[]),
            ),
        ],
    )
}

#[component]
pub fn CompetitiveSection(deal: DealSig) -> impl IntoView {
    let data = use_data();
    let warnings = Memo::new(move |_| {
        with_deal(deal, Vec::new(), |d| {
            competitive::warnings(d)
                .iter()
                .map(|w| warning_text(data, d, w))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <FoldingSection
            section=DealSection::Competitive
            class="competitive"
            summary=Signal::derive(move || with_deal(deal, String::new(), summary))
        >
            <p class="hint">{tr_fn("competitive.intro")}</p>
            <Show when=move || !warnings.with(Vec::is_empty)>
                <section class="notice notice-warning" aria-labelledby="competitive-warnings-heading">
                    <h3 id="competitive-warnings-heading">{tr_fn("competitive.warnings")}</h3>
                    <ul>
                        {move || warnings.get().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                    </ul>
                </section>
            </Show>
            <div class="competitive-columns">
                <PointList deal=deal kind=PointKind::Strength/>
                <PointList deal=deal kind=PointKind::Weakness/>
            </div>
            <PointForm deal=deal/>
            <Plan deal=deal/>
            <ActionForm deal=deal/>
        </FoldingSection>
    }
}

/// The strengths or the weaknesses, each with what it meets and whom it serves or hurts.
#[component]
fn PointList(deal: DealSig, kind: PointKind) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let (heading, empty) = match kind {
        PointKind::Strength => ("competitive.strengths", "competitive.none_strengths"),
        PointKind::Weakness => ("competitive.weaknesses", "competitive.none_weaknesses"),
    };
    let hid = format!("competitive-{}-heading", kind.code());
    let hid2 = hid.clone();
    let points = move || {
        with_deal(deal, Vec::new(), |d| {
            d.competitive
                .points
                .iter()
                .filter(|p| p.kind == kind)
                .map(|p| (p.clone(), point_links(data, d, p)))
                .collect::<Vec<_>>()
        })
    };
    let remove = move |point_id: Id| {
        if let Some(id) = with_deal(deal, None, |d| Some(d.id)) {
            commit_quietly(toasts, deals::remove_competitive_point(data, id, point_id));
        }
    };
    view! {
        <section class="point-list" aria-labelledby=hid2>
            <h3 id=hid>{tr_fn(heading)}</h3>
            {move || {
                let list = points();
                if list.is_empty() {
                    return view! { <p class="hint">{tr(empty)}</p> }.into_any();
                }
                view! {
                    <ul class="plain-list">
                        {list
                            .into_iter()
                            .map(|(p, (needs, people))| {
                                let pid = p.id;
                                let label = tw("competitive.remove_point", &[("point", &p.text)]);
                                view! {
                                    <li class="competitive-point">
                                        <span class="point-text">{p.text.clone()}</span>
                                        {(kind == PointKind::Strength).then(|| {
                                            view! {
                                                <span class="hint">
                                                    {if needs.is_empty() {
                                                        tr("competitive.no_needs_linked")
                                                    } else {
                                                        tw("competitive.meets", &[("needs", &needs)])
                                                    }}
                                                </span>
                                            }
                                        })}
                                        <span class="hint">
                                            {if people.is_empty() {
                                                tr("competitive.no_people_linked")
                                            } else {
                                                tw(
                                                    match kind {
                                                        PointKind::Strength => "competitive.serves",
                                                        PointKind::Weakness => "competitive.hurts",
                                                    },
                                                    &[("people", &people)],
                                                )
                                            }}
                                        </span>
                                        <button
                                            type="button"
                                            class="small"
                                            aria-label=label
                                            on:click=move |_| remove(pid)
                                        >
                                            {tr("deals_ui.remove")}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

/// The needs a point meets and the people it touches, in words (only those still on the
/// deal).
fn point_links(data: AppData, d: &Deal, p: &Point) -> (String, String) {
    let needs = p
        .need_ids
        .iter()
        .filter_map(|n| d.needs.iter().find(|x| x.id == *n))
        .map(|n| n.text.clone())
        .collect::<Vec<_>>()
        .join("; ");
    let people: Vec<Id> = p
        .person_ids
        .iter()
        .copied()
        .filter(|c| d.people.iter().any(|x| x.contact_id == *c))
        .collect();
    (needs, names(data, &people))
}

/// A group of checkboxes choosing ids (`(id, label)` options), with a visible legend and
/// the error of the group under it.
#[component]
fn IdChoices(
    id: &'static str,
    #[prop(into)] legend: Signal<String>,
    #[prop(into)] options: Signal<Vec<(Id, String)>>,
    chosen: RwSignal<Vec<Id>>,
    #[prop(into)] empty: Signal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let err_id = format!("{id}-error");
    let err_id2 = err_id.clone();
    view! {
        <fieldset
            class="id-choices"
            aria-invalid=move || error.get().is_some().then_some("true")
            aria-describedby=move || error.get().is_some().then(|| err_id.clone())
        >
            <legend>{move || legend.get()}</legend>
            {move || {
                let list = options.get();
                if list.is_empty() {
                    return view! { <p class="hint">{empty.get()}</p> }.into_any();
                }
                list.into_iter()
                    .map(|(oid, text)| {
                        let fid = format!("{id}-{oid}");
                        view! {
                            <div class="field-check">
                                <input
                                    type="checkbox"
                                    id=fid.clone()
                                    prop:checked=move || chosen.with(|c| c.contains(&oid))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        chosen.update(|c| {
                                            c.retain(|x| *x != oid);
                                            if on {
                                                c.push(oid);
                                            }
                                        });
                                    }
                                />
                                <label for=fid>{text}</label>
                            </div>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
            {move || error.get().map(|e| view! { <p class="field-error" id=err_id2.clone()>{e}</p> })}
        </fieldset>
    }
}

/// The form adding a strength or weakness.
#[component]
fn PointForm(deal: DealSig) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let kind = RwSignal::new(PointKind::Strength.code().to_string());
    let text = RwSignal::new(String::new());
    let needs = RwSignal::new(Vec::<Id>::new());
    let people = RwSignal::new(Vec::<Id>::new());
    let errors = FormErrors::new();
    let current_kind = move || PointKind::from_code(&kind.get()).unwrap_or(PointKind::Strength);
    let kind_options = Signal::derive(|| {
        PointKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), tr(k.key())))
            .collect::<Vec<_>>()
    });
    let need_options = Signal::derive(move || {
        with_deal(deal, Vec::new(), |d| {
            d.needs
                .iter()
                .map(|n| (n.id, format!("{}: {}", tr(n.layer.key()), n.text)))
                .collect::<Vec<_>>()
        })
    });
    let people_options = Signal::derive(move || {
        with_deal(deal, Vec::new(), |d| {
            d.people
                .iter()
                .map(|p| (p.contact_id, contact_name(data, p.contact_id)))
                .collect::<Vec<_>>()
        })
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = with_deal(deal, None, |d| Some(d.id)) else {
            return;
        };
        let draft = PointDraft {
            kind: current_kind(),
            text: text.get_untracked(),
            need_ids: needs.get_untracked(),
            person_ids: people.get_untracked(),
        };
        let save = match deals::add_competitive_point(data, id, &draft) {
            Ok(save) => save,
            Err(errs) => {
                errors.show(&errs);
                return;
            }
        };
        errors.clear();
        let Some(save) = save else { return };
        spawn_local(async move {
            if committed(toasts, save).await.is_some() {
                text.set(String::new());
                needs.set(Vec::new());
                people.set(Vec::new());
            }
        });
    };
    view! {
        <form class="form-grid subsection" on:submit=on_submit>
            <h3>{tr_fn("competitive.add_title")}</h3>
            <div class="form-cols">
                <SelectField
                    id="competitive-kind"
                    label=Signal::derive(tr_fn("competitive.field.kind"))
                    value=kind
                    options=kind_options
                />
                <TextField
                    id="competitive-point"
                    label=Signal::derive(tr_fn("competitive.field.point"))
                    value=text
                    hint=Signal::derive(tr_fn("competitive.field.point_hint"))
                    error=errors.field("point_text")
                />
            </div>
            <Show when=move || current_kind() == PointKind::Strength>
                <IdChoices
                    id="competitive-needs"
                    legend=Signal::derive(tr_fn("competitive.field.needs"))
                    options=need_options
                    chosen=needs
                    empty=Signal::derive(tr_fn("competitive.no_needs_yet"))
                    error=errors.field("point_needs")
                />
            </Show>
            <IdChoices
                id="competitive-people"
                legend=Signal::derive(move || tr(current_kind().people_label_key()))
                options=people_options
                chosen=people
                empty=Signal::derive(tr_fn("competitive.no_people_yet"))
                error=errors.field("point_people")
            />
            <div class="actions">
                <button type="submit" class="primary">
                    {tr_fn("competitive.add_point")}
                </button>
            </div>
        </form>
    }
}

/// One person's part of the plan: who, their roles in words, their actions with what each
/// addresses in words.
type PersonPlan = (Id, String, Vec<(PlanAction, String)>);

/// The action plan, person by person: the deal's people first (with their roles), then the
/// people no longer on the deal who still have actions.
#[component]
fn Plan(deal: DealSig) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let remove = move |action_id: Id| {
        if let Some(id) = with_deal(deal, None, |d| Some(d.id)) {
            commit_quietly(toasts, deals::remove_plan_action(data, id, action_id));
        }
    };
    let groups = move || {
        with_deal(deal, Vec::new(), |d| {
            let mut out: Vec<PersonPlan> = d
                .people
                .iter()
                .map(|p| {
                    let roles = p
                        .roles
                        .iter()
                        .map(|r| tr(r.key()))
                        .collect::<Vec<_>>()
                        .join(", ");
                    (p.contact_id, roles, actions_of(d, p.contact_id))
                })
                .collect();
            let mut gone: Vec<Id> = Vec::new();
            for a in &d.competitive.actions {
                if !d.people.iter().any(|p| p.contact_id == a.person_id)
                    && !gone.contains(&a.person_id)
                {
                    gone.push(a.person_id);
                }
            }
            out.extend(
                gone.into_iter()
                    .map(|c| (c, tr("competitive.plan.not_on_deal"), actions_of(d, c))),
            );
            out
        })
    };
    view! {
        <section class="competitive-plan" aria-labelledby="competitive-plan-heading">
            <h3 id="competitive-plan-heading">{tr_fn("competitive.plan.title")}</h3>
            {move || {
                let list = groups();
                if list.is_empty() {
                    return view! { <p class="hint">{tr("competitive.no_people_yet")}</p> }.into_any();
                }
                view! {
                    <ul class="plain-list plan-people">
                        {list
                            .into_iter()
                            .map(|(cid, roles, actions)| {
                                let name = contact_name(data, cid);
                                view! {
                                    <li class="plan-person">
                                        <h4>
                                            {name.clone()}
                                            {(!roles.is_empty()).then(|| view! { <span class="hint">{format!(" · {roles}")}</span> })}
                                        </h4>
                                        {if actions.is_empty() {
                                            view! {
                                                <p class="hint">{tw("competitive.plan.none", &[("person", &name)])}</p>
                                            }
                                            .into_any()
                                        } else {
                                            view! {
                                                <ul class="plain-list">
                                                    {actions
                                                        .into_iter()
                                                        .map(|(a, what)| {
                                                            let aid = a.id;
                                                            let label = tw("competitive.plan.remove", &[("action", &a.text)]);
                                                            view! {
                                                                <li class="plan-action">
                                                                    <span>{a.text.clone()}</span>
                                                                    <span class="hint">{what}</span>
                                                                    <button
                                                                        type="button"
                                                                        class="small"
                                                                        aria-label=label
                                                                        on:click=move |_| remove(aid)
                                                                    >
                                                                        {tr("deals_ui.remove")}
                                                                    </button>
                                                                </li>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </ul>
                                            }
                                            .into_any()
                                        }}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

/// The actions for one person, each with what it addresses in words.
fn actions_of(d: &Deal, person: Id) -> Vec<(PlanAction, String)> {
    competitive::actions_for(&d.competitive, person)
        .into_iter()
        .map(|a| {
            let what = match d.competitive.points.iter().find(|p| p.id == a.point_id) {
                Some(p) if p.kind == PointKind::Strength => {
                    tw("competitive.plan.explain", &[("point", &p.text)])
                }
                Some(p) => tw("competitive.plan.remedy", &[("point", &p.text)]),
                None => tr("competitive.plan.point_gone"),
            };
            (a.clone(), what)
        })
        .collect()
}

/// The form planning an action: a person of the deal, a strength or weakness, what to do.
#[component]
fn ActionForm(deal: DealSig) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let person = RwSignal::new(String::new());
    let point = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let person_options = Signal::derive(move || {
        with_deal(deal, Vec::new(), |d| {
            d.people
                .iter()
                .map(|p| (p.contact_id.to_string(), contact_name(data, p.contact_id)))
                .collect::<Vec<_>>()
        })
    });
    let point_options = Signal::derive(move || {
        with_deal(deal, Vec::new(), |d| {
            d.competitive
                .points
                .iter()
                .map(|p| {
                    (
                        p.id.to_string(),
                        format!("{}: {}", tr(p.kind.key()), p.text),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = with_deal(deal, None, |d| Some(d.id)) else {
            return;
        };
        let draft = ActionDraft {
            person_id: person.get_untracked().parse().ok(),
            point_id: point.get_untracked().parse().ok(),
            text: text.get_untracked(),
        };
        let save = match deals::add_plan_action(data, id, &draft) {
            Ok(save) => save,
            Err(errs) => {
                errors.show(&errs);
                return;
            }
        };
        errors.clear();
        let Some(save) = save else { return };
        spawn_local(async move {
            if committed(toasts, save).await.is_some() {
                text.set(String::new());
            }
        });
    };
    view! {
        <form class="form-grid subsection" on:submit=on_submit>
            <h3>{tr_fn("competitive.plan.add_title")}</h3>
            <p class="hint">{tr_fn("competitive.plan.add_hint")}</p>
            <div class="form-cols">
                <SelectField
                    id="plan-person"
                    label=Signal::derive(tr_fn("competitive.field.action_person"))
                    value=person
                    options=person_options
                    empty_label=Signal::derive(tr_fn("competitive.choose"))
                    error=errors.field("action_person")
                />
                <SelectField
                    id="plan-point"
                    label=Signal::derive(tr_fn("competitive.field.action_point"))
                    value=point
                    options=point_options
                    empty_label=Signal::derive(tr_fn("competitive.choose"))
                    error=errors.field("action_point")
                />
                <TextField
                    id="plan-text"
                    label=Signal::derive(tr_fn("competitive.field.action_text"))
                    value=text
                    hint=Signal::derive(tr_fn("competitive.field.action_text_hint"))
                    error=errors.field("action_text")
                />
            </div>
            <div class="actions">
                <button type="submit" class="primary">{tr_fn("competitive.plan.add")}</button>
            </div>
        </form>
    }
}
