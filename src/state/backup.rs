//! Backup export and import, through the store's verified codec and WebCrypto.

use super::data::{announce_reload, backend, AppData};
use crate::domain::ids::new_id;
use crate::store::backend::{Backend, SnapshotHeader, SnapshotInfo};
use crate::store::backup::decode_file;
use crate::store::import::{prune_snapshots, replaced_texts};
use crate::store::registry::{app_kinds, APP_VERSION};
use crate::store::{
    check_read_back, export_loaded_with_settings, parse_backup, plan_import, preview,
    preview_settings, undo_import, Digest, ImportMode, ImportPreview, Message, ParsedBackup,
    RecordsByKind, StoreError, WorkSettings, META_SETTINGS,
};
use chrono::{DateTime, Utc};
use gloo_storage::{LocalStorage, Storage};
use std::collections::BTreeMap;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const LAST_BACKUP_KEY: &str = "sixstep.last_backup";
/// Larger files are refused before parsing (a five-year book is about 30 MB).
pub const MAX_IMPORT_BYTES: usize = 200 * 1024 * 1024;
/// Snapshots kept for "Undo import".
const SNAPSHOTS_KEPT: usize = 3;

/// SHA-256 through the browser's WebCrypto.
pub struct WebCrypto;

impl Digest for WebCrypto {
    async fn sha256_hex(&self, bytes: &[u8]) -> String {
        async fn run(bytes: &[u8]) -> Result<String, JsValue> {
            let subtle = web_sys::window().ok_or("no window")?.crypto()?.subtle();
            let buf =
                JsFuture::from(subtle.digest_with_str_and_u8_array("SHA-256", bytes)?).await?;
            let arr = js_sys::Uint8Array::new(&buf).to_vec();
            Ok(arr.iter().map(|b| format!("{b:02x}")).collect())
        }
        // Without WebCrypto (a page served over plain http) no checksum can be made; an
        // empty one never matches, so nothing unverified is ever accepted.
        run(bytes).await.unwrap_or_default()
    }
}

/// Whether WebCrypto is there (it needs https or localhost).
pub fn crypto_available() -> bool {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| !JsValue::from(c.subtle()).is_undefined())
}

/// When the last verified backup was saved.
pub fn last_backup() -> Option<DateTime<Utc>> {
    LocalStorage::get::<String>(LAST_BACKUP_KEY)
        .ok()
        .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
        .map(|d| d.with_timezone(&Utc))
}

/// Why an export or import failed, as a catalogue message.
#[derive(Debug, Clone)]
pub enum BackupFailure {
    Store(StoreError),
    File(Message),
    NoCrypto,
}

async fn current_records() -> Result<RecordsByKind, StoreError> {
    let b = backend().ok_or(StoreError::Unavailable {
        detail: "the record store is not open".into(),
    })?;
    let loaded = b.load_all().await?;
    Ok(loaded
        .into_iter()
        .map(|(kind, recs)| {
            let values = recs
                .iter()
                .filter_map(|(_, text)| serde_json::from_str(text).ok())
                .collect();
            (kind, values)
        })
        .collect())
}

/// The work settings as stored (the source of truth, not the signal).
async fn stored_settings<B: Backend>(b: &B) -> Result<WorkSettings, StoreError> {
    Ok(WorkSettings::from_stored(
        b.get_meta(META_SETTINGS).await?.as_deref(),
    ))
}

/// The backup file name for a day: `sixstep-backup-2026-11-23.json`.
pub fn backup_file_name(now: DateTime<Utc>) -> String {
    format!("sixstep-backup-{}.json", now.format("%Y-%m-%d"))
}

/// Writes the backup, reads the file back and checks that it holds exactly the bytes
/// written, then downloads it and records the backup time. Returns the counts written.
pub async fn export_backup() -> Result<BTreeMap<String, usize>, BackupFailure> {
    if !crypto_available() {
        return Err(BackupFailure::NoCrypto);
    }
    let b = backend().ok_or(BackupFailure::Store(StoreError::Unavailable {
        detail: "the record store is not open".into(),
    }))?;
    let loaded = b.load_all().await.map_err(BackupFailure::Store)?;
    let settings = stored_settings(&*b).await.map_err(BackupFailure::Store)?;
    let now = Utc::now();
    // Straight from the stored (canonical) texts: the same file as exporting the parsed
    // records, without parsing them.
    let (text, counts) =
        export_loaded_with_settings(&loaded, &settings, APP_VERSION, now, &WebCrypto).await;
    drop(loaded);
    let blob = make_blob(&text).map_err(js_failure)?;
    // Verify what the blob really holds, byte for byte, before saying "saved".
    let read = js_sys::Uint8Array::new(
        &JsFuture::from(blob.array_buffer())
            .await
            .map_err(js_failure)?,
    );
    check_read_back(text.as_bytes(), read.length() as usize, |at, buffer| {
        read.subarray(at as u32, (at + buffer.len()) as u32)
            .copy_to(buffer)
    })
    .map_err(|e| BackupFailure::File(e.message()))?;
    download(&blob, &backup_file_name(now)).map_err(js_failure)?;
    let _ = LocalStorage::set(LAST_BACKUP_KEY, now.to_rfc3339());
    Ok(counts)
}

