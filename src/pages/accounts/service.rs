//! The account's open complaints and the referrals it gave and came from.

use crate::domain::ids::Id;
use leptos::prelude::*;

#[component]
pub fn AccountService(account_id: Id) -> impl IntoView {
    let _ = (account_id,);
}
