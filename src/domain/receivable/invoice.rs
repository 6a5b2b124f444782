//! The rules of invoices and their payments, the late cause and the collection steps, and
//! the end of a sale: a deal leaves step 6 only when every invoice is paid.
//!
//! **An invoice** has a number (required, unique in the book: the caller gives the numbers
//! already taken), an issue and a due date (due not before issued) and an amount above
//! zero in the deal's currency. Changing it keeps its payments: the amount may not fall
//! below what was paid.
//!
//! **A payment** is above zero, not more than what is still owed (the message names it),
//! dated neither before the invoice was issued nor in the future. A removed payment is
//! kept for its Undo.
//!
//! **The end of the sale** ([`exit_gate`]): confirming step 6's end signal (every account
//! paid) is refused while an invoice of the deal is unpaid (naming them). A payment that
//! pays the last unpaid invoice of a won deal in step 6 finishes the deal, dated the
//! payment's day ([`finish_when_paid`]). A deal without invoices is confirmed by hand.

use crate::domain::sorting::SortExt;
use chrono::{DateTime, NaiveDate, Utc};

use super::{CollectionAction, CollectionStep, Invoice, LateCause, Payment};
use crate::domain::deal::{self, Deal, Outcome, Step, TransitionError};
use crate::domain::fields::FieldError;
use crate::domain::ids::{new_id, Id};
use crate::domain::money::{Currency, Money};
use crate::domain::price::{format_scaled, parse_scaled};
use crate::domain::rules::{plausible_year, MAX_NAME, MAX_TEXT};

/// The labels of the invoice, payment and collection forms' fields.
pub mod label {
    pub const NUMBER: &str = "receivable.field.number";
    pub const ISSUED_ON: &str = "receivable.field.issued_on";
    pub const DUE_ON: &str = "receivable.field.due_on";
    pub const AMOUNT: &str = "receivable.field.amount";
    pub const NOTE: &str = "receivable.field.note";
    pub const PAID_ON: &str = "receivable.field.paid_on";
    pub const PAYMENT: &str = "receivable.field.payment";
    pub const STEP_ON: &str = "receivable.field.step_on";
    pub const ACTION: &str = "receivable.field.action";
}

/// An invoice as typed in its form (dates as `YYYY-MM-DD`, the amount as typed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InvoiceDraft {
    pub number: String,
    pub issued_on: String,
    pub due_on: String,
    pub amount: String,
    pub note: String,
}

impl InvoiceDraft {
    /// The form filled from a stored invoice.
    pub fn from_invoice(i: &Invoice) -> Self {
        let e = i.amount.currency.exponent();
        InvoiceDraft {
            number: i.number.clone(),
            issued_on: iso(i.issued_on),
            due_on: iso(i.due_on),
            amount: format_scaled(i.amount.minor, e, e),
            note: i.note.clone(),
        }
    }
}

/// A payment as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaymentDraft {
    pub on: String,
    pub amount: String,
    pub note: String,
}

/// A collection step as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepDraft {
    pub on: String,
    pub action: CollectionAction,
    pub note: String,
}

pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| plausible_year(*d))
}

/// A required date field: missing or not a date.
fn date_field(
    field: &'static str,
    label: &'static str,
    typed: &str,
    errs: &mut Vec<FieldError>,
) -> Option<NaiveDate> {
    let t = typed.trim();
    if t.is_empty() {
        errs.push(FieldError::new(
            field,
            label,
            "receivable.error.date_required",
        ));
        return None;
    }
    let d = parse_date(t);
    if d.is_none() {
        errs.push(FieldError::new(field, label, "receivable.error.date_invalid").arg("value", t));
    }
    d
}

/// A required amount above zero, in minor units of `currency`.
fn amount_field(
    field: &'static str,
    label: &'static str,
    typed: &str,
    currency: &Currency,
    errs: &mut Vec<FieldError>,
) -> Option<i64> {
    let t = typed.trim();
    if t.is_empty() {
        errs.push(FieldError::new(
            field,
            label,
            "receivable.error.amount_required",
        ));
        return None;
    }
    match parse_scaled(t, currency.exponent()) {
        Err(e) => {
            errs.push(FieldError::decimal(field, label, &e, t));
            None
        }
        Ok(0) => {
            errs.push(
                FieldError::new(field, label, "receivable.error.amount_zero").arg("value", t),
            );
            None
        }
        Ok(v) => Some(v),
    }
}

