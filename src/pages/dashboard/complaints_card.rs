//! The dashboard's card of open complaints, most urgent first.

use leptos::prelude::*;

#[component]
pub fn ComplaintsCard() -> impl IntoView {}
