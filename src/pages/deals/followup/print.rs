//! The printable contract checklist (`/deals/:id/followup/checklist`): what was agreed,
//! who sees to it and by when, to hand to the customer.
//!
//! Customer-facing: our firm, the customer, the deal, the items grouped by kind with their
//! due dates, owners and whether they are done, the contact points among them. No
//! internal notes; the app's chrome is hidden in print.

use super::*;
use crate::domain::followup::checklist as rules;
use crate::state::actions::followup as act;
use crate::state::data::use_data;
use crate::state::tr_fn;
use crate::ui::customer_language::InCustomerLanguage;
use crate::ui::fmt;

/// The contract checklist as a printable page.
#[component]
pub fn ContractChecklistPage() -> impl IntoView {
    view! { <DealRoute title_key="followup.print.heading" page=|id, deal| view! { <Sheet id=id deal=deal/> }/> }
}

#[component]
fn Sheet(id: Id, deal: DealSig) -> impl IntoView {
    let data = use_data();
    let title = move || deal.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default());
    let account = move || {
        deal.with(|d| {
            d.as_ref()
                .and_then(|d| data.accounts.get(d.account_id))
                .map(|a| a.name)
                .unwrap_or_default()
        })
    };
    let firm = move || crate::state::actions::proposals::firm().name;
    let f = Memo::new(move |_| act::of_deal(data, id));
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <article class="page print-sheet followup-print">
            <div class="actions no-print">
                <a class="button" href=followup_href(id, "")>{move || tw("followup.page.back", &[("deal", &title())])}</a>
                <button type="button" class="primary" on:click=print>{tr_fn("followup.print.print")}</button>
            </div>
            <InCustomerLanguage account=Signal::derive(move || deal.with(|d| d.as_ref().map(|d| d.account_id)))>
            <header>
                {move || {
                    let f = firm();
                    (!f.trim().is_empty()).then(|| view! { <p class="copy-firm">{f}</p> })
                }}
                <h1>{move || tw("followup.print.title", &[("deal", &title())])}</h1>
                <p>{move || tw("followup.print.for", &[("account", &account()), ("date", &fmt::date(fmt::today()))])}</p>
                <p class="hint">{tr_fn("followup.print.intro")}</p>
            </header>
            {move || {
                let groups = f.with(|f| {
                    f.as_ref()
                        .map(|f| {
                            rules::by_kind(f)
                                .into_iter()
                                .map(|(k, items)| (k, items.into_iter().cloned().collect::<Vec<_>>()))
                                .collect::<Vec<_>>()
                        })
                        .unwrap_or_default()
                });
                if groups.is_empty() {
                    return view! { <p>{tr("followup.print.none")}</p> }.into_any();
                }
                groups
                    .into_iter()
                    .map(|(kind, items)| {
                        let heading_id = format!("print-{}", kind.code());
                        let labelled_by = heading_id.clone();
                        view! {
                            <section class="print-group" aria-labelledby=labelled_by>
                                <h2 id=heading_id>{tr(kind.key())}</h2>
                                <ul class="plain-list print-items">
                                    {items.into_iter().map(|i| {
                                        let mut facts = Vec::new();
                                        if let Some(d) = i.due {
                                            facts.push(tw("followup.print.due", &[("date", &fmt::date(d))]));
                                        }
                                        if !i.owner.is_empty() {
                                            facts.push(tw("followup.checklist.owner", &[("owner", &i.owner)]));
                                        }
                                        if let Some(d) = i.done_on {
                                            facts.push(tw("followup.checklist.state.done", &[("date", &fmt::date(d))]));
                                        }
                                        view! {
                                            <li class="print-item">
                                                <span class="print-box" aria-hidden="true">{if i.done_on.is_some() { "☑" } else { "☐" }}</span>
                                                <span>
                                                    <strong>{i.text.clone()}</strong>
                                                    {(!facts.is_empty()).then(|| view! { <span class="hint">" — " {facts.join(" · ")}</span> })}
                                                </span>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </section>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
            </InCustomerLanguage>
        </article>
    }
}
