//! The record rules of partners and declined requests, run on every save and on every
//! record a backup brings.

use super::{DeclinedRequest, Partner};
use crate::domain::ids::Record;
use crate::domain::rules::{self, CheckContext, RuleError};

/// Whether the stored declined request obeys its rules.
pub fn check_record(d: &DeclinedRequest, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&d.meta(), ctx)
}

/// Whether the stored partner obeys its rules.
pub fn check_partner(p: &Partner, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&p.meta(), ctx)
}
