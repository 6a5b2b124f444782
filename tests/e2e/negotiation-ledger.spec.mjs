// Step 5: the rounds and the concession ledger with its chart, and the deadlocks. A deal
// at step 5 with a negotiation plan of three issues is seeded by importing a backup;
// elements are found by role, label and text only.
import { test, expect, open, seriousA11yViolations, stacksOnPhone } from "./helpers.mjs";
import { importBackup, makeBackup, meta, uuid } from "./backup-file.mjs";

const pad = (n) => String(n).padStart(2, "0");
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const daysAgo = (n) => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return iso(d);
};
const todayIso = daysAgo(0);

const acme = { ...meta(), name: "Acme Steel", grade: "a" };
const deal = (title) => ({
  ...meta(),
  account_id: acme.id,
  title,
  value: { minor: 12_000_000, currency: "EUR" },
  step: "winning_commitment",
  step_entered_at: new Date().toISOString(),
  next_step: { text: "Negotiate the terms", due: todayIso },
});
const retrofit = deal("Line 4 retrofit");
const welding = deal("Welding cell");

// Three issues: payment days (we open short: lower is better for us; €200 a day), the price
// (we open high; money itself) and training days (no money value per unit).
const issues = () => {
  const pay = {
    id: uuid(),
    kind: "payment",
    label: "Payment terms",
    unit: "days",
    opening: 30_000,
    target: 45_000,
    bottom: 60_000,
    value_per_unit: 20_000,
    importance_us: 4,
    importance_them: 5,
    notes: "",
  };
  const price = {
    id: uuid(),
    kind: "price",
    label: "",
    unit: "EUR",
    opening: 120_000_000,
    target: 110_000_000,
    bottom: 100_000_000,
    value_per_unit: 100,
    importance_us: 5,
    importance_them: 4,
    notes: "",
  };
  const training = {
    id: uuid(),
    kind: "support",
    label: "Training days",
    unit: "days",
    opening: 2_000,
    target: 4_000,
    bottom: 6_000,
    value_per_unit: null,
    importance_us: 1,
    importance_them: 3,
    notes: "",
  };
  return [pay, price, training];
};

const negotiation = (dealId, plan, rounds = [], deadlocks = []) => ({
  ...meta(),
  deal_id: dealId,
  currency: "EUR",
  closing: { signals: [] },
  plan: { team: [], issues: plan, alternative: { text: "", value_minor: null } },
  rounds,
  deadlocks,
  agreement: { terms: [], contract: null },
});

// The welding cell's negotiation already has rounds and an open deadlock (for the layout
// and accessibility checks).
const weldingIssues = issues();
const round = (on, side, issue, from, to, extra = {}) => ({
  id: uuid(),
  on,
  side,
  issue_id: issue.id,
  from,
  to,
  value_minor: null,
  in_return: "",
  proposal_version: null,
  override_reason: "",
  note: "",
  ...extra,
});
const weldingRounds = [
  round(daysAgo(6), "them", weldingIssues[0], 90_000, 75_000),
  round(daysAgo(5), "us", weldingIssues[0], 30_000, 40_000, { in_return: "Order signed this month" }),
  round(daysAgo(4), "us", weldingIssues[1], 120_000_000, 115_000_000, { in_return: "Three-year contract" }),
  round(daysAgo(3), "us", weldingIssues[0], 40_000, 50_000),
  round(daysAgo(2), "us", weldingIssues[2], 2_000, 3_000, { value_minor: 50_000, in_return: "A reference visit" }),
];
const weldingDeadlock = {
  id: uuid(),
  on: daysAgo(1),
  issue_id: weldingIssues[1].id,
  ours: "Our price includes two years of service",
  theirs: "Their budget stops at 100,000",
  resolution: "",
  broken_on: null,
};

const SEED = makeBackup({
  accounts: [acme],
  deals: [retrofit, welding],
  negotiations: [
    negotiation(retrofit.id, issues()),
    negotiation(welding.id, weldingIssues, weldingRounds, [weldingDeadlock]),
  ],
});

test.beforeEach(async ({ page }) => {
  await open(page, "/");
  await importBackup(page, SEED, { name: "negotiation-ledger-seed.json" });
});

const ledgerOf = (page) => page.getByRole("region", { name: "Rounds and concessions" });
const deadlocksOf = (page) => page.getByRole("region", { name: "Deadlocks" });
const ledgerRows = (page) => ledgerOf(page).getByRole("table", { name: "Concession ledger" }).getByRole("row");

