use super::*;
use crate::domain::deal::{advance, mark_lost, skip_to, NextStep};
use crate::domain::ids::new_id;
use chrono::{Duration, TimeZone};

#[test]
fn the_board_filters_set_are_counted() {
    assert_eq!(BoardFilter::<u8>::default().narrowing(), 0);
    let two = BoardFilter {
        owner: Some("Marta".into()),
        grade: None::<u8>,
        close_month: YearMonth::new(2027, 3),
    };
    assert_eq!(two.narrowing(), 2);
}

fn t(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap()
}

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
}

fn cur(code: &str) -> Currency {
    Currency::parse(code).unwrap()
}

fn deal_in(step: Step, minor: i64, code: &str) -> Deal {
    let mut deal = Deal::new(new_id(), "deal", Money::new(minor, cur(code)), t(1, 9));
    if step != Step::CustomerAnalysis {
        skip_to(&mut deal, step, "test", t(1, 9)).unwrap();
    }
    deal
}

fn totals(pairs: &[(&str, i64)]) -> CurrencyTotals {
    pairs.iter().map(|(c, m)| (cur(c), *m)).collect()
}

#[test]
fn weighted_rounds_half_away_from_zero() {
    assert_eq!(weighted_minor(1_000, 35), 350);
    assert_eq!(weighted_minor(1, 50), 1); // 0.5 → 1
    assert_eq!(weighted_minor(1, 49), 0); // 0.49 → 0
    assert_eq!(weighted_minor(3, 55), 2); // 1.65 → 2
    assert_eq!(weighted_minor(5, 10), 1); // 0.5 → 1
    assert_eq!(weighted_minor(-5, 10), -1); // -0.5 → -1
    assert_eq!(weighted_minor(999, 100), 999);
    assert_eq!(weighted_minor(i64::MAX, 100), i64::MAX);
    assert_eq!(
        weighted_minor(i64::MAX, 200),
        i64::MAX,
        "percent is capped at 100"
    );
}

#[test]
fn open_pipeline_sums_per_step_and_currency_with_per_deal_rounding() {
    let mut overridden = deal_in(Step::DiscoverNeeds, 1_001, "EUR");
    overridden.probability_override = Some(50); // 500.5 → 501
    let mut lost = deal_in(Step::DiscoverNeeds, 9_999, "EUR");
    mark_lost(&mut lost, d(2), "price").unwrap();
    let deals = vec![
        deal_in(Step::CustomerAnalysis, 1_005, "EUR"), // 10 %: 100.5 → 101
        deal_in(Step::CustomerAnalysis, 1_005, "EUR"), // 101 again: per-deal rounding
        deal_in(Step::CustomerAnalysis, 500, "USD"),   // 50
        deal_in(Step::DiscoverNeeds, 3, "EUR"),        // 35 %: 1.05 → 1
        overridden,
        lost,
        deal_in(Step::FollowUpService, 7_000, "EUR"), // won: not in the open pipeline
    ];
    let by = open_by_step(&deals);
    assert_eq!(by.len(), 6);
    let s1 = &by[0].totals;
    assert_eq!(s1.count, 3);
    assert_eq!(s1.value, totals(&[("EUR", 2_010), ("USD", 500)]));
    assert_eq!(s1.weighted, totals(&[("EUR", 202), ("USD", 50)]));
    let s3 = &by[2].totals;
    assert_eq!(by[2].step, Step::DiscoverNeeds);
    assert_eq!(s3.count, 2);
    assert_eq!(s3.value, totals(&[("EUR", 1_004)]));
    assert_eq!(s3.weighted, totals(&[("EUR", 502)]));
    assert_eq!(by[5].totals, Totals::default());
    let all = open_total(&deals);
    assert_eq!(all.count, 5);
    assert_eq!(all.weighted, totals(&[("EUR", 704), ("USD", 50)]));
}

#[test]
fn next_steps_missing_or_overdue() {
    let mut a = deal_in(Step::BuildingTrust, 1, "EUR");
    let mut b = deal_in(Step::BuildingTrust, 1, "EUR");
    let mut c = deal_in(Step::BuildingTrust, 1, "EUR");
    let mut e = deal_in(Step::BuildingTrust, 1, "EUR");
    let mut lost = deal_in(Step::BuildingTrust, 1, "EUR");
    a.next_step = None;
    b.next_step = Some(NextStep {
        text: "x".into(),
        due: d(10),
    }); // due today
    c.next_step = Some(NextStep {
        text: "x".into(),
        due: d(9),
    });
    e.next_step = Some(NextStep {
        text: "x".into(),
        due: d(3),
    });
    mark_lost(&mut lost, d(2), "gone").unwrap();
    let deals = vec![a.clone(), b, c.clone(), e.clone(), lost];
    let got: Vec<_> = next_step_attention(&deals, d(10))
        .into_iter()
        .map(|x| (x.deal.id, x.issue))
        .collect();
    assert_eq!(
        got,
        vec![
            (a.id, NextStepIssue::Missing),
            (
                e.id,
                NextStepIssue::Overdue {
                    due: d(3),
                    days_late: 7
                }
            ),
            (
                c.id,
                NextStepIssue::Overdue {
                    due: d(9),
                    days_late: 1
                }
            ),
        ]
    );
}

