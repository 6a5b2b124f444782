//! The method guide's pages: one per step of the method and one per rule a section of
//! the app applies, each reached from the app's "Why?" links.

use serde::{Deserialize, Serialize};

use super::Topic;
use crate::domain::deal::Step;

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

/// One block of a guide section: a paragraph or a bulleted list, as catalogue keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Para(&'static str),
    List(&'static [&'static str]),
}

/// One section of a guide page: a heading and its blocks, as catalogue keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub heading: &'static str,
    pub blocks: &'static [Block],
}

/// A page's text: the introduction, the sections and the example from the sample book,
/// as catalogue keys (`guide.<code>.…` in `i18n/*/guide.txt`).
struct Content {
    intro: &'static str,
    sections: &'static [Section],
    example: &'static [&'static str],
}

impl GuidePage {
    /// The page that explains a step of the deal.
    pub fn for_step(step: Step) -> GuidePage {
        match step {
            Step::CustomerAnalysis => GuidePage::CustomerAnalysis,
            Step::BuildingTrust => GuidePage::BuildingTrust,
            Step::DiscoverNeeds => GuidePage::DiscoverNeeds,
            Step::PresentingValue => GuidePage::PresentingValue,
            Step::WinningCommitment => GuidePage::WinningCommitment,
            Step::FollowUpService => GuidePage::FollowUpService,
        }
    }

    /// The step this page is about, for the six step pages.
    pub fn step(self) -> Option<Step> {
        Step::ALL
            .iter()
            .copied()
            .find(|s| GuidePage::for_step(*s) == self)
    }

    /// The page that explains the rule an exercise topic trains.
    pub fn for_topic(topic: Topic) -> GuidePage {
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

    /// The exercise topic that trains this page's rule, if one does.
    pub fn topic(self) -> Option<Topic> {
        match self {
            GuidePage::CustomerAnalysis => Some(Topic::Qualification),
            GuidePage::BuildingTrust | GuidePage::RelationshipStages => Some(Topic::StageActivity),
            GuidePage::CommunicationStyles => Some(Topic::Style),
            GuidePage::BuyingCentre => Some(Topic::BuyingCentre),
            GuidePage::WinningCommitment | GuidePage::Negotiation => Some(Topic::Concession),
            GuidePage::FollowUpService => Some(Topic::ComplaintPriority),
            GuidePage::Receivables => Some(Topic::Collection),
            GuidePage::DiscoverNeeds
            | GuidePage::PresentingValue
            | GuidePage::NeedsLayers
            | GuidePage::ProposalStructure
            | GuidePage::PresentationOutline
            | GuidePage::DecliningWell => None,
        }
    }

    /// Pages that go deeper into what this one touches.
    pub fn related(self) -> &'static [GuidePage] {
        use GuidePage::*;
        match self {
            CustomerAnalysis => &[BuyingCentre],
            BuildingTrust => &[RelationshipStages, CommunicationStyles],
            DiscoverNeeds => &[NeedsLayers],
            PresentingValue => &[ProposalStructure, PresentationOutline],
            WinningCommitment => &[Negotiation],
            FollowUpService => &[Receivables],
            BuyingCentre => &[CustomerAnalysis],
            RelationshipStages => &[BuildingTrust, CommunicationStyles],
            CommunicationStyles => &[BuildingTrust, RelationshipStages],
            NeedsLayers => &[DiscoverNeeds],
            ProposalStructure => &[PresentingValue, PresentationOutline],
            PresentationOutline => &[PresentingValue, ProposalStructure],
            Negotiation => &[WinningCommitment],
            Receivables => &[FollowUpService],
            DecliningWell => &[FollowUpService],
        }
    }

    /// The page before this one in the guide's order, if any.
    pub fn previous(self) -> Option<GuidePage> {
        let i = self.index();
        i.checked_sub(1).map(|j| GuidePage::ALL[j])
    }

    /// The page after this one in the guide's order, if any.
    pub fn next(self) -> Option<GuidePage> {
        GuidePage::ALL.get(self.index() + 1).copied()
    }

