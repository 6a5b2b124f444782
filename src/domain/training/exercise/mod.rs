//! Exercises generated from the domain's rules: each question's marked answer is what the
//! rule in `crate::domain` gives for the generated facts, so the course can never drift
//! from the app's own behaviour.
//!
//! One module per [`Topic`]: each draws its inputs from a seed ([`fastrand::Rng`] seeded
//! with it, so the same seed gives the same exercise), lays them out as facts, and asks the
//! domain's own rule for the answer:
//! - [`style`]: questionnaire answers → `style::score` → which of the four styles;
//! - [`stage`]: a relationship stage → `relationship::suggested_activities` → which activity;
//! - [`concession`]: a concession ledger → `negotiation::ledger_flags` → which concession is
//!   not smaller than the one before;
//! - [`collection`]: an overdue invoice → `receivable::collection::collection_action`;
//! - [`buying_centre`]: people and their roles → `buying_centre::warnings` → the missing role;
//! - [`complaint`]: open complaints → `complaint::priority_order` → which comes first;
//! - [`qualification`]: a described situation → `qualification::gate` → may the deal move on,
//!   or which question keeps it in analysis.

pub mod buying_centre;
pub mod collection;
pub mod complaint;
pub mod concession;
pub mod qualification;
pub mod stage;
pub mod style;
#[cfg(test)]
mod tests;

use chrono::{DateTime, TimeZone, Utc};
use fastrand::Rng;
use serde::{Deserialize, Serialize};

use super::{GuidePage, Topic};
use crate::domain::ids::Id;
use crate::domain::money::Money;

/// One argument of a catalogue message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arg {
    /// Text shown as it is (a name, a number already written out).
    Plain(String),
    /// Another catalogue message's key (a style's name, an activity kind…).
    Key(String),
    /// A sum of money, written in the reader's locale.
    Money(Money),
    /// A count (days, people…), written in the reader's locale. An argument named `count`
    /// also picks the message's singular form (`<key>.one`) for one, else `<key>`.
    Count(i64),
}

/// A catalogue message and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub key: String,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub args: Vec<(String, Arg)>,
}

impl Text {
    /// A message with no arguments.
    pub fn new(key: &str) -> Text {
        Text {
            key: key.to_string(),
            args: Vec::new(),
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &str, value: Arg) -> Text {
        self.args.push((name.to_string(), value));
        self
    }

    /// Adds a plain-text argument.
    pub fn plain(self, name: &str, value: &str) -> Text {
        self.arg(name, Arg::Plain(value.to_string()))
    }

    /// Adds an argument that is another catalogue message.
    pub fn key_arg(self, name: &str, key: &str) -> Text {
        self.arg(name, Arg::Key(key.to_string()))
    }

    /// Adds a count.
    pub fn count(self, name: &str, n: i64) -> Text {
        self.arg(name, Arg::Count(n))
    }

    /// Adds a sum of money.
    pub fn money(self, name: &str, m: Money) -> Text {
        self.arg(name, Arg::Money(m))
    }

    /// The count that picks the singular or plural form, when the message has one.
    pub fn plural_count(&self) -> Option<i64> {
        self.args.iter().find_map(|(n, a)| match a {
            Arg::Count(c) if n == "count" => Some(*c),
            _ => None,
        })
    }

    /// Every catalogue key the message uses: its own (and its singular form `<key>.one`
    /// when it is counted) and those of its arguments.
    pub fn keys(&self) -> Vec<String> {
        let mut out = vec![self.key.clone()];
        if self.plural_count().is_some() {
            out.push(format!("{}.one", self.key));
        }
        for (_, a) in &self.args {
            if let Arg::Key(k) = a {
                out.push(k.clone());
            }
        }
        out
    }
}

/// One generated question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exercise {
    pub topic: Topic,
    /// The seed it was generated from: the same topic and seed give the same exercise.
    pub seed: u32,
    pub question: Text,
    /// What the question tells (behaviour seen, ledger lines, the invoice…), in order.
    pub facts: Vec<Text>,
    pub choices: Vec<Text>,
    /// Index into `choices` of the answer the domain rule gives.
    pub answer: usize,
    /// Why that is the answer: the rule from METHOD.md applied to these facts.
    pub explanation: Vec<Text>,
    /// The guide page of the rule.
    pub guide: GuidePage,
}

