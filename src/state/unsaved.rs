//! Text typed and not yet saved: leaving it asks first.
//!
//! A form (or dialog) the rep has typed in since its last successful save holds unsaved
//! work. Following a link away from it, inside the app, is held until the rep says to leave
//! without saving ([`leaving`], answered by [`stay`] or [`leave`]); closing or reloading the
//! tab asks through the browser's own prompt.
//!
//! It is followed on the page itself, for every form at once: a text field typed in marks
//! its form; a save that succeeds ([`saved`], called by the two paths that commit a rep's
//! change) clears the form last submitted or last clicked in; a form that is gone (closed,
//! cancelled) holds nothing. A refused save leaves the form marked: what was typed is kept
//! there, unsaved. Filters, search boxes, choices and files are not work to lose.

use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

thread_local! {
    /// Forms typed in since their last save.
    static DIRTY: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// The form the rep last submitted or clicked a button in: the one a save is for.
    static ACTED: RefCell<Option<Element>> = const { RefCell::new(None) };
    /// The link held while the rep is asked.
    static HELD: RefCell<Option<web_sys::HtmlElement>> = const { RefCell::new(None) };
    static LEAVING: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// What a typed field belongs to: its form, or the dialog it is in.
fn holder(el: &Element) -> Option<Element> {
    el.closest("form, [role=dialog], [role=alertdialog]")
        .ok()
        .flatten()
}

/// A field whose typed text is work: a text area, or a text-like input that is not a
/// search box.
fn is_text_field(el: &Element) -> bool {
    match el.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => {
            let kind = el.get_attribute("type").unwrap_or_default();
            let text_like = matches!(
                kind.as_str(),
                "" | "text" | "email" | "tel" | "url" | "number" | "date" | "time" | "month"
            );
            text_like && el.get_attribute("role").as_deref() != Some("combobox")
        }
        _ => false,
    }
}

/// Whether a form still on the page holds unsaved text.
pub fn has_unsaved() -> bool {
    DIRTY.with(|d| {
        let mut d = d.borrow_mut();
        d.retain(|f| f.is_connected());
        !d.is_empty()
    })
}

/// A save succeeded: the form it came from holds nothing unsaved now.
pub fn saved() {
    if let Some(done) = ACTED.with(|a| a.borrow().clone()) {
        DIRTY.with(|d| d.borrow_mut().retain(|f| f != &done));
    }
}

/// Whether the rep is being asked about leaving unsaved text (read by the shell's dialog).
pub fn leaving() -> bool {
    LEAVING.with(|l| l.get())
}

/// Stays on the page: the held link is dropped, and the first field with unsaved text
/// takes the focus.
pub fn stay() {
    HELD.with(|h| h.borrow_mut().take());
    LEAVING.with(|l| l.set(false));
    let first = DIRTY.with(|d| d.borrow().first().cloned());
    if let Some(field) = first.and_then(|f| f.query_selector("textarea, input").ok().flatten()) {
        if let Ok(field) = field.dyn_into::<web_sys::HtmlElement>() {
            let _ = field.focus();
        }
    }
}

/// Leaves without saving: the held link is followed.
pub fn leave() {
    DIRTY.with(|d| d.borrow_mut().clear());
    LEAVING.with(|l| l.set(false));
    if let Some(link) = HELD.with(|h| h.borrow_mut().take()) {
        link.click();
    }
}

/// Starts following typed text, once, when the shell is built.
pub fn install() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let on = |name: &str, f: Box<dyn FnMut(web_sys::Event)>| {
        let f = Closure::wrap(f);
        let _ =
            doc.add_event_listener_with_callback_and_bool(name, f.as_ref().unchecked_ref(), true);
        f.forget();
    };
    on(
        "input",
        Box::new(|ev| {
            let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            if !is_text_field(&el) {
                return;
            }
            if let Some(form) = holder(&el) {
                DIRTY.with(|d| {
                    let mut d = d.borrow_mut();
                    if !d.contains(&form) {
                        d.push(form);
                    }
                });
            }
        }),
    );
    // The form a save is for: the one submitted, or the one a button was pressed in.
    let acted = |ev: web_sys::Event| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let from = if ev.type_() == "submit" {
            Some(el)
        } else {
            el.closest("button").ok().flatten()
        };
        if let Some(form) = from.as_ref().and_then(holder) {
            ACTED.with(|a| *a.borrow_mut() = Some(form));
        }
    };
    on("submit", Box::new(acted));
    // A field saved when it is left (its change) is its form's save.
    on(
        "change",
        Box::new(|ev| {
            if let Some(form) = ev
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .as_ref()
                .and_then(holder)
            {
                ACTED.with(|a| *a.borrow_mut() = Some(form));
            }
        }),
    );
    on(
        "click",
        Box::new(move |ev| {
            acted(ev.clone());
            hold_link(&ev);
        }),
    );
    // Closing or reloading the tab: the browser asks.
    let Some(window) = web_sys::window() else {
        return;
    };
    let unload = Closure::<dyn FnMut(web_sys::Event)>::new(|ev: web_sys::Event| {
        if has_unsaved() {
            ev.prevent_default();
            let _ = js_sys::Reflect::set(&ev, &"returnValue".into(), &"".into());
        }
    });
    let _ =
        window.add_event_listener_with_callback("beforeunload", unload.as_ref().unchecked_ref());
    unload.forget();
}

/// A click on a link inside the app while text is unsaved: held, and the rep asked.
fn hold_link(ev: &web_sys::Event) {
    if LEAVING.with(|l| l.get_untracked()) || !has_unsaved() {
        return;
    }
    let Some(mouse) = ev.dyn_ref::<web_sys::MouseEvent>() else {
        return;
    };
    // A new tab or window leaves this page as it is.
    if mouse.button() != 0 || mouse.ctrl_key() || mouse.meta_key() || mouse.shift_key() {
        return;
    }
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
    else {
        return;
    };
    let href = link.get_attribute("href").unwrap_or_default();
    let elsewhere = link.get_attribute("target").is_some_and(|t| t != "_self")
        || link.has_attribute("download");
    if href.starts_with('#') || elsewhere {
        return;
    }
    let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    ev.prevent_default();
    ev.stop_immediate_propagation();
    HELD.with(|h| *h.borrow_mut() = Some(link));
    LEAVING.with(|l| l.set(true));
}
