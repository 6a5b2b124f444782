use super::trades::{self, NoPackages, NoTrade, TOLERANCE_PERCENT};
use super::*;
use crate::domain::ids::new_id;
use crate::domain::negotiation::{Agreement, Deadlock, Round, Side, Term};
use chrono::{NaiveDate, Utc};

fn eur() -> Currency {
    Currency::default()
}

fn negotiation() -> Negotiation {
    Negotiation::new(new_id(), eur(), Utc::now())
}

fn draft(kind: IssueKind, unit: &str, o: &str, t: &str, b: &str) -> IssueDraft {
    IssueDraft {
        kind,
        unit: unit.into(),
        opening: o.into(),
        target: t.into(),
        bottom: b.into(),
        ..IssueDraft::default()
    }
}

fn errors(d: &IssueDraft) -> Vec<PlanError> {
    d.validate(new_id(), &eur()).unwrap_err()
}

fn only<'a>(errs: &'a [PlanError], field: &str) -> &'a PlanError {
    let at: Vec<_> = errs.iter().filter(|e| e.field == field).collect();
    assert_eq!(at.len(), 1, "{errs:#?}");
    at[0]
}

/// An issue with importances and a value per unit (minor units per whole unit).
fn issue(
    kind: IssueKind,
    unit: &str,
    (o, t, b): (i64, i64, i64),
    value: Option<i64>,
    us: u8,
    them: u8,
) -> Issue {
    Issue {
        id: new_id(),
        kind,
        label: String::new(),
        unit: unit.into(),
        opening: Position::units(o),
        target: Position::units(t),
        bottom: Position::units(b),
        value_per_unit: value,
        importance_us: us,
        importance_them: them,
        notes: String::new(),
    }
}

#[test]
fn a_bottom_line_better_than_the_target_is_refused_at_the_bottom_line() {
    // Payment days: we open short (30) and may go up to the bottom line; 40 < 45.
    let errs = errors(&draft(IssueKind::Payment, "days", "30", "45", "40"));
    let e = only(&errs, "bottom");
    assert_eq!(e.key(), "negotiation.plan.error.bottom_before_target");
    assert_eq!(e.arg_value("bottom"), Some("40 days"));
    assert_eq!(e.arg_value("target"), Some("45 days"));
    // A price: we open high (100,000) and may go down; a bottom of 95,000 above a 90,000
    // target is better for us than the target.
    let errs = errors(&draft(IssueKind::Price, "EUR", "100000", "90000", "95000"));
    let e = only(&errs, "bottom");
    assert_eq!(e.key(), PlanProblem::BottomBeforeTarget.key());
    // In the negotiation's currency the positions are money, for the page to write as the
    // language writes money ("€95,000.00", not "95000 EUR").
    let money = |minor| crate::domain::money::Money::new(minor, eur());
    assert_eq!(
        e.amounts,
        vec![
            ("bottom", money(9_500_000)),
            ("target", money(9_000_000)),
            ("opening", money(10_000_000))
        ]
    );
}

#[test]
fn a_target_outside_opening_to_bottom_line_is_refused_at_the_target() {
    for (o, t, b) in [("100", "110", "80"), ("30", "20", "60"), ("30", "45", "30")] {
        let errs = errors(&draft(IssueKind::Price, "", o, t, b));
        let e = only(&errs, "target");
        assert_eq!(
            e.key(),
            PlanProblem::TargetOutsideRange.key(),
            "{o} {t} {b}"
        );
        assert_eq!(e.arg_value("target"), Some(t));
    }
}

