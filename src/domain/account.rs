//! Step 1 — customer analysis: the account (customer company) and its profile.
//!
//! METHOD.md asks for: contact data (phone, postal address, website, e-mail); business scope,
//! operating and financial state; use of similar products (ours and competitors', with
//! satisfaction); latest purchase plans and the problems they must solve; how the departments
//! help or limit each other; a grade by revenue potential; the lead source. Seed 001 adds the
//! share of new versus existing customers, hence [`Account::is_existing_customer`].
//!
//! Forms hold an [`AccountDraft`]; [`AccountDraft::validate`] turns it into a [`ValidAccount`]
//! or names every field in error ([`FieldError`](crate::domain::fields::FieldError)), never losing what was typed.

mod draft;
mod fields;
mod list;
mod record;
#[cfg(test)]
mod tests;

pub use draft::*;
pub use fields::*;
pub use list::*;
pub use record::*;
