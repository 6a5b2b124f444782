//! Which activity fits a relationship stage? One choice is an activity the method suggests
//! for the stage ([`relationship::suggested_activities`]: the stage's own typical
//! activities); the others are typical of stages the rule does not suggest for it.

use super::{pick, pick_n, rng, Exercise, Text, PEOPLE};
use crate::domain::activity::ActivityKind;
use crate::domain::relationship::{self, RelationshipStage};
use crate::domain::training::Topic;

/// The inputs of one stage exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub name: &'static str,
    pub stage: RelationshipStage,
    /// The activities offered, in the order shown.
    pub offered: Vec<ActivityKind>,
}

/// The activities the rule suggests at `stage`: those of the stage and of the next one.
fn suggested(stage: RelationshipStage) -> Vec<ActivityKind> {
    let (now, next) = relationship::suggested_activities(stage);
    now.into_iter().chain(next).collect()
}

/// Activities that belong to a stage (the channels used at every stage are left out).
fn staged() -> Vec<ActivityKind> {
    ActivityKind::ALL
        .iter()
        .copied()
        .filter(|k| k.typical_stage().is_some())
        .collect()
}

/// Draws a stage, one of its activities and three activities the rule does not suggest.
pub fn case(seed: u32) -> Case {
    let mut r = rng(seed);
    let name = pick(&mut r, PEOPLE);
    let stage = pick(&mut r, RelationshipStage::ALL);
    let right = pick(&mut r, stage.typical_activities());
    let suggested = suggested(stage);
    let others: Vec<ActivityKind> = staged()
        .into_iter()
        .filter(|k| !suggested.contains(k))
        .collect();
    let mut offered = pick_n(&mut r, &others, 3);
    offered.push(right);
    r.shuffle(&mut offered);
    Case {
        name,
        stage,
        offered,
    }
}

/// The exercise of `case`: the answer is the one offered activity the stage's rule suggests.
pub fn build(seed: u32, case: &Case) -> Exercise {
    let (own, _) = relationship::suggested_activities(case.stage);
    let answer = case
        .offered
        .iter()
        .position(|k| own.contains(k))
        .expect("one offered activity is the stage's");
    let right = case.offered[answer];
    let mut explanation = vec![
        Text::new("exercise.stage.explain.rule"),
        Text::new("exercise.stage.explain.right")
            .key_arg("activity", right.key())
            .key_arg("stage", case.stage.key()),
    ];
    for k in case.offered.iter().filter(|k| **k != right) {
        let at = k.typical_stage().expect("offered activities have a stage");
        explanation.push(
            Text::new("exercise.stage.explain.other")
                .key_arg("activity", k.key())
                .key_arg("stage", at.key()),
        );
    }
    Exercise {
        topic: Topic::StageActivity,
        seed,
        question: Text::new("exercise.stage.question")
            .plain("name", case.name)
            .key_arg("stage", case.stage.key()),
        facts: vec![
            Text::new("exercise.stage.fact.stage")
                .plain("name", case.name)
                .key_arg("stage", case.stage.key()),
            Text::new("exercise.stage.fact.marker").key_arg("marker", case.stage.marker_key()),
        ],
        choices: case.offered.iter().map(|k| Text::new(k.key())).collect(),
        answer,
        explanation,
        guide: super::guide_of(Topic::StageActivity),
    }
}
