//! Step 4 — the presentation outline and its rehearsal.
//!
//! The method's eight steps of a presentation ([`OutlineStep`]): opening (eye contact,
//! greet the guests you know) → grab attention (a story or a question) → thanks →
//! significance and value → introduction (state the key points) → main content in three to
//! five points, with data and stories → summary → call to buy.
//!
//! The rep keeps notes per step, the main content as a list of points ([`MainPoint`]), and
//! the seconds each step took in the last rehearsal. [`main_content_check`] says whether
//! the main content has the three to five points the method asks for.

use crate::domain::sorting::SortExt;
use serde::{Deserialize, Serialize};

use super::fields::{FieldError, FieldProblem};
use super::ids::{new_id, Id};
use super::rules::{MAX_NAME, MAX_TEXT};

/// The fewest and the most points of the main content.
pub const MIN_POINTS: usize = 3;
pub const MAX_POINTS: usize = 5;
/// The longest a step's rehearsal is kept as (three hours): a timer left running is cut.
pub const MAX_REHEARSAL_SECONDS: u32 = 3 * 60 * 60;

/// The eight steps of a presentation, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutlineStep {
    Opening,
    GrabAttention,
    Thanks,
    SignificanceAndValue,
    Introduction,
    MainContent,
    Summary,
    CallToBuy,
}

crate::keyed_enum!(OutlineStep, "presentation.step", ".name", {
    Opening => "opening",
    GrabAttention => "grab_attention",
    Thanks => "thanks",
    SignificanceAndValue => "significance_and_value",
    Introduction => "introduction",
    MainContent => "main_content",
    Summary => "summary",
    CallToBuy => "call_to_buy",
}, hint_key = ".hint");

impl OutlineStep {
    /// 1-based position in the outline.
    pub fn number(&self) -> u8 {
        *self as u8 + 1
    }
}

/// The rep's notes on one step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepNotes {
    pub step: OutlineStep,
    pub text: String,
}

/// How long one step took in the last rehearsal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepTime {
    pub step: OutlineStep,
    pub seconds: u32,
}

/// One point of the main content, with the data and the story that carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MainPoint {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub data: String,
    #[serde(default)]
    pub story: String,
}

/// The presentation plan of a deal, kept on the deal.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PresentationPlan {
    /// Notes per step (a step without notes has no entry).
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub notes: Vec<StepNotes>,
    /// The main content's points, in the order they are presented.
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub main_points: Vec<MainPoint>,
    /// The last rehearsal's time per step (a step not timed has no entry).
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub rehearsal: Vec<StepTime>,
}

impl PresentationPlan {
    /// The notes on `step` ("" when there are none).
    pub fn notes_of(&self, step: OutlineStep) -> &str {
        self.notes
            .iter()
            .find(|n| n.step == step)
            .map_or("", |n| n.text.as_str())
    }

    /// The seconds `step` took in the last rehearsal, if it was timed.
    pub fn seconds_of(&self, step: OutlineStep) -> Option<u32> {
        self.rehearsal
            .iter()
            .find(|t| t.step == step)
            .map(|t| t.seconds)
    }

    /// The last rehearsal's total, in seconds.
    pub fn total_seconds(&self) -> u32 {
        self.rehearsal.iter().map(|t| t.seconds).sum()
    }

    /// Sets the notes on `step`; refused (nothing changed) when longer than [`MAX_TEXT`].
    /// Blank notes remove the step's entry.
    pub fn set_notes(&mut self, step: OutlineStep, text: &str) -> Result<(), FieldError> {
        let text = text.trim();
        if text.chars().count() > MAX_TEXT {
            return Err(too_long("notes", "presentation.field.notes", text));
        }
        self.notes.retain(|n| n.step != step);
        if !text.is_empty() {
            self.notes.push(StepNotes {
                step,
                text: text.to_string(),
            });
            self.notes.sort_on(|n| n.step);
        }
        Ok(())
    }

    /// Adds a point at the end of the main content; refused with every problem.
    pub fn add_point(&mut self, draft: &MainPointDraft) -> Result<(), Vec<FieldError>> {
        let p = draft.validate()?;
        self.main_points.push(p);
        Ok(())
    }

    /// Removes a point of the main content.
    pub fn remove_point(&mut self, id: Id) {
        self.main_points.retain(|p| p.id != id);
    }

    /// Moves a point one place earlier (`up`) or later; nothing happens at either end.
    pub fn move_point(&mut self, id: Id, up: bool) {
        let Some(i) = self.main_points.iter().position(|p| p.id == id) else {
            return;
        };
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        if let Some(j) = j.filter(|j| *j < self.main_points.len()) {
            self.main_points.swap(i, j);
        }
    }

