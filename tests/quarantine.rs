//! Native tests of acting on quarantined records (Settings → Data health) with the memory
//! backend and the app's real record kinds: restore after a fix, refusals that change
//! nothing, export of one entry, discard and undo.

use chrono::{DateTime, TimeZone, Utc};
use serde_json::{json, Value};
use sixstep::domain::agenda::Task;
use sixstep::domain::ids::Id;
use sixstep::store::backend::{export_quarantine, quarantine_key, Op};
use sixstep::store::quarantine::{
    discard, discard_batch, editable_text, export_file_name, plan_restore, restore, undo_discard,
    undo_discard_batch, QuarantineError,
};
use sixstep::store::registry::app_kinds;
use sixstep::store::*;
use std::future::Future;

fn run<F: Future>(f: F) -> F::Output {
    futures::executor::block_on(f)
}

fn t(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

fn uid(n: u128) -> Id {
    Id::from_u128(0x5157_0000_0000_4000_8000_0000_0000_0000 | n)
}

fn backend() -> MemoryBackend {
    let kinds = app_kinds();
    MemoryBackend::new(kinds.names())
}

/// A valid task record as JSON.
fn task_json(id: Id, title: &str) -> Value {
    json!({
        "id": id,
        "created_at": "2026-11-01T09:00:00Z",
        "updated_at": "2026-11-01T09:00:00Z",
        "rev": 2,
        "title": title,
        "due_date": "2026-11-20",
    })
}

/// A backend holding, in quarantine, the task `uid(1)` (a number as its title) and the
/// task `uid(2)` (not JSON at all), set aside the way start-up does it.
fn with_quarantine() -> MemoryBackend {
    let b = backend();
    let mut broken = task_json(uid(1), "x");
    broken["title"] = json!(42);
    b.insert_raw("tasks", uid(1), &broken.to_string());
    b.insert_raw("tasks", uid(2), "{not json");
    let mut loaded = run(b.load_all()).unwrap();
    let decoded = decode_kind::<Task>(loaded.remove("tasks").unwrap(), t(2, 8));
    assert!(decoded.records.is_empty());
    assert_eq!(decoded.corrupt.len(), 2);
    run(b.commit(&quarantine_batch(decoded.corrupt))).unwrap();
    assert!(run(b.load_all()).unwrap()["tasks"].is_empty());
    b
}

fn entry(b: &MemoryBackend, n: u128) -> sixstep::store::QuarantineEntry {
    run(b.list_quarantine())
        .unwrap()
        .into_iter()
        .find(|e| e.key == uid(n).to_string())
        .expect("the entry is in quarantine")
}

#[test]
fn restoring_a_fixed_entry_puts_the_record_and_removes_the_entry_in_one_batch() {
    let b = with_quarantine();
    let e = entry(&b, 1);
    let fixed = task_json(uid(1), "Call back Ana").to_string();

    // The batch: a create of the record and the entry out of quarantine, nothing else.
    let plan = plan_restore(&app_kinds(), &e, &fixed, None, t(3, 9)).unwrap();
    assert_eq!(plan.id, uid(1));
    assert_eq!(plan.batch.ops.len(), 2);
    match &plan.batch.ops[0] {
        Op::Put {
            kind,
            id,
            base_rev,
            json,
        } => {
            assert_eq!((kind.as_str(), *id, *base_rev), ("tasks", uid(1), None));
            assert_eq!(canonical_json(&plan.record), *json);
        }
        op => panic!("expected a put, got {op:?}"),
    }
    assert_eq!(
        plan.batch.ops[1],
        Op::Unquarantine {
            kind: "tasks".into(),
            key: uid(1).to_string()
        }
    );
    assert_eq!(
        plan.batch.stores(&app_kinds().names().collect::<Vec<_>>()),
        vec!["tasks", "quarantine"]
    );

    let commits = b.commits();
    let restored = run(restore(&b, &app_kinds(), &e, &fixed, t(3, 9))).unwrap();
    assert_eq!(b.commits(), commits + 1, "one transaction");
    assert_eq!(restored.batch, plan.batch);

    // The record is stored, readable as a task, marked as changed at the restore…
    let stored = b.dump().records["tasks"][&uid(1).to_string()].clone();
    let task: Task = serde_json::from_str(&stored).unwrap();
    assert_eq!(task.title, "Call back Ana");
    assert_eq!(task.rev, 3);
    assert_eq!(task.updated_at, t(3, 9));
    assert_eq!(task.created_at, t(1, 9));
    let mut loaded = run(b.load_all()).unwrap();
    let decoded = decode_kind::<Task>(loaded.remove("tasks").unwrap(), t(3, 10));
    assert_eq!(decoded.records.len(), 1);
    assert!(decoded.corrupt.is_empty());
    // …and only the other entry is left in quarantine.
    let left = run(b.list_quarantine()).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].key, uid(2).to_string());
}

