#!/usr/bin/env bash
# Runs every test: native (rules, CMS examples, corpus precision/recall), the optimized npm
# package in Node and its TypeScript types, the size budget, and the demo in Chromium.
# Installs what it needs first (scripts/setup.sh). This is the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
start=$(date +%s)

step "setup"
bash scripts/setup.sh --browser

step "native: clippy (panic-prone lints denied in src/) and tests"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --quiet -- -D warnings
mkdir -p target
if ! cargo test --quiet > target/native-tests.log 2>&1; then
  cat target/native-tests.log
  echo "native tests failed" >&2
  exit 1
fi
grep -E "^test result|^(precision|rule|corpus)" target/native-tests.log || true

step "npm package: optimized build (release + wasm-opt)"
bash scripts/build-pkg.sh

step "npm package in Node 20 (imported by name; loading, CommonJS)"
mkdir -p tests/js/node_modules
ln -sfn ../../../pkg tests/js/node_modules/chartlint
node --test tests/js/

step "TypeScript types of the package"
tsc -p tests/js/tsconfig.json

step "size budget"
node scripts/size.mjs

step "demo: npm ci, Vite build, Chromium tests"
bash scripts/www-install.sh
(cd www && npm run --silent build && npm test)

step "consumer matrix: the packed tarball in Vite, webpack, Next.js, plain ESM, Node, Jest, TypeScript, a module worker"
consumers_start=$(date +%s)
bash tests/consumers/run.sh
printf 'consumer matrix: %ss\n' "$(( $(date +%s) - consumers_start ))"

if [ -f scripts/fuzz-smoke.sh ]; then
  step "fuzz smoke run"
  bash scripts/fuzz-smoke.sh
fi

printf '\nall tests passed in %ss\n' "$(( $(date +%s) - start ))"
