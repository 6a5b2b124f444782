//! The rules every stored record obeys, one function per kind: what its form accepts, plus
//! what no form can produce (a revision past the counter's range, a date in year 0, a
//! change dated next year). The record store runs the same check on every record it is
//! given, from a form or from a backup file, so a value one path refuses the other refuses
//! too.
//!
//! Each kind's check turns the record back into its form's draft and runs the form's own
//! validation (so there is one set of form rules), then adds the record-level rules below.

use crate::domain::account::{Account, AccountDraft};
use crate::domain::activity::{Activity, ActivityDraft};
use crate::domain::agenda::Task;
use crate::domain::competitor::{Competitor, CompetitorDraft};
use crate::domain::contact::{Contact, ContactDraft};
use crate::domain::deal::{ChecklistItem, Deal, DealDraft, Outcome, StepEventKind};
use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::ids::{Meta, Record};
use crate::domain::intel::{IntelDraft, IntelNote};
use crate::domain::money::Currency;
use crate::domain::negotiation::Negotiation;
use crate::domain::product::{Product, ProductDraft};
use crate::domain::proposal::Proposal;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// The largest revision a record can have: the largest integer a JavaScript number holds
/// exactly (2⁵³ − 1), far beyond any number of saves, so a revision never wraps or rounds.
pub const MAX_REV: u64 = (1 << 53) - 1;
/// The longest name or title (accounts, people, deals, competitors, tasks, notes), in
/// characters.
pub const MAX_NAME: usize = 200;
/// The longest text of any field, in characters (about ten printed pages).
pub const MAX_TEXT: usize = 20_000;
/// The years a date may fall in (four-digit years, as date fields take them).
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;
/// How far ahead of this device's clock a record's own timestamps may be (another
/// device's clock may run fast).
pub const CLOCK_SKEW_HOURS: i64 = 24;

/// How many years from today a typed date may be before the form asks to check it.
pub const PLAUSIBLE_YEARS: i32 = 10;

/// Which dates a field expects around today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateWindow {
    /// Plans and events: within [`PLAUSIBLE_YEARS`] before or after today.
    NearToday,
    /// Something that has happened ("customer since"): not after today.
    Past,
}

/// Why a typed date deserves a second look (saving is still allowed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateCaution {
    FarFuture,
    FarPast,
    InFuture,
}

crate::keyed_enum!(DateCaution, {
    DateCaution::FarFuture => "date.caution.far_future",
    DateCaution::FarPast => "date.caution.far_past",
    DateCaution::InFuture => "date.caution.in_future",
});

/// A caution for a date typed as `YYYY-MM-DD` that parses but lies far from `today` (a typo
/// in the year, most often): saving is still allowed. `None` for blank or unparsable input
/// (the form's own check reports that) and for plausible dates.
pub fn date_caution(typed: &str, today: NaiveDate, window: DateWindow) -> Option<DateCaution> {
    let d = NaiveDate::parse_from_str(typed.trim(), "%Y-%m-%d").ok()?;
    let years = d.year() - today.year();
    match window {
        DateWindow::Past if d > today => Some(DateCaution::InFuture),
        DateWindow::Past => None,
        DateWindow::NearToday if years > PLAUSIBLE_YEARS => Some(DateCaution::FarFuture),
        DateWindow::NearToday if years < -PLAUSIBLE_YEARS => Some(DateCaution::FarPast),
        DateWindow::NearToday => None,
    }
}

/// What a check needs from outside: the time now (no clock inside the rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckContext {
    pub now: DateTime<Utc>,
}

/// One broken rule, with the exact place in the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// Where inside the record: `name`, `emails[1]`, `history[2].at`.
    pub path: String,
    /// Catalogue key of the field's label (`account.field.name`).
    pub label: &'static str,
    /// Catalogue key of what is wrong (`rule.too_long`, `field.error.invalid_email`).
    pub reason: &'static str,
    /// The reason's `{placeholders}`.
    pub args: Vec<(&'static str, String)>,
}

impl RuleError {
    pub fn new(path: impl Into<String>, label: &'static str, reason: &'static str) -> Self {
        RuleError {
            path: path.into(),
            label,
            reason,
            args: Vec::new(),
        }
    }
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }
}

