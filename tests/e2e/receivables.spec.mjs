// Step 6, receivables: the invoices of a won deal with their payments (bad input refused at
// the field, what was typed kept), the collection matrix's proposal for a large invoice
// long overdue (on the deal's follow-up page and on the Receivables page), the dashboard's
// overdue card, the step-6 exit refused while an invoice is unpaid, and the payment of the
// last invoice that finishes the sale; reload and export → import keep it all. Records and
// settings are seeded by importing a backup; elements are found by role, label and text.
import { test, expect, open, openForm, unfold, noSidewaysScroll, stacksOnPhone } from "./helpers.mjs";
import { exportBackup, importBackup, makeBackup, meta } from "./backup-file.mjs";

const pad = (n) => String(n).padStart(2, "0");
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const daysAgo = (n) => iso(new Date(Date.now() - n * 86_400_000));
const stamp = new Date(Date.now() - 86_400_000).toISOString();

const harbour = { ...meta(), name: "Harbour Foods", grade: "a" };
const deal = {
  ...meta(),
  account_id: harbour.id,
  title: "Cold store line",
  value: { minor: 5_440_000, currency: "EUR" },
  step: "follow_up_service",
  step_entered_at: stamp,
  outcome: { won: { at: daysAgo(210), paid_on: null } },
};
// A large invoice issued long ago: €50,000 outstanding, 170 days overdue.
const old = {
  ...meta(),
  deal_id: deal.id,
  account_id: harbour.id,
  number: "INV-2026-001",
  issued_on: daysAgo(200),
  due_on: daysAgo(170),
  amount: { minor: 5_000_000, currency: "EUR" },
  payments: [],
  late_cause: null,
  collection: [],
  note: "",
};

const SEED = makeBackup({
  accounts: [harbour],
  deals: [deal],
  invoices: [old],
  settings: { collection_large_units: 10000, collection_long_days: 30 },
});

test.beforeEach(async ({ page }) => {
  await open(page, "/");
  await importBackup(page, SEED, { name: "receivables-seed.json" });
});

const invoicesPart = (page) => page.getByRole("region", { name: "Invoices and payments" });
const invoiceOf = (page, number) => invoicesPart(page).getByRole("article", { name: `Invoice ${number}` });
const paymentForm = (page, number) => page.getByRole("form", { name: `Record a payment on ${number}` });

async function expectFinished(page) {
  await open(page, `/deals/${deal.id}/followup`);
  await expect(invoicesPart(page).getByText(/Every invoice is paid: the sale was finished on/)).toBeVisible();
  await expect(invoiceOf(page, "INV-2026-001").getByRole("button", { name: /^Remove payment .*: €50,000\.00$/ })).toBeVisible();
  await expect(invoiceOf(page, "INV-2026-002").getByRole("button", { name: /^Remove payment .*: €4,400\.00$/ })).toBeVisible();
  await open(page, `/deals/${deal.id}`);
  await expect(page.getByText(/Every account paid on/)).toBeVisible();
}

