use super::*;
use crate::domain::fields::FieldProblem;
use crate::domain::ids::Record;
use crate::domain::sorting::SortExt;
use crate::domain::text::{collation_key, Collation};
use chrono::TimeZone;
use chrono::{DateTime, NaiveDate, Utc};

#[test]
fn the_filters_that_narrow_the_list_are_counted() {
    assert_eq!(AccountFilter::default().narrowing(), 0);
    let one = AccountFilter {
        grade: Some(Grade::A),
        ..AccountFilter::default()
    };
    assert_eq!(one.narrowing(), 1);
    // Showing archived or all accounts narrows (or widens) the default view: it counts.
    let all = AccountFilter {
        industry: Some("Food".into()),
        tag: Some("fair".into()),
        owner: Some("Marta".into()),
        customer: Some(CustomerKind::ALL[0]),
        lead_source: Some(LeadSource::ALL[0]),
        archive: ArchiveView::All,
        ..one
    };
    assert_eq!(all.narrowing(), 7);
}

fn t(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, day, 9, 0, 0).unwrap()
}

#[test]
fn enums_codes_match_serde_names() {
    for g in Grade::ALL {
        assert_eq!(
            serde_json::to_string(g).unwrap(),
            format!("\"{}\"", g.code())
        );
        assert_eq!(Grade::from_code(g.code()), Some(*g));
    }
    for s in LeadSource::ALL {
        assert_eq!(
            serde_json::to_string(s).unwrap(),
            format!("\"{}\"", s.code())
        );
    }
    for s in Satisfaction::ALL {
        assert_eq!(
            serde_json::to_string(s).unwrap(),
            format!("\"{}\"", s.code())
        );
    }
    assert_eq!(
        LeadSource::ColdCanvassing.key(),
        "lead_source.cold_canvassing"
    );
    assert_eq!(Grade::A.key(), "grade.a");
    assert_eq!(LeadSource::ALL.len(), 8);
}

#[test]
fn satisfaction_is_a_one_to_five_scale() {
    assert_eq!(Satisfaction::VeryUnhappy.score(), 1);
    assert_eq!(Satisfaction::VerySatisfied.score(), 5);
    assert_eq!(Satisfaction::from_score(3), Some(Satisfaction::Neutral));
    assert_eq!(Satisfaction::from_score(0), None);
    assert_eq!(Satisfaction::from_score(6), None);
}

#[test]
fn a_minimal_record_still_loads() {
    let a = Account::new("Acme", t(1));
    let json = format!(
        r#"{{"id":"{}","created_at":"2026-01-01T09:00:00Z","updated_at":"2026-01-01T09:00:00Z","rev":1,"name":"Acme","future_field":1}}"#,
        a.id
    );
    let back: Account = serde_json::from_str(&json).unwrap();
    assert_eq!(back.name, "Acme");
    assert!(back.tags.is_empty());
    assert!(!back.archived);
    let round: Account = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!(round, a);
    assert_eq!(<Account as Record>::KIND, "accounts");
}

#[test]
fn existing_customer_means_customer_since_is_set() {
    let mut a = Account::new("Acme", t(1));
    assert!(!a.is_existing_customer());
    a.customer_since = NaiveDate::from_ymd_opt(2024, 5, 1);
    assert!(a.is_existing_customer());
}

