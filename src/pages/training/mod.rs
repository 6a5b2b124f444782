//! Training (menu entry "Training"): the trainee area.
//!
//! Files here read state and call actions in `crate::state`, use the domain's rules and the
//! shared pieces in `crate::ui`, and import nothing from another area's pages.

use crate::ui::coming::ComingPage;
use leptos::prelude::*;

#[component]
pub fn TrainingPage() -> impl IntoView {
    view! { <ComingPage title="page.training.title" body="page.training.coming"/> }
}
