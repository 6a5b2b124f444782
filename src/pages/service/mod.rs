//! Service (menu entry "Service"): the complaints and suggestions register
//! (`complaints`, `/service`), the declined requests with the guided decline flow and the
//! report of demand we do not serve (`declined`, `/service/declined`), and the partner
//! directory (`partners`, `/service/partners`).
//!
//! Files here read state and call actions in `crate::state`, and use shared pieces from
//! `crate::ui`; they import nothing from another area's pages.

mod complaints;
mod declined;
mod partners;

pub use complaints::{ComplaintPage, ComplaintsPage};
pub use declined::{DeclineFlowPage, DeclineReferralPage, DeclinedPage};
pub use partners::PartnersPage;

use crate::state::tr;
use crate::state::tr_fn;
use crate::ui::link::href;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The Service area's own pages, one link each.
const TABS: [(&str, &str); 3] = [
    ("/service", "service.nav.complaints"),
    ("/service/declined", "service.nav.declined"),
    ("/service/partners", "service.nav.partners"),
];

/// Links between the Service area's pages; the current one is marked.
#[component]
fn ServiceNav() -> impl IntoView {
    let location = use_location();
    view! {
        <nav class="section-index no-print" aria-label=tr_fn("service.nav.label")>
            <ul>
                {TABS
                    .iter()
                    .map(|(path, key)| {
                        let path = *path;
                        let key = *key;
                        let target = href(path);
                        let target2 = target.clone();
                        let current = move || {
                            let p = location.pathname.get();
                            p == target2 || (path != "/service" && p.starts_with(&format!("{target2}/")))
                        };
                        view! {
                            <li>
                                <a href=target aria-current=move || current().then_some("page")>
                                    {tr_fn(key)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
