use super::*;
use crate::domain::fields::FieldProblem;
use chrono::FixedOffset;

fn eur() -> Currency {
    Currency::parse("EUR").unwrap()
}
fn money(s: &str, c: &str) -> Money {
    Money::parse(s, Currency::parse(c).unwrap()).unwrap()
}
fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}
fn draft(kind: ActivityKind) -> ActivityDraft {
    let mut d = ActivityDraft::new(kind, utc(2026, 3, 10, 9, 30), &Utc, eur());
    d.contact_ids = vec![new_id()];
    d
}
fn activity(kind: ActivityKind, at: DateTime<Utc>, contacts: Vec<Id>) -> Activity {
    let mut d = draft(kind);
    d.contact_ids = contacts;
    d.account_id = Some(new_id());
    let mut f = d.validate(&Utc).unwrap();
    f.at = at;
    Activity::new(f, at)
}

#[test]
fn every_issue_kind_exists_with_its_stage() {
    use RelationshipStage::*;
    assert_eq!(ActivityKind::ALL.len(), 15);
    let stage = |k: ActivityKind| k.typical_stage();
    assert_eq!(stage(ActivityKind::PhoneCall), Some(Acquaintance));
    assert_eq!(stage(ActivityKind::SmallGift), Some(Acquaintance));
    assert_eq!(stage(ActivityKind::BusinessMeal), Some(Dating));
    assert_eq!(stage(ActivityKind::TechnicalExchange), Some(Dating));
    assert_eq!(stage(ActivityKind::ValuableGift), Some(Trust));
    assert_eq!(stage(ActivityKind::OffSiteTrip), Some(Trust));
    assert_eq!(
        stage(ActivityKind::IntroductionToColleagues),
        Some(Alliance)
    );
    assert_eq!(stage(ActivityKind::Email), None);
    let gifts: Vec<_> = ActivityKind::ALL.iter().filter(|k| k.is_gift()).collect();
    assert_eq!(
        gifts,
        vec![&ActivityKind::SmallGift, &ActivityKind::ValuableGift]
    );
}

#[test]
fn kinds_serialise_as_their_key_suffix() {
    for k in ActivityKind::ALL {
        let json = serde_json::to_string(k).unwrap();
        assert_eq!(format!("activity.kind.{}", json.trim_matches('"')), k.key());
    }
}

#[test]
fn a_valid_draft_becomes_an_activity_in_utc() {
    let plus2 = FixedOffset::east_opt(2 * 3600).unwrap();
    let mut d = draft(ActivityKind::BusinessMeal);
    d.date = "2026-03-10".into();
    d.time = "01:15".into();
    d.notes = "  lunch at the harbour ".into();
    let f = d.validate(&plus2).unwrap();
    // 01:15 at UTC+2 is the previous evening in UTC.
    assert_eq!(f.at, utc(2026, 3, 9, 23, 15));
    assert_eq!(f.notes, "lunch at the harbour");
    let a = Activity::new(f, utc(2026, 3, 10, 0, 0));
    assert_eq!(a.rev, 1);
    // The edit form shows the same local date and time again.
    let back = ActivityDraft::from_activity(&a, &plus2, eur());
    assert_eq!(
        (back.date.as_str(), back.time.as_str()),
        ("2026-03-10", "01:15")
    );
}

#[test]
fn blank_time_reads_as_local_noon() {
    let mut d = draft(ActivityKind::Visit);
    d.date = "2026-03-10".into();
    d.time = " ".into();
    assert_eq!(d.validate(&Utc).unwrap().at, utc(2026, 3, 10, 12, 0));
}

#[test]
fn draft_errors_name_their_fields() {
    let mut d = draft(ActivityKind::PhoneCall);
    d.date = "10/03/2026".into();
    d.time = "25:00".into();
    d.contact_ids.clear();
    d.gift_value = "12".into();
    let errs = d.validate(&Utc).unwrap_err();
    let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
    assert_eq!(fields, vec!["date", "time", "contact_ids", "gift_value"]);
    assert_eq!(errs[0].arg_value("input"), Some("10/03/2026"));
    assert_eq!(errs[1].arg_value("input"), Some("25:00"));
    assert_eq!(errs[2].label_key, "trust.ui.activity.people");
    assert_eq!(errs[3].problem, FieldProblem::GiftValueNotAGift);

    let mut d = draft(ActivityKind::SmallGift);
    d.date = String::new();
    d.gift_value = "1.2345".into();
    let errs = d.validate(&Utc).unwrap_err();
    assert_eq!(errs[0].problem, FieldProblem::ActivityDateMissing);
    assert_eq!(errs[1].problem, FieldProblem::GiftValueTooManyDecimals);
    assert_eq!(
        errs[1].args,
        vec![
            ("input", "1.2345".to_string()),
            ("allowed", "2".to_string())
        ]
    );
    assert_eq!(errs.len(), 2);

    let mut d = draft(ActivityKind::SmallGift);
    d.gift_value = "abc".into();
    assert_eq!(
        d.validate(&Utc).unwrap_err()[0].key(),
        "activity.error.gift_value_bad_amount"
    );
    d.gift_value = "-5".into();
    assert_eq!(
        d.validate(&Utc).unwrap_err(),
        vec![activity_error(FieldProblem::GiftValueNegative)]
    );
}

