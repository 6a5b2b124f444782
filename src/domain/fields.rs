//! The field error of every form: which field is wrong ([`FieldError`]) and what is wrong
//! with it ([`FieldProblem`], one keyed enum for all forms).
//!
//! A form's `validate` returns every [`FieldError`] at once, in form order. The page shows
//! each message under its field (found by [`FieldError::field`]) and lists them all in the
//! form's error summary; the record rules (`domain::rules`) read the first one as a broken
//! rule of a stored record.

use crate::keyed_enum;

/// What is wrong with a field. The shared problems (`field.error.*`) name the field and
/// quote the typed value in their message; the others belong to one form and keep that
/// form's wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldProblem {
    // Shared by the record forms (accounts, people, competitors, intelligence).
    Required,
    InvalidEmail,
    InvalidUrl,
    InvalidPhone,
    InvalidDate,
    /// Longer than [`MAX_NAME`](crate::domain::rules::MAX_NAME) characters.
    TooLong,
    /// Not a number (`{value}`: what was typed).
    NotANumber,
    /// More decimal places than the field takes (`{value}`, `{allowed}`).
    TooManyDecimals,
    /// Below zero (`{value}`).
    Negative,
    /// Larger than the field takes (`{value}`).
    TooLarge,
    // The deal form.
    DealAccountRequired,
    DealTitleRequired,
    DealTitleTooLong,
    DealValueNotAmount,
    DealValueTooManyDecimals,
    DealValueTooLarge,
    DealValueNegative,
    DealCurrencyInvalid,
    DealDateInvalid,
    DealProbabilityInvalid,
    // The activity form.
    ActivityDateMissing,
    /// Not a `YYYY-MM-DD` date (`{input}`: what was typed).
    ActivityDateInvalid,
    /// Not an `HH:MM` (or `HH:MM:SS`) time (`{input}`).
    ActivityTimeInvalid,
    /// The local time does not exist on that date (skipped by a daylight-saving change).
    ActivityTimeSkipped,
    /// Neither a person nor an account was chosen.
    ActivityNoPersonOrAccount,
    /// A gift value (or the gift limit) that is not an amount (`{input}`).
    GiftValueBadAmount,
    /// More decimals than the currency has (`{input}`, `{allowed}`).
    GiftValueTooManyDecimals,
    GiftValueTooLarge,
    /// Not a currency code (`{input}`).
    GiftValueBadCurrency,
    GiftValueNegative,
    /// A gift value was typed for a kind that is not a gift.
    GiftValueNotAGift,
    // The task forms.
    TaskTitleMissing,
    /// Longer than [`MAX_NAME`](crate::domain::rules::MAX_NAME) characters.
    TaskTitleTooLong,
    TaskDateMissing,
    /// Not a `YYYY-MM-DD` date (`{input}`).
    TaskDateInvalid,
    /// Not an `HH:MM` time (`{input}`).
    TaskTimeInvalid,
    // The competitive analysis and the presentation plan.
    /// Longer than [`MAX_TEXT`](crate::domain::rules::MAX_TEXT) characters (`{len}`, `{max}`).
    TextTooLong,
    /// A need that is not (or no longer) on the deal.
    UnknownNeed,
    /// A person who is not (or no longer) on the deal.
    UnknownPerson,
    /// A strength or weakness no longer in the analysis.
    UnknownPoint,
    // The product form.
    /// Not a currency code (`{value}`).
    ProductCurrencyInvalid,
    /// Not a weight of 1–5 (`{value}`).
    ProductWeightInvalid,
    /// A price-break row with a quantity but no price, or a price but no quantity (`{row}`).
    ProductBreakIncomplete,
    /// A break starting at one unit or less (`{row}`, `{value}`).
    ProductBreakQuantityTooSmall,
    /// A break quantity not above the row before (`{row}`, `{value}`).
    ProductBreakQuantityNotIncreasing,
    /// A break price above the row before, or above the list price (`{row}`, `{value}`).
    ProductBreakPriceNotFalling,
    /// The product listed as related to itself.
    ProductRelatedSelf,
    /// A related product that is not in the catalogue.
    ProductRelatedMissing,
    // The proposal's quotation lines and sending.
    /// A catalogue line whose product is not in the catalogue.
    ProposalProductMissing,
    /// A retired product on a new line (`{value}`: its name).
    ProposalProductRetired,
    /// The product's currency (`{value}`) is not the proposal's (`{allowed}`).
    ProposalCurrencyMismatch,
    /// A discount above 100 % (`{value}`).
    ProposalDiscountOver100,
    /// A discount without a written reason.
    ProposalDiscountReasonRequired,
    /// An amount too large for the quotation's arithmetic (`{value}`: the quantity typed).
    ProposalAmountTooLarge,
    /// The offer would end (`{value}`) before the day it is sent (`{allowed}`).
    ProposalValidUntilBeforeSent,
    /// A problem of one form's own, named by its catalogue key (the negotiation's plan,
    /// rounds and deadlocks keep their messages with their own words).
    Form(&'static str),
}

