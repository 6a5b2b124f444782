//! What to trade (METHOD.md step 5.3, "exchange"): trade terms that matter little to us
//! but much to them, for terms that matter much to us and little to them; and packages of
//! equal value to us, put on the table together so that the customer's choice shows what
//! they value ("multiple equivalent offers").
//!
//! **Trade suggestions** ([`suggestions`]). An issue we can *give* has a positive gap
//! `importance_them − importance_us`; ranked by the gap, highest first; ties: the lower
//! cost to us first (the money value of our whole room, opening to bottom line; an issue
//! without a money value after those with one), then plan order. An issue we *ask for*
//! has a positive gap `importance_us − importance_them`, ranked the same way with the
//! opposite tie-break: the higher value to us first (what we gain is worth more), then plan
//! order. The n-th issue to give is offered in exchange for the n-th issue to ask for (the
//! list to ask for starts again when it is shorter). When either list is empty there is
//! nothing to trade, and [`NoTrade`] says why.
//!
//! **Packages of equal value** ([`packages`]). Built from the issues with a money value per
//! unit and room left between where we stand (our latest offer in the rounds, else the
//! opening) and the **target**: a package never moves past the target, since what lies
//! between the target and the bottom line is kept for the concessions of the ledger, where
//! each must be smaller than the one before. Moves go in steps of the issue's unit: whole
//! units for counts (days, weeks, months, years, hours, units…, see
//! [`whole_unit`](super::whole_unit)), otherwise the finest precision of the positions
//! typed (1, 0.1, 0.01 or 0.001); a last step may stop short at the target itself.
//!
//! Every package is worth the same to us within the **tolerance**: 5 % of the common value,
//! or one unit of the currency when that is more. Each package lies within half the
//! tolerance of the common value, so any two differ by at most the tolerance. Up to three
//! packages: first single-issue ones (each moves one issue), then two-issue mixes. Among
//! the common values the steps allow, the one giving the most packages wins, then the one
//! with the most single-issue packages, then the larger value. Fewer than two issues
//! valued in money with room left: no packages ([`NoPackages`]).

use super::super::{Issue, Negotiation, Plan, Position, Side};
use crate::domain::ids::Id;
use crate::domain::price::round_half_away;
use crate::domain::sorting::SortExt;

/// One suggested trade: concede on `give` in exchange for `get`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trade {
    /// Matters more to them than to us.
    pub give: Id,
    /// Matters more to us than to them.
    pub get: Id,
}

/// Why there is nothing to trade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoTrade {
    /// No issue is planned yet.
    NoIssues,
    /// Every issue matters as much to them as to us.
    NoGap,
    /// No issue matters more to them than to us: nothing to give.
    NothingToGive,
    /// No issue matters more to us than to them: nothing to ask for in return.
    NothingToAsk,
}

crate::keyed_enum!(NoTrade, {
    Self::NoIssues => "negotiation.trades.none.no_issues",
    Self::NoGap => "negotiation.trades.none.no_gap",
    Self::NothingToGive => "negotiation.trades.none.nothing_to_give",
    Self::NothingToAsk => "negotiation.trades.none.nothing_to_ask",
});

/// The issues we can give, best first (see the module docs).
pub fn to_give(p: &Plan) -> Vec<&Issue> {
    ranked(
        p,
        |i| gap(i.importance_them, i.importance_us),
        |a, b| cost_key(a).cmp(&cost_key(b)),
    )
}

/// The issues to ask for in return, best first.
pub fn to_ask(p: &Plan) -> Vec<&Issue> {
    ranked(
        p,
        |i| gap(i.importance_us, i.importance_them),
        |a, b| {
            cost_key(b).cmp(&cost_key(a)).then_with(|| {
                // Unvalued issues last, after every valued one.
                a.room_value().is_none().cmp(&b.room_value().is_none())
            })
        },
    )
}

fn gap(a: u8, b: u8) -> i16 {
    i16::from(a) - i16::from(b)
}

/// The tie-break by cost: known costs ascending, unknown after them.
fn cost_key(i: &Issue) -> (bool, i64) {
    match i.room_value() {
        Some(v) => (false, v),
        None => (true, 0),
    }
}

fn ranked(
    p: &Plan,
    gap_of: impl Fn(&Issue) -> i16,
    tie: impl Fn(&Issue, &Issue) -> std::cmp::Ordering,
) -> Vec<&Issue> {
    let mut list: Vec<(usize, &Issue)> = p
        .issues
        .iter()
        .enumerate()
        .filter(|(_, i)| gap_of(i) > 0)
        .collect();
    list.sort_with(|(ia, a), (ib, b)| {
        gap_of(b)
            .cmp(&gap_of(a))
            .then_with(|| tie(a, b))
            .then_with(|| ia.cmp(ib))
    });
    list.into_iter().map(|(_, i)| i).collect()
}

