//! Writes the benchmark's five-year book as a Sixstep backup file, deterministically: the
//! same file, byte for byte, on every run and machine.
//!
//!     cargo run --release --example gen_book -- [out.json]     (default target/bench/book.json)
//!
//! A solo seller's five years: 2,000 accounts, 6,000 contacts, 2,000 deals, 40,000
//! activities, plus 3,000 tasks, 40 competitors, 400 market intel notes, a catalogue of 150
//! products, and for every deal in euros that reached "Presenting value" a proposal (a sent
//! version 1, and for one in three a draft version 2), and for every deal that reached
//! "Winning commitment" a negotiation (a plan of three issues, three rounds, and for the
//! won ones the confirmed terms and the contract), and 1,500 invoices spread over the won
//! deals with their payments (a deal whose every account is paid has every invoice paid;
//! the others have some paid, some partly paid, some unpaid and overdue with a late cause
//! and a collection step). The invoices draw from their own random stream, so the rest of
//! the book is the same as before they were added.
//!
//! Records are built with the app's real types (`sixstep::domain`) and written with the
//! app's own `sixstep::store::backup::export`, checksummed with SHA-256 (`sha2`).

// A native tool: the per-call-site sorts the app avoids (clippy.toml) cost nothing here.
#![allow(clippy::disallowed_methods)]
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use sha2::Digest as _;
use sixstep::domain::account::{
    Account, Grade, LeadSource, PostalAddress, ProductInUse, Satisfaction,
};
use sixstep::domain::activity::{Activity, ActivityKind, ExchangeFormat};
use sixstep::domain::agenda::{Due, Task};
use sixstep::domain::competitor::{Competitor, CompetitorRep};
use sixstep::domain::contact::{BuyingFunction, BuyingLevel, BuyingRole, Contact};
use sixstep::domain::deal::{
    CheckTick, ChecklistItem, Deal, DealPerson, NextStep, Outcome, Step, StepEvent, StepEventKind,
};
use sixstep::domain::ids::{Id, Record};
use sixstep::domain::intel::{IntelKind, IntelNote};
use sixstep::domain::money::{Currency, Money};
use sixstep::domain::negotiation::{
    Agreement, Alternative, Confirmation, ConfirmedBy, Contract, Issue, IssueKind, Negotiation,
    Plan, Position, Round, Side, TeamMember, TeamRole, Term,
};
use sixstep::domain::price::{PriceBreak, Quantity, Rate, UnitPrice};
use sixstep::domain::product::Product;
use sixstep::domain::proposal::{self, LineInput, Proposal};
use sixstep::domain::receivable::{CollectionAction, CollectionStep, Invoice, LateCause, Payment};
use sixstep::domain::relationship::RelationshipStage;
use sixstep::store::registry::app_kinds;
use sixstep::store::{export_with_settings, parse_backup, RecordsByKind, WorkSettings};
use std::path::PathBuf;

pub const ACCOUNTS: usize = 2_000;
pub const CONTACTS: usize = 6_000;
pub const DEALS: usize = 2_000;
pub const ACTIVITIES: usize = 40_000;
pub const TASKS: usize = 3_000;
pub const COMPETITORS: usize = 40;
pub const INTEL_NOTES: usize = 400;
pub const PRODUCTS: usize = 150;
pub const INVOICES: usize = 1_500;

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    /// A random (version 4) id.
    fn id(&mut self) -> Id {
        let bytes = (u128::from(self.next()) << 64 | u128::from(self.next())).to_be_bytes();
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
    fn sentence(&mut self, words: usize) -> String {
        let mut s = String::new();
        for i in 0..words {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(WORDS[self.below(WORDS.len())]);
        }
        s.push('.');
        s
    }
}

