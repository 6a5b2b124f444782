//! Moving a deal between steps: the end-signal confirmation (forward by one), the written
//! reason of a skip, and the record of a step back. Used by the board and the deal page.
//!
//! What would refuse the move is said first, before anything is typed
//! ([`deal::check_move`]): a closed deal does not move (the dialog points to "Reopen the
//! deal" on its page); a qualification gate that is not passed is named at the top with
//! the questions that are not "yes", and — when an override can open it — a field for the
//! override reason, given together with the move.

use super::common::{committed, current_deal, iso, parse_iso};
use super::sections::{follow_fragment, Sections};
use crate::domain::deal::Deal;
use crate::domain::deal::{self, Move, MoveError, MoveInput, Step, TransitionError};
use crate::domain::ids::Id;
use crate::domain::qualification::{Gate, QualifyingQuestion};
use crate::state::actions::{deals, proposals};
use crate::state::data::use_data;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw, ToastKind};
use crate::ui::deal_text::{deal_href, step_label};
use crate::ui::fmt;
use crate::ui::focus::focus_later;
use crate::ui::form::{TextArea, TextField};
use crate::ui::modal::{modal, Frame};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A requested move of a deal to a step. `to == from` (only in step 6) confirms the last
/// end signal: every account paid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveRequest {
    pub deal_id: Id,
    pub to: Step,
    /// The id of the element to give focus back to when the dialog closes.
    pub return_focus: Option<String>,
}

fn gate_text(g: &Gate) -> Option<String> {
    if g.is_open() {
        return None;
    }
    let names: Vec<String> = g.questions().iter().map(|q| tr(q.key())).collect();
    Some(tr(g.key()) + " " + &names.join(" · "))
}

/// What the dialog shows for a requested move, decided before anything is typed.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Case {
    /// The move can be made (the form asks for its evidence or reason).
    Form,
    /// The gate keeps the deal in step 1, but an override reason given here opens it.
    Overridable(Gate),
    /// Questions are unanswered: answer them first.
    Unanswered(Gate),
    /// The deal is won, lost, declined or finished: it does not move.
    Closed(TransitionError),
}

fn case_of(d: &Deal, to: Step) -> Case {
    match deal::check_move(d, to) {
        Ok(()) => Case::Form,
        // A reason that could not open the gate is not asked for: the questions still
        // unanswered are named first.
        Err(TransitionError::Gate(g)) if g.can_be_overridden() => {
            if deal::override_would_pass(d, to) {
                Case::Overridable(g)
            } else {
                Case::Unanswered(Gate::Unanswered(d.qualification.with_answer(None)))
            }
        }
        Err(TransitionError::Gate(g)) => Case::Unanswered(g),
        Err(e) => Case::Closed(e),
    }
}

/// "Can we win? — Unsure" for each question that keeps the gate closed: when an override
/// can open it, every answer that is not "yes" and not yet covered (the override covers
/// them all); otherwise the unanswered questions.
fn gate_lines(d: &Deal, g: &Gate) -> Vec<String> {
    let q = &d.qualification;
    let line = |question: QualifyingQuestion, answer: String| {
        tw(
            "deal_rules.gate.question_answer",
            &[("question", &tr(question.key())), ("answer", &answer)],
        )
    };
    if g.can_be_overridden() {
        q.not_yes()
            .into_iter()
            .filter(|(x, _)| !q.is_covered(*x))
            .map(|(x, a)| line(x, tr(a.key())))
            .collect()
    } else {
        g.questions()
            .iter()
            .map(|x| line(*x, tr("deal_rules.gate.not_answered")))
            .collect()
    }
}

