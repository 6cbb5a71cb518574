#!/usr/bin/env bash
# Dependency direction (style.md §2): sqlite3.h only in src/store, hpdf only
# in src/report, curses only in src/tui and src/wizard, no Japanese literal in
# C outside the two places that must have one, and model/ stays pure.
set -u
src=${1:-.}/src
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

while IFS= read -r f; do
  rel=${f#"$src"/}
  dir=${rel%%/*}
  grep -qE '#include *<sqlite3\.h>' "$f" && [ "$dir" != store ] && bad "$rel includes sqlite3.h"
  grep -qE '#include *<hpdf' "$f" && [ "$dir" != report ] && bad "$rel includes hpdf"
  grep -qE '#include *<(n?curses|ncursesw/curses)\.h>' "$f" && [ "$dir" != tui ] && [ "$dir" != wizard ] && bad "$rel includes curses"
  case $dir in
    util) grep -qE '#include *"(content|model|store|tui|wizard|report)/' "$f" && bad "$rel (util) includes a higher module" ;;
    content) grep -qE '#include *"(model|store|tui|wizard|report)/' "$f" && bad "$rel (content) includes a higher module" ;;
    model) grep -qE '#include *"(store|tui|wizard|report)/' "$f" && bad "$rel (model) includes store, tui, wizard or report" ;;
    store) grep -qE '#include *"(tui|wizard|report)/' "$f" && bad "$rel (store) includes tui, wizard or report" ;;
    report) grep -qE '#include *"(store|tui|wizard)/' "$f" && bad "$rel (report) includes store, tui or wizard" ;;
    tui) grep -qE '#include *"(content|model|store|wizard|report)/' "$f" && bad "$rel (tui) includes model-level code" ;;
  esac
  # Prepared statements only: user text is bound (?1), never formatted into
  # SQL. The only SQL built at run time is the migration list and integers.
  if [ "$dir" = store ]; then
    grep -nE 'sqlite3_v?(m|sn)printf|sqlite3_str_' "$f" && bad "$rel formats SQL with sqlite3_*printf"
    grep -nE 'strbuf_add(f|str)\(&sql' "$f" | grep -vE 'PRAGMA (user_version|application_id) = %d' | grep . && bad "$rel builds SQL text from values"
  fi
  # UI text goes through gettext: no Japanese in C strings, except words
  # read from input (the date parser's eras, secret.c's password words) and
  # the message shown when gettext cannot work.
  case $rel in
    model/date.c|util/i18n.c|util/secret.c) ;;
    *) sed -e 's#/\*.*\*/##g' -e 's#^\s*\*.*##' -e 's#^\s*/\*.*##' "$f" | grep -nP '"[^"]*[\x{3000}-\x{30FF}\x{4E00}-\x{9FFF}\x{FF00}-\x{FFEF}][^"]*"' | head -3 | while IFS= read -r l; do echo "FAIL: Japanese literal in $rel: $l"; done | grep . && fails=$((fails + 1)) ;;
  esac
done < <(find "$src" -name '*.[ch]')
[ "$fails" -eq 0 ] && echo "PASS" && exit 0
exit 1
