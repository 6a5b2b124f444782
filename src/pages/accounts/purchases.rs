//! The account's purchase history: won deals and their lines, totals by year and product,
//! and the cumulative discount it qualifies for.

use crate::domain::ids::Id;
use crate::domain::money::{Currency, Money};
use crate::domain::purchase::{self, Purchase};
use crate::domain::sorting::SortExt;
use crate::state::actions::proposals;
use crate::state::data::use_data;
use crate::state::tr_fn;
use crate::state::{settings, tr, tw};
use crate::ui::fmt;
use crate::ui::link::href;
use crate::ui::scroll_area::ScrollArea;
use chrono::Datelike;
use leptos::prelude::*;

fn money(minor: i64, c: &Currency) -> String {
    fmt::money(&Money::new(minor, c.clone()))
}

/// A quantity as the locale writes numbers (up to three decimals).
fn quantity(q: crate::domain::price::Quantity) -> String {
    let plain = q.to_input();
    let (int, frac) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
    let mut s = fmt::number(int.parse().unwrap_or(0));
    if !frac.is_empty() {
        s.push(
            if crate::state::prefs::locale() == crate::i18n::Locale::Es {
                ','
            } else {
                '.'
            },
        );
        s.push_str(frac);
    }
    s
}

/// What the account's spend in each currency earns, in words.
fn qualification_lines(history: &[Purchase]) -> Vec<(bool, String)> {
    let tiers = settings::cumulative_discount();
    let mut currencies: Vec<Currency> = history.iter().map(|p| p.currency.clone()).collect();
    currencies.sort_with(|a, b| a.code().cmp(b.code()));
    currencies.dedup();
    currencies
        .into_iter()
        .filter_map(|c| {
            let spend = purchase::cumulative_spend(history, &c);
            let since = purchase::buying_since(history, &c)
                .map(|d| d.year().to_string())
                .unwrap_or_default();
            let bought = fmt::money(&spend);
            match purchase::qualifying_tier(&spend, &tiers) {
                Some(t) => Some((
                    true,
                    tw(
                        "purchases.qualifies",
                        &[
                            ("percent", &fmt::percent(i64::from(t.bp))),
                            ("spend", &bought),
                            ("since", &since),
                        ],
                    ),
                )),
                None => tiers.first().map(|t| {
                    let scale = 10i64.pow(c.exponent());
                    let from = i64::try_from(t.from_units)
                        .unwrap_or(i64::MAX)
                        .saturating_mul(scale);
                    (
                        false,
                        tw(
                            "purchases.below_first",
                            &[
                                ("spend", &bought),
                                ("since", &since),
                                ("percent", &fmt::percent(i64::from(t.bp))),
                                ("from", &money(from, &c)),
                            ],
                        ),
                    )
                }),
            }
        })
        .collect()
}

#[component]
pub fn PurchaseHistory(account_id: Id) -> impl IntoView {
    let data = use_data();
    let history = Memo::new(move |_| proposals::purchases(data, account_id));
    view! {
        <section class="card purchases" aria-labelledby="purchases-heading">
            <h2 id="purchases-heading">{tr_fn("purchases.title")}</h2>
            {move || {
                let h = history.get();
                if h.is_empty() {
                    return view! { <p class="hint">{tr("purchases.none")}</p> }.into_any();
                }
                let notes = qualification_lines(&h)
                    .into_iter()
                    .map(|(ok, text)| {
                        let class = if ok { "notice" } else { "hint" };
                        view! { <p class=class>{text}</p> }
                    })
                    .collect_view();
                let years = purchase::by_year(&h);
                let products = purchase::by_product(&h);
                view! {
                    {notes}
                    <h3>{tr("purchases.deals")}</h3>
                    <ul class="plain-list purchase-list">
                        {h.iter().map(|p| view! { <PurchaseItem p=p.clone()/> }).collect_view()}
                    </ul>
                    <h3>{tr("purchases.by_year")}</h3>
                    <ScrollArea label=Signal::derive(tr_fn("purchases.by_year"))>
                        <table class="data-table">
                            <caption>{tr("purchases.by_year")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{tr("purchases.year")}</th>
                                    <th scope="col" class="num">{tr("purchases.deal_count")}</th>
                                    <th scope="col" class="num">{tr("purchases.net")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {years.into_iter().map(|y| view! {
                                    <tr>
                                        <th scope="row">{y.year}</th>
                                        <td class="num">{y.deals}</td>
                                        <td class="num">{money(y.net, &y.currency)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </ScrollArea>
                    <h3>{tr("purchases.by_product")}</h3>
                    <ScrollArea label=Signal::derive(tr_fn("purchases.by_product"))>
                        <table class="data-table">
                            <caption>{tr("purchases.by_product")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{tr("purchases.product")}</th>
                                    <th scope="col" class="num">{tr("purchases.quantity")}</th>
                                    <th scope="col" class="num">{tr("purchases.net")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {products.into_iter().map(|t| view! {
                                    <tr>
                                        <th scope="row">{t.name.clone()}</th>
                                        <td class="num">{(t.quantity.0 > 0).then(|| quantity(t.quantity))}</td>
                                        <td class="num">{money(t.net, &t.currency)}</td>
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

#[component]
fn PurchaseItem(p: Purchase) -> impl IntoView {
    let c = p.currency.clone();
    let caption = tw("purchases.lines_of", &[("deal", &p.title)]);
    let source = match p.version {
        Some(v) => tw("purchases.from_version", &[("version", &v.to_string())]),
        None => tr("purchases.from_deal"),
    };
    view! {
        <li class="purchase-item">
            <p>
                <a href=href(&format!("/deals/{}", p.deal_id))>{p.title.clone()}</a>
                " · " {tw("purchases.won_on", &[("date", &fmt::date(p.won_on))])}
                " · " <strong>{money(p.total(), &c)}</strong>
            </p>
            <p class="hint">{source}</p>
            <ScrollArea label=Signal::derive({ let caption = caption.clone(); move || caption.clone() })>
                <table class="data-table">
                    <caption class="visually-hidden">{caption.clone()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr("purchases.product")}</th>
                            <th scope="col" class="num">{tr("purchases.quantity")}</th>
                            <th scope="col" class="num">{tr("purchases.net")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {p.lines.iter().map(|l| view! {
                            <tr>
                                <th scope="row">{l.name.clone()}</th>
                                <td class="num">{l.quantity.map(quantity)}</td>
                                <td class="num">{money(l.net, &c)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </ScrollArea>
        </li>
    }
}
