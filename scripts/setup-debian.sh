#!/usr/bin/env bash
# Installs everything plangen needs on a fresh Debian 12 machine, with apt-get.
#   scripts/setup-debian.sh               build dependencies only
#   scripts/setup-debian.sh --test-tools  also the outside programs the tests use
#                                         (LibreOffice, Chromium, poppler-utils' pdfinfo and pdftotext,
#                                         Python's openpyxl and icalendar, xmllint, unzip,
#                                         the tree-sitter PowerShell grammar from npm in tests/node_modules)
#                                         and clang with libFuzzer and llvm-symbolizer for the sanitizer and fuzz runs
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
packages=(
  g++ pkg-config meson ninja-build ccache
  libpugixml-dev libxlsxwriter-dev libkainjow-mustache-dev libcxxopts-dev libboost-test-dev
  libzip-dev zlib1g-dev libssl-dev libical-dev libcmark-dev nlohmann-json3-dev
  librsvg2-dev libpng-dev  # librsvg, cairo and libpng: the timelines of the Word documents as PNG
  tzdata  # the time zones libical reads (/usr/share/zoneinfo)
  libpango1.0-dev libcairo2-dev fonts-dejavu-core  # the PDF outputs (--pdf): pango, cairo and the fonts they embed
)
if [ "${1:-}" = "--test-tools" ]; then
  packages+=(unzip libxml2-utils python3 python3-openpyxl python3-icalendar libreoffice-calc-nogui libreoffice-writer-nogui chromium poppler-utils
             make clang libclang-rt-14-dev llvm
             zsh groff-base man-db bsdextrautils)  # the install test: zsh -n, groff, man -l, col
  # Node.js and npm from Debian, unless the machine has them already: a Node.js installed from
  # elsewhere (NodeSource's package bundles npm) conflicts with Debian's npm package.
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then packages+=(nodejs npm); fi
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if [ "${1:-}" = "--test-tools" ]; then
  # The PowerShell grammar the script tests parse every emitted .ps1 with (tests/package.json).
  # node-gyp builds the tree-sitter binding; one make job, as parallel jobs fail on some machines.
  cd "$(dirname "$0")/../tests"
  # The versions are pinned in tests/package-lock.json, so every machine installs the same tree.
  JOBS=1 npm ci --no-audit --no-fund
fi
