//! Catalogue (menu entry "Catalogue", step 4 — presenting value, and good vendor practice):
//! one fair price list for every customer. The list groups the products by category, shows
//! active or retired ones and prints as a price list for the customer (no cost or margin
//! on paper); a product's page shows its price breaks, the history of its list price, what
//! the competitors charge, related products and the margin, and holds the product form.
//!
//! Files here read state and call the actions in `crate::state::actions::products`, and
//! import nothing from another area's pages.

mod detail;
mod list;

pub use detail::ProductPage;
pub use list::CataloguePage;
