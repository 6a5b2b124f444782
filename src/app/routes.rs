//! The pages behind the shell, an area at a time.
//!
//! The dashboard is the first screen and ships with the shell. The other pages come in six
//! downloads (split-off wasm chunks, see `tools/build_wasm.py`): customers, deals (steps 2
//! to 6 of a deal included), catalogue, service (with planning and receivables), training
//! and settings. Each is fetched the first time a rep opens one of its pages and cached by
//! the browser from then on; code that two of them share is split off once, into a chunk
//! both load.
//!
//! A route names its `Page`; `choose` loads the page's area and renders the page. If the
//! chunk cannot be fetched (offline, or the site was updated and the old file is gone), the
//! page says so and offers to try again, instead of the app stopping.

use crate::pages;
use crate::state::tr_fn;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::ChooseView;

/// Every page outside the shell, by the area whose chunk holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Page {
    Accounts,
    Competitors,
    Competitor,
    Intel,
    Account,
    Contacts,
    Contact,
    CallPlan,
    Deals,
    Deal,
    Presentation,
    SpeakerSheet,
    Negotiation,
    NegotiationBrief,
    NegotiationTerms,
    Proposal,
    ProposalCompare,
    ProposalCopy,
    FollowUp,
    ContractChecklist,
    Catalogue,
    Product,
    Agenda,
    Receivables,
    Statement,
    Complaints,
    Complaint,
    Declined,
    DeclineFlow,
    DeclineReferral,
    Partners,
    Training,
    Guide,
    Exercise,
    Progress,
    Settings,
}

/// The downloads the pages come in (one split-off chunk each).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Area {
    Customers,
    Deals,
    Catalogue,
    Service,
    Training,
    Settings,
}

impl Area {
    /// The area of a navigation path, by its first segment.
    fn of_path(path: &str) -> Option<Area> {
        let first = path.trim_start_matches('/').split('/').next()?;
        Some(match first {
            "accounts" | "contacts" | "competitors" | "intel" => Area::Customers,
            "deals" => Area::Deals,
            "catalogue" => Area::Catalogue,
            "planning" | "receivables" | "service" => Area::Service,
            "training" => Area::Training,
            "settings" => Area::Settings,
            _ => return None,
        })
    }

    /// Starts fetching the area's code (a chunk already loaded is not fetched again).
    fn prefetch(self) {
        leptos::task::spawn_local(async move {
            let _ = match self {
                Area::Customers => preload_customers().await,
                Area::Deals => preload_deals().await,
                Area::Catalogue => preload_catalogue().await,
                Area::Service => preload_service().await,
                Area::Training => preload_training().await,
                Area::Settings => preload_settings().await,
            };
        });
    }
}

impl Page {
    /// The area whose chunk holds the page.
    fn area(self) -> Area {
        use Page::*;
        match self {
            Accounts | Competitors | Competitor | Intel | Account | Contacts | Contact
            | CallPlan => Area::Customers,
            Deals | Deal | Presentation | SpeakerSheet | Negotiation | NegotiationBrief
            | NegotiationTerms | Proposal | ProposalCompare | ProposalCopy | FollowUp
            | ContractChecklist => Area::Deals,
            Catalogue | Product => Area::Catalogue,
            Agenda | Receivables | Statement | Complaints | Complaint | Declined | DeclineFlow
            | DeclineReferral | Partners => Area::Service,
            Training | Guide | Exercise | Progress => Area::Training,
            Settings => Area::Settings,
        }
    }
}

/// A chunk that could not be fetched.
pub struct LoadFailed;

impl From<SplitLoaderError> for LoadFailed {
    fn from(_: SplitLoaderError) -> Self {
        LoadFailed
    }
}

type Loaded = Result<AnyView, LoadFailed>;

