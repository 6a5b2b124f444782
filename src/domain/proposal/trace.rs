//! Traceability: which quotation lines answer which of the deal's needs, and what is left
//! unanswered.
//!
//! A proposal must answer, each with at least one quotation line, every need of the
//! layers the customer buys against: the **problems** (what the offer removes), the
//! **products and services** asked for, and the **purchase indicators** (the quantified
//! requirements). Goals and solution-layer needs are answered by the text of sections
//! 1–3, so a line is not required for them (a line may still point at them). A line that
//! answers no need at all is flagged too: either it is not needed, or a need is missing
//! from the deal.

use super::quote::QuoteLine;
use crate::domain::ids::Id;
use crate::domain::needs::{Need, NeedLayer};

/// Whether a need of `layer` must be answered by a quotation line.
pub fn must_answer(layer: NeedLayer) -> bool {
    matches!(
        layer,
        NeedLayer::Problem | NeedLayer::ProductOrService | NeedLayer::PurchaseIndicator
    )
}

/// One need of the deal and the lines that answer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedTrace {
    pub need_id: Id,
    pub layer: NeedLayer,
    pub text: String,
    /// The ids of the lines that answer it, in the quotation's order.
    pub lines: Vec<Id>,
    pub must_answer: bool,
}

impl NeedTrace {
    /// A need that must be answered and no line answers.
    pub fn unanswered(&self) -> bool {
        self.must_answer && self.lines.is_empty()
    }
}

/// The needs of a deal against the lines of a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trace {
    /// Every need of the deal, by layer (the five layers in order), in the order recorded.
    pub needs: Vec<NeedTrace>,
    /// The lines that answer none of the deal's needs (a need id no longer on the deal
    /// does not count), in the quotation's order.
    pub lines_without_need: Vec<Id>,
}

impl Trace {
    /// The needs that must be answered and are not.
    pub fn unanswered(&self) -> impl Iterator<Item = &NeedTrace> {
        self.needs.iter().filter(|n| n.unanswered())
    }

    /// Nothing flagged.
    pub fn is_complete(&self) -> bool {
        self.unanswered().next().is_none() && self.lines_without_need.is_empty()
    }
}

/// Traces `needs` (the deal's) through `lines` (the quotation's).
pub fn trace_needs(needs: &[Need], lines: &[QuoteLine]) -> Trace {
    let traced = NeedLayer::ALL
        .iter()
        .flat_map(|layer| needs.iter().filter(move |n| n.layer == *layer))
        .map(|n| NeedTrace {
            need_id: n.id,
            layer: n.layer,
            text: n.text.clone(),
            lines: lines
                .iter()
                .filter(|l| l.need_ids.contains(&n.id))
                .map(|l| l.id)
                .collect(),
            must_answer: must_answer(n.layer),
        })
        .collect();
    let lines_without_need = lines
        .iter()
        .filter(|l| {
            !l.need_ids
                .iter()
                .any(|id| needs.iter().any(|n| n.id == *id))
        })
        .map(|l| l.id)
        .collect();
    Trace {
        needs: traced,
        lines_without_need,
    }
}
