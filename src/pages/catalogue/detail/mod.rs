//! One product's page: what it is and costs (margin at the list price), its price breaks,
//! the history of its list price, what the competitors charge (added and removed here),
//! related products, and the form to edit it; retire, offer again, delete with Undo.

mod competitor_prices;
mod form;

pub use form::ProductForm;

use crate::domain::ids::Id;
use crate::domain::product::{margin, Product};
use crate::state::actions::products;
use crate::state::data::{report_store_error, use_data, LoadStatus};
use crate::state::toasts::{use_toasts, ToastKind};
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::fmt;
use crate::ui::link::href;
use crate::ui::scroll_area::ScrollArea;
use competitor_prices::CompetitorPrices;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn ProductPage() -> impl IntoView {
    let data = use_data();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    let product = Memo::new(move |_| id.get().and_then(|id| data.products.get(id)));
    view! {
        <Show
            when=move || product.with(Option::is_some)
            fallback=move || view! {
                <section class="page">
                    <h1>{tr_fn("product.missing")}</h1>
                    <Show when=move || data.status.get() == LoadStatus::Ready>
                        <a class="button" href=href("/catalogue")>{tr("catalogue.title")}</a>
                    </Show>
                </section>
            }
        >
            <ProductView product=Memo::new(move |_| product.get().expect("shown only with a product"))/>
        </Show>
    }
}

#[component]
fn ProductView(product: Memo<Product>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let editing = RwSignal::new(false);
    let confirm_delete = RwSignal::new(false);

    let toggle_retired = move |_| {
        let p = product.get_untracked();
        let retired = !p.retired;
        spawn_local(async move {
            match products::set_retired(data, p, retired).await {
                Ok(_) => toasts.push(
                    ToastKind::Success,
                    if retired {
                        tr("product.retired_done")
                    } else {
                        tr("product.offered_done")
                    },
                ),
                Err(e) => report_store_error(toasts, &e),
            }
        });
    };

    let do_delete = move |_| {
        let p = product.get_untracked();
        confirm_delete.set(false);
        let delete = match products::delete(data, p.clone()) {
            Ok(delete) => delete,
            Err(used) => {
                toasts.push(
                    ToastKind::Error,
                    tw(
                        "product.delete_blocked",
                        &[("lines", &used.quotation_lines.to_string())],
                    ),
                );
                return;
            }
        };
        let nav = navigate.clone();
        spawn_local(async move {
            match delete.await {
                Ok(_) => {
                    let name = p.name.clone();
                    toasts.push_with_action(
                        ToastKind::Success,
                        tw("product.deleted", &[("name", &name)]),
                        tr("product.undo_delete"),
                        move || {
                            let p = p.clone();
                            spawn_local(async move {
                                if let Err(e) = products::undo_delete(data, p).await {
                                    report_store_error(toasts, &e);
                                }
                            });
                        },
                    );
                    nav(&href("/catalogue"), Default::default());
                }
                Err(e) => report_store_error(toasts, &e),
            }
        });
    };

    view! {
        <section class="page product-page">
            {move || {
                let p = product.get();
                view! {
                    <nav class="breadcrumbs" aria-label=tr("shell.breadcrumbs")>
                        <a href=href("/catalogue")>{tr("catalogue.title")}</a>
                    </nav>
                    <div class="page-head">
                        <h1>{p.name.clone()}</h1>
                        <div class="badges">
                            {p.locomotive.then(|| view! { <span class="badge">{tr("product.badge.locomotive")}</span> })}
                            {p.retired.then(|| view! { <span class="badge warning">{tr("product.badge.retired")}</span> })}
                        </div>
                    </div>
                }
            }}
            {move || {
                let retired = product.get().retired;
                view! {
                    <div class="actions no-print">
                        <button on:click=move |_| editing.set(true) disabled=move || editing.get()>{tr("product.edit")}</button>
                        <button on:click=toggle_retired>{if retired { tr("product.offer_again") } else { tr("product.retire") }}</button>
                        <button class="danger" on:click=move |_| confirm_delete.set(true)>{tr("product.delete")}</button>
                    </div>
                }
            }}
            {move || confirm_delete.get().then(|| {
                let do_delete = do_delete.clone();
                view! {
                    <div class="notice notice-warning" role="alertdialog" aria-label=tr("product.delete")>
                        <p>{tw("product.delete_confirm", &[("name", &product.get_untracked().name)])}</p>
                        <div class="actions">
                            <button class="danger" on:click=do_delete>{tr("product.delete_yes")}</button>
                            <button on:click=move |_| confirm_delete.set(false)>{tr("product.delete_no")}</button>
                        </div>
                    </div>
                }
            })}
            {move || editing.get().then(|| view! {
                <h2>{tr("product.edit")}</h2>
                <ProductForm product=Some(product.get_untracked()) on_saved=move |_| editing.set(false) on_cancel=move |_| editing.set(false)/>
            })}
            <Facts product/>
            <Breaks product/>
            <History product/>
            <CompetitorPrices product/>
            <Related product/>
        </section>
    }
}

