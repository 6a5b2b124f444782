//! One entry of the register (`/service/complaints/:id`): what happened and who, the
//! times recorded so far, a form for each time still to record (first response, on site,
//! resolved), the edit form and the delete (with Undo). Prints as a plain sheet.

use super::form::ComplaintForm;
use super::*;
use crate::domain::complaint::{label, local_input, Stage};
use crate::state::data::report_store_error;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::state::ToastKind;
use crate::ui::form::{field_error_text, TextArea, TextField};
use crate::ui::missing::MissingRecord;
use chrono::{Local, Utc};
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn ComplaintPage() -> impl IntoView {
    let data = use_data();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    let entry = Memo::new(move |_| id.get().and_then(|id| data.complaints.get(id)));
    let exists = Memo::new(move |_| entry.with(Option::is_some));
    move || {
        if !exists.get() {
            return view! {
                <MissingRecord
                    title_key="complaint.page.title"
                    body_key="complaint.detail.missing"
                    back_key="complaint.detail.back"
                    back_path="/service"
                />
            }
            .into_any();
        }
        view! { <Entry entry=entry/> }.into_any()
    }
}

fn stage_title(stage: Stage) -> &'static str {
    match stage {
        Stage::FirstResponse => "complaint.stage.first_response",
        Stage::OnSite => "complaint.stage.on_site",
        Stage::Resolved => "complaint.stage.resolved",
    }
}

#[component]
fn Entry(entry: Memo<Option<Complaint>>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let editing = RwSignal::new(false);
    let get = move || entry.get();
    let c0 = entry.get_untracked().expect("shown only when present");
    let id = c0.id;
    let kind_title = move || get().map(|c| tr(c.kind.key())).unwrap_or_default();
    let remove = move |_| {
        let Some(save) = actions::delete(data, id) else {
            return;
        };
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match save.await {
                Ok(gone) => {
                    navigate(&href("/service"), Default::default());
                    toasts.push_with_action(
                        ToastKind::Success,
                        tr("complaint.deleted"),
                        tr("complaint.undo"),
                        move || {
                            let gone = gone.clone();
                            leptos::task::spawn_local(async move {
                                if let Err(e) = actions::undo_delete(data, gone).await {
                                    report_store_error(toasts, &e);
                                }
                            });
                        },
                    );
                }
                Err(e) => report_store_error(toasts, &e),
            }
        });
    };
    let facts = move || {
        get().map(|c| {
            let account = data
                .accounts
                .with(c.account_id, |a| a.name.clone())
                .unwrap_or_default();
            let person = c
                .person_id
                .and_then(|p| data.contacts.with(p, |x| (p, x.name.clone())));
            let deal = c
                .deal_id
                .and_then(|d| data.deals.with(d, |x| (d, x.title.clone())));
            let times = Stage::ALL
                .into_iter()
                .filter_map(|s| s.of(&c).map(|at| (s, at)))
                .map(|(s, at)| view! { <dt>{tr(s.label())}</dt><dd>{fmt::datetime(at)}</dd> })
                .collect_view();
            view! {
                <p class="complaint-what-full">{c.what.clone()}</p>
                <dl class="facts">
                    <dt>{tr(label::ACCOUNT)}</dt>
                    <dd><a href=href(&format!("/accounts/{}", c.account_id))>{account}</a></dd>
                    {person.map(|(p, name)| view! {
                        <dt>{tr(label::PERSON)}</dt>
                        <dd><a href=href(&format!("/contacts/{p}"))>{name}</a></dd>
                    })}
                    {deal.map(|(d, title)| view! {
                        <dt>{tr(label::DEAL)}</dt>
                        <dd><a href=href(&format!("/deals/{d}"))>{title}</a></dd>
                    })}
                    <dt>{tr("complaint.stage.title")}</dt>
                    <dd>
                        {if c.is_open() { tr("complaint.detail.state_open") } else { tr("complaint.detail.state_resolved") }}
                        {c.next_step().map(|n| view! { " " <span class="badge warning">{tr(n.key())}</span> })}
                    </dd>
                    <dt>{tr("complaint.field.anxiety")}</dt>
                    <dd>{anxiety_text(c.anxiety)}</dd>
                    <dt>{tr("complaint.field.fault_size")}</dt>
                    <dd>{fault_text(c.fault_size)}</dd>
                    <dt>{tr(label::OPENED)}</dt>
                    <dd>{fmt::datetime(c.opened_at)} {c.is_open().then(|| format!(" ({})", age_text(&c)))}</dd>
                    {times}
                    {(!c.resolution.is_empty()).then(|| view! {
                        <dt>{tr(label::RESOLUTION)}</dt>
                        <dd>{c.resolution.clone()}</dd>
                    })}
                </dl>
            }
        })
    };
    let what_short = move || {
        get()
            .map(|c| c.what.chars().take(60).collect::<String>())
            .unwrap_or_default()
    };
    view! {
        <article class="page service complaint-detail">
            <p class="crumbs no-print"><a href=href("/service")>{tr_fn("complaint.detail.back")}</a></p>
            <h1>{kind_title}</h1>
            {facts}
            <Show when=move || get().is_some_and(|c| c.is_open())>
                <section class="card no-print" aria-labelledby="stage-heading">
                    <h2 id="stage-heading">{tr_fn("complaint.stage.title")}</h2>
                    <p class="hint">{tr_fn("complaint.stage.hint")}</p>
                    {move || {
                        let c = get()?;
                        Some(
                            Stage::ALL
                                .into_iter()
                                .filter(|s| s.of(&c).is_none())
                                .map(|s| view! { <StageForm id=id stage=s/> })
                                .collect_view(),
                        )
                    }}
                </section>
            </Show>
            <div class="actions no-print">
                <button
                    type="button"
                    aria-expanded=move || editing.get().to_string()
                    on:click=move |_| editing.update(|e| *e = !*e)
                >
                    {move || if editing.get() { tr("complaint.edit_cancel") } else { tr("complaint.edit") }}
                </button>
                <button
                    type="button"
                    class="danger"
                    aria-label=move || tw("complaint.delete_named", &[("what", &what_short())])
                    on:click=remove
                >
                    {tr_fn("complaint.delete")}
                </button>
            </div>
            <Show when=move || editing.get()>
                {move || entry.get_untracked().map(|c| view! {
                    <div class="no-print">
                        <ComplaintForm existing=Some(c) on_done=Callback::new(move |_| editing.set(false))/>
                    </div>
                })}
            </Show>
        </article>
    }
}

