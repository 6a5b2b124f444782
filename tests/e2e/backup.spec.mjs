// The record store in the browser: backup import and export through Settings → Data,
// hostile files, two tabs, a full disk, undo, and the backup reminder.
import { writeFileSync } from "node:fs";
import { test, expect } from "./helpers.mjs";
import {
  FIXTURE,
  FIXTURE_TEXT,
  countsOf,
  exportBackup,
  fixturePayload,
  importBackup,
  makeBackup,
  meta,
  payloadText,
  readCounts,
  ready,
} from "./backup-file.mjs";

const FIXTURE_COUNTS = countsOf(FIXTURE.counts);
const REPLACE = { mode: "Replace everything" };

/// Opens Settings and waits until the records are loaded.
async function settings(page) {
  await page.goto("/settings");
  await ready(page);
}

/// Imports the schema fixture (replace) and waits until the counts show it.
async function seedFixture(page, name = "schema_v3.json") {
  await importBackup(page, FIXTURE_TEXT, { ...REPLACE, name });
  await expect.poll(() => readCounts(page)).toEqual(FIXTURE_COUNTS);
}

const fileInput = (page) => page.getByLabel("Backup file to restore");
const preview = (page) => page.getByRole("region", { name: "What the import will change" });
const refusal = (page) => page.getByRole("alert").filter({ hasText: "This file cannot be imported." });

/// A file for `setInputFiles`.
const file = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

/// Two new accounts, on top of whatever is stored.
function extraAccounts() {
  return makeBackup({
    accounts: [
      { ...meta(), name: "Zeta Ölwerke" },
      { ...meta(), name: "Omega 株式会社" },
    ],
  });
}

// ---------------------------------------------------------------------------------------

test("the fixture backup imports and every count survives a reload", async ({ page, errors }) => {
  await settings(page);
  expect(await readCounts(page)).toEqual(countsOf());
  await seedFixture(page);
  await page.reload();
  await ready(page);
  expect(await readCounts(page)).toEqual(FIXTURE_COUNTS);
  expect(errors).toEqual([]);
});

test("export → delete the database → import → export gives the identical file", async ({ page, errors }) => {
  await settings(page);
  await seedFixture(page);
  const first = await exportBackup(page);
  expect(first.name).toMatch(/^sixstep-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const env1 = JSON.parse(first.text);
  expect(env1.counts).toEqual(FIXTURE.counts);
  // The app's own export of the fixture is the fixture's payload, byte for byte.
  expect(payloadText(first.text)).toBe(payloadText(FIXTURE_TEXT));
  expect(env1.checksum).toEqual(FIXTURE.checksum);

  // Clear all data: deleting the database makes the open tab let go of it (versionchange).
  const deleted = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const r = indexedDB.deleteDatabase("sixstep");
        r.onsuccess = () => resolve("deleted");
        r.onerror = () => resolve(`error: ${r.error}`);
      }),
  );
  expect(deleted).toBe("deleted");
  await page.reload();
  await ready(page);
  expect(await readCounts(page)).toEqual(countsOf());

  await importBackup(page, first.text, { ...REPLACE, name: first.name });
  await expect.poll(() => readCounts(page)).toEqual(FIXTURE_COUNTS);
  const second = await exportBackup(page);
  const env2 = JSON.parse(second.text);
  expect(env2.checksum).toEqual(env1.checksum);
  expect(env2.counts).toEqual(env1.counts);
  expect(payloadText(second.text)).toBe(payloadText(first.text));
  expect(errors).toEqual([]);
});

// ---------------------------------------------------------------------------------------
// Hostile files: each refused with its own message, the store unchanged.

const good = FIXTURE_TEXT;
/// The fixture with envelope fields replaced (the checksum still that of the payload).
const withEnvelope = (over) => makeBackup(FIXTURE.payload, { ...over, counts: over.counts ?? FIXTURE.counts });
/// The fixture with the payload edited and then sealed again (valid counts and checksum),
/// so only the intended defect remains.
const sealed = (edit) => {
  const p = fixturePayload();
  edit(p);
  return makeBackup(p);
};
const without = (field) => {
  const env = JSON.parse(good);
  delete env[field];
  return JSON.stringify(env, null, 1);
};
const dealId = FIXTURE.payload.deals[0].id;

