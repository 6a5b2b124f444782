//! The guided flow's rules: the declined-request form in the method's order (what was
//! asked and its field; who asked and how they heard of us; why we cannot serve it; the
//! customer's tactical and strategic importance; the alternatives offered), the parts of
//! the polite script, and the key-customer hint.

use super::partner::{long, required_name, short};
use super::{Alternative, DeclineProblem, DeclineReason, DeclinedRequest, Partner, TrustLevel};
use crate::domain::account::LeadSource;
use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::ids::{Id, Meta};
use crate::domain::sorting::SortExt;
use chrono::{DateTime, NaiveDate, Utc};

/// The importance scale, tactical and strategic.
pub const IMPORTANCE: std::ops::RangeInclusive<u8> = 1..=5;

/// From this strategic importance on, the customer is a key one: the flow suggests serving
/// the request anyway, or the partner we trust most.
pub const KEY_CUSTOMER_STRATEGIC: u8 = 4;

/// Whether a customer of this strategic importance is a key one.
pub fn key_customer(strategic: u8) -> bool {
    strategic >= KEY_CUSTOMER_STRATEGIC
}

/// The catalogue keys of the flow's labels.
pub mod label {
    pub const ASKED: &str = "decline.field.asked";
    pub const FIELD: &str = "decline.field.field";
    pub const REQUESTER: &str = "decline.field.requester";
    pub const SOURCE: &str = "decline.field.source";
    pub const REASON: &str = "decline.field.reason";
    pub const TACTICAL: &str = "decline.field.tactical";
    pub const STRATEGIC: &str = "decline.field.strategic";
    pub const ALTERNATIVES: &str = "decline.field.alternatives";
    pub const WAIT_UNTIL: &str = "decline.field.wait_until";
    pub const SUBSTITUTE: &str = "decline.field.substitute";
    pub const PARTNER: &str = "decline.field.partner";
    pub const ON: &str = "decline.field.on";
    pub const SCRIPT: &str = "decline.field.script";
    pub const NOTE: &str = "decline.field.note";
}

/// A declined request as typed in the flow.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeclineDraft {
    pub asked: String,
    pub field: String,
    pub requester: String,
    pub account_id: Option<Id>,
    pub person_id: Option<Id>,
    pub source: Option<LeadSource>,
    pub reason: Option<DeclineReason>,
    /// 1–5, as typed.
    pub tactical: String,
    pub strategic: String,
    pub alternatives: Vec<Alternative>,
    /// `YYYY-MM-DD`, when waiting is offered.
    pub wait_until: String,
    pub substitute: String,
    pub partner_id: Option<Id>,
    /// `YYYY-MM-DD`: the day it was declined.
    pub on: String,
    pub script: String,
    pub note: String,
}

/// The checked fields of the flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclineFields {
    pub on: NaiveDate,
    pub requester: String,
    pub account_id: Option<Id>,
    pub person_id: Option<Id>,
    pub asked: String,
    pub field: String,
    pub source: Option<LeadSource>,
    pub reason: DeclineReason,
    pub tactical: u8,
    pub strategic: u8,
    pub alternatives: Vec<Alternative>,
    pub wait_until: Option<NaiveDate>,
    pub substitute: String,
    pub partner_id: Option<Id>,
    pub script: String,
    pub note: String,
}

fn parse_date(
    field: &'static str,
    label: &'static str,
    typed: &str,
    out: &mut Vec<FieldError>,
) -> Option<NaiveDate> {
    let t = typed.trim();
    if t.is_empty() {
        out.push(FieldError::new(field, label, FieldProblem::Required));
        return None;
    }
    match NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        Ok(d) if crate::domain::rules::plausible_year(d) => Some(d),
        _ => {
            out.push(FieldError::new(field, label, FieldProblem::InvalidDate).arg("value", t));
            None
        }
    }
}

fn importance(
    field: &'static str,
    label: &'static str,
    typed: &str,
    out: &mut Vec<FieldError>,
) -> Option<u8> {
    let t = typed.trim();
    if t.is_empty() {
        out.push(FieldError::new(field, label, FieldProblem::Required));
        return None;
    }
    match t.parse::<u8>() {
        Ok(v) if IMPORTANCE.contains(&v) => Some(v),
        _ => {
            out.push(
                FieldError::new(field, label, DeclineProblem::ImportanceInvalid).arg("value", t),
            );
            None
        }
    }
}

