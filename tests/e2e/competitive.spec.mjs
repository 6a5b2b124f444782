// Step 4 on a deal: the competitive analysis with its plan per person and its warnings,
// and the presentation coach with the three-to-five check, the rehearsal timer and the
// printable speaker sheet. Records are seeded by importing a backup; elements are found by
// role, label and text only.
import { test, expect, open } from "./helpers.mjs";
import { importBackup, makeBackup, meta } from "./backup-file.mjs";

const pad = (n) => String(n).padStart(2, "0");
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const todayIso = iso(new Date());

const acme = { ...meta(), name: "Acme Steel", grade: "a" };
const ana = { ...meta(), account_id: acme.id, name: "Ana Ozola", roles: ["decision_maker"] };
const juris = { ...meta(), account_id: acme.id, name: "Juris Kalns", roles: ["user"] };
const stops = {
  id: meta().id,
  layer: "problem",
  text: "Line stops twice a week",
  holder_contact_id: juris.id,
  measure: "",
};
const retrofit = {
  ...meta(),
  account_id: acme.id,
  title: "Line 4 retrofit",
  value: { minor: 5_000_000, currency: "EUR" },
  step: "presenting_value",
  step_entered_at: new Date().toISOString(),
  next_step: { text: "Book the presentation", due: todayIso },
  people: [
    { contact_id: ana.id, roles: ["decision_maker"] },
    { contact_id: juris.id, roles: ["user"] },
  ],
  needs: [stops],
};
const SEED = makeBackup({ accounts: [acme], contacts: [ana, juris], deals: [retrofit] });

test.beforeEach(async ({ page }) => {
  await open(page, "/");
  await importBackup(page, SEED, { name: "competitive-seed.json" });
});

const section = (page) => page.getByRole("region", { name: "Competitive analysis and plan" });

