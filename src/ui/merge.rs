//! The merge picker's options (likely duplicates first, marked) and the preview shown
//! before a merge is confirmed. The plan itself comes from `domain::merge`.

use crate::domain::dedupe::MatchReason;
use crate::domain::merge::{Candidate, DroppedShown, LinkCount};
use crate::state::{tc, tr, tw};
use leptos::prelude::*;

fn reason_text(r: MatchReason) -> String {
    tr(match r {
        MatchReason::Name => "merge.reason.name",
        MatchReason::Email => "merge.reason.email",
        MatchReason::Phone => "merge.reason.phone",
    })
}

/// Whether the `<details>` a `toggle` event comes from is now open. The merge panels (and
/// the person page's "Move to another account", a picker of the same kind) list their
/// records only while open: a closed panel does not rank every other record (and render
/// thousands of options) on each page visit and each save.
pub fn details_open(ev: &leptos::ev::Event) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
}

/// An option's text: the record's label, and why it looks like a duplicate when it does.
pub fn option_text(c: &Candidate, label: &str) -> String {
    if c.is_likely_duplicate() {
        let reasons: Vec<String> = c.reasons.iter().map(|r| reason_text(*r)).collect();
        format!(
            "{label} · {}",
            tw("merge.likely", &[("reasons", &reasons.join(", "))])
        )
    } else {
        label.to_string()
    }
}

/// The picker's options: likely duplicates in their own group first, then `rest_key`'s group.
pub fn picker_options(
    candidates: Vec<(Candidate, String)>,
    rest_key: &'static str,
) -> impl IntoView {
    let (likely, rest): (Vec<_>, Vec<_>) = candidates
        .into_iter()
        .partition(|(c, _)| c.is_likely_duplicate());
    let group = |label: String, items: Vec<(Candidate, String)>| {
        (!items.is_empty()).then(|| {
            view! {
                <optgroup label=label>
                    {items.into_iter().map(|(c, name)| view! {
                        <option value=c.id.to_string()>{option_text(&c, &name)}</option>
                    }).collect_view()}
                </optgroup>
            }
        })
    };
    view! {
        {group(tr("merge.picker.likely"), likely)}
        {group(tr(rest_key), rest)}
    }
}

/// What a merge will do, with the buttons that confirm or cancel it. Nothing is written
/// until `on_confirm`.
#[component]
pub fn MergePreview(
    keep: String,
    gone: String,
    gained: Vec<&'static str>,
    dropped: Vec<DroppedShown>,
    counts: Vec<(LinkCount, usize)>,
    busy: RwSignal<bool>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let names = [("keep", keep.as_str()), ("gone", gone.as_str())];
    view! {
        <div class="notice notice-warning merge-preview" role="region" aria-label=tr("merge.preview.title")>
            <h3>{tr("merge.preview.title")}</h3>
            <p>{tw("merge.preview.summary", &names)}</p>
            <h4>{tw("merge.preview.gains", &names)}</h4>
            {if gained.is_empty() {
                view! { <p class="hint">{tw("merge.preview.gains_none", &names)}</p> }.into_any()
            } else {
                view! { <ul>{gained.into_iter().map(|k| view! { <li>{tr(k)}</li> }).collect_view()}</ul> }.into_any()
            }}
            {(!dropped.is_empty()).then(|| view! {
                <h4>{tr("merge.preview.dropped")}</h4>
                <ul>{dropped.into_iter().map(|d| {
                    let value = if d.value_is_key { tr(&d.value) } else { d.value };
                    view! { <li class="pre-line">{tw("merge.preview.dropped_item", &[("field", &tr(d.field_key)), ("value", &value)])}</li> }
                }).collect_view()}</ul>
            })}
            <h4>{tw("merge.preview.moves", &names)}</h4>
            {if counts.is_empty() {
                view! { <p class="hint">{tw("merge.preview.moves_none", &names)}</p> }.into_any()
            } else {
                view! { <ul>{counts.into_iter().map(|(k, n)| view! {
                    <li>{tc(k.key(), n, &[])}</li>
                }).collect_view()}</ul> }.into_any()
            }}
            <p class="hint">{tr("merge.preview.undo_hint")}</p>
            <div class="actions">
                <button class="danger" disabled=move || busy.get() on:click=move |_| on_confirm.run(())>{tr("merge.confirm")}</button>
                <button on:click=move |_| on_cancel.run(())>{tr("merge.cancel")}</button>
            </div>
        </div>
    }
}
