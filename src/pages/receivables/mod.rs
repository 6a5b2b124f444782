//! Receivables (menu entry "Receivables"): every open invoice by age, with the collection
//! action the matrix proposes, and the overdue total by bucket.
//!
//! Files here read state and call actions in `crate::state`, and use shared pieces from
//! `crate::ui`; they import nothing from another area's pages.

use crate::state::tr;
use leptos::prelude::*;

/// Receivables → the receivables page.
#[component]
pub fn ReceivablesPage() -> impl IntoView {
    view! {
        <section class="page receivables">
            <h1>{move || tr("receivable.page.title")}</h1>
            <p class="hint">{move || tr("receivable.page.intro")}</p>
        </section>
    }
}
