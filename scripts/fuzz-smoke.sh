#!/usr/bin/env bash
# A short, bounded fuzz run for CI (about 60 s of fuzzing after the build): each libFuzzer
# target (fuzz/) for 12 s from the seeds and every past crasher (tests/fixtures/fuzz/).
# Fails when the fuzzer finds a crash, a hang (>10 s on one input) or runaway memory.
# Needs only cargo and a C++ compiler (libFuzzer is built from source by libfuzzer-sys);
# without a C++ compiler it says so and skips (a developer machine without g++).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${FUZZ_SMOKE_SECONDS:-12}
if ! command -v c++ >/dev/null 2>&1 && ! command -v g++ >/dev/null 2>&1 && ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz smoke: skipped (no C++ compiler to build libFuzzer; apt-get install g++)"
  exit 0
fi
echo "fuzz smoke: building the targets (release, coverage-instrumented; cached after the first run)"
bash scripts/fuzz.sh build
host=$(rustc -vV | awk '/^host:/{print $2}')
bin="fuzz/target/$host/release"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for target in note_json note_fields episode_fields config_json config_files; do
  mkdir -p "$work/$target" "$work/artifacts"
  seeds=()
  [ -d "fuzz/seeds/$target" ] && seeds+=("fuzz/seeds/$target")
  [ "$target" = note_json ] && [ -d tests/fixtures/fuzz ] && seeds+=(tests/fixtures/fuzz)
  if nice -n 19 "$bin/$target" "$work/$target" "${seeds[@]}" -max_total_time="$secs" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
      > "$work/$target.log" 2>&1; then
    runs=$(awk '/stat::number_of_executed_units/{print $2}' "$work/$target.log")
    echo "fuzz smoke: $target ok (${runs:-?} executions in ${secs} s)"
  else
    status=1
    echo "fuzz smoke: $target FAILED" >&2
    grep -v "^#" "$work/$target.log" | tail -40 >&2
    for f in "$work"/artifacts/*; do
      [ -f "$f" ] || continue
      keep="tests/fixtures/fuzz/${target}-$(basename "$f")"
      cp "$f" "$keep"
      echo "fuzz smoke: the input is kept as $keep (add it to the repository as a regression test)" >&2
    done
  fi
done
exit $status
