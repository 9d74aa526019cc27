#!/usr/bin/env bash
# Builds the npm package into pkg/ (optimized: release profile + wasm-opt from npm's binaryen).
# Usage: scripts/build-pkg.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
mode=--release
[ "${1:-}" = "--dev" ] && mode=--dev
# pkg/ is all build output: start empty, so no file of an older layout is left behind.
rm -rf pkg
wasm-pack --log-level warn build --target web --out-dir pkg --out-name chartlint "$mode" --no-pack 2>&1 | grep -v "^\[INFO\]" || true
test -f pkg/chartlint_bg.wasm || { echo "build-pkg: wasm-pack produced no pkg/chartlint_bg.wasm" >&2; exit 1; }
# wasm-pack --no-pack skips package.json: write the version Cargo gives.
version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
printf '{"version": "%s"}\n' "$version" > pkg/package.json
node scripts/package.mjs
