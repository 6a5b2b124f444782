//! Records kept so that a change wakes only its own readers: [`Table`] holds one kind's
//! records with one trigger per record (created when something first reads it), one for
//! membership (a record added or removed) and one for any change (aggregates); and
//! [`LiveIndexes`] wraps the relation indexes of [`super::index`] with one trigger per
//! list, told by the keys [`Indexes::on_change`] reports. Saving one person then re-runs
//! the readers of that person only, and the people lists of accounts only when the person
//! moved from one account to another.
//!
//! Only the commit path in [`super::data`] changes these (`insert`, `remove`,
//! `replace_all`, `on_change`, `replace`: public so that the tests reach them natively);
//! views only read. This file may use the reactive
//! graph under `leptos` (`reactive_graph`, named directly so that it compiles natively,
//! where its tests run), `crate::domain` and [`super::index`]; nothing of the browser.

use super::index::{IndexKey, Indexed, Indexes};
use crate::domain::deal::Step;
use crate::domain::ids::{Id, Record};
use crate::domain::records::Records;
use reactive_graph::graph::Observer;
use reactive_graph::owner::StoredValue;
use reactive_graph::signal::{ArcTrigger, Trigger};
use reactive_graph::traits::{Notify, Track, WithValue, WriteValue};
use std::collections::HashMap;

/// Whether a reader is running that would subscribe to what it reads (inside an effect, a
/// memo or a view), so that a trigger is worth creating for it.
fn observed() -> bool {
    Observer::get().is_some()
}

/// `f` over the stored value, changed in place (without notifying anyone).
fn edit<T: Send + Sync + 'static, U>(value: &StoredValue<T>, f: impl FnOnce(&mut T) -> U) -> U {
    f(&mut value.write_value())
}

/// The triggers of `keys` that exist, taken out of `watchers` when `drop` is set (their
/// readers re-run and ask again).
fn take_watchers<K: std::hash::Hash + Eq + Send + Sync + 'static>(
    watchers: &StoredValue<HashMap<K, ArcTrigger>>,
    keys: impl IntoIterator<Item = K>,
    drop: bool,
) -> Vec<ArcTrigger> {
    edit(watchers, |w| {
        keys.into_iter()
            .filter_map(|k| {
                if drop {
                    w.remove(&k)
                } else {
                    w.get(&k).cloned()
                }
            })
            .collect()
    })
}

/// Subscribes the running reader to the trigger of `key`, creating it on first use.
fn watch<K: std::hash::Hash + Eq + Send + Sync + 'static>(
    watchers: &StoredValue<HashMap<K, ArcTrigger>>,
    key: K,
) {
    if observed() {
        edit(watchers, |w| w.entry(key).or_default().clone()).track();
    }
}

/// One record kind, each record readable on its own.
///
/// Reading one record ([`Table::get`], [`Table::with`]) tracks that record only, present
/// or not (and [`Table::with_many`] the records it is given): it is woken when that
/// record is saved with other content, deleted or created.
/// [`Table::ids`] and [`Table::len`] track membership only (a record added or removed);
/// [`Table::with_all`] tracks every change (for aggregates over the whole kind).
pub struct Table<T: Send + Sync + 'static> {
    records: StoredValue<Records<T>>,
    /// The trigger of each record id a reader asked for, created by that first read.
    watchers: StoredValue<HashMap<Id, ArcTrigger>>,
    members: Trigger,
    any: Trigger,
}

impl<T: Send + Sync + 'static> Clone for Table<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Table<T> {}

impl<T: Record + PartialEq + Send + Sync> Default for Table<T> {
    fn default() -> Self {
        Table::new()
    }
}

impl<T: Record + PartialEq + Send + Sync> Table<T> {
    /// An empty table (owned by the reactive owner it is created under).
    pub fn new() -> Self {
        Table {
            records: StoredValue::new(Records::new()),
            watchers: StoredValue::new(HashMap::new()),
            members: Trigger::new(),
            any: Trigger::new(),
        }
    }

    /// The record `id`, if there is one; tracks that record only.
    pub fn get(&self, id: Id) -> Option<T> {
        watch(&self.watchers, id);
        self.get_untracked(id)
    }

    /// `f` over the record `id`, if there is one; tracks that record only. `f` must not
    /// change the table.
    pub fn with<R>(&self, id: Id, f: impl FnOnce(&T) -> R) -> Option<R> {
        watch(&self.watchers, id);
        self.records.with_value(|m| m.get(&id).map(f))
    }

    /// Whether the record `id` exists; tracks that record only.
    pub fn contains(&self, id: Id) -> bool {
        watch(&self.watchers, id);
        self.records.with_value(|m| m.contains_key(&id))
    }

