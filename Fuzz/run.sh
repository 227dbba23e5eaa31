#!/usr/bin/env bash
# Builds the libFuzzer harness from the library (the KartuFuzz target: its module and the modules it
# depends on, instrumented) and runs it.
#   Fuzz/run.sh                 # 1,000,000 runs from the seed corpus
#   Fuzz/run.sh -max_total_time=600
# SwiftPM's --sanitize fuzzer would link the build plugin's tool with libFuzzer too (two mains), so
# the modules are compiled with ASan and libFuzzer's coverage (inline 8-bit counters, PC table,
# compare tracing) and only the harness is linked with -sanitize=fuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --target KartuFuzz -c release --build-path .build-fuzz \
  -Xswiftc -enable-testing -Xswiftc -DFUZZING -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp \
  -Xswiftc -Xllvm -Xswiftc -sanitizer-coverage-inline-8bit-counters -Xswiftc -Xllvm -Xswiftc -sanitizer-coverage-pc-table
objects=.build-fuzz/release
swiftc -sanitize=fuzzer,address \
  "$objects"/KartuFuzz.build/*.o "$objects"/Kartu.build/*.o "$objects"/Yams.build/*.o "$objects"/ZIPFoundation.build/*.o \
  $(find "$objects"/CYaml.build -name '*.o') \
  -lcmark-gfm -lcmark-gfm-extensions -lz -o .build-fuzz/kartu-fuzz 2> >(grep -v "Cannot export local symbol" >&2)
mkdir -p Fuzz/corpus-work
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(-runs=1000000)
# New inputs go to the work folder; the committed seeds stay as they are.
exec .build-fuzz/kartu-fuzz "${args[@]}" -max_len=4096 Fuzz/corpus-work Fuzz/seeds
