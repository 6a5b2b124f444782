//! Step 3 — discovering needs, in the method's five layers:
//!
//! 1. goals and aspirations (growth, profitability, asset efficiency);
//! 2. problems: obstacles to those goals that touch our products;
//! 3. solution: analysis, overall solution, steps, timing;
//! 4. the products and services the solution needs;
//! 5. purchase indicators: detailed, quantified requirements.
//!
//! Each need can be linked to the person who holds it. [`warnings`] points at gaps:
//! goals and problems without a holder (a need nobody holds is nobody's reason to buy),
//! holders who are not among the deal's people, indicators without a quantity, and, once
//! the deal is in step 3 or later, no goals or no problems recorded; once it presents value
//! (step 4 or later), no purchase indicators (a proposal must answer them).

use crate::domain::sorting::SortExt;
use serde::{Deserialize, Serialize};

use super::deal::{Deal, Step};
use super::ids::{new_id, Id};

/// The five layers of a customer's need, from the most general to the most concrete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NeedLayer {
    Goal,
    Problem,
    Solution,
    ProductOrService,
    PurchaseIndicator,
}

impl NeedLayer {
    /// Goals and problems are held by people; a missing holder is warned about.
    pub fn wants_holder(&self) -> bool {
        matches!(self, Self::Goal | Self::Problem)
    }
}

crate::keyed_enum!(NeedLayer, "needs.layer", ".name", {
    Goal => "goal",
    Problem => "problem",
    Solution => "solution",
    ProductOrService => "product_or_service",
    PurchaseIndicator => "purchase_indicator",
}, hint_key = ".hint");

/// One need of the customer, in one layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Need {
    pub id: Id,
    pub layer: NeedLayer,
    pub text: String,
    /// The contact who holds this need.
    #[serde(default)]
    pub holder_contact_id: Option<Id>,
    /// For purchase indicators: the quantity or measure ("≤ 2 s response", "40 seats").
    #[serde(default)]
    pub measure: String,
}

/// Why a need could not be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeedError {
    TextRequired,
}

crate::keyed_enum!(NeedError, {
    Self::TextRequired => "needs.error.text_required",
});

impl Need {
    /// A new need; the text is trimmed and must not be empty.
    pub fn new(
        layer: NeedLayer,
        text: &str,
        holder_contact_id: Option<Id>,
        measure: &str,
    ) -> Result<Need, NeedError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(NeedError::TextRequired);
        }
        Ok(Need {
            id: new_id(),
            layer,
            text: text.to_string(),
            holder_contact_id,
            measure: measure.trim().to_string(),
        })
    }
}

/// Needs grouped by layer: always the five layers in order, each with its needs in the
/// order they were recorded (possibly none).
pub fn by_layer(needs: &[Need]) -> Vec<(NeedLayer, Vec<&Need>)> {
    NeedLayer::ALL
        .iter()
        .map(|layer| (*layer, needs.iter().filter(|n| n.layer == *layer).collect()))
        .collect()
}

/// The needs of one open deal a person is on, by layer (only the layers with needs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealNeeds<'a> {
    pub deal_id: Id,
    pub title: &'a str,
    pub layers: Vec<(NeedLayer, Vec<&'a Need>)>,
}

/// The open deals the person is on (closed ones left out), by title, each with its needs
/// grouped by layer in the layers' order; a deal with no needs yet has no layers.
pub fn open_deal_needs<'a>(
    deals: impl IntoIterator<Item = &'a Deal>,
    contact_id: Id,
) -> Vec<DealNeeds<'a>> {
    let mut out: Vec<DealNeeds<'a>> = deals
        .into_iter()
        .filter(|d| d.is_open() && d.people.iter().any(|p| p.contact_id == contact_id))
        .map(|d| DealNeeds {
            deal_id: d.id,
            title: &d.title,
            layers: by_layer(&d.needs)
                .into_iter()
                .filter(|(_, list)| !list.is_empty())
                .collect(),
        })
        .collect();
    out.sort_on_cached(|d| crate::domain::text::fold(d.title));
    out
}

