use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::domain::buying_stage::{BuyingRole, BuyingStage, BuyingStageWarning};
use crate::domain::fields::FieldProblem;
use crate::domain::ids::new_id;
use crate::domain::money::{Currency, Money};
use crate::domain::qualification::QualifyingQuestion as Q;
use crate::domain::qualification::{Answer, Gate, QualificationWarning};
use chrono::TimeZone;

fn t(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, 9, 0, 0).unwrap()
}

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
}

fn eur(minor: i64) -> Money {
    Money::new(minor, Currency::default())
}

fn deal() -> Deal {
    Deal::new(new_id(), "Line 4 retrofit", eur(1_000_000), t(1))
}

fn qualified() -> Deal {
    let mut deal = deal();
    for q in Q::ALL {
        deal.qualification.answer(*q, Some(Answer::Yes), "", t(1));
    }
    deal
}

// -- steps ----------------------------------------------------------------------------

#[test]
fn steps_are_numbered_and_ordered() {
    assert_eq!(Step::CustomerAnalysis.number(), 1);
    assert_eq!(Step::from_number(6), Some(Step::FollowUpService));
    assert_eq!(Step::from_number(0), None);
    assert_eq!(Step::FollowUpService.next(), None);
    assert_eq!(Step::DiscoverNeeds.next(), Some(Step::PresentingValue));
    assert_eq!(
        serde_json::to_string(&Step::FollowUpService).unwrap(),
        "\"follow_up_service\""
    );
}

#[test]
fn every_step_has_four_to_seven_checklist_items() {
    for s in Step::ALL {
        let items = s.checklist();
        assert!((4..=7).contains(&items.len()), "{s:?}");
        for (i, item) in items.iter().enumerate() {
            assert_eq!(
                item.key(),
                format!("{}.check.{}", s.key().trim_end_matches(".name"), i + 1)
            );
        }
    }
    assert_eq!(
        ChecklistItem::new(Step::DiscoverNeeds, 3).unwrap().key(),
        "step.discover_needs.check.3"
    );
    assert_eq!(ChecklistItem::new(Step::DiscoverNeeds, 0), None);
    assert_eq!(ChecklistItem::new(Step::DiscoverNeeds, 7), None);
}

#[test]
fn default_probability_rises_with_the_steps() {
    let first = default_probability(Step::CustomerAnalysis);
    assert!(first > 0, "an open deal in step 1 still has a chance");
    for pair in Step::ALL.windows(2) {
        let (before, after) = (default_probability(pair[0]), default_probability(pair[1]));
        assert!(
            before < after,
            "{:?} ({before}) is not below {:?} ({after})",
            pair[0],
            pair[1]
        );
    }
    assert_eq!(
        default_probability(Step::FollowUpService),
        100,
        "step 6 starts with the signed contract"
    );
}

#[test]
fn probability_follows_override_and_outcome() {
    let mut deal = qualified();
    assert_eq!(probability(&deal), 10);
    deal.probability_override = Some(30);
    assert_eq!(probability(&deal), 30);
    deal.probability_override = Some(250);
    assert_eq!(probability(&deal), 100);
    deal.probability_override = Some(30);
    advance(&mut deal, "guide confirmed budget", d(2), t(2)).unwrap();
    assert_eq!(deal.probability_override, None, "cleared by a step move");
    assert_eq!(probability(&deal), 20);
    mark_lost(&mut deal, d(3), "price").unwrap();
    assert_eq!(probability(&deal), 0);
}

// -- forward needs evidence -----------------------------------------------------------

#[test]
fn advancing_needs_evidence_of_the_end_signal() {
    let mut deal = qualified();
    assert_eq!(
        advance(&mut deal, "   ", d(2), t(2)),
        Err(TransitionError::EvidenceRequired)
    );
    assert_eq!(
        advance(&mut deal, "ok", d(3), t(2)),
        Err(TransitionError::SignalDateInFuture)
    );
    assert_eq!(deal.step, Step::CustomerAnalysis);
    assert!(deal.history.is_empty());

    advance(&mut deal, " budget approved for Q3 ", d(2), t(2)).unwrap();
    assert_eq!(deal.step, Step::BuildingTrust);
    assert_eq!(deal.step_entered_at, t(2));
    assert_eq!(
        deal.history,
        vec![StepEvent {
            at: t(2),
            from: Step::CustomerAnalysis,
            to: Step::BuildingTrust,
            kind: StepEventKind::Advance {
                signal_evidence: "budget approved for Q3".into(),
                signal_date: d(2),
            },
        }]
    );
}