#[test]
fn direction_follows_from_opening_and_bottom_line_both_ways() {
    let price = draft(IssueKind::Price, "EUR", "100000", "92000", "85000")
        .validate(new_id(), &eur())
        .unwrap();
    assert_eq!(price.direction(), Direction::Higher);
    assert!(price.better(Position::units(95_000), Position::units(90_000)));
    assert!(price.past_bottom(Position::units(84_000)));
    assert!(!price.past_bottom(Position::units(85_000)));
    let days = draft(IssueKind::Payment, "days", "30", "45", "60")
        .validate(new_id(), &eur())
        .unwrap();
    assert_eq!(days.direction(), Direction::Lower);
    assert!(days.better(Position::units(40), Position::units(45)));
    assert!(days.past_bottom(Position::units(61)));
    // No room: opening, target and bottom line the same.
    let fixed = draft(IssueKind::Delivery, "weeks", "6", "6", "6")
        .validate(new_id(), &eur())
        .unwrap();
    assert_eq!(fixed.direction(), Direction::Fixed);
    assert!(!fixed.past_bottom(Position::units(6)));
    // Target equal to opening or to the bottom line is fine.
    for (o, t, b) in [("30", "30", "60"), ("30", "60", "60")] {
        assert!(draft(IssueKind::Payment, "days", o, t, b)
            .validate(new_id(), &eur())
            .is_ok());
    }
}

#[test]
fn importance_outside_one_to_five_or_not_whole_is_refused() {
    for bad in ["0", "6", "3.5", "", "high", "-1"] {
        let mut d = draft(IssueKind::Price, "", "10", "9", "8");
        d.importance_us = bad.into();
        d.importance_them = "5".into();
        let errs = errors(&d);
        let e = only(&errs, "importance_us");
        assert_eq!(e.key(), PlanProblem::ImportanceInvalid.key());
        assert_eq!(e.arg_value("value"), Some(bad.trim()));
    }
}

#[test]
fn a_custom_issue_needs_a_label_and_a_member_a_name() {
    let errs = errors(&draft(IssueKind::Custom, "", "1", "1", "1"));
    assert_eq!(
        only(&errs, "label").key(),
        PlanProblem::CustomLabelRequired.key()
    );
    let mut d = draft(IssueKind::Custom, "", "1", "1", "1");
    d.label = "Training days".into();
    assert_eq!(d.validate(new_id(), &eur()).unwrap().label, "Training days");
    let errs = MemberDraft::default().validate(new_id()).unwrap_err();
    assert_eq!(only(&errs, "member_name").key(), "field.error.required");
}

#[test]
fn positions_and_values_as_typed_are_checked_like_the_proposal_line() {
    let mut d = draft(IssueKind::Price, "EUR", "abc", "1.23456", "");
    d.value_per_unit = "12.3456".into();
    let errs = errors(&d);
    assert_eq!(only(&errs, "opening").key(), "field.error.not_a_number");
    assert_eq!(only(&errs, "opening").arg_value("value"), Some("abc"));
    assert_eq!(only(&errs, "target").key(), "field.error.too_many_decimals");
    assert_eq!(only(&errs, "bottom").key(), "field.error.required");
    assert_eq!(
        only(&errs, "value_per_unit").key(),
        "field.error.too_many_decimals"
    );
    let mut d = draft(IssueKind::Payment, "days", "30", "45", "60");
    d.value_per_unit = "0".into();
    assert_eq!(
        only(&errors(&d), "value_per_unit").key(),
        PlanProblem::ValueZero.key()
    );
    d.value_per_unit = "1 250,50".into();
    let i = d.validate(new_id(), &eur()).unwrap();
    assert_eq!(i.value_per_unit, Some(125_050));
    // The form refills from the stored issue as typed.
    assert_eq!(IssueDraft::from_issue(&i, &eur()).value_per_unit, "1250.5");
    assert_eq!(IssueDraft::from_issue(&i, &eur()).opening, "30");
}

#[test]
fn nothing_is_saved_when_a_draft_is_refused() {
    let mut n = negotiation();
    let bad = draft(IssueKind::Payment, "days", "30", "45", "40");
    assert!(add_issue(&mut n, &bad).is_err());
    assert!(n.plan.issues.is_empty());
    let id = add_issue(&mut n, &draft(IssueKind::Payment, "days", "30", "45", "60")).unwrap();
    let before = n.clone();
    assert!(update_issue(&mut n, id, &bad).is_err());
    assert_eq!(n, before);
    let good = draft(IssueKind::Payment, "days", "30", "40", "60");
    update_issue(&mut n, id, &good).unwrap();
    assert_eq!(n.plan.issues[0].target, Position::units(40));
    assert_eq!(n.plan.issues[0].id, id);
}

