//! Deleting a person without leaving links to nobody: what the delete changes in the other
//! records (shown before anything is written), and how to take it back.
//!
//! Built on the merge machinery ([`crate::domain::merge`]): the plan lists every record that
//! names the person, before and after, and counts the links by kind for the confirmation.
//! The records stay; only the link to the person goes, keeping what still means something:
//!
//! - a friend or rival link, and a competitor rep's tie, keeps the person's name as a
//!   name-only link (`contact_id: None`);
//! - a need keeps its text, with no holder;
//! - a deal drops the person from its people;
//! - an activity drops the person from its people and keeps its account; one that named
//!   only this person and no account is kept with the person's account, since an activity
//!   must have a person or an account;
//! - a task about the person stays on the agenda with the person's account (see
//!   [`unlink_task`]);
//! - a complaint, a declined request, a referred lead and a satisfaction check keep their
//!   account and name nobody.
//!
//! A person asked for referrals is not deleted: the asks record who gave which leads (the
//! referrer's page shows the deals they brought). Merging them into another person keeps
//! that; [`DeletePlan::is_blocked`] says so before anything is written.

use crate::domain::activity::Activity;
use crate::domain::agenda::Task;
use crate::domain::competitor::Competitor;
use crate::domain::complaint::Complaint;
use crate::domain::contact::{Contact, PersonLink};
use crate::domain::deal::Deal;
use crate::domain::decline::DeclinedRequest;
use crate::domain::dedupe::IdKind;
use crate::domain::followup::FollowUp;
use crate::domain::ids::{brought_back, Record};
use crate::domain::merge::{
    change_kind, count, restore_relinked, Book, InBook, LinkCount, Relinked, Restored,
    ServiceRelinked, UndoRefusal,
};
use crate::domain::referral::Referral;

/// Everything deleting a person will do, computed before anything is written.
#[derive(Debug, Clone)]
pub struct DeletePlan {
    /// The person as they are now.
    pub person: Contact,
    /// The records that lose their link to the person, before and after.
    pub relinked: Relinked,
    /// Non-zero counts of links to the person, in [`LinkCount::ALL`] order.
    pub counts: Vec<(LinkCount, usize)>,
    /// The referral asks made of the person. They keep who gave which leads, so the person
    /// cannot be deleted while any exists (merging them into another person keeps them).
    pub referral_asks: usize,
}

impl DeletePlan {
    /// Whether no other record links to the person (the delete touches only them).
    pub fn is_empty(&self) -> bool {
        self.relinked.is_empty() && self.counts.is_empty() && self.referral_asks == 0
    }

    /// Whether the delete is refused (see [`DeletePlan::referral_asks`]).
    pub fn is_blocked(&self) -> bool {
        self.referral_asks > 0
    }
}

/// Turns links to `person` into name-only links (the name kept; the person's name when the
/// link had none), dropping one that now repeats another. Returns whether it changed.
pub fn unlink_person_links(links: &mut Vec<PersonLink>, person: &Contact) -> bool {
    if !links.iter().any(|l| l.contact_id == Some(person.id)) {
        return false;
    }
    let mut out: Vec<PersonLink> = Vec::with_capacity(links.len());
    for mut l in links.drain(..) {
        if l.contact_id == Some(person.id) {
            l.contact_id = None;
            if l.name.trim().is_empty() {
                l.name = person.name.clone();
            }
        }
        if !out.iter().any(|o| o.identity() == l.identity()) {
            out.push(l);
        }
    }
    *links = out;
    true
}

/// Removes `person` from a deal's people, from the holders of its needs (the needs stay)
/// and from the people its strengths and weaknesses touch (the plan's actions for them stay,
/// and are warned about).
pub fn unlink_deal(d: &mut Deal, person: &Contact) -> bool {
    let before = d.people.len();
    d.people.retain(|p| p.contact_id != person.id);
    let mut changed = before != d.people.len();
    for n in &mut d.needs {
        if n.holder_contact_id == Some(person.id) {
            n.holder_contact_id = None;
            changed = true;
        }
    }
    for p in &mut d.competitive.points {
        let before = p.person_ids.len();
        p.person_ids.retain(|c| *c != person.id);
        changed |= before != p.person_ids.len();
    }
    changed
}

/// Removes `person` from an activity's people. An activity must name a person or an
/// account: one left with neither is kept with the person's account.
pub fn unlink_activity(a: &mut Activity, person: &Contact) -> bool {
    if !a.contact_ids.contains(&person.id) {
        return false;
    }
    a.contact_ids.retain(|c| *c != person.id);
    if a.contact_ids.is_empty() && a.account_id.is_none() {
        a.account_id = Some(person.account_id);
    }
    true
}

