//! The duplicate guard and merges.
//!
//! **Matching.** Names compare folded (accents, case, spacing and punctuation ignored);
//! company names also ignore legal forms ("SIA", "Ltd", "GmbH"…), person names ignore word
//! order ("Bērziņš Jānis" = "Jānis Bērziņš"). E-mails compare trimmed and lower-case. Phones
//! compare by digits ([`phones_match`]): "+371 2000 1234", "0037120001234" and "20001234" are
//! one number, because the shorter is a suffix of the longer with at least 8 digits.
//!
//! **Scope for people** (decided here): an e-mail or phone match counts anywhere in the book
//! (the same person at another account is the case that matters when key contacts move); a
//! name match counts only within the same account (common names across 6,000 people would
//! otherwise warn on every save).
//!
//! **Merging** returns the merged record plus [`IdRewrite`]s; the caller re-points every
//! linked record with the `relink_*` helpers (activities, deals, friend/rival links, competitor
//! rep ties, intel notes, the people of a merged account), then deletes the gone record.
//! Field rule: keep's non-empty values win and gone's fill blanks; lists and tags are unioned
//! without duplicates; long free texts (notes, choice criteria, purchase plans…) are joined so
//! nothing typed is lost; any other differing value of gone is reported in
//! [`MergeResult::dropped`] for the UI to show.

use crate::domain::account::{phone_key, union_with, Account, ProductInUse};
use crate::domain::competitor::Competitor;
use crate::domain::contact::{AccountMove, BuyingRole, Contact, PersonLink};
use crate::domain::ids::{Id, Record};
use crate::domain::intel::IntelNote;
use crate::domain::merge::tidy_links;
use crate::domain::relationship::{Relationship, StageChange};
use crate::domain::sorting::SortExt;
use crate::domain::text::{fold, fold_email, fold_phone};
use crate::keyed_enum;
use chrono::{DateTime, Utc};

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

/// Legal-form words ignored when comparing company names (folded, as separate words at the
/// start or end of the name).
pub const LEGAL_FORMS: &[&str] = &[
    "sia", "as", "ltd", "limited", "inc", "llc", "plc", "gmbh", "ag", "kg", "sa", "sl", "srl",
    "sas", "bv", "nv", "oy", "ab", "co", "corp", "kft", "zrt", "nyrt", "bt", "ou", "uab", "spa",
    "sro", "sp z oo", "company",
];

fn words(s: &str) -> Vec<String> {
    let folded = fold(s);
    // Dots and apostrophes join ("S.L." → "sl", "O'Neil" → "oneil"); other punctuation splits.
    let cleaned: String = folded
        .chars()
        .filter(|c| !matches!(c, '.' | '\'' | '’'))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    cleaned.split_whitespace().map(str::to_string).collect()
}

/// The comparison key of a company name: folded words without punctuation, legal forms at
/// either end dropped ("SIA  Ābele, Ltd." → "abele"); a name that is only a legal form
/// keeps it.
pub fn account_name_key(name: &str) -> String {
    let mut w = words(name);
    loop {
        let before = w.len();
        for form in LEGAL_FORMS {
            let f: Vec<&str> = form.split(' ').collect();
            if w.len() > f.len()
                && w.iter()
                    .take(f.len())
                    .map(String::as_str)
                    .eq(f.iter().copied())
            {
                w.drain(..f.len());
            }
            if w.len() > f.len()
                && w[w.len() - f.len()..]
                    .iter()
                    .map(String::as_str)
                    .eq(f.iter().copied())
            {
                w.truncate(w.len() - f.len());
            }
        }
        if w.len() == before {
            break;
        }
    }
    w.join(" ")
}

/// The comparison key of a person's name: folded words without punctuation, sorted
/// ("Bērziņš, Jānis" → "berzins janis").
pub fn person_name_key(name: &str) -> String {
    let mut w = words(name);
    w.sort_plain();
    w.join(" ")
}