const ENVELOPE_CASES = [
  ["empty file", "", "The file is empty. Nothing was imported."],
  ["only whitespace", " \n\t \n", "The file is empty. Nothing was imported."],
  ["truncated JSON", good.slice(0, Math.floor((good.length * 2) / 3)), /The file ends too early \(line \d+, column \d+\): it was probably cut off/],
  ["a CSV file", "name,value\nacme,1\n", /The file is not valid JSON \(line 1, column \d+: /],
  ["trailing garbage", `${good}}`, /The file is not valid JSON \(line \d+, column \d+: more content after the end of the backup\)/],
  ["NaN in a number", good.replace('"rev":5', '"rev":NaN'), /The file is not valid JSON \(line \d+, column \d+: a character where another was expected\)/],
  ["binary (PNG header)", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", /The file is not valid JSON \(line 1, column 1: a character where another was expected\)/],
  ["a list, not an object", "[1,2,3]", "The file holds a JSON list, not a Sixstep backup. Nothing was imported."],
  ["a string, not an object", '"sixstep-backup"', "The file holds a JSON text, not a Sixstep backup."],
  ["nested 10,000 deep", "[".repeat(10_000), "The file is nested far more deeply than any backup"],
  ["some other JSON", '{"hello":"world"}', "This JSON file is not a Sixstep backup (it has no “format” field)."],
  ["wrong format", withEnvelope({ format: "crm-export" }), "This file’s format is “crm-export”, not a Sixstep backup."],
  ["future schema version", withEnvelope({ schema_version: 9 }), "This backup was made by a newer version of Sixstep (schema 9; this version reads up to 8). Update Sixstep, then import it."],
  ["schema version 0", withEnvelope({ schema_version: 0 }), "The backup’s schema version (0) is not one Sixstep ever wrote."],
  ["schema version as text", withEnvelope({ schema_version: "1" }), 'The backup’s schema version ("1") is not one Sixstep ever wrote.'],
  ["missing payload", without("payload"), "The backup has no “payload” field; it is damaged or incomplete."],
  ["missing checksum", without("checksum"), "The backup has no “checksum” field; it is damaged or incomplete."],
  ["payload is a list", makeBackup([]), "In the backup, “payload” should be an object of record lists."],
  ["a kind is not a list", sealed((p) => (p.deals = { 0: {} })), "In the backup, “payload.deals” should be a list of records."],
  ["bad export date", withEnvelope({ exported_at: "last Tuesday" }), "In the backup, “exported_at” should be a date and time (RFC 3339)."],
  ["MD5 checksum", withEnvelope({ checksum: { algorithm: "MD5", value: "0".repeat(32) } }), "The backup’s checksum uses MD5; Sixstep reads only SHA-256."],
  ["wrong checksum", withEnvelope({ checksum: { algorithm: "SHA-256", value: "0".repeat(64) } }), "The backup’s checksum does not match its content: the file was changed or damaged after export."],
  ["payload edited after export", good.replace("Two new lines", "Three new lines"), "The backup’s checksum does not match its content"],
  [
    "a UTF-16 file",
    { name: "utf16.json", mimeType: "application/json", buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, "utf16le")]) },
    "This file is in UTF-16, not UTF-8. Export it again from Sixstep, or convert it to UTF-8 in a text editor, then import it. Nothing was imported.",
  ],
  [
    "a Windows-1252 file",
    { name: "latin.json", mimeType: "application/json", buffer: Buffer.from(good.replace("Retrofit", "Retrofit für Müller"), "latin1") },
    /This file is not UTF-8 text \(byte \d+ is not UTF-8\): it was probably saved in a legacy 8-bit encoding/,
  ],
  ["counts mismatch", withEnvelope({ counts: { ...FIXTURE.counts, deals: 4 } }), "The backup says it holds 4 deals records but contains 3: it is incomplete or was edited."],
];