impl From<&'static str> for FieldProblem {
    /// A form's own problem, by its catalogue key.
    fn from(key: &'static str) -> Self {
        FieldProblem::Form(key)
    }
}

impl FieldProblem {
    /// The problems of a typed number ([`FieldError::decimal`]).
    pub const DECIMAL: [FieldProblem; 4] = [
        FieldProblem::NotANumber,
        FieldProblem::TooManyDecimals,
        FieldProblem::Negative,
        FieldProblem::TooLarge,
    ];
}

keyed_enum!(FieldProblem, {
    FieldProblem::Required => "field.error.required",
    FieldProblem::InvalidEmail => "field.error.invalid_email",
    FieldProblem::InvalidUrl => "field.error.invalid_url",
    FieldProblem::InvalidPhone => "field.error.invalid_phone",
    FieldProblem::InvalidDate => "field.error.invalid_date",
    FieldProblem::TooLong => "field.error.too_long",
    FieldProblem::NotANumber => "field.error.not_a_number",
    FieldProblem::TooManyDecimals => "field.error.too_many_decimals",
    FieldProblem::Negative => "field.error.negative",
    FieldProblem::TooLarge => "field.error.too_large",
    FieldProblem::DealAccountRequired => "deal.error.account_required",
    FieldProblem::DealTitleRequired => "deal.error.title_required",
    FieldProblem::DealTitleTooLong => "deal.error.title_too_long",
    FieldProblem::DealValueNotAmount => "deal.error.value_not_amount",
    FieldProblem::DealValueTooManyDecimals => "deal.error.value_too_many_decimals",
    FieldProblem::DealValueTooLarge => "deal.error.value_too_large",
    FieldProblem::DealValueNegative => "deal.error.value_negative",
    FieldProblem::DealCurrencyInvalid => "deal.error.currency_invalid",
    FieldProblem::DealDateInvalid => "deal.error.date_invalid",
    FieldProblem::DealProbabilityInvalid => "deal.error.probability_invalid",
    FieldProblem::ActivityDateMissing => "activity.error.date_missing",
    FieldProblem::ActivityDateInvalid => "activity.error.date_invalid",
    FieldProblem::ActivityTimeInvalid => "activity.error.time_invalid",
    FieldProblem::ActivityTimeSkipped => "activity.error.time_skipped",
    FieldProblem::ActivityNoPersonOrAccount => "activity.error.no_person_or_account",
    FieldProblem::GiftValueBadAmount => "activity.error.gift_value_bad_amount",
    FieldProblem::GiftValueTooManyDecimals => "activity.error.gift_value_too_many_decimals",
    FieldProblem::GiftValueTooLarge => "activity.error.gift_value_too_large",
    FieldProblem::GiftValueBadCurrency => "activity.error.gift_value_bad_currency",
    FieldProblem::GiftValueNegative => "activity.error.gift_value_negative",
    FieldProblem::GiftValueNotAGift => "activity.error.gift_value_not_a_gift",
    FieldProblem::TaskTitleMissing => "task.error.title_missing",
    FieldProblem::TaskTitleTooLong => "task.error.title_too_long",
    FieldProblem::TaskDateMissing => "task.error.date_missing",
    FieldProblem::TaskDateInvalid => "task.error.date_invalid",
    FieldProblem::TaskTimeInvalid => "task.error.time_invalid",
    FieldProblem::TextTooLong => "competitive.error.text_too_long",
    FieldProblem::UnknownNeed => "competitive.error.unknown_need",
    FieldProblem::UnknownPerson => "competitive.error.unknown_person",
    FieldProblem::UnknownPoint => "competitive.error.unknown_point",
    FieldProblem::ProductCurrencyInvalid => "product.error.currency_invalid",
    FieldProblem::ProductWeightInvalid => "product.error.weight_invalid",
    FieldProblem::ProductBreakIncomplete => "product.error.break_incomplete",
    FieldProblem::ProductBreakQuantityTooSmall => "product.error.break_quantity_too_small",
    FieldProblem::ProductBreakQuantityNotIncreasing => "product.error.break_quantity_not_increasing",
    FieldProblem::ProductBreakPriceNotFalling => "product.error.break_price_not_falling",
    FieldProblem::ProductRelatedSelf => "product.error.related_self",
    FieldProblem::ProductRelatedMissing => "product.error.related_missing",
    FieldProblem::ProposalProductMissing => "proposal.error.product_missing",
    FieldProblem::ProposalProductRetired => "proposal.error.product_retired",
    FieldProblem::ProposalCurrencyMismatch => "proposal.error.currency_mismatch",
    FieldProblem::ProposalDiscountOver100 => "proposal.error.discount_over_100",
    FieldProblem::ProposalDiscountReasonRequired => "proposal.error.discount_reason_required",
    FieldProblem::ProposalAmountTooLarge => "proposal.error.amount_too_large",
    FieldProblem::ProposalValidUntilBeforeSent => "proposal.error.valid_until_before_sent",
}, via {
    FieldProblem::Form(key) => key,
});

