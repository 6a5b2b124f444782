//! The rep's work on a deal: checklist ticks, the people involved, the next step, what the
//! method says to do next and the warnings that need attention.

use crate::domain::sorting::SortExt;
use chrono::NaiveDate;

use super::*;
use crate::domain::buying_stage::{self, BuyingRole, BuyingStageWarning};
use crate::domain::ids::Id;
use crate::domain::needs::{self, NeedWarning};
use crate::domain::qualification::{self, Answer, Gate, QualificationWarning};

/// Ticks a checklist item as done on `on` (re-ticking changes the date).
pub fn tick(deal: &mut Deal, item: ChecklistItem, on: NaiveDate) {
    match deal.checklist.iter_mut().find(|t| t.item == item) {
        Some(t) => t.on = on,
        None => deal.checklist.push(CheckTick { item, on }),
    }
}

/// Unticks a checklist item.
pub fn untick(deal: &mut Deal, item: ChecklistItem) {
    deal.checklist.retain(|t| t.item != item);
}

/// Adds a person to the deal, or replaces their roles if they are already on it.
pub fn set_person(deal: &mut Deal, contact_id: Id, roles: &[BuyingRole]) {
    let mut roles = roles.to_vec();
    roles.sort_plain();
    roles.dedup();
    match deal.people.iter_mut().find(|p| p.contact_id == contact_id) {
        Some(p) => p.roles = roles,
        None => deal.people.push(DealPerson { contact_id, roles }),
    }
}

pub fn remove_person(deal: &mut Deal, contact_id: Id) {
    deal.people.retain(|p| p.contact_id != contact_id);
}

/// Gives a person on the deal the buying `role` (`on`) or takes it away, keeping their
/// other roles; a person not yet on the deal joins it with that role.
pub fn set_role(deal: &mut Deal, contact_id: Id, role: BuyingRole, on: bool) {
    let mut roles = deal
        .people
        .iter()
        .find(|p| p.contact_id == contact_id)
        .map(|p| p.roles.clone())
        .unwrap_or_default();
    roles.retain(|r| *r != role);
    if on {
        roles.push(role);
    }
    set_person(deal, contact_id, &roles);
}

/// Marks a competitor as in play on the deal (`on`) or no longer; in play once at most.
pub fn set_competitor(deal: &mut Deal, competitor_id: Id, on: bool) {
    deal.competitor_ids.retain(|c| *c != competitor_id);
    if on {
        deal.competitor_ids.push(competitor_id);
    }
}

/// Removes the need `need_id` from the deal (nothing happens when it is not there).
pub fn remove_need(deal: &mut Deal, need_id: Id) {
    deal.needs.retain(|n| n.id != need_id);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStepError {
    TextRequired,
    /// The next step needs the date it is due.
    DueRequired,
}

crate::keyed_enum!(NextStepError, {
    Self::TextRequired => "deal.error.next_step_text_required",
    Self::DueRequired => "deal.error.next_step_due_required",
});

/// The next step as the rep typed it: what (required) and by when (`None` when no date
/// was given; required). Refused with every problem at once.
pub fn next_step(text: &str, due: Option<NaiveDate>) -> Result<NextStep, Vec<NextStepError>> {
    let text = text.trim();
    let mut errs = Vec::new();
    if text.is_empty() {
        errs.push(NextStepError::TextRequired);
    }
    match due {
        Some(due) if errs.is_empty() => Ok(NextStep {
            text: text.to_string(),
            due,
        }),
        Some(_) => Err(errs),
        None => {
            errs.push(NextStepError::DueRequired);
            Err(errs)
        }
    }
}

/// Sets the rep's next step (what and by when).
pub fn set_next_step(deal: &mut Deal, text: &str, due: NaiveDate) -> Result<(), NextStepError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(NextStepError::TextRequired);
    }
    deal.next_step = Some(NextStep {
        text: text.to_string(),
        due,
    });
    Ok(())
}

// ---------------------------------------------------------------------------------------
// What to do next, and what to watch
// ---------------------------------------------------------------------------------------

/// What the method says the rep should do next on this deal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextAction {
    /// Do the first unticked action of the current step's checklist.
    Do(ChecklistItem),
    /// Step 1, checklist done, but the qualification gate is closed.
    Qualify(Gate),
    /// Everything is done: confirm the end signal of the current step.
    ConfirmEndSignal(Step),
    /// Lost or declined: nothing to do.
    Closed,
    /// Won and fully paid: nothing to do.
    Finished,
}

