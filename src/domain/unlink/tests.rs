use super::*;
use crate::domain::account::Account;
use crate::domain::competitor::CompetitorRep;
use crate::domain::deal::DealPerson;
use crate::domain::ids::{new_id, Id};
use crate::domain::merge::fixture::{map, Owned};
use crate::domain::merge::Moved;
use crate::domain::needs::{Need, NeedLayer};
use crate::domain::records::Records;
use crate::domain::rules::{CheckContext, Checked};
use chrono::{DateTime, TimeZone, Utc};

fn t(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, day, 9, 0, 0).unwrap()
}

fn link(id: Id, name: &str) -> PersonLink {
    PersonLink {
        contact_id: Some(id),
        name: name.into(),
    }
}

fn deal(account: Id, title: &str) -> Deal {
    serde_json::from_value(serde_json::json!({
        "id": new_id(), "created_at": t(1), "updated_at": t(1), "rev": 1,
        "account_id": account, "title": title, "step_entered_at": t(1),
        "value": {"minor": 100, "currency": "EUR"},
    }))
    .unwrap()
}

fn activity(account: Option<Id>, people: &[Id]) -> Activity {
    serde_json::from_value(serde_json::json!({
        "id": new_id(), "created_at": t(1), "updated_at": t(1), "rev": 1,
        "kind": "phone_call", "at": t(1), "contact_ids": people, "account_id": account,
    }))
    .unwrap()
}

fn task(account: Option<Id>, person: Id) -> Task {
    serde_json::from_value(serde_json::json!({
        "id": new_id(), "created_at": t(1), "updated_at": t(1), "rev": 1,
        "title": "Call back", "due_date": "2026-11-30", "contact_id": person, "account_id": account,
    }))
    .unwrap()
}

impl Owned {
    /// Stores what a plan writes, as the store would (rev + 1; the person removed), and
    /// returns the undo record.
    fn commit_delete(&mut self, plan: &DeletePlan) -> DeleteDone {
        fn put<R: Record>(map: &mut Records<R>, list: &[Moved<R>]) -> Vec<Moved<R>> {
            list.iter()
                .map(|m| {
                    let mut after = m.after.clone();
                    let mut meta = after.meta();
                    meta.rev += 1;
                    after.set_meta(meta);
                    map.insert(after.id(), after.clone());
                    Moved {
                        before: m.before.clone(),
                        after,
                    }
                })
                .collect()
        }
        self.contacts.remove(&plan.person.id);
        let r = &plan.relinked;
        DeleteDone {
            removed: plan.person.clone(),
            relinked: Relinked {
                contacts: put(&mut self.contacts, &r.contacts),
                competitors: put(&mut self.competitors, &r.competitors),
                intel_notes: Vec::new(),
                deals: put(&mut self.deals, &r.deals),
                activities: put(&mut self.activities, &r.activities),
                tasks: put(&mut self.tasks, &r.tasks),
                service: crate::domain::merge::ServiceRelinked {
                    followups: put(&mut self.followups, &r.service.followups),
                    invoices: put(&mut self.invoices, &r.service.invoices),
                    credit_checks: put(&mut self.credit_checks, &r.service.credit_checks),
                    complaints: put(&mut self.complaints, &r.service.complaints),
                    referrals: put(&mut self.referrals, &r.service.referrals),
                    declined_requests: put(
                        &mut self.declined_requests,
                        &r.service.declined_requests,
                    ),
                },
            },
        }
    }
}

struct People {
    acc: Account,
    janis: Contact,
    ilze: Contact,
}

