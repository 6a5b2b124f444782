// A static file server that behaves like a static host set up for a single-page app: files
// from a folder, optionally under a sub-path; the app's page (index.html, status 200) for
// an address of the app (a path without a file extension), so deep links and reloads work;
// and `404.html` (a copy of index.html, status 404) for anything else, as a plain host
// that knows only `404.html` does. With `--gzip`, text and wasm are sent gzipped to a
// browser that accepts it, as a static host configured for it does.
//   node tools/serve.mjs [--dir dist] [--port 8080] [--host 127.0.0.1] [--base /] [--gzip]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a === "--gzip") acc.push(["gzip", true]);
    else if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1]]);
    return acc;
  }, []),
);
const root = resolve(args.dir ?? "dist");
const port = Number(args.port ?? 8080);
const host = args.host ?? "127.0.0.1";
const base = ("/" + (args.base ?? "/").replace(/^\/+|\/+$/g, "") + "/").replace("//", "/");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

// Compressed once per file (the files of a build do not change while it is served).
const zipped = new Map();
const compressible = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".svg", ".json", ".webmanifest", ".txt"]);

async function send(req, res, status, file) {
  let body = await readFile(file);
  const headers = {
    "content-type": types[extname(file)] ?? "application/octet-stream",
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
  };
  if (args.gzip && compressible.has(extname(file)) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    if (!zipped.has(file)) zipped.set(file, gzipSync(body, { level: 9 }));
    body = zipped.get(file);
    headers["content-encoding"] = "gzip";
    headers["vary"] = "accept-encoding";
  }
  res.writeHead(status, headers);
  res.end(body);
}

createServer(async (req, res) => {
  try {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path.startsWith(base) || path + "/" === base) {
      let rel = path.slice(base.length);
      if (rel === "" || rel.endsWith("/")) rel += "index.html";
      const file = normalize(join(root, rel));
      if (file.startsWith(root + sep)) {
        const s = await stat(file).catch(() => null);
        if (s?.isFile()) return await send(req, res, 200, file);
      }
      // An address of the app (no file extension: `/deals/…/proposal`) is its page, as a
      // host set up for a single-page app answers; a missing file stays a 404.
      const last = rel.split("/").pop();
      if (!last.includes(".")) return await send(req, res, 200, join(root, "index.html"));
    }
    const fallback = join(root, "404.html");
    if (await stat(fallback).catch(() => null)) return await send(req, res, 404, fallback);
    res.writeHead(404).end("Not found");
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
}).listen(port, host, () => {
  console.log(`Sixstep is served at http://${host}:${port}${base} (from ${root})`);
});