/// The move form, shown over the page while `request` is set.
#[component]
pub fn MoveDialog(request: RwSignal<Option<MoveRequest>>) -> impl IntoView {
    // The deal page's sections, when the dialog opens there (links then unfold in place).
    let here = use_context::<Sections>();
    let data = use_data();
    let toasts = use_toasts();
    let evidence = RwSignal::new(String::new());
    let signal_date = RwSignal::new(iso(fmt::today()));
    let reason = RwSignal::new(String::new());
    let override_reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<(String, Option<String>)>);
    let saving = RwSignal::new(false);

    // A new request starts with an empty form and takes the focus.
    Effect::new(move |_| {
        if let Some(r) = request.get() {
            evidence.set(String::new());
            reason.set(String::new());
            override_reason.set(String::new());
            signal_date.set(iso(fmt::today()));
            error.set(None);
            let Some(d) = current_deal(data, r.deal_id) else {
                return;
            };
            // Leaving step 4: an accepted proposal version is the evidence, filled in.
            if d.step == Step::PresentingValue && r.to == Step::WinningCommitment {
                if let Some((text, on)) = proposals::step_four_evidence(data, d.id) {
                    evidence.set(text);
                    signal_date.set(iso(on));
                }
            }
            let target = match (case_of(&d, r.to), deal::move_kind(d.step, r.to)) {
                (Case::Closed(_) | Case::Unanswered(_), _) => "move-close",
                (Case::Overridable(_), _) => "move-override",
                (Case::Form, Move::Advance) => "move-evidence",
                (Case::Form, _) => "move-reason",
            };
            focus_later(target.to_string());
        }
    });

    let close = move || {
        let back = request.get_untracked().and_then(|r| r.return_focus);
        request.set(None);
        if let Some(id) = back {
            focus_later(id);
        }
    };

    let submit = move || {
        let Some(r) = request.get_untracked() else {
            return;
        };
        // Confirming step 6's end signal finishes the deal where it is.
        let finishing = data
            .deals
            .get_untracked(r.deal_id)
            .is_some_and(|d| d.step == r.to);
        let input = MoveInput {
            evidence: evidence.get_untracked(),
            signal_date: parse_iso(&signal_date.get_untracked()),
            reason: reason.get_untracked(),
            override_reason: override_reason.get_untracked(),
        };
        let save = match deals::move_to(data, r.deal_id, r.to, &input) {
            Ok(Some(save)) => save,
            Ok(None) => {
                request.set(None);
                return;
            }
            Err(e) => {
                let detail = match &e {
                    MoveError::Transition(TransitionError::Gate(g)) => {
                        if g.can_be_overridden() {
                            focus_later("move-override");
                        }
                        gate_text(g)
                    }
                    _ => None,
                };
                let mut msg = tr(e.key());
                // Winning waits for every agreed term to be confirmed: name them.
                if let MoveError::Transition(
                    TransitionError::TermsUnconfirmed(terms)
                    | TransitionError::InvoicesUnpaid(terms),
                ) = &e
                {
                    msg = format!("{msg} {}", terms.join(" · "));
                }
                error.set(Some((msg, detail)));
                return;
            }
        };
        saving.set(true);
        spawn_local(async move {
            if let Some(d) = committed(toasts, save).await {
                let text = if finishing {
                    tw("deals_ui.move.finished", &[("deal", &d.title)])
                } else {
                    tw(
                        "deals_ui.move.done",
                        &[("deal", &d.title), ("step", &step_label(d.step))],
                    )
                };
                toasts.push(ToastKind::Success, text);
                close();
            }
            saving.set(false);
        });
    };

    move || {
        let r = request.get()?;
        let d = data.deals.get(r.deal_id)?;
        let from = d.step;
        let mv = deal::move_kind(from, r.to);
        let deal_id = d.id;
        let title = d.title.clone();
        let case = case_of(&d, r.to);
        if let Case::Closed(e) = &case {
            return Some(closed_view(e, &d, request, close, here).into_any());
        }
        let heading = match mv {
            Move::Advance if from == r.to => tw("deals_ui.move.finish_title", &[("deal", &title)]),
            Move::Advance => tw(
                "deals_ui.move.advance_title",
                &[("deal", &title), ("step", &step_label(r.to))],
            ),
            Move::Skip => tw(
                "deals_ui.move.skip_title",
                &[("deal", &title), ("step", &step_label(r.to))],
            ),
            _ => tw(
                "deals_ui.move.back_title",
                &[("deal", &title), ("step", &step_label(r.to))],
            ),
        };
        let body = match mv {
            Move::Advance => view! {
                <p class="move-question"><strong>{tr(from.confirm_key())}</strong></p>
                <p class="hint">{tw("deal_page.move.end_signal", &[("signal", &tr(from.end_signal_key()))])}</p>
                // Finishing a deal with no invoice recorded: paid outside the app, or not yet.
                {(from == r.to && crate::state::actions::receivables::of_deal(data, deal_id).is_empty()).then(|| view! {
                    <p class="notice notice-warning" role="status">{tr("deals_ui.move.finish_no_invoices")}</p>
                })}
                <TextArea
                    id="move-evidence"
                    label=Signal::derive(tr_fn("deals_ui.move.evidence"))
                    value=evidence
                    hint=Signal::derive(tr_fn(from.evidence_hint_key()))
                    required=true
                />
                <TextField
                    id="move-date"
                    label=Signal::derive(tr_fn("deals_ui.move.signal_date"))
                    value=signal_date
                    input_type="date"
                    required=true
                />
            }
            .into_any(),
            Move::Skip => view! {
                <p>{tw("deals_ui.move.skip_body", &[("step", &step_label(from))])}</p>
                <TextArea
                    id="move-reason"
                    label=Signal::derive(tr_fn("deals_ui.move.skip_reason"))
                    value=reason
                />
            }
            .into_any(),
            _ => view! {
                <p>{tr("deals_ui.move.back_body")}</p>
                <TextArea
                    id="move-reason"
                    label=Signal::derive(tr_fn("deals_ui.move.back_reason"))
                    value=reason
                />
            }
            .into_any(),
        };
        let submit_label = match mv {
            Move::Advance => tr("deals_ui.move.confirm"),
            Move::Skip => tr("deals_ui.move.skip"),
            _ => tr("deals_ui.move.back"),
        };
        let is_gate =
            move || error.with(|e| e.as_ref().is_some_and(|(_, detail)| detail.is_some()));
        let unanswered = matches!(case, Case::Unanswered(_));
        let overridable = matches!(case, Case::Overridable(_));
        let gate_notice = match &case {
            Case::Overridable(g) | Case::Unanswered(g) => {
                let lines = gate_lines(&d, g);
                let intro = if unanswered {
                    tr("deal_rules.gate.unanswered")
                } else {
                    tr("deal_rules.gate.overridable")
                };
                Some(view! {
                    <section class="notice notice-warning move-gate" id="move-gate" aria-labelledby="move-gate-title">
                        <h3 id="move-gate-title">{tr("deal_rules.gate.title")}</h3>
                        <p>{intro}</p>
                        <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        {if unanswered {
                            view! {
                                <p>
                                    <a
                                        href=format!("{}#qualification", deal_href(deal_id))
                                        on:click=move |_| {
                                            request.set(None);
                                            follow_fragment(here, "qualification");
                                        }
                                    >
                                        {tr("deals_ui.move.to_qualification")}
                                    </a>
                                </p>
                            }
                            .into_any()
                        } else {
                            view! {
                                <p class="hint">{tr("deal_rules.gate.override_hint")}</p>
                                <TextArea
                                    id="move-override"
                                    label=Signal::derive(tr_fn("deal_rules.gate.override_reason"))
                                    value=override_reason
                                    rows=2
                                />
                                // A refusal by the gate is said here, next to the field it asks for.
                                {move || {
                                    error
                                        .get()
                                        .filter(|(_, detail)| detail.is_some())
                                        .map(|(msg, detail)| {
                                            view! {
                                                <div class="notice notice-error" role="alert">
                                                    <p>{msg}</p>
                                                    {detail.map(|t| view! { <p>{t}</p> })}
                                                </div>
                                            }
                                        })
                                }}
                            }
                            .into_any()
                        }}
                    </section>
                })
            }
            _ => None,
        };
        let has_gate = gate_notice.is_some();
        // With questions unanswered the move cannot be made here: no fields to fill.
        let body = (!unanswered).then_some(body);
        let frame = Frame {
            labelled_by: "move-title".into(),
            described_by: has_gate.then(|| "move-gate".into()),
            alert: false,
            on_key: move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" {
                    close();
                }
            },
        };
        Some(modal(frame, view! {
                    <h2 id="move-title">{heading}</h2>
                    // The app says what is missing, in words, next to the field.
                    <form
                        class="form-grid"
                        novalidate=true
                        on:submit=move |ev| {
                            ev.prevent_default();
                            submit();
                        }
                    >
                        {gate_notice}
                        {body}
                        {move || {
                            error
                                .get()
                                .filter(|(_, detail)| !(overridable && detail.is_some()))
                                .map(|(msg, detail)| {
                                    view! {
                                        <div class="notice notice-error" role="alert">
                                            <p>{msg}</p>
                                            {detail.map(|t| view! { <p>{t}</p> })}
                                        </div>
                                    }
                                })
                        }}
                        <Show when=is_gate>
                            <p>
                                <a
                                    href=format!("{}#qualification", deal_href(deal_id))
                                    on:click=move |_| {
                                        request.set(None);
                                        follow_fragment(here, "qualification");
                                    }
                                >
                                    {tr_fn("deals_ui.move.to_qualification")}
                                </a>
                            </p>
                        </Show>
                        <div class="actions">
                            {(!unanswered).then(|| view! {
                                <button type="submit" class="primary" disabled=move || saving.get()>
                                    {submit_label.clone()}
                                </button>
                            })}
                            <button
                                type="button"
                                id=unanswered.then_some("move-close")
                                on:click=move |_| close()
                            >
                                {if unanswered { tr("deal_rules.move.close") } else { tr("form.cancel") }}
                            </button>
                        </div>
                    </form>
        })
        .into_any())
    }
}

