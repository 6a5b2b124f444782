//! Step 1 — customer analysis: judging the opportunity with the method's four questions.
//!
//! "Is there an opportunity? Do we have a solution? Can we win? Is it worth winning? If yes,
//! move on at once; if not, stay in analysis." Each question is answered yes / no / unsure
//! with a note. The gate that lets a deal leave step 1 follows these rules:
//!
//! * **Unanswered blocks.** Every question must be answered before the end signal of step 1
//!   can be confirmed (answering "unsure" takes one click, and makes the rep think).
//! * **"No" blocks unless overridden.** An override needs a written reason and covers the
//!   questions that were "no" when it was given; a question that turns "no" later is not
//!   covered and blocks again.
//! * **"Unsure" is allowed** but produces a warning per question, shown until it is answered.
//!
//! When a question is both "no" and others unanswered, [`gate`] reports the "no" answers
//! ([`Gate::BlockedBy`]) first: they are the stronger reason to stay in analysis.

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

impl QualifyingQuestion {
    pub const ALL: &'static [Self] = &[
        Self::IsThereAnOpportunity,
        Self::DoWeHaveASolution,
        Self::CanWeWin,
        Self::IsItWorthWinning,
    ];

    /// The question itself.
    pub fn key(&self) -> &'static str {
        match self {
            Self::IsThereAnOpportunity => "qualification.question.is_there_an_opportunity",
            Self::DoWeHaveASolution => "qualification.question.do_we_have_a_solution",
            Self::CanWeWin => "qualification.question.can_we_win",
            Self::IsItWorthWinning => "qualification.question.is_it_worth_winning",
        }
    }

    /// A line helping the rep answer it.
    pub fn hint_key(&self) -> &'static str {
        match self {
            Self::IsThereAnOpportunity => "qualification.question.is_there_an_opportunity.hint",
            Self::DoWeHaveASolution => "qualification.question.do_we_have_a_solution.hint",
            Self::CanWeWin => "qualification.question.can_we_win.hint",
            Self::IsItWorthWinning => "qualification.question.is_it_worth_winning.hint",
        }
    }
}

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

    pub fn key(&self) -> &'static str {
        match self {
            Self::Yes => "qualification.answer.yes",
            Self::No => "qualification.answer.no",
            Self::Unsure => "qualification.answer.unsure",
        }
    }
}

/// One question's answer (if given yet), the rep's note and when it was last answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Response {
    #[serde(default)]
    pub answer: Option<Answer>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub answered_at: Option<DateTime<Utc>>,
}

/// Leaving step 1 despite "no" answers, with the rep's written reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Override {
    pub reason: String,
    pub at: DateTime<Utc>,
    /// The questions that were "no" when the override was given.
    #[serde(default)]
    pub covers: Vec<QualifyingQuestion>,
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
    /// Every question is answered and no "no" stands un-overridden.
    Open,
    /// These questions are answered "no" and no override covers them.
    BlockedBy(Vec<QualifyingQuestion>),
    /// These questions have no answer yet.
    Unanswered(Vec<QualifyingQuestion>),
}

impl Gate {
    pub fn is_open(&self) -> bool {
        matches!(self, Gate::Open)
    }

    pub fn key(&self) -> &'static str {
        match self {
            Gate::Open => "qualification.gate.open",
            Gate::BlockedBy(_) => "qualification.gate.blocked",
            Gate::Unanswered(_) => "qualification.gate.unanswered",
        }
    }
}

/// Something the rep should see about the qualification, without blocking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QualificationWarning {
    /// The rep is unsure about this question.
    Unsure(QualifyingQuestion),
    /// The deal left (or may leave) step 1 on an override.
    Overridden,
}

impl QualificationWarning {
    pub fn key(&self) -> &'static str {
        match self {
            Self::Unsure(QualifyingQuestion::IsThereAnOpportunity) => {
                "qualification.warning.unsure.is_there_an_opportunity"
            }
            Self::Unsure(QualifyingQuestion::DoWeHaveASolution) => {
                "qualification.warning.unsure.do_we_have_a_solution"
            }
            Self::Unsure(QualifyingQuestion::CanWeWin) => "qualification.warning.unsure.can_we_win",
            Self::Unsure(QualifyingQuestion::IsItWorthWinning) => {
                "qualification.warning.unsure.is_it_worth_winning"
            }
            Self::Overridden => "qualification.warning.overridden",
        }
    }
}

/// Why an override was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverrideError {
    /// The reason is empty.
    ReasonRequired,
    /// No question is answered "no": there is nothing to override.
    NothingToOverride,
}

impl OverrideError {
    pub fn key(&self) -> &'static str {
        match self {
            Self::ReasonRequired => "qualification.error.reason_required",
            Self::NothingToOverride => "qualification.error.nothing_to_override",
        }
    }
}

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

    /// The questions answered with `answer`, in the method's order.
    pub fn with_answer(&self, answer: Option<Answer>) -> Vec<QualifyingQuestion> {
        QualifyingQuestion::ALL
            .iter()
            .copied()
            .filter(|q| self.answer_of(*q) == answer)
            .collect()
    }

    /// Overrides the current "no" answers with a written reason.
    pub fn set_override(&mut self, reason: &str, now: DateTime<Utc>) -> Result<(), OverrideError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(OverrideError::ReasonRequired);
        }
        let covers = self.with_answer(Some(Answer::No));
        if covers.is_empty() {
            return Err(OverrideError::NothingToOverride);
        }
        self.gate_override = Some(Override {
            reason: reason.to_string(),
            at: now,
            covers,
        });
        Ok(())
    }

    pub fn clear_override(&mut self) {
        self.gate_override = None;
    }
}

/// Whether the deal may leave step 1 (see the module notes for the rules).
pub fn gate(q: &Qualification) -> Gate {
    let covered: &[QualifyingQuestion] = q.gate_override.as_ref().map_or(&[], |o| &o.covers);
    let blocked: Vec<_> = q
        .with_answer(Some(Answer::No))
        .into_iter()
        .filter(|x| !covered.contains(x))
        .collect();
    if !blocked.is_empty() {
        return Gate::BlockedBy(blocked);
    }
    let unanswered = q.with_answer(None);
    if !unanswered.is_empty() {
        return Gate::Unanswered(unanswered);
    }
    Gate::Open
}

/// Non-blocking warnings: one per "unsure" answer, and one when an override is in use.
pub fn warnings(q: &Qualification) -> Vec<QualificationWarning> {
    let mut out: Vec<_> = q
        .with_answer(Some(Answer::Unsure))
        .into_iter()
        .map(QualificationWarning::Unsure)
        .collect();
    let overridden_no = q
        .gate_override
        .as_ref()
        .is_some_and(|o| o.covers.iter().any(|x| q.answer_of(*x) == Some(Answer::No)));
    if overridden_no {
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
    fn four_yes_open_the_gate() {
        assert_eq!(gate(&all(Answer::Yes)), Gate::Open);
        assert!(warnings(&all(Answer::Yes)).is_empty());
    }

    #[test]
    fn unsure_is_allowed_with_a_warning() {
        let mut q = all(Answer::Yes);
        q.answer(Q::IsItWorthWinning, Some(Answer::Unsure), "margin?", now());
        assert_eq!(gate(&q), Gate::Open);
        assert_eq!(
            warnings(&q),
            vec![QualificationWarning::Unsure(Q::IsItWorthWinning)]
        );
        assert_eq!(q.response(Q::IsItWorthWinning).note, "margin?");
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
    }
}
