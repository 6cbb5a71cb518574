#!/usr/bin/env bash
# Dependency direction (docs/style.md §2, docs/ARCHITECTURE.md): sqlite3.h
# only in src/store, hpdf only in src/report, curses only in src/tui and
# src/wizard, jansson only in src/xfer, no Japanese literal in C outside the three places that must
# have one, and model/ stays pure.
#
# The arrows, lowest first; a module includes only those left of it:
#   util (util/cell.h: enum cell and its keys, below content because both
#         content/ and store/ read the keys)
#   content      util
#   model        content, util
#   store        model, util                 (never content/ directly)
#   report       model, content, util
#   tui          util                        (a side branch: no model)
#   job          report, store, model, content, util (never tui, wizard)
#   wizard       job, tui, store, model, content, util; never report/: its
#                types (report_result, REPORT_*) come through job/job.h
#   xfer         job/year.h, store, model, content, util (export and import:
#                at the level of the jobs; never tui, wizard or report)
#   agg          xfer, job, report, store, model, content, util (many
#                clinics' files into counts; never tui or wizard)
#   main.c       agg, xfer, job, report, store, model, content, util, and
#                wizard/app.h only (wizard_run); never tui/
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
  grep -qE '#include *<jansson\.h>' "$f" && [ "$dir" != xfer ] && bad "$rel includes jansson.h"
  case $dir in
    util) grep -qE '#include *"(content|model|store|tui|wizard|report|job|xfer|agg)/' "$f" && bad "$rel (util) includes a higher module" ;;
    content) grep -qE '#include *"(model|store|tui|wizard|report|job|xfer|agg)/' "$f" && bad "$rel (content) includes a higher module" ;;
    model) grep -qE '#include *"(store|tui|wizard|report|job|xfer|agg)/' "$f" && bad "$rel (model) includes store, tui, wizard, report, job or xfer" ;;
    store) grep -qE '#include *"(content|tui|wizard|report|job|xfer|agg)/' "$f" && bad "$rel (store) includes content, tui, wizard, report, job or xfer" ;;
    report) grep -qE '#include *"(store|tui|wizard|job|xfer|agg)/' "$f" && bad "$rel (report) includes store, tui, wizard, job or xfer" ;;
    tui) grep -qE '#include *"(content|model|store|wizard|report|job|xfer|agg)/' "$f" && bad "$rel (tui) includes model-level code" ;;
    job) grep -qE '#include *"(tui|wizard|xfer|agg)/' "$f" && bad "$rel (job) includes tui, wizard, xfer or agg" ;;
    wizard) grep -qE '#include *"(report|xfer|agg)/' "$f" && bad "$rel (wizard) includes report/ (take its types from job/job.h), xfer/ or agg/" ;;
    xfer)
      grep -qE '#include *"(tui|wizard|report|agg)/' "$f" && bad "$rel (xfer) includes tui, wizard, report or agg"
      grep -E '#include *"job/' "$f" | grep -qvE '#include *"job/year\.h"' && bad "$rel (xfer) includes job/ beyond job/year.h" ;;
    agg) grep -qE '#include *"(tui|wizard)/' "$f" && bad "$rel (agg) includes tui or wizard" ;;
    main.c)
      grep -qE '#include *"tui/' "$f" && bad "$rel includes tui/"
      grep -E '#include *"wizard/' "$f" | grep -qvE '#include *"wizard/app\.h"' && bad "$rel includes wizard/ beyond wizard/app.h" ;;
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
