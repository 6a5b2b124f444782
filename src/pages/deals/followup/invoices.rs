//! The deal's invoices: amounts, due dates, partial payments, the cause when late and the collection action the matrix proposes; paying the last invoice finishes the deal.

use super::*;

#[component]
pub fn InvoicesSection(deal_id: Id, deal: DealSig) -> impl IntoView {
    let _ = (deal_id, deal);
    view! {
        <section class="card" aria-labelledby="invoices-heading">
            <h2 id="invoices-heading">{move || tr("receivable.deal.title")}</h2>
            <p class="hint">{move || tr("receivable.deal.intro")}</p>
        </section>
    }
}

/// This part's line in the deal page's step-6 section.
#[component]
pub fn Summary(deal_id: Id) -> impl IntoView {
    let _ = deal_id;
}
