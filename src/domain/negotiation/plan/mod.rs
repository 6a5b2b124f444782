//! The negotiation plan (METHOD.md step 5, "division of labour and preparation" and
//! "positions and interests"): our team and who does what, the issues on the table with
//! our opening position, our target and our bottom line, the money value of a unit of
//! movement, the importance to us and to them, and our alternative if there is no deal.
//!
//! **Direction.** Which way is better for us on an issue follows from the opening and the
//! bottom line ([`Direction`]): a price we open high and may go down to the bottom line;
//! payment days we open short and may go up to it. The target lies between them, and the
//! bottom line (our walk-away) lies beyond the target, further from the opening. An
//! opening equal to the bottom line is allowed: no room on that issue.
//!
//! **Forms and records.** The forms' drafts ([`MemberDraft`], [`IssueDraft`],
//! [`AlternativeDraft`]) hold what was typed and report every bad field at once
//! ([`PlanError`]); the rules run by [`check_plan`] on every save and every imported
//! record are the same, so a backup with a bad plan is refused.
//!
//! **Changes** go through the functions here on the whole [`Negotiation`]: an issue that a
//! round, an agreed term or a deadlock refers to cannot be removed ([`IssueUses`]).
//!
//! [`trades`] holds the trade suggestions and the packages of equal value to us.

pub mod trades;

#[cfg(test)]
mod tests;

use super::{Alternative, Issue, IssueKind, Negotiation, Plan, Position, TeamMember, TeamRole};
use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::ids::{new_id, Id};
use crate::domain::money::Currency;
use crate::domain::price::{format_scaled, parse_scaled};
use crate::domain::rules::{self, RuleError, MAX_NAME, MAX_TEXT};
use crate::domain::sorting::SortExt;

/// The importance scale of an issue, to us and to them.
pub const IMPORTANCE: std::ops::RangeInclusive<u8> = 1..=5;

/// Which way is better for us on an issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Higher is better (a price we open high).
    Higher,
    /// Lower is better (payment days we open short).
    Lower,
    /// The opening is the bottom line: no room to move.
    Fixed,
}

impl Issue {
    /// Which way is better for us: from the opening towards the bottom line is worse.
    pub fn direction(&self) -> Direction {
        direction(self.opening, self.bottom)
    }

    /// Whether `a` is better for us than `b`.
    pub fn better(&self, a: Position, b: Position) -> bool {
        match self.direction() {
            Direction::Higher => a > b,
            Direction::Lower => a < b,
            Direction::Fixed => false,
        }
    }

    /// Whether `p` lies past our bottom line (worse for us than the walk-away).
    pub fn past_bottom(&self, p: Position) -> bool {
        match self.direction() {
            Direction::Higher => p < self.bottom,
            Direction::Lower => p > self.bottom,
            Direction::Fixed => p != self.bottom,
        }
    }

    /// What moving from `from` to `to` is worth to us, in minor units of the negotiation's
    /// currency (rounded half away from zero); `None` when the issue has no money value.
    pub fn value_of_move(&self, from: Position, to: Position) -> Option<i64> {
        let per_unit = self.value_per_unit?;
        let milli = i128::from(per_unit) * (i128::from(to.0) - i128::from(from.0)).abs();
        let minor = crate::domain::price::round_half_away(milli, 1_000);
        i64::try_from(minor).ok()
    }

    /// The money value of all our room (opening to bottom line); `None` without a value
    /// per unit.
    pub fn room_value(&self) -> Option<i64> {
        self.value_of_move(self.opening, self.bottom)
    }

    /// Whether positions on this issue move in whole units: counts of time (days, weeks,
    /// months, years, hours) and of things (units, pieces, licences), in English or
    /// Spanish ([`whole_unit`]).
    pub fn whole_units(&self) -> bool {
        whole_unit(&self.unit)
    }
}

fn direction(opening: Position, bottom: Position) -> Direction {
    match opening.cmp(&bottom) {
        std::cmp::Ordering::Greater => Direction::Higher,
        std::cmp::Ordering::Less => Direction::Lower,
        std::cmp::Ordering::Equal => Direction::Fixed,
    }
}

