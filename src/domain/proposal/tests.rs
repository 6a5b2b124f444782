use super::*;
use crate::domain::deal::Deal;
use crate::domain::fields::FieldProblem;
use crate::domain::ids::new_id;
use crate::domain::money::{Currency, Money};
use crate::domain::needs::{Need, NeedLayer};
use crate::domain::price::{PriceBreak, Quantity, Rate, UnitPrice};
use crate::domain::product::Product;
use crate::domain::rules::{CheckContext, Checked};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 10, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

fn eur() -> Currency {
    Currency::parse("EUR").unwrap()
}

fn line(qty: Quantity, price: UnitPrice) -> QuoteLine {
    QuoteLine {
        id: new_id(),
        source: LineSource::Free,
        name: "Item".into(),
        category: String::new(),
        unit: String::new(),
        quantity: qty,
        unit_price: price,
        discount: Rate::ZERO,
        discount_reason: String::new(),
        tax_rate: Rate::ZERO,
        optional: false,
        chosen: false,
        cost: None,
        need_ids: Vec::new(),
    }
}

fn sensor() -> Product {
    let mut p = Product::new("Sensor", UnitPrice(10_0000), now());
    p.category = "Hardware".into();
    p.unit = "piece".into();
    p.cost = Some(UnitPrice(6_0000));
    p.tax_rate = Rate(2_100);
    p.price_breaks = vec![PriceBreak {
        min_qty: Quantity::units(10),
        unit_price: UnitPrice(9_0000),
    }];
    p
}

// -- totals -----------------------------------------------------------------------------

#[test]
fn totals_sum_line_nets_then_tax_per_rate_and_leave_optional_lines_out() {
    let a = QuoteLine {
        category: "Hardware".into(),
        tax_rate: Rate(2_100),
        ..line(Quantity::units(3), UnitPrice(19_9900))
    };
    let b = QuoteLine {
        category: "Services".into(),
        discount: Rate(1_000),
        discount_reason: "Framework contract".into(),
        tax_rate: Rate(1_000),
        ..line(Quantity(2_500), UnitPrice(10_0000))
    };
    let c = QuoteLine {
        category: "Hardware".into(),
        tax_rate: Rate(2_100),
        optional: true,
        ..line(Quantity::ONE, UnitPrice(100_0000))
    };
    let t = totals(&[a.clone(), b.clone(), c.clone()], 2, None).unwrap();
    assert_eq!(
        t.lines.iter().map(|l| l.net).collect::<Vec<_>>(),
        vec![5_997, 2_250, 10_000]
    );
    assert_eq!(t.net, 8_247);
    assert_eq!(
        t.taxes,
        vec![
            TaxRow {
                rate: Rate(1_000),
                base: 2_250,
                tax: 225
            },
            // 21 % of 59.97 = 12.5937 → 12.59
            TaxRow {
                rate: Rate(2_100),
                base: 5_997,
                tax: 1_259
            },
        ]
    );
    assert_eq!(t.tax, 1_484);
    assert_eq!(t.total, 9_731);
    assert_eq!(t.optional_net, 10_000);
    assert_eq!(t.groups.len(), 2);
    assert_eq!(
        (t.groups[0].category.as_str(), t.groups[0].lines.clone()),
        ("Hardware", vec![0, 2])
    );
    assert_eq!(
        (t.groups[0].subtotal, t.groups[0].optional),
        (5_997, 10_000)
    );
    assert_eq!((t.groups[1].subtotal, t.groups[1].optional), (2_250, 0));

    // Chosen, the optional line counts.
    let chosen = QuoteLine { chosen: true, ..c };
    let t = totals(&[a, b, chosen], 2, None).unwrap();
    assert_eq!(t.net, 18_247);
    // 21 % of 159.97 = 33.5937 → 33.59
    assert_eq!(t.taxes[1].tax, 3_359);
    assert_eq!(t.total, 18_247 + 225 + 3_359);
    assert_eq!(t.optional_net, 0);
}

#[test]
fn rounding_each_line_differs_from_rounding_the_total() {
    // Three lines of 1 × 0.005 round to 0.01 each: 0.03. One line of 3 × 0.005 is
    // 0.015 → 0.02. The quotation rounds per line, as printed.
    let three = vec![
        line(Quantity::ONE, UnitPrice(50)),
        line(Quantity::ONE, UnitPrice(50)),
        line(Quantity::ONE, UnitPrice(50)),
    ];
    assert_eq!(totals(&three, 2, None).unwrap().net, 3);
    assert_eq!(
        totals(&[line(Quantity::units(3), UnitPrice(50))], 2, None)
            .unwrap()
            .net,
        2
    );
    // Tax is rounded once per rate on the sum of the nets: 21 % of 0.07 + 0.07 = 0.0294
    // → 0.03, where rounding each line's tax would give 0.01 + 0.01.
    let taxed = |p| QuoteLine {
        tax_rate: Rate(2_100),
        ..line(Quantity::ONE, UnitPrice(p))
    };
    let t = totals(&[taxed(700), taxed(700)], 2, None).unwrap();
    assert_eq!((t.net, t.tax, t.total), (14, 3, 17));
}

