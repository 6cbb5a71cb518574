#!/usr/bin/env bash
# Extracts every _() and N_() msgid from src/ into locale/iryosec.pot and
# merges it into locale/ja.po (new entries come in untranslated; the build
# refuses untranslated or fuzzy entries until they are translated).
set -eu
cd "$(dirname "$0")/.."
find src -name '*.c' | sort | xargs xgettext --from-code=UTF-8 --language=C \
  --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: \
  --package-name=iryosec --msgid-bugs-address= -o locale/iryosec.pot
msgmerge --quiet --update --backup=none --no-fuzzy-matching locale/ja.po locale/iryosec.pot
msgattrib --no-obsolete -o locale/ja.po locale/ja.po  # drop entries no longer in src/
echo "updated locale/iryosec.pot and locale/ja.po"
