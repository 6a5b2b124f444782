//! The checksum of a backup file: the canonical serialization of its payload and the
//! format and algorithm names the envelope carries.

use crate::domain::sorting::SortExt;
use crate::store::canon::push_json_string;
use serde_json::Value;

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
            entries.sort_with(|a, b| a.0.cmp(b.0));
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

pub(super) fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_json_string(&mut out, s);
    out
}
