//! The browser backend: IndexedDB through the `idb` crate (a thin futures layer over the
//! real API, so every request and transaction is IndexedDB's own).
//!
//! Layout and transaction rules are those of [`super::backend`]: one object store per kind
//! (key: the id string, value: the record's JSON text), `snapshots`, `snapshot_data`,
//! `quarantine` and `meta`. A [`Batch`] is one `readwrite` transaction; the revision check
//! ([`check_op`]) runs inside it, and any refusal aborts it, so nothing is written.
//!
//! Besides, `packs` and `journal` let a kind be read in a few values (see [`super::pack`]):
//! a pack is `[keys joined by newlines, [chunk of texts joined by newlines, as UTF-8 bytes
//! (a `Uint8Array`), …], per chunk]`,
//! or `[[key, …], [text, …]]` for a kind with a key or text that holds a newline; a journal
//! entry is the record's text, or `null` for a record deleted. Every write to a packed
//! kind's store journals, in the same transaction.

use super::backend::{
    check_op, quarantine_key, unquarantine_gone, Backend, Batch, Loaded, LoadedTexts, Op,
    QuarantineEntry, Snapshot, SnapshotInfo, StoredTexts, META_SCHEMA_VERSION,
};
use super::pack::{
    chunk_holds, journal_bounds, journal_entry, journal_key, needs_repack, overlay, overlay_len,
    split_chunk, Found, JOURNAL_LIMIT, PACK_CHUNK,
};
use super::settings::{merge_stored, META_SETTINGS};
use super::StoreError;
use crate::domain::ids::Id;
use crate::domain::sorting::SortExt;
use idb::request::futures::{CountStoreRequestFuture, GetStoreRequestFuture};
use idb::{
    Database, DatabaseEvent, Factory, KeyRange, ObjectStore, Query, Transaction, TransactionMode,
};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::future::IntoFuture;
use wasm_bindgen::{JsCast, JsValue};

/// The IndexedDB database name.
pub const DB_NAME: &str = "sixstep";

const SYSTEM_STORES: &[&str] = &[
    "snapshots",
    "snapshot_data",
    "quarantine",
    "meta",
    PACKS,
    JOURNAL,
];

const PACKS: &str = "packs";
const JOURNAL: &str = "journal";

pub struct IdbBackend {
    db: Database,
    kinds: Vec<&'static str>,
    /// How each kind was found by the last whole read (what [`IdbBackend::repack`] mends).
    found: RefCell<BTreeMap<String, Found>>,
}

/// Maps an IndexedDB failure to words: a full disk is `QuotaExceeded`, the rest `Unavailable`.
fn map_js(js: &JsValue) -> StoreError {
    if let Some(ex) = js.dyn_ref::<web_sys::DomException>() {
        return match ex.name().as_str() {
            "QuotaExceededError" => StoreError::QuotaExceeded,
            name => StoreError::Unavailable {
                detail: format!("{name}: {}", ex.message()),
            },
        };
    }
    StoreError::Unavailable {
        detail: js.as_string().unwrap_or_else(|| format!("{js:?}")),
    }
}

fn map_err(e: idb::Error) -> StoreError {
    use idb::Error as E;
    match &e {
        E::DomException(ex) => map_js(ex.as_ref()),
        E::AddFailed(js)
        | E::ClearFailed(js)
        | E::DeleteFailed(js)
        | E::GetFailed(js)
        | E::GetAllFailed(js)
        | E::GetAllKeysFailed(js)
        | E::UpdateFailed(js)
        | E::TransactionCommitError(js)
        | E::TransactionAbortError(js)
        | E::TransactionOpenFailed(js)
        | E::IndexedDbOpenFailed(js)
        | E::IndexedDbNotFound(js)
        | E::ObjectStoreNotFound(js) => map_js(js),
        _ => StoreError::Unavailable {
            detail: e.to_string(),
        },
    }
}

/// Why the transaction behind `handle` aborted, if it did.
fn abort_reason(handle: &JsValue) -> Option<StoreError> {
    let tx = Transaction::try_from(handle.clone()).ok()?;
    tx.error().map(|ex| map_js(ex.as_ref()))
}

/// Whether a batch has cleared every kind's store, and which records it wrote since.
enum Fresh {
    No,
    Cleared(HashSet<(String, Id)>),
}

/// What a commit knows of the stores it writes.
struct TxState {
    fresh: Fresh,
    /// Whether a kind has a pack (its writes must journal), once asked.
    packed: HashMap<String, bool>,
    /// Kinds this batch writes more records of than a journal should hold: their pack is
    /// dropped instead, and written again at idle.
    bulk: HashSet<String>,
}

impl Fresh {
    /// True (and the key is now written) when the batch cleared the stores and has not
    /// written this record since: it surely is not stored.
    fn is_unwritten(&mut self, kind: &str, id: Id) -> bool {
        match self {
            Fresh::No => false,
            Fresh::Cleared(written) => written.insert((kind.to_string(), id)),
        }
    }
}

