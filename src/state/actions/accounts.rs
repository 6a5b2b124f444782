//! Accounts: archive and restore, delete (only when nothing is linked) and its Undo, and
//! the products in use.

use crate::domain::account::{self, Account, ProductInUse, StillLinked};
use crate::domain::fields::FieldError;
use crate::domain::ids::brought_back;
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
    data.contacts.with_all_untracked(|all_people| {
        data.deals.with_all_untracked(|all_deals| {
            account::check_delete(
                account.id,
                people.iter().filter_map(|id| all_people.get(id)),
                deals.iter().filter_map(|id| all_deals.get(id)),
            )
        })
    })?;
    Ok(super::delete(data, account))
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
