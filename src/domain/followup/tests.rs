//! The follow-up's rules: the checklist's due and late items, the milestones' dates and
//! lateness, the satisfaction cadence, the cross-deal watch list and the record rules.

use super::checklist::{self, ItemDraft, ItemState};
use super::milestones::{self, Lateness, MilestoneDraft};
use super::satisfaction::{self, CheckDraft};
use super::watch::{self, WatchKind};
use super::*;
use crate::domain::fields::FieldProblem;
use crate::domain::ids::{new_id, Id};
use crate::domain::rules::CheckContext;
use chrono::{TimeZone, Utc};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 3, 10);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

fn fresh() -> FollowUp {
    FollowUp::new(new_id(), Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap())
}

fn ctx() -> CheckContext {
    CheckContext {
        now: Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap(),
    }
}

fn problems(errs: &[FollowUpError]) -> Vec<(&'static str, FieldProblem)> {
    errs.iter().map(|e| (e.field, e.problem)).collect()
}

fn item(text: &str, due: &str) -> ItemDraft {
    ItemDraft {
        text: text.into(),
        due: due.into(),
        ..ItemDraft::default()
    }
}

// -------------------------------------------------------------------------------------------
// The checklist
// -------------------------------------------------------------------------------------------

#[test]
fn an_item_needs_its_text_and_keeps_every_bad_field() {
    let d = ItemDraft {
        text: "  ".into(),
        due: "2026-13-01".into(),
        done_on: "2026-03-11".into(),
        owner: "x".repeat(201),
        ..ItemDraft::default()
    };
    let errs = d.validate(new_id(), today()).unwrap_err();
    assert_eq!(
        problems(&errs),
        vec![
            ("text", FieldProblem::Required),
            ("due", FieldProblem::InvalidDate),
            ("done_on", FollowUpProblem::DoneInFuture.into()),
            ("owner", FieldProblem::TooLong),
        ]
    );
    assert_eq!(errs[1].arg_value("value"), Some("2026-13-01"));
}

#[test]
fn an_item_done_today_is_fine_tomorrow_is_refused() {
    let mut d = item("Sensors delivered", "2026-03-12");
    d.done_on = "2026-03-10".into();
    let i = d.validate(new_id(), today()).unwrap();
    assert_eq!(i.done_on, Some(today()));
    d.done_on = "2026-03-11".into();
    assert!(d.validate(new_id(), today()).is_err());
    assert!(item("Call Ana for the site", "")
        .validate(new_id(), today())
        .is_ok());
}

#[test]
fn a_year_outside_four_digits_is_not_a_date() {
    let errs = item("x", "20260-01-01")
        .validate(new_id(), today())
        .unwrap_err();
    assert_eq!(problems(&errs), vec![("due", FieldProblem::InvalidDate)]);
}

#[test]
fn items_are_due_within_a_week_and_late_before_today() {
    let mut f = fresh();
    for (text, due) in [
        ("yesterday", "2026-03-09"),
        ("today", "2026-03-10"),
        ("in seven days", "2026-03-17"),
        ("in eight days", "2026-03-18"),
        ("no date", ""),
        ("ten days ago", "2026-02-28"),
    ] {
        checklist::add_item(&mut f, &item(text, due), today()).unwrap();
    }
    let st = |n: usize| checklist::state(&f.checklist[n], today());
    assert_eq!(st(0), ItemState::Late { days: 1 });
    assert_eq!(st(1), ItemState::Due { in_days: 0 });
    assert_eq!(st(2), ItemState::Due { in_days: 7 });
    assert_eq!(st(3), ItemState::Later);
    assert_eq!(st(4), ItemState::Undated);
    let late: Vec<_> = checklist::late_items(&f, today())
        .into_iter()
        .map(|(i, d)| (i.text.as_str(), d))
        .collect();
    assert_eq!(late, vec![("ten days ago", 10), ("yesterday", 1)]);
    let due: Vec<_> = checklist::due_items(&f, today())
        .into_iter()
        .map(|(i, _)| i.text.as_str())
        .collect();
    assert_eq!(due, vec!["today", "in seven days"]);

    // Done items are neither due nor late.
    let id = f.checklist[0].id;
    checklist::mark_done(&mut f, id, day(2026, 3, 10), today()).unwrap();
    assert_eq!(
        checklist::state(&f.checklist[0], today()),
        ItemState::Done(today())
    );
    let s = checklist::summary(&f, today());
    assert_eq!((s.total, s.done, s.late, s.due), (6, 1, 1, 2));
    checklist::mark_undone(&mut f, id).unwrap();
    assert_eq!(checklist::summary(&f, today()).late, 2);
}