#[test]
fn margins_need_the_cost_and_flags_show_below_cost_and_discounts_above_the_limit() {
    let known = QuoteLine {
        cost: Some(UnitPrice(6_0000)),
        ..line(Quantity::units(2), UnitPrice(10_0000))
    };
    let below = QuoteLine {
        cost: Some(UnitPrice(6_0000)),
        discount: Rate(5_000),
        discount_reason: "Launch".into(),
        ..line(Quantity::ONE, UnitPrice(10_0000))
    };
    let unknown = line(Quantity::ONE, UnitPrice(5_0000));
    let t = totals(&[known.clone(), below.clone()], 2, Some(Rate(2_000))).unwrap();
    assert_eq!(t.lines[0].margin, Some(800));
    assert!(t.lines[0].flags.is_empty());
    assert_eq!(t.lines[1].net, 500);
    assert_eq!(t.lines[1].margin, Some(-100));
    assert_eq!(
        t.lines[1].flags,
        vec![
            LineFlag::BelowCost,
            LineFlag::DiscountAboveLimit { limit: Rate(2_000) }
        ]
    );
    assert_eq!((t.cost, t.margin), (Some(1_800), Some(700)));
    // 7.00 of 25.00 = 28 %
    assert_eq!(t.margin_bp(), Some(2_800));
    // No limit set: no limit flag.
    let t = totals(std::slice::from_ref(&below), 2, None).unwrap();
    assert_eq!(t.lines[0].flags, vec![LineFlag::BelowCost]);
    // One unknown cost makes the overall margin unknown.
    let t = totals(&[known, unknown], 2, None).unwrap();
    assert_eq!(t.lines[1].margin, None);
    assert_eq!((t.cost, t.margin, t.margin_bp()), (None, None, None));
    // A stored discount without a reason is flagged.
    let t = totals(
        &[QuoteLine {
            discount: Rate(500),
            ..line(Quantity::ONE, UnitPrice(1_0000))
        }],
        2,
        None,
    )
    .unwrap();
    assert_eq!(t.lines[0].flags, vec![LineFlag::DiscountWithoutReason]);
}

#[test]
fn amounts_too_large_are_an_error_never_a_wrap() {
    let max = UnitPrice(crate::domain::price::MAX_MAJOR * 10_000);
    let huge = line(Quantity::units(crate::domain::price::MAX_MAJOR), max);
    assert_eq!(
        totals(&[line(Quantity::ONE, UnitPrice(1)), huge], 2, None),
        Err(TooLarge { line: Some(1) })
    );
    // Each line fits; their sum does not.
    let big = line(Quantity::units(50_000), max);
    assert!(totals(std::slice::from_ref(&big), 2, None).is_ok());
    assert_eq!(
        totals(&[big.clone(), big], 2, None),
        Err(TooLarge { line: Some(1) })
    );
}

// -- the line form ----------------------------------------------------------------------

fn typed(qty: &str) -> LineInput {
    LineInput {
        name: "Installation".into(),
        quantity: qty.into(),
        unit_price: "120".into(),
        tax_rate: "21".into(),
        ..LineInput::default()
    }
}

#[test]
fn a_catalogue_line_takes_the_catalogue_price_for_its_quantity() {
    let p = sensor();
    let mut input = LineInput::from_product(&p);
    input.quantity = "9".into();
    let l = build_line(&input, Some(&p), None, new_id(), &eur()).unwrap();
    assert_eq!(l.unit_price, UnitPrice(10_0000));
    assert_eq!(
        (l.name.as_str(), l.category.as_str(), l.unit.as_str()),
        ("Sensor", "Hardware", "piece")
    );
    assert_eq!((l.cost, l.tax_rate), (Some(UnitPrice(6_0000)), Rate(2_100)));
    input.quantity = "10".into();
    // A price typed into the form does not count for a catalogue line.
    input.unit_price = "1".into();
    let l = build_line(&input, Some(&p), None, l.id, &eur()).unwrap();
    assert_eq!(l.unit_price, UnitPrice(9_0000));
    // A lower price is a discount, with its reason.
    input.discount = "10".into();
    let e = build_line(&input, Some(&p), None, l.id, &eur()).unwrap_err();
    assert_eq!(e[0].field, "discount_reason");
    assert_eq!(e[0].problem, FieldProblem::ProposalDiscountReasonRequired);
    input.discount_reason = "Volume over two years".into();
    let l = build_line(&input, Some(&p), None, l.id, &eur()).unwrap();
    assert_eq!((l.unit_price, l.discount), (UnitPrice(9_0000), Rate(1_000)));
    // The catalogue price changes: re-pricing follows it.
    let mut cheaper = p.clone();
    cheaper.price_breaks[0].unit_price = UnitPrice(8_5000);
    let mut l2 = l.clone();
    reprice(&mut l2, Some(&cheaper));
    assert_eq!(l2.unit_price, UnitPrice(8_5000));
}

