//! The agreement: agreed terms, their written confirmation, the contract.
//!
//! Every term is listed with what was agreed and whether it is confirmed in writing; one
//! form adds a term or edits the one chosen (its confirmation too). A term attached to the
//! signed contract says so and offers no change. Signing the contract wins the deal: the
//! form is prefilled with the agreement's value and refused, naming them, while a term is
//! unconfirmed.

use super::*;
use crate::domain::deal::{Deal, Step};
use crate::domain::money::{Currency, Money};
use crate::domain::negotiation::agreement::{self, AgreementError, ContractDraft, TermDraft};
use crate::domain::negotiation::{ConfirmedBy, Negotiation, Term};
use crate::domain::price;
use crate::state::actions::negotiation::{self as actions, agreement as act, Save};
use crate::state::data::report_store_error;
use crate::state::toasts::{use_toasts, Toasts};
use crate::state::tr_fn;
use crate::state::{tc, ToastKind};
use crate::ui::deal_text::step_label;
use crate::ui::fmt;
use crate::ui::form::{select_options, CheckboxField, SelectField, TextArea, TextField};
use leptos::task::spawn_local;

/// Awaits a save of the negotiation; a store error is shown in a toast (`None`).
pub(super) fn saved(toasts: Toasts, save: Save, then: impl FnOnce(Negotiation) + 'static) {
    crate::state::data::spawn_save(toasts, save, then);
}

/// An agreement error in words.
pub(super) fn error_text(e: &AgreementError) -> String {
    match e {
        AgreementError::MoneyInvalid(v) | AgreementError::ContractValueInvalid(v) => {
            tw(e.key(), &[("value", v)])
        }
        AgreementError::TermSigned(number) | AgreementError::AlreadySigned(number) => {
            tw(e.key(), &[("number", number)])
        }
        AgreementError::Unconfirmed(labels) => tw(e.key(), &[("terms", &labels.join(", "))]),
        AgreementError::NotInStepFive(step) => tw(e.key(), &[("step", &step_label(*step))]),
        _ => tr(e.key()),
    }
}

fn iso(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn money(minor: i64, c: &Currency) -> String {
    fmt::money(&Money::new(minor, c.clone()))
}

/// "Confirmed by Lin Wei, by e-mail, on 21 May 2026" or "Not confirmed in writing yet".
pub(super) fn confirmation_text(t: &Term) -> String {
    match &t.confirmation {
        Some(c) => tw(
            "negotiation.agreement.confirmed_line",
            &[
                ("who", &c.who),
                ("how", &tr(c.how.key())),
                ("date", &fmt::date(c.on)),
            ],
        ),
        None => tr("negotiation.agreement.unconfirmed_line"),
    }
}

/// The issue's display name: its label, else its kind.
fn issue_name(n: &Negotiation, id: Option<Id>) -> Option<String> {
    let i = n.issue(id?)?;
    Some(if i.label.trim().is_empty() {
        tr(i.kind.key())
    } else {
        i.label.clone()
    })
}

/// The form's fields.
#[derive(Clone, Copy)]
struct TermForm {
    issue: RwSignal<String>,
    label: RwSignal<String>,
    value: RwSignal<String>,
    money: RwSignal<String>,
    agreed_on: RwSignal<String>,
    confirmed: RwSignal<bool>,
    who: RwSignal<String>,
    how: RwSignal<String>,
    confirmed_on: RwSignal<String>,
    errors: RwSignal<Vec<AgreementError>>,
}

impl TermForm {
    fn new() -> Self {
        let today = iso(fmt::today());
        TermForm {
            issue: RwSignal::new(String::new()),
            label: RwSignal::new(String::new()),
            value: RwSignal::new(String::new()),
            money: RwSignal::new(String::new()),
            agreed_on: RwSignal::new(today.clone()),
            confirmed: RwSignal::new(false),
            who: RwSignal::new(String::new()),
            how: RwSignal::new(ConfirmedBy::Email.code().to_string()),
            confirmed_on: RwSignal::new(today),
            errors: RwSignal::new(Vec::new()),
        }
    }

    fn fill(&self, d: &TermDraft) {
        self.issue
            .set(d.issue_id.map(|i| i.to_string()).unwrap_or_default());
        self.label.set(d.label.clone());
        self.value.set(d.value.clone());
        self.money.set(d.money.clone());
        self.agreed_on.set(d.agreed_on.clone());
        self.confirmed.set(d.confirmed);
        self.who.set(d.who.clone());
        self.how.set(d.how.code().to_string());
        self.confirmed_on.set(if d.confirmed_on.is_empty() {
            iso(fmt::today())
        } else {
            d.confirmed_on.clone()
        });
        self.errors.set(Vec::new());
    }

    fn clear(&self) {
        self.fill(&TermDraft {
            agreed_on: iso(fmt::today()),
            ..TermDraft::default()
        });
    }

    fn draft(&self) -> TermDraft {
        TermDraft {
            issue_id: self.issue.get_untracked().parse().ok(),
            label: self.label.get_untracked(),
            value: self.value.get_untracked(),
            money: self.money.get_untracked(),
            agreed_on: self.agreed_on.get_untracked(),
            confirmed: self.confirmed.get_untracked(),
            who: self.who.get_untracked(),
            how: ConfirmedBy::from_code(&self.how.get_untracked()).unwrap_or(ConfirmedBy::Email),
            confirmed_on: self.confirmed_on.get_untracked(),
        }
    }

    fn error(&self, field: &'static str) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || {
            errors.with(|v| v.iter().find(|e| e.field() == field).map(error_text))
        })
    }
}