crate::keyed_enum!(NextAction, {
    Self::Qualify(Gate::Unanswered(_)) => "deal.next.qualify_unanswered",
    Self::Qualify(Gate::Unsure(_)) => "deal.next.qualify_unsure",
    Self::Qualify(_) => "deal.next.qualify_blocked",
    Self::Closed => "deal.next.closed",
    Self::Finished => "deal.next.finished",
}, via {
    Self::Do(item) => item.key(),
    Self::ConfirmEndSignal(step) => step.confirm_key(),
});

/// The next action (see [`NextAction`]): the first unticked checklist item of the current
/// step; then, in step 1, a closed qualification gate; then the end signal.
pub fn next_action(deal: &Deal) -> NextAction {
    next_action_given(deal, false)
}

/// The next action when the deal's records show whether the end signal of its step has
/// happened (`signalled`: step 4's accepted proposal): then it is to confirm it, whatever is
/// left on the checklist, since the step's work led there.
pub fn next_action_given(deal: &Deal, signalled: bool) -> NextAction {
    match deal.outcome {
        Outcome::Lost { .. } | Outcome::Declined { .. } => return NextAction::Closed,
        Outcome::Won {
            paid_on: Some(_), ..
        } => return NextAction::Finished,
        _ => {}
    }
    if signalled && deal.is_open() {
        return NextAction::ConfirmEndSignal(deal.step);
    }
    if let Some(item) = deal
        .step
        .checklist()
        .into_iter()
        .find(|i| deal.ticked_on(*i).is_none())
    {
        return NextAction::Do(item);
    }
    if deal.step == Step::CustomerAnalysis {
        let g = qualification::gate(&deal.qualification);
        if !g.is_open() {
            return NextAction::Qualify(g);
        }
    }
    NextAction::ConfirmEndSignal(deal.step)
}

/// Something on the deal that needs the rep's attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DealWarning {
    NoNextStep,
    NextStepOverdue {
        due: NaiveDate,
    },
    /// Still open after the expected close date.
    CloseDatePassed {
        expected_close: NaiveDate,
    },
    Qualification(QualificationWarning),
    Need(NeedWarning),
    BuyingStage(BuyingStageWarning),
    /// The competitive analysis has this many warnings of its own (listed in its section).
    Competitive(usize),
}

crate::keyed_enum!(DealWarning, {
    Self::NoNextStep => "deal.warning.no_next_step",
    Self::NextStepOverdue { .. } => "deal.warning.next_step_overdue",
    Self::CloseDatePassed { .. } => "deal.warning.close_date_passed",
    Self::Competitive(_) => "deal.warning.competitive",
}, via {
    Self::Qualification(w) => w.key(),
    Self::Need(w) => w.key(),
    Self::BuyingStage(w) => w.key(),
});

/// All warnings of an active deal on `today` (none for finished, lost or declined deals).
/// A next step due today is not overdue.
///
/// A won deal (in follow-up service until every account is paid) keeps the warnings that
/// still matter after the contract: its next step and the buying stage's key role
/// (installation and use). The qualifying questions, the close date and the needs judged
/// the sale before it was won, so their warnings are shown only while the deal is open.
pub fn warnings(deal: &Deal, today: NaiveDate) -> Vec<DealWarning> {
    let mut out = Vec::new();
    if !deal.is_active() {
        return out;
    }
    match &deal.next_step {
        None => out.push(DealWarning::NoNextStep),
        Some(n) if n.due < today => out.push(DealWarning::NextStepOverdue { due: n.due }),
        Some(_) => {}
    }
    if let Some(close) = deal.expected_close {
        if deal.is_open() && close < today {
            out.push(DealWarning::CloseDatePassed {
                expected_close: close,
            });
        }
    }
    if deal.is_open() {
        out.extend(
            qualification::warnings(&deal.qualification)
                .into_iter()
                .map(DealWarning::Qualification),
        );
        out.extend(
            needs::warnings(&deal.needs, deal.step, &deal.people_ids())
                .into_iter()
                .map(DealWarning::Need),
        );
        // From presenting value on (or once the rep has started it) the analysis is the
        // step's work: its own warnings are counted here and listed in its section.
        if deal.step >= Step::PresentingValue || !deal.competitive.points.is_empty() {
            let n = crate::domain::competitive::warnings(deal).len();
            if n > 0 {
                out.push(DealWarning::Competitive(n));
            }
        }
    }
    if let Some(stage) = deal.buying_stage {
        out.extend(
            buying_stage::role_warnings(stage, &deal.people)
                .into_iter()
                .map(DealWarning::BuyingStage),
        );
    }
    out
}

/// Whether any qualifying question is answered "no" (for a badge on the card).
pub fn has_no_answer(deal: &Deal) -> bool {
    !deal.qualification.with_answer(Some(Answer::No)).is_empty()
}
