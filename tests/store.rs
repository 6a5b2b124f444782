//! Native tests of the store core with the memory backend: kinds and validation, revisions,
//! snapshots, quarantine, schema migrations and fixtures, the backup codec, import preview /
//! merge / replace / undo, and a corpus of hostile backup files.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::Digest as _;
use sixstep::domain::ids::Id;
use sixstep::domain::money::Money;
use sixstep::impl_record;
use sixstep::store::backend::{export_quarantine, Op};
use sixstep::store::import::prune_snapshots;
use sixstep::store::memory::MemoryState;
use sixstep::store::schema::{migrate_with, Step};
use sixstep::store::*;
use std::collections::BTreeMap;
use std::future::Future;
use std::path::Path;

// ---------------------------------------------------------------------------------------
// Test record types (the real ones live in `domain`; these mimic their shape).

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Grade {
    A,
    B,
    C,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Account {
    id: Id,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    rev: u64,
    name: String,
    grade: Grade,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    notes: String,
}
impl_record!(Account, "accounts");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Contact {
    id: Id,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    rev: u64,
    account: Id,
    name: String,
    #[serde(default)]
    emails: Vec<String>,
}
impl_record!(Contact, "contacts");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Deal {
    id: Id,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    rev: u64,
    account: Id,
    title: String,
    value: Money,
    step: u8,
    expected_close: Option<NaiveDate>,
}
impl_record!(Deal, "deals");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ActivityKind {
    Call,
    Visit,
    Meal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Activity {
    id: Id,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    rev: u64,
    kind: ActivityKind,
    deal: Option<Id>,
    at: DateTime<Utc>,
    #[serde(default)]
    notes: String,
}
impl_record!(Activity, "activities");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Task {
    id: Id,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    rev: u64,
    title: String,
    due: NaiveDate,
    done: bool,
}
impl_record!(Task, "tasks");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Competitor {
    id: Id,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    rev: u64,
    name: String,
    #[serde(default)]
    strengths: Vec<String>,
}
impl_record!(Competitor, "competitors");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct IntelNote {
    id: Id,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    rev: u64,
    text: String,
}
impl_record!(IntelNote, "intel_notes");

/// The test kinds obey only the rules every record obeys (bookkeeping); the real kinds'
/// rules are tested with the real records (`tests/restore_rules.rs`).
macro_rules! meta_rules_only {
    ($($t:ty),*) => {$(
        impl sixstep::domain::rules::Checked for $t {
            fn check(
                &self,
                ctx: &sixstep::domain::rules::CheckContext,
            ) -> Result<(), sixstep::domain::rules::RuleError> {
                use sixstep::domain::ids::Record;
                sixstep::domain::rules::check_meta(&self.meta(), ctx)
            }
            fn display_name(&self) -> Option<&str> {
                None
            }
        }
    )*};
}
meta_rules_only!(Account, Contact, Deal, Activity, Task, Competitor, IntelNote);

/// The clock of every parse in these tests.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap()
}

fn kinds() -> Kinds {
    Kinds::new(vec![
        KindSpec::of::<Account>(),
        KindSpec::of::<Contact>(),
        KindSpec::of::<Deal>(),
        KindSpec::of::<Activity>(),
        KindSpec::of::<Task>(),
        KindSpec::of::<Competitor>(),
        KindSpec::of::<IntelNote>(),
    ])
}

fn backend() -> MemoryBackend {
    MemoryBackend::new(kinds().names())
}

// ---------------------------------------------------------------------------------------
// Helpers.

fn run<F: Future>(f: F) -> F::Output {
    futures::executor::block_on(f)
}

fn sha(bytes: &[u8]) -> String {
    format!("{:x}", sha2::Sha256::digest(bytes))
}

const MAX: usize = 10_000_000;

fn t(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, day, hour, 0, 0).unwrap()
}

fn uid(n: u128) -> Id {
    Id::from_u128(0x5157_0000_0000_4000_8000_0000_0000_0000 | n)
}

fn eur(minor: i64) -> Money {
    Money::new(minor, "EUR".to_string().try_into().unwrap())
}

/// A small book with a few records of every kind, deterministic.
fn sample() -> RecordsByKind {
    let mut out = RecordsByKind::new();
    let mut add = |kind: &str, v: Value| out.entry(kind.to_string()).or_default().push(v);
    let (c, u) = (t(1, 9), t(2, 9));
    let acme = Account {
        id: uid(1),
        created_at: c,
        updated_at: u,
        rev: 2,
        name: "Acme Steel <script>alert(1)</script>".into(),
        grade: Grade::A,
        tags: vec!["steel".into(), "größer & “quoted”".into()],
        notes: "line one\nline two\t\u{1F600}".into(),
    };
    let globex = Account {
        id: uid(2),
        created_at: c,
        updated_at: c,
        rev: 1,
        name: "Globex".into(),
        grade: Grade::C,
        tags: vec![],
        notes: String::new(),
    };
    add("accounts", serde_json::to_value(&acme).unwrap());
    add("accounts", serde_json::to_value(&globex).unwrap());
    for (n, name) in [(11u128, "Ana Pérez"), (12, "李伟")] {
        let c = Contact {
            id: uid(n),
            created_at: c,
            updated_at: u,
            rev: 1,
            account: uid(1),
            name: name.into(),
            emails: vec![format!("c{n}@example.com")],
        };
        add("contacts", serde_json::to_value(&c).unwrap());
    }
    for (n, minor, step) in [(21u128, 12_500_000i64, 3u8), (22, 99, 1), (23, -5, 6)] {
        let d = Deal {
            id: uid(n),
            created_at: c,
            updated_at: u,
            rev: 3,
            account: uid(1),
            title: format!("Deal {n}"),
            value: eur(minor),
            step,
            expected_close: NaiveDate::from_ymd_opt(2026, 6, 30),
        };
        add("deals", serde_json::to_value(&d).unwrap());
    }
    for (n, kind) in [(31u128, ActivityKind::Call), (32, ActivityKind::Meal)] {
        let a = Activity {
            id: uid(n),
            created_at: c,
            updated_at: c,
            rev: 1,
            kind,
            deal: Some(uid(21)),
            at: t(3, 14),
            notes: "</script><img src=x onerror=alert(1)>".into(),
        };
        add("activities", serde_json::to_value(&a).unwrap());
    }
    let task = Task {
        id: uid(41),
        created_at: c,
        updated_at: c,
        rev: 1,
        title: "Send proposal".into(),
        due: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        done: false,
    };
    add("tasks", serde_json::to_value(&task).unwrap());
    let comp = Competitor {
        id: uid(51),
        created_at: c,
        updated_at: c,
        rev: 1,
        name: "Initech".into(),
        strengths: vec!["price".into()],
    };
    add("competitors", serde_json::to_value(&comp).unwrap());
    let note = IntelNote {
        id: uid(61),
        created_at: c,
        updated_at: c,
        rev: 1,
        text: "Customers ask for 3-year service.".into(),
    };
    add("intel_notes", serde_json::to_value(&note).unwrap());
    out
}

// ---------------------------------------------------------------------------------------
// The app's real record types (`sixstep::domain`), for the schema fixtures.

mod real {
    use super::{t, uid};
    use chrono::{NaiveDate, NaiveTime};
    use sixstep::domain::account::{
        Account, Grade, LeadSource, PostalAddress, ProductInUse, Satisfaction,
    };
    use sixstep::domain::activity::{Activity, ActivityKind, ExchangeFormat};
    use sixstep::domain::agenda::Task;
    use sixstep::domain::competitive::{CompetitiveAnalysis, PlanAction, Point, PointKind};
    use sixstep::domain::competitor::{Competitor, CompetitorRep};
    use sixstep::domain::contact::{BuyingFunction, BuyingLevel, BuyingRole, Contact, PersonLink};
    use sixstep::domain::deal::{
        CheckTick, ChecklistItem, Deal, DealPerson, NextStep, Outcome, Step, StepEvent,
        StepEventKind,
    };
    use sixstep::domain::ids::{Id, Record};
    use sixstep::domain::intel::{IntelKind, IntelNote};
    use sixstep::domain::money::{Currency, Money};
    use sixstep::domain::needs::{Need, NeedLayer};
    use sixstep::domain::negotiation::closing::{BuyingSignal, SignalKind};
    use sixstep::domain::negotiation::{
        Agreement, Alternative, Confirmation, ConfirmedBy, Contract, Deadlock, Issue, IssueKind,
        Negotiation, Plan, Position, Round, Side, TeamMember, TeamRole, Term,
    };
    use sixstep::domain::presentation::{
        MainPoint, OutlineStep, PresentationPlan, StepNotes, StepTime,
    };
    use sixstep::domain::price::{PriceBreak, Quantity, Rate, UnitPrice};
    use sixstep::domain::product::{CompetitorPrice, PriceChange, Product};
    use sixstep::domain::proposal::{self, Credential, LineInput, Proposal};
    use sixstep::domain::relationship::{RelationshipStage, StageChange};
    use sixstep::store::RecordsByKind;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn money(minor: i64, code: &str) -> Money {
        Money {
            minor,
            currency: Currency::parse(code).unwrap(),
        }
    }

    /// Fixed bookkeeping: `new()` draws a random id and uses the clock's time.
    fn fix<T: Record>(mut r: T, n: u128, rev: u64, created: (u32, u32), updated: (u32, u32)) -> T {
        let mut m = r.meta();
        m.id = uid(n);
        m.created_at = t(created.0, created.1);
        m.updated_at = t(updated.0, updated.1);
        m.rev = rev;
        r.set_meta(m);
        r
    }

    fn add<T: Record>(out: &mut RecordsByKind, r: T) {
        out.entry(T::KIND.to_string())
            .or_default()
            .push(serde_json::to_value(&r).unwrap());
    }

    /// Trainee mode (schema 6): an answer given to an exercise, and the sample book's
    /// mark naming one record (the lost deal) it added.
    fn training(out: &mut RecordsByKind) {
        use sixstep::domain::training::sample::SampleRecord;
        use sixstep::domain::training::{ExerciseAnswer, SampleBook, Topic};
        add(
            out,
            fix(
                ExerciseAnswer::new(Topic::ComplaintPriority, 4_000_000_007, 2, false, t(5, 9)),
                0xb01,
                1,
                (5, 9),
                (5, 9),
            ),
        );
        let mark = SampleBook::new(
            vec![SampleRecord {
                kind: "deals".into(),
                id: uid(0x503),
            }],
            t(5, 8),
        );
        add(out, fix(mark, 0xb02, 1, (5, 8), (5, 8)));
    }

