//! The rounds and the concession ledger, with its chart.

use super::*;

#[component]
pub(super) fn LedgerSection(deal_id: Id) -> impl IntoView {
    let _ = deal_id;
    view! {
        <section class="card" aria-labelledby="ledger-heading">
            <h2 id="ledger-heading">{move || tr("negotiation.ledger.title")}</h2>
        </section>
    }
}

/// This part's line in the deal page's step-5 section.
#[component]
pub(super) fn Summary(deal_id: Id) -> impl IntoView {
    let _ = deal_id;
}
