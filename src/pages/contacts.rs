use crate::ui::coming::ComingPage;
use leptos::prelude::*;

#[component]
pub fn ContactsPage() -> impl IntoView {
    view! { <ComingPage title="page.contacts.title" body="page.contacts.coming"/> }
}

#[component]
pub fn ContactPage() -> impl IntoView {
    view! { <ComingPage title="page.contacts.title" body="page.contacts.coming"/> }
}
