//! Components and helpers shared by more than one page: form fields, links under the base
//! path, formatting, the style hint, the merge preview, the conflict panel, the activity and
//! task pieces shown on both a person's page and the Agenda, the person form used from an
//! account and from People, and deal labels used by the deals, accounts and dashboard.
//!
//! Files here may use `crate::state`, `crate::domain`, `crate::store` and `crate::i18n`;
//! they never import from `crate::pages` or `crate::app`.

pub mod activity;
pub mod activity_form;
pub mod ask_first;
pub mod complaint_row;
pub mod conflict;
pub mod contact_form;
pub mod crash;
pub mod customer_language;
pub mod deal_text;
pub mod disclosure;
pub mod filters;
pub mod fmt;
pub mod focus;
pub mod form;
pub mod leave_dialog;
pub mod link;
pub mod merge;
pub mod missing;
pub mod modal;
pub mod receivables;
pub mod sample_book;
pub mod scroll_area;
pub mod search;
pub mod style_hint;
pub mod tasks;
pub mod toast_area;
pub mod why;
