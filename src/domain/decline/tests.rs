use super::partner::{field_match, split_fields, untrusted_in_field, FieldMatch};
use super::report::{newest_first, requests_naming};
use super::*;
use crate::domain::fields::FieldProblem;
use crate::domain::ids::{new_id, Id};
use crate::domain::keys::Keyed;
use crate::domain::rules::{CheckContext, Checked};
use chrono::{NaiveDate, TimeZone, Utc};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap()
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn partner(name: &str, field: &str, neighbouring: &[&str], trust: TrustLevel) -> Partner {
    let mut p = Partner::new(name, field, trust, now());
    p.neighbouring = neighbouring.iter().map(|s| s.to_string()).collect();
    p
}

fn draft() -> DeclineDraft {
    DeclineDraft {
        asked: "Clean the cold store floor weekly".into(),
        field: "Industrial cleaning".into(),
        requester: "Harbour Foods".into(),
        reason: Some(DeclineReason::DifferentBusiness),
        tactical: "2".into(),
        strategic: "3".into(),
        on: "2026-05-30".into(),
        ..DeclineDraft::default()
    }
}

fn fields_of(errs: &[crate::domain::fields::FieldError]) -> Vec<&'static str> {
    errs.iter().map(|e| e.field).collect()
}

#[test]
fn partner_proposal_only_when_trusted() {
    let trusted = partner(
        "Nordic Clean",
        "Industrial cleaning",
        &[],
        TrustLevel::Trusted,
    );
    let known = partner("Known Clean", "industrial cleaning", &[], TrustLevel::Known);
    let unsure = partner("Shady Mops", "INDUSTRIAL CLEANING", &[], TrustLevel::Unsure);
    let all = [unsure.clone(), known.clone(), trusted.clone()];
    let found = proposable_partners(&all, "industrial cleaning");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, trusted.id);
    assert_eq!(untrusted_in_field(&all, "industrial cleaning"), 2);
    // None trusted in the field: none proposed.
    assert!(proposable_partners(&[known, unsure], "industrial cleaning").is_empty());
}

#[test]
fn partners_match_by_field_or_neighbour_folded_exact_first() {
    let neighbour = partner(
        "Alpha Waste",
        "Waste handling",
        &["Limpieza industrial"],
        TrustLevel::Trusted,
    );
    let exact = partner(
        "Zeta Limpiezas",
        "limpieza  INDUSTRIAL",
        &[],
        TrustLevel::Trusted,
    );
    let other = partner(
        "Beta Paint",
        "Painting",
        &["Decorating"],
        TrustLevel::Trusted,
    );
    let all = [neighbour.clone(), other, exact.clone()];
    let found: Vec<Id> = proposable_partners(&all, "Limpiéza industrial")
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(found, vec![exact.id, neighbour.id], "exact field first");
    assert_eq!(
        field_match(&exact, "limpieza industrial"),
        Some(FieldMatch::Exact)
    );
    assert_eq!(
        field_match(&neighbour, "limpieza industrial"),
        Some(FieldMatch::Neighbouring)
    );
    assert!(proposable_partners(&all, "  ").is_empty());
}

#[test]
fn the_partner_form_requires_name_and_field_and_checks_contacts() {
    let d = PartnerDraft {
        phone: "call me".into(),
        email: "nobody".into(),
        ..PartnerDraft::default()
    };
    let errs = d.validate().unwrap_err();
    assert_eq!(fields_of(&errs), vec!["name", "field", "phone", "email"]);
    assert_eq!(errs[2].problem, FieldProblem::InvalidPhone);
    assert_eq!(errs[3].problem, FieldProblem::InvalidEmail);
    let ok = PartnerDraft {
        name: " Nordic Clean ".into(),
        field: "industrial cleaning".into(),
        neighbouring: "waste handling, Waste  Handling; window cleaning".into(),
        trust: TrustLevel::Trusted,
        phone: "+358 40 123 4567".into(),
        email: "aino@nordic.fi".into(),
        ..PartnerDraft::default()
    }
    .validate()
    .unwrap();
    assert_eq!(ok.name, "Nordic Clean");
    assert_eq!(ok.neighbouring, vec!["waste handling", "window cleaning"]);
    assert_eq!(split_fields(" , ;"), Vec::<String>::new());
}

