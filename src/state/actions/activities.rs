//! Activities: logging one, with its optional follow-up task in the same transaction.

use crate::domain::activity::{gift_value_error, Activity, ActivityDraft};
use crate::domain::agenda::{check_title, follow_up_from, parse_due, Task};
use crate::domain::fields::FieldError;
use crate::domain::money::{Currency, MoneyError};
use crate::state::data::{AppData, Changes};
use crate::store::StoreError;
use chrono::{Local, Utc};
use std::future::Future;

/// The follow-up task as typed under the activity: wanted when a title or a date is given.
#[derive(Debug, Clone, Default)]
pub struct FollowUp {
    pub title: String,
    pub date: String,
    pub time: String,
}

/// Why an activity was not logged: the fields in error, of the activity and of its
/// follow-up task (either list may be empty).
#[derive(Debug, Clone, Default)]
pub struct LogRefused {
    pub activity: Vec<FieldError>,
    pub task: Vec<FieldError>,
}

/// Logs an activity (and its follow-up task, when one is typed) as one transaction;
/// refused at once with every field in error. `gift_currency` is the currency code as
/// typed. Returns the activity as stored.
pub fn log(
    data: AppData,
    draft: &ActivityDraft,
    gift_currency: &str,
    follow_up: &FollowUp,
) -> Result<impl Future<Output = Result<Activity, StoreError>>, LogRefused> {
    let mut errs = Vec::new();
    if draft.kind.is_gift() && Currency::parse(gift_currency).is_err() {
        errs.push(gift_value_error(MoneyError::BadCurrency(
            gift_currency.to_string(),
        )));
    }
    let fields = match draft.validate(&Local) {
        Ok(f) if errs.is_empty() => Some(f),
        Ok(_) => None,
        Err(mut e) => {
            e.append(&mut errs);
            errs = e;
            None
        }
    };
    let FollowUp { title, date, time } = follow_up;
    let wants_task = !title.trim().is_empty() || !date.trim().is_empty();
    let mut terrs = Vec::new();
    let due = if wants_task {
        if let Err(e) = check_title(title) {
            terrs.push(e);
        }
        match parse_due(date, time) {
            Ok(d) => Some(d),
            Err(e) => {
                terrs.extend(e);
                None
            }
        }
    } else {
        None
    };
    let refused = |activity, task| LogRefused { activity, task };
    let Some(fields) = fields else {
        return Err(refused(errs, terrs));
    };
    if !terrs.is_empty() {
        return Err(refused(errs, terrs));
    }
    let now = Utc::now();
    let activity = Activity::new(fields, now);
    let task: Option<Task> = match due {
        Some(due) => match follow_up_from(&activity, title, due, now) {
            Ok(task) => Some(task),
            Err(e) => return Err(refused(Vec::new(), vec![e])),
        },
        None => None,
    };
    Ok(async move {
        let mut ch = Changes::new();
        let saved = ch.put(&data, activity);
        if let Some(task) = task {
            ch.put(&data, task);
        }
        ch.commit(data).await.map(|()| saved)
    })
}
