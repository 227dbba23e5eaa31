#!/usr/bin/env bash
# README command (b): install what is missing, check the example site, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests
# The example site must build without a single warning.
.build/debug/kartu check --strict
swift test --skip-build
