use super::*;
use crate::domain::account::ProductInUse;
use crate::domain::competitor::CompetitorRep;
use crate::domain::deal::DealPerson;
use crate::domain::ids::new_id;
use crate::domain::intel::IntelKind;
use crate::domain::merge::fixture::{map, Owned};
use chrono::{NaiveDate, TimeZone};

fn t(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, day, 9, 0, 0).unwrap()
}

fn link(id: Id, name: &str) -> PersonLink {
    PersonLink {
        contact_id: Some(id),
        name: name.into(),
    }
}

fn deal(account: Id) -> Deal {
    serde_json::from_value(serde_json::json!({
        "id": new_id(), "created_at": t(1), "updated_at": t(1), "rev": 1,
        "account_id": account, "title": "Pumps", "step_entered_at": t(1),
        "value": {"minor": 100, "currency": "EUR"},
    }))
    .unwrap()
}

fn activity(account: Id, people: &[Id]) -> Activity {
    serde_json::from_value(serde_json::json!({
        "id": new_id(), "created_at": t(1), "updated_at": t(1), "rev": 1,
        "kind": "phone_call", "at": t(1), "contact_ids": people, "account_id": account,
    }))
    .unwrap()
}

fn task(account: Id, person: Id) -> Task {
    serde_json::from_value(serde_json::json!({
        "id": new_id(), "created_at": t(1), "updated_at": t(1), "rev": 1,
        "title": "Call back", "due_date": "2026-11-30", "contact_id": person, "account_id": account,
    }))
    .unwrap()
}

impl Owned {
    /// Stores what a plan writes, as the store would (rev + 1), and returns the undo record.
    fn commit<T: InBook + Clone>(
        &mut self,
        plan: &MergePlan<T>,
        survivors: impl Fn(&mut Self) -> &mut Records<T>,
    ) -> MergeDone<T> {
        fn stored<R: Record>(r: &R) -> R {
            let mut r = r.clone();
            let mut m = r.meta();
            m.rev += 1;
            r.set_meta(m);
            r
        }
        fn put<R: Record>(map: &mut Records<R>, list: &[Moved<R>]) -> Vec<Moved<R>> {
            list.iter()
                .map(|m| {
                    let after = stored(&m.after);
                    map.insert(after.id(), after.clone());
                    Moved {
                        before: m.before.clone(),
                        after,
                    }
                })
                .collect()
        }
        let r = &plan.relinked;
        let relinked = Relinked {
            contacts: put(&mut self.contacts, &r.contacts),
            competitors: put(&mut self.competitors, &r.competitors),
            intel_notes: put(&mut self.intel_notes, &r.intel_notes),
            deals: put(&mut self.deals, &r.deals),
            activities: put(&mut self.activities, &r.activities),
            tasks: put(&mut self.tasks, &r.tasks),
            service: crate::domain::merge::ServiceRelinked {
                followups: put(&mut self.followups, &r.service.followups),
                invoices: put(&mut self.invoices, &r.service.invoices),
                credit_checks: put(&mut self.credit_checks, &r.service.credit_checks),
                complaints: put(&mut self.complaints, &r.service.complaints),
                referrals: put(&mut self.referrals, &r.service.referrals),
                declined_requests: put(&mut self.declined_requests, &r.service.declined_requests),
            },
        };
        let merged = stored(&plan.merged);
        let own = survivors(self);
        own.remove(&plan.gone.id());
        own.insert(merged.id(), merged.clone());
        MergeDone {
            survivor: Moved {
                before: plan.keep.clone(),
                after: merged,
            },
            removed: plan.gone.clone(),
            relinked,
        }
    }
}

