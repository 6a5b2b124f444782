//! Follow-up tasks: add, complete and its Undo (reopen), edit, reschedule.
//!
//! The actions on an existing task work on the task as stored now (a row may show an
//! older copy). Those that can find nothing to change return `None` and write nothing.

use crate::domain::agenda::{self, parse_due, RescheduleTarget, Task, TaskEdit};
use crate::domain::fields::FieldError;
use crate::domain::ids::Id;
use crate::state::data::AppData;
use crate::store::StoreError;
use chrono::{NaiveDate, Utc};
use std::future::Future;

/// A task as typed in the "add follow-up task" form.
#[derive(Debug, Clone, Default)]
pub struct NewTask {
    pub title: String,
    pub date: String,
    pub time: String,
    /// The activity it follows up, if one was chosen.
    pub follows: Option<Id>,
}

/// Adds a task for the person `contact_id` (and `account_id`), following up an activity
/// when one is chosen; refused at once with every field in error.
pub fn add(
    data: AppData,
    contact_id: Id,
    account_id: Option<Id>,
    new: &NewTask,
) -> Result<impl Future<Output = Result<Task, StoreError>>, Vec<FieldError>> {
    let mut errs = Vec::new();
    if let Err(e) = agenda::check_title(&new.title) {
        errs.push(e);
    }
    let due = match parse_due(&new.date, &new.time) {
        Ok(d) => Some(d),
        Err(e) => {
            errs.extend(e);
            None
        }
    };
    let (Some(due), true) = (due, errs.is_empty()) else {
        return Err(errs);
    };
    let now = Utc::now();
    let activity = new.follows.and_then(|id| data.activities.get_untracked(id));
    let task = match activity {
        Some(a) => agenda::follow_up_from(&a, &new.title, due, now).map(|mut task| {
            // The task belongs to this person even if they were not first on the activity.
            task.contact_id = Some(contact_id);
            task
        }),
        None => Task::new(&new.title, due, now).map(|mut task| {
            task.contact_id = Some(contact_id);
            task.account_id = account_id;
            task
        }),
    }
    .map_err(|e| vec![e])?;
    Ok(super::put(data, task))
}

/// The task as stored now (the caller may hold an older copy).
fn current(data: AppData, task: &Task) -> Task {
    data.tasks
        .get_untracked(task.id)
        .unwrap_or_else(|| task.clone())
}

/// Marks the task done now; `None` when it is done already.
pub fn complete(
    data: AppData,
    task: &Task,
) -> Option<impl Future<Output = Result<Task, StoreError>>> {
    let mut t = current(data, task);
    agenda::complete(&mut t, Utc::now()).then(|| super::put(data, t))
}

/// Opens a done task again (also the Undo of [`complete`]); `None` when it is open.
pub fn reopen(
    data: AppData,
    task: &Task,
) -> Option<impl Future<Output = Result<Task, StoreError>>> {
    let mut t = current(data, task);
    agenda::reopen(&mut t).then(|| super::put(data, t))
}

/// Moves the task to tomorrow or next week (from `today`); `None` when it is due then
/// already.
pub fn reschedule_to(
    data: AppData,
    task: &Task,
    target: RescheduleTarget,
    today: NaiveDate,
) -> Option<impl Future<Output = Result<Task, StoreError>>> {
    let mut t = current(data, task);
    agenda::reschedule_to(&mut t, target, today).then(|| super::put(data, t))
}

/// Moves the task to the date typed (`YYYY-MM-DD`); refused at once when it is not a date,
/// `Ok(None)` when the task is due that day already.
pub fn reschedule(
    data: AppData,
    task: &Task,
    date: &str,
) -> Result<Option<impl Future<Output = Result<Task, StoreError>>>, Vec<FieldError>> {
    let due = parse_due(date, "")?;
    let mut t = current(data, task);
    Ok(agenda::reschedule(&mut t, due.date).then(|| super::put(data, t)))
}

/// Changes the task's title, due date and time, and notes; refused at once with every
/// field in error.
pub fn edit(
    data: AppData,
    task: &Task,
    edit: &TaskEdit,
) -> Result<impl Future<Output = Result<Task, StoreError>>, Vec<FieldError>> {
    let mut t = current(data, task);
    agenda::apply_edit(&mut t, edit)?;
    Ok(super::put(data, t))
}
