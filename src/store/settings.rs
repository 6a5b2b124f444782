//! The work settings: the values a rep sets under Settings that shape how the app judges
//! their work (the gift limit with its currency, the days before a deal counts as stuck, the
//! target share of won value from new customers). They belong to the book, not to the
//! device: they are stored in IndexedDB's `meta` store under [`META_SETTINGS`], carried in
//! every backup, restored by an import and brought back by "Undo import". Language and theme
//! are per device and stay in `localStorage` (see `state::prefs`).
//!
//! ## Shape (in `meta` and in the backup's `payload.settings`)
//! One JSON object, one key per setting, written canonically (sorted keys, compact):
//!
//! ```text
//! {"gift_limit":{"currency":"EUR","minor":5000},"new_customer_target_bp":3000,"stuck_days":30}
//! ```
//!
//! - `gift_limit`: an amount in minor units with its ISO currency code, not negative, or
//!   `null` for no limit;
//! - `stuck_days`: a whole number of days from 1 to 3650;
//! - `new_customer_target_bp`: a share in basis points from 0 to 10000 (30 % is 3000);
//! - `discount_limit_bp`: the largest line discount a quotation may give without a flag, in
//!   basis points from 0 to 10000, or `null` for no limit;
//! - `firm_name`, `firm_logo`, `firm_licence`, `firm_profile`, `firm_products`: what the
//!   customer's copy of a proposal shows about our firm — its name (at most 200 characters),
//!   its logo (a `data:image/…;base64,` address of at most 300,000 characters, or empty),
//!   and the reusable credential texts of section 5 (business licence, company profile,
//!   product descriptions; at most 20,000 characters each). Empty text: not set.
//! - `satisfaction_call_days`, `satisfaction_request_days`: the cadence of the satisfaction
//!   checks in follow-up (a call every 7 days and a request every 30 by default), whole
//!   days from 1 to 365;
//! - `collection_large_units`, `collection_long_days`: the collection matrix's lines — an
//!   outstanding amount of at least this many whole units of the invoice's currency is
//!   large (default 10000, from 1 to 1000000000), more than this many days overdue is long
//!   (default 30, from 1 to 3650);
//! - `cumulative_discount`: the cumulative-discount rule, a list of at most 10 tiers
//!   `{"from_units": 10000, "bp": 200}` (from this much spent, in whole units, this
//!   discount in basis points), both rising from tier to tier; empty for no rule.
//!
//! These are the settings forms' own rules ([`check`] is called by both the forms and the
//! import). A backup file may hold any subset of the settings: a setting it does not hold
//! (a schema 1 file holds none; a file from before a setting existed lacks that one) keeps
//! its current value. An unknown setting is refused, as an unknown record kind is: ignoring
//! it would silently drop something the user believes is in the backup.
//!
//! ## Adding a setting
//! Add a [`SettingKey`] and a [`Setting`] variant, a field of [`WorkSettings`] with its
//! default, its rule in [`check`], the schema version of its first backups in
//! [`SettingKey::since`], its label in `src/i18n/*/backup_settings.txt`. Older
//! files simply lack it (it keeps its current value), so no schema version is needed.

use super::Message;
use crate::domain::followup::Cadence;
use crate::domain::money::{Currency, Money};
use crate::domain::purchase::{check_tiers, DiscountTier, TierProblem, MAX_TIERS};
use crate::domain::receivable::CollectionThresholds;
use serde_json::{Map, Value};
use std::ops::RangeInclusive;

/// The `meta` key holding the work settings (canonical JSON of the object above).
pub const META_SETTINGS: &str = "settings";
/// The key of the settings object in a backup's payload.
pub const PAYLOAD_SETTINGS: &str = "settings";

