//! Writing a backup file and checking it once written.

use super::*;
use crate::domain::sorting::SortExt;
use crate::store::backend::Loaded;
use crate::store::canon::{push_json_string, Scanner};
use crate::store::schema::CURRENT_SCHEMA;
use crate::store::settings::{WorkSettings, PAYLOAD_SETTINGS};
use crate::store::{Digest, RecordsByKind};
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Writes the backup file of `records` (per kind; records are written in id order, so the
/// same records always give the same file apart from `exported_at`), without settings (the
/// app writes them: [`export_with_settings`]).
pub async fn export<D: Digest>(
    records: &RecordsByKind,
    app_version: &str,
    now: DateTime<Utc>,
    digest: &D,
) -> String {
    let texts = records_texts(records);
    write_file(texts, None, app_version, now, digest).await.0
}

/// [`export`] with the work settings (what the app writes: every setting's current value).
pub async fn export_with_settings<D: Digest>(
    records: &RecordsByKind,
    settings: &WorkSettings,
    app_version: &str,
    now: DateTime<Utc>,
    digest: &D,
) -> String {
    let texts = records_texts(records);
    write_file(texts, Some(settings.to_json()), app_version, now, digest)
        .await
        .0
}

/// The records' texts per kind. A kind with no record is left out of the file (and of its
/// counts): a kind added to the app, whose store exists empty in every browser, does not
/// change the file of a book that has none. Importing the file to replace everything still
/// leaves that kind empty; merging leaves it as it is.
fn records_texts(records: &RecordsByKind) -> Texts {
    records
        .iter()
        .filter(|(_, recs)| !recs.is_empty())
        .map(|(kind, recs)| {
            let recs = recs
                .iter()
                .map(|r| {
                    (
                        r.get("id").map(canonical_json).unwrap_or_default(),
                        canonical_json(r),
                    )
                })
                .collect();
            (kind.clone(), recs)
        })
        .collect()
}

/// [`export`] of the records as stored (their JSON texts): the same file as `export` of the
/// parsed records, byte for byte, without parsing the (canonical) stored texts. A text that
/// is not JSON is left out, as `export` of the parsed records would not have it. Returns the
/// file and the records written per kind.
pub async fn export_loaded<D: Digest>(
    loaded: &Loaded,
    app_version: &str,
    now: DateTime<Utc>,
    digest: &D,
) -> (String, BTreeMap<String, usize>) {
    write_file(loaded_texts(loaded), None, app_version, now, digest).await
}

/// [`export_loaded`] with the work settings: the app's export. The same file as
/// [`export_with_settings`] of the parsed records, byte for byte.
pub async fn export_loaded_with_settings<D: Digest>(
    loaded: &Loaded,
    settings: &WorkSettings,
    app_version: &str,
    now: DateTime<Utc>,
    digest: &D,
) -> (String, BTreeMap<String, usize>) {
    let texts = loaded_texts(loaded);
    write_file(texts, Some(settings.to_json()), app_version, now, digest).await
}

/// The stored records' texts per kind; like [`records_texts`], a kind with no record is
/// left out.
fn loaded_texts(loaded: &Loaded) -> Texts {
    loaded
        .iter()
        .filter(|(_, recs)| !recs.is_empty())
        .map(|(kind, recs)| {
            let recs = recs
                .iter()
                .filter_map(|(_, text)| canonical_record(text))
                .collect();
            (kind.clone(), recs)
        })
        .collect()
}

/// A stored record's (sort key, canonical text): the canonical text of its `id` (empty
/// without one) and its own. `None` when it is not JSON.
fn canonical_record(text: &str) -> Option<(String, String)> {
    let mut out = String::with_capacity(text.len());
    let mut p = Scanner::new(text);
    if p.value(&mut out, 0).is_some() && p.at_end() {
        let id = p.root_id.map(|r| out[r].to_string()).unwrap_or_default();
        return Some((id, out));
    }
    let v: Value = serde_json::from_str(text).ok()?;
    Some((
        v.get("id").map(canonical_json).unwrap_or_default(),
        canonical_json(&v),
    ))
}

/// Per kind, `(sort key, canonical record text)`.
type Texts = BTreeMap<String, Vec<(String, String)>>;

/// One member of the payload: a kind's records, or the settings (canonical JSON).
enum Member {
    Kind(Vec<(String, String)>),
    Settings(String),
}

async fn write_file<D: Digest>(
    records: Texts,
    settings: Option<String>,
    app_version: &str,
    now: DateTime<Utc>,
    digest: &D,
) -> (String, BTreeMap<String, usize>) {
    let written = records.iter().map(|(k, r)| (k.clone(), r.len())).collect();
    // Each record's canonical text is used for both the checksum input and the file, which
    // holds one record per line.
    let total: usize = records
        .values()
        .flat_map(|r| r.iter().map(|(_, t)| t.len() + 2))
        .sum();
    let mut canonical_payload = String::with_capacity(total + 256);
    canonical_payload.push('{');
    let mut body = String::with_capacity(total + 256);
    body.push_str("{\n");
    let mut counts = Map::new();
    // Members in key order, as the canonical form (and the scanner) wants them.
    // A kind without records is left out (reading a file treats a missing kind as none):
    // a book that never used a kind writes the same file as before that kind existed.
    let mut members: Vec<(String, Member)> = records
        .into_iter()
        .filter(|(_, r)| !r.is_empty())
        .map(|(k, r)| (k, Member::Kind(r)))
        .collect();
    if let Some(s) = settings {
        members.push((PAYLOAD_SETTINGS.to_string(), Member::Settings(s)));
        members.sort_with(|a, b| a.0.cmp(&b.0));
    }
    for (k, (kind, member)) in members.into_iter().enumerate() {
        let mut sorted = match member {
            Member::Kind(r) => r,
            Member::Settings(text) => {
                if k > 0 {
                    canonical_payload.push(',');
                    body.push_str(",\n");
                }
                push_json_string(&mut canonical_payload, &kind);
                canonical_payload.push(':');
                canonical_payload.push_str(&text);
                push_json_string(&mut body, &kind);
                body.push_str(": ");
                body.push_str(&text);
                continue;
            }
        };
        sorted.sort_with(|a, b| a.0.cmp(&b.0));
        counts.insert(kind.clone(), Value::from(sorted.len()));
        if k > 0 {
            canonical_payload.push(',');
            body.push_str(",\n");
        }
        push_json_string(&mut canonical_payload, &kind);
        canonical_payload.push_str(":[");
        push_json_string(&mut body, &kind);
        if sorted.is_empty() {
            body.push_str(": []");
        } else {
            body.push_str(": [\n");
        }
        for (i, (_, t)) in sorted.iter().enumerate() {
            if i > 0 {
                canonical_payload.push(',');
                body.push_str(",\n");
            }
            canonical_payload.push_str(t);
            body.push_str(t);
        }
        canonical_payload.push(']');
        if !sorted.is_empty() {
            body.push_str("\n]");
        }
    }
    canonical_payload.push('}');
    body.push_str("\n}");
    let checksum = digest.sha256_hex(canonical_payload.as_bytes()).await;
    drop(canonical_payload);
    let header = |k: &str, v: Value| format!("{}: {},\n", json_string(k), canonical_json(&v));
    let mut out = String::with_capacity(body.len() + 512);
    out.push_str("{\n");
    out.push_str(&header("format", BACKUP_FORMAT.into()));
    out.push_str(&header("schema_version", CURRENT_SCHEMA.into()));
    out.push_str(&header("app_version", app_version.into()));
    out.push_str(&header(
        "exported_at",
        now.to_rfc3339_opts(SecondsFormat::Secs, true).into(),
    ));
    out.push_str(&header("counts", Value::Object(counts)));
    out.push_str(&header(
        "checksum",
        serde_json::json!({"algorithm": CHECKSUM_ALGORITHM, "value": checksum}),
    ));
    out.push_str("\"payload\": ");
    out.push_str(&body);
    out.push_str("\n}\n");
    (out, written)
}

/// Checks a file just written, read back as `read_len` bytes: they must be `written`, byte
/// for byte. `read(offset, buffer)` fills `buffer` with the bytes read back from `offset`;
/// they are compared a megabyte at a time, so that the check never holds a second copy of
/// the file. Only then does the app say "backup saved and verified": the file is the text
/// [`export`] wrote, which reads back as [`verify_export`] checks (the tests prove it, for
/// every kind of record).
pub fn check_read_back(
    written: &[u8],
    read_len: usize,
    mut read: impl FnMut(usize, &mut [u8]),
) -> Result<(), ImportError> {
    const PIECE: usize = 1 << 20;
    if read_len != written.len() {
        return Err(ImportError::ExportUnreadable {
            error: format!("{read_len} bytes read back, {} written", written.len()),
        });
    }
    let mut buffer = vec![0; PIECE.min(read_len)];
    for (i, piece) in written.chunks(PIECE).enumerate() {
        let buffer = &mut buffer[..piece.len()];
        read(i * PIECE, buffer);
        if let Some(at) = piece.iter().zip(buffer.iter()).position(|(a, b)| a != b) {
            return Err(ImportError::ExportUnreadable {
                error: format!("byte {} differs from what was written", i * PIECE + at),
            });
        }
    }
    Ok(())
}

/// Reads a file written by [`export`] and checks it: a well-formed envelope whose counts
/// match the payload and `expected` (kind by kind) and whose checksum holds. What every
/// file the app writes passes (the tests check it; the app itself checks that the file is
/// what it wrote: [`check_read_back`]).
pub async fn verify_export<D: Digest>(
    text: &str,
    expected: &BTreeMap<String, usize>,
    digest: &D,
) -> Result<(), ImportError> {
    let env = parse_envelope(text, usize::MAX, digest)
        .await
        .map_err(|e| ImportError::ExportUnreadable {
            error: e.to_string(),
        })?;
    let found_counts = env.payload.counts();
    let kinds: std::collections::BTreeSet<&String> =
        expected.keys().chain(found_counts.keys()).collect();
    for kind in kinds {
        let want = expected.get(kind).copied().unwrap_or(0);
        let found = found_counts.get(kind).copied().unwrap_or(0);
        if want != found {
            return Err(ImportError::ExportMismatch {
                kind: kind.clone(),
                expected: want,
                found,
            });
        }
    }
    Ok(())
}
