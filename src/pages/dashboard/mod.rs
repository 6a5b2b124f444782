//! The dashboard: the open pipeline per step (plain and weighted), deals that need a next
//! step, stuck deals, this month's results and the share of won value from new customers.
//!
//! Files here read state and call actions in `crate::state`, use the domain's rules and the
//! shared pieces in `crate::ui`, and import nothing from another area's pages.

mod complaints_card;
mod followup_card;
mod receivables_card;

use crate::domain::deal::Step;
use crate::domain::ids::Id;
use crate::domain::money::{Currency, Money};
use crate::domain::pipeline::{self, NextStepIssue, YearMonth};
use crate::state::data::{use_data, LoadStatus};
use crate::state::prefs::locale;
use crate::state::settings;
use crate::state::tr_fn;
use crate::state::{tc, tr, tw};
use crate::store::StoreError;
use crate::ui::deal_text::{deal_href, month_label, step_label, totals_text};
use crate::ui::fmt;
use crate::ui::scroll_area::ScrollArea;
use chrono::{NaiveDate, Utc};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use std::collections::HashMap;

/// A percentage in the current locale ("12.5" / "12,5").
fn percent(bp: u32) -> String {
    let s = pipeline::bp_to_percent_text(bp);
    match locale() {
        crate::i18n::Locale::En => s,
        _ => s.replace('.', ","),
    }
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let data = use_data();
    // The cards come once the first screen's kinds are read (the shell says it is loading
    // meanwhile): a card showing "0 open deals" before the book is read would be wrong, and
    // every card comes at once, so none is pushed down by another.
    let read = move || data.status.get() != LoadStatus::Loading;
    view! {
        <section class="page dashboard">
            <h1>{tr_fn("page.dashboard.title")}</h1>
            <Show when=read>
                <StartHere/>
                <PipelineCard/>
                <div class="dash-grid">
                    <AttentionCard/>
                    <StuckCard/>
                    <MonthCard/>
                    <ShareCard/>
                    <LaterCards/>
                </div>
            </Show>
        </section>
    }
}

/// The cards of the kinds read right after the first screen (follow-ups, invoices,
/// complaints), shown once every kind is in: their code comes in the download that reads
/// those kinds (`sixstep_book`, see `state::data`), not with the first screen. They are last
/// in the grid, so nothing above them moves when they come.
#[component]
fn LaterCards() -> impl IntoView {
    let data = use_data();
    move || {
        data.whole.get().then(|| {
            Suspend::new(async {
                // A download that fails leaves them out; the banner says why. Their texts in
                // the app's language come first (if they cannot, the cards are in English).
                let locale = untrack(crate::state::prefs::app_locale);
                let _ = send_wrapper::SendWrapper::new(crate::i18n::load::load_later(locale)).await;
                later_cards().await.unwrap_or_else(|_| ().into_any())
            })
        })
    }
}

#[wasm_split(sixstep_book, wasm_split_path = ::leptos::wasm_split, fallible)]
fn later_cards() -> Result<AnyView, StoreError> {
    Ok(view! {
        <followup_card::FollowUpCard/>
        <receivables_card::ReceivablesCard/>
        <complaints_card::ComplaintsCard/>
    }
    .into_any())
}

/// The first steps of a new book, shown until the first deal exists: each step is ticked
/// once done, and links to where it is done.
#[component]
fn StartHere() -> impl IntoView {
    let data = use_data();
    let has = move |n: usize| n > 0;
    let accounts = Memo::new(move |_| has(data.accounts.len()));
    // People come in right after the first screen: their step is ticked then.
    let people = Memo::new(move |_| data.whole.get() && has(data.contacts.len()));
    let deals = Memo::new(move |_| has(data.deals.len()));
    let step = move |done: Memo<bool>,
                     key: &'static str,
                     hint: &'static str,
                     path: &'static str| {
        view! {
            <li class:done=move || done.get()>
                <span class="visually-hidden">
                    {move || if done.get() { tr("dash.start.done") } else { tr("dash.start.todo") }}
                </span>
                <span aria-hidden="true" class="start-mark">{move || if done.get() { "✓" } else { "○" }}</span>
                " "
                <a href=crate::ui::link::href(path)>{tr_fn(key)}</a>
                <span class="hint">" — " {tr_fn(hint)}</span>
            </li>
        }
    };
    view! {
        <Show when=move || !deals.get()>
            <section class="card start-here" aria-labelledby="start-heading">
                <h2 id="start-heading">{tr_fn("dash.start.title")}</h2>
                <p>{tr_fn("dash.start.intro")}</p>
                <ol class="start-steps">
                    {step(accounts, "dash.start.account", "dash.start.account_hint", "/accounts")}
                    {step(people, "dash.start.people", "dash.start.people_hint", "/contacts")}
                    {step(deals, "dash.start.deal", "dash.start.deal_hint", "/deals")}
                </ol>
            </section>
        </Show>
        // The sample book: offered while the book has no deal, kept while it is loaded.
        <Show when=move || !deals.get() || crate::ui::sample_book::sample_loaded(data)>
            <crate::ui::sample_book::SampleBookPanel/>
        </Show>
    }
}

