#!/usr/bin/env bash
# Sets everything up and runs every check: formatting, lints, native tests, the release
# build, the end-to-end specs in headless Chromium, and the download size.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Formatting"
cargo fmt --all --check

step "Lints (native and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown -- -D warnings

step "Native tests"
cargo test

step "Release build"
trunk build --release --offline

step "Download size"
node tools/size.mjs dist

step "End-to-end tests (headless Chromium)"
# A free port, so a server already running here cannot get in the way.
E2E_PORT=${E2E_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
export E2E_PORT
npx playwright test