/// The dialog for a deal that does not move: why, and where to reopen it.
fn closed_view(
    e: &TransitionError,
    d: &Deal,
    request: RwSignal<Option<MoveRequest>>,
    close: impl Fn() + Copy + 'static,
    here: Option<Sections>,
) -> impl IntoView {
    let body = match e {
        TransitionError::Won => Some(tr("deal_rules.move.won_body")),
        TransitionError::Closed => Some(tr("deal_rules.move.closed_body")),
        _ => None,
    };
    let reopen_href = format!("{}#reopen", deal_href(d.id));
    let frame = Frame {
        labelled_by: "move-title".into(),
        described_by: Some("move-why".into()),
        alert: false,
        on_key: move |ev: web_sys::KeyboardEvent| {
            if ev.key() == "Escape" {
                close();
            }
        },
    };
    modal(
        frame,
        view! {
                    <h2 id="move-title">{tw("deal_rules.move.cannot_title", &[("deal", &d.title)])}</h2>
                    <div id="move-why">
                        <p><strong>{tr(e.key())}</strong></p>
                        {body.map(|b| view! { <p>{b}</p> })}
                    </div>
                    <p>
                        <a
                            href=reopen_href
                            on:click=move |_| {
                                request.set(None);
                                follow_fragment(here, "reopen");
                            }
                        >
                            {tr("deal_rules.move.go_reopen")}
                        </a>
                    </p>
                    <div class="actions">
                        <button type="button" id="move-close" on:click=move |_| close()>
                            {tr("deal_rules.move.close")}
                        </button>
                    </div>
        },
    )
}
