//! Step 2 — building trust: communication styles per person and how to deal with each.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The four communication styles of the method (the seed calls `Driver` "aggressive").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommunicationStyle {
    Analytical,
    Amiable,
    Expressive,
    Driver,
}

/// How the style was judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JudgedBy {
    /// The rep picked the style directly.
    Direct,
    /// The rep answered the guided questionnaire; the answers are kept.
    Questionnaire { answers: Vec<u8> },
}

/// How sure the rep is of the judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Guess,
    #[default]
    Fairly,
    Sure,
}

/// A judged communication style for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StyleJudgement {
    pub style: CommunicationStyle,
    pub judged_by: JudgedBy,
    pub confidence: Confidence,
    pub judged_at: DateTime<Utc>,
}
