//! The negotiation record and the shapes of its parts.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::closing::Closing;
use crate::domain::ids::{Id, Meta};
use crate::domain::money::Currency;
use crate::domain::price::{format_scaled, parse_scaled, DecimalError};

/// Places of a position on an issue (3: a price, a number of days, a percentage…).
pub const POSITION_PLACES: u32 = 3;

/// A position on an issue, in the issue's unit, scaled by 10³ (12.5 days is `12_500`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Position(pub i64);

impl Position {
    /// A typed position ("12,5", "1 250.00"), with the app's separator rule.
    pub fn parse(input: &str) -> Result<Self, DecimalError> {
        parse_scaled(input, POSITION_PLACES).map(Position)
    }

    /// Whole units.
    pub fn units(n: i64) -> Self {
        Position(n * 1_000)
    }

    /// As a form field shows it ("12.5", "30").
    pub fn to_input(self) -> String {
        format_scaled(self.0, POSITION_PLACES, 0)
    }

    /// The position as an amount in minor units of a currency with `exponent` decimals
    /// (4,000 → 400,000 cents), when it is one exactly.
    pub fn in_minor_units(self, exponent: u32) -> Option<i64> {
        if exponent >= POSITION_PLACES {
            self.0
                .checked_mul(10i64.checked_pow(exponent - POSITION_PLACES)?)
        } else {
            let per = 10i64.pow(POSITION_PLACES - exponent);
            (self.0 % per == 0).then_some(self.0 / per)
        }
    }
}

#[cfg(test)]
mod position_tests {
    use super::Position;

    #[test]
    fn a_position_is_an_amount_of_money_only_when_exact() {
        assert_eq!(Position::units(4_000).in_minor_units(2), Some(400_000));
        assert_eq!(Position(12_345).in_minor_units(2), None);
        assert_eq!(Position(12_340).in_minor_units(2), Some(1_234));
        assert_eq!(Position::units(7).in_minor_units(0), Some(7));
        assert_eq!(Position(1).in_minor_units(4), Some(10));
        assert_eq!(Position(i64::MAX).in_minor_units(4), None);
    }
}

/// Who moved in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Us,
    Them,
}

crate::keyed_enum!(Side, "negotiation.side", {
    Us => "us",
    Them => "them",
});

/// What a member of our team does at the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TeamRole {
    Lead,
    PriceAuthority,
    Technical,
    NoteTaker,
}

crate::keyed_enum!(TeamRole, "negotiation.team_role", {
    Lead => "lead",
    PriceAuthority => "price_authority",
    Technical => "technical",
    NoteTaker => "note_taker",
});

/// One member of our negotiating team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub id: Id,
    pub name: String,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub roles: Vec<TeamRole>,
}

/// The kinds of issue the method lists, and the rep's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueKind {
    /// Price and fees.
    Price,
    /// Product configuration.
    Configuration,
    /// Payment method and terms.
    Payment,
    /// Service period.
    ServicePeriod,
    /// Delivery and installation date.
    Delivery,
    /// Technical support and services.
    Support,
    /// Compensation terms.
    Compensation,
    /// An issue the rep names.
    Custom,
}

crate::keyed_enum!(IssueKind, "negotiation.issue_kind", {
    Price => "price",
    Configuration => "configuration",
    Payment => "payment",
    ServicePeriod => "service_period",
    Delivery => "delivery",
    Support => "support",
    Compensation => "compensation",
    Custom => "custom",
});

/// One issue on the table, with our positions on it. Which way is better for us follows
/// from the opening position and the bottom line (a price we open high, a payment term we
/// open short); the target lies between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    pub id: Id,
    pub kind: IssueKind,
    /// The issue's name as the rep writes it (required for a custom issue; otherwise it
    /// may refine the kind, "Payment terms (days)").
    #[serde(default)]
    pub label: String,
    /// The unit positions are in ("EUR", "days", "months", "%").
    #[serde(default)]
    pub unit: String,
    pub opening: Position,
    pub target: Position,
    /// Our walk-away: no offer of ours goes past it without an override.
    pub bottom: Position,
    /// What one whole unit of movement is worth to us, in minor units of the negotiation's
    /// currency (one month of payment terms = X); `None` when it has no money value.
    #[serde(default)]
    pub value_per_unit: Option<i64>,
    /// 1–5.
    pub importance_us: u8,
    /// 1–5.
    pub importance_them: u8,
    #[serde(default)]
    pub notes: String,
}

