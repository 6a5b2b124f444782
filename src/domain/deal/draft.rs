//! The deal form: what is typed ([`DealDraft`]), the field rules and the validated values
//! ([`ValidDraft`]).

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
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

/// A form field of the deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DealField {
    Account,
    Title,
    Value,
    Currency,
    ExpectedClose,
    Probability,
    Owner,
}

impl DealField {
    pub const ALL: &'static [Self] = &[
        Self::Account,
        Self::Title,
        Self::Value,
        Self::Currency,
        Self::ExpectedClose,
        Self::Probability,
        Self::Owner,
    ];
}

crate::keyed_enum!(DealField, {
    Self::Account => "deal.field.account",
    Self::Title => "deal.field.title",
    Self::Value => "deal.field.value",
    Self::Currency => "deal.field.currency",
    Self::ExpectedClose => "deal.field.expected_close",
    Self::Probability => "deal.field.probability",
    Self::Owner => "deal.field.owner",
});

/// What is wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DealFieldProblem {
    AccountRequired,
    TitleRequired,
    TitleTooLong,
    ValueNotAmount,
    ValueTooManyDecimals,
    ValueTooLarge,
    ValueNegative,
    CurrencyInvalid,
    DateInvalid,
    ProbabilityInvalid,
}

crate::keyed_enum!(DealFieldProblem, {
    Self::AccountRequired => "deal.error.account_required",
    Self::TitleRequired => "deal.error.title_required",
    Self::TitleTooLong => "deal.error.title_too_long",
    Self::ValueNotAmount => "deal.error.value_not_amount",
    Self::ValueTooManyDecimals => "deal.error.value_too_many_decimals",
    Self::ValueTooLarge => "deal.error.value_too_large",
    Self::ValueNegative => "deal.error.value_negative",
    Self::CurrencyInvalid => "deal.error.currency_invalid",
    Self::DateInvalid => "deal.error.date_invalid",
    Self::ProbabilityInvalid => "deal.error.probability_invalid",
});

/// A field and what is wrong with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    pub field: DealField,
    pub problem: DealFieldProblem,
}

impl FieldError {
    pub fn key(&self) -> &'static str {
        self.problem.key()
    }
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

    /// Checks every field; all problems are reported at once, in form order.
    pub fn validate(&self) -> Result<ValidDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err = |field, problem| errors.push(FieldError { field, problem });
        if self.account_id.is_none() {
            err(DealField::Account, DealFieldProblem::AccountRequired);
        }
        let title = self.title.trim();
        if title.is_empty() {
            err(DealField::Title, DealFieldProblem::TitleRequired);
        } else if title.chars().count() > crate::domain::rules::MAX_NAME {
            err(DealField::Title, DealFieldProblem::TitleTooLong);
        }
        let currency = if self.currency.trim().is_empty() {
            Some(Currency::default())
        } else {
            Currency::parse(&self.currency).ok()
        };
        let mut value = None;
        match currency {
            None => err(DealField::Currency, DealFieldProblem::CurrencyInvalid),
            Some(c) if self.value.trim().is_empty() => value = Some(Money::zero(c)),
            Some(c) => match Money::parse(&self.value, c) {
                Ok(m) if m.minor < 0 => err(DealField::Value, DealFieldProblem::ValueNegative),
                Ok(m) => value = Some(m),
                Err(e) => err(
                    DealField::Value,
                    match e {
                        MoneyError::TooManyDecimals { .. } => {
                            DealFieldProblem::ValueTooManyDecimals
                        }
                        MoneyError::Overflow => DealFieldProblem::ValueTooLarge,
                        MoneyError::BadAmount(_) | MoneyError::BadCurrency(_) => {
                            DealFieldProblem::ValueNotAmount
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
                err(DealField::ExpectedClose, DealFieldProblem::DateInvalid);
            }
            parsed
        };
        let prob = self.probability.trim().trim_end_matches('%').trim();
        let probability_override = if prob.is_empty() {
            None
        } else {
            let parsed = prob.parse::<u8>().ok().filter(|p| *p <= 100);
            if parsed.is_none() {
                err(DealField::Probability, DealFieldProblem::ProbabilityInvalid);
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
