//! A simple sale: the buying signals, the closing prompts and the upsell suggestions.
//!
//! **Buying signals.** A detailed question of the customer about price, terms or features
//! is a sign of readiness to buy: the rep logs it (kind, what was asked, the day; text
//! required, the day not in the future) and removes it with an Undo.
//!
//! **Closing prompts** ([`prompts`]): four ways to ask for the order, each with a short
//! script filled from the deal's needs and the proposal the customer accepted (or, before
//! an acceptance, the latest version sent; see [`basis`]):
//! - a direct suggestion names the deal's first goal or problem (goals first) and the
//!   proposal's total;
//! - a choice between two options names two optional lines of the proposal, or else two
//!   of the products it quotes (none when it has fewer than two);
//! - a limited-time offer names the proposal's valid-until date, and says plainly when
//!   there is none or when it has passed (no invented deadline);
//! - a summary of benefits lists the deal's needs that the proposal's counted lines answer.
//!
//! **Upsell** ([`upsell`]): the catalogue's related products of the products the proposal
//! counts (retired products, and products already counted, left out), each kept only if
//! it answers a need of the deal — never one that answers none. A product *answers a
//! need* ([`answers`]) when the need's text mentions the product's name or its category
//! (folded for case, accents and spacing; a name or category of fewer than three letters
//! is not looked for), or when a line of the proposal that answers that need names the
//! product (an optional line not chosen yet). Each suggestion names the need it answers.

use crate::domain::sorting::SortExt;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::deal::Deal;
use crate::domain::ids::{new_id, Id};
use crate::domain::money::Money;
use crate::domain::needs::{Need, NeedLayer};
use crate::domain::product::Product;
use crate::domain::proposal::{self, Proposal, ProposalStatus, QuoteLine};
use crate::domain::rules::{self, plausible_year, RuleError, MAX_TEXT};
use crate::domain::text::fold;

/// What a buying signal was about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    Price,
    Terms,
    Features,
    Other,
}

crate::keyed_enum!(SignalKind, "negotiation.signal_kind", {
    Price => "price",
    Terms => "terms",
    Features => "features",
    Other => "other",
});

/// A detailed question of the customer, logged with its date: a sign of readiness to buy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyingSignal {
    pub id: Id,
    pub on: NaiveDate,
    pub kind: SignalKind,
    pub text: String,
}

/// The closing aids of a simple sale.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closing {
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub signals: Vec<BuyingSignal>,
}

/// Why a buying signal was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosingError {
    TextRequired,
    TextTooLong,
    DateRequired,
    DateInFuture,
    /// The signal is no longer logged.
    SignalGone,
}

crate::keyed_enum!(ClosingError, {
    Self::TextRequired => "negotiation.closing.error.text_required",
    Self::TextTooLong => "negotiation.closing.error.text_too_long",
    Self::DateRequired => "negotiation.closing.error.date_required",
    Self::DateInFuture => "negotiation.closing.error.date_in_future",
    Self::SignalGone => "negotiation.closing.error.signal_gone",
});

impl ClosingError {
    /// The form field the error belongs to.
    pub fn field(self) -> &'static str {
        match self {
            Self::TextRequired | Self::TextTooLong => "text",
            Self::DateRequired | Self::DateInFuture => "on",
            Self::SignalGone => "",
        }
    }
}