/// A record kind with rules: every kind the store keeps implements it.
pub trait Checked: Record {
    /// The first broken rule, if any.
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError>;
    /// What a rep calls this record (its name or title), if it has one.
    fn display_name(&self) -> Option<&str>;
    /// The links every record of the kind must have: (field, kind it points to). A backup
    /// whose record points to a record it does not hold is refused.
    const REQUIRED_LINKS: &'static [(&'static str, &'static str)] = &[];
    /// The catalogue prefix of the kind's field labels (`account.field.`), for naming the
    /// field of a value that does not decode.
    const LABEL_PREFIX: &'static str = "record.field.";
}

// -------------------------------------------------------------------------------------------
// Shared rules
// -------------------------------------------------------------------------------------------

/// Bookkeeping: a revision in range, timestamps in range and not in the future.
pub fn check_meta(m: &Meta, ctx: &CheckContext) -> Result<(), RuleError> {
    if m.rev < 1 {
        return Err(RuleError::new("rev", "record.field.rev", "rule.rev_zero"));
    }
    if m.rev > MAX_REV {
        return Err(
            RuleError::new("rev", "record.field.rev", "rule.rev_too_large").arg("max", MAX_REV),
        );
    }
    instant("created_at", "record.field.created_at", m.created_at)?;
    instant("updated_at", "record.field.updated_at", m.updated_at)?;
    let limit = ctx.now + Duration::hours(CLOCK_SKEW_HOURS);
    for (path, label, at) in [
        ("created_at", "record.field.created_at", m.created_at),
        ("updated_at", "record.field.updated_at", m.updated_at),
    ] {
        if at > limit {
            return Err(RuleError::new(path, label, "rule.future")
                .arg("value", at.format("%Y-%m-%d %H:%M UTC")));
        }
    }
    Ok(())
}

/// The revision after `rev`, or an error when the counter is exhausted (never wraps).
pub fn next_rev(rev: u64) -> Option<u64> {
    rev.checked_add(1).filter(|r| *r <= MAX_REV)
}

/// A date whose year is a four-digit year.
pub fn date(path: &str, label: &'static str, d: NaiveDate) -> Result<(), RuleError> {
    if YEARS.contains(&d.year()) {
        Ok(())
    } else {
        Err(year_error(path, label, d.year()))
    }
}

/// A date typed in a form: `YYYY-MM-DD` with a four-digit year.
pub fn plausible_year(d: NaiveDate) -> bool {
    YEARS.contains(&d.year())
}

/// An instant whose year is a four-digit year.
pub fn instant(path: &str, label: &'static str, at: DateTime<Utc>) -> Result<(), RuleError> {
    if YEARS.contains(&at.year()) {
        Ok(())
    } else {
        Err(year_error(path, label, at.year()))
    }
}

fn year_error(path: &str, label: &'static str, year: i32) -> RuleError {
    RuleError::new(path, label, "rule.year")
        .arg("year", year)
        .arg("min", YEARS.start())
        .arg("max", YEARS.end())
}

/// A required name or title: not blank, at most [`MAX_NAME`] characters.
pub fn name(path: &str, label: &'static str, s: &str) -> Result<(), RuleError> {
    if s.trim().is_empty() {
        return Err(RuleError::new(path, label, "rule.required"));
    }
    length(path, label, s, MAX_NAME)
}

/// At most `max` characters.
pub fn length(path: &str, label: &'static str, s: &str, max: usize) -> Result<(), RuleError> {
    // Bytes bound characters from above: only long texts are counted.
    if s.len() > max {
        let len = s.chars().count();
        if len > max {
            return Err(RuleError::new(path, label, "rule.too_long")
                .arg("len", len)
                .arg("max", max));
        }
    }
    Ok(())
}

/// Why a form field would be refused, as a rule error at the field's path (`emails[1]`) with
/// its label. The shared problems read as rule messages, which do not quote the typed value
/// (a stored record has no typed text); a form's own problems keep their message.
fn form_error(e: &FieldError) -> RuleError {
    let path = match e.index {
        Some(i) => format!("{}[{i}]", e.field),
        None => e.field.to_string(),
    };
    let reason = match e.problem {
        FieldProblem::Required => "rule.required",
        FieldProblem::InvalidEmail => "rule.invalid_email",
        FieldProblem::InvalidUrl => "rule.invalid_url",
        FieldProblem::InvalidPhone => "rule.invalid_phone",
        FieldProblem::InvalidDate => "rule.invalid_date",
        FieldProblem::TooLong => {
            return RuleError::new(path, e.label_key, "rule.too_long_name").arg("max", MAX_NAME)
        }
        _ => e.key(),
    };
    RuleError::new(path, e.label_key, reason)
}

