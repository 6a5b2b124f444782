//! Declined requests and the partner directory, through `domain::decline`: saving a
//! partner or a declined request from its form (refused at once with every field in
//! error), deleting either with an Undo.
//!
//! A partner that declined requests name may be deleted: the page says how many name it
//! before asking ([`partner_uses`]); the requests keep the id, show the partner as gone,
//! and Undo brings it back.

use crate::domain::decline::{
    self, DeclineDraft, DeclinedRequest, Partner, PartnerDraft, TrustLevel,
};
use crate::domain::fields::FieldError;
use crate::domain::ids::{brought_back, Id};
use crate::state::data::AppData;
use crate::store::StoreError;
use chrono::{Local, NaiveDate, Utc};
use std::future::Future;

/// Today in the rep's time zone: no request is declined after it.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Every partner (tracked).
pub fn partners(data: AppData) -> Vec<Partner> {
    data.partners.with_all(|m| m.values().cloned().collect())
}

/// Every declined request (tracked).
pub fn declined(data: AppData) -> Vec<DeclinedRequest> {
    data.declined_requests
        .with_all(|m| m.values().cloned().collect())
}

/// Saves a partner from its form: a new one (`base` `None`), or `base` with the form's
/// fields written over it.
pub fn save_partner(
    data: AppData,
    base: Option<Partner>,
    draft: &PartnerDraft,
) -> Result<impl Future<Output = Result<Partner, StoreError>>, Vec<FieldError>> {
    let fields = draft.validate()?;
    let p = match base {
        Some(mut p) => {
            fields.apply_to(&mut p);
            p
        }
        None => fields.into_new(Utc::now()),
    };
    Ok(super::put(data, p))
}

/// How many declined requests name the partner (said before deleting it).
pub fn partner_uses(data: AppData, id: Id) -> usize {
    data.declined_requests
        .with_all_untracked(|m| decline::report::requests_naming(m.values(), id))
}

/// Deletes a partner.
pub fn delete_partner(
    data: AppData,
    p: Partner,
) -> impl Future<Output = Result<Partner, StoreError>> {
    super::delete(data, p)
}

/// Brings a deleted partner back (Undo).
pub async fn undo_delete_partner(data: AppData, p: Partner) -> Result<Partner, StoreError> {
    super::put(data, brought_back(&p)).await
}

/// Saves a declined request from the flow: the partner referred must be in the directory
/// and trusted; the day declined not after today.
pub fn save_declined(
    data: AppData,
    base: Option<DeclinedRequest>,
    draft: &DeclineDraft,
) -> Result<impl Future<Output = Result<DeclinedRequest, StoreError>>, Vec<FieldError>> {
    let trust = |id: Id| -> Option<TrustLevel> { data.partners.get_untracked(id).map(|p| p.trust) };
    let fields = draft.validate(today(), trust)?;
    let d = match base {
        Some(mut d) => {
            fields.apply_to(&mut d);
            d
        }
        None => fields.into_new(Utc::now()),
    };
    Ok(super::put(data, d))
}

/// Deletes a declined request.
pub fn delete_declined(
    data: AppData,
    d: DeclinedRequest,
) -> impl Future<Output = Result<DeclinedRequest, StoreError>> {
    super::delete(data, d)
}

/// Brings a deleted declined request back (Undo).
pub async fn undo_delete_declined(
    data: AppData,
    d: DeclinedRequest,
) -> Result<DeclinedRequest, StoreError> {
    super::put(data, brought_back(&d)).await
}
