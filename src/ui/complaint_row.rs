//! An open complaint in a list (an account's, a deal's follow-up page): what happened, as
//! the way to it, the customer's anxiety and the next step to take.

use crate::domain::complaint::{anxiety_word, Complaint};
use crate::state::{tr, tw};
use crate::ui::link::href;
use leptos::prelude::*;

/// One open entry: what happened (the way to it), the customer's anxiety, the next step.
#[component]
pub fn OpenComplaint(c: Complaint) -> impl IntoView {
    let next = c.next_step();
    view! {
        <li class="complaint-row">
            <a href=href(&format!("/service/complaints/{}", c.id))>{c.what.clone()}</a>
            <span class="hint">
                " · "
                {tw("complaint.scale.anxiety", &[("word", &tr(anxiety_word(c.anxiety))), ("value", &c.anxiety.to_string())])}
            </span>
            {next.map(|n| view! { " " <span class="badge warning">{tr(n.key())}</span> })}
        </li>
    }
}
