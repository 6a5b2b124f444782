//! Acting on quarantined records (Settings → Data health): restore an entry after fixing
//! its JSON, export one entry, discard one, and undo a discard.
//!
//! The decisions are pure functions that build the ONE [`Batch`] each action commits:
//!
//! - [`plan_restore`]: the edited text must be JSON, pass
//!   [`validate_record`](super::kinds::validate_record) for the entry's kind, carry the
//!   entry's key as its `id`, and that id must be free in the kind's store. The batch puts
//!   the normalised record as a create (`base_rev: None`, so [`check_op`] refuses it inside
//!   the transaction if a record appeared meanwhile) and takes the entry out of quarantine
//!   ([`Op::Unquarantine`], refused if the entry is already gone). Both or neither.
//! - [`discard_batch`]: [`Op::Unquarantine`] alone.
//! - [`undo_discard_batch`]: [`Op::Quarantine`] of the entry as it was, refused when a record
//!   now holds its key (that operation deletes the record under the key, which would then
//!   lose a live record).
//!
//! [`restore`], [`discard`] and [`undo_discard`] run them against any [`Backend`].
//!
//! [`check_op`]: super::backend::check_op

use super::backend::{Backend, Batch, Op, QuarantineEntry};
use super::backup::canonical_json;
use super::kinds::{check_meta, validate_record, Kinds, ValidationError};
use super::{Message, StoreError};
use crate::domain::ids::Id;
use chrono::{DateTime, Utc};
use serde_json::Value;

/// Why a quarantine action was refused. Whatever the variant, nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuarantineError {
    /// The entry's kind is not one this version of the app stores.
    UnknownKind { kind: String },
    /// The edited text is not JSON.
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// The record does not pass its kind's validation.
    Invalid(Box<ValidationError>),
    /// The record's `id` is not the key it was stored under.
    KeyMismatch { id: String, key: String },
    /// A record is already stored under the entry's key; it is not overwritten.
    Exists { kind: String, key: String },
    /// The store refused or failed (including a race with another tab).
    Store(StoreError),
}

impl From<StoreError> for QuarantineError {
    fn from(e: StoreError) -> Self {
        QuarantineError::Store(e)
    }
}

impl QuarantineError {
    /// The message for the user (catalogue keys in `src/i18n/*/health.txt`, or the store's).
    pub fn message(&self) -> Message {
        match self {
            QuarantineError::UnknownKind { kind } => {
                Message::new("health.error.unknown_kind").arg("kind", kind)
            }
            QuarantineError::NotJson {
                line,
                column,
                detail,
            } => Message::new("health.error.not_json")
                .arg("line", line)
                .arg("column", column)
                .part("detail", super::backup::json_problem(detail)),
            // The field's label and the reason in words when known, and always the path:
            // the rep is editing the JSON, where the path says what to change.
            QuarantineError::Invalid(e) => match e.label {
                Some(label) => Message::new("health.error.invalid")
                    .arg("path", &e.path)
                    .part("field", Message::new(label))
                    .part("reason", (*e.reason).clone()),
                None => Message::new("health.error.invalid_at")
                    .arg("path", &e.path)
                    .part("reason", (*e.reason).clone()),
            },
            QuarantineError::KeyMismatch { id, key } => Message::new("health.error.key_mismatch")
                .arg("id", id)
                .arg("key", key),
            QuarantineError::Exists { kind, key } => Message::new("health.error.exists")
                .arg("kind", kind)
                .arg("key", key),
            QuarantineError::Store(e) => e.message(),
        }
    }
}

/// Why `entry` was set aside, in words: its stored text checked as a restore would check
/// it (the same place and reason as the technical text kept in the entry).
pub fn problem(kinds: &Kinds, entry: &QuarantineEntry, now: DateTime<Utc>) -> Message {
    let reason = match plan_restore(kinds, entry, &entry.raw, None, now) {
        Err(e) => e.message(),
        Ok(_) => Message::new("health.entry.readable_now"),
    };
    Message::new("health.entry.problem").part("error", reason)
}

/// The text offered for editing: the stored text pretty-printed when it is JSON (easier to
/// fix), else exactly as stored. The entry itself keeps the stored text unchanged.
pub fn editable_text(raw: &str) -> String {
    match serde_json::from_str::<Value>(raw) {
        Ok(v) => serde_json::to_string_pretty(&v).unwrap_or_else(|_| raw.to_string()),
        Err(_) => raw.to_string(),
    }
}

/// The file name of one entry's export: `sixstep-quarantine-<kind>-<key>.json`, with any
/// character that is not a letter, digit, `-` or `_` replaced by `_`.
pub fn export_file_name(entry: &QuarantineEntry) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    };
    format!(
        "sixstep-quarantine-{}-{}.json",
        clean(&entry.kind),
        clean(&entry.key)
    )
}

/// A record ready to go back into its store: its key and its JSON text as it will be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub id: Id,
    /// The normalised record, marked as changed at `now` (rev + 1).
    pub record: Value,
    pub batch: Batch,
}