    fn index(self) -> usize {
        GuidePage::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The catalogue key of the page's introduction.
    pub fn intro(self) -> &'static str {
        self.content().intro
    }

    /// The page's sections, in reading order.
    pub fn sections(self) -> &'static [Section] {
        self.content().sections
    }

    /// The paragraphs of the page's example from the sample book.
    pub fn example(self) -> &'static [&'static str] {
        self.content().example
    }

    /// Every catalogue key the page's text uses (title, introduction, sections, example).
    pub fn text_keys(self) -> Vec<&'static str> {
        let mut keys = vec![self.key(), self.intro()];
        for s in self.sections() {
            keys.push(s.heading);
            for b in s.blocks {
                match b {
                    Block::Para(k) => keys.push(k),
                    Block::List(items) => keys.extend(items.iter().copied()),
                }
            }
        }
        keys.extend(self.example().iter().copied());
        keys
    }

    fn content(self) -> &'static Content {
        match self {
            GuidePage::CustomerAnalysis => &CUSTOMER_ANALYSIS,
            GuidePage::BuildingTrust => &BUILDING_TRUST,
            GuidePage::DiscoverNeeds => &DISCOVER_NEEDS,
            GuidePage::PresentingValue => &PRESENTING_VALUE,
            GuidePage::WinningCommitment => &WINNING_COMMITMENT,
            GuidePage::FollowUpService => &FOLLOW_UP_SERVICE,
            GuidePage::BuyingCentre => &BUYING_CENTRE,
            GuidePage::RelationshipStages => &RELATIONSHIP_STAGES,
            GuidePage::CommunicationStyles => &COMMUNICATION_STYLES,
            GuidePage::NeedsLayers => &NEEDS_LAYERS,
            GuidePage::ProposalStructure => &PROPOSAL_STRUCTURE,
            GuidePage::PresentationOutline => &PRESENTATION_OUTLINE,
            GuidePage::Negotiation => &NEGOTIATION,
            GuidePage::Receivables => &RECEIVABLES,
            GuidePage::DecliningWell => &DECLINING_WELL,
        }
    }
}

// The pages' text, as catalogue keys.

const CUSTOMER_ANALYSIS: Content = Content {
    intro: "guide.customer_analysis.intro",
    sections: &[
        Section {
            heading: "guide.customer_analysis.signals.title",
            blocks: &[
                Block::List(&[
                    "guide.customer_analysis.signals.li1",
                    "guide.customer_analysis.signals.li2",
                ]),
                Block::Para("guide.customer_analysis.signals.p1"),
            ],
        },
        Section {
            heading: "guide.customer_analysis.collect.title",
            blocks: &[Block::List(&[
                "guide.customer_analysis.collect.li1",
                "guide.customer_analysis.collect.li2",
                "guide.customer_analysis.collect.li3",
                "guide.customer_analysis.collect.li4",
            ])],
        },
        Section {
            heading: "guide.customer_analysis.guide.title",
            blocks: &[
                Block::Para("guide.customer_analysis.guide.p1"),
                Block::List(&[
                    "guide.customer_analysis.guide.li1",
                    "guide.customer_analysis.guide.li2",
                ]),
            ],
        },
        Section {
            heading: "guide.customer_analysis.buying_centre.title",
            blocks: &[Block::Para("guide.customer_analysis.buying_centre.p1")],
        },
        Section {
            heading: "guide.customer_analysis.rule.title",
            blocks: &[
                Block::List(&[
                    "guide.customer_analysis.rule.li1",
                    "guide.customer_analysis.rule.li2",
                    "guide.customer_analysis.rule.li3",
                    "guide.customer_analysis.rule.li4",
                ]),
                Block::Para("guide.customer_analysis.rule.p1"),
            ],
        },
        Section {
            heading: "guide.customer_analysis.pitfalls.title",
            blocks: &[Block::List(&[
                "guide.customer_analysis.pitfalls.li1",
                "guide.customer_analysis.pitfalls.li2",
                "guide.customer_analysis.pitfalls.li3",
            ])],
        },
    ],
    example: &[
        "guide.customer_analysis.example.p1",
        "guide.customer_analysis.example.p2",
    ],
};

