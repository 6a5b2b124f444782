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

use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::ids::{new_id, Id};
use crate::domain::money::{Currency, Money, MoneyError};
use crate::domain::relationship::RelationshipStage;
use crate::domain::sorting::SortExt;
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

crate::keyed_enum!(ActivityKind, {
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
});

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
}

crate::keyed_enum!(ExchangeFormat, {
    ExchangeFormat::Exhibition => "activity.exchange_format.exhibition",
    ExchangeFormat::Seminar => "activity.exchange_format.seminar",
    ExchangeFormat::Demo => "activity.exchange_format.demo",
    ExchangeFormat::Presentation => "activity.exchange_format.presentation",
});

/// One logged contact with people and/or an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub kind: ActivityKind,
    /// Only for [`ActivityKind::TechnicalExchange`].
    #[serde(default)]
    pub exchange_format: Option<ExchangeFormat>,
    /// When it happened (or is planned), in UTC.
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub at: DateTime<Utc>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
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

/// The activity form's field a problem belongs to, and the field's label: `date`, `time`,
/// `contact_ids` (the people, or an account) and `gift_value`.
fn activity_field(problem: FieldProblem) -> (&'static str, &'static str) {
    use FieldProblem::*;
    match problem {
        ActivityDateMissing | ActivityDateInvalid => ("date", "trust.ui.activity.date"),
        ActivityTimeInvalid | ActivityTimeSkipped => ("time", "trust.ui.activity.time"),
        ActivityNoPersonOrAccount => ("contact_ids", "trust.ui.activity.people"),
        _ => ("gift_value", "trust.ui.activity.gift_value"),
    }
}

/// A problem of the activity form, on its field.
pub fn activity_error(problem: FieldProblem) -> FieldError {
    let (field, label_key) = activity_field(problem);
    FieldError::new(field, label_key, problem)
}

/// A gift value that does not read as money, on the gift value field; `{input}` quotes what
/// was typed.
pub fn gift_value_error(e: MoneyError) -> FieldError {
    match e {
        MoneyError::BadAmount(input) => {
            activity_error(FieldProblem::GiftValueBadAmount).arg("input", input)
        }
        MoneyError::BadCurrency(input) => {
            activity_error(FieldProblem::GiftValueBadCurrency).arg("input", input)
        }
        MoneyError::TooManyDecimals { input, allowed } => {
            activity_error(FieldProblem::GiftValueTooManyDecimals)
                .arg("input", input)
                .arg("allowed", allowed)
        }
        MoneyError::Overflow => activity_error(FieldProblem::GiftValueTooLarge),
    }
}

/// Parses a calendar date typed as `YYYY-MM-DD` (what `<input type="date">` gives).
pub fn parse_date(input: &str) -> Result<NaiveDate, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(activity_error(FieldProblem::ActivityDateMissing));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|d| crate::domain::rules::plausible_year(*d))
        .ok_or_else(|| activity_error(FieldProblem::ActivityDateInvalid).arg("input", input))
}

/// Parses an optional time typed as `HH:MM` or `HH:MM:SS`; blank is `None`.
pub fn parse_time(input: &str) -> Result<Option<NaiveTime>, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .map(Some)
        .map_err(|_| activity_error(FieldProblem::ActivityTimeInvalid).arg("input", input))
}

/// The instant of a local date and time in `tz`. A time repeated by a daylight-saving
/// change reads as the earlier instant; a skipped time is an error.
pub fn local_to_utc<Tz: TimeZone>(
    tz: &Tz,
    date: NaiveDate,
    time: NaiveTime,
) -> Result<DateTime<Utc>, FieldError> {
    match tz.from_local_datetime(&NaiveDateTime::new(date, time)) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(earlier, _) => Ok(earlier.with_timezone(&Utc)),
        LocalResult::None => Err(activity_error(FieldProblem::ActivityTimeSkipped)),
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
    pub fn validate<Tz: TimeZone>(&self, tz: &Tz) -> Result<ActivityFields, Vec<FieldError>> {
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
            errors.push(activity_error(FieldProblem::ActivityNoPersonOrAccount));
        }
        let mut gift_value = None;
        if !self.gift_value.trim().is_empty() {
            if !self.kind.is_gift() {
                errors.push(activity_error(FieldProblem::GiftValueNotAGift));
            } else {
                match Money::parse(&self.gift_value, self.gift_currency.clone()) {
                    Ok(m) if m.minor < 0 => {
                        errors.push(activity_error(FieldProblem::GiftValueNegative))
                    }
                    Ok(m) => gift_value = Some(m),
                    Err(e) => errors.push(gift_value_error(e)),
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

crate::keyed_enum!(GiftReminder, {
    GiftReminder::AboveLimit { .. } => "gift.reminder.above_limit",
    GiftReminder::CannotCompare { .. } => "gift.reminder.cannot_compare",
});

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
    pub fn limit(&self) -> &Money {
        match self {
            GiftFlag::AboveLimit { limit } | GiftFlag::OtherCurrency { limit } => limit,
        }
    }
}

crate::keyed_enum!(GiftFlag, {
    GiftFlag::AboveLimit { .. } => "tasks_more.gift_flag.above_limit",
    GiftFlag::OtherCurrency { .. } => "tasks_more.gift_flag.other_currency",
});

/// The flag of a logged gift under the Settings limit, if it needs one.
pub fn gift_flag(item: &impl GiftSubject, limit: Option<&Money>) -> Option<GiftFlag> {
    gift_reminder(item, limit).map(|r| match r {
        GiftReminder::AboveLimit { limit, .. } => GiftFlag::AboveLimit { limit },
        GiftReminder::CannotCompare { limit, .. } => GiftFlag::OtherCurrency { limit },
    })
}

/// The gift limit as typed in Settings: an amount and a currency code. A blank amount
/// means no limit (`Ok(None)`); a negative amount is refused. Errors name the `gift_limit`
/// field and use the gift value's messages.
pub fn parse_gift_limit(amount: &str, currency: &str) -> Result<Option<Money>, FieldError> {
    if amount.trim().is_empty() {
        return Ok(None);
    }
    let on_limit = |e: FieldError| FieldError {
        field: "gift_limit",
        label_key: "trust.ui.gift_limit.amount",
        ..e
    };
    let currency = Currency::parse(currency).map_err(|e| on_limit(gift_value_error(e)))?;
    match Money::parse(amount, currency) {
        Ok(m) if m.minor < 0 => Err(on_limit(activity_error(FieldProblem::GiftValueNegative))),
        Ok(m) => Ok(Some(m)),
        Err(e) => Err(on_limit(gift_value_error(e))),
    }
}

/// Newest first; equal times by newest record first, then id, so the order is stable.
fn newest_first(list: &mut [&Activity]) {
    list.sort_with(|a, b| {
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
mod tests;
