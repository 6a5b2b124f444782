//! Purchase history and cumulative discounts (METHOD.md "Good vendor practice": record
//! every purchase, for cumulative discounts).
//!
//! Derived, not stored: an account's purchases are its won deals and their lines (the
//! signed agreement's quotation where there is one).

use serde::{Deserialize, Serialize};

mod history;
#[cfg(test)]
mod tests;

pub use history::*;

/// The most tiers a cumulative-discount rule may have.
pub const MAX_TIERS: usize = 10;

/// One step of the cumulative-discount rule: an account whose purchases reach `from_units`
/// (whole units of the account's currency) earns `bp` basis points of discount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DiscountTier {
    pub from_units: u64,
    pub bp: u32,
}

/// Why a cumulative-discount rule is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierProblem {
    /// More than [`MAX_TIERS`] tiers.
    TooMany,
    /// A tier starting at zero spend.
    ZeroSpend { index: usize },
    /// A discount of 0 % or above 100 %.
    Rate { index: usize },
    /// Spend thresholds and discounts must both rise from one tier to the next.
    NotRising { index: usize },
}

/// Checks a cumulative-discount rule: at most [`MAX_TIERS`] tiers, each from a spend above
/// zero with a discount above 0 % and at most 100 %, both rising from tier to tier.
pub fn check_tiers(tiers: &[DiscountTier]) -> Result<(), TierProblem> {
    if tiers.len() > MAX_TIERS {
        return Err(TierProblem::TooMany);
    }
    for (index, t) in tiers.iter().enumerate() {
        if t.from_units == 0 {
            return Err(TierProblem::ZeroSpend { index });
        }
        if t.bp == 0 || t.bp > 10_000 {
            return Err(TierProblem::Rate { index });
        }
        if index > 0 {
            let prev = tiers[index - 1];
            if t.from_units <= prev.from_units || t.bp <= prev.bp {
                return Err(TierProblem::NotRising { index });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tier_tests {
    use super::*;

    fn tier(from_units: u64, bp: u32) -> DiscountTier {
        DiscountTier { from_units, bp }
    }

    #[test]
    fn a_rule_must_rise_in_spend_and_discount() {
        assert_eq!(check_tiers(&[]), Ok(()));
        assert_eq!(check_tiers(&[tier(10_000, 200), tier(50_000, 500)]), Ok(()));
        assert_eq!(
            check_tiers(&[tier(10_000, 200), tier(10_000, 500)]),
            Err(TierProblem::NotRising { index: 1 })
        );
        assert_eq!(
            check_tiers(&[tier(10_000, 500), tier(20_000, 500)]),
            Err(TierProblem::NotRising { index: 1 })
        );
        assert_eq!(
            check_tiers(&[tier(0, 100)]),
            Err(TierProblem::ZeroSpend { index: 0 })
        );
        assert_eq!(
            check_tiers(&[tier(1, 0)]),
            Err(TierProblem::Rate { index: 0 })
        );
        assert_eq!(
            check_tiers(&[tier(1, 10_001)]),
            Err(TierProblem::Rate { index: 0 })
        );
        let many: Vec<_> = (1..=11).map(|i| tier(i * 1_000, i as u32 * 10)).collect();
        assert_eq!(check_tiers(&many), Err(TierProblem::TooMany));
    }
}