    /// Step 6 and good vendor practice (schema 5): the won deal's follow-up, an invoice
    /// part paid and overdue, a credit check, a complaint, a referral with a lead, a
    /// partner and a declined request referred to it.
    fn step_six(out: &mut RecordsByKind, now: chrono::DateTime<chrono::Utc>) {
        use sixstep::domain::account::LeadSource;
        use sixstep::domain::complaint::{Complaint, FeedbackKind};
        use sixstep::domain::decline::{
            Alternative, DeclineReason, DeclinedRequest, Partner, TrustLevel,
        };
        use sixstep::domain::followup::{
            CheckKind, ContractItem, ContractItemKind, FollowUp, Milestone, MilestoneKind,
            SatisfactionCheck,
        };
        use sixstep::domain::receivable::{
            CollectionAction, CollectionStep, CreditCheck, CreditOutcome, Invoice, LateCause,
            Payment,
        };
        use sixstep::domain::referral::{Referral, ReferralAnswer, ReferredLead};

        let mut f = fix(FollowUp::new(uid(0x502), now), 0xa01, 3, (3, 9), (4, 9));
        f.checklist = vec![
            ContractItem {
                id: uid(0xa11),
                kind: ContractItemKind::Delivery,
                text: "Sensors delivered to the Ningbo plant".into(),
                due: Some(day(2026, 1, 20)),
                done_on: Some(day(2026, 1, 19)),
                owner: "Ana".into(),
                note: String::new(),
            },
            ContractItem {
                id: uid(0xa12),
                kind: ContractItemKind::TheirObligation,
                text: "Site power ready <before> install".into(),
                due: Some(day(2026, 1, 25)),
                done_on: None,
                owner: "李娜".into(),
                note: "Ask weekly 📞".into(),
            },
        ];
        f.milestones = vec![
            Milestone {
                id: uid(0xa21),
                kind: MilestoneKind::Delivery,
                planned_start: Some(day(2026, 1, 10)),
                planned: day(2026, 1, 20),
                done_on: Some(day(2026, 1, 19)),
                obstacle: String::new(),
                backup_plan: String::new(),
                note: String::new(),
            },
            Milestone {
                id: uid(0xa22),
                kind: MilestoneKind::Acceptance,
                planned_start: None,
                planned: day(2026, 2, 15),
                done_on: None,
                obstacle: "Their QA lead is on leave in February".into(),
                backup_plan: "Deputy signs off; remote session".into(),
                note: String::new(),
            },
        ];
        f.checks = vec![SatisfactionCheck {
            id: uid(0xa31),
            kind: CheckKind::Call,
            on: day(2026, 1, 22),
            person_id: Some(uid(0x203)),
            score: Some(4),
            note: "Happy with delivery".into(),
        }];
        add(out, f);

        let mut inv = fix(
            Invoice::new(
                uid(0x502),
                uid(0x102),
                "INV-2026-001",
                day(2026, 1, 3),
                day(2026, 2, 2),
                money(8_800_000, "CNY"),
                now,
            ),
            0xa41,
            3,
            (3, 9),
            (4, 10),
        );
        inv.payments = vec![Payment {
            id: uid(0xa42),
            on: day(2026, 1, 30),
            amount_minor: 4_400_000,
            note: "First half".into(),
        }];
        inv.late_cause = Some(LateCause::OurFault);
        inv.collection = vec![CollectionStep {
            id: uid(0xa43),
            on: day(2026, 2, 3),
            action: CollectionAction::RepVisits,
            note: "Visit with the acceptance report".into(),
        }];
        inv.note = "PO 4500-77".into();
        add(out, inv);

        let mut cc = fix(
            CreditCheck::new(
                uid(0x102),
                day(2025, 12, 20),
                true,
                CreditOutcome::Sound,
                now,
            ),
            0xa51,
            1,
            (1, 9),
            (1, 9),
        );
        cc.history = "Paid two suppliers on time (references)".into();
        cc.by = "Ana".into();
        add(out, cc);

        let mut c = fix(
            Complaint::new(
                FeedbackKind::Complaint,
                uid(0x102),
                "Sensor 3 reads 2 % high — «urgent»",
                2,
                5,
                t(3, 10),
                now,
            ),
            0xa61,
            2,
            (3, 10),
            (4, 8),
        );
        c.person_id = Some(uid(0x203));
        c.deal_id = Some(uid(0x502));
        c.first_response_at = Some(t(3, 11));
        c.on_site_at = Some(t(4, 8));
        add(out, c);

        let mut r = fix(
            Referral::new(uid(0x203), uid(0x102), day(2026, 1, 22), now),
            0xa71,
            2,
            (3, 9),
            (4, 9),
        );
        r.deal_id = Some(uid(0x502));
        r.answer = ReferralAnswer::Yes;
        r.leads = vec![ReferredLead {
            account_id: uid(ACME),
            person_id: Some(uid(LIN)),
        }];
        add(out, r);

        let mut p = fix(
            Partner::new(
                "Nordic Clean Oy",
                "industrial cleaning",
                TrustLevel::Trusted,
                now,
            ),
            0xa81,
            1,
            (1, 9),
            (1, 9),
        );
        p.neighbouring = vec!["waste handling".into()];
        p.contact = "Aino Virtanen".into();
        p.phone = "+358 40 123 4567".into();
        add(out, p);

        let d = fix(
            DeclinedRequest {
                id: uid(0),
                created_at: now,
                updated_at: now,
                rev: 1,
                on: day(2026, 1, 5),
                requester: "Harbour Foods".into(),
                account_id: None,
                person_id: None,
                asked: "Clean the cold store floor weekly".into(),
                field: "industrial cleaning".into(),
                source: Some(LeadSource::Referral),
                reason: DeclineReason::DifferentBusiness,
                tactical: 2,
                strategic: 4,
                alternatives: vec![Alternative::Partner],
                wait_until: None,
                substitute: String::new(),
                partner_id: Some(uid(0xa81)),
                script: "We do not clean floors, but Nordic Clean does it well.".into(),
                note: String::new(),
            },
            0xa91,
            1,
            (1, 10),
            (1, 10),
        );
        add(out, d);
    }

    /// Work settings that differ from the defaults in every setting (schema 2 on).
    pub fn settings() -> sixstep::store::WorkSettings {
        sixstep::store::WorkSettings {
            gift_limit: Some(money(7_500, "EUR")),
            stuck_days: 45,
            new_customer_target_bp: 2_500,
            // Schema 3 on.
            discount_limit_bp: Some(1_500),
            firm: sixstep::store::settings::FirmProfile {
                name: "Sixstep Sensors GmbH".into(),
                logo: "data:image/png;base64,iVBORw0KGgo=".into(),
                licence: "HRB 12345 — Amtsgericht Berlin".into(),
                profile: "Sensors for steel lines since 1999.".into(),
                products: "IS-2: inline scrap sensor, ±0.1 %.".into(),
            },
            // Schema 5 on.
            satisfaction: sixstep::domain::followup::Cadence {
                call_days: 14,
                request_days: 60,
            },
            collection: sixstep::domain::receivable::CollectionThresholds {
                large_units: 50_000,
                long_days: 45,
            },
            cumulative_discount: vec![
                sixstep::domain::purchase::DiscountTier {
                    from_units: 100_000,
                    bp: 200,
                },
                sixstep::domain::purchase::DiscountTier {
                    from_units: 500_000,
                    bp: 500,
                },
            ],
        }
    }

    pub const ACME: u128 = 0x101;
    pub const LIN: u128 = 0x201;
    pub const DEAL: u128 = 0x501;

