//! The page shown for a record that is not (or no longer) in the book: what happened, and
//! the way back to its list. While the records are still loading it says nothing yet (the
//! shell shows that they are loading): the record may be among them.

use crate::state::data::{use_data, LoadStatus};
use crate::state::tr_fn;
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
    let data = use_data();
    view! {
        <section class="page">
            <h1>{tr_fn(title_key)}</h1>
            <Show when=move || data.status.get() == LoadStatus::Ready>
                <div class="card">
                    <p>{tr_fn(body_key)}</p>
                    <a class="button" href=href(back_path)>{tr_fn(back_key)}</a>
                </div>
            </Show>
        </section>
    }
}
