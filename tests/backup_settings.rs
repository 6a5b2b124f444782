//! The work settings in backups, natively with the memory backend and the app's real kinds:
//! the round trip through the file, schema 1 → 2, the fixtures, refusals in words, the import
//! preview, both import modes, "Undo import", and the move out of `localStorage`.

use chrono::{DateTime, TimeZone, Utc};
use serde_json::{json, Value};
use sha2::Digest as _;
use sixstep::domain::ids::Id;
use sixstep::domain::money::{Currency, Money};
use sixstep::i18n::{render, Locale};
use sixstep::store::backend::Op;
use sixstep::store::settings::{
    merge_stored, FirmProfile, DEFAULT_STUCK_DAYS, DEFAULT_TARGET_BP, MAX_CREDENTIAL,
};
use sixstep::store::*;
use std::future::Future;
use std::path::Path;

fn run<F: Future>(f: F) -> F::Output {
    futures::executor::block_on(f)
}

fn sha(bytes: &[u8]) -> String {
    format!("{:x}", sha2::Sha256::digest(bytes))
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap()
}

const MAX: usize = 10_000_000;

fn eur(minor: i64) -> Money {
    Money::new(minor, Currency::parse("EUR").unwrap())
}

fn fixture(version: u32) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/schema_v{version}.json"));
    std::fs::read_to_string(path).unwrap()
}

fn parse(text: &str) -> Result<ParsedBackup, ImportError> {
    run(parse_backup(text, &sha, &registry::app_kinds(), MAX, now()))
}

/// The settings of `schema_v2.json` (the real book's, in `tests/store.rs`).
fn fixture_settings() -> WorkSettings {
    WorkSettings {
        gift_limit: Some(eur(7_500)),
        stuck_days: 45,
        new_customer_target_bp: 2_500,
        // Settings that came after schema 2 keep their defaults.
        ..WorkSettings::default()
    }
}

/// The settings `schema_v2.json` holds: those that existed in schema 2.
fn v2_patch() -> SettingsPatch {
    let all = fixture_settings().all();
    SettingsPatch {
        values: all.values.into_iter().take(3).collect(),
    }
}

/// What a store holding `mine()` holds after importing `schema_v2.json`: the file's
/// settings, and this browser's value of each setting the file lacks.
fn mine_after_v2() -> WorkSettings {
    let mut s = mine();
    s.apply(&v2_patch());
    s
}

/// Settings of "this browser", different from the fixture's in every setting.
fn mine() -> WorkSettings {
    WorkSettings {
        gift_limit: Some(Money::new(2_000, Currency::parse("USD").unwrap())),
        stuck_days: 10,
        new_customer_target_bp: 4_000,
        discount_limit_bp: Some(1_500),
        firm: FirmProfile {
            name: "Ventas Norte SL".into(),
            logo: "data:image/png;base64,iVBORw0KGgo=".into(),
            licence: "Licence B-12345678".into(),
            profile: "Forty years of industrial sensors.".into(),
            products: "Sensors, gateways, service.".into(),
        },
        satisfaction: sixstep::domain::followup::Cadence {
            call_days: 10,
            request_days: 20,
        },
        collection: sixstep::domain::receivable::CollectionThresholds {
            large_units: 2_500,
            long_days: 60,
        },
        cumulative_discount: vec![sixstep::domain::purchase::DiscountTier {
            from_units: 1_000,
            bp: 100,
        }],
    }
}

fn values(b: &MemoryBackend) -> RecordsByKind {
    run(b.load_all())
        .unwrap()
        .into_iter()
        .map(|(k, v)| {
            let recs = v
                .into_iter()
                .map(|(_, j)| serde_json::from_str(&j).unwrap())
                .collect();
            (k, recs)
        })
        .collect()
}

fn stored_settings(b: &MemoryBackend) -> WorkSettings {
    WorkSettings::from_stored(run(b.get_meta(META_SETTINGS)).unwrap().as_deref())
}

/// A store laid out as the app's, holding the v1 fixture's records and `settings`.
fn store_with(settings: &WorkSettings) -> MemoryBackend {
    let b = MemoryBackend::new(registry::app_kinds().names());
    run(open(&b, now())).unwrap();
    run(b.set_meta(META_SETTINGS, &settings.to_json())).unwrap();
    let parsed = parse(&fixture(1)).unwrap();
    import(&b, &parsed, ImportMode::Replace, 1);
    b
}

