//! The delivery milestones: planned against actual, with the obstacle spotted early and the backup plan.

use super::*;

#[component]
pub fn MilestonesSection(deal_id: Id, deal: DealSig) -> impl IntoView {
    let _ = (deal_id, deal);
    view! {
        <section class="card" aria-labelledby="milestones-heading">
            <h2 id="milestones-heading">{move || tr("followup.milestones.title")}</h2>
            <p class="hint">{move || tr("followup.milestones.intro")}</p>
        </section>
    }
}

/// This part's line in the deal page's step-6 section.
#[component]
pub fn Summary(deal_id: Id) -> impl IntoView {
    let _ = deal_id;
}
