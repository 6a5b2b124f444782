//! Accounts (menu entry "Accounts", step 1 — customer analysis): the list with filters and
//! the lead-source report, one account's page (profile, people, buying centre, products in
//! use, deals, trust panel, merge) and the account form; competitors and market intel,
//! reached from the list.
//!
//! Files here read state and call actions in `crate::state`, use the domain's rules and the
//! shared pieces in `crate::ui`, and import nothing from another area's pages.

mod buying_centre;
mod competitors;
mod credit;
mod deals;
mod detail;
mod form;
mod intel;
mod list;
mod merge;
mod products;
mod purchases;
mod service;
mod trust_panel;

pub use competitors::{CompetitorPage, CompetitorsPage};
pub use detail::AccountPage;
pub use intel::IntelPage;
pub use list::AccountsPage;
