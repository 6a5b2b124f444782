//! One person's page: contact data, buying-centre roles, personal facts, the trust panel,
//! moves between accounts and merging a duplicate.

use crate::domain::account::{mailto_href, tel_href};
use crate::domain::contact::Contact;
use crate::domain::ids::Id;
use crate::domain::merge::{contact_candidates, MergePlan};
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;
use crate::state::actions::{contacts, merge};
use crate::state::data::{report_store_error, use_data};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw, ToastKind};
use crate::ui::contact_form::ContactForm;
use crate::ui::fmt;
use crate::ui::link::href;
use crate::ui::merge::MergePreview;
use crate::ui::missing::MissingRecord;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

/// One person (route `/contacts/:id`).
#[component]
pub fn ContactPage() -> impl IntoView {
    let data = use_data();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    let exists = Memo::new(move |_| id.get().filter(|id| data.contacts.contains(*id)));
    move || match exists.get() {
        Some(id) => view! { <ContactView id=id/> }.into_any(),
        None => view! {
            <MissingRecord
                title_key="contact.missing.title"
                body_key="contact.missing.body"
                back_key="contact.missing.back"
                back_path="/contacts"
            />
        }
        .into_any(),
    }
}

#[component]
fn ContactView(id: Id) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let editing = RwSignal::new(false);
    let confirm_delete = RwSignal::new(false);
    let contact = Memo::new(move |_| data.contacts.get(id));
    let c = move || contact.get();
    let account_name = move |aid: Id| {
        data.accounts
            .with(aid, |a| a.name.clone())
            .unwrap_or_default()
    };

    let nav = navigate.clone();
    let do_delete = move |_| {
        let Some(person) = contact.get_untracked() else {
            return;
        };
        let nav = nav.clone();
        let account = person.account_id;
        spawn_local(async move {
            match contacts::delete(data, person).await {
                Ok(None) => confirm_delete.set(true),
                Ok(Some(done)) => {
                    toasts.push_with_action(
                        ToastKind::Success,
                        tw("contact.deleted", &[("name", &done.removed.name)]),
                        tr("account.undo_delete"),
                        move || contacts::undo_delete(data, toasts, done.clone()),
                    );
                    nav(&href(&format!("/accounts/{account}")), Default::default());
                }
                Err(e) => report_store_error(toasts, &e),
            }
        });
    };

    let facts = move |p: &Contact| {
        let items: Vec<(&'static str, String)> = vec![
            ("contact.field.family", p.family.clone()),
            ("contact.field.home_town", p.home_town.clone()),
            ("contact.field.school", p.school.clone()),
            ("contact.field.field_of_study", p.field_of_study.clone()),
            ("contact.field.sports", p.sports.clone()),
            ("contact.field.food", p.food.clone()),
            ("contact.field.reading", p.reading.clone()),
            ("contact.field.holiday_plans", p.holiday_plans.clone()),
            ("contact.field.holiday_routes", p.holiday_routes.clone()),
            ("contact.field.choice_criteria", p.choice_criteria.clone()),
            ("contact.field.notes", p.notes.clone()),
        ];
        items
            .into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| view! { <dt>{tr(k)}</dt><dd class="pre-line">{v}</dd> })
            .collect_view()
    };
    let links = move |label: &'static str, list: Vec<crate::domain::contact::PersonLink>| {
        (!list.is_empty()).then(|| view! {
            <dt>{tr(label)}</dt>
            <dd>{list.into_iter().map(|l| match l.contact_id {
                Some(cid) => view! { <a href=href(&format!("/contacts/{cid}"))>{l.name}</a> " " }.into_any(),
                None => view! { <span>{l.name}</span> " " }.into_any(),
            }).collect_view()}</dd>
        })
    };

    view! {
        <section class="page">
            {move || c().map(|p| view! {
                <nav class="breadcrumbs" aria-label=tr("shell.breadcrumbs")>
                    <a href=href("/contacts")>{tr("page.contacts.title")}</a>
                    " › "
                    <a href=href(&format!("/accounts/{}", p.account_id))>{account_name(p.account_id)}</a>
                </nav>
                <div class="page-head">
                    <h1>{p.name.clone()}</h1>
                    <div class="badges">
                        {p.is_guide.then(|| view! { <span class="badge">{tr("bc.guide")}</span> })}
                        {p.level.map(|l| view! { <span class="badge">{tr(l.key())}</span> })}
                    </div>
                </div>
                {(!p.title.is_empty()).then(|| view! { <p class="lead">{p.title.clone()}</p> })}
            })}
            <div class="actions no-print">
                <button on:click=move |_| editing.set(true) disabled=move || editing.get()>{tr_fn("contact.edit")}</button>
                <button class="danger" on:click=move |_| confirm_delete.set(true)>{tr_fn("contact.delete")}</button>
            </div>
            <Show when=move || confirm_delete.get()>
                <div class="notice notice-warning" role="alertdialog" aria-label=tr_fn("contact.delete")>
                    <p>{move || c().map(|p| contacts::delete_confirm_text(&contacts::delete_plan(&data, &p))).unwrap_or_default()}</p>
                    <div class="actions">
                        <button
                            class="danger"
                            hidden=move || c().is_some_and(|p| contacts::delete_plan(&data, &p).is_blocked())
                            on:click=do_delete.clone()
                        >
                            {tr_fn("account.delete_yes")}
                        </button>
                        <button on:click=move |_| confirm_delete.set(false)>{tr_fn("account.delete_no")}</button>
                    </div>
                </div>
            </Show>
            {move || editing.get().then(|| view! {
                <div class="card">
                    <h2>{tr("contact.edit")}</h2>
                    <ContactForm contact=contact.get_untracked() on_saved=move |_| editing.set(false) on_cancel=move |_| editing.set(false)/>
                </div>
            })}
            {move || c().map(|p| view! {
                <div class="card">
                    <h2>{tr("contact.details")}</h2>
                    <dl class="facts">
                        {(!p.phones.is_empty()).then(|| view! {
                            <dt>{tr("contact.field.phones")}</dt>
                            <dd>{p.phones.iter().map(|x| view! { <a href=tel_href(x)>{x.clone()}</a> " " }).collect_view()}</dd>
                        })}
                        {(!p.emails.is_empty()).then(|| view! {
                            <dt>{tr("contact.field.emails")}</dt>
                            <dd>{p.emails.iter().map(|x| view! { <a href=mailto_href(x)>{x.clone()}</a> " " }).collect_view()}</dd>
                        })}
                        <dt>{tr("contact.field.level")}</dt>
                        <dd>{p.level.map(|l| tr(l.key())).unwrap_or_else(|| tr("bc.level.unknown"))}</dd>
                        <dt>{tr("contact.field.function")}</dt>
                        <dd>{p.function.map(|f| tr(f.key())).unwrap_or_else(|| tr("bc.function.unknown"))}</dd>
                        <dt>{tr("contact.field.roles")}</dt>
                        <dd>{if p.roles.is_empty() { tr("contact.no_roles") } else { p.roles.iter().map(|r| tr(r.key())).collect::<Vec<_>>().join(", ") }}</dd>
                        {p.last_met.map(|d| view! { <dt>{tr("contact.field.last_met")}</dt><dd>{fmt::date(d)}</dd> })}
                        {links("contact.field.friends", p.friends.clone())}
                        {links("contact.field.rivals", p.rivals.clone())}
                        {facts(&p)}
                        {(!p.account_history.is_empty()).then(|| view! {
                            <dt>{tr("contact.field.account_history")}</dt>
                            <dd><ul class="plain-list">{p.account_history.iter().rev().map(|m| view! {
                                <li>{tw("contact.moved", &[("from", &account_name(m.from)), ("to", &account_name(m.to)), ("date", &fmt::datetime(m.at))])}</li>
                            }).collect_view()}</ul></dd>
                        })}
                    </dl>
                </div>
            })}
            <super::trust_panel::ContactTrust contact_id=id/>
            <super::service::PersonService contact_id=id/>
            <MovePerson id=id/>
            <MergePerson id=id/>
        </section>
    }
}

