use super::*;
use crate::domain::deal::{Outcome, StepEventKind};
use crate::domain::money::{Currency, Money};
use crate::domain::rules::CheckContext;
use chrono::{TimeZone, Utc};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 10, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

fn eur() -> Currency {
    Currency::parse("EUR").unwrap()
}

fn deal_at(step: Step) -> Deal {
    let mut d = Deal::new(
        new_id(),
        "Two new lines",
        Money::new(10_000_000, eur()),
        now(),
    );
    d.step = step;
    d
}

fn negotiation(d: &Deal) -> Negotiation {
    Negotiation::new(d.id, eur(), now())
}

fn draft(label: &str, value: &str, money: &str) -> TermDraft {
    TermDraft {
        label: label.into(),
        value: value.into(),
        money: money.into(),
        agreed_on: "2026-05-20".into(),
        ..TermDraft::default()
    }
}

fn confirmed(mut t: TermDraft, on: &str) -> TermDraft {
    t.confirmed = true;
    t.who = "Lin Wei".into();
    t.how = ConfirmedBy::Email;
    t.confirmed_on = on.into();
    t
}

fn contract(number: &str, signed_on: &str) -> ContractDraft {
    ContractDraft {
        number: number.into(),
        signed_on: signed_on.into(),
        ..ContractDraft::default()
    }
}

fn words(c: &Contract, n: usize) -> String {
    format!(
        "Contract {} signed on {} ({n} terms confirmed)",
        c.number, c.signed_on
    )
}

/// A deal at step 5 with three terms: price (confirmed), payment (confirmed), delivery
/// (not confirmed).
fn three_terms() -> (Deal, Negotiation, Id) {
    let d = deal_at(Step::WinningCommitment);
    let mut n = negotiation(&d);
    let e = 2;
    add_term(
        &mut n,
        &confirmed(draft("Price", "EUR 118,000", "118000"), "2026-05-21"),
        e,
        today(),
    )
    .unwrap();
    add_term(
        &mut n,
        &confirmed(draft("Payment", "45 days net", ""), "2026-05-21"),
        e,
        today(),
    )
    .unwrap();
    let delivery = add_term(&mut n, &draft("Delivery", "By 30 June", "25"), e, today()).unwrap();
    (d, n, delivery)
}

#[test]
fn a_term_needs_a_label_a_value_and_a_day_agreed_not_in_the_future() {
    let d = deal_at(Step::WinningCommitment);
    let mut n = negotiation(&d);
    let bad = TermDraft {
        agreed_on: "2026-06-02".into(),
        money: "12,x".into(),
        ..TermDraft::default()
    };
    let errs = add_term(&mut n, &bad, 2, today()).unwrap_err();
    assert_eq!(
        errs,
        vec![
            AgreementError::LabelRequired,
            AgreementError::ValueRequired,
            AgreementError::MoneyInvalid("12,x".into()),
            AgreementError::AgreedInFuture,
        ]
    );
    assert!(n.agreement.terms.is_empty(), "nothing saved");
    let no_date = TermDraft {
        agreed_on: String::new(),
        ..draft("Price", "EUR 1", "")
    };
    assert_eq!(
        add_term(&mut n, &no_date, 2, today()).unwrap_err(),
        vec![AgreementError::AgreedOnRequired]
    );
    assert_eq!(
        AgreementError::LabelRequired.field(),
        "label",
        "the page puts it under the label"
    );
}

#[test]
fn a_confirmation_names_who_and_is_dated_between_the_day_agreed_and_today() {
    let d = deal_at(Step::WinningCommitment);
    let mut n = negotiation(&d);
    let mut t = confirmed(draft("Price", "EUR 1", ""), "2026-05-19");
    t.who = " ".into();
    assert_eq!(
        add_term(&mut n, &t, 2, today()).unwrap_err(),
        vec![
            AgreementError::WhoRequired,
            AgreementError::ConfirmedBeforeAgreed
        ]
    );
    let future = confirmed(draft("Price", "EUR 1", ""), "2026-06-02");
    assert_eq!(
        add_term(&mut n, &future, 2, today()).unwrap_err(),
        vec![AgreementError::ConfirmedInFuture]
    );
    let missing = confirmed(draft("Price", "EUR 1", ""), "");
    assert_eq!(
        add_term(&mut n, &missing, 2, today()).unwrap_err(),
        vec![AgreementError::ConfirmedOnRequired]
    );
    // The same day as agreed, and today, are both fine.
    add_term(
        &mut n,
        &confirmed(draft("A", "x", ""), "2026-05-20"),
        2,
        today(),
    )
    .unwrap();
    add_term(
        &mut n,
        &confirmed(draft("B", "y", ""), "2026-06-01"),
        2,
        today(),
    )
    .unwrap();
    let c = n.agreement.terms[1].confirmation.clone().unwrap();
    assert_eq!((c.who.as_str(), c.how), ("Lin Wei", ConfirmedBy::Email));
    assert!(check_agreement(&n).is_ok());
}

