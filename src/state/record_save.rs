//! Saving one record from a form as a user action: "Saved.", store failures in words, and,
//! when another tab saved the same record first, the [`Conflict`] the form shows
//! ([`ConflictPanel`](crate::ui::conflict::ConflictPanel)) until the rep chooses: keep
//! mine (saved onto the newer revision, and said so), take theirs, or copy mine.
//! Nothing is ever overwritten without that choice, and what was typed stays in the form.

use crate::domain::ids::Id;
use crate::state::data::{backend, report_store_error, AppData, Changes, Stored};
use crate::state::toasts::{ToastKind, Toasts};
use crate::state::{prefs::locale, tr, tw};
use crate::store::backend::Backend;
use crate::store::conflict::{when_text, Conflict};
use crate::store::StoreError;
use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;

/// The save of one form's record. Copy; create it once per form.
pub struct RecordSave<T: Stored> {
    data: AppData,
    toasts: Toasts,
    /// True while a save runs.
    pub busy: RwSignal<bool>,
    /// The refused save waiting for the rep's choice.
    pub conflict: RwSignal<Option<Conflict<T>>>,
    on_saved: Callback<T>,
}

impl<T: Stored> Clone for RecordSave<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Stored> Copy for RecordSave<T> {}

/// "at 14:02" (or "on 3 Mar 2026, 14:02"): when the newer version was saved, local time.
pub fn changed_when(at: DateTime<Utc>) -> String {
    when_text(
        locale(),
        at.with_timezone(&Local).naive_local(),
        Local::now().date_naive(),
    )
}

impl<T: Stored> RecordSave<T> {
    /// `on_saved` receives the record as stored after every successful save.
    pub fn new(data: AppData, toasts: Toasts, on_saved: Callback<T>) -> Self {
        RecordSave {
            data,
            toasts,
            busy: RwSignal::new(false),
            conflict: RwSignal::new(None),
            on_saved,
        }
    }

    /// Saves `record`, typed on `base` (the version the form opened; `None` for a new one).
    pub fn save(self, base: Option<T>, record: T) {
        self.run(base, record, None);
    }

    /// "Keep mine": the typed changes applied onto the newer version and saved as its next
    /// revision; the message says that a change made in the other tab was replaced.
    pub fn keep_mine(self) {
        let Some(c) = self.conflict.get_untracked() else {
            return;
        };
        match c.keep_mine() {
            Ok(record) => {
                let at = c.theirs.meta().updated_at;
                self.run(Some(c.theirs), record, Some(at));
            }
            Err(e) => self.toasts.push(
                ToastKind::Error,
                crate::state::data::store_error_text(&StoreError::Corrupt {
                    kind: T::KIND.to_string(),
                    key: c.mine.id().to_string(),
                    error: e.to_string(),
                }),
            ),
        }
    }

    /// "Take theirs": forgets the typed version; returns the newer one for the form to show.
    pub fn take_theirs(self, message: &str) -> Option<T> {
        let c = self.conflict.get_untracked()?;
        self.conflict.set(None);
        self.toasts.push(ToastKind::Info, tr(message));
        Some(c.take_theirs())
    }

    fn run(self, base: Option<T>, record: T, overrode: Option<DateTime<Utc>>) {
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let mut ch = Changes::new();
            let saved = ch.put(&self.data, record.clone());
            match ch.commit(self.data).await {
                Ok(()) => self.saved(saved, overrode),
                Err(StoreError::Stale {
                    kind,
                    id,
                    stored_rev: Some(_),
                }) if base.is_some() => match self.newer(&kind, id).await {
                    Some(theirs) => {
                        let c =
                            Conflict::new(base.unwrap_or_else(|| theirs.clone()), record, theirs);
                        if c.is_same() {
                            // Both tabs say the same: nothing to choose, nothing lost.
                            self.saved(c.theirs, None);
                        } else {
                            self.conflict.set(Some(c));
                        }
                    }
                    None => report_store_error(
                        self.toasts,
                        &StoreError::Stale {
                            kind,
                            id,
                            stored_rev: None,
                        },
                    ),
                },
                Err(e) => report_store_error(self.toasts, &e),
            }
            self.busy.set(false);
        });
    }

    fn saved(self, saved: T, overrode: Option<DateTime<Utc>>) {
        self.conflict.set(None);
        let text = match overrode {
            Some(at) => tw("conflict.kept", &[("when", &changed_when(at))]),
            None => tr("form.saved"),
        };
        self.toasts.push(ToastKind::Success, text);
        self.on_saved.run(saved);
    }

    /// The newer stored version, read from the store (and shown in this tab's tables,
    /// in case the other tab's announcement has not arrived yet).
    async fn newer(self, kind: &str, id: Id) -> Option<T> {
        let raw = backend()?.get_raw(kind, id).await.ok()??;
        let theirs = serde_json::from_str::<T>(&raw).ok()?;
        self.data.set_one(kind, id, Some(raw)).await;
        Some(theirs)
    }
}