const RECORD_CASES = [
  ["unknown kind", sealed((p) => (p.journeys = [{ ...meta() }])), "The backup contains records of kind “journeys”, which this version of Sixstep does not know."],
  ["duplicate ids", sealed((p) => p.deals.push(structuredClone(p.deals[0]))), `Two records in the backup, deals[0] and deals[3], have the same id ${dealId}.`],
  ["duplicate ids in upper case", sealed((p) => p.deals.push({ ...structuredClone(p.deals[0]), id: dealId.toUpperCase() })), `Two records in the backup, deals[0] and deals[3], have the same id ${dealId}.`],
  ["negative rev", sealed((p) => (p.deals[0].rev = -1)), /Deal “.+”, field Revision: -1 is outside the allowed range\. Place in the file: deals\[0\]\.rev\. Nothing was imported\./],
  ["rev 0", sealed((p) => (p.deals[1].rev = 0)), /Deal “.+”, field Revision: The revision must be at least 1\. Place in the file: deals\[1\]\.rev\./],
  ["bad uuid", sealed((p) => (p.contacts[1].id = "1234")), /Person “.+”, field Record id: This is not a valid record id\. Place in the file: contacts\[1\]\.id\./],
  ["bad date", sealed((p) => (p.tasks[0].due_date = "2026-02-30")), /Task “.+”, field .+: This is not a valid date or time\. Place in the file: tasks\[0\]\.due_date\./],
  ["missing field", sealed((p) => delete p.deals[2].value.currency), /Deal “Retrofit”, field .+: The field is missing\. Place in the file: deals\[2\]\.value\.currency\./],
  ["wrong type", sealed((p) => (p.tasks[1].done_at = true)), /found yes or no \(true\/false\)\. Place in the file: tasks\[1\]\.done_at\./],
  ["fractional money", sealed((p) => (p.deals[0].value.minor = 10.5)), /field .+: Expected a whole number, found a number\. Place in the file: deals\[0\]\.value\.minor\./],
  ["bad currency", sealed((p) => (p.deals[0].value.currency = "euro")), /Place in the file: deals\[0\]\.value\.currency\./],
  ["unknown enum value", sealed((p) => (p.activities[0].kind = "<script>alert(1)</script>")), /Activity no\. 1, field .+: “<script>alert\(1\)<\/script>” is not one of the choices\. Place in the file: activities\[0\]\.kind\./],
  ["a record is null", sealed((p) => (p.accounts[0] = null)), "Account no. 1, field the record itself: Expected a record, found something else. Place in the file: accounts[0]. Nothing was imported."],
  ["a form rule: negative deal value", sealed((p) => (p.deals[2].value.minor = -5)), "Deal “Retrofit”, field Value: The value cannot be negative. Place in the file: deals[2].value.minor. Nothing was imported."],
  ["a form rule: blank account name", sealed((p) => (p.accounts[0].name = "  ")), /Account no\. 1, field Name: It is required but empty\. Place in the file: accounts\[0\]\.name\./],
  ["a form rule: year 0", sealed((p) => (p.deals[0].expected_close = "0000-06-30")), /field Expected close: The year 0 is outside 1000–9999\. Place in the file: deals\[0\]\.expected_close\./],
  ["a deal without its account", sealed((p) => (p.deals[0].account_id = "51570000-0000-4000-8000-00000000ffff")), /Deal “.+” belongs to a record \(kind: Account\) that is not in the file\./],
];

/// Chooses each file in turn: refused with its message, nothing offered to import. After
/// each, a valid file is chosen to clear the message (and to show checking still works).
async function refuseAll(page, cases) {
  for (const [name, text, message] of cases) {
    const f = typeof text === "string" ? file(`${name}.json`, text) : text;
    await fileInput(page).setInputFiles(f);
    await expect(refusal(page), name).toContainText(message);
    await expect(page.getByRole("button", { name: "Import", exact: true }), name).toHaveCount(0);
    await fileInput(page).setInputFiles(file("valid.json", good));
    await expect(preview(page), `${name}: a valid file after it`).toBeVisible();
    await expect(refusal(page)).toHaveCount(0);
  }
  await page.getByRole("button", { name: "Cancel" }).click();
}

