// Step 5: the negotiation plan (team, issues with opening, target and bottom line, our
// alternative), the trades and packages of equal value it suggests, the plan's line on the
// deal page and the printable negotiation brief. Records are seeded by importing a backup;
// elements are found by role, label and text only.
import { test, expect, open, seriousA11yViolations, unfold } from "./helpers.mjs";
import { importBackup, makeBackup, meta, ready, uuid } from "./backup-file.mjs";

const pad = (n) => String(n).padStart(2, "0");
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const todayIso = iso(new Date());

const baltic = { ...meta(), name: "Baltic Foods", grade: "a" };
const atStep5 = (title) => ({
  ...meta(),
  account_id: baltic.id,
  title,
  value: { minor: 12_000_000, currency: "EUR" },
  step: "winning_commitment",
  step_entered_at: new Date().toISOString(),
  next_step: { text: "Negotiation meeting", due: todayIso },
});
const fresh = atStep5("Cold store 2");
const planned = atStep5("Freezer line");

const ids = { price: uuid(), pay: uuid(), training: uuid() };
const issue = (id, kind, label, unit, [opening, target, bottom], value, us, them, notes = "") => ({
  id,
  kind,
  label,
  unit,
  opening: opening * 1000,
  target: target * 1000,
  bottom: bottom * 1000,
  value_per_unit: value,
  importance_us: us,
  importance_them: them,
  notes,
});
const negotiation = {
  ...meta(),
  deal_id: planned.id,
  currency: "EUR",
  plan: {
    team: [
      { id: uuid(), name: "Ana Ruiz", roles: ["lead", "price_authority"] },
      { id: uuid(), name: "Marta Ozola", roles: ["technical", "note_taker"] },
    ],
    issues: [
      issue(ids.price, "price", "", "EUR", [120000, 110000, 100000], 100, 5, 3, "List price is 125,000."),
      issue(ids.pay, "payment", "Payment terms", "days", [30, 45, 60], 40000, 2, 5),
      issue(ids.training, "custom", "Training days", "days", [2, 4, 6], 80000, 1, 4),
    ],
    alternative: { text: "Offer the slot to Nordic Dairy", value_minor: 2_000_000 },
  },
  rounds: [
    {
      id: uuid(),
      on: todayIso,
      side: "us",
      issue_id: ids.pay,
      from: 30000,
      to: 35000,
      value_minor: null,
      in_return: "Order this month",
      proposal_version: null,
      override_reason: "",
      note: "",
    },
  ],
};
const SEED = makeBackup({ accounts: [baltic], deals: [fresh, planned], negotiations: [negotiation] });

test.beforeEach(async ({ page }) => {
  await open(page, "/");
  await importBackup(page, SEED, { name: "negotiation-plan-seed.json" });
});

const planOf = (page) => page.getByRole("region", { name: "Negotiation plan" });

/// Fills the issue form (the "Plan an issue" form unless `form` is given) and submits it.
async function planIssue(form, { kind, label, unit, opening, target, bottom, value, us, them }) {
  if (kind) await form.getByLabel("Issue", { exact: true }).selectOption({ label: kind });
  if (label !== undefined) await form.getByLabel("Name of the issue").fill(label);
  if (unit !== undefined) await form.getByLabel("Unit", { exact: true }).fill(unit);
  await form.getByLabel("Opening position").fill(opening);
  await form.getByLabel("Target", { exact: true }).fill(target);
  await form.getByLabel("Bottom line (walk-away)").fill(bottom);
  if (value !== undefined) await form.getByLabel("Value per unit").fill(value);
  if (us !== undefined) await form.getByLabel("Importance to us (1–5)").fill(us);
  if (them !== undefined) await form.getByLabel("Importance to them (1–5)").fill(them);
  await form.getByRole("button", { name: /^(Add the issue|Save the issue)$/ }).click();
}

