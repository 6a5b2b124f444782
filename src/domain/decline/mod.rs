//! Declining a customer well (METHOD.md "Declining a customer well", seed 003).
//!
//! When the firm cannot serve a request (a different business, another speciality, nothing
//! in stock or no free staff), the rep weighs the customer's tactical and strategic
//! importance, asks how they heard of us, offers alternatives — wait, a substitute, or a
//! **trusted** [`Partner`] in the same or a neighbouring field (never one we are unsure
//! of) — and says it politely. Each [`DeclinedRequest`] is kept: requests for neighbouring
//! fields show demand we do not serve.
//!
//! [`partner`] holds the directory's form and which partners may be proposed; [`request`]
//! the guided flow's form, the polite script's parts and the key-customer hint; [`report`]
//! the demand by field.

mod check;
pub mod partner;
mod record;
pub mod report;
pub mod request;

#[cfg(test)]
mod tests;

pub use check::{check_partner, check_record};
pub use partner::{proposable_partners, PartnerDraft};
pub use record::*;
pub use report::{demand_by_field, FieldDemand};
pub use request::{key_customer, script_parts, DeclineDraft, ScriptPart};

/// What is wrong with a field of the flow or the partner form (beyond the shared
/// problems: required, too long, not a date, not an e-mail or phone number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeclineProblem {
    /// Neither who asked nor an account.
    WhoRequired,
    /// An importance that is not a whole number 1–5 (`{value}`).
    ImportanceInvalid,
    /// Waiting offered without a date.
    WaitUntilRequired,
    /// Waiting until before the day declined (`{value}`, `{on}`).
    WaitBeforeDeclined,
    /// A substitute offered without saying what.
    SubstituteRequired,
    /// A partner offered without choosing one.
    PartnerRequired,
    /// A partner we do not trust (known or unsure).
    PartnerNotTrusted,
    /// A partner no longer in the directory.
    PartnerMissing,
    /// Declined on a day after today (`{value}`).
    OnInFuture,
    /// A text longer than the field takes (`{len}`, `{max}`).
    TextTooLong,
}

crate::keyed_enum!(DeclineProblem, "decline.error", {
    WhoRequired => "who_required",
    ImportanceInvalid => "importance_invalid",
    WaitUntilRequired => "wait_until_required",
    WaitBeforeDeclined => "wait_before_declined",
    SubstituteRequired => "substitute_required",
    PartnerRequired => "partner_required",
    PartnerNotTrusted => "partner_not_trusted",
    PartnerMissing => "partner_missing",
    OnInFuture => "on_in_future",
    TextTooLong => "text_too_long",
});

impl From<DeclineProblem> for crate::domain::fields::FieldProblem {
    fn from(p: DeclineProblem) -> Self {
        crate::domain::fields::FieldProblem::Form(p.key())
    }
}