/// Imports the way the app does (preview, plan, commit); returns the snapshot id.
fn import(b: &MemoryBackend, parsed: &ParsedBackup, mode: ImportMode, n: u128) -> Id {
    let current = values(b);
    let snap = SnapshotHeader {
        id: Id::from_u128(0x5157_0000_0000_4000_8000_0000_0000_f000 | n),
        label: format!("import {n}"),
        created_at: now(),
    };
    let id = snap.id;
    run(b.commit(&plan_import(parsed, &current, mode, snap))).unwrap();
    id
}

/// The envelope of `text` with `payload.settings` replaced by `settings` (`None`: removed),
/// sealed again (checksum of the edited payload), so only the intended change remains.
fn with_settings(text: &str, settings: Option<Value>) -> String {
    let mut env: Value = serde_json::from_str(text).unwrap();
    match settings {
        Some(s) => env["payload"]["settings"] = s,
        None => {
            env["payload"].as_object_mut().unwrap().remove("settings");
        }
    }
    let sum = sha(canonical_json(&env["payload"]).as_bytes());
    env["checksum"]["value"] = Value::from(sum);
    serde_json::to_string_pretty(&env).unwrap()
}

fn english(e: &ImportError) -> String {
    render(Locale::En, &e.message())
}

// ---------------------------------------------------------------------------------------

#[test]
fn settings_round_trip_in_the_envelope_byte_for_byte() {
    let records = parse(&fixture(1)).unwrap().records;
    let text = run(export_with_settings(
        &records,
        &mine(),
        "0.2.0",
        now(),
        &sha,
    ));
    let env: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(env["schema_version"], CURRENT_SCHEMA);
    assert_eq!(
        env["payload"]["settings"],
        json!({
            "discount_limit_bp": 1500,
            "firm_licence": "Licence B-12345678",
            "firm_logo": "data:image/png;base64,iVBORw0KGgo=",
            "firm_name": "Ventas Norte SL",
            "firm_products": "Sensors, gateways, service.",
            "firm_profile": "Forty years of industrial sensors.",
            "gift_limit": {"currency": "USD", "minor": 2000},
            "new_customer_target_bp": 4000,
            "stuck_days": 10,
            "satisfaction_call_days": 10,
            "satisfaction_request_days": 20,
            "collection_large_units": 2500,
            "collection_long_days": 60,
            "cumulative_discount": [{"from_units": 1000, "bp": 100}]
        })
    );
    // Settings are not records: the counts do not count them.
    assert!(env["counts"].get("settings").is_none());
    let parsed = parse(&text).unwrap();
    assert_eq!(parsed.settings, Some(mine().all()));
    assert_eq!(parsed.records, records);
    // The file written from what was read is the same file.
    let mut back = WorkSettings::default();
    back.apply(parsed.settings.as_ref().unwrap());
    let again = run(export_with_settings(
        &parsed.records,
        &back,
        "0.2.0",
        now(),
        &sha,
    ));
    assert_eq!(again, text);
    // The export from stored texts is the same file too.
    let b = store_with(&mine());
    let (stored, _) = run(export_loaded_with_settings(
        &run(b.load_all()).unwrap(),
        &stored_settings(&b),
        "0.2.0",
        now(),
        &sha,
    ));
    assert_eq!(stored, text);
    // Re-indented (the general, non-scanning path): the same settings.
    let pretty = serde_json::to_string_pretty(&env).unwrap();
    assert_eq!(parse(&pretty).unwrap().settings, Some(mine().all()));
    // Members out of key order (a hand-edited file): the checksum is over the canonical form,
    // so the file still reads, with the same settings.
    let mut reordered = serde_json::Map::new();
    reordered.insert("settings".into(), env["payload"]["settings"].clone());
    for (k, v) in env["payload"].as_object().unwrap() {
        if k != "settings" {
            reordered.insert(k.clone(), v.clone());
        }
    }
    let mut env2 = env.clone();
    env2["payload"] = Value::Object(reordered);
    assert_eq!(
        parse(&serde_json::to_string(&env2).unwrap())
            .unwrap()
            .settings,
        Some(mine().all())
    );
}

#[test]
fn export_clear_import_export_keeps_the_settings() {
    let b = store_with(&mine());
    let first = run(export_loaded_with_settings(
        &run(b.load_all()).unwrap(),
        &stored_settings(&b),
        "0.2.0",
        now(),
        &sha,
    ))
    .0;
    // A new browser: an empty store with the default settings.
    let fresh = MemoryBackend::new(registry::app_kinds().names());
    run(open(&fresh, now())).unwrap();
    run(fresh.set_meta(META_SETTINGS, &WorkSettings::default().to_json())).unwrap();
    import(&fresh, &parse(&first).unwrap(), ImportMode::Replace, 2);
    assert_eq!(stored_settings(&fresh), mine());
    let second = run(export_loaded_with_settings(
        &run(fresh.load_all()).unwrap(),
        &stored_settings(&fresh),
        "0.2.0",
        now(),
        &sha,
    ))
    .0;
    assert_eq!(second, first);
}

