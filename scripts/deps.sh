#!/usr/bin/env bash
# Installs the Debian 12 packages iryosec needs that are not installed yet.
#   scripts/deps.sh          to build and run iryosec
#   scripts/deps.sh --test   also what the tests use
# Works as root (a fresh Debian has no sudo) and through sudo otherwise.
set -eu

# libjansson-dev: JSON for export and import (src/xfer/).
pkgs="build-essential cmake pkg-config gettext libncurses-dev libsqlite3-dev
libhpdf-dev libyaml-dev libjansson-dev fonts-ipaexfont-gothic"
# tests: tmux drives the wizard, poppler-utils reads the PDF, sqlite3 makes
# foreign and newer data files, util-linux gives setpriv for dropping root,
# valgrind checks memory on real runs (t_valgrind); qpdf and mupdf-tools
# read the PDF the way other programs do (t_pdf).
# clang builds the fuzz targets (tests/fuzz/); libFuzzer itself
# (libclang_rt.fuzzer-x86_64.a) is in libclang-rt-14-dev, which clang only
# recommends and --no-install-recommends skips: libclang-rt-dev pulls it in.
# python3 with python3-jsonschema checks an export against
# docs/export-schema.json and reads the CSV back (t_xfer). unzip opens the
# Windows release zip (tests/windows/t_wine.sh; scripts/windows/build.sh
# installs the cross-compiler and wine itself).
test_pkgs="tmux poppler-utils sqlite3 util-linux clang libclang-rt-dev valgrind
qpdf mupdf-tools python3 python3-jsonschema unzip procps"

want=$pkgs
[ "${1:-}" = "--test" ] && want="$pkgs $test_pkgs"

missing=""
for p in $want; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

echo "installing:$missing"
if [ "$(id -u)" = 0 ]; then
  run=""
elif command -v sudo >/dev/null; then
  run="sudo"
else
  echo "scripts/deps.sh: these packages are missing and there is no sudo:$missing" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$run apt-get update -qq
# shellcheck disable=SC2086
$run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
