//! The customer's copy of a version: the five sections and the quotation (grouped by
//! category with subtotals, taxes per rate, the total and the rounding rule), without
//! anything meant for the rep (costs, margins, flags, traceability). One HTML text, built
//! here from the version and the words of the rep's language, so the print view and the
//! downloaded file are the same document. Every value is escaped.

use super::record::Credential;
use chrono::NaiveDate;

use super::quote::{totals, TooLarge};
use super::record::{Proposal, ProposalContent};
use crate::domain::price::{Rate, UnitPrice};

/// How the copy writes words, amounts and dates in the rep's language.
pub struct CopyWords<'a> {
    /// The catalogue text of a key.
    pub text: &'a dyn Fn(&str) -> String,
    /// An amount in minor units of the proposal's currency.
    pub money: &'a dyn Fn(i64) -> String,
    /// A unit price in the proposal's currency (up to four decimals).
    pub price: &'a dyn Fn(UnitPrice) -> String,
    pub date: &'a dyn Fn(NaiveDate) -> String,
}

/// `s` with `& < > " '` escaped for HTML text and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Paragraphs of a typed text (blank lines separate them; a single line break stays one).
fn paragraphs(s: &str) -> String {
    s.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", escape(p).replace('\n', "<br>")))
        .collect()
}

fn percent(r: Rate) -> String {
    format!("{} %", r.to_input())
}

/// Our firm as a proposal presents it (a work setting, Settings → Proposals): its name and
/// logo at the top of the customer's copy, and the reusable credential texts of section 5.
/// Empty: not set, left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FirmProfile {
    pub name: String,
    /// A `data:image/…;base64,` address (the settings accept nothing else), or empty.
    pub logo: String,
    pub licence: String,
    pub profile: String,
    pub products: String,
}

impl FirmProfile {
    /// The text kept for a credential.
    pub fn credential(&self, c: Credential) -> &str {
        match c {
            Credential::BusinessLicence => &self.licence,
            Credential::CompanyProfile => &self.profile,
            Credential::ProductDescriptions => &self.products,
        }
    }
}

/// What the customer's copy will lack for want of a setting: our firm's name, or the text
/// of a chosen credential (printed then by its name alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyGap {
    NoFirmName,
    CredentialWithoutText(Credential),
}

/// The gaps of the copy of `content` with `firm`: the rep is told before sending.
pub fn copy_gaps(content: &ProposalContent, firm: &FirmProfile) -> Vec<CopyGap> {
    let mut gaps = Vec::new();
    if firm.name.trim().is_empty() {
        gaps.push(CopyGap::NoFirmName);
    }
    gaps.extend(
        content
            .credentials
            .iter()
            .filter(|c| firm.credential(**c).trim().is_empty())
            .map(|c| CopyGap::CredentialWithoutText(*c)),
    );
    gaps
}

