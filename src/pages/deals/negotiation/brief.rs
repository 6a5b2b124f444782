//! The printable one-page negotiation brief (`/deals/:id/negotiation/brief`): issues,
//! positions, limits and planned trades, for the rep only.

use super::*;

#[component]
pub fn NegotiationBriefPage() -> impl IntoView {
    let (id, deal) = deal_of_route();
    let title = move || deal.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default());
    view! {
        <article class="page negotiation-brief">
            {move || id.get().map(|id| view! {
                <p class="crumbs no-print"><a href=negotiation_href(id, "")>{move || tr("negotiation.brief.back")}</a></p>
            })}
            <h1>{move || tw("negotiation.brief.title", &[("deal", &title())])}</h1>
        </article>
    }
}
