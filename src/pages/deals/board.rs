//! The board: active deals by step, with totals per column, filters, moves by drag and drop
//! or by the "Move to step…" menu, and the "New deal" form.
//!
//! Six keyed lists: a memo holds each column's deal ids and totals, and each card reads its
//! own deal, so editing one deal re-renders one card and moving it moves one card.

use super::common::{month_code, parse_month_code};
use super::form::DealForm;
use super::move_dialog::{MoveDialog, MoveRequest};
use crate::domain::account::Grade;
use crate::domain::deal::Deal;
use crate::domain::deal::{self, classify_move, Move, Step};
use crate::domain::ids::Id;
use crate::domain::pipeline::{self, BoardFilter};
use crate::state::data::{use_data, AppData, LoadStatus};
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::deal_text::{deal_href, month_label, step_label, totals_text};
use crate::ui::fmt;
use crate::ui::link::href;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// What a card shows, read from its own deal (and its account's name): a change to one deal
/// re-renders one card.
#[derive(Clone, PartialEq)]
struct Card {
    id: Id,
    title: String,
    account: String,
    step: Step,
    value: String,
    weighted: String,
    close: Option<String>,
    owner: String,
    /// Won (or otherwise closed): shown as closed, not draggable; a move only explains why.
    closed: bool,
    badges: Vec<(&'static str, &'static str)>,
}

impl Card {
    /// The card of `d`; reads its account's name (tracked, that account only).
    fn of(d: &Deal, data: AppData, today: chrono::NaiveDate) -> Card {
        let mut badges = Vec::new();
        match &d.next_step {
            None => badges.push(("warning", "deals_ui.badge.no_next_step")),
            Some(n) if n.due < today => badges.push(("danger", "deals_ui.badge.overdue")),
            _ => {}
        }
        if d.step == Step::CustomerAnalysis && deal::has_no_answer(d) {
            badges.push(("danger", "deals_ui.badge.no_answer"));
        }
        if d.is_closed() {
            badges.push(("", d.outcome.key()));
            badges.push(("", "deal_rules.badge.closed"));
        }
        Card {
            id: d.id,
            title: d.title.clone(),
            account: data
                .accounts
                .with(d.account_id, |a| a.name.clone())
                .unwrap_or_else(|| tr("deals_ui.unknown_account")),
            step: d.step,
            value: fmt::money(&d.value),
            weighted: fmt::money(&pipeline::weighted_value(d)),
            close: d.expected_close.map(fmt::date),
            owner: d.owner.clone(),
            closed: d.is_closed(),
            badges,
        }
    }
}

/// Cards a column shows at first, and each "Show more" adds.
const COLUMN_PAGE: usize = 40;

/// One column as the board lists it: which deals, in order, and its totals. Kept in a memo:
/// editing a deal without moving it leaves every column equal, so no list re-renders.
#[derive(Clone, PartialEq)]
struct Column {
    step: Step,
    ids: Vec<Id>,
    count: usize,
    value: String,
    weighted: String,
}

fn set_drag_data(ev: &leptos::ev::DragEvent, id: &str) {
    // The web-sys DataTransfer binding is not enabled; reach it through JS reflection so
    // every browser starts the drag (Firefox needs data set).
    use wasm_bindgen::JsCast;
    let Ok(dt) = js_sys::Reflect::get(ev, &"dataTransfer".into()) else {
        return;
    };
    if dt.is_undefined() || dt.is_null() {
        return;
    }
    let _ = js_sys::Reflect::set(&dt, &"effectAllowed".into(), &"move".into());
    if let Ok(f) = js_sys::Reflect::get(&dt, &"setData".into()) {
        if let Ok(f) = f.dyn_into::<js_sys::Function>() {
            let _ = f.call2(&dt, &"text/plain".into(), &id.into());
        }
    }
}

/// The card an event on the board came from (the card itself, or something in it).
fn dragged_card(ev: &leptos::ev::DragEvent) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    target.closest("[data-deal]").ok()?
}

