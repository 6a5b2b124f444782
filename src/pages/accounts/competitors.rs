//! Competitors: who else sells to our customers, their products, strengths, weaknesses and
//! sales reps (with their ties to the customer's people), and which accounts use them.

use crate::domain::competitor::{accounts_using, Competitor, CompetitorDraft, RepDraft};
use crate::domain::ids::Id;
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;
use crate::state::actions::competitors;
use crate::state::data::use_data;
use crate::state::record_save::RecordSave;
use crate::state::toasts::use_toasts;
use crate::state::tr;
use crate::state::tr_fn;
use crate::ui::conflict::{reloadable, ConflictPanel};
use crate::ui::form::{
    field_error_text, join_list, split_list, ErrorSummary, FormErrors, TextArea, TextField,
};
use crate::ui::link::href;
use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
fn CompetitorForm(
    competitor: Option<Competitor>,
    #[prop(into)] on_saved: Callback<Competitor>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    reloadable(competitor, move |competitor, on_reload| {
        view! { <CompetitorFormBody competitor on_saved on_cancel on_reload/> }
    })
}

#[component]
fn CompetitorFormBody(
    competitor: Option<Competitor>,
    on_saved: Callback<Competitor>,
    on_cancel: Callback<()>,
    /// Shows the form again with another version (after "Take theirs").
    on_reload: Callback<Competitor>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let save = RecordSave::new(data, toasts, on_saved);
    let d = competitor
        .as_ref()
        .map(CompetitorDraft::from_competitor)
        .unwrap_or_default();
    let name = RwSignal::new(d.name.clone());
    let website = RwSignal::new(d.website.clone());
    let products = RwSignal::new(join_list(&d.products));
    let strengths = RwSignal::new(d.strengths.clone());
    let weaknesses = RwSignal::new(d.weaknesses.clone());
    let notes = RwSignal::new(d.notes.clone());
    let errors = FormErrors::new();
    let base = StoredValue::new(competitor);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut draft = base
            .get_value()
            .as_ref()
            .map(CompetitorDraft::from_competitor)
            .unwrap_or_default();
        draft.name = name.get_untracked();
        draft.website = website.get_untracked();
        draft.products = split_list(&products.get_untracked());
        draft.strengths = strengths.get_untracked();
        draft.weaknesses = weaknesses.get_untracked();
        draft.notes = notes.get_untracked();
        match draft.validate() {
            Err(errs) => {
                errors.show(&errs);
            }
            Ok(valid) => {
                errors.clear();
                let record = match base.get_value() {
                    Some(mut c) => {
                        valid.apply_to(&mut c);
                        c
                    }
                    None => valid.into_new(Utc::now()),
                };
                save.save(base.get_value(), record);
            }
        }
    };
    let err = move |f: &'static str| errors.field(f);
    let l = |k: &'static str| Signal::derive(tr_fn(k));
    view! {
        <form class="card form-grid record-form" on:submit=submit novalidate>
            <ErrorSummary errors=errors.summary()/>
            <div class="form-columns">
                <TextField id="competitor-name" label=l("competitor.field.name") value=name error=err("name") required=true/>
                <TextField id="competitor-website" label=l("competitor.field.website") value=website error=err("website") input_type="url"/>
                <TextField id="competitor-products" label=l("competitor.field.products") value=products hint=l("account.hint.list")/>
                <TextArea id="competitor-strengths" label=l("competitor.field.strengths") value=strengths/>
                <TextArea id="competitor-weaknesses" label=l("competitor.field.weaknesses") value=weaknesses/>
                <TextArea id="competitor-notes" label=l("competitor.field.notes") value=notes/>
            </div>
            <ConflictPanel save on_take_theirs=on_reload/>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || save.busy.get()>{tr_fn("form.save")}</button>
                <button type="button" on:click=move |_| on_cancel.run(())>{tr_fn("form.cancel")}</button>
            </div>
        </form>
    }
}

