#![allow(clippy::inconsistent_digit_grouping)] // Money reads as major_minor: 2_000_00 is €2,000.00.

use super::*;
use crate::domain::ids::new_id;
use crate::domain::money::Currency;
use crate::domain::negotiation::{IssueKind, Negotiation};
use crate::i18n::Locale;
use chrono::{NaiveDate, Utc};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

const TODAY: u32 = 20;

fn issue(kind: IssueKind, label: &str, opening: i64, target: i64, bottom: i64) -> Issue {
    Issue {
        id: new_id(),
        kind,
        label: label.into(),
        unit: String::new(),
        opening: Position::units(opening),
        target: Position::units(target),
        bottom: Position::units(bottom),
        value_per_unit: None,
        importance_us: 3,
        importance_them: 3,
        notes: String::new(),
    }
}

/// A negotiation in EUR with three issues: payment days (we open at 30, bottom 60, each day
/// worth €200), a price (we open at 120,000, bottom 100,000, money itself: €1 per unit) and
/// training days (no money value).
fn negotiation() -> (Negotiation, Id, Id, Id) {
    let mut n = Negotiation::new(new_id(), Currency::default(), Utc::now());
    let mut pay = issue(IssueKind::Payment, "Payment terms", 30, 45, 60);
    pay.unit = "days".into();
    pay.value_per_unit = Some(200_00);
    let mut price = issue(IssueKind::Price, "", 120_000, 110_000, 100_000);
    price.value_per_unit = Some(100);
    let training = issue(IssueKind::Support, "Training days", 2, 4, 6);
    let ids = (pay.id, price.id, training.id);
    n.plan.issues = vec![pay, price, training];
    (n, ids.0, ids.1, ids.2)
}

fn draft(side: Side, issue: Id, from: &str, to: &str, on: u32) -> RoundDraft {
    RoundDraft {
        issue_id: Some(issue),
        from: from.into(),
        to: to.into(),
        in_return: if side == Side::Us {
            "A signed order this month".into()
        } else {
            String::new()
        },
        ..RoundDraft::new(side, day(on))
    }
}

fn add(n: &mut Negotiation, d: &RoundDraft) -> Round {
    add_round(n, d, &[1, 2], day(TODAY)).expect("round saved")
}

fn keys(errs: &[Problem]) -> Vec<(&'static str, &'static str)> {
    errs.iter().map(|e| (e.field, e.key())).collect()
}

#[test]
fn direction_follows_opening_and_bottom() {
    let (n, pay, price, _) = negotiation();
    let pay = n.issue(pay).unwrap();
    let price = n.issue(price).unwrap();
    assert!(!better_for_us_is_higher(pay));
    assert!(better_for_us_is_higher(price));
    assert!(is_concession(
        pay,
        Side::Us,
        Position::units(30),
        Position::units(40)
    ));
    assert!(!is_concession(
        pay,
        Side::Us,
        Position::units(40),
        Position::units(35)
    ));
    assert!(is_concession(
        pay,
        Side::Them,
        Position::units(90),
        Position::units(75)
    ));
    assert!(is_concession(
        price,
        Side::Us,
        Position::units(120_000),
        Position::units(115_000)
    ));
    assert!(past_bottom(pay, Position::units(61)));
    assert!(!past_bottom(pay, Position::units(60)));
    assert!(past_bottom(price, Position::units(99_999)));
}

#[test]
fn strictly_smaller_concessions_pass_the_rule() {
    let (mut n, pay, _, _) = negotiation();
    add(&mut n, &draft(Side::Us, pay, "30", "40", 2));
    let d = draft(Side::Us, pay, "40", "45", 3);
    let (_, f) = preview(&n, &d, Slot::New).unwrap();
    assert!(f.concession && f.smaller && f.not_smaller.is_none());
    add(&mut n, &d);
    let flags = ledger_flags(&n);
    assert!(flags.iter().all(|f| f.not_smaller.is_none()));
    let s = summary(&n);
    assert_eq!(s.rounds, 2);
    let last = s.last_concession.unwrap();
    assert_eq!(last.smaller, Some(true));
    assert_eq!(last.figures.value, Some(1_000_00));
}

