// Settings → Data health: a stored record the app cannot read is set aside in quarantine;
// it can be fixed in the page and restored, exported alone, or discarded (after a
// confirmation, with undo). Broken records are planted straight into IndexedDB.
import { readFile } from "node:fs/promises";
import { test, expect, seriousA11yViolations } from "./helpers.mjs";
import { meta, readCounts, ready, uuid } from "./backup-file.mjs";

/// Opens Settings and waits until the records are loaded.
async function settings(page) {
  await page.goto("/settings");
  await ready(page);
}

/// Stores `text` as the value under `key` in the object store `store` of the app's database
/// (src/store/idb.rs: database "sixstep", one store per kind, the record's JSON text as the
/// value), bypassing every check — as a damaged or foreign write would.
async function plantRaw(page, store, key, text) {
  await page.evaluate(
    ([store, key, text]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("sixstep");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, "readwrite");
          tx.objectStore(store).put(text, key);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, key, text],
  );
}

/// A task record as the app writes it.
const task = (id, title) => ({ ...meta(id), title, due_date: "2026-11-20" });

/// Plants a task the app cannot read (a number as its title) and reloads: start-up sets it
/// aside. Returns its id.
async function plantBrokenTask(page, title = 42) {
  const id = uuid();
  await plantRaw(page, "tasks", id, JSON.stringify(task(id, title)));
  return id;
}

const section = (page) => page.getByRole("region", { name: "Data health" });
const entry = (page, id) => page.getByRole("group", { name: `Tasks: ${id}` });
const editor = (page, id) => entry(page, id).getByRole("textbox", { name: "Record as JSON" });
const refusal = (page, id) => entry(page, id).getByRole("alert");
const everyRecordReadable = (page) => page.getByText("Every stored record can be read.");