/// The first error of a form's validation, as a rule error (`at` turns it into one).
fn first_form_error<T>(
    r: Result<T, Vec<FieldError>>,
    at: impl Fn(&FieldError) -> RuleError,
) -> Result<(), RuleError> {
    match r {
        Ok(_) => Ok(()),
        Err(errors) => Err(errors
            .first()
            .map(at)
            .unwrap_or_else(|| RuleError::new(".", "record.field.record", "rule.invalid"))),
    }
}

// -------------------------------------------------------------------------------------------
// Per kind
// -------------------------------------------------------------------------------------------

impl Checked for Account {
    const LABEL_PREFIX: &'static str = "account.field.";
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        check_meta(&self.meta(), ctx)?;
        name("name", "account.field.name", &self.name)?;
        if let Some(d) = self.customer_since {
            date("customer_since", "account.field.customer_since", d)?;
        }
        first_form_error(AccountDraft::from_account(self).validate(), form_error)?;
        for (i, t) in self.tags.iter().enumerate() {
            length(&format!("tags[{i}]"), "account.field.tags", t, MAX_NAME)?;
        }
        Ok(())
    }
    fn display_name(&self) -> Option<&str> {
        Some(&self.name)
    }
}

impl Checked for Contact {
    const LABEL_PREFIX: &'static str = "contact.field.";
    const REQUIRED_LINKS: &'static [(&'static str, &'static str)] = &[("account_id", "accounts")];
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        check_meta(&self.meta(), ctx)?;
        name("name", "contact.field.name", &self.name)?;
        length("title", "contact.field.title", &self.title, MAX_NAME)?;
        if let Some(d) = self.last_met {
            date("last_met", "contact.field.last_met", d)?;
        }
        first_form_error(ContactDraft::from_contact(self).validate(), form_error)?;
        for (i, h) in self.relationship.history.iter().enumerate() {
            instant(
                &format!("relationship.history[{i}].at"),
                "record.field.relationship",
                h.at,
            )?;
        }
        if let Some(s) = &self.style {
            instant("style.judged_at", "record.field.style", s.judged_at)?;
        }
        for (i, m) in self.account_history.iter().enumerate() {
            instant(
                &format!("account_history[{i}].at"),
                "contact.field.account_history",
                m.at,
            )?;
        }
        Ok(())
    }
    fn display_name(&self) -> Option<&str> {
        Some(&self.name)
    }
}

impl Checked for Competitor {
    const LABEL_PREFIX: &'static str = "competitor.field.";
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        check_meta(&self.meta(), ctx)?;
        name("name", "competitor.field.name", &self.name)?;
        first_form_error(
            CompetitorDraft::from_competitor(self).validate(),
            form_error,
        )?;
        for (i, r) in self.reps.iter().enumerate() {
            length(
                &format!("reps[{i}].name"),
                "competitor.field.rep_name",
                &r.name,
                MAX_NAME,
            )?;
        }
        Ok(())
    }
    fn display_name(&self) -> Option<&str> {
        Some(&self.name)
    }
}

impl Checked for IntelNote {
    const LABEL_PREFIX: &'static str = "intel.field.";
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        check_meta(&self.meta(), ctx)?;
        name("title", "intel.field.title", &self.title)?;
        date("date", "intel.field.date", self.date)?;
        first_form_error(IntelDraft::from_note(self).validate(), form_error)
    }
    fn display_name(&self) -> Option<&str> {
        Some(&self.title)
    }
}

/// The dates of a deal's outcome (the current one, or one kept in the history): four-digit
/// years.
fn outcome_dates(path: &str, label: &'static str, o: &Outcome) -> Result<(), RuleError> {
    match o {
        Outcome::Open => Ok(()),
        Outcome::Won { at, paid_on } => {
            date(&format!("{path}.at"), label, *at)?;
            match paid_on {
                Some(p) => date(&format!("{path}.paid_on"), label, *p),
                None => Ok(()),
            }
        }
        Outcome::Lost { at, .. } | Outcome::Declined { at, .. } => {
            date(&format!("{path}.at"), label, *at)
        }
    }
}

