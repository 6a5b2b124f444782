//! Step 1 — competitor information: who else sells, what, how well, and through whom.
//!
//! Which competitor products each customer uses, and how satisfied it is, lives on the
//! account (`Account::products_in_use`); [`accounts_using`] reads it back per competitor.

use crate::domain::account::{Account, ProductInUse};
use crate::domain::contact::{clean_links, PersonLink};
use crate::domain::fields::{FieldError, FieldProblem};
use crate::domain::ids::{Id, Meta};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A competitor's sales rep: name, selling traits, and ties to the customer's people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CompetitorRep {
    #[serde(default)]
    pub name: String,
    /// How they sell ("discounts hard at quarter end", "strong on demos").
    #[serde(default)]
    pub traits: String,
    /// The customer's people they are close to.
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub ties: Vec<PersonLink>,
}

/// A competing supplier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Competitor {
    pub id: Id,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::domain::stamp::de")]
    pub updated_at: DateTime<Utc>,
    pub rev: u64,
    pub name: String,
    #[serde(default)]
    pub website: String,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub products: Vec<String>,
    #[serde(default)]
    pub strengths: String,
    #[serde(default)]
    pub weaknesses: String,
    #[serde(default, deserialize_with = "crate::domain::exact::vec")]
    pub reps: Vec<CompetitorRep>,
    #[serde(default)]
    pub notes: String,
}
crate::impl_record!(Competitor, "competitors");

impl Competitor {
    pub fn new(name: impl Into<String>, now: DateTime<Utc>) -> Self {
        let m = Meta::new(now);
        Competitor {
            id: m.id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            rev: m.rev,
            name: name.into(),
            website: String::new(),
            products: Vec::new(),
            strengths: String::new(),
            weaknesses: String::new(),
            reps: Vec::new(),
            notes: String::new(),
        }
    }
}

/// What a competitor form holds: `products` one row per product, reps as edited rows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CompetitorDraft {
    pub name: String,
    pub website: String,
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub products: Vec<String>,
    pub strengths: String,
    pub weaknesses: String,
    #[serde(deserialize_with = "crate::domain::exact::vec")]
    pub reps: Vec<CompetitorRep>,
    pub notes: String,
}

/// A validated competitor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCompetitor {
    pub name: String,
    pub website: String,
    pub products: Vec<String>,
    pub strengths: String,
    pub weaknesses: String,
    pub reps: Vec<CompetitorRep>,
    pub notes: String,
}

impl CompetitorDraft {
    pub fn from_competitor(c: &Competitor) -> Self {
        CompetitorDraft {
            name: c.name.clone(),
            website: c.website.clone(),
            products: c.products.clone(),
            strengths: c.strengths.clone(),
            weaknesses: c.weaknesses.clone(),
            reps: c.reps.clone(),
            notes: c.notes.clone(),
        }
    }

    /// Name required; website plausible when filled; a rep row with traits or ties needs a
    /// name (blank rows are dropped); products trimmed, blanks and folded duplicates dropped.
    pub fn validate(&self) -> Result<ValidCompetitor, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim().to_string();
        if name.is_empty() {
            errors.push(FieldError::new(
                "name",
                "competitor.field.name",
                FieldProblem::Required,
            ));
        }
        crate::domain::account::check_name_length(
            &name,
            "name",
            "competitor.field.name",
            &mut errors,
        );
        let website = self.website.trim().to_string();
        if !website.is_empty() && !crate::domain::account::is_valid_url(&website) {
            errors.push(
                FieldError::new(
                    "website",
                    "competitor.field.website",
                    FieldProblem::InvalidUrl,
                )
                .arg("value", &self.website),
            );
        }
        let mut reps = Vec::new();
        for (i, r) in self.reps.iter().enumerate() {
            let rep = CompetitorRep {
                name: r.name.trim().to_string(),
                traits: r.traits.trim().to_string(),
                ties: clean_links(&r.ties),
            };
            if rep.name.is_empty() {
                if !rep.traits.is_empty() || !rep.ties.is_empty() {
                    errors.push(
                        FieldError::new("reps", "competitor.field.reps", FieldProblem::Required)
                            .at(i),
                    );
                }
                continue;
            }
            reps.push(rep);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let products = crate::domain::account::parse_tags(&self.products.join("\n"));
        Ok(ValidCompetitor {
            name,
            website,
            products,
            strengths: self.strengths.trim().to_string(),
            weaknesses: self.weaknesses.trim().to_string(),
            reps,
            notes: self.notes.trim().to_string(),
        })
    }
}

impl ValidCompetitor {
    pub fn into_new(self, now: DateTime<Utc>) -> Competitor {
        let mut c = Competitor::new(String::new(), now);
        self.apply_to(&mut c);
        c
    }

    /// Writes the details over `competitor`, keeping identity and bookkeeping.
    pub fn apply_to(self, competitor: &mut Competitor) {
        competitor.name = self.name;
        competitor.website = self.website;
        competitor.products = self.products;
        competitor.strengths = self.strengths;
        competitor.weaknesses = self.weaknesses;
        competitor.reps = self.reps;
        competitor.notes = self.notes;
    }
}

/// A sales rep added on the competitor's page: name and traits as typed, the ties one
/// name each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RepDraft {
    pub name: String,
    pub traits: String,
    pub ties: Vec<String>,
}

