//! The Agenda's follow-up service: contract items and milestones due or late, satisfaction checks due.

use leptos::prelude::*;

#[component]
pub fn ServiceAgenda() -> impl IntoView {}
