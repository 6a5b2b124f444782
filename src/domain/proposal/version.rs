//! Versions: the content rules, sending (freezing with a content hash), the next version,
//! the customer's decision, the comparison of two versions and the evidence an accepted
//! version gives the deal's step 4.

use chrono::{DateTime, NaiveDate, Utc};
use sha2::{Digest, Sha256};

use super::quote::{totals, QuoteLine, TooLarge};
use super::record::*;
use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::ids::{Id, Record};
use crate::domain::price::{Rate, WHOLE_BP};
use crate::domain::rules::{self, CheckContext, RuleError, MAX_NAME, MAX_TEXT};

/// SHA-256 (lower-case hex) of the canonical JSON of `content`: compact, object keys
/// sorted at every depth. Two equal contents always give the same hash.
pub fn content_hash(content: &ProposalContent) -> String {
    // `serde_json::Value` keeps object keys sorted (no `preserve_order`), so its compact
    // text is canonical.
    let value = serde_json::to_value(content).unwrap_or(serde_json::Value::Null);
    let text = serde_json::to_string(&value).unwrap_or_default();
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Why an action on a version was refused (beside the errors of a field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposalError {
    /// Only a draft can be edited, sent or deleted.
    NotDraft,
    /// Only a sent version can be accepted, rejected or marked expired.
    NotSent,
    /// The content of a sent version never changes: edit it as a new version.
    Frozen,
    /// A proposal is sent with at least one quotation line.
    NoLines,
    /// A new version is made from a sent one.
    NotFrozen,
    /// Another version of this deal is already accepted.
    AlreadyAccepted,
    /// A later version was sent in this one's place: the customer answers that one.
    Superseded,
}

crate::keyed_enum!(ProposalError, {
    Self::NotDraft => "proposal.error.not_draft",
    Self::NotSent => "proposal.error.not_sent",
    Self::Frozen => "proposal.error.frozen",
    Self::NoLines => "proposal.error.no_lines",
    Self::NotFrozen => "proposal.error.not_frozen",
    Self::AlreadyAccepted => "proposal.error.already_accepted",
    Self::Superseded => "proposal.error.superseded",
});

/// A refusal: a rule of the version, or the errors of fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Rule(ProposalError),
    Fields(Vec<FieldError>),
}

impl From<ProposalError> for Refusal {
    fn from(e: ProposalError) -> Self {
        Refusal::Rule(e)
    }
}

/// A line's stored values against the line form's rules, as field errors on row `i`.
fn line_errors(i: usize, l: &QuoteLine) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let at = |field, label, problem| FieldError::new(field, label, problem).at(i);
    if l.name.trim().is_empty() {
        errs.push(at(
            "name",
            "proposal.field.line_name",
            FieldProblem::Required,
        ));
    } else if l.name.chars().count() > MAX_NAME {
        errs.push(at(
            "name",
            "proposal.field.line_name",
            FieldProblem::TooLong,
        ));
    }
    if !l.quantity.in_range() {
        errs.push(
            at(
                "quantity",
                "proposal.field.quantity",
                FieldProblem::Negative,
            )
            .arg("value", l.quantity.to_input()),
        );
    }
    for (field, label, p) in [
        (
            "unit_price",
            "proposal.field.unit_price",
            Some(l.unit_price),
        ),
        ("cost", "proposal.field.cost", l.cost),
    ] {
        if let Some(p) = p.filter(|p| !p.in_range()) {
            let problem = if p.0 < 0 {
                FieldProblem::Negative
            } else {
                FieldProblem::TooLarge
            };
            errs.push(at(field, label, problem).arg("value", p.to_input()));
        }
    }
    if !l.discount.in_range() {
        errs.push(
            at(
                "discount",
                "proposal.field.discount",
                FieldProblem::ProposalDiscountOver100,
            )
            .arg("value", l.discount.to_input()),
        );
    } else if l.discount > Rate::ZERO && l.discount_reason.trim().is_empty() {
        errs.push(at(
            "discount_reason",
            "proposal.field.discount_reason",
            FieldProblem::ProposalDiscountReasonRequired,
        ));
    }
    if l.tax_rate.0 > WHOLE_BP {
        errs.push(
            at(
                "tax_rate",
                "proposal.field.tax_rate",
                FieldProblem::TooLarge,
            )
            .arg("value", l.tax_rate.to_input()),
        );
    }
    errs
}

