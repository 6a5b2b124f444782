//! In-app links under the base path the app is served from.
//!
//! The base ("" at the root, "/crm" under a sub-path) is written into
//! `<meta name="app-base">` at build time and read once, on first use.

use std::sync::OnceLock;

/// The path the app is served under: "" at the root, "/crm" under a sub-path.
pub fn base_path() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        leptos::prelude::document()
            .query_selector("meta[name=app-base]")
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .map(|s| s.trim_end_matches('/').to_string())
            .unwrap_or_default()
    })
}

/// An in-app link target under the base path ("/deals" → "/crm/deals").
pub fn href(path: &str) -> String {
    format!("{}{}", base_path(), path)
}