#[test]
fn empty_name_is_named_and_nothing_typed_is_lost() {
    let d = AccountDraft {
        name: "   ".into(),
        industry: "Dairy".into(),
        emails: vec!["not-an-email".into(), "".into(), "ok@acme.lv".into()],
        phones: vec!["call me".into()],
        website: "acme lv".into(),
        customer_since: "31.02.2024".into(),
        ..Default::default()
    };
    let before = d.clone();
    let errs = d.validate().unwrap_err();
    assert_eq!(d, before);
    assert_eq!(errs[0].field, "name");
    assert_eq!(errs[0].problem, FieldProblem::Required);
    assert_eq!(errs[0].key(), "field.error.required");
    assert_eq!(errs[0].label_key, "account.field.name");
    let emails: Vec<_> = errs.iter().filter(|e| e.field == "emails").collect();
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0].index, Some(0));
    assert_eq!(emails[0].problem, FieldProblem::InvalidEmail);
    assert_eq!(emails[0].arg_value("value"), Some("not-an-email"));
    assert!(errs
        .iter()
        .any(|e| e.field == "phones" && e.problem == FieldProblem::InvalidPhone));
    assert!(errs
        .iter()
        .any(|e| e.field == "website" && e.problem == FieldProblem::InvalidUrl));
    assert!(errs
        .iter()
        .any(|e| e.field == "customer_since" && e.problem == FieldProblem::InvalidDate));
}

#[test]
fn valid_draft_is_cleaned() {
    let d = AccountDraft {
        name: "  Acme SIA ".into(),
        phones: vec!["+371 2000 1234".into(), "".into(), "0037120001234".into()],
        emails: vec!["Info@Acme.lv".into(), "info@acme.lv ".into()],
        website: "acme.lv".into(),
        tags: "dairy, Riga ,, dairy,  key   account".into(),
        customer_since: "2024-05-01".into(),
        grade: Some(Grade::B),
        products_in_use: vec![
            ProductInUse {
                product: " Pump X ".into(),
                satisfaction: Some(Satisfaction::Unhappy),
                ..Default::default()
            },
            ProductInUse::default(),
        ],
        ..Default::default()
    };
    let v = d.validate().unwrap();
    assert_eq!(v.name, "Acme SIA");
    assert_eq!(v.phones, vec!["+371 2000 1234"]);
    assert_eq!(v.emails, vec!["Info@Acme.lv"]);
    assert_eq!(v.tags, vec!["dairy", "Riga", "key account"]);
    assert_eq!(v.customer_since, NaiveDate::from_ymd_opt(2024, 5, 1));
    assert_eq!(v.products_in_use.len(), 1);
    assert_eq!(v.products_in_use[0].product, "Pump X");
    let a = v.into_new(t(1));
    assert_eq!(a.rev, 1);
    assert_eq!(a.grade, Some(Grade::B));
    assert!(a.is_existing_customer());
    // Round trip through the edit form.
    let again = AccountDraft::from_account(&a).validate().unwrap();
    let mut b = a.clone();
    again.apply_to(&mut b);
    assert_eq!(a, b);
}

#[test]
fn a_product_row_without_a_name_is_refused_unless_blank() {
    let d = AccountDraft {
        name: "Acme".into(),
        products_in_use: vec![ProductInUse {
            satisfaction: Some(Satisfaction::Satisfied),
            ..Default::default()
        }],
        ..Default::default()
    };
    let errs = d.validate().unwrap_err();
    assert_eq!(errs[0].field, "products_in_use");
    assert_eq!(errs[0].index, Some(0));
}

#[test]
fn field_checks() {
    assert!(is_valid_email("a.b+c@mail.example.com"));
    assert!(!is_valid_email("a@b"));
    assert!(!is_valid_email("a b@c.lv"));
    assert!(!is_valid_email("@c.lv"));
    assert!(!is_valid_email("a@@c.lv"));
    assert!(is_valid_phone("+371 (67) 200-012"));
    assert!(is_valid_phone("112"));
    assert!(!is_valid_phone("12"));
    assert!(!is_valid_phone("+371 2000 1234 ask for Anna"));
    assert!(!is_valid_phone("371+2000"));
    assert!(is_valid_url("acme.lv"));
    assert!(is_valid_url("https://www.acme.lv/lv/par-mums?x=1"));
    assert!(is_valid_url("http://localhost.test:8080"));
    assert!(is_valid_url("https://bērziņi.lv"));
    assert!(!is_valid_url("acme"));
    assert!(!is_valid_url("ftp://acme.lv"));
    assert!(!is_valid_url("acme .lv"));
    assert_eq!(website_href("acme.lv"), "https://acme.lv");
    assert_eq!(website_href("http://acme.lv"), "http://acme.lv");
    assert_eq!(tel_href("+371 (2000) 12-34"), "tel:+37120001234");
    assert_eq!(mailto_href(" a@b.lv "), "mailto:a@b.lv");
}

