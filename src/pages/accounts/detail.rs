//! One account's page: the profile, its people and buying centre, products in use, deals,
//! the trust panel, archive, delete with undo, and merging a duplicate.

use super::buying_centre::BuyingCentre;
use super::form::{tags_line, AccountForm};
use super::merge::MergeAccount;
use super::products::ProductsInUse;
use crate::domain::account::Account;
use crate::domain::contact::Contact;
use crate::domain::ids::Id;
use crate::domain::sorting::SortExt;
use crate::state::actions::accounts;
use crate::state::data::{report_store_error, use_data};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw, ToastKind};
use crate::ui::contact_form::ContactForm;
use crate::ui::fmt;
use crate::ui::link::href;
use crate::ui::missing::MissingRecord;
use crate::ui::style_hint::StyleHint;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

/// The account page (route `/accounts/:id`). The view is built once per account: edits
/// (here or in another tab) update it in place, so an open form keeps what was typed.
#[component]
pub fn AccountPage() -> impl IntoView {
    let data = use_data();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    let shown = Memo::new(move |_| id.get().filter(|id| data.accounts.contains(*id)));
    move || match shown.get() {
        Some(id) => {
            let account = data.accounts.get_untracked(id);
            account
                .map(|a| view! { <AccountView account=a/> })
                .into_any()
        }
        None => view! {
            <MissingRecord
                title_key="account.missing.title"
                body_key="account.missing.body"
                back_key="account.missing.back"
                back_path="/accounts"
            />
        }
        .into_any(),
    }
}

#[component]
fn AccountView(account: Account) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let id = account.id;
    let editing = RwSignal::new(false);
    let adding_person = RwSignal::new(false);
    let confirm_delete = RwSignal::new(false);
    let current = Memo::new(move |_| data.accounts.get(id));
    // The account's people by name (the buying centre reads them all); the list below
    // shows each from its own record.
    let people = Memo::new(move |_| {
        let ids = data.indexes.people_of(id);
        data.contacts.with_many(&ids, |ps| {
            let mut v: Vec<Contact> = ps.into_iter().cloned().collect();
            v.sort_with(|a, b| {
                crate::domain::text::fold(&a.name).cmp(&crate::domain::text::fold(&b.name))
            });
            v
        })
    });
    let people_ids =
        Memo::new(move |_| people.with(|v| v.iter().map(|c| c.id).collect::<Vec<Id>>()));
    let a = Memo::new(move |_| current.get().unwrap_or_else(|| account.clone()));

    let toggle_archive = move |_| {
        let acc = a.get();
        let archived = !acc.archived;
        spawn_local(async move {
            match accounts::set_archived(data, acc, archived).await {
                Ok(_) => toasts.push(
                    ToastKind::Success,
                    if archived {
                        tr("account.archived_done")
                    } else {
                        tr("account.restored_done")
                    },
                ),
                Err(e) => report_store_error(toasts, &e),
            }
        });
    };

    let nav = navigate.clone();
    let do_delete = move |_| {
        let acc = a.get();
        let delete = match accounts::delete(data, acc.clone()) {
            Ok(delete) => delete,
            Err(linked) => {
                let text = if linked.people == 0 && linked.deals == 0 {
                    tw(
                        "account.delete_blocked_service",
                        &[("count", &linked.service.to_string())],
                    )
                } else {
                    tw(
                        "account.delete_blocked",
                        &[
                            ("people", &linked.people.to_string()),
                            ("deals", &linked.deals.to_string()),
                        ],
                    )
                };
                toasts.push(ToastKind::Error, text);
                confirm_delete.set(false);
                return;
            }
        };
        let nav = nav.clone();
        spawn_local(async move {
            match delete.await {
                Ok(_) => {
                    toasts.push_with_action(
                        ToastKind::Success,
                        tw("account.deleted", &[("name", &acc.name)]),
                        tr("account.undo_delete"),
                        move || {
                            let acc = acc.clone();
                            spawn_local(async move {
                                if let Err(e) = accounts::undo_delete(data, acc).await {
                                    report_store_error(toasts, &e);
                                }
                            });
                        },
                    );
                    nav(&href("/accounts"), Default::default());
                }
                Err(e) => report_store_error(toasts, &e),
            }
        });
    };

    view! {
        <section class="page">
            <nav class="breadcrumbs" aria-label=tr_fn("shell.breadcrumbs")>
                <a href=href("/accounts")>{tr_fn("page.accounts.title")}</a>
            </nav>
            <div class="page-head">
                <h1>{move || a.get().name}</h1>
                <div class="badges">
                    {move || a.get().grade.map(|g| view! { <span class="badge">{tr(g.key())}</span> })}
                    {move || if a.get().is_existing_customer() {
                        view! { <span class="badge">{tr("customer_kind.existing")}</span> }
                    } else {
                        view! { <span class="badge">{tr("customer_kind.new")}</span> }
                    }}
                    {move || a.get().archived.then(|| view! { <span class="badge warning">{tr("account.field.archived")}</span> })}
                </div>
            </div>
            <div class="actions no-print">
                <button on:click=move |_| editing.set(true) disabled=move || editing.get()>{tr_fn("account.edit")}</button>
                <button on:click=toggle_archive>{move || if a.get().archived { tr("account.restore") } else { tr("account.archive") }}</button>
                <button class="danger" on:click=move |_| confirm_delete.set(true)>{tr_fn("account.delete")}</button>
            </div>
            <Show when=move || confirm_delete.get()>
                <div class="notice notice-warning" role="alertdialog" aria-label=tr_fn("account.delete")>
                    <p>{move || tw("account.delete_confirm", &[("name", &a.get().name)])}</p>
                    <div class="actions">
                        <button class="danger" on:click=do_delete.clone()>{tr_fn("account.delete_yes")}</button>
                        <button on:click=move |_| confirm_delete.set(false)>{tr_fn("account.delete_no")}</button>
                    </div>
                </div>
            </Show>
            {move || editing.get().then(|| view! {
                <h2>{tr("account.edit")}</h2>
                <AccountForm account=Some(a.get_untracked()) on_saved=move |_| editing.set(false) on_cancel=move |_| editing.set(false)/>
            })}
            <Show when=move || !editing.get()>
                <Profile account=a/>
            </Show>
            <ProductsInUse account_id=id/>
            <BuyingCentre people=people/>
            <div class="card">
                <div class="section-head">
                    <h2>{tr_fn("account.people")}</h2>
                    <button on:click=move |_| adding_person.set(true) disabled=move || adding_person.get()>{tr_fn("contact.add")}</button>
                </div>
                {move || adding_person.get().then(|| view! {
                    <ContactForm
                        contact=None
                        account_id=id
                        on_saved=move |_| adding_person.set(false)
                        on_cancel=move |_| adding_person.set(false)
                    />
                })}
                <Show when=move || !people.with(Vec::is_empty) fallback=move || view! { <p class="hint">{tr("account.no_people")}</p> }>
                    <ul class="people-list">
                        <For each=move || people_ids.get() key=|id| *id let:cid>
                            {move || data.contacts.get(cid).map(|c| view! {
                                <li>
                                    <a href=href(&format!("/contacts/{}", c.id))>{c.name.clone()}</a>
                                    {(!c.title.is_empty()).then(|| view! { <span class="hint">{format!(" · {}", c.title)}</span> })}
                                    {c.is_guide.then(|| view! { " " <span class="badge">{tr_fn("bc.guide")}</span> })}
                                    <StyleHint contact=c.clone()/>
                                </li>
                            })}
                        </For>
                    </ul>
                </Show>
            </div>
            <super::deals::AccountDeals account_id=id/>
            <super::trust_panel::AccountTrust account_id=id/>
            <super::service::AccountService account_id=id/>
            <super::purchases::PurchaseHistory account_id=id/>
            <super::credit::CreditChecks account_id=id/>
            <MergeAccount account_id=id/>
        </section>
    }
}

