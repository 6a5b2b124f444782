// Deal rules: a closed deal does not move until it is reopened with a reason; the
// qualification gate opens on four yeses only (or an override with a reason); a win makes
// the account a customer. Records are seeded by importing a backup; elements are found by
// role and accessible name only.
import { test, expect, open, unfold } from "./helpers.mjs";
import { makeBackup, meta } from "./backup-file.mjs";

const pad = (n) => String(n).padStart(2, "0");
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
// A date as the app writes it in English (Intl's en-GB: "3 Sept 2026").
const shown = (d) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(d);
const today = new Date();
const todayIso = iso(today);
const eur = (minor) => ({ minor, currency: "EUR" });
const answered = (answer) => ({ answer, note: "", answered_at: "2026-01-10T09:00:00Z" });

function seed() {
  const acme = { ...meta(), name: "Acme Steel", grade: "a", customer_since: "2020-03-01" };
  const nordwind = { ...meta(), name: "Nordwind Mills", grade: "b" };
  const deal = (account, title, step, minor, extra = {}) => ({
    ...meta(),
    account_id: account.id,
    title,
    value: eur(minor),
    step,
    step_entered_at: new Date().toISOString(),
    next_step: { text: "Call the buyer", due: todayIso },
    ...extra,
  });
  return {
    accounts: [acme, nordwind],
    deals: [
      deal(acme, "Welding cell", "follow_up_service", 800_000, {
        outcome: { won: { at: todayIso, paid_on: null } },
      }),
      deal(acme, "Spare parts 2027", "customer_analysis", 1_000_000),
      deal(nordwind, "Press line", "winning_commitment", 2_500_000, {
        qualification: {
          is_there_an_opportunity: answered("yes"),
          do_we_have_a_solution: answered("yes"),
          can_we_win: answered("unsure"),
          is_it_worth_winning: answered("yes"),
        },
      }),
    ],
  };
}

// Imports the seed once the record store is open (the Export button is enabled only then).
async function seedApp(page) {
  await page.goto("/settings");
  await expect(page.getByRole("button", { name: "Export backup" })).toBeEnabled();
  await page.getByLabel("Backup file to restore").setInputFiles({
    name: "deal-rules-seed.json",
    mimeType: "application/json",
    buffer: Buffer.from(makeBackup(seed())),
  });
  await page.getByRole("radio", { name: "Merge with my records" }).check();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Imported deal-rules-seed.json")).toBeVisible();
}

const column = (page, name) => page.getByRole("region", { name });

