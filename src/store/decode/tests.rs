use super::*;
use crate::domain::complaint::Complaint;
use crate::domain::decline::{DeclinedRequest, Partner};
use crate::domain::followup::FollowUp;
use crate::domain::receivable::{CreditCheck, Invoice};
use crate::domain::referral::Referral;
use crate::domain::training::{ExerciseAnswer, SampleBook};
use crate::domain::{
    account::Account, activity::Activity, agenda::Task, competitor::Competitor, contact::Contact,
    deal::Deal, intel::IntelNote, negotiation::Negotiation, product::Product, proposal::Proposal,
};
use serde_json::Value;

/// The error `serde_path_to_error` gives for `text` as a `T`, in [`decode`]'s terms: the
/// reference the walk must agree with.
fn tracked<T: DeserializeOwned>(text: &str) -> Option<(String, String)> {
    let mut de = serde_json::Deserializer::from_str(text);
    let e = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(_) => return None,
        Err(e) => e,
    };
    let path = e.path().to_string();
    let message = reason(e.inner());
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
        return Some((full, "missing field".to_string()));
    }
    Some((path, message))
}

/// Every way the cases below break a record: each field removed, and each value replaced
/// by one of the wrong type, at every depth.
fn broken(v: &Value, out: &mut Vec<Value>, root: &Value, at: &mut Vec<PathStep>) {
    match v {
        Value::Object(map) => {
            for (k, inner) in map {
                at.push(PathStep::Key(k.clone()));
                let mut without = root.clone();
                remove(&mut without, at);
                out.push(without);
                broken(inner, out, root, at);
                at.pop();
            }
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                at.push(PathStep::Index(i));
                broken(inner, out, root, at);
                at.pop();
            }
        }
        _ => {}
    }
    if !at.is_empty() {
        for wrong in [
            Value::from(7),
            Value::from("not this"),
            Value::from(true),
            Value::Null,
            Value::Array(vec![]),
            serde_json::json!({}),
        ] {
            if std::mem::discriminant(&wrong) == std::mem::discriminant(v) {
                continue;
            }
            let mut changed = root.clone();
            *slot(&mut changed, at) = wrong;
            out.push(changed);
        }
    }
}

enum PathStep {
    Key(String),
    Index(usize),
}

fn slot<'v>(v: &'v mut Value, at: &[PathStep]) -> &'v mut Value {
    at.iter().fold(v, |v, step| match step {
        PathStep::Key(k) => &mut v[k.as_str()],
        PathStep::Index(i) => &mut v[*i],
    })
}

fn remove(v: &mut Value, at: &[PathStep]) {
    let (last, parent) = at.split_last().expect("a field");
    if let (PathStep::Key(k), Value::Object(map)) = (last, slot(v, parent)) {
        map.remove(k);
    }
}

/// Breaks every record of `kind` in the fixture every way, compact and pretty-printed, and
/// checks that [`decode`] names the same path and reason as the path-tracking decoder.
fn agrees<T: DeserializeOwned>(kind: &str) -> usize {
    let fixture: Value =
        serde_json::from_str(include_str!("../../../tests/fixtures/schema_v7.json")).unwrap();
    let records = fixture["payload"][kind].as_array().expect(kind).clone();
    assert!(!records.is_empty(), "{kind} has records in the fixture");
    let mut compared = 0;
    for record in &records {
        let text = record.to_string();
        assert!(decode::<T>(&text).is_ok(), "{kind} as stored decodes");
        let mut cases = Vec::new();
        broken(record, &mut cases, record, &mut Vec::new());
        for case in cases {
            for text in [
                case.to_string(),
                serde_json::to_string_pretty(&case).unwrap(),
            ] {
                let want = tracked::<T>(&text);
                let got = decode::<T>(&text).err().map(|e| (e.path, e.message));
                assert_eq!(got, want, "{kind}: {text}");
                compared += usize::from(want.is_some());
            }
        }
    }
    compared
}

#[test]
fn every_kind_names_the_path_the_tracking_decoder_names() {
    let compared = agrees::<Account>("accounts")
        + agrees::<Contact>("contacts")
        + agrees::<Competitor>("competitors")
        + agrees::<IntelNote>("intel_notes")
        + agrees::<Deal>("deals")
        + agrees::<Activity>("activities")
        + agrees::<Task>("tasks")
        + agrees::<Product>("products")
        + agrees::<Proposal>("proposals")
        + agrees::<Negotiation>("negotiations")
        + agrees::<FollowUp>("followups")
        + agrees::<Invoice>("invoices")
        + agrees::<CreditCheck>("credit_checks")
        + agrees::<Complaint>("complaints")
        + agrees::<Referral>("referrals")
        + agrees::<Partner>("partners")
        + agrees::<DeclinedRequest>("declined_requests")
        + agrees::<ExerciseAnswer>("exercise_answers")
        + agrees::<SampleBook>("sample_books");
    // Thousands of broken records were compared, not a handful.
    assert!(compared > 2_000, "compared {compared}");
}

#[test]
fn paths_in_plain_json() {
    let text = r#"{"a": {"b": [1, {"c": "x"}]}, "d\"e": 2}"#;
    assert_eq!(path_at(text, 0), ".");
    assert_eq!(path_at(text, text.find("1").unwrap()), "a.b[0]");
    assert_eq!(path_at(text, text.find("\"x\"").unwrap() + 2), "a.b[1].c");
    assert_eq!(path_at(text, text.find('2').unwrap()), "d\"e");
    // A byte of a key belongs to its object.
    assert_eq!(path_at(text, text.find("\"c\"").unwrap()), "a.b[1]");
    // Cut short: the path as far as it goes.
    assert_eq!(path_at(r#"{"a": [1, "#, 9), "a");
}

#[test]
fn a_missing_field_is_named_at_its_own_path() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Inner {
        currency: String,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Outer {
        value: Inner,
    }
    let e = decode::<Outer>(r#"{"value": {}}"#).unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.message.as_str()),
        ("value.currency", "missing field")
    );
    let e = decode::<Outer>("{}").unwrap_err();
    assert_eq!(e.path, "value");
    let e = decode::<Outer>(r#"{"value": {"currency": 5}}"#).unwrap_err();
    assert_eq!(e.path, "value.currency");
    assert_eq!(e.message, "invalid type: integer `5`, expected a string");
}
