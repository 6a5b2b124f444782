//! The deal and its spine: the six steps of a sale (seed 004, the core).
//!
//! | # | Step | Starts when | Ends when |
//! |---|------|-------------|-----------|
//! | 1 | Customer analysis | target customers are chosen | a clear sales opportunity is identified |
//! | 2 | Building trust | a clear opportunity exists | good relationships with the key people exist |
//! | 3 | Discovering needs | key relationships exist | the customer asks for a proposal explicitly |
//! | 4 | Presenting value | the customer asks for a proposal | business negotiation starts |
//! | 5 | Winning commitment | negotiation starts | the contract is signed |
//! | 6 | Follow-up service | the contract is signed | the customer has paid every account |
//!
//! A deal stays in a step until the rep confirms its end signal with evidence
//! ([`advance`], one step forward). Moving forward without the signal or by more than one
//! step needs a written reason ([`skip_to`]); moving back is allowed ([`step_back`]). Every
//! move is kept in the deal's history. Leaving step 1 passes the qualification gate
//! ([`super::qualification::gate`]).
//!
//! **Outcome and step 6.** The end signal of step 5 is the signed contract, so entering
//! step 6 (by advancing, or by skipping with a reason) marks the deal won. Confirming the
//! end signal of step 6 (every account paid) records `paid_on` and finishes the deal. A deal
//! is *open* while its outcome is [`Outcome::Open`] (that is the forecast pipeline), and
//! *active* while it is open or won but not yet paid (that is what the board shows).
//!
//! **Closed deals do not move.** A won, lost or declined deal is closed: no step move
//! applies to it ([`check_move`] says why before anything is typed), except confirming that
//! every account of a won deal in step 6 is paid. To sell it again the rep [`reopen`]s it
//! explicitly, with a written reason kept in the history with the outcome it had
//! ([`StepEventKind::Reopened`]); a reopened win goes back to step 5, since its contract is
//! no longer taken as signed.
//!
//! **Probability.** [`default_probability`] per step: 10, 20, 35, 55, 80, 100 (%). The rep
//! may override it; the override belongs to the step it was set in and is cleared by every
//! step move and by a reopen. Won deals count 100, lost and declined 0.
//!
//! The functions here do not touch `updated_at`/`rev`: the store bumps them on save.

mod draft;
mod record;
mod steps;
#[cfg(test)]
mod tests;
mod transition;
mod work;

pub use draft::*;
pub use record::*;
pub use steps::*;
pub use transition::*;
pub use work::*;
