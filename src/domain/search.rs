//! Global search (Ctrl+K): accounts, people, deals, competitors and the catalogue's products
//! by any name, e-mail, phone or tag (products by name and category); proposal versions by
//! their deal and number; negotiations by their contract's number and agreed terms. Letters written two ways match both ways ("Müller" / "Mueller" / "Muller",
//! "Straße" / "Strasse"; see `text::fold_digraphs`).
//!
//! The index lives in memory and is updated per write (`upsert_*`, [`SearchIndex::remove`]);
//! [`SearchIndex::query`] runs per keystroke with no debounce, so it must take well under one
//! frame (16 ms) on a five-year book (2,000 accounts, 6,000 people, 100 competitors).
//!
//! **How it stays fast.** Every searchable value is folded once, at write time
//! (`text::fold`: accents, case and spacing removed) and appended to one long haystack string,
//! each value followed by a `\n` separator (folded text never contains one); phone numbers go,
//! as digits, to a second haystack. A sorted segment table maps a byte offset back to the
//! entry and field. A query is then one substring scan of each haystack
//! (`str::match_indices`), a binary search per match and a score per entry: no per-entry
//! allocation or folding. Deleted or replaced entries are tombstoned and the haystacks rebuilt
//! from the kept source values when tombstones outnumber live entries.
//!
//! **Ranking.** Match quality first: the whole value (exact) > the start of a word (prefix) >
//! anywhere (substring) > every word of a multi-word query found separately. Then the field:
//! name > e-mail > phone > tag > other (website, competitor products and reps) > the account
//! name of a person. Archived accounts rank just below the same match on an active one. Ties:
//! shorter title, then alphabetical (folded), then id. A one-letter query only matches the
//! start of words.

use crate::domain::account::Account;
use crate::domain::competitor::Competitor;
use crate::domain::contact::Contact;
use crate::domain::deal::Deal;
use crate::domain::ids::Id;
use crate::domain::negotiation::Negotiation;
use crate::domain::product::Product;
use crate::domain::proposal::Proposal;
use crate::domain::sorting::SortExt;
use crate::domain::text::{fold, fold_digraphs, fold_phone};
use crate::keyed_enum;
use std::collections::HashMap;

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HitKind {
    Account,
    Contact,
    Deal,
    Competitor,
    Product,
    /// A version of a deal's proposal, found by the deal's title or its number ("v2").
    Proposal,
    /// A deal's negotiation, found by its contract's number or an agreed term's text.
    Negotiation,
    /// An invoice of a deal, found by its number.
    Invoice,
    /// A partner of the directory, found by name and fields.
    Partner,
    /// A declined request, found by what was asked, its field and who asked.
    DeclinedRequest,
    /// An entry of the complaints and suggestions register, found by its text.
    Complaint,
}
keyed_enum!(HitKind, "search.kind", {
    Account => "account",
    Contact => "contact",
    Deal => "deal",
    Competitor => "competitor",
    Product => "product",
    Proposal => "proposal",
    Negotiation => "negotiation",
    Invoice => "invoice",
    Partner => "partner",
    DeclinedRequest => "declined_request",
    Complaint => "complaint",
});

/// One search result. `title` and `subtitle` are record data (names, job title, account
/// name, industry and city, products), never UI words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub id: Id,
    pub kind: HitKind,
    pub title: String,
    pub subtitle: String,
    pub score: u32,
    pub archived: bool,
}

/// The field a value came from, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Email,
    Phone,
    Tag,
    Other,
    AccountName,
}

impl Field {
    fn weight(self) -> u32 {
        match self {
            Field::Name => 50,
            Field::Email => 40,
            Field::Phone => 35,
            Field::Tag => 30,
            Field::Other => 20,
            Field::AccountName => 10,
        }
    }
}

/// Match quality, in hundreds of score points.
const EXACT: u32 = 400;
const PREFIX: u32 = 300;
const SUBSTRING: u32 = 200;
const ALL_WORDS: u32 = 100;
/// Score taken off archived accounts (less than the gap between two field weights).
const ARCHIVED_PENALTY: u32 = 5;

/// The source of one entry, kept so the haystacks can be rebuilt.
#[derive(Debug, Clone)]
struct Doc {
    kind: HitKind,
    title: String,
    /// Accounts: industry · city; people: job title; competitors: first products.
    subtitle: String,
    /// People: their account.
    account: Option<Id>,
    archived: bool,
    values: Vec<(Field, String)>,
}

