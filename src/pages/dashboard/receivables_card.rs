//! The dashboard's receivables card: the overdue total by aging bucket, as a chart with its table.

use leptos::prelude::*;

#[component]
pub fn ReceivablesCard() -> impl IntoView {}
