//! The referral ask as typed; the day is passed in (no clock here).

use chrono::NaiveDate;

use super::{Referral, ReferralAnswer, ReferredLead};
use crate::domain::fields::FieldError;
use crate::domain::ids::Id;
use crate::domain::rules::{self, MAX_TEXT};

/// The labels of the form's fields (also the record rules' labels).
pub mod label {
    pub const PERSON: &str = "referral.field.person";
    pub const DEAL: &str = "referral.field.deal";
    pub const ASKED_ON: &str = "referral.field.asked_on";
    pub const ANSWER: &str = "referral.field.answer";
    pub const LEADS: &str = "referral.field.leads";
    pub const NOTE: &str = "referral.field.note";
}

/// Where the draft's records must be found.
pub struct Links<'a> {
    pub account_exists: &'a dyn Fn(Id) -> bool,
    /// The account of a person, `None` when there is no such person.
    pub person_account: &'a dyn Fn(Id) -> Option<Id>,
    /// The account of a deal, `None` when there is no such deal.
    pub deal_account: &'a dyn Fn(Id) -> Option<Id>,
}

/// The ask as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralDraft {
    pub person_id: Option<Id>,
    pub deal_id: Option<Id>,
    /// `YYYY-MM-DD`.
    pub asked_on: String,
    pub answer: ReferralAnswer,
    pub leads: Vec<ReferredLead>,
    pub note: String,
}

/// What a valid draft holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralFields {
    pub person_id: Id,
    pub account_id: Id,
    pub deal_id: Option<Id>,
    pub asked_on: NaiveDate,
    pub answer: ReferralAnswer,
    pub leads: Vec<ReferredLead>,
    pub note: String,
}

impl ReferralFields {
    /// A new record of these fields.
    pub fn into_new(self, now: chrono::DateTime<chrono::Utc>) -> Referral {
        let mut r = Referral::new(self.person_id, self.account_id, self.asked_on, now);
        self.apply_to(&mut r);
        r
    }

    /// Puts these fields on `r` (its bookkeeping is left as it is).
    pub fn apply_to(self, r: &mut Referral) {
        r.person_id = self.person_id;
        r.account_id = self.account_id;
        r.deal_id = self.deal_id;
        r.asked_on = self.asked_on;
        r.answer = self.answer;
        r.leads = self.leads;
        r.note = self.note;
    }
}

impl ReferralDraft {
    /// An empty ask of the day `today`, for `deal_id` if given.
    pub fn new(deal_id: Option<Id>, today: NaiveDate) -> Self {
        ReferralDraft {
            person_id: None,
            deal_id,
            asked_on: today.format("%Y-%m-%d").to_string(),
            answer: ReferralAnswer::Pending,
            leads: Vec::new(),
            note: String::new(),
        }
    }

    /// The form of a stored ask (to edit it).
    pub fn of(r: &Referral) -> Self {
        ReferralDraft {
            person_id: Some(r.person_id),
            deal_id: r.deal_id,
            asked_on: r.asked_on.format("%Y-%m-%d").to_string(),
            answer: r.answer,
            leads: r.leads.clone(),
            note: r.note.clone(),
        }
    }

    /// The fields, or every problem in form order.
    pub fn validate(
        &self,
        links: &Links,
        today: NaiveDate,
    ) -> Result<ReferralFields, Vec<FieldError>> {
        use label::*;
        let mut errs = Vec::new();
        let person = match self.person_id {
            None => {
                errs.push(FieldError::new("person", PERSON, "field.error.required"));
                None
            }
            Some(p) => match (links.person_account)(p) {
                Some(a) => Some((p, a)),
                None => {
                    errs.push(FieldError::new(
                        "person",
                        PERSON,
                        "referral.error.unknown_person",
                    ));
                    None
                }
            },
        };
        let account = person.map(|(_, a)| a);
        if let (Some(d), Some(a)) = (self.deal_id, account) {
            if (links.deal_account)(d) != Some(a) {
                errs.push(FieldError::new(
                    "deal",
                    DEAL,
                    "referral.error.deal_not_of_account",
                ));
            }
        }
        let typed = self.asked_on.trim();
        let asked_on = if typed.is_empty() {
            errs.push(FieldError::new(
                "asked_on",
                ASKED_ON,
                "field.error.required",
            ));
            None
        } else {
            match NaiveDate::parse_from_str(typed, "%Y-%m-%d")
                .ok()
                .filter(|d| rules::plausible_year(*d))
            {
                None => {
                    errs.push(
                        FieldError::new("asked_on", ASKED_ON, "field.error.invalid_date")
                            .arg("value", typed),
                    );
                    None
                }
                Some(d) if d > today => {
                    errs.push(
                        FieldError::new("asked_on", ASKED_ON, "referral.error.future")
                            .arg("value", typed),
                    );
                    None
                }
                Some(d) => Some(d),
            }
        };
        let mut answer = self.answer;
        if !self.leads.is_empty() {
            match answer {
                ReferralAnswer::Pending => answer = ReferralAnswer::Yes,
                ReferralAnswer::Yes => {}
                ReferralAnswer::No | ReferralAnswer::Later => errs.push(FieldError::new(
                    "answer",
                    ANSWER,
                    "referral.error.leads_without_yes",
                )),
            }
        }
        let mut seen = Vec::new();
        for (i, lead) in self.leads.iter().enumerate() {
            if !(links.account_exists)(lead.account_id) {
                errs.push(FieldError::new("leads", LEADS, "referral.error.unknown_lead").at(i));
            } else if Some(lead.account_id) == account {
                errs.push(FieldError::new("leads", LEADS, "referral.error.own_account").at(i));
            } else if seen.contains(&lead.account_id) {
                errs.push(FieldError::new("leads", LEADS, "referral.error.lead_twice").at(i));
            } else if lead
                .person_id
                .is_some_and(|p| (links.person_account)(p) != Some(lead.account_id))
            {
                errs.push(
                    FieldError::new("leads", LEADS, "referral.error.lead_person_elsewhere").at(i),
                );
            }
            seen.push(lead.account_id);
        }
        let note = self.note.trim();
        let len = note.chars().count();
        if len > MAX_TEXT {
            errs.push(
                FieldError::new("note", NOTE, "referral.error.too_long")
                    .arg("len", len)
                    .arg("max", MAX_TEXT),
            );
        }
        match (person, asked_on) {
            (Some((person_id, account_id)), Some(asked_on)) if errs.is_empty() => {
                Ok(ReferralFields {
                    person_id,
                    account_id,
                    deal_id: self.deal_id,
                    asked_on,
                    answer,
                    leads: self.leads.clone(),
                    note: note.to_string(),
                })
            }
            _ => Err(errs),
        }
    }
}
