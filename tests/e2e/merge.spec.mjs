// Merging two people or two accounts: likely duplicates first in the picker, a preview of
// what moves where, nothing written before "Merge", and Undo that brings everything back.
import { test, expect, open, seriousA11yViolations } from "./helpers.mjs";
import { makeBackup, meta, uuid, importBackup } from "./backup-file.mjs";

/// Nordic Pumps with Anna Berg (the survivor), her duplicate "A. Berg" (who lists Anna as a
/// rival), Aaron (first alphabetically, not a duplicate) and Ilze (a friend of A. Berg); a
/// competitor rep tied to A. Berg, an activity and a deal with A. Berg.
function peopleSeed() {
  const accountId = uuid();
  const [keepId, goneId, aaronId, ilzeId] = [uuid(), uuid(), uuid(), uuid()];
  const person = (id, name, extra = {}) => ({ ...meta(id), account_id: accountId, name, ...extra });
  const payload = {
    accounts: [{ ...meta(accountId), name: "Nordic Pumps" }],
    contacts: [
      person(keepId, "Anna Berg", { emails: ["anna.berg@nordicpumps.example"], title: "Head of purchasing" }),
      person(goneId, "A. Berg", {
        emails: ["ANNA.BERG@nordicpumps.example"],
        home_town: "Bergen",
        rivals: [{ contact_id: keepId, name: "Anna Berg" }],
      }),
      person(aaronId, "Aaron Abel"),
      person(ilzeId, "Ilze Kalniņa", { friends: [{ contact_id: goneId, name: "A. Berg" }] }),
    ],
    competitors: [
      {
        ...meta(),
        name: "PumpCo",
        reps: [{ name: "Olga", traits: "", ties: [{ contact_id: goneId, name: "A. Berg" }] }],
      },
    ],
    activities: [
      { ...meta(), kind: "phone_call", at: "2026-10-20T09:00:00Z", contact_ids: [goneId], account_id: accountId },
    ],
    deals: [
      {
        ...meta(),
        account_id: accountId,
        title: "Pump upgrade",
        value: { minor: 100000, currency: "EUR" },
        step_entered_at: "2026-11-01T09:00:00Z",
        people: [{ contact_id: goneId, roles: ["evaluator"] }],
      },
    ],
  };
  return { text: makeBackup(payload), keepId, goneId, ilzeId };
}

async function openMerge(page, summary) {
  // The <details> summary has no role of its own; it is the section's visible title.
  await page.getByText(summary).click();
}

