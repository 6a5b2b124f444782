//! Start-up: schema check and migration of stored records, then typed decoding with
//! quarantine of records that no longer deserialise.
//!
//! ```ignore
//! let opened = open(&backend, now).await?;          // migrates if needed
//! let mut loaded = opened.loaded;
//! let accounts = decode_kind::<Account>(loaded.remove("accounts").unwrap_or_default(), now);
//! // … one line per kind …
//! let corrupt: Vec<_> = accounts.corrupt.into_iter().chain(/* … */).collect();
//! if !corrupt.is_empty() { backend.commit(&quarantine_batch(corrupt)).await?; }
//! ```

use super::backend::{Backend, Batch, Loaded, Op, QuarantineEntry, SnapshotHeader, StoredTexts};
use super::backup::canonical_json;
use super::decode::decode;
use super::kinds::{check_meta, check_typed_meta, ValidationError};
use super::schema::{migrate, CURRENT_SCHEMA};
use super::{RecordsByKind, StoreError, META_SCHEMA_VERSION};
use crate::domain::ids::{new_id, Id, Record};
use crate::domain::records::Records;
use chrono::{DateTime, Utc};
use serde_json::Value;

/// What [`open`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// Every stored record, raw, at the current schema version.
    pub loaded: Loaded,
    /// The version the records were migrated from, if a migration ran.
    pub migrated_from: Option<u32>,
    /// True when the database was new (no schema version yet).
    pub fresh: bool,
}

/// Opens the store: [`prepare`]s it, then loads every record.
pub async fn open<B: Backend>(backend: &B, now: DateTime<Utc>) -> Result<Opened, StoreError> {
    let prepared = prepare(backend, now).await?;
    Ok(Opened {
        loaded: backend.load_all().await?,
        migrated_from: prepared.migrated_from,
        fresh: prepared.fresh,
    })
}

/// What [`prepare`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prepared {
    /// The version the records were migrated from, if a migration ran.
    pub migrated_from: Option<u32>,
    /// True when the database was new (no schema version yet).
    pub fresh: bool,
}

/// Readies the store for loading: reads the schema version (none: a new database, which
/// gets [`CURRENT_SCHEMA`]; a database with records but no version is taken as version 1),
/// refuses a newer one, migrates an older one (one transaction: a snapshot "before
/// migration", the migrated records, records that fail to parse go to quarantine, the new
/// version). Records are read here only when there is no version or a migration runs.
pub async fn prepare<B: Backend>(backend: &B, now: DateTime<Utc>) -> Result<Prepared, StoreError> {
    let stored = backend.schema_version().await?;
    let version = match stored {
        Some(v) => v,
        None => {
            let empty = backend.load_all().await?.values().all(Vec::is_empty);
            if empty {
                backend
                    .set_meta(META_SCHEMA_VERSION, &CURRENT_SCHEMA.to_string())
                    .await?;
                return Ok(Prepared {
                    migrated_from: None,
                    fresh: true,
                });
            }
            1
        }
    };
    if version > CURRENT_SCHEMA {
        return Err(StoreError::NewerSchema {
            found: version,
            current: CURRENT_SCHEMA,
        });
    }
    if version == CURRENT_SCHEMA {
        return Ok(Prepared {
            migrated_from: None,
            fresh: false,
        });
    }
    let loaded = backend.load_all().await?;
    let batch = migration_batch(version, &loaded, now)?;
    backend.commit(&batch).await?;
    Ok(Prepared {
        migrated_from: Some(version),
        fresh: false,
    })
}

