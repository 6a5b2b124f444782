// The work settings (gift limit, stuck-deal days, new-customer target) travel with the
// backup: export → a new browser → import brings them back; the import preview shows each
// changed setting; "Undo import" asks first and brings back the records and the settings.
// Elements are found by role and accessible name only.
import { test, expect, seriousA11yViolations } from "./helpers.mjs";
import {
  FIXTURE,
  FIXTURE_TEXT,
  FIXTURE_V1_TEXT,
  countsOf,
  exportBackup,
  importBackup,
  makeBackup,
  meta,
  payloadText,
  readCounts,
  ready,
} from "./backup-file.mjs";

const REPLACE = { mode: "Replace everything" };
const FIXTURE_COUNTS = countsOf(FIXTURE.counts);

async function settings(page) {
  await page.goto("/settings");
  await ready(page);
}

const giftCard = (page) => page.getByRole("region", { name: "Gift limit" });
const dealCard = (page) => page.getByRole("region", { name: "Deals and dashboard" });
const giftAmount = (page) => giftCard(page).getByLabel("Limit per gift");
const giftCurrency = (page) => giftCard(page).getByLabel("Currency");
const stuckDays = (page) => dealCard(page).getByLabel("Days before a deal counts as stuck in a step");
const preview = (page) => page.getByRole("region", { name: "What the import will change" });
const file = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

async function setGiftLimit(page, amount, currency, shown) {
  await giftAmount(page).fill(amount);
  await giftCurrency(page).fill(currency);
  await giftCard(page).getByRole("button", { name: "Save gift limit" }).click();
  await expect(giftCard(page).getByRole("status")).toHaveText(`Gift limit: ${shown}.`);
}

async function setStuckDays(page, days) {
  await stuckDays(page).fill(String(days));
  await dealCard(page).getByRole("button", { name: "Save", exact: true }).click();
  // The toast (the Data panel's hint also says "saved"), shown once the save is stored.
  await expect(page.getByRole("status").getByText(/^Saved\.$/)).toBeVisible();
}

async function deleteDatabase(page) {
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
}

/// Two accounts, and no settings.
const twoAccounts = () =>
  makeBackup({
    accounts: [
      { ...meta(), name: "Zeta Ölwerke" },
      { ...meta(), name: "Omega 株式会社" },
    ],
  });

// ---------------------------------------------------------------------------------------

test("the gift limit and stuck days come back when a backup is restored in a new browser", async ({ page, errors }) => {
  await settings(page);
  await importBackup(page, FIXTURE_TEXT, { ...REPLACE, name: "book.json" });
  await setGiftLimit(page, "80", "gbp", "£80.00");
  await setStuckDays(page, 12);
  const first = await exportBackup(page);
  expect(JSON.parse(first.text).payload.settings).toEqual({
    ...FIXTURE.payload.settings,
    gift_limit: { currency: "GBP", minor: 8000 },
    stuck_days: 12,
  });

  // A new browser: no records, the default settings.
  await deleteDatabase(page);
  expect(await readCounts(page)).toEqual(countsOf());
  await expect(giftAmount(page)).toHaveValue("");
  await expect(stuckDays(page)).toHaveValue("30");

  await importBackup(page, first.text, { ...REPLACE, name: first.name });
  await expect.poll(() => readCounts(page)).toEqual(FIXTURE_COUNTS);
  await expect(giftAmount(page)).toHaveValue("80.00");
  await expect(giftCurrency(page)).toHaveValue("GBP");
  await expect(stuckDays(page)).toHaveValue("12");
  await page.reload();
  await ready(page);
  await expect(giftAmount(page)).toHaveValue("80.00");
  await expect(stuckDays(page)).toHaveValue("12");
  // The dashboard uses them.
  await page.goto("/");
  await expect(page.getByText("In their step for more than 12 days.")).toBeVisible();
  // Export → import → export: the same file, settings included.
  await settings(page);
  const second = await exportBackup(page);
  expect(payloadText(second.text)).toBe(payloadText(first.text));
  expect(errors).toEqual([]);
});

test("the import preview shows each setting the file changes, now and after", async ({ page, errors }) => {
  await settings(page);
  await importBackup(page, FIXTURE_TEXT, { ...REPLACE, name: "book.json" });
  await expect(stuckDays(page)).toHaveValue("45");
  await setStuckDays(page, 12);

  await page.getByLabel("Backup file to restore").setInputFiles(file("book.json", FIXTURE_TEXT));
  const table = preview(page).getByRole("table", { name: "Settings the import changes" });
  await expect(table).toBeVisible();
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Days before a deal counts as stuck" }) });
  await expect(row.getByRole("cell")).toHaveText(["12 days", "45 days"]);
  // Unchanged settings are not listed.
  await expect(table.getByRole("rowheader")).toHaveCount(1);
  await expect(preview(page)).toContainText("Both ways of importing take the file’s settings");

  // A schema 1 file holds no settings: they stay as they are.
  await page.getByLabel("Backup file to restore").setInputFiles(file("old.json", FIXTURE_V1_TEXT));
  await expect(preview(page)).toContainText("This file holds no settings");
  await page.getByRole("radio", { name: "Merge with my records" }).check();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Imported old.json")).toBeVisible();
  await expect(stuckDays(page)).toHaveValue("12");

  // Merge takes the file's settings too.
  await page.getByLabel("Backup file to restore").setInputFiles(file("book.json", FIXTURE_TEXT));
  await expect(preview(page).getByRole("table", { name: "Settings the import changes" })).toBeVisible();
  await page.getByRole("radio", { name: "Merge with my records" }).check();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Imported book.json").last()).toBeVisible();
  await expect(stuckDays(page)).toHaveValue("45");
  expect(errors).toEqual([]);
});