#[test]
fn the_first_concession_has_nothing_to_compare() {
    let (mut n, pay, _, _) = negotiation();
    let r = add(&mut n, &draft(Side::Us, pay, "30", "40", 2));
    let f = assess(&n, &[], &r);
    assert!(f.concession);
    assert!(f.not_smaller.is_none() && !f.smaller);
    assert_eq!(summary(&n).last_concession.unwrap().smaller, None);
}

#[test]
fn an_equal_concession_is_warned_with_both_figures() {
    let (mut n, pay, _, _) = negotiation();
    let first = add(&mut n, &draft(Side::Us, pay, "30", "40", 2));
    let d = draft(Side::Us, pay, "40", "50", 3);
    let (_, f) = preview(&n, &d, Slot::New).unwrap();
    let w = f.not_smaller.expect("warned before saving");
    assert_eq!(w.basis, Basis::SameIssue);
    assert_eq!(w.this.step, Position::units(10));
    assert_eq!(w.this.value, Some(2_000_00));
    assert_eq!(w.previous.round_id, first.id);
    assert_eq!(w.previous.step, Position::units(10));
    // A warning, not a refusal: it saves, and the row keeps the warning.
    add(&mut n, &d);
    assert!(ledger_flags(&n)[1].not_smaller.is_some());
    assert_eq!(summary(&n).last_concession.unwrap().smaller, Some(false));
}

#[test]
fn a_larger_concession_is_warned() {
    let (mut n, pay, _, _) = negotiation();
    add(&mut n, &draft(Side::Us, pay, "30", "40", 2));
    add(&mut n, &draft(Side::Us, pay, "40", "55", 3));
    let w = ledger_flags(&n)[1].not_smaller.unwrap();
    assert_eq!(w.this.step, Position::units(15));
    assert_eq!(w.this.value, Some(3_000_00));
    assert_eq!(w.previous.value, Some(2_000_00));
}

#[test]
fn across_issues_the_money_values_are_compared() {
    let (mut n, pay, price, training) = negotiation();
    // €2,000 on payment, then €3,000 off the price: larger in money.
    add(&mut n, &draft(Side::Us, pay, "30", "40", 2));
    add(&mut n, &draft(Side::Us, price, "120000", "117000", 3));
    let w = ledger_flags(&n)[1].not_smaller.unwrap();
    assert_eq!(w.basis, Basis::Money);
    assert_eq!(w.this.value, Some(3_000_00));
    assert_eq!(w.previous.issue_id, pay);
    // €1,000 off the price after that: smaller in money and in the price's units.
    add(&mut n, &draft(Side::Us, price, "117000", "116000", 4));
    assert!(ledger_flags(&n)[2].smaller);
    // A concession without a money value is compared on its own issue only.
    let mut d = draft(Side::Us, training, "2", "3", 5);
    d.value = String::new();
    add(&mut n, &d);
    let f = ledger_flags(&n)[3];
    assert!(f.concession && f.not_smaller.is_none() && !f.smaller);
    // A typed value makes it comparable: €1,500 after the €1,000 is larger.
    let mut d = draft(Side::Us, training, "3", "3.5", 6);
    d.value = "1500".into();
    let (_, f) = preview(&n, &d, Slot::New).unwrap();
    assert_eq!(
        f.not_smaller, None,
        "the previous (no value) is not comparable in money"
    );
    assert!(
        f.smaller,
        "half a day after one day is smaller on the issue"
    );
}

#[test]
fn their_concessions_are_not_checked_nor_counted() {
    let (mut n, pay, _, _) = negotiation();
    add(&mut n, &draft(Side::Us, pay, "30", "35", 2));
    add(&mut n, &draft(Side::Them, pay, "90", "60", 3));
    add(&mut n, &draft(Side::Them, pay, "60", "30", 4));
    let flags = ledger_flags(&n);
    assert!(flags[1].concession && flags[1].not_smaller.is_none());
    assert!(flags[2].not_smaller.is_none() && !flags[2].nothing_in_return);
    // Our next concession compares with our own previous one (5 days), not theirs.
    let d = draft(Side::Us, pay, "35", "40", 5);
    let (_, f) = preview(&n, &d, Slot::New).unwrap();
    assert_eq!(f.not_smaller.unwrap().previous.step, Position::units(5));
}

