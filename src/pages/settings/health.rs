//! Settings → Data → Data health: the records set aside in quarantine (stored, but not
//! readable by this version of the app), each of which can be fixed and restored, exported
//! alone, or discarded (after a confirmation, with undo). The actions live in
//! [`crate::state::health`]; this view only shows them.

use crate::i18n::format_datetime;
use crate::state::data::use_data;
use crate::state::health;
use crate::state::prefs::locale;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tr, tw, ToastKind};
use crate::store::backend::{export_quarantine, QuarantineEntry};
use crate::store::quarantine::editable_text;
use crate::ui::focus::focus_later;
use chrono::Local;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;

/// The element id of the section heading (focus returns there when an entry goes away).
const HEADING_ID: &str = "health-heading";

/// A kind's label ("Tasks"), or its name when this version does not know it.
fn kind_label(kind: &str) -> String {
    let key = format!("data.kind.{kind}");
    let label = tr(&key);
    if label == key {
        kind.to_string()
    } else {
        label
    }
}

/// An element id derived from the entry's store key (letters, digits and `-` only).
fn dom_id(entry: &QuarantineEntry, part: &str) -> String {
    let key: String = entry
        .store_key()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("q-{key}-{part}")
}

/// What one entry's controls show. Kept by the section, not the row, so a row redrawn in
/// another language keeps an open editor and what was typed in it.
#[derive(Clone, Copy)]
struct EntryUi {
    editing: RwSignal<bool>,
    draft: RwSignal<String>,
    error: RwSignal<Option<String>>,
    confirming: RwSignal<bool>,
    busy: RwSignal<bool>,
}

impl EntryUi {
    fn new(entry: &QuarantineEntry) -> Self {
        EntryUi {
            editing: RwSignal::new(false),
            draft: RwSignal::new(editable_text(&entry.raw)),
            error: RwSignal::new(None),
            confirming: RwSignal::new(false),
            busy: RwSignal::new(false),
        }
    }
}

#[component]
pub fn HealthSection() -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    // The rows' signals belong to the section, so they outlive a row drawn again.
    let owner = StoredValue::new(Owner::current().expect("a component has an owner"));
    let states = StoredValue::new(HashMap::<String, EntryUi>::new());
    let ui_of = move |entry: &QuarantineEntry| -> EntryUi {
        let key = entry.store_key();
        if let Some(ui) = states.with_value(|m| m.get(&key).copied()) {
            return ui;
        }
        let ui = owner.with_value(|o| o.with(|| EntryUi::new(entry)));
        states.update_value(|m| {
            m.insert(key, ui);
        });
        ui
    };
    let forget = move |entry: &QuarantineEntry| {
        states.update_value(|m| {
            m.remove(&entry.store_key());
        })
    };
    let on_export_all = move |_| {
        let text = export_quarantine(&data.quarantine.get_untracked());
        if let Err(e) = crate::state::backup::download_text(
            &text,
            "sixstep-data-health.json",
            "application/json",
        ) {
            let detail = e.as_string().unwrap_or_else(|| format!("{e:?}"));
            toasts.push(
                ToastKind::Error,
                tw("health.export_failed", &[("detail", &detail)]),
            );
        }
    };
    view! {
        <section class="subsection" aria-labelledby=HEADING_ID>
            <h3 id=HEADING_ID tabindex="-1">{tr_fn("data.health.title")}</h3>
            <Show
                when=move || !data.quarantine.with(Vec::is_empty)
                fallback=move || view! { <p>{tr("data.health.ok")}</p> }
            >
                <p>{move || crate::state::tc("data.health.count", data.quarantine.with(Vec::len), &[])}</p>
                <ul class="plain-list">
                    // Rows are drawn again when the language changes (their texts are read
                    // once); what they show is kept in `states`.
                    <For
                        each=move || {
                            let loc = locale().tag();
                            data.quarantine.get().into_iter().map(move |e| (loc, e)).collect::<Vec<_>>()
                        }
                        key=|(loc, e)| (*loc, e.store_key(), e.quarantined_at, e.raw.len())
                        let:item
                    >
                        {
                            let (_, entry) = item;
                            let ui = ui_of(&entry);
                            let on_gone = Callback::new(move |e: QuarantineEntry| forget(&e));
                            view! { <HealthEntry entry=entry ui=ui on_gone=on_gone/> }
                        }
                    </For>
                </ul>
                <div class="actions">
                    <button on:click=on_export_all>{tr_fn("data.health.export")}</button>
                </div>
            </Show>
        </section>
    }
}

