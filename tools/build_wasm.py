#!/usr/bin/env python3
"""Builds the app's WebAssembly, split by area, into Trunk's staging folder.

Called by tools/post_build.py (Trunk's post_build hook). Trunk builds the page, its
styles and icons; this builds the code, because Trunk has no step between `cargo build`
and `wasm-bindgen`, and that is where the split must happen:

1. `cargo build` for wasm32 (linked with `--emit-relocs`, see .cargo/config.toml);
2. `wasm-split-cli` cuts the module at the `#[wasm_split]` functions of
   src/app/routes.rs: the shell and the dashboard stay in the main module, each area's
   pages go to their own `split_*.wasm`, and code two areas share to `chunk_*.wasm`;
   it writes `__wasm_split.js`, which fetches them on first use;
3. `wasm-bindgen` makes the main module's JavaScript glue (keeping the exports the
   chunks link against);
4. in a release build, binaryen (npm, as `wasm-opt -Oz`) shrinks every module
   (tools/wasm_opt.mjs), and terser (npm) minifies the glue and the chunk loader
   (tools/minify.mjs);
5. the chunks of the module read at every start go into one file (`pack`).

Everything lands in `pkg-<hash>/`, named after its contents, so a browser may cache the
files for good and an update never mixes old and new chunks. Returns the start-up script.
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
NAME = "sixstep"


def run(*cmd, cwd=ROOT):
    print("build_wasm:", " ".join(cmd[:3]), "…", flush=True)
    subprocess.run(cmd, cwd=cwd, check=True)


def tool(name, version_pattern):
    """The tool on PATH, after checking it is the pinned version (tools/setup.sh)."""
    path = shutil.which(name)
    if not path:
        sys.exit(f"build_wasm: {name} is not on PATH; run tools/setup.sh")
    if version_pattern is None:  # no --version; tools/setup.sh pins it
        return path
    out = subprocess.run([path, "--version"], capture_output=True, text=True).stdout
    if not re.search(version_pattern, out):
        sys.exit(f"build_wasm: {name} is {out.strip()!r}, expected {version_pattern}")
    return path


def build(staging, public_url, release):
    wbg_version = lock_version("wasm-bindgen")
    wasm_bindgen = tool("wasm-bindgen", rf"wasm-bindgen {re.escape(wbg_version)}\b")
    wasm_split = tool("wasm-split-cli", None)

    if os.environ.get("RUSTFLAGS") or os.environ.get("CARGO_ENCODED_RUSTFLAGS"):
        # They would replace .cargo/config.toml's flags, and the split needs --emit-relocs.
        sys.exit("build_wasm: unset RUSTFLAGS: the build's flags are in .cargo/config.toml")
    profile = "release" if release else "debug"
    cargo = ["cargo", "build", "--locked", "--target", "wasm32-unknown-unknown", "--bin", NAME]
    run(*(cargo + (["--release"] if release else [])))

    target = os.path.join(ROOT, "target", "wasm32-unknown-unknown", profile)
    work = os.path.join(ROOT, "target", "wasm-split", profile)
    split_dir = os.path.join(work, "split")
    bindgen_dir = os.path.join(work, "bindgen")
    for d in (split_dir, bindgen_dir):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    # The main module keeps its name, so the loader's `import … from "./sixstep.js"` holds.
    run(wasm_split, os.path.join(target, f"{NAME}.wasm"), split_dir, "--out-name", NAME)
    run(
        wasm_bindgen,
        "--target=web",
        "--keep-lld-exports",
        "--no-demangle",
        "--no-typescript",
        f"--out-dir={bindgen_dir}",
        f"--out-name={NAME}",
        os.path.join(split_dir, f"{NAME}.wasm"),
    )

    # name -> source path of every file the page may load
    files = {
        f"{NAME}.js": os.path.join(bindgen_dir, f"{NAME}.js"),
        f"{NAME}_bg.wasm": os.path.join(bindgen_dir, f"{NAME}_bg.wasm"),
        "__wasm_split.js": os.path.join(split_dir, "__wasm_split.js"),
    }
    for name in sorted(os.listdir(split_dir)):
        if name.endswith(".wasm") and name != f"{NAME}.wasm":
            files[name] = os.path.join(split_dir, name)

    if release:
        opt_dir = os.path.join(work, "opt")
        shutil.rmtree(opt_dir, ignore_errors=True)
        os.makedirs(opt_dir)
        # One `node tools/wasm_opt.mjs` per core, the modules dealt out largest first.
        wasm = sorted((n for n in files if n.endswith(".wasm")),
                      key=lambda n: -os.path.getsize(files[n]))
        workers = max(1, min(os.cpu_count() or 2, 4))
        shares = [[] for _ in range(workers)]
        loads = [0] * workers
        for name in wasm:
            i = loads.index(min(loads))
            shares[i].append(name)
            loads[i] += os.path.getsize(files[name])

        def optimise(share):
            pairs = []
            for name in share:
                pairs += [files[name], os.path.join(opt_dir, name)]
            if not pairs:
                return
            done = subprocess.run(["node", os.path.join(ROOT, "tools", "wasm_opt.mjs"), *pairs],
                                  capture_output=True, text=True)
            if done.returncode:
                # binaryen warns about every chunk's extended name section: only failures count
                sys.exit(f"build_wasm: wasm_opt.mjs failed:\n{done.stderr[-4000:]}")

        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(optimise, shares))
        for name in wasm:
            files[name] = os.path.join(opt_dir, name)
        print(f"build_wasm: {len(wasm)} modules optimised", flush=True)

    pack(files, work, "sixstep_book")

    if release:
        # The JavaScript glue and the chunk loader, minified (terser, npm).
        scripts = [n for n in files if n.endswith(".js")]
        for name in scripts:
            shutil.copyfile(files[name], os.path.join(opt_dir, name))
            files[name] = os.path.join(opt_dir, name)
        run("node", os.path.join(ROOT, "tools", "minify.mjs"), *(files[n] for n in scripts))

    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode())
        with open(files[name], "rb") as f:
            digest.update(f.read())
    folder = f"pkg-{digest.hexdigest()[:16]}"
    out_dir = os.path.join(staging, folder)
    os.makedirs(out_dir, exist_ok=True)
    for name, src in files.items():
        shutil.copyfile(src, os.path.join(out_dir, name))

    base = f"{public_url}{folder}/"
    # The main module is not preloaded: the start-up script (post_build.py) asks for it, on
    # a first visit once the first screen is painted.
    preload = (
        f'<link rel="modulepreload" href="{base}{NAME}.js">'
        f'<link rel="modulepreload" href="{base}__wasm_split.js">'
    )
    chunks = sum(1 for n in files if n.endswith(".wasm")) - 1
    print(f"build_wasm: {folder}/ with the main module and {chunks} chunks", flush=True)
    return f"{base}{NAME}.js", f"{base}{NAME}_bg.wasm", preload


# One chunk's fetch in the split tool's loader, as it writes it.
CHUNK_FETCH = re.compile(
    r'(/\* (?P<users>[\w, ]+) \*/\s*const __chunk_(?P<n>\d+) = makeLoad\(\(\) => \{\s*)'
    r'const src = fetch\(new URL\("\./chunk_(?P=n)\.wasm", import\.meta\.url\)\);'
    r'(?P<mid>\s*src\.catch\(\(\) => \{\}\);\s*)'
    r'return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);'
)


def pack(files, work, module):
    """Puts the chunks `module` needs into one file, `pack_<module>.wasm` (the modules end to
    end), and has the loader take them from it: one request instead of one per chunk.

    The split module read at every start (the later kinds' readers) needs dozens of small
    chunks. Each request costs the page's main thread about a millisecond (a quarter of a
    second on a slow phone, all in one task) and, on a slow network, a round trip per few
    files. The pack is fetched when the first of its chunks is needed; a chunk is still
    instantiated once, whichever module needs it first. The file keeps wasm's extension so
    a static host compresses it as it does the other modules."""
    loader_path = files["__wasm_split.js"]
    with open(loader_path, encoding="utf-8") as f:
        loader = f.read()
    members = [m for m in CHUNK_FETCH.finditer(loader) if module in m.group("users").split(", ")]
    if not members:
        sys.exit(f"build_wasm: no chunk of {module} found in the loader; has its shape changed?")
    name = f"pack_{module}.wasm"
    offsets = {}
    parts = []
    at = 0
    for m in members:
        chunk = f"chunk_{m.group('n')}.wasm"
        with open(files.pop(chunk), "rb") as f:
            data = f.read()
        offsets[chunk] = (at, len(data))
        parts.append(data)
        at += len(data)
    pack_dir = os.path.join(work, "pack")
    shutil.rmtree(pack_dir, ignore_errors=True)
    os.makedirs(pack_dir)
    files[name] = os.path.join(pack_dir, name)
    with open(files[name], "wb") as f:
        f.write(b"".join(parts))

    def take(m):
        start, length = offsets[f"chunk_{m.group('n')}.wasm"]
        return (
            m.group(1)
            + f"const src = __pack_{module}({start}, {length});"
            + m.group("mid")
            + "return async (imports) => (WebAssembly.instantiate(await src, imports));"
        )

    patched, count = CHUNK_FETCH.subn(lambda m: take(m) if f"chunk_{m.group('n')}.wasm" in offsets else m.group(0), loader)
    if count < len(members):
        sys.exit("build_wasm: the loader changed while it was patched")
    reader = f"""
