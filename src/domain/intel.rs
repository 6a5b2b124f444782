//! Seed 001 — market feedback for head office: competitors' test marketing and coming
//! products, policy changes, feedback on our and competitors' products, delivery and
//! after-sales performance. Notes are listed, filtered and exported as CSV rows.

use crate::domain::account::{parse_date, Account};
use crate::domain::competitor::Competitor;
use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::ids::{Id, Meta};
use crate::domain::sorting::SortExt;
use crate::keyed_enum;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What the news is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntelKind {
    CompetitorTestMarketing,
    UpcomingProduct,
    PolicyChange,
    FeedbackOnOurs,
    FeedbackOnTheirs,
    DeliveryPerformance,
    AfterSalesPerformance,
    Other,
}
keyed_enum!(IntelKind, "intel.kind", {
    CompetitorTestMarketing => "competitor_test_marketing",
    UpcomingProduct => "upcoming_product",
    PolicyChange => "policy_change",
    FeedbackOnOurs => "feedback_on_ours",
    FeedbackOnTheirs => "feedback_on_theirs",
    DeliveryPerformance => "delivery_performance",
    AfterSalesPerformance => "after_sales_performance",
    Other => "other",
});

/// One piece of market news.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntelNote {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub kind: IntelKind,
    /// When it was heard or happened.
    pub date: NaiveDate,
    #[serde(default)]
    pub account_id: Option<Id>,
    #[serde(default)]
    pub competitor_id: Option<Id>,
    pub title: String,
    #[serde(default)]
    pub body: String,
}
crate::impl_record!(IntelNote, "intel_notes");

impl IntelNote {
    pub fn new(
        kind: IntelKind,
        date: NaiveDate,
        title: impl Into<String>,
        now: DateTime<Utc>,
    ) -> Self {
        let m = Meta::new(now);
        IntelNote {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            kind,
            date,
            account_id: None,
            competitor_id: None,
            title: title.into(),
            body: String::new(),
        }
    }
}

/// What an intel form holds.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IntelDraft {
    pub kind: Option<IntelKind>,
    /// A date input's value ("YYYY-MM-DD").
    pub date: String,
    pub account_id: Option<Id>,
    pub competitor_id: Option<Id>,
    pub title: String,
    pub body: String,
}

/// A validated intel note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidIntel {
    pub kind: IntelKind,
    pub date: NaiveDate,
    pub account_id: Option<Id>,
    pub competitor_id: Option<Id>,
    pub title: String,
    pub body: String,
}

impl IntelDraft {
    pub fn from_note(n: &IntelNote) -> Self {
        IntelDraft {
            kind: Some(n.kind),
            date: n.date.format("%Y-%m-%d").to_string(),
            account_id: n.account_id,
            competitor_id: n.competitor_id,
            title: n.title.clone(),
            body: n.body.clone(),
        }
    }

    /// Kind, date and title are required; the date must be a date.
    pub fn validate(&self) -> Result<ValidIntel, Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.kind.is_none() {
            errors.push(FieldError::new(
                "kind",
                "intel.field.kind",
                FieldProblem::Required,
            ));
        }
        let date = match parse_date(&self.date) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                errors.push(FieldError::new(
                    "date",
                    "intel.field.date",
                    FieldProblem::Required,
                ));
                None
            }
            Err(_) => {
                errors.push(
                    FieldError::new("date", "intel.field.date", FieldProblem::InvalidDate)
                        .arg("value", &self.date),
                );
                None
            }
        };
        let title = self.title.trim().to_string();
        if title.is_empty() {
            errors.push(FieldError::new(
                "title",
                "intel.field.title",
                FieldProblem::Required,
            ));
        }
        crate::domain::account::check_name_length(
            &title,
            "title",
            "intel.field.title",
            &mut errors,
        );
        match (self.kind, date) {
            (Some(kind), Some(date)) if errors.is_empty() => Ok(ValidIntel {
                kind,
                date,
                account_id: self.account_id,
                competitor_id: self.competitor_id,
                title,
                body: self.body.trim().to_string(),
            }),
            _ => Err(errors),
        }
    }
}

impl ValidIntel {
    pub fn into_new(self, now: DateTime<Utc>) -> IntelNote {
        let mut n = IntelNote::new(self.kind, self.date, String::new(), now);
        self.apply_to(&mut n);
        n
    }

    pub fn apply_to(self, note: &mut IntelNote) {
        note.kind = self.kind;
        note.date = self.date;
        note.account_id = self.account_id;
        note.competitor_id = self.competitor_id;
        note.title = self.title;
        note.body = self.body;
    }
}

