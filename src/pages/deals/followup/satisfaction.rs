//! The satisfaction checks: the regular call and request, on the cadence set in Settings;
//! when the next of each falls due, the checks made, and the form that logs one.

use super::checklist::{followup_of, ymd};
use super::*;
use crate::domain::followup::satisfaction::{self as rules, CheckDraft, NextCheck};
use crate::domain::followup::{in_service, CheckKind, FollowUp, SatisfactionCheck};
use crate::domain::sorting::SortExt;
use crate::state::actions::followup as act;
use crate::state::data::spawn_save;
use crate::state::data::{use_data, AppData};
use crate::state::settings::satisfaction_cadence;
use crate::state::toasts::{use_toasts, ToastKind};
use crate::state::tr_fn;
use crate::ui::fmt;
use crate::ui::form::{select_options, ErrorSummary, FormErrors, SelectField, TextArea, TextField};

/// The next call and request of a deal in service (tracked); `None` when the deal is not
/// won, or is fully paid.
fn next_checks(data: AppData, deal_id: Id, f: Option<&FollowUp>) -> Option<Vec<NextCheck>> {
    let won_on = data
        .deals
        .get(deal_id)
        .and_then(|d| in_service(&d.outcome))?;
    Some(rules::next_due(
        f,
        won_on,
        satisfaction_cadence(),
        fmt::today(),
    ))
}

/// "Satisfaction call due since 10 Mar 2026" / "Next satisfaction request: 2 Apr 2026".
fn next_text(n: &NextCheck) -> String {
    let kind = tr(n.kind.key());
    let date = fmt::date(n.due);
    if n.is_due {
        tw(
            "followup.satisfaction.due_now",
            &[("kind", &kind), ("date", &date)],
        )
    } else {
        tw(
            "followup.satisfaction.next",
            &[("kind", &kind), ("date", &date)],
        )
    }
}

