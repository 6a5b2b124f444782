//! The rounds and the concession ledger, with its chart: the form logging a round (or
//! editing the last one) with the method's checks shown as the rep types, the ledger table
//! with each row's flags, and the chart of the positions per issue
//! (`super::chart::LedgerChart`). The deal page's summary line (`Summary`).

use super::*;
use crate::domain::money::{Currency, Money};
use crate::domain::negotiation::ledger::{self, label, Flags, RoundDraft, ShrinkWarning, Slot};
use crate::domain::negotiation::{Issue, Negotiation, Position, Round, Side};
use crate::domain::training::GuidePage;
use crate::state::actions::negotiation::{self as actions, ledger as ledger_actions, Save};
use crate::state::actions::proposals;
use crate::state::toasts::{use_toasts, Toasts};
use crate::state::tr_fn;
use crate::state::{tc, ToastKind};
use crate::ui::ask_first::{ask_first, Ask};
use crate::ui::fmt;
use crate::ui::form::{field_error_text, FormErrors, SelectField, TextArea, TextField};
use crate::ui::scroll_area::ScrollArea;
use crate::ui::why::WhyLink;

/// The issue's name: its label, or its kind's name.
pub(super) fn issue_name(i: &Issue) -> String {
    if i.label.trim().is_empty() {
        tr(i.kind.key())
    } else {
        i.label.trim().to_string()
    }
}

/// The name of issue `id` of `n` ("—" when it is gone).
pub(super) fn issue_name_of(n: &Negotiation, id: crate::domain::ids::Id) -> String {
    n.issue(id)
        .map(issue_name)
        .unwrap_or_else(|| tr("negotiation_ledger.issue_gone"))
}

pub(super) use super::plan::number_text as position_text;

/// A position with the issue's unit ("45 days"), as money in the negotiation's `currency`
/// when that is its unit (`plan::position_text`).
pub(super) fn with_unit(p: Position, issue: Option<&Issue>, currency: &Currency) -> String {
    super::plan::position_text(p, issue.map_or("", |i| i.unit.as_str()), currency)
}

pub(super) fn money_text(minor: i64, currency: &Currency) -> String {
    fmt::money(&Money::new(minor, currency.clone()))
}

/// A concession's figures in words: "15 days, €3,000.00" (no money part without a value;
/// a price issue's step that is its value already is written once, as money).
fn figures_text(n: &Negotiation, f: &ledger::Figures) -> String {
    let issue = n.issue(f.issue_id);
    let in_currency = issue.is_some_and(|i| i.unit.trim().eq_ignore_ascii_case(n.currency.code()));
    match f.value {
        Some(v) if in_currency && f.step.in_minor_units(n.currency.exponent()) == Some(v) => {
            money_text(v, &n.currency)
        }
        Some(v) => format!(
            "{}, {}",
            with_unit(f.step, issue, &n.currency),
            money_text(v, &n.currency)
        ),
        None => with_unit(f.step, issue, &n.currency),
    }
}

/// The warning of a concession that is not smaller than the one before, with the figures.
fn shrink_text(n: &Negotiation, w: &ShrinkWarning) -> String {
    tw(
        "negotiation_ledger.warn.not_smaller",
        &[
            ("this", &figures_text(n, &w.this)),
            ("issue", &issue_name_of(n, w.previous.issue_id)),
            ("previous", &figures_text(n, &w.previous)),
        ],
    )
}

/// Commits a save; `ok` runs once it is stored, a store error is shown in a toast.
pub(super) fn run_save(toasts: Toasts, save: Save, ok: impl FnOnce() + 'static) {
    crate::state::data::spawn_save(toasts, save, move |_| ok());
}

/// Today as a date input's value.
pub(super) fn today_input() -> String {
    fmt::today().format("%Y-%m-%d").to_string()
}

/// The issues of the plan as select options.
pub(super) fn issue_options(n: Memo<Option<Negotiation>>) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        n.with(|n| {
            n.as_ref()
                .map(|n| {
                    n.plan
                        .issues
                        .iter()
                        .map(|i| (i.id.to_string(), issue_name(i)))
                        .collect()
                })
                .unwrap_or_default()
        })
    })
}

