#!/usr/bin/env bash
# Cross-builds the static Windows (mingw-w64) libraries iryosec.exe needs, from
# Debian 12's own source packages, then links and runs a smoke test under wine.
# See docs/windows.md. Re-runnable: a library whose stamp matches its source
# version and recipe is not built again.
#
#   bash scripts/windows/build.sh
#
# Environment:
#   IRY_WIN_HOST   target triplet (default x86_64-w64-mingw32)
#   IRY_WIN_CACHE  cache folder (default build-win/deps/<triplet> in the repo)
#   IRY_WIN_JOBS   make -j (default 2)
#   IRY_WIN_APT_UPDATE=1  run apt-get update even when nothing is missing
# Works as root and through sudo otherwise (apt-get only; the build itself
# runs as the calling user).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
H=${IRY_WIN_HOST:-x86_64-w64-mingw32}
C=${IRY_WIN_CACHE:-$root/build-win/deps/$H}
J=${IRY_WIN_JOBS:-2}
P=$C              # install prefix: $C/include, $C/lib
S=$C/src          # Debian source packages, one folder each
B=$C/build        # unpacked and built trees (thrown away on a rebuild)
ST=$C/stamps
LOGS=$C/logs
mkdir -p "$P/include" "$P/lib" "$S" "$B" "$ST" "$LOGS"
t_start=$(date +%s)
say() { echo "== $*"; }
die() { echo "scripts/windows/build.sh: $*" >&2; exit 1; }

# ---------------------------------------------------------------- packages
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo=sudo
else sudo=none; fi
as_root() {
  [ "$sudo" = none ] && die "need root or sudo for: $*"
  $sudo env DEBIAN_FRONTEND=noninteractive "$@"
}
# tcl: tclsh for SQLite's amalgamation; ncurses-bin: the host tic/infocmp
# that compile ncurses' built-in terminal descriptions (fallbacks); gettext:
# msgfmt for the catalog; the font and zip for the release zip.
pkgs="gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 mingw-w64-x86-64-dev wine wine64
cmake make gcc libc6-dev tcl dpkg-dev ncurses-bin ncurses-base pkg-config patch xz-utils
gettext fonts-ipaexfont-gothic zip"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
need_update=${IRY_WIN_APT_UPDATE:-0}
[ -n "$missing" ] && need_update=1
# deb-src entries: Debian 12 ships only "Types: deb". Add the same archives as
# deb-src (what the feasibility run did), unless some deb-src line exists.
# shellcheck disable=SC2046
# Either format: deb822 (debian.sources, the Debian 12 installer and images)
# or one-line (sources.list, as debootstrap writes it).
if ! grep -qsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list $(ls /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null); then
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    say "adding /etc/apt/sources.list.d/debian-src.sources"
    sed 's/^Types: *deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
      as_root tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
  elif grep -qsE '^deb ' /etc/apt/sources.list; then
    say "adding /etc/apt/sources.list.d/debian-src.list"
    sed -n 's/^deb /deb-src /p' /etc/apt/sources.list |
      as_root tee /etc/apt/sources.list.d/debian-src.list >/dev/null
  else
    die "no deb-src entries, and no debian.sources or sources.list to copy them from"
  fi
  need_update=1
fi
if [ "$need_update" = 1 ]; then
  say "apt-get update"
  as_root apt-get update -qq
fi
if [ -n "$missing" ]; then
  say "installing:$missing"
  # shellcheck disable=SC2086
  as_root apt-get install -y -qq --no-install-recommends $missing
fi

# The win32 thread model (no libwinpthread DLL or static lib needed).
CC=$H-gcc; command -v "$H-gcc-win32" >/dev/null && CC=$H-gcc-win32
AR=$H-ar
command -v "$CC" >/dev/null || die "$CC not found"
export CC AR
sed -e "s#@PREFIX@#$P#" -e "s#@CC@#$(command -v "$CC")#" -e "s#@HOST@#$H#g" -e "s#@ARCH@#${H%%-*}#" \
  "$here/mingw.cmake.in" > "$C/toolchain.cmake"
# What every recipe depends on: the compiler and the toolchain file.
common_hash=$( { "$CC" --version | head -1; cat "$C/toolchain.cmake"; } | sha256sum | cut -c1-16)

