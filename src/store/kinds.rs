//! The registry of record kinds. The store does not know the record structs; each kind is
//! registered by name with a validator built from its [`Record`] type.

use super::decode::decode;
use super::Message;
use crate::domain::ids::{Id, Meta};
use crate::domain::rules::{self, CheckContext, Checked, RuleError, MAX_TEXT};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;

/// Why one record is not acceptable, with the exact path inside it.
///
/// `path` is relative to the record (`value.minor`, `history[2].at`, or `.` for the record
/// itself); [`ValidationError::at`] prefixes it with where the record sits (`deals[12]`).
/// `message` is the technical text (kept in quarantine entries); `reason` says the same in
/// the rep's words (a catalogue message), `label` names the field, `name` the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub path: String,
    pub message: String,
    /// Catalogue key of the field's label, when the field is known.
    pub label: Option<&'static str>,
    /// What is wrong, in words.
    pub reason: Box<Message>,
    /// The record's name or title (cut to a few dozen characters), when it has one.
    pub name: Option<String>,
}

/// How much of a value a message may quote.
pub const QUOTE_CHARS: usize = 40;

impl ValidationError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        let message = message.into();
        ValidationError {
            path: path.into(),
            reason: Box::new(describe(&message)),
            message,
            label: None,
            name: None,
        }
    }

    /// A broken rule of the record's kind (see `domain::rules`).
    pub fn from_rule(e: RuleError) -> Self {
        let mut reason = Message::new(e.reason);
        for (n, v) in &e.args {
            reason = reason.arg(n, clip(v, QUOTE_CHARS));
        }
        let mut message = e.reason.to_string();
        for (n, v) in &e.args {
            message.push_str(&format!(" {n}={}", clip(v, QUOTE_CHARS)));
        }
        ValidationError {
            path: e.path,
            message,
            label: Some(e.label),
            reason: Box::new(reason),
            name: None,
        }
    }

    /// The full path of the offending value: `deals[12].value.minor`, or `deals[12]` when the
    /// record itself is at fault.
    pub fn at(&self, kind: &str, index: usize) -> String {
        if self.path.is_empty() || self.path == "." {
            format!("{kind}[{index}]")
        } else {
            format!("{kind}[{index}].{}", self.path)
        }
    }

    /// The field in words: its label, or its path (cut short) when it has none.
    pub fn field_message(&self) -> Message {
        match self.label {
            Some(label) => Message::new(label),
            None => Message::new("record.field.path").arg("path", clip(&self.path, 60)),
        }
    }

    fn named(mut self, value: &Value) -> Self {
        self.name = record_name(value);
        self
    }

    /// Names the field from its path when the error does not (a value that did not decode).
    fn labelled(mut self, prefix: &str) -> Self {
        if self.label.is_none() {
            self.label = if self.path.is_empty() || self.path == "." {
                Some("record.field.record")
            } else {
                field_label(prefix, &self.path)
            };
        }
        self
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, clip(&self.message, 200))
    }
}

/// `s` cut to `max` characters, with "…" when cut.
pub fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((at, _)) => format!("{}…", &s[..at]),
    }
}

/// The catalogue key of the label of the field at `path` (`address.city`, `emails[2]`):
/// the kind's own label (`prefix` + the path without indices, then its first part), else a
/// bookkeeping field's (`record.field.…`).
pub fn field_label(prefix: &str, path: &str) -> Option<&'static str> {
    let bare: String = {
        let mut out = String::with_capacity(path.len());
        let mut depth = 0;
        for c in path.chars() {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    };
    let first = bare.split('.').next().unwrap_or("");
    let en = crate::i18n::Locale::En;
    [
        format!("{prefix}{bare}"),
        format!("{prefix}{first}"),
        format!("record.field.{first}"),
    ]
    .iter()
    .find_map(|k| en.static_key(k))
}

/// A record's name or title as a rep knows it, cut short.
pub fn record_name(value: &Value) -> Option<String> {
    ["name", "title"]
        .iter()
        .find_map(|f| value.get(*f).and_then(Value::as_str))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| clip(s, QUOTE_CHARS))
}

