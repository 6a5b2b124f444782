//! Step 4 and good vendor practice — the product catalogue: one fair, consistent price list
//! for every customer, with price breaks by quantity, the "locomotive" products that pull
//! the rest, and what the competitors charge.
//!
//! A quotation line taken from the catalogue uses [`Product::unit_price_for`]: the list
//! price, or the price break its quantity reaches. Prices and quantities are integers (see
//! [`price`](super::price)).
//!
//! The product form holds a [`ProductDraft`] (everything as typed); [`ProductDraft::validate`]
//! reports every [`FieldError`] at once. A save that changes the list price appends a
//! [`PriceChange`] dated `today` ([`set_list_price`]); the form never edits the history, the
//! competitors' prices (added and removed one by one, [`add_competitor_price`]) or the
//! retired flag ([`set_retired`]). [`margin`] is what one unit earns at the list price.

use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::ids::{Id, Meta};
use crate::domain::money::Currency;
use crate::domain::price::{
    check_breaks, price_for, BreakProblem, PriceBreak, Quantity, Rate, UnitPrice, WHOLE_BP,
};
use crate::domain::sorting::SortExt;
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
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
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
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
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
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub related: Vec<Id>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub price_history: Vec<PriceChange>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
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

/// The lowest and highest weight (importance to the business).
pub const WEIGHTS: std::ops::RangeInclusive<u8> = 1..=5;

/// One row of the price-break table as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BreakDraft {
    pub min_qty: String,
    pub unit_price: String,
}

impl BreakDraft {
    fn is_blank(&self) -> bool {
        self.min_qty.trim().is_empty() && self.unit_price.trim().is_empty()
    }
}

/// What the product form holds, as typed. The price history, the competitors' prices and
/// the retired flag are not in it: the form never changes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductDraft {
    pub name: String,
    pub category: String,
    pub unit: String,
    /// ISO code ("EUR").
    pub currency: String,
    pub list_price: String,
    /// Blank when unknown.
    pub cost: String,
    /// Percent ("21", "7.5"); blank is 0.
    pub tax_rate: String,
    /// "1" to "5".
    pub weight: String,
    pub locomotive: bool,
    /// Rows in the order shown; blank rows are dropped.
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub breaks: Vec<BreakDraft>,
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub related: Vec<Id>,
    pub description: String,
}

impl Default for ProductDraft {
    fn default() -> Self {
        ProductDraft {
            name: String::new(),
            category: String::new(),
            unit: String::new(),
            currency: Currency::default().code().to_string(),
            list_price: String::new(),
            cost: String::new(),
            tax_rate: String::new(),
            weight: default_weight().to_string(),
            locomotive: false,
            breaks: Vec::new(),
            related: Vec::new(),
            description: String::new(),
        }
    }
}

/// A validated product form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProduct {
    pub name: String,
    pub category: String,
    pub unit: String,
    pub currency: Currency,
    pub list_price: UnitPrice,
    pub cost: Option<UnitPrice>,
    pub price_breaks: Vec<PriceBreak>,
    pub tax_rate: Rate,
    pub weight: u8,
    pub locomotive: bool,
    pub related: Vec<Id>,
    pub description: String,
}

const LABEL_NAME: &str = "product.field.name";
const LABEL_BREAK_QTY: &str = "product.field.break_qty";
const LABEL_BREAK_PRICE: &str = "product.field.break_price";
const LABEL_BREAKS: &str = "product.field.price_breaks";
const LABEL_RELATED: &str = "product.field.related";

impl ProductDraft {
    pub fn from_product(p: &Product) -> Self {
        ProductDraft {
            name: p.name.clone(),
            category: p.category.clone(),
            unit: p.unit.clone(),
            currency: p.currency.code().to_string(),
            list_price: p.list_price.to_field(),
            cost: p.cost.map(UnitPrice::to_field).unwrap_or_default(),
            tax_rate: p.tax_rate.to_input(),
            weight: p.weight.to_string(),
            locomotive: p.locomotive,
            breaks: p
                .price_breaks
                .iter()
                .map(|b| BreakDraft {
                    min_qty: b.min_qty.to_input(),
                    unit_price: b.unit_price.to_field(),
                })
                .collect(),
            related: p.related.clone(),
            description: p.description.clone(),
        }
    }

