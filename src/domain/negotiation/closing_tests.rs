use super::*;
use crate::domain::money::{Currency, Money};
use crate::domain::price::{Quantity, Rate, UnitPrice};
use crate::domain::proposal::{Decision, LineSource, ProposalContent};
use chrono::{DateTime, TimeZone, Utc};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 10, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn eur() -> Currency {
    Currency::parse("EUR").unwrap()
}

fn need(layer: NeedLayer, text: &str) -> Need {
    Need::new(layer, text, None, "").unwrap()
}

fn product(name: &str, category: &str) -> Product {
    let mut p = Product::new(name, UnitPrice(100_0000), now());
    p.category = category.into();
    p
}

fn line_of(p: &Product, needs: &[&Need]) -> QuoteLine {
    QuoteLine {
        id: new_id(),
        source: LineSource::Catalogue { product_id: p.id },
        name: p.name.clone(),
        category: p.category.clone(),
        unit: String::new(),
        quantity: Quantity::units(2),
        unit_price: p.list_price,
        discount: Rate::ZERO,
        discount_reason: String::new(),
        tax_rate: Rate::ZERO,
        optional: false,
        chosen: false,
        cost: None,
        need_ids: needs.iter().map(|n| n.id).collect(),
    }
}

struct Book {
    deal: Deal,
    press: Product,
    training: Product,
    spares: Product,
    paint: Product,
    proposal: Proposal,
}

/// A deal with three needs and an accepted proposal quoting a press (answering the scrap
/// problem) with two optional lines; the press is related to training, spare parts and
/// paint.
fn book() -> Book {
    let mut deal = Deal::new(new_id(), "New line", Money::new(0, eur()), now());
    let grow = need(NeedLayer::Goal, "Grow output by 20 %");
    let scrap = need(NeedLayer::Problem, "Scrap rate too high");
    let people = need(
        NeedLayer::Solution,
        "Operators need Training on the new line",
    );
    deal.needs = vec![scrap.clone(), grow.clone(), people.clone()];
    let training = product("Operator course", "Training");
    let spares = product("Spare parts kit", "Parts");
    let paint = product("Paint", "Consumables");
    let mut press = product("Press 400", "Machines");
    press.related = vec![training.id, spares.id, paint.id];
    let mut content = ProposalContent::empty(eur());
    let mut opt_a = line_of(&spares, &[]);
    opt_a.optional = true;
    opt_a.name = "Spare parts kit".into();
    let mut opt_b = line_of(&training, &[]);
    opt_b.optional = true;
    content.lines = vec![line_of(&press, &[&scrap, &grow]), opt_a, opt_b];
    content.valid_until = Some(day(6, 30));
    let mut proposal = Proposal::draft(deal.id, 2, content, now());
    proposal.status = ProposalStatus::Accepted;
    proposal.decision = Some(Decision {
        at: now(),
        by_contact_id: None,
        by_name: "Lin Wei".into(),
        note: String::new(),
    });
    Book {
        deal,
        press,
        training,
        spares,
        paint,
        proposal,
    }
}

#[test]
fn a_signal_needs_a_text_and_a_day_not_in_the_future() {
    let mut c = Closing::default();
    assert_eq!(
        add_signal(&mut c, SignalKind::Price, " ", "2026-06-02", today()).unwrap_err(),
        vec![ClosingError::TextRequired, ClosingError::DateInFuture]
    );
    assert_eq!(
        add_signal(&mut c, SignalKind::Price, "Volume discount?", "", today()).unwrap_err(),
        vec![ClosingError::DateRequired]
    );
    assert!(c.signals.is_empty());
    add_signal(
        &mut c,
        SignalKind::Price,
        "Volume discount?",
        "2026-05-02",
        today(),
    )
    .unwrap();
    let id = add_signal(
        &mut c,
        SignalKind::Terms,
        "60 days net?",
        "2026-05-20",
        today(),
    )
    .unwrap();
    add_signal(
        &mut c,
        SignalKind::Features,
        "Does it take A3?",
        "2026-05-10",
        today(),
    )
    .unwrap();
    assert_eq!(signal_summary(&c), Some((3, day(5, 20))));
    let order: Vec<_> = signals_by_date(&c).iter().map(|s| s.on).collect();
    assert_eq!(order, vec![day(5, 20), day(5, 10), day(5, 2)]);
    let (at, s) = remove_signal(&mut c, id).unwrap();
    assert_eq!(signal_summary(&c), Some((2, day(5, 10))));
    restore_signal(&mut c, at, s);
    assert_eq!(c.signals[1].id, id);
    assert!(check_closing(&c).is_ok());
    c.signals[0].text.clear();
    assert_eq!(check_closing(&c).unwrap_err().reason, "rule.required");
    assert_eq!(signal_summary(&Closing::default()), None);
}

#[test]
fn the_prompts_are_filled_from_the_needs_and_the_accepted_proposal() {
    let b = book();
    let versions = vec![b.proposal.clone()];
    let basis = basis(&versions);
    assert_eq!(basis.map(|p| p.version), Some(2));
    let p = prompts(&b.deal, basis, today());
    assert_eq!(
        p.iter().map(|p| p.kind).collect::<Vec<_>>(),
        PromptKind::ALL.to_vec()
    );
    // The goal comes first, then the problem; the total counts the press only.
    assert_eq!(
        p[0].script,
        Script::Direct {
            need: Some("Grow output by 20 %".into()),
            version: Some(2),
            total: Some(Money::new(20_000, eur())),
        }
    );
    assert_eq!(
        p[1].script,
        Script::Choice {
            a: "Spare parts kit".into(),
            b: "Operator course".into()
        }
    );
    assert_eq!(
        p[2].script,
        Script::LimitedTime {
            version: 2,
            until: day(6, 30),
            lapsed: false
        }
    );
    // The needs the counted lines answer, in the deal's order.
    assert_eq!(
        p[3].script,
        Script::Benefits {
            version: 2,
            needs: vec!["Scrap rate too high".into(), "Grow output by 20 %".into()]
        }
    );
    let later = prompts(&b.deal, basis, day(7, 1));
    assert!(matches!(
        later[2].script,
        Script::LimitedTime { lapsed: true, .. }
    ));
}

