// Purchase history and the cumulative discount, through the pages a rep uses: an account
// with two won deals (one with an accepted proposal, one without) and the rule's tiers,
// seeded through a backup; the account page shows each won deal with its lines, the
// totals by year and by product, and the tier its purchases reach; the proposal editor
// of a new deal proposes the discount, with the reason, and applying it changes the
// lines below it. Settings edits the tiers and refuses a rule that does not rise.
import { createHash } from "node:crypto";
import { test, expect, open, seriousA11yViolations } from "./helpers.mjs";
import { FIXTURE, canonicalJson, importBackup, makeBackup, meta, uuid } from "./backup-file.mjs";

const stamp = new Date(Date.now() - 86_400_000).toISOString();
const account = { ...meta(), name: "Baltic Steel", grade: "a" };

const deal = (title, euros, extra) => ({
  ...meta(),
  account_id: account.id,
  title,
  value: { minor: euros * 100, currency: "EUR" },
  step_entered_at: stamp,
  ...extra,
});
const won = (on) => ({ step: "follow_up_service", outcome: { won: { at: on, paid_on: null } } });
const retrofit = deal("Line 4 retrofit", 98_000, won("2025-03-10"));
const spares = deal("Spare parts 2026", 30_000, won("2026-02-01"));
const press = deal("New press line", 42_000, { step: "winning_commitment" });

const line = (name, qty, unitEuros, discountBp = 0, reason = "") => ({
  id: uuid(),
  source: { kind: "free" },
  name,
  category: "",
  unit: "piece",
  quantity: qty * 1000,
  unit_price: unitEuros * 10_000,
  discount: discountBp,
  discount_reason: reason,
  tax_rate: 0,
  optional: false,
  chosen: false,
  cost: null,
  need_ids: [],
});
const content = (lines) => ({
  currency: "EUR",
  background: "",
  problems: [],
  solution: { overview: "", products: "", implementation: "", service: "" },
  lines,
  credentials: [],
  valid_until: null,
});
const acceptedContent = content([line("Sensor IS-2", 10, 9_000), line("Installation", 1, 8_000)]);
const accepted = {
  ...meta(),
  deal_id: retrofit.id,
  version: 1,
  status: "accepted",
  content: acceptedContent,
  sent: { at: stamp, content_hash: createHash("sha256").update(canonicalJson(acceptedContent)).digest("hex") },
  decision: { at: stamp, by_contact_id: null, by_name: "Ilse Berg", note: "" },
};
const draft = {
  ...meta(),
  deal_id: press.id,
  version: 1,
  status: "draft",
  content: content([line("Press 400", 1, 40_000), line("Operator course", 1, 2_000, 500, "launch offer")]),
  sent: null,
  decision: null,
};

const SEED = makeBackup({
  accounts: [account],
  deals: [retrofit, spares, press],
  proposals: [accepted, draft],
  settings: {
    ...FIXTURE.payload.settings,
    cumulative_discount: [
      { from_units: 100_000, bp: 200 },
      { from_units: 500_000, bp: 500 },
    ],
  },
});

test("the account shows its purchases and the tier they reach; the proposal proposes the discount and applying it changes the lines", async ({
  page,
  errors,
}) => {
  test.setTimeout(90_000);
  await open(page, "/");
  await importBackup(page, SEED, { name: "purchases-seed.json", mode: "Replace everything" });

  await open(page, `/accounts/${account.id}`);
  const history = page.getByRole("region", { name: "Purchase history" });
  await expect(history.getByText(/Qualifies for 2\s?% cumulative discount: €128,000\.00 bought since 2025\./)).toBeVisible();
  await expect(history.getByRole("link", { name: "Line 4 retrofit" })).toBeVisible();
  await expect(history.getByText("Lines from the accepted proposal, version 1.")).toBeVisible();
  await expect(history.getByText("No accepted quotation: the deal's value as one line.")).toBeVisible();
  await expect(history.getByRole("link", { name: "New press line" })).toHaveCount(0);
  const years = history.getByRole("table", { name: "Bought by year" });
  await expect(years.getByRole("row").filter({ hasText: "2025" })).toContainText("98,000.00");
  await expect(years.getByRole("row").filter({ hasText: "2026" })).toContainText("30,000.00");
  const products = history.getByRole("table", { name: "Bought by product" });
  const sensor = products.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Sensor IS-2" }) });
  await expect(sensor.getByRole("cell").nth(0)).toHaveText("10");
  await expect(sensor.getByRole("cell").nth(1)).toHaveText("€90,000.00");
  expect(await seriousA11yViolations(page), "account page").toEqual([]);

  // The new deal's proposal proposes the discount, with the reason.
  await open(page, `/deals/${press.id}/proposal`);
  await expect(
    page.getByText(/This account qualifies for a 2\s?% cumulative discount \(bought €128,000\.00; rule: from €100,000\.00\)\./),
  ).toBeVisible();
  const pressRow = page.getByRole("row").filter({ hasText: "Press 400" });
  await expect(pressRow).toContainText("40,000.00");
  await page.getByRole("button", { name: /Apply 2\s?% to the 1 line with less/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /Cumulative discount of 2\s?% applied\./ }).last()).toBeVisible();
  await expect(pressRow).toContainText(/2\s?%/);
  await expect(pressRow).toContainText("39,200.00");
  // The course already had more: kept.
  await expect(page.getByRole("row").filter({ hasText: "Operator course" })).toContainText(/5\s?%/);
  await expect(page.getByText("Every line already has at least this discount.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "Press 400" })).toContainText("39,200.00");
  expect(errors).toEqual([]);
});

test("the tiers editor refuses a rule that does not rise, keeps what was typed, and saves a good one", async ({ page, errors }) => {
  await open(page, "/");
  await importBackup(page, SEED, { name: "purchases-seed.json", mode: "Replace everything" });
  await open(page, "/settings");
  const s = page.getByRole("region", { name: "Cumulative discount", exact: true });
  await expect(s.getByLabel("Tier 1: from spend (whole units)")).toHaveValue("100000");
  await expect(s.getByLabel("Tier 2: discount (%)")).toHaveValue("5");
  await s.getByLabel("Tier 2: discount (%)").fill("1");
  await s.getByRole("button", { name: "Save the discount rule" }).click();
  await expect(s.getByText("Tier 2 must start at a higher spend and give a higher discount than the tier before it.")).toBeVisible();
  await expect(s.getByLabel("Tier 2: discount (%)")).toHaveValue("1");
  await s.getByRole("button", { name: "Remove tier 2" }).click();
  await s.getByRole("button", { name: "Add a tier" }).click();
  await s.getByLabel("Tier 2: from spend (whole units)").fill("250000");
  await s.getByLabel("Tier 2: discount (%)").fill("3");
  await s.getByRole("button", { name: "Save the discount rule" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" }).last()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Cumulative discount", exact: true }).getByLabel("Tier 2: from spend (whole units)")).toHaveValue("250000");
  expect(errors).toEqual([]);
});

test("the purchase history fits a 360 px phone", async ({ page, errors }) => {
  await page.setViewportSize({ width: 360, height: 900 });
  await open(page, "/");
  await importBackup(page, SEED, { name: "purchases-seed.json", mode: "Replace everything" });
  await open(page, `/accounts/${account.id}`);
  await expect(page.getByRole("region", { name: "Purchase history" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the account page scrolls sideways").toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});
