// The sample book end to end: loaded into an empty browser from the dashboard, a deal on
// every step of the board, Hanse Logistics' buying centre missing its decision maker; a
// book with records of its own asks first (and offers a backup); removing the sample book
// shows what it deletes, removes exactly its records, the rep's own untouched; Undo brings
// it back; reload keeps it; a backup holds its mark; usable at 360 px. Elements are found
// by role, label and text only.
import { test, expect, open, nav, noSidewaysScroll } from "./helpers.mjs";
import { readFile } from "node:fs/promises";
import { exportBackup, importBackup, makeBackup, meta, readCounts } from "./backup-file.mjs";

const STEPS = [
  ["1. Customer analysis", "Cooling-water metering, Bremen warehouse"],
  ["2. Building trust", "Dosing control for two presses"],
  ["3. Discovering needs", "Online monitoring of the purified-water loop"],
  ["4. Presenting value", "North plant metering and quality alarms"],
  ["5. Winning commitment", "Die-cooling flow measurement, line 3"],
  ["6. Follow-up service", "Cleaning-in-place metering, dairy 1"],
];
const SAMPLE_ACCOUNTS = [
  "Hanse Logistics",
  "Riga Print House",
  "Lotus Pharma",
  "Andes Water Utility",
  "Danube Castings",
  "Baltic Dairy Cooperative",
];

const mine = { ...meta(), name: "My Real Customer", grade: "b" };
const rita = { ...meta(), account_id: mine.id, name: "Rita Real" };
const SEED = makeBackup({ accounts: [mine], contacts: [rita] });

const panel = (page) => page.getByRole("region", { name: "Sample book" });

