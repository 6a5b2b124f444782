//! The deal's invoices: amounts, due dates, partial payments, the cause when late and the collection action the matrix proposes; paying the last invoice finishes the deal.

use super::*;
use crate::domain::deal::{Outcome, Step};
use crate::domain::money::Money;
use crate::domain::price::{format_scaled, parse_scaled};
use crate::domain::receivable::aging::{self, AgingBucket};
use crate::domain::receivable::collection;
use crate::domain::receivable::invoice::{self, label, InvoiceDraft, PaymentDraft, StepDraft};
use crate::domain::receivable::{CollectionAction, Invoice, LateCause};
use crate::state::actions::receivables as actions;
use crate::state::data::{spawn_save, use_data, AppData};
use crate::state::settings::collection_thresholds;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tc, ToastKind};
use crate::ui::ask_first::{ask_first, Ask};
use crate::ui::fmt;
use crate::ui::form::{field_error_text, FormErrors, SelectField, TextField};
use crate::ui::scroll_area::ScrollArea;
use chrono::Duration;

fn iso(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn money(minor: i64, inv: &Invoice) -> String {
    fmt::money(&Money::new(minor, inv.amount.currency.clone()))
}

/// The matrix's proposal for an invoice today, as text ("Proposed: …"), if any.
fn proposal_text(inv: &Invoice) -> Option<String> {
    collection::proposed(inv, fmt::today(), &collection_thresholds())
        .map(|a| tw("receivable.proposed", &[("action", &tr(a.key()))]))
}

/// The age of an invoice as text: "Paid", "Not due", "31–60 days".
fn age_text(inv: &Invoice) -> String {
    match aging::bucket(inv, fmt::today()) {
        None => tr("receivable.paid"),
        Some(b) => tr(b.key()),
    }
}

#[component]
pub fn InvoicesSection(deal_id: Id, deal: DealSig) -> impl IntoView {
    let data = use_data();
    let list = Memo::new(move |_| actions::of_deal(data, deal_id));
    let finished = move || {
        deal.with(|d| {
            d.as_ref().is_some_and(|d| {
                matches!(
                    d.outcome,
                    Outcome::Won {
                        paid_on: Some(_),
                        ..
                    }
                )
            })
        })
    };
    let paid_on = move || {
        deal.with(|d| match d.as_ref().map(|d| &d.outcome) {
            Some(Outcome::Won {
                paid_on: Some(p), ..
            }) => Some(*p),
            _ => None,
        })
    };
    view! {
        <section class="card invoices" aria-labelledby="invoices-heading">
            <h2 id="invoices-heading">{tr_fn("receivable.deal.title")}</h2>
            <p class="hint">{tr_fn("receivable.deal.intro")}</p>
            {move || paid_on().map(|p| view! {
                <p class="notice notice-success" role="status">
                    {tw("receivable.deal.finished", &[("date", &fmt::date(p))])}
                </p>
            })}
            {move || {
                let all = list.get();
                if all.is_empty() {
                    return view! { <p class="hint">{tr("receivable.deal.none")}</p> }.into_any();
                }
                view! { <InvoiceTable list=all/> }.into_any()
            }}
            // Keyed by revision: saving one invoice redraws that one only, so what is typed
            // in another invoice's forms stays.
            <div class="invoice-list">
                <For each=move || list.get() key=|inv| (inv.id, inv.rev) let:inv>
                    <InvoiceItem inv=inv/>
                </For>
            </div>
            <Show when=move || !finished()>
                <OnRequest label_key="receivable.invoice.form_title">
                    <InvoiceForm deal_id=deal_id deal=deal list=list/>
                </OnRequest>
            </Show>
        </section>
    }
}

/// The deal's invoices at a glance.
#[component]
fn InvoiceTable(list: Vec<Invoice>) -> impl IntoView {
    let today = fmt::today();
    // The column names, also naming each figure when a row is a block on a phone.
    let cols = [
        tr(label::ISSUED_ON),
        tr(label::DUE_ON),
        tr(label::AMOUNT),
        tr("receivable.col.paid"),
        tr("receivable.col.outstanding"),
        tr("receivable.col.age"),
        tr("receivable.col.days"),
        tr("receivable.col.action"),
    ];
    let c = |i: usize| cols[i].clone();
    let rows = list
        .into_iter()
        .map(|inv| {
            let days = aging::days_overdue(&inv, today);
            view! {
                <tr>
                    <th scope="row">{inv.number.clone()}</th>
                    <td data-label=c(0)>{fmt::date(inv.issued_on)}</td>
                    <td data-label=c(1)>{fmt::date(inv.due_on)}</td>
                    <td class="num" data-label=c(2)>{money(inv.amount.minor, &inv)}</td>
                    <td class="num" data-label=c(3)>{money(inv.paid_minor(), &inv)}</td>
                    <td class="num" data-label=c(4)>{money(inv.outstanding_minor(), &inv)}</td>
                    <td data-label=c(5)>{age_text(&inv)}</td>
                    // Not overdue (not due yet, or paid): a dash, not "0".
                    <td class="num" data-label=c(6)>{if days > 0 { fmt::number(days) } else { "—".to_string() }}</td>
                    <td data-label=c(7)>{collection::proposed(&inv, today, &collection_thresholds()).map(|a| tr(a.key())).unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let heads = cols
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let class = if (2..=4).contains(&i) || i == 6 {
                "num"
            } else {
                ""
            };
            view! { <th scope="col" class=class>{t.clone()}</th> }
        })
        .collect_view();
    view! {
        <ScrollArea label=Signal::derive(tr_fn("receivable.deal.table"))>
            <table class="data-table invoice-table stack-narrow">
                <caption class="visually-hidden">{tr("receivable.deal.table")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(label::NUMBER)}</th>
                        {heads}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </ScrollArea>
    }
}

/// One invoice: its figures, the proposal, the late cause, its payments and collection
/// steps, and the ways to change or delete it.
#[component]
fn InvoiceItem(inv: Invoice) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let id = inv.id;
    let number = inv.number.clone();
    let editing = RwSignal::new(false);
    let heading = format!("invoice-{id}-heading");
    let heading2 = heading.clone();
    let paid = inv.is_paid();
    let remove = {
        let number = number.clone();
        move || {
            let Some(save) = actions::delete_invoice(data, id) else {
                return;
            };
            let number = number.clone();
            spawn_save(toasts, save, move |gone: Invoice| {
                toasts.push_with_action(
                    ToastKind::Success,
                    tw("receivable.invoice.deleted", &[("number", &number)]),
                    tr("receivable.undo"),
                    move || {
                        if let Some(save) = actions::restore_invoice(data, gone.clone()) {
                            spawn_save(toasts, save, |_| {});
                        }
                    },
                );
            });
        }
    };
    let cause_value = inv
        .late_cause
        .map(|c| c.code().to_string())
        .unwrap_or_default();
    let on_cause = move |ev: leptos::ev::Event| {
        let cause = LateCause::from_code(&event_target_value(&ev));
        if let Some(save) = actions::set_late_cause(data, id, cause) {
            spawn_save(toasts, save, move |_| {
                toasts.push(ToastKind::Success, tr("receivable.cause.saved"))
            });
        }
    };
    let cause_id = format!("invoice-{id}-cause");
    let facts = tw(
        "receivable.invoice.facts",
        &[
            ("issued", &fmt::date(inv.issued_on)),
            ("due", &fmt::date(inv.due_on)),
            ("amount", &money(inv.amount.minor, &inv)),
            ("outstanding", &money(inv.outstanding_minor(), &inv)),
        ],
    );
    let overdue = aging::days_overdue(&inv, fmt::today());
    let edit_inv = inv.clone();
    let badge_class = if !paid && overdue > 0 {
        "badge warning"
    } else {
        "badge"
    };
    view! {
        <article class="invoice-item subsection" aria-labelledby=heading2>
            <h3 id=heading>{tw("receivable.invoice.title", &[("number", &number)])}</h3>
            <p>{facts}</p>
            <p>
                <span class=badge_class>{age_text(&inv)}</span>
                {(overdue > 0).then(|| view! { " " {tc("receivable.invoice.days_overdue", overdue as usize, &[])} })}
            </p>
            {proposal_text(&inv).map(|t| view! { <p class="notice notice-warning proposal">{t}</p> })}
            {(!inv.note.is_empty()).then(|| view! { <p class="hint">{inv.note.clone()}</p> })}
            {(overdue > 0 || inv.late_cause.is_some()).then(|| view! {
                <div class="field">
                    <label for=cause_id.clone()>{tw("receivable.cause.label_n", &[("number", &number)])}</label>
                    <select id=cause_id.clone() on:change=on_cause>
                        <option value="" selected=cause_value.is_empty()>{tr("receivable.cause.none")}</option>
                        {LateCause::ALL.iter().map(|c| {
                            let sel = cause_value == c.code();
                            view! { <option value=c.code() selected=sel>{tr(c.key())}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
            <Payments inv=inv.clone()/>
            <Collection inv=inv.clone()/>
            <div class="actions">
                <button
                    type="button"
                    class="small"
                    aria-expanded=move || editing.get().to_string()
                    aria-label=tw("receivable.invoice.edit_n", &[("number", &number)])
                    on:click=move |_| editing.update(|e| *e = !*e)
                >
                    {tr("receivable.edit")}
                </button>
                {ask_first(
                    Ask {
                        label: tr("receivable.delete"),
                        name: tw("receivable.invoice.delete_n", &[("number", &number)]),
                        question: tw("receivable.invoice.delete_ask", &[("number", &number)]),
                        confirm: tr("receivable.invoice.delete_now"),
                    },
                    remove,
                )}
            </div>
            <Show when=move || editing.get()>
                <EditForm inv=edit_inv.clone() editing=editing/>
            </Show>
        </article>
    }
}

/// The payments of an invoice and the form recording one.
#[component]
fn Payments(inv: Invoice) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let id = inv.id;
    let number = inv.number.clone();
    let on = RwSignal::new(iso(fmt::today()));
    let amount = RwSignal::new(if inv.is_paid() {
        String::new()
    } else {
        let e = inv.amount.currency.exponent();
        format_scaled(inv.outstanding_minor(), e, e)
    });
    let note = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = PaymentDraft {
            on: on.get_untracked(),
            amount: amount.get_untracked(),
            note: note.get_untracked(),
        };
        match actions::add_payment(data, id, &draft) {
            Err(errs) => errors.show(&errs),
            Ok(None) => {}
            Ok(Some(save)) => {
                errors.clear();
                spawn_save(toasts, save, move |(inv, deal)| {
                    let msg = if deal.is_some() {
                        tw("receivable.payment.finished", &[("number", &inv.number)])
                    } else {
                        tw("receivable.payment.saved", &[("number", &inv.number)])
                    };
                    toasts.push(ToastKind::Success, msg);
                });
            }
        }
    };
    let rows = inv
        .payments
        .iter()
        .map(|p| {
            let pid = p.id;
            let text = tw(
                "receivable.payment.line",
                &[("date", &fmt::date(p.on)), ("amount", &money(p.amount_minor, &inv))],
            );
            let remove = move |_| match actions::remove_payment(data, id, pid) {
                Err(errs) => toasts.push(
                    ToastKind::Error,
                    errs.first().map(field_error_text).unwrap_or_default(),
                ),
                Ok(None) => {}
                Ok(Some((save, (at, gone)))) => spawn_save(toasts, save, move |_| {
                    toasts.push_with_action(
                        ToastKind::Success,
                        tr("receivable.payment.removed"),
                        tr("receivable.undo"),
                        move || {
                            if let Some(save) = actions::restore_payment(data, id, at, gone.clone()) {
                                spawn_save(toasts, save, |_| {});
                            }
                        },
                    );
                }),
            };
            let label = tw("receivable.payment.remove_n", &[("payment", &text)]);
            view! {
                <li>
                    {text}
                    {(!p.note.is_empty()).then(|| view! { <span class="hint">" — " {p.note.clone()}</span> })}
                    " "
                    <button type="button" class="small danger" aria-label=label on:click=remove>
                        {tr("receivable.remove")}
                    </button>
                </li>
            }
        })
        .collect_view();
    let form_name = tw("receivable.payment.form_n", &[("number", &number)]);
    let fid = move |f: &str| format!("pay-{id}-{f}");
    view! {
        <div class="payments">
            <h4>{tr("receivable.payment.title")}</h4>
            {if inv.payments.is_empty() {
                view! { <p class="hint">{tr("receivable.payment.none")}</p> }.into_any()
            } else {
                view! { <ul class="plain-list payment-list">{rows}</ul> }.into_any()
            }}
            {(!inv.is_paid()).then(|| view! {
                <form class="form-grid" aria-label=form_name on:submit=on_submit novalidate>
                    <div class="form-cols">
                        <TextField id=fid("on") label=Signal::derive(tr_fn(label::PAID_ON)) value=on input_type="date" required=true error=errors.field("paid_on")/>
                        <TextField id=fid("amount") label=Signal::derive(tr_fn(label::PAYMENT)) value=amount required=true error=errors.field("payment")/>
                        <TextField id=fid("note") label=Signal::derive(tr_fn(label::NOTE)) value=note error=errors.field("payment_note")/>
                    </div>
                    <div class="actions">
                        <button type="submit" class="primary">{tr("receivable.payment.save")}</button>
                    </div>
                </form>
            })}
        </div>
    }
}

/// The collection steps taken on an invoice and the form logging one.
#[component]
fn Collection(inv: Invoice) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let id = inv.id;
    let number = inv.number.clone();
    let proposed = collection::proposed(&inv, fmt::today(), &collection_thresholds());
    let open = RwSignal::new(false);
    let on = RwSignal::new(iso(fmt::today()));
    let action = RwSignal::new(
        proposed
            .unwrap_or(CollectionAction::FinanceCollects)
            .code()
            .to_string(),
    );
    let note = RwSignal::new(String::new());
    let errors = FormErrors::new();
    if inv.collection.is_empty() && proposed.is_none() {
        return ().into_any();
    }
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = StepDraft {
            on: on.get_untracked(),
            action: CollectionAction::from_code(&action.get_untracked())
                .unwrap_or(CollectionAction::FinanceCollects),
            note: note.get_untracked(),
        };
        match actions::log_step(data, id, &draft) {
            Err(errs) => errors.show(&errs),
            Ok(None) => {}
            Ok(Some(save)) => {
                errors.clear();
                spawn_save(toasts, save, move |_| {
                    toasts.push(ToastKind::Success, tr("receivable.step.saved"))
                });
            }
        }
    };
    let steps = inv
        .collection
        .iter()
        .map(|s| {
            let sid = s.id;
            let text = tw(
                "receivable.step.line",
                &[("date", &fmt::date(s.on)), ("action", &tr(s.action.key()))],
            );
            let remove = move |_| {
                if let Some((save, (at, gone))) = actions::remove_step(data, id, sid) {
                    spawn_save(toasts, save, move |_| {
                        toasts.push_with_action(
                            ToastKind::Success,
                            tr("receivable.step.removed"),
                            tr("receivable.undo"),
                            move || {
                                if let Some(save) = actions::restore_step(data, id, at, gone.clone()) {
                                    spawn_save(toasts, save, |_| {});
                                }
                            },
                        );
                    });
                }
            };
            let label = tw("receivable.step.remove_n", &[("step", &text)]);
            view! {
                <li>
                    {text}
                    {(!s.note.is_empty()).then(|| view! { <span class="hint">" — " {s.note.clone()}</span> })}
                    " "
                    <button type="button" class="small danger" aria-label=label on:click=remove>{tr("receivable.remove")}</button>
                </li>
            }
        })
        .collect_view();
    let options = Signal::derive(|| {
        CollectionAction::ALL
            .iter()
            .map(|a| (a.code().to_string(), tr(a.key())))
            .collect::<Vec<_>>()
    });
    let form_name = tw("receivable.step.form_n", &[("number", &number)]);
    let fid = move |f: &str| format!("step-{id}-{f}");
    view! {
        <div class="collection">
            <h4>{tr("receivable.step.title")}</h4>
            {(!inv.collection.is_empty()).then(|| view! { <ul class="plain-list">{steps}</ul> })}
            <button
                type="button"
                class="small"
                aria-expanded=move || open.get().to_string()
                aria-label=tw("receivable.step.log_n", &[("number", &number)])
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {tr("receivable.step.log")}
            </button>
            <Show when=move || open.get()>
                <form class="form-grid" aria-label=form_name.clone() on:submit=on_submit novalidate>
                    <div class="form-cols">
                        <TextField id=fid("on") label=Signal::derive(tr_fn(label::STEP_ON)) value=on input_type="date" required=true error=errors.field("step_on")/>
                        <SelectField id=fid("action") label=Signal::derive(tr_fn(label::ACTION)) value=action options=options/>
                        <TextField id=fid("note") label=Signal::derive(tr_fn(label::NOTE)) value=note error=errors.field("step_note")/>
                    </div>
                    <div class="actions">
                        <button type="submit" class="primary">{tr("receivable.step.save")}</button>
                    </div>
                </form>
            </Show>
        </div>
    }
    .into_any()
}

/// The fields of the invoice form, bound to their signals.
#[derive(Clone, Copy)]
struct Fields {
    number: RwSignal<String>,
    issued_on: RwSignal<String>,
    due_on: RwSignal<String>,
    amount: RwSignal<String>,
    note: RwSignal<String>,
}

impl Fields {
    fn new(d: InvoiceDraft) -> Self {
        Fields {
            number: RwSignal::new(d.number),
            issued_on: RwSignal::new(d.issued_on),
            due_on: RwSignal::new(d.due_on),
            amount: RwSignal::new(d.amount),
            note: RwSignal::new(d.note),
        }
    }
    fn draft(&self) -> InvoiceDraft {
        InvoiceDraft {
            number: self.number.get_untracked(),
            issued_on: self.issued_on.get_untracked(),
            due_on: self.due_on.get_untracked(),
            amount: self.amount.get_untracked(),
            note: self.note.get_untracked(),
        }
    }
    fn set(&self, d: InvoiceDraft) {
        self.number.set(d.number);
        self.issued_on.set(d.issued_on);
        self.due_on.set(d.due_on);
        self.amount.set(d.amount);
        self.note.set(d.note);
    }
}

/// The invoice form's controls (`prefix` keeps their ids apart).
fn field_views(
    prefix: String,
    f: Fields,
    errors: FormErrors,
    currency: String,
    over_value: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let id = move |s: &str| format!("{prefix}-{s}");
    view! {
        <div class="form-cols">
            <TextField id=id("number") label=Signal::derive(tr_fn(label::NUMBER)) value=f.number required=true error=errors.field("number")/>
            <TextField
                id=id("amount")
                label=Signal::derive(tr_fn(label::AMOUNT))
                value=f.amount
                required=true
                hint=Signal::derive(move || tw("receivable.field.amount_hint", &[("currency", &currency)]))
                error=errors.field("amount")
                warning=over_value.unwrap_or_default()
            />
        </div>
        <div class="form-cols">
            <TextField id=id("issued") label=Signal::derive(tr_fn(label::ISSUED_ON)) value=f.issued_on input_type="date" required=true error=errors.field("issued_on")/>
            <TextField id=id("due") label=Signal::derive(tr_fn(label::DUE_ON)) value=f.due_on input_type="date" required=true error=errors.field("due_on")/>
        </div>
        <TextField id=id("note") label=Signal::derive(tr_fn(label::NOTE)) value=f.note error=errors.field("note")/>
    }
}

/// What a new invoice of the deal starts from: the next number, issued today, due in 30
/// days, for what of the deal's value is not invoiced yet.
fn new_draft(data: AppData, deal: DealSig, list: &[Invoice]) -> InvoiceDraft {
    let today = fmt::today();
    let amount = deal
        .with_untracked(|d| d.as_ref().map(|d| d.value.clone()))
        .map(|v| {
            let invoiced: i64 = list
                .iter()
                .filter(|i| i.amount.currency == v.currency)
                .map(|i| i.amount.minor)
                .sum();
            let rest = v.minor.saturating_sub(invoiced);
            let e = v.currency.exponent();
            if rest > 0 {
                format_scaled(rest, e, e)
            } else {
                String::new()
            }
        })
        .unwrap_or_default();
    InvoiceDraft {
        number: actions::next_number(data),
        issued_on: iso(today),
        due_on: iso(today + Duration::days(30)),
        amount,
        note: String::new(),
    }
}

/// The form adding an invoice to the deal.
#[component]
fn InvoiceForm(deal_id: Id, deal: DealSig, list: Memo<Vec<Invoice>>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let f = Fields::new(new_draft(data, deal, &list.get_untracked()));
    let errors = FormErrors::new();
    let currency = deal
        .with_untracked(|d| d.as_ref().map(|d| d.value.currency.code().to_string()))
        .unwrap_or_default();
    // More invoiced than the deal is worth: said as the amount is typed, not refused.
    let over_value = Signal::derive(move || {
        let value = deal.with(|d| d.as_ref().map(|d| d.value.clone()))?;
        let typed = parse_scaled(f.amount.get().trim(), value.currency.exponent()).ok()?;
        let total = list.with(|l| invoice::total_over_value(&value, l, typed))?;
        Some(tw(
            "receivable.invoice.over_value",
            &[
                (
                    "total",
                    &fmt::money(&Money::new(total, value.currency.clone())),
                ),
                ("value", &fmt::money(&value)),
            ],
        ))
    });
    let is_won = move || {
        deal.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.step == Step::FollowUpService || !d.is_open())
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match actions::add_invoice(data, deal_id, &f.draft()) {
            Err(errs) => errors.show(&errs),
            Ok(None) => {}
            Ok(Some(save)) => {
                errors.clear();
                spawn_save(toasts, save, move |inv| {
                    toasts.push(
                        ToastKind::Success,
                        tw("receivable.invoice.saved", &[("number", &inv.number)]),
                    );
                    f.set(new_draft(data, deal, &list.get_untracked()));
                });
            }
        }
    };
    view! {
        <form class="form-grid subsection" aria-labelledby="invoice-form-heading" on:submit=on_submit novalidate>
            <h3 id="invoice-form-heading">{tr("receivable.invoice.form_title")}</h3>
            <Show when=move || !is_won()>
                <p class="hint">{tr("receivable.invoice.not_won")}</p>
            </Show>
            {field_views("invoice-new".into(), f, errors, currency, Some(over_value))}
            <div class="actions">
                <button type="submit" class="primary">{tr("receivable.invoice.save")}</button>
            </div>
        </form>
    }
}

/// The form changing an invoice.
#[component]
fn EditForm(inv: Invoice, editing: RwSignal<bool>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let id = inv.id;
    let f = Fields::new(InvoiceDraft::from_invoice(&inv));
    let errors = FormErrors::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match actions::edit_invoice(data, id, &f.draft()) {
            Err(errs) => errors.show(&errs),
            Ok(None) => {}
            Ok(Some(save)) => {
                errors.clear();
                spawn_save(toasts, save, move |inv| {
                    toasts.push(
                        ToastKind::Success,
                        tw("receivable.invoice.saved", &[("number", &inv.number)]),
                    );
                    editing.set(false);
                });
            }
        }
    };
    let name = tw("receivable.invoice.edit_n", &[("number", &inv.number)]);
    let form_errors = errors;
    view! {
        <form class="form-grid" aria-label=name on:submit=on_submit novalidate>
            {field_views(format!("invoice-{id}"), f, errors, inv.amount.currency.code().to_string(), None)}
            {move || form_errors.field("").get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary">{tr("receivable.invoice.save_changes")}</button>
            </div>
        </form>
    }
}

/// The summary line of the deal's invoices: "2 invoices · 1 overdue · €4,400.00
/// outstanding", "All invoices paid", or none yet.
pub fn summary_text(list: &[Invoice]) -> String {
    if list.is_empty() {
        return tr("receivable.summary.none");
    }
    let today = fmt::today();
    let unpaid: Vec<&Invoice> = list.iter().filter(|i| !i.is_paid()).collect();
    if unpaid.is_empty() {
        return tc("receivable.summary.all_paid", list.len(), &[]);
    }
    let overdue = unpaid
        .iter()
        .filter(|i| aging::bucket(i, today).is_some_and(|b| b != AgingBucket::NotDue))
        .count();
    let mut sums: std::collections::BTreeMap<_, i64> = Default::default();
    for i in &unpaid {
        *sums.entry(i.amount.currency.clone()).or_default() += i.outstanding_minor();
    }
    let outstanding = sums
        .into_iter()
        .map(|(c, v)| fmt::money(&Money::new(v, c)))
        .collect::<Vec<_>>()
        .join(" + ");
    format!(
        "{} · {} · {}",
        tc("receivable.summary.invoices", list.len(), &[]),
        tc("receivable.summary.overdue", overdue, &[]),
        tw(
            "receivable.summary.outstanding",
            &[("amount", &outstanding)]
        ),
    )
}

/// This part's line in the deal page's step-6 section.
#[component]
pub fn Summary(deal_id: Id) -> impl IntoView {
    let data = use_data();
    let list = Memo::new(move |_| actions::of_deal(data, deal_id));
    view! {
        <p class="part-summary">
            <strong>{tr_fn("receivable.deal.title")}</strong>
            ": "
            {move || summary_text(&list.get())}
        </p>
    }
}
