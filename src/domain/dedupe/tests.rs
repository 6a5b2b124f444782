use super::*;
use crate::domain::account::{Grade, Satisfaction};
use crate::domain::competitor::CompetitorRep;
use crate::domain::contact::BuyingLevel;
use crate::domain::ids::new_id;
use crate::domain::intel::IntelKind;
use crate::domain::relationship::RelationshipStage;
use chrono::{NaiveDate, TimeZone};

fn t(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, day, 9, 0, 0).unwrap()
}

#[test]
fn name_keys() {
    assert_eq!(account_name_key("  SIA  Ābele, Ltd. "), "abele");
    assert_eq!(account_name_key("ÁBELE"), account_name_key("Abele SIA"));
    assert_eq!(account_name_key("AS"), "as");
    assert_eq!(account_name_key("Acme Sp. z o.o."), "acme");
    assert_eq!(account_name_key("José Álvarez S.L."), "jose alvarez");
    assert_eq!(
        person_name_key("Bērziņš,  Jānis"),
        person_name_key("jānis BERZINS")
    );
    assert_ne!(
        person_name_key("Anna Berzina"),
        person_name_key("Anna Berzins")
    );
}

#[test]
fn phone_formats() {
    assert!(phones_match("+371 2000 1234", "0037120001234"));
    assert!(phones_match("+371 2000 1234", "20001234"));
    assert!(phones_match("20 00 12 34", "0037120001234"));
    assert!(phones_match("020 7946 0958", "+44 20 7946 0958"));
    assert!(!phones_match("+371 2000 1234", "+371 2000 1235"));
    assert!(!phones_match("0001234", "+371 2000 1234")); // 7-digit suffix is not enough
    assert!(!phones_match("12", "12"));
    assert!(phones_match("123456", "12-34-56"));
}

fn account(name: &str) -> Account {
    Account::new(name, t(1))
}

#[test]
fn account_duplicates_by_name_email_phone() {
    let mut a = account("José Álvarez S.L.");
    a.emails = vec!["Info@Alvarez.es".into()];
    let mut b = account("Beta");
    b.phones = vec!["+371 2000 1234".into()];
    let c = account("Gamma");
    let existing = vec![a.clone(), b.clone(), c];
    let m = find_account_duplicates("jose  alvarez", &[], &[], &existing);
    assert_eq!(
        m,
        [DuplicateMatch {
            id: a.id,
            reason: MatchReason::Name
        }]
    );
    let m = find_account_duplicates(
        "Other",
        &[" info@alvarez.ES".into()],
        &["0037120001234".into()],
        &existing,
    );
    assert_eq!(
        m,
        [
            DuplicateMatch {
                id: a.id,
                reason: MatchReason::Email
            },
            DuplicateMatch {
                id: b.id,
                reason: MatchReason::Phone
            }
        ]
    );
    let m = find_account_duplicates("Beta", &[], &["2000 1234".into()], &existing);
    assert_eq!(m.len(), 2);
    assert_eq!(matched_ids(&m), [b.id]);
    assert!(find_account_duplicates("", &["".into()], &["".into()], &existing).is_empty());
    assert_eq!(MatchReason::Email.key(), "dedupe.reason.email");
}

#[test]
fn contact_duplicates_names_within_account_contacts_anywhere() {
    let (acc1, acc2) = (new_id(), new_id());
    let mut x = Contact::new(acc1, "Jānis Bērziņš", t(1));
    x.emails = vec!["janis@acme.lv".into()];
    let mut y = Contact::new(acc2, "Anna Kalniņa", t(1));
    y.phones = vec!["+371 2611 2233".into()];
    let all = vec![x.clone(), y.clone()];
    // Same name, same account (accents and order ignored).
    let m = find_contact_duplicates(Some(acc1), "Berzins Janis", &[], &[], &all);
    assert_eq!(
        m,
        [DuplicateMatch {
            id: x.id,
            reason: MatchReason::Name
        }]
    );
    // Same name elsewhere: no warning.
    assert!(find_contact_duplicates(Some(acc2), "janis berzins", &[], &[], &all).is_empty());
    // E-mail and phone anywhere.
    let m = find_contact_duplicates(
        Some(acc1),
        "A. K.",
        &["JANIS@acme.lv".into()],
        &["26112233".into()],
        &all,
    );
    assert_eq!(
        m,
        [
            DuplicateMatch {
                id: x.id,
                reason: MatchReason::Email
            },
            DuplicateMatch {
                id: y.id,
                reason: MatchReason::Phone
            }
        ]
    );
}