/// Filters of the intel list; `None` means any.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IntelFilter {
    pub kind: Option<IntelKind>,
    pub account_id: Option<Id>,
    pub competitor_id: Option<Id>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl IntelFilter {
    pub fn matches(&self, n: &IntelNote) -> bool {
        self.kind.is_none_or(|k| n.kind == k)
            && self.account_id.is_none_or(|a| n.account_id == Some(a))
            && self
                .competitor_id
                .is_none_or(|c| n.competitor_id == Some(c))
            && self.from.is_none_or(|d| n.date >= d)
            && self.to.is_none_or(|d| n.date <= d)
    }
}

/// The notes passing `filter`, newest first (by date, then by creation).
pub fn list_intel<'a>(notes: &'a [IntelNote], filter: &IntelFilter) -> Vec<&'a IntelNote> {
    let mut v: Vec<&IntelNote> = notes.iter().filter(|n| filter.matches(n)).collect();
    v.sort_on(|n| std::cmp::Reverse((n.date, n.created_at, n.id)));
    v
}

/// Number of CSV columns.
pub const INTEL_COLUMNS: usize = 7;

/// The CSV header: stable machine names, in column order.
pub const INTEL_HEADER: [&str; INTEL_COLUMNS] = [
    "date",
    "kind",
    "account",
    "competitor",
    "title",
    "body",
    "id",
];

/// Catalogue keys of the column names, for a localised header ("intel.column.date"…).
pub const INTEL_HEADER_KEYS: [&str; INTEL_COLUMNS] = [
    "intel.column.date",
    "intel.column.kind",
    "intel.column.account",
    "intel.column.competitor",
    "intel.column.title",
    "intel.column.body",
    "intel.column.id",
];