/// Every problem of a content (lines, totals, the valid-until date against `sent_on`, the
/// day it is or was sent), in the order of the form.
pub fn content_errors(c: &ProposalContent, sent_on: Option<NaiveDate>) -> Vec<FieldError> {
    let mut errs: Vec<FieldError> = c
        .lines
        .iter()
        .enumerate()
        .flat_map(|(i, l)| line_errors(i, l))
        .collect();
    if errs.is_empty() {
        if let Err(TooLarge { line }) = totals(&c.lines, c.currency.exponent(), None) {
            let e = FieldError::new(
                "quantity",
                "proposal.field.quantity",
                FieldProblem::ProposalAmountTooLarge,
            );
            errs.push(match line {
                Some(i) => e.at(i).arg("value", c.lines[i].quantity.to_input()),
                None => e.arg("value", ""),
            });
        }
    }
    if let (Some(until), Some(sent)) = (c.valid_until, sent_on) {
        if until < sent {
            errs.push(
                FieldError::new(
                    "valid_until",
                    "proposal.field.valid_until",
                    FieldProblem::ProposalValidUntilBeforeSent,
                )
                .arg("value", until.format("%Y-%m-%d"))
                .arg("allowed", sent.format("%Y-%m-%d")),
            );
        }
    }
    errs
}

/// The version sent in the place of `p`, a sent version the customer has not answered: the
/// first later version of its deal among `versions` that was sent (whatever the customer
/// did with it since). A superseded version is not answered any more, and its valid-until
/// date no longer matters; its stored status stays "sent", as it was.
pub fn superseded_by<'a>(
    p: &Proposal,
    versions: impl IntoIterator<Item = &'a Proposal>,
) -> Option<u32> {
    if p.status != ProposalStatus::Sent {
        return None;
    }
    versions
        .into_iter()
        .filter(|o| o.deal_id == p.deal_id && o.version > p.version && o.is_frozen())
        .map(|o| o.version)
        .min()
}

/// The valid-until date of a sent version that has passed on `today` (the customer has not
/// answered and the offer no longer holds): the rep marks it expired or sends a new version.
/// A version superseded by a later one among `versions` does not lapse.
pub fn lapsed<'a>(
    p: &Proposal,
    versions: impl IntoIterator<Item = &'a Proposal>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    (p.status == ProposalStatus::Sent && superseded_by(p, versions).is_none())
        .then_some(p.content.valid_until)
        .flatten()
        .filter(|until| *until < today)
}

/// Sends a draft on `now`'s date (`today` in the rep's time zone): the content must be
/// valid (valid-until not before the day it is sent) with at least one line; the version
/// becomes [`ProposalStatus::Sent`], frozen by the hash of its content.
pub fn send(p: &mut Proposal, now: DateTime<Utc>, today: NaiveDate) -> Result<(), Refusal> {
    if p.is_frozen() {
        return Err(ProposalError::NotDraft.into());
    }
    let errs = content_errors(&p.content, Some(today));
    if !errs.is_empty() {
        return Err(Refusal::Fields(errs));
    }
    if p.content.lines.is_empty() {
        return Err(ProposalError::NoLines.into());
    }
    p.status = ProposalStatus::Sent;
    p.sent = Some(SentMark {
        at: now,
        content_hash: content_hash(&p.content),
    });
    Ok(())
}

/// Whether `new` may be saved over `stored`: a frozen version's content, sent mark,
/// number and deal never change (only its status and the customer's decision do).
pub fn frozen_unchanged(stored: &Proposal, new: &Proposal) -> Result<(), ProposalError> {
    if !stored.is_frozen() {
        return Ok(());
    }
    let same = stored.content == new.content
        && stored.sent == new.sent
        && stored.version == new.version
        && stored.deal_id == new.deal_id;
    if same {
        Ok(())
    } else {
        Err(ProposalError::Frozen)
    }
}