/// A deal that sat in a step this many days is stuck (unless set otherwise).
pub const DEFAULT_STUCK_DAYS: u32 = 30;
/// 30 % of won value should come from new customers (unless set otherwise).
pub const DEFAULT_TARGET_BP: u32 = 3_000;
/// The days a deal may sit in a step before it counts as stuck.
pub const STUCK_DAYS: RangeInclusive<u32> = 1..=3650;
/// The days between satisfaction checks.
pub const CADENCE_DAYS: RangeInclusive<u32> = 1..=365;
/// The collection matrix's large amount, in whole units.
pub const LARGE_UNITS: RangeInclusive<u32> = 1..=1_000_000_000;
/// The target share, in basis points (0 to 100 %).
pub const TARGET_BP: RangeInclusive<u32> = 0..=10_000;
/// The longest firm name.
pub const MAX_FIRM_NAME: usize = 200;
/// The longest logo, as a `data:` address (about 220 KB of image).
pub const MAX_LOGO: usize = 300_000;
/// The longest credential text.
pub const MAX_CREDENTIAL: usize = 20_000;
/// The image types a logo may be.
pub const LOGO_PREFIXES: &[&str] = &[
    "data:image/png;base64,",
    "data:image/jpeg;base64,",
    "data:image/webp;base64,",
    "data:image/gif;base64,",
    "data:image/svg+xml;base64,",
];

/// One work setting's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SettingKey {
    GiftLimit,
    StuckDays,
    NewCustomerTarget,
    DiscountLimit,
    FirmName,
    FirmLogo,
    FirmLicence,
    FirmProfile,
    FirmProducts,
    SatisfactionCallDays,
    SatisfactionRequestDays,
    CollectionLargeUnits,
    CollectionLongDays,
    CumulativeDiscount,
}

impl SettingKey {
    /// Every setting, in the order the preview lists them.
    pub const ALL: &'static [SettingKey] = &[
        SettingKey::GiftLimit,
        SettingKey::StuckDays,
        SettingKey::NewCustomerTarget,
        SettingKey::DiscountLimit,
        SettingKey::FirmName,
        SettingKey::FirmLogo,
        SettingKey::FirmLicence,
        SettingKey::FirmProfile,
        SettingKey::FirmProducts,
        SettingKey::SatisfactionCallDays,
        SettingKey::SatisfactionRequestDays,
        SettingKey::CollectionLargeUnits,
        SettingKey::CollectionLongDays,
        SettingKey::CumulativeDiscount,
    ];

    /// The schema version whose backups first hold this setting (every file of that version
    /// or later holds it; older files lack it, and an import keeps its current value).
    pub fn since(self) -> u32 {
        match self {
            SettingKey::GiftLimit | SettingKey::StuckDays | SettingKey::NewCustomerTarget => 2,
            SettingKey::SatisfactionCallDays
            | SettingKey::SatisfactionRequestDays
            | SettingKey::CollectionLargeUnits
            | SettingKey::CollectionLongDays
            | SettingKey::CumulativeDiscount => 5,
            _ => 3,
        }
    }

    /// Whether the setting is a text ([`Setting::Text`]), and its longest length.
    pub fn text_limit(self) -> Option<usize> {
        match self {
            SettingKey::FirmName => Some(MAX_FIRM_NAME),
            SettingKey::FirmLogo => Some(MAX_LOGO),
            SettingKey::FirmLicence | SettingKey::FirmProfile | SettingKey::FirmProducts => {
                Some(MAX_CREDENTIAL)
            }
            _ => None,
        }
    }

    /// Whether the setting is a whole number ([`Setting::Whole`]), and its range.
    pub fn whole_range(self) -> Option<RangeInclusive<u32>> {
        match self {
            SettingKey::SatisfactionCallDays | SettingKey::SatisfactionRequestDays => {
                Some(CADENCE_DAYS)
            }
            SettingKey::CollectionLargeUnits => Some(LARGE_UNITS),
            SettingKey::CollectionLongDays => Some(STUCK_DAYS),
            _ => None,
        }
    }

    /// Its key in the JSON object.
    pub fn name(self) -> &'static str {
        match self {
            SettingKey::GiftLimit => "gift_limit",
            SettingKey::StuckDays => "stuck_days",
            SettingKey::NewCustomerTarget => "new_customer_target_bp",
            SettingKey::DiscountLimit => "discount_limit_bp",
            SettingKey::FirmName => "firm_name",
            SettingKey::FirmLogo => "firm_logo",
            SettingKey::FirmLicence => "firm_licence",
            SettingKey::FirmProfile => "firm_profile",
            SettingKey::FirmProducts => "firm_products",
            SettingKey::SatisfactionCallDays => "satisfaction_call_days",
            SettingKey::SatisfactionRequestDays => "satisfaction_request_days",
            SettingKey::CollectionLargeUnits => "collection_large_units",
            SettingKey::CollectionLongDays => "collection_long_days",
            SettingKey::CumulativeDiscount => "cumulative_discount",
        }
    }

    pub fn from_name(name: &str) -> Option<SettingKey> {
        SettingKey::ALL.iter().copied().find(|k| k.name() == name)
    }

    /// The catalogue key of its label ("Gift limit").
    pub fn label_key(self) -> &'static str {
        match self {
            SettingKey::GiftLimit => "backup_settings.setting.gift_limit",
            SettingKey::StuckDays => "backup_settings.setting.stuck_days",
            SettingKey::NewCustomerTarget => "backup_settings.setting.new_customer_target",
            SettingKey::DiscountLimit => "backup_settings.setting.discount_limit",
            SettingKey::FirmName => "backup_settings.setting.firm_name",
            SettingKey::FirmLogo => "backup_settings.setting.firm_logo",
            SettingKey::FirmLicence => "backup_settings.setting.firm_licence",
            SettingKey::FirmProfile => "backup_settings.setting.firm_profile",
            SettingKey::FirmProducts => "backup_settings.setting.firm_products",
            SettingKey::SatisfactionCallDays => "backup_settings.setting.satisfaction_call_days",
            SettingKey::SatisfactionRequestDays => {
                "backup_settings.setting.satisfaction_request_days"
            }
            SettingKey::CollectionLargeUnits => "backup_settings.setting.collection_large_units",
            SettingKey::CollectionLongDays => "backup_settings.setting.collection_long_days",
            SettingKey::CumulativeDiscount => "backup_settings.setting.cumulative_discount",
        }
    }
}

