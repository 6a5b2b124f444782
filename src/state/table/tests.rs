//! Tests of the record tables and the live indexes: memos that read one record, the ids,
//! every record or one list count how often they re-run, so each test says exactly which
//! changes wake which readers. Uses the reactive graph natively (no browser).

use super::*;
use crate::domain::contact::Contact;
use crate::domain::sorting::SortExt;
use chrono::{TimeZone, Utc};
use reactive_graph::computed::ArcMemo;
use reactive_graph::owner::Owner;
use reactive_graph::traits::Get;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use uuid::Uuid;

fn person(n: u64, account: Id, name: &str) -> Contact {
    let now = Utc.with_ymd_and_hms(2026, 4, 1, 9, 0, 0).unwrap();
    let mut c = Contact::new(account, name, now);
    c.id = Uuid::from_u64_pair(2, n);
    c
}

/// `people` as a kind's records.
fn records<const N: usize>(people: [Contact; N]) -> Records<Contact> {
    people.into_iter().map(|c| (c.id, c)).collect()
}

fn account(n: u64) -> Id {
    Uuid::from_u64_pair(1, n)
}

/// A memo over `f` and the number of times it ran.
fn counted<T: PartialEq + Send + Sync + 'static>(
    f: impl Fn() -> T + Send + Sync + 'static,
) -> (ArcMemo<T>, Arc<AtomicUsize>) {
    let runs = Arc::new(AtomicUsize::new(0));
    let r = runs.clone();
    let memo = ArcMemo::new(move |_| {
        r.fetch_add(1, Ordering::SeqCst);
        f()
    });
    (memo, runs)
}

fn runs(n: &AtomicUsize) -> usize {
    n.load(Ordering::SeqCst)
}

fn with_owner(test: impl FnOnce()) {
    let owner = Owner::new();
    owner.set();
    test();
}

#[test]
fn reading_one_record_wakes_only_when_that_record_changes() {
    with_owner(|| {
        let table = Table::<Contact>::new();
        let (a, b) = (person(1, account(1), "Ana"), person(2, account(1), "Ben"));
        table.replace_all(records([a.clone(), b.clone()]));
        let id = a.id;
        let (name, n) = counted(move || table.with(id, |c| c.name.clone()));
        assert_eq!(name.get(), Some("Ana".to_string()));
        assert_eq!(runs(&n), 1);

        let mut b2 = b.clone();
        b2.name = "Benno".into();
        table.insert(b2);
        table.insert(person(3, account(2), "Cleo"));
        name.get();
        assert_eq!(runs(&n), 1, "another record changed, or a record was added");

        table.insert(a.clone());
        name.get();
        assert_eq!(runs(&n), 1, "the same content saved again");

        let mut a2 = a.clone();
        a2.name = "Ana María".into();
        assert_eq!(table.insert(a2), Some(a.clone()));
        assert_eq!(name.get(), Some("Ana María".to_string()));
        assert_eq!(runs(&n), 2);

        assert!(table.remove(id).is_some());
        assert_eq!(name.get(), None);
        assert_eq!(runs(&n), 3);

        table.insert(person(4, account(1), "Dora"));
        name.get();
        assert_eq!(
            runs(&n),
            3,
            "another record was added while this one is gone"
        );
        table.insert(a.clone());
        assert_eq!(name.get(), Some("Ana".to_string()));
        assert_eq!(runs(&n), 4, "the record came back");
    });
}

#[test]
fn ids_wake_on_membership_only_and_with_all_on_every_change() {
    with_owner(|| {
        let table = Table::<Contact>::new();
        let a = person(1, account(1), "Ana");
        table.insert(a.clone());
        let (ids, n_ids) = counted(move || table.ids());
        let (names, n_all) = counted(move || {
            table.with_all(|m| {
                let mut v: Vec<String> = m.values().map(|c| c.name.clone()).collect();
                v.sort_plain();
                v
            })
        });
        assert_eq!(ids.get(), vec![a.id]);
        assert_eq!(names.get(), vec!["Ana".to_string()]);

        let mut a2 = a.clone();
        a2.name = "Ana María".into();
        table.insert(a2);
        ids.get();
        assert_eq!(
            runs(&n_ids),
            1,
            "a change to a record is not a membership change"
        );
        assert_eq!(names.get(), vec!["Ana María".to_string()]);
        assert_eq!(runs(&n_all), 2);

        let b = person(2, account(1), "Ben");
        table.insert(b.clone());
        let mut want = vec![a.id, b.id];
        want.sort_plain();
        assert_eq!(ids.get(), want);
        assert_eq!(runs(&n_ids), 2);
        assert_eq!(
            names.get(),
            vec!["Ana María".to_string(), "Ben".to_string()]
        );
        assert_eq!(runs(&n_all), 3);
        table.remove(a.id);
        assert_eq!(ids.get(), vec![b.id]);
        assert_eq!(runs(&n_ids), 3);
        assert_eq!(names.get(), vec!["Ben".to_string()]);
        assert_eq!(runs(&n_all), 4);
    });
}

