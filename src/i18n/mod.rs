//! String catalogues: every user-visible string goes through here.
//!
//! One folder per locale (`en/`, `es/`, `zh-CN/`, `lv/`, `hu/`), one `area.txt` file per
//! part of the app, each line `key = value` (`#` starts a comment; `{name}` is a
//! placeholder). English is complete by definition and the only catalogue compiled into the
//! app: it is the fallback and what shows at once (the first screen's part in the main
//! module, the rest with the code read right after it: see [`install_later`]). Every other
//! locale is built into one hashed file (`tools/post_build.py`) fetched when it is chosen
//! ([`load`]); native builds (tests) read them from the source folders. A test fails when a catalogue lacks a key
//! English has, has one English lacks, drops a placeholder or lacks a plural form its
//! language needs.
//!
//! Counted messages: `key.one`, `key.zero`… beside the other form (`key` or `key.other`),
//! one per plural category the language has (the browser's `Intl.PluralRules` picks it).

mod format;
#[cfg(target_arch = "wasm32")]
mod intl;
#[cfg(target_arch = "wasm32")]
pub mod load;
#[cfg(target_arch = "wasm32")]
pub use intl::collator_ranks;

pub use format::{
    format_date, format_datetime, format_money, format_number, format_percent, format_price,
    format_time,
};

use std::collections::HashMap;
use std::sync::OnceLock;

/// A language and region the app can be shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    En,
    Es,
    ZhCn,
    Lv,
    Hu,
}

impl Locale {
    pub const ALL: &'static [Locale] =
        &[Locale::En, Locale::Es, Locale::ZhCn, Locale::Lv, Locale::Hu];

    /// The BCP 47 tag, used for `<html lang>`, the catalogue's folder and file, and
    /// stored as the preference.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::ZhCn => "zh-CN",
            Locale::Lv => "lv",
            Locale::Hu => "hu",
        }
    }

    /// The tag handed to `Intl` for numbers, money and dates. English is written the
    /// international (British) way: day before month, the 24-hour clock.
    pub fn intl_tag(self) -> &'static str {
        match self {
            Locale::En => "en-GB",
            other => other.tag(),
        }
    }

    /// The locale's own name for itself, shown in the locale switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Es => "Español",
            Locale::ZhCn => "中文（简体）",
            Locale::Lv => "Latviešu",
            Locale::Hu => "Magyar",
        }
    }

    /// The locale for a browser or stored language tag: its primary language, any
    /// Chinese as Simplified Chinese.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let lower = tag.to_ascii_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        if primary == "zh" {
            return Some(Locale::ZhCn);
        }
        Locale::ALL.iter().copied().find(|l| l.tag() == primary)
    }

    /// The plural categories besides "other" the language's messages have forms for
    /// (CLDR): the catalogue holds `key.<category>` for each, and the other form.
    pub fn plural_forms(self) -> &'static [&'static str] {
        match self {
            Locale::En | Locale::Es | Locale::Hu => &["one"],
            Locale::Lv => &["zero", "one"],
            Locale::ZhCn => &[],
        }
    }

    /// The alphabet names are ordered by in this language.
    pub fn collation(self) -> crate::domain::text::Collation {
        use crate::domain::text::Collation;
        match self {
            Locale::Es => Collation::Spanish,
            Locale::Lv => Collation::Latvian,
            Locale::Hu => Collation::Hungarian,
            Locale::En | Locale::ZhCn => Collation::Plain,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The parsed catalogue. English is built on first use (in the app, its first part:
    /// [`Locale::text`] looks in both); another locale is empty until [`load`] has fetched
    /// it (so lookups fall back to English).
    pub fn catalogue(self) -> &'static Catalogue {
        let cell = &CATALOGUES[self.index()];
        if self == Locale::En {
            #[cfg(target_arch = "wasm32")]
            let sources = EN_FIRST;
            #[cfg(not(target_arch = "wasm32"))]
            let sources = native::sources(Locale::En);
            return cell.get_or_init(|| Catalogue::parse(sources).expect("catalogue parses"));
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            cell.get_or_init(|| Catalogue::parse(native::sources(self)).expect("catalogue parses"))
        }
        #[cfg(target_arch = "wasm32")]
        {
            static EMPTY: OnceLock<Catalogue> = OnceLock::new();
            cell.get()
                .unwrap_or_else(|| EMPTY.get_or_init(Catalogue::default))
        }
    }

    /// The locale's text for `key`, if it has one (in either part).
    pub fn text(self, key: &str) -> Option<&'static str> {
        self.catalogue()
            .get(key)
            .or_else(|| self.later_part()?.get(key))
    }

    /// The catalogue's own copy of `key`, when the locale has that key (in either part).
    pub fn static_key(self, key: &str) -> Option<&'static str> {
        self.catalogue()
            .static_key(key)
            .or_else(|| self.later_part()?.static_key(key))
    }

    /// The locale's later part (the texts of every page but the dashboard), once
    /// installed. A native build's catalogues hold both parts and have none.
    fn later_part(self) -> Option<&'static Catalogue> {
        LATER[self.index()].get()
    }

    /// Whether the locale's first part is at hand: the texts of the first screen (English's
    /// always is). Every other page waits for [`Locale::is_complete`].
    pub fn is_loaded(self) -> bool {
        self == Locale::En
            || CATALOGUES[self.index()].get().is_some()
            || cfg!(not(target_arch = "wasm32"))
    }

    /// Whether both parts of the locale are at hand. English's later part comes with the
    /// code read after the first screen, which every page but the dashboard waits for.
    pub fn is_complete(self) -> bool {
        self == Locale::En || cfg!(not(target_arch = "wasm32")) || self.later_part().is_some()
    }

    /// Installs a fetched catalogue file (one part of the locale: `later` for the other
    /// pages'). Its text lives as long as the page.
    pub fn install(self, text: String, later: bool) -> Result<(), String> {
        let text: &'static str = Box::leak(text.into_boxed_str());
        let cat = Catalogue::parse(&[text])?;
        let cells = if later { &LATER } else { &CATALOGUES };
        let _ = cells[self.index()].set(cat);
        Ok(())
    }
}