    /// A small, realistic book with records of every real kind, deterministic: hostile
    /// strings (`<script>`), non-ASCII text (accents, CJK, emoji), optional fields both set
    /// and empty, nested lists, money in several currencies.
    pub fn book() -> RecordsByKind {
        let mut out = RecordsByKind::new();
        let now = t(1, 9);

        let mut acme = fix(
            Account::new("Acme Steel <script>alert(1)</script>", now),
            ACME,
            3,
            (1, 9),
            (4, 16),
        );
        acme.phones = vec!["+49 30 1234567".into()];
        // Schema 7: the customer's documents are printed in Latvian.
        acme.language = Some(sixstep::i18n::Locale::Lv);
        acme.emails = vec!["einkauf@acme-stahl.example".into()];
        acme.address = PostalAddress {
            street: "Straße des 17. Juni 135".into(),
            city: "Berlin".into(),
            postal_code: "10623".into(),
            region: "Berlin".into(),
            country: "DE".into(),
        };
        acme.website = "https://acme-stahl.example".into();
        acme.industry = "Steel & metal processing".into();
        acme.size = "1,200 employees".into();
        acme.products_in_use = vec![ProductInUse {
            competitor_id: Some(uid(0x301)),
            product: "LineGuard 3000".into(),
            satisfaction: Some(Satisfaction::Unhappy),
            notes: "Downtime every quarter; “too slow” says the plant manager.".into(),
        }];
        acme.purchase_plans = "Replace two lines in 2027.".into();
        acme.problems_to_solve = "Scrap rate 4 %, target < 2 %.".into();
        acme.grade = Some(Grade::A);
        acme.lead_source = Some(LeadSource::Referral);
        acme.owner = "JM".into();
        acme.tags = vec!["steel".into(), "größer & “quoted”".into()];
        acme.notes = "line one\nline two\t😀 </script><img src=x onerror=alert(1)>".into();
        acme.customer_since = Some(day(2021, 3, 15));
        add(&mut out, acme);

        let mut shanghai = fix(
            Account::new("上海精密机械有限公司", now),
            0x102,
            1,
            (1, 9),
            (1, 9),
        );
        shanghai.address.city = "上海".into();
        shanghai.address.country = "CN".into();
        shanghai.grade = Some(Grade::B);
        shanghai.lead_source = Some(LeadSource::TradeDirectory);
        add(&mut out, shanghai);

        let mut old = fix(
            Account::new("Société Générale d’Usinage", now),
            0x103,
            2,
            (1, 9),
            (2, 11),
        );
        old.archived = true;
        old.grade = Some(Grade::C);
        add(&mut out, old);

        let mut lin = fix(
            Contact::new(uid(ACME), "Lin Wei 林伟", now),
            LIN,
            4,
            (1, 10),
            (5, 9),
        );
        lin.title = "Head of Procurement".into();
        lin.phones = vec!["+49 170 0000000".into()];
        lin.emails = vec!["lin.wei@acme-stahl.example".into()];
        lin.level = Some(BuyingLevel::Decision);
        lin.function = Some(BuyingFunction::Procurement);
        lin.roles = vec![BuyingRole::DecisionMaker, BuyingRole::Evaluator];
        lin.is_guide = true;
        lin.home_town = "Hángzhōu".into();
        lin.sports = "Badminton".into();
        lin.friends = vec![PersonLink {
            contact_id: Some(uid(0x202)),
            name: String::new(),
        }];
        lin.last_met = Some(day(2026, 1, 4));
        lin.relationship.stage = RelationshipStage::Dating;
        lin.relationship.history = vec![StageChange {
            at: t(3, 12),
            from: RelationshipStage::Acquaintance,
            to: RelationshipStage::Dating,
            evidence: "Accepted lunch invitation".into(),
        }];
        lin.notes = "<b>not bold</b> & “quotes”".into();
        add(&mut out, lin);

        let mut ana = fix(
            Contact::new(uid(ACME), "Ana Pérez", now),
            0x202,
            1,
            (1, 10),
            (1, 10),
        );
        ana.level = Some(BuyingLevel::Operation);
        ana.function = Some(BuyingFunction::User);
        ana.roles = vec![BuyingRole::User];
        add(&mut out, ana);

        let li = fix(
            Contact::new(uid(0x102), "李娜", now),
            0x203,
            1,
            (1, 10),
            (1, 10),
        );
        add(&mut out, li);

        let mut rival = fix(
            Competitor::new("Initech GmbH", now),
            0x301,
            2,
            (1, 9),
            (2, 9),
        );
        rival.website = "https://initech.example".into();
        rival.products = vec!["LineGuard 3000".into(), "LineGuard Lite".into()];
        rival.strengths = "Price; local service team".into();
        rival.weaknesses = "Slow repairs <script>x</script>".into();
        rival.reps = vec![CompetitorRep {
            name: "Jörg Müller".into(),
            traits: "Golfer".into(),
            ties: vec![PersonLink {
                contact_id: Some(uid(LIN)),
                name: String::new(),
            }],
        }];
        add(&mut out, rival);
        add(
            &mut out,
            fix(
                Competitor::new("Umbrella Ltd", now),
                0x302,
                1,
                (1, 9),
                (1, 9),
            ),
        );

        let mut note = fix(
            IntelNote::new(
                IntelKind::FeedbackOnTheirs,
                day(2026, 1, 3),
                "Initech repairs take 3 weeks",
                now,
            ),
            0x401,
            1,
            (3, 15),
            (3, 15),
        );
        note.account_id = Some(uid(ACME));
        note.competitor_id = Some(uid(0x301));
        note.body = "Heard at the plant: “drei Wochen” for a spare part.".into();
        add(&mut out, note);
        add(
            &mut out,
            fix(
                IntelNote::new(
                    IntelKind::PolicyChange,
                    day(2026, 1, 2),
                    "新的进口关税 (new import tariff)",
                    now,
                ),
                0x402,
                1,
                (2, 8),
                (2, 8),
            ),
        );

        let mut deal = fix(
            Deal::new(
                uid(ACME),
                "Two new lines — Werk Süd",
                money(125_000_000, "EUR"),
                now,
            ),
            DEAL,
            5,
            (1, 11),
            (5, 17),
        );
        deal.expected_close = Some(day(2026, 6, 30));
        deal.probability_override = Some(40);
        deal.step = Step::DiscoverNeeds;
        deal.step_entered_at = t(4, 10);
        deal.history = vec![
            StepEvent {
                at: t(2, 10),
                from: Step::CustomerAnalysis,
                to: Step::BuildingTrust,
                kind: StepEventKind::Advance {
                    signal_evidence: "Lin agreed to a plant visit".into(),
                    signal_date: day(2026, 1, 2),
                },
            },
            StepEvent {
                at: t(4, 10),
                from: Step::BuildingTrust,
                to: Step::DiscoverNeeds,
                kind: StepEventKind::Skip {
                    reason: "Tender announced early".into(),
                },
            },
        ];
        deal.checklist = vec![CheckTick {
            item: ChecklistItem::new(Step::CustomerAnalysis, 1).unwrap(),
            on: day(2026, 1, 1),
        }];
        deal.needs = vec![{
            let mut n = Need::new(
                NeedLayer::Problem,
                "Scrap rate too high",
                Some(uid(LIN)),
                "< 2 %",
            )
            .unwrap();
            n.id = uid(0x5a1);
            n
        }];
        deal.people = vec![DealPerson {
            contact_id: uid(LIN),
            roles: vec![BuyingRole::DecisionMaker],
        }];
        deal.competitor_ids = vec![uid(0x301)];
        deal.next_step = Some(NextStep {
            text: "Send the reference list".into(),
            due: day(2026, 1, 12),
        });
        deal.owner = "JM".into();
        // Step 4 on the deal (schema 3): the competitive analysis and plan, the presentation.
        deal.competitive = CompetitiveAnalysis {
            points: vec![
                Point {
                    id: uid(0x5b1),
                    kind: PointKind::Strength,
                    text: "Scrap below 1.5 % at Werk Nord — <b>proven</b>".into(),
                    need_ids: vec![uid(0x5a1)],
                    person_ids: vec![uid(LIN)],
                },
                Point {
                    id: uid(0x5b2),
                    kind: PointKind::Weakness,
                    text: "No service van in Bavaria".into(),
                    need_ids: Vec::new(),
                    person_ids: vec![uid(0x202)],
                },
            ],
            actions: vec![PlanAction {
                id: uid(0x5b3),
                person_id: uid(LIN),
                point_id: uid(0x5b1),
                text: "Show Lin the Werk Nord scrap report".into(),
            }],
        };
        deal.presentation = PresentationPlan {
            notes: vec![StepNotes {
                step: OutlineStep::GrabAttention,
                text: "Start with last year's 4 % scrap — 1.2 M€ lost".into(),
            }],
            main_points: vec![MainPoint {
                id: uid(0x5b4),
                text: "Less scrap".into(),
                data: "1.5 % at Werk Nord".into(),
                story: "Werk Nord's night shift".into(),
            }],
            rehearsal: vec![StepTime {
                step: OutlineStep::GrabAttention,
                seconds: 95,
            }],
        };

        // The catalogue (schema 3): a product with price breaks, its history and a
        // competitor's price.
        let mut sensor = fix(
            Product::new("Inline scrap sensor «IS-2»", UnitPrice(12_500_000), now),
            0x901,
            3,
            (1, 10),
            (3, 10),
        );
        sensor.category = "Sensors".into();
        sensor.unit = "piece".into();
        sensor.cost = Some(UnitPrice(7_000_000));
        sensor.tax_rate = Rate(1_900);
        sensor.locomotive = true;
        sensor.price_breaks = vec![PriceBreak {
            min_qty: Quantity::units(10),
            unit_price: UnitPrice(11_875_000),
        }];
        sensor.price_history = vec![PriceChange {
            date: day(2026, 1, 3),
            old: UnitPrice(11_900_000),
            new: UnitPrice(12_500_000),
        }];
        sensor.competitor_prices = vec![CompetitorPrice {
            competitor_id: Some(uid(0x301)),
            competitor_name: "LineGuard".into(),
            price: UnitPrice(12_990_000),
            date: day(2026, 1, 5),
            source: "their web shop".into(),
        }];

        // Proposals (schema 3): version 1 sent (frozen, with its hash), version 2 a draft.
        let mut v1 = fix(Proposal::for_deal(&deal, now), 0x911, 2, (4, 11), (4, 12));
        let mut input = LineInput::from_product(&sensor);
        input.quantity = "12".into();
        input.need_ids = vec![uid(0x5a1)];
        let line = proposal::build_line(
            &input,
            Some(&sensor),
            None,
            uid(0x921),
            &Currency::parse("EUR").unwrap(),
        )
        .unwrap();
        v1.content.lines = vec![line];
        v1.content.background = "Two new lines in 2027 & a scrap target of 2 %.".into();
        v1.content.credentials = vec![Credential::CompanyProfile];
        proposal::send(&mut v1, t(4, 12), day(2026, 1, 4)).unwrap();
        let v2 = fix(
            proposal::new_version(&v1, 2, now).unwrap(),
            0x912,
            1,
            (5, 9),
            (5, 9),
        );
        add(&mut out, sensor);
        add(&mut out, v1);
        add(&mut out, v2);
        add(&mut out, deal);

        let mut won = fix(
            Deal::new(uid(0x102), "维修合同 2026", money(8_800_000, "CNY"), now),
            0x502,
            3,
            (1, 11),
            (3, 9),
        );
        won.step = Step::FollowUpService;
        won.outcome = Outcome::Won {
            at: day(2026, 1, 3),
            paid_on: None,
        };
        // The negotiation of the won deal (schema 4): a buying signal, the plan, two
        // rounds, a broken deadlock, the agreed terms confirmed and the contract.
        let mut neg = fix(
            Negotiation::new(uid(0x502), Currency::parse("CNY").unwrap(), now),
            0x951,
            4,
            (2, 9),
            (3, 9),
        );
        neg.closing.signals = vec![BuyingSignal {
            id: uid(0x961),
            on: day(2026, 1, 2),
            kind: SignalKind::Terms,
            text: "Asked whether 60 days net is possible".into(),
        }];
        neg.plan = Plan {
            team: vec![TeamMember {
                id: uid(0x962),
                name: "Ana Ruiz".into(),
                roles: vec![TeamRole::Lead, TeamRole::PriceAuthority],
            }],
            issues: vec![Issue {
                id: uid(0x963),
                kind: IssueKind::Payment,
                label: "Payment terms".into(),
                unit: "days".into(),
                opening: Position::units(30),
                target: Position::units(45),
                bottom: Position::units(60),
                value_per_unit: Some(2_000),
                importance_us: 2,
                importance_them: 5,
                notes: "Their treasury pays on the 25th.".into(),
            }],
            alternative: Alternative {
                text: "Offer the line to the Ningbo plant".into(),
                value_minor: Some(5_000_000),
            },
        };
        neg.rounds = vec![
            Round {
                id: uid(0x964),
                on: day(2026, 1, 2),
                side: Side::Them,
                issue_id: uid(0x963),
                from: Position::units(90),
                to: Position::units(75),
                value_minor: None,
                in_return: String::new(),
                proposal_version: None,
                override_reason: String::new(),
                note: String::new(),
            },
            Round {
                id: uid(0x965),
                on: day(2026, 1, 2),
                side: Side::Us,
                issue_id: uid(0x963),
                from: Position::units(30),
                to: Position::units(40),
                value_minor: None,
                in_return: "Order confirmed this month".into(),
                proposal_version: Some(2),
                override_reason: String::new(),
                note: "维修 terms".into(),
            },
        ];
        neg.deadlocks = vec![Deadlock {
            id: uid(0x966),
            on: day(2026, 1, 2),
            issue_id: Some(uid(0x963)),
            ours: "45 days is our limit this year".into(),
            theirs: "Group policy is 60 days".into(),
            resolution: "Split: 45 days and a 2 % early-payment bonus".into(),
            broken_on: Some(day(2026, 1, 3)),
        }];
        neg.agreement = Agreement {
            terms: vec![Term {
                id: uid(0x967),
                issue_id: Some(uid(0x963)),
                label: "Payment terms".into(),
                value: "45 days net".into(),
                value_minor: None,
                agreed_on: day(2026, 1, 3),
                confirmation: Some(Confirmation {
                    who: "Lin Wei".into(),
                    how: ConfirmedBy::Email,
                    on: day(2026, 1, 3),
                }),
            }],
            contract: Some(Contract {
                number: "C-2026-014".into(),
                signed_on: day(2026, 1, 3),
                value_minor: 8_800_000,
                terms: vec![uid(0x967)],
                note: String::new(),
            }),
        };
        add(&mut out, neg);
        add(&mut out, won);
        step_six(&mut out, now);
        training(&mut out);

        let mut lost = fix(
            Deal::new(uid(0x103), "Retrofit", money(5, "JPY"), now),
            0x503,
            2,
            (1, 11),
            (2, 9),
        );
        lost.outcome = Outcome::Lost {
            at: day(2026, 1, 2),
            reason: "Budget frozen <script>alert('lost')</script>".into(),
        };
        add(&mut out, lost);

        let mut call = fix(
            Activity {
                id: Id::nil(),
                created_at: now,
                updated_at: now,
                rev: 1,
                kind: ActivityKind::PhoneCall,
                exchange_format: None,
                at: t(2, 14),
                contact_ids: vec![uid(LIN)],
                account_id: Some(uid(ACME)),
                deal_id: Some(uid(DEAL)),
                notes: "</script><img src=x onerror=alert(1)>".into(),
                outcome: "Agreed to visit — très bien".into(),
                gift_value: None,
            },
            0x601,
            1,
            (2, 15),
            (2, 15),
        );
        call.outcome.push_str(" ✓");
        add(&mut out, call);
        add(
            &mut out,
            fix(
                Activity {
                    id: Id::nil(),
                    created_at: now,
                    updated_at: now,
                    rev: 1,
                    kind: ActivityKind::TechnicalExchange,
                    exchange_format: Some(ExchangeFormat::Demo),
                    at: t(4, 9),
                    contact_ids: vec![uid(LIN), uid(0x202)],
                    account_id: Some(uid(ACME)),
                    deal_id: Some(uid(DEAL)),
                    notes: String::new(),
                    outcome: String::new(),
                    gift_value: None,
                },
                0x602,
                2,
                (4, 12),
                (4, 13),
            ),
        );
        add(
            &mut out,
            fix(
                Activity {
                    id: Id::nil(),
                    created_at: now,
                    updated_at: now,
                    rev: 1,
                    kind: ActivityKind::SmallGift,
                    exchange_format: None,
                    at: t(5, 11),
                    contact_ids: vec![uid(0x203)],
                    account_id: Some(uid(0x102)),
                    deal_id: None,
                    notes: "月饼 for the team".into(),
                    outcome: String::new(),
                    gift_value: Some(money(3_000, "CNY")),
                },
                0x603,
                1,
                (5, 11),
                (5, 11),
            ),
        );

        let mut task = fix(
            Task::new(
                "Send reference list <script>",
                sixstep::domain::agenda::Due {
                    date: day(2026, 1, 12),
                    time: NaiveTime::from_hms_opt(9, 30, 0),
                },
                now,
            )
            .unwrap(),
            0x701,
            1,
            (4, 16),
            (4, 16),
        );
        task.activity_id = Some(uid(0x601));
        task.contact_id = Some(uid(LIN));
        task.account_id = Some(uid(ACME));
        task.deal_id = Some(uid(DEAL));
        task.notes = "Include the Zürich plant".into();
        add(&mut out, task);
        let mut done = fix(
            Task::new(
                "Call Ana about the demo",
                sixstep::domain::agenda::Due {
                    date: day(2026, 1, 5),
                    time: None,
                },
                now,
            )
            .unwrap(),
            0x702,
            2,
            (3, 9),
            (5, 10),
        );
        done.done_at = Some(t(5, 10));
        add(&mut out, done);

        out
    }
}