/// Moves a person to another account, keeping their history (key contacts change jobs).
#[component]
fn MovePerson(id: Id) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let target = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let mv = move |_| {
        let Ok(to) = target.get_untracked().parse::<Id>() else {
            return;
        };
        let Some(p) = data.contacts.get_untracked(id) else {
            return;
        };
        let name = data
            .accounts
            .get_untracked(to)
            .map(|a| a.name)
            .unwrap_or_default();
        spawn_local(async move {
            match contacts::move_to_account(data, p, to).await {
                Ok(_) => {
                    target.set(String::new());
                    toasts.push(
                        ToastKind::Success,
                        tw("contact.moved_done", &[("account", &name)]),
                    );
                }
                Err(e) => report_store_error(toasts, &e),
            }
        });
    };
    view! {
        <details class="card no-print" on:toggle=move |ev| open.set(crate::ui::merge::details_open(&ev))>
            <summary>{tr_fn("contact.move.title")}</summary>
            <p class="hint">{tr_fn("contact.move.hint")}</p>
            <div class="field">
                <label for="move-account">{tr_fn("contact.move.to")}</label>
                <select id="move-account" on:change=move |ev| target.set(event_target_value(&ev)) prop:value=move || target.get()>
                    <option value="">{tr_fn("form.none")}</option>
                    {move || {
                        // Listed only while the panel is open (see `details_open`).
                        if !open.get() {
                            return Vec::new();
                        }
                        let current = data.contacts.with(id, |c| c.account_id);
                        let mut v: Vec<(Id, String)> = data.accounts.with_all(|m| m.values().filter(|a| Some(a.id) != current && !a.archived).map(|a| (a.id, a.name.clone())).collect());
                        v.sort_on_cached(|(_, n)| fold(n));
                        v.into_iter().map(|(aid, n)| view! { <option value=aid.to_string()>{n}</option> }).collect::<Vec<_>>()
                    }}
                </select>
            </div>
            <button on:click=mv disabled=move || target.get().is_empty()>{tr_fn("contact.move.button")}</button>
        </details>
    }
}

