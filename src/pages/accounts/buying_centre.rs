//! The account's buying-centre map (level × function) and its warnings.

use crate::domain::buying_centre::{map as bc_map, warnings as bc_warnings, BuyingCentreWarning};
use crate::domain::contact::Contact;
use crate::domain::training::GuidePage;
use crate::state::tr_fn;
use crate::state::{tr, tw};
use crate::ui::link::href;
use crate::ui::scroll_area::ScrollArea;
use crate::ui::why::WhyLink;
use leptos::prelude::*;

#[component]
pub(super) fn BuyingCentre(#[prop(into)] people: Signal<Vec<Contact>>) -> impl IntoView {
    view! {
        <div class="card" role="region" aria-labelledby="bc-heading">
            <h2 id="bc-heading">{tr_fn("bc.title")}</h2>
            <WhyLink page=GuidePage::BuyingCentre/>
            {move || {
                let list = people.get();
                let warnings = bc_warnings(list.iter());
                let map = bc_map(list.iter());
                view! {
                    {(!warnings.is_empty()).then(|| view! {
                        <ul class="warnings" aria-label=tr("bc.warnings")>
                            {warnings.iter().map(|w| {
                                let text = match w {
                                    BuyingCentreWarning::RoleMissing(r) => tw(w.key(), &[("role", &tr(r.key()))]),
                                    _ => tr(w.key()),
                                };
                                view! { <li class="notice notice-warning">{text}</li> }
                            }).collect_view()}
                        </ul>
                    })}
                    {(!map.is_empty()).then(|| view! {
                        <ScrollArea label=Signal::derive(tr_fn("bc.map_caption"))>
                            <table class="bc-map">
                                <caption class="visually-hidden">{tr("bc.map_caption")}</caption>
                                <thead>
                                    <tr>
                                        <td></td>
                                        {map.functions.iter().map(|f| view! {
                                            <th scope="col">{f.map(|f| tr(f.key())).unwrap_or_else(|| tr("bc.function.unknown"))}</th>
                                        }).collect_view()}
                                    </tr>
                                </thead>
                                <tbody>
                                    {map.rows.iter().map(|row| view! {
                                        <tr>
                                            <th scope="row">{row.level.map(|l| tr(l.key())).unwrap_or_else(|| tr("bc.level.unknown"))}</th>
                                            {row.cells.iter().map(|cell| view! {
                                                <td>
                                                    <ul class="plain-list">
                                                        {cell.people.iter().map(|p| view! {
                                                            <li class="bc-person">
                                                                <a href=href(&format!("/contacts/{}", p.id))>{p.name.clone()}</a>
                                                                {p.is_guide.then(|| view! { " " <span class="badge">{tr("bc.guide")}</span> })}
                                                                {(!p.roles.is_empty()).then(|| view! {
                                                                    <div class="hint">{p.roles.iter().map(|r| tr(r.key())).collect::<Vec<_>>().join(", ")}</div>
                                                                })}
                                                            </li>
                                                        }).collect_view()}
                                                    </ul>
                                                </td>
                                            }).collect_view()}
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </ScrollArea>
                    })}
                }
            }}
        </div>
    }
}
