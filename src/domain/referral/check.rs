//! The record rules of a referral, run on every save and on every record a backup brings.

use super::Referral;
use crate::domain::ids::Record;
use crate::domain::rules::{self, CheckContext, RuleError};

/// Whether the stored referral obeys its rules.
pub fn check_record(r: &Referral, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&r.meta(), ctx)
}
