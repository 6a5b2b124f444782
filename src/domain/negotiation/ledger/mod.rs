//! The rounds of the negotiation and the concession ledger; the deadlocks.
//!
//! **A round** is one move at the table: who moved (we or they), on which issue of the
//! plan, from what position to what, on which day. Its money value is computed from the
//! issue's value per unit when it has one (`|to − from| × value per unit`, rounded half
//! away from zero to the minor unit), or typed by the rep otherwise.
//!
//! **Which way is better for us** follows from the issue's opening and bottom line
//! ([`better_for_us_is_higher`]): a price we open high (higher is better), a payment term
//! we open short (lower is better). A move of ours the other way is a *concession*; a move
//! of ours towards what is better for us is a *retraction* (taking back some of what was
//! given); a move of theirs towards what is better for us is their concession.
//!
//! **The method's rule** (METHOD.md, step 5, concessions): each of our concessions must be
//! smaller than the one before, since the size and pace of concessions tell the customer
//! how much room is left ([`shrink_check`]). It is checked per issue, in the issue's units,
//! and overall, in money, between consecutive concessions of ours when both have a money
//! value. A concession that is not smaller is *warned about*, never refused: the round can
//! be saved and the warning stays on its ledger row. Their concessions are not ours to pace.
//!
//! Two more guards: a concession of ours with nothing asked in return is *flagged* (every
//! concession is traded for something), and an offer of ours past our bottom line is
//! *refused* unless the rep writes why ([`Round::override_reason`], kept on the round).
//!
//! Bad input is refused with a message at its field ([`Problem`]): an issue that is not in
//! the plan (it may have been removed meanwhile), a day after today (a round is something
//! that happened) or before the previous round, a position that is not a number, nothing
//! moved (from = to), a typed value that is not money. The record rules
//! ([`check_ledger`]) hold a stored record (or a backup's) to the same: issues in the plan,
//! days in order, something moved, the override reason when past the bottom line, and the
//! deadlocks' rules ([`deadlock`]).

mod deadlock;
#[cfg(test)]
mod tests;

pub use deadlock::*;

use chrono::NaiveDate;

use super::{Issue, Negotiation, Position, Round, Side};
use crate::domain::fields::FieldError;
use crate::domain::ids::{new_id, Id};
use crate::domain::price::{parse_scaled, round_half_away};
use crate::domain::rules::{self, RuleError, MAX_TEXT};

/// A field of a ledger form in error: the app's [`FieldError`]; the ledger's own
/// messages are form problems named by their catalogue keys (`{field}` is the label; the
/// other placeholders quote what was typed or the figures involved).
pub type Problem = FieldError;

/// The labels of the round form's fields.
pub mod label {
    pub const ON: &str = "negotiation_ledger.field.on";
    pub const SIDE: &str = "negotiation_ledger.field.side";
    pub const ISSUE: &str = "negotiation_ledger.field.issue";
    pub const FROM: &str = "negotiation_ledger.field.from";
    pub const TO: &str = "negotiation_ledger.field.to";
    pub const VALUE: &str = "negotiation_ledger.field.value";
    pub const IN_RETURN: &str = "negotiation_ledger.field.in_return";
    pub const VERSION: &str = "negotiation_ledger.field.version";
    pub const OVERRIDE: &str = "negotiation_ledger.field.override_reason";
    pub const NOTE: &str = "negotiation_ledger.field.note";
    pub const ROUND: &str = "negotiation_ledger.field.round";
}

/// Whether a higher position is better for us on this issue: the opening lies above the
/// bottom line (a price). When the opening lies below it (payment days we give), lower is
/// better. An issue whose opening is its bottom line leaves no room: higher counts as better.
pub fn better_for_us_is_higher(issue: &Issue) -> bool {
    issue.opening >= issue.bottom
}

/// Whether `to` lies past our bottom line on the issue (worse for us than the bottom).
pub fn past_bottom(issue: &Issue, to: Position) -> bool {
    if better_for_us_is_higher(issue) {
        to < issue.bottom
    } else {
        to > issue.bottom
    }
}

/// Whether the move from `from` to `to` makes things better for us.
fn towards_us(issue: &Issue, from: Position, to: Position) -> bool {
    if better_for_us_is_higher(issue) {
        to > from
    } else {
        to < from
    }
}

