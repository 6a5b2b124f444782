//! The catalogue list: products grouped by category, active or retired ones, each with its
//! unit, list price, price breaks, tax rate and (on screen only) margin; printed, it is the
//! price list a rep hands to a customer.

use super::detail::ProductForm;
use crate::domain::product::{by_category, margin, CatalogueView, Product};
use crate::state::data::{use_data, LoadStatus};
use crate::state::{tr, tr_fn, tw};
use crate::ui::fmt;
use crate::ui::form::{select_options, SelectField};
use crate::ui::link::href;
use crate::ui::scroll_area::ScrollArea;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// A product's breaks in one line: "10+: €9.50 · 50+: €9.00".
fn breaks_text(p: &Product) -> String {
    p.price_breaks
        .iter()
        .map(|b| {
            tw(
                "catalogue.break_from",
                &[
                    ("qty", &b.min_qty.to_input()),
                    ("price", &fmt::price(b.unit_price, &p.currency)),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[component]
pub fn CataloguePage() -> impl IntoView {
    let data = use_data();
    let navigate = use_navigate();
    let creating = RwSignal::new(false);
    let view_code = RwSignal::new(CatalogueView::Active.code().to_string());
    let shown =
        Signal::derive(move || view_code.with(|c| CatalogueView::from_code(c).unwrap_or_default()));
    let groups = Memo::new(move |_| {
        let v = shown.get();
        data.products.with_all(|m| {
            by_category(m.values(), v)
                .into_iter()
                .map(|(c, ps)| (c, ps.into_iter().cloned().collect::<Vec<Product>>()))
                .collect::<Vec<_>>()
        })
    });
    let print = move |_| {
        let _ = window().print();
    };
    let views = Signal::derive(select_options(
        CatalogueView::ALL,
        CatalogueView::code,
        CatalogueView::key,
    ));
    view! {
        <section class="page catalogue">
            // The page's own words in one piece: drawn again only when the language changes.
            {move || view! {
                <div class="page-head">
                    <h1>{tr("catalogue.title")}</h1>
                    <div class="actions no-print">
                        <button class="primary" on:click=move |_| creating.set(true) disabled=move || creating.get()>{tr("catalogue.new")}</button>
                        <button on:click=print>{tr("catalogue.print")}</button>
                    </div>
                </div>
                <p class="hint no-print">{tr("catalogue.intro")}</p>
                <p class="print-only">{tw("catalogue.print_heading", &[("date", &fmt::date(fmt::today()))])}</p>
            }}
            {move || creating.get().then(|| {
                let nav = navigate.clone();
                view! {
                    <h2>{tr("catalogue.new")}</h2>
                    <ProductForm product=None
                        on_saved=move |p: Product| { creating.set(false); nav(&href(&format!("/catalogue/{}", p.id)), Default::default()); }
                        on_cancel=move |_| creating.set(false)/>
                }
            })}
            <div class="card catalogue-filter no-print">
                <SelectField id="catalogue-view" label=Signal::derive(tr_fn("catalogue.show")) value=view_code options=views/>
            </div>
            {move || {
                let gs = groups.get();
                if gs.is_empty() {
                    let empty = if data.status.get() != LoadStatus::Ready {
                        String::new()
                    } else if data.products.is_empty() {
                        tr("catalogue.empty")
                    } else {
                        tr("catalogue.empty_view")
                    };
                    return view! { <div class="card empty"><p>{empty}</p></div> }.into_any();
                }
                gs.into_iter().map(|(category, ps)| {
                    let title = if category.is_empty() { tr("catalogue.no_category") } else { category };
                    let caption = title.clone();
                    let scroll_label = title.clone();
                    view! {
                        <section class="card price-group" aria-label=title.clone()>
                            <h2>{title.clone()}</h2>
                            <ScrollArea label=scroll_label>
                                <table class="data-table price-list stack-narrow">
                                    <caption class="visually-hidden">{caption}</caption>
                                    <colgroup>
                                        <col class="col-name"/><col class="col-unit"/><col class="col-price"/>
                                        <col class="col-breaks"/><col class="col-tax"/><col class="col-margin no-print"/>
                                    </colgroup>
                                    <thead><tr>
                                        <th scope="col">{tr("product.field.name")}</th>
                                        <th scope="col">{tr("product.field.unit")}</th>
                                        <th scope="col" class="num">{tr("product.field.list_price")}</th>
                                        <th scope="col">{tr("product.field.price_breaks")}</th>
                                        <th scope="col" class="num">{tr("catalogue.tax")}</th>
                                        <th scope="col" class="num no-print">{tr("product.margin")}</th>
                                    </tr></thead>
                                    <tbody>
                                        {ps.into_iter().map(|p| {
                                            let m = margin(p.list_price, p.cost).and_then(|m| m.percent_bp).map_or_else(|| "—".to_string(), fmt::margin_percent);
                                            view! {
                                                <tr>
                                                    <th scope="row">
                                                        <a href=href(&format!("/catalogue/{}", p.id))>{p.name.clone()}</a>
                                                        {p.locomotive.then(|| view! { " " <span class="badge no-print">{tr("product.badge.locomotive")}</span> })}
                                                        {p.retired.then(|| view! { " " <span class="badge warning">{tr("product.badge.retired")}</span> })}
                                                    </th>
                                                    <td data-label=tr("product.field.unit")>{p.unit.clone()}</td>
                                                    <td class="num" data-label=tr("product.field.list_price")>{fmt::price(p.list_price, &p.currency)}</td>
                                                    <td class="breaks-cell row-wide">{breaks_text(&p)}</td>
                                                    <td class="num" data-label=tr("catalogue.tax")>{fmt::percent(i64::from(p.tax_rate.0))}</td>
                                                    <td class="num no-print" data-label=tr("product.margin")>{m}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </ScrollArea>
                        </section>
                    }
                }).collect_view().into_any()
            }}
        </section>
    }
}
