//! People: moving to another account, delete and its Undo, the judgement of their
//! communication style, and their relationship stage.

use super::merge::{put_relinked, put_restored, with_book};
use crate::domain::contact::{self, Contact};
use crate::domain::ids::Id;
use crate::domain::merge::{LinkCount, UndoRefusal};
use crate::domain::relationship::{
    change_stage as change_relationship, RelationshipStage, StageError,
};
use crate::domain::style::StyleJudgement;
use crate::domain::unlink::{plan_contact_delete, plan_delete_undo, DeleteDone, DeletePlan};
use crate::state::data::{report_store_error, AppData, Changes};
use crate::state::{tc, tr, tw, ToastKind, Toasts};
use crate::store::StoreError;
use chrono::Utc;
use std::future::Future;

/// Moves the person to the account `to`, keeping where they worked before.
pub async fn move_to_account(
    data: AppData,
    person: Contact,
    to: Id,
) -> Result<Contact, StoreError> {
    super::put(data, contact::move_to_account(&person, to, Utc::now())).await
}

/// What deleting the person would change in other records, from the records in memory;
/// nothing is written.
pub fn delete_plan(data: &AppData, person: &Contact) -> DeletePlan {
    with_book(data, |b| plan_contact_delete(person, b))
}

/// The base catalogue key ("….one" / "….other" added) of a link kind in the delete
/// confirmation; a person is never linked in the other ways.
fn delete_link_key(kind: LinkCount) -> Option<&'static str> {
    Some(match kind {
        LinkCount::DealPeople => "contact.delete_link.deals",
        LinkCount::Needs => "contact.delete_link.needs",
        LinkCount::Competitive => "contact.delete_link.competitive",
        LinkCount::Activities => "contact.delete_link.activities",
        LinkCount::Tasks => "contact.delete_link.tasks",
        LinkCount::RepTies => "contact.delete_link.rep_ties",
        LinkCount::FriendsRivals => "contact.delete_link.friends_rivals",
        LinkCount::SatisfactionChecks => "contact.delete_link.satisfaction_checks",
        LinkCount::Complaints => "contact.delete_link.complaints",
        LinkCount::Referrals => "contact.delete_link.referral_leads",
        LinkCount::DeclinedRequests => "contact.delete_link.declined_requests",
        LinkCount::People
        | LinkCount::AccountHistory
        | LinkCount::Deals
        | LinkCount::IntelNotes
        | LinkCount::ProductsInUse
        | LinkCount::Invoices
        | LinkCount::CreditChecks => return None,
    })
}

/// The delete confirmation: what will happen to the records linked to the person, with the
/// counts. A person nobody links to gets the plain question.
pub fn delete_confirm_text(plan: &DeletePlan) -> String {
    let name = plan.person.name.as_str();
    if plan.is_blocked() {
        return tc(
            "contact.delete_blocked_referrals",
            plan.referral_asks,
            &[("name", name)],
        );
    }
    let links: Vec<String> = plan
        .counts
        .iter()
        .filter_map(|(k, n)| delete_link_key(*k).map(|key| tc(key, *n, &[])))
        .collect();
    if links.is_empty() {
        return tw("contact.delete_confirm", &[("name", name)]);
    }
    tw(
        "contact.delete_confirm_linked",
        &[("name", name), ("links", &links.join(", "))],
    )
}

/// Deletes the person and, in the same transaction, removes the link to them from every
/// other record (see [`crate::domain::unlink`]), planned from the records in memory. Each
/// write is based on the revision read, so a record changed meanwhile in another tab makes
/// the whole delete fail as stale, with nothing written. Returns what its Undo needs.
/// `Ok(None)`: refused, nothing written (the person was asked for referrals; see
/// [`DeletePlan::is_blocked`]).
pub async fn delete(data: AppData, person: Contact) -> Result<Option<DeleteDone>, StoreError> {
    let plan = delete_plan(&data, &person);
    if plan.is_blocked() {
        return Ok(None);
    }
    let mut ch = Changes::new();
    ch.delete(&plan.person);
    let relinked = put_relinked(&data, &mut ch, &plan.relinked);
    ch.commit(data).await?;
    Ok(Some(DeleteDone {
        removed: plan.person,
        relinked,
    }))
}

/// A refused Undo of a delete in the user's language.
pub fn undo_delete_refusal_text(name: &str, r: &UndoRefusal) -> String {
    match r {
        UndoRefusal::Changed { kind, .. } => tw(
            "contact.undo_delete.stale",
            &[("name", name), ("kind", &tr(&format!("data.kind.{kind}")))],
        ),
        UndoRefusal::AlreadyBack => tw("contact.undo_delete.already", &[("name", name)]),
    }
}

/// The one transaction that takes a delete back: the person again, and every record the
/// delete changed as it was. Refused, with nothing to commit, when the person is back
/// already or one of those records changed since.
pub fn undo_delete_changes(data: &AppData, done: &DeleteDone) -> Result<Changes, UndoRefusal> {
    let plan = with_book(data, |b| plan_delete_undo(done, b))?;
    let mut ch = Changes::new();
    ch.put(data, plan.recreate);
    put_restored(data, &mut ch, plan.restored);
    Ok(ch)
}

/// Brings a deleted person back with their links (the Undo of [`delete`]) as one user
/// action; a refusal or a failure is said in a toast and nothing changes.
pub fn undo_delete(data: AppData, toasts: Toasts, done: DeleteDone) {
    let ch = match undo_delete_changes(&data, &done) {
        Ok(ch) => ch,
        Err(r) => {
            toasts.push(
                ToastKind::Error,
                undo_delete_refusal_text(&done.removed.name, &r),
            );
            return;
        }
    };
    leptos::task::spawn_local(async move {
        if let Err(e) = ch.commit(data).await {
            report_store_error(toasts, &e);
        }
    });
}

/// Records a new judgement of the person's communication style.
pub async fn judge_style(
    data: AppData,
    person: Contact,
    judgement: StyleJudgement,
) -> Result<Contact, StoreError> {
    let mut c = person;
    c.style = Some(judgement);
    super::put(data, c).await
}

/// Moves the person to relationship stage `to` with the evidence for it; refused at once
/// when the stage is the same or a step up has no evidence.
pub fn change_stage(
    data: AppData,
    person: Contact,
    to: RelationshipStage,
    evidence: &str,
) -> Result<impl Future<Output = Result<Contact, StoreError>>, StageError> {
    let mut c = person;
    change_relationship(&mut c.relationship, to, evidence, Utc::now())?;
    Ok(super::put(data, c))
}
