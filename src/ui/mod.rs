//! Components shared by pages.

pub mod coming;
pub mod crash;
pub mod toast_area;