impl Checked for Deal {
    const LABEL_PREFIX: &'static str = "deal.field.";
    const REQUIRED_LINKS: &'static [(&'static str, &'static str)] = &[("account_id", "accounts")];
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        check_meta(&self.meta(), ctx)?;
        length("title", "deal.field.title", &self.title, MAX_NAME)?;
        if let Some(d) = self.expected_close {
            date("expected_close", "deal.field.expected_close", d)?;
        }
        // The draft's fields, at the record's paths.
        first_form_error(DealDraft::from_deal(self).validate(), |e| {
            let path = match e.field {
                "currency" => "value.currency",
                "value" => "value.minor",
                "probability" => "probability_override",
                other => other,
            };
            RuleError::new(path, e.label_key, e.key())
        })?;
        name("title", "deal.field.title", &self.title)?;
        if let Some(p) = self.probability_override {
            if p > 100 {
                return Err(RuleError::new(
                    "probability_override",
                    "deal.field.probability",
                    "rule.percent",
                )
                .arg("value", p));
            }
        }
        instant(
            "step_entered_at",
            "record.field.step_entered_at",
            self.step_entered_at,
        )?;
        for (i, e) in self.history.iter().enumerate() {
            let at = format!("history[{i}]");
            instant(&format!("{at}.at"), "record.field.history", e.at)?;
            match &e.kind {
                StepEventKind::Advance { signal_date, .. } => date(
                    &format!("{at}.kind.signal_date"),
                    "record.field.history",
                    *signal_date,
                )?,
                StepEventKind::Reopened {
                    reason,
                    previous_outcome,
                } => {
                    let path = format!("{at}.kind.reopened");
                    if reason.trim().is_empty() {
                        return Err(RuleError::new(
                            format!("{path}.reason"),
                            "record.field.history",
                            "rule.required",
                        ));
                    }
                    length(
                        &format!("{path}.reason"),
                        "record.field.history",
                        reason,
                        MAX_TEXT,
                    )?;
                    outcome_dates(
                        &format!("{path}.previous_outcome"),
                        "record.field.history",
                        previous_outcome,
                    )?;
                }
                StepEventKind::Skip { .. } | StepEventKind::Back { .. } => {}
            }
        }
        for (i, t) in self.checklist.iter().enumerate() {
            let at = format!("checklist[{i}]");
            if ChecklistItem::new(t.item.step, t.item.number).is_none() {
                return Err(RuleError::new(
                    format!("{at}.item.number"),
                    "record.field.checklist",
                    "rule.checklist_item",
                )
                .arg("number", t.item.number)
                .arg("step", t.item.step as u8 + 1));
            }
            date(&format!("{at}.on"), "record.field.checklist", t.on)?;
        }
        for (i, n) in self.needs.iter().enumerate() {
            let at = format!("needs[{i}]");
            if n.text.trim().is_empty() {
                return Err(RuleError::new(
                    format!("{at}.text"),
                    "record.field.needs",
                    "rule.required",
                ));
            }
            length(
                &format!("{at}.text"),
                "record.field.needs",
                &n.text,
                MAX_TEXT,
            )?;
        }
        check_step_four(self)?;
        if let Some(ns) = &self.next_step {
            if ns.text.trim().is_empty() {
                return Err(RuleError::new(
                    "next_step.text",
                    "record.field.next_step",
                    "rule.required",
                ));
            }
            date("next_step.due", "record.field.next_step", ns.due)?;
        }
        outcome_dates("outcome", "record.field.outcome", &self.outcome)?;
        let q = &self.qualification;
        for (path, r) in [
            ("is_there_an_opportunity", &q.is_there_an_opportunity),
            ("do_we_have_a_solution", &q.do_we_have_a_solution),
            ("can_we_win", &q.can_we_win),
            ("is_it_worth_winning", &q.is_it_worth_winning),
        ] {
            if let Some(at) = r.answered_at {
                instant(
                    &format!("qualification.{path}.answered_at"),
                    "record.field.qualification",
                    at,
                )?;
            }
        }
        if let Some(o) = &q.gate_override {
            instant(
                "qualification.gate_override.at",
                "record.field.qualification",
                o.at,
            )?;
        }
        Ok(())
    }
    fn display_name(&self) -> Option<&str> {
        Some(&self.title)
    }
}

