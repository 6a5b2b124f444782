use crate::domain::sorting::SortExt;
use std::collections::HashSet;

use chrono::{Duration, NaiveDate, TimeZone, Utc};

use super::*;
use crate::domain::account::Account;
use crate::domain::activity::{Activity, ActivityDraft, ActivityKind};
use crate::domain::buying_centre::{self, BuyingCentreWarning};
use crate::domain::contact::{BuyingRole, Contact};
use crate::domain::deal::{Outcome, Step};
use crate::domain::followup::milestones::late_milestones;
use crate::domain::ids::{Id, Record};
use crate::domain::money::{Currency, Money};
use crate::domain::negotiation::ledger::ledger_flags;
use crate::domain::proposal::ProposalStatus;
use crate::domain::receivable::aging::days_overdue;
use crate::domain::relationship::RelationshipStage;
use crate::domain::rules::{CheckContext, Checked};
use crate::domain::style::CommunicationStyle;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 14, 9, 30, 0).unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

fn book() -> SampleRecords {
    build(today(), now())
}

fn check_all<T: Checked>(records: &[T], ctx: &CheckContext) {
    for r in records {
        if let Err(e) = r.check(ctx) {
            panic!("{} {:?} breaks a rule: {e:?}", T::KIND, r.display_name());
        }
    }
}

fn check_book(b: &SampleRecords, ctx: &CheckContext) {
    check_all(&b.accounts, ctx);
    check_all(&b.contacts, ctx);
    check_all(&b.deals, ctx);
    check_all(&b.activities, ctx);
    check_all(&b.tasks, ctx);
    check_all(&b.products, ctx);
    check_all(&b.proposals, ctx);
    check_all(&b.negotiations, ctx);
    check_all(&b.followups, ctx);
    check_all(&b.invoices, ctx);
    check_all(&b.complaints, ctx);
}

#[test]
fn every_record_passes_its_kinds_rules() {
    check_book(&book(), &CheckContext { now: now() });
    check_all(&[book().mark(now())], &CheckContext { now: now() });
}

#[test]
fn it_builds_on_any_day_of_the_year_and_just_after_midnight() {
    // The end of a day in UTC while the rep's date is already the next day, and the
    // reverse: every date stays valid whatever the zone.
    for offset in [0, 40, 95, 180, 250, 333, 364] {
        let now = now() + Duration::days(offset);
        for (today, at) in [
            (now.date_naive(), now),
            (now.date_naive() + Duration::days(1), now),
            (now.date_naive() - Duration::days(1), now),
        ] {
            let b = build(today, at);
            check_book(&b, &CheckContext { now: at });
        }
    }
}

#[test]
fn ids_are_fresh_each_time() {
    let (a, b) = (book(), book());
    let first: HashSet<Id> = a.listed().iter().map(|r| r.id).collect();
    assert_eq!(first.len(), a.len(), "no id repeats");
    assert!(b.listed().iter().all(|r| !first.contains(&r.id)));
}

#[test]
fn every_link_points_at_a_built_record() {
    let b = book();
    let has = |kind: &str, id: Id| b.listed().iter().any(|r| r.kind == kind && r.id == id);
    for c in &b.contacts {
        assert!(has("accounts", c.account_id), "{}", c.name);
    }
    for d in &b.deals {
        assert!(has("accounts", d.account_id));
        for p in &d.people {
            let person = b.contacts.iter().find(|c| c.id == p.contact_id).unwrap();
            assert_eq!(person.account_id, d.account_id, "{}", person.name);
        }
        for n in &d.needs {
            if let Some(h) = n.holder_contact_id {
                assert!(has("contacts", h));
            }
        }
    }
    for a in &b.activities {
        assert!(!a.contact_ids.is_empty() || a.account_id.is_some());
        for c in &a.contact_ids {
            assert!(has("contacts", *c));
        }
        if let Some(id) = a.account_id {
            assert!(has("accounts", id));
        }
        if let Some(id) = a.deal_id {
            assert!(has("deals", id));
        }
    }
    for t in &b.tasks {
        if let Some(id) = t.contact_id {
            assert!(has("contacts", id));
        }
        if let Some(id) = t.account_id {
            assert!(has("accounts", id));
        }
        if let Some(id) = t.deal_id {
            assert!(has("deals", id));
        }
    }
    for p in &b.proposals {
        assert!(has("deals", p.deal_id));
        let deal = b.deals.iter().find(|d| d.id == p.deal_id).unwrap();
        for l in &p.content.lines {
            assert!(has("products", l.product_id().expect("catalogue lines")));
            for n in &l.need_ids {
                assert!(deal.needs.iter().any(|x| x.id == *n));
            }
        }
        if let Some(d) = &p.decision {
            assert!(has("contacts", d.by_contact_id.unwrap()));
        }
    }
    for n in &b.negotiations {
        assert!(has("deals", n.deal_id));
        for r in &n.rounds {
            assert!(n.issue(r.issue_id).is_some());
        }
    }
    for f in &b.followups {
        assert!(has("deals", f.deal_id));
        for c in &f.checks {
            assert!(has("contacts", c.person_id.unwrap()));
        }
    }
    for i in &b.invoices {
        assert!(has("deals", i.deal_id) && has("accounts", i.account_id));
    }
    for c in &b.complaints {
        assert!(has("accounts", c.account_id));
        assert!(has("contacts", c.person_id.unwrap()));
        assert!(has("deals", c.deal_id.unwrap()));
    }
    // The mark lists exactly what was built.
    let mark = b.mark(now());
    assert_eq!(mark.records, b.listed());
}

