//! Service → complaints and suggestions: the register, most urgent first (the customer's
//! anxiety before the size of the fault), with response times per month.

use super::*;

#[component]
pub fn ComplaintsPage() -> impl IntoView {
    view! {
        <section class="page service">
            <h1>{move || tr("complaint.page.title")}</h1>
            <ServiceNav/>
            <p class="hint">{move || tr("complaint.page.intro")}</p>
        </section>
    }
}
