#!/usr/bin/env bash
# Builds everything (the optimized npm package, then the Vite demo that imports it) and
# serves the demo at http://127.0.0.1:5173/. This is the README's demo command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-pkg.sh
bash scripts/www-install.sh
cd www
npm run --silent build
echo "chartlint demo: http://127.0.0.1:${PORT:-5173}/"
exec node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port "${PORT:-5173}" --strictPort
