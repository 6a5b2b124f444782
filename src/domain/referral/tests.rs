use super::*;
use crate::domain::deal::{Deal, Outcome};
use crate::domain::fields::FieldError;
use crate::domain::ids::{new_id, Id};
use crate::domain::keys::Keyed;
use crate::domain::money::{Currency, Money};
use crate::domain::rules::CheckContext;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn at(m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, 9, 0, 0).unwrap()
}

/// The book: the referrer (a person of `home`), a lead account `lead` with its person,
/// another account `other`, and a deal of `home`.
struct Book {
    home: Id,
    person: Id,
    lead: Id,
    lead_person: Id,
    other: Id,
    deal: Id,
}

fn book() -> Book {
    Book {
        home: new_id(),
        person: new_id(),
        lead: new_id(),
        lead_person: new_id(),
        other: new_id(),
        deal: new_id(),
    }
}

fn validate(b: &Book, d: &ReferralDraft) -> Result<ReferralFields, Vec<FieldError>> {
    let accounts = [b.home, b.lead, b.other];
    let exists = move |a: Id| accounts.contains(&a);
    let (person, lead_person, home, lead, deal) = (b.person, b.lead_person, b.home, b.lead, b.deal);
    let person_account = move |p: Id| {
        if p == person {
            Some(home)
        } else if p == lead_person {
            Some(lead)
        } else {
            None
        }
    };
    let deal_account = move |x: Id| (x == deal).then_some(home);
    let links = Links {
        account_exists: &exists,
        person_account: &person_account,
        deal_account: &deal_account,
    };
    d.validate(&links, day(6, 1))
}

fn keys(errs: &[FieldError]) -> Vec<(&'static str, Option<usize>, &'static str)> {
    errs.iter().map(|e| (e.field, e.index, e.key())).collect()
}

#[test]
fn an_ask_with_a_lead_is_logged_for_the_persons_account() {
    let b = book();
    let mut d = ReferralDraft::new(Some(b.deal), day(6, 1));
    d.person_id = Some(b.person);
    d.leads = vec![ReferredLead {
        account_id: b.lead,
        person_id: Some(b.lead_person),
    }];
    d.note = "  Call Lin first ".into();
    let f = validate(&b, &d).unwrap();
    assert_eq!(f.account_id, b.home);
    assert_eq!(
        f.answer,
        ReferralAnswer::Yes,
        "leads given: the answer was yes"
    );
    assert_eq!(f.note, "Call Lin first");
    let r = f.into_new(at(6, 1));
    assert!(check_record(&r, &CheckContext { now: at(6, 1) }).is_ok());
    assert_eq!(ReferralDraft::of(&r).asked_on, "2026-06-01");
}

#[test]
fn bad_asks_are_refused_at_their_fields() {
    let b = book();
    let mut d = ReferralDraft::new(None, day(6, 1));
    d.asked_on = "2026-06-02".into();
    assert_eq!(
        keys(&validate(&b, &d).unwrap_err()),
        vec![
            ("person", None, "field.error.required"),
            ("asked_on", None, "referral.error.future"),
        ]
    );
    let mut d = ReferralDraft::new(Some(new_id()), day(6, 1));
    d.person_id = Some(b.person);
    d.asked_on = "1.6.2026".into();
    d.answer = ReferralAnswer::No;
    d.leads = vec![
        ReferredLead {
            account_id: b.home,
            person_id: None,
        },
        ReferredLead {
            account_id: b.lead,
            person_id: Some(b.person),
        },
        ReferredLead {
            account_id: b.other,
            person_id: None,
        },
        ReferredLead {
            account_id: b.other,
            person_id: None,
        },
        ReferredLead {
            account_id: new_id(),
            person_id: None,
        },
    ];
    assert_eq!(
        keys(&validate(&b, &d).unwrap_err()),
        vec![
            ("deal", None, "referral.error.deal_not_of_account"),
            ("asked_on", None, "field.error.invalid_date"),
            ("answer", None, "referral.error.leads_without_yes"),
            ("leads", Some(0), "referral.error.own_account"),
            ("leads", Some(1), "referral.error.lead_person_elsewhere"),
            ("leads", Some(3), "referral.error.lead_twice"),
            ("leads", Some(4), "referral.error.unknown_lead"),
        ]
    );
    let mut d = ReferralDraft::new(None, day(6, 1));
    d.person_id = Some(new_id());
    assert_eq!(
        keys(&validate(&b, &d).unwrap_err()),
        vec![("person", None, "referral.error.unknown_person")]
    );
}

