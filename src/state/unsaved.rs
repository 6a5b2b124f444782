//! Text typed and not yet saved: leaving it asks first.
//!
//! A form (or dialog) the rep has typed in since its last successful save holds unsaved
//! work. Following a link away from it inside the app, going elsewhere from the search
//! ([`guard`]), or the browser's Back and Forward within the app, is held until the rep
//! says to leave without saving ([`leaving`], answered by [`stay`] or [`leave`]); closing
//! or reloading the tab asks through the browser's own prompt.
//!
//! It is followed on the page itself, for every form at once: a text field typed in marks
//! its form, for as long as its text differs from what it held before; a save that
//! succeeds ([`saved`], called by the two paths that commit a rep's change) clears the
//! form whose button was pressed, or which was submitted, for it (and the forms of its
//! `data-unsaved-group`: one record edited in parts); a button marked
//! `data-discards` (a Cancel that empties a form left open) clears its form too. A form
//! that is gone (closed, cancelled) holds nothing. A refused save leaves the form marked:
//! what was typed is still there, unsaved. Filters, search boxes, choices and files are
//! not work to lose.

use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Where the rep was going when asked.
enum Held {
    /// A link clicked: clicked again once the rep says to leave.
    Link(web_sys::HtmlElement),
    /// A navigation of the app's own (the search's).
    Go(Box<dyn FnOnce()>),
}

/// A field typed in since its form's last save.
struct Typed {
    field: Element,
    /// Its form (or dialog).
    form: Element,
    /// Its text before the first keystroke (`None` where the browser gave no
    /// `beforeinput`: then any text counts as typed).
    before: Option<String>,
}

impl Typed {
    /// Whether the field holds text other than what it held before it was typed in:
    /// typing and then removing it again leaves nothing unsaved.
    fn changed(&self) -> bool {
        self.field.is_connected() && self.before.as_deref() != Some(value(&self.field).as_str())
    }
}

/// A field's text as it is now.
fn value(field: &Element) -> String {
    js_sys::Reflect::get(field, &"value".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

thread_local! {
    /// Fields typed in since their form's last save.
    static DIRTY: RefCell<Vec<Typed>> = const { RefCell::new(Vec::new()) };
    /// The form whose button was last pressed, or which was last submitted: the one a save
    /// is for. A press outside any form clears it.
    static ACTED: RefCell<Option<Element>> = const { RefCell::new(None) };
    /// The field last typed in (staying puts the focus back there).
    static LAST_FIELD: RefCell<Option<web_sys::HtmlElement>> = const { RefCell::new(None) };
    static HELD: RefCell<Option<Held>> = const { RefCell::new(None) };
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
                "" | "text"
                    | "email"
                    | "tel"
                    | "url"
                    | "number"
                    | "password"
                    | "date"
                    | "time"
                    | "month"
                    | "datetime-local"
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
        d.retain(|t| t.field.is_connected());
        d.iter().any(Typed::changed)
    })
}

/// Whether a form of `data-unsaved-group` `group` holds unsaved text.
pub fn holds_group(group: &str) -> bool {
    DIRTY.with(|d| {
        d.borrow().iter().any(|t| {
            t.changed() && t.form.get_attribute("data-unsaved-group").as_deref() == Some(group)
        })
    })
}

/// Clears `form` and the forms of its `data-unsaved-group`.
fn clear(form: &Element) {
    let group = form.get_attribute("data-unsaved-group");
    DIRTY.with(|d| {
        d.borrow_mut().retain(|t| {
            let f = &t.form;
            f != form && (group.is_none() || f.get_attribute("data-unsaved-group") != group)
        })
    });
}

/// A save succeeded: the form it was pressed or submitted in holds nothing unsaved now.
pub fn saved() {
    if let Some(done) = ACTED.with(|a| a.borrow_mut().take()) {
        clear(&done);
    }
}

/// Whether the rep is being asked about leaving unsaved text (read by the shell's dialog).
pub fn leaving() -> bool {
    LEAVING.with(|l| l.get())
}

/// Runs `go` (a navigation of the app's own), or, with text unsaved, asks first.
pub fn guard(go: impl FnOnce() + 'static) {
    if has_unsaved() {
        HELD.with(|h| *h.borrow_mut() = Some(Held::Go(Box::new(go))));
        LEAVING.with(|l| l.set(true));
    } else {
        go();
    }
}

/// Stays on the page: where the rep was going is dropped, and the field last typed in
/// takes the focus back.
pub fn stay() {
    HELD.with(|h| h.borrow_mut().take());
    LEAVING.with(|l| l.set(false));
    let last = LAST_FIELD
        .with(|f| f.borrow().clone())
        .filter(|f| f.is_connected());
    let field = last.or_else(|| {
        let first = DIRTY.with(|d| {
            d.borrow()
                .iter()
                .find(|t| t.changed())
                .map(|t| t.field.clone())
        })?;
        first.dyn_into::<web_sys::HtmlElement>().ok()
    });
    if let Some(field) = field {
        let _ = field.focus();
    }
}

