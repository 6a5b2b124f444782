//! Service → declined requests: the list, the report of demand by field, and the guided
//! flow to decline a request well (`/service/declined/new`).

use super::*;

#[component]
pub fn DeclinedPage() -> impl IntoView {
    view! {
        <section class="page service">
            <h1>{move || tr("decline.page.title")}</h1>
            <ServiceNav/>
            <p class="hint">{move || tr("decline.page.intro")}</p>
        </section>
    }
}

#[component]
pub fn DeclineFlowPage() -> impl IntoView {
    view! {
        <section class="page service">
            <h1>{move || tr("decline.flow.title")}</h1>
            <ServiceNav/>
        </section>
    }
}
