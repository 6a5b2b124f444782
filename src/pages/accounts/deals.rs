//! On an account's page: its deals, with a way to start one.

use crate::domain::ids::Id;
use crate::domain::pipeline;
use crate::domain::sorting::SortExt;
use crate::state::data::use_data;
use crate::state::tr;
use crate::state::tr_fn;
use crate::ui::deal_text::{deal_href, step_label};
use crate::ui::fmt;
use crate::ui::link::href;
use crate::ui::scroll_area::ScrollArea;
use leptos::prelude::*;

/// On an account's page: its deals, with a way to start one.
#[component]
pub fn AccountDeals(account_id: Id) -> impl IntoView {
    let data = use_data();
    // The account's deals, active first, then the latest changed; each row reads its own.
    let deals = Memo::new(move |_| {
        let ids = data.indexes.deals_of(account_id);
        data.deals.with_many(&ids, |mut v| {
            v.sort_on(|d| (!d.is_active(), std::cmp::Reverse(d.updated_at)));
            v.into_iter().map(|d| d.id).collect::<Vec<Id>>()
        })
    });
    let new_href = href(&format!("/deals?new=1&account={account_id}"));
    view! {
        <section class="card account-deals" aria-labelledby="account-deals-heading">
            <h2 id="account-deals-heading">{tr_fn("deals_ui.account.title")}</h2>
            <Show
                when=move || !deals.with(Vec::is_empty)
                fallback=|| view! { <p class="hint">{tr("deals_ui.account.none")}</p> }
            >
                    <ScrollArea label=Signal::derive(tr_fn("deals_ui.account.title"))>
                        <table class="data-table">
                            <thead>
                                <tr>
                                    <th scope="col">{tr("deal.field.title")}</th>
                                    <th scope="col">{tr("deals_ui.deal.step")}</th>
                                    <th scope="col" class="num">{tr("deal.field.value")}</th>
                                    <th scope="col">{tr("deals_ui.deal.outcome")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                <For each=move || deals.get() key=|id| *id let:did>
                                    {move || data.deals.get(did).map(|d| {
                                        view! {
                                            <tr>
                                                <td><a href=deal_href(d.id)>{d.title.clone()}</a></td>
                                                <td>{step_label(d.step)}</td>
                                                <td class="num">
                                                    {fmt::money(&d.value)}
                                                    <span class="hint">
                                                        " (" {tr("deals_ui.weighted")} " "
                                                        {fmt::money(&pipeline::weighted_value(&d))} ")"
                                                    </span>
                                                </td>
                                                <td>{tr(d.outcome.key())}</td>
                                            </tr>
                                        }
                                    })}
                                </For>
                            </tbody>
                        </table>
                    </ScrollArea>
            </Show>
            <p>
                <a class="button primary" href=new_href>{tr_fn("deals_ui.new_deal")}</a>
            </p>
        </section>
    }
}
