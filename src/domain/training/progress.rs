//! The trainee's answers, one stored record each, and what they add up to: the score per
//! topic, the scores per topic week by week, the topic to practise next and the coach's
//! report.
//!
//! Weeks are ISO weeks (Monday to Sunday) in the trainee's time zone: a trainee practises a
//! few days a week, so days are mostly empty and jumpy, while a week is the rhythm a coach
//! meets a trainee in; only weeks with answers are listed, so a gap in practice reads as a
//! missing week, not as a row of zeros.

use crate::domain::sorting::SortExt;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::Topic;
use crate::domain::ids::{Id, Meta};
use crate::domain::rules::{self, CheckContext, RuleError, CLOCK_SKEW_HOURS};

/// One answer given to one generated exercise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseAnswer {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub topic: Topic,
    /// The exercise's seed: with the topic it gives the exercise again.
    pub seed: u32,
    /// The index of the choice given.
    pub chosen: u32,
    /// Whether it was the answer the rule gives.
    pub correct: bool,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub answered_at: DateTime<Utc>,
}

crate::impl_record!(ExerciseAnswer, "exercise_answers");

impl ExerciseAnswer {
    /// A new answer to the exercise of `topic` and `seed`.
    pub fn new(topic: Topic, seed: u32, chosen: u32, correct: bool, now: DateTime<Utc>) -> Self {
        let m = Meta::new(now);
        ExerciseAnswer {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            topic,
            seed,
            chosen,
            correct,
            answered_at: now,
        }
    }
}

/// How many choices an exercise offers at most: a stored `chosen` is an index below it.
pub const MAX_CHOICES: u32 = 32;

/// The record rules of a stored answer: the bookkeeping; the moment it was given is a
/// four-digit year and not later than now (beyond a clock difference between devices);
/// the choice given is an index an exercise can offer.
pub fn check_answer(a: &ExerciseAnswer, ctx: &CheckContext) -> Result<(), RuleError> {
    use crate::domain::ids::Record;
    rules::check_meta(&a.meta(), ctx)?;
    rules::instant("answered_at", "training.field.answered_at", a.answered_at)?;
    if a.answered_at > ctx.now + Duration::hours(CLOCK_SKEW_HOURS) {
        return Err(
            RuleError::new("answered_at", "training.field.answered_at", "rule.future")
                .arg("value", a.answered_at.format("%Y-%m-%d %H:%M UTC")),
        );
    }
    if a.chosen >= MAX_CHOICES {
        return Err(
            RuleError::new("chosen", "training.field.chosen", "training.rule.chosen")
                .arg("value", a.chosen)
                .arg("max", MAX_CHOICES - 1),
        );
    }
    Ok(())
}

// -------------------------------------------------------------------------------------------
// Scores
// -------------------------------------------------------------------------------------------

/// Answers given and how many of them were right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub answered: u32,
    pub right: u32,
}

impl Score {
    /// The score of `answers`.
    pub fn of<'a>(answers: impl IntoIterator<Item = &'a ExerciseAnswer>) -> Score {
        let mut s = Score::default();
        for a in answers {
            s.add(a.correct);
        }
        s
    }

    fn add(&mut self, correct: bool) {
        self.answered += 1;
        if correct {
            self.right += 1;
        }
    }

    /// The share right in whole percent, rounded half up; `None` before any answer.
    pub fn percent(&self) -> Option<u32> {
        (self.answered > 0).then(|| {
            let (r, n) = (u64::from(self.right), u64::from(self.answered));
            ((r * 200 + n) / (2 * n)) as u32
        })
    }

    /// Whether `self` is a lower share right than `other` (exact, no rounding).
    fn lower_than(&self, other: &Score) -> bool {
        u64::from(self.right) * u64::from(other.answered)
            < u64::from(other.right) * u64::from(self.answered)
    }
}

