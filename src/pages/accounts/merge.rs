//! Merging a duplicate account into this one: candidates, preview, merge and undo.

use crate::domain::account::Account;
use crate::domain::ids::Id;
use crate::state::data::use_data;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::tw;
use leptos::prelude::*;

/// Merge another account into this one: its people, deals, notes and activities move here,
/// after a preview and a confirmation; the toast offers Undo.
#[component]
pub(super) fn MergeAccount(account_id: Id) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let other = RwSignal::new(String::new());
    let plan = RwSignal::new(None::<crate::domain::merge::MergePlan<Account>>);
    let busy = RwSignal::new(false);
    let open = RwSignal::new(false);
    let options = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        data.accounts.with_all(|m| {
            let Some(keep) = m.get(&account_id) else {
                return Vec::new();
            };
            crate::domain::merge::account_candidates(keep, m.values())
                .into_iter()
                .filter_map(|c| Some((c.clone(), m.get(&c.id)?.name.clone())))
                .collect::<Vec<_>>()
        })
    });
    let preview = move |_| {
        let Ok(gone) = other.get_untracked().parse::<Id>() else {
            return;
        };
        plan.set(crate::state::actions::merge::preview_accounts(
            &data, account_id, gone,
        ));
    };
    let confirm = Callback::new(move |_| {
        let Some(p) = plan.get_untracked() else {
            return;
        };
        let names = (p.merged.name.clone(), p.gone.name.clone());
        let text = tw("account.merged", &[("name", &p.gone.name)]);
        crate::state::actions::merge::merge(data, toasts, &p, text, names, busy, move || {
            plan.set(None);
            other.set(String::new());
        });
    });
    let cancel = Callback::new(move |_| plan.set(None));
    view! {
        <details class="card no-print" on:toggle=move |ev| open.set(crate::ui::merge::details_open(&ev))>
            <summary>{tr_fn("account.merge.title")}</summary>
            <p class="hint">{tr_fn("account.merge.hint")}</p>
            <div class="field">
                <label for="merge-account">{tr_fn("account.merge.other")}</label>
                <select id="merge-account" on:change=move |ev| { other.set(event_target_value(&ev)); plan.set(None); } prop:value=move || other.get()>
                    <option value="">{tr_fn("form.none")}</option>
                    {move || crate::ui::merge::picker_options(options.get(), "merge.picker.rest_accounts")}
                </select>
            </div>
            <Show when=move || plan.with(Option::is_none)>
                <button on:click=preview disabled=move || other.get().is_empty()>{tr_fn("merge.preview_button")}</button>
            </Show>
            {move || plan.get().map(|p| view! {
                <crate::ui::merge::MergePreview keep=p.merged.name.clone() gone=p.gone.name.clone() gained=p.gained
                    dropped=p.dropped counts=p.counts busy=busy on_confirm=confirm on_cancel=cancel/>
            })}
        </details>
    }
}