#[component]
pub fn SatisfactionSection(deal_id: Id, deal: DealSig) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let f = followup_of(data, deal_id);
    let next = Memo::new(move |_| f.with(|f| next_checks(data, deal_id, f.as_ref())));
    let checks = Memo::new(move |_| {
        f.with(|f| {
            let mut v = f.as_ref().map(|f| f.checks.clone()).unwrap_or_default();
            v.reverse();
            v
        })
    });
    let person_name = move |id: Option<Id>| id.and_then(|id| data.contacts.get(id)).map(|c| c.name);
    let remove = move |c: SatisfactionCheck| {
        let Some((save, at, gone)) = act::remove_check(data, deal_id, c.id) else {
            return;
        };
        spawn_save(toasts, save, move |_| {
            toasts.push_with_action(
                ToastKind::Success,
                tw(
                    "followup.satisfaction.removed",
                    &[
                        ("kind", &tr(gone.kind.key())),
                        ("date", &fmt::date(gone.on)),
                    ],
                ),
                tr("followup.undo"),
                move || {
                    if let Some(save) = act::restore_check(data, deal_id, at, gone.clone()) {
                        spawn_save(toasts, save, |_| {});
                    }
                },
            );
        });
    };
    view! {
        <section class="card followup-satisfaction" aria-labelledby="satisfaction-heading">
            <h2 id="satisfaction-heading">{tr_fn("followup.satisfaction.title")}</h2>
            <p class="hint">{tr_fn("followup.satisfaction.intro")}</p>
            {move || match next.get() {
                None => view! { <p class="hint">{tr("followup.satisfaction.not_in_service")}</p> }.into_any(),
                Some(list) => view! {
                    <ul class="plain-list next-checks" aria-label=tr("followup.satisfaction.next_list")>
                        {list.into_iter().map(|n| {
                            let text = next_text(&n);
                            if n.is_due {
                                view! { <li class="notice notice-warning"><span role="status">{text}</span></li> }.into_any()
                            } else {
                                view! { <li>{text}</li> }.into_any()
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            {move || {
                let list = checks.get();
                if list.is_empty() {
                    return view! { <p class="hint">{tr("followup.satisfaction.none")}</p> }.into_any();
                }
                view! {
                    <ul class="plain-list check-log" aria-label=tr("followup.satisfaction.log")>
                        {list.into_iter().map(|c| {
                            let kind = tr(c.kind.key());
                            let date = fmt::date(c.on);
                            let mut parts = vec![format!("{kind} · {date}")];
                            if let Some(p) = person_name(c.person_id) {
                                parts.push(p);
                            }
                            if let Some(s) = c.score {
                                parts.push(tw("followup.satisfaction.score", &[("score", &s.to_string())]));
                            }
                            let label = tw("followup.satisfaction.remove_named", &[("kind", &kind), ("date", &date)]);
                            let note = c.note.clone();
                            view! {
                                <li class="check-entry">
                                    <div class="row-with-action">
                                        <span>{parts.join(" · ")}</span>
                                        <button type="button" class="small" aria-label=label on:click=move |_| remove(c.clone())>
                                            {tr("followup.remove")}
                                        </button>
                                    </div>
                                    {(!note.is_empty()).then(|| view! { <p class="hint pre-line">{note}</p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <OnRequest label_key="followup.satisfaction.add_title">
                <CheckForm deal_id=deal_id deal=deal/>
            </OnRequest>
        </section>
    }
}

/// The labels of the scores 1 to 5.
const SCORE_KEYS: [&str; 5] = [
    "followup.satisfaction.score_1",
    "followup.satisfaction.score_2",
    "followup.satisfaction.score_3",
    "followup.satisfaction.score_4",
    "followup.satisfaction.score_5",
];

#[component]
fn CheckForm(deal_id: Id, deal: DealSig) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let kind = RwSignal::new(CheckKind::Call.code().to_string());
    let on = RwSignal::new(ymd(fmt::today()));
    let person = RwSignal::new(String::new());
    let score = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let people = Signal::derive(move || {
        let Some(account) = deal.with(|d| d.as_ref().map(|d| d.account_id)) else {
            return Vec::new();
        };
        let mut v: Vec<(String, String)> = data
            .indexes
            .people_of(account)
            .into_iter()
            .filter_map(|id| data.contacts.get(id))
            .map(|c| (c.id.to_string(), c.name))
            .collect();
        v.sort_with(|a, b| a.1.cmp(&b.1));
        v
    });
    let scores = Signal::derive(|| {
        SCORE_KEYS
            .iter()
            .enumerate()
            .map(|(i, key)| ((i + 1).to_string(), tr(key)))
            .collect::<Vec<_>>()
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = CheckDraft {
            kind: CheckKind::from_code(&kind.get_untracked()).unwrap_or(CheckKind::Call),
            on: on.get_untracked(),
            person_id: person.get_untracked().parse().ok(),
            score: score.get_untracked(),
            note: note.get_untracked(),
        };
        match act::log_check(data, deal_id, &d) {
            Err(errs) => errors.show(&errs),
            Ok(None) => {}
            Ok(Some(save)) => {
                errors.clear();
                spawn_save(toasts, save, move |_| {
                    toasts.push(ToastKind::Success, tr("followup.satisfaction.logged"));
                    score.set(String::new());
                    note.set(String::new());
                });
            }
        }
    };
    let kinds = select_options(CheckKind::ALL, CheckKind::code, CheckKind::key);
    view! {
        <form class="form-grid check-form" novalidate=true on:submit=on_submit aria-label=tr_fn("followup.satisfaction.add_title")>
            <h3>{tr_fn("followup.satisfaction.add_title")}</h3>
            <ErrorSummary errors=errors.summary()/>
            <div class="form-columns">
                <SelectField
                    id="check-kind"
                    label=Signal::derive(tr_fn("followup.field.checks.kind"))
                    value=kind
                    options=Signal::derive(kinds)
                />
                <TextField
                    id="check-on"
                    label=Signal::derive(tr_fn("followup.field.checks.on"))
                    value=on
                    input_type="date"
                    required=true
                    error=errors.field("on")
                />
                <SelectField
                    id="check-person"
                    label=Signal::derive(tr_fn("followup.field.checks.person_id"))
                    value=person
                    options=people
                    empty_label=Signal::derive(tr_fn("followup.satisfaction.nobody"))
                    error=errors.field("person_id")
                />
                <SelectField
                    id="check-score"
                    label=Signal::derive(tr_fn("followup.field.checks.score"))
                    value=score
                    options=scores
                    empty_label=Signal::derive(tr_fn("followup.satisfaction.no_score"))
                    error=errors.field("score")
                />
            </div>
            <TextArea
                id="check-note"
                label=Signal::derive(tr_fn("followup.field.checks.note"))
                value=note
                error=errors.field("note")
                rows=2
            />
            <div class="actions">
                <button type="submit" class="primary">{tr_fn("followup.satisfaction.add")}</button>
            </div>
        </form>
    }
}

/// This part's line in the deal page's step-6 section: the next call and request, a
/// warning when one is due.
#[component]
pub fn Summary(deal_id: Id) -> impl IntoView {
    let data = use_data();
    let line = move || {
        let f = act::of_deal(data, deal_id);
        let next = next_checks(data, deal_id, f.as_ref())?;
        let due = next.iter().any(|n| n.is_due);
        Some((
            next.iter().map(next_text).collect::<Vec<_>>().join(" · "),
            due,
        ))
    };
    move || {
        line().map(|(text, due)| {
            view! {
                <p class=if due { "followup-summary notice notice-warning" } else { "followup-summary" } role=due.then_some("status")>
                    <strong>{tr("followup.satisfaction.title")} ": "</strong>
                    {text}
                </p>
            }
        })
    }
}
