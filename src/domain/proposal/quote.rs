//! Section 4, the quotation: its lines (from the catalogue or typed), the line form's
//! rules, and the totals in integers with margins and flags.

use crate::domain::sorting::SortExt;
use serde::{Deserialize, Serialize};

use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::ids::Id;
use crate::domain::price::{self, DecimalError, Overflow, Quantity, Rate, UnitPrice, WHOLE_BP};
use crate::domain::product::Product;
use crate::domain::rules::MAX_NAME;

/// Where a line's price comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LineSource {
    /// A catalogue product: the unit price is the product's price for the quantity (list
    /// price or price break) when the line was priced, and nothing else.
    Catalogue { product_id: Id },
    /// A line typed by the rep (a service, a one-off item): name and unit price typed.
    Free,
}

/// One line of the quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteLine {
    /// Stable across versions (a new version copies it), so two versions can be compared.
    pub id: Id,
    pub source: LineSource,
    pub name: String,
    /// Lines are grouped by category, each group with its subtotal.
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub unit: String,
    pub quantity: Quantity,
    /// A catalogue line: the catalogue's price for this quantity, as used.
    pub unit_price: UnitPrice,
    #[serde(default)]
    pub discount: Rate,
    /// Why the discount was given (required with a discount).
    #[serde(default)]
    pub discount_reason: String,
    #[serde(default)]
    pub tax_rate: Rate,
    /// An optional line is offered but kept out of the totals until the customer chooses it.
    #[serde(default)]
    pub optional: bool,
    /// An optional line the customer chose: counted in the totals.
    #[serde(default)]
    pub chosen: bool,
    /// What one unit costs us, when known (for the margin; never shown to the customer).
    #[serde(default)]
    pub cost: Option<UnitPrice>,
    /// The deal's needs this line answers.
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub need_ids: Vec<Id>,
}

/// How many quotation lines of `proposals` (every version) name `product`: a product in
/// use cannot be deleted, only retired (a sent version must keep showing what it offered).
pub fn lines_naming<'a>(
    proposals: impl IntoIterator<Item = &'a super::record::Proposal>,
    product: Id,
) -> usize {
    proposals
        .into_iter()
        .flat_map(|p| &p.content.lines)
        .filter(|l| {
            l.source
                == LineSource::Catalogue {
                    product_id: product,
                }
        })
        .count()
}

impl QuoteLine {
    /// Counted in the totals: not optional, or optional and chosen.
    pub fn included(&self) -> bool {
        !self.optional || self.chosen
    }

    pub fn product_id(&self) -> Option<Id> {
        match self.source {
            LineSource::Catalogue { product_id } => Some(product_id),
            LineSource::Free => None,
        }
    }
}

/// A line as typed in the line form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    /// A catalogue line's product; `None` for a free line.
    pub product_id: Option<Id>,
    /// A free line's name (a catalogue line takes the product's).
    pub name: String,
    pub category: String,
    pub unit: String,
    pub quantity: String,
    /// A free line's unit price (a catalogue line takes the catalogue's).
    pub unit_price: String,
    pub discount: String,
    pub discount_reason: String,
    pub tax_rate: String,
    /// A free line's cost per unit (blank: unknown).
    pub cost: String,
    pub optional: bool,
    pub chosen: bool,
    pub need_ids: Vec<Id>,
}

impl LineInput {
    /// The form filled from a stored line.
    pub fn from_line(l: &QuoteLine) -> Self {
        LineInput {
            product_id: l.product_id(),
            name: l.name.clone(),
            category: l.category.clone(),
            unit: l.unit.clone(),
            quantity: l.quantity.to_input(),
            unit_price: l.unit_price.to_input(),
            discount: if l.discount == Rate::ZERO {
                String::new()
            } else {
                l.discount.to_input()
            },
            discount_reason: l.discount_reason.clone(),
            tax_rate: l.tax_rate.to_input(),
            cost: l.cost.map(|c| c.to_input()).unwrap_or_default(),
            optional: l.optional,
            chosen: l.chosen,
            need_ids: l.need_ids.clone(),
        }
    }

    /// A new catalogue line for `product`: one unit, its category, unit and tax rate.
    pub fn from_product(p: &Product) -> Self {
        LineInput {
            product_id: Some(p.id),
            name: p.name.clone(),
            category: p.category.clone(),
            unit: p.unit.clone(),
            quantity: "1".into(),
            unit_price: p.list_price.to_input(),
            tax_rate: p.tax_rate.to_input(),
            ..LineInput::default()
        }
    }
}