/// Jānis, linked from every kind of record, and Ilze, a colleague who is linked too.
fn linked_book() -> (Owned, People) {
    let acc = Account::new("Nordic Pumps", t(1));
    let janis = Contact::new(acc.id, "Jānis Ozols", t(1));
    let mut ilze = Contact::new(acc.id, "Ilze", t(1));
    ilze.friends = vec![link(janis.id, "Jānis Ozols"), PersonLink::named("Pēteris")];
    // A rival link with no name of its own, and a name-only link to the same person.
    ilze.rivals = vec![link(janis.id, ""), PersonLink::named("jānis ozols")];
    let mut loner = Contact::new(acc.id, "Loner", t(1));
    loner.friends = vec![link(ilze.id, "Ilze")];
    let mut rival = Competitor::new("Rival", t(1));
    rival.reps = vec![CompetitorRep {
        name: "Olga".into(),
        traits: String::new(),
        ties: vec![link(janis.id, "J. Ozols"), link(ilze.id, "Ilze")],
    }];
    let mut other = Competitor::new("Other", t(1));
    other.reps = vec![CompetitorRep {
        name: "Pavel".into(),
        traits: String::new(),
        ties: vec![link(ilze.id, "Ilze")],
    }];
    let mut pumps = deal(acc.id, "Pumps");
    pumps.people = vec![
        DealPerson {
            contact_id: janis.id,
            roles: vec![],
        },
        DealPerson {
            contact_id: ilze.id,
            roles: vec![],
        },
    ];
    pumps.needs = vec![
        Need::new(NeedLayer::Goal, "Fewer breakdowns", Some(janis.id), "").unwrap(),
        Need::new(NeedLayer::Problem, "Old valves", Some(ilze.id), "").unwrap(),
    ];
    // Jānis holds a need in a deal he is not part of.
    let mut valves = deal(acc.id, "Valves");
    valves.needs = vec![Need::new(NeedLayer::Goal, "Lower cost", Some(janis.id), "").unwrap()];
    let untouched_deal = deal(acc.id, "Filters");
    let book = Owned {
        accounts: map(vec![acc.clone()]),
        contacts: map(vec![janis.clone(), ilze.clone(), loner]),
        competitors: map(vec![rival, other]),
        deals: map(vec![pumps, valves, untouched_deal]),
        activities: map(vec![
            activity(Some(acc.id), &[janis.id, ilze.id]),
            activity(None, &[janis.id]),
            activity(None, &[janis.id, ilze.id]),
            activity(Some(acc.id), &[ilze.id]),
        ]),
        tasks: map(vec![
            task(Some(acc.id), janis.id),
            task(None, janis.id),
            task(Some(acc.id), ilze.id),
        ]),
        ..Default::default()
    };
    (book, People { acc, janis, ilze })
}

