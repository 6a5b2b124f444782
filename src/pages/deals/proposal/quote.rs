//! The quotation of a version: the table grouped by category with subtotals, taxes per
//! rate and the total, a margin column and the flags for the rep (left out of print), and
//! the line form of a draft (a catalogue product at its price for the quantity, or a free
//! line), which keeps what was typed when a value is refused.

use super::{money, percent, run_save, show_refusal, unit_price};
use crate::domain::deal::Deal;
use crate::domain::ids::Id;
use crate::domain::price::Quantity;
use crate::domain::proposal::{self, LineInput, Proposal};
use crate::domain::sorting::SortExt;
use crate::state::actions::proposals;
use crate::state::data::use_data;
use crate::state::toasts::use_toasts;
use crate::state::{tr, tr_fn, tw, ToastKind};
use crate::ui::ask_first::{ask_first, Ask};
use crate::ui::form::{CheckboxField, ErrorSummary, FormErrors, SelectField, TextField};
use crate::ui::scroll_area::ScrollArea;
use leptos::prelude::*;

/// The context shared by the table and the form: which line is being edited.
#[derive(Clone, Copy)]
struct Editing(RwSignal<Option<Id>>);

/// Provides the line being edited to the table and the form of one version.
pub fn provide_editing() {
    provide_context(Editing(RwSignal::new(None)));
}

fn editing() -> Editing {
    expect_context::<Editing>()
}

/// The quotation table of a version.
/// The quotation's column names.
struct Columns {
    quantity: String,
    unit_price: String,
    discount: String,
    tax: String,
    net: String,
    margin: String,
}