fn sample() -> Vec<Account> {
    let mut a = Account::new("Zeta", t(3));
    a.grade = Some(Grade::C);
    a.industry = "Dairy".into();
    a.owner = "Anna".into();
    a.tags = vec!["Key".into()];
    let mut b = Account::new("Ábols", t(1));
    b.grade = Some(Grade::A);
    b.industry = "dairy ".into();
    b.customer_since = NaiveDate::from_ymd_opt(2020, 1, 1);
    let mut c = Account::new("abele", t(2));
    c.industry = "Timber".into();
    c.owner = "anna".into();
    let mut d = Account::new("Old", t(4));
    d.archived = true;
    d.grade = Some(Grade::A);
    vec![a, b, c, d]
}

fn names(v: &[&Account]) -> Vec<String> {
    v.iter().map(|a| a.name.clone()).collect()
}

#[test]
fn filter_by_lead_source() {
    let mut all = sample();
    all[0].lead_source = Some(LeadSource::Referral);
    all[2].lead_source = Some(LeadSource::Referral);
    all[1].lead_source = Some(LeadSource::Media);
    let f = AccountFilter {
        lead_source: Some(LeadSource::Referral),
        ..Default::default()
    };
    assert_eq!(names(&filter_accounts(&all, &f)), ["Zeta", "abele"]);
    let f = AccountFilter {
        lead_source: Some(LeadSource::Partner),
        ..Default::default()
    };
    assert!(filter_accounts(&all, &f).is_empty());
}

#[test]
fn lead_source_report_counts_accounts_customers_and_won_value() {
    use crate::domain::deal::{Deal, Outcome};
    use crate::domain::money::{Currency, Money};
    let mut all = sample();
    // Zeta and abele from referrals (abele a customer), Ábols (customer) from media,
    // Old (archived) without a source.
    all[0].lead_source = Some(LeadSource::Referral);
    all[2].lead_source = Some(LeadSource::Referral);
    all[2].customer_since = NaiveDate::from_ymd_opt(2024, 3, 1);
    all[1].lead_source = Some(LeadSource::Media);
    let eur = |minor| Money::new(minor, Currency::parse("EUR").unwrap());
    let won = |acc: &Account, m: Money| {
        let mut d = Deal::new(acc.id, "won", m, t(5));
        d.outcome = Outcome::Won {
            at: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            paid_on: None,
        };
        d
    };
    let deals = vec![
        won(&all[0], eur(100_000)),
        won(&all[2], eur(50_000)),
        won(&all[2], Money::new(7_000, Currency::parse("USD").unwrap())),
        // Open and lost deals do not count.
        Deal::new(all[1].id, "open", eur(999_999), t(5)),
    ];
    let r = lead_source_report(&all, &deals);
    let sources: Vec<_> = r.iter().map(|x| x.source).collect();
    assert_eq!(
        sources,
        [Some(LeadSource::Media), Some(LeadSource::Referral), None]
    );
    let referral = &r[1];
    assert_eq!((referral.accounts, referral.customers), (2, 1));
    assert_eq!(
        referral.won.get(&Currency::parse("EUR").unwrap()),
        Some(&150_000)
    );
    assert_eq!(
        referral.won.get(&Currency::parse("USD").unwrap()),
        Some(&7_000)
    );
    assert_eq!((r[0].accounts, r[0].customers), (1, 1));
    assert!(r[0].won.is_empty());
    assert_eq!((r[2].accounts, r[2].customers), (1, 0));
    assert!(lead_source_report(&[], &deals).is_empty());
}

