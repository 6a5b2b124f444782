//! Market intel for head office (seed 001): competitors' test marketing and coming products,
//! policy changes, feedback on ours and theirs, delivery and after-sales performance.

use crate::domain::ids::Id;
use crate::domain::intel::{
    intel_rows_with, list_intel, to_csv, IntelDraft, IntelFilter, IntelKind, IntelNote,
    INTEL_HEADER_KEYS,
};
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;
use crate::state::actions::intel;
use crate::state::backup::download_text;
use crate::state::data::use_data;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, ToastKind};
use crate::ui::fmt;
use crate::ui::form::{ErrorSummary, FormErrors, SelectField, TextArea, TextField};
use crate::ui::link::href;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn IntelPage() -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let kind_filter = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let date = RwSignal::new(fmt::today().format("%Y-%m-%d").to_string());
    let account = RwSignal::new(String::new());
    let competitor = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let errors = FormErrors::new();

    let notes = Memo::new(move |_| {
        let filter = IntelFilter {
            kind: IntelKind::from_code(&kind_filter.get()),
            ..Default::default()
        };
        data.intel_notes.with_all(|m| {
            let all: Vec<IntelNote> = m.values().cloned().collect();
            list_intel(&all, &filter)
                .into_iter()
                .map(|n| n.id)
                .collect::<Vec<Id>>()
        })
    });
    let name_of = move |id: Option<Id>, accounts: bool| -> String {
        id.and_then(|id| {
            if accounts {
                data.accounts.with(id, |a| a.name.clone())
            } else {
                data.competitors.with(id, |c| c.name.clone())
            }
        })
        .unwrap_or_default()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = IntelDraft {
            kind: IntelKind::from_code(&kind.get_untracked()),
            date: date.get_untracked(),
            account_id: account.get_untracked().parse().ok(),
            competitor_id: competitor.get_untracked().parse().ok(),
            title: title.get_untracked(),
            body: body.get_untracked(),
        };
        match intel::add(data, &draft) {
            Err(errs) => {
                errors.show(&errs);
            }
            Ok(save) => {
                errors.clear();
                spawn_local(async move {
                    match save.await {
                        Ok(_) => {
                            title.set(String::new());
                            body.set(String::new());
                            toasts.push(ToastKind::Success, tr("form.saved"));
                        }
                        Err(e) => crate::state::data::report_store_error(toasts, &e),
                    }
                });
            }
        }
    };
    let export = move |_| {
        let all: Vec<IntelNote> = data
            .intel_notes
            .with_all_untracked(|m| m.values().cloned().collect());
        let accounts: Vec<_> = data
            .accounts
            .with_all_untracked(|m| m.values().cloned().collect());
        let competitors: Vec<_> = data
            .competitors
            .with_all_untracked(|m| m.values().cloned().collect());
        let header_text: Vec<String> = INTEL_HEADER_KEYS.iter().map(|k| tr(k)).collect();
        let header: [&str; 7] = std::array::from_fn(|i| header_text[i].as_str());
        let rows = intel_rows_with(&all, &accounts, &competitors, header, |k| tr(k.key()));
        let name = format!(
            "sixstep-market-intel-{}.csv",
            fmt::today().format("%Y-%m-%d")
        );
        if let Err(e) = download_text(&to_csv(&rows), &name, "text/csv;charset=utf-8") {
            toasts.push(ToastKind::Error, format!("{e:?}"));
        }
    };
    let err = move |f: &'static str| errors.field(f);
    let l = |k: &'static str| Signal::derive(tr_fn(k));
    let kinds: Signal<Vec<(String, String)>> = Signal::derive(|| {
        IntelKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), tr(k.key())))
            .collect()
    });
    let accounts_opts: Signal<Vec<(String, String)>> = Signal::derive(move || {
        let mut v: Vec<(String, String)> = data.accounts.with_all(|m| {
            m.values()
                .map(|a| (a.id.to_string(), a.name.clone()))
                .collect()
        });
        v.sort_on_cached(|(_, n)| fold(n));
        v
    });
    let competitor_opts: Signal<Vec<(String, String)>> = Signal::derive(move || {
        let mut v: Vec<(String, String)> = data.competitors.with_all(|m| {
            m.values()
                .map(|c| (c.id.to_string(), c.name.clone()))
                .collect()
        });
        v.sort_on_cached(|(_, n)| fold(n));
        v
    });
    view! {
        <section class="page">
            <nav class="breadcrumbs" aria-label=tr_fn("shell.breadcrumbs")>
                <a href=href("/accounts")>{tr_fn("page.accounts.title")}</a>
            </nav>
            <div class="page-head">
                <h1>{tr_fn("intel.title")}</h1>
                <button on:click=export disabled=move || notes.with(Vec::is_empty)>{tr_fn("intel.export")}</button>
            </div>
            <p class="hint">{tr_fn("intel.intro")}</p>
            <form class="card form-grid record-form" on:submit=submit novalidate>
                <h2>{tr_fn("intel.new")}</h2>
                <ErrorSummary errors=errors.summary()/>
                <div class="form-columns">
                    <SelectField id="intel-kind" label=l("intel.field.kind") value=kind options=kinds empty_label=l("form.none") error=err("kind") required=true/>
                    <TextField id="intel-date" label=l("intel.field.date") value=date input_type="date" error=err("date") required=true/>
                    <SelectField id="intel-account" label=l("intel.field.account_id") value=account options=accounts_opts empty_label=l("form.none")/>
                    <SelectField id="intel-competitor" label=l("intel.field.competitor_id") value=competitor options=competitor_opts empty_label=l("form.none")/>
                    <TextField id="intel-title" label=l("intel.field.title") value=title error=err("title") required=true/>
                    <TextArea id="intel-body" label=l("intel.field.body") value=body/>
                </div>
                <div class="actions"><button type="submit" class="primary">{tr_fn("intel.add")}</button></div>
            </form>
            <div class="card filters">
                <SelectField id="intel-filter" label=l("intel.filter") value=kind_filter options=kinds empty_label=l("accounts.filter.any")/>
            </div>
            <Show when=move || !notes.with(Vec::is_empty) fallback=move || view! { <div class="card empty"><p>{tr("intel.empty")}</p></div> }>
                <ul class="card-list">
                    <For each=move || notes.get() key=|id| *id let:nid>
                        {move || data.intel_notes.get(nid).map(|n| view! {
                            <li class="card">
                                <p class="hint">{fmt::date(n.date)} " · " {tr(n.kind.key())}
                                    {n.account_id.map(|_| view! { " · " {move || name_of(n.account_id, true)} })}
                                    {n.competitor_id.map(|_| view! { " · " {move || name_of(n.competitor_id, false)} })}
                                </p>
                                <h2 class="h3">{n.title.clone()}</h2>
                                {(!n.body.is_empty()).then(|| view! { <p class="pre-line">{n.body.clone()}</p> })}
                            </li>
                        })}
                    </For>
                </ul>
            </Show>
        </section>
    }
}
