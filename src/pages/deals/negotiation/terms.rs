//! The agreed terms as a printable page (`/deals/:id/negotiation/terms`), for the
//! customer to confirm in writing.

use super::*;

#[component]
pub fn NegotiationTermsPage() -> impl IntoView {
    let (id, deal) = deal_of_route();
    let title = move || deal.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default());
    view! {
        <article class="page negotiation-terms">
            {move || id.get().map(|id| view! {
                <p class="crumbs no-print"><a href=negotiation_href(id, "")>{move || tr("negotiation.brief.back")}</a></p>
            })}
            <h1>{move || tw("negotiation.terms.title", &[("deal", &title())])}</h1>
        </article>
    }
}