/// What the product is, its prices and the margin at the list price.
#[component]
fn Facts(product: Memo<Product>) -> impl IntoView {
    move || {
        let p = product.get();
        let c = p.currency.clone();
        let m = margin(p.list_price, p.cost);
        let dash = || "—".to_string();
        view! {
            <div class="card">
                <dl class="facts">
                    <dt>{tr("product.field.category")}</dt>
                    <dd>{if p.category.is_empty() { dash() } else { p.category.clone() }}</dd>
                    <dt>{tr("product.field.unit")}</dt>
                    <dd>{if p.unit.is_empty() { dash() } else { p.unit.clone() }}</dd>
                    <dt>{tr("product.field.list_price")}</dt>
                    <dd class="num">{fmt::price(p.list_price, &c)}</dd>
                    <dt>{tr("product.field.cost")}</dt>
                    <dd class="num">{p.cost.map_or_else(dash, |v| fmt::price(v, &c))}</dd>
                    <dt>{tr("product.margin")}</dt>
                    <dd class="num">{match m {
                        None => tr("product.margin_unknown"),
                        Some(m) => {
                            let amount = fmt::price(crate::domain::price::UnitPrice(m.amount), &c);
                            match m.percent_bp {
                                Some(bp) => format!("{amount} ({})", fmt::margin_percent(bp)),
                                None => amount,
                            }
                        }
                    }}</dd>
                    <dt>{tr("product.field.tax_rate")}</dt>
                    <dd class="num">{fmt::percent(i64::from(p.tax_rate.0))}</dd>
                    <dt>{tr("product.field.weight")}</dt>
                    <dd>{tw("product.weight.value", &[("weight", &p.weight.to_string())])}</dd>
                    {(!p.description.is_empty()).then(|| view! {
                        <dt>{tr("product.field.description")}</dt>
                        <dd class="pre-line">{p.description.clone()}</dd>
                    })}
                </dl>
            </div>
        }
    }
}

/// The price-break table: from which quantity which unit price applies.
#[component]
fn Breaks(product: Memo<Product>) -> impl IntoView {
    move || {
        let p = product.get();
        let c = p.currency.clone();
        view! {
            <section class="card" aria-labelledby="breaks-heading">
                <h2 id="breaks-heading">{tr("product.field.price_breaks")}</h2>
                {if p.price_breaks.is_empty() {
                    view! { <p class="hint">{tr("product.breaks.none")}</p> }.into_any()
                } else {
                    view! {
                        <ScrollArea label=tr("product.field.price_breaks")>
                            <table class="data-table">
                                <caption class="visually-hidden">{tr("product.field.price_breaks")}</caption>
                                <thead><tr>
                                    <th scope="col" class="num">{tr("product.field.break_qty")}</th>
                                    <th scope="col" class="num">{tr("product.field.break_price")}</th>
                                </tr></thead>
                                <tbody>
                                    <tr>
                                        <td class="num">"1"</td>
                                        <td class="num">{fmt::price(p.list_price, &c)}</td>
                                    </tr>
                                    {p.price_breaks.iter().map(|b| view! {
                                        <tr>
                                            <td class="num">{b.min_qty.to_input()}</td>
                                            <td class="num">{fmt::price(b.unit_price, &c)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </ScrollArea>
                    }.into_any()
                }}
            </section>
        }
    }
}

/// Every change of the list price, newest first: date, old → new.
#[component]
fn History(product: Memo<Product>) -> impl IntoView {
    move || {
        let p = product.get();
        let c = p.currency.clone();
        view! {
            <section class="card" aria-labelledby="history-heading">
                <h2 id="history-heading">{tr("product.field.price_history")}</h2>
                {if p.price_history.is_empty() {
                    view! { <p class="hint">{tr("product.history.none")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list price-history">
                            {p.price_history.iter().rev().map(|h| view! {
                                <li>
                                    <span class="hint">{fmt::date(h.date)}</span> " · "
                                    {tw("product.history.change", &[("old", &fmt::price(h.old, &c)), ("new", &fmt::price(h.new, &c))])}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        }
    }
}

/// The related products still in the catalogue, each a link.
#[component]
fn Related(product: Memo<Product>) -> impl IntoView {
    let data = use_data();
    move || {
        let ids = product.get().related;
        let found: Vec<(Id, String, bool)> = ids
            .iter()
            .filter_map(|id| {
                data.products
                    .with(*id, |r| (r.id, r.name.clone(), r.retired))
            })
            .collect();
        view! {
            <section class="card" aria-labelledby="related-heading">
                <h2 id="related-heading">{tr("product.field.related")}</h2>
                {if found.is_empty() {
                    view! { <p class="hint">{tr("product.related.none")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list">
                            {found.into_iter().map(|(rid, name, retired)| view! {
                                <li>
                                    <a href=href(&format!("/catalogue/{rid}"))>{name}</a>
                                    {retired.then(|| view! { " " <span class="badge warning">{tr("product.badge.retired")}</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        }
    }
}