/// Whether a move of `side` is a concession: ours away from what is better for us, theirs
/// towards it. Nothing moved is no concession.
pub fn is_concession(issue: &Issue, side: Side, from: Position, to: Position) -> bool {
    from != to
        && match side {
            Side::Us => !towards_us(issue, from, to),
            Side::Them => towards_us(issue, from, to),
        }
}

/// The size of a move, in the issue's units (scaled like a [`Position`]).
pub fn step(r: &Round) -> Position {
    Position((r.to.0 - r.from.0).abs())
}

/// The money value of a move of `step` on an issue with a value per unit, rounded half away
/// from zero to the minor unit; `None` without a value per unit (or past what fits).
pub fn computed_value(issue: &Issue, step: Position) -> Option<i64> {
    let per_unit = issue.value_per_unit?;
    let minor = round_half_away(
        i128::from(step.0) * i128::from(per_unit),
        10i128.pow(super::POSITION_PLACES),
    );
    i64::try_from(minor.abs()).ok()
}

/// A round's money value: computed when its issue has a value per unit, else as typed.
pub fn round_value(n: &Negotiation, r: &Round) -> Option<i64> {
    match n.issue(r.issue_id) {
        Some(issue) if issue.value_per_unit.is_some() => computed_value(issue, step(r)),
        _ => r.value_minor,
    }
}

/// One concession's figures: on which issue, its size in the issue's units, its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    pub round_id: Id,
    pub issue_id: Id,
    pub step: Position,
    pub value: Option<i64>,
}

fn figures(n: &Negotiation, r: &Round) -> Figures {
    Figures {
        round_id: r.id,
        issue_id: r.issue_id,
        step: step(r),
        value: round_value(n, r),
    }
}

/// What a concession was compared with when it broke the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Our previous concession on the same issue, in the issue's units.
    SameIssue,
    /// Our previous concession overall, in money.
    Money,
}

/// A concession of ours that is not smaller than the one before: its figures and the
/// previous one's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShrinkWarning {
    pub basis: Basis,
    pub this: Figures,
    pub previous: Figures,
}

/// Whether our concession `r` is smaller than the one before it among `earlier` (the
/// rounds logged before it, oldest first).
///
/// - Only our concessions count: a move of theirs, or a retraction of ours, is not checked
///   and does not count as a previous concession.
/// - **Per issue**: not smaller (in the issue's units) than our previous concession on the
///   same issue.
/// - **Overall**: not smaller in money than our previous concession on any issue, when both
///   have a money value.
///
/// Returns the broken comparison (`Err`), or whether it was compared at all (`Ok(true)`:
/// smaller than the one before; `Ok(false)`: the first, or nothing comparable before).
pub fn shrink_check(n: &Negotiation, earlier: &[Round], r: &Round) -> Result<bool, ShrinkWarning> {
    let ours = |x: &&Round| {
        x.side == Side::Us
            && n.issue(x.issue_id)
                .is_some_and(|i| is_concession(i, Side::Us, x.from, x.to))
    };
    let Some(issue) = n.issue(r.issue_id) else {
        return Ok(false);
    };
    if r.side != Side::Us || !is_concession(issue, Side::Us, r.from, r.to) {
        return Ok(false);
    }
    let this = figures(n, r);
    let mut compared = false;
    if let Some(prev) = earlier
        .iter()
        .rev()
        .filter(ours)
        .find(|x| x.issue_id == r.issue_id)
    {
        let previous = figures(n, prev);
        if this.step >= previous.step {
            return Err(ShrinkWarning {
                basis: Basis::SameIssue,
                this,
                previous,
            });
        }
        compared = true;
    }
    if let Some(prev) = earlier.iter().rev().find(ours) {
        let previous = figures(n, prev);
        if let (Some(now), Some(before)) = (this.value, previous.value) {
            if now >= before {
                return Err(ShrinkWarning {
                    basis: Basis::Money,
                    this,
                    previous,
                });
            }
            compared = true;
        }
    }
    Ok(compared)
}

