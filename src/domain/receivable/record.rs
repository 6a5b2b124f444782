//! The invoice and credit-check records.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::ids::{Id, Meta};
use crate::domain::money::Money;

/// Why an invoice is paid late (METHOD.md: the three causes of bad receivables).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LateCause {
    /// The customer may never have meant to pay: bring in credit specialists.
    FraudRisk,
    /// Our own fault (late delivery, failed acceptance): fix it with the company first.
    OurFault,
    /// The customer can but will not pay.
    UnwillingToPay,
}

crate::keyed_enum!(LateCause, "receivable.cause", {
    FraudRisk => "fraud_risk",
    OurFault => "our_fault",
    UnwillingToPay => "unwilling_to_pay",
});

/// What to do about an overdue invoice: the collection matrix's four answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CollectionAction {
    /// Small and short overdue: finance collects normally.
    FinanceCollects,
    /// Small and long overdue: escalate the collection level.
    Escalate,
    /// Large and short overdue: the rep visits to collect.
    RepVisits,
    /// Large and long overdue: the rep negotiates a special payment arrangement.
    PaymentArrangement,
}

crate::keyed_enum!(CollectionAction, "receivable.action", {
    FinanceCollects => "finance_collects",
    Escalate => "escalate",
    RepVisits => "rep_visits",
    PaymentArrangement => "payment_arrangement",
});

/// A payment received against an invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub id: Id,
    pub on: NaiveDate,
    /// In the invoice's currency, minor units, more than zero.
    pub amount_minor: i64,
    #[serde(default)]
    pub note: String,
}

/// A collection step taken on an overdue invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionStep {
    pub id: Id,
    pub on: NaiveDate,
    pub action: CollectionAction,
    #[serde(default)]
    pub note: String,
}

/// An invoice of a won deal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub deal_id: Id,
    pub account_id: Id,
    pub number: String,
    pub issued_on: NaiveDate,
    pub due_on: NaiveDate,
    pub amount: Money,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub payments: Vec<Payment>,
    #[serde(default)]
    pub late_cause: Option<LateCause>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub collection: Vec<CollectionStep>,
    #[serde(default)]
    pub note: String,
}

crate::impl_record!(Invoice, "invoices");

impl Invoice {
    /// A new unpaid invoice of a deal.
    pub fn new(
        deal_id: Id,
        account_id: Id,
        number: &str,
        issued_on: NaiveDate,
        due_on: NaiveDate,
        amount: Money,
        now: DateTime<Utc>,
    ) -> Invoice {
        let m = Meta::new(now);
        Invoice {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            deal_id,
            account_id,
            number: number.trim().to_string(),
            issued_on,
            due_on,
            amount,
            payments: Vec::new(),
            late_cause: None,
            collection: Vec::new(),
            note: String::new(),
        }
    }

    /// What has been paid, in minor units.
    pub fn paid_minor(&self) -> i64 {
        self.payments.iter().map(|p| p.amount_minor).sum()
    }

    /// What is still owed, in minor units (never below zero).
    pub fn outstanding_minor(&self) -> i64 {
        (self.amount.minor - self.paid_minor()).max(0)
    }

    /// Paid in full.
    pub fn is_paid(&self) -> bool {
        self.outstanding_minor() == 0
    }
}

/// What a credit check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CreditOutcome {
    /// Sell on normal terms.
    Sound,
    /// Sell with care (advance payment, shorter terms, a guarantee).
    Caution,
    /// Do not sell on credit.
    Refused,
}

crate::keyed_enum!(CreditOutcome, "receivable.credit_outcome", {
    Sound => "sound",
    Caution => "caution",
    Refused => "refused",
});

/// A credit check of an account, made before a sale (METHOD.md: prevent fraud with a
/// credit check before the sale — licence, account history).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditCheck {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub account_id: Id,
    pub checked_on: NaiveDate,
    /// The business licence was seen and is valid.
    pub licence_checked: bool,
    /// What the account's history shows (payments to us and others, references).
    #[serde(default)]
    pub history: String,
    pub outcome: CreditOutcome,
    /// Who checked (a name or initials).
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub notes: String,
}

crate::impl_record!(CreditCheck, "credit_checks");

impl CreditCheck {
    /// A new credit check of an account.
    pub fn new(
        account_id: Id,
        checked_on: NaiveDate,
        licence_checked: bool,
        outcome: CreditOutcome,
        now: DateTime<Utc>,
    ) -> CreditCheck {
        let m = Meta::new(now);
        CreditCheck {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            account_id,
            checked_on,
            licence_checked,
            history: String::new(),
            outcome,
            by: String::new(),
            notes: String::new(),
        }
    }
}
