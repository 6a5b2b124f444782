//! The method guide's pages (`/training/guide/:page`): the page's title, introduction and
//! sections, its example from the sample book, the exercise that trains it, related pages
//! and the previous and next pages. Printable: the navigation is hidden on paper.

use crate::domain::training::guide::{Block, GuidePage};
use crate::state::{tr, tw};
use crate::ui::link::href;
use crate::ui::missing::MissingRecord;
use crate::ui::why::guide_href;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// One page of the method guide, by its code in the route.
#[component]
pub fn GuideRoutePage() -> impl IntoView {
    let params = use_params_map();
    let page =
        Memo::new(move |_| params.with(|p| p.get("page").and_then(|c| GuidePage::from_code(&c))));
    move || match page.get() {
        Some(p) => view! { <GuideArticle page=p/> }.into_any(),
        None => view! {
            <MissingRecord
                title_key="guide.ui.missing.title"
                body_key="guide.ui.missing.body"
                back_key="guide.ui.missing.back"
                back_path="/training"
            />
        }
        .into_any(),
    }
}

/// The text of one block: a paragraph or a list.
fn block_view(block: &Block) -> AnyView {
    match block {
        Block::Para(k) => view! { <p>{tr(k)}</p> }.into_any(),
        Block::List(items) => view! {
            <ul>{items.iter().map(|k| view! { <li>{tr(k)}</li> }).collect_view()}</ul>
        }
        .into_any(),
    }
}

#[component]
fn GuideArticle(page: GuidePage) -> impl IntoView {
    let print = move |_| {
        let _ = window().print();
    };
    // One closure renders the page's text, so a change of language redraws it at once.
    move || {
        let sections = page
            .sections()
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let id = format!("guide-s{}", i + 1);
                let labelled_by = id.clone();
                view! {
                    <section class="guide-section" aria-labelledby=labelled_by>
                        <h2 id=id>{tr(s.heading)}</h2>
                        {s.blocks.iter().map(block_view).collect_view()}
                    </section>
                }
            })
            .collect_view();
        let example = page
            .example()
            .iter()
            .map(|k| view! { <p>{tr(k)}</p> })
            .collect_view();
        let practise = page.topic().map(|t| {
            view! {
                <p class="guide-practise no-print">
                    <a class="button" href=href(&format!("/training/exercises/{}", t.code()))>
                        {tw("guide.ui.practise", &[("topic", &tr(t.key()))])}
                    </a>
                </p>
            }
        });
        let related = page
            .related()
            .iter()
            .map(|p| view! { <li><a href=guide_href(*p)>{tr(p.key())}</a></li> })
            .collect_view();
        let previous = page.previous().map(|p| {
            view! {
                <a class="guide-prev" rel="prev" href=guide_href(p)>
                    {tw("guide.ui.previous", &[("title", &tr(p.key()))])}
                </a>
            }
        });
        let next = page.next().map(|p| {
            view! {
                <a class="guide-next" rel="next" href=guide_href(p)>
                    {tw("guide.ui.next", &[("title", &tr(p.key()))])}
                </a>
            }
        });
        view! {
            <article class="page guide-page">
                <div class="guide-top no-print">
                    <a href=href("/training")>{tr("guide.ui.back")}</a>
                    <button type="button" on:click=print>{tr("guide.ui.print")}</button>
                </div>
                <h1>{tr(page.key())}</h1>
                <p class="guide-intro">{tr(page.intro())}</p>
                {sections}
                <aside class="guide-example" aria-labelledby="guide-example-heading">
                    <h2 id="guide-example-heading">{tr("guide.ui.example")}</h2>
                    {example}
                </aside>
                {practise}
                <nav class="guide-related no-print" aria-labelledby="guide-related-heading">
                    <h2 id="guide-related-heading">{tr("guide.ui.related")}</h2>
                    <ul>{related}</ul>
                </nav>
                <nav class="guide-pager no-print" aria-label=tr("guide.ui.pages")>
                    {previous}
                    {next}
                </nav>
            </article>
        }
    }
}
