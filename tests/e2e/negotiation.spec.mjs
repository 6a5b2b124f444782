// Step 5 end to end, through the pages a rep uses: a deal at "Winning commitment" gets a
// negotiation plan with three issues, three rounds where our second concession is larger
// than the first (warned with the figures), an offer past the walk-away that is stopped,
// every agreed term confirmed, the contract signed; the deal then stands in step 6 at the
// agreed value, and a reload and an export → import keep all of it. Elements are found by
// role, label and text only.
import { test, expect, open, unfold } from "./helpers.mjs";
import { exportBackup, importBackup, makeBackup, meta } from "./backup-file.mjs";

const pad = (n) => String(n).padStart(2, "0");
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const todayIso = iso(new Date());

const nordic = { ...meta(), name: "Nordic Dairy", grade: "a" };
const deal = {
  ...meta(),
  account_id: nordic.id,
  title: "Cheese line 3",
  value: { minor: 15_000_000, currency: "EUR" },
  step: "winning_commitment",
  step_entered_at: new Date().toISOString(),
  next_step: { text: "Negotiation meeting", due: todayIso },
};
const SEED = makeBackup({ accounts: [nordic], deals: [deal] });

async function planIssue(form, { kind, label, unit, opening, target, bottom, value, us, them }) {
  if (kind) await form.getByLabel("Issue", { exact: true }).selectOption({ label: kind });
  if (label !== undefined) await form.getByLabel("Name of the issue").fill(label);
  if (unit !== undefined) await form.getByLabel("Unit", { exact: true }).fill(unit);
  await form.getByLabel("Opening position").fill(opening);
  await form.getByLabel("Target", { exact: true }).fill(target);
  await form.getByLabel("Bottom line (walk-away)").fill(bottom);
  if (value !== undefined) await form.getByLabel("Value per unit").fill(value);
  await form.getByLabel("Importance to us (1–5)").fill(us);
  await form.getByLabel("Importance to them (1–5)").fill(them);
  await form.getByRole("button", { name: "Add the issue" }).click();
}

async function logRound(s, { side, issue, from, to, inReturn }) {
  await s.getByLabel("Who moved").selectOption({ label: side });
  await s.getByLabel("Issue", { exact: true }).selectOption({ label: issue });
  if (from !== undefined) await s.getByLabel("From", { exact: true }).fill(from);
  await s.getByLabel("To", { exact: true }).fill(to);
  if (inReturn !== undefined) await s.getByLabel("What we asked in return").fill(inReturn);
}

async function addTerm(a, { label, value, money, by }) {
  await a.getByLabel("Term", { exact: true }).fill(label);
  await a.getByLabel("Agreed value, in words").fill(value);
  await a.getByLabel("Money value (EUR, optional)").fill(money ?? "");
  await a.getByLabel("Confirmed in writing").check();
  await a.getByLabel("Confirmed by").fill(by);
  await a.getByRole("button", { name: "Add term" }).click();
  await expect(a.getByRole("list", { name: "Agreed terms" }).getByText(label, { exact: true })).toBeVisible();
}

/// What the negotiation page shows of each part, for comparing before and after.
async function expectAllKept(page) {
  await open(page, `/deals/${deal.id}/negotiation`);
  await expect(page.getByRole("region", { name: "Issues on the table" }).getByRole("article")).toHaveCount(3);
  const rows = page.getByRole("table", { name: "Concession ledger" }).getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(3)).toContainText("Not smaller than the last");
  const a = page.getByRole("region", { name: "Agreement and contract" });
  await expect(a.getByText("3 agreed terms, 3 confirmed in writing")).toBeVisible();
  await expect(a.getByRole("region", { name: "Contract", exact: true })).toContainText("C-2026-031");
  await open(page, `/deals/${deal.id}`);
  await expect(page.getByRole("region", { name: "Step 6 of 6: Follow-up service" })).toBeVisible();
  await expect(page.getByText(/142,500\.00 · /)).toBeVisible();
}