#[test]
fn advancing_from_step_five_wins_and_from_step_six_finishes() {
    let mut deal = qualified();
    for day in 2..=5 {
        advance(&mut deal, "signal", d(day), t(day)).unwrap();
    }
    assert_eq!(deal.step, Step::WinningCommitment);
    assert!(deal.is_open());
    advance(&mut deal, "contract signed", d(6), t(7)).unwrap();
    assert_eq!(deal.step, Step::FollowUpService);
    assert_eq!(
        deal.outcome,
        Outcome::Won {
            at: d(6),
            paid_on: None
        }
    );
    assert!(deal.is_active() && !deal.is_open());
    advance(&mut deal, "last invoice paid", d(20), t(20)).unwrap();
    assert_eq!(deal.step, Step::FollowUpService);
    assert_eq!(
        deal.outcome,
        Outcome::Won {
            at: d(6),
            paid_on: Some(d(20))
        }
    );
    assert!(!deal.is_active());
    assert_eq!(
        advance(&mut deal, "again", d(21), t(21)),
        Err(TransitionError::Finished)
    );
    assert_eq!(next_action(&deal), NextAction::Finished);
}

// -- qualification gate ---------------------------------------------------------------

#[test]
fn a_no_answer_keeps_the_deal_in_step_one_until_overridden() {
    let mut deal = qualified();
    deal.qualification
        .answer(Q::CanWeWin, Some(Answer::No), "incumbent", t(1));
    let err = advance(&mut deal, "they have budget", d(2), t(2)).unwrap_err();
    assert_eq!(
        err,
        TransitionError::Gate(Gate::BlockedBy(vec![Q::CanWeWin]))
    );
    assert_eq!(err.key(), "deal.transition_error.gate_blocked");
    assert!(matches!(
        skip_to(&mut deal, Step::DiscoverNeeds, "known customer", t(2)),
        Err(TransitionError::Gate(_))
    ));
    assert_eq!(deal.step, Step::CustomerAnalysis);
    assert!(has_no_answer(&deal));

    deal.qualification
        .set_override("strategic reference", t(2))
        .unwrap();
    advance(&mut deal, "they have budget", d(2), t(2)).unwrap();
    assert_eq!(deal.step, Step::BuildingTrust);
    assert!(warnings(&deal, d(2)).contains(&DealWarning::Qualification(
        QualificationWarning::Overridden
    )));
}

#[test]
fn unanswered_questions_block_advance_but_not_a_reasoned_skip() {
    let mut deal = deal();
    assert!(matches!(
        advance(&mut deal, "x", d(2), t(2)),
        Err(TransitionError::Gate(Gate::Unanswered(_)))
    ));
    skip_to(
        &mut deal,
        Step::BuildingTrust,
        "existing customer, repeat order",
        t(2),
    )
    .unwrap();
    assert_eq!(deal.step, Step::BuildingTrust);
}

// -- skip needs a reason --------------------------------------------------------------

#[test]
fn skipping_needs_a_reason_kept_in_history() {
    let mut deal = qualified();
    assert_eq!(
        skip_to(&mut deal, Step::PresentingValue, " ", t(2)),
        Err(TransitionError::ReasonRequired)
    );
    assert_eq!(
        skip_to(&mut deal, Step::CustomerAnalysis, "x", t(2)),
        Err(TransitionError::NotForward)
    );
    skip_to(&mut deal, Step::PresentingValue, "tender published", t(2)).unwrap();
    assert_eq!(deal.step, Step::PresentingValue);
    assert_eq!(
        deal.history.last().unwrap().kind,
        StepEventKind::Skip {
            reason: "tender published".into()
        }
    );
    assert_eq!(deal.history.last().unwrap().from, Step::CustomerAnalysis);
}

#[test]
fn skipping_into_step_six_wins_the_deal() {
    let mut deal = qualified();
    skip_to(&mut deal, Step::FollowUpService, "signed at the fair", t(4)).unwrap();
    assert_eq!(
        deal.outcome,
        Outcome::Won {
            at: d(4),
            paid_on: None
        }
    );
}

#[test]
fn win_skips_to_commitment_then_confirms_the_contract() {
    let mut deal = qualified();
    assert_eq!(
        win(&mut deal, "contract", d(3), "", t(3)),
        Err(TransitionError::ReasonRequired)
    );
    assert_eq!(deal.step, Step::CustomerAnalysis, "nothing changed");
    win(&mut deal, "contract", d(3), "simple sale", t(3)).unwrap();
    assert_eq!(deal.step, Step::FollowUpService);
    assert_eq!(deal.history.len(), 2);
    assert!(matches!(deal.outcome, Outcome::Won { at, .. } if at == d(3)));
}

// -- back is recorded -----------------------------------------------------------------

