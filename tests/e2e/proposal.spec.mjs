// The proposal of step 4: built from the deal's needs, a catalogue line at its price break,
// the needs a line must answer flagged, sending freezes a version, a new version changes a
// price, two versions compared, acceptance as the deal's step-4 evidence, the customer copy
// in print, bad input refused with the typed text kept, and everything kept through a
// reload and through export → clear → import. Found by role, label and text only.
import { test, expect, open, stacksOnPhone } from "./helpers.mjs";
import { exportBackup, importBackup, makeBackup, meta, ready } from "./backup-file.mjs";

const pad = (n) => String(n).padStart(2, "0");
const todayIso = (() => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
})();
const yes = { answer: "yes", note: "", answered_at: "2026-01-10T09:00:00Z" };

const acme = { ...meta(), name: "Acme Steel", grade: "a" };
const ana = { ...meta(), account_id: acme.id, name: "Ana Ruiz" };
const need = (layer, text, measure = "") => ({ id: meta().id, layer, text, holder_contact_id: ana.id, measure });
const problem = need("problem", "Line stops twice a week");
const goal = need("goal", "Output up 15 %");
const indicator = need("purchase_indicator", "Response time", "≤ 2 s");
const wanted = need("product_or_service", "Vibration sensors");
const deal = {
  ...meta(),
  account_id: acme.id,
  title: "Line 4 retrofit",
  value: { minor: 2_500_000, currency: "EUR" },
  step: "presenting_value",
  step_entered_at: new Date().toISOString(),
  next_step: { text: "Present the proposal", due: todayIso },
  qualification: {
    is_there_an_opportunity: yes,
    do_we_have_a_solution: yes,
    can_we_win: yes,
    is_it_worth_winning: yes,
  },
  needs: [goal, problem, indicator, wanted],
  people: [{ contact_id: ana.id, roles: ["decision_maker"] }],
};
// A catalogue product shaped like src/domain/product.rs: 10.00 EUR, 9.00 from 10 pieces.
const sensor = {
  ...meta(),
  name: "Vibration sensor",
  category: "Hardware",
  unit: "piece",
  currency: "EUR",
  list_price: 100000,
  cost: 60000,
  price_breaks: [{ min_qty: 10000, unit_price: 90000 }],
  tax_rate: 2100,
  weight: 3,
  locomotive: false,
  retired: false,
  related: [],
  price_history: [],
  competitor_prices: [],
  description: "",
};
const SEED = makeBackup({ accounts: [acme], contacts: [ana], deals: [deal], products: [sensor] });

const proposalUrl = (rest = "") => `/deals/${deal.id}/proposal${rest}`;

test.beforeEach(async ({ page }) => {
  await open(page, "/");
  await importBackup(page, SEED, { name: "proposal-seed.json" });
});