#[component]
pub(super) fn AgreementSection(deal_id: Id, deal: DealSig) -> impl IntoView {
    let data = use_data();
    let n = Memo::new(move |_| actions::of_deal(data, deal_id));
    let editing = RwSignal::new(None::<Id>);
    let form = TermForm::new();
    let reopened = move || {
        n.with(|n| {
            deal.with(|d| match (n, d) {
                (Some(n), Some(d)) => agreement::reopened_after_signing(n, d),
                _ => false,
            })
        })
    };
    let status = move || {
        n.with(|n| {
            let n = n.as_ref()?;
            let terms = &n.agreement.terms;
            if terms.is_empty() {
                return None;
            }
            let open = agreement::unconfirmed(n).len();
            let mut s = tc(
                "negotiation.agreement.status",
                terms.len(),
                &[("confirmed", &(terms.len() - open).to_string())],
            );
            if let Some(v) = agreement::agreed_value(n) {
                s.push_str(" · ");
                s.push_str(&tw(
                    "negotiation.agreement.value_line",
                    &[("value", &money(v, &n.currency))],
                ));
            }
            Some(s)
        })
    };
    view! {
        <section class="card agreement" aria-labelledby="agreement-heading">
            <h2 id="agreement-heading">{tr_fn("negotiation.agreement.title")}</h2>
            <p class="hint">{tr_fn("negotiation.agreement.intro")}</p>
            <Show when=reopened>
                <p class="notice notice-warning" role="status">{tr_fn("negotiation.agreement.reopened")}</p>
            </Show>
            {move || status().map(|s| view! { <p class="agreement-status">{s}</p> })}
            <TermList deal_id=deal_id n=n editing=editing form=form/>
            <TermFormView deal_id=deal_id n=n editing=editing form=form/>
            <ContractView deal_id=deal_id deal=deal n=n/>
            <div class="actions">
                <a class="button" href=negotiation_href(deal_id, "/terms")>{tr_fn("negotiation.agreement.open_terms")}</a>
            </div>
        </section>
    }
}

