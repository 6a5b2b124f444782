//! Proposals (step 4): create one from a deal's needs, edit a draft's sections and
//! quotation lines, send (freeze) a version, start the next version from a sent one, the
//! customer's decision (accept, reject, expired), and delete a draft with its Undo.
//!
//! Each action reads the version as stored now (without tracking), changes it through the
//! domain's rules (`domain::proposal`) and commits it; a frozen version's content is never
//! written again ([`proposal::frozen_unchanged`] is checked on every save). A draft's
//! catalogue lines are priced from the catalogue as it is now on every save, so a draft
//! never carries a price the catalogue does not give. Refusals come back at once, before
//! anything is written; `Ok(None)` means the version is gone.

use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::ids::{brought_back, new_id, Id};
use crate::domain::price::Rate;
use crate::domain::product::Product;
use crate::domain::proposal::{
    self, Acceptance, Credential, LineInput, ProblemItem, Proposal, ProposalError, QuoteLine,
    Refusal, Solution, Verdict,
};
use crate::domain::sorting::SortExt;
use crate::state::data::{AppData, Changes};
use crate::store::StoreError;
use chrono::{NaiveDate, Utc};
use std::future::Future;

/// The discount limit of the work settings (`None`: no limit), tracked.
pub fn discount_limit() -> Option<Rate> {
    crate::state::settings::discount_limit()
}

/// Our firm as the customer's copy presents it (Settings → Proposals), tracked.
pub fn firm() -> crate::domain::proposal::FirmProfile {
    crate::state::settings::firm()
}

/// Every version of the deal's proposal, by version number (tracks the deal's list and
/// each version).
pub fn versions(data: AppData, deal_id: Id) -> Vec<Proposal> {
    let ids = data.indexes.proposals_of(deal_id);
    let mut v: Vec<Proposal> = data
        .proposals
        .with_many(&ids, |list| list.into_iter().cloned().collect());
    v.sort_on(|p| p.version);
    v
}

fn versions_untracked(data: AppData, deal_id: Id) -> Vec<Proposal> {
    let ids = data
        .indexes
        .with_untracked(|ix| ix.proposals_of(deal_id).to_vec());
    let mut v: Vec<Proposal> = ids
        .into_iter()
        .filter_map(|id| data.proposals.get_untracked(id))
        .collect();
    v.sort_on(|p| p.version);
    v
}

/// The accepted version of the deal, if any (tracked): the evidence of step 4's end signal.
pub fn acceptance(data: AppData, deal_id: Id) -> Option<Acceptance> {
    proposal::accepted_evidence(&versions(data, deal_id))
}

/// The evidence of step 4's end signal in words ("Accepted proposal v2 on 3 Jun 2026")
/// and its date, when a version of the deal's proposal is accepted (untracked).
pub fn step_four_evidence(data: AppData, deal_id: Id) -> Option<(String, NaiveDate)> {
    let a = proposal::accepted_evidence(&versions_untracked(data, deal_id))?;
    let on = a.on.with_timezone(&chrono::Local).date_naive();
    let date = crate::i18n::format_date(crate::state::prefs::locale(), on);
    let by = if a.by_name.is_empty() {
        String::new()
    } else {
        format!(" ({})", a.by_name)
    };
    Some((
        crate::state::tw(
            "proposal.evidence",
            &[
                ("version", &a.version.to_string()),
                ("date", &date),
                ("by", &by),
            ],
        ),
        on,
    ))
}

fn product(data: AppData, id: Option<Id>) -> Option<Product> {
    id.and_then(|id| data.products.get_untracked(id))
}

/// Prices the draft's catalogue lines from the catalogue as it is now.
fn reprice_all(data: AppData, p: &mut Proposal) {
    if p.is_frozen() {
        return;
    }
    for l in &mut p.content.lines {
        let prod = product(data, l.product_id());
        proposal::reprice(l, prod.as_ref());
    }
}

/// Commits one version as its own transaction (the record rules refuse a frozen version
/// whose content no longer matches its hash).
async fn commit(data: AppData, after: Proposal) -> Result<Proposal, StoreError> {
    let mut ch = Changes::new();
    let saved = ch.put(&data, after);
    ch.commit(data).await.map(|()| saved)
}

pub type Save = std::pin::Pin<Box<dyn Future<Output = Result<Proposal, StoreError>>>>;

/// The version as stored now and as changed by `rule` (which may refuse); a frozen
/// version's content is checked unchanged.
fn change(
    data: AppData,
    id: Id,
    rule: impl FnOnce(&mut Proposal) -> Result<(), Refusal>,
) -> Result<Option<Save>, Refusal> {
    let Some(before) = data.proposals.get_untracked(id) else {
        return Ok(None);
    };
    let mut after = before.clone();
    rule(&mut after)?;
    proposal::frozen_unchanged(&before, &after)?;
    Ok(Some(Box::pin(commit(data, after))))
}

