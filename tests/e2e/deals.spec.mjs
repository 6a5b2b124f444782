// The six-step deal: board, deal page and dashboard (issue 6). Records are seeded by
// importing a backup; elements are found by role and accessible name only.
import { test, expect, open, seriousA11yViolations, stacksOnPhone, unfold } from "./helpers.mjs";
import { makeBackup, meta } from "./backup-file.mjs";

const pad = (n) => String(n).padStart(2, "0");
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const today = new Date();
const todayIso = iso(today);
const longAgo = "2025-01-15T09:00:00Z";

const eur = (minor) => ({ minor, currency: "EUR" });

function seed() {
  const acme = { ...meta(), name: "Acme Steel", grade: "a" };
  const borealis = { ...meta(), name: "Borealis Foods", grade: "b", customer_since: "2020-03-01" };
  const ana = {
    ...meta(),
    account_id: acme.id,
    name: "Ana Ruiz",
    title: "Plant director",
    roles: ["decision_maker"],
    style: { style: "driver", judged_by: "direct", confidence: "sure", judged_at: "2026-10-01T09:00:00Z" },
  };
  const ben = { ...meta(), account_id: acme.id, name: "Ben Ortiz", roles: ["evaluator"] };
  const deal = (account, title, step, minor, extra = {}) => ({
    ...meta(),
    account_id: account.id,
    title,
    value: eur(minor),
    step,
    step_entered_at: new Date().toISOString(),
    ...extra,
  });
  const deals = [
    deal(acme, "Line 4 retrofit", "building_trust", 500_000, {
      owner: "Kim",
      people: [{ contact_id: ana.id, roles: ["decision_maker"] }],
      next_step: { text: "Visit the plant", due: todayIso },
      expected_close: todayIso,
    }),
    deal(acme, "Spare parts 2027", "customer_analysis", 1_000_000, { owner: "Lee", step_entered_at: longAgo }),
    deal(borealis, "Cold store sensors", "discover_needs", 2_000_000, { owner: "Kim" }),
    deal(borealis, "Old boiler", "presenting_value", 9_900_000, {
      outcome: { lost: { at: todayIso, reason: "Price" } },
    }),
    deal(acme, "Welding cell", "follow_up_service", 800_000, {
      outcome: { won: { at: todayIso, paid_on: null } },
    }),
  ];
  return {
    accounts: [acme, borealis],
    contacts: [ana, ben],
    deals,
  };
}

// Like importBackup, but waits until the record store is open first (the Export button is
// enabled only then): choosing the file before that is refused as "store not open".
async function seedApp(page) {
  const payload = seed();
  await page.goto("/settings");
  await expect(page.getByRole("button", { name: "Export backup" })).toBeEnabled();
  await page.getByLabel("Backup file to restore").setInputFiles({
    name: "deals-seed.json",
    mimeType: "application/json",
    buffer: Buffer.from(makeBackup(payload)),
  });
  await page.getByRole("radio", { name: "Merge with my records" }).check();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Imported deals-seed.json")).toBeVisible();
  return payload;
}

