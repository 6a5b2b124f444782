//! The written agreement: the agreed terms, their confirmation, the contract.
//!
//! **Terms.** Every result of the negotiation is written down one by one ([`Term`]): the
//! plan's issue it settles (optional), a label, the value agreed in words, its money value
//! when it has one, the day it was agreed; then its written confirmation ([`Confirmation`]:
//! who confirmed it, how — e-mail, letter, signed minutes, a clause of the contract, other
//! writing — and when). Label and value are required; the day agreed is not in the
//! future; a confirmation names who confirmed and is dated neither before the day agreed
//! nor in the future. A term attached to a signed contract is part of that record: it is
//! neither changed nor removed.
//!
//! **The agreement's value** ([`agreed_value`]): the signed contract's value once there is
//! one; before that, the sum of the money values of the agreed terms (a term without a
//! money value adds nothing; `None` when no term has one). The contract form is prefilled
//! with that sum and the rep may type another figure (the contract is the authority).
//!
//! **Signing** ([`sign`]) records the contract (number, day signed, value, every term
//! attached, a note) and wins the deal in one change: the deal, open and in step 5,
//! confirms step 5's end signal (the contract is the evidence, dated the day signed) and
//! moves to step 6 won, its value the agreement's value in the negotiation's currency. It
//! is refused without a number, with a day signed in the future, with no terms, or while
//! a term is unconfirmed (naming them). Signing from an earlier step is refused: the
//! agreement is step 5's work, and a deal that skips step 5 is won from its page
//! ("Mark won", with the reason of the skip). A negotiation holds one contract; reopening
//! the won deal keeps it as history.
//!
//! **The won gate** ([`win_gate`]): whatever way a deal is won (signing, "Mark won",
//! confirming step 5's end signal, a skip into step 6), every agreed term of its
//! negotiation must be confirmed in writing first, and the deal is won at the agreement's
//! value ([`won_value`]). A deal with no negotiation, or whose negotiation has no terms, is
//! a simple sale and wins as before, at its own value.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Confirmation, ConfirmedBy, Contract, Negotiation, Term};
use crate::domain::deal::{self, Deal, Step, TransitionError};
use crate::domain::ids::{new_id, Id};
use crate::domain::money::Money;
use crate::domain::price;
use crate::domain::rules::{self, plausible_year, RuleError, MAX_NAME, MAX_TEXT};

/// A term as typed in the term form (dates as `YYYY-MM-DD`, blank money for none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermDraft {
    pub issue_id: Option<Id>,
    pub label: String,
    pub value: String,
    /// Its money value as typed, in the negotiation's currency (blank: none).
    pub money: String,
    pub agreed_on: String,
    /// Whether the form records a written confirmation.
    pub confirmed: bool,
    pub who: String,
    pub how: ConfirmedBy,
    pub confirmed_on: String,
}

impl Default for TermDraft {
    fn default() -> Self {
        TermDraft {
            issue_id: None,
            label: String::new(),
            value: String::new(),
            money: String::new(),
            agreed_on: String::new(),
            confirmed: false,
            who: String::new(),
            how: ConfirmedBy::Email,
            confirmed_on: String::new(),
        }
    }
}

impl TermDraft {
    /// The form filled from a stored term (`exponent`: the currency's decimals).
    pub fn from_term(t: &Term, exponent: u32) -> Self {
        let c = t.confirmation.as_ref();
        TermDraft {
            issue_id: t.issue_id,
            label: t.label.clone(),
            value: t.value.clone(),
            money: t
                .value_minor
                .map(|m| price::format_scaled(m, exponent, exponent))
                .unwrap_or_default(),
            agreed_on: iso(t.agreed_on),
            confirmed: c.is_some(),
            who: c.map(|c| c.who.clone()).unwrap_or_default(),
            how: c.map_or(ConfirmedBy::Email, |c| c.how),
            confirmed_on: c.map(|c| iso(c.on)).unwrap_or_default(),
        }
    }
}

/// The contract as typed in the signing form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContractDraft {
    pub number: String,
    pub signed_on: String,
    /// Its value as typed (blank: the agreement's value, [`agreed_value`]).
    pub value: String,
    pub note: String,
}

