//! Next steps: follow-up tasks and the Agenda.
//!
//! Decisions taken here:
//! - A due date is a **local calendar date** (`due_date`), with an optional local time
//!   (`due_time`). It is "floating": not tied to a zone, so "due Friday" stays Friday
//!   wherever the rep is. Bucketing reads it in the zone the caller passes.
//! - "Today" is the calendar date of `now` in the user's zone.
//! - **Overdue** = not done, and due before today, or due today at a time already past
//!   (strictly: at 10:00 a task due at 10:00 is still "today"; at 10:00:01 it is late).
//!   A task due today without a time is "today" all day.
//! - **Next 7 days** = due on one of the seven calendar days after today
//!   (today + 1 ..= today + 7); **later** = after that.
//! - Done tasks are in no bucket.
//! - Order in each bucket: earliest due first; on the same day, timed tasks by time, then
//!   untimed ones; then by creation.
//! - **Reschedule**: "tomorrow" is today + 1 day, "next week" is today + 7 days (the same
//!   weekday next week), both counted from the local today, never from the old due date
//!   (an overdue task moved to "tomorrow" lands tomorrow). A due time is kept.
//! - **Editing** a task applies the same field rules as creating one (title required, at
//!   most [`MAX_NAME`](crate::domain::rules::MAX_NAME) characters, a valid date and time).
//! - **Done list**: done tasks, most recently completed first, within a window of days.

use crate::domain::activity::{parse_date, parse_time, Activity, ActivityFieldError};
use crate::domain::ids::{new_id, Id};
use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// When a task is due: a local calendar date and, optionally, a local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Due {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl Due {
    pub fn on(date: NaiveDate) -> Self {
        Due { date, time: None }
    }
    pub fn at(date: NaiveDate, time: NaiveTime) -> Self {
        Due {
            date,
            time: Some(time),
        }
    }
}

/// A follow-up or next step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: Id,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub title: String,
    /// Local calendar date.
    pub due_date: NaiveDate,
    /// Local time of day, if the task has one.
    #[serde(default)]
    pub due_time: Option<NaiveTime>,
    /// The activity this task follows up.
    #[serde(default)]
    pub activity_id: Option<Id>,
    #[serde(default)]
    pub contact_id: Option<Id>,
    #[serde(default)]
    pub account_id: Option<Id>,
    #[serde(default)]
    pub deal_id: Option<Id>,
    #[serde(default)]
    pub done_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub notes: String,
}

crate::impl_record!(Task, "tasks");

/// What is wrong with a task's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskError {
    TitleMissing,
    /// Longer than [`MAX_NAME`](crate::domain::rules::MAX_NAME) characters.
    TitleTooLong,
    DateMissing,
    /// Not a `YYYY-MM-DD` date.
    DateInvalid(String),
    /// Not an `HH:MM` time.
    TimeInvalid(String),
}

impl TaskError {
    /// Catalogue key; `{input}` for the invalid-input variants.
    pub fn key(&self) -> &'static str {
        match self {
            TaskError::TitleMissing => "task.error.title_missing",
            TaskError::TitleTooLong => "task.error.title_too_long",
            TaskError::DateMissing => "task.error.date_missing",
            TaskError::DateInvalid(_) => "task.error.date_invalid",
            TaskError::TimeInvalid(_) => "task.error.time_invalid",
        }
    }
}

/// A task title of at most [`MAX_NAME`](crate::domain::rules::MAX_NAME) characters.
pub fn check_title(title: &str) -> Result<(), TaskError> {
    if title.trim().chars().count() > crate::domain::rules::MAX_NAME {
        Err(TaskError::TitleTooLong)
    } else {
        Ok(())
    }
}

