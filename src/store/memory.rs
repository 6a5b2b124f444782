//! [`MemoryBackend`]: the complete in-memory backend used by native tests. It follows the
//! same rules as the IndexedDB backend (see [`backend`](super::backend)), and can simulate a
//! quota and injected failures.

use super::backend::{
    check_op, quarantine_key, unquarantine_gone, Backend, Batch, Loaded, Op, QuarantineEntry,
    Snapshot, SnapshotInfo, META_SCHEMA_VERSION,
};
use super::settings::{merge_stored, META_SETTINGS};
use super::StoreError;
use crate::domain::ids::Id;
use crate::domain::sorting::SortExt;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// Everything a [`MemoryBackend`] holds; comparing two dumps tells whether anything changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MemoryState {
    /// kind → key → JSON text. Every registered kind has an entry (its object store).
    /// Keys are record ids as text, but a planted entry may have any key.
    pub records: BTreeMap<String, BTreeMap<String, String>>,
    pub snapshots: BTreeMap<Id, Snapshot>,
    /// By [`QuarantineEntry::store_key`].
    pub quarantine: BTreeMap<String, QuarantineEntry>,
    pub meta: BTreeMap<String, String>,
}

impl MemoryState {
    /// Bytes held, counted as the lengths of the stored texts (for the simulated quota).
    pub fn size_bytes(&self) -> usize {
        let records: usize = self
            .records
            .values()
            .flat_map(|m| m.values())
            .map(|j| j.len() + 36)
            .sum();
        let snapshots: usize = self
            .snapshots
            .values()
            .flat_map(|s| s.records.values().flatten())
            .map(|(_, j)| j.len() + 36)
            .sum();
        let quarantine: usize = self.quarantine.values().map(|e| e.raw.len()).sum();
        let meta: usize = self.meta.iter().map(|(k, v)| k.len() + v.len()).sum();
        records + snapshots + quarantine + meta
    }

    fn loaded(&self) -> Loaded {
        self.records
            .iter()
            .map(|(k, m)| {
                (
                    k.clone(),
                    m.iter().map(|(k, j)| (k.clone(), j.clone())).collect(),
                )
            })
            .collect()
    }

    fn kind_mut(&mut self, kind: &str) -> Result<&mut BTreeMap<String, String>, StoreError> {
        self.records
            .get_mut(kind)
            .ok_or_else(|| StoreError::UnknownKind {
                kind: kind.to_string(),
            })
    }

    fn apply(&mut self, op: &Op) -> Result<(), StoreError> {
        match op {
            Op::Put { kind, id, json, .. } => {
                let store = self.kind_mut(kind)?;
                let key = id.to_string();
                check_op(op, store.get(&key).map(String::as_str))?;
                store.insert(key, json.clone());
            }
            Op::Delete { kind, id, .. } => {
                let store = self.kind_mut(kind)?;
                let key = id.to_string();
                check_op(op, store.get(&key).map(String::as_str))?;
                store.remove(&key);
            }
            Op::ClearAll => self.records.values_mut().for_each(BTreeMap::clear),
            Op::Snapshot(h) => {
                let schema_version = self
                    .meta
                    .get(META_SCHEMA_VERSION)
                    .and_then(|v| v.trim().parse().ok());
                let snapshot = Snapshot {
                    info: SnapshotInfo {
                        id: h.id,
                        label: h.label.clone(),
                        created_at: h.created_at,
                        counts: self
                            .records
                            .iter()
                            .map(|(k, m)| (k.clone(), m.len()))
                            .collect(),
                        schema_version,
                        settings: self.meta.get(META_SETTINGS).cloned(),
                    },
                    records: self.loaded(),
                };
                self.snapshots.insert(h.id, snapshot);
            }
            Op::RestoreSnapshot(id) => {
                let snap = self
                    .snapshots
                    .get(id)
                    .cloned()
                    .ok_or(StoreError::SnapshotNotFound { id: *id })?;
                self.records.values_mut().for_each(BTreeMap::clear);
                for (kind, recs) in snap.records {
                    let store = self.kind_mut(&kind)?;
                    store.extend(recs);
                }
                if let Some(v) = snap.info.schema_version {
                    self.meta
                        .insert(META_SCHEMA_VERSION.to_string(), v.to_string());
                }
                if let Some(s) = snap.info.settings {
                    self.meta.insert(META_SETTINGS.to_string(), s);
                }
            }
            Op::DeleteSnapshot(id) => {
                self.snapshots.remove(id);
            }
            Op::Quarantine(entry) => {
                let store = self.kind_mut(&entry.kind)?;
                store.remove(&entry.key);
                self.quarantine.insert(entry.store_key(), entry.clone());
            }
            Op::DeleteQuarantine { kind, key } => {
                self.quarantine.remove(&quarantine_key(kind, key));
            }
            Op::Unquarantine { kind, key } => {
                if self.quarantine.remove(&quarantine_key(kind, key)).is_none() {
                    return Err(unquarantine_gone(kind, key));
                }
            }
            Op::SetMeta { key, value } => {
                self.meta.insert(key.clone(), value.clone());
            }
            Op::RequireSchemaAtMost(at_most) => {
                let found = self
                    .meta
                    .get(META_SCHEMA_VERSION)
                    .and_then(|v| v.parse().ok());
                if let Some(found) = found.filter(|v: &u32| v > at_most) {
                    return Err(StoreError::NewerSchema {
                        found,
                        current: *at_most,
                    });
                }
            }
            Op::ApplySettings(patch) => {
                let merged = merge_stored(self.meta.get(META_SETTINGS).map(String::as_str), patch);
                self.meta.insert(META_SETTINGS.to_string(), merged);
            }
        }
        Ok(())
    }
}

