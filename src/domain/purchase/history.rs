//! An account's purchases: every won deal with its lines, totals by year and by product,
//! the cumulative spend and the cumulative-discount tier it qualifies for.

use super::DiscountTier;
use crate::domain::deal::{Deal, Outcome};
use crate::domain::ids::Id;
use crate::domain::money::{Currency, Money};
use crate::domain::negotiation::Negotiation;
use crate::domain::price::{Quantity, Rate};
use crate::domain::proposal::{self, Proposal, ProposalStatus};
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;
use chrono::{Datelike, NaiveDate};

/// One line of a purchase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurchaseLine {
    /// The product or service, as quoted (the deal's title for a deal without quotation).
    pub name: String,
    /// As quoted; `None` for a deal without quotation.
    pub quantity: Option<Quantity>,
    /// The line's net (after its discount, before tax), in minor units.
    pub net: i64,
}

/// One won deal of the account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purchase {
    pub deal_id: Id,
    pub won_on: NaiveDate,
    pub title: String,
    pub currency: Currency,
    pub lines: Vec<PurchaseLine>,
    /// The accepted proposal version the lines come from, if any.
    pub version: Option<u32>,
}

impl Purchase {
    /// The sum of the lines' nets.
    pub fn total(&self) -> i64 {
        self.lines.iter().map(|l| l.net).sum()
    }
}

/// The accepted version of the deal's proposal, if the customer accepted one.
fn accepted(proposals: &[Proposal], deal_id: Id) -> Option<&Proposal> {
    let of_deal = proposals.iter().filter(|p| p.deal_id == deal_id);
    let a = proposal::accepted_evidence(of_deal)?;
    proposals
        .iter()
        .find(|p| p.id == a.proposal_id && p.status == ProposalStatus::Accepted)
}

/// Every won deal among `deals` (newest first), with its lines: the included lines of the
/// accepted proposal version (what the signed agreement rests on) where there is one,
/// else one line for the whole deal at the signed contract's value (else the deal's).
/// `negotiations` and `proposals` may hold records of other deals.
pub fn history(
    deals: &[Deal],
    negotiations: &[Negotiation],
    proposals: &[Proposal],
) -> Vec<Purchase> {
    let mut out: Vec<Purchase> = deals
        .iter()
        .filter_map(|d| {
            let Outcome::Won { at, .. } = d.outcome else {
                return None;
            };
            let quoted = accepted(proposals, d.id).and_then(|p| {
                let c = &p.content;
                let t = proposal::totals(&c.lines, c.currency.exponent(), None).ok()?;
                let lines = c
                    .lines
                    .iter()
                    .zip(&t.lines)
                    .filter(|(_, f)| f.included)
                    .map(|(l, f)| PurchaseLine {
                        name: l.name.clone(),
                        quantity: Some(l.quantity),
                        net: f.net,
                    })
                    .collect::<Vec<_>>();
                (!lines.is_empty()).then(|| (c.currency.clone(), lines, Some(p.version)))
            });
            let (currency, lines, version) = quoted.unwrap_or_else(|| {
                let contract = negotiations
                    .iter()
                    .find(|n| n.deal_id == d.id)
                    .and_then(|n| n.agreement.contract.as_ref().map(|c| (n, c)));
                let (currency, net) = match contract {
                    Some((n, c)) => (n.currency.clone(), c.value_minor),
                    None => (d.value.currency.clone(), d.value.minor),
                };
                let line = PurchaseLine {
                    name: d.title.clone(),
                    quantity: None,
                    net,
                };
                (currency, vec![line], None)
            });
            Some(Purchase {
                deal_id: d.id,
                won_on: at,
                title: d.title.clone(),
                currency,
                lines,
                version,
            })
        })
        .collect();
    out.sort_with(|a, b| (b.won_on, &b.title).cmp(&(a.won_on, &a.title)));
    out
}

/// What the account bought in one year, in one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearTotal {
    pub year: i32,
    pub currency: Currency,
    pub deals: usize,
    pub net: i64,
}

