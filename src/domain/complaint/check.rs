//! The record rules of a complaint, run on every save and on every record a backup brings.

use super::Complaint;
use crate::domain::ids::Record;
use crate::domain::rules::{self, CheckContext, RuleError};

/// Whether the stored complaint obeys its rules.
pub fn check_record(c: &Complaint, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&c.meta(), ctx)
}
