// Tasks edited, rescheduled, completed with Undo and reopened from the done list; a logged
// gift above the limit keeps its flag; the accounts list filtered and counted by lead source.
// Elements are found by role and name only.
import { test, expect, open, seriousA11yViolations } from "./helpers.mjs";
import { makeBackup, meta, uuid, importBackup } from "./backup-file.mjs";

function localDate(d = new Date()) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
function inDays(n) {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return d;
}

/// One account with one person (Ana) and the given tasks and activities.
function seed({ tasks = [], activities = [] } = {}) {
  const accountId = uuid();
  const anaId = uuid();
  const payload = {
    accounts: [{ ...meta(accountId), name: "Harbour Foods" }],
    contacts: [{ ...meta(anaId), account_id: accountId, name: "Ana López", level: "decision" }],
    tasks: tasks.map((t) => ({ ...meta(), contact_id: anaId, account_id: accountId, ...t })),
    activities: activities.map((a) => ({ ...meta(), contact_ids: [anaId], account_id: accountId, ...a })),
  };
  return { text: makeBackup(payload), accountId, anaId };
}

async function seeded(page, extra) {
  const s = seed(extra);
  await open(page, "/");
  await importBackup(page, s.text);
  return s;
}

async function planning(page) {
  await open(page, "/planning");
  await expect(page.getByRole("heading", { level: 1, name: "Planning" })).toBeVisible();
}

test("a task is edited and stays changed after a reload", async ({ page, errors }) => {
  await seeded(page, { tasks: [{ title: "Call about the trial", due_date: localDate() }] });
  await planning(page);
  const today = page.getByRole("region", { name: /^Today/ });
  await today.getByRole("button", { name: "Edit: Call about the trial" }).click();
  const form = today.getByRole("form", { name: "Edit the task" });
  await form.getByLabel("What needs to be done").fill("");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByText("Enter what needs to be done.").first()).toBeVisible();
  await form.getByLabel("What needs to be done").fill("Call about the trial results");
  await form.getByLabel("Due time").fill("16:30");
  await form.getByLabel("Notes").fill("Ask for the lab report.");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Task saved: Call about the trial results.")).toBeVisible();
  await page.reload();
  // Due today at 16:30: under Today or, later in the day, Overdue.
  const row = page.getByRole("listitem").filter({ hasText: "Call about the trial results" });
  await expect(row.getByText("Ask for the lab report.")).toBeVisible();
  await expect(row.getByText(/16:30/)).toBeVisible();
  expect(errors).toEqual([]);
});

test("an overdue task is rescheduled to tomorrow", async ({ page, errors }) => {
  await seeded(page, { tasks: [{ title: "Send the samples", due_date: "2020-01-15" }] });
  await planning(page);
  const overdue = page.getByRole("region", { name: /^Overdue/ });
  await overdue.getByRole("button", { name: "Reschedule: Send the samples" }).click();
  await overdue.getByRole("button", { name: "Move to tomorrow: Send the samples" }).click();
  await expect(page.getByText(/^Moved to .*: Send the samples\.$/)).toBeVisible();
  const next = page.getByRole("region", { name: /^Next 7 days/ });
  await expect(next.getByText("Send the samples")).toBeVisible();
  await expect(overdue.getByText("Send the samples")).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("region", { name: /^Next 7 days/ }).getByText("Send the samples")).toBeVisible();
  // A typed date moves it too.
  const next2 = page.getByRole("region", { name: /^Next 7 days/ });
  await next2.getByRole("button", { name: "Reschedule: Send the samples" }).click();
  await next2.getByLabel("New due date", { exact: true }).fill(localDate(inDays(20)));
  await next2.getByRole("button", { name: "Move to the new due date: Send the samples" }).click();
  await expect(page.getByRole("region", { name: /^Later/ }).getByText("Send the samples")).toBeVisible();
  expect(errors).toEqual([]);
});

