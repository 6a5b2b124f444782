//! Step 6 — the follow-up of a won deal: the contract checklist, the milestones and the
//! satisfaction checks. Each action reads the deal's follow-up as stored now (a new one
//! when it has none yet), changes it through `domain::followup` and commits it as one
//! transaction.
