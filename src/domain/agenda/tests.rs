use super::*;
use crate::domain::activity::{ActivityDraft, ActivityKind};
use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::money::Currency;
use chrono::FixedOffset;

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}
fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}
fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}
fn task(title: &str, due: Due) -> Task {
    Task::new(title, due, utc(2026, 1, 1, 0, 0)).unwrap()
}
fn titles(v: &[&Task]) -> Vec<String> {
    v.iter().map(|t| t.title.clone()).collect()
}
fn east(h: i32) -> FixedOffset {
    FixedOffset::east_opt(h * 3600).unwrap()
}

#[test]
fn follow_up_links_to_the_activity() {
    let mut d = ActivityDraft::new(
        ActivityKind::BusinessMeal,
        utc(2026, 6, 1, 12, 0),
        &Utc,
        Currency::default(),
    );
    let (p, q) = (new_id(), new_id());
    d.contact_ids = vec![p, q];
    d.account_id = Some(new_id());
    d.deal_id = Some(new_id());
    let a = Activity::new(d.validate(&Utc).unwrap(), utc(2026, 6, 1, 13, 0));
    let t = follow_up_from(
        &a,
        "  Send the reference list ",
        Due::on(date(2026, 6, 3)),
        utc(2026, 6, 1, 14, 0),
    )
    .unwrap();
    assert_eq!(t.title, "Send the reference list");
    assert_eq!(t.activity_id, Some(a.id));
    assert_eq!(t.contact_id, Some(p));
    assert_eq!(t.account_id, a.account_id);
    assert_eq!(t.deal_id, a.deal_id);
    assert_eq!((t.rev, t.done_at), (1, None));
    assert_eq!(
        follow_up_from(&a, "  ", Due::on(date(2026, 6, 3)), utc(2026, 6, 1, 14, 0)),
        Err(FieldError::new(
            "title",
            "trust.ui.task.title",
            FieldProblem::TaskTitleMissing
        ))
    );
}

#[test]
fn complete_and_reopen() {
    let mut t = task("Call back", Due::on(date(2026, 6, 3)));
    assert!(complete(&mut t, utc(2026, 6, 3, 9, 0)));
    assert!(!complete(&mut t, utc(2026, 6, 4, 9, 0)));
    assert_eq!(t.done_at, Some(utc(2026, 6, 3, 9, 0)));
    assert!(reopen(&mut t));
    assert!(!reopen(&mut t));
    assert!(!t.is_done());
}

#[test]
fn parses_typed_due_dates() {
    assert_eq!(parse_due("2026-06-03", ""), Ok(Due::on(date(2026, 6, 3))));
    assert_eq!(
        parse_due("2026-06-03", "14:30"),
        Ok(Due::at(date(2026, 6, 3), time(14, 30)))
    );
    assert_eq!(
        parse_due("", "7pm"),
        Err(vec![
            FieldError::new(
                "date",
                "trust.ui.task.due_date",
                FieldProblem::TaskDateMissing
            ),
            FieldError::new(
                "time",
                "trust.ui.task.due_time",
                FieldProblem::TaskTimeInvalid
            )
            .arg("input", "7pm")
        ])
    );
    assert_eq!(
        parse_due("3.6.2026", ""),
        Err(vec![FieldError::new(
            "date",
            "trust.ui.task.due_date",
            FieldProblem::TaskDateInvalid
        )
        .arg("input", "3.6.2026")])
    );
}

