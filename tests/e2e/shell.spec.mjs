import { test, expect, PAGES, open, nav, seriousA11yViolations } from "./helpers.mjs";

test("the app loads with no console errors", async ({ page, errors }) => {
  await open(page, "/");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Loading Sixstep" })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("each navigation link reaches its page", async ({ page, errors }) => {
  await open(page, "/");
  for (const p of PAGES) {
    await (await nav(page)).getByRole("link", { name: p.nav, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${p.path === "/" ? "/$" : p.path + "$"}`));
    await expect((await nav(page)).getByRole("link", { name: p.nav, exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
  }
  expect(errors).toEqual([]);
});

test("a reload on a deep link shows the same page", async ({ page }) => {
  for (const p of PAGES.filter((p) => p.path !== "/")) {
    await page.goto(p.path);
    await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
  }
});

test("an unknown address shows the not-found page with a way home", async ({ page }) => {
  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
});

test("the theme choice survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await open(page, "/");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe("rgb(15, 20, 27)");
  // Settings can hand the choice back to the system.
  await (await nav(page)).getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Theme", { exact: true }).selectOption({ label: "Same as the system" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
});

test("the theme follows the system until a choice is made", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await open(page, "/");
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe("rgb(15, 20, 27)");
});

test("the locale choice survives a reload and formats dates and money", async ({ page }) => {
  await open(page, "/settings");
  await expect(page.getByText("23 Nov 2026 · €12,500.50")).toBeVisible();
  await page.getByLabel("Language").selectOption({ label: "Español" });
  await expect(page.getByRole("heading", { level: 1, name: "Ajustes" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Ajustes" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect((await nav(page)).getByRole("link", { name: "Oportunidades" })).toBeVisible();
  await expect(page.getByText("23 nov 2026 · 12.500,50\u00a0€")).toBeVisible();
});

test("if the app crashes it shows an error view, not a blank page", async ({ page }) => {
  await page.goto("/?sixstep-crash-test");
  const alert = page.getByRole("alert");
  await expect(alert.getByRole("heading", { name: /Something went wrong/ })).toBeVisible();
  await expect(alert.getByRole("link", { name: "Reload Sixstep" })).toBeVisible();
});

for (const width of [360, 1280]) {
  test(`every page is accessible and fits at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const p of [...PAGES, { path: "/missing", heading: "Page not found" }]) {
      await open(page, p.path);
      await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${p.path} scrolls sideways`).toBeLessThanOrEqual(0);
      expect(await seriousA11yViolations(page), p.path).toEqual([]);
    }
  });
}

test("on a phone the menu button opens and closes the navigation", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, "/");
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("link", { name: "Deals" })).toBeHidden();
  await menu.click();
  await page.getByRole("link", { name: "Deals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deals" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
});
