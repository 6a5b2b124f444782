// The deal page leads with the current step's work: its sections open first, the others
// folded below with a one-line summary, every section reachable from the section index;
// warnings link to where they are put right; the dashboard's attention list names the
// step. Records are seeded by importing a backup; elements are found by role and name only.
import { test, expect, open } from "./helpers.mjs";
import { importBackup, makeBackup, meta } from "./backup-file.mjs";

const pad = (n) => String(n).padStart(2, "0");
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const todayIso = iso(new Date());
const eur = (minor) => ({ minor, currency: "EUR" });
const yes = { answer: "yes", note: "", answered_at: "2026-01-10T09:00:00Z" };

const acme = { ...meta(), name: "Acme Steel", grade: "a" };
const deal = (title, step, extra = {}) => ({
  ...meta(),
  account_id: acme.id,
  title,
  value: eur(1_000_000),
  step,
  step_entered_at: new Date().toISOString(),
  next_step: { text: "Call the buyer", due: todayIso },
  ...extra,
});
const analysis = deal("Spare parts 2027", "customer_analysis", { next_step: null });
const needs = deal("Cold store sensors", "discover_needs", {
  qualification: {
    is_there_an_opportunity: yes,
    do_we_have_a_solution: yes,
    can_we_win: yes,
    is_it_worth_winning: yes,
  },
});
const lost = deal("Old boiler", "presenting_value", {
  outcome: { lost: { at: todayIso, reason: "Price" } },
});
const SEED = makeBackup({ accounts: [acme], deals: [analysis, needs, lost] });

const ALL = [
  "The four questions",
  "People involved",
  "Competitors in play",
  "Needs in five layers",
  "The customer's buying stage",
  "Next step",
  "Outcome",
  "Step history",
  "Activities and tasks",
];

// The section headings in page order (the step panel and warnings are not sections).
async function sectionOrder(page) {
  const names = await page.getByRole("heading", { level: 2 }).allInnerTexts();
  return names.map((n) => n.trim()).filter((n) => ALL.includes(n));
}

const toggle = (page, name) => page.getByRole("button", { name, exact: true });

async function openDeal(page, d) {
  await open(page, `/deals/${d.id}`);
  await expect(page.getByRole("heading", { level: 1, name: d.title })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await open(page, "/");
  await importBackup(page, SEED, { name: "deal-page-seed.json" });
});

test("step 1 leads with the four questions and folds what later steps need", async ({ page, errors }) => {
  await openDeal(page, analysis);
  expect((await sectionOrder(page)).slice(0, 4)).toEqual([
    "The four questions",
    "People involved",
    "Competitors in play",
    "Next step",
  ]);
  await expect(toggle(page, "The four questions")).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("group", { name: "Can we win?" })).toBeVisible();
  for (const folded of ["Needs in five layers", "Outcome", "Step history"]) {
    await expect(toggle(page, folded)).toHaveAttribute("aria-expanded", "false");
  }
  // Folded, the outcome forms are out of the way but the outcome is still said.
  await expect(page.getByRole("button", { name: "Mark won" })).toBeHidden();
  await expect(page.getByRole("region", { name: "Outcome" })).toContainText("Open: still being sold.");

  // Every section is one click away in the index; following a link unfolds it.
  const index = page.getByRole("navigation", { name: "Sections of this deal" });
  await expect(index.getByRole("link")).toHaveCount(ALL.length);
  await index.getByRole("link", { name: "Outcome" }).click();
  await expect(toggle(page, "Outcome")).toHaveAttribute("aria-expanded", "true");
  await expect(toggle(page, "Outcome")).toBeFocused();
  await expect(page.getByRole("button", { name: "Mark won" })).toBeVisible();

  // A warning links to the section where it is put right.
  const warnings = page.getByRole("region", { name: "Needs your attention" });
  await expect(warnings).toContainText("No next step planned.");
  await toggle(page, "Next step").click();
  await expect(page.getByLabel("What you will do next")).toBeHidden();
  await warnings.getByRole("link", { name: "Go to Next step" }).click();
  await expect(page.getByLabel("What you will do next")).toBeVisible();
  expect(errors).toEqual([]);
});

test("step 3 leads with the needs; the four questions fold under their answers", async ({ page, errors }) => {
  await openDeal(page, needs);
  expect((await sectionOrder(page)).slice(0, 3)).toEqual([
    "Needs in five layers",
    "The customer's buying stage",
    "Next step",
  ]);
  await expect(toggle(page, "The four questions")).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByText("Answers: Yes · Yes · Yes · Yes")).toBeVisible();
  await expect(page.getByRole("group", { name: "Can we win?" })).toBeHidden();
  await toggle(page, "The four questions").click();
  await expect(page.getByRole("group", { name: "Can we win?" }).getByRole("radio", { name: "Yes" })).toBeChecked();

  // A link with a section's fragment (as the board and dialogs use) opens it unfolded.
  await page.goto(`/deals/${needs.id}#history`);
  await expect(toggle(page, "Step history")).toHaveAttribute("aria-expanded", "true");
  expect(errors).toEqual([]);
});

test("a closed deal leads with its outcome and the reopen form", async ({ page, errors }) => {
  await openDeal(page, lost);
  expect((await sectionOrder(page)).slice(0, 2)).toEqual(["Outcome", "Step history"]);
  await expect(toggle(page, "Needs in five layers")).toHaveAttribute("aria-expanded", "false");
  await toggle(page, "Outcome").click();
  await expect(page.getByLabel("Why is the deal reopened?")).toBeHidden();
  await page.getByRole("link", { name: "Reopen it with a reason" }).click();
  await expect(page.getByLabel("Why is the deal reopened?")).toBeVisible();
  await expect(page.getByLabel("Why is the deal reopened?")).toBeFocused();
  expect(errors).toEqual([]);
});

test("the dashboard's attention list says which step each deal is in", async ({ page, errors }) => {
  await open(page, "/");
  const attention = page.getByRole("region", { name: "Next step missing or late" });
  await expect(attention.getByRole("listitem").filter({ hasText: "Spare parts 2027" })).toContainText(
    "No next step · 1. Customer analysis",
  );
  expect(errors).toEqual([]);
});