    /// Keeps `seconds` as the time of `step` in the last rehearsal (replacing the earlier
    /// time), cut at [`MAX_REHEARSAL_SECONDS`].
    pub fn record_rehearsal(&mut self, step: OutlineStep, seconds: u32) {
        let seconds = seconds.min(MAX_REHEARSAL_SECONDS);
        self.rehearsal.retain(|t| t.step != step);
        self.rehearsal.push(StepTime { step, seconds });
        self.rehearsal.sort_on(|t| t.step);
    }

    /// Forgets the last rehearsal's times, to time a new one from the start.
    pub fn clear_rehearsal(&mut self) {
        self.rehearsal.clear();
    }
}

fn too_long(field: &'static str, label: &'static str, text: &str) -> FieldError {
    FieldError::new(field, label, FieldProblem::TextTooLong)
        .arg("len", text.chars().count())
        .arg("max", MAX_TEXT)
}

/// A point of the main content as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MainPointDraft {
    pub text: String,
    pub data: String,
    pub story: String,
}

impl MainPointDraft {
    /// The point, or every problem in form order: the point itself is one required line
    /// (at most [`MAX_NAME`] characters); the data and the story are optional texts.
    pub fn validate(&self) -> Result<MainPoint, Vec<FieldError>> {
        let mut errs = Vec::new();
        let text = self.text.trim();
        if text.is_empty() {
            errs.push(FieldError::new(
                "main_text",
                "presentation.field.point",
                FieldProblem::Required,
            ));
        } else if text.chars().count() > MAX_NAME {
            errs.push(
                FieldError::new(
                    "main_text",
                    "presentation.field.point",
                    FieldProblem::TooLong,
                )
                .arg("value", text),
            );
        }
        let data = self.data.trim();
        if data.chars().count() > MAX_TEXT {
            errs.push(too_long("main_data", "presentation.field.data", data));
        }
        let story = self.story.trim();
        if story.chars().count() > MAX_TEXT {
            errs.push(too_long("main_story", "presentation.field.story", story));
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(MainPoint {
            id: new_id(),
            text: text.to_string(),
            data: data.to_string(),
            story: story.to_string(),
        })
    }
}

/// Whether the main content has the three to five points the method asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointCount {
    TooFew,
    Ok,
    TooMany,
}

crate::keyed_enum!(PointCount, {
    Self::TooFew => "presentation.check.too_few",
    Self::Ok => "presentation.check.ok",
    Self::TooMany => "presentation.check.too_many",
});

/// The check of the main content's number of points: fewer than [`MIN_POINTS`] is too
/// few, more than [`MAX_POINTS`] too many.
pub fn main_content_check(points: usize) -> PointCount {
    if points < MIN_POINTS {
        PointCount::TooFew
    } else if points > MAX_POINTS {
        PointCount::TooMany
    } else {
        PointCount::Ok
    }
}

