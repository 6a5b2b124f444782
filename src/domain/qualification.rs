//! Step 1 — customer analysis: judging the opportunity with the method's four questions.
//!
//! "Is there an opportunity? Do we have a solution? Can we win? Is it worth winning? If yes,
//! move on at once; if not, stay in analysis." Each question is answered yes / no / unsure
//! with a note. The gate that lets a deal leave step 1 opens on **four yeses** only:
//!
//! * **Unanswered blocks.** Every question must be answered before the end signal of step 1
//!   can be confirmed (answering "unsure" takes one click, and makes the rep think). No
//!   override excuses an unanswered question.
//! * **"No" and "unsure" block unless overridden.** An override needs a written reason and
//!   covers the answers that were not "yes" when it was given: a "no" it covers stays
//!   covered if it softens to "unsure", but a question that turns "no" or "unsure" later,
//!   or an "unsure" that hardens to "no", is not covered and blocks again.
//! * Every "unsure" answer also produces a warning, shown until it is answered otherwise.
//!
//! When several reasons keep the gate closed, [`gate`] reports the strongest first:
//! uncovered "no" answers ([`Gate::BlockedBy`]), then uncovered "unsure" answers
//! ([`Gate::Unsure`]), then unanswered questions ([`Gate::Unanswered`]).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The four questions that judge a sales opportunity, in the method's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QualifyingQuestion {
    IsThereAnOpportunity,
    DoWeHaveASolution,
    CanWeWin,
    IsItWorthWinning,
}

crate::keyed_enum!(QualifyingQuestion, "qualification.question", {
    IsThereAnOpportunity => "is_there_an_opportunity",
    DoWeHaveASolution => "do_we_have_a_solution",
    CanWeWin => "can_we_win",
    IsItWorthWinning => "is_it_worth_winning",
}, hint_key = ".hint");

/// A rep's answer to one qualifying question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    No,
    Unsure,
}

impl Answer {
    pub const ALL: &'static [Self] = &[Self::Yes, Self::No, Self::Unsure];
}

crate::keyed_enum!(Answer, {
    Self::Yes => "qualification.answer.yes",
    Self::No => "qualification.answer.no",
    Self::Unsure => "qualification.answer.unsure",
});

/// One question's answer (if given yet), the rep's note and when it was last answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Response {
    #[serde(default)]
    pub answer: Option<Answer>,
    #[serde(default)]
    pub note: String,
    #[serde(default, deserialize_with = "crate::domain::stamp::de_opt")]
    pub answered_at: Option<DateTime<Utc>>,
}

/// Leaving step 1 although not every answer is "yes", with the rep's written reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Override {
    pub reason: String,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub at: DateTime<Utc>,
    /// The questions that were "no" when the override was given.
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub covers: Vec<QualifyingQuestion>,
    /// The questions that were "unsure" when the override was given (absent in records
    /// written before "unsure" needed an override).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub covers_unsure: Vec<QualifyingQuestion>,
}

impl Override {
    /// Whether the override covers question `q` answered `answer`: a "no" only if it was
    /// "no" when the override was given; an "unsure" if it was "no" or "unsure" then.
    pub fn covers(&self, q: QualifyingQuestion, answer: Option<Answer>) -> bool {
        match answer {
            Some(Answer::No) => self.covers.contains(&q),
            Some(Answer::Unsure) => self.covers.contains(&q) || self.covers_unsure.contains(&q),
            _ => false,
        }
    }
}

/// The four answers of a deal, plus an override when one was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Qualification {
    #[serde(default)]
    pub is_there_an_opportunity: Response,
    #[serde(default)]
    pub do_we_have_a_solution: Response,
    #[serde(default)]
    pub can_we_win: Response,
    #[serde(default)]
    pub is_it_worth_winning: Response,
    #[serde(default)]
    pub gate_override: Option<Override>,
}

/// Whether a deal may leave step 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    /// Four yeses, or every answer that is not "yes" is covered by an override.
    Open,
    /// These questions are answered "no" and no override covers them.
    BlockedBy(Vec<QualifyingQuestion>),
    /// No uncovered "no", but these questions are answered "unsure" and no override covers
    /// them.
    Unsure(Vec<QualifyingQuestion>),
    /// Every answer given is "yes" or covered, but these questions have no answer yet.
    Unanswered(Vec<QualifyingQuestion>),
}

impl Gate {
    pub fn is_open(&self) -> bool {
        matches!(self, Gate::Open)
    }

