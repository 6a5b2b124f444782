//! The deal page's folding sections: which are open (the domain's `deal_sections::layout`
//! unless the rep folds or unfolds one), the section index, and the section frame every
//! deal section renders in.

use super::detail::{with_deal, DealSig};
use crate::domain::deal_sections::{self, DealSection};
use crate::state::tr_fn;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// The open/folded state of the page's sections, shared through context.
#[derive(Clone, Copy)]
pub struct Sections {
    layout: Memo<Vec<(DealSection, bool)>>,
    /// What the rep folded or unfolded by hand since the deal last changed step or outcome.
    chosen: RwSignal<HashMap<DealSection, bool>>,
}

impl Sections {
    /// Creates the state for the deal and provides it to the page.
    pub fn provide(deal: DealSig) -> Self {
        let layout = Memo::new(move |_| with_deal(deal, Vec::new(), deal_sections::layout));
        let chosen = RwSignal::new(HashMap::new());
        // A step move or a new outcome brings the new step's work to the top, unfolded.
        let shape = Memo::new(move |_| {
            with_deal(deal, None, |d| Some((d.step, d.is_active(), d.is_open())))
        });
        Effect::new(move |prev: Option<()>| {
            shape.track();
            if prev.is_some() {
                chosen.set(HashMap::new());
            }
        });
        let s = Sections { layout, chosen };
        provide_context(s);
        s
    }

    /// The sections in the order shown.
    pub fn order(self) -> Vec<DealSection> {
        self.layout.with(|l| l.iter().map(|(s, _)| *s).collect())
    }

    pub fn is_open(self, section: DealSection) -> bool {
        self.chosen
            .with(|c| c.get(&section).copied())
            .unwrap_or_else(|| {
                self.layout.with(|l| {
                    l.iter()
                        .find(|(s, _)| *s == section)
                        .is_some_and(|(_, o)| *o)
                })
            })
    }

    pub fn set_open(self, section: DealSection, open: bool) {
        self.chosen.update(|c| {
            c.insert(section, open);
        });
    }

    /// Unfolds the section and brings it into view with its toggle focused.
    pub fn reveal(self, section: DealSection) {
        self.set_open(section, true);
        focus_after_render(section.anchor().to_string(), toggle_id(section));
    }

    /// Unfolds the section a `#fragment` points into and focuses what it names: the reopen
    /// form's reason for `#reopen`, else the section's toggle. Other fragments are ignored.
    pub fn reveal_fragment(self, fragment: &str) {
        let Some(section) = DealSection::from_anchor(fragment) else {
            return;
        };
        self.set_open(section, true);
        let f = fragment.trim_start_matches('#');
        let focus = if f == "reopen" {
            "reopen-reason".to_string()
        } else {
            toggle_id(section)
        };
        focus_after_render(f.to_string(), focus);
    }
}

/// On the next frame (once an unfolded body shows): scrolls `scroll_to` into view and
/// focuses `focus`.
fn focus_after_render(scroll_to: String, focus: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&scroll_to) {
            el.scroll_into_view();
        }
        if let Some(el) = document()
            .get_element_by_id(&focus)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// Follows a link to `#fragment` on the deal page when this is the deal page (the section
/// state is in context); elsewhere the page that opens reads the fragment itself.
pub fn follow_fragment(sections: Option<Sections>, fragment: &str) {
    if let Some(s) = sections {
        s.reveal_fragment(fragment);
    }
}

fn toggle_id(section: DealSection) -> String {
    format!("{}-toggle", section.anchor())
}

/// The frame of one deal section: its heading with a fold toggle, a one-line summary that
/// stays visible when folded, and the body.
#[component]
pub fn FoldingSection(
    section: DealSection,
    #[prop(optional)] class: &'static str,
    /// One line shown under the heading, also while folded.
    #[prop(optional, into)]
    summary: Option<Signal<String>>,
    children: Children,
) -> impl IntoView {
    let sections = expect_context::<Sections>();
    let anchor = section.anchor();
    let heading = format!("{anchor}-heading");
    let body = format!("{anchor}-body");
    let open = Memo::new(move |_| sections.is_open(section));
    view! {
        <section class=format!("card folding {class}") id=anchor aria-labelledby=heading.clone()>
            <h2 id=heading.clone() class="folding-heading">
                <button
                    type="button"
                    class="folding-toggle"
                    id=toggle_id(section)
                    aria-expanded=move || open.get().to_string()
                    aria-controls=body.clone()
                    on:click=move |_| sections.set_open(section, !open.get_untracked())
                >
                    <span class="folding-mark" aria-hidden="true"></span>
                    {tr_fn(section.title_key())}
                </button>
            </h2>
            {summary.map(|s| view! { <p class="folding-summary">{move || s.get()}</p> })}
            <div class="folding-body" id=body hidden=move || !open.get()>
                {children()}
            </div>
        </section>
    }
}

/// The section index: every section by name, in page order, the open ones marked.
#[component]
pub fn SectionIndex() -> impl IntoView {
    let sections = expect_context::<Sections>();
    view! {
        <nav class="section-index" aria-label=tr_fn("deal_page.index.label")>
            <ul>
                {move || {
                    sections
                        .order()
                        .into_iter()
                        .map(|s| {
                            view! {
                                <li>
                                    <a
                                        href=format!("#{}", s.anchor())
                                        class:is-open=move || sections.is_open(s)
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            sections.reveal(s);
                                        }
                                    >
                                        {tr_fn(s.title_key())}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}