#[test]
fn merge_contacts_fills_blanks_unions_lists_and_reports_drops() {
    let acc = new_id();
    let other_acc = new_id();
    let friend = new_id();
    let mut keep = Contact::new(acc, "Jānis Bērziņš", t(2));
    keep.title = "CTO".into();
    keep.emails = vec!["janis@acme.lv".into()];
    keep.phones = vec!["+371 2000 1234".into()];
    keep.roles = vec![BuyingRole::Evaluator];
    keep.notes = "Likes data.".into();
    keep.friends = vec![PersonLink {
        contact_id: Some(friend),
        name: "Ilze".into(),
    }];
    let mut gone = Contact::new(other_acc, "Janis Berzins", t(1));
    gone.title = "Technical director".into();
    gone.emails = vec!["JANIS@acme.lv".into(), "j.berzins@gmail.com".into()];
    gone.phones = vec!["20001234".into(), "+371 6700 0000".into()];
    gone.roles = vec![BuyingRole::Designer, BuyingRole::Evaluator];
    gone.level = Some(BuyingLevel::Management);
    gone.is_guide = true;
    gone.home_town = "Cēsis".into();
    gone.notes = "Plays hockey on Tuesdays.".into();
    gone.last_met = NaiveDate::from_ymd_opt(2026, 3, 1);
    gone.friends = vec![
        PersonLink {
            contact_id: Some(friend),
            name: "Ilze K.".into(),
        },
        PersonLink {
            contact_id: Some(keep.id),
            name: "himself".into(),
        },
        PersonLink::named("Pēteris"),
    ];
    gone.relationship = Relationship {
        stage: RelationshipStage::Dating,
        history: vec![StageChange {
            at: t(1),
            from: RelationshipStage::Acquaintance,
            to: RelationshipStage::Dating,
            evidence: "came to the demo".into(),
        }],
    };
    let r = merge_contacts(&keep, &gone, t(10));
    let c = &r.merged;
    assert_eq!(c.id, keep.id);
    assert_eq!(c.account_id, acc);
    assert_eq!(c.created_at, t(1));
    assert_eq!(c.name, "Jānis Bērziņš");
    assert_eq!(c.title, "CTO");
    assert_eq!(c.emails, ["janis@acme.lv", "j.berzins@gmail.com"]);
    assert_eq!(c.phones, ["+371 2000 1234", "+371 6700 0000"]);
    assert_eq!(c.roles, [BuyingRole::Designer, BuyingRole::Evaluator]);
    assert_eq!(c.level, Some(BuyingLevel::Management));
    assert!(c.is_guide);
    assert_eq!(c.home_town, "Cēsis");
    assert_eq!(c.notes, "Likes data.\n\nPlays hockey on Tuesdays.");
    assert_eq!(c.last_met, gone.last_met);
    assert_eq!(c.friends.len(), 2); // Ilze once, Pēteris; no self-link
    assert_eq!(c.relationship.stage, RelationshipStage::Dating);
    assert_eq!(c.account_history.len(), 1);
    assert_eq!(c.account_history[0].from, other_acc);
    assert_eq!(
        r.dropped,
        [DroppedValue {
            field: "title",
            value: "Technical director".into()
        }]
    );
    assert_eq!(
        r.rewrites,
        [IdRewrite {
            kind: IdKind::Contact,
            from: gone.id,
            to: keep.id
        }]
    );
    assert_eq!(r.removed, gone.id);
}

