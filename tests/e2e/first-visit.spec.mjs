// The first visit's screen (src/app/first_visit.rs): on a first visit to the dashboard the
// page shows its copy of what the app shows an empty book before the code has come, in the
// language the app will start in; the app takes its place without anything moving. Each
// copy is still what the app shows; none is shown where it would be wrong (a book with
// records, another address); what it shows cannot be used until the app is there.
import { test, expect, open } from "./helpers.mjs";
import { readFileSync } from "node:fs";
import { LANGUAGES, copyPath, watchForCopy } from "../../tools/first_visit.mjs";

const INTRO = "Practise the method on a fictional firm";
// The sample book's text in a language, from its catalogue.
const intro = (tag) =>
  readFileSync(new URL(`../../src/i18n/${tag}/sample.txt`, import.meta.url), "utf8").match(/^sample\.intro = (.*)$/m)[1].slice(0, 40);

// Holds the main module back until the returned function is called.
async function holdCode(page) {
  let release;
  const released = new Promise((r) => (release = r));
  await page.route(/sixstep_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

// Sums layout shifts and keeps the largest-contentful-paint entries' times.
function watchPaints() {
  window.__shifts = 0;
  window.__lcp = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lcp.push(e.startTime);
  }).observe({ type: "largest-contentful-paint", buffered: true });
}

for (const [tag, locale, width] of [...LANGUAGES.map(([tag, locale]) => [tag, locale, 1280]), ["en", "en-GB", 360]]) {
  test.describe(`in ${locale} at ${width} px`, () => {
    test.use({ locale, viewport: { width, height: 800 } });
    test(`the page's copy is what the app shows an empty book`, async ({ page, errors }) => {
      await page.addInitScript(watchForCopy);
      await page.goto("/");
      const shown = await page.evaluate(() => window.__firstVisitCopy);
      expect(
        shown,
        `public/first-visit/${tag}.html is not what the app shows: run \`node tools/first_visit.mjs\` on a release build, then build again`,
      ).toBe(readFileSync(copyPath(tag), "utf8"));
      expect(errors).toEqual([]);
    });
  });
}