const BUILDING_TRUST: Content = Content {
    intro: "guide.building_trust.intro",
    sections: &[
        Section {
            heading: "guide.building_trust.signals.title",
            blocks: &[Block::List(&[
                "guide.building_trust.signals.li1",
                "guide.building_trust.signals.li2",
            ])],
        },
        Section {
            heading: "guide.building_trust.stages.title",
            blocks: &[Block::Para("guide.building_trust.stages.p1")],
        },
        Section {
            heading: "guide.building_trust.styles.title",
            blocks: &[Block::Para("guide.building_trust.styles.p1")],
        },
        Section {
            heading: "guide.building_trust.do.title",
            blocks: &[Block::List(&[
                "guide.building_trust.do.li1",
                "guide.building_trust.do.li2",
                "guide.building_trust.do.li3",
                "guide.building_trust.do.li4",
            ])],
        },
        Section {
            heading: "guide.building_trust.pitfalls.title",
            blocks: &[Block::List(&[
                "guide.building_trust.pitfalls.li1",
                "guide.building_trust.pitfalls.li2",
            ])],
        },
    ],
    example: &[
        "guide.building_trust.example.p1",
        "guide.building_trust.example.p2",
    ],
};

const DISCOVER_NEEDS: Content = Content {
    intro: "guide.discover_needs.intro",
    sections: &[
        Section {
            heading: "guide.discover_needs.signals.title",
            blocks: &[Block::List(&[
                "guide.discover_needs.signals.li1",
                "guide.discover_needs.signals.li2",
            ])],
        },
        Section {
            heading: "guide.discover_needs.layers.title",
            blocks: &[Block::Para("guide.discover_needs.layers.p1")],
        },
        Section {
            heading: "guide.discover_needs.buying.title",
            blocks: &[
                Block::Para("guide.discover_needs.buying.p1"),
                Block::List(&[
                    "guide.discover_needs.buying.li1",
                    "guide.discover_needs.buying.li2",
                    "guide.discover_needs.buying.li3",
                    "guide.discover_needs.buying.li4",
                    "guide.discover_needs.buying.li5",
                    "guide.discover_needs.buying.li6",
                ]),
                Block::Para("guide.discover_needs.buying.p2"),
            ],
        },
        Section {
            heading: "guide.discover_needs.pitfalls.title",
            blocks: &[Block::List(&[
                "guide.discover_needs.pitfalls.li1",
                "guide.discover_needs.pitfalls.li2",
            ])],
        },
    ],
    example: &[
        "guide.discover_needs.example.p1",
        "guide.discover_needs.example.p2",
    ],
};

const PRESENTING_VALUE: Content = Content {
    intro: "guide.presenting_value.intro",
    sections: &[
        Section {
            heading: "guide.presenting_value.signals.title",
            blocks: &[Block::List(&[
                "guide.presenting_value.signals.li1",
                "guide.presenting_value.signals.li2",
            ])],
        },
        Section {
            heading: "guide.presenting_value.competitive.title",
            blocks: &[Block::List(&[
                "guide.presenting_value.competitive.li1",
                "guide.presenting_value.competitive.li2",
                "guide.presenting_value.competitive.li3",
            ])],
        },
        Section {
            heading: "guide.presenting_value.strategy.title",
            blocks: &[Block::Para("guide.presenting_value.strategy.p1")],
        },
        Section {
            heading: "guide.presenting_value.proposal.title",
            blocks: &[Block::Para("guide.presenting_value.proposal.p1")],
        },
        Section {
            heading: "guide.presenting_value.pitfalls.title",
            blocks: &[Block::List(&[
                "guide.presenting_value.pitfalls.li1",
                "guide.presenting_value.pitfalls.li2",
            ])],
        },
    ],
    example: &[
        "guide.presenting_value.example.p1",
        "guide.presenting_value.example.p2",
    ],
};

