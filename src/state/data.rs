//! The records as reactive tables, loaded from IndexedDB at start-up, and the one way to
//! change them: [`Changes`] committed in one transaction, then applied to the tables and
//! announced to other tabs.
//!
//! Each kind is one [`Table`] (each record readable on its own, see [`super::table`]), with
//! the relation indexes beside them ([`AppData::indexes`]); every change goes through
//! [`AppData::apply_put`] / [`AppData::apply_remove`] (or `set_all` for a reload), which
//! keep the tables and the indexes equal.

use crate::domain::complaint::Complaint;
use crate::domain::decline::{DeclinedRequest, Partner};
use crate::domain::followup::FollowUp;
use crate::domain::ids::{Id, Record};
use crate::domain::receivable::{CreditCheck, Invoice};
use crate::domain::records::Records;
use crate::domain::referral::Referral;
use crate::domain::rules::{CheckContext, Checked, RuleError, MAX_REV};
use crate::domain::training::{ExerciseAnswer, SampleBook};
use crate::domain::{
    account::Account, activity::Activity, agenda::Task, competitor::Competitor, contact::Contact,
    deal::Deal, intel::IntelNote, negotiation::Negotiation, product::Product, proposal::Proposal,
};
use crate::state::index::{Indexed, Indexes};
use crate::state::table::{LiveIndexes, Table};
use crate::store::backend::{Backend, Batch, QuarantineEntry};
use crate::store::idb::{IdbBackend, Reading};
use crate::store::ValidationError;
use crate::store::{
    decode_kind, prepare, set_aside_batch, Loaded, LoadedTexts, StoreError, StoredTexts,
};
use chrono::Utc;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where start-up stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadStatus {
    Loading,
    /// Another tab with an older version blocks the database upgrade; we are waiting.
    Blocked,
    Ready,
    /// The store cannot be used; the message says why.
    Failed(String),
    /// Another tab upgraded the database; this tab must reload.
    Outdated,
}

