//! A simple sale: the buying signals, the closing prompts and the upsell suggestions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::ids::Id;
use crate::domain::rules::RuleError;

/// What a buying signal was about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    Price,
    Terms,
    Features,
    Other,
}

crate::keyed_enum!(SignalKind, "negotiation.signal_kind", {
    Price => "price",
    Terms => "terms",
    Features => "features",
    Other => "other",
});

/// A detailed question of the customer, logged with its date: a sign of readiness to buy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyingSignal {
    pub id: Id,
    pub on: NaiveDate,
    pub kind: SignalKind,
    pub text: String,
}

/// The closing aids of a simple sale.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closing {
    #[serde(default)]
    pub signals: Vec<BuyingSignal>,
}

/// The rules of the closing aids.
pub fn check_closing(_c: &Closing) -> Result<(), RuleError> {
    Ok(())
}
