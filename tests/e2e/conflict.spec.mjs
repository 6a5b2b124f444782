// Two tabs, one record: a save refused because the other tab saved first shows both
// versions in words and lets the rep choose; nothing is overwritten without that choice and
// what was typed stays in the form.
import { test, expect, seriousA11yViolations } from "./helpers.mjs";
import { exportBackup, importBackup, makeBackup, meta, ready } from "./backup-file.mjs";

// Local time differs from UTC here, so the time shown must be converted.
const TZ = "Asia/Kolkata";
test.use({ timezoneId: TZ });

/// "14:02" for `date` in the tabs' time zone.
const hhmm = (date) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: TZ, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);

const nameField = (p) => p.getByLabel("Name", { exact: true });
const panel = (p) => p.getByRole("region", { name: /^This account was changed in another tab at \d\d:\d\d\.$/ });

/// One account, stored; returns it.
async function seedAccount(page, name) {
  const account = { ...meta(), name, industry: "Steel" };
  await importBackup(page, makeBackup({ accounts: [account] }));
  return account;
}

/// Opens the account's edit form in `p`.
async function editAccount(p, account, name = account.name) {
  await p.goto(`/accounts/${account.id}`);
  await expect(p.getByRole("heading", { level: 1, name })).toBeVisible();
  await p.getByRole("button", { name: "Edit account" }).click();
  await expect(nameField(p)).toHaveValue(name);
}

/// Tab A opens the form and types; tab B saves the same account first; tab A saves.
/// Returns tab B and the times (HH:MM) tab B's save may carry.
async function conflictOn(page, context, account, mine, theirs) {
  await editAccount(page, account);
  await nameField(page).fill(mine);
  const other = await context.newPage();
  await editAccount(other, account);
  await nameField(other).fill(theirs);
  const before = new Date();
  await other.getByRole("button", { name: "Save" }).click();
  await expect(other.getByRole("heading", { level: 1, name: theirs })).toBeVisible();
  const times = [hhmm(before), hhmm(new Date())];
  await page.getByRole("button", { name: "Save" }).click();
  await expect(panel(page)).toBeVisible();
  return { other, times };
}

test("a refused save shows both versions in words; Keep mine saves mine over theirs, and says so", async ({
  page,
  context,
  errors,
}) => {
  test.setTimeout(60_000);
  const account = await seedAccount(page, "Acme Steel");
  const { other, times } = await conflictOn(page, context, account, "Acme Steel (tab A)", "Acme Steel (tab B)");

  // The message names the kind and the local time of the other tab's save, in words.
  const title = (await panel(page).getByRole("heading").first().innerText()).trim();
  expect(times.map((t) => `This account was changed in another tab at ${t}.`)).toContain(title);
  await expect(panel(page).getByRole("alert")).toContainText("Your save was not made, so nothing was overwritten.");
  // What was typed is still in the form.
  await expect(nameField(page)).toHaveValue("Acme Steel (tab A)");
  // The differing field, by its label, both ways; unchanged fields are not listed.
  const fields = panel(page).getByRole("list").first().getByRole("listitem");
  await expect(fields).toHaveCount(1);
  await expect(fields.first()).toContainText("Name");
  await expect(fields.first().getByRole("definition").first()).toHaveText("Acme Steel (tab A)");
  await expect(fields.first().getByRole("definition").last()).toHaveText("Acme Steel (tab B)");
  await expect(fields.first().getByRole("term").first()).toHaveText("Yours");
  await expect(fields.first().getByRole("term").last()).toHaveText("The other tab's");
  expect(await seriousA11yViolations(page), "conflict panel").toEqual([]);
  // Nothing was written: the other tab still shows its own version.
  await expect(other.getByRole("heading", { level: 1, name: "Acme Steel (tab B)" })).toBeVisible();

  // At phone width the choices have room: no button is squeezed taller than wide.
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    for (const name of ["Keep mine", "Take theirs", "Copy mine"]) {
      const box = await panel(page).getByRole("button", { name, exact: true }).boundingBox();
      expect(box.width, `${name} at ${width}px`).toBeGreaterThan(box.height);
      expect(box.height, `${name} at ${width}px`).toBeLessThan(60);
    }
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll, `no sideways scrolling at ${width}px`).toBeLessThanOrEqual(width);
    if (process.env.CONFLICT_SHOTS) {
      // The whole page, cut to the panel (so the sticky top bar does not cover it).
      const box = await panel(page).boundingBox();
      const y = await page.evaluate(() => window.scrollY);
      const clip = { x: 0, y: box.y + y - 8, width, height: box.height + 16 };
      await page.screenshot({ path: `/tmp/conflict-${width}.png`, fullPage: true, clip });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // Keep mine: saved, said so, and the other tab shows mine.
  await panel(page).getByRole("button", { name: "Keep mine" }).click();
  await expect(
    page.getByRole("status").getByText(/^Saved\. Your version replaced the change made in another tab at \d\d:\d\d\.$/),
  ).toBeVisible();
  await expect(panel(page)).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "Acme Steel (tab A)" })).toBeVisible();
  await expect(other.getByRole("heading", { level: 1, name: "Acme Steel (tab A)" })).toBeVisible();
  // Stored as the next revision of the other tab's save: 1 → 2 (tab B) → 3 (mine).
  await other.goto("/settings");
  await ready(other);
  const stored = JSON.parse((await exportBackup(other)).text).payload.accounts.find((a) => a.id === account.id);
  expect(stored.name).toBe("Acme Steel (tab A)");
  expect(stored.industry).toBe("Steel");
  expect(stored.rev).toBe(3);
  await other.close();
  expect(errors).toEqual([]);
});

test("Take theirs discards what was typed and shows the other tab's version in the form", async ({
  page,
  context,
  errors,
}) => {
  const account = await seedAccount(page, "Borealis Mining");
  const { other } = await conflictOn(page, context, account, "Borealis (mine)", "Borealis (theirs)");
  await panel(page).getByRole("button", { name: "Take theirs" }).click();
  await expect(panel(page)).toHaveCount(0);
  await expect(page.getByText("The form now shows the version saved in the other tab.")).toBeVisible();
  // The form is still open, now with theirs; saving from it is an ordinary save.
  await expect(nameField(page)).toHaveValue("Borealis (theirs)");
  await page.getByLabel("Industry").fill("Mining");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").getByText(/^Saved\.$/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Borealis (theirs)" })).toBeVisible();
  await other.close();
  expect(errors).toEqual([]);
});

test("Copy mine puts what was typed on the clipboard as text, then takes theirs", async ({ page, context, errors }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const account = await seedAccount(page, "Cobalt Works");
  const { other } = await conflictOn(page, context, account, "Cobalt (mine)", "Cobalt (theirs)");
  await panel(page).getByRole("button", { name: "Copy mine" }).click();
  await expect(panel(page)).toHaveCount(0);
  await expect(nameField(page)).toHaveValue("Cobalt (theirs)");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("Name: Cobalt (mine)");
  expect(copied).toContain("your version (not saved)");
  await other.close();
  expect(errors).toEqual([]);
});
