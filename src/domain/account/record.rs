//! The account record: the Step 1 profile of a customer company, with its grade, lead
//! source and the products it uses.

use crate::domain::ids::{Id, Meta};
use crate::domain::text::fold;
use crate::i18n::Locale;
use crate::keyed_enum;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Grade by revenue potential (seed 001: call frequency follows it). A is the highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    A,
    B,
    C,
}
keyed_enum!(Grade, "grade", { A => "a", B => "b", C => "c" });

/// Where the lead came from (seed 001 prospecting sources, plus referral and partner).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadSource {
    ExistingCustomer,
    TradeDirectory,
    Inquiry,
    Media,
    ColdCanvassing,
    Referral,
    Partner,
    Other,
}
keyed_enum!(LeadSource, "lead_source", {
    ExistingCustomer => "existing_customer",
    TradeDirectory => "trade_directory",
    Inquiry => "inquiry",
    Media => "media",
    ColdCanvassing => "cold_canvassing",
    Referral => "referral",
    Partner => "partner",
    Other => "other",
});

/// How satisfied the customer is with a product it uses (a 1–5 scale).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    VeryUnhappy,
    Unhappy,
    Neutral,
    Satisfied,
    VerySatisfied,
}
keyed_enum!(Satisfaction, "satisfaction", {
    VeryUnhappy => "very_unhappy",
    Unhappy => "unhappy",
    Neutral => "neutral",
    Satisfied => "satisfied",
    VerySatisfied => "very_satisfied",
});

impl Satisfaction {
    /// The value on the 1–5 scale.
    pub fn score(&self) -> u8 {
        *self as u8 + 1
    }
    /// The value for a score 1–5.
    pub fn from_score(score: u8) -> Option<Self> {
        Self::ALL.get(usize::from(score).checked_sub(1)?).copied()
    }
}

/// A postal address. Every part is optional free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PostalAddress {
    #[serde(default)]
    pub street: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub postal_code: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub country: String,
}

impl PostalAddress {
    pub fn is_empty(&self) -> bool {
        [
            &self.street,
            &self.city,
            &self.postal_code,
            &self.region,
            &self.country,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }

    pub(super) fn trimmed(&self) -> Self {
        PostalAddress {
            street: self.street.trim().to_string(),
            city: self.city.trim().to_string(),
            postal_code: self.postal_code.trim().to_string(),
            region: self.region.trim().to_string(),
            country: self.country.trim().to_string(),
        }
    }
}

/// A product the customer uses: ours (`competitor_id == None`) or a competitor's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ProductInUse {
    /// The competitor that sells it; `None` means it is our product.
    #[serde(default)]
    pub competitor_id: Option<Id>,
    #[serde(default)]
    pub product: String,
    #[serde(default)]
    pub satisfaction: Option<Satisfaction>,
    #[serde(default)]
    pub notes: String,
}

impl ProductInUse {
    pub fn is_ours(&self) -> bool {
        self.competitor_id.is_none()
    }
}

/// A customer company: the full Step 1 profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub name: String,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub phones: Vec<String>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub emails: Vec<String>,
    #[serde(default)]
    pub address: PostalAddress,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub industry: String,
    /// Business scope: what the company does and sells.
    #[serde(default)]
    pub business_scope: String,
    /// Size in the rep's words ("250 staff, 3 plants").
    #[serde(default)]
    pub size: String,
    #[serde(default)]
    pub operating_state: String,
    #[serde(default)]
    pub financial_state: String,
    /// Similar products and services in use, ours and competitors'.
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub products_in_use: Vec<ProductInUse>,
    /// Latest purchase plans.
    #[serde(default)]
    pub purchase_plans: String,
    /// The problems the purchase must solve.
    #[serde(default)]
    pub problems_to_solve: String,
    /// How the departments involved in buying help or limit each other.
    #[serde(default)]
    pub department_dynamics: String,
    #[serde(default)]
    pub grade: Option<Grade>,
    #[serde(default)]
    pub lead_source: Option<LeadSource>,
    /// "How they heard of us", in the customer's words.
    #[serde(default)]
    pub heard_of_us: String,
    /// The rep who owns the account.
    #[serde(default)]
    pub owner: String,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub tags: Vec<String>,
    #[serde(default)]
    pub notes: String,
    /// First purchase date; `None` while the account is a prospect (a new customer).
    #[serde(default)]
    pub customer_since: Option<NaiveDate>,
    #[serde(default)]
    pub archived: bool,
    /// The language of the documents handed to this customer (proposal, statement,
    /// contract checklist, referral note); `None`: the app's language.
    #[serde(default)]
    pub language: Option<Locale>,
}
crate::impl_record!(Account, "accounts");

impl Account {
    /// A new, otherwise empty account named `name`, created at `now`.
    pub fn new(name: impl Into<String>, now: DateTime<Utc>) -> Self {
        let m = Meta::new(now);
        Account {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            name: name.into(),
            phones: Vec::new(),
            emails: Vec::new(),
            address: PostalAddress::default(),
            website: String::new(),
            industry: String::new(),
            business_scope: String::new(),
            size: String::new(),
            operating_state: String::new(),
            financial_state: String::new(),
            products_in_use: Vec::new(),
            purchase_plans: String::new(),
            problems_to_solve: String::new(),
            department_dynamics: String::new(),
            grade: None,
            lead_source: None,
            heard_of_us: String::new(),
            owner: String::new(),
            tags: Vec::new(),
            notes: String::new(),
            customer_since: None,
            archived: false,
            language: None,
        }
    }

    /// An existing customer has bought from us: `customer_since` is set. Everyone else is a
    /// new (prospective) customer. This one field is the single source of truth, so the
    /// new-versus-existing share (seed 001) never depends on how products were typed.
    pub fn is_existing_customer(&self) -> bool {
        self.customer_since.is_some()
    }

    /// Whether it has the tag (folded comparison).
    pub fn has_tag(&self, tag: &str) -> bool {
        let t = fold(tag);
        self.tags.iter().any(|x| fold(x) == t)
    }
}
