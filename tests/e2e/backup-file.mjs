// Builds Sixstep backup files for the specs: the same envelope and canonical checksum as
// src/store/backup.rs (SHA-256 over the payload serialised with sorted keys, compact).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/// A backup file's text for `payload` ({ kind: [records], settings?: {…} }), with correct
/// counts (records only) and checksum unless `overrides` replaces envelope fields.
export function makeBackup(payload, overrides = {}) {
  const counts = Object.fromEntries(
    Object.entries(payload)
      .filter(([k, v]) => k !== "settings" && Array.isArray(v))
      .map(([k, v]) => [k, v.length]),
  );
  const checksum = createHash("sha256").update(canonicalJson(payload)).digest("hex");
  const envelope = {
    format: "sixstep-backup",
    schema_version: 8,
    app_version: "0.1.0",
    exported_at: "2026-11-01T10:00:00Z",
    counts,
    checksum: { algorithm: "SHA-256", value: checksum },
    payload,
    ...overrides,
  };
  return JSON.stringify(envelope, null, 1);
}

let n = 0;
/// A fresh, valid UUID (v4 shape) for test records.
export function uuid() {
  n += 1;
  const hex = (Date.now().toString(16) + n.toString(16).padStart(8, "0")).slice(-12).padStart(12, "0");
  const rand = createHash("sha1").update(`${process.pid}-${n}-${Math.random()}`).digest("hex");
  return `${rand.slice(0, 8)}-${rand.slice(8, 12)}-4${rand.slice(13, 16)}-8${rand.slice(17, 20)}-${hex}`;
}

/// Bookkeeping fields for a new record.
export function meta(id = uuid(), at = "2026-11-01T09:00:00Z") {
  return { id, created_at: at, updated_at: at, rev: 1 };
}

/// Imports a backup text through Settings → Data (merge by default) and waits for the
/// confirmation. `page` must already show the app.
export async function importBackup(page, text, { mode = "Merge with my records", name = "seed.json" } = {}) {
  const { expect } = await import("@playwright/test");
  await page.goto("/settings");
  await ready(page);
  await expect(page.getByRole("button", { name: "Export backup" })).toBeEnabled();
  await page.getByLabel("Backup file to restore").setInputFiles({
    name,
    mimeType: "application/json",
    buffer: Buffer.from(text),
  });
  await page.getByRole("radio", { name: mode }).check();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText(`Imported ${name}`)).toBeVisible();
}

// ---------------------------------------------------------------------------------------
// Reading the Data panel and exporting, by role and label only.

/// The current schema's fixture (real record types and work settings) as text, and its
/// envelope parsed.
export const FIXTURE_TEXT = readFileSync(
  fileURLToPath(new URL("../fixtures/schema_v7.json", import.meta.url)),
  "utf8",
);
/// The schema 1 fixture: the same records, no settings.
export const FIXTURE_V1_TEXT = readFileSync(
  fileURLToPath(new URL("../fixtures/schema_v1.json", import.meta.url)),
  "utf8",
);
export const FIXTURE = JSON.parse(FIXTURE_TEXT);

/// The label of each kind's row in Settings → Data.
export const KIND_LABELS = {
  accounts: "Accounts",
  contacts: "People",
  competitors: "Competitors",
  intel_notes: "Market intel notes",
  deals: "Deals",
  activities: "Activities",
  tasks: "Tasks",
  products: "Products",
  proposals: "Proposal versions",
  negotiations: "Negotiations",
  followups: "Follow-ups",
  invoices: "Invoices",
  credit_checks: "Credit checks",
  complaints: "Complaints and suggestions",
  referrals: "Referral asks",
  partners: "Partners",
  declined_requests: "Declined requests",
  exercise_answers: "Exercise answers",
  sample_books: "Sample book",
};

/// Counts of every kind, all zero unless given.
export function countsOf(partial = {}) {
  return Object.fromEntries(Object.keys(KIND_LABELS).map((k) => [k, partial[k] ?? 0]));
}

/// Waits until the records are loaded (the loading status is gone, the counts shown).
export async function ready(page) {
  const { expect } = await import("@playwright/test");
  // The app is mounted (its heading is there, so the loading notice is too while it loads)…
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // …and the records are in.
  await expect(page.getByRole("status").filter({ hasText: "Loading your records" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Records stored in this browser" })).toBeVisible();
}

/// Every count in Settings → Data, by kind.
export async function readCounts(page) {
  const table = page.getByRole("table", { name: "Records stored in this browser" });
  const out = {};
  for (const [kind, label] of Object.entries(KIND_LABELS)) {
    const row = table
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
    out[kind] = Number((await row.getByRole("cell").innerText()).replace(/\D/g, ""));
  }
  return out;
}

/// Clicks "Export backup", captures the download and waits for the verified toast.
/// Returns the file's name and text.
export async function exportBackup(page) {
  const { expect } = await import("@playwright/test");
  const { readFile } = await import("node:fs/promises");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export backup" }).click();
  const d = await download;
  const text = await readFile(await d.path(), "utf8");
  await expect(page.getByRole("status").filter({ hasText: "Backup saved and verified" }).last()).toBeVisible();
  return { name: d.suggestedFilename(), text };
}

/// The payload part of an exported file, byte for byte (everything from `"payload":`).
export function payloadText(text) {
  const at = text.indexOf('\n"payload": ');
  if (at < 0) throw new Error("no payload in export");
  return text.slice(at);
}

/// Deep copy of the fixture payload, for making defective files.
export function fixturePayload() {
  return structuredClone(FIXTURE.payload);
}
