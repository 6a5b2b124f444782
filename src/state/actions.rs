//! Actions that change several kinds of records at once, as one transaction.

use super::data::{AppData, Changes, Stored};
use crate::domain::account::Account;
use crate::domain::contact::Contact;
use crate::domain::dedupe::{
    merge_accounts, merge_contacts, relink_activity, relink_competitor, relink_contact,
    relink_deal, relink_intel, relink_task, IdRewrite,
};
use crate::domain::ids::Id;
use chrono::Utc;
use leptos::prelude::*;

/// Adds a put of every record of `T` that `relink` changes.
fn relink_kind<T: Stored>(
    data: &AppData,
    ch: &mut Changes,
    rewrites: &[IdRewrite],
    skip: &[Id],
    relink: impl Fn(&mut T, &IdRewrite) -> bool,
) {
    let changed: Vec<T> = T::collection(data).with_untracked(|m| {
        m.values()
            .filter(|r| !skip.contains(&r.id()))
            .filter_map(|r| {
                let mut r2 = r.clone();
                let mut any = false;
                for rw in rewrites {
                    any |= relink(&mut r2, rw);
                }
                any.then_some(r2)
            })
            .collect()
    });
    for r in changed {
        ch.put(data, r);
    }
}

/// Re-points every linked record of every kind after a merge; `skip` are the two merged
/// records themselves (one deleted, one replaced by the merged record).
fn relink_everything(data: &AppData, ch: &mut Changes, rewrites: &[IdRewrite], skip: &[Id]) {
    relink_kind(data, ch, rewrites, skip, relink_contact);
    relink_kind(data, ch, rewrites, skip, relink_competitor);
    relink_kind(data, ch, rewrites, skip, relink_intel);
    relink_kind(data, ch, rewrites, skip, relink_deal);
    relink_kind(data, ch, rewrites, skip, relink_activity);
    relink_kind(data, ch, rewrites, skip, relink_task);
}

/// Merges `gone` into `keep`: one record remains and every link to `gone` points at it.
pub fn merge_two_accounts(data: &AppData, keep: &Account, gone: &Account) -> Changes {
    let result = merge_accounts(keep, gone, Utc::now());
    let mut ch = Changes::new();
    ch.delete(gone);
    relink_everything(data, &mut ch, &result.rewrites, &[keep.id, gone.id]);
    ch.put(data, result.merged);
    ch
}

/// Merges person `gone` into `keep`, keeping every linked record.
pub fn merge_two_contacts(data: &AppData, keep: &Contact, gone: &Contact) -> Changes {
    let result = merge_contacts(keep, gone, Utc::now());
    let mut ch = Changes::new();
    ch.delete(gone);
    relink_everything(data, &mut ch, &result.rewrites, &[keep.id, gone.id]);
    let mut merged = result.merged;
    for rw in &result.rewrites {
        relink_contact(&mut merged, rw);
    }
    ch.put(data, merged);
    ch
}
