// Issue 5 — Step 2, building trust: relationship stages, activities, styles, follow-up tasks,
// the Agenda, the call plan and the gift limit. Elements are found by role and name only.
import { test, expect, open, nav, seriousA11yViolations } from "./helpers.mjs";
import { makeBackup, meta, uuid, importBackup } from "./backup-file.mjs";

function localDate(d = new Date()) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/// One account with two people (Ana at decision level, Ben a guide) and an open deal;
/// `extra` adds records (activities, tasks) by kind.
function seed(extra = {}) {
  const accountId = uuid();
  const anaId = uuid();
  const benId = uuid();
  const payload = {
    accounts: [{ ...meta(accountId), name: "Harbour Foods" }],
    contacts: [
      {
        ...meta(anaId),
        account_id: accountId,
        name: "Ana López",
        title: "Operations director",
        level: "decision",
        function: "user",
        roles: ["decision_maker"],
        phones: ["+34 600 111 222"],
      },
      { ...meta(benId), account_id: accountId, name: "Ben Ortiz", level: "operation", is_guide: true },
    ],
    deals: [
      {
        ...meta(),
        account_id: accountId,
        title: "Cold-chain upgrade",
        value: { minor: 4500000, currency: "EUR" },
        step_entered_at: "2026-11-01T09:00:00Z",
      },
    ],
  };
  for (const [kind, records] of Object.entries(extra)) {
    payload[kind] = [...(payload[kind] ?? []), ...records(accountId, anaId, benId)];
  }
  return { text: makeBackup(payload), accountId, anaId, benId };
}

async function seeded(page, extra) {
  const s = seed(extra);
  await open(page, "/");
  await importBackup(page, s.text);
  return s;
}

function trustPanel(page) {
  return page.getByRole("region", { name: "Building trust" });
}

test("log a meal, move the person to dating with evidence, and the suggestions change", async ({ page, errors }) => {
  const { anaId } = await seeded(page);
  await page.goto(`/contacts/${anaId}`);
  const panel = trustPanel(page);
  await expect(panel.getByText("Stage 1 of 4: Acquaintance")).toBeVisible();
  await expect(panel.getByText("Does the person call you by name?")).toBeVisible();
  await expect(panel.getByText("To keep up the Acquaintance stage")).toBeVisible();
  await expect(panel.getByText("To move on to Dating")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Log Phone call" })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Log Social event" })).toHaveCount(0);

  // Log a business meal with Ana from the suggestion.
  await panel.getByRole("button", { name: "Log Business meal or tea" }).click();
  await expect(panel.getByLabel("Kind of activity")).toHaveValue("business_meal");
  await expect(panel.getByLabel("Ana López")).toBeChecked();
  await panel.getByLabel("Notes").fill("Lunch at the harbour; talked about her sailing.");
  await panel.getByRole("button", { name: "Save activity" }).click();
  await expect(page.getByText(/^Logged: Business meal or tea/)).toBeVisible();
  const activities = panel.getByRole("region", { name: "Activities", exact: true });
  await expect(activities.getByText("Business meal or tea")).toBeVisible();
  await expect(activities.getByText("Lunch at the harbour; talked about her sailing.")).toBeVisible();

  // The meal suggests dating; moving up needs evidence.
  await expect(panel.getByText(/consider moving Ana López to Dating/)).toBeVisible();
  await panel.getByRole("button", { name: "Move to Dating…" }).click();
  await expect(panel.getByLabel("New stage")).toHaveValue("dating");
  await panel.getByRole("button", { name: "Save stage" }).click();
  await expect(panel.getByText("Note the evidence that answers the stage's question before moving the person up.")).toBeVisible();
  await panel.getByLabel("Evidence").fill("Accepted our lunch invitation at the harbour.");
  await panel.getByRole("button", { name: "Save stage" }).click();

  await expect(panel.getByText("Stage 2 of 4: Dating")).toBeVisible();
  await expect(panel.getByText("To keep up the Dating stage")).toBeVisible();
  await expect(panel.getByText("To move on to Trust")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Log Social event" })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Log Phone call" })).toHaveCount(0);
  const history = panel.getByRole("region", { name: "Stage history" });
  await expect(history.getByText("Acquaintance → Dating")).toBeVisible();
  await expect(history.getByText("Evidence: Accepted our lunch invitation at the harbour.")).toBeVisible();

  // A reload keeps the stage, its history and the activity.
  await page.reload();
  await expect(panel.getByText("Stage 2 of 4: Dating")).toBeVisible();
  await expect(history.getByText("Evidence: Accepted our lunch invitation at the harbour.")).toBeVisible();
  await expect(activities.getByText("Lunch at the harbour; talked about her sailing.")).toBeVisible();
  expect(errors).toEqual([]);
});