#[test]
fn buckets_in_utc_and_excludes_done_tasks() {
    let now = utc(2026, 6, 10, 9, 0);
    let mut done = task("done", Due::on(date(2026, 6, 1)));
    complete(&mut done, now);
    let tasks = vec![
        task("yesterday", Due::on(date(2026, 6, 9))),
        task("today untimed", Due::on(date(2026, 6, 10))),
        task("today 08:00", Due::at(date(2026, 6, 10), time(8, 0))),
        task("today 09:00", Due::at(date(2026, 6, 10), time(9, 0))),
        task("today 17:00", Due::at(date(2026, 6, 10), time(17, 0))),
        task("tomorrow", Due::on(date(2026, 6, 11))),
        task("in 7 days", Due::on(date(2026, 6, 17))),
        task("in 8 days", Due::on(date(2026, 6, 18))),
        done,
    ];
    let a = bucket(&tasks, now, &Utc);
    assert_eq!(titles(&a.overdue), vec!["yesterday", "today 08:00"]);
    // Due at 09:00 and it is 09:00: not yet late. Timed before untimed.
    assert_eq!(
        titles(&a.today),
        vec!["today 09:00", "today 17:00", "today untimed"]
    );
    assert_eq!(titles(&a.next_7_days), vec!["tomorrow", "in 7 days"]);
    assert_eq!(titles(&a.later), vec!["in 8 days"]);
    assert_eq!(a.len(), 8);
    assert_eq!(a.get(AgendaBucket::Later).len(), 1);
}

#[test]
fn buckets_across_midnight() {
    let tasks = vec![
        task("due 10 June", Due::on(date(2026, 6, 10))),
        task("due 11 June", Due::on(date(2026, 6, 11))),
        task(
            "due 10 June 23:45",
            Due::at(date(2026, 6, 10), time(23, 45)),
        ),
    ];
    // One minute before midnight.
    let a = bucket(&tasks, utc(2026, 6, 10, 23, 59), &Utc);
    assert_eq!(titles(&a.overdue), vec!["due 10 June 23:45"]);
    assert_eq!(titles(&a.today), vec!["due 10 June"]);
    assert_eq!(titles(&a.next_7_days), vec!["due 11 June"]);
    // One minute after: the day has turned.
    let a = bucket(&tasks, utc(2026, 6, 11, 0, 1), &Utc);
    assert_eq!(titles(&a.overdue), vec!["due 10 June 23:45", "due 10 June"]);
    assert_eq!(titles(&a.today), vec!["due 11 June"]);
    assert!(a.next_7_days.is_empty());
}

#[test]
fn buckets_across_time_zones() {
    let tasks = vec![
        task("due 10 June", Due::on(date(2026, 6, 10))),
        task("due 11 June", Due::on(date(2026, 6, 11))),
    ];
    // 23:30 UTC on 10 June is already 01:30 on 11 June at UTC+2 …
    let now = utc(2026, 6, 10, 23, 30);
    let plus2 = bucket(&tasks, now, &east(2));
    assert_eq!(titles(&plus2.overdue), vec!["due 10 June"]);
    assert_eq!(titles(&plus2.today), vec!["due 11 June"]);
    // … still 10 June in UTC …
    let in_utc = bucket(&tasks, now, &Utc);
    assert_eq!(titles(&in_utc.today), vec!["due 10 June"]);
    assert_eq!(titles(&in_utc.next_7_days), vec!["due 11 June"]);
    // … and 10 June at UTC−5 even at 03:00 UTC on 11 June (22:00 local).
    let a = bucket(&tasks, utc(2026, 6, 11, 3, 0), &east(-5));
    assert_eq!(titles(&a.today), vec!["due 10 June"]);
    assert_eq!(titles(&a.next_7_days), vec!["due 11 June"]);
}

#[test]
fn a_due_time_is_read_in_the_users_zone() {
    // Due 10 June 09:00 local. At 08:30 UTC it is 10:30 at UTC+2 (late) but
    // 03:30 at UTC−5 (not yet).
    let tasks = vec![task("09:00", Due::at(date(2026, 6, 10), time(9, 0)))];
    let now = utc(2026, 6, 10, 8, 30);
    assert_eq!(bucket(&tasks, now, &east(2)).overdue.len(), 1);
    assert_eq!(bucket(&tasks, now, &east(-5)).today.len(), 1);
}

