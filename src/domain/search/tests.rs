use super::*;
use crate::domain::competitor::CompetitorRep;
use crate::domain::deal::Deal;
use crate::domain::sorting::SortExt;
use chrono::{DateTime, TimeZone, Utc};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap()
}

fn titles(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.title.as_str()).collect()
}

/// A deterministic five-year book: 2,000 accounts, 6,000 people, 100 competitors.
fn book() -> (Vec<Account>, Vec<Contact>, Vec<Competitor>) {
    const FIRST: &[&str] = &[
        "Anna", "Jānis", "Ilze", "Pēteris", "Maria", "Juan", "Li", "Wei", "Zsófia", "Gábor",
        "Kārlis", "Laura", "Ēriks", "Lucía", "Ming", "Dóra", "Andris", "Elena", "Tomás", "Inese",
    ];
    const LAST: &[&str] = &[
        "Bērziņš",
        "Kalniņa",
        "Ozols",
        "García",
        "López",
        "Wang",
        "Zhang",
        "Nagy",
        "Kovács",
        "Liepa",
        "Martínez",
        "Chen",
        "Szabó",
        "Krūmiņš",
        "Fernández",
        "Tóth",
        "Vītols",
    ];
    const WORDS: &[&str] = &[
        "Agro",
        "Baltic",
        "Nord",
        "Tech",
        "Piens",
        "Metāls",
        "Sistēmas",
        "Industrial",
        "Logistics",
        "Energía",
        "Gépgyár",
        "Holz",
        "Food",
        "Trans",
        "Medical",
        "Build",
    ];
    let mut seed: u64 = 42;
    let mut rnd = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    let accounts: Vec<Account> = (0..2000)
        .map(|i| {
            let name = format!(
                "{} {} {}",
                WORDS[rnd(WORDS.len())],
                WORDS[rnd(WORDS.len())],
                i
            );
            let mut a = Account::new(name, now());
            a.emails = vec![format!("info{i}@company{i}.example")];
            a.phones = vec![format!("+371 67{:06}", i)];
            a.tags = vec![WORDS[rnd(WORDS.len())].to_lowercase(), "region".into()];
            a.industry = WORDS[rnd(WORDS.len())].into();
            a
        })
        .collect();
    let contacts: Vec<Contact> = (0..6000)
        .map(|i| {
            let (f, l) = (FIRST[rnd(FIRST.len())], LAST[rnd(LAST.len())]);
            let mut c = Contact::new(accounts[i % 2000].id, format!("{f} {l}"), now());
            c.emails = vec![format!(
                "{}.{}{}@company{}.example",
                fold(f),
                fold(l),
                i,
                i % 2000
            )];
            c.phones = vec![format!("+371 2{:07}", i)];
            c.title = "Manager".into();
            c
        })
        .collect();
    let competitors: Vec<Competitor> = (0..100)
        .map(|i| {
            let mut c = Competitor::new(format!("Rival {i}"), now());
            c.products = vec![format!("Pump {i}"), format!("Valve {i}")];
            c
        })
        .collect();
    (accounts, contacts, competitors)
}

fn small() -> (SearchIndex, Vec<Account>, Vec<Contact>) {
    let mut acme = Account::new("Acme Piens", now());
    acme.tags = vec!["dairy farm".into()];
    acme.industry = "Dairy".into();
    let mut dairy_co = Account::new("Dairy Co", now());
    dairy_co.emails = vec!["hello@dairyco.lv".into()];
    let mut jose = Contact::new(acme.id, "José Álvarez", now());
    jose.emails = vec!["jalvarez@acme.es".into()];
    jose.phones = vec!["+371 20001234".into()];
    jose.title = "CTO".into();
    let mut anna = Contact::new(acme.id, "Anna Berzina", now());
    anna.emails = vec!["anna.berzina@acme.lv".into()];
    let joanna = Contact::new(dairy_co.id, "Joanna", now());
    let mut anna2 = Contact::new(dairy_co.id, "Anna", now());
    anna2.emails = vec!["procurement@dco.lv".into()];
    let mut rival = Competitor::new("Rival AG", now());
    rival.products = vec!["Milkmaster".into()];
    rival.reps = vec![CompetitorRep {
        name: "Olga Petrova".into(),
        ..Default::default()
    }];
    let mut milk = Account::new("Milk Ltd", now());
    milk.emails = vec!["dairy@milk.lv".into()];
    let accounts = vec![acme, dairy_co, milk];
    let contacts = vec![jose, anna, joanna, anna2];
    let ix = SearchIndex::build(&accounts, &contacts, &[], &[rival]);
    (ix, accounts, contacts)
}

