// Global search: deals are found too, and letters written two ways match both ways
// ("Müller" / "Mueller", "Straße" / "Strasse"). Found by role and accessible name only.
import { test, expect, open } from "./helpers.mjs";
import { makeBackup, meta, importBackup } from "./backup-file.mjs";

function book() {
  const mueller = { ...meta(), name: "Müller Maschinenbau" };
  const strasse = { ...meta(), name: "Hafenstrasse Logistik" };
  const hans = { ...meta(), account_id: strasse.id, name: "Hans Mueller" };
  const deal = {
    ...meta(),
    account_id: mueller.id,
    title: "Press line retrofit",
    value: { minor: 5_000_000, currency: "EUR" },
    step: "discover_needs",
    step_entered_at: "2026-11-01T09:00:00Z",
  };
  return { accounts: [mueller, strasse], contacts: [hans], deals: [deal] };
}

const box = (page) => page.getByRole("combobox", { name: "Search accounts, people, deals, products and more" });
const results = (page) => page.getByRole("listbox", { name: "Search results" });

test("search finds a deal by its title and opens it", async ({ page, errors }) => {
  await importBackup(page, makeBackup(book()));
  await open(page, "/");
  await page.keyboard.press("Control+k");
  await box(page).pressSequentially("retrofit");
  const hit = results(page).getByRole("option", { name: /Press line retrofit/ });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText("Müller Maschinenbau");
  await box(page).press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Press line retrofit" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("ü and ue, ß and ss find each other", async ({ page, errors }) => {
  await importBackup(page, makeBackup(book()));
  await open(page, "/");
  await page.getByRole("button", { name: "Search" }).click();
  const cases = [
    ["mueller", ["Müller Maschinenbau", "Hans Mueller"]],
    ["müller", ["Müller Maschinenbau", "Hans Mueller"]],
    ["muller", ["Müller Maschinenbau"]],
    ["hafenstraße", ["Hafenstrasse Logistik"]],
  ];
  for (const [q, names] of cases) {
    await box(page).fill(q);
    for (const n of names) {
      await expect(results(page).getByRole("option", { name: new RegExp(n) }).first(), `${q} → ${n}`).toBeVisible();
    }
  }
  expect(errors).toEqual([]);
});
