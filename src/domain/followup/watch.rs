//! What the follow-up service needs from the rep, across the deals in service: contract
//! items due or late, milestones late, satisfaction checks due. The Agenda lists all of
//! it, late first; the dashboard counts what is late (items and milestones).

use super::{checklist, milestones, satisfaction, Cadence, CheckKind, FollowUp, MilestoneKind};
use crate::domain::ids::Id;
use crate::domain::sorting::SortExt;
use chrono::NaiveDate;

/// One thing to see to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchKind {
    /// A contract item not done, due before today.
    ItemLate { text: String, days: i64 },
    /// A contract item due from today to a week ahead.
    ItemDue { text: String, in_days: i64 },
    /// A milestone not reached, planned before today.
    MilestoneLate { kind: MilestoneKind, days: i64 },
    /// A satisfaction call or request due (`days_over` past its day, 0 on the day).
    CheckDue { kind: CheckKind, days_over: i64 },
}

/// One thing to see to on one deal, with the day it was (or is) due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watch {
    pub deal_id: Id,
    pub due: NaiveDate,
    pub what: WatchKind,
}

impl Watch {
    /// Late: an item or a milestone past its day, or a check past its day.
    pub fn is_late(&self) -> bool {
        match self.what {
            WatchKind::ItemLate { .. } | WatchKind::MilestoneLate { .. } => true,
            WatchKind::CheckDue { days_over, .. } => days_over > 0,
            WatchKind::ItemDue { .. } => false,
        }
    }

    /// What the dashboard counts: a late contract item or a late milestone.
    pub fn is_late_delivery(&self) -> bool {
        matches!(
            self.what,
            WatchKind::ItemLate { .. } | WatchKind::MilestoneLate { .. }
        )
    }
}

/// What deal `deal_id` (won on `won_on`, in service) needs on `today`; `followup` is
/// `None` while the rep has written nothing (the checks fall due from the win).
pub fn watch_deal(
    deal_id: Id,
    followup: Option<&FollowUp>,
    won_on: NaiveDate,
    cadence: Cadence,
    today: NaiveDate,
) -> Vec<Watch> {
    let mut out = Vec::new();
    if let Some(f) = followup {
        for (i, days) in checklist::late_items(f, today) {
            out.push(Watch {
                deal_id,
                due: i.due.unwrap_or(today),
                what: WatchKind::ItemLate {
                    text: i.text.clone(),
                    days,
                },
            });
        }
        for (i, in_days) in checklist::due_items(f, today) {
            out.push(Watch {
                deal_id,
                due: i.due.unwrap_or(today),
                what: WatchKind::ItemDue {
                    text: i.text.clone(),
                    in_days,
                },
            });
        }
        for (m, days) in milestones::overdue(f, today) {
            out.push(Watch {
                deal_id,
                due: m.planned,
                what: WatchKind::MilestoneLate { kind: m.kind, days },
            });
        }
    }
    for n in satisfaction::next_due(followup, won_on, cadence, today) {
        if n.is_due {
            out.push(Watch {
                deal_id,
                due: n.due,
                what: WatchKind::CheckDue {
                    kind: n.kind,
                    days_over: n.days_over,
                },
            });
        }
    }
    out
}

/// Late first, then by the day due (oldest first); ties keep their order.
pub fn sort(list: &mut [Watch]) {
    list.sort_on(|w| (!w.is_late(), w.due));
}
