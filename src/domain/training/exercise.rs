//! Exercises generated from the domain's rules: each question's marked answer is what the
//! rule in `crate::domain` gives for the generated facts, so the course can never drift
//! from the app's own behaviour.

use serde::{Deserialize, Serialize};

use super::{GuidePage, Topic};
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
    /// A count (days, people…), written in the reader's locale.
    Count(i64),
}

/// A catalogue message and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub key: String,
    #[serde(default)]
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

/// The exercise of `topic` generated from `seed`: the same topic and seed always give the
/// same exercise, and its marked answer is the one the domain rule gives.
pub fn generate(topic: Topic, seed: u32) -> Exercise {
    let _ = (topic, seed);
    todo!("generators")
}
