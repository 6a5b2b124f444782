//! Products in use at an account: ours and competitors', with satisfaction.

use crate::domain::account::{ProductInUse, Satisfaction};
use crate::domain::ids::Id;
use crate::domain::sorting::SortExt;
use crate::state::actions::accounts;
use crate::state::data::{report_store_error, use_data};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::form::{field_error_text, select_options};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub(super) fn ProductsInUse(account_id: Id) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let product = RwSignal::new(String::new());
    let maker = RwSignal::new(String::new());
    let satisfaction = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let account = move || data.accounts.get(account_id);
    let competitor_name = move |cid: Option<Id>| match cid {
        None => tr("account.field.product_ours"),
        Some(cid) => data
            .competitors
            .with(cid, |c| c.name.clone())
            .unwrap_or_default(),
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(acc) = account() else { return };
        let product_in_use = ProductInUse {
            competitor_id: maker.get_untracked().parse().ok(),
            product: product.get_untracked(),
            satisfaction: Satisfaction::from_code(&satisfaction.get_untracked()),
            notes: String::new(),
        };
        let save = match accounts::add_product(data, &acc, product_in_use) {
            Ok(save) => save,
            Err(e) => {
                error.set(Some(field_error_text(&e)));
                return;
            }
        };
        error.set(None);
        spawn_local(async move {
            match save.await {
                Ok(_) => {
                    product.set(String::new());
                    satisfaction.set(String::new());
                }
                Err(e) => report_store_error(toasts, &e),
            }
        });
    };
    let remove = move |index: usize| {
        let Some(acc) = account() else { return };
        spawn_local(async move {
            if let Err(e) = accounts::remove_product(data, acc, index).await {
                report_store_error(toasts, &e);
            }
        });
    };
    view! {
        <div class="card">
            <h2>{tr_fn("account.field.products_in_use")}</h2>
            {move || {
                let items = account().map(|a| a.products_in_use).unwrap_or_default();
                if items.is_empty() {
                    view! { <p class="hint">{tr("account.products.none")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list">
                            {items.into_iter().enumerate().map(|(i, p)| {
                                let label = p.product.clone();
                                view! {
                                    <li class="row-with-action">
                                        <span>
                                            <strong>{p.product.clone()}</strong>
                                            " · " {competitor_name(p.competitor_id)}
                                            {p.satisfaction.map(|s| view! { " · " <span>{tr(s.key())}</span> })}
                                        </span>
                                        <button on:click=move |_| remove(i) aria-label=tw("account.products.remove", &[("product", &label)])>
                                            {tr("account.products.remove_short")}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <form class="inline-form" on:submit=add novalidate>
                <crate::ui::form::TextField id="product-name" label=Signal::derive(tr_fn("account.field.product")) value=product error=Signal::derive(move || error.get())/>
                <div class="field">
                    <label for="product-maker">{tr_fn("account.field.product_owner")}</label>
                    <select id="product-maker" on:change=move |ev| maker.set(event_target_value(&ev))>
                        <option value="">{tr_fn("account.field.product_ours")}</option>
                        {move || data.competitors.with_all(|m| {
                            let mut v: Vec<_> = m.values().map(|c| (c.id, c.name.clone())).collect();
                            v.sort_with(|a, b| a.1.cmp(&b.1));
                            v
                        }).into_iter().map(|(cid, name)| view! { <option value=cid.to_string()>{name}</option> }).collect_view()}
                    </select>
                </div>
                <crate::ui::form::SelectField id="product-satisfaction" label=Signal::derive(tr_fn("account.field.satisfaction")) value=satisfaction
                    options=Signal::derive(select_options(Satisfaction::ALL, Satisfaction::code, Satisfaction::key)) empty_label=Signal::derive(tr_fn("form.none"))/>
                <div class="actions"><button type="submit">{tr_fn("account.products.add")}</button></div>
            </form>
        </div>
    }
}
