//! The rep's next step with its date, and the outcome: won, lost or declined with reason.

use super::common::{committed, iso, outcome_text, parse_iso};
use super::detail::{with_deal, DealSig};
use super::sections::FoldingSection;
use crate::domain::deal::{CloseError, Deal, NextStepError, Outcome, Step, TransitionError};
use crate::domain::deal_sections::DealSection;
use crate::state::actions::deals;
use crate::state::data::use_data;
use crate::state::toasts::{use_toasts, Toasts};
use crate::state::tr_fn;
use crate::state::{tr, tw, ToastKind};
use crate::store::StoreError;
use crate::ui::deal_text::step_label;
use crate::ui::fmt;
use crate::ui::form::{SelectField, TextArea, TextField};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

#[component]
pub fn NextStepSection(deal: DealSig) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let initial = with_deal(deal, None, |d| d.next_step.clone());
    let text = RwSignal::new(initial.as_ref().map(|n| n.text.clone()).unwrap_or_default());
    let due = RwSignal::new(initial.map(|n| iso(n.due)).unwrap_or_default());
    let text_error = RwSignal::new(None::<String>);
    let due_error = RwSignal::new(None::<String>);
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = with_deal(deal, None, |d| Some(d.id)) else {
            return;
        };
        let date = parse_iso(&due.get_untracked());
        let save = match deals::set_next_step(data, id, &text.get_untracked(), date) {
            Ok(save) => save,
            Err(errs) => {
                let shown = |e: NextStepError| errs.contains(&e).then(|| tr(e.key()));
                due_error.set(shown(NextStepError::DueRequired));
                text_error.set(shown(NextStepError::TextRequired));
                return;
            }
        };
        let Some(save) = save else { return };
        due_error.set(None);
        text_error.set(None);
        spawn_local(async move {
            if committed(toasts, save).await.is_some() {
                toasts.push(ToastKind::Success, tr("deals_ui.next.saved"));
            }
        });
    };
    let current = move || {
        with_deal(deal, None, |d| d.next_step.clone()).map(|n| {
            let late = n.due < fmt::today();
            (n.text, fmt::date(n.due), late)
        })
    };
    view! {
        <FoldingSection section=DealSection::NextStep>
            {move || match current() {
                Some((t, d, late)) => view! {
                    <p>
                        <strong>{t}</strong> " · " {tw("deals_ui.next.due", &[("date", &d)])}
                        {late.then(|| view! { " " <span class="badge danger">{tr("deals_ui.badge.overdue")}</span> })}
                    </p>
                }
                .into_any(),
                None => view! { <p class="hint">{tr("deals_ui.next.none")}</p> }.into_any(),
            }}
            <form class="form-grid" on:submit=on_save>
                <div class="form-cols">
                    <TextField
                        id="next-text"
                        label=Signal::derive(tr_fn("deals_ui.next.text"))
                        value=text
                        error=Signal::derive(move || text_error.get())
                    />
                    <TextField
                        id="next-due"
                        label=Signal::derive(tr_fn("deals_ui.next.date"))
                        value=due
                        input_type="date"
                        error=Signal::derive(move || due_error.get())
                    />
                </div>
                <div class="actions">
                    <button type="submit" class="primary">{tr_fn("deals_ui.next.save")}</button>
                </div>
            </form>
        </FoldingSection>
    }
}