const L_NAME: &str = "proposal.field.line_name";
const L_QTY: &str = "proposal.field.quantity";
const L_PRICE: &str = "proposal.field.unit_price";
const L_DISCOUNT: &str = "proposal.field.discount";
const L_REASON: &str = "proposal.field.discount_reason";
const L_TAX: &str = "proposal.field.tax_rate";
const L_COST: &str = "proposal.field.cost";
const L_PRODUCT: &str = "proposal.field.product";

/// A typed percentage, blank meaning zero.
fn percent(s: &str) -> Result<Rate, DecimalError> {
    if s.trim().is_empty() {
        Ok(Rate::ZERO)
    } else {
        Rate::parse_percent(s)
    }
}

/// Builds the line `id` from the form (every problem at once, in form order). A catalogue
/// line needs its `product` (in the proposal's `currency`; a retired product is not
/// offered on a new line — `existing` is the line as stored, if it is being edited) and
/// takes the product's name, unit, cost and the unit price for the quantity
/// ([`Product::unit_price_for`]); a lower price is only a discount with a reason.
/// `exponent` is the currency's number of decimals (for the overflow check).
pub fn build_line(
    input: &LineInput,
    product: Option<&Product>,
    existing: Option<&QuoteLine>,
    id: Id,
    currency: &crate::domain::money::Currency,
) -> Result<QuoteLine, Vec<FieldError>> {
    let mut errs = Vec::new();
    let quantity = match Quantity::parse(&input.quantity) {
        Ok(q) => Some(q),
        Err(e) => {
            errs.push(FieldError::decimal("quantity", L_QTY, &e, &input.quantity));
            None
        }
    };
    let (source, name, unit, typed_price, cost) = match input.product_id {
        Some(pid) => {
            let was_there = existing.and_then(QuoteLine::product_id) == Some(pid);
            match product.filter(|p| p.id == pid) {
                None => {
                    errs.push(FieldError::new(
                        "product",
                        L_PRODUCT,
                        FieldProblem::ProposalProductMissing,
                    ));
                    (
                        LineSource::Catalogue { product_id: pid },
                        String::new(),
                        String::new(),
                        None,
                        None,
                    )
                }
                Some(p) => {
                    if p.retired && !was_there {
                        errs.push(
                            FieldError::new(
                                "product",
                                L_PRODUCT,
                                FieldProblem::ProposalProductRetired,
                            )
                            .arg("value", &p.name),
                        );
                    }
                    if p.currency != *currency {
                        errs.push(
                            FieldError::new(
                                "product",
                                L_PRODUCT,
                                FieldProblem::ProposalCurrencyMismatch,
                            )
                            .arg("value", p.currency.code())
                            .arg("allowed", currency.code()),
                        );
                    }
                    let unit = if input.unit.trim().is_empty() {
                        p.unit.clone()
                    } else {
                        input.unit.trim().to_string()
                    };
                    (
                        LineSource::Catalogue { product_id: p.id },
                        p.name.clone(),
                        unit,
                        quantity.map(|q| p.unit_price_for(q)),
                        p.cost,
                    )
                }
            }
        }
        None => {
            let name = input.name.trim().to_string();
            if name.is_empty() {
                errs.push(FieldError::new("name", L_NAME, FieldProblem::Required));
            } else if name.chars().count() > MAX_NAME {
                errs.push(FieldError::new("name", L_NAME, FieldProblem::TooLong));
            }
            let price = match UnitPrice::parse(&input.unit_price) {
                Ok(p) => Some(p),
                Err(e) => {
                    errs.push(FieldError::decimal(
                        "unit_price",
                        L_PRICE,
                        &e,
                        &input.unit_price,
                    ));
                    None
                }
            };
            let cost = if input.cost.trim().is_empty() {
                None
            } else {
                match UnitPrice::parse(&input.cost) {
                    Ok(c) => Some(c),
                    Err(e) => {
                        errs.push(FieldError::decimal("cost", L_COST, &e, &input.cost));
                        None
                    }
                }
            };
            (
                LineSource::Free,
                name,
                input.unit.trim().to_string(),
                price,
                cost,
            )
        }
    };
    let discount = match percent(&input.discount) {
        Ok(d) => Some(d),
        Err(DecimalError::TooLarge) => {
            errs.push(
                FieldError::new(
                    "discount",
                    L_DISCOUNT,
                    FieldProblem::ProposalDiscountOver100,
                )
                .arg("value", input.discount.trim()),
            );
            None
        }
        Err(e) => {
            errs.push(FieldError::decimal(
                "discount",
                L_DISCOUNT,
                &e,
                &input.discount,
            ));
            None
        }
    };
    let reason = input.discount_reason.trim().to_string();
    if discount.is_some_and(|d| d > Rate::ZERO) && reason.is_empty() {
        errs.push(FieldError::new(
            "discount_reason",
            L_REASON,
            FieldProblem::ProposalDiscountReasonRequired,
        ));
    }
    let tax_rate = match percent(&input.tax_rate) {
        Ok(t) => Some(t),
        Err(e) => {
            errs.push(FieldError::decimal("tax_rate", L_TAX, &e, &input.tax_rate));
            None
        }
    };
    if let (Some(q), Some(p), Some(d), Some(t)) = (quantity, typed_price, discount, tax_rate) {
        let exp = currency.exponent();
        let fits = price::line_net(q, p, d, exp)
            .and_then(|net| price::tax_on(net, t).map(|_| net))
            .and_then(|net| cost.map_or(Ok(net), |c| price::line_net(q, c, Rate::ZERO, exp)));
        if fits.is_err() {
            errs.push(
                FieldError::new("quantity", L_QTY, FieldProblem::ProposalAmountTooLarge)
                    .arg("value", input.quantity.trim()),
            );
        }
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let (Some(quantity), Some(unit_price), Some(discount), Some(tax_rate)) =
        (quantity, typed_price, discount, tax_rate)
    else {
        return Err(errs);
    };
    let mut need_ids = input.need_ids.clone();
    need_ids.dedup();
    Ok(QuoteLine {
        id,
        source,
        name,
        category: input.category.trim().to_string(),
        unit,
        quantity,
        unit_price,
        discount,
        discount_reason: if discount == Rate::ZERO {
            String::new()
        } else {
            reason
        },
        tax_rate,
        optional: input.optional,
        chosen: input.optional && input.chosen,
        cost,
        need_ids,
    })
}

/// Re-prices a catalogue line from its product as it is now (the price for its quantity,
/// the product's name and cost); a free line, or a line whose product is gone, is kept.
pub fn reprice(line: &mut QuoteLine, product: Option<&Product>) {
    if let (Some(pid), Some(p)) = (line.product_id(), product) {
        if p.id == pid {
            line.unit_price = p.unit_price_for(line.quantity);
            line.name = p.name.clone();
            line.cost = p.cost;
        }
    }
}

/// Something on a line the rep should look at (shown to the rep, never to the customer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineFlag {
    /// The line's net is below what it costs us.
    BelowCost,
    /// The discount is above the limit set in Settings.
    DiscountAboveLimit { limit: Rate },
    /// A discount without a written reason.
    DiscountWithoutReason,
}

