// Minifies the JavaScript modules of a release build in place: the wasm-bindgen glue and the
// chunk loader (tools/build_wasm.py). Exported names, which the other module imports, and
// properties, through which the WebAssembly modules are linked, are kept.
//   node tools/minify.mjs <file.js> [<file.js> ...]
import { readFileSync, writeFileSync } from "node:fs";
import { minify } from "terser";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node tools/minify.mjs <file.js> [<file.js> ...]");
  process.exit(2);
}
for (const file of files) {
  const { code } = await minify(readFileSync(file, "utf8"), {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  writeFileSync(file, code);
}