#[test]
fn stepping_back_is_recorded() {
    let mut deal = qualified();
    skip_to(&mut deal, Step::WinningCommitment, "tender", t(2)).unwrap();
    assert_eq!(
        step_back(&mut deal, Step::WinningCommitment, "", t(3)),
        Err(TransitionError::NotBack)
    );
    step_back(&mut deal, Step::PresentingValue, "price reopened", t(3)).unwrap();
    assert_eq!(deal.step, Step::PresentingValue);
    assert_eq!(deal.step_entered_at, t(3));
    assert!(deal.is_open());
    let last = deal.history.last().unwrap();
    assert_eq!(
        (last.from, last.to),
        (Step::WinningCommitment, Step::PresentingValue)
    );
    assert_eq!(
        last.kind,
        StepEventKind::Back {
            reason: "price reopened".into()
        }
    );
    step_back(&mut deal, Step::BuildingTrust, "", t(4)).unwrap();
    assert_eq!(deal.history.len(), 3);
}

fn won() -> Deal {
    let mut deal = qualified();
    win(&mut deal, "contract signed", d(3), "simple sale", t(3)).unwrap();
    deal
}

#[test]
fn a_won_deal_does_not_move_by_any_step_move() {
    let mut deal = won();
    deal.probability_override = Some(90);
    let before = deal.clone();
    for to in Step::ALL.iter().filter(|s| **s != Step::FollowUpService) {
        assert_eq!(check_move(&deal, *to), Err(TransitionError::Won), "{to:?}");
        assert_eq!(
            step_back(&mut deal, *to, "customer changed its mind", t(4)),
            Err(TransitionError::Won),
            "{to:?}"
        );
    }
    assert_eq!(deal, before, "nothing changed: still won, win date kept");
    assert_eq!(probability(&deal), 100);
    assert_eq!(TransitionError::Won.key(), "deal.transition_error.won");
    // Confirming that every account is paid is still allowed in step 6.
    assert_eq!(check_move(&deal, Step::FollowUpService), Ok(()));
    advance(&mut deal, "paid in full", d(9), t(9)).unwrap();
    assert_eq!(
        check_move(&deal, Step::FollowUpService),
        Err(TransitionError::Finished)
    );
    // A won deal outside step 6 (an imported record) does not move either.
    let mut odd = qualified();
    odd.step = Step::PresentingValue;
    odd.outcome = Outcome::Won {
        at: d(2),
        paid_on: None,
    };
    assert_eq!(
        advance(&mut odd, "x", d(2), t(2)),
        Err(TransitionError::Won)
    );
    assert_eq!(
        skip_to(&mut odd, Step::FollowUpService, "x", t(2)),
        Err(TransitionError::Won)
    );
}

#[test]
fn closed_deals_do_not_move_until_reopened() {
    let mut deal = qualified();
    assert_eq!(
        mark_lost(&mut deal, d(2), " "),
        Err(CloseError::ReasonRequired)
    );
    mark_lost(&mut deal, d(2), "went with competitor").unwrap();
    assert_eq!(
        advance(&mut deal, "x", d(2), t(2)),
        Err(TransitionError::Closed)
    );
    assert_eq!(
        check_move(&deal, Step::BuildingTrust),
        Err(TransitionError::Closed)
    );
    assert_eq!(
        mark_declined(&mut deal, d(2), "x"),
        Err(CloseError::NotOpen)
    );
    assert_eq!(next_action(&deal), NextAction::Closed);
    assert!(warnings(&deal, d(30)).is_empty());
    assert_eq!(
        reopen(&mut deal, "  ", t(3)),
        Err(ReopenError::ReasonRequired)
    );
    assert!(!deal.is_open(), "a blank reason changes nothing");
    reopen(&mut deal, "the competitor could not deliver", t(3)).unwrap();
    assert!(deal.is_open());
    assert_eq!(
        deal.step,
        Step::CustomerAnalysis,
        "a lost deal keeps its step"
    );
    assert_eq!(
        deal.history.last().unwrap().kind,
        StepEventKind::Reopened {
            reason: "the competitor could not deliver".into(),
            previous_outcome: Outcome::Lost {
                at: d(2),
                reason: "went with competitor".into()
            }
        }
    );
    assert_eq!(
        reopen(&mut deal, "again", t(3)),
        Err(ReopenError::NotClosed)
    );
    advance(&mut deal, "x", d(2), t(3)).unwrap();
}

