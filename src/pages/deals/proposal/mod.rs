//! A deal's proposal (step 4): the editor of a version centred on the customer's needs
//! (`editor`, routes `/deals/:id/proposal` and `/deals/:id/proposal/:version`), its
//! quotation table and line form (`quote`), the comparison of two versions (`compare`,
//! `/deals/:id/proposal/compare?a=1&b=2`) and the customer's copy with print and
//! download (`copy`, `/deals/:id/proposal/:version/copy`).
//!
//! Files here read state and call `crate::state::actions::proposals`; shared pieces come
//! from `crate::ui`.

mod compare;
mod copy;
mod discount;
mod editor;
mod quote;

pub use compare::ProposalComparePage;
pub use copy::ProposalCopyPage;
pub use editor::{ProposalPage, ProposalSummary};

use crate::domain::deal::Deal;
use crate::domain::ids::Id;
use crate::domain::money::{Currency, Money};
use crate::domain::price::{Rate, UnitPrice};
use crate::state::data::AppData;
use crate::state::tr;
use crate::ui::fmt;
use crate::ui::link::href;

/// `/deals/:id/proposal[/…]`.
fn proposal_href(deal: Id, rest: &str) -> String {
    href(&format!("/deals/{deal}/proposal{rest}"))
}

fn money(minor: i64, currency: &Currency) -> String {
    fmt::money(&Money::new(minor, currency.clone()))
}

fn unit_price(p: UnitPrice, currency: &Currency) -> String {
    fmt::price(p, currency)
}

/// A rate as the language writes percentages ("12.5%", "12,5 %").
fn percent(r: Rate) -> String {
    fmt::percent(i64::from(r.0))
}

/// A version's status as the rep reads it, `(code, text)`: the stored one, or "Superseded
/// by version N" for a sent version a later one replaced (`all`: the deal's versions).
fn status_label(
    p: &crate::domain::proposal::Proposal,
    all: &[crate::domain::proposal::Proposal],
) -> (&'static str, String) {
    match crate::domain::proposal::superseded_by(p, all) {
        Some(n) => (
            "superseded",
            crate::state::tw("proposal_ui.superseded_by", &[("n", &n.to_string())]),
        ),
        None => (p.status.code(), tr(p.status.key())),
    }
}

/// The deal's account name, or a placeholder.
fn customer(data: AppData, d: &Deal) -> String {
    data.accounts
        .with_all(|m| m.get(&d.account_id).map(|a| a.name.clone()))
        .unwrap_or_else(|| tr("deals_ui.unknown_account"))
}

use crate::domain::proposal::{Proposal, Refusal};
use crate::state::actions::proposals::Save;
use crate::state::toasts::Toasts;
use crate::ui::form::FormErrors;

/// Runs a save; on success calls `ok` with the version as stored, on a store error shows it.
fn run_save(toasts: Toasts, save: Save, ok: impl FnOnce(Proposal) + 'static) {
    crate::state::data::spawn_save(toasts, save, ok);
}

/// Shows a refusal: a rule in `notice`, field errors under their fields (`errors`).
fn show_refusal(r: Refusal, notice: leptos::prelude::RwSignal<Option<String>>, errors: FormErrors) {
    use leptos::prelude::Set;
    match r {
        Refusal::Rule(e) => notice.set(Some(tr(e.key()))),
        Refusal::Fields(errs) => {
            notice.set(None);
            errors.show(&errs);
        }
    }
}
