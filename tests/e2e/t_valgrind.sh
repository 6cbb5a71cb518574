#!/usr/bin/env bash
# Valgrind on real runs: the wizard driven through setup, answers, a vendor
# and a PDF, then status and the full report on the fixed data set. Any
# invalid read or write, use of an uninitialised value or leak fails. (The
# ASan build checks the same with its own tool: valgrind cannot run it.)
source "$(dirname "$0")/../lib/e2e.sh"

if ldd "$BIN" | grep -q libasan; then
  echo "FAIL: an ASan build: valgrind cannot run it (tests/CMakeLists.txt does not register this test there)"
  exit 1
fi
command -v valgrind >/dev/null || { echo "FAIL: valgrind is not installed (scripts/deps.sh --test)"; exit 1; }
VG="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes"

vg_clean() { # vg_clean WHAT LOGFILE
  if [ -s "$2" ]; then fail "$1: valgrind found:"; head -40 "$2"; fi
}

# the wizard
stop_server
tm -f /dev/null new-session -d -s s -x 80 -y 24 \
  "$VG --log-file=$WORK/vg-wizard $BIN; echo \$? > $WORK/exit; sleep 600"
setup_facility "わたなべ医院"
keys Enter
wait_for " / 22" 30
keys 1
wait_for "保存しました" 30
keys Right 2
wait_for "続けて目標日" 30
typ "2027-03-01"; keys Enter
typ "渡辺"; keys Enter
typ "業者に聞く"; keys Enter
wait_for "保存しました" 30
keys Escape
wait_for "回答の保存先" 30
keys 2 a
wait_for "新しい事業者" 30
typ "アルファ医療システム"; keys Enter
wait_for "保存しました" 30
keys Escape Escape Escape
wait_for "回答の保存先" 30
keys 7
wait_for "レポート（PDF）の作成" 30
keys C-u; typ "$WORK/w.pdf"; keys Enter
wait_for "作成しました" 60
keys Escape
wait_for "回答の保存先" 30
keys q
check "wizard under valgrind: exit 0" test "$(wait_exit 60)" = 0
vg_clean "wizard" "$WORK/vg-wizard"

# status and the full report on the fixed data set
"$MKDATA" "$WORK/full.db" >/dev/null || fail "iryosec-mkdata"
$VG --log-file="$WORK/vg-status" "$BIN" --db "$WORK/full.db" status >/dev/null 2>&1
check "status under valgrind: exit 0" test $? = 0
vg_clean "status" "$WORK/vg-status"
$VG --log-file="$WORK/vg-report" "$BIN" --db "$WORK/full.db" report -o "$WORK/full.pdf" >/dev/null 2>&1
check "report under valgrind: exit 0" test $? = 0
vg_clean "report" "$WORK/vg-report"
check "the report was written" test -s "$WORK/full.pdf"
finish
