// Style hints wherever a person appears (person page, account, deal, call plan), and the
// call plan's personal facts and open deals' needs. Records are seeded by importing a
// backup; elements are found by role and accessible name only.
import { test, expect, open, unfold } from "./helpers.mjs";
import { makeBackup, meta, uuid, importBackup } from "./backup-file.mjs";

const DOS = [
  "Let them feel in control.",
  "Focus on the task and the expected results.",
  "Be structured, concise and precise.",
  "Ask and answer with “what”.",
  "Speak from facts, not feelings.",
  "Offer several options to choose from.",
];
const DONTS = [
  "Don't waste their time.",
  "Don't dwell on details.",
  "Don't argue from feelings.",
  "Don't make them feel used or disrespected.",
];
const HINT = "How to deal with Ana Ruiz (Driver)";

function seed() {
  const accountId = uuid();
  const anaId = uuid();
  const benId = uuid();
  const need = (layer, text, measure = "") => ({ id: uuid(), layer, text, measure, holder_contact_id: anaId });
  const payload = {
    accounts: [{ ...meta(accountId), name: "Acme Steel" }],
    contacts: [
      {
        ...meta(anaId),
        account_id: accountId,
        name: "Ana Ruiz",
        title: "Plant director",
        level: "decision",
        roles: ["decision_maker"],
        style: { style: "driver", judged_by: "direct", confidence: "sure", judged_at: "2026-10-01T09:00:00Z" },
        family: "Married, two daughters",
        home_town: "Vigo",
        sports: "Sailing",
        holiday_routes: "Camino de Santiago",
        friends: [{ contact_id: benId, name: "Ben Ortiz" }],
      },
      { ...meta(benId), account_id: accountId, name: "Ben Ortiz", roles: ["evaluator"] },
    ],
    deals: [
      {
        ...meta(),
        account_id: accountId,
        title: "Line 4 retrofit",
        value: { minor: 500000, currency: "EUR" },
        step: "discover_needs",
        step_entered_at: "2026-11-01T09:00:00Z",
        people: [
          { contact_id: anaId, roles: ["decision_maker"] },
          { contact_id: benId, roles: ["evaluator"] },
        ],
        needs: [
          need("goal", "Raise output by 15 %"),
          need("problem", "Line 4 stops twice a week"),
          need("purchase_indicator", "Downtime per month", "under 2 hours"),
        ],
      },
      {
        ...meta(),
        account_id: accountId,
        title: "Old boiler",
        value: { minor: 900000, currency: "EUR" },
        step: "presenting_value",
        step_entered_at: "2026-11-01T09:00:00Z",
        people: [{ contact_id: anaId, roles: ["decision_maker"] }],
        needs: [need("goal", "Cut the heating bill")],
        outcome: { lost: { at: "2026-11-02", reason: "Price" } },
      },
    ],
  };
  return { text: makeBackup(payload), accountId, anaId, benId, dealId: payload.deals[0].id };
}

async function seeded(page) {
  const s = seed();
  await open(page, "/");
  await importBackup(page, s.text);
  return s;
}

async function expectHints(hint) {
  await expect(hint.getByText(/^Sure · Chosen directly ·/)).toBeVisible();
  await expect(hint.getByText("Question word: What.")).toBeVisible();
  for (const text of [...DOS, ...DONTS]) await expect(hint.getByText(text, { exact: true })).toBeVisible();
}

test("the same do's and don'ts on the person, account and deal pages; a person without a style says so", async ({
  page,
  errors,
}) => {
  const { accountId, anaId, benId, dealId } = await seeded(page);

  // The person page: open.
  await open(page, `/contacts/${anaId}`);
  await expectHints(page.getByRole("group", { name: HINT }));

  // The account page: collapsed in the people list, the same after expanding.
  await open(page, `/accounts/${accountId}`);
  const people = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Ana Ruiz", exact: true }) });
  const onAccount = people.getByRole("group", { name: HINT });
  await expect(onAccount).toBeVisible();
  await expect(onAccount.getByText(DONTS[0])).toBeHidden();
  await onAccount.getByText(HINT).click();
  await expectHints(onAccount);
  const ben = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Ben Ortiz", exact: true }) });
  await expect(ben.getByText("Style not judged yet.").first()).toBeVisible();
  await ben.getByRole("link", { name: "Judge the style of Ben Ortiz" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${benId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Ben Ortiz" })).toBeVisible();

  // The deal page: collapsed, the same after expanding.
  await open(page, `/deals/${dealId}`);
  await unfold(page, "People involved");
  const dealPeople = page.getByRole("region", { name: "People involved" });
  const onDeal = dealPeople.getByRole("group", { name: HINT });
  await expect(onDeal.getByText(DOS[0])).toBeHidden();
  await onDeal.getByText(HINT).click();
  await expectHints(onDeal);
  await expect(dealPeople.getByText("Style not judged yet.")).toBeVisible();
  await expect(dealPeople.getByRole("link", { name: "Judge the style of Ben Ortiz" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("the call plan shows the personal facts and the open deal's needs, and prints on one page", async ({
  page,
  errors,
}) => {
  const { anaId } = await seeded(page);
  await open(page, `/contacts/${anaId}/call-plan`);
  await expect(page.getByRole("heading", { level: 1, name: "Call plan: Ana Ruiz" })).toBeVisible();

  const facts = page.getByRole("region", { name: "Personal facts" });
  const terms = await facts.getByRole("term").allTextContents();
  expect(terms).toEqual(["Family", "Home town", "Sports", "Holiday routes", "Friends inside the organisation"]);
  for (const v of ["Married, two daughters", "Vigo", "Sailing", "Camino de Santiago", "Ben Ortiz"]) {
    await expect(facts.getByRole("definition").getByText(v, { exact: true })).toBeVisible();
  }

  const needs = page.getByRole("region", { name: "Needs of the open deals" });
  await expect(needs.getByRole("heading", { name: "Line 4 retrofit" })).toBeVisible();
  await expect(needs.getByText("Raise output by 15 %")).toBeVisible();
  await expect(needs.getByText("Line 4 stops twice a week")).toBeVisible();
  await expect(needs.getByText("Downtime per month (under 2 hours)")).toBeVisible();
  await expect(needs.getByRole("term")).toHaveText(["Goals and aspirations", "Problems", "Purchase indicators"]);
  // The lost deal is not on the plan.
  await expect(needs.getByText("Old boiler")).toHaveCount(0);
  await expect(needs.getByText("Cut the heating bill")).toHaveCount(0);

  const style = page.getByRole("region", { name: "Communication style" });
  await expectHints(style.getByRole("group", { name: HINT }));

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(facts).toBeVisible();
  await expect(needs).toBeVisible();
  await expect(style.getByText(DONTS[3])).toBeVisible();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(1);
  expect(errors).toEqual([]);
});