#[test]
fn filters() {
    let all = sample();
    let f = AccountFilter::default();
    assert_eq!(
        names(&filter_accounts(&all, &f)),
        ["Zeta", "Ábols", "abele"]
    );
    let f = AccountFilter {
        grade: Some(Grade::A),
        ..Default::default()
    };
    assert_eq!(names(&filter_accounts(&all, &f)), ["Ábols"]);
    let f = AccountFilter {
        grade: Some(Grade::A),
        archive: ArchiveView::All,
        ..Default::default()
    };
    assert_eq!(names(&filter_accounts(&all, &f)), ["Ábols", "Old"]);
    let f = AccountFilter {
        archive: ArchiveView::Archived,
        ..Default::default()
    };
    assert_eq!(names(&filter_accounts(&all, &f)), ["Old"]);
    let f = AccountFilter {
        industry: Some("DAIRY".into()),
        ..Default::default()
    };
    assert_eq!(names(&filter_accounts(&all, &f)), ["Zeta", "Ábols"]);
    let f = AccountFilter {
        tag: Some("key".into()),
        ..Default::default()
    };
    assert_eq!(names(&filter_accounts(&all, &f)), ["Zeta"]);
    let f = AccountFilter {
        owner: Some("ANNA".into()),
        ..Default::default()
    };
    assert_eq!(names(&filter_accounts(&all, &f)), ["Zeta", "abele"]);
    let f = AccountFilter {
        customer: Some(CustomerKind::Existing),
        ..Default::default()
    };
    assert_eq!(names(&filter_accounts(&all, &f)), ["Ábols"]);
    let f = AccountFilter {
        customer: Some(CustomerKind::New),
        ..Default::default()
    };
    assert_eq!(names(&filter_accounts(&all, &f)), ["Zeta", "abele"]);
}

#[test]
fn sorts() {
    let all = sample();
    let mut v: Vec<&Account> = all.iter().collect();
    sort_accounts(&mut v, AccountSortKey::Name, false, &|n| {
        collation_key(Collation::Plain, n)
    });
    assert_eq!(names(&v), ["abele", "Ábols", "Old", "Zeta"]);
    sort_accounts(&mut v, AccountSortKey::Name, true, &|n| {
        collation_key(Collation::Plain, n)
    });
    assert_eq!(names(&v), ["Zeta", "Old", "Ábols", "abele"]);
    sort_accounts(&mut v, AccountSortKey::Grade, false, &|n| {
        collation_key(Collation::Plain, n)
    });
    assert_eq!(names(&v), ["Ábols", "Old", "Zeta", "abele"]);
    sort_accounts(&mut v, AccountSortKey::Updated, true, &|n| {
        collation_key(Collation::Plain, n)
    });
    assert_eq!(names(&v), ["Old", "Zeta", "abele", "Ábols"]);
}

#[test]
fn filter_options_are_distinct_and_folded() {
    let all = sample();
    assert_eq!(industries(&all), ["Dairy", "Timber"]);
    assert_eq!(owners(&all), ["Anna"]);
    assert_eq!(all_tags(&all), ["Key"]);
}

#[test]
fn archive_keeps_everything_else() {
    let a = Account::new("Acme", t(1));
    let b = set_archived(&a, true);
    assert!(b.archived);
    assert_eq!(b.id, a.id);
    assert!(!set_archived(&b, false).archived);
}

fn catalogue(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (k, v) = line
            .split_once(" = ")
            .unwrap_or_else(|| panic!("line {}: not `key = value`: {line}", n + 1));
        assert!(
            !k.is_empty()
                && k.bytes().all(|b| b.is_ascii_lowercase()
                    || b.is_ascii_digit()
                    || b == b'_'
                    || b == b'.'),
            "bad key {k}"
        );
        assert!(!v.trim().is_empty(), "empty value for {k}");
        out.push((k.to_string(), v.to_string()));
    }
    out
}