test("a style set with the questionnaire shows its hints on the activity form", async ({ page, errors }) => {
  const { anaId } = await seeded(page);
  await page.goto(`/contacts/${anaId}`);
  const panel = trustPanel(page);
  const style = panel.getByRole("region", { name: "Communication style" });
  await expect(style.getByText(/Not judged yet/)).toBeVisible();
  await style.getByRole("button", { name: "Use the questionnaire" }).click();

  const answers = [
    [/ask or tell/, "Mostly tells and states views"],
    [/make decisions/, "On the spot, alone"],
    [/pace/, "Brisk"],
    [/treat risk/, "Takes it to get results"],
    [/talk about first/, "Facts, figures and tasks"],
    [/How much feeling/, "A little"],
    [/meeting time/, "Strictly to the agenda"],
    [/matters most/, "Getting it right"],
  ];
  for (const [question, answer] of answers.slice(0, 7)) {
    await style.getByRole("group", { name: question }).getByLabel(answer).check();
  }
  await expect(style.getByText("7 of 8 questions answered.")).toBeVisible();
  const [q, a] = answers[7];
  await style.getByRole("group", { name: q }).getByLabel(a).check();
  await expect(style.getByText("The answers point to: Driver.")).toBeVisible();
  await style.getByLabel("How sure are you?").selectOption({ label: "Sure" });
  await style.getByRole("button", { name: "Save style" }).click();
  await expect(page.getByText("Communication style saved: Driver.")).toBeVisible();
  await expect(style.getByText(/^Sure · From the questionnaire ·/)).toBeVisible();
  await expect(style.getByText("Question word: What.")).toBeVisible();
  await expect(style.getByText("Let them feel in control.")).toBeVisible();

  // The activity form shows Ana's hints.
  await panel.getByRole("button", { name: "Log activity" }).click();
  const hints = panel.getByRole("region", { name: "How to talk to them" });
  await hints.getByText("How to deal with Ana López (Driver)").click();
  await expect(hints.getByText("Offer several options to choose from.")).toBeVisible();
  await expect(hints.getByText("Don't waste their time.")).toBeVisible();
  // Adding Ben, whose style is not judged, says so.
  await panel.getByLabel("Ben Ortiz").check();
  await expect(hints.getByText("Style not judged yet.")).toBeVisible();

  await page.reload();
  await expect(style.getByText("Question word: What.")).toBeVisible();
  expect(errors).toEqual([]);
});

test("a follow-up task is created on the person and completed from the Agenda", async ({ page, errors }) => {
  const { anaId } = await seeded(page, {
    tasks: (accountId, anaId) => [
      { ...meta(), title: "Call about the trial results", due_date: "2020-01-15", contact_id: anaId, account_id: accountId },
    ],
  });
  await page.goto(`/contacts/${anaId}`);
  const panel = trustPanel(page);
  const tasks = panel.getByRole("region", { name: "Open tasks" });
  await tasks.getByRole("button", { name: "Add follow-up task" }).click();
  await expect(tasks.getByLabel("Due date")).toHaveValue(localDate());
  await tasks.getByRole("button", { name: "Save task" }).click();
  await expect(tasks.getByText("Enter what needs to be done.").first()).toBeVisible();
  await tasks.getByLabel("What needs to be done").fill("Send the reference list");
  await tasks.getByRole("button", { name: "Save task" }).click();
  await expect(tasks.getByText("Send the reference list")).toBeVisible();

  await (await nav(page)).getByRole("link", { name: "Planning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Planning" })).toBeVisible();
  const today = page.getByRole("region", { name: /^Today/ });
  const overdue = page.getByRole("region", { name: /^Overdue/ });
  await expect(today.getByText("Send the reference list")).toBeVisible();
  await expect(today.getByRole("link", { name: "Ana López", exact: true })).toBeVisible();
  await expect(overdue.getByText("Call about the trial results")).toBeVisible();
  await today.getByRole("button", { name: "Mark done: Send the reference list" }).click();
  await expect(page.getByText("Done: Send the reference list.")).toBeVisible();
  await expect(today.getByText("Nothing due today.")).toBeVisible();
  await expect(overdue.getByText("Call about the trial results")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("region", { name: /^Today/ }).getByText("Nothing due today.")).toBeVisible();
  await expect(page.getByRole("region", { name: /^Overdue/ }).getByText("Call about the trial results")).toBeVisible();
  // The person's open tasks no longer list it either.
  await page.goto(`/contacts/${anaId}`);
  await expect(tasks.getByText("Call about the trial results")).toBeVisible();
  await expect(tasks.getByText("Send the reference list")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a gift above the limit set in Settings shows the reminder", async ({ page, errors }) => {
  const { anaId } = await seeded(page);
  await page.goto("/settings");
  const limit = page.getByRole("region", { name: "Gift limit" });
  await limit.getByLabel("Limit per gift").fill("50");
  await limit.getByLabel("Currency").fill("EUR");
  await limit.getByRole("button", { name: "Save gift limit" }).click();
  await expect(limit.getByText("Gift limit: €50.00.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Gift limit" }).getByLabel("Limit per gift")).toHaveValue("50.00");

  await page.goto(`/contacts/${anaId}`);
  const panel = trustPanel(page);
  await panel.getByRole("button", { name: "Log activity" }).click();
  await panel.getByLabel("Kind of activity").selectOption({ label: "Small gift" });
  await panel.getByLabel("Gift value").fill("80");
  const reminder = panel.getByText(/This gift \(€80\.00\) is above your gift limit of €50\.00/);
  await expect(reminder).toBeVisible();
  await panel.getByLabel("Gift value").fill("50");
  await expect(reminder).toHaveCount(0);
  await expect(panel.getByText(/above your gift limit/)).toHaveCount(0);
  await panel.getByLabel("Gift value").fill("120");
  await expect(panel.getByText(/above your gift limit of €50\.00/)).toBeVisible();
  await panel.getByRole("button", { name: "Save activity" }).click();
  await expect(panel.getByRole("region", { name: "Activities", exact: true }).getByText("Gift value: €120.00")).toBeVisible();
  await page.reload();
  await expect(panel.getByRole("region", { name: "Activities", exact: true }).getByText("Gift value: €120.00")).toBeVisible();
  expect(errors).toEqual([]);
});

