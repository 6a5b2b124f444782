//! The printable contract checklist (`/deals/:id/followup/checklist`): what was agreed,
//! who sees to it and by when, to hand to the customer.

use super::*;

/// The contract checklist as a printable page.
#[component]
pub fn ContractChecklistPage() -> impl IntoView {
    view! { <DealRoute title_key="followup.print.heading" page=|id, deal| view! { <Sheet id=id deal=deal/> }/> }
}

#[component]
fn Sheet(id: Id, deal: DealSig) -> impl IntoView {
    let title = move || deal.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default());
    view! {
        <article class="page print-sheet">
            <p class="crumbs no-print">
                <a href=followup_href(id, "")>{move || tw("followup.page.back", &[("deal", &title())])}</a>
            </p>
            <h1>{move || tw("followup.print.title", &[("deal", &title())])}</h1>
        </article>
    }
}
