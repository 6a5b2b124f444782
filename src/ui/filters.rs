//! A list's filters: shown in full on a wide screen; on a phone folded behind one
//! "Filters" button (which says how many are set) so the first record is on the first screen.

use crate::state::{tc, tr};
use leptos::prelude::*;

#[component]
pub fn FilterPanel(
    /// The element's id; the folding body is `{id}-body`.
    #[prop(into)]
    id: String,
    /// The accessible name of the filter group ("Filter accounts").
    #[prop(into)]
    label: Signal<String>,
    /// How many filters differ from "all".
    #[prop(into)]
    set: Signal<usize>,
    /// Extra classes for the card.
    #[prop(optional, into)]
    class: String,
    children: Children,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let body_id = format!("{id}-body");
    view! {
        <div id=id class=format!("card filter-panel {class}") role="search" aria-label=move || label.get()>
            <button
                type="button"
                class="filters-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=body_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="folding-mark" aria-hidden="true"></span>
                {move || match set.get() {
                    0 => tr("layout.filters.toggle"),
                    n => tc("layout.filters.active", n, &[]),
                }}
            </button>
            <div id=body_id class="filter-body" class:is-open=move || open.get()>
                {children()}
            </div>
        </div>
    }
}