/// The kind of value serde names in "invalid type: integer `42`, expected a string", as a
/// catalogue key (`value.text`, `value.number`…).
fn value_kind(s: &str) -> &'static str {
    let s = s.trim();
    let word = |w: &str| s.contains(w);
    if s.starts_with("string") || word("a string") || word("char") || s == "str" {
        "value.text"
    } else if word("struct Id") || word("UUID") || word("uuid") {
        "value.id"
    } else if word("date and time") || word("DateTime") {
        "value.datetime"
    } else if word("NaiveDate") || word("date") {
        "value.date"
    } else if word("integer")
        || word("i64")
        || word("u64")
        || word("u8")
        || word("u32")
        || word("usize")
        || word("i32")
    {
        "value.whole_number"
    } else if word("floating point") || word("number") || word("f64") {
        "value.number"
    } else if word("boolean") || word("bool") {
        "value.yes_no"
    } else if word("sequence") || word("Vec") || word("list") || word("tuple") {
        "value.list"
    } else if s.starts_with("map") || word("struct") || word("object") {
        "value.group"
    } else if s.starts_with("null") || word("unit") || word("Option") {
        "value.nothing"
    } else if s.starts_with("enum") || word("variant") {
        "value.choice"
    } else {
        "value.other"
    }
}

/// A decoder's message (serde, chrono, uuid) in the rep's words, as a catalogue message.
/// Never quotes more than [`QUOTE_CHARS`] characters of the value.
pub fn describe(message: &str) -> Message {
    let m = message.trim();
    if m == "missing field" || m.starts_with("missing field `") {
        return Message::new("rule.missing");
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Message::new("rule.wrong_type")
            .part("found", Message::new(value_kind(found)))
            .part("expected", Message::new(value_kind(expected)));
    }
    if let Some(rest) = m.strip_prefix("unknown variant `") {
        let value = rest.split('`').next().unwrap_or("");
        return Message::new("rule.unknown_choice").arg("value", clip(value, QUOTE_CHARS));
    }
    if let Some(rest) = m.strip_prefix("invalid value: ") {
        let (found, _) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let value = found.split('`').nth(1).unwrap_or(found);
        return Message::new("rule.out_of_range").arg("value", clip(value, QUOTE_CHARS));
    }
    if m.starts_with("duplicate field") {
        let name = m.split('`').nth(1).unwrap_or("");
        return Message::new("rule.duplicate_field").arg("field", clip(name, QUOTE_CHARS));
    }
    if m.starts_with("invalid length") && m.contains("expected") && !m.contains("UUID") {
        return Message::new("rule.wrong_length");
    }
    const CHRONO: [&str; 8] = [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "input is not enough",
        "trailing input",
        "no possible date and time",
        "bad or unsupported format",
        "invalid date",
    ];
    if CHRONO.iter().any(|c| m.starts_with(c)) {
        return Message::new("rule.bad_date");
    }
    if m.starts_with("invalid character")
        || m.starts_with("invalid group")
        || m.starts_with("invalid length")
        || m.contains("UUID")
    {
        return Message::new("rule.bad_id");
    }
    if m.starts_with("expected a record") {
        return Message::new("rule.not_a_record");
    }
    if m.starts_with("the revision must be at least 1") {
        return Message::new("rule.rev_zero");
    }
    Message::new("rule.invalid").arg("detail", clip(m, QUOTE_CHARS))
}

