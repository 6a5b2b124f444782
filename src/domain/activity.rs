//! Step 2 — building trust: the activity log.
//!
//! Every contact with a person or an account is an [`Activity`] of one [`ActivityKind`].
//! The kinds are the typical activities METHOD.md lists per relationship stage, plus the
//! everyday channels (e-mail, message, meeting) that are used at every stage.
//!
//! Decisions taken here:
//! - A *technical exchange* is one kind with an optional [`ExchangeFormat`] (exhibition,
//!   seminar, demo, presentation), so the method's four dating activities stay four kinds.
//! - Dates and times are typed in the rep's local time zone; [`ActivityDraft::validate`]
//!   takes that zone and stores `at` in UTC. A date without a time is read as 12:00 local,
//!   so the calendar date survives being shown in any zone within ±11 hours.
//! - A gift value belongs to gift kinds only; typing one on another kind is a field error
//!   rather than being dropped silently.
//! - [`gift_reminder`]: a gift above the limit set in Settings gets a reminder; a gift in
//!   another currency than the limit cannot be compared without exchange rates, so it gets
//!   the [`GiftReminder::CannotCompare`] reminder (ask the rep to check) instead of none.
//!   A value equal to the limit is within it. No limit or no value: no reminder.

use crate::domain::ids::{new_id, Id};
use crate::domain::money::{Currency, Money, MoneyError};
use crate::domain::relationship::RelationshipStage;
use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// What kind of contact an activity was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    // Acquaintance
    PhoneCall,
    Visit,
    SmallGift,
    // Dating
    /// A business meal or tea.
    BusinessMeal,
    /// A visit to our company or to a reference customer.
    CompanyVisit,
    /// Exhibition, seminar, demo or presentation (see [`ExchangeFormat`]).
    TechnicalExchange,
    TrialOrSample,
    // Trust
    /// Dinners, banquets, sports, contests, entertainment.
    SocialEvent,
    FamilyEvent,
    OffSiteTrip,
    ValuableGift,
    // Alliance
    /// The person introduces us to colleagues and leaders ("threading the needle").
    IntroductionToColleagues,
    // Channels used at every stage
    Email,
    Message,
    Meeting,
}

impl ActivityKind {
    pub const ALL: &'static [ActivityKind] = &[
        ActivityKind::PhoneCall,
        ActivityKind::Visit,
        ActivityKind::SmallGift,
        ActivityKind::BusinessMeal,
        ActivityKind::CompanyVisit,
        ActivityKind::TechnicalExchange,
        ActivityKind::TrialOrSample,
        ActivityKind::SocialEvent,
        ActivityKind::FamilyEvent,
        ActivityKind::OffSiteTrip,
        ActivityKind::ValuableGift,
        ActivityKind::IntroductionToColleagues,
        ActivityKind::Email,
        ActivityKind::Message,
        ActivityKind::Meeting,
    ];

    /// Catalogue key of the kind's label.
    pub fn key(&self) -> &'static str {
        match self {
            ActivityKind::PhoneCall => "activity.kind.phone_call",
            ActivityKind::Visit => "activity.kind.visit",
            ActivityKind::SmallGift => "activity.kind.small_gift",
            ActivityKind::BusinessMeal => "activity.kind.business_meal",
            ActivityKind::CompanyVisit => "activity.kind.company_visit",
            ActivityKind::TechnicalExchange => "activity.kind.technical_exchange",
            ActivityKind::TrialOrSample => "activity.kind.trial_or_sample",
            ActivityKind::SocialEvent => "activity.kind.social_event",
            ActivityKind::FamilyEvent => "activity.kind.family_event",
            ActivityKind::OffSiteTrip => "activity.kind.off_site_trip",
            ActivityKind::ValuableGift => "activity.kind.valuable_gift",
            ActivityKind::IntroductionToColleagues => "activity.kind.introduction_to_colleagues",
            ActivityKind::Email => "activity.kind.email",
            ActivityKind::Message => "activity.kind.message",
            ActivityKind::Meeting => "activity.kind.meeting",
        }
    }

    /// The relationship stage this kind of activity typically belongs to (METHOD.md,
    /// Step 2). E-mail, message and meeting are channels of every stage: `None`.
    pub fn typical_stage(&self) -> Option<RelationshipStage> {
        use ActivityKind::*;
        match self {
            PhoneCall | Visit | SmallGift => Some(RelationshipStage::Acquaintance),
            BusinessMeal | CompanyVisit | TechnicalExchange | TrialOrSample => {
                Some(RelationshipStage::Dating)
            }
            SocialEvent | FamilyEvent | OffSiteTrip | ValuableGift => {
                Some(RelationshipStage::Trust)
            }
            IntroductionToColleagues => Some(RelationshipStage::Alliance),
            Email | Message | Meeting => None,
        }
    }

    /// A gift: its value is recorded and checked against the gift limit.
    pub fn is_gift(&self) -> bool {
        matches!(self, ActivityKind::SmallGift | ActivityKind::ValuableGift)
    }
}

