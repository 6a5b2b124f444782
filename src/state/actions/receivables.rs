//! Step 6 — invoices, payments, collection steps and credit checks, through
//! `domain::receivable`; paying the last invoice of a deal finishes the deal in the same
//! transaction.
//!
//! Each action reads the records as stored now (without tracking), changes them through
//! the domain's rules and commits one transaction. Refusals come back at once, before
//! anything is written (`Err`, with every problem at its field); `Ok(None)` means the record
//! is gone.

use crate::domain::deal::{Deal, TransitionError};
use crate::domain::fields::FieldError;
use crate::domain::ids::Id;
use crate::domain::receivable::credit::{self, CreditDraft};
use crate::domain::receivable::invoice::{self, InvoiceDraft, PaymentDraft, StepDraft};
use crate::domain::receivable::{CollectionStep, CreditCheck, Invoice, LateCause, Payment};
use crate::domain::sorting::SortExt;
use crate::state::data::{AppData, Changes};
use crate::state::index::IndexKey;
use crate::store::StoreError;
use chrono::{Local, NaiveDate, Utc};
use std::future::Future;
use std::pin::Pin;

fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// A save on its way to the store.
pub type Save<T> = Pin<Box<dyn Future<Output = Result<T, StoreError>>>>;

/// The invoices of a deal (tracked), by issue date then number.
pub fn of_deal(data: AppData, deal_id: Id) -> Vec<Invoice> {
    let ids = data.indexes.invoices_of(deal_id);
    let mut list = data
        .invoices
        .with_many(&ids, |v| v.into_iter().cloned().collect::<Vec<_>>());
    list.sort_with(|a, b| a.issued_on.cmp(&b.issued_on).then(a.number.cmp(&b.number)));
    list
}

/// The invoices of an account (tracked).
pub fn of_account(data: AppData, account_id: Id) -> Vec<Invoice> {
    let ids = data.indexes.invoices_of_account(account_id);
    data.invoices
        .with_many(&ids, |v| v.into_iter().cloned().collect())
}

/// The credit checks of an account (tracked), newest first.
pub fn credit_checks(data: AppData, account_id: Id) -> Vec<CreditCheck> {
    let ids = data.indexes.credit_checks_of(account_id);
    let mut list: Vec<CreditCheck> = data
        .credit_checks
        .with_many(&ids, |v| v.into_iter().cloned().collect());
    list.sort_on(|c| std::cmp::Reverse(c.checked_on));
    list
}

/// The deal's invoices as stored now (untracked).
fn stored_of_deal(data: AppData, deal_id: Id) -> Vec<Invoice> {
    let ids = data
        .indexes
        .with_untracked(|ix| ix.invoices_of(deal_id).to_vec());
    ids.iter()
        .filter_map(|id| data.invoices.get_untracked(*id))
        .collect()
}

/// Every invoice number of the book but `except`'s (untracked).
fn numbers(data: AppData, except: Option<Id>) -> Vec<String> {
    data.invoices.with_all_untracked(|m| {
        m.values()
            .filter(|i| Some(i.id) != except)
            .map(|i| i.number.clone())
            .collect()
    })
}

/// The number the next invoice gets (after the book's highest).
pub fn next_number(data: AppData) -> String {
    invoice::next_number(&numbers(data, None))
}

/// Step 6's exit gate for the deals action: refused while an invoice of the deal is unpaid.
pub(crate) fn exit_gate(data: AppData, deal: &Deal) -> Result<(), TransitionError> {
    invoice::exit_gate(deal, &stored_of_deal(data, deal.id)).map_err(TransitionError::from)
}

/// Whether the deal reached step 5 while its account has no credit check (tracked).
pub fn needs_credit_check(data: AppData, deal_id: Id) -> bool {
    let Some(deal) = data.deals.get(deal_id) else {
        return false;
    };
    let checks = credit_checks(data, deal.account_id);
    credit::needs_credit_check(&checks, &deal)
}

async fn commit_one<T: crate::state::data::Stored>(data: AppData, rec: T) -> Result<T, StoreError> {
    let mut ch = Changes::new();
    let saved = ch.put(&data, rec);
    ch.commit(data).await.map(|()| saved)
}

async fn delete_one<T: crate::state::data::Stored>(data: AppData, rec: T) -> Result<T, StoreError> {
    let mut ch = Changes::new();
    ch.delete(&rec);
    ch.commit(data).await.map(|()| rec)
}

/// A form-level refusal: the deal's sale is finished, its invoices stay paid.
fn finished_error() -> Vec<FieldError> {
    vec![FieldError::new(
        "",
        invoice::label::AMOUNT,
        "receivable.error.deal_finished",
    )]
}