#[test]
fn an_id_that_differs_from_the_key_is_refused_and_changes_nothing() {
    let b = with_quarantine();
    let e = entry(&b, 1);
    let before = b.dump();
    let commits = b.commits();
    let other = task_json(uid(9), "Call back Ana").to_string();
    let err = run(restore(&b, &app_kinds(), &e, &other, t(3, 9))).unwrap_err();
    assert_eq!(
        err,
        QuarantineError::KeyMismatch {
            id: uid(9).to_string(),
            key: uid(1).to_string()
        }
    );
    assert_eq!(err.message().key, "health.error.key_mismatch");
    assert_eq!(err.message().get("key"), Some(uid(1).to_string().as_str()));
    assert_eq!(b.dump(), before);
    assert_eq!(b.commits(), commits);

    // The same id in capitals is the same id.
    let upper = task_json(uid(1), "Call back Ana")
        .to_string()
        .replace(&uid(1).to_string(), &uid(1).to_string().to_uppercase());
    assert!(plan_restore(&app_kinds(), &e, &upper, None, t(3, 9)).is_ok());
}

#[test]
fn an_existing_record_with_that_id_is_refused_and_changes_nothing() {
    let b = with_quarantine();
    let e = entry(&b, 1);
    // Meanwhile a record with that id came back (an import, say).
    let live = task_json(uid(1), "Imported meanwhile");
    b.insert_raw("tasks", uid(1), &live.to_string());
    let before = b.dump();
    let commits = b.commits();
    let fixed = task_json(uid(1), "Call back Ana").to_string();
    let err = run(restore(&b, &app_kinds(), &e, &fixed, t(3, 9))).unwrap_err();
    assert_eq!(
        err,
        QuarantineError::Exists {
            kind: "tasks".into(),
            key: uid(1).to_string()
        }
    );
    assert_eq!(err.message().key, "health.error.exists");
    assert_eq!(b.dump(), before);
    assert_eq!(b.commits(), commits);

    // A batch planned before the record appeared is refused inside the transaction: the
    // put is a create, and the key is taken.
    let stale = plan_restore(&app_kinds(), &e, &fixed, None, t(3, 9)).unwrap();
    let err = run(b.commit(&stale.batch)).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Stale {
                stored_rev: Some(2),
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(b.dump(), before);
}

#[test]
fn text_that_is_not_json_or_not_a_valid_record_is_refused_with_the_reason() {
    let b = with_quarantine();
    let e = entry(&b, 1);
    let before = b.dump();

    let err = run(restore(&b, &app_kinds(), &e, "{\"id\": ", t(3, 9))).unwrap_err();
    assert!(
        matches!(err, QuarantineError::NotJson { line: 1, .. }),
        "{err:?}"
    );
    assert_eq!(err.message().key, "health.error.not_json");

    // Still a number as the title: refused at that exact path.
    let mut still = task_json(uid(1), "x");
    still["title"] = json!(42);
    let err = run(restore(&b, &app_kinds(), &e, &still.to_string(), t(3, 9))).unwrap_err();
    match &err {
        QuarantineError::Invalid(v) => assert_eq!(v.path, "title"),
        other => panic!("expected invalid, got {other:?}"),
    }
    assert!(err.message().key.starts_with("health.error.invalid"));
    assert_eq!(err.message().get("path"), Some("title"));

    // A missing required field, and bookkeeping the store needs.
    let mut no_date = task_json(uid(1), "Call back Ana");
    no_date.as_object_mut().unwrap().remove("due_date");
    let err = run(restore(&b, &app_kinds(), &e, &no_date.to_string(), t(3, 9))).unwrap_err();
    assert!(
        matches!(&err, QuarantineError::Invalid(v) if v.path == "due_date"),
        "{err:?}"
    );
    let mut rev0 = task_json(uid(1), "Call back Ana");
    rev0["rev"] = json!(0);
    let err = run(restore(&b, &app_kinds(), &e, &rev0.to_string(), t(3, 9))).unwrap_err();
    assert!(
        matches!(&err, QuarantineError::Invalid(v) if v.path == "rev"),
        "{err:?}"
    );
    let err = run(restore(&b, &app_kinds(), &e, "[1, 2]", t(3, 9))).unwrap_err();
    assert!(matches!(err, QuarantineError::Invalid(_)), "{err:?}");

    assert_eq!(b.dump(), before);
    assert_eq!(run(b.list_quarantine()).unwrap().len(), 2);
}

#[test]
fn an_entry_of_a_kind_the_app_does_not_store_cannot_be_restored() {
    let b = with_quarantine();
    let mut e = entry(&b, 1);
    e.kind = "journeys".into();
    let fixed = task_json(uid(1), "Call back Ana").to_string();
    let err = run(restore(&b, &app_kinds(), &e, &fixed, t(3, 9))).unwrap_err();
    assert_eq!(
        err,
        QuarantineError::UnknownKind {
            kind: "journeys".into()
        }
    );
    assert_eq!(err.message().key, "health.error.unknown_kind");
}

#[test]
fn discard_then_undo_gives_back_the_same_entry() {
    let b = with_quarantine();
    let e = entry(&b, 2);
    let before = b.dump();

    assert_eq!(
        discard_batch(&e).ops,
        vec![Op::Unquarantine {
            kind: "tasks".into(),
            key: uid(2).to_string()
        }]
    );
    let commits = b.commits();
    run(discard(&b, &e)).unwrap();
    assert_eq!(b.commits(), commits + 1);
    let after = b.dump();
    assert!(!after
        .quarantine
        .contains_key(&quarantine_key("tasks", &uid(2).to_string())));
    assert_eq!(after.quarantine.len(), 1);
    assert_eq!(after.records, before.records);

    assert_eq!(
        undo_discard_batch(&e, None).unwrap().ops,
        vec![Op::Quarantine(e.clone())]
    );
    run(undo_discard(&b, &app_kinds(), &e)).unwrap();
    assert_eq!(
        b.dump(),
        before,
        "everything as it was, the entry byte for byte"
    );
    assert_eq!(entry(&b, 2), e);
}

#[test]
fn an_entry_already_restored_or_discarded_elsewhere_is_refused() {
    let b = with_quarantine();
    let e1 = entry(&b, 1);
    let e2 = entry(&b, 2);
    // Another tab discards both first.
    run(discard(&b, &e1)).unwrap();
    run(discard(&b, &e2)).unwrap();
    let before = b.dump();

    let err = run(discard(&b, &e2)).unwrap_err();
    assert_eq!(
        err,
        QuarantineError::Store(StoreError::Stale {
            kind: "tasks".into(),
            id: uid(2),
            stored_rev: None
        })
    );
    // Restoring the discarded entry is refused as a whole: its record is not put either.
    let fixed = task_json(uid(1), "Call back Ana").to_string();
    let err = run(restore(&b, &app_kinds(), &e1, &fixed, t(3, 9))).unwrap_err();
    assert!(
        matches!(err, QuarantineError::Store(StoreError::Stale { .. })),
        "{err:?}"
    );
    assert_eq!(b.dump(), before);
}

#[test]
fn undo_of_a_discard_never_deletes_a_record_that_now_holds_the_key() {
    let b = with_quarantine();
    let e = entry(&b, 1);
    run(discard(&b, &e)).unwrap();
    b.insert_raw("tasks", uid(1), &task_json(uid(1), "Imported").to_string());
    let before = b.dump();
    let err = run(undo_discard(&b, &app_kinds(), &e)).unwrap_err();
    assert!(matches!(err, QuarantineError::Exists { .. }), "{err:?}");
    assert_eq!(b.dump(), before);
}

#[test]
fn one_entry_exports_alone_under_its_own_name() {
    let b = with_quarantine();
    let e = entry(&b, 2);
    assert_eq!(
        export_file_name(&e),
        format!("sixstep-quarantine-tasks-{}.json", uid(2))
    );
    let mut odd = e.clone();
    odd.key = "../a b".into();
    assert_eq!(
        export_file_name(&odd),
        "sixstep-quarantine-tasks-___a_b.json"
    );

    let text = export_quarantine(std::slice::from_ref(&e));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "sixstep-quarantine");
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["raw"], "{not json");
    assert_eq!(entries[0]["key"], uid(2).to_string());
}

