//! Step 1 — customer analysis: the people of an account and their place in the buying centre.
//!
//! Every person has the three buying-centre dimensions of METHOD.md (level, function, roles),
//! the guide flag, the personal facts the method asks for, the date last met and their choice
//! criteria (seed 001: vital when a key contact leaves). A person who changes company moves to
//! another account with [`move_to_account`], keeping the history of where they were and what
//! part they played there.

use crate::domain::account::{clean_emails, clean_phones, parse_date};
use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::ids::{Id, Meta};
use crate::domain::relationship::Relationship;
use crate::domain::style::StyleJudgement;
use crate::keyed_enum;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Level in the buying centre: operation (end users), management (small and medium
/// purchases, veto on big ones), decision (top leaders who decide and sign).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuyingLevel {
    Operation,
    Management,
    Decision,
}
keyed_enum!(BuyingLevel, "level", {
    Operation => "operation",
    Management => "management",
    Decision => "decision",
});

/// Function in the buying centre: user department (starts and evaluates the purchase),
/// technical (plans and maintains), procurement/finance (compares, negotiates), other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuyingFunction {
    User,
    Technical,
    Procurement,
    Other,
}
keyed_enum!(BuyingFunction, "function", {
    User => "user",
    Technical => "technical",
    Procurement => "procurement",
    Other => "other",
});

/// Role in the purchase; a person may hold several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuyingRole {
    /// Saw the problem and proposed buying.
    Initiator,
    /// Decides and signs.
    DecisionMaker,
    /// Will use what is bought.
    User,
    /// Turns the motive into purchase specifications.
    Designer,
    /// Compares suppliers' proposals against the specifications.
    Evaluator,
}
keyed_enum!(BuyingRole, "role", {
    Initiator => "initiator",
    DecisionMaker => "decision_maker",
    User => "user",
    Designer => "designer",
    Evaluator => "evaluator",
});

/// A link to another person: a contact when they are on record, else just a name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct PersonLink {
    #[serde(default)]
    pub contact_id: Option<Id>,
    #[serde(default)]
    pub name: String,
}

impl PersonLink {
    pub fn to_contact(contact: &Contact) -> Self {
        PersonLink {
            contact_id: Some(contact.id),
            name: contact.name.clone(),
        }
    }
    pub fn named(name: impl Into<String>) -> Self {
        PersonLink {
            contact_id: None,
            name: name.into(),
        }
    }
    fn is_blank(&self) -> bool {
        self.contact_id.is_none() && self.name.trim().is_empty()
    }
    /// Identity for de-duplication: the contact id, else the folded name.
    pub(crate) fn identity(&self) -> (Option<Id>, String) {
        match self.contact_id {
            Some(id) => (Some(id), String::new()),
            None => (None, crate::domain::text::fold(&self.name)),
        }
    }
}

/// Trims links, drops blank ones and duplicates.
pub(crate) fn clean_links(links: &[PersonLink]) -> Vec<PersonLink> {
    let mut out: Vec<PersonLink> = Vec::new();
    for l in links {
        if l.is_blank() {
            continue;
        }
        let l = PersonLink {
            contact_id: l.contact_id,
            name: l.name.trim().to_string(),
        };
        if !out.iter().any(|o| o.identity() == l.identity()) {
            out.push(l);
        }
    }
    out
}

/// One move of a person from one account to another, with the part they played at the
/// account they left (so the old buying centre's history stays readable).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountMove {
    pub from: Id,
    pub to: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub at: DateTime<Utc>,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub level: Option<BuyingLevel>,
    #[serde(default)]
    pub function: Option<BuyingFunction>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub roles: Vec<BuyingRole>,
    #[serde(default)]
    pub was_guide: bool,
}

/// A person at a customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub account_id: Id,
    pub name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub phones: Vec<String>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub emails: Vec<String>,
    #[serde(default)]
    pub level: Option<BuyingLevel>,
    #[serde(default)]
    pub function: Option<BuyingFunction>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub roles: Vec<BuyingRole>,
    /// A guide (internal coach): values us and shares information.
    #[serde(default)]
    pub is_guide: bool,
    #[serde(default)]
    pub family: String,
    #[serde(default)]
    pub home_town: String,
    #[serde(default)]
    pub school: String,
    #[serde(default)]
    pub field_of_study: String,
    /// Hobbies: sports.
    #[serde(default)]
    pub sports: String,
    /// Hobbies: restaurants and food.
    #[serde(default)]
    pub food: String,
    /// Hobbies: books and magazines.
    #[serde(default)]
    pub reading: String,
    #[serde(default)]
    pub holiday_plans: String,
    #[serde(default)]
    pub holiday_routes: String,
    /// Friends inside the organisation.
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub friends: Vec<PersonLink>,
    /// Rivals inside the organisation.
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub rivals: Vec<PersonLink>,
    #[serde(default)]
    pub last_met: Option<NaiveDate>,
    #[serde(default)]
    pub choice_criteria: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub relationship: Relationship,
    #[serde(default)]
    pub style: Option<StyleJudgement>,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub account_history: Vec<AccountMove>,
}
crate::impl_record!(Contact, "contacts");

