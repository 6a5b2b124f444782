//! The proposal editor: the versions with their status, one version's five sections in
//! order (editable while it is a draft), the quotation, the traceability of the needs,
//! and the actions (send, new version, accept, reject, expired, delete), each confirmed.

use super::quote::{provide_editing, LineForm, QuoteTable};
use super::{proposal_href, run_save, show_refusal};
use crate::domain::deal::{Deal, Step};
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::proposal::{
    self, CopyGap, Credential, ProblemItem, Proposal, ProposalStatus, Solution, Verdict,
};
use crate::domain::training::GuidePage;
use crate::state::actions::deals;
use crate::state::actions::proposals::{self, SectionsInput};
use crate::state::data::{spawn_save, use_data, LoadStatus};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::unsaved;
use crate::state::{tr, tw, ToastKind};
use crate::ui::deal_text::deal_href;
use crate::ui::fmt;
use crate::ui::form::{ErrorSummary, FormErrors, TextArea, TextField};
use crate::ui::link::href;
use crate::ui::scroll_area::ScrollArea;
use crate::ui::why::WhyLink;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

/// The proposal of a deal (routes `/deals/:id/proposal` and `/deals/:id/proposal/:version`).
#[component]
pub fn ProposalPage() -> impl IntoView {
    let data = use_data();
    let params = use_params_map();
    let deal_id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    let wanted =
        Memo::new(move |_| params.with(|p| p.get("version").and_then(|s| s.parse::<u32>().ok())));
    let deal = Memo::new(move |_| deal_id.get().and_then(|id| data.deals.get(id)));
    let versions = Memo::new(move |_| {
        deal_id
            .get()
            .map(|id| proposals::versions(data, id))
            .unwrap_or_default()
    });
    let current = Memo::new(move |_| {
        versions.with(|v| match wanted.get() {
            Some(n) => v.iter().find(|p| p.version == n).cloned(),
            None => v.last().cloned(),
        })
    });
    let shown = Memo::new(move |_| {
        let d = deal.with(|d| d.as_ref().map(|d| d.id))?;
        current.with(|c| c.as_ref().map(|p| (d, p.id, p.status)))
    });
    let toasts = use_toasts();
    let create = move |_| {
        let Some(id) = deal_id.get_untracked() else {
            return;
        };
        if let Some(save) = proposals::create(data, id) {
            run_save(toasts, save, move |_| {
                toasts.push(ToastKind::Success, tr("proposal_ui.created"));
            });
        }
    };
    view! {
        <article class="page proposal-page">
            {move || match deal.get() {
                None => view! {
                    <h1>{tr("proposal_ui.title_plain")}</h1>
                    <Show when=move || data.status.get() == LoadStatus::Ready>
                        <p class="notice">{tr("deals_ui.deal.not_found")}</p>
                    </Show>
                    <p><a href=href("/deals")>{tr("deals_ui.deal.back_to_board")}</a></p>
                }
                .into_any(),
                Some(d) => {
                    let did = d.id;
                    view! {
                        <p class="crumbs no-print">
                            <a href=deal_href(did)>{tw("proposal_ui.back_to_deal", &[("deal", &d.title)])}</a>
                        </p>
                        <h1>{tw("proposal_ui.title", &[("deal", &d.title)])}</h1>
                        <WhyLink page=GuidePage::ProposalStructure/>
                        <p class="hint no-print">{tr("proposal_ui.intro")}</p>
                    }
                    .into_any()
                }
            }}
            <Show when=move || deal.with(Option::is_some) && versions.with(Vec::is_empty)>
                <section class="card" aria-labelledby="proposal-none">
                    <h2 id="proposal-none">{tr_fn("proposal_ui.none_title")}</h2>
                    <p>{tr_fn("proposal_ui.none_body")}</p>
                    <button type="button" class="primary" on:click=create>
                        {tr_fn("proposal_ui.create")}
                    </button>
                </section>
            </Show>
            <Show when=move || !versions.with(Vec::is_empty)>
                <VersionList versions=versions current=current/>
            </Show>
            // The version is built again when another one is shown or its status changes
            // (a sent version is text, not forms). A change to its lines or sections, or to
            // the deal, updates the parts that show them and leaves the forms alone: adding
            // a quotation line keeps what is typed, unsaved, in the sections.
            {move || {
                shown.get()?;
                let d = deal.get_untracked()?;
                let p = current.get_untracked()?;
                Some(view! { <VersionView deal=d p=p versions=versions live=current live_deal=deal/> })
            }}
        </article>
    }
}

