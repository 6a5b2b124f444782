//! The record rules of invoices and credit checks, run on every save and on every record a
//! backup brings: what the forms accept, minus what depends on the day (a payment in the
//! future is the form's concern, not the record's: another device's calendar may differ).

use super::{CreditCheck, Invoice};
use crate::domain::ids::Record;
use crate::domain::rules::{self, CheckContext, RuleError, MAX_NAME, MAX_TEXT};

const NUMBER: &str = "receivable.field.number";
const ISSUED_ON: &str = "receivable.field.issued_on";
const DUE_ON: &str = "receivable.field.due_on";
const AMOUNT: &str = "receivable.field.amount";
const NOTE: &str = "receivable.field.note";
const PAYMENT: &str = "receivable.field.payment";
const STEP: &str = "receivable.field.step_on";

/// Whether the stored invoice obeys its rules.
pub fn check_record(i: &Invoice, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&i.meta(), ctx)?;
    rules::name("number", NUMBER, &i.number)?;
    rules::date("issued_on", ISSUED_ON, i.issued_on)?;
    rules::date("due_on", DUE_ON, i.due_on)?;
    if i.due_on < i.issued_on {
        return Err(
            RuleError::new("due_on", DUE_ON, "receivable.rule.due_before_issue")
                .arg("date", i.issued_on),
        );
    }
    if i.amount.minor <= 0 {
        return Err(RuleError::new(
            "amount",
            AMOUNT,
            "receivable.rule.amount_not_positive",
        ));
    }
    rules::length("note", NOTE, &i.note, MAX_TEXT)?;
    let mut paid: i64 = 0;
    for (n, p) in i.payments.iter().enumerate() {
        let at = format!("payments[{n}]");
        rules::date(&format!("{at}.on"), PAYMENT, p.on)?;
        if p.amount_minor <= 0 {
            return Err(RuleError::new(
                format!("{at}.amount_minor"),
                PAYMENT,
                "receivable.rule.amount_not_positive",
            ));
        }
        if p.on < i.issued_on {
            return Err(RuleError::new(
                format!("{at}.on"),
                PAYMENT,
                "receivable.rule.paid_before_issue",
            )
            .arg("date", i.issued_on));
        }
        rules::length(&format!("{at}.note"), PAYMENT, &p.note, MAX_TEXT)?;
        paid = paid.saturating_add(p.amount_minor);
    }
    if paid > i.amount.minor {
        return Err(RuleError::new(
            "payments",
            PAYMENT,
            "receivable.rule.overpaid",
        ));
    }
    for (n, s) in i.collection.iter().enumerate() {
        let at = format!("collection[{n}]");
        rules::date(&format!("{at}.on"), STEP, s.on)?;
        rules::length(&format!("{at}.note"), STEP, &s.note, MAX_TEXT)?;
    }
    Ok(())
}

/// Whether the stored credit check obeys its rules.
pub fn check_credit(c: &CreditCheck, ctx: &CheckContext) -> Result<(), RuleError> {
    rules::check_meta(&c.meta(), ctx)?;
    rules::date(
        "checked_on",
        "receivable.credit.field.checked_on",
        c.checked_on,
    )?;
    rules::length("by", "receivable.credit.field.by", &c.by, MAX_NAME)?;
    rules::length(
        "history",
        "receivable.credit.field.history",
        &c.history,
        MAX_TEXT,
    )?;
    rules::length("notes", "receivable.credit.field.notes", &c.notes, MAX_TEXT)
}
