//! How the deal page is laid out: which sections are the current step's work (shown open,
//! first) and which are folded away below them. The step panel and the warnings always
//! lead; every section stays reachable from the page's section index.

use super::deal::{Deal, DealWarning, Outcome, Step};

/// One folding section of the deal page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DealSection {
    Qualification,
    People,
    Competitors,
    Needs,
    BuyingStage,
    /// Step 4: strengths, weaknesses and the plan per person (from step 3 on).
    Competitive,
    /// Step 4: the presentation outline and rehearsal (from step 4 on).
    Presentation,
    /// Step 5: the negotiation's summary, with the way to its page and brief.
    Commitment,
    /// Step 6: the follow-up's summary (checklist, milestones, satisfaction, invoices,
    /// referrals), with the way to its page.
    Service,
    NextStep,
    Outcome,
    History,
    Timeline,
}

impl DealSection {
    /// Every section in the page's reading order.
    pub const ALL: [DealSection; 13] = [
        Self::Qualification,
        Self::People,
        Self::Competitors,
        Self::Needs,
        Self::BuyingStage,
        Self::Competitive,
        Self::Presentation,
        Self::Commitment,
        Self::Service,
        Self::NextStep,
        Self::Outcome,
        Self::History,
        Self::Timeline,
    ];

    /// The section's element id (the `#fragment` that links to it).
    pub fn anchor(self) -> &'static str {
        match self {
            Self::Qualification => "qualification",
            Self::People => "people",
            Self::Competitors => "competitors",
            Self::Needs => "needs",
            Self::BuyingStage => "buying-stage",
            Self::Competitive => "competitive",
            Self::Presentation => "presentation",
            Self::Commitment => "commitment",
            Self::Service => "service",
            Self::NextStep => "next-step",
            Self::Outcome => "outcome",
            Self::History => "history",
            Self::Timeline => "timeline",
        }
    }

    /// The section a `#fragment` points into (its own anchor, or a form inside it).
    pub fn from_anchor(fragment: &str) -> Option<Self> {
        let f = fragment.trim_start_matches('#');
        if f == "reopen" {
            return Some(Self::Outcome);
        }
        Self::ALL.into_iter().find(|s| s.anchor() == f)
    }

    /// The section's title (catalogue key).
    pub fn title_key(self) -> &'static str {
        match self {
            Self::Qualification => "deals_ui.qualify.title",
            Self::People => "deals_ui.people.title",
            Self::Competitors => "deals_ui.competitors.title",
            Self::Needs => "deals_ui.needs.title",
            Self::BuyingStage => "deals_ui.stage.title",
            Self::Competitive => "competitive.title",
            Self::Presentation => "presentation.title",
            Self::Commitment => "negotiation.section.title",
            Self::Service => "followup.section.title",
            Self::NextStep => "deals_ui.next.title",
            Self::Outcome => "deals_ui.outcome.title",
            Self::History => "deals_ui.history.title",
            Self::Timeline => "deals_ui.timeline.title",
        }
    }

    /// The steps of the method whose work this section holds (METHOD.md): the four
    /// questions and the buying centre in customer analysis, relationships in building
    /// trust, the five layers and the buying stage in discovering needs, the competitive
    /// analysis again when presenting value, the outcome when winning commitment, the
    /// activities again in follow-up service. The next step and the history belong to no
    /// single step.
    pub fn work_of(self) -> &'static [Step] {
        use Step::*;
        match self {
            Self::Qualification => &[CustomerAnalysis],
            Self::People => &[CustomerAnalysis, BuildingTrust],
            Self::Competitors => &[CustomerAnalysis, PresentingValue],
            Self::Needs => &[DiscoverNeeds, PresentingValue],
            Self::BuyingStage => &[DiscoverNeeds, PresentingValue, WinningCommitment],
            Self::Competitive | Self::Presentation => &[PresentingValue],
            Self::Commitment => &[WinningCommitment],
            Self::Service => &[FollowUpService],
            Self::NextStep => &[],
            Self::Outcome => &[WinningCommitment, FollowUpService],
            Self::History => &[],
            Self::Timeline => &[BuildingTrust, FollowUpService],
        }
    }

    /// The first step from which the section is on the page: the competitive analysis
    /// from discovering needs on (what the customer needs is what our strengths must
    /// meet), the presentation from presenting value on; the others always.
    pub fn from_step(self) -> Step {
        match self {
            Self::Competitive => Step::DiscoverNeeds,
            Self::Presentation => Step::PresentingValue,
            Self::Commitment => Step::WinningCommitment,
            Self::Service => Step::FollowUpService,
            _ => Step::CustomerAnalysis,
        }
    }

    /// Whether the section is on the deal's page (see [`DealSection::from_step`]).
    pub fn shown_on(self, deal: &Deal) -> bool {
        deal.step >= self.from_step()
    }

    /// Whether the section opens unfolded on this deal.
    ///
    /// While the deal is being worked (open, or won and awaiting payment) the current
    /// step's sections and the next step are open. Once it is lost, declined or fully paid,
    /// only the outcome (with the reopen form) and the step history are.
    pub fn opens_on(self, deal: &Deal) -> bool {
        if deal.is_active() {
            self == Self::NextStep || self.work_of().contains(&deal.step)
        } else {
            matches!(self, Self::Outcome | Self::History)
                || (self == Self::Timeline && matches!(deal.outcome, Outcome::Won { .. }))
        }
    }
}

