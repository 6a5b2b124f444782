//! The customer's copy of a version (`/deals/:id/proposal/:version/copy`): the document
//! the customer receives, printable (the print styles leave out the app around it) and
//! downloadable as one self-contained HTML file.

use super::{customer, money, proposal_href};
use crate::domain::ids::Id;
use crate::domain::proposal::{customer_copy_body, customer_copy_document, CopyWords, Proposal};
use crate::state::actions::proposals;
use crate::state::data::use_data;
use crate::state::prefs::with_locale;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw, ToastKind};
use crate::ui::customer_language::{account_language, InCustomerLanguage};
use crate::ui::fmt;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The customer copy's HTML body of `p` in the rep's language.
fn body(p: &Proposal, title: &str, customer: &str) -> String {
    let cur = p.content.currency.clone();
    let text = |k: &str| tr(k);
    let amount = move |m: i64| money(m, &cur);
    let date = |d: chrono::NaiveDate| fmt::date(d);
    let cur2 = p.content.currency.clone();
    let price = move |u: crate::domain::price::UnitPrice| fmt::price(u, &cur2);
    let words = CopyWords {
        text: &text,
        money: &amount,
        price: &price,
        date: &date,
    };
    let firm = proposals::firm();
    customer_copy_body(p, title, customer, &firm, &words).unwrap_or_else(|_| {
        format!(
            "<p>{}</p>",
            crate::domain::proposal::escape(&tr("proposal.error.amount_too_large"))
        )
    })
}

#[component]
pub fn ProposalCopyPage() -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let params = use_params_map();
    let deal_id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    let version =
        Memo::new(move |_| params.with(|p| p.get("version").and_then(|s| s.parse::<u32>().ok())));
    let found = Memo::new(move |_| {
        let d = data.deals.get(deal_id.get()?)?;
        let n = version.get()?;
        let p = proposals::versions(data, d.id)
            .into_iter()
            .find(|p| p.version == n)?;
        let who = customer(data, &d);
        Some((d, p, who))
    });
    // The customer's language, read here: an event handler has no reactive owner to read
    // the records through.
    let language = Memo::new(move |_| {
        account_language(found.with(|f| f.as_ref().map(|(d, _, _)| d.account_id)))
    });
    let download = move |_| {
        let Some((d, p, who)) = found.get_untracked() else {
            return;
        };
        let language = language.get_untracked();
        let doc = with_locale(language, || {
            let html = body(&p, &d.title, &who);
            let title = format!("{} — {} v{}", tr("proposal.copy.title"), d.title, p.version);
            customer_copy_document(language.tag(), &title, &html)
        });
        let safe: String = d
            .title
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let name = format!("proposal-{}-v{}.html", safe.trim_matches('-'), p.version);
        if crate::state::backup::download_text(&doc, &name, "text/html").is_err() {
            toasts.push(ToastKind::Error, tr("proposal_ui.download_failed"));
        }
    };
    view! {
        <article class="page proposal-copy-page">
            <div class="no-print copy-toolbar">
                <p class="crumbs">
                    {move || deal_id.get().map(|d| view! { <a href=proposal_href(d, &version.get().map(|n| format!("/{n}")).unwrap_or_default())>{tr("proposal_ui.back_to_proposal")}</a> })}
                </p>
                <p class="hint">{tr_fn("proposal_ui.copy_hint")}</p>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>{tr_fn("proposal_ui.print")}</button>
                    <button type="button" on:click=download>{tr_fn("proposal_ui.download_html")}</button>
                </div>
            </div>
            <InCustomerLanguage account=Signal::derive(move || found.with(|f| f.as_ref().map(|(d, _, _)| d.account_id)))>
            {move || match found.get() {
                Some((d, p, who)) => view! { <div class="copy-frame" inner_html=body(&p, &d.title, &who)></div> }.into_any(),
                None => view! {
                    <h1>{tr("proposal_ui.title_plain")}</h1>
                    <p class="notice">{tw("proposal_ui.version_missing", &[("n", &version.get().map(|n| n.to_string()).unwrap_or_default())])}</p>
                }.into_any(),
            }}
            </InCustomerLanguage>
        </article>
    }
}