#[derive(Debug, Clone, Copy)]
struct Seg {
    start: u32,
    end: u32,
    slot: u32,
    field: Field,
}

#[derive(Debug, Clone)]
struct Slot {
    id: Id,
    alive: bool,
    /// This entry's segments: `text_segs[text.0..text.1]`, `digit_segs[digits.0..digits.1]`.
    text: (u32, u32),
    digits: (u32, u32),
    archived: bool,
    title_key: String,
    title_chars: u32,
}

/// The in-memory search index.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    docs: HashMap<Id, Doc>,
    /// Account id → its people and deals (to refresh their account name on a rename).
    members: HashMap<Id, Vec<Id>>,
    text: String,
    text_segs: Vec<Seg>,
    /// Word starts in `text`, by their ASCII letter or digit: `initials[b'k']` lists, in
    /// order, every offset where a word starting with "k" begins (one-letter queries).
    initials: Vec<Vec<u32>>,
    digits: String,
    digit_segs: Vec<Seg>,
    slots: Vec<Slot>,
    slot_of: HashMap<Id, u32>,
    dead: usize,
}

fn join_nonempty<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

impl SearchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds the index of a whole book in one pass.
    pub fn build<'a>(
        accounts: impl IntoIterator<Item = &'a Account>,
        contacts: impl IntoIterator<Item = &'a Contact>,
        deals: impl IntoIterator<Item = &'a Deal>,
        competitors: impl IntoIterator<Item = &'a Competitor>,
    ) -> Self {
        let mut ix = SearchIndex::new();
        for a in accounts {
            ix.docs.insert(a.id, Self::account_doc(a));
        }
        for c in contacts {
            ix.docs.insert(c.id, Self::contact_doc(c));
            ix.members.entry(c.account_id).or_default().push(c.id);
        }
        for d in deals {
            ix.docs.insert(d.id, Self::deal_doc(d));
            ix.members.entry(d.account_id).or_default().push(d.id);
        }
        for c in competitors {
            ix.docs.insert(c.id, Self::competitor_doc(c));
        }
        ix.rebuild();
        ix
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    fn account_doc(a: &Account) -> Doc {
        let mut values = vec![(Field::Name, a.name.clone())];
        values.extend(a.emails.iter().map(|e| (Field::Email, e.clone())));
        values.extend(a.phones.iter().map(|p| (Field::Phone, p.clone())));
        values.extend(a.tags.iter().map(|t| (Field::Tag, t.clone())));
        if !a.website.trim().is_empty() {
            values.push((Field::Other, a.website.clone()));
        }
        Doc {
            kind: HitKind::Account,
            title: a.name.clone(),
            subtitle: join_nonempty([a.industry.as_str(), a.address.city.as_str()]),
            account: None,
            archived: a.archived,
            values,
        }
    }

    fn contact_doc(c: &Contact) -> Doc {
        let mut values = vec![(Field::Name, c.name.clone())];
        values.extend(c.emails.iter().map(|e| (Field::Email, e.clone())));
        values.extend(c.phones.iter().map(|p| (Field::Phone, p.clone())));
        Doc {
            kind: HitKind::Contact,
            title: c.name.clone(),
            subtitle: c.title.clone(),
            account: Some(c.account_id),
            archived: false,
            values,
        }
    }

    fn deal_doc(d: &Deal) -> Doc {
        let mut values = vec![(Field::Name, d.title.clone())];
        if !d.owner.trim().is_empty() {
            values.push((Field::Other, d.owner.clone()));
        }
        Doc {
            kind: HitKind::Deal,
            title: d.title.clone(),
            subtitle: String::new(),
            account: Some(d.account_id),
            archived: false,
            values,
        }
    }

    fn competitor_doc(c: &Competitor) -> Doc {
        let mut values = vec![(Field::Name, c.name.clone())];
        values.extend(c.products.iter().map(|p| (Field::Other, p.clone())));
        values.extend(c.reps.iter().map(|r| (Field::Other, r.name.clone())));
        if !c.website.trim().is_empty() {
            values.push((Field::Other, c.website.clone()));
        }
        Doc {
            kind: HitKind::Competitor,
            title: c.name.clone(),
            subtitle: c
                .products
                .iter()
                .take(3)
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            account: None,
            archived: false,
            values,
        }
    }

    /// Adds the catalogue's products to an index (after [`SearchIndex::build`]).
    pub fn with_products<'a>(mut self, products: impl IntoIterator<Item = &'a Product>) -> Self {
        for p in products {
            self.docs.insert(p.id, Self::product_doc(p));
        }
        self.rebuild();
        self
    }

    /// A product: found by name and category; retired ones rank like archived accounts.
    fn product_doc(p: &Product) -> Doc {
        let mut values = vec![(Field::Name, p.name.clone())];
        if !p.category.trim().is_empty() {
            values.push((Field::Tag, p.category.clone()));
        }
        Doc {
            kind: HitKind::Product,
            title: p.name.clone(),
            subtitle: join_nonempty([p.category.as_str(), p.unit.as_str()]),
            account: None,
            archived: p.retired,
            values,
        }
    }

    /// Adds or replaces a product.
    pub fn upsert_product(&mut self, p: &Product) {
        self.put(p.id, Self::product_doc(p));
    }

    /// Adds or replaces an account. A renamed account refreshes its people's entries.
    pub fn upsert_account(&mut self, a: &Account) {
        let renamed = self.docs.get(&a.id).is_none_or(|d| d.title != a.name);
        self.put(a.id, Self::account_doc(a));
        if renamed {
            self.refresh_members(a.id);
        }
    }

    /// Adds or replaces a person.
    pub fn upsert_contact(&mut self, c: &Contact) {
        self.link_member(c.id, c.account_id);
        self.put(c.id, Self::contact_doc(c));
    }

    /// Adds or replaces a deal.
    pub fn upsert_deal(&mut self, d: &Deal) {
        self.link_member(d.id, d.account_id);
        self.put(d.id, Self::deal_doc(d));
    }

    /// Records that `id` (a person or deal) belongs to `account`, leaving its old account.
    fn link_member(&mut self, id: Id, account: Id) {
        if let Some(old) = self.docs.get(&id).and_then(|d| d.account) {
            if old != account {
                self.unlink_member(old, id);
            }
        }
        let members = self.members.entry(account).or_default();
        if !members.contains(&id) {
            members.push(id);
        }
    }

    /// Adds or replaces a competitor.
    pub fn upsert_competitor(&mut self, c: &Competitor) {
        self.put(c.id, Self::competitor_doc(c));
    }

    /// Adds or replaces a version of a deal's proposal, titled "<deal title> · v<n>" and
    /// found by the deal's title or its number ("v2", "2").
    pub fn upsert_proposal(&mut self, p: &Proposal, deal_title: &str) {
        let number = format!("v{}", p.version);
        self.put(
            p.id,
            Doc {
                kind: HitKind::Proposal,
                title: format!("{deal_title} · {number}"),
                subtitle: String::new(),
                account: None,
                archived: false,
                values: vec![
                    (Field::Name, deal_title.to_string()),
                    (Field::Other, number),
                    (Field::Other, p.version.to_string()),
                ],
            },
        );
    }

    /// Adds or replaces a deal's negotiation when it has agreed terms or a contract (else
    /// removes it): titled "<deal title> · <contract number>" (the deal's title alone
    /// before signing), with the terms' labels as subtitle; found by the contract's number
    /// and by each agreed term's label and value (not by the deal's title: the deal is
    /// found by that).
    pub fn upsert_negotiation(&mut self, n: &Negotiation, deal_title: &str) {
        let a = &n.agreement;
        if a.terms.is_empty() && a.contract.is_none() {
            self.remove(n.id);
            return;
        }
        let mut values = Vec::new();
        let title = match &a.contract {
            Some(c) => {
                values.push((Field::Name, c.number.clone()));
                join_nonempty([deal_title, c.number.as_str()])
            }
            None => deal_title.to_string(),
        };
        for t in &a.terms {
            values.push((Field::Other, t.label.clone()));
            values.push((Field::Other, t.value.clone()));
        }
        let labels: Vec<&str> = a.terms.iter().map(|t| t.label.as_str()).collect();
        self.put(
            n.id,
            Doc {
                kind: HitKind::Negotiation,
                title,
                subtitle: labels.join(", "),
                account: None,
                archived: false,
                values,
            },
        );
    }

    /// Adds or replaces an invoice, titled by its number with the deal's title as
    /// subtitle; found by its number (and its parts: "2026-014").
    pub fn upsert_invoice(&mut self, i: &crate::domain::receivable::Invoice, deal_title: &str) {
        self.put(
            i.id,
            Doc {
                kind: HitKind::Invoice,
                title: i.number.clone(),
                subtitle: deal_title.to_string(),
                account: None,
                archived: false,
                values: vec![(Field::Name, i.number.clone())],
            },
        );
    }

    /// Adds or replaces a partner: titled by name, its field as subtitle; found by name,
    /// field and neighbouring fields.
    pub fn upsert_partner(&mut self, p: &crate::domain::decline::Partner) {
        let mut values = vec![(Field::Name, p.name.clone()), (Field::Tag, p.field.clone())];
        values.extend(p.neighbouring.iter().map(|n| (Field::Other, n.clone())));
        self.put(
            p.id,
            Doc {
                kind: HitKind::Partner,
                title: p.name.clone(),
                subtitle: p.field.clone(),
                account: None,
                archived: false,
                values,
            },
        );
    }

    /// Adds or replaces a declined request: titled by what was asked, with its field and
    /// who asked as subtitle; found by what was asked, its field and who asked.
    pub fn upsert_declined(&mut self, d: &crate::domain::decline::DeclinedRequest) {
        self.put(
            d.id,
            Doc {
                kind: HitKind::DeclinedRequest,
                title: d.asked.clone(),
                subtitle: join_nonempty([d.field.as_str(), d.requester.as_str()]),
                account: None,
                archived: false,
                values: vec![
                    (Field::Name, d.asked.clone()),
                    (Field::Tag, d.field.clone()),
                    (Field::Other, d.requester.clone()),
                ],
            },
        );
    }

    /// Adds or replaces an entry of the complaints register: titled by what happened (its
    /// first line, at most 80 characters), with its account's name as subtitle; found by
    /// what happened and what was done. A resolved one ranks like an archived account.
    pub fn upsert_complaint(&mut self, c: &crate::domain::complaint::Complaint, account: &str) {
        let first = c.what.lines().next().unwrap_or_default();
        let mut title: String = first.chars().take(80).collect();
        if title.len() < first.len() {
            title.push('…');
        }
        let mut values = vec![(Field::Other, c.what.clone())];
        if !c.resolution.trim().is_empty() {
            values.push((Field::Other, c.resolution.clone()));
        }
        self.put(
            c.id,
            Doc {
                kind: HitKind::Complaint,
                title,
                subtitle: account.to_string(),
                account: None,
                archived: !c.is_open(),
                values,
            },
        );
    }

    /// Removes any entry with this id (a removed account's people lose its name).
    pub fn remove(&mut self, id: Id) {
        let Some(doc) = self.docs.remove(&id) else {
            return;
        };
        self.kill(id);
        match doc.kind {
            HitKind::Contact | HitKind::Deal => {
                if let Some(acc) = doc.account {
                    self.unlink_member(acc, id);
                }
            }
            HitKind::Account => self.refresh_members(id),
            HitKind::Competitor
            | HitKind::Product
            | HitKind::Proposal
            | HitKind::Negotiation
            | HitKind::Invoice
            | HitKind::Partner
            | HitKind::DeclinedRequest
            | HitKind::Complaint => {}
        }
        self.maybe_compact();
    }

    fn unlink_member(&mut self, account: Id, member: Id) {
        if let Some(m) = self.members.get_mut(&account) {
            m.retain(|x| *x != member);
            if m.is_empty() {
                self.members.remove(&account);
            }
        }
    }

    fn refresh_members(&mut self, account: Id) {
        let ids = self.members.get(&account).cloned().unwrap_or_default();
        for id in ids {
            if self.docs.contains_key(&id) {
                self.kill(id);
                self.compile(id);
            }
        }
    }

    fn put(&mut self, id: Id, doc: Doc) {
        self.docs.insert(id, doc);
        self.kill(id);
        self.compile(id);
        self.maybe_compact();
    }

    fn kill(&mut self, id: Id) {
        if let Some(slot) = self.slot_of.remove(&id) {
            self.slots[slot as usize].alive = false;
            self.dead += 1;
        }
    }

    fn maybe_compact(&mut self) {
        if self.dead > 256 && self.dead > self.slots.len() / 2 {
            self.rebuild();
        }
    }

    /// Rebuilds the haystacks from the kept sources, dropping tombstones.
    fn rebuild(&mut self) {
        self.text.clear();
        self.text_segs.clear();
        self.initials.iter_mut().for_each(Vec::clear);
        self.digits.clear();
        self.digit_segs.clear();
        self.slots.clear();
        self.slot_of.clear();
        self.dead = 0;
        let mut ids: Vec<Id> = self.docs.keys().copied().collect();
        ids.sort_plain();
        for id in ids {
            self.compile(id);
        }
    }

    /// Appends one entry's folded values to the haystacks.
    fn compile(&mut self, id: Id) {
        let Some(doc) = self.docs.get(&id) else {
            return;
        };
        let slot = self.slots.len() as u32;
        let title_key = fold_fast(&doc.title);
        let (t0, d0) = (self.text_segs.len() as u32, self.digit_segs.len() as u32);
        self.slots.push(Slot {
            id,
            alive: true,
            text: (t0, t0),
            digits: (d0, d0),
            archived: doc.archived,
            title_chars: title_key.chars().count() as u32,
            title_key,
        });
        self.slot_of.insert(id, slot);
        let account_name = doc
            .account
            .and_then(|a| self.docs.get(&a))
            .map(|a| (Field::AccountName, a.title.clone()));
        for (field, value) in doc.values.iter().cloned().chain(account_name) {
            if field == Field::Phone {
                if let Some(d) = fold_phone(&value) {
                    push_seg(&mut self.digits, &mut self.digit_segs, &d, slot, field);
                }
            } else {
                let (text, segs, initials) =
                    (&mut self.text, &mut self.text_segs, &mut self.initials);
                push_text(text, segs, initials, &fold_fast(&value), slot, field);
                if let Some(alt) = fold_digraphs(&value) {
                    push_text(text, segs, initials, &alt, slot, field);
                }
            }
        }
        let s = &mut self.slots[slot as usize];
        s.text.1 = self.text_segs.len() as u32;
        s.digits.1 = self.digit_segs.len() as u32;
    }

    /// The best hits for what was typed, best first, at most `limit`.
    pub fn query(&self, q: &str, limit: usize) -> Vec<Hit> {
        let fq = fold_fast(q);
        if fq.is_empty() || limit == 0 {
            return Vec::new();
        }
        let n = self.slots.len();
        let mut best = vec![0u32; n];
        self.scan_all(&fq, &mut best);
        // "Müller" typed also looks for "Mueller" (records are indexed both ways too).
        if let Some(alt) = fold_digraphs(q) {
            self.scan_all(&alt, &mut best);
        }
        let mut tokens: Vec<&str> = fq.split(' ').collect();
        // A phone-like query ("+371 2000 1234") is one number, not several words.
        if tokens.len() > 1 && phone_query(&fq).is_none() {
            // Every word found somewhere: ranks below any whole-query match, by the weakest
            // word's score (scaled to stay under 100 points). The longest word
            // is scanned in full; the others only in the entries it found.
            tokens.sort_on(|t| std::cmp::Reverse(t.len()));
            let mut first = vec![0u32; n];
            self.scan_all(tokens[0], &mut first);
            let mut candidates: Vec<(u32, u32)> = first
                .iter()
                .enumerate()
                .filter(|(_, s)| **s > 0)
                .map(|(i, s)| (i as u32, *s))
                .collect();
            for t in &tokens[1..] {
                let needle = Needle::new(t);
                candidates.retain_mut(|(i, s)| {
                    let score = self.score_slot(&self.slots[*i as usize], &needle);
                    *s = (*s).min(score);
                    score > 0
                });
            }
            for (i, s) in candidates {
                let b = &mut best[i as usize];
                *b = (*b).max(ALL_WORDS + s / 5);
            }
        }
        let mut found: Vec<(u32, u32)> = best
            .iter()
            .enumerate()
            .filter(|(i, s)| **s > 0 && self.slots[*i].alive)
            .map(|(i, s)| {
                let penalty = if self.slots[i].archived {
                    ARCHIVED_PENALTY
                } else {
                    0
                };
                (s - penalty, i as u32)
            })
            .collect();
        let order = |a: &(u32, u32), b: &(u32, u32)| {
            let (sa, sb) = (&self.slots[a.1 as usize], &self.slots[b.1 as usize]);
            b.0.cmp(&a.0)
                .then(sa.title_chars.cmp(&sb.title_chars))
                .then_with(|| sa.title_key.cmp(&sb.title_key))
                .then(sa.id.cmp(&sb.id))
        };
        if found.len() > limit {
            found.select_nth_unstable_by(limit - 1, order);
            found.truncate(limit);
        }
        found.sort_with(order);
        found
            .into_iter()
            .filter_map(|(score, i)| self.hit(&self.slots[i as usize], score))
            .collect()
    }

    fn hit(&self, slot: &Slot, score: u32) -> Option<Hit> {
        let doc = self.docs.get(&slot.id)?;
        let subtitle = match doc.kind {
            HitKind::Contact | HitKind::Deal => join_nonempty([
                doc.subtitle.as_str(),
                doc.account
                    .and_then(|a| self.docs.get(&a))
                    .map_or("", |a| a.title.as_str()),
            ]),
            _ => doc.subtitle.clone(),
        };
        Some(Hit {
            id: slot.id,
            kind: doc.kind,
            title: doc.title.clone(),
            subtitle,
            score,
            archived: doc.archived,
        })
    }

    /// Scores one folded needle against both haystacks into `best` (max per slot).
    fn scan_all(&self, needle: &str, best: &mut [u32]) {
        let needle = Needle::new(needle);
        match needle.text.as_bytes() {
            [b] if b.is_ascii_alphanumeric() => {
                let starts = self
                    .initials
                    .get(*b as usize)
                    .map_or(&[][..], Vec::as_slice);
                scan_positions(&self.text, &self.text_segs, starts, 1, best);
            }
            _ => scan(
                &self.text,
                &self.text_segs,
                &needle.text,
                needle.words_only,
                true,
                best,
            ),
        }
        if let Some(d) = &needle.digits {
            scan(&self.digits, &self.digit_segs, d, false, false, best);
        }
    }

    /// The best score of one needle within one entry.
    fn score_slot(&self, slot: &Slot, needle: &Needle) -> u32 {
        let mut best = 0;
        let segs = &self.text_segs[slot.text.0 as usize..slot.text.1 as usize];
        for seg in segs {
            let value = &self.text[seg.start as usize..seg.end as usize];
            for (pos, _) in value.match_indices(needle.text.as_str()) {
                if let Some(q) = quality(value, pos, needle.text.len(), true, needle.words_only) {
                    best = best.max(q + seg.field.weight());
                }
            }
        }
        if let Some(d) = &needle.digits {
            let segs = &self.digit_segs[slot.digits.0 as usize..slot.digits.1 as usize];
            for seg in segs {
                let value = &self.digits[seg.start as usize..seg.end as usize];
                for (pos, _) in value.match_indices(d.as_str()) {
                    if let Some(q) = quality(value, pos, d.len(), false, false) {
                        best = best.max(q + seg.field.weight());
                    }
                }
            }
        }
        best
    }
}

