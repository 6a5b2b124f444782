use crate::ui::coming::ComingPage;
use leptos::prelude::*;

#[component]
pub fn PlanningPage() -> impl IntoView {
    view! { <ComingPage title="page.planning.title" body="page.planning.coming"/> }
}
