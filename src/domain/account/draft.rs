//! The account form: what is typed ([`AccountDraft`]) and the validated profile
//! ([`ValidAccount`]).

use super::*;
use crate::domain::fields::{FieldError, FieldProblem};
use crate::i18n::Locale;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// What an account form holds. Text inputs are `String`s kept exactly as typed; list rows
/// (phones, e-mails) are one string per input row; `tags` is one comma-separated input;
/// selects hold typed values (`Option<Grade>`…; use `code()`/`from_code()` for option values);
/// `customer_since` is a date input's value ("YYYY-MM-DD" or blank).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountDraft {
    pub name: String,
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub phones: Vec<String>,
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub emails: Vec<String>,
    pub address: PostalAddress,
    pub website: String,
    pub industry: String,
    pub business_scope: String,
    pub size: String,
    pub operating_state: String,
    pub financial_state: String,
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub products_in_use: Vec<ProductInUse>,
    pub purchase_plans: String,
    pub problems_to_solve: String,
    pub department_dynamics: String,
    pub grade: Option<Grade>,
    pub lead_source: Option<LeadSource>,
    pub heard_of_us: String,
    pub owner: String,
    pub tags: String,
    pub notes: String,
    pub customer_since: String,
    pub language: Option<Locale>,
}

/// A validated, cleaned account profile (everything but identity and the archived flag).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAccount {
    pub name: String,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub address: PostalAddress,
    pub website: String,
    pub industry: String,
    pub business_scope: String,
    pub size: String,
    pub operating_state: String,
    pub financial_state: String,
    pub products_in_use: Vec<ProductInUse>,
    pub purchase_plans: String,
    pub problems_to_solve: String,
    pub department_dynamics: String,
    pub grade: Option<Grade>,
    pub lead_source: Option<LeadSource>,
    pub heard_of_us: String,
    pub owner: String,
    pub tags: Vec<String>,
    pub notes: String,
    pub customer_since: Option<NaiveDate>,
    pub language: Option<Locale>,
}

impl AccountDraft {
    /// The draft for editing an existing account.
    pub fn from_account(a: &Account) -> Self {
        AccountDraft {
            name: a.name.clone(),
            phones: a.phones.clone(),
            emails: a.emails.clone(),
            address: a.address.clone(),
            website: a.website.clone(),
            industry: a.industry.clone(),
            business_scope: a.business_scope.clone(),
            size: a.size.clone(),
            operating_state: a.operating_state.clone(),
            financial_state: a.financial_state.clone(),
            products_in_use: a.products_in_use.clone(),
            purchase_plans: a.purchase_plans.clone(),
            problems_to_solve: a.problems_to_solve.clone(),
            department_dynamics: a.department_dynamics.clone(),
            grade: a.grade,
            lead_source: a.lead_source,
            heard_of_us: a.heard_of_us.clone(),
            owner: a.owner.clone(),
            tags: format_tags(&a.tags),
            notes: a.notes.clone(),
            customer_since: a
                .customer_since
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            language: a.language,
        }
    }

    /// Checks the draft. Every error is reported at once, in form order; the draft itself is
    /// untouched so the form keeps what was typed.
    ///
    /// Rules: `name` required; phones, e-mails and website must be plausible when filled;
    /// `customer_since` a date when filled; product rows need a product name unless the whole
    /// row is blank (blank rows are dropped). Text is trimmed; long texts keep inner lines.
    pub fn validate(&self) -> Result<ValidAccount, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim().to_string();
        if name.is_empty() {
            errors.push(FieldError::new(
                "name",
                "account.field.name",
                FieldProblem::Required,
            ));
        }
        check_name_length(&name, "name", "account.field.name", &mut errors);
        let phones = clean_phones(&self.phones, "phones", "account.field.phones", &mut errors);
        let emails = clean_emails(&self.emails, "emails", "account.field.emails", &mut errors);
        let website = self.website.trim().to_string();
        if !website.is_empty() && !is_valid_url(&website) {
            errors.push(
                FieldError::new("website", "account.field.website", FieldProblem::InvalidUrl)
                    .arg("value", &self.website),
            );
        }
        let mut products_in_use = Vec::new();
        for (i, p) in self.products_in_use.iter().enumerate() {
            let product = p.product.trim().to_string();
            let notes = p.notes.trim().to_string();
            if product.is_empty() {
                if p.competitor_id.is_some() || p.satisfaction.is_some() || !notes.is_empty() {
                    errors.push(
                        FieldError::new(
                            "products_in_use",
                            "account.field.products_in_use",
                            FieldProblem::Required,
                        )
                        .at(i),
                    );
                }
                continue;
            }
            products_in_use.push(ProductInUse {
                competitor_id: p.competitor_id,
                product,
                satisfaction: p.satisfaction,
                notes,
            });
        }
        let customer_since = parse_date(&self.customer_since).unwrap_or_else(|_| {
            errors.push(
                FieldError::new(
                    "customer_since",
                    "account.field.customer_since",
                    FieldProblem::InvalidDate,
                )
                .arg("value", &self.customer_since),
            );
            None
        });
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidAccount {
            name,
            phones,
            emails,
            address: self.address.trimmed(),
            website,
            industry: self.industry.trim().to_string(),
            business_scope: self.business_scope.trim().to_string(),
            size: self.size.trim().to_string(),
            operating_state: self.operating_state.trim().to_string(),
            financial_state: self.financial_state.trim().to_string(),
            products_in_use,
            purchase_plans: self.purchase_plans.trim().to_string(),
            problems_to_solve: self.problems_to_solve.trim().to_string(),
            department_dynamics: self.department_dynamics.trim().to_string(),
            grade: self.grade,
            lead_source: self.lead_source,
            heard_of_us: self.heard_of_us.trim().to_string(),
            owner: self.owner.trim().to_string(),
            tags: parse_tags(&self.tags),
            notes: self.notes.trim().to_string(),
            customer_since,
            language: self.language,
        })
    }
}

impl ValidAccount {
    /// A new account with this profile (rev 1).
    pub fn into_new(self, now: DateTime<Utc>) -> Account {
        let mut a = Account::new(String::new(), now);
        self.apply_to(&mut a);
        a
    }

    /// Writes the profile over `account`, keeping its identity, bookkeeping and archived flag
    /// (the store bumps `rev`/`updated_at` when it saves).
    pub fn apply_to(self, account: &mut Account) {
        account.name = self.name;
        account.phones = self.phones;
        account.emails = self.emails;
        account.address = self.address;
        account.website = self.website;
        account.industry = self.industry;
        account.business_scope = self.business_scope;
        account.size = self.size;
        account.operating_state = self.operating_state;
        account.financial_state = self.financial_state;
        account.products_in_use = self.products_in_use;
        account.purchase_plans = self.purchase_plans;
        account.problems_to_solve = self.problems_to_solve;
        account.department_dynamics = self.department_dynamics;
        account.grade = self.grade;
        account.lead_source = self.lead_source;
        account.heard_of_us = self.heard_of_us;
        account.owner = self.owner;
        account.tags = self.tags;
        account.notes = self.notes;
        account.customer_since = self.customer_since;
        account.language = self.language;
    }
}
