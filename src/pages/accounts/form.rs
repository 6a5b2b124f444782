//! The account form (create and edit), with field errors that keep what was typed and the
//! duplicate guard.

use crate::domain::account::{format_tags, Account, AccountDraft, Grade, LeadSource};
use crate::domain::dedupe::find_account_duplicates;
use crate::domain::ids::Id;
use crate::state::data::use_data;
use crate::state::record_save::RecordSave;
use crate::state::toasts::use_toasts;
use crate::state::tr_fn;
use crate::ui::conflict::{reloadable, ConflictPanel};
use crate::ui::form::select_options;
use crate::ui::form::{
    join_list, split_list, DuplicateNotice, ErrorSummary, FormErrors, SelectField, TextArea,
    TextField,
};
use chrono::Utc;
use leptos::prelude::*;

/// Every input of the form, as typed.
#[derive(Clone, Copy)]
struct Inputs {
    name: RwSignal<String>,
    industry: RwSignal<String>,
    phones: RwSignal<String>,
    emails: RwSignal<String>,
    website: RwSignal<String>,
    street: RwSignal<String>,
    city: RwSignal<String>,
    postal_code: RwSignal<String>,
    region: RwSignal<String>,
    country: RwSignal<String>,
    business_scope: RwSignal<String>,
    size: RwSignal<String>,
    operating_state: RwSignal<String>,
    financial_state: RwSignal<String>,
    purchase_plans: RwSignal<String>,
    problems_to_solve: RwSignal<String>,
    department_dynamics: RwSignal<String>,
    grade: RwSignal<String>,
    lead_source: RwSignal<String>,
    heard_of_us: RwSignal<String>,
    owner: RwSignal<String>,
    tags: RwSignal<String>,
    notes: RwSignal<String>,
    customer_since: RwSignal<String>,
    language: RwSignal<String>,
}

impl Inputs {
    fn from_account(a: Option<&Account>) -> Self {
        let d = a.map(AccountDraft::from_account).unwrap_or_default();
        let s = |v: &str| RwSignal::new(v.to_string());
        Inputs {
            name: s(&d.name),
            industry: s(&d.industry),
            phones: s(&join_list(&d.phones)),
            emails: s(&join_list(&d.emails)),
            website: s(&d.website),
            street: s(&d.address.street),
            city: s(&d.address.city),
            postal_code: s(&d.address.postal_code),
            region: s(&d.address.region),
            country: s(&d.address.country),
            business_scope: s(&d.business_scope),
            size: s(&d.size),
            operating_state: s(&d.operating_state),
            financial_state: s(&d.financial_state),
            purchase_plans: s(&d.purchase_plans),
            problems_to_solve: s(&d.problems_to_solve),
            department_dynamics: s(&d.department_dynamics),
            grade: s(d.grade.map_or("", |g| g.code())),
            lead_source: s(d.lead_source.map_or("", |l| l.code())),
            heard_of_us: s(&d.heard_of_us),
            owner: s(&d.owner),
            tags: s(&d.tags),
            notes: s(&d.notes),
            customer_since: s(&d.customer_since),
            language: s(d.language.map_or("", |l| l.tag())),
        }
    }

    fn draft(&self, base: Option<&Account>) -> AccountDraft {
        let g = |s: RwSignal<String>| s.get_untracked();
        let mut d = base.map(AccountDraft::from_account).unwrap_or_default();
        d.name = g(self.name);
        d.industry = g(self.industry);
        d.phones = split_list(&g(self.phones));
        d.emails = split_list(&g(self.emails));
        d.website = g(self.website);
        d.address.street = g(self.street);
        d.address.city = g(self.city);
        d.address.postal_code = g(self.postal_code);
        d.address.region = g(self.region);
        d.address.country = g(self.country);
        d.business_scope = g(self.business_scope);
        d.size = g(self.size);
        d.operating_state = g(self.operating_state);
        d.financial_state = g(self.financial_state);
        d.purchase_plans = g(self.purchase_plans);
        d.problems_to_solve = g(self.problems_to_solve);
        d.department_dynamics = g(self.department_dynamics);
        d.grade = Grade::from_code(&g(self.grade));
        d.lead_source = LeadSource::from_code(&g(self.lead_source));
        d.heard_of_us = g(self.heard_of_us);
        d.owner = g(self.owner);
        d.tags = g(self.tags);
        d.notes = g(self.notes);
        d.customer_since = g(self.customer_since);
        d.language = crate::i18n::Locale::ALL
            .iter()
            .copied()
            .find(|l| l.tag() == g(self.language));
        d
    }
}

/// Create (`account` = None) or edit an account. `on_saved` receives the saved record.
#[component]
pub fn AccountForm(
    account: Option<Account>,
    #[prop(into)] on_saved: Callback<Account>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    reloadable(account, move |account, on_reload| {
        view! { <AccountFormBody account on_saved on_cancel on_reload/> }
    })
}

