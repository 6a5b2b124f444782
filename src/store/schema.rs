//! Schema versions and migrations.
//!
//! The schema version numbers the shape of the stored records and of the backup payload.
//! Version 1 is the base. Each later version `n` adds ONE step function migrating the
//! records of every kind from `n - 1` to `n`, appended to [`STEPS`]; [`migrate`] runs the
//! chain from a file's (or the database's) version up to [`CURRENT_SCHEMA`]. Steps work on
//! JSON values, not on the record structs, because the structs only know the current shape.
//!
//! ## Versions
//! - **1**: the records of every kind.
//! - **2**: the payload may also hold `settings`, the work settings (see
//!   [`settings`](super::settings)); in the database they live in `meta`. The records do not
//!   change: [`v1_to_v2`] leaves them as they are. A schema 1 file holds no settings, so
//!   importing one keeps the current settings.
//! - **3**: step 4 of the method. Two kinds join: `products` (the catalogue) and
//!   `proposals` (one record per proposal version); deals gain `competitive` (the
//!   competitive analysis and plan) and `presentation` (the presentation plan), both empty
//!   by default; the settings gain `discount_limit_bp` and the firm's profile (`firm_name`,
//!   `firm_logo`, `firm_licence`, `firm_profile`, `firm_products`). A schema 2 file or
//!   database holds none of these, and needs no change: a kind a file lacks is read as
//!   holding no records, the new deal fields read as empty, and an import keeps the
//!   current value of a setting the file lacks. [`v2_to_v3`] leaves everything as it is.
//! - **4**: step 5 of the method. The kind `negotiations` joins (one record per deal: the
//!   closing aids, the negotiation plan, the rounds, the deadlocks and the agreement). A
//!   schema 3 file or database has none, which reads as no negotiation: [`v3_to_v4`]
//!   leaves everything as it is.
//! - **5**: step 6 and good vendor practice. The kinds `followups` (one per won deal: the
//!   contract checklist, the milestones, the satisfaction checks), `invoices`,
//!   `credit_checks`, `complaints`, `referrals`, `partners` and `declined_requests` join,
//!   and the settings gain the satisfaction cadence, the collection thresholds and the
//!   cumulative discount rule. A schema 4 book holds none of them: [`v4_to_v5`] leaves
//!   everything as it is.
//! - **6**: trainee mode. The kinds `exercise_answers` (the trainee's answers, for the
//!   scores over time) and `sample_books` (exactly the records the sample book added) join.
//!   A schema 5 book holds none: [`v5_to_v6`] leaves everything as it is.
//! - **7**: five languages. An account gains `language`, the language of the documents
//!   handed to the customer (absent: the app's). [`v6_to_v7`] leaves everything as it is
//!   (a missing field reads as the app's language); the bump keeps an older app, which
//!   would drop the field when saving the account, from opening the book.
//! - **8**: packed kinds. The database gains the `packs` and `journal` stores (see
//!   [`pack`](super::pack)): every write to a packed kind must also be journaled, which an
//!   older app does not do, so the bump keeps it from writing to the book. The records and
//!   the backup payload do not change: [`v7_to_v8`] leaves everything as it is.
//!
//! ## Adding version 9 (example)
//! Say deals gain `probability` (default 0) and `intel_notes` is renamed `market_notes`:
//!
//! ```ignore
//! pub const CURRENT_SCHEMA: u32 = 9;
//! pub const STEPS: &[Step] = &[v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7, v7_to_v8, v8_to_v9];
//!
//! /// v9: deals get `probability` (0); `intel_notes` becomes `market_notes`.
//! fn v8_to_v9(data: &mut RecordsByKind) -> Result<(), MigrationError> {
//!     for (index, deal) in data.entry("deals".into()).or_default().iter_mut().enumerate() {
//!         let obj = deal.as_object_mut().ok_or_else(|| MigrationError::step(9, "deals", index,
//!             "expected a record (a JSON object)"))?;
//!         obj.entry("probability").or_insert(0.into());
//!     }
//!     if let Some(notes) = data.remove("intel_notes") {
//!         data.insert("market_notes".into(), notes);
//!     }
//!     Ok(())
//! }
//! ```
//! Then: export a backup made by the v9 app with a few records of each kind as
//! `tests/fixtures/schema_v9.json` (`cargo test --test store -- --ignored write_fixture`;
//! keep `schema_v1.json` to `schema_v8.json` forever: the fixture test migrates
//! every `schema_v*.json` to the current version and validates it), add a unit test of the
//! step, and never edit a released step. Migrating a database bumps the IndexedDB version
//! only if object stores change; record shapes are migrated by [`open`](super::open::open)
//! in one transaction, after a snapshot.

use super::RecordsByKind;
use std::fmt;

/// The schema version this build reads and writes.
pub const CURRENT_SCHEMA: u32 = 8;

/// A migration step: migrates every kind's records by one version, in place.
pub type Step = fn(&mut RecordsByKind) -> Result<(), MigrationError>;

