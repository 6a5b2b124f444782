// Step 5, winning commitment: the agreed terms confirmed in writing, the contract that
// wins the deal (refused while a term is unconfirmed, here and in the "Mark won" form),
// the printable agreed terms, the search by contract number; and the closing aids of a
// simple sale: buying signals, a closing prompt filled from the deal's needs and its
// accepted proposal, and upsell suggestions that answer a need. Records are seeded by
// importing a backup; elements are found by role, label and text only.
import { createHash } from "node:crypto";
import { test, expect, open, unfold, noSidewaysScroll } from "./helpers.mjs";
import { canonicalJson, importBackup, makeBackup, meta, uuid } from "./backup-file.mjs";

const pad = (n) => String(n).padStart(2, "0");
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const todayIso = iso(new Date());
const stamp = new Date(Date.now() - 86_400_000).toISOString();

const baltic = { ...meta(), name: "Baltic Print", grade: "a" };
const lin = { ...meta(), account_id: baltic.id, name: "Lin Wei", roles: ["decision_maker"] };

const product = (name, category, related = []) => ({
  ...meta(),
  name,
  category,
  unit: "piece",
  currency: "EUR",
  list_price: 1_000_0000,
  cost: null,
  price_breaks: [],
  tax_rate: 0,
  weight: 3,
  locomotive: false,
  retired: false,
  related,
  price_history: [],
  competitor_prices: [],
  description: "",
});
const course = product("Operator course", "Training");
const spares = product("Spare parts kit", "Parts");
const press = product("Press 400", "Machines", [course.id, spares.id]);

const need = (layer, text) => ({ id: uuid(), layer, text, holder_contact_id: null, measure: "" });
const grow = need("goal", "Grow output by 20 %");
const scrap = need("problem", "Scrap rate too high");
const training = need("solution", "Operators need training on the new press");

const deal = {
  ...meta(),
  account_id: baltic.id,
  title: "Press line upgrade",
  value: { minor: 10_000_000, currency: "EUR" },
  step: "winning_commitment",
  step_entered_at: stamp,
  next_step: { text: "Agree the terms", due: todayIso },
  people: [{ contact_id: lin.id, roles: ["decision_maker"] }],
  needs: [grow, scrap, training],
};

const line = (p, qty, needIds, optional = false) => ({
  id: uuid(),
  source: { kind: "catalogue", product_id: p.id },
  name: p.name,
  category: p.category,
  unit: "piece",
  quantity: qty * 1000,
  unit_price: p.list_price,
  discount: 0,
  discount_reason: "",
  tax_rate: 0,
  optional,
  chosen: false,
  cost: null,
  need_ids: needIds,
});
const content = {
  currency: "EUR",
  background: "Two shifts, one old press.",
  problems: [{ need_id: scrap.id, text: scrap.text, impact: "" }],
  solution: { overview: "", products: "", implementation: "", service: "" },
  lines: [line(press, 100, [grow.id, scrap.id]), line(spares, 1, [], true), line(course, 1, [], true)],
  credentials: [],
  valid_until: "2030-12-31",
};
const hash = createHash("sha256").update(canonicalJson(content)).digest("hex");
const proposal = {
  ...meta(),
  deal_id: deal.id,
  version: 1,
  status: "accepted",
  content,
  sent: { at: stamp, content_hash: hash },
  decision: { at: stamp, by_contact_id: lin.id, by_name: "Lin Wei", note: "" },
};

const SEED = makeBackup({
  accounts: [baltic],
  contacts: [lin],
  products: [press, course, spares],
  deals: [deal],
  proposals: [proposal],
});

test.beforeEach(async ({ page }) => {
  await open(page, "/");
  await importBackup(page, SEED, { name: "agreement-seed.json" });
});

const agreement = (page) => page.getByRole("region", { name: "Agreement and contract" });

async function addTerm(page, { label, value, money = "", confirmedBy = null }) {
  const a = agreement(page);
  await a.getByLabel("Term", { exact: true }).fill(label);
  await a.getByLabel("Agreed value, in words").fill(value);
  await a.getByLabel("Money value (EUR, optional)").fill(money);
  if (confirmedBy) {
    await a.getByLabel("Confirmed in writing").check();
    await a.getByLabel("Confirmed by").fill(confirmedBy);
  }
  await a.getByRole("button", { name: "Add term" }).click();
  await expect(a.getByRole("list", { name: "Agreed terms" }).getByText(label, { exact: true })).toBeVisible();
}

