// Shrinks wasm modules as `wasm-opt -Oz --strip-debug --strip-producers` does, many in one
// process: binaryen's npm build takes half a second to start, and a split build has
// dozens of modules (tools/build_wasm.py).
//   node tools/wasm_opt.mjs <in> <out> [<in> <out> ...]
import { readFileSync, writeFileSync } from "node:fs";
import binaryen from "binaryen";

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2) {
  console.error("usage: node tools/wasm_opt.mjs <in> <out> [<in> <out> ...]");
  process.exit(2);
}
const F = binaryen.Features;
// The features the target emits and the browsers we support all have.
const features =
  F.MVP | F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt | F.SignExt | F.MutableGlobals | F.ReferenceTypes | F.Multivalue;
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
binaryen.setDebugInfo(false);
for (let i = 0; i < args.length; i += 2) {
  const module = binaryen.readBinary(readFileSync(args[i]));
  module.setFeatures(features);
  module.optimize();
  module.runPasses(["strip-debug", "strip-producers"]);
  writeFileSync(args[i + 1], module.emitBinary());
  module.dispose();
}