/// Changes a draft's content through `edit`, refused for a frozen version.
pub fn edit_draft(
    p: &mut Proposal,
    edit: impl FnOnce(&mut ProposalContent),
) -> Result<(), ProposalError> {
    if p.is_frozen() {
        return Err(ProposalError::Frozen);
    }
    edit(&mut p.content);
    Ok(())
}

/// Takes line `line_id` out of a draft: where it stood and what it was (for Undo), or
/// `None` when the draft has no such line.
pub fn remove_line(
    p: &mut Proposal,
    line_id: Id,
) -> Result<Option<(usize, QuoteLine)>, ProposalError> {
    let mut removed = None;
    edit_draft(p, |c| {
        removed = crate::domain::parts::take_out(&mut c.lines, |l| l.id == line_id);
    })?;
    Ok(removed)
}

/// Puts a removed line back where it stood (or last, when the draft has fewer lines now);
/// a draft that holds it already is left as it is.
pub fn restore_line(p: &mut Proposal, at: usize, line: QuoteLine) -> Result<(), ProposalError> {
    edit_draft(p, |c| {
        crate::domain::parts::put_back(&mut c.lines, at, line, |a, b| a.id == b.id);
    })
}

/// The number of the next version of a deal whose versions are `versions`.
pub fn next_version_number<'a>(versions: impl IntoIterator<Item = &'a Proposal>) -> u32 {
    versions
        .into_iter()
        .map(|p| p.version)
        .max()
        .unwrap_or(0)
        .saturating_add(1)
}

/// The next version of a deal's proposal: a draft with a copy of `from`'s content (a
/// frozen version; its lines keep their ids so the two compare line by line).
pub fn new_version(
    from: &Proposal,
    version: u32,
    now: DateTime<Utc>,
) -> Result<Proposal, ProposalError> {
    if !from.is_frozen() {
        return Err(ProposalError::NotFrozen);
    }
    Ok(Proposal::draft(
        from.deal_id,
        version,
        from.content.clone(),
        now,
    ))
}

/// When the customer answered, from the date the rep typed (`YYYY-MM-DD`, in `tz`): today
/// is now; an earlier day is its noon, since the hour is not known. Refused, as a field
/// error on `on`, when missing, not a date, after today, or before the day the version was
/// sent (`sent`).
pub fn answered_at<Tz: chrono::TimeZone>(
    typed: &str,
    sent: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<DateTime<Utc>, FieldError> {
    let label = "proposal.field.answered_on";
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(FieldError::new("on", label, FieldProblem::Required));
    }
    let day = NaiveDate::parse_from_str(typed, "%Y-%m-%d").map_err(|_| {
        FieldError::new("on", label, "proposal.error.answered_on_invalid").arg("value", typed)
    })?;
    let today = now.with_timezone(tz).date_naive();
    if day > today {
        return Err(
            FieldError::new("on", label, "proposal.error.answered_in_future").arg("value", typed),
        );
    }
    if let Some(sent_on) = sent.map(|s| s.with_timezone(tz).date_naive()) {
        if day < sent_on {
            return Err(
                FieldError::new("on", label, "proposal.error.answered_before_sent")
                    .arg("value", typed)
                    .arg("sent", sent_on.format("%Y-%m-%d")),
            );
        }
    }
    if day == today {
        return Ok(now);
    }
    let noon = chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default();
    Ok(crate::domain::activity::local_to_utc(tz, day, noon).unwrap_or(now))
}

/// The customer's answer to a sent version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Accept,
    Reject,
}

