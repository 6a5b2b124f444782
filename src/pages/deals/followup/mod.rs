//! Step 6 (follow-up service): the deal's follow-up page (`/deals/:id/followup`) with the
//! contract checklist (`checklist`), the delivery milestones (`milestones`), the
//! satisfaction checks (`satisfaction`), the deal's invoices and payments (`invoices`) and
//! the referral asks (`referrals`); the deal page's summary section (`summary`); and the
//! printable contract checklist to hand to the customer (`print`,
//! `/deals/:id/followup/checklist`).
//!
//! Files here read state and call `crate::state::actions`; shared pieces come from
//! `crate::ui`.

mod checklist;
mod complaints;
mod invoices;
mod milestones;
mod print;
mod referrals;
mod satisfaction;
mod summary;

pub use print::ContractChecklistPage;
pub use summary::ServiceSection;

use super::common::DealRoute;
use super::common::PartIndex;
use super::detail::DealSig;
use super::sections::FoldingSection;
use crate::domain::ids::Id;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::disclosure::OnRequest;
use crate::ui::link::href;
use leptos::prelude::*;

/// `/deals/:id/followup[…]`.
fn followup_href(deal: Id, rest: &str) -> String {
    href(&format!("/deals/{deal}/followup{rest}"))
}

/// The follow-up page of a deal (route `/deals/:id/followup`).
#[component]
pub fn FollowUpPage() -> impl IntoView {
    view! { <DealRoute title_key="followup.page.heading" page=|id, deal| view! { <Workbench id=id deal=deal/> }/> }
}

/// The page's parts, in order: their headings' element ids and titles.
const PARTS: [(&str, &str); 6] = [
    ("checklist-heading", "followup.checklist.title"),
    ("milestones-heading", "followup.milestones.title"),
    ("satisfaction-heading", "followup.satisfaction.title"),
    ("complaints-heading", "followup.complaints.title"),
    ("invoices-heading", "receivable.deal.title"),
    ("referrals-heading", "referral.deal.title"),
];

#[component]
fn Workbench(id: Id, deal: DealSig) -> impl IntoView {
    let title = move || deal.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default());
    view! {
        <article class="page followup">
            <header class="deal-head">
                <p class="crumbs">
                    <a href=href(&format!("/deals/{id}"))>{move || tw("followup.page.back", &[("deal", &title())])}</a>
                </p>
                <h1>{move || tw("followup.page.title", &[("deal", &title())])}</h1>
                <p class="hint">{tr_fn("followup.page.intro")}</p>
                <div class="actions">
                    <a class="button" href=followup_href(id, "/checklist")>{tr_fn("followup.print.open")}</a>
                </div>
            </header>
            <PartIndex label_key="followup.page.index" parts=&PARTS/>
            <checklist::ChecklistSection deal_id=id deal=deal/>
            <milestones::MilestonesSection deal_id=id deal=deal/>
            <satisfaction::SatisfactionSection deal_id=id deal=deal/>
            <complaints::ComplaintsSection deal_id=id deal=deal/>
            <invoices::InvoicesSection deal_id=id deal=deal/>
            <referrals::ReferralsSection deal_id=id deal=deal/>
        </article>
    }
}