    /// Closed by answers a written override can cover ("no" or "unsure").
    pub fn can_be_overridden(&self) -> bool {
        matches!(self, Gate::BlockedBy(_) | Gate::Unsure(_))
    }

    /// The questions that keep the gate closed (none when it is open).
    pub fn questions(&self) -> &[QualifyingQuestion] {
        match self {
            Gate::Open => &[],
            Gate::BlockedBy(qs) | Gate::Unsure(qs) | Gate::Unanswered(qs) => qs,
        }
    }
}

crate::keyed_enum!(Gate, {
    Gate::Open => "qualification.gate.open",
    Gate::BlockedBy(_) => "qualification.gate.blocked",
    Gate::Unsure(_) => "qualification.gate.unsure",
    Gate::Unanswered(_) => "qualification.gate.unanswered",
});

/// Something the rep should see about the qualification, without blocking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QualificationWarning {
    /// The rep is unsure about this question.
    Unsure(QualifyingQuestion),
    /// The deal left (or may leave) step 1 on an override of answers that are not "yes".
    Overridden,
}

crate::keyed_enum!(QualificationWarning, {
    Self::Unsure(QualifyingQuestion::IsThereAnOpportunity) => "qualification.warning.unsure.is_there_an_opportunity",
    Self::Unsure(QualifyingQuestion::DoWeHaveASolution) => "qualification.warning.unsure.do_we_have_a_solution",
    Self::Unsure(QualifyingQuestion::CanWeWin) => "qualification.warning.unsure.can_we_win",
    Self::Unsure(QualifyingQuestion::IsItWorthWinning) => "qualification.warning.unsure.is_it_worth_winning",
    Self::Overridden => "qualification.warning.overridden",
});

/// Why an override was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverrideError {
    /// The reason is empty.
    ReasonRequired,
    /// No question is answered "no" or "unsure": there is nothing to override.
    NothingToOverride,
}

crate::keyed_enum!(OverrideError, {
    Self::ReasonRequired => "qualification.error.reason_required",
    Self::NothingToOverride => "qualification.error.nothing_to_override",
});

impl Qualification {
    pub fn response(&self, q: QualifyingQuestion) -> &Response {
        match q {
            QualifyingQuestion::IsThereAnOpportunity => &self.is_there_an_opportunity,
            QualifyingQuestion::DoWeHaveASolution => &self.do_we_have_a_solution,
            QualifyingQuestion::CanWeWin => &self.can_we_win,
            QualifyingQuestion::IsItWorthWinning => &self.is_it_worth_winning,
        }
    }

    fn response_mut(&mut self, q: QualifyingQuestion) -> &mut Response {
        match q {
            QualifyingQuestion::IsThereAnOpportunity => &mut self.is_there_an_opportunity,
            QualifyingQuestion::DoWeHaveASolution => &mut self.do_we_have_a_solution,
            QualifyingQuestion::CanWeWin => &mut self.can_we_win,
            QualifyingQuestion::IsItWorthWinning => &mut self.is_it_worth_winning,
        }
    }

    pub fn answer_of(&self, q: QualifyingQuestion) -> Option<Answer> {
        self.response(q).answer
    }

    /// Records an answer (or clears it with `None`) and its note, at `now`.
    pub fn answer(
        &mut self,
        q: QualifyingQuestion,
        answer: Option<Answer>,
        note: &str,
        now: DateTime<Utc>,
    ) {
        let r = self.response_mut(q);
        r.answer = answer;
        r.note = note.trim().to_string();
        r.answered_at = answer.map(|_| now);
    }

    /// Records the answer and note as given when either differs from what is recorded
    /// (the note compared trimmed), so that re-saving an unchanged answer keeps the date
    /// it was given. Returns whether anything changed.
    pub fn reanswer(
        &mut self,
        q: QualifyingQuestion,
        answer: Option<Answer>,
        note: &str,
        now: DateTime<Utc>,
    ) -> bool {
        let r = self.response(q);
        let changed = r.answer != answer || r.note != note.trim();
        if changed {
            self.answer(q, answer, note, now);
        }
        changed
    }

    /// The questions answered with `answer`, in the method's order.
    pub fn with_answer(&self, answer: Option<Answer>) -> Vec<QualifyingQuestion> {
        QualifyingQuestion::ALL
            .iter()
            .copied()
            .filter(|q| self.answer_of(*q) == answer)
            .collect()
    }