/// Records the customer's decision on a sent version, by a person of the customer (in the
/// book, or named) with a note. Refused for a version superseded by a later one sent
/// ([`superseded_by`]). Accepting needs who accepted, and no other version of the deal
/// already accepted (`others`: the deal's other versions).
pub fn decide<'a>(
    p: &mut Proposal,
    verdict: Verdict,
    by_contact_id: Option<Id>,
    by_name: &str,
    note: &str,
    now: DateTime<Utc>,
    others: impl IntoIterator<Item = &'a Proposal>,
) -> Result<(), Refusal> {
    if p.status != ProposalStatus::Sent {
        return Err(ProposalError::NotSent.into());
    }
    let others: Vec<&Proposal> = others.into_iter().collect();
    if superseded_by(p, others.iter().copied()).is_some() {
        return Err(ProposalError::Superseded.into());
    }
    let by_name = by_name.trim();
    if verdict == Verdict::Accept {
        if others
            .iter()
            .any(|o| o.id != p.id && o.status == ProposalStatus::Accepted)
        {
            return Err(ProposalError::AlreadyAccepted.into());
        }
        if by_contact_id.is_none() && by_name.is_empty() {
            return Err(Refusal::Fields(vec![FieldError::new(
                "by",
                "proposal.field.accepted_by",
                "proposal.error.accepted_by_required",
            )]));
        }
    }
    p.status = match verdict {
        Verdict::Accept => ProposalStatus::Accepted,
        Verdict::Reject => ProposalStatus::Rejected,
    };
    p.decision = Some(Decision {
        at: now,
        by_contact_id,
        by_name: by_name.to_string(),
        note: note.trim().to_string(),
    });
    Ok(())
}

/// Marks a sent version expired (the customer let it lapse).
pub fn expire(p: &mut Proposal) -> Result<(), ProposalError> {
    if p.status != ProposalStatus::Sent {
        return Err(ProposalError::NotSent);
    }
    p.status = ProposalStatus::Expired;
    Ok(())
}

/// An accepted version: the evidence of the end signal of step 4.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acceptance {
    pub proposal_id: Id,
    pub version: u32,
    pub on: DateTime<Utc>,
    pub by_name: String,
    pub by_contact_id: Option<Id>,
}

/// The accepted version among a deal's `versions` (the latest decision, should there be
/// more than one).
pub fn accepted_evidence<'a>(
    versions: impl IntoIterator<Item = &'a Proposal>,
) -> Option<Acceptance> {
    versions
        .into_iter()
        .filter(|p| p.status == ProposalStatus::Accepted)
        .filter_map(|p| {
            p.decision.as_ref().map(|d| Acceptance {
                proposal_id: p.id,
                version: p.version,
                on: d.at,
                by_name: d.by_name.clone(),
                by_contact_id: d.by_contact_id,
            })
        })
        .max_by_key(|a| (a.on, a.version))
}

/// What the accepted version comes to: its total with tax (what the customer pays, as
/// invoices are) and before tax, in its currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptedValue {
    pub total: crate::domain::money::Money,
    pub net: crate::domain::money::Money,
}

/// The value the accepted version gives an open deal: its total with tax (the deal's value
/// is compared with its invoices, which are with tax), when that is not the deal's value
/// already. The deal's value is what the rep typed; the page offers this one, says what it
/// is before tax, and the rep chooses. `None` with no accepted version, a total too large
/// to sum, a deal that is no longer open, or the same value.
pub fn value_from_accepted<'a>(
    deal: &crate::domain::deal::Deal,
    versions: impl IntoIterator<Item = &'a Proposal>,
) -> Option<AcceptedValue> {
    use crate::domain::money::Money;
    if !deal.is_open() {
        return None;
    }
    let versions: Vec<&Proposal> = versions.into_iter().collect();
    let a = accepted_evidence(versions.iter().copied())?;
    let p = versions.iter().find(|p| p.id == a.proposal_id)?;
    let c = &p.content;
    let t = totals(&c.lines, c.currency.exponent(), None).ok()?;
    let total = Money::new(t.total, c.currency.clone());
    (total != deal.value).then(|| AcceptedValue {
        total,
        net: Money::new(t.net, c.currency.clone()),
    })
}

// -- comparing two versions -------------------------------------------------------------

/// What of a line can change between versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineField {
    Name,
    Category,
    Quantity,
    UnitPrice,
    Discount,
    TaxRate,
    Optional,
}

crate::keyed_enum!(LineField, "proposal.diff.field", {
    Name => "name",
    Category => "category",
    Quantity => "quantity",
    UnitPrice => "unit_price",
    Discount => "discount",
    TaxRate => "tax_rate",
    Optional => "optional",
});

/// One line's change from version A to version B.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)]
pub enum LineChange {
    Added(QuoteLine),
    Removed(QuoteLine),
    Changed {
        before: QuoteLine,
        after: QuoteLine,
        fields: Vec<LineField>,
    },
}

