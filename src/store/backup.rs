//! The backup file: one JSON document.
//!
//! ```text
//! {
//! "format": "sixstep-backup",
//! "schema_version": 1,
//! "app_version": "0.1.0",
//! "exported_at": "2026-03-01T10:00:00Z",
//! "counts": {"accounts": 2, "deals": 1},
//! "checksum": {"algorithm": "SHA-256", "value": "<64 lowercase hex digits>"},
//! "payload": {
//! "accounts": [
//! {…one record per line…},
//! {…}
//! ],
//! "deals": [
//! {…}
//! ],
//! "settings": {"gift_limit":null,"new_customer_target_bp":3000,"stuck_days":30}
//! }
//! }
//! ```
//!
//! `payload` holds one list of records per kind and, from schema 2 on, `settings`: the work
//! settings as one object on one line (see [`settings`](super::settings); a file may hold
//! any subset of them, a schema 1 file holds none). `counts` counts records only.
//!
//! ## Checksum
//! `checksum.value` is the SHA-256, in lowercase hex, of the UTF-8 bytes of the **canonical
//! serialization** of `payload` ([`canonical_json`]): compact JSON (no whitespace), object keys
//! sorted by their UTF-8 bytes at every depth, arrays in their order, strings escaped as
//! `serde_json` does (only `"`, `\` and control characters; everything else literal UTF-8),
//! numbers as `serde_json` prints them (with `float_roundtrip`). It is computed over the
//! payload *as parsed*, so re-indenting the file keeps it valid; changing any value breaks it.
//! The envelope fields are not covered (the counts are checked separately).
//!
//! ## Import rules
//! Checked in this order, the first failure is reported ([`ImportError`]):
//! size (before parsing) → empty → JSON syntax (a UTF-8 byte order mark at the start is
//! accepted and skipped, as Windows editors add one) → an object → `format` →
//! `schema_version` (newer: refused; older: migrated after the checks below) → the other
//! envelope fields → counts → checksum → migration → **unknown kinds are refused** (ignoring
//! them would silently drop data the user believes is in the backup; a newer app's kinds come
//! with a newer schema version anyway) → every record validated with its path
//! (`deals[12].value.minor: …`) → duplicate ids within a kind → links between records →
//! the settings: unknown settings are refused (for the same reason as unknown kinds), each
//! setting is checked with the settings form's own rules and refused in words with its place
//! (`payload.settings.stuck_days`). A kind absent from the payload means no records of that
//! kind; a setting absent from it keeps its current value on import. Unknown envelope fields are ignored. Record strings are
//! data: `<script>` and the like are kept unchanged (the UI renders text, never HTML).

use super::backend::Loaded;
use super::canon::{push_json_string, Scanner};
use super::kinds::{
    clip, record_name, validate_records, validate_texts, Kinds, RecordsError, ValidationError,
    QUOTE_CHARS,
};
use super::schema::{migrate, MigrationError, CURRENT_SCHEMA};
use super::settings::{SettingKey, SettingsError, SettingsPatch, WorkSettings, PAYLOAD_SETTINGS};
use super::{Digest, Message, RecordsByKind};
use crate::domain::rules::CheckContext;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

/// The `format` field of every backup file.
pub const BACKUP_FORMAT: &str = "sixstep-backup";
/// The only checksum algorithm written and read.
pub const CHECKSUM_ALGORITHM: &str = "SHA-256";

/// The canonical serialization of a JSON value (see the module docs); the checksum input.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            use std::fmt::Write;
            let _ = write!(out, "{n}");
        }
        Value::String(s) => push_json_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(v, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            // Sorted explicitly: `serde_json`'s map keeps insertion order if any crate in the
            // build enables its `preserve_order` feature.
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (k, v)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json_string(out, k);
                out.push(':');
                write_canonical(v, out);
            }
            out.push('}');
        }
    }
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_json_string(&mut out, s);
    out
}

