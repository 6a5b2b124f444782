//! The sample book offer and its removal: on the training home and the empty dashboard.

use leptos::prelude::*;

/// Loads or removes the sample book.
#[component]
pub fn SampleBookPanel() -> impl IntoView {
    view! { <div></div> }
}
