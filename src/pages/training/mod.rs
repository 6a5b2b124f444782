//! Training (menu entry "Training"): the trainee area. The training home (`/training`):
//! the sample book, the method guide's pages, the exercises by topic and the trainee's
//! progress; the guide's pages (`guide`, `/training/guide/:page`); the exercises
//! (`exercises`, `/training/exercises/:topic`); the progress and the coach's report
//! (`progress`, `/training/progress`, printable, with a JSON download).
//!
//! Files here read state and call actions in `crate::state`, use the domain's rules and the
//! shared pieces in `crate::ui`, and import nothing from another area's pages.

mod exercises;
mod guide;
mod progress;

pub use exercises::ExercisePage;
pub use guide::GuideRoutePage;
pub use progress::ProgressPage;

use crate::ui::coming::ComingPage;
use leptos::prelude::*;

#[component]
pub fn TrainingPage() -> impl IntoView {
    view! { <ComingPage title="page.training.title" body="page.training.coming"/> }
}
