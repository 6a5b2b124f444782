//! The page shown for a record that is not (or no longer) in the book: what happened, and
//! the way back to its list.

use crate::state::tr;
use crate::ui::link::href;
use leptos::prelude::*;

/// "This account is not here" with its explanation and a link back to `back_path`.
#[component]
pub fn MissingRecord(
    title_key: &'static str,
    body_key: &'static str,
    back_key: &'static str,
    back_path: &'static str,
) -> impl IntoView {
    view! {
        <section class="page">
            <h1>{move || tr(title_key)}</h1>
            <div class="card">
                <p>{move || tr(body_key)}</p>
                <a class="button" href=href(back_path)>{move || tr(back_key)}</a>
            </div>
        </section>
    }
}