/// Two records of Anna (the second one absorbed), a colleague who names both, a rep tied to
/// the absorbed one, a deal, an activity and a task.
fn people_book() -> (Owned, Contact, Contact, Contact) {
    let acc = Account::new("Nordic Pumps", t(1));
    let mut keep = Contact::new(acc.id, "Anna Berg", t(1));
    keep.emails = vec!["anna@nordic.example".into()];
    keep.rivals = vec![PersonLink::named("Ilze")];
    let mut gone = Contact::new(acc.id, "A. Berg", t(1));
    gone.emails = vec!["ANNA@nordic.example".into()];
    gone.home_town = "Bergen".into();
    gone.title = "Buyer".into();
    // The absorbed record lists the survivor as a rival, by id and by name.
    gone.rivals = vec![link(keep.id, "Anna Berg"), PersonLink::named("anna berg")];
    gone.friends = vec![PersonLink::named("Pēteris")];
    keep.title = "Head of purchasing".into();
    let mut colleague = Contact::new(acc.id, "Ilze", t(1));
    colleague.friends = vec![link(gone.id, "A. Berg"), link(keep.id, "Anna Berg")];
    colleague.rivals = vec![link(gone.id, "A. Berg"), PersonLink::named("A. Berg")];
    let mut rival = Competitor::new("Rival", t(1));
    rival.reps = vec![CompetitorRep {
        name: "Olga".into(),
        traits: String::new(),
        ties: vec![link(gone.id, "A. Berg"), link(keep.id, "Anna Berg")],
    }];
    let mut d = deal(acc.id);
    d.people = vec![DealPerson {
        contact_id: gone.id,
        roles: vec![],
    }];
    let book = Owned {
        accounts: map(vec![acc.clone()]),
        contacts: map(vec![keep.clone(), gone.clone(), colleague.clone()]),
        competitors: map(vec![rival]),
        deals: map(vec![d]),
        activities: map(vec![
            activity(acc.id, &[gone.id, keep.id]),
            activity(acc.id, &[colleague.id]),
        ]),
        tasks: map(vec![task(acc.id, gone.id)]),
        ..Default::default()
    };
    (book, keep, gone, colleague)
}

#[test]
fn likely_duplicates_come_first_with_their_reasons() {
    let acc = new_id();
    let mut keep = Contact::new(acc, "Zoe Berg", t(1));
    keep.emails = vec!["zoe@x.example".into()];
    keep.phones = vec!["+371 2000 1234".into()];
    let aaron = Contact::new(acc, "Aaron", t(1));
    let mut dup = Contact::new(new_id(), "Z. Berg", t(1));
    dup.emails = vec!["ZOE@x.example".into()];
    dup.phones = vec!["20001234".into()];
    let same_name = Contact::new(acc, "Berg Zoe", t(1));
    let elsewhere = Contact::new(new_id(), "Zoe Berg", t(1));
    let all = [
        keep.clone(),
        aaron.clone(),
        dup.clone(),
        same_name.clone(),
        elsewhere.clone(),
    ];
    let c = contact_candidates(&keep, &all);
    assert_eq!(
        c.iter().map(|c| c.id).collect::<Vec<_>>(),
        [same_name.id, dup.id, aaron.id, elsewhere.id]
    );
    assert_eq!(c[0].reasons, [MatchReason::Name]);
    assert_eq!(c[1].reasons, [MatchReason::Email, MatchReason::Phone]);
    assert!(!c[2].is_likely_duplicate() && !c[3].is_likely_duplicate());

    let a = Account::new("Acme SIA", t(1));
    let b = Account::new("Beta", t(1));
    let dup = Account::new("ACME", t(1));
    let c = account_candidates(&a, [&a, &b, &dup]);
    assert_eq!(c.iter().map(|c| c.id).collect::<Vec<_>>(), [dup.id, b.id]);
    assert_eq!(c[0].reasons, [MatchReason::Name]);
}

#[test]
fn the_preview_counts_what_moves_and_writes_nothing() {
    let (book, keep, gone, colleague) = people_book();
    let plan = plan_contact_merge(&keep, &gone, &book.book(), t(5));
    assert_eq!(plan.merged.id, keep.id);
    assert!(plan.gained.contains(&"contact.field.home_town"));
    assert!(plan.gained.contains(&"contact.field.friends"));
    assert!(!plan.gained.contains(&"contact.field.title"));
    assert_eq!(
        plan.dropped,
        [
            DroppedShown {
                field_key: "contact.field.name",
                value: "A. Berg".into(),
                value_is_key: false
            },
            DroppedShown {
                field_key: "contact.field.title",
                value: "Buyer".into(),
                value_is_key: false
            }
        ]
    );
    let kinds: Vec<LinkCount> = plan.counts.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        kinds,
        [
            LinkCount::DealPeople,
            LinkCount::Activities,
            LinkCount::Tasks,
            LinkCount::RepTies,
            LinkCount::FriendsRivals
        ]
    );
    assert_eq!(plan.counts[4], (LinkCount::FriendsRivals, 2));
    // One colleague, one competitor, one deal, one activity (the other names neither), one task.
    assert_eq!(plan.relinked.len(), 5);
    assert_eq!(plan.relinked.contacts[0].before, colleague);
    // Planning changed nothing in the book.
    assert_eq!(book.contacts.get(&gone.id), Some(&gone));
}

