//! Removing the sample book: exactly the records its mark lists that are still in the
//! book, and nothing else.
//!
//! **The rep's own records that name a sample record.** A rep practising may log an
//! activity on a sample person, open a deal on a sample account or quote a sample product.
//! Deleting the sample record would leave that record pointing at nothing (a deal must
//! have its account), and changing it would touch the rep's own work. So the removal is
//! **refused** while any of the rep's records names a sample record: [`RemovalPlan`] lists
//! each of them (kind, name, and which sample record it names) so the rep can delete or
//! move them first. Nothing else ever stops it, and nothing but the listed records (and the
//! mark) is deleted.
//!
//! A link is any place in a record that holds a sample record's id: the check reads each
//! record as stored (its JSON), so it covers every kind and every link field, present and
//! future, without a list to keep up to date.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{SampleBook, SampleRecord};
use crate::domain::ids::Id;

/// One record of the book as stored, for the removal plan.
#[derive(Debug, Clone, PartialEq)]
pub struct BookRecord {
    /// The kind's store name ("accounts").
    pub kind: &'static str,
    pub id: Id,
    /// What the rep calls it (name or title), when it has one.
    pub name: Option<String>,
    /// The record as stored.
    pub value: Value,
}

impl BookRecord {
    /// The record `r` of any kind, as the plan reads it.
    pub fn of<T: crate::domain::rules::Checked>(r: &T) -> BookRecord {
        BookRecord {
            kind: T::KIND,
            id: r.id(),
            name: r.display_name().map(str::to_string),
            value: serde_json::to_value(r).unwrap_or(Value::Null),
        }
    }
}

/// A record of the rep's own that names a sample record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependent {
    pub kind: String,
    pub id: Id,
    pub name: Option<String>,
    /// The sample record it names (the first one found).
    pub names: SampleRecord,
}

/// What removing the sample book would do, computed before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RemovalPlan {
    /// The listed records still in the book: exactly what is deleted (with the mark).
    pub remove: Vec<SampleRecord>,
    /// How many of them per kind, in the order the mark lists the kinds.
    pub counts: Vec<(String, usize)>,
    /// Listed records the rep has already deleted (nothing to do for them).
    pub already_gone: usize,
    /// The rep's own records that name a sample record: while any exists the removal is
    /// refused.
    pub dependents: Vec<Dependent>,
}

impl RemovalPlan {
    /// Whether the removal is refused (see the module notes).
    pub fn is_blocked(&self) -> bool {
        !self.dependents.is_empty()
    }

    /// How many records it deletes (the mark not counted).
    pub fn total(&self) -> usize {
        self.remove.len()
    }

    /// Whether `kind`/`id` is among the records it deletes.
    pub fn removes(&self, kind: &str, id: Id) -> bool {
        self.remove.iter().any(|r| r.kind == kind && r.id == id)
    }
}

/// The first id of `ids` found in a string anywhere inside `v`.
fn first_link(v: &Value, ids: &HashMap<String, usize>) -> Option<usize> {
    match v {
        Value::String(s) => ids.get(s.as_str()).copied(),
        Value::Array(a) => a.iter().find_map(|x| first_link(x, ids)),
        Value::Object(o) => o.values().find_map(|x| first_link(x, ids)),
        _ => None,
    }
}

/// Plans removing the sample book `mark` from `book` (every record of the book, of every
/// kind; the mark itself may be among them and is ignored). Nothing is written.
pub fn removal(mark: &SampleBook, book: impl IntoIterator<Item = BookRecord>) -> RemovalPlan {
    let listed: HashSet<(&str, Id)> = mark
        .records
        .iter()
        .map(|r| (r.kind.as_str(), r.id))
        .collect();
    let mut present: HashSet<(String, Id)> = HashSet::new();
    let mut own: Vec<BookRecord> = Vec::new();
    for r in book {
        if r.kind == <SampleBook as crate::domain::ids::Record>::KIND {
            continue;
        }
        if listed.contains(&(r.kind, r.id)) {
            present.insert((r.kind.to_string(), r.id));
        } else {
            own.push(r);
        }
    }
    let remove: Vec<SampleRecord> = mark
        .records
        .iter()
        .filter(|r| present.contains(&(r.kind.clone(), r.id)))
        .cloned()
        .collect();
    let mut counts: Vec<(String, usize)> = Vec::new();
    for r in &remove {
        match counts.iter_mut().find(|(k, _)| *k == r.kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((r.kind.clone(), 1)),
        }
    }
    let ids: HashMap<String, usize> = remove
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.to_string(), i))
        .collect();
    let dependents = own
        .iter()
        .filter_map(|r| {
            let at = first_link(&r.value, &ids)?;
            Some(Dependent {
                kind: r.kind.to_string(),
                id: r.id,
                name: r.name.clone(),
                names: remove[at].clone(),
            })
        })
        .collect();
    RemovalPlan {
        already_gone: mark.records.len() - remove.len(),
        remove,
        counts,
        dependents,
    }
}
