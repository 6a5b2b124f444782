import { test, expect, open } from "./helpers.mjs";
import { importBackup, makeBackup, meta } from "./backup-file.mjs";

const pad = (n) => String(n).padStart(2, "0");
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const daysAgo = (n) => iso(new Date(Date.now() - n * 86_400_000));
const harbour = { ...meta(), name: "Harbour Foods", grade: "a" };
const deal = {
  ...meta(), account_id: harbour.id, title: "Cold store line",
  value: { minor: 5_440_000, currency: "EUR" }, step: "follow_up_service",
  step_entered_at: new Date().toISOString(), outcome: { won: { at: daysAgo(210), paid_on: null } },
};
const inv = (number, issued, due, minor, payments = [], extra = {}) => ({
  ...meta(), deal_id: deal.id, account_id: harbour.id, number, issued_on: daysAgo(issued), due_on: daysAgo(due),
  amount: { minor, currency: "EUR" }, payments, late_cause: null, collection: [], note: "", ...extra,
});
const SEED = makeBackup({
  accounts: [harbour],
  deals: [deal],
  invoices: [
    inv("INV-2026-001", 200, 170, 5_000_000, [{ id: meta().id, on: daysAgo(100), amount_minor: 1_000_000, note: "Part" }], { late_cause: "unwilling_to_pay", collection: [{ id: meta().id, on: daysAgo(150), action: "rep_visits", note: "Visited" }] }),
    inv("INV-2026-002", 50, 40, 300_000),
    inv("INV-2026-003", 20, -10, 140_000),
  ],
  settings: { collection_large_units: 10000, collection_long_days: 30 },
});

test("screens", async ({ page }) => {
  await open(page, "/");
  await importBackup(page, SEED, { name: "shots.json" });
  const shots = [
    ["followup", `/deals/${deal.id}/followup`],
    ["receivables", "/receivables"],
    ["dashboard", "/"],
    ["account", `/accounts/${harbour.id}`],
    ["statement", `/receivables/statement/${harbour.id}`],
    ["deal", `/deals/${deal.id}`],
  ];
  for (const [name, path] of shots) {
    for (const w of [360, 1280]) {
      await page.setViewportSize({ width: w, height: 900 });
      await open(page, path);
      await page.waitForTimeout(300);
      if (name === "dashboard") await page.getByRole("region", { name: "Overdue receivables" }).scrollIntoViewIfNeeded();
      if (name === "account") await page.getByRole("region", { name: "Credit checks" }).scrollIntoViewIfNeeded();
      const target = name === "dashboard" ? page.getByRole("region", { name: "Overdue receivables" })
        : name === "account" ? page.getByRole("region", { name: "Credit checks" })
        : name === "followup" ? page.getByRole("region", { name: "Invoices and payments" }) : page;
      if (target === page) await page.screenshot({ path: `/tmp/shots-recv/${name}-${w}.png`, fullPage: true });
      else await target.screenshot({ path: `/tmp/shots-recv/${name}-${w}.png` });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, "/settings");
  await page.getByRole("region", { name: "Collection" }).screenshot({ path: "/tmp/shots-recv/settings-1280.png" });
});