test("merging two people: duplicate first, preview, nothing before Merge, links follow, Undo brings both back", async ({ page, errors }) => {
  const s = peopleSeed();
  await open(page, "/");
  await importBackup(page, s.text);
  await open(page, `/contacts/${s.keepId}`);
  await openMerge(page, "Merge a duplicate of this person");
  const picker = page.getByLabel("Person to merge into this one");
  const options = picker.getByRole("option");
  // "Aaron Abel" sorts first, but the likely duplicate comes first, marked with why.
  await expect(options.nth(1)).toHaveText("A. Berg — Nordic Pumps · Likely duplicate: same e-mail");
  await expect(options.nth(2)).toHaveText("Aaron Abel — Nordic Pumps");

  await picker.selectOption({ label: "A. Berg — Nordic Pumps · Likely duplicate: same e-mail" });
  await page.getByRole("button", { name: "Preview merge" }).click();
  const preview = page.getByRole("region", { name: "What the merge will do" });
  await expect(preview.getByText("“Anna Berg” stays and “A. Berg” is removed.", { exact: false })).toBeVisible();
  await expect(preview.getByRole("listitem").filter({ hasText: "Home town" })).toBeVisible();
  await expect(preview.getByText("Name: “A. Berg”")).toBeVisible();
  for (const line of [
    "1 activity",
    "1 deal this person takes part in",
    "1 competitor rep’s tie",
    "1 friend or rival link from another person",
  ]) {
    await expect(preview.getByRole("listitem").filter({ hasText: line })).toBeVisible();
  }
  // Cancel: nothing was written.
  await preview.getByRole("button", { name: "Cancel" }).click();
  await expect(preview).toHaveCount(0);
  await page.reload();
  await open(page, `/contacts/${s.goneId}`);
  await expect(page.getByRole("heading", { level: 1, name: "A. Berg" })).toBeVisible();

  // Preview again and confirm.
  await open(page, `/contacts/${s.keepId}`);
  await openMerge(page, "Merge a duplicate of this person");
  await picker.selectOption({ label: "A. Berg — Nordic Pumps · Likely duplicate: same e-mail" });
  await page.getByRole("button", { name: "Preview merge" }).click();
  await preview.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(page.getByText("A. Berg was merged into this person.")).toBeVisible();
  await expect(preview).toHaveCount(0);
  // The survivor gained the home town and is not their own rival.
  await expect(page.getByText("Bergen")).toBeVisible();
  await expect(page.getByRole("link", { name: "Anna Berg", exact: true })).toHaveCount(0);
  // Undo (from the toast): both people and their links are back as they were.
  await page.getByRole("button", { name: "Undo merge" }).click();
  await expect(page.getByText("The merge was undone", { exact: false })).toBeVisible();
  await expect(page.getByText("Bergen")).toHaveCount(0);
  await open(page, `/contacts/${s.goneId}`);
  await expect(page.getByRole("heading", { level: 1, name: "A. Berg" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Anna Berg", exact: true })).toBeVisible();
  await open(page, `/contacts/${s.ilzeId}`);
  await expect(page.getByRole("link", { name: "A. Berg", exact: true })).toBeVisible();

  // Merge for good: Ilze's friend link now points at the survivor, under her name.
  await open(page, `/contacts/${s.keepId}`);
  await openMerge(page, "Merge a duplicate of this person");
  await picker.selectOption({ label: "A. Berg — Nordic Pumps · Likely duplicate: same e-mail" });
  await page.getByRole("button", { name: "Preview merge" }).click();
  await preview.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(page.getByText("A. Berg was merged into this person.")).toBeVisible();
  await open(page, `/contacts/${s.ilzeId}`);
  const friend = page.getByRole("link", { name: "Anna Berg", exact: true });
  await expect(friend).toHaveAttribute("href", new RegExp(`/contacts/${s.keepId}$`));
  await expect(page.getByRole("link", { name: "A. Berg", exact: true })).toHaveCount(0);
  await page.goto(`/contacts/${s.goneId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Person not found" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("merging two accounts: duplicate first, preview, cancel keeps both, confirm moves people, Undo restores", async ({ page, errors }) => {
  const [keepId, goneId] = [uuid(), uuid()];
  const text = makeBackup({
    accounts: [
      { ...meta(keepId), name: "Acme SIA" },
      { ...meta(goneId), name: "ACME", website: "acme.example" },
      { ...meta(), name: "Aardvark Ltd" },
    ],
    contacts: [
      { ...meta(), account_id: keepId, name: "Ilze Ozola" },
      { ...meta(), account_id: goneId, name: "Pedro Gil" },
    ],
    deals: [
      {
        ...meta(),
        account_id: goneId,
        title: "Valves",
        value: { minor: 5000, currency: "EUR" },
        step_entered_at: "2026-11-01T09:00:00Z",
      },
    ],
  });
  await open(page, "/");
  await importBackup(page, text);
  await open(page, `/accounts/${keepId}`);
  await openMerge(page, "Merge another account into this one");
  const picker = page.getByLabel("Account to merge into this one");
  await expect(picker.getByRole("option").nth(1)).toHaveText("ACME · Likely duplicate: same name");
  await expect(picker.getByRole("option").nth(2)).toHaveText("Aardvark Ltd");
  await picker.selectOption({ label: "ACME · Likely duplicate: same name" });
  await page.getByRole("button", { name: "Preview merge" }).click();
  const preview = page.getByRole("region", { name: "What the merge will do" });
  await expect(preview.getByRole("listitem").filter({ hasText: "1 person moves to this account" })).toBeVisible();
  await expect(preview.getByRole("listitem").filter({ hasText: /^1 deal$/ })).toBeVisible();
  await expect(preview.getByRole("listitem").filter({ hasText: "Website" })).toBeVisible();
  await preview.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("link", { name: "Pedro Gil" })).toHaveCount(0);

  await page.getByRole("button", { name: "Preview merge" }).click();
  await preview.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(page.getByText("ACME was merged into this account.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Pedro Gil" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Undo merge" }).click();
  await expect(page.getByText("The merge was undone", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: "Pedro Gil" })).toHaveCount(0);
  await open(page, `/accounts/${goneId}`);
  await expect(page.getByRole("heading", { level: 1, name: "ACME" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Pedro Gil" }).first()).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

for (const width of [1280, 360]) {
  test(`the merge preview is accessible and fits at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const s = peopleSeed();
    await open(page, "/");
    await importBackup(page, s.text);
    await open(page, `/contacts/${s.keepId}`);
    await openMerge(page, "Merge a duplicate of this person");
    await page.getByLabel("Person to merge into this one").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Preview merge" }).click();
    const preview = page.getByRole("region", { name: "What the merge will do" });
    await expect(preview).toBeVisible();
    await preview.scrollIntoViewIfNeeded();
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(wide).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    if (process.env.MERGE_SHOTS) {
      await preview.screenshot({ path: `/tmp/merge-preview-${width}.png` });
      await page.screenshot({ path: `/tmp/merge-page-${width}.png`, fullPage: true });
    }
  });
}
