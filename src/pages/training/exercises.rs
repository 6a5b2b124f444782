//! The exercises of one topic (`/training/exercises/:topic`, optional `?seed=N` to fix the
//! set): five generated questions shown one at a time. Each answer is judged and stored by
//! the action (`state::actions::training::answer`), which generates the exercise again;
//! the page shows the verdict, the explanation with the rule and a link to its guide page,
//! the score so far, and at the end the set's score with "Practise again".

use crate::domain::training::{self, Arg, Exercise, Text, Topic};
use crate::state::actions::training as act;
use crate::state::data::{report_store_error, use_data};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tc, tr, tw};
use crate::ui::focus::focus_later;
use crate::ui::scroll_area::ScrollArea;
use crate::ui::{fmt, link::href};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// How many questions a set holds.
const SET_SIZE: usize = 5;

/// A catalogue message with its arguments, in the current locale (tracked).
fn say(t: &Text) -> String {
    let args: Vec<(String, String)> = t
        .args
        .iter()
        .map(|(name, a)| {
            let value = match a {
                Arg::Plain(s) => s.clone(),
                Arg::Key(k) => tr(k),
                Arg::Money(m) => fmt::money(m),
                Arg::Count(n) => fmt::number(*n),
            };
            (name.clone(), value)
        })
        .collect();
    let refs: Vec<(&str, &str)> = args.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    match t.plural_count() {
        Some(n) => tc(&t.key, usize::try_from(n).unwrap_or(0), &refs),
        None => tw(&t.key, &refs),
    }
}

/// An argument of a message, written out (empty when the message lacks it).
fn arg_text(t: &Text, name: &str) -> String {
    t.args
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, a)| match a {
            Arg::Plain(s) => s.clone(),
            Arg::Key(k) => tr(k),
            Arg::Money(m) => fmt::money(m),
            Arg::Count(n) => fmt::number(*n),
        })
        .unwrap_or_default()
}

/// A count argument of a message (0 when the message lacks it).
fn arg_count(t: &Text, name: &str) -> i64 {
    t.args
        .iter()
        .find_map(|(n, a)| match a {
            Arg::Count(c) if n == name => Some(*c),
            _ => None,
        })
        .unwrap_or(0)
}

/// The facts that read better as a table: the rows of a concession ledger or of a list
/// of complaints (the messages keep the figures as arguments).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rows {
    Ledger,
    Complaints,
}

fn rows_of(t: &Text) -> Option<Rows> {
    match t.key.as_str() {
        "exercise.concession.fact.us" | "exercise.concession.fact.them" => Some(Rows::Ledger),
        "exercise.complaint.fact" => Some(Rows::Complaints),
        _ => None,
    }
}

