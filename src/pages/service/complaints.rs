//! Service → complaints and suggestions: the register, most urgent first (the customer's
//! anxiety before the size of the fault), the form for a new entry, the resolved ones, and
//! the response times per month (`/service`); one entry's page with its response times
//! recorded, edited or deleted (`detail`, `/service/complaints/:id`).

mod detail;
mod figures;
mod form;

pub use detail::ComplaintPage;

use super::*;
use crate::domain::complaint::{anxiety_word, fault_word, Complaint, FeedbackKind};
use crate::domain::ids::Id;
use crate::domain::sorting::SortExt;
use crate::state::actions::complaints as actions;
use crate::state::data::use_data;
use crate::state::tr_fn;
use crate::state::{tc, tw};
use crate::ui::fmt;

/// `/service/complaints/<id>`.
fn complaint_href(id: Id) -> String {
    href(&format!("/service/complaints/{id}"))
}

/// "Anxiety: alarmed (5/5)".
fn anxiety_text(v: u8) -> String {
    tw(
        "complaint.scale.anxiety",
        &[("word", &tr(anxiety_word(v))), ("value", &v.to_string())],
    )
}

/// "Fault: trifle (1/5)".
fn fault_text(v: u8) -> String {
    tw(
        "complaint.scale.fault",
        &[("word", &tr(fault_word(v))), ("value", &v.to_string())],
    )
}

/// "open for 3 days" (hours below two days).
fn age_text(c: &Complaint) -> String {
    let hours = (chrono::Utc::now() - c.opened_at).num_hours().max(0);
    if hours < 48 {
        tc("complaint.age.hours", hours as usize, &[])
    } else {
        tc("complaint.age.days", (hours / 24) as usize, &[])
    }
}

#[component]
pub fn ComplaintsPage() -> impl IntoView {
    let data = use_data();
    let register = Memo::new(move |_| actions::register(data));
    let open = Memo::new(move |_| {
        register.with(|l| {
            l.iter()
                .filter(|c| c.is_open())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let resolved = Memo::new(move |_| {
        register.with(|l| {
            let mut v: Vec<Complaint> = l.iter().filter(|c| !c.is_open()).cloned().collect();
            v.sort_on(|c| std::cmp::Reverse(c.resolved_at));
            v
        })
    });
    view! {
        <section class="page service">
            <h1>{tr_fn("complaint.page.title")}</h1>
            <ServiceNav/>
            <p class="hint">{tr_fn("complaint.page.intro")}</p>
            <section class="card complaint-register" aria-labelledby="open-heading">
                <h2 id="open-heading">
                    {tr_fn("complaint.open.title")}
                    " "
                    <span class="badge">{move || tc("complaint.open.count", open.with(Vec::len), &[])}</span>
                </h2>
                <Show
                    when=move || !open.with(Vec::is_empty)
                    fallback=|| view! { <p class="hint">{tr("complaint.open.none")}</p> }
                >
                    <ol class="plain-list complaint-list" aria-labelledby="open-heading">
                        <For each=move || open.get() key=|c| (c.id, c.rev) let:c>
                            <ComplaintRow c=c/>
                        </For>
                    </ol>
                </Show>
            </section>
            <form::ComplaintForm existing=None/>
            <section class="card" aria-labelledby="resolved-heading">
                <h2 id="resolved-heading">{tr_fn("complaint.resolved.title")}</h2>
                <Show
                    when=move || !resolved.with(Vec::is_empty)
                    fallback=|| view! { <p class="hint">{tr("complaint.resolved.none")}</p> }
                >
                    <details class="complaint-resolved">
                        <summary>
                            {move || tw("complaint.resolved.show", &[("count", &resolved.with(Vec::len).to_string())])}
                        </summary>
                        <ul class="plain-list complaint-list">
                            <For each=move || resolved.get() key=|c| (c.id, c.rev) let:c>
                                <ComplaintRow c=c/>
                            </For>
                        </ul>
                    </details>
                </Show>
            </section>
            <figures::FiguresSection register=register/>
        </section>
    }
}

/// One entry of the register: what happened (the way to its page), who, how worried and
/// how big, how old, and the step it waits for.
#[component]
fn ComplaintRow(c: Complaint) -> impl IntoView {
    let data = use_data();
    let account = data
        .accounts
        .with(c.account_id, |a| a.name.clone())
        .unwrap_or_default();
    let person = c
        .person_id
        .and_then(|p| data.contacts.with(p, |x| (p, x.name.clone())));
    let next = c.next_step();
    let suggestion = c.kind == FeedbackKind::Suggestion;
    let urgent = c.is_open() && c.anxiety >= 4;
    let when = match c.resolved_at {
        Some(at) => tw("complaint.resolved_on", &[("when", &fmt::datetime(at))]),
        None => format!(
            "{} · {}",
            tw(
                "complaint.opened_on",
                &[("when", &fmt::datetime(c.opened_at))]
            ),
            age_text(&c)
        ),
    };
    view! {
        <li class="complaint-row" class:urgent=urgent>
            <p class="complaint-what">
                {suggestion.then(|| view! { <span class="badge">{tr("complaint.kind.suggestion")}</span> " " })}
                <a href=complaint_href(c.id)>{c.what.clone()}</a>
            </p>
            <p class="complaint-who">
                <a href=href(&format!("/accounts/{}", c.account_id))>{account}</a>
                {person.map(|(p, name)| view! {
                    " · " <a href=href(&format!("/contacts/{p}"))>{name}</a>
                })}
            </p>
            <p class="complaint-scales">
                <span class="scale anxiety">{anxiety_text(c.anxiety)}</span>
                <span class="scale fault">{fault_text(c.fault_size)}</span>
            </p>
            <p class="hint">{when}</p>
            {next.map(|n| view! { <p class="complaint-next"><span class="badge warning">{tr(n.key())}</span></p> })}
        </li>
    }
}