/// Removes `person` from a task. A task needs no person, and a follow-up the rep still owes
/// should not vanish or block the delete: it stays on the agenda, with the person's account
/// when it had none, so the rep still sees which customer it is for. (Refusing the delete
/// until every task is reassigned would make a rep edit tasks about someone who has left
/// just to remove them; dropping the tasks would lose work silently.)
pub fn unlink_task(t: &mut Task, person: &Contact) -> bool {
    if t.contact_id != Some(person.id) {
        return false;
    }
    t.contact_id = None;
    if t.account_id.is_none() {
        t.account_id = Some(person.account_id);
    }
    true
}

/// Drops an optional link to `person` (a complaint's or a declined request's person, a
/// referred lead's person): the record stays with its account. Returns whether it changed.
pub fn unlink_opt(id: &mut Option<crate::domain::ids::Id>, person: &Contact) -> bool {
    if *id == Some(person.id) {
        *id = None;
        true
    } else {
        false
    }
}

/// Drops `person` from a follow-up's satisfaction checks (the checks stay, with nobody
/// named).
pub fn unlink_followup(f: &mut FollowUp, person: &Contact) -> bool {
    f.checks
        .iter_mut()
        .fold(false, |ch, c| unlink_opt(&mut c.person_id, person) | ch)
}

/// Plans deleting `person` over the whole `book`: every other record that links to them,
/// as it is and without the link, and the counts the confirmation shows. Nothing is written.
pub fn plan_contact_delete(person: &Contact, book: &Book) -> DeletePlan {
    let skip = [person.id];
    let relinked = Relinked {
        contacts: change_kind(book, &skip, |c: &mut Contact| {
            let friends = unlink_person_links(&mut c.friends, person);
            unlink_person_links(&mut c.rivals, person) | friends
        }),
        competitors: change_kind(book, &skip, |c: &mut Competitor| {
            c.reps
                .iter_mut()
                .fold(false, |ch, r| unlink_person_links(&mut r.ties, person) | ch)
        }),
        intel_notes: Vec::new(),
        deals: change_kind(book, &skip, |d: &mut Deal| unlink_deal(d, person)),
        activities: change_kind(book, &skip, |a: &mut Activity| unlink_activity(a, person)),
        tasks: change_kind(book, &skip, |t: &mut Task| unlink_task(t, person)),
        service: ServiceRelinked {
            followups: change_kind(book, &skip, |f: &mut FollowUp| unlink_followup(f, person)),
            invoices: Vec::new(),
            credit_checks: Vec::new(),
            complaints: change_kind(book, &skip, |c: &mut Complaint| {
                unlink_opt(&mut c.person_id, person)
            }),
            referrals: change_kind(book, &skip, |r: &mut Referral| {
                r.person_id != person.id
                    && r.leads
                        .iter_mut()
                        .fold(false, |ch, l| unlink_opt(&mut l.person_id, person) | ch)
            }),
            declined_requests: change_kind(book, &skip, |d: &mut DeclinedRequest| {
                unlink_opt(&mut d.person_id, person)
            }),
        },
    };
    DeletePlan {
        counts: count(&relinked, IdKind::Contact, person.id),
        referral_asks: book
            .service
            .referrals
            .values()
            .filter(|r| r.person_id == person.id)
            .count(),
        relinked,
        person: person.clone(),
    }
}

// ---------------------------------------------------------------------------------------------
// Undo
// ---------------------------------------------------------------------------------------------

/// What a committed delete wrote: the person as they were and every changed record as it
/// was (`before`) and as stored (`after`, with the revision the store gave it).
#[derive(Debug, Clone)]
pub struct DeleteDone {
    pub removed: Contact,
    pub relinked: Relinked,
}

/// The records an undo of a delete saves: the person again (at their next revision), and
/// every record the delete changed at the revision stored now, with its content as before.
#[derive(Debug, Clone)]
pub struct RestorePlan {
    pub recreate: Contact,
    pub restored: Restored,
}

/// Plans taking a delete back: the person returns and every record the delete changed
/// returns to its content before. Refused, with nothing to save, when the person is already
/// back or any of those records was changed or deleted since.
pub fn plan_delete_undo(done: &DeleteDone, book: &Book) -> Result<RestorePlan, UndoRefusal> {
    if <Contact as InBook>::all(book).contains_key(&done.removed.id()) {
        return Err(UndoRefusal::AlreadyBack);
    }
    Ok(RestorePlan {
        recreate: brought_back(&done.removed),
        restored: restore_relinked(&done.relinked, book)?,
    })
}

#[cfg(test)]
mod tests;
