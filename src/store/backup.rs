//! The backup file: one JSON document.
//!
//! ```text
//! {
//! "format": "sixstep-backup",
//! "schema_version": 1,
//! "app_version": "0.1.0",
//! "exported_at": "2026-03-01T10:00:00Z",
//! "counts": {"accounts": 2, "deals": 1},
//! "checksum": {"algorithm": "SHA-256", "value": "<64 lowercase hex digits>"},
//! "payload": {
//! "accounts": [
//! {…one record per line…},
//! {…}
//! ],
//! "deals": [
//! {…}
//! ],
//! "settings": {"gift_limit":null,"new_customer_target_bp":3000,"stuck_days":30}
//! }
//! }
//! ```
//!
//! `payload` holds one list of records per kind and, from schema 2 on, `settings`: the work
//! settings as one object on one line (see [`settings`](super::settings); a file may hold
//! any subset of them, a schema 1 file holds none). `counts` counts records only.
//!
//! ## Checksum
//! `checksum.value` is the SHA-256, in lowercase hex, of the UTF-8 bytes of the **canonical
//! serialization** of `payload` ([`canonical_json`]): compact JSON (no whitespace), object keys
//! sorted by their UTF-8 bytes at every depth, arrays in their order, strings escaped as
//! `serde_json` does (only `"`, `\` and control characters; everything else literal UTF-8),
//! numbers as `serde_json` prints them (with `float_roundtrip`). It is computed over the
//! payload *as parsed*, so re-indenting the file keeps it valid; changing any value breaks it.
//! The envelope fields are not covered (the counts are checked separately).
//!
//! ## Import rules
//! Checked in this order, the first failure is reported ([`ImportError`]):
//! size (before parsing) → empty → JSON syntax (a UTF-8 byte order mark at the start is
//! accepted and skipped, as Windows editors add one) → an object → `format` →
//! `schema_version` (newer: refused; older: migrated after the checks below) → the other
//! envelope fields → counts → checksum → migration → **unknown kinds are refused** (ignoring
//! them would silently drop data the user believes is in the backup; a newer app's kinds come
//! with a newer schema version anyway) → every record validated with its path
//! (`deals[12].value.minor: …`) → duplicate ids within a kind → links between records →
//! the settings: unknown settings are refused (for the same reason as unknown kinds), each
//! setting is checked with the settings form's own rules and refused in words with its place
//! (`payload.settings.stuck_days`). A kind absent from the payload means no records of that
//! kind; a setting absent from it keeps its current value on import. Unknown envelope fields are ignored. Record strings are
//! data: `<script>` and the like are kept unchanged (the UI renders text, never HTML).

mod checksum;
mod error;
mod export;
mod parse;

pub use checksum::*;
pub use error::*;
pub use export::*;
pub use parse::*;