#[component]
pub fn CompetitorsPage() -> impl IntoView {
    let data = use_data();
    let navigate = use_navigate();
    let creating = RwSignal::new(false);
    let list = Memo::new(move |_| {
        data.competitors.with_all(|m| {
            let mut v: Vec<&Competitor> = m.values().collect();
            v.sort_on_cached(|c| fold(&c.name));
            v.into_iter().map(|c| c.id).collect::<Vec<Id>>()
        })
    });
    view! {
        <section class="page">
            <nav class="breadcrumbs" aria-label=tr_fn("shell.breadcrumbs")>
                <a href=href("/accounts")>{tr_fn("page.accounts.title")}</a>
            </nav>
            <div class="page-head">
                <h1>{tr_fn("competitors.title")}</h1>
                <button class="primary" on:click=move |_| creating.set(true) disabled=move || creating.get()>{tr_fn("competitors.new")}</button>
            </div>
            {move || creating.get().then(|| {
                let nav = navigate.clone();
                view! {
                    <CompetitorForm competitor=None
                        on_saved=move |c: Competitor| { creating.set(false); nav(&href(&format!("/competitors/{}", c.id)), Default::default()); }
                        on_cancel=move |_| creating.set(false)/>
                }
            })}
            <Show when=move || !list.with(Vec::is_empty) fallback=move || view! { <div class="card empty"><p>{tr("competitors.empty")}</p></div> }>
                <ul class="card-list">
                    <For each=move || list.get() key=|id| *id let:cid>
                        {move || data.competitors.get(cid).map(|c| view! {
                            <li class="card">
                                <h2 class="h3"><a href=href(&format!("/competitors/{}", c.id))>{c.name.clone()}</a></h2>
                                {(!c.products.is_empty()).then(|| view! { <p class="hint">{c.products.join(", ")}</p> })}
                            </li>
                        })}
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
pub fn CompetitorPage() -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    let competitor = Memo::new(move |_| id.get().and_then(|id| data.competitors.get(id)));
    let editing = RwSignal::new(false);
    let rep_name = RwSignal::new(String::new());
    let rep_traits = RwSignal::new(String::new());
    let rep_ties = RwSignal::new(String::new());
    let rep_error = RwSignal::new(None::<String>);
    let add_rep = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(c) = competitor.get_untracked() else {
            return;
        };
        let rep = RepDraft {
            name: rep_name.get_untracked(),
            traits: rep_traits.get_untracked(),
            ties: split_list(&rep_ties.get_untracked()),
        };
        let save = match competitors::add_rep(data, &c, rep) {
            Ok(save) => save,
            Err(e) => {
                rep_error.set(Some(field_error_text(&e)));
                return;
            }
        };
        rep_error.set(None);
        spawn_local(async move {
            match save.await {
                Ok(_) => {
                    rep_name.set(String::new());
                    rep_traits.set(String::new());
                    rep_ties.set(String::new());
                }
                Err(e) => crate::state::data::report_store_error(toasts, &e),
            }
        });
    };
    let l = |k: &'static str| Signal::derive(tr_fn(k));
    view! {
        {move || match competitor.get() {
            None => view! {
                <section class="page">
                    <h1>{tr("competitors.missing")}</h1>
                    <a class="button" href=href("/competitors")>{tr("competitors.title")}</a>
                </section>
            }.into_any(),
            Some(c) => {
                let users = data.accounts.with_all(|m| {
                    let all: Vec<_> = m.values().cloned().collect();
                    accounts_using(&all, c.id).into_iter().map(|(a, p)| (a.id, a.name.clone(), p.product.clone(), p.satisfaction)).collect::<Vec<_>>()
                });
                view! {
                    <section class="page">
                        <nav class="breadcrumbs" aria-label=tr("shell.breadcrumbs")>
                            <a href=href("/competitors")>{tr("competitors.title")}</a>
                        </nav>
                        <div class="page-head">
                            <h1>{c.name.clone()}</h1>
                            <button on:click=move |_| editing.set(true) disabled=move || editing.get()>{tr("competitors.edit")}</button>
                        </div>
                        {move || editing.get().then(|| view! {
                            <CompetitorForm competitor=competitor.get_untracked() on_saved=move |_| editing.set(false) on_cancel=move |_| editing.set(false)/>
                        })}
                        <div class="card">
                            <dl class="facts">
                                {(!c.website.is_empty()).then(|| view! { <dt>{tr("competitor.field.website")}</dt><dd><a href=crate::domain::account::website_href(&c.website) rel="noopener noreferrer" target="_blank">{c.website.clone()}</a></dd> })}
                                {(!c.products.is_empty()).then(|| view! { <dt>{tr("competitor.field.products")}</dt><dd>{c.products.join(", ")}</dd> })}
                                {(!c.strengths.is_empty()).then(|| view! { <dt>{tr("competitor.field.strengths")}</dt><dd class="pre-line">{c.strengths.clone()}</dd> })}
                                {(!c.weaknesses.is_empty()).then(|| view! { <dt>{tr("competitor.field.weaknesses")}</dt><dd class="pre-line">{c.weaknesses.clone()}</dd> })}
                                {(!c.notes.is_empty()).then(|| view! { <dt>{tr("competitor.field.notes")}</dt><dd class="pre-line">{c.notes.clone()}</dd> })}
                            </dl>
                        </div>
                        <div class="card">
                            <h2>{tr("competitor.field.reps")}</h2>
                            <ul class="plain-list">
                                {c.reps.iter().map(|r| view! {
                                    <li>
                                        <strong>{r.name.clone()}</strong>
                                        {(!r.traits.is_empty()).then(|| view! { " — " <span>{r.traits.clone()}</span> })}
                                        {(!r.ties.is_empty()).then(|| view! {
                                            <div class="hint">{tr("competitor.field.rep_ties")} ": "
                                                {r.ties.iter().map(|t| match t.contact_id {
                                                    Some(pid) => view! { <a href=href(&format!("/contacts/{pid}"))>{t.name.clone()}</a> " " }.into_any(),
                                                    None => view! { <span>{t.name.clone()}</span> " " }.into_any(),
                                                }).collect_view()}
                                            </div>
                                        })}
                                    </li>
                                }).collect_view()}
                            </ul>
                            <form class="inline-form" on:submit=add_rep novalidate>
                                <TextField id="rep-name" label=l("competitor.field.rep_name") value=rep_name error=Signal::derive(move || rep_error.get())/>
                                <TextField id="rep-traits" label=l("competitor.field.rep_traits") value=rep_traits/>
                                <TextField id="rep-ties" label=l("competitor.field.rep_ties") value=rep_ties hint=l("contact.hint.links")/>
                                <div class="actions"><button type="submit">{tr("competitors.add_rep")}</button></div>
                            </form>
                        </div>
                        <div class="card">
                            <h2>{tr("competitors.used_by")}</h2>
                            {if users.is_empty() {
                                view! { <p class="hint">{tr("competitors.used_by_none")}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="plain-list">
                                        {users.into_iter().map(|(aid, an, product, sat)| view! {
                                            <li>
                                                <a href=href(&format!("/accounts/{aid}"))>{an}</a>
                                                " · " {product}
                                                {sat.map(|s| view! { " · " {tr(s.key())} })}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </div>
                    </section>
                }.into_any()
            }
        }}
    }
}