for (const [title, cases] of [
  ["envelope", ENVELOPE_CASES],
  ["records", RECORD_CASES],
]) {
  test(`hostile files (${title}) are refused with their own message, the store unchanged`, async ({ page }) => {
    const dialogs = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await settings(page);
    await seedFixture(page);
    const before = await exportBackup(page);
    await refuseAll(page, cases);
    expect(await readCounts(page)).toEqual(FIXTURE_COUNTS);
    const after = await exportBackup(page);
    expect(payloadText(after.text)).toBe(payloadText(before.text));
    expect(dialogs).toEqual([]);
  });
}

test("50 MB of junk is refused and the store unchanged", async ({ page }, info) => {
  test.setTimeout(60_000);
  await settings(page);
  await seedFixture(page);
  const before = await exportBackup(page);
  // Playwright passes buffers over 50 MB only as files.
  const path = info.outputPath("junk.json");
  const chunk = Buffer.from("Zm9vYmFy\u00ff\u0000junk ".repeat(1024));
  const junk = Buffer.alloc(50 * 1024 * 1024);
  for (let i = 0; i < junk.length; i += chunk.length) chunk.copy(junk, i);
  writeFileSync(path, junk);
  await fileInput(page).setInputFiles(path);
  await expect(refusal(page)).toContainText(/The file is not valid JSON \(line 1, column 1: a character where another was expected/, {
    timeout: 30_000,
  });
  await expect(page.getByRole("button", { name: "Import", exact: true })).toHaveCount(0);
  expect(await readCounts(page)).toEqual(FIXTURE_COUNTS);
  const after = await exportBackup(page);
  expect(payloadText(after.text)).toBe(payloadText(before.text));
});

test("script in strings, file names and versions is kept as text and never runs", async ({ page, errors }) => {
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.addInitScript(() => {
    window.__pwned = 0;
  });
  await settings(page);
  const hostile = '<img src=x onerror="window.__pwned++;alert(1)"><script>window.__pwned++;alert(2)</script>';
  const name = `${hostile}.json`;
  const text = makeBackup(FIXTURE.payload, { app_version: hostile });
  // The file name and the app version are rendered in the preview: as text.
  await fileInput(page).setInputFiles(file(name, text));
  await expect(preview(page)).toContainText(`${name}: exported`);
  await expect(preview(page)).toContainText(`by Sixstep ${hostile}.`);
  await page.getByRole("radio", { name: "Replace everything" }).check();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText(`Imported ${name}`)).toBeVisible();
  await expect(page.getByRole("button", { name: `Undo import of ${name}` })).toBeVisible();
  await expect.poll(() => readCounts(page)).toEqual(FIXTURE_COUNTS);
  // Stored unchanged: the export holds the record strings exactly.
  const out = await exportBackup(page);
  const accounts = JSON.parse(out.text).payload.accounts;
  expect(accounts.map((a) => a.name)).toContain("Acme Steel <script>alert(1)</script>");
  expect(await page.evaluate(() => window.__pwned)).toBe(0);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test("a file chosen while the records are still loading is checked once they are in", async ({ page }) => {
  // Slow the database open down by 1.5 s, so the file is surely chosen during loading.
  await page.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args) {
      const req = open.apply(this, args);
      const add = req.addEventListener.bind(req);
      const later = (f) => (ev) => setTimeout(() => f.call(req, ev), 1500);
      req.addEventListener = (type, f, o) => add(type, type === "success" && f ? later(f) : f, o);
      let handler = null;
      Object.defineProperty(req, "onsuccess", {
        get: () => handler,
        set: (f) => {
          handler = f;
          if (f) add("success", later(f));
        },
      });
      return req;
    };
  });
  await page.goto("/settings");
  await expect(page.getByRole("status").filter({ hasText: "Loading your records" })).toBeVisible();
  await fileInput(page).setInputFiles(file("early.json", good));
  await expect(preview(page)).toBeVisible({ timeout: 10_000 });
  await expect(refusal(page)).toHaveCount(0);
  await page.getByRole("radio", { name: "Replace everything" }).check();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect.poll(() => readCounts(page)).toEqual(FIXTURE_COUNTS);
});

