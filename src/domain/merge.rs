//! Merging two people or two accounts safely: which records to offer first, what a merge
//! will move where (shown before anything is written), and how to take it back.
//!
//! The field rules and the `relink_*` helpers live in [`crate::domain::dedupe`]; this module
//! runs them over the whole book ([`Book`]) and returns a [`MergePlan`]: the merged survivor,
//! every linked record before and after, and the counts the preview shows. The caller saves
//! the plan in one transaction and keeps a [`MergeDone`]; [`plan_undo`] turns that back into
//! the records as they were, or refuses when any of them changed since.
//!
//! **Links after a merge** ([`tidy_links`]): a link to the survivor carries the survivor's
//! name; nobody is their own friend, rival or tie; the same person appears once per list (a
//! name-only link naming the survivor or the absorbed person collapses into the survivor's
//! link; in the survivor's own lists it is a link to oneself and is dropped).

use crate::domain::account::Account;
use crate::domain::activity::Activity;
use crate::domain::agenda::Task;
use crate::domain::competitor::Competitor;
use crate::domain::complaint::Complaint;
use crate::domain::contact::{BuyingFunction, BuyingLevel, Contact, PersonLink};
use crate::domain::deal::Deal;
use crate::domain::decline::DeclinedRequest;
use crate::domain::dedupe::{
    find_account_duplicates, find_contact_duplicates, merge_accounts, merge_contacts,
    person_name_key, relink_activity, relink_competitor, relink_complaint, relink_contact,
    relink_credit_check, relink_deal, relink_declined, relink_followup, relink_intel,
    relink_invoice, relink_referral, relink_task, DroppedValue, IdKind, IdRewrite, MatchReason,
};
use crate::domain::followup::FollowUp;
use crate::domain::ids::{Id, Record};
use crate::domain::intel::IntelNote;
use crate::domain::receivable::{CreditCheck, Invoice};
use crate::domain::records::Records;
use crate::domain::referral::Referral;
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;
use crate::keyed_enum;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

// ---------------------------------------------------------------------------------------------
// The book
// ---------------------------------------------------------------------------------------------

/// Every record a merge can touch, by kind (read-only).
#[derive(Clone, Copy)]
pub struct Book<'a> {
    pub accounts: &'a Records<Account>,
    pub contacts: &'a Records<Contact>,
    pub competitors: &'a Records<Competitor>,
    pub intel_notes: &'a Records<IntelNote>,
    pub deals: &'a Records<Deal>,
    pub activities: &'a Records<Activity>,
    pub tasks: &'a Records<Task>,
    /// The records of step 6 and good vendor practice that link to accounts and people.
    pub service: ServiceBook<'a>,
}

/// The follow-ups, invoices, credit checks, complaints, referral asks and declined requests
/// of a [`Book`].
#[derive(Clone, Copy)]
pub struct ServiceBook<'a> {
    pub followups: &'a Records<FollowUp>,
    pub invoices: &'a Records<Invoice>,
    pub credit_checks: &'a Records<CreditCheck>,
    pub complaints: &'a Records<Complaint>,
    pub referrals: &'a Records<Referral>,
    pub declined_requests: &'a Records<DeclinedRequest>,
}

/// A record kind held in a [`Book`].
pub trait InBook: Record {
    fn all<'a>(book: &Book<'a>) -> &'a Records<Self>;
}

macro_rules! in_book {
    ($($t:ty => $f:ident),* $(,)?) => {
        $(impl InBook for $t {
            fn all<'a>(book: &Book<'a>) -> &'a Records<Self> {
                book.$f
            }
        })*
    };
}
in_book!(Account => accounts, Contact => contacts, Competitor => competitors,
    IntelNote => intel_notes, Deal => deals, Activity => activities, Task => tasks);

macro_rules! in_service_book {
    ($($t:ty => $f:ident),* $(,)?) => {
        $(impl InBook for $t {
            fn all<'a>(book: &Book<'a>) -> &'a Records<Self> {
                book.service.$f
            }
        })*
    };
}
in_service_book!(FollowUp => followups, Invoice => invoices, CreditCheck => credit_checks,
    Complaint => complaints, Referral => referrals, DeclinedRequest => declined_requests);

