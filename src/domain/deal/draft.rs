//! The deal form: what is typed ([`DealDraft`]), the field rules and the validated values
//! ([`ValidDraft`]).

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::ids::Id;
use crate::domain::money::{Currency, Money, MoneyError};

/// A deal's fields as typed in the form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DealDraft {
    pub account_id: Option<Id>,
    pub title: String,
    /// An amount as typed ("12 500,00"); empty means 0.
    pub value: String,
    /// ISO currency code; empty means EUR.
    pub currency: String,
    /// `YYYY-MM-DD` (what a date input gives); empty means none.
    pub expected_close: String,
    /// Percent 0–100; empty means the step's default.
    pub probability: String,
    pub owner: String,
}

/// A draft that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDraft {
    pub account_id: Id,
    pub title: String,
    pub value: Money,
    pub expected_close: Option<NaiveDate>,
    pub probability_override: Option<u8>,
    pub owner: String,
}

impl DealDraft {
    /// The form filled from an existing deal.
    pub fn from_deal(deal: &Deal) -> DealDraft {
        DealDraft {
            account_id: Some(deal.account_id),
            title: deal.title.clone(),
            value: deal.value.to_decimal_string(),
            currency: deal.value.currency.code().to_string(),
            expected_close: deal
                .expected_close
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            probability: deal
                .probability_override
                .map(|p| p.to_string())
                .unwrap_or_default(),
            owner: deal.owner.clone(),
        }
    }

    /// Checks every field; all problems are reported at once, in form order, each naming
    /// the draft's field (`account_id`, `title`, `value`, `currency`, `expected_close`,
    /// `probability`) and its label (`deal.field.*`).
    pub fn validate(&self) -> Result<ValidDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err = |field, label_key, problem| {
            errors.push(FieldError::new(field, label_key, problem));
        };
        let (account, title_label) = ("deal.field.account", "deal.field.title");
        let (value_label, currency_label) = ("deal.field.value", "deal.field.currency");
        if self.account_id.is_none() {
            err("account_id", account, FieldProblem::DealAccountRequired);
        }
        let title = self.title.trim();
        if title.is_empty() {
            err("title", title_label, FieldProblem::DealTitleRequired);
        } else if title.chars().count() > crate::domain::rules::MAX_NAME {
            err("title", title_label, FieldProblem::DealTitleTooLong);
        }
        let currency = if self.currency.trim().is_empty() {
            Some(Currency::default())
        } else {
            Currency::parse(&self.currency).ok()
        };
        let mut value = None;
        match currency {
            None => err(
                "currency",
                currency_label,
                FieldProblem::DealCurrencyInvalid,
            ),
            Some(c) if self.value.trim().is_empty() => value = Some(Money::zero(c)),
            Some(c) => match Money::parse(&self.value, c) {
                Ok(m) if m.minor < 0 => err("value", value_label, FieldProblem::DealValueNegative),
                Ok(m) => value = Some(m),
                Err(e) => err(
                    "value",
                    value_label,
                    match e {
                        MoneyError::TooManyDecimals { .. } => {
                            FieldProblem::DealValueTooManyDecimals
                        }
                        MoneyError::Overflow => FieldProblem::DealValueTooLarge,
                        MoneyError::BadAmount(_) | MoneyError::BadCurrency(_) => {
                            FieldProblem::DealValueNotAmount
                        }
                    },
                ),
            },
        }
        let close = self.expected_close.trim();
        let expected_close = if close.is_empty() {
            None
        } else {
            let parsed = NaiveDate::parse_from_str(close, "%Y-%m-%d")
                .ok()
                .filter(|d| crate::domain::rules::plausible_year(*d));
            if parsed.is_none() {
                err(
                    "expected_close",
                    "deal.field.expected_close",
                    FieldProblem::DealDateInvalid,
                );
            }
            parsed
        };
        let prob = self.probability.trim().trim_end_matches('%').trim();
        let probability_override = if prob.is_empty() {
            None
        } else {
            let parsed = prob.parse::<u8>().ok().filter(|p| *p <= 100);
            if parsed.is_none() {
                err(
                    "probability",
                    "deal.field.probability",
                    FieldProblem::DealProbabilityInvalid,
                );
            }
            parsed
        };
        match (self.account_id, value) {
            (Some(account_id), Some(value)) if errors.is_empty() => Ok(ValidDraft {
                account_id,
                title: title.to_string(),
                value,
                expected_close,
                probability_override,
                owner: self.owner.trim().to_string(),
            }),
            _ => Err(errors),
        }
    }

    /// A new deal in step 1 from the draft.
    pub fn create(&self, now: DateTime<Utc>) -> Result<Deal, Vec<FieldError>> {
        let v = self.validate()?;
        let mut deal = Deal::new(v.account_id, &v.title, v.value, now);
        deal.expected_close = v.expected_close;
        deal.probability_override = v.probability_override;
        deal.owner = v.owner;
        Ok(deal)
    }

    /// Writes the draft's fields into `deal`; nothing changes when a field is wrong.
    pub fn apply(&self, deal: &mut Deal) -> Result<(), Vec<FieldError>> {
        let v = self.validate()?;
        deal.account_id = v.account_id;
        deal.title = v.title;
        deal.value = v.value;
        deal.expected_close = v.expected_close;
        deal.probability_override = v.probability_override;
        deal.owner = v.owner;
        Ok(())
    }
}
