//! Which communication style? Behaviour seen in a person, one phrase per question of the
//! style questionnaire; the answer is what [`style::score`] gives for those answers.
//!
//! The answers lean to one quadrant (a style drawn at random) with some noise, and never tie
//! on an axis (a tie leaves the rep to choose, which has no single right answer).

use super::{pick, rng, Exercise, Text, PEOPLE};
use crate::domain::style::{self, Axis, CommunicationStyle, QUESTIONNAIRE};
use crate::domain::training::Topic;

/// The inputs of one style exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub name: &'static str,
    /// One answer per question of [`QUESTIONNAIRE`], 0..=3.
    pub answers: Vec<u8>,
}

/// Draws the answers: each axis leans towards one pole, ties are drawn again.
pub fn case(seed: u32) -> Case {
    let mut r = rng(seed);
    let name = pick(&mut r, PEOPLE);
    let tells = r.bool();
    let people = r.bool();
    loop {
        let answers: Vec<u8> = QUESTIONNAIRE
            .iter()
            .map(|q| {
                let high = match q.axis {
                    Axis::Assertiveness => tells,
                    Axis::Responsiveness => people,
                };
                // Mostly on the leaning side (2–3 or 0–1), sometimes across it.
                let lean = r.u8(0..5) != 0;
                let side_high = if lean { high } else { !high };
                if side_high {
                    r.u8(2..=3)
                } else {
                    r.u8(0..=1)
                }
            })
            .collect();
        if style::score(&answers).is_ok_and(|s| !s.tie) {
            return Case { name, answers };
        }
    }
}

/// The exercise of `case`: the answer is the questionnaire's scored style.
pub fn build(seed: u32, case: &Case) -> Exercise {
    let score = style::score(&case.answers).expect("generated answers are valid");
    let right = score.style.expect("generated answers never tie");
    let mut facts = vec![Text::new("exercise.style.fact.intro").plain("name", case.name)];
    facts.extend(QUESTIONNAIRE.iter().zip(&case.answers).map(|(q, a)| {
        Text::new("exercise.style.fact.behaviour")
            .key_arg("question", q.key)
            .key_arg("answer", q.options[usize::from(*a)])
    }));
    let choices: Vec<Text> = CommunicationStyle::ALL
        .iter()
        .map(|s| Text::new(s.key()))
        .collect();
    let answer = CommunicationStyle::ALL
        .iter()
        .position(|s| *s == right)
        .expect("every style is a choice");
    let lean_tells = if score.assertiveness > 0 {
        "exercise.style.lean.tells"
    } else {
        "exercise.style.lean.asks"
    };
    let lean_people = if score.responsiveness > 0 {
        "exercise.style.lean.people"
    } else {
        "exercise.style.lean.task"
    };
    let hints = right.hints();
    let explanation = vec![
        Text::new("exercise.style.explain.rule"),
        Text::new("exercise.style.explain.axes")
            .count("assertiveness", i64::from(score.assertiveness))
            .key_arg("lean_tells", lean_tells)
            .count("responsiveness", i64::from(score.responsiveness))
            .key_arg("lean_people", lean_people)
            .key_arg("style", right.key()),
        Text::new("exercise.style.explain.do").key_arg("hint", hints.dos[0]),
        Text::new("exercise.style.explain.dont").key_arg("hint", hints.donts[0]),
        Text::new("exercise.style.explain.question").key_arg("tip", hints.question_tip),
    ];
    Exercise {
        topic: Topic::Style,
        seed,
        question: Text::new("exercise.style.question").plain("name", case.name),
        facts,
        choices,
        answer,
        explanation,
        guide: super::guide_of(Topic::Style),
    }
}
