//! Step 2 — building trust: communication styles per person and how to deal with each.
//!
//! Anyone can show any style at times, and no style is good or bad (METHOD.md). The style
//! is judged either directly or with a short questionnaire on the two classic axes:
//! - **assertiveness** — asks (−) vs tells (+): conversation, decisions, pace, risk;
//! - **responsiveness** — task (−) vs people (+): topics, feelings, use of time, values.
//!
//! | | task (−) | people (+) |
//! |---|---|---|
//! | **tells (+)** | driver | expressive |
//! | **asks (−)** | analytical | amiable |
//!
//! Scoring: every answer is 0..=3, from the "asks"/"task" pole (0) to the "tells"/"people"
//! pole (3). An axis score is the sum of its four answers minus 6, so it runs −6..=+6.
//! **Ties:** an axis scoring exactly 0 leans neither way; then no style is chosen
//! (`style: None`, `tie: true`) and `candidates` holds the styles on both sides of that
//! axis (two styles, or all four when both axes are 0). The rep decides among them; see
//! [`judge_by_questionnaire`].
//!
//! Question words: the seed gives "what" for drivers and "who" for expressives. For the
//! other two we follow the classic social-styles model the four styles come from:
//! analyticals ask "how" (process, proof), amiables ask "why" (reasons, who is affected).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The four communication styles of the method (the seed calls `Driver` "aggressive").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommunicationStyle {
    Analytical,
    Amiable,
    Expressive,
    Driver,
}

impl CommunicationStyle {
    /// The style in a quadrant: `tells` = assertive side, `people` = responsive side.
    pub fn from_axes(tells: bool, people: bool) -> Self {
        match (tells, people) {
            (true, false) => CommunicationStyle::Driver,
            (true, true) => CommunicationStyle::Expressive,
            (false, true) => CommunicationStyle::Amiable,
            (false, false) => CommunicationStyle::Analytical,
        }
    }

    pub fn hints(&self) -> StyleHints {
        hints(*self)
    }
}

crate::keyed_enum!(CommunicationStyle, "style", {
    Analytical => "analytical",
    Amiable => "amiable",
    Expressive => "expressive",
    Driver => "driver",
}, traits_key = ".traits");

/// How the style was judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JudgedBy {
    /// The rep picked the style directly.
    Direct,
    /// The rep answered the guided questionnaire; the answers are kept.
    Questionnaire { answers: Vec<u8> },
}

crate::keyed_enum!(JudgedBy, {
    JudgedBy::Direct => "style.judged_by.direct",
    JudgedBy::Questionnaire { .. } => "style.judged_by.questionnaire",
});

/// How sure the rep is of the judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Guess,
    #[default]
    Fairly,
    Sure,
}

impl Confidence {
    pub const ALL: &'static [Confidence] =
        &[Confidence::Guess, Confidence::Fairly, Confidence::Sure];
}

crate::keyed_enum!(Confidence, {
    Confidence::Guess => "style.confidence.guess",
    Confidence::Fairly => "style.confidence.fairly",
    Confidence::Sure => "style.confidence.sure",
});

/// A judged communication style for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StyleJudgement {
    pub style: CommunicationStyle,
    pub judged_by: JudgedBy,
    pub confidence: Confidence,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub judged_at: DateTime<Utc>,
}

/// How to deal with a style: catalogue keys of the do's, the don'ts, the question word
/// that suits the person, and a one-line tip on using it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StyleHints {
    pub dos: &'static [&'static str],
    pub donts: &'static [&'static str],
    /// "style.question_word.what" and so on: the bare word.
    pub question_word: &'static str,
    /// "style.driver.question_tip": how to use the word with this person.
    pub question_tip: &'static str,
}

