//! The negotiation plan: the team, the issues with our positions, our alternative; the
//! trade suggestions and the packages of equal value.

use super::Plan;
use crate::domain::rules::RuleError;

/// The rules of the plan.
pub fn check_plan(_p: &Plan) -> Result<(), RuleError> {
    Ok(())
}