#[test]
fn after_a_merge_nobody_is_their_own_rival_and_links_collapse() {
    let (book, keep, gone, colleague) = people_book();
    let plan = plan_contact_merge(&keep, &gone, &book.book(), t(5));
    // The survivor is not in its own lists, by id or by name.
    let m = &plan.merged;
    assert!(m
        .friends
        .iter()
        .chain(&m.rivals)
        .all(|l| l.contact_id != Some(keep.id)
            && person_name_key(&l.name) != person_name_key("Anna Berg")));
    assert_eq!(m.rivals, [PersonLink::named("Ilze")]);
    assert_eq!(m.friends, [PersonLink::named("Pēteris")]);
    // The colleague's links point at the survivor once, under the survivor's name.
    let c = &plan
        .relinked
        .contacts
        .iter()
        .find(|x| x.after.id == colleague.id)
        .unwrap()
        .after;
    assert_eq!(c.friends, [link(keep.id, "Anna Berg")]);
    assert_eq!(c.rivals, [link(keep.id, "Anna Berg")]);
    let rep = &plan.relinked.competitors[0].after.reps[0];
    assert_eq!(rep.ties, [link(keep.id, "Anna Berg")]);
    let json = serde_json::to_string(&(&plan.merged, &plan.relinked.contacts[0].after)).unwrap();
    assert!(!json.contains(&gone.id.to_string()));
}

#[test]
fn tidy_links_rules() {
    let (me, other) = (new_id(), new_id());
    let mut v = vec![
        link(me, "old name"),
        link(other, "Olga"),
        link(other, "Olga again"),
        PersonLink::named("Gone Person"),
    ];
    assert!(tidy_links(
        &mut v,
        Some(other),
        (me, "New Name"),
        "Gone Person"
    ));
    assert_eq!(v, [link(me, "New Name")]);
    // A name-only link to a namesake stays when the survivor is not linked.
    let mut v = vec![PersonLink::named("Gone Person")];
    assert!(!tidy_links(
        &mut v,
        Some(other),
        (me, "New Name"),
        "Gone Person"
    ));
    assert_eq!(v.len(), 1);
    // In the survivor's own list it is a link to oneself.
    assert!(tidy_links(
        &mut v,
        Some(me),
        (me, "New Name"),
        "Gone Person"
    ));
    assert!(v.is_empty());
}

#[test]
fn undo_restores_every_record_exactly_and_refuses_when_one_changed() {
    let (mut book, keep, gone, colleague) = people_book();
    let before = book.contacts.clone();
    let (deals, tasks, acts, comps) = (
        book.deals.clone(),
        book.tasks.clone(),
        book.activities.clone(),
        book.competitors.clone(),
    );
    let plan = plan_contact_merge(&keep, &gone, &book.book(), t(5));
    let done = book.commit(&plan, |b| &mut b.contacts);
    assert!(!book.contacts.contains_key(&gone.id));

    let undo = plan_undo(&done, &book.book()).unwrap();
    assert_eq!(undo.recreate.id, gone.id);
    assert_eq!(undo.recreate.rev, gone.rev + 1);
    // Each restored record is the old content at the revision stored now (the store
    // checks that base and bumps it once more).
    let same = |a: &Contact, b: &Contact| {
        let mut a = a.clone();
        a.rev = b.rev;
        a == *b
    };
    assert!(same(&undo.survivor, &keep));
    assert_eq!(undo.survivor.rev, book.contacts[&keep.id].rev);
    assert_eq!(undo.restored.contacts.len(), 1);
    assert!(same(&undo.restored.contacts[0], &before[&colleague.id]));
    for d in &undo.restored.deals {
        let mut d2 = d.clone();
        d2.rev = deals[&d.id].rev;
        assert_eq!(
            serde_json::to_value(&d2).unwrap(),
            serde_json::to_value(&deals[&d.id]).unwrap()
        );
    }
    assert_eq!(undo.restored.tasks.len(), 1);
    assert_eq!(
        undo.restored.tasks[0].contact_id,
        tasks[&undo.restored.tasks[0].id].contact_id
    );
    assert_eq!(undo.restored.activities.len(), 1);
    assert_eq!(
        undo.restored.activities[0].contact_ids,
        acts[&undo.restored.activities[0].id].contact_ids
    );
    assert_eq!(
        undo.restored.competitors[0].reps,
        comps[&undo.restored.competitors[0].id].reps
    );

    // Someone edits the task after the merge: the undo is refused, naming the kind.
    let task_id = undo.restored.tasks[0].id;
    book.tasks.get_mut(&task_id).unwrap().rev += 1;
    assert_eq!(
        plan_undo(&done, &book.book()).unwrap_err(),
        UndoRefusal::Changed {
            kind: "tasks",
            id: task_id
        }
    );
    book.tasks.get_mut(&task_id).unwrap().rev -= 1;
    // The survivor deleted since: refused too.
    let survivor = book.contacts.remove(&keep.id).unwrap();
    assert!(matches!(
        plan_undo(&done, &book.book()),
        Err(UndoRefusal::Changed {
            kind: "contacts",
            ..
        })
    ));
    book.contacts.insert(keep.id, survivor);
    // The absorbed record back already (undone twice): refused.
    book.contacts.insert(gone.id, gone.clone());
    assert_eq!(
        plan_undo(&done, &book.book()).unwrap_err(),
        UndoRefusal::AlreadyBack
    );
    assert_eq!(UndoRefusal::AlreadyBack.key(), "merge.undo.already");
}