/// The do's and don'ts of METHOD.md for a style (4–6 of each), as catalogue keys.
pub fn hints(style: CommunicationStyle) -> StyleHints {
    match style {
        CommunicationStyle::Analytical => StyleHints {
            dos: &[
                "style.analytical.do.1",
                "style.analytical.do.2",
                "style.analytical.do.3",
                "style.analytical.do.4",
                "style.analytical.do.5",
                "style.analytical.do.6",
            ],
            donts: &[
                "style.analytical.dont.1",
                "style.analytical.dont.2",
                "style.analytical.dont.3",
                "style.analytical.dont.4",
            ],
            question_word: "style.question_word.how",
            question_tip: "style.analytical.question_tip",
        },
        CommunicationStyle::Amiable => StyleHints {
            dos: &[
                "style.amiable.do.1",
                "style.amiable.do.2",
                "style.amiable.do.3",
                "style.amiable.do.4",
                "style.amiable.do.5",
            ],
            donts: &[
                "style.amiable.dont.1",
                "style.amiable.dont.2",
                "style.amiable.dont.3",
                "style.amiable.dont.4",
            ],
            question_word: "style.question_word.why",
            question_tip: "style.amiable.question_tip",
        },
        CommunicationStyle::Expressive => StyleHints {
            dos: &[
                "style.expressive.do.1",
                "style.expressive.do.2",
                "style.expressive.do.3",
                "style.expressive.do.4",
                "style.expressive.do.5",
                "style.expressive.do.6",
            ],
            donts: &[
                "style.expressive.dont.1",
                "style.expressive.dont.2",
                "style.expressive.dont.3",
                "style.expressive.dont.4",
            ],
            question_word: "style.question_word.who",
            question_tip: "style.expressive.question_tip",
        },
        CommunicationStyle::Driver => StyleHints {
            dos: &[
                "style.driver.do.1",
                "style.driver.do.2",
                "style.driver.do.3",
                "style.driver.do.4",
                "style.driver.do.5",
                "style.driver.do.6",
            ],
            donts: &[
                "style.driver.dont.1",
                "style.driver.dont.2",
                "style.driver.dont.3",
                "style.driver.dont.4",
            ],
            question_word: "style.question_word.what",
            question_tip: "style.driver.question_tip",
        },
    }
}

/// What a hint shows for a person whose style is judged: the style's name, how sure the
/// judgement is, the question word with its tip, and the do's and don'ts (catalogue keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HintContent {
    pub style: CommunicationStyle,
    pub style_key: &'static str,
    pub confidence_key: &'static str,
    pub hints: StyleHints,
}

/// The hint for a judged style, or `None` when the style is not judged yet.
pub fn hint_content(judgement: Option<&StyleJudgement>) -> Option<HintContent> {
    judgement.map(|j| HintContent {
        style: j.style,
        style_key: j.style.key(),
        confidence_key: j.confidence.key(),
        hints: hints(j.style),
    })
}

/// The two axes the questionnaire measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Axis {
    /// Asks (low) vs tells (high).
    Assertiveness,
    /// Task (low) vs people (high).
    Responsiveness,
}

crate::keyed_enum!(Axis, {
    Axis::Assertiveness => "style.axis.assertiveness",
    Axis::Responsiveness => "style.axis.responsiveness",
});

/// One question of the guided questionnaire. `options[0]` is the "asks"/"task" pole,
/// `options[3]` the "tells"/"people" pole; an answer is the option's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    pub key: &'static str,
    pub axis: Axis,
    pub options: [&'static str; 4],
}

/// The highest answer value (answers run 0..=ANSWER_MAX).
pub const ANSWER_MAX: u8 = 3;

/// The guided questionnaire: four questions per axis (pace and risk on assertiveness).
pub const QUESTIONNAIRE: &[Question] = &[
    Question {
        key: "style.q.asks_tells",
        axis: Axis::Assertiveness,
        options: [
            "style.q.asks_tells.0",
            "style.q.asks_tells.1",
            "style.q.asks_tells.2",
            "style.q.asks_tells.3",
        ],
    },
    Question {
        key: "style.q.decisions",
        axis: Axis::Assertiveness,
        options: [
            "style.q.decisions.0",
            "style.q.decisions.1",
            "style.q.decisions.2",
            "style.q.decisions.3",
        ],
    },
    Question {
        key: "style.q.pace",
        axis: Axis::Assertiveness,
        options: [
            "style.q.pace.0",
            "style.q.pace.1",
            "style.q.pace.2",
            "style.q.pace.3",
        ],
    },
    Question {
        key: "style.q.risk",
        axis: Axis::Assertiveness,
        options: [
            "style.q.risk.0",
            "style.q.risk.1",
            "style.q.risk.2",
            "style.q.risk.3",
        ],
    },
    Question {
        key: "style.q.topics",
        axis: Axis::Responsiveness,
        options: [
            "style.q.topics.0",
            "style.q.topics.1",
            "style.q.topics.2",
            "style.q.topics.3",
        ],
    },
    Question {
        key: "style.q.feelings",
        axis: Axis::Responsiveness,
        options: [
            "style.q.feelings.0",
            "style.q.feelings.1",
            "style.q.feelings.2",
            "style.q.feelings.3",
        ],
    },
    Question {
        key: "style.q.time",
        axis: Axis::Responsiveness,
        options: [
            "style.q.time.0",
            "style.q.time.1",
            "style.q.time.2",
            "style.q.time.3",
        ],
    },
    Question {
        key: "style.q.values",
        axis: Axis::Responsiveness,
        options: [
            "style.q.values.0",
            "style.q.values.1",
            "style.q.values.2",
            "style.q.values.3",
        ],
    },
];

