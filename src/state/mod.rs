//! Reactive app state: the loaded records ([`data`]), the preferences of this device
//! ([`prefs`]) and the work settings stored with the records ([`settings`]), toasts, search,
//! backup and data health.
//!
//! Every change to stored records is an action of the rep: the named actions in
//! [`actions`] (one module per area) and, for saving one record from its form,
//! [`record_save`]. They are the only writers: each validates through the domain and
//! commits one [`data::Changes`] batch in one transaction, then the tables show it. Pages
//! and shared components call them and only show the outcome.
//!
//! [`index`] holds the relation indexes (people by account, open deals by step, …) as
//! plain data, maintained record by record; it is pure and compiles natively, where its
//! tests run. [`table`] keeps each record readable on its own and the indexes readable
//! list by list, so that one change wakes only its readers; it uses only the reactive
//! graph, so it too compiles and is tested natively. Everything else here is built for the
//! browser only.
//!
//! Files here may use `crate::domain`, `crate::store` and `crate::i18n`; they never import
//! from `crate::ui`, `crate::pages` or `crate::app`.

#[cfg(target_arch = "wasm32")]
pub mod actions;
#[cfg(target_arch = "wasm32")]
pub mod backup;
#[cfg(target_arch = "wasm32")]
pub mod data;
#[cfg(target_arch = "wasm32")]
pub mod health;
pub mod index;
#[cfg(target_arch = "wasm32")]
pub mod prefs;
#[cfg(target_arch = "wasm32")]
pub mod record_save;
#[cfg(target_arch = "wasm32")]
pub mod search;
#[cfg(target_arch = "wasm32")]
pub mod settings;
pub mod table;
#[cfg(target_arch = "wasm32")]
pub mod toasts;
#[cfg(target_arch = "wasm32")]
pub mod unsaved;

#[cfg(target_arch = "wasm32")]
pub use prefs::{tc, tr, tr_fn, tw, Prefs, Theme};
#[cfg(target_arch = "wasm32")]
pub use toasts::{ToastKind, Toasts};
