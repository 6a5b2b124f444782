//! The account's open complaints and the referrals it came from: who gave it as a lead.

use crate::domain::complaint::Complaint;
use crate::domain::ids::Id;
use crate::state::actions::{complaints, referrals};
use crate::state::data::use_data;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::complaint_row::OpenComplaint;
use crate::ui::fmt;
use crate::ui::link::href;
use leptos::prelude::*;

/// The open entries of the register for this account, most urgent first, with the way to
/// log a new one; and "Referred by …" when the account was given as a lead.
#[component]
pub fn AccountService(account_id: Id) -> impl IntoView {
    let data = use_data();
    let open = Memo::new(move |_| {
        complaints::of_account(data, account_id)
            .into_iter()
            .filter(Complaint::is_open)
            .collect::<Vec<_>>()
    });
    let referred = Memo::new(move |_| {
        referrals::naming(data, account_id)
            .into_iter()
            .map(|r| {
                let person = data
                    .contacts
                    .with(r.person_id, |c| c.name.clone())
                    .unwrap_or_default();
                let account = data
                    .accounts
                    .with(r.account_id, |a| a.name.clone())
                    .unwrap_or_default();
                (r.id, r.person_id, person, account, r.asked_on)
            })
            .collect::<Vec<_>>()
    });
    let new_href = href(&format!("/service?account={account_id}"));
    view! {
        <Show when=move || !referred.with(Vec::is_empty)>
            <section class="card referred-by" aria-labelledby="referred-by-heading">
                <h2 id="referred-by-heading">{tr_fn("referral.account.referred_by")}</h2>
                <ul class="plain-list">
                    <For each=move || referred.get() key=|r| r.0 let:r>
                        <li>
                            <a href=href(&format!("/contacts/{}", r.1))>
                                {tw("referral.account.by", &[("person", &r.2), ("account", &r.3), ("date", &fmt::date(r.4))])}
                            </a>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
        <section class="card account-complaints" aria-labelledby="account-complaints-heading">
            <h2 id="account-complaints-heading">{tr_fn("complaint.account.title")}</h2>
            <Show
                when=move || !open.with(Vec::is_empty)
                fallback=|| view! { <p class="hint">{tr("complaint.card.none")}</p> }
            >
                <ul class="plain-list complaint-list">
                    <For each=move || open.get() key=|c| (c.id, c.rev) let:c>
                        <OpenComplaint c=c/>
                    </For>
                </ul>
            </Show>
            <p><a class="button" href=new_href>{tr_fn("complaint.account.new")}</a></p>
        </section>
    }
}