/// A gap in the needs picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeedWarning {
    /// A goal or a problem with no holder.
    NoHolder { need_id: Id, layer: NeedLayer },
    /// The holder is not among the deal's people.
    HolderNotOnDeal { need_id: Id },
    /// A purchase indicator without a quantity or measure.
    IndicatorWithoutMeasure { need_id: Id },
    /// Step 3 or later, and no goal recorded.
    NoGoals,
    /// Step 3 or later, and no problem recorded.
    NoProblems,
    /// Step 4 or later, and no purchase indicator recorded.
    NoPurchaseIndicators,
}

crate::keyed_enum!(NeedWarning, {
    Self::NoHolder { layer: NeedLayer::Goal, .. } => "needs.warning.goal_without_holder",
    Self::NoHolder { .. } => "needs.warning.problem_without_holder",
    Self::HolderNotOnDeal { .. } => "needs.warning.holder_not_on_deal",
    Self::IndicatorWithoutMeasure { .. } => "needs.warning.indicator_without_measure",
    Self::NoGoals => "needs.warning.no_goals",
    Self::NoProblems => "needs.warning.no_problems",
    Self::NoPurchaseIndicators => "needs.warning.no_purchase_indicators",
});

/// Warnings about `needs` for a deal in `step` whose people are `people` (contact ids).
/// Per-need warnings come first, in the order of the needs; then the missing layers.
pub fn warnings(needs: &[Need], step: Step, people: &[Id]) -> Vec<NeedWarning> {
    let mut out = Vec::new();
    for n in needs {
        match n.holder_contact_id {
            None if n.layer.wants_holder() => out.push(NeedWarning::NoHolder {
                need_id: n.id,
                layer: n.layer,
            }),
            Some(h) if !people.contains(&h) => {
                out.push(NeedWarning::HolderNotOnDeal { need_id: n.id })
            }
            _ => {}
        }
        if n.layer == NeedLayer::PurchaseIndicator && n.measure.trim().is_empty() {
            out.push(NeedWarning::IndicatorWithoutMeasure { need_id: n.id });
        }
    }
    let has = |layer: NeedLayer| needs.iter().any(|n| n.layer == layer);
    if step >= Step::DiscoverNeeds {
        if !has(NeedLayer::Goal) {
            out.push(NeedWarning::NoGoals);
        }
        if !has(NeedLayer::Problem) {
            out.push(NeedWarning::NoProblems);
        }
    }
    if step >= Step::PresentingValue && !has(NeedLayer::PurchaseIndicator) {
        out.push(NeedWarning::NoPurchaseIndicators);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_deals_needs_of_a_person_leave_closed_deals_out() {
        use crate::domain::deal::{DealPerson, Outcome};
        use crate::domain::money::{Currency, Money};
        use chrono::{NaiveDate, TimeZone, Utc};
        let now = Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap();
        let ana = new_id();
        let other = new_id();
        let account = new_id();
        let deal = |title: &str, person: Id, needs: Vec<Need>| {
            let mut d = Deal::new(
                account,
                title,
                Money::zero(Currency::parse("EUR").unwrap()),
                now,
            );
            d.people.push(DealPerson {
                contact_id: person,
                roles: vec![],
            });
            d.needs = needs;
            d
        };
        let need = |l, t: &str| Need::new(l, t, None, "").unwrap();
        let retrofit = deal(
            "Retrofit",
            ana,
            vec![
                need(NeedLayer::Problem, "Stops twice a week"),
                need(NeedLayer::Goal, "Output +15 %"),
                need(NeedLayer::Problem, "Spare parts late"),
            ],
        );
        let audit = deal("audit", ana, vec![]);
        let mut lost = deal("Boiler", ana, vec![need(NeedLayer::Goal, "Lower cost")]);
        lost.outcome = Outcome::Lost {
            at: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
            reason: "Price".into(),
        };
        let mut won = deal("Welding", ana, vec![need(NeedLayer::Goal, "Faster")]);
        won.outcome = Outcome::Won {
            at: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
            paid_on: None,
        };
        let not_hers = deal("Sensors", other, vec![need(NeedLayer::Goal, "Cold chain")]);
        let deals = [retrofit.clone(), lost, won, not_hers, audit.clone()];

        let got = open_deal_needs(&deals, ana);
        assert_eq!(
            got.iter().map(|d| d.title).collect::<Vec<_>>(),
            vec!["audit", "Retrofit"]
        );
        assert_eq!(got[0].deal_id, audit.id);
        assert!(got[0].layers.is_empty());
        let layers: Vec<(NeedLayer, Vec<&str>)> = got[1]
            .layers
            .iter()
            .map(|(l, ns)| (*l, ns.iter().map(|n| n.text.as_str()).collect()))
            .collect();
        assert_eq!(
            layers,
            vec![
                (NeedLayer::Goal, vec!["Output +15 %"]),
                (
                    NeedLayer::Problem,
                    vec!["Stops twice a week", "Spare parts late"]
                ),
            ]
        );
        assert!(open_deal_needs(&deals, new_id()).is_empty());
    }

    #[test]
    fn a_need_needs_text() {
        assert_eq!(
            Need::new(NeedLayer::Goal, "  ", None, ""),
            Err(NeedError::TextRequired)
        );
        let n = Need::new(NeedLayer::Goal, " Grow 20% ", None, "").unwrap();
        assert_eq!(n.text, "Grow 20%");
    }

    #[test]
    fn groups_by_the_five_layers_in_order() {
        let needs = vec![
            Need::new(NeedLayer::Problem, "p1", None, "").unwrap(),
            Need::new(NeedLayer::Goal, "g1", None, "").unwrap(),
            Need::new(NeedLayer::Problem, "p2", None, "").unwrap(),
        ];
        let groups = by_layer(&needs);
        assert_eq!(groups.len(), 5);
        assert_eq!(groups[0].0, NeedLayer::Goal);
        assert_eq!(groups[0].1.len(), 1);
        let problems: Vec<_> = groups[1].1.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(problems, vec!["p1", "p2"]);
        assert!(groups[4].1.is_empty());
    }

    #[test]
    fn missing_layers_are_warned_about_from_step_three() {
        assert!(warnings(&[], Step::BuildingTrust, &[]).is_empty());
        assert_eq!(
            warnings(&[], Step::DiscoverNeeds, &[]),
            vec![NeedWarning::NoGoals, NeedWarning::NoProblems]
        );
        assert_eq!(
            warnings(&[], Step::PresentingValue, &[]),
            vec![
                NeedWarning::NoGoals,
                NeedWarning::NoProblems,
                NeedWarning::NoPurchaseIndicators
            ]
        );
    }

    #[test]
    fn holders_and_measures_are_checked() {
        let holder = new_id();
        let stranger = new_id();
        let problem = Need::new(NeedLayer::Problem, "slow", None, "").unwrap();
        let goal = Need::new(NeedLayer::Goal, "grow", Some(stranger), "").unwrap();
        let indicator = Need::new(NeedLayer::PurchaseIndicator, "speed", Some(holder), "").unwrap();
        let product = Need::new(NeedLayer::ProductOrService, "servers", None, "").unwrap();
        let needs = vec![problem.clone(), goal.clone(), indicator.clone(), product];
        let w = warnings(&needs, Step::PresentingValue, &[holder]);
        assert_eq!(
            w,
            vec![
                NeedWarning::NoHolder {
                    need_id: problem.id,
                    layer: NeedLayer::Problem
                },
                NeedWarning::HolderNotOnDeal { need_id: goal.id },
                NeedWarning::IndicatorWithoutMeasure {
                    need_id: indicator.id
                },
            ]
        );
        assert_eq!(w[0].key(), "needs.warning.problem_without_holder");
    }
}
