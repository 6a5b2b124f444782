//! Which concession breaks the rule? A price negotiation's ledger: our concessions (and the
//! customer's counter-offers between them); the answer is the concession the negotiation
//! ledger's own check ([`ledger::ledger_flags`]) flags as not smaller than the one before,
//! or "none" when it flags none.

use crate::domain::sorting::SortExt;
use chrono::Duration;

use super::{base_now, id, pick, rng, Exercise, Text, ACCOUNTS};
use crate::domain::money::{Currency, Money};
use crate::domain::negotiation::ledger;
use crate::domain::negotiation::{Issue, IssueKind, Negotiation, Position, Round, Side};
use crate::domain::training::Topic;

/// One move of the ledger, in whole euros.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub side: Side,
    pub from: i64,
    pub to: i64,
}

/// The inputs of one concession exercise: a price issue opened at `opening` euros, and
/// the moves in the order they were made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub account: &'static str,
    pub opening: i64,
    pub moves: Vec<Move>,
}

impl Case {
    /// The negotiation these moves make: one price issue (one euro a unit), one round each.
    pub fn negotiation(&self, seed: u32) -> Negotiation {
        let mut r = rng(seed ^ 0x5eed);
        let now = base_now();
        let currency = Currency::default();
        let mut n = Negotiation::new(id(&mut r), currency, now);
        let last_ours = self
            .moves
            .iter()
            .filter(|m| m.side == Side::Us)
            .map(|m| m.to)
            .min()
            .unwrap_or(self.opening);
        let issue = Issue {
            id: id(&mut r),
            kind: IssueKind::Price,
            label: String::new(),
            unit: "EUR".into(),
            opening: Position::units(self.opening),
            target: Position::units(last_ours),
            bottom: Position::units(last_ours - 1_000),
            value_per_unit: Some(100),
            importance_us: 5,
            importance_them: 5,
            notes: String::new(),
        };
        let issue_id = issue.id;
        n.plan.issues.push(issue);
        let start = now.date_naive() - Duration::days(30);
        n.rounds = self
            .moves
            .iter()
            .enumerate()
            .map(|(i, m)| Round {
                id: id(&mut r),
                on: start + Duration::days(3 * i as i64),
                side: m.side,
                issue_id,
                from: Position::units(m.from),
                to: Position::units(m.to),
                value_minor: None,
                in_return: if m.side == Side::Us {
                    "A signed order this month".into()
                } else {
                    String::new()
                },
                proposal_version: None,
                override_reason: String::new(),
                note: String::new(),
            })
            .collect();
        n
    }
}

/// Draws our concession sizes (shrinking, except at most one that is not smaller than the
/// one before) and the customer's counter-offers between them.
pub fn case(seed: u32) -> Case {
    let mut r = rng(seed);
    let account = pick(&mut r, ACCOUNTS);
    let opening = 1_000 * r.i64(100..=240);
    let n = r.usize(3..=4);
    // Shrinking sizes in steps of 500 euros.
    let mut sizes: Vec<i64> = Vec::new();
    while sizes.len() < n {
        let s = 500 * r.i64(1..=24);
        if !sizes.contains(&s) {
            sizes.push(s);
        }
    }
    sizes.sort_with(|a, b| b.cmp(a));
    if r.u8(0..5) != 0 {
        // One concession is not smaller than the one before (equal or larger).
        let k = r.usize(1..n);
        sizes[k] = sizes[k - 1] + 500 * r.i64(0..=4);
    }
    let ours_total: i64 = sizes.iter().sum();
    let gap = 1_000 * r.i64(4..=20);
    let mut theirs = opening - ours_total - gap;
    let mut ours = opening;
    let mut moves = Vec::new();
    for (i, s) in sizes.iter().enumerate() {
        if i > 0 && r.bool() {
            let raise = 500 * r.i64(1..=(gap / 500 / (n as i64 + 1)).max(1));
            moves.push(Move {
                side: Side::Them,
                from: theirs,
                to: theirs + raise,
            });
            theirs += raise;
        }
        moves.push(Move {
            side: Side::Us,
            from: ours,
            to: ours - s,
        });
        ours -= s;
    }
    Case {
        account,
        opening,
        moves,
    }
}

fn eur(units: i64) -> Money {
    Money::new(units * 100, Currency::default())
}

/// The exercise of `case`: the answer is the round the ledger's shrink check flags.
pub fn build(seed: u32, case: &Case) -> Exercise {
    let neg = case.negotiation(seed);
    let flags = ledger::ledger_flags(&neg);
    let mut facts = vec![Text::new("exercise.concession.fact.opening")
        .plain("account", case.account)
        .money("opening", eur(case.opening))];
    let mut choices = Vec::new();
    // Round number (1-based) of each choice.
    let mut choice_rounds = Vec::new();
    for (i, m) in case.moves.iter().enumerate() {
        let round = i as i64 + 1;
        let key = match m.side {
            Side::Us => "exercise.concession.fact.us",
            Side::Them => "exercise.concession.fact.them",
        };
        facts.push(
            Text::new(key)
                .count("round", round)
                .money("from", eur(m.from))
                .money("to", eur(m.to))
                .money("step", eur((m.to - m.from).abs())),
        );
        if m.side == Side::Us {
            choices.push(
                Text::new("exercise.concession.choice.round")
                    .count("round", round)
                    .money("step", eur(m.from - m.to)),
            );
            choice_rounds.push(i);
        }
    }
    choices.push(Text::new("exercise.concession.choice.none"));
    let flagged = flags.iter().position(|f| f.not_smaller.is_some());
    let mut explanation = vec![Text::new("exercise.concession.explain.rule")];
    let answer = match flagged {
        Some(i) => {
            let warning = flags[i].not_smaller.expect("flagged");
            let prev = neg
                .rounds
                .iter()
                .position(|r| r.id == warning.previous.round_id)
                .expect("the previous concession is in the ledger");
            let money = |v: Option<i64>| Money::new(v.unwrap_or(0), Currency::default());
            explanation.push(
                Text::new("exercise.concession.explain.broken")
                    .count("round", i as i64 + 1)
                    .money("this", money(warning.this.value))
                    .count("previous_round", prev as i64 + 1)
                    .money("previous", money(warning.previous.value)),
            );
            choice_rounds
                .iter()
                .position(|r| *r == i)
                .expect("only our concessions are flagged")
        }
        None => {
            explanation.push(Text::new("exercise.concession.explain.none"));
            choices.len() - 1
        }
    };
    explanation.push(Text::new("exercise.concession.explain.why"));
    Exercise {
        topic: Topic::Concession,
        seed,
        question: Text::new("exercise.concession.question"),
        facts,
        choices,
        answer,
        explanation,
        guide: super::guide_of(Topic::Concession),
    }
}
