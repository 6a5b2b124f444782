//! The person's open complaints, the referrals asked of them and the deals their leads brought.

use crate::domain::ids::Id;
use leptos::prelude::*;

#[component]
pub fn PersonService(contact_id: Id) -> impl IntoView {
    let _ = (contact_id,);
}