impl ChooseView for Page {
    async fn choose(self) -> AnyView {
        use Page::*;
        // Every page here reads kinds the dashboard does not: it opens on the whole book
        // (or, when the store itself could not be opened, under the banner saying so), and
        // with the later texts (English's, and the app's language's). Its code is fetched
        // meanwhile.
        self.area().prefetch();
        if !crate::state::data::fully_loaded().await && crate::state::data::backend().is_some()
            || crate::state::data::later_strings().await.is_err()
            || crate::i18n::load::load_later(untrack(crate::state::prefs::app_locale))
                .await
                .is_err()
        {
            return view! { <PageLoadFailed/> }.into_any();
        }
        let loaded = match self {
            Accounts | Competitors | Competitor | Intel | Account => accounts(self).await,
            Contacts | Contact | CallPlan => contacts(self).await,
            Deals | Deal => deals(self).await,
            Presentation | SpeakerSheet => presentation(self).await,
            Negotiation | NegotiationBrief | NegotiationTerms => negotiation(self).await,
            Proposal | ProposalCompare | ProposalCopy => proposal(self).await,
            FollowUp | ContractChecklist => followup(self).await,
            Catalogue | Product => catalogue(self).await,
            Agenda => planning(self).await,
            Receivables | Statement => receivables(self).await,
            Complaints | Complaint | Declined | DeclineFlow | DeclineReferral | Partners => {
                service(self).await
            }
            Training | Guide | Exercise | Progress => training(self).await,
            Settings => settings(self).await,
        };
        loaded.unwrap_or_else(|LoadFailed| view! { <PageLoadFailed/> }.into_any())
    }

    async fn preload(&self) {}
}

/// Starts fetching the code behind a navigation path, so that its page opens at once: called
/// when the pointer enters, or the keyboard focuses, a navigation link. A chunk already
/// loaded is not fetched again; one that fails is tried again on the navigation itself.
pub fn prefetch(path: &str) {
    if let Some(area) = Area::of_path(path) {
        area.prefetch();
    }
}

/// Says that the page's code could not be fetched, and offers to try again (a reload
/// fetches the newest files, which is also the cure after the site was updated).
#[component]
fn PageLoadFailed() -> impl IntoView {
    view! {
        <section class="page">
            <h1>{tr_fn("page.load_failed.title")}</h1>
            <div class="card" role="alert">
                <p>{tr_fn("page.load_failed.body")}</p>
                // `rel="external"`: the router leaves the link to the browser, which reloads.
                <a class="button" href="" rel="external">
                    {tr_fn("page.load_failed.retry")}
                </a>
            </div>
        </section>
    }
}

// The split functions. Those naming the same chunk (`sixstep_deals`) go into it together:
// with a chunk per area (13), the whole app was 170 KB larger gzipped, as many small files
// compress worse than a few larger ones.

#[wasm_split(
    sixstep_customers,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_customers)
)]
fn accounts(page: Page) -> Loaded {
    use pages::accounts::*;
    Ok(match page {
        Page::Competitors => view! { <CompetitorsPage/> }.into_any(),
        Page::Competitor => view! { <CompetitorPage/> }.into_any(),
        Page::Intel => view! { <IntelPage/> }.into_any(),
        Page::Account => view! { <AccountPage/> }.into_any(),
        _ => view! { <AccountsPage/> }.into_any(),
    })
}

#[wasm_split(sixstep_customers, wasm_split_path = ::leptos::wasm_split, fallible)]
fn contacts(page: Page) -> Loaded {
    use pages::contacts::*;
    Ok(match page {
        Page::Contact => view! { <ContactPage/> }.into_any(),
        Page::CallPlan => view! { <CallPlanPage/> }.into_any(),
        _ => view! { <ContactsPage/> }.into_any(),
    })
}

#[wasm_split(
    sixstep_deals,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_deals)
)]
fn deals(page: Page) -> Loaded {
    use pages::deals::*;
    Ok(match page {
        Page::Deal => view! { <DealPage/> }.into_any(),
        _ => view! { <DealsPage/> }.into_any(),
    })
}