/// One setting with its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Setting {
    /// `None`: no limit.
    GiftLimit(Option<Money>),
    StuckDays(u32),
    /// In basis points.
    NewCustomerTarget(u32),
    /// In basis points; `None`: no limit.
    DiscountLimit(Option<u32>),
    /// A text setting (a key whose [`SettingKey::text_limit`] is set) with its value.
    Text(SettingKey, String),
    /// A whole-number setting (a key whose [`SettingKey::whole_range`] is set).
    Whole(SettingKey, u32),
    /// The cumulative-discount rule.
    DiscountTiers(Vec<DiscountTier>),
}

impl Setting {
    /// The text of a text setting.
    pub fn text(&self) -> Option<&str> {
        match self {
            Setting::Text(_, t) => Some(t),
            _ => None,
        }
    }

    pub fn key(&self) -> SettingKey {
        match self {
            Setting::GiftLimit(_) => SettingKey::GiftLimit,
            Setting::StuckDays(_) => SettingKey::StuckDays,
            Setting::NewCustomerTarget(_) => SettingKey::NewCustomerTarget,
            Setting::DiscountLimit(_) => SettingKey::DiscountLimit,
            Setting::Text(key, _) | Setting::Whole(key, _) => *key,
            Setting::DiscountTiers(_) => SettingKey::CumulativeDiscount,
        }
    }

    fn to_json(&self) -> Value {
        match self {
            Setting::GiftLimit(None) => Value::Null,
            Setting::GiftLimit(Some(m)) => serde_json::json!({
                "currency": m.currency.code(),
                "minor": m.minor,
            }),
            Setting::StuckDays(d) => Value::from(*d),
            Setting::NewCustomerTarget(bp) => Value::from(*bp),
            Setting::DiscountLimit(None) => Value::Null,
            Setting::DiscountLimit(Some(bp)) => Value::from(*bp),
            Setting::Text(_, text) => Value::from(text.as_str()),
            Setting::Whole(_, n) => Value::from(*n),
            Setting::DiscountTiers(tiers) => Value::Array(
                tiers
                    .iter()
                    .map(|t| serde_json::json!({ "from_units": t.from_units, "bp": t.bp }))
                    .collect(),
            ),
        }
    }
}