/// The form of a technical exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExchangeFormat {
    Exhibition,
    Seminar,
    Demo,
    Presentation,
}

impl ExchangeFormat {
    pub const ALL: &'static [ExchangeFormat] = &[
        ExchangeFormat::Exhibition,
        ExchangeFormat::Seminar,
        ExchangeFormat::Demo,
        ExchangeFormat::Presentation,
    ];

    pub fn key(&self) -> &'static str {
        match self {
            ExchangeFormat::Exhibition => "activity.exchange_format.exhibition",
            ExchangeFormat::Seminar => "activity.exchange_format.seminar",
            ExchangeFormat::Demo => "activity.exchange_format.demo",
            ExchangeFormat::Presentation => "activity.exchange_format.presentation",
        }
    }
}

/// One logged contact with people and/or an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub id: Id,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub kind: ActivityKind,
    /// Only for [`ActivityKind::TechnicalExchange`].
    #[serde(default)]
    pub exchange_format: Option<ExchangeFormat>,
    /// When it happened (or is planned), in UTC.
    pub at: DateTime<Utc>,
    #[serde(default)]
    pub contact_ids: Vec<Id>,
    #[serde(default)]
    pub account_id: Option<Id>,
    #[serde(default)]
    pub deal_id: Option<Id>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub outcome: String,
    /// Only for gift kinds.
    #[serde(default)]
    pub gift_value: Option<Money>,
}

crate::impl_record!(Activity, "activities");

/// The content of an activity once validated: everything but the record bookkeeping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityFields {
    pub kind: ActivityKind,
    pub exchange_format: Option<ExchangeFormat>,
    pub at: DateTime<Utc>,
    pub contact_ids: Vec<Id>,
    pub account_id: Option<Id>,
    pub deal_id: Option<Id>,
    pub notes: String,
    pub outcome: String,
    pub gift_value: Option<Money>,
}

impl Activity {
    /// A new activity record (rev 1) created at `now`.
    pub fn new(fields: ActivityFields, now: DateTime<Utc>) -> Activity {
        let mut a = Activity {
            id: new_id(),
            created_at: now,
            updated_at: now,
            rev: 1,
            kind: fields.kind,
            exchange_format: None,
            at: fields.at,
            contact_ids: Vec::new(),
            account_id: None,
            deal_id: None,
            notes: String::new(),
            outcome: String::new(),
            gift_value: None,
        };
        a.set_fields(fields);
        a
    }

    /// Replaces the content with edited fields; the bookkeeping (`id`, `rev`, timestamps)
    /// is left to the store, which bumps it on save.
    pub fn set_fields(&mut self, f: ActivityFields) {
        self.kind = f.kind;
        self.exchange_format = f.exchange_format;
        self.at = f.at;
        self.contact_ids = f.contact_ids;
        self.account_id = f.account_id;
        self.deal_id = f.deal_id;
        self.notes = f.notes;
        self.outcome = f.outcome;
        self.gift_value = f.gift_value;
    }

    /// Whether the person took part.
    pub fn involves(&self, contact_id: Id) -> bool {
        self.contact_ids.contains(&contact_id)
    }
}

/// Which field of the activity form an error belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActivityField {
    Date,
    Time,
    People,
    GiftValue,
}

/// What is wrong with one field of an activity form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActivityFieldError {
    DateMissing,
    /// Not a `YYYY-MM-DD` date.
    DateInvalid(String),
    /// Not an `HH:MM` (or `HH:MM:SS`) time.
    TimeInvalid(String),
    /// The local time does not exist on that date (skipped by a daylight-saving change).
    TimeSkipped,
    /// Neither a person nor an account was chosen.
    NoPersonOrAccount,
    GiftValue(MoneyError),
    GiftValueNegative,
    /// A gift value was typed for a kind that is not a gift.
    GiftValueNotAGift,
}

impl ActivityFieldError {
    pub fn field(&self) -> ActivityField {
        match self {
            ActivityFieldError::DateMissing | ActivityFieldError::DateInvalid(_) => {
                ActivityField::Date
            }
            ActivityFieldError::TimeInvalid(_) | ActivityFieldError::TimeSkipped => {
                ActivityField::Time
            }
            ActivityFieldError::NoPersonOrAccount => ActivityField::People,
            ActivityFieldError::GiftValue(_)
            | ActivityFieldError::GiftValueNegative
            | ActivityFieldError::GiftValueNotAGift => ActivityField::GiftValue,
        }
    }

