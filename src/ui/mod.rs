//! Components shared by pages.

pub mod coming;
pub mod conflict;
pub mod crash;
pub mod filters;
pub mod fmt;
pub mod form;
pub mod merge;
pub mod scroll_area;
pub mod search;
pub mod style_hint;
pub mod toast_area;
