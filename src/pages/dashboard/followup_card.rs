//! The dashboard's card of late delivery milestones and late contract items, across every
//! deal won and not yet fully paid: how many, and the first of them with a link to the deal.

use super::DealList;
use crate::domain::followup::in_service;
use crate::domain::followup::watch::{self, Watch, WatchKind};
use crate::domain::ids::Id;
use crate::state::data::use_data;
use crate::state::settings::satisfaction_cadence;
use crate::state::tr_fn;
use crate::state::{tc, tr};
use crate::ui::fmt;
use leptos::prelude::*;
use std::collections::HashMap;

fn late_text(w: &Watch) -> String {
    match &w.what {
        WatchKind::ItemLate { text, days } => {
            tc("followup.dash.item_late", *days as usize, &[("text", text)])
        }
        WatchKind::MilestoneLate { kind, days } => tc(
            "followup.dash.milestone_late",
            *days as usize,
            &[("kind", &tr(kind.key()))],
        ),
        _ => String::new(),
    }
}

#[component]
pub fn FollowUpCard() -> impl IntoView {
    let data = use_data();
    let rows = Memo::new(move |_| {
        let today = fmt::today();
        let cadence = satisfaction_cadence();
        data.followups.with_all(|fs| {
            let mut titles = HashMap::new();
            let mut list: Vec<Watch> = fs
                .values()
                .filter_map(|f| {
                    let d = data.deals.get(f.deal_id)?;
                    let won = in_service(&d.outcome)?;
                    titles.insert(d.id, d.title);
                    Some(watch::watch_deal(d.id, Some(f), won, cadence, today))
                })
                .flatten()
                .filter(Watch::is_late_delivery)
                .collect();
            watch::sort(&mut list);
            list.into_iter()
                .map(|w| {
                    let title = titles.get(&w.deal_id).cloned().unwrap_or_default();
                    (w.deal_id, title, late_text(&w))
                })
                .collect::<Vec<(Id, String, String)>>()
        })
    });
    let count = move || rows.with(Vec::len);
    view! {
        <section class="card" aria-labelledby="followup-card-heading">
            <h2 id="followup-card-heading">{tr_fn("followup.dash.title")}</h2>
            <Show when=move || { count() > 0 }>
                <p class="notice notice-warning" role="status">{move || tc("followup.dash.count", count(), &[])}</p>
            </Show>
            <DealList rows=rows empty_key="followup.dash.none" show_all_key="followup.dash.show_all"/>
        </section>
    }
}
