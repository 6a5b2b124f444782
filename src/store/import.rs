//! Import preview, the *replace* and *merge* plans, and "Undo import".
//!
//! ## Modes
//! - [`ImportMode::Replace`]: the store ends up holding exactly the file's records, as they
//!   are in the file (every kind; a kind absent from the file ends up empty).
//! - [`ImportMode::Merge`], by id; nothing is ever deleted:
//!   - a record only in the file is added as it is;
//!   - a record identical in both is left alone;
//!   - otherwise the one with the later `updated_at` wins. When the file's wins, it is
//!     written with `rev = max(file rev, stored rev + 1)`, so revisions never go back and a
//!     tab still holding the old record cannot overwrite it;
//!   - equal `updated_at` but different content is a **conflict**: listed in the preview,
//!     and the current record is kept.
//!
//! ## Settings
//! The work settings ([`settings`](super::settings)) have no change times, so there is no
//! "newer" side: **both modes take the file's value of every setting the file holds** (merge:
//! where it differs from the current one; replace: all of them, which comes to the same).
//! A setting the file does not hold keeps its current value; a schema 1 file holds none, so
//! importing one leaves every setting as it is. The preview lists each setting the import
//! changes, with its current value and the file's ([`preview_settings`]).
//!
//! ## Safety
//! The plan is one [`Batch`]: a snapshot of the whole current state first (records, schema
//! version and settings), then the writes, the settings, and the schema version; the backend
//! commits it in one transaction. Every put of an existing record carries the rev the preview
//! saw, so a change made meanwhile (another tab) refuses the whole import as stale.
//! [`undo_import`] restores the snapshot exactly, settings included.

use super::backend::{Batch, Loaded, Op, SnapshotHeader, SnapshotInfo, META_SCHEMA_VERSION};
use super::backup::{canonical_json, ParsedBackup};
use super::schema::CURRENT_SCHEMA;
use super::settings::{SettingChange, WorkSettings};
use super::RecordsByKind;
use crate::domain::ids::{Id, Meta};
use crate::domain::sorting::SortExt;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    Replace,
    Merge,
}

/// Counts for one kind, comparing the file with the current store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindPreview {
    pub in_file: usize,
    pub in_store: usize,
    /// In the file, not in the store.
    pub new: usize,
    /// In both, with different content.
    pub changed: usize,
    /// In both, identical.
    pub unchanged: usize,
    /// In the store, not in the file (deleted by *replace*, kept by *merge*).
    pub only_in_store: usize,
    /// Changed records *merge* would take from the file (the file's is newer).
    pub merge_takes_file: usize,
    /// Changed records *merge* keeps as they are (the store's is newer).
    pub merge_keeps_store: usize,
    /// Changed records with equal `updated_at`: *merge* keeps the store's.
    pub conflicts: usize,
}

impl KindPreview {
    /// Records of this kind after the import in `mode`.
    pub fn after(&self, mode: ImportMode) -> usize {
        match mode {
            ImportMode::Replace => self.in_file,
            ImportMode::Merge => self.in_store + self.new,
        }
    }
}

/// A record changed on both sides at the same `updated_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub kind: String,
    pub id: Id,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPreview {
    /// Every kind present in the file or in the store.
    pub kinds: BTreeMap<String, KindPreview>,
    pub conflicts: Vec<Conflict>,
    /// The settings the import changes, in either mode (see [`preview_settings`]).
    pub settings: Vec<SettingChange>,
}

impl ImportPreview {
    /// True when importing in `mode` would change nothing.
    pub fn is_noop(&self, mode: ImportMode) -> bool {
        self.settings.is_empty()
            && self.kinds.values().all(|k| match mode {
                ImportMode::Replace => k.new == 0 && k.changed == 0 && k.only_in_store == 0,
                ImportMode::Merge => k.new == 0 && k.merge_takes_file == 0,
            })
    }
}

enum Decision {
    New,
    Unchanged,
    TakeFile { stored: Meta },
    KeepStore,
    Conflict,
}

fn meta_of(v: &Value) -> Option<Meta> {
    // `check_meta` without its path (only whether it passes matters here), read from the
    // value: it runs for every record of the file and of the store, and writing each one
    // out as text first would double the work for four fields.
    if !v.is_object() {
        return None;
    }
    Meta::deserialize(v).ok().filter(|m| m.rev >= 1)
}

fn decide(file: &Value, stored: Option<&Value>) -> Decision {
    let Some(stored) = stored else {
        return Decision::New;
    };
    if file == stored {
        return Decision::Unchanged;
    }
    let (Some(f), Some(s)) = (meta_of(file), meta_of(stored)) else {
        return Decision::Conflict;
    };
    match f.updated_at.cmp(&s.updated_at) {
        Ordering::Greater => Decision::TakeFile { stored: s },
        Ordering::Less => Decision::KeepStore,
        Ordering::Equal => Decision::Conflict,
    }
}

fn index(records: &[Value]) -> HashMap<Id, &Value> {
    records
        .iter()
        .filter_map(|r| meta_of(r).map(|m| (m.id, r)))
        .collect()
}

/// Walks the file's records of every kind against the store's, calling `f` with each decision.
fn walk(
    parsed: &ParsedBackup,
    current: &RecordsByKind,
    mut f: impl FnMut(&str, &Value, Meta, Decision),
) {
    let empty = Vec::new();
    for (kind, recs) in &parsed.records {
        let cur = index(current.get(kind).unwrap_or(&empty));
        for r in recs {
            let Some(m) = meta_of(r) else { continue };
            let d = decide(r, cur.get(&m.id).copied());
            f(kind, r, m, d);
        }
    }
}