    /// The questions answered but not "yes" ("no" or "unsure"), with their answers, in the
    /// method's order.
    pub fn not_yes(&self) -> Vec<(QualifyingQuestion, Answer)> {
        QualifyingQuestion::ALL
            .iter()
            .filter_map(|q| match self.answer_of(*q) {
                Some(a @ (Answer::No | Answer::Unsure)) => Some((*q, a)),
                _ => None,
            })
            .collect()
    }

    /// Overrides the current "no" and "unsure" answers with a written reason (replacing an
    /// earlier override).
    pub fn set_override(&mut self, reason: &str, now: DateTime<Utc>) -> Result<(), OverrideError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(OverrideError::ReasonRequired);
        }
        let covers = self.with_answer(Some(Answer::No));
        let covers_unsure = self.with_answer(Some(Answer::Unsure));
        if covers.is_empty() && covers_unsure.is_empty() {
            return Err(OverrideError::NothingToOverride);
        }
        self.gate_override = Some(Override {
            reason: reason.to_string(),
            at: now,
            covers,
            covers_unsure,
        });
        Ok(())
    }

    /// Whether the override in force covers question `q` as it is answered now.
    pub fn is_covered(&self, q: QualifyingQuestion) -> bool {
        self.gate_override
            .as_ref()
            .is_some_and(|o| o.covers(q, self.answer_of(q)))
    }

    pub fn clear_override(&mut self) {
        self.gate_override = None;
    }
}

/// Whether the deal may leave step 1 (see the module notes for the rules).
pub fn gate(q: &Qualification) -> Gate {
    let uncovered = |answer: Answer| -> Vec<QualifyingQuestion> {
        q.with_answer(Some(answer))
            .into_iter()
            .filter(|x| !q.is_covered(*x))
            .collect()
    };
    let blocked = uncovered(Answer::No);
    if !blocked.is_empty() {
        return Gate::BlockedBy(blocked);
    }
    let unsure = uncovered(Answer::Unsure);
    if !unsure.is_empty() {
        return Gate::Unsure(unsure);
    }
    let unanswered = q.with_answer(None);
    if !unanswered.is_empty() {
        return Gate::Unanswered(unanswered);
    }
    Gate::Open
}