fn key(s: &str) -> JsValue {
    JsValue::from_str(s)
}

async fn get_text(store: &ObjectStore, k: &str) -> Result<Option<String>, StoreError> {
    let v = store
        .get(Query::Key(key(k)))
        .map_err(map_err)?
        .await
        .map_err(map_err)?;
    Ok(v.and_then(|v| v.as_string()))
}

async fn put_text(store: &ObjectStore, k: &str, text: &str) -> Result<(), StoreError> {
    store
        .put(&JsValue::from_str(text), Some(&key(k)))
        .map_err(map_err)?
        .await
        .map_err(map_err)?;
    Ok(())
}

async fn delete_key(store: &ObjectStore, k: &str) -> Result<(), StoreError> {
    store
        .delete(Query::Key(key(k)))
        .map_err(map_err)?
        .await
        .map_err(map_err)?;
    Ok(())
}

/// Every `(key, value)` of a store, in key order.
async fn all_pairs(store: &ObjectStore) -> Result<Vec<(String, String)>, StoreError> {
    let keys = store.get_all_keys(None, None).map_err(map_err)?;
    let values = store.get_all(None, None).map_err(map_err)?;
    Ok(pairs(
        keys.await.map_err(map_err)?.iter().map(key_text).collect(),
        values.await.map_err(map_err)?,
    ))
}

/// Keys and values of one store (both in key order) as text pairs.
fn pairs(keys: Vec<String>, values: Vec<JsValue>) -> Vec<(String, String)> {
    keys.into_iter()
        .zip(&values)
        .map(|(k, v)| (k, stored_text(v)))
        .collect()
}

/// A kind's pack as read (see [`super::pack`]).
enum Pack {
    /// The texts joined by newlines, `per` to a chunk of UTF-8 bytes.
    Joined {
        keys: Vec<String>,
        chunks: Vec<js_sys::Uint8Array>,
        per: usize,
    },
    /// One value per key.
    Values {
        keys: Vec<String>,
        values: Vec<JsValue>,
    },
}

impl Pack {
    fn keys(&self) -> &[String] {
        match self {
            Pack::Joined { keys, .. } | Pack::Values { keys, .. } => keys,
        }
    }

    /// Its `(key, text)` records, each text copied out of JavaScript when taken (a chunk's
    /// at once).
    fn records(self) -> Box<dyn Iterator<Item = (String, String)>> {
        match self {
            Pack::Values { keys, values } => Box::new(
                keys.into_iter()
                    .zip(values)
                    .map(|(k, v)| (k, stored_text(&v))),
            ),
            Pack::Joined { keys, chunks, per } => {
                let total = keys.len();
                let texts = chunks.into_iter().enumerate().flat_map(move |(i, c)| {
                    let expected = per.min(total - i * per);
                    // Checked when the pack was read (`unpack`).
                    split_chunk(c.to_vec(), expected).unwrap_or_default()
                });
                Box::new(keys.into_iter().zip(texts))
            }
        }
    }
}

/// A pack, if `v` is a well-formed one: `[keys joined, [chunk, …], per]` with every chunk
/// holding its records, or `[[key, …], [text, …]]`.
fn unpack(v: &JsValue) -> Option<Pack> {
    let pack = v.dyn_ref::<js_sys::Array>()?;
    if let Some(joined) = pack.get(0).as_string() {
        let per = pack.get(2).as_f64().filter(|p| *p >= 1.0)? as usize;
        let chunks = pack.get(1).dyn_into::<js_sys::Array>().ok()?;
        let keys: Vec<String> = if joined.is_empty() {
            Vec::new()
        } else {
            joined.split('\n').map(str::to_string).collect()
        };
        if pack.length() != 3 || chunks.length() as usize != keys.len().div_ceil(per) {
            return None;
        }
        // A chunk must be text holding `per` records (the last one the rest), or the pack is
        // not used. Each is copied into one buffer to be checked (copying bytes costs little;
        // the kind's texts are copied again a chunk at a time as they are decoded).
        let chunks: Vec<js_sys::Uint8Array> = chunks
            .iter()
            .map(|c| c.dyn_into::<js_sys::Uint8Array>().ok())
            .collect::<Option<_>>()?;
        let mut buffer = Vec::new();
        for (i, chunk) in chunks.iter().enumerate() {
            buffer.resize(chunk.length() as usize, 0);
            chunk.copy_to(&mut buffer);
            if !chunk_holds(&buffer, per.min(keys.len() - i * per)) {
                return None;
            }
        }
        return Some(Pack::Joined { keys, chunks, per });
    }
    let keys = pack.get(0).dyn_into::<js_sys::Array>().ok()?;
    let values = pack.get(1).dyn_into::<js_sys::Array>().ok()?;
    if pack.length() != 2 || keys.length() != values.length() {
        return None;
    }
    Some(Pack::Values {
        keys: keys.iter().map(|k| key_text(&k)).collect(),
        values: values.to_vec(),
    })
}