    /// Catalogue key of the message. Placeholders: `{input}` for the invalid-input
    /// variants, `{allowed}` for too many decimals.
    pub fn key(&self) -> &'static str {
        match self {
            ActivityFieldError::DateMissing => "activity.error.date_missing",
            ActivityFieldError::DateInvalid(_) => "activity.error.date_invalid",
            ActivityFieldError::TimeInvalid(_) => "activity.error.time_invalid",
            ActivityFieldError::TimeSkipped => "activity.error.time_skipped",
            ActivityFieldError::NoPersonOrAccount => "activity.error.no_person_or_account",
            ActivityFieldError::GiftValue(MoneyError::BadAmount(_)) => {
                "activity.error.gift_value_bad_amount"
            }
            ActivityFieldError::GiftValue(MoneyError::TooManyDecimals { .. }) => {
                "activity.error.gift_value_too_many_decimals"
            }
            ActivityFieldError::GiftValue(MoneyError::Overflow) => {
                "activity.error.gift_value_too_large"
            }
            ActivityFieldError::GiftValue(MoneyError::BadCurrency(_)) => {
                "activity.error.gift_value_bad_currency"
            }
            ActivityFieldError::GiftValueNegative => "activity.error.gift_value_negative",
            ActivityFieldError::GiftValueNotAGift => "activity.error.gift_value_not_a_gift",
        }
    }
}

/// Parses a calendar date typed as `YYYY-MM-DD` (what `<input type="date">` gives).
pub fn parse_date(input: &str) -> Result<NaiveDate, ActivityFieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(ActivityFieldError::DateMissing);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|d| crate::domain::rules::plausible_year(*d))
        .ok_or_else(|| ActivityFieldError::DateInvalid(input.to_string()))
}

/// Parses an optional time typed as `HH:MM` or `HH:MM:SS`; blank is `None`.
pub fn parse_time(input: &str) -> Result<Option<NaiveTime>, ActivityFieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .map(Some)
        .map_err(|_| ActivityFieldError::TimeInvalid(input.to_string()))
}

/// The instant of a local date and time in `tz`. A time repeated by a daylight-saving
/// change reads as the earlier instant; a skipped time is an error.
pub fn local_to_utc<Tz: TimeZone>(
    tz: &Tz,
    date: NaiveDate,
    time: NaiveTime,
) -> Result<DateTime<Utc>, ActivityFieldError> {
    match tz.from_local_datetime(&NaiveDateTime::new(date, time)) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(earlier, _) => Ok(earlier.with_timezone(&Utc)),
        LocalResult::None => Err(ActivityFieldError::TimeSkipped),
    }
}

/// The activity form as typed: text fields unparsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityDraft {
    pub kind: ActivityKind,
    pub exchange_format: Option<ExchangeFormat>,
    /// Local date, `YYYY-MM-DD`.
    pub date: String,
    /// Local time, `HH:MM`; blank reads as 12:00.
    pub time: String,
    pub contact_ids: Vec<Id>,
    pub account_id: Option<Id>,
    pub deal_id: Option<Id>,
    pub notes: String,
    pub outcome: String,
    /// Blank means no value recorded.
    pub gift_value: String,
    pub gift_currency: Currency,
}

impl ActivityDraft {
    /// An empty form for `kind`, dated `now` in `tz`, gift values in `currency`.
    pub fn new<Tz: TimeZone>(
        kind: ActivityKind,
        now: DateTime<Utc>,
        tz: &Tz,
        currency: Currency,
    ) -> Self {
        let local = now.with_timezone(tz).naive_local();
        ActivityDraft {
            kind,
            exchange_format: None,
            date: local.format("%Y-%m-%d").to_string(),
            time: local.format("%H:%M").to_string(),
            contact_ids: Vec::new(),
            account_id: None,
            deal_id: None,
            notes: String::new(),
            outcome: String::new(),
            gift_value: String::new(),
            gift_currency: currency,
        }
    }

    /// The form filled from a stored activity, for editing.
    pub fn from_activity<Tz: TimeZone>(a: &Activity, tz: &Tz, currency: Currency) -> Self {
        let local = a.at.with_timezone(tz).naive_local();
        ActivityDraft {
            kind: a.kind,
            exchange_format: a.exchange_format,
            date: local.format("%Y-%m-%d").to_string(),
            time: local.format("%H:%M").to_string(),
            contact_ids: a.contact_ids.clone(),
            account_id: a.account_id,
            deal_id: a.deal_id,
            notes: a.notes.clone(),
            outcome: a.outcome.clone(),
            gift_value: a
                .gift_value
                .as_ref()
                .map(Money::to_decimal_string)
                .unwrap_or_default(),
            gift_currency: a
                .gift_value
                .as_ref()
                .map_or(currency, |m| m.currency.clone()),
        }
    }

    /// The gift value as typed, if it parses (for a live reminder while typing).
    pub fn parsed_gift_value(&self) -> Option<Money> {
        if self.gift_value.trim().is_empty() {
            return None;
        }
        Money::parse(&self.gift_value, self.gift_currency.clone()).ok()
    }