#[test]
fn replacing_everything_wakes_only_the_records_that_differ() {
    with_owner(|| {
        let table = Table::<Contact>::new();
        let (a, b) = (person(1, account(1), "Ana"), person(2, account(1), "Ben"));
        table.replace_all(records([a.clone(), b.clone()]));
        let (ida, idb) = (a.id, b.id);
        let (ra, na) = counted(move || table.get(ida));
        let (rb, nb) = counted(move || table.get(idb));
        let (ids, n_ids) = counted(move || table.ids());
        ra.get();
        rb.get();
        ids.get();

        let mut b2 = b.clone();
        b2.name = "Benno".into();
        table.replace_all(records([a.clone(), b2.clone()]));
        ra.get();
        ids.get();
        assert_eq!(rb.get(), Some(b2));
        assert_eq!((runs(&na), runs(&nb), runs(&n_ids)), (1, 2, 1));

        table.replace_all(records([a.clone()]));
        ra.get();
        assert_eq!(rb.get(), None);
        assert_eq!(ids.get(), vec![ida]);
        assert_eq!((runs(&na), runs(&nb), runs(&n_ids)), (1, 3, 2));
    });
}

#[test]
fn a_list_reader_wakes_only_when_its_list_changes() {
    with_owner(|| {
        let live = LiveIndexes::new();
        let (from, to) = (account(1), account(2));
        let c = person(1, from, "Ana");
        live.replace(Indexes::build([&c], [], [], []));
        let (of_from, n_from) = counted(move || live.people_of(from));
        let (of_to, n_to) = counted(move || live.people_of(to));
        assert_eq!(of_from.get(), vec![c.id]);
        assert!(of_to.get().is_empty());

        let mut renamed = c.clone();
        renamed.name = "Ana María".into();
        live.on_change(Some(&c), Some(&renamed));
        live.on_change(None, Some(&person(2, account(3), "Ben")));
        of_from.get();
        of_to.get();
        assert_eq!(
            (runs(&n_from), runs(&n_to)),
            (1, 1),
            "nothing moved in these lists"
        );

        let mut moved = renamed.clone();
        moved.account_id = to;
        live.on_change(Some(&renamed), Some(&moved));
        assert!(of_from.get().is_empty());
        assert_eq!(of_to.get(), vec![c.id]);
        assert_eq!((runs(&n_from), runs(&n_to)), (2, 2));

        live.replace(Indexes::build([&moved], [], [], []));
        of_from.get();
        of_to.get();
        assert_eq!(
            (runs(&n_from), runs(&n_to)),
            (2, 2),
            "a reload that changes no list"
        );
    });
}

#[test]
fn reading_some_records_wakes_only_when_one_of_them_changes() {
    with_owner(|| {
        let table = Table::<Contact>::new();
        let (a, b, c) = (
            person(1, account(1), "Ana"),
            person(2, account(1), "Ben"),
            person(3, account(2), "Cleo"),
        );
        table.replace_all(records([a.clone(), b.clone(), c.clone()]));
        let gone = person(9, account(1), "Ivo");
        let ids = vec![b.id, gone.id, a.id];
        let (names, n) = counted(move || {
            table.with_many(&ids, |ps| {
                ps.iter().map(|p| p.name.clone()).collect::<Vec<_>>()
            })
        });
        assert_eq!(names.get(), vec!["Ben".to_string(), "Ana".to_string()]);
        assert_eq!(runs(&n), 1);

        let mut c2 = c.clone();
        c2.name = "Cleopatra".into();
        table.insert(c2);
        table.insert(person(4, account(1), "Dora"));
        names.get();
        assert_eq!(
            runs(&n),
            1,
            "a record it was not given changed, or was added"
        );

        let mut a2 = a.clone();
        a2.name = "Ana María".into();
        table.insert(a2);
        assert_eq!(
            names.get(),
            vec!["Ben".to_string(), "Ana María".to_string()]
        );
        assert_eq!(runs(&n), 2);

        table.insert(gone.clone());
        assert_eq!(
            names.get(),
            vec![
                "Ben".to_string(),
                "Ivo".to_string(),
                "Ana María".to_string()
            ]
        );
        assert_eq!(runs(&n), 3, "a record it was given appeared");

        table.remove(b.id);
        assert_eq!(
            names.get(),
            vec!["Ivo".to_string(), "Ana María".to_string()]
        );
        assert_eq!(runs(&n), 4);
    });
}