/// Stored as its tag ("hu"); a tag the app does not speak is refused.
impl serde::Serialize for Locale {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.tag())
    }
}

impl<'de> serde::Deserialize<'de> for Locale {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(d)?;
        Locale::ALL
            .iter()
            .copied()
            .find(|l| l.tag() == tag)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown language `{tag}`")))
    }
}

static CATALOGUES: [OnceLock<Catalogue>; 5] = [
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
];

/// Each locale's later part, in the app (English's from [`install_later`]).
static LATER: [OnceLock<Catalogue>; 5] = [
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
];

/// Every area's catalogue file, for English (compiled in) and, in native builds, for the
/// other locales (read from the source folders; the app fetches them instead).
///
/// English comes in two parts. The first is what the first screen can show (the shell,
/// the dashboard, the sample book, the store's messages) and is in the main module. The
/// later part is referenced only by [`install_later`], which the build puts in the module
/// read after the first screen (`sixstep_book`, see `state::data`): its texts travel with
/// it. Every page but the dashboard waits for that module, so no later key is asked for
/// before it is there; one that is asked for anyway is reported (see [`t`]).
macro_rules! areas {
    (first: [$($first:literal),* $(,)?], later: [$($later:literal),* $(,)?]) => {
        #[cfg(target_arch = "wasm32")]
        const EN_FIRST: &[&str] = &[$(include_str!(concat!("en/", $first, ".txt"))),*];
        const EN_LATER: &[&str] = &[$(include_str!(concat!("en/", $later, ".txt"))),*];
        #[cfg(not(target_arch = "wasm32"))]
        mod native {
            use super::Locale;
            /// Every area file of the locale's folder, both parts.
            macro_rules! folder {
                ($tag:literal) => {
                    &[
                        $(include_str!(concat!($tag, "/", $first, ".txt")),)*
                        $(include_str!(concat!($tag, "/", $later, ".txt")),)*
                    ]
                };
            }
            pub fn sources(locale: Locale) -> &'static [&'static str] {
                match locale {
                    Locale::En => folder!("en"),
                    Locale::Es => folder!("es"),
                    Locale::ZhCn => folder!("zh-CN"),
                    Locale::Lv => folder!("lv"),
                    Locale::Hu => folder!("hu"),
                }
            }
        }
    };
}

