//! Which collection action? An overdue invoice (amount still owed, days overdue) and the
//! book's thresholds; the answer is what the collection matrix
//! ([`collection::collection_action`]) gives. Amounts and days are drawn often at, just
//! under and just over the thresholds, where the matrix's lines are easiest to get wrong.

use super::{pick, rng, Exercise, Text, ACCOUNTS};
use crate::domain::money::{Currency, Money};
use crate::domain::receivable::collection::{self, collection_action};
use crate::domain::receivable::{CollectionAction, CollectionThresholds};
use crate::domain::training::Topic;

/// The inputs of one collection exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub account: &'static str,
    pub number: String,
    pub outstanding: Money,
    pub days_overdue: i64,
    pub thresholds: CollectionThresholds,
}

/// Draws thresholds, then an amount and a day count each at, around or well off its line.
pub fn case(seed: u32) -> Case {
    let mut r = rng(seed);
    let account = pick(&mut r, ACCOUNTS);
    let thresholds = CollectionThresholds {
        large_units: pick(&mut r, &[5_000, 10_000, 20_000, 50_000]),
        long_days: pick(&mut r, &[30, 45, 60, 90]),
    };
    let large = i64::from(thresholds.large_units) * 100;
    let outstanding = match r.u8(0..6) {
        0 => large,                                // exactly at the line: large
        1 => large - 1,                            // one cent under: small
        2 => large - 100 * r.i64(1..=200),         // a little under
        3 => large + 100 * r.i64(1..=2_000),       // over
        4 => 100 * r.i64(150..=(large / 200)),     // well under
        _ => large * r.i64(2..=6) + r.i64(0..=99), // well over
    };
    let long = i64::from(thresholds.long_days);
    let days_overdue = match r.u8(0..5) {
        0 => long,     // exactly at the line: not long yet
        1 => long + 1, // the first long day
        2 => r.i64(1..long),
        _ => long + r.i64(2..=120),
    };
    Case {
        account,
        number: format!("{}-{:04}", 2026, r.u32(1..10_000)),
        outstanding: Money::new(outstanding, Currency::default()),
        days_overdue,
        thresholds,
    }
}

/// The exercise of `case`: the answer is the matrix's action.
pub fn build(seed: u32, case: &Case) -> Exercise {
    let t = &case.thresholds;
    let action = collection_action(&case.outstanding, case.days_overdue, t)
        .expect("generated invoices are overdue and owe money");
    let answer = CollectionAction::ALL
        .iter()
        .position(|a| *a == action)
        .expect("every action is a choice");
    let large = Money::new(i64::from(t.large_units) * 100, Currency::default());
    let size = if collection::is_large(&case.outstanding, t) {
        "exercise.collection.explain.large"
    } else {
        "exercise.collection.explain.small"
    };
    let time = if collection::is_long(case.days_overdue, t) {
        "exercise.collection.explain.long"
    } else {
        "exercise.collection.explain.short"
    };
    Exercise {
        topic: Topic::Collection,
        seed,
        question: Text::new("exercise.collection.question"),
        facts: vec![
            Text::new("exercise.collection.fact.invoice")
                .plain("number", &case.number)
                .plain("account", case.account)
                .money("amount", case.outstanding.clone()),
            Text::new("exercise.collection.fact.overdue").count("count", case.days_overdue),
            Text::new("exercise.collection.fact.large").money("large", large.clone()),
            Text::new("exercise.collection.fact.long").count("count", i64::from(t.long_days)),
        ],
        choices: CollectionAction::ALL
            .iter()
            .map(|a| Text::new(a.key()))
            .collect(),
        answer,
        explanation: vec![
            Text::new("exercise.collection.explain.rule"),
            Text::new(size)
                .money("amount", case.outstanding.clone())
                .money("large", large),
            Text::new(time)
                .count("count", case.days_overdue)
                .count("limit", i64::from(t.long_days)),
            Text::new("exercise.collection.explain.action").key_arg("action", action.key()),
        ],
        guide: super::guide_of(Topic::Collection),
    }
}