impl Serialize for Score {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Score", 3)?;
        st.serialize_field("answered", &self.answered)?;
        st.serialize_field("right", &self.right)?;
        st.serialize_field("percent", &self.percent())?;
        st.end()
    }
}

/// The score of every answer.
pub fn total(answers: &[ExerciseAnswer]) -> Score {
    Score::of(answers)
}

/// The score of each topic, every topic in [`Topic`] order (a topic never practised has
/// no answers).
pub fn by_topic(answers: &[ExerciseAnswer]) -> Vec<(Topic, Score)> {
    let mut out: Vec<(Topic, Score)> = Topic::ALL.iter().map(|t| (*t, Score::default())).collect();
    for a in answers {
        if let Some((_, s)) = out.iter_mut().find(|(t, _)| *t == a.topic) {
            s.add(a.correct);
        }
    }
    out
}

/// The Monday that starts the ISO week of `day`.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// One ISO week's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekScores {
    /// The ISO week, as `2026-W49`.
    pub week: String,
    /// Its Monday.
    pub starts_on: NaiveDate,
    /// Every answer of the week.
    pub total: Score,
    /// The topics practised that week, in [`Topic`] order.
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub topics: Vec<TopicScore>,
}

impl WeekScores {
    /// The week's score on `topic`, if practised that week.
    pub fn topic(&self, topic: Topic) -> Option<Score> {
        self.topics
            .iter()
            .find(|t| t.topic == topic)
            .map(|t| t.score)
    }
}

/// A topic's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicScore {
    pub topic: Topic,
    #[serde(flatten)]
    pub score: Score,
}

/// The ISO week code of `day` (`2026-W49`; the ISO year, which differs from the calendar
/// year around New Year).
pub fn week_code(day: NaiveDate) -> String {
    let w = day.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// The scores per ISO week, the oldest week first, only weeks with answers; the week of an
/// answer is that of the day it was given in `tz` (the trainee's time zone).
pub fn by_week<Tz: TimeZone>(answers: &[ExerciseAnswer], tz: &Tz) -> Vec<WeekScores> {
    let mut weeks: std::collections::BTreeMap<NaiveDate, Vec<&ExerciseAnswer>> = Default::default();
    for a in answers {
        let day = a.answered_at.with_timezone(tz).date_naive();
        weeks.entry(week_start(day)).or_default().push(a);
    }
    weeks
        .into_iter()
        .map(|(monday, list)| {
            let topics = Topic::ALL
                .iter()
                .filter_map(|t| {
                    let s = Score::of(list.iter().copied().filter(|a| a.topic == *t));
                    (s.answered > 0).then_some(TopicScore {
                        topic: *t,
                        score: s,
                    })
                })
                .collect();
            WeekScores {
                week: week_code(monday),
                starts_on: monday,
                total: Score::of(list.iter().copied()),
                topics,
            }
        })
        .collect()
}

/// The latest `n` answers, the newest first (same moment: by id, for a stable order).
pub fn latest(answers: &[ExerciseAnswer], n: usize) -> Vec<&ExerciseAnswer> {
    let mut v: Vec<&ExerciseAnswer> = answers.iter().collect();
    v.sort_with(|a, b| {
        b.answered_at
            .cmp(&a.answered_at)
            .then_with(|| a.id.to_string().cmp(&b.id.to_string()))
    });
    v.truncate(n);
    v
}

// -------------------------------------------------------------------------------------------
// The topic to practise next
// -------------------------------------------------------------------------------------------

/// How many answers a topic needs before its score is compared with the others': fewer
/// tell little about what the trainee knows.
pub const ENOUGH_ANSWERS: u32 = 3;

/// Why a topic is the one to practise next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WeakReason {
    /// Never practised.
    NotPractised,
    /// Practised, but fewer than [`ENOUGH_ANSWERS`] times: too few to judge.
    FewAnswers,
    /// The lowest share right among the topics with enough answers.
    LowestScore,
}

