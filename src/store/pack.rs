//! Packed kinds: what makes start-up read a whole kind in one value instead of one value per
//! record (in Chromium, 56,000 small values take about ten times as long to read as the same
//! text in one value).
//!
//! The records stay one per key in their kind's store: that is the source of truth, and
//! every commit writes there. Besides it, the IndexedDB backend keeps:
//! - `packs`: per kind, one value holding every key and every stored text of the kind as
//!   they were when the pack was written: the keys joined by newlines, and the texts joined
//!   by newlines [`PACK_CHUNK`] at a time, as UTF-8 bytes (copying a text out of the
//!   browser's JavaScript costs about as much as decoding it: one copy per chunk, not per
//!   record, and of bytes, which need no conversion, not of a string). A kind with a
//!   key or text that holds a newline (written by something else) keeps one value per key;
//! - `journal`: per record changed since its kind's pack was written, the record's stored
//!   text, or nothing when it was deleted, under [`journal_key`].
//!
//! A commit that writes a packed kind writes the journal entry in the same transaction. A
//! kind is read as its pack with the journal laid over it ([`overlay`]); the result is
//! trusted only when it holds as many records as the kind's store (else, and when there
//! is no pack, the kind is read record by record). A pack is written, and its kind's journal
//! emptied, in one transaction: at idle after start-up, when it is missing or its journal
//! has grown long ([`needs_repack`]). Clearing or restoring the stores drops every pack.

use crate::domain::sorting::SortExt;
use std::collections::{HashMap, HashSet};

/// The `journal` key of the record stored under `key` in `kind`'s store.
pub fn journal_key(kind: &str, key: &str) -> String {
    format!("{kind}/{key}")
}

/// The kind and record key a `journal` key names (see [`journal_key`]).
pub fn journal_entry(journal_key: &str) -> Option<(&str, &str)> {
    journal_key.split_once('/')
}

/// The first and last `journal` key a kind's entries can have (for a key range).
pub fn journal_bounds(kind: &str) -> (String, String) {
    (format!("{kind}/"), format!("{kind}/\u{ffff}"))
}

/// Journal entries beyond which a kind's pack is written again: reading them one by one is
/// what a pack saves, and a few hundred read in a blink.
pub const JOURNAL_LIMIT: usize = 256;

/// Whether a kind's pack must be written (again): there is none, it disagreed with the
/// store, or its journal is long.
pub fn needs_repack(found: &Found) -> bool {
    match found {
        Found::Unpacked | Found::Disagreed => true,
        Found::Packed { journal } => *journal > JOURNAL_LIMIT,
    }
}

/// How a kind was read at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// From its pack and `journal` entries.
    Packed { journal: usize },
    /// Record by record: no pack.
    Unpacked,
    /// Record by record: pack and journal did not add up to the store's count.
    Disagreed,
}

/// A kind's pack with its journal laid over: the pack's `(key, text)` records, each
/// replaced or left out as the journal says, then the records the journal adds (in key
/// order). What the store holds if every change since the pack went through the journal.
pub struct Overlay<I, V> {
    pack: I,
    journal: HashMap<String, Option<V>>,
    added: Option<std::vec::IntoIter<(String, V)>>,
}

/// Lays `journal` (`record key → Some(text)` for a record written since the pack, `None`
/// for one deleted) over `pack`.
pub fn overlay<I: Iterator<Item = (String, V)>, V>(
    pack: I,
    journal: HashMap<String, Option<V>>,
) -> Overlay<I, V> {
    Overlay {
        pack,
        journal,
        added: None,
    }
}

impl<I: Iterator<Item = (String, V)>, V> Iterator for Overlay<I, V> {
    type Item = (String, V);

    fn next(&mut self) -> Option<(String, V)> {
        if self.added.is_none() {
            for (key, text) in self.pack.by_ref() {
                match self.journal.remove(&key) {
                    None => return Some((key, text)),
                    Some(Some(newer)) => return Some((key, newer)),
                    Some(None) => {}
                }
            }
            let mut added: Vec<(String, V)> = std::mem::take(&mut self.journal)
                .into_iter()
                .filter_map(|(k, v)| Some((k, v?)))
                .collect();
            added.sort_with(|a, b| a.0.cmp(&b.0));
            self.added = Some(added.into_iter());
        }
        self.added.as_mut().and_then(Iterator::next)
    }
}

/// How many records the [`overlay`] of a pack with `pack_keys` and `journal` yields.
pub fn overlay_len<V>(pack_keys: &[String], journal: &HashMap<String, Option<V>>) -> usize {
    if journal.is_empty() {
        return pack_keys.len();
    }
    let packed: HashSet<&str> = pack_keys.iter().map(String::as_str).collect();
    journal.iter().fold(pack_keys.len(), |n, (k, v)| {
        match (packed.contains(k.as_str()), v) {
            (true, None) => n - 1,
            (false, Some(_)) => n + 1,
            _ => n,
        }
    })
}

/// Records per text of a packed kind: texts are joined by newlines, a chunk at a time, so
/// that start-up copies a few hundred texts out of the database's value at once, not one.
pub const PACK_CHUNK: usize = 512;