#[component]
pub fn QuoteTable(p: Proposal, deal: Deal) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let edit = editing();
    let cur = p.content.currency.clone();
    let draft = !p.is_frozen();
    let id = p.id;
    let limit = proposals::discount_limit();
    let t = match proposal::totals(&p.content.lines, cur.exponent(), limit) {
        Ok(t) => t,
        Err(_) => {
            return view! { <p class="notice notice-error" role="alert">{tr("proposal.error.amount_too_large")}</p> }.into_any()
        }
    };
    if p.content.lines.is_empty() {
        return view! { <p class="hint">{tr("proposal_ui.no_lines")}</p> }.into_any();
    }
    let remove = move |line_id: Id| match proposals::remove_line(data, id, line_id) {
        Ok(Some((save, at, line))) => run_save(toasts, save, move |_| {
            toasts.push_with_action(
                ToastKind::Success,
                tw("proposal_ui.line_removed_named", &[("name", &line.name)]),
                tr("proposal_ui.undo"),
                move || match proposals::restore_line(data, id, at, line.clone()) {
                    Ok(Some(save)) => run_save(toasts, save, |_| {}),
                    Ok(None) => {}
                    Err(_) => toasts.push(ToastKind::Error, tr("proposal.error.frozen")),
                },
            )
        }),
        Ok(None) => {}
        Err(_) => toasts.push(ToastKind::Error, tr("proposal.error.frozen")),
    };
    let trace = proposal::trace_needs(&deal.needs, &p.content.lines);
    let margin_text = |m: Option<i64>, net: i64| match (m, proposal::margin_bp(m, net)) {
        (Some(m), Some(bp)) => format!(
            "{} ({})",
            money(m, &cur),
            crate::ui::fmt::margin_percent(bp)
        ),
        (Some(m), None) => money(m, &cur),
        _ => tr("proposal_ui.margin_unknown"),
    };
    // The column names, also naming each figure when a row is a block on a phone.
    let col = Columns {
        quantity: tr("proposal.field.quantity"),
        unit_price: tr("proposal.field.unit_price"),
        discount: tr("proposal.copy.discount"),
        tax: tr("proposal.copy.tax"),
        net: tr("proposal.copy.net"),
        margin: tr("proposal_ui.margin"),
    };
    let rows = t.groups.iter().map(|g| {
        let cat = if g.category.is_empty() { tr("proposal.copy.no_category") } else { g.category.clone() };
        let lines = g.lines.iter().map(|&i| {
            let l = p.content.lines[i].clone();
            let f = t.lines[i].clone();
            let line_id = l.id;
            let no_need = trace.lines_without_need.contains(&line_id);
            let flags: Vec<String> = f.flags.iter().map(|x| tr(x.key())).chain(no_need.then(|| tr("proposal_ui.flag_no_need"))).collect();
            let opt = l.optional.then(|| if l.chosen { tr("proposal.copy.optional_chosen") } else { tr("proposal.copy.optional") });
            let name = l.name.clone();
            let name2 = l.name.clone();
            view! {
                <tr class:optional-line=l.optional>
                    <td>
                        {l.name.clone()}
                        {opt.map(|o| view! { " " <em>{format!("({o})")}</em> })}
                        {(!l.discount_reason.is_empty()).then(|| view! { <br/><span class="hint">{tw("proposal_ui.discount_reason_shown", &[("reason", &l.discount_reason)])}</span> })}
                    </td>
                    <td class="num" data-label=col.quantity.clone()>{l.quantity.to_input()} {(!l.unit.is_empty()).then(|| format!(" {}", l.unit))}</td>
                    <td class="num" data-label=col.unit_price.clone()>{unit_price(l.unit_price, &cur)}</td>
                    // No discount: an empty cell, left out on a phone.
                    <td class={ if l.discount.0 > 0 { "num" } else { "num empty-cell" } } data-label=col.discount.clone()>
                        {(l.discount.0 > 0).then(|| percent(l.discount))}
                    </td>
                    <td class="num" data-label=col.tax.clone()>{percent(l.tax_rate)}</td>
                    <td class="num" data-label=col.net.clone()>{money(f.net, &cur)}</td>
                    <td class="num rep-only" data-label=col.margin.clone()>{margin_text(f.margin, f.net)}</td>
                    <td class="rep-only row-wide">
                        {flags.into_iter().map(|x| view! { <span class="badge warning flag">{x}</span> " " }).collect_view()}
                    </td>
                    {draft.then(|| view! {
                        <td class="no-print line-actions row-wide">
                            <button type="button" class="small" aria-label=tw("proposal_ui.edit_line_named", &[("name", &name)])
                                on:click=move |_| edit.0.set(Some(line_id))>{tr("proposal_ui.edit")}</button>
                            " "
                            {ask_first(
                                Ask {
                                    label: tr("proposal_ui.remove"),
                                    name: tw("proposal_ui.remove_line_named", &[("name", &name2)]),
                                    question: tw("proposal_ui.remove_line_ask", &[("name", &name2)]),
                                    confirm: tr("proposal_ui.remove_line_now"),
                                },
                                move || remove(line_id),
                            )}
                        </td>
                    })}
                </tr>
            }
        }).collect_view();
        view! {
            <tbody>
                <tr class="group-row"><th scope="rowgroup" colspan="9">{cat.clone()}</th></tr>
                {lines}
                <tr class="subtotal-row sum-row">
                    <th scope="row" colspan="5">{tw("proposal_ui.subtotal_of", &[("category", &cat)])}</th>
                    <td class="num">{money(g.subtotal, &cur)}</td>
                    <td class="rep-only"></td><td class="rep-only"></td>
                    {draft.then(|| view! { <td class="no-print"></td> })}
                </tr>
            </tbody>
        }
    }).collect_view();
    let taxes = t.taxes.iter().map(|r| view! {
        <tr class="sum-row"><th scope="row" colspan="5">{tw("proposal_ui.tax_row", &[("rate", &percent(r.rate)), ("base", &money(r.base, &cur))])}</th><td class="num">{money(r.tax, &cur)}</td></tr>
    }).collect_view();
    let table = view! {
            <table class="data-table quote-table stack-narrow">
                <thead>
                    <tr>
                        <th scope="col">{tr("proposal.copy.item")}</th>
                        <th scope="col" class="num">{col.quantity.clone()}</th>
                        <th scope="col" class="num">{col.unit_price.clone()}</th>
                        <th scope="col" class="num">{col.discount.clone()}</th>
                        <th scope="col" class="num">{col.tax.clone()}</th>
                        <th scope="col" class="num">{col.net.clone()}</th>
                        <th scope="col" class="num rep-only">{col.margin.clone()}</th>
                        <th scope="col" class="rep-only">{tr("proposal_ui.flags")}</th>
                        {draft.then(|| view! { <th scope="col" class="no-print">{tr("proposal_ui.line_actions")}</th> })}
                    </tr>
                </thead>
                {rows}
                <tfoot>
                    <tr class="sum-row"><th scope="row" colspan="5">{tr("proposal.copy.net_total")}</th><td class="num">{money(t.net, &cur)}</td></tr>
                    {taxes}
                    <tr class="total-row sum-row"><th scope="row" colspan="5">{tr("proposal.copy.total")}</th><td class="num">{money(t.total, &cur)}</td></tr>
                    {(t.optional_net != 0).then(|| view! {
                        <tr class="sum-row"><th scope="row" colspan="5">{tr("proposal.copy.optional_total")}</th><td class="num">{money(t.optional_net, &cur)}</td></tr>
                    })}
                    <tr class="rep-only sum-row"><th scope="row" colspan="5">{tr("proposal_ui.margin_total")}</th><td class="num">{margin_text(t.margin, t.net)}</td></tr>
                </tfoot>
            </table>
    }
    .into_any();
    view! {
        <ScrollArea label=Signal::derive(tr_fn("proposal_ui.quote_table"))>{table}</ScrollArea>
        <p class="hint rounding-rule">{tr("proposal.copy.rounding_rule")}</p>
    }
    .into_any()
}

