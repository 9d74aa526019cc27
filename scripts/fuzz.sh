#!/usr/bin/env bash
# Coverage-guided fuzzing of the checker with libFuzzer (fuzz/, a cargo-fuzz project).
#
#   bash scripts/fuzz.sh build                 # build the targets (release, coverage instrumented)
#   bash scripts/fuzz.sh run TARGET [SECONDS]  # fuzz one target (default 60 s), at nice 19
#
# Targets: note_json (bytes as note JSON), note_fields (a valid note with fuzzed text, lines,
# totals, payer and type), episode_fields (an episode of notes with fuzzed types, dates, ids,
# plan fields and narratives), config_json (bytes as a config), config_files (bytes as the CMS
# files a config carries: PTP edits, ICD-10-CM list, PPRRVU). Builds with the flags `cargo fuzz`
# uses, minus AddressSanitizer (the crate has no unsafe code; ASan needs a nightly compiler),
# so it works on the stable toolchain; fuzz/ keeps cargo-fuzz's layout (`cargo fuzz run TARGET
# -s none` where cargo-fuzz is installed). The corpus grows in fuzz/corpus/TARGET (seeded from
# fuzz/seeds/TARGET); crashes land in fuzz/artifacts/TARGET.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
host=$(rustc -vV | awk '/^host:/{print $2}')
export CARGO_TARGET_DIR="$PWD/target"
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
bin="$PWD/target/$host/release"

build() {
  nice -n 19 cargo build --quiet --release --target "$host" --bins
}

case "${1:-}" in
  build) build ;;
  run)
    target=${2:?target}
    secs=${3:-60}
    build
    mkdir -p "corpus/$target" "artifacts/$target"
    seeds=()
    [ -d "seeds/$target" ] && seeds=("seeds/$target")
    nice -n 19 "$bin/$target" "corpus/$target" "${seeds[@]}" \
      -artifact_prefix="artifacts/$target/" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
      -max_len="${MAX_LEN:-65536}" -print_final_stats=1 ${FUZZ_ARGS:-}
    ;;
  *) sed -n '2,13p' "$0"; exit 2 ;;
esac
