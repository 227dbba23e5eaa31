#!/usr/bin/env bash
# Builds kartu as it is installed and benchmarked: release, with the Swift runtime linked in (the
# binary needs only libcmark-gfm beside it, and starts faster), into .build/release/kartu. One
# definition, so that build-site.sh, install.sh and the bench scripts never rebuild each other's
# configuration. Installs the C libraries first when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --static-swift-stdlib --product kartu "$@"
