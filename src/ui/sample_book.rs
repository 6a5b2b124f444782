//! The sample book offer and its removal: on the training home and the empty dashboard.
//!
//! Not loaded: what it is and "Load the sample book"; a book that already has records is
//! told first what will happen, with "Export a backup first". Loaded: what it holds, a
//! link to the board and "Remove the sample book", which shows what it deletes (or the
//! rep's own records that stop it) and asks; the removal can be undone from its toast.

use crate::domain::training::sample::RemovalPlan;
use crate::domain::training::SampleBook;
use crate::i18n::format_number;
use crate::state::actions::sample::{self as act, Refusal};
use crate::state::backup;
use crate::state::data::{report_store_error, use_data, AppData, LoadStatus};
use crate::state::prefs::locale;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tc, tr, tw, ToastKind, Toasts};
use crate::store::StoreError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::wasm_split;

/// What the panel is asking, if anything.
#[derive(Debug, Clone, PartialEq)]
enum Asking {
    /// Loading into a book that has records.
    Load { records: usize, adds: usize },
    /// Removing: the plan.
    Remove(RemovalPlan),
}

/// "6 accounts, 13 people, 1 deal": counts by kind, in the order given.
fn counts_text(counts: &[(String, usize)]) -> String {
    counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| tc(&format!("backup_settings.count.{kind}.other"), *n, &[]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The mark's records by kind (as listed).
fn mark_counts(mark: &SampleBook) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for r in &mark.records {
        match out.iter_mut().find(|(k, _)| *k == r.kind) {
            Some((_, n)) => *n += 1,
            None => out.push((r.kind.clone(), 1)),
        }
    }
    out
}

/// What the panel's buttons do with the book.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Op {
    /// "Load the sample book": loads at once into an empty book, else asks first.
    Offer,
    /// Loads (asked already, or nothing to ask).
    Load,
    /// "Remove the sample book": shows what it would delete.
    AskRemove,
    Remove,
    /// "Export a backup first".
    Export,
}

/// The panel's state, handed to the code that acts on it.
#[derive(Clone, Copy)]
struct Panel {
    data: AppData,
    toasts: Toasts,
    busy: RwSignal<bool>,
    exporting: RwSignal<bool>,
    asking: RwSignal<Option<Asking>>,
}

/// Does `op`. The code that builds, loads and removes the sample book (every kind's
/// records and their rules) is downloaded on the first click, not with the dashboard.
/// The panel is busy from the click on (a second click while the code comes does nothing);
/// whatever the op ends with clears it.
fn run(op: Op, p: Panel) {
    let flag = match op {
        Op::Export => p.exporting,
        _ => p.busy,
    };
    if flag.get_untracked() {
        return;
    }
    flag.set(true);
    spawn_local(async move {
        // The plans read every kind.
        if !crate::state::data::fully_loaded().await || act_on(op, p).await.is_err() {
            flag.set(false);
            p.toasts.push(ToastKind::Error, tr("sample.code_failed"));
        }
    });
}

#[wasm_split(sixstep_sample, wasm_split_path = ::leptos::wasm_split, fallible)]
fn act_on(op: Op, p: Panel) -> Result<(), StoreError> {
    match op {
        Op::Offer => {
            let records = act::record_count(p.data);
            if records == 0 {
                do_load(p);
            } else {
                p.busy.set(false);
                p.asking.set(Some(Asking::Load {
                    records,
                    adds: act::size(),
                }));
            }
        }
        Op::Load => do_load(p),
        Op::AskRemove => {
            p.busy.set(false);
            match act::plan_removal(p.data) {
                Some((_, plan)) => p.asking.set(Some(Asking::Remove(plan))),
                None => p
                    .toasts
                    .push(ToastKind::Error, tr("sample.error.not_loaded")),
            }
        }
        Op::Remove => do_remove(p),
        Op::Export => do_export(p),
    }
    Ok(())
}

fn do_export(p: Panel) {
    spawn_local(async move {
        match backup::export_backup().await {
            Ok(counts) => {
                p.data.last_backup.set(backup::last_backup());
                let total: usize = counts.values().sum();
                p.toasts
                    .push(ToastKind::Success, tc("data.export.saved", total, &[]));
            }
            Err(_) => p.toasts.push(ToastKind::Error, tr("sample.export_failed")),
        }
        p.exporting.set(false);
    });
}

/// A refused load or removal: the panel stops asking and says why.
fn refused(p: Panel, r: &Refusal) {
    p.busy.set(false);
    p.asking.set(None);
    p.toasts.push(ToastKind::Error, tr(r.key()));
}

fn do_load(p: Panel) {
    match act::load(p.data) {
        Err(r) => refused(p, &r),
        Ok(save) => {
            p.busy.set(true);
            spawn_local(async move {
                match save.await {
                    Ok(n) => {
                        p.asking.set(None);
                        p.toasts
                            .push(ToastKind::Success, tc("sample.loaded_toast", n, &[]));
                    }
                    Err(e) => report_store_error(p.toasts, &e),
                }
                p.busy.set(false);
            });
        }
    }
}

