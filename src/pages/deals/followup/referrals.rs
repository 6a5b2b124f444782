//! The referral asks of this deal's people: who was asked, when, the answer and the leads given.

use super::*;
use crate::domain::referral::{label, ReferralAnswer, ReferralDraft, ReferredLead};
use crate::domain::sorting::SortExt;
use crate::state::actions::referrals as actions;
use crate::state::data::{report_store_error, use_data};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tc, ToastKind};
use crate::ui::fmt;
use crate::ui::form::{ErrorSummary, FormErrors, SelectField, TextArea, TextField};

fn opt_id(s: &str) -> Option<Id> {
    s.parse().ok()
}

#[component]
pub fn ReferralsSection(deal_id: Id, deal: DealSig) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let account = Memo::new(move |_| deal.with(|d| d.as_ref().map(|d| d.account_id)));
    let asks = Memo::new(move |_| {
        account
            .get()
            .map(|a| actions::of_account(data, a))
            .unwrap_or_default()
    });
    let name_of_account = move |id: Id| {
        data.accounts
            .with(id, |a| a.name.clone())
            .unwrap_or_default()
    };
    let name_of_person = move |id: Id| {
        data.contacts
            .with(id, |c| c.name.clone())
            .unwrap_or_default()
    };
    let remove = move |id: Id| {
        let Some(save) = actions::delete(data, id) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match save.await {
                Ok(gone) => toasts.push_with_action(
                    ToastKind::Success,
                    tr("referral.deleted"),
                    tr("referral.undo"),
                    move || {
                        let gone = gone.clone();
                        leptos::task::spawn_local(async move {
                            if let Err(e) = actions::undo_delete(data, gone).await {
                                report_store_error(toasts, &e);
                            }
                        });
                    },
                ),
                Err(e) => report_store_error(toasts, &e),
            }
        });
    };
    view! {
        <section class="card referrals" aria-labelledby="referrals-heading">
            <h2 id="referrals-heading">{tr_fn("referral.deal.title")}</h2>
            <p class="hint">{tr_fn("referral.deal.intro")}</p>
            <Show
                when=move || !asks.with(Vec::is_empty)
                fallback=|| view! { <p class="hint">{tr("referral.deal.none")}</p> }
            >
                <ul class="plain-list referral-list">
                    {move || asks.get().into_iter().map(|r| {
                        let person = name_of_person(r.person_id);
                        let date = fmt::date(r.asked_on);
                        let leads = r
                            .leads
                            .iter()
                            .map(|l| {
                                let name = name_of_account(l.account_id);
                                view! { <a href=href(&format!("/accounts/{}", l.account_id))>{name}</a> " " }
                            })
                            .collect_view();
                        let has_leads = !r.leads.is_empty();
                        let id = r.id;
                        let delete_label = tw("referral.delete_named", &[("person", &person), ("date", &date)]);
                        view! {
                            <li class="referral-item">
                                <p>
                                    <a href=href(&format!("/contacts/{}", r.person_id))>
                                        {tw("referral.item.asked", &[("person", &person), ("date", &date)])}
                                    </a>
                                    " · " <span class="badge">{tr(r.answer.key())}</span>
                                </p>
                                {has_leads.then(|| view! { <p>{tr(label::LEADS)} ": " {leads}</p> })}
                                {(!r.note.is_empty()).then(|| view! { <p class="hint">{r.note.clone()}</p> })}
                                <button type="button" class="small danger" aria-label=delete_label on:click=move |_| remove(id)>
                                    {tr("referral.delete")}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            {move || account.get().map(|a| view! {
                <OnRequest label_key="referral.form.title">
                    <AskForm deal_id=deal_id account_id=a/>
                </OnRequest>
            })}
        </section>
    }
}

/// The form logging an ask of one of the account's people.
#[component]
fn AskForm(deal_id: Id, account_id: Id) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let person = RwSignal::new(String::new());
    let asked_on = RwSignal::new(fmt::today().format("%Y-%m-%d").to_string());
    let answer = RwSignal::new(ReferralAnswer::Pending.code().to_string());
    let note = RwSignal::new(String::new());
    let leads = RwSignal::new(Vec::<ReferredLead>::new());
    let lead_account = RwSignal::new(String::new());
    let lead_person = RwSignal::new(String::new());
    let errors = FormErrors::new();

    let people = Signal::derive(move || {
        let ids = data.indexes.people_of(account_id);
        let mut v = data.contacts.with_many(&ids, |l| {
            l.into_iter()
                .map(|c| (c.id.to_string(), c.name.clone()))
                .collect::<Vec<_>>()
        });
        v.sort_on(|(_, n)| n.to_lowercase());
        v
    });
    let answers = Signal::derive(|| {
        ReferralAnswer::ALL
            .iter()
            .map(|a| (a.code().to_string(), tr(a.key())))
            .collect::<Vec<_>>()
    });
    // Other accounts not yet among the leads (never the referrer's own).
    let lead_accounts = Signal::derive(move || {
        let chosen: Vec<Id> = leads.with(|l| l.iter().map(|x| x.account_id).collect());
        let mut v: Vec<(String, String)> = data.accounts.with_all(|m| {
            m.values()
                .filter(|a| a.id != account_id && !a.archived && !chosen.contains(&a.id))
                .map(|a| (a.id.to_string(), a.name.clone()))
                .collect()
        });
        v.sort_on(|(_, n)| n.to_lowercase());
        v
    });
    let lead_people = Signal::derive(move || {
        let Some(a) = opt_id(&lead_account.get()) else {
            return Vec::new();
        };
        let ids = data.indexes.people_of(a);
        data.contacts.with_many(&ids, |l| {
            l.into_iter()
                .map(|c| (c.id.to_string(), c.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    Effect::new(move |prev: Option<String>| {
        let a = lead_account.get();
        if prev.is_some_and(|p| p != a) {
            lead_person.set(String::new());
        }
        a
    });
    let add_lead = move |_| {
        if let Some(a) = opt_id(&lead_account.get_untracked()) {
            leads.update(|l| {
                l.push(ReferredLead {
                    account_id: a,
                    person_id: opt_id(&lead_person.get_untracked()),
                })
            });
            lead_account.set(String::new());
            lead_person.set(String::new());
            if answer.get_untracked() == ReferralAnswer::Pending.code() {
                answer.set(ReferralAnswer::Yes.code().to_string());
            }
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ReferralDraft {
            person_id: opt_id(&person.get_untracked()),
            deal_id: Some(deal_id),
            asked_on: asked_on.get_untracked(),
            answer: ReferralAnswer::from_code(&answer.get_untracked())
                .unwrap_or(ReferralAnswer::Pending),
            leads: leads.get_untracked(),
            note: note.get_untracked(),
        };
        match actions::add(data, &draft) {
            Err(errs) => errors.show(&errs),
            Ok(save) => {
                errors.clear();
                leptos::task::spawn_local(async move {
                    match save.await {
                        Ok(_) => {
                            person.set(String::new());
                            note.set(String::new());
                            leads.set(Vec::new());
                            answer.set(ReferralAnswer::Pending.code().to_string());
                            toasts.push(ToastKind::Success, tr("referral.form.saved"));
                        }
                        Err(e) => report_store_error(toasts, &e),
                    }
                });
            }
        }
    };
    let chosen = move || {
        leads
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                let mut name = data
                    .accounts
                    .with(l.account_id, |a| a.name.clone())
                    .unwrap_or_default();
                if let Some(p) = l.person_id.and_then(|p| data.contacts.with(p, |c| c.name.clone())) {
                    name = format!("{name} ({p})");
                }
                let remove_label = tw("referral.form.remove_lead", &[("name", &name)]);
                view! {
                    <li>
                        {name} " "
                        <button type="button" class="small" aria-label=remove_label on:click=move |_| leads.update(|v| { v.remove(i); })>
                            "×"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <form class="form-grid subsection" on:submit=on_submit novalidate aria-labelledby="referral-form-heading">
            <h3 id="referral-form-heading">{tr_fn("referral.form.title")}</h3>
            <ErrorSummary errors=errors.summary()/>
            <Show when=move || people.with(Vec::is_empty)>
                <p class="hint">
                    {tr("referral.form.no_person")} " "
                    <a href=href(&format!("/accounts/{account_id}"))>{data.accounts.with(account_id, |a| a.name.clone()).unwrap_or_default()}</a>
                </p>
            </Show>
            <div class="form-cols">
                <SelectField
                    id="referral-person"
                    label=Signal::derive(tr_fn(label::PERSON))
                    value=person
                    options=people
                    empty_label=Signal::derive(tr_fn("referral.form.choose_person"))
                    required=true
                    error=errors.field("person")
                />
                <TextField
                    id="referral-asked-on"
                    label=Signal::derive(tr_fn(label::ASKED_ON))
                    value=asked_on
                    input_type="date"
                    required=true
                    error=errors.field("asked_on")
                />
                <SelectField
                    id="referral-answer"
                    label=Signal::derive(tr_fn(label::ANSWER))
                    value=answer
                    options=answers
                    error=errors.field("answer")
                />
            </div>
            <fieldset class="referral-leads">
                <legend>{tr_fn(label::LEADS)}</legend>
                <ul class="plain-list" aria-live="polite">
                    {chosen}
                </ul>
                <Show when=move || leads.with(Vec::is_empty)>
                    <p class="hint">{tr("referral.form.leads_none")}</p>
                </Show>
                {move || errors.field("leads").get().map(|e| view! { <p class="field-error">{e}</p> })}
                <div class="form-cols">
                    <SelectField
                        id="referral-lead-account"
                        label=Signal::derive(tr_fn("referral.form.lead_account"))
                        value=lead_account
                        options=lead_accounts
                        empty_label=Signal::derive(tr_fn("referral.form.choose_lead"))
                    />
                    <SelectField
                        id="referral-lead-person"
                        label=Signal::derive(tr_fn("referral.form.lead_person"))
                        value=lead_person
                        options=lead_people
                        empty_label=Signal::derive(tr_fn("referral.form.no_lead_person"))
                    />
                </div>
                <div class="actions">
                    <button type="button" on:click=add_lead>{tr_fn("referral.form.add_lead")}</button>
                </div>
                <p class="hint">
                    {tr_fn("referral.form.new_account_hint")} " "
                    <a href=href("/accounts")>{tr_fn("referral.form.new_account")}</a>
                </p>
            </fieldset>
            <TextArea id="referral-note" label=Signal::derive(tr_fn(label::NOTE)) value=note rows=2 error=errors.field("note")/>
            <div class="actions">
                <button type="submit" class="primary">{tr_fn("referral.form.save")}</button>
            </div>
        </form>
    }
}

/// This part's line in the deal page's step-6 section.
#[component]
pub fn Summary(deal_id: Id) -> impl IntoView {
    let data = use_data();
    let line = move || {
        let account = data.deals.with(deal_id, |d| d.account_id)?;
        let asks = actions::of_account(data, account);
        if asks.is_empty() {
            return Some(tr("referral.deal.summary.none"));
        }
        let leads: usize = asks.iter().map(|r| r.leads.len()).sum();
        Some(tc(
            "referral.deal.summary.some",
            asks.len(),
            &[("leads", &leads.to_string())],
        ))
    };
    view! { <p class="followup-line">{line}</p> }
}