#[test]
fn every_kind_of_link_is_removed_and_counted() {
    let (book, p) = linked_book();
    let plan = plan_contact_delete(&p.janis, &book.book());
    assert_eq!(plan.person, p.janis);
    assert!(!plan.is_empty());
    assert_eq!(
        plan.counts,
        [
            (LinkCount::DealPeople, 1),
            (LinkCount::Needs, 2),
            (LinkCount::Activities, 3),
            (LinkCount::Tasks, 2),
            (LinkCount::RepTies, 1),
            (LinkCount::FriendsRivals, 2),
        ]
    );
    let r = &plan.relinked;
    // Ilze; one competitor; two deals; three activities; two tasks.
    assert_eq!(
        (
            r.contacts.len(),
            r.competitors.len(),
            r.deals.len(),
            r.activities.len(),
            r.tasks.len()
        ),
        (1, 1, 2, 3, 2)
    );
    assert!(r.intel_notes.is_empty());

    // Friends and rivals keep the name; the nameless link takes the person's name and then
    // is the same as the name-only link already there.
    let ilze = &r.contacts[0].after;
    assert_eq!(
        ilze.friends,
        [
            PersonLink::named("Jānis Ozols"),
            PersonLink::named("Pēteris")
        ]
    );
    assert_eq!(ilze.rivals, [PersonLink::named("Jānis Ozols")]);
    // The rep tie keeps the name it was given.
    assert_eq!(
        r.competitors[0].after.reps[0].ties,
        [PersonLink::named("J. Ozols"), link(p.ilze.id, "Ilze")]
    );

    for d in &r.deals {
        assert!(d.after.people.iter().all(|x| x.contact_id != p.janis.id));
        assert_eq!(d.after.needs.len(), d.before.needs.len(), "needs stay");
        for (a, b) in d.after.needs.iter().zip(&d.before.needs) {
            assert_eq!(a.text, b.text);
            let expected = b.holder_contact_id.filter(|h| *h != p.janis.id);
            assert_eq!(a.holder_contact_id, expected);
        }
    }
    let pumps = r.deals.iter().find(|d| d.before.title == "Pumps").unwrap();
    assert_eq!(pumps.after.people.len(), 1);
    assert_eq!(pumps.after.people[0].contact_id, p.ilze.id);

    let ctx = CheckContext { now: t(5) };
    for a in &r.activities {
        assert!(!a.after.contact_ids.contains(&p.janis.id));
        // An activity left with nobody keeps the person's account; the others keep theirs.
        let expected_account = if a.before.contact_ids == [p.janis.id] {
            Some(p.acc.id)
        } else {
            a.before.account_id
        };
        assert_eq!(a.after.account_id, expected_account);
        assert_eq!(a.after.check(&ctx), Ok(()), "the activity rules still pass");
    }
    for tk in &r.tasks {
        assert_eq!(tk.after.contact_id, None);
        assert_eq!(tk.after.account_id, Some(p.acc.id));
        assert_eq!(tk.after.check(&ctx), Ok(()));
    }
}

#[test]
fn nothing_else_changes() {
    let (book, p) = linked_book();
    let plan = plan_contact_delete(&p.janis, &book.book());
    let r = &plan.relinked;
    // Only the link changes: with it put back, each record is as it was.
    for m in &r.contacts {
        let mut a = m.after.clone();
        a.friends = m.before.friends.clone();
        a.rivals = m.before.rivals.clone();
        assert_eq!(a, m.before);
    }
    for m in &r.competitors {
        let mut a = m.after.clone();
        a.reps = m.before.reps.clone();
        assert_eq!(a, m.before);
    }
    for m in &r.deals {
        let mut a = m.after.clone();
        a.people = m.before.people.clone();
        a.needs = m.before.needs.clone();
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            serde_json::to_value(&m.before).unwrap()
        );
    }
    for m in &r.activities {
        let mut a = m.after.clone();
        a.contact_ids = m.before.contact_ids.clone();
        a.account_id = m.before.account_id;
        assert_eq!(a, m.before);
    }
    for m in &r.tasks {
        let mut a = m.after.clone();
        a.contact_id = m.before.contact_id;
        a.account_id = m.before.account_id;
        assert_eq!(a, m.before);
    }
    // Records that do not name the person are not in the plan, and planning wrote nothing.
    let touched: Vec<Id> = r.deals.iter().map(|m| m.before.id).collect();
    let filters = book.deals.values().find(|d| d.title == "Filters").unwrap();
    assert!(!touched.contains(&filters.id));
    assert!(r
        .activities
        .iter()
        .all(|m| m.before.contact_ids.contains(&p.janis.id)));
    assert!(r.contacts.iter().all(|m| m.before.id == p.ilze.id));
    assert_eq!(book.contacts.get(&p.janis.id), Some(&p.janis));
    let ilze_now = &book.contacts[&p.ilze.id];
    assert_eq!(ilze_now, &p.ilze);
}

#[test]
fn a_person_with_no_links_gives_an_empty_plan() {
    let (book, p) = linked_book();
    let loner = book
        .contacts
        .values()
        .find(|c| c.name == "Loner")
        .unwrap()
        .clone();
    let plan = plan_contact_delete(&loner, &book.book());
    assert!(plan.is_empty());
    assert!(plan.counts.is_empty());
    assert!(plan.relinked.is_empty());
    // Linking to others is not being linked to: Loner names Ilze, nobody names Loner.
    assert_eq!(loner.friends, [link(p.ilze.id, "Ilze")]);
}

