//! The sales method in plain Rust: every rule of METHOD.md as a pure function or type.
//! No web APIs here; everything is tested natively with `cargo test`.

pub mod activity;
pub mod agenda;
pub mod ids;
pub mod money;
pub mod relationship;
pub mod style;
pub mod text;
