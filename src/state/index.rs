//! The relation indexes of the book: which people work at an account, which deals an
//! account has, which open deals stand at each step, which activities involve a person, an
//! account or a deal, and which tasks follow up a person. They are plain data, built once
//! from every record ([`Indexes::build`]) and then kept up to date record by record
//! ([`Indexes::on_change`]), which says which lists changed so that a reactive layer can
//! wake only their readers.
//!
//! This file is pure: it may use `crate::domain` and the standard library only (no
//! reactive types, nothing of the browser), so it compiles and is tested natively.

use crate::domain::account::Account;
use crate::domain::activity::Activity;
use crate::domain::agenda::Task;
use crate::domain::competitor::Competitor;
use crate::domain::contact::Contact;
use crate::domain::deal::{Deal, Step};
use crate::domain::ids::{Id, Record};
use crate::domain::intel::IntelNote;
use crate::domain::negotiation::Negotiation;
use crate::domain::product::Product;
use crate::domain::proposal::Proposal;
use std::collections::{HashMap, HashSet};

/// One list of the indexes: the records of one kind that point at one thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IndexKey {
    /// The people (contacts) of an account.
    PeopleOf(Id),
    /// Every deal of an account, open or closed.
    DealsOf(Id),
    /// The deals with an open outcome standing at a step (the forecast pipeline).
    OpenDealsAt(Step),
    /// The activities a person took part in.
    ActivitiesOfPerson(Id),
    /// The activities logged with an account.
    ActivitiesOfAccount(Id),
    /// The activities logged for a deal.
    ActivitiesOfDeal(Id),
    /// The tasks that follow up a person.
    TasksOf(Id),
    /// The proposal versions of a deal.
    ProposalsOf(Id),
    /// The negotiation of a deal (one at most).
    NegotiationOf(Id),
    /// The follow-up of a won deal (one at most).
    FollowUpOf(Id),
    /// The invoices of a deal.
    InvoicesOf(Id),
    /// The invoices of an account.
    InvoicesOfAccount(Id),
    /// The credit checks of an account.
    CreditChecksOf(Id),
    /// The complaints and suggestions of an account.
    ComplaintsOf(Id),
    /// The complaints and suggestions a person raised.
    ComplaintsOfPerson(Id),
    /// The referral asks made of a person.
    ReferralsBy(Id),
    /// The referral asks whose leads include an account.
    ReferralsOfLead(Id),
}

/// A record kind as the indexes see it: the lists a record belongs to.
pub trait Indexed: Record {
    /// The keys of the lists this record is in, each once (empty for kinds that point at
    /// nothing the indexes keep).
    fn index_keys(&self) -> Vec<IndexKey>;
}

impl Indexed for Account {
    fn index_keys(&self) -> Vec<IndexKey> {
        Vec::new()
    }
}

impl Indexed for Competitor {
    fn index_keys(&self) -> Vec<IndexKey> {
        Vec::new()
    }
}

impl Indexed for IntelNote {
    fn index_keys(&self) -> Vec<IndexKey> {
        Vec::new()
    }
}

impl Indexed for Product {
    fn index_keys(&self) -> Vec<IndexKey> {
        Vec::new()
    }
}

impl Indexed for Proposal {
    fn index_keys(&self) -> Vec<IndexKey> {
        vec![IndexKey::ProposalsOf(self.deal_id)]
    }
}

impl Indexed for Negotiation {
    fn index_keys(&self) -> Vec<IndexKey> {
        vec![IndexKey::NegotiationOf(self.deal_id)]
    }
}

impl Indexed for crate::domain::followup::FollowUp {
    fn index_keys(&self) -> Vec<IndexKey> {
        vec![IndexKey::FollowUpOf(self.deal_id)]
    }
}

impl Indexed for crate::domain::receivable::Invoice {
    fn index_keys(&self) -> Vec<IndexKey> {
        vec![
            IndexKey::InvoicesOf(self.deal_id),
            IndexKey::InvoicesOfAccount(self.account_id),
        ]
    }
}

impl Indexed for crate::domain::receivable::CreditCheck {
    fn index_keys(&self) -> Vec<IndexKey> {
        vec![IndexKey::CreditChecksOf(self.account_id)]
    }
}

impl Indexed for crate::domain::complaint::Complaint {
    fn index_keys(&self) -> Vec<IndexKey> {
        let mut keys = vec![IndexKey::ComplaintsOf(self.account_id)];
        keys.extend(self.person_id.map(IndexKey::ComplaintsOfPerson));
        keys
    }
}

