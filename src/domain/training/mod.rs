//! Trainee mode (METHOD.md as a course): the method guide's pages, exercises generated
//! from the domain's own rules, the trainee's answers over time, and a sample book to
//! practise on.
//!
//! - [`Topic`]: what an exercise trains, one per rule it is generated from.
//! - [`exercise`]: [`Exercise`] — a question, the facts it gives, the choices, the answer
//!   **the domain rule gives** (never a stored answer) and the explanation with the rule;
//!   [`generate`] builds one from a topic and a seed (the same seed gives the same
//!   exercise), [`set`] a set of one topic from one seed.
//! - [`progress`]: [`ExerciseAnswer`] (one stored record per answer given) and the scores
//!   per topic over time, the weakest topic, the coach's report.
//! - [`sample`]: the sample book — a fictional firm and its customers at every step —
//!   built from the record types, and [`SampleBook`], the stored list of exactly the
//!   records it added, so removing it removes those and nothing else.
//! - [`guide`]: [`GuidePage`], one page of the method guide per step and per rule.

pub mod exercise;
pub mod guide;
pub mod progress;
pub mod sample;

pub use exercise::*;
pub use guide::GuidePage;
pub use progress::*;
pub use sample::SampleBook;

use serde::{Deserialize, Serialize};

/// What an exercise trains: one rule of the method each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Identify a communication style from a description of behaviour.
    Style,
    /// Pick the activity that fits a relationship stage.
    StageActivity,
    /// Spot the concession that breaks the shrink rule in a ledger.
    Concession,
    /// Choose the collection action for an overdue invoice.
    Collection,
    /// Find the missing role in a buying centre.
    BuyingCentre,
    /// Say which complaint comes first by priority.
    ComplaintPriority,
    /// Answer the four qualifying questions for a described situation.
    Qualification,
}

crate::keyed_enum!(Topic, "training.topic", {
    Style => "style",
    StageActivity => "stage_activity",
    Concession => "concession",
    Collection => "collection",
    BuyingCentre => "buying_centre",
    ComplaintPriority => "complaint_priority",
    Qualification => "qualification",
});