test("a byte order mark at the start is accepted", async ({ page }) => {
  await settings(page);
  await fileInput(page).setInputFiles(file("bom.json", `\ufeff${good}`));
  await expect(preview(page)).toBeVisible();
  await expect(refusal(page)).toHaveCount(0);
});

// ---------------------------------------------------------------------------------------

test("a second tab sees an import made in the first, without a reload", async ({ page, context }) => {
  await settings(page);
  const other = await context.newPage();
  await settings(other);
  expect(await readCounts(other)).toEqual(countsOf());
  await seedFixture(page);
  await expect.poll(() => readCounts(other)).toEqual(FIXTURE_COUNTS);
  // And a change the other way round.
  await importBackup(other, extraAccounts(), { name: "extra.json" });
  const more = { ...FIXTURE_COUNTS, accounts: FIXTURE_COUNTS.accounts + 2 };
  await expect.poll(() => readCounts(page)).toEqual(more);
  await other.close();
});

test("a full disk during an import shows the quota message and loses nothing", async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__failPuts) throw new DOMException("full", "QuotaExceededError");
      return put.apply(this, args);
    };
  });
  await settings(page);
  await seedFixture(page);
  const before = await exportBackup(page);
  await page.evaluate(() => {
    window.__failPuts = true;
  });
  for (const mode of ["Replace everything", "Merge with my records"]) {
    await fileInput(page).setInputFiles(file("bigger.json", extraAccounts()));
    await expect(preview(page)).toBeVisible();
    await page.getByRole("radio", { name: mode }).check();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The browser's storage for Sixstep is full" })).toContainText(
      "so this change was not saved",
    );
    expect(await readCounts(page)).toEqual(FIXTURE_COUNTS);
  }
  await page.evaluate(() => {
    window.__failPuts = false;
  });
  await page.reload();
  await ready(page);
  expect(await readCounts(page)).toEqual(FIXTURE_COUNTS);
  const after = await exportBackup(page);
  expect(payloadText(after.text)).toBe(payloadText(before.text));
});

test("a full disk reported when the import commits shows the quota message and loses nothing", async ({ page }) => {
  // Browsers report a full disk when the transaction commits: every write succeeded, then
  // the transaction aborts with QuotaExceededError as its error. Simulated here.
  await page.addInitScript(() => {
    const commit = IDBTransaction.prototype.commit;
    const error = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, "error").get;
    IDBTransaction.prototype.commit = function () {
      if (!window.__failCommits || this.mode !== "readwrite") return commit.call(this);
      this.__full = true;
      return this.abort();
    };
    Object.defineProperty(IDBTransaction.prototype, "error", {
      get() {
        return this.__full ? new DOMException("full", "QuotaExceededError") : error.call(this);
      },
    });
  });
  await settings(page);
  await seedFixture(page);
  const before = await exportBackup(page);
  await page.evaluate(() => {
    window.__failCommits = true;
  });
  for (const mode of ["Replace everything", "Merge with my records"]) {
    await fileInput(page).setInputFiles(file(`later-${mode}.json`, extraAccounts()));
    await expect(preview(page)).toBeVisible();
    await page.getByRole("radio", { name: mode }).check();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(refusal(page)).toContainText("The browser's storage for Sixstep is full, so this change was not saved.");
    expect(await readCounts(page)).toEqual(FIXTURE_COUNTS);
  }
  await page.evaluate(() => {
    window.__failCommits = false;
  });
  await page.reload();
  await ready(page);
  expect(await readCounts(page)).toEqual(FIXTURE_COUNTS);
  const after = await exportBackup(page);
  expect(payloadText(after.text)).toBe(payloadText(before.text));
});