/// What a ledger row says about its round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags {
    /// A concession (ours or theirs).
    pub concession: bool,
    /// A move of ours towards what is better for us: not a concession.
    pub retraction: bool,
    /// Our concession, not smaller than the one before.
    pub not_smaller: Option<ShrinkWarning>,
    /// Our concession, smaller than a comparable one before.
    pub smaller: bool,
    /// Our concession with nothing asked in return.
    pub nothing_in_return: bool,
    /// Our offer past our bottom line (allowed with a written reason).
    pub past_bottom: bool,
}

/// The flags of round `r` coming after `earlier`.
pub fn assess(n: &Negotiation, earlier: &[Round], r: &Round) -> Flags {
    let Some(issue) = n.issue(r.issue_id) else {
        return Flags::default();
    };
    let concession = is_concession(issue, r.side, r.from, r.to);
    let ours = r.side == Side::Us;
    let shrink = shrink_check(n, earlier, r);
    Flags {
        concession,
        retraction: ours && r.from != r.to && !concession,
        not_smaller: shrink.err(),
        smaller: shrink == Ok(true),
        nothing_in_return: ours && concession && r.in_return.trim().is_empty(),
        past_bottom: ours && past_bottom(issue, r.to),
    }
}

/// The flags of every round of the ledger, in order.
pub fn ledger_flags(n: &Negotiation) -> Vec<Flags> {
    (0..n.rounds.len())
        .map(|i| assess(n, &n.rounds[..i], &n.rounds[i]))
        .collect()
}

/// Where a round of the form goes: after every other, or in place of the last one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    New,
    /// The last round, edited (only the last round is edited: a later one was logged
    /// knowing it).
    Last,
}

impl Slot {
    /// How many rounds come before the one of the form.
    fn before(self, n: &Negotiation) -> usize {
        match self {
            Slot::New => n.rounds.len(),
            Slot::Last => n.rounds.len().saturating_sub(1),
        }
    }
}

/// The last position `side` took on the issue among `earlier`; ours defaults to our
/// opening, theirs to nothing known.
pub fn last_position(n: &Negotiation, issue_id: Id, side: Side, slot: Slot) -> Option<Position> {
    let earlier = &n.rounds[..slot.before(n)];
    earlier
        .iter()
        .rev()
        .find(|r| r.issue_id == issue_id && r.side == side)
        .map(|r| r.to)
        .or_else(|| match side {
            Side::Us => n.issue(issue_id).map(|i| i.opening),
            Side::Them => None,
        })
}

/// A round as typed and chosen in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundDraft {
    /// `YYYY-MM-DD`.
    pub on: String,
    pub side: Side,
    pub issue_id: Option<Id>,
    pub from: String,
    pub to: String,
    /// Typed money value (used only when the issue has no value per unit).
    pub value: String,
    pub in_return: String,
    pub proposal_version: Option<u32>,
    pub override_reason: String,
    pub note: String,
}

impl RoundDraft {
    /// An empty draft of `side`'s move, dated `on`.
    pub fn new(side: Side, on: NaiveDate) -> Self {
        RoundDraft {
            on: on.format("%Y-%m-%d").to_string(),
            side,
            issue_id: None,
            from: String::new(),
            to: String::new(),
            value: String::new(),
            in_return: String::new(),
            proposal_version: None,
            override_reason: String::new(),
            note: String::new(),
        }
    }

    /// The draft of an existing round of `n` (to edit it).
    pub fn of(n: &Negotiation, r: &Round) -> Self {
        RoundDraft {
            on: r.on.format("%Y-%m-%d").to_string(),
            side: r.side,
            issue_id: Some(r.issue_id),
            from: r.from.to_input(),
            to: r.to.to_input(),
            value: r
                .value_minor
                .map(|v| crate::domain::price::format_scaled(v, n.currency.exponent(), 0))
                .unwrap_or_default(),
            in_return: r.in_return.clone(),
            proposal_version: r.proposal_version,
            override_reason: r.override_reason.clone(),
            note: r.note.clone(),
        }
    }
}

fn parse_position(field: &'static str, label: &'static str, s: &str) -> Result<Position, Problem> {
    if s.trim().is_empty() {
        return Err(Problem::new(field, label, "field.error.required"));
    }
    Position::parse(s).map_err(|e| FieldError::decimal(field, label, &e, s))
}