test("invoices, payments, the collection matrix, the step-6 exit and the finished sale", async ({ page, errors }) => {
  test.slow();
  // The thresholds came with the backup.
  await open(page, "/settings");
  await expect(page.getByLabel("Large amount from (whole units)")).toHaveValue("10000");
  await expect(page.getByLabel("Long overdue after (days)")).toHaveValue("30");

  await open(page, `/deals/${deal.id}/followup`);
  await expect(page.getByRole("heading", { level: 1, name: "Follow-up service: Cold store line" })).toBeVisible();
  const part = invoicesPart(page);
  // Large and long overdue: the rep negotiates a special payment arrangement.
  const oldOne = invoiceOf(page, "INV-2026-001");
  await expect(oldOne.getByText("Proposed: The rep negotiates a special payment arrangement")).toBeVisible();
  await expect(oldOne.getByText("Over 90 days overdue")).toBeVisible();
  await expect(oldOne.getByText("170 days overdue")).toBeVisible();

  // An invoice with no amount is refused at the field; what was typed stays.
  const form = await openForm(part, "Add an invoice");
  await expect(form.getByLabel("Invoice number")).toHaveValue("INV-2026-002");
  await form.getByLabel("Note").fill("Second instalment");
  await form.getByLabel("Amount").fill("");
  await form.getByRole("button", { name: "Add invoice" }).click();
  await expect(form.getByText("Amount: type the amount; it cannot be empty.")).toBeVisible();
  await expect(form.getByLabel("Amount")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Note")).toHaveValue("Second instalment");
  await expect(part.getByRole("article")).toHaveCount(1);
  await form.getByLabel("Amount").fill("4400");
  await form.getByRole("button", { name: "Add invoice" }).click();
  await expect(page.getByText("Invoice INV-2026-002 saved.")).toBeVisible();
  await expect(invoiceOf(page, "INV-2026-002")).toBeVisible();
  await expect(part.getByRole("table", { name: "The deal's invoices" }).getByRole("row")).toHaveCount(3);
  // On a phone each invoice is a block with its figures named, not a table to scroll.
  await stacksOnPhone(page, part.getByRole("table", { name: "The deal's invoices" }), "Outstanding");

  // A payment larger than what is owed: refused with the outstanding amount, typed text kept.
  const pay2 = paymentForm(page, "INV-2026-002");
  await expect(pay2.getByLabel("Amount paid")).toHaveValue("4400.00");
  // Typed as the app writes money: read back, the sign and separators left out.
  await pay2.getByLabel("Amount paid").fill("€5,000.00");
  await pay2.getByRole("button", { name: "Record payment" }).click();
  await expect(
    pay2.getByText("Amount paid: €5,000.00 is more than what is still owed on this invoice (€4,400.00)."),
  ).toBeVisible();
  await expect(pay2.getByLabel("Amount paid")).toHaveValue("€5,000.00");
  await expect(invoiceOf(page, "INV-2026-002").getByText("No payment yet.")).toBeVisible();

  // The deal page's summary line.
  await open(page, `/deals/${deal.id}`);
  await unfold(page, "Follow-up service");
  await expect(page.getByText(/2 invoices · 1 overdue · €54,400\.00 outstanding/)).toBeVisible();

  // Receivables: the same proposal, most overdue first; the statement to hand over.
  await open(page, "/receivables");
  const open_ = page.getByRole("table", { name: "Unpaid invoices, most overdue first" });
  const rows = open_.getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("INV-2026-001");
  await expect(rows.nth(1)).toContainText("The rep negotiates a special payment arrangement");
  await expect(rows.nth(2)).toContainText("INV-2026-002");
  await page.getByLabel("Show").selectOption({ label: "Not due" });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("INV-2026-002");
  await noSidewaysScroll(page, "the receivables page");
  await page.getByRole("link", { name: "Statement of Harbour Foods" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Statement of open invoices — Harbour Foods" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Open invoices" }).getByRole("row")).toHaveCount(4);
  await expect(page.getByText("€54,400.00")).toBeVisible();

  // The dashboard's card: the overdue total by age, as a chart and its table.
  await open(page, "/");
  const card = page.getByRole("region", { name: "Overdue receivables" });
  await expect(card.getByRole("img", { name: /Overdue by age, in EUR: .*Over 90 days overdue: €50,000\.00/ })).toBeVisible();
  const overdueRow = card
    .getByRole("table", { name: "Overdue by age" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Over 90 days overdue" }) });
  await expect(overdueRow).toContainText("€50,000.00");
  await noSidewaysScroll(page, "the dashboard");

  // Confirming that every account is paid is refused while an invoice is unpaid.
  await open(page, `/deals/${deal.id}`);
  await page.getByRole("button", { name: "Confirm: The customer has paid every account" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Evidence of the end signal").fill("Customer says all paid");
  await dialog.getByRole("button", { name: "Confirm and move" }).click();
  await expect(
    dialog.getByText(
      "The sale is not finished while an invoice is unpaid. Unpaid: INV-2026-001 · INV-2026-002",
    ),
  ).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Paying the last invoice finishes the sale.
  await open(page, `/deals/${deal.id}/followup`);
  await paymentForm(page, "INV-2026-002").getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("Payment on INV-2026-002 recorded.")).toBeVisible();
  await expect(paymentForm(page, "INV-2026-002")).toHaveCount(0);
  await expect(paymentForm(page, "INV-2026-001").getByLabel("Amount paid")).toHaveValue("50000.00");
  await paymentForm(page, "INV-2026-001").getByRole("button", { name: "Record payment" }).click();
  await expect(
    page.getByText("Payment on INV-2026-001 recorded: every invoice is paid and the sale is finished."),
  ).toBeVisible();
  await expect(invoicesPart(page).getByRole("form", { name: "Add an invoice" })).toHaveCount(0);
  await expect(invoicesPart(page).getByRole("button", { name: "Add an invoice", exact: true })).toHaveCount(0);
  await noSidewaysScroll(page, "the follow-up page's invoices");
  await expectFinished(page);

  // A reload keeps it.
  await page.reload();
  await expectFinished(page);

  // Export → import keeps the invoices and their payments.
  await open(page, "/settings");
  const { text } = await exportBackup(page);
  const env = JSON.parse(text);
  expect(env.payload.invoices).toHaveLength(2);
  expect(env.payload.invoices.flatMap((i) => i.payments)).toHaveLength(2);
  await importBackup(page, SEED, { name: "receivables-seed-again.json", mode: "Replace everything" });
  await open(page, `/deals/${deal.id}/followup`);
  await expect(invoiceOf(page, "INV-2026-002")).toHaveCount(0);
  await importBackup(page, text, { name: "receivables-backup.json", mode: "Replace everything" });
  await expectFinished(page);
  expect(errors).toEqual([]);
});

test("invoices are found by number in search", async ({ page }) => {
  await open(page, "/");
  await page.keyboard.press("Control+k");
  await page.getByRole("combobox").fill("INV-2026-001");
  await page.getByRole("option", { name: /INV-2026-001/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Follow-up service: Cold store line" })).toBeVisible();
});

test("deleting an invoice asks first, saying its payments go with it; Undo brings both back", async ({ page, errors }) => {
  await open(page, `/deals/${deal.id}/followup`);
  const inv = invoiceOf(page, "INV-2026-001");
  await paymentForm(page, "INV-2026-001").getByLabel("Amount paid").fill("1000");
  await paymentForm(page, "INV-2026-001").getByRole("button", { name: "Record payment" }).click();
  const payment = inv.getByRole("button", { name: /^Remove payment .*: €1,000\.00$/ });
  await expect(payment).toBeVisible();

  await inv.getByRole("button", { name: "Delete invoice INV-2026-001" }).click();
  const ask = inv.getByRole("alertdialog", { name: "Delete invoice INV-2026-001 with its payments and collection steps? Undo brings it back." });
  await expect(ask.getByRole("button", { name: "Delete the invoice" })).toBeFocused();
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  await expect(payment).toBeVisible();

  await inv.getByRole("button", { name: "Delete invoice INV-2026-001" }).click();
  await ask.getByRole("button", { name: "Delete the invoice" }).click();
  await expect(inv).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(payment).toBeVisible();
  expect(errors).toEqual([]);
});

test("a refusal names the invoice's date as the language writes dates", async ({ page, errors }) => {
  await open(page, `/deals/${deal.id}/followup`);
  const pay = paymentForm(page, "INV-2026-001");
  await pay.getByLabel("Date paid").fill(daysAgo(365));
  await pay.getByLabel("Amount paid").fill("100");
  await pay.getByRole("button", { name: "Record payment" }).click();
  const issued = new Date(`${old.issued_on}T12:00:00`);
  const written = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(issued);
  const message = pay.getByText(/a payment cannot be dated before the invoice was issued/);
  await expect(message).toBeVisible();
  await expect(message).toContainText(`(${written})`);
  await expect(message).not.toContainText(old.issued_on);
  expect(errors).toEqual([]);
});

test("an invoice that takes the deal over its value is warned about as it is typed, not refused", async ({ page, errors }) => {
  await open(page, `/deals/${deal.id}/followup`);
  const form = await openForm(invoicesPart(page), "Add an invoice");
  await expect(form.getByLabel("Amount")).toHaveValue("4400.00");
  const warning = form.getByText(/more than its value/);
  await expect(warning).toHaveCount(0);
  await form.getByLabel("Amount").fill("10000");
  await expect(warning).toHaveText(
    "With this invoice the deal is invoiced for €60,000.00, more than its value (€54,400.00). Check the amount, or the deal's value.",
  );
  await form.getByLabel("Amount").fill("4400");
  await expect(warning).toHaveCount(0);
  await form.getByLabel("Amount").fill("10000");
  await form.getByRole("button", { name: "Add invoice" }).click();
  await expect(page.getByText("Invoice INV-2026-002 saved.")).toBeVisible();
  expect(errors).toEqual([]);
});
