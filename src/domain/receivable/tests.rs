//! Native tests of the receivables rules: aging at every bucket boundary, the collection
//! matrix in each quadrant and at its thresholds, invoices and payments refused at the
//! field, the exit of step 6 only when paid, and the credit-check warning.

use super::aging::{self, AgingBucket};
use super::collection::collection_action;
use super::credit::{self, CreditDraft};
use super::invoice::{self, InvoiceDraft, PaymentDraft, StepDraft};
use super::*;
use crate::domain::deal::{self, Deal, Outcome, Step, TransitionError};
use crate::domain::fields::FieldProblem;
use crate::domain::ids::new_id;
use crate::domain::money::{Currency, Money};
use crate::domain::rules::CheckContext;
use chrono::{Duration, NaiveDate, TimeZone, Utc};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap()
}

fn eur() -> Currency {
    Currency::parse("EUR").unwrap()
}

fn invoice(amount: i64, due: NaiveDate) -> Invoice {
    Invoice::new(
        new_id(),
        new_id(),
        "INV-1",
        due - Duration::days(30),
        due,
        Money::new(amount, eur()),
        now(),
    )
}

fn won_deal() -> Deal {
    let mut deal = Deal::new(new_id(), "Line 4", Money::new(440_000, eur()), now());
    deal::skip_to(&mut deal, Step::FollowUpService, "signed on paper", now()).unwrap();
    deal
}

fn draft(number: &str, amount: &str) -> InvoiceDraft {
    InvoiceDraft {
        number: number.into(),
        issued_on: "2026-05-01".into(),
        due_on: "2026-05-31".into(),
        amount: amount.into(),
        note: String::new(),
    }
}

fn form_key(e: &crate::domain::fields::FieldError) -> &'static str {
    match e.problem {
        FieldProblem::Form(k) => k,
        p => p.key(),
    }
}

#[test]
fn aging_at_every_bucket_boundary() {
    let due = d(2026, 3, 1);
    let inv = invoice(10_000, due);
    let cases = [
        (0, AgingBucket::NotDue),
        (1, AgingBucket::Days1To30),
        (30, AgingBucket::Days1To30),
        (31, AgingBucket::Days31To60),
        (60, AgingBucket::Days31To60),
        (61, AgingBucket::Days61To90),
        (90, AgingBucket::Days61To90),
        (91, AgingBucket::Over90),
    ];
    for (days, want) in cases {
        let today = due + Duration::days(days);
        assert_eq!(aging::days_overdue(&inv, today), days, "{days} days");
        assert_eq!(aging::bucket(&inv, today), Some(want), "{days} days");
    }
    // Before the due date: not due, zero days.
    assert_eq!(aging::days_overdue(&inv, due - Duration::days(5)), 0);
    assert_eq!(
        aging::bucket(&inv, due - Duration::days(5)),
        Some(AgingBucket::NotDue)
    );
}

#[test]
fn a_paid_invoice_is_in_no_bucket() {
    let due = d(2026, 3, 1);
    let mut inv = invoice(10_000, due);
    inv.payments.push(Payment {
        id: new_id(),
        on: due,
        amount_minor: 10_000,
        note: String::new(),
    });
    let late = due + Duration::days(200);
    assert_eq!(aging::bucket(&inv, late), None);
    assert_eq!(aging::days_overdue(&inv, late), 0);
    let totals = aging::totals_by_bucket([&inv], late);
    assert!(totals.iter().all(|(_, t)| t.count == 0));
}

#[test]
fn totals_by_bucket_sum_what_is_outstanding_per_currency() {
    let today = d(2026, 6, 1);
    let mut a = invoice(100_000, today - Duration::days(10));
    a.payments.push(Payment {
        id: new_id(),
        on: today,
        amount_minor: 40_000,
        note: String::new(),
    });
    let b = invoice(50_000, today - Duration::days(20));
    let mut c = invoice(7_000, today - Duration::days(100));
    c.amount.currency = Currency::parse("USD").unwrap();
    let e = invoice(1_000, today + Duration::days(3));
    let all = [a, b, c, e];
    let totals = aging::totals_by_bucket(&all, today);
    let get = |b: AgingBucket| totals.iter().find(|(x, _)| *x == b).unwrap().1.clone();
    assert_eq!(get(AgingBucket::Days1To30).count, 2);
    assert_eq!(get(AgingBucket::Days1To30).by_currency[&eur()], 110_000);
    assert_eq!(
        get(AgingBucket::Over90).by_currency[&Currency::parse("USD").unwrap()],
        7_000
    );
    assert_eq!(get(AgingBucket::NotDue).count, 1);
    let overdue = aging::overdue_total(&totals);
    assert_eq!(overdue[&eur()], 110_000, "not due is not overdue");
    let order = aging::most_overdue_first(&all, today);
    assert_eq!(order[0].amount.minor, 7_000);
    assert_eq!(order.last().unwrap().amount.minor, 1_000);
}

