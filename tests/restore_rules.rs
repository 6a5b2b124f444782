//! Restore applies the same rules as the forms: a generated case per rule and kind, on the
//! real record types; revisions that cannot grow are refused; files that are not UTF-8 are
//! named for what they are; every refusal is in words, with its place in the file.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde_json::{json, Value};
use sha2::Digest as _;
use sixstep::domain::account::Account;
use sixstep::domain::activity::{Activity, ActivityFields, ActivityKind};
use sixstep::domain::agenda::{Due, Task};
use sixstep::domain::competitor::Competitor;
use sixstep::domain::contact::Contact;
use sixstep::domain::deal::Deal;
use sixstep::domain::ids::{Meta, Record};
use sixstep::domain::intel::{IntelKind, IntelNote};
use sixstep::domain::money::{Currency, Money};
use sixstep::domain::price::{PriceBreak, Quantity, Rate, UnitPrice};
use sixstep::domain::product::{CompetitorPrice, PriceChange, Product};
use sixstep::domain::proposal::{self, LineInput, Proposal};
use sixstep::domain::rules::{CheckContext, Checked, MAX_NAME, MAX_REV, MAX_TEXT};
use sixstep::i18n::{render, Locale};
use sixstep::store::backup::decode_file;
use sixstep::store::registry::app_kinds;
use sixstep::store::{export, parse_backup, ImportError, ParsedBackup, RecordsByKind};

fn sha(bytes: &[u8]) -> String {
    format!("{:x}", sha2::Sha256::digest(bytes))
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap()
}

fn run<F: std::future::Future>(f: F) -> F::Output {
    futures::executor::block_on(f)
}

fn value<T: serde::Serialize>(r: &T) -> Value {
    serde_json::to_value(r).unwrap()
}

/// A small valid book: one record of every kind, as the forms create them.
fn book() -> RecordsByKind {
    let t = now() - Duration::days(30);
    let account = Account::new("Nordmetal", t);
    let person = Contact::new(account.id, "Ilze Kalniņa", t);
    let mut deal = Deal::new(
        account.id,
        "Line 4 retrofit",
        Money::new(1_250_000, Currency::default()),
        t,
    );
    deal.expected_close = NaiveDate::from_ymd_opt(2027, 3, 31);
    let competitor = Competitor::new("Acme Drives", t);
    let note = IntelNote::new(
        IntelKind::PolicyChange,
        NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        "New tender rules",
        t,
    );
    let activity = Activity::new(
        ActivityFields {
            kind: ActivityKind::PhoneCall,
            exchange_format: None,
            at: t,
            contact_ids: vec![person.id],
            account_id: Some(account.id),
            deal_id: Some(deal.id),
            notes: "Asked about the shutdown dates".into(),
            outcome: String::new(),
            gift_value: None,
        },
        t,
    );
    let task = Task::new(
        "Send the reference list",
        Due {
            date: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
            time: None,
        },
        t,
    )
    .unwrap();
    let mut sensor = Product::new("Pressure sensor", UnitPrice(120_0000), t);
    sensor.category = "Sensors".into();
    sensor.cost = Some(UnitPrice(80_0000));
    sensor.tax_rate = Rate(2_100);
    sensor.price_breaks = vec![
        PriceBreak {
            min_qty: Quantity::units(10),
            unit_price: UnitPrice(110_0000),
        },
        PriceBreak {
            min_qty: Quantity::units(50),
            unit_price: UnitPrice(99_9950),
        },
    ];
    sensor.price_history = vec![PriceChange {
        date: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        old: UnitPrice(115_0000),
        new: UnitPrice(120_0000),
    }];
    sensor.competitor_prices = vec![CompetitorPrice {
        competitor_id: Some(competitor.id),
        competitor_name: "Acme Drives".into(),
        price: UnitPrice(118_0000),
        date: NaiveDate::from_ymd_opt(2026, 10, 20).unwrap(),
        source: "their web shop".into(),
    }];
    let mut offer = Proposal::for_deal(&deal, t);
    let mut input = LineInput::from_product(&sensor);
    input.quantity = "4".into();
    let line =
        proposal::build_line(&input, Some(&sensor), None, sensor.id, &Currency::default()).unwrap();
    assert_eq!(line.quantity, Quantity::units(4));
    offer.content.lines.push(line);
    proposal::send(&mut offer, t, t.date_naive()).unwrap();
    let mut b = RecordsByKind::new();
    b.insert("products".into(), vec![value(&sensor)]);
    b.insert("proposals".into(), vec![value(&offer)]);
    b.insert("accounts".into(), vec![value(&account)]);
    b.insert("contacts".into(), vec![value(&person)]);
    b.insert("deals".into(), vec![value(&deal)]);
    b.insert("competitors".into(), vec![value(&competitor)]);
    b.insert("intel_notes".into(), vec![value(&note)]);
    b.insert("activities".into(), vec![value(&activity)]);
    b.insert("tasks".into(), vec![value(&task)]);
    b
}