#[test]
fn accents_case_and_spacing_do_not_matter() {
    let (ix, _, _) = small();
    assert_eq!(titles(&ix.query("jose", 5)), ["José Álvarez"]);
    assert_eq!(titles(&ix.query("  ÁLVAREZ ", 5)), ["José Álvarez"]);
    assert_eq!(titles(&ix.query("JOSÉ álvarez", 5)), ["José Álvarez"]);
    assert!(ix.query("", 5).is_empty());
    assert!(ix.query("   ", 5).is_empty());
    assert!(ix.query("jose", 0).is_empty());
}

#[test]
fn a_person_is_found_by_part_of_an_email() {
    let (ix, _, _) = small();
    let hits = ix.query("berzina@acm", 5);
    assert_eq!(titles(&hits), ["Anna Berzina"]);
    assert_eq!(hits[0].kind, HitKind::Contact);
    let hits = ix.query("procurement", 5);
    assert_eq!(titles(&hits), ["Anna"]);
    assert_eq!(hits[0].subtitle, "Dairy Co");
}

#[test]
fn phones_are_found_by_digits_in_any_format() {
    let (ix, _, _) = small();
    for q in [
        "2000 1234",
        "+371 2000-1234",
        "0037120001234",
        "20001234",
        "0001",
    ] {
        assert_eq!(titles(&ix.query(q, 5)), ["José Álvarez"], "{q}");
    }
    let hits = ix.query("2000 1234", 5);
    assert_eq!(hits[0].subtitle, "CTO · Acme Piens");
    assert_eq!(hits[0].score, EXACT + Field::Phone.weight());
}

#[test]
fn ranking_exact_then_prefix_then_substring_and_fields() {
    let (ix, _, _) = small();
    // Exact name "Anna" > prefix of a name word ("Anna Berzina") > substring ("Joanna").
    assert_eq!(
        titles(&ix.query("anna", 10)),
        ["Anna", "Anna Berzina", "Joanna"]
    );
    // Same quality (a word start): name > e-mail > tag; people of Dairy Co come last
    // (their account's name).
    let hits = ix.query("dairy", 10);
    assert_eq!(titles(&hits)[..3], ["Dairy Co", "Milk Ltd", "Acme Piens"]);
    assert!(hits[0].score > hits[1].score && hits[1].score > hits[2].score);
    assert!(hits[3..].iter().all(|h| h.kind == HitKind::Contact));
    // Quality before field: an exact tag beats a name that merely starts with it.
    assert_eq!(ix.query("dairy farm", 1)[0].title, "Acme Piens");
    // A person found through their account's name ranks below the account itself.
    let hits = ix.query("acme", 10);
    assert_eq!(hits[0].title, "Acme Piens");
    assert!(hits.iter().skip(1).all(|h| h.kind == HitKind::Contact));
    // Competitors by name, product and rep.
    assert_eq!(titles(&ix.query("rival", 5)), ["Rival AG"]);
    assert_eq!(titles(&ix.query("milkm", 5)), ["Rival AG"]);
    assert_eq!(titles(&ix.query("petrova", 5)), ["Rival AG"]);
    // Words found in different fields.
    assert_eq!(titles(&ix.query("anna dairy", 5)), ["Anna", "Joanna"]);
    assert!(ix.query("anna dairy", 5)[0].score < PREFIX);
    // One letter only matches word starts.
    assert!(!titles(&ix.query("j", 10)).contains(&"Anna"));
    assert!(titles(&ix.query("j", 10)).contains(&"Joanna"));
}

#[test]
fn fast_fold_equals_fold() {
    for s in [
        "  Anna  BERZINA ",
        "info@Acme.LV",
        "\tx\ny  z",
        "",
        "José",
        "Weiß",
        "a\u{a0}b",
    ] {
        assert_eq!(fold_fast(s), fold(s), "{s:?}");
    }
}

