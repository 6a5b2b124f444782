//! Step 5 actions: the agreement — agreed terms and their written confirmation, and the
//! signing of the contract, which wins the deal (see `domain::negotiation::agreement`).

use super::{change, stored, Save};
use crate::domain::deal::Deal;
use crate::domain::ids::Id;
use crate::domain::negotiation::agreement::{self, AgreementError, ContractDraft, TermDraft};
use crate::domain::negotiation::{Negotiation, Term};
use crate::state::data::{AppData, Changes};
use crate::store::StoreError;
use chrono::{Local, NaiveDate, Utc};
use std::future::Future;
use std::pin::Pin;

fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The decimals of the money values of the deal's negotiation (its currency, else the
/// deal's, which a new negotiation takes).
fn exponent(data: AppData, deal_id: Id) -> u32 {
    stored(data, deal_id)
        .map(|n| n.currency.exponent())
        .or_else(|| {
            data.deals
                .get_untracked(deal_id)
                .map(|d| d.value.currency.exponent())
        })
        .unwrap_or(2)
}

/// Adds an agreed term (with its confirmation when the form records one); refused at once
/// with every problem.
pub fn add_term(
    data: AppData,
    deal_id: Id,
    draft: &TermDraft,
) -> Result<Option<Save>, Vec<AgreementError>> {
    let e = exponent(data, deal_id);
    change(data, deal_id, |n| {
        agreement::add_term(n, draft, e, today()).map(|_| ())
    })
}

/// Changes an agreed term (confirming it, too); refused for a term of the signed contract.
pub fn edit_term(
    data: AppData,
    deal_id: Id,
    term_id: Id,
    draft: &TermDraft,
) -> Result<Option<Save>, Vec<AgreementError>> {
    let e = exponent(data, deal_id);
    change(data, deal_id, |n| {
        agreement::edit_term(n, term_id, draft, e, today())
    })
}

/// A removed term and the place it had (for its Undo).
pub type Removed = (usize, Term);

/// A signing on its way to the store: the negotiation and the deal as saved.
pub type Signing = Pin<Box<dyn Future<Output = Result<(Negotiation, Deal), StoreError>>>>;

/// Removes an agreed term; returns the save and the term with its place, for the Undo.
/// Refused for a term of the signed contract.
pub fn remove_term(
    data: AppData,
    deal_id: Id,
    term_id: Id,
) -> Result<Option<(Save, Removed)>, AgreementError> {
    let mut removed = None;
    let save = change(data, deal_id, |n| {
        removed = Some(agreement::remove_term(n, term_id)?);
        Ok(())
    })?;
    Ok(save.zip(removed))
}

/// Puts a removed term back (Undo).
pub fn restore_term(data: AppData, deal_id: Id, at: usize, term: Term) -> Option<Save> {
    change::<()>(data, deal_id, |n| {
        agreement::restore_term(n, at, term);
        Ok(())
    })
    .ok()
    .flatten()
}

/// The evidence of step 5's end signal: "Contract C-2026-014 signed on 3 Jan 2026 (4
/// terms confirmed)".
fn evidence(number: &str, on: NaiveDate, terms: usize) -> String {
    let date = crate::i18n::format_date(crate::state::prefs::locale(), on);
    crate::state::prefs::tc(
        "negotiation.agreement.evidence",
        terms,
        &[("number", number), ("date", &date)],
    )
}

/// Signs the contract: one transaction stores it on the negotiation, wins the deal (step 5
/// to step 6, at the agreement's value, the contract as evidence) and makes the account a
/// customer; refused at once with every problem (unconfirmed terms named).
pub fn sign(
    data: AppData,
    deal_id: Id,
    draft: &ContractDraft,
) -> Result<Option<Signing>, Vec<AgreementError>> {
    let Some(before) = data.deals.get_untracked(deal_id) else {
        return Ok(None);
    };
    let mut n = stored(data, deal_id)
        .unwrap_or_else(|| Negotiation::new(deal_id, before.value.currency.clone(), Utc::now()));
    let mut deal = before.clone();
    agreement::sign(
        &mut n,
        &mut deal,
        draft,
        |c, count| evidence(&c.number, c.signed_on, count),
        Utc::now(),
        today(),
    )?;
    Ok(Some(Box::pin(async move {
        let mut ch = Changes::new();
        let saved_n = ch.put(&data, n);
        let saved_d = crate::state::actions::deals::stage(&mut ch, data, &before, deal);
        ch.commit(data).await.map(|()| (saved_n, saved_d))
    })))
}
