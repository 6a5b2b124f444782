//! A person's communication style: the judgement with its confidence and date, the hints,
//! and the two ways to judge it (directly, or with the guided questionnaire).

use crate::domain::contact::Contact;
use crate::domain::style::{
    judge_by_questionnaire, judge_direct, score, CommunicationStyle, Confidence, StyleError,
    StyleJudgement, ANSWER_MAX, QUESTIONNAIRE,
};
use crate::domain::training::GuidePage;
use crate::state::actions::contacts;
use crate::state::data::{store_error_text, use_data, AppData};
use crate::state::toasts::{use_toasts, Toasts};
use crate::state::tr_fn;
use crate::state::{tr, tw, ToastKind};
use crate::ui::form::SelectField;
use crate::ui::style_hint::StyleHint;
use crate::ui::why::WhyLink;
use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    View,
    Direct,
    Questionnaire,
}

fn style_code(s: CommunicationStyle) -> &'static str {
    s.key().trim_start_matches("style.")
}

fn style_from_code(c: &str) -> Option<CommunicationStyle> {
    CommunicationStyle::ALL
        .iter()
        .copied()
        .find(|s| style_code(*s) == c)
}

fn confidence_code(c: Confidence) -> &'static str {
    c.key().trim_start_matches("style.confidence.")
}

fn confidence_from_code(c: &str) -> Confidence {
    Confidence::ALL
        .iter()
        .copied()
        .find(|x| confidence_code(*x) == c)
        .unwrap_or_default()
}

fn style_error_text(e: &StyleError) -> String {
    match e {
        StyleError::WrongAnswerCount { expected, got } => tw(
            e.key(),
            &[
                ("expected", &expected.to_string()),
                ("got", &got.to_string()),
            ],
        ),
        StyleError::AnswerOutOfRange { question, .. } => {
            tw(e.key(), &[("question", &(question + 1).to_string())])
        }
        _ => tr(e.key()),
    }
}

/// Saves a new judgement on the person; returns whether it was stored.
async fn save_judgement(
    data: AppData,
    toasts: Toasts,
    contact: Contact,
    j: StyleJudgement,
) -> bool {
    let style = j.style;
    match contacts::judge_style(data, contact, j).await {
        Ok(_) => {
            toasts.push(
                ToastKind::Success,
                tw("trust.ui.style.saved", &[("style", &tr(style.key()))]),
            );
            true
        }
        Err(e) => {
            toasts.push(ToastKind::Error, store_error_text(&e));
            false
        }
    }
}

