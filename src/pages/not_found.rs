//! The page for an address the app does not know.

use crate::state::tr;
use crate::ui::link::href;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>{move || tr("page.not_found.title")}</h1>
            <div class="card">
                <p>{move || tr("page.not_found.body")}</p>
                <a class="button" href=href("/")>{move || tr("page.not_found.home")}</a>
            </div>
        </section>
    }
}
