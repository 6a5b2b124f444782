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

// Layout shifts while the page loads (Lighthouse's "cumulative layout shift"), and whether a
// pipeline total was ever shown before the book was read.
async function watchStartUp(page) {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: "layout-shift", buffered: true });
    window.__totals = [];
    new MutationObserver(() => {
      for (const p of document.querySelectorAll("main p")) {
        const t = p.textContent;
        if (/open deals? ·/.test(t) && !window.__totals.includes(t)) window.__totals.push(t);
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

const complete = (page) => page.waitForFunction(() => performance.getEntriesByName("sixstep:complete").length > 0);

test("start-up moves nothing on the screen, shows no total before the book is read, and the cards of the later kinds come below", async ({ page, errors }) => {
  await watchStartUp(page);
  // A first visit: the sample book's panel and Start here come with the pipeline.
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Sample book" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Start here" })).toBeVisible();
  await complete(page);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__shift)).toBeLessThan(0.01);

  const accountId = uuid();
  const dealId = uuid();
  await importBackup(
    page,
    makeBackup({
      accounts: [{ ...meta(accountId), name: "Baltic Bearings" }],
      deals: [
        {
          ...meta(dealId),
          account_id: accountId,
          title: "Bearing retrofit",
          value: { minor: 4_000_000, currency: "EUR" },
          step: "presenting_value",
          step_entered_at: "2026-11-01T09:00:00Z",
        },
      ],
      complaints: [
        {
          ...meta(),
          account_id: accountId,
          kind: "complaint",
          deal_id: dealId,
          what: "Noisy bearing on line 2",
          fault_size: 3,
          anxiety: 4,
          opened_at: "2026-11-20T09:00:00Z",
        },
      ],
    }),
  );

  // With the book, and the later kinds' readers held back: the pipeline shows its one deal
  // at once (never "0 open deals"), the complaints card comes after, below, moving nothing.
  await page.route(/split_sixstep_book\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 2500));
    await route.continue();
  });
  await page.goto("/");
  await expect(page.getByText("1 open deal · €40,000.00", { exact: false })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Open complaints" })).toHaveCount(0);
  // What is typed in the search meanwhile is searched once every kind is in.
  await page.keyboard.press("Control+k");
  const search = page.getByRole("dialog", { name: "Search the book" });
  await search.getByRole("combobox").fill("Noisy");
  await expect(search.getByRole("status")).toHaveText("Loading your records…");
  await expect(search.getByRole("option", { name: /Noisy bearing on line 2/ })).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press("Escape");
  const complaints = page.getByRole("region", { name: "Open complaints" });
  await expect(complaints.getByRole("link", { name: "Noisy bearing on line 2" })).toBeVisible({ timeout: 10_000 });
  await complete(page);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__shift)).toBeLessThan(0.01);
  expect(await page.evaluate(() => window.__totals)).toEqual([expect.stringMatching(/^1 open deal · €40,000\.00/)]);
  expect(errors).toEqual([]);
});