const WORDS: &[&str] = &[
    "plant",
    "line",
    "budget",
    "quote",
    "tender",
    "service",
    "downtime",
    "upgrade",
    "price",
    "delivery",
    "spare",
    "parts",
    "contract",
    "renewal",
    "pilot",
    "trial",
    "demo",
    "visit",
    "manager",
    "procurement",
    "engineering",
    "quality",
    "scrap",
    "rate",
    "capacity",
    "shift",
    "order",
    "invoice",
    "payment",
    "terms",
    "reference",
    "customer",
    "competitor",
    "offer",
    "discount",
    "training",
    "install",
    "warranty",
    "audit",
    "safety",
    "energy",
    "cost",
    "Zürich",
    "São",
    "Paulo",
    "München",
    "café",
    "réunion",
    "größer",
    "niño",
    "déjà",
    "vu",
];
const PREFIX: &[&str] = &[
    "Acme",
    "Globex",
    "Initrode",
    "Umbrella",
    "Stark",
    "Wayne",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Hooli",
    "Vandelay",
    "Wonka",
    "Gringotts",
    "Oceanic",
    "Nordwind",
    "Südstahl",
    "Ébène",
    "Łódź",
    "Øresund",
    "上海",
    "大阪",
    "Acción",
];
const SUFFIX: &[&str] = &[
    "Steel",
    "Plastics",
    "Foods",
    "Logistics",
    "Motors",
    "Textiles",
    "Chemicals",
    "Pharma",
    "Packaging",
    "Glass",
    "Energy",
    "Robotics",
    "Paper",
    "Mining",
    "Electronics",
];
const FORM: &[&str] = &[
    "GmbH",
    "AG",
    "Ltd",
    "S.A.",
    "S.p.A.",
    "Inc.",
    "B.V.",
    "有限公司",
    "SARL",
];
const CITIES: &[(&str, &str)] = &[
    ("Berlin", "DE"),
    ("Hamburg", "DE"),
    ("München", "DE"),
    ("Lyon", "FR"),
    ("Milano", "IT"),
    ("Madrid", "ES"),
    ("Kraków", "PL"),
    ("Göteborg", "SE"),
    ("Rotterdam", "NL"),
    ("上海", "CN"),
    ("Osaka", "JP"),
    ("Chicago", "US"),
];
const FIRST: &[&str] = &[
    "Anna", "Jörg", "Lin", "María", "Chen", "Sophie", "Ahmed", "Olga", "Pierre", "Yuki", "Kwame",
    "Ingrid", "Luca", "Zoë", "Raúl", "Wei", "Fatima", "Søren", "Amélie", "Tomasz",
];
const LAST: &[&str] = &[
    "Müller",
    "Schmidt",
    "Wang",
    "García",
    "Dubois",
    "Rossi",
    "Kowalski",
    "Nakamura",
    "Smith",
    "Andersson",
    "Nguyen",
    "Okafor",
    "Jansen",
    "Novák",
    "Li",
    "Fernández",
    "Weiß",
    "Brown",
];
const TITLES: &[&str] = &[
    "Head of Procurement",
    "Plant Manager",
    "Buyer",
    "Chief Engineer",
    "CFO",
    "Quality Lead",
    "Operations Director",
    "Maintenance Supervisor",
    "CEO",
    "Project Engineer",
];
const CURRENCIES: &[&str] = &["EUR", "EUR", "EUR", "USD", "GBP", "CNY", "JPY", "PLN"];

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2021, 11, 23, 8, 0, 0).unwrap()
}

/// A moment within the five years, on a working hour.
fn moment(rng: &mut Rng) -> DateTime<Utc> {
    let days = rng.below(5 * 365) as i64;
    start()
        + Duration::days(days)
        + Duration::hours(rng.below(10) as i64)
        + Duration::minutes(15 * rng.below(4) as i64)
}

/// Today, in the book: nothing happens after it.
fn end() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

/// A moment up to `max_days` after `after`, but not after [`end`].
fn later(rng: &mut Rng, after: DateTime<Utc>, max_days: usize) -> DateTime<Utc> {
    let t = after
        + Duration::days(rng.below(max_days) as i64)
        + Duration::minutes(rng.below(600) as i64);
    t.min(end().max(after))
}

fn fix<T: Record>(mut r: T, id: Id, created: DateTime<Utc>, updated: DateTime<Utc>, rev: u64) -> T {
    let mut m = r.meta();
    m.id = id;
    m.created_at = created;
    m.updated_at = updated.max(created);
    m.rev = rev;
    r.set_meta(m);
    r
}

fn push<T: Record>(out: &mut RecordsByKind, r: &T) {
    out.entry(T::KIND.to_string())
        .or_default()
        .push(serde_json::to_value(r).expect("records serialise"));
}

