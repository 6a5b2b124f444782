//! A simple sale: buying signals, closing prompts, upsell suggestions.
//!
//! The signals are logged with their kind and day and removed with an Undo; the rep picks
//! one of the four closing prompts and reads its script, filled from the deal's needs and
//! its proposal; the upsell list names, for each related product, the need it answers.

use super::agreement::saved;
use super::*;
use crate::domain::negotiation::closing::{
    self, ClosingError, Prompt, PromptKind, Script, SignalKind,
};
use crate::state::actions::negotiation::{self as actions, closing as act};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tc, ToastKind};
use crate::ui::fmt;
use crate::ui::form::{select_options, SelectField, TextField};

fn iso(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A prompt's script in words.
fn script_text(p: &Prompt) -> String {
    let v = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    match &p.script {
        Script::Direct {
            need,
            version,
            total,
        } => {
            let total = total.as_ref().map(fmt::money).unwrap_or_default();
            let need = need.clone().unwrap_or_default();
            let key = match (need.is_empty(), version.is_some()) {
                (false, true) => "negotiation.closing.script.direct",
                (false, false) => "negotiation.closing.script.direct_no_proposal",
                (true, true) => "negotiation.closing.script.direct_no_need",
                (true, false) => "negotiation.closing.script.direct_bare",
            };
            tw(
                key,
                &[
                    ("need", &need),
                    ("version", &v(*version)),
                    ("total", &total),
                ],
            )
        }
        Script::Choice { a, b } => tw("negotiation.closing.script.choice", &[("a", a), ("b", b)]),
        Script::NoChoice => tr("negotiation.closing.script.no_choice"),
        Script::LimitedTime {
            version,
            until,
            lapsed,
        } => tw(
            if *lapsed {
                "negotiation.closing.script.lapsed"
            } else {
                "negotiation.closing.script.limited_time"
            },
            &[
                ("version", &version.to_string()),
                ("date", &fmt::date(*until)),
            ],
        ),
        Script::NoDeadline { version } => match version {
            Some(n) => tw(
                "negotiation.closing.script.no_deadline",
                &[("version", &n.to_string())],
            ),
            None => tr("negotiation.closing.script.no_proposal"),
        },
        Script::Benefits { version, needs } => tw(
            "negotiation.closing.script.benefits",
            &[
                ("version", &version.to_string()),
                ("needs", &needs.join("; ")),
            ],
        ),
        Script::NoBenefits { version } => match version {
            Some(n) => tw(
                "negotiation.closing.script.no_benefits",
                &[("version", &n.to_string())],
            ),
            None => tr("negotiation.closing.script.no_proposal"),
        },
    }
}

fn error_text(e: ClosingError) -> String {
    tr(e.key())
}

#[component]
pub(super) fn ClosingAids(deal_id: Id, deal: DealSig) -> impl IntoView {
    view! {
        <section class="card closing-aids" aria-labelledby="closing-heading">
            <h2 id="closing-heading">{tr_fn("negotiation.closing.title")}</h2>
            <p class="hint">{tr_fn("negotiation.closing.intro")}</p>
            <Signals deal_id=deal_id/>
            <Prompts deal_id=deal_id deal=deal/>
            <UpsellList deal_id=deal_id deal=deal/>
        </section>
    }
}

#[component]
fn Signals(deal_id: Id) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let kind = RwSignal::new(SignalKind::Price.code().to_string());
    let text = RwSignal::new(String::new());
    let on = RwSignal::new(iso(fmt::today()));
    let errors = RwSignal::new(Vec::<ClosingError>::new());
    let err = move |field: &'static str| {
        Signal::derive(move || {
            errors.with(|v| {
                v.iter()
                    .find(|e| e.field() == field)
                    .map(|e| error_text(*e))
            })
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let k = SignalKind::from_code(&kind.get_untracked()).unwrap_or(SignalKind::Other);
        match act::add_signal(data, deal_id, k, &text.get_untracked(), &on.get_untracked()) {
            Ok(Some(save)) => {
                errors.set(Vec::new());
                saved(toasts, save, move |_| {
                    toasts.push(ToastKind::Success, tr("negotiation.closing.signal_logged"));
                    text.set(String::new());
                    on.set(iso(fmt::today()));
                });
            }
            Ok(None) => {}
            Err(errs) => errors.set(errs),
        }
    };
    let remove = move |signal_id: Id| match act::remove_signal(data, deal_id, signal_id) {
        Ok(Some((save, (at, s)))) => saved(toasts, save, move |_| {
            toasts.push_with_action(
                ToastKind::Success,
                tw("negotiation.closing.signal_removed", &[("signal", &s.text)]),
                tr("negotiation.closing.undo"),
                move || {
                    if let Some(save) = act::restore_signal(data, deal_id, at, s.clone()) {
                        saved(toasts, save, |_| ());
                    }
                },
            );
        }),
        Ok(None) => {}
        Err(e) => toasts.push(ToastKind::Error, error_text(e)),
    };
    let list = move || {
        actions::of_deal(data, deal_id)
            .map(|n| {
                closing::signals_by_date(&n.closing)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let kinds = select_options(SignalKind::ALL, SignalKind::code, SignalKind::key);
    view! {
        <section class="subsection" aria-labelledby="signals-heading">
            <h3 id="signals-heading">{tr_fn("negotiation.closing.signals")}</h3>
            <p class="hint">{tr_fn("negotiation.closing.signals_hint")}</p>
            {move || {
                let l = list();
                if l.is_empty() {
                    return view! { <p class="hint">{tr("negotiation.closing.no_signals")}</p> }.into_any();
                }
                view! {
                    <ul class="plain-list signal-list" aria-label=tr("negotiation.closing.signals")>
                        {l.into_iter().map(|s| {
                            let id = s.id;
                            let label = tw("negotiation.closing.remove_signal", &[("signal", &s.text)]);
                            view! {
                                <li class="signal">
                                    <span class="badge">{tr(s.kind.key())}</span>
                                    <span class="signal-text">{s.text.clone()}</span>
                                    <span class="hint">{fmt::date(s.on)}</span>
                                    <button type="button" class="danger" aria-label=label on:click=move |_| remove(id)>
                                        {tr("negotiation.closing.remove_short")}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form class="form-grid signal-form" on:submit=submit novalidate=true aria-label=tr_fn("negotiation.closing.log_signal")>
                <SelectField
                    id="signal-kind"
                    label=Signal::derive(tr_fn("negotiation.closing.field.kind"))
                    value=kind
                    options=Signal::derive(kinds)
                />
                <TextField
                    id="signal-text"
                    label=Signal::derive(tr_fn("negotiation.closing.field.text"))
                    value=text
                    required=true
                    error=err("text")
                />
                <TextField
                    id="signal-on"
                    label=Signal::derive(tr_fn("negotiation.closing.field.on"))
                    value=on
                    input_type="date"
                    required=true
                    error=err("on")
                />
                <div class="actions">
                    <button type="submit" class="primary">{tr_fn("negotiation.closing.log_signal")}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn Prompts(deal_id: Id, deal: DealSig) -> impl IntoView {
    let data = use_data();
    let picked = RwSignal::new(PromptKind::Direct.code().to_string());
    let prompts = Memo::new(move |_| deal.with(|d| d.as_ref().map(|d| act::prompts(data, d))));
    let basis = move || act::basis_version(data, deal_id);
    let script = move || {
        prompts.with(|p| {
            let list = p.as_ref()?;
            let kind = PromptKind::ALL
                .iter()
                .find(|k| k.code() == picked.get())
                .copied()
                .unwrap_or(PromptKind::Direct);
            list.iter()
                .find(|p| p.kind == kind)
                .map(|p| (tr(kind.key()), script_text(p)))
        })
    };
    view! {
        <section class="subsection" aria-labelledby="prompts-heading">
            <h3 id="prompts-heading">{tr_fn("negotiation.closing.prompts")}</h3>
            <p class="hint">
                {move || match basis() {
                    Some(v) => tw("negotiation.closing.prompts_from", &[("version", &v.to_string())]),
                    None => tr("negotiation.closing.prompts_no_proposal"),
                }}
            </p>
            <fieldset class="prompt-choice">
                <legend>{tr_fn("negotiation.closing.pick_prompt")}</legend>
                {PromptKind::ALL.iter().map(|k| {
                    let code = k.code();
                    let id = format!("prompt-{code}");
                    let for_id = id.clone();
                    view! {
                        <label class="radio" for=for_id>
                            <input
                                type="radio"
                                id=id
                                name="closing-prompt"
                                value=code
                                prop:checked=move || picked.get() == code
                                on:change=move |_| picked.set(code.to_string())
                            />
                            {tr_fn(k.key())}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            {move || script().map(|(title, text)| view! {
                <blockquote class="prompt-script" aria-label=tw("negotiation.closing.script_of", &[("prompt", &title)])>
                    <p>{text}</p>
                </blockquote>
            })}
        </section>
    }
}

#[component]
fn UpsellList(deal_id: Id, deal: DealSig) -> impl IntoView {
    let data = use_data();
    let list = Memo::new(move |_| {
        deal.with(|d| d.as_ref().map(|d| act::upsell(data, d)).unwrap_or_default())
    });
    let _ = deal_id;
    view! {
        <section class="subsection" aria-labelledby="upsell-heading">
            <h3 id="upsell-heading">{tr_fn("negotiation.closing.upsell")}</h3>
            <p class="hint">{tr_fn("negotiation.closing.upsell_hint")}</p>
            {move || {
                let l = list.get();
                if l.is_empty() {
                    return view! { <p class="hint">{tr("negotiation.closing.no_upsell")}</p> }.into_any();
                }
                view! {
                    <ul class="plain-list upsell-list" aria-label=tr("negotiation.closing.upsell")>
                        {l.into_iter().map(|u| view! {
                            <li>
                                <a href=href(&format!("/catalogue/{}", u.product_id))>{u.product.clone()}</a>
                                <span class="hint">
                                    {tw("negotiation.closing.upsell_line", &[("need", &u.need), ("product", &u.related_to)])}
                                </span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// This part's line in the deal page's step-5 section: "3 buying signals, the last on
/// 2 Dec", or nothing logged yet.
#[component]
pub(super) fn Summary(deal_id: Id, deal: DealSig) -> impl IntoView {
    let data = use_data();
    let _ = deal;
    let line = move || match actions::of_deal(data, deal_id)
        .and_then(|n| closing::signal_summary(&n.closing))
    {
        Some((count, last)) => tc(
            "negotiation.closing.summary",
            count,
            &[("date", &fmt::date(last))],
        ),
        None => tr("negotiation.closing.summary_none"),
    };
    view! { <p class="negotiation-summary">{line}</p> }
}