/// The competitive analysis and the presentation plan of a stored deal: every line
/// required and at most [`MAX_NAME`] characters, every note, data and story at most
/// [`MAX_TEXT`], rehearsal times within
/// [`MAX_REHEARSAL_SECONDS`](crate::domain::presentation::MAX_REHEARSAL_SECONDS).
fn check_step_four(deal: &Deal) -> Result<(), RuleError> {
    const COMPETITIVE: &str = "record.field.competitive";
    const PRESENTATION: &str = "record.field.presentation";
    let a = &deal.competitive;
    for (i, p) in a.points.iter().enumerate() {
        name(
            &format!("competitive.points[{i}].text"),
            COMPETITIVE,
            &p.text,
        )?;
    }
    for (i, x) in a.actions.iter().enumerate() {
        name(
            &format!("competitive.actions[{i}].text"),
            COMPETITIVE,
            &x.text,
        )?;
    }
    let p = &deal.presentation;
    for (i, n) in p.notes.iter().enumerate() {
        length(
            &format!("presentation.notes[{i}].text"),
            PRESENTATION,
            &n.text,
            MAX_TEXT,
        )?;
    }
    for (i, m) in p.main_points.iter().enumerate() {
        let at = format!("presentation.main_points[{i}]");
        name(&format!("{at}.text"), PRESENTATION, &m.text)?;
        length(&format!("{at}.data"), PRESENTATION, &m.data, MAX_TEXT)?;
        length(&format!("{at}.story"), PRESENTATION, &m.story, MAX_TEXT)?;
    }
    let max = crate::domain::presentation::MAX_REHEARSAL_SECONDS;
    for (i, t) in p.rehearsal.iter().enumerate() {
        if t.seconds > max {
            return Err(RuleError::new(
                format!("presentation.rehearsal[{i}].seconds"),
                PRESENTATION,
                "rule.rehearsal_too_long",
            )
            .arg("max", max));
        }
    }
    Ok(())
}

impl Checked for Activity {
    const LABEL_PREFIX: &'static str = "trust.ui.activity.";
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        check_meta(&self.meta(), ctx)?;
        instant("at", "trust.ui.activity.date", self.at)?;
        let currency = self
            .gift_value
            .as_ref()
            .map_or_else(Currency::default, |m| m.currency.clone());
        // The draft's date and time are the record's `at`; a date or time it refuses is
        // quoted (`{input}`).
        let draft = ActivityDraft::from_activity(self, &Utc, currency);
        first_form_error(draft.validate(&Utc), |e| {
            let (path, label) = match e.field {
                "date" | "time" => ("at", "trust.ui.activity.date"),
                "contact_ids" => ("contact_ids", e.label_key),
                _ => ("gift_value.minor", e.label_key),
            };
            let input = match e.problem {
                FieldProblem::ActivityDateInvalid | FieldProblem::ActivityTimeInvalid => {
                    e.arg_value("input").unwrap_or_default()
                }
                _ => "",
            };
            RuleError::new(path, label, e.key())
                .arg("input", input)
                .arg("allowed", 2)
        })?;
        length("notes", "trust.ui.activity.notes", &self.notes, MAX_TEXT)?;
        length(
            "outcome",
            "trust.ui.activity.outcome",
            &self.outcome,
            MAX_TEXT,
        )
    }
    fn display_name(&self) -> Option<&str> {
        None
    }
}

impl Checked for Task {
    const LABEL_PREFIX: &'static str = "trust.ui.task.";
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        check_meta(&self.meta(), ctx)?;
        name("title", "trust.ui.task.title", &self.title)?;
        date("due_date", "trust.ui.task.due_date", self.due_date)?;
        if let Some(d) = self.done_at {
            instant("done_at", "record.field.done_at", d)?;
        }
        length("notes", "record.field.notes", &self.notes, MAX_TEXT)
    }
    fn display_name(&self) -> Option<&str> {
        Some(&self.title)
    }
}

impl Checked for Proposal {
    const LABEL_PREFIX: &'static str = "proposal.field.";
    const REQUIRED_LINKS: &'static [(&'static str, &'static str)] = &[("deal_id", "deals")];
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        crate::domain::proposal::check_record(self, ctx)
    }
    fn display_name(&self) -> Option<&str> {
        None
    }
}

