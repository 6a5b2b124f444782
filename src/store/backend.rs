//! The storage backend: what IndexedDB (in the browser) and [`MemoryBackend`] (in tests) do.
//!
//! ## Layout (IndexedDB mirrors it one to one)
//! - one object store per record kind (`accounts`, `deals`, …): key = the record id as a
//!   lowercase hyphenated UUID string, value = the record's JSON text;
//! - `snapshots`: key = snapshot id, value = the JSON of [`SnapshotInfo`]; the snapshot's
//!   records go to `snapshot_data` under the same key (JSON of [`Loaded`]) so listing
//!   snapshots does not read tens of megabytes;
//! - `quarantine`: key = [`QuarantineEntry::store_key`] (`"deals/<key>"`), value = the JSON of
//!   the entry;
//! - `meta`: key/value strings; [`META_SCHEMA_VERSION`] holds the schema version,
//!   [`META_SETTINGS`](super::settings::META_SETTINGS) the work settings (JSON);
//! - in IndexedDB only, `packs` and `journal`: each kind's records packed into a few values,
//!   and what changed since, so that a kind is read at once (see [`super::pack`]). They are
//!   a copy: the kind's store is what counts, and a reader falls back to it.
//!
//! ## Transactions
//! [`Backend::commit`] applies a [`Batch`] in ONE transaction, operations in order, each one
//! seeing the effect of the previous ones; if any operation is refused ([`check_op`]) or the
//! write fails, the transaction is aborted and nothing is written. [`Batch::stores`] names the
//! object stores the transaction must cover.
//!
//! [`MemoryBackend`]: super::MemoryBackend

use super::settings::SettingsPatch;
use super::{StoreError, ValidationError};
use crate::domain::ids::{Id, Record};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `meta` key holding the schema version of the stored records (decimal text).
pub const META_SCHEMA_VERSION: &str = "schema_version";

/// Raw stored records: per kind, `(key, JSON text)` in key order. The key is the text it
/// is stored under: a record id, except in a store someone else wrote to, where a key that
/// is not an id must still name the very entry (to set it aside, never another one).
pub type Loaded = BTreeMap<String, Vec<(String, String)>>;

/// One kind's stored records as `(key, JSON text)` pairs, each text made only when it is
/// taken: start-up decodes a record and drops its text before the next one is made, so the
/// whole book's text is never held at once (see [`Backend::load_texts`]).
pub struct StoredTexts {
    len: usize,
    items: Box<dyn Iterator<Item = (String, String)>>,
}

impl StoredTexts {
    pub fn new(len: usize, items: impl Iterator<Item = (String, String)> + 'static) -> Self {
        StoredTexts {
            len,
            items: Box::new(items),
        }
    }

    /// How many records there are (none taken yet).
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl From<Vec<(String, String)>> for StoredTexts {
    fn from(v: Vec<(String, String)>) -> Self {
        StoredTexts::new(v.len(), v.into_iter())
    }
}

impl Default for StoredTexts {
    fn default() -> Self {
        Vec::new().into()
    }
}

impl IntoIterator for StoredTexts {
    type Item = (String, String);
    type IntoIter = Box<dyn Iterator<Item = (String, String)>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items
    }
}

/// Every kind's [`StoredTexts`].
pub type LoadedTexts = BTreeMap<String, StoredTexts>;

/// What the caller names when asking for a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotHeader {
    pub id: Id,
    /// Shown to the user, e.g. "Before import of sixstep-backup-2026-03-01.json".
    pub label: String,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
}

/// A stored snapshot's description, as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotInfo {
    pub id: Id,
    pub label: String,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    /// Records per kind at the time of the snapshot.
    pub counts: BTreeMap<String, usize>,
    /// The schema version of the records (the `meta` value at the time), if any.
    pub schema_version: Option<u32>,
    /// The work settings at the time (the `meta` text), if any were stored. `None` in a
    /// snapshot taken before settings were stored in the database: restoring it leaves the
    /// settings as they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<String>,
}

/// A full copy of the records at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub info: SnapshotInfo,
    pub records: Loaded,
}