#[test]
fn the_seven_day_boundary_follows_the_local_date() {
    let tasks = vec![
        task("17 June", Due::on(date(2026, 6, 17))),
        task("18 June", Due::on(date(2026, 6, 18))),
    ];
    // Local today is 10 June in UTC: 17 June is day 7, 18 June is later.
    let a = bucket(&tasks, utc(2026, 6, 10, 22, 30), &Utc);
    assert_eq!(titles(&a.next_7_days), vec!["17 June"]);
    assert_eq!(titles(&a.later), vec!["18 June"]);
    // Same instant at UTC+2 is 11 June: 18 June moves into the next 7 days.
    let a = bucket(&tasks, utc(2026, 6, 10, 22, 30), &east(2));
    assert_eq!(titles(&a.next_7_days), vec!["17 June", "18 June"]);
    assert!(a.later.is_empty());
}

#[test]
fn open_tasks_of_a_person_in_due_order() {
    let p = new_id();
    let mut t1 = task("later", Due::on(date(2026, 6, 20)));
    let mut t2 = task("sooner", Due::on(date(2026, 6, 12)));
    let mut t3 = task("done", Due::on(date(2026, 6, 1)));
    let t4 = task("someone else", Due::on(date(2026, 6, 1)));
    for t in [&mut t1, &mut t2, &mut t3] {
        t.contact_id = Some(p);
    }
    complete(&mut t3, utc(2026, 6, 2, 0, 0));
    let all = [t1, t2, t3, t4];
    assert_eq!(
        titles(&open_tasks_for_contact(&all, p)),
        vec!["sooner", "later"]
    );
}

#[test]
fn task_serde_shape() {
    let t = task("x", Due::at(date(2026, 6, 3), time(14, 30)));
    let json = serde_json::to_value(&t).unwrap();
    assert_eq!(json["due_date"], "2026-06-03");
    assert_eq!(json["due_time"], "14:30:00");
    let mut minimal = json.clone();
    let obj = minimal.as_object_mut().unwrap();
    for k in [
        "due_time",
        "activity_id",
        "contact_id",
        "account_id",
        "deal_id",
        "done_at",
        "notes",
    ] {
        obj.remove(k);
    }
    let back: Task = serde_json::from_value(minimal).unwrap();
    assert_eq!(back.due(), Due::on(date(2026, 6, 3)));
}

#[test]
fn reschedule_targets_count_from_today() {
    let today = date(2026, 6, 10);
    assert_eq!(RescheduleTarget::Tomorrow.date(today), date(2026, 6, 11));
    assert_eq!(RescheduleTarget::NextWeek.date(today), date(2026, 6, 17));
    // Across a month and a year end.
    assert_eq!(
        RescheduleTarget::Tomorrow.date(date(2026, 12, 31)),
        date(2027, 1, 1)
    );
    assert_eq!(
        RescheduleTarget::NextWeek.date(date(2026, 2, 25)),
        date(2026, 3, 4)
    );
    // An overdue task moved to tomorrow lands tomorrow, not the day after its old date;
    // its time is kept.
    let mut t = task("late", Due::at(date(2026, 5, 1), time(9, 30)));
    assert!(reschedule_to(&mut t, RescheduleTarget::Tomorrow, today));
    assert_eq!(t.due(), Due::at(date(2026, 6, 11), time(9, 30)));
    assert!(!reschedule_to(&mut t, RescheduleTarget::Tomorrow, today));
    assert!(reschedule(&mut t, date(2026, 7, 1)));
    assert_eq!(t.due_date, date(2026, 7, 1));
    // Rescheduled to tomorrow, it is in the next 7 days.
    let a = bucket([&t], utc(2026, 6, 30, 12, 0), &Utc);
    assert_eq!(a.next_7_days.len(), 1);
}

