//! The account list: filters, sort order, the options of the filters and the lead-source
//! report.

use super::*;
use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::ids::Id;
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;
#[cfg(doc)]
use crate::domain::text::{collation_key, Collation};
use crate::keyed_enum;
use serde::{Deserialize, Serialize};

/// New (prospect) versus existing customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerKind {
    New,
    Existing,
}
keyed_enum!(CustomerKind, "customer_kind", { New => "new", Existing => "existing" });

/// Which accounts a list shows with respect to archiving. Default: active only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArchiveView {
    #[default]
    Active,
    Archived,
    All,
}
keyed_enum!(ArchiveView, "archive_view", { Active => "active", Archived => "archived", All => "all" });

/// The account list's filters; `None` means "any". Text filters compare folded.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountFilter {
    pub grade: Option<Grade>,
    pub industry: Option<String>,
    pub tag: Option<String>,
    pub owner: Option<String>,
    pub customer: Option<CustomerKind>,
    pub lead_source: Option<LeadSource>,
    pub archive: ArchiveView,
}

impl AccountFilter {
    /// How many filters narrow the list (differ from "any" or from the default view).
    pub fn narrowing(&self) -> usize {
        [
            self.grade.is_some(),
            self.industry.is_some(),
            self.tag.is_some(),
            self.owner.is_some(),
            self.customer.is_some(),
            self.lead_source.is_some(),
            self.archive != ArchiveView::default(),
        ]
        .into_iter()
        .filter(|set| *set)
        .count()
    }

    pub fn matches(&self, a: &Account) -> bool {
        let archive_ok = match self.archive {
            ArchiveView::Active => !a.archived,
            ArchiveView::Archived => a.archived,
            ArchiveView::All => true,
        };
        archive_ok
            && self.grade.is_none_or(|g| a.grade == Some(g))
            && self
                .industry
                .as_deref()
                .is_none_or(|i| fold(i) == fold(&a.industry))
            && self.tag.as_deref().is_none_or(|t| a.has_tag(t))
            && self
                .owner
                .as_deref()
                .is_none_or(|o| fold(o) == fold(&a.owner))
            && self
                .customer
                .is_none_or(|c| a.is_existing_customer() == (c == CustomerKind::Existing))
            && self.lead_source.is_none_or(|l| a.lead_source == Some(l))
    }
}

/// One row of the lead-source report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadSourceRow {
    /// `None`: accounts with no lead source recorded.
    pub source: Option<LeadSource>,
    pub accounts: usize,
    /// How many of them became customers (`customer_since` set).
    pub customers: usize,
    /// The value of their won deals, per currency (no exchange rates are known).
    pub won: crate::domain::pipeline::CurrencyTotals,
}

/// Accounts per lead source, how many became customers and the value of their won deals.
/// Archived accounts count too (where a customer came from does not change when it is
/// archived). Rows follow [`LeadSource::ALL`], then "not recorded"; sources without an
/// account are left out.
pub fn lead_source_report(
    accounts: &[Account],
    deals: &[crate::domain::deal::Deal],
) -> Vec<LeadSourceRow> {
    use std::collections::HashMap;
    let source_of: HashMap<Id, Option<LeadSource>> =
        accounts.iter().map(|a| (a.id, a.lead_source)).collect();
    let slots: Vec<Option<LeadSource>> = LeadSource::ALL
        .iter()
        .map(|l| Some(*l))
        .chain(std::iter::once(None))
        .collect();
    let mut rows: Vec<LeadSourceRow> = slots
        .iter()
        .map(|s| LeadSourceRow {
            source: *s,
            accounts: 0,
            customers: 0,
            won: Default::default(),
        })
        .collect();
    let slot = |s: Option<LeadSource>| slots.iter().position(|x| *x == s).unwrap_or(0);
    for a in accounts {
        let r = &mut rows[slot(a.lead_source)];
        r.accounts += 1;
        r.customers += usize::from(a.is_existing_customer());
    }
    for d in deals {
        if !matches!(d.outcome, crate::domain::deal::Outcome::Won { .. }) {
            continue;
        }
        let Some(src) = source_of.get(&d.account_id) else {
            continue;
        };
        crate::domain::pipeline::add_to(
            &mut rows[slot(*src)].won,
            &d.value.currency,
            d.value.minor,
        );
    }
    rows.retain(|r| r.accounts > 0);
    rows
}

/// The accounts passing `filter`, in input order.
pub fn filter_accounts<'a>(accounts: &'a [Account], filter: &AccountFilter) -> Vec<&'a Account> {
    accounts.iter().filter(|a| filter.matches(a)).collect()
}

