//! The shell: router, navigation, theme toggle, toasts and the error view.

use crate::pages;
use crate::state::data::{use_data, AppData, LoadStatus};
use crate::state::tr_fn;
use crate::state::{tr, Prefs, Toasts};
use crate::ui::link::{base_path, href};
use crate::ui::toast_area::ToastArea;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use routes::Page;

mod first_visit;
mod routes;

/// Starts the app: installs the panic view and mounts the shell over the loading notice.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        crate::ui::crash::show_crash_view(&info.to_string());
    }));
    // Leptos's own executor starts with the mount: this runs before it.
    wasm_bindgen_futures::spawn_local(async move {
        // The mount runs in a task of its own, not in the one that compiled the code: a
        // phone's main thread is not held in one long task for both.
        gloo_timers::future::TimeoutFuture::new(0).await;
        // A locale other than English has its first screen's texts fetched first, so the
        // first screen is already in it; if the file cannot be had, the app starts in
        // English and says so. The other pages' texts come later (`load_later`).
        let locale = crate::state::prefs::initial_locale();
        if !locale.is_loaded() {
            if let Err(e) = crate::i18n::load::load_first(locale).await {
                web_sys::console::warn_1(&format!("catalogue {}: {e}", locale.tag()).into());
            }
        }
        mount();
    });
}

fn mount() {
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
    if window()
        .location()
        .search()
        .unwrap_or_default()
        .contains("sixstep-crash-test")
    {
        panic!("crash test requested by the page address");
    }
}

/// The navigation entries: path and catalogue key.
pub const NAV: &[(&str, &str)] = &[
    ("/", "nav.dashboard"),
    ("/accounts", "nav.accounts"),
    ("/contacts", "nav.contacts"),
    ("/deals", "nav.deals"),
    ("/catalogue", "nav.catalogue"),
    ("/planning", "nav.planning"),
    ("/service", "nav.service"),
    ("/receivables", "nav.receivables"),
    ("/training", "nav.training"),
    ("/settings", "nav.settings"),
];

#[component]
pub fn App() -> impl IntoView {
    let prefs = Prefs::init();
    provide_context(prefs);
    let toasts = Toasts::new();
    provide_context(toasts);
    if let Some(wanted) = prefs.locale_failed() {
        toasts.push(
            crate::state::ToastKind::Error,
            crate::state::tw("app.locale_failed", &[("language", wanted.native_name())]),
        );
    }
    AppData::start();
    first_visit::follow(use_data());
    let base = base_path().to_string();
    view! {
        <Router base=base>
            <Shell/>
        </Router>
    }
}

/// Keeps the browser tab's title naming the page: "<the page's heading> · Sixstep", also
/// when the heading changes (a record renamed, the language switched).
fn follow_heading_in_tab_title() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let update = {
        let doc = doc.clone();
        move || {
            let heading = doc
                .query_selector("main h1")
                .ok()
                .flatten()
                .and_then(|h| h.text_content())
                .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|t| !t.is_empty());
            let title = match heading {
                Some(h) if h != "Sixstep" => format!("{h} · Sixstep"),
                _ => "Sixstep".to_string(),
            };
            if doc.title() != title {
                doc.set_title(&title);
            }
        }
    };
    update();
    let Some(main) = doc.get_element_by_id("main") else {
        return;
    };
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>::new(
        move |_: js_sys::Array, _: web_sys::MutationObserver| update(),
    );
    if let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) {
        let opts = web_sys::MutationObserverInit::new();
        opts.set_child_list(true);
        opts.set_subtree(true);
        opts.set_character_data(true);
        let _ = observer.observe_with_options(&main, &opts);
    }
    callback.forget();
}