test("a strength linked to a need and a person; the key person's warning goes once they have an action", async ({
  page,
  errors,
}) => {
  await open(page, `/deals/${retrofit.id}`);
  const s = section(page);
  await expect(page.getByRole("button", { name: "Competitive analysis and plan", exact: true })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  const gaps = s.getByRole("region", { name: "Gaps in the analysis and plan" });
  await expect(gaps).toContainText("Ana Ozola (Decision maker) has no action in the plan.");

  // Bad input: a message at the field, nothing saved, the choices kept.
  const serves = s.getByRole("group", { name: "People it serves" });
  await serves.getByLabel("Juris Kalns").check();
  await s.getByRole("button", { name: "Add to the analysis" }).click();
  await expect(s.getByText("Point is required.")).toBeVisible();
  await expect(s.getByLabel("Point", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(s.getByText("No strengths recorded yet.")).toBeVisible();
  await expect(serves.getByLabel("Juris Kalns")).toBeChecked();

  // A strength that meets the deal's need and serves Juris.
  await s.getByLabel("Point", { exact: true }).fill("24-hour service on site");
  await s.getByRole("group", { name: "Needs it meets" }).getByLabel("Problems: Line stops twice a week").check();
  await s.getByRole("button", { name: "Add to the analysis" }).click();
  const strengths = s.getByRole("region", { name: "Our strengths" });
  await expect(strengths.getByRole("listitem")).toHaveCount(1);
  await expect(strengths).toContainText("24-hour service on site");
  await expect(strengths).toContainText("Meets: Line stops twice a week");
  await expect(strengths).toContainText("Serves: Juris Kalns");
  await expect(s.getByText("Point is required.")).toBeHidden();
  await expect(s.getByLabel("Point", { exact: true })).toHaveValue("");
  // Ana decides and still has no action.
  await expect(gaps).toContainText("Ana Ozola (Decision maker) has no action in the plan.");

  // An action for Ana: explain the strength.
  await s.getByLabel("Person", { exact: true }).selectOption({ label: "Ana Ozola" });
  await s.getByLabel("Strength or weakness it addresses").selectOption({ label: "Strength: 24-hour service on site" });
  await s.getByLabel("What you will do").fill("Show the uptime report at the plant visit");
  await s.getByRole("button", { name: "Add the action" }).click();
  const plan = s.getByRole("region", { name: "Action plan per person" });
  await expect(plan).toContainText("Show the uptime report at the plant visit");
  await expect(plan).toContainText("Explain: 24-hour service on site");
  await expect(page.getByText("Ana Ozola (Decision maker) has no action in the plan.")).toBeHidden();
  await expect(gaps).toBeHidden();

  // Reload keeps the analysis and the plan.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Line 4 retrofit" })).toBeVisible();
  await expect(section(page).getByRole("region", { name: "Our strengths" })).toContainText("24-hour service on site");
  await expect(section(page).getByRole("region", { name: "Action plan per person" })).toContainText(
    "Show the uptime report at the plant visit",
  );
  await expect(page.getByText("Ana Ozola (Decision maker) has no action in the plan.")).toBeHidden();
  expect(errors).toEqual([]);
});

test("the presentation coach: notes, the three-to-five check, a timed step and the printable speaker sheet", async ({
  page,
  errors,
}) => {
  await open(page, `/deals/${retrofit.id}`);
  const summary = page.getByRole("region", { name: "Presentation" });
  await expect(summary).toContainText("0 main points · Not rehearsed yet.");
  await summary.getByRole("link", { name: "Open the presentation coach" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Presentation: Line 4 retrofit" })).toBeVisible();

  // Notes on the opening.
  await page.getByLabel("Your notes: Opening").fill("Greet Ana and the plant team by name");
  await page.getByRole("button", { name: "Save the notes: Opening" }).click();
  await expect(page.getByRole("region", { name: "1. Opening" }).getByText("Notes saved.")).toBeVisible();

  // The main content: a point without its line is refused, what was typed stays.
  const main = page.getByRole("region", { name: "The main points" });
  await main.getByLabel("Data", { exact: true }).fill("99.7 % uptime at Borealis");
  await main.getByRole("button", { name: "Add the point" }).click();
  await expect(main.getByText("Point is required.")).toBeVisible();
  await expect(main.getByLabel("Data", { exact: true })).toHaveValue("99.7 % uptime at Borealis");
  await expect(main.getByText("No points yet.")).toBeVisible();

  await main.getByLabel("Point", { exact: true }).fill("Uptime you can count on");
  await main.getByRole("button", { name: "Add the point" }).click();
  await expect(main.getByRole("listitem")).toHaveCount(1);
  await main.getByLabel("Point", { exact: true }).fill("Spare parts within 24 hours");
  await main.getByLabel("Story", { exact: true }).fill("How Borealis restarted line 2 overnight");
  await main.getByRole("button", { name: "Add the point" }).click();
  await expect(main.getByRole("listitem")).toHaveCount(2);
  await expect(main.getByText("Too few points: the main content needs three to five.")).toBeVisible();
  await main.getByLabel("Point", { exact: true }).fill("One team from design to service");
  await main.getByRole("button", { name: "Add the point" }).click();
  await expect(main.getByRole("listitem")).toHaveCount(3);
  await expect(main.getByText("Three to five points: the main content is the right size.")).toBeVisible();
  await expect(main.getByText("Too few points")).toBeHidden();

  // Rehearsal: time the opening.
  await page.getByRole("button", { name: "Start timing: Opening" }).click();
  await expect(page.getByRole("timer")).toContainText("Timing…");
  await page.waitForTimeout(1200);
  await page.getByRole("button", { name: "Stop timing: Opening" }).click();
  const opening = page.getByRole("region", { name: "1. Opening" });
  await expect(opening.getByText(/^Last rehearsal: 0:0\d$/)).toBeVisible();
  await expect(page.getByText(/^Last rehearsal in total: 0:0\d$/)).toBeVisible();

  // Reload keeps the notes, the points and the time.
  await page.reload();
  await expect(page.getByLabel("Your notes: Opening")).toHaveValue("Greet Ana and the plant team by name");
  await expect(page.getByRole("region", { name: "The main points" }).getByRole("listitem")).toHaveCount(3);
  await expect(page.getByRole("region", { name: "1. Opening" }).getByText(/^Last rehearsal: 0:0\d$/)).toBeVisible();

  // The speaker sheet prints the outline with notes and points, without the app's chrome.
  await page.getByRole("link", { name: "Speaker sheet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Speaker sheet: Line 4 retrofit" })).toBeVisible();
  await expect(page.getByRole("navigation")).not.toHaveCount(0);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(8);
  await expect(page.getByRole("heading", { level: 2, name: /^6\. Main content/ })).toBeVisible();
  await expect(page.getByText("Greet Ana and the plant team by name")).toBeVisible();
  await expect(page.getByText("Spare parts within 24 hours")).toBeVisible();
  await expect(page.getByText("Story: How Borealis restarted line 2 overnight")).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  expect(errors).toEqual([]);
});
