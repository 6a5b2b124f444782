//! Service → declined requests: the list (newest first), the report of demand we do not
//! serve by field, the guided flow to decline a request well (`flow`,
//! `/service/declined/new`) and the printable referral to a partner (`print`,
//! `/service/declined/:id/print`).

mod flow;
mod print;

pub use flow::DeclineFlowPage;
pub use print::DeclineReferralPage;

use super::*;
use crate::domain::decline::report::newest_first;
use crate::domain::decline::{demand_by_field, key_customer, DeclinedRequest, Partner, ScriptPart};
use crate::domain::ids::Id;
use crate::domain::training::GuidePage;
use crate::state::actions::decline as act;
use crate::state::data::{report_store_error, use_data, AppData};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tc, tw, ToastKind};
use crate::ui::fmt;
use crate::ui::scroll_area::ScrollArea;
use crate::ui::why::WhyLink;
use leptos::task::spawn_local;

/// The polite script in the rep's language, from its parts.
fn script_text(parts: &[ScriptPart]) -> String {
    let mut out: Vec<String> = Vec::new();
    for p in parts {
        match p {
            ScriptPart::Thanks => out.push(tr("decline.script.thanks")),
            ScriptPart::Reason(r) => out.push(tr(r.script_key())),
            ScriptPart::Wait(d) => out.push(tw("decline.script.wait", &[("date", &fmt::date(*d))])),
            ScriptPart::Substitute(s) => {
                out.push(tw("decline.script.substitute", &[("substitute", s)]))
            }
            ScriptPart::Partner {
                name,
                contact,
                phone,
                email,
            } => {
                out.push(tw("decline.script.partner", &[("partner", name)]));
                let means: Vec<&str> = [phone.as_str(), email.as_str()]
                    .into_iter()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                let means = means.join(", ");
                match (contact.trim().is_empty(), means.is_empty()) {
                    (false, false) => out.push(tw(
                        "decline.script.partner_contact",
                        &[("contact", contact.trim()), ("means", &means)],
                    )),
                    (false, true) => out.push(tw(
                        "decline.script.partner_ask",
                        &[("contact", contact.trim())],
                    )),
                    (true, false) => {
                        out.push(tw("decline.script.partner_reach", &[("means", &means)]))
                    }
                    (true, true) => {}
                }
            }
            ScriptPart::Invitation => out.push(tr("decline.script.invitation")),
        }
    }
    out.join(" ")
}

/// Who asked: the account's name, else the name typed.
fn who(data: AppData, d: &DeclinedRequest) -> String {
    d.account_id
        .and_then(|a| data.accounts.get(a))
        .map(|a| a.name)
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| d.requester.clone())
}

/// The partner named by a request, if still in the directory.
fn partner_of(data: AppData, d: &DeclinedRequest) -> Option<Partner> {
    d.partner_id.and_then(|p| data.partners.get(p))
}

#[component]
pub fn DeclinedPage() -> impl IntoView {
    let data = use_data();
    let all = Memo::new(move |_| act::declined(data));
    view! {
        <section class="page service declined">
            <h1>{tr_fn("decline.page.title")}</h1>
            <WhyLink page=GuidePage::DecliningWell/>
            <ServiceNav/>
            <p class="hint">{tr_fn("decline.page.intro")}</p>
            <div class="actions">
                <a class="button primary" href=href("/service/declined/new")>{tr_fn("decline.new")}</a>
            </div>
            <DemandReport all=all/>
            <DeclinedList all=all/>
        </section>
    }
}

