// The training home and the trainee's progress end to end: answers seeded through a backup
// across every topic and three ISO weeks; the home shows each topic's score, the topic to
// practise next, the method guide's pages and the exercise links; the progress page shows
// the totals, the table per topic, the scores per week (chart and table) and the
// suggestion; the JSON report holds the same figures; clearing the answers asks first,
// leaves the empty state and can be undone; a reload keeps the answers; usable at 360 px.
// Elements are found by role, label and text only.
import { readFileSync } from "node:fs";
import { test, expect, open, nav, noSidewaysScroll } from "./helpers.mjs";
import { importBackup, makeBackup, meta } from "./backup-file.mjs";

/// `right` right and `wrong` wrong answers on `topic`, given at noon (UTC) on `day`.
function answers(topic, right, wrong, day) {
  const at = `${day}T12:00:00Z`;
  return Array.from({ length: right + wrong }, (_, i) => ({
    ...meta(undefined, at),
    topic,
    seed: 1000 + i,
    chosen: i % 4,
    correct: i < right,
    answered_at: at,
  }));
}

// Week 46 (from Mon 9 Nov 2026): 7 answers, 5 right. Week 47: 9, 6 right. Week 48: 11, 9.
// Per topic: styles 5/7, stage 3/3, concession 1/3 (the lowest), collection 3/4,
// buying centre 3/3, complaints 2/3, qualifying 3/4. In all 27 answers, 20 right (74%).
const ANSWERS = [
  ...answers("style", 2, 2, "2026-11-10"),
  ...answers("stage_activity", 3, 0, "2026-11-11"),
  ...answers("concession", 1, 2, "2026-11-17"),
  ...answers("style", 3, 0, "2026-11-18"),
  ...answers("collection", 2, 1, "2026-11-19"),
  ...answers("collection", 1, 0, "2026-11-23"),
  ...answers("buying_centre", 3, 0, "2026-11-24"),
  ...answers("complaint_priority", 2, 1, "2026-11-25"),
  ...answers("qualification", 3, 1, "2026-11-26"),
];
const SEED = makeBackup({ exercise_answers: ANSWERS });

/// The cells of the row of `table` whose header is `name`.
const cells = (table, name) => table.getByRole("row").filter({ hasText: name }).getByRole("cell");

