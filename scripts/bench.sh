#!/usr/bin/env bash
# Benchmarks over the fixed corpus (tests/bench/{short,typical,long}.json): natively
# (examples/bench.rs, optimized), through the built package in Node, and in headless
# Chromium. Prints one Markdown table (medians per note, batch throughput, cold start) that
# can be compared run to run. Reports only: nothing here asserts a time.
# Usage: bash scripts/bench.sh        (BENCH_SECONDS=3 by default: time per figure group)
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_SECONDS=${BENCH_SECONDS:-3}
bash scripts/setup.sh >/dev/null
bash scripts/build-pkg.sh >/dev/null
cargo build --quiet --release --example bench
out=$(mktemp)
trap 'rm -f "$out"' EXIT
./target/release/examples/bench >> "$out"
node tests/bench/node.mjs >> "$out"
node tests/bench/chromium.mjs >> "$out" || echo "(chromium run failed)" >&2
node tests/bench/table.mjs < "$out"
