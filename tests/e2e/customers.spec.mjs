// Step 1 — customer analysis: accounts, people, the buying centre, duplicates, merge, search.
import { test, expect, open, nav, seriousA11yViolations } from "./helpers.mjs";

async function createAccount(page, name, extra = async () => {}) {
  await open(page, "/accounts");
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await extra();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

async function addPerson(page, name, { email, level, roles = [], guide = false } = {}) {
  await page.getByRole("button", { name: "Add person" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  if (email) await page.getByLabel("E-mails").fill(email);
  if (level) await page.getByLabel("Level").selectOption({ label: level });
  for (const r of roles) await page.getByRole("checkbox", { name: r, exact: true }).check();
  if (guide) await page.getByRole("checkbox", { name: "Guide (internal coach)" }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("link", { name, exact: true }).first()).toBeVisible();
}

test("an account with two people: the buying-centre map and its warnings follow", async ({ page, errors }) => {
  await createAccount(page, "Baltic Dairy", async () => {
    await page.getByRole("textbox", { name: "Industry" }).fill("Dairy");
    await page.getByLabel("Grade", { exact: true }).first().selectOption({ label: "A — high potential" });
  });
  const centre = page.getByRole("region", { name: "Buying centre" });
  await expect(centre.getByText("Nobody is on record for this account yet.")).toBeVisible();

  await addPerson(page, "Ilze Kalniņa", { email: "ilze.kalnina@balticdairy.lv", level: "Operation", roles: ["User", "Initiator"] });
  await expect(centre.getByText("No guide yet", { exact: false })).toBeVisible();
  await expect(centre.getByText("Only operation-level people are known", { exact: false })).toBeVisible();
  await expect(centre.getByText("Nobody is known as Decision maker.")).toBeVisible();

  await addPerson(page, "Jānis Ozols", { email: "janis@balticdairy.lv", level: "Decision", roles: ["Decision maker"], guide: true });
  await expect(centre.getByText("No guide yet", { exact: false })).toHaveCount(0);
  await expect(centre.getByText("Nobody is known as Decision maker.")).toHaveCount(0);
  await expect(centre.getByText("Only operation-level people are known", { exact: false })).toHaveCount(0);
  await expect(centre.getByText("Nobody is known as Evaluator.")).toBeVisible();
  // The map shows both, by level, the guide marked.
  const map = centre.getByRole("table", { name: "People by level and function" });
  await expect(map.getByRole("rowheader", { name: "Decision" })).toBeVisible();
  await expect(map.getByRole("row", { name: /Decision/ }).getByText("Jānis Ozols")).toBeVisible();
  await expect(map.getByRole("row", { name: /Decision/ }).getByText("Guide")).toBeVisible();
  await expect(map.getByRole("row", { name: /Operation/ }).getByText("Ilze Kalniņa")).toBeVisible();

  // Edit, reload: still there.
  await page.getByRole("button", { name: "Edit account" }).click();
  await page.getByLabel("Latest purchase plans").fill("New filling line in 2027");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("New filling line in 2027")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Baltic Dairy" })).toBeVisible();
  await expect(page.getByText("New filling line in 2027")).toBeVisible();
  await expect(page.getByRole("link", { name: "Jānis Ozols" }).first()).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test("a form with the required name left empty keeps what was typed and names the field", async ({ page }) => {
  await open(page, "/accounts");
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByRole("textbox", { name: "Industry" }).fill("Timber");
  await page.getByLabel("E-mails").fill("not-an-address");
  await page.getByLabel("Latest purchase plans").fill("Two saws");
  await page.getByRole("button", { name: "Save" }).click();
  const alert = page.getByRole("alert");
  await expect(alert.getByText("Name is required.")).toBeVisible();
  await expect(alert.getByText("E-mails: “not-an-address” is not an e-mail address", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("textbox", { name: "Industry" })).toHaveValue("Timber");
  await expect(page.getByLabel("E-mails")).toHaveValue("not-an-address");
  await expect(page.getByLabel("Latest purchase plans")).toHaveValue("Two saws");
  // Fix it and save: nothing typed was lost.
  await page.getByLabel("Name", { exact: true }).fill("Forest Ltd");
  await page.getByLabel("E-mails").fill("info@forest.example");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forest Ltd" })).toBeVisible();
  await expect(page.getByText("Two saws")).toBeVisible();
});

test("a duplicate account is flagged while typing, and two accounts merge keeping their people", async ({ page }) => {
  await createAccount(page, "José Álvarez S.L.");
  await addPerson(page, "Marta Ruiz", { email: "marta@alvarez.example" });
  await createAccount(page, "Alvarez Imports");
  await addPerson(page, "Pedro Gil");

  await open(page, "/accounts");
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Name", { exact: true }).fill("jose  alvarez");
  const warning = page.getByRole("status").filter({ hasText: "This looks like a record you already have" });
  await expect(warning).toBeVisible();
  await expect(warning.getByText("José Álvarez S.L.")).toBeVisible();
  await warning.getByRole("link", { name: "Open José Álvarez S.L." }).click();
  // The name typed in the new form is not saved: leaving it asks first.
  await page.getByRole("alertdialog", { name: "Leave without saving?" }).getByRole("button", { name: "Leave without saving" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "José Álvarez S.L." })).toBeVisible();

  // Merge "Alvarez Imports" into this account: its person comes along.
  await page.getByText("Merge another account into this one").click();
  await page.getByLabel("Account to merge into this one").selectOption({ label: "Alvarez Imports" });
  await page.getByRole("button", { name: "Preview merge" }).click();
  await page.getByRole("region", { name: "What the merge will do" }).getByRole("button", { name: "Merge", exact: true }).click();
  await expect(page.getByText("Alvarez Imports was merged into this account.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Pedro Gil" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Marta Ruiz" }).first()).toBeVisible();
  await open(page, "/accounts");
  await expect(page.getByRole("link", { name: "Alvarez Imports" })).toHaveCount(0);
});

test("a duplicate person is flagged by e-mail and merged", async ({ page }) => {
  await createAccount(page, "Nordic Pumps");
  await addPerson(page, "Anna Berg", { email: "anna.berg@nordicpumps.example", roles: ["Evaluator"] });
  await page.getByRole("button", { name: "Add person" }).click();
  await page.getByLabel("Name", { exact: true }).fill("A. Berg");
  await page.getByLabel("E-mails").fill("ANNA.BERG@nordicpumps.example");
  await expect(page.getByRole("status").filter({ hasText: "Same e-mail" })).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("link", { name: "A. Berg" }).first().click();
  await page.getByText("Merge a duplicate of this person").click();
  await page.getByLabel("Person to merge into this one").selectOption({ label: "Anna Berg — Nordic Pumps · Likely duplicate: same e-mail" });
  await page.getByRole("button", { name: "Preview merge" }).click();
  await page.getByRole("region", { name: "What the merge will do" }).getByRole("button", { name: "Merge", exact: true }).click();
  await expect(page.getByText("Anna Berg was merged into this person.")).toBeVisible();
  await expect(page.getByText("Evaluator")).toBeVisible();
});

test("Ctrl+K finds a person by part of an e-mail and opens them with the keyboard", async ({ page }) => {
  await createAccount(page, "Riga Foods");
  await addPerson(page, "Līga Bērziņa", { email: "liga.berzina@rigafoods.example" });
  await open(page, "/");
  await page.keyboard.press("Control+k");
  const box = page.getByRole("combobox", { name: "Search accounts, people, deals, products and more" });
  await expect(box).toBeFocused();
  await box.pressSequentially("berzina@riga");
  const results = page.getByRole("listbox", { name: "Search results" });
  await expect(results.getByRole("option", { name: /Līga Bērziņa/ })).toBeVisible();
  await box.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Līga Bērziņa" })).toBeVisible();
  // Accent-insensitive: "liga" finds "Līga".
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("combobox", { name: "Search accounts, people, deals, products and more" }).fill("liga");
  await expect(page.getByRole("option", { name: /Līga Bērziņa/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Search the book" })).toHaveCount(0);
});

test("archive hides an account from the list; delete can be undone", async ({ page }) => {
  await createAccount(page, "Old Mill");
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("Account archived", { exact: false })).toBeVisible();
  await open(page, "/accounts");
  await expect(page.getByRole("link", { name: "Old Mill" })).toHaveCount(0);
  await page.getByLabel("Show").selectOption({ label: "Archived" });
  await page.getByRole("link", { name: "Old Mill" }).click();
  await page.getByRole("button", { name: "Delete account" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByLabel("Show").selectOption({ label: "All" });
  await expect(page.getByRole("link", { name: "Old Mill" })).toBeVisible();
});

test("a person moves to another account keeping their history", async ({ page }) => {
  await createAccount(page, "Alpha Steel");
  await createAccount(page, "Beta Steel");
  await open(page, "/accounts");
  await page.getByRole("link", { name: "Alpha Steel" }).click();
  await addPerson(page, "Olga Petrova");
  await page.getByRole("link", { name: "Olga Petrova" }).first().click();
  await page.getByText("Move to another account").click();
  await page.getByLabel("New account").selectOption({ label: "Beta Steel" });
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByText(/Moved from Alpha Steel to Beta Steel/)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "You are here" }).getByRole("link", { name: "Beta Steel" })).toBeVisible();
});

test("competitors and market intel: record, list and export CSV", async ({ page }) => {
  await open(page, "/competitors");
  await page.getByRole("button", { name: "New competitor" }).click();
  await page.getByLabel("Name", { exact: true }).fill("PumpCo");
  await page.getByLabel("Products").fill("P100, P200");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "PumpCo" })).toBeVisible();
  await page.getByLabel("Rep’s name").fill("Karl Smit");
  await page.getByLabel("Selling traits").fill("Discounts hard at quarter end");
  await page.getByRole("button", { name: "Add sales rep" }).click();
  await expect(page.getByText("Discounts hard at quarter end")).toBeVisible();

  await open(page, "/intel");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("alert").getByText("Title is required.")).toBeVisible();
  await page.getByLabel("Kind", { exact: true }).selectOption({ label: "Upcoming product" });
  await page.getByLabel("Competitor").selectOption({ label: "PumpCo" });
  await page.getByLabel("Title", { exact: true }).fill("P300 \"silent\" pump, launch in spring");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("heading", { name: "P300 \"silent\" pump, launch in spring" })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^sixstep-market-intel-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8"));
  expect(text).toContain("Date,Kind,Account,Competitor,Title,Details,Id");
  expect(text).toContain("Upcoming product,,PumpCo,\"P300 \"\"silent\"\" pump, launch in spring\"");
});

for (const width of [360, 1280]) {
  test(`customer pages are accessible and fit at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await createAccount(page, `Wide Check ${width}`);
    await addPerson(page, "Eva Lind", { level: "Management", roles: ["Evaluator"] });
    for (const check of [
      async () => page.reload(),
      async () => open(page, "/accounts"),
      async () => open(page, "/contacts"),
      async () => open(page, "/competitors"),
      async () => open(page, "/intel"),
    ]) {
      await check();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
    }
  });
}