/// Step 5 of a deal that reached it (`at`: the day it did).
fn negotiation(rng: &mut Rng, d: &Deal, at: DateTime<Utc>) -> Negotiation {
    let cur = d.value.currency.clone();
    let unit = 10_i64.pow(cur.exponent());
    let major = (d.value.minor / unit).max(1_000);
    let mut n = Negotiation::new(d.id, cur.clone(), at);
    let issue =
        |id, kind, label: &str, unit_name: &str, [o, t, b]: [i64; 3], vpu, us, them| Issue {
            id,
            kind,
            label: label.into(),
            unit: unit_name.into(),
            opening: Position(o),
            target: Position(t),
            bottom: Position(b),
            value_per_unit: Some(vpu),
            importance_us: us,
            importance_them: them,
            notes: String::new(),
        };
    let (price, pay, training) = (rng.id(), rng.id(), rng.id());
    let p = |x: i64| x * 1_000;
    n.plan = Plan {
        team: vec![TeamMember {
            id: rng.id(),
            name: "J. Mills".into(),
            roles: vec![TeamRole::Lead, TeamRole::PriceAuthority],
        }],
        issues: vec![
            issue(
                price,
                IssueKind::Price,
                "",
                cur.code(),
                [p(major), p(major * 95 / 100), p(major * 90 / 100)],
                unit,
                5,
                4,
            ),
            issue(
                pay,
                IssueKind::Payment,
                "Payment terms",
                "days",
                [p(30), p(45), p(60)],
                (major / 2_000).max(1) * unit,
                2,
                5,
            ),
            issue(
                training,
                IssueKind::Custom,
                "Training days",
                "days",
                [p(2), p(4), p(6)],
                (major / 500).max(1) * unit,
                1,
                4,
            ),
        ],
        alternative: Alternative {
            text: rng.sentence(8),
            value_minor: None,
        },
    };
    let round =
        |rng: &mut Rng, day: i64, side, issue_id, from: i64, to: i64, in_return: &str| Round {
            id: rng.id(),
            on: (at + Duration::days(day)).date_naive(),
            side,
            issue_id,
            from: Position(from),
            to: Position(to),
            value_minor: None,
            in_return: in_return.into(),
            proposal_version: None,
            override_reason: String::new(),
            note: String::new(),
        };
    n.rounds = vec![
        round(rng, 0, Side::Us, pay, p(30), p(40), "Order this month"),
        round(
            rng,
            0,
            Side::Them,
            price,
            p(major * 80 / 100),
            p(major * 85 / 100),
            "",
        ),
        round(
            rng,
            1,
            Side::Us,
            price,
            p(major),
            p(major * 97 / 100),
            "Two-year service",
        ),
    ];
    if let Outcome::Won { at: signed, .. } = d.outcome {
        let signed = signed.max((at + Duration::days(1)).date_naive());
        let term = |rng: &mut Rng, issue_id, label: &str, value: String, value_minor| Term {
            id: rng.id(),
            issue_id: Some(issue_id),
            label: label.into(),
            value,
            value_minor,
            agreed_on: signed,
            confirmation: Some(Confirmation {
                who: "The buyer".into(),
                how: ConfirmedBy::Email,
                on: signed,
            }),
        };
        let agreed = major * 97 / 100 * unit;
        let terms = vec![
            term(
                rng,
                price,
                "Price",
                format!("{} {}", major * 97 / 100, cur.code()),
                Some(agreed),
            ),
            term(rng, pay, "Payment terms", "40 days net".into(), None),
        ];
        n.agreement = Agreement {
            contract: Some(Contract {
                number: format!("C-{}", &d.id.to_string()[..8]),
                signed_on: signed,
                value_minor: agreed,
                terms: terms.iter().map(|t| t.id).collect(),
                note: String::new(),
            }),
            terms,
        };
    }
    let id = rng.id();
    fix(n, id, at, at + Duration::days(2), 6)
}

fn money(rng: &mut Rng, max_major: usize) -> Money {
    let code = *rng.pick(CURRENCIES);
    let currency = Currency::parse(code).expect("valid code");
    let scale = 10_i64.pow(currency.exponent());
    Money {
        minor: (1_000 + rng.below(max_major) as i64) * scale,
        currency,
    }
}

