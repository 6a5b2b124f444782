//! The proposal record: one version of a deal's proposal, its status, its content in the
//! method's five sections, when it was sent (with the hash that freezes it) and the
//! customer's decision.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::quote::QuoteLine;
use crate::domain::deal::Deal;
use crate::domain::ids::{Id, Meta};
use crate::domain::money::Currency;
use crate::domain::needs::{Need, NeedLayer};

/// Where a version stands: a draft is edited; sending freezes it; the customer then
/// accepts or rejects it, or it expires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalStatus {
    #[default]
    Draft,
    Sent,
    Accepted,
    Rejected,
    Expired,
}

crate::keyed_enum!(ProposalStatus, "proposal.status", {
    Draft => "draft",
    Sent => "sent",
    Accepted => "accepted",
    Rejected => "rejected",
    Expired => "expired",
});

impl ProposalStatus {
    /// Sent and every status after it: the content is frozen.
    pub fn is_frozen(self) -> bool {
        !matches!(self, Self::Draft)
    }
}

/// A reusable text the proposal includes in section 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Credential {
    BusinessLicence,
    CompanyProfile,
    ProductDescriptions,
}

crate::keyed_enum!(Credential, "proposal.credential", {
    BusinessLicence => "business_licence",
    CompanyProfile => "company_profile",
    ProductDescriptions => "product_descriptions",
});

/// One problem or challenge of section 2 and its impact on the customer, with the need it
/// came from (when it came from the deal's needs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemItem {
    #[serde(default)]
    pub need_id: Option<Id>,
    pub text: String,
    #[serde(default)]
    pub impact: String,
}

/// Section 3: the solution.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Solution {
    #[serde(default)]
    pub overview: String,
    /// The products and services, introduced in words.
    #[serde(default)]
    pub products: String,
    #[serde(default)]
    pub implementation: String,
    /// The service system: support, maintenance, training.
    #[serde(default)]
    pub service: String,
}

/// What the customer receives: the five sections and the date the offer holds until.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalContent {
    pub currency: Currency,
    /// Section 1: background, present state and trends (one paragraph).
    #[serde(default)]
    pub background: String,
    /// Section 2: problems and challenges with their impact.
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub problems: Vec<ProblemItem>,
    /// Section 3.
    #[serde(default)]
    pub solution: Solution,
    /// Section 4: the quotation.
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub lines: Vec<QuoteLine>,
    /// Section 5: the reusable texts included.
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub credentials: Vec<Credential>,
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
}

impl ProposalContent {
    /// An empty proposal in `currency`.
    pub fn empty(currency: Currency) -> Self {
        ProposalContent {
            currency,
            background: String::new(),
            problems: Vec::new(),
            solution: Solution::default(),
            lines: Vec::new(),
            credentials: Vec::new(),
            valid_until: None,
        }
    }

    /// A first draft from the deal's needs: section 2 lists the goals and problems (each
    /// keeping its need's id), section 3's products text the product-or-service needs.
    pub fn from_needs(needs: &[Need], currency: Currency) -> Self {
        let mut c = ProposalContent::empty(currency);
        c.problems = problems_from_needs(needs);
        c.solution.products = needs
            .iter()
            .filter(|n| n.layer == NeedLayer::ProductOrService)
            .map(|n| n.text.clone())
            .collect::<Vec<_>>()
            .join("\n");
        c
    }
}

/// Section 2 from the deal's needs: every goal and problem (goals first, in the order
/// recorded), the text as recorded and no impact yet.
pub fn problems_from_needs(needs: &[Need]) -> Vec<ProblemItem> {
    [NeedLayer::Goal, NeedLayer::Problem]
        .iter()
        .flat_map(|layer| needs.iter().filter(move |n| n.layer == *layer))
        .map(|n| ProblemItem {
            need_id: Some(n.id),
            text: n.text.clone(),
            impact: String::new(),
        })
        .collect()
}

/// When a version was sent, and the hash of the content it was sent with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentMark {
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub at: DateTime<Utc>,
    /// SHA-256 (lower-case hex) of the canonical JSON of the content ([`super::content_hash`]).
    pub content_hash: String,
}

/// The customer's decision on a sent version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub at: DateTime<Utc>,
    /// The person of the customer who decided, when they are in the book.
    #[serde(default)]
    pub by_contact_id: Option<Id>,
    /// Who decided, by name (always kept, also when the person is in the book).
    #[serde(default)]
    pub by_name: String,
    #[serde(default)]
    pub note: String,
}

/// One version of a deal's proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub deal_id: Id,
    /// 1, 2, 3… per deal.
    pub version: u32,
    #[serde(default)]
    pub status: ProposalStatus,
    pub content: ProposalContent,
    #[serde(default)]
    pub sent: Option<SentMark>,
    #[serde(default)]
    pub decision: Option<Decision>,
}

crate::impl_record!(Proposal, "proposals");

impl Proposal {
    /// Version 1 of the deal's proposal, a draft pre-filled from its needs, in the deal's
    /// currency.
    pub fn for_deal(deal: &Deal, now: DateTime<Utc>) -> Proposal {
        Proposal::draft(
            deal.id,
            1,
            ProposalContent::from_needs(&deal.needs, deal.value.currency.clone()),
            now,
        )
    }

    /// A new draft `version` of the deal's proposal with `content`.
    pub fn draft(deal_id: Id, version: u32, content: ProposalContent, now: DateTime<Utc>) -> Self {
        let m = Meta::new(now);
        Proposal {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            deal_id,
            version,
            status: ProposalStatus::Draft,
            content,
            sent: None,
            decision: None,
        }
    }

    /// A frozen version (sent, accepted, rejected or expired).
    pub fn is_frozen(&self) -> bool {
        self.status.is_frozen() || self.sent.is_some()
    }
}