/// Our alternative if there is no deal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alternative {
    #[serde(default)]
    pub text: String,
    /// Its value in minor units of the negotiation's currency, when it has one.
    #[serde(default)]
    pub value_minor: Option<i64>,
}

/// The negotiation plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub team: Vec<TeamMember>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub issues: Vec<Issue>,
    #[serde(default)]
    pub alternative: Alternative,
}

/// One move at the table: who moved, on which issue, from what to what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub id: Id,
    pub on: NaiveDate,
    pub side: Side,
    pub issue_id: Id,
    pub from: Position,
    pub to: Position,
    /// Its value in minor units, typed when the issue has no value per unit.
    #[serde(default)]
    pub value_minor: Option<i64>,
    /// For our concession: what we asked in return.
    #[serde(default)]
    pub in_return: String,
    /// The proposal version this round produced, when it produced one.
    #[serde(default)]
    pub proposal_version: Option<u32>,
    /// Why our offer goes past our bottom line (required to do so; kept).
    #[serde(default)]
    pub override_reason: String,
    #[serde(default)]
    pub note: String,
}

/// A deadlock: where the talks stuck, what each side said, and how it was broken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadlock {
    pub id: Id,
    pub on: NaiveDate,
    /// The issue it is about, when it is one of the plan's.
    #[serde(default)]
    pub issue_id: Option<Id>,
    #[serde(default)]
    pub ours: String,
    #[serde(default)]
    pub theirs: String,
    /// How it was broken, once it was.
    #[serde(default)]
    pub resolution: String,
    #[serde(default)]
    pub broken_on: Option<NaiveDate>,
}

/// How an agreed term was confirmed in writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConfirmedBy {
    Email,
    Letter,
    SignedMinutes,
    ContractClause,
    Other,
}

crate::keyed_enum!(ConfirmedBy, "negotiation.confirmed_by", {
    Email => "email",
    Letter => "letter",
    SignedMinutes => "signed_minutes",
    ContractClause => "contract_clause",
    Other => "other",
});

/// The written confirmation of an agreed term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    /// Who confirmed it (the customer's person, by name).
    pub who: String,
    pub how: ConfirmedBy,
    pub on: NaiveDate,
}

/// One agreed term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub id: Id,
    /// The plan's issue it settles, when it is one.
    #[serde(default)]
    pub issue_id: Option<Id>,
    pub label: String,
    /// What was agreed, in words ("45 days net", "EUR 118,000").
    pub value: String,
    /// Its money value, minor units of the negotiation's currency, when it has one (the
    /// price term's is the agreement's value).
    #[serde(default)]
    pub value_minor: Option<i64>,
    pub agreed_on: NaiveDate,
    #[serde(default)]
    pub confirmation: Option<Confirmation>,
}

/// The signed contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contract {
    pub number: String,
    pub signed_on: NaiveDate,
    /// Minor units of the negotiation's currency.
    pub value_minor: i64,
    /// The agreed terms attached (their ids).
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub terms: Vec<Id>,
    #[serde(default)]
    pub note: String,
}

/// The written agreement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub terms: Vec<Term>,
    #[serde(default)]
    pub contract: Option<Contract>,
}

/// Step 5 of one deal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Negotiation {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub deal_id: Id,
    /// The currency of every money value in the record (the deal's when it was created).
    pub currency: Currency,
    #[serde(default)]
    pub closing: Closing,
    #[serde(default)]
    pub plan: Plan,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub rounds: Vec<Round>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub deadlocks: Vec<Deadlock>,
    #[serde(default)]
    pub agreement: Agreement,
}

crate::impl_record!(Negotiation, "negotiations");

impl Negotiation {
    /// An empty negotiation of the deal, in its currency.
    pub fn new(deal_id: Id, currency: Currency, now: DateTime<Utc>) -> Self {
        let m = Meta::new(now);
        Negotiation {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            deal_id,
            currency,
            closing: Closing::default(),
            plan: Plan::default(),
            rounds: Vec::new(),
            deadlocks: Vec::new(),
            agreement: Agreement::default(),
        }
    }

    /// The plan's issue `id`.
    pub fn issue(&self, id: Id) -> Option<&Issue> {
        self.plan.issues.iter().find(|i| i.id == id)
    }
}
