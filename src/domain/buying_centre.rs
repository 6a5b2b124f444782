//! Step 1 — the buying-centre map of one account and what it is missing.
//!
//! People are laid out by level (rows: decision, management, operation) × function
//! (columns: user, technical, procurement, other), each with their roles and guide flag.
//! People whose level or function is not known yet sit in an extra "unknown" row or column,
//! present only when someone is in it. [`warnings`] says what the rep still has to find out.

use crate::domain::contact::{BuyingFunction, BuyingLevel, BuyingRole, Contact};
use crate::domain::ids::Id;
use crate::domain::sorting::SortExt;
use crate::domain::text::fold;

/// One person as the map shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapPerson {
    pub id: Id,
    pub name: String,
    pub title: String,
    pub roles: Vec<BuyingRole>,
    pub is_guide: bool,
}

/// A cell of the grid: the people of one level and function (sorted by folded name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapCell {
    pub level: Option<BuyingLevel>,
    pub function: Option<BuyingFunction>,
    pub people: Vec<MapPerson>,
}

/// A row of the grid: one level, one cell per column of [`BuyingCentreMap::functions`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapRow {
    /// `None`: level not known yet (catalogue key "bc.level.unknown").
    pub level: Option<BuyingLevel>,
    pub cells: Vec<MapCell>,
}

/// The level × function grid of an account's buying centre.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuyingCentreMap {
    /// The column headers; `None` is "function not known yet" ("bc.function.unknown").
    pub functions: Vec<Option<BuyingFunction>>,
    /// Top to bottom: decision, management, operation, then unknown if anyone is there.
    pub rows: Vec<MapRow>,
}

impl BuyingCentreMap {
    /// The cell of a level and function, if that row and column are shown.
    pub fn cell(
        &self,
        level: Option<BuyingLevel>,
        function: Option<BuyingFunction>,
    ) -> Option<&MapCell> {
        self.rows
            .iter()
            .find(|r| r.level == level)?
            .cells
            .iter()
            .find(|c| c.function == function)
    }

