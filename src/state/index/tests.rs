//! Tests of the relation indexes: random edit sequences kept up to date record by record
//! must always equal the indexes built afresh, and report exactly the lists they changed.
//! Uses only the domain's records and a small deterministic generator (no dependency).

use super::*;
use crate::domain::deal::Outcome;
use crate::domain::sorting::SortExt;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use uuid::Uuid;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, 1, 9, 0, 0).unwrap()
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 2).unwrap()
}

/// A deterministic generator (xorshift64*): the same seed gives the same edits.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    /// One of a few ids of one family (a small pool, so records collide and share lists).
    fn pick(&mut self, family: u64, pool: usize) -> Id {
        Uuid::from_u64_pair(family, self.below(pool) as u64 + 1)
    }
}

const ACCOUNTS: u64 = 1;
const PEOPLE: u64 = 2;
const DEALS: u64 = 3;
const ACTIVITIES: u64 = 4;
const TASKS: u64 = 5;
const POOL: usize = 6;

fn contact(id: Id, account: Id) -> Contact {
    let mut c = Contact::new(account, "Ana", t0());
    c.id = id;
    c
}

fn deal(id: Id, account: Id) -> Deal {
    let mut d: Deal = serde_json::from_value(serde_json::json!({
        "id": id, "created_at": t0(), "updated_at": t0(), "rev": 1,
        "account_id": account, "title": "Pumps", "step_entered_at": t0(),
        "value": {"minor": 100, "currency": "EUR"},
    }))
    .unwrap();
    d.id = id;
    d
}

fn activity(id: Id) -> Activity {
    serde_json::from_value(serde_json::json!({
        "id": id, "created_at": t0(), "updated_at": t0(), "rev": 1,
        "kind": "phone_call", "at": t0(), "contact_ids": [],
    }))
    .unwrap()
}

fn task(id: Id) -> Task {
    serde_json::from_value(serde_json::json!({
        "id": id, "created_at": t0(), "updated_at": t0(), "rev": 1,
        "title": "Call back", "due_date": "2026-11-30",
    }))
    .unwrap()
}

/// The records of a test book, by kind.
#[derive(Default)]
struct Book {
    contacts: HashMap<Id, Contact>,
    deals: HashMap<Id, Deal>,
    activities: HashMap<Id, Activity>,
    tasks: HashMap<Id, Task>,
}

impl Book {
    fn build(&self) -> Indexes {
        Indexes::build(
            self.contacts.values(),
            self.deals.values(),
            self.activities.values(),
            self.tasks.values(),
        )
    }
}

/// Random values for the relation fields (and a random unrelated field).
fn scramble_contact(rng: &mut Rng, c: &mut Contact) {
    if rng.chance(2) {
        c.account_id = rng.pick(ACCOUNTS, POOL);
    }
    c.name = format!("Person {}", rng.below(100));
}

fn scramble_deal(rng: &mut Rng, d: &mut Deal) {
    if rng.chance(2) {
        d.account_id = rng.pick(ACCOUNTS, POOL);
    }
    if rng.chance(2) {
        d.step = Step::ALL[rng.below(Step::ALL.len())];
    }
    if rng.chance(2) {
        d.outcome = match rng.below(4) {
            0 => Outcome::Open,
            1 => Outcome::Won {
                at: day(),
                paid_on: None,
            },
            2 => Outcome::Lost {
                at: day(),
                reason: "price".into(),
            },
            _ => Outcome::Declined {
                at: day(),
                reason: "scope".into(),
            },
        };
    }
    d.title = format!("Deal {}", rng.below(100));
}

fn scramble_activity(rng: &mut Rng, a: &mut Activity) {
    if rng.chance(2) {
        // Up to three people, possibly the same one twice.
        a.contact_ids = (0..rng.below(4)).map(|_| rng.pick(PEOPLE, POOL)).collect();
    }
    if rng.chance(2) {
        a.account_id = (!rng.chance(3)).then(|| rng.pick(ACCOUNTS, POOL));
    }
    if rng.chance(2) {
        a.deal_id = (!rng.chance(3)).then(|| rng.pick(DEALS, POOL));
    }
    a.notes = format!("Notes {}", rng.below(100));
}

fn scramble_task(rng: &mut Rng, t: &mut Task) {
    if rng.chance(2) {
        t.contact_id = (!rng.chance(3)).then(|| rng.pick(PEOPLE, POOL));
    }
    t.title = format!("Task {}", rng.below(100));
}