crate::keyed_enum!(LineFlag, {
    Self::BelowCost => "proposal.flag.below_cost",
    Self::DiscountAboveLimit { .. } => "proposal.flag.discount_above_limit",
    Self::DiscountWithoutReason => "proposal.flag.discount_without_reason",
});

/// The figures of one line, in minor units of the proposal's currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineFigures {
    pub line_id: Id,
    /// `round(quantity × unit price × (1 − discount))`.
    pub net: i64,
    pub included: bool,
    /// What the line costs us (`round(quantity × cost)`), when the cost is known.
    pub cost: Option<i64>,
    /// Net minus cost, when the cost is known.
    pub margin: Option<i64>,
    pub flags: Vec<LineFlag>,
}

/// The tax of one rate, rounded once on the sum of the included nets at that rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaxRow {
    pub rate: Rate,
    pub base: i64,
    pub tax: i64,
}

/// One category of lines, in the order the category first appears, with its subtotal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryGroup {
    /// As typed ("" for lines without a category).
    pub category: String,
    /// Indexes into the lines, in order.
    pub lines: Vec<usize>,
    /// The nets of the included lines.
    pub subtotal: i64,
    /// The nets of the optional lines not chosen (offered, not counted).
    pub optional: i64,
}

/// Every figure of a quotation, in minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    /// One per line, in the lines' order.
    pub lines: Vec<LineFigures>,
    pub groups: Vec<CategoryGroup>,
    /// The sum of the included lines' nets.
    pub net: i64,
    /// One row per tax rate of the included lines, by rate.
    pub taxes: Vec<TaxRow>,
    pub tax: i64,
    /// Nets plus taxes.
    pub total: i64,
    /// The nets of the optional lines not chosen.
    pub optional_net: i64,
    /// The included lines' cost, when every included line's cost is known.
    pub cost: Option<i64>,
    /// Net minus cost, when the cost is known.
    pub margin: Option<i64>,
}

