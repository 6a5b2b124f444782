//! The statement of an account's open invoices (`/receivables/statement/:account`), to
//! hand to the customer: each unpaid invoice with its dates, amount, what was paid and what
//! is still owed, and the total. Nothing of our side (no collection matrix, no late
//! cause); the app's chrome is hidden in print.

use super::*;
use crate::domain::sorting::SortExt;
use crate::state::tr_fn;
use crate::ui::customer_language::InCustomerLanguage;
use leptos_router::hooks::use_params_map;

#[component]
pub fn StatementPage() -> impl IntoView {
    let data = use_data();
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("account").and_then(|s| s.parse::<Id>().ok())));
    let name = move || id.get().map(|a| account_name(data, a)).unwrap_or_default();
    let firm = move || crate::state::actions::proposals::firm().name;
    let list = Memo::new(move |_| {
        let Some(a) = id.get() else { return Vec::new() };
        let mut v: Vec<Invoice> = crate::state::actions::receivables::of_account(data, a)
            .into_iter()
            .filter(|i| !i.is_paid())
            .collect();
        v.sort_with(|a, b| a.due_on.cmp(&b.due_on).then(a.number.cmp(&b.number)));
        v
    });
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <article class="page statement-sheet">
            <div class="actions no-print">
                <a class="button" href=href("/receivables")>{tr_fn("receivable.statement.back")}</a>
                {move || id.get().map(|a| view! {
                    <a class="button" href=href(&format!("/accounts/{a}"))>{tr("receivable.statement.account")}</a>
                })}
                <button type="button" class="primary" on:click=print>{tr_fn("receivable.statement.print")}</button>
            </div>
            <InCustomerLanguage account=Signal::derive(move || id.get())>
            <header>
                {move || {
                    let f = firm();
                    (!f.trim().is_empty()).then(|| view! { <p class="copy-firm">{f}</p> })
                }}
                <h1>{move || tw("receivable.statement.title", &[("account", &name())])}</h1>
                <p>{move || tw("receivable.statement.as_of", &[("date", &fmt::date(fmt::today()))])}</p>
            </header>
            {move || {
                let all = list.get();
                if all.is_empty() {
                    return view! { <p>{tr("receivable.statement.none")}</p> }.into_any();
                }
                let mut total: BTreeMap<Currency, i64> = BTreeMap::new();
                for i in &all {
                    *total.entry(i.amount.currency.clone()).or_default() += i.outstanding_minor();
                }
                let m = |v: i64, i: &Invoice| fmt::money(&Money::new(v, i.amount.currency.clone()));
                let rows = all.iter().map(|i| view! {
                    <tr>
                        <th scope="row">{i.number.clone()}</th>
                        <td>{fmt::date(i.issued_on)}</td>
                        <td>{fmt::date(i.due_on)}</td>
                        <td class="num">{m(i.amount.minor, i)}</td>
                        <td class="num">{m(i.paid_minor(), i)}</td>
                        <td class="num">{m(i.outstanding_minor(), i)}</td>
                    </tr>
                }).collect_view();
                view! {
                    <ScrollArea label=Signal::derive(tr_fn("receivable.statement.table"))>
                        <table class="data-table statement-table">
                            <caption class="visually-hidden">{tr("receivable.statement.table")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{tr("receivable.field.number")}</th>
                                    <th scope="col">{tr("receivable.field.issued_on")}</th>
                                    <th scope="col">{tr("receivable.field.due_on")}</th>
                                    <th scope="col" class="num">{tr("receivable.field.amount")}</th>
                                    <th scope="col" class="num">{tr("receivable.col.paid")}</th>
                                    <th scope="col" class="num">{tr("receivable.col.outstanding")}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                            <tfoot>
                                <tr>
                                    <th scope="row" colspan="5">{tr("receivable.statement.total")}</th>
                                    <td class="num">{sums_text(&total)}</td>
                                </tr>
                            </tfoot>
                        </table>
                    </ScrollArea>
                    <p class="hint">{tr("receivable.statement.footer")}</p>
                }.into_any()
            }}
            </InCustomerLanguage>
        </article>
    }
}
