//! The sample book's cast, step by step: Northwind Instruments' six customers, their
//! people, deals, proposal, negotiations, follow-up, invoice, complaint, activities and
//! tasks (see [`super::build`] for the records' helpers).

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::build::*;
use crate::domain::account::{Grade, LeadSource, ProductInUse, Satisfaction};
use crate::domain::activity::ActivityKind;
use crate::domain::agenda;
use crate::domain::buying_stage::BuyingStage;
use crate::domain::complaint::{Complaint, FeedbackKind};
use crate::domain::contact::{BuyingFunction, BuyingLevel, BuyingRole};
use crate::domain::deal::{self, Step};
use crate::domain::followup::checklist::{add_item, ItemDraft};
use crate::domain::followup::milestones::{add_milestone, MilestoneDraft};
use crate::domain::followup::satisfaction::{log_check, CheckDraft};
use crate::domain::followup::{CheckKind, ContractItemKind, FollowUp, MilestoneKind};
use crate::domain::ids::new_id;
use crate::domain::money::Currency;
use crate::domain::needs::NeedLayer;
use crate::domain::negotiation::agreement::{self, ContractDraft, TermDraft};
use crate::domain::negotiation::ledger::{add_round, RoundDraft};
use crate::domain::negotiation::plan::{add_issue, add_member, IssueDraft, MemberDraft};
use crate::domain::negotiation::{ConfirmedBy, IssueKind, Negotiation, Side, TeamRole};
use crate::domain::proposal::{decide, new_version, send, Credential, Proposal, Verdict};
use crate::domain::qualification::{Answer, QualifyingQuestion};
use crate::domain::receivable::Invoice;
use crate::domain::relationship::RelationshipStage;
use crate::domain::style::CommunicationStyle;

// -------------------------------------------------------------------------------------------
// The book
// -------------------------------------------------------------------------------------------