#[test]
fn reopening_a_win_needs_a_reason_goes_back_to_step_five_and_is_recorded() {
    let mut deal = won();
    deal.probability_override = Some(95);
    let history_len = deal.history.len();
    assert_eq!(
        reopen(&mut deal, "", t(4)),
        Err(ReopenError::ReasonRequired)
    );
    assert_eq!(deal.history.len(), history_len);
    reopen(&mut deal, " signature was not authorised ", t(4)).unwrap();
    assert!(deal.is_open());
    assert_eq!(deal.outcome, Outcome::Open);
    assert_eq!(deal.step, Step::WinningCommitment);
    assert_eq!(deal.step_entered_at, t(4));
    assert_eq!(deal.probability_override, None);
    assert_eq!(probability(&deal), 80, "the default of step 5");
    let last = deal.history.last().unwrap();
    assert_eq!(deal.history.len(), history_len + 1);
    assert_eq!(
        last,
        &StepEvent {
            at: t(4),
            from: Step::FollowUpService,
            to: Step::WinningCommitment,
            kind: StepEventKind::Reopened {
                reason: "signature was not authorised".into(),
                previous_outcome: Outcome::Won {
                    at: d(3),
                    paid_on: None
                },
            },
        }
    );
    assert_eq!(last.kind.key(), "step_event.reopened");
    // Open again: it moves like any deal, and a new contract wins it again.
    assert_eq!(check_move(&deal, Step::PresentingValue), Ok(()));
    advance(&mut deal, "signed again", d(5), t(5)).unwrap();
    assert!(matches!(deal.outcome, Outcome::Won { at, .. } if at == d(5)));
    // The history (with the reopen) survives a round trip.
    let json = serde_json::to_string(&deal).unwrap();
    assert!(json.contains("\"reopened\":{\"reason\":\"signature was not authorised\""));
    assert_eq!(serde_json::from_str::<Deal>(&json).unwrap(), deal);
}

#[test]
fn winning_sets_customer_since_only_when_empty() {
    let open = qualified();
    let won = won();
    let since = NaiveDate::from_ymd_opt(2020, 3, 1);
    assert_eq!(customer_since_on_win(Some(&open), &won, None), Some(d(3)));
    assert_eq!(customer_since_on_win(None, &won, None), Some(d(3)));
    assert_eq!(customer_since_on_win(Some(&open), &won, since), None);
    assert_eq!(
        customer_since_on_win(Some(&won), &won, None),
        None,
        "already won before this save"
    );
    assert_eq!(customer_since_on_win(Some(&open), &open, None), None);
    let mut lost = qualified();
    mark_lost(&mut lost, d(2), "price").unwrap();
    assert_eq!(customer_since_on_win(Some(&open), &lost, None), None);
}

#[test]
fn a_won_deal_warns_about_follow_up_only() {
    let mut deal = qualified();
    deal.qualification
        .answer(Q::CanWeWin, Some(Answer::Unsure), "incumbent", t(1));
    deal.qualification.set_override("strategic", t(1)).unwrap();
    deal.expected_close = Some(d(2));
    let w = warnings(&deal, d(20));
    assert!(
        w.contains(&DealWarning::Qualification(QualificationWarning::Unsure(
            Q::CanWeWin
        )))
    );
    assert!(w.contains(&DealWarning::Qualification(
        QualificationWarning::Overridden
    )));
    win(&mut deal, "contract", d(3), "simple sale", t(3)).unwrap();
    deal.buying_stage = Some(BuyingStage::InstallationAndUse);
    let w = warnings(&deal, d(20));
    assert!(
        !w.iter()
            .any(|w| matches!(w, DealWarning::Qualification(_) | DealWarning::Need(_))),
        "{w:?}"
    );
    assert!(!w.contains(&DealWarning::CloseDatePassed {
        expected_close: d(2)
    }));
    assert!(w.contains(&DealWarning::NoNextStep));
    assert!(w.iter().any(|w| matches!(w, DealWarning::BuyingStage(_))));
    set_next_step(&mut deal, "delivery check", d(25)).unwrap();
    deal.people.push(DealPerson {
        contact_id: new_id(),
        roles: vec![BuyingRole::User],
    });
    assert!(warnings(&deal, d(20)).is_empty());
}

