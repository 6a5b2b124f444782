//! The record rules of a negotiation: every part's own rules, run on every save and on
//! every record a backup brings.

use super::{agreement, closing, ledger, plan, Negotiation};
use crate::domain::ids::Record;
use crate::domain::rules::{self, CheckContext, RuleError};

/// Whether the stored negotiation obeys the rules of each of its parts.
pub fn check_record(n: &Negotiation, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&n.meta(), ctx)?;
    closing::check_closing(&n.closing)?;
    plan::check_plan(&n.plan)?;
    ledger::check_ledger(n)?;
    agreement::check_agreement(n)
}
