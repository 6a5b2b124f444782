// Start-up in two parts (src/state/data.rs): the kinds the dashboard shows are decoded
// first and the dashboard is shown; the other kinds (activities among them) right after it,
// with code fetched meanwhile. No other page may open on the first part alone.
import { test, expect, open } from "./helpers.mjs";
import { makeBackup, meta, uuid, importBackup } from "./backup-file.mjs";

test("a page that shows activities opens with them, even when their reader comes late", async ({ page, errors }) => {
  const accountId = uuid();
  const personId = uuid();
  const text = makeBackup({
    accounts: [{ ...meta(accountId), name: "Nordic Pumps" }],
    contacts: [{ ...meta(personId), account_id: accountId, name: "Jānis Ozols" }],
    activities: [
      {
        ...meta(),
        kind: "phone_call",
        at: "2026-10-20T09:00:00Z",
        contact_ids: [personId],
        account_id: accountId,
        notes: "Pump trial call",
      },
    ],
  });
  await open(page, "/");
  await importBackup(page, text);

  // The readers of the later kinds arrive a second and a half late; the person's page, opened
  // by a deep link, records whether the call was there when its heading first appeared.
  await page.route(/split_sixstep_book\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      const h1 = document.querySelector("h1");
      if (h1?.textContent.includes("Jānis Ozols")) {
        window.__callWithHeading = document.body.innerText.includes("Pump trial call");
        seen.disconnect();
      }
    });
    seen.observe(document, { childList: true, subtree: true, characterData: true });
  });
  const started = Date.now();
  await page.goto(`/contacts/${personId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Jānis Ozols" })).toBeVisible({ timeout: 10_000 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  expect(await page.evaluate(() => window.__callWithHeading)).toBe(true);
  await expect(page.getByRole("listitem").filter({ hasText: "Pump trial call" })).toBeVisible();

  // The dashboard does not wait for them.
  await page.route(/split_sixstep_book\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    await route.continue();
  });
  const dashboardAt = Date.now();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Loading your records" })).toHaveCount(0);
  expect(Date.now() - dashboardAt).toBeLessThan(3000);
  expect(errors).toEqual([]);
});
