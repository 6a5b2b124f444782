//! Step 1 — customer analysis: the account (customer company) and its profile.
//!
//! METHOD.md asks for: contact data (phone, postal address, website, e-mail); business scope,
//! operating and financial state; use of similar products (ours and competitors', with
//! satisfaction); latest purchase plans and the problems they must solve; how the departments
//! help or limit each other; a grade by revenue potential; the lead source. Seed 001 adds the
//! share of new versus existing customers, hence [`Account::is_existing_customer`].
//!
//! Forms hold an [`AccountDraft`]; [`AccountDraft::validate`] turns it into a [`ValidAccount`]
//! or names every field in error ([`FieldError`]), never losing what was typed.

use crate::domain::ids::{Id, Meta};
use crate::domain::text::{fold, fold_email, fold_phone};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Implements `ALL`, `code()`, `key()` and `from_code()` for a data-less enum.
///
/// `code` is the serde (snake_case) name, also usable as an HTML `<option value>`;
/// `key` is the catalogue key `"<prefix>.<code>"`.
#[macro_export]
macro_rules! keyed_enum {
    ($t:ty, $prefix:literal, { $($v:ident => $code:literal),+ $(,)? }) => {
        impl $t {
            /// Every value, in display order.
            pub const ALL: &'static [Self] = &[$(Self::$v),+];
            /// The stable code (the serde name).
            pub fn code(&self) -> &'static str {
                match self { $(Self::$v => $code),+ }
            }
            /// The catalogue key of the value's label.
            pub fn key(&self) -> &'static str {
                match self { $(Self::$v => concat!($prefix, ".", $code)),+ }
            }
            /// Parses a code produced by [`Self::code`].
            pub fn from_code(s: &str) -> Option<Self> {
                match s { $($code => Some(Self::$v),)+ _ => None }
            }
        }
    };
}

/// Grade by revenue potential (seed 001: call frequency follows it). A is the highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    A,
    B,
    C,
}
keyed_enum!(Grade, "grade", { A => "a", B => "b", C => "c" });

/// Where the lead came from (seed 001 prospecting sources, plus referral and partner).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadSource {
    ExistingCustomer,
    TradeDirectory,
    Inquiry,
    Media,
    ColdCanvassing,
    Referral,
    Partner,
    Other,
}
keyed_enum!(LeadSource, "lead_source", {
    ExistingCustomer => "existing_customer",
    TradeDirectory => "trade_directory",
    Inquiry => "inquiry",
    Media => "media",
    ColdCanvassing => "cold_canvassing",
    Referral => "referral",
    Partner => "partner",
    Other => "other",
});

/// How satisfied the customer is with a product it uses (a 1–5 scale).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    VeryUnhappy,
    Unhappy,
    Neutral,
    Satisfied,
    VerySatisfied,
}
keyed_enum!(Satisfaction, "satisfaction", {
    VeryUnhappy => "very_unhappy",
    Unhappy => "unhappy",
    Neutral => "neutral",
    Satisfied => "satisfied",
    VerySatisfied => "very_satisfied",
});

impl Satisfaction {
    /// The value on the 1–5 scale.
    pub fn score(&self) -> u8 {
        *self as u8 + 1
    }
    /// The value for a score 1–5.
    pub fn from_score(score: u8) -> Option<Self> {
        Self::ALL.get(usize::from(score).checked_sub(1)?).copied()
    }
}

/// A postal address. Every part is optional free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PostalAddress {
    #[serde(default)]
    pub street: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub postal_code: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub country: String,
}

impl PostalAddress {
    pub fn is_empty(&self) -> bool {
        [
            &self.street,
            &self.city,
            &self.postal_code,
            &self.region,
            &self.country,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }

    fn trimmed(&self) -> Self {
        PostalAddress {
            street: self.street.trim().to_string(),
            city: self.city.trim().to_string(),
            postal_code: self.postal_code.trim().to_string(),
            region: self.region.trim().to_string(),
            country: self.country.trim().to_string(),
        }
    }
}

/// A product the customer uses: ours (`competitor_id == None`) or a competitor's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ProductInUse {
    /// The competitor that sells it; `None` means it is our product.
    #[serde(default)]
    pub competitor_id: Option<Id>,
    #[serde(default)]
    pub product: String,
    #[serde(default)]
    pub satisfaction: Option<Satisfaction>,
    #[serde(default)]
    pub notes: String,
}

