//! Step 2 — building trust: relationship stages per person.
//!
//! Four stages, in order: acquaintance → dating → trust → alliance. Each has a *marker*,
//! phrased as the question that decides it ("Does the person call you by name?"), and
//! typical activities (see [`ActivityKind::typical_stage`]). A stage change is recorded
//! with its date and the evidence the rep noted:
//! - moving **up** needs evidence (what the rep saw that answers the marker question);
//!   skipping a stage is allowed (evidence still required);
//! - moving **down** is allowed, and recorded with whatever evidence was given;
//! - "changing" to the current stage is an error.
//!
//! Account health ([`health`]) counts people per stage and guides, and — only while a
//! deal is open — warns when decision-level people are still acquaintances.

use crate::domain::activity::ActivityKind;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The four stages of a relationship with one person, in order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum RelationshipStage {
    #[default]
    Acquaintance,
    Dating,
    Trust,
    Alliance,
}

impl RelationshipStage {
    pub const ALL: &'static [RelationshipStage] = &[
        RelationshipStage::Acquaintance,
        RelationshipStage::Dating,
        RelationshipStage::Trust,
        RelationshipStage::Alliance,
    ];

    /// 1 to 4.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The stage after this one; `None` for alliance.
    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self as usize + 1).copied()
    }

    /// The stage before this one; `None` for acquaintance.
    pub fn previous(self) -> Option<Self> {
        (self as usize).checked_sub(1).map(|i| Self::ALL[i])
    }

    /// Catalogue key of the stage's marker, phrased as the deciding question
    /// ("Does the person call you by name?").
    pub fn marker_key(&self) -> &'static str {
        match self {
            RelationshipStage::Acquaintance => "stage.acquaintance.marker",
            RelationshipStage::Dating => "stage.dating.marker",
            RelationshipStage::Trust => "stage.trust.marker",
            RelationshipStage::Alliance => "stage.alliance.marker",
        }
    }

    /// The activities METHOD.md lists for this stage, in its order.
    pub fn typical_activities(&self) -> &'static [ActivityKind] {
        use ActivityKind::*;
        match self {
            RelationshipStage::Acquaintance => &[PhoneCall, Visit, SmallGift],
            RelationshipStage::Dating => {
                &[BusinessMeal, CompanyVisit, TechnicalExchange, TrialOrSample]
            }
            RelationshipStage::Trust => &[SocialEvent, FamilyEvent, OffSiteTrip, ValuableGift],
            RelationshipStage::Alliance => &[IntroductionToColleagues],
        }
    }
}

crate::keyed_enum!(RelationshipStage, {
    RelationshipStage::Acquaintance => "stage.acquaintance",
    RelationshipStage::Dating => "stage.dating",
    RelationshipStage::Trust => "stage.trust",
    RelationshipStage::Alliance => "stage.alliance",
});

/// The typical activities of the current stage and of the next one (empty at alliance):
/// what to do to hold the relationship, and what to try to move it on.
pub fn suggested_activities(stage: RelationshipStage) -> (Vec<ActivityKind>, Vec<ActivityKind>) {
    (
        stage.typical_activities().to_vec(),
        stage
            .next()
            .map(|n| n.typical_activities().to_vec())
            .unwrap_or_default(),
    )
}

/// After logging an activity with a person: the stage to consider moving them to, when
/// the activity belongs to a later stage than theirs (an acquaintance who accepted a
/// business meal may now be "dating"). Only one stage up is suggested; gifts are given by
/// the rep and prove nothing about the person, so they never suggest a move. The rep
/// still answers the marker question and notes the evidence in [`change_stage`].
pub fn stage_to_consider(
    current: RelationshipStage,
    kind: ActivityKind,
) -> Option<RelationshipStage> {
    if kind.is_gift() {
        return None;
    }
    match kind.typical_stage() {
        Some(s) if s > current => current.next(),
        _ => None,
    }
}

/// One recorded change of stage, with the evidence the rep noted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub at: DateTime<Utc>,
    pub from: RelationshipStage,
    pub to: RelationshipStage,
    #[serde(default)]
    pub evidence: String,
}

