// Prints the gzip size of what the page downloads (html, js, wasm, css, icons), and of each
// language's catalogue (i18n/: one is fetched only when that language is chosen).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
let raw = 0;
let gz = 0;
for (const name of readdirSync(dir)) {
  const p = join(dir, name);
  if (!statSync(p).isFile() || name === "404.html") continue;
  const bytes = readFileSync(p);
  const z = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += z;
  console.log(`  ${name}: ${(bytes.length / 1024).toFixed(1)} KB, gzip ${(z / 1024).toFixed(1)} KB`);
}
console.log(`page_download_gzip: ${(gz / 1024).toFixed(1)} KB`);
let largest = 0;
const i18n = join(dir, "i18n");
for (const name of statSync(i18n, { throwIfNoEntry: false })?.isDirectory() ? readdirSync(i18n) : []) {
  const bytes = readFileSync(join(i18n, name));
  const z = gzipSync(bytes, { level: 9 }).length;
  largest = Math.max(largest, z);
  console.log(`  i18n/${name}: ${(bytes.length / 1024).toFixed(1)} KB, gzip ${(z / 1024).toFixed(1)} KB`);
}
console.log(`catalogue_download_gzip_largest: ${(largest / 1024).toFixed(1)} KB`);
console.log(`page_download_raw: ${(raw / 1024).toFixed(1)} KB`);