/// Leaves without saving: goes where the rep was going.
pub fn leave() {
    DIRTY.with(|d| d.borrow_mut().clear());
    LEAVING.with(|l| l.set(false));
    match HELD.with(|h| h.borrow_mut().take()) {
        Some(Held::Link(link)) => link.click(),
        Some(Held::Go(go)) => go(),
        None => {}
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
    // A field's text is kept as it was before its first keystroke (`beforeinput`), so
    // that typing it back to that is not unsaved work.
    let typed = |ev: web_sys::Event| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if !is_text_field(&el) {
            return;
        }
        let Some(form) = holder(&el) else {
            return;
        };
        DIRTY.with(|d| {
            let mut d = d.borrow_mut();
            if !d.iter().any(|t| t.field == el) {
                let before = (ev.type_() == "beforeinput").then(|| value(&el));
                d.push(Typed {
                    field: el.clone(),
                    form,
                    before,
                });
            }
        });
        LAST_FIELD.with(|f| *f.borrow_mut() = el.dyn_into().ok());
    };
    on("beforeinput", Box::new(typed));
    on("input", Box::new(typed));
    // The form a save is for: the one submitted, or the one whose button was pressed.
    let acted = |ev: &web_sys::Event| {
        let el = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
        let button = if ev.type_() == "submit" {
            el
        } else {
            el.and_then(|e| e.closest("button").ok().flatten())
        };
        let form = button.as_ref().and_then(holder);
        if let (Some(b), Some(f)) = (&button, &form) {
            if b.has_attribute("data-discards") {
                clear(f);
            }
        }
        ACTED.with(|a| *a.borrow_mut() = form);
    };
    on("submit", Box::new(move |ev| acted(&ev)));
    on(
        "click",
        Box::new(move |ev| {
            acted(&ev);
            hold_link(&ev);
        }),
    );
    let Some(window) = web_sys::window() else {
        return;
    };
    hold_history(&window);
    // Closing or reloading the tab: the browser asks.
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

/// A click on a link inside the app while text is unsaved: held, and the rep asked. While
/// the rep is being asked, no link is followed.
fn hold_link(ev: &web_sys::Event) {
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
    else {
        return;
    };
    if LEAVING.with(|l| l.get_untracked()) {
        ev.prevent_default();
        ev.stop_immediate_propagation();
        return;
    }
    if !has_unsaved() {
        return;
    }
    let Some(mouse) = ev.dyn_ref::<web_sys::MouseEvent>() else {
        return;
    };
    // A new tab or window, or a download, leaves this page as it is.
    if mouse.button() != 0
        || mouse.ctrl_key()
        || mouse.meta_key()
        || mouse.shift_key()
        || mouse.alt_key()
    {
        return;
    }
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
    HELD.with(|h| *h.borrow_mut() = Some(Held::Link(link)));
    LEAVING.with(|l| l.set(true));
}

/// Back and Forward within the app while text is unsaved: held, and the rep asked; leaving
/// goes on to the entry the rep was going to. Through the browser's Navigation
/// API, where it has one (a traversal within the page can be cancelled there; without it,
/// Back is not asked about).
fn hold_history(window: &web_sys::Window) {
    let get = |v: &JsValue, key: &str| js_sys::Reflect::get(v, &key.into()).ok();
    let Some(navigation) = get(window, "navigation").filter(|n| n.is_object()) else {
        return;
    };
    let Ok(target) = navigation.clone().dyn_into::<web_sys::EventTarget>() else {
        return;
    };
    let on_navigate = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let traverse = get(&ev, "navigationType").and_then(|t| t.as_string());
        if traverse.as_deref() != Some("traverse") || !ev.cancelable() {
            return;
        }
        if LEAVING.with(|l| l.get_untracked()) {
            ev.prevent_default();
            return;
        }
        if !has_unsaved() {
            return;
        }
        let destination = get(&ev, "destination").unwrap_or(JsValue::UNDEFINED);
        let same_page = get(&destination, "sameDocument").and_then(|s| s.as_bool());
        let (Some(true), Some(key)) = (same_page, get(&destination, "key")) else {
            return;
        };
        ev.prevent_default();
        // Leaving goes to the entry the rep was going to (`history.go` is ignored after a
        // cancelled traversal); its promises are settled here, not reported as unhandled.
        let navigation = navigation.clone();
        let go = move || {
            let Some(traverse) =
                get(&navigation, "traverseTo").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            else {
                return;
            };
            let Ok(result) = traverse.call1(&navigation, &key) else {
                return;
            };
            let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
            for part in ["committed", "finished"] {
                if let Some(p) =
                    get(&result, part).and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
                {
                    let _ = p.catch(&ignore);
                }
            }
            ignore.forget();
        };
        HELD.with(|h| *h.borrow_mut() = Some(Held::Go(Box::new(go))));
        LEAVING.with(|l| l.set(true));
    });
    let _ =
        target.add_event_listener_with_callback("navigate", on_navigate.as_ref().unchecked_ref());
    on_navigate.forget();
}
