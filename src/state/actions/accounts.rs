//! Accounts: archive and restore, delete (only when nothing is linked) and its Undo, and
//! the products in use.

use crate::domain::account::{self, Account, ProductInUse, StillLinked};
use crate::domain::fields::FieldError;
use crate::domain::ids::{brought_back, Id};
use crate::state::data::AppData;
use crate::store::StoreError;
use std::future::Future;

/// Archives (`true`) or restores the account.
pub async fn set_archived(
    data: AppData,
    account: Account,
    archived: bool,
) -> Result<Account, StoreError> {
    super::put(data, account::set_archived(&account, archived)).await
}

/// Deletes the account; refused at once while people or deals are linked to it.
pub fn delete(
    data: AppData,
    account: Account,
) -> Result<impl Future<Output = Result<Account, StoreError>>, StillLinked> {
    let (people, deals) = data.indexes.with_untracked(|ix| {
        (
            ix.people_of(account.id).to_vec(),
            ix.deals_of(account.id).to_vec(),
        )
    });
    let service = service_links(&data, account.id);
    data.contacts.with_all_untracked(|all_people| {
        data.deals.with_all_untracked(|all_deals| {
            account::check_delete(
                account.id,
                people.iter().filter_map(|id| all_people.get(id)),
                deals.iter().filter_map(|id| all_deals.get(id)),
                service,
            )
        })
    })?;
    Ok(super::delete(data, account))
}

/// The records of the follow-up service that name the account: its complaints, credit
/// checks and invoices, the referral asks made there or naming it as a lead, and the
/// declined requests of it.
fn service_links(data: &AppData, account: Id) -> usize {
    let by_index = data.indexes.with_untracked(|ix| {
        ix.complaints_of(account).len()
            + ix.credit_checks_of(account).len()
            + ix.invoices_of_account(account).len()
    });
    let referrals = data.referrals.with_all_untracked(|all| {
        all.values()
            .filter(|r| r.account_id == account || r.leads.iter().any(|l| l.account_id == account))
            .count()
    });
    let declined = data.declined_requests.with_all_untracked(|all| {
        all.values()
            .filter(|d| d.account_id == Some(account))
            .count()
    });
    by_index + referrals + declined
}

/// Brings a deleted account back (the Undo of [`delete`]).
pub async fn undo_delete(data: AppData, deleted: Account) -> Result<Account, StoreError> {
    super::put(data, brought_back(&deleted)).await
}

/// Adds a product in use; refused at once without a product name.
pub fn add_product(
    data: AppData,
    account: &Account,
    product: ProductInUse,
) -> Result<impl Future<Output = Result<Account, StoreError>>, FieldError> {
    let changed = account::add_product(account, product)?;
    Ok(super::put(data, changed))
}

/// Removes the product in use at `index` (nothing happens when there is none there).
pub async fn remove_product(
    data: AppData,
    account: Account,
    index: usize,
) -> Result<Account, StoreError> {
    match account::remove_product(&account, index) {
        Some(changed) => super::put(data, changed).await,
        None => Ok(account),
    }
}
