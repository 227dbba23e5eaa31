#!/usr/bin/env bash
# README command (a): install what is missing, build kartu, build the example site into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product kartu
.build/release/kartu build "$@"
