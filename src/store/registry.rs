//! The app's record kinds, in one place: adding a kind is one line here and one in
//! `state::data`'s collection list.

use super::kinds::{KindSpec, Kinds};
use crate::domain::complaint::Complaint;
use crate::domain::decline::{DeclinedRequest, Partner};
use crate::domain::followup::FollowUp;
use crate::domain::receivable::{CreditCheck, Invoice};
use crate::domain::referral::Referral;
use crate::domain::training::{ExerciseAnswer, SampleBook};
use crate::domain::{
    account::Account, activity::Activity, agenda::Task, competitor::Competitor, contact::Contact,
    deal::Deal, intel::IntelNote, negotiation::Negotiation, product::Product, proposal::Proposal,
};

/// Every stored record kind with its typed validator.
pub fn app_kinds() -> Kinds {
    Kinds::new(vec![
        KindSpec::of::<Account>(),
        KindSpec::of::<Contact>(),
        KindSpec::of::<Competitor>(),
        KindSpec::of::<IntelNote>(),
        KindSpec::of::<Deal>(),
        KindSpec::of::<Activity>(),
        KindSpec::of::<Task>(),
        KindSpec::of::<Product>(),
        KindSpec::of::<Proposal>(),
        KindSpec::of::<Negotiation>(),
        KindSpec::of::<FollowUp>(),
        KindSpec::of::<Invoice>(),
        KindSpec::of::<CreditCheck>(),
        KindSpec::of::<Complaint>(),
        KindSpec::of::<Referral>(),
        KindSpec::of::<Partner>(),
        KindSpec::of::<DeclinedRequest>(),
        KindSpec::of::<ExerciseAnswer>(),
        KindSpec::of::<SampleBook>(),
    ])
}

/// The app version written into backups.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