/// The competitor with one more sales rep (name and traits trimmed); each tie is linked to
/// the person of that name in `people` (`(id, name)`, compared ignoring case and accents)
/// when there is one. Refused without a name.
pub fn add_rep(
    competitor: &Competitor,
    rep: RepDraft,
    people: &[(Id, String)],
) -> Result<Competitor, FieldError> {
    let name = rep.name.trim();
    if name.is_empty() {
        return Err(FieldError::new(
            "rep_name",
            "competitor.field.rep_name",
            FieldProblem::Required,
        ));
    }
    let fold = crate::domain::text::fold;
    let ties = rep
        .ties
        .into_iter()
        .map(|n| PersonLink {
            contact_id: people
                .iter()
                .find(|(_, pn)| fold(pn) == fold(&n))
                .map(|(i, _)| *i),
            name: n,
        })
        .collect();
    let mut c = competitor.clone();
    c.reps.push(CompetitorRep {
        name: name.to_string(),
        traits: rep.traits.trim().to_string(),
        ties,
    });
    Ok(c)
}

/// The accounts that use a competitor's products, with each product row: the competitor
/// page's "where they are installed and how satisfied the customer is". Archived accounts
/// are included; the caller filters if it wants.
pub fn accounts_using(accounts: &[Account], competitor_id: Id) -> Vec<(&Account, &ProductInUse)> {
    accounts
        .iter()
        .flat_map(|a| a.products_in_use.iter().map(move |p| (a, p)))
        .filter(|(_, p)| p.competitor_id == Some(competitor_id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::Satisfaction;
    use crate::domain::ids::{new_id, Record};
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap()
    }

    #[test]
    fn minimal_record_loads() {
        let json = format!(
            r#"{{"id":"{}","created_at":"2026-01-01T09:00:00Z","updated_at":"2026-01-01T09:00:00Z","rev":1,"name":"Rival AG"}}"#,
            new_id()
        );
        let c: Competitor = serde_json::from_str(&json).unwrap();
        assert_eq!(c.name, "Rival AG");
        assert!(c.reps.is_empty());
        assert_eq!(<Competitor as Record>::KIND, "competitors");
    }

    #[test]
    fn validate_names_required_fields_and_cleans_rows() {
        let d = CompetitorDraft {
            reps: vec![CompetitorRep {
                traits: "pushy".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let errs = d.validate().unwrap_err();
        assert_eq!(
            (errs[0].field, errs[0].problem),
            ("name", FieldProblem::Required)
        );
        assert_eq!((errs[1].field, errs[1].index), ("reps", Some(0)));

        let d = CompetitorDraft {
            name: " Rival ".into(),
            products: vec!["Pump X".into(), "".into(), "pump x".into(), "Valve".into()],
            reps: vec![
                CompetitorRep {
                    name: "Olga".into(),
                    traits: "discounts at quarter end".into(),
                    ties: vec![PersonLink::named("Anna"), PersonLink::named("")],
                },
                CompetitorRep::default(),
            ],
            ..Default::default()
        };
        let c = d.validate().unwrap().into_new(now());
        assert_eq!(c.name, "Rival");
        assert_eq!(c.products, ["Pump X", "Valve"]);
        assert_eq!(c.reps.len(), 1);
        assert_eq!(c.reps[0].ties, [PersonLink::named("Anna")]);
        let mut c2 = c.clone();
        CompetitorDraft::from_competitor(&c)
            .validate()
            .unwrap()
            .apply_to(&mut c2);
        assert_eq!(c, c2);
    }

    #[test]
    fn accounts_using_reads_product_rows() {
        let rival = Competitor::new("Rival", now());
        let mut a = Account::new("Acme", now());
        a.products_in_use = vec![
            ProductInUse {
                competitor_id: Some(rival.id),
                product: "Pump X".into(),
                satisfaction: Some(Satisfaction::Unhappy),
                ..Default::default()
            },
            ProductInUse {
                product: "Our pump".into(),
                ..Default::default()
            },
        ];
        let b = Account::new("Beta", now());
        let all = vec![a, b];
        let used = accounts_using(&all, rival.id);
        assert_eq!(used.len(), 1);
        assert_eq!(used[0].0.name, "Acme");
        assert_eq!(used[0].1.satisfaction, Some(Satisfaction::Unhappy));
    }

    #[test]
    fn a_rep_is_added_with_a_name_and_ties_linked_by_name() {
        let c = Competitor::new("Rival", now());
        let err = add_rep(&c, RepDraft::default(), &[]).unwrap_err();
        assert_eq!(
            (err.field, err.label_key, err.problem),
            (
                "rep_name",
                "competitor.field.rep_name",
                FieldProblem::Required
            )
        );
        let anna = crate::domain::ids::new_id();
        let people = vec![(anna, "Änna".to_string())];
        let with = add_rep(
            &c,
            RepDraft {
                name: " Olga ".into(),
                traits: " pushy ".into(),
                ties: vec!["anna".into(), "Juris".into()],
            },
            &people,
        )
        .unwrap();
        let rep = &with.reps[0];
        assert_eq!((rep.name.as_str(), rep.traits.as_str()), ("Olga", "pushy"));
        assert_eq!(rep.ties[0].contact_id, Some(anna));
        assert_eq!(rep.ties[0].name, "anna");
        assert_eq!(rep.ties[1], PersonLink::named("Juris"));
    }
}
