#!/usr/bin/env bash
# Installs the demo's npm packages (Vite, CodeMirror, Chart.js, playwright-core) with `npm ci`
# from www/package-lock.json, idempotently. Run after scripts/build-pkg.sh: the demo depends
# on the built package as `"chartlint": "file:../pkg"`, which npm links to pkg/.
set -euo pipefail
cd "$(dirname "$0")/../www"
test -f ../pkg/package.json || { echo "www-install: build the package first (scripts/build-pkg.sh)" >&2; exit 1; }
if [ ! -d node_modules ] || [ ! -e node_modules/chartlint/package.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  printf '\033[1m[www]\033[0m npm ci (Vite, CodeMirror, Chart.js, playwright-core)\n'
  npm ci --no-audit --no-fund --loglevel=error
fi
