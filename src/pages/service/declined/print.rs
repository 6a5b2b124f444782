//! The referral to a partner, printable (`/service/declined/:id/print`): a small note the
//! rep hands to the customer whose request we declined — the partner's name, field and
//! how to reach them, with our polite line. The app's chrome is hidden in print.

use super::*;
use crate::state::tr_fn;
use crate::ui::customer_language::InCustomerLanguage;
use leptos_router::hooks::use_params_map;

#[component]
pub fn DeclineReferralPage() -> impl IntoView {
    let data = use_data();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| Id::parse_str(&s).ok())));
    let request = Memo::new(move |_| id.get().and_then(|id| data.declined_requests.get(id)));
    let partner = Memo::new(move |_| request.get().and_then(|d| partner_of(data, &d)));
    let firm = move || crate::state::settings::firm().name;
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <article class="page referral-note">
            <div class="actions no-print">
                <a class="button" href=href("/service/declined")>{tr_fn("decline.print.back")}</a>
                <button type="button" class="primary" on:click=print>{tr_fn("decline.print.print")}</button>
            </div>
            <InCustomerLanguage account=Signal::derive(move || request.with(|r| r.as_ref().and_then(|d| d.account_id)))>
            {move || {
                let loaded = data.status.get() == crate::state::data::LoadStatus::Ready;
                let (Some(d), Some(p)) = (request.get(), partner.get()) else {
                    return loaded
                        .then(|| view! { <p class="notice">{tr("decline.print.missing")}</p> })
                        .into_any();
                };
                let who = who(data, &d);
                let f = firm();
                let rows = [
                    ("decline.partner_field.field", p.field.clone()),
                    ("decline.partner_field.contact", p.contact.clone()),
                    ("decline.partner_field.phone", p.phone.clone()),
                    ("decline.partner_field.email", p.email.clone()),
                ];
                view! {
                    <div class="referral-sheet">
                        {(!f.trim().is_empty()).then(|| view! { <p class="copy-firm">{f.clone()}</p> })}
                        <h1>{tw("decline.print.title", &[("partner", &p.name)])}</h1>
                        {(!who.trim().is_empty()).then(|| view! {
                            <p>{tw("decline.print.for", &[("who", &who), ("date", &fmt::date(d.on))])}</p>
                        })}
                        <p class="referral-asked">{tw("decline.print.asked", &[("asked", &d.asked)])}</p>
                        <p class="referral-line">{tw("decline.print.line", &[("partner", &p.name)])}</p>
                        <section aria-labelledby="referral-partner-heading">
                            <h2 id="referral-partner-heading">{p.name.clone()}</h2>
                            <dl class="facts">
                                {rows
                                    .into_iter()
                                    .filter(|(_, v)| !v.trim().is_empty())
                                    .map(|(k, v)| view! { <dt>{tr(k)}</dt><dd>{v}</dd> })
                                    .collect_view()}
                            </dl>
                        </section>
                        <p class="hint">{tr("decline.print.closing")}</p>
                    </div>
                }
                .into_any()
            }}
            </InCustomerLanguage>
        </article>
    }
}
