//! The deal page's step-6 section: one line per part of the follow-up, with the way to its
//! page.

use super::*;
use crate::domain::deal_sections::DealSection;
use crate::state::tr_fn;

#[component]
pub fn ServiceSection(deal: DealSig) -> impl IntoView {
    let id = move || deal.with(|d| d.as_ref().map(|d| d.id));
    view! {
        <FoldingSection section=DealSection::Service summary=Signal::derive(String::new)>
            {move || id().map(|id| view! {
                <super::checklist::Summary deal_id=id/>
                <super::milestones::Summary deal_id=id/>
                <super::satisfaction::Summary deal_id=id/>
                <super::invoices::Summary deal_id=id/>
                <super::referrals::Summary deal_id=id/>
                <div class="actions">
                    <a class="button" href=followup_href(id, "")>{tr_fn("followup.section.open")}</a>
                </div>
            })}
        </FoldingSection>
    }
}
