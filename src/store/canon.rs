//! Canonical JSON straight from text, without building a `serde_json::Value` tree.
//!
//! [`canonicalize_into`] re-emits a JSON text in the canonical form of
//! [`canonical_json`](super::backup::canonical_json) (compact, keys sorted by bytes at every
//! depth, strings escaped as `serde_json` does, numbers as `serde_json` prints them). It is
//! **exact or nothing**: whenever the text holds something whose canonical form this scanner
//! does not produce itself with certainty (invalid JSON, a duplicate key, an escape in a key,
//! an escape `serde_json` would not write, nesting deeper than `serde_json` accepts), it
//! returns `false` and the caller falls back to parsing a `Value` and `canonical_json`. So
//! whenever it returns `true`, its output equals `canonical_json(&serde_json::from_str(text))`.
//!
//! Stored records and exported files are canonical already, so the fast path is the rule.

use crate::domain::sorting::SortExt;
use std::ops::Range;

/// Below `serde_json`'s recursion limit (128), so every text accepted here parses there.
const MAX_DEPTH: usize = 100;

/// Appends the canonical form of `text` to `out` and returns true; or returns false with
/// `out` unchanged (see the module docs).
pub fn canonicalize_into(text: &str, out: &mut String) -> bool {
    let start = out.len();
    let mut p = Scanner::new(text);
    let ok = p.value(out, 0).is_some() && p.at_end();
    if !ok {
        out.truncate(start);
    }
    ok
}

/// The canonical form of `text`, if [`canonicalize_into`] can make it.
pub fn canonicalize(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    canonicalize_into(text, &mut out).then_some(out)
}

/// A strict JSON scanner writing canonical output (see the module docs).
pub struct Scanner<'a> {
    s: &'a str,
    b: &'a [u8],
    pub i: usize,
    /// Where the value of the top-level object's `"id"` member was written, if any
    /// (positions in the output buffer, after sorting).
    pub root_id: Option<Range<usize>>,
}