    /// Checks every field; returns all errors at once, each naming its field.
    /// `tz` is the zone the date and time were typed in. Notes and outcome are trimmed;
    /// duplicate people are dropped; an exchange format is kept only for a technical
    /// exchange.
    pub fn validate<Tz: TimeZone>(
        &self,
        tz: &Tz,
    ) -> Result<ActivityFields, Vec<ActivityFieldError>> {
        let mut errors = Vec::new();
        let date = parse_date(&self.date).map_err(|e| errors.push(e)).ok();
        let time = parse_time(&self.time).map_err(|e| errors.push(e)).ok();
        let at = match (date, time) {
            (Some(d), Some(t)) => {
                let t = t.unwrap_or(NaiveTime::from_hms_opt(12, 0, 0).expect("noon"));
                local_to_utc(tz, d, t).map_err(|e| errors.push(e)).ok()
            }
            _ => None,
        };
        let mut contact_ids: Vec<Id> = Vec::with_capacity(self.contact_ids.len());
        for id in &self.contact_ids {
            if !contact_ids.contains(id) {
                contact_ids.push(*id);
            }
        }
        if contact_ids.is_empty() && self.account_id.is_none() {
            errors.push(ActivityFieldError::NoPersonOrAccount);
        }
        let mut gift_value = None;
        if !self.gift_value.trim().is_empty() {
            if !self.kind.is_gift() {
                errors.push(ActivityFieldError::GiftValueNotAGift);
            } else {
                match Money::parse(&self.gift_value, self.gift_currency.clone()) {
                    Ok(m) if m.minor < 0 => errors.push(ActivityFieldError::GiftValueNegative),
                    Ok(m) => gift_value = Some(m),
                    Err(e) => errors.push(ActivityFieldError::GiftValue(e)),
                }
            }
        }
        match at {
            Some(at) if errors.is_empty() => Ok(ActivityFields {
                kind: self.kind,
                exchange_format: if self.kind == ActivityKind::TechnicalExchange {
                    self.exchange_format
                } else {
                    None
                },
                at,
                contact_ids,
                account_id: self.account_id,
                deal_id: self.deal_id,
                notes: self.notes.trim().to_string(),
                outcome: self.outcome.trim().to_string(),
                gift_value,
            }),
            _ => Err(errors),
        }
    }
}

/// A reminder that gifts must stay within the law and company rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GiftReminder {
    /// The gift's value is above the limit (same currency).
    AboveLimit { value: Money, limit: Money },
    /// The gift's currency differs from the limit's: no exchange rate is known, so the
    /// rep is asked to check it by hand.
    CannotCompare { value: Money, limit: Money },
}

impl GiftReminder {
    /// Catalogue key; placeholders `{value}` and `{limit}` (formatted money).
    pub fn key(&self) -> &'static str {
        match self {
            GiftReminder::AboveLimit { .. } => "gift.reminder.above_limit",
            GiftReminder::CannotCompare { .. } => "gift.reminder.cannot_compare",
        }
    }
}

/// Anything that may carry a gift: a stored activity or a form being filled.
pub trait GiftSubject {
    fn gift_kind(&self) -> ActivityKind;
    fn gift_money(&self) -> Option<Money>;
}

impl GiftSubject for Activity {
    fn gift_kind(&self) -> ActivityKind {
        self.kind
    }
    fn gift_money(&self) -> Option<Money> {
        self.gift_value.clone()
    }
}

impl GiftSubject for ActivityDraft {
    fn gift_kind(&self) -> ActivityKind {
        self.kind
    }
    fn gift_money(&self) -> Option<Money> {
        self.parsed_gift_value()
    }
}

/// The gift rule: a gift-kind activity whose value exceeds the Settings limit gets a
/// reminder. See the module notes for equal values and other currencies.
pub fn gift_reminder(item: &impl GiftSubject, limit: Option<&Money>) -> Option<GiftReminder> {
    gift_reminder_for(item.gift_kind(), item.gift_money().as_ref(), limit)
}

/// [`gift_reminder`] on plain values.
pub fn gift_reminder_for(
    kind: ActivityKind,
    value: Option<&Money>,
    limit: Option<&Money>,
) -> Option<GiftReminder> {
    let (value, limit) = (value?, limit?);
    if !kind.is_gift() {
        return None;
    }
    if value.currency != limit.currency {
        Some(GiftReminder::CannotCompare {
            value: value.clone(),
            limit: limit.clone(),
        })
    } else if value.minor > limit.minor {
        Some(GiftReminder::AboveLimit {
            value: value.clone(),
            limit: limit.clone(),
        })
    } else {
        None
    }
}

/// The flag a logged gift carries in activity lists: the same judgement as the form's
/// reminder ([`gift_reminder`]), kept on the entry after it is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GiftFlag {
    /// Above the limit (same currency; equal is within it).
    AboveLimit { limit: Money },
    /// The limit is in another currency: it cannot be compared without an exchange rate.
    OtherCurrency { limit: Money },
}

