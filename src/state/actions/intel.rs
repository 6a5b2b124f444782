//! Market intelligence: adding a note.

use crate::domain::fields::FieldError;
use crate::domain::intel::{IntelDraft, IntelNote};
use crate::state::data::AppData;
use crate::store::StoreError;
use chrono::Utc;
use std::future::Future;

/// Adds a note; refused at once with every field in error.
pub fn add(
    data: AppData,
    draft: &IntelDraft,
) -> Result<impl Future<Output = Result<IntelNote, StoreError>>, Vec<FieldError>> {
    let note = draft.validate()?.into_new(Utc::now());
    Ok(super::put(data, note))
}
