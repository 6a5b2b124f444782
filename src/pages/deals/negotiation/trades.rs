//! Trade suggestions and packages of equal value to us (rules in
//! `domain::negotiation::plan::trades`); the brief prints the same lists.

use super::plan::{currency_of, issue_name, money_text, negotiation_of, position_text};
use super::*;
use crate::domain::negotiation::plan::trades::{self, NoPackages};
use crate::domain::negotiation::Negotiation;
use crate::state::tr_fn;

#[component]
pub(super) fn TradesSection(deal_id: Id) -> impl IntoView {
    let data = use_data();
    let n = negotiation_of(data, deal_id);
    let empty = Memo::new(move |_| {
        let currency = currency_of(data, deal_id, n);
        n.get()
            .unwrap_or_else(|| Negotiation::new(deal_id, currency, chrono::DateTime::UNIX_EPOCH))
    });
    view! {
        <section class="card trades" aria-labelledby="trades-heading">
            <h2 id="trades-heading">{tr_fn("negotiation.trades.title")}</h2>
            <p class="hint">{tr_fn("negotiation.trades.intro")}</p>
            <section class="subsection" aria-labelledby="trades-suggested-heading">
                <h3 id="trades-suggested-heading">{tr_fn("negotiation.trades.suggested")}</h3>
                {move || empty.with(trade_list)}
            </section>
            <section class="subsection" aria-labelledby="trades-packages-heading">
                <h3 id="trades-packages-heading">{tr_fn("negotiation.trades.packages")}</h3>
                {move || empty.with(package_list)}
            </section>
        </section>
    }
}

/// The suggested trades ("Offer A in exchange for B" with the importances), or why there
/// are none.
pub(super) fn trade_list(n: &Negotiation) -> AnyView {
    match trades::suggestions(&n.plan) {
        Err(why) => view! { <p class="hint">{tr(why.key())}</p> }.into_any(),
        Ok(list) => view! {
            <ol class="trade-list">
                {list
                    .into_iter()
                    .filter_map(|t| Some((n.issue(t.give)?, n.issue(t.get)?)))
                    .map(|(give, get)| {
                        let (g, a) = (issue_name(give), issue_name(get));
                        view! {
                            <li>
                                <strong>{tw("negotiation.trades.offer", &[("give", &g), ("get", &a)])}</strong>
                                <span class="hint trade-why">
                                    {tw(
                                        "negotiation.trades.why",
                                        &[
                                            ("give", &g),
                                            ("give_them", &give.importance_them.to_string()),
                                            ("give_us", &give.importance_us.to_string()),
                                            ("get", &a),
                                            ("get_us", &get.importance_us.to_string()),
                                            ("get_them", &get.importance_them.to_string()),
                                        ],
                                    )}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any(),
    }
}

/// The packages of equal value, each with its moves, or why there are none.
pub(super) fn package_list(n: &Negotiation) -> AnyView {
    let currency = n.currency.clone();
    match trades::packages(n) {
        Err(NoPackages::TooFewValued { valued }) => view! {
            <p class="hint">{tw("negotiation.trades.packages.too_few", &[("count", &valued.to_string())])}</p>
        }
        .into_any(),
        Err(NoPackages::NoEqualSplit) => {
            view! { <p class="hint">{tr("negotiation.trades.packages.no_split")}</p> }.into_any()
        }
        Ok(p) => view! {
            <p>
                {tw(
                    "negotiation.trades.packages.intro",
                    &[
                        ("value", &money_text(p.value_minor, &currency)),
                        ("tolerance", &money_text(p.tolerance_minor, &currency)),
                    ],
                )}
            </p>
            <ol class="package-list">
                {p.packages
                    .iter()
                    .enumerate()
                    .map(|(k, pkg)| {
                        view! {
                            <li class="package">
                                <strong>
                                    {tw(
                                        "negotiation.trades.package",
                                        &[("n", &(k + 1).to_string()), ("value", &money_text(pkg.value_minor, &currency))],
                                    )}
                                </strong>
                                <ul>
                                    {pkg.moves
                                        .iter()
                                        .filter_map(|m| Some((m, n.issue(m.issue_id)?)))
                                        .map(|(m, i)| view! {
                                            <li>
                                                {tw(
                                                    "negotiation.trades.move",
                                                    &[
                                                        ("issue", &issue_name(i)),
                                                        ("from", &position_text(m.from, &i.unit, &currency)),
                                                        ("to", &position_text(m.to, &i.unit, &currency)),
                                                        ("value", &money_text(m.value_minor, &currency)),
                                                    ],
                                                )}
                                            </li>
                                        })
                                        .collect_view()}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <p class="hint">{tr("negotiation.trades.packages.basis")}</p>
        }
        .into_any(),
    }
}
