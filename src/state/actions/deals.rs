//! Deals: the rep's work on a deal's page and the board, one action per thing the rep
//! does: answering the qualifying questions and overriding the gate, moving between
//! steps, the next step, winning, losing, declining and reopening, the checklist, the
//! people and their roles, the needs, the buying stage and the competitors in play; the
//! competitive analysis and plan, and the presentation's notes, points and rehearsal.
//!
//! Each action works on the deal as stored now (read without tracking) and writes nothing
//! when the deal is no longer there (`None`). A win makes the deal's account a customer
//! in the same transaction.

use crate::domain::buying_stage::{BuyingRole, BuyingStage};
use crate::domain::competitive::{self, ActionDraft, PointDraft};
use crate::domain::deal::{
    self, ChecklistItem, CloseError, Deal, MoveError, MoveInput, NextStepError, ReopenError, Step,
    TransitionError,
};
use crate::domain::fields::FieldError;
use crate::domain::ids::Id;
use crate::domain::needs::{Need, NeedError, NeedLayer};
use crate::domain::negotiation::agreement;
use crate::domain::presentation::{MainPointDraft, OutlineStep};
use crate::domain::qualification::{Answer, OverrideError, QualifyingQuestion};
use crate::state::data::{AppData, Changes};
use crate::store::StoreError;
use chrono::{NaiveDate, Utc};
use std::future::Future;

/// The deal as stored now, read without tracking.
fn stored(data: AppData, id: Id) -> Option<Deal> {
    data.deals.get_untracked(id)
}

/// Commits a change of a deal, `(before, after)` (`before` as it was read), as one
/// transaction. When this wins the deal and its account is not a customer yet, the account
/// becomes one from the win date (`customer_since`) in the same transaction.
async fn commit(data: AppData, (before, after): (Deal, Deal)) -> Result<Deal, StoreError> {
    let mut ch = Changes::new();
    let saved = stage(&mut ch, data, &before, after);
    ch.commit(data).await.map(|()| saved)
}

/// Puts a change of a deal (`before` as it was read) into the batch `ch`; when it wins
/// the deal and its account is not a customer yet, the account becomes one from the win
/// date (`customer_since`) in the same batch. Signing a contract (the negotiation's
/// agreement) wins a deal through this too.
pub(crate) fn stage(ch: &mut Changes, data: AppData, before: &Deal, after: Deal) -> Deal {
    if let Some(mut a) = data.accounts.get_untracked(after.account_id) {
        if let Some(on) = deal::customer_since_on_win(Some(before), &after, a.customer_since) {
            a.customer_since = Some(on);
            ch.put(&data, a);
        }
    }
    ch.put(&data, after)
}

/// The won gate (`negotiation::agreement::win_gate`) for a change that wins the deal:
/// refused while an agreed term of its negotiation is unconfirmed; otherwise the deal is
/// won at the agreement's value, when it has one (`agreement::won_value`).
fn check_win_gate(data: AppData, after: &mut Deal) -> Result<(), TransitionError> {
    let n = super::negotiation::stored(data, after.id);
    agreement::win_gate(after, n.as_ref()).map_err(TransitionError::from)?;
    if let Some(value) = agreement::won_value(after, n.as_ref()) {
        after.value = value;
    }
    Ok(())
}

/// The deal as stored now and as changed by a rule that may refuse: refused at once
/// (`Err`), `Ok(None)` when the deal is gone.
fn change<E>(
    data: AppData,
    id: Id,
    rule: impl FnOnce(&mut Deal) -> Result<(), E>,
) -> Result<Option<(Deal, Deal)>, E> {
    let Some(before) = stored(data, id) else {
        return Ok(None);
    };
    let mut after = before.clone();
    rule(&mut after)?;
    Ok(Some((before, after)))
}

