// End-to-end specs drive the release build (dist/) in Debian's headless Chromium.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: 2,
  // One retry, for what this 2-core machine does now and then under two workers. A spec
  // that fails twice still fails the run. Specs wait for a save to be visibly done (its
  // form closed, its row listed) before they navigate or type the next one: a button that
  // is visible while its form is open proves nothing, and a reload cuts a save in flight.
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