/// Whether every one of `values` can be joined with others by newlines: a non-empty text
/// without a raw newline (JSON escapes newlines, so every text this app writes can; a key or
/// value written by something else might not). Checked in JavaScript, without copying them.
fn all_joinable(values: &js_sys::Array) -> bool {
    values.every(&mut |v, _, _| {
        v.dyn_into::<js_sys::JsString>()
            .is_ok_and(|t| t.length() > 0 && !t.includes("\n", 0))
    })
}

/// The pack of a store's `keys` and `values` (as read, in key order).
fn make_pack(keys: js_sys::Array, values: js_sys::Array) -> js_sys::Array {
    if !(all_joinable(&keys) && all_joinable(&values)) {
        return [JsValue::from(keys), JsValue::from(values)]
            .into_iter()
            .collect();
    }
    let encoder = Utf8Encoder::new();
    let chunks: js_sys::Array = (0..values.length())
        .step_by(PACK_CHUNK)
        .map(|start| {
            let joined = values.slice(start, start + PACK_CHUNK as u32).join("\n");
            JsValue::from(encoder.encode(&joined))
        })
        .collect();
    [
        JsValue::from(keys.join("\n")),
        JsValue::from(chunks),
        JsValue::from(PACK_CHUNK as f64),
    ]
    .into_iter()
    .collect()
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's `TextEncoder`, taking a JavaScript string as it is (web-sys's takes a
    /// Rust one, which would copy a pack's texts into this module and back).
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;
    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;
    #[wasm_bindgen(method, js_class = "TextEncoder")]
    fn encode(this: &Utf8Encoder, text: &js_sys::JsString) -> js_sys::Uint8Array;
}

/// A stored value as text: the text itself, or, for a value that is not text (written by
/// something other than this app), its JSON, whole, so that setting it aside keeps it intact.
fn stored_text(v: &JsValue) -> String {
    v.as_string().unwrap_or_else(|| js_text(v))
}

/// JSON of any JavaScript value (its debug form for what JSON cannot write, like
/// `undefined`).
fn js_text(v: &JsValue) -> String {
    js_sys::JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{v:?}"))
}

async fn clear(store: &ObjectStore) -> Result<(), StoreError> {
    store.clear().map_err(map_err)?.await.map_err(map_err)?;
    Ok(())
}

/// A stored key as text (one that is not text, written by something else, as its JSON).
fn key_text(k: &JsValue) -> String {
    k.as_string().unwrap_or_else(|| js_text(k))
}

/// The range of `kind`'s journal keys.
fn journal_range(kind: &str) -> Result<Query, StoreError> {
    let (lo, hi) = journal_bounds(kind);
    Ok(Query::KeyRange(
        KeyRange::bound(&key(&lo), &key(&hi), None, None).map_err(map_err)?,
    ))
}

