//! A simple sale: buying signals, closing prompts, upsell suggestions.

use super::*;

#[component]
pub(super) fn ClosingAids(deal_id: Id, deal: DealSig) -> impl IntoView {
    let _ = (deal_id, deal);
    view! {
        <section class="card" aria-labelledby="closing-heading">
            <h2 id="closing-heading">{move || tr("negotiation.closing.title")}</h2>
        </section>
    }
}

/// This part's line in the deal page's step-5 section.
#[component]
pub(super) fn Summary(deal_id: Id, deal: DealSig) -> impl IntoView {
    let _ = (deal_id, deal);
}
