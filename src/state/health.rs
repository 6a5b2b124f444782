//! Settings → Data health: the actions on quarantined records. Each commits one transaction
//! through [`crate::store::quarantine`] (where the rules live and are tested natively), then
//! reloads the records so the app and the Data health list show the result, and tells the
//! other tabs to reload too.

use super::data::{announce_reload, backend, AppData};
use super::prefs::locale;
use crate::store::backend::{export_quarantine, QuarantineEntry};
use crate::store::idb::IdbBackend;
use crate::store::quarantine::{self, QuarantineError};
use crate::store::registry::app_kinds;
use crate::store::StoreError;
use chrono::Utc;
use std::rc::Rc;

fn open_backend() -> Result<Rc<IdbBackend>, QuarantineError> {
    backend().ok_or(QuarantineError::Store(StoreError::Unavailable {
        detail: "the record store is not open yet".into(),
    }))
}

/// After a committed change: every record and the quarantine list read again, here and in
/// the other tabs.
async fn reload(data: AppData) -> Result<(), QuarantineError> {
    announce_reload();
    data.reload().await?;
    Ok(())
}

/// Puts `entry`'s record back into its kind's store from `text` (the JSON as the rep fixed
/// it) and removes the entry, in one transaction. Refused, with nothing changed, when the
/// text is not a valid record of the entry's kind, its id is not the entry's key, or a
/// record with that id is stored already.
pub async fn restore(
    data: AppData,
    entry: &QuarantineEntry,
    text: &str,
) -> Result<(), QuarantineError> {
    let b = open_backend()?;
    quarantine::restore(&*b, &app_kinds(), entry, text, Utc::now()).await?;
    reload(data).await
}

/// Deletes `entry` for good (see [`undo_discard`]).
pub async fn discard(data: AppData, entry: &QuarantineEntry) -> Result<(), QuarantineError> {
    let b = open_backend()?;
    quarantine::discard(&*b, entry).await?;
    reload(data).await
}

/// Puts a discarded `entry` back in quarantine, unchanged.
pub async fn undo_discard(data: AppData, entry: &QuarantineEntry) -> Result<(), QuarantineError> {
    let b = open_backend()?;
    quarantine::undo_discard(&*b, &app_kinds(), entry).await?;
    reload(data).await
}

/// Downloads `entry` alone, as a quarantine export file of its own. The error is the
/// browser's reason, for the message.
pub fn export_one(entry: &QuarantineEntry) -> Result<(), String> {
    let text = export_quarantine(std::slice::from_ref(entry));
    super::backup::download_text(
        &text,
        &quarantine::export_file_name(entry),
        "application/json",
    )
    .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

/// A refusal or failure in the user's language.
pub fn error_text(e: &QuarantineError) -> String {
    crate::i18n::render(locale(), &e.message())
}
