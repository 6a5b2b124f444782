//! The deal record: its step history, checklist ticks, people, next step and outcome, and
//! the win probability that follows from them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::*;
use crate::domain::buying_stage::{BuyingRole, BuyingStage};
use crate::domain::competitive::CompetitiveAnalysis;
use crate::domain::ids::{new_id, Id};
use crate::domain::money::Money;
use crate::domain::needs::Need;
use crate::domain::presentation::PresentationPlan;
use crate::domain::qualification::Qualification;

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

crate::keyed_enum!(StepEventKind, {
    Self::Advance { .. } => "step_event.advance",
    Self::Skip { .. } => "step_event.skip",
    Self::Back { .. } => "step_event.back",
    Self::Reopened { .. } => "step_event.reopened",
});

/// One entry of a deal's step history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepEvent {
    #[serde(deserialize_with = "crate::domain::stamp::de")]
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
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
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

crate::keyed_enum!(Outcome, {
    Self::Open => "deal.outcome.open",
    Self::Won { .. } => "deal.outcome.won",
    Self::Lost { .. } => "deal.outcome.lost",
    Self::Declined { .. } => "deal.outcome.declined",
});

/// A sales opportunity with one account, moving through the six steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deal {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
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
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub step_entered_at: DateTime<Utc>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub history: Vec<StepEvent>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub checklist: Vec<CheckTick>,
    #[serde(default)]
    pub qualification: Qualification,
    #[serde(default)]
    pub buying_stage: Option<BuyingStage>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub needs: Vec<Need>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub people: Vec<DealPerson>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub competitor_ids: Vec<Id>,
    #[serde(default)]
    pub next_step: Option<NextStep>,
    #[serde(default)]
    pub outcome: Outcome,
    /// Who owns the deal (a rep's name or initials).
    #[serde(default)]
    pub owner: String,
    /// Step 4: our strengths and weaknesses and the action plan per person.
    #[serde(default)]
    pub competitive: CompetitiveAnalysis,
    /// Step 4: the presentation outline, its notes, points and last rehearsal.
    #[serde(default)]
    pub presentation: PresentationPlan,
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
            competitive: CompetitiveAnalysis::default(),
            presentation: PresentationPlan::default(),
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