fn file_of(records: &RecordsByKind) -> String {
    run(export(records, "0.1.0", now(), &sha))
}

fn parse_text(text: &str) -> Result<ParsedBackup, ImportError> {
    run(parse_backup(text, &sha, &app_kinds(), 60_000_000, now()))
}

fn parse(records: &RecordsByKind) -> Result<ParsedBackup, ImportError> {
    parse_text(&file_of(records))
}

/// The book with one change to the first record of `kind`.
fn changed(kind: &str, f: impl FnOnce(&mut Value)) -> RecordsByKind {
    let mut b = book();
    f(&mut b.get_mut(kind).unwrap()[0]);
    b
}

fn english(e: &ImportError) -> String {
    render(Locale::En, &e.message())
}

/// A backup carries the catalogue: every field of a product, its breaks, history and
/// competitors' prices come back as they were.
#[test]
fn a_backup_carries_products() {
    let b = book();
    let parsed = parse(&b).unwrap();
    let products = &parsed.records["products"];
    assert_eq!(products.len(), 1);
    let back: Product = serde_json::from_value(products[0].clone()).unwrap();
    let original: Product = serde_json::from_value(b["products"][0].clone()).unwrap();
    assert_eq!(back, original);
    assert_eq!(back.price_breaks.len(), 2);
    assert_eq!(back.price_history[0].new, UnitPrice(120_0000));
    assert!(app_kinds().names().any(|k| k == "products"));
    assert!(file_of(&b).contains("\"products\": ["));
}

#[test]
fn the_valid_book_restores_and_exports_byte_for_byte() {
    let text = file_of(&book());
    let parsed = parse_text(&text).unwrap();
    assert_eq!(file_of(&parsed.records), text);
}

/// A sent proposal version is frozen by the hash of its content: the same version with a
/// price changed in the file is refused, naming the place.
#[test]
fn an_edited_sent_proposal_in_a_file_is_refused() {
    let b = changed("proposals", |p| {
        p["content"]["lines"][0]["unit_price"] = json!(1_0000);
    });
    let e = parse(&b).unwrap_err();
    let text = english(&e);
    assert!(text.contains("proposals[0].sent.content_hash"), "{text}");
    assert!(
        text.contains("Version 1 was sent with other content"),
        "{text}"
    );
    // A proposal of a deal the file does not hold is refused too.
    let b = changed("proposals", |p| {
        p["deal_id"] = json!("00000000-0000-4000-8000-000000000001");
    });
    assert!(parse(&b).is_err());
}

