// Referrals end to end: on a won deal's follow-up page the rep logs an ask of the
// customer's person with a lead account; the lead account's won deal then shows on the
// referrer's page with its won value, and the lead account says who referred it; a reload
// keeps it. Elements are found by role, label and text only.
import { test, expect, open, openForm, seriousA11yViolations } from "./helpers.mjs";
import { importBackup, makeBackup, meta } from "./backup-file.mjs";

const pad = (n) => String(n).padStart(2, "0");
const d = new Date();
const todayIso = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const stamp = new Date().toISOString();

const nordic = { ...meta(), name: "Nordic Dairy", grade: "a" };
const ole = { ...meta(), account_id: nordic.id, name: "Ole Hansen" };
const fjord = { ...meta(), name: "Fjord Foods", grade: "b" };
const kari = { ...meta(), account_id: fjord.id, name: "Kari Lie" };
const won = (account, title, minor, extra = {}) => ({
  ...meta(),
  account_id: account.id,
  title,
  value: { minor, currency: "EUR" },
  step: "follow_up_service",
  step_entered_at: stamp,
  outcome: { won: { at: todayIso, paid_on: null } },
  ...extra,
});
const cheese = won(nordic, "Cheese line 3", 15_000_000);
// The lead's deal, opened and won after the ask.
const packing = won(fjord, "Fjord packing line", 4_800_000, { created_at: stamp, updated_at: stamp });
const SEED = makeBackup({ accounts: [nordic, fjord], contacts: [ole, kari], deals: [cheese, packing] });

async function expectReferrer(page) {
  await open(page, `/contacts/${ole.id}`);
  const r = page.getByRole("region", { name: "Referrals" });
  await expect(r).toContainText("Yes, gave leads");
  await expect(r).toContainText("Leads: Fjord Foods");
  await expect(r.getByRole("link", { name: "Fjord packing line" })).toBeVisible();
  await expect(r).toContainText(/Won from their referrals: €48,000\.00/);
}

test("an ask logged on the follow-up page links the lead to the referrer, whose page shows the referred deal and its won value", async ({
  page,
  errors,
}) => {
  test.setTimeout(90_000);
  await open(page, "/");
  await importBackup(page, SEED, { name: "referrals-seed.json" });
  await open(page, `/deals/${cheese.id}/followup`);
  const section = page.getByRole("region", { name: "Referrals" });
  await expect(section.getByText("No one at this account has been asked yet.")).toBeVisible();
  const form = await openForm(section, "Log an ask");

  // Nobody chosen: refused at the field.
  await form.getByRole("button", { name: "Log the ask" }).click();
  await expect(form.getByRole("alert")).toContainText("Who was asked is required.");

  // The referrer's own account is not offered as a lead.
  await expect(form.getByLabel("Lead account").getByRole("option", { name: "Nordic Dairy" })).toHaveCount(0);
  await form.getByLabel("Who was asked").selectOption({ label: "Ole Hansen" });
  await form.getByLabel("Lead account").selectOption({ label: "Fjord Foods" });
  await form.getByLabel("Person at the lead").selectOption({ label: "Kari Lie" });
  await form.getByRole("button", { name: "Add the lead" }).click();
  await expect(form.getByRole("button", { name: "Remove the lead Fjord Foods (Kari Lie)" })).toBeVisible();
  await expect(form.getByLabel("Answer")).toHaveValue("yes");
  await form.getByLabel("Note").fill("Kari runs their packing; call after the trade fair");
  await form.getByRole("button", { name: "Log the ask" }).click();
  await expect(page.getByText("The ask was logged.")).toBeVisible();
  await expect(section.getByRole("listitem").filter({ hasText: "Ole Hansen, asked" })).toContainText("Fjord Foods");

  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `follow-up page scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page), `follow-up page at ${width}px`).toEqual([]);
  }

  // The referrer's page: the ask, the referred deal and its won value.
  await expectReferrer(page);
  // The lead account says who referred it.
  await open(page, `/accounts/${fjord.id}`);
  await expect(page.getByRole("region", { name: "Referred by" })).toContainText("Ole Hansen (Nordic Dairy)");

  await page.reload();
  await expectReferrer(page);
  expect(errors).toEqual([]);
});