/// Why a backup file is refused. Nothing is written when any of these occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than allowed (checked before parsing).
    TooLarge {
        bytes: usize,
        max_bytes: usize,
    },
    /// The file is empty (or only whitespace).
    Empty,
    /// The JSON ends early: the file was cut off.
    Truncated {
        line: usize,
        column: usize,
    },
    /// Not JSON at all (or invalid JSON at `line`:`column`).
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// Nested more deeply than any backup is.
    TooDeep,
    /// JSON, but not an object at the top (`found`: "array", "string", …).
    NotAnObject {
        found: &'static str,
    },
    /// An object without a `format` field: some other JSON file.
    NotABackup,
    /// A `format` other than `sixstep-backup`.
    WrongFormat {
        found: String,
    },
    MissingField {
        field: String,
    },
    WrongType {
        field: String,
        expected: &'static str,
    },
    /// Made by a newer version of the app: refused. `found` as written in the file.
    NewerVersion {
        found: String,
        current: u32,
    },
    /// A schema version no app ever wrote.
    UnknownVersion {
        found: String,
    },
    /// An older file that could not be migrated.
    Migration {
        message: String,
    },
    UnsupportedChecksum {
        algorithm: String,
    },
    /// `counts` disagrees with the payload.
    CountsMismatch {
        kind: String,
        declared: usize,
        found: usize,
    },
    /// The payload was changed after export (or damaged).
    ChecksumMismatch {
        expected: String,
        actual: String,
    },
    /// A record kind this app does not have.
    UnknownKind {
        kind: String,
    },
    /// A record is invalid; `path` is exact (`deals[12].value.minor`), `error` says what
    /// is wrong with which field of which record.
    InvalidRecord {
        path: String,
        kind: String,
        index: usize,
        error: Box<ValidationError>,
    },
    /// A record points to a record the file does not hold (a deal to its account, say).
    MissingLink {
        path: String,
        kind: String,
        index: usize,
        name: Option<String>,
        target_kind: String,
    },
    /// The file is not UTF-8 text: `encoding` says what it looks like (`UTF-16`, `UTF-32`,
    /// or `8-bit` for a legacy code page), `offset` where the first bad byte is.
    NotUtf8 {
        encoding: &'static str,
        offset: usize,
    },
    /// Two records of one kind share an id.
    DuplicateId {
        kind: String,
        id: String,
        first_index: usize,
        index: usize,
    },
    /// A setting in the file breaks its rule (the settings form's): `path` is its place in
    /// the file (`payload.settings.stuck_days`), `reason` what is wrong.
    InvalidSetting {
        path: String,
        setting: SettingKey,
        reason: Message,
    },
    /// A setting this app does not have.
    UnknownSetting {
        name: String,
    },
    /// Export verification: the file just written cannot be read back (`error` says why).
    ExportUnreadable {
        error: String,
    },
    /// Export verification: the file written does not hold what was exported.
    ExportMismatch {
        kind: String,
        expected: usize,
        found: usize,
    },
}

