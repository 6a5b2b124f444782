// Layout at desktop and phone widths: board cards on one line each at 1280 px, chart labels
// the size of the text around them at every width, tables and the buying-centre map that say
// they scroll, and phone filters folded behind one button.
import { test, expect, open } from "./helpers.mjs";
import { makeBackup, meta, importBackup, uuid } from "./backup-file.mjs";

const PHONE = { width: 360, height: 740 };
const BACKUP_BADGE = "No backup in the last 7 days: back up your records";

function book() {
  const acme = { ...meta(), name: "Nordic Packaging Group", grade: "a", industry: "Packaging", owner: "Marta" };
  const dairy = { ...meta(), name: "Baltic Dairy Cooperative", grade: "b", industry: "Food", owner: "Marta" };
  const steps = ["customer_analysis", "building_trust", "discover_needs", "presenting_value", "winning_commitment", "follow_up_service"];
  const deals = steps.map((step, i) => ({
    ...meta(),
    account_id: i % 2 ? dairy.id : acme.id,
    title: ["Line 4 retrofit", "Cold store sensors", "Pallet wrapper", "Spare parts plan", "Dryer upgrade", "Service contract"][i],
    value: { minor: 12_500_000 + i * 1_000_000, currency: "EUR" },
    step,
    step_entered_at: "2026-11-01T09:00:00Z",
    expected_close: "2027-03-31",
    owner: "Marta Liepa",
  }));
  const people = [
    ["Ilze Kalniņa", "operation", "user"],
    ["Jānis Ozols", "decision", "procurement"],
    ["Pēteris Bērziņš", "management", "technical"],
    ["Anna Liepa", "operation", "other"],
  ].map(([name, level, fn]) => ({ ...meta(), account_id: dairy.id, name, level, function: fn, roles: [] }));
  return { acme, dairy, deals, people };
}

async function seed(page) {
  const b = book();
  await importBackup(page, makeBackup({ accounts: [b.acme, b.dairy], deals: b.deals, contacts: b.people }));
  return b;
}

test("at 1280 px every board card's title and account stay on one line", async ({ page, errors }) => {
  await seed(page);
  await open(page, "/deals");
  const board = page.getByRole("region", { name: "Board" }).or(page.getByRole("main"));
  for (const title of ["Line 4 retrofit", "Cold store sensors", "Service contract"]) {
    const link = board.getByRole("link", { name: title });
    await expect(link).toBeVisible();
    expect(await link.evaluate((el) => el.getClientRects().length), `${title} wraps`).toBe(1);
  }
  const account = board.getByText("Baltic Dairy Cooperative").first();
  const lines = await account.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
  expect(lines).toBe(1);
  expect(errors).toEqual([]);
});

test("at 1280 px in Latvian a card's amounts and close date are shown whole, not cut", async ({ page, errors }) => {
  await seed(page);
  await page.evaluate(() => localStorage.setItem("sixstep.locale", JSON.stringify("lv")));
  await open(page, "/deals");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Line 4 retrofit" }) });
  const lines = [card.getByText(/^Svērtā vērtība /), card.getByText(/^Noslēgšana /)];
  for (const line of lines) {
    await expect(line).toBeVisible();
    // Nothing hidden: the text fits its box (wrapping if it must), with no "…".
    const cut = await line.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || getComputedStyle(el).textOverflow === "ellipsis");
    expect(cut, await line.textContent()).toBe(false);
  }
  expect(errors).toEqual([]);
});

test("at 1280 px the unpaid invoices show every column, the statement link included, without scrolling", async ({ page, errors }) => {
  test.setTimeout(60_000);
  await open(page, "/");
  await page.getByRole("button", { name: "Load the sample book" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Sample book loaded/ })).toBeVisible();
  await open(page, "/receivables");
  const table = page.getByRole("table", { name: "Unpaid invoices, most overdue first" });
  await expect(table.getByRole("row")).not.toHaveCount(1);
  const hidden = await table.evaluate((t) => {
    let box = t.parentElement;
    while (box && getComputedStyle(box).overflowX === "visible") box = box.parentElement;
    return box ? box.scrollWidth - box.clientWidth : 0;
  });
  expect(hidden, "columns hidden to the right").toBeLessThanOrEqual(1);
  await expect(table.getByRole("link", { name: /^Statement of / }).first()).toBeInViewport();
  expect(errors).toEqual([]);
});

test("dashboard chart labels are the size of the text around them at every width", async ({ page, errors }) => {
  await seed(page);
  const heights = [];
  for (const size of [{ width: 1280, height: 800 }, PHONE]) {
    await page.setViewportSize(size);
    await open(page, "/");
    const chart = page.getByRole("img", { name: /Open pipeline by step in EUR/ });
    await expect(chart).toBeVisible();
    const label = chart.getByText(/Customer analysis · 1 · /);
    const box = await label.boundingBox();
    const body = await page.getByRole("heading", { name: "Open pipeline" }).evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    heights.push(box.height);
    // One line of label text: between 0.8 and 1.6 of the body text's size.
    expect(box.height).toBeGreaterThan(body * 0.8);
    expect(box.height).toBeLessThan(body * 1.6);
  }
  expect(Math.abs(heights[0] - heights[1])).toBeLessThan(2);
  expect(errors).toEqual([]);
});