#[test]
fn stuck_means_longer_than_the_threshold() {
    let entered = t(1, 9);
    let mut deal = deal_in(Step::CustomerAnalysis, 1, "EUR");
    deal.step_entered_at = entered;
    let deals = vec![deal];
    let exactly = entered + Duration::days(14);
    assert!(
        stuck(&deals, exactly, 14).is_empty(),
        "at the boundary: not stuck"
    );
    // 14 days and some hours is still 14 whole days: the card says "more than 14 days".
    let just_after = exactly + Duration::hours(23);
    assert!(stuck(&deals, just_after, 14).is_empty());
    let s = stuck(&deals, exactly + Duration::days(1), 14);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].days_in_step, 15);
    assert_eq!(
        stuck(&deals, entered + Duration::days(20), 14)[0].days_in_step,
        20
    );
}

#[test]
fn a_step_move_restarts_the_stuck_clock() {
    let mut deal = deal_in(Step::CustomerAnalysis, 1, "EUR");
    for q in crate::domain::qualification::QualifyingQuestion::ALL {
        deal.qualification.answer(
            *q,
            Some(crate::domain::qualification::Answer::Yes),
            "",
            t(1, 9),
        );
    }
    advance(&mut deal, "opportunity", d(20), t(20, 9)).unwrap();
    let deals = vec![deal];
    assert!(stuck(&deals, t(25, 9), 7).is_empty());
    assert_eq!(stuck(&deals, t(28, 10), 7).len(), 1);
    let mut lost = deals[0].clone();
    mark_lost(&mut lost, d(28), "x").unwrap();
    assert!(
        stuck(&[lost], t(31, 9), 7).is_empty(),
        "closed deals are not stuck"
    );
    // A won deal in follow-up service, not yet paid, is on the board but not stuck.
    let mut won = deals[0].clone();
    won.outcome = crate::domain::deal::Outcome::Won {
        at: d(28),
        paid_on: None,
    };
    assert!(won.is_active());
    assert!(
        stuck(&[won], t(31, 9), 1).is_empty(),
        "a won deal is not stuck"
    );
}

#[test]
fn won_and_lost_in_a_month() {
    let mut won = deal_in(Step::WinningCommitment, 10_000, "EUR");
    advance(&mut won, "contract signed", d(5), t(6, 9)).unwrap();
    let mut lost = deal_in(Step::DiscoverNeeds, 2_000, "USD");
    mark_lost(&mut lost, d(31), "budget cut").unwrap();
    let mut lost_feb = deal_in(Step::DiscoverNeeds, 2_000, "USD");
    mark_lost(
        &mut lost_feb,
        NaiveDate::from_ymd_opt(2026, 2, 28).unwrap(),
        "x",
    )
    .unwrap();
    let deals = vec![won, lost, lost_feb, deal_in(Step::BuildingTrust, 5, "EUR")];
    let r = results_in_month(&deals, YearMonth::new(2026, 3).unwrap());
    assert_eq!(r.won.count, 1);
    assert_eq!(r.won.value, totals(&[("EUR", 10_000)]));
    assert_eq!(r.lost.count, 1);
    assert_eq!(r.lost.value, totals(&[("USD", 2_000)]));
    assert_eq!(r.declined, CountValue::default());
    assert_eq!(YearMonth::new(2026, 13), None);
}

#[test]
fn new_customer_share_against_the_target() {
    let won = |minor: i64, code: &str, day: u32| {
        let mut deal = deal_in(Step::WinningCommitment, minor, code);
        advance(&mut deal, "signed", d(day), t(day, 12)).unwrap();
        deal
    };
    let new1 = won(3_000, "EUR", 2);
    let old1 = won(7_000, "EUR", 3);
    let new_usd = won(100, "USD", 4);
    let outside = won(50_000, "EUR", 20);
    let open = deal_in(Step::PresentingValue, 90_000, "EUR");
    let new_accounts: BTreeSet<Id> = [new1.account_id, new_usd.account_id, open.account_id]
        .into_iter()
        .collect();
    let deals = vec![new1, old1, new_usd, outside, open];
    let r = new_customer_share_by_accounts(&deals, d(1), d(10), 3_000, &new_accounts);
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].currency, cur("EUR"));
    assert_eq!((r[0].won, r[0].won_new), (10_000, 3_000));
    assert_eq!(r[0].share_bp, Some(3_000));
    assert!(r[0].met, "exactly on target is met");
    assert_eq!(r[1].share_bp, Some(10_000));
    assert!(r[1].met);
    let above = new_customer_share_by_accounts(&deals, d(1), d(10), 3_001, &new_accounts);
    assert!(!above[0].met);

    // Rounded-down share, exact comparison: 1/3 = 3333.33… bp.
    let thirds = vec![won(1, "EUR", 2), won(2, "EUR", 2)];
    let first = thirds[0].id;
    let r = new_customer_share(&thirds, d(1), d(10), 3_333, |deal| deal.id == first);
    assert_eq!(r[0].share_bp, Some(3_333));
    assert!(r[0].met);
    let r = new_customer_share(&thirds, d(1), d(10), 3_334, |deal| deal.id == first);
    assert_eq!(r[0].share_bp, Some(3_333));
    assert!(!r[0].met);

    assert!(new_customer_share(&[], d(1), d(10), 3_000, |_| true).is_empty());
}

