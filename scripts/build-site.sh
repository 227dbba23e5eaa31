#!/usr/bin/env bash
# README command (a): install what is missing, build kartu, build the example site into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# The Swift runtime linked in: the binary needs only libcmark-gfm beside it (and starts faster).
swift build -c release --static-swift-stdlib --product kartu
.build/release/kartu build "$@"