#[test]
fn the_editor_shows_json_formatted_and_anything_else_as_stored() {
    assert_eq!(editable_text("{not json"), "{not json");
    let pretty = editable_text(r#"{"a":1,"b":[true]}"#);
    assert!(pretty.contains('\n'), "{pretty}");
    assert_eq!(
        serde_json::from_str::<Value>(&pretty).unwrap(),
        json!({"a": 1, "b": [true]})
    );
}

#[test]
fn every_refusal_has_words_in_every_language_with_its_placeholders_filled() {
    use sixstep::i18n::{placeholders, Locale};
    let reason = ValidationError::new("title", "invalid type: integer `42`, expected a string");
    let mut labelled = reason.clone();
    labelled.label = Some("data.kind.tasks");
    let all = [
        QuarantineError::UnknownKind {
            kind: "invoices".into(),
        },
        QuarantineError::NotJson {
            line: 1,
            column: 7,
            detail: "EOF".into(),
        },
        QuarantineError::Invalid(Box::new(reason)),
        QuarantineError::Invalid(Box::new(labelled)),
        QuarantineError::KeyMismatch {
            id: uid(9).to_string(),
            key: uid(1).to_string(),
        },
        QuarantineError::Exists {
            kind: "tasks".into(),
            key: uid(1).to_string(),
        },
    ];
    for e in all {
        let m = e.message();
        for &locale in Locale::ALL {
            let text = locale
                .catalogue()
                .get(m.key)
                .unwrap_or_else(|| panic!("{}: no text for {}", locale.tag(), m.key));
            for name in placeholders(text) {
                assert!(
                    m.get(name).is_some() || m.parts.iter().any(|(n, _)| *n == name),
                    "{}: {} has no value for {{{name}}}",
                    locale.tag(),
                    m.key
                );
            }
        }
    }
}

/// Loads the tasks store and decodes it the way start-up does.
fn decode_tasks(b: &MemoryBackend) -> Decoded<Task> {
    let mut loaded = run(b.load_all()).unwrap();
    decode_kind::<Task>(loaded.remove("tasks").unwrap(), t(3, 8))
}

#[test]
fn a_key_that_is_not_an_id_is_set_aside_under_that_very_key_once() {
    let b = backend();
    let text = task_json(uid(7), "Written by another program").to_string();
    b.insert_raw_key("tasks", "task-7", &text);
    // A good record under the nil id: what a lost key used to be mistaken for.
    b.insert_raw("tasks", Id::nil(), &task_json(Id::nil(), "Nil").to_string());
    let decoded = decode_tasks(&b);
    assert_eq!(decoded.corrupt.len(), 1);
    let entry = &decoded.corrupt[0];
    assert_eq!(entry.key, "task-7");
    assert_eq!(entry.raw, text, "the body is kept whole");
    assert!(entry.error.contains("not a record id"), "{}", entry.error);
    run(b.commit(&set_aside_batch(decoded.corrupt))).unwrap();
    let state = b.dump();
    assert_eq!(
        state.quarantine[&quarantine_key("tasks", "task-7")].raw,
        text
    );
    assert!(!state.records["tasks"].contains_key("task-7"));
    assert!(
        state.records["tasks"].contains_key(&Id::nil().to_string()),
        "no other record is touched"
    );
    // The next start finds nothing more to set aside: no entry set aside again and again.
    assert!(decode_tasks(&b).corrupt.is_empty());
}

#[test]
fn an_older_tab_never_moves_records_of_a_newer_schema() {
    let b = backend();
    run(b.set_meta(
        META_SCHEMA_VERSION,
        &(schema::CURRENT_SCHEMA + 1).to_string(),
    ))
    .unwrap();
    // A record of the newer shape that this version cannot read (a new kind of value).
    let mut newer = task_json(uid(8), "New shape");
    newer["priority"] = json!({ "new_kind": "urgent" });
    newer["due_date"] = json!({ "relative": "next week" });
    b.insert_raw("tasks", uid(8), &newer.to_string());
    let before = b.dump();
    let decoded = decode_tasks(&b);
    assert_eq!(decoded.corrupt.len(), 1);
    let refused = run(b.commit(&set_aside_batch(decoded.corrupt)));
    assert!(
        matches!(refused, Err(StoreError::NewerSchema { found, current })
            if found == schema::CURRENT_SCHEMA + 1 && current == schema::CURRENT_SCHEMA),
        "{refused:?}"
    );
    assert_eq!(b.dump(), before, "nothing moved, nothing deleted");
}

#[test]
fn a_store_of_this_schema_sets_unreadable_records_aside() {
    let b = backend();
    run(b.set_meta(META_SCHEMA_VERSION, &schema::CURRENT_SCHEMA.to_string())).unwrap();
    b.insert_raw("tasks", uid(9), "{not json");
    let decoded = decode_tasks(&b);
    run(b.commit(&set_aside_batch(decoded.corrupt))).unwrap();
    let state = b.dump();
    assert_eq!(
        state.quarantine[&quarantine_key("tasks", &uid(9).to_string())].raw,
        "{not json"
    );
    assert!(state.records["tasks"].is_empty());
}
