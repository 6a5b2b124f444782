//! The pages, one folder per entry of the navigation: `dashboard`, `accounts` (with
//! competitors and market intel, reached from the accounts list), `contacts`, `deals`,
//! `catalogue`, `planning`, `receivables`, `service` (complaints, declined requests,
//! partners), `training` and `settings`, plus the not-found page.
//!
//! A page reads state (`crate::state`), calls its actions, and renders with the shared
//! components of `crate::ui`. No area imports another area's pages: what two areas both
//! show lives in `ui/` (or, when it is state, in `state/`). `src/app.rs` mounts the routes.

pub mod accounts;
pub mod catalogue;
pub mod contacts;
pub mod dashboard;
pub mod deals;
pub mod not_found;
pub mod planning;
pub mod receivables;
pub mod service;
pub mod settings;
pub mod training;
