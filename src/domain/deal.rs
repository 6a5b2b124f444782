//! The deal and its spine: the six steps of a sale (seed 004, the core).
//!
//! | # | Step | Starts when | Ends when |
//! |---|------|-------------|-----------|
//! | 1 | Customer analysis | target customers are chosen | a clear sales opportunity is identified |
//! | 2 | Building trust | a clear opportunity exists | good relationships with the key people exist |
//! | 3 | Discovering needs | key relationships exist | the customer asks for a proposal explicitly |
//! | 4 | Presenting value | the customer asks for a proposal | business negotiation starts |
//! | 5 | Winning commitment | negotiation starts | the contract is signed |
//! | 6 | Follow-up service | the contract is signed | the customer has paid every account |
//!
//! A deal stays in a step until the rep confirms its end signal with evidence
//! ([`advance`], one step forward). Moving forward without the signal or by more than one
//! step needs a written reason ([`skip_to`]); moving back is allowed ([`step_back`]). Every
//! move is kept in the deal's history. Leaving step 1 passes the qualification gate
//! ([`super::qualification::gate`]).
//!
//! **Outcome and step 6.** The end signal of step 5 is the signed contract, so entering
//! step 6 (by advancing, or by skipping with a reason) marks the deal won. Confirming the
//! end signal of step 6 (every account paid) records `paid_on` and finishes the deal. A deal
//! is *open* while its outcome is [`Outcome::Open`] (that is the forecast pipeline), and
//! *active* while it is open or won but not yet paid (that is what the board shows).
//!
//! **Closed deals do not move.** A won, lost or declined deal is closed: no step move
//! applies to it ([`check_move`] says why before anything is typed), except confirming that
//! every account of a won deal in step 6 is paid. To sell it again the rep [`reopen`]s it
//! explicitly, with a written reason kept in the history with the outcome it had
//! ([`StepEventKind::Reopened`]); a reopened win goes back to step 5, since its contract is
//! no longer taken as signed.
//!
//! **Probability.** [`default_probability`] per step: 10, 20, 35, 55, 80, 100 (%). The rep
//! may override it; the override belongs to the step it was set in and is cleared by every
//! step move and by a reopen. Won deals count 100, lost and declined 0.
//!
//! The functions here do not touch `updated_at`/`rev`: the store bumps them on save.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::buying_stage::{self, BuyingRole, BuyingStage, BuyingStageWarning};
use super::ids::{new_id, Id};
use super::money::{Currency, Money, MoneyError};
use super::needs::{self, Need, NeedWarning};
use super::qualification::{self, Answer, Gate, Qualification, QualificationWarning};

// ---------------------------------------------------------------------------------------
// The six steps
// ---------------------------------------------------------------------------------------

/// The six steps of a sale, in order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    #[default]
    CustomerAnalysis,
    BuildingTrust,
    DiscoverNeeds,
    PresentingValue,
    WinningCommitment,
    FollowUpService,
}

/// Catalogue keys of each step's checklist, in order; item `n` (1-based) is `[n - 1]`.
const CHECKLISTS: [&[&str]; 6] = [
    &[
        "step.customer_analysis.check.1",
        "step.customer_analysis.check.2",
        "step.customer_analysis.check.3",
        "step.customer_analysis.check.4",
        "step.customer_analysis.check.5",
        "step.customer_analysis.check.6",
        "step.customer_analysis.check.7",
    ],
    &[
        "step.building_trust.check.1",
        "step.building_trust.check.2",
        "step.building_trust.check.3",
        "step.building_trust.check.4",
        "step.building_trust.check.5",
    ],
    &[
        "step.discover_needs.check.1",
        "step.discover_needs.check.2",
        "step.discover_needs.check.3",
        "step.discover_needs.check.4",
        "step.discover_needs.check.5",
        "step.discover_needs.check.6",
    ],
    &[
        "step.presenting_value.check.1",
        "step.presenting_value.check.2",
        "step.presenting_value.check.3",
        "step.presenting_value.check.4",
        "step.presenting_value.check.5",
    ],
    &[
        "step.winning_commitment.check.1",
        "step.winning_commitment.check.2",
        "step.winning_commitment.check.3",
        "step.winning_commitment.check.4",
        "step.winning_commitment.check.5",
        "step.winning_commitment.check.6",
    ],
    &[
        "step.follow_up_service.check.1",
        "step.follow_up_service.check.2",
        "step.follow_up_service.check.3",
        "step.follow_up_service.check.4",
        "step.follow_up_service.check.5",
    ],
];

impl Step {
    pub const ALL: &'static [Self] = &[
        Self::CustomerAnalysis,
        Self::BuildingTrust,
        Self::DiscoverNeeds,
        Self::PresentingValue,
        Self::WinningCommitment,
        Self::FollowUpService,
    ];

    /// 1-based number of the step (1–6).
    pub fn number(&self) -> u8 {
        *self as u8 + 1
    }

    pub fn from_number(n: u8) -> Option<Step> {
        Self::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    pub fn next(&self) -> Option<Step> {
        Self::from_number(self.number() + 1)
    }

    /// The step's name.
    pub fn key(&self) -> &'static str {
        match self {
            Self::CustomerAnalysis => "step.customer_analysis.name",
            Self::BuildingTrust => "step.building_trust.name",
            Self::DiscoverNeeds => "step.discover_needs.name",
            Self::PresentingValue => "step.presenting_value.name",
            Self::WinningCommitment => "step.winning_commitment.name",
            Self::FollowUpService => "step.follow_up_service.name",
        }
    }

    /// "Starts when …".
    pub fn start_signal_key(&self) -> &'static str {
        match self {
            Self::CustomerAnalysis => "step.customer_analysis.start_signal",
            Self::BuildingTrust => "step.building_trust.start_signal",
            Self::DiscoverNeeds => "step.discover_needs.start_signal",
            Self::PresentingValue => "step.presenting_value.start_signal",
            Self::WinningCommitment => "step.winning_commitment.start_signal",
            Self::FollowUpService => "step.follow_up_service.start_signal",
        }
    }

    /// "Ends when …".
    pub fn end_signal_key(&self) -> &'static str {
        match self {
            Self::CustomerAnalysis => "step.customer_analysis.end_signal",
            Self::BuildingTrust => "step.building_trust.end_signal",
            Self::DiscoverNeeds => "step.discover_needs.end_signal",
            Self::PresentingValue => "step.presenting_value.end_signal",
            Self::WinningCommitment => "step.winning_commitment.end_signal",
            Self::FollowUpService => "step.follow_up_service.end_signal",
        }
    }

    /// The question the end-signal confirmation asks ("Has the customer asked for …?").
    pub fn confirm_key(&self) -> &'static str {
        match self {
            Self::CustomerAnalysis => "step.customer_analysis.confirm",
            Self::BuildingTrust => "step.building_trust.confirm",
            Self::DiscoverNeeds => "step.discover_needs.confirm",
            Self::PresentingValue => "step.presenting_value.confirm",
            Self::WinningCommitment => "step.winning_commitment.confirm",
            Self::FollowUpService => "step.follow_up_service.confirm",
        }
    }

    /// An example of evidence for the end signal (shown as the field's hint).
    pub fn evidence_hint_key(&self) -> &'static str {
        match self {
            Self::CustomerAnalysis => "step.customer_analysis.evidence_hint",
            Self::BuildingTrust => "step.building_trust.evidence_hint",
            Self::DiscoverNeeds => "step.discover_needs.evidence_hint",
            Self::PresentingValue => "step.presenting_value.evidence_hint",
            Self::WinningCommitment => "step.winning_commitment.evidence_hint",
            Self::FollowUpService => "step.follow_up_service.evidence_hint",
        }
    }

    /// The method's actions for this step, in order.
    pub fn checklist(&self) -> Vec<ChecklistItem> {
        (1..=CHECKLISTS[*self as usize].len() as u8)
            .map(|number| ChecklistItem {
                step: *self,
                number,
            })
            .collect()
    }
}