/// A whole read under way, in one transaction: the kinds' counts and packs asked for (all
/// at once, or the ones wanted first and then [`Reading::ask_rest`]), then
/// [`Reading::take`]n a kind at a time, in the order they were asked for, so that a kind
/// can be decoded while the database reads the next.
pub struct Reading {
    tx: Transaction,
    kinds: VecDeque<(&'static str, CountStoreRequestFuture, GetStoreRequestFuture)>,
    /// The kinds not asked for yet (see [`IdbBackend::start_reading`]), in the backend's
    /// order.
    rest: Vec<&'static str>,
    journal: HashMap<String, HashMap<String, Option<String>>>,
    found: BTreeMap<String, Found>,
}

impl Reading {
    /// Asks for `kinds`' counts and packs, taken after those asked for before.
    fn ask(&mut self, kinds: &[&'static str]) -> Result<(), StoreError> {
        let packs = self.tx.object_store(PACKS).map_err(map_err)?;
        for kind in kinds {
            let store = self.tx.object_store(kind).map_err(map_err)?;
            let count = store.count(None).map_err(map_err)?.into_future();
            let pack = packs
                .get(Query::Key(key(kind)))
                .map_err(map_err)?
                .into_future();
            self.kinds.push_back((*kind, count, pack));
        }
        Ok(())
    }

    /// Asks for the kinds [`IdbBackend::start_reading`] left out. Called right after a
    /// [`Reading::take`] returns, with no await between: the transaction is active then
    /// (it runs as that kind's request succeeds).
    pub fn ask_rest(&mut self) -> Result<(), StoreError> {
        let rest = std::mem::take(&mut self.rest);
        self.ask(&rest)
    }

    /// The next kind's records, which must be `kind`'s: from its pack with the journal
    /// laid over when that adds up to the store's count, else record by record.
    pub async fn take(&mut self, kind: &str) -> Result<StoredTexts, StoreError> {
        let Some((name, count, pack)) = self.kinds.pop_front().filter(|(k, ..)| *k == kind) else {
            return Err(StoreError::UnknownKind {
                kind: kind.to_string(),
            });
        };
        let count = count.await.map_err(map_err)? as usize;
        let pack = pack.await.map_err(map_err)?;
        let journal = self.journal.remove(name).unwrap_or_default();
        let how = match pack.as_ref().and_then(unpack) {
            Some(pack) => {
                let len = overlay_len(pack.keys(), &journal);
                if len == count {
                    let entries = journal.len();
                    self.found
                        .insert(name.to_string(), Found::Packed { journal: entries });
                    return Ok(StoredTexts::new(len, overlay(pack.records(), journal)));
                }
                Found::Disagreed
            }
            None => Found::Unpacked,
        };
        self.found.insert(name.to_string(), how);
        // Asked for at once, while the transaction is active (this runs as the pack's
        // request succeeds).
        let store = self.tx.object_store(name).map_err(map_err)?;
        let keys = store
            .get_all_keys(None, None)
            .map_err(map_err)?
            .into_future();
        let values = store.get_all(None, None).map_err(map_err)?.into_future();
        let keys: Vec<String> = keys.await.map_err(map_err)?.iter().map(key_text).collect();
        let values = values.await.map_err(map_err)?;
        Ok(StoredTexts::new(
            keys.len(),
            Pack::Values { keys, values }.records(),
        ))
    }
}

/// Drops `kind`'s pack and journal: its store alone holds its records until the next
/// [`IdbBackend::repack`].
async fn drop_pack(tx: &Transaction, kind: &str) -> Result<(), StoreError> {
    delete_key(&tx.object_store(PACKS).map_err(map_err)?, kind).await?;
    tx.object_store(JOURNAL)
        .map_err(map_err)?
        .delete(journal_range(kind)?)
        .map_err(map_err)?
        .await
        .map_err(map_err)?;
    Ok(())
}

impl IdbBackend {
    /// Opens (or creates) the database with one object store per kind. `on_blocked` runs
    /// when another open tab holds an older version and blocks the upgrade (the open then
    /// waits for that tab); `on_version_change` runs when another tab needs to upgrade and
    /// this tab must let go.
    pub async fn open(
        kinds: Vec<&'static str>,
        on_blocked: impl Fn() + 'static,
        on_version_change: impl Fn() + 'static,
    ) -> Result<IdbBackend, StoreError> {
        let factory = Factory::new().map_err(map_err)?;
        let on_blocked = std::rc::Rc::new(on_blocked);
        // Open at the current version; if a kind's store is missing, reopen one version up
        // and create what is missing.
        let mut version: Option<u32> = None;
        loop {
            let mut request = factory.open(DB_NAME, version).map_err(map_err)?;
            let wanted: Vec<&'static str> = kinds
                .iter()
                .copied()
                .chain(SYSTEM_STORES.iter().copied())
                .collect();
            let wanted_up = wanted.clone();
            request.on_upgrade_needed(move |event| {
                let Ok(db) = event.database() else { return };
                let have = db.store_names();
                for name in &wanted_up {
                    if !have.iter().any(|h| h == name) {
                        let _ = db.create_object_store(name, idb::ObjectStoreParams::new());
                    }
                }
            });
            let blocked = on_blocked.clone();
            request.on_blocked(move |_| blocked());
            let mut db = request.await.map_err(map_err)?;
            let have = db.store_names();
            if wanted.iter().all(|w| have.iter().any(|h| h == w)) {
                db.on_version_change(move |event| {
                    if let Ok(db) = event.database() {
                        db.close();
                    }
                    on_version_change();
                });
                return Ok(IdbBackend {
                    db,
                    kinds,
                    found: RefCell::default(),
                });
            }
            let current = db.version().map_err(map_err)?;
            db.close();
            version = Some(current + 1);
        }
    }

    fn all_stores(&self) -> Vec<&str> {
        self.kinds
            .iter()
            .copied()
            .chain(SYSTEM_STORES.iter().copied())
            .collect()
    }

    /// The stores a whole read covers: every kind, the packs and the journal.
    fn read_scope(&self) -> Vec<&str> {
        self.kinds.iter().copied().chain([PACKS, JOURNAL]).collect()
    }

    fn tx(&self, stores: &[&str], mode: TransactionMode) -> Result<Transaction, StoreError> {
        self.db.transaction(stores, mode).map_err(map_err)
    }

    /// Every kind's records as text.
    async fn read_texts(&self, tx: &Transaction) -> Result<Loaded, StoreError> {
        Ok(self
            .read_records(tx)
            .await?
            .into_iter()
            .map(|(kind, texts)| (kind, texts.into_iter().collect()))
            .collect())
    }

