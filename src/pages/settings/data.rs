//! Settings → Data: counts, storage, backup export, verified import with preview and undo,
//! and data health (quarantined records: [`super::health`]).

use super::health::HealthSection;
use crate::i18n::{format_datetime, format_number};
use crate::state::backup::{self, BackupFailure, ImportCandidate};
use crate::state::data::{store_error_text, use_data, LoadStatus};
use crate::state::prefs::locale;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tc, tr, tw, ToastKind};
use crate::store::backend::SnapshotInfo;
use crate::store::settings::SettingKey;
use crate::store::{ImportMode, Message, Setting, SettingChange};
use crate::ui::focus::focus_later;
use crate::ui::scroll_area::ScrollArea;
use chrono::{Local, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

fn message_text(m: &Message) -> String {
    crate::i18n::render(locale(), m)
}

fn failure_text(f: &BackupFailure) -> String {
    match f {
        BackupFailure::Store(e) => store_error_text(e),
        BackupFailure::File(m) => message_text(m),
        BackupFailure::NoCrypto => tr("data.no_crypto"),
    }
}

fn kind_label(kind: &str) -> String {
    tr(&format!("data.kind.{kind}"))
}

fn megabytes(bytes: f64) -> String {
    let mb = bytes / 1_048_576.0;
    if mb < 10.0 {
        format!("{mb:.1} MB")
    } else {
        format!("{} MB", format_number(locale(), mb.round() as i64))
    }
}

fn local_time(at: chrono::DateTime<Utc>) -> String {
    format_datetime(locale(), at.with_timezone(&Local).naive_local())
}

/// A work setting's value in words ("€50.00", "no limit", "45 days", "25 %").
fn setting_value(s: &Setting) -> String {
    match s {
        Setting::GiftLimit(Some(m)) => crate::i18n::format_money(locale(), m),
        Setting::GiftLimit(None) => tr("backup_settings.value.no_limit"),
        Setting::StuckDays(d) => tc("backup_settings.value.days", *d as usize, &[]),
        Setting::NewCustomerTarget(bp) | Setting::DiscountLimit(Some(bp)) => tw(
            "backup_settings.value.percent",
            &[("percent", &crate::domain::pipeline::bp_to_percent_text(*bp))],
        ),
        Setting::DiscountLimit(None) => tr("backup_settings.value.no_limit"),
        Setting::Whole(SettingKey::CollectionLargeUnits, n) => {
            format_number(locale(), i64::from(*n))
        }
        Setting::Whole(_, d) => tc("backup_settings.value.days", *d as usize, &[]),
        Setting::DiscountTiers(tiers) if tiers.is_empty() => tr("backup_settings.value.no_rule"),
        Setting::DiscountTiers(tiers) => tiers
            .iter()
            .map(|t| {
                tw(
                    "backup_settings.value.tier",
                    &[
                        ("from", &format_number(locale(), t.from_units as i64)),
                        (
                            "percent",
                            &crate::domain::pipeline::bp_to_percent_text(t.bp),
                        ),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        Setting::Text(_, text) if text.is_empty() => tr("backup_settings.value.empty"),
        Setting::Text(SettingKey::FirmLogo, text) => tw(
            "backup_settings.value.logo",
            &[(
                "size",
                &format_number(locale(), (text.len() as u64 * 3 / 4).div_ceil(1024) as i64),
            )],
        ),
        Setting::Text(_, text) => tw(
            "backup_settings.value.text",
            &[
                ("text", &crate::store::kinds::clip(text, 40)),
                (
                    "length",
                    &format_number(locale(), text.chars().count() as i64),
                ),
            ],
        ),
    }
}

/// The settings part of the import preview: each setting the import changes, now → after.
fn settings_preview(changes: Vec<SettingChange>, file_has_settings: bool) -> impl IntoView {
    if !file_has_settings {
        return view! { <p class="hint">{tr("backup_settings.preview.none")}</p> }.into_any();
    }
    if changes.is_empty() {
        return view! { <p>{tr("backup_settings.preview.same")}</p> }.into_any();
    }
    view! {
        <ScrollArea label=Signal::derive(tr_fn("backup_settings.preview.caption"))>
            <table class="data-table setting-changes">
                <caption>{tr("backup_settings.preview.caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr("backup_settings.preview.setting")}</th>
                        <th scope="col">{tr("backup_settings.preview.now")}</th>
                        <th scope="col">{tr("backup_settings.preview.after")}</th>
                    </tr>
                </thead>
                <tbody>
                    {changes.into_iter().map(|c| view! {
                        <tr>
                            <th scope="row">{tr(c.key().label_key())}</th>
                            <td>{setting_value(&c.from)}</td>
                            <td>{setting_value(&c.to)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </ScrollArea>
        <p class="hint">{tr("backup_settings.preview.rule")}</p>
    }
    .into_any()
}

/// "12 accounts, 30 people, 1 deal": the snapshot's records, kinds in the app's order,
/// kinds without records left out.
fn snapshot_counts(info: &SnapshotInfo) -> String {
    let parts: Vec<String> = crate::state::data::AppData::kind_names()
        .into_iter()
        .filter_map(|kind| {
            let n = info.counts.get(kind).copied().unwrap_or(0);
            (n > 0).then(|| tc(&format!("backup_settings.count.{kind}.other"), n, &[]))
        })
        .collect();
    if parts.is_empty() {
        tr("backup_settings.undo.no_records")
    } else {
        parts.join(", ")
    }
}

#[component]
pub fn DataPanel() -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let exporting = RwSignal::new(false);
    let storage = RwSignal::new(None::<(f64, f64, bool)>);
    let refresh_storage = move || {
        spawn_local(async move {
            storage.set(backup::storage_estimate().await);
        })
    };
    refresh_storage();
    Effect::new(move |_| {
        data.version.track();
        refresh_storage();
    });

    let on_export = move |_| {
        exporting.set(true);
        spawn_local(async move {
            match backup::export_backup().await {
                Ok(counts) => {
                    data.last_backup.set(backup::last_backup());
                    let total: usize = counts.values().sum();
                    let mut text = tc("data.export.saved", total, &[]);
                    // Records set aside as unreadable are not records of the backup: say so,
                    // never let "saved and verified" suggest they are in it.
                    let left_out = data.quarantine.with_untracked(Vec::len);
                    if left_out > 0 {
                        text.push(' ');
                        text.push_str(&tc("data.export.left_out", left_out, &[]));
                        toasts.push(ToastKind::Info, text);
                    } else {
                        toasts.push(ToastKind::Success, text);
                    }
                }
                Err(f) => toasts.push(ToastKind::Error, failure_text(&f)),
            }
            exporting.set(false);
        });
    };

    let on_persist = move |_| {
        spawn_local(async move {
            let granted = backup::request_persistence().await;
            if granted {
                toasts.push(ToastKind::Success, tr("data.persist.granted"));
            } else {
                toasts.push(ToastKind::Info, tr("data.persist.refused"));
            }
            storage.set(backup::storage_estimate().await);
        })
    };

    view! {
        <section class="card form-grid" aria-labelledby="data-heading" id="data">
            <h2 id="data-heading">{tr_fn("data.title")}</h2>
            <ScrollArea label=Signal::derive(tr_fn("data.counts.caption"))>
                <table class="data-table">
                    <caption>{tr_fn("data.counts.caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr_fn("data.counts.kind")}</th>
                            <th scope="col" class="num">{tr_fn("data.counts.records")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            data.counts()
                                .into_iter()
                                .map(|(kind, n)| {
                                    view! {
                                        <tr>
                                            <th scope="row">{kind_label(kind)}</th>
                                            <td class="num">{format_number(locale(), n as i64)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </ScrollArea>
            <dl class="facts">
                <dt>{tr_fn("data.storage.used")}</dt>
                <dd>
                    {move || match storage.get() {
                        Some((used, quota, _)) => tw(
                            "data.storage.used_of",
                            &[("used", &megabytes(used)), ("quota", &megabytes(quota))],
                        ),
                        None => tr("data.storage.unknown"),
                    }}
                </dd>
                <dt>{tr_fn("data.persist.label")}</dt>
                <dd>
                    {move || match storage.get() {
                        Some((_, _, true)) => tr("data.persist.yes").into_any(),
                        _ => view! {
                            <span>{tr("data.persist.no")}</span>
                            " "
                            <button on:click=on_persist>{tr("data.persist.request")}</button>
                        }
                            .into_any(),
                    }}
                </dd>
                <dt>{tr_fn("data.backup.last")}</dt>
                <dd>
                    {move || match data.last_backup.get() {
                        Some(at) => local_time(at),
                        None => tr("data.backup.never"),
                    }}
                </dd>
            </dl>
            <div class="actions">
                <button
                    class="primary"
                    on:click=on_export
                    disabled=move || exporting.get() || data.status.get() != LoadStatus::Ready
                >
                    {move || if exporting.get() { tr("data.export.working") } else { tr("data.export.button") }}
                </button>
            </div>
            <p class="hint">{tr_fn("data.export.hint")}</p>
            <ImportSection/>
            <UndoSection/>
            <HealthSection/>
        </section>
    }
}

#[component]
fn ImportSection() -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let candidate = RwSignal::new(None::<ImportCandidate>);
    let error = RwSignal::new(None::<String>);
    let checking = RwSignal::new(false);
    let mode = RwSignal::new(ImportMode::Merge);
    let applying = RwSignal::new(false);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        candidate.set(None);
        error.set(None);
        checking.set(true);
        spawn_local(async move {
            // A file chosen while the records are still loading is checked once they are in
            // (the preview compares it with them), not refused as "store not open".
            while matches!(
                data.status.get_untracked(),
                LoadStatus::Loading | LoadStatus::Blocked
            ) {
                gloo_timers::future::TimeoutFuture::new(50).await;
            }
            match backup::check_file(file).await {
                Ok(c) => candidate.set(Some(c)),
                Err(f) => error.set(Some(failure_text(&f))),
            }
            checking.set(false);
        });
    };

    let reset = move || {
        candidate.set(None);
        if let Some(input) = input_ref.get_untracked() {
            input.set_value("");
        }
    };

    let on_apply = move |_| {
        let Some(c) = candidate.get_untracked() else {
            return;
        };
        applying.set(true);
        spawn_local(async move {
            match backup::apply_import(data, &c, mode.get_untracked()).await {
                Ok(_) => {
                    toasts.push(
                        ToastKind::Success,
                        tw("data.import.done", &[("file", &c.file_name)]),
                    );
                    reset();
                }
                Err(e) => error.set(Some(store_error_text(&e))),
            }
            applying.set(false);
        });
    };

    view! {
        <div class="subsection">
            <h3>{tr_fn("data.import.title")}</h3>
            <div class="field">
                <label for="import-file">{tr_fn("data.import.choose")}</label>
                <input
                    id="import-file"
                    type="file"
                    accept=".json,application/json"
                    node_ref=input_ref
                    on:change=on_file
                />
                <p class="hint">{tr_fn("data.import.hint")}</p>
            </div>
            <Show when=move || checking.get()>
                <p role="status">{tr_fn("data.import.checking")}</p>
            </Show>
            {move || error.get().map(|e| view! {
                <div class="notice notice-error" role="alert">
                    <strong>{tr("data.import.refused")}</strong>
                    " "
                    <span>{e}</span>
                </div>
            })}
            {move || candidate.get().map(|c| {
                let p = c.preview.clone();
                let kinds: Vec<_> = p.kinds.clone().into_iter().collect();
                let conflicts = p.conflicts.clone();
                view! {
                    <div class="preview" role="region" aria-label=tr("data.import.preview")>
                        <p>
                            {tw("data.import.file_info", &[
                                ("file", &c.file_name),
                                ("exported", &local_time(c.parsed.exported_at)),
                                ("version", &c.parsed.app_version),
                            ])}
                        </p>
                        <ScrollArea label=Signal::derive(tr_fn("layout.scroll.import_records"))>
                            <table class="data-table">
                                <caption>{tr("data.import.preview")}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{tr("data.counts.kind")}</th>
                                        <th scope="col" class="num">{tr("data.import.in_file")}</th>
                                        <th scope="col" class="num">{tr("data.import.new")}</th>
                                        <th scope="col" class="num">{tr("data.import.changed")}</th>
                                        <th scope="col" class="num">{tr("data.import.unchanged")}</th>
                                        <th scope="col" class="num">{tr("data.import.only_here")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {kinds.into_iter().map(|(kind, k)| view! {
                                        <tr>
                                            <th scope="row">{kind_label(&kind)}</th>
                                            <td class="num">{k.in_file}</td>
                                            <td class="num">{k.new}</td>
                                            <td class="num">{k.changed}</td>
                                            <td class="num">{k.unchanged}</td>
                                            <td class="num">{k.only_in_store}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </ScrollArea>
                        {settings_preview(p.settings.clone(), c.parsed.settings.is_some())}
                        {(!conflicts.is_empty()).then(|| view! {
                            <div class="notice notice-warning">
                                <p>{tc("data.import.conflicts", conflicts.len(), &[])}</p>
                                <ul>
                                    {conflicts.iter().take(20).map(|c| view! {
                                        <li>{format!("{} {}", kind_label(&c.kind), c.id)}</li>
                                    }).collect_view()}
                                </ul>
                            </div>
                        })}
                        <fieldset class="choice">
                            <legend>{tr("data.import.how")}</legend>
                            <label>
                                <input
                                    type="radio"
                                    name="import-mode"
                                    checked=move || mode.get() == ImportMode::Merge
                                    on:change=move |_| mode.set(ImportMode::Merge)
                                />
                                " " {tr("data.import.merge")}
                            </label>
                            <p class="hint">{tr("data.import.merge_hint")}</p>
                            <label>
                                <input
                                    type="radio"
                                    name="import-mode"
                                    checked=move || mode.get() == ImportMode::Replace
                                    on:change=move |_| mode.set(ImportMode::Replace)
                                />
                                " " {tr("data.import.replace")}
                            </label>
                            <p class="hint">{tr("data.import.replace_hint")}</p>
                        </fieldset>
                        <div class="actions">
                            <button class="primary" on:click=on_apply disabled=move || applying.get()>
                                {tr("data.import.apply")}
                            </button>
                            <button on:click=move |_| reset()>{tr("data.import.cancel")}</button>
                        </div>
                    </div>
                }
            })}
        </div>
    }
}

#[component]
fn UndoSection() -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let list = RwSignal::new(Vec::<SnapshotInfo>::new());
    // The snapshot whose "Undo import" waits for a confirmation; nothing happens before it.
    let asking = RwSignal::new(None::<uuid::Uuid>);
    let busy = RwSignal::new(false);
    Effect::new(move |_| {
        data.version.track();
        spawn_local(async move {
            if let Ok(l) = backup::snapshots().await {
                list.set(l);
            }
        });
    });
    let cancel = move || {
        asking.set(None);
        focus_later("undo-heading");
    };
    let confirm = move |id: uuid::Uuid| {
        busy.set(true);
        spawn_local(async move {
            match backup::undo(data, id).await {
                Ok(()) => toasts.push(ToastKind::Success, tr("data.undo.done")),
                Err(e) => crate::state::data::report_store_error(toasts, &e),
            }
            busy.set(false);
            asking.set(None);
        });
    };
    view! {
        <Show when=move || !list.with(Vec::is_empty)>
            <div class="subsection">
                <h3 id="undo-heading" tabindex="-1">{tr_fn("data.undo.title")}</h3>
                <ul class="plain-list">
                    {move || list.get().into_iter().map(|s| {
                        let id = s.id;
                        let label = s.label.clone();
                        let when = local_time(s.created_at);
                        let question = tw("backup_settings.undo.title", &[("file", &label)]);
                        let text = tw(
                            if s.settings.is_some() {
                                "backup_settings.undo.confirm"
                            } else {
                                "backup_settings.undo.confirm_records"
                            },
                            &[("file", &label), ("time", &when), ("counts", &snapshot_counts(&s))],
                        );
                        view! {
                            <li>
                                <span>{tw("data.undo.item", &[("file", &label), ("time", &when)])}</span>
                                " "
                                <button
                                    aria-expanded=move || if asking.get() == Some(id) { "true" } else { "false" }
                                    on:click=move |_| {
                                        asking.set(Some(id));
                                        focus_later("undo-cancel");
                                    }
                                >
                                    {tw("data.undo.button", &[("file", &s.label)])}
                                </button>
                                <Show when=move || asking.get() == Some(id)>
                                    <div
                                        class="notice notice-warning"
                                        role="alertdialog"
                                        aria-labelledby="undo-confirm-title"
                                        aria-describedby="undo-confirm-text"
                                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                            if ev.key() == "Escape" {
                                                ev.prevent_default();
                                                cancel();
                                            }
                                        }
                                    >
                                        <p id="undo-confirm-title"><strong>{question.clone()}</strong></p>
                                        <p id="undo-confirm-text">{text.clone()}</p>
                                        <div class="actions">
                                            <button
                                                class="danger"
                                                on:click=move |_| confirm(id)
                                                disabled=move || busy.get()
                                            >
                                                {move || if busy.get() {
                                                    tr("backup_settings.undo.working")
                                                } else {
                                                    tr("backup_settings.undo.yes")
                                                }}
                                            </button>
                                            <button id="undo-cancel" on:click=move |_| cancel()>
                                                {tr("backup_settings.undo.no")}
                                            </button>
                                        </div>
                                    </div>
                                </Show>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p class="hint">{tr_fn("data.undo.hint")}</p>
            </div>
        </Show>
    }
}
