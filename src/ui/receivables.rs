//! Pieces of the receivables that two areas show: sums per currency in words, and the
//! table of outstanding totals by age (the Receivables page and the dashboard's card).

use crate::domain::money::{Currency, Money};
use crate::domain::receivable::aging::{self, AgingBucket, BucketTotal};
use crate::state::tr;
use crate::state::tr_fn;
use crate::ui::fmt;
use crate::ui::scroll_area::ScrollArea;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Sums per currency as text ("€1,200.00 + $300.00"; "—" for none).
pub fn sums_text(sums: &BTreeMap<Currency, i64>) -> String {
    let parts: Vec<String> = sums
        .iter()
        .filter(|(_, v)| **v != 0)
        .map(|(c, v)| fmt::money(&Money::new(*v, c.clone())))
        .collect();
    if parts.is_empty() {
        "—".into()
    } else {
        parts.join(" + ")
    }
}

/// The outstanding totals by age: one row per bucket given, with its number of invoices
/// and the sums; `caption_key` names the table (shown when `show_caption`), and
/// `with_total` adds the overdue total as the table's foot.
#[component]
pub fn BucketTable(
    #[prop(into)] totals: Signal<Vec<(AgingBucket, BucketTotal)>>,
    caption_key: &'static str,
    class: &'static str,
    #[prop(optional)] show_caption: bool,
    #[prop(optional)] with_total: bool,
) -> impl IntoView {
    view! {
        <ScrollArea label=Signal::derive(tr_fn(caption_key))>
            <table class=format!("data-table {class}")>
                <caption class:visually-hidden=!show_caption>{tr_fn(caption_key)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr_fn("receivable.col.age")}</th>
                        <th scope="col" class="num">{tr_fn("receivable.col.count")}</th>
                        <th scope="col" class="num">{tr_fn("receivable.col.outstanding")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || totals.get().into_iter().map(|(b, t)| view! {
                        <tr>
                            <th scope="row">{tr(b.key())}</th>
                            <td class="num">{fmt::number(t.count as i64)}</td>
                            <td class="num">{sums_text(&t.by_currency)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
                {with_total.then(|| view! {
                    <tfoot>
                        <tr>
                            <th scope="row">{tr_fn("receivable.page.overdue_total")}</th>
                            <td></td>
                            <td class="num">{move || sums_text(&aging::overdue_total(&totals.get()))}</td>
                        </tr>
                    </tfoot>
                })}
            </table>
        </ScrollArea>
    }
}
