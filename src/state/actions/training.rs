//! Trainee mode: the answers given to exercises, one transaction each.
//!
//! The exercise is generated again from its topic and seed and the answer judged against
//! it here: a page says only which choice was picked, never whether it was right.

use std::future::Future;

use chrono::Utc;

use crate::domain::training::{generate, ExerciseAnswer, Topic};
use crate::state::data::{AppData, Changes};
use crate::store::StoreError;

/// Why an answer was refused before anything was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerError {
    /// The exercise has no such choice.
    NoSuchChoice,
}

impl AnswerError {
    pub fn key(self) -> &'static str {
        match self {
            AnswerError::NoSuchChoice => "exercise.page.pick_first",
        }
    }
}

/// Stores the answer `chosen` (an index into the choices) to the exercise of `topic` and
/// `seed`, judged against the exercise generated again; returns the stored answer (its
/// `correct` says whether it was right).
pub fn answer(
    data: AppData,
    topic: Topic,
    seed: u32,
    chosen: usize,
) -> Result<impl Future<Output = Result<ExerciseAnswer, StoreError>>, AnswerError> {
    let exercise = generate(topic, seed);
    let index = u32::try_from(chosen).map_err(|_| AnswerError::NoSuchChoice)?;
    if chosen >= exercise.choices.len() {
        return Err(AnswerError::NoSuchChoice);
    }
    let record = ExerciseAnswer::new(topic, seed, index, exercise.is_right(chosen), Utc::now());
    Ok(super::put(data, record))
}

/// How many answers the book keeps on `topic` (tracks every answer).
pub fn answers_on(data: AppData, topic: Topic) -> usize {
    data.exercise_answers
        .with_all(|all| all.values().filter(|a| a.topic == topic).count())
}

// -------------------------------------------------------------------------------------------
// Clearing the answers (the progress page)
// -------------------------------------------------------------------------------------------

/// Removes every answer in `answers` (as read) in one transaction; returns them, to undo.
pub async fn clear_answers(
    data: AppData,
    answers: Vec<ExerciseAnswer>,
) -> Result<Vec<ExerciseAnswer>, StoreError> {
    let mut ch = Changes::new();
    for a in &answers {
        ch.delete(a);
    }
    ch.commit(data).await.map(|()| answers)
}

/// Brings cleared answers back (Undo) in one transaction; returns them as stored.
pub async fn undo_clear_answers(
    data: AppData,
    answers: Vec<ExerciseAnswer>,
) -> Result<Vec<ExerciseAnswer>, StoreError> {
    let mut ch = Changes::new();
    let back = answers
        .iter()
        .map(|a| ch.put(&data, crate::domain::ids::brought_back(a)))
        .collect();
    ch.commit(data).await.map(|()| back)
}