/// The deal as stored now and as changed by `f`, which cannot refuse; `None` when the
/// deal is gone.
fn apply(data: AppData, id: Id, f: impl FnOnce(&mut Deal)) -> Option<(Deal, Deal)> {
    let before = stored(data, id)?;
    let mut after = before.clone();
    f(&mut after);
    Some((before, after))
}

// -- qualification ----------------------------------------------------------------------

/// Records the answers to the qualifying questions as given (answer and note each); an
/// answer given as before keeps its date.
pub fn answer_questions(
    data: AppData,
    id: Id,
    answers: &[(QualifyingQuestion, Option<Answer>, String)],
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    let now = Utc::now();
    apply(data, id, |d| {
        for (q, answer, note) in answers {
            d.qualification.reanswer(*q, *answer, note, now);
        }
    })
    .map(|c| commit(data, c))
}

/// Overrides the "no" and "unsure" answers with a written reason; refused at once without
/// a reason or with nothing to override.
pub fn set_override(
    data: AppData,
    id: Id,
    reason: &str,
) -> Result<Option<impl Future<Output = Result<Deal, StoreError>>>, OverrideError> {
    Ok(change(data, id, |d| {
        d.qualification.set_override(reason, Utc::now())
    })?
    .map(|c| commit(data, c)))
}

/// Takes the override back.
pub fn clear_override(
    data: AppData,
    id: Id,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    apply(data, id, |d| d.qualification.clear_override()).map(|c| commit(data, c))
}

// -- steps and outcome ------------------------------------------------------------------

/// Moves the deal to step `to` (confirming the end signal, a reasoned skip or a step
/// back), with the override of the gate when one is given; refused at once by the rules
/// of [`deal::move_to`].
///
/// Leaving step 4 for step 5 with no evidence typed: an accepted proposal version is the
/// evidence ("Accepted proposal v2 on …", dated the day it was accepted).
pub fn move_to(
    data: AppData,
    id: Id,
    to: Step,
    input: &MoveInput,
) -> Result<Option<impl Future<Output = Result<Deal, StoreError>>>, MoveError> {
    let mut input = input.clone();
    let leaves_four = stored(data, id)
        .is_some_and(|d| d.step == Step::PresentingValue && to == Step::WinningCommitment);
    if leaves_four && input.evidence.trim().is_empty() {
        if let Some((evidence, on)) = super::proposals::step_four_evidence(data, id) {
            input.evidence = evidence;
            input.signal_date = input.signal_date.or(Some(on));
        }
    }
    Ok(change(data, id, |d| {
        let wins = agreement::move_wins(d, to);
        if crate::domain::receivable::invoice::move_finishes(d, to) {
            super::receivables::exit_gate(data, d).map_err(MoveError::Transition)?;
        }
        deal::move_to(d, to, &input, Utc::now())?;
        if wins {
            check_win_gate(data, d).map_err(MoveError::Transition)?;
        }
        Ok(())
    })?
    .map(|c| commit(data, c)))
}

/// Sets the next step (what and by when; `due` is `None` when no date was given); refused
/// at once with every problem.
pub fn set_next_step(
    data: AppData,
    id: Id,
    text: &str,
    due: Option<NaiveDate>,
) -> Result<Option<impl Future<Output = Result<Deal, StoreError>>>, Vec<NextStepError>> {
    let next = deal::next_step(text, due)?;
    Ok(apply(data, id, |d| d.next_step = Some(next)).map(|c| commit(data, c)))
}

/// Sets the deal's value: the accepted proposal's total, which the proposal offers
/// (`proposal::value_from_accepted`), or the value before, for its Undo.
pub fn set_value(
    data: AppData,
    id: Id,
    value: crate::domain::money::Money,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    apply(data, id, |d| d.value = value).map(|c| commit(data, c))
}