#[test]
fn a_prompt_says_plainly_what_is_missing() {
    let mut b = book();
    b.proposal.content.valid_until = None;
    b.proposal.content.lines.truncate(1);
    let p = prompts(&b.deal, Some(&b.proposal), today());
    assert_eq!(p[1].script, Script::NoChoice);
    assert_eq!(p[2].script, Script::NoDeadline { version: Some(2) });
    // No proposal at all.
    let p = prompts(&b.deal, None, today());
    assert_eq!(
        p[0].script,
        Script::Direct {
            need: Some("Grow output by 20 %".into()),
            version: None,
            total: None
        }
    );
    assert_eq!(p[2].script, Script::NoDeadline { version: None });
    assert_eq!(p[3].script, Script::NoBenefits { version: None });
    // Two catalogue products make a choice when there are no optional lines.
    let mut b = book();
    let mut second = b.proposal.content.lines[2].clone();
    second.optional = false;
    b.proposal.content.lines = vec![b.proposal.content.lines[0].clone(), second];
    let p = prompts(&b.deal, Some(&b.proposal), today());
    assert_eq!(
        p[1].script,
        Script::Choice {
            a: "Press 400".into(),
            b: "Operator course".into()
        }
    );
}

#[test]
fn the_basis_is_the_accepted_version_else_the_latest_sent() {
    let b = book();
    let mut sent = b.proposal.clone();
    sent.id = new_id();
    sent.version = 3;
    sent.status = ProposalStatus::Sent;
    sent.decision = None;
    let mut draft = sent.clone();
    draft.id = new_id();
    draft.version = 4;
    draft.status = ProposalStatus::Draft;
    let all = vec![b.proposal.clone(), sent.clone(), draft.clone()];
    assert_eq!(basis(&all).map(|p| p.version), Some(2));
    let unaccepted = vec![sent, draft.clone()];
    assert_eq!(basis(&unaccepted).map(|p| p.version), Some(3));
    assert_eq!(basis(&[draft]), None);
}

#[test]
fn upsell_suggests_related_products_that_answer_a_need_and_names_it() {
    let b = book();
    let catalogue = vec![
        b.press.clone(),
        b.training.clone(),
        b.spares.clone(),
        b.paint.clone(),
    ];
    let u = upsell(&b.deal, Some(&b.proposal), &catalogue);
    // Training: its category is in a need's text ("Training", any case). Spare parts and
    // paint answer no need: never suggested.
    assert_eq!(u.len(), 1, "{u:?}");
    assert_eq!(u[0].product_id, b.training.id);
    assert_eq!(u[0].need, "Operators need Training on the new line");
    assert_eq!(u[0].related_to, "Press 400");
    for s in &u {
        let p = catalogue.iter().find(|p| p.id == s.product_id).unwrap();
        assert!(b
            .deal
            .needs
            .iter()
            .any(|n| answers(p, n, &b.proposal.content.lines)));
    }
}

#[test]
fn upsell_never_suggests_a_product_that_answers_no_need() {
    let mut b = book();
    b.deal.needs = vec![need(NeedLayer::Goal, "Grow output")];
    let catalogue = vec![
        b.press.clone(),
        b.training.clone(),
        b.spares.clone(),
        b.paint.clone(),
    ];
    assert!(upsell(&b.deal, Some(&b.proposal), &catalogue).is_empty());
    // An optional line answering a need names the product: then it answers it.
    let goal = b.deal.needs[0].clone();
    b.proposal.content.lines[1].need_ids = vec![goal.id];
    let u = upsell(&b.deal, Some(&b.proposal), &catalogue);
    assert_eq!(
        u.iter()
            .map(|s| (s.product.as_str(), s.need.as_str()))
            .collect::<Vec<_>>(),
        vec![("Spare parts kit", "Grow output")]
    );
    // Accents and case are folded; a name or category under three letters is not looked
    // for; retired products and products already counted are left out.
    let mut b = book();
    b.deal.needs = vec![need(NeedLayer::Problem, "Las PINTURAS actuales fallan")];
    let mut paint = b.paint.clone();
    paint.name = "Pintúras".into();
    paint.category = "X".into();
    let mut spares = b.spares.clone();
    spares.retired = true;
    spares.name = "pinturas".into();
    let catalogue = vec![b.press.clone(), b.training.clone(), spares, paint.clone()];
    let u = upsell(&b.deal, Some(&b.proposal), &catalogue);
    assert_eq!(
        u.iter().map(|s| s.product_id).collect::<Vec<_>>(),
        vec![paint.id]
    );
    assert!(upsell(&b.deal, None, &catalogue).is_empty());
}

#[test]
fn every_message_key_is_in_every_catalogue() {
    use crate::domain::keys::Keyed;
    let mut keys = ClosingError::keys();
    keys.extend(PromptKind::keys());
    keys.extend(SignalKind::keys());
    for &locale in crate::i18n::Locale::ALL {
        let cat = locale.catalogue();
        let missing: Vec<_> = keys.iter().filter(|k| cat.get(k).is_none()).collect();
        assert!(missing.is_empty(), "{missing:?}");
    }
}
