//! The negotiation plan: our team, the issues and our positions, our alternative; the
//! plan's line on the deal page. The formatting helpers here (issue names, positions,
//! money in the negotiation's currency) serve the trades and the brief too.

use super::*;
use crate::domain::money::{Currency, Money};
use crate::domain::negotiation::plan::{
    self as rules, AlternativeDraft, Direction, IssueDraft, MemberDraft, RemoveRefusal,
};
use crate::domain::negotiation::{Issue, IssueKind, Negotiation, Position, TeamMember, TeamRole};
use crate::i18n::Locale;
use crate::state::actions::negotiation::{self as actions, plan as act, Save};
use crate::state::data::AppData;
use crate::state::prefs::locale;
use crate::state::tc;
use crate::state::toasts::{use_toasts, ToastKind, Toasts};
use crate::state::tr_fn;
use crate::ui::fmt;
use crate::ui::form::{ErrorSummary, FormErrors, SelectField, TextArea, TextField};

// -------------------------------------------------------------------------------------------
// Shared by the plan, the trades and the brief
// -------------------------------------------------------------------------------------------

/// The deal's negotiation, tracked (`None` until the rep writes any of it).
pub(super) fn negotiation_of(data: AppData, deal_id: Id) -> Memo<Option<Negotiation>> {
    Memo::new(move |_| actions::of_deal(data, deal_id))
}

/// The currency of the deal's negotiation: the record's, else the deal's (tracked).
pub(super) fn currency_of(data: AppData, deal_id: Id, n: Memo<Option<Negotiation>>) -> Currency {
    n.with(|n| n.as_ref().map(|n| n.currency.clone()))
        .or_else(|| data.deals.get(deal_id).map(|d| d.value.currency))
        .unwrap_or_default()
}

/// The issue's name: the rep's label, else its kind.
pub(super) fn issue_name(i: &Issue) -> String {
    if i.label.trim().is_empty() {
        tr(i.kind.key())
    } else {
        i.label.clone()
    }
}

/// A position as the locale writes numbers ("120,000", "12.5", "12,5").
pub(super) fn number_text(p: Position) -> String {
    let plain = p.to_input();
    let (int, frac) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
    let mut s = fmt::number(int.parse().unwrap_or(0));
    if !frac.is_empty() {
        s.push(if locale() == Locale::Es { ',' } else { '.' });
        s.push_str(frac);
    }
    s
}

/// A position with its unit ("45 days"); one in the negotiation's `currency` as money
/// ("€12,500.00"), as every amount is written.
pub(super) fn position_text(p: Position, unit: &str, currency: &Currency) -> String {
    let unit = unit.trim();
    let money = p
        .in_minor_units(currency.exponent())
        .filter(|_| unit.eq_ignore_ascii_case(currency.code()));
    match money {
        Some(minor) => money_text(minor, currency),
        None if unit.is_empty() => number_text(p),
        None => format!("{} {unit}", number_text(p)),
    }
}

/// An amount in minor units of `currency`, the locale's way.
pub(super) fn money_text(minor: i64, currency: &Currency) -> String {
    fmt::money(&Money::new(minor, currency.clone()))
}

/// "€40 per day", or that the issue has no money value.
pub(super) fn per_unit_text(i: &Issue, currency: &Currency) -> String {
    match i.value_per_unit {
        Some(v) if i.unit.trim().is_empty() => tw(
            "negotiation.plan.issues.per_unit_plain",
            &[("value", &money_text(v, currency))],
        ),
        Some(v) => tw(
            "negotiation.plan.issues.per_unit",
            &[("value", &money_text(v, currency)), ("unit", i.unit.trim())],
        ),
        None => tr("negotiation.plan.issues.no_value"),
    }
}

