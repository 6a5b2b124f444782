//! The ledger's chart, per issue: both sides' positions round by round (our line and
//! theirs, with our target and bottom line for reference), and the size of each of our
//! concessions, so the shrinking — or not — shows at a glance. Each drawing is an image
//! with a summary in words; the table under them holds the same figures.

use super::ledger::{issue_name, money_text, position_text, with_unit};
use super::*;
use crate::domain::negotiation::ledger::{self, Flags};
use crate::domain::negotiation::{Issue, Negotiation, Position, Round, Side};
use crate::state::tc;
use crate::state::tr_fn;
use crate::ui::fmt;
use crate::ui::form::SelectField;
use crate::ui::scroll_area::ScrollArea;

const W: f64 = 360.0;
const H: f64 = 220.0;
const LEFT: f64 = 50.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 26.0;
const BARS_H: f64 = 130.0;

/// What the chart of one issue shows.
#[derive(Clone, PartialEq)]
struct IssueChart {
    issue: Issue,
    /// The rounds on the issue: number in the ledger, the round, its flags, its value.
    rounds: Vec<(usize, Round, Flags, Option<i64>)>,
    currency: crate::domain::money::Currency,
}

fn chart_of(n: &Negotiation, id: Id) -> Option<IssueChart> {
    let issue = n.issue(id)?.clone();
    let flags = ledger::ledger_flags(n);
    let rounds = ledger::rounds_on(n, id)
        .into_iter()
        .map(|(k, r)| (k, r.clone(), flags[k - 1], ledger::round_value(n, r)))
        .collect();
    Some(IssueChart {
        issue,
        rounds,
        currency: n.currency.clone(),
    })
}

/// Our or their positions as chart points: where they started, then after each move.
fn line(c: &IssueChart, side: Side) -> Vec<(usize, Position)> {
    let mut out = Vec::new();
    for (j, (_, r, _, _)) in c.rounds.iter().enumerate() {
        if r.side != side {
            continue;
        }
        if out.is_empty() {
            out.push((j, r.from));
        }
        out.push((j + 1, r.to));
    }
    out
}

/// "we moved from 30 to 55 days" / "we have not moved".
fn moved_text(c: &IssueChart, side: Side) -> String {
    let pts = line(c, side);
    let (key, none) = match side {
        Side::Us => (
            "negotiation_ledger.chart.we_moved",
            "negotiation_ledger.chart.we_still",
        ),
        Side::Them => (
            "negotiation_ledger.chart.they_moved",
            "negotiation_ledger.chart.they_still",
        ),
    };
    match (pts.first(), pts.last()) {
        (Some((_, a)), Some((_, b))) => tw(
            key,
            &[
                ("from", &position_text(*a)),
                ("to", &with_unit(*b, Some(&c.issue), &c.currency)),
            ],
        ),
        _ => tr(none),
    }
}

fn positions_label(c: &IssueChart) -> String {
    tw(
        "negotiation_ledger.chart.positions_label",
        &[
            ("issue", &issue_name(&c.issue)),
            (
                "rounds",
                &tc("negotiation_ledger.chart.rounds", c.rounds.len(), &[]),
            ),
            ("us", &moved_text(c, Side::Us)),
            ("them", &moved_text(c, Side::Them)),
            (
                "target",
                &with_unit(c.issue.target, Some(&c.issue), &c.currency),
            ),
            (
                "bottom",
                &with_unit(c.issue.bottom, Some(&c.issue), &c.currency),
            ),
        ],
    )
}

/// Our concessions on the issue: (round number, size, not smaller than the one before).
fn our_concessions(c: &IssueChart) -> Vec<(usize, Position, bool)> {
    c.rounds
        .iter()
        .filter(|(_, r, f, _)| r.side == Side::Us && f.concession)
        .map(|(k, r, f, _)| (*k, ledger::step(r), f.not_smaller.is_some()))
        .collect()
}