/// Why a term, a confirmation or the signing was refused. Each names the form field it
/// belongs to ([`AgreementError::field`]; `""`: the form as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgreementError {
    LabelRequired,
    LabelTooLong,
    ValueRequired,
    ValueTooLong,
    /// The money value is not an amount in the currency (`{value}`: what was typed).
    MoneyInvalid(String),
    /// The issue is not (or no longer) in the plan.
    UnknownIssue,
    AgreedOnRequired,
    AgreedInFuture,
    WhoRequired,
    ConfirmedOnRequired,
    ConfirmedBeforeAgreed,
    ConfirmedInFuture,
    /// The term is no longer in the agreement.
    TermGone,
    /// The term is attached to the signed contract (`{number}`).
    TermSigned(String),
    NumberRequired,
    NumberTooLong,
    SignedOnRequired,
    SignedInFuture,
    /// No contract value typed, and no term has a money value to sum.
    ContractValueRequired,
    ContractValueInvalid(String),
    NoteTooLong,
    /// The contract needs at least one agreed term.
    NoTerms,
    /// These terms (labels) are not confirmed in writing yet.
    Unconfirmed(Vec<String>),
    /// A contract is already recorded (`{number}`).
    AlreadySigned(String),
    /// The deal is not in step 5 (it is in this step).
    NotInStepFive(Step),
    /// The deal cannot be won (closed, won already…).
    Deal(TransitionError),
}

crate::keyed_enum!(AgreementError, {
    Self::LabelRequired => "negotiation.agreement.error.label_required",
    Self::LabelTooLong => "negotiation.agreement.error.label_too_long",
    Self::ValueRequired => "negotiation.agreement.error.value_required",
    Self::ValueTooLong => "negotiation.agreement.error.value_too_long",
    Self::MoneyInvalid(_) => "negotiation.agreement.error.money_invalid",
    Self::UnknownIssue => "negotiation.agreement.error.unknown_issue",
    Self::AgreedOnRequired => "negotiation.agreement.error.agreed_on_required",
    Self::AgreedInFuture => "negotiation.agreement.error.agreed_in_future",
    Self::WhoRequired => "negotiation.agreement.error.who_required",
    Self::ConfirmedOnRequired => "negotiation.agreement.error.confirmed_on_required",
    Self::ConfirmedBeforeAgreed => "negotiation.agreement.error.confirmed_before_agreed",
    Self::ConfirmedInFuture => "negotiation.agreement.error.confirmed_in_future",
    Self::TermGone => "negotiation.agreement.error.term_gone",
    Self::TermSigned(_) => "negotiation.agreement.error.term_signed",
    Self::NumberRequired => "negotiation.agreement.error.number_required",
    Self::NumberTooLong => "negotiation.agreement.error.number_too_long",
    Self::SignedOnRequired => "negotiation.agreement.error.signed_on_required",
    Self::SignedInFuture => "negotiation.agreement.error.signed_in_future",
    Self::ContractValueRequired => "negotiation.agreement.error.contract_value_required",
    Self::ContractValueInvalid(_) => "negotiation.agreement.error.contract_value_invalid",
    Self::NoteTooLong => "negotiation.agreement.error.note_too_long",
    Self::NoTerms => "negotiation.agreement.error.no_terms",
    Self::Unconfirmed(_) => "negotiation.agreement.error.unconfirmed",
    Self::AlreadySigned(_) => "negotiation.agreement.error.already_signed",
    Self::NotInStepFive(_) => "negotiation.agreement.error.not_in_step_five",
}, via {
    Self::Deal(e) => e.key(),
});

impl AgreementError {
    /// The form field the error belongs to (`""`: the form as a whole).
    pub fn field(&self) -> &'static str {
        match self {
            Self::LabelRequired | Self::LabelTooLong => "label",
            Self::ValueRequired | Self::ValueTooLong => "value",
            Self::MoneyInvalid(_) => "money",
            Self::UnknownIssue => "issue",
            Self::AgreedOnRequired | Self::AgreedInFuture => "agreed_on",
            Self::WhoRequired => "who",
            Self::ConfirmedOnRequired | Self::ConfirmedBeforeAgreed | Self::ConfirmedInFuture => {
                "confirmed_on"
            }
            Self::NumberRequired | Self::NumberTooLong => "number",
            Self::SignedOnRequired | Self::SignedInFuture => "signed_on",
            Self::ContractValueRequired | Self::ContractValueInvalid(_) => "contract_value",
            Self::NoteTooLong => "note",
            Self::TermGone
            | Self::TermSigned(_)
            | Self::NoTerms
            | Self::Unconfirmed(_)
            | Self::AlreadySigned(_)
            | Self::NotInStepFive(_)
            | Self::Deal(_) => "",
        }
    }
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A typed `YYYY-MM-DD` date with a four-digit year.
fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| plausible_year(*d))
}