/// The questionnaire's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyleScore {
    /// −6 (asks) ..= +6 (tells).
    pub assertiveness: i8,
    /// −6 (task) ..= +6 (people).
    pub responsiveness: i8,
    /// The style, unless an axis is tied at 0.
    pub style: Option<CommunicationStyle>,
    pub tie: bool,
    /// The styles the score allows: the style itself, or on a tie the two (or four)
    /// styles the rep chooses between, in [`CommunicationStyle::ALL`] order.
    pub candidates: Vec<CommunicationStyle>,
}

/// Why questionnaire answers or a choice were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StyleError {
    WrongAnswerCount {
        expected: usize,
        got: usize,
    },
    /// `question` is 0-based.
    AnswerOutOfRange {
        question: usize,
        value: u8,
    },
    /// The score is tied: the rep must pick one of the candidates.
    TieNeedsChoice {
        candidates: Vec<CommunicationStyle>,
    },
    /// The rep picked a style the score does not allow.
    NotACandidate {
        chosen: CommunicationStyle,
        candidates: Vec<CommunicationStyle>,
    },
}

crate::keyed_enum!(StyleError, {
    StyleError::WrongAnswerCount { .. } => "style.error.wrong_answer_count",
    StyleError::AnswerOutOfRange { .. } => "style.error.answer_out_of_range",
    StyleError::TieNeedsChoice { .. } => "style.error.tie_needs_choice",
    StyleError::NotACandidate { .. } => "style.error.not_a_candidate",
});

/// Checks the answers: one per question of [`QUESTIONNAIRE`], each 0..=[`ANSWER_MAX`].
pub fn validate_answers(answers: &[u8]) -> Result<(), StyleError> {
    if answers.len() != QUESTIONNAIRE.len() {
        return Err(StyleError::WrongAnswerCount {
            expected: QUESTIONNAIRE.len(),
            got: answers.len(),
        });
    }
    match answers.iter().position(|a| *a > ANSWER_MAX) {
        Some(question) => Err(StyleError::AnswerOutOfRange {
            question,
            value: answers[question],
        }),
        None => Ok(()),
    }
}

/// Scores the answers (see the module notes for the scale and for ties).
pub fn score(answers: &[u8]) -> Result<StyleScore, StyleError> {
    validate_answers(answers)?;
    let axis_score = |axis: Axis| -> i8 {
        let (sum, n) = QUESTIONNAIRE
            .iter()
            .zip(answers)
            .filter(|(q, _)| q.axis == axis)
            .fold((0i32, 0i32), |(s, n), (_, a)| (s + *a as i32, n + 1));
        // Centre on the midpoint of n answers of 0..=3 (1.5 n; n is even, 4).
        (sum - 3 * n / 2) as i8
    };
    let assertiveness = axis_score(Axis::Assertiveness);
    let responsiveness = axis_score(Axis::Responsiveness);
    let sides = |v: i8| -> &'static [bool] {
        match v.signum() {
            1 => &[true],
            -1 => &[false],
            _ => &[false, true],
        }
    };
    let mut candidates = Vec::new();
    for &style in CommunicationStyle::ALL {
        for &tells in sides(assertiveness) {
            for &people in sides(responsiveness) {
                if CommunicationStyle::from_axes(tells, people) == style {
                    candidates.push(style);
                }
            }
        }
    }
    let tie = candidates.len() > 1;
    Ok(StyleScore {
        assertiveness,
        responsiveness,
        style: if tie { None } else { Some(candidates[0]) },
        tie,
        candidates,
    })
}

/// The rep picks the style directly.
pub fn judge_direct(
    style: CommunicationStyle,
    confidence: Confidence,
    now: DateTime<Utc>,
) -> StyleJudgement {
    StyleJudgement {
        style,
        judged_by: JudgedBy::Direct,
        confidence,
        judged_at: now,
    }
}

