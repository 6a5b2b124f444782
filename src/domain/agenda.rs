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

use crate::domain::activity::{parse_date, parse_time, Activity};
use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::ids::{new_id, Id};
use crate::domain::sorting::SortExt;
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
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
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
    #[serde(default, deserialize_with = "crate::domain::stamp::de_opt")]
    pub done_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub notes: String,
}

crate::impl_record!(Task, "tasks");

/// The task forms' fields in error: `title`, `date` (the due date) and `time`.
const TITLE: (&str, &str) = ("title", "trust.ui.task.title");
const DUE_DATE: (&str, &str) = ("date", "trust.ui.task.due_date");
const DUE_TIME: (&str, &str) = ("time", "trust.ui.task.due_time");

fn task_error(
    (field, label_key): (&'static str, &'static str),
    problem: FieldProblem,
) -> FieldError {
    FieldError::new(field, label_key, problem)
}

/// A task title: not blank, at most [`MAX_NAME`](crate::domain::rules::MAX_NAME) characters.
pub fn check_title(title: &str) -> Result<(), FieldError> {
    let title = title.trim();
    if title.is_empty() {
        Err(task_error(TITLE, FieldProblem::TaskTitleMissing))
    } else if title.chars().count() > crate::domain::rules::MAX_NAME {
        Err(task_error(TITLE, FieldProblem::TaskTitleTooLong))
    } else {
        Ok(())
    }
}

/// Parses a due date (`YYYY-MM-DD`) and optional time (`HH:MM`, blank for none) as typed.
pub fn parse_due(date: &str, time: &str) -> Result<Due, Vec<FieldError>> {
    let on_task = |e: FieldError| match e.problem {
        FieldProblem::ActivityDateMissing => task_error(DUE_DATE, FieldProblem::TaskDateMissing),
        FieldProblem::ActivityTimeInvalid => {
            task_error(DUE_TIME, FieldProblem::TaskTimeInvalid).arg("input", time)
        }
        _ => task_error(DUE_DATE, FieldProblem::TaskDateInvalid).arg("input", date),
    };
    match (parse_date(date), parse_time(time)) {
        (Ok(date), Ok(time)) => Ok(Due { date, time }),
        (d, t) => Err(d.err().into_iter().chain(t.err()).map(on_task).collect()),
    }
}

impl Task {
    /// A new open task; the title is trimmed and must not be blank (see [`check_title`]).
    pub fn new(title: &str, due: Due, now: DateTime<Utc>) -> Result<Task, FieldError> {
        let title = title.trim();
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
) -> Result<Task, FieldError> {
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
pub fn edit_errors(edit: &TaskEdit) -> Vec<FieldError> {
    let mut errs = Vec::new();
    if let Err(e) = check_title(&edit.title) {
        errs.push(e);
    }
    if let Err(e) = parse_due(&edit.date, &edit.time) {
        errs.extend(e);
    }
    errs
}

/// Applies an edit: title (trimmed), due date and time, notes (trimmed). On any error the
/// task is left as it was and every error is returned.
pub fn apply_edit(task: &mut Task, edit: &TaskEdit) -> Result<(), Vec<FieldError>> {
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
}

crate::keyed_enum!(RescheduleTarget, {
    RescheduleTarget::Tomorrow => "tasks_more.reschedule.tomorrow",
    RescheduleTarget::NextWeek => "tasks_more.reschedule.next_week",
});

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
    out.sort_with(|a, b| {
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
}

crate::keyed_enum!(AgendaBucket, {
    AgendaBucket::Overdue => "agenda.bucket.overdue",
    AgendaBucket::Today => "agenda.bucket.today",
    AgendaBucket::Next7Days => "agenda.bucket.next_7_days",
    AgendaBucket::Later => "agenda.bucket.later",
});

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
    list.sort_with(|a, b| {
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
mod tests;
