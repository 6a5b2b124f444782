// The app's code comes in parts: the shell and the dashboard first, each area's pages when
// the rep first opens one (tools/build_wasm.py, src/app/routes.rs).
import { test, expect, open, nav } from "./helpers.mjs";

const wasmFiles = (page) => {
  const seen = [];
  page.on("request", (r) => {
    const m = /\/([^/]+\.wasm)$/.exec(new URL(r.url()).pathname);
    if (m) seen.push(m[1]);
  });
  return seen;
};
// The readers of the kinds the dashboard does not show: fetched at start-up, while the
// first screen is built (src/state/data.rs).
const BOOK = "split_sixstep_book.wasm";
const areaChunks = (files) => files.filter((f) => f.startsWith("split_") && f !== BOOK);

test("the dashboard downloads no area's code; an area's code comes once, when it is opened", async ({ page, errors }) => {
  const seen = wasmFiles(page);
  await open(page, "/");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  expect(seen).toContain("sixstep_bg.wasm");
  await expect.poll(() => seen).toContain(BOOK);
  expect(areaChunks(seen)).toEqual([]);
  // The chunks the readers need come in one file, not one request each.
  expect(seen).toContain("pack_sixstep_book.wasm");
  expect(seen.filter((f) => f.startsWith("chunk_"))).toEqual([]);

  await (await nav(page)).getByRole("link", { name: "Deals", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deals" })).toBeVisible();
  expect(areaChunks(seen)).toEqual(["split_sixstep_deals.wasm"]);

  await (await nav(page)).getByRole("link", { name: "Training", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Training" })).toBeVisible();
  expect(areaChunks(seen)).toEqual(["split_sixstep_deals.wasm", "split_sixstep_training.wasm"]);

  // Back to an area already loaded: nothing is fetched again.
  const before = seen.length;
  await (await nav(page)).getByRole("link", { name: "Deals", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deals" })).toBeVisible();
  expect(seen.length).toBe(before);
  expect(errors).toEqual([]);
});

test("a deep link loads its area's code before showing the page", async ({ page, errors }) => {
  const seen = wasmFiles(page);
  await open(page, "/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  expect(areaChunks(seen)).toEqual(["split_sixstep_settings.wasm"]);
  expect(errors).toEqual([]);
});

test("an area whose code cannot be fetched says so, keeps the app running and recovers on reload", async ({ page }) => {
  await open(page, "/");
  await page.route(/split_sixstep_training\.wasm$/, (route) => route.abort("internetdisconnected"));
  await (await nav(page)).getByRole("link", { name: "Training", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "This page could not be opened" })).toBeVisible();
  const alert = page.getByRole("alert").filter({ hasText: "could not be downloaded" });
  await expect(alert).toBeVisible();
  // Not the crash view: the shell still works.
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
  await (await nav(page)).getByRole("link", { name: "Dashboard", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  // Back online: the next visit tries again and opens the page.
  await page.unroute(/split_sixstep_training\.wasm$/);
  await (await nav(page)).getByRole("link", { name: "Training", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Training" })).toBeVisible();

  // And the offered reload: a failure seen, then the reload opens the page.
  await page.route(/split_sixstep_settings\.wasm$/, (route) => route.abort("internetdisconnected"));
  await (await nav(page)).getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "This page could not be opened" })).toBeVisible();
  await page.unroute(/split_sixstep_settings\.wasm$/);
  await page.getByRole("link", { name: "Reload and try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page).toHaveURL(/\/settings$/);
});

test("pointing at or focusing a navigation link fetches its area's code ahead of the click", async ({ page, errors }) => {
  const seen = wasmFiles(page);
  await open(page, "/");
  const settings = (await nav(page)).getByRole("link", { name: "Settings", exact: true });
  await settings.hover();
  await expect.poll(() => areaChunks(seen)).toEqual(["split_sixstep_settings.wasm"]);
  await settings.click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  expect(areaChunks(seen)).toEqual(["split_sixstep_settings.wasm"]);

  await (await nav(page)).getByRole("link", { name: "Training", exact: true }).focus();
  await expect.poll(() => areaChunks(seen)).toEqual(["split_sixstep_settings.wasm", "split_sixstep_training.wasm"]);
  expect(errors).toEqual([]);
});

test("the sample book's code comes on the first click; when it cannot be fetched the panel says so and nothing changes", async ({ page, errors }) => {
  const seen = wasmFiles(page);
  await open(page, "/");
  const panel = page.getByRole("region", { name: "Sample book" });
  await expect(panel.getByRole("button", { name: "Load the sample book" })).toBeVisible();
  expect(seen).not.toContain("split_sixstep_sample.wasm");

  await page.route(/split_sixstep_sample\.wasm$/, (route) => route.abort("internetdisconnected"));
  await panel.getByRole("button", { name: "Load the sample book" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "could not be downloaded" }).filter({ hasText: "Nothing was changed." }),
  ).toBeVisible();
  await expect(panel.getByRole("button", { name: "Load the sample book" })).toBeEnabled();
  await expect(panel.getByText("The sample book is loaded.")).toHaveCount(0);

  // Back online: the same button loads it.
  await page.unroute(/split_sixstep_sample\.wasm$/);
  await panel.getByRole("button", { name: "Load the sample book" }).click();
  await expect(panel.getByText("The sample book is loaded.")).toBeVisible();
  expect(seen).toContain("split_sixstep_sample.wasm");
  // Only the refused download itself is reported.
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
});

for (const file of ["split_sixstep_book.wasm", "pack_sixstep_book.wasm"]) {
  test(`when the readers of the later kinds cannot be fetched (${file}), the dashboard still shows, other pages say so, and a reload recovers`, async ({ page }) => {
    const refused = new RegExp(`${file.replace(".", "\\.")}$`);
    await page.route(refused, (route) => route.abort("internetdisconnected"));
    await open(page, "/");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(
      page.getByRole("alert").filter({ hasText: "The part of Sixstep that reads your records could not be downloaded" }),
    ).toBeVisible();
    // A page that needs every kind is not shown on part of the book.
    await (await nav(page)).getByRole("link", { name: "Accounts", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "This page could not be opened" })).toBeVisible();

    // Back online, a reload opens everything.
    await page.unroute(refused);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
    await expect(page.getByRole("alert")).toHaveCount(0);
  });
}

// English's texts of every page but the dashboard are in the module read after the first
// screen (src/i18n/mod.rs, `install_later`): the first download carries only the first
// screen's, and no page shows before its texts are there.
const bodies = (page) => {
  const out = {};
  page.on("response", (r) => {
    const m = /\/([^/]+\.wasm)$/.exec(new URL(r.url()).pathname);
    if (m) out[m[1]] = r.body().then((b) => b.toString("latin1"));
  });
  return out;
};

test("the pages' texts come after the first screen, with the readers; the first screen needs none of them", async ({
  page,
  errors,
}) => {
  const files = bodies(page);
  // The readers (and with them the later texts) are held back: the first screen is
  // complete without them, navigation included.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/(split|pack)_sixstep_book\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sample book" })).toBeVisible();
  const menu = await nav(page);
  for (const name of ["Accounts", "Deals", "Catalogue", "Service", "Receivables", "Training", "Settings"]) {
    await expect(menu.getByRole("link", { name, exact: true })).toBeVisible();
  }
  release();
  await menu.getByRole("link", { name: "Training", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Training" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Exercise topics" })).toBeVisible();

  const main = await files["sixstep_bg.wasm"];
  expect(main).toContain("shell.starting = ");
  expect(main).not.toContain("guide.discover_needs.");
  const book = (await files["split_sixstep_book.wasm"]) + (await files["pack_sixstep_book.wasm"]);
  expect(book).toContain("guide.discover_needs.");
  // A text asked for before its part came would be reported on the console.
  expect(errors).toEqual([]);
});

test("when the browser's database cannot be used, the pages still open with their texts", async ({ page, errors }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException("The user denied permission to access the database.", "SecurityError");
    };
  });
  await page.goto("/");
  await expect(page.getByRole("alert").filter({ hasText: "The browser's database cannot be used" })).toBeVisible();
  await (await nav(page)).getByRole("link", { name: "Training", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Training" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Exercise topics" })).toBeVisible();
  expect(errors).toEqual([]);
});