#[test]
fn the_cast_has_one_deal_at_each_step_and_every_stage_and_style() {
    let b = book();
    let steps: HashSet<Step> = b.deals.iter().map(|d| d.step).collect();
    assert_eq!(steps.len(), 6);
    assert!(b.deals.iter().all(|d| d.is_active()), "all on the board");
    for (name, step) in [
        ("Hanse Logistics", Step::CustomerAnalysis),
        ("Riga Print House", Step::BuildingTrust),
        ("Lotus Pharma", Step::DiscoverNeeds),
        ("Andes Water Utility", Step::PresentingValue),
        ("Danube Castings", Step::WinningCommitment),
        ("Baltic Dairy Cooperative", Step::FollowUpService),
    ] {
        assert_eq!(b.deal_of(name).unwrap().step, step, "{name}");
    }
    let stages: HashSet<RelationshipStage> =
        b.contacts.iter().map(|c| c.relationship.stage).collect();
    assert_eq!(stages.len(), RelationshipStage::ALL.len());
    let styles: HashSet<CommunicationStyle> = b
        .contacts
        .iter()
        .filter_map(|c| c.style.as_ref().map(|s| s.style))
        .collect();
    assert_eq!(styles.len(), 4);
    for (name, style) in [
        ("Ilze Ozola", CommunicationStyle::Amiable),
        ("Mārtiņš Kalniņš", CommunicationStyle::Analytical),
        ("Chen Jing", CommunicationStyle::Driver),
        ("Sofía Ramírez", CommunicationStyle::Expressive),
        ("Kovács Anna", CommunicationStyle::Driver),
        ("Olga Petrova", CommunicationStyle::Amiable),
    ] {
        assert_eq!(b.person(name).unwrap().style.as_ref().unwrap().style, style);
    }
    let chen = b.person("Chen Jing").unwrap();
    assert!(chen.is_guide && chen.relationship.stage == RelationshipStage::Alliance);
    assert!(b
        .person("Nagy Péter")
        .unwrap()
        .has_role(BuyingRole::DecisionMaker));
    assert!(b
        .person("Jonas Weber")
        .unwrap()
        .has_role(BuyingRole::Initiator));
}

#[test]
fn hanse_logistics_misses_its_decision_maker() {
    let b = book();
    let hanse = b.account("Hanse Logistics").unwrap();
    let people: Vec<&Contact> = b
        .contacts
        .iter()
        .filter(|c| c.account_id == hanse.id)
        .collect();
    let w = buying_centre::warnings(people);
    assert!(w.contains(&BuyingCentreWarning::RoleMissing(BuyingRole::DecisionMaker)));
    assert!(w.contains(&BuyingCentreWarning::NoDecisionLevel));
    // Every other account knows its decision maker.
    for a in b.accounts.iter().filter(|a| a.id != hanse.id) {
        let w = buying_centre::warnings(b.contacts.iter().filter(|c| c.account_id == a.id));
        assert!(
            !w.contains(&BuyingCentreWarning::RoleMissing(BuyingRole::DecisionMaker)),
            "{}",
            a.name
        );
    }
}

#[test]
fn history_and_checklist_follow_each_deals_step() {
    let b = book();
    for d in &b.deals {
        // One confirmed end signal per step left, in order, each step's checklist done.
        assert_eq!(
            d.history.len(),
            usize::from(d.step.number() - 1),
            "{}",
            d.title
        );
        for (i, e) in d.history.iter().enumerate() {
            assert_eq!(e.from.number() as usize, i + 1);
            assert_eq!(e.to.number() as usize, i + 2);
            assert!(e.at <= now());
            for item in e.from.checklist() {
                assert!(d.ticked_on(item).is_some(), "{} {:?}", d.title, item);
            }
        }
        assert!(d.checklist.iter().all(|t| t.item.step <= d.step));
        assert!(d.checklist.iter().all(|t| t.on <= today()));
        assert!(d.next_step.is_some());
    }
    let baltic = b.deal_of("Baltic Dairy Cooperative").unwrap();
    assert!(matches!(baltic.outcome, Outcome::Won { paid_on: None, .. }));
    assert!(b
        .deals
        .iter()
        .filter(|d| d.id != baltic.id)
        .all(|d| d.is_open()));
}