/// Wins the deal: the contract signed on `signed_on`, with its evidence (and the reason of
/// the skip to step 5 when the deal is before it); the account becomes a customer.
/// Refused while an agreed term of the deal's negotiation is unconfirmed (as is every
/// move that wins the deal, [`move_to`]); with its terms confirmed, the deal is won at the
/// agreement's value.
pub fn win(
    data: AppData,
    id: Id,
    evidence: &str,
    signed_on: NaiveDate,
    skip_reason: &str,
) -> Result<Option<impl Future<Output = Result<Deal, StoreError>>>, TransitionError> {
    let won = change(data, id, |d| {
        deal::win(d, evidence, signed_on, skip_reason, Utc::now())?;
        check_win_gate(data, d)
    })?;
    Ok(won.map(|c| commit(data, c)))
}

/// Marks the open deal lost on `on`, with the reason.
pub fn close_lost(
    data: AppData,
    id: Id,
    on: NaiveDate,
    reason: &str,
) -> Result<Option<impl Future<Output = Result<Deal, StoreError>>>, CloseError> {
    Ok(change(data, id, |d| deal::mark_lost(d, on, reason))?.map(|c| commit(data, c)))
}

/// Marks the open deal declined by us on `on`, with the reason.
pub fn decline(
    data: AppData,
    id: Id,
    on: NaiveDate,
    reason: &str,
) -> Result<Option<impl Future<Output = Result<Deal, StoreError>>>, CloseError> {
    Ok(change(data, id, |d| deal::mark_declined(d, on, reason))?.map(|c| commit(data, c)))
}

/// Reopens a won, lost or declined deal with a written reason.
pub fn reopen(
    data: AppData,
    id: Id,
    reason: &str,
) -> Result<Option<impl Future<Output = Result<Deal, StoreError>>>, ReopenError> {
    Ok(change(data, id, |d| deal::reopen(d, reason, Utc::now()))?.map(|c| commit(data, c)))
}

// -- the step's work --------------------------------------------------------------------

/// Ticks a checklist item as done on `on`.
pub fn tick(
    data: AppData,
    id: Id,
    item: ChecklistItem,
    on: NaiveDate,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    apply(data, id, |d| deal::tick(d, item, on)).map(|c| commit(data, c))
}

/// Unticks a checklist item.
pub fn untick(
    data: AppData,
    id: Id,
    item: ChecklistItem,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    apply(data, id, |d| deal::untick(d, item)).map(|c| commit(data, c))
}

/// Adds the person `contact_id` to the deal with the buying roles recorded on them.
pub fn add_person(
    data: AppData,
    id: Id,
    contact_id: Id,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    let roles = data
        .contacts
        .get_untracked(contact_id)
        .map(|c| c.roles)
        .unwrap_or_default();
    apply(data, id, |d| deal::set_person(d, contact_id, &roles)).map(|c| commit(data, c))
}

/// Gives the person on the deal the buying `role` (`on`) or takes it away.
pub fn set_role(
    data: AppData,
    id: Id,
    contact_id: Id,
    role: BuyingRole,
    on: bool,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    apply(data, id, |d| deal::set_role(d, contact_id, role, on)).map(|c| commit(data, c))
}

/// Takes the person off the deal.
pub fn remove_person(
    data: AppData,
    id: Id,
    contact_id: Id,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    apply(data, id, |d| deal::remove_person(d, contact_id)).map(|c| commit(data, c))
}

/// Adds a need in `layer`, held by `holder` (if any); refused at once without its text.
pub fn add_need(
    data: AppData,
    id: Id,
    layer: NeedLayer,
    text: &str,
    holder: Option<Id>,
    measure: &str,
) -> Result<Option<impl Future<Output = Result<Deal, StoreError>>>, NeedError> {
    let need = Need::new(layer, text, holder, measure)?;
    Ok(apply(data, id, |d| d.needs.push(need)).map(|c| commit(data, c)))
}

/// Removes the need `need_id`.
pub fn remove_need(
    data: AppData,
    id: Id,
    need_id: Id,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    apply(data, id, |d| deal::remove_need(d, need_id)).map(|c| commit(data, c))
}