    /// Every kind's records, each text copied out of JavaScript when taken (see
    /// [`Reading`]). `tx` must cover [`Self::read_scope`].
    async fn read_records(&self, tx: &Transaction) -> Result<LoadedTexts, StoreError> {
        // A second handle on the same transaction, for the reading to keep.
        let handle = tx.object_store(PACKS).map_err(map_err)?.transaction();
        let mut reading = self.reading(handle, &self.kinds).await?;
        let mut out = LoadedTexts::new();
        for kind in &self.kinds {
            out.insert(kind.to_string(), reading.take(kind).await?);
        }
        self.finish(reading);
        Ok(out)
    }

    /// Starts a whole read, in a transaction of its own: see [`Reading`].
    ///
    /// Only the kinds in `first` are asked for at once; [`Reading::ask_rest`] asks for the
    /// others once those are taken. Their texts come first, and the database reads the
    /// others while the page shows the first.
    pub async fn start_reading(&self, first: &[&'static str]) -> Result<Reading, StoreError> {
        if let Some(unknown) = first.iter().find(|k| !self.kinds.contains(k)) {
            return Err(StoreError::UnknownKind {
                kind: unknown.to_string(),
            });
        }
        let tx = self.tx(&self.read_scope(), TransactionMode::ReadOnly)?;
        let mut reading = self.reading(tx, first).await?;
        reading.rest = self
            .kinds
            .iter()
            .copied()
            .filter(|k| !first.contains(k))
            .collect();
        Ok(reading)
    }

    /// Starts a whole read in `tx` (which must cover [`Self::read_scope`]): the requests of
    /// `kinds` are made at once, so that the database reads the next kinds while the first
    /// are decoded.
    async fn reading(
        &self,
        tx: Transaction,
        kinds: &[&'static str],
    ) -> Result<Reading, StoreError> {
        let journal = tx.object_store(JOURNAL).map_err(map_err)?;
        let journal_keys = journal
            .get_all_keys(None, None)
            .map_err(map_err)?
            .into_future();
        let journal_values = journal.get_all(None, None).map_err(map_err)?.into_future();
        let mut reading = Reading {
            tx,
            kinds: VecDeque::with_capacity(self.kinds.len()),
            rest: Vec::new(),
            journal: HashMap::new(),
            found: BTreeMap::new(),
        };
        reading.ask(kinds)?;
        let mut journaled: HashMap<String, HashMap<String, Option<String>>> = HashMap::new();
        for (k, v) in journal_keys
            .await
            .map_err(map_err)?
            .iter()
            .zip(journal_values.await.map_err(map_err)?)
        {
            let k = key_text(k);
            if let Some((kind, record)) = journal_entry(&k) {
                let text = (!v.is_null() && !v.is_undefined()).then(|| stored_text(&v));
                journaled
                    .entry(kind.to_string())
                    .or_default()
                    .insert(record.to_string(), text);
            }
        }
        reading.journal = journaled;
        Ok(reading)
    }

    /// Ends a whole read: what it found decides what [`Self::repack`] writes.
    pub fn finish(&self, reading: Reading) {
        *self.found.borrow_mut() = reading.found;
    }

    /// Writes the pack of every kind that has none, disagreed with its store or has a long
    /// journal: each in one transaction with emptying its journal, from its store. Returns
    /// the kinds packed. Run at idle: a large kind's transaction holds its store for a
    /// moment.
    pub async fn repack(&self) -> Result<Vec<String>, StoreError> {
        let wanted: Vec<String> = self
            .found
            .borrow()
            .iter()
            .filter(|(_, f)| needs_repack(f))
            .map(|(k, _)| k.clone())
            .collect();
        for kind in &wanted {
            let tx = self.tx(&[kind.as_str(), PACKS, JOURNAL], TransactionMode::ReadWrite)?;
            let store = tx.object_store(kind).map_err(map_err)?;
            let keys = store.get_all_keys(None, None).map_err(map_err)?;
            let values = store.get_all(None, None).map_err(map_err)?;
            let keys: js_sys::Array = keys.await.map_err(map_err)?.into_iter().collect();
            let values: js_sys::Array = values.await.map_err(map_err)?.into_iter().collect();
            let pack = make_pack(keys, values);
            tx.object_store(JOURNAL)
                .map_err(map_err)?
                .delete(journal_range(kind)?)
                .map_err(map_err)?;
            tx.object_store(PACKS)
                .map_err(map_err)?
                .put(&pack, Some(&key(kind)))
                .map_err(map_err)?;
            let done = tx.commit().map_err(map_err)?.await.map_err(map_err)?;
            if !done.is_committed() {
                return Err(StoreError::Unavailable {
                    detail: "the transaction was aborted".into(),
                });
            }
            self.found
                .borrow_mut()
                .insert(kind.clone(), Found::Packed { journal: 0 });
        }
        Ok(wanted)
    }

    /// Whether `kind`'s writes must journal (it has a pack). A kind this batch writes in
    /// bulk has its pack dropped instead.
    async fn journals(
        &self,
        tx: &Transaction,
        kind: &str,
        state: &mut TxState,
    ) -> Result<bool, StoreError> {
        if let Some(&p) = state.packed.get(kind) {
            return Ok(p);
        }
        let packs = tx.object_store(PACKS).map_err(map_err)?;
        let mut packed = packs
            .count(Some(Query::Key(key(kind))))
            .map_err(map_err)?
            .await
            .map_err(map_err)?
            > 0;
        if packed && state.bulk.contains(kind) {
            drop_pack(tx, kind).await?;
            packed = false;
        }
        state.packed.insert(kind.to_string(), packed);
        Ok(packed)
    }

    /// Notes in the journal that `kind`'s record `k` is now `text` (`None`: deleted), if the
    /// kind is packed.
    async fn journal(
        &self,
        tx: &Transaction,
        kind: &str,
        k: &str,
        text: Option<&str>,
        state: &mut TxState,
    ) -> Result<(), StoreError> {
        if !self.journals(tx, kind, state).await? {
            return Ok(());
        }
        let value = text.map(JsValue::from_str).unwrap_or(JsValue::NULL);
        tx.object_store(JOURNAL)
            .map_err(map_err)?
            .put(&value, Some(&key(&journal_key(kind, k))))
            .map_err(map_err)?;
        Ok(())
    }

    /// Notes what a committed batch did to the packs: a kind whose pack it dropped (or
    /// found missing) needs one again. (A journal's length is counted by the next whole
    /// read, which is what asks for a repack.)
    fn note_packs(&self, state: &TxState) {
        let mut found = self.found.borrow_mut();
        for (kind, _) in state.packed.iter().filter(|(_, packed)| !**packed) {
            found.insert(kind.clone(), Found::Unpacked);
        }
    }

    /// Drops every pack and the journal (the stores were cleared or replaced).
    async fn drop_packs(&self, tx: &Transaction, state: &mut TxState) -> Result<(), StoreError> {
        clear(&tx.object_store(PACKS).map_err(map_err)?).await?;
        clear(&tx.object_store(JOURNAL).map_err(map_err)?).await?;
        for kind in &self.kinds {
            state.packed.insert(kind.to_string(), false);
        }
        Ok(())
    }

    async fn apply(
        &self,
        tx: &Transaction,
        op: &Op,
        state: &mut TxState,
    ) -> Result<(), StoreError> {
        match op {
            Op::Put {
                kind,
                id,
                json,
                base_rev,
            } => {
                let store = self.kind_store(tx, kind)?;
                let k = id.to_string();
                // A create after this batch cleared the stores cannot find a stored record
                // (unless the batch wrote that key itself): no need to read it first, nor to
                // wait for the write. Requests run in order, and a failed one aborts the
                // transaction, which `commit` reports.
                if base_rev.is_none() && state.fresh.is_unwritten(kind, *id) {
                    check_op(op, None)?;
                    store
                        .put(&JsValue::from_str(json), Some(&key(&k)))
                        .map_err(map_err)?;
                } else {
                    let stored = get_text(&store, &k).await?;
                    check_op(op, stored.as_deref())?;
                    put_text(&store, &k, json).await?;
                }
                self.journal(tx, kind, &k, Some(json), state).await
            }
            Op::Delete { kind, id, .. } => {
                let store = self.kind_store(tx, kind)?;
                let k = id.to_string();
                let stored = get_text(&store, &k).await?;
                check_op(op, stored.as_deref())?;
                delete_key(&store, &k).await?;
                self.journal(tx, kind, &k, None, state).await
            }
            Op::ClearAll => {
                for kind in &self.kinds {
                    clear(&tx.object_store(kind).map_err(map_err)?).await?;
                }
                self.drop_packs(tx, state).await?;
                state.fresh = Fresh::Cleared(HashSet::new());
                Ok(())
            }
            Op::Snapshot(header) => {
                let records = self.read_texts(tx).await?;
                let meta = tx.object_store("meta").map_err(map_err)?;
                let schema_version = get_text(&meta, META_SCHEMA_VERSION)
                    .await?
                    .and_then(|v| v.parse().ok());
                let settings = get_text(&meta, META_SETTINGS).await?;
                let info = SnapshotInfo {
                    id: header.id,
                    label: header.label.clone(),
                    created_at: header.created_at,
                    counts: records
                        .iter()
                        .map(|(k, v)| (k.clone(), v.len()))
                        .collect::<BTreeMap<_, _>>(),
                    schema_version,
                    settings,
                };
                let k = header.id.to_string();
                let info_json = serde_json::to_string(&info).unwrap_or_default();
                let data_json = serde_json::to_string(&records).unwrap_or_default();
                put_text(
                    &tx.object_store("snapshots").map_err(map_err)?,
                    &k,
                    &info_json,
                )
                .await?;
                put_text(
                    &tx.object_store("snapshot_data").map_err(map_err)?,
                    &k,
                    &data_json,
                )
                .await
            }
            Op::RestoreSnapshot(id) => {
                let k = id.to_string();
                let info = get_text(&tx.object_store("snapshots").map_err(map_err)?, &k).await?;
                let data =
                    get_text(&tx.object_store("snapshot_data").map_err(map_err)?, &k).await?;
                let (Some(info), Some(data)) = (info, data) else {
                    return Err(StoreError::SnapshotNotFound { id: *id });
                };
                let info: SnapshotInfo =
                    serde_json::from_str(&info).map_err(|e| StoreError::Corrupt {
                        kind: "snapshots".into(),
                        key: k.clone(),
                        error: e.to_string(),
                    })?;
                let records: Loaded =
                    serde_json::from_str(&data).map_err(|e| StoreError::Corrupt {
                        kind: "snapshot_data".into(),
                        key: k.clone(),
                        error: e.to_string(),
                    })?;
                state.fresh = Fresh::No;
                self.drop_packs(tx, state).await?;
                for kind in &self.kinds {
                    let store = tx.object_store(kind).map_err(map_err)?;
                    clear(&store).await?;
                    for (key, json) in records.get(*kind).into_iter().flatten() {
                        put_text(&store, key, json).await?;
                    }
                }
                let meta = tx.object_store("meta").map_err(map_err)?;
                if let Some(s) = &info.settings {
                    put_text(&meta, META_SETTINGS, s).await?;
                }
                match info.schema_version {
                    Some(v) => put_text(&meta, META_SCHEMA_VERSION, &v.to_string()).await,
                    None => delete_key(&meta, META_SCHEMA_VERSION).await,
                }
            }
            Op::DeleteSnapshot(id) => {
                let k = id.to_string();
                delete_key(&tx.object_store("snapshots").map_err(map_err)?, &k).await?;
                delete_key(&tx.object_store("snapshot_data").map_err(map_err)?, &k).await
            }
            Op::Quarantine(entry) => {
                let json = serde_json::to_string(entry).unwrap_or_default();
                put_text(
                    &tx.object_store("quarantine").map_err(map_err)?,
                    &entry.store_key(),
                    &json,
                )
                .await?;
                let store = self.kind_store(tx, &entry.kind)?;
                delete_key(&store, &entry.key).await?;
                self.journal(tx, &entry.kind, &entry.key, None, state).await
            }
            Op::DeleteQuarantine { kind, key } => {
                delete_key(
                    &tx.object_store("quarantine").map_err(map_err)?,
                    &quarantine_key(kind, key),
                )
                .await
            }
            Op::Unquarantine { kind, key } => {
                let store = tx.object_store("quarantine").map_err(map_err)?;
                let k = quarantine_key(kind, key);
                if get_text(&store, &k).await?.is_none() {
                    return Err(unquarantine_gone(kind, key));
                }
                delete_key(&store, &k).await
            }
            Op::SetMeta { key, value } => {
                put_text(&tx.object_store("meta").map_err(map_err)?, key, value).await
            }
            Op::RequireSchemaAtMost(at_most) => {
                let meta = tx.object_store("meta").map_err(map_err)?;
                let found = get_text(&meta, META_SCHEMA_VERSION)
                    .await?
                    .and_then(|v| v.trim().parse::<u32>().ok());
                match found.filter(|v| v > at_most) {
                    Some(found) => Err(StoreError::NewerSchema {
                        found,
                        current: *at_most,
                    }),
                    None => Ok(()),
                }
            }
            Op::ApplySettings(patch) => {
                let meta = tx.object_store("meta").map_err(map_err)?;
                let stored = get_text(&meta, META_SETTINGS).await?;
                put_text(
                    &meta,
                    META_SETTINGS,
                    &merge_stored(stored.as_deref(), patch),
                )
                .await
            }
        }
    }

    fn kind_store(&self, tx: &Transaction, kind: &str) -> Result<ObjectStore, StoreError> {
        if !self.kinds.contains(&kind) {
            return Err(StoreError::UnknownKind {
                kind: kind.to_string(),
            });
        }
        tx.object_store(kind).map_err(map_err)
    }
}

impl Backend for IdbBackend {
    async fn load_all(&self) -> Result<Loaded, StoreError> {
        let tx = self.tx(&self.read_scope(), TransactionMode::ReadOnly)?;
        self.read_texts(&tx).await
    }

    async fn load_texts(&self) -> Result<LoadedTexts, StoreError> {
        let tx = self.tx(&self.read_scope(), TransactionMode::ReadOnly)?;
        // Keys as stored: one that is not a record id is set aside by the caller's decode
        // step under that very key. Each text is copied out of JavaScript only when taken.
        self.read_records(&tx).await
    }

    async fn commit(&self, batch: &Batch) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let all: Vec<&str> = self.all_stores();
        let stores = batch.stores(&self.kinds);
        let mut stores: Vec<&str> = stores
            .into_iter()
            .filter(|s| all.contains(s))
            .collect::<Vec<_>>();
        // A write to a kind's store journals, or drops the kind's pack.
        if stores.iter().any(|s| self.kinds.contains(s)) {
            stores.extend([PACKS, JOURNAL]);
        }
        let tx = self.tx(&stores, TransactionMode::ReadWrite)?;
        // A second handle on the same transaction, to read why it aborted after `commit`
        // has consumed the first.
        let handle: JsValue = tx.into();
        let tx = Transaction::try_from(handle.clone()).map_err(map_err)?;
        let mut writes: HashMap<&str, usize> = HashMap::new();
        for op in &batch.ops {
            if let Op::Put { kind, .. } | Op::Delete { kind, .. } = op {
                *writes.entry(kind.as_str()).or_default() += 1;
            }
        }
        let mut state = TxState {
            fresh: Fresh::No,
            packed: HashMap::new(),
            bulk: writes
                .into_iter()
                .filter(|(_, n)| *n > JOURNAL_LIMIT)
                .map(|(k, _)| k.to_string())
                .collect(),
        };
        for op in &batch.ops {
            if let Err(e) = self.apply(&tx, op, &mut state).await {
                // If the transaction itself failed (a write refused), that is the reason;
                // the error of the operation that noticed it is only a consequence.
                let reason = abort_reason(&handle);
                let _ = tx.abort();
                return Err(reason.unwrap_or(e));
            }
        }
        let done = tx.commit().map_err(map_err)?;
        match done.await {
            Ok(r) if r.is_committed() => {
                self.note_packs(&state);
                Ok(())
            }
            // Browsers report a full disk this way: every request succeeded, then the commit
            // failed, with `QuotaExceededError` as the transaction's error.
            Ok(_) => Err(abort_reason(&handle).unwrap_or(StoreError::Unavailable {
                detail: "the transaction was aborted".into(),
            })),
            Err(e) => Err(abort_reason(&handle).unwrap_or_else(|| map_err(e))),
        }
    }

    async fn list_snapshots(&self) -> Result<Vec<SnapshotInfo>, StoreError> {
        let tx = self.tx(&["snapshots"], TransactionMode::ReadOnly)?;
        let store = tx.object_store("snapshots").map_err(map_err)?;
        let mut out: Vec<SnapshotInfo> = all_pairs(&store)
            .await?
            .into_iter()
            .filter_map(|(_, v)| serde_json::from_str(&v).ok())
            .collect();
        out.sort_on(|s| s.created_at);
        Ok(out)
    }

    async fn load_snapshot(&self, id: Id) -> Result<Snapshot, StoreError> {
        let tx = self.tx(&["snapshots", "snapshot_data"], TransactionMode::ReadOnly)?;
        let k = id.to_string();
        let info = get_text(&tx.object_store("snapshots").map_err(map_err)?, &k).await?;
        let data = get_text(&tx.object_store("snapshot_data").map_err(map_err)?, &k).await?;
        match (info, data) {
            (Some(i), Some(d)) => Ok(Snapshot {
                info: serde_json::from_str(&i).map_err(|e| StoreError::Corrupt {
                    kind: "snapshots".into(),
                    key: k.clone(),
                    error: e.to_string(),
                })?,
                records: serde_json::from_str(&d).map_err(|e| StoreError::Corrupt {
                    kind: "snapshot_data".into(),
                    key: k.clone(),
                    error: e.to_string(),
                })?,
            }),
            _ => Err(StoreError::SnapshotNotFound { id }),
        }
    }

    async fn list_quarantine(&self) -> Result<Vec<QuarantineEntry>, StoreError> {
        let tx = self.tx(&["quarantine"], TransactionMode::ReadOnly)?;
        let store = tx.object_store("quarantine").map_err(map_err)?;
        Ok(all_pairs(&store)
            .await?
            .into_iter()
            .filter_map(|(_, v)| serde_json::from_str(&v).ok())
            .collect())
    }

    async fn get_meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        let tx = self.tx(&["meta"], TransactionMode::ReadOnly)?;
        get_text(&tx.object_store("meta").map_err(map_err)?, key).await
    }

    /// One record's stored text (for refreshing it after another tab's change, or checking
    /// that a quarantined record's id is still free).
    async fn get_raw(&self, kind: &str, id: Id) -> Result<Option<String>, StoreError> {
        if !self.kinds.contains(&kind) {
            return Err(StoreError::UnknownKind {
                kind: kind.to_string(),
            });
        }
        let tx = self.tx(&[kind], TransactionMode::ReadOnly)?;
        let store = self.kind_store(&tx, kind)?;
        get_text(&store, &id.to_string()).await
    }
}
