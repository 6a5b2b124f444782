//! Deals (menu entry "Deals"): the board of open deals by step, the deal page with the
//! current step's work, the move dialog and the deal form; step 4's competitive analysis,
//! the presentation coach and its printable speaker sheet; step 5's negotiation page and
//! its printable brief.
//!
//! Files here read state and call actions in `crate::state`, and use shared pieces from
//! `crate::ui`; they import nothing from another area's pages.

mod board;
mod closing;
mod common;
mod competitive;
mod detail;
mod followup;
mod form;
mod move_dialog;
mod negotiation;
mod people;
mod presentation;
mod proposal;
mod qualify;
mod sections;

pub use board::DealsPage;
pub use detail::DealPage;
pub use followup::{ContractChecklistPage, FollowUpPage};
pub use negotiation::{NegotiationBriefPage, NegotiationPage, NegotiationTermsPage};
pub use presentation::{PresentationPage, SpeakerSheetPage};
pub use proposal::{ProposalComparePage, ProposalCopyPage, ProposalPage};