#[test]
fn editing_confirms_a_term_and_the_form_reads_a_stored_term_back() {
    let (_, mut n, delivery) = three_terms();
    let t = n.agreement.terms[2].clone();
    let mut form = TermDraft::from_term(&t, 2);
    assert_eq!(form.money, "25.00");
    assert!(!form.confirmed);
    form = confirmed(form, "2026-05-25");
    edit_term(&mut n, delivery, &form, 2, today()).unwrap();
    assert!(unconfirmed(&n).is_empty());
    assert_eq!(n.agreement.terms[2].value_minor, Some(2500));
    assert_eq!(
        edit_term(&mut n, new_id(), &form, 2, today()).unwrap_err(),
        vec![AgreementError::TermGone]
    );
}

#[test]
fn a_term_is_removed_and_restored_at_its_place() {
    let (_, mut n, _) = three_terms();
    let payment = n.agreement.terms[1].id;
    let (at, t) = remove_term(&mut n, payment).unwrap();
    assert_eq!(at, 1);
    assert_eq!(n.agreement.terms.len(), 2);
    restore_term(&mut n, at, t.clone());
    assert_eq!(n.agreement.terms[1].id, payment);
    restore_term(&mut n, at, t);
    assert_eq!(n.agreement.terms.len(), 3, "restored once");
}

#[test]
fn the_agreed_value_is_the_sum_of_the_terms_money_then_the_contract() {
    let (_, mut n, _) = three_terms();
    assert_eq!(terms_value(&n), Some(11_800_000 + 25_00));
    assert_eq!(agreed_value(&n), Some(11_802_500));
    n.agreement
        .terms
        .iter_mut()
        .for_each(|t| t.value_minor = None);
    assert_eq!(agreed_value(&n), None, "no term with a money value");
    n.agreement.contract = Some(Contract {
        number: "C-1".into(),
        signed_on: today(),
        value_minor: 99_00,
        terms: vec![],
        note: String::new(),
    });
    assert_eq!(
        agreed_value(&n),
        Some(99_00),
        "the contract is the authority"
    );
}

#[test]
fn signing_is_refused_while_a_term_is_unconfirmed_naming_it() {
    let (mut d, mut n, _) = three_terms();
    let (d0, n0) = (d.clone(), n.clone());
    let errs = sign(
        &mut n,
        &mut d,
        &contract("C-2026-014", "2026-06-01"),
        words,
        now(),
        today(),
    )
    .unwrap_err();
    assert_eq!(
        errs,
        vec![AgreementError::Unconfirmed(vec!["Delivery".into()])]
    );
    assert_eq!((d, n), (d0, n0), "nothing changed");
}

#[test]
fn signing_is_refused_without_a_number_or_with_a_future_date_or_no_terms() {
    let d0 = deal_at(Step::WinningCommitment);
    let (mut d, mut n) = (d0.clone(), negotiation(&d0));
    let errs = sign(
        &mut n,
        &mut d,
        &contract(" ", "2026-06-02"),
        words,
        now(),
        today(),
    )
    .unwrap_err();
    assert_eq!(
        errs,
        vec![
            AgreementError::NumberRequired,
            AgreementError::SignedInFuture,
            AgreementError::ContractValueRequired,
            AgreementError::NoTerms,
        ]
    );
    let errs = sign(&mut n, &mut d, &contract("C-1", ""), words, now(), today()).unwrap_err();
    assert!(errs.contains(&AgreementError::SignedOnRequired));
    let mut typed = contract("C-1", "2026-06-01");
    typed.value = "abc".into();
    let errs = sign(&mut n, &mut d, &typed, words, now(), today()).unwrap_err();
    assert!(errs.contains(&AgreementError::ContractValueInvalid("abc".into())));
    assert_eq!(d, d0);
}

