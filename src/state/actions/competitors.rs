//! Competitors: adding a sales rep on the competitor's page.

use crate::domain::competitor::{self, Competitor, RepDraft};
use crate::domain::fields::FieldError;
use crate::domain::ids::Id;
use crate::state::data::AppData;
use crate::store::StoreError;
use std::future::Future;

/// Adds a sales rep, linking each tie to the person of that name; refused at once without
/// a name.
pub fn add_rep(
    data: AppData,
    competitor: &Competitor,
    rep: RepDraft,
) -> Result<impl Future<Output = Result<Competitor, StoreError>>, FieldError> {
    let people: Vec<(Id, String)> = data
        .contacts
        .with_all_untracked(|m| m.values().map(|p| (p.id, p.name.clone())).collect());
    let changed = competitor::add_rep(competitor, rep, &people)?;
    Ok(super::put(data, changed))
}
