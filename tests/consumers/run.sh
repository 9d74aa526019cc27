#!/usr/bin/env bash
# The consumer matrix: packs pkg/ (`npm pack`), installs the tarball into tests/consumers
# (whose other packages come from its committed package-lock.json with `npm ci`, skipped when
# node_modules is up to date), then runs every consumer: each builds and loads the package in
# Chromium or runs it in Node. Run after scripts/build-pkg.sh (scripts/test.sh does).
set -euo pipefail
cd "$(dirname "$0")"
say() { printf '\033[1m[consumers]\033[0m %s\n' "$*"; }
test -f ../../pkg/package.json || { echo "consumers: build the package first (scripts/build-pkg.sh)" >&2; exit 1; }

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci (Vite, webpack, Next.js, React, Jest, TypeScript, playwright-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

say "npm pack pkg/ and install the tarball"
rm -rf .tarball && mkdir -p .tarball
tarball=$(cd ../../pkg && npm pack --silent --pack-destination ../tests/consumers/.tarball)
# The package has no dependencies: installing it is unpacking it into node_modules/chartlint.
rm -rf node_modules/chartlint && mkdir -p node_modules/chartlint
tar -xzf ".tarball/$tarball" -C node_modules/chartlint --strip-components=1
say "installed $tarball ($(du -k ".tarball/$tarball" | cut -f1) KiB packed)"

node --test --test-concurrency=1 ./*.test.mjs