#[test]
fn check_move_reports_the_gate_before_anything_is_typed() {
    let mut deal = deal();
    for q in Q::ALL {
        deal.qualification.answer(*q, Some(Answer::Yes), "", t(1));
    }
    deal.qualification
        .answer(Q::CanWeWin, Some(Answer::Unsure), "", t(1));
    let g = Gate::Unsure(vec![Q::CanWeWin]);
    assert_eq!(
        check_move(&deal, Step::BuildingTrust),
        Err(TransitionError::Gate(g.clone()))
    );
    assert_eq!(
        check_move(&deal, Step::DiscoverNeeds),
        Err(TransitionError::Gate(g.clone()))
    );
    assert_eq!(
        TransitionError::Gate(g.clone()).key(),
        "deal.transition_error.gate_unsure"
    );
    assert_eq!(
        advance(&mut deal, "", d(2), t(2)),
        Err(TransitionError::Gate(g.clone())),
        "the gate is reported before the missing evidence"
    );
    assert_eq!(
        skip_to(&mut deal, Step::DiscoverNeeds, "repeat order", t(2)),
        Err(TransitionError::Gate(g))
    );
    assert_eq!(deal.step, Step::CustomerAnalysis);
    deal.qualification.set_override("reference", t(2)).unwrap();
    assert_eq!(check_move(&deal, Step::BuildingTrust), Ok(()));
    advance(&mut deal, "budget approved", d(2), t(2)).unwrap();
    assert_eq!(deal.step, Step::BuildingTrust);
    // Unanswered questions block the end signal but not a reasoned skip.
    let fresh = Deal::new(new_id(), "x", eur(0), t(1));
    assert!(matches!(
        check_move(&fresh, Step::BuildingTrust),
        Err(TransitionError::Gate(Gate::Unanswered(_)))
    ));
    assert_eq!(check_move(&fresh, Step::DiscoverNeeds), Ok(()));
}

#[test]
fn an_override_passes_a_skip_but_not_an_advance_with_questions_unanswered() {
    let mut deal = deal();
    deal.qualification
        .answer(Q::IsThereAnOpportunity, Some(Answer::Yes), "", t(1));
    deal.qualification
        .answer(Q::CanWeWin, Some(Answer::Unsure), "", t(1));
    // Two questions unanswered: a reason covers the "unsure" for a skip only.
    assert!(!override_would_pass(&deal, Step::BuildingTrust));
    assert!(override_would_pass(&deal, Step::DiscoverNeeds));
    deal.qualification.set_override("reference", t(2)).unwrap();
    assert!(matches!(
        check_move(&deal, Step::BuildingTrust),
        Err(TransitionError::Gate(Gate::Unanswered(_)))
    ));
    assert_eq!(check_move(&deal, Step::DiscoverNeeds), Ok(()));
    deal.qualification.clear_override();
    // Every question answered: the reason is what is missing, for both.
    deal.qualification
        .answer(Q::DoWeHaveASolution, Some(Answer::Yes), "", t(2));
    deal.qualification
        .answer(Q::IsItWorthWinning, Some(Answer::No), "", t(2));
    assert!(override_would_pass(&deal, Step::BuildingTrust));
    assert!(override_would_pass(&deal, Step::DiscoverNeeds));
}

#[test]
fn board_moves_are_classified() {
    use Step::*;
    assert_eq!(classify_move(DiscoverNeeds, DiscoverNeeds), Move::Stay);
    assert_eq!(classify_move(DiscoverNeeds, PresentingValue), Move::Advance);
    assert_eq!(classify_move(DiscoverNeeds, WinningCommitment), Move::Skip);
    assert_eq!(classify_move(DiscoverNeeds, CustomerAnalysis), Move::Back);
}

#[test]
fn a_requested_move_to_the_current_step_confirms_its_end_signal() {
    use Step::*;
    assert_eq!(move_kind(FollowUpService, FollowUpService), Move::Advance);
    assert_eq!(move_kind(DiscoverNeeds, PresentingValue), Move::Advance);
    assert_eq!(move_kind(DiscoverNeeds, WinningCommitment), Move::Skip);
    assert_eq!(move_kind(DiscoverNeeds, CustomerAnalysis), Move::Back);
}

fn with_input(evidence: &str, on: Option<NaiveDate>, reason: &str, why: &str) -> MoveInput {
    MoveInput {
        evidence: evidence.into(),
        signal_date: on,
        reason: reason.into(),
        override_reason: why.into(),
    }
}

#[test]
fn move_to_advances_skips_and_steps_back_as_asked() {
    let mut deal = qualified();
    let err = move_to(
        &mut deal,
        Step::BuildingTrust,
        &with_input("they asked", None, "", ""),
        t(2),
    )
    .unwrap_err();
    assert_eq!(err, MoveError::SignalDateRequired);
    assert_eq!(err.key(), "deal.move_error.signal_date_required");
    assert_eq!(deal.step, Step::CustomerAnalysis);
    let input = with_input("they asked", Some(d(2)), "", "");
    move_to(&mut deal, Step::BuildingTrust, &input, t(2)).unwrap();
    assert_eq!(deal.step, Step::BuildingTrust);

    // A skip needs its reason; the date is not asked for.
    let err = move_to(
        &mut deal,
        Step::PresentingValue,
        &with_input("", None, " ", ""),
        t(3),
    )
    .unwrap_err();
    assert_eq!(err, MoveError::Transition(TransitionError::ReasonRequired));
    assert_eq!(err.key(), "deal.transition_error.reason_required");
    let input = with_input("", None, "they asked for a proposal", "");
    move_to(&mut deal, Step::PresentingValue, &input, t(3)).unwrap();
    assert_eq!(deal.step, Step::PresentingValue);

    move_to(&mut deal, Step::BuildingTrust, &MoveInput::default(), t(4)).unwrap();
    assert_eq!(deal.step, Step::BuildingTrust);
    assert_eq!(deal.history.len(), 3);
}