fn do_remove(p: Panel) {
    let Panel { data, toasts, .. } = p;
    match act::remove(data) {
        Err(Refusal::Blocked(plan)) => {
            p.busy.set(false);
            p.asking.set(Some(Asking::Remove(plan)));
        }
        Err(r) => refused(p, &r),
        Ok(save) => {
            p.busy.set(true);
            spawn_local(async move {
                match save.await {
                    Ok(removed) => {
                        p.asking.set(None);
                        toasts.push_with_action(
                            ToastKind::Success,
                            tc("sample.removed_toast", removed.len(), &[]),
                            tr("sample.undo"),
                            move || match act::undo_remove(data, &removed) {
                                Err(r) => toasts.push(ToastKind::Error, tr(r.key())),
                                Ok(back) => spawn_local(async move {
                                    match back.await {
                                        Ok(()) => toasts
                                            .push(ToastKind::Success, tr("sample.restored_toast")),
                                        Err(e) => report_store_error(toasts, &e),
                                    }
                                }),
                            },
                        );
                    }
                    Err(e) => report_store_error(toasts, &e),
                }
                p.busy.set(false);
            });
        }
    }
}

/// Loads or removes the sample book.
#[component]
pub fn SampleBookPanel() -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let busy = RwSignal::new(false);
    let exporting = RwSignal::new(false);
    let asking = RwSignal::new(None::<Asking>);
    let mark = Memo::new(move |_| act::loaded(data));
    let ready = move || data.status.get() == LoadStatus::Ready;

    let panel = Panel {
        data,
        toasts,
        busy,
        exporting,
        asking,
    };
    let on_load = move |_| run(Op::Offer, panel);
    let on_export = move |_| run(Op::Export, panel);
    let on_ask_remove = move |_| run(Op::AskRemove, panel);

    let not_loaded = move || {
        view! {
            <p>{tr_fn("sample.intro")}</p>
            {move || match asking.get() {
                Some(Asking::Load { records, adds }) => view! {
                    <div class="notice notice-warning sample-confirm" role="region" aria-labelledby="sample-confirm-heading">
                        <h3 id="sample-confirm-heading">{tr("sample.confirm.heading")}</h3>
                        <p>{tc("sample.confirm.text", records, &[("added", &format_number(locale(), adds as i64))])}</p>
                        <div class="actions">
                            <button type="button" on:click=on_export disabled=move || exporting.get()>
                                {move || if exporting.get() { tr("data.export.working") } else { tr("sample.export") }}
                            </button>
                            <button type="button" class="primary" disabled=move || busy.get()
                                on:click=move |_| run(Op::Load, panel)>
                                {tr("sample.load")}
                            </button>
                            <button type="button" on:click=move |_| asking.set(None)>{tr("sample.cancel")}</button>
                        </div>
                    </div>
                }
                .into_any(),
                _ => view! {
                    <div class="actions">
                        <button type="button" class="primary" disabled=move || busy.get() on:click=on_load>
                            {move || if busy.get() { tr("sample.loading") } else { tr("sample.load") }}
                        </button>
                    </div>
                }
                .into_any(),
            }}
        }
    };

    let is_loaded = move |m: SampleBook| {
        let holds = counts_text(&mark_counts(&m));
        view! {
            <p role="status">{tr("sample.loaded")}</p>
            <p>{tw("sample.holds", &[("counts", &holds)])}</p>
            <p>
                <a href=crate::ui::link::href("/deals")>{tr_fn("sample.open_board")}</a>
            </p>
            {move || match asking.get() {
                Some(Asking::Remove(plan)) if plan.is_blocked() => view! {
                    <div class="notice notice-warning sample-confirm" role="region" aria-labelledby="sample-remove-heading">
                        <h3 id="sample-remove-heading">{tr("sample.blocked.heading")}</h3>
                        <p>{tr("sample.blocked.text")}</p>
                        <ul class="sample-dependents">
                            {plan.dependents.iter().map(|d| {
                                let kind = tr(&format!("data.kind.{}", d.kind));
                                let name = d.name.clone().unwrap_or_else(|| tr("sample.unnamed"));
                                view! { <li>{tw("sample.blocked.item", &[("kind", &kind), ("name", &name)])}</li> }
                            }).collect_view()}
                        </ul>
                        <div class="actions">
                            <button type="button" on:click=move |_| asking.set(None)>{tr("sample.close")}</button>
                        </div>
                    </div>
                }
                .into_any(),
                Some(Asking::Remove(plan)) => view! {
                    <div class="notice notice-warning sample-confirm" role="region" aria-labelledby="sample-remove-heading">
                        <h3 id="sample-remove-heading">{tr("sample.remove.heading")}</h3>
                        <p>{tc("sample.remove.text", plan.total(), &[])}</p>
                        <p>{counts_text(&plan.counts)}</p>
                        <p>{tr("sample.remove.yours")}</p>
                        <div class="actions">
                            <button type="button" class="danger" disabled=move || busy.get()
                                on:click=move |_| run(Op::Remove, panel)>
                                {tr("sample.remove")}
                            </button>
                            <button type="button" on:click=move |_| asking.set(None)>{tr("sample.cancel")}</button>
                        </div>
                    </div>
                }
                .into_any(),
                _ => view! {
                    <div class="actions">
                        <button type="button" on:click=on_ask_remove>{tr("sample.remove")}</button>
                    </div>
                }
                .into_any(),
            }}
        }
    };

    view! {
        <Show when=ready>
            <section class="card sample-book" aria-labelledby="sample-book-heading">
                <h2 id="sample-book-heading">{tr_fn("sample.title")}</h2>
                {move || match mark.get() {
                    Some(m) => is_loaded(m).into_any(),
                    None => not_loaded().into_any(),
                }}
            </section>
        </Show>
    }
}

/// Whether a sample book is loaded (tracked): the dashboard keeps the panel while it is.
pub fn sample_loaded(data: AppData) -> bool {
    data.sample_books.with_all(|m| !m.is_empty())
}