/// `m:ss` (or `h:mm:ss` from an hour) for a number of seconds.
pub fn clock(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_to_five_points_make_the_main_content() {
        for n in 0..=2 {
            assert_eq!(main_content_check(n), PointCount::TooFew, "{n}");
        }
        for n in 3..=5 {
            assert_eq!(main_content_check(n), PointCount::Ok, "{n}");
        }
        for n in [6, 7, 20] {
            assert_eq!(main_content_check(n), PointCount::TooMany, "{n}");
        }
        assert_eq!(PointCount::TooFew.key(), "presentation.check.too_few");
    }

    #[test]
    fn the_outline_has_the_methods_eight_steps_in_order() {
        assert_eq!(OutlineStep::ALL.len(), 8);
        assert_eq!(OutlineStep::ALL[0], OutlineStep::Opening);
        assert_eq!(OutlineStep::ALL[5], OutlineStep::MainContent);
        assert_eq!(OutlineStep::CallToBuy.number(), 8);
        assert_eq!(
            OutlineStep::GrabAttention.key(),
            "presentation.step.grab_attention.name"
        );
        assert_eq!(
            OutlineStep::from_code("call_to_buy"),
            Some(OutlineStep::CallToBuy)
        );
    }

    #[test]
    fn notes_are_kept_per_step_and_blank_notes_remove_them() {
        let mut p = PresentationPlan::default();
        p.set_notes(OutlineStep::Thanks, "  Thank Ms Ozola for the visit ")
            .unwrap();
        p.set_notes(OutlineStep::Opening, "Greet Juris by name")
            .unwrap();
        assert_eq!(
            p.notes_of(OutlineStep::Thanks),
            "Thank Ms Ozola for the visit"
        );
        assert_eq!(
            p.notes[0].step,
            OutlineStep::Opening,
            "kept in outline order"
        );
        p.set_notes(OutlineStep::Thanks, "   ").unwrap();
        assert_eq!(p.notes_of(OutlineStep::Thanks), "");
        assert_eq!(p.notes.len(), 1);
        let before = p.clone();
        let e = p
            .set_notes(OutlineStep::Opening, &"x".repeat(MAX_TEXT + 1))
            .unwrap_err();
        assert_eq!(e.problem, FieldProblem::TextTooLong);
        assert_eq!(e.arg_value("max"), Some("20000"));
        assert_eq!(p, before, "nothing changed");
    }

    #[test]
    fn a_main_point_needs_its_line_and_keeps_data_and_story() {
        let mut p = PresentationPlan::default();
        let errs = p.add_point(&MainPointDraft::default()).unwrap_err();
        assert_eq!(errs[0].field, "main_text");
        assert_eq!(errs[0].problem, FieldProblem::Required);
        let errs = MainPointDraft {
            text: "x".repeat(MAX_NAME + 1),
            data: "d".repeat(MAX_TEXT + 1),
            story: "s".repeat(MAX_TEXT + 1),
        }
        .validate()
        .unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| (e.field, e.problem)).collect();
        assert_eq!(
            fields,
            vec![
                ("main_text", FieldProblem::TooLong),
                ("main_data", FieldProblem::TextTooLong),
                ("main_story", FieldProblem::TextTooLong),
            ]
        );
        assert!(p.main_points.is_empty());
        p.add_point(&MainPointDraft {
            text: " Uptime ".into(),
            data: "99.7 % at Acme".into(),
            story: String::new(),
        })
        .unwrap();
        assert_eq!(p.main_points[0].text, "Uptime");
        assert_eq!(p.main_points[0].data, "99.7 % at Acme");
    }

    #[test]
    fn points_move_and_are_removed() {
        let mut p = PresentationPlan::default();
        for t in ["a", "b", "c"] {
            p.add_point(&MainPointDraft {
                text: t.into(),
                ..Default::default()
            })
            .unwrap();
        }
        let ids: Vec<Id> = p.main_points.iter().map(|x| x.id).collect();
        let texts = |p: &PresentationPlan| {
            p.main_points
                .iter()
                .map(|x| x.text.clone())
                .collect::<Vec<_>>()
                .join("")
        };
        p.move_point(ids[0], true);
        assert_eq!(texts(&p), "abc");
        p.move_point(ids[0], false);
        assert_eq!(texts(&p), "bac");
        p.move_point(ids[2], false);
        assert_eq!(texts(&p), "bac");
        p.move_point(ids[2], true);
        assert_eq!(texts(&p), "bca");
        p.remove_point(ids[1]);
        assert_eq!(texts(&p), "ca");
        assert_eq!(main_content_check(p.main_points.len()), PointCount::TooFew);
    }

    #[test]
    fn the_last_rehearsal_is_kept_per_step_with_its_total() {
        let mut p = PresentationPlan::default();
        assert_eq!(p.total_seconds(), 0);
        p.record_rehearsal(OutlineStep::MainContent, 600);
        p.record_rehearsal(OutlineStep::Opening, 45);
        p.record_rehearsal(OutlineStep::MainContent, 540);
        assert_eq!(p.seconds_of(OutlineStep::MainContent), Some(540));
        assert_eq!(p.seconds_of(OutlineStep::Thanks), None);
        assert_eq!(p.total_seconds(), 585);
        assert_eq!(p.rehearsal[0].step, OutlineStep::Opening);
        p.record_rehearsal(OutlineStep::Summary, u32::MAX);
        assert_eq!(
            p.seconds_of(OutlineStep::Summary),
            Some(MAX_REHEARSAL_SECONDS)
        );
        p.clear_rehearsal();
        assert_eq!(p.total_seconds(), 0);
    }

    #[test]
    fn times_read_as_a_clock() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(65), "1:05");
        assert_eq!(clock(600), "10:00");
        assert_eq!(clock(3725), "1:02:05");
    }

    #[test]
    fn an_old_deal_without_a_plan_reads_as_empty() {
        let p: PresentationPlan = serde_json::from_str("{}").unwrap();
        assert_eq!(p, PresentationPlan::default());
    }
}