    /// Every problem at once, in form order: name required (at most
    /// [`MAX_NAME`](crate::domain::rules::MAX_NAME) characters, as are category and unit);
    /// a currency code; a list price, an optional cost and each break's price with at most
    /// four decimals, zero or more; quantities with at most three; a tax rate of 0–100 %;
    /// a weight of 1–5; the break table (blank rows dropped, errors at the row as typed)
    /// as [`check_breaks`] wants it; related products that exist (`exists`) and are not
    /// the product itself (`own`), each once.
    pub fn validate(
        &self,
        own: Option<Id>,
        exists: impl Fn(Id) -> bool,
    ) -> Result<ValidProduct, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim().to_string();
        if name.is_empty() {
            errors.push(FieldError::new("name", LABEL_NAME, FieldProblem::Required));
        }
        let long = crate::domain::account::check_name_length;
        long(&name, "name", LABEL_NAME, &mut errors);
        let category = self.category.trim().to_string();
        long(&category, "category", "product.field.category", &mut errors);
        let unit = self.unit.trim().to_string();
        long(&unit, "unit", "product.field.unit", &mut errors);
        let currency = match self.currency.trim() {
            "" => {
                errors.push(FieldError::new(
                    "currency",
                    "product.field.currency",
                    FieldProblem::Required,
                ));
                None
            }
            code => match Currency::parse(code) {
                Ok(c) => Some(c),
                Err(_) => {
                    errors.push(
                        FieldError::new(
                            "currency",
                            "product.field.currency",
                            FieldProblem::ProductCurrencyInvalid,
                        )
                        .arg("value", code),
                    );
                    None
                }
            },
        };
        let list_price = if self.list_price.trim().is_empty() {
            errors.push(FieldError::new(
                "list_price",
                "product.field.list_price",
                FieldProblem::Required,
            ));
            None
        } else {
            UnitPrice::parse(&self.list_price)
                .map_err(|e| {
                    errors.push(FieldError::decimal(
                        "list_price",
                        "product.field.list_price",
                        &e,
                        &self.list_price,
                    ))
                })
                .ok()
        };
        let cost = if self.cost.trim().is_empty() {
            None
        } else {
            UnitPrice::parse(&self.cost)
                .map_err(|e| {
                    errors.push(FieldError::decimal(
                        "cost",
                        "product.field.cost",
                        &e,
                        &self.cost,
                    ))
                })
                .ok()
        };
        let tax_rate = if self.tax_rate.trim().is_empty() {
            Rate::ZERO
        } else {
            Rate::parse_percent(&self.tax_rate).unwrap_or_else(|e| {
                errors.push(FieldError::decimal(
                    "tax_rate",
                    "product.field.tax_rate",
                    &e,
                    &self.tax_rate,
                ));
                Rate::ZERO
            })
        };
        let weight = match self.weight.trim().parse::<u8>() {
            Ok(w) if WEIGHTS.contains(&w) => w,
            _ => {
                errors.push(
                    FieldError::new(
                        "weight",
                        "product.field.weight",
                        FieldProblem::ProductWeightInvalid,
                    )
                    .arg("value", self.weight.trim()),
                );
                default_weight()
            }
        };
        let price_breaks = self.check_break_rows(list_price, &mut errors);
        let related = check_related(&self.related, own, exists, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidProduct {
            name,
            category,
            unit,
            currency: currency.unwrap_or_default(),
            list_price: list_price.unwrap_or_default(),
            cost,
            price_breaks,
            tax_rate,
            weight,
            locomotive: self.locomotive,
            related,
            description: self.description.trim().to_string(),
        })
    }

    /// The break rows as prices (blank rows dropped); each problem at the row as typed
    /// (`index`, and `{row}` counting from 1).
    fn check_break_rows(
        &self,
        list_price: Option<UnitPrice>,
        errors: &mut Vec<FieldError>,
    ) -> Vec<PriceBreak> {
        let before = errors.len();
        let mut rows = Vec::new();
        let mut breaks = Vec::new();
        for (i, b) in self.breaks.iter().enumerate() {
            if b.is_blank() {
                continue;
            }
            let at = |problem| {
                FieldError::new("price_breaks", LABEL_BREAKS, problem)
                    .at(i)
                    .arg("row", i + 1)
            };
            if b.min_qty.trim().is_empty() || b.unit_price.trim().is_empty() {
                errors.push(at(FieldProblem::ProductBreakIncomplete));
                continue;
            }
            let qty = Quantity::parse(&b.min_qty).map_err(|e| {
                errors.push(
                    FieldError::decimal("price_breaks", LABEL_BREAK_QTY, &e, &b.min_qty).at(i),
                )
            });
            let price = UnitPrice::parse(&b.unit_price).map_err(|e| {
                errors.push(
                    FieldError::decimal("price_breaks", LABEL_BREAK_PRICE, &e, &b.unit_price).at(i),
                )
            });
            if let (Ok(min_qty), Ok(unit_price)) = (qty, price) {
                rows.push(i);
                breaks.push(PriceBreak {
                    min_qty,
                    unit_price,
                });
            }
        }
        if errors.len() > before {
            return breaks;
        }
        // Without a list price the first break is only compared with the rows below it.
        let list = list_price.unwrap_or(UnitPrice(i64::MAX));
        for problem in check_breaks(list, &breaks) {
            let (row, kind, value) = match problem {
                BreakProblem::QuantityTooSmall { row } => (
                    row,
                    FieldProblem::ProductBreakQuantityTooSmall,
                    &self.breaks[rows[row]].min_qty,
                ),
                BreakProblem::QuantityNotIncreasing { row } => (
                    row,
                    FieldProblem::ProductBreakQuantityNotIncreasing,
                    &self.breaks[rows[row]].min_qty,
                ),
                BreakProblem::PriceNotFalling { row } => (
                    row,
                    FieldProblem::ProductBreakPriceNotFalling,
                    &self.breaks[rows[row]].unit_price,
                ),
            };
            let typed_row = rows[row];
            errors.push(
                FieldError::new("price_breaks", LABEL_BREAKS, kind)
                    .at(typed_row)
                    .arg("row", typed_row + 1)
                    .arg("value", value.trim()),
            );
        }
        breaks
    }
}