    /// `f` over the records of `ids` that exist, in the order given; tracks those records
    /// only (for a list built from an index, sorted or filtered by the records' content).
    /// `f` must not change the table.
    pub fn with_many<R>(&self, ids: &[Id], f: impl FnOnce(Vec<&T>) -> R) -> R {
        for &id in ids {
            watch(&self.watchers, id);
        }
        self.records
            .with_value(|m| f(ids.iter().filter_map(|id| m.get(id)).collect()))
    }

    /// The record `id`, without tracking.
    pub fn get_untracked(&self, id: Id) -> Option<T> {
        self.records.with_value(|m| m.get(&id).cloned())
    }

    /// Every record id, in ascending order; tracks membership only.
    pub fn ids(&self) -> Vec<Id> {
        self.members.track();
        let mut ids: Vec<Id> = self.records.with_value(|m| m.keys().copied().collect());
        ids.sort_unstable();
        ids
    }

    /// How many records there are; tracks membership only.
    pub fn len(&self) -> usize {
        self.members.track();
        self.records.with_value(Records::len)
    }

    /// Whether there is no record; tracks membership only.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `f` over every record; tracks every change to any of them. `f` must not change the
    /// table.
    pub fn with_all<R>(&self, f: impl FnOnce(&Records<T>) -> R) -> R {
        self.any.track();
        self.records.with_value(f)
    }

    /// `f` over every record, without tracking.
    pub fn with_all_untracked<R>(&self, f: impl FnOnce(&Records<T>) -> R) -> R {
        self.records.with_value(f)
    }

    /// Stores `record` (commit path only) and returns the one it replaces. Its readers
    /// are woken only when its content changed; membership only when it is new.
    pub fn insert(&self, record: T) -> Option<T> {
        let id = record.id();
        let (before, changed) = edit(&self.records, |m| {
            if m.get(&id) == Some(&record) {
                (Some(record), false)
            } else {
                (m.insert(id, record), true)
            }
        });
        if changed {
            for w in take_watchers(&self.watchers, [id], false) {
                w.notify();
            }
            if before.is_none() {
                self.members.notify();
            }
            self.any.notify();
        }
        before
    }

    /// Removes the record `id` (commit path only) and returns it.
    pub fn remove(&self, id: Id) -> Option<T> {
        let before = edit(&self.records, |m| m.remove(&id));
        if before.is_some() {
            for w in take_watchers(&self.watchers, [id], true) {
                w.notify();
            }
            self.members.notify();
            self.any.notify();
        }
        before
    }

    /// Replaces every record by `new` (after loading or a bulk reload; commit path only).
    /// Wakes the readers of each record that changed, appeared or disappeared, and
    /// membership when the set of ids changed.
    pub fn replace_all(&self, new: Records<T>) {
        let (changed, members_changed) = edit(&self.records, |old| {
            let mut changed: Vec<Id> = new
                .iter()
                .filter(|(id, r)| old.get(id) != Some(r))
                .map(|(id, _)| *id)
                .collect();
            let gone: Vec<Id> = old
                .keys()
                .filter(|id| !new.contains_key(id))
                .copied()
                .collect();
            let members_changed =
                !gone.is_empty() || changed.iter().any(|id| !old.contains_key(id));
            changed.extend(gone);
            *old = new;
            (changed, members_changed)
        });
        if changed.is_empty() {
            return;
        }
        for w in take_watchers(&self.watchers, changed, false) {
            w.notify();
        }
        if members_changed {
            self.members.notify();
        }
        self.any.notify();
    }
}

/// The relation indexes, read reactively: each reader tracks the one list it reads, and is
/// woken only when a record joins or leaves that list (see [`IndexKey`]).
#[derive(Clone, Copy)]
pub struct LiveIndexes {
    indexes: StoredValue<Indexes>,
    /// The trigger of each list a reader asked for, created by that first read.
    watchers: StoredValue<HashMap<IndexKey, ArcTrigger>>,
}

impl Default for LiveIndexes {
    fn default() -> Self {
        LiveIndexes::new()
    }
}

impl LiveIndexes {
    /// Indexes over no record (owned by the reactive owner it is created under).
    pub fn new() -> Self {
        LiveIndexes {
            indexes: StoredValue::new(Indexes::new()),
            watchers: StoredValue::new(HashMap::new()),
        }
    }

    /// `f` over the ids listed under `key` (ascending id order); tracks that list only.
    /// `f` must not change the indexes.
    pub fn with<R>(&self, key: IndexKey, f: impl FnOnce(&[Id]) -> R) -> R {
        watch(&self.watchers, key);
        self.indexes.with_value(|ix| f(ix.get(key)))
    }