#[test]
fn marking_done_in_the_future_or_a_gone_item_is_refused() {
    let mut f = fresh();
    let id = checklist::add_item(&mut f, &item("x", ""), today()).unwrap();
    let errs = checklist::mark_done(&mut f, id, day(2026, 3, 11), today()).unwrap_err();
    assert_eq!(errs[0].problem, FollowUpProblem::DoneInFuture.into());
    assert_eq!(f.checklist[0].done_on, None, "nothing changed");
    let errs = checklist::mark_done(&mut f, new_id(), today(), today()).unwrap_err();
    assert_eq!(errs[0].problem, FollowUpProblem::Gone.into());
}

#[test]
fn edit_remove_and_undo_keep_the_place() {
    let mut f = fresh();
    let a = checklist::add_item(&mut f, &item("a", ""), today()).unwrap();
    let b = checklist::add_item(&mut f, &item("b", ""), today()).unwrap();
    checklist::add_item(&mut f, &item("c", ""), today()).unwrap();
    let mut d = ItemDraft::from_item(&f.checklist[1]);
    d.text = "b2".into();
    d.owner = " Ana ".into();
    checklist::update_item(&mut f, b, &d, today()).unwrap();
    assert_eq!(f.checklist[1].text, "b2");
    assert_eq!(f.checklist[1].owner, "Ana");
    let (at, gone) = checklist::remove_item(&mut f, b).unwrap();
    assert_eq!(at, 1);
    checklist::restore_item(&mut f, at, gone.clone());
    checklist::restore_item(&mut f, at, gone);
    let texts: Vec<_> = f.checklist.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, vec!["a", "b2", "c"]);
    assert!(checklist::update_item(&mut f, new_id(), &d, today()).is_err());
    assert!(checklist::remove_item(&mut f, new_id()).is_none());
    let _ = a;
}

#[test]
fn the_printed_checklist_groups_by_kind_in_order() {
    let mut f = fresh();
    let mut contact = item("Ana, site manager", "");
    contact.kind = ContractItemKind::ContactPoint;
    checklist::add_item(&mut f, &contact, today()).unwrap();
    checklist::add_item(&mut f, &item("Delivery 1", ""), today()).unwrap();
    checklist::add_item(&mut f, &item("Delivery 2", ""), today()).unwrap();
    let groups: Vec<_> = checklist::by_kind(&f)
        .into_iter()
        .map(|(k, v)| (k, v.len()))
        .collect();
    assert_eq!(
        groups,
        vec![
            (ContractItemKind::Delivery, 2),
            (ContractItemKind::ContactPoint, 1)
        ]
    );
}

// -------------------------------------------------------------------------------------------
// The milestones
// -------------------------------------------------------------------------------------------

fn ms(kind: MilestoneKind, start: &str, planned: &str, done: &str, note: &str) -> MilestoneDraft {
    MilestoneDraft {
        kind,
        planned_start: start.into(),
        planned: planned.into(),
        done_on: done.into(),
        note: note.into(),
        ..MilestoneDraft::default()
    }
}

#[test]
fn a_milestone_needs_its_planned_date_and_a_start_not_after_it() {
    let errs = ms(MilestoneKind::Delivery, "", "", "", "")
        .validate(new_id(), today())
        .unwrap_err();
    assert_eq!(problems(&errs), vec![("planned", FieldProblem::Required)]);
    // A start on the planned day is fine; a day after is refused.
    assert!(
        ms(MilestoneKind::Delivery, "2026-03-20", "2026-03-20", "", "")
            .validate(new_id(), today())
            .is_ok()
    );
    let errs = ms(MilestoneKind::Delivery, "2026-03-21", "2026-03-20", "", "")
        .validate(new_id(), today())
        .unwrap_err();
    assert_eq!(
        problems(&errs),
        vec![("planned_start", FollowUpProblem::StartAfterPlanned.into())]
    );
    assert_eq!(errs[0].arg_value("start"), Some("2026-03-21"));
}

#[test]
fn done_before_its_planned_start_needs_a_note() {
    let d = ms(
        MilestoneKind::Installation,
        "2026-03-05",
        "2026-03-09",
        "2026-03-04",
        "",
    );
    let errs = d.validate(new_id(), today()).unwrap_err();
    assert_eq!(
        problems(&errs),
        vec![("done_on", FollowUpProblem::DoneBeforeStart.into())]
    );
    // With a note it is kept; on the start day no note is needed.
    let mut with_note = d.clone();
    with_note.note = "Crew free early".into();
    assert!(with_note.validate(new_id(), today()).is_ok());
    assert!(ms(
        MilestoneKind::Installation,
        "2026-03-05",
        "2026-03-09",
        "2026-03-05",
        ""
    )
    .validate(new_id(), today())
    .is_ok());
    // Without a planned start, any done day up to today is fine.
    assert!(ms(
        MilestoneKind::Installation,
        "",
        "2026-03-09",
        "2026-01-01",
        ""
    )
    .validate(new_id(), today())
    .is_ok());
}