#[test]
fn an_account_alone_is_enough_and_people_are_deduplicated() {
    let mut d = draft(ActivityKind::Email);
    d.contact_ids.clear();
    d.account_id = Some(new_id());
    assert!(d.validate(&Utc).is_ok());
    let p = new_id();
    d.contact_ids = vec![p, p];
    assert_eq!(d.validate(&Utc).unwrap().contact_ids, vec![p]);
}

#[test]
fn exchange_format_is_kept_only_for_technical_exchanges() {
    let mut d = draft(ActivityKind::TechnicalExchange);
    d.exchange_format = Some(ExchangeFormat::Demo);
    assert_eq!(
        d.validate(&Utc).unwrap().exchange_format,
        Some(ExchangeFormat::Demo)
    );
    d.kind = ActivityKind::Visit;
    assert_eq!(d.validate(&Utc).unwrap().exchange_format, None);
}

#[test]
fn gift_limit_rule() {
    let limit = money("50", "EUR");
    let r = |kind, v: Option<Money>, l: Option<&Money>| gift_reminder_for(kind, v.as_ref(), l);
    // Above the limit, same currency.
    assert_eq!(
        r(
            ActivityKind::SmallGift,
            Some(money("50.01", "EUR")),
            Some(&limit)
        ),
        Some(GiftReminder::AboveLimit {
            value: money("50.01", "EUR"),
            limit: limit.clone()
        })
    );
    // At or below the limit: none.
    assert_eq!(
        r(
            ActivityKind::SmallGift,
            Some(money("50", "EUR")),
            Some(&limit)
        ),
        None
    );
    assert_eq!(
        r(
            ActivityKind::ValuableGift,
            Some(money("10", "EUR")),
            Some(&limit)
        ),
        None
    );
    // No limit set, or no value: none.
    assert_eq!(
        r(ActivityKind::ValuableGift, Some(money("900", "EUR")), None),
        None
    );
    assert_eq!(r(ActivityKind::ValuableGift, None, Some(&limit)), None);
    // Other currency: cannot compare, so remind.
    assert!(matches!(
        r(
            ActivityKind::ValuableGift,
            Some(money("30", "USD")),
            Some(&limit)
        ),
        Some(GiftReminder::CannotCompare { .. })
    ));
    // Not a gift: never.
    assert_eq!(
        r(
            ActivityKind::BusinessMeal,
            Some(money("900", "EUR")),
            Some(&limit)
        ),
        None
    );
}

#[test]
fn gift_rule_works_on_records_and_on_forms_being_typed() {
    let limit = money("50", "EUR");
    let mut d = draft(ActivityKind::ValuableGift);
    d.gift_value = "120".into();
    assert!(matches!(
        gift_reminder(&d, Some(&limit)),
        Some(GiftReminder::AboveLimit { .. })
    ));
    d.gift_value = "12".into();
    assert_eq!(gift_reminder(&d, Some(&limit)), None);
    d.gift_value = "not yet a number".into();
    assert_eq!(gift_reminder(&d, Some(&limit)), None);
    d.gift_value = "75".into();
    let a = Activity::new(d.validate(&Utc).unwrap(), utc(2026, 1, 1, 0, 0));
    assert_eq!(a.gift_value, Some(money("75", "EUR")));
    assert_eq!(
        gift_reminder(&a, Some(&limit)).map(|r| r.key()),
        Some("gift.reminder.above_limit")
    );
}