/// Whether a unit counts whole things: days, weeks, months, years, hours, units, pieces,
/// licences, users, visits (English and Spanish, singular or plural, any case).
pub fn whole_unit(unit: &str) -> bool {
    const WHOLE: &[&str] = &[
        "day",
        "days",
        "d",
        "week",
        "weeks",
        "wk",
        "month",
        "months",
        "mo",
        "year",
        "years",
        "yr",
        "hour",
        "hours",
        "h",
        "unit",
        "units",
        "piece",
        "pieces",
        "pcs",
        "pc",
        "licence",
        "licences",
        "license",
        "licenses",
        "user",
        "users",
        "visit",
        "visits",
        "día",
        "días",
        "dia",
        "dias",
        "semana",
        "semanas",
        "mes",
        "meses",
        "año",
        "años",
        "hora",
        "horas",
        "unidad",
        "unidades",
        "pieza",
        "piezas",
        "licencia",
        "licencias",
        "usuario",
        "usuarios",
        "visita",
        "visitas",
    ];
    let u = unit.trim().trim_end_matches('.').to_lowercase();
    WHOLE.contains(&u.as_str())
}

/// What is wrong with a field of the plan's forms (or a rule of a stored plan). Each has
/// a form message (`negotiation.plan.error.<code>`, which names the field and quotes what
/// was typed) and a rule message (`….rule`, for a stored record, which does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanProblem {
    /// The bottom line is better for us than the target (`{bottom}`, `{target}`,
    /// `{opening}`).
    BottomBeforeTarget,
    /// The target lies outside opening..bottom line (`{target}`, `{opening}`, `{bottom}`).
    TargetOutsideRange,
    /// An importance that is not a whole number from 1 to 5 (`{value}`).
    ImportanceInvalid,
    /// A value per unit of zero (`{value}`).
    ValueZero,
    /// An issue of the rep's own without a name.
    CustomLabelRequired,
    /// A long text past [`MAX_TEXT`] (`{len}`, `{max}`).
    TextTooLong,
    /// A role listed twice for one member.
    RoleRepeated,
    /// Two members or two issues with one id.
    DuplicateId,
    /// The member or issue being edited is no longer in the plan.
    Gone,
}

crate::keyed_enum!(PlanProblem, "negotiation.plan.error", {
    BottomBeforeTarget => "bottom_before_target",
    TargetOutsideRange => "target_outside_range",
    ImportanceInvalid => "importance_invalid",
    ValueZero => "value_zero",
    CustomLabelRequired => "custom_label_required",
    TextTooLong => "text_too_long",
    RoleRepeated => "role_repeated",
    DuplicateId => "duplicate_id",
    Gone => "gone",
}, rule_key = ".rule");

/// One field of a plan form in error: the app's [`FieldError`], with the plan's own
/// problems ([`PlanProblem`]) as form problems.
pub type PlanError = FieldError;

impl From<PlanProblem> for FieldProblem {
    fn from(p: PlanProblem) -> Self {
        FieldProblem::Form(p.key())
    }
}

/// The catalogue keys of the plan's field labels.
pub mod label {
    pub const MEMBER_NAME: &str = "negotiation.plan.field.member_name";
    pub const ROLES: &str = "negotiation.plan.field.roles";
    pub const KIND: &str = "negotiation.plan.field.kind";
    pub const LABEL: &str = "negotiation.plan.field.label";
    pub const UNIT: &str = "negotiation.plan.field.unit";
    pub const OPENING: &str = "negotiation.plan.field.opening";
    pub const TARGET: &str = "negotiation.plan.field.target";
    pub const BOTTOM: &str = "negotiation.plan.field.bottom";
    pub const VALUE_PER_UNIT: &str = "negotiation.plan.field.value_per_unit";
    pub const IMPORTANCE_US: &str = "negotiation.plan.field.importance_us";
    pub const IMPORTANCE_THEM: &str = "negotiation.plan.field.importance_them";
    pub const NOTES: &str = "negotiation.plan.field.notes";
    pub const ALTERNATIVE: &str = "negotiation.plan.field.alternative";
    pub const ALTERNATIVE_VALUE: &str = "negotiation.plan.field.alternative_value";
    pub const ISSUE: &str = "negotiation.plan.field.issue";
    pub const MEMBER: &str = "negotiation.plan.field.member";
}