    /// Number of people on the map.
    pub fn len(&self) -> usize {
        self.rows
            .iter()
            .flat_map(|r| &r.cells)
            .map(|c| c.people.len())
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Lays out the given people (pass one account's contacts) on the grid.
pub fn map<'a>(contacts: impl IntoIterator<Item = &'a Contact>) -> BuyingCentreMap {
    let contacts: Vec<&Contact> = contacts.into_iter().collect();
    let mut levels: Vec<Option<BuyingLevel>> = vec![
        Some(BuyingLevel::Decision),
        Some(BuyingLevel::Management),
        Some(BuyingLevel::Operation),
    ];
    if contacts.iter().any(|c| c.level.is_none()) {
        levels.push(None);
    }
    let mut functions: Vec<Option<BuyingFunction>> =
        BuyingFunction::ALL.iter().copied().map(Some).collect();
    if contacts.iter().any(|c| c.function.is_none()) {
        functions.push(None);
    }
    let mut sorted = contacts;
    sorted.sort_on_cached(|c| (fold(&c.name), c.id));
    let rows = levels
        .into_iter()
        .map(|level| MapRow {
            level,
            cells: functions
                .iter()
                .map(|&function| MapCell {
                    level,
                    function,
                    people: sorted
                        .iter()
                        .filter(|c| c.level == level && c.function == function)
                        .map(|c| MapPerson {
                            id: c.id,
                            name: c.name.clone(),
                            title: c.title.clone(),
                            roles: c.roles.clone(),
                            is_guide: c.is_guide,
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    BuyingCentreMap { functions, rows }
}

/// Something the buying-centre map is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BuyingCentreWarning {
    /// Nobody is on record for this account.
    NoContacts,
    /// Nobody is marked as guide.
    NoGuide,
    /// Nobody at decision level is known (and not everyone known is at operation level).
    NoDecisionLevel,
    /// Every person whose level is known is at operation level.
    OnlyOperationLevel,
    /// Nobody holds this role.
    RoleMissing(BuyingRole),
}

impl BuyingCentreWarning {
    /// The missing role, for `RoleMissing`.
    pub fn role(&self) -> Option<BuyingRole> {
        match self {
            Self::RoleMissing(r) => Some(*r),
            _ => None,
        }
    }
}

crate::keyed_enum!(BuyingCentreWarning, {
    Self::NoContacts => "bc.warning.no_contacts",
    Self::NoGuide => "bc.warning.no_guide",
    Self::NoDecisionLevel => "bc.warning.no_decision_level",
    Self::OnlyOperationLevel => "bc.warning.only_operation_level",
    Self::RoleMissing(_) => "bc.warning.role_missing",
});

/// The roles checked by [`warnings`], in the order warnings are given.
pub const CHECKED_ROLES: &[BuyingRole] = &[
    BuyingRole::DecisionMaker,
    BuyingRole::Evaluator,
    BuyingRole::Designer,
    BuyingRole::Initiator,
    BuyingRole::User,
];

/// What the rep still has to find out about an account's buying centre (pass that account's
/// contacts). With no contacts the only warning is `NoContacts`. Otherwise, in this order:
/// `NoGuide`; `OnlyOperationLevel` when everyone whose level is known is at operation level,
/// else `NoDecisionLevel` when nobody is at decision level (the first implies the second, so
/// only one is given); `RoleMissing(r)` for decision maker, evaluator, designer, initiator
/// and user, each nobody holds.
pub fn warnings<'a>(contacts: impl IntoIterator<Item = &'a Contact>) -> Vec<BuyingCentreWarning> {
    let contacts: Vec<&Contact> = contacts.into_iter().collect();
    if contacts.is_empty() {
        return vec![BuyingCentreWarning::NoContacts];
    }
    let mut out = Vec::new();
    if !contacts.iter().any(|c| c.is_guide) {
        out.push(BuyingCentreWarning::NoGuide);
    }
    let known: Vec<BuyingLevel> = contacts.iter().filter_map(|c| c.level).collect();
    if !known.is_empty() && known.iter().all(|l| *l == BuyingLevel::Operation) {
        out.push(BuyingCentreWarning::OnlyOperationLevel);
    } else if !known.contains(&BuyingLevel::Decision) {
        out.push(BuyingCentreWarning::NoDecisionLevel);
    }
    for role in CHECKED_ROLES {
        if !contacts.iter().any(|c| c.has_role(*role)) {
            out.push(BuyingCentreWarning::RoleMissing(*role));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::new_id;
    use chrono::{TimeZone, Utc};
    use BuyingCentreWarning::*;

    fn person(
        name: &str,
        level: Option<BuyingLevel>,
        function: Option<BuyingFunction>,
        roles: &[BuyingRole],
        guide: bool,
    ) -> Contact {
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        let mut c = Contact::new(new_id(), name, now);
        c.level = level;
        c.function = function;
        c.roles = roles.to_vec();
        c.is_guide = guide;
        c
    }

    fn complete() -> Vec<Contact> {
        use BuyingFunction as F;
        use BuyingLevel as L;
        use BuyingRole as R;
        vec![
            person(
                "Director",
                Some(L::Decision),
                Some(F::Other),
                &[R::DecisionMaker],
                false,
            ),
            person(
                "Engineer",
                Some(L::Management),
                Some(F::Technical),
                &[R::Designer, R::Evaluator],
                true,
            ),
            person(
                "Operator",
                Some(L::Operation),
                Some(F::User),
                &[R::Initiator, R::User],
                false,
            ),
        ]
    }

    #[test]
    fn a_complete_buying_centre_has_no_warnings() {
        assert_eq!(warnings(&complete()), []);
    }

    #[test]
    fn no_contacts_is_the_only_warning_when_nobody_is_known() {
        assert_eq!(warnings(&Vec::<Contact>::new()), [NoContacts]);
        assert_eq!(NoContacts.key(), "bc.warning.no_contacts");
    }

    #[test]
    fn no_guide() {
        let mut cs = complete();
        cs[1].is_guide = false;
        assert_eq!(warnings(&cs), [NoGuide]);
        assert_eq!(NoGuide.key(), "bc.warning.no_guide");
    }

    #[test]
    fn no_decision_level() {
        let mut cs = complete();
        cs[0].level = Some(BuyingLevel::Management);
        assert_eq!(warnings(&cs), [NoDecisionLevel]);
        cs[0].level = None;
        assert_eq!(warnings(&cs), [NoDecisionLevel]);
    }

    #[test]
    fn only_operation_level_replaces_no_decision_level() {
        let mut cs = complete();
        cs[0].level = Some(BuyingLevel::Operation);
        cs[1].level = None;
        assert_eq!(warnings(&cs), [OnlyOperationLevel]);
        assert_eq!(OnlyOperationLevel.key(), "bc.warning.only_operation_level");
        // Nobody's level known: not "only operation", but still no decision level.
        for c in &mut cs {
            c.level = None;
        }
        assert_eq!(warnings(&cs), [NoDecisionLevel]);
    }

    #[test]
    fn each_missing_role_is_named() {
        for role in CHECKED_ROLES {
            let mut cs = complete();
            for c in &mut cs {
                c.roles.retain(|r| r != role);
            }
            assert_eq!(warnings(&cs), [RoleMissing(*role)], "{role:?}");
        }
        let w = RoleMissing(BuyingRole::Evaluator);
        assert_eq!(w.key(), "bc.warning.role_missing");
        assert_eq!(w.role(), Some(BuyingRole::Evaluator));
        assert_eq!(NoGuide.role(), None);
    }

    #[test]
    fn a_lone_operator_gets_every_warning_in_order() {
        let cs = [person("Op", Some(BuyingLevel::Operation), None, &[], false)];
        assert_eq!(
            warnings(&cs),
            [
                NoGuide,
                OnlyOperationLevel,
                RoleMissing(BuyingRole::DecisionMaker),
                RoleMissing(BuyingRole::Evaluator),
                RoleMissing(BuyingRole::Designer),
                RoleMissing(BuyingRole::Initiator),
                RoleMissing(BuyingRole::User),
            ]
        );
    }

    #[test]
    fn marking_a_guide_changes_the_warnings() {
        let mut cs = complete();
        cs[1].is_guide = false;
        assert!(warnings(&cs).contains(&NoGuide));
        cs[0].is_guide = true;
        assert!(!warnings(&cs).contains(&NoGuide));
    }

    #[test]
    fn map_lays_people_out_by_level_and_function() {
        let mut cs = complete();
        cs.push(person("Anon", None, None, &[], false));
        cs.push(person(
            "Buyer",
            Some(BuyingLevel::Management),
            Some(BuyingFunction::Procurement),
            &[],
            false,
        ));
        let m = map(&cs);
        assert_eq!(m.len(), 5);
        assert_eq!(m.functions.len(), 5);
        assert_eq!(
            m.rows.iter().map(|r| r.level).collect::<Vec<_>>(),
            [
                Some(BuyingLevel::Decision),
                Some(BuyingLevel::Management),
                Some(BuyingLevel::Operation),
                None
            ]
        );
        let eng = m
            .cell(
                Some(BuyingLevel::Management),
                Some(BuyingFunction::Technical),
            )
            .unwrap();
        assert_eq!(eng.people.len(), 1);
        assert!(eng.people[0].is_guide);
        assert_eq!(
            eng.people[0].roles,
            [BuyingRole::Designer, BuyingRole::Evaluator]
        );
        assert_eq!(m.cell(None, None).unwrap().people[0].name, "Anon");
        // Without unknowns, the grid is exactly 3 × 4.
        let m = map(&complete());
        assert_eq!((m.rows.len(), m.functions.len()), (3, 4));
        assert!(m.cell(None, None).is_none());
        assert!(map(&Vec::<Contact>::new()).is_empty());
    }
}
