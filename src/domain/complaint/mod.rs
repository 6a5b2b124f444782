//! The complaints and suggestions register (METHOD.md "The rep's other duties":
//! complaints; "Good vendor practice": one place for complaints and suggestions).
//!
//! Handle complaints fast; the customer's **anxiety**, not only the size of the fault,
//! sets the urgency: a worried customer labelled "over-anxious" is a lost customer, and
//! going on site fast lowers anxiety. Each [`Complaint`] names the account and, where known,
//! the person and the deal; it keeps when it was opened, first answered, visited on site
//! and resolved, so that response times can be measured month by month.
//!
//! - [`draft`]: the form as typed ([`ComplaintDraft`]), refused field by field: an account
//!   (required), a person of that account and a deal of that account (optional), what
//!   happened (required, at most [`MAX_WHAT`] characters), fault size and anxiety 1–5, the
//!   opening time (not in the future), and the first response, on-site and resolved times
//!   in their order ([`time_order`]). The record rules ([`check_record`]) hold a stored
//!   record, or a backup's, to the same.
//! - [`priority`]: the register's order ([`priority_order`], [`sort_by_priority`]).
//! - [`figures`]: response times per month of opening ([`monthly_figures`]).
//!
//! **Suggestions** are kept in the same register with the same fields (their "fault size"
//! reads as how much the change would matter, their anxiety as how strongly the customer
//! feels about it). Urgency is a complaint's matter: an open complaint always comes before
//! an open suggestion, and the response-time figures count complaints only.

mod check;
pub mod draft;
pub mod figures;
pub mod priority;
mod record;
#[cfg(test)]
mod tests;

pub use check::check_record;
pub use draft::*;
pub use figures::*;
pub use priority::*;
pub use record::*;