#[test]
fn bad_line_input_is_refused_at_its_field_quoting_what_was_typed() {
    let e = build_line(&typed("-3"), None, None, new_id(), &eur()).unwrap_err();
    assert_eq!(
        (e[0].field, e[0].problem),
        ("quantity", FieldProblem::Negative)
    );
    assert_eq!(e[0].arg_value("value"), Some("-3"));

    let mut i = typed("1");
    i.discount = "120".into();
    let e = build_line(&i, None, None, new_id(), &eur()).unwrap_err();
    assert_eq!(
        (e[0].field, e[0].problem),
        ("discount", FieldProblem::ProposalDiscountOver100)
    );
    assert_eq!(e[0].arg_value("value"), Some("120"));

    let mut i = typed("1");
    i.name = " ".into();
    i.unit_price = "abc".into();
    let e = build_line(&i, None, None, new_id(), &eur()).unwrap_err();
    let got: Vec<_> = e.iter().map(|e| (e.field, e.problem)).collect();
    assert_eq!(
        got,
        vec![
            ("name", FieldProblem::Required),
            ("unit_price", FieldProblem::NotANumber)
        ]
    );

    let mut i = typed("999999999999");
    i.unit_price = "999999999999".into();
    let e = build_line(&i, None, None, new_id(), &eur()).unwrap_err();
    assert_eq!(
        (e[0].field, e[0].problem),
        ("quantity", FieldProblem::ProposalAmountTooLarge)
    );

    // A retired product is not offered on a new line, but an existing line keeps it.
    let mut p = sensor();
    p.retired = true;
    let input = LineInput::from_product(&p);
    let e = build_line(&input, Some(&p), None, new_id(), &eur()).unwrap_err();
    assert_eq!(e[0].problem, FieldProblem::ProposalProductRetired);
    let mut live = sensor();
    live.id = p.id;
    let existing = build_line(&input, Some(&live), None, new_id(), &eur()).unwrap();
    assert!(build_line(&input, Some(&p), Some(&existing), existing.id, &eur()).is_ok());
    // Another currency, or a product no longer there.
    let usd = Currency::parse("USD").unwrap();
    let e = build_line(&input, Some(&live), None, new_id(), &usd).unwrap_err();
    assert_eq!(e[0].problem, FieldProblem::ProposalCurrencyMismatch);
    let e = build_line(&input, None, None, new_id(), &eur()).unwrap_err();
    assert_eq!(e[0].problem, FieldProblem::ProposalProductMissing);

    // A good free line, with its cost and the needs it answers.
    let need = new_id();
    let mut i = typed("2");
    i.cost = "80".into();
    i.need_ids = vec![need];
    let l = build_line(&i, None, None, new_id(), &eur()).unwrap();
    assert_eq!(l.cost, Some(UnitPrice(80_0000)));
    assert_eq!(l.need_ids, vec![need]);
    assert_eq!(LineInput::from_line(&l).quantity, "2");
}

// -- needs and traceability -------------------------------------------------------------

fn needs() -> Vec<Need> {
    vec![
        Need::new(NeedLayer::Problem, "Line stops twice a week", None, "").unwrap(),
        Need::new(NeedLayer::Goal, "Output +15 %", None, "").unwrap(),
        Need::new(NeedLayer::PurchaseIndicator, "Response time", None, "≤ 2 s").unwrap(),
        Need::new(NeedLayer::ProductOrService, "Vibration sensors", None, "").unwrap(),
        Need::new(NeedLayer::Solution, "Predictive maintenance", None, "").unwrap(),
    ]
}

#[test]
fn a_new_proposal_starts_from_the_deals_goals_and_problems() {
    let n = needs();
    let mut deal = Deal::new(new_id(), "Retrofit", Money::zero(eur()), now());
    deal.needs = n.clone();
    let p = Proposal::for_deal(&deal, now());
    assert_eq!((p.version, p.status), (1, ProposalStatus::Draft));
    let got: Vec<_> = p
        .content
        .problems
        .iter()
        .map(|x| (x.need_id, x.text.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some(n[1].id), "Output +15 %"),
            (Some(n[0].id), "Line stops twice a week")
        ]
    );
    assert_eq!(p.content.solution.products, "Vibration sensors");
    assert_eq!(p.content.currency, eur());
    assert_eq!(p.check(&CheckContext { now: now() }), Ok(()));
}