/// Logs a buying signal (`on` as `YYYY-MM-DD`); every problem at once.
pub fn add_signal(
    c: &mut Closing,
    kind: SignalKind,
    text: &str,
    on: &str,
    today: NaiveDate,
) -> Result<Id, Vec<ClosingError>> {
    let mut errs = Vec::new();
    let text = text.trim();
    if text.is_empty() {
        errs.push(ClosingError::TextRequired);
    } else if text.chars().count() > MAX_TEXT {
        errs.push(ClosingError::TextTooLong);
    }
    let on = NaiveDate::parse_from_str(on.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| plausible_year(*d));
    match on {
        None => errs.push(ClosingError::DateRequired),
        Some(d) if d > today => errs.push(ClosingError::DateInFuture),
        Some(_) => {}
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let id = new_id();
    c.signals.push(BuyingSignal {
        id,
        on: on.expect("checked"),
        kind,
        text: text.to_string(),
    });
    Ok(id)
}

/// Removes a signal, returning it with its place (for an Undo).
pub fn remove_signal(c: &mut Closing, id: Id) -> Result<(usize, BuyingSignal), ClosingError> {
    let at = c
        .signals
        .iter()
        .position(|s| s.id == id)
        .ok_or(ClosingError::SignalGone)?;
    Ok((at, c.signals.remove(at)))
}

/// Puts a removed signal back at its place (Undo); nothing when it is there already.
pub fn restore_signal(c: &mut Closing, at: usize, s: BuyingSignal) {
    crate::domain::parts::put_back(&mut c.signals, at, s, |a, b| a.id == b.id);
}

/// The signals, most recent first (by day, then as logged).
pub fn signals_by_date(c: &Closing) -> Vec<&BuyingSignal> {
    let mut v: Vec<(usize, &BuyingSignal)> = c.signals.iter().enumerate().collect();
    v.sort_with(|(i, a), (j, b)| b.on.cmp(&a.on).then(j.cmp(i)));
    v.into_iter().map(|(_, s)| s).collect()
}

/// How many signals are logged and the day of the last one.
pub fn signal_summary(c: &Closing) -> Option<(usize, NaiveDate)> {
    let last = c.signals.iter().map(|s| s.on).max()?;
    Some((c.signals.len(), last))
}

/// The rules of the closing aids: each signal has a text of sensible length, a date with a
/// four-digit year and a unique id.
pub fn check_closing(c: &Closing) -> Result<(), RuleError> {
    const L_TEXT: &str = "negotiation.closing.field.text";
    const L_ON: &str = "negotiation.closing.field.on";
    for (i, s) in c.signals.iter().enumerate() {
        let path = |f: &str| format!("closing.signals[{i}].{f}");
        if s.text.trim().is_empty() {
            return Err(RuleError::new(path("text"), L_TEXT, "rule.required"));
        }
        rules::length(&path("text"), L_TEXT, &s.text, MAX_TEXT)?;
        rules::date(&path("on"), L_ON, s.on)?;
        if c.signals[..i].iter().any(|o| o.id == s.id) {
            return Err(RuleError::new(path("id"), L_TEXT, "rule.invalid").arg("detail", s.id));
        }
    }
    Ok(())
}

// -- closing prompts ----------------------------------------------------------------------

/// The ways to ask for the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PromptKind {
    Direct,
    Choice,
    LimitedTime,
    Benefits,
}

crate::keyed_enum!(PromptKind, "negotiation.closing.prompt", {
    Direct => "direct",
    Choice => "choice",
    LimitedTime => "limited_time",
    Benefits => "benefits",
});

/// The proposal version the prompts speak of: the accepted one (the latest decision), else
/// the latest version sent (sent, accepted, rejected or expired), else none.
pub fn basis(versions: &[Proposal]) -> Option<&Proposal> {
    if let Some(a) = proposal::accepted_evidence(versions) {
        return versions.iter().find(|p| p.id == a.proposal_id);
    }
    versions
        .iter()
        .filter(|p| p.status != ProposalStatus::Draft)
        .max_by_key(|p| p.version)
}

/// A closing prompt's script, filled: the facts its words are made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Script {
    /// "You told us {need} matters most; proposal v{version} answers it for {total}…"
    /// `need`: the deal's first goal or problem, if any; `total`: the proposal's total
    /// (`None` without a proposal or when the total cannot be summed).
    Direct {
        need: Option<String>,
        version: Option<u32>,
        total: Option<Money>,
    },
    /// "Would you rather have {a} or {b}?"
    Choice { a: String, b: String },
    /// Fewer than two options to offer.
    NoChoice,
    /// "The prices of proposal v{version} hold until {until}…" (`lapsed`: that day has
    /// passed).
    LimitedTime {
        version: u32,
        until: NaiveDate,
        lapsed: bool,
    },
    /// The proposal has no valid-until date (or there is no proposal): no deadline to name.
    NoDeadline { version: Option<u32> },
    /// The needs the proposal answers, in the deal's order.
    Benefits { version: u32, needs: Vec<String> },
    /// No proposal, or its lines answer none of the deal's needs.
    NoBenefits { version: Option<u32> },
}

/// One closing prompt with its script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub script: Script,
}

/// The deal's first goal, else its first problem, else its first need of any layer.
fn lead_need(needs: &[Need]) -> Option<&Need> {
    needs
        .iter()
        .find(|n| n.layer == NeedLayer::Goal)
        .or_else(|| needs.iter().find(|n| n.layer == NeedLayer::Problem))
        .or_else(|| needs.first())
}

/// The needs the proposal's counted lines answer, in the deal's order.
fn answered_needs<'a>(needs: &'a [Need], lines: &[QuoteLine]) -> Vec<&'a Need> {
    needs
        .iter()
        .filter(|n| {
            lines
                .iter()
                .any(|l| l.included() && l.need_ids.contains(&n.id))
        })
        .collect()
}