#[test]
fn ties_go_to_the_shorter_title_then_alphabetical() {
    let mut ix = SearchIndex::new();
    let a = Account::new("Ozols Long Name", now());
    let b = Account::new("Ozols B", now());
    let c = Account::new("Ozols A", now());
    for x in [&a, &b, &c] {
        ix.upsert_account(x);
    }
    assert_eq!(
        titles(&ix.query("ozols", 10)),
        ["Ozols A", "Ozols B", "Ozols Long Name"]
    );
}

#[test]
fn updates_per_write() {
    let (mut ix, mut accounts, mut contacts) = small();
    // Rename an account: its people follow.
    accounts[0].name = "Zebra Milk".into();
    ix.upsert_account(&accounts[0]);
    assert!(ix.query("acme piens", 5).is_empty());
    let hits = ix.query("zebra", 5);
    assert_eq!(hits[0].title, "Zebra Milk");
    assert!(titles(&hits).contains(&"José Álvarez"));
    assert_eq!(ix.query("jose", 1)[0].subtitle, "CTO · Zebra Milk");
    // Edit a person, move them, remove them.
    contacts[0].name = "Pepe Álvarez".into();
    contacts[0].account_id = accounts[1].id;
    ix.upsert_contact(&contacts[0]);
    assert!(ix.query("jose", 5).is_empty());
    assert_eq!(ix.query("pepe", 5)[0].subtitle, "CTO · Dairy Co");
    ix.remove(contacts[0].id);
    assert!(ix.query("pepe", 5).is_empty());
    assert!(ix.query("2000 1234", 5).is_empty());
    // Archive an account: it still shows, just below an equal active match.
    let mut twin = Account::new("Dairy Co", now());
    twin.archived = true;
    ix.upsert_account(&twin);
    let hits = ix.query("dairy co", 2);
    assert_eq!(hits[0].id, accounts[1].id);
    assert_eq!(hits[1].id, twin.id);
    assert!(hits[1].archived);
    // Removing an account leaves its people findable, without the account's name.
    ix.remove(accounts[1].id);
    assert_eq!(ix.query("joanna", 1)[0].subtitle, "");
    assert_eq!(ix.len(), 7);
}

#[test]
fn many_writes_compact_without_losing_anything() {
    let (accounts, contacts, competitors) = book();
    let mut ix = SearchIndex::new();
    for a in &accounts[..300] {
        ix.upsert_account(a);
    }
    for round in 0..4 {
        for a in &accounts[..300] {
            let mut a = a.clone();
            a.notes = format!("{round}");
            ix.upsert_account(&a);
        }
    }
    for c in &contacts[..900] {
        ix.upsert_contact(c);
    }
    for c in &competitors {
        ix.upsert_competitor(c);
    }
    assert_eq!(ix.len(), 1300);
    assert!(ix.slots.len() < 2 * 1300 + 300);
    let name = &accounts[123].name;
    assert_eq!(ix.query(name, 1)[0].id, accounts[123].id);
}

#[test]
fn a_five_year_book_ranks_the_right_record_first() {
    // Latency is measured by the benchmark (tests/bench), on a release build.
    let (accounts, contacts, competitors) = book();
    let ix = SearchIndex::build(&accounts, &contacts, &[], &competitors);
    assert_eq!(ix.len(), 8100);

    let c = &contacts[4321];
    let local = c.emails[0].split('@').next().unwrap();
    let part = &local[2..];
    let hits = ix.query(part, 10);
    assert_eq!(hits[0].id, c.id, "{part}");
    let hits = ix.query("+371 2000 4321", 5);
    assert_eq!(hits[0].id, c.id);
    let hits = ix.query(&accounts[777].name, 3);
    assert_eq!(hits[0].id, accounts[777].id);
    assert!(ix.query("jose", 50).iter().all(|h| h.score > 0));
    assert_eq!(
        ix.query("lucia garcia", 500).len(),
        ix.query("lucía garcía", 500).len()
    );
}

