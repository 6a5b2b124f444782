//! Two versions side by side: every added, removed and changed line (with what changed),
//! every changed section, and the money difference of the totals.

use super::{money, percent, proposal_href, unit_price};
use crate::domain::fields::{moment_in, Moment};
use crate::domain::ids::Id;
use crate::domain::proposal::{self, LineChange, Proposal, QuoteLine, SectionPart};
use crate::state::actions::proposals;
use crate::state::data::use_data;
use crate::state::{tr, tr_fn, tw};
use crate::ui::fmt;
use crate::ui::form::SelectField;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

fn line_text(l: &QuoteLine, p: &Proposal) -> String {
    let cur = &p.content.currency;
    let mut s = format!(
        "{} × {}",
        l.quantity.to_input(),
        unit_price(l.unit_price, cur)
    );
    if l.discount.0 > 0 {
        s.push_str(&format!(" − {}", percent(l.discount)));
    }
    s.push_str(&format!(
        " · {} {}",
        tr("proposal.copy.tax"),
        percent(l.tax_rate)
    ));
    if l.optional {
        s.push_str(&format!(" · {}", tr("proposal.field.optional")));
    }
    s
}

/// `/deals/:id/proposal/compare?a=1&b=2`.
#[component]
pub fn ProposalComparePage() -> impl IntoView {
    let data = use_data();
    let params = use_params_map();
    let query = use_query_map();
    let navigate = use_navigate();
    let deal_id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    let versions = Memo::new(move |_| {
        deal_id
            .get()
            .map(|id| proposals::versions(data, id))
            .unwrap_or_default()
    });
    let deal = Memo::new(move |_| deal_id.get().and_then(|id| data.deals.get(id)));
    let a = RwSignal::new(String::new());
    let b = RwSignal::new(String::new());
    Effect::new(move |_| {
        let q = query.get();
        let n = versions.with(Vec::len);
        let pick = |k: &str, fallback: usize| {
            q.get(k).unwrap_or_else(|| {
                versions.with(|v| {
                    v.get(fallback)
                        .map(|p| p.version.to_string())
                        .unwrap_or_default()
                })
            })
        };
        a.set(pick("a", n.saturating_sub(2)));
        b.set(pick("b", n.saturating_sub(1)));
    });
    // Choosing a version changes the address (so the comparison can be linked to).
    let nav = navigate.clone();
    Effect::new(move |prev: Option<(String, String)>| {
        let now = (a.get(), b.get());
        if let (Some(prev), Some(d)) = (prev, deal_id.get_untracked()) {
            if prev != now && !now.0.is_empty() && !now.1.is_empty() {
                nav(
                    &proposal_href(d, &format!("/compare?a={}&b={}", now.0, now.1)),
                    Default::default(),
                );
            }
        }
        now
    });
    let options = Signal::derive(move || {
        versions.with(|v| {
            v.iter()
                .map(|p| {
                    (
                        p.version.to_string(),
                        format!(
                            "{} · {}",
                            tw("proposal_ui.version_n", &[("n", &p.version.to_string())]),
                            super::status_label(p, v).1
                        ),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let find = move |s: RwSignal<String>| {
        let n = s.get().parse::<u32>().ok()?;
        versions.with(|v| v.iter().find(|p| p.version == n).cloned())
    };
    view! {
        <article class="page proposal-compare">
            <p class="crumbs">
                {move || deal_id.get().map(|d| view! { <a href=proposal_href(d, "")>{tr("proposal_ui.back_to_proposal")}</a> })}
            </p>
            <h1>{move || tw("proposal_ui.compare_title", &[("deal", &deal.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default()))])}</h1>
            <div class="form-cols compare-pick">
                <SelectField id="compare-a" label=Signal::derive(tr_fn("proposal_ui.compare_a")) value=a options=options/>
                <SelectField id="compare-b" label=Signal::derive(tr_fn("proposal_ui.compare_b")) value=b options=options/>
            </div>
            {move || {
                let (pa, pb) = (find(a)?, find(b)?);
                let d = match proposal::diff(&pa.content, &pb.content) {
                    Ok(d) => d,
                    Err(_) => return Some(view! { <p class="notice notice-error">{tr("proposal.error.amount_too_large")}</p> }.into_any()),
                };
                let cur = pb.content.currency.clone();
                let (na, nb) = (pa.version.to_string(), pb.version.to_string());
                let rows = if d.lines.is_empty() {
                    view! { <tr><td colspan="4">{tr("proposal_ui.no_line_changes")}</td></tr> }.into_any()
                } else {
                    d.lines.iter().map(|c| {
                        let (name, before, after, what, class) = match c {
                            LineChange::Added(l) => (l.name.clone(), String::new(), line_text(l, &pb), tr("proposal_ui.change_added"), "added"),
                            LineChange::Removed(l) => (l.name.clone(), line_text(l, &pa), String::new(), tr("proposal_ui.change_removed"), "removed"),
                            LineChange::Changed { before, after, fields } => (
                                after.name.clone(),
                                line_text(before, &pa),
                                line_text(after, &pb),
                                tw("proposal_ui.change_changed", &[("fields", &fields.iter().map(|f| tr(f.key())).collect::<Vec<_>>().join(", "))]),
                                "changed",
                            ),
                        };
                        view! {
                            <tr class=format!("change-{class}")>
                                <th scope="row">{name}</th>
                                <td>{before}</td>
                                <td>{after}</td>
                                <td><span class="badge">{what}</span></td>
                            </tr>
                        }
                    }).collect_view().into_any()
                };
                // The valid-until date as the language writes dates.
                let shown = |part: SectionPart, text: &str| match (part, moment_in(text)) {
                    (SectionPart::ValidUntil, Some(Moment::Date(d))) => fmt::date(d),
                    _ => text.to_string(),
                };
                let sections = d.sections.iter().map(|s| view! {
                    <tr class="change-changed">
                        <th scope="row">{tr(s.part.key())}</th>
                        <td class="pre-line">{shown(s.part, &s.before)}</td>
                        <td class="pre-line">{shown(s.part, &s.after)}</td>
                    </tr>
                }).collect_view();
                let diff_text = if d.difference > 0 { format!("+{}", money(d.difference, &cur)) } else { money(d.difference, &cur) };
                Some(view! {
                    <section class="card" aria-labelledby="cmp-lines">
                        <h2 id="cmp-lines">{tr("proposal_ui.compare_lines")}</h2>
                        <div class="table-wrap">
                            <table class="data-table compare-table">
                                <thead><tr>
                                    <th scope="col">{tr("proposal.copy.item")}</th>
                                    <th scope="col">{tw("proposal_ui.version_n", &[("n", &na)])}</th>
                                    <th scope="col">{tw("proposal_ui.version_n", &[("n", &nb)])}</th>
                                    <th scope="col">{tr("proposal_ui.change")}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    </section>
                    <section class="card" aria-labelledby="cmp-sections">
                        <h2 id="cmp-sections">{tr("proposal_ui.compare_sections")}</h2>
                        {if d.sections.is_empty() {
                            view! { <p>{tr("proposal_ui.no_section_changes")}</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-wrap">
                                    <table class="data-table compare-table">
                                        <thead><tr>
                                            <th scope="col">{tr("proposal_ui.section")}</th>
                                            <th scope="col">{tw("proposal_ui.version_n", &[("n", &na)])}</th>
                                            <th scope="col">{tw("proposal_ui.version_n", &[("n", &nb)])}</th>
                                        </tr></thead>
                                        <tbody>{sections}</tbody>
                                    </table>
                                </div>
                            }.into_any()
                        }}
                    </section>
                    <section class="card" aria-labelledby="cmp-money">
                        <h2 id="cmp-money">{tr("proposal_ui.compare_money")}</h2>
                        <dl class="facts">
                            <dt>{tw("proposal_ui.total_of", &[("n", &na)])}</dt><dd>{money(d.total_a, &pa.content.currency)}</dd>
                            <dt>{tw("proposal_ui.total_of", &[("n", &nb)])}</dt><dd>{money(d.total_b, &cur)}</dd>
                            <dt>{tr("proposal_ui.difference")}</dt><dd class="difference">{diff_text}</dd>
                        </dl>
                        <p class="hint">{tw("proposal_ui.compare_dates", &[
                            ("a", &pa.sent.as_ref().map(|s| fmt::datetime(s.at)).unwrap_or_else(|| tr(pa.status.key()))),
                            ("b", &pb.sent.as_ref().map(|s| fmt::datetime(s.at)).unwrap_or_else(|| tr(pb.status.key()))),
                        ])}</p>
                    </section>
                }.into_any())
            }}
        </article>
    }
}