/// Creates version 1 of the deal's proposal, pre-filled from its needs (goals and problems
/// in section 2, the products asked for in section 3); `None` when the deal is gone.
/// When the deal already has versions, the next number is used.
pub fn create(data: AppData, deal_id: Id) -> Option<Save> {
    let deal = data.deals.get_untracked(deal_id)?;
    let mut p = Proposal::for_deal(&deal, Utc::now());
    p.version = proposal::next_version_number(&versions_untracked(data, deal_id));
    Some(Box::pin(commit(data, p)))
}

/// Sections 1–3 and 5 of a draft, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionsInput {
    pub background: String,
    pub problems: Vec<ProblemItem>,
    pub solution: Solution,
    pub credentials: Vec<Credential>,
    /// `YYYY-MM-DD` or blank.
    pub valid_until: String,
}

impl SectionsInput {
    /// The sections of `c` as the forms show them (credentials in their display order).
    pub fn of(c: &crate::domain::proposal::ProposalContent) -> SectionsInput {
        SectionsInput {
            background: c.background.clone(),
            problems: c.problems.clone(),
            solution: c.solution.clone(),
            credentials: Credential::ALL
                .iter()
                .filter(|x| c.credentials.contains(x))
                .copied()
                .collect(),
            valid_until: c
                .valid_until
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        }
    }
}

/// Saves a draft's sections; refused at once for a frozen version or a date that is not
/// a date.
pub fn save_sections(data: AppData, id: Id, input: SectionsInput) -> Result<Option<Save>, Refusal> {
    let valid_until = match input.valid_until.trim() {
        "" => None,
        s => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) if crate::domain::rules::plausible_year(d) => Some(d),
            _ => {
                return Err(Refusal::Fields(vec![FieldError::new(
                    "valid_until",
                    "proposal.field.valid_until",
                    FieldProblem::InvalidDate,
                )
                .arg("value", s)]))
            }
        },
    };
    change(data, id, |p| {
        proposal::edit_draft(p, |c| {
            c.background = input.background.trim().to_string();
            c.problems = input
                .problems
                .into_iter()
                .filter(|x| !x.text.trim().is_empty() || !x.impact.trim().is_empty())
                .map(|x| ProblemItem {
                    need_id: x.need_id,
                    text: x.text.trim().to_string(),
                    impact: x.impact.trim().to_string(),
                })
                .collect();
            c.solution = Solution {
                overview: input.solution.overview.trim().to_string(),
                products: input.solution.products.trim().to_string(),
                implementation: input.solution.implementation.trim().to_string(),
                service: input.solution.service.trim().to_string(),
            };
            let mut creds = input.credentials;
            creds.sort_plain();
            creds.dedup();
            c.credentials = creds;
            c.valid_until = valid_until;
        })?;
        reprice_all(data, p);
        Ok(())
    })
}

/// Adds a quotation line (catalogue or free) to a draft; refused at once with every
/// problem of the line form.
pub fn add_line(data: AppData, id: Id, input: &LineInput) -> Result<Option<Save>, Refusal> {
    let prod = product(data, input.product_id);
    change(data, id, |p| {
        if p.is_frozen() {
            return Err(ProposalError::Frozen.into());
        }
        let line = proposal::build_line(input, prod.as_ref(), None, new_id(), &p.content.currency)
            .map_err(Refusal::Fields)?;
        p.content.lines.push(line);
        reprice_all(data, p);
        check_totals(p)
    })
}

/// Changes a line of a draft.
pub fn edit_line(
    data: AppData,
    id: Id,
    line_id: Id,
    input: &LineInput,
) -> Result<Option<Save>, Refusal> {
    let prod = product(data, input.product_id);
    change(data, id, |p| {
        if p.is_frozen() {
            return Err(ProposalError::Frozen.into());
        }
        let Some(at) = p.content.lines.iter().position(|l| l.id == line_id) else {
            return Ok(());
        };
        let existing = p.content.lines[at].clone();
        let line = proposal::build_line(
            input,
            prod.as_ref(),
            Some(&existing),
            line_id,
            &p.content.currency,
        )
        .map_err(|errs| Refusal::Fields(errs.into_iter().map(|e| e.at(at)).collect()))?;
        p.content.lines[at] = line;
        reprice_all(data, p);
        check_totals(p)
    })
}

/// The whole quotation must stay computable (a sum too large is refused at the line).
fn check_totals(p: &Proposal) -> Result<(), Refusal> {
    let errs = proposal::content_errors(&p.content, None);
    if errs.is_empty() {
        Ok(())
    } else {
        Err(Refusal::Fields(errs))
    }
}

/// Removes a line of a draft; with it, where it stood and what it was (for Undo).
pub fn remove_line(
    data: AppData,
    id: Id,
    line_id: Id,
) -> Result<Option<(Save, usize, QuoteLine)>, Refusal> {
    let mut removed = None;
    let save = change(data, id, |p| {
        removed = proposal::remove_line(p, line_id)?;
        Ok(())
    })?;
    Ok(save.zip(removed).map(|(save, (at, line))| (save, at, line)))
}

