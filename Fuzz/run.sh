#!/usr/bin/env bash
# Builds the libFuzzer harness from the library (the KartuFuzz target: its module and the modules it
# depends on, instrumented) and fuzzes one target, or each in turn.
#   Fuzz/run.sh content                          # 1,000,000 runs of the content target
#   Fuzz/run.sh front-matter -max_total_time=600 # ten minutes
#   Fuzz/run.sh all -runs=20000                  # every target, 20,000 runs each (what CI runs)
# Targets: content, front-matter, site-yaml, template, request-path, slug, raw-html (Fuzz/KartuFuzz/FuzzTarget.swift).
# Each starts from its committed seeds (Fuzz/seeds/<target>/) and what earlier runs found
# (Fuzz/corpus-work/<target>/, not committed). An input that breaks an invariant is written to
# Fuzz/crashes/<target>/: once fixed, move it to Fuzz/seeds/<target>/ so swift test replays it.
# SwiftPM's --sanitize fuzzer would link the build plugin's tool with libFuzzer too (two mains), so
# the modules are compiled with ASan and libFuzzer's coverage (inline 8-bit counters, PC table,
# compare tracing) and only the harness is linked with -sanitize=fuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(content front-matter site-yaml template request-path slug raw-html)
if [ $# -eq 0 ] || { [ "$1" != all ] && [[ ! " ${targets[*]} " =~ " $1 " ]]; }; then
  echo "usage: Fuzz/run.sh <$(IFS='|'; echo "${targets[*]}")|all> [libFuzzer options]" >&2
  exit 2
fi
chosen=("$1")
[ "$1" = all ] && chosen=("${targets[@]}")
shift
scripts/install-deps.sh
swift build --target KartuFuzz -c release --build-path .build-fuzz \
  -Xswiftc -enable-testing -Xswiftc -DFUZZING -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp \
  -Xswiftc -Xllvm -Xswiftc -sanitizer-coverage-inline-8bit-counters -Xswiftc -Xllvm -Xswiftc -sanitizer-coverage-pc-table
objects=.build-fuzz/release
swiftc -sanitize=fuzzer,address \
  "$objects"/KartuFuzz.build/*.o "$objects"/Kartu.build/*.o "$objects"/Yams.build/*.o "$objects"/ZIPFoundation.build/*.o \
  $(find "$objects"/CYaml.build -name '*.o') \
  -lcmark-gfm -lcmark-gfm-extensions -lz -o .build-fuzz/kartu-fuzz 2> >(grep -v "Cannot export local symbol" >&2)
options=("$@")
[ ${#options[@]} -eq 0 ] && options=(-runs=1000000)
for target in "${chosen[@]}"; do
  mkdir -p "Fuzz/corpus-work/$target" "Fuzz/crashes/$target"
  echo "== fuzz target $target: ${options[*]}"
  # New inputs go to the work folder; the committed seeds stay as they are.
  # The Swift runtime's crash backtracer and ASan's report would both read the dying process.
  SWIFT_BACKTRACE=enable=no KARTU_FUZZ_TARGET=$target .build-fuzz/kartu-fuzz "${options[@]}" -max_len=4096 -timeout=20 \
    -artifact_prefix="Fuzz/crashes/$target/" "Fuzz/corpus-work/$target" "Fuzz/seeds/$target"
done