fn note_field(
    field: &'static str,
    label: &'static str,
    s: &str,
    errs: &mut Vec<FieldError>,
) -> String {
    let n = s.trim();
    let len = n.chars().count();
    if len > MAX_TEXT {
        errs.push(
            FieldError::new(field, label, "receivable.error.too_long")
                .arg("len", len)
                .arg("max", MAX_TEXT),
        );
    }
    n.to_string()
}

/// Whether `number` is taken by one of `taken` (trimmed, letter case ignored).
pub fn number_taken(number: &str, taken: &[String]) -> bool {
    let n = number.trim().to_lowercase();
    taken.iter().any(|t| t.trim().to_lowercase() == n)
}

/// The invoice's typed fields, checked: (number, issued, due, amount in minor units, note).
/// `taken`: the numbers of the book's other invoices; `paid_minor`: what is already paid
/// (the amount may not fall below it).
pub fn check_draft(
    draft: &InvoiceDraft,
    currency: &Currency,
    taken: &[String],
    paid_minor: i64,
) -> Result<(String, NaiveDate, NaiveDate, i64, String), Vec<FieldError>> {
    let mut errs = Vec::new();
    let number = draft.number.trim();
    if number.is_empty() {
        errs.push(FieldError::new(
            "number",
            label::NUMBER,
            "receivable.error.number_required",
        ));
    } else if number.chars().count() > MAX_NAME {
        errs.push(
            FieldError::new("number", label::NUMBER, "receivable.error.too_long")
                .arg("len", number.chars().count())
                .arg("max", MAX_NAME),
        );
    } else if number_taken(number, taken) {
        errs.push(
            FieldError::new("number", label::NUMBER, "receivable.error.number_taken")
                .arg("value", number),
        );
    }
    let issued = date_field("issued_on", label::ISSUED_ON, &draft.issued_on, &mut errs);
    let due = date_field("due_on", label::DUE_ON, &draft.due_on, &mut errs);
    if let (Some(i), Some(d)) = (issued, due) {
        if d < i {
            errs.push(
                FieldError::new("due_on", label::DUE_ON, "receivable.error.due_before_issue")
                    .arg("date", iso(i)),
            );
        }
    }
    let amount = amount_field("amount", label::AMOUNT, &draft.amount, currency, &mut errs);
    if let Some(a) = amount {
        if a < paid_minor {
            errs.push(
                FieldError::new(
                    "amount",
                    label::AMOUNT,
                    "receivable.error.amount_below_paid",
                )
                .arg("value", draft.amount.trim())
                .amount("paid", Money::new(paid_minor, currency.clone())),
            );
        }
    }
    let note = note_field("note", label::NOTE, &draft.note, &mut errs);
    match (issued, due, amount) {
        (Some(i), Some(d), Some(a)) if errs.is_empty() => Ok((number.to_string(), i, d, a, note)),
        _ => Err(errs),
    }
}

/// A new invoice of `deal` in `currency`, from the form.
pub fn new_invoice(
    deal: &Deal,
    draft: &InvoiceDraft,
    currency: &Currency,
    taken: &[String],
    now: DateTime<Utc>,
) -> Result<Invoice, Vec<FieldError>> {
    let (number, issued, due, amount, note) = check_draft(draft, currency, taken, 0)?;
    let mut inv = Invoice::new(
        deal.id,
        deal.account_id,
        &number,
        issued,
        due,
        Money::new(amount, currency.clone()),
        now,
    );
    inv.note = note;
    Ok(inv)
}

/// Changes an invoice from the form (its payments are kept: no payment may then lie
/// before the new issue date).
pub fn edit_invoice(
    inv: &mut Invoice,
    draft: &InvoiceDraft,
    taken: &[String],
) -> Result<(), Vec<FieldError>> {
    let currency = inv.amount.currency.clone();
    let (number, issued, due, amount, note) =
        check_draft(draft, &currency, taken, inv.paid_minor())?;
    if let Some(p) = inv
        .payments
        .iter()
        .map(|p| p.on)
        .min()
        .filter(|p| *p < issued)
    {
        return Err(vec![FieldError::new(
            "issued_on",
            label::ISSUED_ON,
            "receivable.error.issue_after_payment",
        )
        .arg("date", iso(p))]);
    }
    inv.number = number;
    inv.issued_on = issued;
    inv.due_on = due;
    inv.amount = Money::new(amount, currency);
    inv.note = note;
    Ok(())
}

