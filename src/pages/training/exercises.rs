//! The exercises of one topic (`/training/exercises/:topic`).

use leptos::prelude::*;

/// A set of exercises of one topic, answered one by one.
#[component]
pub fn ExercisePage() -> impl IntoView {
    view! { <section class="page"><h1>"Exercises"</h1></section> }
}
