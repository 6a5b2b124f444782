//! Which role is missing? The people of a buying centre, each described by what they do in
//! the purchase; one of the five roles is held by nobody. The answer is the role the
//! buying-centre map's own warning names ([`buying_centre::warnings`]).

use super::{base_now, id, pick, pick_n, rng, Exercise, Text, ACCOUNTS, PEOPLE};
use crate::domain::buying_centre::{self, BuyingCentreWarning};
use crate::domain::contact::{BuyingFunction, BuyingLevel, BuyingRole, Contact};
use crate::domain::training::Topic;

/// One person of the buying centre.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: &'static str,
    pub level: BuyingLevel,
    pub function: BuyingFunction,
    pub roles: Vec<BuyingRole>,
}

/// The inputs of one buying-centre exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub account: &'static str,
    pub people: Vec<Person>,
}

impl Case {
    /// The people as contacts of one account (what the map's warnings read).
    pub fn contacts(&self, seed: u32) -> Vec<Contact> {
        let mut r = rng(seed ^ 0xbc);
        let account = id(&mut r);
        self.people
            .iter()
            .map(|p| {
                let mut c = Contact::new(account, p.name, base_now());
                c.id = id(&mut r);
                c.level = Some(p.level);
                c.function = Some(p.function);
                c.roles = p.roles.clone();
                c
            })
            .collect()
    }
}

/// Where a person holding `role` usually sits in the buying centre.
fn seat(role: BuyingRole) -> (BuyingLevel, BuyingFunction) {
    match role {
        BuyingRole::Initiator => (BuyingLevel::Operation, BuyingFunction::User),
        BuyingRole::DecisionMaker => (BuyingLevel::Decision, BuyingFunction::Other),
        BuyingRole::User => (BuyingLevel::Operation, BuyingFunction::User),
        BuyingRole::Designer => (BuyingLevel::Management, BuyingFunction::Technical),
        BuyingRole::Evaluator => (BuyingLevel::Management, BuyingFunction::Procurement),
    }
}

/// What a holder of `role` does, as a catalogue key.
pub fn does_key(role: BuyingRole) -> &'static str {
    match role {
        BuyingRole::Initiator => "exercise.bc.does.initiator",
        BuyingRole::DecisionMaker => "exercise.bc.does.decision_maker",
        BuyingRole::User => "exercise.bc.does.user",
        BuyingRole::Designer => "exercise.bc.does.designer",
        BuyingRole::Evaluator => "exercise.bc.does.evaluator",
    }
}

/// Draws the missing role and three or four people holding the other four.
pub fn case(seed: u32) -> Case {
    let mut r = rng(seed);
    let account = pick(&mut r, ACCOUNTS);
    let missing = pick(&mut r, BuyingRole::ALL);
    let mut held: Vec<BuyingRole> = BuyingRole::ALL
        .iter()
        .copied()
        .filter(|x| *x != missing)
        .collect();
    r.shuffle(&mut held);
    let mut groups: Vec<Vec<BuyingRole>> = held.iter().map(|x| vec![*x]).collect();
    if r.bool() {
        // One person holds two roles.
        let extra = groups.pop().expect("four roles");
        groups[0].extend(extra);
    }
    let names = pick_n(&mut r, PEOPLE, groups.len());
    let people = groups
        .into_iter()
        .zip(names)
        .map(|(roles, name)| {
            let (level, function) = seat(roles[0]);
            Person {
                name,
                level,
                function,
                roles,
            }
        })
        .collect();
    Case { account, people }
}

/// The exercise of `case`: the answer is the role the map's warning says nobody holds.
pub fn build(seed: u32, case: &Case) -> Exercise {
    let contacts = case.contacts(seed);
    let missing = buying_centre::warnings(&contacts)
        .iter()
        .find_map(BuyingCentreWarning::role)
        .expect("one role is missing");
    let facts = case
        .people
        .iter()
        .map(|p| {
            let t = Text::new(if p.roles.len() > 1 {
                "exercise.bc.fact.person_two"
            } else {
                "exercise.bc.fact.person"
            })
            .plain("name", p.name)
            .key_arg("level", p.level.key())
            .key_arg("function", p.function.key())
            .key_arg("does", does_key(p.roles[0]));
            match p.roles.get(1) {
                Some(also) => t.key_arg("also", does_key(*also)),
                None => t,
            }
        })
        .collect();
    let answer = BuyingRole::ALL
        .iter()
        .position(|x| *x == missing)
        .expect("every role is a choice");
    Exercise {
        topic: Topic::BuyingCentre,
        seed,
        question: Text::new("exercise.bc.question").plain("account", case.account),
        facts,
        choices: BuyingRole::ALL.iter().map(|x| Text::new(x.key())).collect(),
        answer,
        explanation: vec![
            Text::new("exercise.bc.explain.rule"),
            Text::new("exercise.bc.explain.missing")
                .key_arg("does", does_key(missing))
                .key_arg("role", missing.key()),
            Text::new("exercise.bc.explain.next"),
        ],
        guide: super::guide_of(Topic::BuyingCentre),
    }
}
