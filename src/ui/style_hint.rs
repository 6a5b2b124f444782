//! How to deal with a person: their judged communication style, how sure the judgement is,
//! the question word and the do's and don'ts, folded in a disclosure. The same hint
//! wherever a person appears (person page, account, deal, activity form, Agenda, call plan).

use crate::domain::contact::Contact;
use crate::domain::style::{hint_content, StyleHints, StyleJudgement};
use crate::state::{tr, tw};
use crate::ui::fmt;
use crate::ui::link::href;
use leptos::prelude::*;

/// One line on how the style was judged: "Fairly sure · from the questionnaire · 3 May 2026".
pub fn judgement_text(j: &StyleJudgement) -> String {
    tw(
        "trust.ui.style.judged",
        &[
            ("confidence", &tr(j.confidence.key())),
            ("how", &tr(j.judged_by.key())),
            ("date", &fmt::datetime(j.judged_at)),
        ],
    )
}

/// The question word, the do's and the don'ts of a style.
#[component]
fn HintLists(
    hints: StyleHints,
    /// Heading level for the "Do" / "Don't" titles (3 or 4).
    level: u8,
) -> impl IntoView {
    let title = move |key: &'static str| {
        if level <= 3 {
            view! { <h3 class="hint-title">{tr(key)}</h3> }.into_any()
        } else {
            view! { <h4 class="hint-title">{tr(key)}</h4> }.into_any()
        }
    };
    view! {
        <div class="style-hints">
            <p class="question-word">
                <strong>{tw("trust.ui.style.question_word", &[("word", &tr(hints.question_word))])}</strong>
                " "
                <span>{tr(hints.question_tip)}</span>
            </p>
            <div class="hint-columns">
                <div class="hint-dos">
                    {title("trust.ui.style.dos")}
                    <ul>{hints.dos.iter().map(|k| view! { <li>{tr(k)}</li> }).collect_view()}</ul>
                </div>
                <div class="hint-donts">
                    {title("trust.ui.style.donts")}
                    <ul>{hints.donts.iter().map(|k| view! { <li>{tr(k)}</li> }).collect_view()}</ul>
                </div>
            </div>
        </div>
    }
}

/// The style hint of one person, collapsed unless `open`. A person whose style is not
/// judged yet gets a line saying so, with a link to judge it on their page.
#[component]
pub fn StyleHint(
    contact: Contact,
    #[prop(optional)] open: bool,
    /// Heading level of the "Do" / "Don't" titles.
    #[prop(default = 4)]
    level: u8,
) -> impl IntoView {
    match (hint_content(contact.style.as_ref()), contact.style.as_ref()) {
        (Some(h), Some(j)) => {
            let summary = tw(
                "hints.summary",
                &[("name", &contact.name), ("style", &tr(h.style_key))],
            );
            let label = summary.clone();
            view! {
                <details class="style-hint" open=open aria-label=label>
                    <summary>{summary}</summary>
                    <p class="style-judged">
                        {tr("hints.how_sure")}
                        " "
                        <span class="hint">{judgement_text(j)}</span>
                    </p>
                    <HintLists hints=h.hints level=level/>
                </details>
            }
            .into_any()
        }
        _ => {
            let id = contact.id;
            view! {
                <p class="style-hint-none">
                    <strong>{contact.name.clone()}</strong>
                    ": "
                    {tr("hints.not_judged")}
                    " "
                    <a class="no-print" href=href(&format!("/contacts/{id}"))>
                        {tw("hints.judge", &[("name", &contact.name)])}
                    </a>
                </p>
            }
            .into_any()
        }
    }
}