#[test]
fn a_v1_file_migrates_to_the_current_schema_and_keeps_the_current_settings() {
    // The steps (1 → 2 → … → 8) leave the records as they are.
    let v1 = parse(&fixture(1)).unwrap();
    let mut data = v1.records.clone();
    assert_eq!(migrate(1, &mut data), Ok(7));
    assert_eq!(data, v1.records);
    assert_eq!(CURRENT_SCHEMA, 8);
    // The v1 fixture: migrated seven steps, no settings in it.
    assert_eq!((v1.schema_version, v1.migrated_steps), (1, 7));
    assert_eq!(v1.settings, None);
    let b = store_with(&mine());
    let p = preview_settings(&v1, &stored_settings(&b));
    assert!(p.is_empty());
    for (n, mode) in [(3, ImportMode::Replace), (4, ImportMode::Merge)] {
        import(&b, &v1, mode, n);
        assert_eq!(stored_settings(&b), mine(), "{mode:?}");
    }
}

#[test]
fn the_v2_fixture_reads_back_with_its_settings() {
    let v2 = parse(&fixture(2)).unwrap();
    assert_eq!((v2.schema_version, v2.migrated_steps), (2, 6));
    assert_eq!(v2.settings, Some(v2_patch()));
    // The same records as the v1 fixture: schema 2 changed no record.
    assert_eq!(v2.records, parse(&fixture(1)).unwrap().records);
    let b = store_with(&mine());
    import(&b, &v2, ImportMode::Replace, 5);
    assert_eq!(stored_settings(&b), mine_after_v2());
}

#[test]
fn invalid_settings_are_refused_in_words_with_their_place() {
    let good = fixture(2);
    let base = || fixture_settings().all().to_json();
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(&base()).unwrap();
        f(&mut v);
        with_settings(&good, Some(v))
    };
    let cases: Vec<(&str, String, &str, &str)> = vec![
        (
            "zero days",
            edit(&|v| v["stuck_days"] = json!(0)),
            "payload.settings.stuck_days",
            "Setting “Days before a deal counts as stuck”: The number of days must be a whole number from 1 to 3650; the file has 0. Place in the file: payload.settings.stuck_days. Nothing was imported.",
        ),
        (
            "too many days",
            edit(&|v| v["stuck_days"] = json!(4000)),
            "payload.settings.stuck_days",
            "the file has 4000.",
        ),
        (
            "negative days",
            edit(&|v| v["stuck_days"] = json!(-3)),
            "payload.settings.stuck_days",
            "the file has -3.",
        ),
        (
            "days with decimals",
            edit(&|v| v["stuck_days"] = json!(1.5)),
            "payload.settings.stuck_days",
            "Expected a whole number, found a number with decimals.",
        ),
        (
            "days as text",
            edit(&|v| v["stuck_days"] = json!("30")),
            "payload.settings.stuck_days",
            "Expected a whole number, found a text.",
        ),
        (
            "target above 100 %",
            edit(&|v| v["new_customer_target_bp"] = json!(10_001)),
            "payload.settings.new_customer_target_bp",
            "Setting “Target share of won value from new customers”: The share must be from 0 to 100% (0 to 10000 in the file); the file has 10001.",
        ),
        (
            "discount limit above 100 %",
            edit(&|v| v["discount_limit_bp"] = json!(10_001)),
            "payload.settings.discount_limit_bp",
            "Setting “Largest line discount without a flag”: The discount limit must be from 0 to 100% (0 to 10000 in the file), or null for no limit; the file has 10001.",
        ),
        (
            "firm name as a number",
            edit(&|v| v["firm_name"] = json!(7)),
            "payload.settings.firm_name",
            "Setting “Firm name on proposals”: Expected a text, found a number with decimals.",
        ),
        (
            "company profile too long",
            edit(&|v| v["firm_profile"] = json!("x".repeat(MAX_CREDENTIAL + 1))),
            "payload.settings.firm_profile",
            "At most 20000 characters; this one has 20001.",
        ),
        (
            "a logo that is not an image",
            edit(&|v| v["firm_logo"] = json!("javascript:alert(1)")),
            "payload.settings.firm_logo",
            "The logo must be a PNG, JPEG, WebP, GIF or SVG image",
        ),
        (
            "negative gift limit",
            edit(&|v| v["gift_limit"]["minor"] = json!(-1)),
            "payload.settings.gift_limit.minor",
            "Setting “Gift limit”: The limit cannot be negative. Place in the file: payload.settings.gift_limit.minor.",
        ),
        (
            "gift limit in a bad currency",
            edit(&|v| v["gift_limit"]["currency"] = json!("euro")),
            "payload.settings.gift_limit.currency",
            "“euro” is not a currency code",
        ),
        (
            "gift limit as text",
            edit(&|v| v["gift_limit"] = json!("50 EUR")),
            "payload.settings.gift_limit",
            "Expected an amount in minor units with a three-letter currency code, or null for no limit.",
        ),
        (
            "gift limit with decimals",
            edit(&|v| v["gift_limit"]["minor"] = json!(10.5)),
            "payload.settings.gift_limit.minor",
            "Expected a whole number, found a number with decimals.",
        ),
    ];
    let b = store_with(&mine());
    let before = b.dump();
    for (name, text, path, words) in &cases {
        let e = parse(text).unwrap_err();
        assert_eq!(e.key(), "store.import.invalid_setting", "{name}: {e:?}");
        assert_eq!(e.message().get("path"), Some(*path), "{name}");
        let said = english(&e);
        assert!(said.contains(words), "{name}: {said}");
        assert!(
            !said.contains('{'),
            "{name}: unfilled placeholder in {said}"
        );
        assert!(
            !render(Locale::Es, &e.message()).contains('{'),
            "{name}: Spanish"
        );
    }
    // An unknown setting is refused like an unknown kind; so is a list instead of an object.
    let unknown = edit(&|v| v["call_cadence_days"] = json!(14));
    let e = parse(&unknown).unwrap_err();
    assert_eq!(
        english(&e),
        "The backup contains a setting “call_cadence_days”, which this version of Sixstep does not know. Nothing was imported."
    );
    let e = parse(&with_settings(&good, Some(json!([1, 2])))).unwrap_err();
    assert_eq!(
        english(&e),
        "In the backup, “payload.settings” should be an object of settings. Nothing was imported."
    );
    // Nothing was written by any refusal (the app parses before it plans).
    assert_eq!(b.dump(), before);
}

