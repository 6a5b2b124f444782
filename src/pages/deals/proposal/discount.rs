//! The cumulative discount proposed on a draft's quotation: when the deal's account has
//! bought enough to reach a tier of the rule in Settings, a notice says so, with the
//! reason (what it bought and the rule's threshold), and offers to give that discount to
//! every line that has less.

use super::{money, run_save, show_refusal};
use crate::domain::deal::Deal;
use crate::domain::proposal::Proposal;
use crate::domain::purchase;
use crate::state::actions::proposals;
use crate::state::data::use_data;
use crate::state::toasts::use_toasts;
use crate::state::{settings, tc, tr, tw, ToastKind};
use crate::ui::fmt;
use crate::ui::form::FormErrors;
use leptos::prelude::*;

#[component]
pub(super) fn CumulativeDiscountNotice(p: Proposal, deal: Deal) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let id = p.id;
    let account_id = deal.account_id;
    let notice = RwSignal::new(None::<String>);
    let errors = FormErrors::labelled();
    let current = Memo::new(move |_| data.proposals.get(id));
    let offer = Memo::new(move |_| {
        let p = current.get().filter(|p| !p.is_frozen())?;
        let history = proposals::purchases(data, account_id);
        let currency = p.content.currency.clone();
        let q = purchase::qualification(&history, &currency, &settings::cumulative_discount())?;
        let below = purchase::lines_below(&p.content.lines, q.tier).len();
        Some((q, below))
    });
    let apply = move |_| {
        let Some((q, _)) = offer.get_untracked() else {
            return;
        };
        let percent = fmt::percent(i64::from(q.tier.bp));
        let reason = tw("purchases.proposal.reason", &[("percent", &percent)]);
        match proposals::apply_cumulative_discount(data, id, q.tier, &reason) {
            Ok(Some(save)) => run_save(toasts, save, move |_| {
                toasts.push(
                    ToastKind::Success,
                    tw("purchases.proposal.applied", &[("percent", &percent)]),
                );
            }),
            Ok(None) => {}
            Err(r) => show_refusal(r, notice, errors),
        }
    };
    move || {
        offer.get().map(|(q, below)| {
            let c = q.spend.currency.clone();
            let scale = 10i64.pow(c.exponent());
            let from = i64::try_from(q.tier.from_units)
                .unwrap_or(i64::MAX)
                .saturating_mul(scale);
            let text = tw(
                "purchases.proposal.qualifies",
                &[
                    ("percent", &fmt::percent(i64::from(q.tier.bp))),
                    ("spend", &fmt::money(&q.spend)),
                    ("from", &money(from, &c)),
                ],
            );
            view! {
                <div class="notice cumulative-discount" role="status">
                    <p>{text}</p>
                    {if below > 0 {
                        view! {
                            <div class="actions">
                                <button type="button" class="primary" on:click=apply>
                                    {tc("purchases.proposal.apply", below, &[("percent", &fmt::percent(i64::from(q.tier.bp)))])}
                                </button>
                            </div>
                        }
                        .into_any()
                    } else {
                        view! { <p class="hint">{tr("purchases.proposal.all_have_it")}</p> }.into_any()
                    }}
                    {move || notice.get().map(|n| view! { <p class="field-error">{n}</p> })}
                </div>
            }
        })
    }
}