/// Why a setting's value is refused: which setting, where inside it (`"gift_limit.minor"`),
/// and the reason in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingError {
    pub key: SettingKey,
    /// The place inside the settings object: the setting's name, or a field of it.
    pub path: String,
    pub reason: Message,
}

/// Why a settings object is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsError {
    /// Not a JSON object.
    NotAnObject,
    /// A setting this version does not have.
    Unknown {
        name: String,
    },
    Invalid(SettingError),
}

fn invalid(key: SettingKey, path: &str, reason: Message) -> SettingError {
    SettingError {
        key,
        path: path.to_string(),
        reason,
    }
}

/// The rules of each setting, shared by the settings forms and the import.
pub fn check(setting: &Setting) -> Result<(), SettingError> {
    match setting {
        Setting::GiftLimit(Some(m)) if m.minor < 0 => Err(invalid(
            SettingKey::GiftLimit,
            "gift_limit.minor",
            Message::new("backup_settings.rule.gift_negative"),
        )),
        Setting::GiftLimit(_) => Ok(()),
        Setting::StuckDays(d) if !STUCK_DAYS.contains(d) => Err(invalid(
            SettingKey::StuckDays,
            "stuck_days",
            Message::new("backup_settings.rule.stuck_days")
                .arg("min", STUCK_DAYS.start())
                .arg("max", STUCK_DAYS.end())
                .arg("value", d),
        )),
        Setting::NewCustomerTarget(bp) if !TARGET_BP.contains(bp) => Err(invalid(
            SettingKey::NewCustomerTarget,
            "new_customer_target_bp",
            Message::new("backup_settings.rule.target").arg("value", bp),
        )),
        Setting::DiscountLimit(Some(bp)) if !TARGET_BP.contains(bp) => Err(invalid(
            SettingKey::DiscountLimit,
            "discount_limit_bp",
            Message::new("backup_settings.rule.discount_limit").arg("value", bp),
        )),
        Setting::Text(key, text) => check_text(*key, text),
        Setting::Whole(key, n) => check_whole(*key, *n),
        Setting::DiscountTiers(tiers) => check_discount_tiers(tiers),
        Setting::StuckDays(_) | Setting::NewCustomerTarget(_) | Setting::DiscountLimit(_) => Ok(()),
    }
}

fn check_whole(key: SettingKey, n: u32) -> Result<(), SettingError> {
    let Some(range) = key.whole_range() else {
        return Err(invalid(
            key,
            key.name(),
            Message::new("backup_settings.rule.not_whole"),
        ));
    };
    if range.contains(&n) {
        Ok(())
    } else {
        Err(whole_out_of_range(key, n))
    }
}

fn whole_out_of_range(key: SettingKey, shown: impl ToString) -> SettingError {
    let range = key.whole_range().unwrap_or(0..=0);
    invalid(
        key,
        key.name(),
        Message::new("backup_settings.rule.whole_range")
            .arg("min", range.start())
            .arg("max", range.end())
            .arg("value", shown.to_string()),
    )
}

fn check_discount_tiers(tiers: &[DiscountTier]) -> Result<(), SettingError> {
    let key = SettingKey::CumulativeDiscount;
    let at = |index: usize| format!("{}[{index}]", key.name());
    check_tiers(tiers).map_err(|p| match p {
        TierProblem::TooMany => invalid(
            key,
            key.name(),
            Message::new("backup_settings.rule.tiers_too_many").arg("max", MAX_TIERS),
        ),
        TierProblem::ZeroSpend { index } => invalid(
            key,
            &at(index),
            Message::new("backup_settings.rule.tier_zero_spend").arg("tier", index + 1),
        ),
        TierProblem::Rate { index } => invalid(
            key,
            &at(index),
            Message::new("backup_settings.rule.tier_rate").arg("tier", index + 1),
        ),
        TierProblem::NotRising { index } => invalid(
            key,
            &at(index),
            Message::new("backup_settings.rule.tiers_rising").arg("tier", index + 1),
        ),
    })
}