impl ProductInUse {
    pub fn is_ours(&self) -> bool {
        self.competitor_id.is_none()
    }
}

/// A customer company: the full Step 1 profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: Id,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub name: String,
    #[serde(default)]
    pub phones: Vec<String>,
    #[serde(default)]
    pub emails: Vec<String>,
    #[serde(default)]
    pub address: PostalAddress,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub industry: String,
    /// Business scope: what the company does and sells.
    #[serde(default)]
    pub business_scope: String,
    /// Size in the rep's words ("250 staff, 3 plants").
    #[serde(default)]
    pub size: String,
    #[serde(default)]
    pub operating_state: String,
    #[serde(default)]
    pub financial_state: String,
    /// Similar products and services in use, ours and competitors'.
    #[serde(default)]
    pub products_in_use: Vec<ProductInUse>,
    /// Latest purchase plans.
    #[serde(default)]
    pub purchase_plans: String,
    /// The problems the purchase must solve.
    #[serde(default)]
    pub problems_to_solve: String,
    /// How the departments involved in buying help or limit each other.
    #[serde(default)]
    pub department_dynamics: String,
    #[serde(default)]
    pub grade: Option<Grade>,
    #[serde(default)]
    pub lead_source: Option<LeadSource>,
    /// "How they heard of us", in the customer's words.
    #[serde(default)]
    pub heard_of_us: String,
    /// The rep who owns the account.
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub notes: String,
    /// First purchase date; `None` while the account is a prospect (a new customer).
    #[serde(default)]
    pub customer_since: Option<NaiveDate>,
    #[serde(default)]
    pub archived: bool,
}
crate::impl_record!(Account, "accounts");

impl Account {
    /// A new, otherwise empty account named `name`, created at `now`.
    pub fn new(name: impl Into<String>, now: DateTime<Utc>) -> Self {
        let m = Meta::new(now);
        Account {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            name: name.into(),
            phones: Vec::new(),
            emails: Vec::new(),
            address: PostalAddress::default(),
            website: String::new(),
            industry: String::new(),
            business_scope: String::new(),
            size: String::new(),
            operating_state: String::new(),
            financial_state: String::new(),
            products_in_use: Vec::new(),
            purchase_plans: String::new(),
            problems_to_solve: String::new(),
            department_dynamics: String::new(),
            grade: None,
            lead_source: None,
            heard_of_us: String::new(),
            owner: String::new(),
            tags: Vec::new(),
            notes: String::new(),
            customer_since: None,
            archived: false,
        }
    }

    /// An existing customer has bought from us: `customer_since` is set. Everyone else is a
    /// new (prospective) customer. This one field is the single source of truth, so the
    /// new-versus-existing share (seed 001) never depends on how products were typed.
    pub fn is_existing_customer(&self) -> bool {
        self.customer_since.is_some()
    }

    /// Whether it has the tag (folded comparison).
    pub fn has_tag(&self, tag: &str) -> bool {
        let t = fold(tag);
        self.tags.iter().any(|x| fold(x) == t)
    }
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/// Why a field was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldReason {
    Required,
    InvalidEmail,
    InvalidUrl,
    InvalidPhone,
    InvalidDate,
    /// Longer than [`MAX_NAME`](crate::domain::rules::MAX_NAME) characters.
    TooLong,
}
keyed_enum!(FieldReason, "field.error", {
    Required => "required",
    InvalidEmail => "invalid_email",
    InvalidUrl => "invalid_url",
    InvalidPhone => "invalid_phone",
    InvalidDate => "invalid_date",
    TooLong => "too_long",
});

/// Adds a [`FieldReason::TooLong`] error when a name or title is longer than
/// [`MAX_NAME`](crate::domain::rules::MAX_NAME) characters.
pub(crate) fn check_name_length(
    value: &str,
    field: &'static str,
    label_key: &'static str,
    errors: &mut Vec<FieldError>,
) {
    if value.len() > crate::domain::rules::MAX_NAME
        && value.chars().count() > crate::domain::rules::MAX_NAME
    {
        errors.push(FieldError::new(field, label_key, FieldReason::TooLong));
    }
}