/// The default win probability of an open deal in `step`, in percent:
/// 10, 20, 35, 55, 80, 100 for steps 1–6 (step 6 starts with the signed contract).
pub fn default_probability(step: Step) -> u8 {
    match step {
        Step::CustomerAnalysis => 10,
        Step::BuildingTrust => 20,
        Step::DiscoverNeeds => 35,
        Step::PresentingValue => 55,
        Step::WinningCommitment => 80,
        Step::FollowUpService => 100,
    }
}

/// One action of a step's checklist; `number` is 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub step: Step,
    pub number: u8,
}

impl ChecklistItem {
    /// The item, if `number` is one of the step's items.
    pub fn new(step: Step, number: u8) -> Option<ChecklistItem> {
        let len = CHECKLISTS[step as usize].len();
        (number >= 1 && usize::from(number) <= len).then_some(ChecklistItem { step, number })
    }

    /// The action's text ("step.discover_needs.check.3").
    pub fn key(&self) -> &'static str {
        CHECKLISTS[self.step as usize]
            .get(usize::from(self.number).wrapping_sub(1))
            .copied()
            .unwrap_or("deal.checklist.unknown_item")
    }
}

// ---------------------------------------------------------------------------------------
// The record
// ---------------------------------------------------------------------------------------

/// How a deal moved from one step to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepEventKind {
    /// The end signal was confirmed, with evidence and the date it happened.
    Advance {
        signal_evidence: String,
        signal_date: NaiveDate,
    },
    /// Forward without the end signal, or by more than one step.
    Skip { reason: String },
    /// Back to an earlier step.
    Back {
        #[serde(default)]
        reason: String,
    },
    /// A won, lost or declined deal was reopened, with the rep's reason and the outcome it
    /// had until then.
    Reopened {
        reason: String,
        previous_outcome: Outcome,
    },
}

impl StepEventKind {
    pub fn key(&self) -> &'static str {
        match self {
            Self::Advance { .. } => "step_event.advance",
            Self::Skip { .. } => "step_event.skip",
            Self::Back { .. } => "step_event.back",
            Self::Reopened { .. } => "step_event.reopened",
        }
    }
}

/// One entry of a deal's step history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepEvent {
    pub at: DateTime<Utc>,
    pub from: Step,
    pub to: Step,
    pub kind: StepEventKind,
}

/// A ticked checklist item and the day it was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckTick {
    pub item: ChecklistItem,
    pub on: NaiveDate,
}

/// A person of the customer involved in this deal, with their roles in this purchase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealPerson {
    pub contact_id: Id,
    #[serde(default)]
    pub roles: Vec<BuyingRole>,
}

/// What the rep will do next, and by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextStep {
    pub text: String,
    pub due: NaiveDate,
}

/// How the deal ended, if it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    #[default]
    Open,
    /// The contract was signed on `at`; `paid_on` is set when every account is paid.
    Won {
        at: NaiveDate,
        #[serde(default)]
        paid_on: Option<NaiveDate>,
    },
    Lost {
        at: NaiveDate,
        reason: String,
    },
    /// We declined the customer's request (seed 003).
    Declined {
        at: NaiveDate,
        reason: String,
    },
}

impl Outcome {
    /// The outcome's name (also the filter option label).
    pub fn key(&self) -> &'static str {
        match self {
            Self::Open => "deal.outcome.open",
            Self::Won { .. } => "deal.outcome.won",
            Self::Lost { .. } => "deal.outcome.lost",
            Self::Declined { .. } => "deal.outcome.declined",
        }
    }
}

/// A sales opportunity with one account, moving through the six steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deal {
    pub id: Id,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub account_id: Id,
    pub title: String,
    pub value: Money,
    #[serde(default)]
    pub expected_close: Option<NaiveDate>,
    /// Percent, 0–100; `None` uses [`default_probability`] of the step.
    #[serde(default)]
    pub probability_override: Option<u8>,
    #[serde(default)]
    pub step: Step,
    pub step_entered_at: DateTime<Utc>,
    #[serde(default)]
    pub history: Vec<StepEvent>,
    #[serde(default)]
    pub checklist: Vec<CheckTick>,
    #[serde(default)]
    pub qualification: Qualification,
    #[serde(default)]
    pub buying_stage: Option<BuyingStage>,
    #[serde(default)]
    pub needs: Vec<Need>,
    #[serde(default)]
    pub people: Vec<DealPerson>,
    #[serde(default)]
    pub competitor_ids: Vec<Id>,
    #[serde(default)]
    pub next_step: Option<NextStep>,
    #[serde(default)]
    pub outcome: Outcome,
    /// Who owns the deal (a rep's name or initials).
    #[serde(default)]
    pub owner: String,
}

crate::impl_record!(Deal, "deals");

impl Deal {
    /// A new open deal in step 1.
    pub fn new(account_id: Id, title: &str, value: Money, now: DateTime<Utc>) -> Deal {
        Deal {
            id: new_id(),
            created_at: now,
            updated_at: now,
            rev: 1,
            account_id,
            title: title.trim().to_string(),
            value,
            expected_close: None,
            probability_override: None,
            step: Step::CustomerAnalysis,
            step_entered_at: now,
            history: Vec::new(),
            checklist: Vec::new(),
            qualification: Qualification::default(),
            buying_stage: None,
            needs: Vec::new(),
            people: Vec::new(),
            competitor_ids: Vec::new(),
            next_step: None,
            outcome: Outcome::Open,
            owner: String::new(),
        }
    }

    /// Still being sold: the forecast pipeline.
    pub fn is_open(&self) -> bool {
        matches!(self.outcome, Outcome::Open)
    }

    /// Won, lost or declined: steps do not move until it is reopened.
    pub fn is_closed(&self) -> bool {
        !self.is_open()
    }

    /// Open, or won and not yet fully paid: what the board shows.
    pub fn is_active(&self) -> bool {
        matches!(
            self.outcome,
            Outcome::Open | Outcome::Won { paid_on: None, .. }
        )
    }

    /// The day the checklist item was ticked, if it is.
    pub fn ticked_on(&self, item: ChecklistItem) -> Option<NaiveDate> {
        self.checklist.iter().find(|t| t.item == item).map(|t| t.on)
    }

    /// The contact ids of the deal's people.
    pub fn people_ids(&self) -> Vec<Id> {
        self.people.iter().map(|p| p.contact_id).collect()
    }
}

/// The deal's win probability in percent (see the module notes).
pub fn probability(deal: &Deal) -> u8 {
    match deal.outcome {
        Outcome::Won { .. } => 100,
        Outcome::Lost { .. } | Outcome::Declined { .. } => 0,
        Outcome::Open => deal
            .probability_override
            .map_or_else(|| default_probability(deal.step), |p| p.min(100)),
    }
}

// ---------------------------------------------------------------------------------------
// Step transitions
// ---------------------------------------------------------------------------------------

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
}

impl TransitionError {
    pub fn key(&self) -> &'static str {
        match self {
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
        }
    }
}

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
    let mv = match classify_move(deal.step, to) {
        Move::Stay => Move::Advance,
        m => m,
    };
    check_gate(deal, mv)
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

impl CloseError {
    pub fn key(&self) -> &'static str {
        match self {
            Self::NotOpen => "deal.close_error.not_open",
            Self::ReasonRequired => "deal.close_error.reason_required",
        }
    }
}

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

