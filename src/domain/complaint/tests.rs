use super::*;
use crate::domain::ids::new_id;
use crate::domain::keys::Keyed;
use crate::domain::pipeline::YearMonth;
use crate::domain::rules::CheckContext;
use chrono::{DateTime, Duration, TimeZone, Utc};

fn at(m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, h, 0, 0).unwrap()
}

fn now() -> DateTime<Utc> {
    at(6, 1, 12)
}

fn complaint(anxiety: u8, fault: u8, opened: DateTime<Utc>) -> Complaint {
    Complaint::new(
        FeedbackKind::Complaint,
        new_id(),
        "Sensor reads high",
        fault,
        anxiety,
        opened,
        opened,
    )
}

#[test]
fn high_anxiety_and_a_small_fault_come_before_low_anxiety_and_a_big_fault() {
    let worried_small = complaint(5, 1, at(5, 20, 9));
    let calm_big = complaint(1, 5, at(5, 1, 9));
    assert_eq!(
        priority_order(&worried_small, &calm_big),
        std::cmp::Ordering::Less
    );
    let mut list = vec![calm_big.clone(), worried_small.clone()];
    sort_by_priority(&mut list);
    assert_eq!(list[0].id, worried_small.id);
}

#[test]
fn the_register_orders_open_then_anxiety_then_fault_then_oldest() {
    let mut resolved = complaint(5, 5, at(5, 1, 9));
    resolved.resolved_at = Some(at(5, 2, 9));
    let a = complaint(3, 2, at(5, 10, 9));
    let b = complaint(3, 4, at(5, 12, 9));
    let older = complaint(3, 4, at(5, 11, 9));
    let mut suggestion = complaint(5, 5, at(5, 1, 9));
    suggestion.kind = FeedbackKind::Suggestion;
    let mut list = vec![
        resolved.clone(),
        suggestion.clone(),
        a.clone(),
        b.clone(),
        older.clone(),
    ];
    sort_by_priority(&mut list);
    let ids: Vec<_> = list.iter().map(|c| c.id).collect();
    assert_eq!(ids, vec![older.id, b.id, a.id, suggestion.id, resolved.id]);
}

fn links_ok() -> (Id, Id, Id) {
    (new_id(), new_id(), new_id())
}

use crate::domain::ids::Id;

fn validate(
    d: &ComplaintDraft,
    account: Id,
    person: Id,
    deal: Id,
) -> Result<ComplaintFields, Vec<crate::domain::fields::FieldError>> {
    let exists = move |a: Id| a == account;
    let person_account = move |p: Id| (p == person).then_some(account);
    let deal_account = move |x: Id| (x == deal).then_some(account);
    let links = Links {
        account_exists: &exists,
        person_account: &person_account,
        deal_account: &deal_account,
    };
    d.validate(&links, &Utc, now())
}

fn draft(account: Id) -> ComplaintDraft {
    let mut d = ComplaintDraft::new(Some(account), now(), &Utc);
    d.what = "Late delivery".into();
    d.fault_size = "2".into();
    d.anxiety = "5".into();
    d
}

fn fields(errs: &[crate::domain::fields::FieldError]) -> Vec<(&'static str, &'static str)> {
    errs.iter().map(|e| (e.field, e.key())).collect()
}

#[test]
fn a_good_draft_becomes_a_complaint() {
    let (account, person, deal) = links_ok();
    let mut d = draft(account);
    d.person_id = Some(person);
    d.deal_id = Some(deal);
    d.opened_at = "2026-05-30T09:15".into();
    d.first_response_at = "2026-05-30T10:00".into();
    let c = validate(&d, account, person, deal).unwrap().into_new(now());
    assert_eq!(c.anxiety, 5);
    assert_eq!(c.fault_size, 2);
    assert_eq!(
        c.opened_at,
        Utc.with_ymd_and_hms(2026, 5, 30, 9, 15, 0).unwrap()
    );
    assert_eq!(c.next_step(), Some(NextStep::OnSite));
    assert_eq!(ComplaintDraft::of(&c, &Utc).opened_at, "2026-05-30T09:15");
    assert!(check_record(&c, &CheckContext { now: now() }).is_ok());
}