test("a won deal cannot be dragged or moved back; reopening needs a reason and is in the history", async ({
  page,
  errors,
}) => {
  await seedApp(page);
  await open(page, "/deals");
  const won = column(page, "6. Follow-up service").getByRole("listitem").filter({ hasText: "Welding cell" });
  await expect(won.getByText("Won", { exact: true })).toBeVisible();
  await expect(won.getByText("Closed", { exact: true })).toBeVisible();
  await expect(won).toHaveAttribute("draggable", "false");

  // Dragging it does nothing: no dialog, still in step 6.
  await won.dragTo(column(page, "5. Winning commitment"));
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(column(page, "6. Follow-up service").getByRole("link", { name: "Welding cell" })).toBeVisible();
  await expect(column(page, "5. Winning commitment").getByRole("link", { name: "Welding cell" })).toHaveCount(0);

  // "Move to step…" says why, before anything is typed, and changes nothing.
  await page.getByRole("button", { name: "Move to step…: Welding cell" }).click();
  await page.getByRole("button", { name: /5\. Winning commitment/ }).click();
  const dialog = page.getByRole("dialog", { name: '"Welding cell" cannot be moved' });
  await expect(dialog).toContainText("The deal is won: moving it to another step would undo the win.");
  await expect(dialog.getByRole("textbox")).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(column(page, "6. Follow-up service").getByRole("link", { name: "Welding cell" })).toBeVisible();

  // The win stays in this month's results.
  await open(page, "/");
  await expect(page.getByRole("region", { name: /^Results in/ })).toContainText("Won1 · €8,000.00");

  // The deal page offers no move to another step: it says why and points to the reopen
  // form.
  await open(page, "/deals");
  await page.getByRole("link", { name: "Welding cell" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welding cell" })).toBeVisible();
  await expect(page.getByText("The deal is closed: its step does not move.")).toBeVisible();
  await expect(page.getByLabel("Move to another step")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Move…", exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Reopen it with a reason" }).click();

  const reopen = page.getByRole("form", { name: "Reopen" });
  await expect(reopen.getByLabel("Why is the deal reopened?")).toBeFocused();
  await reopen.getByRole("button", { name: "Reopen the deal" }).click();
  await expect(reopen.getByText("Write why the deal is reopened.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Step 6 of 6: Follow-up service" })).toBeVisible();
  await reopen.getByLabel("Why is the deal reopened?").fill("The customer's board did not approve the contract");
  await reopen.getByRole("button", { name: "Reopen the deal" }).click();
  await expect(page.getByRole("heading", { name: "Step 5 of 6: Winning commitment" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Outcome" })).toContainText("Open: still being sold.");
  await expect(page.getByText(/€8,000\.00 · 80% probability/)).toBeVisible();

  const check = async () => {
    await unfold(page, "Step history");
    const history = page.getByRole("region", { name: "Step history" });
    const row = history.getByRole("row", { name: /Reopened/ });
    await expect(row).toContainText("6. Follow-up service → 5. Winning commitment");
    await expect(row).toContainText(
      `The customer's board did not approve the contract (before: Won on ${shown(today)}.)`,
    );
  };
  await check();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Step 5 of 6: Winning commitment" })).toBeVisible();
  await check();

  // Open again: it moves like any deal.
  await open(page, "/deals");
  const card = column(page, "5. Winning commitment").getByRole("listitem").filter({ hasText: "Welding cell" });
  await expect(card).toHaveAttribute("draggable", "true");
  await expect(card.getByText("Closed", { exact: true })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("Yes / Yes / Unsure / Yes: the move dialog says the gate is not passed before the evidence and needs an override reason", async ({
  page,
  errors,
}) => {
  await seedApp(page);
  await open(page, "/deals");
  await page.getByRole("link", { name: "Spare parts 2027" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Spare parts 2027" })).toBeVisible();
  const answers = {
    "Is there an opportunity?": "Yes",
    "Do we have a solution?": "Yes",
    "Can we win?": "Unsure",
    "Is it worth winning?": "Yes",
  };
  for (const [q, a] of Object.entries(answers)) {
    await page.getByRole("group", { name: q }).getByRole("radio", { name: a }).check();
  }
  await page.getByRole("button", { name: "Save answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gate:" })).toContainText('A question is answered "unsure"');

  await page.getByRole("button", { name: /^Confirm: A clear sales opportunity/ }).click();
  const dialog = page.getByRole("dialog");
  const gate = dialog.getByRole("region", { name: "The qualification gate is not passed" });
  await expect(gate).toBeVisible();
  await expect(gate.getByRole("listitem")).toHaveText(["Can we win? — Unsure"]);
  const override = dialog.getByLabel("Override reason: why should the deal go on anyway?");
  await expect(override).toBeFocused();
  // The notice and the override field come before the evidence field.
  const evidence = dialog.getByLabel("Evidence of the end signal");
  const order = async (a, b) =>
    a.evaluate((x, y) => Boolean(x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING), await b.elementHandle());
  expect(await order(gate, evidence)).toBe(true);
  expect(await order(override, evidence)).toBe(true);

  // Without an override reason the move is refused.
  await evidence.fill("They asked for a quote");
  await dialog.getByRole("button", { name: "Confirm and move" }).click();
  await expect(dialog.getByRole("alert")).toContainText('Not every qualifying question is answered "yes"');
  await expect(dialog.getByRole("alert")).toContainText("Can we win?");
  await expect(override).toBeFocused();
  await expect(page.getByRole("heading", { name: "Step 1 of 6: Customer analysis" })).toBeVisible();

  // With one, the override and the move are saved together.
  await override.fill("Reference customer for the region: worth the risk");
  await dialog.getByRole("button", { name: "Confirm and move" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Step 2 of 6: Building trust" })).toBeVisible();
  await unfold(page, "The four questions");
  await expect(page.getByText("Reference customer for the region: worth the risk")).toBeVisible();
  await unfold(page, "Step history");
  await expect(page.getByRole("region", { name: "Step history" })).toContainText("They asked for a quote");
  expect(errors).toEqual([]);
});

test("after a win the account is an existing customer since the win and the deal has no 'unsure' warning", async ({
  page,
  errors,
}) => {
  await seedApp(page);
  await open(page, "/accounts");
  await page.getByLabel("New or existing").selectOption({ label: "New customer" });
  await expect(page.getByRole("link", { name: "Nordwind Mills" })).toBeVisible();

  await open(page, "/deals");
  await page.getByRole("link", { name: "Press line" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Press line" })).toBeVisible();
  const warnings = page.getByRole("region", { name: "Needs your attention" });
  await expect(warnings).toContainText("Unsure whether we can win");

  await page.getByLabel("Evidence that the contract is signed").fill("Contract signed by the plant director");
  await page.getByRole("button", { name: "Mark won" }).click();
  await expect(page.getByRole("heading", { name: "Step 6 of 6: Follow-up service" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Outcome" })).toContainText(`Won on ${shown(today)}.`);
  await expect(page.getByText("Unsure whether we can win")).toHaveCount(0);

  await page.getByRole("link", { name: "Nordwind Mills" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nordwind Mills" })).toBeVisible();
  await expect(page.getByText("Existing customer", { exact: true })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: shown(today) })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "Customer since" })).toBeVisible();

  await open(page, "/accounts");
  await page.getByLabel("New or existing").selectOption({ label: "Existing customer" });
  await expect(page.getByRole("link", { name: "Nordwind Mills" })).toBeVisible();
  await page.getByLabel("New or existing").selectOption({ label: "New customer" });
  await expect(page.getByRole("link", { name: "Nordwind Mills" })).toHaveCount(0);

  // An account that already was a customer keeps its date.
  await open(page, "/deals");
  await page.getByRole("link", { name: "Welding cell" }).click();
  await page.getByRole("link", { name: "Acme Steel" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "1 Mar 2020" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("finishing a won deal with no invoice recorded warns first, then says the deal is finished", async ({ page, errors }) => {
  await seedApp(page);
  await open(page, "/deals");
  await page.getByRole("link", { name: "Welding cell" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welding cell" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm: The customer has paid every account" }).click();
  const dialog = page.getByRole("dialog", { name: 'Finish "Welding cell"' });
  await expect(dialog.getByRole("status")).toHaveText(
    "No invoice is recorded for this deal. Confirm only if the customer has paid everything outside the app; otherwise add the invoices on the follow-up page first.",
  );
  // The evidence is required, and says so before anything is typed.
  const evidence = dialog.getByLabel("Evidence of the end signal");
  await expect(evidence).toHaveAttribute("required", "");
  await dialog.getByRole("button", { name: "Confirm and move" }).click();
  await expect(dialog.getByText("Write the evidence that the end signal happened.").first()).toBeVisible();
  await evidence.fill("Paid by bank transfer, statement of 3 Dec");
  await dialog.getByRole("button", { name: "Confirm and move" }).click();
  await expect(page.getByText('"Welding cell" is finished: every account is paid.', { exact: false })).toBeVisible();
  await expect(page.getByText("is now in 6. Follow-up service")).toHaveCount(0);
  expect(errors).toEqual([]);
});
