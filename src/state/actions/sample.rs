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

use std::collections::HashSet;

use crate::domain::complaint::Complaint;
use crate::domain::decline::{DeclinedRequest, Partner};
use crate::domain::followup::FollowUp;
use crate::domain::ids::{brought_back, Id, Record};
use crate::domain::receivable::{CreditCheck, Invoice};
use crate::domain::referral::Referral;
use crate::domain::training::sample::{self, BookRecord, RemovalPlan, SampleRecords};
use crate::domain::training::{ExerciseAnswer, SampleBook};
use crate::domain::{
    account::Account, activity::Activity, agenda::Task, competitor::Competitor, contact::Contact,
    deal::Deal, intel::IntelNote, negotiation::Negotiation, product::Product, proposal::Proposal,
};
use crate::state::data::{AppData, Changes};
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

/// Every kind of record the book keeps, but the mark: what the removal reads, deletes and
/// brings back.
macro_rules! kinds {
    ($($f:ident : $t:ty),* $(,)?) => {
        /// The records a removal deleted, by kind, and the mark (what Undo brings back).
        #[derive(Debug, Clone, Default)]
        pub struct Removed {
            pub mark: Option<SampleBook>,
            $(pub $f: Vec<$t>,)*
        }

        impl Removed {
            /// How many records (the mark not counted).
            pub fn len(&self) -> usize {
                0 $(+ self.$f.len())*
            }

            pub fn is_empty(&self) -> bool {
                self.len() == 0
            }
        }

        /// Every record of the book, as the removal plan reads it.
        fn book_rows(data: &AppData) -> Vec<BookRecord> {
            let mut v = Vec::new();
            $(data.$f.with_all_untracked(|m| v.extend(m.values().map(BookRecord::of)));)*
            v
        }

        /// Deletes the plan's records (as they are now) into `ch`; returns them.
        fn delete_listed(data: &AppData, plan: &RemovalPlan, ch: &mut Changes) -> Removed {
            let mut out = Removed::default();
            $(
                let ids: HashSet<Id> = plan
                    .remove
                    .iter()
                    .filter(|r| r.kind == <$t as Record>::KIND)
                    .map(|r| r.id)
                    .collect();
                if !ids.is_empty() {
                    data.$f.with_all_untracked(|m| {
                        for id in &ids {
                            if let Some(r) = m.get(id) {
                                ch.delete(r);
                                out.$f.push(r.clone());
                            }
                        }
                    });
                }
            )*
            out
        }

        /// Puts every removed record back as its next revision.
        fn put_back(data: &AppData, removed: &Removed, ch: &mut Changes) {
            $(for r in &removed.$f {
                ch.put(data, brought_back(r));
            })*
        }
    };
}

kinds! {
    accounts: Account,
    contacts: Contact,
    competitors: Competitor,
    intel_notes: IntelNote,
    deals: Deal,
    activities: Activity,
    tasks: Task,
    products: Product,
    proposals: Proposal,
    negotiations: Negotiation,
    followups: FollowUp,
    invoices: Invoice,
    credit_checks: CreditCheck,
    complaints: Complaint,
    referrals: Referral,
    partners: Partner,
    declined_requests: DeclinedRequest,
    exercise_answers: ExerciseAnswer,
}

/// What removing the sample book would do now (`None`: none is loaded). Nothing is
/// written.
pub fn plan_removal(data: AppData) -> Option<(SampleBook, RemovalPlan)> {
    let mark = data
        .sample_books
        .with_all_untracked(|m| m.values().min_by_key(|s| s.loaded_at).cloned())?;
    let plan = sample::removal(&mark, book_rows(&data));
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
    let mut removed = delete_listed(&data, &plan, &mut ch);
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
    put_back(&data, removed, &mut ch);
    if let Some(mark) = &removed.mark {
        ch.put(&data, brought_back(mark));
    }
    Ok(ch.commit(data))
}