#[test]
fn the_preview_lists_each_changed_setting_old_and_new() {
    let b = store_with(&mine());
    // The file differs in the stuck days and the gift limit, not in the target.
    let mut theirs = mine();
    theirs.stuck_days = 60;
    theirs.gift_limit = None;
    let text = run(export_with_settings(
        &values(&b),
        &theirs,
        "0.2.0",
        now(),
        &sha,
    ));
    let parsed = parse(&text).unwrap();
    let changes = preview_settings(&parsed, &stored_settings(&b));
    assert_eq!(
        changes,
        vec![
            SettingChange {
                from: Setting::GiftLimit(mine().gift_limit),
                to: Setting::GiftLimit(None),
            },
            SettingChange {
                from: Setting::StuckDays(10),
                to: Setting::StuckDays(60),
            },
        ]
    );
    // The records are all unchanged: the settings alone make the import do something.
    let mut p = preview(&parsed, &values(&b));
    assert!(p.is_noop(ImportMode::Merge) && p.is_noop(ImportMode::Replace));
    p.settings = changes;
    assert!(!p.is_noop(ImportMode::Merge) && !p.is_noop(ImportMode::Replace));
    // Same settings: nothing listed.
    let same = run(export_with_settings(
        &values(&b),
        &mine(),
        "0.2.0",
        now(),
        &sha,
    ));
    assert!(preview_settings(&parse(&same).unwrap(), &mine()).is_empty());
}

#[test]
fn both_modes_take_the_files_settings_and_keep_those_it_lacks() {
    for (n, mode) in [(6, ImportMode::Replace), (7, ImportMode::Merge)] {
        let b = store_with(&mine());
        import(&b, &parse(&fixture(2)).unwrap(), mode, n);
        assert_eq!(stored_settings(&b), mine_after_v2(), "{mode:?}");
        // A file holding only the stuck days: the other settings stay as they are.
        let b = store_with(&mine());
        let only = with_settings(&fixture(2), Some(json!({"stuck_days": 99})));
        import(&b, &parse(&only).unwrap(), mode, n + 10);
        let mut expected = mine();
        expected.stuck_days = 99;
        assert_eq!(stored_settings(&b), expected, "{mode:?}");
    }
    // A file without settings: nothing about them is written.
    let b = store_with(&mine());
    let none = parse(&with_settings(&fixture(2), None)).unwrap();
    assert_eq!(none.settings, None);
    let plan = plan_import(
        &none,
        &values(&b),
        ImportMode::Merge,
        SnapshotHeader {
            id: Id::nil(),
            label: "x".into(),
            created_at: now(),
        },
    );
    assert!(!plan.ops.iter().any(|op| matches!(op, Op::ApplySettings(_))));
}

