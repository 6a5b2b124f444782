// Step 6, follow-up service of a won deal: the contract checklist (a late item, a refused
// item that keeps what was typed, done and undo), the delivery milestones (a late one
// flagged on the deal page; one done before its planned start refused without a note),
// a satisfaction call logged; the Agenda lists the late item, the late milestone and the
// satisfaction request due, late first; the dashboard shows the late milestone; the
// printable checklist leaves the internal notes out; a reload keeps it all; the cadence
// in Settings. Records are seeded by importing a backup; elements are found by role,
// label and text only.
import { test, expect, open, openForm, unfold, noSidewaysScroll } from "./helpers.mjs";
import { importBackup, makeBackup, meta, uuid } from "./backup-file.mjs";

const DAY = 86_400_000;
const pad = (n) => String(n).padStart(2, "0");
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const ago = (days) => iso(new Date(Date.now() - days * DAY));
const ahead = (days) => iso(new Date(Date.now() + days * DAY));
const created = new Date(Date.now() - 60 * DAY).toISOString();

const mills = { ...meta(uuid(), created), name: "Nordic Mills", grade: "a" };
const ana = { ...meta(uuid(), created), account_id: mills.id, name: "Ana Berg", roles: ["decision_maker"] };
const deal = {
  ...meta(uuid(), created),
  account_id: mills.id,
  title: "Mill line retrofit",
  value: { minor: 5_000_000, currency: "EUR" },
  step: "follow_up_service",
  step_entered_at: created,
  // Won 40 days ago: the first call and the first request are both due.
  outcome: { won: { at: ago(40), paid_on: null } },
};

const SEED = makeBackup({ accounts: [mills], contacts: [ana], deals: [deal] });

test.beforeEach(async ({ page }) => {
  await open(page, "/");
  await importBackup(page, SEED, { name: "followup-seed.json" });
});

const checklist = (page) => page.getByRole("region", { name: "Contract checklist" });
const milestones = (page) => page.getByRole("region", { name: "Delivery milestones" });
const satisfaction = (page) => page.getByRole("region", { name: "Satisfaction checks" });

async function addItem(page, { kind, text, due = "", owner = "", note = "" }) {
  const form = await openForm(checklist(page), "Add a contract item");
  await form.getByLabel("Kind").selectOption({ label: kind });
  await form.getByLabel("What was agreed").fill(text);
  await form.getByLabel("Due on").fill(due);
  await form.getByLabel("Owner").fill(owner);
  await form.getByLabel("Internal note").fill(note);
  await form.getByRole("button", { name: "Add to the checklist" }).click();
  await expect(checklist(page).getByRole("list", { name: "Contract items" }).getByText(text, { exact: true })).toBeVisible();
}