/// One field in error. `field` is the draft's field name ("name", "emails", "address.city");
/// `index` says which row of a list field; `label_key` is the catalogue key of the field's label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub index: Option<usize>,
    pub label_key: &'static str,
    pub reason: FieldReason,
}

impl FieldError {
    pub fn new(field: &'static str, label_key: &'static str, reason: FieldReason) -> Self {
        FieldError {
            field,
            index: None,
            label_key,
            reason,
        }
    }
    pub fn at(mut self, index: usize) -> Self {
        self.index = Some(index);
        self
    }
    /// The catalogue key of the reason ("field.error.required").
    pub fn key(&self) -> &'static str {
        self.reason.key()
    }
}

/// A plausible e-mail address: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn is_valid_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.contains('.')
        && domain.split('.').all(|p| !p.is_empty())
        && !domain.starts_with('-')
}

/// A plausible phone number: digits with spaces, `-`, `.`, `/`, brackets, a leading `+`;
/// 3 to 20 digits (short internal extensions are fine).
pub fn is_valid_phone(s: &str) -> bool {
    let s = s.trim();
    let body = s.strip_prefix('+').unwrap_or(s);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    (3..=20).contains(&digits)
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '/' | '(' | ')'))
}

/// A plausible web address: optional `http://`/`https://`, a dotted host, no spaces.
pub fn is_valid_url(s: &str) -> bool {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    if rest.contains("://") || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
    host.contains('.')
        && host.split('.').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || !c.is_ascii())
        })
}

/// The `href` for a website as typed: adds `https://` when no scheme was given.
pub fn website_href(s: &str) -> String {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        s.to_string()
    } else {
        format!("https://{s}")
    }
}

/// The `tel:` link for a phone number as typed ("+371 2000 1234" → "tel:+37120001234").
pub fn tel_href(s: &str) -> String {
    let s = s.trim();
    let mut out = String::from("tel:");
    if s.starts_with('+') {
        out.push('+');
    }
    out.extend(s.chars().filter(char::is_ascii_digit));
    out
}

/// The `mailto:` link for an e-mail address.
pub fn mailto_href(s: &str) -> String {
    format!("mailto:{}", s.trim())
}

/// Parses a date input's value ("2026-03-01"); blank is `Ok(None)`, anything else that is
/// not a date with a four-digit year `Err(FieldReason::InvalidDate)`.
pub fn parse_date(s: &str) -> Result<Option<NaiveDate>, FieldReason> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|d| crate::domain::rules::plausible_year(*d))
        .map(Some)
        .ok_or(FieldReason::InvalidDate)
}

/// Cleans a list of phone rows: trims, drops blanks and duplicates (by digits), and
/// reports invalid rows (indexes refer to the input rows).
pub(crate) fn clean_phones(
    rows: &[String],
    field: &'static str,
    label_key: &'static str,
    errors: &mut Vec<FieldError>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let p = row.trim();
        if p.is_empty() {
            continue;
        }
        if !is_valid_phone(p) {
            errors.push(FieldError::new(field, label_key, FieldReason::InvalidPhone).at(i));
            continue;
        }
        let key = phone_key(p);
        if !out.iter().any(|o| phone_key(o) == key) {
            out.push(p.to_string());
        }
    }
    out
}

/// Cleans a list of e-mail rows like [`clean_phones`].
pub(crate) fn clean_emails(
    rows: &[String],
    field: &'static str,
    label_key: &'static str,
    errors: &mut Vec<FieldError>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let e = row.trim();
        if e.is_empty() {
            continue;
        }
        if !is_valid_email(e) {
            errors.push(FieldError::new(field, label_key, FieldReason::InvalidEmail).at(i));
            continue;
        }
        if !out.iter().any(|o| fold_email(o) == fold_email(e)) {
            out.push(e.to_string());
        }
    }
    out
}

/// Splits a comma-separated tag field: trimmed, blanks dropped, duplicates (folded) dropped.
pub fn parse_tags(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in s.split([',', ';', '\n']) {
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() && !out.iter().any(|o| fold(o) == fold(&t)) {
            out.push(t);
        }
    }
    out
}

/// Joins tags for the tag field of a draft.
pub fn format_tags(tags: &[String]) -> String {
    tags.join(", ")
}

