//! Planning (menu entry "Planning"): the Agenda of follow-up tasks — overdue, today and the
//! next 7 days, with the done list.
//!
//! Files here read state and call actions in `crate::state`, and use shared pieces from
//! `crate::ui` (the task rows live there: the person's page shows them too); they import
//! nothing from another area's pages.

mod agenda;
mod service;

use leptos::prelude::*;

/// Planning → Agenda: overdue, today and the next 7 days.
#[component]
pub fn AgendaPage() -> impl IntoView {
    view! {
        <agenda::Agenda/>
        <service::ServiceAgenda/>
    }
}
