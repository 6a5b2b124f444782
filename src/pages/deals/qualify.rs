//! Step 1's four questions, the gate and its override.

use super::common::{commit_quietly, committed};
use super::detail::{with_deal, DealSig};
use super::sections::FoldingSection;
use crate::domain::deal::Step;
use crate::domain::deal_sections::DealSection;
use crate::domain::qualification::{self, Answer, Gate, QualifyingQuestion};
use crate::state::actions::deals;
use crate::state::data::use_data;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw, ToastKind};
use crate::ui::fmt;
use crate::ui::form::TextArea;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn answer_code(a: Option<Answer>) -> &'static str {
    match a {
        Some(Answer::Yes) => "yes",
        Some(Answer::No) => "no",
        Some(Answer::Unsure) => "unsure",
        None => "",
    }
}

fn parse_answer(s: &str) -> Option<Answer> {
    match s {
        "yes" => Some(Answer::Yes),
        "no" => Some(Answer::No),
        "unsure" => Some(Answer::Unsure),
        _ => None,
    }
}

#[component]
pub fn QualificationSection(deal: DealSig) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let initial = with_deal(deal, Default::default(), |d| d.qualification.clone());
    let answers: Vec<(QualifyingQuestion, RwSignal<String>, RwSignal<String>)> =
        QualifyingQuestion::ALL
            .iter()
            .map(|q| {
                let r = initial.response(*q);
                (
                    *q,
                    RwSignal::new(answer_code(r.answer).to_string()),
                    RwSignal::new(r.note.clone()),
                )
            })
            .collect();
    let answers = StoredValue::new(answers);
    let override_reason = RwSignal::new(String::new());
    let override_error = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);

    let gate =
        Memo::new(move |_| with_deal(deal, Gate::Open, |d| qualification::gate(&d.qualification)));
    let gate_text = move || {
        let g = gate.get();
        let names = g
            .questions()
            .iter()
            .map(|q| tr(q.key()))
            .collect::<Vec<_>>()
            .join(" · ");
        (tr(g.key()), names)
    };

    let deal_id = move || with_deal(deal, None, |d| Some(d.id));

    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = deal_id() else { return };
        let given: Vec<_> = answers.with_value(|list| {
            list.iter()
                .map(|(q, a, note)| (*q, parse_answer(&a.get_untracked()), note.get_untracked()))
                .collect()
        });
        let Some(save) = deals::answer_questions(data, id, &given) else {
            return;
        };
        saving.set(true);
        spawn_local(async move {
            if committed(toasts, save).await.is_some() {
                toasts.push(ToastKind::Success, tr("deals_ui.qualify.saved"));
            }
            saving.set(false);
        });
    };

    let on_override = move |_| {
        let Some(id) = deal_id() else { return };
        let save = match deals::set_override(data, id, &override_reason.get_untracked()) {
            Ok(Some(save)) => save,
            Ok(None) => return,
            Err(e) => {
                override_error.set(Some(tr(e.key())));
                return;
            }
        };
        override_error.set(None);
        spawn_local(async move {
            if committed(toasts, save).await.is_some() {
                override_reason.set(String::new());
                toasts.push(ToastKind::Success, tr("deals_ui.qualify.override_saved"));
            }
        });
    };

    let on_clear_override = move |_| {
        if let Some(id) = deal_id() {
            commit_quietly(toasts, deals::clear_override(data, id));
        }
    };

    let existing_override =
        move || with_deal(deal, None, |d| d.qualification.gate_override.clone());

    view! {
        <FoldingSection section=DealSection::Qualification class="qualification" summary=Signal::derive(move || {
            with_deal(deal, String::new(), |d| {
                let answers: Vec<String> = QualifyingQuestion::ALL
                    .iter()
                    .map(|q| {
                        d.qualification
                            .answer_of(*q)
                            .map(|a| tr(a.key()))
                            .unwrap_or_else(|| "—".into())
                    })
                    .collect();
                tw("deals_ui.qualify.summary", &[("answers", &answers.join(" · "))])
            })
        })>
            <p class="hint">{tr_fn("deals_ui.qualify.intro")}</p>
            <form class="form-grid" on:submit=on_save>
                {answers
                    .get_value()
                    .into_iter()
                    .enumerate()
                    .map(|(i, (q, answer, note))| {
                        let name = format!("q{i}");
                        view! {
                            <fieldset class="qualify-question">
                                <legend>{tr_fn(q.key())}</legend>
                                <p class="hint">{tr_fn(q.hint_key())}</p>
                                <div class="answer-choices">
                                    {Answer::ALL
                                        .iter()
                                        .map(|a| {
                                            let code = answer_code(Some(*a));
                                            let rid = format!("{name}-{code}");
                                            let rid2 = rid.clone();
                                            let a = *a;
                                            view! {
                                                <label class="choice-pill" for=rid2>
                                                    <input
                                                        type="radio"
                                                        id=rid
                                                        name=name.clone()
                                                        value=code
                                                        prop:checked=move || answer.get() == code
                                                        on:change=move |_| answer.set(code.to_string())
                                                    />
                                                    {tr_fn(a.key())}
                                                </label>
                                            }
                                        })
                                        .collect_view()}
                                </div>
                                <TextArea
                                    id=format!("{name}-note")
                                    label=Signal::derive(move || tw("deals_ui.qualify.note", &[("question", &tr(q.key()))]))
                                    value=note
                                    rows=2
                                />
                                {move || {
                                    with_deal(deal, None, |d| d.qualification.response(q).answered_at)
                                        .map(|at| {
                                            view! {
                                                <p class="hint">
                                                    {tw("deals_ui.qualify.answered_at", &[("date", &fmt::datetime(at))])}
                                                </p>
                                            }
                                        })
                                }}
                            </fieldset>
                        }
                    })
                    .collect_view()}
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || saving.get()>
                        {tr_fn("deals_ui.qualify.save")}
                    </button>
                </div>
            </form>
            <Show when=move || with_deal(deal, false, |d| d.step == Step::CustomerAnalysis)>
            <div
                class=move || {
                    if gate.get().is_open() { "notice gate" } else { "notice notice-warning gate" }
                }
                role="status"
            >
                <p>
                    <strong>{tr_fn("deals_ui.qualify.gate")}</strong>
                    " "
                    {move || gate_text().0}
                </p>
                {move || {
                    let names = gate_text().1;
                    (!names.is_empty()).then(|| view! { <p>{names}</p> })
                }}
            </div>
            </Show>
            {move || {
                existing_override()
                    .map(|o| {
                        view! {
                            <div class="notice">
                                <p>
                                    <strong>{tr("deals_ui.qualify.override_given")}</strong>
                                    " " {o.reason.clone()} " · " {fmt::datetime(o.at)}
                                </p>
                                <button type="button" on:click=on_clear_override>
                                    {tr("deals_ui.qualify.override_clear")}
                                </button>
                            </div>
                        }
                    })
            }}
            <Show when=move || gate.get().can_be_overridden()>
                <div class="subsection">
                    <h3>{tr_fn("deals_ui.qualify.override_title")}</h3>
                    <TextArea
                        id="override-reason"
                        label=Signal::derive(move || {
                            if matches!(gate.get(), Gate::Unsure(_)) {
                                tr("deal_rules.qualify.override_reason_unsure")
                            } else {
                                tr("deals_ui.qualify.override_reason")
                            }
                        })
                        value=override_reason
                        error=Signal::derive(move || override_error.get())
                        rows=2
                    />
                    <div class="actions">
                        <button type="button" on:click=on_override>
                            {tr_fn("deals_ui.qualify.override_button")}
                        </button>
                    </div>
                </div>
            </Show>
        </FoldingSection>
    }
}