#[test]
fn the_flow_refuses_each_missing_or_bad_part_at_its_field() {
    let today = day(6, 1);
    let bad = DeclineDraft {
        asked: " ".into(),
        field: String::new(),
        requester: String::new(),
        reason: None,
        tactical: "9".into(),
        strategic: "x".into(),
        on: "2026-06-02".into(),
        ..DeclineDraft::default()
    };
    let errs = bad.validate(today, |_| None).unwrap_err();
    assert_eq!(
        fields_of(&errs),
        vec![
            "asked",
            "field",
            "requester",
            "reason",
            "tactical",
            "strategic",
            "on"
        ]
    );
    assert_eq!(errs[2].problem, DeclineProblem::WhoRequired.into());
    assert_eq!(errs[4].problem, DeclineProblem::ImportanceInvalid.into());
    assert_eq!(errs[4].arg_value("value"), Some("9"));
    assert_eq!(errs[6].problem, DeclineProblem::OnInFuture.into());
    for typed in ["0", "6"] {
        let d = DeclineDraft {
            tactical: typed.into(),
            ..draft()
        };
        assert_eq!(
            fields_of(&d.validate(today, |_| None).unwrap_err()),
            vec!["tactical"]
        );
    }
    // An account stands for who asked.
    let d = DeclineDraft {
        requester: String::new(),
        account_id: Some(new_id()),
        ..draft()
    };
    assert!(d.validate(today, |_| None).is_ok());
    // Today itself is fine.
    let d = DeclineDraft {
        on: "2026-06-01".into(),
        ..draft()
    };
    assert!(d.validate(today, |_| None).is_ok());
}

#[test]
fn each_alternative_needs_its_detail_and_a_partner_must_be_trusted() {
    let today = day(6, 1);
    let trusted = new_id();
    let unsure = new_id();
    let trust = move |id: Id| {
        if id == trusted {
            Some(TrustLevel::Trusted)
        } else if id == unsure {
            Some(TrustLevel::Unsure)
        } else {
            None
        }
    };
    let all = DeclineDraft {
        alternatives: vec![
            Alternative::Partner,
            Alternative::Wait,
            Alternative::Substitute,
        ],
        ..draft()
    };
    let errs = all.validate(today, trust).unwrap_err();
    assert_eq!(
        fields_of(&errs),
        vec!["wait_until", "substitute", "partner"]
    );
    assert_eq!(errs[0].problem, DeclineProblem::WaitUntilRequired.into());
    assert_eq!(errs[2].problem, DeclineProblem::PartnerRequired.into());

    let before = DeclineDraft {
        wait_until: "2026-05-29".into(),
        substitute: "Our floor-care kit".into(),
        partner_id: Some(unsure),
        ..all.clone()
    };
    let errs = before.validate(today, trust).unwrap_err();
    assert_eq!(fields_of(&errs), vec!["wait_until", "partner"]);
    assert_eq!(errs[0].problem, DeclineProblem::WaitBeforeDeclined.into());
    assert_eq!(errs[1].problem, DeclineProblem::PartnerNotTrusted.into());
    let gone = DeclineDraft {
        partner_id: Some(new_id()),
        ..before.clone()
    };
    assert_eq!(
        gone.validate(today, trust).unwrap_err()[1].problem,
        DeclineProblem::PartnerMissing.into()
    );

    let ok = DeclineDraft {
        wait_until: "2026-05-30".into(),
        partner_id: Some(trusted),
        ..before
    }
    .validate(today, trust)
    .unwrap();
    assert_eq!(
        ok.wait_until,
        Some(day(5, 30)),
        "waiting from the day declined is fine"
    );
    assert_eq!(ok.partner_id, Some(trusted));
    assert_eq!(
        ok.alternatives,
        vec![
            Alternative::Wait,
            Alternative::Substitute,
            Alternative::Partner
        ]
    );

    // Details of alternatives not chosen are dropped.
    let dropped = DeclineDraft {
        wait_until: "bad".into(),
        substitute: "kit".into(),
        partner_id: Some(unsure),
        ..draft()
    }
    .validate(today, trust)
    .unwrap();
    assert_eq!(
        (
            dropped.wait_until,
            dropped.substitute.as_str(),
            dropped.partner_id
        ),
        (None, "", None)
    );
}

#[test]
fn the_script_says_thanks_reason_alternatives_and_invites_back() {
    let p = Partner {
        contact: "Aino".into(),
        phone: "+358 40 123 4567".into(),
        ..partner(
            "Nordic Clean",
            "industrial cleaning",
            &[],
            TrustLevel::Trusted,
        )
    };
    let parts = script_parts(
        Some(DeclineReason::NoStock),
        &[Alternative::Wait, Alternative::Partner],
        Some(day(7, 1)),
        "",
        Some(&p),
    );
    assert_eq!(
        parts,
        vec![
            ScriptPart::Thanks,
            ScriptPart::Reason(DeclineReason::NoStock),
            ScriptPart::Wait(day(7, 1)),
            ScriptPart::Partner {
                name: "Nordic Clean".into(),
                contact: "Aino".into(),
                phone: "+358 40 123 4567".into(),
                email: String::new(),
            },
            ScriptPart::Invitation,
        ]
    );
    // An untrusted partner is never in the script.
    let unsure = Partner {
        trust: TrustLevel::Unsure,
        ..p
    };
    let parts = script_parts(None, &[Alternative::Partner], None, "", Some(&unsure));
    assert_eq!(parts, vec![ScriptPart::Thanks, ScriptPart::Invitation]);
}

#[test]
fn a_key_customer_is_one_of_strategic_importance_four_or_more() {
    assert!(!key_customer(3));
    assert!(key_customer(4));
    assert!(key_customer(5));
}