/// A name (required, at most [`MAX_NAME`] characters) as form errors.
fn name_errors(field: &'static str, label_key: &'static str, s: &str, out: &mut Vec<PlanError>) {
    use crate::domain::fields::FieldProblem;
    if s.trim().is_empty() {
        out.push(FieldError::new(field, label_key, FieldProblem::Required));
    } else if s.chars().count() > MAX_NAME {
        out.push(FieldError::new(field, label_key, FieldProblem::TooLong));
    }
}

fn short_text(field: &'static str, label_key: &'static str, s: &str, out: &mut Vec<PlanError>) {
    use crate::domain::fields::FieldProblem;
    if s.chars().count() > MAX_NAME {
        out.push(FieldError::new(field, label_key, FieldProblem::TooLong));
    }
}

fn long_text(field: &'static str, label_key: &'static str, s: &str, out: &mut Vec<PlanError>) {
    let len = s.chars().count();
    if len > MAX_TEXT {
        out.push(
            PlanError::new(field, label_key, PlanProblem::TextTooLong)
                .arg("len", len)
                .arg("max", MAX_TEXT),
        );
    }
}

/// An optional amount of money typed in the negotiation's currency: `Ok(None)` when blank;
/// zero refused when `zero_ok` is false.
fn money_field(
    field: &'static str,
    label_key: &'static str,
    typed: &str,
    currency: &Currency,
    zero_ok: bool,
    out: &mut Vec<PlanError>,
) -> Option<i64> {
    if typed.trim().is_empty() {
        return None;
    }
    match parse_scaled(typed, currency.exponent()) {
        Ok(0) if !zero_ok => {
            out.push(
                PlanError::new(field, label_key, PlanProblem::ValueZero).arg("value", typed.trim()),
            );
            None
        }
        Ok(v) => Some(v),
        Err(e) => {
            out.push(FieldError::decimal(field, label_key, &e, typed));
            None
        }
    }
}

// -------------------------------------------------------------------------------------------
// The team
// -------------------------------------------------------------------------------------------

/// A member of our team as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberDraft {
    pub name: String,
    pub roles: Vec<TeamRole>,
}

impl MemberDraft {
    pub fn from_member(m: &TeamMember) -> Self {
        MemberDraft {
            name: m.name.clone(),
            roles: m.roles.clone(),
        }
    }

    /// The member with id `id`, or every bad field.
    pub fn validate(&self, id: Id) -> Result<TeamMember, Vec<PlanError>> {
        let mut errs = Vec::new();
        name_errors("member_name", label::MEMBER_NAME, &self.name, &mut errs);
        if !errs.is_empty() {
            return Err(errs);
        }
        // Roles in the scale's order, each once (a checkbox group cannot repeat one).
        let mut roles = self.roles.clone();
        roles.sort_plain();
        roles.dedup();
        Ok(TeamMember {
            id,
            name: self.name.trim().to_string(),
            roles,
        })
    }
}

/// Adds a member to the team; their id.
pub fn add_member(n: &mut Negotiation, d: &MemberDraft) -> Result<Id, Vec<PlanError>> {
    let m = d.validate(new_id())?;
    let id = m.id;
    n.plan.team.push(m);
    Ok(id)
}

/// Changes member `id` (name and roles).
pub fn update_member(n: &mut Negotiation, id: Id, d: &MemberDraft) -> Result<(), Vec<PlanError>> {
    let Some(slot) = n.plan.team.iter_mut().find(|m| m.id == id) else {
        return Err(vec![PlanError::new(
            "member_name",
            label::MEMBER,
            PlanProblem::Gone,
        )]);
    };
    *slot = d.validate(id)?;
    Ok(())
}