test("Undo import asks first; Cancel changes nothing; confirming brings back the records and settings", async ({ page, errors }) => {
  await settings(page);
  await importBackup(page, twoAccounts(), { ...REPLACE, name: "two.json" });
  await setStuckDays(page, 12);
  await setGiftLimit(page, "20", "EUR", "€20.00");
  await importBackup(page, FIXTURE_TEXT, { ...REPLACE, name: "book.json" });
  await expect.poll(() => readCounts(page)).toEqual(FIXTURE_COUNTS);
  await expect(stuckDays(page)).toHaveValue("45");

  const undo = page.getByRole("button", { name: "Undo import of book.json" });
  const dialog = page.getByRole("alertdialog", { name: "Undo the import of book.json?" });
  await undo.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    /This brings back the records as they were before importing book\.json \(.+\): 2 accounts, and the settings as they were then\. Changes made since then are lost\./,
  );
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  expect(await readCounts(page)).toEqual(FIXTURE_COUNTS);
  await expect(stuckDays(page)).toHaveValue("45");
  // Escape cancels too.
  await undo.click();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  expect(await readCounts(page)).toEqual(FIXTURE_COUNTS);

  await undo.click();
  await dialog.getByRole("button", { name: "Yes, undo the import" }).click();
  await expect(page.getByText("Import undone: your records and settings are back as they were.")).toBeVisible();
  await expect.poll(() => readCounts(page)).toEqual(countsOf({ accounts: 2 }));
  await expect(stuckDays(page)).toHaveValue("12");
  await expect(giftAmount(page)).toHaveValue("20.00");
  await page.reload();
  await ready(page);
  await expect(stuckDays(page)).toHaveValue("12");
  await expect(giftAmount(page)).toHaveValue("20.00");
  expect(errors).toEqual([]);
});

for (const width of [1280, 360]) {
  test(`the settings preview and the undo confirmation fit and are accessible at ${width} px`, async ({ page }, info) => {
    await page.setViewportSize({ width, height: 900 });
    await settings(page);
    await importBackup(page, twoAccounts(), { ...REPLACE, name: "two.json" });
    await setStuckDays(page, 12);
    await page.getByLabel("Backup file to restore").setInputFiles(file("sixstep-backup-2026-11-23.json", FIXTURE_TEXT));
    await expect(preview(page).getByRole("table", { name: "Settings the import changes" })).toBeVisible();
    await preview(page).screenshot({ path: info.outputPath(`preview-${width}.png`) });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow(), "the preview scrolls sideways").toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page), "preview").toEqual([]);
    await page.getByRole("radio", { name: "Replace everything" }).check();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByRole("button", { name: "Undo import of sixstep-backup-2026-11-23.json" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Undo the import of sixstep-backup-2026-11-23.json?" });
    await expect(dialog).toBeVisible();
    await page.getByRole("heading", { name: "Undo an import" }).scrollIntoViewIfNeeded();
    await page.getByRole("heading", { name: "Undo an import" }).locator("..").screenshot({ path: info.outputPath(`undo-${width}.png`) });
    expect(await overflow(), "the confirmation scrolls sideways").toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page), "undo confirmation").toEqual([]);
  });
}

test("the proposal settings refuse a bad discount limit, keep what was typed, and travel with the backup", async ({ page, errors }) => {
  await settings(page);
  const card = page.getByRole("region", { name: "Proposals" });
  const limit = card.getByLabel("Largest line discount without a flag (%)");
  await limit.fill("150");
  await card.getByLabel("Firm name on proposals").fill("Ventas Norte SL");
  await card.getByRole("button", { name: "Save proposal settings" }).click();
  await expect(card.getByText("Largest line discount without a flag: “150” is too large.")).toBeVisible();
  await expect(limit).toHaveValue("150");
  await expect(card.getByLabel("Firm name on proposals")).toHaveValue("Ventas Norte SL");
  await page.reload();
  await ready(page);
  await expect(limit).toHaveValue("");
  await expect(card.getByLabel("Firm name on proposals")).toHaveValue("");

  await limit.fill("12,5");
  await card.getByLabel("Firm name on proposals").fill("Ventas Norte SL");
  await card.getByLabel("Company profile (credentials)").fill("Forty years of industrial sensors.");
  await card.getByLabel("Firm logo on proposals").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
  });
  await expect(card.getByRole("img", { name: "Your firm’s logo" })).toBeVisible();
  await card.getByRole("button", { name: "Save proposal settings" }).click();
  await expect(page.getByRole("status").getByText(/^Saved\.$/)).toBeVisible();
  await page.reload();
  await ready(page);
  await expect(limit).toHaveValue("12.5");
  await expect(card.getByLabel("Company profile (credentials)")).toHaveValue("Forty years of industrial sensors.");
  await expect(card.getByRole("img", { name: "Your firm’s logo" })).toBeVisible();

  const { text } = await exportBackup(page);
  const env = JSON.parse(text);
  expect(env.payload.settings.discount_limit_bp).toBe(1250);
  expect(env.payload.settings.firm_name).toBe("Ventas Norte SL");
  expect(env.payload.settings.firm_logo).toMatch(/^data:image\/png;base64,/);
  expect(errors).toEqual([]);
});