#[test]
fn needs_without_a_line_and_lines_without_a_need_are_flagged() {
    let n = needs();
    let answers = QuoteLine {
        need_ids: vec![n[0].id, n[3].id],
        ..line(Quantity::ONE, UnitPrice(1_0000))
    };
    let stray = QuoteLine {
        need_ids: vec![new_id()],
        ..line(Quantity::ONE, UnitPrice(1_0000))
    };
    let t = trace_needs(&n, &[answers.clone(), stray.clone()]);
    // Layers in order: goal, problem, solution, product, indicator.
    let layers: Vec<_> = t.needs.iter().map(|x| x.layer).collect();
    assert_eq!(
        layers,
        vec![
            NeedLayer::Goal,
            NeedLayer::Problem,
            NeedLayer::Solution,
            NeedLayer::ProductOrService,
            NeedLayer::PurchaseIndicator
        ]
    );
    let unanswered: Vec<_> = t.unanswered().map(|x| x.need_id).collect();
    assert_eq!(unanswered, vec![n[2].id], "only the indicator lacks a line");
    assert_eq!(t.needs[1].lines, vec![answers.id]);
    assert!(!t.needs[0].unanswered(), "a goal is answered by the text");
    assert_eq!(t.lines_without_need, vec![stray.id]);
    assert!(!t.is_complete());
    assert!(must_answer(NeedLayer::Problem) && !must_answer(NeedLayer::Goal));
}

// -- versions ---------------------------------------------------------------------------

fn draft_with_line() -> Proposal {
    let mut p = Proposal::draft(new_id(), 1, ProposalContent::empty(eur()), now());
    p.content.lines.push(QuoteLine {
        tax_rate: Rate(2_100),
        ..line(Quantity::units(2), UnitPrice(50_0000))
    });
    p.content.background = "Two plants, one line each.".into();
    p
}

#[test]
fn sending_freezes_the_content_by_its_hash() {
    let ctx = CheckContext { now: now() };
    let mut p = draft_with_line();
    let stored = p.clone();
    send(&mut p, now(), today()).unwrap();
    assert_eq!(p.status, ProposalStatus::Sent);
    let mark = p.sent.clone().unwrap();
    assert_eq!(mark.at, now());
    assert_eq!(mark.content_hash, content_hash(&p.content));
    assert_eq!(mark.content_hash.len(), 64);
    assert_eq!(p.check(&ctx), Ok(()));
    // A draft may change; a sent version may not.
    assert_eq!(frozen_unchanged(&stored, &p), Ok(()));
    let mut edited = p.clone();
    edited.content.lines[0].unit_price = UnitPrice(40_0000);
    assert_eq!(frozen_unchanged(&p, &edited), Err(ProposalError::Frozen));
    assert_eq!(
        edit_draft(&mut edited, |c| c.background.clear()),
        Err(ProposalError::Frozen)
    );
    // Stored like that (an edited file), the record is refused: the hash no longer fits.
    let e = edited.check(&ctx).unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.reason),
        ("sent.content_hash", "rule.proposal_hash")
    );
    // A status change keeps the content: allowed.
    let mut accepted = p.clone();
    decide(
        &mut accepted,
        Verdict::Accept,
        None,
        "Ana Ruiz",
        "",
        now(),
        [],
    )
    .unwrap();
    assert_eq!(frozen_unchanged(&p, &accepted), Ok(()));
    assert_eq!(accepted.check(&ctx), Ok(()));
    // Sent twice: refused.
    assert_eq!(
        send(&mut p, now(), today()),
        Err(Refusal::Rule(ProposalError::NotDraft))
    );
    // The hash is the same for the same content, whatever the order of the JSON keys.
    assert_eq!(content_hash(&stored.content), content_hash(&p.content));
}

#[test]
fn the_offer_cannot_end_before_it_is_sent_and_needs_a_line() {
    let mut p = draft_with_line();
    p.content.valid_until = NaiveDate::from_ymd_opt(2026, 5, 31);
    let Err(Refusal::Fields(e)) = send(&mut p, now(), today()) else {
        panic!("refused at the field");
    };
    assert_eq!(
        (e[0].field, e[0].problem),
        ("valid_until", FieldProblem::ProposalValidUntilBeforeSent)
    );
    assert_eq!(p.status, ProposalStatus::Draft);
    p.content.valid_until = Some(today());
    assert!(send(&mut p.clone(), now(), today()).is_ok());
    let mut empty = Proposal::draft(new_id(), 1, ProposalContent::empty(eur()), now());
    assert_eq!(
        send(&mut empty, now(), today()),
        Err(Refusal::Rule(ProposalError::NoLines))
    );
    // A discount without its reason is refused on send too.
    let mut p = draft_with_line();
    p.content.lines[0].discount = Rate(500);
    let Err(Refusal::Fields(e)) = send(&mut p, now(), today()) else {
        panic!("refused at the field");
    };
    assert_eq!((e[0].field, e[0].index), ("discount_reason", Some(0)));
}