/// Removes member `id`: where they stood and who they were (for Undo); `None` when they
/// are not in the team.
pub fn remove_member(n: &mut Negotiation, id: Id) -> Option<(usize, TeamMember)> {
    crate::domain::parts::take_out(&mut n.plan.team, |m| m.id == id)
}

/// Puts a removed member back where they stood (the Undo of [`remove_member`]); nothing
/// when they are back already.
pub fn restore_member(n: &mut Negotiation, at: usize, m: TeamMember) {
    crate::domain::parts::put_back(&mut n.plan.team, at, m, |a, b| a.id == b.id);
}

// -------------------------------------------------------------------------------------------
// The issues
// -------------------------------------------------------------------------------------------

/// An issue as typed. Positions are decimals in the issue's unit; the value per unit is
/// an amount in the negotiation's currency (blank when the issue has no money value);
/// the importances are whole numbers 1–5.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueDraft {
    pub kind: IssueKind,
    pub label: String,
    pub unit: String,
    pub opening: String,
    pub target: String,
    pub bottom: String,
    pub value_per_unit: String,
    pub importance_us: String,
    pub importance_them: String,
    pub notes: String,
}

impl Default for IssueDraft {
    fn default() -> Self {
        IssueDraft {
            kind: IssueKind::Price,
            label: String::new(),
            unit: String::new(),
            opening: String::new(),
            target: String::new(),
            bottom: String::new(),
            value_per_unit: String::new(),
            importance_us: "3".into(),
            importance_them: "3".into(),
            notes: String::new(),
        }
    }
}

impl IssueDraft {
    /// The form filled from a stored issue.
    pub fn from_issue(i: &Issue, currency: &Currency) -> Self {
        IssueDraft {
            kind: i.kind,
            label: i.label.clone(),
            unit: i.unit.clone(),
            opening: i.opening.to_input(),
            target: i.target.to_input(),
            bottom: i.bottom.to_input(),
            value_per_unit: i
                .value_per_unit
                .map(|v| format_scaled(v, currency.exponent(), 0))
                .unwrap_or_default(),
            importance_us: i.importance_us.to_string(),
            importance_them: i.importance_them.to_string(),
            notes: i.notes.clone(),
        }
    }

    /// The issue with id `id`, or every bad field (in form order).
    pub fn validate(&self, id: Id, currency: &Currency) -> Result<Issue, Vec<PlanError>> {
        let mut errs = Vec::new();
        if self.kind == IssueKind::Custom && self.label.trim().is_empty() {
            errs.push(PlanError::new(
                "label",
                label::LABEL,
                PlanProblem::CustomLabelRequired,
            ));
        }
        short_text("label", label::LABEL, &self.label, &mut errs);
        short_text("unit", label::UNIT, &self.unit, &mut errs);
        let position =
            |field, label_key, typed: &str, errs: &mut Vec<PlanError>| match Position::parse(typed)
            {
                Ok(p) => Some(p),
                Err(e) => {
                    let e = FieldError::decimal(field, label_key, &e, typed);
                    errs.push(if typed.trim().is_empty() {
                        FieldError::new(
                            field,
                            label_key,
                            crate::domain::fields::FieldProblem::Required,
                        )
                    } else {
                        e
                    });
                    None
                }
            };
        let opening = position("opening", label::OPENING, &self.opening, &mut errs);
        let target = position("target", label::TARGET, &self.target, &mut errs);
        let bottom = position("bottom", label::BOTTOM, &self.bottom, &mut errs);
        let unit = self.unit.trim();
        if let (Some(o), Some(t), Some(b)) = (opening, target, bottom) {
            let put = |e: PlanError, name, typed: &str, p: Position| {
                super::position_arg(e, name, p, typed, unit, currency)
            };
            let at = match position_problem(o, t, b) {
                Some(PlanProblem::BottomBeforeTarget) => {
                    Some(("bottom", label::BOTTOM, PlanProblem::BottomBeforeTarget))
                }
                Some(p) => Some(("target", label::TARGET, p)),
                None => None,
            };
            if let Some((field, label_key, problem)) = at {
                let e = PlanError::new(field, label_key, problem);
                let e = put(e, "bottom", &self.bottom, b);
                let e = put(e, "target", &self.target, t);
                errs.push(put(e, "opening", &self.opening, o));
            }
        }
        let value_per_unit = money_field(
            "value_per_unit",
            label::VALUE_PER_UNIT,
            &self.value_per_unit,
            currency,
            false,
            &mut errs,
        );
        let us = importance(
            "importance_us",
            label::IMPORTANCE_US,
            &self.importance_us,
            &mut errs,
        );
        let them = importance(
            "importance_them",
            label::IMPORTANCE_THEM,
            &self.importance_them,
            &mut errs,
        );
        long_text("notes", label::NOTES, &self.notes, &mut errs);
        match (opening, target, bottom, us, them) {
            (Some(opening), Some(target), Some(bottom), Some(us), Some(them))
                if errs.is_empty() =>
            {
                Ok(Issue {
                    id,
                    kind: self.kind,
                    label: self.label.trim().to_string(),
                    unit: unit.to_string(),
                    opening,
                    target,
                    bottom,
                    value_per_unit,
                    importance_us: us,
                    importance_them: them,
                    notes: self.notes.trim().to_string(),
                })
            }
            _ => Err(errs),
        }
    }
}