fn request(
    field: &str,
    on: NaiveDate,
    reason: DeclineReason,
    partner: Option<Id>,
) -> DeclinedRequest {
    let mut d = DeclineDraft {
        field: field.into(),
        reason: Some(reason),
        on: on.format("%Y-%m-%d").to_string(),
        alternatives: if partner.is_some() {
            vec![Alternative::Partner]
        } else {
            vec![]
        },
        partner_id: partner,
        ..draft()
    }
    .validate(day(12, 31), |_| Some(TrustLevel::Trusted))
    .unwrap()
    .into_new(now());
    d.id = new_id();
    d
}

#[test]
fn demand_is_grouped_by_folded_field_most_asked_first() {
    let p = new_id();
    let rs = vec![
        request(
            "Window cleaning",
            day(3, 1),
            DeclineReason::NoFreeStaff,
            None,
        ),
        request(
            "Industrial Cleaning",
            day(1, 5),
            DeclineReason::DifferentBusiness,
            Some(p),
        ),
        request(
            "industrial  cleaning",
            day(4, 2),
            DeclineReason::NoFreeStaff,
            None,
        ),
        request(
            "INDUSTRIÁL cleaning",
            day(2, 9),
            DeclineReason::DifferentBusiness,
            Some(p),
        ),
        request("Painting", day(5, 1), DeclineReason::OtherSpeciality, None),
    ];
    let report = demand_by_field(&rs);
    assert_eq!(report.len(), 3);
    assert_eq!(report[0].field, "Industrial Cleaning", "as first spelled");
    assert_eq!(report[0].count, 3);
    assert_eq!(report[0].last, day(4, 2));
    assert_eq!(report[0].referred, 2);
    assert_eq!(
        report[0].reasons,
        vec![
            (DeclineReason::DifferentBusiness, 2),
            (DeclineReason::NoFreeStaff, 1)
        ]
    );
    // Ties: the latest first.
    assert_eq!(report[1].field, "Painting");
    assert_eq!(report[2].field, "Window cleaning");
    assert!(demand_by_field(&[]).is_empty());
    assert_eq!(requests_naming(&rs, p), 2);
    let newest: Vec<NaiveDate> = newest_first(&rs).iter().map(|r| r.on).collect();
    assert_eq!(newest[0], day(5, 1));
    assert_eq!(newest[4], day(1, 5));
}

#[test]
fn the_record_rules_are_the_forms_rules() {
    let ctx = CheckContext { now: now() };
    let p = partner(
        "Nordic Clean",
        "industrial cleaning",
        &["waste"],
        TrustLevel::Trusted,
    );
    assert_eq!(p.check(&ctx), Ok(()));
    let bad = Partner {
        email: "no-at-sign".into(),
        ..p.clone()
    };
    let e = bad.check(&ctx).unwrap_err();
    assert_eq!((e.path.as_str(), e.reason), ("email", "rule.invalid_email"));

    let mut r = request("Cleaning", day(5, 1), DeclineReason::NoStock, Some(p.id));
    assert_eq!(r.check(&ctx), Ok(()));
    r.tactical = 9;
    let e = r.check(&ctx).unwrap_err();
    assert_eq!(
        (e.path.as_str(), e.reason),
        ("tactical", "decline.error.importance_invalid")
    );
    r.tactical = 3;
    r.on = day(6, 20);
    let e = r.check(&ctx).unwrap_err();
    assert_eq!(e.reason, "decline.error.on_in_future");
    r.on = day(6, 2);
    assert_eq!(
        r.check(&ctx),
        Ok(()),
        "another device's clock may run a day fast"
    );
    r.partner_id = None;
    assert_eq!(
        r.check(&ctx).unwrap_err().reason,
        "decline.error.partner_required"
    );
}

#[test]
fn every_decline_key_is_in_every_catalogue() {
    let mut keys = DeclineProblem::keys();
    keys.extend(TrustLevel::keys());
    keys.extend(DeclineReason::keys());
    keys.extend(Alternative::keys());
    keys.extend(
        [
            partner::label::NAME,
            partner::label::FIELD,
            partner::label::NEIGHBOURING,
            partner::label::TRUST,
            partner::label::CONTACT,
            partner::label::PHONE,
            partner::label::EMAIL,
            partner::label::NOTES,
            request::label::ASKED,
            request::label::FIELD,
            request::label::REQUESTER,
            request::label::SOURCE,
            request::label::REASON,
            request::label::TACTICAL,
            request::label::STRATEGIC,
            request::label::ALTERNATIVES,
            request::label::WAIT_UNTIL,
            request::label::SUBSTITUTE,
            request::label::PARTNER,
            request::label::ON,
            request::label::SCRIPT,
            request::label::NOTE,
        ]
        .iter(),
    );
    for &locale in crate::i18n::Locale::ALL {
        let cat = locale.catalogue();
        let missing: Vec<_> = keys.iter().filter(|k| cat.get(k).is_none()).collect();
        assert!(missing.is_empty(), "{locale:?} lacks {missing:?}");
    }
}
