// The complaints and suggestions register end to end: three complaints, the worried
// customer's small fault above the calm customer's big one; a bad entry refused with what
// was typed kept; a first response and a resolution recorded with their times; the
// response times of the month; the open complaint on the account, the person and the
// dashboard; search; kept by reload and by export → import; usable at 360 px. Elements
// are found by role, label and text only.
import { test, expect, open, noSidewaysScroll } from "./helpers.mjs";
import { exportBackup, importBackup, makeBackup, meta } from "./backup-file.mjs";

const nordic = { ...meta(), name: "Nordic Dairy", grade: "a" };
const ole = { ...meta(), account_id: nordic.id, name: "Ole Hansen" };
const baltic = { ...meta(), name: "Baltic Print", grade: "b" };
const lin = { ...meta(), account_id: baltic.id, name: "Lin Wei" };
const SEED = makeBackup({ accounts: [nordic, baltic], contacts: [ole, lin] });

const WORRIED = "Yoghurt line stops every night";
const CALM = "Press guard cracked at the hinge";
const MIDDLE = "Invoice address is the old one";

const pad = (n) => String(n).padStart(2, "0");
/// Now as a datetime-local value, in the browser's (and this machine's) time zone.
function localNow() {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const newForm = (page) => page.getByRole("region", { name: "New complaint or suggestion" });
const openList = (page) => page.getByRole("list", { name: /^Open register/ });

async function addComplaint(page, { account, person, what, anxiety, fault }) {
  const f = newForm(page);
  await f.getByLabel("Account", { exact: true }).selectOption({ label: account });
  if (person) await f.getByLabel("Person", { exact: true }).selectOption({ label: person });
  await f.getByLabel("What happened").fill(what);
  await f.getByLabel("Customer's anxiety (1–5)").fill(anxiety);
  await f.getByLabel("Size of the fault (1–5)").fill(fault);
  await f.getByRole("button", { name: "Add to the register" }).click();
}

/// What the pages show of the register once two are open and one is resolved.
async function expectKept(page) {
  await open(page, "/service");
  const items = openList(page).getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(WORRIED);
  await expect(items.nth(0)).toContainText("Anxiety: alarmed (5/5)");
  await expect(items.nth(0)).toContainText("Fault: trifle (1/5)");
  await expect(items.nth(0)).toContainText("Nobody on site yet");
  await expect(items.nth(1)).toContainText(MIDDLE);
  await expect(items.nth(1)).toContainText("No first response yet");
  await page.getByText("Show the resolved ones (1)").click();
  await expect(page.getByRole("region", { name: "Resolved" })).toContainText(CALM);
  const rows = page.getByRole("table", { name: "Response times per month" }).getByRole("row");
  // The newest month first: three opened this month, two answered (first response).
  const thisMonth = rows.nth(1).getByRole("cell");
  await expect(thisMonth.nth(0)).toHaveText("3");
  await expect(thisMonth.nth(1)).toHaveText("2");
}

test("three complaints ordered by the customer's anxiety, a bad one refused, response times recorded and counted, shown on the account, the person and the dashboard, kept by reload and backup", async ({
  page,
  errors,
}) => {
  test.setTimeout(120_000);
  await open(page, "/");
  await importBackup(page, SEED, { name: "complaints-seed.json" });
  await open(page, "/service");
  await expect(page.getByRole("heading", { level: 1, name: "Complaints and suggestions" })).toBeVisible();
  await expect(page.getByText("No open complaints or suggestions. Good.")).toBeVisible();

  // A calm customer with a big fault, then a worried one with a small fault: the worry
  // sets the urgency, so the second tops the list.
  await addComplaint(page, { account: "Baltic Print", person: "Lin Wei", what: CALM, anxiety: "1", fault: "5" });
  await expect(page.getByText("Added to the register.")).toBeVisible();
  await addComplaint(page, { account: "Nordic Dairy", person: "Ole Hansen", what: WORRIED, anxiety: "5", fault: "1" });
  await expect(openList(page).getByRole("listitem")).toHaveCount(2);
  await addComplaint(page, { account: "Baltic Print", what: MIDDLE, anxiety: "3", fault: "2" });
  const items = openList(page).getByRole("listitem");
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText(WORRIED);
  await expect(items.nth(1)).toContainText(MIDDLE);
  await expect(items.nth(2)).toContainText(CALM);

  // Anxiety 7: refused at the field, nothing saved, what was typed kept.
  await addComplaint(page, { account: "Nordic Dairy", what: "Labels peel off", anxiety: "7", fault: "2" });
  const f = newForm(page);
  await expect(f.getByRole("alert")).toContainText("“7” is not a whole number from 1 to 5");
  await expect(f.getByLabel("Customer's anxiety (1–5)")).toHaveValue("7");
  await expect(f.getByLabel("What happened")).toHaveValue("Labels peel off");
  await expect(items).toHaveCount(3);

  // The calm customer's complaint: a first response (a time before the opening is
  // refused), then resolved.
  await items.nth(2).getByRole("link", { name: CALM }).click();
  // The refused complaint is still typed in its form: leaving it asks first.
  await page.getByRole("alertdialog", { name: "Leave without saving?" }).getByRole("button", { name: "Leave without saving" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Complaint" })).toBeVisible();
  const first = page.getByRole("form", { name: "Record the first response" });
  await first.getByLabel("First response at").fill("2020-01-01T10:00");
  await first.getByRole("button", { name: "Save the first response" }).click();
  await expect(first.getByText(/is before the complaint was opened/)).toBeVisible();
  await first.getByLabel("First response at").fill(localNow());
  await first.getByRole("button", { name: "Save the first response" }).click();
  await expect(page.getByText("Recorded.")).toBeVisible();
  await expect(page.getByRole("form", { name: "Record the first response" })).toHaveCount(0);
  await expect(page.getByText("Nobody on site yet")).toBeVisible();
  const resolve = page.getByRole("form", { name: "Mark resolved" });
  await resolve.getByLabel("Resolved at").fill(localNow());
  // Resolved without saying what was done: refused at that field.
  await resolve.getByRole("button", { name: "Save as resolved" }).click();
  await expect(resolve.getByText("What was done: write what was done, so that the complaint can be marked resolved.")).toBeVisible();
  await expect(page.getByText("Resolved", { exact: true })).toHaveCount(0);
  await resolve.getByLabel("What was done").fill("New guard fitted on site");
  await resolve.getByRole("button", { name: "Save as resolved" }).click();
  await expect(page.getByText("New guard fitted on site")).toBeVisible();
  await expect(page.getByText("Resolved", { exact: true })).toBeVisible();
  await noSidewaysScroll(page, "the complaint's page");
  await page.setViewportSize({ width: 1280, height: 800 });

  // The worried customer's complaint: answered too.
  await open(page, "/service");
  await openList(page).getByRole("link", { name: WORRIED }).click();
  await page.getByRole("form", { name: "Record the first response" }).getByRole("button", { name: "Save the first response" }).click();
  await expect(page.getByText("Recorded.")).toBeVisible();
  await expect(page.getByText("Nobody on site yet")).toBeVisible();

  // The register and the month's figures.
  await expectKept(page);
  await noSidewaysScroll(page, "the register");
  await page.setViewportSize({ width: 1280, height: 800 });

  // The open complaint on the account, the person and the dashboard.
  await open(page, `/accounts/${nordic.id}`);
  await expect(page.getByRole("region", { name: "Open complaints and suggestions" })).toContainText(WORRIED);
  await open(page, `/contacts/${ole.id}`);
  await expect(page.getByRole("region", { name: "Open complaints raised" })).toContainText(WORRIED);
  await open(page, "/");
  const card = page.getByRole("region", { name: "Open complaints", exact: true });
  await expect(card).toContainText("2 open");
  await expect(card.getByRole("link", { name: WORRIED })).toBeVisible();
  await card.getByRole("link", { name: "Open the register" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Complaints and suggestions" })).toBeVisible();

  // Search finds a complaint by its text.
  await page.keyboard.press("Control+k");
  await page.getByRole("combobox", { name: "Search accounts, people, deals, products and more" }).pressSequentially("yoghurt");
  await expect(page.getByRole("listbox", { name: "Search results" }).getByRole("option", { name: new RegExp(WORRIED) })).toBeVisible();
  await page.keyboard.press("Escape");

  // A reload keeps it all.
  await page.reload();
  await expectKept(page);

  // Export → import: the seed alone replaces everything, then the export brings it back.
  await open(page, "/settings");
  const { text } = await exportBackup(page);
  expect(JSON.parse(text).payload.complaints).toHaveLength(3);
  await importBackup(page, SEED, { name: "complaints-seed-again.json", mode: "Replace everything" });
  await open(page, "/service");
  await expect(page.getByText("No open complaints or suggestions. Good.")).toBeVisible();
  await importBackup(page, text, { name: "complaints-backup.json", mode: "Replace everything" });
  await expectKept(page);
  expect(errors).toEqual([]);
});