/// The style from the questionnaire; the answers are kept in the judgement.
/// `chosen` settles a tie and must be one of the score's candidates; without a tie it
/// may be `None` (or the scored style itself).
pub fn judge_by_questionnaire(
    answers: &[u8],
    chosen: Option<CommunicationStyle>,
    confidence: Confidence,
    now: DateTime<Utc>,
) -> Result<StyleJudgement, StyleError> {
    let s = score(answers)?;
    let style = match (chosen, s.style) {
        (Some(c), _) if s.candidates.contains(&c) => c,
        (Some(c), _) => {
            return Err(StyleError::NotACandidate {
                chosen: c,
                candidates: s.candidates,
            })
        }
        (None, Some(style)) => style,
        (None, None) => {
            return Err(StyleError::TieNeedsChoice {
                candidates: s.candidates,
            })
        }
    };
    Ok(StyleJudgement {
        style,
        judged_by: JudgedBy::Questionnaire {
            answers: answers.to_vec(),
        },
        confidence,
        judged_at: now,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use CommunicationStyle::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap()
    }
    /// Four assertiveness answers, then four responsiveness answers.
    fn answers(a: [u8; 4], r: [u8; 4]) -> Vec<u8> {
        a.iter().chain(r.iter()).copied().collect()
    }

    #[test]
    fn questionnaire_has_four_questions_per_axis() {
        assert_eq!(QUESTIONNAIRE.len(), 8);
        for axis in [Axis::Assertiveness, Axis::Responsiveness] {
            assert_eq!(QUESTIONNAIRE.iter().filter(|q| q.axis == axis).count(), 4);
        }
        assert_eq!(QUESTIONNAIRE[0].axis, Axis::Assertiveness);
        assert_eq!(QUESTIONNAIRE[4].axis, Axis::Responsiveness);
    }

    #[test]
    fn scores_each_style() {
        let cases = [
            (answers([3, 3, 2, 3], [0, 1, 0, 0]), Driver, 5, -5),
            (answers([3, 2, 2, 2], [3, 3, 2, 3]), Expressive, 3, 5),
            (answers([0, 1, 1, 0], [2, 3, 2, 2]), Amiable, -4, 3),
            (answers([0, 0, 1, 0], [0, 0, 1, 0]), Analytical, -5, -5),
        ];
        for (a, style, ass, resp) in cases {
            let s = score(&a).unwrap();
            assert_eq!(s.style, Some(style), "{a:?}");
            assert!(!s.tie);
            assert_eq!(s.candidates, vec![style]);
            assert_eq!((s.assertiveness, s.responsiveness), (ass, resp));
        }
    }

    #[test]
    fn extremes_score_plus_minus_six() {
        let s = score(&answers([3; 4], [3; 4])).unwrap();
        assert_eq!((s.assertiveness, s.responsiveness), (6, 6));
        let s = score(&answers([0; 4], [0; 4])).unwrap();
        assert_eq!((s.assertiveness, s.responsiveness), (-6, -6));
    }

    #[test]
    fn slight_leanings_still_decide() {
        // Axis sums 7 and 5 of 12: +1 and −1.
        let s = score(&answers([2, 2, 2, 1], [1, 1, 1, 2])).unwrap();
        assert_eq!((s.assertiveness, s.responsiveness), (1, -1));
        assert_eq!(s.style, Some(Driver));
    }

    #[test]
    fn a_tie_on_one_axis_leaves_two_candidates_and_no_style() {
        // Assertiveness tied, clearly people-oriented: amiable or expressive.
        let s = score(&answers([2, 1, 2, 1], [3, 3, 3, 2])).unwrap();
        assert_eq!(s.assertiveness, 0);
        assert!(s.tie);
        assert_eq!(s.style, None);
        assert_eq!(s.candidates, vec![Amiable, Expressive]);
        // Responsiveness tied, clearly telling: driver or expressive.
        let s = score(&answers([3, 3, 3, 3], [0, 3, 1, 2])).unwrap();
        assert_eq!(s.responsiveness, 0);
        assert_eq!(s.candidates, vec![Expressive, Driver]);
        assert_eq!(s.style, None);
    }

    #[test]
    fn a_tie_on_both_axes_leaves_all_four() {
        let s = score(&answers([0, 3, 1, 2], [2, 1, 2, 1])).unwrap();
        assert!(s.tie);
        assert_eq!(s.style, None);
        assert_eq!(s.candidates, CommunicationStyle::ALL.to_vec());
    }

    #[test]
    fn answers_are_validated() {
        assert_eq!(
            score(&[1, 2, 3]),
            Err(StyleError::WrongAnswerCount {
                expected: 8,
                got: 3
            })
        );
        assert_eq!(
            score(&answers([0, 1, 4, 0], [0; 4])),
            Err(StyleError::AnswerOutOfRange {
                question: 2,
                value: 4
            })
        );
        assert!(validate_answers(&answers([3; 4], [0; 4])).is_ok());
    }

    #[test]
    fn judging_by_questionnaire_keeps_the_answers() {
        let a = answers([3, 3, 2, 3], [0, 1, 0, 0]);
        let j = judge_by_questionnaire(&a, None, Confidence::Sure, now()).unwrap();
        assert_eq!(j.style, Driver);
        assert_eq!(j.judged_by, JudgedBy::Questionnaire { answers: a.clone() });
        assert_eq!(j.confidence, Confidence::Sure);
        assert_eq!(j.judged_at, now());
        // Confirming the scored style is fine; picking another is not.
        assert!(judge_by_questionnaire(&a, Some(Driver), Confidence::Sure, now()).is_ok());
        assert_eq!(
            judge_by_questionnaire(&a, Some(Amiable), Confidence::Sure, now()),
            Err(StyleError::NotACandidate {
                chosen: Amiable,
                candidates: vec![Driver]
            })
        );
    }

    #[test]
    fn a_tie_is_settled_by_the_rep() {
        let a = answers([2, 1, 2, 1], [3, 3, 3, 2]);
        assert_eq!(
            judge_by_questionnaire(&a, None, Confidence::Guess, now()),
            Err(StyleError::TieNeedsChoice {
                candidates: vec![Amiable, Expressive]
            })
        );
        let j = judge_by_questionnaire(&a, Some(Expressive), Confidence::Guess, now()).unwrap();
        assert_eq!(j.style, Expressive);
        assert!(matches!(
            judge_by_questionnaire(&a, Some(Driver), Confidence::Guess, now()),
            Err(StyleError::NotACandidate { .. })
        ));
    }

    #[test]
    fn judging_directly() {
        let j = judge_direct(Analytical, Confidence::Fairly, now());
        assert_eq!(j.judged_by, JudgedBy::Direct);
        let json = serde_json::to_value(&j).unwrap();
        assert_eq!(json["style"], "analytical");
        assert_eq!(json["judged_by"], "direct");
        let back: StyleJudgement = serde_json::from_value(json).unwrap();
        assert_eq!(back, j);
    }

    #[test]
    fn hints_follow_the_method() {
        for s in CommunicationStyle::ALL {
            let h = hints(*s);
            assert!((4..=6).contains(&h.dos.len()), "{s:?} dos");
            assert!((4..=6).contains(&h.donts.len()), "{s:?} donts");
        }
        assert_eq!(hints(Driver).question_word, "style.question_word.what");
        assert_eq!(hints(Expressive).question_word, "style.question_word.who");
        assert_eq!(hints(Analytical).question_word, "style.question_word.how");
        assert_eq!(hints(Amiable).question_word, "style.question_word.why");
        assert_eq!(Driver.hints().dos[1], "style.driver.do.2");
    }

    #[test]
    fn every_judged_style_has_a_hint_with_dos_and_donts() {
        assert_eq!(hint_content(None), None);
        for (s, conf) in CommunicationStyle::ALL.iter().zip([
            Confidence::Guess,
            Confidence::Fairly,
            Confidence::Sure,
            Confidence::Sure,
        ]) {
            let j = judge_direct(*s, conf, now());
            let h = hint_content(Some(&j)).expect("a judged style has a hint");
            assert_eq!(h.style, *s);
            assert_eq!(h.style_key, s.key());
            assert_eq!(h.confidence_key, conf.key());
            assert!(!h.hints.dos.is_empty(), "{s:?} do's");
            assert!(!h.hints.donts.is_empty(), "{s:?} don'ts");
            assert!(h.hints.dos.iter().all(|k| k.contains(".do.")), "{s:?}");
            assert!(h.hints.donts.iter().all(|k| k.contains(".dont.")), "{s:?}");
        }
    }

    #[test]
    fn quadrants() {
        assert_eq!(CommunicationStyle::from_axes(true, false), Driver);
        assert_eq!(CommunicationStyle::from_axes(true, true), Expressive);
        assert_eq!(CommunicationStyle::from_axes(false, true), Amiable);
        assert_eq!(CommunicationStyle::from_axes(false, false), Analytical);
    }
}
