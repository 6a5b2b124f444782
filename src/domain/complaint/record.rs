//! The complaint record.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::ids::{Id, Meta};

/// A complaint (something went wrong) or a suggestion (something could be better).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackKind {
    Complaint,
    Suggestion,
}

crate::keyed_enum!(FeedbackKind, "complaint.kind", {
    Complaint => "complaint",
    Suggestion => "suggestion",
});

/// One entry of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Complaint {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub kind: FeedbackKind,
    pub account_id: Id,
    #[serde(default)]
    pub person_id: Option<Id>,
    #[serde(default)]
    pub deal_id: Option<Id>,
    /// What happened, in the customer's words where possible.
    pub what: String,
    /// How big the fault is, 1 (trifle) to 5 (severe).
    pub fault_size: u8,
    /// How worried the customer is, 1 (calm) to 5 (very anxious).
    pub anxiety: u8,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub opened_at: DateTime<Utc>,
    #[serde(default, deserialize_with = "crate::domain::stamp::de_opt")]
    pub first_response_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "crate::domain::stamp::de_opt")]
    pub on_site_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "crate::domain::stamp::de_opt")]
    pub resolved_at: Option<DateTime<Utc>>,
    /// What was done about it.
    #[serde(default)]
    pub resolution: String,
}

crate::impl_record!(Complaint, "complaints");

impl Complaint {
    /// A new open complaint of `account_id`, opened at `opened_at`.
    pub fn new(
        kind: FeedbackKind,
        account_id: Id,
        what: &str,
        fault_size: u8,
        anxiety: u8,
        opened_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Complaint {
        let m = Meta::new(now);
        Complaint {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            kind,
            account_id,
            person_id: None,
            deal_id: None,
            what: what.trim().to_string(),
            fault_size,
            anxiety,
            opened_at,
            first_response_at: None,
            on_site_at: None,
            resolved_at: None,
            resolution: String::new(),
        }
    }

    /// Open until resolved.
    pub fn is_open(&self) -> bool {
        self.resolved_at.is_none()
    }
}

impl Complaint {
    /// When the customer first heard back: the first response, or the on-site visit when
    /// that came first (a visit answers a complaint too).
    pub fn answered_at(&self) -> Option<DateTime<Utc>> {
        match (self.first_response_at, self.on_site_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The next step the complaint waits for, while open.
    pub fn next_step(&self) -> Option<NextStep> {
        if !self.is_open() {
            None
        } else if self.answered_at().is_none() {
            Some(NextStep::FirstResponse)
        } else if self.kind == FeedbackKind::Complaint && self.on_site_at.is_none() {
            Some(NextStep::OnSite)
        } else {
            Some(NextStep::Resolution)
        }
    }
}

/// What an open entry waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    /// Nobody has answered the customer yet.
    FirstResponse,
    /// Answered, but nobody has been on site (going on site lowers anxiety).
    OnSite,
    /// Answered (and visited): waiting to be resolved.
    Resolution,
}

crate::keyed_enum!(NextStep, "complaint.next", {
    FirstResponse => "first_response",
    OnSite => "on_site",
    Resolution => "resolution",
});
