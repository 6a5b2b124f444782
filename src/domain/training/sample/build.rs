//! Building the sample book: Northwind Instruments' customers, one deal at each of the six
//! steps, every record made through its kind's own constructors, drafts and transitions
//! (so each passes its record rules) and dated relative to the day it is loaded (the
//! invoice is overdue and the installation late whenever it is loaded).
//!
//! The cast (the method guide's examples name them):
//!
//! | Account | Step | People |
//! |---|---|---|
//! | Hanse Logistics | 1 customer analysis | Jonas Weber (initiator), Petra Lang (procurement): no decision maker known — the missing role |
//! | Riga Print House | 2 building trust | Ilze Ozola (user, amiable), Mārtiņš Kalniņš (evaluator, analytical) |
//! | Lotus Pharma | 3 discovering needs | Chen Jing (decision maker, driver, the guide, alliance), Wang Lei (designer) |
//! | Andes Water Utility | 4 presenting value | Sofía Ramírez (decision maker, expressive), Diego Torres (evaluator); a proposal in two versions |
//! | Danube Castings | 5 winning commitment | Kovács Anna (procurement, driver), Nagy Péter (decision maker); a ledger that breaks the shrink rule |
//! | Baltic Dairy Cooperative | 6 follow-up service, won | Olga Petrova (user, amiable), Ivan Sokolov (decision maker); contract, milestones (one late), an overdue invoice, an anxious complaint |

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::SampleRecord;
use crate::domain::account::{Account, Grade, LeadSource, PostalAddress};
use crate::domain::activity::{Activity, ActivityDraft, ActivityKind, ExchangeFormat};
use crate::domain::agenda::{Due, Task};
use crate::domain::complaint::Complaint;
use crate::domain::contact::{BuyingFunction, BuyingLevel, BuyingRole, Contact};
use crate::domain::deal::{self, ChecklistItem, Deal, Step};
use crate::domain::followup::FollowUp;
use crate::domain::ids::{Id, Record};
use crate::domain::money::{Currency, Money};
use crate::domain::needs::{Need, NeedLayer};
use crate::domain::negotiation::Negotiation;
use crate::domain::product::{Product, ProductDraft};
use crate::domain::proposal::{self, build_line, LineInput, Proposal};
use crate::domain::qualification::{Answer, QualifyingQuestion};
use crate::domain::receivable::Invoice;
use crate::domain::relationship::{change_stage, RelationshipStage};
use crate::domain::style::{judge_direct, CommunicationStyle, Confidence};

/// The rep's employer in the sample book.
pub const FIRM: &str = "Northwind Instruments";
/// The name every sample account carries as a tag, so the rep can tell them apart.
pub const TAG: &str = "Sample book";

/// Every record of the sample book, by kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SampleRecords {
    pub accounts: Vec<Account>,
    pub contacts: Vec<Contact>,
    pub deals: Vec<Deal>,
    pub activities: Vec<Activity>,
    pub tasks: Vec<Task>,
    pub products: Vec<Product>,
    pub proposals: Vec<Proposal>,
    pub negotiations: Vec<Negotiation>,
    pub followups: Vec<FollowUp>,
    pub invoices: Vec<Invoice>,
    pub complaints: Vec<Complaint>,
}

pub(super) fn listed<T: Record>(records: &[T]) -> impl Iterator<Item = SampleRecord> + '_ {
    records.iter().map(|r| SampleRecord {
        kind: T::KIND.to_string(),
        id: r.id(),
    })
}

impl SampleRecords {
    /// Every record, as the mark lists them (kind and id), accounts first.
    pub fn listed(&self) -> Vec<SampleRecord> {
        listed(&self.accounts)
            .chain(listed(&self.contacts))
            .chain(listed(&self.products))
            .chain(listed(&self.deals))
            .chain(listed(&self.activities))
            .chain(listed(&self.tasks))
            .chain(listed(&self.proposals))
            .chain(listed(&self.negotiations))
            .chain(listed(&self.followups))
            .chain(listed(&self.invoices))
            .chain(listed(&self.complaints))
            .collect()
    }

    /// How many records in all.
    pub fn len(&self) -> usize {
        self.listed().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The account named `name`.
    pub fn account(&self, name: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.name == name)
    }

    /// The person named `name`.
    pub fn person(&self, name: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.name == name)
    }

    /// The deal of the account named `name`.
    pub fn deal_of(&self, name: &str) -> Option<&Deal> {
        let a = self.account(name)?;
        self.deals.iter().find(|d| d.account_id == a.id)
    }
}

/// Dates and instants relative to the day the book is built.
#[derive(Clone, Copy)]
pub(super) struct Clock {
    pub(super) today: NaiveDate,
    pub(super) now: DateTime<Utc>,
}