/// The related products each once, in the order chosen; the product itself and products
/// not in the catalogue are refused at their place in the list.
fn check_related(
    related: &[Id],
    own: Option<Id>,
    exists: impl Fn(Id) -> bool,
    errors: &mut Vec<FieldError>,
) -> Vec<Id> {
    let mut out: Vec<Id> = Vec::new();
    for (i, &id) in related.iter().enumerate() {
        if own == Some(id) {
            errors.push(
                FieldError::new("related", LABEL_RELATED, FieldProblem::ProductRelatedSelf).at(i),
            );
        } else if !exists(id) {
            errors.push(
                FieldError::new(
                    "related",
                    LABEL_RELATED,
                    FieldProblem::ProductRelatedMissing,
                )
                .at(i),
            );
        } else if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

impl ValidProduct {
    pub fn into_new(self, now: DateTime<Utc>) -> Product {
        let mut p = Product::new(String::new(), self.list_price, now);
        self.apply_to(&mut p, now.date_naive());
        p
    }

    /// Writes the form's fields over `product`, keeping identity, bookkeeping, the price
    /// history (one more entry when the list price changed, dated `today`), the
    /// competitors' prices and the retired flag.
    pub fn apply_to(self, product: &mut Product, today: NaiveDate) {
        product.name = self.name;
        product.category = self.category;
        product.unit = self.unit;
        product.currency = self.currency;
        set_list_price(product, self.list_price, today);
        product.cost = self.cost;
        product.price_breaks = self.price_breaks;
        product.tax_rate = self.tax_rate;
        product.weight = self.weight;
        product.locomotive = self.locomotive;
        product.related = self.related;
        product.description = self.description;
    }
}

/// Sets the list price; when it changes, the history gains `PriceChange { today, old, new }`.
pub fn set_list_price(product: &mut Product, new: UnitPrice, today: NaiveDate) {
    if product.list_price != new {
        product.price_history.push(PriceChange {
            date: today,
            old: product.list_price,
            new,
        });
        product.list_price = new;
    }
}

/// The product retired (`true`: no longer offered) or offered again.
pub fn set_retired(product: &Product, retired: bool) -> Product {
    let mut p = product.clone();
    p.retired = retired;
    p
}

/// What one unit earns at the list price: `amount` = list − cost (in the units of
/// [`UnitPrice`], negative when sold below cost) and `percent_bp` = amount ÷ list price in
/// basis points, rounded half away from zero (`None` for a list price of zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Margin {
    pub amount: i64,
    pub percent_bp: Option<i64>,
}

/// The margin at the list price, when the cost is known.
pub fn margin(list: UnitPrice, cost: Option<UnitPrice>) -> Option<Margin> {
    let cost = cost?;
    let amount = list.0.saturating_sub(cost.0);
    let percent_bp = (list.0 > 0).then(|| {
        crate::domain::price::round_half_away(
            i128::from(amount) * i128::from(WHOLE_BP),
            i128::from(list.0),
        ) as i64
    });
    Some(Margin { amount, percent_bp })
}

/// What keeps a product from being deleted: the records that use it. Quotations count
/// their lines here once they exist; until then a product can always be deleted (with
/// Undo), and a product in use is retired instead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProductUses {
    /// Quotation lines of proposals that name the product.
    pub quotation_lines: usize,
}