/// A member's roles in words.
pub(super) fn roles_text(m: &TeamMember) -> String {
    if m.roles.is_empty() {
        return tr("negotiation.plan.team.no_roles");
    }
    m.roles
        .iter()
        .map(|r| tr(r.key()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs a save; `done` with the saved record, or the store's error in a toast.
fn run(toasts: Toasts, save: Save, done: impl FnOnce(Negotiation) + 'static) {
    crate::state::data::spawn_save(toasts, save, done);
}

// -------------------------------------------------------------------------------------------
// The section
// -------------------------------------------------------------------------------------------

#[component]
pub(super) fn PlanSection(deal_id: Id) -> impl IntoView {
    let data = use_data();
    let n = negotiation_of(data, deal_id);
    view! {
        <section class="card plan" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{tr_fn("negotiation.plan.title")}</h2>
            <p class="hint">{tr_fn("negotiation.plan.intro")}</p>
            <Team deal_id=deal_id n=n/>
            <Issues deal_id=deal_id n=n/>
            <AlternativeForm deal_id=deal_id n=n/>
        </section>
    }
}

// -------------------------------------------------------------------------------------------
// The team
// -------------------------------------------------------------------------------------------

#[component]
fn Team(deal_id: Id, n: Memo<Option<Negotiation>>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let editing = RwSignal::new(None::<Id>);
    let team =
        Memo::new(move |_| n.with(|n| n.as_ref().map(|n| n.plan.team.clone()).unwrap_or_default()));
    let no_authority = Memo::new(move |_| {
        team.with(|t| {
            !t.is_empty()
                && !t
                    .iter()
                    .any(|m| m.roles.contains(&TeamRole::PriceAuthority))
        })
    });
    let remove = move |m: TeamMember| {
        let Some((save, at, gone)) = act::remove_member(data, deal_id, m.id) else {
            return;
        };
        run(toasts, save, move |_| {
            toasts.push_with_action(
                ToastKind::Success,
                tw("negotiation.plan.team.removed", &[("name", &gone.name)]),
                tr("negotiation.plan.undo"),
                move || {
                    if let Some(save) = act::restore_member(data, deal_id, at, gone.clone()) {
                        run(toasts, save, |_| {});
                    }
                },
            );
        });
    };
    view! {
        <section class="subsection" aria-labelledby="plan-team-heading">
            <h3 id="plan-team-heading">{tr_fn("negotiation.plan.team.title")}</h3>
            <Show when=move || no_authority.get()>
                <p class="notice notice-warning" role="status">{tr_fn("negotiation.plan.team.no_price_authority")}</p>
            </Show>
            {move || {
                let list = team.get();
                if list.is_empty() {
                    return view! { <p class="hint">{tr("negotiation.plan.team.none")}</p> }.into_any();
                }
                view! {
                    <ul class="plain-list team-list">
                        {list
                            .into_iter()
                            .map(|m| {
                                let id = m.id;
                                let name = m.name.clone();
                                let m2 = m.clone();
                                let m3 = m.clone();
                                view! {
                                    <li class="team-member">
                                        <Show
                                            when=move || editing.get() == Some(id)
                                            fallback=move || {
                                                let m = m2.clone();
                                                let name = name.clone();
                                                view! {
                                                    <span class="member-name">{m.name.clone()}</span>
                                                    <span class="hint">{roles_text(&m)}</span>
                                                    <span class="actions">
                                                        <button
                                                            type="button"
                                                            class="small"
                                                            aria-label=tw("negotiation.plan.team.edit", &[("name", &name)])
                                                            on:click=move |_| editing.set(Some(id))
                                                        >
                                                            {tr("negotiation.plan.edit")}
                                                        </button>
                                                        <button
                                                            type="button"
                                                            class="small"
                                                            aria-label=tw("negotiation.plan.team.remove", &[("name", &name)])
                                                            on:click={
                                                                let m = m.clone();
                                                                move |_| remove(m.clone())
                                                            }
                                                        >
                                                            {tr("negotiation.plan.remove")}
                                                        </button>
                                                    </span>
                                                }
                                            }
                                        >
                                            <MemberForm
                                                deal_id=deal_id
                                                member=Some(m3.clone())
                                                on_close=Callback::new(move |_| editing.set(None))
                                            />
                                        </Show>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <MemberForm deal_id=deal_id member=None/>
        </section>
    }
}

/// Adds a member (`member` is `None`) or edits one in place.
#[component]
fn MemberForm(
    deal_id: Id,
    member: Option<TeamMember>,
    #[prop(optional)] on_close: Option<Callback<()>>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let editing = member.as_ref().map(|m| m.id);
    let draft = member
        .as_ref()
        .map(MemberDraft::from_member)
        .unwrap_or_default();
    let name = RwSignal::new(draft.name);
    let roles = RwSignal::new(draft.roles);
    let errors = FormErrors::new();
    let prefix = match editing {
        Some(id) => format!("plan-member-{id}"),
        None => "plan-member-new".to_string(),
    };
    let title = match &member {
        Some(m) => tw("negotiation.plan.team.edit_title", &[("name", &m.name)]),
        None => tr("negotiation.plan.team.add_title"),
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = MemberDraft {
            name: name.get_untracked(),
            roles: roles.get_untracked(),
        };
        let result = match editing {
            Some(id) => act::update_member(data, deal_id, id, &d),
            None => act::add_member(data, deal_id, &d),
        };
        match result {
            Err(errs) => errors.show(&errs),
            Ok(None) => {}
            Ok(Some(save)) => {
                errors.clear();
                run(toasts, save, move |_| match on_close {
                    Some(close) => close.run(()),
                    None => {
                        name.set(String::new());
                        roles.set(Vec::new());
                    }
                });
            }
        }
    };
    let legend_id = format!("{prefix}-roles");
    let legend_ref = legend_id.clone();
    let title_label = title.clone();
    view! {
        <form class="form-grid member-form" novalidate=true on:submit=on_submit aria-label=title_label>
            <h4>{title}</h4>
            <ErrorSummary errors=errors.summary()/>
            <div class="form-cols">
                <TextField
                    id=format!("{prefix}-name")
                    label=Signal::derive(tr_fn("negotiation.plan.field.member_name"))
                    value=name
                    required=true
                    error=errors.field("member_name")
                />
                <fieldset class="id-choices" aria-labelledby=legend_ref>
                    <legend id=legend_id>{tr_fn("negotiation.plan.field.roles")}</legend>
                    {TeamRole::ALL
                        .iter()
                        .map(|r| {
                            let r = *r;
                            let fid = format!("{prefix}-role-{}", r.code());
                            view! {
                                <div class="field-check">
                                    <input
                                        type="checkbox"
                                        id=fid.clone()
                                        prop:checked=move || roles.with(|x| x.contains(&r))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            roles.update(|x| {
                                                x.retain(|y| *y != r);
                                                if on {
                                                    x.push(r);
                                                }
                                            });
                                        }
                                    />
                                    <label for=fid>{tr_fn(r.key())}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
            </div>
            <div class="actions">
                <button type="submit" class="primary">
                    {move || tr(if editing.is_some() { "negotiation.plan.team.save" } else { "negotiation.plan.team.add" })}
                </button>
                {on_close.map(|close| view! {
                    <button type="button" on:click=move |_| close.run(())>{tr_fn("negotiation.plan.cancel")}</button>
                })}
            </div>
        </form>
    }
}

// -------------------------------------------------------------------------------------------
// The issues
// -------------------------------------------------------------------------------------------

#[component]
fn Issues(deal_id: Id, n: Memo<Option<Negotiation>>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let editing = RwSignal::new(None::<Id>);
    let issues = Memo::new(move |_| {
        n.with(|n| {
            n.as_ref()
                .map(|n| n.plan.issues.clone())
                .unwrap_or_default()
        })
    });
    let currency = Memo::new(move |_| currency_of(data, deal_id, n));
    let remove = move |i: Issue| {
        let name = issue_name(&i);
        match act::remove_issue(data, deal_id, i.id) {
            Err(RemoveRefusal::InUse(u)) => {
                let mut uses = Vec::new();
                for (key, count) in [
                    ("negotiation.plan.uses.rounds", u.rounds),
                    ("negotiation.plan.uses.terms", u.terms),
                    ("negotiation.plan.uses.deadlocks", u.deadlocks),
                ] {
                    if count > 0 {
                        uses.push(tc(key, count, &[]));
                    }
                }
                toasts.push(
                    ToastKind::Error,
                    tw(
                        "negotiation.plan.issues.in_use",
                        &[("issue", &name), ("uses", &uses.join(", "))],
                    ),
                );
            }
            Err(RemoveRefusal::Gone) => {
                toasts.push(ToastKind::Error, tr("negotiation.plan.issues.gone"))
            }
            Ok(None) => {}
            Ok(Some((save, at, gone))) => run(toasts, save, move |_| {
                toasts.push_with_action(
                    ToastKind::Success,
                    tw("negotiation.plan.issues.removed", &[("issue", &name)]),
                    tr("negotiation.plan.undo"),
                    move || {
                        if let Some(save) = act::restore_issue(data, deal_id, at, gone.clone()) {
                            run(toasts, save, |_| {});
                        }
                    },
                );
            }),
        }
    };
    view! {
        <section class="subsection" aria-labelledby="plan-issues-heading">
            <h3 id="plan-issues-heading">{tr_fn("negotiation.plan.issues.title")}</h3>
            {move || {
                let list = issues.get();
                if list.is_empty() {
                    return view! { <p class="hint">{tr("negotiation.plan.issues.none")}</p> }.into_any();
                }
                view! {
                    <ul class="plain-list issue-cards">
                        {list
                            .into_iter()
                            .map(|i| {
                                let id = i.id;
                                let i2 = i.clone();
                                view! {
                                    <li class="issue-card">
                                        <Show
                                            when=move || editing.get() == Some(id)
                                            fallback=move || {
                                                let i = i2.clone();
                                                view! {
                                                    <IssueCard
                                                        issue=i.clone()
                                                        currency=currency.get()
                                                        on_edit=Callback::new(move |_| editing.set(Some(id)))
                                                        on_remove=Callback::new({
                                                            let i = i.clone();
                                                            move |_| remove(i.clone())
                                                        })
                                                    />
                                                }
                                            }
                                        >
                                            <IssueForm
                                                deal_id=deal_id
                                                currency=currency
                                                issue=Some(i.clone())
                                                on_close=Callback::new(move |_| editing.set(None))
                                            />
                                        </Show>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <IssueForm deal_id=deal_id currency=currency issue=None/>
        </section>
    }
}

/// One issue with our positions, its value and importances, and its buttons.
#[component]
fn IssueCard(
    issue: Issue,
    currency: Currency,
    on_edit: Callback<()>,
    on_remove: Callback<()>,
) -> impl IntoView {
    let name = issue_name(&issue);
    let hid = format!("issue-{}", issue.id);
    let hid_ref = hid.clone();
    let direction = match issue.direction() {
        Direction::Higher => "negotiation.plan.issues.direction.higher",
        Direction::Lower => "negotiation.plan.issues.direction.lower",
        Direction::Fixed => "negotiation.plan.issues.direction.fixed",
    };
    let unit = issue.unit.clone();
    let fact = |label: &'static str, value: String| {
        view! {
            <div>
                <dt>{tr(label)}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    view! {
        <article aria-labelledby=hid_ref>
            <h4 id=hid>{name.clone()}</h4>
            {(!issue.label.trim().is_empty()).then(|| view! { <p class="hint">{tr(issue.kind.key())}</p> })}
            <dl class="issue-facts">
                {fact("negotiation.plan.field.opening", position_text(issue.opening, &unit, &currency))}
                {fact("negotiation.plan.field.target", position_text(issue.target, &unit, &currency))}
                {fact("negotiation.plan.field.bottom", position_text(issue.bottom, &unit, &currency))}
                {fact("negotiation.plan.field.value_per_unit", per_unit_text(&issue, &currency))}
                {fact(
                    "negotiation.brief.col.importance",
                    tw(
                        "negotiation.plan.issues.importance",
                        &[("us", &issue.importance_us.to_string()), ("them", &issue.importance_them.to_string())],
                    ),
                )}
            </dl>
            <p class="hint">{tr(direction)}</p>
            {(!issue.notes.is_empty()).then(|| view! { <p class="issue-notes">{issue.notes.clone()}</p> })}
            <div class="actions">
                <button
                    type="button"
                    class="small"
                    aria-label=tw("negotiation.plan.issues.edit", &[("issue", &name)])
                    on:click=move |_| on_edit.run(())
                >
                    {tr("negotiation.plan.edit")}
                </button>
                <button
                    type="button"
                    class="small"
                    aria-label=tw("negotiation.plan.issues.remove", &[("issue", &name)])
                    on:click=move |_| on_remove.run(())
                >
                    {tr("negotiation.plan.remove")}
                </button>
            </div>
        </article>
    }
}

/// The unit an issue of `kind` usually has, filled in when the kind is chosen.
fn default_unit(kind: IssueKind, currency: &Currency) -> String {
    match kind {
        IssueKind::Price => currency.code().to_string(),
        IssueKind::Payment | IssueKind::Delivery => tr("negotiation.plan.unit.days"),
        IssueKind::ServicePeriod => tr("negotiation.plan.unit.months"),
        IssueKind::Compensation => "%".to_string(),
        _ => String::new(),
    }
}

/// Plans an issue (`issue` is `None`) or edits one in place.
#[component]
fn IssueForm(
    deal_id: Id,
    currency: Memo<Currency>,
    issue: Option<Issue>,
    #[prop(optional)] on_close: Option<Callback<()>>,
) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let editing = issue.as_ref().map(|i| i.id);
    let draft = match &issue {
        Some(i) => IssueDraft::from_issue(i, &currency.get_untracked()),
        None => IssueDraft {
            unit: default_unit(IssueKind::Price, &currency.get_untracked()),
            ..IssueDraft::default()
        },
    };
    let kind = RwSignal::new(draft.kind.code().to_string());
    let label = RwSignal::new(draft.label);
    let unit = RwSignal::new(draft.unit);
    let opening = RwSignal::new(draft.opening);
    let target = RwSignal::new(draft.target);
    let bottom = RwSignal::new(draft.bottom);
    let per_unit = RwSignal::new(draft.value_per_unit);
    let us = RwSignal::new(draft.importance_us);
    let them = RwSignal::new(draft.importance_them);
    let notes = RwSignal::new(draft.notes);
    let errors = FormErrors::new();
    let kind_of = |code: &str| IssueKind::from_code(code).unwrap_or(IssueKind::Price);
    // Choosing another kind fills in its usual unit, unless the rep typed their own.
    Effect::new(move |prev: Option<String>| {
        let now = kind.get();
        if let Some(prev) = prev.filter(|p| *p != now) {
            let c = currency.get_untracked();
            let typed = unit.get_untracked();
            if typed.trim().is_empty() || typed == default_unit(kind_of(&prev), &c) {
                unit.set(default_unit(kind_of(&now), &c));
            }
        }
        now
    });
    let prefix = match editing {
        Some(id) => format!("plan-issue-{id}"),
        None => "plan-issue-new".to_string(),
    };
    let title = match &issue {
        Some(i) => tw(
            "negotiation.plan.issues.edit_title",
            &[("issue", &issue_name(i))],
        ),
        None => tr("negotiation.plan.issues.add_title"),
    };
    let kind_options = Signal::derive(|| {
        IssueKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), tr(k.key())))
            .collect::<Vec<_>>()
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = IssueDraft {
            kind: kind_of(&kind.get_untracked()),
            label: label.get_untracked(),
            unit: unit.get_untracked(),
            opening: opening.get_untracked(),
            target: target.get_untracked(),
            bottom: bottom.get_untracked(),
            value_per_unit: per_unit.get_untracked(),
            importance_us: us.get_untracked(),
            importance_them: them.get_untracked(),
            notes: notes.get_untracked(),
        };
        let result = match editing {
            Some(id) => act::update_issue(data, deal_id, id, &d),
            None => act::add_issue(data, deal_id, &d),
        };
        match result {
            Err(errs) => errors.show(&errs),
            Ok(None) => {}
            Ok(Some(save)) => {
                errors.clear();
                run(toasts, save, move |_| match on_close {
                    Some(close) => close.run(()),
                    None => {
                        kind.set(IssueKind::Price.code().to_string());
                        label.set(String::new());
                        unit.set(default_unit(IssueKind::Price, &currency.get_untracked()));
                        for s in [opening, target, bottom, per_unit, notes] {
                            s.set(String::new());
                        }
                        us.set("3".into());
                        them.set("3".into());
                    }
                });
            }
        }
    };
    let id = move |f: &str| format!("{prefix}-{f}");
    let title_label = title.clone();
    let value_hint = Signal::derive(move || {
        tw(
            "negotiation.plan.field.value_per_unit_hint",
            &[("currency", currency.get().code())],
        )
    });
    view! {
        <form class="form-grid issue-form" novalidate=true on:submit=on_submit aria-label=title_label>
            <h4>{title}</h4>
            <ErrorSummary errors=errors.summary()/>
            <div class="form-cols">
                <SelectField
                    id=id("kind")
                    label=Signal::derive(tr_fn("negotiation.plan.field.kind"))
                    value=kind
                    options=kind_options
                />
                <TextField
                    id=id("label")
                    label=Signal::derive(tr_fn("negotiation.plan.field.label"))
                    value=label
                    hint=Signal::derive(tr_fn("negotiation.plan.field.label_hint"))
                    error=errors.field("label")
                />
                <TextField
                    id=id("unit")
                    label=Signal::derive(tr_fn("negotiation.plan.field.unit"))
                    value=unit
                    hint=Signal::derive(tr_fn("negotiation.plan.field.unit_hint"))
                    error=errors.field("unit")
                />
            </div>
            <div class="form-cols">
                <TextField
                    id=id("opening")
                    label=Signal::derive(tr_fn("negotiation.plan.field.opening"))
                    value=opening
                    required=true
                    hint=Signal::derive(tr_fn("negotiation.plan.field.opening_hint"))
                    error=errors.field("opening")
                />
                <TextField
                    id=id("target")
                    label=Signal::derive(tr_fn("negotiation.plan.field.target"))
                    value=target
                    required=true
                    hint=Signal::derive(tr_fn("negotiation.plan.field.target_hint"))
                    error=errors.field("target")
                />
                <TextField
                    id=id("bottom")
                    label=Signal::derive(tr_fn("negotiation.plan.field.bottom"))
                    value=bottom
                    required=true
                    hint=Signal::derive(tr_fn("negotiation.plan.field.bottom_hint"))
                    error=errors.field("bottom")
                />
            </div>
            <div class="form-cols">
                <TextField
                    id=id("value")
                    label=Signal::derive(tr_fn("negotiation.plan.field.value_per_unit"))
                    value=per_unit
                    hint=value_hint
                    error=errors.field("value_per_unit")
                />
                <TextField
                    id=id("us")
                    label=Signal::derive(tr_fn("negotiation.plan.field.importance_us"))
                    value=us
                    required=true
                    error=errors.field("importance_us")
                />
                <TextField
                    id=id("them")
                    label=Signal::derive(tr_fn("negotiation.plan.field.importance_them"))
                    value=them
                    required=true
                    error=errors.field("importance_them")
                />
            </div>
            <TextArea
                id=id("notes")
                label=Signal::derive(tr_fn("negotiation.plan.field.notes"))
                value=notes
                rows=2
                error=errors.field("notes")
            />
            <div class="actions">
                <button type="submit" class="primary">
                    {move || tr(if editing.is_some() { "negotiation.plan.issues.save" } else { "negotiation.plan.issues.add" })}
                </button>
                {on_close.map(|close| view! {
                    <button type="button" on:click=move |_| close.run(())>{tr_fn("negotiation.plan.cancel")}</button>
                })}
            </div>
        </form>
    }
}

// -------------------------------------------------------------------------------------------
// Our alternative
// -------------------------------------------------------------------------------------------

#[component]
fn AlternativeForm(deal_id: Id, n: Memo<Option<Negotiation>>) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let currency = Memo::new(move |_| currency_of(data, deal_id, n));
    let draft = n
        .get_untracked()
        .map(|n| AlternativeDraft::from_alternative(&n.plan.alternative, &n.currency))
        .unwrap_or_default();
    let text = RwSignal::new(draft.text);
    let value = RwSignal::new(draft.value);
    let errors = FormErrors::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = AlternativeDraft {
            text: text.get_untracked(),
            value: value.get_untracked(),
        };
        match act::set_alternative(data, deal_id, &d) {
            Err(errs) => errors.show(&errs),
            Ok(None) => {}
            Ok(Some(save)) => {
                errors.clear();
                run(toasts, save, move |_| {
                    toasts.push(ToastKind::Success, tr("negotiation.plan.alternative.saved"));
                });
            }
        }
    };
    view! {
        <section class="subsection" aria-labelledby="plan-alternative-heading">
            <h3 id="plan-alternative-heading">{tr_fn("negotiation.plan.alternative.title")}</h3>
            <p class="hint">{tr_fn("negotiation.plan.alternative.hint")}</p>
            <form class="form-grid" on:submit=on_submit>
                <ErrorSummary errors=errors.summary()/>
                <TextArea
                    id="plan-alternative"
                    label=Signal::derive(tr_fn("negotiation.plan.field.alternative"))
                    value=text
                    rows=2
                    error=errors.field("alternative")
                />
                <TextField
                    id="plan-alternative-value"
                    label=Signal::derive(tr_fn("negotiation.plan.field.alternative_value"))
                    value=value
                    hint=Signal::derive(move || tw(
                        "negotiation.plan.field.alternative_value_hint",
                        &[("currency", currency.get().code())],
                    ))
                    error=errors.field("alternative_value")
                />
                <div class="actions">
                    <button type="submit" class="primary">{tr_fn("negotiation.plan.alternative.save")}</button>
                </div>
            </form>
        </section>
    }
}

// -------------------------------------------------------------------------------------------
// The deal page's line
// -------------------------------------------------------------------------------------------

/// The plan in one line ("3 issues · team of 2 · walk-away set on all issues"), or what is
/// missing; a warning when no one on the team is the price authority.
#[component]
pub(super) fn Summary(deal_id: Id) -> impl IntoView {
    let data = use_data();
    let n = negotiation_of(data, deal_id);
    let summary = Memo::new(move |_| n.with(|n| n.as_ref().map(|n| rules::summary(&n.plan))));
    move || {
        let Some(s) = summary.get() else {
            return view! { <p class="plan-summary">{tr("negotiation.plan.summary.none")}</p> }
                .into_any();
        };
        let mut parts = Vec::new();
        parts.push(if s.issues == 0 {
            tr("negotiation.plan.summary.no_issues")
        } else {
            tc("negotiation.plan.summary.issues", s.issues, &[])
        });
        parts.push(if s.team == 0 {
            tr("negotiation.plan.summary.no_team")
        } else {
            tc("negotiation.plan.summary.team", s.team, &[])
        });
        if s.issues > 0 {
            // Every issue has its bottom line: the plan's rules require one.
            parts.push(tr("negotiation.plan.summary.walk_away"));
        }
        if !s.alternative {
            parts.push(tr("negotiation.plan.summary.no_alternative"));
        }
        let line = tw(
            "negotiation.plan.summary.line",
            &[("line", &parts.join(" · "))],
        );
        view! {
            <p class="plan-summary">{line}</p>
            {(!s.price_authority).then(|| view! {
                <p class="field-warning">{tr("negotiation.plan.team.no_price_authority")}</p>
            })}
        }
        .into_any()
    }
}