test("a plan is made from the deal page: team, three issues, bad input refused, trades and packages, kept on reload", async ({
  page,
  errors,
}) => {
  test.setTimeout(90_000);
  await open(page, `/deals/${fresh.id}`);
  await unfold(page, "Winning commitment");
  await expect(page.getByText("Negotiation plan: not started yet.")).toBeVisible();
  await page.getByRole("link", { name: "Open the negotiation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Negotiation: Cold store 2" })).toBeVisible();
  const plan = planOf(page);

  // The team: a member needs a name; the price authority is missing until Ana joins.
  const team = plan.getByRole("region", { name: "Our team" });
  const addMember = plan.getByRole("form", { name: "Add a team member" });
  await addMember.getByRole("group", { name: "Roles" }).getByLabel("Technical").check();
  await addMember.getByRole("button", { name: "Add to the team" }).click();
  await expect(addMember.getByText("Name is required.").first()).toBeVisible();
  await expect(addMember.getByLabel("Technical")).toBeChecked();
  await addMember.getByLabel("Name", { exact: true }).fill("Marta Ozola");
  await addMember.getByRole("button", { name: "Add to the team" }).click();
  await expect(team.getByText("Marta Ozola")).toBeVisible();
  await expect(team.getByText(/No one on the team is the price authority/)).toBeVisible();
  await addMember.getByLabel("Name", { exact: true }).fill("Ana Ruiz");
  await addMember.getByLabel("Lead").check();
  await addMember.getByLabel("Price authority").check();
  await addMember.getByRole("button", { name: "Add to the team" }).click();
  await expect(team.getByText("Lead, Price authority")).toBeVisible();
  await expect(team.getByText(/No one on the team is the price authority/)).toBeHidden();
  await expect(addMember.getByLabel("Name", { exact: true })).toHaveValue("");

  // The price: the unit comes with the kind.
  const issues = plan.getByRole("region", { name: "Issues on the table" });
  const add = plan.getByRole("form", { name: "Plan an issue" });
  await expect(add.getByLabel("Unit", { exact: true })).toHaveValue("EUR");
  await planIssue(add, { opening: "120000", target: "110000", bottom: "100000", value: "1", us: "5", them: "3" });
  await expect(issues.getByRole("article")).toHaveCount(1);
  await expect(issues.getByRole("article", { name: "Price and fees" })).toContainText("€120,000.00");

  // Payment terms: a bottom line better for us than the target is refused at the field,
  // nothing is saved and what was typed stays.
  await add.getByLabel("Issue", { exact: true }).selectOption({ label: "Payment method and terms" });
  await expect(add.getByLabel("Unit", { exact: true })).toHaveValue("days");
  await planIssue(add, { label: "Payment terms", opening: "30", target: "45", bottom: "40", value: "400", us: "2", them: "5" });
  const message =
    "Bottom line (walk-away): 40 days is better for us than the target, 45 days. The walk-away must lie beyond the target, further from the opening (30 days).";
  await expect(add.getByText(message).first()).toBeVisible();
  await expect(add.getByLabel("Bottom line (walk-away)")).toHaveAttribute("aria-invalid", "true");
  await expect(add.getByLabel("Bottom line (walk-away)")).toHaveValue("40");
  await expect(add.getByLabel("Name of the issue")).toHaveValue("Payment terms");
  await expect(issues.getByRole("article")).toHaveCount(1);
  // An importance outside 1–5 too.
  await add.getByLabel("Importance to them (1–5)").fill("7");
  await add.getByRole("button", { name: "Add the issue" }).click();
  await expect(add.getByText("Importance to them (1–5): “7” is not a whole number from 1 to 5.").first()).toBeVisible();
  await planIssue(add, { opening: "30", target: "45", bottom: "60", them: "5" });
  await expect(issues.getByRole("article")).toHaveCount(2);
  await expect(issues.getByRole("article", { name: "Payment terms" })).toContainText("Lower is better for us.");

  // An issue of our own needs a name.
  await add.getByLabel("Issue", { exact: true }).selectOption({ label: "Other issue" });
  await planIssue(add, { unit: "days", opening: "2", target: "4", bottom: "6", value: "800", us: "1", them: "4" });
  await expect(add.getByText("Name of the issue: an issue of your own needs a name.").first()).toBeVisible();
  await planIssue(add, { label: "Training days", opening: "2", target: "4", bottom: "6" });
  await expect(issues.getByRole("article")).toHaveCount(3);

  // Trades: what matters little to us and much to them, for what matters much to us.
  const trades = page.getByRole("region", { name: "Trades to offer" });
  const suggested = trades.getByRole("region", { name: "Suggested trades" });
  await expect(suggested.getByRole("listitem")).toHaveCount(2);
  await expect(suggested.getByRole("listitem").first()).toContainText("Offer Training days in exchange for Price and fees");
  await expect(suggested.getByRole("listitem").nth(1)).toContainText("Offer Payment terms in exchange for Price and fees");
  // Packages of equal value: €1,600.00 each (four days of payment terms, two training days,
  // or €1,600.00 off the price).
  const packages = trades.getByRole("region", { name: "Packages of equal value" });
  await expect(packages).toContainText("each costs us €1,600.00 (they differ by €80.00 at most)");
  await expect(packages.getByText("Package 1: €1,600.00 to us")).toBeVisible();
  await expect(packages.getByText("Payment terms: 30 days → 34 days (€1,600.00)")).toBeVisible();
  await expect(packages.getByText("Training days: 2 days → 4 days (€1,600.00)")).toBeVisible();
  await expect(packages.getByText("Price and fees: €120,000.00 → €118,400.00 (€1,600.00)")).toBeVisible();

  // Edit in place.
  await issues.getByRole("button", { name: "Edit “Price and fees”" }).click();
  const edit = plan.getByRole("form", { name: "Edit “Price and fees”" });
  await expect(edit.getByLabel("Opening position")).toHaveValue("120000");
  await edit.getByLabel("Target", { exact: true }).fill("125000");
  await edit.getByRole("button", { name: "Save the issue" }).click();
  await expect(edit.getByText("Target: €125,000.00 lies outside our range. The target must lie between the opening, €120,000.00, and the bottom line, €100,000.00.").first()).toBeVisible();
  await edit.getByLabel("Target", { exact: true }).fill("112000");
  await edit.getByRole("button", { name: "Save the issue" }).click();
  await expect(edit).toBeHidden();
  await expect(issues.getByRole("article", { name: "Price and fees" })).toContainText("€112,000.00");

  // Remove with Undo.
  await issues.getByRole("button", { name: "Remove “Training days”" }).click();
  await expect(page.getByText("“Training days” was removed from the plan.")).toBeVisible();
  await expect(issues.getByRole("article")).toHaveCount(2);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(issues.getByRole("article")).toHaveCount(3);
  await expect(issues.getByRole("article").nth(2)).toHaveAccessibleName("Training days");

  // Our alternative.
  await plan.getByLabel("What we do if there is no deal").fill("Offer the slot to Nordic Dairy");
  await plan.getByLabel("Value of the alternative").fill("20000");
  await plan.getByRole("button", { name: "Save the alternative" }).click();
  await expect(page.getByText("The alternative was saved.")).toBeVisible();

  // Kept on reload.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Negotiation: Cold store 2" })).toBeVisible();
  await expect(planOf(page).getByRole("region", { name: "Issues on the table" }).getByRole("article")).toHaveCount(3);
  await expect(planOf(page).getByRole("region", { name: "Our team" })).toContainText("Ana Ruiz");
  await expect(planOf(page).getByLabel("What we do if there is no deal")).toHaveValue("Offer the slot to Nordic Dairy");
  await expect(planOf(page).getByLabel("Value of the alternative")).toHaveValue("20000");

  // The deal page's line.
  await page.getByRole("link", { name: "Back to Cold store 2" }).click();
  await unfold(page, "Winning commitment");
  await expect(page.getByText("Negotiation plan: 3 issues · team of 2 · walk-away set on all issues")).toBeVisible();
  expect(errors).toEqual([]);
});