impl DeclineDraft {
    /// The draft of a stored request (to edit it, and for the record rules).
    pub fn from_record(d: &DeclinedRequest) -> Self {
        DeclineDraft {
            asked: d.asked.clone(),
            field: d.field.clone(),
            requester: d.requester.clone(),
            account_id: d.account_id,
            person_id: d.person_id,
            source: d.source,
            reason: Some(d.reason),
            tactical: d.tactical.to_string(),
            strategic: d.strategic.to_string(),
            alternatives: d.alternatives.clone(),
            wait_until: d
                .wait_until
                .map(|w| w.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            substitute: d.substitute.clone(),
            partner_id: d.partner_id,
            on: d.on.format("%Y-%m-%d").to_string(),
            script: d.script.clone(),
            note: d.note.clone(),
        }
    }

    /// The checked fields, or every bad field at once, in the flow's order: what was asked
    /// and its field are required; someone must have asked (a name, or an account); a
    /// reason; both importances 1–5; each alternative chosen needs its detail (waiting: a
    /// date not before the day declined; a substitute: what it is; a partner: one, and a
    /// trusted one — `trust` says how far we trust a partner, `None` when it is not in the
    /// directory); the day declined is not after `today`. Details of alternatives not
    /// chosen are dropped.
    pub fn validate(
        &self,
        today: NaiveDate,
        trust: impl Fn(Id) -> Option<TrustLevel>,
    ) -> Result<DeclineFields, Vec<FieldError>> {
        let mut errs = Vec::new();
        // 1. What was asked.
        required_name("asked", label::ASKED, &self.asked, &mut errs);
        required_name("field", label::FIELD, &self.field, &mut errs);
        // 2. Who asked.
        if self.requester.trim().is_empty() && self.account_id.is_none() {
            errs.push(FieldError::new(
                "requester",
                label::REQUESTER,
                DeclineProblem::WhoRequired,
            ));
        } else {
            short("requester", label::REQUESTER, &self.requester, &mut errs);
        }
        // 3. Why.
        if self.reason.is_none() {
            errs.push(FieldError::new(
                "reason",
                label::REASON,
                FieldProblem::Required,
            ));
        }
        // 4. Importance.
        let tactical = importance("tactical", label::TACTICAL, &self.tactical, &mut errs);
        let strategic = importance("strategic", label::STRATEGIC, &self.strategic, &mut errs);
        // 5. Alternatives.
        let mut alternatives = self.alternatives.clone();
        alternatives.sort_plain();
        alternatives.dedup();
        let on = parse_date("on", label::ON, &self.on, &mut errs);
        let wait_until = if alternatives.contains(&Alternative::Wait) {
            let typed = self.wait_until.trim();
            if typed.is_empty() {
                errs.push(FieldError::new(
                    "wait_until",
                    label::WAIT_UNTIL,
                    DeclineProblem::WaitUntilRequired,
                ));
                None
            } else {
                let d = parse_date("wait_until", label::WAIT_UNTIL, typed, &mut errs);
                match (d, on) {
                    (Some(w), Some(on)) if w < on => {
                        errs.push(
                            FieldError::new(
                                "wait_until",
                                label::WAIT_UNTIL,
                                DeclineProblem::WaitBeforeDeclined,
                            )
                            .arg("value", typed)
                            .arg("on", on.format("%Y-%m-%d")),
                        );
                        None
                    }
                    _ => d,
                }
            }
        } else {
            None
        };
        let substitute = if alternatives.contains(&Alternative::Substitute) {
            if self.substitute.trim().is_empty() {
                errs.push(FieldError::new(
                    "substitute",
                    label::SUBSTITUTE,
                    DeclineProblem::SubstituteRequired,
                ));
            } else {
                short("substitute", label::SUBSTITUTE, &self.substitute, &mut errs);
            }
            self.substitute.trim().to_string()
        } else {
            String::new()
        };
        let partner_id = if alternatives.contains(&Alternative::Partner) {
            match self.partner_id {
                None => {
                    errs.push(FieldError::new(
                        "partner",
                        label::PARTNER,
                        DeclineProblem::PartnerRequired,
                    ));
                    None
                }
                Some(id) => match trust(id) {
                    Some(TrustLevel::Trusted) => Some(id),
                    Some(_) => {
                        errs.push(FieldError::new(
                            "partner",
                            label::PARTNER,
                            DeclineProblem::PartnerNotTrusted,
                        ));
                        None
                    }
                    None => {
                        errs.push(FieldError::new(
                            "partner",
                            label::PARTNER,
                            DeclineProblem::PartnerMissing,
                        ));
                        None
                    }
                },
            }
        } else {
            None
        };
        if let Some(d) = on {
            if d > today {
                errs.push(
                    FieldError::new("on", label::ON, DeclineProblem::OnInFuture)
                        .arg("value", d.format("%Y-%m-%d")),
                );
            }
        }
        // 6. The script and a note.
        long("script", label::SCRIPT, &self.script, &mut errs);
        long("note", label::NOTE, &self.note, &mut errs);
        if !errs.is_empty() {
            return Err(errs);
        }
        let (Some(on), Some(reason), Some(tactical), Some(strategic)) =
            (on, self.reason, tactical, strategic)
        else {
            unreachable!("every missing part was reported")
        };
        Ok(DeclineFields {
            on,
            requester: self.requester.trim().to_string(),
            account_id: self.account_id,
            person_id: self.person_id,
            asked: self.asked.trim().to_string(),
            field: self.field.trim().to_string(),
            source: self.source,
            reason,
            tactical,
            strategic,
            alternatives,
            wait_until,
            substitute,
            partner_id,
            script: self.script.trim().to_string(),
            note: self.note.trim().to_string(),
        })
    }
}

impl DeclineFields {
    /// Writes the fields over `d`.
    pub fn apply_to(self, d: &mut DeclinedRequest) {
        d.on = self.on;
        d.requester = self.requester;
        d.account_id = self.account_id;
        d.person_id = self.person_id;
        d.asked = self.asked;
        d.field = self.field;
        d.source = self.source;
        d.reason = self.reason;
        d.tactical = self.tactical;
        d.strategic = self.strategic;
        d.alternatives = self.alternatives;
        d.wait_until = self.wait_until;
        d.substitute = self.substitute;
        d.partner_id = self.partner_id;
        d.script = self.script;
        d.note = self.note;
    }

