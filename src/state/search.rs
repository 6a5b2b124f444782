//! The global search index, kept in memory: built from the tables when the browser is
//! first idle after start-up or a reload (or by the first query, if that comes sooner), then
//! updated record by record after every committed change (and every change another tab
//! announces), so each keystroke only queries it.
//!
//! Its code (building, updating and querying the index) comes in the download that reads
//! the kinds after the first screen (`sixstep_book`, see [`super::data`]): the search finds
//! nothing before every kind is in, so the first screen does not carry it.
//!
//! This file may use `crate::domain`, [`super::data`] and the browser's idle callback.

use super::data::AppData;
use crate::domain::ids::Id;
use crate::domain::search::{Hit, SearchIndex};
use crate::store::StoreError;
use leptos::wasm_split::wasm_split;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The longest the idle build waits for the browser to be idle, in milliseconds.
const IDLE_TIMEOUT_MS: u32 = 2_000;
/// Where the browser has no idle callback: the delay before the build, in milliseconds.
const FALLBACK_DELAY_MS: i32 = 300;

thread_local! {
    static INDEX: RefCell<Option<SearchIndex>> = const { RefCell::new(None) };
}

/// Forgets the index (after a bulk reload); the next query rebuilds it.
pub fn invalidate() {
    INDEX.with(|i| *i.borrow_mut() = None);
}

/// Forgets the index and builds it again once the browser is idle (at the latest after
/// [`IDLE_TIMEOUT_MS`]), unless a query builds it first. Called after every load of all
/// records, so the first keystroke finds it ready.
pub fn rebuild_when_idle(data: AppData) {
    invalidate();
    let Some(window) = web_sys::window() else {
        return;
    };
    let build = Closure::once_into_js(move || {
        leptos::task::spawn_local(async move {
            let _ = build_in(data).await;
        });
    });
    let callback: &js_sys::Function = build.unchecked_ref();
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_TIMEOUT_MS);
    if window
        .request_idle_callback_with_options(callback, &options)
        .is_err()
    {
        // No idle callback in this browser (it throws before calling anything): a timer.
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback, FALLBACK_DELAY_MS);
    }
}

/// Brings one record up to date in the index, if the index exists: in a task of its own,
/// right after the caller's (which must go on without awaiting: a view its change removes
/// must not be reached after an await).
pub fn touch(data: &AppData, kind: &str, id: Id) {
    if INDEX.with(|i| i.borrow().is_none()) {
        return;
    }
    let (data, kind) = (*data, kind.to_string());
    leptos::task::spawn_local(async move {
        // Loaded already (the index exists): this cannot fail but offline after an update;
        // the index is then rebuilt at the next reload.
        let _ = touch_in(data, kind, id).await;
    });
}

/// The best hits for `q` (none when the index's code cannot be fetched).
pub async fn query(data: AppData, q: String, limit: usize) -> Vec<Hit> {
    query_in(data, q, limit).await.unwrap_or_default()
}

#[wasm_split(sixstep_book, wasm_split_path = ::leptos::wasm_split, fallible)]
fn build_in(data: AppData) -> Result<(), StoreError> {
    with_index(&data, |_| ());
    Ok(())
}

#[wasm_split(sixstep_book, wasm_split_path = ::leptos::wasm_split, fallible)]
fn query_in(data: AppData, q: String, limit: usize) -> Result<Vec<Hit>, StoreError> {
    Ok(with_index(&data, |ix| ix.query(&q, limit)))
}

#[wasm_split(sixstep_book, wasm_split_path = ::leptos::wasm_split, fallible)]
fn touch_in(data: AppData, kind: String, id: Id) -> Result<(), StoreError> {
    touch_now(&data, &kind, id);
    Ok(())
}