/// Parses a due date (`YYYY-MM-DD`) and optional time (`HH:MM`, blank for none) as typed.
pub fn parse_due(date: &str, time: &str) -> Result<Due, Vec<TaskError>> {
    let map = |e: ActivityFieldError| match e {
        ActivityFieldError::DateMissing => TaskError::DateMissing,
        ActivityFieldError::DateInvalid(s) => TaskError::DateInvalid(s),
        ActivityFieldError::TimeInvalid(s) => TaskError::TimeInvalid(s),
        _ => TaskError::DateInvalid(date.to_string()),
    };
    match (parse_date(date), parse_time(time)) {
        (Ok(date), Ok(time)) => Ok(Due { date, time }),
        (d, t) => Err(d.err().into_iter().chain(t.err()).map(map).collect()),
    }
}

impl Task {
    /// A new open task; the title is trimmed and must not be blank.
    pub fn new(title: &str, due: Due, now: DateTime<Utc>) -> Result<Task, TaskError> {
        let title = title.trim();
        if title.is_empty() {
            return Err(TaskError::TitleMissing);
        }
        check_title(title)?;
        Ok(Task {
            id: new_id(),
            created_at: now,
            updated_at: now,
            rev: 1,
            title: title.to_string(),
            due_date: due.date,
            due_time: due.time,
            activity_id: None,
            contact_id: None,
            account_id: None,
            deal_id: None,
            done_at: None,
            notes: String::new(),
        })
    }

    pub fn due(&self) -> Due {
        Due {
            date: self.due_date,
            time: self.due_time,
        }
    }

    pub fn set_due(&mut self, due: Due) {
        self.due_date = due.date;
        self.due_time = due.time;
    }

    pub fn is_done(&self) -> bool {
        self.done_at.is_some()
    }
}

/// A follow-up task for an activity, linked to it and to its account and deal; the
/// person is the activity's first person (a task has one person).
pub fn follow_up_from(
    activity: &Activity,
    title: &str,
    due: Due,
    now: DateTime<Utc>,
) -> Result<Task, TaskError> {
    let mut t = Task::new(title, due, now)?;
    t.activity_id = Some(activity.id);
    t.contact_id = activity.contact_ids.first().copied();
    t.account_id = activity.account_id;
    t.deal_id = activity.deal_id;
    Ok(t)
}

/// Marks the task done at `now`. Returns false (and keeps the first completion time)
/// when it was already done.
pub fn complete(task: &mut Task, now: DateTime<Utc>) -> bool {
    if task.is_done() {
        return false;
    }
    task.done_at = Some(now);
    true
}

/// Opens a done task again. Returns false when it was open.
pub fn reopen(task: &mut Task) -> bool {
    task.done_at.take().is_some()
}

