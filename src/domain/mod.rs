//! The sales method in plain Rust: every rule of METHOD.md as a pure function or type.
//! No web APIs here; everything is tested natively with `cargo test`.

pub mod account;
pub mod activity;
pub mod agenda;
pub mod buying_centre;
pub mod buying_stage;
pub mod competitive;
pub mod competitor;
pub mod contact;
pub mod deal;
pub mod deal_sections;
pub mod dedupe;
pub mod fields;
pub mod ids;
pub mod intel;
pub mod keys;
pub mod merge;
pub mod money;
pub mod needs;
pub mod negotiation;
pub mod pipeline;
pub mod presentation;
pub mod price;
pub mod product;
pub mod proposal;
pub mod qualification;
pub mod relationship;
pub mod rules;
pub mod search;
pub mod style;
pub mod text;
pub mod unlink;