/// A folded query word, ready to match.
struct Needle {
    text: String,
    /// One letter: only word starts count.
    words_only: bool,
    /// The digits to look for among phones, for a phone-like word.
    digits: Option<String>,
}

impl Needle {
    fn new(folded: &str) -> Self {
        Needle {
            text: folded.to_string(),
            // One ASCII letter or digit; a single CJK character is a word of its own.
            words_only: folded.len() == 1,
            digits: phone_query(folded),
        }
    }
}

/// `text::fold`, with a fast path for plain ASCII (most e-mails, phones and many names):
/// the same result without Unicode decomposition.
fn fold_fast(s: &str) -> String {
    if !s.is_ascii() {
        return fold(s);
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    }
    out
}

/// Appends one folded text value (and its word starts) to the text haystack.
fn push_text(
    text: &mut String,
    segs: &mut Vec<Seg>,
    initials: &mut Vec<Vec<u32>>,
    f: &str,
    slot: u32,
    field: Field,
) {
    if f.is_empty() {
        return;
    }
    let start = text.len();
    push_seg(text, segs, f, slot, field);
    if initials.is_empty() {
        *initials = vec![Vec::new(); 128];
    }
    let mut prev_alnum = false;
    for (i, ch) in f.char_indices() {
        if !prev_alnum && ch.is_ascii_alphanumeric() {
            initials[ch as usize].push((start + i) as u32);
        }
        prev_alnum = ch.is_alphanumeric();
    }
}

