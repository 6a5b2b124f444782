// Lighthouse's mobile performance score of the first visit: the release build served gzipped
// by the same static server the specs use (`tools/serve.mjs --gzip`), audited in Debian's
// Chromium with Lighthouse's default (mobile) settings: a mid-range phone's CPU and a slow
// 4G network, simulated. Each run starts from empty storage, as a first visit does.
//
//   node tests/bench/lighthouse.mjs [runs]     (or called by tests/bench/run.mjs)
import { spawn } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/// The metrics Lighthouse scores, by audit id, as printed.
const METRICS = [
  ["first-contentful-paint", "fcp"],
  ["largest-contentful-paint", "lcp"],
  ["total-blocking-time", "tbt"],
  ["speed-index", "speed_index"],
  ["cumulative-layout-shift", "cls"],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

/// Audits `runs` first visits; returns the median score (0–100) and metrics, by name.
export async function measureLighthouse({ runs = 3, port = 4181 } = {}) {
  const server = spawn(process.execPath, [join(root, "tools/serve.mjs"), "--dir", join(root, "dist"), "--port", String(port), "--gzip"], {
    stdio: "ignore",
  });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const url = `http://127.0.0.1:${port}/`;
    await waitFor(url);
    const results = [];
    for (let i = 0; i < runs; i++) {
      const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ["performance"], output: "json", logLevel: "error" });
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      results.push(lhr);
    }
    const out = { lighthouse_mobile_performance: median(results.map((r) => Math.round(r.categories.performance.score * 100))) };
    for (const [audit, name] of METRICS) out[`lighthouse_${name}`] = median(results.map((r) => r.audits[audit].numericValue));
    out.runs = results.map((r) => Math.round(r.categories.performance.score * 100));
    return out;
  } finally {
    await chrome.kill();
    server.kill();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await measureLighthouse({ runs: Number(process.argv[2] ?? 3) });
  console.log(JSON.stringify(out, null, 2));
}
