//! The first visit's screen. `index.html` holds a copy, in each language, of what the
//! dashboard shows an empty book at first (`public/first-visit/<language>.html`, written
//! from the app itself by `tools/first_visit.mjs`). The start-up script shows the one in the
//! language the app will start in while the code downloads, and only where it is exactly
//! what the app will show: the dashboard's address, and an empty book as far as the last
//! visit knew. Until the app takes its place the copy is inert, and the "Loading Sixstep…"
//! notice says the app is starting.
//!
//! The app takes its place as soon as it shows the same, when the first kinds are read (or
//! the store reports a problem), and keeps the mark that tells the next start whether the
//! book has records.

use crate::state::data::{AppData, LoadStatus};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

/// Present (with any value) while the book has records: the next start then does not show
/// the empty book's first screen. The start-up script reads it by this name.
pub const BOOK_MARK: &str = "sixstep.book";

/// Replaces the copy once the dashboard shows the same, and keeps [`BOOK_MARK`] true.
pub fn follow(data: AppData) {
    Effect::new(move |_| {
        if data.status.get() != LoadStatus::Loading {
            if let Some(copy) = document().get_element_by_id("first-visit") {
                copy.remove();
            }
        }
    });
    // Records of the first kinds say "not empty" at once; "empty" waits for every kind.
    let has_records = Memo::new(move |_| {
        if !data.is_empty() {
            Some(true)
        } else if data.whole.get() {
            Some(false)
        } else {
            None
        }
    });
    Effect::new(move |_| {
        let Some(has) = has_records.get() else {
            return;
        };
        let storage = LocalStorage::raw();
        let _ = if has {
            storage.set_item(BOOK_MARK, "1")
        } else {
            storage.remove_item(BOOK_MARK)
        };
    });
}
