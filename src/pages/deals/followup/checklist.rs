//! The contract checklist: agreed delivery dates, quantities, obligations on each side and contact points, each with a due date, a done date and an owner.

use super::*;

#[component]
pub fn ChecklistSection(deal_id: Id, deal: DealSig) -> impl IntoView {
    let _ = (deal_id, deal);
    view! {
        <section class="card" aria-labelledby="checklist-heading">
            <h2 id="checklist-heading">{move || tr("followup.checklist.title")}</h2>
            <p class="hint">{move || tr("followup.checklist.intro")}</p>
        </section>
    }
}

/// This part's line in the deal page's step-6 section.
#[component]
pub fn Summary(deal_id: Id) -> impl IntoView {
    let _ = deal_id;
}