#[test]
fn a_retraction_is_not_a_concession() {
    let (mut n, pay, _, _) = negotiation();
    add(&mut n, &draft(Side::Us, pay, "30", "40", 2));
    let mut d = draft(Side::Us, pay, "40", "20", 3);
    d.in_return = String::new();
    add(&mut n, &d);
    let f = ledger_flags(&n)[1];
    assert!(f.retraction && !f.concession);
    assert!(f.not_smaller.is_none() && !f.nothing_in_return);
    // The next concession still compares with the 10 days given before.
    add(&mut n, &draft(Side::Us, pay, "20", "30", 4));
    assert!(ledger_flags(&n)[2].not_smaller.is_some());
    assert_eq!(summary(&n).last_concession.unwrap().smaller, Some(false));
}

#[test]
fn a_concession_with_nothing_in_return_is_flagged() {
    let (mut n, pay, _, _) = negotiation();
    let mut d = draft(Side::Us, pay, "30", "40", 2);
    d.in_return = "   ".into();
    let (_, f) = preview(&n, &d, Slot::New).unwrap();
    assert!(f.nothing_in_return);
    add(&mut n, &d);
    assert!(ledger_flags(&n)[0].nothing_in_return);
    assert_eq!(n.rounds[0].in_return, "");
}

#[test]
fn past_the_bottom_line_is_refused_without_a_reason_and_kept_with_one() {
    let (mut n, pay, _, _) = negotiation();
    let mut d = draft(Side::Us, pay, "30", "65", 2);
    let errs = add_round(&mut n, &d, &[], day(TODAY)).unwrap_err();
    assert_eq!(
        keys(&errs),
        [("to", "negotiation_ledger.error.past_bottom")]
    );
    // The bottom line with its unit ("days"); in the negotiation's currency, as money.
    assert_eq!(errs[0].arg_value("bottom"), Some("60 days"));
    assert!(n.rounds.is_empty());
    d.override_reason = "Director approved: strategic account".into();
    let r = add(&mut n, &d);
    assert_eq!(r.override_reason, "Director approved: strategic account");
    assert!(ledger_flags(&n)[0].past_bottom);
    assert_eq!(check_ledger(&n), Ok(()));
    // A reason for an offer within the bottom line is not kept.
    let mut d = draft(Side::Them, pay, "90", "70", 3);
    d.override_reason = "not needed".into();
    assert_eq!(add(&mut n, &d).override_reason, "");
    // Their offer past our bottom line is theirs: not refused.
    add(&mut n, &draft(Side::Them, pay, "70", "62", 4));
    // A stored round past the bottom without its reason breaks the record rules.
    n.rounds[0].override_reason.clear();
    let e = check_ledger(&n).unwrap_err();
    assert_eq!(e.reason, "negotiation_ledger.rule.override_missing");
    assert_eq!(e.path, "rounds[0].override_reason");
}

#[test]
fn a_round_before_the_previous_one_is_refused() {
    let (mut n, pay, _, _) = negotiation();
    add(&mut n, &draft(Side::Us, pay, "30", "40", 5));
    let errs = add_round(
        &mut n,
        &draft(Side::Them, pay, "90", "80", 4),
        &[],
        day(TODAY),
    )
    .unwrap_err();
    assert_eq!(
        keys(&errs),
        [("on", "negotiation_ledger.error.before_previous")]
    );
    assert_eq!(errs[0].arg_value("previous"), Some("2026-03-05"));
    // The same day is fine.
    add(&mut n, &draft(Side::Them, pay, "90", "80", 5));
    // In a stored record too.
    n.rounds[1].on = day(1);
    let e = check_ledger(&n).unwrap_err();
    assert_eq!(e.reason, "negotiation_ledger.rule.before_previous");
    assert_eq!(e.path, "rounds[1].on");
}

#[test]
fn a_day_after_today_is_refused() {
    let (mut n, pay, _, _) = negotiation();
    let errs = add_round(
        &mut n,
        &draft(Side::Us, pay, "30", "40", TODAY + 1),
        &[],
        day(TODAY),
    )
    .unwrap_err();
    assert_eq!(keys(&errs), [("on", "negotiation_ledger.error.future")]);
    add(&mut n, &draft(Side::Us, pay, "30", "40", TODAY));
}