impl Contact {
    /// A new person at `account_id`, otherwise empty.
    pub fn new(account_id: Id, name: impl Into<String>, now: DateTime<Utc>) -> Self {
        let m = Meta::new(now);
        Contact {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            account_id,
            name: name.into(),
            title: String::new(),
            phones: Vec::new(),
            emails: Vec::new(),
            level: None,
            function: None,
            roles: Vec::new(),
            is_guide: false,
            family: String::new(),
            home_town: String::new(),
            school: String::new(),
            field_of_study: String::new(),
            sports: String::new(),
            food: String::new(),
            reading: String::new(),
            holiday_plans: String::new(),
            holiday_routes: String::new(),
            friends: Vec::new(),
            rivals: Vec::new(),
            last_met: None,
            choice_criteria: String::new(),
            notes: String::new(),
            relationship: Relationship::default(),
            style: None,
            account_history: Vec::new(),
        }
    }

    pub fn has_role(&self, role: BuyingRole) -> bool {
        self.roles.contains(&role)
    }

    /// The contacts of one account, in input order.
    pub fn of_account(contacts: &[Contact], account_id: Id) -> Vec<&Contact> {
        contacts
            .iter()
            .filter(|c| c.account_id == account_id)
            .collect()
    }
}

/// Moves a person to another account, keeping history: an [`AccountMove`] records where they
/// were, when, and the title, level, function, roles and guide flag they had there. Those
/// buying-centre dimensions describe their place in the *old* organisation, so they are
/// cleared on the moved contact (the rep sets the new ones); the title stays for the rep to
/// edit. Personal facts, relationship, style and notes travel with the person. Moving to the
/// account they are already at changes nothing.
pub fn move_to_account(contact: &Contact, new_account: Id, now: DateTime<Utc>) -> Contact {
    let mut c = contact.clone();
    if c.account_id == new_account {
        return c;
    }
    c.account_history.push(AccountMove {
        from: c.account_id,
        to: new_account,
        at: now,
        title: c.title.clone(),
        level: c.level,
        function: c.function,
        roles: c.roles.clone(),
        was_guide: c.is_guide,
    });
    c.account_id = new_account;
    c.level = None;
    c.function = None;
    c.roles.clear();
    c.is_guide = false;
    c
}

/// Whether the person was ever at `account_id` (now or before a move).
pub fn was_at_account(contact: &Contact, account_id: Id) -> bool {
    contact.account_id == account_id
        || contact
            .account_history
            .iter()
            .any(|m| m.from == account_id || m.to == account_id)
}

/// One personal fact worth knowing before a call: its label (catalogue key) and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonalFact {
    pub label_key: &'static str,
    pub value: String,
}

/// The person's personal facts that are filled in, in a fixed order: family, home town,
/// school, field of study, sports, food, reading, holiday plans, holiday routes, friends and
/// rivals inside (their names, joined with ", "). Blank ones are left out.
pub fn personal_facts(c: &Contact) -> Vec<PersonalFact> {
    let names = |links: &[PersonLink]| {
        links
            .iter()
            .map(|l| l.name.trim())
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    [
        ("contact.field.family", c.family.trim().to_string()),
        ("contact.field.home_town", c.home_town.trim().to_string()),
        ("contact.field.school", c.school.trim().to_string()),
        (
            "contact.field.field_of_study",
            c.field_of_study.trim().to_string(),
        ),
        ("contact.field.sports", c.sports.trim().to_string()),
        ("contact.field.food", c.food.trim().to_string()),
        ("contact.field.reading", c.reading.trim().to_string()),
        (
            "contact.field.holiday_plans",
            c.holiday_plans.trim().to_string(),
        ),
        (
            "contact.field.holiday_routes",
            c.holiday_routes.trim().to_string(),
        ),
        ("contact.field.friends", names(&c.friends)),
        ("contact.field.rivals", names(&c.rivals)),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(label_key, value)| PersonalFact { label_key, value })
    .collect()
}

/// What a person form holds: text inputs as typed, one string per phone/e-mail row, typed
/// values for selects and checkboxes, `last_met` as a date input's value.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactDraft {
    pub account_id: Option<Id>,
    pub name: String,
    pub title: String,
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub phones: Vec<String>,
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub emails: Vec<String>,
    pub level: Option<BuyingLevel>,
    pub function: Option<BuyingFunction>,
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub roles: Vec<BuyingRole>,
    pub is_guide: bool,
    pub family: String,
    pub home_town: String,
    pub school: String,
    pub field_of_study: String,
    pub sports: String,
    pub food: String,
    pub reading: String,
    pub holiday_plans: String,
    pub holiday_routes: String,
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub friends: Vec<PersonLink>,
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub rivals: Vec<PersonLink>,
    pub last_met: String,
    pub choice_criteria: String,
    pub notes: String,
}

