//! Global search: Ctrl+K / ⌘K (or the Search button) opens it; results appear as you type,
//! arrow keys move through them, Enter opens one, Escape closes.

use crate::domain::search::{Hit, HitKind};
use crate::state::data::{use_data, LoadStatus};
use crate::state::tr_fn;
use crate::state::{search, tr};
use crate::ui::link::href;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

fn target(data: crate::state::data::AppData, hit: &Hit) -> String {
    match hit.kind {
        HitKind::Account => href(&format!("/accounts/{}", hit.id)),
        HitKind::Contact => href(&format!("/contacts/{}", hit.id)),
        HitKind::Deal => href(&format!("/deals/{}", hit.id)),
        HitKind::Competitor => href(&format!("/competitors/{}", hit.id)),
        HitKind::Product => href(&format!("/catalogue/{}", hit.id)),
        HitKind::Proposal => data
            .proposals
            .get_untracked(hit.id)
            .map(|p| href(&format!("/deals/{}/proposal/{}", p.deal_id, p.version)))
            .unwrap_or_else(|| href("/deals")),
        HitKind::Negotiation => data
            .negotiations
            .get_untracked(hit.id)
            .map(|n| href(&format!("/deals/{}/negotiation", n.deal_id)))
            .unwrap_or_else(|| href("/deals")),
        HitKind::Invoice => data
            .invoices
            .get_untracked(hit.id)
            .map(|i| href(&format!("/deals/{}/followup", i.deal_id)))
            .unwrap_or_else(|| href("/deals")),
        HitKind::Partner => href("/service/partners"),
        HitKind::DeclinedRequest => href("/service/declined"),
        HitKind::Complaint => href(&format!("/service/complaints/{}", hit.id)),
    }
}

#[component]
pub fn GlobalSearch() -> impl IntoView {
    let data = use_data();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let q = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let input = NodeRef::<leptos::html::Input>::new();
    // Until every kind is in, an index would miss people and everything but the dashboard's
    // kinds: what is typed meanwhile is searched once they are (unless they cannot be read;
    // the banner then says why).
    let coming = move || !data.whole.get() && !matches!(data.status.get(), LoadStatus::Failed(_));
    // The answer to the last query asked; one that comes after a newer question is dropped.
    let hits = RwSignal::new(Vec::<Hit>::new());
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        let text = q.get();
        data.version.track();
        let n = asked.get_value() + 1;
        asked.set_value(n);
        if text.trim().is_empty() || coming() {
            hits.set(Vec::new());
            return;
        }
        leptos::task::spawn_local(async move {
            let found = search::query(data, text, 12).await;
            if asked.get_value() == n {
                hits.set(found);
            }
        });
    });
    let show = move || {
        open.set(true);
        q.set(String::new());
        active.set(0);
        request_animation_frame(move || {
            if let Some(el) = input.get_untracked() {
                let _ = el.focus();
            }
        });
    };
    let _shortcut = window_event_listener(ev::keydown, move |e: ev::KeyboardEvent| {
        if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("k") {
            e.prevent_default();
            show();
        }
    });
    let nav = navigate.clone();
    let go = move |hit: &Hit| {
        open.set(false);
        let (nav, to) = (nav.clone(), target(data, hit));
        // Text typed and not saved on the page asks first.
        crate::state::unsaved::guard(move || nav(&to, Default::default()));
    };
    let go2 = go.clone();
    let on_key = move |e: ev::KeyboardEvent| {
        let n = hits.with(Vec::len);
        match e.key().as_str() {
            "ArrowDown" if n > 0 => {
                e.prevent_default();
                active.update(|a| *a = (*a + 1) % n);
            }
            "ArrowUp" if n > 0 => {
                e.prevent_default();
                active.update(|a| *a = (*a + n - 1) % n);
            }
            "Enter" => {
                e.prevent_default();
                if let Some(h) = hits.with(|v| v.get(active.get_untracked()).cloned()) {
                    go2(&h);
                }
            }
            "Escape" => open.set(false),
            _ => {}
        }
    };
    view! {
        <button class="search-button" on:click=move |_| show() aria-keyshortcuts="Control+K Meta+K">
            <span aria-hidden="true">"⌕ "</span>
            <span class="search-label">{tr_fn("search.open")}</span>
            <kbd class="hide-narrow" aria-hidden="true">"Ctrl K"</kbd>
        </button>
        <Show when=move || open.get()>
            {
            let on_key = on_key.clone();
            let go = go.clone();
            view! {
            <div class="search-backdrop" on:click=move |_| open.set(false)></div>
            <div class="search-dialog" role="dialog" aria-modal="true" aria-label=tr_fn("search.title")>
                <label for="global-search" class="visually-hidden">{tr_fn("search.label")}</label>
                <input
                    id="global-search"
                    type="search"
                    node_ref=input
                    role="combobox"
                    aria-label=tr_fn("search.label")
                    aria-expanded=move || (!hits.with(Vec::is_empty)).to_string()
                    aria-controls="search-results"
                    aria-autocomplete="list"
                    aria-activedescendant=move || hits.with(|v| v.get(active.get()).map(|h| format!("hit-{}", h.id)))
                    placeholder=tr_fn("search.placeholder")
                    prop:value=move || q.get()
                    on:input=move |e| { q.set(event_target_value(&e)); active.set(0); }
                    on:keydown=on_key
                    autocomplete="off"
                />
                <ul id="search-results" role="listbox" aria-label=tr_fn("search.results")>
                    {move || hits.get().into_iter().enumerate().map(|(i, h)| {
                        let hit = h.clone();
                        let go = go.clone();
                        view! {
                            <li
                                id=format!("hit-{}", h.id)
                                role="option"
                                aria-selected=move || (active.get() == i).to_string()
                                on:mousedown=move |e| { e.prevent_default(); go(&hit); }
                            >
                                <span class="badge">{tr(h.kind.key())}</span>
                                " "
                                <strong>{h.title.clone()}</strong>
                                {h.archived.then(|| view! { " " <span class="hint">{tr("search.archived")}</span> })}
                                {(!h.subtitle.is_empty()).then(|| view! { <div class="hint">{h.subtitle.clone()}</div> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p class="hint" role="status">
                    {move || if q.get().trim().is_empty() {
                        tr("search.help")
                    } else if coming() {
                        tr("shell.status.loading")
                    } else if hits.with(Vec::is_empty) {
                        tr("search.none")
                    } else {
                        String::new()
                    }}
                </p>
            </div>
            }
            }
        </Show>
    }
}
