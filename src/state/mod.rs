//! Reactive app state. Actions here are the only writers of stored data and preferences.

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
