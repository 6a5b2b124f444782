// Interface figures on the five-year book: global-search latency per keystroke (no
// debounce), the render of the deal board, and the dashboard's computation and render.

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (t) => (t < 10 ? t.toFixed(1) : String(Math.round(t)));

/// Time from a click, as the page receives it, to the last change of the page once it has
/// been quiet for `quietMs`. (Measured from the driver's command instead, the figure would
/// include the driver's own checks before it clicks, two animation frames and more.)
async function renderTime(page, click, quietMs = 400) {
  await page.evaluate(() => {
    window.__lastMut = performance.now();
    window.__clickAt = undefined;
    window.__mo?.disconnect();
    window.__mo = new MutationObserver(() => {
      window.__lastMut = performance.now();
    });
    window.__mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    document.addEventListener("click", () => (window.__clickAt ??= performance.now()), { capture: true, once: true });
  });
  await click();
  await page.waitForFunction((q) => performance.now() - window.__lastMut > q, quietMs, { polling: 50, timeout: 120_000 });
  const [t0, t1] = await page.evaluate(() => [window.__clickAt, window.__lastMut]);
  await page.evaluate(() => window.__mo?.disconnect());
  return t1 - t0;
}

export async function measureUi(page, book, print) {
  // Search: type real names and e-mail fragments one key at a time.
  const contacts = book.payload.contacts ?? [];
  const pick = (i) => contacts[Math.floor((i * contacts.length) / 4)] ?? contacts[0];
  const queries = [pick(1)?.name, pick(2)?.emails?.[0]?.split("@")[0], pick(3)?.name?.split(" ")[1], "zzz"]
    .filter(Boolean)
    .map((q) => q.slice(0, 10));
  await page.keyboard.press("Control+k");
  await page.getByRole("combobox", { name: "Search accounts, people, deals, products and more" }).waitFor();
  const times = await page.evaluate(async (qs) => {
    const input = document.getElementById("global-search");
    const dialog = input.closest('[role="dialog"]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    const out = [];
    for (const q of qs) {
      for (let i = 1; i <= q.length; i++) {
        const changed = new Promise((resolve) => {
          const mo = new MutationObserver(() => {
            mo.disconnect();
            resolve(performance.now());
          });
          mo.observe(dialog, { childList: true, subtree: true, characterData: true, attributes: true });
          setTimeout(() => {
            mo.disconnect();
            resolve(null);
          }, 200);
        });
        const t0 = performance.now();
        setter.call(input, q.slice(0, i));
        input.dispatchEvent(new Event("input", { bubbles: true }));
        const t1 = await changed;
        if (t1 !== null) out.push(t1 - t0);
      }
      setter.call(input, "");
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((r) => setTimeout(r, 50));
    }
    return out;
  }, queries);
  await page.keyboard.press("Escape");
  if (times.length) {
    print("search_keystroke_median", ms(median(times)), `ms (${times.length} keystrokes, no debounce)`);
    print("search_keystroke_p95", ms(p95(times)), "ms");
  }

  // The deal board with every open deal of the book. The first visit also fetches and
  // compiles the deals chunk (src/app/routes.rs); the render figures are the second visits.
  const nav = page.getByRole("navigation", { name: "Main" });
  const deals = () => nav.getByRole("link", { name: "Deals", exact: true }).click();
  const dashboard = () => nav.getByRole("link", { name: "Dashboard", exact: true }).click();
  const firstOpen = await renderTime(page, deals);
  await renderTime(page, dashboard);
  const board = await renderTime(page, deals);
  const n = (book.payload.deals ?? []).length;
  print("board_first_open", ms(firstOpen), `ms (${n} deals; includes fetching and compiling the deals chunk)`);
  print("board_render", ms(board), `ms (${n} deals in the book, chunk loaded; click in the page → last change)`);

  // The dashboard: pipeline per step, attention lists, stuck deals, month results.
  const dash = await renderTime(page, dashboard);
  print("dashboard_render", ms(dash), "ms (computation and render; click in the page → last change)");
}