areas!(
    first: [
        "app",
        "conflict",
        "deal_page",
        "deals",
        "deals_ui",
        "health",
        "hints",
        "layout",
        "records",
        "sample",
        "store",
    ],
    later: [
        "backup_settings",
        "catalogue",
        "competitive",
        "complaints",
        "customers",
        "customers_ui",
        "deal_rules",
        "decline",
        "exercises",
        "followup",
        "guide",
        "merge",
        "negotiation",
        "negotiation_agreement",
        "negotiation_closing",
        "negotiation_ledger",
        "negotiation_plan",
        "proposal",
        "proposal_ui",
        "purchases",
        "receivables",
        "referrals",
        "service",
        "tasks_more",
        "training",
        "trust",
        "trust_ui",
    ]
);

/// Makes English's later part available; once is enough, later calls do nothing.
pub fn install_later() {
    LATER[Locale::En.index()].get_or_init(|| Catalogue::parse(EN_LATER).expect("catalogue parses"));
}

/// One locale's strings.
#[derive(Debug, Default)]
pub struct Catalogue {
    entries: HashMap<&'static str, &'static str>,
}

impl Catalogue {
    /// Parses catalogue files; an error names the line that is not `key = value` or a
    /// key given twice.
    pub fn parse(sources: &[&'static str]) -> Result<Catalogue, String> {
        let mut entries = HashMap::new();
        for src in sources {
            for (n, line) in src.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let Some((k, v)) = line.split_once('=') else {
                    return Err(format!("line {}: expected `key = value`: {line}", n + 1));
                };
                let (k, v) = (k.trim(), v.trim());
                if k.is_empty()
                    || !k
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._".contains(&b))
                {
                    return Err(format!("line {}: bad key `{k}`", n + 1));
                }
                if entries.insert(k, v).is_some() {
                    return Err(format!("key `{k}` appears twice"));
                }
            }
        }
        Ok(Catalogue { entries })
    }

    /// The catalogue's own copy of `key`, when it has that key.
    pub fn static_key(&self, key: &str) -> Option<&'static str> {
        self.entries.get_key_value(key).map(|(k, _)| *k)
    }

    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.entries.get(key).copied()
    }

    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.keys().copied()
    }
}

/// The string for `key` in `locale`, falling back to English, then to the key itself
/// (so a missing string is visible, never blank).
///
/// In the app, a key English lacks is reported on the console: it is a key asked for before
/// its part of English was installed, or one no catalogue has.
pub fn t(locale: Locale, key: &str) -> String {
    match locale.text(key).or_else(|| Locale::En.text(key)) {
        Some(text) => text.to_string(),
        None => {
            #[cfg(target_arch = "wasm32")]
            web_sys::console::error_1(&format!("no text for the key `{key}`").into());
            key.to_string()
        }
    }
}