#[test]
fn deals_are_found_by_title_and_account_and_follow_renames() {
    let mut acme = Account::new("Acme Piens", now());
    let person = Contact::new(acme.id, "Anna Berg", now());
    let deal = Deal::new(
        acme.id,
        "Line 4 retrofit",
        crate::domain::money::Money::zero(crate::domain::money::Currency::default()),
        now(),
    );
    let mut ix = SearchIndex::build(&[acme.clone()], &[person], std::slice::from_ref(&deal), &[]);
    let hits = ix.query("retrofit", 10);
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].kind, hits[0].id), (HitKind::Deal, deal.id));
    assert_eq!(
        hits[0].subtitle, "Acme Piens",
        "the deal's account beside it"
    );
    // By its account's name, below the account itself.
    let by_account: Vec<HitKind> = ix.query("acme", 10).iter().map(|h| h.kind).collect();
    assert_eq!(by_account[0], HitKind::Account);
    assert!(by_account.contains(&HitKind::Deal));
    acme.name = "Acme Dairy".into();
    ix.upsert_account(&acme);
    assert_eq!(ix.query("retrofit", 10)[0].subtitle, "Acme Dairy");
    let mut renamed = deal.clone();
    renamed.title = "Line 5 upgrade".into();
    ix.upsert_deal(&renamed);
    assert!(ix.query("retrofit", 10).is_empty());
    assert_eq!(ix.query("upgrade", 10)[0].id, deal.id);
    ix.remove(deal.id);
    assert!(ix.query("upgrade", 10).is_empty());
}

#[test]
fn letters_written_two_ways_match_both_ways() {
    let names = [
        "Jürgen Müller",
        "Hans Mueller",
        "Große Straße GmbH",
        "Ærø Købmand",
        "Åsa Ångström",
    ];
    let acc = Account::new("Holder", now());
    let people: Vec<Contact> = names
        .iter()
        .map(|n| Contact::new(acc.id, *n, now()))
        .collect();
    let ix = SearchIndex::build(&[acc], &people, &[], &[]);
    let found = |q: &str| -> Vec<String> {
        let mut v: Vec<String> = ix.query(q, 10).into_iter().map(|h| h.title).collect();
        v.sort_plain();
        v
    };
    // "Müller" finds both spellings; "Mueller" finds both; "Muller" finds the one
    // written with the umlaut (the plain spelling of it).
    assert_eq!(found("müller"), ["Hans Mueller", "Jürgen Müller"]);
    assert_eq!(found("mueller"), ["Hans Mueller", "Jürgen Müller"]);
    assert_eq!(found("muller"), ["Jürgen Müller"]);
    assert_eq!(found("juergen"), ["Jürgen Müller"]);
    assert_eq!(found("strasse"), ["Große Straße GmbH"]);
    assert_eq!(found("straße"), ["Große Straße GmbH"]);
    assert_eq!(found("grosse"), ["Große Straße GmbH"]);
    assert_eq!(found("aero"), ["Ærø Købmand"]);
    assert_eq!(found("aasa"), ["Åsa Ångström"]);
    assert_eq!(found("asa"), ["Åsa Ångström"]);
    assert_eq!(found("angstroem"), ["Åsa Ångström"]);
}

#[test]
fn products_are_found_by_name_and_category() {
    use crate::domain::price::UnitPrice;
    use crate::domain::product::Product;
    let mut sensor = Product::new("Pressure sensor PX-200", UnitPrice(120_0000), now());
    sensor.category = "Measurement".into();
    let mut old = Product::new("Pressure gauge", UnitPrice(20_0000), now());
    old.retired = true;
    let mut ix = SearchIndex::build(&[], &[], &[], &[]).with_products(&[sensor.clone(), old]);
    let hits = ix.query("pressure", 5);
    assert_eq!(titles(&hits), ["Pressure sensor PX-200", "Pressure gauge"]);
    assert_eq!(hits[0].kind, HitKind::Product);
    assert_eq!(hits[0].subtitle, "Measurement");
    assert!(hits[1].archived, "a retired product ranks below");
    assert_eq!(
        titles(&ix.query("measurement", 5)),
        ["Pressure sensor PX-200"]
    );
    sensor.name = "Flow sensor".into();
    ix.upsert_product(&sensor);
    assert_eq!(titles(&ix.query("flow", 5)), ["Flow sensor"]);
    ix.remove(sensor.id);
    assert!(ix.query("flow", 5).is_empty());
}

