//! Receivables (menu entry "Receivables"): every open invoice by age, with the collection
//! action the matrix proposes, and the overdue total by bucket; the printable statement of
//! an account's open invoices (`statement`, `/receivables/statement/:account`).
//!
//! Files here read state and call actions in `crate::state`, and use shared pieces from
//! `crate::ui`; they import nothing from another area's pages.

mod statement;

pub use statement::StatementPage;

use crate::domain::ids::Id;
use crate::domain::money::{Currency, Money};
use crate::domain::receivable::aging::{self, AgingBucket};
use crate::domain::receivable::{collection, Invoice};
use crate::domain::training::GuidePage;
use crate::state::data::{use_data, AppData};
use crate::state::settings::collection_thresholds;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::fmt;
use crate::ui::link::href;
use crate::ui::receivables::{sums_text, BucketTable};
use crate::ui::scroll_area::ScrollArea;
use crate::ui::why::WhyLink;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Every unpaid invoice of the book (tracked).
fn unpaid(data: AppData) -> Vec<Invoice> {
    data.invoices
        .with_all(|m| m.values().filter(|i| !i.is_paid()).cloned().collect())
}

fn account_name(data: AppData, id: Id) -> String {
    data.accounts
        .with(id, |a| a.name.clone())
        .unwrap_or_default()
}

/// Receivables → the receivables page.
#[component]
pub fn ReceivablesPage() -> impl IntoView {
    let data = use_data();
    let open = Memo::new(move |_| unpaid(data));
    let totals = Memo::new(move |_| aging::totals_by_bucket(&open.get(), fmt::today()));
    let filter = RwSignal::new(String::new());
    view! {
        <section class="page receivables">
            <h1>{tr_fn("receivable.page.title")}</h1>
            <WhyLink page=GuidePage::Receivables/>
            <p class="hint">{tr_fn("receivable.page.intro")}</p>
            <section class="card" aria-labelledby="aging-heading">
                <h2 id="aging-heading">{tr_fn("receivable.page.totals")}</h2>
                <BucketTable totals=totals caption_key="receivable.page.totals" class="bucket-table" with_total=true/>
            </section>
            <section class="card" aria-labelledby="open-heading">
                <h2 id="open-heading">{tr_fn("receivable.page.open")}</h2>
                <div class="field">
                    <label for="receivable-filter">{tr_fn("receivable.page.filter")}</label>
                    <select id="receivable-filter" on:change=move |ev| filter.set(event_target_value(&ev))>
                        <option value="">{tr_fn("receivable.page.filter_all")}</option>
                        {AgingBucket::ALL.iter().map(|b| {
                            let b = *b;
                            view! { <option value=b.code()>{tr_fn(b.key())}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {move || {
                    let today = fmt::today();
                    let t = collection_thresholds();
                    let want = AgingBucket::from_code(&filter.get());
                    let all = open.get();
                    let list: Vec<&Invoice> = aging::most_overdue_first(&all, today)
                        .into_iter()
                        .filter(|i| want.is_none() || aging::bucket(i, today) == want)
                        .collect();
                    if list.is_empty() {
                        return view! { <p class="hint">{tr("receivable.page.none")}</p> }.into_any();
                    }
                    let rows = list.into_iter().map(|inv| {
                        let days = aging::days_overdue(inv, today);
                        let proposed = collection::proposed(inv, today, &t).map(|a| tr(a.key())).unwrap_or_default();
                        let deal_title = data.deals.with(inv.deal_id, |d| d.title.clone()).unwrap_or_default();
                        let account = account_name(data, inv.account_id);
                        view! {
                            <tr>
                                <td><a href=href(&format!("/accounts/{}", inv.account_id))>{account.clone()}</a></td>
                                <td><a href=href(&format!("/deals/{}/followup", inv.deal_id))>{deal_title}</a></td>
                                <th scope="row">{inv.number.clone()}</th>
                                <td>{fmt::date(inv.due_on)}</td>
                                <td class="num">{fmt::money(&Money::new(inv.outstanding_minor(), inv.amount.currency.clone()))}</td>
                                <td class="num">{fmt::number(days)}</td>
                                <td>{proposed}</td>
                                <td>
                                    <a
                                        href=href(&format!("/receivables/statement/{}", inv.account_id))
                                        aria-label=tw("receivable.statement.open_n", &[("account", &account)])
                                    >
                                        {tr("receivable.statement.open")}
                                    </a>
                                </td>
                            </tr>
                        }
                    }).collect_view();
                    view! {
                        <ScrollArea label=Signal::derive(tr_fn("receivable.page.open"))>
                            <table class="data-table receivables-table">
                                <caption class="visually-hidden">{tr("receivable.page.open")}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{tr("receivable.col.account")}</th>
                                        <th scope="col">{tr("receivable.col.deal")}</th>
                                        <th scope="col">{tr("receivable.field.number")}</th>
                                        <th scope="col">{tr("receivable.field.due_on")}</th>
                                        <th scope="col" class="num">{tr("receivable.col.outstanding")}</th>
                                        <th scope="col" class="num">{tr("receivable.col.days")}</th>
                                        <th scope="col">{tr("receivable.col.action")}</th>
                                        <th scope="col">{tr("receivable.col.statement")}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </ScrollArea>
                    }.into_any()
                }}
            </section>
        </section>
    }
}