impl Checked for Negotiation {
    const LABEL_PREFIX: &'static str = "negotiation.field.";
    const REQUIRED_LINKS: &'static [(&'static str, &'static str)] = &[("deal_id", "deals")];
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        crate::domain::negotiation::check_record(self, ctx)
    }
    fn display_name(&self) -> Option<&str> {
        None
    }
}

impl Checked for crate::domain::followup::FollowUp {
    const LABEL_PREFIX: &'static str = "followup.field.";
    const REQUIRED_LINKS: &'static [(&'static str, &'static str)] = &[("deal_id", "deals")];
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        crate::domain::followup::check_record(self, ctx)
    }
    fn display_name(&self) -> Option<&str> {
        None
    }
}

impl Checked for crate::domain::complaint::Complaint {
    const LABEL_PREFIX: &'static str = "complaint.field.";
    const REQUIRED_LINKS: &'static [(&'static str, &'static str)] = &[("account_id", "accounts")];
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        crate::domain::complaint::check_record(self, ctx)
    }
    fn display_name(&self) -> Option<&str> {
        None
    }
}

impl Checked for crate::domain::receivable::Invoice {
    const LABEL_PREFIX: &'static str = "receivable.field.";
    const REQUIRED_LINKS: &'static [(&'static str, &'static str)] =
        &[("deal_id", "deals"), ("account_id", "accounts")];
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        crate::domain::receivable::check_record(self, ctx)
    }
    fn display_name(&self) -> Option<&str> {
        Some(&self.number)
    }
}

impl Checked for crate::domain::receivable::CreditCheck {
    const LABEL_PREFIX: &'static str = "receivable.credit_field.";
    const REQUIRED_LINKS: &'static [(&'static str, &'static str)] = &[("account_id", "accounts")];
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        crate::domain::receivable::check_credit(self, ctx)
    }
    fn display_name(&self) -> Option<&str> {
        None
    }
}

impl Checked for crate::domain::referral::Referral {
    const LABEL_PREFIX: &'static str = "referral.field.";
    const REQUIRED_LINKS: &'static [(&'static str, &'static str)] =
        &[("person_id", "contacts"), ("account_id", "accounts")];
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        crate::domain::referral::check_record(self, ctx)
    }
    fn display_name(&self) -> Option<&str> {
        None
    }
}

impl Checked for crate::domain::decline::Partner {
    const LABEL_PREFIX: &'static str = "decline.partner_field.";
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        crate::domain::decline::check_partner(self, ctx)
    }
    fn display_name(&self) -> Option<&str> {
        Some(&self.name)
    }
}

impl Checked for crate::domain::decline::DeclinedRequest {
    const LABEL_PREFIX: &'static str = "decline.field.";
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        crate::domain::decline::check_record(self, ctx)
    }
    fn display_name(&self) -> Option<&str> {
        None
    }
}

impl Checked for crate::domain::training::ExerciseAnswer {
    const LABEL_PREFIX: &'static str = "training.field.";
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        crate::domain::training::progress::check_answer(self, ctx)
    }
    fn display_name(&self) -> Option<&str> {
        None
    }
}

impl Checked for crate::domain::training::SampleBook {
    const LABEL_PREFIX: &'static str = "sample.field.";
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        crate::domain::training::sample::check_mark(self, ctx)
    }
    fn display_name(&self) -> Option<&str> {
        None
    }
}

