//! Step 4 — presenting value: the proposal, centred on the customer's needs, in the
//! method's five sections: (1) background, present state and trends; (2) problems and
//! challenges with their impact, taken from the deal's goals and problems; (3) the
//! solution: overview, products, implementation plan and service system; (4) the
//! quotation, every product and service classified and summed so the customer can check
//! it; (5) credentials (business licence, company profile, product descriptions).
//!
//! **One record per version.** A [`Proposal`] is one version of the deal's proposal. A
//! draft is edited freely; sending it freezes it ([`send`]): its content is hashed
//! (SHA-256 of the canonical JSON, [`content_hash`]) and can never change again
//! ([`frozen_unchanged`], and the record rules refuse a stored version whose content no
//! longer matches its hash). Editing a sent proposal starts the next version as a draft
//! ([`new_version`]). [`diff`] says what changed between two versions, line by line and
//! section by section, with the money difference of the totals. The customer accepts or
//! rejects a sent version ([`decide`]); an accepted version is the evidence of the end
//! signal of step 4 ([`accepted_evidence`]).
//!
//! **The quotation** ([`quote`]). A catalogue line takes the product's price for its
//! quantity ([`Product::unit_price_for`](super::product::Product::unit_price_for)) and
//! keeps it; a lower price is only a line discount with a written reason. Totals are
//! integers with the one rounding rule of [`price`](super::price): each line's net
//! rounded half away from zero, the tax of each rate rounded once on the sum of the nets
//! at that rate, the total the nets plus the taxes. Optional lines stay out of the totals
//! until the customer chooses them. A line priced below cost and a discount above the
//! limit set in Settings are flagged; a total too large for the arithmetic is an error,
//! never a wrap.
//!
//! **Traceability** ([`trace_needs`]). Every problem, product-or-service and purchase-indicator
//! need of the deal must be answered by at least one quotation line (goals and
//! solution-layer needs are answered by the text of sections 1–3); a need of those
//! layers without a line, and a line answering no need, are flagged.
//!
//! **The customer's copy** ([`customer_copy_body`]): the five sections and the quotation
//! with the rounding rule, without costs, margins or flags; the print view and the
//! downloaded HTML file are this one text.

mod copy;
mod quote;
mod record;
#[cfg(test)]
mod tests;
mod trace;
mod version;

pub use copy::*;
pub use quote::*;
pub use record::*;
pub use trace::*;
pub use version::*;
