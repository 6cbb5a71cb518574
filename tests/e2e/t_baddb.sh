#!/usr/bin/env bash
# Bad data files are refused with a clear message and never modified; a
# second wizard on the same file is told it is in use.
source "$(dirname "$0")/../lib/e2e.sh"

sum() { sha256sum "$1" | cut -d' ' -f1; }

printf 'これはメモです。\n' > "$WORK/memo.txt"
before=$(sum "$WORK/memo.txt")
out=$("$BIN" --db "$WORK/memo.txt" status 2>&1); rc=$?
check "text file: exit 1" test $rc = 1
echo "$out" | grep -qF "iryosec のデータファイルではありません" || fail "$out"
check "text file unchanged" test "$(sum "$WORK/memo.txt")" = "$before"
start_app -- --db "$WORK/memo.txt"
wait_for "iryosec のデータファイルではありません"
check "wizard exit 1" test "$(wait_exit)" = 1
check "text file unchanged by the wizard" test "$(sum "$WORK/memo.txt")" = "$before"

sqlite3 "$WORK/other.db" "CREATE TABLE t(a); INSERT INTO t VALUES (1);"
before=$(sum "$WORK/other.db")
out=$("$BIN" --db "$WORK/other.db" report -o "$WORK/x.pdf" 2>&1); rc=$?
check "foreign db: exit 1" test $rc = 1
echo "$out" | grep -qF "ほかのプログラムのデータベース" || fail "$out"
check "foreign db unchanged" test "$(sum "$WORK/other.db")" = "$before"

"$BIN" --db "$WORK/newer.db" status >/dev/null 2>&1
sqlite3 "$WORK/newer.db" "PRAGMA user_version = 7;"
before=$(sum "$WORK/newer.db")
out=$("$BIN" --db "$WORK/newer.db" status 2>&1); rc=$?
check "newer db: exit 1" test $rc = 1
echo "$out" | grep -qF "新しい版の iryosec で作られた" || fail "$out"
check "newer db unchanged" test "$(sum "$WORK/newer.db")" = "$before"

# a second wizard on the same data file
start_app
setup_facility "にしむら歯科"
tm new-window -t s "$BIN; echo \$? > $WORK/exit2; sleep 600"
i=0; while [ ! -s "$WORK/exit2" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
check "second wizard exits 1" test "$(cat "$WORK/exit2" 2>/dev/null)" = 1
wait_for "別の画面で使用中です"
tm kill-window -t s:1
keys Enter
wait_for "1 / 22"
keys 1
wait_for "保存しました"
finish
