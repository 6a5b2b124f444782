//! Step 4 — competitive analysis and strategy of one deal.
//!
//! **Analysis:** our strengths and weaknesses against the competition, one line each. A
//! strength is worth something only when it meets a need of this deal (one of the five
//! layers recorded in step 3) of a person involved; a weakness matters by the people it
//! hurts. **Strategy:** an action plan per person — explain a strength to them, or find a
//! remedy for a weakness that hurts them ([`PlanAction`]).
//!
//! [`warnings`] points at the gaps: a key person (decision maker or evaluator) with no
//! action, a strength that meets no need, a strength or weakness that touches nobody, and
//! an action whose person or point is gone. Links are by id; a need or a person removed
//! from the deal stops counting, and is never silently dropped from what the rep wrote.

use serde::{Deserialize, Serialize};

use super::buying_stage::BuyingRole;
use super::deal::{Deal, DealPerson};
use super::dedupe::{relink_id, relink_ids};
use super::fields::{FieldError, FieldProblem};
use super::ids::{new_id, Id};
use super::needs::Need;
use super::rules::MAX_NAME;

/// The longest strength, weakness or action line, in characters.
pub const MAX_LINE: usize = MAX_NAME;

/// The competitive analysis and strategy of a deal, kept on the deal.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CompetitiveAnalysis {
    /// Strengths and weaknesses, in the order recorded.
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub points: Vec<Point>,
    /// The action plan, in the order recorded.
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub actions: Vec<PlanAction>,
}

/// A strength or a weakness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PointKind {
    Strength,
    Weakness,
}

crate::keyed_enum!(PointKind, "competitive.kind", {
    Strength => "strength",
    Weakness => "weakness",
});

/// One of our strengths or weaknesses against the competition on this deal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    pub id: Id,
    pub kind: PointKind,
    pub text: String,
    /// The needs of the deal a strength meets (empty for a weakness).
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub need_ids: Vec<Id>,
    /// The people it serves (a strength) or hurts (a weakness): contact ids.
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub person_ids: Vec<Id>,
}

/// One step of the plan: what the rep will do with one person about one point — explain
/// the strength to them, or remedy the weakness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAction {
    pub id: Id,
    pub person_id: Id,
    pub point_id: Id,
    pub text: String,
}

/// A strength or weakness as typed and chosen in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointDraft {
    pub kind: PointKind,
    pub text: String,
    pub need_ids: Vec<Id>,
    pub person_ids: Vec<Id>,
}

/// An action of the plan as chosen and typed in the form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActionDraft {
    pub person_id: Option<Id>,
    pub point_id: Option<Id>,
    pub text: String,
}

/// A required one-line text: trimmed, not empty, at most [`MAX_LINE`] characters.
fn line(field: &'static str, label: &'static str, s: &str, errs: &mut Vec<FieldError>) -> String {
    let t = s.trim();
    if t.is_empty() {
        errs.push(FieldError::new(field, label, FieldProblem::Required));
    } else if t.chars().count() > MAX_LINE {
        errs.push(FieldError::new(field, label, FieldProblem::TooLong).arg("value", t));
    }
    t.to_string()
}

fn on_deal(people: &[DealPerson], id: Id) -> bool {
    people.iter().any(|p| p.contact_id == id)
}

impl PointDraft {
    /// The point, or every problem in form order: the text (required, one line), needs that
    /// are not this deal's, people who are not on this deal. A weakness keeps no needs.
    pub fn validate(
        &self,
        needs: &[Need],
        people: &[DealPerson],
    ) -> Result<Point, Vec<FieldError>> {
        let mut errs = Vec::new();
        let text = line(
            "point_text",
            "competitive.field.point",
            &self.text,
            &mut errs,
        );
        let need_ids = match self.kind {
            PointKind::Strength => dedup(&self.need_ids),
            PointKind::Weakness => Vec::new(),
        };
        if let Some(i) = need_ids
            .iter()
            .position(|n| !needs.iter().any(|x| x.id == *n))
        {
            errs.push(
                FieldError::new(
                    "point_needs",
                    "competitive.field.needs",
                    FieldProblem::UnknownNeed,
                )
                .at(i),
            );
        }
        let person_ids = dedup(&self.person_ids);
        if let Some(i) = person_ids.iter().position(|p| !on_deal(people, *p)) {
            errs.push(
                FieldError::new(
                    "point_people",
                    self.kind.people_label_key(),
                    FieldProblem::UnknownPerson,
                )
                .at(i),
            );
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(Point {
            id: new_id(),
            kind: self.kind,
            text,
            need_ids,
            person_ids,
        })
    }
}

impl PointKind {
    /// The label of the people a point of this kind is linked to ("Serves" / "Hurts").
    pub fn people_label_key(&self) -> &'static str {
        match self {
            Self::Strength => "competitive.field.serves",
            Self::Weakness => "competitive.field.hurts",
        }
    }
}

