#!/usr/bin/env bash
# Installs everything chartlint's build and tests need, idempotently: the wasm target,
# wasm-pack, the wasm-bindgen CLI matching Cargo.lock, the workspace's npm packages (binaryen's
# wasm-opt, TypeScript) and, for browser tests, Debian's Chromium.
# Usage: scripts/setup.sh [--browser]
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v wasm-pack >/dev/null 2>&1; then
  say "installing wasm-pack (about 2-3 minutes, once)"
  cargo install wasm-pack --version 0.15.1
fi

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
if [ ! -f Cargo.lock ]; then cargo generate-lockfile; fi
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$want" != "$have" ]; then
  say "installing wasm-bindgen-cli $want (about 3-4 minutes, once)"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci (tooling: binaryen wasm-opt, TypeScript)"
  npm ci --no-audit --no-fund --loglevel=error
fi
# www/'s npm packages are installed by scripts/www-install.sh, after build-pkg.sh: its
# `chartlint` dependency is `file:../pkg`, which must exist first.

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
say "ready"