test("an issue that rounds refer to cannot be removed; a backup with a bad plan is refused", async ({ page, errors }) => {
  await open(page, `/deals/${planned.id}/negotiation`);
  const issues = planOf(page).getByRole("region", { name: "Issues on the table" });
  await expect(issues.getByRole("article")).toHaveCount(3);
  await issues.getByRole("button", { name: "Remove “Payment terms”" }).click();
  await expect(
    page.getByText("“Payment terms” cannot be removed: it is used by 1 round. Keep the issue, or remove those first."),
  ).toBeVisible();
  await expect(issues.getByRole("article")).toHaveCount(3);
  // Packages start from our latest offer: 35 days, not the opening.
  const packages = page.getByRole("region", { name: "Packages of equal value" });
  await expect(packages.getByText("Payment terms: 35 days → 39 days (€1,600.00)")).toBeVisible();

  // A backup whose plan has a bottom line better than the target is refused whole.
  const bad = JSON.parse(JSON.stringify(negotiation));
  bad.id = uuid();
  bad.deal_id = fresh.id;
  bad.rounds = [];
  bad.plan.issues[1].bottom = 40000;
  await page.goto("/settings");
  await ready(page);
  await page.getByLabel("Backup file to restore").setInputFiles({
    name: "bad-plan.json",
    mimeType: "application/json",
    buffer: Buffer.from(makeBackup({ negotiations: [bad] })),
  });
  await expect(page.getByText(/The bottom line 40 days is better for us than the target 45 days/)).toBeVisible();
  await expect(page.getByText(/Nothing was imported/)).toBeVisible();
  expect(errors).toEqual([]);
});