/// A validated person (everything the form edits; relationship, style and move history are
/// kept from the stored record by [`ValidContact::apply_to`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidContact {
    pub account_id: Id,
    pub name: String,
    pub title: String,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub level: Option<BuyingLevel>,
    pub function: Option<BuyingFunction>,
    pub roles: Vec<BuyingRole>,
    pub is_guide: bool,
    pub family: String,
    pub home_town: String,
    pub school: String,
    pub field_of_study: String,
    pub sports: String,
    pub food: String,
    pub reading: String,
    pub holiday_plans: String,
    pub holiday_routes: String,
    pub friends: Vec<PersonLink>,
    pub rivals: Vec<PersonLink>,
    pub last_met: Option<NaiveDate>,
    pub choice_criteria: String,
    pub notes: String,
}

impl ContactDraft {
    /// A blank draft for a new person at `account_id`.
    pub fn for_account(account_id: Id) -> Self {
        ContactDraft {
            account_id: Some(account_id),
            ..Default::default()
        }
    }

    /// The draft for editing a stored person.
    pub fn from_contact(c: &Contact) -> Self {
        ContactDraft {
            account_id: Some(c.account_id),
            name: c.name.clone(),
            title: c.title.clone(),
            phones: c.phones.clone(),
            emails: c.emails.clone(),
            level: c.level,
            function: c.function,
            roles: c.roles.clone(),
            is_guide: c.is_guide,
            family: c.family.clone(),
            home_town: c.home_town.clone(),
            school: c.school.clone(),
            field_of_study: c.field_of_study.clone(),
            sports: c.sports.clone(),
            food: c.food.clone(),
            reading: c.reading.clone(),
            holiday_plans: c.holiday_plans.clone(),
            holiday_routes: c.holiday_routes.clone(),
            friends: c.friends.clone(),
            rivals: c.rivals.clone(),
            last_met: c
                .last_met
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            choice_criteria: c.choice_criteria.clone(),
            notes: c.notes.clone(),
        }
    }

    /// Checks the draft: account and name required; phones, e-mails plausible when filled;
    /// `last_met` a date when filled. Roles are de-duplicated and kept in method order;
    /// blank friend/rival rows are dropped. The draft is left as typed.
    pub fn validate(&self) -> Result<ValidContact, Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.account_id.is_none() {
            errors.push(FieldError::new(
                "account_id",
                "contact.field.account_id",
                FieldProblem::Required,
            ));
        }
        let name = self.name.trim().to_string();
        if name.is_empty() {
            errors.push(FieldError::new(
                "name",
                "contact.field.name",
                FieldProblem::Required,
            ));
        }
        crate::domain::account::check_name_length(&name, "name", "contact.field.name", &mut errors);
        crate::domain::account::check_name_length(
            self.title.trim(),
            "title",
            "contact.field.title",
            &mut errors,
        );
        let phones = clean_phones(&self.phones, "phones", "contact.field.phones", &mut errors);
        let emails = clean_emails(&self.emails, "emails", "contact.field.emails", &mut errors);
        let last_met = parse_date(&self.last_met).unwrap_or_else(|_| {
            errors.push(
                FieldError::new(
                    "last_met",
                    "contact.field.last_met",
                    FieldProblem::InvalidDate,
                )
                .arg("value", &self.last_met),
            );
            None
        });
        let Some(account_id) = self.account_id.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        let roles = BuyingRole::ALL
            .iter()
            .copied()
            .filter(|r| self.roles.contains(r))
            .collect();
        let t = |s: &String| s.trim().to_string();
        Ok(ValidContact {
            account_id,
            name,
            title: t(&self.title),
            phones,
            emails,
            level: self.level,
            function: self.function,
            roles,
            is_guide: self.is_guide,
            family: t(&self.family),
            home_town: t(&self.home_town),
            school: t(&self.school),
            field_of_study: t(&self.field_of_study),
            sports: t(&self.sports),
            food: t(&self.food),
            reading: t(&self.reading),
            holiday_plans: t(&self.holiday_plans),
            holiday_routes: t(&self.holiday_routes),
            friends: clean_links(&self.friends),
            rivals: clean_links(&self.rivals),
            last_met,
            choice_criteria: t(&self.choice_criteria),
            notes: t(&self.notes),
        })
    }
}