fn parse_tiers(v: &Value) -> Result<Vec<DiscountTier>, SettingError> {
    let key = SettingKey::CumulativeDiscount;
    let shape =
        |path: String| invalid(key, &path, Message::new("backup_settings.rule.tiers_shape"));
    let Value::Array(items) = v else {
        return Err(shape(key.name().to_string()));
    };
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let path = format!("{}[{index}]", key.name());
            let Value::Object(obj) = item else {
                return Err(shape(path));
            };
            if obj.keys().any(|k| k != "from_units" && k != "bp") {
                return Err(shape(path));
            }
            let from_units = obj.get("from_units").and_then(Value::as_u64);
            let bp = obj
                .get("bp")
                .and_then(Value::as_u64)
                .and_then(|b| u32::try_from(b).ok());
            match (from_units, bp) {
                (Some(from_units), Some(bp)) => Ok(DiscountTier { from_units, bp }),
                _ => Err(shape(path)),
            }
        })
        .collect()
}

fn check_text(key: SettingKey, text: &str) -> Result<(), SettingError> {
    let Some(limit) = key.text_limit() else {
        return Err(invalid(
            key,
            key.name(),
            Message::new("backup_settings.rule.not_text"),
        ));
    };
    let len = text.chars().count();
    if len > limit {
        return Err(invalid(
            key,
            key.name(),
            Message::new("backup_settings.rule.text_too_long")
                .arg("max", limit)
                .arg("length", len),
        ));
    }
    if key == SettingKey::FirmLogo
        && !text.is_empty()
        && !LOGO_PREFIXES.iter().any(|p| text.starts_with(p))
    {
        return Err(invalid(
            key,
            key.name(),
            Message::new("backup_settings.rule.logo"),
        ));
    }
    Ok(())
}

fn found(v: &Value) -> Message {
    Message::new(match v {
        Value::Null => "backup_settings.found.null",
        Value::Bool(_) => "backup_settings.found.bool",
        Value::Number(_) => "backup_settings.found.number",
        Value::String(_) => "backup_settings.found.text",
        Value::Array(_) => "backup_settings.found.list",
        Value::Object(_) => "backup_settings.found.object",
    })
}

fn whole_number(key: SettingKey, path: &str, v: &Value) -> Result<u64, SettingError> {
    if let Some(n) = v.as_u64() {
        return Ok(n);
    }
    if v.as_i64().is_some() {
        // A negative whole number: outside every range.
        return Err(invalid_range(key, v));
    }
    Err(invalid(
        key,
        path,
        Message::new("backup_settings.rule.whole_number").part("found", found(v)),
    ))
}

fn invalid_range(key: SettingKey, v: &Value) -> SettingError {
    let shown = v.to_string();
    if key.whole_range().is_some() {
        return whole_out_of_range(key, shown);
    }
    match key {
        SettingKey::DiscountLimit => invalid(
            key,
            "discount_limit_bp",
            Message::new("backup_settings.rule.discount_limit").arg("value", shown),
        ),
        SettingKey::StuckDays => invalid(
            key,
            "stuck_days",
            Message::new("backup_settings.rule.stuck_days")
                .arg("min", STUCK_DAYS.start())
                .arg("max", STUCK_DAYS.end())
                .arg("value", shown),
        ),
        _ => invalid(
            key,
            key.name(),
            Message::new("backup_settings.rule.target").arg("value", shown),
        ),
    }
}

