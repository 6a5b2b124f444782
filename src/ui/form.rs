//! Form controls with visible labels, hints and error messages tied to the control
//! (`aria-describedby`, `aria-invalid`), so every field is found by its label and a bad value
//! is named next to it while everything typed stays in place.

use crate::domain::fields::FieldError;
use leptos::prelude::*;

fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut parts = Vec::new();
    if hint {
        parts.push(format!("{id}-hint"));
    }
    if error {
        parts.push(format!("{id}-error"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A labelled single-line input bound to `value`.
#[component]
pub fn TextField(
    /// The element id (unique on the page).
    #[prop(into)]
    id: String,
    /// The visible label (already translated; reactive).
    #[prop(into)]
    label: Signal<String>,
    value: RwSignal<String>,
    /// An error to show under the field (translated), if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    /// A caution that does not block saving ("check the year"), shown under the field.
    #[prop(optional, into)]
    warning: Option<Signal<Option<String>>>,
    /// `text`, `email`, `tel`, `url`, `date`, `time`, `number`, `search`.
    #[prop(default = "text")]
    input_type: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] placeholder: Option<Signal<String>>,
    #[prop(optional, into)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let id2 = id.clone();
    let id3 = id.clone();
    let id4 = id.clone();
    view! {
        <div class="field">
            <div class="label-row">
                <label for=id.clone()>{move || label.get()}</label>
                {required.then(|| view! { <span class="required" aria-hidden="true">"*"</span> })}
            </div>
            <input
                id=id.clone()
                type=input_type
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                required=required
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || described_by(&id2, has_hint, error.get().is_some())
                placeholder=move || placeholder.map(|p| p.get())
                autocomplete=autocomplete
            />
            {hint.map(|h| view! { <p class="hint" id=format!("{id3}-hint")>{move || h.get()}</p> })}
            {warning.map(|w| move || w.get().map(|t| view! {
                <p class="field-warning" role="status">{t}</p>
            }))}
            {move || error.get().map(|e| view! { <p class="field-error" id=format!("{id4}-error")>{e}</p> })}
        </div>
    }
}

/// The caution for a typed date (`YYYY-MM-DD`) far from today (see
/// `domain::rules::date_caution`), in the rep's language; `None` when it looks right.
pub fn date_warning(
    typed: Signal<String>,
    allow: crate::domain::rules::DateWindow,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        let today = chrono::Local::now().date_naive();
        crate::domain::rules::date_caution(&typed.get(), today, allow).map(|c| {
            crate::state::tw(
                c.key(),
                &[("years", &crate::domain::rules::PLAUSIBLE_YEARS.to_string())],
            )
        })
    })
}

/// A labelled multi-line input bound to `value`.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(default = 3)] rows: u32,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let id2 = id.clone();
    let id3 = id.clone();
    let id4 = id.clone();
    view! {
        <div class="field">
            <div class="label-row">
                <label for=id.clone()>{move || label.get()}</label>
                {required.then(|| view! { <span class="required" aria-hidden="true">"*"</span> })}
            </div>
            <textarea
                id=id.clone()
                rows=rows
                required=required
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || described_by(&id2, has_hint, error.get().is_some())
            ></textarea>
            {hint.map(|h| view! { <p class="hint" id=format!("{id3}-hint")>{move || h.get()}</p> })}
            {move || error.get().map(|e| view! { <p class="field-error" id=format!("{id4}-error")>{e}</p> })}
        </div>
    }
}

/// A labelled select bound to `value` (the option code; "" for none).
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    /// `(code, label)` pairs (reactive so labels follow the locale).
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// A first option with value "" and this label (e.g. "— none —").
    #[prop(optional, into)]
    empty_label: Option<Signal<String>>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let id2 = id.clone();
    let id3 = id.clone();
    let id4 = id.clone();
    view! {
        <div class="field">
            <div class="label-row">
                <label for=id.clone()>{move || label.get()}</label>
                {required.then(|| view! { <span class="required" aria-hidden="true">"*"</span> })}
            </div>
            <select
                id=id.clone()
                on:change=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || described_by(&id2, has_hint, error.get().is_some())
                prop:value=move || value.get()
            >
                {empty_label.map(|l| view! { <option value="" selected=move || value.get().is_empty()>{move || l.get()}</option> })}
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(code, text)| {
                            let c = code.clone();
                            view! { <option value=code selected=move || value.get() == c>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
            {hint.map(|h| view! { <p class="hint" id=format!("{id3}-hint")>{move || h.get()}</p> })}
            {move || error.get().map(|e| view! { <p class="field-error" id=format!("{id4}-error")>{e}</p> })}
        </div>
    }
}

/// A labelled checkbox bound to `checked`.
#[component]
pub fn CheckboxField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    checked: RwSignal<bool>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let id3 = id.clone();
    let has_hint = hint.is_some();
    view! {
        <div class="field field-check">
            <input
                id=id.clone()
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |ev| checked.set(event_target_checked(&ev))
                aria-describedby=has_hint.then(|| format!("{id}-hint"))
            />
            <label for=id3.clone()>{move || label.get()}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{id3}-hint")>{move || h.get()}</p> })}
        </div>
    }
}

/// A summary of a form's errors, announced when it appears (role=alert), listing each
/// field by name so a person using a screen reader hears what to fix.
#[component]
pub fn ErrorSummary(#[prop(into)] errors: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div class="notice notice-error" role="alert">
                <p><strong>{move || crate::state::tr("form.fix_errors")}</strong></p>
                <ul>{move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </div>
        </Show>
    }
}

