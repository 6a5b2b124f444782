// Packed kinds: start-up reads a kind from one packed value plus the journal of what changed
// since, and falls back to reading record by record when the two do not add up to the
// store. These tests look into the database (the `packs`, `journal` and `accounts` stores)
// to prove which path was taken, and that no change is lost on either.
import { test, expect, open } from "./helpers.mjs";
import { importBackup, makeBackup, meta } from "./backup-file.mjs";

/// One request on the app's database, run in the page: `get` one value, `all` pairs of a
/// store as `[key, value]`, or `put` a value as something other than the app would (no
/// journal entry).
function idb(page, request) {
  return page.evaluate(
    ({ op, store, key, value }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("sixstep");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, op === "put" ? "readwrite" : "readonly");
          const s = tx.objectStore(store);
          let result;
          if (op === "get") {
            const r = s.get(key);
            r.onsuccess = () => (result = r.result ?? null);
          } else if (op === "all") {
            const keys = s.getAllKeys();
            const values = s.getAll();
            values.onsuccess = () => (result = keys.result.map((k, i) => [k, values.result[i]]));
          } else {
            s.put(value, key);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(result);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    request,
  );
}

/// `[keys, texts]` of a kind's pack, or null when it has none.
const readPack = (page, kind) => idb(page, { op: "get", store: "packs", key: kind });

/// Every journal entry as `[key, text or null]`.
const readJournal = (page) => idb(page, { op: "all", store: "journal" });

/// Puts `value` under `key` in `store`, as something other than the app would (no journal).
const putRaw = (page, store, key, value) => idb(page, { op: "put", store, key, value });

const account = (name) => ({ ...meta(), name });

test("a packed kind is read from its pack, with every change since laid over it", async ({ page, errors }) => {
  const [kept, renamed, removed] = [account("Kept Mill"), account("Renamed Mill"), account("Removed Mill")];
  await open(page, "/settings");
  await importBackup(page, makeBackup({ accounts: [kept, renamed, removed] }), { mode: "Replace everything" });
  // The replace dropped the packs; the app writes them again once idle.
  await expect.poll(() => readPack(page, "accounts").then((p) => p?.[0]?.length ?? -1), { timeout: 15000 }).toBe(3);
  expect((await readJournal(page)).filter(([k]) => k.startsWith("accounts/"))).toEqual([]);

  // Proof that start-up reads the pack: a text changed in the pack only (same count) is
  // what the app shows after a reload.
  const pack = await readPack(page, "accounts");
  const at = pack[0].indexOf(kept.id);
  pack[1][at] = JSON.stringify({ ...kept, name: "Kept Mill (from the pack)" });
  await putRaw(page, "packs", "accounts", pack);
  await open(page, "/accounts");
  await expect(page.getByRole("link", { name: "Kept Mill (from the pack)" })).toBeVisible();

  // Changes made in the app go to the journal too: a rename, a new account, a deletion.
  await page.getByRole("link", { name: "Renamed Mill" }).click();
  await page.getByRole("button", { name: "Edit account" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Renamed Works");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Renamed Works" })).toBeVisible();
  await open(page, "/accounts");
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Added Mill");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Added Mill" })).toBeVisible();
  await open(page, "/accounts");
  await page.getByRole("link", { name: "Removed Mill" }).click();
  await page.getByRole("button", { name: "Archive" }).click();
  await page.getByRole("button", { name: "Delete account" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();

  const journal = Object.fromEntries((await readJournal(page)).filter(([k]) => k.startsWith("accounts/")));
  expect(JSON.parse(journal[`accounts/${renamed.id}`]).name).toBe("Renamed Works");
  expect(journal[`accounts/${removed.id}`]).toBeNull();
  expect(Object.values(journal).some((t) => t && JSON.parse(t).name === "Added Mill")).toBe(true);
  // The pack itself is as it was.
  expect((await readPack(page, "accounts"))[0].length).toBe(3);

  await open(page, "/accounts");
  await page.getByLabel("Show").selectOption({ label: "All" });
  const list = page.getByRole("main");
  await expect(list.getByRole("link", { name: "Kept Mill (from the pack)" })).toBeVisible();
  await expect(list.getByRole("link", { name: "Renamed Works" })).toBeVisible();
  await expect(list.getByRole("link", { name: "Added Mill" })).toBeVisible();
  await expect(list.getByRole("link", { name: "Renamed Mill" })).toHaveCount(0);
  await expect(list.getByRole("link", { name: "Removed Mill" })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a record written behind the app's back makes it read the kind record by record, and pack it again", async ({ page, errors }) => {
  const [first, second] = [account("First Mill"), account("Second Mill")];
  await open(page, "/settings");
  await importBackup(page, makeBackup({ accounts: [first, second] }), { mode: "Replace everything" });
  await expect.poll(() => readPack(page, "accounts").then((p) => p?.[0]?.length ?? -1), { timeout: 15000 }).toBe(2);

  // Written straight into the store, without a journal entry: the pack and the journal now
  // hold one record fewer than the store.
  const planted = account("Planted Mill");
  await putRaw(page, "accounts", planted.id, JSON.stringify(planted));
  await open(page, "/accounts");
  for (const name of ["First Mill", "Second Mill", "Planted Mill"]) {
    await expect(page.getByRole("link", { name })).toBeVisible();
  }
  // …and the pack is written again from the store.
  await expect.poll(() => readPack(page, "accounts").then((p) => p?.[0]?.length ?? -1), { timeout: 15000 }).toBe(3);
  expect((await readPack(page, "accounts"))[0]).toContain(planted.id);
  expect(errors).toEqual([]);
});
