//! Step 2 — building trust: relationship stages per person.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The four stages of a relationship with one person, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RelationshipStage {
    #[default]
    Acquaintance,
    Dating,
    Trust,
    Alliance,
}

/// One recorded change of stage, with the evidence the rep noted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    pub at: DateTime<Utc>,
    pub from: RelationshipStage,
    pub to: RelationshipStage,
    #[serde(default)]
    pub evidence: String,
}

/// A person's current stage and the history of how it got there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Relationship {
    pub stage: RelationshipStage,
    #[serde(default)]
    pub history: Vec<StageChange>,
}