impl<'a> Scanner<'a> {
    pub fn new(s: &'a str) -> Self {
        Scanner {
            s,
            b: s.as_bytes(),
            i: 0,
            root_id: None,
        }
    }

    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.b.len() - self.i
    }

    pub fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    /// True when only whitespace is left.
    pub fn at_end(&mut self) -> bool {
        self.ws();
        self.i == self.b.len()
    }

    pub fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.b.get(self.i).copied()
    }

    /// Consumes `c` (after whitespace).
    pub fn eat(&mut self, c: u8) -> Option<()> {
        if self.peek()? == c {
            self.i += 1;
            Some(())
        } else {
            None
        }
    }

    /// A string token, returned verbatim (quotes included) when it is already in
    /// `serde_json`'s escaping; `None` otherwise.
    pub fn string(&mut self) -> Option<&'a str> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.i;
        let mut i = self.i + 1;
        let b = self.b;
        loop {
            let c = *b.get(i)?;
            match c {
                b'"' => break,
                0..=0x1f => return None,
                b'\\' => {
                    match *b.get(i + 1)? {
                        b'"' | b'\\' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
                        b'u' => {
                            // serde_json writes `\u00XX` (lowercase hex) only for control
                            // characters without a short escape.
                            let h = b.get(i + 2..i + 6)?;
                            if h[0] != b'0' || h[1] != b'0' {
                                return None;
                            }
                            let hex = |d: u8| match d {
                                b'0'..=b'9' => Some(d - b'0'),
                                b'a'..=b'f' => Some(d - b'a' + 10),
                                _ => None,
                            };
                            let v = hex(h[2])? * 16 + hex(h[3])?;
                            if v >= 0x20 || matches!(v, 0x08 | 0x09 | 0x0a | 0x0c | 0x0d) {
                                return None;
                            }
                            i += 6;
                        }
                        _ => return None,
                    }
                }
                _ => i += 1,
            }
        }
        self.i = i + 1;
        Some(&self.s[start..self.i])
    }

    fn number(&mut self, out: &mut String) -> Option<()> {
        let start = self.i;
        let b = self.b;
        let mut i = start;
        while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = b.get(i) {
            i += 1;
        }
        let tok = &self.s[start..i];
        self.i = i;
        let plain = tok
            .bytes()
            .enumerate()
            .all(|(k, c)| c.is_ascii_digit() || (k == 0 && c == b'-' && tok.len() > 1));
        let digits = tok.strip_prefix('-').unwrap_or(tok);
        let leading_zero = digits.len() > 1 && digits.starts_with('0');
        if plain && !leading_zero {
            // Integers serde_json keeps as integers print as they are written; `-0` and
            // out-of-range ones become floats and take the general path below.
            let same = if tok.starts_with('-') {
                tok.parse::<i64>().is_ok_and(|v| v != 0)
            } else {
                tok.parse::<u64>().is_ok()
            };
            if same {
                out.push_str(tok);
                return Some(());
            }
        }
        // Anything else: exactly as serde_json parses and prints it.
        let v: serde_json::Value = serde_json::from_str(tok).ok()?;
        if !v.is_number() {
            return None;
        }
        use std::fmt::Write;
        write!(out, "{v}").ok()
    }

    fn literal(&mut self, word: &str, out: &mut String) -> Option<()> {
        if self.b.get(self.i..self.i + word.len())? == word.as_bytes() {
            self.i += word.len();
            out.push_str(word);
            Some(())
        } else {
            None
        }
    }

    /// One value, written canonically to `out`. `depth` 0 is the top level.
    pub fn value(&mut self, out: &mut String, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'{' => self.object(out, depth),
            b'[' => {
                self.i += 1;
                out.push('[');
                if self.peek()? == b']' {
                    self.i += 1;
                    out.push(']');
                    return Some(());
                }
                loop {
                    self.value(out, depth + 1)?;
                    match self.peek()? {
                        b',' => {
                            self.i += 1;
                            out.push(',');
                        }
                        b']' => {
                            self.i += 1;
                            out.push(']');
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'"' => {
                let s = self.string()?;
                out.push_str(s);
                Some(())
            }
            b't' => self.literal("true", out),
            b'f' => self.literal("false", out),
            b'n' => self.literal("null", out),
            b'-' | b'0'..=b'9' => self.number(out),
            _ => None,
        }
    }

    fn object(&mut self, out: &mut String, depth: usize) -> Option<()> {
        self.i += 1; // '{'
        let obj_start = out.len();
        out.push('{');
        if self.peek()? == b'}' {
            self.i += 1;
            out.push('}');
            return Some(());
        }
        // (key without quotes, member range in `out` (`"key":value`), value start)
        let mut members: Vec<(&'a str, Range<usize>, usize)> = Vec::new();
        let mut sorted = true;
        loop {
            let key = self.string()?;
            let bare = &key[1..key.len() - 1];
            if bare.contains('\\') {
                return None; // sorting would need the unescaped key
            }
            if let Some((prev, _, _)) = members.last() {
                match (*prev).cmp(bare) {
                    std::cmp::Ordering::Less => {}
                    std::cmp::Ordering::Equal => return None,
                    std::cmp::Ordering::Greater => sorted = false,
                }
            }
            self.eat(b':')?;
            let m_start = out.len();
            out.push_str(key);
            out.push(':');
            let v_start = out.len();
            self.value(out, depth + 1)?;
            members.push((bare, m_start..out.len(), v_start));
            match self.peek()? {
                b',' => {
                    self.i += 1;
                    out.push(',');
                }
                b'}' => {
                    self.i += 1;
                    break;
                }
                _ => return None,
            }
        }
        if !sorted {
            let mut order: Vec<usize> = (0..members.len()).collect();
            order.sort_with(|&a, &b| members[a].0.cmp(members[b].0));
            if order.windows(2).any(|w| members[w[0]].0 == members[w[1]].0) {
                return None; // a duplicate key
            }
            let old = out[obj_start..].to_string();
            out.truncate(obj_start + 1);
            let mut moved = Vec::with_capacity(members.len());
            for (n, &k) in order.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                let (bare, r, v) = &members[k];
                let new_start = out.len();
                out.push_str(&old[r.start - obj_start..r.end - obj_start]);
                moved.push((*bare, new_start..out.len(), new_start + (v - r.start)));
            }
            members = moved;
        }
        out.push('}');
        if depth == 0 {
            self.root_id = members
                .iter()
                .find(|(k, _, _)| *k == "id")
                .map(|(_, r, v)| *v..r.end);
        }
        Some(())
    }
}

/// Appends `s` as a JSON string exactly as `serde_json` writes it.
pub fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0c => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 0xf) as usize] as char);
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}