#[test]
fn a_logged_gift_above_the_limit_is_flagged() {
    let limit = money("50", "EUR");
    let logged = |kind, value: &str, cur: &str| {
        let mut d = draft(kind);
        d.gift_value = value.into();
        d.gift_currency = Currency::parse(cur).unwrap();
        Activity::new(d.validate(&Utc).unwrap(), utc(2026, 1, 1, 0, 0))
    };
    let over = logged(ActivityKind::SmallGift, "50.01", "EUR");
    assert_eq!(
        gift_flag(&over, Some(&limit)),
        Some(GiftFlag::AboveLimit {
            limit: limit.clone()
        })
    );
    assert_eq!(
        gift_flag(&over, Some(&limit)).map(|f| f.key()),
        Some("tasks_more.gift_flag.above_limit")
    );
    // Equal to the limit is not over it; below neither.
    let equal = logged(ActivityKind::SmallGift, "50", "EUR");
    assert_eq!(gift_flag(&equal, Some(&limit)), None);
    assert_eq!(
        gift_flag(
            &logged(ActivityKind::ValuableGift, "10", "EUR"),
            Some(&limit)
        ),
        None
    );
    // Another currency: flagged as not comparable, naming the limit.
    let usd = logged(ActivityKind::ValuableGift, "30", "USD");
    let f = gift_flag(&usd, Some(&limit)).unwrap();
    assert_eq!(
        f,
        GiftFlag::OtherCurrency {
            limit: limit.clone()
        }
    );
    assert_eq!(f.limit(), &limit);
    // No limit set: no flag.
    assert_eq!(gift_flag(&over, None), None);
}

#[test]
fn timelines_are_newest_first() {
    let (p, q) = (new_id(), new_id());
    let a1 = activity(ActivityKind::PhoneCall, utc(2026, 1, 1, 9, 0), vec![p]);
    let a2 = activity(
        ActivityKind::BusinessMeal,
        utc(2026, 2, 1, 9, 0),
        vec![p, q],
    );
    let a3 = activity(ActivityKind::Email, utc(2026, 3, 1, 9, 0), vec![q]);
    let all = vec![a1.clone(), a2.clone(), a3.clone()];
    let ids = |v: Vec<&Activity>| v.iter().map(|a| a.id).collect::<Vec<_>>();
    assert_eq!(ids(timeline_for_contact(&all, p)), vec![a2.id, a1.id]);
    assert_eq!(ids(timeline_for_contact(&all, q)), vec![a3.id, a2.id]);
    // The account sees its own activities and those with its people.
    let acc = a1.account_id.unwrap();
    assert_eq!(ids(timeline_for_account(&all, acc, &[])), vec![a1.id]);
    assert_eq!(
        ids(timeline_for_account(&all, acc, &[q])),
        vec![a3.id, a2.id, a1.id]
    );
}

#[test]
fn parses_dates_and_times() {
    assert_eq!(
        parse_date("2026-02-29"),
        Err(activity_error(FieldProblem::ActivityDateInvalid).arg("input", "2026-02-29"))
    );
    assert_eq!(
        parse_time("9:05").unwrap(),
        NaiveTime::from_hms_opt(9, 5, 0)
    );
    assert_eq!(
        parse_time("09:05:30").unwrap(),
        NaiveTime::from_hms_opt(9, 5, 30)
    );
    assert_eq!(parse_time("").unwrap(), None);
}

#[test]
fn gift_limit_is_parsed_from_settings_input() {
    assert_eq!(parse_gift_limit("  ", "EUR"), Ok(None));
    assert_eq!(parse_gift_limit("50", "eur"), Ok(Some(money("50", "EUR"))));
    let problem = |amount, currency| parse_gift_limit(amount, currency).unwrap_err().problem;
    assert_eq!(problem("-1", "EUR"), FieldProblem::GiftValueNegative);
    assert_eq!(problem("50", "euro"), FieldProblem::GiftValueBadCurrency);
    assert_eq!(problem("abc", "EUR"), FieldProblem::GiftValueBadAmount);
    assert_eq!(
        parse_gift_limit("abc", "EUR").unwrap_err().field,
        "gift_limit"
    );
    // The parsed limit drives the reminder: 50.01 is above 50, 50 is within.
    let limit = parse_gift_limit("50", "EUR").unwrap();
    let above = money("50.01", "EUR");
    assert!(matches!(
        gift_reminder_for(ActivityKind::SmallGift, Some(&above), limit.as_ref()),
        Some(GiftReminder::AboveLimit { .. })
    ));
    let equal = money("50", "EUR");
    assert_eq!(
        gift_reminder_for(ActivityKind::SmallGift, Some(&equal), limit.as_ref()),
        None
    );
}