#[test]
fn a_stored_version_keeps_status_sent_mark_and_decision_in_agreement() {
    let ctx = CheckContext { now: now() };
    let mut p = draft_with_line();
    p.status = ProposalStatus::Sent;
    assert_eq!(p.check(&ctx).unwrap_err().path, "sent");
    let mut p = draft_with_line();
    send(&mut p, now(), today()).unwrap();
    p.status = ProposalStatus::Draft;
    assert_eq!(p.check(&ctx).unwrap_err().reason, "rule.proposal_status");
    let mut p = draft_with_line();
    send(&mut p, now(), today()).unwrap();
    p.status = ProposalStatus::Accepted;
    assert_eq!(p.check(&ctx).unwrap_err().path, "decision");
    let mut p = draft_with_line();
    p.content.lines[0].discount = Rate(12_000);
    let e = p.check(&ctx).unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.reason),
        (
            "content.lines[0].discount",
            "proposal.error.discount_over_100"
        )
    );
    let mut p = draft_with_line();
    p.content.lines[0].quantity = Quantity(-1_000);
    let e = p.check(&ctx).unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.reason),
        ("content.lines[0].quantity", "rule.out_of_range")
    );
    let mut p = draft_with_line();
    p.version = 0;
    assert_eq!(p.check(&ctx).unwrap_err().path, "version");
}

#[test]
fn editing_a_sent_proposal_makes_the_next_version_as_a_draft() {
    let mut v1 = draft_with_line();
    assert_eq!(new_version(&v1, 2, now()), Err(ProposalError::NotFrozen));
    send(&mut v1, now(), today()).unwrap();
    let v2 = new_version(&v1, next_version_number([&v1]), now()).unwrap();
    assert_eq!((v2.version, v2.status), (2, ProposalStatus::Draft));
    assert_eq!((v2.sent.clone(), v2.decision.clone()), (None, None));
    assert_eq!(v2.content, v1.content);
    assert_ne!(v2.id, v1.id);
    assert_eq!(v2.deal_id, v1.deal_id);
    assert_eq!(next_version_number([&v1, &v2]), 3);
    assert_eq!(next_version_number(std::iter::empty()), 1);
}

#[test]
fn accepting_records_who_and_when_and_is_the_evidence_of_step_four() {
    let mut v1 = draft_with_line();
    send(&mut v1, now(), today()).unwrap();
    let mut v2 = new_version(&v1, 2, now()).unwrap();
    send(&mut v2, now(), today()).unwrap();
    assert_eq!(accepted_evidence([&v1, &v2]), None);
    // Accepting needs who accepted.
    match decide(&mut v2.clone(), Verdict::Accept, None, " ", "", now(), []) {
        Err(Refusal::Fields(e)) => assert_eq!(
            (e[0].field, e[0].label_key, e[0].key()),
            (
                "by",
                "proposal.field.accepted_by",
                "proposal.error.accepted_by_required"
            )
        ),
        other => panic!("{other:?}"),
    }
    let ana = new_id();
    let later = now() + chrono::Duration::days(3);
    decide(
        &mut v2,
        Verdict::Accept,
        Some(ana),
        "Ana Ruiz",
        " Signed by fax ",
        later,
        [&v1],
    )
    .unwrap();
    assert_eq!(v2.status, ProposalStatus::Accepted);
    let d = v2.decision.clone().unwrap();
    assert_eq!(
        (d.at, d.by_contact_id, d.note.as_str()),
        (later, Some(ana), "Signed by fax")
    );
    let ev = accepted_evidence([&v1, &v2]).unwrap();
    assert_eq!((ev.version, ev.on, ev.proposal_id), (2, later, v2.id));
    // A decided version is not decided again; v1, sent before v2, was superseded by it.
    assert_eq!(
        decide(&mut v2.clone(), Verdict::Reject, None, "", "", now(), []),
        Err(Refusal::Rule(ProposalError::NotSent))
    );
    assert_eq!(
        decide(&mut v1.clone(), Verdict::Reject, None, "", "", now(), [&v2]),
        Err(Refusal::Rule(ProposalError::Superseded))
    );
    // One accepted version per deal: a version sent after the accepted one is refused.
    let mut v3 = new_version(&v2, 3, now()).unwrap();
    assert_eq!(expire(&mut v3), Err(ProposalError::NotSent));
    send(&mut v3, now(), today()).unwrap();
    assert_eq!(
        decide(
            &mut v3.clone(),
            Verdict::Accept,
            None,
            "Ana",
            "",
            now(),
            [&v1, &v2]
        ),
        Err(Refusal::Rule(ProposalError::AlreadyAccepted))
    );
    decide(
        &mut v3,
        Verdict::Reject,
        None,
        "",
        "Too expensive",
        now(),
        [&v1, &v2],
    )
    .unwrap();
    assert_eq!(v3.status, ProposalStatus::Rejected);
    let mut v4 = new_version(&v3, 4, now()).unwrap();
    send(&mut v4, now(), today()).unwrap();
    expire(&mut v4).unwrap();
    assert_eq!(v4.status, ProposalStatus::Expired);
}