/// Whether two phone numbers as typed are the same number: equal digits (a leading "00" read
/// as "+"), or the shorter is a suffix of the longer with at least 8 digits, also after
/// dropping a national trunk "0" ("020 7946 0958" = "+44 20 7946 0958").
pub fn phones_match(a: &str, b: &str) -> bool {
    match (fold_phone(a), fold_phone(b)) {
        (Some(a), Some(b)) => digits_match(&a, &b),
        _ => false,
    }
}

/// [`phones_match`] on digit strings already folded by `text::fold_phone`.
pub fn digits_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let trunk = short.strip_prefix('0').unwrap_or(short);
    [short, trunk]
        .iter()
        .any(|s| s.len() >= 8 && long.ends_with(s))
}

// ---------------------------------------------------------------------------------------------
// Finding duplicates
// ---------------------------------------------------------------------------------------------

/// Why a record looks like the one being entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MatchReason {
    Name,
    Email,
    Phone,
}
keyed_enum!(MatchReason, "dedupe.reason", { Name => "name", Email => "email", Phone => "phone" });

/// A possible duplicate: the existing record and one reason (a record matching on several
/// grounds appears once per reason, name first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DuplicateMatch {
    pub id: Id,
    pub reason: MatchReason,
}

struct Probe {
    emails: Vec<String>,
    phones: Vec<String>,
}

impl Probe {
    fn new(emails: &[String], phones: &[String]) -> Self {
        Probe {
            emails: emails
                .iter()
                .map(|e| fold_email(e))
                .filter(|e| !e.is_empty())
                .collect(),
            phones: phones.iter().filter_map(|p| fold_phone(p)).collect(),
        }
    }
    fn email_hit(&self, emails: &[String]) -> bool {
        emails.iter().any(|e| self.emails.contains(&fold_email(e)))
    }
    fn phone_hit(&self, phones: &[String]) -> bool {
        phones
            .iter()
            .filter_map(|p| fold_phone(p))
            .any(|p| self.phones.iter().any(|q| digits_match(q, &p)))
    }
}

fn push_matches(out: &mut Vec<DuplicateMatch>, id: Id, name: bool, email: bool, phone: bool) {
    for (hit, reason) in [
        (name, MatchReason::Name),
        (email, MatchReason::Email),
        (phone, MatchReason::Phone),
    ] {
        if hit {
            out.push(DuplicateMatch { id, reason });
        }
    }
}

/// Existing accounts (archived ones included) that look like the one being entered. When
/// editing, leave the edited account out of `existing` or drop its id from the result.
pub fn find_account_duplicates<'a>(
    name: &str,
    emails: &[String],
    phones: &[String],
    existing: impl IntoIterator<Item = &'a Account>,
) -> Vec<DuplicateMatch> {
    let key = account_name_key(name);
    let probe = Probe::new(emails, phones);
    let mut out = Vec::new();
    for a in existing {
        let name_hit = !key.is_empty() && account_name_key(&a.name) == key;
        push_matches(
            &mut out,
            a.id,
            name_hit,
            probe.email_hit(&a.emails),
            probe.phone_hit(&a.phones),
        );
    }
    out
}

/// Existing people who look like the one being entered: same e-mail or phone anywhere, or
/// the same name within `account_id` (see the module notes for why).
pub fn find_contact_duplicates<'a>(
    account_id: Option<Id>,
    name: &str,
    emails: &[String],
    phones: &[String],
    existing: impl IntoIterator<Item = &'a Contact>,
) -> Vec<DuplicateMatch> {
    let key = person_name_key(name);
    let probe = Probe::new(emails, phones);
    let mut out = Vec::new();
    for c in existing {
        let name_hit =
            !key.is_empty() && account_id == Some(c.account_id) && person_name_key(&c.name) == key;
        push_matches(
            &mut out,
            c.id,
            name_hit,
            probe.email_hit(&c.emails),
            probe.phone_hit(&c.phones),
        );
    }
    out
}

/// The distinct ids of a match list, in first-seen order (one "open it" link per record).
pub fn matched_ids(matches: &[DuplicateMatch]) -> Vec<Id> {
    let mut ids: Vec<Id> = Vec::new();
    for m in matches {
        if !ids.contains(&m.id) {
            ids.push(m.id);
        }
    }
    ids
}