#[test]
fn signing_wins_the_deal_at_the_agreed_value_with_the_contract_as_evidence() {
    let (mut d, mut n, delivery) = three_terms();
    let form = confirmed(TermDraft::from_term(&n.agreement.terms[2], 2), "2026-05-30");
    edit_term(&mut n, delivery, &form, 2, today()).unwrap();
    sign(
        &mut n,
        &mut d,
        &contract("C-2026-014", "2026-05-31"),
        words,
        now(),
        today(),
    )
    .unwrap();
    let c = n.agreement.contract.clone().unwrap();
    assert_eq!(c.number, "C-2026-014");
    assert_eq!(c.value_minor, 11_802_500, "prefilled with the terms' sum");
    assert_eq!(c.terms.len(), 3);
    assert_eq!(d.step, Step::FollowUpService);
    let on = NaiveDate::from_ymd_opt(2026, 5, 31).unwrap();
    assert_eq!(
        d.outcome,
        Outcome::Won {
            at: on,
            paid_on: None
        }
    );
    assert_eq!(d.value, Money::new(11_802_500, eur()));
    match &d.history.last().unwrap().kind {
        StepEventKind::Advance {
            signal_evidence,
            signal_date,
        } => {
            assert_eq!(
                signal_evidence,
                "Contract C-2026-014 signed on 2026-05-31 (3 terms confirmed)"
            );
            assert_eq!(*signal_date, on);
        }
        k => panic!("{k:?}"),
    }
    assert!(check_agreement(&n).is_ok());
    // Signed terms are part of the record.
    assert_eq!(
        remove_term(&mut n, delivery).unwrap_err(),
        AgreementError::TermSigned("C-2026-014".into())
    );
    assert_eq!(
        edit_term(&mut n, delivery, &form, 2, today()).unwrap_err(),
        vec![AgreementError::TermSigned("C-2026-014".into())]
    );
    // One contract per negotiation.
    let mut d2 = d.clone();
    assert_eq!(
        sign(
            &mut n,
            &mut d2,
            &contract("C-2", "2026-06-01"),
            words,
            now(),
            today()
        )
        .unwrap_err(),
        vec![AgreementError::AlreadySigned("C-2026-014".into())]
    );
}

#[test]
fn a_typed_contract_value_wins_over_the_sum() {
    let (mut d, mut n, delivery) = three_terms();
    let form = confirmed(TermDraft::from_term(&n.agreement.terms[2], 2), "2026-05-30");
    edit_term(&mut n, delivery, &form, 2, today()).unwrap();
    let mut c = contract("C-7", "2026-06-01");
    c.value = "117 500".into();
    sign(&mut n, &mut d, &c, words, now(), today()).unwrap();
    assert_eq!(d.value.minor, 11_750_000);
    assert_eq!(agreed_value(&n), Some(11_750_000));
}

#[test]
fn signing_needs_an_open_deal_in_step_five() {
    let (_, n0, delivery) = three_terms();
    let mut n1 = n0.clone();
    let form = confirmed(
        TermDraft::from_term(&n1.agreement.terms[2], 2),
        "2026-05-30",
    );
    edit_term(&mut n1, delivery, &form, 2, today()).unwrap();
    let mut early = deal_at(Step::PresentingValue);
    let mut n = n1.clone();
    n.deal_id = early.id;
    assert_eq!(
        sign(
            &mut n,
            &mut early,
            &contract("C-1", "2026-06-01"),
            words,
            now(),
            today()
        )
        .unwrap_err(),
        vec![AgreementError::NotInStepFive(Step::PresentingValue)]
    );
    let mut lost = deal_at(Step::WinningCommitment);
    lost.outcome = Outcome::Lost {
        at: today(),
        reason: "Price".into(),
    };
    let mut n = n1.clone();
    assert_eq!(
        sign(
            &mut n,
            &mut lost,
            &contract("C-1", "2026-06-01"),
            words,
            now(),
            today()
        )
        .unwrap_err(),
        vec![AgreementError::Deal(TransitionError::Closed)]
    );
}