#[test]
fn a_milestone_is_not_done_in_the_future() {
    let errs = ms(MilestoneKind::Delivery, "", "2026-03-09", "2026-03-11", "")
        .validate(new_id(), today())
        .unwrap_err();
    assert_eq!(
        problems(&errs),
        vec![("done_on", FollowUpProblem::DoneInFuture.into())]
    );
    assert!(
        ms(MilestoneKind::Delivery, "", "2026-03-09", "2026-03-10", "")
            .validate(new_id(), today())
            .is_ok()
    );
}

#[test]
fn one_milestone_per_kind() {
    let mut f = fresh();
    milestones::add_milestone(
        &mut f,
        &ms(MilestoneKind::Acceptance, "", "2026-04-01", "", ""),
        today(),
    )
    .unwrap();
    let delivery = milestones::add_milestone(
        &mut f,
        &ms(MilestoneKind::Delivery, "", "2026-03-20", "", ""),
        today(),
    )
    .unwrap();
    assert_eq!(
        f.milestones[0].kind,
        MilestoneKind::Delivery,
        "kept in order"
    );
    let errs = milestones::add_milestone(
        &mut f,
        &ms(MilestoneKind::Acceptance, "", "", "", ""),
        today(),
    )
    .unwrap_err();
    assert_eq!(
        problems(&errs),
        vec![
            ("kind", FollowUpProblem::KindTaken.into()),
            ("planned", FieldProblem::Required)
        ]
    );
    assert_eq!(
        milestones::free_kinds(&f),
        vec![
            MilestoneKind::Installation,
            MilestoneKind::StartOfUse,
            MilestoneKind::WarrantyEnd
        ]
    );
    // Editing keeps its own kind; moving to another's kind is refused.
    let d = ms(MilestoneKind::Delivery, "", "2026-03-21", "", "");
    milestones::update_milestone(&mut f, delivery, &d, today()).unwrap();
    let d = ms(MilestoneKind::Acceptance, "", "2026-03-21", "", "");
    assert!(milestones::update_milestone(&mut f, delivery, &d, today()).is_err());
    let (at, gone) = milestones::remove_milestone(&mut f, delivery).unwrap();
    milestones::restore_milestone(&mut f, at, gone);
    assert_eq!(f.milestones.len(), 2);
}

#[test]
fn lateness_at_its_boundaries() {
    let m = |planned: NaiveDate, done: Option<NaiveDate>| Milestone {
        id: new_id(),
        kind: MilestoneKind::Acceptance,
        planned_start: None,
        planned,
        done_on: done,
        obstacle: String::new(),
        backup_plan: String::new(),
        note: String::new(),
    };
    let t = today();
    assert_eq!(milestones::lateness(&m(t, None), t), None, "due today");
    assert_eq!(
        milestones::lateness(&m(day(2026, 3, 9), None), t),
        Some(Lateness::Open { days: 1 })
    );
    assert_eq!(
        milestones::lateness(&m(day(2026, 3, 6), None), t),
        Some(Lateness::Open { days: 4 })
    );
    assert_eq!(
        milestones::lateness(&m(day(2026, 3, 1), Some(day(2026, 3, 1))), t),
        None,
        "on the day"
    );
    assert_eq!(
        milestones::lateness(&m(day(2026, 3, 1), Some(day(2026, 2, 20))), t),
        None,
        "early"
    );
    assert_eq!(
        milestones::lateness(&m(day(2026, 3, 1), Some(day(2026, 3, 4))), t),
        Some(Lateness::Reached { days: 3 })
    );
    let mut f = fresh();
    f.milestones = vec![
        Milestone {
            kind: MilestoneKind::Delivery,
            ..m(day(2026, 3, 1), Some(day(2026, 3, 4)))
        },
        m(day(2026, 3, 6), None),
        Milestone {
            kind: MilestoneKind::WarrantyEnd,
            ..m(day(2027, 3, 6), None)
        },
    ];
    assert_eq!(milestones::late_milestones(&f, t).len(), 2);
    let overdue: Vec<_> = milestones::overdue(&f, t)
        .into_iter()
        .map(|(m, d)| (m.kind, d))
        .collect();
    assert_eq!(overdue, vec![(MilestoneKind::Acceptance, 4)]);
}

