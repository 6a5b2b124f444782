//! The record rules of partners and declined requests, run on every save and on every
//! record a backup brings: the forms' own rules, read back from the stored record.

use super::{DeclineDraft, DeclinedRequest, Partner, PartnerDraft, TrustLevel};
use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::ids::Record;
use crate::domain::rules::{self, CheckContext, RuleError, CLOCK_SKEW_HOURS};
use chrono::Duration;

/// A form's field error as a broken rule of the stored record.
fn rule_of(e: &FieldError) -> RuleError {
    let reason = match e.problem {
        FieldProblem::Required => "rule.required",
        FieldProblem::InvalidEmail => "rule.invalid_email",
        FieldProblem::InvalidPhone => "rule.invalid_phone",
        FieldProblem::InvalidDate => "rule.invalid_date",
        FieldProblem::TooLong => {
            return RuleError::new(e.field, e.label_key, "rule.too_long_name")
                .arg("max", rules::MAX_NAME)
        }
        _ => e.key(),
    };
    let mut r = RuleError::new(e.field, e.label_key, reason);
    if reason == e.key() {
        r.args = e.args.clone();
    }
    r
}

/// Whether the stored declined request obeys its rules: the flow's rules, the day declined
/// not after today (as this device's clock allows another's to run fast). The partner
/// named is read as trusted (a backup may bring the directory later; the flow checks it).
pub fn check_record(d: &DeclinedRequest, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&d.meta(), ctx)?;
    rules::date("on", "decline.field.on", d.on)?;
    if let Some(w) = d.wait_until {
        rules::date("wait_until", "decline.field.wait_until", w)?;
    }
    let today = (ctx.now + Duration::hours(CLOCK_SKEW_HOURS)).date_naive();
    match DeclineDraft::from_record(d).validate(today, |_| Some(TrustLevel::Trusted)) {
        Ok(_) => Ok(()),
        Err(errs) => Err(errs.first().map(rule_of).expect("an error")),
    }
}

/// Whether the stored partner obeys its rules: the partner form's.
pub fn check_partner(p: &Partner, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&p.meta(), ctx)?;
    match PartnerDraft::from_partner(p).validate() {
        Ok(_) => Ok(()),
        Err(errs) => Err(errs.first().map(rule_of).expect("an error")),
    }
}