/// Every text in `value` at most [`MAX_TEXT`] characters (no form takes more).
fn check_text_lengths(value: &Value, path: &mut String) -> Result<(), RuleError> {
    match value {
        Value::String(s) if s.len() > MAX_TEXT => {
            let p = if path.is_empty() {
                ".".to_string()
            } else {
                path.clone()
            };
            rules::length(&p, "record.field.text", s, MAX_TEXT)
        }
        Value::Array(items) => {
            let len = path.len();
            for (i, v) in items.iter().enumerate() {
                path.push_str(&format!("[{i}]"));
                check_text_lengths(v, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Object(map) => {
            let len = path.len();
            for (k, v) in map {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                check_text_lengths(v, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// One record kind: its name (object store and backup key) and its validator.
#[derive(Clone, Copy)]
pub struct KindSpec {
    pub name: &'static str,
    /// Checks one record: the bookkeeping fields (see [`check_meta`]), the typed structure,
    /// with the exact path of the first problem, and the kind's rules (the same as its
    /// form's, see `domain::rules`). Returns the record normalised as the app itself writes
    /// it (deserialised into its struct and serialised back: fields the struct does not
    /// know are dropped, defaults filled in).
    pub validate: fn(&Value, &CheckContext) -> Result<Value, ValidationError>,
    /// The same check on a record's JSON text, decoded straight into its struct (no
    /// intermediate value). `None` when it fails: then `validate` on the parsed value gives
    /// the verdict and the exact path.
    pub validate_text: fn(&str, &CheckContext) -> Option<Value>,
    /// The links every record of the kind must have: (field, kind it points to).
    pub required_links: &'static [(&'static str, &'static str)],
}

impl fmt::Debug for KindSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KindSpec")
            .field("name", &self.name)
            .finish()
    }
}

impl KindSpec {
    /// The spec of record type `T`, named `T::KIND`.
    pub fn of<T: Checked>() -> Self {
        KindSpec {
            name: T::KIND,
            validate: validate_as::<T>,
            validate_text: validate_text_as::<T>,
            required_links: T::REQUIRED_LINKS,
        }
    }
}

/// Validates one record of `spec`'s kind as an import does (bookkeeping, typed structure,
/// and the same rules as the form that creates it), with `now` as the clock; returns the
/// record normalised. Used by restore-from-quarantine and by every import path.
pub fn validate_record(
    spec: &KindSpec,
    value: &Value,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Value, ValidationError> {
    (spec.validate)(value, &CheckContext { now })
}

/// Validates `value` as a `T`: bookkeeping first, then the typed structure, then the
/// kind's rules; returns the record as `T` serialises it.
pub fn validate_as<T: Checked>(
    value: &Value,
    ctx: &CheckContext,
) -> Result<Value, ValidationError> {
    // Decoded from text, as every record is (see `store::decode`).
    let text = value.to_string();
    check_meta_text(value, &text).map_err(|e| e.named(value).labelled(T::LABEL_PREFIX))?;
    let record: T = decode(&text).map_err(|e| e.named(value).labelled(T::LABEL_PREFIX))?;
    record
        .check(ctx)
        .map_err(|e| ValidationError::from_rule(e).named(value))?;
    let normal =
        serde_json::to_value(&record).map_err(|e| ValidationError::new(".", e.to_string()))?;
    check_text_lengths(&normal, &mut String::new())
        .map_err(|e| ValidationError::from_rule(e).named(value))?;
    Ok(normal)
}

/// [`validate_as`] on a record's compact JSON text (an object, so it starts with `{`):
/// `Some` only when it passes; `None` leaves the verdict to [`validate_as`].
pub fn validate_text_as<T: Checked>(text: &str, ctx: &CheckContext) -> Option<Value> {
    if !text.starts_with('{') {
        return None;
    }
    let meta: Meta = serde_json::from_str(text).ok()?;
    if meta.rev < 1 {
        return None;
    }
    let record: T = serde_json::from_str(text).ok()?;
    record.check(ctx).ok()?;
    let normal = serde_json::to_value(&record).ok()?;
    check_text_lengths(&normal, &mut String::new()).ok()?;
    Some(normal)
}

/// The checks every record passes whatever its kind: it is a JSON object with `id` (a UUID),
/// `created_at` and `updated_at` (RFC 3339 times) and an integer `rev` of at least 1.
pub fn check_meta(value: &Value) -> Result<Meta, ValidationError> {
    check_meta_text(value, &value.to_string())
}

/// [`check_meta`] on `value` written as `text`.
fn check_meta_text(value: &Value, text: &str) -> Result<Meta, ValidationError> {
    if !value.is_object() {
        return Err(ValidationError::new(
            ".",
            "expected a record (a JSON object)",
        ));
    }
    let meta: Meta = decode(text)?;
    if meta.rev < 1 {
        return Err(ValidationError::new(
            "rev",
            "the revision must be at least 1",
        ));
    }
    Ok(meta)
}

/// The checks on a typed record read from storage under `key`: `rev` of at least 1 and an
/// `id` equal to the key.
pub fn check_typed_meta(meta: &Meta, key: Id) -> Result<(), ValidationError> {
    if meta.rev < 1 {
        return Err(ValidationError::new(
            "rev",
            "the revision must be at least 1",
        ));
    }
    if meta.id != key {
        return Err(ValidationError::new(
            "id",
            format!("the id {} differs from the key {key}", meta.id),
        ));
    }
    Ok(())
}

/// The registered kinds, in registration order (which is also the order of object stores
/// and of kinds in the data panel).
#[derive(Debug, Clone, Default)]
pub struct Kinds {
    specs: Vec<KindSpec>,
}

impl Kinds {
    /// Registers `specs`. Panics on a duplicate name: that is a programming error.
    pub fn new(specs: Vec<KindSpec>) -> Self {
        let mut seen = std::collections::HashSet::new();
        for s in &specs {
            assert!(
                seen.insert(s.name),
                "record kind {:?} registered twice",
                s.name
            );
        }
        Kinds { specs }
    }

    pub fn get(&self, name: &str) -> Option<&KindSpec> {
        self.specs.iter().find(|s| s.name == name)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.specs.iter().map(|s| s.name)
    }

    pub fn specs(&self) -> &[KindSpec] {
        &self.specs
    }
}

/// A problem found while validating the records of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordsError {
    /// Record `index` is invalid.
    Invalid {
        index: usize,
        error: ValidationError,
    },
    /// Record `index` repeats the id of record `first_index`.
    DuplicateId {
        id: String,
        first_index: usize,
        index: usize,
    },
}

/// Validates every record of one kind with `spec` and checks that ids are unique; returns
/// the normalised records. Stops at the first problem.
pub fn validate_records(
    spec: &KindSpec,
    records: &[Value],
    ctx: &CheckContext,
) -> Result<Vec<Value>, RecordsError> {
    let mut seen: HashMap<Id, usize> = HashMap::with_capacity(records.len());
    let mut out = Vec::with_capacity(records.len());
    for (index, record) in records.iter().enumerate() {
        let normal =
            (spec.validate)(record, ctx).map_err(|error| RecordsError::Invalid { index, error })?;
        push_unique(&mut seen, &mut out, normal, index)?;
    }
    Ok(out)
}

/// Adds a validated record, refusing a repeated id.
fn push_unique(
    seen: &mut HashMap<Id, usize>,
    out: &mut Vec<Value>,
    normal: Value,
    index: usize,
) -> Result<(), RecordsError> {
    // Compare parsed ids, so the case of the hex digits does not matter.
    let id = match normal.get("id").map(Id::deserialize) {
        Some(Ok(id)) => id,
        _ => {
            check_meta(&normal)
                .map_err(|error| RecordsError::Invalid { index, error })?
                .id
        }
    };
    if let Some(&first_index) = seen.get(&id) {
        return Err(RecordsError::DuplicateId {
            id: id.to_string(),
            first_index,
            index,
        });
    }
    seen.insert(id, index);
    out.push(normal);
    Ok(())
}

/// [`validate_records`] on the records' canonical JSON texts: each is decoded straight into
/// its struct; only one that fails is parsed as a value and validated the general way (for
/// the verdict and the exact path). Same results as `validate_records` on the parsed texts.
pub fn validate_texts(
    spec: &KindSpec,
    texts: &[&str],
    ctx: &CheckContext,
) -> Result<Vec<Value>, RecordsError> {
    let mut seen: HashMap<Id, usize> = HashMap::with_capacity(texts.len());
    let mut out = Vec::with_capacity(texts.len());
    for (index, text) in texts.iter().enumerate() {
        let normal = match (spec.validate_text)(text, ctx) {
            Some(v) => v,
            None => {
                let value: Value =
                    serde_json::from_str(text).map_err(|e| RecordsError::Invalid {
                        index,
                        error: ValidationError::new(".", e.to_string()),
                    })?;
                (spec.validate)(&value, ctx)
                    .map_err(|error| RecordsError::Invalid { index, error })?
            }
        };
        push_unique(&mut seen, &mut out, normal, index)?;
    }
    Ok(out)
}