#[test]
fn the_collection_matrix_in_each_quadrant() {
    let t = CollectionThresholds {
        large_units: 10_000,
        long_days: 30,
    };
    let small = Money::new(50_000, eur());
    let large = Money::new(5_000_000, eur());
    assert_eq!(
        collection_action(&small, 5, &t),
        Some(CollectionAction::FinanceCollects)
    );
    assert_eq!(
        collection_action(&small, 45, &t),
        Some(CollectionAction::Escalate)
    );
    assert_eq!(
        collection_action(&large, 5, &t),
        Some(CollectionAction::RepVisits)
    );
    assert_eq!(
        collection_action(&large, 45, &t),
        Some(CollectionAction::PaymentArrangement)
    );
    // Not overdue, or nothing owed: no collection.
    assert_eq!(collection_action(&large, 0, &t), None);
    assert_eq!(collection_action(&Money::new(0, eur()), 45, &t), None);
}

#[test]
fn the_collection_matrix_at_its_thresholds() {
    let t = CollectionThresholds {
        large_units: 10_000,
        long_days: 30,
    };
    // Exactly the large amount is large; a cent less is small.
    let at = Money::new(1_000_000, eur());
    let below = Money::new(1_000_000 - 1, eur());
    assert_eq!(
        collection_action(&at, 1, &t),
        Some(CollectionAction::RepVisits)
    );
    assert_eq!(
        collection_action(&below, 1, &t),
        Some(CollectionAction::FinanceCollects)
    );
    // Exactly the long days is still short; a day more is long.
    assert_eq!(
        collection_action(&below, 30, &t),
        Some(CollectionAction::FinanceCollects)
    );
    assert_eq!(
        collection_action(&below, 31, &t),
        Some(CollectionAction::Escalate)
    );
    assert_eq!(
        collection_action(&at, 30, &t),
        Some(CollectionAction::RepVisits)
    );
    assert_eq!(
        collection_action(&at, 31, &t),
        Some(CollectionAction::PaymentArrangement)
    );
    // A whole unit follows the currency: yen have no minor unit, dinars three.
    let jpy = Money::new(10_000, Currency::parse("JPY").unwrap());
    assert_eq!(
        collection_action(&jpy, 1, &t),
        Some(CollectionAction::RepVisits)
    );
    let kwd = Money::new(10_000_000 - 1, Currency::parse("KWD").unwrap());
    assert_eq!(
        collection_action(&kwd, 1, &t),
        Some(CollectionAction::FinanceCollects)
    );
}

#[test]
fn an_invoice_needs_a_number_an_amount_and_a_due_date_after_issue() {
    let deal = won_deal();
    let e = invoice::new_invoice(&deal, &draft("", ""), &eur(), &[], now()).unwrap_err();
    let keys: Vec<_> = e.iter().map(|e| (e.field, form_key(e))).collect();
    assert_eq!(
        keys,
        vec![
            ("number", "receivable.error.number_required"),
            ("amount", "receivable.error.amount_required"),
        ]
    );
    let e = invoice::new_invoice(&deal, &draft("INV-9", "0"), &eur(), &[], now()).unwrap_err();
    assert_eq!(form_key(&e[0]), "receivable.error.amount_zero");
    let e =
        invoice::new_invoice(&deal, &draft("INV-9", "12.3456"), &eur(), &[], now()).unwrap_err();
    assert_eq!(e[0].problem, FieldProblem::TooManyDecimals);
    let mut late = draft("INV-9", "100");
    late.due_on = "2026-04-30".into();
    let e = invoice::new_invoice(&deal, &late, &eur(), &[], now()).unwrap_err();
    assert_eq!(
        (e[0].field, form_key(&e[0])),
        ("due_on", "receivable.error.due_before_issue")
    );
    // The number is unique in the book, whatever its letter case.
    let taken = vec!["inv-9".to_string()];
    let e =
        invoice::new_invoice(&deal, &draft(" INV-9 ", "100"), &eur(), &taken, now()).unwrap_err();
    assert_eq!(form_key(&e[0]), "receivable.error.number_taken");
    let inv =
        invoice::new_invoice(&deal, &draft("INV-10", "4400.00"), &eur(), &taken, now()).unwrap();
    assert_eq!(inv.amount.minor, 440_000);
    assert_eq!((inv.deal_id, inv.account_id), (deal.id, deal.account_id));
    assert!(check_record(&inv, &CheckContext { now: now() }).is_ok());
}