test("create a deal, answer the four questions, advance to step 2 with evidence; reload keeps it", async ({
  page,
  errors,
}) => {
  await seedApp(page);
  await open(page, "/deals");
  await page.getByRole("button", { name: "New deal" }).click();
  const form = page.getByRole("region", { name: "New deal" });
  await form.getByRole("combobox", { name: "Account", exact: true }).selectOption({ label: "Acme Steel" });
  await form.getByLabel("Title").fill("Press line upgrade");
  await form.getByLabel("Value").fill("12500");
  await form.getByLabel("Owner").fill("Kim");
  await form.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Press line upgrade" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Step 1 of 6: Customer analysis" })).toBeVisible();

  for (const q of ["Is there an opportunity?", "Do we have a solution?", "Can we win?", "Is it worth winning?"]) {
    await page.getByRole("group", { name: q }).getByRole("radio", { name: "Yes" }).check();
  }
  await page.getByRole("group", { name: "Can we win?" }).getByLabel('Note on "Can we win?"').fill("Our guide backs us");
  await page.getByRole("button", { name: "Save answers" }).click();
  await expect(page.getByText("The four questions are answered")).toBeVisible();

  await page.getByRole("button", { name: /^Confirm: A clear sales opportunity/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("Confirm that a clear sales opportunity is identified")).toBeVisible();
  await dialog.getByLabel("Evidence of the end signal").fill("Budget approved for 2027 by the plant director");
  await dialog.getByRole("button", { name: "Confirm and move" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Step 2 of 6: Building trust" })).toBeVisible();
  await unfold(page, "Step history");
  const history = page.getByRole("region", { name: "Step history" });
  await expect(history.getByText("Budget approved for 2027 by the plant director")).toBeVisible();
  await expect(history.getByText("End signal confirmed")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Press line upgrade" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Step 2 of 6: Building trust" })).toBeVisible();
  await unfold(page, "Step history");
  await expect(page.getByRole("region", { name: "Step history" }).getByText("Budget approved for 2027")).toBeVisible();
  // Past step 1 the four questions fold away under a summary of the answers.
  await expect(page.getByText("Answers: Yes · Yes · Yes · Yes")).toBeVisible();
  await page.getByRole("button", { name: "The four questions", exact: true }).click();
  await expect(page.getByRole("group", { name: "Can we win?" }).getByRole("radio", { name: "Yes" })).toBeChecked();
  await expect(page.getByLabel('Note on "Can we win?"')).toHaveValue("Our guide backs us");
  expect(errors).toEqual([]);
});

