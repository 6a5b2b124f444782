// Deleting a person: the confirmation says what is linked to them, the linked records stay
// without the link (no dangling names, no errors), and Undo brings the person back linked.
import { test, expect, open, unfold } from "./helpers.mjs";
import { makeBackup, meta, uuid, importBackup } from "./backup-file.mjs";

/// Nordic Pumps with Jānis Ozols and Ilze Kalniņa, both in a deal and in one call logged on
/// it, and Pēteris Zariņš, whom nothing links to.
function seed() {
  const accountId = uuid();
  const [janisId, ilzeId, peterisId, dealId] = [uuid(), uuid(), uuid(), uuid()];
  const person = (id, name) => ({ ...meta(id), account_id: accountId, name });
  const payload = {
    accounts: [{ ...meta(accountId), name: "Nordic Pumps" }],
    contacts: [person(janisId, "Jānis Ozols"), person(ilzeId, "Ilze Kalniņa"), person(peterisId, "Pēteris Zariņš")],
    deals: [
      {
        ...meta(dealId),
        account_id: accountId,
        title: "Pump upgrade",
        value: { minor: 100000, currency: "EUR" },
        step_entered_at: "2026-11-01T09:00:00Z",
        people: [
          { contact_id: janisId, roles: ["evaluator"] },
          { contact_id: ilzeId, roles: [] },
        ],
      },
    ],
    activities: [
      {
        ...meta(),
        kind: "phone_call",
        at: "2026-10-20T09:00:00Z",
        contact_ids: [janisId, ilzeId],
        account_id: accountId,
        deal_id: dealId,
        notes: "Pump trial call",
      },
    ],
  };
  return { text: makeBackup(payload), accountId, janisId, peterisId, dealId };
}

test("deleting a linked person shows the counts, unlinks the records, and Undo links them again", async ({
  page,
  errors,
}) => {
  const s = seed();
  await open(page, "/");
  await importBackup(page, s.text);

  // Someone nothing links to gets the plain question; keep them.
  await open(page, `/contacts/${s.peterisId}`);
  await page.getByRole("button", { name: "Delete person" }).click();
  const plain = page.getByRole("alertdialog", { name: "Delete person" });
  await expect(plain).toContainText("Delete Pēteris Zariņš for good? You can undo this right after.");
  await plain.getByRole("button", { name: "Keep it" }).click();
  await expect(plain).toHaveCount(0);

  await open(page, `/contacts/${s.janisId}`);
  await page.getByRole("button", { name: "Delete person" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete person" });
  await expect(dialog).toContainText(
    "Delete Jānis Ozols? They are linked to 1 deal, 1 activity. Those records stay and lose the link to them",
  );
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByText("Jānis Ozols was deleted.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/accounts/${s.accountId}$`));

  // The account's timeline: the call is there, with Ilze only.
  const call = page.getByRole("listitem").filter({ hasText: "Pump trial call" });
  await expect(call.getByRole("link", { name: "Ilze Kalniņa" })).toBeVisible();
  await expect(call.getByRole("link", { name: "Jānis Ozols" })).toHaveCount(0);
  await expect(call).not.toContainText("(person removed)");

  // The deal (reached in the app, so the Undo toast stays): Ilze only, no unknown person.
  await call.getByRole("link", { name: "Pump upgrade" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pump upgrade" })).toBeVisible();
  await unfold(page, "People involved");
  const people = page.getByRole("region", { name: "People involved" });
  await expect(people.getByRole("link", { name: "Ilze Kalniņa", exact: true })).toBeVisible();
  await expect(people.getByRole("link", { name: "Jānis Ozols", exact: true })).toHaveCount(0);
  await expect(page.getByText("Unknown person")).toHaveCount(0);

  // Undo from the toast: Jānis is back, in the deal again.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(people.getByRole("link", { name: "Jānis Ozols", exact: true })).toBeVisible();

  // After a reload too: the person, the deal and the call all name him again.
  await open(page, `/contacts/${s.janisId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Jānis Ozols" })).toBeVisible();
  await open(page, `/deals/${s.dealId}`);
  await unfold(page, "People involved");
  await expect(people.getByRole("link", { name: "Jānis Ozols", exact: true })).toBeVisible();
  await open(page, `/accounts/${s.accountId}`);
  await expect(call.getByRole("link", { name: "Jānis Ozols" })).toBeVisible();
  expect(errors).toEqual([]);
});
