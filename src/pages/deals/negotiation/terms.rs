//! The agreed terms as a printable page (`/deals/:id/negotiation/terms`), for the
//! customer to confirm in writing.
//!
//! Customer-facing: our firm, the customer, the deal, each agreed term with its value,
//! the day agreed and whether it is confirmed in writing, and the contract once signed.
//! Nothing of our side of the table (no bottom lines, targets, importance or values per
//! unit); the app's chrome is hidden in print.

use super::*;
use crate::domain::money::Money;
use crate::state::actions::negotiation as actions;
use crate::state::tr_fn;
use crate::ui::fmt;

#[component]
pub fn NegotiationTermsPage() -> impl IntoView {
    let (id, deal) = deal_of_route();
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
    let n = Memo::new(move |_| id.get().and_then(|id| actions::of_deal(data, id)));
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <article class="page negotiation-terms">
            {move || id.get().map(|id| view! {
                <div class="actions no-print">
                    <a class="button" href=negotiation_href(id, "")>{tr_fn("negotiation.brief.back")}</a>
                    <button type="button" class="primary" on:click=print>{tr_fn("negotiation.terms.print")}</button>
                </div>
            })}
            <div class="terms-sheet">
                <header>
                    {move || {
                        let f = firm();
                        (!f.trim().is_empty()).then(|| view! { <p class="copy-firm">{f}</p> })
                    }}
                    <h1>{move || tw("negotiation.terms.title", &[("deal", &title())])}</h1>
                    <p>{move || tw("negotiation.terms.for", &[("account", &account()), ("date", &fmt::date(fmt::today()))])}</p>
                    <p class="hint">{tr_fn("negotiation.terms.intro")}</p>
                </header>
                {move || {
                    let Some(n) = n.get().filter(|n| !n.agreement.terms.is_empty()) else {
                        return view! { <p>{tr("negotiation.terms.none")}</p> }.into_any();
                    };
                    let currency = n.currency.clone();
                    let rows = n.agreement.terms.iter().enumerate().map(|(i, t)| {
                        let money = t.value_minor.map(|m| fmt::money(&Money::new(m, currency.clone())));
                        let confirmed = t.confirmation.is_some();
                        view! {
                            <li class="terms-item">
                                <h2>{format!("{}. {}", i + 1, t.label)}</h2>
                                <p class="term-value">
                                    {t.value.clone()}
                                    {money.map(|m| view! { " · " {m} })}
                                </p>
                                <p class="hint">{tw("negotiation.agreement.agreed_line", &[("date", &fmt::date(t.agreed_on))])}</p>
                                <p class=if confirmed { "term-confirmed" } else { "term-unconfirmed" }>
                                    {super::agreement::confirmation_text(t)}
                                </p>
                            </li>
                        }
                    }).collect_view();
                    let contract = n.agreement.contract.clone().map(|c| {
                        let value = fmt::money(&Money::new(c.value_minor, currency.clone()));
                        view! {
                            <section class="terms-contract" aria-labelledby="terms-contract-heading">
                                <h2 id="terms-contract-heading">{tr("negotiation.agreement.contract.title")}</h2>
                                <p>{tw(
                                    "negotiation.terms.contract",
                                    &[("number", &c.number), ("date", &fmt::date(c.signed_on)), ("value", &value)],
                                )}</p>
                            </section>
                        }
                    });
                    view! {
                        <ol class="plain-list terms-items" aria-label=tr("negotiation.agreement.terms_list")>{rows}</ol>
                        {contract}
                        <section class="terms-sign" aria-labelledby="terms-sign-heading">
                            <h2 id="terms-sign-heading">{tr("negotiation.terms.confirm_title")}</h2>
                            <p>{tr("negotiation.terms.confirm_text")}</p>
                            <p class="sign-line">{tr("negotiation.terms.signature")}</p>
                        </section>
                    }.into_any()
                }}
            </div>
        </article>
    }
}
