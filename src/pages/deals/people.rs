//! Step 3 on the deal page: needs in five layers, the customer's buying stage, the people
//! involved with their roles and style hints, and the competitors in play.

use super::common::{commit_quietly, committed, contact_name};
use super::detail::{with_deal, DealSig};
use super::sections::FoldingSection;
use crate::domain::buying_stage::{self, BuyingRole, BuyingStage};
use crate::domain::deal::Deal;
use crate::domain::deal_sections::DealSection;
use crate::domain::ids::Id;
use crate::domain::needs::{self, NeedLayer};
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;
use crate::domain::training::GuidePage;
use crate::state::actions::deals;
use crate::state::data::use_data;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tc, tr, tw};
use crate::ui::form::{SelectField, TextField};
use crate::ui::link::href;
use crate::ui::style_hint::StyleHint;
use crate::ui::why::WhyLink;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn layer_code(l: NeedLayer) -> &'static str {
    match l {
        NeedLayer::Goal => "goal",
        NeedLayer::Problem => "problem",
        NeedLayer::Solution => "solution",
        NeedLayer::ProductOrService => "product_or_service",
        NeedLayer::PurchaseIndicator => "purchase_indicator",
    }
}

/// The people a need can be linked to: the deal's people first, then the account's others.
fn holder_options(data: crate::state::data::AppData, d: &Deal) -> Vec<(String, String)> {
    let on_deal = d.people_ids();
    let mut rest: Vec<(String, String)> = data.contacts.with_all(|m| {
        m.values()
            .filter(|c| c.account_id == d.account_id && !on_deal.contains(&c.id))
            .map(|c| (c.id.to_string(), c.name.clone()))
            .collect()
    });
    rest.sort_on_cached(|(_, n)| fold(n));
    let mut out: Vec<(String, String)> = on_deal
        .iter()
        .map(|c| (c.to_string(), contact_name(data, *c)))
        .collect();
    out.extend(rest);
    out
}