#[test]
fn an_issue_used_by_a_round_a_term_or_a_deadlock_cannot_be_removed() {
    let mut n = negotiation();
    let a = add_issue(&mut n, &draft(IssueKind::Payment, "days", "30", "45", "60")).unwrap();
    let b = add_issue(&mut n, &draft(IssueKind::Price, "EUR", "100", "90", "80")).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    n.rounds.push(Round {
        id: new_id(),
        on: day,
        side: Side::Us,
        issue_id: a,
        from: Position::units(30),
        to: Position::units(35),
        value_minor: None,
        in_return: String::new(),
        proposal_version: None,
        override_reason: String::new(),
        note: String::new(),
    });
    n.agreement = Agreement {
        terms: vec![Term {
            id: new_id(),
            issue_id: Some(a),
            label: "Payment".into(),
            value: "40 days".into(),
            value_minor: None,
            agreed_on: day,
            confirmation: None,
        }],
        contract: None,
    };
    n.deadlocks.push(Deadlock {
        id: new_id(),
        on: day,
        issue_id: Some(a),
        ours: String::new(),
        theirs: String::new(),
        resolution: String::new(),
        broken_on: None,
    });
    let before = n.clone();
    assert_eq!(
        remove_issue(&mut n, a),
        Err(RemoveRefusal::InUse(IssueUses {
            rounds: 1,
            terms: 1,
            deadlocks: 1
        }))
    );
    assert_eq!(n, before);
    // An issue nothing refers to goes, and Undo puts it back where it stood.
    let (at, gone) = remove_issue(&mut n, b).unwrap();
    assert_eq!((at, n.plan.issues.len()), (1, 1));
    restore_issue(&mut n, at, gone.clone());
    restore_issue(&mut n, at, gone);
    assert_eq!(n, before);
    assert_eq!(remove_issue(&mut n, new_id()), Err(RemoveRefusal::Gone));
}

#[test]
fn members_are_added_edited_and_removed_with_undo() {
    let mut n = negotiation();
    let d = MemberDraft {
        name: "  Ana Ruiz ".into(),
        roles: vec![TeamRole::PriceAuthority, TeamRole::Lead, TeamRole::Lead],
    };
    let id = add_member(&mut n, &d).unwrap();
    assert_eq!(n.plan.team[0].name, "Ana Ruiz");
    assert_eq!(
        n.plan.team[0].roles,
        vec![TeamRole::Lead, TeamRole::PriceAuthority]
    );
    assert!(summary(&n.plan).price_authority);
    update_member(
        &mut n,
        id,
        &MemberDraft {
            name: "Ana Ruiz".into(),
            roles: vec![TeamRole::NoteTaker],
        },
    )
    .unwrap();
    assert!(!summary(&n.plan).price_authority);
    let before = n.clone();
    let (at, m) = remove_member(&mut n, id).unwrap();
    assert!(n.plan.team.is_empty());
    restore_member(&mut n, at, m);
    assert_eq!(n, before);
    assert!(update_member(&mut n, new_id(), &d).is_err());
}

#[test]
fn the_alternative_takes_a_sentence_and_an_optional_value() {
    let mut n = negotiation();
    let d = AlternativeDraft {
        text: "Sell the slot to the Riga plant".into(),
        value: "40 000".into(),
    };
    set_alternative(&mut n, &d).unwrap();
    assert_eq!(n.plan.alternative.value_minor, Some(4_000_000));
    let bad = AlternativeDraft {
        text: "x".into(),
        value: "lots".into(),
    };
    let errs = set_alternative(&mut n, &bad).unwrap_err();
    assert_eq!(
        only(&errs, "alternative_value").key(),
        "field.error.not_a_number"
    );
    assert_eq!(n.plan.alternative.value_minor, Some(4_000_000));
}

