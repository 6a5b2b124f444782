//! Moving a deal between steps (advance with evidence, reasoned skip, step back) and
//! closing or reopening it; every move is kept in the deal's history.

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::domain::qualification::{self, Gate};

/// Why a step move was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransitionError {
    /// The deal is lost or declined; reopen it first.
    Closed,
    /// The deal is won: moving it would undo the win; reopen it (with a reason) first.
    Won,
    /// Every account is paid: the sale is finished.
    Finished,
    /// Advancing needs evidence of the end signal.
    EvidenceRequired,
    /// The end signal cannot be dated after today.
    SignalDateInFuture,
    /// A skip needs a written reason.
    ReasonRequired,
    /// The target of a skip is not after the current step.
    NotForward,
    /// The target of a step back is not before the current step.
    NotBack,
    /// The qualification gate keeps the deal in step 1.
    Gate(Gate),
    /// Winning: these agreed terms of the deal's negotiation (their labels) are not
    /// confirmed in writing yet (see `negotiation::agreement::win_gate`).
    TermsUnconfirmed(Vec<String>),
    /// Finishing the sale (step 6's end signal): these invoices of the deal (their
    /// numbers) are not paid yet (see `receivable::invoice::exit_gate`).
    InvoicesUnpaid(Vec<String>),
}

crate::keyed_enum!(TransitionError, {
    Self::Closed => "deal.transition_error.closed",
    Self::Won => "deal.transition_error.won",
    Self::Finished => "deal.transition_error.finished",
    Self::EvidenceRequired => "deal.transition_error.evidence_required",
    Self::SignalDateInFuture => "deal.transition_error.signal_date_in_future",
    Self::ReasonRequired => "deal.transition_error.reason_required",
    Self::NotForward => "deal.transition_error.not_forward",
    Self::NotBack => "deal.transition_error.not_back",
    Self::Gate(Gate::Unanswered(_)) => "deal.transition_error.gate_unanswered",
    Self::Gate(Gate::Unsure(_)) => "deal.transition_error.gate_unsure",
    Self::Gate(_) => "deal.transition_error.gate_blocked",
    Self::TermsUnconfirmed(_) => "deal.transition_error.terms_unconfirmed",
    Self::InvoicesUnpaid(_) => "receivable.error.invoices_unpaid",
});

/// What moving a board card from one step to another means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Same column: nothing to do.
    Stay,
    /// One step forward: open the end-signal confirmation ([`advance`]).
    Advance,
    /// More than one step forward: ask for a reason ([`skip_to`]).
    Skip,
    /// Backward: record it ([`step_back`]).
    Back,
}

/// Classifies a move from `from` to `to` (drag and drop, keyboard or menu).
pub fn classify_move(from: Step, to: Step) -> Move {
    if to == from {
        Move::Stay
    } else if from.next() == Some(to) {
        Move::Advance
    } else if to > from {
        Move::Skip
    } else {
        Move::Back
    }
}

/// What a requested move to `to` does: as [`classify_move`], except that the current step
/// itself means confirming its end signal in place ([`Move::Advance`]; only step 6 does
/// that, since every account paid finishes the deal there).
pub fn move_kind(from: Step, to: Step) -> Move {
    match classify_move(from, to) {
        Move::Stay => Move::Advance,
        m => m,
    }
}

/// Whether the deal's outcome lets it move to `to`: only open deals move, except that a
/// won deal in step 6 still confirms its end signal (`to` is step 6: every account paid).
fn check_outcome(deal: &Deal, to: Step) -> Result<(), TransitionError> {
    match deal.outcome {
        Outcome::Open => Ok(()),
        Outcome::Lost { .. } | Outcome::Declined { .. } => Err(TransitionError::Closed),
        Outcome::Won {
            paid_on: Some(_), ..
        } => Err(TransitionError::Finished),
        Outcome::Won { paid_on: None, .. }
            if deal.step == Step::FollowUpService && to == Step::FollowUpService =>
        {
            Ok(())
        }
        Outcome::Won { .. } => Err(TransitionError::Won),
    }
}