impl Clock {
    /// The instant `days` days before now.
    pub(super) fn ago(&self, days: i64) -> DateTime<Utc> {
        self.now - Duration::days(days)
    }
    /// The day `days` days before today (its UTC date never after today's).
    pub(super) fn day(&self, days: i64) -> NaiveDate {
        (self.today - Duration::days(days)).min(self.ago(days).date_naive())
    }
    /// The day `days` days after today.
    pub(super) fn ahead(&self, days: i64) -> NaiveDate {
        self.today + Duration::days(days)
    }
}

pub(super) fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(super) fn eur(whole: i64) -> Money {
    Money::new(whole * 100, Currency::default())
}

// -------------------------------------------------------------------------------------------
// Accounts and people
// -------------------------------------------------------------------------------------------

pub(super) struct AccountSpec {
    pub(super) name: &'static str,
    pub(super) industry: &'static str,
    pub(super) scope: &'static str,
    pub(super) size: &'static str,
    pub(super) city: &'static str,
    pub(super) country: &'static str,
    pub(super) domain: &'static str,
    pub(super) grade: Grade,
    pub(super) source: LeadSource,
    pub(super) plans: &'static str,
    pub(super) problems: &'static str,
}

pub(super) fn account(s: &AccountSpec, c: Clock, age: i64) -> Account {
    let mut a = Account::new(s.name, c.ago(age));
    a.industry = s.industry.into();
    a.business_scope = s.scope.into();
    a.size = s.size.into();
    a.address = PostalAddress {
        city: s.city.into(),
        country: s.country.into(),
        ..PostalAddress::default()
    };
    a.website = format!("https://www.{}", s.domain);
    a.emails = vec![format!("info@{}", s.domain)];
    a.grade = Some(s.grade);
    a.lead_source = Some(s.source);
    a.purchase_plans = s.plans.into();
    a.problems_to_solve = s.problems.into();
    a.owner = "Sam Carter".into();
    a.tags = vec![TAG.into()];
    a
}

pub(super) struct PersonSpec {
    pub(super) name: &'static str,
    pub(super) title: &'static str,
    pub(super) email: &'static str,
    pub(super) level: BuyingLevel,
    pub(super) function: BuyingFunction,
    pub(super) roles: &'static [BuyingRole],
    pub(super) guide: bool,
    pub(super) stage: RelationshipStage,
    pub(super) style: Option<CommunicationStyle>,
    pub(super) hobby: &'static str,
}

/// Evidence for reaching each stage (answers its marker question).
pub(super) const STAGE_EVIDENCE: [&str; 3] = [
    "Accepted our invitation to lunch after the site visit.",
    "Backed our trial openly in their team meeting.",
    "Introduced us to their director and shares the purchase timetable.",
];

pub(super) fn person(account: &Account, s: &PersonSpec, c: Clock, age: i64) -> Contact {
    let mut p = Contact::new(account.id, s.name, c.ago(age));
    p.title = s.title.into();
    p.emails = vec![s.email.into()];
    p.level = Some(s.level);
    p.function = Some(s.function);
    p.roles = s.roles.to_vec();
    p.is_guide = s.guide;
    p.sports = s.hobby.into();
    p.last_met = Some(c.day(7));
    // Up the stages one at a time, each with its evidence, spread over the person's time.
    let steps = s.stage.number() as i64 - 1;
    for (i, to) in RelationshipStage::ALL[1..=steps as usize]
        .iter()
        .enumerate()
    {
        let at = c.ago(age - (i as i64 + 1) * age / (steps + 2));
        change_stage(&mut p.relationship, *to, STAGE_EVIDENCE[i], at)
            .expect("each stage is a step up with evidence");
    }
    p.style = s
        .style
        .map(|st| judge_direct(st, Confidence::Fairly, c.ago(age / 2)));
    p
}

// -------------------------------------------------------------------------------------------
// Deals
// -------------------------------------------------------------------------------------------

/// The evidence of each step's end signal, in step order.
pub(super) const SIGNALS: [&str; 5] = [
    "Clear opportunity: they plan to replace their meters this year and have a budget.",
    "Good relationships with the key people: the user and the evaluator back a trial.",
    "The customer asked in writing for a proposal.",
    "The customer invited us to negotiate the price and terms.",
    "Contract signed.",
];

/// Answers the four qualifying questions "yes" at `at`.
pub(super) fn qualify(d: &mut Deal, at: DateTime<Utc>) {
    for q in QualifyingQuestion::ALL {
        d.qualification
            .answer(*q, Some(Answer::Yes), "Checked with the account team.", at);
    }
}

