//! The registry of record kinds. The store does not know the record structs; each kind is
//! registered by name with a validator built from its [`Record`] type.

use crate::domain::ids::{Id, Meta, Record};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;

/// Why one record is not acceptable, with the exact path inside it.
///
/// `path` is relative to the record (`value.minor`, `history[2].at`, or `.` for the record
/// itself); [`ValidationError::at`] prefixes it with where the record sits (`deals[12]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub path: String,
    pub message: String,
}

impl ValidationError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        ValidationError {
            path: path.into(),
            message: message.into(),
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

    /// From a `serde_path_to_error` error. A missing field is reported at its own path
    /// (`value.currency: missing field`), not at the object that lacks it.
    pub fn from_path_error<E: fmt::Display>(e: serde_path_to_error::Error<E>) -> Self {
        let path = e.path().to_string();
        let message = e.inner().to_string();
        if let Some(name) = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split_once('`'))
            .map(|(name, _)| name)
        {
            let full = if path == "." {
                name.to_string()
            } else {
                format!("{path}.{name}")
            };
            return ValidationError::new(full, "missing field");
        }
        ValidationError::new(path, message)
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// One record kind: its name (object store and backup key) and its validator.
#[derive(Clone, Copy)]
pub struct KindSpec {
    pub name: &'static str,
    /// Checks one record: the bookkeeping fields (see [`check_meta`]) and then the typed
    /// structure, with the exact path of the first problem. Returns the record normalised
    /// as the app itself writes it (deserialised into its struct and serialised back: fields
    /// the struct does not know are dropped, defaults filled in).
    pub validate: fn(&Value) -> Result<Value, ValidationError>,
    /// The same check on a record's JSON text, decoded straight into its struct (no
    /// intermediate value). `None` when the fast decoding fails: then `validate` on the
    /// parsed value gives the verdict and the exact path.
    pub validate_text: fn(&str) -> Option<Value>,
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
    pub fn of<T: Record>() -> Self {
        KindSpec {
            name: T::KIND,
            validate: validate_as::<T>,
            validate_text: validate_text_as::<T>,
        }
    }
}

/// Validates `value` as a `T`: bookkeeping first, then the typed structure; returns the
/// record as `T` serialises it.
pub fn validate_as<T: Record>(value: &Value) -> Result<Value, ValidationError> {
    check_meta(value)?;
    let record: T =
        serde_path_to_error::deserialize(value).map_err(ValidationError::from_path_error)?;
    serde_json::to_value(&record).map_err(|e| ValidationError::new(".", e.to_string()))
}

/// [`validate_as`] on a record's compact JSON text (an object, so it starts with `{`):
/// `Some` only when it passes; `None` leaves the verdict to [`validate_as`].
pub fn validate_text_as<T: Record>(text: &str) -> Option<Value> {
    if !text.starts_with('{') {
        return None;
    }
    let meta: Meta = serde_json::from_str(text).ok()?;
    if meta.rev < 1 {
        return None;
    }
    let record: T = serde_json::from_str(text).ok()?;
    serde_json::to_value(&record).ok()
}

/// The checks every record passes whatever its kind: it is a JSON object with `id` (a UUID),
/// `created_at` and `updated_at` (RFC 3339 times) and an integer `rev` of at least 1.
pub fn check_meta(value: &Value) -> Result<Meta, ValidationError> {
    if !value.is_object() {
        return Err(ValidationError::new(
            ".",
            "expected a record (a JSON object)",
        ));
    }
    let meta: Meta =
        serde_path_to_error::deserialize(value).map_err(ValidationError::from_path_error)?;
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
pub fn validate_records(spec: &KindSpec, records: &[Value]) -> Result<Vec<Value>, RecordsError> {
    let mut seen: HashMap<Id, usize> = HashMap::with_capacity(records.len());
    let mut out = Vec::with_capacity(records.len());
    for (index, record) in records.iter().enumerate() {
        let normal =
            (spec.validate)(record).map_err(|error| RecordsError::Invalid { index, error })?;
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
pub fn validate_texts(spec: &KindSpec, texts: &[&str]) -> Result<Vec<Value>, RecordsError> {
    let mut seen: HashMap<Id, usize> = HashMap::with_capacity(texts.len());
    let mut out = Vec::with_capacity(texts.len());
    for (index, text) in texts.iter().enumerate() {
        let normal = match (spec.validate_text)(text) {
            Some(v) => v,
            None => {
                let value: Value =
                    serde_json::from_str(text).map_err(|e| RecordsError::Invalid {
                        index,
                        error: ValidationError::new(".", e.to_string()),
                    })?;
                (spec.validate)(&value).map_err(|error| RecordsError::Invalid { index, error })?
            }
        };
        push_unique(&mut seen, &mut out, normal, index)?;
    }
    Ok(out)
}