/// Whether the deal may leave step 1 by this kind of move: confirming the end signal needs
/// the gate open; a reasoned skip needs every "no" and "unsure" overridden (its reason
/// stands in for unanswered questions).
fn check_gate(deal: &Deal, mv: Move) -> Result<(), TransitionError> {
    if deal.step != Step::CustomerAnalysis {
        return Ok(());
    }
    let g = qualification::gate(&deal.qualification);
    let blocks = match mv {
        Move::Advance => !g.is_open(),
        Move::Skip => g.can_be_overridden(),
        Move::Back | Move::Stay => false,
    };
    if blocks {
        Err(TransitionError::Gate(g))
    } else {
        Ok(())
    }
}

/// Whether the deal can move to `to` at all, before any evidence or reason is typed: its
/// outcome (a closed deal does not move) and, leaving step 1, the qualification gate.
/// `to` equal to the current step means confirming its end signal (only step 6 does that
/// in place). [`advance`], [`skip_to`] and [`step_back`] check the same first.
pub fn check_move(deal: &Deal, to: Step) -> Result<(), TransitionError> {
    check_outcome(deal, to)?;
    check_gate(deal, move_kind(deal.step, to))
}

/// Whether an override reason given with a move to `to` would let the deal through the
/// gate: a reasoned skip needs only the "no" and "unsure" answers covered, while
/// confirming the end signal also needs every question answered, which no reason stands
/// in for (the move form then names the unanswered questions instead of asking a reason).
pub fn override_would_pass(deal: &Deal, to: Step) -> bool {
    deal.step != Step::CustomerAnalysis
        || move_kind(deal.step, to) != Move::Advance
        || deal.qualification.with_answer(None).is_empty()
}

/// What the rep gives with a move (see [`move_to`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MoveInput {
    /// Advancing: the evidence of the end signal.
    pub evidence: String,
    /// Advancing: the day of the end signal (`None` when no date was given).
    pub signal_date: Option<NaiveDate>,
    /// A skip (required) or a step back (optional): the reason.
    pub reason: String,
    /// When the qualification gate keeps the deal in step 1 and an override can open it:
    /// the reason of that override, given together with the move (may be empty).
    pub override_reason: String,
}

/// Why a move (with its override) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveError {
    /// Advancing needs the date of the end signal.
    SignalDateRequired,
    /// The override given with the move was refused.
    Override(qualification::OverrideError),
    /// The move itself was refused.
    Transition(TransitionError),
}

crate::keyed_enum!(MoveError, {
    Self::SignalDateRequired => "deal.move_error.signal_date_required",
}, via {
    Self::Override(e) => e.key(),
    Self::Transition(e) => e.key(),
});

/// Moves the deal to `to` as the rep asked on the board or the deal page: one step forward
/// (or the current step 6) confirms the end signal ([`advance`]), further forward is a
/// reasoned skip ([`skip_to`]), backward a step back ([`step_back`]).
///
/// When the qualification gate keeps the deal in step 1 and an override can open it, a
/// non-empty `override_reason` sets that override first
/// ([`qualification::Qualification::set_override`]): both are kept or neither (nothing
/// changes unless the move succeeds too).
pub fn move_to(
    deal: &mut Deal,
    to: Step,
    input: &MoveInput,
    now: DateTime<Utc>,
) -> Result<(), MoveError> {
    let mut d = deal.clone();
    let overridable =
        matches!(check_move(&d, to), Err(TransitionError::Gate(g)) if g.can_be_overridden());
    if overridable && !input.override_reason.trim().is_empty() {
        d.qualification
            .set_override(&input.override_reason, now)
            .map_err(MoveError::Override)?;
    }
    match move_kind(d.step, to) {
        Move::Advance => {
            let on = input.signal_date.ok_or(MoveError::SignalDateRequired)?;
            advance(&mut d, &input.evidence, on, now)
        }
        Move::Skip => skip_to(&mut d, to, &input.reason, now),
        Move::Back => step_back(&mut d, to, &input.reason, now),
        Move::Stay => Ok(()),
    }
    .map_err(MoveError::Transition)?;
    *deal = d;
    Ok(())
}