/// `STEPS[i]` migrates from version `i + 1` to `i + 2`; so `STEPS.len() == CURRENT_SCHEMA - 1`.
pub const STEPS: &[Step] = &[
    v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7, v7_to_v8,
];

/// v2: the work settings join the backup (`payload.settings`) and the database (`meta`).
/// Records keep their shape; a schema 1 file or database has no settings to migrate (the
/// database's, kept in `localStorage` until now, are moved at start-up by the app, which is
/// the only place that can read them), so nothing changes here.
pub fn v1_to_v2(_data: &mut RecordsByKind) -> Result<(), MigrationError> {
    Ok(())
}

/// v3: the catalogue's `products` and the `proposals` join (a schema 2 book has none: a
/// missing kind reads as empty); the deals' new fields (`competitive`, `presentation`)
/// default to empty when read. Nothing to change.
pub fn v2_to_v3(_data: &mut RecordsByKind) -> Result<(), MigrationError> {
    Ok(())
}

/// v4: the `negotiations` join (a schema 3 book has none: a missing kind reads as empty).
/// Nothing to change.
pub fn v3_to_v4(_data: &mut RecordsByKind) -> Result<(), MigrationError> {
    Ok(())
}

/// v5: step 6 and good vendor practice. The kinds `followups`, `invoices`,
/// `credit_checks`, `complaints`, `referrals`, `partners` and `declined_requests` join (a
/// schema 4 book has none: a missing kind reads as empty), and the settings gain the
/// satisfaction-check cadence, the collection matrix's thresholds and the cumulative
/// discount rule (a file without them keeps the current values). Nothing to change.
pub fn v4_to_v5(_data: &mut RecordsByKind) -> Result<(), MigrationError> {
    Ok(())
}

/// v6: trainee mode. The kinds `exercise_answers` (one per answer a trainee gave) and
/// `sample_books` (the list of the records the sample book added) join; a schema 5 book
/// has none (a missing kind reads as empty). Nothing to change.
pub fn v5_to_v6(_data: &mut RecordsByKind) -> Result<(), MigrationError> {
    Ok(())
}

/// v7: five languages. An account may name the language of its documents (`language`); a
/// schema 6 account has none, which reads as the app's language. Nothing to change.
pub fn v6_to_v7(_data: &mut RecordsByKind) -> Result<(), MigrationError> {
    Ok(())
}

/// v8: packed kinds (the database's `packs` and `journal`). Records and backups keep their
/// shape: nothing to change. The bump keeps an older app, which would write a packed kind
/// without journaling it, from writing to the book.
pub fn v7_to_v8(_data: &mut RecordsByKind) -> Result<(), MigrationError> {
    Ok(())
}

const _: () = assert!(STEPS.len() as u32 == CURRENT_SCHEMA - 1);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrationError {
    /// Written by a newer version of the app: refused (an older app cannot know its shape).
    Newer { found: u32, current: u32 },
    /// Not a version this app ever wrote (0).
    Unknown { found: u32 },
    /// The step to version `to` could not migrate record `index` of `kind`.
    Step {
        to: u32,
        kind: String,
        index: usize,
        message: String,
    },
}

impl MigrationError {
    pub fn step(to: u32, kind: &str, index: usize, message: impl Into<String>) -> Self {
        MigrationError::Step {
            to,
            kind: kind.to_string(),
            index,
            message: message.into(),
        }
    }
}

impl fmt::Display for MigrationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MigrationError::Newer { found, current } => write!(
                f,
                "schema version {found} was made by a newer version of the app (this one reads up to {current})"
            ),
            MigrationError::Unknown { found } => write!(f, "unknown schema version {found}"),
            MigrationError::Step {
                to,
                kind,
                index,
                message,
            } => write!(f, "migration to version {to}: {kind}[{index}]: {message}"),
        }
    }
}

impl std::error::Error for MigrationError {}

/// Migrates `data` from schema version `from` to [`CURRENT_SCHEMA`].
/// Returns the number of steps run. On error `data` may be partly migrated: callers work on a
/// copy (the import and start-up do), so nothing stored changes.
pub fn migrate(from: u32, data: &mut RecordsByKind) -> Result<usize, MigrationError> {
    migrate_with(STEPS, from, data)
}

/// [`migrate`] with an explicit chain (`steps[i]` migrates `i + 1` → `i + 2`), so the chain
/// mechanics can be tested with example steps.
pub fn migrate_with(
    steps: &[Step],
    from: u32,
    data: &mut RecordsByKind,
) -> Result<usize, MigrationError> {
    let current = steps.len() as u32 + 1;
    if from == 0 {
        return Err(MigrationError::Unknown { found: from });
    }
    if from > current {
        return Err(MigrationError::Newer {
            found: from,
            current,
        });
    }
    let todo = &steps[(from - 1) as usize..];
    for step in todo {
        step(data)?;
    }
    Ok(todo.len())
}
