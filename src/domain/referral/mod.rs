//! Referrals (METHOD.md "Step 6": ask satisfied customers for referrals; referred
//! customers start new sales cycles).
//!
//! A [`Referral`] is one ask: who was asked (a person of a customer account), when, what
//! they answered, and the leads they gave — accounts (and, where known, people) that are
//! then linked to the referrer, so the referrer's page can show the deals they brought and
//! what was won from them.
//!
//! - [`draft`]: the ask as typed ([`ReferralDraft`]): the person (required; the ask belongs
//!   to their account), the deal (optional, of that account), the day asked (not after
//!   today), the answer, the leads (existing accounts, never the referrer's own account,
//!   each once, with a person of that account if known) and a note. Leads with the answer
//!   still "not answered yet" read as "yes"; leads with "no" or "later" are refused. The
//!   record rules ([`check_record`]) hold a stored ask, or a backup's, to the same.
//! - [`deals`]: what a referrer brought ([`referred_deals`]): the deals of their lead
//!   accounts **created on or after the day of the ask** that named the account (a deal
//!   the account already had was not brought by the referral), with the won value by
//!   currency.

mod check;
pub mod deals;
pub mod draft;
mod record;
#[cfg(test)]
mod tests;

pub use check::check_record;
pub use deals::*;
pub use draft::*;
pub use record::*;
