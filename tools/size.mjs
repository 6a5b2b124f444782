// Prints the gzip size of what the page downloads:
// - first_route_download_gzip: what the first screen needs (html, start-up script, styles,
//   icon, the main wasm module and its glue; tools/build_wasm.py);
// - whole_app_download_gzip: that plus every area's chunks, fetched when a page of the
//   area is first opened;
// and of each language's catalogue (i18n/: one is fetched only when that language is chosen).
//   node tools/size.mjs [dist]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
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
const isChunk = (rel) => /(^|\/)(split_[^/]*|chunk_\d+)\.wasm$/.test(rel);

let firstRaw = 0;
let first = 0;
let chunks = 0;
let chunkCount = 0;
let largest = 0;
const catalogues = [];
for (const p of files(dir)) {
  const rel = relative(dir, p).split("\\").join("/");
  if (rel === "404.html") continue;
  const bytes = readFileSync(p);
  const z = gzipSync(bytes, { level: 9 }).length;
  if (rel.startsWith("i18n/")) {
    largest = Math.max(largest, z);
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
for (const line of catalogues) console.log(line);
console.log(`catalogue_download_gzip_largest: ${kb(largest)} KB`);