/// Sort keys of the account list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountSortKey {
    #[default]
    Name,
    Grade,
    Updated,
}
keyed_enum!(AccountSortKey, "account_sort", { Name => "name", Grade => "grade", Updated => "updated" });

/// Sorts accounts. Ascending: name A→Z in the reader's alphabet (`name_order`, say
/// [`collation_key`] for a [`Collation`]: accents and case only break ties, so "Ábols" sits
/// with "Abols"), grade A→C then ungraded, updated oldest→newest; `descending` reverses.
/// Ties fall back to the name, then the id, so the order is stable across reloads.
pub fn sort_accounts(
    list: &mut [&Account],
    key: AccountSortKey,
    descending: bool,
    name_order: &dyn Fn(&str) -> Vec<u32>,
) {
    list.sort_on_cached(|a| {
        let grade_rank = a.grade.map_or(3, |g| g as u8);
        (
            match key {
                AccountSortKey::Name => 0,
                AccountSortKey::Grade => i64::from(grade_rank),
                AccountSortKey::Updated => a.updated_at.timestamp_micros(),
            },
            name_order(&a.name),
            a.name.clone(),
            a.id,
        )
    });
    if descending {
        list.reverse();
    }
}

/// Distinct non-blank values of a text field (first spelling kept), sorted folded: the
/// options of the industry and owner filters.
pub fn distinct_values<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut seen: Vec<(String, String)> = Vec::new();
    for v in values {
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        let k = fold(v);
        if let Err(pos) = seen.binary_search_by(|(f, _)| f.as_str().cmp(&k)) {
            seen.insert(pos, (k, v.to_string()));
        }
    }
    seen.into_iter().map(|(_, v)| v).collect()
}

/// Industries in use, for the industry filter.
pub fn industries(accounts: &[Account]) -> Vec<String> {
    distinct_values(accounts.iter().map(|a| a.industry.as_str()))
}

/// Owners in use, for the owner filter.
pub fn owners(accounts: &[Account]) -> Vec<String> {
    distinct_values(accounts.iter().map(|a| a.owner.as_str()))
}

/// Tags in use, for the tag filter.
pub fn all_tags(accounts: &[Account]) -> Vec<String> {
    distinct_values(
        accounts
            .iter()
            .flat_map(|a| a.tags.iter().map(String::as_str)),
    )
}

/// Archives or restores an account (the store saves it as a new revision).
pub fn set_archived(account: &Account, archived: bool) -> Account {
    let mut a = account.clone();
    a.archived = archived;
    a
}

/// What keeps an account from being deleted: the people and the deals still linked to it
/// (they would point at nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StillLinked {
    pub people: usize,
    pub deals: usize,
    /// Complaints, credit checks, invoices, referral asks (made there or with it as a lead)
    /// and declined requests that name the account.
    pub service: usize,
}

/// Whether the account `id` may be deleted: only when no person, no deal and no record of
/// the follow-up service (`service_links`, counted by the caller) is linked to it;
/// otherwise says how many are.
pub fn check_delete<'a>(
    id: Id,
    contacts: impl IntoIterator<Item = &'a crate::domain::contact::Contact>,
    deals: impl IntoIterator<Item = &'a crate::domain::deal::Deal>,
    service_links: usize,
) -> Result<(), StillLinked> {
    let linked = StillLinked {
        people: contacts.into_iter().filter(|c| c.account_id == id).count(),
        deals: deals.into_iter().filter(|d| d.account_id == id).count(),
        service: service_links,
    };
    if linked.people > 0 || linked.deals > 0 || linked.service > 0 {
        Err(linked)
    } else {
        Ok(())
    }
}

/// The account with one more product in use (its name trimmed); refused without a product
/// name.
pub fn add_product(account: &Account, product: ProductInUse) -> Result<Account, FieldError> {
    let name = product.product.trim();
    if name.is_empty() {
        return Err(FieldError::new(
            "product",
            "account.field.product",
            FieldProblem::Required,
        ));
    }
    let mut a = account.clone();
    a.products_in_use.push(ProductInUse {
        product: name.to_string(),
        ..product
    });
    Ok(a)
}

/// The account without its product in use at `index`; `None` when there is none there.
pub fn remove_product(account: &Account, index: usize) -> Option<Account> {
    (index < account.products_in_use.len()).then(|| {
        let mut a = account.clone();
        a.products_in_use.remove(index);
        a
    })
}