/// The message of a form's field error: `{field}` is the field's label, the error's own
/// placeholders (`{value}`, `{input}`, `{allowed}`) quote what was typed; amounts and
/// whole valid dates among them are written as the language writes money and dates.
pub fn field_error_text(err: &FieldError) -> String {
    use crate::domain::fields::Moment;
    let label = crate::state::tr(err.label_key);
    // Amounts as the language writes money ("€20,999.50", "20.999,50 €").
    let amounts: Vec<(&str, String)> = err
        .amounts
        .iter()
        .map(|(n, m)| (*n, crate::ui::fmt::money(m)))
        .collect();
    // Dates and times as the language writes them ("17 Oct 2026", "17.10.2026").
    let moments: Vec<(&str, String)> = err
        .args
        .iter()
        .filter_map(|(n, v)| {
            let shown = match crate::domain::fields::moment_in(v)? {
                Moment::Date(d) => crate::ui::fmt::date(d),
                Moment::Local(at) => crate::ui::fmt::local_datetime(at),
                Moment::Utc(at) => crate::ui::fmt::datetime(at),
            };
            Some((*n, shown))
        })
        .collect();
    let mut args: Vec<(&str, &str)> = vec![("field", &label)];
    args.extend(err.args.iter().map(|(n, v)| {
        let shown = amounts
            .iter()
            .chain(&moments)
            .find(|(a, _)| a == n)
            .map(|(_, m)| m.as_str());
        (*n, shown.unwrap_or(v.as_str()))
    }));
    crate::state::tw(err.key(), &args)
}

/// Splits a typed list ("a@x.lv, b@y.lv; c@z.lv") into its items, keeping blanks out.
pub fn split_list(s: &str) -> Vec<String> {
    s.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// The value of a multi-valued field, as typed in one input.
pub fn join_list(items: &[String]) -> String {
    items.join(", ")
}

/// The errors of a form: one message per field (shown under it, the field's first error)
/// and the full list (shown in the [`ErrorSummary`]).
#[derive(Clone, Copy)]
pub struct FormErrors {
    by_field: RwSignal<std::collections::HashMap<&'static str, String>>,
    all: RwSignal<Vec<String>>,
    /// Summary lines start with the field's label ("Value: …"), for messages that do not
    /// name their field (one that does is left as it is).
    labelled: bool,
}

impl Default for FormErrors {
    fn default() -> Self {
        Self::new()
    }
}

impl FormErrors {
    pub fn new() -> Self {
        FormErrors {
            by_field: RwSignal::new(Default::default()),
            all: RwSignal::new(Vec::new()),
            labelled: false,
        }
    }

    /// Like [`FormErrors::new`]; the summary names each field by its label ("Value: …").
    pub fn labelled() -> Self {
        FormErrors {
            labelled: true,
            ..Self::new()
        }
    }

    /// Shows `errs` (the errors of one validation, in form order).
    pub fn show(&self, errs: &[FieldError]) {
        let mut map = std::collections::HashMap::new();
        let mut list = Vec::new();
        for e in errs {
            let text = field_error_text(e);
            map.entry(e.field).or_insert_with(|| text.clone());
            let label = crate::state::tr(e.label_key);
            // A message that names its field already is not named twice.
            list.push(if self.labelled && !text.starts_with(label.as_str()) {
                format!("{label}: {text}")
            } else {
                text
            });
        }
        self.by_field.set(map);
        self.all.set(list);
    }

    pub fn clear(&self) {
        self.by_field.set(Default::default());
        self.all.set(Vec::new());
    }

    /// The message for one field (for a control's `error`).
    pub fn field(&self, name: &'static str) -> Signal<Option<String>> {
        let by_field = self.by_field;
        Signal::derive(move || by_field.with(|m| m.get(name).cloned()))
    }

    /// Every message (for [`ErrorSummary`]).
    pub fn summary(&self) -> Signal<Vec<String>> {
        self.all.into()
    }
}

/// The duplicate guard's notice: records that look like the one being typed, each with a
/// link to open it. `found` holds `(id, name, reason key)`; `base` is the records' path
/// ("/accounts").
#[component]
pub fn DuplicateNotice(
    #[prop(into)] found: Signal<Vec<(crate::domain::ids::Id, String, &'static str)>>,
    base: &'static str,
) -> impl IntoView {
    use crate::state::{tr, tw};
    move || {
        let list = found.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="notice notice-warning" role="status">
                    <p>{tr("dedupe.warning")}</p>
                    <ul class="plain-list">
                        {list
                            .into_iter()
                            .map(|(id, name, reason)| {
                                view! {
                                    <li>
                                        <strong>{name.clone()}</strong>
                                        " (" {tr(reason)} ") "
                                        <a
                                            href=crate::ui::link::href(&format!("{base}/{id}"))
                                            aria-label=tw("dedupe.open_named", &[("name", &name)])
                                        >
                                            {tr("dedupe.open")}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// The `(code, label)` options of a keyed enum's select, in the enum's display order, with
/// labels in the current language.
pub fn select_options<T: Copy + Send + Sync + 'static>(
    all: &'static [T],
    code: fn(&T) -> &'static str,
    key: fn(&T) -> &'static str,
) -> impl Fn() -> Vec<(String, String)> + Copy + Send + Sync + 'static {
    move || {
        all.iter()
            .map(|x| (code(x).to_string(), crate::state::tr(key(x))))
            .collect()
    }
}
