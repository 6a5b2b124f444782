//! On an account's page: its deals, with a way to start one.

use crate::domain::ids::Id;
use crate::domain::pipeline;
use crate::state::data::use_data;
use crate::state::tr;
use crate::ui::deal_text::{deal_href, step_label};
use crate::ui::fmt;
use crate::ui::link::href;
use crate::ui::scroll_area::ScrollArea;
use leptos::prelude::*;

/// On an account's page: its deals, with a way to start one.
#[component]
pub fn AccountDeals(account_id: Id) -> impl IntoView {
    let data = use_data();
    let deals = move || {
        let mut v: Vec<_> = data.deals.with_all(|m| {
            m.values()
                .filter(|d| d.account_id == account_id)
                .cloned()
                .collect()
        });
        v.sort_by_key(|d| (!d.is_active(), std::cmp::Reverse(d.updated_at)));
        v
    };
    let new_href = href(&format!("/deals?new=1&account={account_id}"));
    view! {
        <section class="card account-deals" aria-labelledby="account-deals-heading">
            <h2 id="account-deals-heading">{move || tr("deals_ui.account.title")}</h2>
            {move || {
                let list = deals();
                if list.is_empty() {
                    return view! { <p class="hint">{tr("deals_ui.account.none")}</p> }.into_any();
                }
                view! {
                    <ScrollArea label=Signal::derive(|| tr("deals_ui.account.title"))>
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
                                {list
                                    .into_iter()
                                    .map(|d| {
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
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </ScrollArea>
                }
                .into_any()
            }}
            <p>
                <a class="button primary" href=new_href>{move || tr("deals_ui.new_deal")}</a>
            </p>
        </section>
    }
}
