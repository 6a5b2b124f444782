// End-to-end specs drive the release build (dist/) in Debian's headless Chromium.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: 2,
  // One retry: since the pages' code is split by area, two specs (locales: a statement in
  // the customer's language; catalogue: New product at 1280 px) fail now and then on this
  // 2-core machine (a page built after its chunk arrives sometimes stops reacting). A
  // spec that fails twice still fails the run; the cause is open (see the notes).
  retries: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    viewport: { width: 1280, height: 800 },
    // The browser's language decides the first visit's: English unless a spec says otherwise.
    locale: "en-GB",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node tools/serve.mjs --dir dist --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 20_000,
  },
});
