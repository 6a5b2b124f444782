//! "Why?" links: from a step panel or a section that applies a rule to its page of the
//! method guide; and the guide's index, every page as a link.

use crate::domain::training::GuidePage;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::link::href;
use leptos::prelude::*;

/// The in-app address of a guide page (under the base path).
pub fn guide_href(page: GuidePage) -> String {
    href(&format!("/training/guide/{}", page.code()))
}

/// A small "Why?" link to the guide page of the rule a section applies; its accessible
/// name says which page ("Why? Step 3 — Discovering needs").
#[component]
pub fn WhyLink(#[prop(into)] page: Signal<GuidePage>) -> impl IntoView {
    view! {
        <a
            class="why-link no-print"
            href=move || guide_href(page.get())
            aria-label=move || tw("guide.ui.why_label", &[("title", &tr(page.get().key()))])
        >
            {tr_fn("guide.ui.why")}
        </a>
    }
}

/// Every page of the method guide as a link, in reading order.
#[component]
pub fn GuideIndex() -> impl IntoView {
    view! {
        <nav class="guide-index" aria-label=tr_fn("guide.ui.index.title")>
            <p class="hint">{tr_fn("guide.ui.index.intro")}</p>
            <ol>
                {move || {
                    GuidePage::ALL
                        .iter()
                        .map(|p| view! { <li><a href=guide_href(*p)>{tr(p.key())}</a></li> })
                        .collect_view()
                }}
            </ol>
        </nav>
    }
}