impl ImportError {
    /// The catalogue key of the message shown to the user.
    pub fn key(&self) -> &'static str {
        match self {
            ImportError::TooLarge { .. } => "store.import.too_large",
            ImportError::Empty => "store.import.empty",
            ImportError::Truncated { .. } => "store.import.truncated",
            ImportError::NotJson { .. } => "store.import.not_json",
            ImportError::TooDeep => "store.import.too_deep",
            ImportError::NotAnObject { .. } => "store.import.not_object",
            ImportError::NotABackup => "store.import.not_backup",
            ImportError::WrongFormat { .. } => "store.import.wrong_format",
            ImportError::MissingField { .. } => "store.import.missing_field",
            ImportError::WrongType { .. } => "store.import.wrong_type",
            ImportError::NewerVersion { .. } => "store.import.newer_version",
            ImportError::UnknownVersion { .. } => "store.import.unknown_version",
            ImportError::Migration { .. } => "store.import.migration",
            ImportError::UnsupportedChecksum { .. } => "store.import.checksum_algorithm",
            ImportError::CountsMismatch { .. } => "store.import.counts",
            ImportError::ChecksumMismatch { .. } => "store.import.checksum",
            ImportError::UnknownKind { .. } => "store.import.unknown_kind",
            ImportError::InvalidRecord { error, .. } if error.name.is_some() => {
                "store.import.invalid_record"
            }
            ImportError::InvalidRecord { .. } => "store.import.invalid_record_unnamed",
            ImportError::MissingLink { name: Some(_), .. } => "store.import.missing_link",
            ImportError::MissingLink { .. } => "store.import.missing_link_unnamed",
            ImportError::NotUtf8 {
                encoding: "8-bit", ..
            } => "store.import.not_utf8_legacy",
            ImportError::NotUtf8 { .. } => "store.import.not_utf8",
            ImportError::DuplicateId { .. } => "store.import.duplicate_id",
            ImportError::InvalidSetting { .. } => "store.import.invalid_setting",
            ImportError::UnknownSetting { .. } => "store.import.unknown_setting",
            ImportError::ExportUnreadable { .. } => "store.backup.verify_unreadable",
            ImportError::ExportMismatch { .. } => "store.backup.verify_failed",
        }
    }

    /// The key and the named arguments of the message.
    pub fn message(&self) -> Message {
        let m = Message::new(self.key());
        match self {
            ImportError::TooLarge { bytes, max_bytes } => m
                .arg("size", megabytes(*bytes))
                .arg("max", megabytes(*max_bytes)),
            ImportError::Empty | ImportError::TooDeep | ImportError::NotABackup => m,
            ImportError::Truncated { line, column } => m.arg("line", line).arg("column", column),
            ImportError::NotJson {
                line,
                column,
                detail,
            } => m
                .arg("line", line)
                .arg("column", column)
                .part("detail", json_problem(detail)),
            ImportError::NotAnObject { found } => m.arg("found", found),
            ImportError::WrongFormat { found } => m.arg("found", clip(found, QUOTE_CHARS)),
            ImportError::MissingField { field } => m.arg("field", clip(field, QUOTE_CHARS)),
            ImportError::WrongType { field, expected } => m
                .arg("field", clip(field, QUOTE_CHARS))
                .arg("expected", expected),
            ImportError::NewerVersion { found, current } => {
                m.arg("found", found).arg("current", current)
            }
            ImportError::UnknownVersion { found } => m.arg("found", clip(found, QUOTE_CHARS)),
            ImportError::Migration { message } => m.arg("error", message),
            ImportError::UnsupportedChecksum { algorithm } => {
                m.arg("algorithm", clip(algorithm, QUOTE_CHARS))
            }
            ImportError::CountsMismatch {
                kind,
                declared,
                found,
            } => m
                .arg("kind", clip(kind, QUOTE_CHARS))
                .arg("declared", declared)
                .arg("found", found),
            ImportError::ChecksumMismatch { expected, actual } => {
                m.arg("expected", expected).arg("actual", actual)
            }
            ImportError::UnknownKind { kind } => m.arg("kind", clip(kind, QUOTE_CHARS)),
            ImportError::InvalidRecord {
                path,
                kind,
                index,
                error,
            } => m
                .arg("path", clip(path, 80))
                .arg("name", error.name.clone().unwrap_or_default())
                .arg("number", index + 1)
                .part("kind", Message::new(kind_key(kind)))
                .part("field", error.field_message())
                .part("reason", (*error.reason).clone()),
            ImportError::MissingLink {
                path,
                kind,
                index,
                name,
                target_kind,
            } => m
                .arg("path", clip(path, 80))
                .arg("name", name.clone().unwrap_or_default())
                .arg("number", index + 1)
                .part("kind", Message::new(kind_key(kind)))
                .part("target", Message::new(kind_key(target_kind))),
            ImportError::NotUtf8 { encoding, offset } => {
                m.arg("encoding", encoding).arg("offset", offset)
            }
            ImportError::DuplicateId {
                kind,
                id,
                first_index,
                index,
            } => m
                .arg("id", clip(id, QUOTE_CHARS))
                .arg("first", format!("{kind}[{first_index}]"))
                .arg("second", format!("{kind}[{index}]")),
            ImportError::InvalidSetting {
                path,
                setting,
                reason,
            } => m
                .arg("path", clip(path, 80))
                .part("setting", Message::new(setting.label_key()))
                .part("reason", reason.clone()),
            ImportError::UnknownSetting { name } => m.arg("name", clip(name, QUOTE_CHARS)),
            ImportError::ExportUnreadable { error } => m.arg("error", error),
            ImportError::ExportMismatch {
                kind,
                expected,
                found,
            } => m
                .arg("kind", kind)
                .arg("expected", expected)
                .arg("found", found),
        }
    }
}

/// The catalogue key of a record kind's name in the singular ("Account").
pub fn kind_key(kind: &str) -> &'static str {
    match kind {
        "accounts" => "record.kind.accounts",
        "contacts" => "record.kind.contacts",
        "competitors" => "record.kind.competitors",
        "intel_notes" => "record.kind.intel_notes",
        "deals" => "record.kind.deals",
        "activities" => "record.kind.activities",
        "tasks" => "record.kind.tasks",
        _ => "record.kind.other",
    }
}