/// The next invoice number after the book's `numbers`: the highest trailing number plus
/// one, keeping its prefix and width ("INV-2026-009" → "INV-2026-010"); "INV-1" for none.
pub fn next_number(numbers: &[String]) -> String {
    let mut best: Option<(u64, String, usize)> = None;
    for n in numbers {
        let n = n.trim();
        let digits = n.chars().rev().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || digits > 18 {
            continue;
        }
        let (prefix, tail) = n.split_at(n.len() - digits);
        let Ok(v) = tail.parse::<u64>() else { continue };
        if best.as_ref().is_none_or(|(b, _, _)| v > *b) {
            best = Some((v, prefix.to_string(), digits));
        }
    }
    let next = match best {
        Some((v, prefix, width)) => format!("{prefix}{:0width$}", v + 1),
        None => "INV-1".to_string(),
    };
    if number_taken(&next, numbers) {
        format!("{next}-1")
    } else {
        next
    }
}

/// Records a payment (see the module notes); returns its id.
pub fn add_payment(
    inv: &mut Invoice,
    draft: &PaymentDraft,
    today: NaiveDate,
) -> Result<Id, Vec<FieldError>> {
    let mut errs = Vec::new();
    let on = date_field("paid_on", label::PAID_ON, &draft.on, &mut errs);
    match on {
        Some(d) if d < inv.issued_on => errs.push(
            FieldError::new(
                "paid_on",
                label::PAID_ON,
                "receivable.error.paid_before_issue",
            )
            .arg("date", iso(inv.issued_on)),
        ),
        Some(d) if d > today => errs.push(FieldError::new(
            "paid_on",
            label::PAID_ON,
            "receivable.error.paid_in_future",
        )),
        _ => {}
    }
    let currency = inv.amount.currency.clone();
    let amount = amount_field(
        "payment",
        label::PAYMENT,
        &draft.amount,
        &currency,
        &mut errs,
    );
    let outstanding = inv.outstanding_minor();
    if let Some(a) = amount {
        if a > outstanding {
            errs.push(
                FieldError::new("payment", label::PAYMENT, "receivable.error.overpaid")
                    .amount("value", Money::new(a, currency.clone()))
                    .amount("outstanding", Money::new(outstanding, currency.clone())),
            );
        }
    }
    let note = note_field("payment_note", label::NOTE, &draft.note, &mut errs);
    match (on, amount) {
        (Some(on), Some(amount_minor)) if errs.is_empty() => {
            let id = new_id();
            inv.payments.push(Payment {
                id,
                on,
                amount_minor,
                note,
            });
            inv.payments.sort_on(|p| p.on);
            Ok(id)
        }
        _ => Err(errs),
    }
}

/// Removes a payment, returning it with its place (for an Undo); `None` when it is gone.
pub fn remove_payment(inv: &mut Invoice, id: Id) -> Option<(usize, Payment)> {
    crate::domain::parts::take_out(&mut inv.payments, |p| p.id == id)
}

/// Puts a removed payment back (Undo); refused (`false`) when it would now overpay the
/// invoice; nothing when it is there already.
pub fn restore_payment(inv: &mut Invoice, at: usize, p: Payment) -> bool {
    if inv.payments.iter().any(|x| x.id == p.id) {
        return true;
    }
    if p.amount_minor > inv.outstanding_minor() {
        return false;
    }
    crate::domain::parts::put_back(&mut inv.payments, at, p, |a, b| a.id == b.id)
}

/// Sets (or clears) why the invoice is late.
pub fn set_late_cause(inv: &mut Invoice, cause: Option<LateCause>) {
    inv.late_cause = cause;
}