/// Warnings to show while the deal is being sold: one per "unsure" answer, and one when an
/// override covers an answer that is still not "yes".
pub fn warnings(q: &Qualification) -> Vec<QualificationWarning> {
    let mut out: Vec<_> = q
        .with_answer(Some(Answer::Unsure))
        .into_iter()
        .map(QualificationWarning::Unsure)
        .collect();
    if QualifyingQuestion::ALL.iter().any(|x| q.is_covered(*x)) {
        out.push(QualificationWarning::Overridden);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use QualifyingQuestion as Q;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap()
    }

    fn all(answer: Answer) -> Qualification {
        let mut q = Qualification::default();
        for x in Q::ALL {
            q.answer(*x, Some(answer), "", now());
        }
        q
    }

    #[test]
    fn unanswered_questions_keep_the_gate_closed() {
        let q = Qualification::default();
        assert_eq!(gate(&q), Gate::Unanswered(Q::ALL.to_vec()));
        let mut q = all(Answer::Yes);
        q.answer(Q::CanWeWin, None, "", now());
        assert_eq!(gate(&q), Gate::Unanswered(vec![Q::CanWeWin]));
        assert_eq!(q.response(Q::CanWeWin).answered_at, None);
    }

    #[test]
    fn reanswering_the_same_keeps_the_date_and_a_change_dates_it_anew() {
        let later = now() + chrono::Duration::days(3);
        let mut q = all(Answer::Yes);
        q.answer(Q::CanWeWin, Some(Answer::Unsure), "incumbent?", now());
        // The same answer, the note with spaces around it: nothing changes.
        assert!(!q.reanswer(Q::CanWeWin, Some(Answer::Unsure), " incumbent? ", later));
        assert_eq!(q.response(Q::CanWeWin).answered_at, Some(now()));
        // Another note is a new answer.
        assert!(q.reanswer(
            Q::CanWeWin,
            Some(Answer::Unsure),
            "spec favours them",
            later
        ));
        assert_eq!(q.response(Q::CanWeWin).note, "spec favours them");
        assert_eq!(q.response(Q::CanWeWin).answered_at, Some(later));
        // Another answer too; clearing it clears the date.
        assert!(q.reanswer(Q::IsItWorthWinning, Some(Answer::No), "", later));
        assert_eq!(q.answer_of(Q::IsItWorthWinning), Some(Answer::No));
        assert!(q.reanswer(Q::IsItWorthWinning, None, "", later));
        assert_eq!(q.response(Q::IsItWorthWinning).answered_at, None);
        assert!(!q.reanswer(Q::IsItWorthWinning, None, "", later));
    }

    #[test]
    fn four_yes_open_the_gate() {
        assert_eq!(gate(&all(Answer::Yes)), Gate::Open);
        assert!(warnings(&all(Answer::Yes)).is_empty());
    }

    #[test]
    fn unsure_blocks_until_overridden_and_warns() {
        let mut q = all(Answer::Yes);
        q.answer(Q::CanWeWin, Some(Answer::Unsure), "incumbent?", now());
        assert_eq!(gate(&q), Gate::Unsure(vec![Q::CanWeWin]));
        assert_eq!(gate(&q).key(), "qualification.gate.unsure");
        assert!(gate(&q).can_be_overridden());
        assert_eq!(
            warnings(&q),
            vec![QualificationWarning::Unsure(Q::CanWeWin)]
        );
        assert_eq!(q.response(Q::CanWeWin).note, "incumbent?");
        assert_eq!(q.not_yes(), vec![(Q::CanWeWin, Answer::Unsure)]);
        q.set_override("reference customer, worth the try", now())
            .unwrap();
        assert_eq!(gate(&q), Gate::Open);
        assert_eq!(
            warnings(&q),
            vec![
                QualificationWarning::Unsure(Q::CanWeWin),
                QualificationWarning::Overridden
            ]
        );
    }

    #[test]
    fn an_unsure_override_does_not_cover_a_later_no_but_a_no_override_covers_unsure() {
        let mut q = all(Answer::Yes);
        q.answer(Q::CanWeWin, Some(Answer::Unsure), "", now());
        q.set_override("try", now()).unwrap();
        q.answer(Q::CanWeWin, Some(Answer::No), "", now());
        assert_eq!(gate(&q), Gate::BlockedBy(vec![Q::CanWeWin]));
        q.answer(Q::CanWeWin, Some(Answer::Unsure), "", now());
        assert_eq!(gate(&q), Gate::Open);
        q.answer(Q::IsItWorthWinning, Some(Answer::Unsure), "", now());
        assert_eq!(gate(&q), Gate::Unsure(vec![Q::IsItWorthWinning]));

        let mut q = all(Answer::Yes);
        q.answer(Q::CanWeWin, Some(Answer::No), "", now());
        q.set_override("strategic", now()).unwrap();
        q.answer(Q::CanWeWin, Some(Answer::Unsure), "", now());
        assert_eq!(gate(&q), Gate::Open, "a softened no stays covered");
        q.answer(Q::CanWeWin, Some(Answer::Yes), "", now());
        assert_eq!(gate(&q), Gate::Open);
        assert!(warnings(&q).is_empty(), "nothing left to override");
    }

    /// Every combination of the four answers (yes, no, unsure, unanswered), without and
    /// with an override given on those answers: the gate opens on four yeses only, or
    /// when every answer is given and an override covers the ones that are not yes.
    #[test]
    fn the_gate_for_every_combination_of_answers_with_and_without_override() {
        let choices = [
            Some(Answer::Yes),
            Some(Answer::No),
            Some(Answer::Unsure),
            None,
        ];
        let mut combinations = 0;
        for n in 0..4usize.pow(4) {
            let answers: Vec<Option<Answer>> =
                (0..4).map(|i| choices[(n / 4usize.pow(i)) % 4]).collect();
            let mut q = Qualification::default();
            for (x, a) in Q::ALL.iter().zip(&answers) {
                q.answer(*x, *a, "", now());
            }
            let with = |a: Option<Answer>| -> Vec<Q> {
                Q::ALL
                    .iter()
                    .zip(&answers)
                    .filter(|(_, b)| **b == a)
                    .map(|(x, _)| *x)
                    .collect()
            };
            let (no, unsure, none) = (
                with(Some(Answer::No)),
                with(Some(Answer::Unsure)),
                with(None),
            );
            let label = format!("{answers:?}");

            // Without an override: only four yeses open the gate.
            let expected = if !no.is_empty() {
                Gate::BlockedBy(no.clone())
            } else if !unsure.is_empty() {
                Gate::Unsure(unsure.clone())
            } else if !none.is_empty() {
                Gate::Unanswered(none.clone())
            } else {
                Gate::Open
            };
            assert_eq!(gate(&q), expected, "{label} without override");
            assert_eq!(
                gate(&q).is_open(),
                answers.iter().all(|a| *a == Some(Answer::Yes)),
                "{label}"
            );

            // An override needs a written reason, whatever the answers.
            assert_eq!(
                q.clone().set_override("  ", now()),
                Err(OverrideError::ReasonRequired),
                "{label}"
            );
            // With an override: it covers every "no" and "unsure"; unanswered still blocks.
            let given = q.set_override("strategic account", now());
            if no.is_empty() && unsure.is_empty() {
                assert_eq!(given, Err(OverrideError::NothingToOverride), "{label}");
            } else {
                assert_eq!(given, Ok(()), "{label}");
            }
            let expected = if none.is_empty() {
                Gate::Open
            } else {
                Gate::Unanswered(none.clone())
            };
            assert_eq!(gate(&q), expected, "{label} with override");
            combinations += 1;
        }
        assert_eq!(combinations, 256);
    }

    #[test]
    fn a_no_blocks_and_is_reported_before_unanswered() {
        let mut q = Qualification::default();
        q.answer(Q::CanWeWin, Some(Answer::No), "incumbent is strong", now());
        assert_eq!(gate(&q), Gate::BlockedBy(vec![Q::CanWeWin]));
    }

    #[test]
    fn an_override_needs_a_reason_and_a_no() {
        let mut q = all(Answer::Yes);
        assert_eq!(
            q.set_override("because", now()),
            Err(OverrideError::NothingToOverride)
        );
        q.answer(Q::CanWeWin, Some(Answer::No), "", now());
        assert_eq!(
            q.set_override("  ", now()),
            Err(OverrideError::ReasonRequired)
        );
        assert_eq!(gate(&q), Gate::BlockedBy(vec![Q::CanWeWin]));
        q.set_override("strategic reference customer", now())
            .unwrap();
        assert_eq!(gate(&q), Gate::Open);
        assert_eq!(warnings(&q), vec![QualificationWarning::Overridden]);
    }

    #[test]
    fn an_override_covers_only_the_no_answers_it_was_given_for() {
        let mut q = all(Answer::Yes);
        q.answer(Q::CanWeWin, Some(Answer::No), "", now());
        q.set_override("worth a try", now()).unwrap();
        q.answer(Q::IsItWorthWinning, Some(Answer::No), "", now());
        assert_eq!(gate(&q), Gate::BlockedBy(vec![Q::IsItWorthWinning]));
        q.clear_override();
        assert_eq!(
            gate(&q),
            Gate::BlockedBy(vec![Q::CanWeWin, Q::IsItWorthWinning])
        );
    }

    #[test]
    fn an_override_does_not_excuse_unanswered_questions() {
        let mut q = Qualification::default();
        q.answer(Q::CanWeWin, Some(Answer::No), "", now());
        q.set_override("strategic", now()).unwrap();
        assert_eq!(
            gate(&q),
            Gate::Unanswered(vec![
                Q::IsThereAnOpportunity,
                Q::DoWeHaveASolution,
                Q::IsItWorthWinning
            ])
        );
    }

    #[test]
    fn serialises_with_snake_case_names_and_reads_old_records() {
        let mut q = Qualification::default();
        q.answer(Q::CanWeWin, Some(Answer::Unsure), "n", now());
        let json = serde_json::to_string(&q).unwrap();
        assert!(json.contains("\"can_we_win\":{\"answer\":\"unsure\""));
        let back: Qualification = serde_json::from_str(&json).unwrap();
        assert_eq!(back, q);
        let empty: Qualification = serde_json::from_value(serde_json::json!({})).unwrap();
        assert_eq!(empty, Qualification::default());
        // An override written before "unsure" needed one still covers its "no" answers.
        let old: Qualification = serde_json::from_value(serde_json::json!({
            "can_we_win": {"answer": "no"},
            "is_there_an_opportunity": {"answer": "yes"},
            "do_we_have_a_solution": {"answer": "yes"},
            "is_it_worth_winning": {"answer": "yes"},
            "gate_override": {"reason": "r", "at": now(), "covers": ["can_we_win"]}
        }))
        .unwrap();
        assert_eq!(gate(&old), Gate::Open);
        let json = serde_json::to_string(&old).unwrap();
        assert!(!json.contains("covers_unsure"), "unchanged when not needed");
    }
}