#[test]
fn bad_fields_are_refused_each_at_its_field() {
    let (account, person, deal) = links_ok();
    let mut d = ComplaintDraft::new(None, now(), &Utc);
    d.anxiety = "7".into();
    d.fault_size = "0".into();
    let errs = validate(&d, account, person, deal).unwrap_err();
    assert_eq!(
        fields(&errs),
        vec![
            ("account", "field.error.required"),
            ("what", "field.error.required"),
            ("fault_size", "complaint.error.scale"),
            ("anxiety", "complaint.error.scale"),
        ]
    );
    assert_eq!(errs[3].arg_value("value"), Some("7"));

    let mut d = draft(account);
    d.person_id = Some(new_id());
    d.deal_id = Some(new_id());
    d.what = "x".repeat(MAX_WHAT + 1);
    d.anxiety = "high".into();
    d.opened_at = "2026-06-02T09:00".into();
    let errs = validate(&d, account, person, deal).unwrap_err();
    assert_eq!(
        fields(&errs),
        vec![
            ("person", "complaint.error.person_not_of_account"),
            ("deal", "complaint.error.deal_not_of_account"),
            ("what", "complaint.error.too_long"),
            ("anxiety", "complaint.error.scale"),
            ("opened_at", "complaint.error.future"),
        ]
    );
    let mut d = draft(new_id());
    d.opened_at = "yesterday".into();
    let errs = validate(&d, account, person, deal).unwrap_err();
    assert_eq!(
        fields(&errs),
        vec![
            ("account", "complaint.error.unknown_account"),
            ("opened_at", "complaint.error.invalid_time"),
        ]
    );
}

#[test]
fn times_keep_their_order_and_stay_out_of_the_future() {
    let (account, person, deal) = links_ok();
    let mut d = draft(account);
    d.opened_at = "2026-05-30T09:00".into();
    d.first_response_at = "2026-05-30T08:00".into();
    d.on_site_at = "2026-06-03T08:00".into();
    d.resolved_at = "2026-05-30T09:30".into();
    d.resolution = "Guard refitted".into();
    let errs = validate(&d, account, person, deal).unwrap_err();
    assert_eq!(
        fields(&errs),
        vec![
            ("first_response_at", "complaint.error.before_opened"),
            ("on_site_at", "complaint.error.future"),
            ("resolved_at", "complaint.error.before_on_site"),
        ]
    );
    d.first_response_at = "2026-05-30T10:00".into();
    d.on_site_at = "2026-05-30T09:45".into();
    let errs = validate(&d, account, person, deal).unwrap_err();
    assert_eq!(
        fields(&errs),
        vec![
            ("on_site_at", "complaint.error.before_first_response"),
            ("resolved_at", "complaint.error.before_first_response"),
        ]
    );
    d.on_site_at = "2026-05-30T11:00".into();
    d.resolved_at = "2026-05-30T10:30".into();
    let errs = validate(&d, account, person, deal).unwrap_err();
    assert_eq!(
        fields(&errs),
        vec![("resolved_at", "complaint.error.before_on_site")]
    );
    d.resolved_at = "2026-05-31T10:30".into();
    // Resolved, it says what was done.
    d.resolution = " ".into();
    let errs = validate(&d, account, person, deal).unwrap_err();
    assert_eq!(
        fields(&errs),
        vec![("resolution", "complaint.error.resolution_required")]
    );
    d.resolution = "Guard refitted".into();
    assert!(validate(&d, account, person, deal).is_ok());
}

