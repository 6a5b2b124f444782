//! The complaint form as typed, and the order of a complaint's times.
//!
//! Times are typed as local date and time (`YYYY-MM-DDTHH:MM`, a `datetime-local` input)
//! in the rep's time zone, passed in with the time now: no clock is read here.

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, TimeZone, Utc};

use super::{Complaint, FeedbackKind};
use crate::domain::fields::FieldError;
use crate::domain::ids::Id;
use crate::domain::rules::{self, MAX_TEXT};

/// The longest "what happened", in characters.
pub const MAX_WHAT: usize = 2_000;
/// The scale of fault size and anxiety.
pub const SCALE: std::ops::RangeInclusive<u8> = 1..=5;

/// The labels of the form's fields (also the record rules' labels).
pub mod label {
    pub const KIND: &str = "complaint.field.kind";
    pub const ACCOUNT: &str = "complaint.field.account";
    pub const PERSON: &str = "complaint.field.person";
    pub const DEAL: &str = "complaint.field.deal";
    pub const WHAT: &str = "complaint.field.what";
    pub const FAULT: &str = "complaint.field.fault_size";
    pub const ANXIETY: &str = "complaint.field.anxiety";
    pub const OPENED: &str = "complaint.field.opened_at";
    pub const FIRST_RESPONSE: &str = "complaint.field.first_response_at";
    pub const ON_SITE: &str = "complaint.field.on_site_at";
    pub const RESOLVED: &str = "complaint.field.resolved_at";
    pub const RESOLUTION: &str = "complaint.field.resolution";
}

/// The three moments recorded after a complaint is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    FirstResponse,
    OnSite,
    Resolved,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::FirstResponse, Stage::OnSite, Stage::Resolved];

    /// The draft's field name.
    pub fn field(self) -> &'static str {
        match self {
            Stage::FirstResponse => "first_response_at",
            Stage::OnSite => "on_site_at",
            Stage::Resolved => "resolved_at",
        }
    }

    /// The field's label key.
    pub fn label(self) -> &'static str {
        match self {
            Stage::FirstResponse => label::FIRST_RESPONSE,
            Stage::OnSite => label::ON_SITE,
            Stage::Resolved => label::RESOLVED,
        }
    }

    /// The complaint's time of this stage.
    pub fn of(self, c: &Complaint) -> Option<DateTime<Utc>> {
        match self {
            Stage::FirstResponse => c.first_response_at,
            Stage::OnSite => c.on_site_at,
            Stage::Resolved => c.resolved_at,
        }
    }

    fn set(self, c: &mut Complaint, at: Option<DateTime<Utc>>) {
        match self {
            Stage::FirstResponse => c.first_response_at = at,
            Stage::OnSite => c.on_site_at = at,
            Stage::Resolved => c.resolved_at = at,
        }
    }
}

/// A complaint's times, opened first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Times {
    pub opened: DateTime<Utc>,
    pub first_response: Option<DateTime<Utc>>,
    pub on_site: Option<DateTime<Utc>>,
    pub resolved: Option<DateTime<Utc>>,
}

impl Times {
    pub fn of(c: &Complaint) -> Times {
        Times {
            opened: c.opened_at,
            first_response: c.first_response_at,
            on_site: c.on_site_at,
            resolved: c.resolved_at,
        }
    }
}

/// What is wrong with a complaint's times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeProblem {
    /// After the time now.
    Future,
    /// Before the complaint was opened.
    BeforeOpened,
    /// The visit on site before the first response.
    BeforeFirstResponse,
    /// Resolved before the visit on site.
    BeforeOnSite,
}

crate::keyed_enum!(TimeProblem, "complaint.error", {
    Future => "future",
    BeforeOpened => "before_opened",
    BeforeFirstResponse => "before_first_response",
    BeforeOnSite => "before_on_site",
}, rule_key = ".rule");