/// One random edit of one kind: an insert, an update (which may or may not move the record
/// between lists) or a delete. Applies it to the book and the indexes; returns the changed
/// keys the indexes reported.
fn edit<T: Indexed + Clone>(
    rng: &mut Rng,
    records: &mut HashMap<Id, T>,
    ix: &mut Indexes,
    id: Id,
    fresh: impl Fn(&mut Rng, Id) -> T,
    scramble: impl Fn(&mut Rng, &mut T),
) -> Vec<IndexKey> {
    let before = records.get(&id).cloned();
    let after = match &before {
        Some(_) if rng.chance(4) => None,
        Some(b) => {
            let mut a = b.clone();
            scramble(rng, &mut a);
            Some(a)
        }
        None => {
            let mut a = fresh(rng, id);
            scramble(rng, &mut a);
            Some(a)
        }
    };
    match &after {
        Some(a) => records.insert(id, a.clone()),
        None => records.remove(&id),
    };
    ix.on_change(before.as_ref(), after.as_ref())
}

fn random_edit(rng: &mut Rng, book: &mut Book, ix: &mut Indexes) -> Vec<IndexKey> {
    match rng.below(4) {
        0 => {
            let id = rng.pick(PEOPLE, POOL);
            edit(
                rng,
                &mut book.contacts,
                ix,
                id,
                |r, id| contact(id, r.pick(ACCOUNTS, POOL)),
                scramble_contact,
            )
        }
        1 => {
            let id = rng.pick(DEALS, POOL);
            edit(
                rng,
                &mut book.deals,
                ix,
                id,
                |r, id| deal(id, r.pick(ACCOUNTS, POOL)),
                scramble_deal,
            )
        }
        2 => {
            let id = rng.pick(ACTIVITIES, POOL * 2);
            edit(
                rng,
                &mut book.activities,
                ix,
                id,
                |_, id| activity(id),
                scramble_activity,
            )
        }
        _ => {
            let id = rng.pick(TASKS, POOL);
            edit(
                rng,
                &mut book.tasks,
                ix,
                id,
                |_, id| task(id),
                scramble_task,
            )
        }
    }
}

fn sorted(mut keys: Vec<IndexKey>) -> Vec<IndexKey> {
    keys.sort_unstable();
    keys
}

#[test]
fn kept_up_to_date_edit_by_edit_equals_a_fresh_build() {
    for seed in 1..=60u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let mut book = Book::default();
        let mut ix = Indexes::new();
        for step in 0..300 {
            let prev = ix.clone();
            let changed = random_edit(&mut rng, &mut book, &mut ix);
            assert_eq!(ix, book.build(), "seed {seed}, edit {step}");
            assert_eq!(
                sorted(changed.clone()),
                sorted(prev.changed_keys(&ix)),
                "seed {seed}, edit {step}: reported keys"
            );
            let mut once = changed.clone();
            once.dedup();
            assert_eq!(once.len(), changed.len(), "seed {seed}, edit {step}");
        }
    }
}

#[test]
fn a_change_that_moves_nothing_reports_no_key() {
    let account = Uuid::from_u64_pair(ACCOUNTS, 1);
    let person = Uuid::from_u64_pair(PEOPLE, 1);
    let c = contact(person, account);
    let d = deal(Uuid::from_u64_pair(DEALS, 1), account);
    let mut a = activity(Uuid::from_u64_pair(ACTIVITIES, 1));
    a.contact_ids = vec![person, person];
    a.account_id = Some(account);
    a.deal_id = Some(d.id);
    let mut t = task(Uuid::from_u64_pair(TASKS, 1));
    t.contact_id = Some(person);
    let mut ix = Indexes::build([&c], [&d], [&a], [&t]);
    let built = ix.clone();

    let mut c2 = c.clone();
    c2.name = "Ana María".into();
    assert!(ix.on_change(Some(&c), Some(&c2)).is_empty());
    let mut d2 = d.clone();
    d2.title = "Valves".into();
    d2.value.minor = 5_000;
    assert!(ix.on_change(Some(&d), Some(&d2)).is_empty());
    let mut a2 = a.clone();
    a2.notes = "Talked about the retrofit".into();
    a2.contact_ids = vec![person];
    assert!(ix.on_change(Some(&a), Some(&a2)).is_empty());
    let mut t2 = t.clone();
    t2.title = "Send the offer".into();
    assert!(ix.on_change(Some(&t), Some(&t2)).is_empty());
    let acc = crate::domain::account::Account::new("Acme", t0());
    assert!(ix.on_change(None, Some(&acc)).is_empty());
    assert!(ix.on_change(Some(&acc), None).is_empty());
    assert_eq!(ix, built);
}

