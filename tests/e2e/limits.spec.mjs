// Limits on text and dates: a clear message and nothing lost; long names never crush a
// list; a date far from today asks to check the year without blocking the save.
import { test, expect, open } from "./helpers.mjs";
import { makeBackup, meta, importBackup } from "./backup-file.mjs";

test("a name longer than 200 characters is refused in the form, keeping what was typed", async ({ page, errors }) => {
  const long = "Nordmetal ".repeat(21).trim(); // 209 characters
  await open(page, "/accounts");
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Name", { exact: true }).fill(long);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Name is too long: at most 200 characters.").first()).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(long);
  await page.getByLabel("Name", { exact: true }).fill(long.slice(0, 200));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Nordmetal Nordmetal");
  expect(errors).toEqual([]);
});

test("a long name takes at most two lines in the accounts list, and shows whole on focus", async ({ page, errors }) => {
  const long = "Very Long Holding Name ".repeat(8).trim();
  const acc = { ...meta(), name: long };
  await importBackup(page, makeBackup({ accounts: [acc, { ...meta(), name: "Short Name" }] }));
  await page.setViewportSize({ width: 700, height: 800 });
  await open(page, "/accounts");
  const link = page.getByRole("link", { name: long });
  const short = page.getByRole("link", { name: "Short Name" });
  const lineHeight = (await short.boundingBox()).height;
  const clamped = (await link.boundingBox()).height;
  expect(clamped).toBeLessThanOrEqual(lineHeight * 2 + 2);
  await link.focus();
  await expect(link).toBeFocused();
  expect((await link.boundingBox()).height).toBeGreaterThan(clamped);
  expect(errors).toEqual([]);
});

test("an expected close far in the future asks to check the year, and still saves", async ({ page, errors }) => {
  const acme = { ...meta(), name: "Acme Steel" };
  await importBackup(page, makeBackup({ accounts: [acme] }));
  await open(page, "/deals");
  await page.getByRole("button", { name: "New deal" }).click();
  await page.getByLabel("Account", { exact: true }).selectOption({ label: "Acme Steel" });
  await page.getByLabel("Title", { exact: true }).fill("Line 4 retrofit");
  await page.getByLabel("Expected close", { exact: true }).fill("2099-03-31");
  await expect(page.getByRole("status").filter({ hasText: "Check the year: this date is more than 10 years from today." })).toBeVisible();
  await page.getByLabel("Expected close", { exact: true }).fill("2027-03-31");
  await expect(page.getByText("Check the year")).toHaveCount(0);
  await page.getByLabel("Expected close", { exact: true }).fill("2099-03-31");
  await page.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Line 4 retrofit" })).toBeVisible();
  expect(errors).toEqual([]);
});
