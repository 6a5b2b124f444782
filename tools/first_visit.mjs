// The first visit's screen (see src/app/first_visit.rs): a copy, in each language, of what
// the app shows an empty book on the dashboard at the moment it takes the copy's place,
// written to public/first-visit/<language>.html for tools/post_build.py to put in the page.
//
//   node tools/first_visit.mjs        after `trunk build --release`; rebuild afterwards
//
// tests/e2e/first-visit.spec.mjs checks that each copy is still what the app shows, and
// says to run this when one is not.
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

// Each language the app speaks, with a browser locale that chooses it.
export const LANGUAGES = [
  ["en", "en-GB"],
  ["es", "es-ES"],
  ["hu", "hu-HU"],
  ["lv", "lv-LV"],
  ["zh-CN", "zh-CN"],
];

export const copyPath = (tag) => join(dirname(fileURLToPath(import.meta.url)), "..", "public", "first-visit", `${tag}.html`);

// Runs in the page before it starts (page.addInitScript): `window.__firstVisitCopy` is the
// copy of the app's screen taken when the sample book's panel first appears, which is in the
// same update that replaces the page's own copy, before it is painted.
export function watchForCopy() {
  // Attributes that name or point at other elements (the copy must not take the app's ids)
  // or make it focusable; the copy is inert and hidden from assistive technology anyway.
  const dropped = ["id", "for", "tabindex", "aria-labelledby", "aria-describedby", "aria-controls"];
  const clean = (node) => {
    for (const el of [node, ...node.querySelectorAll("*")]) {
      for (const name of dropped) el.removeAttribute(name);
    }
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_COMMENT);
    const comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    for (const c of comments) c.remove();
    return node;
  };
  const take = () => {
    const header = document.querySelector("body > header.topbar");
    const main = document.querySelector("body > main");
    const sample = main?.querySelector(".dashboard > .sample-book");
    if (!header || !sample) return null;
    const mainCopy = main.cloneNode(true);
    // The app's loading notice sits over the page (the start-up notice stands for it).
    for (const n of mainCopy.querySelectorAll(".loading-notice")) n.remove();
    // The dashboard's heading and first two cards: everything below comes with the app.
    const dash = mainCopy.querySelector(".dashboard");
    const keep = dash.querySelector(":scope > .sample-book");
    while (keep.nextSibling) keep.nextSibling.remove();
    return clean(header.cloneNode(true)).outerHTML + "\n" + clean(mainCopy).outerHTML + "\n";
  };
  window.__firstVisitCopy = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const copy = take();
      if (copy) {
        observer.disconnect();
        resolve(copy);
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

async function main() {
  const { spawn } = await import("node:child_process");
  const { writeFile } = await import("node:fs/promises");
  const { chromium } = await import("@playwright/test");
  const port = 4199;
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const server = spawn(process.execPath, [join(root, "tools", "serve.mjs"), "--dir", join(root, "dist"), "--port", String(port)], {
    stdio: "ignore",
  });
  try {
    await new Promise((r) => setTimeout(r, 500));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu"],
    });
    for (const [tag, locale] of LANGUAGES) {
      const context = await browser.newContext({ locale, colorScheme: "light", viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(watchForCopy);
      await page.goto(`http://127.0.0.1:${port}/`);
      const copy = await page.evaluate(() => window.__firstVisitCopy);
      await context.close();
      await writeFile(copyPath(tag), copy);
      console.log(`first_visit: ${copyPath(tag)} written (${copy.length} characters)`);
    }
    await browser.close();
    console.log("first_visit: rebuild to use them");
  } finally {
    server.kill();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
