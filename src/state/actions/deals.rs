//! Deals: saving a deal changed on its page or the board (a win makes its account a
//! customer in the same transaction).

use crate::domain::deal::{self, Deal};
use crate::state::data::{AppData, Changes};
use crate::store::StoreError;

/// Saves a deal as one user action. When this save wins the deal and its account is not a
/// customer yet, the account becomes one from the win date (`customer_since`), in the same
/// transaction.
pub async fn save(data: AppData, deal: Deal) -> Result<Deal, StoreError> {
    let before = data.deals.with_all_untracked(|m| m.get(&deal.id).cloned());
    let account = data
        .accounts
        .with_all_untracked(|m| m.get(&deal.account_id).cloned());
    let mut ch = Changes::new();
    if let Some(mut a) = account {
        if let Some(on) = deal::customer_since_on_win(before.as_ref(), &deal, a.customer_since) {
            a.customer_since = Some(on);
            ch.put(&data, a);
        }
    }
    let saved = ch.put(&data, deal);
    ch.commit(data).await.map(|()| saved)
}