#[component]
fn TermList(
    deal_id: Id,
    n: Memo<Option<Negotiation>>,
    editing: RwSignal<Option<Id>>,
    form: TermForm,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let remove = move |term_id: Id| match act::remove_term(data, deal_id, term_id) {
        Ok(Some((save, (at, term)))) => saved(toasts, save, move |_| {
            let label = term.label.clone();
            toasts.push_with_action(
                ToastKind::Success,
                tw("negotiation.agreement.removed", &[("term", &label)]),
                tr("negotiation.agreement.undo"),
                move || {
                    if let Some(save) = act::restore_term(data, deal_id, at, term.clone()) {
                        saved(toasts, save, |_| ());
                    }
                },
            );
        }),
        Ok(None) => {}
        Err(e) => toasts.push(ToastKind::Error, error_text(&e)),
    };
    let edit = move |t: &Term, c: &Currency| {
        form.fill(&TermDraft::from_term(t, c.exponent()));
        editing.set(Some(t.id));
        crate::ui::focus::focus_later("term-label".to_string());
    };
    move || {
        let Some(neg) = n.get() else {
            return view! { <p class="hint">{tr("negotiation.agreement.none")}</p> }.into_any();
        };
        if neg.agreement.terms.is_empty() {
            return view! { <p class="hint">{tr("negotiation.agreement.none")}</p> }.into_any();
        }
        let signed = neg.agreement.contract.clone();
        let items = neg
            .agreement
            .terms
            .iter()
            .map(|t| {
                let t = t.clone();
                let issue = issue_name(&neg, t.issue_id);
                let locked = signed
                    .as_ref()
                    .filter(|c| c.terms.contains(&t.id))
                    .map(|c| c.number.clone());
                let currency = neg.currency.clone();
                let money_text = t.value_minor.map(|m| money(m, &currency));
                let confirmed = t.confirmation.is_some();
                let (edit_label, remove_label) = (
                    tw("negotiation.agreement.edit", &[("term", &t.label)]),
                    tw("negotiation.agreement.remove", &[("term", &t.label)]),
                );
                let id = t.id;
                let t2 = t.clone();
                view! {
                    <li class="card term">
                        <div class="term-head">
                            <strong>{t.label.clone()}</strong>
                            {issue.map(|i| view! { <span class="badge">{i}</span> })}
                        </div>
                        <p class="term-value">
                            {t.value.clone()}
                            {money_text.map(|m| view! { " · " <span class="term-money">{m}</span> })}
                        </p>
                        <p class="hint">{tw("negotiation.agreement.agreed_line", &[("date", &fmt::date(t.agreed_on))])}</p>
                        <p class=if confirmed { "term-confirmed" } else { "term-unconfirmed" }>
                            {confirmation_text(&t)}
                        </p>
                        {match locked {
                            Some(number) => view! {
                                <p class="hint">{tw("negotiation.agreement.locked", &[("number", &number)])}</p>
                            }.into_any(),
                            None => view! {
                                <div class="actions">
                                    <button type="button" aria-label=edit_label on:click=move |_| edit(&t2, &currency)>
                                        {tr("negotiation.agreement.edit_short")}
                                    </button>
                                    <button type="button" class="danger" aria-label=remove_label on:click=move |_| remove(id)>
                                        {tr("negotiation.agreement.remove_short")}
                                    </button>
                                </div>
                            }.into_any(),
                        }}
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="card-list term-list" aria-label=tr("negotiation.agreement.terms_list")>{items}</ul>
        }
        .into_any()
    }
}

#[component]
fn TermFormView(
    deal_id: Id,
    n: Memo<Option<Negotiation>>,
    editing: RwSignal<Option<Id>>,
    form: TermForm,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let issues = Signal::derive(move || {
        n.with(|n| {
            n.as_ref()
                .map(|n| {
                    n.plan
                        .issues
                        .iter()
                        .map(|i| {
                            (
                                i.id.to_string(),
                                issue_name(n, Some(i.id)).unwrap_or_default(),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let currency = move || {
        n.with(|n| n.as_ref().map(|n| n.currency.code().to_string()))
            .or_else(|| {
                data.deals
                    .with(deal_id, |d| d.value.currency.code().to_string())
            })
            .unwrap_or_default()
    };
    let heading = move || match editing.get() {
        Some(id) => {
            let label = n.with(|n| {
                n.as_ref()
                    .and_then(|n| n.agreement.terms.iter().find(|t| t.id == id))
                    .map(|t| t.label.clone())
                    .unwrap_or_default()
            });
            tw("negotiation.agreement.form.edit_title", &[("term", &label)])
        }
        None => tr("negotiation.agreement.form.add_title"),
    };
    let cancel = move |_| {
        editing.set(None);
        form.clear();
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = form.draft();
        let editing_id = editing.get_untracked();
        let result = match editing_id {
            Some(id) => act::edit_term(data, deal_id, id, &draft),
            None => act::add_term(data, deal_id, &draft),
        };
        match result {
            Ok(Some(save)) => {
                form.errors.set(Vec::new());
                saved(toasts, save, move |_| {
                    toasts.push(
                        ToastKind::Success,
                        tw(
                            "negotiation.agreement.saved",
                            &[("term", draft.label.trim())],
                        ),
                    );
                    editing.set(None);
                    form.clear();
                });
            }
            Ok(None) => {}
            Err(errs) => form.errors.set(errs),
        }
    };
    let how_options = select_options(ConfirmedBy::ALL, ConfirmedBy::code, ConfirmedBy::key);
    let general = move || {
        form.errors.with(|v| {
            v.iter()
                .filter(|e| e.field().is_empty())
                .map(error_text)
                .collect::<Vec<_>>()
        })
    };
    let summary = move || form.errors.with(|v| v.len());
    view! {
        <form class="form-grid subsection term-form" on:submit=submit novalidate=true aria-labelledby="term-form-heading">
            <h3 id="term-form-heading">{heading}</h3>
            <Show when=move || !issues.with(Vec::is_empty)>
                <SelectField
                    id="term-issue"
                    label=Signal::derive(tr_fn("negotiation.agreement.field.issue"))
                    value=form.issue
                    options=issues
                    empty_label=Signal::derive(tr_fn("negotiation.agreement.field.issue_none"))
                    error=form.error("issue")
                />
            </Show>
            <TextField
                id="term-label"
                label=Signal::derive(tr_fn("negotiation.agreement.field.label"))
                value=form.label
                required=true
                error=form.error("label")
                hint=Signal::derive(tr_fn("negotiation.agreement.field.label_hint"))
            />
            <TextField
                id="term-value"
                label=Signal::derive(tr_fn("negotiation.agreement.field.value"))
                value=form.value
                required=true
                error=form.error("value")
                hint=Signal::derive(tr_fn("negotiation.agreement.field.value_hint"))
            />
            <TextField
                id="term-money"
                label=Signal::derive(move || tw("negotiation.agreement.field.money", &[("currency", &currency())]))
                value=form.money
                error=form.error("money")
                hint=Signal::derive(tr_fn("negotiation.agreement.field.money_hint"))
            />
            <TextField
                id="term-agreed-on"
                label=Signal::derive(tr_fn("negotiation.agreement.field.agreed_on"))
                value=form.agreed_on
                input_type="date"
                required=true
                error=form.error("agreed_on")
            />
            <CheckboxField
                id="term-confirmed"
                label=Signal::derive(tr_fn("negotiation.agreement.field.confirmed"))
                checked=form.confirmed
            />
            <Show when=move || form.confirmed.get()>
                <fieldset class="term-confirmation">
                    <legend>{tr_fn("negotiation.agreement.field.confirmation")}</legend>
                    <TextField
                        id="term-who"
                        label=Signal::derive(tr_fn("negotiation.agreement.field.who"))
                        value=form.who
                        required=true
                        error=form.error("who")
                    />
                    <SelectField
                        id="term-how"
                        label=Signal::derive(tr_fn("negotiation.agreement.field.how"))
                        value=form.how
                        options=Signal::derive(how_options)
                    />
                    <TextField
                        id="term-confirmed-on"
                        label=Signal::derive(tr_fn("negotiation.agreement.field.confirmed_on"))
                        value=form.confirmed_on
                        input_type="date"
                        required=true
                        error=form.error("confirmed_on")
                    />
                </fieldset>
            </Show>
            {move || {
                let g = general();
                (summary() > 0).then(|| view! {
                    <div class="notice notice-error" role="alert">
                        <p>{tr("negotiation.agreement.form.fix")}</p>
                        {g.into_iter().map(|e| view! { <p>{e}</p> }).collect_view()}
                    </div>
                })
            }}
            <div class="actions">
                <button type="submit" class="primary">
                    {move || if editing.get().is_some() {
                        tr("negotiation.agreement.form.save")
                    } else {
                        tr("negotiation.agreement.form.add")
                    }}
                </button>
                <Show when=move || editing.get().is_some()>
                    <button type="button" on:click=cancel>{tr_fn("negotiation.agreement.form.cancel")}</button>
                </Show>
            </div>
        </form>
    }
}

#[component]
fn ContractView(deal_id: Id, deal: DealSig, n: Memo<Option<Negotiation>>) -> impl IntoView {
    let signed = Memo::new(move |_| {
        n.with(|n| {
            n.as_ref().and_then(|n| {
                n.agreement
                    .contract
                    .clone()
                    .map(|c| (c, n.currency.clone()))
            })
        })
    });
    view! {
        <section class="subsection contract" aria-labelledby="contract-heading">
            <h3 id="contract-heading">{tr_fn("negotiation.agreement.contract.title")}</h3>
            {move || match signed.get() {
                Some((c, currency)) => view! {
                    <dl class="facts">
                        <dt>{tr("negotiation.agreement.field.number")}</dt>
                        <dd>{c.number.clone()}</dd>
                        <dt>{tr("negotiation.agreement.field.signed_on")}</dt>
                        <dd>{fmt::date(c.signed_on)}</dd>
                        <dt>{tr("negotiation.agreement.field.contract_value")}</dt>
                        <dd>{money(c.value_minor, &currency)}</dd>
                        <dt>{tr("negotiation.agreement.contract_terms")}</dt>
                        <dd>{c.terms.len().to_string()}</dd>
                    </dl>
                    {(!c.note.is_empty()).then(|| view! { <p>{c.note.clone()}</p> })}
                }.into_any(),
                None => view! { <SignForm deal_id=deal_id deal=deal n=n/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn SignForm(deal_id: Id, deal: DealSig, n: Memo<Option<Negotiation>>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let number = RwSignal::new(String::new());
    let signed_on = RwSignal::new(iso(fmt::today()));
    let value = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<AgreementError>::new());
    // The agreement's value (the terms' sum) fills the value, and follows the terms.
    let sum = Memo::new(move |_| {
        n.with(|n| {
            n.as_ref().and_then(|n| {
                agreement::terms_value(n)
                    .map(|v| price::format_scaled(v, n.currency.exponent(), n.currency.exponent()))
            })
        })
    });
    Effect::new(move |_| {
        value.set(sum.get().unwrap_or_default());
    });
    let currency = move || {
        n.with(|n| n.as_ref().map(|n| n.currency.code().to_string()))
            .or_else(|| {
                data.deals
                    .with(deal_id, |d| d.value.currency.code().to_string())
            })
            .unwrap_or_default()
    };
    let err = move |field: &'static str| {
        Signal::derive(move || {
            errors.with(|v| v.iter().find(|e| e.field() == field).map(error_text))
        })
    };
    let in_step_five = move || {
        deal.with(|d| {
            d.as_ref()
                .is_some_and(|d: &Deal| d.is_open() && d.step == Step::WinningCommitment)
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ContractDraft {
            number: number.get_untracked(),
            signed_on: signed_on.get_untracked(),
            value: value.get_untracked(),
            note: note.get_untracked(),
        };
        match act::sign(data, deal_id, &draft) {
            Ok(Some(save)) => {
                errors.set(Vec::new());
                spawn_local(async move {
                    match save.await {
                        Ok((_, d)) => toasts.push(
                            ToastKind::Success,
                            tw(
                                "negotiation.agreement.signed",
                                &[("deal", &d.title), ("value", &fmt::money(&d.value))],
                            ),
                        ),
                        Err(e) => report_store_error(toasts, &e),
                    }
                });
            }
            Ok(None) => {}
            Err(errs) => errors.set(errs),
        }
    };
    let general = move || {
        errors.with(|v| {
            v.iter()
                .filter(|e| e.field().is_empty())
                .map(error_text)
                .collect::<Vec<_>>()
        })
    };
    view! {
        <form class="form-grid sign-form" on:submit=submit novalidate=true aria-label=tr_fn("negotiation.agreement.contract.form")>
            <p class="hint">{tr_fn("negotiation.agreement.contract.intro")}</p>
            <Show when=move || !in_step_five()>
                <p class="notice" role="status">{tr_fn("negotiation.agreement.contract.step_five_only")}</p>
            </Show>
            <TextField
                id="contract-number"
                label=Signal::derive(tr_fn("negotiation.agreement.field.number"))
                value=number
                required=true
                error=err("number")
            />
            <TextField
                id="contract-signed-on"
                label=Signal::derive(tr_fn("negotiation.agreement.field.signed_on"))
                value=signed_on
                input_type="date"
                required=true
                error=err("signed_on")
            />
            <TextField
                id="contract-value"
                label=Signal::derive(move || tw("negotiation.agreement.field.contract_value_in", &[("currency", &currency())]))
                value=value
                error=err("contract_value")
                hint=Signal::derive(tr_fn("negotiation.agreement.field.contract_value_hint"))
            />
            <TextArea
                id="contract-note"
                label=Signal::derive(tr_fn("negotiation.agreement.field.note"))
                value=note
                error=err("note")
                rows=2
            />
            {move || {
                let g = general();
                (!g.is_empty()).then(|| view! {
                    <div class="notice notice-error" role="alert">
                        {g.into_iter().map(|e| view! { <p>{e}</p> }).collect_view()}
                    </div>
                })
            }}
            <div class="actions">
                <button type="submit" class="primary">{tr_fn("negotiation.agreement.contract.sign")}</button>
            </div>
        </form>
    }
}

/// This part's line in the deal page's step-5 section.
#[component]
pub(super) fn Summary(deal_id: Id, deal: DealSig) -> impl IntoView {
    let data = use_data();
    let line = move || {
        let n = actions::of_deal(data, deal_id)?;
        let reopened = deal.with(|d| {
            d.as_ref()
                .is_some_and(|d| agreement::reopened_after_signing(&n, d))
        });
        if let Some(c) = &n.agreement.contract {
            let mut s = tw(
                "negotiation.agreement.summary.signed",
                &[
                    ("number", &c.number),
                    ("date", &fmt::date(c.signed_on)),
                    ("value", &money(c.value_minor, &n.currency)),
                ],
            );
            if reopened {
                s.push(' ');
                s.push_str(&tr("negotiation.agreement.summary.reopened"));
            }
            return Some(s);
        }
        let terms = n.agreement.terms.len();
        if terms == 0 {
            return None;
        }
        let open = agreement::unconfirmed(&n).len();
        Some(tc(
            "negotiation.agreement.summary.terms",
            terms,
            &[("confirmed", &(terms - open).to_string())],
        ))
    };
    view! {
        {move || line().map(|s| view! { <p class="negotiation-summary">{s}</p> })}
    }
}