/// A typed amount in minor units of a currency with `exponent` decimals (not negative).
fn parse_amount(s: &str, exponent: u32) -> Result<i64, ()> {
    match price::parse_scaled(s, exponent) {
        Ok(v) if v >= 0 => Ok(v),
        _ => Err(()),
    }
}

/// The term the draft describes, with id `id` (every problem at once, in form order).
/// `exponent`: the negotiation's currency's decimals; `today`: the rep's date.
pub fn build_term(
    n: &Negotiation,
    draft: &TermDraft,
    id: Id,
    exponent: u32,
    today: NaiveDate,
) -> Result<Term, Vec<AgreementError>> {
    let mut errs = Vec::new();
    if draft.issue_id.is_some_and(|i| n.issue(i).is_none()) {
        errs.push(AgreementError::UnknownIssue);
    }
    let label = draft.label.trim();
    if label.is_empty() {
        errs.push(AgreementError::LabelRequired);
    } else if label.chars().count() > MAX_NAME {
        errs.push(AgreementError::LabelTooLong);
    }
    let value = draft.value.trim();
    if value.is_empty() {
        errs.push(AgreementError::ValueRequired);
    } else if value.chars().count() > MAX_TEXT {
        errs.push(AgreementError::ValueTooLong);
    }
    let money = match draft.money.trim() {
        "" => None,
        typed => match parse_amount(typed, exponent) {
            Ok(v) => Some(v),
            Err(()) => {
                errs.push(AgreementError::MoneyInvalid(typed.to_string()));
                None
            }
        },
    };
    let agreed_on = parse_date(&draft.agreed_on);
    match agreed_on {
        None => errs.push(AgreementError::AgreedOnRequired),
        Some(d) if d > today => errs.push(AgreementError::AgreedInFuture),
        Some(_) => {}
    }
    let confirmation = if draft.confirmed {
        let who = draft.who.trim();
        if who.is_empty() {
            errs.push(AgreementError::WhoRequired);
        } else if who.chars().count() > MAX_NAME {
            errs.push(AgreementError::LabelTooLong);
        }
        let on = parse_date(&draft.confirmed_on);
        match (on, agreed_on) {
            (None, _) => errs.push(AgreementError::ConfirmedOnRequired),
            (Some(c), Some(a)) if c < a => errs.push(AgreementError::ConfirmedBeforeAgreed),
            (Some(c), _) if c > today => errs.push(AgreementError::ConfirmedInFuture),
            _ => {}
        }
        on.map(|on| Confirmation {
            who: who.to_string(),
            how: draft.how,
            on,
        })
    } else {
        None
    };
    if !errs.is_empty() {
        return Err(errs);
    }
    Ok(Term {
        id,
        issue_id: draft.issue_id,
        label: label.to_string(),
        value: value.to_string(),
        value_minor: money,
        agreed_on: agreed_on.expect("checked above"),
        confirmation,
    })
}

/// The signed contract's number when the term `id` is attached to it.
fn signed_with(n: &Negotiation, id: Id) -> Option<String> {
    n.agreement
        .contract
        .as_ref()
        .filter(|c| c.terms.contains(&id))
        .map(|c| c.number.clone())
}

/// Adds an agreed term.
pub fn add_term(
    n: &mut Negotiation,
    draft: &TermDraft,
    exponent: u32,
    today: NaiveDate,
) -> Result<Id, Vec<AgreementError>> {
    let term = build_term(n, draft, new_id(), exponent, today)?;
    let id = term.id;
    n.agreement.terms.push(term);
    Ok(id)
}

/// Changes the agreed term `id` (its confirmation too); refused for a term attached to
/// the signed contract.
pub fn edit_term(
    n: &mut Negotiation,
    id: Id,
    draft: &TermDraft,
    exponent: u32,
    today: NaiveDate,
) -> Result<(), Vec<AgreementError>> {
    let Some(at) = n.agreement.terms.iter().position(|t| t.id == id) else {
        return Err(vec![AgreementError::TermGone]);
    };
    if let Some(number) = signed_with(n, id) {
        return Err(vec![AgreementError::TermSigned(number)]);
    }
    let term = build_term(n, draft, id, exponent, today)?;
    n.agreement.terms[at] = term;
    Ok(())
}

/// Removes the agreed term `id`, returning it with its place (for an Undo); refused for a
/// term attached to the signed contract.
pub fn remove_term(n: &mut Negotiation, id: Id) -> Result<(usize, Term), AgreementError> {
    let at = n
        .agreement
        .terms
        .iter()
        .position(|t| t.id == id)
        .ok_or(AgreementError::TermGone)?;
    if let Some(number) = signed_with(n, id) {
        return Err(AgreementError::TermSigned(number));
    }
    Ok((at, n.agreement.terms.remove(at)))
}

