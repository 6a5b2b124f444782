//! The Agenda's follow-up service: contract items due or late, milestones late and
//! satisfaction checks due, across every deal won and not yet fully paid; late ones first,
//! each linking to the deal's follow-up page.

use crate::domain::followup::in_service;
use crate::domain::followup::watch::{self, Watch, WatchKind};
use crate::domain::ids::Id;
use crate::state::data::{use_data, LoadStatus};
use crate::state::settings::satisfaction_cadence;
use crate::state::tr_fn;
use crate::state::{tc, tr, tw};
use crate::ui::fmt;
use crate::ui::link::href;
use leptos::prelude::*;
use std::collections::HashMap;

/// What one line says (in words: late is never shown by colour alone).
fn watch_text(w: &Watch) -> String {
    match &w.what {
        WatchKind::ItemLate { text, days } => tc(
            "followup.agenda.item_late",
            *days as usize,
            &[("text", text)],
        ),
        WatchKind::ItemDue { text, in_days: 0 } => {
            tw("followup.agenda.item_due_today", &[("text", text)])
        }
        WatchKind::ItemDue { text, .. } => tw(
            "followup.agenda.item_due",
            &[("text", text), ("date", &fmt::date(w.due))],
        ),
        WatchKind::MilestoneLate { kind, days } => tc(
            "followup.agenda.milestone_late",
            *days as usize,
            &[("kind", &tr(kind.key()))],
        ),
        WatchKind::CheckDue { kind, days_over } if *days_over > 0 => tw(
            "followup.agenda.check_late",
            &[("kind", &tr(kind.key())), ("date", &fmt::date(w.due))],
        ),
        WatchKind::CheckDue { kind, .. } => {
            tw("followup.agenda.check_due", &[("kind", &tr(kind.key()))])
        }
    }
}

#[component]
pub fn ServiceAgenda() -> impl IntoView {
    let data = use_data();
    let rows = Memo::new(move |_| {
        let today = fmt::today();
        let cadence = satisfaction_cadence();
        data.followups.with_all(|fs| {
            let by_deal: HashMap<Id, _> = fs.values().map(|f| (f.deal_id, f)).collect();
            let mut titles = HashMap::new();
            let mut list: Vec<Watch> = data.deals.with_all(|ds| {
                ds.values()
                    .filter_map(|d| in_service(&d.outcome).map(|won| (d, won)))
                    .flat_map(|(d, won)| {
                        titles.insert(d.id, d.title.clone());
                        watch::watch_deal(d.id, by_deal.get(&d.id).copied(), won, cadence, today)
                    })
                    .collect()
            });
            watch::sort(&mut list);
            list.into_iter()
                .map(|w| {
                    let title = titles.get(&w.deal_id).cloned().unwrap_or_default();
                    (w.deal_id, title, watch_text(&w), w.is_late())
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || data.status.get() == LoadStatus::Ready>
            <section class="card agenda-bucket agenda-service" aria-labelledby="agenda-service-heading">
                <h2 id="agenda-service-heading">{tr_fn("followup.agenda.title")}</h2>
                {move || {
                    let list = rows.get();
                    if list.is_empty() {
                        return view! { <p class="hint">{tr("followup.agenda.none")}</p> }.into_any();
                    }
                    view! {
                        <ul class="plain-list service-list">
                            {list.into_iter().map(|(id, title, text, late)| view! {
                                <li class:service-late=late>
                                    <a href=href(&format!("/deals/{id}/followup"))>{title}</a>
                                    <span>" — " {late.then(|| view! { <strong class="late-word">{tr("followup.agenda.late")} " "</strong> })} {text}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>
        </Show>
    }
}