/// The versions of the deal's proposal, each with its status, dates and total.
#[component]
fn VersionList(versions: Memo<Vec<Proposal>>, current: Memo<Option<Proposal>>) -> impl IntoView {
    view! {
        <section class="card no-print" aria-labelledby="versions-heading">
            <h2 id="versions-heading">{tr_fn("proposal_ui.versions")}</h2>
            <ScrollArea label=Signal::derive(tr_fn("proposal_ui.versions"))>
                <table class="data-table stack-narrow">
                    <thead>
                        <tr>
                            <th scope="col">{tr_fn("proposal.field.version")}</th>
                            <th scope="col">{tr_fn("proposal.field.status")}</th>
                            <th scope="col">{tr_fn("proposal_ui.when")}</th>
                            <th scope="col" class="num">{tr_fn("proposal.copy.total")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let cur = current.with(|c| c.as_ref().map(|p| p.id));
                            let all = versions.get();
                            all.iter()
                                .map(|p| {
                                    let (code, label) = super::status_label(p, &all);
                                    let total = proposal::totals(&p.content.lines, p.content.currency.exponent(), None)
                                        .map(|t| super::money(t.total, &p.content.currency))
                                        .unwrap_or_default();
                                    let at = match (&p.decision, &p.sent) {
                                        (Some(d), _) => d.at,
                                        (None, Some(s)) => s.at,
                                        _ => p.updated_at,
                                    };
                                    let when = fmt::date(at.with_timezone(&chrono::Local).date_naive());
                                    let link = proposal_href(p.deal_id, &format!("/{}", p.version));
                                    let is_cur = cur == Some(p.id);
                                    view! {
                                        <tr aria-current=is_cur.then_some("true")>
                                            <td>
                                                <a href=link>{tw("proposal_ui.version_n", &[("n", &p.version.to_string())])}</a>
                                            </td>
                                            <td data-label=tr("proposal.field.status")><span class=format!("badge status-{code}")>{label}</span></td>
                                            <td data-label=tr("proposal_ui.when")>{when}</td>
                                            <td class="num" data-label=tr("proposal.copy.total")>{total}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </ScrollArea>
            <Show when=move || versions.with(|v| v.len() > 1)>
                <p>
                    <a href=move || {
                        versions.with(|v| {
                            let n = v.len();
                            v.first()
                                .map(|p| {
                                    proposal_href(
                                        p.deal_id,
                                        &format!("/compare?a={}&b={}", v[n - 2].version, v[n - 1].version),
                                    )
                                })
                                .unwrap_or_default()
                        })
                    }>{tr_fn("proposal_ui.compare_link")}</a>
                </p>
            </Show>
        </section>
    }
}

/// Before sending: what the customer's copy will lack for want of a setting, if anything.
fn copy_gaps_notice(live: Memo<Option<Proposal>>) -> Option<impl IntoView> {
    let p = live.get_untracked()?;
    let gaps = proposal::copy_gaps(&p.content, &proposals::firm());
    (!gaps.is_empty()).then(|| {
        let lines = gaps
            .into_iter()
            .map(|g| match g {
                CopyGap::NoFirmName => tr("proposal_ui.gap_firm_name"),
                CopyGap::CredentialWithoutText(c) => tw(
                    "proposal_ui.gap_credential",
                    &[("credential", &tr(c.key()))],
                ),
            })
            .map(|t| view! { <li>{t}</li> })
            .collect_view();
        view! {
            <p>{tr("proposal_ui.gaps_intro")}</p>
            <ul class="copy-gaps">{lines}</ul>
        }
    })
}

/// What an action button waits to be confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    Send,
    Reject,
    Expire,
    Delete,
}

/// One version: actions, the five sections, the quotation and the traceability.
#[component]
fn VersionView(
    deal: Deal,
    p: Proposal,
    versions: Memo<Vec<Proposal>>,
    /// The version and the deal as stored now (`p` and `deal` as they were when shown).
    live: Memo<Option<Proposal>>,
    live_deal: Memo<Option<Deal>>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let navigate = use_navigate();
    provide_editing();
    let id = p.id;
    let deal_id = deal.id;
    let draft = !p.is_frozen();
    let status = p.status;
    let pending = RwSignal::new(None::<Pending>);
    let notice = RwSignal::new(None::<String>);
    let errors = FormErrors::labelled();
    let accepting = RwSignal::new(false);
    let by = RwSignal::new(String::new());
    let by_name = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    // The day the customer answered: today unless the rep says otherwise.
    let answered_on = RwSignal::new(fmt::today().format("%Y-%m-%d").to_string());
    let version = p.version;
    let go = {
        let navigate = navigate.clone();
        move |n: u32| {
            navigate(
                &proposal_href(deal_id, &format!("/{n}")),
                Default::default(),
            )
        }
    };
    let confirm = {
        let go = go.clone();
        move |what: Pending| {
            pending.set(None);
            let result = match what {
                Pending::Send if unsaved::has_unsaved() => {
                    notice.set(Some(tr("proposal_ui.send_unsaved")));
                    return;
                }
                Pending::Send => proposals::send(data, id),
                Pending::Reject => proposals::decide(
                    data,
                    id,
                    Verdict::Reject,
                    None,
                    "",
                    &note.get_untracked(),
                    &answered_on.get_untracked(),
                ),
                Pending::Expire => proposals::expire(data, id),
                Pending::Delete => match proposals::delete_draft(data, id) {
                    Ok(Some(save)) => {
                        let go = go.clone();
                        run_save(toasts, save, move |deleted| {
                            let n = deleted.version;
                            toasts.push_with_action(
                                ToastKind::Success,
                                tw("proposal_ui.deleted", &[("n", &n.to_string())]),
                                tr("proposal_ui.undo"),
                                move || {
                                    let deleted = deleted.clone();
                                    leptos::task::spawn_local(async move {
                                        if let Err(e) = proposals::undo_delete(data, deleted).await
                                        {
                                            crate::state::data::report_store_error(toasts, &e);
                                        }
                                    });
                                },
                            );
                            let _ = go;
                        });
                        return;
                    }
                    Ok(None) => return,
                    Err(e) => {
                        notice.set(Some(tr(e.key())));
                        return;
                    }
                },
            };
            match result {
                Ok(Some(save)) => run_save(toasts, save, move |p| {
                    toasts.push(
                        ToastKind::Success,
                        tw(
                            "proposal_ui.status_now",
                            &[
                                ("n", &p.version.to_string()),
                                ("status", &tr(p.status.key())),
                            ],
                        ),
                    );
                }),
                Ok(None) => {}
                Err(r) => show_refusal(r, notice, errors),
            }
        }
    };
    let new_version = {
        let go = go.clone();
        move |_| match proposals::new_version(data, id) {
            Ok(Some(save)) => {
                let go = go.clone();
                run_save(toasts, save, move |p| {
                    toasts.push(
                        ToastKind::Success,
                        tw(
                            "proposal_ui.new_version_made",
                            &[("n", &p.version.to_string())],
                        ),
                    );
                    go(p.version);
                })
            }
            Ok(None) => {}
            Err(e) => notice.set(Some(tr(e.key()))),
        }
    };
    let accept = move || {
        let contact = by.get_untracked().parse::<Id>().ok();
        match proposals::decide(
            data,
            id,
            Verdict::Accept,
            contact,
            &by_name.get_untracked(),
            &note.get_untracked(),
            &answered_on.get_untracked(),
        ) {
            Ok(Some(save)) => {
                accepting.set(false);
                run_save(toasts, save, move |p| {
                    toasts.push(
                        ToastKind::Success,
                        tw(
                            "proposal_ui.accepted_done",
                            &[("n", &p.version.to_string())],
                        ),
                    );
                })
            }
            Ok(None) => {}
            Err(r) => show_refusal(r, notice, errors),
        }
    };
    let people: Vec<(String, String)> = deal
        .people
        .iter()
        .filter_map(|dp| {
            data.contacts
                .get_untracked(dp.contact_id)
                .map(|c| (c.id.to_string(), c.name))
        })
        .collect();
    let has_later = move || versions.with(|v| v.iter().any(|x| x.version > version));
    // Read as the version is shown: sending a later one shows that one.
    let (status_code, status_text) = versions.with_untracked(|v| super::status_label(&p, v));
    let superseded = versions.with_untracked(|v| proposal::superseded_by(&p, v));
    let lapsed = versions.with_untracked(|v| proposal::lapsed(&p, v, fmt::today()));
    let sent_line = p
        .sent
        .as_ref()
        .map(|s| tw("proposal_ui.sent_on", &[("date", &fmt::datetime(s.at))]));
    let decision_line = p.decision.as_ref().map(|d| {
        let (st, date) = (tr(status.key()), fmt::datetime(d.at));
        let line = if d.by_name.is_empty() {
            tw(
                "proposal_ui.decided_on",
                &[("status", &st), ("date", &date)],
            )
        } else {
            tw(
                "proposal_ui.decided_on_by",
                &[("status", &st), ("date", &date), ("by", &d.by_name)],
            )
        };
        let note =
            (!d.note.is_empty()).then(|| tw("proposal_ui.decided_note", &[("note", &d.note)]));
        (line, note)
    });
    let copy_href = proposal_href(deal_id, &format!("/{version}/copy"));
    let confirm_text = move |w: Pending| match w {
        Pending::Send => tw("proposal_ui.confirm_send", &[("n", &version.to_string())]),
        Pending::Reject => tw("proposal_ui.confirm_reject", &[("n", &version.to_string())]),
        Pending::Expire => tw("proposal_ui.confirm_expire", &[("n", &version.to_string())]),
        Pending::Delete => tw("proposal_ui.confirm_delete", &[("n", &version.to_string())]),
    };
    let confirm_label = move |w: Pending| match w {
        Pending::Send => tr("proposal_ui.send_now"),
        Pending::Reject => tr("proposal_ui.reject_now"),
        Pending::Expire => tr("proposal_ui.expire_now"),
        Pending::Delete => tr("proposal_ui.delete_now"),
    };
    let confirm2 = confirm.clone();
    view! {
        <section class="card version-head" aria-labelledby="version-heading">
            <h2 id="version-heading">
                {tw("proposal_ui.version_n", &[("n", &version.to_string())])} " · "
                <span class=format!("badge status-{status_code}")>{status_text}</span>
            </h2>
            {sent_line.map(|t| view! { <p>{t}</p> })}
            {decision_line.map(|(line, note)| view! { <p>{line}</p> {note.map(|n| view! { <p>{n}</p> })} })}
            {(status == ProposalStatus::Accepted).then(|| view! { <ValueOffer deal_id=deal_id/> })}
            {(!draft).then(|| view! { <p class="hint no-print">{tr("proposal_ui.frozen_hint")}</p> })}
            {superseded.map(|n| view! {
                <p class="notice" role="status">
                    {tw("proposal_ui.superseded_hint", &[("n", &n.to_string())])}
                </p>
            })}
            {lapsed.map(|until| view! {
                <p class="notice no-print" role="status">
                    {tw("proposal_ui.lapsed", &[("date", &fmt::date(until))])}
                </p>
            })}
            {move || notice.get().map(|n| view! { <div class="notice notice-error" role="alert">{n}</div> })}
            <ErrorSummary errors=errors.summary()/>
            <div class="actions no-print">
                {draft.then(|| view! {
                    <button type="button" class="primary" on:click=move |_| {
                        // A sent version is frozen as saved: typed text would be left out.
                        if unsaved::has_unsaved() {
                            pending.set(None);
                            notice.set(Some(tr("proposal_ui.send_unsaved")));
                        } else {
                            notice.set(None);
                            pending.set(Some(Pending::Send));
                        }
                    }>
                        {tr("proposal_ui.send")}
                    </button>
                    <button type="button" on:click=move |_| pending.set(Some(Pending::Delete))>
                        {tr("proposal_ui.delete")}
                    </button>
                })}
                {(!draft).then(|| view! {
                    <Show when=move || !has_later()>
                        <button type="button" on:click=new_version.clone()>{tr("proposal_ui.new_version")}</button>
                    </Show>
                })}
                {(status == ProposalStatus::Sent && superseded.is_none()).then(|| view! {
                    <button type="button" class="primary" on:click=move |_| accepting.set(true)>{tr("proposal_ui.accept")}</button>
                    <button type="button" on:click=move |_| pending.set(Some(Pending::Reject))>{tr("proposal_ui.reject")}</button>
                    <button type="button" on:click=move |_| pending.set(Some(Pending::Expire))>{tr("proposal_ui.expire")}</button>
                })}
                <a class="button" href=copy_href>{tr("proposal_ui.customer_copy")}</a>
            </div>
            {move || pending.get().map(|w| {
                let confirm = confirm2.clone();
                view! {
                    <div class="notice notice-warning confirm-panel" role="alertdialog" aria-labelledby="confirm-text">
                        <p id="confirm-text">{confirm_text(w)}</p>
                        {(w == Pending::Send).then(|| copy_gaps_notice(live))}
                        {(w == Pending::Reject).then(|| view! {
                            <TextField id="reject-on" label=Signal::derive(tr_fn("proposal.field.answered_on")) value=answered_on
                                input_type="date" required=true error=errors.field("on")/>
                            <TextField id="reject-note" label=Signal::derive(tr_fn("proposal.field.decision_note")) value=note/>
                        })}
                        <div class="actions">
                            <button type="button" class="primary" on:click=move |_| confirm(w)>{confirm_label(w)}</button>
                            <button type="button" on:click=move |_| pending.set(None)>{tr("form.cancel")}</button>
                        </div>
                    </div>
                }
            })}
            <Show when=move || accepting.get()>
                <form class="card accept-form" on:submit=move |ev| { ev.prevent_default(); accept(); }>
                    <h3>{move || tw("proposal_ui.accept_title", &[("n", &version.to_string())])}</h3>
                    <crate::ui::form::SelectField
                        id="accept-by"
                        label=Signal::derive(tr_fn("proposal_ui.accepted_by_person"))
                        value=by
                        options=Signal::derive({ let people = people.clone(); move || people.clone() })
                        empty_label=Signal::derive(tr_fn("proposal_ui.person_not_listed"))
                    />
                    <TextField id="accept-by-name" label=Signal::derive(tr_fn("proposal_ui.accepted_by_name")) value=by_name error=errors.field("by")/>
                    <TextField id="accept-on" label=Signal::derive(tr_fn("proposal.field.answered_on")) value=answered_on
                        input_type="date" required=true error=errors.field("on")/>
                    <TextField id="accept-note" label=Signal::derive(tr_fn("proposal.field.decision_note")) value=note/>
                    <div class="actions">
                        <button type="submit" class="primary">{tr_fn("proposal_ui.accept_now")}</button>
                        <button type="button" on:click=move |_| accepting.set(false)>{tr_fn("form.cancel")}</button>
                    </div>
                </form>
            </Show>
        </section>
        <Sections p=p.clone() deal=deal.clone() quote=view! {
            <section class="card" aria-labelledby="quote-heading">
                <h2 id="quote-heading">{format!("4. {}", tr("proposal.copy.quotation"))}</h2>
                {move || {
                    let (p, deal) = (live.get()?, live_deal.get()?);
                    Some(view! {
                        {draft.then(|| view! { <super::discount::CumulativeDiscountNotice p=p.clone() deal=deal.clone()/> })}
                        <QuoteTable p=p deal=deal/>
                    })
                }}
                {draft.then(|| view! { <LineForm p=p.clone() deal=deal.clone()/> })}
            </section>
        }
        .into_any()/>
        {move || {
            let (p, deal) = (live.get()?, live_deal.get()?);
            Some(view! { <TraceSection p=p deal=deal/> })
        }}
    }
}

/// Section 2's rows as fields: the need each comes from, its text and its impact.
type ProblemRow = (Option<Id>, RwSignal<String>, RwSignal<String>);

fn problem_rows(items: &[ProblemItem]) -> Vec<ProblemRow> {
    items
        .iter()
        .map(|x| {
            (
                x.need_id,
                RwSignal::new(x.text.clone()),
                RwSignal::new(x.impact.clone()),
            )
        })
        .collect()
}

/// Sections 1–3 and 5 around the quotation (`quote`, section 4): forms while the version
/// is a draft (sections 1–3 and section 5 each save all of them), the text once it is sent.
#[component]
fn Sections(p: Proposal, deal: Deal, quote: AnyView) -> impl IntoView {
    let c = p.content.clone();
    if p.is_frozen() {
        let para = |k: &str, t: &str| {
            (!t.trim().is_empty())
                .then(|| view! { <h3>{tr(k)}</h3><p class="pre-line">{t.to_string()}</p> })
        };
        return view! {
            <section class="card proposal-section" aria-labelledby="s1"><h2 id="s1">{format!("1. {}", tr("proposal.part.background"))}</h2><p class="pre-line">{c.background.clone()}</p></section>
            <section class="card proposal-section" aria-labelledby="s2"><h2 id="s2">{format!("2. {}", tr("proposal.part.problems"))}</h2>
                <ul>{c.problems.iter().map(|x| view! { <li><strong>{x.text.clone()}</strong>{(!x.impact.is_empty()).then(|| format!(" — {}", x.impact))}</li> }).collect_view()}</ul>
            </section>
            <section class="card proposal-section" aria-labelledby="s3"><h2 id="s3">{format!("3. {}", tr("proposal.copy.solution"))}</h2>
                {para("proposal.part.overview", &c.solution.overview)}
                {para("proposal.part.products", &c.solution.products)}
                {para("proposal.part.implementation", &c.solution.implementation)}
                {para("proposal.part.service", &c.solution.service)}
            </section>
            {quote}
            <section class="card proposal-section" aria-labelledby="s5"><h2 id="s5">{format!("5. {}", tr("proposal.part.credentials"))}</h2>
                <ul>{c.credentials.iter().map(|x| view! { <li>{tr(x.key())}</li> }).collect_view()}</ul>
                <p>{tr("proposal.part.valid_until")} ": " {c.valid_until.map(fmt::date).unwrap_or_else(|| tr("deals_ui.none"))}</p>
            </section>
        }
        .into_any();
    }
    let data = use_data();
    let toasts = use_toasts();
    let id = p.id;
    let start = SectionsInput::of(&c);
    let background = RwSignal::new(start.background.clone());
    let problems = RwSignal::new(problem_rows(&start.problems));
    let overview = RwSignal::new(start.solution.overview.clone());
    let products = RwSignal::new(start.solution.products.clone());
    let implementation = RwSignal::new(start.solution.implementation.clone());
    let service = RwSignal::new(start.solution.service.clone());
    let creds: Vec<(Credential, RwSignal<bool>)> = Credential::ALL
        .iter()
        .map(|x| (*x, RwSignal::new(start.credentials.contains(x))))
        .collect();
    let valid_until = RwSignal::new(start.valid_until.clone());
    let errors = FormErrors::labelled();
    let notice = RwSignal::new(None::<String>);
    let creds3 = creds.clone();
    // The sections as typed: what a save sends, and what is compared with the stored ones.
    let input = move || SectionsInput {
        background: background.get_untracked(),
        problems: problems
            .get_untracked()
            .into_iter()
            .map(|(need_id, t, i)| ProblemItem {
                need_id,
                text: t.get_untracked(),
                impact: i.get_untracked(),
            })
            .collect(),
        solution: Solution {
            overview: overview.get_untracked(),
            products: products.get_untracked(),
            implementation: implementation.get_untracked(),
            service: service.get_untracked(),
        },
        credentials: creds3
            .iter()
            .filter(|(_, on)| on.get_untracked())
            .map(|(x, _)| *x)
            .collect(),
        valid_until: valid_until.get_untracked(),
    };
    // The sections as stored follow into the forms (another tab saved them) unless text
    // typed here is unsaved: that is kept, and the rep told that saving replaces theirs.
    let creds4 = creds.clone();
    let typed = input.clone();
    let shown = StoredValue::new(start);
    // Fields made for the stored problems belong to the form, not to one run of the effect
    // (whose next run would dispose of them).
    let form_owner = Owner::current();
    Effect::new(move |_| {
        let Some(now) = data.proposals.with(id, |p| SectionsInput::of(&p.content)) else {
            return;
        };
        if shown.with_value(|s| *s == now) {
            return;
        }
        if typed() == now || !crate::state::unsaved::holds_group("proposal-sections") {
            background.set(now.background.clone());
            let rows = || problem_rows(&now.problems);
            problems.set(match &form_owner {
                Some(o) => o.with(rows),
                None => rows(),
            });
            let sol = &now.solution;
            overview.set(sol.overview.clone());
            products.set(sol.products.clone());
            implementation.set(sol.implementation.clone());
            service.set(sol.service.clone());
            for (x, on) in &creds4 {
                on.set(now.credentials.contains(x));
            }
            valid_until.set(now.valid_until.clone());
        } else {
            notice.set(Some(tr("proposal_ui.sections_changed_elsewhere")));
        }
        shown.set_value(now);
    });
    let need_layer = move |need: Option<Id>| {
        need.and_then(|n| {
            deal.needs
                .iter()
                .find(|x| x.id == n)
                .map(|x| tr(x.layer.key()))
        })
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        notice.set(None);
        let input = input();
        match proposals::save_sections(data, id, input) {
            Ok(Some(save)) => run_save(toasts, save, move |_| {
                toasts.push(ToastKind::Success, tr("proposal_ui.sections_saved"))
            }),
            Ok(None) => {}
            Err(r) => show_refusal(r, notice, errors),
        }
    };
    view! {
        <form class="proposal-sections" data-unsaved-group="proposal-sections" on:submit=save.clone()>
            <section class="card proposal-section" aria-labelledby="s1">
                <h2 id="s1">{format!("1. {}", tr("proposal.part.background"))}</h2>
                <TextArea id="p-background" label=Signal::derive(tr_fn("proposal_ui.background_label")) value=background rows=4/>
            </section>
            <section class="card proposal-section" aria-labelledby="s2">
                <h2 id="s2">{format!("2. {}", tr("proposal.part.problems"))}</h2>
                <p class="hint">{tr("proposal_ui.problems_hint")}</p>
                <ol class="problem-list">
                    {move || problems.get().into_iter().enumerate().map(|(i, (need, text, impact))| {
                        let from = need_layer(need).map(|l| tw("proposal_ui.from_need", &[("layer", &l)]));
                        view! {
                            <li class="problem-row">
                                {from.map(|f| view! { <p class="hint">{f}</p> })}
                                <TextField id=format!("p-problem-{i}") label=Signal::derive(move || tw("proposal_ui.problem_n", &[("n", &(i + 1).to_string())])) value=text/>
                                <TextField id=format!("p-impact-{i}") label=Signal::derive(move || tw("proposal_ui.impact_n", &[("n", &(i + 1).to_string())])) value=impact/>
                                <button type="button" class="small" on:click=move |_| problems.update(|v| { v.remove(i); })
                                    aria-label=tw("proposal_ui.remove_problem_n", &[("n", &(i + 1).to_string())])>
                                    {tr("proposal_ui.remove")}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <button type="button" on:click=move |_| problems.update(|v| v.push((None, RwSignal::new(String::new()), RwSignal::new(String::new()))))>
                    {tr("proposal_ui.add_problem")}
                </button>
            </section>
            <section class="card proposal-section" aria-labelledby="s3">
                <h2 id="s3">{format!("3. {}", tr("proposal.copy.solution"))}</h2>
                <TextArea id="p-overview" label=Signal::derive(tr_fn("proposal.part.overview")) value=overview/>
                <TextArea id="p-products" label=Signal::derive(tr_fn("proposal.part.products")) value=products/>
                <TextArea id="p-implementation" label=Signal::derive(tr_fn("proposal.part.implementation")) value=implementation/>
                <TextArea id="p-service" label=Signal::derive(tr_fn("proposal.part.service")) value=service/>
                {move || notice.get().map(|n| view! { <div class="notice notice-error" role="alert">{n}</div> })}
                <div class="actions">
                    <button type="submit" class="primary">{tr("proposal_ui.save_sections")}</button>
                </div>
            </section>
        </form>
        {quote}
        <form class="proposal-sections" data-unsaved-group="proposal-sections" on:submit=save>
            <section class="card proposal-section" aria-labelledby="s5">
                <h2 id="s5">{format!("5. {}", tr("proposal.part.credentials"))}</h2>
                <fieldset class="plain-fieldset">
                    <legend>{tr("proposal_ui.credentials_legend")}</legend>
                    {creds.into_iter().map(|(x, on)| view! {
                        <crate::ui::form::CheckboxField id=format!("p-cred-{}", x.code()) label=Signal::derive(tr_fn(x.key())) checked=on/>
                    }).collect_view()}
                </fieldset>
                <TextField
                    id="p-valid-until"
                    label=Signal::derive(tr_fn("proposal.field.valid_until"))
                    value=valid_until
                    input_type="date"
                    error=errors.field("valid_until")
                    warning=Signal::derive(move || {
                        // Past already: saved as typed, but sending will refuse it.
                        let typed = valid_until.get();
                        let day = chrono::NaiveDate::parse_from_str(typed.trim(), "%Y-%m-%d").ok()?;
                        (day < fmt::today()).then(|| tr("proposal_ui.valid_until_past"))
                    })
                />
                {move || notice.get().map(|n| view! { <div class="notice notice-error" role="alert">{n}</div> })}
                <div class="actions">
                    <button type="submit" class="primary">{tr("proposal_ui.save_section_5")}</button>
                </div>
            </section>
        </form>
    }
    .into_any()
}

/// Each need of the deal with the lines that answer it; needs a proposal must answer and
/// no line does, and lines that answer no need, flagged.
#[component]
fn TraceSection(p: Proposal, deal: Deal) -> impl IntoView {
    let t = proposal::trace_needs(&deal.needs, &p.content.lines);
    let name_of = |id: Id| {
        p.content
            .lines
            .iter()
            .find(|l| l.id == id)
            .map(|l| l.name.clone())
            .unwrap_or_default()
    };
    let stray: Vec<String> = t.lines_without_need.iter().map(|id| name_of(*id)).collect();
    view! {
        <section class="card rep-only trace" aria-labelledby="trace-heading">
            <h2 id="trace-heading">{tr("proposal_ui.trace_title")}</h2>
            <p class="hint">{tr("proposal_ui.trace_hint")}</p>
            {t.needs.is_empty().then(|| view! { <p class="notice">{tr("proposal_ui.trace_no_needs")}</p> })}
            <ul class="plain-list trace-list">
                {t.needs.iter().map(|n| {
                    let lines: Vec<String> = n.lines.iter().map(|id| name_of(*id)).collect();
                    let unanswered = n.unanswered();
                    view! {
                        <li class:flagged=unanswered>
                            <strong>{tr(n.layer.key())} ": "</strong> {n.text.clone()}
                            " → "
                            {if lines.is_empty() {
                                if unanswered {
                                    view! { <span class="badge warning">{tr("proposal_ui.need_unanswered")}</span> }.into_any()
                                } else {
                                    view! { <span class="hint">{tr("proposal_ui.need_by_text")}</span> }.into_any()
                                }
                            } else {
                                view! { <span>{lines.join(", ")}</span> }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(!stray.is_empty()).then(|| view! {
                <div class="notice notice-warning">
                    <p>{tr("proposal_ui.lines_without_need")}</p>
                    <ul>{stray.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                </div>
            })}
        </section>
    }
}

/// Once a version is accepted: the offer to give the open deal the accepted total as its
/// value when it has another one (`proposal::value_from_accepted`), with Undo. The value
/// typed in the deal form is the rep's, so nothing changes until they choose.
#[component]
fn ValueOffer(deal_id: Id) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let offer = Memo::new(move |_| {
        let deal = data.deals.get(deal_id)?;
        let versions = proposals::versions(data, deal_id);
        let offer = proposal::value_from_accepted(&deal, &versions)?;
        let n = proposal::accepted_evidence(&versions)?.version;
        Some((deal.value, offer.total, offer.net, n))
    });
    let set = move |before: Money, total: Money| {
        let Some(save) = deals::set_value(data, deal_id, total.clone()) else {
            return;
        };
        spawn_save(toasts, save, move |_| {
            toasts.push_with_action(
                ToastKind::Success,
                tw(
                    "proposal_ui.value_done",
                    &[
                        ("total", &fmt::money(&total)),
                        ("value", &fmt::money(&before)),
                    ],
                ),
                tr("proposal_ui.undo"),
                move || {
                    if let Some(save) = deals::set_value(data, deal_id, before.clone()) {
                        spawn_save(toasts, save, |_| {});
                    }
                },
            );
        });
    };
    move || {
        offer.get().map(|(value, total, net, n)| {
            let text = tw(
                "proposal_ui.value_offer",
                &[
                    ("value", &fmt::money(&value)),
                    ("n", &n.to_string()),
                    ("total", &fmt::money(&total)),
                    ("net", &fmt::money(&net)),
                ],
            );
            let button = tw("proposal_ui.value_set", &[("total", &fmt::money(&total))]);
            view! {
                <div class="notice value-offer no-print" role="status">
                    <p>{text}</p>
                    <button type="button" class="primary" on:click=move |_| set(value.clone(), total.clone())>
                        {button}
                    </button>
                </div>
            }
        })
    }
}

/// On the deal page: where the proposal stands, the evidence an accepted version gives
/// step 4, and the link to it (shown from step 4 on, or once a proposal exists).
#[component]
pub fn ProposalSummary(deal_id: Id) -> impl IntoView {
    let data = use_data();
    let step = Memo::new(move |_| data.deals.with(deal_id, |d| d.step).unwrap_or_default());
    let versions = Memo::new(move |_| proposals::versions(data, deal_id));
    let show = move || step.get() >= Step::PresentingValue || !versions.with(Vec::is_empty);
    view! {
        <Show when=show>
            <section class="card proposal-summary" aria-labelledby="proposal-summary-heading">
                <h2 id="proposal-summary-heading">{tr_fn("proposal_ui.summary_title")}</h2>
                {move || {
                    let v = versions.get();
                    match v.last() {
                        None => view! { <p>{tr("proposal_ui.summary_none")}</p> }.into_any(),
                        Some(last) => view! {
                            <p>{tw("proposal_ui.summary_line", &[("n", &last.version.to_string()), ("status", &tr(last.status.key()))])}</p>
                        }.into_any(),
                    }
                }}
                {move || proposal::accepted_evidence(&versions.get()).map(|a| {
                    let date = fmt::date(a.on.with_timezone(&chrono::Local).date_naive());
                    view! {
                        <p class="notice evidence">
                            <strong>{tr("proposal_ui.end_signal_met")}</strong> " "
                            {tw("proposal.evidence", &[("version", &a.version.to_string()), ("date", &date), ("by", &if a.by_name.is_empty() { String::new() } else { format!(" ({})", a.by_name) })])}
                        </p>
                    }
                })}
                <ValueOffer deal_id=deal_id/>
                <p>
                    <a href=proposal_href(deal_id, "")>
                        {move || if versions.with(Vec::is_empty) { tr("proposal_ui.summary_build") } else { tr("proposal_ui.summary_open") }}
                    </a>
                </p>
            </section>
        </Show>
    }
}
