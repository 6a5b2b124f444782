use crate::ui::coming::ComingPage;
use leptos::prelude::*;

#[component]
pub fn TrainingPage() -> impl IntoView {
    view! { <ComingPage title="page.training.title" body="page.training.coming"/> }
}
