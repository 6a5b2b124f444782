//! On an account's page: relationship health (people per stage, guides, warnings while a
//! deal is open), its people's stages, and the account's activity timeline.

use crate::domain::activity::timeline_for_account;
use crate::domain::contact::{BuyingLevel, Contact};
use crate::domain::ids::Id;
use crate::domain::relationship::{health, HealthWarning};
use crate::domain::sorting::SortExt;
use crate::state::data::use_data;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::activity::Timeline;
use crate::ui::activity_form::ActivityForm;
use crate::ui::link::href;
use crate::ui::scroll_area::ScrollArea;
use leptos::prelude::*;

#[component]
pub fn AccountTrust(account_id: Id) -> impl IntoView {
    let data = use_data();
    let people = Memo::new(move |_| {
        let ids = data.indexes.people_of(account_id);
        let mut v: Vec<Contact> = data
            .contacts
            .with_many(&ids, |ps| ps.into_iter().cloned().collect());
        v.sort_on(|a| a.name.to_lowercase());
        v
    });
    let people_ids =
        Memo::new(move |_| people.with(|v| v.iter().map(|c| c.id).collect::<Vec<Id>>()));
    let has_open_deal = Memo::new(move |_| {
        let ids = data.indexes.deals_of(account_id);
        data.deals
            .with_many(&ids, |ds| ds.iter().any(|d| d.is_open()))
    });
    let account_health = Memo::new(move |_| {
        people.with(|ps| {
            let rows: Vec<(bool, bool, &crate::domain::relationship::Relationship)> = ps
                .iter()
                .map(|c| {
                    (
                        c.level == Some(BuyingLevel::Decision),
                        c.is_guide,
                        &c.relationship,
                    )
                })
                .collect();
            health(&rows, has_open_deal.get())
        })
    });
    // Activities logged with the account or with any of its people, newest first.
    let timeline = Memo::new(move |_| {
        let people = data.indexes.people_of(account_id);
        let mut ids = data.indexes.activities_of_account(account_id);
        for &p in &people {
            ids.extend(data.indexes.activities_of_person(p));
        }
        ids.sort_unstable();
        ids.dedup();
        data.activities.with_many(&ids, |acts| {
            timeline_for_account(acts, account_id, &people)
                .into_iter()
                .map(|a| a.id)
                .collect::<Vec<Id>>()
        })
    });
    let log_open = RwSignal::new(false);

    view! {
        <section class="trust-panel" aria-labelledby="account-trust-heading">
            <h2 id="account-trust-heading">{tr_fn("trust.ui.health.title")}</h2>
            <div class="trust-grid">
                <section class="card trust-card" aria-labelledby="health-heading">
                    <h3 id="health-heading">{tr_fn("trust.ui.health.people_per_stage")}</h3>
                    {move || {
                        account_health
                            .get()
                            .warnings
                            .into_iter()
                            .map(|w| {
                                let text = match w {
                                    HealthWarning::DecisionMakersStillAcquaintances { acquaintances, decision_level } => tw(
                                        w.key(),
                                        &[("count", &acquaintances.to_string()), ("total", &decision_level.to_string())],
                                    ),
                                    _ => tr(w.key()),
                                };
                                view! { <p class="notice notice-warning" role="status">{text}</p> }
                            })
                            .collect_view()
                    }}
                    <ScrollArea label=Signal::derive(tr_fn("trust.ui.health.caption"))>
                        <table class="data-table">
                            <caption>{tr_fn("trust.ui.health.caption")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{tr_fn("trust.ui.health.stage")}</th>
                                    <th scope="col" class="num">{tr_fn("trust.ui.health.people")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {move || {
                                    account_health
                                        .get()
                                        .counts
                                        .iter()
                                        .map(|(s, n)| view! {
                                            <tr>
                                                <th scope="row">{tr(s.key())}</th>
                                                <td class="num">{n}</td>
                                            </tr>
                                        })
                                        .collect_view()
                                }}
                                <tr>
                                    <th scope="row">{tr_fn("trust.ui.health.guides")}</th>
                                    <td class="num">{move || account_health.get().guides}</td>
                                </tr>
                            </tbody>
                        </table>
                    </ScrollArea>
                    <Show when=move || !has_open_deal.get()>
                        <p class="hint">{tr_fn("trust.ui.health.no_open_deal")}</p>
                    </Show>
                </section>
                <section class="card trust-card" aria-labelledby="people-stage-heading">
                    <h3 id="people-stage-heading">{tr_fn("trust.ui.health.people_title")}</h3>
                    <Show
                        when=move || !people.with(Vec::is_empty)
                        fallback=move || view! { <p class="hint">{tr_fn("trust.ui.health.no_people")}</p> }
                    >
                        <ul class="plain-list people-stages">
                            <For each=move || people_ids.get() key=|id| *id let:cid>
                                {move || {
                                    data.contacts.get(cid).map(|c| {
                                        let id = c.id;
                                        let mut bits = vec![tr(c.relationship.stage.key())];
                                        if let Some(l) = c.level {
                                            bits.push(tr(l.key()));
                                        }
                                        if c.is_guide {
                                            bits.push(tr("trust.ui.health.guide"));
                                        }
                                        view! {
                                            <li>
                                                <a href=href(&format!("/contacts/{id}"))>{c.name.clone()}</a>
                                                " · "
                                                <span class="hint">{bits.join(" · ")}</span>
                                            </li>
                                        }
                                    })
                                }}
                            </For>
                        </ul>
                    </Show>
                </section>
            </div>
            <section class="card trust-card" aria-labelledby="account-activities-heading">
                <div class="card-head">
                    <h3 id="account-activities-heading">{tr_fn("trust.ui.activities.account_title")}</h3>
                    <Show when=move || !log_open.get()>
                        <button type="button" class="primary" on:click=move |_| log_open.set(true)>
                            {tr_fn("trust.ui.activity.log")}
                        </button>
                    </Show>
                </div>
                <Show when=move || log_open.get()>
                    <ActivityForm
                        prefix="account-activity"
                        account=Some(account_id)
                        on_close=move |_| log_open.set(false)
                    />
                </Show>
                <Timeline
                    items=Signal::derive(move || timeline.get())
                    empty=Signal::derive(tr_fn("trust.ui.activities.none_account"))
                />
            </section>
        </section>
    }
}