/// Whether the invoice's deal is finished while the changed invoice would be unpaid.
fn unpays_finished(data: AppData, inv: &Invoice) -> bool {
    !inv.is_paid()
        && data
            .deals
            .get_untracked(inv.deal_id)
            .is_some_and(|d| invoice::is_finished(&d))
}

// -- invoices ---------------------------------------------------------------------------

/// Adds an invoice to a deal, in the deal's currency; refused at once with every problem
/// (a number already in the book among them).
pub fn add_invoice(
    data: AppData,
    deal_id: Id,
    draft: &InvoiceDraft,
) -> Result<Option<Save<Invoice>>, Vec<FieldError>> {
    let Some(deal) = data.deals.get_untracked(deal_id) else {
        return Ok(None);
    };
    let taken = numbers(data, None);
    let inv = invoice::new_invoice(&deal, draft, &deal.value.currency, &taken, Utc::now())?;
    Ok(Some(Box::pin(commit_one(data, inv))))
}

/// Changes an invoice (its payments kept).
pub fn edit_invoice(
    data: AppData,
    id: Id,
    draft: &InvoiceDraft,
) -> Result<Option<Save<Invoice>>, Vec<FieldError>> {
    let Some(mut inv) = data.invoices.get_untracked(id) else {
        return Ok(None);
    };
    let taken = numbers(data, Some(id));
    invoice::edit_invoice(&mut inv, draft, &taken)?;
    if unpays_finished(data, &inv) {
        return Err(finished_error());
    }
    Ok(Some(Box::pin(commit_one(data, inv))))
}

/// Deletes an invoice; returns the save and the invoice (for its Undo).
pub fn delete_invoice(data: AppData, id: Id) -> Option<Save<Invoice>> {
    let inv = data.invoices.get_untracked(id)?;
    Some(Box::pin(delete_one(data, inv)))
}

/// Puts a deleted invoice back (Undo); `None` when its number was taken since.
pub fn restore_invoice(data: AppData, inv: Invoice) -> Option<Save<Invoice>> {
    if data.invoices.get_untracked(inv.id).is_some()
        || invoice::number_taken(&inv.number, &numbers(data, Some(inv.id)))
    {
        return None;
    }
    Some(Box::pin(commit_one(data, inv)))
}

// -- payments ---------------------------------------------------------------------------

/// A payment as saved: the invoice, and the deal when the payment finished it.
pub type Paid = (Invoice, Option<Deal>);

/// The evidence of step 6's end signal: "Invoice INV-1 paid on 3 Jan 2026".
fn evidence(number: &str, on: NaiveDate) -> String {
    let date = crate::i18n::format_date(crate::state::prefs::locale(), on);
    crate::state::tw(
        "receivable.evidence.paid",
        &[("number", number), ("date", &date)],
    )
}

/// Records a payment; when it pays the last unpaid invoice of a won deal in step 6, the
/// same transaction finishes the deal (dated the payment's day).
pub fn add_payment(
    data: AppData,
    invoice_id: Id,
    draft: &PaymentDraft,
) -> Result<Option<Save<Paid>>, Vec<FieldError>> {
    let Some(mut inv) = data.invoices.get_untracked(invoice_id) else {
        return Ok(None);
    };
    let pid = invoice::add_payment(&mut inv, draft, today())?;
    let on = inv
        .payments
        .iter()
        .find(|p| p.id == pid)
        .map(|p| p.on)
        .unwrap_or_else(today);
    let before = data.deals.get_untracked(inv.deal_id);
    let mut finished = None;
    if let Some(before) = &before {
        let mut all: Vec<Invoice> = stored_of_deal(data, inv.deal_id)
            .into_iter()
            .filter(|i| i.id != inv.id)
            .collect();
        all.push(inv.clone());
        let mut after = before.clone();
        let words = evidence(&inv.number, on);
        if let Ok(true) = invoice::finish_when_paid(&mut after, &all, &words, on, Utc::now()) {
            finished = Some(after);
        }
    }
    Ok(Some(Box::pin(async move {
        let mut ch = Changes::new();
        let saved = ch.put(&data, inv);
        let deal = match (before, finished) {
            (Some(before), Some(after)) => Some(crate::state::actions::deals::stage(
                &mut ch, data, &before, after,
            )),
            _ => None,
        };
        ch.commit(data).await.map(|()| (saved, deal))
    })))
}

/// A removed payment and the place it had (for its Undo).
pub type RemovedPayment = (usize, Payment);

