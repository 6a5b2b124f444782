//! Actions that change several kinds of records at once, as one transaction.

use super::data::{AppData, Changes, Stored};
use crate::domain::account::Account;
use crate::domain::contact::Contact;
use crate::domain::deal::{self, Deal};
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

/// Saves a deal as one user action. When this save wins the deal and its account is not a
/// customer yet, the account becomes one from the win date (`customer_since`), in the same
/// transaction.
pub fn save_deal(data: &AppData, deal: Deal) -> Changes {
    let before = data.deals.with_untracked(|m| m.get(&deal.id).cloned());
    let account = data
        .accounts
        .with_untracked(|m| m.get(&deal.account_id).cloned());
    let mut ch = Changes::new();
    if let Some(mut a) = account {
        if let Some(on) = deal::customer_since_on_win(before.as_ref(), &deal, a.customer_since) {
            a.customer_since = Some(on);
            ch.put(data, a);
        }
    }
    ch.put(data, deal);
    ch
}