#[test]
fn the_record_rules_refuse_what_the_forms_refuse() {
    let good = issue(IssueKind::Payment, "days", (30, 45, 60), Some(2_000), 2, 5);
    let plan = |i: Issue| Plan {
        issues: vec![i],
        ..Plan::default()
    };
    assert_eq!(check_plan(&plan(good.clone())), Ok(()));
    let cases: Vec<(Issue, &str, &str)> = vec![
        (
            Issue {
                bottom: Position::units(40),
                ..good.clone()
            },
            "plan.issues[0].bottom",
            "negotiation.plan.error.bottom_before_target.rule",
        ),
        (
            Issue {
                target: Position::units(20),
                ..good.clone()
            },
            "plan.issues[0].target",
            "negotiation.plan.error.target_outside_range.rule",
        ),
        (
            Issue {
                importance_them: 6,
                ..good.clone()
            },
            "plan.issues[0].importance_them",
            "negotiation.plan.error.importance_invalid.rule",
        ),
        (
            Issue {
                kind: IssueKind::Custom,
                ..good.clone()
            },
            "plan.issues[0].label",
            "negotiation.plan.error.custom_label_required.rule",
        ),
        (
            Issue {
                value_per_unit: Some(0),
                ..good.clone()
            },
            "plan.issues[0].value_per_unit",
            "negotiation.plan.error.value_zero.rule",
        ),
    ];
    for (i, path, reason) in cases {
        let e = check_plan(&plan(i)).unwrap_err();
        assert_eq!((e.path.as_str(), e.reason), (path, reason));
    }
    let nameless = Plan {
        team: vec![TeamMember {
            id: new_id(),
            name: " ".into(),
            roles: vec![],
        }],
        ..Plan::default()
    };
    assert_eq!(check_plan(&nameless).unwrap_err().path, "plan.team[0].name");
    let twice = Plan {
        issues: vec![good.clone(), good],
        ..Plan::default()
    };
    assert_eq!(check_plan(&twice).unwrap_err().path, "plan.issues[1].id");
}

#[test]
fn every_plan_and_trade_message_is_in_every_catalogue() {
    use crate::domain::keys::Keyed;
    use crate::i18n::Locale;
    let mut keys: Vec<&str> = PlanProblem::keys();
    keys.extend(NoTrade::keys());
    keys.extend([
        label::MEMBER_NAME,
        label::ROLES,
        label::KIND,
        label::LABEL,
        label::UNIT,
        label::OPENING,
        label::TARGET,
        label::BOTTOM,
        label::VALUE_PER_UNIT,
        label::IMPORTANCE_US,
        label::IMPORTANCE_THEM,
        label::NOTES,
        label::ALTERNATIVE,
        label::ALTERNATIVE_VALUE,
        label::ISSUE,
        label::MEMBER,
    ]);
    for &locale in Locale::ALL {
        let missing: Vec<_> = keys
            .iter()
            .filter(|k| locale.catalogue().get(k).is_none())
            .collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", locale.tag());
    }
}

// -------------------------------------------------------------------------------------------
// Trades
// -------------------------------------------------------------------------------------------

fn plan_of(issues: Vec<Issue>) -> Plan {
    Plan {
        issues,
        ..Plan::default()
    }
}

#[test]
fn trades_rank_by_gap_then_cost_then_plan_order() {
    // To give (them > us): gap 3, then two with gap 2 (the cheaper first), one gap 2
    // without a money value (after the valued ones).
    let support = issue(IssueKind::Support, "hours", (0, 10, 20), Some(5_000), 1, 4);
    let delivery = issue(IssueKind::Delivery, "weeks", (4, 6, 8), Some(50_000), 2, 4);
    let config = issue(IssueKind::Configuration, "", (0, 1, 2), None, 1, 3);
    let payment = issue(IssueKind::Payment, "days", (30, 45, 60), Some(2_000), 3, 5);
    // To ask for (us > them): gap 3, then gap 1 twice (the more valuable first).
    let price = issue(IssueKind::Price, "EUR", (100, 90, 80), Some(100), 5, 2);
    let period = issue(
        IssueKind::ServicePeriod,
        "months",
        (24, 18, 12),
        Some(1_000),
        4,
        3,
    );
    let comp = issue(IssueKind::Compensation, "%", (10, 8, 5), Some(20_000), 3, 2);
    let even = issue(IssueKind::Custom, "", (1, 1, 1), None, 3, 3);
    let p = plan_of(vec![
        even.clone(),
        config.clone(),
        support.clone(),
        delivery.clone(),
        payment.clone(),
        price.clone(),
        period.clone(),
        comp.clone(),
    ]);
    let give: Vec<Id> = trades::to_give(&p).iter().map(|i| i.id).collect();
    // support: gap 3; payment (cost 60 000) before delivery (cost 200 000), both gap 2;
    // configuration (gap 2, no money value) last.
    assert_eq!(give, vec![support.id, payment.id, delivery.id, config.id]);
    let ask: Vec<Id> = trades::to_ask(&p).iter().map(|i| i.id).collect();
    // price gap 3; comp (room worth 100 000) before period (12 000), both gap 1.
    assert_eq!(ask, vec![price.id, comp.id, period.id]);
    let t = trades::suggestions(&p).unwrap();
    let pairs: Vec<(Id, Id)> = t.iter().map(|t| (t.give, t.get)).collect();
    assert_eq!(
        pairs,
        vec![
            (support.id, price.id),
            (payment.id, comp.id),
            (delivery.id, period.id),
            (config.id, price.id),
        ]
    );
}