#[test]
fn undo_brings_back_the_person_and_every_link_and_refuses_when_one_changed() {
    let (mut book, p) = linked_book();
    let before = (
        book.contacts.clone(),
        book.competitors.clone(),
        book.deals.clone(),
        book.activities.clone(),
        book.tasks.clone(),
    );
    let plan = plan_contact_delete(&p.janis, &book.book());
    let done = book.commit_delete(&plan);
    assert!(!book.contacts.contains_key(&p.janis.id));

    let undo = plan_delete_undo(&done, &book.book()).unwrap();
    assert_eq!(undo.recreate.id, p.janis.id);
    assert_eq!(undo.recreate.rev, p.janis.rev + 1);
    // Each restored record is its old content at the revision stored now.
    fn same<T: Record + serde::Serialize>(restored: &T, stored: &T, was: &T) {
        assert_eq!(restored.rev(), stored.rev());
        let mut r = restored.clone();
        let mut meta = r.meta();
        meta.rev = was.rev();
        r.set_meta(meta);
        assert_eq!(
            serde_json::to_value(&r).unwrap(),
            serde_json::to_value(was).unwrap()
        );
    }
    assert_eq!(undo.restored.contacts.len(), 1);
    for c in &undo.restored.contacts {
        same(c, &book.contacts[&c.id], &before.0[&c.id]);
    }
    assert_eq!(undo.restored.competitors.len(), 1);
    for c in &undo.restored.competitors {
        same(c, &book.competitors[&c.id], &before.1[&c.id]);
    }
    assert_eq!(undo.restored.deals.len(), 2);
    for d in &undo.restored.deals {
        same(d, &book.deals[&d.id], &before.2[&d.id]);
    }
    assert_eq!(undo.restored.activities.len(), 3);
    for a in &undo.restored.activities {
        same(a, &book.activities[&a.id], &before.3[&a.id]);
    }
    assert_eq!(undo.restored.tasks.len(), 2);
    for tk in &undo.restored.tasks {
        same(tk, &book.tasks[&tk.id], &before.4[&tk.id]);
    }

    // A deal edited after the delete: refused, naming the kind.
    let deal_id = undo.restored.deals[0].id;
    book.deals.get_mut(&deal_id).unwrap().rev += 1;
    assert_eq!(
        plan_delete_undo(&done, &book.book()).unwrap_err(),
        UndoRefusal::Changed {
            kind: "deals",
            id: deal_id
        }
    );
    book.deals.get_mut(&deal_id).unwrap().rev -= 1;
    // A relinked activity deleted since: refused too.
    let act_id = undo.restored.activities[0].id;
    let act = book.activities.remove(&act_id).unwrap();
    assert!(matches!(
        plan_delete_undo(&done, &book.book()),
        Err(UndoRefusal::Changed {
            kind: "activities",
            ..
        })
    ));
    book.activities.insert(act_id, act);
    assert!(plan_delete_undo(&done, &book.book()).is_ok());
    // The person back already (undone twice): refused.
    book.contacts.insert(p.janis.id, undo.recreate.clone());
    assert_eq!(
        plan_delete_undo(&done, &book.book()).unwrap_err(),
        UndoRefusal::AlreadyBack
    );
}

#[test]
fn undo_of_a_delete_without_links_brings_back_only_the_person() {
    let (mut book, _) = linked_book();
    let loner = book
        .contacts
        .values()
        .find(|c| c.name == "Loner")
        .unwrap()
        .clone();
    let plan = plan_contact_delete(&loner, &book.book());
    let done = book.commit_delete(&plan);
    let undo = plan_delete_undo(&done, &book.book()).unwrap();
    assert_eq!(undo.recreate.id, loner.id);
    assert!(
        undo.restored.contacts.is_empty()
            && undo.restored.competitors.is_empty()
            && undo.restored.deals.is_empty()
            && undo.restored.activities.is_empty()
            && undo.restored.tasks.is_empty()
    );
}