impl Totals {
    /// The margin as a share of the net in basis points (`None` when unknown or the net
    /// is zero).
    pub fn margin_bp(&self) -> Option<i64> {
        margin_bp(self.margin, self.net)
    }
}

/// `margin / net` in basis points, rounded half away from zero.
pub fn margin_bp(margin: Option<i64>, net: i64) -> Option<i64> {
    let m = margin?;
    (net != 0).then(|| {
        price::round_half_away(i128::from(m) * i128::from(WHOLE_BP), i128::from(net)) as i64
    })
}

/// The quotation would hold an amount too large for its arithmetic: at `line` (index)
/// when one line alone is too large, else in the sums.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge {
    pub line: Option<usize>,
}

fn add(a: i64, b: i64, line: Option<usize>) -> Result<i64, TooLarge> {
    a.checked_add(b).ok_or(TooLarge { line })
}

/// The totals of `lines` in a currency with `exponent` decimals; `discount_limit` is the
/// limit set in Settings (`None`: no limit). See the module notes for the rounding rule.
pub fn totals(
    lines: &[QuoteLine],
    exponent: u32,
    discount_limit: Option<Rate>,
) -> Result<Totals, TooLarge> {
    let mut figures = Vec::with_capacity(lines.len());
    let mut groups: Vec<CategoryGroup> = Vec::new();
    let mut by_rate: Vec<(Rate, i64)> = Vec::new();
    let (mut net, mut optional_net) = (0i64, 0i64);
    let mut cost: Option<i64> = Some(0);
    for (i, l) in lines.iter().enumerate() {
        let at = Some(i);
        let too_large = |_: Overflow| TooLarge { line: at };
        let line_net =
            price::line_net(l.quantity, l.unit_price, l.discount, exponent).map_err(too_large)?;
        let line_cost = l
            .cost
            .map(|c| price::line_net(l.quantity, c, Rate::ZERO, exponent))
            .transpose()
            .map_err(too_large)?;
        let margin = match line_cost {
            Some(c) => Some(line_net.checked_sub(c).ok_or(TooLarge { line: at })?),
            None => None,
        };
        let mut flags = Vec::new();
        if line_cost.is_some_and(|c| line_net < c) {
            flags.push(LineFlag::BelowCost);
        }
        if let Some(limit) = discount_limit {
            if l.discount > limit {
                flags.push(LineFlag::DiscountAboveLimit { limit });
            }
        }
        if l.discount > Rate::ZERO && l.discount_reason.trim().is_empty() {
            flags.push(LineFlag::DiscountWithoutReason);
        }
        let included = l.included();
        let group = match groups.iter_mut().position(|g| g.category == l.category) {
            Some(g) => &mut groups[g],
            None => {
                groups.push(CategoryGroup {
                    category: l.category.clone(),
                    lines: Vec::new(),
                    subtotal: 0,
                    optional: 0,
                });
                groups.last_mut().expect("just pushed")
            }
        };
        group.lines.push(i);
        if included {
            group.subtotal = add(group.subtotal, line_net, at)?;
            net = add(net, line_net, at)?;
            match by_rate.iter_mut().find(|(r, _)| *r == l.tax_rate) {
                Some((_, base)) => *base = add(*base, line_net, at)?,
                None => by_rate.push((l.tax_rate, line_net)),
            }
            cost = match (cost, line_cost) {
                (Some(a), Some(b)) => Some(add(a, b, at)?),
                _ => None,
            };
        } else {
            group.optional = add(group.optional, line_net, at)?;
            optional_net = add(optional_net, line_net, at)?;
        }
        figures.push(LineFigures {
            line_id: l.id,
            net: line_net,
            included,
            cost: line_cost,
            margin,
            flags,
        });
    }
    by_rate.sort_on(|(r, _)| *r);
    let mut taxes = Vec::with_capacity(by_rate.len());
    let mut tax = 0i64;
    for (rate, base) in by_rate {
        let t = price::tax_on(base, rate).map_err(|_| TooLarge { line: None })?;
        tax = add(tax, t, None)?;
        taxes.push(TaxRow { rate, base, tax: t });
    }
    let total = add(net, tax, None)?;
    let margin = match cost {
        Some(c) => Some(net.checked_sub(c).ok_or(TooLarge { line: None })?),
        None => None,
    };
    Ok(Totals {
        lines: figures,
        groups,
        net,
        taxes,
        tax,
        total,
        optional_net,
        cost,
        margin,
    })
}
