//! The person form (create and edit): contact data, the three buying-centre dimensions, the
//! guide flag and personal facts; field errors keep what was typed; duplicate guard.

use crate::domain::contact::{
    BuyingFunction, BuyingLevel, BuyingRole, Contact, ContactDraft, PersonLink,
};
use crate::domain::dedupe::find_contact_duplicates;
use crate::domain::ids::Id;
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;
use crate::state::data::use_data;
use crate::state::record_save::RecordSave;
use crate::state::toasts::use_toasts;
use crate::state::tr;
use crate::state::tr_fn;
use crate::ui::conflict::{reloadable, ConflictPanel};
use crate::ui::form::{
    join_list, split_list, CheckboxField, DuplicateNotice, ErrorSummary, FormErrors, SelectField,
    TextArea, TextField,
};
use chrono::Utc;
use leptos::prelude::*;

fn links_text(links: &[PersonLink]) -> String {
    links
        .iter()
        .map(|l| l.name.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Names typed for friends or rivals, linked to people of the same account where the name
/// matches one.
fn parse_links(text: &str, people: &[(Id, String)]) -> Vec<PersonLink> {
    split_list(text)
        .into_iter()
        .map(|name| {
            let f = fold(&name);
            PersonLink {
                contact_id: people.iter().find(|(_, n)| fold(n) == f).map(|(id, _)| *id),
                name,
            }
        })
        .collect()
}

#[component]
pub fn ContactForm(
    contact: Option<Contact>,
    /// The account a new person belongs to (None: the form offers a choice).
    #[prop(optional)]
    account_id: Option<Id>,
    #[prop(into)] on_saved: Callback<Contact>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    reloadable(contact, move |contact, on_reload| {
        view! { <ContactFormBody contact account_id on_saved on_cancel on_reload/> }
    })
}

