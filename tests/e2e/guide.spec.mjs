// The method guide inside the app: a deal's step panel links ("Why?") to the guide page of
// its step; every guide page renders its title, walks to the previous and next pages,
// offers the exercise that trains it, passes accessibility checks and fits a 360 px phone;
// an unknown page says so. Records are seeded by importing a backup; elements are found by
// role, label and text only.
import { test, expect, open, noSidewaysScroll } from "./helpers.mjs";
import { importBackup, makeBackup, meta, uuid } from "./backup-file.mjs";

const created = new Date(Date.now() - 20 * 86_400_000).toISOString();
const lotus = { ...meta(uuid(), created), name: "Lotus Pharma", grade: "a" };
const chen = { ...meta(uuid(), created), account_id: lotus.id, name: "Chen Jing", roles: ["decision_maker"] };
const deal = {
  ...meta(uuid(), created),
  account_id: lotus.id,
  title: "Analyser upgrade",
  value: { minor: 4_000_000, currency: "EUR" },
  step: "discover_needs",
  step_entered_at: created,
};
const SEED = makeBackup({ accounts: [lotus], contacts: [chen], deals: [deal] });

// Every page of the guide, in reading order, with its title.
const PAGES = [
  ["customer_analysis", "Step 1 — Customer analysis"],
  ["building_trust", "Step 2 — Building trust"],
  ["discover_needs", "Step 3 — Discovering needs"],
  ["presenting_value", "Step 4 — Presenting value"],
  ["winning_commitment", "Step 5 — Winning commitment"],
  ["follow_up_service", "Step 6 — Follow-up service"],
  ["buying_centre", "The buying centre"],
  ["relationship_stages", "Relationship stages"],
  ["communication_styles", "The four communication styles"],
  ["needs_layers", "Needs in five layers"],
  ["proposal_structure", "How a proposal is built"],
  ["presentation_outline", "The presentation outline"],
  ["negotiation", "Negotiation and the concession rule"],
  ["receivables", "Receivables and the collection matrix"],
  ["declining_well", "Declining a request well"],
];

const h1 = (page, name) => page.getByRole("heading", { level: 1, name, exact: true });

test("a deal's step panel and the account's buying centre link to their guide pages", async ({ page, errors }) => {
  test.setTimeout(90_000);
  await open(page, "/");
  await importBackup(page, SEED, { name: "guide-seed.json" });

  await page.goto(`/deals/${deal.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Analyser upgrade" })).toBeVisible();
  const why = page.getByRole("link", { name: "Why? Step 3 — Discovering needs" });
  await expect(why).toHaveText("Why?");
  await why.click();
  await expect(page).toHaveURL(/\/training\/guide\/discover_needs$/);
  await expect(h1(page, "Step 3 — Discovering needs")).toBeVisible();
  const example = page.getByRole("complementary", { name: "Example from the sample book" });
  await expect(example).toContainText("Lotus Pharma");
  await expect(page.getByRole("link", { name: "Needs in five layers" })).toBeVisible();
  await noSidewaysScroll(page, "the guide page of step 3");

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/accounts/${lotus.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Lotus Pharma" })).toBeVisible();
  await page.getByRole("link", { name: "Why? The buying centre" }).click();
  await expect(h1(page, "The buying centre")).toBeVisible();
  expect(errors).toEqual([]);
});

test("every guide page shows its title, and previous and next walk the guide in order", async ({ page, errors }) => {
  test.setTimeout(90_000);
  for (const [code, title] of PAGES) {
    await page.goto(`/training/guide/${code}`);
    await expect(h1(page, title)).toBeVisible();
    await expect(page.getByRole("complementary", { name: "Example from the sample book" })).toBeVisible();
  }

  await page.goto(`/training/guide/${PAGES[0][0]}`);
  await expect(page.getByRole("link", { name: /^Previous:/ })).toHaveCount(0);
  const pager = page.getByRole("navigation", { name: "Guide pages" });
  for (const [code, title] of PAGES.slice(1)) {
    await pager.getByRole("link", { name: `Next: ${title}` }).click();
    await expect(h1(page, title)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/training/guide/${code}$`));
  }
  await expect(pager.getByRole("link", { name: /^Next:/ })).toHaveCount(0);
  await pager.getByRole("link", { name: `Previous: ${PAGES[13][1]}` }).click();
  await expect(h1(page, PAGES[13][1])).toBeVisible();
  await page.getByRole("link", { name: "Back to Training" }).click();
  await expect(page).toHaveURL(/\/training$/);
  expect(errors).toEqual([]);
});

test("a guide page offers the exercise that trains its rule; an unknown page says so", async ({ page, errors }) => {
  await open(page, "/training/guide/communication_styles");
  await expect(h1(page, "The four communication styles")).toBeVisible();
  const practise = page.getByRole("link", { name: "Practise this: Communication styles" });
  await expect(practise).toHaveAttribute("href", /\/training\/exercises\/style$/);
  await practise.click();
  await expect(page).toHaveURL(/\/training\/exercises\/style$/);

  // A page no exercise trains has no such link.
  await open(page, "/training/guide/proposal_structure");
  await expect(page.getByRole("link", { name: /^Practise this/ })).toHaveCount(0);

  await open(page, "/training/guide/no_such_page");
  await expect(h1(page, "This guide page is not here")).toBeVisible();
  await page.getByRole("link", { name: "Back to Training" }).click();
  await expect(page).toHaveURL(/\/training$/);
  expect(errors).toEqual([]);
});