/// Ticks every checklist item of `step` on `on`.
pub(super) fn tick_all(d: &mut Deal, step: Step, on: NaiveDate) {
    for item in step.checklist() {
        deal::tick(d, item, on);
    }
}

/// Ticks the first `n` checklist items of the deal's current step on `on`.
pub(super) fn tick_some(d: &mut Deal, n: u8, on: NaiveDate) {
    for number in 1..=n {
        if let Some(item) = ChecklistItem::new(d.step, number) {
            deal::tick(d, item, on);
        }
    }
}

/// A deal opened `age` days ago and moved up to `target` by confirming each end signal in
/// turn (the checklist of every step it left fully ticked), the last move `last` days ago.
pub(super) fn deal_at(
    account: &Account,
    title: &str,
    value: i64,
    target: Step,
    c: Clock,
    age: i64,
    last: i64,
) -> Deal {
    let mut d = Deal::new(account.id, title, eur(value), c.ago(age));
    d.owner = "Sam Carter".into();
    let moves = target.number() as i64 - 1;
    if moves > 0 {
        qualify(&mut d, c.ago(age - 1));
    }
    for i in 0..moves {
        // Spread the moves between the start and `last` days ago.
        let days = age - (i + 1) * (age - last) / moves;
        let at = c.ago(days);
        let step = d.step;
        tick_all(&mut d, step, at.date_naive());
        deal::advance(&mut d, SIGNALS[i as usize], at.date_naive(), at)
            .expect("every end signal is confirmed with evidence, in the past");
    }
    d
}

pub(super) fn need(layer: NeedLayer, text: &str, holder: Option<&Contact>, measure: &str) -> Need {
    Need::new(layer, text, holder.map(|p| p.id), measure).expect("the need has a text")
}

// -------------------------------------------------------------------------------------------
// Activities and tasks
// -------------------------------------------------------------------------------------------

pub(super) fn activity(
    kind: ActivityKind,
    people: &[&Contact],
    deal: Option<&Deal>,
    notes: &str,
    c: Clock,
    days: i64,
) -> Activity {
    let at = c.ago(days);
    let mut draft = ActivityDraft::new(kind, at, &Utc, Currency::default());
    draft.contact_ids = people.iter().map(|p| p.id).collect();
    draft.account_id = people.first().map(|p| p.account_id);
    draft.deal_id = deal.map(|d| d.id);
    draft.notes = notes.into();
    if kind == ActivityKind::TechnicalExchange {
        draft.exchange_format = Some(ExchangeFormat::Demo);
    }
    if kind.is_gift() {
        draft.gift_value = "25.00".into();
    }
    let fields = draft.validate(&Utc).expect("a sample activity is valid");
    Activity::new(fields, at)
}

pub(super) fn task(
    title: &str,
    due: NaiveDate,
    person: Option<&Contact>,
    deal: Option<&Deal>,
    c: Clock,
) -> Task {
    let mut t = Task::new(title, Due::on(due), c.ago(3)).expect("a sample task has a title");
    t.contact_id = person.map(|p| p.id);
    t.account_id = person.map(|p| p.account_id).or(deal.map(|d| d.account_id));
    t.deal_id = deal.map(|d| d.id);
    t
}

// -------------------------------------------------------------------------------------------
// Products and the proposal
// -------------------------------------------------------------------------------------------

/// A catalogue product from its form (prices as typed, 21 % tax): name, category, unit,
/// list price, cost, weight (1–5) and description.
pub(super) fn product(spec: [&str; 7], c: Clock) -> Product {
    let [name, category, unit, price, cost, weight, description] = spec;
    let draft = ProductDraft {
        name: name.into(),
        category: category.into(),
        unit: unit.into(),
        list_price: price.into(),
        cost: cost.into(),
        tax_rate: "21".into(),
        weight: weight.into(),
        locomotive: weight == "5",
        description: description.into(),
        ..ProductDraft::default()
    };
    draft
        .validate(None, |_| true)
        .expect("a sample product is valid")
        .into_new(c.ago(120))
}

pub(super) fn line(
    p: &Product,
    qty: &str,
    discount: &str,
    reason: &str,
    needs: &[Id],
) -> LineInput {
    LineInput {
        quantity: qty.into(),
        discount: discount.into(),
        discount_reason: reason.into(),
        need_ids: needs.to_vec(),
        ..LineInput::from_product(p)
    }
}

pub(super) fn lines(
    inputs: &[(LineInput, &Product)],
    ids: &[Id],
    currency: &Currency,
) -> Vec<proposal::QuoteLine> {
    inputs
        .iter()
        .zip(ids)
        .map(|((input, p), id)| {
            build_line(input, Some(p), None, *id, currency).expect("a sample line is valid")
        })
        .collect()
}