    /// The ids listed under `key` (ascending id order); tracks that list only.
    pub fn ids(&self, key: IndexKey) -> Vec<Id> {
        self.with(key, <[Id]>::to_vec)
    }

    /// `f` over every list, without tracking.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Indexes) -> R) -> R {
        self.indexes.with_value(f)
    }

    /// The people of an account; tracks that list only.
    pub fn people_of(&self, account: Id) -> Vec<Id> {
        self.ids(IndexKey::PeopleOf(account))
    }

    /// Every deal of an account; tracks that list only.
    pub fn deals_of(&self, account: Id) -> Vec<Id> {
        self.ids(IndexKey::DealsOf(account))
    }

    /// The open deals standing at `step`; tracks that list only.
    pub fn open_deals_at(&self, step: Step) -> Vec<Id> {
        self.ids(IndexKey::OpenDealsAt(step))
    }

    /// The activities a person took part in; tracks that list only.
    pub fn activities_of_person(&self, person: Id) -> Vec<Id> {
        self.ids(IndexKey::ActivitiesOfPerson(person))
    }

    /// The activities logged with an account; tracks that list only.
    pub fn activities_of_account(&self, account: Id) -> Vec<Id> {
        self.ids(IndexKey::ActivitiesOfAccount(account))
    }

    /// The activities logged for a deal; tracks that list only.
    pub fn activities_of_deal(&self, deal: Id) -> Vec<Id> {
        self.ids(IndexKey::ActivitiesOfDeal(deal))
    }

    /// The tasks that follow up a person; tracks that list only.
    pub fn tasks_of(&self, person: Id) -> Vec<Id> {
        self.ids(IndexKey::TasksOf(person))
    }

    /// The proposal versions of a deal; tracks that list only.
    pub fn proposals_of(&self, deal: Id) -> Vec<Id> {
        self.ids(IndexKey::ProposalsOf(deal))
    }

    /// The negotiation of a deal, if it has one; tracks that list only.
    pub fn negotiation_of(&self, deal: Id) -> Option<Id> {
        self.ids(IndexKey::NegotiationOf(deal)).first().copied()
    }

    /// The follow-up of a deal, if it has one; tracks that list only.
    pub fn followup_of(&self, deal: Id) -> Option<Id> {
        self.ids(IndexKey::FollowUpOf(deal)).first().copied()
    }

    /// The invoices of a deal; tracks that list only.
    pub fn invoices_of(&self, deal: Id) -> Vec<Id> {
        self.ids(IndexKey::InvoicesOf(deal))
    }

    /// The invoices of an account; tracks that list only.
    pub fn invoices_of_account(&self, account: Id) -> Vec<Id> {
        self.ids(IndexKey::InvoicesOfAccount(account))
    }

    /// The credit checks of an account; tracks that list only.
    pub fn credit_checks_of(&self, account: Id) -> Vec<Id> {
        self.ids(IndexKey::CreditChecksOf(account))
    }

    /// The complaints and suggestions of an account; tracks that list only.
    pub fn complaints_of(&self, account: Id) -> Vec<Id> {
        self.ids(IndexKey::ComplaintsOf(account))
    }

    /// The complaints and suggestions a person raised; tracks that list only.
    pub fn complaints_of_person(&self, person: Id) -> Vec<Id> {
        self.ids(IndexKey::ComplaintsOfPerson(person))
    }

    /// The referral asks made of a person; tracks that list only.
    pub fn referrals_by(&self, person: Id) -> Vec<Id> {
        self.ids(IndexKey::ReferralsBy(person))
    }

    /// The referral asks whose leads include an account; tracks that list only.
    pub fn referrals_of_lead(&self, account: Id) -> Vec<Id> {
        self.ids(IndexKey::ReferralsOfLead(account))
    }

    /// Brings the indexes up to date after one record changed (commit path only) and
    /// wakes the readers of the lists that changed.
    pub fn on_change<T: Indexed>(&self, before: Option<&T>, after: Option<&T>) {
        let changed = edit(&self.indexes, |ix| ix.on_change(before, after));
        self.notify(changed);
    }

    /// Replaces every list (after loading or a bulk reload; commit path only) and wakes
    /// the readers of the lists that differ.
    pub fn replace(&self, new: Indexes) {
        let changed = edit(&self.indexes, |ix| {
            let changed = ix.changed_keys(&new);
            *ix = new;
            changed
        });
        self.notify(changed);
    }

    fn notify(&self, keys: Vec<IndexKey>) {
        if keys.is_empty() {
            return;
        }
        for w in take_watchers(&self.watchers, keys, false) {
            w.notify();
        }
    }
}

#[cfg(test)]
mod tests;