/// The trades to offer, best first, or why there are none.
pub fn suggestions(p: &Plan) -> Result<Vec<Trade>, NoTrade> {
    if p.issues.is_empty() {
        return Err(NoTrade::NoIssues);
    }
    let give = to_give(p);
    let ask = to_ask(p);
    match (give.is_empty(), ask.is_empty()) {
        (true, true) => Err(NoTrade::NoGap),
        (true, false) => Err(NoTrade::NothingToGive),
        (false, true) => Err(NoTrade::NothingToAsk),
        (false, false) => Ok(give
            .iter()
            .enumerate()
            .map(|(n, g)| Trade {
                give: g.id,
                get: ask[n % ask.len()].id,
            })
            .collect()),
    }
}

// -------------------------------------------------------------------------------------------
// Packages of equal value
// -------------------------------------------------------------------------------------------

/// The tolerance of "equal value", in percent of the common value.
pub const TOLERANCE_PERCENT: i64 = 5;
/// At most this many packages are offered together.
pub const MAX_PACKAGES: usize = 3;
/// The issues packages are built from: the first ones, by importance to them.
const MAX_LEVERS: usize = 5;
/// How many step counts of each issue are tried as the common value.
const MAX_TRIED_STEPS: i64 = 400;

/// One move of a package: the issue, from where we stand to where the package takes it,
/// and what it costs us (minor units).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub issue_id: Id,
    pub from: Position,
    pub to: Position,
    pub value_minor: i64,
}

/// A package: moves offered together, and their total value to us (minor units).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    pub moves: Vec<Move>,
    pub value_minor: i64,
}

/// Packages of equal value to us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packages {
    /// The common value (minor units).
    pub value_minor: i64,
    /// How far two packages may differ (minor units).
    pub tolerance_minor: i64,
    pub packages: Vec<Package>,
}

/// Why no packages can be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoPackages {
    /// Fewer than two issues have a money value per unit and room left to the target.
    TooFewValued { valued: usize },
    /// The issues' steps allow no two packages of equal value.
    NoEqualSplit,
}

/// Where we stand on an issue: our latest offer on it in the rounds, else the opening.
pub fn standing(n: &Negotiation, issue: &Issue) -> Position {
    n.rounds
        .iter()
        .enumerate()
        .filter(|(_, r)| r.issue_id == issue.id && r.side == Side::Us)
        .max_by_key(|(at, r)| (r.on, *at))
        .map(|(_, r)| r.to)
        .unwrap_or(issue.opening)
}

/// An issue a package can move: from where we stand towards the target, in steps.
#[derive(Debug, Clone, Copy)]
struct Lever {
    id: Id,
    /// Minor units per whole unit.
    per_unit: i128,
    from: i64,
    /// +1 when moving towards the target raises the position.
    sign: i64,
    /// The step, scaled by 10³.
    step: i64,
    /// How far the target is, scaled by 10³.
    span: i64,
}

impl Lever {
    fn of(issue: &Issue, from: Position) -> Option<Lever> {
        let per_unit = issue.value_per_unit.filter(|v| *v > 0)?;
        // Only towards the target, and only while we have not reached it.
        if !issue.better(from, issue.target) {
            return None;
        }
        let toward = issue.target.0 - from.0;
        let step = if issue.whole_units() {
            1_000
        } else {
            [1_000, 100, 10, 1]
                .into_iter()
                .find(|s| {
                    [issue.opening.0, issue.target.0, issue.bottom.0, from.0]
                        .iter()
                        .all(|v| v % s == 0)
                })
                .unwrap_or(1)
        };
        Some(Lever {
            id: issue.id,
            per_unit: i128::from(per_unit),
            from: from.0,
            sign: toward.signum(),
            step,
            span: toward.abs(),
        })
    }

    /// The most steps there are (the last may stop short at the target).
    fn max_steps(&self) -> i64 {
        (self.span + self.step - 1) / self.step
    }

    fn distance(&self, k: i64) -> i64 {
        (k * self.step).min(self.span)
    }

    /// The value of `k` steps, in thousandths of a minor unit.
    fn value(&self, k: i64) -> i128 {
        self.per_unit * i128::from(self.distance(k))
    }

