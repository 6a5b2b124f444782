//! Step 2 — building trust: relationship stages, activities, tasks, styles and call plans.

mod account_panel;
mod activity_form;
mod agenda_view;
mod call_plan;
mod common;
mod contact_panel;
mod gift_limit;
mod style_card;
mod tasks;

use crate::domain::ids::Id;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

pub use gift_limit::GiftLimitSetting;

/// Planning → Agenda: overdue, today and the next 7 days.
#[component]
pub fn AgendaPage() -> impl IntoView {
    view! { <agenda_view::Agenda/> }
}

/// The printable one-page call plan of a person (route `/contacts/:id/call-plan`).
#[component]
pub fn CallPlanPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params
            .with(|p| p.get("id"))
            .and_then(|s| s.parse::<Id>().ok());
        view! { <call_plan::CallPlan contact_id=id/> }
    }
}

/// On a person's page: stage, history, suggestions, style and hints, activities, tasks.
#[component]
pub fn ContactTrustPanel(contact_id: Id) -> impl IntoView {
    view! { <contact_panel::ContactTrust contact_id=contact_id/> }
}

/// On an account's page: relationship health and the account's activity timeline.
#[component]
pub fn AccountTrustPanel(account_id: Id) -> impl IntoView {
    view! { <account_panel::AccountTrust account_id=account_id/> }
}