test("plan, rounds with the shrink rule, the walk-away guard, confirmed terms and the contract: the deal wins at the agreed value, kept by reload and backup", async ({
  page,
  errors,
}) => {
  test.setTimeout(120_000);
  await open(page, "/");
  await importBackup(page, SEED, { name: "negotiation-seed.json" });

  // From the deal page to its negotiation.
  await open(page, `/deals/${deal.id}`);
  await unfold(page, "Winning commitment");
  await page.getByRole("link", { name: "Open the negotiation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Negotiation: Cheese line 3" })).toBeVisible();
  // A long page: its parts are one link away.
  await page.getByRole("navigation", { name: "Parts of the negotiation" }).getByRole("link", { name: "Agreement and contract" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Agreement and contract" })).toBeInViewport();

  // The plan: three issues.
  const add = page.getByRole("form", { name: "Plan an issue" });
  const planned = page.getByRole("region", { name: "Issues on the table" }).getByRole("article");
  // Each issue is on the table (and its form cleared) before the next is typed.
  await planIssue(add, { opening: "150000", target: "140000", bottom: "135000", value: "1", us: "5", them: "4" });
  await expect(planned).toHaveCount(1);
  await planIssue(add, {
    kind: "Payment method and terms",
    label: "Payment terms",
    opening: "30",
    target: "45",
    bottom: "60",
    value: "200",
    us: "2",
    them: "5",
  });
  await expect(planned).toHaveCount(2);
  await planIssue(add, {
    kind: "Other issue",
    label: "Training days",
    unit: "days",
    opening: "2",
    target: "4",
    bottom: "6",
    value: "500",
    us: "1",
    them: "4",
  });
  await expect(planned).toHaveCount(3);

  // Three rounds: ours, theirs, ours larger than our first — warned with the figures.
  const s = page.getByRole("region", { name: "Rounds and concessions" });
  const ledger = s.getByRole("table", { name: "Concession ledger" }).getByRole("row");
  // Each round is in the ledger (and its form cleared) before the next is typed.
  await logRound(s, { side: "We", issue: "Payment terms", to: "35", inReturn: "Order this month" });
  await s.getByRole("button", { name: "Log the round" }).click();
  await expect(ledger).toHaveCount(2);
  await logRound(s, { side: "They", issue: "Payment terms", from: "90", to: "70" });
  await s.getByRole("button", { name: "Log the round" }).click();
  await expect(ledger).toHaveCount(3);
  await logRound(s, { side: "We", issue: "Payment terms", to: "45", inReturn: "Three-year service contract" });
  await expect(
    s.getByText(
      "This concession (10 days, €2,000.00) is not smaller than your previous one on Payment terms (5 days, €1,000.00).",
      { exact: false },
    ),
  ).toBeVisible();
  await s.getByRole("button", { name: "Log the round" }).click();
  const rows = s.getByRole("table", { name: "Concession ledger" }).getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(3)).toContainText("Not smaller than the last: 10 days, €2,000.00 after 5 days, €1,000.00");

  // Past the walk-away (60 days): stopped, nothing logged, what was typed kept.
  await logRound(s, { side: "We", issue: "Payment terms", to: "75", inReturn: "Signed today" });
  await s.getByRole("button", { name: "Log the round" }).click();
  await expect(s.getByRole("alert")).toContainText("goes past our bottom line (60 days)");
  await expect(s.getByLabel("To", { exact: true })).toHaveValue("75");
  await expect(rows).toHaveCount(4);
  await s.getByLabel("To", { exact: true }).fill("");

  // The agreement: every term confirmed in writing; the contract signed.
  const a = page.getByRole("region", { name: "Agreement and contract" });
  await addTerm(a, { label: "Price", value: "EUR 140,000", money: "140000", by: "Ole Hansen" });
  await addTerm(a, { label: "Payment terms", value: "45 days net", by: "Ole Hansen" });
  await addTerm(a, { label: "Training", value: "5 training days", money: "2500", by: "Ole Hansen" });
  await expect(a.getByText("3 agreed terms, 3 confirmed in writing")).toBeVisible();
  await a.getByLabel("Contract number").fill("C-2026-031");
  await expect(a.getByLabel("Contract value (EUR)")).toHaveValue("142500.00");
  await a.getByRole("button", { name: "Sign the contract and win the deal" }).click();
  await expect(page.getByText(/Contract signed: Cheese line 3 is won at .*142,500\.00/)).toBeVisible();

  // The deal advanced to step 6 with the agreed value; a reload keeps it all.
  await expectAllKept(page);
  await page.reload();
  await expectAllKept(page);

  // Export → import: the seed alone replaces everything, then the export brings it all back.
  await open(page, "/settings");
  const { text } = await exportBackup(page);
  const env = JSON.parse(text);
  expect(env.schema_version).toBe(8);
  expect(env.payload.negotiations).toHaveLength(1);
  await importBackup(page, SEED, { name: "seed-again.json", mode: "Replace everything" });
  await open(page, `/deals/${deal.id}/negotiation`);
  await expect(page.getByRole("region", { name: "Issues on the table" }).getByRole("article")).toHaveCount(0);
  await importBackup(page, text, { name: "negotiation-backup.json", mode: "Replace everything" });
  await expectAllKept(page);
  expect(errors).toEqual([]);
});