impl ValidContact {
    /// A new person with these details (rev 1).
    pub fn into_new(self, now: DateTime<Utc>) -> Contact {
        let mut c = Contact::new(self.account_id, String::new(), now);
        self.apply_to(&mut c, now);
        c
    }

    /// Writes the details over `contact`, keeping identity, relationship, style and history.
    /// A changed account is a move: it goes through [`move_to_account`] so history is kept.
    pub fn apply_to(self, contact: &mut Contact, now: DateTime<Utc>) {
        if contact.account_id != self.account_id {
            *contact = move_to_account(contact, self.account_id, now);
        }
        contact.name = self.name;
        contact.title = self.title;
        contact.phones = self.phones;
        contact.emails = self.emails;
        contact.level = self.level;
        contact.function = self.function;
        contact.roles = self.roles;
        contact.is_guide = self.is_guide;
        contact.family = self.family;
        contact.home_town = self.home_town;
        contact.school = self.school;
        contact.field_of_study = self.field_of_study;
        contact.sports = self.sports;
        contact.food = self.food;
        contact.reading = self.reading;
        contact.holiday_plans = self.holiday_plans;
        contact.holiday_routes = self.holiday_routes;
        contact.friends = self.friends;
        contact.rivals = self.rivals;
        contact.last_met = self.last_met;
        contact.choice_criteria = self.choice_criteria;
        contact.notes = self.notes;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{new_id, Record};
    use chrono::TimeZone;

    fn t(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 2, day, 9, 0, 0).unwrap()
    }

    #[test]
    fn enum_codes_and_keys() {
        for r in BuyingRole::ALL {
            assert_eq!(
                serde_json::to_string(r).unwrap(),
                format!("\"{}\"", r.code())
            );
        }
        for l in BuyingLevel::ALL {
            assert_eq!(
                serde_json::to_string(l).unwrap(),
                format!("\"{}\"", l.code())
            );
        }
        for f in BuyingFunction::ALL {
            assert_eq!(
                serde_json::to_string(f).unwrap(),
                format!("\"{}\"", f.code())
            );
        }
        assert_eq!(BuyingRole::DecisionMaker.key(), "role.decision_maker");
        assert_eq!(BuyingLevel::Operation.key(), "level.operation");
        assert_eq!(BuyingFunction::Procurement.key(), "function.procurement");
        assert_eq!(<Contact as Record>::KIND, "contacts");
    }

    #[test]
    fn personal_facts_are_the_filled_ones_in_a_fixed_order_with_labels() {
        let mut c = Contact::new(new_id(), "Ana", t(1));
        assert!(personal_facts(&c).is_empty());
        c.rivals = vec![PersonLink::named("Carl"), PersonLink::named("  ")];
        c.sports = "Sailing".into();
        c.home_town = "  Vigo ".into();
        c.food = "   ".into();
        c.friends = vec![PersonLink::named("Ben"), PersonLink::named("Dora")];
        c.holiday_routes = "Camino de Santiago".into();
        let facts = personal_facts(&c);
        let pairs: Vec<(&str, &str)> = facts
            .iter()
            .map(|f| (f.label_key, f.value.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("contact.field.home_town", "Vigo"),
                ("contact.field.sports", "Sailing"),
                ("contact.field.holiday_routes", "Camino de Santiago"),
                ("contact.field.friends", "Ben, Dora"),
                ("contact.field.rivals", "Carl"),
            ]
        );
        // Every field filled: all eleven, each with a label in both catalogues.
        for f in [
            &mut c.family,
            &mut c.school,
            &mut c.field_of_study,
            &mut c.food,
            &mut c.reading,
            &mut c.holiday_plans,
        ] {
            *f = "x".into();
        }
        let facts = personal_facts(&c);
        assert_eq!(facts.len(), 11);
        assert_eq!(facts[0].label_key, "contact.field.family");
        assert_eq!(facts[10].label_key, "contact.field.rivals");
        for l in crate::i18n::Locale::ALL {
            for f in &facts {
                assert!(l.catalogue().get(f.label_key).is_some(), "{}", f.label_key);
            }
        }
    }

