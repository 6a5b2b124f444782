//! The sample book: load it into this book (asked first when records exist) and remove
//! exactly the records it added, with an Undo.
//!
//! - [`load`]: every record of the sample book ([`sample::build`]) and the mark listing
//!   them, in one transaction; refused while a sample book is loaded.
//! - [`plan_removal`] / [`remove`]: the listed records still in the book and the mark,
//!   deleted in one transaction; refused while one of the rep's own records names a
//!   sample record (see [`sample::removal`]): the plan lists them.
//! - [`undo_remove`]: puts every removed record and the mark back (as their next revision),
//!   refused when another sample book has been loaded since.

use crate::domain::ids::{brought_back, Id, Record};
use crate::domain::training::sample::{self, RemovalPlan, SampleRecords};
use crate::domain::training::SampleBook;
use crate::state::data::{AppData, Changes, Taken};
use crate::store::StoreError;
use chrono::{Local, Utc};
use std::future::Future;

/// Why loading or removing the sample book was refused (before anything is written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A sample book is loaded already.
    AlreadyLoaded,
    /// No sample book is loaded.
    NotLoaded,
    /// The rep's own records name sample records (the plan lists them).
    Blocked(RemovalPlan),
}

impl Refusal {
    /// The catalogue key of the message.
    pub fn key(&self) -> &'static str {
        match self {
            Refusal::AlreadyLoaded => "sample.error.already_loaded",
            Refusal::NotLoaded => "sample.error.not_loaded",
            Refusal::Blocked(_) => "sample.error.blocked",
        }
    }
}

/// The sample book loaded in this book, if any (tracked).
pub fn loaded(data: AppData) -> Option<SampleBook> {
    data.sample_books
        .with_all(|m| m.values().min_by_key(|s| s.loaded_at).cloned())
}

/// How many records the book holds, the sample book's mark not counted (tracked).
pub fn record_count(data: AppData) -> usize {
    data.counts()
        .into_iter()
        .filter(|(kind, _)| *kind != SampleBook::KIND)
        .map(|(_, n)| n)
        .sum()
}

/// How many records the sample book adds (the same every time it is built).
pub fn size() -> usize {
    sample::build(Local::now().date_naive(), Utc::now()).len()
}

/// Loads the sample book: every record and the mark, in one transaction. Returns how many
/// records it added.
pub fn load(data: AppData) -> Result<impl Future<Output = Result<usize, StoreError>>, Refusal> {
    if data.sample_books.with_all_untracked(|m| !m.is_empty()) {
        return Err(Refusal::AlreadyLoaded);
    }
    let now = Utc::now();
    let records = sample::build(Local::now().date_naive(), now);
    let mark = records.mark(now);
    let n = records.len();
    let mut ch = Changes::new();
    put_all(&mut ch, &data, records);
    ch.put(&data, mark);
    Ok(async move { ch.commit(data).await.map(|()| n) })
}

fn put_all(ch: &mut Changes, data: &AppData, r: SampleRecords) {
    for x in r.accounts {
        ch.put(data, x);
    }
    for x in r.contacts {
        ch.put(data, x);
    }
    for x in r.products {
        ch.put(data, x);
    }
    for x in r.deals {
        ch.put(data, x);
    }
    for x in r.activities {
        ch.put(data, x);
    }
    for x in r.tasks {
        ch.put(data, x);
    }
    for x in r.proposals {
        ch.put(data, x);
    }
    for x in r.negotiations {
        ch.put(data, x);
    }
    for x in r.followups {
        ch.put(data, x);
    }
    for x in r.invoices {
        ch.put(data, x);
    }
    for x in r.complaints {
        ch.put(data, x);
    }
}

/// What a removal deleted (Undo brings it back): the records and the mark.
#[derive(Debug, Clone, Default)]
pub struct Removed {
    pub mark: Option<SampleBook>,
    pub records: Taken,
}

impl Removed {
    /// How many records (the mark not counted).
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

/// What removing the sample book would do now (`None`: none is loaded). Nothing is
/// written.
pub fn plan_removal(data: AppData) -> Option<(SampleBook, RemovalPlan)> {
    let mark = data
        .sample_books
        .with_all_untracked(|m| m.values().min_by_key(|s| s.loaded_at).cloned())?;
    let plan = sample::removal(&mark, data.book_rows());
    Some((mark, plan))
}

/// Removes the sample book: the listed records still in the book and the mark, in one
/// transaction (planned again now, so a record added since is seen). Returns what was
/// removed, for Undo.
pub fn remove(data: AppData) -> Result<impl Future<Output = Result<Removed, StoreError>>, Refusal> {
    let (mark, plan) = plan_removal(data).ok_or(Refusal::NotLoaded)?;
    if plan.is_blocked() {
        return Err(Refusal::Blocked(plan));
    }
    let mut ch = Changes::new();
    let named: Vec<(&str, Id)> = plan
        .remove
        .iter()
        .map(|r| (r.kind.as_str(), r.id))
        .collect();
    let mut removed = Removed {
        mark: None,
        records: data.take_named(&named, &mut ch),
    };
    // Any other mark too (two tabs loading at once): the book then has none.
    data.sample_books.with_all_untracked(|m| {
        for other in m.values().filter(|s| s.id != mark.id) {
            ch.delete(other);
        }
    });
    ch.delete(&mark);
    removed.mark = Some(mark);
    Ok(async move { ch.commit(data).await.map(|()| removed) })
}

/// Brings a removed sample book back (Undo): every record and the mark, in one
/// transaction. Refused when another sample book has been loaded since.
pub fn undo_remove(
    data: AppData,
    removed: &Removed,
) -> Result<impl Future<Output = Result<(), StoreError>>, Refusal> {
    if data.sample_books.with_all_untracked(|m| !m.is_empty()) {
        return Err(Refusal::AlreadyLoaded);
    }
    let mut ch = Changes::new();
    removed.records.put_back(&data, &mut ch);
    if let Some(mark) = &removed.mark {
        ch.put(&data, brought_back(mark));
    }
    Ok(ch.commit(data))
}