#[test]
fn an_override_given_with_a_move_is_kept_only_with_the_move() {
    let mut deal = qualified();
    deal.qualification
        .answer(Q::CanWeWin, Some(Answer::Unsure), "incumbent?", t(1));
    // Without an override reason the gate refuses, naming the question.
    let err = move_to(
        &mut deal,
        Step::BuildingTrust,
        &with_input("they asked", Some(d(2)), "", ""),
        t(2),
    )
    .unwrap_err();
    assert_eq!(
        err,
        MoveError::Transition(TransitionError::Gate(Gate::Unsure(vec![Q::CanWeWin])))
    );
    // With one, but the move refused (no evidence): neither is kept.
    let err = move_to(
        &mut deal,
        Step::BuildingTrust,
        &with_input("", Some(d(2)), "", "reference customer"),
        t(2),
    )
    .unwrap_err();
    assert_eq!(
        err,
        MoveError::Transition(TransitionError::EvidenceRequired)
    );
    assert_eq!(deal.qualification.gate_override, None);
    assert_eq!(deal.step, Step::CustomerAnalysis);
    // Both given: both kept.
    let input = with_input("they asked", Some(d(2)), "", "reference customer");
    move_to(&mut deal, Step::BuildingTrust, &input, t(2)).unwrap();
    assert_eq!(deal.step, Step::BuildingTrust);
    assert_eq!(
        deal.qualification
            .gate_override
            .as_ref()
            .map(|o| o.reason.as_str()),
        Some("reference customer")
    );
    // An override reason is not used when the gate does not ask for one.
    let mut open = qualified();
    let input = with_input("they asked", Some(d(2)), "", "not needed");
    move_to(&mut open, Step::BuildingTrust, &input, t(2)).unwrap();
    assert_eq!(open.qualification.gate_override, None);
}

// -- checklist and next action --------------------------------------------------------

#[test]
fn ticks_keep_a_date_and_drive_the_next_action() {
    let mut deal = deal();
    let first = ChecklistItem::new(Step::CustomerAnalysis, 1).unwrap();
    assert_eq!(next_action(&deal), NextAction::Do(first));
    tick(&mut deal, first, d(2));
    tick(&mut deal, first, d(3));
    assert_eq!(deal.checklist.len(), 1);
    assert_eq!(deal.ticked_on(first), Some(d(3)));
    assert_eq!(
        next_action(&deal),
        NextAction::Do(ChecklistItem::new(Step::CustomerAnalysis, 2).unwrap())
    );
    for item in Step::CustomerAnalysis.checklist() {
        tick(&mut deal, item, d(4));
    }
    assert!(matches!(
        next_action(&deal),
        NextAction::Qualify(Gate::Unanswered(_))
    ));
    for q in Q::ALL {
        deal.qualification.answer(*q, Some(Answer::Yes), "", t(4));
    }
    let action = next_action(&deal);
    assert_eq!(action, NextAction::ConfirmEndSignal(Step::CustomerAnalysis));
    assert_eq!(action.key(), "step.customer_analysis.confirm");
    untick(&mut deal, first);
    assert_eq!(next_action(&deal), NextAction::Do(first));
    // Once the records show the end signal (step 4's accepted proposal), confirming it is
    // next, whatever the checklist still holds.
    assert_eq!(
        next_action_given(&deal, true),
        NextAction::ConfirmEndSignal(Step::CustomerAnalysis)
    );
}

// -- warnings, people, next step ------------------------------------------------------

#[test]
fn a_next_step_needs_what_and_by_when() {
    assert_eq!(
        next_step("  ", None),
        Err(vec![
            NextStepError::TextRequired,
            NextStepError::DueRequired
        ])
    );
    assert_eq!(
        next_step("", Some(d(9))),
        Err(vec![NextStepError::TextRequired])
    );
    assert_eq!(
        next_step("call Ana", None),
        Err(vec![NextStepError::DueRequired])
    );
    assert_eq!(
        NextStepError::DueRequired.key(),
        "deal.error.next_step_due_required"
    );
    assert_eq!(
        next_step(" call Ana ", Some(d(9))),
        Ok(NextStep {
            text: "call Ana".into(),
            due: d(9),
        })
    );
}

