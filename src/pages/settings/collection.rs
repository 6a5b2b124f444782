//! Settings → collection: where the collection matrix draws its lines.

use leptos::prelude::*;

#[component]
pub fn CollectionSettings() -> impl IntoView {}