// The chunks of {module}, end to end in one file (tools/build_wasm.py): fetched once,
// when the first of them is needed; fetched again after a failure.
let __pack_{module}_bytes = undefined;
function __pack_{module}(offset, length) {{
    if (__pack_{module}_bytes === undefined) {{
        const bytes = fetch(new URL("./{name}", import.meta.url)).then((response) => {{
            if (!response.ok) throw new Error(`{name}: HTTP ${{response.status}}`);
            return response.arrayBuffer();
        }});
        bytes.catch(() => {{
            if (__pack_{module}_bytes === bytes) __pack_{module}_bytes = undefined;
        }});
        __pack_{module}_bytes = bytes;
    }}
    return __pack_{module}_bytes.then((buffer) => new Uint8Array(buffer, offset, length));
}}
"""
    first = patched.index("\nfunction makeLoad(")
    patched = patched[:first] + reader + patched[first:]
    files["__wasm_split.js"] = os.path.join(pack_dir, "__wasm_split.js")
    with open(files["__wasm_split.js"], "w", encoding="utf-8") as f:
        f.write(patched)
    print(f"build_wasm: {name} holds {len(members)} chunks, {at} bytes", flush=True)


def lock_version(package):
    with open(os.path.join(ROOT, "Cargo.lock"), encoding="utf-8") as f:
        m = re.search(rf'name = "{re.escape(package)}"\nversion = "([^"]+)"', f.read())
    if not m:
        sys.exit(f"build_wasm: {package} is not in Cargo.lock")
    return m.group(1)