test("an empty browser loads the sample book from the dashboard: every step on the board, a missing role in a buying centre", async ({
  page,
  errors,
}) => {
  test.setTimeout(120_000);
  await open(page, "/");
  const p = panel(page);
  await expect(p.getByText("Practise the method on a fictional firm", { exact: false })).toBeVisible();
  await noSidewaysScroll(page, "the dashboard offering the sample book");
  await p.getByRole("button", { name: "Load the sample book" }).click();
  // An empty book is not asked anything.
  await expect(page.getByRole("status").filter({ hasText: /Sample book loaded: \d+ records\./ })).toBeVisible();
  await expect(p.getByText("The sample book is loaded.")).toBeVisible();
  await expect(p.getByText(/It holds 6 accounts, 13 people, 4 products, 6 deals/)).toBeVisible();
  await noSidewaysScroll(page, "the dashboard with the sample book");

  await p.getByRole("link", { name: "Open the board" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deals" })).toBeVisible();
  for (const [column, title] of STEPS) {
    await expect(page.getByRole("region", { name: column }).getByRole("link", { name: title })).toBeVisible();
  }

  // Hanse Logistics: nobody known as decision maker.
  await (await nav(page)).getByRole("link", { name: "Accounts" }).click();
  await page.getByRole("link", { name: "Hanse Logistics", exact: true }).click();
  const centre = page.getByRole("region", { name: "Buying centre" });
  await expect(centre.getByText("Nobody is known as Decision maker.")).toBeVisible();
  await expect(centre.getByText("Jonas Weber")).toBeVisible();
  await expect(centre.getByText("Petra Lang")).toBeVisible();

  // Loaded once: the dashboard no longer offers to load it.
  await open(page, "/");
  await expect(panel(page).getByRole("button", { name: "Load the sample book" })).toHaveCount(0);
  await expect(panel(page).getByRole("button", { name: "Remove the sample book" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("a book with records asks first; removing the sample book removes exactly its records; Undo, reload and backup keep it", async ({
  page,
  errors,
}) => {
  test.setTimeout(180_000);
  await open(page, "/");
  await importBackup(page, SEED, { name: "real-seed.json" });
  await open(page, "/");

  // Asked first, with the numbers and a backup offered.
  const p = panel(page);
  await p.getByRole("button", { name: "Load the sample book" }).click();
  const ask = p.getByRole("region", { name: "Before you load it" });
  await expect(
    ask.getByText(/^Your book has 2 records\. The sample book adds \d+ records, kept apart from yours; you can remove them later\.$/),
  ).toBeVisible();
  await noSidewaysScroll(page, "the question before loading");
  const download = page.waitForEvent("download");
  await ask.getByRole("button", { name: "Export a backup first" }).click();
  const backup = JSON.parse(await readFile(await (await download).path(), "utf8"));
  expect(backup.payload.accounts.map((a) => a.name)).toEqual(["My Real Customer"]);
  await expect(page.getByRole("status").filter({ hasText: "Backup saved and verified" }).last()).toBeVisible();
  await ask.getByRole("button", { name: "Load the sample book" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Sample book loaded: \d+ records\./ })).toBeVisible();
  await expect(p.getByText("The sample book is loaded.")).toBeVisible();

  // The backup holds the mark, listing every sample record.
  await open(page, "/settings");
  // The counts once the records are in.
  await expect.poll(async () => (await readCounts(page)).accounts).toBe(7);
  expect((await readCounts(page)).sample_books).toBe(1);
  const exported = JSON.parse((await exportBackup(page)).text);
  expect(exported.payload.sample_books).toHaveLength(1);
  const listed = exported.payload.sample_books[0].records;
  expect(listed.filter((r) => r.kind === "accounts")).toHaveLength(6);
  expect(listed.some((r) => r.id === mine.id || r.id === rita.id)).toBe(false);
  const sampleTotal = listed.length;

  // Remove: the preview says what goes, then it goes.
  await open(page, "/");
  await panel(page).getByRole("button", { name: "Remove the sample book" }).click();
  const preview = panel(page).getByRole("region", { name: "Remove the sample book?" });
  await expect(preview.getByText(`This deletes ${sampleTotal} sample records:`)).toBeVisible();
  await expect(preview.getByText(/6 accounts, 13 people, 4 products, 6 deals, 7 activities, 5 tasks/)).toBeVisible();
  await expect(preview.getByText("Your own records are not touched.")).toBeVisible();
  await noSidewaysScroll(page, "the removal preview");
  await preview.getByRole("button", { name: "Remove the sample book" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Sample book removed: ${sampleTotal} records.` })).toBeVisible();
  // The dashboard offers it again (no deals are left).
  await expect(panel(page).getByRole("button", { name: "Load the sample book" })).toBeVisible();

  // Only the rep's own records are left, as they were (checked before the toast fades).
  await (await nav(page)).getByRole("link", { name: "Accounts" }).click();
  await expect(page.getByRole("link", { name: "My Real Customer", exact: true })).toBeVisible();
  for (const name of SAMPLE_ACCOUNTS) {
    await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  }
  // Undo brings the sample book back.
  await page.getByRole("button", { name: "Undo" }).last().click();
  await expect(page.getByRole("status").filter({ hasText: "The sample book is back." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Hanse Logistics", exact: true })).toBeVisible();

  // Reload keeps it, with the rep's own records.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  for (const name of [...SAMPLE_ACCOUNTS, "My Real Customer"]) {
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await open(page, "/contacts");
  await expect(page.getByRole("link", { name: "Rita Real", exact: true })).toBeVisible();

  // Removed again: reload keeps it removed, the rep's records exactly as imported.
  await open(page, "/");
  await panel(page).getByRole("button", { name: "Remove the sample book" }).click();
  await panel(page).getByRole("region", { name: "Remove the sample book?" }).getByRole("button", { name: "Remove the sample book" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Sample book removed: ${sampleTotal} records.` })).toBeVisible();
  await open(page, "/settings");
  await expect.poll(async () => (await readCounts(page)).accounts).toBe(1);
  expect(await readCounts(page)).toMatchObject({ accounts: 1, contacts: 1, deals: 0, sample_books: 0, products: 0 });
  const left = JSON.parse((await exportBackup(page)).text).payload;
  expect(left.accounts.map((a) => [a.id, a.name, a.rev])).toEqual([[mine.id, "My Real Customer", 1]]);
  expect(left.contacts.map((c) => [c.id, c.name, c.rev])).toEqual([[rita.id, "Rita Real", 1]]);
  expect(errors).toEqual([]);
});