/// Whether a packed chunk (texts joined by newlines, as UTF-8) is text and holds
/// `expected` records: checked for every chunk before a pack is used, so that a bad pack is
/// never half-read.
pub fn chunk_holds(chunk: &[u8], expected: usize) -> bool {
    let newlines = chunk.iter().filter(|b| **b == b'\n').count();
    newlines + 1 == expected && std::str::from_utf8(chunk).is_ok()
}

/// The records of a packed chunk (UTF-8 texts joined by newlines), if it holds `expected`.
pub fn split_chunk(chunk: Vec<u8>, expected: usize) -> Option<Vec<String>> {
    let chunk = String::from_utf8(chunk).ok()?;
    let texts: Vec<String> = chunk.split('\n').map(str::to_string).collect();
    (texts.len() == expected).then_some(texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lay(pack: &[(&str, &str)], journal: &[(&str, Option<&str>)]) -> Vec<(String, String)> {
        let keys: Vec<String> = pack.iter().map(|(k, _)| k.to_string()).collect();
        let journal: HashMap<String, Option<String>> = journal
            .iter()
            .map(|(k, v)| (k.to_string(), v.map(str::to_string)))
            .collect();
        let n = overlay_len(&keys, &journal);
        let out: Vec<(String, String)> = overlay(
            pack.iter().map(|(k, v)| (k.to_string(), v.to_string())),
            journal,
        )
        .collect();
        assert_eq!(out.len(), n, "overlay_len");
        out
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(k, t)| (k.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn the_journal_updates_deletes_and_adds() {
        let out = lay(
            &[("b", "B"), ("d", "D"), ("f", "F")],
            &[
                ("d", None),
                ("a", Some("A")),
                ("f", Some("F2")),
                ("g", Some("G")),
                ("e", Some("E")),
                ("z", None),
            ],
        );
        assert_eq!(
            out,
            pairs(&[("b", "B"), ("f", "F2"), ("a", "A"), ("e", "E"), ("g", "G")])
        );
    }

    /// Generated edit sequences: the overlay of a pack and the journal of the edits since
    /// holds what the store the edits were applied to holds.
    #[test]
    fn the_overlay_equals_the_store_after_any_edit_sequence() {
        use std::collections::BTreeMap;
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..300 {
            let mut store: BTreeMap<String, String> = BTreeMap::new();
            for _ in 0..next(12) {
                store.insert(format!("k{:02}", next(30)), format!("v{}", next(1000)));
            }
            let pack: Vec<(String, String)> = store.clone().into_iter().collect();
            let mut journal = HashMap::new();
            for _ in 0..next(20) {
                let k = format!("k{:02}", next(30));
                if next(3) == 0 {
                    store.remove(&k);
                    journal.insert(k, None);
                } else {
                    let v = format!("w{}", next(1000));
                    store.insert(k.clone(), v.clone());
                    journal.insert(k, Some(v));
                }
            }
            let keys: Vec<String> = pack.iter().map(|(k, _)| k.clone()).collect();
            assert_eq!(overlay_len(&keys, &journal), store.len());
            let got: BTreeMap<String, String> = overlay(pack.into_iter(), journal).collect();
            assert_eq!(got, store);
        }
    }

    #[test]
    fn an_empty_journal_leaves_the_pack_as_it_is() {
        assert_eq!(lay(&[("a", "A")], &[]), pairs(&[("a", "A")]));
    }

    #[test]
    fn a_chunk_must_hold_the_records_it_stands_for() {
        let chunk = "{\"a\":\"ā\"}\n{}".as_bytes();
        assert!(chunk_holds(chunk, 2));
        assert_eq!(
            split_chunk(chunk.to_vec(), 2),
            Some(vec!["{\"a\":\"ā\"}".into(), "{}".into()])
        );
        assert!(!chunk_holds(b"{}\n{}", 3));
        assert_eq!(split_chunk(b"{}\n{}".to_vec(), 3), None);
        // Not text: a byte that no UTF-8 text holds.
        assert!(!chunk_holds(b"{}\n{\xff}", 2));
        assert_eq!(split_chunk(b"{}\n{\xff}".to_vec(), 2), None);
    }

    #[test]
    fn journal_keys_name_their_kind_only() {
        let k = journal_key("deals", "0001");
        assert_eq!(journal_entry(&k), Some(("deals", "0001")));
        // A key that is not a record id keeps its own slashes.
        assert_eq!(
            journal_entry(&journal_key("deals", "a/b")),
            Some(("deals", "a/b"))
        );
        let (lo, hi) = journal_bounds("deals");
        assert!(lo.as_str() <= k.as_str() && k.as_str() <= hi.as_str());
        assert!(!("deals_x/1" >= lo.as_str() && "deals_x/1" <= hi.as_str()));
    }

    #[test]
    fn a_long_journal_or_no_pack_asks_for_a_new_pack() {
        assert!(needs_repack(&Found::Unpacked));
        assert!(needs_repack(&Found::Disagreed));
        assert!(!needs_repack(&Found::Packed { journal: 3 }));
        assert!(needs_repack(&Found::Packed {
            journal: JOURNAL_LIMIT + 1
        }));
    }
}
