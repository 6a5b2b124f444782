//! A modal dialog's frame: the backdrop, the card with its role and the ids naming and
//! describing it, and the keys it answers (each dialog says what Escape, and anything
//! else, does).

use leptos::prelude::*;
use web_sys::KeyboardEvent;

/// How a dialog is named and what it answers to.
pub struct Frame<K> {
    pub labelled_by: String,
    pub described_by: Option<String>,
    /// An `alertdialog`, shown above any other dialog (the question about leaving unsaved
    /// text can come from inside one).
    pub alert: bool,
    pub on_key: K,
}

/// `body` in a modal dialog.
pub fn modal<K: Fn(KeyboardEvent) + 'static>(
    frame: Frame<K>,
    body: impl IntoView,
) -> impl IntoView {
    let Frame {
        labelled_by,
        described_by,
        alert,
        on_key,
    } = frame;
    view! {
        <div class="modal-backdrop" class:alert-backdrop=alert>
            <div
                class="modal card"
                role=if alert { "alertdialog" } else { "dialog" }
                aria-modal="true"
                aria-labelledby=labelled_by
                aria-describedby=described_by
                on:keydown=on_key
            >
                {body}
            </div>
        </div>
    }
}