test("the negotiation brief holds our limits for the rep only, prints without the app, and fits", async ({
  page,
  errors,
}) => {
  test.setTimeout(90_000);
  await open(page, `/deals/${planned.id}/negotiation`);
  await page.getByRole("link", { name: "Negotiation brief" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Negotiation brief: Freezer line" })).toBeVisible();
  await expect(page.getByText("For our team only: never hand this brief to the customer.")).toBeVisible();
  await expect(page.getByText(/Baltic Foods · deal value €120,000.00 · prepared/)).toBeVisible();
  const team = page.getByRole("region", { name: "Team and roles" });
  await expect(team.getByRole("listitem").first()).toHaveText("Ana Ruiz: Lead, Price authority");
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText([
    "Issue",
    "Opening",
    "Target",
    "Bottom line",
    "Value per unit",
    "Importance us / them",
  ]);
  const price = table.getByRole("row", { name: /Price and fees/ });
  await expect(price.getByRole("cell")).toHaveText(["€120,000.00", "€110,000.00", "€100,000.00", "€1.00 per unit (EUR)", "5 / 3"]);
  await expect(table.getByRole("row", { name: /Payment terms/ }).getByRole("cell").nth(3)).toHaveText("€400.00 per unit (days)");
  await expect(page.getByRole("region", { name: "Our alternative if there is no deal" })).toContainText(
    "Offer the slot to Nordic Dairy (€20,000.00)",
  );
  await expect(page.getByRole("region", { name: "Planned trades" })).toContainText(
    "Offer Training days in exchange for Price and fees",
  );
  await expect(page.getByRole("region", { name: "Packages of equal value" })).toContainText("Package 1: €1,600.00 to us");
  // Nothing a customer copy says: no greeting, no offer validity, no "prepared for".
  const text = await page.getByRole("main").innerText();
  for (const customerWording of [/Dear/i, /valid until/i, /prepared for/i, /Proposal/i]) {
    expect(text).not.toMatch(customerWording);
  }
  await expect(page.getByRole("button", { name: "Print the brief" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the negotiation" })).toBeVisible();

  // Printing hides the app's chrome and the page's own buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print the brief" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Negotiation brief: Freezer line" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of [`/deals/${planned.id}/negotiation/brief`, `/deals/${planned.id}/negotiation`]) {
      await open(page, path);
      await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
      expect(await seriousA11yViolations(page), `${path} at ${width} px`).toEqual([]);
    }
  }
  expect(errors).toEqual([]);
});
