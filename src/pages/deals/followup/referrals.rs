//! The referral asks of this deal's people: who was asked, when, the answer and the leads given.

use super::*;

#[component]
pub fn ReferralsSection(deal_id: Id, deal: DealSig) -> impl IntoView {
    let _ = (deal_id, deal);
    view! {
        <section class="card" aria-labelledby="referrals-heading">
            <h2 id="referrals-heading">{move || tr("referral.deal.title")}</h2>
            <p class="hint">{move || tr("referral.deal.intro")}</p>
        </section>
    }
}

/// This part's line in the deal page's step-6 section.
#[component]
pub fn Summary(deal_id: Id) -> impl IntoView {
    let _ = deal_id;
}
