//! The one way a typed record is read: `serde_json` straight from its text.
//!
//! Every kind's `Deserialize` is compiled once per decoder it is used with, and each copy is
//! tens of kilobytes of WebAssembly per kind. So the store, import, quarantine and conflict
//! resolution all decode from text through [`decode`], never from a `serde_json::Value`,
//! and no path-tracking decoder wraps it. When a record fails, the path of the offending
//! value (`value.minor`, `lines[2].qty`) is found afterwards by reading the text up to the
//! place the decoder stopped ([`path_at`]): a small walk of the JSON, compiled once.

use super::kinds::ValidationError;
use serde::de::DeserializeOwned;

/// `text` decoded as a `T`, or the failing value's path and the decoder's reason (a missing
/// field is reported at its own path: `value.currency`, "missing field").
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, ValidationError> {
    serde_json::from_str(text).map_err(|e| explain(text, &e))
}

/// The path and reason of a decoding failure of `text`.
#[inline(never)]
pub fn explain(text: &str, e: &serde_json::Error) -> ValidationError {
    let message = reason(e);
    if e.line() == 0 {
        return ValidationError::new(".", message);
    }
    // The decoder reports the line and the column of the last byte it consumed.
    let line_start = text
        .split_inclusive('\n')
        .take(e.line() - 1)
        .map(str::len)
        .sum::<usize>();
    let mut last = (line_start + e.column()).saturating_sub(1);
    // An array or object of the wrong type is refused before it is read: the last byte is
    // then the separator before it, and the value is the next one.
    let b = text.as_bytes();
    if b.get(last)
        .is_some_and(|c| matches!(c, b':' | b',' | b'[') || c.is_ascii_whitespace())
    {
        last += 1;
        while b.get(last).is_some_and(u8::is_ascii_whitespace) {
            last += 1;
        }
    }
    if let Some(name) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name)
    {
        // It stops just after the `}` of the object that lacks the field.
        let path = path_at(text, last);
        let full = if path == "." {
            name.to_string()
        } else {
            format!("{path}.{name}")
        };
        return ValidationError::new(full, "missing field");
    }
    ValidationError::new(path_at(text, last), message)
}

/// The decoder's reason without its " at line 1 column 40" (the path says where).
fn reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(at) if e.line() > 0 => full[..at].to_string(),
        _ => full,
    }
}

/// The path of the innermost JSON value of `text` that covers byte `at`, written as
/// `serde_path_to_error` writes paths: keys joined by `.`, indexes as `[i]`, `.` for the
/// whole. A byte inside an object key belongs to the object. Malformed text gives the path
/// as far as it could be read.
pub fn path_at(text: &str, at: usize) -> String {
    let mut walk = Walk {
        b: text.as_bytes(),
        i: 0,
        at,
        path: Vec::new(),
        found: None,
    };
    walk.value();
    walk.found.unwrap_or_else(|| ".".to_string())
}

enum Segment {
    Key(String),
    Index(usize),
}

struct Walk<'a> {
    b: &'a [u8],
    i: usize,
    at: usize,
    path: Vec<Segment>,
    found: Option<String>,
}

impl Walk<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && self.b[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Reads one value; records the path when it covers `at` and no inner value did.
    /// `None` when the text is malformed here (the walk stops).
    fn value(&mut self) -> Option<()> {
        self.ws();
        let start = self.i;
        let done = match self.peek()? {
            b'{' => self.container(b'}'),
            b'[' => self.container(b']'),
            b'"' => self.string().map(|_| ()),
            _ => {
                while self.i < self.b.len()
                    && !matches!(self.b[self.i], b',' | b'}' | b']')
                    && !self.b[self.i].is_ascii_whitespace()
                {
                    self.i += 1;
                }
                Some(())
            }
        };
        // A value cut short covers everything up to the end of the text.
        let end = if done.is_some() {
            self.i
        } else {
            self.b.len().max(self.i + 1)
        };
        if self.found.is_none() && (start..end).contains(&self.at) {
            self.found = Some(self.written());
        }
        done
    }

    /// An object (`close` is `}`) or an array (`]`), member by member.
    fn container(&mut self, close: u8) -> Option<()> {
        self.i += 1;
        self.ws();
        if self.peek()? == close {
            self.i += 1;
            return Some(());
        }
        let mut index = 0;
        loop {
            let segment = if close == b'}' {
                self.ws();
                let key = self.string()?;
                self.ws();
                if self.peek()? != b':' {
                    return None;
                }
                self.i += 1;
                Segment::Key(key)
            } else {
                Segment::Index(index)
            };
            self.path.push(segment);
            let inner = self.value();
            self.path.pop();
            inner?;
            self.ws();
            match self.peek()? {
                b',' => self.i += 1,
                c if c == close => {
                    self.i += 1;
                    return Some(());
                }
                _ => return None,
            }
            index += 1;
        }
    }

    /// A string's text (escapes other than `\"` and `\\` kept as written: keys with them are
    /// not among the records' field names).
    fn string(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let c = self.peek()?;
            self.i += 1;
            match c {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let e = self.peek()?;
                    self.i += 1;
                    if !matches!(e, b'"' | b'\\') {
                        out.push(b'\\');
                    }
                    out.push(e);
                }
                _ => out.push(c),
            }
        }
    }

    fn written(&self) -> String {
        if self.path.is_empty() {
            return ".".to_string();
        }
        let mut out = String::new();
        for s in &self.path {
            match s {
                Segment::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Segment::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