#[test]
fn equal_ties_keep_plan_order() {
    let a = issue(IssueKind::Support, "hours", (0, 10, 20), None, 1, 3);
    let b = issue(IssueKind::Delivery, "weeks", (4, 6, 8), None, 1, 3);
    let c = issue(IssueKind::Price, "EUR", (100, 90, 80), None, 4, 1);
    let p = plan_of(vec![b.clone(), a.clone(), c.clone()]);
    let give: Vec<Id> = trades::to_give(&p).iter().map(|i| i.id).collect();
    assert_eq!(give, vec![b.id, a.id]);
}

#[test]
fn nothing_to_trade_says_why() {
    assert_eq!(
        trades::suggestions(&Plan::default()),
        Err(NoTrade::NoIssues)
    );
    let even = issue(IssueKind::Price, "EUR", (100, 90, 80), None, 3, 3);
    assert_eq!(
        trades::suggestions(&plan_of(vec![even.clone()])),
        Err(NoTrade::NoGap)
    );
    let theirs = issue(IssueKind::Payment, "days", (30, 45, 60), None, 2, 5);
    assert_eq!(
        trades::suggestions(&plan_of(vec![even.clone(), theirs])),
        Err(NoTrade::NothingToAsk)
    );
    let ours = issue(IssueKind::Price, "EUR", (100, 90, 80), None, 5, 1);
    assert_eq!(
        trades::suggestions(&plan_of(vec![even, ours])),
        Err(NoTrade::NothingToGive)
    );
}

// -------------------------------------------------------------------------------------------
// Packages
// -------------------------------------------------------------------------------------------

fn with_issues(issues: Vec<Issue>) -> Negotiation {
    let mut n = negotiation();
    n.plan.issues = issues;
    n
}

/// Every package equal within the tolerance, every move between where we stand and the
/// target, in whole units where the unit counts.
fn assert_sound(n: &Negotiation, p: &trades::Packages) {
    assert!(
        (2..=trades::MAX_PACKAGES).contains(&p.packages.len()),
        "{p:#?}"
    );
    let values: Vec<i64> = p.packages.iter().map(|x| x.value_minor).collect();
    let spread = values.iter().max().unwrap() - values.iter().min().unwrap();
    let unit = 10i64.pow(n.currency.exponent());
    let tol = (p.value_minor * TOLERANCE_PERCENT / 100).max(unit);
    assert!(spread <= tol + 1, "spread {spread} > {tol}: {values:?}");
    assert_eq!(p.tolerance_minor, tol);
    for pkg in &p.packages {
        assert_eq!(
            pkg.value_minor,
            pkg.moves.iter().map(|m| m.value_minor).sum::<i64>()
        );
        for m in &pkg.moves {
            let i = n.issue(m.issue_id).unwrap();
            assert_eq!(m.from, trades::standing(n, i));
            assert_ne!(m.from, m.to);
            assert!(!i.better(m.to, m.from), "a move that gains: {m:?}");
            assert!(
                !i.better(i.target, m.to) || m.to == i.target,
                "past target: {m:?}"
            );
            assert!(!i.past_bottom(m.to));
            if i.whole_units() {
                assert_eq!(m.to.0 % 1_000, 0, "whole {}: {m:?}", i.unit);
            }
            assert_eq!(i.value_of_move(m.from, m.to), Some(m.value_minor));
        }
    }
}

