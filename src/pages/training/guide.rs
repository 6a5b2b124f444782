//! The method guide's pages (`/training/guide/:page`).

use leptos::prelude::*;

/// One page of the method guide, by its code in the route.
#[component]
pub fn GuideRoutePage() -> impl IntoView {
    view! { <section class="page"><h1>"Guide"</h1></section> }
}