test("a quarantined record is fixed in the page and restored into the app", async ({ page, errors }) => {
  await settings(page);
  await expect(everyRecordReadable(page)).toBeVisible();
  const id = await plantBrokenTask(page);
  await page.reload();
  await ready(page);

  await expect(entry(page, id)).toBeVisible();
  await expect(section(page).getByText("1 stored record could not be read.")).toBeVisible();
  await expect(entry(page, id).getByText(/^Problem: The record is not valid at “title” \(.+\): Expected text, found a whole number\./)).toBeVisible();
  expect((await readCounts(page)).tasks).toBe(0);

  // The editor opens with the stored JSON.
  const toggle = entry(page, id).getByRole("button", { name: "Fix and restore" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(editor(page, id)).toBeFocused();
  expect(JSON.parse(await editor(page, id).inputValue())).toEqual(task(id, 42));
  if (process.env.HEALTH_SCREENSHOT) {
    await section(page).screenshot({ path: process.env.HEALTH_SCREENSHOT });
  }
  expect(await seriousA11yViolations(page)).toEqual([]);

  // A bad edit: refused with the reason, what was typed kept, the entry still there.
  const notJson = '{"id": "' + id + '", "title": ';
  await editor(page, id).fill(notJson);
  await entry(page, id).getByRole("button", { name: "Restore record" }).click();
  await expect(refusal(page, id)).toContainText("Not restored.");
  await expect(refusal(page, id)).toContainText("This is not valid JSON (line 1, column");
  await expect(editor(page, id)).toHaveValue(notJson);

  // Still a number as the title: refused at that path.
  await editor(page, id).fill(JSON.stringify(task(id, 7), null, 2));
  await entry(page, id).getByRole("button", { name: "Restore record" }).click();
  await expect(refusal(page, id)).toContainText("The record is not valid at “title”");

  // Another id than the key it was stored under: refused.
  const other = uuid();
  await editor(page, id).fill(JSON.stringify(task(other, "Call back Ana"), null, 2));
  await entry(page, id).getByRole("button", { name: "Restore record" }).click();
  await expect(refusal(page, id)).toContainText(`The record’s id is ${other}, but it was stored under ${id}.`);
  await expect(entry(page, id)).toBeVisible();
  expect((await readCounts(page)).tasks).toBe(0);

  // Nothing was changed: after a reload the entry is there as it was.
  await page.reload();
  await ready(page);
  await expect(entry(page, id)).toBeVisible();
  await entry(page, id).getByRole("button", { name: "Fix and restore" }).click();
  expect(JSON.parse(await editor(page, id).inputValue())).toEqual(task(id, 42));

  // The fix: restored, gone from Data health, counted and shown in the app.
  await editor(page, id).fill(JSON.stringify(task(id, "Call back Ana"), null, 2));
  await entry(page, id).getByRole("button", { name: "Restore record" }).click();
  await expect(page.getByRole("status").filter({ hasText: `The record ${id} (Tasks) is back in the app.` })).toBeVisible();
  await expect(entry(page, id)).toHaveCount(0);
  await expect(everyRecordReadable(page)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Data health" })).toBeFocused();
  await expect.poll(async () => (await readCounts(page)).tasks).toBe(1);

  await page.reload();
  await ready(page);
  await expect(everyRecordReadable(page)).toBeVisible();
  expect((await readCounts(page)).tasks).toBe(1);
  await page.goto("/planning");
  await expect(page.getByRole("heading", { level: 1, name: "Planning" })).toBeVisible();
  await expect(page.getByText("Call back Ana")).toBeVisible();
  expect(errors).toEqual([]);
});

test("one entry is exported alone", async ({ page, errors }) => {
  await settings(page);
  const id = await plantBrokenTask(page);
  await plantBrokenTask(page);
  await page.reload();
  await ready(page);
  await expect(section(page).getByText("2 stored records could not be read.")).toBeVisible();

  const download = page.waitForEvent("download");
  await entry(page, id).getByRole("button", { name: "Export this record" }).click();
  const d = await download;
  expect(d.suggestedFilename()).toBe(`sixstep-quarantine-tasks-${id}.json`);
  const file = JSON.parse(await readFile(await d.path(), "utf8"));
  expect(file.format).toBe("sixstep-quarantine");
  expect(file.entries).toHaveLength(1);
  expect(file.entries[0]).toMatchObject({ kind: "tasks", key: id });
  expect(JSON.parse(file.entries[0].raw)).toEqual(task(id, 42));
  expect(errors).toEqual([]);
});

test("an entry is discarded only after confirming, and Undo brings it back", async ({ page, errors }) => {
  await settings(page);
  const kept = await plantBrokenTask(page);
  const id = await plantBrokenTask(page, ["not", "a", "title"]);
  await page.reload();
  await ready(page);
  await expect(entry(page, kept)).toBeVisible();
  await expect(entry(page, id)).toBeVisible();

  // Asking first: the confirmation says what goes; "Keep it" (or Escape) changes nothing.
  const discard = entry(page, id).getByRole("button", { name: "Discard", exact: true });
  await discard.click();
  const confirm = entry(page, id).getByRole("alertdialog", { name: "Discard this unreadable record?" });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(`Sixstep cannot read the record ${id} (Tasks).`);
  await expect(confirm.getByRole("button", { name: "Keep it" })).toBeFocused();
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(discard).toBeFocused();
  await discard.click();
  // Escape is the dialog's own key: it acts once focus is inside, as it is when it opens.
  await expect(confirm.getByRole("button", { name: "Keep it" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await page.reload();
  await ready(page);
  await expect(entry(page, id)).toBeVisible();

  // Confirmed: gone, and the message offers Undo, which puts the entry back unchanged.
  await entry(page, id).getByRole("button", { name: "Discard", exact: true }).click();
  await confirm.getByRole("button", { name: "Discard record" }).click();
  await expect(entry(page, id)).toHaveCount(0);
  await expect(entry(page, kept)).toBeVisible();
  const toast = page.getByRole("status").filter({ hasText: `Discarded the unreadable record ${id} (Tasks).` });
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status").filter({ hasText: `The unreadable record ${id} (Tasks) is back under Data health.` })).toBeVisible();
  await expect(entry(page, id)).toBeVisible();
  await page.reload();
  await ready(page);
  await expect(entry(page, id)).toBeVisible();
  await entry(page, id).getByRole("button", { name: "Fix and restore" }).click();
  expect(JSON.parse(await editor(page, id).inputValue())).toEqual(task(id, ["not", "a", "title"]));

  // Discarded again, it stays gone after a reload; the other entry is untouched.
  await entry(page, id).getByRole("button", { name: "Discard", exact: true }).click();
  await confirm.getByRole("button", { name: "Discard record" }).click();
  await expect(entry(page, id)).toHaveCount(0);
  await page.reload();
  await ready(page);
  await expect(entry(page, kept)).toBeVisible();
  await expect(entry(page, id)).toHaveCount(0);
  await expect(section(page).getByText("1 stored record could not be read.")).toBeVisible();
  expect((await readCounts(page)).tasks).toBe(0);
  expect(errors).toEqual([]);
});

/// Everything stored in the object store `store`, as `[key, value]` pairs.
async function readStore(page, store) {
  return page.evaluate(
    (store) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("sixstep");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, "readonly");
          const keys = tx.objectStore(store).getAllKeys();
          const values = tx.objectStore(store).getAll();
          tx.oncomplete = () => {
            db.close();
            resolve(keys.result.map((k, i) => [k, values.result[i]]));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    store,
  );
}

test("a stored value that is not text is set aside whole, never emptied", async ({ page, errors }) => {
  await settings(page);
  const id = uuid();
  // An object, not the JSON text the app writes: something else wrote to the database.
  await plantRaw(page, "tasks", id, { ...task(id, "Object value"), title: 7 });
  await page.reload();
  await ready(page);
  await expect(entry(page, id)).toBeVisible();
  const stored = await readStore(page, "quarantine");
  expect(stored).toHaveLength(1);
  const raw = JSON.parse(stored[0][1]).raw;
  expect(JSON.parse(raw)).toEqual({ ...task(id, "Object value"), title: 7 });
  expect(errors).toEqual([]);
});

test("a key that is not a record id is set aside under that key, once, touching nothing else", async ({ page, errors }) => {
  await settings(page);
  const good = uuid();
  await plantRaw(page, "tasks", good, JSON.stringify(task(good, "Still here")));
  const text = JSON.stringify(task(uuid(), "Odd key"));
  await plantRaw(page, "tasks", "task-7", text);
  await page.reload();
  await ready(page);
  await expect(section(page).getByRole("group", { name: "Tasks: task-7" })).toBeVisible();
  // Reloading again sets nothing aside a second time, and the readable task is untouched.
  await page.reload();
  await ready(page);
  const quarantined = await readStore(page, "quarantine");
  expect(quarantined.map(([k]) => k)).toEqual(["tasks/task-7"]);
  expect(JSON.parse(quarantined[0][1]).raw).toBe(text);
  const tasks = await readStore(page, "tasks");
  expect(tasks.map(([k]) => k)).toEqual([good]);
  expect(errors).toEqual([]);
});

test("an older tab never moves a record of a newer schema: it asks to be reloaded", async ({ page, errors }) => {
  await settings(page);
  const [[, version]] = (await readStore(page, "meta")).filter(([k]) => k === "schema_version");
  // Another tab of a newer version upgraded the store and wrote a record of a new shape.
  await plantRaw(page, "meta", "schema_version", String(Number(version) + 1));
  const id = uuid();
  const newer = JSON.stringify({ ...task(id, "New shape"), due_date: { relative: "next week" } });
  await plantRaw(page, "tasks", id, newer);
  // …and told the other tabs to read everything again.
  await page.evaluate(() => new BroadcastChannel("sixstep").postMessage(JSON.stringify({ reload: true })));
  await expect(page.getByRole("alert").filter({ hasText: "Sixstep was updated in another tab. Reload this tab to continue." })).toBeVisible();
  expect(await readStore(page, "quarantine")).toEqual([]);
  expect(await readStore(page, "tasks")).toEqual([[id, newer]]);
  expect(errors).toEqual([]);
});