/// Merges another person into this one: pick (likely duplicates first), see what moves
/// where, confirm; the toast offers Undo.
#[component]
fn MergePerson(id: Id) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let other = RwSignal::new(String::new());
    let plan = RwSignal::new(None::<MergePlan<Contact>>);
    let busy = RwSignal::new(false);
    let open = RwSignal::new(false);
    let candidates = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let accounts = data.accounts.with_all(|m| {
            m.iter()
                .map(|(k, a)| (*k, a.name.clone()))
                .collect::<std::collections::HashMap<_, _>>()
        });
        data.contacts.with_all(|m| {
            let Some(keep) = m.get(&id) else {
                return Vec::new();
            };
            contact_candidates(keep, m.values())
                .into_iter()
                .filter_map(|c| {
                    let p = m.get(&c.id)?;
                    let acc = accounts.get(&p.account_id).cloned().unwrap_or_default();
                    Some((c, format!("{} — {acc}", p.name)))
                })
                .collect::<Vec<_>>()
        })
    });
    let preview = move |_| {
        let Ok(gone) = other.get_untracked().parse::<Id>() else {
            return;
        };
        plan.set(merge::preview_contacts(&data, id, gone));
    };
    let confirm = Callback::new(move |_| {
        let Some(p) = plan.get_untracked() else {
            return;
        };
        let names = (p.merged.name.clone(), p.gone.name.clone());
        let text = tw("contact.merged", &[("name", &p.gone.name)]);
        merge::merge(data, toasts, &p, text, names, busy, move || {
            plan.set(None);
            other.set(String::new());
        });
    });
    let cancel = Callback::new(move |_| plan.set(None));
    view! {
        <details class="card no-print" on:toggle=move |ev| open.set(crate::ui::merge::details_open(&ev))>
            <summary>{tr_fn("contact.merge.title")}</summary>
            <p class="hint">{tr_fn("contact.merge.hint")}</p>
            <div class="field">
                <label for="merge-person">{tr_fn("contact.merge.other")}</label>
                <select id="merge-person" on:change=move |ev| { other.set(event_target_value(&ev)); plan.set(None); } prop:value=move || other.get()>
                    <option value="">{tr_fn("form.none")}</option>
                    {move || crate::ui::merge::picker_options(candidates.get(), "merge.picker.rest")}
                </select>
            </div>
            <Show when=move || plan.with(Option::is_none)>
                <button on:click=preview disabled=move || other.get().is_empty()>{tr_fn("merge.preview_button")}</button>
            </Show>
            {move || plan.get().map(|p| view! {
                <MergePreview keep=p.merged.name.clone() gone=p.gone.name.clone() gained=p.gained dropped=p.dropped
                    counts=p.counts busy=busy on_confirm=confirm on_cancel=cancel/>
            })}
        </details>
    }
}