#[test]
fn lotus_pharma_has_needs_in_all_five_layers() {
    let b = book();
    let d = b.deal_of("Lotus Pharma").unwrap();
    let layers: HashSet<_> = d.needs.iter().map(|n| n.layer).collect();
    assert_eq!(layers.len(), 5);
}

#[test]
fn andes_has_two_versions_the_second_cheaper() {
    let b = book();
    let d = b.deal_of("Andes Water Utility").unwrap();
    let mut versions: Vec<_> = b.proposals.iter().filter(|p| p.deal_id == d.id).collect();
    versions.sort_on(|p| p.version);
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0].status, ProposalStatus::Rejected);
    assert_eq!(versions[1].status, ProposalStatus::Sent);
    let total = |p: &crate::domain::proposal::Proposal| {
        crate::domain::proposal::totals(&p.content.lines, 2, None)
            .unwrap()
            .total
    };
    assert!(total(versions[1]) < total(versions[0]));
    assert!(
        crate::domain::proposal::lapsed(versions[1], versions.iter().copied(), today()).is_none()
    );
}

#[test]
fn danubes_ledger_breaks_the_shrink_rule_and_the_domain_flags_it() {
    let b = book();
    let d = b.deal_of("Danube Castings").unwrap();
    let n = b.negotiations.iter().find(|n| n.deal_id == d.id).unwrap();
    let flags = ledger_flags(n);
    let broken: Vec<usize> = flags
        .iter()
        .enumerate()
        .filter(|(_, f)| f.not_smaller.is_some())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(broken, vec![n.rounds.len() - 1], "only the last concession");
    assert!(
        flags.iter().any(|f| f.smaller),
        "an earlier one shrank properly"
    );
    assert!(flags.iter().all(|f| !f.nothing_in_return && !f.past_bottom));
}

#[test]
fn baltic_dairy_has_the_follow_up_the_guide_describes() {
    let b = book();
    let d = b.deal_of("Baltic Dairy Cooperative").unwrap();
    let n = b.negotiations.iter().find(|n| n.deal_id == d.id).unwrap();
    assert!(n.agreement.contract.is_some());
    let f = b.followups.iter().find(|f| f.deal_id == d.id).unwrap();
    assert!(!f.checklist.is_empty() && !f.checks.is_empty());
    assert_eq!(late_milestones(f, today()).len(), 1, "one late milestone");
    let inv = b.invoices.iter().find(|i| i.deal_id == d.id).unwrap();
    assert!(!inv.is_paid() && days_overdue(inv, today()) > 0);
    let c = &b.complaints[0];
    assert!(c.is_open() && c.anxiety >= 4);
    assert!(b
        .tasks
        .iter()
        .any(|t| !t.is_done() && t.due_date <= today()));
}

// -------------------------------------------------------------------------------------------
// Removal
// -------------------------------------------------------------------------------------------

/// The rep's own book: an account with a person, a deal and an activity.
struct Real {
    account: Account,
    person: Contact,
    deal: crate::domain::deal::Deal,
    activity: Activity,
}

fn real() -> Real {
    let t = now() - Duration::days(3);
    let account = Account::new("My Real Customer", t);
    let person = Contact::new(account.id, "Real Person", t);
    let deal = crate::domain::deal::Deal::new(
        account.id,
        "Real deal",
        Money::new(100_000, Currency::default()),
        t,
    );
    let activity = activity_on(&[person.id], Some(account.id), t);
    Real {
        account,
        person,
        deal,
        activity,
    }
}

fn activity_on(people: &[Id], account: Option<Id>, t: chrono::DateTime<Utc>) -> Activity {
    let mut d = ActivityDraft::new(ActivityKind::PhoneCall, t, &Utc, Currency::default());
    d.contact_ids = people.to_vec();
    d.account_id = account;
    Activity::new(d.validate(&Utc).unwrap(), t)
}

fn rows(b: &SampleRecords) -> Vec<BookRecord> {
    let mut v: Vec<BookRecord> = Vec::new();
    v.extend(b.accounts.iter().map(BookRecord::of));
    v.extend(b.contacts.iter().map(BookRecord::of));
    v.extend(b.deals.iter().map(BookRecord::of));
    v.extend(b.activities.iter().map(BookRecord::of));
    v.extend(b.tasks.iter().map(BookRecord::of));
    v.extend(b.products.iter().map(BookRecord::of));
    v.extend(b.proposals.iter().map(BookRecord::of));
    v.extend(b.negotiations.iter().map(BookRecord::of));
    v.extend(b.followups.iter().map(BookRecord::of));
    v.extend(b.invoices.iter().map(BookRecord::of));
    v.extend(b.complaints.iter().map(BookRecord::of));
    v
}