test("a won deal's contract checklist, milestones and satisfaction checks reach the deal page, the Agenda and the dashboard", async ({
  page,
  errors,
}) => {
  test.setTimeout(150_000);

  // From the deal page's step-6 section to the follow-up page.
  await page.goto(`/deals/${deal.id}`);
  await unfold(page, "Follow-up service");
  await expect(page.getByText("No contract checklist yet.")).toBeVisible();
  await page.getByRole("link", { name: "Open the follow-up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Follow-up service: Mill line retrofit" })).toBeVisible();

  // The contract checklist: one item due yesterday is late at once.
  await addItem(page, {
    kind: "Our obligation",
    text: "Installation manuals sent",
    due: ago(1),
    owner: "Ana",
    note: "Ask for the printed set, internal only",
  });
  const items = checklist(page).getByRole("list", { name: "Contract items" });
  await expect(items.getByText("Late by 1 day")).toBeVisible();
  await addItem(page, { kind: "Their obligation", text: "Site power ready", due: ahead(3), owner: "Lars" });
  await expect(items.getByText("Due in 3 days")).toBeVisible();

  // A bad item is refused at its field and what was typed stays.
  const add = await openForm(checklist(page), "Add a contract item");
  await add.getByLabel("Kind").selectOption({ label: "Delivery date" });
  await add.getByLabel("Due on").fill(ahead(20));
  await add.getByLabel("Owner").fill("Piotr");
  await add.getByRole("button", { name: "Add to the checklist" }).click();
  await expect(add.getByRole("alert")).toContainText("What was agreed is required.");
  await expect(add.getByLabel("Owner")).toHaveValue("Piotr");
  await expect(add.getByLabel("Due on")).toHaveValue(ahead(20));
  await expect(items.getByRole("listitem")).toHaveCount(2);
  await add.getByLabel("What was agreed").fill("Spare parts kit delivered");
  await add.getByRole("button", { name: "Add to the checklist" }).click();
  await expect(items.getByText("Spare parts kit delivered", { exact: true })).toBeVisible();

  // Marked done on a day; a done date in the future is refused.
  await checklist(page).getByRole("button", { name: "Mark done: Spare parts kit delivered" }).click();
  const done = checklist(page).getByRole("form", { name: "When was it done: Spare parts kit delivered" });
  await done.getByLabel("Done on").fill(ahead(2));
  await done.getByRole("button", { name: "Save the done date" }).click();
  await expect(done.getByText(/is in the future/)).toBeVisible();
  await done.getByLabel("Done on").fill(ago(0));
  await done.getByRole("button", { name: "Save the done date" }).click();
  await expect(done).toBeHidden();
  await expect(items.getByText(/^Done on /)).toBeVisible();

  // Removed, then put back with Undo.
  await checklist(page).getByRole("button", { name: "Remove: Site power ready" }).click();
  await expect(items.getByText("Site power ready", { exact: true })).toBeHidden();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(items.getByText("Site power ready", { exact: true })).toBeVisible();

  // Milestones: acceptance planned four days ago and not done is late, in words.
  const plan = await openForm(milestones(page), "Plan a milestone");
  await plan.getByLabel("Milestone", { exact: true }).selectOption({ label: "Acceptance" });
  await plan.getByLabel("Planned for").fill(ago(4));
  await plan.getByLabel("Obstacle").fill("Their QA lead is on leave");
  await plan.getByLabel("Backup plan").fill("The deputy signs off remotely");
  await plan.getByRole("button", { name: "Add the milestone" }).click();
  const msList = milestones(page).getByRole("list", { name: "Milestones" });
  await expect(msList.getByRole("heading", { name: "Acceptance" })).toBeVisible();
  await expect(msList.getByText("Late by 4 days: not done yet")).toBeVisible();

  // Done before its planned start without a note: refused at the field, typed dates kept.
  await plan.getByLabel("Milestone", { exact: true }).selectOption({ label: "Delivery" });
  await plan.getByLabel("Planned start").fill(ago(10));
  await plan.getByLabel("Planned for").fill(ago(5));
  await plan.getByLabel("Done on").fill(ago(12));
  await plan.getByRole("button", { name: "Add the milestone" }).click();
  await expect(plan.getByRole("alert")).toContainText("done before it was planned to start: say why in the note");
  await expect(plan.getByLabel("Done on")).toHaveValue(ago(12));
  await expect(plan.getByLabel("Planned start")).toHaveValue(ago(10));
  await expect(msList.getByRole("heading", { name: "Delivery" })).toHaveCount(0);
  await plan.getByLabel("Note").fill("The truck was free a week early");
  await plan.getByRole("button", { name: "Add the milestone" }).click();
  await expect(msList.getByRole("heading", { name: "Delivery" })).toBeVisible();

  // Satisfaction: both checks are due; a call logged leaves the request due.
  const sat = satisfaction(page);
  const next = sat.getByRole("list", { name: "Next checks" });
  await expect(next.getByText(/^Satisfaction call due since/)).toBeVisible();
  await expect(next.getByText(/^Satisfaction request due since/)).toBeVisible();
  const log = await openForm(sat, "Log a satisfaction check");
  await log.getByLabel("Kind of check").selectOption({ label: "Satisfaction call" });
  await log.getByLabel("Person asked").selectOption({ label: "Ana Berg" });
  await log.getByLabel("Satisfaction score (1–5)").selectOption({ label: "4 — Satisfied" });
  await log.getByLabel("Note").fill("Happy with the delivery");
  await log.getByRole("button", { name: "Log the check" }).click();
  await expect(page.getByText("Check logged.")).toBeVisible();
  await expect(sat.getByRole("list", { name: "Checks made" })).toContainText("Ana Berg · 4 of 5");
  await expect(next.getByText(/^Satisfaction call: next on/)).toBeVisible();
  await expect(next.getByText(/^Satisfaction request due since/)).toBeVisible();
  await noSidewaysScroll(page, "the follow-up page");

  // A reload keeps it all.
  await page.reload();
  await expect(items.getByText("Late by 1 day")).toBeVisible();
  await expect(items.getByRole("listitem")).toHaveCount(3);
  await expect(msList.getByText("Late by 4 days: not done yet")).toBeVisible();
  await expect(sat.getByRole("list", { name: "Checks made" })).toContainText("Happy with the delivery");

  // The printable checklist: grouped by kind, with owners, without the internal note.
  await page.getByRole("link", { name: "Print the contract checklist" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contract checklist: Mill line retrofit" })).toBeVisible();
  await expect(page.getByText("For Nordic Mills", { exact: false })).toBeVisible();
  await expect(page.getByRole("region", { name: "Our obligation" })).toContainText("Installation manuals sent");
  await expect(page.getByRole("region", { name: "Our obligation" })).toContainText("Owner: Ana");
  await expect(page.getByRole("region", { name: "Their obligation" })).toContainText("Site power ready");
  await expect(page.getByText(/internal only/)).toHaveCount(0);
  await noSidewaysScroll(page, "the printable checklist");

  // The deal page flags the late milestone and the late item.
  await page.goto(`/deals/${deal.id}`);
  await unfold(page, "Follow-up service");
  await expect(page.getByRole("alert").filter({ hasText: "Milestones:" })).toContainText("Acceptance late by 4 days");
  await expect(page.getByText("1 of 3 contract items done · 1 late · 1 due this week")).toBeVisible();
  await noSidewaysScroll(page, "the deal page");

  // The Agenda: the late item, the late milestone and the request due, late first.
  await page.goto("/planning");
  const agenda = page.getByRole("region", { name: "Follow-up service" });
  const rows = agenda.getByRole("listitem");
  await expect(rows).toHaveCount(4);
  await expect(agenda).toContainText("milestone “Acceptance” 4 days late");
  await expect(agenda).toContainText("contract item “Installation manuals sent”, 1 day late");
  await expect(agenda).toContainText("Satisfaction request due since");
  await expect(agenda).toContainText("contract item “Site power ready” due");
  await expect(rows.last()).not.toContainText("Late:");
  await expect(rows.first()).toContainText("Late:");
  await agenda.getByRole("link", { name: "Mill line retrofit" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Follow-up service: Mill line retrofit" })).toBeVisible();
  await page.goto("/planning");
  await expect(agenda).toBeVisible();
  await noSidewaysScroll(page, "the Agenda");

  // The dashboard's card.
  await page.goto("/");
  const card = page.getByRole("region", { name: "Late deliveries" });
  await expect(card).toContainText("2 late milestones or contract items");
  await expect(card).toContainText("Acceptance 4 days late");
  await expect(card.getByRole("link", { name: "Mill line retrofit" }).first()).toBeVisible();
  await noSidewaysScroll(page, "the dashboard");

  expect(errors).toEqual([]);
});

test("the satisfaction cadence is set in Settings and refuses what is not a number of days", async ({ page, errors }) => {
  await page.goto("/settings");
  const card = page.getByRole("region", { name: "Satisfaction checks" });
  await expect(card.getByLabel("Days between satisfaction calls")).toHaveValue("7");
  await expect(card.getByLabel("Days between satisfaction requests")).toHaveValue("30");
  await card.getByLabel("Days between satisfaction calls").fill("0");
  await card.getByRole("button", { name: "Save the cadence" }).click();
  await expect(card.getByText("“0” is not a whole number of days from 1 to 365.")).toBeVisible();
  await expect(card.getByLabel("Days between satisfaction calls")).toHaveValue("0");
  // Fifty days between calls: the deal won 40 days ago has no call due, the request is.
  await card.getByLabel("Days between satisfaction calls").fill("50");
  await card.getByRole("button", { name: "Save the cadence" }).click();
  await expect(card.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(card.getByLabel("Days between satisfaction calls")).toHaveValue("50");
  await page.goto("/planning");
  const agenda = page.getByRole("region", { name: "Follow-up service" });
  await expect(agenda).toContainText("Satisfaction request due since");
  await expect(agenda).not.toContainText("Satisfaction call");
  expect(errors).toEqual([]);
});

test("the follow-up page lists the deal's open complaints, most anxious first, and logs one about the deal", async ({ page, errors }) => {
  await open(page, `/deals/${deal.id}/followup`);
  const part = page.getByRole("region", { name: "Complaints about this deal" });
  await expect(part.getByText("No open complaint about this deal.")).toBeVisible();
  await part.getByRole("link", { name: "Log a complaint about this deal" }).click();
  // The form comes with the account and the deal chosen.
  const form = page.getByRole("region", { name: "New complaint or suggestion" });
  await expect(form.getByLabel("Account", { exact: true })).toHaveValue(mills.id);
  await expect(form.getByLabel("Deal", { exact: true })).toHaveValue(deal.id);
  await form.getByLabel("What happened").fill("Sensor 3 reads 2% high");
  await form.getByLabel("Customer's anxiety (1–5)").fill("4");
  await form.getByLabel("Size of the fault (1–5)").fill("2");
  await form.getByRole("button", { name: "Add to the register" }).click();
  await expect(page.getByRole("list", { name: /^Open register/ }).getByRole("listitem")).toHaveCount(1);
  await open(page, `/deals/${deal.id}/followup`);
  const item = part.getByRole("listitem");
  await expect(item).toHaveCount(1);
  await expect(item.getByRole("link", { name: "Sensor 3 reads 2% high" })).toBeVisible();
  await expect(item).toContainText("Anxiety: very worried (4/5)");
  // The page's index names the part.
  await expect(page.getByRole("navigation", { name: "Parts of the follow-up" }).getByRole("link", { name: "Complaints about this deal" })).toBeVisible();
  expect(errors).toEqual([]);
});