impl ReopenError {
    pub fn key(&self) -> &'static str {
        match self {
            Self::NotClosed => "deal.reopen_error.not_closed",
            Self::ReasonRequired => "deal.reopen_error.reason_required",
        }
    }
}

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

// ---------------------------------------------------------------------------------------
// Checklist, people, next step
// ---------------------------------------------------------------------------------------

/// Ticks a checklist item as done on `on` (re-ticking changes the date).
pub fn tick(deal: &mut Deal, item: ChecklistItem, on: NaiveDate) {
    match deal.checklist.iter_mut().find(|t| t.item == item) {
        Some(t) => t.on = on,
        None => deal.checklist.push(CheckTick { item, on }),
    }
}

/// Unticks a checklist item.
pub fn untick(deal: &mut Deal, item: ChecklistItem) {
    deal.checklist.retain(|t| t.item != item);
}

/// Adds a person to the deal, or replaces their roles if they are already on it.
pub fn set_person(deal: &mut Deal, contact_id: Id, roles: &[BuyingRole]) {
    let mut roles = roles.to_vec();
    roles.sort();
    roles.dedup();
    match deal.people.iter_mut().find(|p| p.contact_id == contact_id) {
        Some(p) => p.roles = roles,
        None => deal.people.push(DealPerson { contact_id, roles }),
    }
}

pub fn remove_person(deal: &mut Deal, contact_id: Id) {
    deal.people.retain(|p| p.contact_id != contact_id);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStepError {
    TextRequired,
}

impl NextStepError {
    pub fn key(&self) -> &'static str {
        match self {
            Self::TextRequired => "deal.error.next_step_text_required",
        }
    }
}

/// Sets the rep's next step (what and by when).
pub fn set_next_step(deal: &mut Deal, text: &str, due: NaiveDate) -> Result<(), NextStepError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(NextStepError::TextRequired);
    }
    deal.next_step = Some(NextStep {
        text: text.to_string(),
        due,
    });
    Ok(())
}

// ---------------------------------------------------------------------------------------
// What to do next, and what to watch
// ---------------------------------------------------------------------------------------

/// What the method says the rep should do next on this deal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextAction {
    /// Do the first unticked action of the current step's checklist.
    Do(ChecklistItem),
    /// Step 1, checklist done, but the qualification gate is closed.
    Qualify(Gate),
    /// Everything is done: confirm the end signal of the current step.
    ConfirmEndSignal(Step),
    /// Lost or declined: nothing to do.
    Closed,
    /// Won and fully paid: nothing to do.
    Finished,
}

impl NextAction {
    pub fn key(&self) -> &'static str {
        match self {
            Self::Do(item) => item.key(),
            Self::Qualify(Gate::Unanswered(_)) => "deal.next.qualify_unanswered",
            Self::Qualify(Gate::Unsure(_)) => "deal.next.qualify_unsure",
            Self::Qualify(_) => "deal.next.qualify_blocked",
            Self::ConfirmEndSignal(step) => step.confirm_key(),
            Self::Closed => "deal.next.closed",
            Self::Finished => "deal.next.finished",
        }
    }
}

/// The next action (see [`NextAction`]): the first unticked checklist item of the current
/// step; then, in step 1, a closed qualification gate; then the end signal.
pub fn next_action(deal: &Deal) -> NextAction {
    match deal.outcome {
        Outcome::Lost { .. } | Outcome::Declined { .. } => return NextAction::Closed,
        Outcome::Won {
            paid_on: Some(_), ..
        } => return NextAction::Finished,
        _ => {}
    }
    if let Some(item) = deal
        .step
        .checklist()
        .into_iter()
        .find(|i| deal.ticked_on(*i).is_none())
    {
        return NextAction::Do(item);
    }
    if deal.step == Step::CustomerAnalysis {
        let g = qualification::gate(&deal.qualification);
        if !g.is_open() {
            return NextAction::Qualify(g);
        }
    }
    NextAction::ConfirmEndSignal(deal.step)
}

/// Something on the deal that needs the rep's attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DealWarning {
    NoNextStep,
    NextStepOverdue {
        due: NaiveDate,
    },
    /// Still open after the expected close date.
    CloseDatePassed {
        expected_close: NaiveDate,
    },
    Qualification(QualificationWarning),
    Need(NeedWarning),
    BuyingStage(BuyingStageWarning),
}

impl DealWarning {
    pub fn key(&self) -> &'static str {
        match self {
            Self::NoNextStep => "deal.warning.no_next_step",
            Self::NextStepOverdue { .. } => "deal.warning.next_step_overdue",
            Self::CloseDatePassed { .. } => "deal.warning.close_date_passed",
            Self::Qualification(w) => w.key(),
            Self::Need(w) => w.key(),
            Self::BuyingStage(w) => w.key(),
        }
    }
}

/// All warnings of an active deal on `today` (none for finished, lost or declined deals).
/// A next step due today is not overdue.
///
/// A won deal (in follow-up service until every account is paid) keeps the warnings that
/// still matter after the contract: its next step and the buying stage's key role
/// (installation and use). The qualifying questions, the close date and the needs judged
/// the sale before it was won, so their warnings are shown only while the deal is open.
pub fn warnings(deal: &Deal, today: NaiveDate) -> Vec<DealWarning> {
    let mut out = Vec::new();
    if !deal.is_active() {
        return out;
    }
    match &deal.next_step {
        None => out.push(DealWarning::NoNextStep),
        Some(n) if n.due < today => out.push(DealWarning::NextStepOverdue { due: n.due }),
        Some(_) => {}
    }
    if let Some(close) = deal.expected_close {
        if deal.is_open() && close < today {
            out.push(DealWarning::CloseDatePassed {
                expected_close: close,
            });
        }
    }
    if deal.is_open() {
        out.extend(
            qualification::warnings(&deal.qualification)
                .into_iter()
                .map(DealWarning::Qualification),
        );
        out.extend(
            needs::warnings(&deal.needs, deal.step, &deal.people_ids())
                .into_iter()
                .map(DealWarning::Need),
        );
    }
    if let Some(stage) = deal.buying_stage {
        out.extend(
            buying_stage::role_warnings(stage, &deal.people)
                .into_iter()
                .map(DealWarning::BuyingStage),
        );
    }
    out
}

/// Whether any qualifying question is answered "no" (for a badge on the card).
pub fn has_no_answer(deal: &Deal) -> bool {
    !deal.qualification.with_answer(Some(Answer::No)).is_empty()
}

// ---------------------------------------------------------------------------------------
// The form
// ---------------------------------------------------------------------------------------

/// A deal's fields as typed in the form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DealDraft {
    pub account_id: Option<Id>,
    pub title: String,
    /// An amount as typed ("12 500,00"); empty means 0.
    pub value: String,
    /// ISO currency code; empty means EUR.
    pub currency: String,
    /// `YYYY-MM-DD` (what a date input gives); empty means none.
    pub expected_close: String,
    /// Percent 0–100; empty means the step's default.
    pub probability: String,
    pub owner: String,
}

/// A form field of the deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DealField {
    Account,
    Title,
    Value,
    Currency,
    ExpectedClose,
    Probability,
    Owner,
}

impl DealField {
    pub const ALL: &'static [Self] = &[
        Self::Account,
        Self::Title,
        Self::Value,
        Self::Currency,
        Self::ExpectedClose,
        Self::Probability,
        Self::Owner,
    ];

    /// The field's label.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Account => "deal.field.account",
            Self::Title => "deal.field.title",
            Self::Value => "deal.field.value",
            Self::Currency => "deal.field.currency",
            Self::ExpectedClose => "deal.field.expected_close",
            Self::Probability => "deal.field.probability",
            Self::Owner => "deal.field.owner",
        }
    }
}

