// Shared helpers for the end-to-end specs. Elements are found by role and accessible
// name only.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const PAGES = [
  { path: "/", nav: "Dashboard", heading: "Dashboard" },
  { path: "/accounts", nav: "Accounts", heading: "Accounts" },
  { path: "/contacts", nav: "Contacts", heading: "Contacts" },
  { path: "/deals", nav: "Deals", heading: "Deals" },
  { path: "/planning", nav: "Planning", heading: "Planning" },
  { path: "/training", nav: "Training", heading: "Training" },
  { path: "/settings", nav: "Settings", heading: "Settings" },
];

// A page that records console errors and uncaught exceptions; every spec asserts none.
// When a spec fails, everything the page wrote to its console is printed with the failure
// (a failure at a locator says nothing of an error the app met on the way there).
export const test = base.extend({
  errors: async ({ page }, use, testInfo) => {
    const errors = [];
    const lines = [];
    page.on("console", (msg) => {
      lines.push(`${msg.type()}: ${msg.text()}`);
      if (msg.type() === "error" && !/status of 404/.test(msg.text())) errors.push(msg.text());
    });
    page.on("pageerror", (err) => {
      lines.push(`uncaught: ${err.stack ?? err}`);
      errors.push(String(err));
    });
    await use(errors);
    if (testInfo.status !== testInfo.expectedStatus && lines.length) {
      process.stdout.write(`\nThe page's console during "${testInfo.title}":\n${lines.join("\n")}\n`);
    }
  },
});

export { expect };

/// Opens a path and waits until the app has rendered its page heading.
export async function open(page, path = "/") {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/// A catalogue key's text in every locale, as one exact-match pattern.
function everyLocale(key) {
  const root = fileURLToPath(new URL("../../src/i18n/", import.meta.url));
  const texts = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => readFileSync(`${root}${d.name}/app.txt`, "utf8").match(new RegExp(`^${key.replace(/\./g, "\\.")} = (.*)$`, "m"))?.[1])
    .filter(Boolean)
    .map((t) => t.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^(${texts.join("|")})$`);
}
const MENU = everyLocale("shell.menu");
const PRIMARY = everyLocale("shell.primary_navigation");

/// The main navigation (in any language), opening the phone menu first where the page is
/// narrow.
export async function nav(page) {
  const menu = page.getByRole("button", { name: MENU });
  if (await menu.isVisible()) {
    if ((await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
  }
  return page.getByRole("navigation", { name: PRIMARY });
}

export async function seriousA11yViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/// Unfolds a deal page section by its toggle (a no-op when it is open already).
export async function unfold(page, name) {
  const toggle = page.getByRole("button", { name, exact: true });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
}

/// The form named `name` inside `scope`, opened first when it waits behind its button (a
/// long page keeps its add-forms folded; the button has the form's name).
export async function openForm(scope, name) {
  const form = scope.getByRole("form", { name });
  if ((await form.count()) === 0) {
    await scope.getByRole("button", { name, exact: true }).click();
  }
  await expect(form).toBeVisible();
  return form;
}

/// The page fits the width with no sideways scroll and has no serious accessibility
/// violation, at 360 px and at 1280 px (the viewport is left at 1280 px).
export async function noSidewaysScroll(page, what) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${what} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page), `${what} at ${width}px`).toEqual([]);
  }
}

/// At 360 px a wide table shows each row as a block: it fits its box with no sideways
/// scroll, and each figure is named by its column (`figure`, shown before the value). At
/// 1280 px it is a table again, with its column headers. The viewport is left at 1280 px.
export async function stacksOnPhone(page, table, figure) {
  await page.setViewportSize({ width: 360, height: 800 });
  const narrow = await table.evaluate((t) => ({
    overflow: t.scrollWidth - t.parentElement.clientWidth,
    labels: [...t.querySelectorAll("td")].map((td) => getComputedStyle(td, "::before").content),
  }));
  expect(narrow.overflow, "the table scrolls sideways at 360px").toBeLessThanOrEqual(0);
  expect(narrow.labels).toContain(`"${figure}: "`);
  await page.setViewportSize({ width: 1280, height: 900 });
  const wide = await table.evaluate((t) => ({
    display: getComputedStyle(t).display,
    labels: [...t.querySelectorAll("td")].map((td) => getComputedStyle(td, "::before").content),
  }));
  expect(wide.display).toBe("table");
  expect(wide.labels).not.toContain(`"${figure}: "`);
}