thread_local! {
    static BACKEND: RefCell<Option<Rc<IdbBackend>>> = const { RefCell::new(None) };
    static CHANNEL: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
    /// Start-up is still opening the store (a save pressed meanwhile waits for it).
    static OPENING: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
    /// Start-up has ended: `Some(true)` with every kind in its table, `Some(false)`
    /// without (the store could not be opened, or the later kinds not read).
    static COMPLETE: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// The open backend, once start-up has opened it.
pub fn backend() -> Option<Rc<IdbBackend>> {
    BACKEND.with(|b| b.borrow().clone())
}

/// The open backend; while start-up is still opening the store, waits for it, so that a
/// save pressed in the first moments is written rather than refused. `None` when the
/// store could not be opened.
pub async fn opened_backend() -> Option<Rc<IdbBackend>> {
    loop {
        if let Some(b) = backend() {
            return Some(b);
        }
        if !OPENING.with(std::cell::Cell::get) {
            return None;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
}

/// How long after a whole read the packs are brought up to date (see `store::pack`):
/// after the first screen and the search index, before the rep's first edit, mostly.
const REPACK_DELAY_MS: u32 = 1500;

thread_local! {
    /// A repack is under way (`Some`), and whether another was asked for meanwhile.
    static REPACKING: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// Writes the packs that are missing or stale, a moment after a whole read, so that the
/// next start-up reads each kind in one value. Sets the `sixstep:packed` mark when it
/// wrote any (the benchmark waits for it).
fn repack_when_idle() {
    if REPACKING.with(|r| r.get()).is_some() {
        REPACKING.with(|r| r.set(Some(true)));
        return;
    }
    REPACKING.with(|r| r.set(Some(false)));
    leptos::task::spawn_local(async {
        loop {
            gloo_timers::future::TimeoutFuture::new(REPACK_DELAY_MS).await;
            if let Some(b) = backend() {
                match b.repack().await {
                    Ok(kinds) if !kinds.is_empty() => mark("packed"),
                    Ok(_) => {}
                    Err(e) => web_sys::console::warn_1(&format!("repack: {e:?}").into()),
                }
            }
            if REPACKING.with(|r| r.replace(Some(false))) != Some(true) {
                break;
            }
        }
        REPACKING.with(|r| r.set(None));
    });
}

/// A store failure in the user's language.
pub fn store_error_text(e: &StoreError) -> String {
    crate::i18n::render(crate::state::prefs::locale(), &e.message())
}

/// A record kind kept as a table in [`AppData`].
pub trait Stored: Checked + Indexed + PartialEq + Send + Sync {
    fn table(data: &AppData) -> Table<Self>;
}

/// A kind's records decoded from `texts`; those that do not decode are added to `corrupt`
/// (for quarantine).
fn decoded<T: Record>(
    texts: StoredTexts,
    now: chrono::DateTime<Utc>,
    corrupt: &mut Vec<QuarantineEntry>,
) -> Records<T> {
    let d = decode_kind::<T>(texts, now);
    corrupt.extend(d.corrupt);
    d.records
}

/// `$first` when the kind is read for the first screen, `$later` when after it.
macro_rules! pick {
    (first, {$($first:tt)*}, {$($later:tt)*}) => { $($first)* };
    (later, {$($first:tt)*}, {$($later:tt)*}) => { $($later)* };
}

macro_rules! collections {
    ($($field:ident : $ty:ty => $when:ident),* $(,)?) => {
        /// Every kind's decoded records, before they are shown.
        #[derive(Default)]
        struct Book {
            $($field: Records<$ty>,)*
            corrupt: Vec<QuarantineEntry>,
        }

        /// Every record, by kind, each readable on its own (see [`Table`]); provided as
        /// context at the root.
        #[derive(Clone, Copy)]
        pub struct AppData {
            pub status: RwSignal<LoadStatus>,
            /// Every kind is in its table: start-up shows the dashboard on the first kinds
            /// (see [`AppData::start`]); what counts the whole book waits for this.
            pub whole: RwSignal<bool>,
            /// Records moved to quarantine (listed under Settings → Data health).
            pub quarantine: RwSignal<Vec<QuarantineEntry>>,
            /// Bumped after every committed change or refresh (for views over many kinds).
            pub version: RwSignal<u64>,
            /// When the last verified backup was saved (kept in localStorage).
            pub last_backup: RwSignal<Option<chrono::DateTime<Utc>>>,
            /// The work settings (kept in the database with the records; see
            /// [`crate::state::settings`]).
            pub settings: RwSignal<crate::store::WorkSettings>,
            $(pub $field: Table<$ty>,)*
            /// The relation indexes over the records (people by account, open deals by step, …).
            pub indexes: LiveIndexes,
        }

        impl AppData {
            fn empty() -> Self {
                AppData {
                    status: RwSignal::new(LoadStatus::Loading),
                    whole: RwSignal::new(false),
                    quarantine: RwSignal::new(Vec::new()),
                    version: RwSignal::new(0),
                    last_backup: RwSignal::new(crate::state::backup::last_backup()),
                    settings: RwSignal::new(crate::store::WorkSettings::default()),
                    $($field: Table::new(),)*
                    indexes: LiveIndexes::new(),
                }
            }

            /// The kind names, in the order they are listed to the user.
            pub fn kind_names() -> Vec<&'static str> {
                vec![$(<$ty as Record>::KIND),*]
            }

            /// Replaces every table by the decoded `loaded` records; returns the
            /// records that did not decode (for quarantine).
            async fn set_all(
                &self,
                mut loaded: LoadedTexts,
            ) -> Result<Vec<QuarantineEntry>, StoreError> {
                let now = Utc::now();
                let mut book = Book::default();
                let mut later = LoadedTexts::new();
                $(
                    let texts = loaded.remove(<$ty as Record>::KIND).unwrap_or_default();
                    pick!($when, {
                        book.$field = decoded(texts, now, &mut book.corrupt);
                    }, {
                        later.insert(<$ty as Record>::KIND.to_string(), texts);
                    });
                )*
                book.corrupt.extend(read_later(*self, later, now).await?);
                let corrupt = self.set_first(book);
                crate::state::search::rebuild_when_idle(*self);
                repack_when_idle();
                Ok(corrupt)
            }

            /// The kinds of the first screen, asked for first (see
            /// [`IdbBackend::start_reading`]).
            fn first_kinds() -> Vec<&'static str> {
                let mut first = Vec::new();
                $(pick!($when, { first.push(<$ty as Record>::KIND); }, {});)*
                first
            }

            /// Takes the kinds of the first screen of a whole read started with
            /// [`Self::first_kinds`], asks for the others as soon as the last is taken,
            /// and decodes the first while the database reads the others.
            async fn decode_first(reading: &mut Reading) -> Result<Book, StoreError> {
                let now = Utc::now();
                let mut book = Book::default();
                let mut texts = Vec::new();
                $(pick!($when, {
                    texts.push(reading.take(<$ty as Record>::KIND).await?);
                }, {});)*
                reading.ask_rest()?;
                let mut texts = texts.into_iter();
                $(pick!($when, {
                    book.$field = decoded(texts.next().unwrap_or_default(), now, &mut book.corrupt);
                }, {});)*
                Ok(book)
            }

            /// The other kinds' texts of that read, kept for [`decode_later`].
            async fn take_later(reading: &mut Reading) -> Result<LoadedTexts, StoreError> {
                let mut later = LoadedTexts::new();
                $(pick!($when, {}, {
                    let texts = reading.take(<$ty as Record>::KIND).await?;
                    later.insert(<$ty as Record>::KIND.to_string(), texts);
                });)*
                Ok(later)
            }

            /// Replaces the first screen's tables by `book`'s records (readers are woken
            /// once, after the last; the indexes are rebuilt over every table); returns
            /// the records that did not decode.
            fn set_first(&self, book: Book) -> Vec<QuarantineEntry> {
                $(pick!($when, { self.$field.replace_all(book.$field); }, {});)*
                self.indexes.replace(self.build_indexes());
                self.version.update(|v| *v += 1);
                book.corrupt
            }

            /// Moves the later kinds of `book` into their tables, without waking readers
            /// or rebuilding indexes (the caller does: [`Self::show_later`]); returns the
            /// records that did not decode. Called by [`read_later`] only, so that its code
            /// comes with the readers.
            fn set_later_fields(&self, book: Book) -> Vec<QuarantineEntry> {
                $(pick!($when, {}, { self.$field.replace_all(book.$field); });)*
                book.corrupt
            }

            /// Replaces one record of a kind read after the first screen by its stored
            /// text (or removes it when gone). Called by [`read_one_later`] only.
            fn put_one_later(&self, kind: &str, id: Id, raw: Option<String>) {
                $(pick!($when, {}, {
                    if kind == <$ty as Record>::KIND {
                        let texts = raw.map(|t| (id.to_string(), t));
                        let mut one = LoadedTexts::new();
                        one.insert(kind.to_string(), texts.into_iter().collect::<Vec<_>>().into());
                        match decode_later(one, Utc::now()).$field.get(&id) {
                            Some(r) => self.apply_put(r.clone()),
                            None => self.apply_remove::<$ty>(id),
                        }
                        return;
                    }
                });)*
            }

            /// Shows the kinds read after the first screen once [`read_later`] has put
            /// them in their tables: indexes, the search and the packs over every kind.
            fn show_later(&self) {
                self.indexes.replace(self.build_indexes());
                self.version.update(|v| *v += 1);
                crate::state::search::rebuild_when_idle(*self);
                repack_when_idle();
            }

            /// Replaces one record by its stored text (or removes it when gone).
            pub(crate) async fn set_one(&self, kind: &str, id: Id, raw: Option<String>) {
                let mut first = false;
                $(pick!($when, {
                    if kind == <$ty as Record>::KIND {
                        first = true;
                        match raw.as_deref().map(serde_json::from_str::<$ty>) {
                            Some(Ok(r)) => self.apply_put(r),
                            _ => self.apply_remove::<$ty>(id),
                        }
                    }
                }, {});)*
                // Fetched at start-up already: this cannot fail but offline after an
                // update; the record then shows at the next reload.
                if !first && read_one_later(*self, kind.to_string(), id, raw).await.is_err() {
                    return;
                }
                crate::state::search::touch(self, kind, id);
                self.version.update(|v| *v += 1);
            }

            /// Records per kind (tracks membership).
            pub fn counts(&self) -> Vec<(&'static str, usize)> {
                vec![$((<$ty as Record>::KIND, self.$field.len())),*]
            }

            /// Whether there is any record at all (tracks membership).
            pub fn is_empty(&self) -> bool {
                true $(&& self.$field.is_empty())*
            }
        }

        /// Decodes the texts of the kinds read after the first screen (`loaded`, by kind)
        /// into a book holding only those kinds.
        fn decode_later(mut loaded: LoadedTexts, now: chrono::DateTime<Utc>) -> Book {
            let mut book = Book::default();
            $(pick!($when, {}, {
                if let Some(texts) = loaded.remove(<$ty as Record>::KIND) {
                    book.$field = decoded(texts, now, &mut book.corrupt);
                }
            });)*
            book
        }

        $(impl Stored for $ty {
            fn table(data: &AppData) -> Table<Self> {
                data.$field
            }
        })*

        /// Records taken out of the book by one bulk removal, by kind (what its Undo puts
        /// back).
        #[derive(Debug, Clone, Default)]
        pub struct Taken {
            $(pub $field: Vec<$ty>,)*
        }

        impl Taken {
            /// How many records.
            pub fn len(&self) -> usize {
                0 $(+ self.$field.len())*
            }

            pub fn is_empty(&self) -> bool {
                self.len() == 0
            }

            /// Puts every record back into `ch`, each as its next revision.
            pub fn put_back(&self, data: &AppData, ch: &mut Changes) {
                $(for r in &self.$field {
                    ch.put(data, crate::domain::ids::brought_back(r));
                })*
            }
        }

        impl AppData {
            /// Every record of every kind as a bulk plan reads it (untracked).
            pub fn book_rows(&self) -> Vec<crate::domain::training::sample::BookRecord> {
                use crate::domain::training::sample::BookRecord;
                let mut v = Vec::new();
                $(self.$field.with_all_untracked(|m| v.extend(m.values().map(BookRecord::of)));)*
                v
            }

            /// Deletes into `ch` the records named by `(kind, id)` that are in the book
            /// now; returns them (for Undo).
            pub fn take_named(&self, named: &[(&str, Id)], ch: &mut Changes) -> Taken {
                let mut out = Taken::default();
                $(
                    let ids: std::collections::HashSet<Id> = named
                        .iter()
                        .filter(|(kind, _)| *kind == <$ty as Record>::KIND)
                        .map(|(_, id)| *id)
                        .collect();
                    if !ids.is_empty() {
                        self.$field.with_all_untracked(|m| {
                            for id in &ids {
                                if let Some(r) = m.get(id) {
                                    ch.delete(r);
                                    out.$field.push(r.clone());
                                }
                            }
                        });
                    }
                )*
                out
            }
        }
    };
}

// `first`: the kinds the first screen (the dashboard's pipeline and the shell) shows,
// decoded before it; `later`: decoded right after it is painted (every other page waits for
// them, see [`fully_loaded`], and so do the dashboard's cards of follow-ups, invoices and
// complaints, and the people step of its "Start here").
// The order is the order kinds are listed to the user.
collections! {
    accounts: Account => first,
    contacts: Contact => later,
    competitors: Competitor => later,
    intel_notes: IntelNote => later,
    deals: Deal => first,
    activities: Activity => later,
    tasks: Task => later,
    products: Product => later,
    proposals: Proposal => later,
    negotiations: Negotiation => later,
    followups: FollowUp => later,
    invoices: Invoice => later,
    credit_checks: CreditCheck => later,
    complaints: Complaint => later,
    referrals: Referral => later,
    partners: Partner => later,
    declined_requests: DeclinedRequest => later,
    exercise_answers: ExerciseAnswer => later,
    sample_books: SampleBook => first,
}

/// Decodes the kinds read after the first screen and puts them in their tables (without
/// waking readers: [`AppData::show_later`] does); returns the records that did not decode.
/// In a download of its own, fetched once the first screen is painted: the first screen's
/// code holds no reader of the later kinds.
#[wasm_split(sixstep_book, wasm_split_path = ::leptos::wasm_split, fallible)]
fn read_later(
    data: AppData,
    loaded: LoadedTexts,
    now: chrono::DateTime<Utc>,
) -> Result<Vec<QuarantineEntry>, StoreError> {
    crate::i18n::install_later();
    Ok(data.set_later_fields(decode_later(loaded, now)))
}

/// English's later part (the texts of every page but the dashboard), from the module
/// [`read_later`] is in; `Err` when that could not be fetched. A page waits for it, also
/// when the store could not be opened and nothing was read.
#[wasm_split(sixstep_book, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn later_strings() -> Result<(), StoreError> {
    crate::i18n::install_later();
    Ok(())
}

/// [`AppData::put_one_later`], with the readers of [`read_later`].
#[wasm_split(sixstep_book, wasm_split_path = ::leptos::wasm_split, fallible)]
fn read_one_later(
    data: AppData,
    kind: String,
    id: Id,
    raw: Option<String>,
) -> Result<(), StoreError> {
    data.put_one_later(&kind, id, raw);
    Ok(())
}

impl From<SplitLoaderError> for StoreError {
    fn from(_: SplitLoaderError) -> Self {
        StoreError::CodeMissing
    }
}

pub fn use_data() -> AppData {
    expect_context::<AppData>()
}

impl AppData {
    /// Stores one record in its table and the indexes (after a commit, or another tab's).
    pub(crate) fn apply_put<T: Stored>(&self, record: T) {
        let before = T::table(self).insert(record.clone());
        self.indexes.on_change(before.as_ref(), Some(&record));
    }

    /// Removes one record from its table and the indexes.
    pub(crate) fn apply_remove<T: Stored>(&self, id: Id) {
        let before = T::table(self).remove(id);
        self.indexes.on_change(before.as_ref(), None);
    }

    /// The relation indexes over the tables as they are.
    fn build_indexes(&self) -> Indexes {
        let t = self;
        t.contacts.with_all_untracked(|contacts| {
            t.deals.with_all_untracked(|deals| {
                t.activities.with_all_untracked(|activities| {
                    t.tasks.with_all_untracked(|tasks| {
                        let ix = Indexes::build(
                            contacts.values(),
                            deals.values(),
                            activities.values(),
                            tasks.values(),
                        );
                        let ix = t
                            .proposals
                            .with_all_untracked(|proposals| ix.with(proposals.values()));
                        let ix = t
                            .negotiations
                            .with_all_untracked(|negotiations| ix.with(negotiations.values()));
                        let ix = t.followups.with_all_untracked(|f| ix.with(f.values()));
                        let ix = t.invoices.with_all_untracked(|i| ix.with(i.values()));
                        let ix = t.credit_checks.with_all_untracked(|c| ix.with(c.values()));
                        let ix = t.complaints.with_all_untracked(|c| ix.with(c.values()));
                        t.referrals.with_all_untracked(|r| ix.with(r.values()))
                    })
                })
            })
        })
    }

    /// Creates the tables, provides them as context and starts loading: the kinds of the
    /// first screen, which is then shown, and right after it the others.
    pub fn start() -> AppData {
        let data = AppData::empty();
        crate::state::settings::install(data.settings);
        provide_context(data);
        leptos::task::spawn_local(async move {
            let opened = open_and_load(data).await;
            OPENING.with(|o| o.set(false));
            match opened {
                Ok(later) => {
                    // Ready already, unless another tab upgraded the database meanwhile.
                    if data.status.get_untracked() == LoadStatus::Loading {
                        data.status.set(LoadStatus::Ready);
                    }
                    let whole = load_later(data, later).await;
                    COMPLETE.with(|c| c.set(Some(whole)));
                    data.whole.set(whole);
                }
                Err(e) => {
                    data.status.set(LoadStatus::Failed(store_error_text(&e)));
                    COMPLETE.with(|c| c.set(Some(false)));
                }
            }
        });
        data
    }

    /// Reloads every record from the store (after an import, undo, or another tab's bulk
    /// change).
    pub async fn reload(&self) -> Result<(), StoreError> {
        let Some(b) = backend() else {
            return Ok(());
        };
        let loaded = b.load_texts().await?;
        self.show_loaded(&b, loaded).await
    }

    /// Shows `loaded` as the book, after a batch whose result is known without reading the
    /// store back (an import that replaced every record: `store::import::replaced_texts`).
    pub async fn show_written(&self, loaded: Loaded) -> Result<(), StoreError> {
        let Some(b) = backend() else {
            return Ok(());
        };
        let texts = loaded.into_iter().map(|(k, v)| (k, v.into())).collect();
        self.show_loaded(&b, texts).await
    }

    async fn show_loaded(&self, b: &IdbBackend, loaded: LoadedTexts) -> Result<(), StoreError> {
        // Read before anything is shown: callers go on right after the last signal is set
        // (a view the change removes must not be reached after another await).
        let settings = b.get_meta(crate::store::META_SETTINGS).await?;
        let corrupt = self.set_all(loaded).await?;
        if !corrupt.is_empty() {
            set_aside(self, b, corrupt).await?;
        }
        self.quarantine.set(b.list_quarantine().await?);
        crate::state::settings::show_stored(settings.as_deref());
        Ok(())
    }
}

/// Sets unreadable records aside in quarantine. When the store holds a newer schema than
/// this tab reads (a newer version upgraded it in another tab), nothing is moved: this tab
/// says it must reload.
async fn set_aside(
    data: &AppData,
    backend: &IdbBackend,
    corrupt: Vec<QuarantineEntry>,
) -> Result<(), StoreError> {
    match backend.commit(&set_aside_batch(corrupt)).await {
        Err(StoreError::NewerSchema { .. }) => {
            data.status.set(LoadStatus::Outdated);
            Ok(())
        }
        other => other,
    }
}

/// Resolves once the browser has painted what the page shows now: a task after its next
/// frame (a timer alone may run before the frame), or after 100 ms in a tab the browser
/// paints nothing for (one opened in the background).
async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve: js_sys::Function, _| {
        let after = resolve.clone();
        request_animation_frame(move || {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&after, 0);
        });
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A `performance.mark` for the benchmark's start-up phases (`sixstep:<name>`).
fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("sixstep:{name}"));
    }
}