#[test]
fn recording_a_stage_checks_it_against_the_others() {
    let mut c = complaint(4, 2, at(5, 30, 9));
    let before = c.clone();
    let e = record_stage(
        &mut c,
        Stage::FirstResponse,
        "2026-05-30T08:00",
        None,
        &Utc,
        now(),
    )
    .unwrap_err();
    assert_eq!(
        (e.field, e.key()),
        ("first_response_at", "complaint.error.before_opened")
    );
    assert_eq!(c, before, "nothing changed");
    record_stage(
        &mut c,
        Stage::FirstResponse,
        "2026-05-30T10:00",
        None,
        &Utc,
        now(),
    )
    .unwrap();
    assert_eq!(c.first_response_at, Some(at(5, 30, 10)));
    let e = record_stage(
        &mut c,
        Stage::Resolved,
        "2026-05-30T09:30",
        Some("Fixed"),
        &Utc,
        now(),
    )
    .unwrap_err();
    assert_eq!(e.key(), "complaint.error.before_first_response");
    let e = record_stage(
        &mut c,
        Stage::Resolved,
        "2026-06-01T13:00",
        None,
        &Utc,
        now(),
    )
    .unwrap_err();
    assert_eq!(e.key(), "complaint.error.future");
    // Resolved with nothing said about what was done: refused at that field.
    let unresolved = c.clone();
    for said in [None, Some("  ")] {
        let e = record_stage(
            &mut c,
            Stage::Resolved,
            "2026-05-31T09:00",
            said,
            &Utc,
            now(),
        )
        .unwrap_err();
        assert_eq!(
            (e.field, e.key()),
            ("resolution", "complaint.error.resolution_required")
        );
        assert_eq!(c, unresolved, "nothing changed");
    }
    record_stage(
        &mut c,
        Stage::Resolved,
        "2026-05-31T09:00",
        Some(" Recalibrated "),
        &Utc,
        now(),
    )
    .unwrap();
    assert!(!c.is_open());
    assert_eq!(c.resolution, "Recalibrated");
    assert_eq!(c.next_step(), None);
    let e = record_stage(&mut c, Stage::OnSite, " ", None, &Utc, now()).unwrap_err();
    assert_eq!((e.field, e.key()), ("on_site_at", "field.error.required"));
}

#[test]
fn the_record_rules_refuse_what_the_form_refuses() {
    let ctx = CheckContext { now: now() };
    let good = complaint(3, 3, at(5, 1, 9));
    assert!(check_record(&good, &ctx).is_ok());
    let mut c = good.clone();
    c.anxiety = 7;
    assert_eq!(check_record(&c, &ctx).unwrap_err().path, "anxiety");
    let mut c = good.clone();
    c.fault_size = 0;
    assert_eq!(
        check_record(&c, &ctx).unwrap_err().reason,
        "rule.out_of_range"
    );
    let mut c = good.clone();
    c.what = " ".into();
    assert_eq!(check_record(&c, &ctx).unwrap_err().reason, "rule.required");
    let mut c = good.clone();
    c.resolved_at = Some(at(4, 30, 9));
    let e = check_record(&c, &ctx).unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.reason),
        ("resolved_at", "complaint.error.before_opened.rule")
    );
    let mut c = good.clone();
    c.opened_at = now() + Duration::days(3);
    c.first_response_at = None;
    assert_eq!(check_record(&c, &ctx).unwrap_err().reason, "rule.future");
    let mut c = good.clone();
    c.first_response_at = Some(now() + Duration::hours(2));
    assert!(
        check_record(&c, &ctx).is_ok(),
        "a fast clock elsewhere is fine"
    );
}

