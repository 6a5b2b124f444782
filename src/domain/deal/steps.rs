//! The six steps of a sale: their order, names and signals, each step's checklist of
//! actions ([`ChecklistItem`]) and the default win probability per step.

use serde::{Deserialize, Serialize};

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

crate::keyed_enum!(Step, "step", ".name", {
    CustomerAnalysis => "customer_analysis",
    BuildingTrust => "building_trust",
    DiscoverNeeds => "discover_needs",
    PresentingValue => "presenting_value",
    WinningCommitment => "winning_commitment",
    FollowUpService => "follow_up_service",
}, start_signal_key = ".start_signal", end_signal_key = ".end_signal", confirm_key = ".confirm", evidence_hint_key = ".evidence_hint");

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

impl crate::domain::keys::Keyed for ChecklistItem {
    fn key(&self) -> &'static str {
        ChecklistItem::key(self)
    }
    fn keys() -> Vec<&'static str> {
        CHECKLISTS
            .iter()
            .flat_map(|items| items.iter().copied())
            .chain(["deal.checklist.unknown_item"])
            .collect()
    }
}