/// Reads one setting's JSON value and checks it with [`check`].
pub fn parse_setting(key: SettingKey, v: &Value) -> Result<Setting, SettingError> {
    let setting = match key {
        SettingKey::GiftLimit => match v {
            Value::Null => Setting::GiftLimit(None),
            Value::Object(obj) => {
                let shape = || {
                    invalid(
                        key,
                        "gift_limit",
                        Message::new("backup_settings.rule.gift_shape"),
                    )
                };
                if obj.keys().any(|k| k != "minor" && k != "currency") {
                    return Err(shape());
                }
                let minor = obj.get("minor").ok_or_else(shape)?;
                let minor = minor.as_i64().ok_or_else(|| {
                    invalid(
                        key,
                        "gift_limit.minor",
                        Message::new("backup_settings.rule.whole_number")
                            .part("found", found(minor)),
                    )
                })?;
                let code = obj.get("currency").ok_or_else(shape)?;
                let currency = code
                    .as_str()
                    .filter(|c| c.trim() == *c)
                    .and_then(|c| Currency::parse(c).ok().filter(|p| p.code() == c))
                    .ok_or_else(|| {
                        invalid(
                            key,
                            "gift_limit.currency",
                            Message::new("backup_settings.rule.currency").arg(
                                "found",
                                super::kinds::clip(
                                    &code
                                        .as_str()
                                        .map_or_else(|| code.to_string(), str::to_string),
                                    40,
                                ),
                            ),
                        )
                    })?;
                Setting::GiftLimit(Some(Money::new(minor, currency)))
            }
            _ => {
                return Err(invalid(
                    key,
                    "gift_limit",
                    Message::new("backup_settings.rule.gift_shape"),
                ))
            }
        },
        SettingKey::StuckDays => {
            let n = whole_number(key, "stuck_days", v)?;
            Setting::StuckDays(u32::try_from(n).map_err(|_| invalid_range(key, v))?)
        }
        SettingKey::NewCustomerTarget => {
            let n = whole_number(key, "new_customer_target_bp", v)?;
            Setting::NewCustomerTarget(u32::try_from(n).map_err(|_| invalid_range(key, v))?)
        }
        SettingKey::DiscountLimit => match v {
            Value::Null => Setting::DiscountLimit(None),
            _ => {
                let n = whole_number(key, "discount_limit_bp", v)?;
                Setting::DiscountLimit(Some(u32::try_from(n).map_err(|_| invalid_range(key, v))?))
            }
        },
        SettingKey::SatisfactionCallDays
        | SettingKey::SatisfactionRequestDays
        | SettingKey::CollectionLargeUnits
        | SettingKey::CollectionLongDays => {
            let n = whole_number(key, key.name(), v)?;
            let n = u32::try_from(n).map_err(|_| whole_out_of_range(key, v))?;
            Setting::Whole(key, n)
        }
        SettingKey::CumulativeDiscount => Setting::DiscountTiers(parse_tiers(v)?),
        SettingKey::FirmName
        | SettingKey::FirmLogo
        | SettingKey::FirmLicence
        | SettingKey::FirmProfile
        | SettingKey::FirmProducts => match v {
            Value::String(text) => Setting::Text(key, text.clone()),
            _ => {
                return Err(invalid(
                    key,
                    key.name(),
                    Message::new("backup_settings.rule.text").part("found", found(v)),
                ))
            }
        },
    };
    check(&setting)?;
    Ok(setting)
}

/// Settings read from a file: the ones it holds, in [`SettingKey`] order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsPatch {
    pub values: Vec<Setting>,
}

impl SettingsPatch {
    /// Reads a settings object (a backup's `payload.settings`), refusing unknown and invalid
    /// settings.
    pub fn parse(v: &Value) -> Result<SettingsPatch, SettingsError> {
        let Value::Object(obj) = v else {
            return Err(SettingsError::NotAnObject);
        };
        if let Some(name) = obj.keys().find(|k| SettingKey::from_name(k).is_none()) {
            return Err(SettingsError::Unknown { name: name.clone() });
        }
        let mut values = Vec::new();
        for key in SettingKey::ALL {
            if let Some(v) = obj.get(key.name()) {
                values.push(parse_setting(*key, v).map_err(SettingsError::Invalid)?);
            }
        }
        Ok(SettingsPatch { values })
    }