#[wasm_split(sixstep_deals, wasm_split_path = ::leptos::wasm_split, fallible)]
fn presentation(page: Page) -> Loaded {
    use pages::deals::*;
    Ok(match page {
        Page::SpeakerSheet => view! { <SpeakerSheetPage/> }.into_any(),
        _ => view! { <PresentationPage/> }.into_any(),
    })
}

#[wasm_split(sixstep_deals, wasm_split_path = ::leptos::wasm_split, fallible)]
fn negotiation(page: Page) -> Loaded {
    use pages::deals::*;
    Ok(match page {
        Page::NegotiationBrief => view! { <NegotiationBriefPage/> }.into_any(),
        Page::NegotiationTerms => view! { <NegotiationTermsPage/> }.into_any(),
        _ => view! { <NegotiationPage/> }.into_any(),
    })
}

#[wasm_split(sixstep_deals, wasm_split_path = ::leptos::wasm_split, fallible)]
fn proposal(page: Page) -> Loaded {
    use pages::deals::*;
    Ok(match page {
        Page::ProposalCompare => view! { <ProposalComparePage/> }.into_any(),
        Page::ProposalCopy => view! { <ProposalCopyPage/> }.into_any(),
        _ => view! { <ProposalPage/> }.into_any(),
    })
}

#[wasm_split(sixstep_deals, wasm_split_path = ::leptos::wasm_split, fallible)]
fn followup(page: Page) -> Loaded {
    use pages::deals::*;
    Ok(match page {
        Page::ContractChecklist => view! { <ContractChecklistPage/> }.into_any(),
        _ => view! { <FollowUpPage/> }.into_any(),
    })
}

#[wasm_split(
    sixstep_catalogue,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_catalogue)
)]
fn catalogue(page: Page) -> Loaded {
    use pages::catalogue::*;
    Ok(match page {
        Page::Product => view! { <ProductPage/> }.into_any(),
        _ => view! { <CataloguePage/> }.into_any(),
    })
}

#[wasm_split(
    sixstep_service,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_service)
)]
fn planning(_page: Page) -> Loaded {
    Ok(view! { <pages::planning::AgendaPage/> }.into_any())
}

#[wasm_split(sixstep_service, wasm_split_path = ::leptos::wasm_split, fallible)]
fn receivables(page: Page) -> Loaded {
    use pages::receivables::*;
    Ok(match page {
        Page::Statement => view! { <StatementPage/> }.into_any(),
        _ => view! { <ReceivablesPage/> }.into_any(),
    })
}

#[wasm_split(sixstep_service, wasm_split_path = ::leptos::wasm_split, fallible)]
fn service(page: Page) -> Loaded {
    use pages::service::*;
    Ok(match page {
        Page::Complaint => view! { <ComplaintPage/> }.into_any(),
        Page::Declined => view! { <DeclinedPage/> }.into_any(),
        Page::DeclineFlow => view! { <DeclineFlowPage/> }.into_any(),
        Page::DeclineReferral => view! { <DeclineReferralPage/> }.into_any(),
        Page::Partners => view! { <PartnersPage/> }.into_any(),
        _ => view! { <ComplaintsPage/> }.into_any(),
    })
}

#[wasm_split(
    sixstep_training,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_training)
)]
fn training(page: Page) -> Loaded {
    use pages::training::*;
    Ok(match page {
        Page::Guide => view! { <GuideRoutePage/> }.into_any(),
        Page::Exercise => view! { <ExercisePage/> }.into_any(),
        Page::Progress => view! { <ProgressPage/> }.into_any(),
        _ => view! { <TrainingPage/> }.into_any(),
    })
}

#[wasm_split(
    sixstep_settings,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_settings)
)]
fn settings(_page: Page) -> Loaded {
    Ok(view! { <pages::settings::SettingsPage/> }.into_any())
}