#[test]
fn undo_import_brings_back_the_previous_settings_and_says_what_it_holds() {
    let b = store_with(&mine());
    let before = b.dump();
    let snap = import(&b, &parse(&fixture(2)).unwrap(), ImportMode::Replace, 8);
    assert_eq!(stored_settings(&b), mine_after_v2());
    // The snapshot says what undo brings back: the counts and the settings.
    let info = run(b.list_snapshots())
        .unwrap()
        .into_iter()
        .find(|s| s.id == snap)
        .unwrap();
    assert_eq!(info.counts["accounts"], 3);
    assert_eq!(info.counts["contacts"], 3);
    assert_eq!(info.settings, Some(mine().to_json()));
    // A setting changed after the import is lost by the undo, as the dialog says.
    let mut later = sixstep::store::backend::Batch::new();
    later.push(Op::ApplySettings(SettingsPatch {
        values: vec![Setting::NewCustomerTarget(0)],
    }));
    run(b.commit(&later)).unwrap();
    run(b.commit(&undo_import(snap))).unwrap();
    let after = b.dump();
    assert_eq!(stored_settings(&b), mine());
    assert_eq!(after.records, before.records);
    assert_eq!(after.meta, before.meta);
}

#[test]
fn a_snapshot_from_before_settings_were_stored_leaves_them_as_they_are() {
    // A snapshot written by the schema 1 app has no `settings` field.
    let old: sixstep::store::backend::SnapshotInfo = serde_json::from_value(json!({
        "id": Id::nil(), "label": "old", "created_at": now(), "counts": {}, "schema_version": 1
    }))
    .unwrap();
    assert_eq!(old.settings, None);
    let text = serde_json::to_string(&old).unwrap();
    assert!(!text.contains("settings"), "{text}");
}

#[test]
fn settings_move_out_of_local_storage_once_with_the_old_rules() {
    assert_eq!(
        WorkSettings::from_legacy(
            Some(r#"{"minor":5000,"currency":"EUR"}"#),
            Some("1000"),
            Some("1250")
        ),
        WorkSettings {
            gift_limit: Some(eur(5_000)),
            stuck_days: 1000,
            new_customer_target_bp: 1250,
            ..WorkSettings::default()
        }
    );
    // Missing or out of range: the default, as the old readers did.
    let d = WorkSettings::from_legacy(None, Some("0"), Some("15000"));
    assert_eq!(d, WorkSettings::default());
    assert_eq!(
        (d.gift_limit, d.stuck_days, d.new_customer_target_bp),
        (None, DEFAULT_STUCK_DAYS, DEFAULT_TARGET_BP)
    );
    let junk = WorkSettings::from_legacy(Some("not json"), Some("\"x\""), Some("-1"));
    assert_eq!(junk, WorkSettings::default());
    // A damaged stored value falls back setting by setting.
    let s = WorkSettings::from_stored(Some(r#"{"stuck_days":0,"new_customer_target_bp":500}"#));
    assert_eq!((s.stuck_days, s.new_customer_target_bp), (30, 500));
    assert_eq!(
        merge_stored(None, &SettingsPatch::default()),
        WorkSettings::default().to_json()
    );
}

#[test]
fn every_new_message_is_in_every_catalogue() {
    let keys = [
        "store.import.invalid_setting",
        "store.import.unknown_setting",
        "backup_settings.undo.confirm",
        "backup_settings.undo.confirm_records",
        "backup_settings.preview.caption",
        "backup_settings.preview.rule",
        "backup_settings.value.days",
    ];
    for key in keys
        .iter()
        .copied()
        .chain(SettingKey::ALL.iter().map(|k| k.label_key()))
    {
        for l in Locale::ALL {
            assert!(l.catalogue().get(key).is_some(), "{}: {key}", l.tag());
        }
    }
    for kind in registry::app_kinds().names() {
        for l in Locale::ALL {
            // The other form, and one per plural category the language has.
            for n in l.plural_forms().iter().chain(&["other"]) {
                let key = format!("backup_settings.count.{kind}.{n}");
                assert!(l.catalogue().get(&key).is_some(), "{}: {key}", l.tag());
            }
        }
    }
}