#[test]
fn a_sent_version_is_superseded_once_a_later_one_is_sent() {
    let mut v1 = draft_with_line();
    let until = today() + chrono::Duration::days(30);
    v1.content.valid_until = Some(until);
    send(&mut v1, now(), today()).unwrap();
    let mut v2 = new_version(&v1, 2, now()).unwrap();
    // A later draft does not replace what the customer has.
    assert_eq!(superseded_by(&v1, [&v1, &v2]), None);
    send(&mut v2, now(), today()).unwrap();
    assert_eq!(superseded_by(&v1, [&v1, &v2]), Some(2));
    assert_eq!(superseded_by(&v2, [&v1, &v2]), None, "the latest is not");
    // The first later version sent is the one named, whatever became of it.
    let mut v3 = new_version(&v2, 3, now()).unwrap();
    send(&mut v3, now(), today()).unwrap();
    expire(&mut v2).unwrap();
    assert_eq!(superseded_by(&v1, [&v3, &v2, &v1]), Some(2));
    // Another deal's versions are not this one's.
    let mut other = new_version(&v3, 9, now()).unwrap();
    other.deal_id = new_id();
    send(&mut other, now(), today()).unwrap();
    assert_eq!(superseded_by(&v3, [&other]), None);
    // An answered version keeps its answer.
    let mut accepted = v3.clone();
    decide(&mut accepted, Verdict::Accept, None, "Ana", "", now(), []).unwrap();
    let mut v4 = new_version(&accepted, 4, now()).unwrap();
    send(&mut v4, now(), today()).unwrap();
    assert_eq!(superseded_by(&accepted, [&v4]), None);
    // A superseded version does not lapse: the later one holds.
    let after = until + chrono::Duration::days(1);
    assert_eq!(lapsed(&v1, [&v1], after), Some(until));
    assert_eq!(lapsed(&v1, [&v1, &v2], after), None);
}

#[test]
fn the_accepted_total_is_offered_as_the_deal_value() {
    let mut deal = Deal::new(new_id(), "Retrofit", Money::new(10_000, eur()), now());
    let mut v1 = draft_with_line();
    v1.deal_id = deal.id;
    send(&mut v1, now(), today()).unwrap();
    // Nothing is offered before the customer accepts.
    assert_eq!(value_from_accepted(&deal, [&v1]), None);
    decide(&mut v1, Verdict::Accept, None, "Ana", "", now(), []).unwrap();
    // 2 × 50.00 net, 21 % tax: 121.00, what the customer pays.
    let offered = value_from_accepted(&deal, [&v1]).unwrap();
    assert_eq!(offered.total, Money::new(12_100, eur()));
    assert_eq!(
        offered.net,
        Money::new(10_000, eur()),
        "said before tax too"
    );
    // Once the deal has that value, nothing more is offered.
    deal.value = offered.total;
    assert_eq!(value_from_accepted(&deal, [&v1]), None);
    // Another currency is another value.
    deal.value = Money::new(12_100, Currency::parse("USD").unwrap());
    assert_eq!(
        value_from_accepted(&deal, [&v1]).map(|v| v.total),
        Some(Money::new(12_100, eur()))
    );
    // A deal that is no longer open keeps the value it was closed at.
    deal.outcome = crate::domain::deal::Outcome::Lost {
        at: today(),
        reason: "Budget".into(),
    };
    assert_eq!(value_from_accepted(&deal, [&v1]), None);
}

#[test]
fn a_diff_names_every_line_and_section_change_and_the_money_difference() {
    let mut v1 = draft_with_line();
    let kept = QuoteLine {
        name: "Training".into(),
        ..line(Quantity::ONE, UnitPrice(300_0000))
    };
    let dropped = QuoteLine {
        name: "Audit".into(),
        ..line(Quantity::ONE, UnitPrice(200_0000))
    };
    v1.content.lines.push(kept.clone());
    v1.content.lines.push(dropped.clone());
    send(&mut v1, now(), today()).unwrap();
    let mut v2 = new_version(&v1, 2, now()).unwrap();
    // Line 0: price 50 → 45, discount with a reason; line 1 unchanged; line 2 removed;
    // a new optional line.
    v2.content.lines[0].unit_price = UnitPrice(45_0000);
    v2.content.lines[0].quantity = Quantity::units(3);
    v2.content.lines.remove(2);
    let added = QuoteLine {
        name: "Spare kit".into(),
        optional: true,
        ..line(Quantity::ONE, UnitPrice(80_0000))
    };
    v2.content.lines.push(added.clone());
    v2.content.background = "Three plants now.".into();
    v2.content.valid_until = NaiveDate::from_ymd_opt(2026, 7, 1);
    let d = diff(&v1.content, &v2.content).unwrap();
    assert_eq!(d.lines.len(), 3);
    match &d.lines[0] {
        LineChange::Changed {
            fields,
            before,
            after,
        } => {
            assert_eq!(fields, &vec![LineField::Quantity, LineField::UnitPrice]);
            assert_eq!(
                (before.unit_price, after.unit_price),
                (UnitPrice(50_0000), UnitPrice(45_0000))
            );
        }
        other => panic!("changed expected: {other:?}"),
    }
    assert_eq!(d.lines[1], LineChange::Added(added));
    assert_eq!(d.lines[2], LineChange::Removed(dropped));
    let parts: Vec<_> = d.sections.iter().map(|s| s.part).collect();
    assert_eq!(
        parts,
        vec![SectionPart::Background, SectionPart::ValidUntil]
    );
    assert_eq!(d.sections[1].after, "2026-07-01");
    // v1: 2 × 50 at 21 % = 121.00 + 300 + 200 = 621.00; v2: 3 × 45 = 135 + 21 % = 163.35
    // + 300 = 463.35 (the optional line not counted).
    assert_eq!(
        (d.total_a, d.total_b, d.difference),
        (62_100, 46_335, -15_765)
    );
    assert!(diff(&v1.content, &v1.content).unwrap().lines.is_empty());
}

