//! One module per area of the app.

pub mod account_form;
pub mod accounts;
pub mod competitors;
pub mod contact_form;
pub mod contacts;
pub mod dashboard;
pub mod deals;
pub mod intel;
pub mod not_found;
pub mod settings;
pub mod settings_data;
pub mod settings_health;
pub mod training;
pub mod trust;