fn touch_now(data: &AppData, kind: &str, id: Id) {
    INDEX.with(|i| {
        let mut guard = i.borrow_mut();
        let Some(ix) = guard.as_mut() else { return };
        match kind {
            "accounts" => match data.accounts.get_untracked(id) {
                Some(a) => ix.upsert_account(&a),
                None => ix.remove(id),
            },
            "contacts" => match data.contacts.get_untracked(id) {
                Some(c) => ix.upsert_contact(&c),
                None => ix.remove(id),
            },
            "deals" => match data.deals.get_untracked(id) {
                Some(d) => {
                    ix.upsert_deal(&d);
                    // Its proposal versions carry its title.
                    let versions = data.indexes.with_untracked(|x| x.proposals_of(id).to_vec());
                    for p in versions
                        .iter()
                        .filter_map(|v| data.proposals.get_untracked(*v))
                    {
                        ix.upsert_proposal(&p, &d.title);
                    }
                    // So does its negotiation.
                    if let Some(n) = super::actions::negotiation::stored(*data, id) {
                        ix.upsert_negotiation(&n, &d.title);
                    }
                    // And its invoices.
                    let invoices = data.indexes.with_untracked(|x| x.invoices_of(id).to_vec());
                    for i in invoices
                        .iter()
                        .filter_map(|v| data.invoices.get_untracked(*v))
                    {
                        ix.upsert_invoice(&i, &d.title);
                    }
                }
                None => ix.remove(id),
            },
            "proposals" => match data.proposals.get_untracked(id) {
                Some(p) => {
                    let title = data
                        .deals
                        .get_untracked(p.deal_id)
                        .map(|d| d.title)
                        .unwrap_or_default();
                    ix.upsert_proposal(&p, &title);
                }
                None => ix.remove(id),
            },
            "negotiations" => match data.negotiations.get_untracked(id) {
                Some(n) => {
                    let title = data
                        .deals
                        .get_untracked(n.deal_id)
                        .map(|d| d.title)
                        .unwrap_or_default();
                    ix.upsert_negotiation(&n, &title);
                }
                None => ix.remove(id),
            },
            "invoices" => match data.invoices.get_untracked(id) {
                Some(i) => {
                    let title = data
                        .deals
                        .get_untracked(i.deal_id)
                        .map(|d| d.title)
                        .unwrap_or_default();
                    ix.upsert_invoice(&i, &title);
                }
                None => ix.remove(id),
            },
            "complaints" => match data.complaints.get_untracked(id) {
                Some(c) => {
                    let account = data
                        .accounts
                        .get_untracked(c.account_id)
                        .map(|a| a.name)
                        .unwrap_or_default();
                    ix.upsert_complaint(&c, &account);
                }
                None => ix.remove(id),
            },
            "competitors" => match data.competitors.get_untracked(id) {
                Some(c) => ix.upsert_competitor(&c),
                None => ix.remove(id),
            },
            "products" => match data.products.get_untracked(id) {
                Some(p) => ix.upsert_product(&p),
                None => ix.remove(id),
            },
            "partners" => match data.partners.get_untracked(id) {
                Some(p) => ix.upsert_partner(&p),
                None => ix.remove(id),
            },
            "declined_requests" => match data.declined_requests.get_untracked(id) {
                Some(d) => ix.upsert_declined(&d),
                None => ix.remove(id),
            },
            _ => {}
        }
    });
}

/// `f` over the index, built first from the tables if it is not there yet.
fn with_index<R>(data: &AppData, f: impl FnOnce(&mut SearchIndex) -> R) -> R {
    INDEX.with(|i| {
        let mut guard = i.borrow_mut();
        let ix = guard.get_or_insert_with(|| {
            // Read in place: a copy of these kinds would grow wasm memory for good.
            let ix = data.accounts.with_all_untracked(|accounts| {
                data.contacts.with_all_untracked(|contacts| {
                    data.deals.with_all_untracked(|deals| {
                        data.competitors.with_all_untracked(|competitors| {
                            SearchIndex::build(
                                accounts.values(),
                                contacts.values(),
                                deals.values(),
                                competitors.values(),
                            )
                        })
                    })
                })
            });
            let mut ix = data
                .products
                .with_all_untracked(|products| ix.with_products(products.values()));
            data.proposals.with_all_untracked(|all| {
                data.deals.with_all_untracked(|deals| {
                    for p in all.values() {
                        let title = deals.get(&p.deal_id).map_or("", |d| d.title.as_str());
                        ix.upsert_proposal(p, title);
                    }
                })
            });
            data.negotiations.with_all_untracked(|all| {
                data.deals.with_all_untracked(|deals| {
                    for n in all.values() {
                        let title = deals.get(&n.deal_id).map_or("", |d| d.title.as_str());
                        ix.upsert_negotiation(n, title);
                    }
                })
            });
            data.invoices.with_all_untracked(|all| {
                data.deals.with_all_untracked(|deals| {
                    for i in all.values() {
                        let title = deals.get(&i.deal_id).map_or("", |d| d.title.as_str());
                        ix.upsert_invoice(i, title);
                    }
                })
            });
            data.partners.with_all_untracked(|all| {
                for p in all.values() {
                    ix.upsert_partner(p);
                }
            });
            data.declined_requests.with_all_untracked(|all| {
                for d in all.values() {
                    ix.upsert_declined(d);
                }
            });
            data.complaints.with_all_untracked(|all| {
                data.accounts.with_all_untracked(|accounts| {
                    for c in all.values() {
                        let name = accounts.get(&c.account_id).map_or("", |a| a.name.as_str());
                        ix.upsert_complaint(c, name);
                    }
                })
            });
            ix
        });
        f(ix)
    })
}