impl GiftFlag {
    /// Catalogue key; placeholder `{limit}` (formatted money).
    pub fn key(&self) -> &'static str {
        match self {
            GiftFlag::AboveLimit { .. } => "tasks_more.gift_flag.above_limit",
            GiftFlag::OtherCurrency { .. } => "tasks_more.gift_flag.other_currency",
        }
    }
    pub fn limit(&self) -> &Money {
        match self {
            GiftFlag::AboveLimit { limit } | GiftFlag::OtherCurrency { limit } => limit,
        }
    }
}

/// The flag of a logged gift under the Settings limit, if it needs one.
pub fn gift_flag(item: &impl GiftSubject, limit: Option<&Money>) -> Option<GiftFlag> {
    gift_reminder(item, limit).map(|r| match r {
        GiftReminder::AboveLimit { limit, .. } => GiftFlag::AboveLimit { limit },
        GiftReminder::CannotCompare { limit, .. } => GiftFlag::OtherCurrency { limit },
    })
}

/// The gift limit as typed in Settings: an amount and a currency code. A blank amount
/// means no limit (`Ok(None)`); a negative amount is refused.
pub fn parse_gift_limit(amount: &str, currency: &str) -> Result<Option<Money>, ActivityFieldError> {
    if amount.trim().is_empty() {
        return Ok(None);
    }
    let currency = Currency::parse(currency).map_err(ActivityFieldError::GiftValue)?;
    match Money::parse(amount, currency) {
        Ok(m) if m.minor < 0 => Err(ActivityFieldError::GiftValueNegative),
        Ok(m) => Ok(Some(m)),
        Err(e) => Err(ActivityFieldError::GiftValue(e)),
    }
}

/// Newest first; equal times by newest record first, then id, so the order is stable.
fn newest_first(list: &mut [&Activity]) {
    list.sort_by(|a, b| {
        b.at.cmp(&a.at)
            .then(b.created_at.cmp(&a.created_at))
            .then(b.id.cmp(&a.id))
    });
}

/// A person's timeline: the activities they took part in, newest first.
/// `.into_iter().take(3)` gives the call plan's last three.
pub fn timeline_for_contact<'a>(
    activities: impl IntoIterator<Item = &'a Activity>,
    contact_id: Id,
) -> Vec<&'a Activity> {
    let mut out: Vec<&Activity> = activities
        .into_iter()
        .filter(|a| a.involves(contact_id))
        .collect();
    newest_first(&mut out);
    out
}

/// An account's timeline, newest first: activities logged on the account, and those
/// with any of its people (`account_contact_ids`) even when no account was set.
pub fn timeline_for_account<'a>(
    activities: impl IntoIterator<Item = &'a Activity>,
    account_id: Id,
    account_contact_ids: &[Id],
) -> Vec<&'a Activity> {
    let mut out: Vec<&Activity> = activities
        .into_iter()
        .filter(|a| {
            a.account_id == Some(account_id)
                || a.contact_ids
                    .iter()
                    .any(|c| account_contact_ids.contains(c))
        })
        .collect();
    newest_first(&mut out);
    out
}

/// Shared by the tests of the Step 2 modules: the `trust` and `tasks_more` catalogues.
#[cfg(test)]
pub(crate) mod catalogue_support {
    use std::collections::BTreeMap;

    pub const EN: &str = include_str!("../i18n/en/trust.txt");
    pub const ES: &str = include_str!("../i18n/es/trust.txt");
    pub const EN_MORE: &str = include_str!("../i18n/en/tasks_more.txt");
    pub const ES_MORE: &str = include_str!("../i18n/es/tasks_more.txt");

