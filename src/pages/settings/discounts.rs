//! Settings → the cumulative-discount rule: tiers of spend (whole units of the account's
//! currency) and the discount each earns; the quotation proposes the discount to an account
//! whose purchases reach a tier.

use crate::domain::purchase::DiscountTier;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{settings, tr, tw, ToastKind};
use crate::store::settings::{check, Setting};
use crate::ui::form::TextField;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One tier row as typed.
#[derive(Clone, Copy)]
struct Row {
    key: usize,
    from: RwSignal<String>,
    percent: RwSignal<String>,
}

fn row(key: usize, t: Option<DiscountTier>) -> Row {
    Row {
        key,
        from: RwSignal::new(t.map(|t| t.from_units.to_string()).unwrap_or_default()),
        percent: RwSignal::new(
            t.map(|t| crate::domain::pipeline::bp_to_percent_text(t.bp))
                .unwrap_or_default(),
        ),
    }
}

#[component]
pub fn DiscountSettings() -> impl IntoView {
    let toasts = use_toasts();
    let rows = RwSignal::new(Vec::<Row>::new());
    let next = StoredValue::new(0usize);
    let error = RwSignal::new(None::<String>);
    let new_row = move |t: Option<DiscountTier>| {
        let k = next.get_value();
        next.set_value(k + 1);
        row(k, t)
    };
    // The rows show the stored rule, and follow it when it changes (an import, another tab).
    Effect::new(move |_| {
        let tiers = settings::cumulative_discount();
        rows.set(tiers.into_iter().map(|t| new_row(Some(t))).collect());
        error.set(None);
    });
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut tiers = Vec::new();
        for (i, r) in rows.get_untracked().iter().enumerate() {
            let from_typed = r.from.get_untracked();
            let pct_typed = r.percent.get_untracked();
            if from_typed.trim().is_empty() && pct_typed.trim().is_empty() {
                continue;
            }
            let from = from_typed
                .trim()
                .replace([',', '.', ' ', '\u{a0}'], "")
                .parse::<u64>()
                .ok();
            let bp = crate::domain::pipeline::parse_percent_bp(&pct_typed);
            match (from, bp) {
                (Some(from_units), Some(bp)) => tiers.push(DiscountTier { from_units, bp }),
                _ => {
                    error.set(Some(tw(
                        "purchases.settings.row_invalid",
                        &[("tier", &(i + 1).to_string())],
                    )));
                    return;
                }
            }
        }
        let setting = Setting::DiscountTiers(tiers);
        if let Err(e) = check(&setting) {
            error.set(Some(crate::i18n::render(
                crate::state::prefs::locale(),
                &e.reason,
            )));
            return;
        }
        error.set(None);
        spawn_local(async move {
            match settings::save(vec![setting]).await {
                Ok(()) => toasts.push(ToastKind::Success, tr("form.saved")),
                Err(e) => crate::state::data::report_store_error(toasts, &e),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="discount-settings-heading" id="discount-settings">
            <h2 id="discount-settings-heading">{tr_fn("purchases.settings.title")}</h2>
            <p class="hint">{tr_fn("purchases.settings.intro")}</p>
            <form class="form-grid" on:submit=on_save novalidate=true>
                {move || {
                    let list = rows.get();
                    if list.is_empty() {
                        return view! { <p>{tr("purchases.settings.none")}</p> }.into_any();
                    }
                    list.into_iter()
                        .enumerate()
                        .map(|(i, r)| {
                            let n = (i + 1).to_string();
                            let n2 = n.clone();
                            let n3 = n.clone();
                            let key = r.key;
                            view! {
                                <fieldset class="tier-row">
                                    <legend>{tw("purchases.settings.tier", &[("tier", &n)])}</legend>
                                    <TextField
                                        id=format!("tier-from-{key}")
                                        label=Signal::derive(move || tw("purchases.settings.from", &[("tier", &n2)]))
                                        value=r.from
                                    />
                                    <TextField
                                        id=format!("tier-percent-{key}")
                                        label=Signal::derive(move || tw("purchases.settings.percent", &[("tier", &n3)]))
                                        value=r.percent
                                    />
                                    <div class="actions">
                                        <button
                                            type="button"
                                            aria-label=tw("purchases.settings.remove_named", &[("tier", &n)])
                                            on:click=move |_| rows.update(|v| v.retain(|x| x.key != key))
                                        >
                                            {tr("purchases.settings.remove")}
                                        </button>
                                    </div>
                                </fieldset>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                <div class="actions">
                    <button type="button" on:click=move |_| rows.update(|v| v.push(new_row(None)))>
                        {tr_fn("purchases.settings.add")}
                    </button>
                    <button type="submit" class="primary">{tr_fn("purchases.settings.save")}</button>
                </div>
            </form>
        </section>
    }
}