test("an empty training area: the Training entry opens the home, nothing practised yet", async ({ page, errors }) => {
  await open(page, "/");
  await (await nav(page)).getByRole("link", { name: "Training", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Training" })).toBeVisible();
  await expect(page).toHaveURL(/\/training$/);
  const topics = page.getByRole("list", { name: "Exercise topics" }).getByRole("listitem");
  await expect(topics).toHaveCount(7);
  await expect(topics.first()).toContainText("Communication styles");
  await expect(topics.first()).toContainText("Not practised yet");
  const next = page.getByRole("link", { name: "Practise next: Communication styles" });
  await expect(next).toHaveAttribute("href", "/training/exercises/style");
  await expect(page.getByText("not practised yet", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "See your progress and the coach’s report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
  await expect(page.getByText("No answers yet. Practise a topic and your scores show here.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Clear my answers" })).toHaveCount(0);
  await noSidewaysScroll(page, "the empty progress page");
  expect(errors).toEqual([]);
});

test("seeded answers: scores per topic and per week, the weakest topic, the JSON report, clear with Undo, kept by reload", async ({
  page,
  errors,
}) => {
  test.setTimeout(120_000);
  await open(page, "/");
  await importBackup(page, SEED, { name: "training-seed.json" });

  // The training home.
  await open(page, "/training");
  await expect(page.getByRole("heading", { level: 1, name: "Training" })).toBeVisible();
  const topics = page.getByRole("list", { name: "Exercise topics" }).getByRole("listitem");
  await expect(topics).toHaveCount(7);
  await expect(topics.nth(0)).toContainText("Communication styles");
  await expect(topics.nth(0)).toContainText("71% (5 of 7 right)");
  await expect(topics.nth(2)).toContainText("The concession rule");
  await expect(topics.nth(2)).toContainText("33% (1 of 3 right)");
  await expect(topics.nth(3)).toContainText("75% (3 of 4 right)");
  await expect(page.getByRole("link", { name: "Practise: The collection matrix" })).toHaveAttribute(
    "href",
    "/training/exercises/collection",
  );
  const progress = page.getByRole("region", { name: "Your progress" });
  await expect(progress.getByRole("link", { name: "Practise next: The concession rule" })).toHaveAttribute(
    "href",
    "/training/exercises/concession",
  );
  await expect(progress).toContainText("your lowest score — 33% (1 of 3 right)");
  // The sample book is offered on the training home too.
  const sample = page.getByRole("region", { name: "Sample book" });
  await expect(sample.getByRole("button", { name: "Load the sample book" })).toBeVisible();
  const guide = page.getByRole("region", { name: "The method guide" });
  await expect(guide.getByRole("link")).toHaveCount(15);
  await expect(guide.getByRole("link", { name: "Step 1 — Customer analysis" })).toHaveAttribute(
    "href",
    "/training/guide/customer_analysis",
  );
  await expect(guide.getByRole("link", { name: "Negotiation and the concession rule" })).toHaveAttribute(
    "href",
    "/training/guide/negotiation",
  );
  await noSidewaysScroll(page, "the training home");

  // The progress page.
  await page.getByRole("link", { name: "See your progress and the coach’s report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
  await expect(page.getByText("27 answers so far, 20 right (74%).")).toBeVisible();
  await expect(page.getByText("From 10 Nov 2026 to 26 Nov 2026.")).toBeVisible();
  const perTopic = page.getByRole("table", { name: "Scores per topic" });
  await expect(perTopic.getByRole("row")).toHaveCount(8);
  await expect(cells(perTopic, "Communication styles")).toHaveText(["7", "5", "71%"]);
  await expect(cells(perTopic, "The concession rule")).toHaveText(["3", "1", "33%"]);
  await expect(cells(perTopic, "Activities for a relationship stage")).toHaveText(["3", "3", "100%"]);

  await expect(page.getByRole("img", { name: "Share right per week: week 46: 71%; week 47: 67%; week 48: 82%" })).toBeVisible();
  const perWeek = page.getByRole("table", { name: "Scores per week and topic" });
  const rows = perWeek.getByRole("row");
  await expect(rows).toHaveCount(4);
  // The newest week first; the columns: all topics, then each topic in order.
  await expect(rows.nth(1).getByRole("rowheader")).toContainText("Week 48, 2026");
  await expect(rows.nth(3).getByRole("rowheader")).toContainText("Week 46, 2026");
  await expect(cells(perWeek, "Week 48, 2026")).toHaveText([
    "82% 9/11",
    /Not practised that week$/,
    /Not practised that week$/,
    /Not practised that week$/,
    "100% 1/1",
    "100% 3/3",
    "67% 2/3",
    "75% 3/4",
  ]);
  await expect(cells(perWeek, "Week 47, 2026").nth(0)).toHaveText("67% 6/9");
  await expect(cells(perWeek, "Week 47, 2026").nth(3)).toHaveText("33% 1/3");
  await expect(cells(perWeek, "Week 46, 2026").nth(1)).toHaveText("50% 2/4");
  const next = page.getByRole("region", { name: "What to practise next" });
  await expect(next.getByRole("link", { name: "Practise next: The concession rule" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Latest answers" }).getByRole("row")).toHaveCount(11);

  // The JSON report.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the report (JSON)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^sixstep-training-report-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByText(`The report is downloaded as ${download.suggestedFilename()}.`)).toBeVisible();
  const report = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(report.format).toBe("sixstep-training-report");
  expect(report.totals).toEqual({ answered: 27, right: 20, percent: 74 });
  expect(report.first_answer_at).toBe("2026-11-10T12:00:00Z");
  expect(report.last_answer_at).toBe("2026-11-26T12:00:00Z");
  expect(report.topics.map((t) => [t.topic, t.answered, t.right])).toEqual([
    ["style", 7, 5],
    ["stage_activity", 3, 3],
    ["concession", 3, 1],
    ["collection", 4, 3],
    ["buying_centre", 3, 3],
    ["complaint_priority", 3, 2],
    ["qualification", 4, 3],
  ]);
  expect(report.topics[2]).toEqual({ topic: "concession", name: "The concession rule", answered: 3, right: 1, percent: 33 });
  expect(report.weeks.map((w) => [w.week, w.starts_on, w.total.answered, w.total.right])).toEqual([
    ["2026-W46", "2026-11-09", 7, 5],
    ["2026-W47", "2026-11-16", 9, 6],
    ["2026-W48", "2026-11-23", 11, 9],
  ]);
  expect(report.weakest).toEqual({
    topic: "concession",
    name: "The concession rule",
    reason: "lowest_score",
    answered: 3,
    right: 1,
    percent: 33,
  });
  expect(Date.parse(report.generated_at)).toBeGreaterThan(Date.now() - 5 * 60_000);

  // Printed: the report without the app's chrome and the page's buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print the report" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Clear my answers" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(perTopic).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await noSidewaysScroll(page, "the progress page");

  // Clear my answers: told how many, asked, removed, undone.
  await page.getByRole("button", { name: "Clear my answers" }).click();
  const ask = page.getByRole("alertdialog");
  await expect(ask).toContainText("Remove all 27 answers? Your scores start again from nothing.");
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(page.getByText("27 answers so far, 20 right (74%).")).toBeVisible();
  await page.getByRole("button", { name: "Clear my answers" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove 27 answers" }).click();
  await expect(page.getByText("27 answers removed.")).toBeVisible();
  await expect(page.getByText("No answers yet. Practise a topic and your scores show here.")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("27 answers are back.")).toBeVisible();
  await expect(page.getByText("27 answers so far, 20 right (74%).")).toBeVisible();

  // A reload keeps them.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
  await expect(page.getByText("27 answers so far, 20 right (74%).")).toBeVisible();
  await expect(cells(perTopic, "The concession rule")).toHaveText(["3", "1", "33%"]);
  expect(errors).toEqual([]);
});
