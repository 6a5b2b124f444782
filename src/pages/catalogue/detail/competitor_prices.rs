//! What the competitors charge for a product (or its nearest equivalent): each price with
//! its date and source, added here (a competitor from the book or a typed name) and
//! removed one by one.

use crate::domain::product::{CompetitorPriceDraft, Product};
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;
use crate::state::actions::products;
use crate::state::data::{report_store_error, use_data};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::fmt;
use crate::ui::form::{ErrorSummary, FormErrors, SelectField, TextField};
use crate::ui::link::href;
use crate::ui::scroll_area::ScrollArea;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn CompetitorPrices(product: Memo<Product>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let competitor = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let price = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let book = Signal::derive(move || {
        data.competitors.with_all(|m| {
            let mut v: Vec<(String, String)> = m
                .values()
                .map(|c| (c.id.to_string(), c.name.clone()))
                .collect();
            v.sort_on_cached(|(_, n)| fold(n));
            v
        })
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = CompetitorPriceDraft {
            competitor: competitor.get_untracked(),
            name: name.get_untracked(),
            price: price.get_untracked(),
            date: date.get_untracked(),
            source: source.get_untracked(),
        };
        let save = match products::add_competitor_price(data, &product.get_untracked(), &draft) {
            Ok(save) => save,
            Err(errs) => {
                errors.show(&errs);
                return;
            }
        };
        errors.clear();
        spawn_local(async move {
            match save.await {
                Ok(_) => {
                    for s in [competitor, name, price, date, source] {
                        s.set(String::new());
                    }
                }
                Err(e) => report_store_error(toasts, &e),
            }
        });
    };
    let remove = move |index: usize| {
        let p = product.get_untracked();
        spawn_local(async move {
            if let Err(e) = products::remove_competitor_price(data, p, index).await {
                report_store_error(toasts, &e);
            }
        });
    };
    let err = move |f: &'static str| errors.field(f);
    let l = |k: &'static str| Signal::derive(tr_fn(k));
    view! {
        <section class="card" aria-labelledby="competitor-prices-heading">
            {move || {
                let p = product.get();
                let heading = view! { <h2 id="competitor-prices-heading">{tr("product.field.competitor_prices")}</h2> };
                let c = p.currency.clone();
                if p.competitor_prices.is_empty() {
                    view! { {heading} <p class="hint">{tr("product.competitor_prices.none")}</p> }.into_any()
                } else {
                    let ours = fmt::price(p.list_price, &c);
                    view! {
                        {heading}
                        <p class="hint">{tw("product.competitor_prices.ours", &[("price", &ours)])}</p>
                        <ScrollArea label=tr("product.field.competitor_prices")>
                            <table class="data-table cp-table">
                                <caption class="visually-hidden">{tr("product.field.competitor_prices")}</caption>
                                <thead><tr>
                                    <th scope="col">{tr("product.field.cp_from_book")}</th>
                                    <th scope="col" class="num">{tr("product.field.cp_price")}</th>
                                    <th scope="col">{tr("product.field.cp_date")}</th>
                                    <th scope="col">{tr("product.field.cp_source")}</th>
                                    <th scope="col" class="no-print actions-col"><span class="visually-hidden">{tr("product.competitor_prices.actions")}</span></th>
                                </tr></thead>
                                <tbody>
                                    {p.competitor_prices.iter().enumerate().map(|(i, cp)| {
                                        let who = match cp.competitor_id {
                                            Some(cid) if data.competitors.with(cid, |_| ()).is_some() => view! {
                                                <a href=href(&format!("/competitors/{cid}"))>{cp.competitor_name.clone()}</a>
                                            }.into_any(),
                                            _ => view! { <span>{cp.competitor_name.clone()}</span> }.into_any(),
                                        };
                                        let label = tw("product.competitor_prices.remove", &[("name", &cp.competitor_name), ("date", &fmt::date(cp.date))]);
                                        view! {
                                            <tr>
                                                <td>{who}</td>
                                                <td class="num">{fmt::price(cp.price, &c)}</td>
                                                <td>{fmt::date(cp.date)}</td>
                                                <td>{cp.source.clone()}</td>
                                                <td class="no-print">
                                                    <button type="button" class="link-button" aria-label=label on:click=move |_| remove(i)>
                                                        {tr("product.break.remove_short")}
                                                    </button>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </ScrollArea>
                    }.into_any()
                }
            }}
            <form class="inline-form cp-form no-print" on:submit=add novalidate>
                <ErrorSummary errors=errors.summary()/>
                <SelectField id="cp-competitor-id" label=l("product.field.cp_from_book") value=competitor options=book empty_label=l("product.competitor_prices.typed")/>
                <Show when=move || competitor.with(String::is_empty)>
                    <TextField id="cp-name" label=l("product.field.cp_competitor") value=name error=err("cp_competitor")/>
                </Show>
                <TextField id="cp-price" label=l("product.field.cp_price") value=price error=err("cp_price") hint=l("product.hint.price")/>
                <TextField id="cp-date" label=l("product.field.cp_date") value=date error=err("cp_date") input_type="date" hint=l("product.hint.cp_date")/>
                <TextField id="cp-source" label=l("product.field.cp_source") value=source error=err("cp_source") hint=l("product.hint.cp_source")/>
                {move || view! { <div class="actions"><button type="submit">{tr("product.competitor_prices.add")}</button></div> }}
            </form>
        </section>
    }
}