/// What a JSON syntax error says, in words (serde's text is never shown as it is).
pub(crate) fn json_problem(detail: &str) -> Message {
    let d = detail.split(" at line ").next().unwrap_or(detail);
    let key = if d.starts_with("control character") {
        "json.control_character"
    } else if d.starts_with("invalid escape") || d.starts_with("invalid unicode") {
        "json.bad_escape"
    } else if d.starts_with("trailing comma") {
        "json.trailing_comma"
    } else if d.starts_with("trailing characters") {
        "json.trailing_characters"
    } else if d.starts_with("key must be a string") {
        "json.key_not_text"
    } else if d.starts_with("expected") {
        "json.unexpected"
    } else if d.starts_with("number out of range") || d.starts_with("invalid number") {
        "json.bad_number"
    } else if d.starts_with("lone leading surrogate") || d.starts_with("unexpected end of hex") {
        "json.bad_escape"
    } else {
        "json.other"
    };
    Message::new(key)
}

/// The bytes of a chosen file as text: UTF-8, with or without a byte order mark. Anything
/// else is refused saying what it is: UTF-16 or UTF-32 (by their byte order mark or their
/// zero bytes) or a legacy 8-bit encoding (bytes that are not UTF-8) — never decoded lossily.
pub fn decode_file(bytes: &[u8]) -> Result<&str, ImportError> {
    const UTF32_BOMS: [&[u8]; 2] = [&[0xFF, 0xFE, 0, 0], &[0, 0, 0xFE, 0xFF]];
    const UTF16_BOMS: [&[u8]; 2] = [&[0xFF, 0xFE], &[0xFE, 0xFF]];
    if UTF32_BOMS.iter().any(|b| bytes.starts_with(b)) {
        return Err(ImportError::NotUtf8 {
            encoding: "UTF-32",
            offset: 0,
        });
    }
    if UTF16_BOMS.iter().any(|b| bytes.starts_with(b)) {
        return Err(ImportError::NotUtf8 {
            encoding: "UTF-16",
            offset: 0,
        });
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(bytes);
    // Without a byte order mark: text in UTF-16 or UTF-32 has zero bytes beside (almost)
    // every ASCII character; a JSON file in UTF-8 has none.
    let head = &body[..body.len().min(64)];
    let zeros = head.iter().filter(|b| **b == 0).count();
    // A few zero bytes are junk (or binary), not another encoding: UTF-16 has about one in
    // two, UTF-32 three in four.
    if head.len() >= 4 && zeros * 10 >= head.len() * 3 {
        let encoding = if zeros * 10 >= head.len() * 6 {
            "UTF-32"
        } else {
            "UTF-16"
        };
        let offset = body.iter().position(|b| *b == 0).unwrap_or(0);
        return Err(ImportError::NotUtf8 { encoding, offset });
    }
    std::str::from_utf8(body).map_err(|e| ImportError::NotUtf8 {
        encoding: "8-bit",
        offset: e.valid_up_to() + (bytes.len() - body.len()),
    })
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::InvalidRecord { path, error, .. } => {
                write!(f, "{path}: {}", clip(&error.message, 200))
            }
            _ => {
                let m = self.message();
                write!(f, "{}", m.key)?;
                for (n, v) in &m.args {
                    write!(f, " {n}={v}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// A backup file that passed every check, its records migrated to [`CURRENT_SCHEMA`],
/// validated and normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedBackup {
    /// The schema version the file was written with.
    pub schema_version: u32,
    /// Migration steps run (0 when the file is current).
    pub migrated_steps: usize,
    pub app_version: String,
    pub exported_at: DateTime<Utc>,
    pub counts: BTreeMap<String, usize>,
    pub records: RecordsByKind,
    /// The work settings the file holds, checked (`None`: it holds none, e.g. schema 1).
    pub settings: Option<SettingsPatch>,
}

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

fn records_texts(records: &RecordsByKind) -> Texts {
    records
        .iter()
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

fn loaded_texts(loaded: &Loaded) -> Texts {
    loaded
        .iter()
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
    let mut members: Vec<(String, Member)> = records
        .into_iter()
        .map(|(k, r)| (k, Member::Kind(r)))
        .collect();
    if let Some(s) = settings {
        members.push((PAYLOAD_SETTINGS.to_string(), Member::Settings(s)));
        members.sort_by(|a, b| a.0.cmp(&b.0));
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
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
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

/// Re-reads a file just written by [`export`] and checks it: a well-formed envelope whose
/// counts match the payload and `expected` (kind by kind) and whose checksum holds. Only
/// then does the app say "backup saved".
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

/// Parses and checks a backup file (see the module docs for the order of checks); returns
/// its records at the current schema version, validated with `kinds`.
pub async fn parse_backup<D: Digest>(
    text: &str,
    digest: &D,
    kinds: &Kinds,
    max_bytes: usize,
    now: DateTime<Utc>,
) -> Result<ParsedBackup, ImportError> {
    let ctx = CheckContext { now };
    let env = parse_envelope(text, max_bytes, digest).await?;
    let mut migrated_steps = 0;
    let records = match env.payload {
        // The common case: a current file whose payload was scanned as canonical texts;
        // each record is validated from its text (no intermediate `Value` tree).
        Payload::Texts { canon, kinds: list } if env.schema_version == CURRENT_SCHEMA => {
            if let Some((kind, _)) = list.iter().find(|(k, _)| !kinds.contains(k)) {
                return Err(ImportError::UnknownKind { kind: kind.clone() });
            }
            let mut records = RecordsByKind::new();
            for (kind, ranges) in &list {
                let spec = kinds.get(kind).expect("checked above");
                let texts: Vec<&str> = ranges.iter().map(|r| &canon[r.clone()]).collect();
                let normal =
                    validate_texts(spec, &texts, &ctx).map_err(|e| records_error(kind, e))?;
                records.insert(kind.clone(), normal);
            }
            records
        }
        payload => {
            let mut payload = payload.into_values()?;
            migrated_steps = migrate(env.schema_version, &mut payload).map_err(|e| match e {
                MigrationError::Newer { found, current } => ImportError::NewerVersion {
                    found: found.to_string(),
                    current,
                },
                MigrationError::Unknown { found } => ImportError::UnknownVersion {
                    found: found.to_string(),
                },
                e => ImportError::Migration {
                    message: e.to_string(),
                },
            })?;
            if let Some(kind) = payload.keys().find(|k| !kinds.contains(k)) {
                return Err(ImportError::UnknownKind { kind: kind.clone() });
            }
            let mut records = RecordsByKind::new();
            for (kind, recs) in &payload {
                let spec = kinds.get(kind).expect("checked above");
                let normal =
                    validate_records(spec, recs, &ctx).map_err(|e| records_error(kind, e))?;
                records.insert(kind.clone(), normal);
            }
            records
        }
    };
    check_links(kinds, &records)?;
    let settings = env.settings.as_ref().map(parse_settings).transpose()?;
    Ok(ParsedBackup {
        schema_version: env.schema_version,
        migrated_steps,
        app_version: env.app_version,
        exported_at: env.exported_at,
        counts: env.counts,
        records,
        settings,
    })
}

/// `payload.settings`, checked with the settings' own rules.
fn parse_settings(v: &Value) -> Result<SettingsPatch, ImportError> {
    SettingsPatch::parse(v).map_err(|e| match e {
        SettingsError::NotAnObject => wrong("payload.settings", "an object of settings"),
        SettingsError::Unknown { name } => ImportError::UnknownSetting { name },
        SettingsError::Invalid(e) => ImportError::InvalidSetting {
            path: format!("payload.{PAYLOAD_SETTINGS}.{}", e.path),
            setting: e.key,
            reason: e.reason,
        },
    })
}

/// Every required link (a deal's account, a person's account) points to a record the file
/// holds.
fn check_links(kinds: &Kinds, records: &RecordsByKind) -> Result<(), ImportError> {
    use std::collections::HashSet;
    let mut ids: BTreeMap<&str, HashSet<uuid::Uuid>> = BTreeMap::new();
    for spec in kinds.specs() {
        for (field, target) in spec.required_links {
            let Some(list) = records.get(spec.name) else {
                continue;
            };
            let present = ids.entry(target).or_insert_with(|| {
                records
                    .get(*target)
                    .map(|r| {
                        r.iter()
                            .filter_map(|v| v.get("id")?.as_str()?.parse().ok())
                            .collect()
                    })
                    .unwrap_or_default()
            });
            for (index, v) in list.iter().enumerate() {
                let linked = v
                    .get(*field)
                    .and_then(Value::as_str)
                    .and_then(|s| s.parse::<uuid::Uuid>().ok());
                if !linked.is_some_and(|id| present.contains(&id)) {
                    return Err(ImportError::MissingLink {
                        path: format!("{}[{index}].{field}", spec.name),
                        kind: spec.name.to_string(),
                        index,
                        name: record_name(v),
                        target_kind: target.to_string(),
                    });
                }
            }
        }
    }
    Ok(())
}

fn records_error(kind: &str, e: RecordsError) -> ImportError {
    match e {
        RecordsError::Invalid { index, error } => ImportError::InvalidRecord {
            path: error.at(kind, index),
            kind: kind.to_string(),
            index,
            error: Box::new(error),
        },
        RecordsError::DuplicateId {
            id,
            first_index,
            index,
        } => ImportError::DuplicateId {
            kind: kind.to_string(),
            id,
            first_index,
            index,
        },
    }
}

/// Per kind (in order), where each record's canonical text lies in the canonical payload.
type KindRanges = Vec<(String, Vec<Range<usize>>)>;

/// The checked envelope fields: schema version, app version, export time, counts, and the
/// expected checksum (lowercase).
type Header = (u32, String, DateTime<Utc>, BTreeMap<String, usize>, String);

/// The payload of a checked envelope.
enum Payload {
    /// Parsed as values (the general path).
    Values(RecordsByKind),
    /// Scanned as text: the canonical payload and, per kind (in order), where each record's
    /// canonical text lies in it.
    Texts { canon: String, kinds: KindRanges },
}

impl Payload {
    fn counts(&self) -> BTreeMap<String, usize> {
        match self {
            Payload::Values(v) => v.iter().map(|(k, r)| (k.clone(), r.len())).collect(),
            Payload::Texts { kinds, .. } => {
                kinds.iter().map(|(k, r)| (k.clone(), r.len())).collect()
            }
        }
    }

    fn into_values(self) -> Result<RecordsByKind, ImportError> {
        match self {
            Payload::Values(v) => Ok(v),
            Payload::Texts { canon, kinds } => kinds
                .into_iter()
                .map(|(k, ranges)| {
                    let recs = ranges
                        .into_iter()
                        .map(|r| serde_json::from_str(&canon[r]))
                        .collect::<Result<Vec<Value>, _>>()
                        .map_err(|e| ImportError::NotJson {
                            line: e.line(),
                            column: e.column(),
                            detail: e.to_string(),
                        })?;
                    Ok((k, recs))
                })
                .collect(),
        }
    }
}

struct Envelope {
    schema_version: u32,
    app_version: String,
    exported_at: DateTime<Utc>,
    counts: BTreeMap<String, usize>,
    payload: Payload,
    /// `payload.settings`, as it is in the file (checked by [`parse_backup`]).
    settings: Option<Value>,
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "number",
        Value::String(_) => "text",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

fn field<'a>(obj: &'a Map<String, Value>, name: &str) -> Result<&'a Value, ImportError> {
    obj.get(name).ok_or_else(|| ImportError::MissingField {
        field: name.to_string(),
    })
}

fn wrong(field: &str, expected: &'static str) -> ImportError {
    ImportError::WrongType {
        field: field.to_string(),
        expected,
    }
}

/// A backup file scanned without a `Value` tree: the envelope fields other than the payload
/// (parsed, they are small) and the payload as canonical text with its record ranges.
/// `None` when the text is not in the shape [`Scanner`] handles exactly (then the general
/// path parses it and reports whatever is wrong).
fn scan_envelope(text: &str) -> Option<(Map<String, Value>, ScannedPayload)> {
    let mut p = Scanner::new(text);
    p.eat(b'{')?;
    let mut fields = Map::new();
    let mut payload = None;
    if p.peek()? == b'}' {
        p.i += 1;
    } else {
        loop {
            let key = p.string()?;
            let bare = &key[1..key.len() - 1];
            if bare.contains('\\') || fields.contains_key(bare) {
                return None;
            }
            p.eat(b':')?;
            if bare == "payload" {
                if payload.is_some() {
                    return None;
                }
                payload = Some(scan_payload(&mut p)?);
            } else {
                let mut s = String::new();
                p.value(&mut s, 1)?;
                fields.insert(bare.to_string(), serde_json::from_str(&s).ok()?);
            }
            match p.peek()? {
                b',' => p.i += 1,
                b'}' => {
                    p.i += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    if !p.at_end() {
        return None;
    }
    Some((fields, payload?))
}

/// A scanned payload: its canonical text, the record ranges per kind, and where the
/// settings object lies in the text (if the payload has one).
type ScannedPayload = (String, KindRanges, Option<Range<usize>>);

/// The payload object: members in strictly increasing key order, each kind a list of
/// records, and `settings` an object.
fn scan_payload(p: &mut Scanner) -> Option<ScannedPayload> {
    p.eat(b'{')?;
    let mut out = String::with_capacity(p.remaining());
    out.push('{');
    let mut kinds: KindRanges = Vec::new();
    let mut settings = None;
    if p.peek()? == b'}' {
        p.i += 1;
        out.push('}');
        return Some((out, kinds, settings));
    }
    let mut last: Option<String> = None;
    loop {
        let key = p.string()?;
        let bare = &key[1..key.len() - 1];
        if bare.contains('\\') || last.as_deref().is_some_and(|l| l >= bare) {
            return None;
        }
        last = Some(bare.to_string());
        p.eat(b':')?;
        if bare == PAYLOAD_SETTINGS {
            if p.peek()? != b'{' {
                return None;
            }
            out.push_str(key);
            out.push(':');
            let start = out.len();
            p.value(&mut out, 2)?;
            settings = Some(start..out.len());
            match p.peek()? {
                b',' => {
                    p.i += 1;
                    out.push(',');
                    continue;
                }
                b'}' => {
                    p.i += 1;
                    break;
                }
                _ => return None,
            }
        }
        p.eat(b'[')?;
        out.push_str(key);
        out.push_str(":[");
        let mut ranges = Vec::new();
        if p.peek()? == b']' {
            p.i += 1;
        } else {
            loop {
                let start = out.len();
                p.value(&mut out, 3)?;
                ranges.push(start..out.len());
                match p.peek()? {
                    b',' => {
                        p.i += 1;
                        out.push(',');
                    }
                    b']' => {
                        p.i += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        out.push(']');
        kinds.push((bare.to_string(), ranges));
        match p.peek()? {
            b',' => {
                p.i += 1;
                out.push(',');
            }
            b'}' => {
                p.i += 1;
                break;
            }
            _ => return None,
        }
    }
    out.push('}');
    Some((out, kinds, settings))
}

/// The envelope checks, in order, on the top-level fields (all but `payload`).
fn check_fields(obj: &Map<String, Value>) -> Result<Header, ImportError> {
    match obj.get("format") {
        None => return Err(ImportError::NotABackup),
        Some(Value::String(f)) if f == BACKUP_FORMAT => {}
        Some(Value::String(f)) => return Err(ImportError::WrongFormat { found: f.clone() }),
        Some(other) => {
            return Err(ImportError::WrongFormat {
                found: canonical_json(other),
            })
        }
    }
    let version = field(obj, "schema_version")?;
    let schema_version = match version.as_u64() {
        Some(v) if v > u64::from(CURRENT_SCHEMA) => {
            return Err(ImportError::NewerVersion {
                found: v.to_string(),
                current: CURRENT_SCHEMA,
            })
        }
        Some(0) | None => {
            return Err(ImportError::UnknownVersion {
                found: canonical_json(version),
            })
        }
        Some(v) => v as u32,
    };
    let app_version = field(obj, "app_version")?
        .as_str()
        .ok_or_else(|| wrong("app_version", "text"))?
        .to_string();
    let exported_at = field(obj, "exported_at")?
        .as_str()
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .ok_or_else(|| wrong("exported_at", "a date and time (RFC 3339)"))?
        .with_timezone(&Utc);
    let counts_value = field(obj, "counts")?
        .as_object()
        .ok_or_else(|| wrong("counts", "an object of numbers"))?;
    let mut counts = BTreeMap::new();
    for (kind, n) in counts_value {
        let n = n
            .as_u64()
            .ok_or_else(|| wrong(&format!("counts.{kind}"), "a whole number"))?;
        counts.insert(kind.clone(), n as usize);
    }
    let checksum = field(obj, "checksum")?
        .as_object()
        .ok_or_else(|| wrong("checksum", "an object"))?;
    let algorithm = field(checksum, "algorithm")
        .map_err(|_| ImportError::MissingField {
            field: "checksum.algorithm".into(),
        })?
        .as_str()
        .ok_or_else(|| wrong("checksum.algorithm", "text"))?;
    if algorithm != CHECKSUM_ALGORITHM {
        return Err(ImportError::UnsupportedChecksum {
            algorithm: algorithm.to_string(),
        });
    }
    let expected_sum = field(checksum, "value")
        .map_err(|_| ImportError::MissingField {
            field: "checksum.value".into(),
        })?
        .as_str()
        .ok_or_else(|| wrong("checksum.value", "text"))?
        .to_ascii_lowercase();
    Ok((
        schema_version,
        app_version,
        exported_at,
        counts,
        expected_sum,
    ))
}

fn check_counts(
    counts: &BTreeMap<String, usize>,
    found: &BTreeMap<String, usize>,
) -> Result<(), ImportError> {
    let all: std::collections::BTreeSet<&String> = counts.keys().chain(found.keys()).collect();
    for kind in all {
        let declared = counts.get(kind).copied().unwrap_or(0);
        let found = found.get(kind).copied().unwrap_or(0);
        if declared != found {
            return Err(ImportError::CountsMismatch {
                kind: kind.clone(),
                declared,
                found,
            });
        }
    }
    Ok(())
}

async fn parse_envelope<D: Digest>(
    text: &str,
    max_bytes: usize,
    digest: &D,
) -> Result<Envelope, ImportError> {
    if text.len() > max_bytes {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            max_bytes,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    // Fast path: a well-formed file is scanned once, its payload straight to canonical text.
    if let Some((fields, (canon, kinds, settings_at))) = scan_envelope(text) {
        let (schema_version, app_version, exported_at, counts, expected_sum) =
            check_fields(&fields)?;
        let actual_sum = digest.sha256_hex(canon.as_bytes()).await;
        let settings = settings_at
            .map(|r| serde_json::from_str::<Value>(&canon[r]))
            .transpose()
            .map_err(|e| ImportError::NotJson {
                line: e.line(),
                column: e.column(),
                detail: e.to_string(),
            })?;
        let payload = Payload::Texts { canon, kinds };
        check_counts(&counts, &payload.counts())?;
        if actual_sum != expected_sum {
            return Err(ImportError::ChecksumMismatch {
                expected: expected_sum,
                actual: actual_sum,
            });
        }
        return Ok(Envelope {
            schema_version,
            app_version,
            exported_at,
            counts,
            payload,
            settings,
        });
    }
    let root: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            ImportError::Truncated {
                line: e.line(),
                column: e.column(),
            }
        } else if e.to_string().contains("recursion limit exceeded") {
            ImportError::TooDeep
        } else {
            ImportError::NotJson {
                line: e.line(),
                column: e.column(),
                detail: e.to_string(),
            }
        }
    })?;
    let Value::Object(mut obj) = root else {
        return Err(ImportError::NotAnObject {
            found: type_name(&root),
        });
    };
    let (schema_version, app_version, exported_at, counts, expected_sum) = check_fields(&obj)?;
    let payload_value = obj.remove("payload").ok_or(ImportError::MissingField {
        field: "payload".into(),
    })?;
    let actual_sum = digest
        .sha256_hex(canonical_json(&payload_value).as_bytes())
        .await;
    let Value::Object(payload_obj) = payload_value else {
        return Err(wrong("payload", "an object of record lists"));
    };
    let mut payload = RecordsByKind::new();
    let mut settings = None;
    for (kind, recs) in payload_obj {
        if kind == PAYLOAD_SETTINGS {
            settings = Some(recs);
            continue;
        }
        let Value::Array(recs) = recs else {
            return Err(wrong(&format!("payload.{kind}"), "a list of records"));
        };
        payload.insert(kind, recs);
    }
    let payload = Payload::Values(payload);
    check_counts(&counts, &payload.counts())?;
    if actual_sum != expected_sum {
        return Err(ImportError::ChecksumMismatch {
            expected: expected_sum,
            actual: actual_sum,
        });
    }
    Ok(Envelope {
        schema_version,
        app_version,
        exported_at,
        counts,
        payload,
        settings,
    })
}
