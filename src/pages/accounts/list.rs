//! Accounts (step 1, customer analysis): the list with filters, and one account's page with
//! its profile, products in use, buying-centre map, people, deals and relationship health.

use super::form::{tags_line, AccountForm};
use crate::domain::account::{
    all_tags, filter_accounts, industries, owners, sort_accounts, Account, AccountFilter,
    AccountSortKey, ArchiveView, CustomerKind, Grade, LeadSource,
};
use crate::domain::ids::Id;
use crate::state::data::use_data;
use crate::state::index::IndexKey;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::fmt;
use crate::ui::form::select_options;
use crate::ui::link::href;
use crate::ui::scroll_area::ScrollArea;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const PAGE: usize = 50;

/// Accounts per lead source, how many became customers, and their won deal value. It sits
/// on the accounts page, next to the lead-source filter it explains: a row's count is what
/// the filter shows for that source with "Show: All".
#[component]
fn LeadSourceReport(accounts: Memo<Vec<Account>>) -> impl IntoView {
    let data = use_data();
    let rows = Memo::new(move |_| {
        let deals = data
            .deals
            .with_all(|m| m.values().cloned().collect::<Vec<_>>());
        accounts.with(|a| crate::domain::account::lead_source_report(a, &deals))
    });
    view! {
        <section class="card lead-report" aria-labelledby="lead-report-heading">
            <h2 id="lead-report-heading">{tr_fn("tasks_more.report.title")}</h2>
            <p class="hint">{tr_fn("tasks_more.report.intro")}</p>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=move || view! { <p class="hint">{tr_fn("tasks_more.report.empty")}</p> }
            >
                <ScrollArea label=Signal::derive(tr_fn("tasks_more.report.caption"))>
                    <table class="data-table">
                        <caption>{tr_fn("tasks_more.report.caption")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{tr_fn("tasks_more.report.source")}</th>
                                <th scope="col" class="num">{tr_fn("tasks_more.report.accounts")}</th>
                                <th scope="col" class="num">{tr_fn("tasks_more.report.customers")}</th>
                                <th scope="col" class="num">{tr_fn("tasks_more.report.won")}</th>
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
            .with_all(|m| m.values().cloned().collect::<Vec<_>>())
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
            let order = fmt::name_order(list.iter().map(|a| a.name.as_str()));
            sort_accounts(&mut list, key, desc, &order);
            list.into_iter().map(|a| a.id).collect::<Vec<Id>>()
        })
    });

    let filter_select =
        move |id: &'static str,
              label: &'static str,
              value: RwSignal<String>,
              opts: Box<dyn Fn() -> Vec<(String, String)> + Send + Sync>| {
            view! {
                <div class="field">
                    <label for=id>{tr_fn(label)}</label>
                    <select id=id on:change=move |ev| { value.set(event_target_value(&ev)); shown.set(PAGE); } prop:value=move || value.get()>
                        <option value="">{tr_fn("accounts.filter.any")}</option>
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
                <h1>{tr_fn("page.accounts.title")}</h1>
                <div class="actions">
                    <a class="button" href=href("/competitors")>{tr_fn("competitors.title")}</a>
                    <a class="button" href=href("/intel")>{tr_fn("intel.title")}</a>
                    <button class="primary" on:click=move |_| creating.set(true) disabled=move || creating.get()>
                        {tr_fn("accounts.new")}
                    </button>
                </div>
            </div>
            <Show when=move || creating.get()>
                {
                    let nav = nav2.clone();
                    view! {
                        <h2>{tr_fn("accounts.new")}</h2>
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
                label=Signal::derive(tr_fn("accounts.filters"))
                set=Signal::derive(move || filter.with(AccountFilter::narrowing))
            >
                {filter_select("filter-grade", "account.field.grade", grade, Box::new(select_options(Grade::ALL, Grade::code, Grade::key)))}
                {filter_select("filter-industry", "account.field.industry", industry, Box::new(move || all.with(|a| industries(a)).into_iter().map(|s| (s.clone(), s)).collect()))}
                {filter_select("filter-tag", "account.field.tags", tag, Box::new(move || all.with(|a| all_tags(a)).into_iter().map(|s| (s.clone(), s)).collect()))}
                {filter_select("filter-owner", "account.field.owner", owner, Box::new(move || all.with(|a| owners(a)).into_iter().map(|s| (s.clone(), s)).collect()))}
                {filter_select("filter-customer", "accounts.filter.customer", customer, Box::new(select_options(CustomerKind::ALL, CustomerKind::code, CustomerKind::key)))}
                {filter_select("filter-lead-source", "account.field.lead_source", lead_source, Box::new(select_options(LeadSource::ALL, LeadSource::code, LeadSource::key)))}
                <div class="field">
                    <label for="filter-archive">{tr_fn("accounts.filter.show")}</label>
                    <select id="filter-archive" on:change=move |ev| archive.set(event_target_value(&ev))>
                        {ArchiveView::ALL.iter().map(|v| {
                            let code = v.code();
                            view! { <option value=code selected=move || archive.get() == code>{tr_fn(v.key())}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="accounts-sort">{tr_fn("accounts.sort")}</label>
                    <select id="accounts-sort" on:change=move |ev| sort.set(event_target_value(&ev))>
                        <option value="name">{tr_fn("accounts.sort.name")}</option>
                        <option value="grade">{tr_fn("accounts.sort.grade")}</option>
                        <option value="updated">{tr_fn("accounts.sort.updated")}</option>
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
                        <p>{move || if data.accounts.is_empty() { tr("accounts.empty") } else { tr("accounts.none_match") }}</p>
                    </div>
                }
            >
                <ScrollArea label=Signal::derive(tr_fn("page.accounts.title")) class="card">
                    <table class="data-table wide">
                        <caption class="visually-hidden">{tr_fn("page.accounts.title")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{tr_fn("account.field.name")}</th>
                                <th scope="col">{tr_fn("account.field.grade")}</th>
                                <th scope="col" class="hide-narrow">{tr_fn("account.field.industry")}</th>
                                <th scope="col" class="hide-narrow">{tr_fn("account.field.owner")}</th>
                                <th scope="col" class="num">{tr_fn("accounts.people")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || rows.get().into_iter().take(shown.get())
                                key=|id| *id
                                let:id
                            >
                                {move || data.accounts.get(id).map(|a| view! {
                                    <tr>
                                        <td>
                                            <a href=href(&format!("/accounts/{}", a.id))>{a.name.clone()}</a>
                                            {a.archived.then(|| view! { " " <span class="badge">{tr_fn("account.field.archived")}</span> })}
                                            {(!a.tags.is_empty()).then(|| view! { <div class="hint">{tags_line(&a)}</div> })}
                                        </td>
                                        <td>{a.grade.map(|g| g.code().to_uppercase()).unwrap_or_default()}</td>
                                        <td class="hide-narrow">{a.industry.clone()}</td>
                                        <td class="hide-narrow">{a.owner.clone()}</td>
                                        <td class="num">{move || data.indexes.with(IndexKey::PeopleOf(id), <[Id]>::len)}</td>
                                    </tr>
                                })}
                            </For>
                        </tbody>
                    </table>
                </ScrollArea>
                <Show when=move || { rows.with(Vec::len) > shown.get() }>
                    <button on:click=move |_| shown.update(|n| *n += PAGE)>{tr_fn("accounts.show_more")}</button>
                </Show>
            </Show>
            <LeadSourceReport accounts=all/>
        </section>
    }
}
