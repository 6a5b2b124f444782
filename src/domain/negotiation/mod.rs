//! Step 5 — winning commitment: the closing aids of a simple sale, the negotiation plan,
//! the trades it suggests, the rounds of concessions (the ledger), the deadlocks, and the
//! written agreement with the contract that is the evidence of step 5's end signal.
//!
//! **One record per deal.** A [`Negotiation`] holds everything of a deal's step 5, kept
//! apart from the deal itself so that a round typed in the meeting does not rewrite the
//! deal (nor wake the board). It is created the first time the rep writes any of it.
//!
//! - [`closing`]: a simple sale (short cycle, no formal negotiation): the buying signals
//!   logged with their date, the closing prompts filled from the deal's needs and the
//!   accepted proposal, and the upsell suggestions from the catalogue.
//! - [`plan`]: our team and who does what, the issues on the table with our opening
//!   position, target and bottom line, the value of a unit of movement, the importance to
//!   us and to them, and our alternative if there is no deal; the trade suggestions and
//!   the packages of equal value to us.
//! - [`ledger`]: the rounds (who moved, on which issue, from what to what, its value in
//!   money, the proposal version it produced) and the method's rule that each of our
//!   concessions is smaller than our previous one; the deadlocks and the guidance.
//! - [`agreement`]: every agreed term, its written confirmation, and the contract; the
//!   deal is won only when every term is confirmed, at the agreement's value.

pub mod agreement;
mod check;
pub mod closing;
pub mod ledger;
pub mod plan;
mod record;

pub use check::check_record;
pub use record::*;

/// Puts position `p` of an issue in `unit` (`typed` as the rep typed it) into a message as
/// placeholder `name`: as money when the unit is the negotiation's `currency`, so the page
/// writes it as the language writes money ("€84,000.00", not "84000 EUR"); otherwise as
/// typed, with its unit ("45 days").
pub fn position_arg(
    e: crate::domain::fields::FieldError,
    name: &'static str,
    p: Position,
    typed: &str,
    unit: &str,
    currency: &crate::domain::money::Currency,
) -> crate::domain::fields::FieldError {
    let unit = unit.trim();
    let minor = p
        .in_minor_units(currency.exponent())
        .filter(|_| unit.eq_ignore_ascii_case(currency.code()));
    match minor {
        Some(m) => e.amount(name, crate::domain::money::Money::new(m, currency.clone())),
        None if unit.is_empty() => e.arg(name, typed.trim()),
        None => e.arg(name, format!("{} {unit}", typed.trim())),
    }
}
