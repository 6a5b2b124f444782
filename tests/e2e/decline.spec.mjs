// Declining a request well, through the pages a rep uses: two partners in one field (one
// trusted, one we are unsure of); the guided flow offers only the trusted one; a bad
// submission is refused at its fields with what was typed kept; the saved request shows
// in the list and in the report of demand we do not serve; the printable referral gives
// the partner's contact; a reload and an export → import keep it all; the flow and the
// directory fit a 360 px phone and pass the accessibility check. Elements are found by
// role, label and text only.
import { test, expect, open, seriousA11yViolations } from "./helpers.mjs";
import { exportBackup, importBackup, makeBackup, meta } from "./backup-file.mjs";

const ASKED = "Weekly floor care for the cold store";
const SEED = makeBackup({ accounts: [{ ...meta(), name: "Harbour Foods", grade: "b" }] });

async function addPartner(page, { name, field, neighbouring, trust, contact, phone, email }) {
  await page.getByRole("button", { name: "Add a partner" }).click();
  const form = page.getByRole("form", { name: "Add a partner" });
  await form.getByLabel("Partner name").fill(name);
  await form.getByLabel("Their field").fill(field);
  if (neighbouring) await form.getByLabel("Neighbouring fields (comma-separated)").fill(neighbouring);
  await form.getByLabel("Trust", { exact: true }).selectOption({ label: trust });
  if (contact) await form.getByLabel("Contact person").fill(contact);
  if (phone) await form.getByLabel("Phone").fill(phone);
  if (email) await form.getByLabel("E-mail").fill(email);
  await form.getByRole("button", { name: "Save partner" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Partner ${name} saved.` }).last()).toBeVisible();
}

/// Everything the decline pages show of the saved work.
async function expectAllKept(page) {
  await open(page, "/service/partners");
  await expect(page.getByRole("heading", { name: "Nordic Clean Oy", level: 3 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Shady Mops", level: 3 })).toBeVisible();
  await open(page, "/service/declined");
  await expect(page.getByRole("heading", { name: ASKED, level: 3 })).toBeVisible();
  const report = page.getByRole("table", { name: "Demand we do not serve" });
  const row = report.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Industrial cleaning" }) });
  await expect(row.getByRole("cell").nth(0)).toHaveText("1");
  await expect(row.getByRole("cell").nth(2)).toHaveText("A different business (1)");
  await expect(row.getByRole("cell").nth(3)).toHaveText("1");
}

test("decline a request and refer a trusted partner: only trusted partners are offered, bad input is refused and kept, the list, the report and the referral show it, reload and backup keep it", async ({
  page,
  errors,
}) => {
  test.setTimeout(120_000);
  await open(page, "/");
  await importBackup(page, SEED, { name: "decline-seed.json", mode: "Replace everything" });

  // The directory: one trusted partner and one we are unsure of, in the same field.
  await open(page, "/service/partners");
  await addPartner(page, {
    name: "Nordic Clean Oy",
    field: "Industrial cleaning",
    neighbouring: "Waste handling",
    trust: "Trusted",
    contact: "Aino Virtanen",
    phone: "+358 40 123 4567",
    email: "aino@nordicclean.fi",
  });
  await addPartner(page, { name: "Shady Mops", field: "industrial cleaning", trust: "Unsure" });
  // A bad e-mail is refused at its field, with what was typed kept.
  await page.getByRole("button", { name: "Add a partner" }).click();
  const form = page.getByRole("form", { name: "Add a partner" });
  await form.getByLabel("Partner name").fill("Broken Mail Ltd");
  await form.getByLabel("Their field").fill("Painting");
  await form.getByLabel("E-mail").fill("not-an-email");
  await form.getByRole("button", { name: "Save partner" }).click();
  await expect(form.getByText("E-mail: “not-an-email” is not an e-mail address", { exact: false }).first()).toBeVisible();
  await expect(form.getByLabel("Partner name")).toHaveValue("Broken Mail Ltd");
  await form.getByRole("button", { name: "Cancel" }).click();
  // The trust filter.
  await page.getByLabel("Show").selectOption({ label: "Trusted" });
  await expect(page.getByRole("heading", { name: "Shady Mops", level: 3 })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Nordic Clean Oy", level: 3 })).toBeVisible();
  await page.getByLabel("Show").selectOption({ label: "All partners" });

  // The guided flow.
  await open(page, "/service/declined");
  await page.getByRole("link", { name: "Decline a request" }).click();
  await expect(page.getByRole("heading", { name: "Decline a request well", level: 1 })).toBeVisible();
  await page.getByLabel("What was asked", { exact: true }).fill(ASKED);
  await page.getByLabel("Field of the request", { exact: true }).fill("industrial cleaning");
  await page.getByLabel("Who asked", { exact: true }).fill("Harbour Foods");
  await page.getByLabel("How they heard of us", { exact: true }).selectOption({ label: "Referral" });
  await page.getByLabel("Tactical importance (1–5, now)").fill("9");
  await page.getByLabel("Strategic importance (1–5, future)").fill("4");
  await expect(page.getByText("A key customer: consider serving it after all")).toBeVisible();
  await page.getByLabel("A trusted partner", { exact: true }).check();
  const partner = page.getByLabel("Trusted partner referred");
  // Only the trusted partner is offered (besides the empty choice).
  await expect(partner.getByRole("option")).toHaveText(["Choose…", "Nordic Clean Oy — Industrial cleaning"]);
  await expect(page.getByText("1 partner in this field is not trusted, so it is not proposed.")).toBeVisible();

  // No reason, an importance of 9: refused at the fields, what was typed kept.
  await page.getByRole("button", { name: "Save the declined request" }).click();
  await expect(page.getByText("Tactical importance (1–5, now): “9” is not a whole number from 1 to 5.").first()).toBeVisible();
  await expect(page.getByText("Why we cannot serve it is required.").first()).toBeVisible();
  await expect(page.getByText("A partner was offered: choose the trusted partner.").first()).toBeVisible();
  await expect(page.getByLabel("What was asked", { exact: true })).toHaveValue(ASKED);
  await expect(page.getByLabel("Tactical importance (1–5, now)")).toHaveValue("9");
  await expect(page).toHaveURL(/\/service\/declined\/new$/);

  // Put right, the script written from the answers, saved.
  await page.getByLabel("Tactical importance (1–5, now)").fill("3");
  await page.getByLabel("Why we cannot serve it", { exact: true }).selectOption({ label: "A different business" });
  await partner.selectOption({ label: "Nordic Clean Oy — Industrial cleaning" });
  const script = page.getByLabel("What to say", { exact: true });
  await expect(script).toHaveValue(/We recommend Nordic Clean Oy/);
  await expect(script).toHaveValue(/You can reach Aino Virtanen there: \+358 40 123 4567, aino@nordicclean\.fi\./);
  await page.getByRole("button", { name: "Save the declined request" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Declined request saved." }).last()).toBeVisible();
  await expect(page).toHaveURL(/\/service\/declined$/);
  await expectAllKept(page);
  await expect(page.getByText("Key customer", { exact: true })).toBeVisible();

  // The referral handed to the customer.
  await page.getByRole("link", { name: `Print the referral for “${ASKED}”` }).click();
  await expect(page.getByRole("heading", { name: "Referral to Nordic Clean Oy", level: 1 })).toBeVisible();
  await expect(page.getByText("Aino Virtanen")).toBeVisible();
  await expect(page.getByText("+358 40 123 4567")).toBeVisible();
  await expect(page.getByText("aino@nordicclean.fi")).toBeVisible();
  await expect(page.getByText(`You asked us for: ${ASKED}`)).toBeVisible();

  // A reload keeps it all.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Referral to Nordic Clean Oy", level: 1 })).toBeVisible();
  await expectAllKept(page);

  // Export → import: the seed alone replaces everything, then the export brings it all back.
  await open(page, "/settings");
  const { text } = await exportBackup(page);
  const env = JSON.parse(text);
  expect(env.payload.partners).toHaveLength(2);
  expect(env.payload.declined_requests).toHaveLength(1);
  await importBackup(page, SEED, { name: "seed-again.json", mode: "Replace everything" });
  await open(page, "/service/partners");
  await expect(page.getByText("No partners yet.", { exact: false })).toBeVisible();
  await importBackup(page, text, { name: "decline-backup.json", mode: "Replace everything" });
  await expectAllKept(page);

  // Deleting the trusted partner says how many requests name it; Undo brings it back.
  await open(page, "/service/partners");
  await page.getByRole("button", { name: "Delete Nordic Clean Oy" }).click();
  await expect(page.getByText("1 declined request names Nordic Clean Oy")).toBeVisible();
  await page.getByRole("button", { name: "Delete anyway" }).click();
  await expect(page.getByRole("heading", { name: "Nordic Clean Oy", level: 3 })).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).last().click();
  await expect(page.getByRole("heading", { name: "Nordic Clean Oy", level: 3 })).toBeVisible();

  // Deleting the declined request, then Undo.
  await open(page, "/service/declined");
  await page.getByRole("button", { name: `Delete the declined request “${ASKED}”` }).click();
  await expect(page.getByText("No declined requests yet.")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).last().click();
  await expect(page.getByRole("heading", { name: ASKED, level: 3 })).toBeVisible();
  expect(errors).toEqual([]);
});

test("partners and declined requests are found by search", async ({ page, errors }) => {
  await open(page, "/");
  const p = { ...meta(), name: "Nordic Clean Oy", field: "Industrial cleaning", neighbouring: [], trust: "trusted", contact: "", phone: "", email: "", notes: "" };
  const d = {
    ...meta(),
    on: "2026-01-05",
    requester: "Harbour Foods",
    account_id: null,
    person_id: null,
    asked: ASKED,
    field: "Industrial cleaning",
    source: null,
    reason: "no_free_staff",
    tactical: 2,
    strategic: 2,
    alternatives: [],
    wait_until: null,
    substitute: "",
    partner_id: null,
    script: "",
    note: "",
  };
  await importBackup(page, makeBackup({ partners: [p], declined_requests: [d] }), { name: "search.json", mode: "Replace everything" });
  await open(page, "/");
  await page.getByRole("button", { name: "Search" }).click();
  const box = page.getByRole("combobox", { name: "Search accounts, people, deals, products and more" });
  await box.fill("nordic clean");
  await expect(page.getByRole("option", { name: /Nordic Clean Oy/ })).toBeVisible();
  await box.fill("cold store");
  await page.getByRole("option", { name: new RegExp(ASKED) }).click();
  await expect(page).toHaveURL(/\/service\/declined$/);
  expect(errors).toEqual([]);
});

for (const width of [360, 1280]) {
  test(`the decline flow, the declined list and the partner directory fit and are accessible at ${width} px`, async ({ page, errors }) => {
    await page.setViewportSize({ width, height: 900 });
    await open(page, "/");
    const p = { ...meta(), name: "Nordic Clean Oy", field: "Industrial cleaning", neighbouring: ["Waste handling"], trust: "trusted", contact: "Aino Virtanen", phone: "+358 40 123 4567", email: "aino@nordicclean.fi", notes: "" };
    const d = {
      ...meta(),
      on: "2026-01-05",
      requester: "Harbour Foods",
      account_id: null,
      person_id: null,
      asked: ASKED,
      field: "Industrial cleaning",
      source: "referral",
      reason: "different_business",
      tactical: 2,
      strategic: 4,
      alternatives: ["partner"],
      wait_until: null,
      substitute: "",
      partner_id: p.id,
      script: "We do not clean floors, but Nordic Clean does it well.",
      note: "",
    };
    await importBackup(page, makeBackup({ partners: [p], declined_requests: [d] }), { name: "fit.json", mode: "Replace everything" });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    for (const path of ["/service/declined/new", "/service/declined", "/service/partners", `/service/declined/${d.id}/print`]) {
      await open(page, path);
      if (path.endsWith("/new")) {
        await page.getByLabel("Field of the request", { exact: true }).fill("industrial cleaning");
        await page.getByLabel("A trusted partner", { exact: true }).check();
        await page.getByRole("button", { name: "Save the declined request" }).click();
        await expect(page.getByText("What was asked is required.").first()).toBeVisible();
      }
      if (path === "/service/partners") await page.getByRole("button", { name: "Add a partner" }).click();
      expect(await overflow(), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      expect(await seriousA11yViolations(page), path).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
}