/// Every rule a form applies, broken once per kind: refused at the exact path, and the
/// message names the record and the field in words.
#[test]
fn every_form_rule_is_applied_on_restore() {
    let long_name = "N".repeat(MAX_NAME + 1);
    let long_text = "t".repeat(MAX_TEXT + 1);
    #[allow(clippy::type_complexity)]
    let cases: Vec<(&str, Box<dyn Fn(&mut Value)>, &str, &[&str])> = vec![
        (
            "accounts",
            Box::new(|r| r["name"] = json!("")),
            "accounts[0].name",
            &["rule.required"],
        ),
        (
            "accounts",
            Box::new(|r| r["name"] = json!("   ")),
            "accounts[0].name",
            &["rule.required"],
        ),
        (
            "accounts",
            Box::new(move |r| r["name"] = json!(long_name.clone())),
            "accounts[0].name",
            &["rule.too_long"],
        ),
        (
            "accounts",
            Box::new(|r| r["emails"] = json!(["anna(at)example"])),
            "accounts[0].emails[0]",
            &["rule.invalid_email"],
        ),
        (
            "accounts",
            Box::new(|r| r["phones"] = json!(["call me"])),
            "accounts[0].phones[0]",
            &["rule.invalid_phone"],
        ),
        (
            "accounts",
            Box::new(|r| r["website"] = json!("not a site")),
            "accounts[0].website",
            &["rule.invalid_url"],
        ),
        (
            "accounts",
            Box::new(|r| r["customer_since"] = json!("0000-06-01")),
            "accounts[0].customer_since",
            &["rule.year"],
        ),
        (
            "accounts",
            Box::new(|r| r["customer_since"] = json!("-0001-06-01")),
            "accounts[0].customer_since",
            &["rule.year", "rule.invalid_date"],
        ),
        (
            "accounts",
            Box::new(|r| r["customer_since"] = json!("+10000-06-01")),
            "accounts[0].customer_since",
            &["rule.year", "rule.invalid_date"],
        ),
        (
            "accounts",
            Box::new(move |r| r["notes"] = json!(long_text.clone())),
            "accounts[0].notes",
            &["rule.too_long"],
        ),
        (
            "accounts",
            Box::new(|r| r["address"] = json!(42)),
            "accounts[0].address",
            &["rule.wrong_type"],
        ),
        (
            "contacts",
            Box::new(|r| r["name"] = json!("")),
            "contacts[0].name",
            &["rule.required"],
        ),
        (
            "contacts",
            Box::new(|r| r["emails"] = json!(["x@"])),
            "contacts[0].emails[0]",
            &["rule.invalid_email"],
        ),
        (
            "contacts",
            Box::new(|r| r["last_met"] = json!("0000-01-01")),
            "contacts[0].last_met",
            &["rule.year"],
        ),
        (
            "deals",
            Box::new(|r| r["title"] = json!(" ")),
            "deals[0].title",
            &["deal.error.title_required"],
        ),
        (
            "deals",
            Box::new(|r| r["value"]["minor"] = json!(-100)),
            "deals[0].value.minor",
            &["deal.error.value_negative"],
        ),
        (
            "deals",
            Box::new(|r| r["probability_override"] = json!(101)),
            "deals[0].probability_override",
            &["deal.error.probability_invalid", "rule.percent"],
        ),
        (
            "deals",
            Box::new(|r| r["expected_close"] = json!("0000-01-01")),
            "deals[0].expected_close",
            &["rule.year"],
        ),
        (
            "deals",
            Box::new(|r| r["expected_close"] = json!("+10000-01-01")),
            "deals[0].expected_close",
            &["rule.year", "deal.error.date_invalid"],
        ),
        (
            "deals",
            Box::new(|r| {
                r["checklist"] = json!([{"item": {"step": "customer_analysis", "number": 99}, "on": "2026-11-01"}])
            }),
            "deals[0].checklist[0].item.number",
            &["rule.checklist_item"],
        ),
        (
            "deals",
            Box::new(|r| {
                r["checklist"] = json!([{"item": {"step": "customer_analysis", "number": 0}, "on": "2026-11-01"}])
            }),
            "deals[0].checklist[0].item.number",
            &["rule.checklist_item"],
        ),
        (
            "deals",
            Box::new(|r| r["next_step"] = json!({"text": "  ", "due": "2026-12-02"})),
            "deals[0].next_step.text",
            &["rule.required"],
        ),
        (
            "competitors",
            Box::new(|r| r["name"] = json!("")),
            "competitors[0].name",
            &["rule.required"],
        ),
        (
            "competitors",
            Box::new(|r| r["website"] = json!("no site")),
            "competitors[0].website",
            &["rule.invalid_url"],
        ),
        (
            "intel_notes",
            Box::new(|r| r["title"] = json!("")),
            "intel_notes[0].title",
            &["rule.required"],
        ),
        (
            "intel_notes",
            Box::new(|r| r["date"] = json!("0000-01-01")),
            "intel_notes[0].date",
            &["rule.year"],
        ),
        (
            "tasks",
            Box::new(|r| r["title"] = json!("\t")),
            "tasks[0].title",
            &["rule.required"],
        ),
        (
            "tasks",
            Box::new(|r| r["due_date"] = json!("0000-01-01")),
            "tasks[0].due_date",
            &["rule.year"],
        ),
        (
            "activities",
            Box::new(|r| {
                r["kind"] = json!("small_gift");
                r["gift_value"] = json!({"minor": -500, "currency": "EUR"});
            }),
            "activities[0].gift_value.minor",
            &["activity.error.gift_value_negative"],
        ),
        (
            "activities",
            Box::new(|r| {
                r["contact_ids"] = json!([]);
                r["account_id"] = Value::Null;
            }),
            "activities[0].contact_ids",
            &["activity.error.no_person_or_account"],
        ),
        (
            "activities",
            Box::new(|r| r["at"] = json!("0000-01-01T10:00:00Z")),
            "activities[0].at",
            &["rule.year"],
        ),
        (
            "products",
            Box::new(|r| r["name"] = json!(" ")),
            "products[0].name",
            &["rule.required"],
        ),
        (
            "products",
            Box::new(|r| r["list_price"] = json!(-10_000)),
            "products[0].list_price",
            &["rule.out_of_range"],
        ),
        (
            "products",
            Box::new(|r| r["price_breaks"][1]["min_qty"] = json!(10_000)),
            "products[0].price_breaks[1]",
            &["product.error.break_quantity_not_increasing"],
        ),
        (
            "products",
            Box::new(|r| r["price_breaks"][0]["unit_price"] = json!(1_300_000)),
            "products[0].price_breaks[0]",
            &["product.error.break_price_not_falling"],
        ),
        (
            "products",
            Box::new(|r| r["price_breaks"][0]["min_qty"] = json!(1_000)),
            "products[0].price_breaks[0]",
            &["product.error.break_quantity_too_small"],
        ),
        (
            "products",
            Box::new(|r| r["weight"] = json!(9)),
            "products[0].weight",
            &["product.error.weight_invalid"],
        ),
        (
            "products",
            Box::new(|r| {
                let id = r["id"].clone();
                r["related"] = json!([id]);
            }),
            "products[0].related[0]",
            &["product.error.related_self"],
        ),
        (
            "products",
            Box::new(|r| r["price_history"][0]["date"] = json!("0999-01-01")),
            "products[0].price_history[0].date",
            &["rule.year"],
        ),
        (
            "products",
            Box::new(|r| r["competitor_prices"][0]["competitor_name"] = json!("")),
            "products[0].competitor_prices[0].competitor_name",
            &["rule.required"],
        ),
        (
            "products",
            Box::new(|r| r["competitor_prices"][0]["price"] = json!(-1)),
            "products[0].competitor_prices[0].price",
            &["rule.out_of_range"],
        ),
    ];
    for (kind, f, path, reasons) in cases {
        let b = changed(kind, |r| f(r));
        match parse(&b) {
            Err(e @ ImportError::InvalidRecord { .. }) => {
                let ImportError::InvalidRecord { path: p, error, .. } = &e else {
                    unreachable!()
                };
                assert_eq!(p, path, "{kind}: {e:?}");
                assert!(
                    reasons.contains(&error.reason.key),
                    "{path}: {} not in {reasons:?}",
                    error.reason.key
                );
                assert!(error.label.is_some(), "{path}: the field has a label");
                let text = english(&e);
                assert!(
                    !text.contains("{"),
                    "{path}: unfilled placeholder in {text}"
                );
                assert!(text.contains(path), "{path}: the place is given: {text}");
                assert!(
                    text.len() < 600,
                    "{path}: never echoes a huge value: {text}"
                );
            }
            other => panic!("{kind} {path}: {other:?}"),
        }
    }
}

