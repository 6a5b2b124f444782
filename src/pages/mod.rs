//! One module per area of the app.

pub mod accounts;
pub mod contacts;
pub mod dashboard;
pub mod deals;
pub mod not_found;
pub mod settings;
pub mod settings_data;
pub mod training;
pub mod trust;