#[test]
fn the_record_rules_refuse_a_lead_that_is_the_referrers_own_account() {
    let b = book();
    let ctx = CheckContext { now: at(6, 1) };
    let mut r = Referral::new(b.person, b.home, day(5, 1), at(5, 1));
    assert!(check_record(&r, &ctx).is_ok());
    r.leads = vec![ReferredLead {
        account_id: b.lead,
        person_id: None,
    }];
    assert_eq!(
        check_record(&r, &ctx).unwrap_err().reason,
        "referral.error.leads_without_yes.rule"
    );
    r.answer = ReferralAnswer::Yes;
    assert!(check_record(&r, &ctx).is_ok());
    r.leads.push(ReferredLead {
        account_id: b.home,
        person_id: None,
    });
    let e = check_record(&r, &ctx).unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.reason),
        ("leads[1].account_id", "referral.error.own_account.rule")
    );
    r.leads[1].account_id = b.lead;
    assert_eq!(
        check_record(&r, &ctx).unwrap_err().reason,
        "referral.error.lead_twice.rule"
    );
    r.leads.pop();
    r.asked_on = day(6, 5);
    assert_eq!(check_record(&r, &ctx).unwrap_err().reason, "rule.future");
}

fn deal(account: Id, created: DateTime<Utc>, minor: i64, currency: &str, won: bool) -> Deal {
    let mut d = Deal::new(
        account,
        "Line",
        Money::new(minor, Currency::parse(currency).unwrap()),
        created,
    );
    if won {
        d.outcome = Outcome::Won {
            at: created.date_naive(),
            paid_on: None,
        };
    }
    d
}

#[test]
fn a_referrer_brings_the_lead_accounts_deals_from_the_day_of_the_ask() {
    let b = book();
    let mut ask = Referral::new(b.person, b.home, day(3, 10), at(3, 10));
    ask.answer = ReferralAnswer::Yes;
    ask.leads = vec![ReferredLead {
        account_id: b.lead,
        person_id: None,
    }];
    // A later ask naming the same account does not move its first day.
    let mut again = Referral::new(b.person, b.home, day(4, 1), at(4, 1));
    again.answer = ReferralAnswer::Yes;
    again.leads = ask.leads.clone();
    // Someone else's ask naming `other`.
    let mut elsewhere = Referral::new(new_id(), b.home, day(1, 1), at(1, 1));
    elsewhere.answer = ReferralAnswer::Yes;
    elsewhere.leads = vec![ReferredLead {
        account_id: b.other,
        person_id: None,
    }];

    let before = deal(b.lead, at(3, 9), 50_000, "EUR", true);
    let same_day = deal(b.lead, at(3, 10), 120_000, "EUR", true);
    let open = deal(b.lead, at(4, 2), 70_000, "EUR", false);
    let usd = deal(b.lead, at(5, 2), 30_000, "USD", true);
    let not_a_lead = deal(b.other, at(5, 2), 99_000, "EUR", true);
    let deals = [
        before,
        same_day.clone(),
        open.clone(),
        usd.clone(),
        not_a_lead,
    ];
    let refs = [again, ask.clone(), elsewhere];
    let got = referred_deals(b.person, refs.iter(), deals.iter());
    assert_eq!(
        got.deals.iter().map(|d| d.deal_id).collect::<Vec<_>>(),
        vec![same_day.id, open.id, usd.id],
        "the deal before the ask was not brought by it"
    );
    assert!(got.deals.iter().all(|d| d.referral_id == ask.id));
    assert_eq!(got.won_count(), 2);
    assert_eq!(
        got.won.get(&Currency::parse("EUR").unwrap()),
        Some(&120_000)
    );
    assert_eq!(got.won.get(&Currency::parse("USD").unwrap()), Some(&30_000));
    assert_eq!(
        referred_deals(b.lead_person, refs.iter(), deals.iter()),
        ReferredDeals::default()
    );
}

#[test]
fn every_key_an_ask_gives_is_in_every_catalogue() {
    use crate::i18n::Locale;
    let mut keys: Vec<&str> = vec![
        "referral.error.unknown_person",
        "referral.error.deal_not_of_account",
        "referral.error.future",
        "referral.error.leads_without_yes",
        "referral.error.unknown_lead",
        "referral.error.own_account",
        "referral.error.lead_twice",
        "referral.error.lead_person_elsewhere",
        "referral.error.too_long",
        "referral.error.leads_without_yes.rule",
        "referral.error.own_account.rule",
        "referral.error.lead_twice.rule",
        label::PERSON,
        label::DEAL,
        label::ASKED_ON,
        label::ANSWER,
        label::LEADS,
        label::NOTE,
    ];
    keys.extend(ReferralAnswer::keys());
    for &locale in Locale::ALL {
        let cat = locale.catalogue();
        let missing: Vec<_> = keys.iter().filter(|k| cat.get(k).is_none()).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", locale.tag());
    }
}
