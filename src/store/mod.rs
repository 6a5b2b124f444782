//! Persistence: the pure, natively tested core of the record store.
//!
//! The browser's IndexedDB calls live in a backend written on top of [`Backend`]; everything
//! else is here and runs with `cargo test`:
//!
//! - [`kinds`]: the registry of record kinds (`accounts`, `deals`, …), each with a typed
//!   validator built from its [`Record`](crate::domain::ids::Record) struct;
//! - [`backend`]: the [`Backend`] trait, the [`Batch`] of operations one transaction commits,
//!   and the revision rules every backend shares ([`check_op`]);
//! - [`memory`]: [`MemoryBackend`], the complete in-memory backend used by native tests;
//! - [`error`]: [`StoreError`], every storage failure in words (catalogue keys);
//! - [`schema`]: the schema version and the migration chain;
//! - [`settings`]: the work settings (gift limit, stuck days, new-customer target): their
//!   rules, their place in `meta` and in the backup;
//! - [`backup`]: the backup file (envelope, canonical checksum, export, verification, parsing);
//! - [`import`]: import preview, the *replace* and *merge* plans, and "Undo import";
//! - [`mod@open`]: start-up (schema check and migration) and typed decoding with quarantine;
//! - [`conflict`]: a save refused because another tab saved first: the fields that differ,
//!   "keep mine" (my changes applied onto the newer revision) and "take theirs";
//! - [`quarantine`]: restoring a fixed quarantined record, discarding one, undoing a discard.
//!
//! Every user-facing failure carries a catalogue key (`store.error.quota`,
//! `store.import.checksum`, …) plus named arguments; see `src/i18n/*/store.txt`.

pub mod backend;
pub mod backup;
pub mod canon;
pub mod conflict;
pub mod decode;
pub mod error;
#[cfg(target_arch = "wasm32")]
pub mod idb;
pub mod import;
pub mod kinds;
pub mod memory;
pub mod open;
pub mod pack;
pub mod quarantine;
pub mod registry;
pub mod schema;
pub mod settings;

pub use backend::{
    check_op, rev_of, Backend, Batch, Loaded, LoadedTexts, Op, QuarantineEntry, Snapshot,
    SnapshotHeader, SnapshotInfo, StoredTexts, META_SCHEMA_VERSION,
};
pub use backup::{
    canonical_json, check_read_back, export, export_loaded, export_loaded_with_settings,
    export_with_settings, parse_backup, verify_export, ImportError, ParsedBackup, BACKUP_FORMAT,
    CHECKSUM_ALGORITHM,
};
pub use error::StoreError;
pub use import::{
    plan_import, preview, preview_settings, undo_import, ImportMode, ImportPreview, KindPreview,
};
pub use kinds::{KindSpec, Kinds, ValidationError};
pub use memory::MemoryBackend;
pub use open::{
    decode_kind, open, prepare, quarantine_batch, set_aside_batch, Decoded, Opened, Prepared,
};
pub use schema::{migrate, MigrationError, CURRENT_SCHEMA};
pub use settings::{
    Setting, SettingChange, SettingKey, SettingsPatch, WorkSettings, META_SETTINGS,
};

use std::collections::BTreeMap;

/// Records of every kind as JSON values, by kind name (the backup payload's shape).
pub type RecordsByKind = BTreeMap<String, Vec<serde_json::Value>>;

/// A message for the user: a catalogue key plus named arguments for its `{placeholders}`.
/// An argument may itself be a message (`parts`), rendered in the same language first:
/// "Account “Nordmetal”, field {field}: {reason}" with the field's label and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub parts: Vec<(&'static str, Message)>,
}

impl Message {
    pub fn new(key: &'static str) -> Self {
        Message {
            key,
            args: Vec::new(),
            parts: Vec::new(),
        }
    }
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }
    /// Adds an argument that is itself a message.
    pub fn part(mut self, name: &'static str, message: Message) -> Self {
        self.parts.push((name, message));
        self
    }
    /// The argument called `name`, if any.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// SHA-256 as lowercase hex. In the browser this is WebCrypto's `SubtleCrypto.digest`, which
/// is asynchronous; native tests use the `sha2` crate. Any `Fn(&[u8]) -> String` is a digest.
#[allow(async_fn_in_trait)]
pub trait Digest {
    async fn sha256_hex(&self, bytes: &[u8]) -> String;
}

impl<F: Fn(&[u8]) -> String> Digest for F {
    async fn sha256_hex(&self, bytes: &[u8]) -> String {
        self(bytes)
    }
}