test("a first visit shows the dashboard before the code comes; the app takes its place and nothing moves", async ({
  page,
  errors,
}) => {
  const release = await holdCode(page);
  await page.addInitScript(watchPaints);
  await page.goto("/");
  await expect(page.getByText(INTRO)).toBeVisible();
  await expect(page.getByText("Start here")).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Loading Sixstep…");
  // Not offered to assistive technology, and nothing in it reacts yet.
  await expect(page.getByRole("button", { name: "Load the sample book" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Accounts" })).toHaveCount(0);
  await page.getByText("Accounts", { exact: true }).click({ force: true });
  await page.waitForTimeout(200);
  await expect(page).toHaveURL(/\/$/);
  await page.waitForTimeout(300);
  const releasedAt = await page.evaluate(() => performance.now());
  release();

  await expect(page.getByRole("button", { name: "Load the sample book" })).toBeEnabled();
  await expect(page.getByRole("heading", { name: "Open pipeline" })).toBeVisible();
  await expect(page.getByText(INTRO)).toHaveCount(1);
  await expect(page.getByText("Loading Sixstep…")).toHaveCount(0);
  await page.waitForTimeout(500);
  const { shifts, lcp } = await page.evaluate(() => ({ shifts: window.__shifts, lcp: window.__lcp }));
  expect(shifts).toBeLessThan(0.01);
  // The largest paint is the copy's: the app's screen paints nothing larger.
  expect(lcp.length).toBeGreaterThan(0);
  expect(Math.max(...lcp)).toBeLessThan(releasedAt);
  expect(errors).toEqual([]);
});

test("a book with records starts without the copy; once emptied, the copy is back", async ({ page, errors }) => {
  test.setTimeout(90_000);
  await open(page, "/");
  const panel = page.getByRole("region", { name: "Sample book" });
  await panel.getByRole("button", { name: "Load the sample book" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Sample book loaded: \d+ records\./ })).toBeVisible();

  let release = await holdCode(page);
  await page.reload();
  await expect(page.getByRole("status")).toHaveText("Loading Sixstep…");
  await page.waitForTimeout(300);
  await expect(page.getByText(INTRO)).toHaveCount(0);
  await expect(page.getByText("Start here")).toHaveCount(0);
  release();
  await expect(panel.getByRole("button", { name: "Remove the sample book" })).toBeVisible();
  await page.unroute(/sixstep_bg\.wasm$/);

  await panel.getByRole("button", { name: "Remove the sample book" }).click();
  await panel
    .getByRole("region", { name: "Remove the sample book?" })
    .getByRole("button", { name: "Remove the sample book" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: /Sample book removed/ })).toBeVisible();

  release = await holdCode(page);
  await page.reload();
  await expect(page.getByText(INTRO)).toBeVisible();
  release();
  await expect(panel.getByRole("button", { name: "Load the sample book" })).toBeEnabled();
  expect(errors).toEqual([]);
});

test("another address starts without the copy", async ({ page, errors }) => {
  const release = await holdCode(page);
  await page.goto("/deals");
  await expect(page.getByRole("status")).toHaveText("Loading Sixstep…");
  await page.waitForTimeout(300);
  await expect(page.getByText(INTRO)).toHaveCount(0);
  release();
  await expect(page.getByRole("heading", { level: 1, name: "Deals" })).toBeVisible();
  expect(errors).toEqual([]);
});

test.describe("in Latvian", () => {
  test.use({ locale: "lv-LV" });
  test("a browser in another language the app speaks shows the copy in that language", async ({ page, errors }) => {
    const release = await holdCode(page);
    await page.addInitScript(watchPaints);
    await page.goto("/");
    await expect(page.getByText(intro("lv"))).toBeVisible();
    await expect(page.getByText(INTRO)).toHaveCount(0);
    // The start-up notice speaks Latvian too.
    await expect(page.getByRole("status")).toHaveText("Ielādē Sixstep…");
    release();
    await expect(page.getByRole("heading", { level: 1, name: "Pārskats" })).toBeVisible();
    await expect(page.getByText(intro("lv"))).toHaveCount(1);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.__shifts)).toBeLessThan(0.01);
    expect(errors).toEqual([]);
  });
});

test.describe("in Latvian, on another address", () => {
  test.use({ locale: "lv-LV" });
  test("the start-up notice speaks the app's language without the copy too", async ({ page, errors }) => {
    const release = await holdCode(page);
    await page.goto("/deals");
    await expect(page.getByRole("status")).toHaveText("Ielādē Sixstep…");
    await page.waitForTimeout(300);
    await expect(page.getByText(intro("lv"))).toHaveCount(0);
    release();
    await expect(page.getByRole("heading", { level: 1, name: "Darījumi" })).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });
  test("a browser in a language the app does not speak shows the English copy, as the app starts in English", async ({
    page,
    errors,
  }) => {
    const release = await holdCode(page);
    await page.goto("/");
    await expect(page.getByText(INTRO)).toBeVisible();
    release();
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByText(INTRO)).toHaveCount(1);
    expect(errors).toEqual([]);
  });
});

test("the language chosen in Settings wins over the browser's, in the copy too", async ({ page, errors }) => {
  await page.addInitScript(() => localStorage.setItem("sixstep.locale", JSON.stringify("hu")));
  const release = await holdCode(page);
  await page.goto("/");
  await expect(page.getByText(intro("hu"))).toBeVisible();
  await expect(page.getByText(INTRO)).toHaveCount(0);
  release();
  await expect(page.getByText(intro("hu"))).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Mintanyilvántartás betöltése" })).toBeVisible();
  expect(errors).toEqual([]);
});

test.describe("in the dark", () => {
  test.use({ colorScheme: "dark" });
  test("the copy's theme button shows the theme the app will show", async ({ page, errors }) => {
    const release = await holdCode(page);
    await page.goto("/");
    await expect(page.getByText(INTRO)).toBeVisible();
    await expect(page.getByText("☀")).toBeVisible();
    await expect(page.getByText("☾")).toHaveCount(0);
    release();
    await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
    await expect(page.getByText(INTRO)).toHaveCount(1);
    expect(errors).toEqual([]);
  });
});
