//! People: the list of everyone in the book, and one person's page (contact data, buying
//! centre, personal facts, moves between accounts, merge, and the trust panel).

use crate::domain::contact::Contact;
use crate::domain::ids::Id;
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;
use crate::state::data::use_data;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::contact_form::ContactForm;
use crate::ui::fmt;
use crate::ui::link::href;
use crate::ui::scroll_area::ScrollArea;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const PAGE: usize = 50;

#[component]
pub fn ContactsPage() -> impl IntoView {
    let data = use_data();
    let navigate = use_navigate();
    let filter = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);
    let creating = RwSignal::new(false);
    let rows = Memo::new(move |_| {
        let q = fold(&filter.get());
        let accounts = data.accounts.with_all(|m| {
            m.iter()
                .map(|(id, a)| (*id, a.name.clone()))
                .collect::<std::collections::HashMap<_, _>>()
        });
        data.contacts.with_all(|m| {
            let mut v: Vec<&Contact> = m
                .values()
                .filter(|c| {
                    let acc = accounts.get(&c.account_id).map_or("", String::as_str);
                    q.is_empty()
                        || fold(&c.name).contains(&q)
                        || fold(&c.title).contains(&q)
                        || fold(acc).contains(&q)
                        || c.emails.iter().any(|e| e.to_lowercase().contains(&q))
                })
                .collect();
            let order = fmt::name_order(v.iter().map(|c| c.name.as_str()));
            v.sort_on_cached(|c| (order(&c.name), c.name.clone(), c.id));
            v.into_iter().map(|c| c.id).collect::<Vec<Id>>()
        })
    });
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{tr_fn("page.contacts.title")}</h1>
                <div class="actions">
                    <button class="primary" on:click=move |_| creating.set(true) disabled=move || creating.get()>{tr_fn("contact.add")}</button>
                </div>
            </div>
            {move || creating.get().then(|| {
                let nav = navigate.clone();
                view! {
                    <div class="card">
                        <h2>{tr("contact.add")}</h2>
                        <ContactForm contact=None
                            on_saved=move |c: Contact| { creating.set(false); nav(&href(&format!("/contacts/{}", c.id)), Default::default()); }
                            on_cancel=move |_| creating.set(false)/>
                    </div>
                }
            })}
            <div class="card filters" role="search" aria-label=tr_fn("contacts.filter")>
                <crate::ui::form::TextField id="contacts-filter" label=Signal::derive(tr_fn("contacts.filter")) value=filter input_type="search"/>
            </div>
            <p role="status" class="hint">
                {move || tw("contacts.count", &[("shown", &fmt::number(rows.with(Vec::len).min(shown.get()) as i64)), ("total", &fmt::number(rows.with(Vec::len) as i64))])}
            </p>
            <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! {
                <div class="card empty"><p>{move || if data.contacts.is_empty() { tr("contacts.empty") } else { tr("contacts.none_match") }}</p></div>
            }>
                <ScrollArea label=Signal::derive(tr_fn("page.contacts.title")) class="card">
                    <table class="data-table wide">
                        <caption class="visually-hidden">{tr_fn("page.contacts.title")}</caption>
                        <thead><tr>
                            <th scope="col">{tr_fn("contact.field.name")}</th>
                            <th scope="col" class="hide-narrow">{tr_fn("contact.field.title")}</th>
                            <th scope="col">{tr_fn("contact.field.account_id")}</th>
                        </tr></thead>
                        <tbody>
                            <For each=move || rows.get().into_iter().take(shown.get()) key=|id| *id let:id>
                                {move || data.contacts.get(id).map(|c| {
                                    let account = c.account_id;
                                    view! {
                                        <tr>
                                            <td>
                                                <a href=href(&format!("/contacts/{}", c.id))>{c.name.clone()}</a>
                                                {c.is_guide.then(|| view! { " " <span class="badge">{tr_fn("bc.guide")}</span> })}
                                            </td>
                                            <td class="hide-narrow">{c.title.clone()}</td>
                                            <td><a href=href(&format!("/accounts/{account}"))>{move || data.accounts.with(account, |a| a.name.clone()).unwrap_or_default()}</a></td>
                                        </tr>
                                    }
                                })}
                            </For>
                        </tbody>
                    </table>
                </ScrollArea>
                <Show when=move || { rows.with(Vec::len) > shown.get() }>
                    <button on:click=move |_| shown.update(|n| *n += PAGE)>{tr_fn("accounts.show_more")}</button>
                </Show>
            </Show>
        </section>
    }
}