#[test]
fn customer_catalogues_cover_every_key_in_both_languages() {
    let en = catalogue(include_str!("../../i18n/en/customers.txt"));
    let es = catalogue(include_str!("../../i18n/es/customers.txt"));
    let keys = |c: &[(String, String)]| {
        let mut k: Vec<String> = c.iter().map(|(k, _)| k.clone()).collect();
        k.sort_plain();
        let n = k.len();
        k.dedup();
        assert_eq!(n, k.len(), "duplicate keys");
        k
    };
    assert_eq!(keys(&en), keys(&es));
    for (k, v) in &en {
        let (_, es_v) = es.iter().find(|(ek, _)| ek == k).unwrap();
        let holes = |s: &str| {
            let mut h: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(x, _)| x.to_string()))
                .collect();
            h.sort_plain();
            h
        };
        assert_eq!(holes(v), holes(es_v), "placeholders of {k}");
    }
    // The labels and messages the validators give: `domain::fields` tests.
}

#[test]
fn an_account_with_people_or_deals_is_not_deleted() {
    use crate::domain::contact::Contact;
    use crate::domain::deal::Deal;
    use crate::domain::money::{Currency, Money};
    let a = Account::new("Acme", t(1));
    let other = Account::new("Other", t(1));
    let eur = Currency::parse("EUR").unwrap();
    let people = vec![
        Contact::new(a.id, "Anna", t(1)),
        Contact::new(a.id, "Juris", t(1)),
        Contact::new(other.id, "Ilze", t(1)),
    ];
    let deals = vec![Deal::new(a.id, "Line 4", Money::zero(eur), t(1))];
    assert_eq!(
        check_delete(a.id, &people, &deals, 0),
        Err(StillLinked {
            people: 2,
            deals: 1,
            service: 0
        })
    );
    assert_eq!(
        check_delete(a.id, &people, &[], 0),
        Err(StillLinked {
            people: 2,
            deals: 0,
            service: 0
        })
    );
    assert_eq!(check_delete(other.id, &people[..2], &deals[..0], 0), Ok(()));
    // A complaint or a credit check naming the account keeps it too.
    assert_eq!(
        check_delete(other.id, &people[..2], &deals[..0], 2),
        Err(StillLinked {
            people: 0,
            deals: 0,
            service: 2
        })
    );
    assert_eq!(
        check_delete(other.id, &people, &deals, 0)
            .unwrap_err()
            .people,
        1
    );
}

#[test]
fn products_in_use_are_added_with_a_name_and_removed_by_place() {
    let a = Account::new("Acme", t(1));
    let err = add_product(
        &a,
        ProductInUse {
            product: "  ".into(),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        (err.field, err.label_key, err.problem),
        ("product", "account.field.product", FieldProblem::Required)
    );
    let with = add_product(
        &a,
        ProductInUse {
            product: " Pump X ".into(),
            satisfaction: Some(Satisfaction::ALL[0]),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(with.products_in_use.len(), 1);
    assert_eq!(with.products_in_use[0].product, "Pump X");
    assert_eq!(
        with.products_in_use[0].satisfaction,
        Some(Satisfaction::ALL[0])
    );
    assert_eq!(remove_product(&with, 1), None);
    assert!(remove_product(&with, 0).unwrap().products_in_use.is_empty());
}

#[test]
fn the_language_of_documents_goes_through_the_form_and_back() {
    use crate::i18n::Locale;
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap();
    let mut a = Account::new("Danube Castings", now);
    assert_eq!(a.language, None);
    let mut d = AccountDraft::from_account(&a);
    d.language = Some(Locale::Hu);
    d.validate().unwrap().apply_to(&mut a);
    assert_eq!(a.language, Some(Locale::Hu));
    assert_eq!(AccountDraft::from_account(&a).language, Some(Locale::Hu));
    // Stored as the language's tag; a record without one reads as the app's language.
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(v["language"], "hu");
    let mut old = v.clone();
    old.as_object_mut().unwrap().remove("language");
    assert_eq!(
        serde_json::from_value::<Account>(old).unwrap().language,
        None
    );
    // A language the app does not speak is refused, not dropped.
    let mut unknown = v;
    unknown["language"] = "xx".into();
    assert!(serde_json::from_value::<Account>(unknown).is_err());
}
