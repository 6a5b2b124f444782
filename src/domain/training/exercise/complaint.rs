//! Which complaint first? Three or four open complaints (what happened, the size of the
//! fault, the customer's anxiety, when it was opened); the answer is the first of the
//! register's own order ([`complaint::sort_refs_by_priority`]). Half the exercises set a
//! worried customer with a small fault against a calm one with a big fault: the method puts
//! the worry first.

use chrono::Duration;

use super::{base_now, id, pick_n, rng, Exercise, Text, ACCOUNTS};
use crate::domain::complaint::{self, Complaint, FeedbackKind};
use crate::domain::training::Topic;

/// What happened, as catalogue keys.
pub const WHAT: &[&str] = &[
    "exercise.complaint.what.late_delivery",
    "exercise.complaint.what.reads_high",
    "exercise.complaint.what.wrong_price",
    "exercise.complaint.what.certificate_missing",
    "exercise.complaint.what.stopped_at_night",
    "exercise.complaint.what.untidy_site",
    "exercise.complaint.what.wrong_language",
    "exercise.complaint.what.part_does_not_fit",
];

/// One open complaint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub account: &'static str,
    pub what: &'static str,
    pub fault: u8,
    pub anxiety: u8,
    /// Days since it was opened (all different).
    pub days_ago: i64,
}

/// The inputs of one complaint exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub entries: Vec<Entry>,
}

impl Case {
    /// The entries as open complaints of the register (opened `days_ago` before the
    /// exercise's fixed "now").
    pub fn complaints(&self, seed: u32) -> Vec<Complaint> {
        let mut r = rng(seed ^ 0xc0);
        let now = base_now();
        self.entries
            .iter()
            .map(|e| {
                let mut c = Complaint::new(
                    FeedbackKind::Complaint,
                    id(&mut r),
                    e.what,
                    e.fault,
                    e.anxiety,
                    now - Duration::days(e.days_ago),
                    now,
                );
                c.id = id(&mut r);
                c
            })
            .collect()
    }

    /// Whether a complaint with a higher anxiety and a smaller fault stands against one
    /// with a lower anxiety and a bigger fault.
    pub fn has_contrast(&self) -> bool {
        self.entries.iter().any(|a| {
            self.entries
                .iter()
                .any(|b| a.anxiety > b.anxiety && a.fault < b.fault)
        })
    }
}

/// Draws three or four complaints; in half the cases a worried one with a small fault and
/// a calm one with a big fault, the rest calmer still.
pub fn case(seed: u32) -> Case {
    let mut r = rng(seed);
    let n = r.usize(3..=4);
    let accounts = pick_n(&mut r, ACCOUNTS, n);
    let whats = pick_n(&mut r, WHAT, n);
    let mut days: Vec<i64> = (1..=14).collect();
    r.shuffle(&mut days);
    let contrast = r.bool();
    let worried = r.u8(4..=5);
    let entries = (0..n)
        .map(|i| {
            let (fault, anxiety) = if !contrast {
                (r.u8(1..=5), r.u8(1..=5))
            } else if i == 0 {
                (r.u8(1..=2), worried)
            } else if i == 1 {
                (r.u8(4..=5), r.u8(1..=2))
            } else {
                (r.u8(1..=5), r.u8(1..worried))
            };
            Entry {
                account: accounts[i],
                what: whats[i],
                fault,
                anxiety,
                days_ago: days[i],
            }
        })
        .collect::<Vec<_>>();
    let mut entries = entries;
    r.shuffle(&mut entries);
    Case { entries }
}

/// The exercise of `case`: the answer is the first complaint of the register's order.
pub fn build(seed: u32, case: &Case) -> Exercise {
    let list = case.complaints(seed);
    let mut order: Vec<&Complaint> = list.iter().collect();
    complaint::sort_refs_by_priority(&mut order);
    let pos = |c: &Complaint| list.iter().position(|x| x.id == c.id).expect("listed");
    let answer = pos(order[0]);
    let first = &case.entries[answer];
    let second = &case.entries[pos(order[1])];
    let facts = case
        .entries
        .iter()
        .map(|e| {
            Text::new("exercise.complaint.fact")
                .plain("account", e.account)
                .key_arg("what", e.what)
                .count("fault", i64::from(e.fault))
                .count("anxiety", i64::from(e.anxiety))
                .count("count", e.days_ago)
        })
        .collect();
    let choices = case
        .entries
        .iter()
        .map(|e| {
            Text::new("exercise.complaint.choice")
                .plain("account", e.account)
                .key_arg("what", e.what)
        })
        .collect();
    let decides = if first.anxiety > second.anxiety {
        Text::new("exercise.complaint.explain.anxiety")
            .plain("account", first.account)
            .count("anxiety", i64::from(first.anxiety))
    } else if first.fault > second.fault {
        Text::new("exercise.complaint.explain.fault")
            .plain("account", first.account)
            .count("anxiety", i64::from(first.anxiety))
            .count("fault", i64::from(first.fault))
    } else {
        Text::new("exercise.complaint.explain.waited")
            .plain("account", first.account)
            .count("count", first.days_ago)
    };
    let mut explanation = vec![Text::new("exercise.complaint.explain.rule"), decides];
    if let Some(big) = case
        .entries
        .iter()
        .filter(|e| e.fault > first.fault && e.anxiety < first.anxiety)
        .max_by_key(|e| e.fault)
    {
        explanation.push(
            Text::new("exercise.complaint.explain.contrast")
                .plain("account", big.account)
                .count("fault", i64::from(big.fault))
                .count("anxiety", i64::from(big.anxiety)),
        );
    }
    explanation.push(Text::new("exercise.complaint.explain.on_site"));
    Exercise {
        topic: Topic::ComplaintPriority,
        seed,
        question: Text::new("exercise.complaint.question"),
        facts,
        choices,
        answer,
        explanation,
        guide: super::guide_of(Topic::ComplaintPriority),
    }
}