pub fn book() -> RecordsByKind {
    let mut rng = Rng(0x5157_2026);
    let mut out = RecordsByKind::new();
    let t0 = start();

    let competitors: Vec<Id> = (0..COMPETITORS).map(|_| rng.id()).collect();
    for (i, &id) in competitors.iter().enumerate() {
        let mut c = Competitor::new(
            format!(
                "{} {} {}",
                rng.pick(PREFIX),
                rng.pick(SUFFIX),
                rng.pick(FORM)
            ),
            t0,
        );
        c.website = format!("https://competitor{i}.example");
        c.products = (0..1 + rng.below(4))
            .map(|n| format!("Model {}{}", (b'A' + n as u8) as char, rng.below(900) + 100))
            .collect();
        c.strengths = rng.sentence(8);
        c.weaknesses = rng.sentence(8);
        c.reps = vec![CompetitorRep {
            name: format!("{} {}", rng.pick(FIRST), rng.pick(LAST)),
            traits: rng.sentence(5),
            ties: Vec::new(),
        }];
        let created = moment(&mut rng);
        let c = fix(
            c,
            id,
            created,
            later(&mut rng, created, 300),
            1 + rng.below(4) as u64,
        );
        push(&mut out, &c);
    }

    let mut accounts = Vec::with_capacity(ACCOUNTS);
    for i in 0..ACCOUNTS {
        let id = rng.id();
        let created = moment(&mut rng);
        let name = format!(
            "{} {} {} {}",
            rng.pick(PREFIX),
            rng.pick(SUFFIX),
            rng.pick(FORM),
            i + 1
        );
        let mut a = Account::new(name, created);
        let (city, country) = *rng.pick(CITIES);
        a.phones = vec![format!(
            "+{} {} {}",
            10 + rng.below(80),
            rng.below(900) + 100,
            rng.below(9_000_000) + 1_000_000
        )];
        a.emails = vec![format!("info@account{i}.example")];
        a.address = PostalAddress {
            street: format!("{} Straße {}", rng.pick(LAST), rng.below(200) + 1),
            city: city.into(),
            postal_code: format!("{:05}", rng.below(99_999)),
            region: String::new(),
            country: country.into(),
        };
        a.website = format!("https://account{i}.example");
        a.industry = rng.pick(SUFFIX).to_string();
        a.size = format!("{} employees", 10 + rng.below(5_000));
        if rng.chance(60) {
            a.products_in_use = vec![ProductInUse {
                competitor_id: Some(*rng.pick(&competitors)),
                product: format!("Model {}", rng.below(900) + 100),
                satisfaction: Some(*rng.pick(&[
                    Satisfaction::Unhappy,
                    Satisfaction::Neutral,
                    Satisfaction::Satisfied,
                ])),
                notes: rng.sentence(10),
            }];
        }
        a.purchase_plans = rng.sentence(12);
        a.problems_to_solve = rng.sentence(12);
        a.grade = Some(*rng.pick(&[Grade::A, Grade::B, Grade::C]));
        a.lead_source = Some(*rng.pick(&[
            LeadSource::Referral,
            LeadSource::Inquiry,
            LeadSource::TradeDirectory,
            LeadSource::ColdCanvassing,
        ]));
        a.owner = "JM".into();
        a.tags = (0..rng.below(3))
            .map(|_| rng.pick(WORDS).to_string())
            .collect();
        a.notes = rng.sentence(25);
        a.customer_since = rng.chance(40).then(|| created.date_naive());
        a.archived = rng.chance(5);
        let a = fix(
            a,
            id,
            created,
            later(&mut rng, created, 700),
            1 + rng.below(8) as u64,
        );
        push(&mut out, &a);
        accounts.push((id, created));
    }

    let mut contacts = Vec::with_capacity(CONTACTS);
    for i in 0..CONTACTS {
        let (account, acc_created) = accounts[i % ACCOUNTS];
        let id = rng.id();
        let created = later(&mut rng, acc_created, 60);
        let first = *rng.pick(FIRST);
        let last = *rng.pick(LAST);
        let mut c = Contact::new(account, format!("{first} {last}"), created);
        c.title = rng.pick(TITLES).to_string();
        c.phones = vec![format!("+49 170 {}", rng.below(9_000_000) + 1_000_000)];
        c.emails = vec![format!("contact{i}@account{}.example", i % ACCOUNTS)];
        c.level = Some(*rng.pick(&[
            BuyingLevel::Operation,
            BuyingLevel::Management,
            BuyingLevel::Decision,
        ]));
        c.function = Some(*rng.pick(&[
            BuyingFunction::User,
            BuyingFunction::Technical,
            BuyingFunction::Procurement,
        ]));
        c.roles = vec![*rng.pick(&[
            BuyingRole::Initiator,
            BuyingRole::DecisionMaker,
            BuyingRole::User,
            BuyingRole::Evaluator,
        ])];
        c.is_guide = rng.chance(10);
        c.home_town = rng.pick(CITIES).0.to_string();
        c.sports = rng
            .pick(&["Tennis", "Golf", "Running", "Football", "Badminton", ""])
            .to_string();
        c.relationship.stage = *rng.pick(&[
            RelationshipStage::Acquaintance,
            RelationshipStage::Dating,
            RelationshipStage::Trust,
        ]);
        c.last_met = Some(later(&mut rng, created, 900).date_naive());
        c.notes = rng.sentence(15);
        let c = fix(
            c,
            id,
            created,
            later(&mut rng, created, 900),
            1 + rng.below(6) as u64,
        );
        push(&mut out, &c);
        contacts.push(id);
    }

    // The catalogue: one price list, some products with price breaks.
    let mut products: Vec<Product> = Vec::with_capacity(PRODUCTS);
    for i in 0..PRODUCTS {
        let id = rng.id();
        let at = moment(&mut rng);
        let list = UnitPrice((20 + rng.below(4_000)) as i64 * 1_0000);
        let mut p = Product::new(
            format!(
                "{} {}-{}",
                rng.pick(&[
                    "Sensor",
                    "Valve",
                    "Gateway",
                    "Drive",
                    "Service plan",
                    "Spare kit"
                ]),
                rng.pick(PREFIX),
                100 + i
            ),
            list,
            at,
        );
        p.category = rng
            .pick(&["Sensors", "Valves", "Automation", "Services", "Spares"])
            .to_string();
        p.unit = rng
            .pick(&["piece", "set", "hour", "licence/year"])
            .to_string();
        p.cost = rng.chance(80).then(|| UnitPrice(list.0 * 6 / 10));
        p.tax_rate = Rate(*rng.pick(&[1_900, 2_100, 700]));
        p.locomotive = rng.chance(10);
        if rng.chance(40) {
            p.price_breaks = vec![
                PriceBreak {
                    min_qty: Quantity::units(10),
                    unit_price: UnitPrice(list.0 * 95 / 100),
                },
                PriceBreak {
                    min_qty: Quantity::units(50),
                    unit_price: UnitPrice(list.0 * 90 / 100),
                },
            ];
        }
        let p = fix(p, id, at, at, 1);
        push(&mut out, &p);
        products.push(p);
    }
    let eur = Currency::parse("EUR").expect("valid code");

    let steps = [
        Step::CustomerAnalysis,
        Step::BuildingTrust,
        Step::DiscoverNeeds,
        Step::PresentingValue,
        Step::WinningCommitment,
        Step::FollowUpService,
    ];
    let mut deals = Vec::with_capacity(DEALS);
    let mut won = Vec::new();
    for i in 0..DEALS {
        let (account, acc_created) = accounts[rng.below(ACCOUNTS)];
        let id = rng.id();
        let created = later(&mut rng, acc_created, 200);
        let title = format!(
            "{} {} — {}",
            rng.pick(&[
                "New line",
                "Retrofit",
                "Service contract",
                "Spare parts",
                "Upgrade"
            ]),
            i + 1,
            rng.pick(CITIES).0
        );
        let mut d = Deal::new(account, &title, money(&mut rng, 400_000), created);
        let reached = rng.below(6);
        d.step = steps[reached];
        let mut at = created;
        for s in 0..reached {
            at = later(&mut rng, at, 40);
            d.history.push(StepEvent {
                at,
                from: steps[s],
                to: steps[s + 1],
                kind: StepEventKind::Advance {
                    signal_evidence: rng.sentence(6),
                    signal_date: at.date_naive(),
                },
            });
        }
        d.step_entered_at = at;
        d.checklist = (1..=3)
            .filter_map(|n| ChecklistItem::new(steps[reached], n))
            .map(|item| CheckTick {
                item,
                on: at.date_naive(),
            })
            .collect();
        let base = (i * 3) % CONTACTS;
        d.people = (0..1 + rng.below(3))
            .map(|k| DealPerson {
                contact_id: contacts[(base + k) % CONTACTS],
                roles: vec![BuyingRole::Evaluator],
            })
            .collect();
        d.competitor_ids = vec![*rng.pick(&competitors)];
        d.expected_close = Some(later(&mut rng, at, 120).date_naive());
        d.next_step = Some(NextStep {
            text: rng.sentence(6),
            due: later(&mut rng, at, 30).date_naive(),
        });
        let closed = later(&mut rng, at, 60).date_naive();
        d.outcome = match rng.below(10) {
            0..=3 => Outcome::Open,
            4..=6 => Outcome::Won {
                at: closed,
                paid_on: rng.chance(70).then_some(closed),
            },
            7 | 8 => Outcome::Lost {
                at: closed,
                reason: rng.sentence(5),
            },
            _ => Outcome::Declined {
                at: closed,
                reason: rng.sentence(5),
            },
        };
        d.owner = "JM".into();
        let d = fix(
            d,
            id,
            created,
            later(&mut rng, at, 30),
            1 + reached as u64 + rng.below(5) as u64,
        );
        push(&mut out, &d);
        deals.push((id, account, created));
        if let Outcome::Won {
            at: won_at,
            paid_on,
        } = d.outcome
        {
            won.push((id, account, d.value.clone(), won_at, paid_on));
        }
        // A proposal for the deals in euros that reached step 4.
        if reached >= 3 && d.value.currency == eur {
            let sent_at = later(&mut rng, at, 20);
            let mut v1 = Proposal::for_deal(&d, sent_at);
            v1.content.background = rng.sentence(25);
            v1.content.solution.overview = rng.sentence(30);
            for _ in 0..3 + rng.below(4) {
                let product = rng.pick(&products);
                let mut input = LineInput::from_product(product);
                input.quantity = (1 + rng.below(60)).to_string();
                let line_id = rng.id();
                let line = proposal::build_line(&input, Some(product), None, line_id, &eur)
                    .expect("a catalogue line prices");
                v1.content.lines.push(line);
            }
            proposal::send(&mut v1, sent_at, sent_at.date_naive()).expect("a draft sends");
            let v1 = fix(v1, rng.id(), sent_at, sent_at, 2);
            if rng.chance(33) {
                let v2_at = later(&mut rng, sent_at, 10);
                let v2 = proposal::new_version(&v1, 2, v2_at).expect("a sent version");
                let v2 = fix(v2, rng.id(), v2_at, v2_at, 1);
                push(&mut out, &v2);
            }
            push(&mut out, &v1);
        }
        // A negotiation for the deals that reached step 5: a plan of three issues, three
        // rounds and, for the won ones, the agreed terms confirmed and the contract.
        if reached >= 4 {
            push(&mut out, &negotiation(&mut rng, &d, at));
        }
    }

    let kinds = [
        ActivityKind::PhoneCall,
        ActivityKind::PhoneCall,
        ActivityKind::Email,
        ActivityKind::Email,
        ActivityKind::Visit,
        ActivityKind::Meeting,
        ActivityKind::BusinessMeal,
        ActivityKind::TechnicalExchange,
        ActivityKind::Message,
        ActivityKind::SmallGift,
    ];
    let mut activities = Vec::with_capacity(ACTIVITIES);
    for i in 0..ACTIVITIES {
        let (deal, account, deal_created) = deals[i % DEALS];
        let id = rng.id();
        let at = later(&mut rng, deal_created, 500);
        let kind = *rng.pick(&kinds);
        let base = rng.below(CONTACTS);
        let a = Activity {
            id,
            created_at: at,
            updated_at: at,
            rev: 1,
            kind,
            exchange_format: (kind == ActivityKind::TechnicalExchange)
                .then_some(ExchangeFormat::Demo),
            at,
            contact_ids: vec![contacts[base]],
            account_id: Some(account),
            deal_id: rng.chance(80).then_some(deal),
            notes: {
                let words = 8 + rng.below(20);
                rng.sentence(words)
            },
            outcome: rng.sentence(5),
            gift_value: (kind == ActivityKind::SmallGift).then(|| Money {
                minor: 2_000 + rng.below(3_000) as i64,
                currency: Currency::parse("EUR").expect("valid code"),
            }),
        };
        let a = fix(a, id, at, later(&mut rng, at, 3), 1 + rng.below(2) as u64);
        push(&mut out, &a);
        activities.push((id, at));
    }

    for i in 0..TASKS {
        let (activity, at) = activities[(i * 13) % ACTIVITIES];
        let id = rng.id();
        let due = Due {
            date: later(&mut rng, at, 14).date_naive(),
            time: rng.chance(40).then(|| {
                NaiveTime::from_hms_opt(9 + rng.below(8) as u32, 0, 0).expect("valid time")
            }),
        };
        let mut t =
            Task::new(&format!("Follow up: {}", rng.sentence(4)), due, at).expect("a title");
        t.activity_id = Some(activity);
        let (deal, account, _) = deals[(i * 13) % DEALS];
        t.account_id = Some(account);
        t.deal_id = Some(deal);
        t.contact_id = Some(contacts[rng.below(CONTACTS)]);
        t.done_at = rng.chance(85).then(|| later(&mut rng, at, 14));
        t.notes = rng.sentence(6);
        let updated = t.done_at.unwrap_or(at);
        let rev = if t.done_at.is_some() { 2 } else { 1 };
        let t = fix(t, id, at, updated, rev);
        push(&mut out, &t);
    }

    let intel = [
        IntelKind::CompetitorTestMarketing,
        IntelKind::UpcomingProduct,
        IntelKind::PolicyChange,
        IntelKind::FeedbackOnOurs,
        IntelKind::FeedbackOnTheirs,
        IntelKind::DeliveryPerformance,
    ];
    for _ in 0..INTEL_NOTES {
        let id = rng.id();
        let at = moment(&mut rng);
        let date: NaiveDate = at.date_naive();
        let mut n = IntelNote::new(*rng.pick(&intel), date, rng.sentence(5), at);
        n.account_id = rng.chance(50).then(|| accounts[rng.below(ACCOUNTS)].0);
        n.competitor_id = rng.chance(70).then(|| *rng.pick(&competitors));
        n.body = rng.sentence(30);
        let n = fix(n, id, at, at, 1);
        push(&mut out, &n);
    }
    invoices(&mut out, &won);
    out
}