#[component]
fn DemandReport(all: Memo<Vec<DeclinedRequest>>) -> impl IntoView {
    let rows = Memo::new(move |_| all.with(|a| demand_by_field(a)));
    view! {
        <section class="card" aria-labelledby="demand-heading">
            <h2 id="demand-heading">{tr_fn("decline.report.title")}</h2>
            <p class="hint">{tr_fn("decline.report.intro")}</p>
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p>{tr("decline.report.none")}</p> }.into_any();
                }
                view! {
                    <ScrollArea label=Signal::derive(tr_fn("decline.report.title"))>
                        <table class="data-table wide demand-table">
                            <caption>{tr("decline.report.title")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{tr("decline.report.field")}</th>
                                    <th scope="col" class="num">{tr("decline.report.count")}</th>
                                    <th scope="col">{tr("decline.report.last")}</th>
                                    <th scope="col">{tr("decline.report.reasons")}</th>
                                    <th scope="col" class="num">{tr("decline.report.referred")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|r| {
                                        let reasons = r
                                            .reasons
                                            .iter()
                                            .map(|(reason, n)| format!("{} ({n})", tr(reason.key())))
                                            .collect::<Vec<_>>()
                                            .join(", ");
                                        view! {
                                            <tr>
                                                <th scope="row">{r.field.clone()}</th>
                                                <td class="num">{r.count}</td>
                                                <td>{fmt::date(r.last)}</td>
                                                <td>{reasons}</td>
                                                <td class="num">{r.referred}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </ScrollArea>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn DeclinedList(all: Memo<Vec<DeclinedRequest>>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let remove = move |d: DeclinedRequest| {
        let asked = d.asked.clone();
        spawn_local(async move {
            match act::delete_declined(data, d).await {
                Ok(gone) => toasts.push_with_action(
                    ToastKind::Success,
                    tw("decline.deleted", &[("asked", &asked)]),
                    tr("decline.undo"),
                    move || {
                        let back = gone.clone();
                        spawn_local(async move {
                            if let Err(e) = act::undo_delete_declined(data, back).await {
                                report_store_error(toasts, &e);
                            }
                        });
                    },
                ),
                Err(e) => report_store_error(toasts, &e),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="declined-list-heading">
            <h2 id="declined-list-heading">{tr_fn("decline.list.title")}</h2>
            {move || {
                let list = all.get();
                if list.is_empty() {
                    return view! { <p>{tr("decline.list.none")}</p> }.into_any();
                }
                let items = newest_first(&list)
                    .into_iter()
                    .map(|d| {
                        let d = d.clone();
                        let partner = partner_of(data, &d);
                        let who = who(data, &d);
                        let alternatives = d
                            .alternatives
                            .iter()
                            .map(|a| tr(a.key()))
                            .collect::<Vec<_>>()
                            .join(", ");
                        let print = partner
                            .as_ref()
                            .map(|_| href(&format!("/service/declined/{}/print", d.id)));
                        let asked = d.asked.clone();
                        let asked2 = d.asked.clone();
                        let key = key_customer(d.strategic);
                        let d2 = d.clone();
                        view! {
                            <li class="declined-item">
                                <h3>{d.asked.clone()}</h3>
                                {key.then(|| view! { <p><span class="badge warning">{tr("decline.key_customer_badge")}</span></p> })}
                                <dl class="facts">
                                    <dt>{tr("decline.field.on")}</dt>
                                    <dd>{fmt::date(d.on)}</dd>
                                    <dt>{tr("decline.field.field")}</dt>
                                    <dd>{d.field.clone()}</dd>
                                    <dt>{tr("decline.field.requester")}</dt>
                                    <dd>{who}</dd>
                                    <dt>{tr("decline.field.reason")}</dt>
                                    <dd>{tr(d.reason.key())}</dd>
                                    <dt>{tr("decline.list.importance")}</dt>
                                    <dd>{tw("decline.list.importance_value", &[("tactical", &d.tactical.to_string()), ("strategic", &d.strategic.to_string())])}</dd>
                                    {(!alternatives.is_empty()).then(|| view! {
                                        <dt>{tr("decline.field.alternatives")}</dt>
                                        <dd>{alternatives}</dd>
                                    })}
                                    {d.partner_id.map(|_| view! {
                                        <dt>{tr("decline.field.partner")}</dt>
                                        <dd>{partner.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| tr("decline.partner_gone"))}</dd>
                                    })}
                                </dl>
                                {(!d.script.trim().is_empty()).then(|| view! {
                                    <details>
                                        <summary>{tr("decline.list.script")}</summary>
                                        <p class="pre-line">{d.script.clone()}</p>
                                    </details>
                                })}
                                <div class="actions">
                                    {print.map(|p| view! {
                                        <a class="button" href=p aria-label=tw("decline.print_named", &[("asked", &asked)])>{tr("decline.print_referral")}</a>
                                    })}
                                    <button
                                        type="button"
                                        class="danger"
                                        aria-label=tw("decline.delete_named", &[("asked", &asked2)])
                                        on:click=move |_| remove(d2.clone())
                                    >
                                        {tr("decline.delete")}
                                    </button>
                                </div>
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="plain-list declined-list">{items}</ul> }.into_any()
            }}
        </section>
    }
}
