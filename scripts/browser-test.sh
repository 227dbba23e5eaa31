#!/usr/bin/env bash
# Browser tests of the default theme (search, language switch, 404) and of kartu serve (reload on an edit, the error panel) in headless Chromium.
# Installs what is missing (Debian chromium and chromium-driver, Python selenium and pytest),
# builds kartu, then runs tests-browser/ with pytest: the tests build the example site (and a
# generated one under a sub-path) into a temporary folder, serve it on 127.0.0.1 and drive the browser.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c "import selenium, pytest" 2>/dev/null || python3 -m pip install -q selenium pytest

scripts/install-deps.sh
swift build --product kartu

# No __pycache__ or .pytest_cache left in the work tree.
export PYTHONDONTWRITEBYTECODE=1
export KARTU="$PWD/.build/debug/kartu"
exec python3 -m pytest -p no:cacheprovider -q tests-browser "$@"
