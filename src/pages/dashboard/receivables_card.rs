//! The dashboard's receivables card: the overdue total by aging bucket, as a chart with its table.

use crate::domain::money::Money;
use crate::domain::receivable::aging::{self, AgingBucket};
use crate::state::data::use_data;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::fmt;
use crate::ui::link::href;
use crate::ui::receivables::{sums_text, BucketTable};
use leptos::prelude::*;

#[component]
pub fn ReceivablesCard() -> impl IntoView {
    let data = use_data();
    let totals = Memo::new(move |_| {
        data.invoices
            .with_all(|m| aging::totals_by_bucket(m.values(), fmt::today()))
    });
    let overdue = Memo::new(move |_| {
        totals
            .get()
            .into_iter()
            .filter(|(b, _)| *b != AgingBucket::NotDue)
            .collect::<Vec<_>>()
    });
    let chart = move || {
        let rows = overdue.get();
        // The chart draws the currency with the largest overdue sum; the table has them all.
        let all = aging::overdue_total(&totals.get());
        let currency = all
            .iter()
            .max_by_key(|(_, v)| **v)
            .map(|(c, _)| c.clone())
            .unwrap_or_default();
        let get = |t: &aging::BucketTotal| t.by_currency.get(&currency).copied().unwrap_or(0);
        let max = rows.iter().map(|(_, t)| get(t)).max().unwrap_or(0).max(1);
        let label = tw(
            "receivable.card.chart_label",
            &[
                ("currency", currency.code()),
                (
                    "buckets",
                    &rows
                        .iter()
                        .map(|(b, t)| {
                            format!(
                                "{}: {}",
                                tr(b.key()),
                                fmt::money(&Money::new(get(t), currency.clone()))
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            ],
        );
        let label2 = label.clone();
        let bar_h = 22;
        let gap = 8;
        let height = rows.len() as i64 * (bar_h + gap);
        let bars = rows
            .iter()
            .enumerate()
            .map(|(i, (b, t))| {
                let v = get(t);
                let w = if v > 0 {
                    ((v as f64) / (max as f64) * 100.0).max(1.0)
                } else {
                    0.0
                };
                let y = i as i64 * (bar_h + gap);
                let class = format!("bucket-bar {}", b.code());
                view! {
                    <rect class=class x="0" y=y.to_string() width=format!("{w:.2}") height=bar_h.to_string()></rect>
                }
            })
            .collect_view();
        view! {
            <svg
                class="receivables-chart"
                role="img"
                aria-label=label2
                viewBox=format!("0 0 100 {height}")
                preserveAspectRatio="none"
                width="100%"
                height=height.to_string()
            >
                <title>{label}</title>
                {bars}
            </svg>
        }
    };
    view! {
        <section class="card receivables-card" aria-labelledby="receivables-card-heading">
            <h2 id="receivables-card-heading">{tr_fn("receivable.card.title")}</h2>
            <p class="dash-total">
                {move || tw("receivable.card.total", &[("amount", &sums_text(&aging::overdue_total(&totals.get())))])}
            </p>
            <div class="receivables-chart-wrap">
                <ul class="receivables-chart-labels" aria-hidden="true">
                    {move || overdue.get().into_iter().map(|(b, _)| view! { <li>{tr(b.key())}</li> }).collect_view()}
                </ul>
                {chart}
            </div>
            <BucketTable totals=overdue caption_key="receivable.card.table" class="receivables-card-table" show_caption=true/>
            <p><a href=href("/receivables")>{tr_fn("receivable.card.open")}</a></p>
        </section>
    }
}