#[test]
fn an_issue_not_in_the_plan_is_refused() {
    let (mut n, _, _, _) = negotiation();
    let errs = add_round(
        &mut n,
        &draft(Side::Us, new_id(), "30", "40", 2),
        &[],
        day(TODAY),
    )
    .unwrap_err();
    assert_eq!(
        keys(&errs),
        [("issue", "negotiation_ledger.error.unknown_issue")]
    );
    let mut d = draft(Side::Us, new_id(), "30", "40", 2);
    d.issue_id = None;
    let errs = add_round(&mut n, &d, &[], day(TODAY)).unwrap_err();
    assert_eq!(keys(&errs), [("issue", "field.error.required")]);
    // A stored round whose issue is gone.
    let (mut n, pay, _, _) = negotiation();
    add(&mut n, &draft(Side::Us, pay, "30", "40", 2));
    n.plan.issues.retain(|i| i.id != pay);
    let e = check_ledger(&n).unwrap_err();
    assert_eq!(e.reason, "negotiation_ledger.rule.unknown_issue");
}

#[test]
fn bad_numbers_nothing_moved_and_bad_money_are_refused_at_their_field() {
    let (mut n, pay, _, training) = negotiation();
    let mut d = draft(Side::Us, pay, "thirty", "", 2);
    d.on = "31.02.2026".into();
    let errs = add_round(&mut n, &d, &[], day(TODAY)).unwrap_err();
    assert_eq!(
        keys(&errs),
        [
            ("on", "field.error.invalid_date"),
            ("from", "field.error.not_a_number"),
            ("to", "field.error.required"),
        ]
    );
    assert_eq!(errs[1].arg_value("value"), Some("thirty"));
    let errs = add_round(
        &mut n,
        &draft(Side::Us, pay, "30", "30.0", 2),
        &[],
        day(TODAY),
    )
    .unwrap_err();
    assert_eq!(
        keys(&errs),
        [("to", "negotiation_ledger.error.nothing_moved")]
    );
    let mut d = draft(Side::Us, training, "2", "3", 2);
    d.value = "a lot".into();
    let errs = add_round(&mut n, &d, &[], day(TODAY)).unwrap_err();
    assert_eq!(keys(&errs), [("value", "field.error.not_a_number")]);
    d.value = "12.3456".into();
    let errs = add_round(&mut n, &d, &[], day(TODAY)).unwrap_err();
    assert_eq!(keys(&errs), [("value", "field.error.too_many_decimals")]);
    let mut d = draft(Side::Us, pay, "30", "40", 2);
    d.proposal_version = Some(7);
    let errs = add_round(&mut n, &d, &[1, 2], day(TODAY)).unwrap_err();
    assert_eq!(
        keys(&errs),
        [("version", "negotiation_ledger.error.unknown_version")]
    );
    assert!(n.rounds.is_empty());
    // Nothing moved in a stored record.
    let mut ok = draft(Side::Us, pay, "30", "40", 2);
    ok.proposal_version = Some(2);
    add(&mut n, &ok);
    assert_eq!(n.rounds[0].proposal_version, Some(2));
    n.rounds[0].to = n.rounds[0].from;
    assert_eq!(
        check_ledger(&n).unwrap_err().reason,
        "negotiation_ledger.rule.nothing_moved"
    );
}

#[test]
fn the_value_is_computed_from_the_value_per_unit_rounded_half_away() {
    let (mut n, pay, _, training) = negotiation();
    let issue = n.issue(pay).unwrap().clone();
    assert_eq!(computed_value(&issue, Position::units(10)), Some(2_000_00));
    let mut odd = issue.clone();
    odd.value_per_unit = Some(3); // 3 cents a day
                                  // 0.5 day × 3 = 1.5 cents → 2; 0.1 day × 3 = 0.3 → 0; 0.167 × 3 = 0.501 → 1.
    assert_eq!(computed_value(&odd, Position(500)), Some(2));
    assert_eq!(computed_value(&odd, Position(100)), Some(0));
    assert_eq!(computed_value(&odd, Position(167)), Some(1));
    let mut none = issue;
    none.value_per_unit = None;
    assert_eq!(computed_value(&none, Position(1_000)), None);
    // A value typed for an issue with a value per unit is ignored; stored as computed.
    let mut d = draft(Side::Us, pay, "30", "32.5", 2);
    d.value = "99".into();
    let r = add(&mut n, &d);
    assert_eq!(r.value_minor, None);
    assert_eq!(round_value(&n, &r), Some(500_00));
    // Typed where there is none.
    let mut d = draft(Side::Us, training, "2", "3", 3);
    d.value = "1 250,50".into();
    let r = add(&mut n, &d);
    assert_eq!(round_value(&n, &r), Some(1_250_50));
}