impl ProductUses {
    pub fn is_empty(&self) -> bool {
        self.quotation_lines == 0
    }
}

/// A competitor's price as typed on the product page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompetitorPriceDraft {
    /// The id of a competitor from the book, or "" for a typed name.
    pub competitor: String,
    /// The competitor's name when it is not in the book.
    pub name: String,
    pub price: String,
    /// `YYYY-MM-DD`; blank is today.
    pub date: String,
    pub source: String,
}

/// The product with one more competitor price (newest first by date, then as added).
/// The competitor is the one chosen from the book (`competitors`: `(id, name)`), or the
/// typed name, linked to the competitor of that name when there is one (ignoring case and
/// accents). Refused with every field in error.
pub fn add_competitor_price(
    product: &Product,
    draft: &CompetitorPriceDraft,
    competitors: &[(Id, String)],
    today: NaiveDate,
) -> Result<Product, Vec<FieldError>> {
    let mut errors = Vec::new();
    let fold = crate::domain::text::fold;
    let chosen = draft
        .competitor
        .trim()
        .parse::<Id>()
        .ok()
        .and_then(|id| competitors.iter().find(|(c, _)| *c == id));
    let typed = draft.name.trim();
    let (competitor_id, competitor_name) = match chosen {
        Some((id, name)) => (Some(*id), name.clone()),
        None if typed.is_empty() => {
            errors.push(FieldError::new(
                "cp_competitor",
                "product.field.cp_competitor",
                FieldProblem::Required,
            ));
            (None, String::new())
        }
        None => (
            competitors
                .iter()
                .find(|(_, n)| fold(n) == fold(typed))
                .map(|(id, _)| *id),
            typed.to_string(),
        ),
    };
    crate::domain::account::check_name_length(
        &competitor_name,
        "cp_competitor",
        "product.field.cp_competitor",
        &mut errors,
    );
    let price = if draft.price.trim().is_empty() {
        errors.push(FieldError::new(
            "cp_price",
            "product.field.cp_price",
            FieldProblem::Required,
        ));
        None
    } else {
        UnitPrice::parse(&draft.price)
            .map_err(|e| {
                errors.push(FieldError::decimal(
                    "cp_price",
                    "product.field.cp_price",
                    &e,
                    &draft.price,
                ))
            })
            .ok()
    };
    let date = match crate::domain::account::parse_date(&draft.date) {
        Ok(d) => d.unwrap_or(today),
        Err(problem) => {
            errors.push(
                FieldError::new("cp_date", "product.field.cp_date", problem)
                    .arg("value", draft.date.trim()),
            );
            today
        }
    };
    let source = draft.source.trim().to_string();
    crate::domain::account::check_name_length(
        &source,
        "cp_source",
        "product.field.cp_source",
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut p = product.clone();
    let entry = CompetitorPrice {
        competitor_id,
        competitor_name,
        price: price.unwrap_or_default(),
        date,
        source,
    };
    let at = p
        .competitor_prices
        .iter()
        .position(|c| c.date <= date)
        .unwrap_or(p.competitor_prices.len());
    p.competitor_prices.insert(at, entry);
    Ok(p)
}

/// The product without the competitor price at `index` (`None` when there is none there).
pub fn remove_competitor_price(product: &Product, index: usize) -> Option<Product> {
    (index < product.competitor_prices.len()).then(|| {
        let mut p = product.clone();
        p.competitor_prices.remove(index);
        p
    })
}

/// The catalogue's categories, each once (ignoring case and accents), sorted, blank last
/// out: the list's groups and the form's suggestions.
pub fn categories<'a>(products: impl IntoIterator<Item = &'a Product>) -> Vec<String> {
    let fold = crate::domain::text::fold;
    let mut seen: Vec<(String, String)> = Vec::new();
    for p in products {
        let c = p.category.trim();
        if c.is_empty() {
            continue;
        }
        let k = fold(c);
        if !seen.iter().any(|(f, _)| *f == k) {
            seen.push((k, c.to_string()));
        }
    }
    seen.sort_plain();
    seen.into_iter().map(|(_, c)| c).collect()
}