#[test]
fn packages_of_equal_value_stay_within_our_limits_and_units() {
    // Price: 100,000 → 92,000 EUR, 1 EUR per EUR; payment 30 → 45 days at EUR 40 a day;
    // delivery 4 → 6 weeks at EUR 500 a week.
    let price = issue(
        IssueKind::Price,
        "EUR",
        (100_000, 92_000, 85_000),
        Some(100),
        5,
        3,
    );
    let payment = issue(IssueKind::Payment, "days", (30, 45, 60), Some(4_000), 2, 5);
    let delivery = issue(IssueKind::Delivery, "weeks", (4, 6, 8), Some(50_000), 2, 4);
    let n = with_issues(vec![price.clone(), payment.clone(), delivery.clone()]);
    let p = trades::packages(&n).unwrap();
    assert_sound(&n, &p);
    assert_eq!(p.packages.len(), 3);
    // Two single-issue packages and a mix: no single value lets all three stand alone
    // (a day is EUR 40, a week EUR 500).
    let singles = p.packages.iter().filter(|x| x.moves.len() == 1).count();
    assert_eq!(singles, 2, "{p:#?}");
    // Issues with fractional positions move in the precision typed.
    let rate = Issue {
        opening: Position(2_500),
        target: Position(1_000),
        bottom: Position(0),
        ..issue(IssueKind::Compensation, "%", (0, 0, 0), Some(300_000), 3, 4)
    };
    let n = with_issues(vec![rate, payment]);
    let p = trades::packages(&n).unwrap();
    assert_sound(&n, &p);
}

#[test]
fn packages_start_from_our_latest_offer() {
    let price = issue(
        IssueKind::Price,
        "EUR",
        (100_000, 92_000, 85_000),
        Some(100),
        5,
        3,
    );
    let payment = issue(IssueKind::Payment, "days", (30, 45, 60), Some(4_000), 2, 5);
    let mut n = with_issues(vec![price.clone(), payment.clone()]);
    n.rounds.push(Round {
        id: new_id(),
        on: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        side: Side::Us,
        issue_id: payment.id,
        from: Position::units(30),
        to: Position::units(40),
        value_minor: None,
        in_return: String::new(),
        proposal_version: None,
        override_reason: String::new(),
        note: String::new(),
    });
    assert_eq!(trades::standing(&n, &payment), Position::units(40));
    let p = trades::packages(&n).unwrap();
    assert_sound(&n, &p);
    // Past the target on payment: only the price has room left.
    n.rounds[0].to = Position::units(45);
    assert_eq!(
        trades::packages(&n),
        Err(NoPackages::TooFewValued { valued: 1 })
    );
}

#[test]
fn no_packages_without_two_issues_valued_in_money() {
    let price = issue(
        IssueKind::Price,
        "EUR",
        (100_000, 92_000, 85_000),
        Some(100),
        5,
        3,
    );
    let unvalued = issue(IssueKind::Payment, "days", (30, 45, 60), None, 2, 5);
    let no_room = issue(IssueKind::Delivery, "weeks", (6, 6, 6), Some(50_000), 2, 4);
    let n = with_issues(vec![price, unvalued, no_room]);
    assert_eq!(
        trades::packages(&n),
        Err(NoPackages::TooFewValued { valued: 1 })
    );
    assert_eq!(
        trades::packages(&negotiation()),
        Err(NoPackages::TooFewValued { valued: 0 })
    );
}

#[test]
fn coarse_steps_that_cannot_match_give_no_packages() {
    // One month is worth EUR 5,000 and we have one month of room; a week EUR 700 with two
    // weeks of room: no two packages are worth the same within 5 %.
    let period = issue(
        IssueKind::ServicePeriod,
        "months",
        (12, 13, 14),
        Some(500_000),
        2,
        4,
    );
    let delivery = issue(IssueKind::Delivery, "weeks", (4, 6, 8), Some(70_000), 2, 4);
    let n = with_issues(vec![period, delivery]);
    assert_eq!(trades::packages(&n), Err(NoPackages::NoEqualSplit));
}
