//! The satisfaction checks: the regular call and request, on the cadence set in Settings.

use super::*;

#[component]
pub fn SatisfactionSection(deal_id: Id, deal: DealSig) -> impl IntoView {
    let _ = (deal_id, deal);
    view! {
        <section class="card" aria-labelledby="satisfaction-heading">
            <h2 id="satisfaction-heading">{move || tr("followup.satisfaction.title")}</h2>
            <p class="hint">{move || tr("followup.satisfaction.intro")}</p>
        </section>
    }
}

/// This part's line in the deal page's step-6 section.
#[component]
pub fn Summary(deal_id: Id) -> impl IntoView {
    let _ = deal_id;
}
