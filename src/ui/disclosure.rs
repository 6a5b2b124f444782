//! A form shown on request: a long page (a deal's follow-up) keeps its add-forms folded
//! behind a button named like the form, and a button to fold it again.

use crate::state::tr;
use leptos::prelude::*;

/// Shows `children` (a form) once the button named `label_key` is pressed; the form then
/// stays open after each save, for the next entry, until "Close the form".
#[component]
pub fn OnRequest(label_key: &'static str, children: ChildrenFn) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <Show
            when=move || open.get()
            fallback=move || view! {
                <div class="actions no-print">
                    <button type="button" aria-expanded="false" on:click=move |_| open.set(true)>
                        {tr(label_key)}
                    </button>
                </div>
            }
        >
            {children()}
            <div class="actions no-print">
                <button type="button" aria-expanded="true" on:click=move |_| open.set(false)>
                    {tr("form.close_form")}
                </button>
            </div>
        </Show>
    }
}
