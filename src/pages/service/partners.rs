//! Service → partners: the directory of firms we may send a customer to (only trusted ones
//! are proposed).

use super::*;

#[component]
pub fn PartnersPage() -> impl IntoView {
    view! {
        <section class="page service">
            <h1>{move || tr("decline.partners.title")}</h1>
            <ServiceNav/>
            <p class="hint">{move || tr("decline.partners.intro")}</p>
        </section>
    }
}
