//! A button that removes part of a rep's work: pressed, it says what will happen and asks
//! (a modal question); only the confirming button does it, and the toast that follows
//! offers Undo. Cancel, Escape or the backdrop's absence of an answer change nothing.

use crate::state::tr;
use crate::ui::focus::focus_later;
use crate::ui::modal::{modal, Frame};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What the button and its question say (already translated).
pub struct Ask {
    /// The button's text ("Delete").
    pub label: String,
    /// Its accessible name ("Delete invoice NWI-2041").
    pub name: String,
    /// What will happen, asked before it is done.
    pub question: String,
    /// The confirming button's text ("Delete the invoice").
    pub confirm: String,
}

/// The element ids of one button and its question.
#[derive(Clone, Copy)]
struct Ids(usize);

impl Ids {
    fn of(self, part: &str) -> String {
        format!("ask-{}-{part}", self.0)
    }
}

/// The button, and once pressed, the question with the confirming button and Cancel.
pub fn ask_first(ask: Ask, on_confirm: impl Fn() + Clone + 'static) -> impl IntoView {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let id = Ids(NEXT.fetch_add(1, Ordering::Relaxed));
    let asking = RwSignal::new(false);
    // The question is built in a reactive closure, which must be `Send`; the page's action
    // is not, and it runs on this thread only.
    let on_confirm = SendWrapper::new(on_confirm);
    let Ask {
        label,
        name,
        question,
        confirm,
    } = ask;
    // Closed without an answer: the focus goes back to the button.
    let cancel = move || {
        asking.set(false);
        focus_later(id.of("button"));
    };
    view! {
        <button
            type="button"
            class="small danger"
            id=id.of("button")
            aria-label=name
            aria-haspopup="dialog"
            on:click=move |_| {
                asking.set(true);
                focus_later(id.of("yes"));
            }
        >
            {label}
        </button>
        {move || {
            let on_confirm = on_confirm.clone();
            let frame = Frame {
                labelled_by: id.of("text"),
                described_by: None,
                alert: true,
                on_key: move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        cancel();
                    }
                },
            };
            asking.get().then(|| modal(frame, view! {
                <p class="ask-first-text" id=id.of("text")>{question.clone()}</p>
                <div class="actions">
                    <button
                        type="button"
                        class="danger"
                        id=id.of("yes")
                        on:click=move |_| {
                            asking.set(false);
                            (*on_confirm)();
                        }
                    >
                        {confirm.clone()}
                    </button>
                    <button type="button" on:click=move |_| cancel()>
                        {tr("form.cancel")}
                    </button>
                </div>
            }))
        }}
    }
}