#[test]
fn roles_competitors_and_needs_change_one_at_a_time() {
    let mut deal = deal();
    let (ana, ben) = (new_id(), new_id());
    set_person(&mut deal, ana, &[BuyingRole::Initiator]);
    set_role(&mut deal, ana, BuyingRole::DecisionMaker, true);
    set_role(&mut deal, ana, BuyingRole::DecisionMaker, true);
    assert_eq!(
        deal.people[0].roles,
        vec![BuyingRole::Initiator, BuyingRole::DecisionMaker]
    );
    set_role(&mut deal, ana, BuyingRole::Initiator, false);
    assert_eq!(deal.people[0].roles, vec![BuyingRole::DecisionMaker]);
    // Someone not on the deal joins it with the role.
    set_role(&mut deal, ben, BuyingRole::Evaluator, true);
    assert_eq!(deal.people_ids(), vec![ana, ben]);
    assert_eq!(deal.people[1].roles, vec![BuyingRole::Evaluator]);

    let (c1, c2) = (new_id(), new_id());
    set_competitor(&mut deal, c1, true);
    set_competitor(&mut deal, c2, true);
    set_competitor(&mut deal, c1, true);
    assert_eq!(deal.competitor_ids, vec![c2, c1]);
    set_competitor(&mut deal, c2, false);
    set_competitor(&mut deal, c2, false);
    assert_eq!(deal.competitor_ids, vec![c1]);

    let keep = crate::domain::needs::Need::new(
        crate::domain::needs::NeedLayer::Goal,
        "faster line",
        None,
        "",
    )
    .unwrap();
    let drop = crate::domain::needs::Need::new(
        crate::domain::needs::NeedLayer::Problem,
        "downtime",
        None,
        "",
    )
    .unwrap();
    deal.needs = vec![keep.clone(), drop.clone()];
    remove_need(&mut deal, drop.id);
    remove_need(&mut deal, new_id());
    assert_eq!(deal.needs, vec![keep]);
}

#[test]
fn warns_about_next_step_close_date_and_buying_roles() {
    let mut deal = qualified();
    assert_eq!(warnings(&deal, d(1)), vec![DealWarning::NoNextStep]);
    assert_eq!(
        set_next_step(&mut deal, " ", d(5)),
        Err(NextStepError::TextRequired)
    );
    set_next_step(&mut deal, "call the guide", d(5)).unwrap();
    assert!(warnings(&deal, d(5)).is_empty(), "due today is not overdue");
    assert_eq!(
        warnings(&deal, d(6)),
        vec![DealWarning::NextStepOverdue { due: d(5) }]
    );
    deal.expected_close = Some(d(4));
    deal.buying_stage = Some(BuyingStage::Evaluation);
    let w = warnings(&deal, d(5));
    assert!(w.contains(&DealWarning::CloseDatePassed {
        expected_close: d(4)
    }));
    assert!(
        w.contains(&DealWarning::BuyingStage(BuyingStageWarning::NoRole {
            stage: BuyingStage::Evaluation,
            role: BuyingRole::Evaluator
        }))
    );
    let c = new_id();
    set_person(
        &mut deal,
        c,
        &[BuyingRole::Evaluator, BuyingRole::Evaluator],
    );
    set_person(&mut deal, c, &[BuyingRole::Evaluator, BuyingRole::Designer]);
    assert_eq!(deal.people.len(), 1);
    assert_eq!(
        deal.people[0].roles,
        vec![BuyingRole::Designer, BuyingRole::Evaluator]
    );
    assert!(!warnings(&deal, d(5))
        .iter()
        .any(|w| matches!(w, DealWarning::BuyingStage(_))));
    remove_person(&mut deal, c);
    assert!(deal.people.is_empty());
}

// -- the form -------------------------------------------------------------------------