/// The broken rules of a complaint's times, as `(field, problem)` in form order, against
/// `latest` (the time now, or now plus the clock difference allowed for a stored record):
/// nothing after `latest`; first response, on site and resolved each not before opened;
/// on site not before the first response; resolved not before the first response nor the
/// visit on site. A time left out is not checked.
pub fn time_order(t: &Times, latest: DateTime<Utc>) -> Vec<(Stage, TimeProblem)> {
    let mut out = Vec::new();
    for stage in Stage::ALL {
        let Some(at) = (match stage {
            Stage::FirstResponse => t.first_response,
            Stage::OnSite => t.on_site,
            Stage::Resolved => t.resolved,
        }) else {
            continue;
        };
        let problem = if at > latest {
            Some(TimeProblem::Future)
        } else if at < t.opened {
            Some(TimeProblem::BeforeOpened)
        } else {
            match stage {
                Stage::FirstResponse => None,
                Stage::OnSite if t.first_response.is_some_and(|f| at < f) => {
                    Some(TimeProblem::BeforeFirstResponse)
                }
                Stage::OnSite => None,
                Stage::Resolved if t.first_response.is_some_and(|f| at < f) => {
                    Some(TimeProblem::BeforeFirstResponse)
                }
                Stage::Resolved if t.on_site.is_some_and(|s| at < s) => {
                    Some(TimeProblem::BeforeOnSite)
                }
                Stage::Resolved => None,
            }
        };
        if let Some(p) = problem {
            out.push((stage, p));
        }
    }
    out
}

/// A typed local time in `tz` as an instant: `YYYY-MM-DDTHH:MM` (what a `datetime-local`
/// input gives; seconds and a space instead of `T` are read too). Blank is `Ok(None)`.
pub fn parse_local<Tz: TimeZone>(
    field: &'static str,
    label: &'static str,
    typed: &str,
    tz: &Tz,
) -> Result<Option<DateTime<Utc>>, FieldError> {
    let s = typed.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let bad = || FieldError::new(field, label, "complaint.error.invalid_time").arg("value", s);
    let naive = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .filter(|n| rules::plausible_year(n.date()))
        .ok_or_else(bad)?;
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(Some(t.with_timezone(&Utc))),
        LocalResult::Ambiguous(earlier, _) => Ok(Some(earlier.with_timezone(&Utc))),
        LocalResult::None => Err(bad()),
    }
}

/// An instant as a `datetime-local` input's value in `tz` (`YYYY-MM-DDTHH:MM`).
pub fn local_input<Tz: TimeZone>(at: DateTime<Utc>, tz: &Tz) -> String {
    at.with_timezone(tz)
        .naive_local()
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// Where the draft's account, person and deal must be found: the account of a person and
/// of a deal (`None` when there is no such record), and whether an account exists.
pub struct Links<'a> {
    pub account_exists: &'a dyn Fn(Id) -> bool,
    pub person_account: &'a dyn Fn(Id) -> Option<Id>,
    pub deal_account: &'a dyn Fn(Id) -> Option<Id>,
}

/// The complaint form as typed: numbers and times unparsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintDraft {
    pub kind: FeedbackKind,
    pub account_id: Option<Id>,
    pub person_id: Option<Id>,
    pub deal_id: Option<Id>,
    pub what: String,
    pub fault_size: String,
    pub anxiety: String,
    pub opened_at: String,
    pub first_response_at: String,
    pub on_site_at: String,
    pub resolved_at: String,
    pub resolution: String,
}

/// What a valid draft holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintFields {
    pub kind: FeedbackKind,
    pub account_id: Id,
    pub person_id: Option<Id>,
    pub deal_id: Option<Id>,
    pub what: String,
    pub fault_size: u8,
    pub anxiety: u8,
    pub opened_at: DateTime<Utc>,
    pub first_response_at: Option<DateTime<Utc>>,
    pub on_site_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolution: String,
}

impl ComplaintFields {
    /// A new record of these fields.
    pub fn into_new(self, now: DateTime<Utc>) -> Complaint {
        let mut c = Complaint::new(
            self.kind,
            self.account_id,
            &self.what,
            self.fault_size,
            self.anxiety,
            self.opened_at,
            now,
        );
        self.apply_to(&mut c);
        c
    }

    /// Puts these fields on `c` (its bookkeeping is left as it is).
    pub fn apply_to(self, c: &mut Complaint) {
        c.kind = self.kind;
        c.account_id = self.account_id;
        c.person_id = self.person_id;
        c.deal_id = self.deal_id;
        c.what = self.what;
        c.fault_size = self.fault_size;
        c.anxiety = self.anxiety;
        c.opened_at = self.opened_at;
        c.first_response_at = self.first_response_at;
        c.on_site_at = self.on_site_at;
        c.resolved_at = self.resolved_at;
        c.resolution = self.resolution;
    }
}

/// A 1–5 scale as typed.
fn parse_scale(field: &'static str, label: &'static str, typed: &str) -> Result<u8, FieldError> {
    let s = typed.trim();
    if s.is_empty() {
        return Err(FieldError::new(field, label, "field.error.required"));
    }
    s.parse::<u8>()
        .ok()
        .filter(|v| SCALE.contains(v))
        .ok_or_else(|| FieldError::new(field, label, "complaint.error.scale").arg("value", s))
}

