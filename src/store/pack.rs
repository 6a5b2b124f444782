//! Packed kinds: what makes start-up read a whole kind in one value instead of one value per
//! record (in Chromium, 56,000 small values take about ten times as long to read as the same
//! text in one value).
//!
//! The records stay one per key in their kind's store: that is the source of truth, and
//! every commit writes there. Besides it, the IndexedDB backend keeps:
//! - `packs`: per kind, one value holding every key and every stored text of the kind as
//!   they were when the pack was written (two arrays, in key order);
//! - `journal`: per record changed since its kind's pack was written, the record's stored
//!   text, or nothing when it was deleted, under [`journal_key`].
//!
//! A commit that writes a packed kind writes the journal entry in the same transaction. A
//! kind is read as its pack with the journal laid over it ([`overlay`]); the result is
//! trusted only when it holds as many records as the kind's store (else, and when there
//! is no pack, the kind is read record by record). A pack is written, and its kind's journal
//! emptied, in one transaction: at idle after start-up, when it is missing or its journal
//! has grown long ([`needs_repack`]). Clearing or restoring the stores drops every pack.

/// The `journal` key of the record stored under `key` in `kind`'s store.
pub fn journal_key(kind: &str, key: &str) -> String {
    format!("{kind}/{key}")
}

/// The record key of a `kind` journal key (`None` for another kind's).
pub fn journal_record<'a>(kind: &str, journal_key: &'a str) -> Option<&'a str> {
    journal_key
        .strip_prefix(kind)
        .and_then(|rest| rest.strip_prefix('/'))
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

/// A kind's pack (`keys` and `values` in key order, as written) with its `journal`
/// (`(record key, Some(text))` for a record written since, `None` for one deleted) laid
/// over: what the store holds if every change since went through the journal. The result
/// is in key order.
pub fn overlay<V>(
    keys: Vec<String>,
    values: Vec<V>,
    journal: Vec<(String, Option<V>)>,
) -> (Vec<String>, Vec<V>) {
    if journal.is_empty() {
        return (keys, values);
    }
    // The last entry of a key is what the store holds (a journal read in key order has
    // one per key; a later one wins anyway).
    let journal: std::collections::BTreeMap<String, Option<V>> = journal.into_iter().collect();
    let mut out_keys = Vec::with_capacity(keys.len() + journal.len());
    let mut out_values = Vec::with_capacity(keys.len() + journal.len());
    let mut push = |k: String, v: Option<V>| {
        if let Some(v) = v {
            out_keys.push(k);
            out_values.push(v);
        }
    };
    // Both in key order: a merge, where the journal's entry of a key replaces the pack's.
    let mut packed = keys.into_iter().zip(values).peekable();
    let mut changed = journal.into_iter().peekable();
    loop {
        let order = match (packed.peek(), changed.peek()) {
            (None, None) => break,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some((pk, _)), Some((jk, _))) => pk.cmp(jk),
        };
        if order == std::cmp::Ordering::Equal {
            packed.next();
        }
        if order != std::cmp::Ordering::Less {
            let (k, v) = changed.next().expect("peeked");
            push(k, v);
        } else {
            let (k, v) = packed.next().expect("peeked");
            push(k, Some(v));
        }
    }
    (out_keys, out_values)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn the_journal_updates_deletes_and_adds_in_key_order() {
        let (k, v) = overlay(
            s(&["b", "d", "f"]),
            s(&["B", "D", "F"]),
            vec![
                ("d".into(), None),
                ("a".into(), Some("A".into())),
                ("f".into(), Some("F2".into())),
                ("e".into(), Some("E".into())),
                ("g".into(), Some("G".into())),
                ("z".into(), None),
            ],
        );
        assert_eq!(k, s(&["a", "b", "e", "f", "g"]));
        assert_eq!(v, s(&["A", "B", "E", "F2", "G"]));
    }

    /// Generated edit sequences: the overlay of a pack and the journal of the edits since
    /// equals the store the edits were applied to.
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
            let (pk, pv): (Vec<String>, Vec<String>) = store.clone().into_iter().unzip();
            let mut journal = Vec::new();
            for _ in 0..next(20) {
                let k = format!("k{:02}", next(30));
                if next(3) == 0 {
                    store.remove(&k);
                    journal.push((k, None));
                } else {
                    let v = format!("w{}", next(1000));
                    store.insert(k.clone(), v.clone());
                    journal.push((k, Some(v)));
                }
            }
            let (k, v) = overlay(pk, pv, journal);
            let want: (Vec<String>, Vec<String>) = store.into_iter().unzip();
            assert_eq!((k, v), want);
        }
    }

    #[test]
    fn an_empty_journal_leaves_the_pack_as_it_is() {
        let (k, v) = overlay(s(&["a"]), s(&["A"]), Vec::new());
        assert_eq!((k, v), (s(&["a"]), s(&["A"])));
    }

    #[test]
    fn journal_keys_name_their_kind_only() {
        let k = journal_key("deals", "0001");
        assert_eq!(journal_record("deals", &k), Some("0001"));
        assert_eq!(journal_record("deal", &k), None);
        assert_eq!(journal_record("accounts", &k), None);
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