#[test]
fn board_groups_active_deals_by_step_with_filters() {
    let mut a = deal_in(Step::BuildingTrust, 1_000, "EUR");
    a.owner = "Ana López".into();
    a.title = "b".into();
    a.expected_close = Some(d(20));
    let mut b = deal_in(Step::BuildingTrust, 2_000, "EUR");
    b.owner = "Ben".into();
    b.title = "a".into();
    let mut c = deal_in(Step::BuildingTrust, 500, "EUR");
    c.owner = "ana lopez".into();
    c.title = "c".into();
    c.expected_close = Some(d(5));
    let won = deal_in(Step::FollowUpService, 4_000, "EUR");
    let mut lost = deal_in(Step::BuildingTrust, 9, "EUR");
    mark_lost(&mut lost, d(2), "x").unwrap();
    let grade_a = a.account_id;
    let deals = vec![a.clone(), b.clone(), c.clone(), won.clone(), lost];
    let grade_of = |id: Id| Some(if id == grade_a { 'A' } else { 'B' });

    let cols = board(&deals, &BoardFilter::default(), grade_of);
    assert_eq!(cols.len(), 6);
    let ids: Vec<_> = cols[1].deals.iter().map(|x| x.id).collect();
    assert_eq!(ids, vec![c.id, a.id, b.id], "by close date, undated last");
    assert_eq!(cols[1].totals.value, totals(&[("EUR", 3_500)]));
    assert_eq!(cols[1].totals.weighted, totals(&[("EUR", 700)]));
    assert_eq!(
        cols[5].deals.len(),
        1,
        "won, not yet paid: still worked in step 6"
    );
    assert_eq!(cols[5].totals.weighted, totals(&[("EUR", 4_000)]));

    let by_owner = BoardFilter::<char> {
        owner: Some("ANA LOPEZ".into()),
        ..Default::default()
    };
    assert_eq!(board(&deals, &by_owner, grade_of)[1].deals.len(), 2);
    let by_grade = BoardFilter {
        grade: Some('A'),
        ..Default::default()
    };
    assert_eq!(board(&deals, &by_grade, grade_of)[1].deals, vec![&a]);
    let by_month = BoardFilter::<char> {
        close_month: YearMonth::new(2026, 3),
        ..Default::default()
    };
    let cols = board(&deals, &by_month, grade_of);
    assert_eq!(cols[1].deals.len(), 2);
    assert!(cols[5].deals.is_empty());

    assert_eq!(
        owners(&deals),
        vec!["Ana López".to_string(), "Ben".to_string()]
    );
    assert_eq!(close_months(&deals), vec![YearMonth::new(2026, 3).unwrap()]);
}

#[test]
fn new_customer_means_not_yet_a_customer_when_won() {
    let won = NaiveDate::from_ymd_opt(2026, 5, 10).unwrap();
    assert!(was_new_customer(None, won));
    assert!(was_new_customer(Some(won), won));
    assert!(was_new_customer(NaiveDate::from_ymd_opt(2026, 6, 1), won));
    assert!(!was_new_customer(NaiveDate::from_ymd_opt(2025, 1, 1), won));
}

#[test]
fn year_to_date_starts_on_the_first_of_january() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
    assert_eq!(
        year_to_date(today),
        (NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), today)
    );
}

#[test]
fn main_currency_is_the_largest_total() {
    let eur = Currency::default();
    let usd = Currency::parse("USD").unwrap();
    let mut a = CurrencyTotals::new();
    add_to(&mut a, &eur, 500);
    let mut b = CurrencyTotals::new();
    add_to(&mut b, &usd, 400);
    add_to(&mut b, &eur, 100);
    assert_eq!(main_currency([&a, &b]), Some(eur.clone()));
    add_to(&mut b, &usd, 300);
    assert_eq!(main_currency([&a, &b]), Some(usd));
    assert_eq!(main_currency([&CurrencyTotals::new()]), None);
}

#[test]
fn percentages_round_trip_through_basis_points() {
    assert_eq!(bp_to_percent_text(3000), "30");
    assert_eq!(bp_to_percent_text(1250), "12.5");
    assert_eq!(bp_to_percent_text(333), "3.33");
    assert_eq!(parse_percent_bp("30"), Some(3000));
    assert_eq!(parse_percent_bp(" 12,5 % "), Some(1250));
    assert_eq!(parse_percent_bp("7.25"), Some(725));
    assert_eq!(parse_percent_bp("100"), Some(10_000));
    assert_eq!(parse_percent_bp("100.01"), None);
    assert_eq!(parse_percent_bp("1.234"), None);
    assert_eq!(parse_percent_bp("-5"), None);
    assert_eq!(parse_percent_bp(""), None);
    assert_eq!(parse_percent_bp("abc"), None);
}