/// Two options for the customer to choose between: two optional lines of the proposal,
/// else two of the products (catalogue lines, distinct) it quotes.
fn two_options(lines: &[QuoteLine]) -> Option<(String, String)> {
    let optional: Vec<&QuoteLine> = lines.iter().filter(|l| l.optional).collect();
    if optional.len() >= 2 {
        return Some((optional[0].name.clone(), optional[1].name.clone()));
    }
    let mut products: Vec<&QuoteLine> = Vec::new();
    for l in lines.iter().filter(|l| l.product_id().is_some()) {
        if !products.iter().any(|p| p.product_id() == l.product_id()) {
            products.push(l);
        }
    }
    (products.len() >= 2).then(|| (products[0].name.clone(), products[1].name.clone()))
}

/// The four closing prompts of the deal, filled from its needs and the proposal
/// `basis` (see [`basis`]); `today` says whether the valid-until date has passed.
pub fn prompts(deal: &Deal, basis: Option<&Proposal>, today: NaiveDate) -> Vec<Prompt> {
    let version = basis.map(|p| p.version);
    let lines: &[QuoteLine] = basis.map_or(&[], |p| p.content.lines.as_slice());
    let total = basis.and_then(|p| {
        proposal::totals(lines, p.content.currency.exponent(), None)
            .ok()
            .map(|t| Money::new(t.total, p.content.currency.clone()))
    });
    let direct = Script::Direct {
        need: lead_need(&deal.needs).map(|n| n.text.clone()),
        version,
        total,
    };
    let choice = match two_options(lines) {
        Some((a, b)) => Script::Choice { a, b },
        None => Script::NoChoice,
    };
    let limited = match basis.and_then(|p| p.content.valid_until.map(|u| (p.version, u))) {
        Some((version, until)) => Script::LimitedTime {
            version,
            until,
            lapsed: until < today,
        },
        None => Script::NoDeadline { version },
    };
    let answered = answered_needs(&deal.needs, lines);
    let benefits = match version {
        Some(version) if !answered.is_empty() => Script::Benefits {
            version,
            needs: answered.iter().map(|n| n.text.clone()).collect(),
        },
        _ => Script::NoBenefits { version },
    };
    vec![
        Prompt {
            kind: PromptKind::Direct,
            script: direct,
        },
        Prompt {
            kind: PromptKind::Choice,
            script: choice,
        },
        Prompt {
            kind: PromptKind::LimitedTime,
            script: limited,
        },
        Prompt {
            kind: PromptKind::Benefits,
            script: benefits,
        },
    ]
}

// -- upsell -------------------------------------------------------------------------------

/// The shortest name or category looked for in a need's text.
const MIN_MATCH: usize = 3;

/// Whether `hay` (folded) mentions `what` (folded, at least [`MIN_MATCH`] letters).
fn mentions(hay: &str, what: &str) -> bool {
    what.chars().count() >= MIN_MATCH && hay.contains(what)
}

/// Whether `product` answers `need` (see the module notes): the need's text mentions the
/// product's name or category, or a line of `lines` answering the need names the product.
pub fn answers(product: &Product, need: &Need, lines: &[QuoteLine]) -> bool {
    let text = fold(&need.text);
    mentions(&text, &fold(&product.name))
        || mentions(&text, &fold(&product.category))
        || lines
            .iter()
            .any(|l| l.product_id() == Some(product.id) && l.need_ids.contains(&need.id))
}

/// One upsell suggestion: a related product and the need of the deal it answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upsell {
    pub product_id: Id,
    pub product: String,
    /// The quoted product it is related to.
    pub related_to: String,
    pub need_id: Id,
    pub need: String,
}

/// The upsell suggestions: the related products of the products `basis` counts, that
/// answer a need of the deal (the first such need, in the deal's order), in the order
/// they are related; never a product that answers no need.
pub fn upsell(deal: &Deal, basis: Option<&Proposal>, catalogue: &[Product]) -> Vec<Upsell> {
    let Some(p) = basis else {
        return Vec::new();
    };
    let lines = &p.content.lines;
    let counted: Vec<Id> = lines
        .iter()
        .filter(|l| l.included())
        .filter_map(QuoteLine::product_id)
        .collect();
    let find = |id: Id| catalogue.iter().find(|x| x.id == id);
    let mut out: Vec<Upsell> = Vec::new();
    for from in counted.iter().filter_map(|id| find(*id)) {
        for cand in from.related.iter().filter_map(|id| find(*id)) {
            if cand.retired
                || counted.contains(&cand.id)
                || out.iter().any(|u| u.product_id == cand.id)
            {
                continue;
            }
            if let Some(need) = deal.needs.iter().find(|n| answers(cand, n, lines)) {
                out.push(Upsell {
                    product_id: cand.id,
                    product: cand.name.clone(),
                    related_to: from.name.clone(),
                    need_id: need.id,
                    need: need.text.clone(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "closing_tests.rs"]
mod tests;
