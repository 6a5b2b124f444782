//! The page for an address the app does not know.

use crate::state::tr_fn;
use crate::ui::link::href;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>{tr_fn("page.not_found.title")}</h1>
            <div class="card">
                <p>{tr_fn("page.not_found.body")}</p>
                <a class="button" href=href("/")>{tr_fn("page.not_found.home")}</a>
            </div>
        </section>
    }
}
