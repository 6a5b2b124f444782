//! Two tabs, one record: what to show and what to save when a save is refused because
//! another tab saved the same record first ([`StoreError::Stale`](super::StoreError)).
//!
//! A [`Conflict`] holds three versions of one record: `base` (what the form opened),
//! `mine` (what was typed, built on `base`) and `theirs` (the newer stored record). Records
//! are compared as JSON values, field by field (nested groups such as `address.city` per
//! part; lists and amounts of money as one value), leaving the bookkeeping (`id`, `rev`,
//! timestamps) aside.
//!
//! - [`Conflict::fields`]: every field whose value differs between mine and theirs, named by
//!   its label, saying whether the rep changed it;
//! - [`Conflict::keep_mine`]: the rep's changes applied onto theirs — the fields the rep
//!   changed take the typed value, every other field keeps the newer version — with theirs'
//!   bookkeeping, so the save is an ordinary update of the newer revision (its rev + 1);
//!   revisions never go back;
//! - [`Conflict::take_theirs`]: the newer version, as stored.

use super::decode::decode;
use super::kinds::field_label;
use super::kinds::ValidationError;
use crate::domain::money::Money;
use crate::domain::rules::Checked;
use crate::domain::sorting::SortExt;
use crate::i18n::{self, Locale};
use serde_json::{Map, Value};

/// The bookkeeping fields: never compared, always theirs.
const META: [&str; 4] = ["id", "created_at", "updated_at", "rev"];

/// One field whose value differs between the typed version and the newer stored one.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// Where the field is in the record (`name`, `address.city`).
    pub path: String,
    /// The catalogue key of its label (`account.field.name`), when it has one.
    pub label: Option<&'static str>,
    pub mine: Value,
    pub theirs: Value,
    /// Whether the rep changed it from the version the form opened (else only the other tab
    /// did, and keeping mine keeps theirs for this field).
    pub changed_by_me: bool,
}

/// A refused save: the version the form opened, the typed one and the newer stored one.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict<T> {
    pub base: T,
    pub mine: T,
    pub theirs: T,
}

impl<T: Checked> Conflict<T> {
    pub fn new(base: T, mine: T, theirs: T) -> Self {
        Conflict { base, mine, theirs }
    }

    /// The fields that differ between mine and theirs: the name or title first, then by path.
    pub fn fields(&self) -> Vec<FieldChange> {
        let (base, mine, theirs) = (json(&self.base), json(&self.mine), json(&self.theirs));
        let mut out = Vec::new();
        diff_into(
            "",
            Some(&base),
            Some(&mine),
            Some(&theirs),
            T::LABEL_PREFIX,
            &mut out,
        );
        // What a rep calls the record first, then the rest in a stable order.
        out.sort_on(|f| !matches!(f.path.as_str(), "name" | "title"));
        out
    }

    /// Whether the typed version says the same as the newer one (nothing to choose).
    pub fn is_same(&self) -> bool {
        self.fields().is_empty()
    }

    /// The record to save for "Keep mine": the rep's changes applied onto theirs, with
    /// theirs' bookkeeping (the save then makes revision `theirs.rev + 1`).
    pub fn keep_mine(&self) -> Result<T, ValidationError> {
        let merged = rebase(&json(&self.base), &json(&self.mine), &json(&self.theirs));
        // From text, the one way records are decoded (see `store::decode`).
        let mut record: T = decode(&merged.to_string())?;
        record.set_meta(self.theirs.meta());
        Ok(record)
    }

    /// The record the form shows after "Take theirs": the newer version, as stored.
    pub fn take_theirs(&self) -> T {
        self.theirs.clone()
    }

    /// The typed values that differ from theirs as text ("Name: Acme (mine)"), one line
    /// each, after a heading line — what "Copy mine" puts on the clipboard.
    pub fn mine_as_text(&self, locale: Locale) -> String {
        let mut out = i18n::t_with(
            locale,
            "conflict.copy_heading",
            &[
                ("kind", &i18n::t(locale, super::backup::kind_key(T::KIND))),
                ("name", self.mine.display_name().unwrap_or_default()),
            ],
        );
        for f in self.fields().iter().filter(|f| f.changed_by_me) {
            out.push('\n');
            out.push_str(&label_text(locale, f));
            out.push_str(": ");
            out.push_str(&value_text(locale, &f.path, &f.mine));
        }
        out
    }
}

fn json<T: serde::Serialize>(r: &T) -> Value {
    serde_json::to_value(r).unwrap_or(Value::Null)
}

/// A value compared as one whole: anything but a group of fields, and an amount of money
/// (`{minor, currency}`).
fn is_leaf(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Object(m)) => is_money(m),
        None => false,
        _ => true,
    }
}