#[test]
fn figures_per_month_count_median_average_and_share() {
    // May: three complaints; answered after 1 h, 2 h and never; one resolved after 26 h.
    let mut a = complaint(5, 1, at(5, 4, 8));
    a.first_response_at = Some(at(5, 4, 9));
    a.on_site_at = Some(at(5, 4, 12));
    a.resolved_at = Some(at(5, 5, 10));
    let mut b = complaint(2, 2, at(5, 10, 8));
    b.first_response_at = Some(at(5, 10, 10));
    let c = complaint(1, 1, at(5, 20, 8));
    // July: one, answered by the visit after 3 h.
    let mut d = complaint(3, 3, at(7, 2, 8));
    d.on_site_at = Some(at(7, 2, 11));
    // A suggestion is not timed.
    let mut s = complaint(5, 5, at(6, 2, 8));
    s.kind = FeedbackKind::Suggestion;
    let list = [a, b, c, d, s];
    let f = monthly_figures(list.iter(), &Utc, None);
    assert_eq!(
        f.iter()
            .map(|m| (m.month.month, m.opened))
            .collect::<Vec<_>>(),
        vec![(5, 3), (6, 0), (7, 1)],
        "June is empty but listed"
    );
    let may = &f[0];
    assert_eq!((may.answered, may.on_site, may.resolved), (2, 1, 1));
    let first = may.to_first_response.unwrap();
    assert_eq!(
        (first.count, first.median_minutes, first.average_minutes),
        (2, 90, 90)
    );
    let res = may.to_resolution.unwrap();
    assert_eq!(
        (res.count, res.median_minutes),
        (1, 26 * 60),
        "unresolved ones are left out"
    );
    assert_eq!(may.share_resolved_bp(), Some(3333));
    let june = &f[1];
    assert_eq!(june.to_first_response, None);
    assert_eq!(june.share_resolved_bp(), None);
    let july = &f[2];
    assert_eq!(july.to_first_response.unwrap().median_minutes, 180);
    assert_eq!(july.to_resolution, None);
    assert_eq!(hours_tenths(90), 15);
    assert_eq!(hours_tenths(100), 17);
}

#[test]
fn figures_reach_the_month_asked_for_and_are_empty_without_complaints() {
    assert!(monthly_figures(std::iter::empty(), &Utc, None).is_empty());
    let through = YearMonth::new(2026, 8);
    let f = monthly_figures(std::iter::empty(), &Utc, through);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].opened, 0);
    let one = [complaint(1, 1, at(11, 30, 8))];
    let f = monthly_figures(one.iter(), &Utc, YearMonth::new(2027, 1));
    assert_eq!(
        f.iter()
            .map(|m| (m.month.year, m.month.month))
            .collect::<Vec<_>>(),
        vec![(2026, 11), (2026, 12), (2027, 1)]
    );
}

#[test]
fn even_counts_take_the_mean_of_the_middle_two() {
    let mut list = Vec::new();
    for (i, h) in [1, 2, 4, 9].iter().enumerate() {
        let mut c = complaint(1, 1, at(3, 1 + i as u32, 8));
        c.first_response_at = Some(at(3, 1 + i as u32, 8 + h));
        list.push(c);
    }
    let d = monthly_figures(list.iter(), &Utc, None)[0]
        .to_first_response
        .unwrap();
    assert_eq!(d.median_minutes, 180);
    assert_eq!(d.average_minutes, 240);
}

#[test]
fn every_key_the_register_gives_is_in_every_catalogue() {
    use crate::i18n::Locale;
    let mut keys: Vec<&str> = vec![
        "complaint.error.scale",
        "complaint.error.invalid_time",
        "complaint.error.unknown_account",
        "complaint.error.person_not_of_account",
        "complaint.error.deal_not_of_account",
        "complaint.error.too_long",
    ];
    keys.extend(TimeProblem::keys());
    keys.extend(NextStep::keys());
    keys.extend([
        label::KIND,
        label::ACCOUNT,
        label::PERSON,
        label::DEAL,
        label::WHAT,
        label::FAULT,
        label::ANXIETY,
        label::OPENED,
        label::FIRST_RESPONSE,
        label::ON_SITE,
        label::RESOLVED,
        label::RESOLUTION,
    ]);
    for v in SCALE {
        keys.push(fault_word(v));
        keys.push(anxiety_word(v));
    }
    for &locale in Locale::ALL {
        let cat = locale.catalogue();
        let missing: Vec<_> = keys.iter().filter(|k| cat.get(k).is_none()).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", locale.tag());
    }
}
