// Words: the browser tab names the page, and one thing is counted in the singular.
import { test, expect, open, nav } from "./helpers.mjs";
import { makeBackup, meta, importBackup } from "./backup-file.mjs";

test("the browser tab's title names the page, and follows the language", async ({ page, errors }) => {
  for (const [path, title] of [
    ["/", "Dashboard · Sixstep"],
    ["/deals", "Deals · Sixstep"],
    ["/planning", "Planning · Sixstep"],
    ["/settings", "Settings · Sixstep"],
  ]) {
    await open(page, path);
    await expect(page).toHaveTitle(title);
  }
  // A record's page is named after the record.
  const acme = { ...meta(), name: "Acme Steel" };
  await importBackup(page, makeBackup({ accounts: [acme] }));
  await open(page, `/accounts/${acme.id}`);
  await expect(page).toHaveTitle("Acme Steel · Sixstep");
  // Moving on from a page renames the tab.
  await (await nav(page)).getByRole("link", { name: "Contacts" }).click();
  await expect(page).toHaveTitle("Contacts · Sixstep");
  expect(errors).toEqual([]);
});

test("one open deal is counted in the singular", async ({ page, errors }) => {
  const acme = { ...meta(), name: "Acme Steel" };
  const deal = {
    ...meta(),
    account_id: acme.id,
    title: "Line 4 retrofit",
    value: { minor: 500_000, currency: "EUR" },
    step: "building_trust",
    step_entered_at: "2026-11-01T09:00:00Z",
  };
  await importBackup(page, makeBackup({ accounts: [acme], deals: [deal] }));
  await open(page, "/");
  await expect(page.getByText(/^1 open deal · /)).toBeVisible();
  await expect(page.getByText(/1 open deals/)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a first visit says where to start, and ticks each step once it is done", async ({ page, errors }) => {
  await open(page, "/");
  const start = page.getByRole("region", { name: "Start here" });
  await expect(start).toBeVisible();
  await expect(start.getByRole("listitem")).toHaveText([/To do:.*Add your first account/, /To do:.*Add the people who buy/, /To do:.*Open a deal/]);
  await start.getByRole("link", { name: "Add your first account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  const acme = { ...meta(), name: "Acme Steel" };
  await importBackup(page, makeBackup({ accounts: [acme] }));
  await open(page, "/");
  await expect(start.getByRole("listitem").first()).toHaveText(/Done:.*Add your first account/);
  const deal = {
    ...meta(),
    account_id: acme.id,
    title: "Line 4 retrofit",
    value: { minor: 500_000, currency: "EUR" },
    step: "customer_analysis",
    step_entered_at: "2026-11-01T09:00:00Z",
  };
  await importBackup(page, makeBackup({ accounts: [acme], deals: [deal] }));
  await open(page, "/");
  await expect(page.getByRole("heading", { name: "Open pipeline" })).toBeVisible();
  await expect(start).toHaveCount(0);
  expect(errors).toEqual([]);
});