#[test]
fn proposal_versions_are_found_by_deal_title_and_number() {
    use crate::domain::proposal::{Proposal, ProposalContent};
    let acme = Account::new("Acme Piens", now());
    let deal = Deal::new(
        acme.id,
        "Line 4 retrofit",
        crate::domain::money::Money::zero(crate::domain::money::Currency::default()),
        now(),
    );
    let mut ix = SearchIndex::build(&[acme], &[], std::slice::from_ref(&deal), &[]);
    let v1 = Proposal::draft(
        deal.id,
        1,
        ProposalContent::empty(Default::default()),
        now(),
    );
    let v2 = Proposal::draft(
        deal.id,
        2,
        ProposalContent::empty(Default::default()),
        now(),
    );
    ix.upsert_proposal(&v1, &deal.title);
    ix.upsert_proposal(&v2, &deal.title);
    let kinds: Vec<HitKind> = ix.query("retrofit", 10).iter().map(|h| h.kind).collect();
    assert_eq!(kinds[0], HitKind::Deal, "the deal itself first");
    assert_eq!(kinds.iter().filter(|k| **k == HitKind::Proposal).count(), 2);
    let by_number = ix.query("retrofit v2", 10);
    assert_eq!(
        (by_number[0].kind, by_number[0].id),
        (HitKind::Proposal, v2.id)
    );
    assert_eq!(by_number[0].title, "Line 4 retrofit · v2");
    // A renamed deal renames its versions; a deleted version leaves the index.
    ix.upsert_proposal(&v2, "Line 5 upgrade");
    assert_eq!(ix.query("upgrade", 10)[0].id, v2.id);
    ix.remove(v2.id);
    assert!(ix.query("upgrade", 10).is_empty());
}

#[test]
fn a_negotiation_is_found_by_its_contract_number_and_agreed_terms() {
    use crate::domain::negotiation::{Contract, Negotiation, Term};
    let acme = Account::new("Acme Piens", now());
    let deal = Deal::new(
        acme.id,
        "Line 4 retrofit",
        crate::domain::money::Money::zero(crate::domain::money::Currency::default()),
        now(),
    );
    let mut ix = SearchIndex::build(&[acme], &[], std::slice::from_ref(&deal), &[]);
    let mut n = Negotiation::new(deal.id, Default::default(), now());
    // Nothing agreed yet: not in the index.
    ix.upsert_negotiation(&n, &deal.title);
    assert!(ix
        .query("retrofit", 10)
        .iter()
        .all(|h| h.kind == HitKind::Deal));
    n.agreement.terms.push(Term {
        id: crate::domain::ids::new_id(),
        issue_id: None,
        label: "Payment terms".into(),
        value: "45 días netos".into(),
        value_minor: None,
        agreed_on: now().date_naive(),
        confirmation: None,
    });
    ix.upsert_negotiation(&n, &deal.title);
    let by_term = ix.query("dias netos", 10);
    assert_eq!(
        (by_term[0].kind, by_term[0].id),
        (HitKind::Negotiation, n.id)
    );
    assert_eq!(by_term[0].title, "Line 4 retrofit");
    assert_eq!(by_term[0].subtitle, "Payment terms");
    n.agreement.contract = Some(Contract {
        number: "C-2026-014".into(),
        signed_on: now().date_naive(),
        value_minor: 1,
        terms: vec![n.agreement.terms[0].id],
        note: String::new(),
    });
    ix.upsert_negotiation(&n, &deal.title);
    let by_number = ix.query("c-2026-014", 10);
    assert_eq!(by_number.len(), 1);
    assert_eq!(by_number[0].id, n.id);
    assert_eq!(by_number[0].title, "Line 4 retrofit · C-2026-014");
    assert_eq!(ix.query("2026-014", 10)[0].id, n.id, "part of the number");
    // Searching the deal's title finds the deal, not its negotiation twice over.
    assert_eq!(ix.query("retrofit", 10)[0].kind, HitKind::Deal);
    ix.remove(n.id);
    assert!(ix.query("C-2026-014", 10).is_empty());
}

