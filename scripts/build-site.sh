#!/usr/bin/env bash
# README command (a): install what is missing, build kartu, build the example site into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-kartu.sh
.build/release/kartu build "$@"