/// Opens the store and shows the kinds of the first screen; returns the other kinds'
/// texts, read in the same transaction.
async fn open_and_load(data: AppData) -> Result<LoadedTexts, StoreError> {
    mark("start");
    let backend = IdbBackend::open(
        AppData::kind_names(),
        move || data.status.set(LoadStatus::Blocked),
        move || data.status.set(LoadStatus::Outdated),
    )
    .await?;
    if data.status.get_untracked() == LoadStatus::Blocked {
        data.status.set(LoadStatus::Loading);
    }
    mark("opened");
    // Before the schema check: a migration's snapshot then holds the settings too.
    data.settings
        .set(crate::state::settings::load(&backend).await?);
    prepare(&backend, Utc::now()).await?;
    let mut reading = backend.start_reading(&AppData::first_kinds()).await?;
    mark("read");
    let book = AppData::decode_first(&mut reading).await?;
    // Published once the first kinds are decoded, and before the tables are filled: views
    // that react to the first load (the "Undo import" list, say) read the store and must
    // find it open. A save meanwhile waits for every kind (see `Changes::commit`), so it
    // cannot be overwritten by the first load.
    let backend = Rc::new(backend);
    BACKEND.with(|b| *b.borrow_mut() = Some(backend.clone()));
    let corrupt = data.set_first(book);
    mark("decoded");
    // The first screen is shown now, and rendered (its effects run) before the other kinds
    // are taken: a microtask later, in the same task, so the transaction is still active.
    if data.status.get_untracked() == LoadStatus::Loading {
        data.status.set(LoadStatus::Ready);
    }
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await;
    // The other kinds' texts, in the same transaction: the database has been reading them
    // while the first kinds were decoded.
    let later = AppData::take_later(&mut reading).await?;
    backend.finish(reading);
    if !corrupt.is_empty() {
        set_aside(&data, &backend, corrupt).await?;
    }
    data.quarantine.set(backend.list_quarantine().await?);
    listen_to_other_tabs(data);
    Ok(later)
}

