//! Step 3 — the customer's own buying stage, tracked alongside our step, with the key role
//! the customer has at each stage:
//!
//! discover the need (initiator) → internal approval of whether, when and budget (decision
//! maker) → purchase design, suppliers invited (designer) → evaluation and comparison
//! (evaluator) → purchase commitment, negotiated until a written contract (decision maker) →
//! installation and use (user).
//!
//! [`role_warnings`] warns when nobody among the deal's people has the key role of the
//! **current** stage. Earlier stages do not count: their key person has done the job
//! (the need was raised, the budget approved), and a warning about the past cannot be acted
//! on. Later stages do not count either, so the rep sees one clear warning at a time.

use serde::{Deserialize, Serialize};

use super::deal::DealPerson;

/// A person's role in a purchase (the buying centre's third dimension).
pub use crate::domain::contact::BuyingRole;

/// The customer's buying stages, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuyingStage {
    DiscoverNeed,
    InternalApproval,
    PurchaseDesign,
    Evaluation,
    Commitment,
    InstallationAndUse,
}

impl BuyingStage {
    /// The customer's key role at this stage.
    pub fn key_role(&self) -> BuyingRole {
        match self {
            Self::DiscoverNeed => BuyingRole::Initiator,
            Self::InternalApproval => BuyingRole::DecisionMaker,
            Self::PurchaseDesign => BuyingRole::Designer,
            Self::Evaluation => BuyingRole::Evaluator,
            Self::Commitment => BuyingRole::DecisionMaker,
            Self::InstallationAndUse => BuyingRole::User,
        }
    }

    /// 1-based position in the customer's process.
    pub fn number(&self) -> u8 {
        *self as u8 + 1
    }
}

crate::keyed_enum!(BuyingStage, "buying_stage", ".name", {
    DiscoverNeed => "discover_need",
    InternalApproval => "internal_approval",
    PurchaseDesign => "purchase_design",
    Evaluation => "evaluation",
    Commitment => "commitment",
    InstallationAndUse => "installation_and_use",
}, hint_key = ".hint");

/// A gap in the deal's people for the customer's buying stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuyingStageWarning {
    /// Nobody among the deal's people has the stage's key role.
    NoRole {
        stage: BuyingStage,
        role: BuyingRole,
    },
}

crate::keyed_enum!(BuyingStageWarning, {
    Self::NoRole { stage: BuyingStage::DiscoverNeed, .. } => "buying_stage.discover_need.no_role",
    Self::NoRole { stage: BuyingStage::InternalApproval, .. } => "buying_stage.internal_approval.no_role",
    Self::NoRole { stage: BuyingStage::PurchaseDesign, .. } => "buying_stage.purchase_design.no_role",
    Self::NoRole { stage: BuyingStage::Evaluation, .. } => "buying_stage.evaluation.no_role",
    Self::NoRole { stage: BuyingStage::Commitment, .. } => "buying_stage.commitment.no_role",
    Self::NoRole { stage: BuyingStage::InstallationAndUse, .. } => "buying_stage.installation_and_use.no_role",
});

/// Whether anyone among `people` has `role`.
pub fn has_role(people: &[DealPerson], role: BuyingRole) -> bool {
    people.iter().any(|p| p.roles.contains(&role))
}

/// Warnings for the current buying stage (see the module notes: earlier and later stages
/// do not count).
pub fn role_warnings(stage: BuyingStage, people: &[DealPerson]) -> Vec<BuyingStageWarning> {
    let role = stage.key_role();
    if has_role(people, role) {
        Vec::new()
    } else {
        vec![BuyingStageWarning::NoRole { stage, role }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::new_id;

    fn person(roles: &[BuyingRole]) -> DealPerson {
        DealPerson {
            contact_id: new_id(),
            roles: roles.to_vec(),
        }
    }

    #[test]
    fn each_stage_has_the_methods_key_role() {
        use BuyingRole::*;
        let roles: Vec<_> = BuyingStage::ALL.iter().map(|s| s.key_role()).collect();
        assert_eq!(
            roles,
            vec![
                Initiator,
                DecisionMaker,
                Designer,
                Evaluator,
                DecisionMaker,
                User
            ]
        );
        assert_eq!(BuyingStage::Evaluation.number(), 4);
    }

    #[test]
    fn warns_when_nobody_has_the_current_stages_role() {
        let people = vec![person(&[BuyingRole::User]), person(&[BuyingRole::Designer])];
        assert_eq!(
            role_warnings(BuyingStage::Evaluation, &people),
            vec![BuyingStageWarning::NoRole {
                stage: BuyingStage::Evaluation,
                role: BuyingRole::Evaluator
            }]
        );
        assert_eq!(
            role_warnings(BuyingStage::Evaluation, &people)[0].key(),
            "buying_stage.evaluation.no_role"
        );
        assert!(role_warnings(BuyingStage::PurchaseDesign, &people).is_empty());
        assert!(role_warnings(BuyingStage::InstallationAndUse, &people).is_empty());
    }

    #[test]
    fn a_person_with_several_roles_covers_each_of_them() {
        let people = vec![person(&[BuyingRole::Designer, BuyingRole::Evaluator])];
        assert!(role_warnings(BuyingStage::Evaluation, &people).is_empty());
        assert!(role_warnings(BuyingStage::PurchaseDesign, &people).is_empty());
    }

    #[test]
    fn earlier_stages_roles_do_not_count() {
        // In commitment a decision maker is needed; the missing initiator of the first
        // stage is no longer warned about.
        let people = vec![person(&[BuyingRole::DecisionMaker])];
        assert!(role_warnings(BuyingStage::Commitment, &people).is_empty());
        assert_eq!(role_warnings(BuyingStage::DiscoverNeed, &people).len(), 1);
        assert_eq!(role_warnings(BuyingStage::Commitment, &[]).len(), 1);
    }

    #[test]
    fn serialises_in_snake_case() {
        assert_eq!(
            serde_json::to_string(&BuyingStage::InstallationAndUse).unwrap(),
            "\"installation_and_use\""
        );
        assert_eq!(
            serde_json::to_string(&BuyingRole::DecisionMaker).unwrap(),
            "\"decision_maker\""
        );
    }
}
