//! The deal page's step-5 section: how far the negotiation is, with links to its page and
//! its brief.

use super::*;
use crate::domain::deal_sections::DealSection;
use crate::state::tr_fn;

#[component]
pub fn CommitmentSection(deal: DealSig) -> impl IntoView {
    let id = move || deal.with(|d| d.as_ref().map(|d| d.id));
    view! {
        <FoldingSection section=DealSection::Commitment summary=Signal::derive(String::new)>
            {move || id().map(|id| view! {
                <super::closing::Summary deal_id=id deal=deal/>
                <super::plan::Summary deal_id=id/>
                <super::ledger::Summary deal_id=id/>
                <super::agreement::Summary deal_id=id deal=deal/>
                {move || crate::state::actions::receivables::needs_credit_check(use_data(), id).then(|| view! {
                    <p class="notice notice-warning" role="status">{tr("receivable.credit.missing_deal")}</p>
                })}
                <div class="actions">
                    <a class="button" href=negotiation_href(id, "")>{tr_fn("negotiation.section.open")}</a>
                </div>
            })}
        </FoldingSection>
    }
}
