// The exercises end to end: a style set fixed by its seed (seed 7: the first question's
// answer is "Expressive", the second's "Analytical" — the native test
// `the_spec_seed_gives_the_known_style_exercises` asserts the same), answered once wrongly
// and once rightly, with the verdict, the explanation, the rule's guide link and the score;
// the answers kept by reload; usable at 360 px. Every other topic renders a question with
// choices that can be answered. Elements are found by role, label and text only.
import { test, expect, open, noSidewaysScroll } from "./helpers.mjs";

test("a style set: one wrong answer, one right, the score and the explanation, kept by reload", async ({
  page,
  errors,
}) => {
  await open(page, "/training/exercises/style?seed=7");
  await expect(page.getByRole("heading", { level: 1, name: "Communication styles" })).toBeVisible();
  await expect(page.getByText("Question 1 of 5")).toBeVisible();
  await expect(page.getByText("Score: 0 of 0")).toBeVisible();
  await expect(page.getByText("This book keeps 0 answers on this topic.")).toBeVisible();

  const choices = page.getByRole("radiogroup", { name: "Your answer" });
  await expect(choices.getByRole("radio")).toHaveCount(4);

  // Checking without a choice says what is missing and stores nothing.
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByRole("alert")).toHaveText("Choose an answer first.");

  // A wrong answer: the verdict names the right one, the explanation gives the rule.
  await choices.getByRole("radio", { name: "Analytical" }).check();
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByText("Not quite — the answer is: Expressive")).toBeVisible();
  await expect(page.getByText("Score: 0 of 1")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Why" })).toBeVisible();
  await expect(page.getByText(/^Two axes decide the style/)).toBeVisible();
  await expect(page.getByText(/The style of that quadrant: Expressive\.$/)).toBeVisible();
  const rule = page.getByRole("link", { name: "Read the rule" });
  await expect(rule).toHaveAttribute("href", /\/training\/guide\/communication_styles$/);
  await expect(choices.getByRole("radio").first()).toBeDisabled();
  await expect(page.getByRole("button", { name: "Check answer" })).toHaveCount(0);
  await noSidewaysScroll(page, "a checked style question");

  // A right answer.
  await page.getByRole("button", { name: "Next question" }).click();
  await expect(page.getByText("Question 2 of 5")).toBeVisible();
  await choices.getByRole("radio", { name: "Analytical" }).check();
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByText("Right", { exact: true })).toBeVisible();
  await expect(page.getByText("Score: 1 of 2")).toBeVisible();
  await expect(page.getByText("This book keeps 2 answers on this topic.")).toBeVisible();

  // The answers are kept with the book.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Communication styles" })).toBeVisible();
  await expect(page.getByText("This book keeps 2 answers on this topic.")).toBeVisible();
  await expect(page.getByText("Score: 0 of 0")).toBeVisible();
  expect(errors).toEqual([]);
});

test("a whole set ends with its score and can be practised again", async ({ page, errors }) => {
  await open(page, "/training/exercises/collection?seed=3");
  for (let n = 1; n <= 5; n++) {
    await expect(page.getByText(`Question ${n} of 5`)).toBeVisible();
    await page.getByRole("radiogroup", { name: "Your answer" }).getByRole("radio").first().check();
    await page.getByRole("button", { name: "Check answer" }).click();
    await expect(page.getByText(new RegExp(`^Score: \\d of ${n}$`))).toBeVisible();
    await page.getByRole("button", { name: n === 5 ? "See your score" : "Next question" }).click();
  }
  await expect(page.getByRole("heading", { name: /^Set done: \d of 5$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to Training" })).toBeVisible();
  await page.getByRole("button", { name: "Practise again" }).click();
  await expect(page.getByText("Question 1 of 5")).toBeVisible();
  await expect(page.getByText("Score: 0 of 0")).toBeVisible();
  await expect(page.getByText("This book keeps 5 answers on this topic.")).toBeVisible();
  expect(errors).toEqual([]);
});

const OTHER_TOPICS = [
  { code: "stage_activity", name: "Activities for a relationship stage", guide: "relationship_stages" },
  { code: "concession", name: "The concession rule", guide: "negotiation", table: "The ledger" },
  { code: "collection", name: "The collection matrix", guide: "receivables" },
  { code: "buying_centre", name: "The buying centre", guide: "buying_centre" },
  {
    code: "complaint_priority",
    name: "Complaint priority",
    guide: "follow_up_service",
    table: "Open complaints",
  },
  { code: "qualification", name: "The four qualifying questions", guide: "customer_analysis" },
];

for (const t of OTHER_TOPICS) {
  test(`${t.name}: a question with choices that can be answered`, async ({ page, errors }) => {
    await open(page, `/training/exercises/${t.code}?seed=11`);
    await expect(page.getByRole("heading", { level: 1, name: t.name })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2 }).first()).not.toBeEmpty();
    if (t.table) {
      // The ledger and the complaints read as a table, one row per line.
      const rows = page.getByRole("table", { name: t.table }).getByRole("row");
      expect(await rows.count()).toBeGreaterThanOrEqual(3);
    }
    const radios = page.getByRole("radiogroup", { name: "Your answer" }).getByRole("radio");
    expect(await radios.count()).toBeGreaterThanOrEqual(2);
    await radios.last().check();
    await page.getByRole("button", { name: "Check answer" }).click();
    await expect(page.getByText(/^(Right|Not quite — the answer is: .+)$/)).toBeVisible();
    await expect(page.getByText(/^Score: [01] of 1$/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Read the rule" })).toHaveAttribute(
      "href",
      new RegExp(`/training/guide/${t.guide}$`),
    );
    await noSidewaysScroll(page, t.name);
    expect(errors).toEqual([]);
  });
}

test("an unknown topic says so", async ({ page }) => {
  await open(page, "/training/exercises/astrology");
  await expect(page.getByText("There is no exercise topic “astrology”.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to Training" })).toBeVisible();
});