/// "40 days" (or "40" without a unit).
fn with_unit(value: &str, unit: &str) -> String {
    if unit.is_empty() {
        value.to_string()
    } else {
        format!("{value} {unit}")
    }
}

/// What is wrong with an opening, a target and a bottom line together, if anything: the
/// target must lie between the opening and the bottom line (either may equal it); a
/// target beyond the bottom line means the bottom line is better for us than the target.
pub fn position_problem(
    opening: Position,
    target: Position,
    bottom: Position,
) -> Option<PlanProblem> {
    let (lo, hi) = (opening.min(bottom), opening.max(bottom));
    if (lo..=hi).contains(&target) {
        return None;
    }
    let beyond_bottom = match direction(opening, bottom) {
        Direction::Higher => target < bottom,
        Direction::Lower => target > bottom,
        Direction::Fixed => false,
    };
    Some(if beyond_bottom {
        PlanProblem::BottomBeforeTarget
    } else {
        PlanProblem::TargetOutsideRange
    })
}

/// A typed importance: a whole number 1–5.
fn importance(
    field: &'static str,
    label_key: &'static str,
    typed: &str,
    out: &mut Vec<PlanError>,
) -> Option<u8> {
    match typed.trim().parse::<u8>() {
        Ok(v) if IMPORTANCE.contains(&v) => Some(v),
        _ => {
            out.push(
                PlanError::new(field, label_key, PlanProblem::ImportanceInvalid)
                    .arg("value", typed.trim()),
            );
            None
        }
    }
}

/// Adds an issue to the plan; its id.
pub fn add_issue(n: &mut Negotiation, d: &IssueDraft) -> Result<Id, Vec<PlanError>> {
    let issue = d.validate(new_id(), &n.currency)?;
    let id = issue.id;
    n.plan.issues.push(issue);
    Ok(id)
}

/// Changes issue `id` in place.
pub fn update_issue(n: &mut Negotiation, id: Id, d: &IssueDraft) -> Result<(), Vec<PlanError>> {
    let issue = d.validate(id, &n.currency)?;
    let Some(slot) = n.plan.issues.iter_mut().find(|i| i.id == id) else {
        return Err(vec![PlanError::new(
            "kind",
            label::ISSUE,
            PlanProblem::Gone,
        )]);
    };
    *slot = issue;
    Ok(())
}

/// How many records of the negotiation refer to an issue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IssueUses {
    pub rounds: usize,
    pub terms: usize,
    pub deadlocks: usize,
}