/// A typed day: required, `YYYY-MM-DD`, not after `today`.
pub(crate) fn parse_day(
    field: &'static str,
    label: &'static str,
    s: &str,
    today: NaiveDate,
) -> Result<NaiveDate, Problem> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Problem::new(field, label, "field.error.required"));
    }
    let d = NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .filter(|d| rules::plausible_year(*d))
        .ok_or_else(|| Problem::new(field, label, "field.error.invalid_date").arg("value", t))?;
    if d > today {
        return Err(Problem::new(field, label, "negotiation_ledger.error.future").arg("value", t));
    }
    Ok(d)
}

/// A text of at most [`MAX_TEXT`] characters, trimmed.
pub(crate) fn text(
    field: &'static str,
    label: &'static str,
    s: &str,
    errs: &mut Vec<Problem>,
) -> String {
    let t = s.trim();
    let len = t.chars().count();
    if len > MAX_TEXT {
        errs.push(
            Problem::new(field, label, "negotiation_ledger.error.too_long")
                .arg("len", len)
                .arg("max", MAX_TEXT),
        );
    }
    t.to_string()
}

/// The round the draft describes, checked against the record as it stands (`slot`: a new
/// round, or the last one edited), `versions` (the deal's proposal version numbers) and
/// `today`; or every problem, in form order. The round keeps `id` (a new id for a new
/// round). A value typed for an issue with a value per unit is ignored (it is computed).
pub fn build_round(
    n: &Negotiation,
    draft: &RoundDraft,
    slot: Slot,
    id: Id,
    versions: &[u32],
    today: NaiveDate,
) -> Result<Round, Vec<Problem>> {
    use label::*;
    let mut errs = Vec::new();
    let earlier = &n.rounds[..slot.before(n)];
    let on = match parse_day("on", ON, &draft.on, today) {
        Ok(d) => match earlier.last() {
            Some(prev) if d < prev.on => {
                errs.push(
                    Problem::new("on", ON, "negotiation_ledger.error.before_previous")
                        .arg("value", draft.on.trim())
                        .arg("previous", prev.on.format("%Y-%m-%d")),
                );
                None
            }
            _ => Some(d),
        },
        Err(e) => {
            errs.push(e);
            None
        }
    };
    let issue = match draft.issue_id {
        None => {
            errs.push(Problem::new("issue", ISSUE, "field.error.required"));
            None
        }
        Some(id) => match n.issue(id) {
            Some(i) => Some(i),
            None => {
                errs.push(Problem::new(
                    "issue",
                    ISSUE,
                    "negotiation_ledger.error.unknown_issue",
                ));
                None
            }
        },
    };
    let from = parse_position("from", FROM, &draft.from)
        .map_err(|e| errs.push(e))
        .ok();
    let to = parse_position("to", TO, &draft.to)
        .map_err(|e| errs.push(e))
        .ok();
    if let (Some(f), Some(t)) = (from, to) {
        if f == t {
            errs.push(
                Problem::new("to", TO, "negotiation_ledger.error.nothing_moved")
                    .arg("value", draft.to.trim()),
            );
        } else if let Some(issue) = issue {
            if draft.side == Side::Us
                && past_bottom(issue, t)
                && draft.override_reason.trim().is_empty()
            {
                errs.push(super::position_arg(
                    Problem::new("to", TO, "negotiation_ledger.error.past_bottom")
                        .arg("value", draft.to.trim()),
                    "bottom",
                    issue.bottom,
                    &issue.bottom.to_input(),
                    &issue.unit,
                    &n.currency,
                ));
            }
        }
    }
    let typed_value = draft.value.trim();
    let value_minor = match issue {
        Some(i) if i.value_per_unit.is_some() => None,
        _ if typed_value.is_empty() => None,
        _ => match parse_scaled(typed_value, n.currency.exponent()) {
            Ok(v) => Some(v),
            Err(e) => {
                errs.push(FieldError::decimal("value", VALUE, &e, typed_value));
                None
            }
        },
    };
    let in_return = text("in_return", IN_RETURN, &draft.in_return, &mut errs);
    if let Some(v) = draft.proposal_version {
        if !versions.contains(&v) {
            errs.push(
                Problem::new(
                    "version",
                    VERSION,
                    "negotiation_ledger.error.unknown_version",
                )
                .arg("value", v),
            );
        }
    }
    let override_reason = text(
        "override_reason",
        OVERRIDE,
        &draft.override_reason,
        &mut errs,
    );
    let note = text("note", NOTE, &draft.note, &mut errs);
    match (on, issue, from, to) {
        (Some(on), Some(issue), Some(from), Some(to)) if errs.is_empty() => {
            // A reason is kept only where it is needed: an offer of ours past the bottom.
            let needed = draft.side == Side::Us && past_bottom(issue, to);
            Ok(Round {
                id,
                on,
                side: draft.side,
                issue_id: issue.id,
                from,
                to,
                value_minor,
                in_return: if draft.side == Side::Us {
                    in_return
                } else {
                    String::new()
                },
                proposal_version: draft.proposal_version,
                override_reason: if needed {
                    override_reason
                } else {
                    String::new()
                },
                note,
            })
        }
        _ => Err(errs),
    }
}