/// What is wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DealFieldProblem {
    AccountRequired,
    TitleRequired,
    TitleTooLong,
    ValueNotAmount,
    ValueTooManyDecimals,
    ValueTooLarge,
    ValueNegative,
    CurrencyInvalid,
    DateInvalid,
    ProbabilityInvalid,
}

impl DealFieldProblem {
    pub fn key(&self) -> &'static str {
        match self {
            Self::AccountRequired => "deal.error.account_required",
            Self::TitleRequired => "deal.error.title_required",
            Self::TitleTooLong => "deal.error.title_too_long",
            Self::ValueNotAmount => "deal.error.value_not_amount",
            Self::ValueTooManyDecimals => "deal.error.value_too_many_decimals",
            Self::ValueTooLarge => "deal.error.value_too_large",
            Self::ValueNegative => "deal.error.value_negative",
            Self::CurrencyInvalid => "deal.error.currency_invalid",
            Self::DateInvalid => "deal.error.date_invalid",
            Self::ProbabilityInvalid => "deal.error.probability_invalid",
        }
    }
}

/// A field and what is wrong with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    pub field: DealField,
    pub problem: DealFieldProblem,
}

impl FieldError {
    pub fn key(&self) -> &'static str {
        self.problem.key()
    }
}

/// A draft that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDraft {
    pub account_id: Id,
    pub title: String,
    pub value: Money,
    pub expected_close: Option<NaiveDate>,
    pub probability_override: Option<u8>,
    pub owner: String,
}

impl DealDraft {
    /// The form filled from an existing deal.
    pub fn from_deal(deal: &Deal) -> DealDraft {
        DealDraft {
            account_id: Some(deal.account_id),
            title: deal.title.clone(),
            value: deal.value.to_decimal_string(),
            currency: deal.value.currency.code().to_string(),
            expected_close: deal
                .expected_close
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            probability: deal
                .probability_override
                .map(|p| p.to_string())
                .unwrap_or_default(),
            owner: deal.owner.clone(),
        }
    }