test("on a phone the accounts list folds its filters behind one button and shows the first account", async ({ page, errors }) => {
  await seed(page);
  await page.setViewportSize(PHONE);
  await open(page, "/accounts");
  const filters = page.getByRole("button", { name: "Filters" });
  await expect(filters).toBeVisible();
  await expect(filters).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByLabel("Grade")).toBeHidden();
  // The first account is on the first screen.
  const first = page.getByRole("link", { name: "Baltic Dairy Cooperative" });
  await expect(first).toBeInViewport();
  // The button opens the filters; a set filter is counted on the button.
  await filters.click();
  await expect(page.getByLabel("Grade")).toBeVisible();
  await page.getByLabel("Grade").selectOption({ index: 1 });
  await expect(page.getByRole("button", { name: "Filters · 1 set" })).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("button", { name: "Filters · 1 set" }).click();
  await expect(page.getByLabel("Grade")).toBeHidden();
  // On a wide screen there is no button and the filters show.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole("button", { name: /^Filters/ })).toBeHidden();
  await expect(page.getByLabel("Grade")).toBeVisible();
  expect(errors).toEqual([]);
});

test("on a phone the board's filters fold too", async ({ page, errors }) => {
  await seed(page);
  await page.setViewportSize(PHONE);
  await open(page, "/deals");
  await expect(page.getByLabel("Owner")).toBeHidden();
  await page.getByRole("button", { name: "Filters" }).click();
  await expect(page.getByLabel("Owner")).toBeVisible();
  expect(errors).toEqual([]);
});

test("on a phone a wide table says it scrolls sideways and can take the keyboard focus", async ({ page, errors }) => {
  await seed(page);
  await page.setViewportSize(PHONE);
  await open(page, "/accounts");
  const region = page.getByRole("region", { name: /^Accounts per lead source/ });
  await expect(region).toBeVisible();
  await expect(region).toHaveAccessibleDescription("Swipe or scroll sideways to see every column →");
  await expect(page.getByText("Swipe or scroll sideways to see every column →").filter({ visible: true }).first()).toBeVisible();
  await region.focus();
  await expect(region).toBeFocused();
  await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(region).toHaveAccessibleDescription("← Scroll back for the first columns");
  await expect(page.getByText("← Scroll back for the first columns")).toBeVisible();
  // Wide enough, the table fits and nothing is said.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByText(/scroll sideways to see every column|Scroll back for the first columns/).filter({ visible: true })).toHaveCount(0);
  await expect(page.getByRole("region", { name: /^Accounts per lead source/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("on a phone the buying-centre map scrolls with a visible hint", async ({ page, errors }) => {
  const b = await seed(page);
  await page.setViewportSize(PHONE);
  await open(page, `/accounts/${b.dairy.id}`);
  const map = page.getByRole("region", { name: "People by level and function" });
  await expect(map).toBeVisible();
  await expect(map.getByRole("table", { name: "People by level and function" })).toBeVisible();
  const { scroll, client } = await map.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll).toBeGreaterThan(client);
  const centre = page.getByRole("region", { name: "Buying centre" });
  await expect(map).toHaveAccessibleDescription("Swipe or scroll sideways to see every column →");
  await expect(centre.getByText("Swipe or scroll sideways to see every column →")).toBeVisible();
  // The page itself does not scroll sideways.
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(PHONE.width);
  expect(errors).toEqual([]);
});

for (const width of [1280, 1440, 1600]) {
  test(`at ${width} px the top bar is one row: the brand, every navigation entry, search, the backup badge and the theme switch`, async ({ page, errors }) => {
    await page.setViewportSize({ width, height: 800 });
    // A book with records and no backup yet: the bar is at its fullest, with the backup badge.
    await seed(page);
    await open(page, "/");
    const nav = page.getByRole("navigation", { name: "Main" });
    const top = async (locator) => (await locator.boundingBox()).y;
    const first = await top(nav.getByRole("link", { name: "Dashboard", exact: true }));
    for (const name of ["Training", "Settings"]) {
      expect(await top(nav.getByRole("link", { name, exact: true }))).toBe(first);
    }
    const badge = page.getByRole("banner").getByRole("link", { name: BACKUP_BADGE });
    await expect(badge).toBeVisible();
    const row = await nav.getByRole("link", { name: "Settings", exact: true }).boundingBox();
    for (const control of [
      page.getByRole("banner").getByRole("link", { name: "Sixstep", exact: true }),
      page.getByRole("button", { name: "Search" }),
      badge,
      page.getByRole("button", { name: "Switch to dark theme" }),
    ]) {
      const b = await control.boundingBox();
      // Vertically centred on the same row as the links.
      expect(Math.abs(b.y + b.height / 2 - (row.y + row.height / 2))).toBeLessThan(4);
    }
    expect(errors).toEqual([]);
  });
}