fn export_sample() -> String {
    run(export(&sample(), "0.1.0", t(5, 10), &sha))
}

fn parse(text: &str) -> Result<ParsedBackup, ImportError> {
    run(parse_backup(text, &sha, &kinds(), MAX, now()))
}

/// Rebuilds a backup from an envelope whose payload was edited, with correct counts and
/// checksum (so only the intended defect remains).
fn reseal(mut env: Value) -> String {
    let payload = env["payload"].clone();
    let counts: serde_json::Map<String, Value> = payload
        .as_object()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|(k, v)| (k.clone(), Value::from(v.as_array().map_or(0, Vec::len))))
        .collect();
    env["counts"] = Value::Object(counts);
    env["checksum"]["value"] = Value::from(sha(canonical_json(&payload).as_bytes()));
    serde_json::to_string_pretty(&env).unwrap()
}

fn envelope() -> Value {
    serde_json::from_str(&export_sample()).unwrap()
}

/// Imports `text` the way the app does: parse, preview, plan, commit.
fn import_file(b: &MemoryBackend, text: &str, mode: ImportMode) -> Result<Id, String> {
    let parsed = parse(text).map_err(|e| e.key().to_string())?;
    let current = current_values(b);
    let _ = preview(&parsed, &current);
    let snap = SnapshotHeader {
        id: sixstep::domain::ids::new_id(),
        label: "Before import".into(),
        created_at: t(6, 8),
    };
    let id = snap.id;
    let batch = plan_import(&parsed, &current, mode, snap);
    run(b.commit(&batch)).map_err(|e| e.key().to_string())?;
    Ok(id)
}

fn current_values(b: &MemoryBackend) -> RecordsByKind {
    run(b.load_all())
        .unwrap()
        .into_iter()
        .map(|(k, v)| {
            (
                k,
                v.into_iter()
                    .map(|(_, j)| serde_json::from_str(&j).unwrap())
                    .collect(),
            )
        })
        .collect()
}

fn seeded() -> MemoryBackend {
    let b = backend();
    run(open(&b, t(1, 0))).unwrap();
    import_file(&b, &export_sample(), ImportMode::Replace).unwrap();
    b
}

fn records_only(s: &MemoryState) -> BTreeMap<String, BTreeMap<String, String>> {
    s.records.clone()
}

// ---------------------------------------------------------------------------------------
// Kinds and validation.