    #[test]
    fn a_minimal_record_still_loads() {
        let json = format!(
            r#"{{"id":"{}","created_at":"2026-01-01T09:00:00Z","updated_at":"2026-01-01T09:00:00Z","rev":3,"account_id":"{}","name":"Anna"}}"#,
            new_id(),
            new_id()
        );
        let c: Contact = serde_json::from_str(&json).unwrap();
        assert_eq!(c.name, "Anna");
        assert!(c.roles.is_empty() && c.style.is_none() && c.account_history.is_empty());
        let back: Contact = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn required_fields_are_named() {
        let d = ContactDraft {
            title: "CFO".into(),
            last_met: "yesterday".into(),
            emails: vec!["anna@".into()],
            ..Default::default()
        };
        let errs = d.validate().unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| (e.field, e.problem)).collect();
        assert_eq!(
            fields,
            [
                ("account_id", FieldProblem::Required),
                ("name", FieldProblem::Required),
                ("emails", FieldProblem::InvalidEmail),
                ("last_met", FieldProblem::InvalidDate),
            ]
        );
        assert_eq!(errs[1].label_key, "contact.field.name");
        assert_eq!(d.title, "CFO");
    }

    #[test]
    fn valid_draft_round_trips() {
        let acc = new_id();
        let friend = new_id();
        let d = ContactDraft {
            account_id: Some(acc),
            name: " Jānis Bērziņš ".into(),
            roles: vec![
                BuyingRole::Evaluator,
                BuyingRole::Initiator,
                BuyingRole::Evaluator,
            ],
            level: Some(BuyingLevel::Management),
            is_guide: true,
            friends: vec![
                PersonLink {
                    contact_id: Some(friend),
                    name: "Ilze".into(),
                },
                PersonLink::named("  "),
                PersonLink {
                    contact_id: Some(friend),
                    name: "Ilze K.".into(),
                },
            ],
            last_met: "2026-01-15".into(),
            ..Default::default()
        };
        let v = d.validate().unwrap();
        assert_eq!(v.name, "Jānis Bērziņš");
        assert_eq!(v.roles, [BuyingRole::Initiator, BuyingRole::Evaluator]);
        assert_eq!(v.friends.len(), 1);
        let c = v.into_new(t(1));
        assert_eq!(c.account_id, acc);
        assert!(c.is_guide);
        assert_eq!(c.last_met, NaiveDate::from_ymd_opt(2026, 1, 15));
        let mut c2 = c.clone();
        ContactDraft::from_contact(&c)
            .validate()
            .unwrap()
            .apply_to(&mut c2, t(2));
        assert_eq!(c, c2);
    }

    #[test]
    fn moving_keeps_history_and_clears_the_old_buying_centre_place() {
        let (a, b) = (new_id(), new_id());
        let mut c = Contact::new(a, "Anna", t(1));
        c.title = "Head of QA".into();
        c.level = Some(BuyingLevel::Management);
        c.function = Some(BuyingFunction::Technical);
        c.roles = vec![BuyingRole::Evaluator];
        c.is_guide = true;
        c.notes = "Prefers mornings".into();
        let m = move_to_account(&c, b, t(5));
        assert_eq!(m.id, c.id);
        assert_eq!(m.account_id, b);
        assert_eq!(m.notes, "Prefers mornings");
        assert!(m.level.is_none() && m.roles.is_empty() && !m.is_guide);
        assert_eq!(m.account_history.len(), 1);
        let h = &m.account_history[0];
        assert_eq!((h.from, h.to, h.at), (a, b, t(5)));
        assert_eq!(h.level, Some(BuyingLevel::Management));
        assert_eq!(h.roles, [BuyingRole::Evaluator]);
        assert!(h.was_guide);
        assert_eq!(h.title, "Head of QA");
        assert!(was_at_account(&m, a) && was_at_account(&m, b));
        // Moving to the same account is a no-op.
        assert_eq!(move_to_account(&m, b, t(6)), m);
    }

    #[test]
    fn changing_account_in_the_form_is_a_move() {
        let (a, b) = (new_id(), new_id());
        let mut c = Contact::new(a, "Anna", t(1));
        let mut d = ContactDraft::from_contact(&c);
        d.account_id = Some(b);
        d.validate().unwrap().apply_to(&mut c, t(3));
        assert_eq!(c.account_id, b);
        assert_eq!(c.account_history[0].from, a);
    }
}