/// A text part of the proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionPart {
    Background,
    Problems,
    Overview,
    Products,
    Implementation,
    Service,
    Credentials,
    ValidUntil,
}

crate::keyed_enum!(SectionPart, "proposal.part", {
    Background => "background",
    Problems => "problems",
    Overview => "overview",
    Products => "products",
    Implementation => "implementation",
    Service => "service",
    Credentials => "credentials",
    ValidUntil => "valid_until",
});

/// A text part that differs, with both texts (problems one per line, "text — impact";
/// credentials by code; dates as `YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionChange {
    pub part: SectionPart,
    pub before: String,
    pub after: String,
}

/// What changed from version A to version B.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    /// In B's line order, then the lines only A has.
    pub lines: Vec<LineChange>,
    pub sections: Vec<SectionChange>,
    pub total_a: i64,
    pub total_b: i64,
    /// `total_b − total_a`.
    pub difference: i64,
}

fn problems_text(c: &ProposalContent) -> String {
    c.problems
        .iter()
        .map(|p| {
            if p.impact.trim().is_empty() {
                p.text.clone()
            } else {
                format!("{} — {}", p.text, p.impact)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn parts(c: &ProposalContent) -> [(SectionPart, String); 8] {
    [
        (SectionPart::Background, c.background.clone()),
        (SectionPart::Problems, problems_text(c)),
        (SectionPart::Overview, c.solution.overview.clone()),
        (SectionPart::Products, c.solution.products.clone()),
        (
            SectionPart::Implementation,
            c.solution.implementation.clone(),
        ),
        (SectionPart::Service, c.solution.service.clone()),
        (
            SectionPart::Credentials,
            c.credentials
                .iter()
                .map(|x| x.code())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            SectionPart::ValidUntil,
            c.valid_until
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        ),
    ]
}

fn changed_fields(a: &QuoteLine, b: &QuoteLine) -> Vec<LineField> {
    let mut f = Vec::new();
    if a.name != b.name || a.unit != b.unit || a.source != b.source {
        f.push(LineField::Name);
    }
    if a.category != b.category {
        f.push(LineField::Category);
    }
    if a.quantity != b.quantity {
        f.push(LineField::Quantity);
    }
    if a.unit_price != b.unit_price {
        f.push(LineField::UnitPrice);
    }
    if a.discount != b.discount || a.discount_reason != b.discount_reason {
        f.push(LineField::Discount);
    }
    if a.tax_rate != b.tax_rate {
        f.push(LineField::TaxRate);
    }
    if a.optional != b.optional || a.chosen != b.chosen {
        f.push(LineField::Optional);
    }
    f
}

/// Compares version `a` with version `b` (lines matched by id), with the money difference
/// of their totals (both in `a`'s currency's decimals).
pub fn diff(a: &ProposalContent, b: &ProposalContent) -> Result<Diff, TooLarge> {
    let exp = a.currency.exponent();
    let total_a = totals(&a.lines, exp, None)?.total;
    let total_b = totals(&b.lines, b.currency.exponent(), None)?.total;
    let mut lines = Vec::new();
    for lb in &b.lines {
        match a.lines.iter().find(|la| la.id == lb.id) {
            None => lines.push(LineChange::Added(lb.clone())),
            Some(la) => {
                let fields = changed_fields(la, lb);
                if !fields.is_empty() {
                    lines.push(LineChange::Changed {
                        before: la.clone(),
                        after: lb.clone(),
                        fields,
                    });
                }
            }
        }
    }
    for la in &a.lines {
        if !b.lines.iter().any(|lb| lb.id == la.id) {
            lines.push(LineChange::Removed(la.clone()));
        }
    }
    let sections = parts(a)
        .into_iter()
        .zip(parts(b))
        .filter(|((_, x), (_, y))| x != y)
        .map(|((part, before), (_, after))| SectionChange {
            part,
            before,
            after,
        })
        .collect();
    Ok(Diff {
        lines,
        sections,
        total_a,
        total_b,
        difference: total_b
            .checked_sub(total_a)
            .ok_or(TooLarge { line: None })?,
    })
}

// -- the record's rules -----------------------------------------------------------------

fn text(path: &str, label: &'static str, s: &str) -> Result<(), RuleError> {
    rules::length(path, label, s, MAX_TEXT)
}

/// The rules of a stored version (run on every save and on every record of a backup):
/// the content's rules, a sent version's content matching its hash (a frozen version
/// edited in a file is refused), the status agreeing with the sent mark and the decision.
pub fn check_record(p: &Proposal, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&p.meta(), ctx)?;
    if p.version == 0 {
        return Err(RuleError::new(
            "version",
            "proposal.field.version",
            "rule.proposal_version",
        ));
    }
    let c = &p.content;
    text(
        "content.background",
        "proposal.part.background",
        &c.background,
    )?;
    for (i, pr) in c.problems.iter().enumerate() {
        text(
            &format!("content.problems[{i}].text"),
            "proposal.part.problems",
            &pr.text,
        )?;
        text(
            &format!("content.problems[{i}].impact"),
            "proposal.part.problems",
            &pr.impact,
        )?;
    }
    let s = &c.solution;
    text(
        "content.solution.overview",
        "proposal.part.overview",
        &s.overview,
    )?;
    text(
        "content.solution.products",
        "proposal.part.products",
        &s.products,
    )?;
    text(
        "content.solution.implementation",
        "proposal.part.implementation",
        &s.implementation,
    )?;
    text(
        "content.solution.service",
        "proposal.part.service",
        &s.service,
    )?;
    for (i, l) in c.lines.iter().enumerate() {
        text(
            &format!("content.lines[{i}].discount_reason"),
            "proposal.field.discount_reason",
            &l.discount_reason,
        )?;
        rules::length(
            &format!("content.lines[{i}].category"),
            "proposal.field.category",
            &l.category,
            MAX_NAME,
        )?;
        rules::length(
            &format!("content.lines[{i}].unit"),
            "proposal.field.unit",
            &l.unit,
            MAX_NAME,
        )?;
    }
    if let Some(d) = c.valid_until {
        rules::date("content.valid_until", "proposal.field.valid_until", d)?;
    }
    if let Some(sent) = &p.sent {
        rules::instant("sent.at", "proposal.field.sent", sent.at)?;
    }
    if let Some(d) = &p.decision {
        rules::instant("decision.at", "proposal.field.decision", d.at)?;
        rules::length(
            "decision.by_name",
            "proposal.field.decided_by",
            &d.by_name,
            MAX_NAME,
        )?;
        text("decision.note", "proposal.field.decision_note", &d.note)?;
    }
    if let Some(e) = content_errors(c, p.sent.as_ref().map(|s| s.at.date_naive())).first() {
        let path = match (e.index, e.field) {
            (Some(i), f) => format!("content.lines[{i}].{f}"),
            (None, f) => format!("content.{f}"),
        };
        let reason = match e.problem {
            FieldProblem::Required => "rule.required",
            FieldProblem::TooLong => "rule.too_long_name",
            FieldProblem::Negative | FieldProblem::TooLarge => "rule.out_of_range",
            _ => e.key(),
        };
        return Err(RuleError::new(path, e.label_key, reason)
            .arg("value", e.arg_value("value").unwrap_or_default())
            .arg("allowed", e.arg_value("allowed").unwrap_or_default())
            .arg("max", MAX_NAME));
    }
    let frozen = p.status.is_frozen();
    match (&p.sent, frozen) {
        (Some(sent), true) => {
            if content_hash(c) != sent.content_hash {
                return Err(RuleError::new(
                    "sent.content_hash",
                    "proposal.field.sent",
                    "rule.proposal_hash",
                )
                .arg("version", p.version));
            }
        }
        (None, true) => {
            return Err(RuleError::new(
                "sent",
                "proposal.field.sent",
                "rule.required",
            ));
        }
        (Some(_), false) => {
            return Err(RuleError::new(
                "status",
                "proposal.field.status",
                "rule.proposal_status",
            ));
        }
        (None, false) => {}
    }
    let decided = matches!(
        p.status,
        ProposalStatus::Accepted | ProposalStatus::Rejected
    );
    if decided && p.decision.is_none() {
        return Err(RuleError::new(
            "decision",
            "proposal.field.decision",
            "rule.required",
        ));
    }
    Ok(())
}