#[test]
fn validation_names_the_exact_path() {
    let mut env = envelope();
    env["payload"]["deals"][2]["value"]["minor"] = json!(12.5);
    match parse(&reseal(env)) {
        Err(ImportError::InvalidRecord { path, error, .. }) => {
            assert_eq!(path, "deals[2].value.minor");
            assert!(error.message.contains("expected i64"), "{}", error.message);
            // In words: a whole number was expected, a number with decimals found.
            assert_eq!(error.reason.key, "rule.wrong_type");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_record_needs_its_bookkeeping() {
    let cases: Vec<(&str, Value, &str)> = vec![
        ("id", Value::Null, "id"),
        ("id", json!("not-a-uuid"), "id"),
        ("created_at", json!("yesterday"), "created_at"),
        ("updated_at", json!(17), "updated_at"),
        ("rev", json!(0), "rev"),
        ("rev", json!(-1), "rev"),
    ];
    for (field, value, path) in cases {
        let mut env = envelope();
        if value.is_null() {
            env["payload"]["tasks"][0]
                .as_object_mut()
                .unwrap()
                .remove(field);
        } else {
            env["payload"]["tasks"][0][field] = value.clone();
        }
        match parse(&reseal(env)) {
            Err(ImportError::InvalidRecord { path: p, .. }) => {
                assert_eq!(p, format!("tasks[0].{path}"), "{field} = {value}")
            }
            other => panic!("{field}: {other:?}"),
        }
    }
}

#[test]
fn a_record_must_be_an_object() {
    let mut env = envelope();
    env["payload"]["tasks"][0] = json!([1, 2]);
    match parse(&reseal(env)) {
        Err(ImportError::InvalidRecord { path, .. }) => assert_eq!(path, "tasks[0]"),
        other => panic!("{other:?}"),
    }
}

#[test]
#[should_panic(expected = "registered twice")]
fn a_kind_cannot_be_registered_twice() {
    Kinds::new(vec![KindSpec::of::<Task>(), KindSpec::of::<Task>()]);
}

// ---------------------------------------------------------------------------------------
// Backend: revisions, all-or-nothing, failures.

fn task(n: u128, rev: u64, title: &str) -> Task {
    Task {
        id: uid(n),
        created_at: t(1, 9),
        updated_at: t(1, 9 + rev as u32),
        rev,
        title: title.into(),
        due: NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
        done: false,
    }
}

#[test]
fn revisions_are_checked_and_batches_are_all_or_nothing() {
    let b = backend();
    let mut batch = Batch::new();
    batch.put_record(&task(1, 1, "a"), None);
    batch.put_record(&task(2, 1, "b"), None);
    run(b.commit(&batch)).unwrap();

    // An update from the right base succeeds.
    let mut ok = Batch::new();
    ok.put_record(&task(1, 2, "a2"), Some(1));
    run(b.commit(&ok)).unwrap();

    // A stale update refuses the whole batch, including the valid op before it.
    let before = b.dump();
    let mut stale = Batch::new();
    stale.put_record(&task(2, 2, "b2"), Some(1));
    stale.put_record(&task(1, 2, "a-from-old-tab"), Some(1));
    let err = run(b.commit(&stale)).unwrap_err();
    assert_eq!(
        err,
        StoreError::Stale {
            kind: "tasks".into(),
            id: uid(1),
            stored_rev: Some(2)
        }
    );
    assert_eq!(err.key(), "store.error.stale");
    assert_eq!(err.message().get("rev"), Some("2"));
    assert_eq!(b.dump(), before);

    // A create over an existing id is stale too.
    let mut dup = Batch::new();
    dup.put_record(&task(2, 1, "again"), None);
    assert!(matches!(
        run(b.commit(&dup)),
        Err(StoreError::Stale {
            stored_rev: Some(1),
            ..
        })
    ));
    // Deleting from an old rev, or something already deleted.
    let mut del = Batch::new();
    del.delete_record(&task(1, 1, "a"));
    assert!(matches!(run(b.commit(&del)), Err(StoreError::Stale { .. })));
    let mut gone = Batch::new();
    gone.delete_record(&task(9, 1, "never"));
    let e = run(b.commit(&gone)).unwrap_err();
    assert_eq!(e.key(), "store.error.stale_deleted");
    assert_eq!(b.dump(), before);

    // A put whose JSON id differs from its key is refused.
    let mut bad = Batch::new();
    bad.push(Op::Put {
        kind: "tasks".into(),
        id: uid(7),
        json: serde_json::to_string(&task(8, 1, "x")).unwrap(),
        base_rev: None,
    });
    assert!(matches!(
        run(b.commit(&bad)),
        Err(StoreError::Corrupt { .. })
    ));
    // Unknown kind.
    let mut unknown = Batch::new();
    unknown.push(Op::Delete {
        kind: "nope".into(),
        id: uid(1),
        base_rev: 1,
    });
    assert_eq!(
        run(b.commit(&unknown)).unwrap_err().key(),
        "store.error.unknown_kind"
    );
    assert_eq!(b.dump(), before);

    // Deleting from the right base works.
    let mut del_ok = Batch::new();
    del_ok.delete_record(&task(1, 2, "a2"));
    run(b.commit(&del_ok)).unwrap();
    assert_eq!(run(b.load_all()).unwrap()["tasks"].len(), 1);
}

#[test]
fn quota_and_storage_failures_lose_nothing() {
    let b = seeded();
    let before = b.dump();
    b.set_quota(Some(before.size_bytes() + 100));
    let mut big = Batch::new();
    big.put_record(&task(99, 1, &"x".repeat(500)), None);
    let e = run(b.commit(&big)).unwrap_err();
    assert_eq!(e, StoreError::QuotaExceeded);
    assert_eq!(e.key(), "store.error.quota");
    assert_eq!(b.dump(), before);
    // An import over quota is refused whole, too (the snapshot alone doubles the size).
    assert_eq!(
        import_file(&b, &export_sample(), ImportMode::Replace),
        Err("store.error.quota".into())
    );
    assert_eq!(b.dump(), before);
    b.set_quota(None);

    for e in [
        StoreError::Unavailable {
            detail: "InvalidStateError".into(),
        },
        StoreError::UpgradeBlocked,
    ] {
        b.fail_next(e.clone());
        assert_eq!(run(b.commit(&big)), Err(e));
        assert_eq!(b.dump(), before);
    }
    run(b.commit(&big)).unwrap();
}

#[test]
fn batch_names_the_stores_its_transaction_needs() {
    let all = ["accounts", "tasks"];
    let mut b = Batch::new();
    b.put_record(&task(1, 1, "a"), None);
    assert_eq!(b.stores(&all), vec!["tasks"]);
    b.push(Op::Snapshot(SnapshotHeader {
        id: uid(1),
        label: "x".into(),
        created_at: t(1, 1),
    }));
    assert_eq!(
        b.stores(&all),
        vec!["tasks", "accounts", "snapshots", "snapshot_data", "meta"]
    );
}

// ---------------------------------------------------------------------------------------
// Snapshots, quarantine, start-up.

#[test]
fn snapshots_save_list_restore_and_delete() {
    let b = seeded();
    let before = b.dump();
    let h = SnapshotHeader {
        id: uid(900),
        label: "manual".into(),
        created_at: t(7, 7),
    };
    run(b.save_snapshot(h.clone())).unwrap();
    let list = run(b.list_snapshots()).unwrap();
    let info = list.iter().find(|s| s.id == h.id).unwrap();
    assert_eq!(info.counts["deals"], 3);
    assert_eq!(info.schema_version, Some(CURRENT_SCHEMA));

    let mut wipe = Batch::new();
    wipe.push(Op::ClearAll);
    run(b.commit(&wipe)).unwrap();
    assert!(run(b.load_all()).unwrap().values().all(Vec::is_empty));
    run(b.restore_snapshot(h.id)).unwrap();
    assert_eq!(b.dump().records, before.records);

    run(b.delete_snapshot(h.id)).unwrap();
    assert!(run(b.list_snapshots())
        .unwrap()
        .iter()
        .all(|s| s.id != h.id));
    assert_eq!(
        run(b.restore_snapshot(h.id)).unwrap_err().key(),
        "store.error.snapshot_not_found"
    );
    let pruned = prune_snapshots(&list, 0);
    assert_eq!(pruned.len(), list.len());
}

#[test]
fn corrupt_records_are_quarantined_never_dropped() {
    let b = seeded();
    let raw_broken = r#"{"id":"5157000000004000800000000000002a","title":7}"#;
    b.insert_raw("tasks", uid(42), raw_broken);
    let raw_rev0 = serde_json::to_string(&task(43, 0, "zero")).unwrap();
    b.insert_raw("tasks", uid(43), &raw_rev0);
    b.insert_raw("tasks", uid(44), "{not json");

    let opened = run(open(&b, t(8, 8))).unwrap();
    assert_eq!(opened.migrated_from, None);
    let mut loaded = opened.loaded;
    let decoded = decode_kind::<Task>(loaded.remove("tasks").unwrap(), t(8, 8));
    assert_eq!(decoded.records.len(), 1);
    assert_eq!(decoded.corrupt.len(), 3);
    let e42 = decoded
        .corrupt
        .iter()
        .find(|e| e.key == uid(42).to_string())
        .unwrap();
    assert_eq!(e42.raw, raw_broken);
    assert!(
        e42.error.starts_with("created_at") || e42.error.starts_with("title"),
        "{}",
        e42.error
    );
    let e43 = decoded
        .corrupt
        .iter()
        .find(|e| e.key == uid(43).to_string())
        .unwrap();
    assert!(e43.error.starts_with("rev:"), "{}", e43.error);

    run(b.commit(&quarantine_batch(decoded.corrupt.clone()))).unwrap();
    assert_eq!(run(b.load_all()).unwrap()["tasks"].len(), 1);
    let q = run(b.list_quarantine()).unwrap();
    assert_eq!(q.len(), 3);
    let exported = export_quarantine(&q);
    let back: Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(back["entries"].as_array().unwrap().len(), 3);
    assert!(exported.contains("{not json"));
    run(b.delete_quarantine("tasks", &uid(44).to_string())).unwrap();
    assert_eq!(run(b.list_quarantine()).unwrap().len(), 2);

    let e = StoreError::Corrupt {
        kind: "tasks".into(),
        key: e42.key.clone(),
        error: e42.error.clone(),
    };
    assert_eq!(e.key(), "store.error.corrupt");
}

#[test]
fn open_sets_the_version_on_a_new_database_and_refuses_a_newer_one() {
    let b = backend();
    let o = run(open(&b, t(1, 1))).unwrap();
    assert!(o.fresh);
    assert_eq!(run(b.schema_version()).unwrap(), Some(CURRENT_SCHEMA));

    let b = seeded();
    run(b.set_meta(META_SCHEMA_VERSION, &(CURRENT_SCHEMA + 1).to_string())).unwrap();
    let before = b.dump();
    let e = run(open(&b, t(1, 1))).unwrap_err();
    assert_eq!(
        e,
        StoreError::NewerSchema {
            found: CURRENT_SCHEMA + 1,
            current: CURRENT_SCHEMA
        }
    );
    assert_eq!(e.key(), "store.error.newer_schema");
    assert_eq!(b.dump(), before);
}

// ---------------------------------------------------------------------------------------
// Schema versions and migrations.

#[test]
fn a_future_schema_version_is_refused_with_a_clear_error() {
    let mut data = sample();
    let e = migrate(CURRENT_SCHEMA + 1, &mut data).unwrap_err();
    assert_eq!(
        e,
        MigrationError::Newer {
            found: CURRENT_SCHEMA + 1,
            current: CURRENT_SCHEMA
        }
    );
    assert!(e.to_string().contains("newer version"));
    assert_eq!(data, sample());
    assert!(matches!(
        migrate(0, &mut data),
        Err(MigrationError::Unknown { found: 0 })
    ));
    assert_eq!(migrate(CURRENT_SCHEMA, &mut data), Ok(0));
    assert_eq!(data, sample());
}

fn v1_to_v2(data: &mut RecordsByKind) -> Result<(), MigrationError> {
    for (i, d) in data
        .entry("deals".into())
        .or_default()
        .iter_mut()
        .enumerate()
    {
        let obj = d
            .as_object_mut()
            .ok_or_else(|| MigrationError::step(2, "deals", i, "expected an object"))?;
        obj.entry("probability").or_insert(json!(0));
    }
    Ok(())
}

fn v2_to_v3(data: &mut RecordsByKind) -> Result<(), MigrationError> {
    if let Some(notes) = data.remove("intel_notes") {
        data.insert("market_notes".into(), notes);
    }
    Ok(())
}

#[test]
fn the_migration_chain_runs_each_step_from_the_files_version() {
    let steps: &[Step] = &[v1_to_v2, v2_to_v3];
    let mut from1 = sample();
    assert_eq!(migrate_with(steps, 1, &mut from1), Ok(2));
    assert_eq!(from1["deals"][0]["probability"], json!(0));
    assert!(from1.contains_key("market_notes") && !from1.contains_key("intel_notes"));

    let mut from2 = sample();
    assert_eq!(migrate_with(steps, 2, &mut from2), Ok(1));
    assert!(from2["deals"][0].get("probability").is_none());
    assert!(matches!(
        migrate_with(steps, 4, &mut from2),
        Err(MigrationError::Newer {
            found: 4,
            current: 3
        })
    ));
    let mut bad = RecordsByKind::new();
    bad.insert("deals".into(), vec![json!(1)]);
    assert!(matches!(
        migrate_with(steps, 1, &mut bad),
        Err(MigrationError::Step {
            to: 2,
            index: 0,
            ..
        })
    ));
}

/// Every `tests/fixtures/schema_v*.json` (kept forever) migrates to the current version and
/// validates against the app's real record kinds (`registry::app_kinds()`), with records of
/// every kind, and imports into an empty store laid out as the app lays it out.
#[test]
fn every_schema_fixture_migrates_and_validates() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let app = registry::app_kinds();
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !(name.starts_with("schema_v") && name.ends_with(".json")) {
            continue;
        }
        seen += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed = run(parse_backup(&text, &sha, &app, MAX, now()))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let v: u32 = name["schema_v".len()..name.len() - 5].parse().unwrap();
        assert_eq!(parsed.schema_version, v, "{name}");
        assert_eq!(parsed.migrated_steps as u32, CURRENT_SCHEMA - v);
        // Schema 1 files hold no settings; from schema 2 on every setting of the file's
        // version is in the file.
        match v {
            1 => assert_eq!(parsed.settings, None, "{name}"),
            _ => {
                let held = parsed.settings.as_ref().unwrap_or_else(|| panic!("{name}"));
                for k in SettingKey::ALL.iter().filter(|k| k.since() <= v) {
                    assert!(held.get(*k).is_some(), "{name}: no setting {}", k.name());
                }
            }
        }
        for k in app
            .names()
            .filter(|k| v >= 3 || !SINCE_SCHEMA_3.contains(k))
            .filter(|k| v >= 4 || !SINCE_SCHEMA_4.contains(k))
            .filter(|k| v >= 5 || !SINCE_SCHEMA_5.contains(k))
            .filter(|k| v >= 6 || !SINCE_SCHEMA_6.contains(k))
        {
            assert!(
                !parsed.records.get(k).is_none_or(Vec::is_empty),
                "{name}: no {k}"
            );
        }
        // And it imports into an empty store with the app's object stores, whose settings
        // differ from any fixture's.
        let b = MemoryBackend::new(app.names());
        run(open(&b, t(1, 0))).unwrap();
        let mine = WorkSettings {
            gift_limit: None,
            stuck_days: 9,
            new_customer_target_bp: 100,
            ..WorkSettings::default()
        };
        run(b.set_meta(META_SETTINGS, &mine.to_json())).unwrap();
        let current = current_values(&b);
        let snap = SnapshotHeader {
            id: uid(0xfff),
            label: name.clone(),
            created_at: t(6, 8),
        };
        run(b.commit(&plan_import(&parsed, &current, ImportMode::Replace, snap))).unwrap();
        let stored = current_values(&b);
        for k in app.names() {
            let in_file = parsed.records.get(k).map_or(0, Vec::len);
            assert_eq!(stored[k].len(), in_file, "{name}: {k}");
        }
        let mut expected = mine.clone();
        if let Some(p) = &parsed.settings {
            expected.apply(p);
        }
        let settings = run(b.get_meta(META_SETTINGS)).unwrap();
        assert_eq!(
            WorkSettings::from_stored(settings.as_deref()),
            expected,
            "{name}: settings"
        );
    }
    assert!(
        seen as u32 >= CURRENT_SCHEMA,
        "one fixture per schema version"
    );
}

/// The current version's fixture reads back into exactly the records the real types build
/// today: a record struct change that loses or reinterprets stored data (a renamed or
/// retyped field) fails here until it comes with a schema version and a migration step.
/// (A new field with a default passes: old files stay readable.)
#[test]
fn the_current_fixture_reads_back_as_the_real_book() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/schema_v{CURRENT_SCHEMA}.json"));
    let text = std::fs::read_to_string(path).unwrap();
    let parsed = run(parse_backup(
        &text,
        &sha,
        &registry::app_kinds(),
        MAX,
        now(),
    ))
    .unwrap();
    assert_eq!(parsed.records, real::book());
    let mut of_its_version = real::settings().all();
    of_its_version
        .values
        .retain(|s| s.key().since() <= CURRENT_SCHEMA);
    assert_eq!(parsed.settings, Some(of_its_version));
}

/// The kinds that joined in schema 3: older fixtures hold none of them.
const SINCE_SCHEMA_3: &[&str] = &["products", "proposals"];
/// The kinds that joined in schema 4: older fixtures hold none of them.
const SINCE_SCHEMA_4: &[&str] = &["negotiations"];
/// The kinds that joined in schema 5: older fixtures hold none of them.
const SINCE_SCHEMA_5: &[&str] = &[
    "followups",
    "invoices",
    "credit_checks",
    "complaints",
    "referrals",
    "partners",
    "declined_requests",
];

