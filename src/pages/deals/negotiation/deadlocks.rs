//! Deadlocks: what each side said, how it was broken, the method's guidance.

use super::*;

#[component]
pub(super) fn DeadlocksSection(deal_id: Id) -> impl IntoView {
    let _ = deal_id;
    view! {
        <section class="card" aria-labelledby="deadlocks-heading">
            <h2 id="deadlocks-heading">{move || tr("negotiation.deadlocks.title")}</h2>
        </section>
    }
}