/// Builds the sample book for a book loaded on `today` (the rep's date) at `now`: fresh
/// ids, every date relative to `today`.
pub fn build(today: NaiveDate, now: DateTime<Utc>) -> SampleRecords {
    use BuyingFunction as F;
    use BuyingLevel as L;
    use BuyingRole as R;
    use CommunicationStyle as S;
    use RelationshipStage as G;
    let c = Clock { today, now };
    let mut out = SampleRecords::default();

    // --- The catalogue ---------------------------------------------------------------------
    let meter = product(
        [
            "FlowMaster FM-200 electromagnetic flow meter",
            "Instruments",
            "piece",
            "2400",
            "1450",
            "5",
            "Electromagnetic flow meter for water and process lines, DN25–DN600, ±0.2 % accuracy.",
        ],
        c,
    );
    let analyser = product(
        [
            "AquaSense AS-5 water quality analyser",
            "Instruments",
            "piece",
            "8900",
            "5600",
            "4",
            "Online analyser for chlorine, turbidity and pH, with remote alarms.",
        ],
        c,
    );
    let install = product(
        [
            "Installation and commissioning",
            "Services",
            "day",
            "950",
            "520",
            "3",
            "On-site installation, wiring check and commissioning by our engineers.",
        ],
        c,
    );
    let calibration = product(
        [
            "Calibration service",
            "Services",
            "instrument",
            "180",
            "90",
            "3",
            "Yearly calibration with certificate, on site or in our laboratory.",
        ],
        c,
    );

    // --- Step 1: Hanse Logistics -------------------------------------------------------------
    let hanse = account(
        &AccountSpec {
            name: "Hanse Logistics",
            industry: "Logistics and cold storage",
            scope: "Refrigerated warehouses and transport for food retailers.",
            size: "600 staff, 4 warehouses",
            city: "Hamburg",
            country: "Germany",
            domain: "hanse-logistics.example",
            grade: Grade::B,
            source: LeadSource::TradeDirectory,
            plans: "Monitoring of cooling water and energy use in the new Bremen warehouse.",
            problems: "Energy costs rose 30 % in two years; no measurement per cooling circuit.",
        },
        c,
        40,
    );
    let jonas = person(
        &hanse,
        &PersonSpec {
            name: "Jonas Weber",
            title: "Shift supervisor, cooling plant",
            email: "jonas.weber@hanse-logistics.example",
            level: L::Operation,
            function: F::User,
            roles: &[R::Initiator],
            guide: false,
            stage: G::Acquaintance,
            style: Some(S::Expressive),
            hobby: "Sailing",
        },
        c,
        30,
    );
    let petra = person(
        &hanse,
        &PersonSpec {
            name: "Petra Lang",
            title: "Purchasing manager",
            email: "petra.lang@hanse-logistics.example",
            level: L::Management,
            function: F::Procurement,
            roles: &[R::Evaluator],
            guide: false,
            stage: G::Acquaintance,
            style: Some(S::Analytical),
            hobby: "Running",
        },
        c,
        20,
    );
    let mut hanse_deal = deal_at(
        &hanse,
        "Cooling-water metering, Bremen warehouse",
        38_000,
        Step::CustomerAnalysis,
        c,
        25,
        25,
    );
    hanse_deal.qualification.answer(
        QualifyingQuestion::IsThereAnOpportunity,
        Some(Answer::Yes),
        "Jonas says the new warehouse needs metering by autumn.",
        c.ago(10),
    );
    hanse_deal.qualification.answer(
        QualifyingQuestion::DoWeHaveASolution,
        Some(Answer::Yes),
        "FM-200 meters fit their pipe sizes.",
        c.ago(10),
    );
    hanse_deal.qualification.answer(
        QualifyingQuestion::CanWeWin,
        Some(Answer::Unsure),
        "We do not know who decides yet.",
        c.ago(10),
    );
    tick_some(&mut hanse_deal, 3, c.day(10));
    deal::set_person(&mut hanse_deal, jonas.id, &[R::Initiator]);
    deal::set_person(&mut hanse_deal, petra.id, &[R::Evaluator]);
    hanse_deal.buying_stage = Some(BuyingStage::DiscoverNeed);
    deal::set_next_step(
        &mut hanse_deal,
        "Ask Petra who signs purchases above EUR 25,000",
        c.ahead(2),
    )
    .expect("a next step with a text and a day");
    hanse_deal.expected_close = Some(c.ahead(150));

    // --- Step 2: Riga Print House ------------------------------------------------------------
    let riga = account(
        &AccountSpec {
            name: "Riga Print House",
            industry: "Printing",
            scope: "Commercial offset and packaging printing.",
            size: "180 staff, 1 plant",
            city: "Riga",
            country: "Latvia",
            domain: "rigaprint.example",
            grade: Grade::C,
            source: LeadSource::Inquiry,
            plans: "Measure ink and fountain-solution flows on two new presses.",
            problems: "Colour drift caused by unstable fountain-solution dosing.",
        },
        c,
        70,
    );
    let ilze = person(
        &riga,
        &PersonSpec {
            name: "Ilze Ozola",
            title: "Print production manager",
            email: "ilze.ozola@rigaprint.example",
            level: L::Management,
            function: F::User,
            roles: &[R::User, R::Initiator],
            guide: false,
            stage: G::Dating,
            style: Some(S::Amiable),
            hobby: "Choir singing",
        },
        c,
        60,
    );
    let martins = person(
        &riga,
        &PersonSpec {
            name: "Mārtiņš Kalniņš",
            title: "Maintenance engineer",
            email: "martins.kalnins@rigaprint.example",
            level: L::Operation,
            function: F::Technical,
            roles: &[R::Evaluator],
            guide: false,
            stage: G::Dating,
            style: Some(S::Analytical),
            hobby: "Chess",
        },
        c,
        55,
    );
    let andris = person(
        &riga,
        &PersonSpec {
            name: "Andris Bērziņš",
            title: "Owner and managing director",
            email: "andris.berzins@rigaprint.example",
            level: L::Decision,
            function: F::Other,
            roles: &[R::DecisionMaker],
            guide: false,
            stage: G::Acquaintance,
            style: None,
            hobby: "Fishing",
        },
        c,
        45,
    );
    let mut riga_deal = deal_at(
        &riga,
        "Dosing control for two presses",
        21_500,
        Step::BuildingTrust,
        c,
        50,
        30,
    );
    tick_some(&mut riga_deal, 2, c.day(12));
    deal::set_person(&mut riga_deal, ilze.id, &[R::User, R::Initiator]);
    deal::set_person(&mut riga_deal, martins.id, &[R::Evaluator]);
    deal::set_person(&mut riga_deal, andris.id, &[R::DecisionMaker]);
    riga_deal.buying_stage = Some(BuyingStage::InternalApproval);
    deal::set_next_step(
        &mut riga_deal,
        "Invite Ilze and Mārtiņš to the reference plant in Tartu",
        c.ahead(5),
    )
    .expect("a next step with a text and a day");
    riga_deal.expected_close = Some(c.ahead(120));

    // --- Step 3: Lotus Pharma ----------------------------------------------------------------
    let lotus = account(
        &AccountSpec {
            name: "Lotus Pharma",
            industry: "Pharmaceuticals",
            scope: "Generic tablets and sterile liquids for hospitals.",
            size: "1,200 staff, 2 plants",
            city: "Suzhou",
            country: "China",
            domain: "lotuspharma.example",
            grade: Grade::A,
            source: LeadSource::Referral,
            plans: "Purified-water loop upgrade in the sterile liquids plant.",
            problems: "Manual sampling delays batch release by two days.",
        },
        c,
        120,
    );
    let chen = person(
        &lotus,
        &PersonSpec {
            name: "Chen Jing",
            title: "Plant director",
            email: "chen.jing@lotuspharma.example",
            level: L::Decision,
            function: F::User,
            roles: &[R::DecisionMaker],
            guide: true,
            stage: G::Alliance,
            style: Some(S::Driver),
            hobby: "Badminton",
        },
        c,
        110,
    );
    let wang = person(
        &lotus,
        &PersonSpec {
            name: "Wang Lei",
            title: "Process engineer",
            email: "wang.lei@lotuspharma.example",
            level: L::Management,
            function: F::Technical,
            roles: &[R::Designer],
            guide: false,
            stage: G::Trust,
            style: Some(S::Analytical),
            hobby: "Photography",
        },
        c,
        90,
    );
    let mut lotus_deal = deal_at(
        &lotus,
        "Online monitoring of the purified-water loop",
        146_000,
        Step::DiscoverNeeds,
        c,
        100,
        21,
    );
    tick_some(&mut lotus_deal, 3, c.day(6));
    deal::set_person(&mut lotus_deal, chen.id, &[R::DecisionMaker]);
    deal::set_person(&mut lotus_deal, wang.id, &[R::Designer]);
    lotus_deal.buying_stage = Some(BuyingStage::PurchaseDesign);
    lotus_deal.needs = vec![
        need(
            NeedLayer::Goal,
            "Release sterile batches faster to grow hospital sales",
            Some(&chen),
            "",
        ),
        need(
            NeedLayer::Problem,
            "Manual sampling of the water loop delays batch release by two days",
            Some(&wang),
            "",
        ),
        need(
            NeedLayer::Solution,
            "Continuous online measurement with alarms and an audit trail",
            None,
            "",
        ),
        need(
            NeedLayer::ProductOrService,
            "Online analysers at the loop's three sampling points, with calibration",
            None,
            "",
        ),
        need(
            NeedLayer::PurchaseIndicator,
            "Conductivity and TOC measured continuously",
            Some(&wang),
            "≤ 1 min response, 3 points",
        ),
    ];
    deal::set_next_step(
        &mut lotus_deal,
        "Confirm the sampling points with Wang Lei on site",
        c.ahead(3),
    )
    .expect("a next step with a text and a day");
    lotus_deal.expected_close = Some(c.ahead(90));

    // --- Step 4: Andes Water Utility ---------------------------------------------------------
    let andes = account(
        &AccountSpec {
            name: "Andes Water Utility",
            industry: "Water supply",
            scope: "Drinking water for 400,000 people in the valley.",
            size: "900 staff, 3 treatment plants",
            city: "Cusco",
            country: "Peru",
            domain: "andeswater.example",
            grade: Grade::A,
            source: LeadSource::Media,
            plans: "Renew flow metering and water-quality alarms at the north plant.",
            problems: "Water losses of 28 % and late alarms on chlorine levels.",
        },
        c,
        160,
    );
    let sofia = person(
        &andes,
        &PersonSpec {
            name: "Sofía Ramírez",
            title: "Operations director",
            email: "sofia.ramirez@andeswater.example",
            level: L::Decision,
            function: F::User,
            roles: &[R::DecisionMaker],
            guide: false,
            stage: G::Trust,
            style: Some(S::Expressive),
            hobby: "Salsa dancing",
        },
        c,
        150,
    );
    let diego = person(
        &andes,
        &PersonSpec {
            name: "Diego Torres",
            title: "Instrumentation engineer",
            email: "diego.torres@andeswater.example",
            level: L::Management,
            function: F::Technical,
            roles: &[R::Evaluator, R::Designer],
            guide: false,
            stage: G::Dating,
            style: Some(S::Analytical),
            hobby: "Mountain biking",
        },
        c,
        140,
    );
    let mut andes_deal = deal_at(
        &andes,
        "North plant metering and quality alarms",
        64_000,
        Step::PresentingValue,
        c,
        140,
        30,
    );
    tick_some(&mut andes_deal, 3, c.day(10));
    deal::set_person(&mut andes_deal, sofia.id, &[R::DecisionMaker]);
    deal::set_person(&mut andes_deal, diego.id, &[R::Evaluator, R::Designer]);
    andes_deal.buying_stage = Some(BuyingStage::Evaluation);
    andes_deal.needs = vec![
        need(
            NeedLayer::Goal,
            "Cut water losses to under 15 %",
            Some(&sofia),
            "",
        ),
        need(
            NeedLayer::Problem,
            "Chlorine alarms come hours late from manual readings",
            Some(&diego),
            "",
        ),
        need(
            NeedLayer::ProductOrService,
            "Flow meters on the ten main lines and two quality analysers",
            None,
            "",
        ),
    ];
    deal::set_next_step(
        &mut andes_deal,
        "Present version 2 to Sofía and Diego",
        c.ahead(4),
    )
    .expect("a next step with a text and a day");
    andes_deal.expected_close = Some(c.ahead(45));
    let cur = Currency::default();
    let (loss, alarm, kit) = (
        andes_deal.needs[0].id,
        andes_deal.needs[1].id,
        andes_deal.needs[2].id,
    );
    let line_ids = [new_id(), new_id(), new_id()];
    let mut v1 = Proposal::for_deal(&andes_deal, c.ago(25));
    v1.content.background = "Andes Water Utility supplies 400,000 people from three plants; \
        demand grows 3 % a year while a quarter of the water is lost before it reaches a tap."
        .into();
    for p in &mut v1.content.problems {
        p.impact = "Lost revenue and a regulator's warning on water quality.".into();
    }
    v1.content.solution.overview =
        "Meter every main line at the north plant and watch water quality online.".into();
    v1.content.solution.implementation =
        "Installation in two weeks, line by line, without stopping supply.".into();
    v1.content.solution.service = "Yearly calibration and a 24-hour support line.".into();
    v1.content.credentials = vec![Credential::CompanyProfile, Credential::ProductDescriptions];
    v1.content.valid_until = Some(c.day(25) + Duration::days(30));
    v1.content.lines = lines(
        &[
            (line(&meter, "10", "", "", &[loss, kit]), &meter),
            (line(&analyser, "2", "", "", &[alarm, kit]), &analyser),
            (line(&install, "6", "", "", &[kit]), &install),
        ],
        &line_ids,
        &cur,
    );
    send(&mut v1, c.ago(24), c.day(24)).expect("version 1 is complete");
    decide(
        &mut v1,
        Verdict::Reject,
        Some(sofia.id),
        &sofia.name,
        "Good solution, but the price is above our budget: please come back with a lower price.",
        c.ago(18),
        [],
    )
    .expect("a sent version can be rejected");
    let mut v2 = new_version(&v1, 2, c.ago(15)).expect("version 1 is frozen");
    v2.content.valid_until = Some(c.ahead(20));
    v2.content.lines = lines(
        &[
            (
                line(
                    &meter,
                    "10",
                    "5",
                    "Volume: ten meters in one order",
                    &[loss, kit],
                ),
                &meter,
            ),
            (line(&analyser, "2", "", "", &[alarm, kit]), &analyser),
            (line(&install, "5", "", "", &[kit]), &install),
        ],
        &line_ids,
        &cur,
    );
    send(&mut v2, c.ago(14), c.day(14)).expect("version 2 is complete");

    // --- Step 5: Danube Castings -------------------------------------------------------------
    let danube = account(
        &AccountSpec {
            name: "Danube Castings",
            industry: "Metal casting",
            scope: "Aluminium and iron castings for the automotive industry.",
            size: "450 staff, 1 foundry",
            city: "Győr",
            country: "Hungary",
            domain: "danubecastings.example",
            grade: Grade::B,
            source: LeadSource::ColdCanvassing,
            plans: "Cooling-water and gas flow measurement on the new die-casting line.",
            problems: "Scrap from uneven die cooling.",
        },
        c,
        200,
    );
    let anna = person(
        &danube,
        &PersonSpec {
            name: "Kovács Anna",
            title: "Head of procurement",
            email: "anna.kovacs@danubecastings.example",
            level: L::Management,
            function: F::Procurement,
            roles: &[R::Evaluator],
            guide: false,
            stage: G::Trust,
            style: Some(S::Driver),
            hobby: "Tennis",
        },
        c,
        180,
    );
    let peter = person(
        &danube,
        &PersonSpec {
            name: "Nagy Péter",
            title: "Managing director",
            email: "peter.nagy@danubecastings.example",
            level: L::Decision,
            function: F::Other,
            roles: &[R::DecisionMaker],
            guide: false,
            stage: G::Dating,
            style: Some(S::Expressive),
            hobby: "Wine making",
        },
        c,
        170,
    );
    let mut danube_deal = deal_at(
        &danube,
        "Die-cooling flow measurement, line 3",
        96_000,
        Step::WinningCommitment,
        c,
        170,
        20,
    );
    tick_some(&mut danube_deal, 3, c.day(8));
    deal::set_person(&mut danube_deal, anna.id, &[R::Evaluator]);
    deal::set_person(&mut danube_deal, peter.id, &[R::DecisionMaker]);
    danube_deal.buying_stage = Some(BuyingStage::Commitment);
    deal::set_next_step(
        &mut danube_deal,
        "Hold the price: prepare the trade-offs before the next round",
        c.ahead(1),
    )
    .expect("a next step with a text and a day");
    danube_deal.expected_close = Some(c.ahead(14));
    let mut danube_neg = Negotiation::new(danube_deal.id, cur.clone(), c.ago(18));
    add_member(
        &mut danube_neg,
        &MemberDraft {
            name: "Sam Carter".into(),
            roles: vec![TeamRole::Lead],
        },
    )
    .expect("a team member with a name");
    let price = add_issue(
        &mut danube_neg,
        &IssueDraft {
            kind: IssueKind::Price,
            label: "Price of the package".into(),
            unit: "EUR".into(),
            opening: "96000".into(),
            target: "90000".into(),
            bottom: "84000".into(),
            value_per_unit: "1".into(),
            importance_us: "5".into(),
            importance_them: "5".into(),
            ..IssueDraft::default()
        },
    )
    .expect("the price issue is valid");
    let rounds: [(i64, Side, &str, &str, &str); 5] = [
        (16, Side::Them, "96000", "80000", ""),
        (
            16,
            Side::Us,
            "96000",
            "92000",
            "A three-year calibration contract",
        ),
        (12, Side::Them, "80000", "84000", ""),
        (12, Side::Us, "92000", "90000", "Payment within 30 days"),
        // Larger than the concession before it: the rule is broken here.
        (6, Side::Us, "90000", "86000", "Signature this month"),
    ];
    for (days, side, from, to, in_return) in rounds {
        let draft = RoundDraft {
            issue_id: Some(price),
            from: from.into(),
            to: to.into(),
            in_return: in_return.into(),
            ..RoundDraft::new(side, c.day(days))
        };
        add_round(&mut danube_neg, &draft, &[], today).expect("a sample round is valid");
    }

    // --- Step 6: Baltic Dairy Cooperative ----------------------------------------------------
    let baltic = account(
        &AccountSpec {
            name: "Baltic Dairy Cooperative",
            industry: "Dairy",
            scope: "Milk, cheese and butter from 300 member farms.",
            size: "750 staff, 2 dairies",
            city: "Klaipėda",
            country: "Lithuania",
            domain: "balticdairy.example",
            grade: Grade::A,
            source: LeadSource::ExistingCustomer,
            plans: "Second dairy's cleaning-in-place circuits next year.",
            problems: "Water and detergent use in cleaning-in-place is not measured.",
        },
        c,
        300,
    );
    let olga = person(
        &baltic,
        &PersonSpec {
            name: "Olga Petrova",
            title: "Dairy process supervisor",
            email: "olga.petrova@balticdairy.example",
            level: L::Operation,
            function: F::User,
            roles: &[R::User],
            guide: true,
            stage: G::Alliance,
            style: Some(S::Amiable),
            hobby: "Gardening",
        },
        c,
        280,
    );
    let ivan = person(
        &baltic,
        &PersonSpec {
            name: "Ivan Sokolov",
            title: "Chief executive",
            email: "ivan.sokolov@balticdairy.example",
            level: L::Decision,
            function: F::Other,
            roles: &[R::DecisionMaker],
            guide: false,
            stage: G::Trust,
            style: Some(S::Driver),
            hobby: "Ice hockey",
        },
        c,
        270,
    );
    let mut baltic_deal = deal_at(
        &baltic,
        "Cleaning-in-place metering, dairy 1",
        64_000,
        Step::WinningCommitment,
        c,
        260,
        75,
    );
    deal::set_person(&mut baltic_deal, olga.id, &[R::User]);
    deal::set_person(&mut baltic_deal, ivan.id, &[R::DecisionMaker]);
    let mut baltic_neg = Negotiation::new(baltic_deal.id, cur.clone(), c.ago(74));
    let terms: [(&str, &str, &str); 3] = [
        ("Price", "EUR 62,000 for the package", "62000"),
        ("Delivery", "Delivered within six weeks of signing", ""),
        ("Payment", "Two instalments, 30 days net each", ""),
    ];
    for (label, value, money) in terms {
        agreement::add_term(
            &mut baltic_neg,
            &TermDraft {
                label: label.into(),
                value: value.into(),
                money: money.into(),
                agreed_on: iso(c.day(66)),
                confirmed: true,
                who: ivan.name.clone(),
                how: ConfirmedBy::Email,
                confirmed_on: iso(c.day(64)),
                ..TermDraft::default()
            },
            cur.exponent(),
            today,
        )
        .expect("a confirmed term");
    }
    tick_all(&mut baltic_deal, Step::WinningCommitment, c.day(61));
    let signed = c.ago(60);
    agreement::sign(
        &mut baltic_neg,
        &mut baltic_deal,
        &ContractDraft {
            number: "NWI-C-0142".into(),
            signed_on: iso(signed.date_naive()),
            value: String::new(),
            note: "Signed by Ivan Sokolov at the cooperative's board meeting.".into(),
        },
        |c, n| format!("Contract {} signed, {n} agreed terms attached.", c.number),
        signed,
        today,
    )
    .expect("every term is confirmed and the deal is in step 5");
    tick_some(&mut baltic_deal, 2, c.day(30));
    baltic_deal.buying_stage = Some(BuyingStage::InstallationAndUse);
    deal::set_next_step(
        &mut baltic_deal,
        "Visit Olga about the complaint and the late installation",
        c.ahead(1),
    )
    .expect("a next step with a text and a day");
    let mut baltic = baltic;
    baltic.customer_since = Some(signed.date_naive());
    baltic.products_in_use = vec![ProductInUse {
        competitor_id: None,
        product: meter.name.clone(),
        satisfaction: Some(Satisfaction::Satisfied),
        notes: "Six meters on the milk reception lines since last year.".into(),
    }];

    let mut follow = FollowUp::new(baltic_deal.id, c.ago(58));
    type Item<'a> = (
        ContractItemKind,
        &'a str,
        Option<NaiveDate>,
        Option<NaiveDate>,
        &'a str,
    );
    let items: [Item; 4] = [
        (
            ContractItemKind::Delivery,
            "Ten FM-200 meters delivered to dairy 1",
            Some(c.day(20)),
            Some(c.day(21)),
            "Sam Carter",
        ),
        (
            ContractItemKind::OurObligation,
            "Train the shift supervisors on the meters",
            Some(c.ahead(10)),
            None,
            "Sam Carter",
        ),
        (
            ContractItemKind::TheirObligation,
            "Pipe sections ready for installation",
            Some(c.day(12)),
            None,
            "Olga Petrova",
        ),
        (
            ContractItemKind::ContactPoint,
            "Olga Petrova for the site; Ivan Sokolov for the contract",
            None,
            None,
            "",
        ),
    ];
    for (kind, text, due, done, owner) in items {
        add_item(
            &mut follow,
            &ItemDraft {
                kind,
                text: text.into(),
                due: due.map(iso).unwrap_or_default(),
                done_on: done.map(iso).unwrap_or_default(),
                owner: owner.into(),
                note: String::new(),
            },
            today,
        )
        .expect("a sample contract item");
    }
    let milestones: [(MilestoneKind, NaiveDate, Option<NaiveDate>, &str, &str); 3] = [
        (MilestoneKind::Delivery, c.day(20), Some(c.day(21)), "", ""),
        (
            MilestoneKind::Installation,
            c.day(5),
            None,
            "The customer's pipe sections were not ready.",
            "Send our fitter with spare sections next week.",
        ),
        (MilestoneKind::Acceptance, c.ahead(20), None, "", ""),
    ];
    for (kind, planned, done, obstacle, backup) in milestones {
        add_milestone(
            &mut follow,
            &MilestoneDraft {
                kind,
                planned: iso(planned),
                done_on: done.map(iso).unwrap_or_default(),
                obstacle: obstacle.into(),
                backup_plan: backup.into(),
                ..MilestoneDraft::default()
            },
            today,
        )
        .expect("a sample milestone");
    }
    let baltic_people = [olga.id, ivan.id];
    log_check(
        &mut follow,
        &CheckDraft {
            kind: CheckKind::Request,
            on: iso(c.day(9)),
            person_id: Some(olga.id),
            score: "3".into(),
            note: "Happy with the meters, worried about the installation date.".into(),
        },
        today,
        |id| baltic_people.contains(&id),
    )
    .expect("a sample satisfaction check");

    let invoice = {
        let mut i = Invoice::new(
            baltic_deal.id,
            baltic.id,
            "NWI-2041",
            c.day(50),
            c.day(20),
            eur(31_000),
            c.ago(50),
        );
        i.note = "First instalment (50 %).".into();
        i
    };

    let mut complaint = Complaint::new(
        FeedbackKind::Complaint,
        baltic.id,
        "Two meters show different readings on the same line; Olga fears the cleaning \
         records will fail the food-safety audit next week.",
        2,
        5,
        c.ago(1),
        c.ago(1),
    );
    complaint.person_id = Some(olga.id);
    complaint.deal_id = Some(baltic_deal.id);

    // --- Activities and tasks ----------------------------------------------------------------
    out.activities = vec![
        activity(
            ActivityKind::PhoneCall,
            &[&jonas],
            Some(&hanse_deal),
            "First call: the Bremen warehouse opens in spring.",
            c,
            12,
        ),
        activity(
            ActivityKind::BusinessMeal,
            &[&ilze],
            Some(&riga_deal),
            "Lunch after the plant tour; she worries about change on the shop floor.",
            c,
            20,
        ),
        activity(
            ActivityKind::TechnicalExchange,
            &[&martins],
            Some(&riga_deal),
            "Demo of dosing control; he asked for the test data.",
            c,
            14,
        ),
        activity(
            ActivityKind::IntroductionToColleagues,
            &[&chen, &wang],
            Some(&lotus_deal),
            "Chen Jing introduced us to Wang Lei, who writes the specification.",
            c,
            30,
        ),
        activity(
            ActivityKind::Meeting,
            &[&sofia, &diego],
            Some(&andes_deal),
            "Presented version 1; Sofía liked it, the price is above budget.",
            c,
            19,
        ),
        activity(
            ActivityKind::Visit,
            &[&anna],
            Some(&danube_deal),
            "Negotiation round at the foundry.",
            c,
            6,
        ),
        activity(
            ActivityKind::SmallGift,
            &[&olga],
            None,
            "Company calendar for the new year.",
            c,
            40,
        ),
    ];
    out.tasks = vec![
        task(
            "Find out who decides at Hanse Logistics",
            c.today,
            Some(&petra),
            Some(&hanse_deal),
            c,
        ),
        task(
            "Send the dosing test data to Mārtiņš",
            c.day(2),
            Some(&martins),
            Some(&riga_deal),
            c,
        ),
        task(
            "Call Olga Petrova about her complaint",
            c.today,
            Some(&olga),
            Some(&baltic_deal),
            c,
        ),
        task(
            "Prepare the presentation of version 2",
            c.ahead(3),
            Some(&sofia),
            Some(&andes_deal),
            c,
        ),
        {
            let mut t = task(
                "Send Chen Jing a New Year greeting",
                c.day(20),
                Some(&chen),
                None,
                c,
            );
            agenda::complete(&mut t, c.ago(20));
            t
        },
    ];

    out.products = vec![meter, analyser, install, calibration];
    out.accounts = vec![hanse, riga, lotus, andes, danube, baltic];
    out.contacts = vec![
        jonas, petra, ilze, martins, andris, chen, wang, sofia, diego, anna, peter, olga, ivan,
    ];
    out.deals = vec![
        hanse_deal,
        riga_deal,
        lotus_deal,
        andes_deal,
        danube_deal,
        baltic_deal,
    ];
    out.proposals = vec![v1, v2];
    out.negotiations = vec![danube_neg, baltic_neg];
    out.followups = vec![follow];
    out.invoices = vec![invoice];
    out.complaints = vec![complaint];
    out
}
