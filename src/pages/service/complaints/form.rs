//! The form of one entry: new (on the register's page; an account may come from the
//! address, `?account=<id>`) or an edit of a stored one (on its page, with its times).

use super::*;
use crate::domain::complaint::{label, ComplaintDraft};
use crate::domain::sorting::SortExt;
use crate::state::data::report_store_error;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::ToastKind;
use crate::ui::form::{ErrorSummary, FormErrors, SelectField, TextArea, TextField};
use chrono::{Local, Utc};
use leptos_router::hooks::use_query_map;

fn opt_id(s: &str) -> Option<Id> {
    s.parse().ok()
}

fn id_text(id: Option<Id>) -> String {
    id.map(|i| i.to_string()).unwrap_or_default()
}

/// The form; `existing` is the entry to edit (`None`: a new one). `on_done` runs after an
/// edit is saved.
#[component]
pub(super) fn ComplaintForm(
    existing: Option<Complaint>,
    #[prop(optional, into)] on_done: Option<Callback<()>>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let query = use_query_map();
    let editing = existing.as_ref().map(|c| c.id);
    let start = match &existing {
        Some(c) => ComplaintDraft::of(c, &Local),
        None => {
            // Opened from an account (`?account=`) or a deal's follow-up page (`&deal=`).
            let mut d = ComplaintDraft::new(
                query.with_untracked(|q| q.get("account").and_then(|s| opt_id(&s))),
                Utc::now(),
                &Local,
            );
            d.deal_id = query.with_untracked(|q| q.get("deal").and_then(|s| opt_id(&s)));
            d
        }
    };
    let kind = RwSignal::new(start.kind.code().to_string());
    let account = RwSignal::new(id_text(start.account_id));
    let person = RwSignal::new(id_text(start.person_id));
    let deal = RwSignal::new(id_text(start.deal_id));
    let what = RwSignal::new(start.what.clone());
    let fault = RwSignal::new(start.fault_size.clone());
    let anxiety = RwSignal::new(start.anxiety.clone());
    let opened = RwSignal::new(start.opened_at.clone());
    let first = RwSignal::new(start.first_response_at.clone());
    let on_site = RwSignal::new(start.on_site_at.clone());
    let resolved = RwSignal::new(start.resolved_at.clone());
    let resolution = RwSignal::new(start.resolution.clone());
    let errors = FormErrors::new();

    // A person or deal of another account is dropped when the account changes.
    Effect::new(move |prev: Option<String>| {
        let a = account.get();
        if prev.is_some_and(|p| p != a) {
            person.set(String::new());
            deal.set(String::new());
        }
        a
    });

    let accounts = Signal::derive(move || {
        let mut v: Vec<(String, String)> = data.accounts.with_all(|m| {
            m.values()
                .filter(|a| !a.archived || Some(a.id.to_string()) == Some(account.get()))
                .map(|a| (a.id.to_string(), a.name.clone()))
                .collect()
        });
        v.sort_on(|(_, n)| n.to_lowercase());
        v
    });
    let people = Signal::derive(move || {
        let Some(a) = opt_id(&account.get()) else {
            return Vec::new();
        };
        let ids = data.indexes.people_of(a);
        let mut v = data.contacts.with_many(&ids, |l| {
            l.into_iter()
                .map(|c| (c.id.to_string(), c.name.clone()))
                .collect::<Vec<_>>()
        });
        v.sort_on(|(_, n)| n.to_lowercase());
        v
    });
    let deals = Signal::derive(move || {
        let Some(a) = opt_id(&account.get()) else {
            return Vec::new();
        };
        let ids = data.indexes.deals_of(a);
        data.deals.with_many(&ids, |l| {
            l.into_iter()
                .map(|d| (d.id.to_string(), d.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let kinds = Signal::derive(|| {
        FeedbackKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), tr(k.key())))
            .collect::<Vec<_>>()
    });

    let draft = move || ComplaintDraft {
        kind: FeedbackKind::from_code(&kind.get_untracked()).unwrap_or(FeedbackKind::Complaint),
        account_id: opt_id(&account.get_untracked()),
        person_id: opt_id(&person.get_untracked()),
        deal_id: opt_id(&deal.get_untracked()),
        what: what.get_untracked(),
        fault_size: fault.get_untracked(),
        anxiety: anxiety.get_untracked(),
        opened_at: opened.get_untracked(),
        first_response_at: first.get_untracked(),
        on_site_at: on_site.get_untracked(),
        resolved_at: resolved.get_untracked(),
        resolution: resolution.get_untracked(),
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = draft();
        match editing {
            None => match actions::add(data, &d) {
                Err(errs) => errors.show(&errs),
                Ok(save) => {
                    errors.clear();
                    leptos::task::spawn_local(async move {
                        match save.await {
                            Ok(_) => {
                                what.set(String::new());
                                fault.set(String::new());
                                anxiety.set(String::new());
                                person.set(String::new());
                                deal.set(String::new());
                                opened
                                    .set(crate::domain::complaint::local_input(Utc::now(), &Local));
                                toasts.push(ToastKind::Success, tr("complaint.form.added"));
                            }
                            Err(e) => report_store_error(toasts, &e),
                        }
                    });
                }
            },
            Some(id) => match actions::edit(data, id, &d) {
                Err(errs) => errors.show(&errs),
                Ok(None) => {}
                Ok(Some(save)) => {
                    errors.clear();
                    leptos::task::spawn_local(async move {
                        match save.await {
                            Ok(_) => {
                                toasts.push(ToastKind::Success, tr("complaint.form.saved"));
                                if let Some(done) = on_done {
                                    done.run(());
                                }
                            }
                            Err(e) => report_store_error(toasts, &e),
                        }
                    });
                }
            },
        }
    };
    let p = if editing.is_some() { "edit" } else { "new" };
    let fid = move |f: &str| format!("complaint-{p}-{f}");
    let heading = format!("complaint-{p}-heading");
    let section_by = heading.clone();
    let form_by = heading.clone();
    let title_key = if editing.is_some() {
        "complaint.form.edit_title"
    } else {
        "complaint.form.new_title"
    };
    let no_accounts = move || accounts.with(Vec::is_empty);
    view! {
        <section class="card complaint-form" aria-labelledby=section_by>
            <h2 id=heading>{tr_fn(title_key)}</h2>
            <Show when=no_accounts>
                <p class="hint">
                    {tr("complaint.form.no_accounts")} " "
                    <a href=href("/accounts")>{tr("complaint.form.new_account")}</a>
                </p>
            </Show>
            <form class="form-grid" on:submit=on_submit novalidate aria-labelledby=form_by>
                <ErrorSummary errors=errors.summary()/>
                <div class="form-cols">
                    <SelectField id=fid("kind") label=Signal::derive(tr_fn(label::KIND)) value=kind options=kinds/>
                    <SelectField
                        id=fid("account")
                        label=Signal::derive(tr_fn(label::ACCOUNT))
                        value=account
                        options=accounts
                        empty_label=Signal::derive(tr_fn("complaint.form.choose_account"))
                        required=true
                        error=errors.field("account")
                    />
                </div>
                <div class="form-cols">
                    <SelectField
                        id=fid("person")
                        label=Signal::derive(tr_fn(label::PERSON))
                        value=person
                        options=people
                        empty_label=Signal::derive(tr_fn("complaint.form.no_person"))
                        error=errors.field("person")
                    />
                    <SelectField
                        id=fid("deal")
                        label=Signal::derive(tr_fn(label::DEAL))
                        value=deal
                        options=deals
                        empty_label=Signal::derive(tr_fn("complaint.form.no_deal"))
                        error=errors.field("deal")
                    />
                </div>
                <TextArea id=fid("what") label=Signal::derive(tr_fn(label::WHAT)) value=what rows=3 required=true error=errors.field("what")/>
                <div class="form-cols">
                    <TextField
                        id=fid("anxiety")
                        label=Signal::derive(tr_fn(label::ANXIETY))
                        value=anxiety
                        input_type="number"
                        required=true
                        hint=Signal::derive(tr_fn("complaint.form.anxiety_hint"))
                        error=errors.field("anxiety")
                    />
                    <TextField
                        id=fid("fault")
                        label=Signal::derive(tr_fn(label::FAULT))
                        value=fault
                        input_type="number"
                        required=true
                        hint=Signal::derive(tr_fn("complaint.form.fault_hint"))
                        error=errors.field("fault_size")
                    />
                </div>
                <TextField
                    id=fid("opened")
                    label=Signal::derive(tr_fn(label::OPENED))
                    value=opened
                    input_type="datetime-local"
                    required=true
                    hint=Signal::derive(tr_fn("complaint.form.opened_hint"))
                    error=errors.field("opened_at")
                />
                {editing.is_some().then(|| view! {
                    <div class="form-cols">
                        <TextField id=fid("first") label=Signal::derive(tr_fn(label::FIRST_RESPONSE)) value=first input_type="datetime-local" error=errors.field("first_response_at")/>
                        <TextField id=fid("on-site") label=Signal::derive(tr_fn(label::ON_SITE)) value=on_site input_type="datetime-local" error=errors.field("on_site_at")/>
                        <TextField id=fid("resolved") label=Signal::derive(tr_fn(label::RESOLVED)) value=resolved input_type="datetime-local" error=errors.field("resolved_at")/>
                    </div>
                    <TextArea id=fid("resolution") label=Signal::derive(tr_fn(label::RESOLUTION)) value=resolution rows=2 error=errors.field("resolution")/>
                })}
                <div class="actions">
                    <button type="submit" class="primary">
                        {move || if editing.is_some() { tr("complaint.form.save") } else { tr("complaint.form.save_new") }}
                    </button>
                </div>
            </form>
        </section>
    }
}
