//! Trade suggestions and packages of equal value to us.

use super::*;

#[component]
pub(super) fn TradesSection(deal_id: Id) -> impl IntoView {
    let _ = deal_id;
    view! {
        <section class="card" aria-labelledby="trades-heading">
            <h2 id="trades-heading">{move || tr("negotiation.trades.title")}</h2>
        </section>
    }
}
