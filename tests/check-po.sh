#!/usr/bin/env bash
# Every msgid in the sources has a Japanese translation in locale/ja.po, and
# locale/iryosec.pot is up to date (run scripts/update-po.sh after editing).
set -u
top=${1:-.}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$top" && find src -name '*.c' | sort | xargs xgettext --from-code=UTF-8 --language=C \
  --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: --package-name=iryosec \
  --msgid-bugs-address= -o "$tmp/now.pot" 2>/dev/null) || { echo "FAIL: xgettext"; exit 1; }
if ! msgcmp "$top/locale/ja.po" "$tmp/now.pot" 2>"$tmp/err"; then
  echo "FAIL: locale/ja.po lacks msgids used in src (run scripts/update-po.sh and translate):"
  head -20 "$tmp/err"; exit 1
fi
untr=$(msgattrib --untranslated --no-obsolete "$top/locale/ja.po")
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$top/locale/ja.po")
[ -z "$untr" ] || { echo "FAIL: untranslated entries:"; echo "$untr" | head -20; exit 1; }
[ -z "$fuzzy" ] || { echo "FAIL: fuzzy entries:"; echo "$fuzzy" | head -20; exit 1; }
# msgfmt checks that each msgstr keeps the msgid's printf conversions
msgfmt --check -o /dev/null "$top/locale/ja.po" || { echo "FAIL: msgfmt --check"; exit 1; }
# no %1$s-style numbered arguments: the Windows build prints through
# mingw-w64's C99 printf, which does not reorder them (docs/windows.md);
# write the English msgid in the order the Japanese needs instead
num=$(msgattrib --no-obsolete "$top/locale/ja.po" | grep -n '%[0-9][0-9]*\$' || true)
[ -z "$num" ] || { echo "FAIL: numbered printf arguments (%1\$s) in locale/ja.po:"; echo "$num" | head -10; exit 1; }
echo PASS