/// The kinds that joined in schema 6: older fixtures hold none of them.
const SINCE_SCHEMA_6: &[&str] = &["exercise_answers", "sample_books"];

fn export_real_book() -> String {
    run(export_with_settings(
        &real::book(),
        &real::settings(),
        "0.1.0",
        t(6, 10),
        &sha,
    ))
}

/// Writes `tests/fixtures/schema_v{CURRENT}.json` from the real book. Run by hand, once per
/// new schema version: `cargo test --test store -- --ignored write_fixture`.
#[test]
#[ignore]
fn write_fixture() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/schema_v{CURRENT_SCHEMA}.json"));
    assert!(
        !path.exists(),
        "fixtures are kept forever; never overwrite one"
    );
    std::fs::write(path, export_real_book()).unwrap();
}

// ---------------------------------------------------------------------------------------
// Backup codec.

#[test]
fn export_round_trips_and_is_deterministic() {
    let text = export_sample();
    let parsed = parse(&text).unwrap();
    assert_eq!(parsed.records, sample());
    assert_eq!(parsed.app_version, "0.1.0");
    assert_eq!(parsed.exported_at, t(5, 10));
    assert_eq!(parsed.counts["deals"], 3);
    // Same records in another order → the same file.
    let mut shuffled = sample();
    shuffled.values_mut().for_each(|v| v.reverse());
    assert_eq!(run(export(&shuffled, "0.1.0", t(5, 10), &sha)), text);
    // Export → import → export gives the same checksum.
    let again = run(export(&parsed.records, "0.1.0", t(5, 10), &sha));
    assert_eq!(again, text);
    let env: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(env["format"], "sixstep-backup");
    assert_eq!(env["schema_version"], CURRENT_SCHEMA);
    assert_eq!(env["checksum"]["algorithm"], "SHA-256");
    assert_eq!(
        env["checksum"]["value"],
        sha(canonical_json(&env["payload"]).as_bytes())
    );
}

#[test]
fn script_tags_in_strings_round_trip_unchanged() {
    let parsed = parse(&export_sample()).unwrap();
    assert_eq!(
        parsed.records["accounts"][0]["name"],
        "Acme Steel <script>alert(1)</script>"
    );
    assert_eq!(
        parsed.records["activities"][0]["notes"],
        "</script><img src=x onerror=alert(1)>"
    );
    let b = seeded();
    let stored = &run(b.load_all()).unwrap()["accounts"][0].1;
    assert!(stored.contains("<script>alert(1)</script>"));
}

#[test]
fn the_checksum_survives_reformatting_but_not_edits() {
    let env = envelope();
    let pretty = serde_json::to_string_pretty(&env).unwrap();
    assert!(parse(&pretty).is_ok());
    let compact = serde_json::to_string(&env).unwrap();
    assert!(parse(&compact).is_ok());
    assert_eq!(
        canonical_json(&json!({"b": [1, {"d": 1, "c": "é\n"}], "a": null})),
        r#"{"a":null,"b":[1,{"c":"é\n","d":1}]}"#
    );
}

#[test]
fn verify_export_checks_counts_and_checksum() {
    let text = export_sample();
    let counts: BTreeMap<String, usize> =
        sample().iter().map(|(k, v)| (k.clone(), v.len())).collect();
    run(verify_export(&text, &counts, &sha)).unwrap();
    let mut more = counts.clone();
    *more.get_mut("deals").unwrap() += 1;
    let e = run(verify_export(&text, &more, &sha)).unwrap_err();
    assert_eq!(
        e,
        ImportError::ExportMismatch {
            kind: "deals".into(),
            expected: 4,
            found: 3
        }
    );
    let cut = &text[..text.len() / 2];
    let e = run(verify_export(cut, &counts, &sha)).unwrap_err();
    assert_eq!(e.key(), "store.backup.verify_unreadable");
    let empty_store = run(export(&RecordsByKind::new(), "0.1.0", t(1, 1), &sha));
    run(verify_export(&empty_store, &BTreeMap::new(), &sha)).unwrap();
}

#[test]
fn a_file_read_back_must_be_what_was_written_byte_for_byte() {
    // Larger than one piece of the comparison (a megabyte), so that pieces are walked.
    let written: Vec<u8> = (0..2_500_000u32).map(|i| (i % 251) as u8).collect();
    let read_back = |file: &[u8]| {
        let file = file.to_vec();
        check_read_back(&written, file.len(), move |at, buffer| {
            buffer.copy_from_slice(&file[at..at + buffer.len()])
        })
    };
    read_back(&written).unwrap();
    let mut changed = written.clone();
    changed[2_000_001] ^= 1;
    let e = read_back(&changed).unwrap_err();
    assert_eq!(e.key(), "store.backup.verify_unreadable");
    assert!(format!("{e:?}").contains("byte 2000001"), "{e:?}");
    let e = read_back(&written[..written.len() - 1]).unwrap_err();
    assert_eq!(e.key(), "store.backup.verify_unreadable");
    check_read_back(b"", 0, |_, _| unreachable!()).unwrap();
}

#[test]
fn an_older_file_is_migrated_on_import() {
    // The chain mechanics are covered by
    // `the_migration_chain_runs_each_step_from_the_files_version`.
    let parsed = parse(&export_sample()).unwrap();
    assert_eq!(parsed.migrated_steps, 0);
    let mut env = envelope();
    env["schema_version"] = json!(1);
    let old = parse(&serde_json::to_string_pretty(&env).unwrap()).unwrap();
    assert_eq!(
        (old.schema_version, old.migrated_steps),
        (1, CURRENT_SCHEMA as usize - 1)
    );
    assert_eq!(old.records, sample());
}

// ---------------------------------------------------------------------------------------
// Import preview, merge, replace, undo.

fn edit(env: &mut Value, kind: &str, i: usize, f: impl FnOnce(&mut Value)) {
    f(&mut env["payload"][kind][i]);
}

#[test]
fn preview_counts_and_merge_rules() {
    let b = seeded();
    let mut env = envelope();
    // deals[0]: newer in the file → merge takes it.
    edit(&mut env, "deals", 0, |d| {
        d["title"] = json!("Renamed in file");
        d["updated_at"] = json!("2026-01-09T00:00:00Z");
        d["rev"] = json!(1);
    });
    // deals[1]: older in the file → merge keeps the store's.
    edit(&mut env, "deals", 1, |d| {
        d["title"] = json!("Stale title");
        d["updated_at"] = json!("2026-01-01T00:00:00Z");
    });
    // deals[2]: same updated_at, different content → conflict, store kept.
    edit(&mut env, "deals", 2, |d| d["title"] = json!("Conflicting"));
    // A new task, and a competitor missing from the file.
    let new_task = serde_json::to_value(task(77, 1, "new from file")).unwrap();
    env["payload"]["tasks"]
        .as_array_mut()
        .unwrap()
        .push(new_task);
    env["payload"]["competitors"] = json!([]);
    let text = reseal(env);
    let parsed = parse(&text).unwrap();
    let current = current_values(&b);
    let p = preview(&parsed, &current);
    let d = &p.kinds["deals"];
    assert_eq!(
        (d.in_file, d.in_store, d.new, d.changed, d.unchanged),
        (3, 3, 0, 3, 0)
    );
    assert_eq!(
        (d.merge_takes_file, d.merge_keeps_store, d.conflicts),
        (1, 1, 1)
    );
    assert_eq!(p.conflicts.len(), 1);
    assert_eq!(p.conflicts[0].id, uid(23));
    assert_eq!((p.kinds["tasks"].new, p.kinds["tasks"].unchanged), (1, 1));
    assert_eq!(p.kinds["competitors"].only_in_store, 1);
    assert_eq!(p.kinds["competitors"].after(ImportMode::Merge), 1);
    assert_eq!(p.kinds["competitors"].after(ImportMode::Replace), 0);
    assert_eq!(p.kinds["accounts"].unchanged, 2);
    assert!(!p.is_noop(ImportMode::Merge));

    let before = b.dump();
    import_file(&b, &text, ImportMode::Merge).unwrap();
    let after = current_values(&b);
    let deal = |id: Id| {
        after["deals"]
            .iter()
            .find(|d| d["id"] == json!(id.to_string()))
            .unwrap()
            .clone()
    };
    let d0 = deal(uid(21));
    assert_eq!(d0["title"], "Renamed in file");
    assert_eq!(
        d0["rev"], 4,
        "rev never goes back: max(file 1, stored 3 + 1)"
    );
    assert_eq!(deal(uid(22))["title"], "Deal 22");
    assert_eq!(deal(uid(23))["title"], "Deal 23");
    assert_eq!(after["tasks"].len(), 2);
    assert_eq!(after["competitors"].len(), 1, "merge never deletes");
    // Unchanged records are byte-identical.
    assert_eq!(b.dump().records["accounts"], before.records["accounts"]);
}

#[test]
fn replace_then_undo_restores_the_store_exactly() {
    let b = seeded();
    // Make the store differ from the file, then replace.
    let mut extra = Batch::new();
    extra.put_record(&task(88, 1, "only in store"), None);
    run(b.commit(&extra)).unwrap();
    let before = b.dump();

    let mut env = envelope();
    env["payload"]["tasks"] = json!([]);
    env["payload"]["deals"].as_array_mut().unwrap().truncate(1);
    let snap = import_file(&b, &reseal(env), ImportMode::Replace).unwrap();
    let mid = current_values(&b);
    assert_eq!(mid["tasks"].len(), 0);
    assert_eq!(mid["deals"].len(), 1);
    assert_eq!(mid["accounts"].len(), 2);

    run(b.commit(&undo_import(snap))).unwrap();
    let restored = b.dump();
    assert_eq!(records_only(&restored), records_only(&before));
    assert_eq!(restored.meta, before.meta);
    assert_eq!(restored.quarantine, before.quarantine);
}

#[test]
fn export_clear_import_gives_an_identical_export() {
    let b = seeded();
    let values = current_values(&b);
    let first = run(export(&values, "0.1.0", t(9, 9), &sha));
    let mut wipe = Batch::new();
    wipe.push(Op::ClearAll);
    run(b.commit(&wipe)).unwrap();
    import_file(&b, &first, ImportMode::Merge).unwrap();
    let second = run(export(&current_values(&b), "0.1.0", t(9, 9), &sha));
    assert_eq!(first, second);
}

#[test]
fn an_import_racing_another_tab_is_refused_whole() {
    let b = seeded();
    let mut env = envelope();
    edit(&mut env, "deals", 0, |d| {
        d["updated_at"] = json!("2026-01-09T00:00:00Z");
        d["title"] = json!("from file");
    });
    let parsed = parse(&reseal(env)).unwrap();
    let current = current_values(&b);
    let batch = plan_import(
        &parsed,
        &current,
        ImportMode::Merge,
        SnapshotHeader {
            id: uid(500),
            label: "x".into(),
            created_at: t(1, 1),
        },
    );
    // Meanwhile another tab saves deal 21.
    let mut d: Deal = serde_json::from_value(current["deals"][0].clone()).unwrap();
    d.rev = 4;
    let mut other = Batch::new();
    other.put_record(&d, Some(3));
    run(b.commit(&other)).unwrap();
    let before = b.dump();
    assert!(matches!(
        run(b.commit(&batch)),
        Err(StoreError::Stale {
            stored_rev: Some(4),
            ..
        })
    ));
    assert_eq!(b.dump(), before);
}

