//! The partner and declined-request records.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::account::LeadSource;
use crate::domain::ids::{Id, Meta};

/// How far we trust a partner with our customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrustLevel {
    /// We have seen their work and vouch for it: the only ones we refer customers to.
    Trusted,
    /// We know them, but have not seen enough to vouch for them.
    Known,
    /// We are unsure of them: never referred.
    Unsure,
}

crate::keyed_enum!(TrustLevel, "decline.trust", {
    Trusted => "trusted",
    Known => "known",
    Unsure => "unsure",
});

/// A firm we may send a customer to when we cannot serve them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub name: String,
    /// Their field ("industrial cleaning").
    pub field: String,
    /// The neighbouring fields they also serve.
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub neighbouring: Vec<String>,
    pub trust: TrustLevel,
    /// Who to call there.
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub notes: String,
}

crate::impl_record!(Partner, "partners");

impl Partner {
    pub fn new(name: &str, field: &str, trust: TrustLevel, now: DateTime<Utc>) -> Partner {
        let m = Meta::new(now);
        Partner {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            name: name.trim().to_string(),
            field: field.trim().to_string(),
            neighbouring: Vec::new(),
            trust,
            contact: String::new(),
            phone: String::new(),
            email: String::new(),
            notes: String::new(),
        }
    }
}

/// Why we cannot serve a request (seed 003).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeclineReason {
    /// Not our business at all.
    DifferentBusiness,
    /// Our field, another speciality.
    OtherSpeciality,
    /// Nothing in stock.
    NoStock,
    /// No free staff.
    NoFreeStaff,
}

crate::keyed_enum!(DeclineReason, "decline.reason", {
    DifferentBusiness => "different_business",
    OtherSpeciality => "other_speciality",
    NoStock => "no_stock",
    NoFreeStaff => "no_free_staff",
}, script_key = ".script");

/// An alternative offered to a customer we decline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Alternative {
    /// Wait until we can serve them.
    Wait,
    /// A substitute product or service of ours.
    Substitute,
    /// A trusted partner.
    Partner,
}

crate::keyed_enum!(Alternative, "decline.alternative", {
    Wait => "wait",
    Substitute => "substitute",
    Partner => "partner",
});

/// A request we declined, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeclinedRequest {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub on: NaiveDate,
    /// Who asked (a name, a firm), when they are not in the book.
    #[serde(default)]
    pub requester: String,
    #[serde(default)]
    pub account_id: Option<Id>,
    #[serde(default)]
    pub person_id: Option<Id>,
    /// What was asked.
    pub asked: String,
    /// The field the request belongs to (for the report of demand we do not serve).
    pub field: String,
    /// How they heard of us.
    #[serde(default)]
    pub source: Option<LeadSource>,
    pub reason: DeclineReason,
    /// The customer's importance now (1–5) and for the future (1–5).
    pub tactical: u8,
    pub strategic: u8,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub alternatives: Vec<Alternative>,
    /// Until when they could wait, if waiting was offered.
    #[serde(default)]
    pub wait_until: Option<NaiveDate>,
    /// The substitute offered, if any.
    #[serde(default)]
    pub substitute: String,
    /// The partner they were referred to, if any.
    #[serde(default)]
    pub partner_id: Option<Id>,
    /// What the rep said (the polite script, as adapted).
    #[serde(default)]
    pub script: String,
    #[serde(default)]
    pub note: String,
}

crate::impl_record!(DeclinedRequest, "declined_requests");
