//! The sample book: a fictional firm's customers at every step of the method, to practise
//! on, kept apart from the rep's own records.
//!
//! - [`build`]: the records of the sample book ([`SampleRecords`]), made through each
//!   kind's own constructors and transitions, dated relative to the day it is loaded.
//! - [`SampleBook`]: the stored mark, listing exactly the records the sample book added.
//! - [`removal`]: what removing it deletes (the listed records still present) and the
//!   rep's own records that name a sample record (which refuse the removal).

mod build;
mod cast;
mod remove;
#[cfg(test)]
mod tests;

pub use build::{SampleRecords, FIRM, TAG};
pub use cast::build;
pub use remove::*;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::ids::{Id, Meta};
use crate::domain::rules::{self, CheckContext, RuleError};

/// One record the sample book added: its kind and id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleRecord {
    pub kind: String,
    pub id: Id,
}

/// The sample book loaded into this book: exactly the records it added, so that removing
/// it removes those and nothing else. At most one is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleBook {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub loaded_at: DateTime<Utc>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub records: Vec<SampleRecord>,
}

crate::impl_record!(SampleBook, "sample_books");

impl SampleBook {
    /// A new mark of the sample records `records`, loaded `now`.
    pub fn new(records: Vec<SampleRecord>, now: DateTime<Utc>) -> SampleBook {
        let m = Meta::new(now);
        SampleBook {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            loaded_at: now,
            records,
        }
    }
}

impl SampleRecords {
    /// The mark of these records, loaded `now`.
    pub fn mark(&self, now: DateTime<Utc>) -> SampleBook {
        SampleBook::new(self.listed(), now)
    }
}

/// The record rules of the stored mark.
pub fn check_mark(s: &SampleBook, ctx: &CheckContext) -> Result<(), RuleError> {
    use crate::domain::ids::Record;
    rules::check_meta(&s.meta(), ctx)
}