#[test]
fn the_next_number_follows_the_highest() {
    assert_eq!(invoice::next_number(&[]), "INV-1");
    let book = vec![
        "INV-2026-009".to_string(),
        "INV-2026-010".to_string(),
        "X".to_string(),
    ];
    assert_eq!(invoice::next_number(&book), "INV-2026-011");
    assert_eq!(invoice::next_number(&["A99".to_string()]), "A100");
}

#[test]
fn payments_are_refused_when_too_large_early_or_in_the_future() {
    let deal = won_deal();
    let mut inv = invoice::new_invoice(&deal, &draft("INV-1", "1000"), &eur(), &[], now()).unwrap();
    let today = d(2026, 6, 1);
    let pay = |on: &str, amount: &str| PaymentDraft {
        on: on.into(),
        amount: amount.into(),
        note: String::new(),
    };
    invoice::add_payment(&mut inv, &pay("2026-05-10", "400"), today).unwrap();
    let e = invoice::add_payment(&mut inv, &pay("2026-05-11", "600.01"), today).unwrap_err();
    assert_eq!(
        (e[0].field, form_key(&e[0])),
        ("payment", "receivable.error.overpaid")
    );
    assert_eq!(e[0].arg_value("outstanding"), Some("600.00 EUR"));
    // Kept as money too, for the page to write in the rep's language: what was typed as
    // well ("600.01", not "600.01" as typed next to "€600.00").
    assert_eq!(e[0].arg_value("value"), Some("600.01 EUR"));
    let money = |minor| crate::domain::money::Money::new(minor, inv.amount.currency.clone());
    assert_eq!(
        e[0].amounts,
        vec![("value", money(60_001)), ("outstanding", money(60_000))]
    );
    let e = invoice::add_payment(&mut inv, &pay("2026-04-30", "10"), today).unwrap_err();
    assert_eq!(form_key(&e[0]), "receivable.error.paid_before_issue");
    let e = invoice::add_payment(&mut inv, &pay("2026-06-02", "10"), today).unwrap_err();
    assert_eq!(form_key(&e[0]), "receivable.error.paid_in_future");
    let e = invoice::add_payment(&mut inv, &pay("2026-05-12", ""), today).unwrap_err();
    assert_eq!(form_key(&e[0]), "receivable.error.amount_required");
    assert_eq!(inv.payments.len(), 1, "nothing refused was kept");
    let id = invoice::add_payment(&mut inv, &pay("2026-05-12", "600"), today).unwrap();
    assert!(inv.is_paid());
    // Removing a payment keeps it for the Undo.
    let (at, p) = invoice::remove_payment(&mut inv, id).unwrap();
    assert!(!inv.is_paid());
    assert!(invoice::restore_payment(&mut inv, at, p));
    assert!(inv.is_paid());
}

#[test]
fn an_edit_keeps_the_amount_above_what_was_paid() {
    let deal = won_deal();
    let mut inv = invoice::new_invoice(&deal, &draft("INV-1", "1000"), &eur(), &[], now()).unwrap();
    let p = PaymentDraft {
        on: "2026-05-10".into(),
        amount: "400".into(),
        note: String::new(),
    };
    invoice::add_payment(&mut inv, &p, d(2026, 6, 1)).unwrap();
    let e = invoice::edit_invoice(&mut inv, &draft("INV-1", "300"), &[]).unwrap_err();
    assert_eq!(form_key(&e[0]), "receivable.error.amount_below_paid");
    let mut later = draft("INV-1", "1000");
    later.issued_on = "2026-05-20".into();
    let e = invoice::edit_invoice(&mut inv, &later, &[]).unwrap_err();
    assert_eq!(form_key(&e[0]), "receivable.error.issue_after_payment");
    invoice::edit_invoice(&mut inv, &draft("INV-1b", "900"), &[]).unwrap();
    assert_eq!(
        (
            inv.number.as_str(),
            inv.amount.minor,
            inv.outstanding_minor()
        ),
        ("INV-1b", 90_000, 50_000)
    );
}

