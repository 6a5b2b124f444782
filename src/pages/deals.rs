//! The six-step deal: board, deal page and its step panels.

use crate::domain::ids::Id;
use crate::ui::coming::ComingPage;
use leptos::prelude::*;

/// The board of open deals by step (route `/deals`).
#[component]
pub fn DealsPage() -> impl IntoView {
    view! { <ComingPage title="page.deals.title" body="page.deals.coming"/> }
}

/// One deal (route `/deals/:id`).
#[component]
pub fn DealPage() -> impl IntoView {
    view! { <ComingPage title="page.deals.title" body="page.deals.coming"/> }
}

/// On an account's page: its deals, with a way to start one.
#[component]
pub fn AccountDeals(account_id: Id) -> impl IntoView {
    let _ = account_id;
}
