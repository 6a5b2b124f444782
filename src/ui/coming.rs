use crate::state::tr;
use leptos::prelude::*;

/// A page whose area is not built yet: says what will be here and what to use meanwhile.
#[component]
pub fn ComingPage(title: &'static str, body: &'static str) -> impl IntoView {
    view! {
        <section class="page">
            <h1>{move || tr(title)}</h1>
            <div class="card coming">
                <p class="badge">{move || tr("coming.badge")}</p>
                <p>{move || tr(body)}</p>
            </div>
        </section>
    }
}
