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
    let on_key = move |ev: KeyboardEvent| {
        // A question (an alert dialog) keeps the focus on its buttons while it asks: Tab
        // and Shift+Tab go round them.
        if alert && ev.key() == "Tab" {
            ev.prevent_default();
            keep_focus_among_buttons(&ev);
        }
        on_key(ev);
    };
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

/// Moves the focus to the dialog's next button (previous with Shift), round the end.
fn keep_focus_among_buttons(ev: &KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let Some(dialog) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(found) = dialog.query_selector_all("button") else {
        return;
    };
    let buttons: Vec<web_sys::HtmlElement> = (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into().ok())
        .collect();
    if buttons.is_empty() {
        return;
    }
    let active = document().active_element();
    let now = buttons
        .iter()
        .position(|b| active.as_ref() == Some(b.as_ref()));
    let n = buttons.len();
    let next = match now {
        None => 0,
        Some(i) if ev.shift_key() => (i + n - 1) % n,
        Some(i) => (i + 1) % n,
    };
    let _ = buttons[next].focus();
}