#[test]
fn the_won_gate_refuses_while_a_term_is_unconfirmed() {
    let (d, mut n, delivery) = three_terms();
    assert_eq!(
        win_gate(&d, Some(&n)),
        Err(Unconfirmed(vec!["Delivery".into()]))
    );
    let e: TransitionError = Unconfirmed(vec!["Delivery".into()]).into();
    assert_eq!(e.key(), "deal.transition_error.terms_unconfirmed");
    // Another deal's negotiation says nothing about this one.
    let other = deal_at(Step::WinningCommitment);
    assert_eq!(win_gate(&other, Some(&n)), Ok(()));
    let form = confirmed(TermDraft::from_term(&n.agreement.terms[2], 2), "2026-05-30");
    edit_term(&mut n, delivery, &form, 2, today()).unwrap();
    assert_eq!(win_gate(&d, Some(&n)), Ok(()));
}

#[test]
fn a_simple_sale_wins_as_before() {
    let d = deal_at(Step::WinningCommitment);
    assert_eq!(win_gate(&d, None), Ok(()), "no negotiation");
    let n = negotiation(&d);
    assert_eq!(win_gate(&d, Some(&n)), Ok(()), "no terms");
}

#[test]
fn only_an_open_deal_entering_step_six_is_won_by_a_move() {
    let d = deal_at(Step::WinningCommitment);
    assert!(move_wins(&d, Step::FollowUpService));
    assert!(!move_wins(&d, Step::PresentingValue));
    assert!(move_wins(
        &deal_at(Step::DiscoverNeeds),
        Step::FollowUpService
    ));
    let mut won = deal_at(Step::FollowUpService);
    won.outcome = Outcome::Won {
        at: today(),
        paid_on: None,
    };
    assert!(!move_wins(&won, Step::FollowUpService));
}

#[test]
fn a_reopened_deal_keeps_its_contract_and_says_so() {
    let (mut d, mut n, delivery) = three_terms();
    let form = confirmed(TermDraft::from_term(&n.agreement.terms[2], 2), "2026-05-30");
    edit_term(&mut n, delivery, &form, 2, today()).unwrap();
    assert!(!reopened_after_signing(&n, &d));
    sign(
        &mut n,
        &mut d,
        &contract("C-9", "2026-06-01"),
        words,
        now(),
        today(),
    )
    .unwrap();
    assert!(!reopened_after_signing(&n, &d));
    deal::reopen(&mut d, "Customer asked for changes", now()).unwrap();
    assert!(reopened_after_signing(&n, &d));
    assert!(n.agreement.contract.is_some());
}

#[test]
fn the_record_rules_refuse_a_broken_agreement() {
    let (_, mut n, _) = three_terms();
    assert!(crate::domain::negotiation::check_record(&n, &CheckContext { now: now() }).is_ok());
    n.agreement.terms[0].confirmation.as_mut().unwrap().on =
        NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
    let e = check_agreement(&n).unwrap_err();
    assert_eq!(e.path, "agreement.terms[0].confirmation.on");
    let (_, mut n, _) = three_terms();
    n.agreement.terms[1].label = " ".into();
    assert_eq!(check_agreement(&n).unwrap_err().reason, "rule.required");
    let (_, mut n, _) = three_terms();
    n.agreement.contract = Some(Contract {
        number: "C-1".into(),
        signed_on: today(),
        value_minor: 1,
        terms: vec![new_id()],
        note: String::new(),
    });
    assert_eq!(
        check_agreement(&n).unwrap_err().path,
        "agreement.contract.terms"
    );
}

#[test]
fn every_message_key_is_in_every_catalogue() {
    use crate::domain::keys::Keyed;
    let mut keys = AgreementError::keys();
    keys.push(TransitionError::TermsUnconfirmed(vec![]).key());
    for &locale in crate::i18n::Locale::ALL {
        let cat = locale.catalogue();
        let missing: Vec<_> = keys.iter().filter(|k| cat.get(k).is_none()).collect();
        assert!(missing.is_empty(), "{missing:?}");
    }
}

#[test]
fn winning_another_way_takes_the_agreed_value() {
    let (d, mut n, _) = three_terms();
    assert_eq!(won_value(&d, Some(&n)), Some(Money::new(11_802_500, eur())));
    assert_eq!(won_value(&d, None), None, "a simple sale keeps its value");
    assert_eq!(won_value(&deal_at(Step::WinningCommitment), Some(&n)), None);
    n.agreement
        .terms
        .iter_mut()
        .for_each(|t| t.value_minor = None);
    assert_eq!(won_value(&d, Some(&n)), None, "no money value agreed");
}
