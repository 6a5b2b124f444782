//! The record rules of a referral, run on every save and on every record a backup brings:
//! the day asked in a four-digit year and not after today (a day of clock difference
//! allowed), no lead that is the referrer's own account, no lead account twice, leads only
//! with the answer "yes", the note within [`MAX_TEXT`]. That the people and the deal
//! belong to the accounts is the form's check (a backup may bring records in any order).

use chrono::Duration;

use super::draft::label;
use super::{Referral, ReferralAnswer};
use crate::domain::ids::Record;
use crate::domain::rules::{self, CheckContext, RuleError, MAX_TEXT};

/// Whether the stored referral obeys its rules.
pub fn check_record(r: &Referral, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&r.meta(), ctx)?;
    rules::date("asked_on", label::ASKED_ON, r.asked_on)?;
    let latest = (ctx.now + Duration::hours(rules::CLOCK_SKEW_HOURS)).date_naive();
    if r.asked_on > latest {
        return Err(
            RuleError::new("asked_on", label::ASKED_ON, "rule.future").arg("value", r.asked_on)
        );
    }
    if !r.leads.is_empty() && r.answer != ReferralAnswer::Yes {
        return Err(RuleError::new(
            "answer",
            label::ANSWER,
            "referral.error.leads_without_yes.rule",
        ));
    }
    for (i, lead) in r.leads.iter().enumerate() {
        let path = format!("leads[{i}].account_id");
        if lead.account_id == r.account_id {
            return Err(RuleError::new(
                path,
                label::LEADS,
                "referral.error.own_account.rule",
            ));
        }
        if r.leads[..i].iter().any(|l| l.account_id == lead.account_id) {
            return Err(RuleError::new(
                path,
                label::LEADS,
                "referral.error.lead_twice.rule",
            ));
        }
    }
    rules::length("note", label::NOTE, &r.note, MAX_TEXT)
}