// ---------------------------------------------------------------------------------------------
// The picker: likely duplicates first
// ---------------------------------------------------------------------------------------------

/// A record offered in the merge picker, with why it looks like a duplicate (empty: it
/// does not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: Id,
    pub reasons: Vec<MatchReason>,
}

impl Candidate {
    pub fn is_likely_duplicate(&self) -> bool {
        !self.reasons.is_empty()
    }
}

fn rank(mut found: Vec<(Id, String, Vec<MatchReason>)>) -> Vec<Candidate> {
    for f in &mut found {
        f.2.sort_plain();
        f.2.dedup();
    }
    found.sort_on_cached(|(id, name, reasons)| (reasons.is_empty(), fold(name), *id));
    found
        .into_iter()
        .map(|(id, _, reasons)| Candidate { id, reasons })
        .collect()
}

fn reasons_of(matches: &[crate::domain::dedupe::DuplicateMatch], id: Id) -> Vec<MatchReason> {
    matches
        .iter()
        .filter(|m| m.id == id)
        .map(|m| m.reason)
        .collect()
}

/// Everyone `keep` could absorb: likely duplicates first (the duplicate guard's rules:
/// same e-mail or phone anywhere, same name at the same account), then the rest, each
/// group alphabetically.
pub fn contact_candidates<'a>(
    keep: &Contact,
    all: impl IntoIterator<Item = &'a Contact>,
) -> Vec<Candidate> {
    let others: Vec<&Contact> = all.into_iter().filter(|c| c.id != keep.id).collect();
    let matches = find_contact_duplicates(
        Some(keep.account_id),
        &keep.name,
        &keep.emails,
        &keep.phones,
        others.iter().copied(),
    );
    rank(
        others
            .iter()
            .map(|c| (c.id, c.name.clone(), reasons_of(&matches, c.id)))
            .collect(),
    )
}

/// Every account `keep` could absorb, likely duplicates first (same name, e-mail or phone).
pub fn account_candidates<'a>(
    keep: &Account,
    all: impl IntoIterator<Item = &'a Account>,
) -> Vec<Candidate> {
    let others: Vec<&Account> = all.into_iter().filter(|a| a.id != keep.id).collect();
    let matches = find_account_duplicates(
        &keep.name,
        &keep.emails,
        &keep.phones,
        others.iter().copied(),
    );
    rank(
        others
            .iter()
            .map(|a| (a.id, a.name.clone(), reasons_of(&matches, a.id)))
            .collect(),
    )
}

// ---------------------------------------------------------------------------------------------
// Links after a merge
// ---------------------------------------------------------------------------------------------

/// Tidies a person-link list after `gone` was merged into `survivor` (see the module notes).
/// `owner` is the person whose list it is (`None` for a competitor rep's ties). Returns
/// whether anything changed.
pub fn tidy_links(
    links: &mut Vec<PersonLink>,
    owner: Option<Id>,
    survivor: (Id, &str),
    gone_name: &str,
) -> bool {
    let before = links.clone();
    let names = [person_name_key(survivor.1), person_name_key(gone_name)];
    let names_merged = |l: &PersonLink| {
        l.contact_id.is_none() && {
            let k = person_name_key(&l.name);
            !k.is_empty() && names.contains(&k)
        }
    };
    let survivor_linked = links.iter().any(|l| l.contact_id == Some(survivor.0));
    let mut out: Vec<PersonLink> = Vec::with_capacity(links.len());
    for mut l in links.drain(..) {
        if l.contact_id.is_some() && l.contact_id == owner {
            continue;
        }
        if names_merged(&l) && (owner == Some(survivor.0) || survivor_linked) {
            continue;
        }
        if l.contact_id == Some(survivor.0) {
            l.name = survivor.1.to_string();
        }
        if !out.iter().any(|o| o.identity() == l.identity()) {
            out.push(l);
        }
    }
    *links = out;
    *links != before
}

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

/// One record as it is and as the merge will leave it.
#[derive(Debug, Clone)]
pub struct Moved<T> {
    pub before: T,
    pub after: T,
}