impl StageChange {
    pub fn is_up(&self) -> bool {
        self.to > self.from
    }
}

/// A person's current stage and the history of how it got there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Relationship {
    pub stage: RelationshipStage,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub history: Vec<StageChange>,
}

impl Relationship {
    /// When the current stage was reached (`None`: acquaintance from the start).
    pub fn since(&self) -> Option<DateTime<Utc>> {
        self.history.last().map(|c| c.at)
    }

    /// The history newest first, for display.
    pub fn history_newest_first(&self) -> impl Iterator<Item = &StageChange> {
        self.history.iter().rev()
    }
}

/// Why a stage change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageError {
    /// The person is already at that stage.
    SameStage,
    /// Moving up needs the evidence that answers the marker question.
    EvidenceRequired,
}

crate::keyed_enum!(StageError, {
    StageError::SameStage => "stage.error.same_stage",
    StageError::EvidenceRequired => "stage.error.evidence_required",
});

/// Moves the person to `to`, recording the change with `now` and the trimmed evidence.
/// On error the relationship is left as it was.
pub fn change_stage(
    rel: &mut Relationship,
    to: RelationshipStage,
    evidence: &str,
    now: DateTime<Utc>,
) -> Result<(), StageError> {
    let evidence = evidence.trim();
    if to == rel.stage {
        return Err(StageError::SameStage);
    }
    if to > rel.stage && evidence.is_empty() {
        return Err(StageError::EvidenceRequired);
    }
    rel.history.push(StageChange {
        at: now,
        from: rel.stage,
        to,
        evidence: evidence.to_string(),
    });
    rel.stage = to;
    Ok(())
}

/// How many people are at each stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StageCounts(pub [usize; 4]);

impl StageCounts {
    pub fn get(&self, stage: RelationshipStage) -> usize {
        self.0[stage as usize]
    }
    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }
    /// `(stage, count)` in stage order.
    pub fn iter(&self) -> impl Iterator<Item = (RelationshipStage, usize)> + '_ {
        RelationshipStage::ALL.iter().map(|s| (*s, self.get(*s)))
    }
    fn add(&mut self, stage: RelationshipStage) {
        self.0[stage as usize] += 1;
    }
}

/// Counts people per stage.
pub fn stage_counts<'a>(rels: impl IntoIterator<Item = &'a Relationship>) -> StageCounts {
    let mut c = StageCounts::default();
    for r in rels {
        c.add(r.stage);
    }
    c
}

/// A warning on an account's relationships. Only raised while a deal is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HealthWarning {
    /// `acquaintances` of the `decision_level` decision-level people are still
    /// acquaintances (raised when at least one is).
    DecisionMakersStillAcquaintances {
        acquaintances: usize,
        decision_level: usize,
    },
    /// No decision-level person is known at all.
    NoDecisionLevelPeople,
    /// No one at the account is marked as a guide.
    NoGuide,
}

crate::keyed_enum!(HealthWarning, {
    HealthWarning::DecisionMakersStillAcquaintances { .. } => "health.warning.decision_makers_still_acquaintances",
    HealthWarning::NoDecisionLevelPeople => "health.warning.no_decision_level_people",
    HealthWarning::NoGuide => "health.warning.no_guide",
});

/// The relationship health of one account.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AccountHealth {
    pub counts: StageCounts,
    pub guides: usize,
    pub warnings: Vec<HealthWarning>,
}

