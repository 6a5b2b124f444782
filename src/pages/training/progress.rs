//! The trainee's progress and the coach's report (`/training/progress`): the totals, the
//! score per topic, the scores per ISO week (a chart and its table), the topic to practise
//! next and the latest answers; printable with the app's chrome hidden, downloadable as a
//! JSON report, and "Clear my answers" (asked first, with Undo).

use super::*;
use crate::domain::training::WeekScores;
use crate::state::actions::training as act;
use crate::state::data::report_store_error;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tc, ToastKind};
use crate::ui::fmt;
use crate::ui::scroll_area::ScrollArea;
use chrono::Datelike;
use leptos::task::spawn_local;

/// How many weeks the chart shows (the table has them all).
const CHART_WEEKS: usize = 12;
/// How many of the latest answers the page lists.
const LATEST: usize = 10;

/// Scores per topic over time, the weakest topic, the printable report.
#[component]
pub fn ProgressPage() -> impl IntoView {
    let data = use_data();
    let answers = Memo::new(move |_| all_answers(data));
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <article class="page training-progress">
            <p class="no-print">
                <a href=href("/training")>{tr_fn("training.progress.back")}</a>
            </p>
            <h1>{tr_fn("training.progress.title")}</h1>
            <p class="hint">{move || tw("training.progress.generated", &[("date", &fmt::date(fmt::today()))])}</p>
            {move || {
                if answers.with(Vec::is_empty) {
                    return view! {
                        <p class="training-empty">{tr("training.progress.empty")}</p>
                        <NextTopic answers=answers/>
                    }
                    .into_any();
                }
                view! {
                    <Totals answers=answers/>
                    <section class="card" aria-labelledby="progress-next-heading">
                        <h2 id="progress-next-heading">{tr_fn("training.progress.weakest")}</h2>
                        <NextTopic answers=answers/>
                    </section>
                    <TopicTable answers=answers/>
                    <Weeks answers=answers/>
                    <Latest answers=answers/>
                    <section class="card no-print" aria-labelledby="progress-report-heading">
                        <h2 id="progress-report-heading">{tr_fn("training.progress.report")}</h2>
                        <p class="hint">{tr_fn("training.progress.report_intro")}</p>
                        <div class="actions">
                            <button type="button" class="primary" on:click=print>{tr_fn("training.progress.print")}</button>
                            <DownloadButton answers=answers/>
                        </div>
                    </section>
                    <ClearAnswers answers=answers/>
                }
                .into_any()
            }}
        </article>
    }
}

#[component]
fn Totals(answers: Memo<Vec<ExerciseAnswer>>) -> impl IntoView {
    move || {
        answers.with(|a| {
            let s = scores::total(a);
            let first = a.iter().map(|a| a.answered_at).min();
            let last = a.iter().map(|a| a.answered_at).max();
            let period = first.zip(last).map(|(f, l)| {
                let day = |at: chrono::DateTime<chrono::Utc>| {
                    fmt::date(at.with_timezone(&chrono::Local).date_naive())
                };
                tw(
                    "training.progress.period",
                    &[("first", &day(f)), ("last", &day(l))],
                )
            });
            view! {
                <p class="training-totals">
                    <strong>
                        {tc(
                            "training.progress.totals",
                            s.answered as usize,
                            &[("right", &s.right.to_string()), ("percent", &percent(s.percent().unwrap_or(0)))],
                        )}
                    </strong>
                    " "
                    {period.map(|p| view! { <span>{p}</span> })}
                </p>
            }
        })
    }
}

/// A score in a table cell: the percentage, and "2/3" under it.
fn score_cell(s: Option<Score>) -> impl IntoView {
    match s.and_then(|s| s.percent().map(|p| (s, p))) {
        Some((s, p)) => view! {
            <span>{percent(p)}</span>
            " "
            <span class="hint training-count">{format!("{}/{}", s.right, s.answered)}</span>
        }
        .into_any(),
        None => view! {
            <span aria-hidden="true">"—"</span>
            <span class="visually-hidden">{tr("training.progress.none_week")}</span>
        }
        .into_any(),
    }
}

