//! The trainee's answers, one stored record each, and what they add up to.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Topic;
use crate::domain::ids::{Id, Meta};
use crate::domain::rules::{self, CheckContext, RuleError};

/// One answer given to one generated exercise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseAnswer {
    pub id: Id,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub topic: Topic,
    /// The exercise's seed: with the topic it gives the exercise again.
    pub seed: u32,
    /// The index of the choice given.
    pub chosen: u32,
    /// Whether it was the answer the rule gives.
    pub correct: bool,
    pub answered_at: DateTime<Utc>,
}

crate::impl_record!(ExerciseAnswer, "exercise_answers");

impl ExerciseAnswer {
    /// A new answer to the exercise of `topic` and `seed`.
    pub fn new(topic: Topic, seed: u32, chosen: u32, correct: bool, now: DateTime<Utc>) -> Self {
        let m = Meta::new(now);
        ExerciseAnswer {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            topic,
            seed,
            chosen,
            correct,
            answered_at: now,
        }
    }
}

/// The record rules of a stored answer.
pub fn check_answer(a: &ExerciseAnswer, ctx: &CheckContext) -> Result<(), RuleError> {
    use crate::domain::ids::Record;
    rules::check_meta(&a.meta(), ctx)
}