test("undo import restores the previous records", async ({ page }) => {
  await settings(page);
  await seedFixture(page, "first.json");
  const before = await exportBackup(page);
  await importBackup(page, extraAccounts(), { name: "second.json" });
  await expect
    .poll(() => readCounts(page))
    .toEqual({ ...FIXTURE_COUNTS, accounts: FIXTURE_COUNTS.accounts + 2 });
  await page.getByRole("button", { name: "Undo import of second.json" }).click();
  await page.getByRole("alertdialog", { name: "Undo the import of second.json?" }).getByRole("button", { name: "Yes, undo the import" }).click();
  await expect(page.getByText("Import undone: your records and settings are back as they were.")).toBeVisible();
  await expect.poll(() => readCounts(page)).toEqual(FIXTURE_COUNTS);
  await page.reload();
  await ready(page);
  expect(await readCounts(page)).toEqual(FIXTURE_COUNTS);
  const after = await exportBackup(page);
  expect(payloadText(after.text)).toBe(payloadText(before.text));
  // Undoing the first import empties the store again.
  await page.getByRole("button", { name: "Undo import of first.json" }).click();
  await page.getByRole("alertdialog", { name: "Undo the import of first.json?" }).getByRole("button", { name: "Yes, undo the import" }).click();
  await expect.poll(() => readCounts(page)).toEqual(countsOf());
});

test("the backup reminder shows while records have no backup, and goes after an export", async ({ page }) => {
  const badge = page.getByRole("link", { name: "No backup in the last 7 days: back up your records" });
  await settings(page);
  await expect(badge).toHaveCount(0);
  await seedFixture(page);
  await expect(badge).toBeVisible();
  await expect(badge).toHaveText("Back up");
  await page.reload();
  await ready(page);
  await expect(badge).toBeVisible();
  await exportBackup(page);
  await expect(badge).toHaveCount(0);
  await page.reload();
  await ready(page);
  await expect(badge).toHaveCount(0);
  // An old backup counts as none.
  await page.evaluate(() =>
    localStorage.setItem("sixstep.last_backup", JSON.stringify(new Date(Date.now() - 8 * 86400_000).toISOString())),
  );
  await page.reload();
  await ready(page);
  await expect(badge).toBeVisible();
});

test("a save based on an outdated revision is refused, never overwriting the newer record", async ({ page, context }) => {
  const acme = FIXTURE.payload.accounts.find((a) => a.name.startsWith("Acme Steel"));
  await settings(page);
  await seedFixture(page);
  const nameField = (p) => p.getByLabel("Name", { exact: true });
  // Tab 1 opens the edit form.
  await page.goto(`/accounts/${acme.id}`);
  await expect(page.getByRole("heading", { level: 1, name: acme.name })).toBeVisible();
  await page.getByRole("button", { name: "Edit account" }).click();
  await expect(nameField(page)).toHaveValue(acme.name);
  // Tab 2 edits the same account and saves first.
  const other = await context.newPage();
  await other.goto(`/accounts/${acme.id}`);
  await other.getByRole("button", { name: "Edit account" }).click();
  await nameField(other).fill("Acme Steel (saved in tab 2)");
  await other.getByRole("button", { name: "Save" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Acme Steel (saved in tab 2)" })).toBeVisible();
  // Tab 1 saves on top of the revision it opened: refused, both versions shown, a choice
  // offered (see conflict.spec.mjs for the choices).
  await nameField(page).fill("Acme Steel (stale, tab 1)");
  await page.getByRole("button", { name: "Save" }).click();
  const conflict = page.getByRole("region", { name: /^This account was changed in another tab at \d\d:\d\d\.$/ });
  await expect(conflict.getByRole("alert")).toContainText("Your save was not made, so nothing was overwritten.");
  await expect(conflict.getByRole("button", { name: "Keep mine" })).toBeVisible();
  await expect(conflict.getByRole("button", { name: "Take theirs" })).toBeVisible();
  // What was typed is still in the form.
  await expect(nameField(page)).toHaveValue("Acme Steel (stale, tab 1)");
  // What is stored is tab 2's version, in both tabs and after a reload.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Acme Steel (saved in tab 2)" })).toBeVisible();
  await settings(page);
  const out = await exportBackup(page);
  const stored = JSON.parse(out.text).payload.accounts.find((a) => a.id === acme.id);
  expect(stored.name).toBe("Acme Steel (saved in tab 2)");
  expect(stored.rev).toBe(acme.rev + 1);
  await other.close();
});