/// The deal page's sections in the order shown: the open ones (the current step's work)
/// first, then the folded ones, each group in reading order. Sections of a later step
/// than the deal's are left out.
pub fn layout(deal: &Deal) -> Vec<(DealSection, bool)> {
    let (mut open, folded): (Vec<_>, Vec<_>) = DealSection::ALL
        .into_iter()
        .filter(|s| s.shown_on(deal))
        .map(|s| (s, s.opens_on(deal)))
        .partition(|(_, o)| *o);
    open.extend(folded);
    open
}

/// The section where a warning is put right (`None` when it is fixed in the deal's own
/// details, as a passed close date is).
pub fn fixed_in(warning: &DealWarning) -> Option<DealSection> {
    match warning {
        DealWarning::NoNextStep | DealWarning::NextStepOverdue { .. } => {
            Some(DealSection::NextStep)
        }
        DealWarning::CloseDatePassed { .. } => None,
        DealWarning::Qualification(_) => Some(DealSection::Qualification),
        DealWarning::Need(_) => Some(DealSection::Needs),
        DealWarning::BuyingStage(_) => Some(DealSection::BuyingStage),
        DealWarning::Competitive(_) => Some(DealSection::Competitive),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::new_id;
    use crate::domain::money::{Currency, Money};
    use crate::domain::sorting::SortExt;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn deal_at(step: Step, outcome: Outcome) -> Deal {
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let mut d = Deal::new(new_id(), "Line 4", Money::new(1, Currency::default()), now);
        d.step = step;
        d.outcome = outcome;
        d
    }

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
    }

    fn open_of(d: &Deal) -> Vec<DealSection> {
        layout(d)
            .into_iter()
            .filter_map(|(s, o)| o.then_some(s))
            .collect()
    }

    #[test]
    fn each_step_opens_its_own_work_and_the_next_step() {
        use DealSection::{
            BuyingStage, Competitors, Needs, NextStep, People, Qualification, Timeline,
        };
        const OUTCOME: DealSection = DealSection::Outcome;
        let want: [(Step, Vec<DealSection>); 6] = [
            (
                Step::CustomerAnalysis,
                vec![Qualification, People, Competitors, NextStep],
            ),
            (Step::BuildingTrust, vec![People, NextStep, Timeline]),
            (Step::DiscoverNeeds, vec![Needs, BuyingStage, NextStep]),
            (
                Step::PresentingValue,
                vec![
                    Competitors,
                    Needs,
                    BuyingStage,
                    DealSection::Competitive,
                    DealSection::Presentation,
                    NextStep,
                ],
            ),
            (
                Step::WinningCommitment,
                vec![BuyingStage, DealSection::Commitment, NextStep, OUTCOME],
            ),
            (
                Step::FollowUpService,
                vec![DealSection::Service, NextStep, OUTCOME, Timeline],
            ),
        ];
        for (step, sections) in want {
            assert_eq!(open_of(&deal_at(step, Outcome::Open)), sections, "{step:?}");
        }
    }

    #[test]
    fn open_sections_lead_and_every_section_is_listed_once() {
        for &step in Step::ALL {
            let l = layout(&deal_at(step, Outcome::Open));
            let shown: Vec<_> = DealSection::ALL
                .into_iter()
                .filter(|s| step >= s.from_step())
                .collect();
            assert_eq!(l.len(), shown.len());
            let first_folded = l.iter().position(|(_, o)| !o).unwrap_or(l.len());
            assert!(l[first_folded..].iter().all(|(_, o)| !o), "{step:?}: {l:?}");
            let mut seen: Vec<_> = l.iter().map(|(s, _)| *s).collect();
            seen.sort_plain();
            assert_eq!(seen, shown);
        }
        // Reading order within each group.
        let l = layout(&deal_at(Step::DiscoverNeeds, Outcome::Open));
        assert_eq!(l[0].0, DealSection::Needs);
        assert_eq!(l[3].0, DealSection::Qualification);
    }

    #[test]
    fn a_won_deal_awaiting_payment_is_still_worked_in_its_step() {
        let d = deal_at(
            Step::FollowUpService,
            Outcome::Won {
                at: date(),
                paid_on: None,
            },
        );
        assert!(DealSection::NextStep.opens_on(&d));
        assert!(DealSection::Outcome.opens_on(&d));
        assert!(!DealSection::Qualification.opens_on(&d));
    }

    #[test]
    fn finished_lost_and_declined_deals_open_only_the_outcome_and_history() {
        use DealSection::{History, Timeline};
        const OUTCOME: DealSection = DealSection::Outcome;
        let lost = Outcome::Lost {
            at: date(),
            reason: "price".into(),
        };
        let declined = Outcome::Declined {
            at: date(),
            reason: "no fit".into(),
        };
        for &step in Step::ALL {
            assert_eq!(
                open_of(&deal_at(step, lost.clone())),
                vec![OUTCOME, History]
            );
            assert_eq!(
                open_of(&deal_at(step, declined.clone())),
                vec![OUTCOME, History]
            );
        }
        let paid = deal_at(
            Step::FollowUpService,
            crate::domain::deal::Outcome::Won {
                at: date(),
                paid_on: Some(date()),
            },
        );
        assert_eq!(open_of(&paid), vec![OUTCOME, History, Timeline]);
    }

    #[test]
    fn the_competitive_analysis_shows_from_step_three_and_the_presentation_from_step_four() {
        let shown = |step| {
            let l = layout(&deal_at(step, Outcome::Open));
            [DealSection::Competitive, DealSection::Presentation]
                .map(|s| l.iter().any(|(x, _)| *x == s))
        };
        assert_eq!(shown(Step::CustomerAnalysis), [false, false]);
        assert_eq!(shown(Step::BuildingTrust), [false, false]);
        assert_eq!(shown(Step::DiscoverNeeds), [true, false]);
        assert_eq!(shown(Step::PresentingValue), [true, true]);
        assert_eq!(shown(Step::FollowUpService), [true, true]);
        // Folded in step 3, open in step 4.
        let d = deal_at(Step::DiscoverNeeds, Outcome::Open);
        assert!(!DealSection::Competitive.opens_on(&d));
    }

    #[test]
    fn anchors_round_trip_and_the_reopen_form_lives_in_the_outcome() {
        for s in DealSection::ALL {
            assert_eq!(DealSection::from_anchor(s.anchor()), Some(s));
            assert_eq!(
                DealSection::from_anchor(&format!("#{}", s.anchor())),
                Some(s)
            );
        }
        assert_eq!(
            DealSection::from_anchor("#reopen"),
            Some(DealSection::Outcome)
        );
        assert_eq!(DealSection::from_anchor("main"), None);
        assert_eq!(DealSection::from_anchor(""), None);
    }

    #[test]
    fn every_warning_points_where_it_is_put_right() {
        use crate::domain::qualification::QualificationWarning;
        assert_eq!(
            fixed_in(&DealWarning::NoNextStep),
            Some(DealSection::NextStep)
        );
        assert_eq!(
            fixed_in(&DealWarning::NextStepOverdue { due: date() }),
            Some(DealSection::NextStep)
        );
        assert_eq!(
            fixed_in(&DealWarning::CloseDatePassed {
                expected_close: date()
            }),
            None
        );
        assert_eq!(
            fixed_in(&DealWarning::Qualification(
                QualificationWarning::Overridden
            )),
            Some(DealSection::Qualification)
        );
    }
}