/// The linked records a merge re-points, by kind.
#[derive(Debug, Clone, Default)]
pub struct Relinked {
    pub contacts: Vec<Moved<Contact>>,
    pub competitors: Vec<Moved<Competitor>>,
    pub intel_notes: Vec<Moved<IntelNote>>,
    pub deals: Vec<Moved<Deal>>,
    pub activities: Vec<Moved<Activity>>,
    pub tasks: Vec<Moved<Task>>,
    pub service: ServiceRelinked,
}

/// The records of step 6 and good vendor practice a merge or a delete changes.
#[derive(Debug, Clone, Default)]
pub struct ServiceRelinked {
    pub followups: Vec<Moved<FollowUp>>,
    pub invoices: Vec<Moved<Invoice>>,
    pub credit_checks: Vec<Moved<CreditCheck>>,
    pub complaints: Vec<Moved<Complaint>>,
    pub referrals: Vec<Moved<Referral>>,
    pub declined_requests: Vec<Moved<DeclinedRequest>>,
}

impl ServiceRelinked {
    /// How many records change.
    pub fn len(&self) -> usize {
        self.followups.len()
            + self.invoices.len()
            + self.credit_checks.len()
            + self.complaints.len()
            + self.referrals.len()
            + self.declined_requests.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Relinked {
    /// How many records change.
    pub fn len(&self) -> usize {
        self.contacts.len()
            + self.competitors.len()
            + self.intel_notes.len()
            + self.deals.len()
            + self.activities.len()
            + self.tasks.len()
            + self.service.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What the preview counts: links to the absorbed record that will point at the survivor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkCount {
    /// People of the absorbed account (they move to the survivor).
    People,
    /// People whose previous-account history names the absorbed account.
    AccountHistory,
    /// Deals of the absorbed account.
    Deals,
    /// Deals the absorbed person takes part in.
    DealPeople,
    /// Needs the absorbed person holds.
    Needs,
    /// Strengths, weaknesses and plan actions of the deals' competitive analyses that name
    /// the absorbed person.
    Competitive,
    Activities,
    Tasks,
    IntelNotes,
    /// Competitor reps' ties to the absorbed person.
    RepTies,
    /// Other people's friend and rival links to the absorbed person.
    FriendsRivals,
    /// Products in use the survivor account gains.
    ProductsInUse,
    /// Satisfaction checks of follow-ups that name the absorbed person.
    SatisfactionChecks,
    /// Invoices of the absorbed account.
    Invoices,
    /// Credit checks of the absorbed account.
    CreditChecks,
    /// Complaints and suggestions of the absorbed account or person.
    Complaints,
    /// Referral asks made of (or leads given as) the absorbed account or person.
    Referrals,
    /// Declined requests of the absorbed account or person.
    DeclinedRequests,
}
keyed_enum!(LinkCount, "merge.count", ".other", {
    People => "people",
    AccountHistory => "account_history",
    Deals => "deals",
    DealPeople => "deal_people",
    Needs => "needs",
    Competitive => "competitive",
    Activities => "activities",
    Tasks => "tasks",
    IntelNotes => "intel_notes",
    RepTies => "rep_ties",
    FriendsRivals => "friends_rivals",
    ProductsInUse => "products_in_use",
    SatisfactionChecks => "satisfaction_checks",
    Invoices => "invoices",
    CreditChecks => "credit_checks",
    Complaints => "complaints",
    Referrals => "referrals",
    DeclinedRequests => "declined_requests",
});

/// A value of the absorbed record the survivor does not keep, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedShown {
    /// Catalogue key of the field's label.
    pub field_key: &'static str,
    /// The value as typed, or (for a choice) the catalogue key of its label.
    pub value: String,
    pub value_is_key: bool,
}

/// Everything a merge will do, computed before anything is written.
#[derive(Debug, Clone)]
pub struct MergePlan<T> {
    /// The survivor and the absorbed record as they are now.
    pub keep: T,
    pub gone: T,
    /// The survivor as the merge saves it.
    pub merged: T,
    /// Catalogue keys of the survivor's fields the merge fills or extends, in form order.
    pub gained: Vec<&'static str>,
    pub dropped: Vec<DroppedShown>,
    pub relinked: Relinked,
    /// Non-zero counts, in [`LinkCount::ALL`] order.
    pub counts: Vec<(LinkCount, usize)>,
}

/// The fields of a person the preview names, with their labels' catalogue keys.
pub const CONTACT_FIELDS: &[(&str, &str)] = &[
    ("name", "contact.field.name"),
    ("title", "contact.field.title"),
    ("phones", "contact.field.phones"),
    ("emails", "contact.field.emails"),
    ("level", "contact.field.level"),
    ("function", "contact.field.function"),
    ("roles", "contact.field.roles"),
    ("is_guide", "contact.field.is_guide"),
    ("family", "contact.field.family"),
    ("home_town", "contact.field.home_town"),
    ("school", "contact.field.school"),
    ("field_of_study", "contact.field.field_of_study"),
    ("sports", "contact.field.sports"),
    ("food", "contact.field.food"),
    ("reading", "contact.field.reading"),
    ("holiday_plans", "contact.field.holiday_plans"),
    ("holiday_routes", "contact.field.holiday_routes"),
    ("friends", "contact.field.friends"),
    ("rivals", "contact.field.rivals"),
    ("last_met", "contact.field.last_met"),
    ("choice_criteria", "contact.field.choice_criteria"),
    ("notes", "contact.field.notes"),
    ("relationship", "merge.field.relationship"),
    ("style", "merge.field.style"),
    ("account_history", "contact.field.account_history"),
];

/// The fields of an account the preview names, with their labels' catalogue keys.
pub const ACCOUNT_FIELDS: &[(&str, &str)] = &[
    ("name", "account.field.name"),
    ("phones", "account.field.phones"),
    ("emails", "account.field.emails"),
    ("address", "account.field.address"),
    ("website", "account.field.website"),
    ("industry", "account.field.industry"),
    ("business_scope", "account.field.business_scope"),
    ("size", "account.field.size"),
    ("operating_state", "account.field.operating_state"),
    ("financial_state", "account.field.financial_state"),
    ("products_in_use", "account.field.products_in_use"),
    ("purchase_plans", "account.field.purchase_plans"),
    ("problems_to_solve", "account.field.problems_to_solve"),
    ("department_dynamics", "account.field.department_dynamics"),
    ("grade", "account.field.grade"),
    ("lead_source", "account.field.lead_source"),
    ("heard_of_us", "account.field.heard_of_us"),
    ("owner", "account.field.owner"),
    ("tags", "account.field.tags"),
    ("notes", "account.field.notes"),
    ("customer_since", "account.field.customer_since"),
    ("archived", "account.field.archived"),
    ("language", "account.field.language"),
];

/// The label keys of the `fields` whose stored value differs between `before` and `after`.
fn changed_fields<T: serde::Serialize>(
    before: &T,
    after: &T,
    fields: &'static [(&'static str, &'static str)],
) -> Vec<&'static str> {
    let (Ok(b), Ok(a)) = (serde_json::to_value(before), serde_json::to_value(after)) else {
        return Vec::new();
    };
    fields
        .iter()
        .filter(|(f, _)| b.get(f) != a.get(f))
        .map(|(_, k)| *k)
        .collect()
}

fn show_dropped(
    dropped: Vec<DroppedValue>,
    fields: &'static [(&'static str, &'static str)],
) -> Vec<DroppedShown> {
    use crate::domain::account::{Grade, LeadSource};
    dropped
        .into_iter()
        .map(|d| {
            let field_key = fields
                .iter()
                .find(|(f, _)| *f == d.field)
                .map_or(d.field, |(_, k)| *k);
            let choice = match d.field {
                "grade" => Grade::from_code(&d.value).map(|v| v.key()),
                "lead_source" => LeadSource::from_code(&d.value).map(|v| v.key()),
                "level" => BuyingLevel::from_code(&d.value).map(|v| v.key()),
                "function" => BuyingFunction::from_code(&d.value).map(|v| v.key()),
                _ => None,
            };
            DroppedShown {
                field_key,
                value_is_key: choice.is_some(),
                value: choice.map_or(d.value, str::to_string),
            }
        })
        .collect()
}

/// Applies `change` to every record of the kind except `skip`, keeping the ones it reports
/// changed, before and after, in id order.
pub(crate) fn change_kind<T: InBook>(
    book: &Book,
    skip: &[Id],
    change: impl Fn(&mut T) -> bool,
) -> Vec<Moved<T>> {
    let mut out: Vec<Moved<T>> = T::all(book)
        .values()
        .filter(|r| !skip.contains(&r.id()))
        .filter_map(|r| {
            let mut after = r.clone();
            change(&mut after).then(|| Moved {
                before: r.clone(),
                after,
            })
        })
        .collect();
    out.sort_on(|m| m.before.id());
    out
}

/// Applies `relink` (every rewrite) to every record of the kind except `skip`, keeping the
/// ones that change, before and after. `tidy` runs on each changed record afterwards.
fn relink_kind<T: InBook>(
    book: &Book,
    rewrites: &[IdRewrite],
    skip: &[Id],
    relink: impl Fn(&mut T, &IdRewrite) -> bool,
    tidy: impl Fn(&mut T),
) -> Vec<Moved<T>> {
    change_kind(book, skip, |r: &mut T| {
        let mut any = false;
        for rw in rewrites {
            any |= relink(r, rw);
        }
        if any {
            tidy(r);
        }
        any
    })
}

fn relink_book(
    book: &Book,
    rewrites: &[IdRewrite],
    skip: &[Id],
    survivor: (Id, &str),
    gone_name: &str,
) -> Relinked {
    let person_merge = rewrites.iter().any(|r| r.kind == IdKind::Contact);
    Relinked {
        contacts: relink_kind(book, rewrites, skip, relink_contact, |c: &mut Contact| {
            if person_merge {
                let me = Some(c.id);
                tidy_links(&mut c.friends, me, survivor, gone_name);
                tidy_links(&mut c.rivals, me, survivor, gone_name);
            }
        }),
        competitors: relink_kind(
            book,
            rewrites,
            skip,
            relink_competitor,
            |c: &mut Competitor| {
                if person_merge {
                    for r in &mut c.reps {
                        tidy_links(&mut r.ties, None, survivor, gone_name);
                    }
                }
            },
        ),
        intel_notes: relink_kind(book, rewrites, skip, relink_intel, |_| {}),
        deals: relink_kind(book, rewrites, skip, relink_deal, |_| {}),
        activities: relink_kind(book, rewrites, skip, relink_activity, |_| {}),
        tasks: relink_kind(book, rewrites, skip, relink_task, |_| {}),
        service: ServiceRelinked {
            followups: relink_kind(book, rewrites, skip, relink_followup, |_| {}),
            invoices: relink_kind(book, rewrites, skip, relink_invoice, |_| {}),
            credit_checks: relink_kind(book, rewrites, skip, relink_credit_check, |_| {}),
            complaints: relink_kind(book, rewrites, skip, relink_complaint, |_| {}),
            referrals: relink_kind(book, rewrites, skip, relink_referral, |_| {}),
            declined_requests: relink_kind(book, rewrites, skip, relink_declined, |_| {}),
        },
    }
}

fn links_to(links: &[PersonLink], id: Id) -> usize {
    links.iter().filter(|l| l.contact_id == Some(id)).count()
}

/// The counts the preview shows: references to `gone` in the records as they are now.
pub(crate) fn count(r: &Relinked, kind: IdKind, gone: Id) -> Vec<(LinkCount, usize)> {
    let mut n: HashMap<LinkCount, usize> = HashMap::new();
    let mut add = |k: LinkCount, by: usize| *n.entry(k).or_default() += by;
    for m in &r.contacts {
        let c = &m.before;
        match kind {
            IdKind::Account if c.account_id == gone => add(LinkCount::People, 1),
            IdKind::Account => add(LinkCount::AccountHistory, 1),
            IdKind::Contact => add(
                LinkCount::FriendsRivals,
                links_to(&c.friends, gone) + links_to(&c.rivals, gone),
            ),
        }
    }
    for m in &r.competitors {
        for rep in &m.before.reps {
            add(LinkCount::RepTies, links_to(&rep.ties, gone));
        }
    }
    add(LinkCount::IntelNotes, r.intel_notes.len());
    for m in &r.deals {
        let d = &m.before;
        match kind {
            IdKind::Account => add(LinkCount::Deals, usize::from(d.account_id == gone)),
            IdKind::Contact => {
                add(
                    LinkCount::DealPeople,
                    usize::from(d.people.iter().any(|p| p.contact_id == gone)),
                );
                add(
                    LinkCount::Needs,
                    d.needs
                        .iter()
                        .filter(|x| x.holder_contact_id == Some(gone))
                        .count(),
                );
                let c = &d.competitive;
                add(
                    LinkCount::Competitive,
                    c.points
                        .iter()
                        .filter(|p| p.person_ids.contains(&gone))
                        .count()
                        + c.actions.iter().filter(|a| a.person_id == gone).count(),
                );
            }
        }
    }
    add(LinkCount::Activities, r.activities.len());
    add(LinkCount::Tasks, r.tasks.len());
    let s = &r.service;
    add(
        LinkCount::SatisfactionChecks,
        s.followups
            .iter()
            .map(|m| {
                m.before
                    .checks
                    .iter()
                    .filter(|c| c.person_id == Some(gone))
                    .count()
            })
            .sum(),
    );
    add(LinkCount::Invoices, s.invoices.len());
    add(LinkCount::CreditChecks, s.credit_checks.len());
    add(LinkCount::Complaints, s.complaints.len());
    add(LinkCount::Referrals, s.referrals.len());
    add(LinkCount::DeclinedRequests, s.declined_requests.len());
    LinkCount::ALL
        .iter()
        .filter_map(|k| n.get(k).filter(|v| **v > 0).map(|v| (*k, *v)))
        .collect()
}

/// Plans merging person `gone` into `keep` over the whole `book`; nothing is written.
pub fn plan_contact_merge(
    keep: &Contact,
    gone: &Contact,
    book: &Book,
    now: DateTime<Utc>,
) -> MergePlan<Contact> {
    let r = merge_contacts(keep, gone, now);
    let mut merged = r.merged;
    for rw in &r.rewrites {
        relink_contact(&mut merged, rw);
    }
    let relinked = relink_book(
        book,
        &r.rewrites,
        &[keep.id, gone.id],
        (merged.id, &merged.name),
        &gone.name,
    );
    MergePlan {
        gained: changed_fields(keep, &merged, CONTACT_FIELDS),
        dropped: show_dropped(r.dropped, CONTACT_FIELDS),
        counts: count(&relinked, IdKind::Contact, gone.id),
        relinked,
        keep: keep.clone(),
        gone: gone.clone(),
        merged,
    }
}

/// Plans merging account `gone` into `keep` (its people, deals, activities, tasks and intel
/// notes move to `keep`); nothing is written.
pub fn plan_account_merge(
    keep: &Account,
    gone: &Account,
    book: &Book,
    now: DateTime<Utc>,
) -> MergePlan<Account> {
    let r = merge_accounts(keep, gone, now);
    let relinked = relink_book(book, &r.rewrites, &[keep.id, gone.id], (keep.id, ""), "");
    let mut counts = count(&relinked, IdKind::Account, gone.id);
    let products = r
        .merged
        .products_in_use
        .len()
        .saturating_sub(keep.products_in_use.len());
    if products > 0 {
        counts.push((LinkCount::ProductsInUse, products));
    }
    MergePlan {
        gained: changed_fields(keep, &r.merged, ACCOUNT_FIELDS),
        dropped: show_dropped(r.dropped, ACCOUNT_FIELDS),
        counts,
        relinked,
        keep: keep.clone(),
        gone: gone.clone(),
        merged: r.merged,
    }
}

// ---------------------------------------------------------------------------------------------
// Undo
// ---------------------------------------------------------------------------------------------

/// What a committed merge wrote: every changed record as it was (`before`) and as stored
/// (`after`, with the revision the store gave it), and the removed record as it was.
#[derive(Debug, Clone)]
pub struct MergeDone<T> {
    pub survivor: Moved<T>,
    pub removed: T,
    pub relinked: Relinked,
}

/// The records a merge or a delete changed, each back to its content before, at the
/// revision stored now (what an undo saves besides the record it brings back).
#[derive(Debug, Clone, Default)]
pub struct Restored {
    pub contacts: Vec<Contact>,
    pub competitors: Vec<Competitor>,
    pub intel_notes: Vec<IntelNote>,
    pub deals: Vec<Deal>,
    pub activities: Vec<Activity>,
    pub tasks: Vec<Task>,
    pub followups: Vec<FollowUp>,
    pub invoices: Vec<Invoice>,
    pub credit_checks: Vec<CreditCheck>,
    pub complaints: Vec<Complaint>,
    pub referrals: Vec<Referral>,
    pub declined_requests: Vec<DeclinedRequest>,
}

/// Every record of `relinked` back to its content before; refused when one was changed or
/// deleted since (its revision is not the one stored then).
pub(crate) fn restore_relinked(relinked: &Relinked, book: &Book) -> Result<Restored, UndoRefusal> {
    Ok(Restored {
        contacts: restore_all(&relinked.contacts, book)?,
        competitors: restore_all(&relinked.competitors, book)?,
        intel_notes: restore_all(&relinked.intel_notes, book)?,
        deals: restore_all(&relinked.deals, book)?,
        activities: restore_all(&relinked.activities, book)?,
        tasks: restore_all(&relinked.tasks, book)?,
        followups: restore_all(&relinked.service.followups, book)?,
        invoices: restore_all(&relinked.service.invoices, book)?,
        credit_checks: restore_all(&relinked.service.credit_checks, book)?,
        complaints: restore_all(&relinked.service.complaints, book)?,
        referrals: restore_all(&relinked.service.referrals, book)?,
        declined_requests: restore_all(&relinked.service.declined_requests, book)?,
    })
}

/// The records an undo saves: each at the revision stored now, with its content as before
/// the merge; `recreate` is the removed record, to be created again.
#[derive(Debug, Clone)]
pub struct UndoPlan<T> {
    pub recreate: T,
    pub survivor: T,
    pub restored: Restored,
}

/// Why a merge cannot be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoRefusal {
    /// A record of this kind ("deals") changed or was deleted after the merge.
    Changed { kind: &'static str, id: Id },
    /// The removed record exists again (the merge was already undone).
    AlreadyBack,
}

crate::keyed_enum!(UndoRefusal, {
    UndoRefusal::Changed { .. } => "merge.undo.stale",
    UndoRefusal::AlreadyBack => "merge.undo.already",
});

/// `before`'s content at `stored`'s revision, if the book still holds `stored` unchanged.
fn restore<T: InBook>(m: &Moved<T>, book: &Book) -> Result<T, UndoRefusal> {
    let id = m.after.id();
    match T::all(book).get(&id) {
        Some(now) if now.rev() == m.after.rev() => {
            let mut back = m.before.clone();
            let mut meta = back.meta();
            meta.rev = m.after.rev();
            back.set_meta(meta);
            Ok(back)
        }
        _ => Err(UndoRefusal::Changed { kind: T::KIND, id }),
    }
}

fn restore_all<T: InBook>(list: &[Moved<T>], book: &Book) -> Result<Vec<T>, UndoRefusal> {
    list.iter().map(|m| restore(m, book)).collect()
}

/// Plans taking a merge back: every record it changed returns to its content before, the
/// removed record comes back. Refused, with nothing to save, when any of those records was
/// changed or deleted since (its revision is not the one the merge stored).
pub fn plan_undo<T: InBook>(done: &MergeDone<T>, book: &Book) -> Result<UndoPlan<T>, UndoRefusal> {
    if T::all(book).contains_key(&done.removed.id()) {
        return Err(UndoRefusal::AlreadyBack);
    }
    let survivor = restore(&done.survivor, book)?;
    let mut recreate = done.removed.clone();
    let mut meta = recreate.meta();
    meta.rev = crate::domain::rules::next_rev(meta.rev).unwrap_or(meta.rev);
    recreate.set_meta(meta);
    Ok(UndoPlan {
        recreate,
        survivor,
        restored: restore_relinked(&done.relinked, book)?,
    })
}

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod tests;
