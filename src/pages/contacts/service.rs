//! The person's open complaints, the referrals asked of them and the deals their leads brought.

use crate::domain::complaint::Complaint;
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::state::actions::{complaints, referrals};
use crate::state::data::use_data;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::complaint_row::OpenComplaint;
use crate::ui::fmt;
use crate::ui::link::href;
use leptos::prelude::*;

#[component]
pub fn PersonService(contact_id: Id) -> impl IntoView {
    let data = use_data();
    let open = Memo::new(move |_| {
        complaints::of_person(data, contact_id)
            .into_iter()
            .filter(Complaint::is_open)
            .collect::<Vec<_>>()
    });
    view! {
        <Show when=move || !open.with(Vec::is_empty)>
            <section class="card person-complaints" aria-labelledby="person-complaints-heading">
                <h2 id="person-complaints-heading">{tr_fn("complaint.person.title")}</h2>
                <ul class="plain-list complaint-list">
                    <For each=move || open.get() key=|c| (c.id, c.rev) let:c>
                        <OpenComplaint c=c/>
                    </For>
                </ul>
            </section>
        </Show>
        <Referrals contact_id=contact_id/>
    }
}

/// The asks made of the person, and the deals their leads brought with the won value.
#[component]
fn Referrals(contact_id: Id) -> impl IntoView {
    let data = use_data();
    let asks = Memo::new(move |_| referrals::by_person(data, contact_id));
    let brought = Memo::new(move |_| referrals::brought_by(data, contact_id));
    let account_name = move |id: Id| {
        data.accounts
            .with(id, |a| a.name.clone())
            .unwrap_or_default()
    };
    let won_text = move || {
        brought.with(|b| {
            if b.won.is_empty() {
                tr("referral.person.won_none")
            } else {
                let total = b
                    .won
                    .iter()
                    .map(|(c, m)| fmt::money(&Money::new(*m, c.clone())))
                    .collect::<Vec<_>>()
                    .join(" + ");
                tw("referral.person.won", &[("total", &total)])
            }
        })
    };
    view! {
        <section class="card person-referrals" aria-labelledby="person-referrals-heading">
            <h2 id="person-referrals-heading">{tr_fn("referral.person.title")}</h2>
            <h3>{tr_fn("referral.person.asks")}</h3>
            <Show
                when=move || !asks.with(Vec::is_empty)
                fallback=|| view! { <p class="hint">{tr("referral.person.none")}</p> }
            >
                <ul class="plain-list">
                    {move || asks.get().into_iter().map(|r| {
                        let leads = r.leads.iter().map(|l| account_name(l.account_id)).collect::<Vec<_>>().join(", ");
                        view! {
                            <li>
                                {fmt::date(r.asked_on)} " · " {tr(r.answer.key())}
                                {(!leads.is_empty()).then(|| view! { " · " {tw("referral.item.leads", &[("names", &leads)])} })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <h3>{tr_fn("referral.person.deals")}</h3>
            <Show
                when=move || !brought.with(|b| b.deals.is_empty())
                fallback=|| view! { <p class="hint">{tr("referral.person.deals_none")}</p> }
            >
                <ul class="plain-list">
                    {move || brought.get().deals.into_iter().map(|d| {
                        let deal = data.deals.with(d.deal_id, |x| (x.title.clone(), fmt::money(&x.value))).unwrap_or_default();
                        view! {
                            <li>
                                <a href=href(&format!("/deals/{}", d.deal_id))>{deal.0}</a>
                                " · " {account_name(d.account_id)} " · " {deal.1} " · "
                                {if d.won { tr("referral.person.deal_won") } else { tr("referral.person.deal_open") }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <p class="referral-won"><strong>{won_text}</strong></p>
        </section>
    }
}
