//! Sixstep: a local-first workbench for the six-step B2B sales method.
//!
//! `domain` holds the method as pure Rust; `store` the persistence rules (backends,
//! schema versions, backup); `i18n` the string catalogues. These compile and are tested
//! natively. The user interface (`app`, `ui`, `pages`) is built for the browser, and so is
//! most of `state`; its relation indexes and record tables compile and are tested natively.

pub mod domain;
pub mod i18n;
pub mod state;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod ui;
