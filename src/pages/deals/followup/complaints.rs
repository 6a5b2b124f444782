//! The deal's complaints: the open ones, most urgent first (step 6 handles them in order of
//! the customer's anxiety), how many are resolved, and the way to log one about the deal.

use super::*;
use crate::domain::complaint::Complaint;
use crate::state::actions::complaints;
use crate::state::data::use_data;
use crate::ui::complaint_row::OpenComplaint;

#[component]
pub fn ComplaintsSection(deal_id: Id, deal: DealSig) -> impl IntoView {
    let data = use_data();
    let account = move || deal.with(|d| d.as_ref().map(|d| d.account_id));
    let all = Memo::new(move |_| {
        account()
            .map(|a| complaints::of_deal(data, a, deal_id))
            .unwrap_or_default()
    });
    let open = Memo::new(move |_| {
        all.with(|l| {
            l.iter()
                .filter(|c| c.is_open())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let resolved = move || all.with(|l| l.iter().filter(|c| !c.is_open()).count());
    let new_href = move || {
        account()
            .map(|a| href(&format!("/service?account={a}&deal={deal_id}")))
            .unwrap_or_default()
    };
    view! {
        <section class="card followup-complaints" aria-labelledby="complaints-heading">
            <h2 id="complaints-heading">{tr_fn("followup.complaints.title")}</h2>
            <p class="hint">{tr_fn("followup.complaints.intro")}</p>
            <Show
                when=move || !open.with(Vec::is_empty)
                fallback=|| view! { <p>{tr("followup.complaints.none_open")}</p> }
            >
                <ul class="plain-list complaint-list">
                    <For each=move || open.get() key=|c: &Complaint| (c.id, c.rev) let:c>
                        <OpenComplaint c=c/>
                    </For>
                </ul>
            </Show>
            {move || {
                let n = resolved();
                (n > 0).then(|| view! { <p class="hint">{crate::state::tc("followup.complaints.resolved", n, &[])}</p> })
            }}
            <p><a class="button" href=new_href>{tr_fn("followup.complaints.new")}</a></p>
        </section>
    }
}