#[test]
fn the_last_round_is_edited_and_a_deleted_round_comes_back() {
    let (mut n, pay, _, _) = negotiation();
    let a = add(&mut n, &draft(Side::Us, pay, "30", "40", 2));
    let b = add(&mut n, &draft(Side::Them, pay, "90", "80", 3));
    let da = RoundDraft::of(&n, &a);
    let errs = edit_last_round(&mut n, a.id, &da, &[], day(TODAY)).unwrap_err();
    assert_eq!(
        keys(&errs),
        [("round", "negotiation_ledger.error.not_last")]
    );
    let mut d = RoundDraft::of(&n, &b);
    d.to = "75".into();
    // The edited round is checked against the rounds before it, not itself.
    d.on = "2026-03-02".into();
    let edited = edit_last_round(&mut n, b.id, &d, &[], day(TODAY)).unwrap();
    assert_eq!(edited.id, b.id);
    assert_eq!(n.rounds[1].to, Position::units(75));
    assert_eq!(
        last_position(&n, pay, Side::Them, Slot::New),
        Some(Position::units(75))
    );
    assert_eq!(last_position(&n, pay, Side::Them, Slot::Last), None);
    assert_eq!(
        last_position(&n, pay, Side::Us, Slot::New),
        Some(Position::units(40))
    );
    let (at, gone) = remove_round(&mut n, a.id).unwrap();
    assert_eq!((at, n.rounds.len()), (0, 1));
    restore_round(&mut n, at, gone.clone()).unwrap();
    assert_eq!(n.rounds[0], gone);
    assert!(restore_round(&mut n, at, gone).is_err());
    assert_eq!(check_ledger(&n), Ok(()));
}

#[test]
fn the_chart_takes_the_busiest_issue() {
    let (mut n, pay, price, _) = negotiation();
    assert_eq!(busiest_issue(&n), Some(pay));
    add(&mut n, &draft(Side::Us, pay, "30", "40", 2));
    add(&mut n, &draft(Side::Us, price, "120000", "118000", 3));
    add(&mut n, &draft(Side::Them, price, "90000", "95000", 3));
    assert_eq!(busiest_issue(&n), Some(price));
    let on_price: Vec<usize> = rounds_on(&n, price).iter().map(|(k, _)| *k).collect();
    assert_eq!(on_price, [2, 3]);
}