// ---------------------------------------------------------------------------------------------
// Merging
// ---------------------------------------------------------------------------------------------

/// The kind of record an id rewrite is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdKind {
    Account,
    Contact,
}

impl IdKind {
    /// The record kind's store name ("accounts", "contacts").
    pub fn record_kind(&self) -> &'static str {
        match self {
            IdKind::Account => Account::KIND,
            IdKind::Contact => Contact::KIND,
        }
    }
}

/// "Every reference to `from` (a record of `kind`) must now point to `to`."
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IdRewrite {
    pub kind: IdKind,
    pub from: Id,
    pub to: Id,
}

/// A value of the gone record that the merge did not keep (keep had a different one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedValue {
    /// The field name, as in the record.
    pub field: &'static str,
    pub value: String,
}

/// The outcome of a merge: save `merged` (a new revision of keep: the store bumps `rev`),
/// apply `rewrites` to every linked record, then delete `removed`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeResult<T> {
    pub merged: T,
    pub removed: Id,
    pub rewrites: Vec<IdRewrite>,
    pub dropped: Vec<DroppedValue>,
}

#[derive(Default)]
struct Merger {
    dropped: Vec<DroppedValue>,
}

impl Merger {
    /// Keep's non-blank value wins; gone's fills a blank; a differing gone value is reported.
    fn text(&mut self, field: &'static str, keep: &str, gone: &str) -> String {
        if keep.trim().is_empty() {
            return gone.to_string();
        }
        if !gone.trim().is_empty() && fold(keep) != fold(gone) {
            self.dropped.push(DroppedValue {
                field,
                value: gone.to_string(),
            });
        }
        keep.to_string()
    }

    /// Long free text: both kept, keep's first, unless one already contains the other.
    fn join(keep: &str, gone: &str) -> String {
        let (k, g) = (keep.trim(), gone.trim());
        if g.is_empty() || fold(k).contains(&fold(g)) {
            keep.to_string()
        } else if k.is_empty() || fold(g).contains(&fold(k)) {
            gone.to_string()
        } else {
            format!("{k}\n\n{g}")
        }
    }

    fn opt<T: Clone + PartialEq>(
        &mut self,
        field: &'static str,
        keep: &Option<T>,
        gone: &Option<T>,
        show: impl Fn(&T) -> String,
    ) -> Option<T> {
        match (keep, gone) {
            (Some(k), Some(g)) if k != g => {
                self.dropped.push(DroppedValue {
                    field,
                    value: show(g),
                });
                Some(k.clone())
            }
            (Some(k), _) => Some(k.clone()),
            (None, g) => g.clone(),
        }
    }
}

fn union_phones(keep: &[String], gone: &[String]) -> Vec<String> {
    let mut v = keep.to_vec();
    union_with(&mut v, gone, |a, b| {
        phones_match(a, b) || phone_key(a) == phone_key(b)
    });
    v
}

fn union_emails(keep: &[String], gone: &[String]) -> Vec<String> {
    let mut v = keep.to_vec();
    union_with(&mut v, gone, |a, b| fold_email(a) == fold_email(b));
    v
}

fn union_folded(keep: &[String], gone: &[String]) -> Vec<String> {
    let mut v = keep.to_vec();
    union_with(&mut v, gone, |a, b| fold(a) == fold(b));
    v
}

fn union_links(
    keep: &[PersonLink],
    gone: &[PersonLink],
    keep_id: Id,
    gone_id: Id,
) -> Vec<PersonLink> {
    let mut v = keep.to_vec();
    union_with(&mut v, gone, |a, b| a.identity() == b.identity());
    relink_person_links(&mut v, gone_id, keep_id);
    v.retain(|l| l.contact_id != Some(keep_id));
    v
}

fn merge_relationship(keep: &Relationship, gone: &Relationship) -> Relationship {
    let mut history: Vec<StageChange> = keep.history.clone();
    union_with(&mut history, &gone.history, |a, b| a == b);
    history.sort_on(|h| h.at);
    let stage = history.last().map_or(keep.stage.max(gone.stage), |h| h.to);
    Relationship { stage, history }
}