crate::keyed_enum!(WeakReason, "training.weak", {
    NotPractised => "not_practised",
    FewAnswers => "few_answers",
    LowestScore => "lowest_score",
});

/// The topic to practise next and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Weakest {
    pub topic: Topic,
    pub reason: WeakReason,
    pub score: Score,
}

/// The topic to practise next. The rule: a topic never practised comes first; then a topic
/// with fewer than [`ENOUGH_ANSWERS`] answers (the fewest first); then, when every topic has
/// enough, the lowest share right. Ties go to the topic first in [`Topic`] order.
pub fn weakest(answers: &[ExerciseAnswer]) -> Weakest {
    let scores = by_topic(answers);
    let pick = |reason: WeakReason, (topic, score): (Topic, Score)| Weakest {
        topic,
        reason,
        score,
    };
    if let Some(s) = scores.iter().find(|(_, s)| s.answered == 0) {
        return pick(WeakReason::NotPractised, *s);
    }
    let mut few: Option<(Topic, Score)> = None;
    for s in scores.iter().filter(|(_, s)| s.answered < ENOUGH_ANSWERS) {
        if few.is_none_or(|(_, f)| s.1.answered < f.answered) {
            few = Some(*s);
        }
    }
    if let Some(s) = few {
        return pick(WeakReason::FewAnswers, s);
    }
    let mut low = scores[0];
    for s in &scores[1..] {
        if s.1.lower_than(&low.1) {
            low = *s;
        }
    }
    pick(WeakReason::LowestScore, low)
}

// -------------------------------------------------------------------------------------------
// The coach's report
// -------------------------------------------------------------------------------------------

/// What the report file says it is.
pub const REPORT_FORMAT: &str = "sixstep-training-report";
/// The report file's layout version.
pub const REPORT_VERSION: u32 = 1;

/// The coach's report: what a trainee has practised and how well, as a file a coach reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub format: &'static str,
    pub version: u32,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub generated_at: DateTime<Utc>,
    /// The first and the latest answer's moment (none before any answer).
    #[serde(default, deserialize_with = "crate::domain::stamp::de_opt")]
    pub first_answer_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "crate::domain::stamp::de_opt")]
    pub last_answer_at: Option<DateTime<Utc>>,
    /// Every answer.
    pub totals: Score,
    /// Every topic in [`Topic`] order, with its name in the reader's language.
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub topics: Vec<ReportTopic>,
    /// Each ISO week with answers, the oldest first.
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub weeks: Vec<WeekScores>,
    pub weakest: ReportWeakest,
}

/// A topic's line of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportTopic {
    pub topic: Topic,
    pub name: String,
    #[serde(flatten)]
    pub score: Score,
}

/// The report's suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportWeakest {
    pub topic: Topic,
    pub name: String,
    pub reason: WeakReason,
    #[serde(flatten)]
    pub score: Score,
}

/// The coach's report of `answers`, generated `now`, weeks in `tz`, topics named by `name`.
pub fn report<Tz: TimeZone>(
    answers: &[ExerciseAnswer],
    now: DateTime<Utc>,
    tz: &Tz,
    name: impl Fn(Topic) -> String,
) -> Report {
    let w = weakest(answers);
    Report {
        format: REPORT_FORMAT,
        version: REPORT_VERSION,
        generated_at: now,
        first_answer_at: answers.iter().map(|a| a.answered_at).min(),
        last_answer_at: answers.iter().map(|a| a.answered_at).max(),
        totals: total(answers),
        topics: by_topic(answers)
            .into_iter()
            .map(|(topic, score)| ReportTopic {
                topic,
                name: name(topic),
                score,
            })
            .collect(),
        weeks: by_week(answers, tz),
        weakest: ReportWeakest {
            topic: w.topic,
            name: name(w.topic),
            reason: w.reason,
            score: w.score,
        },
    }
}