/// The form recording one stage's time (now by default); resolving also asks what was done.
#[component]
fn StageForm(id: Id, stage: Stage) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let at = RwSignal::new(local_input(Utc::now(), &Local));
    let resolution = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let resolution_error = RwSignal::new(None::<String>);
    let heading = format!("stage-{}-heading", stage.field());
    let labelled_by = heading.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = resolution.get_untracked();
        let res = (stage == Stage::Resolved).then_some(text.as_str());
        match actions::record_stage(data, id, stage, &at.get_untracked(), res) {
            Err(e) => {
                let msg = field_error_text(&e);
                if e.field == "resolution" {
                    resolution_error.set(Some(msg));
                } else {
                    error.set(Some(msg));
                }
            }
            Ok(None) => {}
            Ok(Some(save)) => {
                error.set(None);
                resolution_error.set(None);
                leptos::task::spawn_local(async move {
                    match save.await {
                        Ok(_) => toasts.push(ToastKind::Success, tr("complaint.stage.saved")),
                        Err(e) => report_store_error(toasts, &e),
                    }
                });
            }
        }
    };
    let fid = format!("stage-{}", stage.field());
    view! {
        <form class="form-grid subsection stage-form" on:submit=on_submit novalidate aria-labelledby=labelled_by>
            <h3 id=heading>{move || tr(stage_title(stage))}</h3>
            <TextField
                id=format!("{fid}-at")
                label=Signal::derive(tr_fn(stage.label()))
                value=at
                input_type="datetime-local"
                required=true
                error=error
            />
            {(stage == Stage::Resolved).then(|| view! {
                <TextArea
                    id=format!("{fid}-resolution")
                    label=Signal::derive(tr_fn(label::RESOLUTION))
                    value=resolution
                    rows=2
                    error=resolution_error
                />
            })}
            <div class="actions">
                <button type="submit" class="primary">{tr_fn(match stage {
                    Stage::FirstResponse => "complaint.stage.save_first_response",
                    Stage::OnSite => "complaint.stage.save_on_site",
                    Stage::Resolved => "complaint.stage.save_resolved",
                })}</button>
            </div>
        </form>
    }
}