/// The body of the customer copy (a `<article>`): headed by the firm's logo and name (when
/// known), the proposal's title and version, the customer, and the valid-until date.
pub fn customer_copy_body(
    p: &Proposal,
    title: &str,
    customer: &str,
    firm: &FirmProfile,
    w: &CopyWords,
) -> Result<String, TooLarge> {
    let t = |k: &str| escape(&(w.text)(k));
    let c = &p.content;
    let tot = totals(&c.lines, c.currency.exponent(), None)?;
    let mut h = String::new();
    h.push_str("<article class=\"customer-copy\">");
    h.push_str("<header class=\"copy-head\">");
    if firm.logo.starts_with("data:image/") {
        h.push_str(&format!(
            "<img class=\"copy-logo\" src=\"{}\" alt=\"{}\">",
            escape(&firm.logo),
            escape(&firm.name)
        ));
    }
    if !firm.name.trim().is_empty() {
        h.push_str(&format!(
            "<p class=\"copy-firm\">{}</p>",
            escape(&firm.name)
        ));
    }
    h.push_str(&format!(
        "<h1>{} — {}</h1>",
        t("proposal.copy.title"),
        escape(title)
    ));
    h.push_str(&format!(
        "<p>{}: {} · {} {}</p>",
        t("proposal.copy.for"),
        escape(customer),
        t("proposal.field.version"),
        p.version
    ));
    if let Some(d) = c.valid_until {
        h.push_str(&format!(
            "<p>{}: {}</p>",
            t("proposal.part.valid_until"),
            escape(&(w.date)(d))
        ));
    }
    h.push_str("</header>");

    // 1. Background.
    h.push_str(&format!(
        "<section class=\"copy-section\"><h2>1. {}</h2>{}</section>",
        t("proposal.part.background"),
        paragraphs(&c.background)
    ));
    // 2. Problems and their impact.
    h.push_str(&format!(
        "<section class=\"copy-section\"><h2>2. {}</h2><ul>",
        t("proposal.part.problems")
    ));
    for pr in &c.problems {
        h.push_str(&format!("<li><strong>{}</strong>", escape(&pr.text)));
        if !pr.impact.trim().is_empty() {
            h.push_str(&format!(
                " — {}: {}",
                t("proposal.copy.impact"),
                escape(&pr.impact)
            ));
        }
        h.push_str("</li>");
    }
    h.push_str("</ul></section>");
    // 3. Solution.
    h.push_str(&format!(
        "<section class=\"copy-section\"><h2>3. {}</h2>",
        t("proposal.copy.solution")
    ));
    for (key, text) in [
        ("proposal.part.overview", &c.solution.overview),
        ("proposal.part.products", &c.solution.products),
        ("proposal.part.implementation", &c.solution.implementation),
        ("proposal.part.service", &c.solution.service),
    ] {
        if !text.trim().is_empty() {
            h.push_str(&format!("<h3>{}</h3>{}", t(key), paragraphs(text)));
        }
    }
    h.push_str("</section>");
    // 4. Quotation.
    h.push_str(&format!(
        "<section class=\"copy-section\"><h2>4. {}</h2>",
        t("proposal.copy.quotation")
    ));
    h.push_str(&format!(
        "<table class=\"copy-quote\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead>",
        t("proposal.copy.item"),
        t("proposal.field.quantity"),
        t("proposal.field.unit_price"),
        t("proposal.copy.discount"),
        t("proposal.copy.tax"),
        t("proposal.copy.net"),
    ));
    for g in &tot.groups {
        let name = if g.category.is_empty() {
            t("proposal.copy.no_category")
        } else {
            escape(&g.category)
        };
        h.push_str(&format!(
            "<tbody><tr class=\"copy-group\"><th scope=\"rowgroup\" colspan=\"6\">{name}</th></tr>"
        ));
        for &i in &g.lines {
            let l = &c.lines[i];
            let f = &tot.lines[i];
            let mut item = escape(&l.name);
            if l.optional {
                let mark = if l.chosen {
                    "proposal.copy.optional_chosen"
                } else {
                    "proposal.copy.optional"
                };
                item.push_str(&format!(" <em>({})</em>", t(mark)));
            }
            let unit = if l.unit.is_empty() {
                String::new()
            } else {
                format!(" {}", escape(&l.unit))
            };
            h.push_str(&format!(
                "<tr><td>{item}</td><td class=\"num\">{}{unit}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(&l.quantity.to_input()),
                escape(&(w.price)(l.unit_price)),
                if l.discount == Rate::ZERO { String::new() } else { escape(&percent(l.discount)) },
                escape(&percent(l.tax_rate)),
                escape(&(w.money)(f.net)),
            ));
        }
        h.push_str(&format!(
            "<tr class=\"copy-subtotal\"><th scope=\"row\" colspan=\"5\">{} {name}</th><td class=\"num\">{}</td></tr></tbody>",
            t("proposal.copy.subtotal"),
            escape(&(w.money)(g.subtotal)),
        ));
    }
    h.push_str("<tfoot>");
    h.push_str(&format!(
        "<tr><th scope=\"row\" colspan=\"5\">{}</th><td class=\"num\">{}</td></tr>",
        t("proposal.copy.net_total"),
        escape(&(w.money)(tot.net))
    ));
    for r in &tot.taxes {
        h.push_str(&format!(
            "<tr><th scope=\"row\" colspan=\"5\">{} {} ({})</th><td class=\"num\">{}</td></tr>",
            t("proposal.copy.tax"),
            escape(&percent(r.rate)),
            escape(&(w.money)(r.base)),
            escape(&(w.money)(r.tax))
        ));
    }
    h.push_str(&format!(
        "<tr class=\"copy-total\"><th scope=\"row\" colspan=\"5\">{}</th><td class=\"num\">{}</td></tr>",
        t("proposal.copy.total"),
        escape(&(w.money)(tot.total))
    ));
    if tot.optional_net != 0 {
        h.push_str(&format!(
            "<tr><th scope=\"row\" colspan=\"5\">{}</th><td class=\"num\">{}</td></tr>",
            t("proposal.copy.optional_total"),
            escape(&(w.money)(tot.optional_net))
        ));
    }
    h.push_str("</tfoot></table>");
    h.push_str(&format!(
        "<p class=\"copy-rule\">{}</p></section>",
        t("proposal.copy.rounding_rule")
    ));
    // 5. Credentials: each chosen one with its text from the settings (its name alone
    // when no text is kept).
    h.push_str(&format!(
        "<section class=\"copy-section\"><h2>5. {}</h2>",
        t("proposal.part.credentials")
    ));
    for cr in &c.credentials {
        h.push_str(&format!("<h3>{}</h3>", t(cr.key())));
        let text = firm.credential(*cr);
        if !text.trim().is_empty() {
            h.push_str(&paragraphs(text));
        }
    }
    h.push_str("</section></article>");
    Ok(h)
}

/// A whole, self-contained HTML document of the customer copy (for "Download as HTML"):
/// `lang`, a title, the print rules, and the body. No script, no outside resource.
pub fn customer_copy_document(lang: &str, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{}</style></head><body>{}</body></html>\n",
        escape(lang),
        escape(title),
        COPY_CSS,
        body
    )
}

/// The styles of the downloaded copy (the app's own print styles match them).
const COPY_CSS: &str = "body{font-family:system-ui,sans-serif;line-height:1.45;color:#111;max-width:52rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #999;padding-bottom:.2rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ccc;vertical-align:top}.num{text-align:right;font-variant-numeric:tabular-nums}.copy-group th{background:#f0f0f0}.copy-total th,.copy-total td{font-weight:700;border-top:2px solid #111}.copy-rule{font-size:.85rem;color:#444}.copy-logo{max-height:4rem;max-width:14rem}@media print{.copy-section{break-before:page}.copy-section:first-of-type{break-before:auto}}";
