// Five languages end to end: every page in each locale with no missing key and no English
// left in the navigation and page titles; money and a date on the dashboard exactly as the
// browser's Intl writes them for the locale; Latvian's three plural forms picked by the
// browser's plural rules; a Hungarian browser's first visit in Hungarian; English at once,
// with a notice, when a catalogue cannot be fetched. Elements are found by role and name.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test, expect, open, nav } from "./helpers.mjs";
import { importBackup, makeBackup, meta } from "./backup-file.mjs";

const LOCALES = ["en", "es", "zh-CN", "lv", "hu"];
const INTL = { en: "en-GB", es: "es", "zh-CN": "zh-CN", lv: "lv", hu: "hu" };

/// A locale's catalogue, read from its source folder.
function catalogue(tag) {
  const dir = fileURLToPath(new URL(`../../src/i18n/${tag}/`, import.meta.url));
  const out = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
    for (const raw of readFileSync(dir + file, "utf8").split("\n")) {
      const line = raw.trim();
      if (!line || line.startsWith("#")) continue;
      const at = line.indexOf("=");
      out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return out;
}
const CATS = Object.fromEntries(LOCALES.map((t) => [t, catalogue(t)]));

const ROUTES = [
  ["/", "nav.dashboard"],
  ["/accounts", "nav.accounts"],
  ["/contacts", "nav.contacts"],
  ["/deals", "nav.deals"],
  ["/catalogue", "nav.catalogue"],
  ["/planning", "nav.planning"],
  ["/service", "nav.service"],
  ["/receivables", "nav.receivables"],
  ["/training", "nav.training"],
  ["/settings", "nav.settings"],
];
const MORE = [
  "/training/progress",
  "/training/exercises/style",
  "/training/guide/customer_analysis",
  "/competitors",
  "/intel",
  "/service/declined",
  "/service/declined/new",
  "/service/partners",
];

async function useLocale(page, tag) {
  await page.addInitScript((t) => localStorage.setItem("sixstep.locale", JSON.stringify(t)), tag);
}

/// Catalogue keys shown as text: what the app shows for a key it cannot find.
async function missingKeys(page) {
  const text = await page.locator("body").innerText();
  const tokens = text.match(/[a-z][a-z0-9_]*(\.[a-z0-9_]+)+/g) ?? [];
  return tokens.filter((t) => t in CATS.en);
}

/// English texts the locale writes differently: none of them may show in its titles and menu.
function englishOnly(tag) {
  const cat = CATS[tag];
  return new Set(Object.keys(CATS.en).filter((k) => cat[k] !== undefined && cat[k] !== CATS.en[k]).map((k) => CATS.en[k]));
}

for (const tag of LOCALES) {
  test(`every page in ${tag}: no missing key, navigation and titles in the language`, async ({ page, errors }) => {
    test.setTimeout(90_000);
    await useLocale(page, tag);
    const cat = CATS[tag];
    const english = tag === "en" ? new Set() : englishOnly(tag);
    for (const [path, key] of ROUTES) {
      await open(page, path);
      await expect(page.locator("html")).toHaveAttribute("lang", tag);
      const links = (await nav(page)).getByRole("link");
      for (const [, navKey] of ROUTES) {
        await expect(links.filter({ hasText: cat[navKey] }).first(), `${tag} ${navKey}`).toBeVisible();
      }
      for (const name of await links.allInnerTexts()) {
        expect(english.has(name.trim()), `${tag}: English menu entry «${name}»`).toBe(false);
      }
      const h1 = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
      expect(h1).not.toBe("");
      expect(english.has(h1), `${tag} ${path}: English title «${h1}»`).toBe(false);
      const h2s = await page.getByRole("heading", { level: 2 }).allInnerTexts();
      for (const h of h2s) expect(english.has(h.trim()), `${tag} ${path}: English heading «${h}»`).toBe(false);
      expect(await missingKeys(page), `${tag} ${path}`).toEqual([]);
      // The menu entry of the page is the language's.
      expect(cat[key]).toBeTruthy();
    }
    for (const path of MORE) {
      await open(page, path);
      expect(await missingKeys(page), `${tag} ${path}`).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
}

test("English titles differ from every other language's", async () => {
  for (const [, key] of ROUTES) {
    for (const tag of LOCALES.filter((t) => t !== "en")) {
      expect(CATS[tag][key], `${tag} ${key}`).not.toBe(CATS.en[key]);
      expect(CATS[tag][key]).toBeTruthy();
    }
  }
});

/// An amount in euros as the browser's Intl writes it for `intl` (the app's options).
function intlEur(page, intl, amount) {
  return page.evaluate(
    ([tag, value]) =>
      new Intl.NumberFormat(tag, {
        style: "currency",
        currency: "EUR",
        currencyDisplay: "narrowSymbol",
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }).format(value),
    [intl, amount],
  );
}

// One open deal of €12,500.50 whose next step was due on 23 November 2026.
const account = { ...meta(), name: "Riga Print House", grade: "a" };
const DEAL = {
  ...meta(),
  account_id: account.id,
  title: "Folding line",
  value: { minor: 1_250_050, currency: "EUR" },
  step: "customer_analysis",
  step_entered_at: "2026-11-20T09:00:00Z",
  next_step: { text: "Call the buyer", due: "2026-11-23" },
};

for (const tag of LOCALES) {
  test(`the dashboard's money and date in ${tag} are what Intl writes`, async ({ page, errors }) => {
    await open(page, "/");
    await importBackup(page, makeBackup({ accounts: [account], deals: [DEAL] }), { name: `intl-${tag}.json` });
    await page.evaluate((t) => localStorage.setItem("sixstep.locale", JSON.stringify(t)), tag);
    await open(page, "/");
    await expect(page.locator("html")).toHaveAttribute("lang", tag);
    const money = await intlEur(page, INTL[tag], 12500.5);
    const date = await page.evaluate(
      (intl) =>
        new Intl.DateTimeFormat(intl, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
          Date.UTC(2026, 10, 23),
        ),
      INTL[tag],
    );
    await expect(page.getByRole("main").getByText(money).first()).toBeVisible();
    await expect(page.getByRole("main").getByText(date).first()).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test("Latvian counts 0, 1, 2 and 21 with the forms its plural rules pick", async ({ page, errors }) => {
  const nordic = { ...meta(), name: "Nordic Dairy", grade: "a" };
  const now = Date.now();
  const complaint = (what, minutes) => ({
    ...meta(),
    account_id: nordic.id,
    kind: "complaint",
    what,
    anxiety: 3,
    fault_size: 3,
    opened_at: new Date(now - minutes * 60_000).toISOString(),
  });
  const HOURS = [0, 1, 2, 21];
  const DAYS = [2, 21, 30];
  const complaints = [
    ...HOURS.map((h) => complaint(`Hours ${h}`, h * 60 + 5)),
    ...DAYS.map((d) => complaint(`Days ${d}`, d * 24 * 60 + 5)),
  ];
  await open(page, "/");
  await importBackup(page, makeBackup({ accounts: [nordic], complaints }), { name: "lv-plurals.json" });
  await page.evaluate(() => localStorage.setItem("sixstep.locale", JSON.stringify("lv")));
  await open(page, "/service");
  await expect(page.locator("html")).toHaveAttribute("lang", "lv");
  const lv = CATS.lv;
  const rules = new Intl.PluralRules("lv");
  const form = (base, n) => {
    const cat = rules.select(n);
    const key = cat === "other" ? base : `${base}.${cat}`;
    expect(lv[key], key).toBeTruthy();
    return lv[key].replace("{count}", String(n));
  };
  // 0 → zero, 1 → one, 2 → other, 21 → one; 30 → zero.
  expect([0, 1, 2, 21, 30].map((n) => rules.select(n))).toEqual(["zero", "one", "other", "one", "zero"]);
  const items = page.getByRole("listitem");
  for (const h of HOURS) {
    await expect(items.filter({ hasText: new RegExp(`Hours ${h}(?!\\d)`) }).first()).toContainText(form("complaint.age.hours", h));
  }
  for (const d of DAYS) {
    await expect(items.filter({ hasText: new RegExp(`Days ${d}(?!\\d)`) }).first()).toContainText(form("complaint.age.days", d));
  }
  expect(errors).toEqual([]);
});

test.describe("a Hungarian browser", () => {
  test.use({ locale: "hu-HU" });
  test("opens in Hungarian on the first visit, and the choice in Settings wins from then on", async ({ page, errors }) => {
    const hu = CATS.hu;
    await open(page, "/");
    await expect(page.locator("html")).toHaveAttribute("lang", "hu");
    await expect((await nav(page)).getByRole("link", { name: hu["nav.deals"], exact: true })).toBeVisible();
    await open(page, "/settings");
    await page.getByLabel(hu["settings.language"], { exact: true }).selectOption({ label: "English" });
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(errors).toEqual([]);
  });
});

test("a catalogue that cannot be fetched: English at once, and a notice saying so", async ({ page }) => {
  await useLocale(page, "lv");
  await page.route("**/i18n/lv-*.txt", (route) => route.abort());
  await open(page, "/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByText("The Latviešu texts could not be loaded, so Sixstep is shown in English.")).toBeVisible();
});

test("a language's texts come in two parts: the first screen's before the app starts, the other pages' after the first screen", async ({
  page,
  errors,
}) => {
  await useLocale(page, "lv");
  const fetched = [];
  page.on("request", (r) => {
    const m = /\/i18n\/(lv(-later)?)-[0-9a-f]{16}\.txt$/.exec(new URL(r.url()).pathname);
    if (m) fetched.push(m[1]);
  });
  // The other pages' texts are held back: the dashboard is whole, in Latvian, without them.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/\/i18n\/lv-later-[0-9a-f]{16}\.txt$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: CATS.lv["nav.dashboard"] })).toBeVisible();
  await expect(page.getByRole("heading", { name: CATS.lv["sample.title"] })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "lv");
  expect(await missingKeys(page)).toEqual([]);
  await expect.poll(() => fetched).toContain("lv-later");
  expect(fetched[0]).toBe("lv");
  // The dashboard's cards of the later kinds wait for them too, rather than show English.
  await page.waitForTimeout(300);
  await expect(page.getByRole("heading", { name: CATS.en["followup.dash.title"] })).toHaveCount(0);

  // A page waits for them, then opens in Latvian.
  await (await nav(page)).getByRole("link", { name: CATS.lv["nav.training"], exact: true }).click();
  await page.waitForTimeout(300);
  await expect(page.getByRole("list", { name: CATS.lv["training.home.topics"] })).toHaveCount(0);
  release();
  await expect(page.getByRole("heading", { level: 1, name: CATS.lv["nav.training"] })).toBeVisible();
  await expect(page.getByRole("list", { name: CATS.lv["training.home.topics"] })).toBeVisible();
  expect(await missingKeys(page)).toEqual([]);
  // Asked for by the page and by the dashboard's cards at once: fetched once.
  expect(fetched.filter((f) => f === "lv-later")).toHaveLength(1);
  await (await nav(page)).getByRole("link", { name: CATS.lv["nav.dashboard"], exact: true }).click();
  await expect(page.getByRole("heading", { name: CATS.lv["followup.dash.title"] })).toBeVisible();
  expect(errors).toEqual([]);
});

test("when the other pages' texts cannot be fetched, a page says it could not be opened, and a reload recovers", async ({ page }) => {
  await useLocale(page, "lv");
  const later = /\/i18n\/lv-later-[0-9a-f]{16}\.txt$/;
  await page.route(later, (route) => route.abort("internetdisconnected"));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: CATS.lv["nav.dashboard"] })).toBeVisible();
  await (await nav(page)).getByRole("link", { name: CATS.lv["nav.training"], exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: CATS.lv["page.load_failed.title"] })).toBeVisible();
  await page.unroute(later);
  await page.reload();
  await expect(page.getByRole("list", { name: CATS.lv["training.home.topics"] })).toBeVisible();
});

for (const [tag, names] of [
  ["lv", ["Žagars", "Zariņš", "Čakste", "Cīrulis", "Dzenis", "Ābols", "Bērziņš", "Ķepe", "Kalns", "Ozols"]],
  ["hu", ["Zsolt", "Zoltán", "Csonka", "Cukor", "Gyurcsány", "Gáspár", "Szabó", "Sütő", "Ödön", "Oláh", "Dzsida", "Dávid"]],
  // By pinyin: chén, huáng, lǐ, liú, wáng, yáng, zhāng, zhào.
  ["zh-CN", ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强"]],
]) {
  test(`accounts and people are in ${tag}'s alphabetical order, as Intl.Collator orders them`, async ({ page, errors }) => {
    const accounts = names.map((name) => ({ ...meta(), name: `${name} SIA` }));
    const people = names.map((name, i) => ({ ...meta(), account_id: accounts[i].id, name }));
    await open(page, "/");
    await importBackup(page, makeBackup({ accounts, contacts: people }), { name: `order-${tag}.json` });
    await page.evaluate((t) => localStorage.setItem("sixstep.locale", JSON.stringify(t)), tag);
    const expected = await page.evaluate(
      ([t, list]) => [...list].sort(new Intl.Collator(t).compare),
      [tag, names],
    );
    expect(expected).not.toEqual([...names].sort());
    await open(page, "/contacts");
    await expect(page.getByRole("main").getByRole("link", { name: names[0], exact: true })).toBeVisible();
    const shownPeople = (await page.getByRole("main").getByRole("link").allInnerTexts())
      .map((t) => t.trim())
      .filter((t) => names.includes(t));
    expect(shownPeople).toEqual(expected);
    await open(page, "/accounts");
    await expect(page.getByRole("main").getByRole("link", { name: `${names[0]} SIA`, exact: true })).toBeVisible();
    const shownAccounts = (await page.getByRole("main").getByRole("link").allInnerTexts())
      .map((t) => t.trim().replace(/ SIA$/, ""))
      .filter((t) => names.includes(t));
    expect(shownAccounts).toEqual(expected);
    expect(errors).toEqual([]);
  });
}

test("a customer's documents are in the language chosen for the customer, the app around them in the app's", async ({ page, errors }) => {
  const acc = { ...meta(), name: "Danube Castings", grade: "a" };
  const deal = {
    ...meta(),
    account_id: acc.id,
    title: "Die-cooling flow control",
    value: { minor: 9_600_000, currency: "EUR" },
    step: "follow_up_service",
    step_entered_at: "2026-11-01T09:00:00Z",
    outcome: { won: { at: "2026-11-01", paid_on: null } },
  };
  const invoice = {
    ...meta(),
    account_id: acc.id,
    deal_id: deal.id,
    number: "INV-7",
    amount: { currency: "EUR", minor: 1_250_050 },
    issued_on: "2026-11-02",
    due_on: "2026-11-23",
    payments: [],
    collection: [],
    note: "",
  };
  await open(page, "/");
  await importBackup(page, makeBackup({ accounts: [acc], deals: [deal], invoices: [invoice] }), { name: "doc-language.json" });
  const statementTitle = (cat) => cat["receivable.statement.title"].replace("{account}", "Danube Castings");

  // Chosen on the account's form: Hungarian.
  await open(page, `/accounts/${acc.id}`);
  await page.getByRole("button", { name: "Edit account" }).click();
  const choice = page.getByLabel("Language of documents");
  await expect(choice).toHaveValue("");
  await choice.selectOption({ label: "Magyar" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("button", { name: "Edit account" })).toBeEnabled();

  await open(page, `/receivables/statement/${acc.id}`);
  await expect(page.getByRole("heading", { level: 1, name: statementTitle(CATS.hu) })).toBeVisible();
  const money = await intlEur(page, "hu", 12500.5);
  await expect(page.getByRole("main").getByText(money).first()).toBeVisible();
  await expect(page.getByRole("main").locator('[lang="hu"]')).toHaveCount(1);
  // The app itself stays English: its language, its menu, the page's own buttons.
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect((await nav(page)).getByRole("link", { name: "Receivables", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: CATS.en["receivable.statement.print"], exact: true })).toBeVisible();
  expect(await missingKeys(page)).toEqual([]);

  // Kept by a reload; back to the app's language when the choice is cleared.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: statementTitle(CATS.hu) })).toBeVisible();
  await open(page, `/accounts/${acc.id}`);
  await page.getByRole("button", { name: "Edit account" }).click();
  await expect(page.getByLabel("Language of documents")).toHaveValue("hu");
  await page.getByLabel("Language of documents").selectOption({ label: CATS.en["account.language.same"] });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("button", { name: "Edit account" })).toBeEnabled();
  await open(page, `/receivables/statement/${acc.id}`);
  await expect(page.getByRole("heading", { level: 1, name: statementTitle(CATS.en) })).toBeVisible();
  expect(errors).toEqual([]);
});
