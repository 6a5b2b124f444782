// A static file server that behaves like a plain static host: files from a folder,
// optionally under a sub-path, and `404.html` (a copy of index.html) for any other
// address so deep links and reloads work.
//   node tools/serve.mjs [--dir dist] [--port 8080] [--host 127.0.0.1] [--base /]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1]]);
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

async function send(res, status, file) {
  const body = await readFile(file);
  res.writeHead(status, {
    "content-type": types[extname(file)] ?? "application/octet-stream",
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
  });
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
        if (s?.isFile()) return await send(res, 200, file);
      }
    }
    const fallback = join(root, "404.html");
    if (await stat(fallback).catch(() => null)) return await send(res, 404, fallback);
    res.writeHead(404).end("Not found");
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
}).listen(port, host, () => {
  console.log(`Sixstep is served at http://${host}:${port}${base} (from ${root})`);
});