impl IssueUses {
    pub fn any(&self) -> bool {
        self.rounds + self.terms + self.deadlocks > 0
    }
}

/// The rounds, agreed terms and deadlocks that refer to issue `id`.
pub fn uses_of(n: &Negotiation, id: Id) -> IssueUses {
    IssueUses {
        rounds: n.rounds.iter().filter(|r| r.issue_id == id).count(),
        terms: n
            .agreement
            .terms
            .iter()
            .filter(|t| t.issue_id == Some(id))
            .count(),
        deadlocks: n
            .deadlocks
            .iter()
            .filter(|d| d.issue_id == Some(id))
            .count(),
    }
}

/// Why an issue cannot be removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoveRefusal {
    /// Rounds, terms or deadlocks refer to it.
    InUse(IssueUses),
    /// It is not in the plan.
    Gone,
}

/// Removes issue `id`: where it stood and what it was (for Undo). Refused while a round,
/// an agreed term or a deadlock refers to it.
pub fn remove_issue(n: &mut Negotiation, id: Id) -> Result<(usize, Issue), RemoveRefusal> {
    let at = n
        .plan
        .issues
        .iter()
        .position(|i| i.id == id)
        .ok_or(RemoveRefusal::Gone)?;
    let uses = uses_of(n, id);
    if uses.any() {
        return Err(RemoveRefusal::InUse(uses));
    }
    Ok((at, n.plan.issues.remove(at)))
}

/// Puts a removed issue back where it stood (the Undo of [`remove_issue`]); nothing when
/// it is back already.
pub fn restore_issue(n: &mut Negotiation, at: usize, issue: Issue) {
    crate::domain::parts::put_back(&mut n.plan.issues, at, issue, |a, b| a.id == b.id);
}

// -------------------------------------------------------------------------------------------
// Our alternative
// -------------------------------------------------------------------------------------------

/// Our alternative as typed: a sentence and, where it has one, its value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlternativeDraft {
    pub text: String,
    pub value: String,
}

impl AlternativeDraft {
    pub fn from_alternative(a: &Alternative, currency: &Currency) -> Self {
        AlternativeDraft {
            text: a.text.clone(),
            value: a
                .value_minor
                .map(|v| format_scaled(v, currency.exponent(), 0))
                .unwrap_or_default(),
        }
    }

    pub fn validate(&self, currency: &Currency) -> Result<Alternative, Vec<PlanError>> {
        let mut errs = Vec::new();
        long_text("alternative", label::ALTERNATIVE, &self.text, &mut errs);
        let value = money_field(
            "alternative_value",
            label::ALTERNATIVE_VALUE,
            &self.value,
            currency,
            true,
            &mut errs,
        );
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(Alternative {
            text: self.text.trim().to_string(),
            value_minor: value,
        })
    }
}

/// Sets our alternative if there is no deal.
pub fn set_alternative(n: &mut Negotiation, d: &AlternativeDraft) -> Result<(), Vec<PlanError>> {
    n.plan.alternative = d.validate(&n.currency)?;
    Ok(())
}

// -------------------------------------------------------------------------------------------
// The summary
// -------------------------------------------------------------------------------------------

/// How far the plan is: what the deal page's step-5 line says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanSummary {
    pub issues: usize,
    pub team: usize,
    /// Someone on the team may decide on price.
    pub price_authority: bool,
    /// Our alternative is written down.
    pub alternative: bool,
}

pub fn summary(p: &Plan) -> PlanSummary {
    PlanSummary {
        issues: p.issues.len(),
        team: p.team.len(),
        price_authority: p
            .team
            .iter()
            .any(|m| m.roles.contains(&TeamRole::PriceAuthority)),
        alternative: !p.alternative.text.trim().is_empty() || p.alternative.value_minor.is_some(),
    }
}

// -------------------------------------------------------------------------------------------
// The record rules
// -------------------------------------------------------------------------------------------