test("a proposal from the needs: priced, traced, sent, revised, compared, accepted, printed and kept", async ({ page, errors }) => {
  test.setTimeout(120_000);
  // The deal page (step 4) leads to the proposal.
  await open(page, `/deals/${deal.id}`);
  const summary = page.getByRole("region", { name: "Proposal", exact: true });
  await expect(summary.getByText("No proposal yet.")).toBeVisible();
  await summary.getByRole("link", { name: "Build the proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Proposal — Line 4 retrofit" })).toBeVisible();
  await page.getByRole("button", { name: "Build the proposal from the needs" }).click();

  // Section 2 comes from the goals and problems, each still editable.
  await expect(page.getByLabel("Problem or challenge 1")).toHaveValue("Output up 15 %");
  await expect(page.getByLabel("Problem or challenge 2")).toHaveValue("Line stops twice a week");
  await page.getByLabel("Impact of problem 2").fill("Two lost shifts a week");
  await page.getByLabel("Background, present state and trends (one paragraph)").fill("Two plants, one line each.");
  await page.getByRole("button", { name: "Save the sections" }).click();
  await expect(page.getByText("Sections saved.")).toBeVisible();

  // Every need without a line is flagged.
  const trace = page.getByRole("region", { name: "Needs and the lines that answer them" });
  await expect(trace.getByRole("listitem").filter({ hasText: "Response time" })).toContainText(
    "No quotation line answers this need",
  );

  // A catalogue line at a quantity that reaches the price break takes the break price.
  await page.getByLabel("Product", { exact: true }).selectOption({ label: "Vibration sensor — €10.00" });
  await page.getByLabel("Quantity", { exact: true }).fill("12");
  await expect(page.getByRole("status").filter({ hasText: "Catalogue price for this quantity: €9.00" })).toBeVisible();
  await page.getByLabel("Problems: Line stops twice a week").check();
  await page.getByLabel("Purchase indicators: Response time").check();
  await page.getByLabel("Products and services: Vibration sensors").check();
  await page.getByRole("button", { name: "Add the line" }).click();
  await expect(page.getByText("Line saved.")).toBeVisible();
  const table = page.getByRole("table");
  const sensorRow = page.getByRole("row").filter({ hasText: "Vibration sensor" });
  await expect(sensorRow).toContainText("€9.00");
  await expect(sensorRow).toContainText("€108.00");
  await expect(trace.getByRole("listitem").filter({ hasText: "Response time" })).toContainText("Vibration sensor");
  await expect(trace.getByText("No quotation line answers this need")).toHaveCount(0);

  // A negative quantity is refused at the field, the typed text kept, nothing saved.
  await page.getByLabel("Product", { exact: true }).selectOption({ label: "— a line not in the catalogue —" });
  await page.getByLabel("Line name").fill("Installation");
  await page.getByLabel("Quantity", { exact: true }).fill("-3");
  await page.getByLabel("Unit price", { exact: true }).fill("120");
  await page.getByLabel("Tax rate (%)").fill("21");
  await page.getByRole("button", { name: "Add the line" }).click();
  await expect(page.getByText("Quantity cannot be below zero (“-3”).").first()).toBeVisible();
  await expect(page.getByLabel("Quantity", { exact: true })).toHaveValue("-3");
  await expect(page.getByLabel("Line name")).toHaveValue("Installation");
  await expect(page.getByRole("row").filter({ hasText: "Installation" })).toHaveCount(0);
  await page.getByLabel("Quantity", { exact: true }).fill("1");
  await page.getByRole("button", { name: "Add the line" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Installation" })).toContainText("€120.00");
  // 108 + 120 = 228; tax 21 % = 47.88; total 275.88.
  await expect(
    page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Total", exact: true }) }),
  ).toContainText("€275.88");
  // On a phone each line is a block with its figures named, not a table to scroll.
  await stacksOnPhone(page, page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Unit price" }) }), "Unit price");

  // Sending freezes the version: the editing controls are gone.
  await page.getByRole("button", { name: "Send to the customer…" }).click();
  await page.getByRole("button", { name: "Send and freeze" }).click();
  await expect(page.getByRole("heading", { name: /Version 1 · Sent/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add the line" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save the sections" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit the line/ })).toHaveCount(0);

  // A new version: the price of the installation changes there.
  await page.getByRole("button", { name: "Edit as a new version" }).click();
  await expect(page.getByRole("heading", { name: /Version 2 · Draft/ })).toBeVisible();
  await page.getByRole("button", { name: "Edit the line Installation" }).click();
  await page.getByLabel("Unit price", { exact: true }).fill("100");
  await page.getByRole("button", { name: "Save the line" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Installation" })).toContainText("€100.00");

  // Compare the two versions: the changed line and the money difference.
  await page.getByRole("link", { name: "Compare versions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Compare proposal versions/ })).toBeVisible();
  const changed = page.getByRole("row").filter({ hasText: "Installation" });
  await expect(changed).toContainText("Changed: Unit price");
  await expect(changed).toContainText("1 × €120.00");
  await expect(changed).toContainText("1 × €100.00");
  // 275.88 → 251.68: −24.20.
  await expect(page.getByRole("definition").filter({ hasText: "24.20" })).toBeVisible();

  // Send version 2 and record the customer's acceptance.
  await page.getByRole("link", { name: "Back to the proposal" }).click();
  await expect(page.getByRole("heading", { name: /Version 2 · Draft/ })).toBeVisible();
  await page.getByRole("button", { name: "Send to the customer…" }).click();
  await page.getByRole("button", { name: "Send and freeze" }).click();
  await expect(page.getByRole("heading", { name: /Version 2 · Sent/ })).toBeVisible();
  await page.getByRole("button", { name: "Customer accepted…" }).click();
  await page.getByLabel("Accepted by (person on the deal)").selectOption({ label: "Ana Ruiz" });
  // The answer is dated today unless the rep says otherwise; not before the version was
  // sent, and the typed date stays when refused.
  const answeredOn = page.getByLabel("Date of the answer");
  await expect(answeredOn).toHaveValue(todayIso);
  const y = new Date(Date.now() - 86_400_000);
  const yesterdayIso = `${y.getFullYear()}-${pad(y.getMonth() + 1)}-${pad(y.getDate())}`;
  await answeredOn.fill(yesterdayIso);
  await page.getByRole("button", { name: "Record the acceptance" }).click();
  await expect(page.getByText(/^Date of the answer: .+ is before the version was sent \(.+\)\.$/).first()).toBeVisible();
  await expect(answeredOn).toHaveValue(yesterdayIso);
  await expect(page.getByRole("heading", { name: /Version 2 · Sent/ })).toBeVisible();
  await answeredOn.fill(todayIso);
  await page.getByRole("button", { name: "Record the acceptance" }).click();
  await expect(page.getByRole("heading", { name: /Version 2 · Accepted/ })).toBeVisible();
  // Who accepted, and when, in a sentence.
  await expect(page.getByText(/^Accepted on .+ by Ana Ruiz\.$/)).toBeVisible();
  // The deal is worth €25,000.00 as typed; the accepted total is offered, not imposed.
  await expect(
    page.getByRole("status").filter({
      hasText: "The deal's value is €25,000.00; the accepted version 2 comes to €251.68 with tax (€208.00 before tax).",
    }),
  ).toBeVisible();

  // Version 1, sent before version 2, is superseded: the customer answers version 2, so
  // version 1 is not answered any more.
  await page.getByRole("region", { name: "Versions" }).getByRole("link", { name: "Version 1" }).click();
  await expect(page.getByRole("heading", { name: /Version 1 · Superseded by version 2/ })).toBeVisible();
  await expect(page.getByText("Version 2 was sent in this one's place, so the customer answers that version.", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "Customer accepted…" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Customer rejected…" })).toHaveCount(0);

  // On the deal page the rep sets the deal's value to the accepted total, and can undo it.
  await open(page, `/deals/${deal.id}`);
  const setValue = page.getByRole("button", { name: "Set the deal's value to €251.68" });
  await setValue.click();
  await expect(page.getByText("The deal's value is now €251.68 (it was €25,000.00).")).toBeVisible();
  await expect(setValue).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(setValue).toBeVisible();
  await setValue.click();
  await expect(setValue).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("End signal of step 4 met:")).toBeVisible();
  await expect(setValue).toHaveCount(0);

  // The deal's step 4 end signal is satisfied by the acceptance: no evidence to type.
  await open(page, `/deals/${deal.id}`);
  await expect(page.getByText("End signal of step 4 met:")).toBeVisible();
  await expect(page.getByText(/Accepted proposal v2 on .*\(Ana Ruiz\)/).first()).toBeVisible();
  await page.getByRole("button", { name: /^Confirm: Business negotiation starts/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Evidence of the end signal")).toHaveValue(/Accepted proposal v2 on/);
  await dialog.getByRole("button", { name: "Confirm and move" }).click();
  await expect(page.getByRole("heading", { name: /Step 5/ })).toBeVisible();

  // The customer copy in print: no navigation, no margin column, the rounding rule.
  await open(page, proposalUrl("/2/copy"));
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1, name: /Proposal — Line 4 retrofit/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("columnheader", { name: "Margin" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByText(/^Rounding: each line's net/)).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  // The editor in print leaves the margin column out too.
  await open(page, proposalUrl("/2"));
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("columnheader", { name: "Margin" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // Download as HTML: one file with the customer copy.
  await open(page, proposalUrl("/2/copy"));
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download as HTML" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^proposal-.*-v2\.html$/);
  const { readFile } = await import("node:fs/promises");
  const html = await readFile(await file.path(), "utf8");
  expect(html).toContain("<!DOCTYPE html>");
  expect(html).toContain("Vibration sensor");
  expect(html).not.toContain("Margin");

  // A reload keeps the versions.
  await open(page, proposalUrl());
  await page.reload();
  const versions = page.getByRole("region", { name: "Versions" });
  await expect(versions.getByRole("row").filter({ has: page.getByRole("link", { name: "Version 1", exact: true }) })).toContainText("Superseded by version 2");
  await expect(versions.getByRole("row").filter({ has: page.getByRole("link", { name: "Version 2", exact: true }) })).toContainText("Accepted");
  // On a phone each version is a block with its total named.
  await stacksOnPhone(page, versions.getByRole("table"), "Total");

  // The global search finds a version by the deal's title and its number.
  await page.keyboard.press("Control+k");
  const search = page.getByRole("combobox", { name: "Search accounts, people, deals, products and more" });
  await search.pressSequentially("retrofit v2");
  const hit = page.getByRole("listbox", { name: "Search results" }).getByRole("option", { name: /Line 4 retrofit · v2/ });
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page.getByRole("heading", { name: /Version 2 · Accepted/ })).toBeVisible();

  // Export → clear → import keeps the proposals and their versions identical.
  await page.goto("/settings");
  await ready(page);
  const first = await exportBackup(page);
  const env1 = JSON.parse(first.text);
  expect(env1.counts.proposals).toBe(2);
  const deleted = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const r = indexedDB.deleteDatabase("sixstep");
        r.onsuccess = () => resolve("deleted");
        r.onerror = () => resolve(`error: ${r.error}`);
      }),
  );
  expect(deleted).toBe("deleted");
  await page.reload();
  await ready(page);
  await importBackup(page, first.text, { mode: "Replace everything", name: first.name });
  const second = await exportBackup(page);
  const env2 = JSON.parse(second.text);
  expect(env2.payload.proposals).toEqual(env1.payload.proposals);
  expect(env2.checksum).toEqual(env1.checksum);
  await open(page, proposalUrl());
  await expect(versions.getByRole("row").filter({ has: page.getByRole("link", { name: "Version 2", exact: true }) })).toContainText("Accepted");
  void table;
  expect(errors).toEqual([]);
});

test("a discount over 100 % and a discount without a reason are refused at their fields", async ({ page, errors }) => {
  await open(page, proposalUrl());
  await page.getByRole("button", { name: "Build the proposal from the needs" }).click();
  await page.getByLabel("Line name").fill("Training");
  // A price that is not a number: the summary names the field once.
  await page.getByLabel("Unit price", { exact: true }).fill("abc");
  await page.getByRole("button", { name: "Add the line" }).click();
  await expect(page.getByText("Unit price: “abc” is not a number (e.g. 12.50).").first()).toBeVisible();
  await expect(page.getByText(/Unit price: Unit price/)).toHaveCount(0);
  await page.getByLabel("Unit price", { exact: true }).fill("300");
  await page.getByLabel("Discount (%)").fill("120");
  await page.getByRole("button", { name: "Add the line" }).click();
  await expect(page.getByText("A discount cannot be above 100% (“120”).").first()).toBeVisible();
  await expect(page.getByLabel("Discount (%)")).toHaveValue("120");
  await page.getByLabel("Discount (%)").fill("10");
  await page.getByRole("button", { name: "Add the line" }).click();
  await expect(page.getByText("A discount needs a written reason.").first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Training" })).toHaveCount(0);
  await page.getByLabel("Reason for the discount").fill("Framework contract");
  await page.getByRole("button", { name: "Add the line" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Training" })).toContainText("€270.00");
  // A valid-until date before today is refused when sending.
  await page.getByLabel("Valid until").fill("2020-01-01");
  await expect(page.getByText("This date has passed: the version cannot be sent until it is today or later.")).toBeVisible();
  await page.getByRole("button", { name: "Save section 5" }).click();
  await expect(page.getByText("Sections saved.")).toBeVisible();
  await page.getByRole("button", { name: "Send to the customer…" }).click();
  await page.getByRole("button", { name: "Send and freeze" }).click();
  await expect(page.getByText(/The offer cannot end \(1 Jan 2020\) before the day it is sent/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: /Version 1 · Draft/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test("adding, editing and removing quotation lines keeps what is typed, unsaved, in the sections", async ({ page, errors }) => {
  await open(page, proposalUrl());
  await page.getByRole("button", { name: "Build the proposal from the needs" }).click();
  const background = page.getByLabel("Background, present state and trends (one paragraph)");
  await background.fill("Two plants, one line each — not saved yet.");
  await page.getByLabel("Impact of problem 2").fill("Two lost shifts a week");

  await page.getByLabel("Line name").fill("Training");
  await page.getByLabel("Unit price", { exact: true }).fill("300");
  await page.getByRole("button", { name: "Add the line" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Training" })).toContainText("€300.00");
  // The line form is empty again; the sections keep what was typed.
  await expect(page.getByLabel("Line name")).toHaveValue("");
  await expect(background).toHaveValue("Two plants, one line each — not saved yet.");
  await expect(page.getByLabel("Impact of problem 2")).toHaveValue("Two lost shifts a week");

  // A line added after the page opened can be edited: the form fills with it.
  await page.getByRole("button", { name: "Edit the line Training" }).click();
  await expect(page.getByLabel("Line name")).toHaveValue("Training");
  await page.getByLabel("Unit price", { exact: true }).fill("350");
  await page.getByRole("button", { name: "Save the line" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Training" })).toContainText("€350.00");
  await expect(background).toHaveValue("Two plants, one line each — not saved yet.");

  // Saved, the sections hold it through a reload.
  await page.getByRole("button", { name: "Save the sections" }).click();
  await expect(page.getByText("Sections saved.")).toBeVisible();
  await open(page, proposalUrl());
  await expect(page.getByLabel("Background, present state and trends (one paragraph)")).toHaveValue(
    "Two plants, one line each — not saved yet.",
  );
  expect(errors).toEqual([]);
});

test("the quotation's rates and margins are written as the language writes percentages", async ({ page, errors }) => {
  await open(page, proposalUrl());
  await page.getByRole("button", { name: "Build the proposal from the needs" }).click();
  await page.getByLabel("Product", { exact: true }).selectOption({ label: "Vibration sensor — €10.00" });
  await page.getByLabel("Quantity", { exact: true }).fill("3");
  await page.getByLabel("Discount (%)").fill("12.5");
  await page.getByLabel("Reason for the discount").fill("Pilot");
  await page.getByRole("button", { name: "Add the line" }).click();
  // 3 × 10.00 − 12.5 % = 26.25 net, cost 18.00: margin 8.25, 31.43 % of the net, written
  // to a tenth of a percent as every margin is.
  const row = page.getByRole("row").filter({ hasText: "Vibration sensor" });
  await expect(row).toContainText("12.5%");
  await expect(row).toContainText("21%");
  await expect(row).toContainText("(31.4%)");
  await page.evaluate(() => localStorage.setItem("sixstep.locale", JSON.stringify("es")));
  await open(page, proposalUrl());
  const esRow = page.getByRole("row").filter({ hasText: "Vibration sensor" });
  await expect(esRow).toContainText(/12,5\s%/);
  await expect(esRow).toContainText(/\(31,4\s%\)/);
  await expect(esRow).not.toContainText("31.4%");
  expect(errors).toEqual([]);
});

test("the sections follow another tab's save unless text is typed here; saving one part clears both", async ({ page, context, errors }) => {
  await open(page, proposalUrl());
  await page.getByRole("button", { name: "Build the proposal from the needs" }).click();
  await expect(page.getByRole("heading", { name: /Version 1 · Draft/ })).toBeVisible();
  const other = await context.newPage();
  await open(other, proposalUrl());
  const background = (p) => p.getByLabel("Background, present state and trends (one paragraph)");

  // Saved in one tab, shown in the other, which has typed nothing.
  await background(page).fill("Two plants, one line each.");
  await page.getByRole("button", { name: "Save the sections" }).click();
  await expect(page.getByText("Sections saved.")).toBeVisible();
  await expect(background(other)).toHaveValue("Two plants, one line each.");

  // Typed in the other tab, then saved again here: the typed text stays, and it is said.
  await background(other).fill("Three plants.");
  await background(page).fill("Two plants, two lines each.");
  await page.getByRole("button", { name: "Save the sections" }).click();
  await expect(other.getByText("Another tab changed these sections meanwhile.").first()).toBeVisible();
  await expect(background(other)).toHaveValue("Three plants.");

  // Both forms are one record: a date typed in section 5, saved with sections 1–3, is saved.
  await page.getByLabel("Valid until").fill("2030-01-31");
  await background(page).fill("Two plants.");
  await page.getByRole("button", { name: "Save the sections" }).click();
  await expect(page.getByText("Sections saved.").first()).toBeVisible();
  await page.getByRole("link", { name: /Back to the deal|Line 4 retrofit/ }).first().click();
  await expect(page.getByRole("alertdialog", { name: "Leave without saving?" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "Line 4 retrofit" })).toBeVisible();
  await other.close();
  expect(errors).toEqual([]);
});

test("cancelling a line's edit empties the line form and leaves nothing to ask about", async ({ page, errors }) => {
  await open(page, proposalUrl());
  await page.getByRole("button", { name: "Build the proposal from the needs" }).click();
  await page.getByLabel("Line name").fill("Training");
  await page.getByLabel("Unit price", { exact: true }).fill("300");
  await page.getByRole("button", { name: "Add the line" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Training" })).toBeVisible();
  await page.getByRole("button", { name: "Edit the line Training" }).click();
  await page.getByLabel("Unit price", { exact: true }).fill("999");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByLabel("Line name")).toHaveValue("");
  await page.getByRole("link", { name: /Back to the deal|Line 4 retrofit/ }).first().click();
  await expect(page.getByRole("alertdialog", { name: "Leave without saving?" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "Line 4 retrofit" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("sending is refused while text typed on the page is not saved; saved, it is sent with it", async ({ page, errors }) => {
  await open(page, proposalUrl());
  await page.getByRole("button", { name: "Build the proposal from the needs" }).click();
  const background = page.getByLabel("Background, present state and trends (one paragraph)");
  await background.fill("Two plants, one line each.");
  await page.getByRole("button", { name: "Send to the customer…" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Text typed on this page is not saved yet." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send and freeze" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /Version 1 · Draft/ })).toBeVisible();
  await expect(background).toHaveValue("Two plants, one line each.");

  // Typed after the question opened: confirming is refused the same way.
  await page.getByRole("button", { name: "Save the sections" }).click();
  await expect(page.getByText("Sections saved.")).toBeVisible();
  await page.getByRole("button", { name: "Send to the customer…" }).click();
  await page.getByLabel("Line name").fill("Training");
  await page.getByRole("button", { name: "Send and freeze" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Text typed on this page is not saved yet." })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Version 1 · Draft/ })).toBeVisible();
  await expect(page.getByLabel("Line name")).toHaveValue("Training");

  // The line added, nothing is unsaved: the version is sent, with the saved sections.
  await page.getByLabel("Unit price", { exact: true }).fill("300");
  await page.getByRole("button", { name: "Add the line" }).click();
  await expect(page.getByText("Line saved.")).toBeVisible();
  await page.getByRole("button", { name: "Send to the customer…" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Text typed on this page is not saved yet." })).toHaveCount(0);
  // The question says what the copy will lack: no firm name is set in this book.
  const question = page.getByRole("alertdialog").filter({ hasText: "Send and freeze" });
  await expect(question).toContainText("The customer's copy will lack what Settings → Proposals does not hold yet:");
  await expect(question.getByRole("listitem")).toHaveText(["your firm's name (the copy is headed by the title alone)"]);
  await page.getByRole("button", { name: "Send and freeze" }).click();
  await expect(page.getByRole("heading", { name: /Version 1 · Sent/ })).toBeVisible();
  await expect(page.getByText("Two plants, one line each.")).toBeVisible();
  expect(errors).toEqual([]);
});

test("removing a quotation line asks first; Undo puts it back where it stood", async ({ page, errors }) => {
  await open(page, proposalUrl());
  await page.getByRole("button", { name: "Build the proposal from the needs" }).click();
  for (const [name, price] of [["Training", "300"], ["Travel", "120"]]) {
    await page.getByLabel("Line name").fill(name);
    await page.getByLabel("Unit price", { exact: true }).fill(price);
    await page.getByRole("button", { name: "Add the line" }).click();
    await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();
  }
  const rows = page.getByRole("table").getByRole("row");
  const names = async () => (await rows.allTextContents()).filter((t) => /Training|Travel/.test(t)).map((t) => (t.includes("Training") ? "Training" : "Travel"));
  expect(await names()).toEqual(["Training", "Travel"]);

  await page.getByRole("button", { name: "Remove the line Training" }).click();
  const ask = page.getByRole("alertdialog", { name: /^Remove the line “Training” from this draft\?/ });
  await expect(ask.getByRole("button", { name: "Remove the line" })).toBeFocused();
  // Tab and Shift+Tab keep to the question's two buttons.
  await page.keyboard.press("Tab");
  await expect(ask.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(ask.getByRole("button", { name: "Remove the line" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(ask.getByRole("button", { name: "Cancel" })).toBeFocused();
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: "Training" })).toBeVisible();

  await page.getByRole("button", { name: "Remove the line Training" }).click();
  await ask.getByRole("button", { name: "Remove the line" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Training" })).toHaveCount(0);
  await expect(page.getByText("The line “Training” was removed.")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Training" })).toContainText("€300.00");
  expect(await names()).toEqual(["Training", "Travel"]);
  expect(errors).toEqual([]);
});
