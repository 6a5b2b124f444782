//! The global search index, kept in memory: built from the collections on first use, then
//! updated record by record after every committed change (and every change another tab
//! announces), so each keystroke only queries it.

use super::data::AppData;
use crate::domain::ids::Id;
use crate::domain::search::{Hit, SearchIndex};
use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    static INDEX: RefCell<Option<SearchIndex>> = const { RefCell::new(None) };
}

/// Forgets the index (after a bulk reload); the next query rebuilds it.
pub fn invalidate() {
    INDEX.with(|i| *i.borrow_mut() = None);
}

/// Brings one record up to date in the index, if the index exists.
pub fn touch(data: &AppData, kind: &str, id: Id) {
    INDEX.with(|i| {
        let mut guard = i.borrow_mut();
        let Some(ix) = guard.as_mut() else { return };
        match kind {
            "accounts" => match data.accounts.with_untracked(|m| m.get(&id).cloned()) {
                Some(a) => ix.upsert_account(&a),
                None => ix.remove(id),
            },
            "contacts" => match data.contacts.with_untracked(|m| m.get(&id).cloned()) {
                Some(c) => ix.upsert_contact(&c),
                None => ix.remove(id),
            },
            "deals" => match data.deals.with_untracked(|m| m.get(&id).cloned()) {
                Some(d) => ix.upsert_deal(&d),
                None => ix.remove(id),
            },
            "competitors" => match data.competitors.with_untracked(|m| m.get(&id).cloned()) {
                Some(c) => ix.upsert_competitor(&c),
                None => ix.remove(id),
            },
            _ => {}
        }
    });
}

/// The best hits for `q`.
pub fn query(data: &AppData, q: &str, limit: usize) -> Vec<Hit> {
    INDEX.with(|i| {
        let mut guard = i.borrow_mut();
        let ix = guard.get_or_insert_with(|| {
            let accounts: Vec<_> = data
                .accounts
                .with_untracked(|m| m.values().cloned().collect());
            let contacts: Vec<_> = data
                .contacts
                .with_untracked(|m| m.values().cloned().collect());
            let deals: Vec<_> = data.deals.with_untracked(|m| m.values().cloned().collect());
            let competitors: Vec<_> = data
                .competitors
                .with_untracked(|m| m.values().cloned().collect());
            SearchIndex::build(&accounts, &contacts, &deals, &competitors)
        });
        ix.query(q, limit)
    })
}
