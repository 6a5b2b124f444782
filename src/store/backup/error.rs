//! Why a backup file is refused, in words: [`ImportError`] and its messages, the names of
//! record kinds and of JSON syntax errors, and the reading of the file's bytes as text.

use crate::store::kinds::{clip, ValidationError, QUOTE_CHARS};
use crate::store::settings::SettingKey;
use crate::store::Message;
use std::fmt;

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

crate::keyed_enum!(ImportError, {
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
    ImportError::InvalidRecord { error, .. } if error.name.is_some() => "store.import.invalid_record",
    ImportError::InvalidRecord { .. } => "store.import.invalid_record_unnamed",
    ImportError::MissingLink { name: Some(_), .. } => "store.import.missing_link",
    ImportError::MissingLink { .. } => "store.import.missing_link_unnamed",
    ImportError::NotUtf8 { encoding: "8-bit", .. } => "store.import.not_utf8_legacy",
    ImportError::NotUtf8 { .. } => "store.import.not_utf8",
    ImportError::DuplicateId { .. } => "store.import.duplicate_id",
    ImportError::InvalidSetting { .. } => "store.import.invalid_setting",
    ImportError::UnknownSetting { .. } => "store.import.unknown_setting",
    ImportError::ExportUnreadable { .. } => "store.backup.verify_unreadable",
    ImportError::ExportMismatch { .. } => "store.backup.verify_failed",
});

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
        "products" => "record.kind.products",
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
