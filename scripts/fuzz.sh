#!/usr/bin/env bash
# Builds the libFuzzer targets (CSV with a chunked-versus-whole differential, XML records, rule
# packs, worksheet XML with a fast-scanner-versus-libxml2 differential) with -sanitize=fuzzer,address and runs each for a given time, starting from seed corpora
# made from the fixtures. Not part of `swift test` or CI.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]     default: 600 s each for csv xml pack xlsx-sheet
#   FUZZ_RUNS=1000000 nice -n 19 scripts/fuzz.sh 3600   stop each target after N executions too
#   FUZZ_CONFIG=debug scripts/fuzz.sh 600                a debug build: quicker to build, slower to run
#
# Findings (crash-*, leak-*, timeout-*) are written to .build/fuzz-work/findings/TARGET/; replay
# one with a plain build: `swift build --product hegui-fuzz && .build/debug/hegui-fuzz csv FILE`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv xml pack xlsx-sheet)

# Seeds from the fixtures, written by a plain build of the same program.
swift build --product hegui-fuzz
work=.build/fuzz-work
rm -rf "$work/seeds"
mkdir -p "$work"
HEGUI_RULES="$PWD/rules" .build/debug/hegui-fuzz seeds "$work/seeds"

# Release for throughput (the sanitizers still see every access), in its own build folder. With
# HEGUI_FUZZ_RUNTIME set, Package.swift compiles hegui's modules with -sanitize=fuzzer,address and
# links libFuzzer's no-main runtime into hegui-fuzz alone, whose own main starts libFuzzer's driver;
# the build tool hegui-embed and the other executables stay plain.
toolchain=$(dirname "$(readlink -f "$(command -v swiftc)")")/..
runtime=$(ls "$toolchain"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -1 || true)
[ -n "$runtime" ] || { echo "libclang_rt.fuzzer_no_main not found under $toolchain/lib/clang" >&2; exit 2; }
config=${FUZZ_CONFIG:-release}
HEGUI_FUZZ_RUNTIME=$runtime swift build -c "$config" --build-path .build/fuzz --product hegui-fuzz >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log"; echo "fuzz build failed" >&2; exit 2; }
binary=.build/fuzz/$config/hegui-fuzz

for target in "${targets[@]}"; do
  # Inputs up to 8 KiB (a pack's first 8 KiB already holds categories, parameters and indicators).
  max_len=8192
  mkdir -p "$work/corpus/$target" "$work/findings/$target"
  echo "== $target: ${seconds}s"
  # malloc_context_size=0: ASan's per-allocation stack traces were a fifth of the time and add nothing to
  # a finding's own stack. -timeout=120: on a shared machine a process can wait seconds for a core; the
  # slowest unit is printed in the final stats.
  HEGUI_RULES="$PWD/rules" HEGUI_FUZZ_TARGET="$target" ASAN_OPTIONS=detect_leaks=0:malloc_context_size=0 "$binary" \
    -max_total_time="$seconds" -runs="${FUZZ_RUNS:--1}" -max_len="$max_len" -timeout=120 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$work/findings/$target/" \
    "$work/corpus/$target" "$work/seeds/$target" 2>&1 | tee "$work/$target.log" | grep -E "^#[0-9]+.*(DONE|pulse)|ERROR|stat::" || true
  if ls "$work/findings/$target"/* >/dev/null 2>&1; then
    echo "$target: findings in $work/findings/$target" >&2
    exit 1
  fi
done