/// Removes a payment; returns the save and the payment with its place (for its Undo).
/// Refused when the invoice's deal is finished (its invoices stay paid).
pub fn remove_payment(
    data: AppData,
    invoice_id: Id,
    payment_id: Id,
) -> Result<Option<(Save<Invoice>, RemovedPayment)>, Vec<FieldError>> {
    let Some(mut inv) = data.invoices.get_untracked(invoice_id) else {
        return Ok(None);
    };
    let Some(removed) = invoice::remove_payment(&mut inv, payment_id) else {
        return Ok(None);
    };
    if unpays_finished(data, &inv) {
        return Err(finished_error());
    }
    Ok(Some((Box::pin(commit_one(data, inv)), removed)))
}

/// Puts a removed payment back (Undo).
pub fn restore_payment(
    data: AppData,
    invoice_id: Id,
    at: usize,
    p: Payment,
) -> Option<Save<Invoice>> {
    let mut inv = data.invoices.get_untracked(invoice_id)?;
    invoice::restore_payment(&mut inv, at, p)
        .then(|| Box::pin(commit_one(data, inv)) as Save<Invoice>)
}

// -- late cause and collection ----------------------------------------------------------

/// Sets or clears why the invoice is late.
pub fn set_late_cause(
    data: AppData,
    invoice_id: Id,
    cause: Option<LateCause>,
) -> Option<Save<Invoice>> {
    let mut inv = data.invoices.get_untracked(invoice_id)?;
    invoice::set_late_cause(&mut inv, cause);
    Some(Box::pin(commit_one(data, inv)))
}

/// Logs a collection step taken on the invoice.
pub fn log_step(
    data: AppData,
    invoice_id: Id,
    draft: &StepDraft,
) -> Result<Option<Save<Invoice>>, Vec<FieldError>> {
    let Some(mut inv) = data.invoices.get_untracked(invoice_id) else {
        return Ok(None);
    };
    invoice::log_step(&mut inv, draft, today())?;
    Ok(Some(Box::pin(commit_one(data, inv))))
}

/// Removes a collection step; returns the save and the step with its place (Undo).
pub fn remove_step(
    data: AppData,
    invoice_id: Id,
    step_id: Id,
) -> Option<(Save<Invoice>, (usize, CollectionStep))> {
    let mut inv = data.invoices.get_untracked(invoice_id)?;
    let removed = invoice::remove_step(&mut inv, step_id)?;
    Some((Box::pin(commit_one(data, inv)), removed))
}

/// Puts a removed collection step back (Undo).
pub fn restore_step(
    data: AppData,
    invoice_id: Id,
    at: usize,
    s: CollectionStep,
) -> Option<Save<Invoice>> {
    let mut inv = data.invoices.get_untracked(invoice_id)?;
    if !inv.collection.iter().any(|x| x.id == s.id) {
        let at = at.min(inv.collection.len());
        inv.collection.insert(at, s);
    }
    Some(Box::pin(commit_one(data, inv)))
}

// -- credit checks ----------------------------------------------------------------------

/// Adds a credit check of an account.
pub fn add_credit(
    data: AppData,
    account_id: Id,
    draft: &CreditDraft,
) -> Result<Option<Save<CreditCheck>>, Vec<FieldError>> {
    if data.accounts.get_untracked(account_id).is_none() {
        return Ok(None);
    }
    let c = credit::new_check(account_id, draft, today(), Utc::now())?;
    Ok(Some(Box::pin(commit_one(data, c))))
}

/// Changes a credit check.
pub fn edit_credit(
    data: AppData,
    id: Id,
    draft: &CreditDraft,
) -> Result<Option<Save<CreditCheck>>, Vec<FieldError>> {
    let Some(mut c) = data.credit_checks.get_untracked(id) else {
        return Ok(None);
    };
    credit::edit_check(&mut c, draft, today())?;
    Ok(Some(Box::pin(commit_one(data, c))))
}

/// Deletes a credit check; the save returns it (for its Undo).
pub fn delete_credit(data: AppData, id: Id) -> Option<Save<CreditCheck>> {
    let c = data.credit_checks.get_untracked(id)?;
    Some(Box::pin(delete_one(data, c)))
}

/// Puts a deleted credit check back (Undo).
pub fn restore_credit(data: AppData, c: CreditCheck) -> Option<Save<CreditCheck>> {
    if data.credit_checks.get_untracked(c.id).is_some() {
        return None;
    }
    Some(Box::pin(commit_one(data, c)))
}

/// The credit checks of an account as stored now (untracked).
pub fn stored_credit_checks(data: AppData, account_id: Id) -> Vec<CreditCheck> {
    let ids = data
        .indexes
        .with_untracked(|ix| ix.get(IndexKey::CreditChecksOf(account_id)).to_vec());
    ids.iter()
        .filter_map(|id| data.credit_checks.get_untracked(*id))
        .collect()
}