#[test]
fn collection_steps_and_the_late_cause() {
    let deal = won_deal();
    let mut inv = invoice::new_invoice(&deal, &draft("INV-1", "1000"), &eur(), &[], now()).unwrap();
    invoice::set_late_cause(&mut inv, Some(LateCause::OurFault));
    assert_eq!(inv.late_cause, Some(LateCause::OurFault));
    invoice::set_late_cause(&mut inv, None);
    assert_eq!(inv.late_cause, None);
    let step = |on: &str| StepDraft {
        on: on.into(),
        action: CollectionAction::RepVisits,
        note: "Visit with the acceptance report".into(),
    };
    let today = d(2026, 6, 15);
    let e = invoice::log_step(&mut inv, &step("2026-06-16"), today).unwrap_err();
    assert_eq!(form_key(&e[0]), "receivable.error.step_in_future");
    let e = invoice::log_step(&mut inv, &step("2026-04-01"), today).unwrap_err();
    assert_eq!(form_key(&e[0]), "receivable.error.step_before_issue");
    let id = invoice::log_step(&mut inv, &step("2026-06-10"), today).unwrap();
    assert_eq!(inv.collection.len(), 1);
    assert!(invoice::remove_step(&mut inv, id).is_some());
}

#[test]
fn step_six_is_left_only_when_every_invoice_is_paid() {
    let mut deal = won_deal();
    // No invoice: the rep confirms by hand.
    assert_eq!(invoice::exit_gate(&deal, &[]), Ok(()));
    let mut a = invoice::new_invoice(&deal, &draft("INV-1", "100"), &eur(), &[], now()).unwrap();
    let b = invoice::new_invoice(&deal, &draft("INV-2", "200"), &eur(), &[], now()).unwrap();
    let other = invoice(5_000, d(2026, 5, 1));
    let e = invoice::exit_gate(&deal, &[a.clone(), b.clone(), other.clone()]).unwrap_err();
    assert_eq!(e.0, vec!["INV-1".to_string(), "INV-2".to_string()]);
    assert_eq!(
        TransitionError::from(e.clone()).key(),
        "receivable.error.invoices_unpaid"
    );
    // A payment that leaves another invoice unpaid does not finish the deal.
    let today = d(2026, 6, 1);
    let pay = |amount: &str| PaymentDraft {
        on: "2026-05-20".into(),
        amount: amount.into(),
        note: String::new(),
    };
    invoice::add_payment(&mut a, &pay("100"), today).unwrap();
    let all = [a.clone(), b.clone()];
    assert_eq!(
        invoice::finish_when_paid(&mut deal, &all, "paid", d(2026, 5, 20), now()),
        Ok(false)
    );
    assert!(!invoice::is_finished(&deal));
    // The payment of the last one does, dated that day.
    let mut b = b;
    invoice::add_payment(&mut b, &pay("200"), today).unwrap();
    let all = [a, b];
    assert_eq!(invoice::exit_gate(&deal, &all), Ok(()));
    assert_eq!(
        invoice::finish_when_paid(&mut deal, &all, "Invoice INV-2 paid", d(2026, 5, 20), now()),
        Ok(true)
    );
    assert!(matches!(
        deal.outcome,
        Outcome::Won {
            paid_on: Some(p),
            ..
        } if p == d(2026, 5, 20)
    ));
    // Once finished nothing finishes it again.
    assert_eq!(
        invoice::finish_when_paid(&mut deal, &all, "again", d(2026, 5, 21), now()),
        Ok(false)
    );
    assert!(!invoice::move_finishes(&deal, Step::FollowUpService));
}

#[test]
fn an_open_deal_is_not_finished_by_payments() {
    let mut deal = Deal::new(new_id(), "Open", Money::new(1, eur()), now());
    let mut a = invoice::new_invoice(&deal, &draft("INV-1", "1"), &eur(), &[], now()).unwrap();
    a.payments.push(Payment {
        id: new_id(),
        on: d(2026, 5, 2),
        amount_minor: 100,
        note: String::new(),
    });
    assert_eq!(
        invoice::finish_when_paid(&mut deal, &[a], "x", d(2026, 5, 2), now()),
        Ok(false)
    );
    assert!(deal.is_open());
}