/// Logs a collection step: dated, not in the future nor before the invoice was issued.
pub fn log_step(
    inv: &mut Invoice,
    draft: &StepDraft,
    today: NaiveDate,
) -> Result<Id, Vec<FieldError>> {
    let mut errs = Vec::new();
    let on = date_field("step_on", label::STEP_ON, &draft.on, &mut errs);
    match on {
        Some(d) if d < inv.issued_on => errs.push(
            FieldError::new(
                "step_on",
                label::STEP_ON,
                "receivable.error.step_before_issue",
            )
            .arg("date", iso(inv.issued_on)),
        ),
        Some(d) if d > today => errs.push(FieldError::new(
            "step_on",
            label::STEP_ON,
            "receivable.error.step_in_future",
        )),
        _ => {}
    }
    let note = note_field("step_note", label::NOTE, &draft.note, &mut errs);
    match on {
        Some(on) if errs.is_empty() => {
            let id = new_id();
            inv.collection.push(CollectionStep {
                id,
                on,
                action: draft.action,
                note,
            });
            inv.collection.sort_on(|s| s.on);
            Ok(id)
        }
        _ => Err(errs),
    }
}

/// Removes a collection step, returning it with its place (for an Undo).
pub fn remove_step(inv: &mut Invoice, id: Id) -> Option<(usize, CollectionStep)> {
    let at = inv.collection.iter().position(|s| s.id == id)?;
    Some((at, inv.collection.remove(at)))
}

// -- the end of the sale -----------------------------------------------------------------

/// The unpaid invoices that keep a deal in step 6 (their numbers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unpaid(pub Vec<String>);

impl From<Unpaid> for TransitionError {
    fn from(u: Unpaid) -> Self {
        TransitionError::InvoicesUnpaid(u.0)
    }
}

/// The numbers of the deal's unpaid invoices, in due-date order.
pub fn unpaid_numbers(deal_id: Id, invoices: &[Invoice]) -> Vec<String> {
    let mut open: Vec<&Invoice> = invoices
        .iter()
        .filter(|i| i.deal_id == deal_id && !i.is_paid())
        .collect();
    open.sort_with(|a, b| a.due_on.cmp(&b.due_on).then(a.number.cmp(&b.number)));
    open.into_iter().map(|i| i.number.clone()).collect()
}

/// Whether confirming step 6's end signal (every account paid) finishes the deal: a won,
/// unfinished deal in step 6 confirming step 6.
pub fn move_finishes(deal: &Deal, to: Step) -> bool {
    deal.step == Step::FollowUpService
        && to == Step::FollowUpService
        && matches!(deal.outcome, Outcome::Won { paid_on: None, .. })
}

/// The total the deal's invoices come to with `typed` (an amount typed in the invoice
/// form, in the currency's minor units), when it is more than the deal's value: the
/// form warns, as a deal is rarely invoiced for more than it is worth. `others` are the
/// deal's other invoices (an invoice being edited left out); those in another currency
/// are not counted.
pub fn total_over_value<'a>(
    value: &Money,
    others: impl IntoIterator<Item = &'a Invoice>,
    typed: i64,
) -> Option<i64> {
    let total = others
        .into_iter()
        .filter(|i| i.amount.currency == value.currency)
        .try_fold(typed, |sum, i| sum.checked_add(i.amount.minor))?;
    (total > value.minor).then_some(total)
}

/// The exit gate of step 6: refused while an invoice of the deal is unpaid. A deal with
/// no invoices passes (the rep confirms by hand).
pub fn exit_gate(deal: &Deal, invoices: &[Invoice]) -> Result<(), Unpaid> {
    let open = unpaid_numbers(deal.id, invoices);
    if open.is_empty() {
        Ok(())
    } else {
        Err(Unpaid(open))
    }
}

/// Whether the deal's sale is finished (every account paid).
pub fn is_finished(deal: &Deal) -> bool {
    matches!(
        deal.outcome,
        Outcome::Won {
            paid_on: Some(_),
            ..
        }
    )
}

/// After a payment dated `on`: when the deal is won, in step 6, not finished, and every one
/// of its `invoices` (as they are after the payment) is paid, finishes it through step 6's
/// end signal with `evidence`, dated `on`. Returns whether it did.
pub fn finish_when_paid(
    deal: &mut Deal,
    invoices: &[Invoice],
    evidence: &str,
    on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<bool, TransitionError> {
    let mine = invoices.iter().filter(|i| i.deal_id == deal.id);
    if !move_finishes(deal, Step::FollowUpService)
        || mine.clone().next().is_none()
        || mine.clone().any(|i| !i.is_paid())
    {
        return Ok(false);
    }
    deal::advance(deal, evidence, on, now)?;
    Ok(true)
}
