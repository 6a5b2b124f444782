//! The written agreement: the agreed terms, their confirmation, the contract.

use super::Negotiation;
use crate::domain::rules::RuleError;

/// The rules of the agreement.
pub fn check_agreement(_n: &Negotiation) -> Result<(), RuleError> {
    Ok(())
}
