use crate::ui::coming::ComingPage;
use leptos::prelude::*;

#[component]
pub fn DashboardPage() -> impl IntoView {
    view! { <ComingPage title="page.dashboard.title" body="page.dashboard.coming"/> }
}
