//! The dashboard's card of open complaints, most urgent first.

use crate::domain::complaint::{anxiety_word, Complaint};
use crate::state::actions::complaints;
use crate::state::data::use_data;
use crate::state::tr_fn;
use crate::state::{tc, tr, tw};
use crate::ui::link::href;
use leptos::prelude::*;

/// How many of the most urgent the card lists.
const SHOWN: usize = 3;

#[component]
pub fn ComplaintsCard() -> impl IntoView {
    let data = use_data();
    let open = Memo::new(move |_| {
        complaints::register(data)
            .into_iter()
            .filter(Complaint::is_open)
            .collect::<Vec<_>>()
    });
    let top = move || open.with(|l| l.iter().take(SHOWN).cloned().collect::<Vec<_>>());
    view! {
        <section class="card complaints-card" aria-labelledby="complaints-card-heading">
            <h2 id="complaints-card-heading">{tr_fn("complaint.card.title")}</h2>
            <Show
                when=move || !open.with(Vec::is_empty)
                fallback=|| view! { <p class="hint">{tr("complaint.card.none")}</p> }
            >
                <p class="big-figure">{move || tc("complaint.open.count", open.with(Vec::len), &[])}</p>
                <ol class="plain-list complaint-list">
                    {move || top().into_iter().map(|c| {
                        let account = data.accounts.with(c.account_id, |a| a.name.clone()).unwrap_or_default();
                        view! {
                            <li>
                                <a href=href(&format!("/service/complaints/{}", c.id))>{c.what.clone()}</a>
                                <span class="hint">
                                    " · " {account} " · "
                                    {tw("complaint.scale.anxiety", &[("word", &tr(anxiety_word(c.anxiety))), ("value", &c.anxiety.to_string())])}
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </Show>
            <p><a href=href("/service")>{tr_fn("complaint.card.all")}</a></p>
        </section>
    }
}