/// A record that does not deserialise, kept raw (never silently dropped).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuarantineEntry {
    pub kind: String,
    /// The key it was stored under (normally a UUID).
    pub key: String,
    /// The stored text, unchanged.
    pub raw: String,
    /// Why it was refused: `path: message`.
    pub error: String,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub quarantined_at: DateTime<Utc>,
}

impl QuarantineEntry {
    /// Its key in the `quarantine` store: `kind/key`.
    pub fn store_key(&self) -> String {
        quarantine_key(&self.kind, &self.key)
    }
}

/// The `quarantine` store key of `kind`'s record stored under `key`.
pub fn quarantine_key(kind: &str, key: &str) -> String {
    format!("{kind}/{key}")
}

/// The refusal of an [`Op::Unquarantine`] whose entry is no longer stored: the entry was
/// restored or discarded (in another tab) since it was listed.
pub fn unquarantine_gone(kind: &str, key: &str) -> StoreError {
    StoreError::Stale {
        kind: kind.to_string(),
        id: key.parse().unwrap_or_else(|_| Id::nil()),
        stored_rev: None,
    }
}

/// The quarantined records as one JSON document (for "Export" under Data health):
/// `{"format":"sixstep-quarantine","entries":[…]}`, pretty-printed.
pub fn export_quarantine(entries: &[QuarantineEntry]) -> String {
    serde_json::to_string_pretty(&serde_json::json!({
        "format": "sixstep-quarantine",
        "entries": entries,
    }))
    .unwrap_or_default()
}

/// One operation of a [`Batch`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Writes `json` as the record `id` of `kind`. `base_rev` is the rev the edit started
    /// from (`None` for a create); it must equal the stored rev (see [`check_op`]).
    Put {
        kind: String,
        id: Id,
        json: String,
        base_rev: Option<u64>,
    },
    /// Deletes the record, which must be at `base_rev`.
    Delete {
        kind: String,
        id: Id,
        base_rev: u64,
    },
    /// Deletes every record of every kind (import "replace everything"). Snapshots,
    /// quarantine and meta are kept.
    ClearAll,
    /// Saves a copy of every record of every kind, as they are at this point of the batch,
    /// plus the stored schema version and work settings.
    Snapshot(SnapshotHeader),
    /// Replaces every record of every kind by the snapshot's, and sets the schema version and
    /// the work settings to the snapshot's (settings only when the snapshot holds them).
    /// The snapshot is kept.
    RestoreSnapshot(Id),
    DeleteSnapshot(Id),
    /// Puts the entry in quarantine and deletes the record from its kind's store.
    Quarantine(QuarantineEntry),
    /// Deletes a quarantined record for good (nothing happens when it is not there).
    DeleteQuarantine {
        kind: String,
        key: String,
    },
    /// Takes the entry `kind/key` out of quarantine (restored or discarded from Settings →
    /// Data health). Unlike [`Op::DeleteQuarantine`] the entry must still be there: when
    /// it is not (another tab restored or discarded it first) the operation is refused
    /// with [`StoreError::Stale`] (`stored_rev: None`), and so is the whole batch, so a
    /// restore's put of the record does not happen either. The record's own store is not
    /// touched: a restore puts the record with its own [`Op::Put`] in the same batch.
    Unquarantine {
        kind: String,
        key: String,
    },
    SetMeta {
        key: String,
        value: String,
    },
    /// Refuses the whole batch with [`StoreError::NewerSchema`] when the stored schema
    /// version is above `at_most` (read inside the transaction): a tab of an older version
    /// puts it first in a batch that sets aside records it cannot read, which may be good
    /// records of a newer shape.
    RequireSchemaAtMost(u32),
    /// Writes the settings the patch holds over the stored work settings, reading them inside
    /// the transaction (a setting the patch does not hold keeps its stored value; see
    /// [`merge_stored`](super::settings::merge_stored)).
    ApplySettings(SettingsPatch),
}

/// Operations committed together in one transaction: all or nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Batch {
    pub ops: Vec<Op>,
}

impl Batch {
    pub fn new() -> Self {
        Batch::default()
    }

