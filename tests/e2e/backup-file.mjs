// Builds Sixstep backup files for the specs: the same envelope and canonical checksum as
// src/store/backup.rs (SHA-256 over the payload serialised with sorted keys, compact).
import { createHash } from "node:crypto";

export function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/// A backup file's text for `payload` ({ kind: [records] }), with correct counts and
/// checksum unless `overrides` replaces envelope fields.
export function makeBackup(payload, overrides = {}) {
  const counts = Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, v.length]));
  const checksum = createHash("sha256").update(canonicalJson(payload)).digest("hex");
  const envelope = {
    format: "sixstep-backup",
    schema_version: 1,
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
  await page.getByLabel("Backup file to restore").setInputFiles({
    name,
    mimeType: "application/json",
    buffer: Buffer.from(text),
  });
  await page.getByRole("radio", { name: mode }).check();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText(`Imported ${name}`)).toBeVisible();
}