/// Compares the file with the current records (`current`: per kind, as the app serialises
/// them, i.e. normalised like [`ParsedBackup::records`]).
pub fn preview(parsed: &ParsedBackup, current: &RecordsByKind) -> ImportPreview {
    let mut out = ImportPreview::default();
    for (kind, recs) in current {
        out.kinds.entry(kind.clone()).or_default().in_store = recs.len();
    }
    for (kind, recs) in &parsed.records {
        out.kinds.entry(kind.clone()).or_default().in_file = recs.len();
    }
    walk(parsed, current, |kind, _, meta, d| {
        let k = out.kinds.get_mut(kind).expect("every kind listed");
        match d {
            Decision::New => k.new += 1,
            Decision::Unchanged => k.unchanged += 1,
            Decision::TakeFile { .. } => {
                k.changed += 1;
                k.merge_takes_file += 1
            }
            Decision::KeepStore => {
                k.changed += 1;
                k.merge_keeps_store += 1
            }
            Decision::Conflict => {
                k.changed += 1;
                k.conflicts += 1;
                out.conflicts.push(Conflict {
                    kind: kind.to_string(),
                    id: meta.id,
                    updated_at: meta.updated_at,
                });
            }
        }
    });
    for k in out.kinds.values_mut() {
        k.only_in_store = k.in_store - (k.unchanged + k.changed);
    }
    out
}

/// The settings importing `parsed` changes, compared with the `current` ones: each setting
/// the file holds with a value other than the current one, as `current value → file's`.
/// The same in both modes. Set [`ImportPreview::settings`] to it.
pub fn preview_settings(parsed: &ParsedBackup, current: &WorkSettings) -> Vec<SettingChange> {
    parsed
        .settings
        .as_ref()
        .map(|patch| current.changes(patch))
        .unwrap_or_default()
}

/// The batch that imports `parsed` into a store holding `current`, in `mode`, after saving
/// a snapshot described by `snapshot` (offer "Undo import" with its id). Commit it with
/// [`Backend::commit`](super::Backend::commit).
pub fn plan_import(
    parsed: &ParsedBackup,
    current: &RecordsByKind,
    mode: ImportMode,
    snapshot: SnapshotHeader,
) -> Batch {
    let mut batch = Batch::new();
    batch.push(Op::Snapshot(snapshot));
    match mode {
        ImportMode::Replace => {
            batch.push(Op::ClearAll);
            for (kind, recs) in &parsed.records {
                for r in recs {
                    if let Some(m) = meta_of(r) {
                        batch.push(Op::Put {
                            kind: kind.clone(),
                            id: m.id,
                            json: canonical_json(r),
                            base_rev: None,
                        });
                    }
                }
            }
        }
        ImportMode::Merge => walk(parsed, current, |kind, r, meta, d| match d {
            Decision::New => {
                batch.push(Op::Put {
                    kind: kind.to_string(),
                    id: meta.id,
                    json: canonical_json(r),
                    base_rev: None,
                });
            }
            Decision::TakeFile { stored } => {
                let mut r = r.clone();
                let rev = meta.rev.max(stored.rev.saturating_add(1));
                r["rev"] = Value::from(rev);
                batch.push(Op::Put {
                    kind: kind.to_string(),
                    id: meta.id,
                    json: canonical_json(&r),
                    base_rev: Some(stored.rev),
                });
            }
            Decision::Unchanged | Decision::KeepStore | Decision::Conflict => {}
        }),
    }
    // Settings: the file's, in both modes, read against the stored ones in the transaction.
    if let Some(patch) = parsed.settings.as_ref().filter(|p| !p.is_empty()) {
        batch.push(Op::ApplySettings(patch.clone()));
    }
    batch.push(Op::SetMeta {
        key: META_SCHEMA_VERSION.to_string(),
        value: CURRENT_SCHEMA.to_string(),
    });
    batch
}

/// What the records are after `batch` when it replaces every one (an import's *Replace
/// everything*): the texts it puts after clearing, per kind in key order (the store's
/// order), the last put of a key winning. The app shows them without reading the store
/// back. The texts are moved out of the batch, not copied (a whole book's worth). `None`
/// when the batch does not clear every record, or touches records after that other than
/// by putting them: then only the store can say.
pub fn replaced_texts(batch: Batch) -> Option<Loaded> {
    let start = batch
        .ops
        .iter()
        .rposition(|op| matches!(op, Op::ClearAll))?;
    let mut kinds: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for op in batch.ops.into_iter().skip(start + 1) {
        match op {
            Op::Put { kind, id, json, .. } => {
                kinds.entry(kind).or_default().insert(id.to_string(), json);
            }
            Op::Snapshot(_)
            | Op::DeleteSnapshot(_)
            | Op::ApplySettings(_)
            | Op::SetMeta { .. }
            | Op::RequireSchemaAtMost(_) => {}
            _ => return None,
        }
    }
    Some(
        kinds
            .into_iter()
            .map(|(kind, recs)| (kind, recs.into_iter().collect()))
            .collect(),
    )
}

/// The batch that undoes an import: restores the snapshot taken before it, exactly.
pub fn undo_import(snapshot_id: Id) -> Batch {
    let mut b = Batch::new();
    b.push(Op::RestoreSnapshot(snapshot_id));
    b
}

/// Operations deleting all but the `keep` newest snapshots (append them to an import batch
/// to bound the space snapshots take).
pub fn prune_snapshots(existing: &[SnapshotInfo], keep: usize) -> Vec<Op> {
    let mut by_age: Vec<&SnapshotInfo> = existing.iter().collect();
    by_age.sort_on(|s| std::cmp::Reverse(s.created_at));
    by_age
        .into_iter()
        .skip(keep)
        .map(|s| Op::DeleteSnapshot(s.id))
        .collect()
}