    /// Checks every field; all problems are reported at once, in form order.
    pub fn validate(&self) -> Result<ValidDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err = |field, problem| errors.push(FieldError { field, problem });
        if self.account_id.is_none() {
            err(DealField::Account, DealFieldProblem::AccountRequired);
        }
        let title = self.title.trim();
        if title.is_empty() {
            err(DealField::Title, DealFieldProblem::TitleRequired);
        } else if title.chars().count() > crate::domain::rules::MAX_NAME {
            err(DealField::Title, DealFieldProblem::TitleTooLong);
        }
        let currency = if self.currency.trim().is_empty() {
            Some(Currency::default())
        } else {
            Currency::parse(&self.currency).ok()
        };
        let mut value = None;
        match currency {
            None => err(DealField::Currency, DealFieldProblem::CurrencyInvalid),
            Some(c) if self.value.trim().is_empty() => value = Some(Money::zero(c)),
            Some(c) => match Money::parse(&self.value, c) {
                Ok(m) if m.minor < 0 => err(DealField::Value, DealFieldProblem::ValueNegative),
                Ok(m) => value = Some(m),
                Err(e) => err(
                    DealField::Value,
                    match e {
                        MoneyError::TooManyDecimals { .. } => {
                            DealFieldProblem::ValueTooManyDecimals
                        }
                        MoneyError::Overflow => DealFieldProblem::ValueTooLarge,
                        MoneyError::BadAmount(_) | MoneyError::BadCurrency(_) => {
                            DealFieldProblem::ValueNotAmount
                        }
                    },
                ),
            },
        }
        let close = self.expected_close.trim();
        let expected_close = if close.is_empty() {
            None
        } else {
            let parsed = NaiveDate::parse_from_str(close, "%Y-%m-%d")
                .ok()
                .filter(|d| crate::domain::rules::plausible_year(*d));
            if parsed.is_none() {
                err(DealField::ExpectedClose, DealFieldProblem::DateInvalid);
            }
            parsed
        };
        let prob = self.probability.trim().trim_end_matches('%').trim();
        let probability_override = if prob.is_empty() {
            None
        } else {
            let parsed = prob.parse::<u8>().ok().filter(|p| *p <= 100);
            if parsed.is_none() {
                err(DealField::Probability, DealFieldProblem::ProbabilityInvalid);
            }
            parsed
        };
        match (self.account_id, value) {
            (Some(account_id), Some(value)) if errors.is_empty() => Ok(ValidDraft {
                account_id,
                title: title.to_string(),
                value,
                expected_close,
                probability_override,
                owner: self.owner.trim().to_string(),
            }),
            _ => Err(errors),
        }
    }

    /// A new deal in step 1 from the draft.
    pub fn create(&self, now: DateTime<Utc>) -> Result<Deal, Vec<FieldError>> {
        let v = self.validate()?;
        let mut deal = Deal::new(v.account_id, &v.title, v.value, now);
        deal.expected_close = v.expected_close;
        deal.probability_override = v.probability_override;
        deal.owner = v.owner;
        Ok(deal)
    }

    /// Writes the draft's fields into `deal`; nothing changes when a field is wrong.
    pub fn apply(&self, deal: &mut Deal) -> Result<(), Vec<FieldError>> {
        let v = self.validate()?;
        deal.account_id = v.account_id;
        deal.title = v.title;
        deal.value = v.value;
        deal.expected_close = v.expected_close;
        deal.probability_override = v.probability_override;
        deal.owner = v.owner;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::qualification::QualifyingQuestion as Q;
    use chrono::TimeZone;

    fn t(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, 9, 0, 0).unwrap()
    }

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
    }

    fn eur(minor: i64) -> Money {
        Money::new(minor, Currency::default())
    }

    fn deal() -> Deal {
        Deal::new(new_id(), "Line 4 retrofit", eur(1_000_000), t(1))
    }

    fn qualified() -> Deal {
        let mut deal = deal();
        for q in Q::ALL {
            deal.qualification.answer(*q, Some(Answer::Yes), "", t(1));
        }
        deal
    }

    // -- steps ----------------------------------------------------------------------------

    #[test]
    fn steps_are_numbered_and_ordered() {
        assert_eq!(Step::CustomerAnalysis.number(), 1);
        assert_eq!(Step::from_number(6), Some(Step::FollowUpService));
        assert_eq!(Step::from_number(0), None);
        assert_eq!(Step::FollowUpService.next(), None);
        assert_eq!(Step::DiscoverNeeds.next(), Some(Step::PresentingValue));
        assert_eq!(
            serde_json::to_string(&Step::FollowUpService).unwrap(),
            "\"follow_up_service\""
        );
    }

    #[test]
    fn every_step_has_four_to_seven_checklist_items() {
        for s in Step::ALL {
            let items = s.checklist();
            assert!((4..=7).contains(&items.len()), "{s:?}");
            for (i, item) in items.iter().enumerate() {
                assert_eq!(
                    item.key(),
                    format!("{}.check.{}", s.key().trim_end_matches(".name"), i + 1)
                );
            }
        }
        assert_eq!(
            ChecklistItem::new(Step::DiscoverNeeds, 3).unwrap().key(),
            "step.discover_needs.check.3"
        );
        assert_eq!(ChecklistItem::new(Step::DiscoverNeeds, 0), None);
        assert_eq!(ChecklistItem::new(Step::DiscoverNeeds, 7), None);
    }

    #[test]
    fn default_probability_rises_with_the_steps() {
        let p: Vec<_> = Step::ALL.iter().map(|s| default_probability(*s)).collect();
        assert_eq!(p, vec![10, 20, 35, 55, 80, 100]);
    }

    #[test]
    fn probability_follows_override_and_outcome() {
        let mut deal = qualified();
        assert_eq!(probability(&deal), 10);
        deal.probability_override = Some(30);
        assert_eq!(probability(&deal), 30);
        deal.probability_override = Some(250);
        assert_eq!(probability(&deal), 100);
        deal.probability_override = Some(30);
        advance(&mut deal, "guide confirmed budget", d(2), t(2)).unwrap();
        assert_eq!(deal.probability_override, None, "cleared by a step move");
        assert_eq!(probability(&deal), 20);
        mark_lost(&mut deal, d(3), "price").unwrap();
        assert_eq!(probability(&deal), 0);
    }

    // -- forward needs evidence -----------------------------------------------------------

    #[test]
    fn advancing_needs_evidence_of_the_end_signal() {
        let mut deal = qualified();
        assert_eq!(
            advance(&mut deal, "   ", d(2), t(2)),
            Err(TransitionError::EvidenceRequired)
        );
        assert_eq!(
            advance(&mut deal, "ok", d(3), t(2)),
            Err(TransitionError::SignalDateInFuture)
        );
        assert_eq!(deal.step, Step::CustomerAnalysis);
        assert!(deal.history.is_empty());

        advance(&mut deal, " budget approved for Q3 ", d(2), t(2)).unwrap();
        assert_eq!(deal.step, Step::BuildingTrust);
        assert_eq!(deal.step_entered_at, t(2));
        assert_eq!(
            deal.history,
            vec![StepEvent {
                at: t(2),
                from: Step::CustomerAnalysis,
                to: Step::BuildingTrust,
                kind: StepEventKind::Advance {
                    signal_evidence: "budget approved for Q3".into(),
                    signal_date: d(2),
                },
            }]
        );
    }

    #[test]
    fn advancing_from_step_five_wins_and_from_step_six_finishes() {
        let mut deal = qualified();
        for day in 2..=5 {
            advance(&mut deal, "signal", d(day), t(day)).unwrap();
        }
        assert_eq!(deal.step, Step::WinningCommitment);
        assert!(deal.is_open());
        advance(&mut deal, "contract signed", d(6), t(7)).unwrap();
        assert_eq!(deal.step, Step::FollowUpService);
        assert_eq!(
            deal.outcome,
            Outcome::Won {
                at: d(6),
                paid_on: None
            }
        );
        assert!(deal.is_active() && !deal.is_open());
        advance(&mut deal, "last invoice paid", d(20), t(20)).unwrap();
        assert_eq!(deal.step, Step::FollowUpService);
        assert_eq!(
            deal.outcome,
            Outcome::Won {
                at: d(6),
                paid_on: Some(d(20))
            }
        );
        assert!(!deal.is_active());
        assert_eq!(
            advance(&mut deal, "again", d(21), t(21)),
            Err(TransitionError::Finished)
        );
        assert_eq!(next_action(&deal), NextAction::Finished);
    }

    // -- qualification gate ---------------------------------------------------------------

    #[test]
    fn a_no_answer_keeps_the_deal_in_step_one_until_overridden() {
        let mut deal = qualified();
        deal.qualification
            .answer(Q::CanWeWin, Some(Answer::No), "incumbent", t(1));
        let err = advance(&mut deal, "they have budget", d(2), t(2)).unwrap_err();
        assert_eq!(
            err,
            TransitionError::Gate(Gate::BlockedBy(vec![Q::CanWeWin]))
        );
        assert_eq!(err.key(), "deal.transition_error.gate_blocked");
        assert!(matches!(
            skip_to(&mut deal, Step::DiscoverNeeds, "known customer", t(2)),
            Err(TransitionError::Gate(_))
        ));
        assert_eq!(deal.step, Step::CustomerAnalysis);
        assert!(has_no_answer(&deal));

        deal.qualification
            .set_override("strategic reference", t(2))
            .unwrap();
        advance(&mut deal, "they have budget", d(2), t(2)).unwrap();
        assert_eq!(deal.step, Step::BuildingTrust);
        assert!(warnings(&deal, d(2)).contains(&DealWarning::Qualification(
            QualificationWarning::Overridden
        )));
    }

    #[test]
    fn unanswered_questions_block_advance_but_not_a_reasoned_skip() {
        let mut deal = deal();
        assert!(matches!(
            advance(&mut deal, "x", d(2), t(2)),
            Err(TransitionError::Gate(Gate::Unanswered(_)))
        ));
        skip_to(
            &mut deal,
            Step::BuildingTrust,
            "existing customer, repeat order",
            t(2),
        )
        .unwrap();
        assert_eq!(deal.step, Step::BuildingTrust);
    }

    // -- skip needs a reason --------------------------------------------------------------

    #[test]
    fn skipping_needs_a_reason_kept_in_history() {
        let mut deal = qualified();
        assert_eq!(
            skip_to(&mut deal, Step::PresentingValue, " ", t(2)),
            Err(TransitionError::ReasonRequired)
        );
        assert_eq!(
            skip_to(&mut deal, Step::CustomerAnalysis, "x", t(2)),
            Err(TransitionError::NotForward)
        );
        skip_to(&mut deal, Step::PresentingValue, "tender published", t(2)).unwrap();
        assert_eq!(deal.step, Step::PresentingValue);
        assert_eq!(
            deal.history.last().unwrap().kind,
            StepEventKind::Skip {
                reason: "tender published".into()
            }
        );
        assert_eq!(deal.history.last().unwrap().from, Step::CustomerAnalysis);
    }

    #[test]
    fn skipping_into_step_six_wins_the_deal() {
        let mut deal = qualified();
        skip_to(&mut deal, Step::FollowUpService, "signed at the fair", t(4)).unwrap();
        assert_eq!(
            deal.outcome,
            Outcome::Won {
                at: d(4),
                paid_on: None
            }
        );
    }

    #[test]
    fn win_skips_to_commitment_then_confirms_the_contract() {
        let mut deal = qualified();
        assert_eq!(
            win(&mut deal, "contract", d(3), "", t(3)),
            Err(TransitionError::ReasonRequired)
        );
        assert_eq!(deal.step, Step::CustomerAnalysis, "nothing changed");
        win(&mut deal, "contract", d(3), "simple sale", t(3)).unwrap();
        assert_eq!(deal.step, Step::FollowUpService);
        assert_eq!(deal.history.len(), 2);
        assert!(matches!(deal.outcome, Outcome::Won { at, .. } if at == d(3)));
    }

    // -- back is recorded -----------------------------------------------------------------

    #[test]
    fn stepping_back_is_recorded() {
        let mut deal = qualified();
        skip_to(&mut deal, Step::WinningCommitment, "tender", t(2)).unwrap();
        assert_eq!(
            step_back(&mut deal, Step::WinningCommitment, "", t(3)),
            Err(TransitionError::NotBack)
        );
        step_back(&mut deal, Step::PresentingValue, "price reopened", t(3)).unwrap();
        assert_eq!(deal.step, Step::PresentingValue);
        assert_eq!(deal.step_entered_at, t(3));
        assert!(deal.is_open());
        let last = deal.history.last().unwrap();
        assert_eq!(
            (last.from, last.to),
            (Step::WinningCommitment, Step::PresentingValue)
        );
        assert_eq!(
            last.kind,
            StepEventKind::Back {
                reason: "price reopened".into()
            }
        );
        step_back(&mut deal, Step::BuildingTrust, "", t(4)).unwrap();
        assert_eq!(deal.history.len(), 3);
    }

    fn won() -> Deal {
        let mut deal = qualified();
        win(&mut deal, "contract signed", d(3), "simple sale", t(3)).unwrap();
        deal
    }

    #[test]
    fn a_won_deal_does_not_move_by_any_step_move() {
        let mut deal = won();
        deal.probability_override = Some(90);
        let before = deal.clone();
        for to in Step::ALL.iter().filter(|s| **s != Step::FollowUpService) {
            assert_eq!(check_move(&deal, *to), Err(TransitionError::Won), "{to:?}");
            assert_eq!(
                step_back(&mut deal, *to, "customer changed its mind", t(4)),
                Err(TransitionError::Won),
                "{to:?}"
            );
        }
        assert_eq!(deal, before, "nothing changed: still won, win date kept");
        assert_eq!(probability(&deal), 100);
        assert_eq!(TransitionError::Won.key(), "deal.transition_error.won");
        // Confirming that every account is paid is still allowed in step 6.
        assert_eq!(check_move(&deal, Step::FollowUpService), Ok(()));
        advance(&mut deal, "paid in full", d(9), t(9)).unwrap();
        assert_eq!(
            check_move(&deal, Step::FollowUpService),
            Err(TransitionError::Finished)
        );
        // A won deal outside step 6 (an imported record) does not move either.
        let mut odd = qualified();
        odd.step = Step::PresentingValue;
        odd.outcome = Outcome::Won {
            at: d(2),
            paid_on: None,
        };
        assert_eq!(
            advance(&mut odd, "x", d(2), t(2)),
            Err(TransitionError::Won)
        );
        assert_eq!(
            skip_to(&mut odd, Step::FollowUpService, "x", t(2)),
            Err(TransitionError::Won)
        );
    }

    #[test]
    fn closed_deals_do_not_move_until_reopened() {
        let mut deal = qualified();
        assert_eq!(
            mark_lost(&mut deal, d(2), " "),
            Err(CloseError::ReasonRequired)
        );
        mark_lost(&mut deal, d(2), "went with competitor").unwrap();
        assert_eq!(
            advance(&mut deal, "x", d(2), t(2)),
            Err(TransitionError::Closed)
        );
        assert_eq!(
            check_move(&deal, Step::BuildingTrust),
            Err(TransitionError::Closed)
        );
        assert_eq!(
            mark_declined(&mut deal, d(2), "x"),
            Err(CloseError::NotOpen)
        );
        assert_eq!(next_action(&deal), NextAction::Closed);
        assert!(warnings(&deal, d(30)).is_empty());
        assert_eq!(
            reopen(&mut deal, "  ", t(3)),
            Err(ReopenError::ReasonRequired)
        );
        assert!(!deal.is_open(), "a blank reason changes nothing");
        reopen(&mut deal, "the competitor could not deliver", t(3)).unwrap();
        assert!(deal.is_open());
        assert_eq!(
            deal.step,
            Step::CustomerAnalysis,
            "a lost deal keeps its step"
        );
        assert_eq!(
            deal.history.last().unwrap().kind,
            StepEventKind::Reopened {
                reason: "the competitor could not deliver".into(),
                previous_outcome: Outcome::Lost {
                    at: d(2),
                    reason: "went with competitor".into()
                }
            }
        );
        assert_eq!(
            reopen(&mut deal, "again", t(3)),
            Err(ReopenError::NotClosed)
        );
        advance(&mut deal, "x", d(2), t(3)).unwrap();
    }

    #[test]
    fn reopening_a_win_needs_a_reason_goes_back_to_step_five_and_is_recorded() {
        let mut deal = won();
        deal.probability_override = Some(95);
        let history_len = deal.history.len();
        assert_eq!(
            reopen(&mut deal, "", t(4)),
            Err(ReopenError::ReasonRequired)
        );
        assert_eq!(deal.history.len(), history_len);
        reopen(&mut deal, " signature was not authorised ", t(4)).unwrap();
        assert!(deal.is_open());
        assert_eq!(deal.outcome, Outcome::Open);
        assert_eq!(deal.step, Step::WinningCommitment);
        assert_eq!(deal.step_entered_at, t(4));
        assert_eq!(deal.probability_override, None);
        assert_eq!(probability(&deal), 80, "the default of step 5");
        let last = deal.history.last().unwrap();
        assert_eq!(deal.history.len(), history_len + 1);
        assert_eq!(
            last,
            &StepEvent {
                at: t(4),
                from: Step::FollowUpService,
                to: Step::WinningCommitment,
                kind: StepEventKind::Reopened {
                    reason: "signature was not authorised".into(),
                    previous_outcome: Outcome::Won {
                        at: d(3),
                        paid_on: None
                    },
                },
            }
        );
        assert_eq!(last.kind.key(), "step_event.reopened");
        // Open again: it moves like any deal, and a new contract wins it again.
        assert_eq!(check_move(&deal, Step::PresentingValue), Ok(()));
        advance(&mut deal, "signed again", d(5), t(5)).unwrap();
        assert!(matches!(deal.outcome, Outcome::Won { at, .. } if at == d(5)));
        // The history (with the reopen) survives a round trip.
        let json = serde_json::to_string(&deal).unwrap();
        assert!(json.contains("\"reopened\":{\"reason\":\"signature was not authorised\""));
        assert_eq!(serde_json::from_str::<Deal>(&json).unwrap(), deal);
    }

    #[test]
    fn winning_sets_customer_since_only_when_empty() {
        let open = qualified();
        let won = won();
        let since = NaiveDate::from_ymd_opt(2020, 3, 1);
        assert_eq!(customer_since_on_win(Some(&open), &won, None), Some(d(3)));
        assert_eq!(customer_since_on_win(None, &won, None), Some(d(3)));
        assert_eq!(customer_since_on_win(Some(&open), &won, since), None);
        assert_eq!(
            customer_since_on_win(Some(&won), &won, None),
            None,
            "already won before this save"
        );
        assert_eq!(customer_since_on_win(Some(&open), &open, None), None);
        let mut lost = qualified();
        mark_lost(&mut lost, d(2), "price").unwrap();
        assert_eq!(customer_since_on_win(Some(&open), &lost, None), None);
    }

    #[test]
    fn a_won_deal_warns_about_follow_up_only() {
        let mut deal = qualified();
        deal.qualification
            .answer(Q::CanWeWin, Some(Answer::Unsure), "incumbent", t(1));
        deal.qualification.set_override("strategic", t(1)).unwrap();
        deal.expected_close = Some(d(2));
        let w = warnings(&deal, d(20));
        assert!(
            w.contains(&DealWarning::Qualification(QualificationWarning::Unsure(
                Q::CanWeWin
            )))
        );
        assert!(w.contains(&DealWarning::Qualification(
            QualificationWarning::Overridden
        )));
        win(&mut deal, "contract", d(3), "simple sale", t(3)).unwrap();
        deal.buying_stage = Some(BuyingStage::InstallationAndUse);
        let w = warnings(&deal, d(20));
        assert!(
            !w.iter()
                .any(|w| matches!(w, DealWarning::Qualification(_) | DealWarning::Need(_))),
            "{w:?}"
        );
        assert!(!w.contains(&DealWarning::CloseDatePassed {
            expected_close: d(2)
        }));
        assert!(w.contains(&DealWarning::NoNextStep));
        assert!(w.iter().any(|w| matches!(w, DealWarning::BuyingStage(_))));
        set_next_step(&mut deal, "delivery check", d(25)).unwrap();
        deal.people.push(DealPerson {
            contact_id: new_id(),
            roles: vec![BuyingRole::User],
        });
        assert!(warnings(&deal, d(20)).is_empty());
    }

    #[test]
    fn check_move_reports_the_gate_before_anything_is_typed() {
        let mut deal = deal();
        for q in Q::ALL {
            deal.qualification.answer(*q, Some(Answer::Yes), "", t(1));
        }
        deal.qualification
            .answer(Q::CanWeWin, Some(Answer::Unsure), "", t(1));
        let g = Gate::Unsure(vec![Q::CanWeWin]);
        assert_eq!(
            check_move(&deal, Step::BuildingTrust),
            Err(TransitionError::Gate(g.clone()))
        );
        assert_eq!(
            check_move(&deal, Step::DiscoverNeeds),
            Err(TransitionError::Gate(g.clone()))
        );
        assert_eq!(
            TransitionError::Gate(g.clone()).key(),
            "deal.transition_error.gate_unsure"
        );
        assert_eq!(
            advance(&mut deal, "", d(2), t(2)),
            Err(TransitionError::Gate(g.clone())),
            "the gate is reported before the missing evidence"
        );
        assert_eq!(
            skip_to(&mut deal, Step::DiscoverNeeds, "repeat order", t(2)),
            Err(TransitionError::Gate(g))
        );
        assert_eq!(deal.step, Step::CustomerAnalysis);
        deal.qualification.set_override("reference", t(2)).unwrap();
        assert_eq!(check_move(&deal, Step::BuildingTrust), Ok(()));
        advance(&mut deal, "budget approved", d(2), t(2)).unwrap();
        assert_eq!(deal.step, Step::BuildingTrust);
        // Unanswered questions block the end signal but not a reasoned skip.
        let fresh = Deal::new(new_id(), "x", eur(0), t(1));
        assert!(matches!(
            check_move(&fresh, Step::BuildingTrust),
            Err(TransitionError::Gate(Gate::Unanswered(_)))
        ));
        assert_eq!(check_move(&fresh, Step::DiscoverNeeds), Ok(()));
    }

    #[test]
    fn board_moves_are_classified() {
        use Step::*;
        assert_eq!(classify_move(DiscoverNeeds, DiscoverNeeds), Move::Stay);
        assert_eq!(classify_move(DiscoverNeeds, PresentingValue), Move::Advance);
        assert_eq!(classify_move(DiscoverNeeds, WinningCommitment), Move::Skip);
        assert_eq!(classify_move(DiscoverNeeds, CustomerAnalysis), Move::Back);
    }

    // -- checklist and next action --------------------------------------------------------

    #[test]
    fn ticks_keep_a_date_and_drive_the_next_action() {
        let mut deal = deal();
        let first = ChecklistItem::new(Step::CustomerAnalysis, 1).unwrap();
        assert_eq!(next_action(&deal), NextAction::Do(first));
        tick(&mut deal, first, d(2));
        tick(&mut deal, first, d(3));
        assert_eq!(deal.checklist.len(), 1);
        assert_eq!(deal.ticked_on(first), Some(d(3)));
        assert_eq!(
            next_action(&deal),
            NextAction::Do(ChecklistItem::new(Step::CustomerAnalysis, 2).unwrap())
        );
        for item in Step::CustomerAnalysis.checklist() {
            tick(&mut deal, item, d(4));
        }
        assert!(matches!(
            next_action(&deal),
            NextAction::Qualify(Gate::Unanswered(_))
        ));
        for q in Q::ALL {
            deal.qualification.answer(*q, Some(Answer::Yes), "", t(4));
        }
        let action = next_action(&deal);
        assert_eq!(action, NextAction::ConfirmEndSignal(Step::CustomerAnalysis));
        assert_eq!(action.key(), "step.customer_analysis.confirm");
        untick(&mut deal, first);
        assert_eq!(next_action(&deal), NextAction::Do(first));
    }

    // -- warnings, people, next step ------------------------------------------------------

    #[test]
    fn warns_about_next_step_close_date_and_buying_roles() {
        let mut deal = qualified();
        assert_eq!(warnings(&deal, d(1)), vec![DealWarning::NoNextStep]);
        assert_eq!(
            set_next_step(&mut deal, " ", d(5)),
            Err(NextStepError::TextRequired)
        );
        set_next_step(&mut deal, "call the guide", d(5)).unwrap();
        assert!(warnings(&deal, d(5)).is_empty(), "due today is not overdue");
        assert_eq!(
            warnings(&deal, d(6)),
            vec![DealWarning::NextStepOverdue { due: d(5) }]
        );
        deal.expected_close = Some(d(4));
        deal.buying_stage = Some(BuyingStage::Evaluation);
        let w = warnings(&deal, d(5));
        assert!(w.contains(&DealWarning::CloseDatePassed {
            expected_close: d(4)
        }));
        assert!(
            w.contains(&DealWarning::BuyingStage(BuyingStageWarning::NoRole {
                stage: BuyingStage::Evaluation,
                role: BuyingRole::Evaluator
            }))
        );
        let c = new_id();
        set_person(
            &mut deal,
            c,
            &[BuyingRole::Evaluator, BuyingRole::Evaluator],
        );
        set_person(&mut deal, c, &[BuyingRole::Evaluator, BuyingRole::Designer]);
        assert_eq!(deal.people.len(), 1);
        assert_eq!(
            deal.people[0].roles,
            vec![BuyingRole::Designer, BuyingRole::Evaluator]
        );
        assert!(!warnings(&deal, d(5))
            .iter()
            .any(|w| matches!(w, DealWarning::BuyingStage(_))));
        remove_person(&mut deal, c);
        assert!(deal.people.is_empty());
    }

    // -- the form -------------------------------------------------------------------------

    #[test]
    fn draft_reports_every_field_error() {
        let draft = DealDraft {
            title: "  ".into(),
            value: "12,3456".into(),
            expected_close: "31/12/2026".into(),
            probability: "120".into(),
            ..Default::default()
        };
        let errs = draft.validate().unwrap_err();
        let problems: Vec<_> = errs.iter().map(|e| (e.field, e.problem)).collect();
        assert_eq!(
            problems,
            vec![
                (DealField::Account, DealFieldProblem::AccountRequired),
                (DealField::Title, DealFieldProblem::TitleRequired),
                (DealField::Value, DealFieldProblem::ValueTooManyDecimals),
                (DealField::ExpectedClose, DealFieldProblem::DateInvalid),
                (DealField::Probability, DealFieldProblem::ProbabilityInvalid),
            ]
        );
        let bad = DealDraft {
            account_id: Some(new_id()),
            title: "x".into(),
            value: "abc".into(),
            currency: "EURO".into(),
            ..Default::default()
        };
        let problems: Vec<_> = bad
            .validate()
            .unwrap_err()
            .iter()
            .map(|e| e.problem)
            .collect();
        assert_eq!(problems, vec![DealFieldProblem::CurrencyInvalid]);
        let neg = DealDraft {
            value: "-5".into(),
            ..bad.clone()
        };
        let neg = DealDraft {
            currency: "usd".into(),
            ..neg
        };
        assert_eq!(
            neg.validate().unwrap_err()[0].problem,
            DealFieldProblem::ValueNegative
        );
    }

    #[test]
    fn draft_creates_and_round_trips_a_deal() {
        let account = new_id();
        let draft = DealDraft {
            account_id: Some(account),
            title: " Fleet renewal ".into(),
            value: "12 500,50".into(),
            currency: "usd".into(),
            expected_close: "2026-06-30".into(),
            probability: "40%".into(),
            owner: " AK ".into(),
        };
        let deal = draft.create(t(1)).unwrap();
        assert_eq!(deal.title, "Fleet renewal");
        assert_eq!(
            deal.value,
            Money::new(1_250_050, Currency::parse("USD").unwrap())
        );
        assert_eq!(deal.expected_close, NaiveDate::from_ymd_opt(2026, 6, 30));
        assert_eq!(deal.probability_override, Some(40));
        assert_eq!(deal.owner, "AK");
        assert_eq!(deal.step, Step::CustomerAnalysis);
        let again = DealDraft::from_deal(&deal);
        let mut copy = deal.clone();
        again.apply(&mut copy).unwrap();
        assert_eq!(copy, deal);
        let empty_value = DealDraft {
            value: String::new(),
            currency: String::new(),
            ..draft
        };
        assert_eq!(empty_value.validate().unwrap().value, eur(0));
    }

    #[test]
    fn a_deal_round_trips_through_json_and_reads_sparse_records() {
        let mut deal = qualified();
        advance(&mut deal, "signal", d(2), t(2)).unwrap();
        step_back(&mut deal, Step::CustomerAnalysis, "", t(3)).unwrap();
        tick(
            &mut deal,
            ChecklistItem::new(Step::CustomerAnalysis, 2).unwrap(),
            d(3),
        );
        set_person(&mut deal, new_id(), &[BuyingRole::Initiator]);
        let json = serde_json::to_string(&deal).unwrap();
        assert!(json.contains("\"kind\":{\"advance\":{\"signal_evidence\":\"signal\""));
        assert_eq!(serde_json::from_str::<Deal>(&json).unwrap(), deal);
        let sparse = serde_json::json!({
            "id": deal.id, "created_at": t(1), "updated_at": t(1), "rev": 1,
            "account_id": deal.account_id, "title": "t",
            "value": {"minor": 5, "currency": "EUR"}, "step_entered_at": t(1),
            "some_future_field": true
        });
        let read: Deal = serde_json::from_value(sparse).unwrap();
        assert_eq!(read.step, Step::CustomerAnalysis);
        assert_eq!(read.outcome, Outcome::Open);
    }

    // -- the catalogue --------------------------------------------------------------------

    /// Every key the deal domain can produce.
    pub(crate) fn all_keys() -> Vec<&'static str> {
        use crate::domain::needs::NeedLayer;
        use crate::domain::qualification::{OverrideError, QualificationWarning as QW};
        let mut k = Vec::new();
        for s in Step::ALL {
            k.extend([
                s.key(),
                s.start_signal_key(),
                s.end_signal_key(),
                s.confirm_key(),
                s.evidence_hint_key(),
            ]);
            k.extend(s.checklist().iter().map(|i| i.key()));
        }
        let id = new_id();
        k.extend(
            [
                StepEventKind::Advance {
                    signal_evidence: String::new(),
                    signal_date: d(1),
                },
                StepEventKind::Skip {
                    reason: String::new(),
                },
                StepEventKind::Back {
                    reason: String::new(),
                },
                StepEventKind::Reopened {
                    reason: String::new(),
                    previous_outcome: Outcome::Open,
                },
            ]
            .iter()
            .map(|e| e.key()),
        );
        k.extend(
            [
                Outcome::Open,
                Outcome::Won {
                    at: d(1),
                    paid_on: None,
                },
                Outcome::Lost {
                    at: d(1),
                    reason: String::new(),
                },
                Outcome::Declined {
                    at: d(1),
                    reason: String::new(),
                },
            ]
            .iter()
            .map(|o| o.key()),
        );
        for e in [
            TransitionError::Closed,
            TransitionError::Won,
            TransitionError::Finished,
            TransitionError::EvidenceRequired,
            TransitionError::SignalDateInFuture,
            TransitionError::ReasonRequired,
            TransitionError::NotForward,
            TransitionError::NotBack,
            TransitionError::Gate(Gate::BlockedBy(vec![])),
            TransitionError::Gate(Gate::Unsure(vec![])),
            TransitionError::Gate(Gate::Unanswered(vec![])),
        ] {
            k.push(e.key());
        }
        k.extend([CloseError::NotOpen.key(), CloseError::ReasonRequired.key()]);
        k.extend([
            ReopenError::NotClosed.key(),
            ReopenError::ReasonRequired.key(),
        ]);
        k.push(NextStepError::TextRequired.key());
        k.push(
            ChecklistItem {
                step: Step::DiscoverNeeds,
                number: 99,
            }
            .key(),
        );
        for a in [
            NextAction::Qualify(Gate::BlockedBy(vec![])),
            NextAction::Qualify(Gate::Unsure(vec![])),
            NextAction::Qualify(Gate::Unanswered(vec![])),
            NextAction::Closed,
            NextAction::Finished,
        ] {
            k.push(a.key());
        }
        for w in [
            DealWarning::NoNextStep,
            DealWarning::NextStepOverdue { due: d(1) },
            DealWarning::CloseDatePassed {
                expected_close: d(1),
            },
        ] {
            k.push(w.key());
        }
        k.extend(DealField::ALL.iter().map(|f| f.key()));
        for p in [
            DealFieldProblem::AccountRequired,
            DealFieldProblem::TitleRequired,
            DealFieldProblem::TitleTooLong,
            DealFieldProblem::ValueNotAmount,
            DealFieldProblem::ValueTooManyDecimals,
            DealFieldProblem::ValueTooLarge,
            DealFieldProblem::ValueNegative,
            DealFieldProblem::CurrencyInvalid,
            DealFieldProblem::DateInvalid,
            DealFieldProblem::ProbabilityInvalid,
        ] {
            k.push(p.key());
        }
        // qualification
        for q in Q::ALL {
            k.extend([q.key(), q.hint_key(), QW::Unsure(*q).key()]);
        }
        k.extend(Answer::ALL.iter().map(|a| a.key()));
        for g in [
            Gate::Open,
            Gate::BlockedBy(vec![]),
            Gate::Unsure(vec![]),
            Gate::Unanswered(vec![]),
        ] {
            k.push(g.key());
        }
        k.push(QW::Overridden.key());
        k.extend([
            OverrideError::ReasonRequired.key(),
            OverrideError::NothingToOverride.key(),
        ]);
        // needs
        for l in NeedLayer::ALL {
            k.extend([l.key(), l.hint_key()]);
        }
        k.push(needs::NeedError::TextRequired.key());
        for w in [
            NeedWarning::NoHolder {
                need_id: id,
                layer: NeedLayer::Goal,
            },
            NeedWarning::NoHolder {
                need_id: id,
                layer: NeedLayer::Problem,
            },
            NeedWarning::HolderNotOnDeal { need_id: id },
            NeedWarning::IndicatorWithoutMeasure { need_id: id },
            NeedWarning::NoGoals,
            NeedWarning::NoProblems,
            NeedWarning::NoPurchaseIndicators,
        ] {
            k.push(w.key());
        }
        // buying stages
        for s in BuyingStage::ALL {
            k.extend([
                s.key(),
                s.hint_key(),
                BuyingStageWarning::NoRole {
                    stage: *s,
                    role: s.key_role(),
                }
                .key(),
            ]);
        }
        k
    }

    #[test]
    fn every_key_is_in_both_deal_catalogues_and_they_match() {
        use crate::i18n::{placeholders, Catalogue};
        let en = Catalogue::parse(&[
            include_str!("../i18n/en/deals.txt"),
            include_str!("../i18n/en/deal_rules.txt"),
        ])
        .unwrap();
        let es = Catalogue::parse(&[
            include_str!("../i18n/es/deals.txt"),
            include_str!("../i18n/es/deal_rules.txt"),
        ])
        .unwrap();
        let missing: Vec<_> = all_keys()
            .into_iter()
            .filter(|k| en.get(k).is_none() || es.get(k).is_none())
            .collect();
        assert!(missing.is_empty(), "missing keys: {missing:#?}");
        let en_keys: std::collections::BTreeSet<_> = en.keys().collect();
        let es_keys: std::collections::BTreeSet<_> = es.keys().collect();
        assert_eq!(en_keys, es_keys);
        for k in en_keys {
            assert_eq!(
                placeholders(en.get(k).unwrap()),
                placeholders(es.get(k).unwrap()),
                "{k}"
            );
            assert!(!en.get(k).unwrap().is_empty(), "{k} is empty");
        }
    }
}