#[component]
pub fn StyleCard(#[prop(into)] contact: Signal<Option<Contact>>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let mode = RwSignal::new(Mode::View);
    let current = Memo::new(move |_| contact.with(|c| c.as_ref().and_then(|c| c.style.clone())));

    // Direct choice
    let direct_style = RwSignal::new(String::new());
    let direct_conf = RwSignal::new(confidence_code(Confidence::Fairly).to_string());
    let direct_error = RwSignal::new(None::<String>);
    // Questionnaire
    let answers = RwSignal::new(vec![None::<u8>; QUESTIONNAIRE.len()]);
    let q_choice = RwSignal::new(String::new());
    let q_conf = RwSignal::new(confidence_code(Confidence::Fairly).to_string());
    let q_error = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);

    let open_direct = move |_| {
        direct_style.set(
            current
                .get_untracked()
                .map(|j| style_code(j.style).to_string())
                .unwrap_or_default(),
        );
        direct_error.set(None);
        mode.set(Mode::Direct);
    };
    let open_questionnaire = move |_| {
        let prev = current.get_untracked().and_then(|j| match j.judged_by {
            crate::domain::style::JudgedBy::Questionnaire { answers } => Some(answers),
            _ => None,
        });
        answers.set(match prev {
            Some(a) if a.len() == QUESTIONNAIRE.len() => a.into_iter().map(Some).collect(),
            _ => vec![None; QUESTIONNAIRE.len()],
        });
        q_choice.set(String::new());
        q_error.set(None);
        mode.set(Mode::Questionnaire);
    };

    let complete_answers = move || answers.with(|a| a.iter().copied().collect::<Option<Vec<u8>>>());
    let live_score = Memo::new(move |_| complete_answers().and_then(|a| score(&a).ok()));

    let style_options = Signal::derive(move || {
        CommunicationStyle::ALL
            .iter()
            .map(|s| (style_code(*s).to_string(), tr(s.key())))
            .collect::<Vec<_>>()
    });
    let confidence_options = Signal::derive(move || {
        Confidence::ALL
            .iter()
            .map(|c| (confidence_code(*c).to_string(), tr(c.key())))
            .collect::<Vec<_>>()
    });

    let save_direct = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(c) = contact.get_untracked() else {
            return;
        };
        let Some(style) = style_from_code(&direct_style.get_untracked()) else {
            direct_error.set(Some(tr("trust.ui.style.choose_style")));
            return;
        };
        direct_error.set(None);
        let j = judge_direct(
            style,
            confidence_from_code(&direct_conf.get_untracked()),
            Utc::now(),
        );
        saving.set(true);
        spawn_local(async move {
            if save_judgement(data, toasts, c, j).await {
                mode.set(Mode::View);
            }
            saving.set(false);
        });
    };
    let save_questionnaire = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(c) = contact.get_untracked() else {
            return;
        };
        let a: Vec<u8> = match complete_answers() {
            Some(a) => a,
            None => {
                let got = answers.with_untracked(|a| a.iter().filter(|x| x.is_some()).count());
                q_error.set(Some(style_error_text(&StyleError::WrongAnswerCount {
                    expected: QUESTIONNAIRE.len(),
                    got,
                })));
                return;
            }
        };
        let chosen = style_from_code(&q_choice.get_untracked());
        match judge_by_questionnaire(
            &a,
            chosen,
            confidence_from_code(&q_conf.get_untracked()),
            Utc::now(),
        ) {
            Ok(j) => {
                q_error.set(None);
                saving.set(true);
                spawn_local(async move {
                    if save_judgement(data, toasts, c, j).await {
                        mode.set(Mode::View);
                    }
                    saving.set(false);
                });
            }
            Err(e) => q_error.set(Some(style_error_text(&e))),
        }
    };

    view! {
        <section class="card trust-card" aria-labelledby="style-heading">
            <h3 id="style-heading">{tr_fn("trust.ui.style.title")}</h3>
            <WhyLink page=GuidePage::CommunicationStyles/>
            {move || match contact.get().filter(|c| c.style.is_some()) {
                Some(c) => {
                    let traits = c.style.as_ref().map(|j| j.style.traits_key()).unwrap_or_default();
                    view! {
                        <p>{tr(traits)}</p>
                        <StyleHint contact=c open=true/>
                    }
                    .into_any()
                }
                None => view! { <p class="hint">{tr("trust.ui.style.not_judged")}</p> }.into_any(),
            }}
            <Show when=move || mode.get() == Mode::View>
                <div class="actions no-print">
                    <button type="button" on:click=open_direct>{tr_fn("trust.ui.style.set_direct")}</button>
                    <button type="button" on:click=open_questionnaire>{tr_fn("trust.ui.style.use_questionnaire")}</button>
                </div>
            </Show>
            <Show when=move || mode.get() == Mode::Direct>
                <form class="form-grid subsection" on:submit=save_direct novalidate>
                    <h4>{tr_fn("trust.ui.style.set_direct")}</h4>
                    <div class="inline-fields">
                        <SelectField
                            id="style-direct"
                            label=Signal::derive(tr_fn("trust.ui.style.style"))
                            value=direct_style
                            options=style_options
                            empty_label=Signal::derive(tr_fn("trust.ui.style.choose"))
                            error=Signal::derive(move || direct_error.get())
                            required=true
                        />
                        <SelectField
                            id="style-direct-confidence"
                            label=Signal::derive(tr_fn("trust.ui.style.confidence"))
                            value=direct_conf
                            options=confidence_options
                        />
                    </div>
                    <div class="actions">
                        <button type="submit" class="primary" disabled=move || saving.get()>{tr_fn("trust.ui.style.save")}</button>
                        <button type="button" on:click=move |_| mode.set(Mode::View)>{tr_fn("trust.ui.cancel")}</button>
                    </div>
                </form>
            </Show>
            <Show when=move || mode.get() == Mode::Questionnaire>
                <form class="form-grid subsection questionnaire" on:submit=save_questionnaire novalidate>
                    <h4>{tr_fn("trust.ui.style.questionnaire")}</h4>
                    <p class="hint">{tr_fn("trust.ui.style.questionnaire_intro")}</p>
                    {QUESTIONNAIRE
                        .iter()
                        .enumerate()
                        .map(|(qi, q)| {
                            view! {
                                <fieldset class="question">
                                    <legend>{move || format!("{}. {}", qi + 1, tr(q.key))}</legend>
                                    <div class="options">
                                        {(0..=ANSWER_MAX)
                                            .map(|v| {
                                                let input_id = format!("style-q{qi}-{v}");
                                                view! {
                                                    <div class="option">
                                                        <input
                                                            type="radio"
                                                            id=input_id.clone()
                                                            name=format!("style-q{qi}")
                                                            prop:checked=move || answers.with(|a| a[qi] == Some(v))
                                                            on:change=move |_| answers.update(|a| a[qi] = Some(v))
                                                        />
                                                        <label for=input_id>{tr_fn(q.options[v as usize])}</label>
                                                    </div>
                                                }
                                            })
                                            .collect_view()}
                                    </div>
                                </fieldset>
                            }
                        })
                        .collect_view()}
                    <div class="notice score" role="status">
                        {move || match live_score.get() {
                            None => tw(
                                "trust.ui.style.answered",
                                &[
                                    ("count", &answers.with(|a| a.iter().filter(|x| x.is_some()).count()).to_string()),
                                    ("total", &QUESTIONNAIRE.len().to_string()),
                                ],
                            ),
                            Some(s) => match s.style {
                                Some(style) => tw("trust.ui.style.result", &[("style", &tr(style.key()))]),
                                None => tr("trust.ui.style.result_tie"),
                            },
                        }}
                    </div>
                    <Show when=move || live_score.with(|s| s.as_ref().is_some_and(|s| s.tie))>
                        <SelectField
                            id="style-tie"
                            label=Signal::derive(tr_fn("trust.ui.style.tie_choice"))
                            value=q_choice
                            options=Signal::derive(move || {
                                live_score
                                    .get()
                                    .map(|s| s.candidates)
                                    .unwrap_or_default()
                                    .into_iter()
                                    .map(|c| (style_code(c).to_string(), tr(c.key())))
                                    .collect::<Vec<_>>()
                            })
                            empty_label=Signal::derive(tr_fn("trust.ui.style.choose"))
                        />
                    </Show>
                    <SelectField
                        id="style-q-confidence"
                        label=Signal::derive(tr_fn("trust.ui.style.confidence"))
                        value=q_conf
                        options=confidence_options
                    />
                    {move || q_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                    <div class="actions">
                        <button type="submit" class="primary" disabled=move || saving.get()>{tr_fn("trust.ui.style.save")}</button>
                        <button type="button" on:click=move |_| mode.set(Mode::View)>{tr_fn("trust.ui.cancel")}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
