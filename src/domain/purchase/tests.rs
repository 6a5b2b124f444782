use super::*;
use crate::domain::deal::{Deal, Outcome};
use crate::domain::ids::new_id;
use crate::domain::money::{Currency, Money};
use crate::domain::negotiation::{Contract, Negotiation};
use crate::domain::price::{Quantity, Rate, UnitPrice};
use crate::domain::proposal::{
    Decision, LineSource, Proposal, ProposalContent, ProposalStatus, QuoteLine,
};
use chrono::{NaiveDate, TimeZone, Utc};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap()
}

fn eur() -> Currency {
    Currency::parse("EUR").unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn euros(units: i64) -> Money {
    Money::new(units * 100, eur())
}

fn tier(from_units: u64, bp: u32) -> DiscountTier {
    DiscountTier { from_units, bp }
}

fn won(title: &str, value: i64, on: NaiveDate) -> Deal {
    let mut d = Deal::new(new_id(), title, euros(value), now());
    d.outcome = Outcome::Won {
        at: on,
        paid_on: None,
    };
    d
}

fn line(name: &str, qty: i64, unit_euros: i64, discount_bp: u32) -> QuoteLine {
    QuoteLine {
        id: new_id(),
        source: LineSource::Free,
        name: name.into(),
        category: String::new(),
        unit: String::new(),
        quantity: Quantity(qty * 1_000),
        unit_price: UnitPrice(unit_euros * 10_000),
        discount: Rate(discount_bp),
        discount_reason: if discount_bp > 0 {
            "volume".into()
        } else {
            String::new()
        },
        tax_rate: Rate(2_100),
        optional: false,
        chosen: false,
        cost: None,
        need_ids: Vec::new(),
    }
}

fn proposal(deal: &Deal, version: u32, status: ProposalStatus, lines: Vec<QuoteLine>) -> Proposal {
    let mut c = ProposalContent::empty(eur());
    c.lines = lines;
    let mut p = Proposal::draft(deal.id, version, c, now());
    p.status = status;
    if status == ProposalStatus::Accepted {
        p.decision = Some(Decision {
            at: now(),
            by_contact_id: None,
            by_name: "Ilse".into(),
            note: String::new(),
        });
    }
    p
}

#[test]
fn won_deals_with_their_accepted_quotation_lines_else_one_line() {
    let a = won("Line 4 retrofit", 90_000, day(2025, 3, 10));
    let b = won("Spare parts", 12_000, day(2026, 2, 1));
    let c = won("Service contract", 5_000, day(2026, 4, 1));
    let open = Deal::new(new_id(), "Open one", euros(1_000), now());
    let mut optional = line("Training", 1, 2_000, 0);
    optional.optional = true;
    let proposals = vec![
        proposal(
            &a,
            1,
            ProposalStatus::Rejected,
            vec![line("Sensor", 10, 9_000, 0)],
        ),
        proposal(
            &a,
            2,
            ProposalStatus::Accepted,
            vec![
                line("Sensor", 10, 9_000, 1_000),
                line("Installation", 1, 8_000, 0),
                optional,
            ],
        ),
    ];
    let mut n = Negotiation::new(b.id, eur(), now());
    n.agreement.contract = Some(Contract {
        number: "C-7".into(),
        signed_on: day(2026, 2, 1),
        value_minor: 1_150_000,
        terms: vec![],
        note: String::new(),
    });
    let h = history(&[a.clone(), b.clone(), c.clone(), open], &[n], &proposals);
    assert_eq!(h.len(), 3, "only won deals");
    assert_eq!(h[0].deal_id, c.id, "newest first");
    assert_eq!(h[0].lines.len(), 1);
    assert_eq!(h[0].lines[0].net, 500_000, "the deal's value");
    assert_eq!(h[1].lines[0].net, 1_150_000, "the signed contract's value");
    let first = &h[2];
    assert_eq!(first.version, Some(2));
    assert_eq!(
        first
            .lines
            .iter()
            .map(|l| (l.name.as_str(), l.net))
            .collect::<Vec<_>>(),
        vec![("Sensor", 8_100_000), ("Installation", 800_000)],
        "nets after discount, before tax; an optional line not chosen is left out"
    );
    assert_eq!(first.total(), 8_900_000);

    let years = by_year(&h);
    assert_eq!(
        years
            .iter()
            .map(|y| (y.year, y.deals, y.net))
            .collect::<Vec<_>>(),
        vec![(2025, 1, 8_900_000), (2026, 2, 1_650_000)]
    );
    let products = by_product(&h);
    assert_eq!(products[0].name, "Sensor");
    assert_eq!(products[0].quantity, Quantity(10_000));
    assert_eq!(products.len(), 4);
    assert_eq!(cumulative_spend(&h, &eur()), Money::new(10_550_000, eur()));
    assert_eq!(
        cumulative_spend(&h, &Currency::parse("USD").unwrap()).minor,
        0
    );
    assert_eq!(buying_since(&h, &eur()), Some(day(2025, 3, 10)));
}

#[test]
fn cumulative_discount_thresholds() {
    let tiers = [tier(100_000, 200), tier(500_000, 500)];
    // Just below, exactly at, above the first tier.
    assert_eq!(
        qualifying_tier(&Money::new(10_000_000 - 1, eur()), &tiers),
        None
    );
    assert_eq!(
        qualifying_tier(&euros(100_000), &tiers),
        Some(tier(100_000, 200))
    );
    assert_eq!(
        qualifying_tier(&euros(120_000), &tiers),
        Some(tier(100_000, 200))
    );
    // Several tiers: the highest reached.
    assert_eq!(
        qualifying_tier(&Money::new(50_000_000 - 1, eur()), &tiers),
        Some(tier(100_000, 200))
    );
    assert_eq!(
        qualifying_tier(&euros(500_000), &tiers),
        Some(tier(500_000, 500))
    );
    assert_eq!(
        qualifying_tier(&euros(9_000_000), &tiers),
        Some(tier(500_000, 500))
    );
    // No tiers, nothing bought.
    assert_eq!(qualifying_tier(&euros(9_000_000), &[]), None);
    assert_eq!(qualifying_tier(&euros(0), &tiers), None);
    // Whole units follow the currency's exponent.
    let yen = Currency::parse("JPY").unwrap();
    assert_eq!(
        qualifying_tier(&Money::new(100_000, yen.clone()), &tiers),
        Some(tier(100_000, 200))
    );
    assert_eq!(qualifying_tier(&Money::new(99_999, yen), &tiers), None);
}

#[test]
fn the_discount_is_proposed_for_lines_below_the_tier() {
    let a = won("Big order", 120_000, day(2025, 1, 5));
    let h = history(&[a], &[], &[]);
    let q = qualification(&h, &eur(), &[tier(100_000, 200)]).unwrap();
    assert_eq!(q.spend, euros(120_000));
    assert_eq!(q.since, Some(day(2025, 1, 5)));
    assert_eq!(q.tier, tier(100_000, 200));
    assert_eq!(qualification(&h, &eur(), &[tier(200_000, 200)]), None);

    let mut lines = vec![
        line("A", 1, 100, 0),
        line("B", 1, 100, 500),
        line("C", 1, 100, 100),
    ];
    let below = lines_below(&lines, q.tier);
    assert_eq!(below, vec![lines[0].id, lines[2].id]);
    assert_eq!(apply_tier(&mut lines, q.tier, " Cumulative discount "), 2);
    assert_eq!(
        lines.iter().map(|l| l.discount.0).collect::<Vec<_>>(),
        vec![200, 500, 200]
    );
    assert_eq!(lines[0].discount_reason, "Cumulative discount");
    assert_eq!(
        lines[1].discount_reason, "volume",
        "a higher discount is kept"
    );
    assert!(lines_below(&lines, q.tier).is_empty());
}