#[component]
pub(super) fn LedgerSection(deal_id: Id) -> impl IntoView {
    let data = use_data();
    let n = Memo::new(move |_| actions::of_deal(data, deal_id));
    let has_issues = move || n.with(|n| n.as_ref().is_some_and(|n| !n.plan.issues.is_empty()));
    let editing = RwSignal::new(None::<Id>);
    view! {
        <section class="card ledger" aria-labelledby="ledger-heading">
            <h2 id="ledger-heading">{tr_fn("negotiation.ledger.title")}</h2>
            <WhyLink page=GuidePage::Negotiation/>
            <p class="hint">{tr_fn("negotiation_ledger.intro")}</p>
            <Show
                when=has_issues
                fallback=|| view! { <p class="notice">{tr("negotiation_ledger.no_issues")}</p> }
            >
                <LedgerTable deal_id=deal_id n=n editing=editing/>
                <RoundForm deal_id=deal_id n=n editing=editing/>
                <super::chart::LedgerChart n=n/>
            </Show>
        </section>
    }
}

/// The flags of a row, in words.
fn flag_texts(n: &Negotiation, r: &Round, f: &Flags) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    if let Some(w) = &f.not_smaller {
        out.push((
            tw(
                "negotiation_ledger.flag.not_smaller",
                &[
                    ("this", &figures_text(n, &w.this)),
                    ("issue", &issue_name_of(n, w.previous.issue_id)),
                    ("previous", &figures_text(n, &w.previous)),
                ],
            ),
            "warning",
        ));
    }
    if f.nothing_in_return {
        out.push((tr("negotiation_ledger.flag.nothing_in_return"), "warning"));
    }
    if f.past_bottom {
        out.push((
            tw(
                "negotiation_ledger.flag.past_bottom",
                &[("reason", &r.override_reason)],
            ),
            "danger",
        ));
    }
    if f.retraction {
        out.push((tr("negotiation_ledger.flag.retraction"), ""));
    }
    out
}

/// The ledger: one row per round, newest last.
/// The ledger's columns after the round's number: catalogue key and class.
const COLUMNS: [(&str, &str); 8] = [
    (label::ON, ""),
    ("negotiation_ledger.col.side", ""),
    (label::ISSUE, ""),
    ("negotiation_ledger.col.move", ""),
    ("negotiation_ledger.col.step", "num"),
    (label::VALUE, "num"),
    ("negotiation_ledger.col.in_return", ""),
    ("negotiation_ledger.col.version", ""),
];