    /// The step count whose value is nearest `want` (at least one step).
    fn nearest(&self, want: i128) -> i64 {
        let per_step = self.per_unit * i128::from(self.step);
        let guess = i64::try_from(want / per_step.max(1)).unwrap_or(i64::MAX / 2);
        let max = self.max_steps();
        (guess - 1..=guess + 1)
            .map(|k| k.clamp(1, max))
            .min_by_key(|k| (self.value(*k) - want).abs())
            .unwrap_or(1)
    }

    fn move_of(&self, k: i64) -> Move {
        let to = self.from + self.sign * self.distance(k);
        Move {
            issue_id: self.id,
            from: Position(self.from),
            to: Position(to),
            value_minor: to_minor(self.value(k)),
        }
    }
}

fn to_minor(milli: i128) -> i64 {
    i64::try_from(round_half_away(milli, 1_000)).unwrap_or(i64::MAX)
}

/// The tolerance for a common value `t` (both in thousandths of a minor unit).
fn tolerance(t: i128, unit_milli: i128) -> i128 {
    (t * i128::from(TOLERANCE_PERCENT) / 100).max(unit_milli)
}

/// How good a common value is: packages found, single-issue ones among them, the value.
type Score = (usize, usize, i128);

/// Up to three packages of equal value to us, or why there are none.
pub fn packages(n: &Negotiation) -> Result<Packages, NoPackages> {
    let mut issues: Vec<(usize, &Issue)> = n.plan.issues.iter().enumerate().collect();
    issues.sort_with(|(ia, a), (ib, b)| {
        b.importance_them
            .cmp(&a.importance_them)
            .then_with(|| ia.cmp(ib))
    });
    let levers: Vec<Lever> = issues
        .iter()
        .filter_map(|(_, i)| Lever::of(i, standing(n, i)))
        .take(MAX_LEVERS)
        .collect();
    if levers.len() < 2 {
        return Err(NoPackages::TooFewValued {
            valued: levers.len(),
        });
    }
    let unit_milli = 10i128.pow(n.currency.exponent()) * 1_000;
    let mut tried: Vec<i128> = levers
        .iter()
        .flat_map(|l| {
            (1..=l.max_steps().min(MAX_TRIED_STEPS))
                .chain(std::iter::once(l.max_steps()))
                .map(|k| l.value(k))
        })
        .collect();
    tried.sort_unstable();
    tried.dedup();
    let mut best: Option<(Score, Vec<Vec<Move>>)> = None;
    for t in tried {
        let found = at_value(&levers, t, tolerance(t, unit_milli));
        if found.len() < 2 {
            continue;
        }
        let singles = found.iter().filter(|p| p.len() == 1).count();
        let score = (found.len(), singles, t);
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, found));
        }
    }
    let Some(((_, _, t), found)) = best else {
        return Err(NoPackages::NoEqualSplit);
    };
    Ok(Packages {
        value_minor: to_minor(t),
        tolerance_minor: to_minor(tolerance(t, unit_milli)),
        packages: found
            .into_iter()
            .map(|moves| Package {
                value_minor: moves.iter().map(|m| m.value_minor).sum(),
                moves,
            })
            .collect(),
    })
}

/// The packages worth `t` within half the tolerance `tol`: single issues first, then
/// two-issue mixes (the second issue makes up the rest); at most [`MAX_PACKAGES`].
fn at_value(levers: &[Lever], t: i128, tol: i128) -> Vec<Vec<Move>> {
    let fits = |v: i128| (v - t).abs() * 2 <= tol;
    let mut out: Vec<Vec<Move>> = Vec::new();
    for l in levers {
        let k = l.nearest(t);
        if fits(l.value(k)) {
            out.push(vec![l.move_of(k)]);
        }
    }
    for a in levers {
        for b in levers {
            if out.len() >= MAX_PACKAGES {
                break;
            }
            if a.id == b.id {
                continue;
            }
            let ka = a.nearest(t / 2);
            let rest = t - a.value(ka);
            if rest <= 0 {
                continue;
            }
            let kb = b.nearest(rest);
            if !fits(a.value(ka) + b.value(kb)) {
                continue;
            }
            let moves = vec![a.move_of(ka), b.move_of(kb)];
            let same =
                |p: &Vec<Move>| p.len() == 2 && p.iter().all(|m| moves.iter().any(|x| x == m));
            // A mix that is a single issue's package again, or a mix already found.
            if moves.iter().any(|m| m.from == m.to) || out.iter().any(same) {
                continue;
            }
            out.push(moves);
        }
    }
    out.truncate(MAX_PACKAGES);
    out
}
