//! The dashboard's card of late delivery milestones and contract items due.

use leptos::prelude::*;

#[component]
pub fn FollowUpCard() -> impl IntoView {}
