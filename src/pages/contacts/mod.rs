//! People (menu entry "People"): the list of everyone in the book, one person's page
//! (contact data, buying-centre roles, personal facts, the trust panel of step 2 with
//! stage, style and activities, moves and merges) and the printable call plan.
//!
//! Files here read state and call actions in `crate::state`, use the domain's rules and the
//! shared pieces in `crate::ui`, and import nothing from another area's pages.

mod call_plan;
mod detail;
mod list;
mod service;
mod style_card;
mod trust_panel;

pub use call_plan::CallPlanPage;
pub use detail::ContactPage;
pub use list::ContactsPage;
