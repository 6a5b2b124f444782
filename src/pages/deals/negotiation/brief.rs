//! The printable one-page negotiation brief (`/deals/:id/negotiation/brief`): the deal and
//! account, the team and its roles, every issue with our opening, target, bottom line,
//! value per unit and importance to us and to them, our alternative, the planned trades
//! and the packages of equal value. For the rep only: it holds our limits, so it is never
//! the customer's copy and says so.

use super::plan::{
    currency_of, issue_name, money_text, negotiation_of, per_unit_text, position_text, roles_text,
};
use super::trades::{package_list, trade_list};
use super::*;
use crate::domain::negotiation::Negotiation;
use crate::state::tr_fn;
use crate::ui::fmt;
use crate::ui::scroll_area::ScrollArea;

#[component]
pub fn NegotiationBriefPage() -> impl IntoView {
    view! { <DealRoute title_key="negotiation.page.heading" page=|id, deal| view! { <Brief id=id deal=deal/> }/> }
}

#[component]
fn Brief(id: Id, deal: DealSig) -> impl IntoView {
    let data = use_data();
    let n = negotiation_of(data, id);
    let record = Memo::new(move |_| {
        let currency = currency_of(data, id, n);
        n.get()
            .unwrap_or_else(|| Negotiation::new(id, currency, chrono::DateTime::UNIX_EPOCH))
    });
    let title = move || deal.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default());
    let facts = move || {
        deal.with(|d| {
            d.as_ref().map(|d| {
                let account = data
                    .accounts
                    .get(d.account_id)
                    .map(|a| a.name)
                    .unwrap_or_else(|| tr("deals_ui.unknown_account"));
                tw(
                    "negotiation.brief.facts",
                    &[
                        ("account", &account),
                        ("value", &fmt::money(&d.value)),
                        ("date", &fmt::date(fmt::today())),
                    ],
                )
            })
        })
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <article class="page negotiation-brief">
            <div class="actions no-print">
                <a class="button" href=negotiation_href(id, "")>{tr_fn("negotiation.brief.back")}</a>
                <button type="button" class="primary" on:click=print>{tr_fn("negotiation.brief.print")}</button>
            </div>
            <header class="brief-head">
                <h1>{move || tw("negotiation.brief.title", &[("deal", &title())])}</h1>
                <p class="hint">{facts}</p>
                <p class="brief-confidential"><strong>{tr_fn("negotiation.brief.confidential")}</strong></p>
            </header>
            {move || record.with(|n| view! {
                <BriefTeam n=n.clone()/>
                <BriefIssues n=n.clone()/>
                <section class="brief-part" aria-labelledby="brief-alternative">
                    <h2 id="brief-alternative">{tr("negotiation.brief.alternative")}</h2>
                    {alternative_text(n)}
                </section>
                <div class="brief-columns">
                    <section class="brief-part" aria-labelledby="brief-trades">
                        <h2 id="brief-trades">{tr("negotiation.brief.trades")}</h2>
                        {trade_list(n)}
                    </section>
                    <section class="brief-part" aria-labelledby="brief-packages">
                        <h2 id="brief-packages">{tr("negotiation.brief.packages")}</h2>
                        {package_list(n)}
                    </section>
                </div>
            })}
            <p class="brief-rules">{tr_fn("negotiation.brief.rules")}</p>
        </article>
    }
}

fn alternative_text(n: &Negotiation) -> AnyView {
    let a = &n.plan.alternative;
    if a.text.trim().is_empty() && a.value_minor.is_none() {
        return view! { <p class="hint">{tr("negotiation.brief.no_alternative")}</p> }.into_any();
    }
    let value = a.value_minor.map(|v| money_text(v, &n.currency));
    let text = match (a.text.trim().is_empty(), value) {
        (false, Some(v)) => format!("{} ({v})", a.text),
        (false, None) => a.text.clone(),
        (true, Some(v)) => v,
        (true, None) => String::new(),
    };
    view! { <p class="brief-text">{text}</p> }.into_any()
}

#[component]
fn BriefTeam(n: Negotiation) -> impl IntoView {
    view! {
        <section class="brief-part" aria-labelledby="brief-team">
            <h2 id="brief-team">{tr("negotiation.brief.team")}</h2>
            {if n.plan.team.is_empty() {
                view! { <p class="hint">{tr("negotiation.brief.no_team")}</p> }.into_any()
            } else {
                view! {
                    <ul class="brief-team">
                        {n.plan.team.iter().map(|m| view! {
                            <li><strong>{m.name.clone()}</strong>{format!(": {}", roles_text(m))}</li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            {(!n.plan.team.is_empty()
                && !crate::domain::negotiation::plan::summary(&n.plan).price_authority)
                .then(|| view! { <p class="field-warning">{tr("negotiation.plan.team.no_price_authority")}</p> })}
        </section>
    }
}

#[component]
fn BriefIssues(n: Negotiation) -> impl IntoView {
    let currency = n.currency.clone();
    view! {
        <section class="brief-part" aria-labelledby="brief-issues">
            <h2 id="brief-issues">{tr("negotiation.brief.issues")}</h2>
            {if n.plan.issues.is_empty() {
                view! { <p class="hint">{tr("negotiation.brief.no_issues")}</p> }.into_any()
            } else {
                view! {
                    <ScrollArea label=Signal::derive(tr_fn("negotiation.brief.issues"))>
                        <table class="brief-table">
                            <thead>
                                <tr>
                                    <th scope="col">{tr("negotiation.brief.col.issue")}</th>
                                    <th scope="col">{tr("negotiation.brief.col.opening")}</th>
                                    <th scope="col">{tr("negotiation.brief.col.target")}</th>
                                    <th scope="col">{tr("negotiation.brief.col.bottom")}</th>
                                    <th scope="col">{tr("negotiation.brief.col.value")}</th>
                                    <th scope="col">{tr("negotiation.brief.col.importance")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {n.plan.issues.iter().map(|i| view! {
                                    <tr>
                                        <th scope="row">
                                            {issue_name(i)}
                                            {(!i.notes.is_empty()).then(|| view! { <span class="brief-note">{i.notes.clone()}</span> })}
                                        </th>
                                        <td class="num">{position_text(i.opening, &i.unit, &currency)}</td>
                                        <td class="num">{position_text(i.target, &i.unit, &currency)}</td>
                                        <td class="num">{position_text(i.bottom, &i.unit, &currency)}</td>
                                        <td>{per_unit_text(i, &currency)}</td>
                                        <td class="num">{format!("{} / {}", i.importance_us, i.importance_them)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </ScrollArea>
                }
                .into_any()
            }}
        </section>
    }
}