#[component]
fn AccountFormBody(
    account: Option<Account>,
    on_saved: Callback<Account>,
    on_cancel: Callback<()>,
    /// Shows the form again with another version (after "Take theirs").
    on_reload: Callback<Account>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let inputs = Inputs::from_account(account.as_ref());
    let errors = FormErrors::new();
    let save = RecordSave::new(data, toasts, on_saved);
    let saving = save.busy;
    let base = StoredValue::new(account.clone());
    let editing_id: Option<Id> = account.as_ref().map(|a| a.id);
    let err = move |f: &'static str| errors.field(f);

    // The duplicate guard: live while typing a new account's name, e-mails or phones.
    let duplicates = Memo::new(move |_| {
        let name = inputs.name.get();
        let emails = split_list(&inputs.emails.get());
        let phones = split_list(&inputs.phones.get());
        if name.trim().len() < 2 && emails.is_empty() && phones.is_empty() {
            return Vec::new();
        }
        // Membership is tracked: a name typed while the book is still loading is checked
        // again once the accounts arrive.
        data.accounts.len();
        data.accounts.with_all_untracked(|m| {
            let others = m.values().filter(|a| Some(a.id) != editing_id);
            let found = find_account_duplicates(&name, &emails, &phones, others);
            found
                .into_iter()
                .filter_map(|d| m.get(&d.id).map(|a| (a.id, a.name.clone(), d.reason.key())))
                .collect::<Vec<_>>()
        })
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let base_account = base.get_value();
        let draft = inputs.draft(base_account.as_ref());
        match draft.validate() {
            Err(errs) => {
                errors.show(&errs);
            }
            Ok(valid) => {
                errors.clear();
                let record = match base_account.clone() {
                    Some(mut a) => {
                        valid.apply_to(&mut a);
                        a
                    }
                    None => valid.into_new(Utc::now()),
                };
                save.save(base_account, record);
            }
        }
    };

    let l = |k: &'static str| Signal::derive(tr_fn(k));
    view! {
        <form class="card form-grid record-form" on:submit=submit novalidate>
            <ErrorSummary errors=errors.summary()/>
            <fieldset class="form-section">
                <legend>{tr_fn("account.section.identity")}</legend>
                <div class="form-columns">
                    <TextField id="account-name" label=l("account.field.name") value=inputs.name error=err("name") required=true autocomplete="organization"/>
                    <TextField id="account-industry" label=l("account.field.industry") value=inputs.industry/>
                    <SelectField id="account-grade" label=l("account.field.grade") value=inputs.grade
                        options=Signal::derive(select_options(Grade::ALL, Grade::code, Grade::key)) empty_label=l("form.none")
                        hint=l("account.hint.grade")/>
                    <SelectField id="account-lead-source" label=l("account.field.lead_source") value=inputs.lead_source
                        options=Signal::derive(select_options(LeadSource::ALL, LeadSource::code, LeadSource::key)) empty_label=l("form.none")/>
                    <TextField id="account-heard" label=l("account.field.heard_of_us") value=inputs.heard_of_us/>
                    <TextField id="account-owner" label=l("account.field.owner") value=inputs.owner/>
                    <SelectField id="account-language" label=l("account.field.language") value=inputs.language
                        options=Signal::derive(|| crate::i18n::Locale::ALL.iter().map(|l| (l.tag().to_string(), l.native_name().to_string())).collect::<Vec<_>>())
                        empty_label=l("account.language.same") hint=l("account.hint.language")/>
                    <TextField id="account-tags" label=l("account.field.tags") value=inputs.tags hint=l("account.hint.tags")/>
                    <TextField id="account-customer-since" label=l("account.field.customer_since") value=inputs.customer_since
                        input_type="date" error=err("customer_since") hint=l("account.hint.customer_since")
                        warning=crate::ui::form::date_warning(inputs.customer_since.into(), crate::domain::rules::DateWindow::Past)/>
                </div>
            </fieldset>
            <DuplicateNotice found=duplicates base="/accounts"/>
            <fieldset class="form-section">
                <legend>{tr_fn("account.section.contact")}</legend>
                <div class="form-columns">
                    <TextField id="account-phones" label=l("account.field.phones") value=inputs.phones error=err("phones")
                        input_type="tel" hint=l("account.hint.list")/>
                    <TextField id="account-emails" label=l("account.field.emails") value=inputs.emails error=err("emails")
                        input_type="email" hint=l("account.hint.list")/>
                    <TextField id="account-website" label=l("account.field.website") value=inputs.website error=err("website") input_type="url"/>
                    <TextField id="account-street" label=l("account.field.address.street") value=inputs.street/>
                    <TextField id="account-city" label=l("account.field.address.city") value=inputs.city/>
                    <TextField id="account-postal" label=l("account.field.address.postal_code") value=inputs.postal_code/>
                    <TextField id="account-region" label=l("account.field.address.region") value=inputs.region/>
                    <TextField id="account-country" label=l("account.field.address.country") value=inputs.country/>
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{tr_fn("account.section.business")}</legend>
                <div class="form-columns">
                    <TextArea id="account-scope" label=l("account.field.business_scope") value=inputs.business_scope/>
                    <TextField id="account-size" label=l("account.field.size") value=inputs.size/>
                    <TextArea id="account-operating" label=l("account.field.operating_state") value=inputs.operating_state/>
                    <TextArea id="account-financial" label=l("account.field.financial_state") value=inputs.financial_state/>
                    <TextArea id="account-plans" label=l("account.field.purchase_plans") value=inputs.purchase_plans/>
                    <TextArea id="account-problems" label=l("account.field.problems_to_solve") value=inputs.problems_to_solve/>
                    <TextArea id="account-departments" label=l("account.field.department_dynamics") value=inputs.department_dynamics/>
                    <TextArea id="account-notes" label=l("account.field.notes") value=inputs.notes/>
                </div>
            </fieldset>
            <ConflictPanel save on_take_theirs=on_reload/>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || saving.get()>{tr_fn("form.save")}</button>
                <button type="button" on:click=move |_| on_cancel.run(())>{tr_fn("form.cancel")}</button>
            </div>
        </form>
    }
}

/// The tags of an account as one line.
pub fn tags_line(a: &Account) -> String {
    format_tags(&a.tags)
}
