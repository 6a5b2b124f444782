//! The method guide's pages: one per step of the method and one per rule a section of
//! the app applies, each reached from the app's "Why?" links.

use serde::{Deserialize, Serialize};

/// One page of the method guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GuidePage {
    CustomerAnalysis,
    BuildingTrust,
    DiscoverNeeds,
    PresentingValue,
    WinningCommitment,
    FollowUpService,
    BuyingCentre,
    RelationshipStages,
    CommunicationStyles,
    NeedsLayers,
    ProposalStructure,
    PresentationOutline,
    Negotiation,
    Receivables,
    DecliningWell,
}

crate::keyed_enum!(GuidePage, "guide.page", ".title", {
    CustomerAnalysis => "customer_analysis",
    BuildingTrust => "building_trust",
    DiscoverNeeds => "discover_needs",
    PresentingValue => "presenting_value",
    WinningCommitment => "winning_commitment",
    FollowUpService => "follow_up_service",
    BuyingCentre => "buying_centre",
    RelationshipStages => "relationship_stages",
    CommunicationStyles => "communication_styles",
    NeedsLayers => "needs_layers",
    ProposalStructure => "proposal_structure",
    PresentationOutline => "presentation_outline",
    Negotiation => "negotiation",
    Receivables => "receivables",
    DecliningWell => "declining_well",
});