/// The table of `rows` facts.
fn fact_table(kind: Rows, rows: Vec<Text>) -> impl IntoView {
    let (label, heads): (&'static str, &'static [&'static str]) = match kind {
        Rows::Ledger => (
            "exercise.page.ledger",
            &[
                "exercise.page.col.round",
                "exercise.page.col.who",
                "exercise.page.col.from",
                "exercise.page.col.to",
                "exercise.page.col.change",
            ],
        ),
        Rows::Complaints => (
            "exercise.page.complaints",
            &[
                "exercise.page.col.account",
                "exercise.page.col.what",
                "exercise.page.col.fault",
                "exercise.page.col.anxiety",
                "exercise.page.col.opened",
            ],
        ),
    };
    let body = rows
        .into_iter()
        .map(|t| {
            let cells = move || -> Vec<String> {
                match kind {
                    Rows::Ledger => {
                        let ours = t.key == "exercise.concession.fact.us";
                        vec![
                            arg_text(&t, "round"),
                            tr(if ours {
                                "exercise.page.side.us"
                            } else {
                                "exercise.page.side.them"
                            }),
                            arg_text(&t, "from"),
                            arg_text(&t, "to"),
                            format!("{}{}", if ours { "−" } else { "+" }, arg_text(&t, "step")),
                        ]
                    }
                    Rows::Complaints => vec![
                        arg_text(&t, "account"),
                        arg_text(&t, "what"),
                        tw("exercise.page.of_five", &[("n", &arg_text(&t, "fault"))]),
                        tw("exercise.page.of_five", &[("n", &arg_text(&t, "anxiety"))]),
                        tc(
                            "exercise.page.days_ago",
                            usize::try_from(arg_count(&t, "count")).unwrap_or(0),
                            &[],
                        ),
                    ],
                }
            };
            view! {
                <tr>
                    {move || {
                        cells()
                            .into_iter()
                            .enumerate()
                            .map(|(i, c)| {
                                if i == 0 {
                                    view! { <th scope="row">{c}</th> }.into_any()
                                } else if kind == Rows::Complaints && i == 1 {
                                    view! { <td class="wrap">{c}</td> }.into_any()
                                } else {
                                    view! { <td>{c}</td> }.into_any()
                                }
                            })
                            .collect_view()
                    }}
                </tr>
            }
        })
        .collect_view();
    view! {
        <ScrollArea label=Signal::derive(tr_fn(label))>
            <table class="exercise-table">
                <caption>{tr_fn(label)}</caption>
                <thead>
                    <tr>
                        {heads
                            .iter()
                            .map(|h| view! { <th scope="col">{tr_fn(h)}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </ScrollArea>
    }
}

/// A seed for a new set when the address gives none.
fn random_seed() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// A set of exercises of one topic, answered one by one.
#[component]
pub fn ExercisePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let topic =
        Memo::new(move |_| params.with(|p| p.get("topic").and_then(|c| Topic::from_code(&c))));
    let first_seed = query
        .with_untracked(|q| q.get("seed").and_then(|s| s.trim().parse::<u32>().ok()))
        .unwrap_or_else(random_seed);
    let seed = RwSignal::new(first_seed);
    move || match topic.get() {
        Some(t) => view! { <ExerciseSet topic=t seed=seed/> }.into_any(),
        None => {
            let code = params.with(|p| p.get("topic").unwrap_or_default());
            view! {
                <section class="page exercises">
                    <h1>{tr_fn("nav.training")}</h1>
                    <p class="notice">{move || tw("exercise.page.unknown_topic", &[("code", &code)])}</p>
                    <p><a href=href("/training")>{tr_fn("exercise.page.back")}</a></p>
                </section>
            }
            .into_any()
        }
    }
}

/// One verdict given in this set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Given {
    chosen: usize,
    correct: bool,
}

#[component]
fn ExerciseSet(topic: Topic, seed: RwSignal<u32>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let exercises = Memo::new(move |_| training::set(seed.get(), topic, SET_SIZE));
    let index = RwSignal::new(0usize);
    let chosen = RwSignal::new(None::<usize>);
    // One entry per question answered in this set, in order.
    let given = RwSignal::new(Vec::<Given>::new());
    let error = RwSignal::new(None::<&'static str>);
    let saving = RwSignal::new(false);
    let done = RwSignal::new(false);

    let current = move || exercises.with(|s| s.get(index.get()).cloned());
    let verdict = move || given.with(|g| g.get(index.get()).copied());
    let right_count = move || given.with(|g| g.iter().filter(|x| x.correct).count());

    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() || given.with_untracked(|g| g.len() > index.get_untracked()) {
            return;
        }
        let Some(pick) = chosen.get_untracked() else {
            error.set(Some("exercise.page.pick_first"));
            return;
        };
        let Some((ex_seed, _)) =
            exercises.with_untracked(|s| s.get(index.get_untracked()).cloned())
        else {
            return;
        };
        match act::answer(data, topic, ex_seed, pick) {
            Err(e) => error.set(Some(e.key())),
            Ok(save) => {
                error.set(None);
                saving.set(true);
                leptos::task::spawn_local(async move {
                    let outcome = save.await;
                    saving.set(false);
                    match outcome {
                        Ok(a) => {
                            given.update(|g| {
                                g.push(Given {
                                    chosen: pick,
                                    correct: a.correct,
                                })
                            });
                            focus_later("exercise-verdict");
                        }
                        // Nothing was stored: the choice stays, to try again.
                        Err(e) => report_store_error(toasts, &e),
                    }
                });
            }
        }
    };
    let next = move |_| {
        chosen.set(None);
        error.set(None);
        if index.get_untracked() + 1 >= SET_SIZE {
            done.set(true);
            focus_later("exercise-done");
        } else {
            index.update(|i| *i += 1);
            focus_later("exercise-question");
        }
    };
    let again = move |_| {
        seed.set(random_seed());
        index.set(0);
        chosen.set(None);
        given.set(Vec::new());
        error.set(None);
        done.set(false);
        focus_later("exercise-question");
    };

    let question_view = move || {
        let Some((_, e)) = current() else {
            return ().into_any();
        };
        let Exercise {
            question,
            facts,
            choices,
            answer,
            explanation,
            guide,
            ..
        } = e;
        let n = index.get_untracked();
        let name = format!("exercise-{}-{n}", seed.get_untracked());
        let right_text = choices[answer].clone();
        view! {
            <article class="exercise-card">
                <p class="exercise-position">
                    {move || tw("exercise.page.position", &[("n", &fmt::number(n as i64 + 1)), ("total", &fmt::number(SET_SIZE as i64))])}
                </p>
                <h2 id="exercise-question" tabindex="-1">{
                    let q = question.clone();
                    move || say(&q)
                }</h2>
                <h3 class="exercise-facts-title">{tr_fn("exercise.page.facts")}</h3>
                {
                    let kind = facts.iter().find_map(rows_of);
                    let (rows, mut plain): (Vec<Text>, Vec<Text>) =
                        facts.into_iter().partition(|f| rows_of(f).is_some());
                    // A fact that introduces the others reads as a lead-in, not a list item.
                    let lead = plain
                        .first()
                        .is_some_and(|f| f.key.ends_with(".intro") || f.key.ends_with(".opening"))
                        .then(|| plain.remove(0));
                    view! {
                        {lead.map(|f| view! { <p class="exercise-lead">{move || say(&f)}</p> })}
                        <ul class="exercise-facts">
                            {plain
                                .into_iter()
                                .map(|f| view! { <li>{move || say(&f)}</li> })
                                .collect_view()}
                        </ul>
                        {kind.map(|k| fact_table(k, rows))}
                    }
                }
                <form class="exercise-form" on:submit=check novalidate>
                    <fieldset class="exercise-choices" role="radiogroup" disabled=move || verdict().is_some()>
                        <legend>{tr_fn("exercise.page.choices")}</legend>
                        {choices
                            .into_iter()
                            .enumerate()
                            .map(|(i, c)| {
                                let id = format!("{name}-{i}");
                                let for_id = id.clone();
                                let state = move || match verdict() {
                                    Some(_) if i == answer => "exercise-choice is-answer",
                                    Some(v) if v.chosen == i => "exercise-choice is-wrong",
                                    _ => "exercise-choice",
                                };
                                view! {
                                    <label class=state for=for_id>
                                        <input
                                            type="radio"
                                            id=id
                                            name=name.clone()
                                            prop:checked=move || chosen.get() == Some(i)
                                            on:change=move |_| {
                                                chosen.set(Some(i));
                                                error.set(None);
                                            }
                                        />
                                        <span>{move || say(&c)}</span>
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    {move || error.get().map(|k| view! { <p class="field-error" role="alert">{tr(k)}</p> })}
                    <Show when=move || verdict().is_none()>
                        <div class="actions">
                            <button type="submit" class="primary" disabled=move || saving.get()>
                                {tr_fn("exercise.page.check")}
                            </button>
                        </div>
                    </Show>
                </form>
                <div class="exercise-verdict" role="status" id="exercise-verdict" tabindex="-1">
                    {
                        let right_text = right_text.clone();
                        move || verdict().map(|v| {
                            if v.correct {
                                view! { <p class="verdict verdict-right"><strong>{tr("exercise.page.right")}</strong></p> }.into_any()
                            } else {
                                view! {
                                    <p class="verdict verdict-wrong">
                                        <strong>{tw("exercise.page.wrong", &[("answer", &say(&right_text))])}</strong>
                                    </p>
                                }
                                .into_any()
                            }
                        })
                    }
                </div>
                <Show when=move || verdict().is_some()>
                    <section class="exercise-explanation" aria-labelledby="exercise-why">
                        <h3 id="exercise-why">{tr_fn("exercise.page.why")}</h3>
                        {explanation
                            .iter()
                            .cloned()
                            .map(|t| view! { <p>{move || say(&t)}</p> })
                            .collect_view()}
                        <p class="exercise-links">
                            <a href=href(&format!("/training/guide/{}", guide.code()))>{tr_fn("exercise.page.read_rule")}</a>
                        </p>
                        <div class="actions">
                            <button type="button" class="primary" on:click=next>
                                {move || if index.get() + 1 >= SET_SIZE {
                                    tr("exercise.page.finish")
                                } else {
                                    tr("exercise.page.next")
                                }}
                            </button>
                        </div>
                    </section>
                </Show>
            </article>
        }
        .into_any()
    };

    view! {
        <section class="page exercises">
            <h1>{tr_fn(topic.key())}</h1>
            <p class="hint">{tr_fn("exercise.page.intro")}</p>
            <p class="exercise-score" aria-live="polite">
                <span>{move || tw("exercise.page.score", &[
                    ("right", &fmt::number(right_count() as i64)),
                    ("answered", &fmt::number(given.with(|g| g.len()) as i64)),
                ])}</span>
            </p>
            <p class="hint exercise-kept">{move || tc("exercise.page.kept", act::answers_on(data, topic), &[])}</p>
            <Show
                when=move || done.get()
                fallback=move || {
                    // A new card per question (and per set).
                    move || {
                        index.track();
                        exercises.track();
                        question_view()
                    }
                }
            >
                <div class="exercise-done">
                    <h2 id="exercise-done" tabindex="-1">
                        {move || tw("exercise.page.done", &[
                            ("right", &fmt::number(right_count() as i64)),
                            ("total", &fmt::number(SET_SIZE as i64)),
                        ])}
                    </h2>
                    <div class="actions">
                        <button type="button" class="primary" on:click=again>
                            {tr_fn("exercise.page.again")}
                        </button>
                        <a href=href("/training")>{tr_fn("exercise.page.back")}</a>
                    </div>
                </div>
            </Show>
        </section>
    }
}