#[component]
fn PipelineCard() -> impl IntoView {
    let data = use_data();
    let summary = Memo::new(move |_| data.deals.with_all(|m| pipeline::open_by_step(m.values())));
    let total = Memo::new(move |_| data.deals.with_all(|m| pipeline::open_total(m.values())));
    let chart = move || {
        let rows = summary.get();
        let currency = pipeline::main_currency(
            rows.iter()
                .flat_map(|r| [&r.totals.value, &r.totals.weighted]),
        )
        .unwrap_or_default();
        let get = |t: &pipeline::CurrencyTotals| t.get(&currency).copied().unwrap_or(0);
        let max = rows
            .iter()
            .map(|r| get(&r.totals.value))
            .max()
            .unwrap_or(0)
            .max(1);
        let money = |m: i64| fmt::money(&Money::new(m, currency.clone()));
        let label = tw(
            "dash.pipeline.chart_label",
            &[
                (
                    "steps",
                    &rows
                        .iter()
                        .map(|r| {
                            tc(
                                "dash.pipeline.chart_step",
                                r.totals.count,
                                &[
                                    ("step", &step_label(r.step)),
                                    ("value", &money(get(&r.totals.value))),
                                    ("weighted", &money(get(&r.totals.weighted))),
                                ],
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                ("currency", currency.code()),
            ],
        );
        // Bars are HTML, not a scaled drawing, so their labels stay the size of the text
        // around them at every width; a bar that is not zero is never thinner than 2 px.
        let bar_w = |m: i64| {
            let pct = (m.max(0) as f64) / (max as f64) * 100.0;
            if m > 0 {
                format!("max(2px, {pct:.2}%)")
            } else {
                "0".to_string()
            }
        };
        view! {
            <div class="chart bar-chart" role="img" aria-label=label>
                {rows
                    .iter()
                    .map(|r| {
                        let v = get(&r.totals.value);
                        let w = get(&r.totals.weighted);
                        view! {
                            <div class="chart-row" aria-hidden="true">
                                <span class="chart-label">
                                    {format!("{} · {} · {}", step_label(r.step), r.totals.count, money(v))}
                                </span>
                                <span class="chart-track"><span class="chart-bar" style:width=bar_w(v)></span></span>
                                <span class="chart-track"><span class="chart-bar weighted" style:width=bar_w(w)></span></span>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="pipeline-heading">
            <h2 id="pipeline-heading">{tr_fn("dash.pipeline.title")}</h2>
            <p class="dash-total">
                {move || {
                    let t = total.get();
                    tc(
                        "dash.pipeline.total",
                        t.count,
                        &[
                            ("value", &totals_text(&t.value)),
                            ("weighted", &totals_text(&t.weighted)),
                        ],
                    )
                }}
            </p>
            <div class="pipeline-layout">
                <figure class="chart-figure">
                    {chart}
                    <figcaption class="chart-legend">
                        <span class="legend-item"><span class="swatch" aria-hidden="true"></span>{tr_fn("dash.pipeline.legend_value")}</span>
                        <span class="legend-item"><span class="swatch weighted" aria-hidden="true"></span>{tr_fn("dash.pipeline.legend_weighted")}</span>
                    </figcaption>
                </figure>
                <ScrollArea label=Signal::derive(tr_fn("dash.pipeline.table_caption"))>
                    <table class="data-table pipeline-table stack-narrow">
                        <caption>{tr_fn("dash.pipeline.table_caption")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{tr_fn("deals_ui.deal.step")}</th>
                                <th scope="col" class="num">{tr_fn("dash.pipeline.count")}</th>
                                <th scope="col" class="num">{tr_fn("dash.pipeline.value")}</th>
                                <th scope="col" class="num">{tr_fn("dash.pipeline.weighted")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                // The column names, also naming each figure when a row is a
                                // block on a phone.
                                let [c, v, w] = column_names();
                                summary
                                    .get()
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <tr>
                                                <th scope="row">{step_label(r.step)}</th>
                                                <td class="num" data-label=c.clone()>{fmt::number(r.totals.count as i64)}</td>
                                                <td class="num" data-label=v.clone()>{totals_text(&r.totals.value)}</td>
                                                <td class="num" data-label=w.clone()>{totals_text(&r.totals.weighted)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                        <tfoot>
                            {move || {
                                let t = total.get();
                                let [c, v, w] = column_names();
                                view! {
                                    <tr>
                                        <th scope="row">{tr("dash.pipeline.all")}</th>
                                        <td class="num" data-label=c>{fmt::number(t.count as i64)}</td>
                                        <td class="num" data-label=v>{totals_text(&t.value)}</td>
                                        <td class="num" data-label=w>{totals_text(&t.weighted)}</td>
                                    </tr>
                                }
                            }}
                        </tfoot>
                    </table>
                </ScrollArea>
            </div>
        </section>
    }
}

/// The pipeline table's figure columns: count, value, weighted value.
fn column_names() -> [String; 3] {
    [
        "dash.pipeline.count",
        "dash.pipeline.value",
        "dash.pipeline.weighted",
    ]
    .map(tr)
}

#[component]
fn AttentionCard() -> impl IntoView {
    let data = use_data();
    let rows = Memo::new(move |_| {
        data.deals.with_all(|m| {
            pipeline::next_step_attention(m.values(), fmt::today())
                .into_iter()
                .map(|a| {
                    let why = Attention {
                        overdue: match a.issue {
                            NextStepIssue::Missing => None,
                            NextStepIssue::Overdue { due, days_late } => Some((due, days_late)),
                        },
                        step: a.deal.step,
                        open: a.deal.is_open(),
                    };
                    (a.deal.id, a.deal.title.clone(), why)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card" aria-labelledby="attention-heading">
            <h2 id="attention-heading">{tr_fn("dash.attention.title")}</h2>
            <DealList rows=rows empty_key="dash.attention.none" show_all_key="dash.attention.show_all"/>
        </section>
    }
}

/// Why a deal is in a dashboard list, put in words only for the rows shown: a long list
/// (a book's hundreds of deals without a next step) is counted and ordered, not written out.
trait Why: Clone + PartialEq + Eq + std::hash::Hash + Send + Sync + 'static {
    fn text(&self) -> String;
}

impl Why for String {
    fn text(&self) -> String {
        self.clone()
    }
}

/// A deal without a next step, or with one overdue (its due date and the days since).
#[derive(Clone, PartialEq, Eq, Hash)]
struct Attention {
    overdue: Option<(NaiveDate, i64)>,
    step: Step,
    open: bool,
}

impl Why for Attention {
    fn text(&self) -> String {
        let why = match self.overdue {
            None => tr("deals_ui.badge.no_next_step"),
            Some((due, days_late)) => tc(
                "dash.attention.overdue",
                usize::try_from(days_late).unwrap_or(0),
                &[("date", &fmt::date(due))],
            ),
        };
        // Where the deal stands, so the rep knows what the missing step is for.
        let place = if self.open {
            step_label(self.step)
        } else {
            tw(
                "deal_page.attention.won_in",
                &[("step", &step_label(self.step))],
            )
        };
        format!("{why} · {place}")
    }
}

/// A deal in its step for longer than the threshold.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Stuck {
    days: usize,
    step: Step,
}

impl Why for Stuck {
    fn text(&self) -> String {
        tc(
            "dash.stuck.days",
            self.days,
            &[("step", &step_label(self.step))],
        )
    }
}

/// Rows a dashboard list shows until "Show all" is pressed: the most urgent come first.
const LIST_FIRST: usize = 10;

/// A list of deals with why each is listed: the first [`LIST_FIRST`], then all on request.
#[component]
fn DealList<W: Why>(
    rows: Memo<Vec<(Id, String, W)>>,
    empty_key: &'static str,
    /// The "Show all {count}" button's catalogue key.
    show_all_key: &'static str,
) -> impl IntoView {
    let all = RwSignal::new(false);
    let count = move || rows.with(Vec::len);
    let shown = move || {
        let n = if all.get() { usize::MAX } else { LIST_FIRST };
        rows.with(|r| r.iter().take(n).cloned().collect::<Vec<_>>())
    };
    view! {
        <Show
            when=move || { count() > 0 }
            fallback=move || view! { <p class="hint">{tr(empty_key)}</p> }
        >
            <ul class="plain-list dash-list">
                <For
                    each=shown
                    key=|row| row.clone()
                    children=|(id, title, why)| {
                        view! {
                            <li>
                                <a href=deal_href(id)>{title}</a>
                                <span class="hint">" — " {move || why.text()}</span>
                            </li>
                        }
                    }
                />
            </ul>
            <Show when=move || { !all.get() && count() > LIST_FIRST }>
                <button type="button" class="link-button" on:click=move |_| all.set(true)>
                    {move || tw(show_all_key, &[("count", &fmt::number(count() as i64))])}
                </button>
            </Show>
        </Show>
    }
}

#[component]
fn StuckCard() -> impl IntoView {
    let data = use_data();
    // A work setting: it arrives from the database after start-up and follows an import.
    let threshold = Memo::new(move |_| settings::stuck_days());
    let rows = Memo::new(move |_| {
        data.deals.with_all(|m| {
            pipeline::stuck(m.values(), Utc::now(), threshold.get())
                .into_iter()
                .map(|s| {
                    let why = Stuck {
                        days: usize::try_from(s.days_in_step).unwrap_or(0),
                        step: s.deal.step,
                    };
                    (s.deal.id, s.deal.title.clone(), why)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card" aria-labelledby="stuck-heading">
            <h2 id="stuck-heading">{tr_fn("dash.stuck.title")}</h2>
            <p class="hint">
                {move || tc("dash.stuck.threshold", threshold.get() as usize, &[])}
                " " <a href=crate::ui::link::href("/settings#deal-settings")>{tr_fn("dash.change_in_settings")}</a>
            </p>
            <DealList rows=rows empty_key="dash.stuck.none" show_all_key="dash.stuck.show_all"/>
        </section>
    }
}

#[component]
fn MonthCard() -> impl IntoView {
    let data = use_data();
    let month = YearMonth::of(fmt::today());
    let results = Memo::new(move |_| {
        data.deals
            .with_all(|m| pipeline::results_in_month(m.values(), month))
    });
    view! {
        <section class="card" aria-labelledby="month-heading">
            <h2 id="month-heading">
                {move || tw("dash.month.title", &[("month", &month_label(month))])}
            </h2>
            <dl class="facts">
                <dt>{tr_fn("deal.outcome.won")}</dt>
                <dd>
                    {move || {
                        let r = results.get();
                        tw("dash.month.line", &[("count", &fmt::number(r.won.count as i64)), ("value", &totals_text(&r.won.value))])
                    }}
                </dd>
                <dt>{tr_fn("deal.outcome.lost")}</dt>
                <dd>
                    {move || {
                        let r = results.get();
                        tw("dash.month.line", &[("count", &fmt::number(r.lost.count as i64)), ("value", &totals_text(&r.lost.value))])
                    }}
                </dd>
                <dt>{tr_fn("deal.outcome.declined")}</dt>
                <dd>
                    {move || {
                        let r = results.get();
                        tw("dash.month.line", &[("count", &fmt::number(r.declined.count as i64)), ("value", &totals_text(&r.declined.value))])
                    }}
                </dd>
            </dl>
        </section>
    }
}

#[component]
fn ShareCard() -> impl IntoView {
    let data = use_data();
    let target = Memo::new(move |_| settings::new_customer_target_bp());
    let today = fmt::today();
    let (from, to) = pipeline::year_to_date(today);
    let shares = Memo::new(move |_| {
        let since: HashMap<Id, Option<NaiveDate>> = data
            .accounts
            .with_all(|m| m.values().map(|a| (a.id, a.customer_since)).collect());
        data.deals.with_all(|m| {
            pipeline::new_customer_share(m.values(), from, to, target.get(), |deal| {
                let won_on = match deal.outcome {
                    crate::domain::deal::Outcome::Won { at, .. } => at,
                    _ => return false,
                };
                pipeline::was_new_customer(since.get(&deal.account_id).copied().flatten(), won_on)
            })
        })
    });
    view! {
        <section class="card" aria-labelledby="share-heading">
            <h2 id="share-heading">{tr_fn("dash.share.title")}</h2>
            <p class="hint">
                {move || tw("dash.share.period", &[("from", &fmt::date(from)), ("to", &fmt::date(to)), ("target", &percent(target.get()))])}
                " " <a href=crate::ui::link::href("/settings#deal-settings")>{tr_fn("dash.change_in_settings")}</a>
            </p>
            {move || {
                let list = shares.get();
                if list.is_empty() {
                    return view! { <p>{tr("dash.share.none")}</p> }.into_any();
                }
                list.into_iter()
                    .map(|s| {
                        let cur: Currency = s.currency.clone();
                        let share = s.share_bp.unwrap_or(0);
                        let text = tw(
                            if s.met { "dash.share.line_met" } else { "dash.share.line_missed" },
                            &[
                                ("share", &percent(share)),
                                ("target", &percent(s.target_bp)),
                                ("new", &fmt::money(&Money::new(s.won_new, cur.clone()))),
                                ("won", &fmt::money(&Money::new(s.won, cur.clone()))),
                            ],
                        );
                        let fill = format!("{:.2}%", f64::from(share.min(10_000)) / 100.0);
                        let mark = format!("{:.2}%", f64::from(s.target_bp.min(10_000)) / 100.0);
                        view! {
                            <div class="share">
                                <div class="chart share-chart" role="img" aria-label=text.clone()>
                                    <span class="chart-track">
                                        <span class=if s.met { "chart-bar met" } else { "chart-bar" } style:width=fill></span>
                                    </span>
                                    <span class="chart-target" style:left=mark></span>
                                </div>
                                <p>{text}</p>
                            </div>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </section>
    }
}