/// What the form's round would be, as typed so far: the round (when its issue, from and
/// to read), its money value and its flags against the rounds before it. `None` while
/// the draft does not yet describe a move.
pub fn preview(n: &Negotiation, draft: &RoundDraft, slot: Slot) -> Option<(Round, Flags)> {
    let issue = n.issue(draft.issue_id?)?;
    let from = Position::parse(&draft.from).ok()?;
    let to = Position::parse(&draft.to).ok()?;
    if from == to {
        return None;
    }
    let earlier = &n.rounds[..slot.before(n)];
    let on = NaiveDate::parse_from_str(draft.on.trim(), "%Y-%m-%d")
        .ok()
        .or_else(|| earlier.last().map(|r| r.on))
        .unwrap_or_default();
    let value_minor = if issue.value_per_unit.is_some() {
        None
    } else {
        parse_scaled(draft.value.trim(), n.currency.exponent()).ok()
    };
    let r = Round {
        id: Id::nil(),
        on,
        side: draft.side,
        issue_id: issue.id,
        from,
        to,
        value_minor,
        in_return: draft.in_return.clone(),
        proposal_version: draft.proposal_version,
        override_reason: draft.override_reason.clone(),
        note: String::new(),
    };
    let flags = assess(n, earlier, &r);
    Some((r, flags))
}

/// Logs a new round at the end of the ledger.
pub fn add_round(
    n: &mut Negotiation,
    draft: &RoundDraft,
    versions: &[u32],
    today: NaiveDate,
) -> Result<Round, Vec<Problem>> {
    let r = build_round(n, draft, Slot::New, new_id(), versions, today)?;
    n.rounds.push(r.clone());
    Ok(r)
}

/// Replaces the last round (`id` must be the last one's: an earlier round is not edited,
/// later rounds were logged knowing it).
pub fn edit_last_round(
    n: &mut Negotiation,
    id: Id,
    draft: &RoundDraft,
    versions: &[u32],
    today: NaiveDate,
) -> Result<Round, Vec<Problem>> {
    if n.rounds.last().map(|r| r.id) != Some(id) {
        return Err(vec![Problem::new(
            "round",
            label::ROUND,
            "negotiation_ledger.error.not_last",
        )]);
    }
    let r = build_round(n, draft, Slot::Last, id, versions, today)?;
    if let Some(last) = n.rounds.last_mut() {
        *last = r.clone();
    }
    Ok(r)
}

/// Removes round `id`: its place and the round (for an undo).
pub fn remove_round(n: &mut Negotiation, id: Id) -> Result<(usize, Round), Problem> {
    let i = n
        .rounds
        .iter()
        .position(|r| r.id == id)
        .ok_or_else(|| Problem::new("round", label::ROUND, "negotiation_ledger.error.gone"))?;
    Ok((i, n.rounds.remove(i)))
}

/// Puts a removed round back at its place (undo). Refused when a round with its id is
/// there already; its place is bounded by the ledger's length now.
pub fn restore_round(n: &mut Negotiation, at: usize, r: Round) -> Result<(), Problem> {
    if crate::domain::parts::put_back(&mut n.rounds, at, r, |a, b| a.id == b.id) {
        Ok(())
    } else {
        Err(Problem::new(
            "round",
            label::ROUND,
            "negotiation_ledger.error.restored",
        ))
    }
}