const planExtra = {
  contacts: () => [],
  activities: (accountId, anaId) =>
    [
      ["phone_call", "2026-10-02T09:00:00Z", "Asked about delivery times."],
      ["visit", "2026-10-10T09:00:00Z", "Toured the cold store."],
      ["business_meal", "2026-10-20T12:00:00Z", "Lunch; interested in a trial."],
      ["email", "2026-09-01T09:00:00Z", "Sent the brochure (oldest, not on the plan)."],
    ].map(([kind, at, notes]) => ({ ...meta(), kind, at, notes, contact_ids: [anaId], account_id: accountId })),
  tasks: (accountId, anaId) => [
    { ...meta(), title: "Propose the trial dates", due_date: localDate(), contact_id: anaId, account_id: accountId },
  ],
};

async function styleAna(page, anaId) {
  await page.goto(`/contacts/${anaId}`);
  const style = trustPanel(page).getByRole("region", { name: "Communication style" });
  await style.getByRole("button", { name: "Choose the style" }).click();
  await style.getByRole("combobox", { name: "Style", exact: true }).selectOption({ label: "Analytical" });
  await style.getByRole("button", { name: "Save style" }).click();
  await expect(style.getByText("Question word: How.")).toBeVisible();
}

test("the call plan prints on one page without the navigation", async ({ page, errors }) => {
  const { anaId } = await seeded(page, planExtra);
  await styleAna(page, anaId);
  await trustPanel(page).getByRole("link", { name: "Call plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Call plan: Ana López" })).toBeVisible();
  await expect(page.getByText("Operations director")).toBeVisible();
  await expect(page.getByText("Harbour Foods")).toBeVisible();
  await expect(page.getByText("Stage 1 of 4: Acquaintance")).toBeVisible();
  await expect(page.getByText(/Aim for Dating: Does the person accept your invitations/)).toBeVisible();
  await expect(page.getByText("Be systematic, thorough and precise.")).toBeVisible();
  await expect(page.getByText("Propose the trial dates")).toBeVisible();
  const last = page.getByRole("region", { name: "Last three activities" });
  await expect(last.getByRole("listitem")).toHaveCount(3);
  await expect(last.getByText("Lunch; interested in a trial.")).toBeVisible();
  await expect(last.getByText(/oldest, not on the plan/)).toHaveCount(0);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Back to the person" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Call plan: Ana López" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Communication style" })).toBeVisible();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(1);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Call plan: Ana López" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("the account shows relationship health with a warning while a deal is open", async ({ page, errors }) => {
  const { accountId } = await seeded(page);
  await page.goto(`/accounts/${accountId}`);
  const health = page.getByRole("region", { name: "Relationships" });
  await expect(health.getByText("1 of 1 decision-level people are still acquaintances while a deal is open.")).toBeVisible();
  const table = health.getByRole("table", { name: "People per relationship stage" });
  await expect(table.getByRole("row", { name: "Acquaintance 2" })).toBeVisible();
  await expect(table.getByRole("row", { name: "Guides 1" })).toBeVisible();
  await expect(health.getByRole("link", { name: "Ana López" })).toBeVisible();
  expect(errors).toEqual([]);
});

for (const width of [360, 1280]) {
  test(`Agenda and call plan: no serious accessibility issue, no sideways scroll at ${width}px`, async ({ page, errors }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width, height: 800 });
    const { anaId } = await seeded(page, planExtra);
    await styleAna(page, anaId);
    for (const path of ["/planning", `/contacts/${anaId}/call-plan`, `/contacts/${anaId}`]) {
      await open(page, path);
      await expect(page.getByText(/Propose the trial dates/).first()).toBeVisible();
      expect(await seriousA11yViolations(page), path).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    // The Agenda shows the person's style hints.
    await open(page, "/planning");
    await page.getByText("How to deal with Ana López (Analytical)").click();
    await expect(page.getByText("Bring plenty of evidence.")).toBeVisible();
    expect(errors).toEqual([]);
  });
}
