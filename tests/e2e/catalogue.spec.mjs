// Step 4 — the product catalogue: a product with price breaks, its price history, refusals
// that keep what was typed, reload, backup and search. Found by role, label and text only.
import { test, expect, open, nav, seriousA11yViolations } from "./helpers.mjs";
import { exportBackup, importBackup, ready } from "./backup-file.mjs";

const breakRow = (page, n) => page.getByRole("group", { name: `Price break ${n}` });

/// Opens the catalogue, fills the new-product form and saves; lands on the product page.
async function createProduct(page, name, { category = "", unit = "", price, cost = "", tax = "", breaks = [] }) {
  await open(page, "/catalogue");
  await page.getByRole("button", { name: "New product" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  if (category) await page.getByLabel("Category", { exact: true }).fill(category);
  if (unit) await page.getByLabel("Unit", { exact: true }).fill(unit);
  await page.getByLabel("List price", { exact: true }).fill(price);
  if (cost) await page.getByLabel("Cost per unit").fill(cost);
  if (tax) await page.getByLabel("Tax rate (%)").fill(tax);
  for (const [i, [qty, unitPrice]] of breaks.entries()) {
    await page.getByRole("button", { name: "Add price break" }).click();
    await breakRow(page, i + 1).getByLabel("From quantity").fill(qty);
    await breakRow(page, i + 1).getByLabel("Unit price").fill(unitPrice);
  }
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("a product with a price break: in the list, a changed price in its history, kept on reload", async ({ page, errors }) => {
  await createProduct(page, "Pressure sensor PX-200", {
    category: "Sensors",
    unit: "piece",
    price: "120",
    cost: "80",
    tax: "21",
    breaks: [["10", "110"]],
  });
  // The product page: breaks, margin, no history yet.
  const breaks = page.getByRole("table", { name: "Price breaks" });
  await expect(breaks.getByRole("row", { name: "10 €110.00" })).toBeVisible();
  await expect(page.getByText("€40.00 (33.3%)")).toBeVisible();
  await expect(page.getByText("The list price has not changed since the product was added.")).toBeVisible();

  // The list: grouped by category, with unit, price, breaks and tax.
  await (await nav(page)).getByRole("link", { name: "Catalogue", exact: true }).click();
  const group = page.getByRole("region", { name: "Sensors" });
  const row = group.getByRole("row", { name: /Pressure sensor PX-200/ });
  await expect(row).toContainText("piece");
  await expect(row).toContainText("€120.00");
  await expect(row).toContainText("from 10: €110.00");
  await expect(row).toContainText("21%");

  // A new list price: the history shows old → new.
  await row.getByRole("link", { name: "Pressure sensor PX-200" }).click();
  await page.getByRole("button", { name: "Edit product" }).click();
  await page.getByLabel("List price", { exact: true }).fill("125.50");
  await page.getByRole("button", { name: "Save" }).click();
  const history = page.getByRole("region", { name: "Price history" });
  await expect(history.getByText("€120.00 → €125.50")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Pressure sensor PX-200" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Price history" }).getByText("€120.00 → €125.50")).toBeVisible();
  await expect(page.getByRole("table", { name: "Price breaks" }).getByRole("row", { name: "10 €110.00" })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test("a break table that does not rise and a negative price are refused, keeping what was typed", async ({ page, errors }) => {
  await open(page, "/catalogue");
  await page.getByRole("button", { name: "New product" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Valve V-10");
  await page.getByLabel("List price", { exact: true }).fill("-5");
  await page.getByRole("button", { name: "Add price break" }).click();
  await breakRow(page, 1).getByLabel("From quantity").fill("10");
  await breakRow(page, 1).getByLabel("Unit price").fill("9");
  await page.getByRole("button", { name: "Add price break" }).click();
  await breakRow(page, 2).getByLabel("From quantity").fill("5");
  await breakRow(page, 2).getByLabel("Unit price").fill("8");
  await page.getByRole("button", { name: "Save" }).click();

  const alert = page.getByRole("alert");
  await expect(alert.getByText("List price cannot be below zero (“-5”).")).toBeVisible();
  await expect(
    alert.getByText("Price break row 2: the quantity “5” must be larger than in the row above."),
  ).toBeVisible();
  // The message sits at the offending row too; everything typed is still there.
  await expect(breakRow(page, 2).getByText("the quantity “5” must be larger", { exact: false })).toBeVisible();
  await expect(breakRow(page, 2).getByLabel("From quantity")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("List price", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Valve V-10");
  await expect(page.getByLabel("List price", { exact: true })).toHaveValue("-5");
  await expect(breakRow(page, 2).getByLabel("From quantity")).toHaveValue("5");
  await expect(breakRow(page, 2).getByLabel("Unit price")).toHaveValue("8");

  // Nothing was saved.
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("No products yet.", { exact: false })).toBeVisible();

  // Fixed: a removed row and a positive price save.
  await page.getByRole("button", { name: "New product" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Valve V-10");
  await page.getByLabel("List price", { exact: true }).fill("12");
  await page.getByRole("button", { name: "Add price break" }).click();
  await breakRow(page, 1).getByLabel("From quantity").fill("5");
  await breakRow(page, 1).getByLabel("Unit price").fill("13");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(
    page.getByRole("alert").getByText("Price break row 1: the unit price “13” is higher", { exact: false }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Remove price break 1" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Valve V-10" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("export → clear → import keeps the product, and search finds it", async ({ page, errors }) => {
  await createProduct(page, "Flow meter FM-7", { category: "Meters", price: "310", breaks: [["20", "290"]] });
  await page.goto("/settings");
  await ready(page);
  const backup = await exportBackup(page);
  expect(JSON.parse(backup.text).counts.products).toBe(1);

  const deleted = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const r = indexedDB.deleteDatabase("sixstep");
        r.onsuccess = () => resolve("deleted");
        r.onerror = () => resolve(`error: ${r.error}`);
      }),
  );
  expect(deleted).toBe("deleted");
  await open(page, "/catalogue");
  await expect(page.getByText("No products yet.", { exact: false })).toBeVisible();

  await importBackup(page, backup.text, { mode: "Replace everything", name: backup.name });
  await open(page, "/catalogue");
  const row = page.getByRole("region", { name: "Meters" }).getByRole("row", { name: /Flow meter FM-7/ });
  await expect(row).toContainText("€310.00");
  await expect(row).toContainText("from 20: €290.00");

  await page.keyboard.press("Control+k");
  await page.getByRole("combobox", { name: /^Search/ }).pressSequentially("flow met");
  const hit = page.getByRole("listbox", { name: "Search results" }).getByRole("option", { name: /Flow meter FM-7/ });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText("Meters");
  await page.getByRole("combobox", { name: /^Search/ }).press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Flow meter FM-7" })).toBeVisible();
  expect(errors).toEqual([]);
});

for (const width of [360, 1280]) {
  test(`the price list and a product page are accessible and fit at ${width} px`, async ({ page, errors }) => {
    await createProduct(page, "Ball valve BV-50 DN50 stainless steel, flanged", {
      category: "Valves",
      unit: "piece",
      price: "289",
      cost: "190",
      tax: "21",
      breaks: [["5", "270"], ["20", "255.5"]],
    });
    await page.setViewportSize({ width, height: 800 });
    for (const heading of ["Ball valve BV-50 DN50 stainless steel, flanged", "Catalogue"]) {
      if (heading === "Catalogue") await open(page, "/catalogue");
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${heading} scrolls sideways`).toBeLessThanOrEqual(0);
      expect(await seriousA11yViolations(page), heading).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
}