#[test]
fn merge_keeps_every_link_to_the_gone_person() {
    let acc = new_id();
    let keep = Contact::new(acc, "Anna", t(1));
    let gone = Contact::new(acc, "Anna K", t(1));
    let mut colleague = Contact::new(acc, "Ilze", t(1));
    colleague.friends = vec![PersonLink {
        contact_id: Some(gone.id),
        name: "Anna K".into(),
    }];
    colleague.rivals = vec![
        PersonLink {
            contact_id: Some(gone.id),
            name: "Anna K".into(),
        },
        PersonLink {
            contact_id: Some(keep.id),
            name: "Anna".into(),
        },
    ];
    let mut rival = Competitor::new("Rival", t(1));
    rival.reps = vec![CompetitorRep {
        name: "Olga".into(),
        traits: String::new(),
        ties: vec![PersonLink {
            contact_id: Some(gone.id),
            name: "Anna K".into(),
        }],
    }];
    // Another module's record (an activity's people, a deal's contacts).
    let mut activity_people = vec![keep.id, gone.id, colleague.id];
    let r = merge_contacts(&keep, &gone, t(2));

    let mut contacts = vec![keep.clone(), colleague.clone()];
    let changed = apply_rewrites(&mut contacts, &r.rewrites, relink_contact);
    assert_eq!(changed, [colleague.id]);
    assert_eq!(contacts[1].friends[0].contact_id, Some(keep.id));
    assert_eq!(contacts[1].rivals.len(), 1);
    assert_eq!(contacts[1].rivals[0].contact_id, Some(keep.id));

    let mut comps = vec![rival];
    assert_eq!(
        apply_rewrites(&mut comps, &r.rewrites, relink_competitor).len(),
        1
    );
    assert_eq!(comps[0].reps[0].ties[0].contact_id, Some(keep.id));

    for rw in &r.rewrites {
        relink_ids(&mut activity_people, rw.from, rw.to);
    }
    assert_eq!(activity_people, [keep.id, colleague.id]);
    // Nothing points to the gone person any more.
    let json = serde_json::to_string(&(&contacts, &comps, &activity_people)).unwrap();
    assert!(!json.contains(&gone.id.to_string()));
}

#[test]
fn merge_accounts_moves_people_notes_and_keeps_facts() {
    let mut keep = account("Acme SIA");
    keep.grade = Some(Grade::A);
    keep.tags = vec!["dairy".into()];
    keep.notes = "Visit in May.".into();
    keep.products_in_use = vec![ProductInUse {
        product: "Pump X".into(),
        ..Default::default()
    }];
    keep.archived = false;
    let mut gone = account("ACME");
    gone.grade = Some(Grade::B);
    gone.tags = vec!["Dairy".into(), "Riga".into()];
    gone.website = "acme.lv".into();
    gone.notes = "Owner is a hunter.".into();
    gone.customer_since = NaiveDate::from_ymd_opt(2019, 1, 1);
    gone.address.city = "Rīga".into();
    gone.products_in_use = vec![
        ProductInUse {
            product: "pump x".into(),
            satisfaction: Some(Satisfaction::Satisfied),
            ..Default::default()
        },
        ProductInUse {
            competitor_id: Some(new_id()),
            product: "Valve".into(),
            ..Default::default()
        },
    ];
    gone.archived = true;
    let r = merge_accounts(&keep, &gone, t(3));
    let a = &r.merged;
    assert_eq!(a.id, keep.id);
    assert_eq!(a.name, "Acme SIA");
    assert_eq!(a.grade, Some(Grade::A));
    assert_eq!(a.tags, ["dairy", "Riga"]);
    assert_eq!(a.website, "acme.lv");
    assert_eq!(a.address.city, "Rīga");
    assert_eq!(a.notes, "Visit in May.\n\nOwner is a hunter.");
    assert!(a.is_existing_customer());
    assert!(!a.archived);
    assert_eq!(a.products_in_use.len(), 2);
    assert_eq!(
        a.products_in_use[0].satisfaction,
        Some(Satisfaction::Satisfied)
    );
    assert_eq!(
        r.dropped,
        [
            DroppedValue {
                field: "name",
                value: "ACME".into()
            },
            DroppedValue {
                field: "grade",
                value: "b".into()
            }
        ]
    );

    // People, their move history and intel notes follow the kept account.
    let mut person = Contact::new(gone.id, "Anna", t(1));
    let mut mover = Contact::new(keep.id, "Ilze", t(1));
    mover.account_history.push(AccountMove {
        from: gone.id,
        to: keep.id,
        at: t(1),
        title: String::new(),
        level: None,
        function: None,
        roles: vec![],
        was_guide: false,
    });
    let mut stranger = Contact::new(new_id(), "Other", t(1));
    let mut note = IntelNote::new(
        IntelKind::FeedbackOnOurs,
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        "x",
        t(1),
    );
    note.account_id = Some(gone.id);
    for rw in &r.rewrites {
        assert!(relink_contact(&mut person, rw));
        assert!(relink_contact(&mut mover, rw));
        assert!(!relink_contact(&mut stranger, rw));
        assert!(relink_intel(&mut note, rw));
    }
    assert_eq!(person.account_id, keep.id);
    assert!(mover.account_history.is_empty());
    assert_eq!(note.account_id, Some(keep.id));
}