impl ComplaintDraft {
    /// An empty form, opened `now` (in `tz`), of `account_id` if given.
    pub fn new<Tz: TimeZone>(account_id: Option<Id>, now: DateTime<Utc>, tz: &Tz) -> Self {
        ComplaintDraft {
            kind: FeedbackKind::Complaint,
            account_id,
            person_id: None,
            deal_id: None,
            what: String::new(),
            fault_size: String::new(),
            anxiety: String::new(),
            opened_at: local_input(now, tz),
            first_response_at: String::new(),
            on_site_at: String::new(),
            resolved_at: String::new(),
            resolution: String::new(),
        }
    }

    /// The form of a stored complaint (to edit it).
    pub fn of<Tz: TimeZone>(c: &Complaint, tz: &Tz) -> Self {
        let t = |at: Option<DateTime<Utc>>| at.map(|a| local_input(a, tz)).unwrap_or_default();
        ComplaintDraft {
            kind: c.kind,
            account_id: Some(c.account_id),
            person_id: c.person_id,
            deal_id: c.deal_id,
            what: c.what.clone(),
            fault_size: c.fault_size.to_string(),
            anxiety: c.anxiety.to_string(),
            opened_at: local_input(c.opened_at, tz),
            first_response_at: t(c.first_response_at),
            on_site_at: t(c.on_site_at),
            resolved_at: t(c.resolved_at),
            resolution: c.resolution.clone(),
        }
    }

    /// The typed text of a stage's time.
    pub fn typed(&self, stage: Stage) -> &str {
        match stage {
            Stage::FirstResponse => &self.first_response_at,
            Stage::OnSite => &self.on_site_at,
            Stage::Resolved => &self.resolved_at,
        }
    }

    /// The fields, or every problem in form order.
    pub fn validate<Tz: TimeZone>(
        &self,
        links: &Links,
        tz: &Tz,
        now: DateTime<Utc>,
    ) -> Result<ComplaintFields, Vec<FieldError>> {
        use label::*;
        let mut errs = Vec::new();
        let account = match self.account_id {
            None => {
                errs.push(FieldError::new("account", ACCOUNT, "field.error.required"));
                None
            }
            Some(a) if !(links.account_exists)(a) => {
                errs.push(FieldError::new(
                    "account",
                    ACCOUNT,
                    "complaint.error.unknown_account",
                ));
                None
            }
            Some(a) => Some(a),
        };
        if let (Some(p), Some(a)) = (self.person_id, account) {
            if (links.person_account)(p) != Some(a) {
                errs.push(FieldError::new(
                    "person",
                    PERSON,
                    "complaint.error.person_not_of_account",
                ));
            }
        }
        if let (Some(d), Some(a)) = (self.deal_id, account) {
            if (links.deal_account)(d) != Some(a) {
                errs.push(FieldError::new(
                    "deal",
                    DEAL,
                    "complaint.error.deal_not_of_account",
                ));
            }
        }
        let what = self.what.trim();
        if what.is_empty() {
            errs.push(FieldError::new("what", WHAT, "field.error.required"));
        } else {
            let len = what.chars().count();
            if len > MAX_WHAT {
                errs.push(
                    FieldError::new("what", WHAT, "complaint.error.too_long")
                        .arg("len", len)
                        .arg("max", MAX_WHAT),
                );
            }
        }
        let fault = parse_scale("fault_size", FAULT, &self.fault_size)
            .map_err(|e| errs.push(e))
            .ok();
        let anxiety = parse_scale("anxiety", ANXIETY, &self.anxiety)
            .map_err(|e| errs.push(e))
            .ok();
        let opened = match parse_local("opened_at", OPENED, &self.opened_at, tz) {
            Ok(None) => {
                errs.push(FieldError::new("opened_at", OPENED, "field.error.required"));
                None
            }
            Ok(Some(at)) if at > now => {
                errs.push(
                    FieldError::new("opened_at", OPENED, "complaint.error.future")
                        .arg("value", self.opened_at.trim()),
                );
                None
            }
            Ok(Some(at)) => Some(at),
            Err(e) => {
                errs.push(e);
                None
            }
        };
        let mut stages = [None, None, None];
        let mut stage_ok = true;
        for (i, stage) in Stage::ALL.into_iter().enumerate() {
            match parse_local(stage.field(), stage.label(), self.typed(stage), tz) {
                Ok(at) => stages[i] = at,
                Err(e) => {
                    stage_ok = false;
                    errs.push(e);
                }
            }
        }
        if let (Some(opened), true) = (opened, stage_ok) {
            let times = Times {
                opened,
                first_response: stages[0],
                on_site: stages[1],
                resolved: stages[2],
            };
            for (stage, problem) in time_order(&times, now) {
                errs.push(
                    FieldError::new(stage.field(), stage.label(), problem.key())
                        .arg("value", self.typed(stage).trim())
                        .arg("opened", self.opened_at.trim().replace('T', " ")),
                );
            }
        }
        let resolution = self.resolution.trim();
        if stages[2].is_some() && resolution.is_empty() {
            errs.push(FieldError::new(
                "resolution",
                RESOLUTION,
                "complaint.error.resolution_required",
            ));
        }
        let len = resolution.chars().count();
        if len > MAX_TEXT {
            errs.push(
                FieldError::new("resolution", RESOLUTION, "complaint.error.too_long")
                    .arg("len", len)
                    .arg("max", MAX_TEXT),
            );
        }
        match (account, fault, anxiety, opened) {
            (Some(account_id), Some(fault_size), Some(anxiety), Some(opened_at))
                if errs.is_empty() =>
            {
                Ok(ComplaintFields {
                    kind: self.kind,
                    account_id,
                    person_id: self.person_id,
                    deal_id: self.deal_id,
                    what: what.to_string(),
                    fault_size,
                    anxiety,
                    opened_at,
                    first_response_at: stages[0],
                    on_site_at: stages[1],
                    resolved_at: stages[2],
                    resolution: resolution.to_string(),
                })
            }
            _ => Err(errs),
        }
    }
}