#[test]
fn deadlocks_open_break_and_follow_their_rules() {
    let (mut n, pay, _, _) = negotiation();
    let today = day(TODAY);
    let errs = add_deadlock(&mut n, &DeadlockDraft::default(), today).unwrap_err();
    assert_eq!(
        keys(&errs),
        [
            ("dl_on", "field.error.required"),
            ("ours", "negotiation_ledger.deadlock.error.nothing_said"),
        ]
    );
    let bad_issue = DeadlockDraft {
        on: "2026-03-05".into(),
        issue_id: Some(new_id()),
        theirs: "Group policy is 60 days".into(),
        ..Default::default()
    };
    let errs = add_deadlock(&mut n, &bad_issue, today).unwrap_err();
    assert_eq!(
        keys(&errs),
        [("dl_issue", "negotiation_ledger.error.unknown_issue")]
    );
    let d = add_deadlock(
        &mut n,
        &DeadlockDraft {
            issue_id: Some(pay),
            ..bad_issue
        },
        today,
    )
    .unwrap();
    assert!(is_open(&d));
    assert_eq!(summary(&n).open_deadlocks, 1);
    // Broken: both how and when, not before it began, not in the future.
    let errs = break_deadlock(&mut n, d.id, &BreakDraft::default(), today).unwrap_err();
    assert_eq!(
        keys(&errs),
        [
            ("resolution", "field.error.required"),
            ("broken_on", "field.error.required"),
        ]
    );
    let early = BreakDraft {
        resolution: "45 days and a 2 % early-payment bonus".into(),
        broken_on: "2026-03-04".into(),
    };
    let errs = break_deadlock(&mut n, d.id, &early, today).unwrap_err();
    assert_eq!(
        keys(&errs),
        [(
            "broken_on",
            "negotiation_ledger.deadlock.error.before_start"
        )]
    );
    let late = BreakDraft {
        broken_on: "2026-03-21".into(),
        ..early.clone()
    };
    let errs = break_deadlock(&mut n, d.id, &late, today).unwrap_err();
    assert_eq!(
        keys(&errs),
        [("broken_on", "negotiation_ledger.error.future")]
    );
    assert!(is_open(&n.deadlocks[0]));
    let ok = BreakDraft {
        broken_on: "2026-03-05".into(),
        ..early
    };
    let b = break_deadlock(&mut n, d.id, &ok, today).unwrap();
    assert_eq!(b.broken_on, Some(day(5)));
    assert_eq!(summary(&n).open_deadlocks, 0);
    assert_eq!(check_ledger(&n), Ok(()));
    // The record rules: the day only with a resolution and back.
    n.deadlocks[0].resolution.clear();
    assert_eq!(
        check_ledger(&n).unwrap_err().reason,
        "negotiation_ledger.deadlock.rule.resolution_missing"
    );
    n.deadlocks[0].resolution = "Split".into();
    n.deadlocks[0].broken_on = None;
    assert_eq!(
        check_ledger(&n).unwrap_err().reason,
        "negotiation_ledger.deadlock.rule.date_missing"
    );
    n.deadlocks[0].broken_on = Some(day(1));
    assert_eq!(
        check_ledger(&n).unwrap_err().reason,
        "negotiation_ledger.deadlock.rule.before_start"
    );
    // Reopen; remove and undo.
    reopen_deadlock(&mut n, d.id).unwrap();
    assert!(is_open(&n.deadlocks[0]) && n.deadlocks[0].resolution.is_empty());
    let (at, gone) = remove_deadlock(&mut n, d.id).unwrap();
    assert!(n.deadlocks.is_empty());
    restore_deadlock(&mut n, at, gone).unwrap();
    assert_eq!(n.deadlocks.len(), 1);
    assert_eq!(check_ledger(&n), Ok(()));
}

/// Every message and label the ledger's rules and forms give is worded in every catalogue.
#[test]
fn every_key_is_worded_in_every_catalogue() {
    let mut keys: Vec<&str> = vec![
        label::ON,
        label::SIDE,
        label::ISSUE,
        label::FROM,
        label::TO,
        label::VALUE,
        label::IN_RETURN,
        label::VERSION,
        label::OVERRIDE,
        label::NOTE,
        label::ROUND,
        deadlock_label::ON,
        deadlock_label::ISSUE,
        deadlock_label::OURS,
        deadlock_label::THEIRS,
        deadlock_label::RESOLUTION,
        deadlock_label::BROKEN_ON,
        deadlock_label::DEADLOCK,
    ];
    keys.extend(GUIDANCE);
    let src = [include_str!("mod.rs"), include_str!("deadlock.rs")].concat();
    let mut rest = src.as_str();
    while let Some(at) = rest.find("\"negotiation_ledger.") {
        let tail = &rest[at + 1..];
        let end = tail.find('"').unwrap();
        keys.push(&tail[..end]);
        rest = &tail[end..];
    }
    for &locale in Locale::ALL {
        let cat = locale.catalogue();
        for k in &keys {
            assert!(cat.get(k).is_some(), "{}: {k}", locale.tag());
        }
    }
}

/// The schema 4 fixture's negotiation keeps to the rules.
#[test]
fn the_fixture_negotiation_keeps_the_rules() {
    let text = include_str!("../../../../tests/fixtures/schema_v4.json");
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    let n: Negotiation = serde_json::from_value(v["payload"]["negotiations"][0].clone()).unwrap();
    assert_eq!(check_ledger(&n), Ok(()));
    let flags = ledger_flags(&n);
    assert!(flags[0].concession && flags[1].concession);
}
