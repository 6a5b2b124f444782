// Packed kinds: start-up reads a kind from one packed value plus the journal of what changed
// since, and falls back to reading record by record when the two do not add up to the
// store. These tests look into the database (the `packs`, `journal` and `accounts` stores)
// to prove which path was taken, and that no change is lost on either.
import { test, expect, open } from "./helpers.mjs";
import { importBackup, makeBackup, meta } from "./backup-file.mjs";

/// One request on the app's database, run in the page: `get` one value, `all` pairs of a
/// store as `[key, value]`, or `put` a value as something other than the app would (no
/// journal entry). Bytes (a pack's chunks) cross to and from the test as `{ utf8: text }`.
function idb(page, request) {
  return page.evaluate(
    ({ op, store, key, value }) =>
      new Promise((resolve, reject) => {
        const toTest = (v) =>
          v instanceof Uint8Array ? { utf8: new TextDecoder().decode(v) } : Array.isArray(v) ? v.map(toTest) : v;
        const toPage = (v) =>
          v?.utf8 !== undefined ? new TextEncoder().encode(v.utf8) : Array.isArray(v) ? v.map(toPage) : v;
        const open = indexedDB.open("sixstep");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, op === "put" ? "readwrite" : "readonly");
          const s = tx.objectStore(store);
          let result;
          if (op === "get") {
            const r = s.get(key);
            r.onsuccess = () => (result = toTest(r.result ?? null));
          } else if (op === "all") {
            const keys = s.getAllKeys();
            const values = s.getAll();
            values.onsuccess = () => (result = keys.result.map((k, i) => [k, toTest(values.result[i])]));
          } else {
            s.put(toPage(value), key);
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

/// A kind's pack as stored, or null when it has none.
const readPack = (page, kind) => idb(page, { op: "get", store: "packs", key: kind });

/// `[keys, texts]` of a pack: keys joined by newlines and texts joined by newlines in chunks
/// of UTF-8 bytes (`[keys, chunks, per]`), or one value per key (`[keys, texts]`) for a kind
/// with a text that holds a newline.
function unpack(pack) {
  if (typeof pack[0] !== "string") return pack;
  const keys = pack[0] === "" ? [] : pack[0].split("\n");
  return [keys, pack[1].flatMap((chunk) => chunk.utf8.split("\n"))];
}

/// How many records a kind's pack holds (-1: no pack).
const packed = (page, kind) => readPack(page, kind).then((p) => (p ? unpack(p)[0].length : -1));

/// Every journal entry as `[key, text or null]`.
const readJournal = (page) => idb(page, { op: "all", store: "journal" });

/// Puts `value` under `key` in `store`, as something other than the app would (no journal).
const putRaw = (page, store, key, value) => idb(page, { op: "put", store, key, value });

const account = (name) => ({ ...meta(), name });

/// From the accounts list: renames an account through its form, saved, back on the list.
async function rename(page, from, to) {
  await page.getByRole("link", { name: from }).click();
  await page.getByRole("button", { name: "Edit account" }).click();
  await page.getByLabel("Name", { exact: true }).fill(to);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: to })).toBeVisible();
  await open(page, "/accounts");
}

test("a packed kind is read from its pack, with every change since laid over it", async ({ page, errors }) => {
  const [kept, renamed, removed] = [account("Kept Mill"), account("Renamed Mill"), account("Removed Mill")];
  await open(page, "/settings");
  await importBackup(page, makeBackup({ accounts: [kept, renamed, removed] }), { mode: "Replace everything" });
  // The replace dropped the packs; the app writes them again once idle.
  await expect.poll(() => packed(page, "accounts"), { timeout: 15000 }).toBe(3);
  expect((await readJournal(page)).filter(([k]) => k.startsWith("accounts/"))).toEqual([]);

  // Proof that start-up reads the pack: a text changed in the pack only (same count) is
  // what the app shows after a reload.
  const pack = await readPack(page, "accounts");
  expect(typeof pack[0], "keys and texts joined").toBe("string");
  expect(typeof pack[1][0].utf8, "texts as bytes").toBe("string");
  const [keys, texts] = unpack(pack);
  texts[keys.indexOf(kept.id)] = JSON.stringify({ ...kept, name: "Kept Mill (from the pack)" });
  await putRaw(page, "packs", "accounts", [pack[0], [{ utf8: texts.join("\n") }], pack[2]]);
  await open(page, "/accounts");
  await expect(page.getByRole("link", { name: "Kept Mill (from the pack)" })).toBeVisible();

  // Changes made in the app go to the journal too: a rename, a new account, a deletion.
  await rename(page, "Renamed Mill", "Renamed Works");
  await page.getByRole("button", { name: "New account" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Added Mill");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Added Mill" })).toBeVisible();
  await open(page, "/accounts");
  await page.getByRole("link", { name: "Removed Mill" }).click();
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByRole("button", { name: "Restore from archive" })).toBeVisible();
  await page.getByRole("button", { name: "Delete account" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();

  const journal = Object.fromEntries((await readJournal(page)).filter(([k]) => k.startsWith("accounts/")));
  expect(JSON.parse(journal[`accounts/${renamed.id}`]).name).toBe("Renamed Works");
  expect(journal[`accounts/${removed.id}`]).toBeNull();
  expect(Object.values(journal).some((t) => t && JSON.parse(t).name === "Added Mill")).toBe(true);
  // The pack itself is as it was.
  expect(await packed(page, "accounts")).toBe(3);

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
  await expect.poll(() => packed(page, "accounts"), { timeout: 15000 }).toBe(2);

  // Written straight into the store, without a journal entry: the pack and the journal now
  // hold one record fewer than the store. Its JSON is laid out on several lines, so it
  // cannot be joined with the others by newlines.
  const planted = account("Planted Mill");
  await putRaw(page, "accounts", planted.id, JSON.stringify(planted, null, 2));
  await open(page, "/accounts");
  for (const name of ["First Mill", "Second Mill", "Planted Mill"]) {
    await expect(page.getByRole("link", { name })).toBeVisible();
  }
  // …and the pack is written again from the store, one value per key this time.
  await expect.poll(() => packed(page, "accounts"), { timeout: 15000 }).toBe(3);
  const pack = await readPack(page, "accounts");
  expect(Array.isArray(pack[0]), "one value per key").toBe(true);
  expect(pack[0]).toContain(planted.id);

  // Read from that pack after a reload, with a change since laid over it.
  await rename(page, "Planted Mill", "Planted Works");
  for (const name of ["First Mill", "Second Mill", "Planted Works"]) {
    await expect(page.getByRole("link", { name })).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test("a kind read after the first screen's (people) falls back to record by record in the same start-up", async ({ page, errors }) => {
  const mill = account("People Mill");
  const rita = { ...meta(), account_id: mill.id, name: "Rita Packed" };
  await open(page, "/settings");
  await importBackup(page, makeBackup({ accounts: [mill], contacts: [rita] }), { mode: "Replace everything" });
  await expect.poll(() => packed(page, "contacts"), { timeout: 15000 }).toBe(1);

  // People are asked for once the first screen's kinds are read: their records, read one by
  // one because the pack no longer adds up, are asked for in that same transaction.
  const planted = { ...meta(), account_id: mill.id, name: "Pia Planted" };
  await putRaw(page, "contacts", planted.id, JSON.stringify(planted, null, 2));
  await open(page, "/contacts");
  for (const name of ["Rita Packed", "Pia Planted"]) {
    await expect(page.getByRole("link", { name })).toBeVisible();
  }
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect.poll(() => packed(page, "contacts"), { timeout: 15000 }).toBe(2);
  expect(errors).toEqual([]);
});

test("a pack in an older form (chunks of text, not bytes) is not used, and is written again", async ({ page, errors }) => {
  const mill = account("Older Mill");
  await open(page, "/settings");
  await importBackup(page, makeBackup({ accounts: [mill] }), { mode: "Replace everything" });
  await expect.poll(() => packed(page, "accounts"), { timeout: 15000 }).toBe(1);

  // The pack as an earlier version wrote it: its chunk a string, with a name the store does
  // not hold. Were it read, the app would show that name.
  const older = JSON.stringify({ ...mill, name: "Older Mill (from a text chunk)" });
  await putRaw(page, "packs", "accounts", [mill.id, [older], 512]);
  await open(page, "/accounts");
  await expect(page.getByRole("link", { name: "Older Mill", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Older Mill (from a text chunk)" })).toHaveCount(0);
  // …and the pack is written again from the store, its chunk as bytes.
  await expect
    .poll(async () => typeof (await readPack(page, "accounts"))[1][0], { timeout: 15000 })
    .toBe("object");
  const [keys, texts] = unpack(await readPack(page, "accounts"));
  expect(keys).toEqual([mill.id]);
  expect(JSON.parse(texts[0]).name).toBe("Older Mill");
  expect(errors).toEqual([]);
});