#[test]
fn a_refusal_names_the_record_and_the_field_in_words() {
    let e = parse(&changed("accounts", |r| r["address"] = json!(42))).unwrap_err();
    assert_eq!(
        english(&e),
        "Account “Nordmetal”, field Postal address: Expected a group of fields, found a whole number. \
         Place in the file: accounts[0].address. Nothing was imported."
    );
    let e = parse(&changed("deals", |r| r["value"]["minor"] = json!(-100))).unwrap_err();
    assert_eq!(
        english(&e),
        "Deal “Line 4 retrofit”, field Value: The value cannot be negative. \
         Place in the file: deals[0].value.minor. Nothing was imported."
    );
    // A record without a name is named by its kind and number.
    let e = parse(&changed("activities", |r| r["at"] = json!("yesterday"))).unwrap_err();
    let text = english(&e);
    assert!(text.starts_with("Activity no. 1, field "), "{text}");
    assert!(text.contains("This is not a valid date or time."), "{text}");
    // Spanish speaks Spanish.
    let es = render(Locale::Es, &e.message());
    assert!(es.starts_with("Actividad n.º 1, campo "), "{es}");
    assert!(es.contains("No se importó nada."), "{es}");
}

#[test]
fn a_huge_value_is_never_echoed_whole() {
    let huge = "x".repeat(5_000_000);
    let e = parse(&changed("accounts", |r| r["name"] = json!(huge))).unwrap_err();
    let text = english(&e);
    assert!(text.len() < 400, "{} bytes", text.len());
    assert!(
        text.contains("5000000 characters are too many; at most 200"),
        "{text}"
    );
    // An unknown choice quotes a few dozen characters at most.
    let long = "k".repeat(10_000);
    let e = parse(&changed("activities", |r| r["kind"] = json!(long))).unwrap_err();
    assert!(english(&e).len() < 400);
}