impl Checked for Product {
    const LABEL_PREFIX: &'static str = "product.field.";
    fn check(&self, ctx: &CheckContext) -> Result<(), RuleError> {
        check_meta(&self.meta(), ctx)?;
        name("name", "product.field.name", &self.name)?;
        // The form's rules at the record's paths; a related product in the file need not be
        // in it (a later import may bring it), but never the product itself. A typed number
        // the form refuses reads as a value out of range (no text was typed).
        first_form_error(
            ProductDraft::from_product(self).validate(Some(self.id), |_| true),
            |e| {
                if FieldProblem::DECIMAL.contains(&e.problem) {
                    let path = match e.index {
                        Some(i) => format!("{}[{i}]", e.field),
                        None => e.field.to_string(),
                    };
                    return RuleError::new(path, e.label_key, "rule.out_of_range")
                        .arg("value", e.arg_value("value").unwrap_or_default());
                }
                let mut r = form_error(e);
                if r.reason == e.key() {
                    r.args = e.args.clone();
                }
                r
            },
        )?;
        for (i, c) in self.price_history.iter().enumerate() {
            let at = format!("price_history[{i}]");
            date(&format!("{at}.date"), "product.field.price_history", c.date)?;
            for (part, v) in [("old", c.old), ("new", c.new)] {
                if !v.in_range() {
                    return Err(RuleError::new(
                        format!("{at}.{part}"),
                        "product.field.price_history",
                        "rule.out_of_range",
                    )
                    .arg("value", v.to_input()));
                }
            }
        }
        for (i, c) in self.competitor_prices.iter().enumerate() {
            let at = format!("competitor_prices[{i}]");
            let label = "product.field.competitor_prices";
            name(&format!("{at}.competitor_name"), label, &c.competitor_name)?;
            length(&format!("{at}.source"), label, &c.source, MAX_NAME)?;
            date(&format!("{at}.date"), label, c.date)?;
            if !c.price.in_range() {
                return Err(
                    RuleError::new(format!("{at}.price"), label, "rule.out_of_range")
                        .arg("value", c.price.to_input()),
                );
            }
        }
        length(
            "description",
            "product.field.description",
            &self.description,
            MAX_TEXT,
        )
    }
    fn display_name(&self) -> Option<&str> {
        Some(&self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn ctx() -> CheckContext {
        CheckContext {
            now: Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap(),
        }
    }

    #[test]
    fn a_stored_deals_step_four_texts_are_bounded() {
        use crate::domain::competitive::{Point, PointKind};
        use crate::domain::ids::new_id;
        use crate::domain::money::Money;
        use crate::domain::presentation::{MainPoint, OutlineStep};
        let mut d = Deal::new(
            new_id(),
            "Line 4",
            Money::zero(Currency::default()),
            ctx().now,
        );
        assert!(d.check(&ctx()).is_ok());
        d.competitive.points.push(Point {
            id: new_id(),
            kind: PointKind::Strength,
            text: "  ".into(),
            need_ids: vec![],
            person_ids: vec![],
        });
        let e = d.check(&ctx()).unwrap_err();
        assert_eq!(e.path, "competitive.points[0].text");
        assert_eq!(e.reason, "rule.required");
        d.competitive.points[0].text = "Fast".into();
        d.presentation.main_points.push(MainPoint {
            id: new_id(),
            text: "Uptime".into(),
            data: "x".repeat(MAX_TEXT + 1),
            story: String::new(),
        });
        let e = d.check(&ctx()).unwrap_err();
        assert_eq!(e.path, "presentation.main_points[0].data");
        d.presentation.main_points.clear();
        d.presentation.record_rehearsal(OutlineStep::Opening, 30);
        d.presentation.rehearsal[0].seconds = u32::MAX;
        let e = d.check(&ctx()).unwrap_err();
        assert_eq!(e.reason, "rule.rehearsal_too_long");
    }

    #[test]
    fn dates_far_from_today_are_questioned_not_refused() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let c = |s: &str, w| date_caution(s, today, w);
        assert_eq!(c("2027-03-31", DateWindow::NearToday), None);
        assert_eq!(c("2036-12-31", DateWindow::NearToday), None);
        assert_eq!(
            c("2037-01-01", DateWindow::NearToday),
            Some(DateCaution::FarFuture)
        );
        assert_eq!(
            c("9999-01-01", DateWindow::NearToday),
            Some(DateCaution::FarFuture)
        );
        assert_eq!(
            c("2015-06-01", DateWindow::NearToday),
            Some(DateCaution::FarPast)
        );
        assert_eq!(c("", DateWindow::NearToday), None);
        assert_eq!(c("not a date", DateWindow::NearToday), None);
        assert_eq!(
            c("1995-02-01", DateWindow::Past),
            None,
            "a long-standing customer"
        );
        assert_eq!(
            c("2026-12-02", DateWindow::Past),
            Some(DateCaution::InFuture)
        );
    }

    #[test]
    fn next_rev_never_wraps() {
        assert_eq!(next_rev(1), Some(2));
        assert_eq!(next_rev(MAX_REV - 1), Some(MAX_REV));
        assert_eq!(next_rev(MAX_REV), None);
        assert_eq!(next_rev(u64::MAX), None);
    }

    #[test]
    fn meta_rules() {
        let now = ctx().now;
        let mut m = Meta::new(now);
        assert!(check_meta(&m, &ctx()).is_ok());
        m.rev = MAX_REV + 1;
        assert_eq!(
            check_meta(&m, &ctx()).unwrap_err().reason,
            "rule.rev_too_large"
        );
        m.rev = 0;
        assert_eq!(check_meta(&m, &ctx()).unwrap_err().reason, "rule.rev_zero");
        m.rev = 3;
        m.updated_at = now + Duration::hours(CLOCK_SKEW_HOURS - 1);
        assert!(
            check_meta(&m, &ctx()).is_ok(),
            "a fast clock elsewhere is fine"
        );
        m.updated_at = now + Duration::days(400);
        let e = check_meta(&m, &ctx()).unwrap_err();
        assert_eq!((e.path.as_str(), e.reason), ("updated_at", "rule.future"));
    }

    #[test]
    fn years_outside_four_digits_are_refused() {
        for y in [0, -1, 999, 10_000] {
            let d = NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
            let e = date("d", "x", d).unwrap_err();
            assert_eq!(e.reason, "rule.year");
            assert_eq!(e.args[0], ("year", y.to_string()));
        }
        assert!(date("d", "x", NaiveDate::from_ymd_opt(1000, 1, 1).unwrap()).is_ok());
        assert!(date("d", "x", NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()).is_ok());
    }

    #[test]
    fn names_are_required_and_bounded() {
        assert_eq!(name("n", "x", "  ").unwrap_err().reason, "rule.required");
        assert!(
            name("n", "x", &"é".repeat(MAX_NAME)).is_ok(),
            "counted in characters"
        );
        let e = name("n", "x", &"a".repeat(MAX_NAME + 1)).unwrap_err();
        assert_eq!(e.reason, "rule.too_long");
        assert_eq!(e.args, vec![("len", "201".into()), ("max", "200".into())]);
    }
}

#[cfg(test)]
mod deal_history_tests {
    use super::*;
    use crate::domain::deal::{self, StepEvent};
    use crate::domain::ids::new_id;
    use crate::domain::money::Money;
    use chrono::TimeZone;