fn push_seg(hay: &mut String, segs: &mut Vec<Seg>, value: &str, slot: u32, field: Field) {
    let start = hay.len() as u32;
    hay.push_str(value);
    let end = hay.len() as u32;
    hay.push('\n');
    segs.push(Seg {
        start,
        end,
        slot,
        field,
    });
}

/// The digits of a phone-like query ("+371 2000-1234", "2000 1234"): only digits and phone
/// punctuation, at least 3 digits; a leading "00" of a full international number is read
/// as "+".
fn phone_query(q: &str) -> Option<String> {
    if !q
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.' | '/'))
    {
        return None;
    }
    let d: String = q.chars().filter(char::is_ascii_digit).collect();
    let d = match d.strip_prefix("00") {
        Some(rest) if rest.len() >= 8 => rest.to_string(),
        _ => d,
    };
    (d.len() >= 3).then_some(d)
}

/// The quality of a match of `len` bytes at `pos` within one folded `value`, or `None` when
/// it does not count (a mid-word match of a one-letter query).
fn quality(value: &str, pos: usize, len: usize, text: bool, words_only: bool) -> Option<u32> {
    let end = value.len();
    if pos == 0 && len == end {
        Some(EXACT)
    } else if !text && pos + len == end && len >= 8 {
        // A phone's last 8+ digits: the same number written without the country code.
        Some(EXACT)
    } else if pos == 0 || (text && word_start(value, pos)) {
        Some(PREFIX)
    } else if words_only {
        None
    } else {
        Some(SUBSTRING)
    }
}