fn js_failure(e: JsValue) -> BackupFailure {
    BackupFailure::Store(StoreError::Unavailable {
        detail: e.as_string().unwrap_or_else(|| format!("{e:?}")),
    })
}

/// A blob of `text`'s UTF-8 bytes, copied as bytes (no round trip through a JS string).
fn make_blob(text: &str) -> Result<web_sys::Blob, JsValue> {
    let bytes = js_sys::Uint8Array::from(text.as_bytes());
    let parts = js_sys::Array::of1(&bytes);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)
}

/// Offers `blob` as a download called `name`.
pub fn download(blob: &web_sys::Blob, name: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let doc = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    doc.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    // Revoked later, not at once: a busy browser may start reading the blob after the
    // click returns, and a revoked address gives no download at all.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Offers `text` as a download called `name` (CSV, quarantine exports).
pub fn download_text(text: &str, name: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    download(&blob, name)
}

/// A checked backup file and what importing it would do.
#[derive(Clone)]
pub struct ImportCandidate {
    pub file_name: String,
    /// Shared, not copied: views clone the candidate, and the records are tens of MB.
    pub parsed: Arc<ParsedBackup>,
    pub preview: ImportPreview,
}

/// Reads and checks a chosen file: nothing in the store changes here.
pub async fn check_file(file: web_sys::File) -> Result<ImportCandidate, BackupFailure> {
    if !crypto_available() {
        return Err(BackupFailure::NoCrypto);
    }
    let name = file.name();
    if file.size() > MAX_IMPORT_BYTES as f64 {
        return Err(BackupFailure::File(
            crate::store::ImportError::TooLarge {
                bytes: file.size() as usize,
                max_bytes: MAX_IMPORT_BYTES,
            }
            .message(),
        ));
    }
    let buf = JsFuture::from(file.array_buffer())
        .await
        .map_err(js_failure)?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    let text = decode_file(&bytes).map_err(|e| BackupFailure::File(e.message()))?;
    let parsed = parse_backup(text, &WebCrypto, &app_kinds(), MAX_IMPORT_BYTES, Utc::now())
        .await
        .map_err(|e| BackupFailure::File(e.message()))?;
    let current = current_records().await.map_err(BackupFailure::Store)?;
    let mut preview = preview(&parsed, &current);
    let b = backend().ok_or(BackupFailure::Store(StoreError::Unavailable {
        detail: "the record store is not open".into(),
    }))?;
    let settings = stored_settings(&*b).await.map_err(BackupFailure::Store)?;
    preview.settings = preview_settings(&parsed, &settings);
    Ok(ImportCandidate {
        file_name: name,
        parsed: Arc::new(parsed),
        preview,
    })
}

/// Imports in one transaction after a snapshot; returns the snapshot's id for "Undo import".
pub async fn apply_import(
    data: AppData,
    candidate: &ImportCandidate,
    mode: ImportMode,
) -> Result<uuid::Uuid, StoreError> {
    let b = backend().ok_or(StoreError::Unavailable {
        detail: "the record store is not open".into(),
    })?;
    // *Replace* does not look at the current records (the snapshot copies them raw).
    let current = match mode {
        ImportMode::Merge => current_records().await?,
        ImportMode::Replace => RecordsByKind::new(),
    };
    let header = SnapshotHeader {
        id: new_id(),
        label: candidate.file_name.clone(),
        created_at: Utc::now(),
    };
    let id = header.id;
    let mut batch = plan_import(&candidate.parsed, &current, mode, header);
    let existing = b.list_snapshots().await?;
    for op in prune_snapshots(&existing, SNAPSHOTS_KEPT - 1) {
        batch.push(op);
    }
    b.commit(&batch).await?;
    // *Replace* wrote exactly the file's records: they are shown without reading the whole
    // store back (a merge's result is only in the store).
    match replaced_texts(batch) {
        Some(written) => data.show_written(written).await?,
        None => data.reload().await?,
    }
    announce_reload();
    Ok(id)
}

/// The snapshots that can be restored ("Undo import"), newest first.
pub async fn snapshots() -> Result<Vec<SnapshotInfo>, StoreError> {
    let b = backend().ok_or(StoreError::Unavailable {
        detail: "the record store is not open".into(),
    })?;
    let mut list = b.list_snapshots().await?;
    list.reverse();
    Ok(list)
}

/// Restores the state before an import.
pub async fn undo(data: AppData, snapshot: uuid::Uuid) -> Result<(), StoreError> {
    let b = backend().ok_or(StoreError::Unavailable {
        detail: "the record store is not open".into(),
    })?;
    b.commit(&undo_import(snapshot)).await?;
    data.reload().await?;
    announce_reload();
    Ok(())
}

/// Storage used and available, and whether it is persistent.
pub async fn storage_estimate() -> Option<(f64, f64, bool)> {
    let storage = web_sys::window()?.navigator().storage();
    let est: web_sys::StorageEstimate = JsFuture::from(storage.estimate().ok()?)
        .await
        .ok()?
        .unchecked_into();
    let persisted = JsFuture::from(storage.persisted().ok()?)
        .await
        .ok()?
        .as_bool()
        .unwrap_or(false);
    Some((est.get_usage()?, est.get_quota()?, persisted))
}

/// Asks the browser to keep this site's storage even under pressure.
pub async fn request_persistence() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let Ok(p) = w.navigator().storage().persist() else {
        return false;
    };
    JsFuture::from(p)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