    pub fn push(&mut self, op: Op) -> &mut Self {
        self.ops.push(op);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Adds a put of `record`, which the caller has already given its next [`Meta`]
    /// (`record.rev() == base_rev + 1`); `base_rev` is `None` for a create.
    ///
    /// [`Meta`]: crate::domain::ids::Meta
    pub fn put_record<T: Record>(&mut self, record: &T, base_rev: Option<u64>) -> &mut Self {
        let json = serde_json::to_string(record).expect("records serialise to JSON");
        self.push(Op::Put {
            kind: T::KIND.to_string(),
            id: record.id(),
            json,
            base_rev,
        })
    }

    /// Adds a delete of `record` at its current rev.
    pub fn delete_record<T: Record>(&mut self, record: &T) -> &mut Self {
        self.push(Op::Delete {
            kind: T::KIND.to_string(),
            id: record.id(),
            base_rev: record.rev(),
        })
    }

    /// The object stores a transaction for this batch must cover, given all `kinds`.
    pub fn stores<'a>(&'a self, kinds: &[&'a str]) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        let mut add = |s: &'a str| {
            if !out.contains(&s) {
                out.push(s)
            }
        };
        for op in &self.ops {
            match op {
                Op::Put { kind, .. } | Op::Delete { kind, .. } => add(kind),
                Op::ClearAll => kinds.iter().for_each(|k| add(k)),
                Op::Snapshot(_) | Op::RestoreSnapshot(_) => {
                    kinds.iter().for_each(|k| add(k));
                    add("snapshots");
                    add("snapshot_data");
                    add("meta");
                }
                Op::DeleteSnapshot(_) => {
                    add("snapshots");
                    add("snapshot_data");
                }
                Op::Quarantine(e) => {
                    add(&e.kind);
                    add("quarantine");
                }
                Op::DeleteQuarantine { .. } | Op::Unquarantine { .. } => add("quarantine"),
                Op::SetMeta { .. } | Op::ApplySettings(_) | Op::RequireSchemaAtMost(_) => {
                    add("meta")
                }
            }
        }
        out
    }
}

#[derive(Deserialize)]
struct Head {
    id: Id,
    rev: u64,
}

/// The `rev` of a record's JSON text.
pub fn rev_of(json: &str) -> Result<u64, String> {
    serde_json::from_str::<Head>(json)
        .map(|h| h.rev)
        .map_err(|e| e.to_string())
}

/// The revision rule shared by every backend, checked inside the transaction for a `Put` or
/// `Delete`, with `stored` = the record's current JSON text under that key (if any):
///
/// - a create (`base_rev: None`) needs the key to be free;
/// - an update or delete needs the stored rev to equal `base_rev`;
/// - a put's JSON must carry the same `id` as its key and an integer `rev`.
///
/// Other operations always pass.
pub fn check_op(op: &Op, stored: Option<&str>) -> Result<(), StoreError> {
    let (kind, id, base_rev) = match op {
        Op::Put {
            kind,
            id,
            json,
            base_rev,
        } => {
            let head = serde_json::from_str::<Head>(json).map_err(|e| StoreError::Corrupt {
                kind: kind.clone(),
                key: id.to_string(),
                error: e.to_string(),
            })?;
            if head.rev > crate::domain::rules::MAX_REV {
                return Err(StoreError::Invalid {
                    kind: kind.clone(),
                    error: Box::new(ValidationError::from_rule(
                        crate::domain::rules::RuleError::new(
                            "rev",
                            "record.field.rev",
                            "rule.rev_too_large",
                        )
                        .arg("max", crate::domain::rules::MAX_REV),
                    )),
                });
            }
            if head.id != *id {
                return Err(StoreError::Corrupt {
                    kind: kind.clone(),
                    key: id.to_string(),
                    error: format!("id: the record's id {} differs from its key", head.id),
                });
            }
            (kind, id, *base_rev)
        }
        Op::Delete { kind, id, base_rev } => (kind, id, Some(*base_rev)),
        _ => return Ok(()),
    };
    let stored_rev = match stored {
        None => None,
        Some(text) => Some(rev_of(text).map_err(|error| StoreError::Corrupt {
            kind: kind.clone(),
            key: id.to_string(),
            error,
        })?),
    };
    if stored_rev == base_rev {
        Ok(())
    } else {
        Err(StoreError::Stale {
            kind: kind.clone(),
            id: *id,
            stored_rev,
        })
    }
}

/// Persistent storage of records, snapshots, quarantine and meta.
///
/// Not `Send`: in the browser everything runs on the page's single thread.
#[allow(async_fn_in_trait)]
pub trait Backend {
    /// Every record of every kind, raw (per kind in id order).
    async fn load_all(&self) -> Result<Loaded, StoreError>;