#[test]
fn the_customer_copy_escapes_everything_and_leaves_the_reps_figures_out() {
    let mut p = draft_with_line();
    p.content.lines[0].name = "<script>alert(1)</script>".into();
    p.content.lines[0].cost = Some(UnitPrice(1_0000));
    p.content.lines[0].category = "Hardware".into();
    p.content.background = "First & second\n\nThird".into();
    p.content.credentials = vec![Credential::CompanyProfile];
    let text = |k: &str| k.to_string();
    let money = |m: i64| format!("€{}", crate::domain::price::format_scaled(m, 2, 2));
    let date = |d: NaiveDate| d.to_string();
    let price = |p: UnitPrice| format!("€{}", crate::domain::price::format_scaled(p.0, 4, 2));
    let w = CopyWords {
        text: &text,
        money: &money,
        price: &price,
        date: &date,
    };
    let firm = FirmProfile {
        name: "Sixstep Ltd".into(),
        logo: "data:image/png;base64,iVBORw0KGgo=".into(),
        profile: "Forty <years> of sensors.".into(),
        ..Default::default()
    };
    let body = customer_copy_body(&p, "Retrofit", "Acme \"Steel\"", &firm, &w).unwrap();
    assert!(body.contains(
        "<img class=\"copy-logo\" src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"Sixstep Ltd\">"
    ));
    // The chosen credential with its kept text; the others are left out.
    assert!(body.contains("<p>Forty &lt;years&gt; of sensors.</p>"));
    assert!(!body.contains("proposal.credential.business_licence"));
    assert!(!body.contains("<script>"));
    assert!(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(body.contains("Acme &quot;Steel&quot;"));
    assert!(body.contains("<p>First &amp; second</p><p>Third</p>"));
    assert!(body.contains("Sixstep Ltd"));
    // 2 × 50.00 = 100.00; 21 % = 21.00; total 121.00.
    assert!(body.contains("€100.00") && body.contains("€21.00") && body.contains("€121.00"));
    assert!(body.contains("proposal.copy.rounding_rule"));
    assert!(body.contains("proposal.credential.company_profile"));
    // No cost, margin or flag in the customer's copy.
    assert!(!body.contains("€1.00") && !body.contains("margin") && !body.contains("flag"));
    let doc = customer_copy_document("en", "Retrofit <v1>", &body);
    assert!(doc.starts_with("<!DOCTYPE html>"));
    assert!(doc.contains("<title>Retrofit &lt;v1&gt;</title>"));
    // Self-contained: no script, and the only image (the logo) is inside the file.
    assert!(!doc.contains("<script"));
    assert!(doc
        .split("src=\"")
        .skip(1)
        .all(|rest| rest.starts_with("data:image/")));
}

#[test]
fn a_product_is_in_use_while_a_line_of_any_version_names_it() {
    use crate::domain::ids::new_id;
    let product = new_id();
    let line = |source: LineSource| QuoteLine {
        id: new_id(),
        source,
        name: "Sensor".into(),
        category: String::new(),
        unit: String::new(),
        quantity: Quantity::ONE,
        unit_price: UnitPrice(1_0000),
        discount: Rate::ZERO,
        discount_reason: String::new(),
        tax_rate: Rate::ZERO,
        optional: false,
        chosen: false,
        cost: None,
        need_ids: Vec::new(),
    };
    let mut v1 = Proposal::draft(
        new_id(),
        1,
        ProposalContent::empty(Default::default()),
        now(),
    );
    let mut v2 = v1.clone();
    v1.content.lines = vec![
        line(LineSource::Catalogue {
            product_id: product,
        }),
        line(LineSource::Free),
    ];
    v2.content.lines = vec![line(LineSource::Catalogue {
        product_id: product,
    })];
    assert_eq!(lines_naming([&v1, &v2], product), 2);
    assert_eq!(lines_naming([&v1, &v2], new_id()), 0);
    assert_eq!(lines_naming([], product), 0);
}

#[test]
fn a_sent_offer_lapses_the_day_after_its_valid_until_date() {
    use crate::domain::ids::new_id;
    let mut p = Proposal::draft(
        new_id(),
        1,
        ProposalContent::empty(Default::default()),
        now(),
    );
    let until = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
    p.content.valid_until = Some(until);
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
    assert_eq!(lapsed(&p, [], day(20)), None, "a draft does not lapse");
    p.status = ProposalStatus::Sent;
    assert_eq!(lapsed(&p, [], day(10)), None, "valid through its last day");
    assert_eq!(lapsed(&p, [], day(11)), Some(until));
    p.status = ProposalStatus::Accepted;
    assert_eq!(
        lapsed(&p, [], day(11)),
        None,
        "an answered offer does not lapse"
    );
    p.status = ProposalStatus::Sent;
    p.content.valid_until = None;
    assert_eq!(lapsed(&p, [], day(11)), None, "no date, no lapse");
}

#[test]
fn a_removed_line_goes_back_where_it_stood_once_and_never_into_a_sent_version() {
    let mut p = draft_with_line();
    let mut second = line(Quantity::units(2), UnitPrice(5_0000));
    second.name = "Training".into();
    let mut third = line(Quantity::units(1), UnitPrice(1_0000));
    third.name = "Travel".into();
    p.content.lines.push(second.clone());
    p.content.lines.push(third.clone());
    let before = p.clone();

    let (at, removed) = remove_line(&mut p, second.id).unwrap().unwrap();
    assert_eq!((at, &removed), (1, &second));
    assert_eq!(p.content.lines.len(), 2);
    assert_eq!(remove_line(&mut p, second.id), Ok(None));

    restore_line(&mut p, at, removed.clone()).unwrap();
    assert_eq!(p, before);
    // Twice: still once.
    restore_line(&mut p, at, removed.clone()).unwrap();
    assert_eq!(p, before);
    // Fewer lines meanwhile: it goes last.
    let (at, removed) = remove_line(&mut p, second.id).unwrap().unwrap();
    remove_line(&mut p, third.id).unwrap();
    restore_line(&mut p, at + 5, removed).unwrap();
    assert_eq!(p.content.lines.last().map(|l| l.id), Some(second.id));

    let mut sent = before.clone();
    send(&mut sent, now(), today()).unwrap();
    let frozen = sent.clone();
    assert_eq!(
        remove_line(&mut sent, second.id),
        Err(ProposalError::Frozen)
    );
    assert_eq!(
        restore_line(&mut sent, 0, third),
        Err(ProposalError::Frozen)
    );
    assert_eq!(sent, frozen);
}

#[test]
fn the_copy_s_gaps_are_the_firm_name_and_chosen_credentials_without_text() {
    let mut p = draft_with_line();
    p.content.credentials = vec![Credential::CompanyProfile, Credential::BusinessLicence];
    let mut firm = FirmProfile {
        licence: "Licence 42".into(),
        ..FirmProfile::default()
    };
    assert_eq!(
        copy_gaps(&p.content, &firm),
        vec![
            CopyGap::NoFirmName,
            CopyGap::CredentialWithoutText(Credential::CompanyProfile)
        ]
    );
    firm.name = "Northwind Instruments".into();
    firm.profile = " Founded 1998. ".into();
    assert_eq!(copy_gaps(&p.content, &firm), vec![]);
    firm.products = String::new();
    p.content.credentials.push(Credential::ProductDescriptions);
    assert_eq!(
        copy_gaps(&p.content, &firm),
        vec![CopyGap::CredentialWithoutText(
            Credential::ProductDescriptions
        )]
    );
}

#[test]
fn the_answer_is_dated_by_the_day_typed_within_sent_and_today() {
    let utc = chrono::Utc;
    let sent = now() - chrono::Duration::days(5);
    let today = now().date_naive();
    let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    // Today is now; an earlier day is its noon.
    assert_eq!(answered_at(&iso(today), Some(sent), now(), &utc), Ok(now()));
    let two_ago = today - chrono::Duration::days(2);
    assert_eq!(
        answered_at(&iso(two_ago), Some(sent), now(), &utc).unwrap(),
        two_ago.and_hms_opt(12, 0, 0).unwrap().and_utc()
    );
    // The day it was sent is fine; the day before, or tomorrow, is not.
    assert!(answered_at(&iso(sent.date_naive()), Some(sent), now(), &utc).is_ok());
    let before = answered_at(
        &iso(sent.date_naive() - chrono::Duration::days(1)),
        Some(sent),
        now(),
        &utc,
    )
    .unwrap_err();
    assert_eq!(
        (before.field, before.key()),
        ("on", "proposal.error.answered_before_sent")
    );
    assert_eq!(
        before.arg_value("sent"),
        Some(iso(sent.date_naive()).as_str())
    );
    let tomorrow = answered_at(
        &iso(today + chrono::Duration::days(1)),
        Some(sent),
        now(),
        &utc,
    )
    .unwrap_err();
    assert_eq!(tomorrow.key(), "proposal.error.answered_in_future");
    assert_eq!(
        answered_at(" ", Some(sent), now(), &utc).unwrap_err().key(),
        "field.error.required"
    );
    assert_eq!(
        answered_at("3 Dec", Some(sent), now(), &utc)
            .unwrap_err()
            .key(),
        "proposal.error.answered_on_invalid"
    );
}