/// Merges two records of the same person: `keep` survives (its id, account and non-empty
/// values), `gone` is to be deleted. If they were at different accounts, gone's place there
/// is kept as an [`AccountMove`] in the history. Friend/rival links to either become links
/// to keep, and a link to oneself (by id, or by either person's name) is dropped. The one
/// rewrite is gone → keep for contacts.
pub fn merge_contacts(keep: &Contact, gone: &Contact, now: DateTime<Utc>) -> MergeResult<Contact> {
    let mut m = Merger::default();
    let mut c = keep.clone();
    c.created_at = keep.created_at.min(gone.created_at);
    c.updated_at = now.max(keep.updated_at);
    c.name = m.text("name", &keep.name, &gone.name);
    c.title = m.text("title", &keep.title, &gone.title);
    c.phones = union_phones(&keep.phones, &gone.phones);
    c.emails = union_emails(&keep.emails, &gone.emails);
    c.level = m.opt("level", &keep.level, &gone.level, |l| l.code().into());
    c.function = m.opt("function", &keep.function, &gone.function, |f| {
        f.code().into()
    });
    c.roles = BuyingRole::ALL
        .iter()
        .copied()
        .filter(|r| keep.has_role(*r) || gone.has_role(*r))
        .collect();
    c.is_guide = keep.is_guide || gone.is_guide;
    c.family = m.text("family", &keep.family, &gone.family);
    c.home_town = m.text("home_town", &keep.home_town, &gone.home_town);
    c.school = m.text("school", &keep.school, &gone.school);
    c.field_of_study = m.text("field_of_study", &keep.field_of_study, &gone.field_of_study);
    c.sports = m.text("sports", &keep.sports, &gone.sports);
    c.food = m.text("food", &keep.food, &gone.food);
    c.reading = m.text("reading", &keep.reading, &gone.reading);
    c.holiday_plans = m.text("holiday_plans", &keep.holiday_plans, &gone.holiday_plans);
    c.holiday_routes = m.text("holiday_routes", &keep.holiday_routes, &gone.holiday_routes);
    c.friends = union_links(&keep.friends, &gone.friends, keep.id, gone.id);
    c.rivals = union_links(&keep.rivals, &gone.rivals, keep.id, gone.id);
    for list in [&mut c.friends, &mut c.rivals] {
        tidy_links(list, Some(keep.id), (keep.id, &c.name), &gone.name);
    }
    c.last_met = keep.last_met.max(gone.last_met);
    c.choice_criteria = Merger::join(&keep.choice_criteria, &gone.choice_criteria);
    c.notes = Merger::join(&keep.notes, &gone.notes);
    c.relationship = merge_relationship(&keep.relationship, &gone.relationship);
    c.style = keep.style.clone().or_else(|| gone.style.clone());
    let mut history = keep.account_history.clone();
    union_with(&mut history, &gone.account_history, |a, b| a == b);
    if gone.account_id != keep.account_id {
        history.push(AccountMove {
            from: gone.account_id,
            to: keep.account_id,
            at: now,
            title: gone.title.clone(),
            level: gone.level,
            function: gone.function,
            roles: gone.roles.clone(),
            was_guide: gone.is_guide,
        });
    }
    history.sort_on(|h| h.at);
    c.account_history = history;
    MergeResult {
        merged: c,
        removed: gone.id,
        rewrites: vec![IdRewrite {
            kind: IdKind::Contact,
            from: gone.id,
            to: keep.id,
        }],
        dropped: m.dropped,
    }
}