# ---------------------------------------------------------------- sources
# fetch PKG: downloads Debian's source package PKG into $S/PKG and sets VER
# (its Debian version) and ORIG (its upstream tarball). The newest version
# deb-src knows is tried first, then older ones: on the mirrors used here some
# files answer 404 (zlib's bookworm-security update entirely; the
# .debian.tar.xz of libharu; the .dsc and .debian.tar.xz of the libpng
# security update), and apt-get then exits non-zero. The upstream orig
# tarball suffices: a version is taken as soon as its orig tarball is here
# (built as upstream, without Debian's patches, when its .dsc is incomplete;
# unpack says which). The choice is kept in $S/PKG/chosen with the list of
# versions it was made from, so a later run asks the network only when
# deb-src offers something new (after an apt-get update).
fetch() {
  local pkg=$1 versions v up f
  mkdir -p "$S/$pkg"
  versions=$(apt-cache showsrc --only-source "$pkg" 2>/dev/null | awk '/^Version:/ {print $2}' | sort -Vru | tr '\n' ' ')
  [ -n "$versions" ] || die "apt-cache knows no source package $pkg (deb-src entries? apt-get update?)"
  VER=""
  if [ -f "$S/$pkg/chosen" ] && [ "$(sed -n 2p "$S/$pkg/chosen")" = "$versions" ]; then
    VER=$(sed -n 1p "$S/$pkg/chosen")
  else
    for v in $versions; do
      up=${v#*:}; up=${up%-*}
      say "apt-get source $pkg=$v"
      (cd "$S/$pkg" && apt-get source --download-only "$pkg=$v" >"$LOGS/fetch-$pkg.log" 2>&1) ||
        echo "   (some files failed: $(grep -c '^E: Failed to fetch' "$LOGS/fetch-$pkg.log") 404s, see $LOGS/fetch-$pkg.log)"
      if ls "$S/$pkg/${pkg}_${up}".orig.tar.* >/dev/null 2>&1; then VER=$v; break; fi
    done
    [ -n "$VER" ] || die "no version of $pkg could be downloaded ($versions)"
    printf '%s\n%s\n' "$VER" "$versions" > "$S/$pkg/chosen"
  fi
  up=${VER#*:}; up=${up%-*}
  ORIG=""
  for f in "$S/$pkg/${pkg}_${up}".orig.tar.*; do [ -f "$f" ] && ORIG=$f && break; done
  [ -n "$ORIG" ] || die "no orig tarball for $pkg $VER in $S/$pkg"
}

# unpack PKG DEST: a fresh tree in DEST, with Debian's patches when the .dsc
# and every file it names are there (dpkg-source -x), else the orig tarball.
unpack() {
  local pkg=$1 dest=$2 dsc="$S/$1/$1_${VER#*:}.dsc"
  rm -rf "$dest"
  if [ -f "$dsc" ] && dpkg-source -x "$dsc" "$dest" >>"$LOGS/$3.log" 2>&1; then
    FROM="debian $VER (Debian patches applied)"
  else
    rm -rf "$dest"; mkdir -p "$dest"
    tar xf "$ORIG" -C "$dest" --strip-components=1
    FROM="upstream $(basename "$ORIG") (no Debian patches: .dsc or debian.tar not available)"
  fi
}

# ---------------------------------------------------------------- recipes
# Each recipe runs in a fresh tree ($T), logs to $LOGS/<lib>.log and installs
# into $P. Its text is part of its stamp, so editing a recipe rebuilds it.

build_zlib() {
  # Debian's dfsg tarball has no win32/Makefile.gcc: use ./configure with CHOST.
  CHOST=$H ./configure --static --prefix="$P"
  make -j"$J" libz.a
  make install
}

build_libpng() {
  mkdir b && cd b
  cmake .. -DCMAKE_TOOLCHAIN_FILE="$C/toolchain.cmake" -DCMAKE_INSTALL_PREFIX="$P" \
    -DCMAKE_BUILD_TYPE=Release -DPNG_SHARED=OFF -DPNG_STATIC=ON -DPNG_TESTS=OFF \
    -DPNG_EXECUTABLES=OFF -DZLIB_LIBRARY="$P/lib/libz.a" -DZLIB_INCLUDE_DIR="$P/include"
  make -j"$J"
  make install
}

build_libharu() {
  # The static library is named libhpdfs.a; users must NOT define HPDF_DLL.
  mkdir b && cd b
  cmake .. -DCMAKE_TOOLCHAIN_FILE="$C/toolchain.cmake" -DCMAKE_INSTALL_PREFIX="$P" \
    -DCMAKE_BUILD_TYPE=Release -DLIBHPDF_SHARED=OFF -DLIBHPDF_STATIC=ON \
    -DZLIB_LIBRARY="$P/lib/libz.a" -DZLIB_INCLUDE_DIR="$P/include" \
    -DPNG_LIBRARY="$P/lib/libpng16.a" -DPNG_PNG_INCLUDE_DIR="$P/include"
  make -j"$J"
  make install
  # It also installs its docs and other languages' bindings into the prefix.
  rm -rf "$P/if" "$P/CHANGES" "$P/INSTALL" "$P/README"
}

build_sqlite3() {
  # Debian's orig tarball is the full tree: make the amalgamation natively
  # (needs tclsh), then cross-compile sqlite3.c alone.
  mkdir b && cd b
  CC=gcc ../configure
  make sqlite3.c
  "$CC" -O2 -c sqlite3.c -DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_FTS5 -DSQLITE_OMIT_LOAD_EXTENSION
  rm -f "$P/lib/libsqlite3.a"
  "$AR" rcs "$P/lib/libsqlite3.a" sqlite3.o
  cp sqlite3.h sqlite3ext.h "$P/include/"
}

build_ncurses() {
  # Our patch: Japanese (non-ASCII) key input through the Windows console
  # driver (ReadConsoleInputW; _nc_mblen counted every multibyte char as
  # incomplete). See docs/windows.md.
  (cd ncurses && patch -p0 < "$here/ncurses-win32con-wide-input.patch")
  # and output: a double-width character written to both of its console
  # cells (stock ncurses wrote one cell and left the next one stale)
  (cd ncurses && patch -p0 < "$here/ncurses-win32con-wide-output.patch")
  mkdir b && cd b
  ../configure --host="$H" --prefix="$P" --enable-widec --enable-term-driver \
    --enable-sp-funcs --without-ada --without-cxx-binding --without-cxx --without-shared \
    --with-normal --without-debug --without-progs --without-tests --without-manpages \
    --disable-database --disable-db-install --with-fallbacks=xterm-256color,tmux-256color,vt100 \
    --disable-home-terminfo --enable-interop --without-pthread --disable-rpath
  make -j"$J"
  make install
}

build_libyaml() {
  # The release tarball carries both autotools and CMake; CMake with
  # BUILD_SHARED_LIBS=OFF defines YAML_DECLARE_STATIC for the library.
  # Users must define YAML_DECLARE_STATIC too (else yaml.h says dllimport).
  mkdir b && cd b
  cmake .. -DCMAKE_TOOLCHAIN_FILE="$C/toolchain.cmake" -DCMAKE_INSTALL_PREFIX="$P" \
    -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DBUILD_TESTING=OFF \
    -DINSTALL_CMAKE_DIR=lib/cmake/yaml
  make -j"$J"
  make install
}

build_jansson() {
  mkdir b && cd b
  cmake .. -DCMAKE_TOOLCHAIN_FILE="$C/toolchain.cmake" -DCMAKE_INSTALL_PREFIX="$P" \
    -DCMAKE_BUILD_TYPE=Release -DJANSSON_BUILD_SHARED_LIBS=OFF -DJANSSON_BUILD_DOCS=OFF \
    -DJANSSON_WITHOUT_TESTS=ON -DJANSSON_EXAMPLES=OFF
  make -j"$J"
  make install
}

# lib PKG LIB FILE DEPS...: builds LIB from source package PKG unless its
# stamp matches; FILE is what it installs into $P/lib; DEPS are libraries
# whose stamps go into this one's (a rebuilt zlib rebuilds libpng).
lib() {
  local pkg=$1 name=$2 file=$3 d deps="" want t0
  shift 3
  for d in "$@"; do deps="$deps $(cat "$ST/$d.stamp")"; done
  fetch "$pkg"
  local extra=""
  [ "$name" = ncurses ] && extra=$(cat "$here"/ncurses-win32con-wide-*.patch)
  want="version=$VER recipe=$( { declare -f "build_$name"; echo "$common_hash $deps"; echo "$extra"; } |
        sha256sum | cut -c1-16)"
  if [ -f "$ST/$name.stamp" ] && [ "$(head -1 "$ST/$name.stamp")" = "$want" ] && [ -f "$P/lib/$file" ]; then
    echo "   $name $VER: up to date"
    return
  fi
  say "building $name ($pkg $VER)"
  t0=$(date +%s)
  rm -f "$ST/$name.stamp"
  : > "$LOGS/$name.log"
  unpack "$pkg" "$B/$name" "$name"
  # Not in an "if": there errexit would be off inside the recipe too.
  set +e
  (set -ex; cd "$B/$name"; "build_$name") >>"$LOGS/$name.log" 2>&1
  local rc=$?
  set -e
  if [ "$rc" != 0 ]; then
    tail -30 "$LOGS/$name.log"
    die "$name failed; the whole log is $LOGS/$name.log"
  fi
  [ -f "$P/lib/$file" ] || die "$name built but $P/lib/$file is missing"
  printf '%s\nfrom=%s\n' "$want" "$FROM" > "$ST/$name.stamp"
  echo "   $name: $FROM, $(($(date +%s) - t0)) s, $file $(stat -c %s "$P/lib/$file") bytes"
  rm -rf "${B:?}/$name"
}

lib zlib      zlib    libz.a
lib libpng1.6 libpng  libpng16.a     zlib
lib libharu   libharu libhpdfs.a     zlib libpng
lib sqlite3   sqlite3 libsqlite3.a
lib ncurses   ncurses libncursesw.a
lib libyaml   libyaml libyaml.a
lib jansson   jansson libjansson.a

# ---------------------------------------------------------------- smoke test
say "smoke test"
mkdir -p "$C/smoke"
exe=$C/smoke/smoke.exe
"$CC" -std=c11 -O2 -Wall -Wextra -Werror -I"$P/include" -o "$exe" "$here/smoke.c" \
  -L"$P/lib" -static -lncursesw -lsqlite3 -lhpdfs -lpng16 -lz -lyaml -ljansson -lm
rm -f "$C/smoke/smoke.pdf"
# The first run makes the wine prefix (about 10 s). msvcrt writes CRLF.
set +e
out=$(cd "$C/smoke" && WINEDEBUG=-all WINEPREFIX="$C/wineprefix" wine smoke.exe smoke.pdf 2>"$LOGS/smoke-wine.log" </dev/null)
rc=$?
set -e
out=$(printf '%s\n' "$out" | tr -d '\r')
[ "$rc" = 0 ] || { echo "$out"; cat "$LOGS/smoke-wine.log"; die "smoke.exe failed under wine (exit $rc)"; }
echo "$out"
[ "$(echo "$out" | tail -1)" = OK ] || die "smoke.exe did not print OK"
echo "   smoke.exe: $(stat -c %s "$exe") bytes; smoke.pdf: $(stat -c %s "$C/smoke/smoke.pdf") bytes"

# ---------------------------------------------------------------- iryosec.exe
# The program itself, built by CMake with the toolchain file against the
# libraries above (CMakeLists.txt, WIN32). IRY_WIN_WERROR=1: warnings are
# errors (scripts/test.sh sets it; a packager's build never).
X=${IRY_WIN_BUILD:-$root/build-win/exe}
say "iryosec.exe (in $X)"
werror=OFF; [ "${IRY_WIN_WERROR:-0}" = 1 ] && werror=ON
cmake -S "$root" -B "$X" -DCMAKE_TOOLCHAIN_FILE="$C/toolchain.cmake" -DIRY_WIN_DEPS="$P" \
  -DCMAKE_BUILD_TYPE=Release -DIRY_WERROR=$werror >"$LOGS/iryosec-cmake.log" 2>&1 ||
  { tail -30 "$LOGS/iryosec-cmake.log"; die "cmake for iryosec.exe failed ($LOGS/iryosec-cmake.log)"; }
cmake --build "$X" -j"$J" >"$LOGS/iryosec-build.log" 2>&1 ||
  { grep -E 'error|warning' "$LOGS/iryosec-build.log" | head -30; die "iryosec.exe did not build ($LOGS/iryosec-build.log)"; }

# ---------------------------------------------------------------- the zip
# iryosec-<version>-windows.zip: one folder with iryosec.exe (stripped),
# content/, the compiled catalog, the font with its licence, a Japanese
# README and the licence, text files with CRLF for Notepad.
ver=$(sed -n 's/^project(iryosec VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
name=iryosec-$ver-windows
D=$X/dist/$name
rm -rf "$X/dist"
mkdir -p "$D/fonts" "$D/locale/ja/LC_MESSAGES"
"$H-strip" -o "$D/iryosec.exe" "$X/iryosec.exe"
cp -R "$root/content" "$D/content"
rm -f "$D/content/README.md"    # for content authors, as the Linux install does
cp "$X/locale/ja/LC_MESSAGES/iryosec.mo" "$D/locale/ja/LC_MESSAGES/"
font=/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf
cp "$font" "$D/fonts/ipaexg.ttf"
crlf() { sed 's/$/\r/' "$1"; }
crlf /usr/share/doc/fonts-ipaexfont-gothic/copyright > "$D/fonts/IPAexfont-license.txt"
{ printf '\357\273\277'; sed "s/@VERSION@/$ver/" "$here/README-ja.txt" | sed 's/$/\r/'; } > "$D/README.txt"
crlf "$root/LICENSE" > "$D/LICENSE.txt"
# fixed times and order: the same sources give the same zip
find "$D" -exec touch -h -d "@${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)}" {} +
rm -f "$X/$name.zip"
(cd "$X/dist" && find "$name" -print | LC_ALL=C sort | zip -q -X -D "../$name.zip" -@)
echo "   $X/$name.zip: $(stat -c %s "$X/$name.zip") bytes; iryosec.exe $(stat -c %s "$X/iryosec.exe") bytes ($(stat -c %s "$D/iryosec.exe") stripped)"
say "done in $(($(date +%s) - t_start)) s; libraries and headers in $P/lib and $P/include"