#[test]
fn a_deleted_person_leaves_the_competitive_analysis_and_their_actions_are_warned_about() {
    use crate::domain::competitive::{
        self, ActionDraft, CompetitiveWarning, PointDraft, PointKind,
    };
    let acc = Account::new("Nordic Pumps", t(1));
    let janis = Contact::new(acc.id, "Jānis Ozols", t(1));
    let ilze = Contact::new(acc.id, "Ilze", t(1));
    let mut d = deal(acc.id, "Pumps");
    for c in [&janis, &ilze] {
        d.people.push(DealPerson {
            contact_id: c.id,
            roles: vec![],
        });
    }
    competitive::add_point(
        &mut d,
        &PointDraft {
            kind: PointKind::Weakness,
            text: "No local warehouse".into(),
            need_ids: vec![],
            person_ids: vec![janis.id, ilze.id],
        },
    )
    .unwrap();
    let point = d.competitive.points[0].id;
    competitive::add_action(
        &mut d,
        &ActionDraft {
            person_id: Some(janis.id),
            point_id: Some(point),
            text: "Offer consignment stock".into(),
        },
    )
    .unwrap();
    // The delete's preview counts the point and the action that name him.
    let book = Owned {
        contacts: map(vec![janis.clone(), ilze.clone()]),
        deals: map(vec![d.clone()]),
        ..Default::default()
    };
    let plan = plan_contact_delete(&janis, &book.book());
    assert!(plan.counts.contains(&(LinkCount::Competitive, 2)));
    assert!(unlink_deal(&mut d, &janis));
    assert_eq!(d.competitive.points[0].person_ids, vec![ilze.id]);
    assert_eq!(d.competitive.actions.len(), 1, "what was written stays");
    let action = d.competitive.actions[0].id;
    assert_eq!(
        competitive::warnings(&d),
        vec![CompetitiveWarning::ActionPersonGone { action_id: action }]
    );
}

#[test]
fn deleting_a_person_unlinks_their_complaints_and_is_refused_while_they_were_asked_for_referrals() {
    use crate::domain::complaint::{Complaint, FeedbackKind};
    use crate::domain::referral::{Referral, ReferredLead};
    let (mut book, p) = linked_book();
    let mut complaint = Complaint::new(FeedbackKind::Complaint, p.acc.id, "Late", 2, 4, t(1), t(1));
    complaint.person_id = Some(p.janis.id);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
    // Ilze gave Jānis as a lead: the lead keeps the account, names nobody.
    let mut by_ilze = Referral::new(p.ilze.id, p.acc.id, day, t(1));
    by_ilze.leads = vec![ReferredLead {
        account_id: p.acc.id,
        person_id: Some(p.janis.id),
    }];
    book.complaints = map(vec![complaint.clone()]);
    book.referrals = map(vec![by_ilze.clone()]);
    let plan = plan_contact_delete(&p.janis, &book.book());
    assert!(!plan.is_blocked());
    assert!(plan.counts.contains(&(LinkCount::Complaints, 1)));
    assert!(plan.counts.contains(&(LinkCount::Referrals, 1)));
    let done = book.commit_delete(&plan);
    assert_eq!(book.complaints[&complaint.id].person_id, None);
    assert_eq!(book.complaints[&complaint.id].account_id, p.acc.id);
    assert_eq!(book.referrals[&by_ilze.id].leads[0].person_id, None);
    let undo = plan_delete_undo(&done, &book.book()).unwrap();
    assert_eq!(undo.restored.complaints[0].person_id, Some(p.janis.id));

    // Ilze was asked for referrals herself: she cannot be deleted (merge her instead).
    let plan = plan_contact_delete(&p.ilze, &book.book());
    assert_eq!(plan.referral_asks, 1);
    assert!(plan.is_blocked());
}