#[component]
fn Shell() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    let menu_open = RwSignal::new(false);
    let location = use_location();
    // Close the phone menu whenever the page changes.
    Effect::new(move |_| {
        location.pathname.track();
        menu_open.set(false);
    });
    // Once mounted: the tab's title follows the page heading.
    Effect::new(move |_| follow_heading_in_tab_title());
    crate::state::unsaved::install();
    let toggle_theme = move |_| {
        let next = if prefs.is_dark() {
            crate::state::Theme::Light
        } else {
            crate::state::Theme::Dark
        };
        prefs.set_theme(next);
    };
    view! {
        <a class="skip-link" href="#main">{tr_fn("shell.skip_to_content")}</a>
        <header class="topbar">
            <a class="brand" href=href("/")>
                <span class="brand-mark" aria-hidden="true">"6"</span>
                <span class="brand-name">"Sixstep"</span>
            </a>
            <button
                class="icon-button menu-button"
                aria-expanded=move || menu_open.get().to_string()
                aria-controls="primary-nav"
                on:click=move |_| menu_open.update(|o| *o = !*o)
            >
                {tr_fn("shell.menu")}
            </button>
            <nav
                id="primary-nav"
                class="primary-nav"
                class:open=move || menu_open.get()
                aria-label=tr_fn("shell.primary_navigation")
            >
                <ul>
                    {NAV
                        .iter()
                        .map(|(path, key)| {
                            let target = href(path);
                            let is_current = move || {
                                let p = location.pathname.get();
                                let p = p.strip_prefix(base_path()).unwrap_or(&p).to_string();
                                if *path == "/" {
                                    p == "/" || p.is_empty()
                                } else {
                                    p == *path || p.starts_with(&format!("{path}/"))
                                }
                            };
                            view! {
                                <li>
                                    <a
                                        href=target
                                        aria-current=move || is_current().then_some("page")
                                        on:pointerenter=move |_| routes::prefetch(path)
                                        on:focus=move |_| routes::prefetch(path)
                                    >
                                        {tr_fn(key)}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <crate::ui::search::GlobalSearch/>
            <BackupReminder/>
            <button
                class="icon-button theme-toggle"
                on:click=toggle_theme
                aria-label=move || {
                    if prefs.is_dark() {
                        tr("shell.theme_to_light")
                    } else {
                        tr("shell.theme_to_dark")
                    }
                }
                title=move || {
                    if prefs.is_dark() {
                        tr("shell.theme_to_light")
                    } else {
                        tr("shell.theme_to_dark")
                    }
                }
            >
                <span aria-hidden="true">{move || if prefs.is_dark() { "☀" } else { "☾" }}</span>
            </button>
        </header>
        <crate::ui::leave_dialog::LeaveDialog/>
        <main id="main" class="main" tabindex="-1">
            <StatusBanner/>
            <Routes fallback=|| view! { <pages::not_found::NotFound/> }>
                <Route path=path!("/") view=pages::dashboard::DashboardPage/>
                <Route path=path!("/accounts") view=Page::Accounts/>
                <Route path=path!("/competitors") view=Page::Competitors/>
                <Route path=path!("/competitors/:id") view=Page::Competitor/>
                <Route path=path!("/intel") view=Page::Intel/>
                <Route path=path!("/contacts") view=Page::Contacts/>
                <Route path=path!("/accounts/:id") view=Page::Account/>
                <Route path=path!("/contacts/:id") view=Page::Contact/>
                <Route path=path!("/contacts/:id/call-plan") view=Page::CallPlan/>
                <Route path=path!("/deals") view=Page::Deals/>
                <Route path=path!("/deals/:id") view=Page::Deal/>
                <Route path=path!("/deals/:id/presentation") view=Page::Presentation/>
                <Route path=path!("/deals/:id/presentation/sheet") view=Page::SpeakerSheet/>
                <Route path=path!("/catalogue") view=Page::Catalogue/>
                <Route path=path!("/catalogue/:id") view=Page::Product/>
                <Route path=path!("/deals/:id/negotiation") view=Page::Negotiation/>
                <Route path=path!("/deals/:id/negotiation/brief") view=Page::NegotiationBrief/>
                <Route path=path!("/deals/:id/negotiation/terms") view=Page::NegotiationTerms/>
                <Route path=path!("/deals/:id/proposal") view=Page::Proposal/>
                <Route path=path!("/deals/:id/proposal/compare") view=Page::ProposalCompare/>
                <Route path=path!("/deals/:id/proposal/:version") view=Page::Proposal/>
                <Route path=path!("/deals/:id/proposal/:version/copy") view=Page::ProposalCopy/>
                <Route path=path!("/deals/:id/followup") view=Page::FollowUp/>
                <Route path=path!("/deals/:id/followup/checklist") view=Page::ContractChecklist/>
                <Route path=path!("/planning") view=Page::Agenda/>
                <Route path=path!("/receivables") view=Page::Receivables/>
                <Route path=path!("/receivables/statement/:account") view=Page::Statement/>
                <Route path=path!("/service") view=Page::Complaints/>
                <Route path=path!("/service/complaints/:id") view=Page::Complaint/>
                <Route path=path!("/service/declined") view=Page::Declined/>
                <Route path=path!("/service/declined/new") view=Page::DeclineFlow/>
                <Route path=path!("/service/declined/:id/print") view=Page::DeclineReferral/>
                <Route path=path!("/service/partners") view=Page::Partners/>
                <Route path=path!("/training") view=Page::Training/>
                <Route path=path!("/training/guide/:page") view=Page::Guide/>
                <Route path=path!("/training/exercises/:topic") view=Page::Exercise/>
                <Route path=path!("/training/progress") view=Page::Progress/>
                <Route path=path!("/settings") view=Page::Settings/>
            </Routes>
        </main>
        <ToastArea/>
    }
}

/// Start-up and store problems, in words, above every page.
#[component]
fn StatusBanner() -> impl IntoView {
    let data = use_data();
    move || match data.status.get() {
        LoadStatus::Ready => ().into_any(),
        // Over the page, not above it: the page does not move when it goes.
        LoadStatus::Loading => view! {
            <p class="notice loading-notice" role="status">{tr("shell.status.loading")}</p>
        }
        .into_any(),
        LoadStatus::Blocked => view! {
            <div class="notice notice-warning" role="alert">{tr("shell.status.blocked")}</div>
        }
        .into_any(),
        LoadStatus::Outdated => view! {
            <div class="notice notice-warning" role="alert">
                <span>{tr("shell.status.outdated")}</span>
                " "
                // `rel="external"`: the router leaves the link to the browser, which reloads.
                <a class="button" href="" rel="external">{tr("shell.reload")}</a>
            </div>
        }
        .into_any(),
        LoadStatus::Failed(msg) => view! {
            <div class="notice notice-error" role="alert">
                <strong>{tr("shell.status.failed")}</strong>
                " "
                <span>{msg}</span>
            </div>
        }
        .into_any(),
    }
}

/// A badge when records exist and the last backup is older than 7 days, or never happened.
#[component]
fn BackupReminder() -> impl IntoView {
    let data = use_data();
    let due = move || {
        data.status.get() == LoadStatus::Ready
            && !data.is_empty()
            && data
                .last_backup
                .get()
                .is_none_or(|at| chrono::Utc::now() - at > chrono::Duration::days(7))
    };
    view! {
        <Show when=due>
            <a
                class="badge warning reminder"
                href=href("/settings#data")
                aria-label=tr_fn("data.backup.reminder_label")
                title=tr_fn("data.backup.reminder_label")
            >
                {tr_fn("data.backup.reminder")}
            </a>
        </Show>
    }
}