#[test]
fn revisions_that_cannot_grow_are_refused_for_every_kind() {
    for kind in [
        "accounts",
        "contacts",
        "deals",
        "competitors",
        "intel_notes",
        "activities",
        "tasks",
    ] {
        for rev in [json!(u64::MAX), json!(MAX_REV + 1)] {
            let e = parse(&changed(kind, |r| r["rev"] = rev.clone())).unwrap_err();
            match &e {
                ImportError::InvalidRecord { path, error, .. } => {
                    assert_eq!(path, &format!("{kind}[0].rev"));
                    assert_eq!(error.reason.key, "rule.rev_too_large");
                }
                other => panic!("{kind}: {other:?}"),
            }
        }
        // The largest revision itself is accepted (it is still a valid record)…
        assert!(
            parse(&changed(kind, |r| r["rev"] = json!(MAX_REV))).is_ok(),
            "{kind}"
        );
    }
    // …but it has no next revision: a save refuses instead of wrapping to 0.
    let mut m = Meta::new(now());
    m.rev = MAX_REV;
    assert!(m.next(now()).is_none());
}

#[test]
fn timestamps_in_the_future_are_refused_beyond_clock_skew() {
    for kind in ["accounts", "deals", "tasks"] {
        for field in ["created_at", "updated_at"] {
            let far = json!("2031-01-01T00:00:00Z");
            let e = parse(&changed(kind, |r| {
                r[field] = far.clone();
                if field == "created_at" {
                    r["updated_at"] = far.clone();
                }
            }))
            .unwrap_err();
            match &e {
                ImportError::InvalidRecord { path, error, .. } => {
                    assert_eq!(path, &format!("{kind}[0].{field}"), "{e:?}");
                    assert_eq!(error.reason.key, "rule.future");
                }
                other => panic!("{kind}.{field}: {other:?}"),
            }
        }
        let soon = (now() + Duration::hours(2)).to_rfc3339();
        assert!(
            parse(&changed(kind, |r| r["updated_at"] = json!(soon))).is_ok(),
            "a clock a little ahead is fine"
        );
    }
}

