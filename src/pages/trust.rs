//! Step 2 — building trust: relationship stages, activities, tasks, styles and call plans.

use crate::domain::ids::Id;
use crate::ui::coming::ComingPage;
use leptos::prelude::*;

/// Planning → Agenda: overdue, today and the next 7 days.
#[component]
pub fn AgendaPage() -> impl IntoView {
    view! { <ComingPage title="page.planning.title" body="page.planning.coming"/> }
}

/// The printable one-page call plan of a person (route `/contacts/:id/call-plan`).
#[component]
pub fn CallPlanPage() -> impl IntoView {
    view! { <ComingPage title="page.contacts.title" body="page.contacts.coming"/> }
}

/// On a person's page: stage, history, suggestions, style and hints, activities, tasks.
#[component]
pub fn ContactTrustPanel(contact_id: Id) -> impl IntoView {
    let _ = contact_id;
}

/// On an account's page: relationship health and the account's activity timeline.
#[component]
pub fn AccountTrustPanel(account_id: Id) -> impl IntoView {
    let _ = account_id;
}
