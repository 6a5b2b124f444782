//! The record rules of invoices and credit checks, run on every save and on every record a
//! backup brings.

use super::{CreditCheck, Invoice};
use crate::domain::ids::Record;
use crate::domain::rules::{self, CheckContext, RuleError};

/// Whether the stored invoice obeys its rules.
pub fn check_record(i: &Invoice, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&i.meta(), ctx)
}

/// Whether the stored credit check obeys its rules.
pub fn check_credit(c: &CreditCheck, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&c.meta(), ctx)
}
