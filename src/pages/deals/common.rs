//! Helpers shared by the deal screens and the dashboard.

use crate::domain::deal::{Deal, Outcome};
use crate::domain::ids::Id;
use crate::domain::pipeline::YearMonth;
use crate::state::data::{report_store_error, AppData};
use crate::state::toasts::Toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::store::StoreError;
use crate::ui::fmt;
use chrono::NaiveDate;
use std::future::Future;

/// Awaits the commit of a deal action; on a store error shows it in an error toast and
/// returns `None` (nothing changed, so the caller keeps its form as typed). A stale commit
/// (another tab changed the deal) offers a reload.
pub async fn committed(
    toasts: Toasts,
    commit: impl Future<Output = Result<Deal, StoreError>>,
) -> Option<Deal> {
    match commit.await {
        Ok(saved) => Some(saved),
        Err(e) => {
            report_store_error(toasts, &e);
            None
        }
    }
}

/// Commits a deal action that says nothing on success (`None`: nothing to do); a store
/// error is shown in an error toast.
pub fn commit_quietly(
    toasts: Toasts,
    commit: Option<impl Future<Output = Result<Deal, StoreError>> + 'static>,
) {
    if let Some(commit) = commit {
        leptos::task::spawn_local(async move {
            committed(toasts, commit).await;
        });
    }
}

/// The deal as stored now (untracked), if it exists.
pub fn current_deal(data: AppData, id: Id) -> Option<Deal> {
    data.deals.get_untracked(id)
}

/// `YYYY-MM` (an option value for a month).
pub fn month_code(ym: YearMonth) -> String {
    format!("{:04}-{:02}", ym.year, ym.month)
}

pub fn parse_month_code(s: &str) -> Option<YearMonth> {
    let (y, m) = s.split_once('-')?;
    YearMonth::new(y.parse().ok()?, m.parse().ok()?)
}

/// `YYYY-MM-DD`, what a date input holds.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// The name of an account (or a placeholder when it is not on record).
pub fn account_name(data: AppData, id: Id) -> String {
    data.accounts
        .with_all(|m| m.get(&id).map(|a| a.name.clone()))
        .unwrap_or_else(|| tr("deals_ui.unknown_account"))
}

/// The name of a person (or a placeholder when they are not on record).
pub fn contact_name(data: AppData, id: Id) -> String {
    data.contacts
        .with_all(|m| m.get(&id).map(|c| c.name.clone()))
        .unwrap_or_else(|| tr("deals_ui.unknown_person"))
}

/// The outcome in words: "Open: still being sold.", "Won on 3 Mar 2026.", "Lost on …: reason".
pub fn outcome_text(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Open => tr("deals_ui.outcome.open"),
        Outcome::Won { at, paid_on } => {
            let mut s = tw("deals_ui.outcome.won_on", &[("date", &fmt::date(*at))]);
            if let Some(p) = paid_on {
                s.push(' ');
                s.push_str(&tw("deals_ui.outcome.paid_on", &[("date", &fmt::date(*p))]));
            }
            s
        }
        Outcome::Lost { at, reason } => tw(
            "deals_ui.outcome.lost_on",
            &[("date", &fmt::date(*at)), ("reason", reason)],
        ),
        Outcome::Declined { at, reason } => tw(
            "deals_ui.outcome.declined_on",
            &[("date", &fmt::date(*at)), ("reason", reason)],
        ),
    }
}

/// The deal of the page's `:id` (tracked), with the id.
pub fn deal_of_route() -> (leptos::prelude::Memo<Option<Id>>, super::detail::DealSig) {
    use leptos::prelude::*;
    let data = crate::state::data::use_data();
    let params = leptos_router::hooks::use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    let deal = Memo::new(move |_| data.deals.get(id.get()?));
    (id, deal)
}

/// A page of one deal (`/deals/:id/…`): `page` with the deal while it is in the book, else
/// the missing-record page headed `title_key` with the way back to the board.
#[leptos::component]
pub fn DealRoute<F, V>(title_key: &'static str, page: F) -> impl leptos::IntoView
where
    F: Fn(Id, super::detail::DealSig) -> V + Send + Sync + 'static,
    V: leptos::IntoView + 'static,
{
    use crate::ui::missing::MissingRecord;
    use leptos::prelude::*;
    let (id, deal) = deal_of_route();
    let exists = Memo::new(move |_| deal.with(Option::is_some));
    let page = StoredValue::new(page);
    view! {
        <Show
            when=move || exists.get()
            fallback=move || view! {
                <MissingRecord
                    title_key=title_key
                    body_key="deals_ui.deal.not_found"
                    back_key="deals_ui.deal.back_to_board"
                    back_path="/deals"
                />
            }
        >
            {move || id.get().map(|id| page.with_value(|p| p(id, deal)))}
        </Show>
    }
}

/// Links to the parts of a long page (the negotiation, the follow-up): each part's
/// heading element id and title key; a click scrolls to it.
#[leptos::component]
pub fn PartIndex(
    label_key: &'static str,
    parts: &'static [(&'static str, &'static str)],
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    view! {
        <nav class="section-index no-print" aria-label=tr_fn(label_key)>
            <ul>
                {parts
                    .iter()
                    .map(|(anchor, key)| {
                        let anchor = *anchor;
                        let key = *key;
                        view! {
                            <li>
                                <a
                                    href=format!("#{anchor}")
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        if let Some(el) = document().get_element_by_id(anchor) {
                                            el.scroll_into_view();
                                        }
                                    }
                                >
                                    {tr_fn(key)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