#[component]
pub fn NeedsSection(deal: DealSig) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let layer = RwSignal::new("goal".to_string());
    let text = RwSignal::new(String::new());
    let holder = RwSignal::new(String::new());
    let measure = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let id = move || with_deal(deal, None, |d| Some(d.id));
    let holders = Signal::derive(move || with_deal(deal, Vec::new(), |d| holder_options(data, d)));
    let layer_options = Signal::derive(|| {
        NeedLayer::ALL
            .iter()
            .map(|l| (layer_code(*l).to_string(), tr(l.key())))
            .collect::<Vec<_>>()
    });
    let current_layer = move || {
        NeedLayer::ALL
            .iter()
            .copied()
            .find(|l| layer_code(*l) == layer.get())
            .unwrap_or(NeedLayer::Goal)
    };

    let on_add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(deal_id) = id() else { return };
        let save = match deals::add_need(
            data,
            deal_id,
            current_layer(),
            &text.get_untracked(),
            holder.get_untracked().parse().ok(),
            &measure.get_untracked(),
        ) {
            Ok(save) => save,
            Err(e) => {
                error.set(Some(tr(e.key())));
                return;
            }
        };
        error.set(None);
        let Some(save) = save else { return };
        spawn_local(async move {
            if committed(toasts, save).await.is_some() {
                text.set(String::new());
                measure.set(String::new());
            }
        });
    };
    let remove = move |need_id: Id| {
        if let Some(deal_id) = id() {
            commit_quietly(toasts, deals::remove_need(data, deal_id, need_id));
        }
    };

    view! {
        <FoldingSection section=DealSection::Needs class="needs" summary=Signal::derive(move || {
            with_deal(deal, String::new(), |d| tc("deal_page.summary.needs", d.needs.len(), &[]))
        })>
            <p class="hint">{tr_fn("deals_ui.needs.intro")}</p>
            <WhyLink page=GuidePage::NeedsLayers/>
            <div class="need-layers">
                {move || {
                    with_deal(deal, Vec::new(), |d| {
                        needs::by_layer(&d.needs)
                            .into_iter()
                            .map(|(l, list)| {
                                (l, list.into_iter().cloned().collect::<Vec<_>>())
                            })
                            .collect::<Vec<_>>()
                    })
                    .into_iter()
                    .enumerate()
                    .map(|(i, (l, list))| {
                        let hid = format!("layer-{}", layer_code(l));
                        let hid2 = hid.clone();
                        view! {
                            <section class="need-layer" aria-labelledby=hid2>
                                <h3 id=hid>{format!("{}. {}", i + 1, tr(l.key()))}</h3>
                                <p class="hint">{tr(l.hint_key())}</p>
                                {if list.is_empty() {
                                    view! { <p class="hint empty">{tr("deals_ui.needs.none")}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="plain-list need-list">
                                            {list
                                                .into_iter()
                                                .map(|n| {
                                                    let nid = n.id;
                                                    let who = n
                                                        .holder_contact_id
                                                        .map(|c| contact_name(data, c));
                                                    let label = tw("deals_ui.needs.remove", &[("need", &n.text)]);
                                                    view! {
                                                        <li class="need">
                                                            <span class="need-text">{n.text.clone()}</span>
                                                            {(!n.measure.is_empty())
                                                                .then(|| view! { <span class="badge">{n.measure.clone()}</span> })}
                                                            <span class="hint">
                                                                {match who {
                                                                    Some(w) => tw("deals_ui.needs.held_by", &[("person", &w)]),
                                                                    None => tr("deals_ui.needs.no_holder"),
                                                                }}
                                                            </span>
                                                            <button
                                                                type="button"
                                                                class="small"
                                                                aria-label=label
                                                                on:click=move |_| remove(nid)
                                                            >
                                                                {tr("deals_ui.remove")}
                                                            </button>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                    .into_any()
                                }}
                            </section>
                        }
                    })
                    .collect_view()
                }}
            </div>
            <form class="form-grid subsection" on:submit=on_add>
                <h3>{tr_fn("deals_ui.needs.add_title")}</h3>
                <div class="form-cols">
                    <SelectField
                        id="need-layer"
                        label=Signal::derive(tr_fn("deals_ui.needs.layer"))
                        value=layer
                        options=layer_options
                        hint=Signal::derive(move || tr(current_layer().hint_key()))
                    />
                    <TextField
                        id="need-text"
                        label=Signal::derive(tr_fn("deals_ui.needs.text"))
                        value=text
                        error=Signal::derive(move || error.get())
                    />
                    <SelectField
                        id="need-holder"
                        label=Signal::derive(tr_fn("deals_ui.needs.holder"))
                        value=holder
                        options=holders
                        empty_label=Signal::derive(tr_fn("form.none"))
                    />
                    <TextField
                        id="need-measure"
                        label=Signal::derive(tr_fn("deals_ui.needs.measure"))
                        value=measure
                        hint=Signal::derive(tr_fn("deals_ui.needs.measure_hint"))
                    />
                </div>
                <div class="actions">
                    <button type="submit" class="primary">{tr_fn("deals_ui.needs.add")}</button>
                </div>
            </form>
        </FoldingSection>
    }
}

fn stage_code(s: BuyingStage) -> String {
    s.number().to_string()
}

#[component]
pub fn BuyingStageSection(deal: DealSig) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let stage = move || with_deal(deal, None, |d| d.buying_stage);
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let new = BuyingStage::ALL
            .iter()
            .copied()
            .find(|s| stage_code(*s) == v);
        let Some(deal_id) = with_deal(deal, None, |d| Some(d.id)) else {
            return;
        };
        commit_quietly(toasts, deals::set_buying_stage(data, deal_id, new));
    };
    view! {
        <FoldingSection section=DealSection::BuyingStage summary=Signal::derive(move || {
            stage().map(|s| tr(s.key())).unwrap_or_else(|| tr("deals_ui.stage.unknown"))
        })>
            <p class="hint">{tr_fn("deals_ui.stage.intro")}</p>
            <div class="field">
                <label for="buying-stage-select">{tr_fn("deals_ui.stage.label")}</label>
                <select id="buying-stage-select" on:change=on_change>
                    <option value="" selected=move || stage().is_none()>
                        {tr_fn("deals_ui.stage.unknown")}
                    </option>
                    {BuyingStage::ALL
                        .iter()
                        .map(|s| {
                            let s = *s;
                            view! {
                                <option value=stage_code(s) selected=move || stage() == Some(s)>
                                    {move || format!("{}. {}", s.number(), tr(s.key()))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <ol class="buying-stage-track" aria-label=tr_fn("deals_ui.stage.track")>
                {BuyingStage::ALL
                    .iter()
                    .map(|s| {
                        let s = *s;
                        let role = s.key_role();
                        view! {
                            <li aria-current=move || (stage() == Some(s)).then_some("step")>
                                <strong>{tr_fn(s.key())}</strong>
                                " — "
                                <span class="hint">{move || tw("deals_ui.stage.key_role", &[("role", &tr(role.key()))])}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {move || {
                stage()
                    .map(|s| {
                        let warnings = with_deal(deal, Vec::new(), |d| {
                            buying_stage::role_warnings(s, &d.people)
                        });
                        view! {
                            <p class="hint">{tr(s.hint_key())}</p>
                            {warnings
                                .into_iter()
                                .map(|w| view! { <p class="notice notice-warning" role="status">{tr(w.key())}</p> })
                                .collect_view()}
                        }
                    })
            }}
        </FoldingSection>
    }
}

#[component]
pub fn PeopleSection(deal: DealSig) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let to_add = RwSignal::new(String::new());
    let id = move || with_deal(deal, None, |d| Some(d.id));
    let candidates = Signal::derive(move || {
        with_deal(deal, Vec::new(), |d| {
            let on = d.people_ids();
            let mut v: Vec<(String, String)> = data.contacts.with_all(|m| {
                m.values()
                    .filter(|c| c.account_id == d.account_id && !on.contains(&c.id))
                    .map(|c| {
                        let label = if c.title.is_empty() {
                            c.name.clone()
                        } else {
                            format!("{} ({})", c.name, c.title)
                        };
                        (c.id.to_string(), label)
                    })
                    .collect()
            });
            v.sort_on_cached(|(_, n)| fold(n));
            v
        })
    });
    let on_add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(deal_id) = id() else { return };
        let Ok(cid) = to_add.get_untracked().parse::<Id>() else {
            return;
        };
        let Some(save) = deals::add_person(data, deal_id, cid) else {
            return;
        };
        spawn_local(async move {
            if committed(toasts, save).await.is_some() {
                to_add.set(String::new());
            }
        });
    };
    let set_role = move |cid: Id, role: BuyingRole, on: bool| {
        if let Some(deal_id) = id() {
            commit_quietly(toasts, deals::set_role(data, deal_id, cid, role, on));
        }
    };
    let remove = move |cid: Id| {
        if let Some(deal_id) = id() {
            commit_quietly(toasts, deals::remove_person(data, deal_id, cid));
        }
    };

    view! {
        <FoldingSection section=DealSection::People summary=Signal::derive(move || {
            with_deal(deal, String::new(), |d| tc("deal_page.summary.people", d.people.len(), &[]))
        })>
            {move || {
                let people = with_deal(deal, Vec::new(), |d| d.people.clone());
                if people.is_empty() {
                    return view! { <p class="hint">{tr("deals_ui.people.none")}</p> }.into_any();
                }
                view! {
                    <ul class="plain-list deal-people">
                        {people
                            .into_iter()
                            .map(|p| {
                                let cid = p.contact_id;
                                let contact = data.contacts.get(cid);
                                let name = contact
                                    .as_ref()
                                    .map(|c| c.name.clone())
                                    .unwrap_or_else(|| tr("deals_ui.unknown_person"));
                                let title = contact.as_ref().map(|c| c.title.clone()).unwrap_or_default();
                                let name2 = name.clone();
                                view! {
                                    <li class="person">
                                        <fieldset>
                                            <legend>
                                                <a href=href(&format!("/contacts/{cid}"))>{name.clone()}</a>
                                                {(!title.is_empty()).then(|| format!(" · {title}"))}
                                            </legend>
                                            <div class="role-choices">
                                                {BuyingRole::ALL
                                                    .iter()
                                                    .map(|r| {
                                                        let r = *r;
                                                        let has = p.roles.contains(&r);
                                                        let fid = format!("role-{cid}-{}", r.code());
                                                        let fid2 = fid.clone();
                                                        view! {
                                                            <label class="choice-pill" for=fid2>
                                                                <input
                                                                    type="checkbox"
                                                                    id=fid
                                                                    prop:checked=has
                                                                    on:change=move |ev| set_role(cid, r, event_target_checked(&ev))
                                                                />
                                                                {tr(r.key())}
                                                            </label>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </div>
                                            {contact.map(|c| view! { <StyleHint contact=c/> })}
                                            <button
                                                type="button"
                                                class="small"
                                                aria-label=tw("deals_ui.people.remove", &[("person", &name2)])
                                                on:click=move |_| remove(cid)
                                            >
                                                {tr("deals_ui.remove")}
                                            </button>
                                        </fieldset>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <form class="form-grid subsection" on:submit=on_add>
                <Show
                    when=move || !candidates.with(Vec::is_empty)
                    fallback=move || view! { <p class="hint">{tr_fn("deals_ui.people.no_candidates")}</p> }
                >
                    <SelectField
                        id="person-add"
                        label=Signal::derive(tr_fn("deals_ui.people.add_label"))
                        value=to_add
                        options=candidates
                        empty_label=Signal::derive(tr_fn("form.none"))
                    />
                    <div class="actions">
                        <button type="submit">{tr_fn("deals_ui.people.add")}</button>
                    </div>
                </Show>
            </form>
        </FoldingSection>
    }
}

#[component]
pub fn CompetitorsSection(deal: DealSig) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let competitors = move || {
        let mut v: Vec<(Id, String)> = data
            .competitors
            .with_all(|m| m.values().map(|c| (c.id, c.name.clone())).collect());
        v.sort_on_cached(|(_, n)| fold(n));
        v
    };
    let toggle = move |cid: Id, on: bool| {
        let Some(deal_id) = with_deal(deal, None, |d| Some(d.id)) else {
            return;
        };
        commit_quietly(toasts, deals::set_competitor(data, deal_id, cid, on));
    };
    view! {
        <FoldingSection section=DealSection::Competitors summary=Signal::derive(move || {
            with_deal(deal, String::new(), |d| {
                tc("deal_page.summary.competitors", d.competitor_ids.len(), &[])
            })
        })>
            {move || {
                let list = competitors();
                if list.is_empty() {
                    return view! { <p class="hint">{tr("deals_ui.competitors.none")}</p> }.into_any();
                }
                view! {
                    <ul class="plain-list">
                        {list
                            .into_iter()
                            .map(|(cid, name)| {
                                let fid = format!("comp-{cid}");
                                let on = move || with_deal(deal, false, |d| d.competitor_ids.contains(&cid));
                                view! {
                                    <li class="field-check">
                                        <input
                                            type="checkbox"
                                            id=fid.clone()
                                            prop:checked=on
                                            on:change=move |ev| toggle(cid, event_target_checked(&ev))
                                        />
                                        <label for=fid>{name}</label>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </FoldingSection>
    }
}