#[component]
fn ContactFormBody(
    contact: Option<Contact>,
    account_id: Option<Id>,
    on_saved: Callback<Contact>,
    on_cancel: Callback<()>,
    /// Shows the form again with another version (after "Take theirs").
    on_reload: Callback<Contact>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let d = contact
        .as_ref()
        .map(ContactDraft::from_contact)
        .unwrap_or_else(|| ContactDraft {
            account_id,
            ..Default::default()
        });
    let s = |v: &str| RwSignal::new(v.to_string());
    let account = s(&d.account_id.map(|i| i.to_string()).unwrap_or_default());
    let name = s(&d.name);
    let title = s(&d.title);
    let phones = s(&join_list(&d.phones));
    let emails = s(&join_list(&d.emails));
    let level = s(d.level.map_or("", |x| x.code()));
    let function = s(d.function.map_or("", |x| x.code()));
    let roles: Vec<(BuyingRole, RwSignal<bool>)> = BuyingRole::ALL
        .iter()
        .map(|r| (*r, RwSignal::new(d.roles.contains(r))))
        .collect();
    let is_guide = RwSignal::new(d.is_guide);
    let family = s(&d.family);
    let home_town = s(&d.home_town);
    let school = s(&d.school);
    let field_of_study = s(&d.field_of_study);
    let sports = s(&d.sports);
    let food = s(&d.food);
    let reading = s(&d.reading);
    let holiday_plans = s(&d.holiday_plans);
    let holiday_routes = s(&d.holiday_routes);
    let friends = s(&links_text(&d.friends));
    let rivals = s(&links_text(&d.rivals));
    let last_met = s(&d.last_met);
    let choice_criteria = s(&d.choice_criteria);
    let notes = s(&d.notes);

    let errors = FormErrors::new();
    let save = RecordSave::new(data, toasts, on_saved);
    let saving = save.busy;
    let base = StoredValue::new(contact.clone());
    let editing_id = contact.as_ref().map(|c| c.id);
    let err = move |f: &'static str| errors.field(f);
    let roles_store = StoredValue::new(roles.clone());

    let duplicates = Memo::new(move |_| {
        let n = name.get();
        let e = split_list(&emails.get());
        let p = split_list(&phones.get());
        if n.trim().len() < 2 && e.is_empty() && p.is_empty() {
            return Vec::new();
        }
        let acc = account.get().parse::<Id>().ok();
        // Membership is tracked: a name typed while the book is still loading is checked
        // again once the people arrive.
        data.contacts.len();
        data.contacts.with_all_untracked(|m| {
            let others = m.values().filter(|c| Some(c.id) != editing_id);
            find_contact_duplicates(acc, &n, &e, &p, others)
                .into_iter()
                .filter_map(|d| m.get(&d.id).map(|c| (c.id, c.name.clone(), d.reason.key())))
                .collect::<Vec<_>>()
        })
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let g = |s: RwSignal<String>| s.get_untracked();
        let acc_id = g(account).parse::<Id>().ok();
        let people: Vec<(Id, String)> = data.contacts.with_all_untracked(|m| {
            m.values()
                .filter(|c| Some(c.account_id) == acc_id && Some(c.id) != editing_id)
                .map(|c| (c.id, c.name.clone()))
                .collect()
        });
        let draft = ContactDraft {
            account_id: acc_id,
            name: g(name),
            title: g(title),
            phones: split_list(&g(phones)),
            emails: split_list(&g(emails)),
            level: BuyingLevel::from_code(&g(level)),
            function: BuyingFunction::from_code(&g(function)),
            roles: roles_store
                .get_value()
                .iter()
                .filter(|(_, on)| on.get_untracked())
                .map(|(r, _)| *r)
                .collect(),
            is_guide: is_guide.get_untracked(),
            family: g(family),
            home_town: g(home_town),
            school: g(school),
            field_of_study: g(field_of_study),
            sports: g(sports),
            food: g(food),
            reading: g(reading),
            holiday_plans: g(holiday_plans),
            holiday_routes: g(holiday_routes),
            friends: parse_links(&g(friends), &people),
            rivals: parse_links(&g(rivals), &people),
            last_met: g(last_met),
            choice_criteria: g(choice_criteria),
            notes: g(notes),
        };
        match draft.validate() {
            Err(errs) => {
                errors.show(&errs);
            }
            Ok(valid) => {
                errors.clear();
                let now = Utc::now();
                let record = match base.get_value() {
                    Some(mut c) => {
                        valid.apply_to(&mut c, now);
                        c
                    }
                    None => valid.into_new(now),
                };
                save.save(base.get_value(), record);
            }
        }
    };

    let l = |k: &'static str| Signal::derive(tr_fn(k));
    let opts = |all: &'static [(&'static str, &'static str)]| {
        Signal::derive(move || {
            all.iter()
                .map(|(c, k)| (c.to_string(), tr(k)))
                .collect::<Vec<_>>()
        })
    };
    let level_opts: Signal<Vec<(String, String)>> = Signal::derive(|| {
        BuyingLevel::ALL
            .iter()
            .map(|x| (x.code().to_string(), tr(x.key())))
            .collect()
    });
    let function_opts: Signal<Vec<(String, String)>> = Signal::derive(|| {
        BuyingFunction::ALL
            .iter()
            .map(|x| (x.code().to_string(), tr(x.key())))
            .collect()
    });
    let _ = opts;
    let account_opts: Signal<Vec<(String, String)>> = Signal::derive(move || {
        data.accounts.with_all(|m| {
            let mut v: Vec<(String, String)> = m
                .values()
                .filter(|a| !a.archived)
                .map(|a| (a.id.to_string(), a.name.clone()))
                .collect();
            v.sort_on_cached(|(_, n)| fold(n));
            v
        })
    });
    let show_account = account_id.is_none();
    view! {
        <form class="form-grid record-form" on:submit=submit novalidate>
            <ErrorSummary errors=errors.summary()/>
            <fieldset class="form-section">
                <legend>{tr_fn("contact.section.person")}</legend>
                <div class="form-columns">
                    {show_account.then(|| view! {
                        <SelectField id="contact-account" label=l("contact.field.account_id") value=account
                            options=account_opts empty_label=l("form.none") error=err("account_id") required=true/>
                    })}
                    <TextField id="contact-name" label=l("contact.field.name") value=name error=err("name") required=true autocomplete="off"/>
                    <TextField id="contact-title" label=l("contact.field.title") value=title/>
                    <TextField id="contact-phones" label=l("contact.field.phones") value=phones error=err("phones") input_type="tel" hint=l("account.hint.list")/>
                    <TextField id="contact-emails" label=l("contact.field.emails") value=emails error=err("emails") input_type="email" hint=l("account.hint.list")/>
                    <TextField id="contact-last-met" label=l("contact.field.last_met") value=last_met error=err("last_met") input_type="date"/>
                </div>
            </fieldset>
            <DuplicateNotice found=duplicates base="/contacts"/>
            <fieldset class="form-section">
                <legend>{tr_fn("contact.section.buying_centre")}</legend>
                <div class="form-columns">
                    <SelectField id="contact-level" label=l("contact.field.level") value=level options=level_opts empty_label=l("form.none") hint=l("contact.hint.level")/>
                    <SelectField id="contact-function" label=l("contact.field.function") value=function options=function_opts empty_label=l("form.none")/>
                </div>
                <fieldset class="choice">
                    <legend>{tr_fn("contact.field.roles")}</legend>
                    <div class="check-row">
                        {roles.iter().map(|(r, on)| {
                            let r = *r;
                            view! { <CheckboxField id=format!("contact-role-{}", r.code()) label=Signal::derive(tr_fn(r.key())) checked=*on/> }
                        }).collect_view()}
                    </div>
                </fieldset>
                <CheckboxField id="contact-guide" label=l("contact.field.is_guide") checked=is_guide hint=l("contact.hint.guide")/>
            </fieldset>
            <details class="form-section">
                <summary>{tr_fn("contact.section.personal")}</summary>
                <div class="form-columns">
                    <TextField id="contact-family" label=l("contact.field.family") value=family/>
                    <TextField id="contact-home-town" label=l("contact.field.home_town") value=home_town/>
                    <TextField id="contact-school" label=l("contact.field.school") value=school/>
                    <TextField id="contact-field" label=l("contact.field.field_of_study") value=field_of_study/>
                    <TextField id="contact-sports" label=l("contact.field.sports") value=sports/>
                    <TextField id="contact-food" label=l("contact.field.food") value=food/>
                    <TextField id="contact-reading" label=l("contact.field.reading") value=reading/>
                    <TextField id="contact-holiday-plans" label=l("contact.field.holiday_plans") value=holiday_plans/>
                    <TextField id="contact-holiday-routes" label=l("contact.field.holiday_routes") value=holiday_routes/>
                    <TextField id="contact-friends" label=l("contact.field.friends") value=friends hint=l("contact.hint.links")/>
                    <TextField id="contact-rivals" label=l("contact.field.rivals") value=rivals hint=l("contact.hint.links")/>
                    <TextArea id="contact-criteria" label=l("contact.field.choice_criteria") value=choice_criteria/>
                    <TextArea id="contact-notes" label=l("contact.field.notes") value=notes/>
                </div>
            </details>
            <ConflictPanel save on_take_theirs=on_reload/>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || saving.get()>{tr_fn("form.save")}</button>
                <button type="button" on:click=move |_| on_cancel.run(())>{tr_fn("form.cancel")}</button>
            </div>
        </form>
    }
}
