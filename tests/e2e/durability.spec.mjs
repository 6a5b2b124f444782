// Every save the app has acknowledged is on disk: a burst of saves followed at once by a
// reload loses none of them, and the reload finds the records whole.
import { test, expect, open } from "./helpers.mjs";

test("a reload right after a burst of saves loses none of them", async ({ page, errors }) => {
  await open(page, "/accounts");
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Burst Mill");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Burst Mill" })).toBeVisible();

  const product = page.getByRole("textbox", { name: "Product" });
  const names = Array.from({ length: 12 }, (_, i) => `Line ${String(i + 1).padStart(2, "0")}`);
  for (const name of names) {
    await product.fill(name);
    await page.getByRole("button", { name: "Add product" }).click();
    // The field empties once the save is committed: the acknowledgement.
    await expect(product).toHaveValue("");
  }
  // At once, with no pause for anything to settle.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Burst Mill" })).toBeVisible();
  for (const name of names) {
    await expect(page.getByText(name, { exact: true })).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test("a reload in the middle of a burst keeps every acknowledged save and a readable record", async ({ page, errors }) => {
  await open(page, "/accounts");
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Half Burst");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Half Burst" })).toBeVisible();

  const product = page.getByRole("textbox", { name: "Product" });
  const acknowledged = [];
  for (let i = 1; i <= 6; i++) {
    const name = `Part ${i}`;
    await product.fill(name);
    await page.getByRole("button", { name: "Add product" }).click();
    await expect(product).toHaveValue("");
    acknowledged.push(name);
  }
  // One more save set off, and the page reloaded without waiting for it.
  await product.fill("Part 7");
  await page.getByRole("button", { name: "Add product" }).click();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Half Burst" })).toBeVisible();
  for (const name of acknowledged) {
    await expect(page.getByText(name, { exact: true })).toBeVisible();
  }
  // The save in flight is either whole or absent, never half-written: the account reads,
  // it holds six or seven products, and nothing was set aside as unreadable.
  const parts = await page.getByText(/^Part [0-9]$/).count();
  expect([6, 7]).toContain(parts);
  await open(page, "/settings");
  await expect(page.getByRole("region", { name: "Data health" }).getByText("Every stored record can be read.")).toBeVisible();
  expect(errors).toEqual([]);
});