fn enter(deal: &mut Deal, to: Step, kind: StepEventKind, won_on: NaiveDate, now: DateTime<Utc>) {
    let from = deal.step;
    deal.history.push(StepEvent {
        at: now,
        from,
        to,
        kind,
    });
    if to != from {
        deal.step = to;
        deal.step_entered_at = now;
        deal.probability_override = None;
    }
    if to == Step::FollowUpService && deal.is_open() {
        deal.outcome = Outcome::Won {
            at: won_on,
            paid_on: None,
        };
    }
}

/// Confirms the end signal of the current step and moves the deal one step forward.
///
/// Needs non-empty `evidence` and a `signal_date` not after `now`'s date; from step 1 the
/// qualification gate must be open. From step 5 the deal is won on `signal_date`; in
/// step 6 the signal (every account paid) finishes the deal, which stays in step 6.
pub fn advance(
    deal: &mut Deal,
    evidence: &str,
    signal_date: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), TransitionError> {
    check_outcome(deal, deal.step.next().unwrap_or(deal.step))?;
    check_gate(deal, Move::Advance)?;
    let evidence = evidence.trim();
    if evidence.is_empty() {
        return Err(TransitionError::EvidenceRequired);
    }
    if signal_date > now.date_naive() {
        return Err(TransitionError::SignalDateInFuture);
    }
    let kind = StepEventKind::Advance {
        signal_evidence: evidence.to_string(),
        signal_date,
    };
    match deal.step.next() {
        Some(to) => enter(deal, to, kind, signal_date, now),
        None => {
            enter(deal, Step::FollowUpService, kind, signal_date, now);
            if let Outcome::Won { paid_on, .. } = &mut deal.outcome {
                *paid_on = Some(signal_date);
            }
        }
    }
    Ok(())
}

/// Moves the deal forward to `target` without confirming the end signal (or past more than
/// one step), with a written `reason` kept in the history.
///
/// From step 1 "no" and "unsure" qualifying answers still have to be overridden first;
/// unanswered questions do not block a skip (the written reason is the rep's
/// justification). Skipping into step 6 marks the deal won on `now`'s date.
pub fn skip_to(
    deal: &mut Deal,
    target: Step,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), TransitionError> {
    check_outcome(deal, target)?;
    if target <= deal.step {
        return Err(TransitionError::NotForward);
    }
    check_gate(deal, Move::Skip)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(TransitionError::ReasonRequired);
    }
    let kind = StepEventKind::Skip {
        reason: reason.to_string(),
    };
    enter(deal, target, kind, now.date_naive(), now);
    Ok(())
}

/// Moves an open deal back to an earlier step; the move and its (optional) reason are kept
/// in the history. Checklist ticks are kept. A won deal does not move back: it is
/// [`reopen`]ed with a reason instead.
pub fn step_back(
    deal: &mut Deal,
    target: Step,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), TransitionError> {
    check_outcome(deal, target)?;
    if target >= deal.step {
        return Err(TransitionError::NotBack);
    }
    let kind = StepEventKind::Back {
        reason: reason.trim().to_string(),
    };
    enter(deal, target, kind, now.date_naive(), now);
    Ok(())
}

