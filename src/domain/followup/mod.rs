//! Step 6 — follow-up service after the contract (METHOD.md "Step 6" and "Good vendor
//! practice"): keep the contract, deliver on time, communicate regularly.
//!
//! **One record per won deal.** A [`FollowUp`] holds the deal's contract checklist (agreed
//! delivery dates, quantities, obligations on each side, contact points, each with a due
//! date, a done date and an owner), its delivery milestones (delivery, installation or
//! commissioning, acceptance, start of use, warranty end; planned against actual, with an
//! obstacle and a backup plan) and the satisfaction checks made (a weekly call and a
//! monthly satisfaction request by default, on the cadence set in Settings). It is created
//! the first time the rep writes any of it. Invoices, complaints and referrals are kinds of
//! their own (`receivable`, `complaint`, `referral`): they outlive the deal's follow-up.

mod check;
mod record;

pub use check::check_record;
pub use record::*;

/// How often a customer in follow-up is asked about satisfaction (METHOD.md "Communicate
/// regularly": a weekly call, a monthly satisfaction request), in days; set in Settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cadence {
    pub call_days: u32,
    pub request_days: u32,
}

impl Default for Cadence {
    fn default() -> Self {
        Cadence {
            call_days: 7,
            request_days: 30,
        }
    }
}
