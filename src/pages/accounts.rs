//! Accounts (step 1, customer analysis): the list with filters, and one account's page with
//! its profile, products in use, buying-centre map, people, deals and relationship health.

use super::account_form::{tags_line, AccountForm};
use super::contact_form::ContactForm;
use crate::app::href;
use crate::domain::account::{
    all_tags, filter_accounts, industries, owners, set_archived, sort_accounts, Account,
    AccountFilter, AccountSortKey, ArchiveView, CustomerKind, Grade, LeadSource, ProductInUse,
    Satisfaction,
};
use crate::domain::buying_centre::{map as bc_map, warnings as bc_warnings, BuyingCentreWarning};
use crate::domain::contact::Contact;
use crate::domain::ids::Id;
use crate::state::data::{use_data, AppData, Changes};
use crate::state::toasts::use_toasts;
use crate::state::{tr, tw, ToastKind};
use crate::ui::fmt;
use crate::ui::scroll_area::ScrollArea;
use crate::ui::style_hint::StyleHint;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

const PAGE: usize = 50;

fn select_options<T: Copy + 'static>(
    all: &'static [T],
    code: fn(&T) -> &'static str,
    key: fn(&T) -> &'static str,
) -> impl Fn() -> Vec<(String, String)> + Copy {
    move || {
        all.iter()
            .map(|x| (code(x).to_string(), tr(key(x))))
            .collect()
    }
}