    /// A reopened deal passes the record rules; the reopen's reason and the dates of the
    /// outcome it keeps are checked like any other field.
    #[test]
    fn a_reopen_in_the_history_is_checked() {
        let now = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap();
        let ctx = CheckContext { now };
        let mut d = Deal::new(new_id(), "Retrofit", Money::zero(Currency::default()), now);
        deal::mark_lost(&mut d, now.date_naive(), "price").unwrap();
        deal::reopen(&mut d, "budget came back", now).unwrap();
        assert_eq!(d.check(&ctx), Ok(()));

        let mut bad = d.clone();
        bad.history[0].kind = StepEventKind::Reopened {
            reason: " ".into(),
            previous_outcome: Outcome::Open,
        };
        let e = bad.check(&ctx).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.reason),
            ("history[0].kind.reopened.reason", "rule.required")
        );

        let mut bad = d.clone();
        bad.history.push(StepEvent {
            at: now,
            from: d.step,
            to: d.step,
            kind: StepEventKind::Reopened {
                reason: "x".into(),
                previous_outcome: Outcome::Won {
                    at: NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
                    paid_on: NaiveDate::from_ymd_opt(10_000, 1, 1),
                },
            },
        });
        let e = bad.check(&ctx).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.reason),
            (
                "history[1].kind.reopened.previous_outcome.paid_on",
                "rule.year"
            )
        );
    }
}

#[cfg(test)]
mod form_tests {
    use crate::domain::{account, activity, deal::DealDraft};

    /// The forms refuse the years restore refuses: one rule, both paths.
    #[test]
    fn forms_refuse_years_outside_four_digits() {
        for typed in ["0000-05-01", "+10000-05-01", "-0001-05-01", "20000-05-01"] {
            assert!(account::parse_date(typed).is_err(), "{typed}");
            assert!(activity::parse_date(typed).is_err(), "{typed}");
            let draft = DealDraft {
                account_id: Some(crate::domain::ids::new_id()),
                title: "T".into(),
                expected_close: typed.into(),
                ..DealDraft::default()
            };
            assert!(draft.validate().is_err(), "{typed}");
        }
        assert!(account::parse_date("1999-05-01").unwrap().is_some());
    }
}
