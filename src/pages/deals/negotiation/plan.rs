//! The negotiation plan: our team, the issues and our positions, our alternative.

use super::*;

#[component]
pub(super) fn PlanSection(deal_id: Id) -> impl IntoView {
    let _ = deal_id;
    view! {
        <section class="card" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{move || tr("negotiation.plan.title")}</h2>
        </section>
    }
}

/// This part's line in the deal page's step-5 section.
#[component]
pub(super) fn Summary(deal_id: Id) -> impl IntoView {
    let _ = deal_id;
}