test("a completed task comes back with Undo, and from the done list with Reopen", async ({ page, errors }) => {
  await seeded(page, {
    tasks: [
      { title: "Book the demo room", due_date: localDate() },
      { title: "Old call", due_date: "2026-01-01", done_at: "2020-02-01T10:00:00Z" },
    ],
  });
  await planning(page);
  const today = page.getByRole("region", { name: /^Today/ });
  const done = page.getByRole("region", { name: /^Done/ });
  // Done more than 30 days ago: behind "Show older".
  await expect(done.getByText("Old call")).toHaveCount(0);
  await today.getByRole("button", { name: "Mark done: Book the demo room" }).click();
  await expect(page.getByText("Done: Book the demo room.")).toBeVisible();
  await expect(today.getByText("Nothing due today.")).toBeVisible();
  await expect(done.getByText("Book the demo room")).toBeVisible();
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByText("Open again: Book the demo room.")).toBeVisible();
  await expect(today.getByText("Book the demo room")).toBeVisible();
  await expect(done.getByText("Book the demo room")).toHaveCount(0);

  // Complete it again, reload: the done list keeps it; Reopen brings it back.
  await today.getByRole("button", { name: "Mark done: Book the demo room" }).click();
  await expect(done.getByText("Book the demo room")).toBeVisible();
  await page.reload();
  await expect(done.getByText("Book the demo room")).toBeVisible();
  await done.getByRole("button", { name: "Show 1 older done task" }).click();
  await expect(done.getByRole("listitem").nth(0)).toContainText("Book the demo room");
  await expect(done.getByRole("listitem").nth(1)).toContainText("Old call");
  await done.getByRole("button", { name: "Reopen: Book the demo room" }).click();
  await expect(page.getByRole("region", { name: /^Today/ }).getByText("Book the demo room")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: /^Today/ }).getByText("Book the demo room")).toBeVisible();
  await expect(page.getByRole("region", { name: /^Done/ }).getByText("Book the demo room")).toHaveCount(0);
  expect(errors).toEqual([]);
});

async function setGiftLimit(page, amount, currency) {
  await open(page, "/settings");
  const limit = page.getByRole("region", { name: "Gift limit" });
  await limit.getByLabel("Limit per gift").fill(amount);
  await limit.getByLabel("Currency").fill(currency);
  await limit.getByRole("button", { name: "Save gift limit" }).click();
  await expect(limit.getByText(`Gift limit: €${amount}.00.`)).toBeVisible();
}

test("a logged gift above the limit is flagged on the person and the account", async ({ page, errors }) => {
  const { anaId, accountId } = await seeded(page, {
    activities: [
      { kind: "small_gift", at: "2026-10-02T09:00:00Z", notes: "Wine", gift_value: { minor: 8000, currency: "EUR" } },
      { kind: "small_gift", at: "2026-10-03T09:00:00Z", notes: "Pens", gift_value: { minor: 5000, currency: "EUR" } },
      { kind: "small_gift", at: "2026-10-04T09:00:00Z", notes: "Tea", gift_value: { minor: 3000, currency: "USD" } },
    ],
  });
  await setGiftLimit(page, "50", "EUR");
  await open(page, `/contacts/${anaId}`);
  const list = page.getByRole("region", { name: "Activities", exact: true });
  const item = (text) => list.getByRole("listitem").filter({ hasText: text });
  await expect(item("Wine").getByText("Above the gift limit (limit €50.00)")).toBeVisible();
  // Equal to the limit is within it.
  await expect(item("Pens").getByText(/gift limit/)).toHaveCount(0);
  await expect(item("Tea").getByText("The gift limit is in another currency (€50.00): check this gift by hand")).toBeVisible();
  await open(page, `/accounts/${accountId}`);
  await expect(page.getByText("Above the gift limit (limit €50.00)")).toBeVisible();
  expect(errors).toEqual([]);
});

