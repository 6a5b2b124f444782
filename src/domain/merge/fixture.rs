//! A small book owned by a test, lent out as a [`Book`] (the merge and unlink tests;
//! each adds its own way of storing what a plan writes).

use super::{Book, ServiceBook};
use crate::domain::account::Account;
use crate::domain::activity::Activity;
use crate::domain::agenda::Task;
use crate::domain::competitor::Competitor;
use crate::domain::complaint::Complaint;
use crate::domain::contact::Contact;
use crate::domain::deal::Deal;
use crate::domain::decline::DeclinedRequest;
use crate::domain::followup::FollowUp;
use crate::domain::ids::Record;
use crate::domain::intel::IntelNote;
use crate::domain::receivable::{CreditCheck, Invoice};
use crate::domain::records::Records;
use crate::domain::referral::Referral;

/// `v` as a kind's records.
pub fn map<T: Record>(v: Vec<T>) -> Records<T> {
    v.into_iter().map(|r| (r.id(), r)).collect()
}

#[derive(Default)]
pub struct Owned {
    pub accounts: Records<Account>,
    pub contacts: Records<Contact>,
    pub competitors: Records<Competitor>,
    pub intel_notes: Records<IntelNote>,
    pub deals: Records<Deal>,
    pub activities: Records<Activity>,
    pub tasks: Records<Task>,
    pub followups: Records<FollowUp>,
    pub invoices: Records<Invoice>,
    pub credit_checks: Records<CreditCheck>,
    pub complaints: Records<Complaint>,
    pub referrals: Records<Referral>,
    pub declined_requests: Records<DeclinedRequest>,
}

impl Owned {
    pub fn book(&self) -> Book<'_> {
        Book {
            accounts: &self.accounts,
            contacts: &self.contacts,
            competitors: &self.competitors,
            intel_notes: &self.intel_notes,
            deals: &self.deals,
            activities: &self.activities,
            tasks: &self.tasks,
            service: ServiceBook {
                followups: &self.followups,
                invoices: &self.invoices,
                credit_checks: &self.credit_checks,
                complaints: &self.complaints,
                referrals: &self.referrals,
                declined_requests: &self.declined_requests,
            },
        }
    }
}