/// The report file's name for a day: `sixstep-training-report-2026-12-05.json`.
pub fn report_file_name(today: NaiveDate) -> String {
    format!("sixstep-training-report-{}.json", today.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn ans(topic: Topic, correct: bool, when: &str) -> ExerciseAnswer {
        ExerciseAnswer::new(topic, 7, 1, correct, at(when))
    }

    /// `right` right and `wrong` wrong answers on `topic`, on `when`.
    fn many(topic: Topic, right: u32, wrong: u32, when: &str) -> Vec<ExerciseAnswer> {
        (0..right)
            .map(|_| ans(topic, true, when))
            .chain((0..wrong).map(|_| ans(topic, false, when)))
            .collect()
    }

    fn ctx() -> CheckContext {
        CheckContext {
            now: at("2026-12-05T12:00:00Z"),
        }
    }

    #[test]
    fn a_fresh_answer_passes_the_record_rules() {
        let a = ans(Topic::Style, true, "2026-12-05T11:00:00Z");
        assert_eq!(check_answer(&a, &ctx()), Ok(()));
    }

    #[test]
    fn an_answer_later_than_the_clock_difference_is_refused() {
        let mut a = ans(Topic::Style, true, "2026-12-05T11:00:00Z");
        a.answered_at = ctx().now + Duration::hours(CLOCK_SKEW_HOURS);
        assert_eq!(check_answer(&a, &ctx()), Ok(()), "within the skew");
        a.answered_at = ctx().now + Duration::hours(CLOCK_SKEW_HOURS) + Duration::seconds(1);
        let e = check_answer(&a, &ctx()).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.label, e.reason),
            ("answered_at", "training.field.answered_at", "rule.future")
        );
    }

    #[test]
    fn an_answer_outside_four_digit_years_is_refused() {
        let mut a = ans(Topic::Style, true, "2026-12-05T11:00:00Z");
        a.answered_at = at("0999-12-31T00:00:00Z");
        let e = check_answer(&a, &ctx()).unwrap_err();
        assert_eq!((e.path.as_str(), e.reason), ("answered_at", "rule.year"));
    }

    #[test]
    fn a_choice_beyond_what_an_exercise_offers_is_refused() {
        let mut a = ans(Topic::Collection, false, "2026-12-05T11:00:00Z");
        a.chosen = MAX_CHOICES - 1;
        assert_eq!(check_answer(&a, &ctx()), Ok(()));
        a.chosen = MAX_CHOICES;
        let e = check_answer(&a, &ctx()).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.label, e.reason),
            ("chosen", "training.field.chosen", "training.rule.chosen")
        );
        assert!(e.args.contains(&("max", (MAX_CHOICES - 1).to_string())));
    }

    #[test]
    fn the_bookkeeping_is_checked_too() {
        let mut a = ans(Topic::Style, true, "2026-12-05T11:00:00Z");
        a.rev = 0;
        assert_eq!(
            check_answer(&a, &ctx()).unwrap_err().reason,
            "rule.rev_zero"
        );
    }

    #[test]
    fn a_score_rounds_half_up_and_is_none_before_any_answer() {
        assert_eq!(Score::default().percent(), None);
        let s = |right, answered| Score { answered, right }.percent();
        assert_eq!(s(0, 3), Some(0));
        assert_eq!(s(1, 3), Some(33));
        assert_eq!(s(2, 3), Some(67));
        assert_eq!(s(1, 8), Some(13), "12.5 rounds up");
        assert_eq!(s(4, 4), Some(100));
    }

    #[test]
    fn scores_per_topic_list_every_topic_in_order() {
        let mut v = many(Topic::Concession, 2, 1, "2026-12-01T10:00:00Z");
        v.extend(many(Topic::Style, 1, 0, "2026-12-01T10:00:00Z"));
        let t = by_topic(&v);
        assert_eq!(
            t.iter().map(|(t, _)| *t).collect::<Vec<_>>(),
            Topic::ALL.to_vec()
        );
        assert_eq!(
            t[0].1,
            Score {
                answered: 1,
                right: 1
            }
        );
        assert_eq!(
            t[2].1,
            Score {
                answered: 3,
                right: 2
            }
        );
        assert_eq!(t[1].1, Score::default());
        assert_eq!(
            total(&v),
            Score {
                answered: 4,
                right: 3
            }
        );
    }

    #[test]
    fn weeks_run_monday_to_sunday() {
        // Sunday 6 December 2026 ends ISO week 49; Monday the 7th starts week 50.
        let v = vec![
            ans(Topic::Style, true, "2026-11-30T00:00:00Z"),
            ans(Topic::Style, false, "2026-12-06T23:59:59Z"),
            ans(Topic::Style, true, "2026-12-07T00:00:00Z"),
        ];
        let w = by_week(&v, &Utc);
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].week, "2026-W49");
        assert_eq!(
            w[0].starts_on,
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
        assert_eq!(
            w[0].total,
            Score {
                answered: 2,
                right: 1
            }
        );
        assert_eq!(w[1].week, "2026-W50");
        assert_eq!(
            w[1].total,
            Score {
                answered: 1,
                right: 1
            }
        );
    }

    #[test]
    fn the_week_is_that_of_the_trainees_day() {
        // Sunday 23:30 in Lima is Monday 04:30 UTC: still the Sunday's week for the trainee.
        let v = vec![ans(Topic::Style, true, "2026-12-07T04:30:00Z")];
        let lima = FixedOffset::west_opt(5 * 3600).unwrap();
        assert_eq!(by_week(&v, &lima)[0].week, "2026-W49");
        assert_eq!(by_week(&v, &Utc)[0].week, "2026-W50");
    }

    #[test]
    fn the_iso_year_is_used_around_new_year() {
        // Friday 1 January 2027 is in week 53 of 2026; Thursday 31 December 2026 too.
        let v = vec![
            ans(Topic::Style, true, "2026-12-31T12:00:00Z"),
            ans(Topic::Style, true, "2027-01-01T12:00:00Z"),
            ans(Topic::Style, true, "2027-01-04T12:00:00Z"),
        ];
        let w = by_week(&v, &Utc);
        assert_eq!(
            w.iter().map(|w| w.week.as_str()).collect::<Vec<_>>(),
            ["2026-W53", "2027-W01"]
        );
        assert_eq!(
            w[0].starts_on,
            NaiveDate::from_ymd_opt(2026, 12, 28).unwrap()
        );
    }

    #[test]
    fn weeks_without_answers_are_left_out_and_topics_split_per_week() {
        let mut v = many(Topic::Collection, 1, 1, "2026-11-10T12:00:00Z");
        v.extend(many(Topic::Style, 3, 0, "2026-11-11T12:00:00Z"));
        v.extend(many(Topic::Collection, 2, 0, "2026-11-26T12:00:00Z"));
        let w = by_week(&v, &Utc);
        assert_eq!(w.len(), 2, "the week of 16 November has no answers");
        assert_eq!(w[0].week, "2026-W46");
        assert_eq!(
            w[0].topics.iter().map(|t| t.topic).collect::<Vec<_>>(),
            [Topic::Style, Topic::Collection]
        );
        assert_eq!(
            w[0].topic(Topic::Collection),
            Some(Score {
                answered: 2,
                right: 1
            })
        );
        assert_eq!(w[1].week, "2026-W48");
        assert_eq!(
            w[1].topic(Topic::Collection),
            Some(Score {
                answered: 2,
                right: 2
            })
        );
        assert_eq!(w[1].topic(Topic::Style), None);
    }

    #[test]
    fn the_latest_answers_come_newest_first() {
        let v = vec![
            ans(Topic::Style, true, "2026-12-01T10:00:00Z"),
            ans(Topic::Concession, true, "2026-12-03T10:00:00Z"),
            ans(Topic::Collection, true, "2026-12-02T10:00:00Z"),
        ];
        let l = latest(&v, 2);
        assert_eq!(
            l.iter().map(|a| a.topic).collect::<Vec<_>>(),
            [Topic::Concession, Topic::Collection]
        );
    }

    /// Every topic practised `n` times, `right` of them right.
    fn all_topics(right: u32, n: u32) -> Vec<ExerciseAnswer> {
        Topic::ALL
            .iter()
            .flat_map(|t| many(*t, right, n - right, "2026-12-01T10:00:00Z"))
            .collect()
    }

    #[test]
    fn with_no_answers_the_first_topic_is_suggested_as_not_practised() {
        let w = weakest(&[]);
        assert_eq!(
            (w.topic, w.reason),
            (Topic::Style, WeakReason::NotPractised)
        );
    }

    #[test]
    fn a_topic_never_practised_comes_before_a_low_score() {
        let mut v: Vec<_> = all_topics(3, 3)
            .into_iter()
            .filter(|a| a.topic != Topic::BuyingCentre && a.topic != Topic::Qualification)
            .collect();
        v.extend(many(Topic::Style, 0, 10, "2026-12-01T10:00:00Z"));
        let w = weakest(&v);
        assert_eq!(
            (w.topic, w.reason),
            (Topic::BuyingCentre, WeakReason::NotPractised),
            "the first unpractised topic in order"
        );
    }

    #[test]
    fn a_topic_with_too_few_answers_comes_before_a_low_score() {
        let mut v: Vec<_> = all_topics(3, 3)
            .into_iter()
            .filter(|a| a.topic != Topic::Collection && a.topic != Topic::Qualification)
            .collect();
        v.extend(many(Topic::Collection, 2, 0, "2026-12-01T10:00:00Z"));
        v.extend(many(Topic::Qualification, 1, 0, "2026-12-01T10:00:00Z"));
        v.extend(many(Topic::Style, 0, 10, "2026-12-01T10:00:00Z"));
        let w = weakest(&v);
        assert_eq!(
            (w.topic, w.reason, w.score),
            (
                Topic::Qualification,
                WeakReason::FewAnswers,
                Score {
                    answered: 1,
                    right: 1
                }
            ),
            "the fewest answers first"
        );
    }

    #[test]
    fn with_enough_answers_everywhere_the_lowest_share_right_is_suggested() {
        let mut v = all_topics(3, 4);
        // 2 of 3 (66.7 %) is lower than 3 of 4 (75 %); 5 of 7 (71.4 %) too, but higher.
        v.retain(|a| a.topic != Topic::Concession && a.topic != Topic::ComplaintPriority);
        v.extend(many(Topic::Concession, 5, 2, "2026-12-01T10:00:00Z"));
        v.extend(many(Topic::ComplaintPriority, 2, 1, "2026-12-01T10:00:00Z"));
        let w = weakest(&v);
        assert_eq!(
            (w.topic, w.reason, w.score),
            (
                Topic::ComplaintPriority,
                WeakReason::LowestScore,
                Score {
                    answered: 3,
                    right: 2
                }
            )
        );
    }

    #[test]
    fn ties_go_to_the_topic_first_in_order() {
        // Equal shares with different counts (1 of 3 and 2 of 6) are a tie.
        let mut v = all_topics(4, 4);
        v.retain(|a| a.topic != Topic::StageActivity && a.topic != Topic::Collection);
        v.extend(many(Topic::Collection, 1, 2, "2026-12-01T10:00:00Z"));
        v.extend(many(Topic::StageActivity, 2, 4, "2026-12-01T10:00:00Z"));
        assert_eq!(weakest(&v).topic, Topic::StageActivity);
        // Everything perfect: the first topic.
        assert_eq!(weakest(&all_topics(3, 3)).topic, Topic::Style);
        // Two unpractised, two with too few answers of the same count.
        let mut v = all_topics(3, 3);
        v.retain(|a| a.topic != Topic::Concession && a.topic != Topic::Qualification);
        v.extend(many(Topic::Qualification, 0, 2, "2026-12-01T10:00:00Z"));
        v.extend(many(Topic::Concession, 2, 0, "2026-12-01T10:00:00Z"));
        assert_eq!(
            (weakest(&v).topic, weakest(&v).reason),
            (Topic::Concession, WeakReason::FewAnswers)
        );
    }

    #[test]
    fn the_report_holds_totals_topics_weeks_and_the_suggestion() {
        let mut v = many(Topic::Style, 2, 1, "2026-11-24T10:00:00Z");
        v.extend(many(Topic::Collection, 0, 1, "2026-12-01T10:00:00Z"));
        let now = at("2026-12-05T12:00:00Z");
        let r = report(&v, now, &Utc, |t| format!("name of {}", t.code()));
        let j = serde_json::to_value(&r).unwrap();
        assert_eq!(j["format"], "sixstep-training-report");
        assert_eq!(j["version"], 1);
        assert_eq!(j["generated_at"], "2026-12-05T12:00:00Z");
        assert_eq!(j["first_answer_at"], "2026-11-24T10:00:00Z");
        assert_eq!(j["last_answer_at"], "2026-12-01T10:00:00Z");
        assert_eq!(
            j["totals"],
            serde_json::json!({"answered": 4, "right": 2, "percent": 50})
        );
        let topics = j["topics"].as_array().unwrap();
        assert_eq!(topics.len(), Topic::ALL.len());
        assert_eq!(
            topics[0],
            serde_json::json!({"topic": "style", "name": "name of style", "answered": 3, "right": 2, "percent": 67})
        );
        assert_eq!(
            topics[1],
            serde_json::json!({"topic": "stage_activity", "name": "name of stage_activity", "answered": 0, "right": 0, "percent": null})
        );
        assert_eq!(
            j["weeks"],
            serde_json::json!([
                {"week": "2026-W48", "starts_on": "2026-11-23", "total": {"answered": 3, "right": 2, "percent": 67},
                 "topics": [{"topic": "style", "answered": 3, "right": 2, "percent": 67}]},
                {"week": "2026-W49", "starts_on": "2026-11-30", "total": {"answered": 1, "right": 0, "percent": 0},
                 "topics": [{"topic": "collection", "answered": 1, "right": 0, "percent": 0}]}
            ])
        );
        assert_eq!(
            j["weakest"],
            serde_json::json!({"topic": "stage_activity", "name": "name of stage_activity", "reason": "not_practised", "answered": 0, "right": 0, "percent": null})
        );
    }

    #[test]
    fn an_empty_report_says_so() {
        let r = report(&[], at("2026-12-05T12:00:00Z"), &Utc, |t| t.code().into());
        let j = serde_json::to_value(&r).unwrap();
        assert_eq!(j["first_answer_at"], serde_json::Value::Null);
        assert_eq!(j["totals"]["percent"], serde_json::Value::Null);
        assert_eq!(j["weeks"], serde_json::json!([]));
        assert_eq!(j["weakest"]["reason"], "not_practised");
    }

    #[test]
    fn the_report_file_is_named_by_the_day() {
        assert_eq!(
            report_file_name(NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()),
            "sixstep-training-report-2026-12-05.json"
        );
    }

    #[test]
    fn every_locale_names_the_reasons_and_the_rule() {
        use crate::domain::keys::Keyed;
        for locale in crate::i18n::Locale::ALL {
            let cat = locale.catalogue();
            for k in WeakReason::keys().into_iter().chain([
                "training.rule.chosen",
                "training.field.answered_at",
                "training.field.chosen",
            ]) {
                assert!(cat.get(k).is_some(), "{}: `{k}` missing", locale.tag());
            }
        }
    }
}