fn dedup(ids: &[Id]) -> Vec<Id> {
    let mut out: Vec<Id> = Vec::with_capacity(ids.len());
    for id in ids {
        if !out.contains(id) {
            out.push(*id);
        }
    }
    out
}

impl ActionDraft {
    /// The action, or every problem in form order: a person of this deal, a point of this
    /// analysis, and the text (required, one line).
    pub fn validate(
        &self,
        analysis: &CompetitiveAnalysis,
        people: &[DealPerson],
    ) -> Result<PlanAction, Vec<FieldError>> {
        let mut errs = Vec::new();
        const PERSON: &str = "competitive.field.action_person";
        const POINT: &str = "competitive.field.action_point";
        match self.person_id {
            None => errs.push(FieldError::new(
                "action_person",
                PERSON,
                FieldProblem::Required,
            )),
            Some(p) if !on_deal(people, p) => errs.push(FieldError::new(
                "action_person",
                PERSON,
                FieldProblem::UnknownPerson,
            )),
            Some(_) => {}
        }
        match self.point_id {
            None => errs.push(FieldError::new(
                "action_point",
                POINT,
                FieldProblem::Required,
            )),
            Some(p) if !analysis.points.iter().any(|x| x.id == p) => errs.push(FieldError::new(
                "action_point",
                POINT,
                FieldProblem::UnknownPoint,
            )),
            Some(_) => {}
        }
        let text = line(
            "action_text",
            "competitive.field.action_text",
            &self.text,
            &mut errs,
        );
        match (self.person_id, self.point_id, errs.is_empty()) {
            (Some(person_id), Some(point_id), true) => Ok(PlanAction {
                id: new_id(),
                person_id,
                point_id,
                text,
            }),
            _ => Err(errs),
        }
    }
}

/// Adds a strength or weakness to the deal's analysis; refused with every problem.
pub fn add_point(deal: &mut Deal, draft: &PointDraft) -> Result<(), Vec<FieldError>> {
    let point = draft.validate(&deal.needs, &deal.people)?;
    deal.competitive.points.push(point);
    Ok(())
}

/// Removes a strength or weakness. Actions about it stay (what the rep wrote is kept) and
/// are warned about until they are removed too.
pub fn remove_point(deal: &mut Deal, point_id: Id) {
    deal.competitive.points.retain(|p| p.id != point_id);
}

/// Adds an action to the plan; refused with every problem.
pub fn add_action(deal: &mut Deal, draft: &ActionDraft) -> Result<(), Vec<FieldError>> {
    let action = draft.validate(&deal.competitive, &deal.people)?;
    deal.competitive.actions.push(action);
    Ok(())
}

/// Removes an action from the plan.
pub fn remove_action(deal: &mut Deal, action_id: Id) {
    deal.competitive.actions.retain(|a| a.id != action_id);
}

/// Re-points the analysis's and the plan's links from person `from` to `to` (two people
/// merged), dropping a resulting duplicate. Returns whether it changed.
pub fn relink_person(a: &mut CompetitiveAnalysis, from: Id, to: Id) -> bool {
    let mut changed = false;
    for p in &mut a.points {
        changed |= relink_ids(&mut p.person_ids, from, to);
    }
    for x in &mut a.actions {
        changed |= relink_id(&mut x.person_id, from, to);
    }
    changed
}

/// The actions of the plan for one person, in the order recorded.
pub fn actions_for(analysis: &CompetitiveAnalysis, person_id: Id) -> Vec<&PlanAction> {
    analysis
        .actions
        .iter()
        .filter(|a| a.person_id == person_id)
        .collect()
}

/// A gap in the competitive analysis or the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompetitiveWarning {
    /// A decision maker or evaluator of the deal has no action in the plan.
    KeyPersonWithoutAction { person_id: Id, role: BuyingRole },
    /// A strength meets none of the deal's needs.
    StrengthWithoutNeed { point_id: Id },
    /// A strength or weakness is linked to nobody on the deal.
    PointWithoutPerson { point_id: Id, kind: PointKind },
    /// An action addresses a strength or weakness no longer in the analysis.
    ActionPointGone { action_id: Id },
    /// An action is for a person no longer on the deal.
    ActionPersonGone { action_id: Id },
}

