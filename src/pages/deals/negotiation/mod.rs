//! Step 5 (winning commitment): the deal's negotiation page (`/deals/:id/negotiation`)
//! with the closing aids of a simple sale (`closing`), the negotiation plan (`plan`), the
//! trade suggestions and equal-value packages (`trades`), the rounds with the concession
//! ledger and its chart (`ledger`), the deadlocks (`deadlocks`) and the agreement with
//! the contract (`agreement`); the deal page's summary section (`summary`); and the
//! printable one-page brief the rep takes into the meeting (`brief`,
//! `/deals/:id/negotiation/brief`), never the customer's copy; and the agreed terms as a
//! printable page for the customer to confirm (`terms`, `/deals/:id/negotiation/terms`).
//!
//! The negotiation has a page of its own: the deal page already holds a dozen sections,
//! and at the table the rep wants the plan and the ledger side by side with nothing else.
//!
//! Files here read state and call `crate::state::actions::negotiation`; shared pieces
//! come from `crate::ui`.

mod agreement;
mod brief;
mod chart;
mod closing;
mod deadlocks;
mod ledger;
mod plan;
mod summary;
mod terms;
mod trades;

pub use brief::NegotiationBriefPage;
pub use summary::CommitmentSection;
pub use terms::NegotiationTermsPage;

use super::common::PartIndex;
use super::common::{deal_of_route, DealRoute};
use super::detail::DealSig;
use super::sections::FoldingSection;
use crate::domain::ids::Id;
use crate::state::data::use_data;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::link::href;
use leptos::prelude::*;

/// `/deals/:id/negotiation[…]`.
fn negotiation_href(deal: Id, rest: &str) -> String {
    href(&format!("/deals/{deal}/negotiation{rest}"))
}

/// The negotiation page of a deal (route `/deals/:id/negotiation`).
#[component]
pub fn NegotiationPage() -> impl IntoView {
    view! { <DealRoute title_key="negotiation.page.heading" page=|id, deal| view! { <Workbench id=id deal=deal/> }/> }
}

/// The page's parts, in order: their headings' element ids and titles.
const PARTS: [(&str, &str); 6] = [
    ("closing-heading", "negotiation.closing.title"),
    ("plan-heading", "negotiation.plan.title"),
    ("trades-heading", "negotiation.trades.title"),
    ("ledger-heading", "negotiation.ledger.title"),
    ("deadlocks-heading", "negotiation.deadlocks.title"),
    ("agreement-heading", "negotiation.agreement.title"),
];

#[component]
fn Workbench(id: Id, deal: DealSig) -> impl IntoView {
    let title = move || deal.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default());
    view! {
        <article class="page negotiation">
            <header class="deal-head">
                <p class="crumbs">
                    <a href=href(&format!("/deals/{id}"))>{move || tw("negotiation.page.back", &[("deal", &title())])}</a>
                </p>
                <h1>{move || tw("negotiation.page.title", &[("deal", &title())])}</h1>
                <p class="hint">{tr_fn("negotiation.page.intro")}</p>
                <div class="actions">
                    <a class="button" href=negotiation_href(id, "/brief")>{tr_fn("negotiation.brief.open")}</a>
                </div>
            </header>
            <PartIndex label_key="negotiation.page.index" parts=&PARTS/>
            <closing::ClosingAids deal_id=id deal=deal/>
            <plan::PlanSection deal_id=id/>
            <trades::TradesSection deal_id=id/>
            <ledger::LedgerSection deal_id=id/>
            <deadlocks::DeadlocksSection deal_id=id/>
            <agreement::AgreementSection deal_id=id deal=deal/>
        </article>
    }
}
