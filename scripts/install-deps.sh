#!/usr/bin/env bash
# Installs the C libraries kartu links against (Debian/Ubuntu), and epubcheck (with Java) that the
# EPUB tests validate against, only when they are missing.
set -euo pipefail
# `--test` adds what only the tests need, which a site build does not: epubcheck (and the Java it
# runs on), and the cmark-gfm command the GFM spec suite compares kartu with (scripts/gfm-spec.py).
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev)
[ "${1:-}" = "--test" ] && packages+=(epubcheck cmark-gfm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