/// Unions `extra` into `list` keeping order; `same` says when two items are one.
pub(crate) fn union_with<T: Clone>(list: &mut Vec<T>, extra: &[T], same: impl Fn(&T, &T) -> bool) {
    for x in extra {
        if !list.iter().any(|y| same(y, x)) {
            list.push(x.clone());
        }
    }
}

/// The comparison key of a phone: its digits (see `text::fold_phone`), or the trimmed text.
pub(crate) fn phone_key(s: &str) -> String {
    fold_phone(s).unwrap_or_else(|| s.trim().to_string())
}

/// What an account form holds. Text inputs are `String`s kept exactly as typed; list rows
/// (phones, e-mails) are one string per input row; `tags` is one comma-separated input;
/// selects hold typed values (`Option<Grade>`…; use `code()`/`from_code()` for option values);
/// `customer_since` is a date input's value ("YYYY-MM-DD" or blank).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountDraft {
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
    pub tags: String,
    pub notes: String,
    pub customer_since: String,
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
                FieldReason::Required,
            ));
        }
        check_name_length(&name, "name", "account.field.name", &mut errors);
        let phones = clean_phones(&self.phones, "phones", "account.field.phones", &mut errors);
        let emails = clean_emails(&self.emails, "emails", "account.field.emails", &mut errors);
        let website = self.website.trim().to_string();
        if !website.is_empty() && !is_valid_url(&website) {
            errors.push(FieldError::new(
                "website",
                "account.field.website",
                FieldReason::InvalidUrl,
            ));
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
                            FieldReason::Required,
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
            errors.push(FieldError::new(
                "customer_since",
                "account.field.customer_since",
                FieldReason::InvalidDate,
            ));
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
    }
}

// ---------------------------------------------------------------------------------------------
// List: filter and sort
// ---------------------------------------------------------------------------------------------

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