#[test]
fn a_reopened_task_leaves_the_done_list_and_is_on_the_agenda_again() {
    let now = utc(2026, 6, 10, 9, 0);
    let mut t = task("Call back", Due::on(date(2026, 6, 10)));
    complete(&mut t, now);
    assert_eq!(titles(&done_tasks([&t], None)), vec!["Call back"]);
    assert!(bucket([&t], now, &Utc).is_empty());
    assert!(reopen(&mut t));
    assert_eq!(t.done_at, None);
    assert!(done_tasks([&t], None).is_empty());
    assert_eq!(titles(&bucket([&t], now, &Utc).today), vec!["Call back"]);
    // Reopening an open task changes nothing.
    let before = t.clone();
    assert!(!reopen(&mut t));
    assert_eq!(t, before);
}

#[test]
fn done_list_is_newest_first_within_the_window() {
    let now = utc(2026, 6, 30, 12, 0);
    let mut a = task("a", Due::on(date(2026, 6, 1)));
    let mut b = task("b", Due::on(date(2026, 6, 1)));
    let mut old = task("old", Due::on(date(2026, 4, 1)));
    let open = task("open", Due::on(date(2026, 6, 1)));
    complete(&mut a, utc(2026, 6, 2, 9, 0));
    complete(&mut b, utc(2026, 6, 20, 9, 0));
    complete(&mut old, utc(2026, 4, 2, 9, 0));
    let all = [a, b, old, open];
    let since = done_window_start(now, 30);
    assert_eq!(since, utc(2026, 5, 31, 12, 0));
    assert_eq!(titles(&done_tasks(&all, Some(since))), vec!["b", "a"]);
    assert_eq!(titles(&done_tasks(&all, None)), vec!["b", "a", "old"]);
}

#[test]
fn an_edit_is_validated_like_a_new_task() {
    let mut t = task("Call back", Due::on(date(2026, 6, 3)));
    let mut e = TaskEdit::of(&t);
    assert_eq!(e.date, "2026-06-03");
    assert_eq!(e.time, "");
    e.title = "  Send the offer ".into();
    e.date = "2026-06-05".into();
    e.time = "14:30".into();
    e.notes = " Ask for Ana ".into();
    assert_eq!(apply_edit(&mut t, &e), Ok(()));
    assert_eq!(t.title, "Send the offer");
    assert_eq!(t.due(), Due::at(date(2026, 6, 5), time(14, 30)));
    assert_eq!(t.notes, "Ask for Ana");
    assert_eq!(TaskEdit::of(&t).time, "14:30");

    let before = t.clone();
    let blank = TaskEdit {
        title: "   ".into(),
        date: "5.6.2026".into(),
        ..e.clone()
    };
    let errs = apply_edit(&mut t, &blank).unwrap_err();
    assert_eq!(
        problems(&errs),
        [
            (FieldProblem::TaskTitleMissing, None),
            (FieldProblem::TaskDateInvalid, Some("5.6.2026"))
        ]
    );
    assert_eq!(t, before);
    let long = TaskEdit {
        title: "x".repeat(201),
        ..e.clone()
    };
    let errs = apply_edit(&mut t, &long).unwrap_err();
    assert_eq!(problems(&errs), [(FieldProblem::TaskTitleTooLong, None)]);
    let exactly = TaskEdit {
        title: "x".repeat(200),
        ..e.clone()
    };
    assert_eq!(edit_errors(&exactly), vec![]);
    let no_date = TaskEdit {
        date: String::new(),
        time: "7pm".into(),
        ..e.clone()
    };
    assert_eq!(
        problems(&edit_errors(&no_date)),
        [
            (FieldProblem::TaskDateMissing, None),
            (FieldProblem::TaskTimeInvalid, Some("7pm"))
        ]
    );
    assert_eq!(t, before);
}

/// Each error's problem and quoted input.
fn problems(errs: &[FieldError]) -> Vec<(FieldProblem, Option<&str>)> {
    errs.iter()
        .map(|e| (e.problem, e.arg_value("input")))
        .collect()
}