impl Indexed for crate::domain::referral::Referral {
    fn index_keys(&self) -> Vec<IndexKey> {
        let mut keys = vec![IndexKey::ReferralsBy(self.person_id)];
        for lead in &self.leads {
            let key = IndexKey::ReferralsOfLead(lead.account_id);
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    }
}

impl Indexed for crate::domain::decline::Partner {
    fn index_keys(&self) -> Vec<IndexKey> {
        Vec::new()
    }
}

impl Indexed for crate::domain::decline::DeclinedRequest {
    fn index_keys(&self) -> Vec<IndexKey> {
        Vec::new()
    }
}

impl Indexed for crate::domain::training::ExerciseAnswer {
    fn index_keys(&self) -> Vec<IndexKey> {
        Vec::new()
    }
}

impl Indexed for crate::domain::training::SampleBook {
    fn index_keys(&self) -> Vec<IndexKey> {
        Vec::new()
    }
}

impl Indexed for Contact {
    fn index_keys(&self) -> Vec<IndexKey> {
        vec![IndexKey::PeopleOf(self.account_id)]
    }
}

impl Indexed for Deal {
    fn index_keys(&self) -> Vec<IndexKey> {
        let mut keys = vec![IndexKey::DealsOf(self.account_id)];
        if self.is_open() {
            keys.push(IndexKey::OpenDealsAt(self.step));
        }
        keys
    }
}

impl Indexed for Activity {
    fn index_keys(&self) -> Vec<IndexKey> {
        let mut keys: Vec<IndexKey> = self
            .contact_ids
            .iter()
            .map(|&c| IndexKey::ActivitiesOfPerson(c))
            .collect();
        keys.extend(self.account_id.map(IndexKey::ActivitiesOfAccount));
        keys.extend(self.deal_id.map(IndexKey::ActivitiesOfDeal));
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

impl Indexed for Task {
    fn index_keys(&self) -> Vec<IndexKey> {
        self.contact_id.map(IndexKey::TasksOf).into_iter().collect()
    }
}

/// Every relation list of the book, each a list of record ids in ascending id order (so
/// two indexes over the same records are equal, whatever order they were built in).
/// A key with no record has no list: it reads as empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Indexes {
    lists: HashMap<IndexKey, Vec<Id>>,
}

impl Indexes {
    /// Indexes over no record.
    pub fn new() -> Self {
        Indexes::default()
    }

    /// Indexes over every record of the book (accounts, competitors and intel notes point
    /// at nothing the indexes keep, so they are not needed).
    pub fn build<'a>(
        contacts: impl IntoIterator<Item = &'a Contact>,
        deals: impl IntoIterator<Item = &'a Deal>,
        activities: impl IntoIterator<Item = &'a Activity>,
        tasks: impl IntoIterator<Item = &'a Task>,
    ) -> Indexes {
        let mut ix = Indexes::new();
        ix.push_all(contacts);
        ix.push_all(deals);
        ix.push_all(activities);
        ix.push_all(tasks);
        for list in ix.lists.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        ix
    }

    /// These indexes with `records` of one more kind added (the proposals of the deals).
    pub fn with<'a, T: Indexed>(mut self, records: impl IntoIterator<Item = &'a T>) -> Self {
        self.push_all(records);
        for list in self.lists.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        self
    }