const WINNING_COMMITMENT: Content = Content {
    intro: "guide.winning_commitment.intro",
    sections: &[
        Section {
            heading: "guide.winning_commitment.signals.title",
            blocks: &[Block::List(&[
                "guide.winning_commitment.signals.li1",
                "guide.winning_commitment.signals.li2",
            ])],
        },
        Section {
            heading: "guide.winning_commitment.simple.title",
            blocks: &[
                Block::Para("guide.winning_commitment.simple.p1"),
                Block::List(&[
                    "guide.winning_commitment.simple.li1",
                    "guide.winning_commitment.simple.li2",
                    "guide.winning_commitment.simple.li3",
                ]),
            ],
        },
        Section {
            heading: "guide.winning_commitment.negotiation.title",
            blocks: &[Block::Para("guide.winning_commitment.negotiation.p1")],
        },
        Section {
            heading: "guide.winning_commitment.rule.title",
            blocks: &[Block::Para("guide.winning_commitment.rule.p1")],
        },
        Section {
            heading: "guide.winning_commitment.pitfalls.title",
            blocks: &[Block::List(&[
                "guide.winning_commitment.pitfalls.li1",
                "guide.winning_commitment.pitfalls.li2",
            ])],
        },
    ],
    example: &["guide.winning_commitment.example.p1"],
};

const FOLLOW_UP_SERVICE: Content = Content {
    intro: "guide.follow_up_service.intro",
    sections: &[
        Section {
            heading: "guide.follow_up_service.signals.title",
            blocks: &[Block::List(&[
                "guide.follow_up_service.signals.li1",
                "guide.follow_up_service.signals.li2",
            ])],
        },
        Section {
            heading: "guide.follow_up_service.satisfaction.title",
            blocks: &[
                Block::List(&[
                    "guide.follow_up_service.satisfaction.li1",
                    "guide.follow_up_service.satisfaction.li2",
                    "guide.follow_up_service.satisfaction.li3",
                    "guide.follow_up_service.satisfaction.li4",
                ]),
                Block::Para("guide.follow_up_service.satisfaction.p1"),
            ],
        },
        Section {
            heading: "guide.follow_up_service.complaints.title",
            blocks: &[Block::List(&[
                "guide.follow_up_service.complaints.li1",
                "guide.follow_up_service.complaints.li2",
                "guide.follow_up_service.complaints.li3",
                "guide.follow_up_service.complaints.li4",
                "guide.follow_up_service.complaints.li5",
            ])],
        },
        Section {
            heading: "guide.follow_up_service.referrals.title",
            blocks: &[Block::Para("guide.follow_up_service.referrals.p1")],
        },
    ],
    example: &[
        "guide.follow_up_service.example.p1",
        "guide.follow_up_service.example.p2",
    ],
};

const BUYING_CENTRE: Content = Content {
    intro: "guide.buying_centre.intro",
    sections: &[
        Section {
            heading: "guide.buying_centre.level.title",
            blocks: &[Block::List(&[
                "guide.buying_centre.level.li1",
                "guide.buying_centre.level.li2",
                "guide.buying_centre.level.li3",
            ])],
        },
        Section {
            heading: "guide.buying_centre.function.title",
            blocks: &[Block::List(&[
                "guide.buying_centre.function.li1",
                "guide.buying_centre.function.li2",
                "guide.buying_centre.function.li3",
            ])],
        },
        Section {
            heading: "guide.buying_centre.role.title",
            blocks: &[Block::List(&[
                "guide.buying_centre.role.li1",
                "guide.buying_centre.role.li2",
                "guide.buying_centre.role.li3",
                "guide.buying_centre.role.li4",
                "guide.buying_centre.role.li5",
            ])],
        },
        Section {
            heading: "guide.buying_centre.rule.title",
            blocks: &[
                Block::Para("guide.buying_centre.rule.p1"),
                Block::List(&[
                    "guide.buying_centre.rule.li1",
                    "guide.buying_centre.rule.li2",
                    "guide.buying_centre.rule.li3",
                ]),
            ],
        },
    ],
    example: &["guide.buying_centre.example.p1"],
};

