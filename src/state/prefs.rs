//! Small preferences kept in localStorage: theme and locale.

use crate::i18n::{self, Locale};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use std::cell::Cell;

const THEME_KEY: &str = "sixstep.theme";
const LOCALE_KEY: &str = "sixstep.locale";

/// The colour theme: follow the system, or a fixed choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: &'static [Theme] = &[Theme::System, Theme::Light, Theme::Dark];
    pub fn tag(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    pub fn from_tag(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
    pub fn label_key(self) -> &'static str {
        match self {
            Theme::System => "settings.theme.system",
            Theme::Light => "settings.theme.light",
            Theme::Dark => "settings.theme.dark",
        }
    }
}

/// Preferences as signals, provided as context at the root.
#[derive(Clone, Copy)]
pub struct Prefs {
    pub locale: RwSignal<Locale>,
    pub theme: RwSignal<Theme>,
    /// Whether the system asks for a dark scheme (for the header toggle).
    pub system_dark: RwSignal<bool>,
}

thread_local! {
    static CURRENT: Cell<Option<RwSignal<Locale>>> = const { Cell::new(None) };
    /// How many parts of the page are shown in a document language right now.
    static DOCUMENTS: Cell<u32> = const { Cell::new(0) };
    /// The language a document being written out right now is in (see [`with_locale`]).
    static WRITING: Cell<Option<Locale>> = const { Cell::new(None) };
}

/// The language of a part of the page written for a customer (a printed document): given
/// with `<Provider value=DocumentLocale(…)>` around that part (a context of its own, so the
/// rest of the page keeps the app's), after [`document_shown`].
#[derive(Clone, Copy)]
pub struct DocumentLocale(pub Signal<Locale>);

/// Notes that a part of the page is shown in a document language while the calling
/// component lives (so [`locale`] looks for it only then).
pub fn document_shown() {
    DOCUMENTS.with(|d| d.set(d.get() + 1));
    on_cleanup(|| DOCUMENTS.with(|d| d.set(d.get().saturating_sub(1))));
}

fn system_prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// The locale to start in: the one chosen in Settings, else the first of the browser's
/// languages the app speaks, else English.
pub fn initial_locale() -> Locale {
    let stored: Option<String> = LocalStorage::get(LOCALE_KEY).ok();
    stored
        .as_deref()
        .and_then(Locale::from_tag)
        .unwrap_or_else(|| {
            let nav = window().navigator();
            nav.languages()
                .iter()
                .filter_map(|l| l.as_string())
                .chain(nav.language())
                .find_map(|tag| Locale::from_tag(&tag))
                .unwrap_or(Locale::En)
        })
}

impl Prefs {
    /// Reads stored preferences (or the browser's language) and keeps `<html>` in step.
    /// A locale whose strings could not be fetched starts in English;
    /// [`Prefs::locale_failed`] then names it.
    pub fn init() -> Prefs {
        let wanted = initial_locale();
        let locale = if wanted.is_loaded() {
            wanted
        } else {
            Locale::En
        };
        let theme = LocalStorage::get::<String>(THEME_KEY)
            .map(|s| Theme::from_tag(&s))
            .unwrap_or(Theme::System);
        let prefs = Prefs {
            locale: RwSignal::new(locale),
            theme: RwSignal::new(theme),
            system_dark: RwSignal::new(system_prefers_dark()),
        };
        CURRENT.with(|c| c.set(Some(prefs.locale)));
        let root = document().document_element().expect("html element");
        let html = root.clone();
        Effect::new(move |_| {
            let _ = html.set_attribute("lang", prefs.locale.get().tag());
        });
        Effect::new(move |_| {
            let _ = root.set_attribute("data-theme", prefs.theme.get().tag());
        });
        prefs
    }

    /// The locale chosen (or the browser's) when its strings could not be fetched at
    /// start, so the app shows English instead.
    pub fn locale_failed(&self) -> Option<Locale> {
        let wanted = initial_locale();
        (wanted != self.locale.get_untracked()).then_some(wanted)
    }

    /// Switches to `locale` once its strings are fetched, and keeps the choice. `Err`
    /// (nothing changed) when they could not be.
    pub async fn set_locale(&self, locale: Locale) -> Result<(), String> {
        i18n::load::load(locale).await?;
        let _ = LocalStorage::set(LOCALE_KEY, locale.tag());
        self.locale.set(locale);
        Ok(())
    }

    pub fn set_theme(&self, theme: Theme) {
        let _ = LocalStorage::set(THEME_KEY, theme.tag());
        self.theme.set(theme);
    }

    /// The theme actually shown.
    pub fn is_dark(&self) -> bool {
        match self.theme.get() {
            Theme::Dark => true,
            Theme::Light => false,
            Theme::System => self.system_dark.get(),
        }
    }
}

/// The current locale (tracked: views that call this re-render when it changes): a
/// document's inside one shown in its customer's language, else the app's.
pub fn locale() -> Locale {
    if let Some(l) = WRITING.with(Cell::get) {
        return l;
    }
    if DOCUMENTS.with(Cell::get) > 0 {
        if let Some(DocumentLocale(doc)) = use_context::<DocumentLocale>() {
            return doc.get();
        }
    }
    app_locale()
}

/// Runs `f` (which writes a document out, say for a download) in `locale`.
pub fn with_locale<R>(locale: Locale, f: impl FnOnce() -> R) -> R {
    let before = WRITING.with(|w| w.replace(Some(locale)));
    let out = f();
    WRITING.with(|w| w.set(before));
    out
}

/// The app's locale, whatever part of the page asks (tracked).
pub fn app_locale() -> Locale {
    CURRENT.with(|c| c.get()).map_or(Locale::En, |s| s.get())
}

/// The string for `key` in the current locale (tracked).
pub fn tr(key: &str) -> String {
    i18n::t(locale(), key)
}

/// `move || tr(key)` as one closure type that every call site shares: each closure written
/// in a view compiles its own reactive text node (about half a kilobyte of WebAssembly), so
/// a page's labels use this instead.
pub fn tr_fn(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || tr(key)
}

/// Like [`tr`], with `{name}` placeholders filled.
pub fn tw(key: &str, args: &[(&str, &str)]) -> String {
    i18n::t_with(locale(), key, args)
}

/// Like [`tw`] for a message about `count` things (`{count}`): "1 open deal", "2 open deals".
pub fn tc(key: &str, count: usize, args: &[(&str, &str)]) -> String {
    i18n::t_count(locale(), key, count as u64, args)
}
