//! Reactive app state: the loaded records ([`data`]), the preferences of this device
//! ([`prefs`]) and the work settings stored with the records ([`settings`]), toasts, search,
//! backup and data health.
//!
//! Every change to stored records is an action of the rep: the named actions in
//! [`actions`] (one module per area) and, for saving one record from its form,
//! [`record_save`]. They are the only writers: each validates through the domain and
//! commits one [`data::Changes`] batch in one transaction, then the signals show it. Pages
//! and shared components call them and only show the outcome.
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