#[test]
fn account_merge_preview_people_deals_products_and_undo() {
    let mut keep = Account::new("Acme SIA", t(1));
    keep.products_in_use = vec![ProductInUse {
        product: "Pump".into(),
        ..Default::default()
    }];
    let mut gone = Account::new("ACME", t(1));
    gone.website = "acme.example".into();
    gone.grade = Some(crate::domain::account::Grade::B);
    keep.grade = Some(crate::domain::account::Grade::A);
    gone.products_in_use = vec![
        ProductInUse {
            product: "pump".into(),
            ..Default::default()
        },
        ProductInUse {
            product: "Valve".into(),
            ..Default::default()
        },
    ];
    let p1 = Contact::new(gone.id, "Anna", t(1));
    let p2 = Contact::new(keep.id, "Ilze", t(1));
    let mut note = IntelNote::new(
        IntelKind::FeedbackOnOurs,
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        "x",
        t(1),
    );
    note.account_id = Some(gone.id);
    let mut book = Owned {
        accounts: map(vec![keep.clone(), gone.clone()]),
        contacts: map(vec![p1.clone(), p2]),
        deals: map(vec![deal(gone.id), deal(gone.id), deal(keep.id)]),
        intel_notes: map(vec![note]),
        tasks: map(vec![task(gone.id, p1.id)]),
        ..Default::default()
    };
    let plan = plan_account_merge(&keep, &gone, &book.book(), t(3));
    assert_eq!(
        plan.counts,
        [
            (LinkCount::People, 1),
            (LinkCount::Deals, 2),
            (LinkCount::Tasks, 1),
            (LinkCount::IntelNotes, 1),
            (LinkCount::ProductsInUse, 1),
        ]
    );
    assert!(plan.gained.contains(&"account.field.website"));
    assert!(plan.gained.contains(&"account.field.products_in_use"));
    assert_eq!(
        plan.dropped,
        [
            DroppedShown {
                field_key: "account.field.name",
                value: "ACME".into(),
                value_is_key: false
            },
            DroppedShown {
                field_key: "account.field.grade",
                value: "grade.b".into(),
                value_is_key: true
            }
        ]
    );
    let done = book.commit(&plan, |b| &mut b.accounts);
    assert!(book.deals.values().all(|d| d.account_id == keep.id));
    let undo = plan_undo(&done, &book.book()).unwrap();
    assert_eq!(undo.recreate.name, "ACME");
    assert_eq!(undo.restored.contacts[0].account_id, gone.id);
    assert_eq!(undo.restored.deals.len(), 2);
    assert!(undo.restored.deals.iter().all(|d| d.account_id == gone.id));
    assert_eq!(undo.survivor.products_in_use.len(), 1);
}

#[test]
fn every_field_the_preview_names_has_a_label() {
    let en = crate::i18n::Locale::En.catalogue();
    for (_, key) in CONTACT_FIELDS.iter().chain(ACCOUNT_FIELDS) {
        assert!(en.get(key).is_some(), "no label for {key}");
    }
    for k in LinkCount::ALL {
        for n in [1, 2] {
            let key = crate::i18n::counted_key(crate::i18n::Locale::En, k.key(), n);
            assert!(en.get(&key).is_some(), "no {key}");
        }
    }
    // Every stored field of a person or an account is in the list (meta and links aside).
    let skip = ["id", "created_at", "updated_at", "rev", "account_id"];
    for (value, fields) in [
        (
            serde_json::to_value(Contact::new(new_id(), "x", t(1))).unwrap(),
            CONTACT_FIELDS,
        ),
        (
            serde_json::to_value(Account::new("x", t(1))).unwrap(),
            ACCOUNT_FIELDS,
        ),
    ] {
        for k in value.as_object().unwrap().keys() {
            assert!(
                skip.contains(&k.as_str()) || fields.iter().any(|(f, _)| f == k),
                "field {k} is not named by the preview"
            );
        }
    }
}