#[test]
fn closing_a_deal_takes_it_off_its_step_only() {
    let account = Uuid::from_u64_pair(ACCOUNTS, 1);
    let d = deal(Uuid::from_u64_pair(DEALS, 1), account);
    let mut ix = Indexes::build([], [&d], [], []);
    assert_eq!(ix.open_deals_at(Step::CustomerAnalysis), &[d.id]);
    let mut won = d.clone();
    won.outcome = Outcome::Won {
        at: day(),
        paid_on: None,
    };
    assert_eq!(
        ix.on_change(Some(&d), Some(&won)),
        vec![IndexKey::OpenDealsAt(Step::CustomerAnalysis)]
    );
    assert!(ix.open_deals_at(Step::CustomerAnalysis).is_empty());
    assert_eq!(ix.deals_of(account), &[d.id]);
}

#[test]
fn moving_a_person_changes_both_accounts_and_deleting_empties_the_list() {
    let (from, to) = (
        Uuid::from_u64_pair(ACCOUNTS, 1),
        Uuid::from_u64_pair(ACCOUNTS, 2),
    );
    let c = contact(Uuid::from_u64_pair(PEOPLE, 1), from);
    let mut ix = Indexes::build([&c], [], [], []);
    let mut moved = c.clone();
    moved.account_id = to;
    assert_eq!(
        sorted(ix.on_change(Some(&c), Some(&moved))),
        vec![IndexKey::PeopleOf(from), IndexKey::PeopleOf(to)]
    );
    assert!(ix.people_of(from).is_empty());
    assert_eq!(ix.people_of(to), &[c.id]);
    assert_eq!(
        ix.on_change(Some(&moved), None),
        vec![IndexKey::PeopleOf(to)]
    );
    assert_eq!(ix, Indexes::new());
}

#[test]
fn lists_are_in_ascending_id_order_whatever_the_insert_order() {
    let account = Uuid::from_u64_pair(ACCOUNTS, 1);
    let people: Vec<Contact> = [5, 2, 9, 1]
        .into_iter()
        .map(|n| contact(Uuid::from_u64_pair(PEOPLE, n), account))
        .collect();
    let mut ix = Indexes::new();
    for c in &people {
        ix.on_change(None, Some(c));
    }
    let want: Vec<Id> = [1, 2, 5, 9]
        .into_iter()
        .map(|n| Uuid::from_u64_pair(PEOPLE, n))
        .collect();
    assert_eq!(ix.people_of(account), want.as_slice());
    assert_eq!(ix, Indexes::build(&people, [], [], []));
}

#[test]
fn a_deals_proposal_versions_are_listed_under_the_deal() {
    use crate::domain::money::Currency;
    use crate::domain::proposal::{Proposal, ProposalContent};
    let (d1, d2) = (Uuid::from_u64_pair(DEALS, 1), Uuid::from_u64_pair(DEALS, 2));
    let mut versions: Vec<Proposal> = (1..=3)
        .map(|n| {
            let mut p = Proposal::draft(d1, n, ProposalContent::empty(Currency::default()), t0());
            p.id = Uuid::from_u64_pair(0x9, u64::from(4 - n));
            p
        })
        .collect();
    let mut ix = Indexes::new().with(&versions);
    let mut want: Vec<Id> = versions.iter().map(|p| p.id).collect();
    want.sort_plain();
    assert_eq!(ix.proposals_of(d1), want.as_slice());
    // A new version is added to its deal's list only; the built indexes agree.
    let mut v4 = Proposal::draft(d2, 1, ProposalContent::empty(Currency::default()), t0());
    v4.id = Uuid::from_u64_pair(0x9, 9);
    assert_eq!(
        ix.on_change(None, Some(&v4)),
        vec![IndexKey::ProposalsOf(d2)]
    );
    versions.push(v4.clone());
    assert_eq!(ix, Indexes::new().with(&versions));
    // A status change moves nothing; a deleted draft leaves its deal's list.
    let mut sent = versions[0].clone();
    sent.status = crate::domain::proposal::ProposalStatus::Sent;
    assert!(ix.on_change(Some(&versions[0]), Some(&sent)).is_empty());
    assert_eq!(
        ix.on_change(Some(&v4), None),
        vec![IndexKey::ProposalsOf(d2)]
    );
    assert!(ix.proposals_of(d2).is_empty());
}
