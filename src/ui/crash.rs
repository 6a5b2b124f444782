//! The view shown if the app panics: never a blank page.
//!
//! After a panic the wasm instance is gone, so this is written with plain DOM calls and
//! offers a reload link that needs no script. The wording is fixed English and Spanish
//! text because the catalogue may be what failed.

use leptos::prelude::document;

pub fn show_crash_view(detail: &str) {
    let doc = document();
    let Some(body) = doc.body() else { return };
    body.set_inner_html("");
    let Ok(section) = doc.create_element("section") else {
        return;
    };
    section.set_class_name("crash");
    let _ = section.set_attribute("role", "alert");
    let add = |tag: &str, text: &str| {
        if let Ok(el) = doc.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = section.append_child(&el);
            Some(el)
        } else {
            None
        }
    };
    add("h1", "Something went wrong / Algo salió mal");
    add(
        "p",
        "Sixstep stopped because of an internal error. Everything already saved is safe in \
         this browser. Reload the page to continue.",
    );
    if let Some(a) = add("a", "Reload Sixstep") {
        let _ = a.set_attribute("href", "");
        a.set_class_name("button");
    }
    if let Some(details) = add("details", "") {
        if let Ok(summary) = doc.create_element("summary") {
            summary.set_text_content(Some("Technical details"));
            let _ = details.append_child(&summary);
        }
        if let Ok(pre) = doc.create_element("pre") {
            pre.set_text_content(Some(detail));
            let _ = details.append_child(&pre);
        }
    }
    let _ = body.append_child(&section);
}
