//! The four qualifying questions: a described situation answers each of them (yes, no or
//! unsure); the trainee says whether the deal may leave customer analysis, or which
//! question keeps it there. The answer is what the step-1 gate ([`qualification::gate`])
//! gives for those answers.

use super::{base_now, pick, rng, Exercise, Text, ACCOUNTS};
use crate::domain::qualification::{self, Answer, Gate, Qualification, QualifyingQuestion};
use crate::domain::training::Topic;

/// What is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// May the deal move on? (open / blocked by a "no" / held by an "unsure")
    MayMoveOn,
    /// Which question keeps the deal in analysis? (exactly one answer is not "yes")
    WhichQuestion,
}

/// The inputs of one qualification exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub account: &'static str,
    pub ask: Ask,
    /// The answer the situation gives to each question, in [`QualifyingQuestion::ALL`] order.
    pub answers: [Answer; 4],
    /// Which wording of the situation, per question.
    pub variants: [u8; 4],
}

impl Case {
    /// The answers as a deal's qualification (no override).
    pub fn qualification(&self) -> Qualification {
        let mut q = Qualification::default();
        for (question, a) in QualifyingQuestion::ALL.iter().zip(self.answers) {
            q.answer(*question, Some(a), "", base_now());
        }
        q
    }
}

/// The situation's wording for `q` answered `a` (variant `v`, where the answer has two).
pub fn situation_key(q: QualifyingQuestion, a: Answer, v: u8) -> String {
    let answer = match a {
        Answer::Yes => "yes",
        Answer::No => "no",
        Answer::Unsure => "unsure",
    };
    let v = if a == Answer::Yes { 1 + v % 2 } else { 1 };
    format!("exercise.qual.sit.{}.{answer}.{v}", q.code())
}

/// Draws the situation: for "may it move on?" four yeses a third of the time, else a mix;
/// for "which question?" exactly one answer that is not "yes".
pub fn case(seed: u32) -> Case {
    let mut r = rng(seed);
    let account = pick(&mut r, ACCOUNTS);
    let ask = if r.bool() {
        Ask::MayMoveOn
    } else {
        Ask::WhichQuestion
    };
    let mut answers = [Answer::Yes; 4];
    match ask {
        Ask::MayMoveOn => {
            if r.u8(0..3) != 0 {
                for a in answers.iter_mut() {
                    *a = match r.u8(0..5) {
                        0 => Answer::No,
                        1 => Answer::Unsure,
                        _ => Answer::Yes,
                    };
                }
                if answers.iter().all(|a| *a == Answer::Yes) {
                    answers[r.usize(0..4)] = pick(&mut r, &[Answer::No, Answer::Unsure]);
                }
            }
        }
        Ask::WhichQuestion => {
            answers[r.usize(0..4)] = pick(&mut r, &[Answer::No, Answer::Unsure]);
        }
    }
    let variants = [r.u8(0..2), r.u8(0..2), r.u8(0..2), r.u8(0..2)];
    Case {
        account,
        ask,
        answers,
        variants,
    }
}

/// The gate's choices for "may the deal move on?", in order.
const GATE_CHOICES: &[&str] = &[
    "exercise.qual.choice.open",
    "exercise.qual.choice.blocked",
    "exercise.qual.choice.unsure",
];

/// The exercise of `case`: the answer is what the step-1 gate says.
pub fn build(seed: u32, case: &Case) -> Exercise {
    let q = case.qualification();
    let gate = qualification::gate(&q);
    let mut facts = vec![Text::new("exercise.qual.fact.intro").plain("account", case.account)];
    for (i, question) in QualifyingQuestion::ALL.iter().enumerate() {
        facts.push(Text::new(&situation_key(
            *question,
            case.answers[i],
            case.variants[i],
        )));
    }
    let (question, choices, answer) = match case.ask {
        Ask::MayMoveOn => {
            let answer = match gate {
                Gate::Open => 0,
                Gate::BlockedBy(_) => 1,
                Gate::Unsure(_) => 2,
                Gate::Unanswered(_) => unreachable!("every question is answered"),
            };
            (
                Text::new("exercise.qual.question.may_move_on").plain("account", case.account),
                GATE_CHOICES.iter().map(|k| Text::new(k)).collect(),
                answer,
            )
        }
        Ask::WhichQuestion => {
            let holding = gate.questions()[0];
            (
                Text::new("exercise.qual.question.which").plain("account", case.account),
                QualifyingQuestion::ALL
                    .iter()
                    .map(|x| Text::new(x.key()))
                    .collect(),
                QualifyingQuestion::ALL
                    .iter()
                    .position(|x| *x == holding)
                    .expect("every question is a choice"),
            )
        }
    };
    let mut explanation = vec![Text::new("exercise.qual.explain.rule")];
    for (question, a) in QualifyingQuestion::ALL.iter().zip(case.answers) {
        explanation.push(
            Text::new("exercise.qual.explain.answer")
                .key_arg("question", question.key())
                .key_arg("answer", a.key()),
        );
    }
    explanation.push(Text::new(gate.key()));
    Exercise {
        topic: Topic::Qualification,
        seed,
        question,
        facts,
        choices,
        answer,
        explanation,
        guide: super::guide_of(Topic::Qualification),
    }
}
