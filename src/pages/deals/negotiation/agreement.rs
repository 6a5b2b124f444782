//! The agreement: agreed terms, their written confirmation, the contract.

use super::*;

#[component]
pub(super) fn AgreementSection(deal_id: Id, deal: DealSig) -> impl IntoView {
    let _ = (deal_id, deal);
    view! {
        <section class="card" aria-labelledby="agreement-heading">
            <h2 id="agreement-heading">{move || tr("negotiation.agreement.title")}</h2>
        </section>
    }
}

/// This part's line in the deal page's step-5 section.
#[component]
pub(super) fn Summary(deal_id: Id, deal: DealSig) -> impl IntoView {
    let _ = (deal_id, deal);
}