// -------------------------------------------------------------------------------------------
// The satisfaction checks
// -------------------------------------------------------------------------------------------

#[test]
fn a_check_needs_a_date_not_ahead_a_known_person_and_a_score_of_one_to_five() {
    let ana = new_id();
    let known = |p: Id| p == ana;
    let d = CheckDraft {
        on: "2026-03-11".into(),
        person_id: Some(new_id()),
        score: "6".into(),
        ..CheckDraft::default()
    };
    let errs = d.validate(new_id(), today(), known).unwrap_err();
    assert_eq!(
        problems(&errs),
        vec![
            ("on", FollowUpProblem::DoneInFuture.into()),
            ("person_id", FollowUpProblem::PersonUnknown.into()),
            ("score", FollowUpProblem::ScoreInvalid.into()),
        ]
    );
    for bad in ["0", "x", "2.5", "-1"] {
        let d = CheckDraft {
            on: "2026-03-10".into(),
            score: bad.into(),
            ..CheckDraft::default()
        };
        assert!(d.validate(new_id(), today(), known).is_err(), "{bad}");
    }
    for good in ["1", "5", " 3 ", ""] {
        let d = CheckDraft {
            on: "2026-03-10".into(),
            person_id: Some(ana),
            score: good.into(),
            ..CheckDraft::default()
        };
        assert!(d.validate(new_id(), today(), known).is_ok(), "{good}");
    }
    let errs = CheckDraft::default()
        .validate(new_id(), today(), known)
        .unwrap_err();
    assert_eq!(problems(&errs), vec![("on", FieldProblem::Required)]);
}

#[test]
fn the_next_check_falls_due_a_cadence_after_the_last_or_the_win() {
    let cadence = Cadence::default();
    let won = day(2026, 3, 3);
    // Nothing written yet: the call is due seven days after the win, on the day.
    let next = satisfaction::next_due(None, won, cadence, today());
    assert_eq!(next[0].kind, CheckKind::Call);
    assert_eq!(next[0].due, today());
    assert!(next[0].is_due);
    assert_eq!(next[0].days_over, 0);
    assert_eq!(next[1].kind, CheckKind::Request);
    assert_eq!(next[1].due, day(2026, 4, 2));
    assert!(!next[1].is_due);
    // A day earlier the call is not due yet.
    let next = satisfaction::next_due(None, won, cadence, day(2026, 3, 9));
    assert!(!next[0].is_due);
    assert_eq!(next[0].days_over, -1);

    // A call logged restarts the clock for calls only; the latest counts, whatever order.
    let mut f = fresh();
    for on in ["2026-03-08", "2026-03-05"] {
        let d = CheckDraft {
            on: on.into(),
            ..CheckDraft::default()
        };
        satisfaction::log_check(&mut f, &d, today(), |_| true).unwrap();
    }
    assert_eq!(f.checks[0].on, day(2026, 3, 5), "kept in date order");
    let next = satisfaction::next_due(Some(&f), won, cadence, today());
    assert_eq!(next[0].last, Some(day(2026, 3, 8)));
    assert_eq!(next[0].due, day(2026, 3, 15));
    assert!(!next[0].is_due);
    assert_eq!(next[1].last, None);

    // The cadence from Settings.
    let weekly_requests = Cadence {
        call_days: 1,
        request_days: 7,
    };
    let next = satisfaction::next_due(Some(&f), won, weekly_requests, today());
    assert_eq!(next[0].due, day(2026, 3, 9));
    assert_eq!(next[0].days_over, 1);
    assert_eq!(next[1].due, day(2026, 3, 10));
    assert!(next[1].is_due);
}

#[test]
fn only_a_deal_won_and_not_fully_paid_is_in_service() {
    use crate::domain::deal::Outcome;
    let won = day(2026, 3, 1);
    assert_eq!(
        in_service(&Outcome::Won {
            at: won,
            paid_on: None
        }),
        Some(won)
    );
    assert_eq!(
        in_service(&Outcome::Won {
            at: won,
            paid_on: Some(today())
        }),
        None
    );
    assert_eq!(in_service(&Outcome::Open), None);
    assert_eq!(
        in_service(&Outcome::Lost {
            at: won,
            reason: "price".into()
        }),
        None
    );
}

// -------------------------------------------------------------------------------------------
// The watch list
// -------------------------------------------------------------------------------------------

