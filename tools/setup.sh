#!/usr/bin/env bash
# Installs everything Sixstep needs to build, serve and test, skipping what is there.
# Needs only rustup, cargo, node, npm, python3 and apt-get (Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m== %s\033[0m\n' "$*"; }

# Rust toolchain and the wasm32 target, as rust-toolchain.toml asks.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "Installing the Rust toolchain and wasm32 target (rust-toolchain.toml)"
  rustup toolchain install
fi

# Trunk, pinned.
TRUNK_VERSION=0.21.14
if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "Installing trunk $TRUNK_VERSION (takes several minutes once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli at exactly the version Cargo.lock uses.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WBG_VERSION"; then
  say "Installing wasm-bindgen-cli $WBG_VERSION"
  cargo install --locked wasm-bindgen-cli --version "$WBG_VERSION" \
    || cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# wasm-split-cli, pinned: splits the app's code into chunks by area (tools/build_wasm.py).
# It has no --version, so the installed version is noted beside it.
WASM_SPLIT_VERSION=0.2.4
WASM_SPLIT_NOTE="${CARGO_HOME:-$HOME/.cargo}/.sixstep-wasm-split"
if [ "$(cat "$WASM_SPLIT_NOTE" 2>/dev/null)" != "$WASM_SPLIT_VERSION" ] || ! command -v wasm-split-cli >/dev/null; then
  say "Installing wasm-split-cli $WASM_SPLIT_VERSION"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
  echo "$WASM_SPLIT_VERSION" > "$WASM_SPLIT_NOTE"
fi

# Debian's Chromium and ChromeDriver for the browser tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "Installing Debian chromium and chromium-driver"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver
fi

# npm packages (Playwright, axe-core, binaryen's wasm-opt, terser, Lighthouse) exactly as package-lock.json says.
LOCK_HASH=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.sixstep-lock-hash 2>/dev/null)" != "$LOCK_HASH" ]; then
  say "Installing npm packages from package-lock.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$LOCK_HASH" > node_modules/.sixstep-lock-hash
fi