#[component]
fn LedgerTable(
    deal_id: Id,
    n: Memo<Option<Negotiation>>,
    editing: RwSignal<Option<Id>>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let remove = move |round_id: Id, number: usize| match ledger_actions::remove_round(
        data, deal_id, round_id,
    ) {
        Ok(Some((save, at, round))) => {
            if editing.get_untracked() == Some(round_id) {
                editing.set(None);
            }
            run_save(toasts, save, move || {
                toasts.push_with_action(
                    ToastKind::Success,
                    tw("negotiation_ledger.deleted", &[("n", &number.to_string())]),
                    tr("negotiation_ledger.undo"),
                    move || {
                        if let Ok(Some(save)) =
                            ledger_actions::restore_round(data, deal_id, at, round.clone())
                        {
                            run_save(toasts, save, || {});
                        }
                    },
                );
            });
        }
        Ok(None) => {}
        Err(p) => toasts.push(ToastKind::Error, field_error_text(&p)),
    };
    let rows = move || {
        n.with(|n| {
            let Some(n) = n.as_ref() else {
                return Vec::new();
            };
            let flags = ledger::ledger_flags(n);
            let last = n.rounds.len();
            n.rounds
                .iter()
                .zip(flags)
                .enumerate()
                .map(|(i, (r, f))| {
                    let issue = n.issue(r.issue_id);
                    let value = ledger::round_value(n, r)
                        .map(|v| money_text(v, &n.currency))
                        .unwrap_or_default();
                    (
                        i + 1,
                        r.clone(),
                        issue_name_of(n, r.issue_id),
                        format!(
                            "{} → {}",
                            with_unit(r.from, issue, &n.currency),
                            with_unit(r.to, issue, &n.currency)
                        ),
                        with_unit(ledger::step(r), issue, &n.currency),
                        value,
                        flag_texts(n, r, &f),
                        i + 1 == last,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
            <Show
                when=move || n.with(|n| n.as_ref().is_some_and(|n| !n.rounds.is_empty()))
                fallback=|| view! { <p class="hint">{tr("negotiation_ledger.none")}</p> }
            >
                <ScrollArea label=Signal::derive(tr_fn("negotiation_ledger.table"))>
                    <table class="data-table wide ledger-table stack-narrow">
                        <caption>{tr_fn("negotiation_ledger.table")}</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="num">"#"</th>
                                {COLUMNS
                                    .iter()
                                    .map(|(key, class)| view! { <th scope="col" class=*class>{tr_fn(key)}</th> })
                                    .collect_view()}
                                <th scope="col">{tr_fn("negotiation_ledger.col.flags")}</th>
                                <th scope="col">{tr_fn("negotiation_ledger.col.actions")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                // The column names, also naming each figure when a row is a
                                // block on a phone.
                                let cols: Vec<String> = COLUMNS.iter().map(|(key, _)| tr(key)).collect();
                                let c = move |i: usize| cols[i].clone();
                                rows()
                                    .into_iter()
                                    .map(|(number, r, issue, moved, step, value, flags, last)| {
                                        let rid = r.id;
                                        let num = number.to_string();
                                        view! {
                                            <tr>
                                                <th scope="row" class="num">{num.clone()}</th>
                                                <td class="nowrap" data-label=c(0)>{fmt::date(r.on)}</td>
                                                <td data-label=c(1)>{tr(r.side.key())}</td>
                                                <td data-label=c(2)>{issue}</td>
                                                <td class="move row-wide" data-label=c(3)>{moved}</td>
                                                <td class="num nowrap" data-label=c(4)>{step}</td>
                                                <td class="num nowrap" data-label=c(5)>{value}</td>
                                                // An empty cell is left out on a phone.
                                                <td class={ if r.in_return.is_empty() { "row-wide empty-cell" } else { "row-wide" } } data-label=c(6)>{r.in_return.clone()}</td>
                                                <td class=r.proposal_version.is_none().then_some("empty-cell") data-label=c(7)>
                                                    {r.proposal_version.map(|v| tw("negotiation_ledger.version_n", &[("n", &v.to_string())]))}
                                                </td>
                                                <td class="row-wide">
                                                    <ul class="plain-list ledger-flags">
                                                        {flags
                                                            .into_iter()
                                                            .map(|(t, class)| view! { <li class=format!("flag {class}")>{t}</li> })
                                                            .collect_view()}
                                                    </ul>
                                                    {(!r.note.is_empty()).then(|| view! { <p class="hint">{r.note.clone()}</p> })}
                                                </td>
                                                <td class="row-wide">
    <div class="row-actions">
                                                    {last.then(|| {
                                                        view! {
                                                            <button
                                                                type="button"
                                                                class="small"
                                                                aria-label=tw("negotiation_ledger.edit_n", &[("n", &num)])
                                                                on:click=move |_| editing.set(Some(rid))
                                                            >
                                                                {tr("negotiation_ledger.edit")}
                                                            </button>
                                                        }
                                                    })}
                                                    {ask_first(
                                                        Ask {
                                                            label: tr("negotiation_ledger.delete"),
                                                            name: tw("negotiation_ledger.delete_n", &[("n", &num)]),
                                                            question: tw("negotiation_ledger.delete_ask", &[("n", &num)]),
                                                            confirm: tr("negotiation_ledger.delete_now"),
                                                        },
                                                        move || remove(rid, number),
                                                    )}
                                                </div>
    </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </ScrollArea>
            </Show>
        }
}

/// The form logging a round, or editing the last one; the method's checks show as the rep
/// types.
#[component]
fn RoundForm(
    deal_id: Id,
    n: Memo<Option<Negotiation>>,
    editing: RwSignal<Option<Id>>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let on = RwSignal::new(today_input());
    let side = RwSignal::new(Side::Us.code().to_string());
    let issue = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let value = RwSignal::new(String::new());
    let in_return = RwSignal::new(String::new());
    let version = RwSignal::new(String::new());
    let override_reason = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let errors = FormErrors::new();
    // The last default filled into "From": replaced when the issue or side changes, unless
    // the rep typed their own.
    let auto_from = StoredValue::new(String::new());
    // Bumped when the form is cleared, so "From" takes its default again.
    let refresh = RwSignal::new(0u32);

    let slot = move || {
        if editing.get().is_some() {
            Slot::Last
        } else {
            Slot::New
        }
    };
    let draft = move || RoundDraft {
        on: on.get(),
        side: Side::from_code(&side.get()).unwrap_or(Side::Us),
        issue_id: issue.get().parse().ok(),
        from: from.get(),
        to: to.get(),
        value: value.get(),
        in_return: in_return.get(),
        proposal_version: version.get().parse().ok(),
        override_reason: override_reason.get(),
        note: note.get(),
    };
    let reset = move || {
        on.set(today_input());
        to.set(String::new());
        value.set(String::new());
        in_return.set(String::new());
        version.set(String::new());
        override_reason.set(String::new());
        note.set(String::new());
        from.set(String::new());
        auto_from.set_value(String::new());
        errors.clear();
        refresh.update(|r| *r += 1);
    };
    // Pick the plan's first issue while none is chosen.
    Effect::new(move |_| {
        let first = n.with(|n| n.as_ref().and_then(|n| n.plan.issues.first().map(|i| i.id)));
        let chosen = issue.get_untracked();
        let known = n.with(|n| {
            n.as_ref()
                .is_some_and(|n| chosen.parse().ok().and_then(|id| n.issue(id)).is_some())
        });
        if !known {
            if let Some(id) = first {
                issue.set(id.to_string());
            }
        }
    });
    // "From" defaults to that side's last position on the issue (ours: our opening).
    Effect::new(move |_| {
        let (iss, sd, sl) = (issue.get(), side.get(), slot());
        refresh.track();
        let Some(id) = iss.parse().ok() else { return };
        let sd = Side::from_code(&sd).unwrap_or(Side::Us);
        let default = n.with(|n| {
            n.as_ref()
                .and_then(|n| ledger::last_position(n, id, sd, sl))
                .map(Position::to_input)
                .unwrap_or_default()
        });
        let typed = from.get_untracked();
        if typed.trim().is_empty() || typed == auto_from.get_value() {
            from.set(default.clone());
            auto_from.set_value(default);
        }
    });
    // Editing the last round fills the form with it.
    Effect::new(move |_| {
        let Some(id) = editing.get() else { return };
        let found = n.with_untracked(|n| {
            n.as_ref().and_then(|n| {
                n.rounds
                    .iter()
                    .find(|r| r.id == id)
                    .map(|r| RoundDraft::of(n, r))
            })
        });
        let Some(d) = found else {
            editing.set(None);
            return;
        };
        auto_from.set_value(String::new());
        on.set(d.on);
        side.set(d.side.code().to_string());
        issue.set(d.issue_id.map(|i| i.to_string()).unwrap_or_default());
        from.set(d.from);
        to.set(d.to);
        value.set(d.value);
        in_return.set(d.in_return);
        version.set(
            d.proposal_version
                .map(|v| v.to_string())
                .unwrap_or_default(),
        );
        override_reason.set(d.override_reason);
        note.set(d.note);
        errors.clear();
    });

    let current_issue = Memo::new(move |_| {
        let id = issue.get().parse().ok()?;
        n.with(|n| n.as_ref().and_then(|n| n.issue(id).cloned()))
    });
    let currency = move || {
        n.with_untracked(|n| n.as_ref().map(|n| n.currency.clone()))
            .unwrap_or_default()
    };
    let ours = move || side.get() == Side::Us.code();
    let has_unit_value =
        move || current_issue.with(|i| i.as_ref().is_some_and(|i| i.value_per_unit.is_some()));
    let preview = Memo::new(move |_| {
        let d = draft();
        let sl = slot();
        n.with(|n| n.as_ref().and_then(|n| ledger::preview(n, &d, sl)))
    });
    let past_bottom = move || preview.with(|p| p.as_ref().is_some_and(|(_, f)| f.past_bottom));
    let computed = move || {
        preview.with(|p| {
            let (r, _) = p.as_ref()?;
            n.with(|n| {
                let n = n.as_ref()?;
                ledger::round_value(n, r).map(|v| money_text(v, &n.currency))
            })
        })
    };
    let checks = move || {
        preview.with(|p| {
            let Some((_, f)) = p else { return Vec::new() };
            n.with(|n| {
                let Some(n) = n.as_ref() else {
                    return Vec::new();
                };
                let mut out = Vec::new();
                if let Some(w) = &f.not_smaller {
                    out.push((shrink_text(n, w), "notice-warning"));
                }
                if f.smaller {
                    out.push((tr("negotiation_ledger.check.smaller"), "notice-ok"));
                }
                if f.retraction {
                    out.push((tr("negotiation_ledger.check.retraction"), ""));
                }
                if f.past_bottom {
                    let bottom = current_issue.with(|i| {
                        i.as_ref()
                            .map(|i| with_unit(i.bottom, Some(i), &currency()))
                            .unwrap_or_default()
                    });
                    out.push((
                        tw(
                            "negotiation_ledger.check.past_bottom",
                            &[("bottom", &bottom)],
                        ),
                        "notice-error",
                    ));
                }
                out
            })
        })
    };
    let nothing_in_return = Signal::derive(move || {
        preview
            .with(|p| p.as_ref().is_some_and(|(_, f)| f.nothing_in_return))
            .then(|| tr("negotiation_ledger.check.nothing_in_return"))
    });

    let side_options = Signal::derive(|| {
        Side::ALL
            .iter()
            .map(|s| (s.code().to_string(), tr(s.key())))
            .collect::<Vec<_>>()
    });
    let version_options = Signal::derive(move || {
        proposals::versions(data, deal_id)
            .iter()
            .map(|p| {
                (
                    p.version.to_string(),
                    tw(
                        "negotiation_ledger.version_n",
                        &[("n", &p.version.to_string())],
                    ),
                )
            })
            .collect::<Vec<_>>()
    });
    let unit_hint = Signal::derive(move || {
        current_issue.with(|i| match i {
            Some(i) => tw(
                "negotiation_ledger.field.position_hint",
                &[
                    ("opening", &with_unit(i.opening, Some(i), &currency())),
                    ("target", &with_unit(i.target, Some(i), &currency())),
                    ("bottom", &with_unit(i.bottom, Some(i), &currency())),
                ],
            ),
            None => String::new(),
        })
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = draft();
        let result = match editing.get_untracked() {
            Some(id) => ledger_actions::edit_last_round(data, deal_id, id, &d),
            None => ledger_actions::add_round(data, deal_id, &d),
        };
        match result {
            Err(errs) => errors.show(&errs),
            Ok(None) => {}
            Ok(Some(save)) => {
                errors.clear();
                let was_editing = editing.get_untracked().is_some();
                run_save(toasts, save, move || {
                    editing.set(None);
                    reset();
                    toasts.push(
                        ToastKind::Success,
                        tr(if was_editing {
                            "negotiation_ledger.saved_edit"
                        } else {
                            "negotiation_ledger.saved"
                        }),
                    );
                });
            }
        }
    };
    let heading = move || {
        if editing.get().is_some() {
            let number = n.with(|n| n.as_ref().map_or(0, |n| n.rounds.len()));
            tw(
                "negotiation_ledger.form.edit_title",
                &[("n", &number.to_string())],
            )
        } else {
            tr("negotiation_ledger.form.title")
        }
    };
    view! {
        <form class="form-grid subsection round-form" on:submit=on_submit aria-labelledby="round-form-heading" novalidate>
            <h3 id="round-form-heading">{heading}</h3>
            <div class="form-cols">
                <TextField id="round-on" label=Signal::derive(tr_fn(label::ON)) value=on input_type="date" required=true error=errors.field("on")/>
                <SelectField id="round-side" label=Signal::derive(tr_fn(label::SIDE)) value=side options=side_options/>
                <SelectField
                    id="round-issue"
                    label=Signal::derive(tr_fn(label::ISSUE))
                    value=issue
                    options=issue_options(n)
                    error=errors.field("issue")
                    hint=unit_hint
                />
            </div>
            <div class="form-cols">
                <TextField id="round-from" label=Signal::derive(tr_fn(label::FROM)) value=from required=true error=errors.field("from")
                    hint=Signal::derive(tr_fn("negotiation_ledger.field.from_hint"))/>
                <TextField id="round-to" label=Signal::derive(tr_fn(label::TO)) value=to required=true error=errors.field("to")/>
                <Show
                    when=has_unit_value
                    fallback=move || view! {
                        <TextField id="round-value" label=Signal::derive(tr_fn(label::VALUE)) value=value error=errors.field("value")
                            hint=Signal::derive(tr_fn("negotiation_ledger.field.value_hint"))/>
                    }
                >
                    <div class="field">
                        <span class="label-like">{tr_fn(label::VALUE)}</span>
                        <p class="computed" role="status">
                            {move || computed().map(|v| tw("negotiation_ledger.computed", &[("value", &v)])).unwrap_or_else(|| tr("negotiation_ledger.computed_pending"))}
                        </p>
                    </div>
                </Show>
            </div>
            <div class="round-checks" aria-live="polite">
                {move || checks().into_iter().map(|(t, class)| view! { <p class=format!("notice {class}")>{t}</p> }).collect_view()}
            </div>
            <Show when=ours>
                <TextField
                    id="round-in-return"
                    label=Signal::derive(tr_fn(label::IN_RETURN))
                    value=in_return
                    error=errors.field("in_return")
                    warning=nothing_in_return
                    hint=Signal::derive(tr_fn("negotiation_ledger.field.in_return_hint"))
                />
            </Show>
            <Show when=move || past_bottom() || !override_reason.with(String::is_empty)>
                <TextArea
                    id="round-override"
                    label=Signal::derive(tr_fn(label::OVERRIDE))
                    value=override_reason
                    rows=2
                    error=errors.field("override_reason")
                    hint=Signal::derive(tr_fn("negotiation_ledger.field.override_hint"))
                />
            </Show>
            <div class="form-cols">
                <SelectField
                    id="round-version"
                    label=Signal::derive(tr_fn(label::VERSION))
                    value=version
                    options=version_options
                    empty_label=Signal::derive(tr_fn("negotiation_ledger.no_version"))
                    error=errors.field("version")
                />
                <TextField id="round-note" label=Signal::derive(tr_fn(label::NOTE)) value=note error=errors.field("note")/>
            </div>
            {move || {
                let list = errors.summary().get();
                (!list.is_empty()).then(|| view! {
                    <div class="notice notice-error" role="alert">
                        <p><strong>{tr("form.fix_errors")}</strong></p>
                        <ul>{list.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <div class="actions">
                <button type="submit" class="primary">
                    {move || tr(if editing.get().is_some() { "negotiation_ledger.form.save_edit" } else { "negotiation_ledger.form.save" })}
                </button>
                <Show when=move || editing.get().is_some()>
                    <button type="button" on:click=move |_| { editing.set(None); reset(); }>
                        {tr_fn("negotiation_ledger.form.cancel_edit")}
                    </button>
                </Show>
            </div>
        </form>
    }
}

/// This part's line in the deal page's step-5 section: "4 rounds · our last concession
/// €2,000.00 (smaller than the one before)" and "1 open deadlock".
#[component]
pub(super) fn Summary(deal_id: Id) -> impl IntoView {
    let data = use_data();
    let text = move || {
        actions::of_deal(data, deal_id).map(|n| {
            let s = ledger::summary(&n);
            let mut parts = Vec::new();
            if s.rounds == 0 {
                parts.push(tr("negotiation_ledger.summary.no_rounds"));
            } else {
                parts.push(tc("negotiation_ledger.summary.rounds", s.rounds, &[]));
            }
            if let Some(last) = s.last_concession {
                let amount = match last.figures.value {
                    Some(v) => money_text(v, &n.currency),
                    None => with_unit(
                        last.figures.step,
                        n.issue(last.figures.issue_id),
                        &n.currency,
                    ),
                };
                let key = match last.smaller {
                    Some(true) => "negotiation_ledger.summary.last_smaller",
                    Some(false) => "negotiation_ledger.summary.last_not_smaller",
                    None => "negotiation_ledger.summary.last_first",
                };
                parts.push(tw(key, &[("value", &amount)]));
            }
            if s.open_deadlocks > 0 {
                parts.push(tc(
                    "negotiation_ledger.summary.open_deadlocks",
                    s.open_deadlocks,
                    &[],
                ));
            }
            (
                parts.join(" · "),
                s.last_concession.and_then(|l| l.smaller) == Some(false),
            )
        })
    };
    move || {
        text().map(|(t, warn)| {
            view! {
                <p class=if warn { "ledger-summary field-warning" } else { "ledger-summary" }>
                    <strong>{tr("negotiation.ledger.title")} ": "</strong>
                    {t}
                </p>
            }
        })
    }
}
