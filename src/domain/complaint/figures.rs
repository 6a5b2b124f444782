//! Response times per month (the month a complaint was opened, in the rep's time zone):
//! how many were opened, how many answered, the median and average time to the first
//! response, to the visit on site and to resolution, and the share resolved.
//!
//! Only complaints are counted (suggestions are answered, but not timed). The time to the
//! first response is to [`Complaint::answered_at`] (a visit on site answers too); an
//! unanswered complaint has no such time, an unresolved one no resolution time: they are
//! left out of those figures, never counted as zero. Every month from the first complaint's
//! to the last (or to `through`, if later) has a row, empty months included, so a quiet
//! month shows as one.

use chrono::{DateTime, Datelike, TimeZone, Utc};

use super::{Complaint, FeedbackKind};
use crate::domain::pipeline::YearMonth;

/// The durations of one measure in one month, in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Durations {
    pub count: usize,
    /// The middle value (of an even count, the mean of the two middle ones, rounded half up).
    pub median_minutes: i64,
    /// The mean, rounded half up.
    pub average_minutes: i64,
}

/// One month's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthFigures {
    pub month: YearMonth,
    pub opened: usize,
    pub answered: usize,
    pub on_site: usize,
    pub resolved: usize,
    pub to_first_response: Option<Durations>,
    pub to_on_site: Option<Durations>,
    pub to_resolution: Option<Durations>,
}

impl MonthFigures {
    fn empty(month: YearMonth) -> Self {
        MonthFigures {
            month,
            opened: 0,
            answered: 0,
            on_site: 0,
            resolved: 0,
            to_first_response: None,
            to_on_site: None,
            to_resolution: None,
        }
    }

    /// The share of the month's complaints resolved, in basis points (`None` for an empty
    /// month).
    pub fn share_resolved_bp(&self) -> Option<i64> {
        (self.opened > 0).then(|| {
            let num = self.resolved as i64 * 10_000;
            let den = self.opened as i64;
            (num + den / 2) / den
        })
    }
}

/// Minutes as hours in tenths (90 → 15, read "1.5 h"), rounded half up.
pub fn hours_tenths(minutes: i64) -> i64 {
    (minutes * 10 + 30).div_euclid(60)
}

fn next(m: YearMonth) -> YearMonth {
    if m.month == 12 {
        YearMonth {
            year: m.year + 1,
            month: 1,
        }
    } else {
        YearMonth {
            year: m.year,
            month: m.month + 1,
        }
    }
}

fn durations(mut minutes: Vec<i64>) -> Option<Durations> {
    if minutes.is_empty() {
        return None;
    }
    minutes.sort_unstable();
    let n = minutes.len();
    let median = if n % 2 == 1 {
        minutes[n / 2]
    } else {
        let s = minutes[n / 2 - 1] + minutes[n / 2];
        (s + 1).div_euclid(2)
    };
    let sum: i64 = minutes.iter().sum();
    let average = (sum * 2 + n as i64).div_euclid(2 * n as i64);
    Some(Durations {
        count: n,
        median_minutes: median,
        average_minutes: average,
    })
}

fn minutes(from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    (to - from).num_minutes().max(0)
}

/// The figures per month of opening, oldest month first (see the module's rules); empty
/// when there are no complaints and no `through` month.
pub fn monthly_figures<'a, Tz: TimeZone>(
    complaints: impl IntoIterator<Item = &'a Complaint>,
    tz: &Tz,
    through: Option<YearMonth>,
) -> Vec<MonthFigures> {
    let mut by_month: std::collections::BTreeMap<YearMonth, Vec<&Complaint>> = Default::default();
    for c in complaints {
        if c.kind != FeedbackKind::Complaint {
            continue;
        }
        let d = c.opened_at.with_timezone(tz).date_naive();
        by_month.entry(YearMonth::of(d)).or_default().push(c);
    }
    let Some(first) = by_month.keys().next().copied().or(through) else {
        return Vec::new();
    };
    let last = by_month
        .keys()
        .next_back()
        .copied()
        .into_iter()
        .chain(through)
        .max()
        .unwrap_or(first);
    let mut out = Vec::new();
    let mut m = first;
    while m <= last {
        let mut f = MonthFigures::empty(m);
        if let Some(list) = by_month.get(&m) {
            f.opened = list.len();
            let answered: Vec<i64> = list
                .iter()
                .filter_map(|c| c.answered_at().map(|a| minutes(c.opened_at, a)))
                .collect();
            let on_site: Vec<i64> = list
                .iter()
                .filter_map(|c| c.on_site_at.map(|a| minutes(c.opened_at, a)))
                .collect();
            let resolved: Vec<i64> = list
                .iter()
                .filter_map(|c| c.resolved_at.map(|a| minutes(c.opened_at, a)))
                .collect();
            f.answered = answered.len();
            f.on_site = on_site.len();
            f.resolved = resolved.len();
            f.to_first_response = durations(answered);
            f.to_on_site = durations(on_site);
            f.to_resolution = durations(resolved);
        }
        out.push(f);
        m = next(m);
    }
    out
}

/// The month of `at` in `tz`.
pub fn month_of<Tz: TimeZone>(at: DateTime<Utc>, tz: &Tz) -> YearMonth {
    let d = at.with_timezone(tz).date_naive();
    YearMonth {
        year: d.year(),
        month: d.month(),
    }
}