/// Fetches the readers of the kinds read after the first screen, then decodes and shows
/// those kinds, once the browser has painted the first screen (nothing of this delays it,
/// on the network or on the main thread); `false` when they could not be read (the status
/// then says why).
async fn load_later(data: AppData, later: LoadedTexts) -> bool {
    after_paint().await;
    let corrupt = match read_later(data, later, Utc::now()).await {
        Ok(corrupt) => corrupt,
        Err(e) => {
            data.status.set(LoadStatus::Failed(store_error_text(&e)));
            return false;
        }
    };
    data.show_later();
    mark("complete");
    if !corrupt.is_empty() {
        if let Some(b) = backend() {
            if let Err(e) = set_aside(&data, &b, corrupt).await {
                data.status.set(LoadStatus::Failed(store_error_text(&e)));
                return false;
            }
            if let Ok(list) = b.list_quarantine().await {
                data.quarantine.set(list);
            }
        }
    }
    true
}

/// Waits until start-up has ended; `true` when every kind is in its table (start-up
/// reads the first screen's kinds first, see [`AppData::start`]). Every page but the
/// dashboard, every save and every change another tab announces waits for it: none may
/// see, plan on or overwrite a book that is still coming in, or that came in part.
pub async fn fully_loaded() -> bool {
    loop {
        if let Some(whole) = COMPLETE.with(std::cell::Cell::get) {
            return whole;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
}

/// The messages tabs send each other after a commit.
#[derive(serde::Serialize, serde::Deserialize)]
struct TabMessage {
    #[serde(default)]
    changed: Vec<(String, Id)>,
    #[serde(default)]
    reload: bool,
    /// The work settings changed.
    #[serde(default)]
    settings: bool,
}

fn listen_to_other_tabs(data: AppData) {
    let Ok(channel) = web_sys::BroadcastChannel::new("sixstep") else {
        return;
    };
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let Some(text) = ev.data().as_string() else {
                return;
            };
            let Ok(msg) = serde_json::from_str::<TabMessage>(&text) else {
                return;
            };
            leptos::task::spawn_local(async move {
                if !fully_loaded().await {
                    return;
                }
                if msg.reload {
                    let _ = data.reload().await;
                    return;
                }
                if msg.settings {
                    let _ = crate::state::settings::refresh().await;
                }
                let Some(b) = backend() else { return };
                for (kind, id) in msg.changed {
                    if let Ok(raw) = b.get_raw(&kind, id).await {
                        data.set_one(&kind, id, raw).await;
                    }
                }
            });
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    CHANNEL.with(|c| *c.borrow_mut() = Some(channel));
}

fn announce(msg: &TabMessage) {
    if let Ok(text) = serde_json::to_string(msg) {
        CHANNEL.with(|c| {
            if let Some(ch) = c.borrow().as_ref() {
                let _ = ch.post_message(&JsValue::from_str(&text));
            }
        });
    }
}

/// Tells other tabs to reload everything (after an import or undo).
pub fn announce_reload() {
    announce(&TabMessage {
        changed: Vec::new(),
        reload: true,
        settings: false,
    });
}

/// Tells other tabs the work settings changed.
pub fn announce_settings() {
    announce(&TabMessage {
        changed: Vec::new(),
        reload: false,
        settings: true,
    });
}

type Apply = Box<dyn FnOnce(&AppData)>;

/// The changes of one user action: committed together (all or nothing), then applied to
/// the tables.
#[derive(Default)]
pub struct Changes {
    batch: Batch,
    apply: Vec<Apply>,
    touched: Vec<(String, Id)>,
    /// The first record that breaks its kind's rules: the commit is refused with it.
    refused: Option<StoreError>,
}

impl Changes {
    pub fn new() -> Self {
        Changes::default()
    }

    /// Saves `record`: a create when its id is not stored yet, else an update based on the
    /// rev it was read at (refused as stale if another tab saved it since). Returns the
    /// record as it will be stored.
    pub fn put<T: Stored>(&mut self, data: &AppData, mut record: T) -> T {
        let id = record.id();
        let now = Utc::now();
        let exists = T::table(data).with_all_untracked(|m| m.contains_key(&id));
        let base = if exists {
            let base = record.rev();
            match record.meta().next(now) {
                Some(next) => record.set_meta(next),
                None => self.refuse::<T>(
                    RuleError::new("rev", "record.field.rev", "rule.rev_too_large")
                        .arg("max", MAX_REV),
                ),
            }
            Some(base)
        } else {
            None
        };
        // The same rules an import applies: nothing a form saves can be refused on restore.
        if let Err(e) = record.check(&CheckContext { now }) {
            self.refuse::<T>(e);
        }
        self.batch.put_record(&record, base);
        let stored = record.clone();
        self.apply
            .push(Box::new(move |d: &AppData| d.apply_put(stored)));
        self.touched.push((T::KIND.to_string(), id));
        record
    }

    fn refuse<T: Stored>(&mut self, e: RuleError) {
        if self.refused.is_none() {
            let mut error = ValidationError::from_rule(e);
            error.name = None;
            self.refused = Some(StoreError::Invalid {
                kind: T::KIND.to_string(),
                error: Box::new(error),
            });
        }
    }

    /// Deletes `record` (at the rev it was read at).
    pub fn delete<T: Stored>(&mut self, record: &T) {
        let id = record.id();
        self.batch.delete_record(record);
        self.apply
            .push(Box::new(move |d: &AppData| d.apply_remove::<T>(id)));
        self.touched.push((T::KIND.to_string(), id));
    }

    /// Commits in one transaction; on success updates the tables and tells other
    /// tabs. On failure nothing was written and nothing in memory changed.
    pub async fn commit(self, data: AppData) -> Result<(), StoreError> {
        if let Some(e) = self.refused {
            return Err(e);
        }
        if !fully_loaded().await && backend().is_some() {
            // The store is open but part of the book could not be read: a change now
            // could break what this tab cannot see.
            return Err(StoreError::CodeMissing);
        }
        let Some(b) = opened_backend().await else {
            return Err(StoreError::Unavailable {
                detail: "the record store is not open".into(),
            });
        };
        b.commit(&self.batch).await?;
        crate::state::unsaved::saved();
        for f in self.apply {
            f(&data);
        }
        for (kind, id) in &self.touched {
            crate::state::search::touch(&data, kind, *id);
        }
        data.version.update(|v| *v += 1);
        announce(&TabMessage {
            changed: self.touched,
            reload: false,
            settings: false,
        });
        Ok(())
    }
}

/// Shows a store failure as an error message; a save refused because another tab changed
/// the record first offers to reload the page and see the newer version. (The forms of one
/// record use [`RecordSave`](crate::state::record_save::RecordSave) instead, which keeps what
/// was typed and shows both versions.)
/// Awaits a save started by an action: `ok` with what was stored, or the store's failure
/// in a toast (see [`report_store_error`]); nothing changed then, so the form keeps what
/// was typed.
pub fn spawn_save<T: 'static>(
    toasts: crate::state::Toasts,
    save: impl std::future::Future<Output = Result<T, StoreError>> + 'static,
    ok: impl FnOnce(T) + 'static,
) {
    leptos::task::spawn_local(async move {
        match save.await {
            Ok(v) => ok(v),
            Err(e) => report_store_error(toasts, &e),
        }
    });
}

pub fn report_store_error(toasts: crate::state::Toasts, e: &StoreError) {
    let text = store_error_text(e);
    if matches!(e, StoreError::Stale { .. }) {
        toasts.push_with_action(
            crate::state::ToastKind::Error,
            text,
            crate::state::tr("shell.reload"),
            || {
                let _ = window().location().reload();
            },
        );
    } else {
        toasts.push(crate::state::ToastKind::Error, text);
    }
}
