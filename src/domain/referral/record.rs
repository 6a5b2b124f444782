//! The referral record.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::ids::{Id, Meta};

/// What the customer answered when asked for a referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralAnswer {
    /// Not answered yet.
    Pending,
    /// Gave one or more leads.
    Yes,
    /// Asked to be asked again later.
    Later,
    No,
}

crate::keyed_enum!(ReferralAnswer, "referral.answer", {
    Pending => "pending",
    Yes => "yes",
    Later => "later",
    No => "no",
});

/// A lead a referrer gave: an account, and the person there if known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferredLead {
    pub account_id: Id,
    #[serde(default)]
    pub person_id: Option<Id>,
}

/// One ask for a referral.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    /// Who was asked.
    pub person_id: Id,
    /// The account of the person asked.
    pub account_id: Id,
    /// The deal whose good service prompted the ask, if any.
    #[serde(default)]
    pub deal_id: Option<Id>,
    pub asked_on: NaiveDate,
    pub answer: ReferralAnswer,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub leads: Vec<ReferredLead>,
    #[serde(default)]
    pub note: String,
}

crate::impl_record!(Referral, "referrals");

impl Referral {
    /// A new ask of `person_id` (of `account_id`), not answered yet.
    pub fn new(person_id: Id, account_id: Id, asked_on: NaiveDate, now: DateTime<Utc>) -> Referral {
        let m = Meta::new(now);
        Referral {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            person_id,
            account_id,
            deal_id: None,
            asked_on,
            answer: ReferralAnswer::Pending,
            leads: Vec::new(),
            note: String::new(),
        }
    }
}