/// Records one stage of `c` at the typed local time (required), checked against the
/// other times and `now`; on resolving, `resolution` (if not blank) replaces the text of
/// what was done, which a resolved complaint must have. Refused with the problem at the
/// field, `c` unchanged.
pub fn record_stage<Tz: TimeZone>(
    c: &mut Complaint,
    stage: Stage,
    typed: &str,
    resolution: Option<&str>,
    tz: &Tz,
    now: DateTime<Utc>,
) -> Result<(), FieldError> {
    let at = parse_local(stage.field(), stage.label(), typed, tz)?
        .ok_or_else(|| FieldError::new(stage.field(), stage.label(), "field.error.required"))?;
    let mut after = c.clone();
    stage.set(&mut after, Some(at));
    if let Some((s, p)) = time_order(&Times::of(&after), now)
        .into_iter()
        .find(|(s, _)| *s == stage)
        .or_else(|| time_order(&Times::of(&after), now).into_iter().next())
    {
        return Err(FieldError::new(s.field(), s.label(), p.key())
            .arg("value", typed.trim().replace('T', " "))
            .arg("opened", local_input(c.opened_at, tz).replace('T', " ")));
    }
    if let Some(text) = resolution {
        let t = text.trim();
        let len = t.chars().count();
        if len > MAX_TEXT {
            return Err(FieldError::new(
                "resolution",
                label::RESOLUTION,
                "complaint.error.too_long",
            )
            .arg("len", len)
            .arg("max", MAX_TEXT));
        }
        if !t.is_empty() {
            after.resolution = t.to_string();
        }
    }
    // A complaint is resolved by something done: it is said, here or before.
    if stage == Stage::Resolved && after.resolution.trim().is_empty() {
        return Err(FieldError::new(
            "resolution",
            label::RESOLUTION,
            "complaint.error.resolution_required",
        ));
    }
    *c = after;
    Ok(())
}

/// How far ahead of the time now a stored complaint's times may be (another device's
/// clock may run fast).
pub fn stored_latest(now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::hours(rules::CLOCK_SKEW_HOURS)
}

/// The catalogue key of a fault size's word (1 trifle … 5 severe).
pub fn fault_word(v: u8) -> &'static str {
    match v {
        0 | 1 => "complaint.fault.1",
        2 => "complaint.fault.2",
        3 => "complaint.fault.3",
        4 => "complaint.fault.4",
        _ => "complaint.fault.5",
    }
}

/// The catalogue key of an anxiety's word (1 calm … 5 alarmed).
pub fn anxiety_word(v: u8) -> &'static str {
    match v {
        0 | 1 => "complaint.anxiety.1",
        2 => "complaint.anxiety.2",
        3 => "complaint.anxiety.3",
        4 => "complaint.anxiety.4",
        _ => "complaint.anxiety.5",
    }
}