/// Marks the contract signed on `signed_on`: from step 5 this is [`advance`]; from an
/// earlier step it first skips to step 5 with `skip_reason` (required then). Nothing
/// changes unless both moves succeed.
pub fn win(
    deal: &mut Deal,
    evidence: &str,
    signed_on: NaiveDate,
    skip_reason: &str,
    now: DateTime<Utc>,
) -> Result<(), TransitionError> {
    let mut d = deal.clone();
    if d.step < Step::WinningCommitment {
        skip_to(&mut d, Step::WinningCommitment, skip_reason, now)?;
    } else if d.step > Step::WinningCommitment {
        return Err(TransitionError::NotForward);
    }
    advance(&mut d, evidence, signed_on, now)?;
    *deal = d;
    Ok(())
}

/// Why a deal could not be closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseError {
    /// Only open deals can be lost or declined.
    NotOpen,
    ReasonRequired,
}

crate::keyed_enum!(CloseError, {
    Self::NotOpen => "deal.close_error.not_open",
    Self::ReasonRequired => "deal.close_error.reason_required",
});

/// Marks an open deal lost on `on`, with a reason.
pub fn mark_lost(deal: &mut Deal, on: NaiveDate, reason: &str) -> Result<(), CloseError> {
    let reason = close_reason(deal, reason)?;
    deal.outcome = Outcome::Lost { at: on, reason };
    Ok(())
}

/// Marks an open deal declined by us on `on` (we cannot or will not serve it), with a reason.
pub fn mark_declined(deal: &mut Deal, on: NaiveDate, reason: &str) -> Result<(), CloseError> {
    let reason = close_reason(deal, reason)?;
    deal.outcome = Outcome::Declined { at: on, reason };
    Ok(())
}

fn close_reason(deal: &Deal, reason: &str) -> Result<String, CloseError> {
    if !deal.is_open() {
        return Err(CloseError::NotOpen);
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(CloseError::ReasonRequired);
    }
    Ok(reason.to_string())
}

/// Why a deal could not be reopened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReopenError {
    /// The deal is open: there is nothing to reopen.
    NotClosed,
    /// Reopening needs a written reason.
    ReasonRequired,
}

crate::keyed_enum!(ReopenError, {
    Self::NotClosed => "deal.reopen_error.not_closed",
    Self::ReasonRequired => "deal.reopen_error.reason_required",
});

/// Reopens a won, lost or declined deal, with a written `reason` kept in the history
/// together with the outcome it had ([`StepEventKind::Reopened`]).
///
/// A lost or declined deal stays in its step. A won deal in step 6 goes back to step 5
/// (winning commitment): the contract is no longer taken as signed. Either way the
/// outcome is open again and the probability is the step's default (an override is
/// cleared).
pub fn reopen(deal: &mut Deal, reason: &str, now: DateTime<Utc>) -> Result<(), ReopenError> {
    if deal.is_open() {
        return Err(ReopenError::NotClosed);
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ReopenError::ReasonRequired);
    }
    let previous_outcome = std::mem::take(&mut deal.outcome);
    let from = deal.step;
    let to = match previous_outcome {
        Outcome::Won { .. } if from == Step::FollowUpService => Step::WinningCommitment,
        _ => from,
    };
    deal.history.push(StepEvent {
        at: now,
        from,
        to,
        kind: StepEventKind::Reopened {
            reason: reason.to_string(),
            previous_outcome,
        },
    });
    if to != from {
        deal.step = to;
        deal.step_entered_at = now;
    }
    deal.probability_override = None;
    Ok(())
}

/// The date to set as the account's `customer_since` when saving `after` over `before`
/// (the deal as stored, if any): the win date when this save wins the deal and the
/// account is not yet a customer (`customer_since` empty); `None` when nothing changes.
pub fn customer_since_on_win(
    before: Option<&Deal>,
    after: &Deal,
    customer_since: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let Outcome::Won { at, .. } = after.outcome else {
        return None;
    };
    let was_won = before.is_some_and(|b| matches!(b.outcome, Outcome::Won { .. }));
    (!was_won && customer_since.is_none()).then_some(at)
}
