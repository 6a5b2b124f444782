// Prints the gzip size of what the page downloads:
// - first_route_download_gzip: what the first screen needs (html, start-up script, styles,
//   icon, the main wasm module and its glue; tools/build_wasm.py);
// - whole_app_download_gzip: that plus every area's chunks, fetched when a page of the
//   area is first opened;
// - start_up_rest_download_gzip: what start-up fetches once the first screen is painted (the
//   readers of the kinds the dashboard does not show, `sixstep_book`, and the chunks it
//   shares with areas, in one pack; the split build's loader lists who uses each chunk);
// and of each language's catalogue (i18n/: one is fetched only when that language is chosen).
//   node tools/size.mjs [dist]
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const kb = (n) => (n / 1024).toFixed(1);

function* files(folder) {
  for (const name of readdirSync(folder).sort()) {
    const p = join(folder, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

// A split-off chunk: loaded on navigation, not at start-up.
const isChunk = (rel) => /(^|\/)(split_[^/]*|pack_[^/]*|chunk_\d+)\.wasm$/.test(rel);

let firstRaw = 0;
let first = 0;
let chunks = 0;
let chunkCount = 0;
let largest = 0;
let largestFirst = 0;
const languages = new Map();
const catalogues = [];
for (const p of files(dir)) {
  const rel = relative(dir, p).split("\\").join("/");
  if (rel === "404.html") continue;
  const bytes = readFileSync(p);
  const z = gzipSync(bytes, { level: 9 }).length;
  if (rel.startsWith("i18n/")) {
    // A language's two files: its first screen's texts and the other pages'.
    const [, tag, later] = /^i18n\/(.+?)-(later-)?[0-9a-f]{16}\.txt$/.exec(rel) ?? [, rel, ""];
    const sum = (languages.get(tag) ?? 0) + z;
    languages.set(tag, sum);
    largest = Math.max(largest, sum);
    if (!later) largestFirst = Math.max(largestFirst, z);
    catalogues.push(`  ${rel}: ${kb(bytes.length)} KB, gzip ${kb(z)} KB`);
  } else if (isChunk(rel)) {
    chunks += z;
    chunkCount += 1;
  } else {
    firstRaw += bytes.length;
    first += z;
    console.log(`  ${rel}: ${kb(bytes.length)} KB, gzip ${kb(z)} KB`);
  }
}
console.log(`  ${chunkCount} area chunks: gzip ${kb(chunks)} KB`);
console.log(`first_route_download_gzip: ${kb(first)} KB`);
console.log(`whole_app_download_gzip: ${kb(first + chunks)} KB`);
console.log(`first_route_download_raw: ${kb(firstRaw)} KB`);

// The chunks each split module needs, from the unminified loader of the last build.
const loader = fileURLToPath(new URL("../target/wasm-split/release/split/__wasm_split.js", import.meta.url));
if (existsSync(loader)) {
  const users = new Map();
  for (const m of readFileSync(loader, "utf8").matchAll(/\/\* ([\w, ]+) \*\/\s*const __chunk_(\d+)/g))
    users.set(`chunk_${m[2]}.wasm`, m[1].split(", "));
  const pkg = readdirSync(dir).find((n) => n.startsWith("pkg-"));
  // A module's chunks, or the pack that holds them (tools/build_wasm.py).
  const needs = (module) =>
    [`split_${module}.wasm`, `pack_${module}.wasm`, ...[...users].filter(([, u]) => u.includes(module)).map(([f]) => f)].filter(
      (f) => existsSync(join(dir, pkg, f)),
    );
  const gz = (files) => files.reduce((n, f) => n + gzipSync(readFileSync(join(dir, pkg, f)), { level: 9 }).length, 0);
  if (pkg && existsSync(join(dir, pkg, "split_sixstep_book.wasm"))) {
    const files = needs("sixstep_book");
    console.log(`start_up_rest_download_gzip: ${kb(gz(files))} KB (${files.length} files)`);
  }
}
for (const line of catalogues) console.log(line);
console.log(`catalogue_download_gzip_largest: ${kb(largest)} KB`);
console.log(`catalogue_first_download_gzip_largest: ${kb(largestFirst)} KB`);