/// Health of an account from its people: `(is decision level, is guide, relationship)`.
/// Warnings are raised only when `has_open_deal` (the check activates once deals exist).
pub fn health(contacts: &[(bool, bool, &Relationship)], has_open_deal: bool) -> AccountHealth {
    let counts = stage_counts(contacts.iter().map(|(_, _, r)| *r));
    let guides = contacts.iter().filter(|(_, g, _)| *g).count();
    let mut warnings = Vec::new();
    if has_open_deal {
        let decision_level = contacts.iter().filter(|(d, _, _)| *d).count();
        let acquaintances = contacts
            .iter()
            .filter(|(d, _, r)| *d && r.stage == RelationshipStage::Acquaintance)
            .count();
        if decision_level == 0 {
            warnings.push(HealthWarning::NoDecisionLevelPeople);
        } else if acquaintances > 0 {
            warnings.push(HealthWarning::DecisionMakersStillAcquaintances {
                acquaintances,
                decision_level,
            });
        }
        if guides == 0 {
            warnings.push(HealthWarning::NoGuide);
        }
    }
    AccountHealth {
        counts,
        guides,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use RelationshipStage::*;

    fn at(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 4, d, 10, 0, 0).unwrap()
    }
    fn rel(stage: RelationshipStage) -> Relationship {
        Relationship {
            stage,
            history: vec![],
        }
    }

    #[test]
    fn stages_are_ordered_and_step_one_at_a_time() {
        assert_eq!(Acquaintance.next(), Some(Dating));
        assert_eq!(Dating.next(), Some(Trust));
        assert_eq!(Trust.next(), Some(Alliance));
        assert_eq!(Alliance.next(), None);
        assert_eq!(Acquaintance.previous(), None);
        assert_eq!(Alliance.previous(), Some(Trust));
        assert!(Acquaintance < Dating && Trust < Alliance);
        assert_eq!(
            RelationshipStage::ALL
                .iter()
                .map(|s| s.number())
                .collect::<Vec<_>>(),
            vec![1, 2, 3, 4]
        );
        assert_eq!(RelationshipStage::default(), Acquaintance);
    }

    #[test]
    fn typical_activities_agree_with_each_kinds_stage() {
        for s in RelationshipStage::ALL {
            for k in s.typical_activities() {
                assert_eq!(k.typical_stage(), Some(*s), "{k:?}");
            }
        }
        for k in ActivityKind::ALL {
            if let Some(s) = k.typical_stage() {
                assert!(s.typical_activities().contains(k), "{k:?}");
            }
        }
    }

    #[test]
    fn suggestions_are_current_and_next_stage_activities() {
        use ActivityKind::*;
        let (now, next) = suggested_activities(Acquaintance);
        assert_eq!(now, vec![PhoneCall, Visit, SmallGift]);
        assert_eq!(
            next,
            vec![BusinessMeal, CompanyVisit, TechnicalExchange, TrialOrSample]
        );
        let (now, next) = suggested_activities(Dating);
        assert!(now.contains(&BusinessMeal));
        assert_eq!(
            next,
            vec![SocialEvent, FamilyEvent, OffSiteTrip, ValuableGift]
        );
        let (now, next) = suggested_activities(Trust);
        assert!(now.contains(&ValuableGift));
        assert_eq!(next, vec![IntroductionToColleagues]);
        let (now, next) = suggested_activities(Alliance);
        assert_eq!(now, vec![IntroductionToColleagues]);
        assert!(next.is_empty());
    }

    #[test]
    fn suggestions_change_after_moving_to_dating() {
        let mut r = Relationship::default();
        let before = suggested_activities(r.stage);
        change_stage(&mut r, Dating, "accepted lunch invitation", at(1)).unwrap();
        let after = suggested_activities(r.stage);
        assert_ne!(before, after);
        assert_eq!(after.0, before.1);
    }

    #[test]
    fn a_later_stage_activity_suggests_one_stage_up() {
        use ActivityKind::*;
        assert_eq!(stage_to_consider(Acquaintance, BusinessMeal), Some(Dating));
        assert_eq!(stage_to_consider(Acquaintance, FamilyEvent), Some(Dating));
        assert_eq!(stage_to_consider(Dating, BusinessMeal), None);
        assert_eq!(stage_to_consider(Trust, PhoneCall), None);
        assert_eq!(stage_to_consider(Acquaintance, ValuableGift), None);
        assert_eq!(stage_to_consider(Acquaintance, Email), None);
    }

    #[test]
    fn moving_up_needs_evidence_and_is_recorded() {
        let mut r = Relationship::default();
        assert_eq!(
            change_stage(&mut r, Dating, "   ", at(1)),
            Err(StageError::EvidenceRequired)
        );
        assert_eq!(r, Relationship::default());
        change_stage(&mut r, Dating, " came to dinner ", at(2)).unwrap();
        assert_eq!(r.stage, Dating);
        assert_eq!(
            r.history,
            vec![StageChange {
                at: at(2),
                from: Acquaintance,
                to: Dating,
                evidence: "came to dinner".into()
            }]
        );
        assert_eq!(r.since(), Some(at(2)));
        // Skipping a stage is allowed, with evidence.
        change_stage(&mut r, Alliance, "introduced us to the CFO", at(3)).unwrap();
        assert_eq!(r.stage, Alliance);
        assert!(r.history[1].is_up());
    }

    #[test]
    fn moving_down_is_allowed_and_recorded_same_stage_is_not() {
        let mut r = rel(Trust);
        assert_eq!(
            change_stage(&mut r, Trust, "x", at(1)),
            Err(StageError::SameStage)
        );
        assert!(r.history.is_empty());
        change_stage(&mut r, Dating, "", at(4)).unwrap();
        assert_eq!(r.stage, Dating);
        assert_eq!(r.history.len(), 1);
        assert!(!r.history[0].is_up());
        change_stage(&mut r, Acquaintance, "left for a rival", at(5)).unwrap();
        assert_eq!(
            r.history_newest_first().next().unwrap().evidence,
            "left for a rival"
        );
    }

    #[test]
    fn relationship_serde_shape_is_stable() {
        let mut r = Relationship::default();
        change_stage(&mut r, Dating, "lunch", at(1)).unwrap();
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["stage"], "dating");
        assert_eq!(json["history"][0]["from"], "acquaintance");
        let old: Relationship = serde_json::from_str(r#"{"stage":"trust"}"#).unwrap();
        assert_eq!(old, rel(Trust));
    }

    #[test]
    fn counts_people_per_stage() {
        let rs = [rel(Acquaintance), rel(Dating), rel(Dating), rel(Alliance)];
        let c = stage_counts(rs.iter());
        assert_eq!(c.get(Acquaintance), 1);
        assert_eq!(c.get(Dating), 2);
        assert_eq!(c.get(Trust), 0);
        assert_eq!(c.get(Alliance), 1);
        assert_eq!(c.total(), 4);
        assert_eq!(
            c.iter().map(|(_, n)| n).collect::<Vec<_>>(),
            vec![1, 2, 0, 1]
        );
    }

    #[test]
    fn health_warns_only_with_an_open_deal() {
        let (a, d, t) = (rel(Acquaintance), rel(Dating), rel(Trust));
        let people = [(true, false, &a), (true, false, &t), (false, true, &d)];
        let h = health(&people, false);
        assert_eq!(h.counts.get(Acquaintance), 1);
        assert_eq!(h.guides, 1);
        assert!(h.warnings.is_empty());

        let h = health(&people, true);
        assert_eq!(
            h.warnings,
            vec![HealthWarning::DecisionMakersStillAcquaintances {
                acquaintances: 1,
                decision_level: 2
            }]
        );

        // Decision-level people past acquaintance: no warning about them.
        let people = [(true, true, &t), (false, false, &a)];
        assert!(health(&people, true).warnings.is_empty());

        // Nobody at decision level, and no guide.
        let people = [(false, false, &d)];
        assert_eq!(
            health(&people, true).warnings,
            vec![HealthWarning::NoDecisionLevelPeople, HealthWarning::NoGuide]
        );
        assert_eq!(health(&[], false), AccountHealth::default());
    }

    #[test]
    fn every_stage_marker_asks_a_question() {
        for s in RelationshipStage::ALL {
            let text = crate::i18n::t(crate::i18n::Locale::En, s.marker_key());
            assert!(text.ends_with('?'), "marker of {s:?} is a question: {text}");
        }
    }
}