/// One field in error.
///
/// `field` is the draft's field name ("name", "emails", "address.city", "gift_value"): the
/// page finds the control to attach the message to by it. `index` says which row of a list
/// field; `label_key` is the catalogue key of the field's label (the message's `{field}`);
/// `args` fill the message's other placeholders (`value`, `input`, `allowed`), quoting what
/// was typed; an amount of money among them is also kept in `amounts`, so that the page
/// writes it the way the rep's language writes money (the text in `args` is a plain
/// "600.00 EUR").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub index: Option<usize>,
    pub label_key: &'static str,
    pub problem: FieldProblem,
    pub args: Vec<(&'static str, String)>,
    pub amounts: Vec<(&'static str, crate::domain::money::Money)>,
}

impl FieldError {
    pub fn new(
        field: &'static str,
        label_key: &'static str,
        problem: impl Into<FieldProblem>,
    ) -> Self {
        FieldError {
            field,
            index: None,
            label_key,
            problem: problem.into(),
            args: Vec::new(),
            amounts: Vec::new(),
        }
    }

    /// A typed number that did not parse ([`DecimalError`](crate::domain::price::DecimalError)),
    /// quoting what was typed.
    pub fn decimal(
        field: &'static str,
        label_key: &'static str,
        error: &crate::domain::price::DecimalError,
        typed: &str,
    ) -> Self {
        use crate::domain::price::DecimalError as E;
        let problem = match error {
            E::NotANumber => FieldProblem::NotANumber,
            E::TooManyDecimals { .. } => FieldProblem::TooManyDecimals,
            E::Negative => FieldProblem::Negative,
            E::TooLarge => FieldProblem::TooLarge,
        };
        let e = FieldError::new(field, label_key, problem).arg("value", typed.trim());
        match error {
            E::TooManyDecimals { allowed } => e.arg("allowed", allowed),
            _ => e,
        }
    }

    /// The error on row `index` of a list field.
    pub fn at(mut self, index: usize) -> Self {
        self.index = Some(index);
        self
    }

    /// Adds a placeholder value of the message.
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// Adds an amount of money as placeholder `name` (plain in `args`, kept in `amounts`).
    pub fn amount(mut self, name: &'static str, money: crate::domain::money::Money) -> Self {
        let plain = format!("{} {}", money.to_decimal_string(), money.currency.code());
        self.args.push((name, plain));
        self.amounts.push((name, money));
        self
    }

    /// The value of placeholder `name`, if the error has one.
    pub fn arg_value(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The catalogue key of the message ("field.error.required").
    pub fn key(&self) -> &'static str {
        self.problem.key()
    }
}

/// A date, or a date and time, as a message's placeholder holds it: the form the app
/// stores and the browser's date fields type (`2026-10-17`, `2026-10-17T08:15`,
/// `2026-10-17 08:15`, or with ` UTC`). A message shows it as the rep's language writes
/// dates ([`moment_in`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    Date(chrono::NaiveDate),
    /// A time on the rep's clock.
    Local(chrono::NaiveDateTime),
    Utc(chrono::DateTime<chrono::Utc>),
}