#[test]
fn draft_reports_every_field_error() {
    let draft = DealDraft {
        title: "  ".into(),
        value: "12,3456".into(),
        expected_close: "31/12/2026".into(),
        probability: "120".into(),
        ..Default::default()
    };
    let errs = draft.validate().unwrap_err();
    let problems: Vec<_> = errs.iter().map(|e| (e.field, e.problem)).collect();
    assert_eq!(
        problems,
        vec![
            ("account_id", FieldProblem::DealAccountRequired),
            ("title", FieldProblem::DealTitleRequired),
            ("value", FieldProblem::DealValueTooManyDecimals),
            ("expected_close", FieldProblem::DealDateInvalid),
            ("probability", FieldProblem::DealProbabilityInvalid),
        ]
    );
    let labels: Vec<_> = errs.iter().map(|e| e.label_key).collect();
    assert_eq!(
        labels,
        [
            "deal.field.account",
            "deal.field.title",
            "deal.field.value",
            "deal.field.expected_close",
            "deal.field.probability"
        ]
    );
    let bad = DealDraft {
        account_id: Some(new_id()),
        title: "x".into(),
        value: "abc".into(),
        currency: "EURO".into(),
        ..Default::default()
    };
    let problems: Vec<_> = bad
        .validate()
        .unwrap_err()
        .iter()
        .map(|e| e.problem)
        .collect();
    assert_eq!(problems, vec![FieldProblem::DealCurrencyInvalid]);
    let neg = DealDraft {
        value: "-5".into(),
        ..bad.clone()
    };
    let neg = DealDraft {
        currency: "usd".into(),
        ..neg
    };
    assert_eq!(
        neg.validate().unwrap_err()[0].problem,
        FieldProblem::DealValueNegative
    );
}

#[test]
fn draft_creates_and_round_trips_a_deal() {
    let account = new_id();
    let draft = DealDraft {
        account_id: Some(account),
        title: " Fleet renewal ".into(),
        value: "12 500,50".into(),
        currency: "usd".into(),
        expected_close: "2026-06-30".into(),
        probability: "40%".into(),
        owner: " AK ".into(),
    };
    let deal = draft.create(t(1)).unwrap();
    assert_eq!(deal.title, "Fleet renewal");
    assert_eq!(
        deal.value,
        Money::new(1_250_050, Currency::parse("USD").unwrap())
    );
    assert_eq!(deal.expected_close, NaiveDate::from_ymd_opt(2026, 6, 30));
    assert_eq!(deal.probability_override, Some(40));
    assert_eq!(deal.owner, "AK");
    assert_eq!(deal.step, Step::CustomerAnalysis);
    let again = DealDraft::from_deal(&deal);
    let mut copy = deal.clone();
    again.apply(&mut copy).unwrap();
    assert_eq!(copy, deal);
    let empty_value = DealDraft {
        value: String::new(),
        currency: String::new(),
        ..draft
    };
    assert_eq!(empty_value.validate().unwrap().value, eur(0));
}

#[test]
fn a_deal_round_trips_through_json_and_reads_sparse_records() {
    let mut deal = qualified();
    advance(&mut deal, "signal", d(2), t(2)).unwrap();
    step_back(&mut deal, Step::CustomerAnalysis, "", t(3)).unwrap();
    tick(
        &mut deal,
        ChecklistItem::new(Step::CustomerAnalysis, 2).unwrap(),
        d(3),
    );
    set_person(&mut deal, new_id(), &[BuyingRole::Initiator]);
    let json = serde_json::to_string(&deal).unwrap();
    assert!(json.contains("\"kind\":{\"advance\":{\"signal_evidence\":\"signal\""));
    assert_eq!(serde_json::from_str::<Deal>(&json).unwrap(), deal);
    let sparse = serde_json::json!({
        "id": deal.id, "created_at": t(1), "updated_at": t(1), "rev": 1,
        "account_id": deal.account_id, "title": "t",
        "value": {"minor": 5, "currency": "EUR"}, "step_entered_at": t(1),
        "some_future_field": true
    });
    let read: Deal = serde_json::from_value(sparse).unwrap();
    assert_eq!(read.step, Step::CustomerAnalysis);
    assert_eq!(read.outcome, Outcome::Open);
}

#[test]
fn the_competitive_analysis_warnings_are_counted_from_presenting_value_on() {
    let mut deal = qualified();
    deal.step = Step::DiscoverNeeds;
    deal.people.push(DealPerson {
        contact_id: new_id(),
        roles: vec![BuyingRole::DecisionMaker],
    });
    set_next_step(&mut deal, "demo", d(25)).unwrap();
    let competitive = |w: &[DealWarning]| {
        w.iter().find_map(|w| match w {
            DealWarning::Competitive(n) => Some(*n),
            _ => None,
        })
    };
    // Step 3 with no analysis started: the decision maker without an action is not yet
    // the step's work.
    assert_eq!(competitive(&warnings(&deal, d(20))), None);
    deal.step = Step::PresentingValue;
    assert_eq!(competitive(&warnings(&deal, d(20))), Some(1));
    assert_eq!(
        crate::domain::deal_sections::fixed_in(&DealWarning::Competitive(1)),
        Some(crate::domain::deal_sections::DealSection::Competitive)
    );
    // A won deal no longer needs its analysis.
    win(&mut deal, "contract", d(3), "simple sale", t(3)).unwrap();
    assert_eq!(competitive(&warnings(&deal, d(20))), None);
}