    pub fn get(&self, key: SettingKey) -> Option<&Setting> {
        self.values.iter().find(|s| s.key() == key)
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The canonical JSON object of the settings held.
    pub fn to_json(&self) -> String {
        let map: Map<String, Value> = self
            .values
            .iter()
            .map(|s| (s.key().name().to_string(), s.to_json()))
            .collect();
        super::backup::canonical_json(&Value::Object(map))
    }
}

/// Every work setting's current value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkSettings {
    /// `None`: no limit.
    pub gift_limit: Option<Money>,
    pub stuck_days: u32,
    /// In basis points.
    pub new_customer_target_bp: u32,
    /// In basis points; `None`: no limit.
    pub discount_limit_bp: Option<u32>,
    /// What the customer's copy of a proposal shows about our firm.
    pub firm: FirmProfile,
    /// How often customers in follow-up are asked about satisfaction.
    pub satisfaction: Cadence,
    /// Where the collection matrix draws its lines.
    pub collection: CollectionThresholds,
    /// The cumulative-discount rule (empty: none).
    pub cumulative_discount: Vec<DiscountTier>,
}

pub use crate::domain::proposal::FirmProfile;

/// Each firm setting's field of the profile.
impl FirmProfile {
    fn field(&self, key: SettingKey) -> Option<&String> {
        Some(match key {
            SettingKey::FirmName => &self.name,
            SettingKey::FirmLogo => &self.logo,
            SettingKey::FirmLicence => &self.licence,
            SettingKey::FirmProfile => &self.profile,
            SettingKey::FirmProducts => &self.products,
            _ => return None,
        })
    }

    fn field_mut(&mut self, key: SettingKey) -> Option<&mut String> {
        Some(match key {
            SettingKey::FirmName => &mut self.name,
            SettingKey::FirmLogo => &mut self.logo,
            SettingKey::FirmLicence => &mut self.licence,
            SettingKey::FirmProfile => &mut self.profile,
            SettingKey::FirmProducts => &mut self.products,
            _ => return None,
        })
    }
}

impl Default for WorkSettings {
    fn default() -> Self {
        WorkSettings {
            gift_limit: None,
            stuck_days: DEFAULT_STUCK_DAYS,
            new_customer_target_bp: DEFAULT_TARGET_BP,
            discount_limit_bp: None,
            firm: FirmProfile::default(),
            satisfaction: Cadence::default(),
            collection: CollectionThresholds::default(),
            cumulative_discount: Vec::new(),
        }
    }
}

/// A setting the import would change: its value now and the file's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingChange {
    pub from: Setting,
    pub to: Setting,
}

impl SettingChange {
    pub fn key(&self) -> SettingKey {
        self.to.key()
    }
}

impl WorkSettings {
    pub fn get(&self, key: SettingKey) -> Setting {
        match key {
            SettingKey::GiftLimit => Setting::GiftLimit(self.gift_limit.clone()),
            SettingKey::StuckDays => Setting::StuckDays(self.stuck_days),
            SettingKey::NewCustomerTarget => {
                Setting::NewCustomerTarget(self.new_customer_target_bp)
            }
            SettingKey::DiscountLimit => Setting::DiscountLimit(self.discount_limit_bp),
            SettingKey::SatisfactionCallDays => Setting::Whole(key, self.satisfaction.call_days),
            SettingKey::SatisfactionRequestDays => {
                Setting::Whole(key, self.satisfaction.request_days)
            }
            SettingKey::CollectionLargeUnits => Setting::Whole(key, self.collection.large_units),
            SettingKey::CollectionLongDays => Setting::Whole(key, self.collection.long_days),
            SettingKey::CumulativeDiscount => {
                Setting::DiscountTiers(self.cumulative_discount.clone())
            }
            key => Setting::Text(key, self.firm.field(key).cloned().unwrap_or_default()),
        }
    }