/// Sets the customer's buying stage (`None`: not known).
pub fn set_buying_stage(
    data: AppData,
    id: Id,
    stage: Option<BuyingStage>,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    apply(data, id, |d| d.buying_stage = stage).map(|c| commit(data, c))
}

/// Marks the competitor as in play on the deal (`on`) or no longer.
pub fn set_competitor(
    data: AppData,
    id: Id,
    competitor_id: Id,
    on: bool,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    apply(data, id, |d| deal::set_competitor(d, competitor_id, on)).map(|c| commit(data, c))
}

// -- step 4: competitive analysis and strategy ------------------------------------------

/// Adds a strength or weakness, linked to the deal's needs and people; refused at once with
/// every problem (nothing saved).
pub fn add_competitive_point(
    data: AppData,
    id: Id,
    draft: &PointDraft,
) -> Result<Option<impl Future<Output = Result<Deal, StoreError>>>, Vec<FieldError>> {
    Ok(change(data, id, |d| competitive::add_point(d, draft))?.map(|c| commit(data, c)))
}

/// Removes a strength or weakness (the actions about it stay, and are warned about).
pub fn remove_competitive_point(
    data: AppData,
    id: Id,
    point_id: Id,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    apply(data, id, |d| competitive::remove_point(d, point_id)).map(|c| commit(data, c))
}

/// Adds an action to the plan: a person of the deal, a point, what to do; refused at once
/// with every problem.
pub fn add_plan_action(
    data: AppData,
    id: Id,
    draft: &ActionDraft,
) -> Result<Option<impl Future<Output = Result<Deal, StoreError>>>, Vec<FieldError>> {
    Ok(change(data, id, |d| competitive::add_action(d, draft))?.map(|c| commit(data, c)))
}

/// Removes an action from the plan.
pub fn remove_plan_action(
    data: AppData,
    id: Id,
    action_id: Id,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    apply(data, id, |d| competitive::remove_action(d, action_id)).map(|c| commit(data, c))
}

// -- step 4: the presentation ------------------------------------------------------------

/// Saves the notes on one step of the presentation outline; refused at once when too long.
pub fn save_step_notes(
    data: AppData,
    id: Id,
    step: OutlineStep,
    text: &str,
) -> Result<Option<impl Future<Output = Result<Deal, StoreError>>>, FieldError> {
    Ok(change(data, id, |d| d.presentation.set_notes(step, text))?.map(|c| commit(data, c)))
}

/// Adds a point to the main content; refused at once with every problem.
pub fn add_main_point(
    data: AppData,
    id: Id,
    draft: &MainPointDraft,
) -> Result<Option<impl Future<Output = Result<Deal, StoreError>>>, Vec<FieldError>> {
    Ok(change(data, id, |d| d.presentation.add_point(draft))?.map(|c| commit(data, c)))
}

/// Removes a point of the main content.
pub fn remove_main_point(
    data: AppData,
    id: Id,
    point_id: Id,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    apply(data, id, |d| d.presentation.remove_point(point_id)).map(|c| commit(data, c))
}

/// Moves a point of the main content one place earlier (`up`) or later.
pub fn move_main_point(
    data: AppData,
    id: Id,
    point_id: Id,
    up: bool,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    apply(data, id, |d| d.presentation.move_point(point_id, up)).map(|c| commit(data, c))
}

/// Keeps the seconds one step took in this rehearsal (replacing the last time).
pub fn record_rehearsal(
    data: AppData,
    id: Id,
    step: OutlineStep,
    seconds: u32,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    apply(data, id, |d| d.presentation.record_rehearsal(step, seconds)).map(|c| commit(data, c))
}

/// Forgets the last rehearsal's times.
pub fn clear_rehearsal(
    data: AppData,
    id: Id,
) -> Option<impl Future<Output = Result<Deal, StoreError>>> {
    apply(data, id, |d| d.presentation.clear_rehearsal()).map(|c| commit(data, c))
}