    /// A new declined request with these fields.
    pub fn into_new(self, now: DateTime<Utc>) -> DeclinedRequest {
        let m = Meta::new(now);
        let mut d = DeclinedRequest {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            on: self.on,
            requester: String::new(),
            account_id: None,
            person_id: None,
            asked: String::new(),
            field: String::new(),
            source: None,
            reason: self.reason,
            tactical: self.tactical,
            strategic: self.strategic,
            alternatives: Vec::new(),
            wait_until: None,
            substitute: String::new(),
            partner_id: None,
            script: String::new(),
            note: String::new(),
        };
        self.apply_to(&mut d);
        d
    }
}

/// One part of the polite script, in the order it is said; the page words each part from
/// the catalogue, so the script reads in the rep's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScriptPart {
    /// Thanks for thinking of us.
    Thanks,
    /// Why we cannot serve it, in kind words.
    Reason(DeclineReason),
    /// We could serve it from this date.
    Wait(NaiveDate),
    /// What we can offer instead.
    Substitute(String),
    /// A trusted partner who does it well, and how to reach them.
    Partner {
        name: String,
        contact: String,
        phone: String,
        email: String,
    },
    /// Come back to us for what we do.
    Invitation,
}

/// The parts of the polite script for a request declined for `reason`, with the
/// alternatives offered: thanks, the reason, each alternative (waiting, the substitute,
/// the partner with their contact), and an invitation to come back. An alternative
/// without its detail (no date, no substitute, no partner) is left out.
pub fn script_parts(
    reason: Option<DeclineReason>,
    alternatives: &[Alternative],
    wait_until: Option<NaiveDate>,
    substitute: &str,
    partner: Option<&Partner>,
) -> Vec<ScriptPart> {
    let mut parts = vec![ScriptPart::Thanks];
    if let Some(r) = reason {
        parts.push(ScriptPart::Reason(r));
    }
    if alternatives.contains(&Alternative::Wait) {
        if let Some(d) = wait_until {
            parts.push(ScriptPart::Wait(d));
        }
    }
    if alternatives.contains(&Alternative::Substitute) && !substitute.trim().is_empty() {
        parts.push(ScriptPart::Substitute(substitute.trim().to_string()));
    }
    if alternatives.contains(&Alternative::Partner) {
        if let Some(p) = partner.filter(|p| p.trust == TrustLevel::Trusted) {
            parts.push(ScriptPart::Partner {
                name: p.name.clone(),
                contact: p.contact.clone(),
                phone: p.phone.clone(),
                email: p.email.clone(),
            });
        }
    }
    parts.push(ScriptPart::Invitation);
    parts
}