    pub fn set(&mut self, setting: Setting) {
        match setting {
            Setting::GiftLimit(m) => self.gift_limit = m,
            Setting::StuckDays(d) => self.stuck_days = d,
            Setting::NewCustomerTarget(bp) => self.new_customer_target_bp = bp,
            Setting::DiscountLimit(bp) => self.discount_limit_bp = bp,
            Setting::Text(key, text) => {
                if let Some(field) = self.firm.field_mut(key) {
                    *field = text;
                }
            }
            Setting::Whole(key, n) => match key {
                SettingKey::SatisfactionCallDays => self.satisfaction.call_days = n,
                SettingKey::SatisfactionRequestDays => self.satisfaction.request_days = n,
                SettingKey::CollectionLargeUnits => self.collection.large_units = n,
                SettingKey::CollectionLongDays => self.collection.long_days = n,
                _ => {}
            },
            Setting::DiscountTiers(tiers) => self.cumulative_discount = tiers,
        }
    }

    /// Every setting, as a patch (what an export writes).
    pub fn all(&self) -> SettingsPatch {
        SettingsPatch {
            values: SettingKey::ALL.iter().map(|k| self.get(*k)).collect(),
        }
    }

    /// The canonical JSON of every setting (what `meta` holds).
    pub fn to_json(&self) -> String {
        self.all().to_json()
    }

    /// Takes the patch's value of every setting it holds.
    pub fn apply(&mut self, patch: &SettingsPatch) {
        for s in &patch.values {
            self.set(s.clone());
        }
    }

    /// The settings `patch` would change, in [`SettingKey`] order.
    pub fn changes(&self, patch: &SettingsPatch) -> Vec<SettingChange> {
        patch
            .values
            .iter()
            .filter_map(|to| {
                let from = self.get(to.key());
                (from != *to).then(|| SettingChange {
                    from,
                    to: to.clone(),
                })
            })
            .collect()
    }

    /// The settings as stored in `meta` (`None`: never stored, the defaults). A stored value
    /// that breaks a rule (only a damaged store could hold one) falls back to its default,
    /// setting by setting; nothing else is lost.
    pub fn from_stored(text: Option<&str>) -> WorkSettings {
        let mut out = WorkSettings::default();
        let Some(Value::Object(obj)) = text.and_then(|t| serde_json::from_str(t).ok()) else {
            return out;
        };
        for key in SettingKey::ALL {
            if let Some(s) = obj
                .get(key.name())
                .and_then(|v| parse_setting(*key, v).ok())
            {
                out.set(s);
            }
        }
        out
    }

    /// The settings kept in `localStorage` before they moved to the database (read once, at
    /// the first start of a version that stores them in `meta`): the JSON texts stored
    /// under `sixstep.gift_limit`, `sixstep.stuck_days` and
    /// `sixstep.new_customer_target_bp`. A value that is missing or breaks a rule gives the
    /// default, as the old readers did.
    pub fn from_legacy(
        gift_limit: Option<&str>,
        stuck_days: Option<&str>,
        target_bp: Option<&str>,
    ) -> WorkSettings {
        let mut out = WorkSettings::default();
        let read = |key: SettingKey, text: Option<&str>| {
            let v: Value = serde_json::from_str(text?).ok()?;
            parse_setting(key, &v).ok()
        };
        for (key, text) in [
            (SettingKey::GiftLimit, gift_limit),
            (SettingKey::StuckDays, stuck_days),
            (SettingKey::NewCustomerTarget, target_bp),
        ] {
            if let Some(s) = read(key, text) {
                out.set(s);
            }
        }
        out
    }
}

/// The stored settings text after `patch` is applied to it (what [`Op::ApplySettings`]
/// writes, inside the import's transaction).
///
/// [`Op::ApplySettings`]: super::backend::Op::ApplySettings
pub fn merge_stored(stored: Option<&str>, patch: &SettingsPatch) -> String {
    let mut s = WorkSettings::from_stored(stored);
    s.apply(patch);
    s.to_json()
}