#[component]
fn Profile(#[prop(into)] account: Signal<Account>) -> impl IntoView {
    let row = move |label: &'static str, value: String| {
        (!value.trim().is_empty()).then(|| {
            view! {
                <dt>{tr_fn(label)}</dt>
                <dd class="pre-line">{value}</dd>
            }
        })
    };
    view! {
        <div class="card">
            <h2>{tr_fn("account.profile")}</h2>
            {move || {
                let a = account.get();
                let address = [a.address.street.as_str(), a.address.postal_code.as_str(), a.address.city.as_str(), a.address.region.as_str(), a.address.country.as_str()]
                    .into_iter().filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join(", ");
                view! {
                    <dl class="facts">
                        {(!a.phones.is_empty()).then(|| view! {
                            <dt>{tr("account.field.phones")}</dt>
                            <dd>{a.phones.iter().map(|p| view! { <a href=crate::domain::account::tel_href(p)>{p.clone()}</a> " " }).collect_view()}</dd>
                        })}
                        {(!a.emails.is_empty()).then(|| view! {
                            <dt>{tr("account.field.emails")}</dt>
                            <dd>{a.emails.iter().map(|e| view! { <a href=crate::domain::account::mailto_href(e)>{e.clone()}</a> " " }).collect_view()}</dd>
                        })}
                        {(!a.website.is_empty()).then(|| view! {
                            <dt>{tr("account.field.website")}</dt>
                            <dd><a href=crate::domain::account::website_href(&a.website) rel="noopener noreferrer" target="_blank">{a.website.clone()}</a></dd>
                        })}
                        {row("account.field.address", address)}
                        {row("account.field.industry", a.industry.clone())}
                        {row("account.field.lead_source", a.lead_source.map(|l| tr(l.key())).unwrap_or_default())}
                        {row("account.field.heard_of_us", a.heard_of_us.clone())}
                        {row("account.field.owner", a.owner.clone())}
                        {row("account.field.tags", tags_line(&a))}
                        {row("account.field.customer_since", a.customer_since.map(fmt::date).unwrap_or_default())}
                        {row("account.field.business_scope", a.business_scope.clone())}
                        {row("account.field.size", a.size.clone())}
                        {row("account.field.operating_state", a.operating_state.clone())}
                        {row("account.field.financial_state", a.financial_state.clone())}
                        {row("account.field.purchase_plans", a.purchase_plans.clone())}
                        {row("account.field.problems_to_solve", a.problems_to_solve.clone())}
                        {row("account.field.department_dynamics", a.department_dynamics.clone())}
                        {row("account.field.notes", a.notes.clone())}
                    </dl>
                }
            }}
        </div>
    }
}