#[component]
fn TopicTable(answers: Memo<Vec<ExerciseAnswer>>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="progress-topics-heading">
            <h2 id="progress-topics-heading">{tr_fn("training.progress.topics")}</h2>
            <ScrollArea label=Signal::derive(tr_fn("training.progress.topics"))>
                <table class="data-table training-table">
                    <caption class="visually-hidden">{tr_fn("training.progress.topics")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr_fn("training.progress.col.topic")}</th>
                            <th scope="col" class="num">{tr_fn("training.progress.col.answered")}</th>
                            <th scope="col" class="num">{tr_fn("training.progress.col.right")}</th>
                            <th scope="col" class="num">{tr_fn("training.progress.col.score")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            answers
                                .with(|a| scores::by_topic(a))
                                .into_iter()
                                .map(|(t, s)| {
                                    view! {
                                        <tr>
                                            <th scope="row">{tr(t.key())}</th>
                                            <td class="num">{s.answered}</td>
                                            <td class="num">{s.right}</td>
                                            <td class="num">
                                                {s.percent().map(percent).unwrap_or_else(|| "—".to_string())}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </ScrollArea>
        </section>
    }
}

/// "Week 48, 2026" and "from 23/11/2026".
fn week_name(w: &WeekScores) -> (String, String) {
    let iso = w.starts_on.iso_week();
    (
        tw(
            "training.progress.week",
            &[
                ("week", &iso.week().to_string()),
                ("year", &iso.year().to_string()),
            ],
        ),
        tw(
            "training.progress.week_from",
            &[("date", &fmt::date(w.starts_on))],
        ),
    )
}

#[component]
fn Weeks(answers: Memo<Vec<ExerciseAnswer>>) -> impl IntoView {
    let weeks = Memo::new(move |_| answers.with(|a| scores::by_week(a, &chrono::Local)));
    // The topics practised in any week: the table's columns.
    let practised = Memo::new(move |_| {
        weeks.with(|ws| {
            Topic::ALL
                .iter()
                .copied()
                .filter(|t| ws.iter().any(|w| w.topic(*t).is_some()))
                .collect::<Vec<_>>()
        })
    });
    let chart = move || {
        let ws = weeks.get();
        let shown: Vec<&WeekScores> = ws.iter().rev().take(CHART_WEEKS).rev().collect();
        let summary = shown
            .iter()
            .map(|w| {
                tw(
                    "training.progress.chart_item",
                    &[
                        ("week", &w.starts_on.iso_week().week().to_string()),
                        ("percent", &percent(w.total.percent().unwrap_or(0))),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let label = tw("training.progress.chart_label", &[("weeks", &summary)]);
        let title = label.clone();
        let n = shown.len().max(1);
        let slot = 100.0 / n as f64;
        let bars = shown
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let p = f64::from(w.total.percent().unwrap_or(0));
                let h = p.max(1.0);
                view! {
                    <rect
                        class="training-bar"
                        x=format!("{:.2}", i as f64 * slot + slot * 0.15)
                        y=format!("{:.2}", 100.0 - h)
                        width=format!("{:.2}", slot * 0.7)
                        height=format!("{h:.2}")
                    ></rect>
                }
            })
            .collect_view();
        let ticks = shown
            .iter()
            .map(|w| view! { <li>{w.starts_on.iso_week().week()}</li> })
            .collect_view();
        view! {
            <div class="training-chart-wrap">
                <svg
                    class="training-chart"
                    role="img"
                    aria-label=label
                    viewBox="0 0 100 100"
                    preserveAspectRatio="none"
                    width="100%"
                    height="120"
                >
                    <title>{title}</title>
                    <line class="training-axis" x1="0" y1="100" x2="100" y2="100"></line>
                    {bars}
                </svg>
                <ol class="training-chart-labels" aria-hidden="true">{ticks}</ol>
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="progress-weeks-heading">
            <h2 id="progress-weeks-heading">{tr_fn("training.progress.weeks")}</h2>
            <p class="hint">{tr_fn("training.progress.weeks_intro")}</p>
            {chart}
            <ScrollArea label=Signal::derive(tr_fn("training.progress.weeks_table"))>
                <table class="data-table training-table training-weeks">
                    <caption class="visually-hidden">{tr_fn("training.progress.weeks_table")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr_fn("training.progress.col.week")}</th>
                            <th scope="col" class="num">{tr_fn("training.progress.col.all")}</th>
                            {move || {
                                practised
                                    .get()
                                    .into_iter()
                                    .map(|t| view! { <th scope="col" class="num">{tr(t.key())}</th> })
                                    .collect_view()
                            }}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let cols = practised.get();
                            weeks
                                .get()
                                .into_iter()
                                .rev()
                                .map(|w| {
                                    let (name, from) = week_name(&w);
                                    let cells = cols
                                        .iter()
                                        .map(|t| view! { <td class="num">{score_cell(w.topic(*t))}</td> })
                                        .collect_view();
                                    view! {
                                        <tr>
                                            <th scope="row">
                                                <span>{name}</span>
                                                <span class="hint training-count">{from}</span>
                                            </th>
                                            <td class="num">{score_cell(Some(w.total))}</td>
                                            {cells}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </ScrollArea>
        </section>
    }
}

#[component]
fn Latest(answers: Memo<Vec<ExerciseAnswer>>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="progress-latest-heading">
            <h2 id="progress-latest-heading">{tr_fn("training.progress.latest")}</h2>
            <ScrollArea label=Signal::derive(tr_fn("training.progress.latest"))>
                <table class="data-table training-table">
                    <caption class="visually-hidden">{tr_fn("training.progress.latest")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr_fn("training.progress.col.when")}</th>
                            <th scope="col">{tr_fn("training.progress.col.topic")}</th>
                            <th scope="col">{tr_fn("training.progress.col.result")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            answers.with(|a| {
                                scores::latest(a, LATEST)
                                    .into_iter()
                                    .map(|a| {
                                        let result = if a.correct { "training.progress.right" } else { "training.progress.wrong" };
                                        view! {
                                            <tr>
                                                <td>{fmt::datetime(a.answered_at)}</td>
                                                <td>{tr(a.topic.key())}</td>
                                                <td>{tr(result)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            })
                        }}
                    </tbody>
                </table>
            </ScrollArea>
        </section>
    }
}

#[component]
fn DownloadButton(answers: Memo<Vec<ExerciseAnswer>>) -> impl IntoView {
    let toasts = use_toasts();
    let download = move |_| {
        let report = answers.with_untracked(|a| {
            scores::report(a, chrono::Utc::now(), &chrono::Local, |t| tr(t.key()))
        });
        let name = scores::report_file_name(fmt::today());
        let done = serde_json::to_string_pretty(&report)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                crate::state::backup::download_text(&text, &name, "application/json")
                    .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
            });
        match done {
            Ok(()) => toasts.push(
                ToastKind::Success,
                tw("training.progress.downloaded", &[("file", &name)]),
            ),
            Err(detail) => toasts.push(
                ToastKind::Error,
                tw("training.progress.download_failed", &[("detail", &detail)]),
            ),
        }
    };
    view! {
        <button type="button" on:click=download>{tr_fn("training.progress.download")}</button>
    }
}

#[component]
fn ClearAnswers(answers: Memo<Vec<ExerciseAnswer>>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let asking = RwSignal::new(false);
    let count = move || answers.with(Vec::len);
    let clear = move |_| {
        asking.set(false);
        let list = answers.get_untracked();
        spawn_local(async move {
            match act::clear_answers(data, list).await {
                Ok(gone) => toasts.push_with_action(
                    ToastKind::Success,
                    tc("training.progress.cleared", gone.len(), &[]),
                    tr("training.progress.undo"),
                    move || {
                        let back = gone.clone();
                        spawn_local(async move {
                            match act::undo_clear_answers(data, back).await {
                                Ok(back) => toasts.push(
                                    ToastKind::Success,
                                    tc("training.progress.restored", back.len(), &[]),
                                ),
                                Err(e) => report_store_error(toasts, &e),
                            }
                        });
                    },
                ),
                Err(e) => report_store_error(toasts, &e),
            }
        });
    };
    view! {
        <section class="card no-print" aria-labelledby="progress-clear-heading">
            <h2 id="progress-clear-heading">{tr_fn("training.progress.clear_title")}</h2>
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <div class="actions">
                        <button type="button" class="danger" on:click=move |_| asking.set(true)>
                            {tr_fn("training.progress.clear")}
                        </button>
                    </div>
                }
            >
                <div class="notice notice-warning" role="alertdialog" aria-labelledby="progress-clear-text">
                    <p id="progress-clear-text">{move || tc("training.progress.clear_confirm", count(), &[])}</p>
                    <div class="actions">
                        <button type="button" class="danger" on:click=clear>
                            {move || tc("training.progress.clear_yes", count(), &[])}
                        </button>
                        <button type="button" on:click=move |_| asking.set(false)>{tr_fn("form.cancel")}</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
