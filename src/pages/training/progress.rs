//! The trainee's progress and the coach's report (`/training/progress`).

use leptos::prelude::*;

/// Scores per topic over time, the weakest topic, the printable report.
#[component]
pub fn ProgressPage() -> impl IntoView {
    view! { <section class="page"><h1>"Progress"</h1></section> }
}