/// Undo of [`remove_line`]: the line back where it stood, while the version is a draft.
pub fn restore_line(
    data: AppData,
    id: Id,
    at: usize,
    line: QuoteLine,
) -> Result<Option<Save>, Refusal> {
    change(data, id, |p| Ok(proposal::restore_line(p, at, line)?))
}

/// Sends a draft: the catalogue prices of now, valid-until not before today, frozen by
/// its content hash.
pub fn send(data: AppData, id: Id) -> Result<Option<Save>, Refusal> {
    change(data, id, |p| {
        reprice_all(data, p);
        let today = chrono::Local::now().date_naive();
        proposal::send(p, Utc::now(), today)
    })
}

/// Starts the next version (a draft) from a sent one, its catalogue lines priced from the
/// catalogue as it is now.
pub fn new_version(data: AppData, id: Id) -> Result<Option<Save>, ProposalError> {
    let Some(from) = data.proposals.get_untracked(id) else {
        return Ok(None);
    };
    let number = proposal::next_version_number(&versions_untracked(data, from.deal_id));
    let mut next = proposal::new_version(&from, number, Utc::now())?;
    reprice_all(data, &mut next);
    Ok(Some(Box::pin(commit(data, next))))
}

/// Records the customer's decision on a sent version (who, with a note, on the day typed:
/// see [`proposal::answered_at`]).
pub fn decide(
    data: AppData,
    id: Id,
    verdict: Verdict,
    by_contact_id: Option<Id>,
    by_name: &str,
    note: &str,
    answered_on: &str,
) -> Result<Option<Save>, Refusal> {
    let Some(stored) = data.proposals.get_untracked(id) else {
        return Ok(None);
    };
    let at = proposal::answered_at(
        answered_on,
        stored.sent.as_ref().map(|s| s.at),
        Utc::now(),
        &chrono::Local,
    )
    .map_err(|e| Refusal::Fields(vec![e]))?;
    let others = versions_untracked(data, stored.deal_id);
    let name = match (by_contact_id, by_name.trim()) {
        (Some(c), "") => data
            .contacts
            .get_untracked(c)
            .map(|c| c.name)
            .unwrap_or_default(),
        (_, n) => n.to_string(),
    };
    change(data, id, |p| {
        proposal::decide(p, verdict, by_contact_id, &name, note, at, &others)
    })
}

/// Marks a sent version expired.
pub fn expire(data: AppData, id: Id) -> Result<Option<Save>, Refusal> {
    change(data, id, |p| Ok(proposal::expire(p)?))
}

/// Deletes a draft (a sent version is kept for ever); refused at once for a frozen one.
/// Returns the deleted draft for its Undo.
pub fn delete_draft(data: AppData, id: Id) -> Result<Option<Save>, ProposalError> {
    let Some(p) = data.proposals.get_untracked(id) else {
        return Ok(None);
    };
    if p.is_frozen() {
        return Err(ProposalError::NotDraft);
    }
    Ok(Some(Box::pin(async move {
        let mut ch = Changes::new();
        ch.delete(&p);
        ch.commit(data).await.map(|()| p)
    })))
}

/// Brings a deleted draft back (the Undo of [`delete_draft`]).
pub async fn undo_delete(data: AppData, deleted: Proposal) -> Result<Proposal, StoreError> {
    commit(data, brought_back(&deleted)).await
}

/// The account's purchases: its won deals with their lines (tracked).
pub fn purchases(data: AppData, account_id: Id) -> Vec<crate::domain::purchase::Purchase> {
    let deal_ids = data.indexes.deals_of(account_id);
    let deals: Vec<crate::domain::deal::Deal> = data
        .deals
        .with_many(&deal_ids, |list| list.into_iter().cloned().collect());
    let won: Vec<Id> = deals
        .iter()
        .filter(|d| matches!(d.outcome, crate::domain::deal::Outcome::Won { .. }))
        .map(|d| d.id)
        .collect();
    let negotiations: Vec<_> = won
        .iter()
        .filter_map(|d| super::negotiation::of_deal(data, *d))
        .collect();
    let proposals: Vec<Proposal> = won.iter().flat_map(|d| versions(data, *d)).collect();
    crate::domain::purchase::history(&deals, &negotiations, &proposals)
}

/// Gives every line of a draft whose discount is below the account's cumulative-discount
/// tier that tier's discount, with `reason` as the discount's reason.
pub fn apply_cumulative_discount(
    data: AppData,
    id: Id,
    tier: crate::domain::purchase::DiscountTier,
    reason: &str,
) -> Result<Option<Save>, Refusal> {
    change(data, id, |p| {
        proposal::edit_draft(p, |c| {
            crate::domain::purchase::apply_tier(&mut c.lines, tier, reason);
        })?;
        reprice_all(data, p);
        check_totals(p)
    })
}
