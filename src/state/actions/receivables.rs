//! Step 6 — invoices, payments, collection steps and credit checks, through
//! `domain::receivable`; paying the last invoice of a deal finishes the deal in the same
//! transaction.