    /// Appends every record to its lists, unsorted (for [`Indexes::build`]).
    fn push_all<'a, T: Indexed>(&mut self, records: impl IntoIterator<Item = &'a T>) {
        for r in records {
            let id = r.id();
            for key in r.index_keys() {
                self.lists.entry(key).or_default().push(id);
            }
        }
    }

    /// Brings the indexes up to date after one record changed: `before` is the record as
    /// it was (`None` when it is new), `after` as it is now (`None` when it was deleted).
    /// Returns the keys whose lists changed, each once; a change that moves the record in
    /// no list (a new name, a new amount) returns none.
    pub fn on_change<T: Indexed>(
        &mut self,
        before: Option<&T>,
        after: Option<&T>,
    ) -> Vec<IndexKey> {
        if let (Some(b), Some(a)) = (before, after) {
            if b.id() != a.id() {
                // Not one record: the first leaves, the second arrives.
                let mut changed = self.on_change(Some(b), None);
                for k in self.on_change(None, Some(a)) {
                    if !changed.contains(&k) {
                        changed.push(k);
                    }
                }
                return changed;
            }
        }
        let old = before.map(Indexed::index_keys).unwrap_or_default();
        let new = after.map(Indexed::index_keys).unwrap_or_default();
        let mut changed = Vec::new();
        if let Some(b) = before {
            for &key in old.iter().filter(|k| !new.contains(k)) {
                if self.remove(key, b.id()) {
                    changed.push(key);
                }
            }
        }
        if let Some(a) = after {
            for &key in new.iter().filter(|k| !old.contains(k)) {
                if self.insert(key, a.id()) {
                    changed.push(key);
                }
            }
        }
        changed
    }

    /// Adds `id` to the list of `key`, in order; false when it was there already.
    fn insert(&mut self, key: IndexKey, id: Id) -> bool {
        let list = self.lists.entry(key).or_default();
        match list.binary_search(&id) {
            Ok(_) => false,
            Err(at) => {
                list.insert(at, id);
                true
            }
        }
    }

    /// Takes `id` out of the list of `key` (dropping a list left empty); false when it was
    /// not there.
    fn remove(&mut self, key: IndexKey, id: Id) -> bool {
        let Some(list) = self.lists.get_mut(&key) else {
            return false;
        };
        let Ok(at) = list.binary_search(&id) else {
            return false;
        };
        list.remove(at);
        if list.is_empty() {
            self.lists.remove(&key);
        }
        true
    }

    /// The keys whose lists differ between `self` and `other` (after a bulk reload: the
    /// lists whose readers must be told), in no particular order.
    pub fn changed_keys(&self, other: &Indexes) -> Vec<IndexKey> {
        let keys: HashSet<IndexKey> = self
            .lists
            .keys()
            .chain(other.lists.keys())
            .copied()
            .collect();
        keys.into_iter()
            .filter(|&k| self.get(k) != other.get(k))
            .collect()
    }

    /// The ids listed under `key`, in ascending id order.
    pub fn get(&self, key: IndexKey) -> &[Id] {
        self.lists.get(&key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The people of an account.
    pub fn people_of(&self, account: Id) -> &[Id] {
        self.get(IndexKey::PeopleOf(account))
    }

    /// Every deal of an account.
    pub fn deals_of(&self, account: Id) -> &[Id] {
        self.get(IndexKey::DealsOf(account))
    }

    /// The open deals standing at `step`.
    pub fn open_deals_at(&self, step: Step) -> &[Id] {
        self.get(IndexKey::OpenDealsAt(step))
    }

    /// The activities a person took part in.
    pub fn activities_of_person(&self, person: Id) -> &[Id] {
        self.get(IndexKey::ActivitiesOfPerson(person))
    }

    /// The activities logged with an account.
    pub fn activities_of_account(&self, account: Id) -> &[Id] {
        self.get(IndexKey::ActivitiesOfAccount(account))
    }

    /// The activities logged for a deal.
    pub fn activities_of_deal(&self, deal: Id) -> &[Id] {
        self.get(IndexKey::ActivitiesOfDeal(deal))
    }

    /// The tasks that follow up a person.
    pub fn tasks_of(&self, person: Id) -> &[Id] {
        self.get(IndexKey::TasksOf(person))
    }

    /// The proposal versions of a deal.
    pub fn proposals_of(&self, deal: Id) -> &[Id] {
        self.get(IndexKey::ProposalsOf(deal))
    }

    /// The negotiation of a deal, if it has one.
    pub fn negotiation_of(&self, deal: Id) -> Option<Id> {
        self.get(IndexKey::NegotiationOf(deal)).first().copied()
    }

    /// The follow-up of a deal, if it has one.
    pub fn followup_of(&self, deal: Id) -> Option<Id> {
        self.get(IndexKey::FollowUpOf(deal)).first().copied()
    }

    /// The invoices of a deal.
    pub fn invoices_of(&self, deal: Id) -> &[Id] {
        self.get(IndexKey::InvoicesOf(deal))
    }

    /// The invoices of an account.
    pub fn invoices_of_account(&self, account: Id) -> &[Id] {
        self.get(IndexKey::InvoicesOfAccount(account))
    }

    /// The credit checks of an account.
    pub fn credit_checks_of(&self, account: Id) -> &[Id] {
        self.get(IndexKey::CreditChecksOf(account))
    }

    /// The complaints and suggestions of an account.
    pub fn complaints_of(&self, account: Id) -> &[Id] {
        self.get(IndexKey::ComplaintsOf(account))
    }
}

#[cfg(test)]
mod tests;