/// The rounds on one issue, for its chart: each with its number in the ledger (1-based).
pub fn rounds_on(n: &Negotiation, issue_id: Id) -> Vec<(usize, &Round)> {
    n.rounds
        .iter()
        .enumerate()
        .filter(|(_, r)| r.issue_id == issue_id)
        .map(|(i, r)| (i + 1, r))
        .collect()
}

/// The issue with the most rounds (the first in the plan's order on a tie), or the plan's
/// first issue when no round has been logged.
pub fn busiest_issue(n: &Negotiation) -> Option<Id> {
    let count = |id: Id| n.rounds.iter().filter(|r| r.issue_id == id).count();
    let mut best: Option<(Id, usize)> = None;
    for i in &n.plan.issues {
        let c = count(i.id);
        if best.is_none_or(|(_, b)| c > b) {
            best = Some((i.id, c));
        }
    }
    best.map(|(id, _)| id)
}

/// Our last concession and how it compares with the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastConcession {
    pub figures: Figures,
    /// `Some(true)`: smaller than the one before; `Some(false)`: not smaller; `None`: the
    /// first, or nothing comparable before it.
    pub smaller: Option<bool>,
}

/// The ledger in one line: how many rounds, our last concession, the open deadlocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub rounds: usize,
    pub last_concession: Option<LastConcession>,
    pub open_deadlocks: usize,
}

pub fn summary(n: &Negotiation) -> Summary {
    let flags = ledger_flags(n);
    let last_concession = n
        .rounds
        .iter()
        .zip(&flags)
        .rev()
        .find(|(r, f)| r.side == Side::Us && f.concession)
        .map(|(r, f)| LastConcession {
            figures: figures(n, r),
            smaller: if f.not_smaller.is_some() {
                Some(false)
            } else if f.smaller {
                Some(true)
            } else {
                None
            },
        });
    Summary {
        rounds: n.rounds.len(),
        last_concession,
        open_deadlocks: n.deadlocks.iter().filter(|d| d.broken_on.is_none()).count(),
    }
}

/// The rules of the rounds and deadlocks, for a stored record (and every record a backup
/// brings): each round on an issue of the plan, something moved, its day not before the
/// previous round's, a money value not below zero, the written reason of an offer of ours
/// past the bottom line, texts within [`MAX_TEXT`]; the deadlocks' rules
/// ([`check_deadlocks`]).
pub fn check_ledger(n: &Negotiation) -> Result<(), RuleError> {
    use label::*;
    let mut previous: Option<NaiveDate> = None;
    for (i, r) in n.rounds.iter().enumerate() {
        let at = |f: &str| format!("rounds[{i}].{f}");
        let Some(issue) = n.issue(r.issue_id) else {
            return Err(RuleError::new(
                at("issue_id"),
                ISSUE,
                "negotiation_ledger.rule.unknown_issue",
            ));
        };
        rules::date(&at("on"), ON, r.on)?;
        if let Some(p) = previous {
            if r.on < p {
                return Err(RuleError::new(
                    at("on"),
                    ON,
                    "negotiation_ledger.rule.before_previous",
                )
                .arg("value", r.on)
                .arg("previous", p));
            }
        }
        previous = Some(r.on);
        if r.from == r.to {
            return Err(RuleError::new(
                at("to"),
                TO,
                "negotiation_ledger.rule.nothing_moved",
            ));
        }
        if r.value_minor.is_some_and(|v| v < 0) {
            return Err(RuleError::new(
                at("value_minor"),
                VALUE,
                "negotiation_ledger.rule.negative_value",
            ));
        }
        if r.side == Side::Us && past_bottom(issue, r.to) && r.override_reason.trim().is_empty() {
            return Err(RuleError::new(
                at("override_reason"),
                OVERRIDE,
                "negotiation_ledger.rule.override_missing",
            ));
        }
        for (f, label, s) in [
            ("in_return", IN_RETURN, &r.in_return),
            ("override_reason", OVERRIDE, &r.override_reason),
            ("note", NOTE, &r.note),
        ] {
            rules::length(&at(f), label, s, MAX_TEXT)?;
        }
    }
    check_deadlocks(n)
}