/// The one-transaction batch migrating `loaded` from `version` to [`CURRENT_SCHEMA`].
pub fn migration_batch(
    version: u32,
    loaded: &Loaded,
    now: DateTime<Utc>,
) -> Result<Batch, StoreError> {
    let mut batch = Batch::new();
    batch.push(Op::Snapshot(SnapshotHeader {
        id: new_id(),
        label: format!("Before migration from schema {version} to {CURRENT_SCHEMA}"),
        created_at: now,
    }));
    let mut data = RecordsByKind::new();
    let mut corrupt = Vec::new();
    for (kind, recs) in loaded {
        let values = data.entry(kind.clone()).or_default();
        for (key, raw) in recs {
            match serde_json::from_str::<Value>(raw) {
                Ok(v) => values.push(v),
                Err(e) => corrupt.push(entry(kind, key, raw, &format!(".: {e}"), now)),
            }
        }
    }
    migrate(version, &mut data).map_err(|e| StoreError::Migration {
        message: e.to_string(),
    })?;
    batch.push(Op::ClearAll);
    for (kind, values) in &data {
        for v in values {
            match check_meta(v) {
                Ok(m) => batch.push(Op::Put {
                    kind: kind.clone(),
                    id: m.id,
                    json: canonical_json(v),
                    base_rev: None,
                }),
                Err(e) => batch.push(Op::Quarantine(QuarantineEntry {
                    kind: kind.clone(),
                    key: v
                        .get("id")
                        .and_then(Value::as_str)
                        .map_or_else(|| new_id().to_string(), str::to_string),
                    raw: canonical_json(v),
                    error: e.to_string(),
                    quarantined_at: now,
                })),
            };
        }
    }
    for e in corrupt {
        batch.push(Op::Quarantine(e));
    }
    batch.push(Op::SetMeta {
        key: META_SCHEMA_VERSION.to_string(),
        value: CURRENT_SCHEMA.to_string(),
    });
    Ok(batch)
}

fn entry(kind: &str, key: &str, raw: &str, error: &str, now: DateTime<Utc>) -> QuarantineEntry {
    QuarantineEntry {
        kind: kind.to_string(),
        key: key.to_string(),
        raw: raw.to_string(),
        error: error.to_string(),
        quarantined_at: now,
    }
}

/// Typed records of one kind, and those that did not deserialise.
#[derive(Debug, Clone)]
pub struct Decoded<T> {
    pub records: Records<T>,
    pub corrupt: Vec<QuarantineEntry>,
}

/// Decodes the raw records of `T`'s kind in one pass (text → `T`, no intermediate value).
/// A record that does not deserialise, has `rev` 0 or an id different from its key becomes
/// a quarantine entry (`path: message`), never silently dropped.
pub fn decode_kind<T: Record>(raw: impl Into<StoredTexts>, now: DateTime<Utc>) -> Decoded<T> {
    let raw: StoredTexts = raw.into();
    let mut out = Decoded {
        records: Records::with_capacity(raw.len()),
        corrupt: Vec::new(),
    };
    for (key, text) in raw {
        // A key that is not a record id cannot hold a record: set aside under that very key.
        let decoded = match key.parse::<Id>() {
            Ok(id) => decode_one::<T>(id, &text),
            Err(_) => Err(ValidationError::new(
                ".",
                format!("the key {key:?} is not a record id"),
            )),
        };
        match decoded {
            Ok(r) => {
                out.records.insert(r.id(), r);
            }
            Err(e) => out
                .corrupt
                .push(entry(T::KIND, &key, &text, &e.to_string(), now)),
        }
    }
    out
}

fn decode_one<T: Record>(key: Id, text: &str) -> Result<T, ValidationError> {
    let record: T = decode(text)?;
    check_typed_meta(&record.meta(), key)?;
    Ok(record)
}

/// The batch moving `entries` to quarantine (out of their kinds' stores), in one transaction.
pub fn quarantine_batch(entries: Vec<QuarantineEntry>) -> Batch {
    Batch {
        ops: entries.into_iter().map(Op::Quarantine).collect(),
    }
}

/// The batch setting `entries` aside in quarantine, unless the store now holds records of a
/// newer schema than this version of the app reads (another tab of a newer version upgraded
/// it since this one opened): then what this tab cannot read may be good records of the
/// newer shape, so the whole batch is refused with [`StoreError::NewerSchema`] inside its
/// transaction, nothing is moved or deleted, and this tab must reload.
pub fn set_aside_batch(entries: Vec<QuarantineEntry>) -> Batch {
    let mut batch = quarantine_batch(entries);
    batch.ops.insert(0, Op::RequireSchemaAtMost(CURRENT_SCHEMA));
    batch
}