/// Puts a removed term back at its place (Undo); nothing when a term with its id is there.
pub fn restore_term(n: &mut Negotiation, at: usize, term: Term) {
    crate::domain::parts::put_back(&mut n.agreement.terms, at, term, |a, b| a.id == b.id);
}

/// The labels of the terms not confirmed in writing, in the agreement's order.
pub fn unconfirmed(n: &Negotiation) -> Vec<String> {
    n.agreement
        .terms
        .iter()
        .filter(|t| t.confirmation.is_none())
        .map(|t| t.label.clone())
        .collect()
}

/// The sum of the terms' money values (`None` when no term has one; saturating, never
/// wrapping).
pub fn terms_value(n: &Negotiation) -> Option<i64> {
    let mut sum = None;
    for v in n.agreement.terms.iter().filter_map(|t| t.value_minor) {
        sum = Some(sum.unwrap_or(0i64).saturating_add(v));
    }
    sum
}

/// The agreement's value, in minor units of the negotiation's currency: the signed
/// contract's value, else the sum of the terms' money values ([`terms_value`]).
pub fn agreed_value(n: &Negotiation) -> Option<i64> {
    match &n.agreement.contract {
        Some(c) => Some(c.value_minor),
        None => terms_value(n),
    }
}

/// The unconfirmed terms that keep a deal from being won.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unconfirmed(pub Vec<String>);

impl From<Unconfirmed> for TransitionError {
    fn from(u: Unconfirmed) -> Self {
        TransitionError::TermsUnconfirmed(u.0)
    }
}

/// Whether moving `deal` to `to` wins it (an open deal entering step 6).
pub fn move_wins(deal: &Deal, to: Step) -> bool {
    deal.is_open() && deal.step < Step::FollowUpService && to == Step::FollowUpService
}

/// The won gate: the deal may be won only when every agreed term of its negotiation
/// `n` is confirmed in writing. No negotiation (or another deal's), or no terms: a simple
/// sale, nothing to confirm.
pub fn win_gate(deal: &Deal, n: Option<&Negotiation>) -> Result<(), Unconfirmed> {
    let Some(n) = n.filter(|n| n.deal_id == deal.id) else {
        return Ok(());
    };
    let labels = unconfirmed(n);
    if labels.is_empty() {
        Ok(())
    } else {
        Err(Unconfirmed(labels))
    }
}

/// The value a deal is won at when it is won another way than by signing (the "Mark won"
/// form, confirming step 5's end signal, a skip into step 6): the agreement's value
/// ([`agreed_value`]) in the negotiation's currency when the deal's negotiation has agreed
/// terms and a value; `None` (the deal keeps its value) otherwise.
pub fn won_value(deal: &Deal, n: Option<&Negotiation>) -> Option<Money> {
    let n = n.filter(|n| n.deal_id == deal.id && !n.agreement.terms.is_empty())?;
    agreed_value(n).map(|v| Money::new(v, n.currency.clone()))
}

