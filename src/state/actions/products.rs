//! The catalogue: creating and saving a product from its form, retiring and offering it
//! again, its competitors' prices, and deleting it (with Undo) while nothing uses it.
//!
//! **What blocks a delete** is [`uses`]: the quotation lines (of any proposal version) that
//! name the product. A product in use is not deleted; the product page says how many lines
//! use it and offers "Retire" instead. Other products that list a deleted product
//! as related keep its id: the page shows only related products that exist, the next save
//! of their form drops the id, and Undo brings the link back with the product.

use crate::domain::fields::FieldError;
use crate::domain::ids::{brought_back, Id};
use crate::domain::product::{self, CompetitorPriceDraft, Product, ProductDraft, ProductUses};
use crate::state::data::AppData;
use crate::store::StoreError;
use chrono::{Local, NaiveDate, Utc};
use std::future::Future;

fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The product a form's draft describes: a new one, or `base` with the form's fields
/// written over it (a changed list price appended to its history, dated today). Refused
/// with every field in error; related products must be in the catalogue.
pub fn from_form(
    data: &AppData,
    base: Option<Product>,
    draft: &ProductDraft,
) -> Result<Product, Vec<FieldError>> {
    let own = base.as_ref().map(|p| p.id);
    let valid = data
        .products
        .with_all_untracked(|all| draft.validate(own, |id| all.contains_key(&id)))?;
    Ok(match base {
        Some(mut p) => {
            valid.apply_to(&mut p, today());
            p
        }
        None => valid.into_new(Utc::now()),
    })
}

/// Retires the product (`true`: no longer offered on new quotations) or offers it again.
pub async fn set_retired(
    data: AppData,
    product: Product,
    retired: bool,
) -> Result<Product, StoreError> {
    super::put(data, product::set_retired(&product, retired)).await
}

/// The records that use the product: quotation lines of any proposal version.
pub fn uses(data: &AppData, id: Id) -> ProductUses {
    ProductUses {
        quotation_lines: data
            .proposals
            .with_all_untracked(|all| crate::domain::proposal::lines_naming(all.values(), id)),
    }
}

/// Deletes the product; refused at once while a record uses it (retire it instead).
pub fn delete(
    data: AppData,
    product: Product,
) -> Result<impl Future<Output = Result<Product, StoreError>>, ProductUses> {
    let used = uses(&data, product.id);
    if !used.is_empty() {
        return Err(used);
    }
    Ok(super::delete(data, product))
}

/// Brings a deleted product back (the Undo of [`delete`]).
pub async fn undo_delete(data: AppData, deleted: Product) -> Result<Product, StoreError> {
    super::put(data, brought_back(&deleted)).await
}

/// Adds a competitor's price; refused at once with every field in error.
pub fn add_competitor_price(
    data: AppData,
    product: &Product,
    draft: &CompetitorPriceDraft,
) -> Result<impl Future<Output = Result<Product, StoreError>>, Vec<FieldError>> {
    let competitors: Vec<(Id, String)> = data
        .competitors
        .with_all_untracked(|m| m.values().map(|c| (c.id, c.name.clone())).collect());
    let changed = product::add_competitor_price(product, draft, &competitors, today())?;
    Ok(super::put(data, changed))
}

/// Removes the competitor's price at `index` (nothing happens when there is none there).
pub async fn remove_competitor_price(
    data: AppData,
    product: Product,
    index: usize,
) -> Result<Product, StoreError> {
    match product::remove_competitor_price(&product, index) {
        Some(changed) => super::put(data, changed).await,
        None => Ok(product),
    }
}