/// Fills the round form (the side and issue first: they set the default "From").
async function fillRound(s, { side, issue, from, to, inReturn, value }) {
  await s.getByLabel("Who moved").selectOption({ label: side });
  await s.getByLabel("Issue", { exact: true }).selectOption({ label: issue });
  if (from !== undefined) await s.getByLabel("From", { exact: true }).fill(from);
  await s.getByLabel("To", { exact: true }).fill(to);
  if (value !== undefined) await s.getByLabel("Value", { exact: true }).fill(value);
  if (inReturn !== undefined) await s.getByLabel("What we asked in return").fill(inReturn);
}

test("rounds with the shrink rule, the bottom-line guard, nothing in return, the chart; a deadlock broken; all kept", async ({
  page,
  errors,
}) => {
  await open(page, `/deals/${retrofit.id}/negotiation`);
  await expect(page.getByRole("heading", { level: 1, name: "Negotiation: Line 4 retrofit" })).toBeVisible();
  const s = ledgerOf(page);
  await expect(s.getByText("No rounds logged yet.")).toBeVisible();

  // Round 1: our first concession on payment terms. "From" starts at our opening.
  await s.getByLabel("Issue", { exact: true }).selectOption({ label: "Payment terms" });
  await expect(s.getByLabel("From", { exact: true })).toHaveValue("30");
  await fillRound(s, { side: "We", issue: "Payment terms", to: "40", inReturn: "Order signed this month" });
  await expect(s.getByText("€2,000.00, from the issue's value per unit")).toBeVisible();
  await s.getByRole("button", { name: "Log the round" }).click();
  await expect(ledgerRows(page)).toHaveCount(2);
  await expect(s.getByLabel("To", { exact: true })).toHaveValue("");

  // Round 2: they move (their concession, not ours to pace).
  await fillRound(s, { side: "They", issue: "Payment terms", from: "90", to: "75" });
  await s.getByRole("button", { name: "Log the round" }).click();
  await expect(ledgerRows(page)).toHaveCount(3);
  // On a phone each round is a block with its figures named, not a table to scroll.
  await stacksOnPhone(page, s.getByRole("table", { name: "Concession ledger" }), "Who moved");

  // Round 3: our second concession is larger than the first: warned with the figures
  // before saving, saved anyway, and the warning stays on the row.
  await s.getByLabel("Who moved").selectOption({ label: "We" });
  await expect(s.getByLabel("From", { exact: true })).toHaveValue("40");
  await fillRound(s, { side: "We", issue: "Payment terms", to: "55", inReturn: "Two-year service contract" });
  const warning =
    "This concession (15 days, €3,000.00) is not smaller than your previous one on Payment terms (10 days, €2,000.00). Each concession should be smaller than the one before: the size and pace of concessions tell the customer how much room is left.";
  await expect(s.getByText(warning)).toBeVisible();
  await s.getByRole("button", { name: "Log the round" }).click();
  await expect(ledgerRows(page)).toHaveCount(4);
  await expect(ledgerRows(page).nth(3)).toContainText(
    "Not smaller than the last: 15 days, €3,000.00 after 10 days, €2,000.00 on Payment terms",
  );
  await expect(s.getByText(warning)).toBeHidden();

  // Round 4: past our bottom line (60 days) is refused; what was typed stays.
  await fillRound(s, { side: "We", issue: "Payment terms", to: "65", inReturn: "Signed today" });
  await expect(s.getByText("This offer goes past our bottom line (60 days)", { exact: false })).toBeVisible();
  await s.getByRole("button", { name: "Log the round" }).click();
  await expect(s.getByRole("alert")).toContainText("goes past our bottom line (60 days)");
  await expect(s.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(s.getByLabel("To", { exact: true })).toHaveValue("65");
  await expect(ledgerRows(page)).toHaveCount(4);
  // …and kept with a written reason.
  await s.getByLabel("Why we go past our bottom line").fill("Director approved: strategic account");
  await s.getByRole("button", { name: "Log the round" }).click();
  await expect(ledgerRows(page)).toHaveCount(5);
  await expect(ledgerRows(page).nth(4)).toContainText("Past the bottom line: Director approved: strategic account");
  await expect(s.getByRole("alert")).toBeHidden();

  // Round 5: a concession with nothing asked in return is flagged at the field and on the row.
  await fillRound(s, { side: "We", issue: "Training days", to: "3", value: "500" });
  await expect(s.getByText("Nothing asked in return: every concession should be traded for something.")).toBeVisible();
  await s.getByRole("button", { name: "Log the round" }).click();
  await expect(ledgerRows(page)).toHaveCount(6);
  await expect(ledgerRows(page).nth(5)).toContainText("Nothing asked in return");
  await expect(ledgerRows(page).nth(5)).toContainText("€500.00");

  // The chart: the issue with the most rounds, both sides' lines, our concession sizes,
  // and the same figures in a table.
  const chart = s.getByRole("region", { name: "Chart of the positions" });
  await expect(chart.getByLabel("Issue on the chart")).toHaveValue(/.+/);
  await expect(
    chart.getByRole("img", {
      name: "Positions on Payment terms, 4 rounds: we moved from 30 to 65 days; they moved from 90 to 75 days. Our target 45 days, our bottom line 60 days.",
    }),
  ).toBeVisible();
  await expect(
    chart.getByRole("img", {
      name: "Our concessions on Payment terms: round 1: 10 days, round 3: 15 days (not smaller than the one before), round 4: 10 days.",
    }),
  ).toBeVisible();
  await chart.getByText("The chart's figures").click();
  const figures = chart.getByRole("table", { name: "Rounds on Payment terms" });
  await expect(figures.getByRole("row")).toHaveCount(5);
  await expect(figures.getByRole("row").nth(3)).toContainText("not smaller than the one before");
  await chart.getByLabel("Issue on the chart").selectOption({ label: "Training days" });
  await expect(chart.getByRole("img", { name: /^Positions on Training days, 1 round: we moved from 2 to 3 days; they have not moved\./ })).toBeVisible();

  // A deadlock: the guidance in the form, then while it is open; then broken.
  const d = deadlocksOf(page);
  await expect(d.getByText("Unify our position: one voice, the lead speaks for the team.")).toBeVisible();
  await expect(d.getByRole("complementary", { name: "A deadlock is open: the method's guidance" })).toHaveCount(0);
  await d.getByLabel("Issue", { exact: true }).selectOption({ label: "Payment terms" });
  await d.getByLabel("What we said").fill("45 days is our limit this year");
  await d.getByLabel("What they said").fill("Group policy is 60 days");
  await d.getByRole("button", { name: "Log the deadlock" }).click();
  const item = d.getByRole("listitem").filter({ hasText: "Group policy is 60 days" });
  await expect(item).toContainText("Open");
  await expect(item.getByRole("heading", { name: /^Deadlock 1, .+, on Payment terms$/ })).toBeVisible();
  const openGuidance = d.getByRole("complementary", { name: "A deadlock is open: the method's guidance" });
  await expect(openGuidance).toContainText("Stay at the table: a deadlock is often the prelude to their concession.");
  await item.getByRole("button", { name: "Mark as broken: deadlock 1" }).click();
  await item.getByLabel("How it was broken").fill("45 days and a 2 % early-payment bonus");
  await item.getByLabel("Broken on").fill("2001-01-01");
  await item.getByRole("button", { name: "Save how it was broken" }).click();
  await expect(item.getByText(/is before the deadlock began/)).toBeVisible();
  await item.getByLabel("Broken on").fill(todayIso);
  await item.getByRole("button", { name: "Save how it was broken" }).click();
  await expect(item).toContainText(/Broken on .+ 45 days and a 2 % early-payment bonus/);
  await expect(openGuidance).toHaveCount(0);

  // Reload: everything is kept.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Negotiation: Line 4 retrofit" })).toBeVisible();
  await expect(ledgerRows(page)).toHaveCount(6);
  await expect(ledgerRows(page).nth(3)).toContainText("Not smaller than the last: 15 days, €3,000.00 after 10 days");
  await expect(ledgerRows(page).nth(4)).toContainText("Past the bottom line: Director approved: strategic account");
  await expect(ledgerRows(page).nth(5)).toContainText("Nothing asked in return");
  await expect(deadlocksOf(page).getByRole("listitem").filter({ hasText: "Group policy is 60 days" })).toContainText(
    "45 days and a 2 % early-payment bonus",
  );

  // The deal page's step-5 section sums it up.
  await open(page, `/deals/${retrofit.id}`);
  await expect(page.getByText("5 rounds · our last concession €500.00 (smaller than the one before)")).toBeVisible();
  expect(errors).toEqual([]);
});

test("bad input is refused at its field with the typed text kept; the last round is edited; a deleted round comes back", async ({
  page,
  errors,
}) => {
  await open(page, `/deals/${welding.id}/negotiation`);
  const s = ledgerOf(page);
  await expect(ledgerRows(page)).toHaveCount(6);

  // A day after today, a position that is not a number.
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  await s.getByLabel("Date", { exact: true }).fill(iso(tomorrow));
  await fillRound(s, { side: "They", issue: "Payment terms", from: "ninety", to: "80" });
  await s.getByRole("button", { name: "Log the round" }).click();
  const alert = s.getByRole("alert");
  await expect(alert).toContainText("is after today. A round is something that happened");
  await expect(alert).toContainText("From: “ninety” is not a number");
  await expect(s.getByLabel("From", { exact: true })).toHaveValue("ninety");
  // Before the previous round; nothing moved.
  await s.getByLabel("Date", { exact: true }).fill(daysAgo(10));
  await s.getByLabel("From", { exact: true }).fill("80");
  await s.getByRole("button", { name: "Log the round" }).click();
  await expect(alert).toContainText("is before the previous round");
  await expect(alert).toContainText("To: “80” is where it started: nothing moved.");
  await expect(ledgerRows(page)).toHaveCount(6);
  await s.getByLabel("Date", { exact: true }).fill(todayIso);
  await s.getByLabel("To", { exact: true }).fill("70");
  await s.getByRole("button", { name: "Log the round" }).click();
  await expect(ledgerRows(page)).toHaveCount(7);

  // Only the last round offers "Edit"; editing it keeps its place.
  await expect(s.getByRole("button", { name: "Edit round 5" })).toHaveCount(0);
  await s.getByRole("button", { name: "Edit round 6" }).click();
  await expect(s.getByRole("heading", { name: "Edit round 6" })).toBeVisible();
  await expect(s.getByLabel("To", { exact: true })).toHaveValue("70");
  await s.getByLabel("To", { exact: true }).fill("72");
  await s.getByRole("button", { name: "Save the round" }).click();
  await expect(ledgerRows(page)).toHaveCount(7);
  await expect(ledgerRows(page).nth(6)).toContainText("80 days → 72 days");
  await expect(s.getByRole("heading", { name: "Log a round" })).toBeVisible();

  // Delete asks first (Cancel keeps the round), then goes, with Undo.
  await s.getByRole("button", { name: "Delete round 6" }).click();
  const ask = s.getByRole("alertdialog", { name: /^Delete round 6 from the ledger\?/ });
  await expect(ask).toContainText("The rounds after it are numbered again");
  await expect(ask.getByRole("button", { name: "Delete the round" })).toBeFocused();
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  await expect(ledgerRows(page)).toHaveCount(7);
  await s.getByRole("button", { name: "Delete round 6" }).click();
  await ask.getByRole("button", { name: "Delete the round" }).click();
  await expect(ledgerRows(page)).toHaveCount(6);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(ledgerRows(page)).toHaveCount(7);
  await expect(ledgerRows(page).nth(6)).toContainText("80 days → 72 days");

  // A deadlock deleted comes back too.
  const d = deadlocksOf(page);
  await d.getByRole("button", { name: "Delete deadlock 1" }).click();
  await expect(d.getByText("No deadlocks logged.")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(d.getByRole("listitem").filter({ hasText: "Their budget stops at 100,000" })).toBeVisible();
  expect(errors).toEqual([]);
});

for (const width of [360, 1280]) {
  test(`the ledger, its chart and the deadlocks at ${width} px: accessible, no sideways scroll`, async ({
    page,
    errors,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await open(page, `/deals/${welding.id}/negotiation`);
    await expect(ledgerRows(page)).toHaveCount(6);
    await expect(ledgerOf(page).getByRole("img", { name: /^Positions on Payment terms, 3 rounds/ })).toBeVisible();
    await ledgerOf(page).getByText("The chart's figures").click();
    await expect(
      deadlocksOf(page).getByRole("complementary", { name: "A deadlock is open: the method's guidance" }),
    ).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await open(page, `/deals/${welding.id}`);
    await expect(
      page.getByText("5 rounds · our last concession €500.00 (smaller than the one before) · 1 open deadlock"),
    ).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test("a price concession is written once, as money, in its warning", async ({ page, errors }) => {
  await open(page, `/deals/${welding.id}/negotiation`);
  const s = ledgerOf(page);
  await expect(ledgerRows(page)).toHaveCount(6);
  await fillRound(s, { side: "We", issue: "Price and fees", from: "115000", to: "105000", inReturn: "Five-year contract" });
  await s.getByRole("button", { name: "Log the round" }).click();
  await expect(ledgerRows(page)).toHaveCount(7);
  const flagged = ledgerRows(page).nth(6);
  await expect(flagged).toContainText("Not smaller than the last: €10,000.00 after €5,000.00 on Price and fees");
  await expect(flagged).not.toContainText("EUR, €");
  expect(errors).toEqual([]);
});
