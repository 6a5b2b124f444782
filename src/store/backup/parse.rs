//! Reading a backup file: the envelope, the counts and checksum, migration, every record
//! and setting checked with its place in the file.

use super::*;
use crate::domain::rules::CheckContext;
use crate::store::canon::Scanner;
use crate::store::kinds::{record_name, validate_records, validate_texts, Kinds, RecordsError};
use crate::store::schema::{migrate, MigrationError, CURRENT_SCHEMA};
use crate::store::settings::{SettingsError, SettingsPatch, PAYLOAD_SETTINGS};
use crate::store::{Digest, RecordsByKind};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::ops::Range;

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
    let mut records = records;
    // A file from before a kind existed holds none of it: every kind the app keeps is
    // listed, so the records read back export to the same file as the store holding them.
    for kind in kinds.names() {
        records.entry(kind.to_string()).or_default();
    }
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
pub(super) enum Payload {
    /// Parsed as values (the general path).
    Values(RecordsByKind),
    /// Scanned as text: the canonical payload and, per kind (in order), where each record's
    /// canonical text lies in it.
    Texts { canon: String, kinds: KindRanges },
}

impl Payload {
    pub(super) fn counts(&self) -> BTreeMap<String, usize> {
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

pub(super) struct Envelope {
    schema_version: u32,
    app_version: String,
    exported_at: DateTime<Utc>,
    counts: BTreeMap<String, usize>,
    pub(super) payload: Payload,
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

pub(super) async fn parse_envelope<D: Digest>(
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
