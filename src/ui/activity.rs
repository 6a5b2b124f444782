//! Activity and task pieces shown on a person's page, an account's page, the Agenda and
//! Settings: the timeline, names and small lookups.

use crate::domain::activity::{Activity, ActivityKind};
use crate::domain::agenda::Task;
use crate::domain::ids::Id;
use crate::state::data::AppData;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::fmt;
use crate::ui::link::href;
use leptos::prelude::*;

/// The gift limit set in Settings, if any (a work setting: see [`crate::state::settings`]).
pub use crate::state::settings::gift_limit;

/// The stable code of an activity kind (its serde name), for select values.
pub fn kind_code(k: ActivityKind) -> &'static str {
    k.key().trim_start_matches("activity.kind.")
}

pub fn kind_from_code(code: &str) -> Option<ActivityKind> {
    ActivityKind::ALL
        .iter()
        .copied()
        .find(|k| kind_code(*k) == code)
}

/// The contact's name, or a placeholder when the record is gone.
pub fn contact_name(data: &AppData, id: Id) -> String {
    data.contacts
        .with(id, |c| c.name.clone())
        .unwrap_or_else(|| tr("trust.ui.unknown_person"))
}

/// The account's name, or a placeholder when the record is gone.
pub fn account_name(data: &AppData, id: Id) -> String {
    data.accounts
        .with(id, |a| a.name.clone())
        .unwrap_or_else(|| tr("trust.ui.unknown_account"))
}

/// "Business meal or tea" or "Technical exchange (Demo)".
pub fn activity_title(a: &Activity) -> String {
    match a.exchange_format {
        Some(f) => format!("{} ({})", tr(a.kind.key()), tr(f.key())),
        None => tr(a.kind.key()),
    }
}

/// When a task is due, in the current locale.
pub fn due_text(t: &Task) -> String {
    match t.due_time {
        Some(time) => format!("{} {}", fmt::date(t.due_date), time.format("%H:%M")),
        None => fmt::date(t.due_date),
    }
}

/// A list of activities (`items`: their ids, newest first), with people, account, notes
/// and outcome. Each item reads its own record: saving one activity redraws that item only.
#[component]
pub fn Timeline(
    #[prop(into)] items: Signal<Vec<Id>>,
    /// Whose timeline it is (left out of the people shown).
    #[prop(optional)]
    owner: Option<Id>,
    #[prop(into)] empty: Signal<String>,
) -> impl IntoView {
    let data = crate::state::data::use_data();
    // Read once per list: a logged gift above it carries a flag.
    let limit = StoredValue::new(gift_limit());
    view! {
        <Show
            when=move || !items.with(Vec::is_empty)
            fallback=move || view! { <p class="hint">{move || empty.get()}</p> }
        >
            <ol class="timeline">
                <For
                    each=move || items.get()
                    key=|id| *id
                    let:id
                >
                    {move || data.activities.get(id).map(|a| {
                        let others: Vec<Id> = a
                            .contact_ids
                            .iter()
                            .copied()
                            .filter(|c| Some(*c) != owner)
                            .collect();
                        let a2 = a.clone();
                        let gift = a.gift_value.clone();
                        let flag = limit.with_value(|l| crate::domain::activity::gift_flag(&a, l.as_ref()));
                        let account = a.account_id;
                        let deal = a.deal_id;
                        view! {
                            <li class="timeline-item">
                                <p class="timeline-head">
                                    <strong>{move || activity_title(&a2)}</strong>
                                    " · "
                                    <time datetime=a.at.to_rfc3339()>{move || fmt::datetime(a.at)}</time>
                                </p>
                                {(!others.is_empty()).then(|| {
                                    let others = others.clone();
                                    view! {
                                        <p class="timeline-meta">
                                            {tr_fn("trust.ui.activity.with")}
                                            " "
                                            {others
                                                .iter()
                                                .enumerate()
                                                .map(|(i, id)| {
                                                    let id = *id;
                                                    view! {
                                                        {(i > 0).then_some(", ")}
                                                        <a href=href(&format!("/contacts/{id}"))>
                                                            {move || contact_name(&data, id)}
                                                        </a>
                                                    }
                                                })
                                                .collect_view()}
                                        </p>
                                    }
                                })}
                                {account.map(|id| view! {
                                    <p class="timeline-meta">
                                        {tr_fn("trust.ui.activity.account")}
                                        ": "
                                        <a href=href(&format!("/accounts/{id}"))>{move || account_name(&data, id)}</a>
                                        {deal.map(|d| view! {
                                            " · "
                                            {tr_fn("trust.ui.activity.deal")}
                                            ": "
                                            <a href=href(&format!("/deals/{d}"))>
                                                {move || data.deals.with(d, |x| x.title.clone()).unwrap_or_default()}
                                            </a>
                                        })}
                                    </p>
                                })}
                                {(!a.notes.is_empty()).then(|| view! { <p class="timeline-notes">{a.notes.clone()}</p> })}
                                {(!a.outcome.is_empty()).then(|| {
                                    let o = a.outcome.clone();
                                    view! { <p class="timeline-notes"><strong>{tr_fn("trust.ui.activity.outcome")}</strong>": "{o}</p> }
                                })}
                                {gift.map(|m| view! {
                                    <p class="timeline-meta">{move || tw("trust.ui.activity.gift_value_is", &[("value", &fmt::money(&m))])}</p>
                                })}
                                {flag.map(|f| {
                                    let limit = fmt::money(f.limit());
                                    view! {
                                        <p class="gift-flag">
                                            <span class="badge warning">{move || tw(f.key(), &[("limit", &limit)])}</span>
                                        </p>
                                    }
                                })}
                            </li>
                        }
                    })}
                </For>
            </ol>
        </Show>
    }
}