/// The date or date and time a placeholder's text is, if it is one (text that is not a
/// whole valid date, such as a mistyped one, stays as it was typed).
pub fn moment_in(text: &str) -> Option<Moment> {
    use chrono::{NaiveDate, NaiveDateTime};
    let t = text.trim();
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Some(Moment::Date(d));
    }
    let (t, utc) = match t.strip_suffix(" UTC") {
        Some(t) => (t, true),
        None => (t, false),
    };
    let at = [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())?;
    Some(if utc {
        Moment::Utc(at.and_utc())
    } else {
        Moment::Local(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::{AccountDraft, ProductInUse};
    use crate::domain::activity::{parse_gift_limit, ActivityDraft, ActivityKind};
    use crate::domain::agenda::{edit_errors, TaskEdit};
    use crate::domain::competitor::{CompetitorDraft, CompetitorRep};
    use crate::domain::contact::ContactDraft;
    use crate::domain::deal::DealDraft;
    use crate::domain::intel::IntelDraft;
    use crate::domain::money::Currency;
    use crate::i18n::Locale;
    use chrono::Utc;

    /// What every form reports for a draft with every field wrong (and, where two problems
    /// exclude each other, a second draft).
    fn every_form_error() -> Vec<FieldError> {
        let long = "x".repeat(crate::domain::rules::MAX_NAME + 1);
        let bad = |s: &str| vec![s.to_string()];
        let mut errs = Vec::new();
        let account = AccountDraft {
            phones: bad("call me"),
            emails: bad("anna at acme"),
            website: "acme lv".into(),
            customer_since: "31.02.2024".into(),
            products_in_use: vec![ProductInUse {
                notes: "no product".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        errs.extend(account.validate().unwrap_err());
        errs.extend(
            AccountDraft {
                name: long.clone(),
                ..Default::default()
            }
            .validate()
            .unwrap_err(),
        );
        let contact = ContactDraft {
            title: long.clone(),
            phones: bad("call me"),
            emails: bad("anna at acme"),
            last_met: "31.02.2024".into(),
            ..Default::default()
        };
        errs.extend(contact.validate().unwrap_err());
        errs.extend(
            ContactDraft {
                name: long.clone(),
                ..Default::default()
            }
            .validate()
            .unwrap_err(),
        );
        let competitor = CompetitorDraft {
            website: "acme lv".into(),
            reps: vec![CompetitorRep {
                traits: "loud".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        errs.extend(competitor.validate().unwrap_err());
        errs.extend(
            CompetitorDraft {
                name: long.clone(),
                ..Default::default()
            }
            .validate()
            .unwrap_err(),
        );
        errs.extend(IntelDraft::default().validate().unwrap_err());
        errs.extend(
            IntelDraft {
                date: "31.02.2024".into(),
                title: long.clone(),
                ..Default::default()
            }
            .validate()
            .unwrap_err(),
        );
        for (value, currency) in [("12,3456", ""), ("abc", ""), ("-5", ""), ("1", "EURO")] {
            let deal = DealDraft {
                title: "  ".into(),
                value: value.into(),
                currency: currency.into(),
                expected_close: "31/12/2026".into(),
                probability: "120".into(),
                ..Default::default()
            };
            errs.extend(deal.validate().unwrap_err());
        }
        errs.extend(
            DealDraft {
                title: long.clone(),
                value: "99999999999999999999999".into(),
                ..Default::default()
            }
            .validate()
            .unwrap_err(),
        );
        let now = Utc::now();
        let activity = |kind, date: &str, time: &str, gift: &str| {
            let mut d = ActivityDraft::new(kind, now, &Utc, Currency::default());
            d.date = date.into();
            d.time = time.into();
            d.gift_value = gift.into();
            d.validate(&Utc).unwrap_err()
        };
        errs.extend(activity(ActivityKind::PhoneCall, "", "25:00", "1"));
        errs.extend(activity(ActivityKind::PhoneCall, "10/03/2026", "", ""));
        for gift in ["abc", "1.2345", "-1", "99999999999999999999999"] {
            errs.extend(activity(ActivityKind::SmallGift, "2026-03-10", "", gift));
        }
        errs.push(parse_gift_limit("1", "EURO").unwrap_err());
        errs.extend(proposal_form_errors());
        for (title, date, time) in [("", "", "7pm"), (long.as_str(), "5.6.2026", "")] {
            errs.extend(edit_errors(&TaskEdit {
                title: title.into(),
                date: date.into(),
                time: time.into(),
                notes: String::new(),
            }));
        }
        errs.extend(competitive_and_presentation_errors(&long));
        errs.extend(product_form_errors(&long));
        errs
    }

    /// What the competitive analysis and the presentation plan report: every field empty,
    /// then every link unknown and every text too long.
    fn competitive_and_presentation_errors(long: &str) -> Vec<FieldError> {
        use crate::domain::competitive::{ActionDraft, CompetitiveAnalysis, PointDraft, PointKind};
        use crate::domain::ids::new_id;
        use crate::domain::presentation::{MainPointDraft, OutlineStep, PresentationPlan};
        let mut errs = Vec::new();
        for kind in [PointKind::Strength, PointKind::Weakness] {
            let point = |text: &str| PointDraft {
                kind,
                text: text.into(),
                need_ids: vec![new_id()],
                person_ids: vec![new_id()],
            };
            errs.extend(point("").validate(&[], &[]).unwrap_err());
            errs.extend(point(long).validate(&[], &[]).unwrap_err());
        }
        let none = CompetitiveAnalysis::default();
        errs.extend(ActionDraft::default().validate(&none, &[]).unwrap_err());
        let stranger = ActionDraft {
            person_id: Some(new_id()),
            point_id: Some(new_id()),
            text: long.into(),
        };
        errs.extend(stranger.validate(&none, &[]).unwrap_err());
        let huge = "x".repeat(crate::domain::rules::MAX_TEXT + 1);
        let mut plan = PresentationPlan::default();
        errs.push(plan.set_notes(OutlineStep::Opening, &huge).unwrap_err());
        errs.extend(plan.add_point(&MainPointDraft::default()).unwrap_err());
        let point = MainPointDraft {
            text: long.into(),
            data: huge.clone(),
            story: huge,
        };
        errs.extend(plan.add_point(&point).unwrap_err());
        errs
    }

    /// What the product form and the competitor-price row report (every product problem).
    fn product_form_errors(long: &str) -> Vec<FieldError> {
        use crate::domain::ids::new_id;
        use crate::domain::price::UnitPrice;
        use crate::domain::product::{
            add_competitor_price, BreakDraft, CompetitorPriceDraft, Product, ProductDraft,
        };
        let row = |q: &str, p: &str| BreakDraft {
            min_qty: q.into(),
            unit_price: p.into(),
        };
        let own = new_id();
        let mut errs = Vec::new();
        let draft = ProductDraft {
            name: long.into(),
            category: long.into(),
            unit: long.into(),
            currency: "EURO".into(),
            list_price: "abc".into(),
            cost: "-5".into(),
            tax_rate: "7.125".into(),
            weight: "9".into(),
            breaks: vec![row("10", ""), row("x", "1.23456"), row("", "")],
            related: vec![own, new_id()],
            ..Default::default()
        };
        errs.extend(draft.validate(Some(own), |id| id == own).unwrap_err());
        let draft = ProductDraft {
            list_price: "99999999999999999999999".into(),
            currency: String::new(),
            ..Default::default()
        };
        errs.extend(draft.validate(None, |_| true).unwrap_err());
        let draft = ProductDraft {
            name: "Sensor".into(),
            list_price: "10".into(),
            breaks: vec![row("1", "9"), row("20", "9.5"), row("20", "8")],
            ..Default::default()
        };
        errs.extend(draft.validate(None, |_| true).unwrap_err());
        let p = Product::new("Sensor", UnitPrice(10_0000), Utc::now());
        let bad = CompetitorPriceDraft {
            price: "-1".into(),
            date: "31.02.2026".into(),
            source: long.into(),
            ..Default::default()
        };
        errs.extend(add_competitor_price(&p, &bad, &[], Utc::now().date_naive()).unwrap_err());
        errs
    }

    /// What the proposal's line form and sending report for bad input.
    fn proposal_form_errors() -> Vec<FieldError> {
        use crate::domain::price::UnitPrice;
        use crate::domain::product::Product;
        use crate::domain::proposal::{
            build_line, send, LineInput, Proposal, ProposalContent, Refusal,
        };
        let eur = Currency::default();
        let id = crate::domain::ids::new_id();
        let mut errs = Vec::new();
        let line =
            |name: &str, qty: &str, price: &str, discount: &str, tax: &str, cost: &str| LineInput {
                name: name.into(),
                quantity: qty.into(),
                unit_price: price.into(),
                discount: discount.into(),
                tax_rate: tax.into(),
                cost: cost.into(),
                ..LineInput::default()
            };
        for input in [
            line("", "-1", "abc", "5", "1.234", "1.23456"),
            line(
                &"x".repeat(crate::domain::rules::MAX_NAME + 1),
                "1",
                "1",
                "120",
                "200",
                "",
            ),
            line("Big", "999999999999", "999999999999", "", "", ""),
        ] {
            errs.extend(build_line(&input, None, None, id, &eur).unwrap_err());
        }
        let now = Utc::now();
        let mut retired = Product::new("Old", UnitPrice(1_0000), now);
        retired.retired = true;
        retired.currency = Currency::parse("USD").unwrap();
        errs.extend(
            build_line(
                &LineInput::from_product(&retired),
                Some(&retired),
                None,
                id,
                &eur,
            )
            .unwrap_err(),
        );
        errs.extend(
            build_line(&LineInput::from_product(&retired), None, None, id, &eur).unwrap_err(),
        );
        let mut p = Proposal::draft(id, 1, ProposalContent::empty(eur.clone()), now);
        p.content.valid_until = now.date_naive().pred_opt();
        if let Err(Refusal::Fields(e)) = send(&mut p, now, now.date_naive()) {
            errs.extend(e);
        }
        errs
    }

    /// Every label a form error names, and every message it gives, is in every catalogue;
    /// and every problem some form reports is reachable (no dead catalogue entry).
    #[test]
    fn every_form_error_is_worded_in_every_catalogue() {
        let errs = every_form_error();
        for &locale in Locale::ALL {
            let cat = locale.catalogue();
            for e in &errs {
                assert!(cat.get(e.label_key).is_some(), "{}: {e:?}", locale.tag());
                assert!(cat.get(e.key()).is_some(), "{}: {e:?}", locale.tag());
            }
        }
        let problems: std::collections::BTreeSet<_> = errs.iter().map(|e| e.key()).collect();
        let missing: Vec<_> = <FieldProblem as crate::domain::keys::Keyed>::keys()
            .into_iter()
            .filter(|k| !problems.contains(k) && *k != "activity.error.time_skipped")
            .collect();
        assert!(missing.is_empty(), "never reported: {missing:?}");
    }

    #[test]
    fn placeholders_are_quoted_from_what_was_typed() {
        let e =
            FieldError::new("date", "x", FieldProblem::ActivityDateInvalid).arg("input", " 1.2 ");
        assert_eq!(e.arg_value("input"), Some(" 1.2 "));
        assert_eq!(e.arg_value("allowed"), None);
        assert_eq!(e.key(), "activity.error.date_invalid");
    }

    #[test]
    fn dates_in_messages_are_found_whole_and_valid_only() {
        use chrono::{NaiveDate, TimeZone, Utc};
        let d = NaiveDate::from_ymd_opt(2026, 10, 17).unwrap();
        let at = d.and_hms_opt(8, 15, 0).unwrap();
        assert_eq!(moment_in("2026-10-17"), Some(Moment::Date(d)));
        assert_eq!(moment_in(" 2026-10-17T08:15 "), Some(Moment::Local(at)));
        assert_eq!(moment_in("2026-10-17 08:15"), Some(Moment::Local(at)));
        assert_eq!(moment_in("2026-10-17T08:15:00"), Some(Moment::Local(at)));
        assert_eq!(
            moment_in("2026-10-17 08:15 UTC"),
            Some(Moment::Utc(
                Utc.with_ymd_and_hms(2026, 10, 17, 8, 15, 0).unwrap()
            ))
        );
        for not in [
            "2026-13-45",
            "2026-02-30",
            "17.10.2026",
            "40000",
            "",
            "abc",
            "2026-10-17 and more",
            "2026",
        ] {
            assert_eq!(moment_in(not), None, "{not}");
        }
    }
}
