//! Response times per month of opening: a table (the figures), and a small bar chart of
//! the median hours to the first response, described in words for screen readers.

use super::*;
use crate::domain::complaint::{hours_tenths, monthly_figures, Durations, MonthFigures};
use crate::domain::pipeline::YearMonth;
use crate::state::tr_fn;
use crate::ui::scroll_area::ScrollArea;
use chrono::{Datelike, Local};

/// Hours in tenths as "1.5" ("1,5" where the comma is the decimal mark).
fn hours(tenths: i64) -> String {
    let s = format!("{}.{}", tenths / 10, tenths % 10);
    match crate::state::prefs::locale() {
        crate::i18n::Locale::En => s,
        _ => s.replace('.', ","),
    }
}

fn pair(d: Option<Durations>) -> String {
    match d {
        Some(d) => tw(
            "complaint.figures.hours",
            &[
                ("median", &hours(hours_tenths(d.median_minutes))),
                ("average", &hours(hours_tenths(d.average_minutes))),
            ],
        ),
        None => tr("complaint.figures.empty"),
    }
}

fn month_name(m: YearMonth) -> String {
    let first = chrono::NaiveDate::from_ymd_opt(m.year, m.month, 1).unwrap_or_default();
    let s = fmt::date(first);
    // "1 May 2026" / "1 may 2026" → "May 2026"
    s.split_once(' ').map(|(_, r)| r.to_string()).unwrap_or(s)
}

#[component]
pub(super) fn FiguresSection(register: Memo<Vec<Complaint>>) -> impl IntoView {
    let figures = Memo::new(move |_| {
        let today = Local::now().date_naive();
        let through = YearMonth::new(today.year(), today.month());
        register.with(|l| {
            if l.is_empty() {
                Vec::new()
            } else {
                monthly_figures(l.iter(), &Local, through)
            }
        })
    });
    view! {
        <section class="card complaint-figures" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{tr_fn("complaint.figures.title")}</h2>
            <p class="hint">{tr_fn("complaint.figures.intro")}</p>
            <Show
                when=move || figures.with(|f| f.iter().any(|m| m.opened > 0))
                fallback=|| view! { <p class="hint">{tr("complaint.figures.none")}</p> }
            >
                <Chart figures=figures/>
                <ScrollArea label=Signal::derive(tr_fn("complaint.figures.title"))>
                    <table class="data-table">
                        <caption class="visually-hidden">{tr("complaint.figures.title")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{tr("complaint.figures.month")}</th>
                                <th scope="col" class="num">{tr("complaint.figures.opened")}</th>
                                <th scope="col" class="num">{tr("complaint.figures.answered")}</th>
                                <th scope="col" class="num">{tr("complaint.figures.first_response")}</th>
                                <th scope="col" class="num">{tr("complaint.figures.on_site")}</th>
                                <th scope="col" class="num">{tr("complaint.figures.resolution")}</th>
                                <th scope="col" class="num">{tr("complaint.figures.share_resolved")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || figures.get().into_iter().rev().map(|m: MonthFigures| view! {
                                <tr>
                                    <th scope="row">{month_name(m.month)}</th>
                                    <td class="num">{m.opened}</td>
                                    <td class="num">{m.answered}</td>
                                    <td class="num">{pair(m.to_first_response)}</td>
                                    <td class="num">{pair(m.to_on_site)}</td>
                                    <td class="num">{pair(m.to_resolution)}</td>
                                    <td class="num">
                                        {m.share_resolved_bp().map(fmt::percent).unwrap_or_else(|| tr("complaint.figures.empty"))}
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </ScrollArea>
            </Show>
        </section>
    }
}

/// Median hours to the first response, one bar per month (the last twelve), with the
/// same figures in its accessible name.
#[component]
fn Chart(figures: Memo<Vec<MonthFigures>>) -> impl IntoView {
    move || {
        let all = figures.get();
        let recent: Vec<&MonthFigures> = all.iter().rev().take(12).rev().collect();
        let values: Vec<(String, Option<i64>)> = recent
            .iter()
            .map(|m| {
                (
                    month_name(m.month),
                    m.to_first_response.map(|d| hours_tenths(d.median_minutes)),
                )
            })
            .collect();
        let max = values
            .iter()
            .filter_map(|(_, v)| *v)
            .max()
            .unwrap_or(0)
            .max(1);
        let words = values
            .iter()
            .map(|(m, v)| {
                tw(
                    "complaint.figures.chart_value",
                    &[
                        ("month", m),
                        (
                            "hours",
                            &v.map(hours)
                                .unwrap_or_else(|| tr("complaint.figures.empty")),
                        ),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let label = tw("complaint.figures.chart_label", &[("values", &words)]);
        let n = values.len().max(1) as i64;
        let width = 48 * n;
        let bars = values
            .into_iter()
            .enumerate()
            .map(|(i, (month, v))| {
                let h = v.map(|v| (v * 48 / max).max(2)).unwrap_or(0);
                let x = i as i64 * 48;
                let short: String = month.chars().take(3).collect();
                view! {
                    <rect
                        x=(x + 12).to_string()
                        y=(64 - h).to_string()
                        width="24"
                        height=h.to_string()
                        class="bar"
                    />
                    <text x=(x + 24).to_string() y=(60 - h).to_string() class="value">
                        {v.map(hours).unwrap_or_default()}
                    </text>
                    <text x=(x + 24).to_string() y="78" class="month">{short}</text>
                }
            })
            .collect_view();
        view! {
            <svg
                class="complaint-chart"
                role="img"
                aria-label=label
                viewBox=format!("0 0 {width} 82")
                preserveAspectRatio="xMinYMax meet"
            >
                <line x1="0" y1="64.5" x2=width.to_string() y2="64.5" class="axis"/>
                {bars}
            </svg>
        }
    }
}
