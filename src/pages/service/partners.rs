//! Service → partners: the directory of firms we may send a customer to (only trusted ones
//! are proposed): the list with its trust filter, the add and edit form, and delete with
//! Undo (a partner that declined requests name is deleted only after the rep confirms,
//! told how many name it).

use super::*;
use crate::domain::decline::partner::PartnerDraft;
use crate::domain::decline::{Partner, TrustLevel};
use crate::domain::ids::Id;
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;
use crate::state::actions::decline as act;
use crate::state::data::{report_store_error, use_data};
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::{tc, tw, ToastKind};
use crate::ui::form::{select_options, ErrorSummary, FormErrors, SelectField, TextArea, TextField};
use leptos::task::spawn_local;

#[component]
pub fn PartnersPage() -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    // `Some(None)`: adding a partner; `Some(Some(id))`: editing that one.
    let editing = RwSignal::new(None::<Option<Id>>);
    let filter = RwSignal::new(String::new());
    let confirming = RwSignal::new(None::<(Partner, usize)>);
    let all = Memo::new(move |_| {
        let mut v = act::partners(data);
        v.sort_on(|p| fold(&p.name));
        v
    });
    let shown = Memo::new(move |_| {
        let f = TrustLevel::from_code(&filter.get());
        all.with(|all| {
            all.iter()
                .filter(|p| f.is_none_or(|t| p.trust == t))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let delete_now = move |p: Partner| {
        confirming.set(None);
        let name = p.name.clone();
        spawn_local(async move {
            match act::delete_partner(data, p).await {
                Ok(gone) => toasts.push_with_action(
                    ToastKind::Success,
                    tw("decline.partners.deleted", &[("name", &name)]),
                    tr("decline.undo"),
                    move || {
                        let back = gone.clone();
                        spawn_local(async move {
                            if let Err(e) = act::undo_delete_partner(data, back).await {
                                report_store_error(toasts, &e);
                            }
                        });
                    },
                ),
                Err(e) => report_store_error(toasts, &e),
            }
        });
    };
    let ask_delete = move |p: Partner| {
        let uses = act::partner_uses(data, p.id);
        if uses == 0 {
            delete_now(p);
        } else {
            confirming.set(Some((p, uses)));
        }
    };
    view! {
        <section class="page service partners">
            <h1>{tr_fn("decline.partners.title")}</h1>
            <ServiceNav/>
            <p class="hint">{tr_fn("decline.partners.intro")}</p>
            <Show
                when=move || editing.get() == Some(None)
                fallback=move || view! {
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| editing.set(Some(None))>
                            {tr_fn("decline.partners.add")}
                        </button>
                    </div>
                }
            >
                <PartnerForm base=None editing=editing/>
            </Show>
            {move || confirming.get().map(|(p, uses)| {
                let p2 = p.clone();
                view! {
                    <div class="notice notice-warning" role="alertdialog" aria-labelledby="partner-confirm-text">
                        <p id="partner-confirm-text">{tc("decline.partners.confirm_delete", uses, &[("name", &p.name)])}</p>
                        <div class="actions">
                            <button type="button" class="danger" on:click=move |_| delete_now(p2.clone())>
                                {tr("decline.partners.delete_anyway")}
                            </button>
                            <button type="button" on:click=move |_| confirming.set(None)>{tr("form.cancel")}</button>
                        </div>
                    </div>
                }
            })}
            <section class="card" aria-labelledby="partner-list-heading">
                <h2 id="partner-list-heading">{tr_fn("decline.partners.list")}</h2>
                <SelectField
                    id="partner-filter"
                    label=Signal::derive(tr_fn("decline.partners.filter"))
                    value=filter
                    options=Signal::derive(select_options(TrustLevel::ALL, TrustLevel::code, TrustLevel::key))
                    empty_label=Signal::derive(tr_fn("decline.partners.filter_all"))
                />
                {move || {
                    let list = shown.get();
                    if list.is_empty() {
                        let key = if all.with(Vec::is_empty) { "decline.partners.none" } else { "decline.partners.none_shown" };
                        return view! { <p>{tr(key)}</p> }.into_any();
                    }
                    view! {
                        <ul class="plain-list partner-list">
                            {list
                                .into_iter()
                                .map(|p| {
                                    let id = p.id;
                                    let p2 = p.clone();
                                    let p3 = p.clone();
                                    view! {
                                        <li class="partner-item">
                                            <Show
                                                when=move || editing.get() == Some(Some(id))
                                                fallback=move || view! { <PartnerCard p=p2.clone() editing=editing on_delete=ask_delete/> }
                                            >
                                                <PartnerForm base=Some(p3.clone()) editing=editing/>
                                            </Show>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>
        </section>
    }
}

#[component]
fn PartnerCard(
    p: Partner,
    editing: RwSignal<Option<Option<Id>>>,
    on_delete: impl Fn(Partner) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = p.id;
    let name = p.name.clone();
    let p2 = p.clone();
    let badge = match p.trust {
        TrustLevel::Trusted => "badge",
        TrustLevel::Known => "badge warning",
        TrustLevel::Unsure => "badge danger",
    };
    let rows = [
        ("decline.partner_field.field", p.field.clone()),
        (
            "decline.partner_field.neighbouring",
            p.neighbouring.join(", "),
        ),
        ("decline.partner_field.contact", p.contact.clone()),
        ("decline.partner_field.phone", p.phone.clone()),
        ("decline.partner_field.email", p.email.clone()),
        ("decline.partner_field.notes", p.notes.clone()),
    ];
    view! {
        <article class="partner-card" aria-labelledby=format!("partner-{id}")>
            <h3 id=format!("partner-{id}")>{p.name.clone()}</h3>
            <p><span class=badge>{tr(p.trust.key())}</span></p>
            <dl class="facts">
                {rows
                    .into_iter()
                    .filter(|(_, v)| !v.trim().is_empty())
                    .map(|(k, v)| view! { <dt>{tr(k)}</dt><dd class="pre-line">{v}</dd> })
                    .collect_view()}
            </dl>
            <div class="actions">
                <button
                    type="button"
                    aria-label=tw("decline.partners.edit_named", &[("name", &name)])
                    on:click=move |_| editing.set(Some(Some(id)))
                >
                    {tr("decline.partners.edit")}
                </button>
                <button
                    type="button"
                    class="danger"
                    aria-label=tw("decline.partners.delete_named", &[("name", &name)])
                    on:click=move |_| on_delete(p2.clone())
                >
                    {tr("decline.delete")}
                </button>
            </div>
        </article>
    }
}

#[component]
fn PartnerForm(base: Option<Partner>, editing: RwSignal<Option<Option<Id>>>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let errors = FormErrors::new();
    let d = base
        .as_ref()
        .map(PartnerDraft::from_partner)
        .unwrap_or_default();
    let prefix = base
        .as_ref()
        .map(|p| format!("partner-{}", p.id))
        .unwrap_or_else(|| "partner-new".to_string());
    let name = RwSignal::new(d.name);
    let field = RwSignal::new(d.field);
    let neighbouring = RwSignal::new(d.neighbouring);
    let trust = RwSignal::new(d.trust.code().to_string());
    let contact = RwSignal::new(d.contact);
    let phone = RwSignal::new(d.phone);
    let email = RwSignal::new(d.email);
    let notes = RwSignal::new(d.notes);
    let heading = if base.is_some() {
        tw(
            "decline.partners.edit_title",
            &[(
                "name",
                &base.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
            )],
        )
    } else {
        tr("decline.partners.add")
    };
    let base2 = base.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = PartnerDraft {
            name: name.get_untracked(),
            field: field.get_untracked(),
            neighbouring: neighbouring.get_untracked(),
            trust: TrustLevel::from_code(&trust.get_untracked()).unwrap_or(TrustLevel::Known),
            contact: contact.get_untracked(),
            phone: phone.get_untracked(),
            email: email.get_untracked(),
            notes: notes.get_untracked(),
        };
        let current = base2
            .as_ref()
            .and_then(|p| data.partners.get_untracked(p.id));
        match act::save_partner(data, current, &draft) {
            Err(errs) => errors.show(&errs),
            Ok(save) => {
                errors.clear();
                spawn_local(async move {
                    match save.await {
                        Ok(p) => {
                            toasts.push(
                                ToastKind::Success,
                                tw("decline.partners.saved", &[("name", &p.name)]),
                            );
                            editing.set(None);
                        }
                        Err(e) => report_store_error(toasts, &e),
                    }
                });
            }
        }
    };
    let id = |s: &str| format!("{prefix}-{s}");
    view! {
        <form class="card form-grid partner-form" on:submit=on_submit novalidate=true aria-label=heading.clone()>
            <h3>{heading.clone()}</h3>
            <ErrorSummary errors=errors.summary()/>
            <TextField id=id("name") label=Signal::derive(tr_fn("decline.partner_field.name")) value=name error=errors.field("name") required=true/>
            <TextField id=id("field") label=Signal::derive(tr_fn("decline.partner_field.field")) value=field error=errors.field("field") required=true/>
            <TextField id=id("neighbouring") label=Signal::derive(tr_fn("decline.partner_field.neighbouring")) value=neighbouring error=errors.field("neighbouring")/>
            <SelectField
                id=id("trust")
                label=Signal::derive(tr_fn("decline.partner_field.trust"))
                value=trust
                options=Signal::derive(select_options(TrustLevel::ALL, TrustLevel::code, TrustLevel::key))
                hint=Signal::derive(tr_fn("decline.partners.trust_hint"))
            />
            <TextField id=id("contact") label=Signal::derive(tr_fn("decline.partner_field.contact")) value=contact error=errors.field("contact")/>
            <TextField id=id("phone") label=Signal::derive(tr_fn("decline.partner_field.phone")) value=phone input_type="tel" error=errors.field("phone")/>
            <TextField id=id("email") label=Signal::derive(tr_fn("decline.partner_field.email")) value=email input_type="email" error=errors.field("email")/>
            <TextArea id=id("notes") label=Signal::derive(tr_fn("decline.partner_field.notes")) value=notes rows=2 error=errors.field("notes")/>
            <div class="actions">
                <button type="submit" class="primary">{tr_fn("decline.partners.save")}</button>
                <button type="button" on:click=move |_| editing.set(None)>{tr_fn("form.cancel")}</button>
            </div>
        </form>
    }
}
