//! The account's credit checks (licence, history, outcome), made before a sale.

use crate::domain::ids::Id;
use leptos::prelude::*;

#[component]
pub fn CreditChecks(account_id: Id) -> impl IntoView {
    let _ = (account_id,);
}
