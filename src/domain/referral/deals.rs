//! What a referrer brought: the deals of the accounts they gave as leads.

use crate::domain::sorting::SortExt;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::Referral;
use crate::domain::deal::{Deal, Outcome};
use crate::domain::ids::Id;
use crate::domain::pipeline::{add_to, CurrencyTotals};

/// One deal a referrer brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferredDeal {
    pub deal_id: Id,
    /// The lead account the deal belongs to.
    pub account_id: Id,
    /// The first ask that named the account.
    pub referral_id: Id,
    pub won: bool,
}

/// Every deal a referrer brought, and the won value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReferredDeals {
    /// Oldest deal first.
    pub deals: Vec<ReferredDeal>,
    /// The sum of the won deals' values, by currency.
    pub won: CurrencyTotals,
}

impl ReferredDeals {
    pub fn won_count(&self) -> usize {
        self.deals.iter().filter(|d| d.won).count()
    }
}

/// The deals `referrer` (a person) brought: among `referrals`, the asks made of them; for
/// each lead account, the first day it was named; the account's deals created on or after
/// that day (in UTC). Won deals add their value to the total of their currency.
pub fn referred_deals<'a>(
    referrer: Id,
    referrals: impl IntoIterator<Item = &'a Referral>,
    deals: impl IntoIterator<Item = &'a Deal>,
) -> ReferredDeals {
    let mut first: HashMap<Id, (NaiveDate, Id)> = HashMap::new();
    for r in referrals.into_iter().filter(|r| r.person_id == referrer) {
        for lead in &r.leads {
            let e = first.entry(lead.account_id).or_insert((r.asked_on, r.id));
            if r.asked_on < e.0 {
                *e = (r.asked_on, r.id);
            }
        }
    }
    let mut found: Vec<&Deal> = deals
        .into_iter()
        .filter(|d| {
            first
                .get(&d.account_id)
                .is_some_and(|(on, _)| d.created_at.date_naive() >= *on)
        })
        .collect();
    found.sort_on(|d| (d.created_at, d.id));
    let mut out = ReferredDeals::default();
    for d in found {
        let won = matches!(d.outcome, Outcome::Won { .. });
        if won {
            add_to(&mut out.won, &d.value.currency, d.value.minor);
        }
        out.deals.push(ReferredDeal {
            deal_id: d.id,
            account_id: d.account_id,
            referral_id: first[&d.account_id].1,
            won,
        });
    }
    out
}