    /// [`Backend::load_all`] with each text made only as it is taken (start-up and reload
    /// decode one record at a time).
    async fn load_texts(&self) -> Result<LoadedTexts, StoreError> {
        Ok(self
            .load_all()
            .await?
            .into_iter()
            .map(|(kind, recs)| (kind, recs.into()))
            .collect())
    }

    /// Applies `batch` in one transaction, all or nothing (see the module docs).
    async fn commit(&self, batch: &Batch) -> Result<(), StoreError>;

    /// The snapshots, oldest first.
    async fn list_snapshots(&self) -> Result<Vec<SnapshotInfo>, StoreError>;

    async fn load_snapshot(&self, id: Id) -> Result<Snapshot, StoreError>;

    /// The quarantined records, by [`QuarantineEntry::store_key`].
    async fn list_quarantine(&self) -> Result<Vec<QuarantineEntry>, StoreError>;

    /// One record's stored text, if a record is stored under `id` in `kind`'s store.
    async fn get_raw(&self, kind: &str, id: Id) -> Result<Option<String>, StoreError>;

    async fn get_meta(&self, key: &str) -> Result<Option<String>, StoreError>;

    /// Replaces every record by `records`, after snapshotting the current state if
    /// `snapshot` is given, in one transaction.
    async fn replace_all(
        &self,
        records: &Loaded,
        snapshot: Option<SnapshotHeader>,
    ) -> Result<(), StoreError> {
        let mut batch = Batch::new();
        if let Some(h) = snapshot {
            batch.push(Op::Snapshot(h));
        }
        batch.push(Op::ClearAll);
        for (kind, recs) in records {
            for (key, json) in recs {
                let id = key.parse::<Id>().map_err(|_| StoreError::Corrupt {
                    kind: kind.clone(),
                    key: key.clone(),
                    error: "the key is not a record id".into(),
                })?;
                batch.push(Op::Put {
                    kind: kind.clone(),
                    id,
                    json: json.clone(),
                    base_rev: None,
                });
            }
        }
        self.commit(&batch).await
    }

    async fn save_snapshot(&self, header: SnapshotHeader) -> Result<(), StoreError> {
        let mut b = Batch::new();
        b.push(Op::Snapshot(header));
        self.commit(&b).await
    }

    async fn restore_snapshot(&self, id: Id) -> Result<(), StoreError> {
        let mut b = Batch::new();
        b.push(Op::RestoreSnapshot(id));
        self.commit(&b).await
    }

    async fn delete_snapshot(&self, id: Id) -> Result<(), StoreError> {
        let mut b = Batch::new();
        b.push(Op::DeleteSnapshot(id));
        self.commit(&b).await
    }

    async fn delete_quarantine(&self, kind: &str, key: &str) -> Result<(), StoreError> {
        let mut b = Batch::new();
        b.push(Op::DeleteQuarantine {
            kind: kind.to_string(),
            key: key.to_string(),
        });
        self.commit(&b).await
    }

    async fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut b = Batch::new();
        b.push(Op::SetMeta {
            key: key.to_string(),
            value: value.to_string(),
        });
        self.commit(&b).await
    }

    /// The stored schema version, if one was ever written.
    async fn schema_version(&self) -> Result<Option<u32>, StoreError> {
        match self.get_meta(META_SCHEMA_VERSION).await? {
            None => Ok(None),
            Some(v) => v.trim().parse().map(Some).map_err(|_| StoreError::Corrupt {
                kind: "meta".into(),
                key: META_SCHEMA_VERSION.into(),
                error: format!("not a version number: {v:?}"),
            }),
        }
    }
}
