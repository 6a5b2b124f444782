//! Storage failures, in words: each variant maps to a catalogue key and named arguments.

use super::{Message, ValidationError};
use crate::domain::ids::Id;
use std::fmt;

/// A failure of the store. Whatever the variant, the failed operation wrote nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser refused to store more (IndexedDB `QuotaExceededError`).
    QuotaExceeded,
    /// IndexedDB cannot be used here (private mode, disabled, or an unexpected failure).
    Unavailable { detail: String },
    /// Another open tab holds an older version of the database and blocks the upgrade.
    UpgradeBlocked,
    /// The part of the app that reads some kinds of records could not be downloaded
    /// (offline, or the site was updated since the page was opened).
    CodeMissing,
    /// The save was based on `rev` but the stored record is at `stored_rev`, or was deleted
    /// (`None`), or — for a create — already exists. The user is offered a reload.
    Stale {
        kind: String,
        id: Id,
        stored_rev: Option<u64>,
    },
    /// A record that does not deserialise (stored, or about to be written).
    Corrupt {
        kind: String,
        key: String,
        error: String,
    },
    /// The stored data was written by a newer version of the app.
    NewerSchema { found: u32, current: u32 },
    /// A migration of stored data failed; nothing was changed.
    Migration { message: String },
    /// A record kind that has no object store (a programming error).
    UnknownKind { kind: String },
    /// A snapshot that does not exist (deleted in another tab, say).
    SnapshotNotFound { id: Id },
    /// A record that breaks one of its kind's rules (see `domain::rules`) was not saved.
    Invalid {
        kind: String,
        error: Box<ValidationError>,
    },
}

impl StoreError {
    /// The key and the named arguments of the message.
    pub fn message(&self) -> Message {
        let m = Message::new(self.key());
        match self {
            StoreError::QuotaExceeded | StoreError::UpgradeBlocked | StoreError::CodeMissing => m,
            StoreError::Unavailable { detail } => m.arg("detail", detail),
            StoreError::Stale {
                kind,
                id,
                stored_rev,
            } => {
                // The kind in words ("Account"); the revision is kept for the record, not
                // shown (a rep does not count revisions).
                let m = m
                    .arg("id", id)
                    .part("kind", Message::new(super::backup::kind_key(kind)));
                match stored_rev {
                    Some(r) => m.arg("rev", r),
                    None => m,
                }
            }
            StoreError::Corrupt { kind, key, error } => {
                m.arg("kind", kind).arg("key", key).arg("error", error)
            }
            StoreError::NewerSchema { found, current } => {
                m.arg("found", found).arg("current", current)
            }
            StoreError::Migration { message } => m.arg("error", message),
            StoreError::UnknownKind { kind } => m.arg("kind", kind),
            StoreError::SnapshotNotFound { id } => m.arg("id", id),
            StoreError::Invalid { kind, error } => m
                .part("kind", Message::new(super::backup::kind_key(kind)))
                .part("field", error.field_message())
                .part("reason", (*error.reason).clone()),
        }
    }
}

crate::keyed_enum!(StoreError, {
    StoreError::QuotaExceeded => "store.error.quota",
    StoreError::Unavailable { .. } => "store.error.unavailable",
    StoreError::UpgradeBlocked => "store.error.blocked",
    StoreError::CodeMissing => "store.error.code_missing",
    StoreError::Stale { stored_rev: Some(_), .. } => "store.error.stale",
    StoreError::Stale { stored_rev: None, .. } => "store.error.stale_deleted",
    StoreError::Corrupt { .. } => "store.error.corrupt",
    StoreError::NewerSchema { .. } => "store.error.newer_schema",
    StoreError::Migration { .. } => "store.error.migration",
    StoreError::UnknownKind { .. } => "store.error.unknown_kind",
    StoreError::SnapshotNotFound { .. } => "store.error.snapshot_not_found",
    StoreError::Invalid { .. } => "store.error.invalid",
});

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.message();
        write!(f, "{}", m.key)?;
        for (n, v) in &m.args {
            write!(f, " {n}={v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for StoreError {}