crate::keyed_enum!(CompetitiveWarning, {
    Self::KeyPersonWithoutAction { .. } => "competitive.warning.key_person_without_action",
    Self::StrengthWithoutNeed { .. } => "competitive.warning.strength_without_need",
    Self::PointWithoutPerson { kind: PointKind::Strength, .. } => "competitive.warning.strength_without_person",
    Self::PointWithoutPerson { .. } => "competitive.warning.weakness_without_person",
    Self::ActionPointGone { .. } => "competitive.warning.action_point_gone",
    Self::ActionPersonGone { .. } => "competitive.warning.action_person_gone",
});

/// The roles that make a person key to the competitive strategy, in the order checked.
pub const KEY_ROLES: [BuyingRole; 2] = [BuyingRole::DecisionMaker, BuyingRole::Evaluator];

/// Warnings about the deal's analysis and plan: key people without an action (in the order
/// of the deal's people), then per point (strength without need, point without person), then
/// per action (point gone, person gone). Only needs and people still on the deal count.
pub fn warnings(deal: &Deal) -> Vec<CompetitiveWarning> {
    let a = &deal.competitive;
    let mut out = Vec::new();
    for p in &deal.people {
        let Some(role) = KEY_ROLES.into_iter().find(|r| p.roles.contains(r)) else {
            continue;
        };
        let has_action = a
            .actions
            .iter()
            .any(|x| x.person_id == p.contact_id && a.points.iter().any(|pt| pt.id == x.point_id));
        if !has_action {
            out.push(CompetitiveWarning::KeyPersonWithoutAction {
                person_id: p.contact_id,
                role,
            });
        }
    }
    for pt in &a.points {
        if pt.kind == PointKind::Strength
            && !pt
                .need_ids
                .iter()
                .any(|n| deal.needs.iter().any(|x| x.id == *n))
        {
            out.push(CompetitiveWarning::StrengthWithoutNeed { point_id: pt.id });
        }
        if !pt.person_ids.iter().any(|p| on_deal(&deal.people, *p)) {
            out.push(CompetitiveWarning::PointWithoutPerson {
                point_id: pt.id,
                kind: pt.kind,
            });
        }
    }
    for x in &a.actions {
        if !a.points.iter().any(|pt| pt.id == x.point_id) {
            out.push(CompetitiveWarning::ActionPointGone { action_id: x.id });
        }
        if !on_deal(&deal.people, x.person_id) {
            out.push(CompetitiveWarning::ActionPersonGone { action_id: x.id });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::{Currency, Money};
    use crate::domain::needs::NeedLayer;
    use chrono::{TimeZone, Utc};

    struct Fixture {
        deal: Deal,
        boss: Id,
        judge: Id,
        user: Id,
        need: Id,
    }

    fn fixture() -> Fixture {
        let now = Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap();
        let mut deal = Deal::new(new_id(), "Line 4", Money::zero(Currency::default()), now);
        let (boss, judge, user) = (new_id(), new_id(), new_id());
        for (id, roles) in [
            (boss, vec![BuyingRole::DecisionMaker]),
            (judge, vec![BuyingRole::User, BuyingRole::Evaluator]),
            (user, vec![BuyingRole::User]),
        ] {
            deal.people.push(DealPerson {
                contact_id: id,
                roles,
            });
        }
        let need = Need::new(NeedLayer::Problem, "Stops twice a week", Some(user), "").unwrap();
        let need_id = need.id;
        deal.needs.push(need);
        Fixture {
            deal,
            boss,
            judge,
            user,
            need: need_id,
        }
    }

    fn strength(text: &str, needs: Vec<Id>, people: Vec<Id>) -> PointDraft {
        PointDraft {
            kind: PointKind::Strength,
            text: text.into(),
            need_ids: needs,
            person_ids: people,
        }
    }

    fn point_id(d: &Deal, text: &str) -> Id {
        d.competitive
            .points
            .iter()
            .find(|p| p.text == text)
            .unwrap()
            .id
    }

    #[test]
    fn a_point_is_one_trimmed_line_linked_to_this_deals_needs_and_people() {
        let mut f = fixture();
        add_point(
            &mut f.deal,
            &strength(
                "  24 h service on site ",
                vec![f.need, f.need],
                vec![f.user],
            ),
        )
        .unwrap();
        let p = &f.deal.competitive.points[0];
        assert_eq!(p.text, "24 h service on site");
        assert_eq!(p.need_ids, vec![f.need]);
        assert_eq!(p.person_ids, vec![f.user]);

        let errs = strength("   ", vec![new_id()], vec![f.user, new_id()])
            .validate(&f.deal.needs, &f.deal.people)
            .unwrap_err();
        let got: Vec<_> = errs.iter().map(|e| (e.field, e.problem, e.index)).collect();
        assert_eq!(
            got,
            vec![
                ("point_text", FieldProblem::Required, None),
                ("point_needs", FieldProblem::UnknownNeed, Some(0)),
                ("point_people", FieldProblem::UnknownPerson, Some(1)),
            ]
        );
        let long = "x".repeat(MAX_LINE + 1);
        let errs = strength(&long, vec![], vec![])
            .validate(&f.deal.needs, &f.deal.people)
            .unwrap_err();
        assert_eq!(errs[0].problem, FieldProblem::TooLong);
        assert!(strength(&"x".repeat(MAX_LINE), vec![], vec![])
            .validate(&f.deal.needs, &f.deal.people)
            .is_ok());
    }

    #[test]
    fn a_weakness_keeps_no_needs() {
        let f = fixture();
        let w = PointDraft {
            kind: PointKind::Weakness,
            text: "No local warehouse".into(),
            need_ids: vec![new_id()],
            person_ids: vec![f.boss],
        }
        .validate(&f.deal.needs, &f.deal.people)
        .unwrap();
        assert!(w.need_ids.is_empty());
    }

    #[test]
    fn an_action_needs_a_person_of_the_deal_a_point_and_a_text() {
        let mut f = fixture();
        add_point(&mut f.deal, &strength("Fast", vec![f.need], vec![f.boss])).unwrap();
        let pt = point_id(&f.deal, "Fast");
        let errs = ActionDraft::default()
            .validate(&f.deal.competitive, &f.deal.people)
            .unwrap_err();
        let got: Vec<_> = errs.iter().map(|e| (e.field, e.problem)).collect();
        assert_eq!(
            got,
            vec![
                ("action_person", FieldProblem::Required),
                ("action_point", FieldProblem::Required),
                ("action_text", FieldProblem::Required),
            ]
        );
        let stranger = ActionDraft {
            person_id: Some(new_id()),
            point_id: Some(new_id()),
            text: "Call".into(),
        };
        let got: Vec<_> = stranger
            .validate(&f.deal.competitive, &f.deal.people)
            .unwrap_err()
            .iter()
            .map(|e| e.problem)
            .collect();
        assert_eq!(
            got,
            vec![FieldProblem::UnknownPerson, FieldProblem::UnknownPoint]
        );
        add_action(
            &mut f.deal,
            &ActionDraft {
                person_id: Some(f.boss),
                point_id: Some(pt),
                text: " Show the uptime report ".into(),
            },
        )
        .unwrap();
        assert_eq!(f.deal.competitive.actions[0].text, "Show the uptime report");
        assert_eq!(actions_for(&f.deal.competitive, f.boss).len(), 1);
        assert!(actions_for(&f.deal.competitive, f.judge).is_empty());
    }

    #[test]
    fn key_people_without_an_action_are_warned_about_until_they_have_one() {
        let mut f = fixture();
        assert_eq!(
            warnings(&f.deal),
            vec![
                CompetitiveWarning::KeyPersonWithoutAction {
                    person_id: f.boss,
                    role: BuyingRole::DecisionMaker
                },
                CompetitiveWarning::KeyPersonWithoutAction {
                    person_id: f.judge,
                    role: BuyingRole::Evaluator
                },
            ]
        );
        add_point(
            &mut f.deal,
            &strength("Fast", vec![f.need], vec![f.boss, f.judge]),
        )
        .unwrap();
        let pt = point_id(&f.deal, "Fast");
        for who in [f.boss, f.judge] {
            add_action(
                &mut f.deal,
                &ActionDraft {
                    person_id: Some(who),
                    point_id: Some(pt),
                    text: "Explain".into(),
                },
            )
            .unwrap();
        }
        assert!(warnings(&f.deal).is_empty());
        // A plain user needs no action.
        assert!(!warnings(&f.deal).iter().any(|w| matches!(
            w,
            CompetitiveWarning::KeyPersonWithoutAction { person_id, .. } if *person_id == f.user
        )));
    }

    #[test]
    fn points_linked_to_no_need_or_nobody_are_warned_about() {
        let mut f = fixture();
        f.deal.people.retain(|p| p.contact_id == f.user);
        add_point(&mut f.deal, &strength("Cheap", vec![], vec![f.user])).unwrap();
        add_point(&mut f.deal, &strength("Local", vec![f.need], vec![])).unwrap();
        add_point(
            &mut f.deal,
            &PointDraft {
                kind: PointKind::Weakness,
                text: "Slow delivery".into(),
                need_ids: vec![],
                person_ids: vec![],
            },
        )
        .unwrap();
        add_point(
            &mut f.deal,
            &PointDraft {
                kind: PointKind::Weakness,
                text: "Small team".into(),
                need_ids: vec![],
                person_ids: vec![f.user],
            },
        )
        .unwrap();
        let (cheap, local, slow) = (
            point_id(&f.deal, "Cheap"),
            point_id(&f.deal, "Local"),
            point_id(&f.deal, "Slow delivery"),
        );
        let w = warnings(&f.deal);
        assert_eq!(
            w,
            vec![
                CompetitiveWarning::StrengthWithoutNeed { point_id: cheap },
                CompetitiveWarning::PointWithoutPerson {
                    point_id: local,
                    kind: PointKind::Strength
                },
                CompetitiveWarning::PointWithoutPerson {
                    point_id: slow,
                    kind: PointKind::Weakness
                },
            ]
        );
        assert_eq!(w[1].key(), "competitive.warning.strength_without_person");
        assert_eq!(w[2].key(), "competitive.warning.weakness_without_person");

        // A need removed from the deal stops counting.
        f.deal.needs.clear();
        assert!(warnings(&f.deal)
            .contains(&CompetitiveWarning::StrengthWithoutNeed { point_id: local }));
    }

    #[test]
    fn actions_whose_point_or_person_is_gone_are_warned_about() {
        let mut f = fixture();
        add_point(&mut f.deal, &strength("Fast", vec![f.need], vec![f.user])).unwrap();
        let pt = point_id(&f.deal, "Fast");
        for who in [f.boss, f.judge, f.user] {
            add_action(
                &mut f.deal,
                &ActionDraft {
                    person_id: Some(who),
                    point_id: Some(pt),
                    text: "Explain".into(),
                },
            )
            .unwrap();
        }
        assert!(warnings(&f.deal).is_empty());
        let for_user = f.deal.competitive.actions[2].id;
        f.deal.people.retain(|p| p.contact_id != f.user);
        assert_eq!(
            warnings(&f.deal),
            vec![
                CompetitiveWarning::PointWithoutPerson {
                    point_id: pt,
                    kind: PointKind::Strength
                },
                CompetitiveWarning::ActionPersonGone {
                    action_id: for_user
                },
            ]
        );
        remove_point(&mut f.deal, pt);
        let w = warnings(&f.deal);
        // The key people's actions no longer count: their point is gone.
        assert!(w.contains(&CompetitiveWarning::KeyPersonWithoutAction {
            person_id: f.boss,
            role: BuyingRole::DecisionMaker
        }));
        let gone = w
            .iter()
            .filter(|w| matches!(w, CompetitiveWarning::ActionPointGone { .. }))
            .count();
        assert_eq!(gone, 3);
        assert_eq!(
            f.deal.competitive.actions.len(),
            3,
            "what was written is kept"
        );
        remove_action(&mut f.deal, for_user);
        assert_eq!(f.deal.competitive.actions.len(), 2);
    }

    #[test]
    fn a_merge_of_two_people_repoints_the_analysis_and_the_plan() {
        let mut f = fixture();
        add_point(
            &mut f.deal,
            &strength("Fast", vec![f.need], vec![f.boss, f.judge]),
        )
        .unwrap();
        let pt = point_id(&f.deal, "Fast");
        add_action(
            &mut f.deal,
            &ActionDraft {
                person_id: Some(f.judge),
                point_id: Some(pt),
                text: "Explain".into(),
            },
        )
        .unwrap();
        assert!(relink_person(&mut f.deal.competitive, f.judge, f.boss));
        assert_eq!(f.deal.competitive.points[0].person_ids, vec![f.boss]);
        assert_eq!(f.deal.competitive.actions[0].person_id, f.boss);
        assert!(!relink_person(&mut f.deal.competitive, f.user, f.boss));
    }

    #[test]
    fn an_old_deal_without_an_analysis_reads_as_empty() {
        let a: CompetitiveAnalysis = serde_json::from_str("{}").unwrap();
        assert_eq!(a, CompetitiveAnalysis::default());
    }
}