#[component]
pub fn OutcomeSection(deal: DealSig) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let close_kind = RwSignal::new("lost".to_string());
    let reason = RwSignal::new(String::new());
    let on_date = RwSignal::new(iso(fmt::today()));
    let close_error = RwSignal::new(None::<String>);
    let evidence = RwSignal::new(String::new());
    let signed = RwSignal::new(iso(fmt::today()));
    let skip_reason = RwSignal::new(String::new());
    let win_error = RwSignal::new(None::<String>);
    let reopen_reason = RwSignal::new(String::new());
    let reopen_error = RwSignal::new(None::<String>);

    let outcome = move || with_deal(deal, Outcome::Open, |d| d.outcome.clone());
    let step = move || with_deal(deal, Step::CustomerAnalysis, |d| d.step);
    let deal_id = move || with_deal(deal, None, |d| Some(d.id));

    let on_close = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = deal_id() else { return };
        let Some(on) = parse_iso(&on_date.get_untracked()) else {
            close_error.set(Some(tr("deals_ui.move.date_required")));
            return;
        };
        let why = reason.get_untracked();
        if close_kind.get_untracked() == "declined" {
            closed(
                deals::decline(data, id, on, &why),
                toasts,
                reason,
                close_error,
            );
        } else {
            closed(
                deals::close_lost(data, id, on, &why),
                toasts,
                reason,
                close_error,
            );
        }
    };
    let on_win = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = deal_id() else { return };
        let Some(on) = parse_iso(&signed.get_untracked()) else {
            win_error.set(Some(tr("deals_ui.move.date_required")));
            return;
        };
        let evidence = evidence.get_untracked();
        let save = match deals::win(data, id, &evidence, on, &skip_reason.get_untracked()) {
            Ok(Some(save)) => save,
            Ok(None) => return,
            Err(e) => {
                let mut text = tr(e.key());
                // Winning waits for every agreed term to be confirmed: name them.
                if let TransitionError::TermsUnconfirmed(terms) = &e {
                    text = format!("{text} {}", terms.join(" · "));
                }
                win_error.set(Some(text));
                return;
            }
        };
        win_error.set(None);
        spawn_local(async move {
            if committed(toasts, save).await.is_some() {
                toasts.push(ToastKind::Success, tr("deals_ui.outcome.saved"));
            }
        });
    };
    let on_reopen = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = deal_id() else { return };
        let save = match deals::reopen(data, id, &reopen_reason.get_untracked()) {
            Ok(Some(save)) => save,
            Ok(None) => return,
            Err(e) => {
                reopen_error.set(Some(tr(e.key())));
                return;
            }
        };
        reopen_error.set(None);
        spawn_local(async move {
            if let Some(d) = committed(toasts, save).await {
                reopen_reason.set(String::new());
                toasts.push(
                    ToastKind::Success,
                    tw(
                        "deal_rules.reopen.done",
                        &[("deal", &d.title), ("step", &step_label(d.step))],
                    ),
                );
            }
        });
    };
    let was_won = move || matches!(outcome(), Outcome::Won { .. });

    view! {
        <FoldingSection section=DealSection::Outcome summary=Signal::derive(move || outcome_text(&outcome()))>
            <Show when=move || !matches!(outcome(), Outcome::Open)>
                <form
                    class="form-grid subsection"
                    id="reopen"
                    aria-labelledby="reopen-heading"
                    on:submit=on_reopen
                >
                    <h3 id="reopen-heading">{tr_fn("deal_rules.reopen.title")}</h3>
                    <p class="hint">
                        {move || {
                            if was_won() {
                                tr("deal_rules.reopen.won_intro")
                            } else {
                                tr("deal_rules.reopen.closed_intro")
                            }
                        }}
                    </p>
                    <TextArea
                        id="reopen-reason"
                        label=Signal::derive(tr_fn("deal_rules.reopen.reason"))
                        value=reopen_reason
                        error=Signal::derive(move || reopen_error.get())
                        rows=2
                    />
                    <div class="actions">
                        <button type="submit">{tr_fn("deals_ui.outcome.reopen")}</button>
                    </div>
                </form>
            </Show>
            <Show when=move || matches!(outcome(), Outcome::Open)>
                <div class="outcome-forms">
                    <form class="form-grid subsection" on:submit=on_win>
                        <h3>{tr_fn("deals_ui.outcome.win_title")}</h3>
                        <TextArea
                            id="win-evidence"
                            label=Signal::derive(tr_fn("deals_ui.outcome.win_evidence"))
                            value=evidence
                            hint=Signal::derive(|| tr(Step::WinningCommitment.evidence_hint_key()))
                            rows=2
                        />
                        <TextField
                            id="win-date"
                            label=Signal::derive(tr_fn("deals_ui.outcome.signed_on"))
                            value=signed
                            input_type="date"
                        />
                        <Show when=move || step() < Step::WinningCommitment>
                            <TextArea
                                id="win-skip"
                                label=Signal::derive(tr_fn("deals_ui.outcome.win_skip_reason"))
                                value=skip_reason
                                rows=2
                            />
                        </Show>
                        {move || win_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                        <div class="actions">
                            <button type="submit">{tr_fn("deals_ui.outcome.win")}</button>
                        </div>
                    </form>
                    <form class="form-grid subsection" on:submit=on_close>
                        <h3>{tr_fn("deals_ui.outcome.close_title")}</h3>
                        <SelectField
                            id="close-kind"
                            label=Signal::derive(tr_fn("deals_ui.outcome.close_kind"))
                            value=close_kind
                            options=Signal::derive(|| {
                                vec![
                                    ("lost".to_string(), tr("deal.outcome.lost")),
                                    ("declined".to_string(), tr("deal.outcome.declined")),
                                ]
                            })
                        />
                        <TextArea
                            id="close-reason"
                            label=Signal::derive(tr_fn("deals_ui.outcome.reason"))
                            value=reason
                            error=Signal::derive(move || close_error.get())
                            rows=2
                        />
                        <TextField
                            id="close-date"
                            label=Signal::derive(tr_fn("deals_ui.outcome.date"))
                            value=on_date
                            input_type="date"
                        />
                        <div class="actions">
                            <button type="submit" class="danger">{tr_fn("deals_ui.outcome.close")}</button>
                        </div>
                    </form>
                </div>
            </Show>
        </FoldingSection>
    }
}

/// Shows a refused close (lost or declined) under its reason, or commits it and says so.
fn closed(
    outcome: Result<Option<impl Future<Output = Result<Deal, StoreError>> + 'static>, CloseError>,
    toasts: Toasts,
    reason: RwSignal<String>,
    close_error: RwSignal<Option<String>>,
) {
    let save = match outcome {
        Ok(Some(save)) => save,
        Ok(None) => return,
        Err(e) => {
            close_error.set(Some(tr(e.key())));
            return;
        }
    };
    close_error.set(None);
    spawn_local(async move {
        if committed(toasts, save).await.is_some() {
            reason.set(String::new());
            toasts.push(ToastKind::Success, tr("deals_ui.outcome.saved"));
        }
    });
}