const RELATIONSHIP_STAGES: Content = Content {
    intro: "guide.relationship_stages.intro",
    sections: &[
        Section {
            heading: "guide.relationship_stages.acquaintance.title",
            blocks: &[
                Block::Para("guide.relationship_stages.acquaintance.p1"),
                Block::List(&["guide.relationship_stages.acquaintance.li1"]),
            ],
        },
        Section {
            heading: "guide.relationship_stages.dating.title",
            blocks: &[
                Block::Para("guide.relationship_stages.dating.p1"),
                Block::List(&["guide.relationship_stages.dating.li1"]),
            ],
        },
        Section {
            heading: "guide.relationship_stages.trust.title",
            blocks: &[
                Block::Para("guide.relationship_stages.trust.p1"),
                Block::List(&["guide.relationship_stages.trust.li1"]),
            ],
        },
        Section {
            heading: "guide.relationship_stages.alliance.title",
            blocks: &[
                Block::Para("guide.relationship_stages.alliance.p1"),
                Block::List(&[
                    "guide.relationship_stages.alliance.li1",
                    "guide.relationship_stages.alliance.li2",
                    "guide.relationship_stages.alliance.li3",
                ]),
            ],
        },
        Section {
            heading: "guide.relationship_stages.rule.title",
            blocks: &[Block::Para("guide.relationship_stages.rule.p1")],
        },
    ],
    example: &["guide.relationship_stages.example.p1"],
};

const COMMUNICATION_STYLES: Content = Content {
    intro: "guide.communication_styles.intro",
    sections: &[
        Section {
            heading: "guide.communication_styles.analytical.title",
            blocks: &[
                Block::Para("guide.communication_styles.analytical.p1"),
                Block::List(&[
                    "guide.communication_styles.analytical.li1",
                    "guide.communication_styles.analytical.li2",
                    "guide.communication_styles.analytical.li3",
                ]),
            ],
        },
        Section {
            heading: "guide.communication_styles.amiable.title",
            blocks: &[
                Block::Para("guide.communication_styles.amiable.p1"),
                Block::List(&[
                    "guide.communication_styles.amiable.li1",
                    "guide.communication_styles.amiable.li2",
                    "guide.communication_styles.amiable.li3",
                ]),
            ],
        },
        Section {
            heading: "guide.communication_styles.expressive.title",
            blocks: &[
                Block::Para("guide.communication_styles.expressive.p1"),
                Block::List(&[
                    "guide.communication_styles.expressive.li1",
                    "guide.communication_styles.expressive.li2",
                    "guide.communication_styles.expressive.li3",
                ]),
            ],
        },
        Section {
            heading: "guide.communication_styles.driver.title",
            blocks: &[
                Block::Para("guide.communication_styles.driver.p1"),
                Block::List(&[
                    "guide.communication_styles.driver.li1",
                    "guide.communication_styles.driver.li2",
                    "guide.communication_styles.driver.li3",
                ]),
            ],
        },
    ],
    example: &["guide.communication_styles.example.p1"],
};

const NEEDS_LAYERS: Content = Content {
    intro: "guide.needs_layers.intro",
    sections: &[
        Section {
            heading: "guide.needs_layers.layers.title",
            blocks: &[Block::List(&[
                "guide.needs_layers.layers.li1",
                "guide.needs_layers.layers.li2",
                "guide.needs_layers.layers.li3",
                "guide.needs_layers.layers.li4",
                "guide.needs_layers.layers.li5",
            ])],
        },
        Section {
            heading: "guide.needs_layers.rule.title",
            blocks: &[Block::Para("guide.needs_layers.rule.p1")],
        },
        Section {
            heading: "guide.needs_layers.pitfalls.title",
            blocks: &[Block::List(&[
                "guide.needs_layers.pitfalls.li1",
                "guide.needs_layers.pitfalls.li2",
            ])],
        },
    ],
    example: &["guide.needs_layers.example.p1"],
};