/// One quarantined record: what is wrong, and what can be done with it.
#[component]
fn HealthEntry(
    entry: QuarantineEntry,
    ui: EntryUi,
    on_gone: Callback<QuarantineEntry>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let kind = kind_label(&entry.kind);
    let key = entry.key.clone();
    let args = [("kind", kind.as_str()), ("key", key.as_str())];
    let title_id = dom_id(&entry, "title");
    let editor_id = dom_id(&entry, "editor");
    let text_id = dom_id(&entry, "json");
    let hint_id = dom_id(&entry, "hint");
    let error_id = dom_id(&entry, "error");
    let confirm_title_id = dom_id(&entry, "confirm-title");
    let confirm_text_id = dom_id(&entry, "confirm-text");
    let keep_id = dom_id(&entry, "keep");
    let discard_id = dom_id(&entry, "discard");
    let since = format_datetime(
        locale(),
        entry.quarantined_at.with_timezone(&Local).naive_local(),
    );
    // Tall enough for the record, within reason.
    let rows = (editable_text(&entry.raw).lines().count() + 1).clamp(4, 20);
    let entry = StoredValue::new(entry);

    let toggle_editor = {
        let text_id = text_id.clone();
        move |_| {
            let open = !ui.editing.get_untracked();
            ui.editing.set(open);
            if open {
                ui.confirming.set(false);
                focus_later(text_id.clone());
            }
        }
    };
    let cancel_edit = move |_| {
        ui.editing.set(false);
        ui.error.set(None);
        ui.draft.set(entry.with_value(|e| editable_text(&e.raw)));
    };

    let on_restore = {
        let error_id = error_id.clone();
        move |_| {
            let e = entry.get_value();
            let text = ui.draft.get_untracked();
            let error_id = error_id.clone();
            ui.busy.set(true);
            ui.error.set(None);
            spawn_local(async move {
                match health::restore(data, &e, &text).await {
                    Ok(()) => {
                        toasts.push(
                            ToastKind::Success,
                            tw(
                                "health.restored",
                                &[("kind", &kind_label(&e.kind)), ("key", &e.key)],
                            ),
                        );
                        on_gone.run(e);
                        focus_later(HEADING_ID.to_string());
                    }
                    // Nothing changed: the form stays open with what was typed.
                    Err(err) => {
                        ui.error.set(Some(health::error_text(&err)));
                        focus_later(error_id);
                    }
                }
                ui.busy.set(false);
            });
        }
    };

    let on_export = move |_| {
        if let Err(detail) = entry.with_value(health::export_one) {
            toasts.push(
                ToastKind::Error,
                tw("health.export_failed", &[("detail", &detail)]),
            );
        }
    };

    let ask_discard = {
        let keep_id = keep_id.clone();
        move |_| {
            ui.editing.set(false);
            ui.confirming.set(true);
            focus_later(keep_id.clone());
        }
    };
    let keep = {
        let discard_id = discard_id.clone();
        move || {
            ui.confirming.set(false);
            focus_later(discard_id.clone());
        }
    };
    let do_discard = move |_| {
        let e = entry.get_value();
        ui.busy.set(true);
        spawn_local(async move {
            match health::discard(data, &e).await {
                Ok(()) => {
                    let (kind, key) = (kind_label(&e.kind), e.key.clone());
                    on_gone.run(e.clone());
                    focus_later(HEADING_ID.to_string());
                    toasts.push_with_action(
                        ToastKind::Success,
                        tw("health.discarded", &[("kind", &kind), ("key", &key)]),
                        tr("health.undo"),
                        move || {
                            let e = e.clone();
                            spawn_local(async move {
                                match health::undo_discard(data, &e).await {
                                    Ok(()) => toasts.push(
                                        ToastKind::Success,
                                        tw(
                                            "health.undone",
                                            &[("kind", &kind_label(&e.kind)), ("key", &e.key)],
                                        ),
                                    ),
                                    Err(err) => {
                                        toasts.push(ToastKind::Error, health::error_text(&err))
                                    }
                                }
                            });
                        },
                    );
                }
                Err(err) => {
                    ui.confirming.set(false);
                    toasts.push(ToastKind::Error, health::error_text(&err));
                }
            }
            ui.busy.set(false);
        });
    };

    let problem = entry.with_value(|e| {
        crate::i18n::render(
            crate::state::prefs::locale(),
            &crate::store::quarantine::problem(
                &crate::store::registry::app_kinds(),
                e,
                chrono::Utc::now(),
            ),
        )
    });
    let confirm_text = tw("health.discard.confirm", &args);
    let keep_on_escape = keep.clone();
    view! {
        <li>
            <div class="notice" role="group" aria-labelledby=title_id.clone()>
                <h4 id=title_id.clone()>{tw("health.entry.title", &args)}</h4>
                <p>{problem}</p>
                <p class="hint">{tw("health.entry.since", &[("time", &since)])}</p>
                <div class="actions">
                    <button
                        aria-expanded=move || if ui.editing.get() { "true" } else { "false" }
                        aria-controls=editor_id.clone()
                        on:click=toggle_editor
                    >
                        {tr("health.fix.toggle")}
                    </button>
                    <button on:click=on_export>{tr("health.export_one")}</button>
                    <button id=discard_id.clone() class="danger" on:click=ask_discard disabled=move || ui.busy.get()>
                        {tr("health.discard")}
                    </button>
                </div>
                <div id=editor_id.clone() class="form-grid" hidden=move || !ui.editing.get()>
                    <div class="field">
                        <label for=text_id.clone()>{tr("health.fix.label")}</label>
                        <textarea
                            id=text_id.clone()
                            rows=rows
                            spellcheck="false"
                            autocomplete="off"
                            autocapitalize="off"
                            aria-describedby=hint_id.clone()
                            aria-invalid=move || ui.error.get().is_some().then_some("true")
                            prop:value=move || ui.draft.get()
                            on:input=move |ev| ui.draft.set(event_target_value(&ev))
                        ></textarea>
                        <p class="hint" id=hint_id.clone()>{tw("health.fix.hint", &[("key", &key)])}</p>
                    </div>
                    {move || ui.error.get().map(|e| view! {
                        <div class="notice notice-error" role="alert" id=error_id.clone() tabindex="-1">
                            <strong>{tr("health.fix.refused")}</strong>
                            " "
                            <span>{e}</span>
                        </div>
                    })}
                    <div class="actions">
                        <button class="primary" on:click=on_restore disabled=move || ui.busy.get()>
                            {move || if ui.busy.get() { tr("health.fix.working") } else { tr("health.fix.restore") }}
                        </button>
                        <button on:click=cancel_edit>{tr("health.fix.cancel")}</button>
                    </div>
                </div>
                <Show when=move || ui.confirming.get()>
                    <div
                        class="notice notice-warning"
                        role="alertdialog"
                        aria-labelledby=confirm_title_id.clone()
                        aria-describedby=confirm_text_id.clone()
                        on:keydown={
                            let keep = keep_on_escape.clone();
                            move |ev: leptos::ev::KeyboardEvent| {
                                if ev.key() == "Escape" {
                                    ev.prevent_default();
                                    keep();
                                }
                            }
                        }
                    >
                        <p id=confirm_title_id.clone()><strong>{tr("health.discard.title")}</strong></p>
                        <p id=confirm_text_id.clone()>{confirm_text.clone()}</p>
                        <div class="actions">
                            <button class="danger" on:click=do_discard disabled=move || ui.busy.get()>
                                {tr("health.discard.yes")}
                            </button>
                            <button id=keep_id.clone() on:click={
                                let keep = keep.clone();
                                move |_| keep()
                            }>
                                {tr("health.discard.no")}
                            </button>
                        </div>
                    </div>
                </Show>
            </div>
        </li>
    }
}