impl Exercise {
    /// Every message of the exercise: question, facts, choices, explanation.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        std::iter::once(&self.question)
            .chain(&self.facts)
            .chain(&self.choices)
            .chain(&self.explanation)
    }

    /// Whether `chosen` is the answer the rule gives.
    pub fn is_right(&self, chosen: usize) -> bool {
        chosen == self.answer
    }
}

/// The guide page that teaches a topic's rule.
pub fn guide_of(topic: Topic) -> GuidePage {
    match topic {
        Topic::Style => GuidePage::CommunicationStyles,
        Topic::StageActivity => GuidePage::RelationshipStages,
        Topic::Concession => GuidePage::Negotiation,
        Topic::Collection => GuidePage::Receivables,
        Topic::BuyingCentre => GuidePage::BuyingCentre,
        Topic::ComplaintPriority => GuidePage::FollowUpService,
        Topic::Qualification => GuidePage::CustomerAnalysis,
    }
}

/// The exercise of `topic` generated from `seed`: the same topic and seed always give the
/// same exercise, and its marked answer is the one the domain rule gives.
pub fn generate(topic: Topic, seed: u32) -> Exercise {
    match topic {
        Topic::Style => style::build(seed, &style::case(seed)),
        Topic::StageActivity => stage::build(seed, &stage::case(seed)),
        Topic::Concession => concession::build(seed, &concession::case(seed)),
        Topic::Collection => collection::build(seed, &collection::case(seed)),
        Topic::BuyingCentre => buying_centre::build(seed, &buying_centre::case(seed)),
        Topic::ComplaintPriority => complaint::build(seed, &complaint::case(seed)),
        Topic::Qualification => qualification::build(seed, &qualification::case(seed)),
    }
}

/// The seeds of a set of `n` exercises drawn from one `seed` (all different): the same
/// seed gives the same set.
pub fn set_seeds(seed: u32, n: usize) -> Vec<u32> {
    let mut rng = Rng::with_seed(u64::from(seed));
    let mut out: Vec<u32> = Vec::with_capacity(n);
    while out.len() < n {
        let s = rng.u32(..);
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// A set of `n` exercises of one topic drawn from one `seed`, with each exercise's own seed.
pub fn set(seed: u32, topic: Topic, n: usize) -> Vec<(u32, Exercise)> {
    set_seeds(seed, n)
        .into_iter()
        .map(|s| (s, generate(topic, s)))
        .collect()
}

/// The random source of one exercise.
fn rng(seed: u32) -> Rng {
    Rng::with_seed(u64::from(seed))
}

/// One of `items`.
fn pick<T: Copy>(rng: &mut Rng, items: &[T]) -> T {
    items[rng.usize(..items.len())]
}

/// `n` different items of `items`, in random order.
fn pick_n<T: Copy>(rng: &mut Rng, items: &[T], n: usize) -> Vec<T> {
    let mut idx: Vec<usize> = (0..items.len()).collect();
    rng.shuffle(&mut idx);
    idx.into_iter().take(n).map(|i| items[i]).collect()
}

/// An id drawn from the seed (so records built for an exercise are the same every time).
fn id(rng: &mut Rng) -> Id {
    Id::from_u128(rng.u128(..))
}

/// The fixed moment exercises' records are dated from (rules are given their "now").
fn base_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

/// Fictional people (names are shown as they are in every language).
const PEOPLE: &[&str] = &[
    "Anna Berg",
    "Marco Rossi",
    "Lena Novak",
    "Tomás Ortega",
    "Aiko Tanaka",
    "Piotr Zieliński",
    "Sara Lindqvist",
    "Omar Haddad",
    "Inês Carvalho",
    "David Cohen",
    "Eva Horváth",
    "Liu Yang",
    "Jānis Bērziņš",
    "Carmen Vidal",
    "Niklas Brandt",
    "Fatima Rahman",
];

/// Fictional customer firms.
const ACCOUNTS: &[&str] = &[
    "Nordic Paper Mills",
    "Alpine Brewery",
    "Corvo Chemicals",
    "Tagus Water Works",
    "Vistula Foods",
    "Delta Refining",
    "Crescent Pharma",
    "Elbe Shipyards",
    "Sierra Cement",
    "Baltic Glassworks",
    "Rhine Coatings",
    "Atlas Fertilisers",
];
