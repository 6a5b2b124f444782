//! Referrals (METHOD.md "Step 6": ask satisfied customers for referrals; referred
//! customers start new sales cycles).
//!
//! A [`Referral`] is one ask: who was asked (a person of a customer account), when, what
//! they answered, and the leads they gave — accounts (and, where known, people) that are
//! then linked to the referrer, so the referrer's page can show the deals they brought and
//! what was won from them.

mod check;
mod record;

pub use check::check_record;
pub use record::*;