const PROPOSAL_STRUCTURE: Content = Content {
    intro: "guide.proposal_structure.intro",
    sections: &[
        Section {
            heading: "guide.proposal_structure.parts.title",
            blocks: &[Block::List(&[
                "guide.proposal_structure.parts.li1",
                "guide.proposal_structure.parts.li2",
                "guide.proposal_structure.parts.li3",
                "guide.proposal_structure.parts.li4",
                "guide.proposal_structure.parts.li5",
            ])],
        },
        Section {
            heading: "guide.proposal_structure.rule.title",
            blocks: &[Block::Para("guide.proposal_structure.rule.p1")],
        },
        Section {
            heading: "guide.proposal_structure.pitfalls.title",
            blocks: &[Block::List(&[
                "guide.proposal_structure.pitfalls.li1",
                "guide.proposal_structure.pitfalls.li2",
            ])],
        },
    ],
    example: &["guide.proposal_structure.example.p1"],
};

const PRESENTATION_OUTLINE: Content = Content {
    intro: "guide.presentation_outline.intro",
    sections: &[
        Section {
            heading: "guide.presentation_outline.outline.title",
            blocks: &[Block::List(&[
                "guide.presentation_outline.outline.li1",
                "guide.presentation_outline.outline.li2",
                "guide.presentation_outline.outline.li3",
                "guide.presentation_outline.outline.li4",
                "guide.presentation_outline.outline.li5",
                "guide.presentation_outline.outline.li6",
                "guide.presentation_outline.outline.li7",
                "guide.presentation_outline.outline.li8",
            ])],
        },
        Section {
            heading: "guide.presentation_outline.rule.title",
            blocks: &[Block::Para("guide.presentation_outline.rule.p1")],
        },
        Section {
            heading: "guide.presentation_outline.pitfalls.title",
            blocks: &[Block::List(&[
                "guide.presentation_outline.pitfalls.li1",
                "guide.presentation_outline.pitfalls.li2",
            ])],
        },
    ],
    example: &["guide.presentation_outline.example.p1"],
};

const NEGOTIATION: Content = Content {
    intro: "guide.negotiation.intro",
    sections: &[
        Section {
            heading: "guide.negotiation.steps.title",
            blocks: &[Block::List(&[
                "guide.negotiation.steps.li1",
                "guide.negotiation.steps.li2",
                "guide.negotiation.steps.li3",
                "guide.negotiation.steps.li4",
                "guide.negotiation.steps.li5",
                "guide.negotiation.steps.li6",
            ])],
        },
        Section {
            heading: "guide.negotiation.rule.title",
            blocks: &[Block::Para("guide.negotiation.rule.p1")],
        },
        Section {
            heading: "guide.negotiation.pitfalls.title",
            blocks: &[Block::List(&[
                "guide.negotiation.pitfalls.li1",
                "guide.negotiation.pitfalls.li2",
                "guide.negotiation.pitfalls.li3",
            ])],
        },
    ],
    example: &["guide.negotiation.example.p1"],
};

const RECEIVABLES: Content = Content {
    intro: "guide.receivables.intro",
    sections: &[
        Section {
            heading: "guide.receivables.causes.title",
            blocks: &[Block::List(&[
                "guide.receivables.causes.li1",
                "guide.receivables.causes.li2",
                "guide.receivables.causes.li3",
            ])],
        },
        Section {
            heading: "guide.receivables.matrix.title",
            blocks: &[
                Block::List(&[
                    "guide.receivables.matrix.li1",
                    "guide.receivables.matrix.li2",
                    "guide.receivables.matrix.li3",
                    "guide.receivables.matrix.li4",
                ]),
                Block::Para("guide.receivables.matrix.p1"),
            ],
        },
        Section {
            heading: "guide.receivables.pitfalls.title",
            blocks: &[Block::List(&[
                "guide.receivables.pitfalls.li1",
                "guide.receivables.pitfalls.li2",
            ])],
        },
    ],
    example: &["guide.receivables.example.p1"],
};