/// The rules of a stored plan, the forms' rules: every member named, every issue's target
/// between its opening and bottom line, importances 1–5, a custom issue named, a value per
/// unit above zero, no negative position, ids unique.
pub fn check_plan(p: &Plan) -> Result<(), RuleError> {
    let mut ids = std::collections::HashSet::new();
    for (i, m) in p.team.iter().enumerate() {
        let at = |f: &str| format!("plan.team[{i}].{f}");
        if !ids.insert(m.id) {
            return Err(rule(at("id"), label::MEMBER, PlanProblem::DuplicateId));
        }
        rules::name(&at("name"), label::MEMBER_NAME, &m.name)?;
        let mut roles = m.roles.clone();
        roles.sort_plain();
        roles.dedup();
        if roles.len() != m.roles.len() {
            return Err(rule(at("roles"), label::ROLES, PlanProblem::RoleRepeated));
        }
    }
    for (i, s) in p.issues.iter().enumerate() {
        let at = |f: &str| format!("plan.issues[{i}].{f}");
        if !ids.insert(s.id) {
            return Err(rule(at("id"), label::ISSUE, PlanProblem::DuplicateId));
        }
        if s.kind == IssueKind::Custom && s.label.trim().is_empty() {
            return Err(rule(
                at("label"),
                label::LABEL,
                PlanProblem::CustomLabelRequired,
            ));
        }
        rules::length(&at("label"), label::LABEL, &s.label, MAX_NAME)?;
        rules::length(&at("unit"), label::UNIT, &s.unit, MAX_NAME)?;
        rules::length(&at("notes"), label::NOTES, &s.notes, MAX_TEXT)?;
        let limit = crate::domain::price::MAX_MAJOR * 1_000;
        for (f, l, v) in [
            ("opening", label::OPENING, s.opening),
            ("target", label::TARGET, s.target),
            ("bottom", label::BOTTOM, s.bottom),
        ] {
            if !(0..=limit).contains(&v.0) {
                return Err(
                    RuleError::new(at(f), l, "rule.out_of_range").arg("value", v.to_input())
                );
            }
        }
        let shown = |v: Position| with_unit(&v.to_input(), s.unit.trim());
        match position_problem(s.opening, s.target, s.bottom) {
            Some(PlanProblem::BottomBeforeTarget) => {
                return Err(
                    rule(at("bottom"), label::BOTTOM, PlanProblem::BottomBeforeTarget)
                        .arg("bottom", shown(s.bottom))
                        .arg("target", shown(s.target))
                        .arg("opening", shown(s.opening)),
                )
            }
            Some(problem) => {
                return Err(rule(at("target"), label::TARGET, problem)
                    .arg("target", shown(s.target))
                    .arg("opening", shown(s.opening))
                    .arg("bottom", shown(s.bottom)))
            }
            None => {}
        }
        for (f, l, v) in [
            ("importance_us", label::IMPORTANCE_US, s.importance_us),
            ("importance_them", label::IMPORTANCE_THEM, s.importance_them),
        ] {
            if !IMPORTANCE.contains(&v) {
                return Err(rule(at(f), l, PlanProblem::ImportanceInvalid).arg("value", v));
            }
        }
        if let Some(v) = s.value_per_unit {
            if v <= 0 {
                return Err(rule(
                    at("value_per_unit"),
                    label::VALUE_PER_UNIT,
                    PlanProblem::ValueZero,
                )
                .arg("value", v));
            }
        }
    }
    rules::length(
        "plan.alternative.text",
        label::ALTERNATIVE,
        &p.alternative.text,
        MAX_TEXT,
    )?;
    if let Some(v) = p.alternative.value_minor {
        if v < 0 {
            return Err(RuleError::new(
                "plan.alternative.value_minor",
                label::ALTERNATIVE_VALUE,
                "rule.out_of_range",
            )
            .arg("value", v));
        }
    }
    Ok(())
}

fn rule(path: String, label_key: &'static str, p: PlanProblem) -> RuleError {
    RuleError::new(path, label_key, p.rule_key())
}