#[test]
fn an_invoice_is_found_by_its_number() {
    use crate::domain::money::{Currency, Money};
    use crate::domain::receivable::Invoice;
    let acme = Account::new("Acme Piens", now());
    let deal = Deal::new(
        acme.id,
        "Line 4 retrofit",
        Money::zero(Currency::default()),
        now(),
    );
    let mut ix = SearchIndex::build(&[acme], &[], std::slice::from_ref(&deal), &[]);
    let day = now().date_naive();
    let inv = Invoice::new(
        deal.id,
        deal.account_id,
        "INV-2026-014",
        day,
        day,
        Money::new(100, Currency::default()),
        now(),
    );
    ix.upsert_invoice(&inv, &deal.title);
    let hits = ix.query("inv-2026-014", 10);
    assert_eq!((hits[0].kind, hits[0].id), (HitKind::Invoice, inv.id));
    assert_eq!(hits[0].title, "INV-2026-014");
    assert_eq!(hits[0].subtitle, "Line 4 retrofit");
    assert_eq!(ix.query("2026-014", 10)[0].id, inv.id, "part of the number");
    // The deal's title finds the deal, not its invoice.
    assert_eq!(ix.query("retrofit", 10)[0].kind, HitKind::Deal);
    ix.remove(inv.id);
    assert!(ix.query("INV-2026-014", 10).is_empty());
}

#[test]
fn partners_and_declined_requests_are_found_by_name_field_and_what_was_asked() {
    use crate::domain::decline::{DeclineDraft, DeclineReason, Partner, TrustLevel};
    let mut ix = SearchIndex::build(&[], &[], &[], &[]);
    let mut p = Partner::new(
        "Nordic Clean Oy",
        "Industrial cleaning",
        TrustLevel::Trusted,
        now(),
    );
    p.neighbouring = vec!["Waste handling".into()];
    ix.upsert_partner(&p);
    let d = DeclineDraft {
        asked: "Weekly cold store floor care".into(),
        field: "Industrial cleaning".into(),
        requester: "Harbour Foods".into(),
        reason: Some(DeclineReason::DifferentBusiness),
        tactical: "2".into(),
        strategic: "4".into(),
        on: "2026-01-05".into(),
        ..DeclineDraft::default()
    }
    .validate(chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(), |_| {
        None
    })
    .unwrap()
    .into_new(now());
    ix.upsert_declined(&d);
    let by_name = ix.query("nordic", 10);
    assert_eq!((by_name[0].kind, by_name[0].id), (HitKind::Partner, p.id));
    assert_eq!(by_name[0].subtitle, "Industrial cleaning");
    assert_eq!(ix.query("waste", 10)[0].id, p.id);
    let by_field: Vec<HitKind> = ix
        .query("industrial cleaning", 10)
        .iter()
        .map(|h| h.kind)
        .collect();
    assert!(by_field.contains(&HitKind::Partner) && by_field.contains(&HitKind::DeclinedRequest));
    let asked = ix.query("cold store", 10);
    assert_eq!(
        (asked[0].kind, asked[0].id),
        (HitKind::DeclinedRequest, d.id)
    );
    assert_eq!(asked[0].subtitle, "Industrial cleaning · Harbour Foods");
    ix.remove(p.id);
    assert!(ix.query("nordic", 10).is_empty());
}

#[test]
fn a_complaint_is_found_by_its_text() {
    use crate::domain::complaint::{Complaint, FeedbackKind};
    let acme = Account::new("Acme Piens", now());
    let mut ix = SearchIndex::build(std::slice::from_ref(&acme), &[], &[], &[]);
    let mut c = Complaint::new(
        FeedbackKind::Complaint,
        acme.id,
        "Sensor 3 reads 2 % high after the firmware update",
        2,
        5,
        now(),
        now(),
    );
    ix.upsert_complaint(&c, &acme.name);
    let hits = ix.query("firmware", 10);
    assert_eq!((hits[0].kind, hits[0].id), (HitKind::Complaint, c.id));
    assert_eq!(hits[0].subtitle, "Acme Piens");
    assert!(!hits[0].archived);
    // Searching the account finds the account first.
    assert_eq!(ix.query("acme", 10)[0].kind, HitKind::Account);
    c.resolution = "Recalibrated on site".into();
    c.resolved_at = Some(now());
    ix.upsert_complaint(&c, &acme.name);
    let hits = ix.query("recalibrated", 10);
    assert_eq!(hits[0].id, c.id);
    assert!(hits[0].archived, "resolved ones rank lower");
    ix.remove(c.id);
    assert!(ix.query("firmware", 10).is_empty());
}