/// What the rep typed in the task's edit form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TaskEdit {
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM` or blank.
    pub time: String,
    pub notes: String,
}

impl TaskEdit {
    /// The form filled with the task as it is.
    pub fn of(task: &Task) -> TaskEdit {
        TaskEdit {
            title: task.title.clone(),
            date: task.due_date.format("%Y-%m-%d").to_string(),
            time: task
                .due_time
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default(),
            notes: task.notes.clone(),
        }
    }
}

/// Every field error of an edit, in form order (title, date, time); empty when it is valid.
pub fn edit_errors(edit: &TaskEdit) -> Vec<TaskError> {
    let mut errs = Vec::new();
    if edit.title.trim().is_empty() {
        errs.push(TaskError::TitleMissing);
    } else if let Err(e) = check_title(&edit.title) {
        errs.push(e);
    }
    if let Err(e) = parse_due(&edit.date, &edit.time) {
        errs.extend(e);
    }
    errs
}

/// Applies an edit: title (trimmed), due date and time, notes (trimmed). On any error the
/// task is left as it was and every error is returned.
pub fn apply_edit(task: &mut Task, edit: &TaskEdit) -> Result<(), Vec<TaskError>> {
    let errs = edit_errors(edit);
    if !errs.is_empty() {
        return Err(errs);
    }
    let due = parse_due(&edit.date, &edit.time)?;
    task.title = edit.title.trim().to_string();
    task.set_due(due);
    task.notes = edit.notes.trim().to_string();
    Ok(())
}

/// The quick reschedule targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RescheduleTarget {
    Tomorrow,
    NextWeek,
}

impl RescheduleTarget {
    pub const ALL: &'static [RescheduleTarget] =
        &[RescheduleTarget::Tomorrow, RescheduleTarget::NextWeek];

    /// The new due date, counted from the local `today`.
    pub fn date(self, today: NaiveDate) -> NaiveDate {
        let days = match self {
            RescheduleTarget::Tomorrow => 1,
            RescheduleTarget::NextWeek => 7,
        };
        today.checked_add_days(Days::new(days)).unwrap_or(today)
    }

    pub fn key(&self) -> &'static str {
        match self {
            RescheduleTarget::Tomorrow => "tasks_more.reschedule.tomorrow",
            RescheduleTarget::NextWeek => "tasks_more.reschedule.next_week",
        }
    }
}

/// Moves the task to `date`, keeping its due time. Returns false when it was already due
/// that day.
pub fn reschedule(task: &mut Task, date: NaiveDate) -> bool {
    if task.due_date == date {
        return false;
    }
    task.due_date = date;
    true
}

/// Moves the task to a quick target counted from the local `today` (see the module notes).
pub fn reschedule_to(task: &mut Task, target: RescheduleTarget, today: NaiveDate) -> bool {
    reschedule(task, target.date(today))
}

/// Done tasks completed at or after `since` (all of them when `None`), most recently
/// completed first; equal times by title, then id.
pub fn done_tasks<'a>(
    tasks: impl IntoIterator<Item = &'a Task>,
    since: Option<DateTime<Utc>>,
) -> Vec<&'a Task> {
    let mut out: Vec<&Task> = tasks
        .into_iter()
        .filter(|t| t.done_at.is_some_and(|d| since.is_none_or(|s| d >= s)))
        .collect();
    out.sort_by(|a, b| {
        b.done_at
            .cmp(&a.done_at)
            .then_with(|| a.title.cmp(&b.title))
            .then(a.id.cmp(&b.id))
    });
    out
}

/// The start of the done list's window: `days` days before `now`.
pub fn done_window_start(now: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    now - chrono::Duration::days(i64::from(days))
}

/// The Agenda's sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AgendaBucket {
    Overdue,
    Today,
    Next7Days,
    Later,
}

impl AgendaBucket {
    pub const ALL: &'static [AgendaBucket] = &[
        AgendaBucket::Overdue,
        AgendaBucket::Today,
        AgendaBucket::Next7Days,
        AgendaBucket::Later,
    ];

    pub fn key(&self) -> &'static str {
        match self {
            AgendaBucket::Overdue => "agenda.bucket.overdue",
            AgendaBucket::Today => "agenda.bucket.today",
            AgendaBucket::Next7Days => "agenda.bucket.next_7_days",
            AgendaBucket::Later => "agenda.bucket.later",
        }
    }
}

/// The bucket of one task at `now` in `tz`; `None` for a done task.
pub fn classify<Tz: TimeZone>(task: &Task, now: DateTime<Utc>, tz: &Tz) -> Option<AgendaBucket> {
    if task.is_done() {
        return None;
    }
    let local = now.with_timezone(tz).naive_local();
    let today = local.date();
    let week_end = today
        .checked_add_days(Days::new(7))
        .unwrap_or(NaiveDate::MAX);
    Some(if task.due_date < today {
        AgendaBucket::Overdue
    } else if task.due_date == today {
        match task.due_time {
            Some(t) if local.time() > t => AgendaBucket::Overdue,
            _ => AgendaBucket::Today,
        }
    } else if task.due_date <= week_end {
        AgendaBucket::Next7Days
    } else {
        AgendaBucket::Later
    })
}

/// Open tasks grouped for the Agenda view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Agenda<'a> {
    pub overdue: Vec<&'a Task>,
    pub today: Vec<&'a Task>,
    pub next_7_days: Vec<&'a Task>,
    pub later: Vec<&'a Task>,
}

impl<'a> Agenda<'a> {
    pub fn get(&self, bucket: AgendaBucket) -> &[&'a Task] {
        match bucket {
            AgendaBucket::Overdue => &self.overdue,
            AgendaBucket::Today => &self.today,
            AgendaBucket::Next7Days => &self.next_7_days,
            AgendaBucket::Later => &self.later,
        }
    }
    pub fn len(&self) -> usize {
        self.overdue.len() + self.today.len() + self.next_7_days.len() + self.later.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Due order: date, then timed before untimed by time, then creation, then id.
fn by_due(list: &mut [&Task]) {
    list.sort_by(|a, b| {
        a.due_date
            .cmp(&b.due_date)
            .then_with(|| match (a.due_time, b.due_time) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then(a.created_at.cmp(&b.created_at))
            .then(a.id.cmp(&b.id))
    });
}

/// Groups the open tasks into overdue, today, next 7 days and later, as seen at `now`
/// in the user's zone `tz` (see the module notes for the rules).
pub fn bucket<'a, Tz: TimeZone>(
    tasks: impl IntoIterator<Item = &'a Task>,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Agenda<'a> {
    let mut a = Agenda::default();
    for t in tasks {
        match classify(t, now, tz) {
            Some(AgendaBucket::Overdue) => a.overdue.push(t),
            Some(AgendaBucket::Today) => a.today.push(t),
            Some(AgendaBucket::Next7Days) => a.next_7_days.push(t),
            Some(AgendaBucket::Later) => a.later.push(t),
            None => {}
        }
    }
    by_due(&mut a.overdue);
    by_due(&mut a.today);
    by_due(&mut a.next_7_days);
    by_due(&mut a.later);
    a
}

/// A person's open tasks, earliest due first (for the person page and the call plan).
pub fn open_tasks_for_contact<'a>(
    tasks: impl IntoIterator<Item = &'a Task>,
    contact_id: Id,
) -> Vec<&'a Task> {
    let mut out: Vec<&Task> = tasks
        .into_iter()
        .filter(|t| !t.is_done() && t.contact_id == Some(contact_id))
        .collect();
    by_due(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::activity::{catalogue_support, ActivityDraft, ActivityKind};
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
            Err(TaskError::TitleMissing)
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
                TaskError::DateMissing,
                TaskError::TimeInvalid("7pm".into())
            ])
        );
        assert_eq!(
            parse_due("3.6.2026", ""),
            Err(vec![TaskError::DateInvalid("3.6.2026".into())])
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
        assert_eq!(
            apply_edit(&mut t, &blank),
            Err(vec![
                TaskError::TitleMissing,
                TaskError::DateInvalid("5.6.2026".into())
            ])
        );
        assert_eq!(t, before);
        let long = TaskEdit {
            title: "x".repeat(201),
            ..e.clone()
        };
        assert_eq!(
            apply_edit(&mut t, &long),
            Err(vec![TaskError::TitleTooLong])
        );
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
            edit_errors(&no_date),
            vec![TaskError::DateMissing, TaskError::TimeInvalid("7pm".into())]
        );
        assert_eq!(t, before);
    }

    #[test]
    fn every_key_has_a_string() {
        let mut keys: Vec<&str> = AgendaBucket::ALL.iter().map(|b| b.key()).collect();
        keys.extend(RescheduleTarget::ALL.iter().map(|r| r.key()));
        for e in [
            TaskError::TitleMissing,
            TaskError::TitleTooLong,
            TaskError::DateMissing,
            TaskError::DateInvalid(String::new()),
            TaskError::TimeInvalid(String::new()),
        ] {
            keys.push(e.key());
        }
        catalogue_support::assert_keys(&keys);
    }
}