/// Scans a whole haystack for `needle`, keeping the best score per entry in `best`.
fn scan(hay: &str, segs: &[Seg], needle: &str, words_only: bool, text: bool, best: &mut [u32]) {
    let bytes = hay.as_bytes();
    let len = needle.len();
    let mut cursor = 0;
    for (pos, _) in hay.match_indices(needle) {
        // Cheap pre-check: a one-letter query skips mid-word matches before any lookup
        // (every value is preceded by a '\n' separator, so value starts pass).
        if words_only && pos > 0 && bytes[pos - 1].is_ascii_alphanumeric() {
            continue;
        }
        score_at(hay, segs, &mut cursor, pos, len, text, words_only, best);
    }
}

/// Scores matches of `len` bytes at known, ascending word-start offsets.
fn scan_positions(hay: &str, segs: &[Seg], starts: &[u32], len: usize, best: &mut [u32]) {
    let mut cursor = 0;
    for &pos in starts {
        score_at(hay, segs, &mut cursor, pos as usize, len, true, true, best);
    }
}

/// Scores one match at `pos`; `cursor` remembers the segment of the previous (earlier) match.
#[allow(clippy::too_many_arguments)]
fn score_at(
    hay: &str,
    segs: &[Seg],
    cursor: &mut usize,
    pos: usize,
    len: usize,
    text: bool,
    words_only: bool,
    best: &mut [u32],
) {
    // Matches come in order: stay in the current segment, else binary search forward.
    if pos > segs[*cursor].end as usize {
        *cursor += segs[*cursor..].partition_point(|s| s.start as usize <= pos) - 1;
    }
    let seg = segs[*cursor];
    let (start, end) = (seg.start as usize, seg.end as usize);
    if let Some(q) = quality(&hay[start..end], pos - start, len, text, words_only) {
        let score = q + seg.field.weight();
        let b = &mut best[seg.slot as usize];
        if score > *b {
            *b = score;
        }
    }
}

/// Whether `pos` starts a word in `value`: the previous character is not a letter or digit.
fn word_start(value: &str, pos: usize) -> bool {
    let prev = value.as_bytes()[pos - 1];
    if prev.is_ascii() {
        !prev.is_ascii_alphanumeric()
    } else {
        !value[..pos]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    }
}

#[cfg(test)]
mod tests;