/// Which products a catalogue list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CatalogueView {
    #[default]
    Active,
    Retired,
    All,
}
crate::keyed_enum!(CatalogueView, "product.view", {
    Active => "active",
    Retired => "retired",
    All => "all",
});

impl CatalogueView {
    pub fn shows(self, p: &Product) -> bool {
        match self {
            CatalogueView::Active => !p.retired,
            CatalogueView::Retired => p.retired,
            CatalogueView::All => true,
        }
    }
}

/// The products `view` shows, grouped by category (folded, sorted; products without a
/// category last, under `""`), each group sorted by name.
pub fn by_category<'a>(
    products: impl IntoIterator<Item = &'a Product>,
    view: CatalogueView,
) -> Vec<(String, Vec<&'a Product>)> {
    let fold = crate::domain::text::fold;
    let mut groups: Vec<(String, String, Vec<&Product>)> = Vec::new();
    for p in products.into_iter().filter(|p| view.shows(p)) {
        let c = p.category.trim();
        let k = fold(c);
        match groups.iter_mut().find(|(f, _, _)| *f == k) {
            Some(g) => g.2.push(p),
            None => groups.push((k, c.to_string(), vec![p])),
        }
    }
    // Blank category last.
    groups.sort_with(|a, b| (a.0.is_empty(), &a.0).cmp(&(b.0.is_empty(), &b.0)));
    groups
        .into_iter()
        .map(|(_, name, mut ps)| {
            ps.sort_on_cached(|p| (fold(&p.name), p.id));
            (name, ps)
        })
        .collect()
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

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn row(q: &str, p: &str) -> BreakDraft {
        BreakDraft {
            min_qty: q.into(),
            unit_price: p.into(),
        }
    }

    fn draft() -> ProductDraft {
        ProductDraft {
            name: " Pressure sensor ".into(),
            category: "Sensors".into(),
            unit: "piece".into(),
            list_price: "120".into(),
            cost: "80.5".into(),
            tax_rate: "21".into(),
            weight: "4".into(),
            locomotive: true,
            breaks: vec![row("10", "110"), row("", ""), row("50", "99.9950")],
            ..Default::default()
        }
    }

    fn problems(d: &ProductDraft) -> Vec<(&'static str, Option<usize>, FieldProblem)> {
        d.validate(None, |_| true)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.index, e.problem))
            .collect()
    }

    #[test]
    fn a_valid_draft_becomes_a_product_and_blank_break_rows_are_dropped() {
        let p = draft()
            .validate(None, |_| true)
            .unwrap()
            .into_new(Utc::now());
        assert_eq!(p.name, "Pressure sensor");
        assert_eq!(p.list_price, UnitPrice(120_0000));
        assert_eq!(p.cost, Some(UnitPrice(80_5000)));
        assert_eq!(p.tax_rate, Rate(2_100));
        assert_eq!((p.weight, p.locomotive, p.retired), (4, true, false));
        assert_eq!(
            p.price_breaks,
            vec![
                PriceBreak {
                    min_qty: Quantity::units(10),
                    unit_price: UnitPrice(110_0000)
                },
                PriceBreak {
                    min_qty: Quantity::units(50),
                    unit_price: UnitPrice(99_9950)
                },
            ]
        );
        assert!(p.price_history.is_empty(), "a new product has no history");
        // The form shows it back as typed and saving it unchanged changes nothing.
        let mut again = p.clone();
        ProductDraft::from_product(&p)
            .validate(Some(p.id), |_| true)
            .unwrap()
            .apply_to(&mut again, today());
        assert_eq!(again, p);
    }

    #[test]
    fn every_field_problem_is_reported_at_once() {
        let d = ProductDraft {
            name: " ".into(),
            currency: "EURO".into(),
            list_price: "-3".into(),
            cost: "1.23456".into(),
            tax_rate: "120".into(),
            weight: "0".into(),
            ..Default::default()
        };
        assert_eq!(
            problems(&d),
            vec![
                ("name", None, FieldProblem::Required),
                ("currency", None, FieldProblem::ProductCurrencyInvalid),
                ("list_price", None, FieldProblem::Negative),
                ("cost", None, FieldProblem::TooManyDecimals),
                ("tax_rate", None, FieldProblem::TooLarge),
                ("weight", None, FieldProblem::ProductWeightInvalid),
            ]
        );
        let d = ProductDraft {
            name: "x".into(),
            ..Default::default()
        };
        assert_eq!(
            problems(&d),
            vec![("list_price", None, FieldProblem::Required)]
        );
        let e = ProductDraft {
            list_price: "120,3456".into(),
            ..draft()
        };
        assert!(e.validate(None, |_| true).is_ok(), "four decimals are fine");
    }

    #[test]
    fn each_break_problem_is_reported_at_the_row_as_typed() {
        // Row 3 (index 2) repeats the quantity of row 1; the blank row 2 does not count.
        let d = ProductDraft {
            breaks: vec![row("10", "110"), row(" ", ""), row("10", "100")],
            ..draft()
        };
        let errs = d.validate(None, |_| true).unwrap_err();
        assert_eq!(errs.len(), 1);
        let e = &errs[0];
        assert_eq!(
            (e.field, e.index, e.problem),
            (
                "price_breaks",
                Some(2),
                FieldProblem::ProductBreakQuantityNotIncreasing
            )
        );
        assert_eq!(e.arg_value("row"), Some("3"));
        assert_eq!(e.arg_value("value"), Some("10"));

        let d = ProductDraft {
            breaks: vec![row("1", "110")],
            ..draft()
        };
        assert_eq!(
            problems(&d),
            vec![(
                "price_breaks",
                Some(0),
                FieldProblem::ProductBreakQuantityTooSmall
            )]
        );
        // A price above the list price, then above the row before.
        let d = ProductDraft {
            breaks: vec![row("10", "130"), row("20", "100"), row("30", "101")],
            ..draft()
        };
        assert_eq!(
            problems(&d),
            vec![
                (
                    "price_breaks",
                    Some(0),
                    FieldProblem::ProductBreakPriceNotFalling
                ),
                (
                    "price_breaks",
                    Some(2),
                    FieldProblem::ProductBreakPriceNotFalling
                ),
            ]
        );
        let d = ProductDraft {
            breaks: vec![row("10", ""), row("", "5"), row("abc", "-1")],
            ..draft()
        };
        assert_eq!(
            problems(&d),
            vec![
                (
                    "price_breaks",
                    Some(0),
                    FieldProblem::ProductBreakIncomplete
                ),
                (
                    "price_breaks",
                    Some(1),
                    FieldProblem::ProductBreakIncomplete
                ),
                ("price_breaks", Some(2), FieldProblem::NotANumber),
                ("price_breaks", Some(2), FieldProblem::Negative),
            ]
        );
    }

    #[test]
    fn related_products_exist_and_are_not_the_product_itself() {
        let own = crate::domain::ids::new_id();
        let other = crate::domain::ids::new_id();
        let gone = crate::domain::ids::new_id();
        let d = ProductDraft {
            related: vec![other, own, gone, other],
            ..draft()
        };
        let errs = d.validate(Some(own), |id| id == other).unwrap_err();
        let got: Vec<_> = errs.iter().map(|e| (e.index, e.problem)).collect();
        assert_eq!(
            got,
            vec![
                (Some(1), FieldProblem::ProductRelatedSelf),
                (Some(2), FieldProblem::ProductRelatedMissing)
            ]
        );
        let d = ProductDraft {
            related: vec![other, other],
            ..draft()
        };
        let v = d.validate(Some(own), |id| id == other).unwrap();
        assert_eq!(v.related, vec![other], "each once");
    }

    #[test]
    fn a_changed_list_price_is_appended_to_the_history() {
        let mut p = draft()
            .validate(None, |_| true)
            .unwrap()
            .into_new(Utc::now());
        let d = ProductDraft {
            list_price: "125.50".into(),
            name: "Renamed".into(),
            ..ProductDraft::from_product(&p)
        };
        d.validate(Some(p.id), |_| true)
            .unwrap()
            .apply_to(&mut p, today());
        assert_eq!(
            p.price_history,
            vec![PriceChange {
                date: today(),
                old: UnitPrice(120_0000),
                new: UnitPrice(125_5000)
            }]
        );
        // A save that keeps the price adds nothing; another change adds one more.
        let later = today().succ_opt().unwrap();
        ProductDraft::from_product(&p)
            .validate(Some(p.id), |_| true)
            .unwrap()
            .apply_to(&mut p, later);
        assert_eq!(p.price_history.len(), 1);
        set_list_price(&mut p, UnitPrice(119_0000), later);
        assert_eq!(p.price_history.len(), 2);
        assert_eq!(p.price_history[1].old, UnitPrice(125_5000));
        assert_eq!(p.list_price, UnitPrice(119_0000));
    }

    #[test]
    fn the_margin_is_list_minus_cost_and_its_share_of_the_list_price() {
        assert_eq!(margin(UnitPrice(120_0000), None), None);
        assert_eq!(
            margin(UnitPrice(120_0000), Some(UnitPrice(80_0000))),
            Some(Margin {
                amount: 40_0000,
                percent_bp: Some(3_333)
            })
        );
        assert_eq!(
            margin(UnitPrice(3_0000), Some(UnitPrice(1_0000))),
            Some(Margin {
                amount: 2_0000,
                percent_bp: Some(6_667)
            }),
            "66.67 %, rounded half away"
        );
        assert_eq!(
            margin(UnitPrice(10_0000), Some(UnitPrice(12_0000))),
            Some(Margin {
                amount: -2_0000,
                percent_bp: Some(-2_000)
            }),
            "below cost"
        );
        assert_eq!(
            margin(UnitPrice(0), Some(UnitPrice(1_0000))),
            Some(Margin {
                amount: -1_0000,
                percent_bp: None
            })
        );
    }

    #[test]
    fn competitor_prices_are_added_newest_first_and_removed() {
        let rival = crate::domain::ids::new_id();
        let book = vec![(rival, "Rival Ågé".to_string())];
        let p = Product::new("Sensor", UnitPrice(10_0000), Utc::now());
        let add =
            |p: &Product, d: CompetitorPriceDraft| add_competitor_price(p, &d, &book, today());
        let p = add(
            &p,
            CompetitorPriceDraft {
                competitor: rival.to_string(),
                price: "9.80".into(),
                date: "2026-10-01".into(),
                source: " web shop ".into(),
                ..Default::default()
            },
        )
        .unwrap();
        let p = add(
            &p,
            CompetitorPriceDraft {
                name: "rival age".into(),
                price: "9.50".into(),
                ..Default::default()
            },
        )
        .unwrap();
        let p = add(
            &p,
            CompetitorPriceDraft {
                name: "Newco".into(),
                price: "11".into(),
                date: "2026-01-05".into(),
                ..Default::default()
            },
        )
        .unwrap();
        let got: Vec<_> = p
            .competitor_prices
            .iter()
            .map(|c| (c.competitor_id, c.competitor_name.as_str(), c.date))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(rival), "rival age", today()),
                (
                    Some(rival),
                    "Rival Ågé",
                    NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()
                ),
                (None, "Newco", NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()),
            ]
        );
        assert_eq!(p.competitor_prices[1].source, "web shop");
        let errs = add(&p, CompetitorPriceDraft::default()).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| (e.field, e.problem)).collect();
        assert_eq!(
            fields,
            vec![
                ("cp_competitor", FieldProblem::Required),
                ("cp_price", FieldProblem::Required)
            ]
        );
        let fewer = remove_competitor_price(&p, 1).unwrap();
        assert_eq!(fewer.competitor_prices.len(), 2);
        assert_eq!(fewer.competitor_prices[1].competitor_name, "Newco");
        assert_eq!(remove_competitor_price(&p, 3), None);
    }

    #[test]
    fn the_list_groups_by_category_and_filters_retired_products() {
        let now = Utc::now();
        let mk = |name: &str, cat: &str, retired: bool| {
            let mut p = Product::new(name, UnitPrice(1_0000), now);
            p.category = cat.into();
            p.retired = retired;
            p
        };
        let all = vec![
            mk("Valve", "Valves", false),
            mk("Alpha sensor", "sensors", false),
            mk("Beta sensor", "Sensors", false),
            mk("Old valve", "Valves", true),
            mk("Service hour", "", false),
        ];
        let names = |groups: Vec<(String, Vec<&Product>)>| {
            groups
                .into_iter()
                .map(|(c, ps)| (c, ps.iter().map(|p| p.name.clone()).collect::<Vec<_>>()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(by_category(&all, CatalogueView::Active)),
            vec![
                (
                    "sensors".to_string(),
                    vec!["Alpha sensor".to_string(), "Beta sensor".to_string()]
                ),
                ("Valves".to_string(), vec!["Valve".to_string()]),
                (String::new(), vec!["Service hour".to_string()]),
            ]
        );
        assert_eq!(
            names(by_category(&all, CatalogueView::Retired)),
            vec![("Valves".to_string(), vec!["Old valve".to_string()])]
        );
        assert_eq!(by_category(&all, CatalogueView::All).len(), 3);
        assert_eq!(categories(&all), vec!["sensors", "Valves"]);
        let retired = set_retired(&all[0], true);
        assert!(retired.retired && !CatalogueView::Active.shows(&retired));
    }

    #[test]
    fn stored_products_obey_the_form_rules() {
        use crate::domain::rules::{CheckContext, Checked};
        let ctx = CheckContext { now: Utc::now() };
        let mut p = draft()
            .validate(None, |_| true)
            .unwrap()
            .into_new(Utc::now());
        assert_eq!(p.check(&ctx), Ok(()));
        p.price_breaks.swap(0, 1);
        let e = p.check(&ctx).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.reason),
            (
                "price_breaks[1]",
                "product.error.break_quantity_not_increasing"
            )
        );
        assert!(e.args.contains(&("row", "2".to_string())));
        let mut p2 = p.clone();
        p2.price_breaks.clear();
        p2.cost = Some(UnitPrice(-1));
        let e = p2.check(&ctx).unwrap_err();
        assert_eq!((e.path.as_str(), e.reason), ("cost", "rule.out_of_range"));
        p2.cost = None;
        p2.related = vec![p2.id];
        assert_eq!(
            p2.check(&ctx).unwrap_err().reason,
            "product.error.related_self"
        );
        p2.related.clear();
        p2.weight = 7;
        assert_eq!(p2.check(&ctx).unwrap_err().path, "weight");
    }
}