#[test]
fn an_account_merge_moves_the_follow_up_service_records_and_undo_brings_them_back() {
    use crate::domain::complaint::{Complaint, FeedbackKind};
    use crate::domain::money::{Currency, Money};
    use crate::domain::receivable::{CreditCheck, CreditOutcome, Invoice};
    use crate::domain::referral::{Referral, ReferredLead};
    let keep = Account::new("Acme SIA", t(1));
    let gone = Account::new("ACME", t(1));
    let third = Account::new("Baltic Mills", t(1));
    let anna = Contact::new(gone.id, "Anna", t(1));
    let ilze = Contact::new(keep.id, "Ilze", t(1));
    let d = deal(gone.id);
    let day = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
    let eur = Currency::parse("EUR").unwrap();
    let invoice = Invoice::new(d.id, gone.id, "INV-1", day, day, Money::new(100, eur), t(1));
    let check = CreditCheck::new(gone.id, day, true, CreditOutcome::Sound, t(1));
    let complaint = Complaint::new(FeedbackKind::Complaint, gone.id, "Late", 2, 4, t(1), t(1));
    // Ilze (of the survivor) gave both accounts as leads: after the merge they are one.
    let mut asked = Referral::new(ilze.id, third.id, day, t(1));
    asked.leads = vec![
        ReferredLead {
            account_id: gone.id,
            person_id: None,
        },
        ReferredLead {
            account_id: keep.id,
            person_id: None,
        },
    ];
    let mut book = Owned {
        accounts: map(vec![keep.clone(), gone.clone(), third]),
        contacts: map(vec![anna, ilze]),
        deals: map(vec![d]),
        invoices: map(vec![invoice.clone()]),
        credit_checks: map(vec![check.clone()]),
        complaints: map(vec![complaint.clone()]),
        referrals: map(vec![asked.clone()]),
        ..Default::default()
    };
    let plan = plan_account_merge(&keep, &gone, &book.book(), t(3));
    assert_eq!(
        plan.counts,
        [
            (LinkCount::People, 1),
            (LinkCount::Deals, 1),
            (LinkCount::Invoices, 1),
            (LinkCount::CreditChecks, 1),
            (LinkCount::Complaints, 1),
            (LinkCount::Referrals, 1),
        ]
    );
    let done = book.commit(&plan, |b| &mut b.accounts);
    assert_eq!(book.invoices[&invoice.id].account_id, keep.id);
    assert_eq!(book.credit_checks[&check.id].account_id, keep.id);
    assert_eq!(book.complaints[&complaint.id].account_id, keep.id);
    assert_eq!(
        book.referrals[&asked.id].leads,
        [ReferredLead {
            account_id: keep.id,
            person_id: None
        }]
    );
    let undo = plan_undo(&done, &book.book()).unwrap();
    assert_eq!(undo.restored.invoices[0].account_id, gone.id);
    assert_eq!(undo.restored.credit_checks[0].account_id, gone.id);
    assert_eq!(undo.restored.complaints[0].account_id, gone.id);
    assert_eq!(undo.restored.referrals[0].leads, asked.leads);
}

#[test]
fn a_person_merge_moves_their_complaints_and_referral_asks() {
    use crate::domain::complaint::{Complaint, FeedbackKind};
    use crate::domain::referral::Referral;
    let acc = Account::new("Acme", t(1));
    let keep = Contact::new(acc.id, "Anna Ozola", t(1));
    let gone = Contact::new(acc.id, "Anna", t(1));
    let mut complaint = Complaint::new(FeedbackKind::Complaint, acc.id, "Late", 2, 4, t(1), t(1));
    complaint.person_id = Some(gone.id);
    let asked = Referral::new(
        gone.id,
        acc.id,
        NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
        t(1),
    );
    let mut book = Owned {
        accounts: map(vec![acc]),
        contacts: map(vec![keep.clone(), gone.clone()]),
        complaints: map(vec![complaint.clone()]),
        referrals: map(vec![asked.clone()]),
        ..Default::default()
    };
    let plan = plan_contact_merge(&keep, &gone, &book.book(), t(3));
    assert_eq!(
        plan.counts,
        [(LinkCount::Complaints, 1), (LinkCount::Referrals, 1)]
    );
    book.commit(&plan, |b| &mut b.contacts);
    assert_eq!(book.complaints[&complaint.id].person_id, Some(keep.id));
    assert_eq!(book.referrals[&asked.id].person_id, keep.id);
}
