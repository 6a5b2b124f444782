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

use crate::domain::training::{progress as scores, ExerciseAnswer, Score, Topic};
use crate::state::data::{use_data, AppData};
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::link::href;
use leptos::prelude::*;

/// Every stored answer (tracked).
fn all_answers(data: AppData) -> Vec<ExerciseAnswer> {
    data.exercise_answers
        .with_all(|m| m.values().cloned().collect())
}

/// A score as a trainee reads it: "67 % (2 of 3 right)", or "Not practised yet".
fn score_text(s: &Score) -> String {
    match s.percent() {
        Some(p) => tw(
            "training.score",
            &[
                ("percent", &percent(p)),
                ("right", &s.right.to_string()),
                ("answered", &s.answered.to_string()),
            ],
        ),
        None => tr("training.score.none"),
    }
}

/// A whole percentage in the reader's locale ("67%", "67 %").
fn percent(p: u32) -> String {
    crate::ui::fmt::percent(i64::from(p) * 100)
}

/// The exercises page of a topic.
fn practise_href(t: Topic) -> String {
    href(&format!("/training/exercises/{}", t.code()))
}

/// "Practise next: …" with its link and why.
#[component]
fn NextTopic(answers: Memo<Vec<ExerciseAnswer>>) -> impl IntoView {
    move || {
        let w = answers.with(|a| scores::weakest(a));
        let topic = tr(w.topic.key());
        let why = match w.reason {
            scores::WeakReason::LowestScore => tw(
                "training.weak.with_score",
                &[
                    ("reason", &tr(w.reason.key())),
                    ("score", &score_text(&w.score)),
                ],
            ),
            _ => tr(w.reason.key()),
        };
        view! {
            <p class="training-next">
                <a class="button primary" href=practise_href(w.topic)>
                    {tw("training.next", &[("topic", &topic)])}
                </a>
                <span class="hint">{why}</span>
            </p>
        }
    }
}

#[component]
pub fn TrainingPage() -> impl IntoView {
    let data = use_data();
    let answers = Memo::new(move |_| all_answers(data));
    let topics = Memo::new(move |_| answers.with(|a| scores::by_topic(a)));
    view! {
        <section class="page training-home">
            <h1>{tr_fn("page.training.title")}</h1>
            <p class="hint training-intro">{tr_fn("training.home.intro")}</p>
            <crate::ui::sample_book::SampleBookPanel/>
            <div class="training-columns">
                <section class="card training-progress-card" aria-labelledby="training-progress-heading">
                    <h2 id="training-progress-heading">{tr_fn("training.home.progress")}</h2>
                    <NextTopic answers=answers/>
                    <p>
                        <a href=href("/training/progress")>{tr_fn("training.home.open_progress")}</a>
                    </p>
                </section>
                <section class="card training-exercises" aria-labelledby="training-exercises-heading">
                    <h2 id="training-exercises-heading">{tr_fn("training.home.exercises")}</h2>
                    <p class="hint">{tr_fn("training.home.exercises_intro")}</p>
                    <ul class="plain-list training-topics" aria-label=tr_fn("training.home.topics")>
                        {move || {
                            topics
                                .get()
                                .into_iter()
                                .map(|(t, s)| {
                                    let name = tr(t.key());
                                    view! {
                                        <li class="training-topic">
                                            <span class="training-topic-text">
                                                <strong>{name.clone()}</strong>
                                                <span class="hint">{score_text(&s)}</span>
                                            </span>
                                            <a
                                                class="button"
                                                href=practise_href(t)
                                                aria-label=tw("training.home.practise_named", &[("topic", &name)])
                                            >
                                                {tr("training.home.practise")}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </section>
                <section class="card training-guide" aria-labelledby="training-guide-heading">
                    <h2 id="training-guide-heading">{tr_fn("training.home.guide")}</h2>
                    <crate::ui::why::GuideIndex/>
                </section>
            </div>
        </section>
    }
}
