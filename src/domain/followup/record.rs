//! The follow-up record and the shapes of its parts.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::ids::{Id, Meta};

/// What a line of the contract checklist keeps (METHOD.md "Keep contracts").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContractItemKind {
    /// An agreed delivery date.
    Delivery,
    /// An agreed quantity.
    Quantity,
    /// Something we owe the customer.
    OurObligation,
    /// Something the customer owes us.
    TheirObligation,
    /// Who to reach for what, on either side.
    ContactPoint,
}

crate::keyed_enum!(ContractItemKind, "followup.item_kind", {
    Delivery => "delivery",
    Quantity => "quantity",
    OurObligation => "our_obligation",
    TheirObligation => "their_obligation",
    ContactPoint => "contact_point",
});

/// One line of the contract checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractItem {
    pub id: Id,
    pub kind: ContractItemKind,
    /// What was agreed ("200 units of the M4 valve", "Site ready by the customer").
    pub text: String,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub done_on: Option<NaiveDate>,
    /// Who sees to it (a name or initials).
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub note: String,
}

/// The delivery milestones the method watches after the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    Delivery,
    Installation,
    Acceptance,
    StartOfUse,
    WarrantyEnd,
}

crate::keyed_enum!(MilestoneKind, "followup.milestone_kind", {
    Delivery => "delivery",
    Installation => "installation",
    Acceptance => "acceptance",
    StartOfUse => "start_of_use",
    WarrantyEnd => "warranty_end",
});

/// One milestone: planned against actual, with what could stop it and the way around.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: Id,
    pub kind: MilestoneKind,
    /// When the work towards it is planned to start, if it has a start.
    #[serde(default)]
    pub planned_start: Option<NaiveDate>,
    /// When it is planned to be reached.
    pub planned: NaiveDate,
    /// When it was reached.
    #[serde(default)]
    pub done_on: Option<NaiveDate>,
    /// What could hold it up (spotted early).
    #[serde(default)]
    pub obstacle: String,
    /// What we do if the obstacle strikes.
    #[serde(default)]
    pub backup_plan: String,
    #[serde(default)]
    pub note: String,
}

/// How the customer's satisfaction was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// The regular (weekly by default) call.
    Call,
    /// The regular (monthly by default) satisfaction request.
    Request,
}

crate::keyed_enum!(CheckKind, "followup.check_kind", {
    Call => "call",
    Request => "request",
});

/// One satisfaction check made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SatisfactionCheck {
    pub id: Id,
    pub kind: CheckKind,
    pub on: NaiveDate,
    /// Who was asked.
    #[serde(default)]
    pub person_id: Option<Id>,
    /// How satisfied they said they are, 1 (not at all) to 5 (fully), if asked.
    #[serde(default)]
    pub score: Option<u8>,
    #[serde(default)]
    pub note: String,
}

/// A won deal's follow-up service: the contract checklist, the milestones and the
/// satisfaction checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub deal_id: Id,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub checklist: Vec<ContractItem>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub milestones: Vec<Milestone>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub checks: Vec<SatisfactionCheck>,
}

crate::impl_record!(FollowUp, "followups");

impl FollowUp {
    /// An empty follow-up of a deal.
    pub fn new(deal_id: Id, now: DateTime<Utc>) -> FollowUp {
        let m = Meta::new(now);
        FollowUp {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            deal_id,
            checklist: Vec::new(),
            milestones: Vec::new(),
            checks: Vec::new(),
        }
    }
}