/// Accounts per lead source, how many became customers, and their won deal value. It sits
/// on the accounts page, next to the lead-source filter it explains: a row's count is what
/// the filter shows for that source with "Show: All".
#[component]
fn LeadSourceReport(accounts: Memo<Vec<Account>>) -> impl IntoView {
    let data = use_data();
    let rows = Memo::new(move |_| {
        let deals = data.deals.with(|m| m.values().cloned().collect::<Vec<_>>());
        accounts.with(|a| crate::domain::account::lead_source_report(a, &deals))
    });
    view! {
        <section class="card lead-report" aria-labelledby="lead-report-heading">
            <h2 id="lead-report-heading">{move || tr("tasks_more.report.title")}</h2>
            <p class="hint">{move || tr("tasks_more.report.intro")}</p>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=move || view! { <p class="hint">{move || tr("tasks_more.report.empty")}</p> }
            >
                <ScrollArea label=Signal::derive(|| tr("tasks_more.report.caption"))>
                    <table class="data-table">
                        <caption>{move || tr("tasks_more.report.caption")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || tr("tasks_more.report.source")}</th>
                                <th scope="col" class="num">{move || tr("tasks_more.report.accounts")}</th>
                                <th scope="col" class="num">{move || tr("tasks_more.report.customers")}</th>
                                <th scope="col" class="num">{move || tr("tasks_more.report.won")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|r| {
                                let name = r.source.map_or_else(|| tr("tasks_more.report.not_set"), |s| tr(s.key()));
                                let won = if r.won.is_empty() {
                                    "—".to_string()
                                } else {
                                    r.won
                                        .iter()
                                        .map(|(c, minor)| fmt::money(&crate::domain::money::Money::new(*minor, c.clone())))
                                        .collect::<Vec<_>>()
                                        .join(" + ")
                                };
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        <td class="num">{fmt::number(r.accounts as i64)}</td>
                                        <td class="num">{fmt::number(r.customers as i64)}</td>
                                        <td class="num">{won}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </ScrollArea>
            </Show>
        </section>
    }
}

#[component]
pub fn AccountsPage() -> impl IntoView {
    let data = use_data();
    let navigate = use_navigate();
    let creating = RwSignal::new(false);
    let grade = RwSignal::new(String::new());
    let industry = RwSignal::new(String::new());
    let tag = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let customer = RwSignal::new(String::new());
    let lead_source = RwSignal::new(String::new());
    let archive = RwSignal::new("active".to_string());
    let sort = RwSignal::new("name".to_string());
    let shown = RwSignal::new(PAGE);

    let all = Memo::new(move |_| {
        data.accounts
            .with(|m| m.values().cloned().collect::<Vec<_>>())
    });
    let filter = Memo::new(move |_| AccountFilter {
        grade: Grade::from_code(&grade.get()),
        industry: Some(industry.get()).filter(|s| !s.is_empty()),
        tag: Some(tag.get()).filter(|s| !s.is_empty()),
        owner: Some(owner.get()).filter(|s| !s.is_empty()),
        customer: CustomerKind::from_code(&customer.get()),
        lead_source: LeadSource::from_code(&lead_source.get()),
        archive: ArchiveView::from_code(&archive.get()).unwrap_or_default(),
    });
    let rows = Memo::new(move |_| {
        all.with(|accounts| {
            let mut list = filter.with(|f| filter_accounts(accounts, f));
            let (key, desc) = match sort.get().as_str() {
                "grade" => (AccountSortKey::Grade, false),
                "updated" => (AccountSortKey::Updated, true),
                _ => (AccountSortKey::Name, false),
            };
            sort_accounts(&mut list, key, desc);
            list.into_iter().cloned().collect::<Vec<_>>()
        })
    });
    let people_count = Memo::new(move |_| {
        data.contacts.with(|m| {
            let mut counts = std::collections::HashMap::<Id, usize>::new();
            for c in m.values() {
                *counts.entry(c.account_id).or_default() += 1;
            }
            counts
        })
    });

    let filter_select =
        move |id: &'static str,
              label: &'static str,
              value: RwSignal<String>,
              opts: Box<dyn Fn() -> Vec<(String, String)> + Send + Sync>| {
            view! {
                <div class="field">
                    <label for=id>{move || tr(label)}</label>
                    <select id=id on:change=move |ev| { value.set(event_target_value(&ev)); shown.set(PAGE); } prop:value=move || value.get()>
                        <option value="">{move || tr("accounts.filter.any")}</option>
                        {move || opts().into_iter().map(|(c, t)| {
                            let c2 = c.clone();
                            view! { <option value=c selected=move || value.get() == c2>{t}</option> }
                        }).collect_view()}
                    </select>
                </div>
            }
        };
    let nav2 = navigate.clone();
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || tr("page.accounts.title")}</h1>
                <div class="actions">
                    <a class="button" href=href("/competitors")>{move || tr("competitors.title")}</a>
                    <a class="button" href=href("/intel")>{move || tr("intel.title")}</a>
                    <button class="primary" on:click=move |_| creating.set(true) disabled=move || creating.get()>
                        {move || tr("accounts.new")}
                    </button>
                </div>
            </div>
            <Show when=move || creating.get()>
                {
                    let nav = nav2.clone();
                    view! {
                        <h2>{move || tr("accounts.new")}</h2>
                        <AccountForm
                            account=None
                            on_saved=move |a: Account| {
                                creating.set(false);
                                nav(&href(&format!("/accounts/{}", a.id)), Default::default());
                            }
                            on_cancel=move |_| creating.set(false)
                        />
                    }
                }
            </Show>
            <crate::ui::filters::FilterPanel
                id="account-filters"
                class="filters"
                label=Signal::derive(|| tr("accounts.filters"))
                set=Signal::derive(move || filter.with(AccountFilter::narrowing))
            >
                {filter_select("filter-grade", "account.field.grade", grade, Box::new(select_options(Grade::ALL, Grade::code, Grade::key)))}
                {filter_select("filter-industry", "account.field.industry", industry, Box::new(move || all.with(|a| industries(a)).into_iter().map(|s| (s.clone(), s)).collect()))}
                {filter_select("filter-tag", "account.field.tags", tag, Box::new(move || all.with(|a| all_tags(a)).into_iter().map(|s| (s.clone(), s)).collect()))}
                {filter_select("filter-owner", "account.field.owner", owner, Box::new(move || all.with(|a| owners(a)).into_iter().map(|s| (s.clone(), s)).collect()))}
                {filter_select("filter-customer", "accounts.filter.customer", customer, Box::new(select_options(CustomerKind::ALL, CustomerKind::code, CustomerKind::key)))}
                {filter_select("filter-lead-source", "account.field.lead_source", lead_source, Box::new(select_options(LeadSource::ALL, LeadSource::code, LeadSource::key)))}
                <div class="field">
                    <label for="filter-archive">{move || tr("accounts.filter.show")}</label>
                    <select id="filter-archive" on:change=move |ev| archive.set(event_target_value(&ev))>
                        {ArchiveView::ALL.iter().map(|v| {
                            let code = v.code();
                            view! { <option value=code selected=move || archive.get() == code>{move || tr(v.key())}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="accounts-sort">{move || tr("accounts.sort")}</label>
                    <select id="accounts-sort" on:change=move |ev| sort.set(event_target_value(&ev))>
                        <option value="name">{move || tr("accounts.sort.name")}</option>
                        <option value="grade">{move || tr("accounts.sort.grade")}</option>
                        <option value="updated">{move || tr("accounts.sort.updated")}</option>
                    </select>
                </div>
            </crate::ui::filters::FilterPanel>
            <p role="status" class="hint">
                {move || tw("accounts.count", &[("shown", &fmt::number(rows.with(Vec::len).min(shown.get()) as i64)), ("total", &fmt::number(rows.with(Vec::len) as i64))])}
            </p>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=move || view! {
                    <div class="card empty">
                        <p>{move || if data.accounts.with(|m| m.is_empty()) { tr("accounts.empty") } else { tr("accounts.none_match") }}</p>
                    </div>
                }
            >
                <ScrollArea label=Signal::derive(|| tr("page.accounts.title")) class="card">
                    <table class="data-table wide">
                        <caption class="visually-hidden">{move || tr("page.accounts.title")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || tr("account.field.name")}</th>
                                <th scope="col">{move || tr("account.field.grade")}</th>
                                <th scope="col" class="hide-narrow">{move || tr("account.field.industry")}</th>
                                <th scope="col" class="hide-narrow">{move || tr("account.field.owner")}</th>
                                <th scope="col" class="num">{move || tr("accounts.people")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || rows.get().into_iter().take(shown.get())
                                key=|a| (a.id, a.rev)
                                let:a
                            >
                                <tr>
                                    <td>
                                        <a href=href(&format!("/accounts/{}", a.id))>{a.name.clone()}</a>
                                        {a.archived.then(|| view! { " " <span class="badge">{move || tr("account.field.archived")}</span> })}
                                        {(!a.tags.is_empty()).then(|| view! { <div class="hint">{tags_line(&a)}</div> })}
                                    </td>
                                    <td>{a.grade.map(|g| g.code().to_uppercase()).unwrap_or_default()}</td>
                                    <td class="hide-narrow">{a.industry.clone()}</td>
                                    <td class="hide-narrow">{a.owner.clone()}</td>
                                    <td class="num">{move || people_count.with(|m| m.get(&a.id).copied().unwrap_or(0))}</td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </ScrollArea>
                <Show when=move || { rows.with(Vec::len) > shown.get() }>
                    <button on:click=move |_| shown.update(|n| *n += PAGE)>{move || tr("accounts.show_more")}</button>
                </Show>
            </Show>
            <LeadSourceReport accounts=all/>
        </section>
    }
}

/// The account page (route `/accounts/:id`). The view is built once per account: edits
/// (here or in another tab) update it in place, so an open form keeps what was typed.
#[component]
pub fn AccountPage() -> impl IntoView {
    let data = use_data();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    let shown = Memo::new(move |_| {
        id.get()
            .filter(|id| data.accounts.with(|m| m.contains_key(id)))
    });
    move || {
        match shown.get() {
        Some(id) => {
            let account = data.accounts.with_untracked(|m| m.get(&id).cloned());
            account.map(|a| view! { <AccountView account=a/> }).into_any()
        }
        None => view! {
            <section class="page">
                <h1>{move || tr("account.missing.title")}</h1>
                <div class="card">
                    <p>{move || tr("account.missing.body")}</p>
                    <a class="button" href=href("/accounts")>{move || tr("account.missing.back")}</a>
                </div>
            </section>
        }.into_any(),
    }
    }
}

fn save(data: AppData, ch: Changes, ok: impl FnOnce() + 'static) {
    let toasts = use_toasts();
    spawn_local(async move {
        match ch.commit(data).await {
            Ok(()) => ok(),
            Err(e) => crate::state::data::report_store_error(toasts, &e),
        }
    });
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
    let current = Memo::new(move |_| data.accounts.with(|m| m.get(&id).cloned()));
    let people = Memo::new(move |_| {
        data.contacts.with(|m| {
            let mut v: Vec<Contact> = m.values().filter(|c| c.account_id == id).cloned().collect();
            v.sort_by(|a, b| {
                crate::domain::text::fold(&a.name).cmp(&crate::domain::text::fold(&b.name))
            });
            v
        })
    });
    let a = Memo::new(move |_| current.get().unwrap_or_else(|| account.clone()));

    let toggle_archive = move |_| {
        let acc = a.get();
        let archived = !acc.archived;
        let mut ch = Changes::new();
        ch.put(&data, set_archived(&acc, archived));
        save(data, ch, move || {
            toasts.push(
                ToastKind::Success,
                if archived {
                    tr("account.archived_done")
                } else {
                    tr("account.restored_done")
                },
            )
        });
    };

    let nav = navigate.clone();
    let do_delete = move |_| {
        let acc = a.get();
        let deals = data
            .deals
            .with(|m| m.values().filter(|d| d.account_id == acc.id).count());
        let n_people = people.with(Vec::len);
        if n_people > 0 || deals > 0 {
            toasts.push(
                ToastKind::Error,
                tw(
                    "account.delete_blocked",
                    &[
                        ("people", &n_people.to_string()),
                        ("deals", &deals.to_string()),
                    ],
                ),
            );
            confirm_delete.set(false);
            return;
        }
        let mut ch = Changes::new();
        ch.delete(&acc);
        let nav = nav.clone();
        save(data, ch, move || {
            toasts.push_with_action(
                ToastKind::Success,
                tw("account.deleted", &[("name", &acc.name)]),
                tr("account.undo_delete"),
                move || {
                    let mut back = acc.clone();
                    back.rev += 1;
                    let mut ch = Changes::new();
                    ch.put(&data, back);
                    save(data, ch, move || {});
                },
            );
            nav(&href("/accounts"), Default::default());
        });
    };

    view! {
        <section class="page">
            <nav class="breadcrumbs" aria-label=move || tr("shell.breadcrumbs")>
                <a href=href("/accounts")>{move || tr("page.accounts.title")}</a>
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
                <button on:click=move |_| editing.set(true) disabled=move || editing.get()>{move || tr("account.edit")}</button>
                <button on:click=toggle_archive>{move || if a.get().archived { tr("account.restore") } else { tr("account.archive") }}</button>
                <button class="danger" on:click=move |_| confirm_delete.set(true)>{move || tr("account.delete")}</button>
            </div>
            <Show when=move || confirm_delete.get()>
                <div class="notice notice-warning" role="alertdialog" aria-label=move || tr("account.delete")>
                    <p>{move || tw("account.delete_confirm", &[("name", &a.get().name)])}</p>
                    <div class="actions">
                        <button class="danger" on:click=do_delete.clone()>{move || tr("account.delete_yes")}</button>
                        <button on:click=move |_| confirm_delete.set(false)>{move || tr("account.delete_no")}</button>
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
                    <h2>{move || tr("account.people")}</h2>
                    <button on:click=move |_| adding_person.set(true) disabled=move || adding_person.get()>{move || tr("contact.add")}</button>
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
                        <For each=move || people.get() key=|c| (c.id, c.rev) let:c>
                            <li>
                                <a href=href(&format!("/contacts/{}", c.id))>{c.name.clone()}</a>
                                {(!c.title.is_empty()).then(|| view! { <span class="hint">{format!(" · {}", c.title)}</span> })}
                                {c.is_guide.then(|| view! { " " <span class="badge">{move || tr("bc.guide")}</span> })}
                                <StyleHint contact=c.clone()/>
                            </li>
                        </For>
                    </ul>
                </Show>
            </div>
            <crate::pages::deals::AccountDeals account_id=id/>
            <crate::pages::trust::AccountTrustPanel account_id=id/>
            <MergeAccount account_id=id/>
        </section>
    }
}

#[component]
fn Profile(#[prop(into)] account: Signal<Account>) -> impl IntoView {
    let row = move |label: &'static str, value: String| {
        (!value.trim().is_empty()).then(|| {
            view! {
                <dt>{move || tr(label)}</dt>
                <dd class="pre-line">{value}</dd>
            }
        })
    };
    view! {
        <div class="card">
            <h2>{move || tr("account.profile")}</h2>
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

#[component]
fn ProductsInUse(account_id: Id) -> impl IntoView {
    let data = use_data();
    let product = RwSignal::new(String::new());
    let maker = RwSignal::new(String::new());
    let satisfaction = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let account = move || data.accounts.with(|m| m.get(&account_id).cloned());
    let competitor_name = move |cid: Option<Id>| match cid {
        None => tr("account.field.product_ours"),
        Some(cid) => data
            .competitors
            .with(|m| m.get(&cid).map(|c| c.name.clone()))
            .unwrap_or_default(),
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut acc) = account() else { return };
        if product.get_untracked().trim().is_empty() {
            error.set(Some(crate::state::tw(
                "field.error.required",
                &[("field", &tr("account.field.product"))],
            )));
            return;
        }
        error.set(None);
        acc.products_in_use.push(ProductInUse {
            competitor_id: maker.get_untracked().parse().ok(),
            product: product.get_untracked().trim().to_string(),
            satisfaction: Satisfaction::from_code(&satisfaction.get_untracked()),
            notes: String::new(),
        });
        let mut ch = Changes::new();
        ch.put(&data, acc);
        save(data, ch, move || {
            product.set(String::new());
            satisfaction.set(String::new());
        });
    };
    let remove = move |index: usize| {
        let Some(mut acc) = account() else { return };
        if index < acc.products_in_use.len() {
            acc.products_in_use.remove(index);
            let mut ch = Changes::new();
            ch.put(&data, acc);
            save(data, ch, || {});
        }
    };
    view! {
        <div class="card">
            <h2>{move || tr("account.field.products_in_use")}</h2>
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
                <crate::ui::form::TextField id="product-name" label=Signal::derive(|| tr("account.field.product")) value=product error=Signal::derive(move || error.get())/>
                <div class="field">
                    <label for="product-maker">{move || tr("account.field.product_owner")}</label>
                    <select id="product-maker" on:change=move |ev| maker.set(event_target_value(&ev))>
                        <option value="">{move || tr("account.field.product_ours")}</option>
                        {move || data.competitors.with(|m| {
                            let mut v: Vec<_> = m.values().map(|c| (c.id, c.name.clone())).collect();
                            v.sort_by(|a, b| a.1.cmp(&b.1));
                            v
                        }).into_iter().map(|(cid, name)| view! { <option value=cid.to_string()>{name}</option> }).collect_view()}
                    </select>
                </div>
                <crate::ui::form::SelectField id="product-satisfaction" label=Signal::derive(|| tr("account.field.satisfaction")) value=satisfaction
                    options=Signal::derive(select_options(Satisfaction::ALL, Satisfaction::code, Satisfaction::key)) empty_label=Signal::derive(|| tr("form.none"))/>
                <div class="actions"><button type="submit">{move || tr("account.products.add")}</button></div>
            </form>
        </div>
    }
}

#[component]
fn BuyingCentre(#[prop(into)] people: Signal<Vec<Contact>>) -> impl IntoView {
    view! {
        <div class="card" role="region" aria-labelledby="bc-heading">
            <h2 id="bc-heading">{move || tr("bc.title")}</h2>
            {move || {
                let list = people.get();
                let warnings = bc_warnings(list.iter());
                let map = bc_map(list.iter());
                view! {
                    {(!warnings.is_empty()).then(|| view! {
                        <ul class="warnings" aria-label=tr("bc.warnings")>
                            {warnings.iter().map(|w| {
                                let text = match w {
                                    BuyingCentreWarning::RoleMissing(r) => tw(w.key(), &[("role", &tr(r.key()))]),
                                    _ => tr(w.key()),
                                };
                                view! { <li class="notice notice-warning">{text}</li> }
                            }).collect_view()}
                        </ul>
                    })}
                    {(!map.is_empty()).then(|| view! {
                        <ScrollArea label=Signal::derive(|| tr("bc.map_caption"))>
                            <table class="bc-map">
                                <caption class="visually-hidden">{tr("bc.map_caption")}</caption>
                                <thead>
                                    <tr>
                                        <td></td>
                                        {map.functions.iter().map(|f| view! {
                                            <th scope="col">{f.map(|f| tr(f.key())).unwrap_or_else(|| tr("bc.function.unknown"))}</th>
                                        }).collect_view()}
                                    </tr>
                                </thead>
                                <tbody>
                                    {map.rows.iter().map(|row| view! {
                                        <tr>
                                            <th scope="row">{row.level.map(|l| tr(l.key())).unwrap_or_else(|| tr("bc.level.unknown"))}</th>
                                            {row.cells.iter().map(|cell| view! {
                                                <td>
                                                    <ul class="plain-list">
                                                        {cell.people.iter().map(|p| view! {
                                                            <li class="bc-person">
                                                                <a href=href(&format!("/contacts/{}", p.id))>{p.name.clone()}</a>
                                                                {p.is_guide.then(|| view! { " " <span class="badge">{tr("bc.guide")}</span> })}
                                                                {(!p.roles.is_empty()).then(|| view! {
                                                                    <div class="hint">{p.roles.iter().map(|r| tr(r.key())).collect::<Vec<_>>().join(", ")}</div>
                                                                })}
                                                            </li>
                                                        }).collect_view()}
                                                    </ul>
                                                </td>
                                            }).collect_view()}
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </ScrollArea>
                    })}
                }
            }}
        </div>
    }
}

/// Merge another account into this one: its people, deals, notes and activities move here,
/// after a preview and a confirmation; the toast offers Undo.
#[component]
fn MergeAccount(account_id: Id) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let other = RwSignal::new(String::new());
    let plan = RwSignal::new(None::<crate::domain::merge::MergePlan<Account>>);
    let busy = RwSignal::new(false);
    let options = Memo::new(move |_| {
        data.accounts.with(|m| {
            let Some(keep) = m.get(&account_id) else {
                return Vec::new();
            };
            crate::domain::merge::account_candidates(keep, m.values())
                .into_iter()
                .filter_map(|c| Some((c.clone(), m.get(&c.id)?.name.clone())))
                .collect::<Vec<_>>()
        })
    });
    let preview = move |_| {
        let Ok(gone) = other.get_untracked().parse::<Id>() else {
            return;
        };
        plan.set(crate::state::actions::preview_account_merge(
            &data, account_id, gone,
        ));
    };
    let confirm = Callback::new(move |_| {
        let Some(p) = plan.get_untracked() else {
            return;
        };
        let names = (p.merged.name.clone(), p.gone.name.clone());
        let text = tw("account.merged", &[("name", &p.gone.name)]);
        crate::state::actions::commit_merge(data, toasts, &p, text, names, busy, move || {
            plan.set(None);
            other.set(String::new());
        });
    });
    let cancel = Callback::new(move |_| plan.set(None));
    view! {
        <details class="card no-print">
            <summary>{move || tr("account.merge.title")}</summary>
            <p class="hint">{move || tr("account.merge.hint")}</p>
            <div class="field">
                <label for="merge-account">{move || tr("account.merge.other")}</label>
                <select id="merge-account" on:change=move |ev| { other.set(event_target_value(&ev)); plan.set(None); } prop:value=move || other.get()>
                    <option value="">{move || tr("form.none")}</option>
                    {move || crate::ui::merge::picker_options(options.get(), "merge.picker.rest_accounts")}
                </select>
            </div>
            <Show when=move || plan.with(Option::is_none)>
                <button on:click=preview disabled=move || other.get().is_empty()>{move || tr("merge.preview_button")}</button>
            </Show>
            {move || plan.get().map(|p| view! {
                <crate::ui::merge::MergePreview keep=p.merged.name.clone() gone=p.gone.name.clone() gained=p.gained
                    dropped=p.dropped counts=p.counts busy=busy on_confirm=confirm on_cancel=cancel/>
            })}
        </details>
    }
}