fn bars_label(c: &IssueChart) -> String {
    let list = our_concessions(c);
    if list.is_empty() {
        return tw(
            "negotiation_ledger.chart.no_concessions",
            &[("issue", &issue_name(&c.issue))],
        );
    }
    let sizes = list
        .iter()
        .map(|(k, step, warn)| {
            let s = tw(
                "negotiation_ledger.chart.bar",
                &[
                    ("n", &k.to_string()),
                    ("size", &with_unit(*step, Some(&c.issue), &c.currency)),
                ],
            );
            if *warn {
                format!("{s} ({})", tr("negotiation_ledger.chart.not_smaller"))
            } else {
                s
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    tw(
        "negotiation_ledger.chart.bars_label",
        &[("issue", &issue_name(&c.issue)), ("sizes", &sizes)],
    )
}

/// The positions drawing.
fn positions_svg(c: &IssueChart) -> impl IntoView {
    let k = c.rounds.len().max(1) as f64;
    let mut values: Vec<i64> = vec![c.issue.opening.0, c.issue.target.0, c.issue.bottom.0];
    for (_, r, _, _) in &c.rounds {
        values.extend([r.from.0, r.to.0]);
    }
    let (lo, hi) = (
        *values.iter().min().unwrap_or(&0),
        *values.iter().max().unwrap_or(&0),
    );
    let span = ((hi - lo) as f64).max(1.0);
    let (lo_f, hi_f) = (lo as f64 - span * 0.08, hi as f64 + span * 0.08);
    let pw = W - LEFT - RIGHT;
    let ph = H - TOP - BOTTOM;
    let x = move |j: usize| LEFT + j as f64 * pw / k;
    let y = move |v: i64| TOP + (hi_f - v as f64) / (hi_f - lo_f) * ph;
    let path = |pts: &[(usize, Position)]| {
        pts.iter()
            .map(|(j, p)| format!("{:.1},{:.1}", x(*j), y(p.0)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let us = line(c, Side::Us);
    let them = line(c, Side::Them);
    let label = positions_label(c);
    let title = label.clone();
    let reference = |p: Position, class: &'static str, key: &'static str| {
        let yy = y(p.0);
        view! {
            <line class=class x1=LEFT x2=W - RIGHT y1=yy y2=yy></line>
            <text class="ref-label" x=LEFT + 4.0 y=yy - 4.0>
                {tw(key, &[("value", &position_text(p))])}
            </text>
        }
    };
    let ticks = (0..=c.rounds.len())
        .map(|j| {
            let t = if j == 0 {
                tr("negotiation_ledger.chart.start")
            } else {
                format!("#{}", c.rounds[j - 1].0)
            };
            let anchor = if j == 0 { "start" } else { "middle" };
            view! { <text class="tick" x=x(j) y=H - 8.0 text-anchor=anchor>{t}</text> }
        })
        .collect_view();
    let marks = |pts: &[(usize, Position)], class: &'static str, square: bool| {
        pts.iter()
            .map(|(j, p)| {
                let (cx, cy) = (x(*j), y(p.0));
                if square {
                    view! { <rect class=class x=cx - 4.0 y=cy - 4.0 width="8" height="8"></rect> }
                        .into_any()
                } else {
                    view! { <circle class=class cx=cx cy=cy r="4.5"></circle> }.into_any()
                }
            })
            .collect_view()
    };
    view! {
        <svg
            class="chart-svg"
            viewBox=format!("0 0 {W} {H}")
            role="img"
            aria-label=label
            preserveAspectRatio="xMidYMid meet"
        >
            <title>{title}</title>
            <line class="axis" x1=LEFT x2=LEFT y1=TOP y2=H - BOTTOM></line>
            <line class="axis" x1=LEFT x2=W - RIGHT y1=H - BOTTOM y2=H - BOTTOM></line>
            <text class="tick" x=LEFT - 6.0 y=y(hi) + 4.0 text-anchor="end">{position_text(Position(hi))}</text>
            <text class="tick" x=LEFT - 6.0 y=y(lo) + 4.0 text-anchor="end">{position_text(Position(lo))}</text>
            {reference(c.issue.bottom, "ref-bottom", "negotiation_ledger.chart.bottom")}
            {reference(c.issue.target, "ref-target", "negotiation_ledger.chart.target")}
            {ticks}
            <polyline class="line-them" points=path(&them)></polyline>
            <polyline class="line-us" points=path(&us)></polyline>
            {marks(&them, "mark-them", true)}
            {marks(&us, "mark-us", false)}
        </svg>
    }
}

/// The bars of our concession sizes.
fn bars_svg(c: &IssueChart) -> impl IntoView {
    let list = our_concessions(c);
    let label = bars_label(c);
    let title = label.clone();
    let max = list.iter().map(|(_, s, _)| s.0).max().unwrap_or(1).max(1) as f64;
    let count = list.len().max(1) as f64;
    let pw = W - LEFT - RIGHT;
    let ph = BARS_H - TOP - BOTTOM - 6.0;
    let slot = pw / count;
    let bw = (slot * 0.6).min(48.0);
    let bars = list
        .into_iter()
        .enumerate()
        .map(|(i, (k, step, warn))| {
            let h = (step.0 as f64 / max * ph).max(2.0);
            let cx = LEFT + slot * (i as f64 + 0.5);
            let top = BARS_H - BOTTOM - h;
            let size = position_text(step);
            view! {
                <rect class=if warn { "bar warn" } else { "bar" } x=cx - bw / 2.0 y=top width=bw height=h></rect>
                <text class="bar-value" x=cx y=top - 4.0 text-anchor="middle">
                    {if warn { format!("{size} !") } else { size }}
                </text>
                <text class="tick" x=cx y=BARS_H - 8.0 text-anchor="middle">{format!("#{k}")}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="chart-svg bars" viewBox=format!("0 0 {W} {BARS_H}") role="img" aria-label=label>
            <title>{title}</title>
            <line class="axis" x1=LEFT x2=W - RIGHT y1=BARS_H - BOTTOM y2=BARS_H - BOTTOM></line>
            {bars}
        </svg>
    }
}

/// The same figures as a table.
fn figures_table(c: &IssueChart) -> impl IntoView {
    let caption = tw(
        "negotiation_ledger.chart.table_caption",
        &[("issue", &issue_name(&c.issue))],
    );
    let rows = c
        .rounds
        .iter()
        .map(|(k, r, f, v)| {
            let remark = if f.not_smaller.is_some() {
                tr("negotiation_ledger.chart.not_smaller")
            } else if f.retraction {
                tr("negotiation_ledger.chart.retraction")
            } else if f.concession && r.side == Side::Us {
                tr("negotiation_ledger.chart.our_concession")
            } else if f.concession {
                tr("negotiation_ledger.chart.their_concession")
            } else {
                String::new()
            };
            view! {
                <tr>
                    <th scope="row" class="num">{k.to_string()}</th>
                    <td class="nowrap">{fmt::date(r.on)}</td>
                    <td>{tr(r.side.key())}</td>
                    <td class="num nowrap">{position_text(r.from)}</td>
                    <td class="num nowrap">{position_text(r.to)}</td>
                    <td class="num nowrap">{with_unit(ledger::step(r), Some(&c.issue), &c.currency)}</td>
                    <td class="num nowrap">{v.map(|v| money_text(v, &c.currency))}</td>
                    <td>{remark}</td>
                </tr>
            }
        })
        .collect_view();
    let table_label = caption.clone();
    view! {
        <ScrollArea label=table_label>
            <table class="data-table wide">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="num">"#"</th>
                        <th scope="col">{tr("negotiation_ledger.field.on")}</th>
                        <th scope="col">{tr("negotiation_ledger.col.side")}</th>
                        <th scope="col" class="num">{tr("negotiation_ledger.field.from")}</th>
                        <th scope="col" class="num">{tr("negotiation_ledger.field.to")}</th>
                        <th scope="col" class="num">{tr("negotiation_ledger.col.step")}</th>
                        <th scope="col" class="num">{tr("negotiation_ledger.field.value")}</th>
                        <th scope="col">{tr("negotiation_ledger.chart.remark")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </ScrollArea>
    }
}

#[component]
pub(super) fn LedgerChart(n: Memo<Option<Negotiation>>) -> impl IntoView {
    // The issue shown: the one with the most rounds, until the rep picks another.
    let shown = RwSignal::new(String::new());
    let auto = StoredValue::new(String::new());
    let options = super::ledger::issue_options(n);
    Effect::new(move |_| {
        let (busiest, known) = n.with(|n| {
            let Some(n) = n.as_ref() else {
                return (String::new(), false);
            };
            let cur = shown.get_untracked().parse().ok();
            (
                ledger::busiest_issue(n)
                    .map(|i| i.to_string())
                    .unwrap_or_default(),
                cur.is_some_and(|id| n.issue(id).is_some()),
            )
        });
        let cur = shown.get_untracked();
        if !known || cur == auto.get_value() {
            shown.set(busiest.clone());
            auto.set_value(busiest);
        }
    });
    let chart = Memo::new(move |_| {
        let id = shown.get().parse().ok()?;
        n.with(|n| chart_of(n.as_ref()?, id))
    });
    view! {
        <section class="subsection ledger-chart" aria-labelledby="ledger-chart-heading">
            <h3 id="ledger-chart-heading">{tr_fn("negotiation_ledger.chart.title")}</h3>
            <SelectField
                id="chart-issue"
                label=Signal::derive(tr_fn("negotiation_ledger.chart.issue"))
                value=shown
                options=options
            />
            {move || {
                chart.get().map(|c| {
                    if c.rounds.is_empty() {
                        return view! {
                            <p class="hint">{tw("negotiation_ledger.chart.empty", &[("issue", &issue_name(&c.issue))])}</p>
                        }
                        .into_any();
                    }
                    view! {
                        <figure class="chart">
                            {positions_svg(&c)}
                            <figcaption class="chart-legend">
                                <span class="key key-us">{tr("negotiation_ledger.chart.legend_us")}</span>
                                <span class="key key-them">{tr("negotiation_ledger.chart.legend_them")}</span>
                                <span class="key key-target">{tr("negotiation_ledger.chart.legend_target")}</span>
                                <span class="key key-bottom">{tr("negotiation_ledger.chart.legend_bottom")}</span>
                            </figcaption>
                        </figure>
                        <figure class="chart">
                            <figcaption class="hint">{tr("negotiation_ledger.chart.bars_title")}</figcaption>
                            {bars_svg(&c)}
                        </figure>
                        <details class="chart-figures">
                            <summary>{tr("negotiation_ledger.chart.figures")}</summary>
                            {figures_table(&c)}
                        </details>
                    }
                    .into_any()
                })
            }}
        </section>
    }
}
