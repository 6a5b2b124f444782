//! The "Log activity" form: kind, when, people, account, deal, notes, outcome, gift value,
//! and an optional follow-up task saved in the same transaction. Shows the style hints of
//! every person chosen and a reminder when a gift is above the limit.

use super::activity::{gift_limit, kind_code, kind_from_code};
use crate::domain::activity::{
    gift_reminder, ActivityDraft, ActivityKind, ExchangeFormat, GiftReminder,
};
use crate::domain::deal::Deal;
use crate::domain::ids::Id;
use crate::domain::money::Currency;
use crate::domain::sorting::SortExt;
use crate::state::actions::activities::{self, FollowUp};
use crate::state::data::{store_error_text, use_data};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw, ToastKind};
use crate::ui::fmt;
use crate::ui::form::{ErrorSummary, FormErrors, SelectField, TextArea, TextField};
use crate::ui::style_hint::StyleHint;
use chrono::{Local, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// `prefix` keeps element ids unique when two forms could be on one page.
#[component]
pub fn ActivityForm(
    #[prop(into)] prefix: String,
    /// People chosen when the form opens.
    #[prop(optional)]
    contacts: Vec<Id>,
    /// The account chosen when the form opens.
    #[prop(optional_no_strip)]
    account: Option<Id>,
    /// The kind chosen when the form opens (a suggested activity).
    #[prop(optional, into)]
    kind: Option<Signal<Option<ActivityKind>>>,
    /// Called after a successful save, and on cancel.
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let limit = gift_limit();
    let currency_default = limit
        .as_ref()
        .map(|m| m.currency.clone())
        .unwrap_or_default();
    let now = Utc::now();
    let first_kind = kind
        .and_then(|k| k.get_untracked())
        .unwrap_or(ActivityKind::PhoneCall);
    let blank = ActivityDraft::new(first_kind, now, &Local, currency_default.clone());

    let kind_v = RwSignal::new(kind_code(first_kind).to_string());
    if let Some(k) = kind {
        Effect::new(move |_| {
            if let Some(k) = k.get() {
                kind_v.set(kind_code(k).to_string());
            }
        });
    }
    let exchange = RwSignal::new(String::new());
    let date = RwSignal::new(blank.date.clone());
    let time = RwSignal::new(blank.time.clone());
    let people = RwSignal::new(contacts.clone());
    let account_v = RwSignal::new(account.map(|a| a.to_string()).unwrap_or_default());
    let deal = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let outcome = RwSignal::new(String::new());
    let gift_value = RwSignal::new(String::new());
    let gift_currency = RwSignal::new(currency_default.code().to_string());
    let fu_title = RwSignal::new(String::new());
    let fu_date = RwSignal::new(String::new());
    let fu_time = RwSignal::new(String::new());
    let errors = FormErrors::new();
    // The follow-up task's errors: listed in the summary.
    let task_errors = FormErrors::new();
    let saving = RwSignal::new(false);

    let prefix = StoredValue::new(prefix);
    let id = move |s: &str| format!("{}-{s}", prefix.get_value());
    let kind_now = move || kind_from_code(&kind_v.get()).unwrap_or(ActivityKind::PhoneCall);
    let is_gift = move || kind_now().is_gift();
    let account_id = move || account_v.get().parse::<Id>().ok();

    // The draft as typed (tracked), for the live gift reminder and for saving.
    let draft = move || {
        let k = kind_now();
        ActivityDraft {
            kind: k,
            exchange_format: ExchangeFormat::ALL
                .iter()
                .copied()
                .find(|f| f.key().ends_with(&format!(".{}", exchange.get())))
                .filter(|_| k == ActivityKind::TechnicalExchange),
            date: date.get(),
            time: time.get(),
            contact_ids: people.get(),
            account_id: account_id(),
            deal_id: deal.get().parse::<Id>().ok(),
            notes: notes.get(),
            outcome: outcome.get(),
            gift_value: if k.is_gift() {
                gift_value.get()
            } else {
                String::new()
            },
            gift_currency: Currency::parse(&gift_currency.get()).unwrap_or_default(),
        }
    };
    let reminder = Memo::new(move |_| gift_reminder(&draft(), gift_limit().as_ref()));

    let (summary, task_summary) = (errors.summary(), task_errors.summary());
    let summary = Signal::derive(move || {
        let mut v = summary.get();
        v.extend(task_summary.get());
        v
    });

    // People to choose from: the account's people when an account is chosen, else everyone;
    // people already chosen always stay listed.
    let people_options = Memo::new(move |_| {
        let acc = account_id();
        let chosen = people.get();
        let mut v: Vec<(Id, String)> = match acc {
            Some(a) => {
                let mut ids = data.indexes.people_of(a);
                ids.extend(chosen.iter().copied());
                ids.sort_unstable();
                ids.dedup();
                data.contacts.with_many(&ids, |ps| {
                    ps.into_iter().map(|c| (c.id, c.name.clone())).collect()
                })
            }
            None => data
                .contacts
                .with_all(|m| m.values().map(|c| (c.id, c.name.clone())).collect()),
        };
        v.sort_on(|a| a.1.to_lowercase());
        v
    });
    let account_options = Signal::derive(move || {
        let mut v: Vec<(String, String)> = data.accounts.with_all(|m| {
            m.values()
                .filter(|a| !a.archived || Some(a.id) == account_id())
                .map(|a| (a.id.to_string(), a.name.clone()))
                .collect()
        });
        v.sort_on(|a| a.1.to_lowercase());
        v
    });
    let deal_options = Signal::derive(move || {
        let acc = account_id();
        let chosen = deal.get();
        let option = |d: &Deal| {
            (d.is_active() || chosen == d.id.to_string())
                .then(|| (d.id.to_string(), d.title.clone()))
        };
        let mut v: Vec<(String, String)> = match acc {
            Some(a) => {
                let ids = data.indexes.deals_of(a);
                data.deals
                    .with_many(&ids, |ds| ds.into_iter().filter_map(option).collect())
            }
            None => data
                .deals
                .with_all(|m| m.values().filter_map(option).collect()),
        };
        v.sort_on(|a| a.1.to_lowercase());
        v
    });
    let kind_options = Signal::derive(move || {
        ActivityKind::ALL
            .iter()
            .map(|k| (kind_code(*k).to_string(), tr(k.key())))
            .collect::<Vec<_>>()
    });
    let exchange_options = Signal::derive(move || {
        ExchangeFormat::ALL
            .iter()
            .map(|f| {
                (
                    f.key().rsplit('.').next().unwrap_or_default().to_string(),
                    tr(f.key()),
                )
            })
            .collect::<Vec<_>>()
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let d = untrack(draft);
        let follow_up = FollowUp {
            title: fu_title.get_untracked(),
            date: fu_date.get_untracked(),
            time: fu_time.get_untracked(),
        };
        let save = match activities::log(data, &d, &gift_currency.get_untracked(), &follow_up) {
            Ok(save) => save,
            Err(refused) => {
                errors.show(&refused.activity);
                task_errors.show(&refused.task);
                return;
            }
        };
        errors.show(&[]);
        task_errors.show(&[]);
        saving.set(true);
        spawn_local(async move {
            match save.await {
                Ok(saved) => {
                    toasts.push(
                        ToastKind::Success,
                        tw(
                            "trust.ui.activity.saved",
                            &[
                                ("kind", &tr(saved.kind.key())),
                                ("date", &fmt::datetime(saved.at)),
                            ],
                        ),
                    );
                    on_close.run(());
                }
                Err(e) => toasts.push(ToastKind::Error, store_error_text(&e)),
            }
            saving.set(false);
        });
    };

    let people_err = errors.field("contact_ids");
    view! {
        <form class="form-grid activity-form" on:submit=on_submit novalidate>
            <ErrorSummary errors=summary/>
            <div class="inline-fields">
                <SelectField
                    id=id("kind")
                    label=Signal::derive(tr_fn("trust.ui.activity.kind"))
                    value=kind_v
                    options=kind_options
                    required=true
                />
                <Show when=move || kind_now() == ActivityKind::TechnicalExchange>
                    <SelectField
                        id=id("format")
                        label=Signal::derive(tr_fn("trust.ui.activity.format"))
                        value=exchange
                        options=exchange_options
                        empty_label=Signal::derive(tr_fn("trust.ui.none"))
                    />
                </Show>
            </div>
            <div class="inline-fields">
                <TextField
                    id=id("date")
                    label=Signal::derive(tr_fn("trust.ui.activity.date"))
                    value=date
                    input_type="date"
                    required=true
                    error=errors.field("date")
                />
                <TextField
                    id=id("time")
                    label=Signal::derive(tr_fn("trust.ui.activity.time"))
                    value=time
                    input_type="time"
                    hint=Signal::derive(tr_fn("trust.ui.activity.time_hint"))
                    error=errors.field("time")
                />
            </div>
            <div class="inline-fields">
                <SelectField
                    id=id("account")
                    label=Signal::derive(tr_fn("trust.ui.activity.account"))
                    value=account_v
                    options=account_options
                    empty_label=Signal::derive(tr_fn("trust.ui.none"))
                />
                <SelectField
                    id=id("deal")
                    label=Signal::derive(tr_fn("trust.ui.activity.deal"))
                    value=deal
                    options=deal_options
                    empty_label=Signal::derive(tr_fn("trust.ui.none"))
                    hint=Signal::derive(tr_fn("trust.ui.activity.deal_hint"))
                />
            </div>
            <fieldset
                class="people-choice"
                aria-describedby=move || people_err.get().is_some().then(|| id("people-error"))
            >
                <legend>{tr_fn("trust.ui.activity.people")}</legend>
                <Show
                    when=move || !people_options.with(Vec::is_empty)
                    fallback=move || view! { <p class="hint">{tr_fn("trust.ui.activity.no_people")}</p> }
                >
                    <ul class="check-list">
                        <For each=move || people_options.get() key=|(id, n)| (*id, n.clone()) let:p>
                            {
                                let (cid, name) = p;
                                let input_id = id(&format!("person-{cid}"));
                                view! {
                                    <li>
                                        <input
                                            type="checkbox"
                                            id=input_id.clone()
                                            prop:checked=move || people.with(|v| v.contains(&cid))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                people.update(|v| {
                                                    v.retain(|x| *x != cid);
                                                    if on {
                                                        v.push(cid);
                                                    }
                                                });
                                            }
                                        />
                                        <label for=input_id>{name}</label>
                                    </li>
                                }
                            }
                        </For>
                    </ul>
                </Show>
                {move || people_err.get().map(|e| view! {
                    <p class="field-error" id=id("people-error")>{e}</p>
                })}
            </fieldset>
            <Show when=move || !people.with(Vec::is_empty)>
                <section class="form-hints" aria-labelledby=id("hints-title")>
                    <h3 id=id("hints-title")>{tr_fn("trust.ui.activity.style_hints")}</h3>
                    {move || {
                        people
                            .get()
                            .into_iter()
                            .filter_map(|cid| data.contacts.get(cid))
                            .map(|c| view! { <StyleHint contact=c/> })
                            .collect_view()
                    }}
                </section>
            </Show>
            <TextArea
                id=id("notes")
                label=Signal::derive(tr_fn("trust.ui.activity.notes"))
                value=notes
            />
            <TextArea
                id=id("outcome")
                label=Signal::derive(tr_fn("trust.ui.activity.outcome"))
                value=outcome
                rows=2
            />
            <Show when=is_gift>
                <div class="inline-fields">
                    <TextField
                        id=id("gift")
                        label=Signal::derive(tr_fn("trust.ui.activity.gift_value"))
                        value=gift_value
                        error=errors.field("gift_value")
                        hint=Signal::derive(move || match gift_limit() {
                            Some(m) => tw("trust.ui.gift_limit.current", &[("limit", &fmt::money(&m))]),
                            None => tr("trust.ui.activity.no_gift_limit"),
                        })
                    />
                    <TextField
                        id=id("gift-currency")
                        label=Signal::derive(tr_fn("trust.ui.gift_limit.currency"))
                        value=gift_currency
                    />
                </div>
            </Show>
            {move || reminder.get().map(|r| {
                let (value, limit) = match &r {
                    GiftReminder::AboveLimit { value, limit }
                    | GiftReminder::CannotCompare { value, limit } => (fmt::money(value), fmt::money(limit)),
                };
                view! {
                    <div class="notice notice-warning gift-reminder" role="status">
                        <strong>{tr("trust.ui.activity.gift_reminder_title")}</strong>
                        " "
                        {tw(r.key(), &[("value", &value), ("limit", &limit)])}
                    </div>
                }
            })}
            <fieldset class="follow-up">
                <legend>{tr_fn("trust.ui.activity.follow_up")}</legend>
                <p class="hint">{tr_fn("trust.ui.activity.follow_up_hint")}</p>
                <TextField
                    id=id("fu-title")
                    label=Signal::derive(tr_fn("trust.ui.task.title"))
                    value=fu_title
                />
                <div class="inline-fields">
                    <TextField
                        id=id("fu-date")
                        label=Signal::derive(tr_fn("trust.ui.task.due_date"))
                        value=fu_date
                        input_type="date"
                    />
                    <TextField
                        id=id("fu-time")
                        label=Signal::derive(tr_fn("trust.ui.task.due_time"))
                        value=fu_time
                        input_type="time"
                    />
                </div>
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || saving.get()>
                    {tr_fn("trust.ui.activity.save")}
                </button>
                <button type="button" on:click=move |_| on_close.run(())>
                    {tr_fn("trust.ui.cancel")}
                </button>
            </div>
        </form>
    }
}
