//! The product form: name, category, unit, currency, list price, cost, tax rate, weight,
//! the locomotive flag, the price-break table (rows added and removed), related products
//! (chosen from the catalogue) and a description. A refused save names every problem at
//! its field (a break problem at its row) and keeps everything typed.

use crate::domain::fields::FieldError;
use crate::domain::ids::Id;
use crate::domain::product::{categories, BreakDraft, Product, ProductDraft, WEIGHTS};
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;
use crate::state::actions::products;
use crate::state::data::use_data;
use crate::state::record_save::RecordSave;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::conflict::{reloadable, ConflictPanel};
use crate::ui::form::{
    field_error_text, CheckboxField, ErrorSummary, FormErrors, SelectField, TextArea, TextField,
};
use leptos::prelude::*;

/// One row of the break table being edited (the key keeps its inputs when rows go).
#[derive(Clone, Copy)]
struct BreakRow {
    key: u64,
    min_qty: RwSignal<String>,
    unit_price: RwSignal<String>,
}

#[component]
pub fn ProductForm(
    product: Option<Product>,
    #[prop(into)] on_saved: Callback<Product>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    reloadable(product, move |product, on_reload| {
        view! { <ProductFormBody product on_saved on_cancel on_reload/> }
    })
}

#[component]
fn ProductFormBody(
    product: Option<Product>,
    on_saved: Callback<Product>,
    on_cancel: Callback<()>,
    /// Shows the form again with another version (after "Take theirs").
    on_reload: Callback<Product>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let save = RecordSave::new(data, toasts, on_saved);
    let own = product.as_ref().map(|p| p.id);
    let d = product
        .as_ref()
        .map(ProductDraft::from_product)
        .unwrap_or_default();
    let name = RwSignal::new(d.name.clone());
    let category = RwSignal::new(d.category.clone());
    let unit = RwSignal::new(d.unit.clone());
    let currency = RwSignal::new(d.currency.clone());
    let list_price = RwSignal::new(d.list_price.clone());
    let cost = RwSignal::new(d.cost.clone());
    let tax_rate = RwSignal::new(d.tax_rate.clone());
    let weight = RwSignal::new(d.weight.clone());
    let locomotive = RwSignal::new(d.locomotive);
    let description = RwSignal::new(d.description.clone());
    // Related products that still exist (a deleted one is dropped at the next save).
    let related = RwSignal::new(
        d.related
            .iter()
            .copied()
            .filter(|id| data.products.with_all_untracked(|m| m.contains_key(id)))
            .collect::<Vec<Id>>(),
    );
    let next_key = StoredValue::new(0u64);
    let new_row = move |q: String, p: String| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        BreakRow {
            key,
            min_qty: RwSignal::new(q),
            unit_price: RwSignal::new(p),
        }
    };
    let rows = RwSignal::new(
        d.breaks
            .iter()
            .map(|b| new_row(b.min_qty.clone(), b.unit_price.clone()))
            .collect::<Vec<BreakRow>>(),
    );
    let errors = FormErrors::new();
    // The errors of the break rows and of the related products, by row.
    let row_errors = RwSignal::new(Vec::<FieldError>::new());
    let base = StoredValue::new(product);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ProductDraft {
            name: name.get_untracked(),
            category: category.get_untracked(),
            unit: unit.get_untracked(),
            currency: currency.get_untracked(),
            list_price: list_price.get_untracked(),
            cost: cost.get_untracked(),
            tax_rate: tax_rate.get_untracked(),
            weight: weight.get_untracked(),
            locomotive: locomotive.get_untracked(),
            breaks: rows
                .get_untracked()
                .iter()
                .map(|r| BreakDraft {
                    min_qty: r.min_qty.get_untracked(),
                    unit_price: r.unit_price.get_untracked(),
                })
                .collect(),
            related: related.get_untracked(),
            description: description.get_untracked(),
        };
        match products::from_form(&data, base.get_value(), &draft) {
            Err(errs) => {
                errors.show(&errs);
                row_errors.set(
                    errs.into_iter()
                        .filter(|e| e.index.is_some())
                        .collect::<Vec<_>>(),
                );
            }
            Ok(record) => {
                errors.clear();
                row_errors.set(Vec::new());
                save.save(base.get_value(), record);
            }
        }
    };

    let err = move |f: &'static str| errors.field(f);
    let l = |k: &'static str| Signal::derive(tr_fn(k));
    // The categories in use, so a new product joins one of them as written there.
    let category_hint = Signal::derive(move || {
        let known = data.products.with_all(|m| categories(m.values()));
        if known.is_empty() {
            tr("product.hint.category")
        } else {
            tw(
                "product.hint.category_known",
                &[("categories", &known.join(", "))],
            )
        }
    });
    // Every other product, by name, for the related choice.
    let others = Memo::new(move |_| {
        data.products.with_all(|m| {
            let mut v: Vec<(Id, String, bool)> = m
                .values()
                .filter(|p| Some(p.id) != own)
                .map(|p| (p.id, p.name.clone(), p.retired))
                .collect();
            v.sort_on_cached(|(id, n, _)| (fold(n), *id));
            v
        })
    });
    let weights = Signal::derive(|| {
        WEIGHTS
            .map(|w| {
                (
                    w.to_string(),
                    tw("product.weight.value", &[("weight", &w.to_string())]),
                )
            })
            .collect::<Vec<_>>()
    });
    let indexed_rows = move || rows.get().into_iter().enumerate().collect::<Vec<_>>();
    let add_row = move |_| rows.update(|v| v.push(new_row(String::new(), String::new())));
    let remove_row = move |key: u64| rows.update(|v| v.retain(|r| r.key != key));
    let row_messages = move |i: usize| {
        row_errors.with(|v| {
            v.iter()
                .filter(|e| e.field == "price_breaks" && e.index == Some(i))
                .map(field_error_text)
                .collect::<Vec<_>>()
        })
    };

    view! {
        <form class="card form-grid record-form product-form" on:submit=submit novalidate>
            <ErrorSummary errors=errors.summary()/>
            <div class="form-columns">
                <TextField id="product-name" label=l("product.field.name") value=name error=err("name") required=true/>
                <TextField id="product-category" label=l("product.field.category") value=category error=err("category") hint=category_hint/>
                <TextField id="product-unit" label=l("product.field.unit") value=unit error=err("unit") hint=l("product.hint.unit")/>
                <TextField id="product-currency" label=l("product.field.currency") value=currency error=err("currency") hint=l("product.hint.currency") required=true/>
                <TextField id="product-list-price" label=l("product.field.list_price") value=list_price error=err("list_price") hint=l("product.hint.price") required=true/>
                <TextField id="product-cost" label=l("product.field.cost") value=cost error=err("cost") hint=l("product.hint.cost")/>
                <TextField id="product-tax" label=l("product.field.tax_rate") value=tax_rate error=err("tax_rate") hint=l("product.hint.tax")/>
                <SelectField id="product-weight" label=l("product.field.weight") value=weight options=weights error=err("weight") hint=l("product.hint.weight")/>
                <CheckboxField id="product-locomotive" label=l("product.field.locomotive") checked=locomotive hint=l("product.hint.locomotive")/>
            </div>
            <fieldset class="break-editor">
                {move || view! {
                    <legend>{tr("product.field.price_breaks")}</legend>
                    <p class="hint">{tr("product.hint.breaks")}</p>
                }}
                <For each=indexed_rows key=|(i, r): &(usize, BreakRow)| (*i, r.key) let:item>
                    {
                        let (i, r) = item;
                        let qty_id = format!("break-qty-{}", r.key);
                        let price_id = format!("break-price-{}", r.key);
                        let has_error = move || !row_messages(i).is_empty();
                        // One piece per row: its words follow the language, its inputs keep
                        // what was typed (the values live in the row's signals).
                        move || {
                            let (qty_id, price_id) = (qty_id.clone(), price_id.clone());
                            let row = (i + 1).to_string();
                            view! {
                                <div class="break-row" role="group" aria-label=tw("product.break.row", &[("row", &row)])>
                                    <div class="field">
                                        <label for=qty_id.clone()>{tr("product.field.break_qty")}</label>
                                        <input id=qty_id inputmode="decimal" prop:value=move || r.min_qty.get()
                                            on:input=move |ev| r.min_qty.set(event_target_value(&ev))
                                            aria-invalid=move || has_error().then_some("true")/>
                                    </div>
                                    <div class="field">
                                        <label for=price_id.clone()>{tr("product.field.break_price")}</label>
                                        <input id=price_id inputmode="decimal" prop:value=move || r.unit_price.get()
                                            on:input=move |ev| r.unit_price.set(event_target_value(&ev))
                                            aria-invalid=move || has_error().then_some("true")/>
                                    </div>
                                    <button type="button" class="break-remove"
                                        aria-label=tw("product.break.remove", &[("row", &row)])
                                        on:click=move |_| remove_row(r.key)>
                                        {tr("product.break.remove_short")}
                                    </button>
                                    {move || row_messages(i).into_iter().map(|m| view! { <p class="field-error">{m}</p> }).collect_view()}
                                </div>
                            }
                        }
                    }
                </For>
                {move || view! { <button type="button" on:click=add_row>{tr("product.break.add")}</button> }}
            </fieldset>
            <fieldset class="related-choice">
                {move || view! { <legend>{tr("product.field.related")}</legend> }}
                <Show when=move || !others.with(Vec::is_empty) fallback=move || view! { <p class="hint">{tr("product.related.none_to_choose")}</p> }>
                    <ul class="check-list">
                        <For each=move || others.get() key=|(id, n, r)| (*id, n.clone(), *r) let:item>
                            {
                                let (pid, pname, retired) = item;
                                let cid = format!("related-{pid}");
                                view! {
                                    <li class="field-check">
                                        <input type="checkbox" id=cid.clone()
                                            prop:checked=move || related.with(|v| v.contains(&pid))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                related.update(|v| {
                                                    v.retain(|x| *x != pid);
                                                    if on { v.push(pid); }
                                                });
                                            }/>
                                        <label for=cid>{pname}{retired.then(|| view! { " " <span class="hint">{tr("product.badge.retired")}</span> })}</label>
                                    </li>
                                }
                            }
                        </For>
                    </ul>
                </Show>
                {move || row_errors.with(|v| v.iter().filter(|e| e.field == "related").map(field_error_text).collect::<Vec<_>>())
                    .into_iter().map(|m| view! { <p class="field-error">{m}</p> }).collect_view()}
            </fieldset>
            <TextArea id="product-description" label=l("product.field.description") value=description/>
            <ConflictPanel save on_take_theirs=on_reload/>
            {move || view! {
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || save.busy.get()>{tr("form.save")}</button>
                    <button type="button" on:click=move |_| on_cancel.run(())>{tr("form.cancel")}</button>
                </div>
            }}
        </form>
    }
}