#[test]
fn the_watch_list_puts_late_things_first() {
    let deal = new_id();
    let mut f = fresh();
    checklist::add_item(&mut f, &item("Site ready", "2026-03-12"), today()).unwrap();
    checklist::add_item(&mut f, &item("Manuals", "2026-03-09"), today()).unwrap();
    checklist::add_item(&mut f, &item("Spare parts", "2026-05-01"), today()).unwrap();
    milestones::add_milestone(
        &mut f,
        &ms(MilestoneKind::Acceptance, "", "2026-03-06", "", ""),
        today(),
    )
    .unwrap();
    // Won on 2026-03-03: the call is due today (not late), the request in April.
    let mut list = watch::watch_deal(deal, Some(&f), day(2026, 3, 3), Cadence::default(), today());
    watch::sort(&mut list);
    let what: Vec<_> = list.iter().map(|w| (w.what.clone(), w.is_late())).collect();
    assert_eq!(
        what,
        vec![
            (
                WatchKind::MilestoneLate {
                    kind: MilestoneKind::Acceptance,
                    days: 4
                },
                true
            ),
            (
                WatchKind::ItemLate {
                    text: "Manuals".into(),
                    days: 1
                },
                true
            ),
            (
                WatchKind::CheckDue {
                    kind: CheckKind::Call,
                    days_over: 0
                },
                false
            ),
            (
                WatchKind::ItemDue {
                    text: "Site ready".into(),
                    in_days: 2
                },
                false
            ),
        ]
    );
    assert_eq!(list.iter().filter(|w| w.is_late_delivery()).count(), 2);
    // A deal without a follow-up yet still has its checks due.
    let list = watch::watch_deal(deal, None, day(2026, 1, 1), Cadence::default(), today());
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|w| w.is_late()));
}

// -------------------------------------------------------------------------------------------
// The record rules
// -------------------------------------------------------------------------------------------

fn good() -> FollowUp {
    let mut f = fresh();
    let mut d = item("Sensors delivered", "2026-03-01");
    d.done_on = "2026-03-02".into();
    checklist::add_item(&mut f, &d, today()).unwrap();
    milestones::add_milestone(
        &mut f,
        &ms(
            MilestoneKind::Delivery,
            "2026-03-01",
            "2026-03-05",
            "2026-02-27",
            "Early truck",
        ),
        today(),
    )
    .unwrap();
    satisfaction::log_check(
        &mut f,
        &CheckDraft {
            on: "2026-03-09".into(),
            score: "4".into(),
            ..CheckDraft::default()
        },
        today(),
        |_| true,
    )
    .unwrap();
    f
}

#[test]
fn a_stored_follow_up_obeys_the_forms_rules() {
    assert_eq!(check_record(&good(), &ctx()), Ok(()));

    let mut f = good();
    f.milestones[0].note.clear();
    let e = check_record(&f, &ctx()).unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.reason),
        (
            "milestones[0].done_on",
            "followup.error.done_before_start.rule"
        )
    );

    let mut f = good();
    f.milestones[0].planned_start = Some(day(2026, 3, 6));
    let e = check_record(&f, &ctx()).unwrap_err();
    assert_eq!(e.path, "milestones[0].planned_start");

    let mut f = good();
    let dup = f.milestones[0].clone();
    f.milestones.push(Milestone {
        id: new_id(),
        ..dup
    });
    let e = check_record(&f, &ctx()).unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.reason),
        ("milestones[1].kind", "followup.error.kind_taken.rule")
    );

    let mut f = good();
    f.checklist[0].text = " ".into();
    assert_eq!(
        check_record(&f, &ctx()).unwrap_err().path,
        "checklist[0].text"
    );

    let mut f = good();
    f.checks[0].score = Some(0);
    assert_eq!(
        check_record(&f, &ctx()).unwrap_err().path,
        "checks[0].score"
    );

    let mut f = good();
    f.checks[0].id = f.checklist[0].id;
    assert_eq!(check_record(&f, &ctx()).unwrap_err().path, "checks[0].id");
}

#[test]
fn a_stored_done_date_may_be_a_clock_difference_ahead_not_more() {
    // Now is 2026-03-10 12:00 UTC: a rep ahead of UTC may be on the 11th already.
    let mut f = good();
    f.checklist[0].done_on = Some(day(2026, 3, 11));
    assert_eq!(check_record(&f, &ctx()), Ok(()));
    f.checklist[0].done_on = Some(day(2026, 3, 12));
    let e = check_record(&f, &ctx()).unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.reason),
        ("checklist[0].done_on", "followup.error.done_in_future.rule")
    );
    let mut f = good();
    f.checks[0].on = day(2026, 3, 12);
    assert_eq!(check_record(&f, &ctx()).unwrap_err().path, "checks[0].on");
}