/// Checks `text` (the entry's record as the user fixed it) and builds the batch restoring
/// it, given `stored`: the text stored under the entry's key in its kind's store now, if any.
///
/// The record is validated with `now` as the clock, normalised (as the app writes it), and
/// marked as a change made at `now` (`rev` + 1, `updated_at` = `now` unless later), so a
/// merge import of an older backup does not take it back.
pub fn plan_restore(
    kinds: &Kinds,
    entry: &QuarantineEntry,
    text: &str,
    stored: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Restored, QuarantineError> {
    let spec = kinds
        .get(&entry.kind)
        .ok_or_else(|| QuarantineError::UnknownKind {
            kind: entry.kind.clone(),
        })?;
    let value: Value = serde_json::from_str(text).map_err(|e| QuarantineError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    let mut normal =
        validate_record(spec, &value, now).map_err(|e| QuarantineError::Invalid(Box::new(e)))?;
    let meta = check_meta(&normal).map_err(|e| QuarantineError::Invalid(Box::new(e)))?;
    let id = match entry.key.parse::<Id>() {
        Ok(key) if key == meta.id => key,
        _ => {
            return Err(QuarantineError::KeyMismatch {
                id: meta.id.to_string(),
                key: entry.key.clone(),
            })
        }
    };
    if stored.is_some() {
        return Err(QuarantineError::Exists {
            kind: entry.kind.clone(),
            key: entry.key.clone(),
        });
    }
    // `Meta::next` is `None` only at the last revision, which validation refuses already.
    let next = meta.next(now).unwrap_or_else(|| meta.clone());
    if let Some(obj) = normal.as_object_mut() {
        obj.insert("rev".into(), Value::from(next.rev));
        obj.insert(
            "updated_at".into(),
            serde_json::to_value(next.updated_at).expect("a time serialises"),
        );
    }
    let mut batch = Batch::new();
    batch.push(Op::Put {
        kind: entry.kind.clone(),
        id,
        json: canonical_json(&normal),
        base_rev: None,
    });
    batch.push(Op::Unquarantine {
        kind: entry.kind.clone(),
        key: entry.key.clone(),
    });
    Ok(Restored {
        id,
        record: normal,
        batch,
    })
}

/// The batch discarding `entry` for good (refused if it is already gone).
pub fn discard_batch(entry: &QuarantineEntry) -> Batch {
    let mut batch = Batch::new();
    batch.push(Op::Unquarantine {
        kind: entry.kind.clone(),
        key: entry.key.clone(),
    });
    batch
}

/// The batch putting a discarded `entry` back, unchanged, given `stored`: the text stored
/// under its key in its kind's store now, if any. Refused when a record holds the key (an
/// import brought it back, say): putting the entry back would delete that record.
pub fn undo_discard_batch(
    entry: &QuarantineEntry,
    stored: Option<&str>,
) -> Result<Batch, QuarantineError> {
    if stored.is_some() {
        return Err(QuarantineError::Exists {
            kind: entry.kind.clone(),
            key: entry.key.clone(),
        });
    }
    let mut batch = Batch::new();
    batch.push(Op::Quarantine(entry.clone()));
    Ok(batch)
}

/// The text stored under `key` in `kind`'s store (none when `key` is not an id: no record
/// can be stored under it).
async fn stored_under<B: Backend>(
    backend: &B,
    kinds: &Kinds,
    kind: &str,
    key: &str,
) -> Result<Option<String>, QuarantineError> {
    if !kinds.contains(kind) {
        return Err(QuarantineError::UnknownKind {
            kind: kind.to_string(),
        });
    }
    match key.parse::<Id>() {
        Ok(id) => Ok(backend.get_raw(kind, id).await?),
        Err(_) => Ok(None),
    }
}

/// Restores `entry` from the fixed `text` in one transaction (see [`plan_restore`]);
/// returns the record as stored.
pub async fn restore<B: Backend>(
    backend: &B,
    kinds: &Kinds,
    entry: &QuarantineEntry,
    text: &str,
    now: DateTime<Utc>,
) -> Result<Restored, QuarantineError> {
    // Checked first without reading the store, so a typing mistake costs no read.
    plan_restore(kinds, entry, text, None, now)?;
    let stored = stored_under(backend, kinds, &entry.kind, &entry.key).await?;
    let restored = plan_restore(kinds, entry, text, stored.as_deref(), now)?;
    backend.commit(&restored.batch).await?;
    Ok(restored)
}

/// Discards `entry` for good, in one transaction.
pub async fn discard<B: Backend>(
    backend: &B,
    entry: &QuarantineEntry,
) -> Result<(), QuarantineError> {
    backend.commit(&discard_batch(entry)).await?;
    Ok(())
}

/// Puts a discarded `entry` back in quarantine, unchanged (see [`undo_discard_batch`]).
pub async fn undo_discard<B: Backend>(
    backend: &B,
    kinds: &Kinds,
    entry: &QuarantineEntry,
) -> Result<(), QuarantineError> {
    let stored = stored_under(backend, kinds, &entry.kind, &entry.key).await?;
    backend
        .commit(&undo_discard_batch(entry, stored.as_deref())?)
        .await?;
    Ok(())
}