fn real_rows(r: &Real) -> Vec<BookRecord> {
    vec![
        BookRecord::of(&r.account),
        BookRecord::of(&r.person),
        BookRecord::of(&r.deal),
        BookRecord::of(&r.activity),
    ]
}

/// Applies a plan as the action does: deletes exactly `plan.remove`.
fn apply(book: Vec<BookRecord>, plan: &RemovalPlan) -> Vec<BookRecord> {
    book.into_iter()
        .filter(|r| !plan.removes(r.kind, r.id))
        .collect()
}

#[test]
fn removal_deletes_exactly_the_sample_records_and_leaves_the_real_ones_as_they_were() {
    let sample = book();
    let mark = sample.mark(now());
    let real = real();
    let mut whole = real_rows(&real);
    whole.extend(rows(&sample));
    whole.push(BookRecord::of(&mark));
    let plan = removal(&mark, whole.clone());
    assert!(!plan.is_blocked());
    assert_eq!(plan.total(), sample.len());
    assert_eq!(plan.already_gone, 0);
    assert_eq!(
        plan.counts.iter().find(|(k, _)| k == "accounts"),
        Some(&("accounts".to_string(), 6))
    );
    assert_eq!(
        plan.counts.iter().map(|(_, n)| n).sum::<usize>(),
        sample.len()
    );
    let after = apply(whole, &plan);
    // Only the real records remain (and the mark, which the action deletes with them),
    // each exactly as it was.
    let left: Vec<&BookRecord> = after.iter().filter(|r| r.kind != "sample_books").collect();
    assert_eq!(left.len(), 4);
    for (a, b) in left.iter().zip(real_rows(&real)) {
        assert_eq!(**a, b);
    }
}

#[test]
fn removal_counts_only_the_records_still_there() {
    let sample = book();
    let mark = sample.mark(now());
    let mut whole = rows(&sample);
    // The rep deleted one sample task and one sample activity.
    let (task, act) = (sample.tasks[0].id, sample.activities[0].id);
    whole.retain(|r| r.id != task && r.id != act);
    let plan = removal(&mark, whole);
    assert_eq!(plan.already_gone, 2);
    assert_eq!(plan.total(), sample.len() - 2);
    assert!(!plan.removes("tasks", task));
}

#[test]
fn removal_is_refused_while_a_real_record_names_a_sample_record() {
    let sample = book();
    let mark = sample.mark(now());
    let real = real();
    let olga = sample.person("Olga Petrova").unwrap();
    let lotus = sample.account("Lotus Pharma").unwrap();
    // The rep logged a call with a sample person, and opened a deal on a sample account.
    let call = activity_on(&[olga.id, real.person.id], None, now() - Duration::days(1));
    let deal = crate::domain::deal::Deal::new(
        lotus.id,
        "My own deal at Lotus",
        Money::new(500_000, Currency::default()),
        now(),
    );
    let mut whole = real_rows(&real);
    whole.push(BookRecord::of(&call));
    whole.push(BookRecord::of(&deal));
    whole.extend(rows(&sample));
    let plan = removal(&mark, whole);
    assert!(plan.is_blocked());
    let mut found: Vec<(String, Id, Id)> = plan
        .dependents
        .iter()
        .map(|d| (d.kind.clone(), d.id, d.names.id))
        .collect();
    found.sort_plain();
    let mut want = vec![
        ("activities".to_string(), call.id, olga.id),
        ("deals".to_string(), deal.id, lotus.id),
    ];
    want.sort_plain();
    assert_eq!(found, want);
    let named = plan.dependents.iter().find(|d| d.kind == "deals").unwrap();
    assert_eq!(named.name.as_deref(), Some("My own deal at Lotus"));
    // The real records that name no sample record are not dependents.
    assert!(plan.dependents.iter().all(|d| d.id != real.activity.id));
}

#[test]
fn a_real_record_naming_an_already_deleted_sample_record_does_not_block() {
    let sample = book();
    let mark = sample.mark(now());
    let olga = sample.person("Olga Petrova").unwrap();
    let call = activity_on(&[olga.id], Some(olga.account_id), now());
    let mut whole: Vec<BookRecord> = rows(&sample)
        .into_iter()
        .filter(|r| r.id != olga.id)
        .collect();
    whole.push(BookRecord::of(&call));
    let plan = removal(&mark, whole);
    // It still names the sample account.
    assert_eq!(plan.dependents.len(), 1);
    assert_eq!(plan.dependents[0].names.kind, Account::KIND);
}
