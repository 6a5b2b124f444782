//! Step 4 and good vendor practice — the product catalogue: one fair, consistent price list
//! for every customer, with price breaks by quantity, the "locomotive" products that pull
//! the rest, and what the competitors charge.
//!
//! A quotation line taken from the catalogue uses [`Product::unit_price_for`]: the list
//! price, or the price break its quantity reaches. Prices and quantities are integers (see
//! [`price`](super::price)).

use crate::domain::ids::{Id, Meta};
use crate::domain::money::Currency;
use crate::domain::price::{price_for, PriceBreak, Quantity, Rate, UnitPrice};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One change of a product's list price, kept forever.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceChange {
    pub date: NaiveDate,
    pub old: UnitPrice,
    pub new: UnitPrice,
}

/// A competitor's price for this product (or its nearest equivalent), as noted by the rep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetitorPrice {
    /// The competitor, when it is in the book.
    #[serde(default)]
    pub competitor_id: Option<Id>,
    /// The competitor's name as noted (kept when the record is gone or was never made).
    #[serde(default)]
    pub competitor_name: String,
    pub price: UnitPrice,
    pub date: NaiveDate,
    /// Where the figure comes from ("their web shop", "customer's purchasing").
    #[serde(default)]
    pub source: String,
}

/// A product or service of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub id: Id,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub name: String,
    #[serde(default)]
    pub category: String,
    /// The unit it is sold by ("piece", "licence/year", "hour").
    #[serde(default)]
    pub unit: String,
    /// The currency of every price of this product.
    #[serde(default)]
    pub currency: Currency,
    /// The price per unit for every customer.
    pub list_price: UnitPrice,
    /// What one unit costs us, when known (for the margin).
    #[serde(default)]
    pub cost: Option<UnitPrice>,
    /// From a quantity on, a lower unit price; quantities strictly increasing.
    #[serde(default)]
    pub price_breaks: Vec<PriceBreak>,
    #[serde(default)]
    pub tax_rate: Rate,
    /// Importance to the business, 1 (minor) to 5 (core).
    #[serde(default = "default_weight")]
    pub weight: u8,
    /// A "locomotive" product: it opens the door for the rest of the range.
    #[serde(default)]
    pub locomotive: bool,
    /// No longer offered: kept for old quotations, not offered on new lines.
    #[serde(default)]
    pub retired: bool,
    /// Products that go with this one (upselling in step 5).
    #[serde(default)]
    pub related: Vec<Id>,
    #[serde(default)]
    pub price_history: Vec<PriceChange>,
    #[serde(default)]
    pub competitor_prices: Vec<CompetitorPrice>,
    #[serde(default)]
    pub description: String,
}
crate::impl_record!(Product, "products");

fn default_weight() -> u8 {
    3
}

impl Product {
    pub fn new(name: impl Into<String>, list_price: UnitPrice, now: DateTime<Utc>) -> Self {
        let m = Meta::new(now);
        Product {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            name: name.into(),
            category: String::new(),
            unit: String::new(),
            currency: Currency::default(),
            list_price,
            cost: None,
            price_breaks: Vec::new(),
            tax_rate: Rate::ZERO,
            weight: default_weight(),
            locomotive: false,
            retired: false,
            related: Vec::new(),
            price_history: Vec::new(),
            competitor_prices: Vec::new(),
            description: String::new(),
        }
    }

    /// The unit price for `qty` units: the list price or the price break `qty` reaches.
    pub fn unit_price_for(&self, qty: Quantity) -> UnitPrice {
        price_for(self.list_price, &self.price_breaks, qty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quantity_gets_the_break_it_reaches() {
        let mut p = Product::new("Sensor", UnitPrice(10_0000), Utc::now());
        p.price_breaks = vec![PriceBreak {
            min_qty: Quantity::units(10),
            unit_price: UnitPrice(9_5000),
        }];
        assert_eq!(p.unit_price_for(Quantity::units(9)), UnitPrice(10_0000));
        assert_eq!(p.unit_price_for(Quantity::units(10)), UnitPrice(9_5000));
    }
}