/// Like [`t`], replacing each `{name}` with its value.
pub fn t_with(locale: Locale, key: &str, args: &[(&str, &str)]) -> String {
    let mut s = t(locale, key);
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

/// The key of the form of `key` for `count` in `locale`: `{base}.{category}` when the
/// locale's catalogue has that form (the category from the language's plural rules:
/// "one", "zero", "few"…), else the other form (`key` itself; a key ending in `.other`
/// names its base). A locale not loaded yet answers with English's forms.
pub fn counted_key(locale: Locale, key: &str, count: u64) -> String {
    let locale = if locale.is_loaded() {
        locale
    } else {
        Locale::En
    };
    let base = key.strip_suffix(".other").unwrap_or(key);
    let category = format::plural_category(locale, count);
    if category != "other" {
        let form = format!("{base}.{category}");
        if locale.text(&form).is_some() {
            return form;
        }
    }
    key.to_string()
}

/// Like [`t_with`] for a message about `count` things: the singular form for one, the
/// count (as the locale writes numbers) in `{count}`.
pub fn t_count(locale: Locale, key: &str, count: u64, args: &[(&str, &str)]) -> String {
    let n = format_number(locale, i64::try_from(count).unwrap_or(i64::MAX));
    let mut all: Vec<(&str, &str)> = vec![("count", n.as_str())];
    all.extend_from_slice(args);
    t_with(locale, &counted_key(locale, key, count), &all)
}

/// A [`Message`](crate::store::Message) in `locale`: its parts rendered first, then every
/// `{placeholder}` filled in one pass (a value holding `{braces}` is never filled again).
pub fn render(locale: Locale, m: &crate::store::Message) -> String {
    let parts: Vec<(&str, String)> = m
        .parts
        .iter()
        .map(|(n, p)| (*n, render(locale, p)))
        .collect();
    let template = t(locale, m.key);
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template.as_str();
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let name = &after[..close];
        let value = m
            .args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
            .or_else(|| {
                parts
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.as_str())
            });
        match value {
            Some(v) => out.push_str(v),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The `{placeholder}` names in a catalogue value, sorted.
pub fn placeholders(value: &str) -> Vec<&str> {
    let mut out: Vec<&str> = value
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// English's counted messages: each base key with its other form's key.
    fn plural_bases() -> Vec<(&'static str, &'static str)> {
        let en = Locale::En.catalogue();
        let mut out: Vec<_> = en
            .keys()
            .filter_map(|k| k.strip_suffix(".one"))
            .filter_map(|base| {
                let other = format!("{base}.other");
                en.static_key(&other)
                    .or_else(|| en.static_key(base))
                    .map(|o| (en.static_key(&format!("{base}.one")).unwrap(), o))
            })
            .map(|(one, other)| (one.strip_suffix(".one").unwrap(), other))
            .collect();
        out.sort_unstable();
        out
    }

    /// The keys a locale's catalogue must have, each with the English text whose
    /// placeholders it must keep: every English key but the singular forms, and for each
    /// counted message the forms the locale's plural rules need. A form that covers more
    /// than one number ("one" in Latvian is 1, 21, 31…) keeps the other form's
    /// placeholders; English's and Spanish's "one" is exactly 1 and may write it out.
    fn expected_keys(locale: Locale) -> BTreeMap<String, &'static str> {
        let en = Locale::En.catalogue();
        let bases = plural_bases();
        let mut out: BTreeMap<String, &'static str> = en
            .keys()
            .filter(|k| {
                !k.strip_suffix(".one")
                    .is_some_and(|b| bases.iter().any(|(base, _)| *base == b))
            })
            .map(|k| (k.to_string(), en.get(k).unwrap()))
            .collect();
        let exactly_one = matches!(locale, Locale::En | Locale::Es | Locale::Hu);
        for (base, other) in &bases {
            for form in locale.plural_forms() {
                let key = format!("{base}.{form}");
                let like = if *form == "one" && exactly_one {
                    en.get(&key).unwrap()
                } else {
                    en.get(other).unwrap()
                };
                out.insert(key, like);
            }
        }
        out
    }

    #[test]
    fn every_catalogue_has_exactly_the_english_keys_plural_forms_and_placeholders() {
        assert!(plural_bases().len() > 100, "counted messages not found");
        for &locale in Locale::ALL {
            let cat = locale.catalogue();
            let expected = expected_keys(locale);
            let keys: BTreeSet<String> = cat.keys().map(str::to_string).collect();
            let wanted: BTreeSet<String> = expected.keys().cloned().collect();
            let missing: Vec<_> = wanted.difference(&keys).collect();
            let extra: Vec<_> = keys.difference(&wanted).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", locale.tag());
            assert!(
                extra.is_empty(),
                "{} has unknown keys {extra:?}",
                locale.tag()
            );
            for (k, like) in &expected {
                assert_eq!(
                    placeholders(like),
                    placeholders(cat.get(k).unwrap()),
                    "{}: placeholders of `{k}` differ",
                    locale.tag()
                );
            }
        }
    }

    #[test]
    fn latvian_has_a_zero_and_a_one_form_and_chinese_only_the_other() {
        let lv = Locale::Lv.catalogue();
        let zh = Locale::ZhCn.catalogue();
        for (base, other) in plural_bases() {
            assert!(lv.get(&format!("{base}.zero")).is_some(), "lv: {base}.zero");
            assert!(lv.get(&format!("{base}.one")).is_some(), "lv: {base}.one");
            assert!(
                zh.get(&format!("{base}.one")).is_none(),
                "zh-CN: {base}.one"
            );
            assert!(zh.get(other).is_some(), "zh-CN: {other}");
        }
    }

    #[test]
    fn the_counted_form_is_the_locales_own_or_the_other_form() {
        // Native builds pick "one" for exactly one (the browser's rules are checked end
        // to end); a locale without the form answers with the other form, never English.
        let cases = [
            (
                Locale::En,
                "dash.pipeline.total",
                1,
                "dash.pipeline.total.one",
            ),
            (
                Locale::ZhCn,
                "dash.pipeline.total",
                1,
                "dash.pipeline.total",
            ),
            (
                Locale::Lv,
                "backup_settings.count.deals.other",
                1,
                "backup_settings.count.deals.one",
            ),
            (
                Locale::Lv,
                "backup_settings.count.deals.other",
                5,
                "backup_settings.count.deals.other",
            ),
        ];
        for (locale, key, n, form) in cases {
            assert_eq!(
                counted_key(locale, key, n),
                form,
                "{} {key} {n}",
                locale.tag()
            );
        }
    }

    /// Every catalogue key the domain and the store can give: each keyed enum's keys
    /// ([`Keyed::keys`]) and the key tables (checklists, hints, questionnaire, headers).
    fn every_domain_key() -> Vec<&'static str> {
        use crate::domain::keys::Keyed;
        use crate::domain::{
            account, activity, agenda, buying_centre, buying_stage, competitive, complaint,
            contact, deal, decline, dedupe, fields, followup, intel, merge, needs, pipeline,
            presentation, product, proposal, qualification, receivable, referral, relationship,
            rules, search, style,
        };
        use crate::store;
        let enums: &[fn() -> Vec<&'static str>] = &[
            account::Grade::keys,
            account::LeadSource::keys,
            account::Satisfaction::keys,
            account::CustomerKind::keys,
            account::ArchiveView::keys,
            account::AccountSortKey::keys,
            activity::ActivityKind::keys,
            activity::ExchangeFormat::keys,
            activity::GiftReminder::keys,
            activity::GiftFlag::keys,
            agenda::RescheduleTarget::keys,
            agenda::AgendaBucket::keys,
            buying_centre::BuyingCentreWarning::keys,
            buying_stage::BuyingStage::keys,
            buying_stage::BuyingStageWarning::keys,
            competitive::PointKind::keys,
            competitive::CompetitiveWarning::keys,
            contact::BuyingLevel::keys,
            contact::BuyingFunction::keys,
            contact::BuyingRole::keys,
            deal::Step::keys,
            deal::ChecklistItem::keys,
            deal::StepEventKind::keys,
            deal::Outcome::keys,
            deal::TransitionError::keys,
            deal::CloseError::keys,
            deal::ReopenError::keys,
            deal::NextStepError::keys,
            deal::MoveError::keys,
            deal::NextAction::keys,
            deal::DealWarning::keys,
            dedupe::MatchReason::keys,
            fields::FieldProblem::keys,
            intel::IntelKind::keys,
            followup::ContractItemKind::keys,
            followup::MilestoneKind::keys,
            followup::CheckKind::keys,
            followup::FollowUpProblem::keys,
            receivable::LateCause::keys,
            receivable::CollectionAction::keys,
            receivable::CreditOutcome::keys,
            receivable::AgingBucket::keys,
            complaint::FeedbackKind::keys,
            referral::ReferralAnswer::keys,
            decline::TrustLevel::keys,
            decline::DeclineReason::keys,
            decline::Alternative::keys,
            merge::LinkCount::keys,
            merge::UndoRefusal::keys,
            needs::NeedLayer::keys,
            needs::NeedError::keys,
            needs::NeedWarning::keys,
            pipeline::NextStepIssue::keys,
            presentation::OutlineStep::keys,
            presentation::PointCount::keys,
            product::CatalogueView::keys,
            proposal::ProposalStatus::keys,
            proposal::Credential::keys,
            proposal::LineFlag::keys,
            proposal::ProposalError::keys,
            proposal::LineField::keys,
            proposal::SectionPart::keys,
            qualification::QualifyingQuestion::keys,
            qualification::Answer::keys,
            qualification::Gate::keys,
            qualification::QualificationWarning::keys,
            qualification::OverrideError::keys,
            relationship::RelationshipStage::keys,
            relationship::StageError::keys,
            relationship::HealthWarning::keys,
            rules::DateCaution::keys,
            search::HitKind::keys,
            style::CommunicationStyle::keys,
            style::JudgedBy::keys,
            style::Confidence::keys,
            style::Axis::keys,
            style::StyleError::keys,
            store::StoreError::keys,
            store::ImportError::keys,
        ];
        let mut keys: Vec<&'static str> = enums.iter().flat_map(|keys| keys()).collect();
        keys.extend(
            relationship::RelationshipStage::ALL
                .iter()
                .map(|s| s.marker_key()),
        );
        for s in style::CommunicationStyle::ALL {
            let h = s.hints();
            keys.extend(h.dos.iter().chain(h.donts));
            keys.extend([h.question_word, h.question_tip]);
        }
        for q in style::QUESTIONNAIRE {
            keys.push(q.key);
            keys.extend(q.options);
        }
        keys.extend(intel::INTEL_HEADER_KEYS);
        keys
    }

    #[test]
    fn every_key_an_enum_can_give_is_in_every_catalogue() {
        let keys = every_domain_key();
        assert!(keys.len() > 400, "only {} keys listed", keys.len());
        for &locale in Locale::ALL {
            let cat = locale.catalogue();
            let missing: Vec<_> = keys.iter().filter(|k| cat.get(k).is_none()).collect();
            assert!(missing.is_empty(), "{} lacks {missing:#?}", locale.tag());
        }
    }

    #[test]
    fn a_catalogue_lacking_a_key_is_detected() {
        let en = Catalogue::parse(&["a.b = One\nc.d = Two"]).unwrap();
        let es = Catalogue::parse(&["a.b = Uno"]).unwrap();
        let missing: Vec<_> = en.keys().filter(|k| es.get(k).is_none()).collect();
        assert_eq!(missing, vec!["c.d"]);
    }

    #[test]
    fn malformed_catalogue_lines_are_refused() {
        assert!(Catalogue::parse(&["no equals sign"]).is_err());
        assert!(Catalogue::parse(&["Bad Key = x"]).is_err());
        assert!(Catalogue::parse(&["a = 1\na = 2"]).is_err());
    }

    #[test]
    fn every_key_the_code_uses_exists_in_english() {
        // Keys are used as string literals in calls such as `tr("nav.deals")`.
        let en = Locale::En.catalogue();
        let mut missing = Vec::new();
        for path in rust_files(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))) {
            let src = std::fs::read_to_string(&path).unwrap();
            for call in ["tr(\"", "t(loc, \"", "tw(\"", "t_with(loc, \"", "l(\""] {
                for (at, _) in src.match_indices(call) {
                    // Only whole calls, not a method whose name merely ends in `tr`.
                    let before = src[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let key = src[at + call.len()..].split('"').next().unwrap();
                    if en.get(key).is_none() {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "keys used but not in en: {missing:#?}");
    }

    #[test]
    fn spanish_addresses_the_rep_as_usted_throughout() {
        // Words that exist only in the familiar register (tú); the catalogue speaks as usted.
        const FAMILIAR: &[&str] = &[
            "tu",
            "tus",
            "te",
            "ti",
            "contigo",
            "tienes",
            "puedes",
            "quieres",
            "debes",
            "estás",
            "eres",
            "sabes",
            "necesitas",
            "añádelo",
            "guárdalo",
            "elígelo",
            "escríbelo",
        ];
        let es = Locale::Es.catalogue();
        let mut found = Vec::new();
        for key in es.keys() {
            let text = es.get(key).unwrap().to_lowercase();
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                if FAMILIAR.contains(&word) {
                    found.push(format!("{key}: «{word}»"));
                }
            }
        }
        assert!(found.is_empty(), "familiar forms in Spanish: {found:#?}");
    }

    fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                out.extend(rust_files(&p));
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
        out
    }

    #[test]
    fn lookups_fall_back_and_fill_placeholders() {
        assert_eq!(t(Locale::Es, "no.such.key"), "no.such.key");
        assert_eq!(
            placeholders("Hi {name}, {count} new"),
            vec!["count", "name"]
        );
        assert_eq!(Locale::from_tag("es-AR"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("hu-HU"), Some(Locale::Hu));
        assert_eq!(Locale::from_tag("zh-Hans-CN"), Some(Locale::ZhCn));
        assert_eq!(Locale::from_tag("lv"), Some(Locale::Lv));
        assert_eq!(Locale::from_tag("fr"), None);
    }

    #[test]
    fn counted_messages_use_the_singular_for_one() {
        assert_eq!(
            t_count(
                Locale::En,
                "dash.pipeline.total",
                1,
                &[("value", "€5"), ("weighted", "€1")]
            ),
            "1 open deal · €5 · weighted €1"
        );
        assert_eq!(
            t_count(
                Locale::En,
                "dash.pipeline.total",
                2,
                &[("value", "€5"), ("weighted", "€1")]
            ),
            "2 open deals · €5 · weighted €1"
        );
        assert_eq!(
            t_count(Locale::Es, "trust.ui.agenda.summary", 1, &[]),
            "1 tarea abierta. Complete aquí cada tarea una vez hecha."
        );
        assert!(t_count(Locale::En, "data.export.saved", 12_345, &[]).contains("12345 records"));
    }
}
