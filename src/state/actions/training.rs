//! Trainee mode: the answers given to exercises, one transaction each.

// -------------------------------------------------------------------------------------------
// Clearing the answers (the progress page)
// -------------------------------------------------------------------------------------------

/// Removes every answer in `answers` (as read) in one transaction; returns them, to undo.
pub async fn clear_answers(
    data: crate::state::data::AppData,
    answers: Vec<crate::domain::training::ExerciseAnswer>,
) -> Result<Vec<crate::domain::training::ExerciseAnswer>, crate::store::StoreError> {
    let mut ch = crate::state::data::Changes::new();
    for a in &answers {
        ch.delete(a);
    }
    ch.commit(data).await.map(|()| answers)
}

/// Brings cleared answers back (Undo) in one transaction; returns them as stored.
pub async fn undo_clear_answers(
    data: crate::state::data::AppData,
    answers: Vec<crate::domain::training::ExerciseAnswer>,
) -> Result<Vec<crate::domain::training::ExerciseAnswer>, crate::store::StoreError> {
    let mut ch = crate::state::data::Changes::new();
    let back = answers
        .iter()
        .map(|a| ch.put(&data, crate::domain::ids::brought_back(a)))
        .collect();
    ch.commit(data).await.map(|()| back)
}