fn is_money(m: &Map<String, Value>) -> bool {
    m.len() == 2 && m.contains_key("minor") && m.contains_key("currency")
}

fn keys(vs: [Option<&Value>; 3]) -> Vec<&String> {
    let mut out: Vec<&String> = Vec::new();
    for m in vs.into_iter().flatten().filter_map(Value::as_object) {
        for k in m.keys() {
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    out
}

fn child<'a>(v: Option<&'a Value>, k: &str) -> Option<&'a Value> {
    v.and_then(|v| v.get(k))
}

fn diff_into(
    path: &str,
    base: Option<&Value>,
    mine: Option<&Value>,
    theirs: Option<&Value>,
    prefix: &str,
    out: &mut Vec<FieldChange>,
) {
    if is_leaf(mine) || is_leaf(theirs) {
        if mine != theirs {
            out.push(FieldChange {
                path: path.to_string(),
                label: field_label(prefix, path),
                mine: mine.cloned().unwrap_or(Value::Null),
                theirs: theirs.cloned().unwrap_or(Value::Null),
                changed_by_me: mine != base,
            });
        }
        return;
    }
    for k in keys([mine, theirs, None]) {
        if path.is_empty() && META.contains(&k.as_str()) {
            continue;
        }
        let p = if path.is_empty() {
            k.clone()
        } else {
            format!("{path}.{k}")
        };
        diff_into(
            &p,
            child(base, k),
            child(mine, k),
            child(theirs, k),
            prefix,
            out,
        );
    }
}

/// Mine applied onto theirs, field by field: where mine differs from base, mine; else
/// theirs. Groups of fields are merged part by part; lists and amounts as one value.
pub fn rebase(base: &Value, mine: &Value, theirs: &Value) -> Value {
    merge(Some(base), Some(mine), Some(theirs)).unwrap_or(Value::Null)
}

fn merge(base: Option<&Value>, mine: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
    let groups = [base, mine, theirs]
        .into_iter()
        .flatten()
        .all(|v| v.is_object() && !is_leaf(Some(v)));
    if !groups || mine.is_none() || theirs.is_none() {
        return if mine == base {
            theirs.cloned()
        } else {
            mine.cloned()
        };
    }
    let mut out = Map::new();
    for k in keys([theirs, mine, base]) {
        if let Some(v) = merge(child(base, k), child(mine, k), child(theirs, k)) {
            out.insert(k.clone(), v);
        }
    }
    Some(Value::Object(out))
}

/// "This account was changed in another tab at 14:02": `changed` is the newer version's
/// `updated_at` and `today` the rep's date, both in local time; a change on another day
/// names the date too.
pub fn title_text(
    locale: Locale,
    kind: &str,
    changed: chrono::NaiveDateTime,
    today: chrono::NaiveDate,
) -> String {
    let key = match kind {
        "accounts" | "contacts" | "competitors" | "intel_notes" | "deals" | "activities"
        | "tasks" => format!("conflict.title.{kind}"),
        _ => "conflict.title.other".to_string(),
    };
    i18n::t_with(
        locale,
        &key,
        &[("when", &when_text(locale, changed, today))],
    )
}

/// "at 14:02" today, "on 3 Mar 2026, 14:02" on another day.
pub fn when_text(
    locale: Locale,
    changed: chrono::NaiveDateTime,
    today: chrono::NaiveDate,
) -> String {
    if changed.date() == today {
        let time = i18n::format_time(locale, changed.time());
        i18n::t_with(locale, "conflict.at_time", &[("time", &time)])
    } else {
        let datetime = i18n::format_datetime(locale, changed);
        i18n::t_with(locale, "conflict.at_datetime", &[("datetime", &datetime)])
    }
}

/// A field's label in `locale` (its path when it has none).
pub fn label_text(locale: Locale, f: &FieldChange) -> String {
    match f.label {
        Some(key) => i18n::t(locale, key),
        None => f.path.clone(),
    }
}

