//! Moving a deal between steps: the end-signal confirmation (forward by one), the written
//! reason of a skip, and the record of a step back. Used by the board and the deal page.

use super::common::{current_deal, deal_href, focus_later, iso, parse_iso, save_deal, step_label};
use crate::domain::deal::{self, classify_move, Move, Step, TransitionError};
use crate::domain::ids::Id;
use crate::domain::qualification::Gate;
use crate::state::data::use_data;
use crate::state::toasts::use_toasts;
use crate::state::{tr, tw, ToastKind};
use crate::ui::fmt;
use crate::ui::form::{TextArea, TextField};
use chrono::Utc;
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

fn kind_of(from: Step, to: Step) -> Move {
    match classify_move(from, to) {
        Move::Stay => Move::Advance,
        m => m,
    }
}

fn gate_text(g: &Gate) -> Option<String> {
    let qs = match g {
        Gate::BlockedBy(qs) | Gate::Unanswered(qs) => qs,
        Gate::Open => return None,
    };
    let names: Vec<String> = qs.iter().map(|q| tr(q.key())).collect();
    Some(tr(g.key()) + " " + &names.join(" · "))
}

/// The move form, shown over the page while `request` is set.
#[component]
pub fn MoveDialog(request: RwSignal<Option<MoveRequest>>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let evidence = RwSignal::new(String::new());
    let signal_date = RwSignal::new(iso(fmt::today()));
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<(String, Option<String>)>);
    let saving = RwSignal::new(false);

    // A new request starts with an empty form and takes the focus.
    Effect::new(move |_| {
        if let Some(r) = request.get() {
            evidence.set(String::new());
            reason.set(String::new());
            signal_date.set(iso(fmt::today()));
            error.set(None);
            let from = current_deal(data, r.deal_id).map(|d| d.step);
            let target = match from.map(|f| kind_of(f, r.to)) {
                Some(Move::Advance) => "move-evidence",
                _ => "move-reason",
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
        let Some(mut d) = current_deal(data, r.deal_id) else {
            request.set(None);
            return;
        };
        let now = Utc::now();
        let from = d.step;
        let result = match kind_of(from, r.to) {
            Move::Advance => match parse_iso(&signal_date.get_untracked()) {
                Some(on) => deal::advance(&mut d, &evidence.get_untracked(), on, now),
                None => {
                    error.set(Some((tr("deals_ui.move.date_required"), None)));
                    return;
                }
            },
            Move::Skip => deal::skip_to(&mut d, r.to, &reason.get_untracked(), now),
            Move::Back => deal::step_back(&mut d, r.to, &reason.get_untracked(), now),
            Move::Stay => Ok(()),
        };
        if let Err(e) = result {
            let detail = match &e {
                TransitionError::Gate(g) => gate_text(g),
                _ => None,
            };
            error.set(Some((tr(e.key()), detail)));
            return;
        }
        let title = d.title.clone();
        let to = d.step;
        saving.set(true);
        spawn_local(async move {
            if save_deal(data, toasts, d).await {
                toasts.push(
                    ToastKind::Success,
                    tw(
                        "deals_ui.move.done",
                        &[("deal", &title), ("step", &step_label(to))],
                    ),
                );
                close();
            }
            saving.set(false);
        });
    };

    move || {
        let r = request.get()?;
        let d = data.deals.with(|m| m.get(&r.deal_id).cloned())?;
        let from = d.step;
        let mv = kind_of(from, r.to);
        let deal_id = d.id;
        let title = d.title.clone();
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
                <p class="hint">{tr("deals_ui.step.ends_when")} " " {tr(from.end_signal_key())}</p>
                <TextArea
                    id="move-evidence"
                    label=Signal::derive(|| tr("deals_ui.move.evidence"))
                    value=evidence
                    hint=Signal::derive(move || tr(from.evidence_hint_key()))
                />
                <TextField
                    id="move-date"
                    label=Signal::derive(|| tr("deals_ui.move.signal_date"))
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
                    label=Signal::derive(|| tr("deals_ui.move.skip_reason"))
                    value=reason
                />
            }
            .into_any(),
            _ => view! {
                <p>{tr("deals_ui.move.back_body")}</p>
                <TextArea
                    id="move-reason"
                    label=Signal::derive(|| tr("deals_ui.move.back_reason"))
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
        Some(view! {
            <div class="modal-backdrop">
                <div
                    class="modal card"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="move-title"
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            close();
                        }
                    }
                >
                    <h2 id="move-title">{heading}</h2>
                    <form
                        class="form-grid"
                        on:submit=move |ev| {
                            ev.prevent_default();
                            submit();
                        }
                    >
                        {body}
                        {move || {
                            error
                                .get()
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
                                    on:click=move |_| request.set(None)
                                >
                                    {move || tr("deals_ui.move.to_qualification")}
                                </a>
                            </p>
                        </Show>
                        <div class="actions">
                            <button type="submit" class="primary" disabled=move || saving.get()>
                                {submit_label.clone()}
                            </button>
                            <button type="button" on:click=move |_| close()>
                                {move || tr("form.cancel")}
                            </button>
                        </div>
                    </form>
                </div>
            </div>
        })
    }
}