// ---------------------------------------------------------------------------------------
// Hostile files: each refused with its specific error, the store unchanged.

fn hostile_corpus() -> Vec<(&'static str, String, &'static str)> {
    let good = export_sample();
    let env = envelope();
    let with = |f: &dyn Fn(&mut Value)| {
        let mut e = env.clone();
        f(&mut e);
        serde_json::to_string_pretty(&e).unwrap()
    };
    let sealed = |f: &dyn Fn(&mut Value)| {
        let mut e = env.clone();
        f(&mut e);
        reseal(e)
    };
    let mut deep = String::new();
    for _ in 0..10_000 {
        deep.push('[');
    }
    vec![
        ("empty file", String::new(), "store.import.empty"),
        ("only whitespace", " \n\t ".into(), "store.import.empty"),
        (
            "truncated",
            good[..good.len() * 2 / 3].to_string(),
            "store.import.truncated",
        ),
        (
            "not json",
            "name,value\nacme,1\n".into(),
            "store.import.not_json",
        ),
        (
            "trailing garbage",
            format!("{good}}}"),
            "store.import.not_json",
        ),
        (
            "NaN number",
            good.replacen("\"rev\":3", "\"rev\":NaN", 1),
            "store.import.not_json",
        ),
        (
            "Infinity",
            good.replacen("\"rev\":3", "\"rev\":Infinity", 1),
            "store.import.not_json",
        ),
        ("array at top", "[1,2,3]".into(), "store.import.not_object"),
        (
            "string at top",
            "\"sixstep-backup\"".into(),
            "store.import.not_object",
        ),
        ("deeply nested", deep, "store.import.too_deep"),
        (
            "50 MB of junk",
            "A".repeat(50_000_000),
            "store.import.too_large",
        ),
        (
            "other json",
            r#"{"hello":"world"}"#.into(),
            "store.import.not_backup",
        ),
        (
            "wrong format",
            with(&|e| e["format"] = json!("crm-export")),
            "store.import.wrong_format",
        ),
        (
            "future schema",
            with(&|e| e["schema_version"] = json!(CURRENT_SCHEMA + 1)),
            "store.import.newer_version",
        ),
        (
            "huge schema",
            with(&|e| e["schema_version"] = json!(1e300)),
            "store.import.unknown_version",
        ),
        (
            "schema zero",
            with(&|e| e["schema_version"] = json!(0)),
            "store.import.unknown_version",
        ),
        (
            "schema as text",
            with(&|e| e["schema_version"] = json!("1")),
            "store.import.unknown_version",
        ),
        (
            "missing payload",
            with(&|e| {
                e.as_object_mut().unwrap().remove("payload");
            }),
            "store.import.missing_field",
        ),
        (
            "missing checksum",
            with(&|e| {
                e.as_object_mut().unwrap().remove("checksum");
            }),
            "store.import.missing_field",
        ),
        (
            "payload is an array",
            sealed(&|e| e["payload"] = json!([])),
            "store.import.wrong_type",
        ),
        (
            "kind is not a list",
            sealed(&|e| e["payload"]["deals"] = json!({"0": {}})),
            "store.import.wrong_type",
        ),
        (
            "bad exported_at",
            with(&|e| e["exported_at"] = json!("last Tuesday")),
            "store.import.wrong_type",
        ),
        (
            "md5 checksum",
            with(&|e| e["checksum"]["algorithm"] = json!("MD5")),
            "store.import.checksum_algorithm",
        ),
        (
            "wrong checksum",
            with(&|e| e["checksum"]["value"] = json!("0".repeat(64))),
            "store.import.checksum",
        ),
        (
            "edited payload",
            with(&|e| e["payload"]["deals"][0]["title"] = json!("edited")),
            "store.import.checksum",
        ),
        (
            "counts mismatch",
            with(&|e| e["counts"]["deals"] = json!(4)),
            "store.import.counts",
        ),
        (
            "record removed",
            with(&|e| {
                e["payload"]["deals"].as_array_mut().unwrap().pop();
            }),
            "store.import.counts",
        ),
        (
            "unknown kind",
            sealed(&|e| e["payload"]["invoices_v9"] = json!([])),
            "store.import.unknown_kind",
        ),
        (
            "duplicate ids",
            sealed(&|e| {
                let d = e["payload"]["deals"][0].clone();
                e["payload"]["deals"].as_array_mut().unwrap().push(d);
            }),
            "store.import.duplicate_id",
        ),
        (
            "duplicate ids, other case",
            sealed(&|e| {
                let mut d = e["payload"]["deals"][0].clone();
                d["id"] = json!(d["id"].as_str().unwrap().to_uppercase());
                e["payload"]["deals"].as_array_mut().unwrap().push(d);
            }),
            "store.import.duplicate_id",
        ),
        (
            "negative rev",
            sealed(&|e| e["payload"]["deals"][0]["rev"] = json!(-1)),
            "store.import.invalid_record",
        ),
        (
            "bad uuid",
            sealed(&|e| e["payload"]["contacts"][1]["id"] = json!("1234")),
            "store.import.invalid_record",
        ),
        (
            "bad date",
            sealed(&|e| e["payload"]["tasks"][0]["due"] = json!("2026-02-30")),
            "store.import.invalid_record",
        ),
        (
            "wrong type",
            sealed(&|e| e["payload"]["tasks"][0]["done"] = json!("yes")),
            "store.import.invalid_record",
        ),
        (
            "fractional minor units",
            sealed(&|e| e["payload"]["deals"][0]["value"]["minor"] = json!(10.5)),
            "store.import.invalid_record",
        ),
        (
            "huge minor units",
            sealed(&|e| e["payload"]["deals"][0]["value"]["minor"] = json!(1e30)),
            "store.import.invalid_record",
        ),
        (
            "u64 minor units",
            sealed(&|e| e["payload"]["deals"][0]["value"]["minor"] = json!(u64::MAX)),
            "store.import.invalid_record",
        ),
        (
            "bad currency",
            sealed(&|e| e["payload"]["deals"][0]["value"]["currency"] = json!("euro")),
            "store.import.invalid_record",
        ),
        (
            "unknown enum",
            sealed(&|e| e["payload"]["activities"][0]["kind"] = json!("<script>")),
            "store.import.invalid_record_unnamed",
        ),
        (
            "record is null",
            sealed(&|e| e["payload"]["accounts"][0] = Value::Null),
            "store.import.invalid_record_unnamed",
        ),
    ]
}

#[test]
fn hostile_files_are_refused_with_specific_errors_and_the_store_unchanged() {
    let b = seeded();
    let before = b.dump();
    let corpus = hostile_corpus();
    assert!(corpus.len() >= 20);
    for (name, text, key) in &corpus {
        let max = if *name == "50 MB of junk" {
            20_000_000
        } else {
            60_000_000
        };
        let got = run(parse_backup(text, &sha, &kinds(), max, now()));
        match &got {
            Err(e) => assert_eq!(e.key(), *key, "{name}: {e:?}"),
            Ok(_) => panic!("{name}: accepted"),
        }
        for mode in [ImportMode::Replace, ImportMode::Merge] {
            assert!(import_file(&b, text, mode).is_err(), "{name}");
        }
        assert_eq!(b.dump(), before, "{name}: the store changed");
    }
}

#[test]
fn hostile_errors_carry_precise_arguments() {
    let mut env = envelope();
    let d = env["payload"]["deals"][0].clone();
    env["payload"]["deals"].as_array_mut().unwrap().push(d);
    let e = parse(&reseal(env)).unwrap_err();
    let m = e.message();
    assert_eq!(m.get("first"), Some("deals[0]"));
    assert_eq!(m.get("second"), Some("deals[3]"));
    assert_eq!(m.get("id"), Some(uid(21).to_string().as_str()));

    let mut env = envelope();
    env["payload"]["deals"][1]["value"]["minor"] = json!(1e30);
    let e = parse(&reseal(env)).unwrap_err();
    assert_eq!(e.message().get("path"), Some("deals[1].value.minor"));

    let e = parse(&export_sample().replace("\"format\": \"sixstep-backup\"", "\"format\": \"x\""))
        .unwrap_err();
    assert_eq!(e, ImportError::WrongFormat { found: "x".into() });

    let good = export_sample();
    match parse(&good[..good.len() - 10]) {
        Err(ImportError::Truncated { line, .. }) => assert!(line > 10),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        run(parse_backup(&"A".repeat(1000), &sha, &kinds(), 999, now())),
        Err(ImportError::TooLarge {
            bytes: 1000,
            max_bytes: 999
        })
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", export_sample());
    assert_eq!(parse(&text).unwrap().records, sample());
}

#[test]
fn the_sample_contains_every_kind() {
    for k in kinds().names() {
        assert!(sample().contains_key(k));
    }
    let parsed = parse(&export_sample()).unwrap();
    let current = RecordsByKind::new();
    let p = preview(&parsed, &current);
    assert_eq!(p.kinds["deals"].new, 3);
    assert!(!p.is_noop(ImportMode::Merge));
}

// ---------------------------------------------------------------------------------------
// Messages: every key is in both catalogues, with the placeholders its arguments fill.

fn catalogue(locale: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("src/i18n/{locale}/store.txt"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (k, v) = l.split_once(" = ").expect("key = value");
            (k.trim().to_string(), v.to_string())
        })
        .collect()
}

fn placeholders(s: &str) -> Vec<String> {
    s.split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
        .collect()
}

#[test]
fn every_message_key_is_in_both_catalogues_with_its_placeholders() {
    let en = catalogue("en");
    let es = catalogue("es");
    assert_eq!(
        en.keys().collect::<Vec<_>>(),
        es.keys().collect::<Vec<_>>(),
        "same keys in en and es"
    );
    let mut messages: Vec<Message> = vec![
        StoreError::QuotaExceeded.message(),
        StoreError::Unavailable { detail: "d".into() }.message(),
        StoreError::UpgradeBlocked.message(),
        StoreError::CodeMissing.message(),
        StoreError::Stale {
            kind: "deals".into(),
            id: uid(1),
            stored_rev: Some(2),
        }
        .message(),
        StoreError::Stale {
            kind: "deals".into(),
            id: uid(1),
            stored_rev: None,
        }
        .message(),
        StoreError::Corrupt {
            kind: "k".into(),
            key: "1".into(),
            error: "e".into(),
        }
        .message(),
        StoreError::NewerSchema {
            found: 2,
            current: 1,
        }
        .message(),
        StoreError::Migration {
            message: "m".into(),
        }
        .message(),
        StoreError::UnknownKind { kind: "k".into() }.message(),
        StoreError::SnapshotNotFound { id: uid(1) }.message(),
        ImportError::ExportUnreadable { error: "e".into() }.message(),
        ImportError::ExportMismatch {
            kind: "k".into(),
            expected: 1,
            found: 0,
        }
        .message(),
        ImportError::Migration {
            message: "m".into(),
        }
        .message(),
        ImportError::MissingLink {
            path: "deals[0].account_id".into(),
            kind: "deals".into(),
            index: 0,
            name: Some("Line 4".into()),
            target_kind: "accounts".into(),
        }
        .message(),
        ImportError::MissingLink {
            path: "activities[0].account_id".into(),
            kind: "activities".into(),
            index: 0,
            name: None,
            target_kind: "accounts".into(),
        }
        .message(),
        ImportError::NotUtf8 {
            encoding: "UTF-16",
            offset: 0,
        }
        .message(),
        ImportError::NotUtf8 {
            encoding: "8-bit",
            offset: 7,
        }
        .message(),
        StoreError::Invalid {
            kind: "deals".into(),
            error: Box::new(ValidationError::new("title", "missing field")),
        }
        .message(),
    ];
    for (_, text, _) in hostile_corpus() {
        if let Err(e) = run(parse_backup(&text, &sha, &kinds(), 20_000_000, now())) {
            messages.push(e.message());
        }
    }
    let mut keys_used = std::collections::BTreeSet::new();
    for m in &messages {
        keys_used.insert(m.key);
        for cat in [&en, &es] {
            let line = cat
                .get(m.key)
                .unwrap_or_else(|| panic!("{} missing", m.key));
            for p in placeholders(line) {
                assert!(
                    m.get(&p).is_some() || m.parts.iter().any(|(n, _)| *n == p),
                    "{}: no argument for {{{p}}}",
                    m.key
                );
            }
        }
    }
    // Every catalogue key is produced by some error.
    for k in en.keys() {
        assert!(keys_used.contains(k.as_str()), "{k} is never used");
    }
}