const DECLINING_WELL: Content = Content {
    intro: "guide.declining_well.intro",
    sections: &[
        Section {
            heading: "guide.declining_well.do.title",
            blocks: &[Block::List(&[
                "guide.declining_well.do.li1",
                "guide.declining_well.do.li2",
                "guide.declining_well.do.li3",
                "guide.declining_well.do.li4",
            ])],
        },
        Section {
            heading: "guide.declining_well.rule.title",
            blocks: &[Block::Para("guide.declining_well.rule.p1")],
        },
        Section {
            heading: "guide.declining_well.track.title",
            blocks: &[Block::Para("guide.declining_well.track.p1")],
        },
    ],
    example: &["guide.declining_well.example.p1"],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use std::collections::HashSet;

    #[test]
    fn every_key_of_every_page_is_in_every_catalogue() {
        for &locale in Locale::ALL {
            let cat = locale.catalogue();
            for page in GuidePage::ALL {
                let missing: Vec<_> = page
                    .text_keys()
                    .into_iter()
                    .filter(|k| cat.get(k).is_none())
                    .collect();
                assert!(
                    missing.is_empty(),
                    "{} {:?} lacks {missing:?}",
                    locale.tag(),
                    page
                );
            }
        }
    }

    #[test]
    fn every_page_key_of_the_catalogue_is_shown_on_its_page() {
        let shown: HashSet<&str> = GuidePage::ALL.iter().flat_map(|p| p.text_keys()).collect();
        let unused: Vec<_> = Locale::En
            .catalogue()
            .keys()
            .filter(|k| k.starts_with("guide.") && !k.starts_with("guide.ui."))
            .filter(|k| !shown.contains(k))
            .collect();
        assert!(unused.is_empty(), "guide text no page shows: {unused:?}");
    }

    #[test]
    fn every_page_has_an_introduction_sections_and_an_example() {
        for page in GuidePage::ALL {
            assert!(!page.sections().is_empty(), "{page:?} has no sections");
            assert!(!page.example().is_empty(), "{page:?} has no example");
            for s in page.sections() {
                assert!(!s.blocks.is_empty(), "{page:?}: {} is empty", s.heading);
            }
            let code = page.code();
            for k in page.text_keys().iter().skip(1) {
                assert!(
                    k.starts_with(&format!("guide.{code}.")),
                    "{page:?} shows another page's text {k}"
                );
            }
        }
    }

    #[test]
    fn each_step_has_its_own_page_and_back() {
        let pages: HashSet<GuidePage> = Step::ALL.iter().map(|s| GuidePage::for_step(*s)).collect();
        assert_eq!(pages.len(), Step::ALL.len());
        for s in Step::ALL {
            assert_eq!(GuidePage::for_step(*s).step(), Some(*s));
        }
        assert_eq!(GuidePage::BuyingCentre.step(), None);
        // The six steps come first, in order.
        let first: Vec<_> = GuidePage::ALL[..6].to_vec();
        let steps: Vec<_> = Step::ALL.iter().map(|s| GuidePage::for_step(*s)).collect();
        assert_eq!(first, steps);
    }

    #[test]
    fn every_topic_is_trained_on_its_rules_page() {
        for t in Topic::ALL {
            let page = GuidePage::for_topic(*t);
            assert_eq!(
                page.topic(),
                Some(*t),
                "{t:?}'s page {page:?} links another topic"
            );
        }
    }

    #[test]
    fn related_pages_are_other_pages_and_previous_next_walk_all() {
        for page in GuidePage::ALL {
            assert!(!page.related().contains(page), "{page:?} relates to itself");
        }
        let mut walked = vec![GuidePage::ALL[0]];
        while let Some(n) = walked.last().unwrap().next() {
            assert_eq!(n.previous(), walked.last().copied());
            walked.push(n);
        }
        assert_eq!(walked, GuidePage::ALL);
        assert_eq!(GuidePage::ALL[0].previous(), None);
    }

    #[test]
    fn codes_round_trip() {
        for page in GuidePage::ALL {
            assert_eq!(GuidePage::from_code(page.code()), Some(*page));
        }
        assert_eq!(GuidePage::from_code("nope"), None);
    }
}
