//! Wide content (tables, the buying-centre map) in a box that scrolls sideways on a narrow
//! screen and says so: while the content is wider than the box, a line of text above it
//! tells the rep to scroll, the box becomes a focusable region (arrow keys scroll it), and
//! the edge with more content casts a shadow. On a screen wide enough, none of this shows.

use crate::state::tr;
use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the box stands: everything fits, more to the right, or scrolled to the end.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Overflow {
    Fits,
    More,
    AtEnd,
}

fn measure(el: &web_sys::HtmlElement) -> Overflow {
    let (scroll, client, left) = (el.scroll_width(), el.client_width(), el.scroll_left());
    if scroll <= client + 1 {
        Overflow::Fits
    } else if left + client >= scroll - 1 {
        Overflow::AtEnd
    } else {
        Overflow::More
    }
}

#[component]
pub fn ScrollArea(
    /// What the box holds, for screen readers once it scrolls ("Accounts", "Buying centre").
    #[prop(into)]
    label: Signal<String>,
    /// Extra classes for the box (e.g. `card`).
    #[prop(optional, into)]
    class: String,
    children: Children,
) -> impl IntoView {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let hint_id = format!("scroll-hint-{}", NEXT.fetch_add(1, Ordering::Relaxed));
    let node = NodeRef::<Div>::new();
    let state = RwSignal::new(Overflow::Fits);
    let update = move || {
        if let Some(el) = node.get_untracked() {
            let now = measure(&el);
            if state.get_untracked() != now {
                state.set(now);
            }
        }
    };
    node.on_load(move |el: web_sys::HtmlDivElement| {
        // The box's own size and its content's size both change what fits: watch both.
        let callback = Closure::<dyn FnMut()>::new(update);
        let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
            update();
            return;
        };
        observer.observe(&el);
        if let Some(inner) = el.first_element_child() {
            observer.observe(&inner);
        }
        let held = SendWrapper::new((observer, callback));
        on_cleanup(move || held.0.disconnect());
    });
    let scrolls = move || state.get() != Overflow::Fits;
    view! {
        <div class="scroll-area">
            <p class="scroll-hint" id=hint_id.clone() hidden=move || !scrolls()>
                {move || match state.get() {
                    Overflow::AtEnd => tr("layout.scroll.hint_end"),
                    _ => tr("layout.scroll.hint"),
                }}
            </p>
            <div
                node_ref=node
                class=format!("table-wrap {class}")
                class:scrolls-more=move || state.get() == Overflow::More
                class:scrolls-back=move || state.get() == Overflow::AtEnd
                role=move || scrolls().then_some("region")
                aria-label=move || scrolls().then(|| label.get())
                aria-describedby=move || scrolls().then(|| hint_id.clone())
                tabindex=move || scrolls().then_some("0")
                on:scroll=move |_| update()
            >
                {children()}
            </div>
        </div>
    }
}