// ---------------------------------------------------------------------------------------
// The fast paths (text scanning, no `Value` tree) agree exactly with the general ones.

#[test]
fn the_canonical_scanner_is_exact_or_declines() {
    use sixstep::store::canon::canonicalize;
    let deep_ok = format!("{}1{}", "[".repeat(90), "]".repeat(90));
    let too_deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
    let texts: Vec<String> = [
        r#"{"b":[1,{"d":1,"c":"é\n"}],"a":null}"#,
        r#" { "z" : true , "a" : [ ] , "m" : { } } "#,
        r#"{"id":"00000000-0000-0000-0000-000000000001","rev":1}"#,
        r#"[0,-1,1,18446744073709551615,18446744073709551616,-9223372036854775808,-9223372036854775809]"#,
        r#"[-0,0.0,-0.0,1.0,1.5,1e5,1E-7,2.5e+3,0.1,123456789012345678901234567890]"#,
        r#"[01]"#,
        r#"[1.]"#,
        r#"[-]"#,
        r#"[1e400]"#,
        r#"["\u0001\u001f\b\f\n\r\t\"\\","\u0008","\u000a","\u00e9","\/","\uD83D\uDE00","😀","\u00AB"]"#,
        "[\"raw\u{1}control\"]",
        r#"{"a":1,"a":2}"#,
        r#"{"b":1,"a":2,"b":3}"#,
        r#"{"k\u0061":1}"#,
        r#"{"id":"x","a":{"id":"nested"}}"#,
        r#"{"a":1}x"#,
        r#"{"a":1"#,
        r#"tru"#,
        r#"nul"#,
        r#""text""#,
        r#"{"a":[1,2,]}"#,
        r#"{"a" 1}"#,
        "",
        "   ",
        &deep_ok,
        &too_deep,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut accepted = 0;
    for t in &texts {
        let parsed = serde_json::from_str::<Value>(t);
        match canonicalize(t) {
            Some(c) => {
                accepted += 1;
                let v = parsed.unwrap_or_else(|e| panic!("accepted invalid {t:?}: {e}"));
                assert_eq!(c, canonical_json(&v), "for {t:?}");
            }
            None => {
                // Declining is always allowed; the callers then parse. But the shapes the
                // store writes must take the fast path.
                assert!(
                    !t.starts_with(r#"{"b":[1"#) && !t.starts_with(r#" { "z""#),
                    "declined {t:?}"
                );
            }
        }
    }
    assert!(accepted >= 8, "only {accepted} accepted");
    // Every stored record of the real book is canonical and takes the fast path.
    for (kind, recs) in real::book() {
        for r in recs {
            let text = canonical_json(&r);
            assert_eq!(
                canonicalize(&text).as_deref(),
                Some(text.as_str()),
                "{kind}"
            );
            let struct_order = serde_json::to_string(&r).unwrap();
            assert_eq!(canonicalize(&struct_order).as_deref(), Some(text.as_str()));
        }
    }
}

#[test]
fn strings_are_escaped_exactly_as_serde_json_does() {
    use sixstep::store::canon::push_json_string;
    let mut all: String = (0u32..0x250).filter_map(char::from_u32).collect();
    all.push_str("\u{2028}\u{2029}\u{feff}😀</script>\"\\");
    for s in [all.as_str(), "", "plain", "\u{7f}", "a\u{0}b"] {
        let mut out = String::new();
        push_json_string(&mut out, s);
        assert_eq!(out, serde_json::to_string(s).unwrap());
    }
}

#[test]
fn export_from_stored_texts_is_byte_identical_to_export_of_values() {
    let mut book = real::book();
    // Odd but possible stored texts: not canonical, an upper-case id, not JSON at all.
    let mut loaded: sixstep::store::Loaded = BTreeMap::new();
    for (kind, recs) in &book {
        let mut v: Vec<(String, String)> = recs
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let id: Id = r["id"].as_str().unwrap().parse().unwrap();
                let text = match i % 3 {
                    0 => canonical_json(r),
                    1 => serde_json::to_string_pretty(r).unwrap(),
                    _ => serde_json::to_string(r)
                        .unwrap()
                        .replace("\"rev\":", "\"rev\" : "),
                };
                (id.to_string(), text)
            })
            .collect();
        v.reverse();
        loaded.insert(kind.clone(), v);
    }
    let acc = loaded.get_mut("accounts").unwrap();
    let upper = acc[0].1.replace(&acc[0].0, &acc[0].0.to_uppercase());
    acc[0].1 = upper.clone();
    acc.push((uid(999).to_string(), "{not json".into()));
    acc.push((
        uid(998).to_string(),
        r#"{"name":"\u00e9t\u00e9","rev":1}"#.into(),
    ));
    loaded.insert("tasks".into(), Vec::new());
    let values: RecordsByKind = loaded
        .iter()
        .map(|(k, recs)| {
            let v = recs
                .iter()
                .filter_map(|(_, t)| serde_json::from_str::<Value>(t).ok())
                .collect();
            (k.clone(), v)
        })
        .collect();
    book.entry("tasks".into()).or_default();
    let (fast, counts) = run(export_loaded(&loaded, "0.1.0", t(6, 10), &sha));
    let general = run(export(&values, "0.1.0", t(6, 10), &sha));
    assert_eq!(fast, general);
    // A kind with no record (tasks here) is left out of the file by both paths.
    let expected: BTreeMap<String, usize> = values
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.clone(), v.len()))
        .collect();
    assert_eq!(counts, expected);
    assert!(!fast.contains("\"tasks\""));
    run(verify_export(&fast, &counts, &sha)).unwrap();
}

/// The same file with one record string escaped as `\u00e9` instead of `é`: the scanner
/// declines it, so it is read by the general path.
fn general_path_variant(text: &str) -> String {
    let i = text.find('é').expect("the sample has an é");
    format!("{}\\u00e9{}", &text[..i], &text[i + 'é'.len_utf8()..])
}

#[test]
fn the_fast_and_general_import_paths_agree() {
    let env = envelope();
    let text = serde_json::to_string_pretty(&env).unwrap();
    assert!(text.contains('é'));
    let fast = parse(&text).unwrap();
    let general = parse(&general_path_variant(&text)).unwrap();
    assert_eq!(fast, general);
    // Same verdicts on defects, fast path and general path alike.
    type Defect = Box<dyn Fn(&mut Value)>;
    let defects: Vec<Defect> = vec![
        Box::new(|v| v["payload"]["deals"][1]["value"]["minor"] = json!("12")),
        Box::new(|v| v["payload"]["deals"][2]["rev"] = json!(0)),
        Box::new(|v| {
            v["payload"]["contacts"][0]
                .as_object_mut()
                .unwrap()
                .remove("created_at");
        }),
        Box::new(|v| v["payload"]["accounts"][1]["id"] = v["payload"]["accounts"][0]["id"].clone()),
        Box::new(|v| v["payload"]["accounts"][0] = json!([1, 2])),
        Box::new(|v| v["payload"]["gadgets"] = json!([])),
        Box::new(|v| v["payload"]["accounts"][0]["extra_field"] = json!({"b": 1.5, "a": -0.0})),
    ];
    for (n, defect) in defects.iter().enumerate() {
        let mut e = env.clone();
        defect(&mut e);
        let sealed = reseal(e);
        let a = parse(&sealed);
        let b = parse(&general_path_variant(&sealed));
        assert_eq!(a, b, "defect {n}");
        if n < 6 {
            assert!(a.is_err(), "defect {n} accepted");
        }
    }
    // A wrong checksum and wrong counts are caught on the fast path too.
    let mut e = env.clone();
    e["checksum"]["value"] = json!("0".repeat(64));
    let bad = serde_json::to_string(&e).unwrap();
    assert_eq!(parse(&bad).unwrap_err().key(), "store.import.checksum");
    let mut e = env.clone();
    e["counts"]["deals"] = json!(9);
    let bad = serde_json::to_string(&e).unwrap();
    assert_eq!(parse(&bad).unwrap_err().key(), "store.import.counts");
}

/// After *Replace everything* the app shows what the batch wrote without reading the store
/// back (`replaced_texts`): that must be exactly what the store then holds, kind by kind
/// and key by key, even over a store holding other records of every kind. A merge's
/// result is only in the store.
#[test]
fn what_a_replace_wrote_is_what_the_store_holds() {
    let app = registry::app_kinds();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/schema_v{CURRENT_SCHEMA}.json"));
    let text = std::fs::read_to_string(path).unwrap();
    let parsed = run(parse_backup(&text, &sha, &app, MAX, now())).unwrap();

    // A store already holding the real book under other ids, and one more of every kind.
    let b = MemoryBackend::new(app.names());
    run(open(&b, t(1, 0))).unwrap();
    let mut before = Batch::new();
    for (kind, recs) in real::book() {
        for mut r in recs {
            let id = sixstep::domain::ids::new_id();
            r["id"] = json!(id);
            before.push(Op::Put {
                kind: kind.clone(),
                id,
                json: canonical_json(&r),
                base_rev: None,
            });
        }
    }
    run(b.commit(&before)).unwrap();
    assert!(run(b.load_all()).unwrap().values().any(|v| !v.is_empty()));

    for mode in [ImportMode::Replace, ImportMode::Merge] {
        let current = current_values(&b);
        let snap = SnapshotHeader {
            id: sixstep::domain::ids::new_id(),
            label: "Before import".into(),
            created_at: t(6, 8),
        };
        let batch = plan_import(&parsed, &current, mode, snap);
        run(b.commit(&batch)).unwrap();
        let written = sixstep::store::import::replaced_texts(batch);
        let stored: Loaded = run(b.load_all())
            .unwrap()
            .into_iter()
            .filter(|(_, recs)| !recs.is_empty())
            .collect();
        match mode {
            ImportMode::Replace => {
                let written = written.expect("a replace says what it wrote");
                assert_eq!(written, stored);
                assert_eq!(
                    written.values().map(Vec::len).sum::<usize>(),
                    parsed.records.values().map(Vec::len).sum::<usize>()
                );
            }
            ImportMode::Merge => assert_eq!(written, None),
        }
    }
}
