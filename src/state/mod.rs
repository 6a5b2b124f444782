//! Reactive app state: the loaded records ([`data`]), the preferences of this device
//! ([`prefs`]) and the work settings stored with the records ([`settings`]), toasts, search,
//! backup and data health.
//!
//! Every change to stored records goes through [`data::Changes`], committed in one
//! transaction and then applied to the signals. Actions that change several kinds at once
//! (merges, a deal won with its account) live in [`actions`], saving one record from a form
//! in [`record_save`]; some pages still assemble a [`data::Changes`] batch themselves.
//!
//! Files here may use `crate::domain`, `crate::store` and `crate::i18n`; they never import
//! from `crate::ui`, `crate::pages` or `crate::app`.

pub mod actions;
pub mod backup;
pub mod data;
pub mod health;
pub mod prefs;
pub mod record_save;
pub mod search;
pub mod settings;
pub mod toasts;

pub use prefs::{tc, tr, tw, Prefs, Theme};
pub use toasts::{ToastKind, Toasts};