/// Guards a text cell against spreadsheet formula injection: a cell starting with `=`, `+`,
/// `-`, `@`, tab or carriage return gets a leading apostrophe (OWASP's advice). The CSV
/// writer still does the quoting.
pub fn csv_safe(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The rows of the intel CSV: [`INTEL_HEADER`] then one row per note, newest first, with
/// account and competitor names resolved (blank when unlinked or no longer on record),
/// `kind` as its code, dates as YYYY-MM-DD. Text cells pass through [`csv_safe`].
pub fn intel_rows(
    notes: &[IntelNote],
    accounts: &[Account],
    competitors: &[Competitor],
) -> Vec<[String; INTEL_COLUMNS]> {
    intel_rows_with(notes, accounts, competitors, INTEL_HEADER, |k| {
        k.code().to_string()
    })
}

/// Like [`intel_rows`] with a given header and kind labels (for a localised export:
/// pass the translated [`INTEL_HEADER_KEYS`] and `|k| tr(k.key())`).
pub fn intel_rows_with(
    notes: &[IntelNote],
    accounts: &[Account],
    competitors: &[Competitor],
    header: [&str; INTEL_COLUMNS],
    kind_label: impl Fn(IntelKind) -> String,
) -> Vec<[String; INTEL_COLUMNS]> {
    let account_names: HashMap<Id, &str> =
        accounts.iter().map(|a| (a.id, a.name.as_str())).collect();
    let competitor_names: HashMap<Id, &str> = competitors
        .iter()
        .map(|c| (c.id, c.name.as_str()))
        .collect();
    let name = |map: &HashMap<Id, &str>, id: Option<Id>| {
        id.and_then(|id| map.get(&id))
            .map(|n| csv_safe(n))
            .unwrap_or_default()
    };
    let mut rows = Vec::with_capacity(notes.len() + 1);
    rows.push(header.map(str::to_string));
    for n in list_intel(notes, &IntelFilter::default()) {
        rows.push([
            n.date.format("%Y-%m-%d").to_string(),
            csv_safe(&kind_label(n.kind)),
            name(&account_names, n.account_id),
            name(&competitor_names, n.competitor_id),
            csv_safe(&n.title),
            csv_safe(&n.body),
            n.id.to_string(),
        ]);
    }
    rows
}

/// Rows written as CSV (RFC 4180 quoting by the `csv` crate), with a UTF-8 byte-order
/// mark so spreadsheet programs read accented names correctly.
pub fn to_csv<const N: usize>(rows: &[[String; N]]) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    for r in rows {
        // Writing to memory cannot fail.
        let _ = w.write_record(r);
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8(bytes).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Record;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
    }
    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn kinds_have_codes_and_keys() {
        for k in IntelKind::ALL {
            assert_eq!(
                serde_json::to_string(k).unwrap(),
                format!("\"{}\"", k.code())
            );
        }
        assert_eq!(
            IntelKind::CompetitorTestMarketing.key(),
            "intel.kind.competitor_test_marketing"
        );
        assert_eq!(<IntelNote as Record>::KIND, "intel_notes");
    }

    #[test]
    fn validation_names_missing_fields() {
        let errs = IntelDraft::default().validate().unwrap_err();
        let f: Vec<_> = errs.iter().map(|e| (e.field, e.problem)).collect();
        assert_eq!(
            f,
            [
                ("kind", FieldProblem::Required),
                ("date", FieldProblem::Required),
                ("title", FieldProblem::Required)
            ]
        );
        let bad = IntelDraft {
            kind: Some(IntelKind::Other),
            date: "March".into(),
            title: "x".into(),
            ..Default::default()
        };
        assert_eq!(
            bad.validate().unwrap_err()[0].problem,
            FieldProblem::InvalidDate
        );
        let ok = IntelDraft {
            kind: Some(IntelKind::PolicyChange),
            date: "2026-02-10".into(),
            title: " New import duty ".into(),
            ..Default::default()
        };
        let n = ok.validate().unwrap().into_new(now());
        assert_eq!(n.title, "New import duty");
        assert_eq!(IntelDraft::from_note(&n).date, "2026-02-10");
    }

    #[test]
    fn rows_resolve_names_and_guard_formulas() {
        let acme = Account::new("Acme", now());
        let rival = Competitor::new("=Rival", now());
        let mut a = IntelNote::new(
            IntelKind::UpcomingProduct,
            d(1, 5),
            "Pump Y in spring",
            now(),
        );
        a.competitor_id = Some(rival.id);
        a.account_id = Some(acme.id);
        a.body = "Heard from the engineer, 20% cheaper".into();
        let mut b = IntelNote::new(
            IntelKind::FeedbackOnOurs,
            d(2, 1),
            "-late deliveries",
            now(),
        );
        b.account_id = Some(crate::domain::ids::new_id()); // deleted account
        let rows = intel_rows(&[a.clone(), b.clone()], &[acme], &[rival]);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0], INTEL_HEADER.map(str::to_string));
        // Newest first.
        assert_eq!(rows[1][0], "2026-02-01");
        assert_eq!(rows[1][1], "feedback_on_ours");
        assert_eq!(rows[1][2], "");
        assert_eq!(rows[1][4], "'-late deliveries");
        assert_eq!(rows[2][2], "Acme");
        assert_eq!(rows[2][3], "'=Rival");
        assert_eq!(rows[2][6], a.id.to_string());
        let localised = intel_rows_with(&[a], &[], &[], INTEL_HEADER_KEYS, |k| {
            k.key().to_uppercase()
        });
        assert_eq!(localised[0][0], "intel.column.date");
        assert_eq!(localised[1][1], "INTEL.KIND.UPCOMING_PRODUCT");
    }

    #[test]
    fn list_filters_and_orders() {
        let acc = crate::domain::ids::new_id();
        let mut a = IntelNote::new(IntelKind::PolicyChange, d(1, 1), "a", now());
        a.account_id = Some(acc);
        let b = IntelNote::new(IntelKind::PolicyChange, d(3, 1), "b", now());
        let c = IntelNote::new(IntelKind::Other, d(2, 1), "c", now());
        let all = [a, b, c];
        let titles = |f: &IntelFilter| -> Vec<String> {
            list_intel(&all, f)
                .iter()
                .map(|n| n.title.clone())
                .collect()
        };
        assert_eq!(titles(&IntelFilter::default()), ["b", "c", "a"]);
        assert_eq!(
            titles(&IntelFilter {
                kind: Some(IntelKind::PolicyChange),
                ..Default::default()
            }),
            ["b", "a"]
        );
        assert_eq!(
            titles(&IntelFilter {
                account_id: Some(acc),
                ..Default::default()
            }),
            ["a"]
        );
        assert_eq!(
            titles(&IntelFilter {
                from: Some(d(1, 15)),
                to: Some(d(2, 15)),
                ..Default::default()
            }),
            ["c"]
        );
    }

    #[test]
    fn csv_quotes_commas_quotes_and_line_breaks() {
        let rows = vec![
            ["a".to_string(), "b, c".to_string()],
            ["say \"hi\"".to_string(), "two\nlines".to_string()],
        ];
        let text = to_csv(&rows);
        assert_eq!(
            text,
            "\u{feff}a,\"b, c\"\n\"say \"\"hi\"\"\",\"two\nlines\"\n"
        );
    }
}