/// Totals by year (oldest first), one row per year and currency.
pub fn by_year(history: &[Purchase]) -> Vec<YearTotal> {
    let mut out: Vec<YearTotal> = Vec::new();
    for p in history {
        let year = p.won_on.year();
        match out
            .iter_mut()
            .find(|t| t.year == year && t.currency == p.currency)
        {
            Some(t) => {
                t.deals += 1;
                t.net += p.total();
            }
            None => out.push(YearTotal {
                year,
                currency: p.currency.clone(),
                deals: 1,
                net: p.total(),
            }),
        }
    }
    out.sort_with(|a, b| (a.year, a.currency.code()).cmp(&(b.year, b.currency.code())));
    out
}

/// What the account bought of one product, in one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductTotal {
    /// As first named (products are grouped by name, without case or accents).
    pub name: String,
    pub currency: Currency,
    /// The quoted quantities added up (lines without a quantity count none).
    pub quantity: Quantity,
    pub net: i64,
}

/// Totals by product, largest net first (ties by name).
pub fn by_product(history: &[Purchase]) -> Vec<ProductTotal> {
    let mut keys: Vec<(String, Currency)> = Vec::new();
    let mut out: Vec<ProductTotal> = Vec::new();
    // Oldest purchase first, so a product keeps its first name.
    for p in history.iter().rev() {
        for l in &p.lines {
            let key = (fold(&l.name), p.currency.clone());
            let at = match keys.iter().position(|k| *k == key) {
                Some(i) => i,
                None => {
                    keys.push(key);
                    out.push(ProductTotal {
                        name: l.name.clone(),
                        currency: p.currency.clone(),
                        quantity: Quantity(0),
                        net: 0,
                    });
                    out.len() - 1
                }
            };
            out[at].net += l.net;
            if let Some(q) = l.quantity {
                out[at].quantity = Quantity(out[at].quantity.0.saturating_add(q.0));
            }
        }
    }
    out.sort_with(|a, b| {
        b.net
            .cmp(&a.net)
            .then_with(|| fold(&a.name).cmp(&fold(&b.name)))
    });
    out
}

/// What the account has bought in `currency` over all its won deals.
pub fn cumulative_spend(history: &[Purchase], currency: &Currency) -> Money {
    let minor = history
        .iter()
        .filter(|p| p.currency == *currency)
        .map(Purchase::total)
        .sum();
    Money::new(minor, currency.clone())
}

/// The first day the account bought in `currency`, if it has.
pub fn buying_since(history: &[Purchase], currency: &Currency) -> Option<NaiveDate> {
    history
        .iter()
        .filter(|p| p.currency == *currency)
        .map(|p| p.won_on)
        .min()
}

/// The highest tier whose threshold (whole units of the spend's currency) the spend
/// reaches; `None` below the first tier or without tiers.
pub fn qualifying_tier(spend: &Money, tiers: &[DiscountTier]) -> Option<DiscountTier> {
    let scale = 10i128.pow(spend.currency.exponent());
    tiers
        .iter()
        .filter(|t| i128::from(t.from_units) * scale <= i128::from(spend.minor))
        .max_by_key(|t| t.from_units)
        .copied()
}

/// The account's cumulative discount in `currency`: the spend and the tier it reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qualification {
    pub spend: Money,
    pub since: Option<NaiveDate>,
    pub tier: DiscountTier,
}

/// Whether the account's purchases in `currency` qualify it for a cumulative discount.
pub fn qualification(
    history: &[Purchase],
    currency: &Currency,
    tiers: &[DiscountTier],
) -> Option<Qualification> {
    let spend = cumulative_spend(history, currency);
    let tier = qualifying_tier(&spend, tiers)?;
    Some(Qualification {
        since: buying_since(history, currency),
        spend,
        tier,
    })
}

/// The lines of a quotation whose discount is below the tier's (they would gain it).
pub fn lines_below(lines: &[proposal::QuoteLine], tier: DiscountTier) -> Vec<Id> {
    lines
        .iter()
        .filter(|l| l.discount < Rate(tier.bp))
        .map(|l| l.id)
        .collect()
}

/// Gives every line with a lower discount the tier's, with `reason` as the discount's
/// reason; returns how many lines changed.
pub fn apply_tier(lines: &mut [proposal::QuoteLine], tier: DiscountTier, reason: &str) -> usize {
    let mut n = 0;
    for l in lines.iter_mut().filter(|l| l.discount < Rate(tier.bp)) {
        l.discount = Rate(tier.bp);
        l.discount_reason = reason.trim().to_string();
        n += 1;
    }
    n
}
