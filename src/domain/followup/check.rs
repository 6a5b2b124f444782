//! The record rules of a follow-up, run on every save and on every record a backup brings.

use super::FollowUp;
use crate::domain::ids::Record;
use crate::domain::rules::{self, CheckContext, RuleError};

/// Whether the stored follow-up obeys its rules.
pub fn check_record(f: &FollowUp, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&f.meta(), ctx)
}
