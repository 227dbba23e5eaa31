#!/usr/bin/env bash
# Puts kartu on the PATH: installs the C libraries it links against (when missing), builds it in
# release mode with the Swift runtime linked in, and copies the one binary to PREFIX/bin. The
# default theme and the starter site are compiled in: that binary, with libcmark-gfm, is all a site
# needs, on this machine or copied to another.
#
#   scripts/install.sh                   # /usr/local/bin when writable, else ~/.local/bin
#   scripts/install.sh --prefix /opt/kartu
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    -h|--help) sed -n "2,8p" "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (use --prefix DIR)" >&2; exit 2 ;;
  esac
done
if [ -z "$prefix" ]; then
  if [ -w /usr/local/bin ] || [ "$(id -u)" -eq 0 ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
fi
scripts/build-kartu.sh
mkdir -p "$prefix/bin"
install -m 755 .build/release/kartu "$prefix/bin/kartu"
# Without its debugging symbols: 75 MB instead of 128.
command -v strip >/dev/null && strip "$prefix/bin/kartu"
echo "kartu installed: $prefix/bin/kartu"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "add it to your PATH: export PATH=\"$prefix/bin:\$PATH\" (e.g. in ~/.bashrc)" ;;
esac