test("a 'no' answer closes the gate until it is overridden with a reason", async ({ page, errors }) => {
  await seedApp(page);
  await open(page, "/deals");
  await page.getByRole("link", { name: "Spare parts 2027" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Spare parts 2027" })).toBeVisible();
  const answers = { "Is there an opportunity?": "Yes", "Do we have a solution?": "Yes", "Can we win?": "No", "Is it worth winning?": "Unsure" };
  for (const [q, a] of Object.entries(answers)) {
    await page.getByRole("group", { name: q }).getByRole("radio", { name: a }).check();
  }
  await page.getByRole("button", { name: "Save answers" }).click();
  const gate = page.getByRole("status").filter({ hasText: "Gate:" });
  await expect(gate).toContainText('A question is answered "no"');
  await expect(gate).toContainText("Can we win?");

  await page.getByRole("button", { name: /^Confirm: A clear sales opportunity/ }).click();
  const dialog = page.getByRole("dialog");
  // The dialog puts the focus on the override field first (a frame after it opens); typing
  // before that would have the focus move away in the middle.
  await expect(dialog.getByLabel("Override reason: why should the deal go on anyway?")).toBeFocused();
  await dialog.getByLabel("Evidence of the end signal").fill("They asked for a quote");
  await dialog.getByRole("button", { name: "Confirm and move" }).click();
  await expect(dialog.getByRole("alert")).toContainText('A qualifying question is answered "no"');
  await expect(dialog.getByRole("alert")).toContainText("Can we win?");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Step 1 of 6: Customer analysis" })).toBeVisible();

  // Override with a written reason, then the end signal moves the deal on.
  await page.getByLabel('Why should the deal go on despite the "no"?').fill("Strategic account: we accept the risk");
  await page.getByRole("button", { name: "Override with this reason" }).click();
  await expect(page.getByText("Strategic account: we accept the risk")).toBeVisible();
  await page.getByRole("button", { name: /^Confirm: A clear sales opportunity/ }).click();
  await page.getByRole("dialog").getByLabel("Evidence of the end signal").fill("They asked for a quote");
  await page.getByRole("dialog").getByRole("button", { name: "Confirm and move" }).click();
  await expect(page.getByRole("heading", { name: "Step 2 of 6: Building trust" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("a move from step 1 names every unanswered question at once, before any reason is typed", async ({ page, errors }) => {
  await seedApp(page);
  await open(page, "/deals");
  await page.getByRole("link", { name: "Spare parts 2027" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Spare parts 2027" })).toBeVisible();
  // One answer "unsure" (an override could cover it), one question not answered at all.
  const answers = { "Is there an opportunity?": "Yes", "Do we have a solution?": "Yes", "Can we win?": "Unsure" };
  for (const [q, a] of Object.entries(answers)) {
    await page.getByRole("group", { name: q }).getByRole("radio", { name: a }).check();
  }
  await page.getByRole("button", { name: "Save answers" }).click();
  await page.getByRole("button", { name: /^Confirm: A clear sales opportunity/ }).click();
  const dialog = page.getByRole("dialog");
  const gate = dialog.getByRole("region", { name: "The qualification gate is not passed" });
  await expect(gate).toContainText("Answer every question before the deal leaves customer analysis.");
  await expect(gate).toContainText("Is it worth winning? — not answered");
  // No reason is asked for that could not open the gate.
  await expect(dialog.getByLabel("Override reason: why should the deal go on anyway?")).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Confirm and move" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Close" }).click();

  // Answered, the "unsure" is what is left: now a reason can open the gate.
  await page.getByRole("group", { name: "Is it worth winning?" }).getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Save answers" }).click();
  await page.getByRole("button", { name: /^Confirm: A clear sales opportunity/ }).click();
  await expect(dialog.getByLabel("Override reason: why should the deal go on anyway?")).toBeFocused();
  await expect(gate).toContainText("Can we win? — Unsure");
  await dialog.getByLabel("Override reason: why should the deal go on anyway?").fill("Their guide says we are favoured");
  await dialog.getByLabel("Evidence of the end signal").fill("They asked for a quote");
  await dialog.getByRole("button", { name: "Confirm and move" }).click();
  await expect(page.getByRole("heading", { name: "Step 2 of 6: Building trust" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("a skip from step 1 with an answer not yes and questions unanswered asks for the override and the skip reason", async ({ page, errors }) => {
  await seedApp(page);
  await open(page, "/deals");
  await page.getByRole("link", { name: "Spare parts 2027" }).click();
  await page.getByRole("group", { name: "Can we win?" }).getByRole("radio", { name: "No" }).check();
  await page.getByRole("button", { name: "Save answers" }).click();
  await open(page, "/deals");
  await page.getByRole("button", { name: "Move to step…: Spare parts 2027" }).click();
  await page.getByRole("button", { name: /^3\. Discovering needs/ }).click();
  const dialog = page.getByRole("dialog");
  // A reasoned skip needs the "no" overridden; the unanswered questions do not stop it.
  const override = dialog.getByLabel("Override reason: why should the deal go on anyway?");
  await expect(override).toBeVisible();
  await expect(dialog.getByRole("region", { name: "The qualification gate is not passed" })).toContainText("Can we win? — No");
  await override.fill("Framework contract signed by their head office");
  await dialog.getByLabel("Reason for skipping").fill("The framework contract sets the needs");
  await dialog.getByRole("button", { name: "Skip ahead" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("region", { name: "3. Discovering needs" }).getByRole("link", { name: "Spare parts 2027" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("the move form keeps what is being typed, and the focus, when the deal changes meanwhile", async ({
  page,
  context,
  errors,
}) => {
  const { deals } = await seedApp(page);
  const deal = deals.find((d) => d.title === "Line 4 retrofit");
  await page.goto(`/deals/${deal.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Line 4 retrofit" })).toBeVisible();
  await page.getByRole("button", { name: /^Confirm: / }).click();
  const dialog = page.getByRole("dialog", { name: 'Move "Line 4 retrofit" to 3. Discovering needs' });
  const evidence = dialog.getByLabel("Evidence of the end signal");
  await expect(evidence).toBeFocused();
  await page.keyboard.type("Ana introduced us");

  // Another tab changes the deal's owner while the form is open.
  const other = await context.newPage();
  await other.goto(`/deals/${deal.id}`);
  await other.getByRole("button", { name: "Edit deal details" }).click();
  await other.getByLabel("Owner").fill("Marta Kalniņa");
  await other.getByRole("button", { name: "Save", exact: true }).click();
  await expect(other.getByRole("definition").filter({ hasText: "Marta Kalniņa" })).toBeVisible();
  await other.close();
  await expect(page.getByRole("definition").filter({ hasText: "Marta Kalniņa" })).toBeAttached();

  // The form was not built anew: the field keeps its text and the focus, and typing goes on.
  await expect(evidence).toBeFocused();
  await page.keyboard.type(" to the technical director");
  await expect(evidence).toHaveValue("Ana introduced us to the technical director");
  await dialog.getByRole("button", { name: "Confirm and move" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Step 3 of 6: Discovering needs" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("a card moves by keyboard on the board, skips need a reason and moves back are recorded", async ({
  page,
  errors,
}) => {
  await seedApp(page);
  await open(page, "/deals");
  const col = (name) => page.getByRole("region", { name });
  await expect(col("2. Building trust").getByRole("link", { name: "Line 4 retrofit" })).toBeVisible();
  // Column totals: one deal of €5,000.00, weighted 20 %.
  await expect(col("2. Building trust")).toContainText("Deals: 1 · €5,000.00");
  await expect(col("2. Building trust")).toContainText("Weighted €1,000.00");

  // Keyboard only: open the card's move menu, pick step 3, confirm the end signal.
  const moveButton = page.getByRole("button", { name: "Move to step…: Line 4 retrofit" });
  await moveButton.focus();
  await page.keyboard.press("Enter");
  await expect(moveButton).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab"); // 1. Customer analysis (back)
  await page.keyboard.press("Tab"); // 3. Discovering needs (advance)
  await expect(page.locator(":focus")).toHaveAccessibleName(/3\. Discovering needs/);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: 'Move "Line 4 retrofit" to 3. Discovering needs' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Evidence of the end signal")).toBeFocused();
  await page.keyboard.type("Ana introduced us to the technical director");
  // Tab past the date (its day, month and year parts) to the confirm button.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === "Confirm and move") break;
  }
  await expect(dialog.getByRole("button", { name: "Confirm and move" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(col("3. Discovering needs").getByRole("link", { name: "Line 4 retrofit" })).toBeVisible();
  await expect(col("2. Building trust").getByRole("link", { name: "Line 4 retrofit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Move to step…: Line 4 retrofit" })).toBeFocused();

  // A skip asks for a reason.
  await page.getByRole("button", { name: "Move to step…: Line 4 retrofit" }).click();
  await page.getByRole("button", { name: /5\. Winning commitment/ }).click();
  const skip = page.getByRole("dialog");
  await skip.getByRole("button", { name: "Skip ahead" }).click();
  await expect(skip.getByRole("alert")).toContainText("Write why the deal skips forward.");
  await skip.getByLabel("Reason for skipping").fill("Framework contract: the price list is agreed");
  await skip.getByRole("button", { name: "Skip ahead" }).click();
  await expect(col("5. Winning commitment").getByRole("link", { name: "Line 4 retrofit" })).toBeVisible();

  // Back is allowed and recorded.
  await page.getByRole("button", { name: "Move to step…: Line 4 retrofit" }).click();
  await page.getByRole("button", { name: /4\. Presenting value/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Move back" }).click();
  await expect(col("4. Presenting value").getByRole("link", { name: "Line 4 retrofit" })).toBeVisible();

  await page.reload();
  await expect(col("4. Presenting value").getByRole("link", { name: "Line 4 retrofit" })).toBeVisible();
  await col("4. Presenting value").getByRole("link", { name: "Line 4 retrofit" }).click();
  await unfold(page, "Step history");
  const history = page.getByRole("region", { name: "Step history" });
  await expect(history.getByRole("row")).toHaveCount(4);
  await expect(history).toContainText("Framework contract: the price list is agreed");
  await expect(history).toContainText("Moved back");
  await expect(history).toContainText("Skipped forward");
  expect(errors).toEqual([]);
});

test("a card dragged to the next column opens the end-signal confirmation", async ({ page, errors }) => {
  await seedApp(page);
  await open(page, "/deals");
  const card = page.getByRole("region", { name: "2. Building trust" }).getByRole("listitem").filter({ hasText: "Line 4 retrofit" });
  await card.dragTo(page.getByRole("region", { name: "3. Discovering needs" }));
  const dialog = page.getByRole("dialog", { name: 'Move "Line 4 retrofit" to 3. Discovering needs' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("region", { name: "2. Building trust" }).getByRole("link", { name: "Line 4 retrofit" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("board filters by owner, account grade and close month", async ({ page }) => {
  await seedApp(page);
  await open(page, "/deals");
  await expect(page.getByText("Deals shown: 4")).toBeVisible(); // open + won-unpaid
  await page.getByLabel("Owner").selectOption("Kim");
  await expect(page.getByText("Deals shown: 2")).toBeVisible();
  await page.getByLabel("Account grade").selectOption({ label: "B — medium potential" });
  await expect(page.getByText("Deals shown: 1")).toBeVisible();
  await expect(page.getByRole("link", { name: "Cold store sensors" })).toBeVisible();
  await page.getByLabel("Account grade").selectOption({ label: "All" });
  await page.getByLabel("Expected close month").selectOption({ index: 1 });
  await expect(page.getByText("Deals shown: 1")).toBeVisible();
  await expect(page.getByRole("link", { name: "Line 4 retrofit" })).toBeVisible();
});

test("needs in all five layers, linked to people, show on the deal page and survive a reload", async ({
  page,
  errors,
}) => {
  await seedApp(page);
  await open(page, "/deals");
  await page.getByRole("link", { name: "Line 4 retrofit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Line 4 retrofit" })).toBeVisible();

  // The person's style hints come from the trust screens' judgement.
  const people = page.getByRole("region", { name: "People involved" });
  await expect(people.getByRole("group", { name: "How to deal with Ana Ruiz (Driver)" })).toBeVisible();

  const needs = [
    ["Goals and aspirations", "Raise output by 15 %", ""],
    ["Problems", "Line 4 stops twice a week", ""],
    ["Solution", "Retrofit the drives in the summer shutdown", ""],
    ["Products and services", "Four servo drives and commissioning", ""],
    ["Purchase indicators", "Downtime per month", "under 2 hours"],
  ];
  // At step 2 the needs (step 3's work) are folded below; the rep unfolds them early.
  await unfold(page, "Needs in five layers");
  const section = page.getByRole("region", { name: "Needs in five layers" });
  for (const [layer, text, measure] of needs) {
    await section.getByLabel("Layer", { exact: true }).selectOption({ label: layer });
    await section.getByLabel("Need", { exact: true }).fill(text);
    await section.getByLabel("Held by").selectOption({ label: "Ana Ruiz" });
    if (measure) await section.getByLabel("Quantity or measure").fill(measure);
    await section.getByRole("button", { name: "Add need" }).click();
    await expect(section.getByLabel("Need", { exact: true })).toHaveValue("");
  }
  const check = async () => {
    for (const [i, [layer, text]] of needs.entries()) {
      const region = page.getByRole("region", { name: `${i + 1}. ${layer}` });
      await expect(region.getByText(text)).toBeVisible();
      await expect(region.getByText("held by Ana Ruiz")).toBeVisible();
    }
    await expect(page.getByRole("region", { name: "5. Purchase indicators" }).getByText("under 2 hours")).toBeVisible();
  };
  await check();

  // Buying stage warns when nobody has the stage's key role.
  await unfold(page, "The customer's buying stage");
  const stage = page.getByRole("region", { name: "The customer's buying stage" });
  await stage.getByLabel("Current buying stage").selectOption({ label: "4. Evaluation" });
  await expect(stage.getByText("Evaluation stage: no evaluator identified.")).toBeVisible();
  await people.getByLabel("Person at the account").selectOption({ label: "Ben Ortiz" });
  await people.getByRole("button", { name: "Add person" }).click();
  await expect(people.getByRole("link", { name: "Ben Ortiz", exact: true })).toBeVisible();
  await expect(page.getByText("Evaluation stage: no evaluator identified.")).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Line 4 retrofit" })).toBeVisible();
  await unfold(page, "Needs in five layers");
  await check();
  await unfold(page, "The customer's buying stage");
  await expect(page.getByLabel("Current buying stage")).toHaveValue("4");
  expect(errors).toEqual([]);
});

test("dashboard totals match the deals", async ({ page, errors }) => {
  await seedApp(page);
  await open(page, "/");
  const table = page.getByRole("table", { name: "Open deals per step" });
  const row = (name) => table.getByRole("row", { name: new RegExp(`^${name}`) });
  await expect(row("1. Customer analysis")).toContainText("1€10,000.00€1,000.00");
  await expect(row("2. Building trust")).toContainText("1€5,000.00€1,000.00");
  await expect(row("3. Discovering needs")).toContainText("1€20,000.00€7,000.00");
  await expect(row("6. Follow-up service")).toContainText("0€0.00€0.00");
  await expect(row("All steps")).toContainText("3€35,000.00€9,000.00");
  // On a phone each step is a block with its figures named, the weighted value included.
  await stacksOnPhone(page, table, "Weighted");
  await expect(page.getByText("3 open deals · €35,000.00 · weighted €9,000.00")).toBeVisible();
  await expect(page.getByRole("img", { name: /Open pipeline by step in EUR/ })).toBeVisible();

  const month = page.getByRole("region", { name: /^Results in/ });
  await expect(month).toContainText("Won1 · €8,000.00");
  await expect(month).toContainText("Lost1 · €99,000.00");

  const attention = page.getByRole("region", { name: "Next step missing or late" });
  await expect(attention.getByRole("link", { name: "Spare parts 2027" })).toBeVisible();
  await expect(attention.getByRole("link", { name: "Line 4 retrofit" })).toHaveCount(0);

  const stuck = page.getByRole("region", { name: "Stuck deals" });
  await expect(stuck.getByRole("link", { name: "Spare parts 2027" })).toBeVisible();
  await expect(stuck.getByRole("link", { name: "Line 4 retrofit" })).toHaveCount(0);

  const share = page.getByRole("region", { name: "Won value from new customers" });
  await expect(share).toContainText("100% from new customers (€8,000.00 of €8,000.00): target of 30% met.");

  // A deal created through the board shows up in the totals.
  await open(page, "/deals");
  await page.getByRole("button", { name: "New deal" }).click();
  const form = page.getByRole("region", { name: "New deal" });
  await form.getByRole("combobox", { name: "Account", exact: true }).selectOption({ label: "Borealis Foods" });
  await form.getByLabel("Title").fill("Freezer doors");
  await form.getByLabel("Value").fill("3000");
  await form.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Freezer doors" })).toBeVisible();
  await page.goto("/");
  await expect(row("1. Customer analysis")).toContainText("2€13,000.00€1,300.00");
  await expect(row("All steps")).toContainText("4€38,000.00€9,300.00");
  await page.reload();
  await expect(row("All steps")).toContainText("4€38,000.00€9,300.00");
  expect(errors).toEqual([]);
});

test("deal settings change the stuck threshold and the new-customer target", async ({ page }) => {
  await seedApp(page);
  await open(page, "/settings");
  const form = page.getByRole("region", { name: "Deals and dashboard" });
  await form.getByLabel("Days before a deal counts as stuck in a step").fill("1000");
  await form.getByLabel("Target share of won value from new customers (%)").fill("150");
  await form.getByRole("button", { name: "Save" }).click();
  // An out-of-range target is refused by the form; nothing is saved.
  await expect(form.getByText("Enter a percentage from 0 to 100.")).toBeVisible();
  await form.getByLabel("Target share of won value from new customers (%)").fill("40");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" }).last()).toBeVisible();
  await open(page, "/");
  await expect(page.getByText("In their step for more than 1,000 days.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Stuck deals" }).getByText("No deal is stuck.")).toBeVisible();
  await expect(page.getByText(/target 40%/)).toBeVisible();
});

for (const width of [360, 1280]) {
  test(`board, deal page and dashboard are accessible and fit at ${width} px`, async ({ page, errors }, testInfo) => {
    await page.setViewportSize({ width, height: 800 });
    await seedApp(page);
    for (const path of ["/deals", "/"]) {
      await open(page, path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      await page.screenshot({ path: testInfo.outputPath(`${path === "/" ? "dashboard" : "board"}-${width}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      expect(await seriousA11yViolations(page), path).toEqual([]);
    }
    await open(page, "/deals");
    await page.getByRole("button", { name: "Move to step…: Line 4 retrofit" }).click();
    await page.getByRole("button", { name: /3\. Discovering needs/ }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(await seriousA11yViolations(page), "move dialog").toEqual([]);
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("link", { name: "Line 4 retrofit" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Line 4 retrofit" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath(`deal-${width}.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "deal page scrolls sideways").toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page), "deal page").toEqual([]);
    expect(errors).toEqual([]);
  });
}

test("a long column shows its first 40 cards and more on request, leaving the other columns' cards in place", async ({ page, errors }) => {
  const acme = { ...meta(), name: "Acme Steel", grade: "a" };
  const deals = Array.from({ length: 45 }, (_, i) => ({
    ...meta(),
    account_id: acme.id,
    title: `Line ${pad(i + 1)} sensors`,
    value: eur(100_000),
    step: "customer_analysis",
    step_entered_at: "2026-11-01T09:00:00Z",
    expected_close: `2027-01-${pad((i % 28) + 1)}`,
  }));
  deals.push({ ...deals[0], ...meta(), title: "Dryer upgrade", step: "building_trust" });
  const { importBackup } = await import("./backup-file.mjs");
  await importBackup(page, makeBackup({ accounts: [acme], deals }));
  await open(page, "/deals");
  const board = page.getByRole("region", { name: "Deals by step" });
  const column = board.getByRole("region", { name: "1. Customer analysis" });
  await expect(page.getByRole("status").filter({ hasText: "Deals shown: 46" })).toBeVisible();
  await expect(column.getByRole("listitem")).toHaveCount(40);
  // The same element stays on the page while another column changes.
  await board.getByRole("link", { name: "Dryer upgrade" }).evaluate((el) => (el.dataset.mark = "kept"));
  const more = column.getByRole("button", { name: "Show 5 more in 1. Customer analysis (5 not shown yet)" });
  await more.click();
  await expect(column.getByRole("listitem")).toHaveCount(45);
  await expect(more).toHaveCount(0);
  expect(await board.getByRole("link", { name: "Dryer upgrade" }).evaluate((el) => el.dataset.mark)).toBe("kept");
  expect(errors).toEqual([]);
});

test("the dashboard lists the ten most urgent deals without a next step and all of them on request", async ({ page, errors }) => {
  const acme = { ...meta(), name: "Acme Steel", grade: "a" };
  const deals = Array.from({ length: 12 }, (_, i) => ({
    ...meta(),
    account_id: acme.id,
    title: `Plant ${pad(i + 1)} retrofit`,
    value: eur(100_000),
    step: "building_trust",
    // Plant 01 has waited longest in its step.
    step_entered_at: `2026-10-${pad(i + 1)}T09:00:00Z`,
  }));
  const { importBackup } = await import("./backup-file.mjs");
  await importBackup(page, makeBackup({ accounts: [acme], deals }));
  await open(page, "/");
  const card = page.getByRole("region", { name: "Next step missing or late" });
  await expect(card.getByRole("listitem")).toHaveCount(10);
  await expect(card.getByRole("listitem").first()).toContainText("Plant 01 retrofit");
  await expect(card.getByRole("link", { name: "Plant 12 retrofit" })).toHaveCount(0);
  await card.getByRole("button", { name: "Show all 12 deals that need a next step" }).click();
  await expect(card.getByRole("listitem")).toHaveCount(12);
  await expect(card.getByRole("link", { name: "Plant 12 retrofit" })).toBeVisible();
  expect(errors).toEqual([]);
});
