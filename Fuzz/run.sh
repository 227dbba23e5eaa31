#!/usr/bin/env bash
# Builds the libFuzzer harness over the content readers and runs it.
#   Fuzz/run.sh                 # 1,000,000 runs from the seed corpus
#   Fuzz/run.sh -max_total_time=600
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
mkdir -p .build-fuzz Fuzz/corpus-work
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name KartuFuzz \
  -I Sources/CCmarkGFM \
  Fuzz/FuzzContent.swift \
  Sources/Kartu/Text/SourceText.swift Sources/Kartu/Text/SiteFile.swift Sources/Kartu/Content/FrontMatter.swift \
  Sources/Kartu/Diagnostics/Diagnostic.swift Sources/Kartu/Diagnostics/Diagnostics.swift \
  Sources/Kartu/Markdown/MarkdownDocument.swift Sources/Kartu/Text/Slug.swift Sources/Kartu/Text/XMLText.swift \
  -lcmark-gfm -lcmark-gfm-extensions -o .build-fuzz/fuzz-content
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(-runs=1000000)
# New inputs go to the work folder; the committed seeds stay as they are.
exec .build-fuzz/fuzz-content "${args[@]}" -max_len=4096 Fuzz/corpus-work Fuzz/seeds
