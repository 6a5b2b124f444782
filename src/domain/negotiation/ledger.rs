//! The rounds of the negotiation and the concession ledger; the deadlocks.

use super::Negotiation;
use crate::domain::rules::RuleError;

/// The rules of the rounds and deadlocks.
pub fn check_ledger(_n: &Negotiation) -> Result<(), RuleError> {
    Ok(())
}