/// A field's value in words: texts as they are, choices by their label (`grade.a` → "A —
/// high potential"), yes/no, lists joined, amounts as money, nothing as "(empty)".
pub fn value_text(locale: Locale, path: &str, v: &Value) -> String {
    let field = path.rsplit('.').next().unwrap_or(path);
    let text = match v {
        Value::Null => String::new(),
        Value::Bool(true) => i18n::t(locale, "conflict.yes"),
        Value::Bool(false) => i18n::t(locale, "conflict.no"),
        Value::Number(n) => match n.as_i64() {
            Some(i) => i18n::format_number(locale, i),
            None => n.to_string(),
        },
        Value::String(s) if field == "language" => Locale::ALL
            .iter()
            .find(|l| l.tag() == s)
            .map_or_else(|| s.clone(), |l| l.native_name().to_string()),
        Value::String(s) => {
            let key = format!("{field}.{s}");
            match locale.text(&key) {
                Some(label) if !s.is_empty() => label.to_string(),
                _ => s.clone(),
            }
        }
        Value::Array(items) => {
            let sep = if items.iter().all(Value::is_string) {
                ", "
            } else {
                "; "
            };
            items
                .iter()
                .map(|i| value_text(locale, field, i))
                .filter(|s| !s.is_empty() && *s != i18n::t(locale, "conflict.empty"))
                .collect::<Vec<_>>()
                .join(sep)
        }
        Value::Object(m) => match serde_json::from_str::<Money>(&v.to_string()) {
            Ok(money) if is_money(m) => i18n::format_money(locale, &money),
            _ => m
                .iter()
                .filter(|(k, _)| !META.contains(&k.as_str()) && !k.ends_with("_id"))
                .map(|(k, x)| value_text(locale, k, x))
                .filter(|s| !s.is_empty() && *s != i18n::t(locale, "conflict.empty"))
                .collect::<Vec<_>>()
                .join(" · "),
        },
    };
    if text.trim().is_empty() {
        i18n::t(locale, "conflict.empty")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::Account;
    use crate::domain::ids::Record;
    use crate::store::backend::{Backend, Batch};
    use crate::store::memory::MemoryBackend;
    use chrono::{TimeZone, Utc};

    fn account(name: &str) -> Account {
        let t0 = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let mut a: Account = serde_json::from_value(serde_json::json!({
            "id": "7d0b6a53-5a3e-4d4e-9d55-2f0b1d7f0c11",
            "created_at": t0, "updated_at": t0, "rev": 4,
            "name": name,
        }))
        .unwrap();
        a.address.city = "Riga".into();
        a
    }

    /// Base at rev 4; the other tab saved rev 5 (a new name and a new grade); this tab typed
    /// another name and a new city on base.
    fn conflict() -> Conflict<Account> {
        let base = account("Acme Steel");
        let mut theirs = base.clone();
        theirs.name = "Acme Steel (tab B)".into();
        theirs.grade = Some(crate::domain::account::Grade::A);
        theirs.rev = 5;
        theirs.updated_at = Utc.with_ymd_and_hms(2026, 3, 2, 14, 2, 0).unwrap();
        let mut mine = base.clone();
        mine.name = "Acme Steel (tab A)".into();
        mine.address.city = "Jelgava".into();
        Conflict::new(base, mine, theirs)
    }

    #[test]
    fn the_fields_that_differ_are_named_by_their_labels() {
        let fields = conflict().fields();
        let paths: Vec<_> = fields.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["name", "address.city", "grade"]);
        assert_eq!(fields[0].label, Some("account.field.name"));
        assert_eq!(fields[1].label, Some("account.field.address.city"));
        assert_eq!(fields[2].label, Some("account.field.grade"));
        assert_eq!(fields[0].mine, Value::from("Acme Steel (tab A)"));
        assert_eq!(fields[0].theirs, Value::from("Acme Steel (tab B)"));
        assert!(fields[0].changed_by_me && fields[1].changed_by_me);
        assert!(!fields[2].changed_by_me, "only the other tab set the grade");
        // Bookkeeping (rev, updated_at) is never listed.
        assert!(fields.iter().all(|f| !META.contains(&f.path.as_str())));
        assert_eq!(label_text(Locale::En, &fields[1]), "City");
    }

    #[test]
    fn values_are_shown_in_words() {
        let fields = conflict().fields();
        assert_eq!(value_text(Locale::En, "grade", &fields[2].mine), "(empty)");
        assert_eq!(
            value_text(Locale::En, "grade", &fields[2].theirs),
            crate::i18n::t(Locale::En, "grade.a")
        );
        assert_eq!(
            value_text(Locale::Es, "grade", &Value::Null),
            crate::i18n::t(Locale::Es, "conflict.empty")
        );
        assert_eq!(
            value_text(
                Locale::En,
                "emails",
                &serde_json::json!(["a@x.lv", "b@y.lv"])
            ),
            "a@x.lv, b@y.lv"
        );
        assert_eq!(
            value_text(
                Locale::En,
                "value",
                &serde_json::json!({"minor": 125050, "currency": "EUR"})
            ),
            "1250.50 EUR"
        );
        assert_eq!(
            value_text(Locale::En, "archived", &Value::Bool(true)),
            "Yes"
        );
    }

    #[test]
    fn the_same_change_in_both_tabs_is_no_conflict() {
        let mut c = conflict();
        c.mine = c.theirs.clone();
        c.mine.rev = 4;
        assert!(c.is_same());
        assert!(!conflict().is_same());
    }

    #[test]
    fn keep_mine_applies_my_changes_onto_theirs_at_their_revision() {
        let c = conflict();
        let kept = c.keep_mine().unwrap();
        assert_eq!(kept.name, "Acme Steel (tab A)", "my name wins");
        assert_eq!(kept.address.city, "Jelgava", "my city");
        assert_eq!(
            kept.grade,
            Some(crate::domain::account::Grade::A),
            "the other tab's grade, which I did not touch, is kept"
        );
        assert_eq!(kept.meta(), c.theirs.meta(), "based on theirs: rev 5");
        // Saved as an update of rev 5, it becomes rev 6: never back to 5 or below.
        let next = kept.meta().next(Utc::now()).unwrap();
        assert_eq!(next.rev, c.theirs.rev + 1);
        assert!(next.updated_at >= c.theirs.updated_at);
    }

    #[test]
    fn keep_mine_is_accepted_by_the_store_where_the_stale_save_was_refused() {
        futures::executor::block_on(async {
            let c = conflict();
            let store = MemoryBackend::new(["accounts"]);
            let mut b = Batch::new();
            b.put_record(&c.theirs, None);
            store.commit(&b).await.unwrap();
            // The stale save (mine at rev 5, based on rev 4) is refused…
            let mut stale = c.mine.clone();
            stale.set_meta(c.mine.meta().next(Utc::now()).unwrap());
            let mut b = Batch::new();
            b.put_record(&stale, Some(c.base.rev));
            assert!(matches!(
                store.commit(&b).await,
                Err(crate::store::StoreError::Stale {
                    stored_rev: Some(5),
                    ..
                })
            ));
            // …keep mine, saved as the next revision of theirs, is not.
            let kept = c.keep_mine().unwrap();
            let mut saved = kept.clone();
            saved.set_meta(kept.meta().next(Utc::now()).unwrap());
            let mut b = Batch::new();
            b.put_record(&saved, Some(kept.rev()));
            store.commit(&b).await.unwrap();
            let raw = store
                .get_raw("accounts", c.theirs.id)
                .await
                .unwrap()
                .unwrap();
            let stored: Account = serde_json::from_str(&raw).unwrap();
            assert_eq!(stored.rev, 6);
            assert_eq!(stored.name, "Acme Steel (tab A)");
        });
    }

    #[test]
    fn the_title_names_the_kind_and_the_time_of_the_other_change() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 2)
            .unwrap()
            .and_hms_opt(14, 2, 30)
            .unwrap();
        let today = at.date();
        assert_eq!(
            title_text(Locale::En, "accounts", at, today),
            "This account was changed in another tab at 14:02."
        );
        assert_eq!(
            title_text(Locale::Es, "accounts", at, today),
            "Esta cuenta se modificó en otra pestaña a las 14:02."
        );
        assert_eq!(
            title_text(Locale::En, "contacts", at, today.succ_opt().unwrap()),
            "This person was changed in another tab on 2026-03-02 14:02."
        );
        assert_eq!(
            title_text(Locale::En, "unknown", at, today),
            "This record was changed in another tab at 14:02."
        );
    }

    #[test]
    fn take_theirs_is_the_newer_version_as_stored() {
        let c = conflict();
        let t = c.take_theirs();
        assert_eq!(t, c.theirs);
        assert_eq!(t.name, "Acme Steel (tab B)");
        assert_eq!(t.rev, 5);
    }

    #[test]
    fn copy_mine_lists_my_typed_changes_with_labels() {
        let text = conflict().mine_as_text(Locale::En);
        let lines: Vec<_> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].contains("Acme Steel (tab A)"), "{text}");
        assert_eq!(lines[1], "Name: Acme Steel (tab A)");
        assert_eq!(lines[2], "City: Jelgava");
    }

    #[test]
    fn rebase_merges_groups_part_by_part() {
        let base = serde_json::json!({"a": {"x": 1, "y": 1}, "l": [1], "n": "b"});
        let mine = serde_json::json!({"a": {"x": 2, "y": 1}, "l": [1], "n": "b"});
        let theirs = serde_json::json!({"a": {"x": 1, "y": 3}, "l": [1, 2], "n": "t", "z": 1});
        assert_eq!(
            rebase(&base, &mine, &theirs),
            serde_json::json!({"a": {"x": 2, "y": 3}, "l": [1, 2], "n": "t", "z": 1})
        );
    }
}
