//! The guided flow to decline a request well, one form in the method's order: what was
//! asked and its field; who asked and how they heard of us; why we cannot serve it; their
//! tactical and strategic importance; the alternatives (wait, a substitute, a trusted
//! partner — only trusted partners of the field are listed); the polite script, written
//! from the answers and editable; save.

use super::*;
use crate::domain::account::LeadSource;
use crate::domain::decline::partner::untrusted_in_field;
use crate::domain::decline::request::IMPORTANCE;
use crate::domain::decline::{
    proposable_partners, script_parts, Alternative, DeclineDraft, DeclineReason,
};
use crate::domain::sorting::SortExt;
use crate::state::tr_fn;
use crate::ui::form::{
    select_options, CheckboxField, ErrorSummary, FormErrors, SelectField, TextArea, TextField,
};
use chrono::NaiveDate;
use leptos_router::hooks::use_navigate;

#[component]
pub fn DeclineFlowPage() -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let errors = FormErrors::new();

    let asked = RwSignal::new(String::new());
    let field = RwSignal::new(String::new());
    let requester = RwSignal::new(String::new());
    let account = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let tactical = RwSignal::new(String::new());
    let strategic = RwSignal::new(String::new());
    let wait = RwSignal::new(false);
    let substitute_on = RwSignal::new(false);
    let partner_on = RwSignal::new(false);
    let wait_until = RwSignal::new(String::new());
    let substitute = RwSignal::new(String::new());
    let partner = RwSignal::new(String::new());
    let on = RwSignal::new(fmt::today().format("%Y-%m-%d").to_string());
    let script = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());

    let accounts = Memo::new(move |_| {
        let mut v: Vec<(String, String)> = data.accounts.with_all(|m| {
            m.values()
                .filter(|a| !a.archived)
                .map(|a| (a.id.to_string(), a.name.clone()))
                .collect()
        });
        v.sort_on(|(_, n)| n.to_lowercase());
        v
    });
    let all_partners = Memo::new(move |_| act::partners(data));
    let proposable = Memo::new(move |_| {
        let f = field.get();
        all_partners.with(|all| {
            proposable_partners(all, &f)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let untrusted = Memo::new(move |_| {
        let f = field.get();
        all_partners.with(|all| untrusted_in_field(all, &f))
    });
    let partner_options = Signal::derive(move || {
        proposable.with(|ps| {
            ps.iter()
                .map(|p| (p.id.to_string(), format!("{} — {}", p.name, p.field)))
                .collect::<Vec<_>>()
        })
    });
    let chosen_partner = Memo::new(move |_| {
        let id = partner.get();
        proposable.with(|ps| ps.iter().find(|p| p.id.to_string() == id).cloned())
    });
    let is_key = Memo::new(move |_| {
        strategic
            .get()
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|s| IMPORTANCE.contains(s))
            .is_some_and(key_customer)
    });
    let alternatives = move || {
        let mut a = Vec::new();
        if wait.get() {
            a.push(Alternative::Wait);
        }
        if substitute_on.get() {
            a.push(Alternative::Substitute);
        }
        if partner_on.get() {
            a.push(Alternative::Partner);
        }
        a
    };

    // The script follows the answers until the rep edits it.
    let generated = Memo::new(move |_| {
        let parts = script_parts(
            DeclineReason::from_code(&reason.get()),
            &alternatives(),
            NaiveDate::parse_from_str(wait_until.get().trim(), "%Y-%m-%d").ok(),
            &substitute.get(),
            chosen_partner.get().as_ref(),
        );
        script_text(&parts)
    });
    let last_written = RwSignal::new(String::new());
    Effect::new(move |_| {
        let text = generated.get();
        let current = script.get_untracked();
        if current.trim().is_empty() || current == last_written.get_untracked() {
            script.set(text.clone());
        }
        last_written.set(text);
    });
    let rewrite = move |_| {
        let text = generated.get_untracked();
        script.set(text.clone());
        last_written.set(text);
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = DeclineDraft {
            asked: asked.get_untracked(),
            field: field.get_untracked(),
            requester: requester.get_untracked(),
            account_id: Id::parse_str(&account.get_untracked()).ok(),
            person_id: None,
            source: LeadSource::from_code(&source.get_untracked()),
            reason: DeclineReason::from_code(&reason.get_untracked()),
            tactical: tactical.get_untracked(),
            strategic: strategic.get_untracked(),
            alternatives: untrack(alternatives),
            wait_until: wait_until.get_untracked(),
            substitute: substitute.get_untracked(),
            partner_id: Id::parse_str(&partner.get_untracked()).ok(),
            on: on.get_untracked(),
            script: script.get_untracked(),
            note: note.get_untracked(),
        };
        match act::save_declined(data, None, &draft) {
            Err(errs) => errors.show(&errs),
            Ok(save) => {
                errors.clear();
                let navigate = navigate.clone();
                spawn_local(async move {
                    match save.await {
                        Ok(_) => {
                            toasts.push(ToastKind::Success, tr("decline.saved"));
                            navigate(&href("/service/declined"), Default::default());
                        }
                        Err(e) => report_store_error(toasts, &e),
                    }
                });
            }
        }
    };

    let legend = |n: u8, key: &'static str| move || format!("{n}. {}", tr(key));
    view! {
        <section class="page service decline-flow">
            <h1>{tr_fn("decline.flow.title")}</h1>
            <WhyLink page=GuidePage::DecliningWell/>
            <ServiceNav/>
            <p class="hint">{tr_fn("decline.flow.intro")}</p>
            <form class="card form-grid decline-form" on:submit=on_submit novalidate=true>
                <ErrorSummary errors=errors.summary()/>
                <fieldset class="flow-step">
                    <legend>{legend(1, "decline.flow.step_asked")}</legend>
                    <TextField id="decline-asked" label=Signal::derive(tr_fn("decline.field.asked")) value=asked error=errors.field("asked") required=true/>
                    <TextField id="decline-field" label=Signal::derive(tr_fn("decline.field.field")) value=field error=errors.field("field") required=true hint=Signal::derive(tr_fn("decline.flow.field_hint"))/>
                </fieldset>
                <fieldset class="flow-step">
                    <legend>{legend(2, "decline.flow.step_who")}</legend>
                    <TextField id="decline-requester" label=Signal::derive(tr_fn("decline.field.requester")) value=requester error=errors.field("requester")/>
                    <SelectField
                        id="decline-account"
                        label=Signal::derive(tr_fn("decline.field.account"))
                        value=account
                        options=Signal::derive(move || accounts.get())
                        empty_label=Signal::derive(tr_fn("decline.flow.no_account"))
                    />
                    <SelectField
                        id="decline-source"
                        label=Signal::derive(tr_fn("decline.field.source"))
                        value=source
                        options=Signal::derive(select_options(LeadSource::ALL, LeadSource::code, LeadSource::key))
                        empty_label=Signal::derive(tr_fn("decline.flow.source_unknown"))
                    />
                </fieldset>
                <fieldset class="flow-step">
                    <legend>{legend(3, "decline.flow.step_why")}</legend>
                    <SelectField
                        id="decline-reason"
                        label=Signal::derive(tr_fn("decline.field.reason"))
                        value=reason
                        options=Signal::derive(select_options(DeclineReason::ALL, DeclineReason::code, DeclineReason::key))
                        empty_label=Signal::derive(tr_fn("decline.flow.choose"))
                        error=errors.field("reason")
                        required=true
                    />
                </fieldset>
                <fieldset class="flow-step">
                    <legend>{legend(4, "decline.flow.step_importance")}</legend>
                    <p class="hint">{tr_fn("decline.flow.importance_hint")}</p>
                    <TextField id="decline-tactical" label=Signal::derive(tr_fn("decline.field.tactical")) value=tactical error=errors.field("tactical") required=true/>
                    <TextField id="decline-strategic" label=Signal::derive(tr_fn("decline.field.strategic")) value=strategic error=errors.field("strategic") required=true/>
                    <Show when=move || is_key.get()>
                        <p class="notice notice-warning" role="status">{tr_fn("decline.key_customer")}</p>
                    </Show>
                </fieldset>
                <fieldset class="flow-step">
                    <legend>{legend(5, "decline.flow.step_alternatives")}</legend>
                    <CheckboxField id="decline-alt-wait" label=Signal::derive(|| tr(Alternative::Wait.key())) checked=wait/>
                    <Show when=move || wait.get()>
                        <TextField id="decline-wait-until" label=Signal::derive(tr_fn("decline.field.wait_until")) value=wait_until input_type="date" error=errors.field("wait_until")/>
                    </Show>
                    <CheckboxField id="decline-alt-substitute" label=Signal::derive(|| tr(Alternative::Substitute.key())) checked=substitute_on/>
                    <Show when=move || substitute_on.get()>
                        <TextField id="decline-substitute" label=Signal::derive(tr_fn("decline.field.substitute")) value=substitute error=errors.field("substitute")/>
                    </Show>
                    <CheckboxField id="decline-alt-partner" label=Signal::derive(|| tr(Alternative::Partner.key())) checked=partner_on/>
                    <Show when=move || partner_on.get()>
                        <SelectField
                            id="decline-partner"
                            label=Signal::derive(tr_fn("decline.field.partner"))
                            value=partner
                            options=partner_options
                            empty_label=Signal::derive(tr_fn("decline.flow.choose"))
                            error=errors.field("partner")
                            hint=Signal::derive(tr_fn("decline.flow.partner_hint"))
                        />
                        <Show when=move || proposable.with(Vec::is_empty)>
                            <p class="notice notice-warning" role="status">
                                {move || {
                                    let f = field.get();
                                    if f.trim().is_empty() {
                                        tr("decline.flow.field_first")
                                    } else {
                                        tw("decline.flow.no_trusted", &[("field", f.trim())])
                                    }
                                }}
                                " "
                                <a href=href("/service/partners")>{tr_fn("decline.flow.open_directory")}</a>
                            </p>
                        </Show>
                        <Show when=move || { untrusted.get() > 0 }>
                            <p class="hint">{move || tc("decline.flow.untrusted", untrusted.get(), &[])}</p>
                        </Show>
                    </Show>
                </fieldset>
                <fieldset class="flow-step">
                    <legend>{legend(6, "decline.flow.step_script")}</legend>
                    <TextArea id="decline-script" label=Signal::derive(tr_fn("decline.field.script")) value=script rows=6 error=errors.field("script") hint=Signal::derive(tr_fn("decline.flow.script_hint"))/>
                    <div class="actions">
                        <button type="button" on:click=rewrite>{tr_fn("decline.flow.rewrite")}</button>
                    </div>
                    <TextField id="decline-on" label=Signal::derive(tr_fn("decline.field.on")) value=on input_type="date" error=errors.field("on") required=true/>
                    <TextArea id="decline-note" label=Signal::derive(tr_fn("decline.field.note")) value=note rows=2 error=errors.field("note")/>
                </fieldset>
                <div class="actions">
                    <button type="submit" class="primary">{tr_fn("decline.flow.save")}</button>
                    <a class="button" href=href("/service/declined")>{tr_fn("form.cancel")}</a>
                </div>
            </form>
        </section>
    }
}
