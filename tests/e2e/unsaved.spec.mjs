// Text typed and not saved is never lost without asking: a link away from it (the menu, a
// link in a dialog, a search result) asks first and can stay; a saved form, or one closed
// or emptied with Cancel, does not ask; a refused save still holds its text; closing or
// reloading the tab asks through the browser. Found by role, label and text only.
import { test, expect, open, nav } from "./helpers.mjs";
import { importBackup, makeBackup, meta } from "./backup-file.mjs";

const leaveDialog = (page) => page.getByRole("alertdialog", { name: "Leave without saving?" });

test("a link away from typed text asks first; staying keeps it, leaving leaves", async ({ page, errors }) => {
  await open(page, "/accounts");
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Forest Ltd");
  await page.getByLabel("Latest purchase plans").fill("Two saws next spring");

  await (await nav(page)).getByRole("link", { name: "Dashboard" }).click();
  const dialog = leaveDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("What you typed on this page is not saved yet.");
  await expect(dialog.getByRole("button", { name: "Stay on the page" })).toBeFocused();
  await dialog.getByRole("button", { name: "Stay on the page" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Forest Ltd");
  await expect(page.getByLabel("Latest purchase plans")).toHaveValue("Two saws next spring");

  // Escape stays too.
  await (await nav(page)).getByRole("link", { name: "Deals" }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Forest Ltd");

  await (await nav(page)).getByRole("link", { name: "Deals" }).click();
  await dialog.getByRole("button", { name: "Leave without saving" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deals" })).toBeVisible();
  // Nothing was saved.
  await open(page, "/accounts");
  await expect(page.getByRole("link", { name: "Forest Ltd" })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a saved form, a cancelled one and a filter do not ask; a refused save does", async ({ page, errors }) => {
  await open(page, "/accounts");
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Forest Ltd");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forest Ltd" })).toBeVisible();
  await (await nav(page)).getByRole("link", { name: "Accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  await expect(leaveDialog(page)).toHaveCount(0);

  // Typed, then cancelled: nothing is held.
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Second Ltd");
  await page.getByRole("button", { name: "Cancel" }).click();
  await (await nav(page)).getByRole("link", { name: "Contacts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
  await expect(leaveDialog(page)).toHaveCount(0);

  // Typed, then removed again: nothing is unsaved.
  await (await nav(page)).getByRole("link", { name: "Accounts" }).click();
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Third Ltd");
  await page.getByLabel("Name", { exact: true }).fill("");
  await (await nav(page)).getByRole("link", { name: "Contacts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
  await expect(leaveDialog(page)).toHaveCount(0);

  // A filter is not work to lose.
  await page.getByRole("searchbox", { name: "Filter people by name, title, account or e-mail" }).fill("Berg");
  await (await nav(page)).getByRole("link", { name: "Deals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deals" })).toBeVisible();
  await expect(leaveDialog(page)).toHaveCount(0);

  // Refused (the name is required): what was typed is still unsaved.
  await (await nav(page)).getByRole("link", { name: "Accounts" }).click();
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("E-mails").fill("not-an-address");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").getByText("Name is required.")).toBeVisible();
  await (await nav(page)).getByRole("link", { name: "Dashboard" }).click();
  await expect(leaveDialog(page)).toBeVisible();
  await leaveDialog(page).getByRole("button", { name: "Stay on the page" }).click();
  await expect(page.getByLabel("E-mails")).toHaveValue("not-an-address");
  expect(errors).toEqual([]);
});

test("the move dialog's link to the questions asks before dropping the reason typed", async ({ page, errors }) => {
  const acme = { ...meta(), name: "Acme Steel" };
  const deal = {
    ...meta(),
    account_id: acme.id,
    title: "Line 4 retrofit",
    value: { minor: 1_000_000, currency: "EUR" },
    step: "customer_analysis",
    step_entered_at: new Date().toISOString(),
    qualification: {
      is_there_an_opportunity: { answer: "yes", note: "", answered_at: "2026-01-10T09:00:00Z" },
      do_we_have_a_solution: { answer: "yes", note: "", answered_at: "2026-01-10T09:00:00Z" },
      can_we_win: { answer: "unsure", note: "", answered_at: "2026-01-10T09:00:00Z" },
      is_it_worth_winning: { answer: "yes", note: "", answered_at: "2026-01-10T09:00:00Z" },
    },
  };
  await open(page, "/");
  await importBackup(page, makeBackup({ accounts: [acme], deals: [deal] }));
  await open(page, "/deals");
  await page.getByRole("button", { name: "Move to step…: Line 4 retrofit" }).click();
  await page.getByRole("button", { name: /^2\. Building trust/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Override reason: why should the deal go on anyway?")).toBeFocused();
  // Confirmed without a reason: refused, with a link to the questions.
  await dialog.getByRole("button", { name: "Confirm and move" }).click();
  const toQuestions = dialog.getByRole("link", { name: "Go to the four questions" });
  await expect(toQuestions).toBeVisible();
  const evidence = dialog.getByLabel("Evidence of the end signal");
  await evidence.fill("They asked for a quote");
  await toQuestions.click();
  await expect(leaveDialog(page)).toBeVisible();
  await leaveDialog(page).getByRole("button", { name: "Stay on the page" }).click();
  await expect(dialog).toBeVisible();
  await expect(evidence).toHaveValue("They asked for a quote");
  // Leaving goes to the questions, on the deal's page.
  await toQuestions.click();
  await leaveDialog(page).getByRole("button", { name: "Leave without saving" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Line 4 retrofit" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("reloading the tab with typed text asks through the browser; without, it does not", async ({ page, errors }) => {
  await open(page, "/accounts");
  const asked = [];
  page.on("dialog", (d) => {
    asked.push(d.type());
    d.accept();
  });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  expect(asked).toEqual([]);
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Forest Ltd");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  expect(asked).toEqual(["beforeunload"]);
  expect(errors).toEqual([]);
});

test("a search result asks too; the question keeps the focus on its two buttons", async ({ page, errors }) => {
  await open(page, "/");
  await importBackup(page, makeBackup({ accounts: [{ ...meta(), name: "Baltic Print" }] }));
  await open(page, "/accounts");
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Latest purchase plans").fill("A second press");
  await page.keyboard.press("Control+k");
  const search = page.getByRole("combobox", { name: "Search accounts, people, deals, products and more" });
  await search.fill("Baltic");
  await expect(page.getByRole("option", { name: /Baltic Print/ })).toBeVisible();
  await search.press("Enter");
  const dialog = leaveDialog(page);
  await expect(dialog).toBeVisible();
  const stayButton = dialog.getByRole("button", { name: "Stay on the page" });
  await expect(stayButton).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Leave without saving" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(stayButton).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("button", { name: "Leave without saving" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Baltic Print" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("staying puts the focus back in the field typed in", async ({ page, errors }) => {
  await open(page, "/accounts");
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Forest Ltd");
  await page.getByLabel("Latest purchase plans").fill("Two saws");
  await (await nav(page)).getByRole("link", { name: "Dashboard" }).click();
  await leaveDialog(page).getByRole("button", { name: "Stay on the page" }).click();
  await expect(page.getByLabel("Latest purchase plans")).toBeFocused();
  expect(errors).toEqual([]);
});

test("the browser's Back and Forward within the app ask first; staying keeps the page and the history", async ({ page, errors }) => {
  await open(page, "/contacts");
  await (await nav(page)).getByRole("link", { name: "Accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Forest Ltd");

  // Back: asked; staying keeps the page, its address and the text.
  page.goBack().catch(() => {});
  const dialog = leaveDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Stay on the page" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Forest Ltd");

  // Back again, leaving: the page before, one step back.
  page.goBack().catch(() => {});
  await dialog.getByRole("button", { name: "Leave without saving" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
  await expect(page).toHaveURL(/\/contacts$/);

  // Forward, with nothing typed: no question.
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel("Name", { exact: true })).toHaveCount(0);

  // Forward from a page with typed text asks too, and leaving goes forward.
  await (await nav(page)).getByRole("link", { name: "Deals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deals" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Forest Ltd");
  page.goForward().catch(() => {});
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Leave without saving" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deals" })).toBeVisible();
  await expect(page).toHaveURL(/\/deals$/);
  expect(errors).toEqual([]);
});