/// Sorts accounts. Ascending: name A→Z (folded, so "Ábols" sits with "Abols"), grade A→C
/// then ungraded, updated oldest→newest; `descending` reverses. Ties fall back to the folded
/// name, then the id, so the order is stable across reloads.
pub fn sort_accounts(list: &mut [&Account], key: AccountSortKey, descending: bool) {
    list.sort_by_cached_key(|a| {
        let grade_rank = a.grade.map_or(3, |g| g as u8);
        (
            match key {
                AccountSortKey::Name => 0,
                AccountSortKey::Grade => i64::from(grade_rank),
                AccountSortKey::Updated => a.updated_at.timestamp_micros(),
            },
            fold(&a.name),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Record;
    use chrono::TimeZone;

    #[test]
    fn the_filters_that_narrow_the_list_are_counted() {
        assert_eq!(AccountFilter::default().narrowing(), 0);
        let one = AccountFilter {
            grade: Some(Grade::A),
            ..AccountFilter::default()
        };
        assert_eq!(one.narrowing(), 1);
        // Showing archived or all accounts narrows (or widens) the default view: it counts.
        let all = AccountFilter {
            industry: Some("Food".into()),
            tag: Some("fair".into()),
            owner: Some("Marta".into()),
            customer: Some(CustomerKind::ALL[0]),
            lead_source: Some(LeadSource::ALL[0]),
            archive: ArchiveView::All,
            ..one
        };
        assert_eq!(all.narrowing(), 7);
    }

    fn t(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, day, 9, 0, 0).unwrap()
    }

    #[test]
    fn enums_codes_match_serde_names() {
        for g in Grade::ALL {
            assert_eq!(
                serde_json::to_string(g).unwrap(),
                format!("\"{}\"", g.code())
            );
            assert_eq!(Grade::from_code(g.code()), Some(*g));
        }
        for s in LeadSource::ALL {
            assert_eq!(
                serde_json::to_string(s).unwrap(),
                format!("\"{}\"", s.code())
            );
        }
        for s in Satisfaction::ALL {
            assert_eq!(
                serde_json::to_string(s).unwrap(),
                format!("\"{}\"", s.code())
            );
        }
        assert_eq!(
            LeadSource::ColdCanvassing.key(),
            "lead_source.cold_canvassing"
        );
        assert_eq!(Grade::A.key(), "grade.a");
        assert_eq!(LeadSource::ALL.len(), 8);
    }

    #[test]
    fn satisfaction_is_a_one_to_five_scale() {
        assert_eq!(Satisfaction::VeryUnhappy.score(), 1);
        assert_eq!(Satisfaction::VerySatisfied.score(), 5);
        assert_eq!(Satisfaction::from_score(3), Some(Satisfaction::Neutral));
        assert_eq!(Satisfaction::from_score(0), None);
        assert_eq!(Satisfaction::from_score(6), None);
    }

    #[test]
    fn a_minimal_record_still_loads() {
        let a = Account::new("Acme", t(1));
        let json = format!(
            r#"{{"id":"{}","created_at":"2026-01-01T09:00:00Z","updated_at":"2026-01-01T09:00:00Z","rev":1,"name":"Acme","future_field":1}}"#,
            a.id
        );
        let back: Account = serde_json::from_str(&json).unwrap();
        assert_eq!(back.name, "Acme");
        assert!(back.tags.is_empty());
        assert!(!back.archived);
        let round: Account = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        assert_eq!(round, a);
        assert_eq!(<Account as Record>::KIND, "accounts");
    }

    #[test]
    fn existing_customer_means_customer_since_is_set() {
        let mut a = Account::new("Acme", t(1));
        assert!(!a.is_existing_customer());
        a.customer_since = NaiveDate::from_ymd_opt(2024, 5, 1);
        assert!(a.is_existing_customer());
    }

    #[test]
    fn empty_name_is_named_and_nothing_typed_is_lost() {
        let d = AccountDraft {
            name: "   ".into(),
            industry: "Dairy".into(),
            emails: vec!["not-an-email".into(), "".into(), "ok@acme.lv".into()],
            phones: vec!["call me".into()],
            website: "acme lv".into(),
            customer_since: "31.02.2024".into(),
            ..Default::default()
        };
        let before = d.clone();
        let errs = d.validate().unwrap_err();
        assert_eq!(d, before);
        assert_eq!(errs[0].field, "name");
        assert_eq!(errs[0].reason, FieldReason::Required);
        assert_eq!(errs[0].key(), "field.error.required");
        assert_eq!(errs[0].label_key, "account.field.name");
        let emails: Vec<_> = errs.iter().filter(|e| e.field == "emails").collect();
        assert_eq!(emails.len(), 1);
        assert_eq!(emails[0].index, Some(0));
        assert_eq!(emails[0].reason, FieldReason::InvalidEmail);
        assert!(errs
            .iter()
            .any(|e| e.field == "phones" && e.reason == FieldReason::InvalidPhone));
        assert!(errs
            .iter()
            .any(|e| e.field == "website" && e.reason == FieldReason::InvalidUrl));
        assert!(errs
            .iter()
            .any(|e| e.field == "customer_since" && e.reason == FieldReason::InvalidDate));
    }

    #[test]
    fn valid_draft_is_cleaned() {
        let d = AccountDraft {
            name: "  Acme SIA ".into(),
            phones: vec!["+371 2000 1234".into(), "".into(), "0037120001234".into()],
            emails: vec!["Info@Acme.lv".into(), "info@acme.lv ".into()],
            website: "acme.lv".into(),
            tags: "dairy, Riga ,, dairy,  key   account".into(),
            customer_since: "2024-05-01".into(),
            grade: Some(Grade::B),
            products_in_use: vec![
                ProductInUse {
                    product: " Pump X ".into(),
                    satisfaction: Some(Satisfaction::Unhappy),
                    ..Default::default()
                },
                ProductInUse::default(),
            ],
            ..Default::default()
        };
        let v = d.validate().unwrap();
        assert_eq!(v.name, "Acme SIA");
        assert_eq!(v.phones, vec!["+371 2000 1234"]);
        assert_eq!(v.emails, vec!["Info@Acme.lv"]);
        assert_eq!(v.tags, vec!["dairy", "Riga", "key account"]);
        assert_eq!(v.customer_since, NaiveDate::from_ymd_opt(2024, 5, 1));
        assert_eq!(v.products_in_use.len(), 1);
        assert_eq!(v.products_in_use[0].product, "Pump X");
        let a = v.into_new(t(1));
        assert_eq!(a.rev, 1);
        assert_eq!(a.grade, Some(Grade::B));
        assert!(a.is_existing_customer());
        // Round trip through the edit form.
        let again = AccountDraft::from_account(&a).validate().unwrap();
        let mut b = a.clone();
        again.apply_to(&mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn a_product_row_without_a_name_is_refused_unless_blank() {
        let d = AccountDraft {
            name: "Acme".into(),
            products_in_use: vec![ProductInUse {
                satisfaction: Some(Satisfaction::Satisfied),
                ..Default::default()
            }],
            ..Default::default()
        };
        let errs = d.validate().unwrap_err();
        assert_eq!(errs[0].field, "products_in_use");
        assert_eq!(errs[0].index, Some(0));
    }

    #[test]
    fn field_checks() {
        assert!(is_valid_email("a.b+c@mail.example.com"));
        assert!(!is_valid_email("a@b"));
        assert!(!is_valid_email("a b@c.lv"));
        assert!(!is_valid_email("@c.lv"));
        assert!(!is_valid_email("a@@c.lv"));
        assert!(is_valid_phone("+371 (67) 200-012"));
        assert!(is_valid_phone("112"));
        assert!(!is_valid_phone("12"));
        assert!(!is_valid_phone("+371 2000 1234 ask for Anna"));
        assert!(!is_valid_phone("371+2000"));
        assert!(is_valid_url("acme.lv"));
        assert!(is_valid_url("https://www.acme.lv/lv/par-mums?x=1"));
        assert!(is_valid_url("http://localhost.test:8080"));
        assert!(is_valid_url("https://bērziņi.lv"));
        assert!(!is_valid_url("acme"));
        assert!(!is_valid_url("ftp://acme.lv"));
        assert!(!is_valid_url("acme .lv"));
        assert_eq!(website_href("acme.lv"), "https://acme.lv");
        assert_eq!(website_href("http://acme.lv"), "http://acme.lv");
        assert_eq!(tel_href("+371 (2000) 12-34"), "tel:+37120001234");
        assert_eq!(mailto_href(" a@b.lv "), "mailto:a@b.lv");
    }

    fn sample() -> Vec<Account> {
        let mut a = Account::new("Zeta", t(3));
        a.grade = Some(Grade::C);
        a.industry = "Dairy".into();
        a.owner = "Anna".into();
        a.tags = vec!["Key".into()];
        let mut b = Account::new("Ábols", t(1));
        b.grade = Some(Grade::A);
        b.industry = "dairy ".into();
        b.customer_since = NaiveDate::from_ymd_opt(2020, 1, 1);
        let mut c = Account::new("abele", t(2));
        c.industry = "Timber".into();
        c.owner = "anna".into();
        let mut d = Account::new("Old", t(4));
        d.archived = true;
        d.grade = Some(Grade::A);
        vec![a, b, c, d]
    }

    fn names(v: &[&Account]) -> Vec<String> {
        v.iter().map(|a| a.name.clone()).collect()
    }

    #[test]
    fn filter_by_lead_source() {
        let mut all = sample();
        all[0].lead_source = Some(LeadSource::Referral);
        all[2].lead_source = Some(LeadSource::Referral);
        all[1].lead_source = Some(LeadSource::Media);
        let f = AccountFilter {
            lead_source: Some(LeadSource::Referral),
            ..Default::default()
        };
        assert_eq!(names(&filter_accounts(&all, &f)), ["Zeta", "abele"]);
        let f = AccountFilter {
            lead_source: Some(LeadSource::Partner),
            ..Default::default()
        };
        assert!(filter_accounts(&all, &f).is_empty());
    }

    #[test]
    fn lead_source_report_counts_accounts_customers_and_won_value() {
        use crate::domain::deal::{Deal, Outcome};
        use crate::domain::money::{Currency, Money};
        let mut all = sample();
        // Zeta and abele from referrals (abele a customer), Ábols (customer) from media,
        // Old (archived) without a source.
        all[0].lead_source = Some(LeadSource::Referral);
        all[2].lead_source = Some(LeadSource::Referral);
        all[2].customer_since = NaiveDate::from_ymd_opt(2024, 3, 1);
        all[1].lead_source = Some(LeadSource::Media);
        let eur = |minor| Money::new(minor, Currency::parse("EUR").unwrap());
        let won = |acc: &Account, m: Money| {
            let mut d = Deal::new(acc.id, "won", m, t(5));
            d.outcome = Outcome::Won {
                at: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                paid_on: None,
            };
            d
        };
        let deals = vec![
            won(&all[0], eur(100_000)),
            won(&all[2], eur(50_000)),
            won(&all[2], Money::new(7_000, Currency::parse("USD").unwrap())),
            // Open and lost deals do not count.
            Deal::new(all[1].id, "open", eur(999_999), t(5)),
        ];
        let r = lead_source_report(&all, &deals);
        let sources: Vec<_> = r.iter().map(|x| x.source).collect();
        assert_eq!(
            sources,
            [Some(LeadSource::Media), Some(LeadSource::Referral), None]
        );
        let referral = &r[1];
        assert_eq!((referral.accounts, referral.customers), (2, 1));
        assert_eq!(
            referral.won.get(&Currency::parse("EUR").unwrap()),
            Some(&150_000)
        );
        assert_eq!(
            referral.won.get(&Currency::parse("USD").unwrap()),
            Some(&7_000)
        );
        assert_eq!((r[0].accounts, r[0].customers), (1, 1));
        assert!(r[0].won.is_empty());
        assert_eq!((r[2].accounts, r[2].customers), (1, 0));
        assert!(lead_source_report(&[], &deals).is_empty());
    }

    #[test]
    fn filters() {
        let all = sample();
        let f = AccountFilter::default();
        assert_eq!(
            names(&filter_accounts(&all, &f)),
            ["Zeta", "Ábols", "abele"]
        );
        let f = AccountFilter {
            grade: Some(Grade::A),
            ..Default::default()
        };
        assert_eq!(names(&filter_accounts(&all, &f)), ["Ábols"]);
        let f = AccountFilter {
            grade: Some(Grade::A),
            archive: ArchiveView::All,
            ..Default::default()
        };
        assert_eq!(names(&filter_accounts(&all, &f)), ["Ábols", "Old"]);
        let f = AccountFilter {
            archive: ArchiveView::Archived,
            ..Default::default()
        };
        assert_eq!(names(&filter_accounts(&all, &f)), ["Old"]);
        let f = AccountFilter {
            industry: Some("DAIRY".into()),
            ..Default::default()
        };
        assert_eq!(names(&filter_accounts(&all, &f)), ["Zeta", "Ábols"]);
        let f = AccountFilter {
            tag: Some("key".into()),
            ..Default::default()
        };
        assert_eq!(names(&filter_accounts(&all, &f)), ["Zeta"]);
        let f = AccountFilter {
            owner: Some("ANNA".into()),
            ..Default::default()
        };
        assert_eq!(names(&filter_accounts(&all, &f)), ["Zeta", "abele"]);
        let f = AccountFilter {
            customer: Some(CustomerKind::Existing),
            ..Default::default()
        };
        assert_eq!(names(&filter_accounts(&all, &f)), ["Ábols"]);
        let f = AccountFilter {
            customer: Some(CustomerKind::New),
            ..Default::default()
        };
        assert_eq!(names(&filter_accounts(&all, &f)), ["Zeta", "abele"]);
    }

    #[test]
    fn sorts() {
        let all = sample();
        let mut v: Vec<&Account> = all.iter().collect();
        sort_accounts(&mut v, AccountSortKey::Name, false);
        assert_eq!(names(&v), ["abele", "Ábols", "Old", "Zeta"]);
        sort_accounts(&mut v, AccountSortKey::Name, true);
        assert_eq!(names(&v), ["Zeta", "Old", "Ábols", "abele"]);
        sort_accounts(&mut v, AccountSortKey::Grade, false);
        assert_eq!(names(&v), ["Ábols", "Old", "Zeta", "abele"]);
        sort_accounts(&mut v, AccountSortKey::Updated, true);
        assert_eq!(names(&v), ["Old", "Zeta", "abele", "Ábols"]);
    }

    #[test]
    fn filter_options_are_distinct_and_folded() {
        let all = sample();
        assert_eq!(industries(&all), ["Dairy", "Timber"]);
        assert_eq!(owners(&all), ["Anna"]);
        assert_eq!(all_tags(&all), ["Key"]);
    }

    #[test]
    fn archive_keeps_everything_else() {
        let a = Account::new("Acme", t(1));
        let b = set_archived(&a, true);
        assert!(b.archived);
        assert_eq!(b.id, a.id);
        assert!(!set_archived(&b, false).archived);
    }

    fn catalogue(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (k, v) = line
                .split_once(" = ")
                .unwrap_or_else(|| panic!("line {}: not `key = value`: {line}", n + 1));
            assert!(
                !k.is_empty()
                    && k.bytes().all(|b| b.is_ascii_lowercase()
                        || b.is_ascii_digit()
                        || b == b'_'
                        || b == b'.'),
                "bad key {k}"
            );
            assert!(!v.trim().is_empty(), "empty value for {k}");
            out.push((k.to_string(), v.to_string()));
        }
        out
    }

    #[test]
    fn customer_catalogues_cover_every_key_in_both_languages() {
        use crate::domain::buying_centre::{BuyingCentreWarning, CHECKED_ROLES};
        use crate::domain::contact::{BuyingFunction, BuyingLevel, BuyingRole};
        use crate::domain::dedupe::MatchReason;
        use crate::domain::intel::{IntelKind, INTEL_HEADER_KEYS};
        use crate::domain::search::HitKind;
        let en = catalogue(include_str!("../i18n/en/customers.txt"));
        let es = catalogue(include_str!("../i18n/es/customers.txt"));
        let keys = |c: &[(String, String)]| {
            let mut k: Vec<String> = c.iter().map(|(k, _)| k.clone()).collect();
            k.sort();
            let n = k.len();
            k.dedup();
            assert_eq!(n, k.len(), "duplicate keys");
            k
        };
        assert_eq!(keys(&en), keys(&es));
        for (k, v) in &en {
            let (_, es_v) = es.iter().find(|(ek, _)| ek == k).unwrap();
            let holes = |s: &str| {
                let mut h: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(x, _)| x.to_string()))
                    .collect();
                h.sort();
                h
            };
            assert_eq!(holes(v), holes(es_v), "placeholders of {k}");
        }
        let en_keys = keys(&en);
        let mut used: Vec<&str> = Vec::new();
        used.extend(Grade::ALL.iter().map(|x| x.key()));
        used.extend(LeadSource::ALL.iter().map(|x| x.key()));
        used.extend(Satisfaction::ALL.iter().map(|x| x.key()));
        used.extend(FieldReason::ALL.iter().map(|x| x.key()));
        used.extend(CustomerKind::ALL.iter().map(|x| x.key()));
        used.extend(ArchiveView::ALL.iter().map(|x| x.key()));
        used.extend(AccountSortKey::ALL.iter().map(|x| x.key()));
        used.extend(BuyingLevel::ALL.iter().map(|x| x.key()));
        used.extend(BuyingFunction::ALL.iter().map(|x| x.key()));
        used.extend(BuyingRole::ALL.iter().map(|x| x.key()));
        used.extend(MatchReason::ALL.iter().map(|x| x.key()));
        used.extend(IntelKind::ALL.iter().map(|x| x.key()));
        used.extend(HitKind::ALL.iter().map(|x| x.key()));
        used.extend(INTEL_HEADER_KEYS);
        for w in [
            BuyingCentreWarning::NoContacts,
            BuyingCentreWarning::NoGuide,
            BuyingCentreWarning::NoDecisionLevel,
            BuyingCentreWarning::OnlyOperationLevel,
        ]
        .into_iter()
        .chain(
            CHECKED_ROLES
                .iter()
                .map(|r| BuyingCentreWarning::RoleMissing(*r)),
        ) {
            used.push(w.key());
        }
        used.extend(["bc.level.unknown", "bc.function.unknown"]);
        // Label keys named by FieldError in the validators.
        let sources = [
            include_str!("account.rs"),
            include_str!("contact.rs"),
            include_str!("competitor.rs"),
            include_str!("intel.rs"),
        ];
        let mut labels = Vec::new();
        for src in sources {
            for part in src.split('"').skip(1).step_by(2) {
                if part.contains(".field.")
                    && part.starts_with(|c: char| c.is_ascii_lowercase())
                    && !part.contains(' ')
                {
                    labels.push(part.to_string());
                }
            }
        }
        assert!(labels.len() > 10);
        for k in used
            .iter()
            .copied()
            .chain(labels.iter().map(String::as_str))
        {
            assert!(en_keys.iter().any(|e| e == k), "missing catalogue key {k}");
        }
    }
}