/// The board of open deals by step (route `/deals`).
#[component]
pub fn DealsPage() -> impl IntoView {
    let data = use_data();
    let query = use_query_map();
    let navigate = use_navigate();
    let preset_account: Option<Id> = query
        .with_untracked(|q| q.get("account"))
        .and_then(|s| s.parse().ok());
    let show_form = RwSignal::new(query.with_untracked(|q| q.get("new").is_some()));
    let owner = RwSignal::new(String::new());
    let grade = RwSignal::new(String::new());
    let month = RwSignal::new(String::new());
    let request = RwSignal::new(None::<MoveRequest>);
    let open_menu = RwSignal::new(None::<Id>);
    let dragging = RwSignal::new(None::<Id>);
    let drop_target = RwSignal::new(None::<Step>);

    let has_deals = Memo::new(move |_| !data.deals.is_empty());
    let owners = Memo::new(move |_| data.deals.with_all(|m| pipeline::owners(m.values())));
    let months = Memo::new(move |_| data.deals.with_all(|m| pipeline::close_months(m.values())));

    let filter = Memo::new(move |_| BoardFilter {
        owner: Some(owner.get()).filter(|o| !o.is_empty()),
        grade: Grade::from_code(&grade.get()),
        close_month: parse_month_code(&month.get()),
    });
    // Which deals each column lists: recomputed on any deal or account change (grades
    // filter), but equal unless a deal moved, appeared, left or was re-sorted.
    let columns = Memo::new(move |_| {
        data.accounts.with_all(|accounts| {
            data.deals.with_all(|deals| {
                pipeline::board(deals.values(), &filter.read(), |id| {
                    accounts.get(&id).and_then(|a| a.grade)
                })
                .into_iter()
                .map(|col| Column {
                    step: col.step,
                    ids: col.deals.iter().map(|d| d.id).collect(),
                    count: col.totals.count,
                    value: totals_text(&col.totals.value),
                    weighted: totals_text(&col.totals.weighted),
                })
                .collect::<Vec<_>>()
            })
        })
    });
    let shown = move || columns.with(|c| c.iter().map(|c| c.count).sum::<usize>());
    let today = fmt::today();

    let on_created = Callback::new(move |id: Option<Id>| {
        show_form.set(false);
        if let Some(id) = id {
            navigate(
                &deal_href(id),
                NavigateOptions {
                    resolve: false,
                    ..Default::default()
                },
            );
        }
    });

    let request_move = move |id: Id, from: Step, to: Step| {
        open_menu.set(None);
        if classify_move(from, to) == Move::Stay {
            return;
        }
        request.set(Some(MoveRequest {
            deal_id: id,
            to,
            return_focus: Some(format!("move-btn-{id}")),
        }));
    };

    // A card is built inside its deal's closure, which reads the language (its amounts are
    // formatted in it): a change of language rebuilds the card, so its labels are plain
    // text, not reactive nodes of their own. What still reacts on a card: its deal, the
    // open menu (the menu and the button's aria-expanded).
    let card_view = move |c: Card| {
        let id = c.id;
        let from = c.step;
        let menu_id = format!("move-menu-{id}");
        let title = c.title;
        let is_open = move || open_menu.get() == Some(id);
        let closed = c.closed;
        let menu_label = tw("deals_ui.board.move_menu", &[("deal", &title)]);
        let menu = move || {
            is_open().then(|| {
                view! {
                    <ul
                        class="move-menu plain-list"
                        id=format!("move-menu-{id}")
                        aria-label=menu_label.clone()
                        on:keydown=move |ev| {
                            if ev.key() == "Escape" {
                                open_menu.set(None);
                                crate::ui::focus::focus_later(format!("move-btn-{id}"));
                            }
                        }
                    >
                        {Step::ALL
                            .iter()
                            .filter(|s| **s != from)
                            .map(|to| {
                                let to = *to;
                                let how = match classify_move(from, to) {
                                    Move::Advance => "deals_ui.board.how.advance",
                                    Move::Skip => "deals_ui.board.how.skip",
                                    _ => "deals_ui.board.how.back",
                                };
                                view! {
                                    <li>
                                        <button type="button" on:click=move |_| request_move(id, from, to)>
                                            {step_label(to)}
                                            <span class="hint">" — " {tr(how)}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            })
        };
        view! {
            <li
                class="deal-card"
                class:deal-card-closed=closed
                draggable=if closed { "false" } else { "true" }
                data-deal=id.to_string()
            >
                // A long name ends in "…" and shows in full on hover; the other lines wrap.
                <a class="deal-card-title" href=deal_href(id) title=title.clone()>{title.clone()}</a>
                <span class="deal-card-account" title=c.account.clone()>{c.account.clone()}</span>
                <span class="deal-card-value">{c.value.clone()}</span>
                <span class="deal-card-line hint">
                    {format!("{} {}", tr("deals_ui.weighted"), c.weighted)}
                </span>
                {c.close.map(|d| view! {
                    <span class="deal-card-line hint">{tw("deals_ui.card.close", &[("date", &d)])}</span>
                })}
                {(!c.owner.is_empty()).then(|| view! {
                    <span class="deal-card-line hint" title=c.owner.clone()>{c.owner.clone()}</span>
                })}
                {(!c.badges.is_empty()).then(|| {
                    view! {
                        <span class="deal-card-badges">
                            {c.badges
                                .iter()
                                .map(|(class, key)| {
                                    view! { <span class=format!("badge {class}")>{tr(key)}</span> }
                                })
                                .collect_view()}
                        </span>
                    }
                })}
                <button
                    type="button"
                    class="move-button"
                    id=format!("move-btn-{id}")
                    aria-expanded=move || is_open().to_string()
                    aria-controls=menu_id
                    aria-label=format!("{}: {}", tr("deals_ui.board.move"), title)
                    on:click=move |_| {
                        open_menu.update(|o| *o = if *o == Some(id) { None } else { Some(id) })
                    }
                >
                    {tr("deals_ui.board.move")}
                </button>
                {menu}
            </li>
        }
    };

    view! {
        <section class="page deals-page">
            <div class="page-head">
                <h1>{tr_fn("page.deals.title")}</h1>
                <button
                    type="button"
                    class="primary"
                    aria-expanded=move || show_form.get().to_string()
                    aria-controls="new-deal"
                    on:click=move |_| show_form.update(|s| *s = !*s)
                >
                    {tr_fn("deals_ui.new_deal")}
                </button>
            </div>
            <Show when=move || show_form.get()>
                <section class="card" id="new-deal" aria-labelledby="new-deal-heading">
                    <h2 id="new-deal-heading">{tr_fn("deals_ui.new_deal")}</h2>
                    {match preset_account {
                        Some(a) => view! { <DealForm preset_account=a on_done=on_created/> }.into_any(),
                        None => view! { <DealForm on_done=on_created/> }.into_any(),
                    }}
                </section>
            </Show>
            <crate::ui::filters::FilterPanel
                id="board-filters"
                class="board-filters"
                label=Signal::derive(tr_fn("deals_ui.filters"))
                set=Signal::derive(move || filter.with(BoardFilter::narrowing))
            >
                <div class="field">
                    <label for="filter-owner">{tr_fn("deals_ui.filter.owner")}</label>
                    <select id="filter-owner" on:change=move |ev| owner.set(event_target_value(&ev))>
                        <option value="" selected=move || owner.get().is_empty()>
                            {tr_fn("deals_ui.filter.all")}
                        </option>
                        {move || {
                            owners
                                .get()
                                .into_iter()
                                .map(|o| {
                                    let o2 = o.clone();
                                    view! { <option value=o.clone() selected=move || owner.get() == o2>{o.clone()}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-grade">{tr_fn("deals_ui.filter.grade")}</label>
                    <select id="filter-grade" on:change=move |ev| grade.set(event_target_value(&ev))>
                        <option value="" selected=move || grade.get().is_empty()>
                            {tr_fn("deals_ui.filter.all")}
                        </option>
                        {Grade::ALL
                            .iter()
                            .map(|g| {
                                let g = *g;
                                view! {
                                    <option value=g.code() selected=move || grade.get() == g.code()>
                                        {tr_fn(g.key())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-month">{tr_fn("deals_ui.filter.month")}</label>
                    <select id="filter-month" on:change=move |ev| month.set(event_target_value(&ev))>
                        <option value="" selected=move || month.get().is_empty()>
                            {tr_fn("deals_ui.filter.all")}
                        </option>
                        {move || {
                            months
                                .get()
                                .into_iter()
                                .map(|m| {
                                    let code = month_code(m);
                                    let c2 = code.clone();
                                    view! {
                                        <option value=code selected=move || month.get() == c2>
                                            {month_label(m)}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
            </crate::ui::filters::FilterPanel>
            <p class="board-count" role="status">
                {move || tw("deals_ui.board.shown", &[("count", &fmt::number(shown() as i64))])}
            </p>
            <Show when=move || data.status.get() == LoadStatus::Ready && !has_deals.get()>
                <p class="notice">
                    {tr_fn("deals_ui.board.empty")} " "
                    <a href=href("/accounts")>{tr_fn("deals_ui.form.go_accounts")}</a>
                </p>
            </Show>
            <p class="hint board-help">
                {tr_fn("deals_ui.board.help")} " " {tr_fn("deal_rules.board.help_closed")}
            </p>
            // A card's drag is handled here, for every card at once (the event comes up from
            // the card, or from its title link): a board of hundreds of cards then has two
            // listeners, not two per card.
            <div
                class="board"
                role="region"
                aria-label=tr_fn("deals_ui.board.label")
                on:dragstart=move |ev| {
                    let Some(card) = dragged_card(&ev) else { return };
                    let id = card.get_attribute("data-deal").and_then(|s| s.parse::<Id>().ok());
                    match id {
                        Some(id) if card.get_attribute("draggable").as_deref() == Some("true") => {
                            set_drag_data(&ev, &id.to_string());
                            let _ = card.class_list().add_1("dragging");
                            dragging.set(Some(id));
                        }
                        // A closed deal stays where it is.
                        _ => ev.prevent_default(),
                    }
                }
                on:dragend=move |ev| {
                    if let Some(card) = dragged_card(&ev) {
                        let _ = card.class_list().remove_1("dragging");
                    }
                    dragging.set(None);
                    drop_target.set(None);
                }
            >
                {Step::ALL
                    .iter()
                    .map(|step| {
                        let step = *step;
                        let at = step as usize;
                        let col = move |f: fn(&Column) -> String| columns.with(|c| f(&c[at]));
                        let count = move || columns.with(|c| c[at].count);
                        // The first cards of the column; more on request (a column of
                        // hundreds of cards would take the page seconds to lay out).
                        let limit = RwSignal::new(COLUMN_PAGE);
                        let hidden = move || count().saturating_sub(limit.get());
                        let hid = format!("col-{}", step.number());
                        let hid2 = hid.clone();
                        view! {
                            <section
                                class="board-column"
                                class:drop-target=move || drop_target.get() == Some(step)
                                aria-labelledby=hid2
                                on:dragover=move |ev| {
                                    if dragging.get_untracked().is_some() {
                                        ev.prevent_default();
                                        drop_target.set(Some(step));
                                    }
                                }
                                on:dragleave=move |_| {
                                    if drop_target.get_untracked() == Some(step) {
                                        drop_target.set(None);
                                    }
                                }
                                on:drop=move |ev| {
                                    ev.prevent_default();
                                    drop_target.set(None);
                                    if let Some(id) = dragging.get_untracked() {
                                        dragging.set(None);
                                        if let Some(from) = data.deals.get_untracked(id).map(|d| d.step) {
                                            request_move(id, from, step);
                                        }
                                    }
                                }
                            >
                                <header class="board-column-head">
                                    <h2 id=hid>{step_label(step)}</h2>
                                    <p class="column-totals">
                                        <span>
                                            {move || tw("deals_ui.board.count", &[("count", &fmt::number(count() as i64))])}
                                            " · "
                                            {move || col(|c| c.value.clone())}
                                        </span>
                                        <span class="hint">
                                            {tr("deals_ui.weighted")} " " {move || col(|c| c.weighted.clone())}
                                        </span>
                                    </p>
                                </header>
                                <Show when=move || count() == 0>
                                    <p class="hint column-empty">{tr("deals_ui.board.column_empty")}</p>
                                </Show>
                                <ul class="plain-list deal-cards" hidden=move || count() == 0>
                                    <For
                                        each=move || {
                                            let n = limit.get();
                                            columns.with(|c| c[at].ids.iter().take(n).copied().collect::<Vec<_>>())
                                        }
                                        key=|id| *id
                                        children=move |id| {
                                            move || {
                                                data.deals
                                                    .with(id, |d| Card::of(d, data, today))
                                                    .map(card_view)
                                            }
                                        }
                                    />
                                </ul>
                                <Show when=move || { hidden() > 0 }>
                                    <button
                                        type="button"
                                        class="column-more"
                                        on:click=move |_| limit.update(|l| *l += COLUMN_PAGE)
                                    >
                                        {move || {
                                            let more = hidden();
                                            tw(
                                                "deals_ui.board.show_more",
                                                &[
                                                    ("count", &fmt::number(more.min(COLUMN_PAGE) as i64)),
                                                    ("hidden", &fmt::number(more as i64)),
                                                    ("step", &step_label(step)),
                                                ],
                                            )
                                        }}
                                    </button>
                                </Show>
                            </section>
                        }
                    })
                    .collect_view()}
            </div>
            <MoveDialog request=request/>
        </section>
    }
}