#[test]
fn links_must_point_to_records_in_the_file() {
    let stranger = json!("51570000-0000-4000-8000-00000000ffff");
    for kind in ["contacts", "deals"] {
        let e = parse(&changed(kind, |r| r["account_id"] = stranger.clone())).unwrap_err();
        match &e {
            ImportError::MissingLink {
                path, target_kind, ..
            } => {
                assert_eq!(path, &format!("{kind}[0].account_id"));
                assert_eq!(target_kind, "accounts");
            }
            other => panic!("{kind}: {other:?}"),
        }
        let text = english(&e);
        assert!(text.contains("that is not in the file"), "{text}");
    }
}

#[test]
fn the_same_rules_guard_every_save() {
    // What the store checks before it writes a record from a form.
    let ctx = CheckContext { now: now() };
    let mut a = Account::new("Nordmetal", now());
    assert!(a.check(&ctx).is_ok());
    a.name = "x".repeat(MAX_NAME + 1);
    assert_eq!(a.check(&ctx).unwrap_err().reason, "rule.too_long");
    let mut d = Deal::new(a.id, "Line 4", Money::new(-1, Currency::default()), now());
    assert_eq!(
        d.check(&ctx).unwrap_err().reason,
        "deal.error.value_negative"
    );
    d.value = Money::new(1, Currency::default());
    assert!(d.check(&ctx).is_ok());
    assert_eq!(d.display_name(), Some("Line 4"));
    assert_eq!(Deal::KIND, "deals");
}

#[test]
fn files_that_are_not_utf8_are_named_for_what_they_are() {
    let text = file_of(&book());
    assert_eq!(decode_file(text.as_bytes()).unwrap(), text);
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    assert_eq!(
        decode_file(&bom).unwrap(),
        text,
        "UTF-8 with a byte order mark"
    );
    let utf16le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let with_bom = |bom: &[u8], body: &[u8]| [bom, body].concat();
    let utf32le: Vec<u8> = text
        .chars()
        .flat_map(|c| (c as u32).to_le_bytes())
        .collect();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "UTF-16 LE with BOM",
            with_bom(&[0xFF, 0xFE], &utf16le),
            "UTF-16",
        ),
        (
            "UTF-16 BE with BOM",
            with_bom(&[0xFE, 0xFF], &utf16be),
            "UTF-16",
        ),
        ("UTF-16 LE without BOM", utf16le.clone(), "UTF-16"),
        ("UTF-16 BE without BOM", utf16be.clone(), "UTF-16"),
        (
            "UTF-32 LE with BOM",
            with_bom(&[0xFF, 0xFE, 0, 0], &utf32le),
            "UTF-32",
        ),
        ("UTF-32 LE without BOM", utf32le.clone(), "UTF-32"),
    ];
    for (name, bytes, encoding) in cases {
        match decode_file(&bytes) {
            Err(e @ ImportError::NotUtf8 { .. }) => {
                let ImportError::NotUtf8 { encoding: got, .. } = e else {
                    unreachable!()
                };
                assert_eq!(got, encoding, "{name}");
                let text = english(&e);
                assert!(
                    text.contains(&format!("This file is in {encoding}")),
                    "{text}"
                );
                assert!(
                    !text.contains("checksum") && !text.contains("JSON"),
                    "{text}"
                );
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    // Windows-1252: "Kalniņa" cannot be written, but "Müller" can, as one byte 0xFC.
    let legacy = text.replace("Ilze Kalniņa", "Ilze Müller");
    let offset = legacy.find('ü').unwrap();
    let bytes: Vec<u8> = legacy
        .chars()
        .map(|c| if c == 'ü' { 0xFC } else { c as u8 })
        .collect();
    let e = decode_file(&bytes).unwrap_err();
    assert_eq!(
        e,
        ImportError::NotUtf8 {
            encoding: "8-bit",
            offset
        }
    );
    assert!(
        english(&e).contains("legacy 8-bit encoding"),
        "{}",
        english(&e)
    );
}

#[test]
fn a_newer_schema_version_is_reported_as_written() {
    let text = file_of(&book()).replacen(
        &format!("\"schema_version\": {},", sixstep::store::CURRENT_SCHEMA),
        "\"schema_version\": 98765432101,",
        1,
    );
    match parse_text(&text) {
        Err(ImportError::NewerVersion { found, .. }) => assert_eq!(found, "98765432101"),
        other => panic!("{other:?}"),
    }
}
