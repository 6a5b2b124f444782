use crate::ui::coming::ComingPage;
use leptos::prelude::*;

#[component]
pub fn AccountsPage() -> impl IntoView {
    view! { <ComingPage title="page.accounts.title" body="page.accounts.coming"/> }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    view! { <ComingPage title="page.accounts.title" body="page.accounts.coming"/> }
}
