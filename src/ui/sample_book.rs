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
use leptos::prelude::*;
use leptos::task::spawn_local;

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

fn do_load(data: AppData, toasts: Toasts, busy: RwSignal<bool>, asking: RwSignal<Option<Asking>>) {
    match act::load(data) {
        Err(r) => {
            asking.set(None);
            toasts.push(ToastKind::Error, tr(r.key()));
        }
        Ok(save) => {
            busy.set(true);
            spawn_local(async move {
                match save.await {
                    Ok(n) => {
                        asking.set(None);
                        toasts.push(ToastKind::Success, tc("sample.loaded_toast", n, &[]));
                    }
                    Err(e) => report_store_error(toasts, &e),
                }
                busy.set(false);
            });
        }
    }
}

fn do_remove(
    data: AppData,
    toasts: Toasts,
    busy: RwSignal<bool>,
    asking: RwSignal<Option<Asking>>,
) {
    match act::remove(data) {
        Err(Refusal::Blocked(plan)) => asking.set(Some(Asking::Remove(plan))),
        Err(r) => {
            asking.set(None);
            toasts.push(ToastKind::Error, tr(r.key()));
        }
        Ok(save) => {
            busy.set(true);
            spawn_local(async move {
                match save.await {
                    Ok(removed) => {
                        asking.set(None);
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
                busy.set(false);
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

    let on_load = move |_| {
        let records = act::record_count(data);
        if records == 0 {
            do_load(data, toasts, busy, asking);
        } else {
            asking.set(Some(Asking::Load {
                records,
                adds: act::size(),
            }));
        }
    };
    let on_export = move |_| {
        exporting.set(true);
        spawn_local(async move {
            match backup::export_backup().await {
                Ok(counts) => {
                    data.last_backup.set(backup::last_backup());
                    let total: usize = counts.values().sum();
                    toasts.push(ToastKind::Success, tc("data.export.saved", total, &[]));
                }
                Err(_) => toasts.push(ToastKind::Error, tr("sample.export_failed")),
            }
            exporting.set(false);
        });
    };
    let on_ask_remove = move |_| match act::plan_removal(data) {
        Some((_, plan)) => asking.set(Some(Asking::Remove(plan))),
        None => toasts.push(ToastKind::Error, tr("sample.error.not_loaded")),
    };

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
                                on:click=move |_| do_load(data, toasts, busy, asking)>
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
                                on:click=move |_| do_remove(data, toasts, busy, asking)>
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