#[test]
fn relink_helpers() {
    let (a, b, c) = (new_id(), new_id(), new_id());
    let mut ids = vec![a, c];
    assert!(!relink_ids(&mut ids, b, a));
    assert!(relink_ids(&mut ids, c, a));
    assert_eq!(ids, [a]);
    let mut o = Some(b);
    assert!(relink_opt_id(&mut o, b, c));
    assert_eq!(o, Some(c));
    let mut none: Option<Id> = None;
    assert!(!relink_opt_id(&mut none, b, c));
    assert_eq!(IdKind::Contact.record_kind(), "contacts");
    assert_eq!(IdKind::Account.record_kind(), "accounts");
}

#[test]
fn deals_activities_and_tasks_follow_a_merge() {
    use crate::domain::activity::Activity;
    use crate::domain::agenda::Task;
    use crate::domain::contact::BuyingRole;
    use crate::domain::deal::{Deal, DealPerson};
    let now = chrono::Utc::now();
    let (acc_keep, acc_gone) = (crate::domain::ids::new_id(), crate::domain::ids::new_id());
    let (keep, gone) = (crate::domain::ids::new_id(), crate::domain::ids::new_id());
    let mut d: Deal = serde_json::from_value(serde_json::json!({
        "id": crate::domain::ids::new_id(), "created_at": now, "updated_at": now, "rev": 1,
        "account_id": acc_gone, "title": "Pumps", "step_entered_at": now,
        "value": {"minor": 100, "currency": "EUR"},
    }))
    .unwrap();
    d.people = vec![
        DealPerson {
            contact_id: keep,
            roles: vec![BuyingRole::User],
        },
        DealPerson {
            contact_id: gone,
            roles: vec![BuyingRole::Evaluator, BuyingRole::User],
        },
    ];
    let rw_acc = IdRewrite {
        kind: IdKind::Account,
        from: acc_gone,
        to: acc_keep,
    };
    let rw_person = IdRewrite {
        kind: IdKind::Contact,
        from: gone,
        to: keep,
    };
    assert!(relink_deal(&mut d, &rw_acc));
    assert_eq!(d.account_id, acc_keep);
    assert!(relink_deal(&mut d, &rw_person));
    assert_eq!(d.people.len(), 1);
    assert_eq!(
        d.people[0].roles,
        vec![BuyingRole::User, BuyingRole::Evaluator]
    );
    assert!(!relink_deal(&mut d, &rw_person));

    let mut a: Activity = serde_json::from_value(serde_json::json!({
        "id": crate::domain::ids::new_id(), "created_at": now, "updated_at": now, "rev": 1,
        "kind": "phone_call", "at": now, "contact_ids": [gone], "account_id": acc_gone,
    }))
    .unwrap();
    assert!(relink_activity(&mut a, &rw_acc) && relink_activity(&mut a, &rw_person));
    assert_eq!(
        (a.account_id, a.contact_ids.clone()),
        (Some(acc_keep), vec![keep])
    );

    let mut t: Task = serde_json::from_value(serde_json::json!({
        "id": crate::domain::ids::new_id(), "created_at": now, "updated_at": now, "rev": 1,
        "title": "Call back", "due_date": "2026-11-30", "contact_id": gone, "account_id": acc_gone,
    }))
    .unwrap();
    assert!(relink_task(&mut t, &rw_acc) && relink_task(&mut t, &rw_person));
    assert_eq!((t.account_id, t.contact_id), (Some(acc_keep), Some(keep)));
}

#[test]
fn merged_accounts_keep_a_language_of_documents_and_name_the_one_dropped() {
    use crate::i18n::Locale;
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap();
    let keep = account("Acme SIA");
    let mut gone = account("ACME");
    gone.language = Some(Locale::Lv);
    // The kept account had none: the other's is taken.
    let r = merge_accounts(&keep, &gone, now);
    assert_eq!(r.merged.language, Some(Locale::Lv));
    // Both had one: the kept account's stays, the other's is named as dropped.
    let mut keep = keep;
    keep.language = Some(Locale::Hu);
    let r = merge_accounts(&keep, &gone, now);
    assert_eq!(r.merged.language, Some(Locale::Hu));
    assert!(r
        .dropped
        .iter()
        .any(|d| d.field == "language" && d.value == "Latviešu"));
}