/// A won deal: its id, account, value, the day it was won and the day every account was paid.
type Won = (Id, Id, Money, NaiveDate, Option<NaiveDate>);

/// [`INVOICES`] invoices over the won deals (one to three each, their amounts adding up to
/// the deal's value), with their payments; from a random stream of their own.
fn invoices(out: &mut RecordsByKind, won: &[Won]) {
    let mut rng = Rng(0x1_2026_0150);
    let today = end().date_naive();
    let per = INVOICES / won.len().max(1);
    let extra = INVOICES % won.len().max(1);
    let mut seq = 0usize;
    for (k, (deal_id, account_id, value, won_at, paid_on)) in won.iter().enumerate() {
        let parts = (per + usize::from(k < extra)).max(1);
        let share = value.minor / parts as i64;
        for j in 0..parts {
            if seq == INVOICES {
                return;
            }
            seq += 1;
            let amount = if j + 1 == parts {
                value.minor - share * (parts as i64 - 1)
            } else {
                share
            };
            let (issued, pay_on) = match paid_on {
                // Every account paid: each invoice issued on the win and paid that day.
                Some(p) => (*won_at, Some(*p)),
                None => {
                    let issued = (*won_at + Duration::days(20 * j as i64)).min(today);
                    let pay = issued + Duration::days(10 + rng.below(50) as i64);
                    (issued, (pay <= today).then_some(pay))
                }
            };
            let due = issued + Duration::days(30);
            let number = format!("INV-{}-{:05}", issued.format("%Y"), seq);
            let created =
                Utc.from_utc_datetime(&issued.and_time(NaiveTime::MIN)) + Duration::hours(9);
            let mut inv = Invoice::new(
                *deal_id,
                *account_id,
                &number,
                issued,
                due,
                Money::new(amount, value.currency.clone()),
                created,
            );
            inv.note = format!("PO {}", 4500 + rng.below(5000));
            let mode = if paid_on.is_some() { 0 } else { rng.below(10) };
            match (mode, pay_on) {
                // Paid in full (in two payments for one in three).
                (0..=4, Some(on)) => {
                    if rng.chance(33) && amount > 1 {
                        let first = amount / 2;
                        let mid = issued + (on - issued) / 2;
                        inv.payments.push(Payment {
                            id: rng.id(),
                            on: mid,
                            amount_minor: first,
                            note: "First half".into(),
                        });
                        inv.payments.push(Payment {
                            id: rng.id(),
                            on,
                            amount_minor: amount - first,
                            note: String::new(),
                        });
                    } else {
                        inv.payments.push(Payment {
                            id: rng.id(),
                            on,
                            amount_minor: amount,
                            note: String::new(),
                        });
                    }
                }
                // Partly paid.
                (5..=7, Some(on)) => inv.payments.push(Payment {
                    id: rng.id(),
                    on,
                    amount_minor: (amount / 3).max(1).min(amount),
                    note: "Part payment".into(),
                }),
                // Unpaid.
                _ => {}
            }
            if !inv.is_paid() && due < today {
                inv.late_cause = Some(*rng.pick(&[
                    LateCause::OurFault,
                    LateCause::UnwillingToPay,
                    LateCause::FraudRisk,
                ]));
                let on = (due + Duration::days(1 + rng.below(20) as i64)).min(today);
                inv.collection.push(CollectionStep {
                    id: rng.id(),
                    on,
                    action: *rng.pick(&[
                        CollectionAction::FinanceCollects,
                        CollectionAction::Escalate,
                        CollectionAction::RepVisits,
                        CollectionAction::PaymentArrangement,
                    ]),
                    note: rng.sentence(6),
                });
            }
            let last = inv
                .payments
                .iter()
                .map(|p| p.on)
                .chain(inv.collection.iter().map(|c| c.on))
                .max()
                .unwrap_or(issued);
            let updated =
                Utc.from_utc_datetime(&last.and_time(NaiveTime::MIN)) + Duration::hours(10);
            let rev = 1 + inv.payments.len() as u64 + inv.collection.len() as u64;
            let id = rng.id();
            let inv = fix(inv, id, created, updated.min(end()), rev);
            push(out, &inv);
        }
    }
}