/// Merges two records of the same company: `keep` survives, `gone` is to be deleted. The one
/// rewrite is gone → keep for accounts: the caller moves gone's people, deals and intel notes
/// with it. Products in use are unioned by (competitor, product name), gone's row filling a
/// blank satisfaction; the earliest `customer_since` wins (it is a fact, not an opinion); the
/// merged account is archived only if both were.
pub fn merge_accounts(keep: &Account, gone: &Account, now: DateTime<Utc>) -> MergeResult<Account> {
    let mut m = Merger::default();
    let mut a = keep.clone();
    a.created_at = keep.created_at.min(gone.created_at);
    a.updated_at = now.max(keep.updated_at);
    a.name = m.text("name", &keep.name, &gone.name);
    a.phones = union_phones(&keep.phones, &gone.phones);
    a.emails = union_emails(&keep.emails, &gone.emails);
    if keep.address.is_empty() {
        a.address = gone.address.clone();
    } else if !gone.address.is_empty() && gone.address != keep.address {
        let g = &gone.address;
        let parts = [&g.street, &g.postal_code, &g.city, &g.region, &g.country];
        m.dropped.push(DroppedValue {
            field: "address",
            value: parts
                .iter()
                .filter(|p| !p.trim().is_empty())
                .map(|p| p.trim())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    a.website = m.text("website", &keep.website, &gone.website);
    a.industry = m.text("industry", &keep.industry, &gone.industry);
    a.business_scope = Merger::join(&keep.business_scope, &gone.business_scope);
    a.size = m.text("size", &keep.size, &gone.size);
    a.operating_state = Merger::join(&keep.operating_state, &gone.operating_state);
    a.financial_state = Merger::join(&keep.financial_state, &gone.financial_state);
    let mut products: Vec<ProductInUse> = keep.products_in_use.clone();
    for g in &gone.products_in_use {
        let same = |p: &ProductInUse| {
            p.competitor_id == g.competitor_id && fold(&p.product) == fold(&g.product)
        };
        match products.iter_mut().find(|p| same(p)) {
            Some(p) => {
                p.satisfaction = p.satisfaction.or(g.satisfaction);
                p.notes = Merger::join(&p.notes, &g.notes);
            }
            None => products.push(g.clone()),
        }
    }
    a.products_in_use = products;
    a.purchase_plans = Merger::join(&keep.purchase_plans, &gone.purchase_plans);
    a.problems_to_solve = Merger::join(&keep.problems_to_solve, &gone.problems_to_solve);
    a.department_dynamics = Merger::join(&keep.department_dynamics, &gone.department_dynamics);
    a.grade = m.opt("grade", &keep.grade, &gone.grade, |g| g.code().into());
    a.lead_source = m.opt("lead_source", &keep.lead_source, &gone.lead_source, |s| {
        s.code().into()
    });
    a.heard_of_us = m.text("heard_of_us", &keep.heard_of_us, &gone.heard_of_us);
    a.owner = m.text("owner", &keep.owner, &gone.owner);
    a.tags = union_folded(&keep.tags, &gone.tags);
    a.notes = Merger::join(&keep.notes, &gone.notes);
    a.customer_since = match (keep.customer_since, gone.customer_since) {
        (Some(k), Some(g)) => Some(k.min(g)),
        (k, g) => k.or(g),
    };
    a.archived = keep.archived && gone.archived;
    a.language = m.opt("language", &keep.language, &gone.language, |l| {
        l.native_name().into()
    });
    MergeResult {
        merged: a,
        removed: gone.id,
        rewrites: vec![IdRewrite {
            kind: IdKind::Account,
            from: gone.id,
            to: keep.id,
        }],
        dropped: m.dropped,
    }
}

// ---------------------------------------------------------------------------------------------
// Re-pointing links
// ---------------------------------------------------------------------------------------------

/// Re-points one id. Returns whether it changed.
pub fn relink_id(id: &mut Id, from: Id, to: Id) -> bool {
    if *id == from {
        *id = to;
        true
    } else {
        false
    }
}

/// Re-points an optional id. Returns whether it changed.
pub fn relink_opt_id(id: &mut Option<Id>, from: Id, to: Id) -> bool {
    match id {
        Some(x) => relink_id(x, from, to),
        None => false,
    }
}

/// Re-points a list of ids (a deal's people, an activity's contacts), dropping the duplicate
/// when the list held both. Returns whether it changed.
pub fn relink_ids(ids: &mut Vec<Id>, from: Id, to: Id) -> bool {
    if !ids.contains(&from) {
        return false;
    }
    let mut seen = Vec::with_capacity(ids.len());
    for id in ids.drain(..) {
        let id = if id == from { to } else { id };
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    *ids = seen;
    true
}

/// Re-points person links (friends, rivals, rep ties), dropping a resulting duplicate.
/// Returns whether it changed.
pub fn relink_person_links(links: &mut Vec<PersonLink>, from: Id, to: Id) -> bool {
    if !links.iter().any(|l| l.contact_id == Some(from)) {
        return false;
    }
    let mut out: Vec<PersonLink> = Vec::with_capacity(links.len());
    for mut l in links.drain(..) {
        relink_opt_id(&mut l.contact_id, from, to);
        if !out.iter().any(|o| o.identity() == l.identity()) {
            out.push(l);
        }
    }
    *links = out;
    true
}

/// Applies a rewrite to a person: contact rewrites to friend/rival links (a link to oneself
/// is dropped), account rewrites to the account and the move history. Returns whether it
/// changed.
pub fn relink_contact(c: &mut Contact, rw: &IdRewrite) -> bool {
    match rw.kind {
        IdKind::Contact => {
            let mut changed = relink_person_links(&mut c.friends, rw.from, rw.to);
            changed |= relink_person_links(&mut c.rivals, rw.from, rw.to);
            let me = Some(c.id);
            let before = c.friends.len() + c.rivals.len();
            c.friends.retain(|l| l.contact_id != me);
            c.rivals.retain(|l| l.contact_id != me);
            changed || before != c.friends.len() + c.rivals.len()
        }
        IdKind::Account => {
            let mut changed = relink_id(&mut c.account_id, rw.from, rw.to);
            for h in &mut c.account_history {
                changed |= relink_id(&mut h.from, rw.from, rw.to);
                changed |= relink_id(&mut h.to, rw.from, rw.to);
            }
            // A move between the two merged accounts is no longer a move.
            let before = c.account_history.len();
            c.account_history.retain(|h| h.from != h.to);
            changed || before != c.account_history.len()
        }
    }
}

/// Applies a rewrite to a competitor's rep ties. Returns whether it changed.
pub fn relink_competitor(c: &mut Competitor, rw: &IdRewrite) -> bool {
    match rw.kind {
        IdKind::Contact => c.reps.iter_mut().fold(false, |ch, r| {
            relink_person_links(&mut r.ties, rw.from, rw.to) | ch
        }),
        IdKind::Account => false,
    }
}

/// Applies a rewrite to an intel note's account link. Returns whether it changed.
pub fn relink_intel(n: &mut IntelNote, rw: &IdRewrite) -> bool {
    match rw.kind {
        IdKind::Account => relink_opt_id(&mut n.account_id, rw.from, rw.to),
        IdKind::Contact => false,
    }
}

/// Applies every rewrite to every record with `relink` and returns the ids of the records
/// that changed (the ones to save).
pub fn apply_rewrites<T: Record>(
    records: &mut [T],
    rewrites: &[IdRewrite],
    relink: impl Fn(&mut T, &IdRewrite) -> bool,
) -> Vec<Id> {
    let mut changed = Vec::new();
    for r in records.iter_mut() {
        let mut ch = false;
        for rw in rewrites {
            ch |= relink(r, rw);
        }
        if ch {
            changed.push(r.id());
        }
    }
    changed
}

/// Re-points a deal at the kept account or person after a merge (its account, the people
/// involved — roles of both merged people are united — and the holders of its needs).
pub fn relink_deal(d: &mut crate::domain::deal::Deal, rw: &IdRewrite) -> bool {
    match rw.kind {
        IdKind::Account => relink_id(&mut d.account_id, rw.from, rw.to),
        IdKind::Contact => {
            let mut changed = false;
            if let Some(gone) = d.people.iter().position(|p| p.contact_id == rw.from) {
                let gone = d.people.remove(gone);
                match d.people.iter_mut().find(|p| p.contact_id == rw.to) {
                    Some(kept) => {
                        for r in gone.roles {
                            if !kept.roles.contains(&r) {
                                kept.roles.push(r);
                            }
                        }
                    }
                    None => d.people.push(crate::domain::deal::DealPerson {
                        contact_id: rw.to,
                        ..gone
                    }),
                }
                changed = true;
            }
            for n in &mut d.needs {
                changed |= relink_opt_id(&mut n.holder_contact_id, rw.from, rw.to);
            }
            changed |=
                crate::domain::competitive::relink_person(&mut d.competitive, rw.from, rw.to);
            changed
        }
    }
}

/// Re-points an activity at the kept account or person after a merge.
pub fn relink_activity(a: &mut crate::domain::activity::Activity, rw: &IdRewrite) -> bool {
    match rw.kind {
        IdKind::Account => relink_opt_id(&mut a.account_id, rw.from, rw.to),
        IdKind::Contact => relink_ids(&mut a.contact_ids, rw.from, rw.to),
    }
}

/// Re-points a task at the kept account or person after a merge.
pub fn relink_task(t: &mut crate::domain::agenda::Task, rw: &IdRewrite) -> bool {
    match rw.kind {
        IdKind::Account => relink_opt_id(&mut t.account_id, rw.from, rw.to),
        IdKind::Contact => relink_opt_id(&mut t.contact_id, rw.from, rw.to),
    }
}

/// Re-points a follow-up's satisfaction checks to the survivor person.
pub fn relink_followup(f: &mut crate::domain::followup::FollowUp, rw: &IdRewrite) -> bool {
    match rw.kind {
        IdKind::Account => false,
        IdKind::Contact => f.checks.iter_mut().fold(false, |any, c| {
            relink_opt_id(&mut c.person_id, rw.from, rw.to) | any
        }),
    }
}

/// Re-points an invoice to the survivor account.
pub fn relink_invoice(i: &mut crate::domain::receivable::Invoice, rw: &IdRewrite) -> bool {
    match rw.kind {
        IdKind::Account => relink_id(&mut i.account_id, rw.from, rw.to),
        IdKind::Contact => false,
    }
}

/// Re-points a credit check to the survivor account.
pub fn relink_credit_check(c: &mut crate::domain::receivable::CreditCheck, rw: &IdRewrite) -> bool {
    match rw.kind {
        IdKind::Account => relink_id(&mut c.account_id, rw.from, rw.to),
        IdKind::Contact => false,
    }
}

/// Re-points a complaint to the survivor account or person.
pub fn relink_complaint(c: &mut crate::domain::complaint::Complaint, rw: &IdRewrite) -> bool {
    match rw.kind {
        IdKind::Account => relink_id(&mut c.account_id, rw.from, rw.to),
        IdKind::Contact => relink_opt_id(&mut c.person_id, rw.from, rw.to),
    }
}

/// Re-points a referral ask (who was asked, and the leads they gave) to the survivor; a
/// lead that now repeats another is dropped.
pub fn relink_referral(r: &mut crate::domain::referral::Referral, rw: &IdRewrite) -> bool {
    let mut any = match rw.kind {
        IdKind::Account => relink_id(&mut r.account_id, rw.from, rw.to),
        IdKind::Contact => relink_id(&mut r.person_id, rw.from, rw.to),
    };
    for lead in &mut r.leads {
        any |= match rw.kind {
            IdKind::Account => relink_id(&mut lead.account_id, rw.from, rw.to),
            IdKind::Contact => relink_opt_id(&mut lead.person_id, rw.from, rw.to),
        };
    }
    if any {
        let mut seen = Vec::new();
        r.leads.retain(|l| {
            let key = (l.account_id, l.person_id);
            let fresh = !seen.contains(&key);
            seen.push(key);
            fresh
        });
    }
    any
}

/// Re-points a declined request to the survivor account or person.
pub fn relink_declined(d: &mut crate::domain::decline::DeclinedRequest, rw: &IdRewrite) -> bool {
    match rw.kind {
        IdKind::Account => relink_opt_id(&mut d.account_id, rw.from, rw.to),
        IdKind::Contact => relink_opt_id(&mut d.person_id, rw.from, rw.to),
    }
}

#[cfg(test)]
mod tests;
