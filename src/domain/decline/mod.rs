//! Declining a customer well (METHOD.md "Declining a customer well", seed 003).
//!
//! When the firm cannot serve a request (a different business, another speciality, nothing
//! in stock or no free staff), the rep weighs the customer's tactical and strategic
//! importance, asks how they heard of us, offers alternatives — wait, a substitute, or a
//! **trusted** [`Partner`] in the same or a neighbouring field (never one we are unsure
//! of) — and says it politely. Each [`DeclinedRequest`] is kept: requests for neighbouring
//! fields show demand we do not serve.

mod check;
mod record;

pub use check::{check_partner, check_record};
pub use record::*;
