//! Referral asks and the leads they brought, through `domain::referral`: log, delete and
//! bring back an ask; read the asks of a deal's account, of a person, of a lead account,
//! and what a referrer brought.

use crate::domain::fields::FieldError;
use crate::domain::ids::{brought_back, Id};
use crate::domain::referral::{self, Referral, ReferralDraft, ReferredDeals};
use crate::domain::sorting::SortExt;
use crate::state::data::AppData;
use crate::store::StoreError;
use chrono::{Local, Utc};
use std::future::Future;

/// The asks made of an account's people, newest first (tracks those lists).
pub fn of_account(data: AppData, account: Id) -> Vec<Referral> {
    let people = data.indexes.people_of(account);
    let ids: Vec<Id> = people
        .iter()
        .flat_map(|p| data.indexes.referrals_by(*p))
        .collect();
    sorted(data, &ids)
}

/// The asks made of a person, newest first.
pub fn by_person(data: AppData, person: Id) -> Vec<Referral> {
    let ids = data.indexes.referrals_by(person);
    sorted(data, &ids)
}

/// The asks that gave `account` as a lead, oldest first.
pub fn naming(data: AppData, account: Id) -> Vec<Referral> {
    let ids = data.indexes.referrals_of_lead(account);
    let mut list = sorted(data, &ids);
    list.reverse();
    list
}

fn sorted(data: AppData, ids: &[Id]) -> Vec<Referral> {
    let mut list = data
        .referrals
        .with_many(ids, |v| v.into_iter().cloned().collect::<Vec<_>>());
    list.sort_on(|r| std::cmp::Reverse((r.asked_on, r.created_at)));
    list
}

/// The deals a person's referrals brought, with the won value (tracks their asks and the
/// lead accounts' deals).
pub fn brought_by(data: AppData, person: Id) -> ReferredDeals {
    let asks = by_person(data, person);
    let mut accounts: Vec<Id> = asks
        .iter()
        .flat_map(|r| r.leads.iter().map(|l| l.account_id))
        .collect();
    accounts.sort_plain();
    accounts.dedup();
    let deal_ids: Vec<Id> = accounts
        .iter()
        .flat_map(|a| data.indexes.deals_of(*a))
        .collect();
    data.deals.with_many(&deal_ids, |deals| {
        referral::referred_deals(person, asks.iter(), deals)
    })
}

/// Logs an ask.
pub fn add(
    data: AppData,
    draft: &ReferralDraft,
) -> Result<impl Future<Output = Result<Referral, StoreError>>, Vec<FieldError>> {
    let exists = |a: Id| data.accounts.get_untracked(a).is_some();
    let person_account = |p: Id| data.contacts.get_untracked(p).map(|c| c.account_id);
    let deal_account = |d: Id| data.deals.get_untracked(d).map(|d| d.account_id);
    let links = referral::Links {
        account_exists: &exists,
        person_account: &person_account,
        deal_account: &deal_account,
    };
    let r = draft
        .validate(&links, Local::now().date_naive())?
        .into_new(Utc::now());
    Ok(super::put(data, r))
}

/// Deletes an ask; the deleted record comes back for the Undo.
pub fn delete(data: AppData, id: Id) -> Option<impl Future<Output = Result<Referral, StoreError>>> {
    let r = data.referrals.get_untracked(id)?;
    Some(super::delete(data, r))
}

/// Brings a deleted ask back (the Undo of [`delete`]).
pub async fn undo_delete(data: AppData, deleted: Referral) -> Result<Referral, StoreError> {
    super::put(data, brought_back(&deleted)).await
}
