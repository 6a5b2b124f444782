//! The complaints and suggestions register (METHOD.md "The rep's other duties":
//! complaints; "Good vendor practice": one place for complaints and suggestions).
//!
//! Handle complaints fast; the customer's **anxiety**, not only the size of the fault,
//! sets the urgency: a worried customer labelled "over-anxious" is a lost customer, and
//! going on site fast lowers anxiety. Each [`Complaint`] names the account and, where known,
//! the person and the deal; it keeps when it was opened, first answered, visited on site
//! and resolved, so that response times can be measured month by month.

mod check;
mod record;

pub use check::check_record;
pub use record::*;