/// The line form of a draft: add a line, or change the line chosen in the table.
#[component]
pub fn LineForm(p: Proposal, deal: Deal) -> impl IntoView {
    let data = use_data();
    let toasts = use_toasts();
    let edit = editing();
    let id = p.id;
    let currency = p.content.currency.clone();
    let product = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let quantity = RwSignal::new("1".to_string());
    let price = RwSignal::new(String::new());
    let discount = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let tax = RwSignal::new(String::new());
    let cost = RwSignal::new(String::new());
    let optional = RwSignal::new(false);
    let chosen = RwSignal::new(false);
    let needs: Vec<(Id, String, RwSignal<bool>)> = deal
        .needs
        .iter()
        .map(|n| {
            (
                n.id,
                format!("{}: {}", tr(n.layer.key()), n.text),
                RwSignal::new(false),
            )
        })
        .collect();
    let errors = FormErrors::labelled();
    let notice = RwSignal::new(None::<String>);
    let needs_fill = needs.clone();
    // Editing a line fills the form with it (as stored now: the form outlives changes to
    // the version's lines).
    Effect::new(move |_| {
        let Some(line_id) = edit.0.get() else { return };
        let Some(l) = data
            .proposals
            .get_untracked(id)
            .and_then(|p| p.content.lines.into_iter().find(|l| l.id == line_id))
        else {
            return;
        };
        let i = LineInput::from_line(&l);
        product.set(i.product_id.map(|x| x.to_string()).unwrap_or_default());
        name.set(i.name);
        category.set(i.category);
        unit.set(i.unit);
        quantity.set(i.quantity);
        price.set(i.unit_price);
        discount.set(i.discount);
        reason.set(i.discount_reason);
        tax.set(i.tax_rate);
        cost.set(i.cost);
        optional.set(i.optional);
        chosen.set(i.chosen);
        for (nid, _, on) in &needs_fill {
            on.set(i.need_ids.contains(nid));
        }
    });
    let catalogue = Signal::derive(move || {
        let mut v: Vec<(String, String)> = data.products.with_all(|m| {
            m.values()
                .filter(|x| !x.retired)
                .map(|x| {
                    (
                        x.id.to_string(),
                        format!("{} — {}", x.name, unit_price(x.list_price, &x.currency)),
                    )
                })
                .collect()
        });
        v.sort_with(|a, b| a.1.cmp(&b.1));
        v
    });
    let chosen_product = move || {
        product
            .get()
            .parse::<Id>()
            .ok()
            .and_then(|pid| data.products.get(pid))
    };
    // Choosing a product fills its category, unit and tax rate.
    Effect::new(move |prev: Option<String>| {
        let code = product.get();
        if prev.is_some_and(|p| p != code) {
            if let Some(x) = code
                .parse::<Id>()
                .ok()
                .and_then(|pid| data.products.get_untracked(pid))
            {
                category.set(x.category.clone());
                unit.set(x.unit.clone());
                tax.set(x.tax_rate.to_input());
            }
        }
        code
    });
    let cur2 = currency.clone();
    let catalogue_price = move || {
        let x = chosen_product()?;
        let q = Quantity::parse(&quantity.get()).ok()?;
        let at = x.unit_price_for(q);
        let text = if at == x.list_price {
            tw(
                "proposal_ui.catalogue_price",
                &[("price", &unit_price(at, &cur2))],
            )
        } else {
            tw(
                "proposal_ui.catalogue_break_price",
                &[
                    ("price", &unit_price(at, &cur2)),
                    ("list", &unit_price(x.list_price, &cur2)),
                ],
            )
        };
        Some(text)
    };
    let needs_read = needs.clone();
    let reset = move || {
        edit.0.set(None);
        for s in [
            name, category, unit, price, discount, reason, tax, cost, product,
        ] {
            s.set(String::new());
        }
        quantity.set("1".into());
        optional.set(false);
        chosen.set(false);
        for (_, _, on) in &needs_read {
            on.set(false);
        }
    };
    let reset2 = reset.clone();
    let needs_submit = needs.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        notice.set(None);
        let input = LineInput {
            product_id: product.get_untracked().parse::<Id>().ok(),
            name: name.get_untracked(),
            category: category.get_untracked(),
            unit: unit.get_untracked(),
            quantity: quantity.get_untracked(),
            unit_price: price.get_untracked(),
            discount: discount.get_untracked(),
            discount_reason: reason.get_untracked(),
            tax_rate: tax.get_untracked(),
            cost: cost.get_untracked(),
            optional: optional.get_untracked(),
            chosen: chosen.get_untracked(),
            need_ids: needs_submit
                .iter()
                .filter(|(_, _, on)| on.get_untracked())
                .map(|(i, _, _)| *i)
                .collect(),
        };
        let result = match edit.0.get_untracked() {
            Some(line_id) => proposals::edit_line(data, id, line_id, &input),
            None => proposals::add_line(data, id, &input),
        };
        match result {
            Ok(Some(save)) => {
                let reset = reset2.clone();
                run_save(toasts, save, move |_| {
                    reset();
                    toasts.push(ToastKind::Success, tr("proposal_ui.line_saved"));
                })
            }
            Ok(None) => {}
            Err(r) => show_refusal(r, notice, errors),
        }
    };
    let is_free = move || product.get().is_empty();
    view! {
        <form class="line-form no-print" on:submit=submit aria-labelledby="line-form-heading">
            <h3 id="line-form-heading">
                {move || if edit.0.get().is_some() { tr("proposal_ui.edit_line_title") } else { tr("proposal_ui.add_line_title") }}
            </h3>
            <ErrorSummary errors=errors.summary()/>
            {move || notice.get().map(|n| view! { <div class="notice notice-error" role="alert">{n}</div> })}
            <div class="form-cols">
                <SelectField
                    id="line-product"
                    label=Signal::derive(tr_fn("proposal.field.product"))
                    value=product
                    options=catalogue
                    empty_label=Signal::derive(tr_fn("proposal_ui.free_line"))
                    error=errors.field("product")
                />
                <Show when=is_free>
                    <TextField id="line-name" label=Signal::derive(tr_fn("proposal.field.line_name")) value=name error=errors.field("name")/>
                </Show>
                <TextField id="line-quantity" label=Signal::derive(tr_fn("proposal.field.quantity")) value=quantity error=errors.field("quantity") input_type="text"/>
                <Show when=is_free>
                    <TextField id="line-price" label=Signal::derive(tr_fn("proposal.field.unit_price")) value=price error=errors.field("unit_price")/>
                    <TextField id="line-cost" label=Signal::derive(tr_fn("proposal.field.cost")) value=cost error=errors.field("cost")
                        hint=Signal::derive(tr_fn("proposal_ui.cost_hint"))/>
                </Show>
                <TextField id="line-discount" label=Signal::derive(tr_fn("proposal.field.discount")) value=discount error=errors.field("discount")/>
                <TextField id="line-reason" label=Signal::derive(tr_fn("proposal.field.discount_reason")) value=reason error=errors.field("discount_reason")/>
                <TextField id="line-tax" label=Signal::derive(tr_fn("proposal.field.tax_rate")) value=tax error=errors.field("tax_rate")/>
                <TextField id="line-category" label=Signal::derive(tr_fn("proposal.field.category")) value=category/>
                <TextField id="line-unit" label=Signal::derive(tr_fn("proposal.field.unit")) value=unit/>
            </div>
            {move || catalogue_price().map(|t| view! { <p class="notice catalogue-price" role="status">{t}</p> })}
            <CheckboxField id="line-optional" label=Signal::derive(tr_fn("proposal.field.optional")) checked=optional/>
            <Show when=move || optional.get()>
                <CheckboxField id="line-chosen" label=Signal::derive(tr_fn("proposal.field.chosen")) checked=chosen/>
            </Show>
            <fieldset class="plain-fieldset">
                <legend>{tr("proposal.field.needs")}</legend>
                {needs.is_empty().then(|| view! { <p class="hint">{tr("proposal_ui.trace_no_needs")}</p> })}
                {needs.into_iter().map(|(nid, label, on)| view! {
                    <CheckboxField id=format!("line-need-{nid}") label=Signal::derive(move || label.clone()) checked=on/>
                }).collect_view()}
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary">
                    {move || if edit.0.get().is_some() { tr("proposal_ui.save_line") } else { tr("proposal_ui.add_line") }}
                </button>
                <Show when=move || edit.0.get().is_some()>
                    <button type="button" data-discards="" on:click={ let reset = reset.clone(); move |_| reset() }>{tr("form.cancel")}</button>
                </Show>
            </div>
        </form>
    }
}
