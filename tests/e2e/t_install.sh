#!/usr/bin/env bash
# Installed like a Debian program: cmake --install into a DESTDIR puts the
# program, its content, the catalog, the manual page and the docs where
# they belong; the installed program finds content and catalog relative to
# itself (no build tree, no environment) and runs status and report, also
# after the whole tree is moved. cpack makes a .deb with the right
# Depends and files.
source "$(dirname "$0")/../lib/e2e.sh"

BUILD=${IRY_BINARY_DIR:-$(dirname "$BIN")}
ROOT=$WORK/root
DESTDIR=$ROOT cmake --install "$BUILD" --prefix /usr >"$WORK/install.log" 2>&1 ||
  { fail "cmake --install: $(tail -5 "$WORK/install.log")"; finish; }
for f in usr/bin/iryosec usr/share/iryosec/content/r8/edition.yaml \
    usr/share/iryosec/content/common/remote.yaml usr/share/iryosec/content/vulns/fortinet.yaml \
    usr/share/locale/ja/LC_MESSAGES/iryosec.mo usr/share/man/man1/iryosec.1.gz \
    usr/share/doc/iryosec/README.md usr/share/doc/iryosec/export-schema.json; do
  check "installed: $f" test -s "$ROOT/$f"
done
check "no content README installed as content" test ! -e "$ROOT/usr/share/iryosec/content/README.md"
zcat "$ROOT/usr/share/man/man1/iryosec.1.gz" | grep -q "^.TH IRYOSEC 1" || fail "the manual page is not a man page"

# run it from there: nothing of the build tree or the environment helps
run_installed() { # run_installed PREFIX ARGS...
  local prefix=$1; shift
  env -i PATH=/usr/bin:/bin HOME="$HOME" XDG_DATA_HOME="$XDG_DATA_HOME" \
    IRYOSEC_TODAY="$IRYOSEC_TODAY" LANG=C.UTF-8 "$prefix/bin/iryosec" "$@"
}
make_db "$WORK/d.db"
for prefix in "$ROOT/usr" "$WORK/moved/usr"; do
  if [ "$prefix" = "$WORK/moved/usr" ]; then
    mkdir -p "$WORK/moved" && mv "$ROOT/usr" "$WORK/moved/"
  fi
  out=$(run_installed "$prefix" validate-content 2>&1); rc=$?
  check "$prefix: validate-content exits 0" test $rc = 0
  echo "$out" | grep -qF "問題なし: $prefix/bin/../share/iryosec/content" ||
    fail "$prefix: not the installed content, or no Japanese: $out"
  out=$(run_installed "$prefix" --db "$WORK/d.db" status 2>&1); rc=$?
  check "$prefix: status exits 0" test $rc = 0
  echo "$out" | grep -qF "回答済み: 22 / 22 項目" || fail "$prefix: status: $out"
  out=$(run_installed "$prefix" --db "$WORK/d.db" report -o "$WORK/i.pdf" 2>&1); rc=$?
  check "$prefix: report exits 0" test $rc = 0
  echo "$out" | grep -qF "PDFを作成しました" || fail "$prefix: report: $out"
  pdftotext "$WORK/i.pdf" - | grep -qF "点検の概要" || fail "$prefix: the PDF lacks its summary"
  rm -f "$WORK/i.pdf"
done

# the Debian package
if command -v dpkg-deb >/dev/null; then
  (cd "$BUILD" && cpack -G DEB -B "$WORK/pkg") >"$WORK/cpack.log" 2>&1 ||
    fail "cpack: $(tail -5 "$WORK/cpack.log")"
  deb=$(ls "$WORK"/pkg/iryosec_*.deb 2>/dev/null | head -1)
  check "a .deb was made" test -n "$deb"
  if [ -n "$deb" ]; then
    info=$(dpkg-deb -I "$deb")
    for dep in libncursesw6 libsqlite3-0 libhpdf-2.3.0 libyaml-0-2 libjansson4 fonts-ipaexfont-gothic; do
      echo "$info" | grep -q "^ Depends:.*$dep" || fail ".deb Depends lacks $dep: $info"
    done
    files=$(dpkg-deb -c "$deb")
    for f in ./usr/bin/iryosec ./usr/share/iryosec/content/r8/edition.yaml \
        ./usr/share/locale/ja/LC_MESSAGES/iryosec.mo ./usr/share/man/man1/iryosec.1.gz; do
      echo "$files" | grep -qF " $f" || fail ".deb lacks $f"
    done
  fi
else
  fail "dpkg-deb is missing (the test command installs it)"
fi
finish
