//! Step 5 actions: the negotiation plan — the team, the issues, our alternative (rules in
//! `domain::negotiation::plan`). Removals hand back what they removed and where it stood,
//! for the page's Undo.

use super::{change, Save};
use crate::domain::ids::Id;
use crate::domain::negotiation::plan::{
    self, AlternativeDraft, IssueDraft, MemberDraft, PlanError, RemoveRefusal,
};
use crate::domain::negotiation::{Issue, TeamMember};
use crate::state::data::AppData;
use std::convert::Infallible;

/// Adds a member to the deal's team.
pub fn add_member(
    data: AppData,
    deal_id: Id,
    d: &MemberDraft,
) -> Result<Option<Save>, Vec<PlanError>> {
    change(data, deal_id, |n| plan::add_member(n, d).map(|_| ()))
}

/// Changes a member's name and roles.
pub fn update_member(
    data: AppData,
    deal_id: Id,
    member_id: Id,
    d: &MemberDraft,
) -> Result<Option<Save>, Vec<PlanError>> {
    change(data, deal_id, |n| plan::update_member(n, member_id, d))
}

/// Removes a member: the save, where they stood and who they were (for Undo); `None`
/// when the deal or the member is gone.
pub fn remove_member(
    data: AppData,
    deal_id: Id,
    member_id: Id,
) -> Option<(Save, usize, TeamMember)> {
    let mut removed = None;
    let save = change(data, deal_id, |n| {
        removed = plan::remove_member(n, member_id);
        if removed.is_some() {
            Ok(())
        } else {
            Err(())
        }
    })
    .ok()??;
    removed.map(|(at, m)| (save, at, m))
}

/// Puts a removed member back (the Undo of [`remove_member`]).
pub fn restore_member(data: AppData, deal_id: Id, at: usize, m: TeamMember) -> Option<Save> {
    let r: Result<_, Infallible> = change(data, deal_id, |n| {
        plan::restore_member(n, at, m);
        Ok(())
    });
    r.ok().flatten()
}

/// Adds an issue to the plan.
pub fn add_issue(
    data: AppData,
    deal_id: Id,
    d: &IssueDraft,
) -> Result<Option<Save>, Vec<PlanError>> {
    change(data, deal_id, |n| plan::add_issue(n, d).map(|_| ()))
}

/// Changes an issue in place.
pub fn update_issue(
    data: AppData,
    deal_id: Id,
    issue_id: Id,
    d: &IssueDraft,
) -> Result<Option<Save>, Vec<PlanError>> {
    change(data, deal_id, |n| plan::update_issue(n, issue_id, d))
}

/// Removes an issue: the save, where it stood and what it was (for Undo). Refused while a
/// round, an agreed term or a deadlock refers to it.
pub fn remove_issue(
    data: AppData,
    deal_id: Id,
    issue_id: Id,
) -> Result<Option<(Save, usize, Issue)>, RemoveRefusal> {
    let mut removed = None;
    let save = change(data, deal_id, |n| {
        removed = Some(plan::remove_issue(n, issue_id)?);
        Ok(())
    })?;
    Ok(save.zip(removed).map(|(s, (at, i))| (s, at, i)))
}

/// Puts a removed issue back (the Undo of [`remove_issue`]).
pub fn restore_issue(data: AppData, deal_id: Id, at: usize, issue: Issue) -> Option<Save> {
    let r: Result<_, Infallible> = change(data, deal_id, |n| {
        plan::restore_issue(n, at, issue);
        Ok(())
    });
    r.ok().flatten()
}

/// Sets our alternative if there is no deal.
pub fn set_alternative(
    data: AppData,
    deal_id: Id,
    d: &AlternativeDraft,
) -> Result<Option<Save>, Vec<PlanError>> {
    change(data, deal_id, |n| plan::set_alternative(n, d))
}
