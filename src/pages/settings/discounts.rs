//! Settings → the cumulative-discount rule.

use leptos::prelude::*;

#[component]
pub fn DiscountSettings() -> impl IntoView {}