/// Signs the contract: records it on the negotiation and wins the deal at the agreement's
/// value (see the module notes). `evidence` words the end signal from the contract and
/// the number of terms. Nothing changes unless everything succeeds.
pub fn sign(
    n: &mut Negotiation,
    deal: &mut Deal,
    draft: &ContractDraft,
    evidence: impl FnOnce(&Contract, usize) -> String,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), Vec<AgreementError>> {
    if let Some(c) = &n.agreement.contract {
        return Err(vec![AgreementError::AlreadySigned(c.number.clone())]);
    }
    let exponent = n.currency.exponent();
    let mut errs = Vec::new();
    let number = draft.number.trim();
    if number.is_empty() {
        errs.push(AgreementError::NumberRequired);
    } else if number.chars().count() > MAX_NAME {
        errs.push(AgreementError::NumberTooLong);
    }
    let signed_on = parse_date(&draft.signed_on);
    match signed_on {
        None => errs.push(AgreementError::SignedOnRequired),
        Some(d) if d > today => errs.push(AgreementError::SignedInFuture),
        Some(_) => {}
    }
    let value = match draft.value.trim() {
        "" => terms_value(n),
        typed => match parse_amount(typed, exponent) {
            Ok(v) => Some(v),
            Err(()) => {
                errs.push(AgreementError::ContractValueInvalid(typed.to_string()));
                None
            }
        },
    };
    if value.is_none() && draft.value.trim().is_empty() {
        errs.push(AgreementError::ContractValueRequired);
    }
    if draft.note.chars().count() > MAX_TEXT {
        errs.push(AgreementError::NoteTooLong);
    }
    if n.agreement.terms.is_empty() {
        errs.push(AgreementError::NoTerms);
    }
    let open = unconfirmed(n);
    if !open.is_empty() {
        errs.push(AgreementError::Unconfirmed(open));
    }
    if deal.is_open() && deal.step != Step::WinningCommitment {
        errs.push(AgreementError::NotInStepFive(deal.step));
    } else if let Err(e) = deal::check_move(deal, Step::FollowUpService) {
        errs.push(AgreementError::Deal(e));
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let (signed_on, value) = (signed_on.expect("checked"), value.expect("checked"));
    let contract = Contract {
        number: number.to_string(),
        signed_on,
        value_minor: value,
        terms: n.agreement.terms.iter().map(|t| t.id).collect(),
        note: draft.note.trim().to_string(),
    };
    let mut d = deal.clone();
    d.value = Money::new(value, n.currency.clone());
    let words = evidence(&contract, contract.terms.len());
    deal::advance(&mut d, &words, signed_on, now).map_err(|e| vec![AgreementError::Deal(e)])?;
    n.agreement.contract = Some(contract);
    *deal = d;
    Ok(())
}

/// Whether the deal was reopened after its contract was signed: the contract is recorded
/// and the deal is open again.
pub fn reopened_after_signing(n: &Negotiation, deal: &Deal) -> bool {
    n.agreement.contract.is_some() && deal.is_open()
}

const L_LABEL: &str = "negotiation.agreement.field.label";
const L_VALUE: &str = "negotiation.agreement.field.value";
const L_WHO: &str = "negotiation.agreement.field.who";
const L_CONFIRMED_ON: &str = "negotiation.agreement.field.confirmed_on";
const L_NUMBER: &str = "negotiation.agreement.field.number";
const L_CONTRACT_VALUE: &str = "negotiation.agreement.field.contract_value";

/// The rules of the agreement, on every save and every record a backup brings: each term
/// has a label and a value (of sensible lengths) and a unique id; a confirmation names who
/// and is not dated before the day agreed; a contract has a number, a value not below zero
/// and attaches only terms of the agreement.
pub fn check_agreement(n: &Negotiation) -> Result<(), RuleError> {
    let a = &n.agreement;
    for (i, t) in a.terms.iter().enumerate() {
        let path = |f: &str| format!("agreement.terms[{i}].{f}");
        rules::name(&path("label"), L_LABEL, &t.label)?;
        if t.value.trim().is_empty() {
            return Err(RuleError::new(path("value"), L_VALUE, "rule.required"));
        }
        rules::length(&path("value"), L_VALUE, &t.value, MAX_TEXT)?;
        rules::date(&path("agreed_on"), L_LABEL, t.agreed_on)?;
        if a.terms[..i].iter().any(|o| o.id == t.id) {
            return Err(RuleError::new(path("id"), L_LABEL, "rule.invalid").arg("detail", t.id));
        }
        if let Some(c) = &t.confirmation {
            rules::name(&path("confirmation.who"), L_WHO, &c.who)?;
            rules::date(&path("confirmation.on"), L_CONFIRMED_ON, c.on)?;
            if c.on < t.agreed_on {
                return Err(RuleError::new(
                    path("confirmation.on"),
                    L_CONFIRMED_ON,
                    "negotiation.agreement.error.confirmed_before_agreed",
                ));
            }
        }
    }
    if let Some(c) = &a.contract {
        rules::name("agreement.contract.number", L_NUMBER, &c.number)?;
        rules::date("agreement.contract.signed_on", L_NUMBER, c.signed_on)?;
        rules::length("agreement.contract.note", L_NUMBER, &c.note, MAX_TEXT)?;
        if c.value_minor < 0 {
            return Err(RuleError::new(
                "agreement.contract.value_minor",
                L_CONTRACT_VALUE,
                "rule.out_of_range",
            )
            .arg("value", c.value_minor));
        }
        if let Some(id) = c
            .terms
            .iter()
            .find(|id| !a.terms.iter().any(|t| t.id == **id))
        {
            return Err(
                RuleError::new("agreement.contract.terms", L_NUMBER, "rule.invalid")
                    .arg("detail", id),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "agreement_tests.rs"]
mod tests;
