use crate::ui::coming::ComingPage;
use leptos::prelude::*;

#[component]
pub fn DealsPage() -> impl IntoView {
    view! { <ComingPage title="page.deals.title" body="page.deals.coming"/> }
}