test("terms confirmed one by one, the contract wins the deal at the agreed value, printable terms and search", async ({
  page,
  errors,
}) => {
  await open(page, `/deals/${deal.id}/negotiation`);
  await expect(page.getByRole("heading", { level: 1, name: "Negotiation: Press line upgrade" })).toBeVisible();
  const a = agreement(page);
  await expect(a.getByText("No agreed terms yet.")).toBeVisible();

  // Bad input: the messages at the fields, nothing saved, what was typed kept.
  await a.getByLabel("Agreed value, in words").fill("EUR 118,000");
  await a.getByLabel("Confirmed in writing").check();
  await a.getByRole("button", { name: "Add term" }).click();
  await expect(a.getByText('Name the term ("Price", "Payment terms").')).toBeVisible();
  await expect(a.getByText("Say who confirmed the term in writing.")).toBeVisible();
  await expect(a.getByLabel("Term", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(a.getByLabel("Agreed value, in words")).toHaveValue("EUR 118,000");
  await expect(a.getByText("No agreed terms yet.")).toBeVisible();
  await a.getByLabel("Confirmed in writing").uncheck();

  // Three terms; the third is not confirmed yet.
  await addTerm(page, { label: "Price", value: "EUR 118,000", money: "118000", confirmedBy: "Lin Wei" });
  await addTerm(page, { label: "Payment terms", value: "45 days net", confirmedBy: "Lin Wei" });
  await addTerm(page, { label: "Delivery", value: "Installed by 30 June", money: "2000" });
  const terms = a.getByRole("list", { name: "Agreed terms" });
  await expect(terms.getByRole("listitem")).toHaveCount(3);
  await expect(a.getByText("3 agreed terms, 2 confirmed in writing")).toBeVisible();
  await expect(terms.getByText("Not confirmed in writing yet")).toHaveCount(1);

  // Signing is refused, naming the unconfirmed term.
  await a.getByLabel("Contract number").fill("C-2026-014");
  await expect(a.getByLabel("Contract value (EUR)")).toHaveValue("120000.00");
  await a.getByRole("button", { name: "Sign the contract and win the deal" }).click();
  await expect(a.getByRole("alert")).toContainText(
    "Every agreed term must be confirmed in writing before signing. Not confirmed yet: Delivery.",
  );

  // So is "Mark won" on the deal page.
  await open(page, `/deals/${deal.id}`);
  await unfold(page, "Outcome");
  const outcome = page.getByRole("region", { name: "Outcome", exact: true });
  await outcome.getByLabel("Evidence that the contract is signed").fill("Signed at the plant");
  await outcome.getByRole("button", { name: "Mark won" }).click();
  await expect(outcome.getByRole("alert")).toContainText("The deal cannot be won yet");
  await expect(outcome.getByRole("alert")).toContainText("Delivery");
  await expect(page.getByText("Open: still being sold.")).toBeVisible();

  // Confirm the last term in writing.
  await open(page, `/deals/${deal.id}/negotiation`);
  await a.getByRole("button", { name: "Edit Delivery" }).click();
  await expect(a.getByRole("heading", { name: "Edit the term: Delivery" })).toBeVisible();
  await a.getByLabel("Confirmed in writing").check();
  await a.getByLabel("Confirmed by").fill("Lin Wei");
  await a.getByLabel("How", { exact: true }).selectOption({ label: "Signed minutes" });
  await a.getByRole("button", { name: "Save term" }).click();
  await expect(a.getByText("3 agreed terms, 3 confirmed in writing")).toBeVisible();
  await expect(terms.getByText("Not confirmed in writing yet")).toHaveCount(0);
  await expect(terms.getByText(/Confirmed by Lin Wei \(Signed minutes\)/)).toBeVisible();

  // Sign: the deal is won at the agreed value and moves to step 6.
  await a.getByLabel("Contract number").fill("C-2026-014");
  await a.getByRole("button", { name: "Sign the contract and win the deal" }).click();
  await expect(page.getByText(/Contract signed: Press line upgrade is won at .*120,000\.00/)).toBeVisible();
  const contract = a.getByRole("region", { name: "Contract", exact: true });
  await expect(contract).toContainText("C-2026-014");
  await expect(terms.getByText(/Part of contract C-2026-014/)).toHaveCount(3);
  await expect(a.getByRole("button", { name: "Remove Delivery" })).toHaveCount(0);

  await open(page, `/deals/${deal.id}`);
  await expect(page.getByRole("region", { name: "Step 6 of 6: Follow-up service" })).toBeVisible();
  await expect(page.getByText(/120,000\.00 · /)).toBeVisible();
  await expect(page.getByText("Won", { exact: true }).first()).toBeVisible();
  await unfold(page, "Winning commitment");
  await expect(page.getByRole("region", { name: "Winning commitment", exact: true })).toContainText(
    "Contract C-2026-014 signed on",
  );

  // The agreed terms for the customer: no internal figures.
  await open(page, `/deals/${deal.id}/negotiation`);
  await agreement(page).getByRole("link", { name: "Agreed terms to print" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Agreed terms: Press line upgrade" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  const sheet = page.getByRole("list", { name: "Agreed terms" });
  await expect(sheet.getByRole("listitem")).toHaveCount(3);
  await expect(sheet).toContainText("45 days net");
  await expect(page.getByText(/Contract C-2026-014, signed on/)).toBeVisible();
  await expect(page.getByText("For Baltic Print", { exact: false })).toBeVisible();
  for (const internal of ["Bottom line", "Importance", "per unit", "Target"]) {
    await expect(page.getByText(internal, { exact: false })).toHaveCount(0);
  }
  await noSidewaysScroll(page, "agreed terms");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // The global search finds the deal's agreement by the contract number.
  await page.keyboard.press("Control+k");
  const search = page.getByRole("combobox", { name: "Search accounts, people, deals, products and more" });
  await search.pressSequentially("C-2026-014");
  const hit = page.getByRole("listbox", { name: "Search results" }).getByRole("option", { name: /C-2026-014/ });
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page.getByRole("heading", { level: 1, name: "Negotiation: Press line upgrade" })).toBeVisible();

  // A reload keeps it all.
  await page.reload();
  await expect(agreement(page).getByRole("region", { name: "Contract", exact: true })).toContainText("C-2026-014");
  await expect(agreement(page).getByText("3 agreed terms, 3 confirmed in writing")).toBeVisible();
  await noSidewaysScroll(page, "negotiation page");
  expect(errors).toEqual([]);
});

test("the move to step 6 is refused while a term is unconfirmed; a term is removed with Undo", async ({
  page,
  errors,
}) => {
  await open(page, `/deals/${deal.id}/negotiation`);
  await addTerm(page, { label: "Price", value: "EUR 118,000", money: "118000" });
  const a = agreement(page);
  await a.getByRole("button", { name: "Remove Price" }).click();
  await expect(a.getByText("No agreed terms yet.")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(a.getByRole("list", { name: "Agreed terms" }).getByText("Price", { exact: true })).toBeVisible();

  await open(page, `/deals/${deal.id}`);
  await page.getByRole("button", { name: /^Confirm: / }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Evidence of the end signal").fill("Contract signed");
  await dialog.getByRole("button", { name: "Confirm and move" }).click();
  await expect(dialog.getByRole("alert")).toContainText("The deal cannot be won yet");
  await expect(dialog.getByRole("alert")).toContainText("Price");
  expect(errors).toEqual([]);
});

test("closing aids: a buying signal, a closing prompt filled from the needs, upsell that answers a need", async ({
  page,
  errors,
}) => {
  await open(page, `/deals/${deal.id}/negotiation`);
  const aids = page.getByRole("region", { name: "Simple sale: closing aids" });
  await expect(aids.getByText("No buying signal logged yet.")).toBeVisible();

  // Bad input, then a signal.
  await aids.getByRole("button", { name: "Log buying signal" }).click();
  await expect(aids.getByText("Write what the customer asked.")).toBeVisible();
  await aids.getByLabel("About").selectOption({ label: "Terms" });
  await aids.getByLabel("What the customer asked").fill("Can we pay in 60 days?");
  await aids.getByRole("button", { name: "Log buying signal" }).click();
  const signals = aids.getByRole("list", { name: "Buying signals" });
  await expect(signals.getByText("Can we pay in 60 days?")).toBeVisible();
  await expect(aids.getByText("Write what the customer asked.")).toBeHidden();

  // Removed with Undo.
  await aids.getByRole("button", { name: "Remove buying signal: Can we pay in 60 days?" }).click();
  await expect(aids.getByText("No buying signal logged yet.")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(signals.getByText("Can we pay in 60 days?")).toBeVisible();

  // A closing prompt whose script names the deal's needs.
  await expect(aids.getByText("Scripts filled from the deal's needs and proposal v1.")).toBeVisible();
  await aids.getByRole("radio", { name: "A summary of benefits" }).check();
  const script = aids.getByLabel("Script: A summary of benefits");
  await expect(script).toContainText("Scrap rate too high");
  await expect(script).toContainText("Grow output by 20 %");
  await aids.getByRole("radio", { name: "A choice between two options" }).check();
  await expect(aids.getByLabel("Script: A choice between two options")).toContainText(
    "Would you rather start with Spare parts kit, or with Operator course?",
  );
  await aids.getByRole("radio", { name: "A direct suggestion" }).check();
  await expect(aids.getByLabel("Script: A direct suggestion")).toContainText("Grow output by 20 %");

  // Upsell: the course answers a need; the spare parts kit answers none.
  const upsell = aids.getByRole("list", { name: "Upsell suggestions" });
  await expect(upsell.getByRole("link", { name: "Operator course" })).toBeVisible();
  await expect(upsell).toContainText('answers "Operators need training on the new press"');
  await expect(upsell.getByText("Spare parts kit")).toHaveCount(0);

  // The deal page's summary, and a reload keeps the signal.
  await open(page, `/deals/${deal.id}`);
  await unfold(page, "Winning commitment");
  await expect(page.getByRole("region", { name: "Winning commitment", exact: true })).toContainText("1 buying signal, the last on");
  await open(page, `/deals/${deal.id}/negotiation`);
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Simple sale: closing aids" }).getByRole("list", { name: "Buying signals" }),
  ).toContainText("Can we pay in 60 days?");
  await noSidewaysScroll(page, "closing aids");
  expect(errors).toEqual([]);
});