test("the accounts list is filtered by lead source and the report counts per source", async ({ page, errors }) => {
  const [a, b, c, d] = [uuid(), uuid(), uuid(), uuid()];
  const payload = {
    accounts: [
      { ...meta(a), name: "Alpha Dairy", lead_source: "referral", customer_since: "2024-03-01" },
      { ...meta(b), name: "Beta Timber", lead_source: "referral" },
      { ...meta(c), name: "Gamma Foods", lead_source: "media", customer_since: "2025-01-01" },
      { ...meta(d), name: "Delta Steel" },
    ],
    deals: [
      { ...meta(), account_id: a, title: "Won one", value: { minor: 1200000, currency: "EUR" }, step_entered_at: "2026-11-01T09:00:00Z", outcome: { won: { at: "2026-10-01", paid_on: null } } },
      { ...meta(), account_id: b, title: "Still open", value: { minor: 900000, currency: "EUR" }, step_entered_at: "2026-11-01T09:00:00Z" },
    ],
  };
  await open(page, "/");
  await importBackup(page, makeBackup(payload));
  await open(page, "/accounts");
  const table = page.getByRole("table", { name: "Accounts" });
  await expect(table.getByRole("link", { name: "Delta Steel" })).toBeVisible();
  await page.getByRole("search").getByLabel("Lead source").selectOption({ label: "Referral" });
  await expect(table.getByRole("link", { name: "Alpha Dairy" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Beta Timber" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Gamma Foods" })).toHaveCount(0);
  await expect(table.getByRole("link", { name: "Delta Steel" })).toHaveCount(0);

  const report = page.getByRole("table", { name: /Accounts per lead source/ });
  const row = (name) => report.getByRole("row", { name: new RegExp(`^${name}`) });
  await expect(row("Referral")).toHaveText(/Referral\s*2\s*1\s*€12,000\.00/);
  await expect(row("Media")).toHaveText(/Media\s*1\s*1\s*—/);
  await expect(row("Not recorded")).toHaveText(/Not recorded\s*1\s*0\s*—/);
  expect(errors).toEqual([]);
});

for (const width of [360, 1280]) {
  test(`Agenda with the done list and a flagged gift: no serious accessibility issue, no sideways scroll at ${width}px`, async ({ page, errors }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width, height: 900 });
    const { anaId } = await seeded(page, {
      tasks: [
        { title: "Propose the trial dates", due_date: localDate() },
        { title: "Send the brochure", due_date: "2026-01-01", done_at: new Date().toISOString() },
      ],
      activities: [{ kind: "small_gift", at: "2026-10-02T09:00:00Z", notes: "Wine", gift_value: { minor: 8000, currency: "EUR" } }],
    });
    await setGiftLimit(page, "50", "EUR");
    await planning(page);
    const today = page.getByRole("region", { name: /^Today/ });
    await today.getByRole("button", { name: "Reschedule: Propose the trial dates" }).click();
    await expect(page.getByRole("region", { name: /^Done/ }).getByText("Send the brochure")).toBeVisible();
    expect(await seriousA11yViolations(page), "/planning").toEqual([]);
    let overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "/planning").toBeLessThanOrEqual(0);
    await page.screenshot({ path: `/tmp/tasks-agenda-${width}.png`, fullPage: true });

    await open(page, `/contacts/${anaId}`);
    const flag = page.getByText("Above the gift limit (limit €50.00)");
    await expect(flag).toBeVisible();
    expect(await seriousA11yViolations(page), "person").toEqual([]);
    overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "person").toBeLessThanOrEqual(0);
    await flag.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/tasks-gift-${width}.png` });

    await open(page, "/accounts");
    await expect(page.getByRole("table", { name: /Accounts per lead source/ })).toBeVisible();
    expect(await seriousA11yViolations(page), "/accounts").toEqual([]);
    overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "/accounts").toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
}
