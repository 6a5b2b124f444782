#!/usr/bin/env bash
# Sets everything up, builds the release and serves it at http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline
exec node tools/serve.mjs --dir dist --port "${PORT:-8080}"