fn sha(bytes: &[u8]) -> String {
    format!("{:x}", sha2::Sha256::digest(bytes))
}

fn main() {
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench/book.json")
        });
    let records = book();
    // A fixed export time keeps the file identical run after run. The file carries the
    // default work settings, as the app's own export would after restoring it.
    let text = futures::executor::block_on(export_with_settings(
        &records,
        &WorkSettings::default(),
        "0.1.0",
        end(),
        &sha,
    ));
    // The app would import it: every record valid, counts and checksum right.
    let parsed = futures::executor::block_on(parse_backup(
        &text,
        &sha,
        &app_kinds(),
        usize::MAX,
        chrono::Utc::now(),
    ))
    .expect("the book is a valid backup");
    for (kind, recs) in &records {
        let mut want: Vec<String> = recs.iter().map(|r| r.to_string()).collect();
        let mut got: Vec<String> = parsed.records[kind].iter().map(|r| r.to_string()).collect();
        want.sort();
        got.sort();
        assert!(want == got, "{kind}: the book does not read back unchanged");
    }
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).expect("create the output folder");
    }
    std::fs::write(&out, &text).expect("write the book");
    for (kind, recs) in &records {
        println!("{kind}: {}", recs.len());
    }
    println!(
        "file: {} ({:.1} MB)",
        out.display(),
        text.len() as f64 / 1_000_000.0
    );
}