/// An in-memory [`Backend`]. Single-threaded, like the page.
///
/// A commit applies its batch to a copy of the state and swaps it in only if every
/// operation passed and the simulated quota holds, so a refused batch changes nothing.
/// (Copying makes a commit cost O(store size) here; IndexedDB's transactions do not.)
#[derive(Debug, Default)]
pub struct MemoryBackend {
    state: RefCell<MemoryState>,
    quota: Cell<Option<usize>>,
    fail_next: RefCell<Option<StoreError>>,
    commits: Cell<usize>,
}

impl MemoryBackend {
    /// An empty backend with one object store per kind.
    pub fn new<'a>(kinds: impl IntoIterator<Item = &'a str>) -> Self {
        let b = MemoryBackend::default();
        b.state.borrow_mut().records = kinds
            .into_iter()
            .map(|k| (k.to_string(), BTreeMap::new()))
            .collect();
        b
    }

    /// Refuses any commit that would make the store hold more than `bytes`
    /// (see [`MemoryState::size_bytes`]) with [`StoreError::QuotaExceeded`].
    pub fn set_quota(&self, bytes: Option<usize>) {
        self.quota.set(bytes);
    }

    /// Makes the next call (commit or read) fail with `error`, writing nothing.
    pub fn fail_next(&self, error: StoreError) {
        *self.fail_next.borrow_mut() = Some(error);
    }

    /// A full copy of everything stored.
    pub fn dump(&self) -> MemoryState {
        self.state.borrow().clone()
    }

    /// How many commits succeeded.
    pub fn commits(&self) -> usize {
        self.commits.get()
    }

    /// Stores `raw` under `key` without any check: for planting corrupt records in tests.
    pub fn insert_raw(&self, kind: &str, key: Id, raw: &str) {
        self.insert_raw_key(kind, &key.to_string(), raw);
    }

    /// Stores `raw` under a key that need not be a record id (as another program writing
    /// to the same database could), without any check.
    pub fn insert_raw_key(&self, kind: &str, key: &str, raw: &str) {
        self.state
            .borrow_mut()
            .records
            .entry(kind.to_string())
            .or_default()
            .insert(key.to_string(), raw.to_string());
    }

    fn injected(&self) -> Result<(), StoreError> {
        match self.fail_next.borrow_mut().take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl Backend for MemoryBackend {
    async fn load_all(&self) -> Result<Loaded, StoreError> {
        self.injected()?;
        Ok(self.state.borrow().loaded())
    }

    async fn commit(&self, batch: &Batch) -> Result<(), StoreError> {
        self.injected()?;
        let mut next = self.state.borrow().clone();
        for op in &batch.ops {
            next.apply(op)?;
        }
        if let Some(q) = self.quota.get() {
            if next.size_bytes() > q {
                return Err(StoreError::QuotaExceeded);
            }
        }
        *self.state.borrow_mut() = next;
        self.commits.set(self.commits.get() + 1);
        Ok(())
    }

    async fn list_snapshots(&self) -> Result<Vec<SnapshotInfo>, StoreError> {
        self.injected()?;
        let mut v: Vec<SnapshotInfo> = self
            .state
            .borrow()
            .snapshots
            .values()
            .map(|s| s.info.clone())
            .collect();
        v.sort_on(|i| i.created_at);
        Ok(v)
    }

    async fn load_snapshot(&self, id: Id) -> Result<Snapshot, StoreError> {
        self.injected()?;
        self.state
            .borrow()
            .snapshots
            .get(&id)
            .cloned()
            .ok_or(StoreError::SnapshotNotFound { id })
    }

    async fn list_quarantine(&self) -> Result<Vec<QuarantineEntry>, StoreError> {
        self.injected()?;
        Ok(self.state.borrow().quarantine.values().cloned().collect())
    }

    async fn get_meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.injected()?;
        Ok(self.state.borrow().meta.get(key).cloned())
    }

    async fn get_raw(&self, kind: &str, id: Id) -> Result<Option<String>, StoreError> {
        self.injected()?;
        let state = self.state.borrow();
        let store = state
            .records
            .get(kind)
            .ok_or_else(|| StoreError::UnknownKind {
                kind: kind.to_string(),
            })?;
        Ok(store.get(&id.to_string()).cloned())
    }
}