#[test]
fn credit_checks_and_the_step_five_warning() {
    let today = d(2026, 6, 1);
    let mut draft = CreditDraft {
        checked_on: "2026-06-02".into(),
        licence_checked: true,
        history: "Paid two suppliers on time".into(),
        outcome: CreditOutcome::Sound,
        by: "Ana".into(),
        notes: String::new(),
    };
    let account = new_id();
    let e = credit::new_check(account, &draft, today, now()).unwrap_err();
    assert_eq!(form_key(&e[0]), "receivable.error.checked_in_future");
    draft.by = "x".repeat(201);
    draft.checked_on = "2026-05-30".into();
    let e = credit::new_check(account, &draft, today, now()).unwrap_err();
    assert_eq!(
        (e[0].field, form_key(&e[0])),
        ("by", "receivable.error.too_long")
    );
    draft.by = "Ana".into();
    let check = credit::new_check(account, &draft, today, now()).unwrap();
    assert!(check_credit(&check, &CheckContext { now: now() }).is_ok());

    let mut deal = Deal::new(account, "Line 4", Money::new(1, eur()), now());
    assert!(!credit::needs_credit_check(&[], &deal), "step 1: not yet");
    deal::skip_to(&mut deal, Step::WinningCommitment, "fast", now()).unwrap();
    assert!(credit::needs_credit_check(&[], &deal));
    let elsewhere = credit::new_check(new_id(), &draft, today, now()).unwrap();
    assert!(credit::needs_credit_check(&[elsewhere], &deal));
    assert!(!credit::needs_credit_check(
        std::slice::from_ref(&check),
        &deal
    ));
    deal::skip_to(&mut deal, Step::FollowUpService, "won", now()).unwrap();
    assert!(credit::needs_credit_check(&[], &deal), "won too");
}

#[test]
fn record_rules_refuse_what_the_forms_refuse() {
    let ctx = CheckContext { now: now() };
    let deal = won_deal();
    let good = invoice::new_invoice(&deal, &draft("INV-1", "100"), &eur(), &[], now()).unwrap();
    assert!(check_record(&good, &ctx).is_ok());
    let mut bad = good.clone();
    bad.amount.minor = 0;
    assert_eq!(
        check_record(&bad, &ctx).unwrap_err().reason,
        "receivable.rule.amount_not_positive"
    );
    let mut bad = good.clone();
    bad.number = " ".into();
    assert_eq!(
        check_record(&bad, &ctx).unwrap_err().reason,
        "rule.required"
    );
    let mut bad = good.clone();
    bad.due_on = bad.issued_on - Duration::days(1);
    assert_eq!(
        check_record(&bad, &ctx).unwrap_err().reason,
        "receivable.rule.due_before_issue"
    );
    let mut bad = good.clone();
    bad.payments.push(Payment {
        id: new_id(),
        on: bad.issued_on - Duration::days(1),
        amount_minor: 10,
        note: String::new(),
    });
    assert_eq!(check_record(&bad, &ctx).unwrap_err().path, "payments[0].on");
    let mut bad = good.clone();
    bad.payments.push(Payment {
        id: new_id(),
        on: bad.issued_on,
        amount_minor: 10_001,
        note: String::new(),
    });
    assert_eq!(
        check_record(&bad, &ctx).unwrap_err().reason,
        "receivable.rule.overpaid"
    );
}

#[test]
fn invoices_over_the_deal_value_are_found_in_its_currency_only() {
    let value = Money::new(440_000, eur());
    let due = d(2026, 6, 30);
    let first = invoice(300_000, due);
    let mut usd = invoice(900_000, due);
    usd.amount = Money::new(900_000, Currency::parse("USD").unwrap());
    assert_eq!(
        invoice::total_over_value(&value, [&first, &usd], 140_000),
        None
    );
    assert_eq!(
        invoice::total_over_value(&value, [&first, &usd], 140_001),
        Some(440_001)
    );
    assert_eq!(
        invoice::total_over_value(&value, [], 990_000),
        Some(990_000)
    );
    assert_eq!(invoice::total_over_value(&value, [&first], i64::MAX), None);
}
