//! Settings → satisfaction checks: the cadence of the call and the request.

use leptos::prelude::*;

#[component]
pub fn SatisfactionSettings() -> impl IntoView {}