    pub fn parse(src: &str) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for (n, line) in src.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (k, v) = line
                .split_once('=')
                .unwrap_or_else(|| panic!("line {}: not `key = value`", n + 1));
            let (k, v) = (k.trim(), v.trim());
            assert!(
                !k.is_empty()
                    && k.bytes().all(|b| b.is_ascii_lowercase()
                        || b.is_ascii_digit()
                        || b"._".contains(&b)),
                "bad key {k}"
            );
            assert!(!v.is_empty(), "empty value for {k}");
            assert!(
                out.insert(k.to_string(), v.to_string()).is_none(),
                "{k} twice"
            );
        }
        out
    }

    /// Panics unless both catalogues hold every key.
    pub fn assert_keys(keys: &[&str]) {
        let (mut en, mut es) = (parse(EN), parse(ES));
        en.extend(parse(EN_MORE));
        es.extend(parse(ES_MORE));
        let missing: Vec<_> = keys
            .iter()
            .filter(|k| !en.contains_key(**k) || !es.contains_key(**k))
            .collect();
        assert!(missing.is_empty(), "missing catalogue keys: {missing:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn eur() -> Currency {
        Currency::parse("EUR").unwrap()
    }
    fn money(s: &str, c: &str) -> Money {
        Money::parse(s, Currency::parse(c).unwrap()).unwrap()
    }
    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }
    fn draft(kind: ActivityKind) -> ActivityDraft {
        let mut d = ActivityDraft::new(kind, utc(2026, 3, 10, 9, 30), &Utc, eur());
        d.contact_ids = vec![new_id()];
        d
    }
    fn activity(kind: ActivityKind, at: DateTime<Utc>, contacts: Vec<Id>) -> Activity {
        let mut d = draft(kind);
        d.contact_ids = contacts;
        d.account_id = Some(new_id());
        let mut f = d.validate(&Utc).unwrap();
        f.at = at;
        Activity::new(f, at)
    }

    #[test]
    fn every_issue_kind_exists_with_its_stage() {
        use RelationshipStage::*;
        assert_eq!(ActivityKind::ALL.len(), 15);
        let stage = |k: ActivityKind| k.typical_stage();
        assert_eq!(stage(ActivityKind::PhoneCall), Some(Acquaintance));
        assert_eq!(stage(ActivityKind::SmallGift), Some(Acquaintance));
        assert_eq!(stage(ActivityKind::BusinessMeal), Some(Dating));
        assert_eq!(stage(ActivityKind::TechnicalExchange), Some(Dating));
        assert_eq!(stage(ActivityKind::ValuableGift), Some(Trust));
        assert_eq!(stage(ActivityKind::OffSiteTrip), Some(Trust));
        assert_eq!(
            stage(ActivityKind::IntroductionToColleagues),
            Some(Alliance)
        );
        assert_eq!(stage(ActivityKind::Email), None);
        let gifts: Vec<_> = ActivityKind::ALL.iter().filter(|k| k.is_gift()).collect();
        assert_eq!(
            gifts,
            vec![&ActivityKind::SmallGift, &ActivityKind::ValuableGift]
        );
    }

    #[test]
    fn kinds_serialise_as_their_key_suffix() {
        for k in ActivityKind::ALL {
            let json = serde_json::to_string(k).unwrap();
            assert_eq!(format!("activity.kind.{}", json.trim_matches('"')), k.key());
        }
    }

    #[test]
    fn a_valid_draft_becomes_an_activity_in_utc() {
        let plus2 = FixedOffset::east_opt(2 * 3600).unwrap();
        let mut d = draft(ActivityKind::BusinessMeal);
        d.date = "2026-03-10".into();
        d.time = "01:15".into();
        d.notes = "  lunch at the harbour ".into();
        let f = d.validate(&plus2).unwrap();
        // 01:15 at UTC+2 is the previous evening in UTC.
        assert_eq!(f.at, utc(2026, 3, 9, 23, 15));
        assert_eq!(f.notes, "lunch at the harbour");
        let a = Activity::new(f, utc(2026, 3, 10, 0, 0));
        assert_eq!(a.rev, 1);
        // The edit form shows the same local date and time again.
        let back = ActivityDraft::from_activity(&a, &plus2, eur());
        assert_eq!(
            (back.date.as_str(), back.time.as_str()),
            ("2026-03-10", "01:15")
        );
    }

    #[test]
    fn blank_time_reads_as_local_noon() {
        let mut d = draft(ActivityKind::Visit);
        d.date = "2026-03-10".into();
        d.time = " ".into();
        assert_eq!(d.validate(&Utc).unwrap().at, utc(2026, 3, 10, 12, 0));
    }

    #[test]
    fn draft_errors_name_their_fields() {
        let mut d = draft(ActivityKind::PhoneCall);
        d.date = "10/03/2026".into();
        d.time = "25:00".into();
        d.contact_ids.clear();
        d.gift_value = "12".into();
        let errs = d.validate(&Utc).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field()).collect();
        assert_eq!(
            fields,
            vec![
                ActivityField::Date,
                ActivityField::Time,
                ActivityField::People,
                ActivityField::GiftValue
            ]
        );
        assert_eq!(errs[3], ActivityFieldError::GiftValueNotAGift);

        let mut d = draft(ActivityKind::SmallGift);
        d.date = String::new();
        d.gift_value = "1.2345".into();
        let errs = d.validate(&Utc).unwrap_err();
        assert_eq!(errs[0], ActivityFieldError::DateMissing);
        assert!(matches!(
            errs[1],
            ActivityFieldError::GiftValue(MoneyError::TooManyDecimals { .. })
        ));
        assert_eq!(errs.len(), 2);

        let mut d = draft(ActivityKind::SmallGift);
        d.gift_value = "abc".into();
        assert_eq!(
            d.validate(&Utc).unwrap_err()[0].key(),
            "activity.error.gift_value_bad_amount"
        );
        d.gift_value = "-5".into();
        assert_eq!(
            d.validate(&Utc).unwrap_err(),
            vec![ActivityFieldError::GiftValueNegative]
        );
    }

    #[test]
    fn an_account_alone_is_enough_and_people_are_deduplicated() {
        let mut d = draft(ActivityKind::Email);
        d.contact_ids.clear();
        d.account_id = Some(new_id());
        assert!(d.validate(&Utc).is_ok());
        let p = new_id();
        d.contact_ids = vec![p, p];
        assert_eq!(d.validate(&Utc).unwrap().contact_ids, vec![p]);
    }

    #[test]
    fn exchange_format_is_kept_only_for_technical_exchanges() {
        let mut d = draft(ActivityKind::TechnicalExchange);
        d.exchange_format = Some(ExchangeFormat::Demo);
        assert_eq!(
            d.validate(&Utc).unwrap().exchange_format,
            Some(ExchangeFormat::Demo)
        );
        d.kind = ActivityKind::Visit;
        assert_eq!(d.validate(&Utc).unwrap().exchange_format, None);
    }

    #[test]
    fn gift_limit_rule() {
        let limit = money("50", "EUR");
        let r = |kind, v: Option<Money>, l: Option<&Money>| gift_reminder_for(kind, v.as_ref(), l);
        // Above the limit, same currency.
        assert_eq!(
            r(
                ActivityKind::SmallGift,
                Some(money("50.01", "EUR")),
                Some(&limit)
            ),
            Some(GiftReminder::AboveLimit {
                value: money("50.01", "EUR"),
                limit: limit.clone()
            })
        );
        // At or below the limit: none.
        assert_eq!(
            r(
                ActivityKind::SmallGift,
                Some(money("50", "EUR")),
                Some(&limit)
            ),
            None
        );
        assert_eq!(
            r(
                ActivityKind::ValuableGift,
                Some(money("10", "EUR")),
                Some(&limit)
            ),
            None
        );
        // No limit set, or no value: none.
        assert_eq!(
            r(ActivityKind::ValuableGift, Some(money("900", "EUR")), None),
            None
        );
        assert_eq!(r(ActivityKind::ValuableGift, None, Some(&limit)), None);
        // Other currency: cannot compare, so remind.
        assert!(matches!(
            r(
                ActivityKind::ValuableGift,
                Some(money("30", "USD")),
                Some(&limit)
            ),
            Some(GiftReminder::CannotCompare { .. })
        ));
        // Not a gift: never.
        assert_eq!(
            r(
                ActivityKind::BusinessMeal,
                Some(money("900", "EUR")),
                Some(&limit)
            ),
            None
        );
    }

    #[test]
    fn gift_rule_works_on_records_and_on_forms_being_typed() {
        let limit = money("50", "EUR");
        let mut d = draft(ActivityKind::ValuableGift);
        d.gift_value = "120".into();
        assert!(matches!(
            gift_reminder(&d, Some(&limit)),
            Some(GiftReminder::AboveLimit { .. })
        ));
        d.gift_value = "12".into();
        assert_eq!(gift_reminder(&d, Some(&limit)), None);
        d.gift_value = "not yet a number".into();
        assert_eq!(gift_reminder(&d, Some(&limit)), None);
        d.gift_value = "75".into();
        let a = Activity::new(d.validate(&Utc).unwrap(), utc(2026, 1, 1, 0, 0));
        assert_eq!(a.gift_value, Some(money("75", "EUR")));
        assert_eq!(
            gift_reminder(&a, Some(&limit)).map(|r| r.key()),
            Some("gift.reminder.above_limit")
        );
    }

    #[test]
    fn a_logged_gift_above_the_limit_is_flagged() {
        let limit = money("50", "EUR");
        let logged = |kind, value: &str, cur: &str| {
            let mut d = draft(kind);
            d.gift_value = value.into();
            d.gift_currency = Currency::parse(cur).unwrap();
            Activity::new(d.validate(&Utc).unwrap(), utc(2026, 1, 1, 0, 0))
        };
        let over = logged(ActivityKind::SmallGift, "50.01", "EUR");
        assert_eq!(
            gift_flag(&over, Some(&limit)),
            Some(GiftFlag::AboveLimit {
                limit: limit.clone()
            })
        );
        assert_eq!(
            gift_flag(&over, Some(&limit)).map(|f| f.key()),
            Some("tasks_more.gift_flag.above_limit")
        );
        // Equal to the limit is not over it; below neither.
        let equal = logged(ActivityKind::SmallGift, "50", "EUR");
        assert_eq!(gift_flag(&equal, Some(&limit)), None);
        assert_eq!(
            gift_flag(
                &logged(ActivityKind::ValuableGift, "10", "EUR"),
                Some(&limit)
            ),
            None
        );
        // Another currency: flagged as not comparable, naming the limit.
        let usd = logged(ActivityKind::ValuableGift, "30", "USD");
        let f = gift_flag(&usd, Some(&limit)).unwrap();
        assert_eq!(
            f,
            GiftFlag::OtherCurrency {
                limit: limit.clone()
            }
        );
        assert_eq!(f.limit(), &limit);
        // No limit set: no flag.
        assert_eq!(gift_flag(&over, None), None);
        catalogue_support::assert_keys(&[
            GiftFlag::AboveLimit {
                limit: limit.clone(),
            }
            .key(),
            GiftFlag::OtherCurrency { limit }.key(),
        ]);
    }

    #[test]
    fn timelines_are_newest_first() {
        let (p, q) = (new_id(), new_id());
        let a1 = activity(ActivityKind::PhoneCall, utc(2026, 1, 1, 9, 0), vec![p]);
        let a2 = activity(
            ActivityKind::BusinessMeal,
            utc(2026, 2, 1, 9, 0),
            vec![p, q],
        );
        let a3 = activity(ActivityKind::Email, utc(2026, 3, 1, 9, 0), vec![q]);
        let all = vec![a1.clone(), a2.clone(), a3.clone()];
        let ids = |v: Vec<&Activity>| v.iter().map(|a| a.id).collect::<Vec<_>>();
        assert_eq!(ids(timeline_for_contact(&all, p)), vec![a2.id, a1.id]);
        assert_eq!(ids(timeline_for_contact(&all, q)), vec![a3.id, a2.id]);
        // The account sees its own activities and those with its people.
        let acc = a1.account_id.unwrap();
        assert_eq!(ids(timeline_for_account(&all, acc, &[])), vec![a1.id]);
        assert_eq!(
            ids(timeline_for_account(&all, acc, &[q])),
            vec![a3.id, a2.id, a1.id]
        );
    }

    #[test]
    fn parses_dates_and_times() {
        assert_eq!(
            parse_date("2026-02-29"),
            Err(ActivityFieldError::DateInvalid("2026-02-29".into()))
        );
        assert_eq!(
            parse_time("9:05").unwrap(),
            NaiveTime::from_hms_opt(9, 5, 0)
        );
        assert_eq!(
            parse_time("09:05:30").unwrap(),
            NaiveTime::from_hms_opt(9, 5, 30)
        );
        assert_eq!(parse_time("").unwrap(), None);
    }

    #[test]
    fn every_key_has_a_string() {
        let mut keys: Vec<&str> = ActivityKind::ALL.iter().map(|k| k.key()).collect();
        keys.extend(ExchangeFormat::ALL.iter().map(|f| f.key()));
        let errors = [
            ActivityFieldError::DateMissing,
            ActivityFieldError::DateInvalid(String::new()),
            ActivityFieldError::TimeInvalid(String::new()),
            ActivityFieldError::TimeSkipped,
            ActivityFieldError::NoPersonOrAccount,
            ActivityFieldError::GiftValue(MoneyError::BadAmount(String::new())),
            ActivityFieldError::GiftValue(MoneyError::TooManyDecimals {
                input: String::new(),
                allowed: 2,
            }),
            ActivityFieldError::GiftValue(MoneyError::Overflow),
            ActivityFieldError::GiftValue(MoneyError::BadCurrency(String::new())),
            ActivityFieldError::GiftValueNegative,
            ActivityFieldError::GiftValueNotAGift,
        ];
        keys.extend(errors.iter().map(|e| e.key()));
        let m = money("1", "EUR");
        keys.push(
            GiftReminder::AboveLimit {
                value: m.clone(),
                limit: m.clone(),
            }
            .key(),
        );
        keys.push(
            GiftReminder::CannotCompare {
                value: m.clone(),
                limit: m,
            }
            .key(),
        );
        catalogue_support::assert_keys(&keys);
    }

    #[test]
    fn trust_catalogues_have_the_same_keys_and_placeholders() {
        let (en, es) = (
            catalogue_support::parse(catalogue_support::EN),
            catalogue_support::parse(catalogue_support::ES),
        );
        let en_keys: Vec<_> = en.keys().collect();
        let es_keys: Vec<_> = es.keys().collect();
        assert_eq!(en_keys, es_keys);
        for (k, v) in &en {
            assert_eq!(
                crate::i18n::placeholders(v),
                crate::i18n::placeholders(&es[k]),
                "placeholders of {k}"
            );
        }
    }

    #[test]
    fn gift_limit_is_parsed_from_settings_input() {
        assert_eq!(parse_gift_limit("  ", "EUR"), Ok(None));
        assert_eq!(parse_gift_limit("50", "eur"), Ok(Some(money("50", "EUR"))));
        assert_eq!(
            parse_gift_limit("-1", "EUR"),
            Err(ActivityFieldError::GiftValueNegative)
        );
        assert!(matches!(
            parse_gift_limit("50", "euro"),
            Err(ActivityFieldError::GiftValue(MoneyError::BadCurrency(_)))
        ));
        assert!(matches!(
            parse_gift_limit("abc", "EUR"),
            Err(ActivityFieldError::GiftValue(MoneyError::BadAmount(_)))
        ));
        // The parsed limit drives the reminder: 50.01 is above 50, 50 is within.
        let limit = parse_gift_limit("50", "EUR").unwrap();
        let above = money("50.01", "EUR");
        assert!(matches!(
            gift_reminder_for(ActivityKind::SmallGift, Some(&above), limit.as_ref()),
            Some(GiftReminder::AboveLimit { .. })
        ));
        let equal = money("50", "EUR");
        assert_eq!(
            gift_reminder_for(ActivityKind::SmallGift, Some(&equal), limit.as_ref()),
            None
        );
    }
}
